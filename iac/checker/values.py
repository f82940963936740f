"""Attribute values, references, env, grants, tags and targets, typed against the
catalogue: the checks every pass uses on the values it meets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from .. import catalog as cat
from .. import model as m
from .. import syntax as s
from ..diagnostics import Label, one_of
from ..source import Span
from .context import Context
from .wording import describe, fmt_bytes, fmt_seconds, show_char, tag_char


def literal_default(ctx: Context, value: s.Value, vtype: str, what: str) -> Any:
    expected = {"string": s.Str, "number": s.Num, "bool": s.Bool}[vtype]
    if not isinstance(value, expected) or (isinstance(value, s.Str) and not value.is_plain):
        ctx.error(
            "E107",
            f"the default of `{what}` must be a literal {vtype}",
            value.span,
        )
        return None
    return value.plain if isinstance(value, s.Str) else value.value  # type: ignore[union-attr]


def tag_block(ctx: Context, block: s.Nested) -> dict[str, str]:
    tags: dict[str, str] = {}
    for item in block.items:
        if not isinstance(item, s.Attribute):
            ctx.error("E127", 'a `tags` block holds `key = "value"` lines', item.span)
            continue
        value = item.value
        if not isinstance(value, s.Str) or not value.is_plain:
            ctx.error("E107", "a tag value must be a literal string", value.span)
            continue
        text = value.plain
        bad = next((c for c in item.name.text + text if not tag_char(c)), None)
        if bad is not None:
            ctx.error(
                "E128",
                f"a tag can't hold `{show_char(bad)}`",
                value.span,
                hints=("AWS tags allow letters, digits, spaces and `_ . : / = + - @`",),
            )
            continue
        if len(text) > 256:
            ctx.error("E108", "a tag value is at most 256 characters", value.span)
            continue
        tags[item.name.text] = text
    return tags


def self_reference(ctx: Context, res: m.Resource, items: Iterable[Any]) -> None:
    """A resource can't name its own attributes (in its `name`, its `env`, an `allow`):
    CloudFormation would need them before creating it, a dependency cycle. What it
    refers to is kept for the program-wide cycle check."""
    deps: list[tuple[str, Span]] = []
    for item in items:
        refs: list[s.Ref] = []
        if isinstance(item, s.Allow):
            # Roles reach functions, workflows and tasks by their physical names.
            target = ctx.scope.kinds.get(item.target.text)
            if target is not None and target not in ("function", "workflow", "container"):
                deps.append((item.target.text, item.target.span))
            if item.target.text != res.name:
                continue
            span = item.target.span
        else:
            if isinstance(item, s.Nested) and item.name.text == "env":
                values = [e.value for e in item.items if isinstance(e, s.Attribute)]
            elif isinstance(item, s.Attribute):
                values = [item.value]
            else:
                continue
            for v in values:
                refs += [v] if isinstance(v, s.Ref) else []
                refs += [p for p in getattr(v, "parts", ()) if isinstance(p, s.Ref)]
            refs = [r for r in refs if r.name.text in ctx.scope.kinds and r.attr is not None]
            deps += [(r.name.text, r.span) for r in refs if r.name.text != res.name]
            mine = [r for r in refs if r.name.text == res.name]
            if not mine:
                continue
            span = mine[0].span
        ctx.error(
            "E136",
            f"{res.kind} `{res.name}` refers to itself",
            span,
            hints=(
                "a resource can't hold its own name or ARN: CloudFormation would need "
                "it before making it (at run time, a function finds its own name in "
                "AWS_LAMBDA_FUNCTION_NAME)",
            ),
        )
    ctx.depends[res.name] = deps


def attributes(
    ctx: Context,
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
                ctx.unknown(
                    "E102",
                    "attribute",
                    item.name,
                    valid,
                    context=f" on {where}",
                    extra="attributes",
                )
                continue
            if item.name.text in seen:
                ctx.error(
                    "E103",
                    f"`{item.name.text}` is set twice",
                    item.name.span,
                    labels=[Label(seen[item.name.text], "first set here")],
                )
                continue
            seen[item.name.text] = item.span
            values[spec.name] = attribute_value(ctx, item.value, spec)
        elif isinstance(item, s.Nested):
            if item.name.text not in blocks:
                valid = list(blocks)
                ctx.unknown(
                    "E102", "block", item.name, valid, context=f" on {where}", extra="blocks"
                )
        elif isinstance(item, s.Allow):
            if not allows:
                ctx.error(
                    "E129",
                    f"`allow` is not valid on {where}: it has no role to grant to",
                    item.span,
                    hints=("functions and containers hold `allow` statements",),
                )
        elif isinstance(item, s.KeyDecl) and kind != "table":
            ctx.error("E130", f"`{item.role}` is only valid in a table", item.span)
        elif isinstance(item, s.IndexDecl) and kind != "table":
            ctx.error("E130", "`index` is only valid in a table", item.span)
        elif isinstance(item, s.Route) and kind != "api":
            ctx.error("E130", "routes are only valid in an api", item.span)
    for spec in specs:
        if spec.name not in values:
            # The catalogue's `required` drives this for every block that names
            # where it is (`span`): resources, the app's `network`.
            if spec.required and span is not None:
                ctx.error(
                    "E109",
                    f"{where} needs `{spec.name}`",
                    span,
                    hints=(f"add `{spec.name} = ...` ({spec.doc or spec.type})",),
                )
            values[spec.name] = spec.default
    return values


def attribute_value(ctx: Context, value: s.Value, spec: cat.Attr) -> Any:
    t = spec.type
    if isinstance(value, s.BadUnit):
        return None
    if t == "string":
        if (
            spec.literal
            and isinstance(value, s.Str | s.Ref)
            and not (isinstance(value, s.Str) and value.is_plain)
        ):
            ctx.error(
                "E107",
                f"`{spec.name}` takes a literal string: params and `${{...}}` can't shape it",
                value.span,
            )
            return None
        if isinstance(value, s.Str):
            text = interpolation(ctx, value)
            if text == "" and not spec.empty:
                ctx.error(
                    "E108",
                    f"`{spec.name}` can't be empty",
                    value.span,
                    hints=(f"`{spec.name}`: {spec.doc}",) if spec.doc else (),
                )
                return None
            since = dict(spec.since).get(text) if isinstance(text, str) else None
            if spec.retired and text in spec.retired:
                when = f" (no new functions since {since})" if since else ""
                ctx.error(
                    "E108",
                    f'`{spec.name}` can\'t be "{text}": AWS has retired it{when}',
                    value.span,
                    hints=(f"valid values: {one_of(spec.choices)}",),
                )
                return None
            if spec.deprecated and text in spec.deprecated:
                newer = [c for c in spec.choices if c not in spec.deprecated]
                when = f" since {since}" if since else ""
                ctx.diags.warning(
                    "W004",
                    f'`{spec.name}` "{text}" is deprecated{when}: AWS will soon stop accepting it',
                    value.span,
                    hints=(f"move to a supported one: {one_of(newer)}",),
                )
            if spec.choices and isinstance(text, str) and text not in spec.choices:
                guess = ctx.guess(text, spec.choices)
                ctx.error(
                    "E108",
                    f'`{spec.name}` can\'t be "{text}"',
                    value.span,
                    note=f"did you mean `{guess}`?" if guess else "",
                    hints=(f"valid values: {one_of(spec.choices)}",),
                )
                return None
            if isinstance(text, str) and spec.high is not None and len(text) > spec.high:
                ctx.error(
                    "E108",
                    f"`{spec.name}` is at most {spec.high} characters",
                    value.span,
                    note=f"this is {len(text)}",
                )
                return None
            return text
        if isinstance(value, s.Ref) and value.attr is None and value.name.text in ctx.scope.params:
            ctx.scope.used.add(value.name.text)
            return m.ParamRef(value.name.text)
        return _type_error(ctx, value, spec, 'a string like `"text"`')
    if t == "bool":
        if isinstance(value, s.Bool):
            return value.value
        return _type_error(ctx, value, spec, "`true` or `false`")
    if t == "number":
        if not isinstance(value, s.Num):
            return _type_error(ctx, value, spec, "a number")
        if spec.integer and not isinstance(value.value, int):
            return _type_error(ctx, value, spec, "a whole number")
        if spec.choices and value.value not in spec.choices:
            ctx.error(
                "E108",
                f"`{spec.name}` can't be {value.value}",
                value.span,
                hints=(f"valid values: {one_of(str(c) for c in spec.choices)}",),
            )
            return None
        return _range(ctx, value.value, spec, value.span, str)
    if t == "duration":
        if not isinstance(value, s.Duration):
            return _type_error(ctx, value, spec, "a duration like `30s`, `5m` or `7d`")
        if value.millis % 1000:
            ctx.error("E108", f"`{spec.name}` takes whole seconds", value.span)
            return None
        if value.seconds % spec.step:
            unit = {60: "minutes", 86400: "days"}.get(spec.step, f"{spec.step}s")
            ctx.error("E108", f"`{spec.name}` takes whole {unit}", value.span)
            return None
        if spec.choices and value.seconds not in spec.choices:
            ctx.error(
                "E108",
                f"`{spec.name}` can't be {value.text}",
                value.span,
                hints=(f"valid values: {', '.join(fmt_seconds(c) for c in spec.choices)}",),
            )
            return None
        return _range(ctx, value.seconds, spec, value.span, fmt_seconds)
    if t == "size":
        if not isinstance(value, s.Size):
            return _type_error(ctx, value, spec, "a size like `512MB`")
        if value.bytes % cat.MB:
            ctx.error("E108", f"`{spec.name}` takes whole megabytes", value.span)
            return None
        return _range(ctx, value.bytes, spec, value.span, fmt_bytes)
    if t == "list":
        if not isinstance(value, s.ListV):
            return _type_error(ctx, value, spec, 'a list like `["a", "b"]`')
        out = []
        for item in value.items:
            if not isinstance(item, s.Str) or not item.is_plain:
                ctx.error("E107", f"`{spec.name}` holds literal strings", item.span)
                return None
            out.append(item.plain)
        return tuple(out)
    if t == "auth":
        # The api rule reads it: a userpool, `jwt { ... }`, `iam` or `none`.
        return value
    if t == "word":
        return _word(ctx, value, spec)
    if t == "resource":
        return _resource(ctx, value, spec)
    if t == "name":
        # A declared resource by its bare name (`alarms = ops`); the caller checks its kind.
        if isinstance(value, s.Ref) and value.attr is None:
            return value.name.text
        return _type_error(ctx, value, spec, "a resource's name")
    if t == "switch":
        # `true`, `false`, or one of the words in `choices` (`url = iam`)
        if isinstance(value, s.Bool):
            return value.value
        if isinstance(value, s.Ref) and value.attr is None and value.name.text in spec.choices:
            return value.name.text
        words = one_of(("true", "false", *spec.choices))
        return _type_error(ctx, value, spec, words)
    if t == "filters":
        # Checked by the edge, which knows the source's dialect (checker/filters.py).
        if not isinstance(value, s.FilterSet):
            return _type_error(ctx, value, spec, 'filters like `(body.type: "order")`')
        return value
    if t == "path":
        if not isinstance(value, s.JsonPath):
            return _type_error(ctx, value, spec, "a path like `$.result`")
        return value.path
    raise AssertionError(t)


def _word(ctx: Context, value: s.Value, spec: cat.Attr) -> str | None:
    """A bare word from the attribute's choices: `start = trim_horizon`."""
    if isinstance(value, s.Str) and value.is_plain:
        text = value.plain  # the quoted spelling means the same
    elif isinstance(value, s.Ref) and value.attr is None:
        text = value.name.text
    else:
        _type_error(ctx, value, spec, one_of(f"`{c}`" for c in spec.choices))
        return None
    if text not in spec.choices:
        guess = ctx.guess(text, spec.choices)
        ctx.error(
            "E108",
            f"`{spec.name}` can't be `{text}`",
            value.span,
            note=f"did you mean `{guess}`?" if guess else "",
            hints=(f"valid values: {one_of(spec.choices)}",),
        )
        return None
    return text


