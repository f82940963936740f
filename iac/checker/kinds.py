"""The rules of each resource kind (the resource pass reads them through its table,
`resources.KIND_RULES`), and the service naming rules of physical names. A rule sees
the typed resource and its declaration."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .. import catalog as cat
from .. import model as m
from .. import syntax as s
from ..codepath import code_value_span, inspect_code
from ..diagnostics import Label
from ..source import Span
from .api import check_auth, check_cors, check_route
from .context import Context, Decl, attr_span, value_span
from .values import check_target
from .wording import fmt_bytes, near_file, show_char


def _layers(ctx: Context, res: m.Resource, st: s.ResourceDecl) -> None:
    """`layers`: at most five layer version ARNs, each with its version number."""
    layers = res.attrs.get("layers")
    if not layers:
        return
    items = next(
        (
            i.value.items
            for i in st.items
            if isinstance(i, s.Attribute)
            and i.name.text == "layers"
            and isinstance(i.value, s.ListV)
        ),
        (),
    )
    for arn, item in zip(layers, items, strict=False):
        if not re.match(cat.LAYER_ARN, arn):
            ctx.error(
                "E193",
                f'"{arn}" is not a layer version ARN',
                item.span,
                hints=("like `arn:aws:lambda:us-east-1:123456789012:layer:pillow:3`",),
            )
            res.attrs["layers"] = None
    if len(layers) > cat.MAX_LAYERS:
        ctx.error(
            "E193",
            f"a function takes at most {cat.MAX_LAYERS} layers",
            items[cat.MAX_LAYERS].span if len(items) > cat.MAX_LAYERS else attr_span(st, "layers"),
            note=f"this is {len(layers)}",
        )
        res.attrs["layers"] = None


def queue_rules(ctx: Context, res: m.Resource, st: Decl) -> None:
    """`dedup` deduplicates a FIFO queue's messages; a standard queue has none."""
    if res.attrs.get("dedup") is not None and not res.attrs.get("fifo"):
        ctx.error(
            "E196",
            f"`dedup` is for FIFO queues, and queue `{res.name}` is standard",
            attr_span(st, "dedup"),
            hints=("add `fifo = true`, or remove `dedup`",),
        )


def function_rules(ctx: Context, res: m.Resource, st: Decl) -> None:
    assert isinstance(st, s.ResourceDecl)  # the rule of a resource kind, not `workflow`
    for attr in ("on_success", "on_failure"):
        if res.attrs.get(attr) == res.name:
            ctx.error(
                "E154",
                f"function `{res.name}` can't be its own `{attr}` destination: "
                "every result would invoke it again",
                attr_span(st, attr),
                hints=("send it to a queue, topic, bus or another function",),
            )
            res.attrs[attr] = None
    _layers(ctx, res, st)
    code = res.attrs.get("code")
    if not isinstance(code, str):
        return
    found = inspect_code(
        st.span.source.directory, code, (mod.span.source.path for mod in ctx.modules)
    )
    found.report(ctx.diags, code_value_span(st))  # links, FIFOs, size (iac/codepath.py)
    span = attr_span(st, "code")
    if found.missing and found.path:
        guess = near_file(found.path, code)
        ctx.error(
            "E110",
            f"`{code}` does not exist",
            span,
            note=f"did you mean `{guess}`?" if guess else "",
            hints=(f"`code` is relative to the folder of {st.span.source.path.name}",),
        )
        return
    if found.path is None:
        return
    res.code_path = path = found.path
    if path.is_dir() and not res.attrs.get("handler"):
        ctx.error(
            "E123",
            f"function `{res.name}` needs `handler`: its code is a folder",
            span,
            hints=('name the entry point, e.g. `handler = "app.handler"`',),
        )
    elif not res.attrs.get("handler"):
        res.attrs["handler"] = f"{path.stem}.handler"


def table_rules(ctx: Context, res: m.Resource, st: Decl) -> None:
    assert isinstance(st, s.ResourceDecl)  # the rule of a resource kind, not `workflow`
    keys = _keys(ctx, st.items, st.name.span, f"table `{res.name}`")
    if keys:
        res.key, res.sort = keys
    for item in st.items:
        if isinstance(item, s.IndexDecl):
            if any(i.name == item.name.text for i in res.indexes):
                ctx.error("E103", f"index `{item.name.text}` is declared twice", item.name.span)
                continue
            for other in item.items:
                if not isinstance(other, s.KeyDecl):
                    ctx.error("E130", "an index holds only `key` and `sort`", other.span)
            ikeys = _keys(ctx, item.items, item.name.span, f"index `{item.name.text}`")
            index_ok = name_rule(
                ctx,
                item.name.text,
                cat.NAME_RULES["index"],
                item.name.span,
                what=f"index `{item.name.text}`",
            )
            if ikeys and index_ok:
                res.indexes.append(m.TableIndex(item.name.text, *ikeys))
    _key_types(ctx, st)


