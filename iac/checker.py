"""Names, references, types and the contract's rules: syntax tree -> app model."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from . import catalog as cat
from . import model as m
from . import syntax as s
from .diagnostics import Diagnostics, Label, did_you_mean, one_of
from .names import NAME_RE, logical_id
from .source import Span

_UNSET = object()
MAX_NAME = 64  # logical IDs (255) and physical names are built from it, with suffixes


class Checker:
    def __init__(
        self,
        modules: list[s.Module],
        root: Path,
        diags: Diagnostics,
        overrides: dict[str, str] | None = None,
    ):
        self.modules = modules
        self.root = root
        self.diags = diags
        self.overrides = overrides or {}
        self.decls: dict[str, s.ResourceDecl | s.WorkflowDecl] = {}
        self.kinds: dict[str, str] = {}  # every resource name -> kind, implicit ones included
        self.params: dict[str, m.Param] = {}
        self.param_decls: dict[str, s.ParamDecl] = {}
        self.resources: dict[str, m.Resource] = {}
        self.used: set[str] = set()  # names referred to, for the warnings
        self.app_decl: s.AppDecl | None = None
        self.edges: list[m.Edge] = []
        self.edge_counts: dict[tuple[str, str, str], int] = {}
        self.edge_spans: dict[tuple[str, str, str], Span] = {}
        self.shorthand_names: dict[int, str | None] = {}  # id(statement) -> schedule name
        # Suggestions compare a word with every candidate: cap the total work, so a
        # program with thousands of wrong names still checks in seconds.
        self.guess_budget = 100_000

    # ================================================================ driver

    def run(self) -> m.App | None:
        statements = [st for mod in self.modules for st in mod.statements]
        self._declare(statements)
        app = self._app()
        for st in statements:
            if (
                isinstance(st, s.ResourceDecl | s.WorkflowDecl)
                and self.decls.get(st.name.text) is st
            ):
                self._resource(st)
        self._implicit_resources()
        for st in statements:
            if isinstance(st, s.OnDecl):
                self._on(st)
            elif isinstance(st, s.EveryDecl | s.CronDecl):
                self._shorthand(st)
        self._cross_rules()
        outputs = [self._output(st) for st in statements if isinstance(st, s.OutputDecl)]
        if not self.resources and not self.diags.has_errors:
            first = self.modules[0].span if self.modules else None
            span = Span(first.source, 0, 0) if first else None
            self.diags.error(
                "E121",
                "the program declares no resources",
                span,
                hints=('declare one, for example `queue jobs` or `function f { code = "f.py" }`',),
            )
        self._warnings(statements)
        if self.diags.has_errors or app is None:
            return None
        name, region, prefix, tags, network = app
        return m.App(
            name=name,
            region=region,
            prefix=prefix,
            tags=tags,
            network=network,
            resources=self.resources,
            edges=self.edges,
            params=self.params,
            outputs=[o for o in outputs if o is not None],
            root=self.root,
        )

    def error(self, code: str, message: str, span: Span | None, **kw: Any) -> None:
        self.diags.error(code, message, span, **kw)

    # ================================================================ declarations

    def _declare(self, statements: list[s.Statement]) -> None:
        seen: dict[str, Span] = {}
        ids: dict[str, tuple[str, Span]] = {}

        def claim(name: s.Name, what: str) -> bool:
            if not NAME_RE.match(name.text):
                self.error(
                    "E122",
                    f"`{name.text}` is not a valid name",
                    name.span,
                    hints=("names are lower case letters, digits and `_`, starting with a letter",),
                )
                return False
            if len(name.text) > MAX_NAME:
                self.error(
                    "E122",
                    f"`{name.text}` is too long: a name has at most {MAX_NAME} characters",
                    name.span,
                )
                return False
            if name.text in seen:
                self.error(
                    "E103",
                    f"`{name.text}` is declared twice",
                    name.span,
                    labels=[Label(seen[name.text], "first declared here")],
                )
                return False
            lid = logical_id(name.text)
            if lid in ids:
                other, other_span = ids[lid]
                self.error(
                    "E104",
                    f"`{name.text}` and `{other}` would both get the logical ID `{lid}`",
                    name.span,
                    labels=[Label(other_span, f"`{other}` declared here")],
                    hints=("rename one of them",),
                )
                return False
            seen[name.text] = name.span
            ids[lid] = (name.text, name.span)
            return True

        for st in statements:
            if isinstance(st, s.AppDecl):
                if self.app_decl is not None:
                    self.error(
                        "E124",
                        "a program has at most one `app` block",
                        st.name.span,
                        labels=[Label(self.app_decl.name.span, "the first one")],
                    )
                else:
                    self.app_decl = st
            elif isinstance(st, s.ParamDecl):
                if claim(st.name, "param"):
                    self._param(st)
            elif isinstance(st, s.WorkflowDecl):
                if claim(st.name, "workflow"):
                    self.decls[st.name.text] = st
                    self.kinds[st.name.text] = "workflow"
            elif isinstance(st, s.ResourceDecl):
                kind = st.kind.text
                if kind not in cat.KINDS:
                    self._unknown(
                        "E101", "resource kind", st.kind, sorted(cat.KINDS), extra="kinds"
                    )
                    continue
                if claim(st.name, kind):
                    self.decls[st.name.text] = st
                    self.kinds[st.name.text] = kind
        # Names the compiler makes: dead-letter queues and shorthand schedules.
        for st in statements:
            if isinstance(st, s.ResourceDecl) and st.kind.text == "queue":
                if any(
                    isinstance(i, s.Attribute) and i.name.text == "max_receives" for i in st.items
                ):
                    dlq = s.Name(f"{st.name.text}_dlq", st.name.span)
                    if self.decls.get(st.name.text) is st and claim(dlq, "queue"):
                        self.kinds[dlq.text] = "queue"
        counts: dict[str, int] = {}
        for st in statements:
            if isinstance(st, s.EveryDecl | s.CronDecl):
                name = self._shorthand_name(st, counts)
                self.shorthand_names[id(st)] = name
                if name and claim(s.Name(name, st.span), "schedule"):
                    self.kinds[name] = "schedule"

    def _shorthand_name(self, st: s.EveryDecl | s.CronDecl, counts: dict[str, int]) -> str | None:
        target = st.target.text
        if isinstance(st, s.EveryDecl):
            if not isinstance(st.rate, s.Duration):
                return None
            return f"{target}_every_{st.rate.text}"
        counts[target] = counts.get(target, 0) + 1
        return f"{target}_cron_{counts[target]}"

    def _guess(self, word: str, candidates: Iterable[str]) -> str | None:
        pool = list(candidates)
        if len(pool) > self.guess_budget:
            return None
        self.guess_budget -= len(pool)
        return did_you_mean(word, pool)

    def _unknown(
        self,
        code: str,
        what: str,
        name: s.Name,
        valid: Iterable[str],
        *,
        extra: str = "",
        context: str = "",
    ) -> None:
        valid = list(valid)
        guess = self._guess(name.text, valid)
        hints = []
        if valid:
            hints.append(f"valid {extra or what + 's'}{context}: {one_of(valid)}")
        self.error(
            code,
            f"unknown {what} `{name.text}`{context}",
            name.span,
            note=f"did you mean `{guess}`?" if guess else "",
            hints=hints,
        )

    # ================================================================ params and app

    def _param(self, st: s.ParamDecl) -> None:
        ptype = st.type.text
        if ptype not in cat.PARAM_TYPES:
            self._unknown("E125", "param type", st.type, cat.PARAM_TYPES, extra="types")
            return
        default: Any = None
        if st.default is not None:
            default = self._literal(st.default, ptype, st.name.text)
        name = st.name.text
        if name in self.overrides:
            default = self._override(name, ptype, self.overrides[name], st.span)
        self.params[name] = m.Param(name, ptype, default, st.span)
        self.param_decls[name] = st

    def _override(self, name: str, ptype: str, raw: str, span: Span) -> Any:
        if ptype == "number":
            try:
                return float(raw) if "." in raw else int(raw)
            except ValueError:
                self.error("E126", f"--param {name}={raw}: `{name}` is a number", span)
        elif ptype == "bool":
            if raw in ("true", "false"):
                return raw == "true"
            self.error("E126", f"--param {name}={raw}: `{name}` is true or false", span)
        return raw

    def _literal(self, value: s.Value, vtype: str, what: str) -> Any:
        expected = {"string": s.Str, "number": s.Num, "bool": s.Bool}[vtype]
        if not isinstance(value, expected) or (isinstance(value, s.Str) and not value.is_plain):
            self.error(
                "E107",
                f"the default of `{what}` must be a literal {vtype}",
                value.span,
            )
            return None
        return value.plain if isinstance(value, s.Str) else value.value  # type: ignore[union-attr]

    def _app(self) -> tuple[str, str, m.Expr, dict[str, str], Any] | None:
        decl = self.app_decl
        stem = self.root.stem if self.root.is_file() or self.root.suffix else self.root.name
        default_name = "".join(c if c.isalnum() else "_" for c in stem.lower()).strip("_") or "app"
        if not default_name[0].isalpha():
            default_name = "app_" + default_name
        if decl is None:
            return default_name, "us-east-1", default_name, {}, None
        if not NAME_RE.match(decl.name.text):
            self.error("E122", f"`{decl.name.text}` is not a valid app name", decl.name.span)
        values = self._attributes(decl.items, cat.APP_ATTRS, "app", blocks=cat.APP_BLOCKS)
        tags: dict[str, str] = {}
        network = None
        for item in decl.items:
            if isinstance(item, s.Nested) and item.name.text == "tags":
                tags = self._tags(item)
            elif isinstance(item, s.Nested) and item.name.text == "network":
                net = self._attributes(item.items, cat.NETWORK_ATTRS, "network")
                network = {k: tuple(v or ()) for k, v in net.items()}
        region = values.get("region") or "us-east-1"
        if not isinstance(region, str):
            self.error("E107", "`region` must be a literal string", decl.span)
            region = "us-east-1"
        prefix = values.get("prefix") or decl.name.text
        return decl.name.text, region, prefix, tags, network

    def _tags(self, block: s.Nested) -> dict[str, str]:
        tags: dict[str, str] = {}
        for item in block.items:
            if not isinstance(item, s.Attribute):
                self.error("E127", 'a `tags` block holds `key = "value"` lines', item.span)
                continue
            value = item.value
            if not isinstance(value, s.Str) or not value.is_plain:
                self.error("E107", "a tag value must be a literal string", value.span)
                continue
            text = value.plain
            bad = next((c for c in item.name.text + text if not _tag_char(c)), None)
            if bad is not None:
                self.error(
                    "E128",
                    f"a tag can't hold `{_show_char(bad)}`",
                    value.span,
                    hints=("AWS tags allow letters, digits, spaces and `_ . : / = + - @`",),
                )
                continue
            if len(text) > 256:
                self.error("E108", "a tag value is at most 256 characters", value.span)
                continue
            tags[item.name.text] = text
        return tags

    # ================================================================ resources

    def _resource(self, st: s.ResourceDecl | s.WorkflowDecl) -> None:
        if isinstance(st, s.WorkflowDecl):
            kind = cat.KINDS["workflow"]
            items: tuple[Any, ...] = tuple(i for i in st.steps if isinstance(i, s.Attribute))
        else:
            kind = cat.KINDS[st.kind.text]
            items = st.items
        name = st.name.text
        attrs = self._attributes(
            items,
            kind.attrs,
            f"{kind.name} `{name}`",
            blocks=kind.blocks,
            allows=kind.allows,
            kind=kind.name,
        )
        res = m.Resource(kind.name, name, st.span, attrs)
        for item in items:
            if isinstance(item, s.Allow):
                grant = self._allow(item)
                if grant:
                    res.grants.append(grant)
            elif isinstance(item, s.Nested) and item.name.text == "env":
                res.env = self._env(item)
            elif isinstance(item, s.Nested) and item.name.text == "throttle":
                res.throttle = {
                    k: v
                    for k, v in self._attributes(item.items, cat.THROTTLE_ATTRS, "throttle").items()
                }
        rule = getattr(self, f"_rules_{kind.name}", None)
        if rule:
            rule(res, st)
        self._self_reference(res, items)
        self.resources[name] = res

    def _self_reference(self, res: m.Resource, items: Iterable[Any]) -> None:
        """A function or container can't name its own ARN: CloudFormation would need it
        before creating it, a dependency cycle."""
        for item in items:
            refs: list[s.Ref] = []
            if isinstance(item, s.Allow) and item.target.text == res.name:
                span = item.target.span
            elif isinstance(item, s.Nested) and item.name.text == "env":
                for entry in item.items:
                    if isinstance(entry, s.Attribute):
                        v = entry.value
                        refs += [v] if isinstance(v, s.Ref) else []
                        refs += [p for p in getattr(v, "parts", ()) if isinstance(p, s.Ref)]
                mine = [r for r in refs if r.name.text == res.name]
                if not mine:
                    continue
                span = mine[0].span
            else:
                continue
            self.error(
                "E136",
                f"{res.kind} `{res.name}` refers to itself",
                span,
                hints=(
                    "a resource can't hold its own ARN: at run time, a function finds its "
                    "own name in AWS_LAMBDA_FUNCTION_NAME",
                ),
            )

    def _attributes(
        self,
        items: Iterable[Any],
        specs: tuple[cat.Attr, ...],
        where: str,
        *,
        blocks: tuple[str, ...] = (),
        allows: bool = False,
        kind: str = "",
        span: Span | None = None,
    ) -> dict[str, Any]:
        """Type every attribute of a block against its specs; report the rest."""
        by_name = {a.name: a for a in specs}
        seen: dict[str, Span] = {}
        values: dict[str, Any] = {}
        for item in items:
            if isinstance(item, s.Attribute):
                spec = by_name.get(item.name.text)
                if spec is None:
                    valid = list(by_name) + [f"{b} {{ }}" for b in blocks]
                    self._unknown(
                        "E102",
                        "attribute",
                        item.name,
                        valid,
                        context=f" on {where}",
                        extra="attributes",
                    )
                    continue
                if item.name.text in seen:
                    self.error(
                        "E103",
                        f"`{item.name.text}` is set twice",
                        item.name.span,
                        labels=[Label(seen[item.name.text], "first set here")],
                    )
                    continue
                seen[item.name.text] = item.span
                values[spec.name] = self._value(item.value, spec)
            elif isinstance(item, s.Nested):
                if item.name.text not in blocks:
                    valid = list(blocks)
                    self._unknown(
                        "E102", "block", item.name, valid, context=f" on {where}", extra="blocks"
                    )
            elif isinstance(item, s.Allow):
                if not allows:
                    self.error(
                        "E129",
                        f"`allow` is not valid on {where}: it has no role to grant to",
                        item.span,
                        hints=("functions and containers hold `allow` statements",),
                    )
            elif isinstance(item, s.KeyDecl) and kind != "table":
                self.error("E130", f"`{item.role}` is only valid in a table", item.span)
            elif isinstance(item, s.IndexDecl) and kind != "table":
                self.error("E130", "`index` is only valid in a table", item.span)
            elif isinstance(item, s.Route) and kind != "api":
                self.error("E130", "routes are only valid in an api", item.span)
        for spec in specs:
            if spec.name not in values:
                if spec.required and span is not None:
                    pass
                values[spec.name] = spec.default
        self._seen_spans = seen
        return values

    def _require(self, res: m.Resource, st: Any, *names: str) -> None:
        kind = cat.KINDS[res.kind]
        for name in names:
            if res.attrs.get(name) is None:
                spec = kind.attr(name)
                self.error(
                    "E109",
                    f"{res.kind} `{res.name}` needs `{name}`",
                    st.name.span,
                    hints=(f"add `{name} = ...` ({spec.doc or spec.type})" if spec else "",),
                )

    def attr_span(self, st: Any, name: str) -> Span:
        items = st.items if isinstance(st, s.ResourceDecl) else getattr(st, "steps", ())
        for item in items:
            if isinstance(item, s.Attribute) and item.name.text == name:
                return item.span  # type: ignore[no-any-return]
        return st.name.span  # type: ignore[no-any-return]

    # ---------------------------------------------------------------- values

    def _value(self, value: s.Value, spec: cat.Attr) -> Any:
        t = spec.type
        if isinstance(value, s.BadUnit):
            return None
        if t == "string":
            if (
                spec.literal
                and isinstance(value, s.Str | s.Ref)
                and not (isinstance(value, s.Str) and value.is_plain)
            ):
                self.error(
                    "E107",
                    f"`{spec.name}` takes a literal string: params and `${{...}}` can't shape it",
                    value.span,
                )
                return None
            if isinstance(value, s.Str):
                text = self._string(value)
                if spec.choices and isinstance(text, str) and text not in spec.choices:
                    guess = self._guess(text, spec.choices)
                    self.error(
                        "E108",
                        f'`{spec.name}` can\'t be "{text}"',
                        value.span,
                        note=f"did you mean `{guess}`?" if guess else "",
                        hints=(f"valid values: {one_of(spec.choices)}",),
                    )
                    return None
                if isinstance(text, str) and spec.high is not None and len(text) > spec.high:
                    self.error(
                        "E108",
                        f"`{spec.name}` is at most {spec.high} characters",
                        value.span,
                        note=f"this is {len(text)}",
                    )
                    return None
                return text
            if isinstance(value, s.Ref) and value.attr is None and value.name.text in self.params:
                self._param_use(value, "string")
                return m.ParamRef(value.name.text)
            return self._type_error(value, spec, 'a string like `"text"`')
        if t == "bool":
            if isinstance(value, s.Bool):
                return value.value
            return self._type_error(value, spec, "`true` or `false`")
        if t == "number":
            if not isinstance(value, s.Num):
                return self._type_error(value, spec, "a number")
            if spec.integer and not isinstance(value.value, int):
                return self._type_error(value, spec, "a whole number")
            if spec.choices and value.value not in spec.choices:
                self.error(
                    "E108",
                    f"`{spec.name}` can't be {value.value}",
                    value.span,
                    hints=(f"valid values: {one_of(str(c) for c in spec.choices)}",),
                )
                return None
            return self._range(value.value, spec, value.span, str)
        if t == "duration":
            if not isinstance(value, s.Duration):
                return self._type_error(value, spec, "a duration like `30s`, `5m` or `7d`")
            if value.millis % 1000:
                self.error("E108", f"`{spec.name}` takes whole seconds", value.span)
                return None
            if value.seconds % spec.step:
                unit = {60: "minutes", 86400: "days"}.get(spec.step, f"{spec.step}s")
                self.error("E108", f"`{spec.name}` takes whole {unit}", value.span)
                return None
            if spec.choices and value.seconds not in spec.choices:
                self.error(
                    "E108",
                    f"`{spec.name}` can't be {value.text}",
                    value.span,
                    hints=(f"valid values: {', '.join(_fmt_seconds(c) for c in spec.choices)}",),
                )
                return None
            return self._range(value.seconds, spec, value.span, _fmt_seconds)
        if t == "size":
            if not isinstance(value, s.Size):
                return self._type_error(value, spec, "a size like `512MB`")
            if value.bytes % cat.MB:
                self.error("E108", f"`{spec.name}` takes whole megabytes", value.span)
                return None
            return self._range(value.bytes, spec, value.span, _fmt_bytes)
        if t == "list":
            if not isinstance(value, s.ListV):
                return self._type_error(value, spec, 'a list like `["a", "b"]`')
            out = []
            for item in value.items:
                if not isinstance(item, s.Str) or not item.is_plain:
                    self.error("E107", f"`{spec.name}` holds literal strings", item.span)
                    return None
                out.append(item.plain)
            return tuple(out)
        if t == "path":
            if not isinstance(value, s.JsonPath):
                return self._type_error(value, spec, "a path like `$.result`")
            return value.path
        raise AssertionError(t)

    def _type_error(self, value: s.Value, spec: cat.Attr, expected: str) -> None:
        hints = []
        if spec.type == "size" and isinstance(value, s.Num):
            hints.append(f"add a unit: `{value.value}MB`")
        if spec.type == "duration" and isinstance(value, s.Num):
            hints.append(f"add a unit: `{value.value}s`")
        if isinstance(value, s.Ref) and value.attr is None and value.name.text in self.params:
            hints.append("params can be used in strings and `env` values only")
        self.error(
            "E107",
            f"`{spec.name}` expects {expected}, found {_describe(value)}",
            value.span,
            hints=hints,
        )

    def _range(self, v: Any, spec: cat.Attr, span: Span, fmt: Any) -> Any:
        if (spec.low is not None and v < spec.low) or (spec.high is not None and v > spec.high):
            self.error(
                "E108",
                f"`{spec.name}` must be between {fmt(spec.low)} and {fmt(spec.high)}",
                span,
                note=f"this is {fmt(v)}",
            )
            return None
        return v

    def _string(self, value: s.Str) -> m.Expr:
        if value.is_plain:
            return value.plain
        parts: list[str | m.ParamRef | m.AttrRef] = []
        for part in value.parts:
            if isinstance(part, str):
                parts.append(part)
                continue
            ref = self._ref(part)
            if isinstance(ref, m.ParamRef | m.AttrRef):
                parts.append(ref)
        return m.Interp(tuple(parts))

    def _ref(self, ref: s.Ref, *, want: str = "value") -> m.ParamRef | m.AttrRef | None:
        name = ref.name.text
        if name in self.params and ref.attr is None:
            self._param_use(ref, None)
            return m.ParamRef(name)
        if name in self.params:
            span = ref.attr.span if ref.attr else ref.span
            self.error("E106", f"param `{name}` has no attributes", span)
            return None
        kind_name = self.kinds.get(name)
        if kind_name is None:
            scope = list(self.kinds) + list(self.params)
            guess = self._guess(name, scope)
            self.error(
                "E105",
                f"`{name}` is not declared",
                ref.name.span,
                note=f"did you mean `{guess}`?" if guess else "",
            )
            return None
        self.used.add(name)
        kind = cat.KINDS[kind_name]
        if ref.attr is None:
            self.error(
                "E106",
                f"`{name}` is a {kind_name}: say which attribute",
                ref.span,
                hints=(f"{kind_name} attributes: {one_of(f'{name}.{a}' for a in kind.exposes)}",)
                if kind.exposes
                else (),
            )
            return None
        if ref.attr.text not in kind.exposes:
            self._unknown(
                "E106",
                "attribute",
                ref.attr,
                kind.exposes,
                context=f" of {kind_name} `{name}`",
                extra="attributes",
            )
            return None
        return m.AttrRef(name, ref.attr.text)

    def _param_use(self, ref: s.Ref, want: str | None) -> None:
        self.used.add(ref.name.text)

    def _env(self, block: s.Nested) -> dict[str, m.Expr]:
        env: dict[str, m.Expr] = {}
        for item in block.items:
            if not isinstance(item, s.Attribute):
                self.error("E127", "an `env` block holds `NAME = value` lines", item.span)
                continue
            key = item.name.text
            if key in env:
                self.error("E103", f"`{key}` is set twice", item.name.span)
                continue
            v = item.value
            if isinstance(v, s.Str):
                env[key] = self._string(v)
            elif isinstance(v, s.Num):
                env[key] = str(v.value)
            elif isinstance(v, s.Bool):
                env[key] = "true" if v.value else "false"
            elif isinstance(v, s.Duration | s.Size):
                env[key] = v.text
            elif isinstance(v, s.Ref):
                ref = self._ref(v)
                if ref is not None:
                    env[key] = ref
            else:
                self.error(
                    "E107",
                    f"env values are strings, params or resource attributes; found {_describe(v)}",
                    v.span,
                )
        return env

    def _allow(self, item: s.Allow) -> m.Grant | None:
        target = item.target.text
        kind_name = self.kinds.get(target)
        if kind_name is None:
            guess = self._guess(target, self.kinds)
            self.error(
                "E105",
                f"`{target}` is not declared",
                item.target.span,
                note=f"did you mean `{guess}`?" if guess else "",
            )
            return None
        self.used.add(target)
        kind = cat.KINDS[kind_name]
        ops = []
        for op in item.ops:
            if op.text not in kind.operations:
                if not kind.operations:
                    self.error(
                        "E113",
                        f"a {kind_name} has no operations to allow",
                        op.span,
                    )
                    return None
                self._unknown(
                    "E113",
                    "operation",
                    op,
                    kind.operations,
                    context=f" on {kind_name} `{target}`",
                    extra="operations",
                )
                continue
            if op.text not in ops:
                ops.append(op.text)
        return m.Grant(target, tuple(ops), item.span) if ops else None

    # ---------------------------------------------------------------- kind rules

    def _rules_function(self, res: m.Resource, st: s.ResourceDecl) -> None:
        self._require(res, st, "code")
        code = res.attrs.get("code")
        if not isinstance(code, str):
            return
        path = (st.span.source.directory / code).resolve()
        span = self.attr_span(st, "code")
        if not path.exists():
            guess = _near_file(path, code)
            self.error(
                "E110",
                f"`{code}` does not exist",
                span,
                note=f"did you mean `{guess}`?" if guess else "",
                hints=(f"`code` is relative to the folder of {st.span.source.path.name}",),
            )
            return
        res.code_path = path
        if path.is_dir() and not res.attrs.get("handler"):
            self.error(
                "E123",
                f"function `{res.name}` needs `handler`: its code is a folder",
                span,
                hints=('name the entry point, e.g. `handler = "app.handler"`',),
            )
        elif not res.attrs.get("handler"):
            res.attrs["handler"] = f"{path.stem}.handler"

    def _rules_table(self, res: m.Resource, st: s.ResourceDecl) -> None:
        keys = self._keys(st.items, st.name.span, f"table `{res.name}`")
        if keys:
            res.key, res.sort = keys
        for item in st.items:
            if isinstance(item, s.IndexDecl):
                if any(i.name == item.name.text for i in res.indexes):
                    self.error(
                        "E103", f"index `{item.name.text}` is declared twice", item.name.span
                    )
                    continue
                for other in item.items:
                    if not isinstance(other, s.KeyDecl):
                        self.error("E130", "an index holds only `key` and `sort`", other.span)
                ikeys = self._keys(item.items, item.name.span, f"index `{item.name.text}`")
                if ikeys:
                    res.indexes.append(m.TableIndex(item.name.text, *ikeys))

    def _keys(
        self, items: Iterable[Any], span: Span, where: str
    ) -> tuple[m.TableKey, m.TableKey | None] | None:
        found: dict[str, m.TableKey] = {}
        for item in items:
            if not isinstance(item, s.KeyDecl):
                continue
            if item.role in found:
                self.error("E103", f"{where} has two `{item.role}` lines", item.span)
                continue
            if item.type.text not in cat.KEY_TYPES:
                self._unknown("E107", "key type", item.type, cat.KEY_TYPES, extra="key types")
                continue
            found[item.role] = m.TableKey(item.name.text, item.type.text)
        if "key" not in found:
            self.error(
                "E109",
                f"{where} needs a partition key",
                span,
                hints=("add a line like `key id: string`",),
            )
            return None
        return found["key"], found.get("sort")

    def _rules_api(self, res: m.Resource, st: s.ResourceDecl) -> None:
        seen: dict[tuple[str, str], Span] = {}
        for item in st.items:
            if not isinstance(item, s.Route):
                continue
            key = (item.method, item.path)
            if key in seen:
                self.error(
                    "E115",
                    f"route `{item.method} {item.path}` is declared twice",
                    item.span,
                    labels=[Label(seen[key], "first declared here")],
                )
                continue
            seen[key] = item.span
            if "//" in item.path or (len(item.path) > 1 and item.path.endswith("/")):
                self.error("E131", f"`{item.path}` is not a valid route path", item.path_span)
                continue
            allowed = ("function", "queue", "workflow", "bus")
            if self._target(item.target, allowed, f"an api route of `{res.name}`"):
                res.routes.append(m.Route(item.method, item.path, item.target.text, item.span))
        res.throttle = res.throttle or {"rate": 1000, "burst": 2000}

    def _rules_schedule(self, res: m.Resource, st: s.ResourceDecl) -> None:
        has_rate = res.attrs.get("rate") is not None
        has_cron = res.attrs.get("cron") is not None
        if has_rate and has_cron:
            rate_span, cron_span = self.attr_span(st, "rate"), self.attr_span(st, "cron")
            first, second = sorted((rate_span, cron_span), key=lambda sp: sp.start)
            self.error(
                "E116",
                f"schedule `{res.name}` has both `rate` and `cron`: keep one",
                second,
                labels=[Label(first, "already set here")],
            )
        elif not has_rate and not has_cron:
            self.error(
                "E116",
                f"schedule `{res.name}` needs `rate` or `cron`",
                st.name.span,
                hints=('`rate = 5m` or `cron = "0 3 * * ? *"`',),
            )
        if has_cron:
            self._cron(res.attrs["cron"], self.attr_span(st, "cron"))

    def _cron(self, expr: Any, span: Span) -> None:
        if not isinstance(expr, str) or len(expr.split()) != 6:
            found = f"this one has {len(expr.split())}" if isinstance(expr, str) else ""
            self.error(
                "E132",
                "a cron expression has six fields: minutes hours day-of-month month "
                "day-of-week year",
                span,
                note=found,
                hints=('for example `"0 3 * * ? *"`: every day at 03:00 UTC',),
            )

    def _rules_container(self, res: m.Resource, st: s.ResourceDecl) -> None:
        self._require(res, st, "image")
        cpu, memory = res.attrs.get("cpu"), res.attrs.get("memory")
        if cpu in cat.FARGATE_MEMORY_MB and memory is not None:
            valid = cat.FARGATE_MEMORY_MB[cpu]
            if memory // cat.MB not in valid:
                shown = [_fmt_bytes(v * cat.MB) for v in valid]
                if len(shown) > 6:
                    shown = [shown[0], "...", shown[-1]]
                mem_span = self.attr_span(st, "memory")
                self.error(
                    "E117",
                    f"Fargate can't pair cpu {cpu} with {_fmt_bytes(memory)} of memory",
                    mem_span,
                    note="" if mem_span != st.name.span else "memory is 512MB by default",
                    labels=[Label(self.attr_span(st, "cpu"), "cpu set here")]
                    if self.attr_span(st, "cpu") != st.name.span
                    else [],
                    hints=(f"with cpu {cpu}, memory is one of {', '.join(shown)}",),
                )

    def _rules_model(self, res: m.Resource, st: s.ResourceDecl) -> None:
        self._require(res, st, "id")

    def _rules_workflow(self, res: m.Resource, st: s.WorkflowDecl) -> None:
        res.steps = st.steps
        self._steps(st.steps, res)
        if not [x for x in st.steps if not isinstance(x, s.Attribute)]:
            self.error("E109", f"workflow `{res.name}` has no steps", st.name.span)

    # ---------------------------------------------------------------- workflows

    def _steps(self, steps: Iterable[s.Step], res: m.Resource, top: bool = True) -> None:
        for step in steps:
            if isinstance(step, s.Attribute):
                if not top:
                    self.error(
                        "E133", "workflow attributes go at the top of the workflow", step.span
                    )
            elif isinstance(step, s.Task):
                kind = cat.STEP_KINDS[step.verb]
                if self._target(step.target, (kind,), f"`{step.verb}`", verb=step.verb):
                    self.used.add(step.target.text)
                self._attributes(step.options, cat.TASK_OPTIONS, f"`{step.verb}`")
            elif isinstance(step, s.Wait):
                if isinstance(step.value, s.Duration):
                    if step.value.millis % 1000 or step.value.millis <= 0:
                        self.error(
                            "E108", "`wait` takes whole seconds, at least 1s", step.value.span
                        )
                elif not isinstance(step.value, s.JsonPath):
                    self.error(
                        "E107",
                        f"`wait` takes a duration or a path, found {_describe(step.value)}",
                        step.value.span,
                    )
            elif isinstance(step, s.IfStep):
                for cond, body in step.branches:
                    self._condition(cond)
                    self._steps(body, res, False)
                if step.otherwise is not None:
                    self._steps(step.otherwise, res, False)
            elif isinstance(step, s.Parallel):
                if not step.branches:
                    self.error("E109", "`parallel` needs at least one `branch`", step.span)
                for body in step.branches:
                    self._steps(body, res, False)
            elif isinstance(step, s.ForEach):
                self._steps(step.body, res, False)
            elif isinstance(step, s.Fail):
                for text in (step.error, step.cause):
                    if text is not None and not text.is_plain:
                        self.error("E107", "`fail` takes literal strings", text.span)
                    elif text is not None:
                        self._workflow_text(text)

    def _condition(self, cond: s.Condition) -> None:
        if isinstance(cond, s.And | s.Or):
            for op in cond.operands:
                self._condition(op)
        elif isinstance(cond, s.Not):
            self._condition(cond.operand)
        elif isinstance(cond, s.Compare):
            v = cond.value
            if isinstance(v, s.Str) and not v.is_plain:
                self.error("E119", "conditions compare with literal strings", v.span)
            elif isinstance(v, s.Str):
                self._workflow_text(v)
            elif isinstance(v, s.Bool) and cond.op not in ("==", "!="):
                self.error(
                    "E119",
                    f"`{cond.op}` can't compare with a bool",
                    cond.span,
                    hints=("compare bools with `==` or `!=`",),
                )
            elif not isinstance(v, s.Str | s.Num | s.Bool | s.Size | s.Duration):
                self.error(
                    "E119",
                    f"a condition compares a path with a literal, not {_describe(v)}",
                    v.span,
                    hints=("literals: numbers, strings, bools, sizes (`10MB`), durations (`5m`)",),
                )

    def _workflow_text(self, text: s.Str) -> None:
        # CloudFormation fills `${Name}` placeholders in a state machine definition.
        if "${" in text.plain:
            self.error(
                "E135",
                "a workflow string can't hold `${`",
                text.span,
                hints=("CloudFormation would read it as a placeholder in the definition",),
            )

    def _target(self, name: s.Name, allowed: tuple[str, ...], what: str, *, verb: str = "") -> bool:
        kind = self.kinds.get(name.text)
        if kind is None:
            guess = self._guess(
                name.text, [n for n, k in self.kinds.items() if k in allowed] or self.kinds
            )
            self.error(
                "E105",
                f"`{name.text}` is not declared",
                name.span,
                note=f"did you mean `{guess}`?" if guess else "",
            )
            return False
        self.used.add(name.text)
        if kind not in allowed:
            decl = self.decls.get(name.text)
            labels = [Label(decl.name.span, f"`{name.text}` is a {kind}")] if decl else []
            if verb:
                verbs = [v for v, k in cat.STEP_KINDS.items() if k == kind]
                self.error(
                    "E118",
                    f"`{verb}` needs a {allowed[0]}, but `{name.text}` is a {kind}",
                    name.span,
                    labels=labels,
                    hints=(f"a {kind} is used with {one_of(verbs)}",) if verbs else (),
                )
            else:
                self.error(
                    "E112",
                    f"{what} can't target {kind} `{name.text}`",
                    name.span,
                    labels=labels,
                    hints=(f"allowed targets: {one_of(allowed)}",),
                )
            return False
        return True

    # ================================================================ implicit resources

    def _implicit_resources(self) -> None:
        """Dead-letter queues, each placed right after the queue it serves."""
        ordered: dict[str, m.Resource] = {}
        for res in list(self.resources.values()):
            ordered[res.name] = res
            if res.kind == "queue" and res.attrs.get("max_receives") is not None:
                name = f"{res.name}_dlq"
                if self.kinds.get(name) != "queue" or name in self.resources:
                    continue
                attrs = {a.name: a.default for a in cat.KINDS["queue"].attrs}
                attrs.update(retention=14 * cat.DAY, fifo=res.attrs["fifo"])
                ordered[name] = m.Resource("queue", name, res.span, attrs, implicit=True)
        self.resources.clear()
        self.resources.update(ordered)

    # ================================================================ events

    def _on(self, st: s.OnDecl) -> None:
        source = st.source.text
        kind_name = self.kinds.get(source)
        if kind_name is None:
            guess = self._guess(source, [n for n, k in self.kinds.items() if cat.KINDS[k].events])
            self.error(
                "E105",
                f"`{source}` is not declared",
                st.source.span,
                note=f"did you mean `{guess}`?" if guess else "",
            )
            return
        self.used.add(source)
        kind = cat.KINDS[kind_name]
        event = kind.event(st.event.text)
        if event is None:
            if not kind.events:
                self.error(
                    "E111",
                    f"a {kind_name} has no events",
                    st.event.span,
                    hints=(
                        "kinds with events: "
                        + one_of(k.name for k in cat.KINDS.values() if k.events),
                    ),
                )
            else:
                self._unknown(
                    "E111",
                    "event",
                    st.event,
                    [e.name for e in kind.events],
                    context=f" on {kind_name} `{source}`",
                    extra="events",
                )
            return
        if not self._target(st.target, event.targets, f"`{kind_name}.{event.name}`"):
            return
        filters = self._filters(st, event)
        options = self._attributes(st.options, event.options, f"`{kind_name}.{event.name}`")
        if kind_name == "table" and event.name == "changed":
            table = self.resources.get(source)
            if table is not None and not table.attrs.get("stream"):
                decl = self.decls[source]
                self.error(
                    "E120",
                    f"table `{source}` has no stream, so it has no `changed` events",
                    st.event.span,
                    labels=[Label(decl.name.span, "declared here")],
                    hints=(f"add `stream = true` to table `{source}`",),
                )
                return
        self._add_edge(source, event.name, st.target.text, filters, options, st.span)

    def _filters(self, st: s.OnDecl, event: cat.Event) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        names = [f.name for f in event.filters]
        for f in st.filters:
            if not event.free_filters and f.name.text not in names:
                if not names:
                    self.error("E134", f"`{event.name}` events take no filters", f.span)
                    continue
                self._unknown("E134", "filter", f.name, names, extra="filters")
                continue
            if f.name.text in out:
                self.error("E103", f"filter `{f.name.text}` is given twice", f.name.span)
                continue
            values: list[str] = []
            listed = isinstance(f.value, s.ListV) and event.free_filters
            items = f.value.items if isinstance(f.value, s.ListV) and listed else (f.value,)
            for v in items:
                if isinstance(v, s.Str) and v.is_plain:
                    values.append(v.plain)
                else:
                    expected = "a string or a list of strings" if event.free_filters else "a string"
                    self.error("E107", f"filter `{f.name.text}` takes {expected}", v.span)
            if values:
                out[f.name.text] = tuple(values)
        return out

    def _add_edge(
        self,
        source: str,
        event: str,
        target: str,
        filters: dict[str, tuple[str, ...]],
        options: dict[str, Any],
        span: Span,
    ) -> None:
        key = (source, event, target)
        # Rules per edge may repeat a pair with other filters; mappings, subscriptions
        # and a schedule's targets can't.
        if key in self.edge_spans and self.kinds.get(source) in (
            "queue",
            "table",
            "topic",
            "schedule",
        ):
            self.error(
                "E137",
                f"`{source}.{event} -> {target}` is declared twice",
                span,
                labels=[Label(self.edge_spans[key], "first declared here")],
            )
            return
        self.edge_spans.setdefault(key, span)
        self.edge_counts[key] = index = self.edge_counts.get(key, 0) + 1
        self.edges.append(m.Edge(source, event, target, filters, options, span, index))

    def _shorthand(self, st: s.EveryDecl | s.CronDecl) -> None:
        name = self.shorthand_names.get(id(st))  # given by the declaration pass
        if isinstance(st, s.EveryDecl):
            spec = cat.KINDS["schedule"].attr("rate")
            assert spec
            rate = self._value(st.rate, spec)
            attrs = {a.name: a.default for a in cat.KINDS["schedule"].attrs}
            attrs["rate"] = rate
        else:
            self._cron(st.expression.plain if st.expression.is_plain else None, st.expression.span)
            attrs = {a.name: a.default for a in cat.KINDS["schedule"].attrs}
            attrs["cron"] = st.expression.plain
        if name is None or self.kinds.get(name) != "schedule" or name in self.resources:
            return
        event = cat.KINDS["schedule"].event("tick")
        assert event
        if not self._target(st.target, event.targets, "`schedule.tick`"):
            return
        self._attributes(st.options, (), "a schedule")
        self.resources[name] = m.Resource("schedule", name, st.span, attrs, implicit=True)
        self._add_edge(name, "tick", st.target.text, {}, {}, st.span)

    # ================================================================ program-wide rules

    def _cross_rules(self) -> None:
        for edge in self.edges:
            if edge.event != "message" or self.kinds.get(edge.source) != "queue":
                continue
            queue, fn = self.resources.get(edge.source), self.resources.get(edge.target)
            if queue is None or fn is None or fn.kind != "function":
                continue
            vis, timeout = queue.attrs.get("visibility_timeout"), fn.attrs.get("timeout")
            if vis is None or timeout is None or vis >= timeout:
                continue
            qdecl, fdecl = self.decls.get(queue.name), self.decls.get(fn.name)
            q_span = self.attr_span(qdecl, "visibility_timeout") if qdecl else queue.span
            f_span = self.attr_span(fdecl, "timeout") if fdecl else fn.span
            self.error(
                "E114",
                f"queue `{queue.name}` hides a message for {_fmt_seconds(vis)}, "
                f"less than the {_fmt_seconds(timeout)} function `{fn.name}` may take",
                q_span,
                note=f"visibility timeout {_fmt_seconds(vis)}",
                labels=[
                    Label(f_span, f"function `{fn.name}` times out after {_fmt_seconds(timeout)}"),
                    Label(edge.span, "the queue feeds the function here"),
                ],
                hints=(
                    f"set `visibility_timeout = {_fmt_seconds(timeout * 6)}` on `{queue.name}` "
                    "(AWS advises six times the function timeout)",
                ),
            )

    def _output(self, st: s.OutputDecl) -> m.Output | None:
        v = st.value
        if isinstance(v, s.Ref):
            ref = self._ref(v)
            return m.Output(st.name.text, ref, st.span) if ref else None
        if isinstance(v, s.Str):
            return m.Output(st.name.text, self._string(v), st.span)
        if isinstance(v, s.Num | s.Bool):
            text = str(v.value).lower() if isinstance(v, s.Bool) else str(v.value)
            return m.Output(st.name.text, text, st.span)
        self.error("E107", f"an output is a string or an attribute, not {_describe(v)}", v.span)
        return None

    def _warnings(self, statements: list[s.Statement]) -> None:
        if self.diags.has_errors:
            return
        for name, decl in self.param_decls.items():
            if name not in self.used and not _mentions(self.app_decl, name):
                self.diags.warning("W001", f"param `{name}` is never used", decl.name.span)
        for name, res in self.resources.items():
            if res.implicit or res.kind == "api" or name in self.used:
                continue
            declared = self.decls.get(name)
            if declared is None:
                continue
            self.diags.warning(
                "W002",
                f"{res.kind} `{name}` is not used: nothing refers to it or triggers it",
                declared.name.span,
            )


def _mentions(app: s.AppDecl | None, name: str) -> bool:
    if app is None:
        return False
    return any(
        isinstance(p, s.Ref) and p.name.text == name
        for item in app.items
        if isinstance(item, s.Attribute) and isinstance(item.value, s.Str)
        for p in item.value.parts
    ) or any(
        isinstance(item, s.Attribute)
        and isinstance(item.value, s.Ref)
        and item.value.name.text == name
        for item in app.items
    )


def _near_file(path: Path, code: str) -> str | None:
    """A file beside a missing one with a close name: `src/handlr.py` -> `src/handler.py`."""
    try:
        siblings = [p.name for p in path.parent.iterdir()] if path.parent.is_dir() else []
    except OSError:
        return None
    guess = did_you_mean(path.name, siblings)
    if guess is None or not PurePosixPath(code).name:
        return None
    return str(PurePosixPath(code).with_name(guess))


def _show_char(c: str) -> str:
    return c if c.isprintable() else c.encode("unicode_escape").decode("ascii")


def _tag_char(c: str) -> bool:
    return c.isalnum() or c in "_.:/=+-@ " or unicodedata.category(c) == "Zs"


def _describe(v: s.Value) -> str:
    return {
        s.Str: "a string",
        s.Num: "a number",
        s.Bool: "a bool",
        s.Duration: "a duration",
        s.Size: "a size",
        s.ListV: "a list",
        s.MapV: "a block",
        s.Ref: "a reference",
        s.JsonPath: "a path",
        s.BadUnit: "a number with an unknown unit",
    }.get(type(v), "a value")


def _fmt_seconds(v: int | None) -> str:
    if v is None:
        return "?"
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if v and v % size == 0:
            return f"{v // size}{unit}"
    return f"{v}s"


def _fmt_bytes(v: int | None) -> str:
    if v is None:
        return "?"
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if v and v % size == 0 and (unit != "GB" or v // size * 1024 > 10240):
            return f"{v // size}{unit}"
    return f"{v}B"


def walk_steps(steps: Iterable[s.Step]) -> Iterator[s.Step]:
    """Every step, nested ones included, in source order."""
    for step in steps:
        yield step
        if isinstance(step, s.IfStep):
            for _, body in step.branches:
                yield from walk_steps(body)
            if step.otherwise:
                yield from walk_steps(step.otherwise)
        elif isinstance(step, s.Parallel):
            for body in step.branches:
                yield from walk_steps(body)
        elif isinstance(step, s.ForEach):
            yield from walk_steps(step.body)