def _resource(ctx: Context, value: s.Value, spec: cat.Attr) -> str | None:
    """The name of a resource of one of the attribute's `kinds`:
    `dead_letter = failed`, `on_failure = alerts`."""
    if not isinstance(value, s.Ref) or value.attr is not None:
        _type_error(ctx, value, spec, f"the name of {_a(' or '.join(spec.kinds))}")
        return None
    name = value.name
    kind = ctx.scope.kinds.get(name.text)
    if kind is None:
        candidates = [n for n, k in ctx.scope.kinds.items() if k in spec.kinds]
        guess = ctx.guess(name.text, candidates)
        ctx.error(
            "E105",
            f"`{name.text}` is not declared",
            name.span,
            note=f"did you mean `{guess}`?" if guess else "",
        )
        return None
    ctx.scope.used.add(name.text)
    if kind not in spec.kinds:
        decl = ctx.scope.decls.get(name.text)
        ctx.error(
            "E150",
            f"`{spec.name}` needs {_a(' or '.join(spec.kinds))}, but `{name.text}` is a {kind}",
            name.span,
            labels=[Label(decl.name.span, f"`{name.text}` is a {kind}")] if decl else [],
            hints=(f"`{spec.name}` takes {one_of(spec.kinds)}",),
        )
        return None
    return name.text