def _key_types(ctx: Context, st: s.ResourceDecl) -> None:
    """DynamoDB declares each key attribute once, with one type: an index may reuse the
    table's key attribute, but not with another type."""
    first: dict[str, s.KeyDecl] = {}
    decls = [i for i in st.items if isinstance(i, s.KeyDecl)] + [
        k
        for i in st.items
        if isinstance(i, s.IndexDecl)
        for k in i.items
        if isinstance(k, s.KeyDecl)
    ]
    for key in decls:
        if key.type.text not in cat.KEY_TYPES:
            continue
        seen = first.setdefault(key.name.text, key)
        if seen.type.text != key.type.text:
            ctx.error(
                "E143",
                f"attribute `{key.name.text}` is a {key.type.text} here, "
                f"but a {seen.type.text} where it was declared first",
                key.type.span,
                labels=[Label(seen.span, f"`{key.name.text}` is a {seen.type.text} here")],
                hints=("a table's key attributes have one type each, in every index",),
            )


def _keys(
    ctx: Context, items: Iterable[Any], span: Span, where: str
) -> tuple[m.TableKey, m.TableKey | None] | None:
    found: dict[str, m.TableKey] = {}
    for item in items:
        if not isinstance(item, s.KeyDecl):
            continue
        if item.role in found:
            ctx.error("E103", f"{where} has two `{item.role}` lines", item.span)
            continue
        if item.type.text not in cat.KEY_TYPES:
            ctx.unknown("E107", "key type", item.type, cat.KEY_TYPES, extra="key types")
            continue
        found[item.role] = m.TableKey(item.name.text, item.type.text)
    if "key" not in found:
        ctx.error(
            "E109",
            f"{where} needs a partition key",
            span,
            hints=("add a line like `key id: string`",),
        )
        return None
    return found["key"], found.get("sort")


def api_rules(ctx: Context, res: m.Resource, st: Decl) -> None:
    assert isinstance(st, s.ResourceDecl)  # the rule of a resource kind, not `workflow`
    res.auth = check_auth(ctx, res.attrs.get("auth"), f"api `{res.name}`")
    res.attrs["auth"] = res.auth  # the model holds the checked value, not the syntax
    check_cors(ctx, res, st)
    seen: dict[tuple[str, str], Span] = {}
    for item in st.items:
        if not isinstance(item, s.Route):
            continue
        key = (item.method, item.path)
        if key in seen:
            ctx.error(
                "E115",
                f"route `{item.method} {item.path}` is declared twice",
                item.span,
                labels=[Label(seen[key], "first declared here")],
            )
            continue
        seen[key] = item.span
        problem = _path_problem(item.path)
        if problem:
            ctx.error(
                "E131",
                f"`{item.path}` is not a valid route path: {problem}",
                item.path_span,
                hints=(
                    "segments are letters, digits and `_-.~`, or a `{name}` parameter; "
                    "`{name+}` (a greedy one) only ends a path",
                ),
            )
            continue
        allowed = ("function", "queue", "workflow", "bus")
        if check_target(ctx, item.target, allowed, f"an api route of `{res.name}`"):
            res.routes.append(check_route(ctx, res, item))
    res.throttle = res.throttle or {"rate": 1000, "burst": 2000}


def secret_rules(ctx: Context, res: m.Resource, st: Decl) -> None:
    """`value = PARAM`: a secret param only; a literal would sit in the output in clear."""
    value = res.attrs.get("value")
    if value is None and not any(
        isinstance(i, s.Attribute) and i.name.text == "value" for i in getattr(st, "items", ())
    ):
        return
    param = ctx.scope.params.get(value.name) if isinstance(value, m.ParamRef) else None
    if param is not None and param.type == "secret":
        return
    hints = ["declare `param NAME: secret` and write `value = NAME`"]
    if param is not None:
        hints.insert(0, f"`{param.name}` is a {param.type} param: its value is shown")
    ctx.error(
        "E179",
        "a secret's `value` is a secret param",
        value_span(st, "value"),
        hints=tuple(hints),
    )
    res.attrs["value"] = None


