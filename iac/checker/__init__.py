"""Names, references, types and the contract's rules: syntax tree -> app model.

The checker is built in layers, each a class over the one before: base (the
collector and wording), values, kinds, events, and this driver."""

from __future__ import annotations

from typing import Any

from .. import catalog as cat
from .. import model as m
from .. import syntax as s
from ..diagnostics import Label
from ..names import NAME_RE, Generated, generated_ids, logical_id
from ..source import Span
from .base import MAX_NAME
from .events import EventRules


class Checker(EventRules):
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
        if app is not None:
            self._prefix_names(app[2])
        outputs = [self._output(st) for st in self._declare_outputs(statements)]
        self._stream_refs()
        self._generated_ids(app, outputs)
        if not self.diags.has_errors and not any(
            cat.KINDS[r.kind].creates for r in self.resources.values()
        ):
            first = self.modules[0].span if self.modules else None
            span = Span(first.source, 0, 0) if first else None
            refs = [r.name for r in self.resources.values()]
            self.diags.error(
                "E121",
                "the program declares no resources"
                if not refs
                else "the program creates no AWS resources: the template would be empty",
                span,
                note="a model only refers to a Bedrock model; it creates nothing" if refs else "",
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

    def _generated_ids(self, app: Any, outputs: list[m.Output | None]) -> None:
        """Every logical ID the output will hold, the generated ones included (roles, log
        groups, permissions, edges, routes, the VPC): two alike are an error here, so
        that the plan never meets one (E201)."""
        if app is None:
            return
        name, region, prefix, tags, network = app
        model = m.App(
            name,
            region,
            prefix,
            tags,
            network,
            self.resources,
            self.edges,
            self.params,
            [o for o in outputs if o is not None],
            self.root,
        )
        taken: dict[str, Generated] = {}
        told: set[tuple[Span | None, Span | None]] = set()  # one error per pair of sources
        for g in generated_ids(model):
            other = taken.get(g.id)
            if other is None:
                taken[g.id] = g
                continue
            if g.declared and other.declared:
                continue  # two declared names: E104 in the declaration pass
            # Point at the name the program can change: a declared one if either is.
            here, there = (other, g) if other.declared else (g, other)
            span, there_span = self._name_span(here), self._name_span(there)
            if (span, there_span) in told:
                continue
            told.add((span, there_span))
            where = "" if there.target == "every target" else f" in {there.target}"
            self.error(
                "E104",
                f"{here.what} would get the logical ID `{g.id}`, "
                f"which {there.what} already has{where}",
                span,
                labels=[Label(there_span, f"{there.what} comes from here")] if there_span else [],
                hints=(
                    f"rename `{here.owner}`"
                    if here.declared
                    else "the two spell the same ID (names and route paths are joined in "
                    "CamelCase): change one of them",
                ),
            )

    def _name_span(self, g: Generated) -> Span | None:
        if g.declared and g.owner in self.decls:
            return self.decls[g.owner].name.span
        if g.declared and g.owner in self.param_decls:
            return self.param_decls[g.owner].name.span
        res = self.resources.get(g.owner or "")
        if res is not None and g.span == res.span and g.owner in self.decls:
            return self.decls[g.owner].name.span  # a part of a resource: point at its name
        return g.span

    def _declare_outputs(self, statements: list[s.Statement]) -> list[s.OutputDecl]:
        """Outputs are their own namespace (a stack's Outputs, Terraform's outputs), under
        the same name rule as everything else."""
        seen: dict[str, s.OutputDecl] = {}
        ids: dict[str, s.OutputDecl] = {}
        kept: list[s.OutputDecl] = []
        for st in statements:
            if not isinstance(st, s.OutputDecl):
                continue
            name = st.name
            if not NAME_RE.match(name.text) or len(name.text) > MAX_NAME:
                self.error(
                    "E122",
                    f"`{name.text}` is not a valid output name",
                    name.span,
                    hints=(
                        f"names are lower case letters, digits and `_`, starting with a letter, "
                        f"at most {MAX_NAME} characters",
                    ),
                )
                continue
            if name.text in seen:
                self.error(
                    "E103",
                    f"output `{name.text}` is declared twice",
                    name.span,
                    labels=[Label(seen[name.text].name.span, "first declared here")],
                )
                continue
            lid = logical_id(name.text)
            if lid in ids:
                other = ids[lid].name
                self.error(
                    "E104",
                    f"outputs `{name.text}` and `{other.text}` would both get the logical ID "
                    f"`{lid}`",
                    name.span,
                    labels=[Label(other.span, f"`{other.text}` declared here")],
                    hints=("rename one of them",),
                )
                continue
            seen[name.text] = ids[lid] = st
            kept.append(st)
        return kept

    def _shorthand_name(self, st: s.EveryDecl | s.CronDecl, counts: dict[str, int]) -> str | None:
        target = st.target.text
        if isinstance(st, s.EveryDecl):
            if not isinstance(st.rate, s.Duration):
                return None
            return f"{target}_every_{st.rate.text}"
        counts[target] = counts.get(target, 0) + 1
        return f"{target}_cron_{counts[target]}"

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
                net = self._attributes(
                    item.items, cat.NETWORK_ATTRS, "the app's `network`", span=item.name.span
                )
                network = {k: tuple(v or ()) for k, v in net.items()}
        region = values.get("region") or "us-east-1"
        if not isinstance(region, str):
            self.error("E107", "`region` must be a literal string", decl.span)
            region = "us-east-1"
        prefix = values.get("prefix") or decl.name.text
        refs = [p for p in getattr(prefix, "parts", (prefix,)) if isinstance(p, m.AttrRef)]
        if refs:
            span = next(
                i.value.span
                for i in decl.items
                if isinstance(i, s.Attribute) and i.name.text == "prefix"
            )
            self.error(
                "E145",
                f"the prefix can't refer to `{refs[0].resource}.{refs[0].attr}`: every "
                f"physical name, `{refs[0].resource}`'s too, is made from the prefix",
                span,
                hints=('build the prefix from literal text and params, like `"${stage}-shop"`',),
            )
        return decl.name.text, region, prefix, tags, network

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
            span=st.name.span,
        )
        res = m.Resource(kind.name, name, st.span, attrs)
        for item in items:
            if isinstance(item, s.Allow):
                grant = self._allow(item)
                if grant:
                    res.grants.append(grant)
            elif isinstance(item, s.Nested) and item.name.text == "env":
                res.env = self._env(item)
                if kind.name == "function":
                    self._lambda_env(item, res.env)
            elif isinstance(item, s.Nested) and item.name.text == "throttle":
                res.throttle = {
                    k: v
                    for k, v in self._attributes(item.items, cat.THROTTLE_ATTRS, "throttle").items()
                }
        rule = getattr(self, f"_rules_{kind.name}", None)
        if rule:
            rule(res, st)
        self._physical_name(res, st)
        self._self_reference(res, items)
        self.resources[name] = res