def _a(words: str) -> str:
    return ("an " if words[:1] in "aeiou" else "a ") + words


def _type_error(ctx: Context, value: s.Value, spec: cat.Attr, expected: str) -> None:
    hints = []
    if spec.type == "size" and isinstance(value, s.Num):
        hints.append(f"add a unit: `{value.value}MB`")
    if spec.type == "duration" and isinstance(value, s.Num):
        hints.append(f"add a unit: `{value.value}s`")
    if isinstance(value, s.Ref) and value.attr is None and value.name.text in ctx.scope.params:
        hints.append("params can be used in strings and `env` values only")
    ctx.error(
        "E107",
        f"`{spec.name}` expects {expected}, found {describe(value)}",
        value.span,
        hints=hints,
    )


def _range(ctx: Context, v: Any, spec: cat.Attr, span: Span, fmt: Any) -> Any:
    if (spec.low is not None and v < spec.low) or (spec.high is not None and v > spec.high):
        ctx.error(
            "E108",
            f"`{spec.name}` must be between {fmt(spec.low)} and {fmt(spec.high)}",
            span,
            note=f"this is {fmt(v)}",
        )
        return None
    return v


def interpolation(ctx: Context, value: s.Str) -> m.Expr:
    if value.is_plain:
        return value.plain
    parts: list[str | m.ParamRef | m.AttrRef] = []
    for part in value.parts:
        if isinstance(part, str):
            parts.append(part)
            continue
        ref = reference(ctx, part)
        if isinstance(ref, m.ParamRef | m.AttrRef):
            parts.append(ref)
    return m.Interp(tuple(parts))