def schedule_rules(ctx: Context, res: m.Resource, st: Decl) -> None:
    has_rate = res.attrs.get("rate") is not None
    has_cron = res.attrs.get("cron") is not None
    if has_rate and has_cron:
        rate_span, cron_span = attr_span(st, "rate"), attr_span(st, "cron")
        first, second = sorted((rate_span, cron_span), key=lambda sp: sp.start)
        ctx.error(
            "E116",
            f"schedule `{res.name}` has both `rate` and `cron`: keep one",
            second,
            labels=[Label(first, "already set here")],
        )
    elif not has_rate and not has_cron:
        ctx.error(
            "E116",
            f"schedule `{res.name}` needs `rate` or `cron`",
            st.name.span,
            hints=('`rate = 5m` or `cron = "0 3 * * ? *"`',),
        )
    if has_cron:
        check_cron(ctx, res.attrs["cron"], value_span(st, "cron"))


def check_cron(ctx: Context, expr: Any, span: Span) -> None:
    if not isinstance(expr, str) or len(expr.split()) != 6:
        found = f"this one has {len(expr.split())}" if isinstance(expr, str) else ""
        ctx.error(
            "E132",
            "a cron expression has six fields: minutes hours day-of-month month day-of-week year",
            span,
            note=found,
            hints=('for example `"0 3 * * ? *"`: every day at 03:00 UTC',),
        )
        return
    problem = _cron_problem(expr.split())
    if problem:
        ctx.error(
            "E132",
            f"`{expr}` is not an EventBridge cron expression: {problem}",
            span,
            hints=(
                "fields: minutes 0-59, hours 0-23, day-of-month 1-31, month 1-12 or "
                "JAN-DEC, day-of-week 1-7 or SUN-SAT, year 1970-2199; one of the day "
                'fields is `?`, as in `"0 3 * * ? *"`',
            ),
        )


def container_rules(ctx: Context, res: m.Resource, st: Decl) -> None:
    cpu, memory = res.attrs.get("cpu"), res.attrs.get("memory")
    if cpu in cat.FARGATE_MEMORY_MB and memory is not None:
        valid = cat.FARGATE_MEMORY_MB[cpu]
        if memory // cat.MB not in valid:
            shown = [fmt_bytes(v * cat.MB) for v in valid]
            if len(shown) > 6:
                shown = [shown[0], "...", shown[-1]]
            mem_span = attr_span(st, "memory")
            ctx.error(
                "E117",
                f"Fargate can't pair cpu {cpu} with {fmt_bytes(memory)} of memory",
                mem_span,
                note="" if mem_span != st.name.span else "memory is 512MB by default",
                labels=[Label(attr_span(st, "cpu"), "cpu set here")]
                if attr_span(st, "cpu") != st.name.span
                else [],
                hints=(f"with cpu {cpu}, memory is one of {', '.join(shown)}",),
            )


# ---------------------------------------------------------------- physical names


def physical_name(ctx: Context, res: m.Resource, st: Decl) -> None:
    """An explicit `name` against its service's naming rule; a name with `${...}` is
    checked on its literal text."""
    rule = cat.NAME_RULES.get(res.kind)
    value = res.attrs.get("name")
    if rule is None or value is None:
        return
    fifo = res.kind in ("queue", "topic") and bool(res.attrs.get("fifo"))
    name_rule(ctx, value, rule, value_span(st, "name"), fifo=fifo)


def name_rule(
    ctx: Context, value: Any, rule: cat.NameRule, span: Span, *, fifo: bool = False, what: str = ""
) -> bool:
    parts = value.parts if isinstance(value, m.Interp) else (value,)
    plain = all(isinstance(p, str) for p in parts)
    literal = "".join(p for p in parts if isinstance(p, str))
    text = literal
    about = what or (f"`{literal}`" if plain and len(literal) <= 40 else "this name")
    problem = ""
    limit = rule.high
    if fifo:
        # The plan appends `.fifo` when it is missing; it counts toward the limit.
        if text.endswith(cat.FIFO_SUFFIX):
            text = text[: -len(cat.FIFO_SUFFIX)]
        limit -= len(cat.FIFO_SUFFIX)
    bad = next((c for c in text if not re.match(f"[{rule.chars}]", c)), None)
    if bad is not None:
        problem = "it can't hold " + ("a space" if bad == " " else f"`{show_char(bad)}`")
        if text.endswith(cat.FIFO_SUFFIX) or (bad == "." and ".fifo" in text):
            problem += " (`.fifo` ends only the name of a FIFO queue or topic)"
    elif len(text) > limit:
        problem = f"it is {len(text)} characters, more than {limit}"
        if fifo:
            problem += f" (with `{cat.FIFO_SUFFIX}`, at most {rule.high})"
    elif plain and len(text) < rule.low:
        problem = f"it is shorter than {rule.low} characters"
    elif plain and text in rule.reserved:
        problem = f"`{text}` is reserved by AWS"
    elif isinstance(parts[0], str) and (
        pre := next((x for x in rule.prefixes if parts[0].startswith(x)), None)
    ):
        problem = f"it can't start with `{pre}`"
    elif isinstance(parts[-1], str) and (
        suf := next((x for x in rule.suffixes if parts[-1].endswith(x)), None)
    ):
        problem = f"it can't end with `{suf}`"
    elif rule.ends and (
        (isinstance(parts[0], str) and parts[0] and not re.match(f"[{rule.ends}]", parts[0][0]))
        or (
            isinstance(parts[-1], str)
            and parts[-1]
            and not re.match(f"[{rule.ends}]", parts[-1][-1])
        )
    ):
        problem = "it must start and end with a letter or a digit"
    elif rep := next((x for x in rule.repeats if x in literal), None):
        problem = f"it can't hold `{rep}`"
    elif plain and rule.not_ip and re.fullmatch(r"\d+\.\d+\.\d+\.\d+", text):
        problem = "it can't look like an IP address"
    if not problem:
        return True
    ctx.error(
        "E140",
        f"{about} is not {rule.service}: {problem}",
        span,
        hints=(f"{rule.service} is {rule.low}..{rule.high} characters: {rule.chars_doc}",),
    )
    return False