def reference(ctx: Context, ref: s.Ref) -> m.ParamRef | m.AttrRef | None:
    name = ref.name.text
    if name in ctx.scope.params and ref.attr is None:
        ctx.scope.used.add(ref.name.text)
        return m.ParamRef(name)
    if name in ctx.scope.params:
        span = ref.attr.span if ref.attr else ref.span
        ctx.error("E106", f"param `{name}` has no attributes", span)
        return None
    kind_name = ctx.scope.kinds.get(name)
    if kind_name is None:
        scope = list(ctx.scope.kinds) + list(ctx.scope.params)
        guess = ctx.guess(name, scope)
        ctx.error(
            "E105",
            f"`{name}` is not declared",
            ref.name.span,
            note=f"did you mean `{guess}`?" if guess else "",
        )
        return None
    ctx.scope.used.add(name)
    kind = cat.KINDS[kind_name]
    if ref.attr is None:
        ctx.error(
            "E106",
            f"`{name}` is a {kind_name}: say which attribute",
            ref.span,
            hints=(f"{kind_name} attributes: {one_of(f'{name}.{a}' for a in kind.exposes)}",)
            if kind.exposes
            else (),
        )
        return None
    if ref.attr.text not in kind.exposes:
        ctx.unknown(
            "E106",
            "attribute",
            ref.attr,
            kind.exposes,
            context=f" of {kind_name} `{name}`",
            extra="attributes",
        )
        return None
    if ref.attr.text == "stream_arn":
        ctx.stream_refs.append((name, ref.attr.span))
    if kind_name == "function" and ref.attr.text == "url" and not _has_url(ctx, name):
        decl = ctx.scope.decls.get(name)
        ctx.error(
            "E192",
            f"function `{name}` has no URL",
            ref.attr.span,
            labels=[Label(decl.name.span, "declared here")] if decl else [],
            hints=(f"add `url = true` (public) or `url = iam` to function `{name}`",),
        )
        return None
    return m.AttrRef(name, ref.attr.text)


def env_items(ctx: Context, block: s.Nested) -> Iterator[tuple[str, s.Value]]:
    """The `KEY = value` lines of an `env { }` block (a function's, or a workflow's
    container overrides), each key once: another item is E127, a key again E103."""
    seen: set[str] = set()
    for item in block.items:
        if not isinstance(item, s.Attribute):
            ctx.error("E127", "an `env` block holds `NAME = value` lines", item.span)
            continue
        key = item.name.text
        if key in seen:
            ctx.error("E103", f"`{key}` is set twice", item.name.span)
            continue
        seen.add(key)
        yield key, item.value


def env_block(ctx: Context, block: s.Nested) -> dict[str, m.Expr]:
    env: dict[str, m.Expr] = {}
    for key, v in env_items(ctx, block):
        if isinstance(v, s.Str):
            env[key] = interpolation(ctx, v)
        elif isinstance(v, s.Num):
            env[key] = str(v.value)
        elif isinstance(v, s.Bool):
            env[key] = "true" if v.value else "false"
        elif isinstance(v, s.Duration | s.Size):
            env[key] = v.text
        elif isinstance(v, s.Ref):
            ref = reference(ctx, v)
            if ref is not None:
                env[key] = ref
        else:
            ctx.error(
                "E107",
                f"env values are strings, params or resource attributes; found {describe(v)}",
                v.span,
            )
    return env