# Compiled (by `re`, once) for the first route: a program without an api never does.
_SEGMENT = r"[A-Za-z0-9_.~-]+\Z"
_PARAM = r"\{([A-Za-z0-9._-]+)(\+?)\}\Z"


def _path_problem(path: str) -> str:
    """Why API Gateway would refuse a route path, or "" when it accepts it."""
    if path == "/":
        return ""
    if path.endswith("/"):
        return "it ends with `/`"
    segments = path[1:].split("/")
    names: set[str] = set()
    for i, seg in enumerate(segments):
        if seg == "":
            return "it has an empty segment (`//`)"
        if "{" in seg or "}" in seg:
            match = re.match(_PARAM, seg)
            if seg.count("{") != seg.count("}") or (seg.startswith("{") and "}" not in seg):
                return f"`{seg}` has an unclosed `{{`"
            if seg == "{}" or seg == "{+}":
                return "a parameter needs a name: `{id}`"
            if match is None:
                return f"`{seg}`: a parameter is a whole segment, `{{name}}`"
            if match.group(2) and i != len(segments) - 1:
                return f"`{seg}` is greedy, so it can only be the last segment"
            if match.group(1) in names:
                return f"parameter `{match.group(1)}` appears twice"
            names.add(match.group(1))
        elif not re.match(_SEGMENT, seg):
            bad = next(c for c in seg if not re.match(_SEGMENT, c))
            return f"`{seg}` can't hold `{bad}`"
    return ""


_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_DAYS = ("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")
# name, lowest, highest, names for 1.. (EventBridge's six-field cron)
_CRON_FIELDS: tuple[tuple[str, int, int, tuple[str, ...]], ...] = (
    ("minutes", 0, 59, ()),
    ("hours", 0, 23, ()),
    ("day-of-month", 1, 31, ()),
    ("month", 1, 12, _MONTHS),
    ("day-of-week", 1, 7, _DAYS),
    ("year", 1970, 2199, ()),
)


def _cron_problem(fields: list[str]) -> str:
    """Why EventBridge would refuse these six cron fields, or "" when it accepts them."""
    for index, (field, (name, low, high, names)) in enumerate(
        zip(fields, _CRON_FIELDS, strict=True)
    ):
        if field == "?" and index in (2, 4):
            continue
        for item in field.split(","):
            if not _cron_item(item.upper(), index, low, high, names):
                return f"`{field}` is not a valid {name} field ({low}-{high})"
    dom, dow = fields[2], fields[4]
    if dom == "?" and dow == "?":
        return "day-of-month and day-of-week can't both be `?`"
    if dom != "?" and dow != "?":
        return "one of day-of-month and day-of-week must be `?`"
    return ""


def _cron_item(item: str, index: int, low: int, high: int, names: tuple[str, ...]) -> bool:
    def value(text: str) -> bool:
        if text.isdigit():
            return low <= int(text) <= high
        return text in names

    if index == 2 and (item in ("L", "LW") or re.fullmatch(r"\d{1,2}W", item)):
        return item in ("L", "LW") or value(item[:-1])
    if index == 4 and (item == "L" or re.fullmatch(r"\d(L|#[1-5])", item)):
        return item == "L" or value(item[0])
    base, _, step = item.partition("/")
    if step and not (step.isdigit() and 1 <= int(step) <= high):
        return False
    if base == "*":
        return True
    first, dash, last = base.partition("-")
    if dash:
        return value(first) and value(last)
    return value(base)