def lambda_env(ctx: Context, block: s.Nested, env: dict[str, m.Expr]) -> None:
    """What Lambda refuses in a function's environment: a reserved key, a key off its
    pattern, or more than 4 KB. Values known only at deploy time (params, resource
    attributes) count by their literal text: the check never refuses a program that
    could deploy."""
    total = 0
    for item in block.items:
        if not isinstance(item, s.Attribute) or item.name.text not in env:
            continue
        key = item.name.text
        if key in cat.RESERVED_ENV or key.startswith(cat.RESERVED_ENV_PREFIXES):
            ctx.error(
                "E138",
                f"`{key}` is reserved: Lambda sets it itself",
                item.name.span,
                hints=(
                    "choose another name; Lambda reserves "
                    + ", ".join(f"`{k}`" for k in cat.RESERVED_ENV[:4])
                    + ", `AWS_LAMBDA_*` and more",
                ),
            )
        elif not re.match(cat.ENV_KEY, key):
            ctx.error(
                "E138",
                f"`{key}` is not a Lambda environment variable name",
                item.name.span,
                hints=("a letter, then at least one more letter, digit or `_`",),
            )
        value = env[key]
        literal = value if isinstance(value, str) else ""
        if isinstance(value, m.Interp):
            literal = "".join(p for p in value.parts if isinstance(p, str))
        total += len(key.encode()) + len(literal.encode())
    if total > cat.ENV_LIMIT:
        ctx.error(
            "E139",
            f"the environment is {total} bytes: Lambda allows {cat.ENV_LIMIT} "
            "(keys and values together)",
            block.name.span,
            hints=("keep large values in a bucket, a table or a secret",),
        )


def allow_grant(ctx: Context, item: s.Allow) -> m.Grant | None:
    target = item.target.text
    kind_name = ctx.scope.kinds.get(target)
    if kind_name is None:
        guess = ctx.guess(target, ctx.scope.kinds)
        ctx.error(
            "E105",
            f"`{target}` is not declared",
            item.target.span,
            note=f"did you mean `{guess}`?" if guess else "",
        )
        return None
    ctx.scope.used.add(target)
    kind = cat.KINDS[kind_name]
    ops = []
    for op in item.ops:
        if op.text not in kind.operations:
            if not kind.operations:
                ctx.error(
                    "E113",
                    f"a {kind_name} has no operations to allow",
                    op.span,
                )
                return None
            ctx.unknown(
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


def check_target(
    ctx: Context, name: s.Name, allowed: tuple[str, ...], what: str, *, verb: str = ""
) -> bool:
    kind = ctx.scope.kinds.get(name.text)
    if kind is None:
        guess = ctx.guess(
            name.text, [n for n, k in ctx.scope.kinds.items() if k in allowed] or ctx.scope.kinds
        )
        ctx.error(
            "E105",
            f"`{name.text}` is not declared",
            name.span,
            note=f"did you mean `{guess}`?" if guess else "",
        )
        return False
    ctx.scope.used.add(name.text)
    if kind not in allowed:
        decl = ctx.scope.decls.get(name.text)
        labels = [Label(decl.name.span, f"`{name.text}` is a {kind}")] if decl else []
        if verb:
            verbs = [v for v, k in cat.STEP_KINDS.items() if k == kind]
            ctx.error(
                "E118",
                f"`{verb}` needs a {' or a '.join(allowed)}, but `{name.text}` is a {kind}",
                name.span,
                labels=labels,
                hints=(f"a {kind} is used with {one_of(verbs)}",) if verbs else (),
            )
        else:
            ctx.error(
                "E112",
                f"{what} can't target {kind} `{name.text}`",
                name.span,
                labels=labels,
                hints=(f"allowed targets: {one_of(allowed)}",),
            )
        return False
    return True


def _has_url(ctx: Context, name: str) -> bool:
    """Whether function `name` sets `url` to something other than `false` (read from
    its declaration: the function may come later in the program)."""
    decl = ctx.scope.decls.get(name)
    for item in getattr(decl, "items", ()):
        if isinstance(item, s.Attribute) and item.name.text == "url":
            return not (isinstance(item.value, s.Bool) and not item.value.value)
    return False
