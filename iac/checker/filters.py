"""Event filters: `(source: prefix "shop.", detail.total: > 100)` on an `on` edge, and
an event source mapping's `filter = (body.type: "order")`, checked against what the
service that applies them can express (EventBridge, SNS, Lambda's event filtering)."""

from __future__ import annotations

from collections.abc import Iterable

from .. import catalog as cat
from .. import model as m
from .. import syntax as s
from ..diagnostics import Label, one_of
from ..records import record
from .context import Context
from .wording import describe

Scalar = str | int | float | bool


@record
class Dialect:
    """What one service's filters may name and test."""

    service: str  # as messages say it: "an EventBridge pattern"
    fields: tuple[str, ...]  # whole paths it knows
    roots: tuple[str, ...] = ()  # paths under these (`detail.`) are free
    free: bool = False  # any name (SNS message attributes)
    numeric_range: float = 5.0e9  # the largest magnitude a numeric test takes
    max_keys: int | None = None
    string_roots: tuple[str, ...] = ()  # paths whose values are always strings
    string_why: str = ""


EVENTBRIDGE = Dialect(
    "an EventBridge pattern",
    cat.EVENT_FIELDS,
    roots=("detail",),
)
SNS = Dialect(
    "an SNS filter policy",
    (),
    free=True,
    numeric_range=1.0e9,
    max_keys=cat.SNS_FILTER_KEYS,
)
QUEUE_BODY = Dialect("Lambda's event filtering of queue messages", (), roots=("body",))
STREAM_RECORD = Dialect(
    "Lambda's event filtering of stream records",
    ("event_name",),
    roots=("dynamodb",),
    string_roots=("dynamodb",),
    string_why=(
        'a stream record holds every number as a string (`"N": "100"`), '
        "so a numeric test never matches"
    ),
)


def dialect_of(kind: str, event: str) -> Dialect | None:
    """The dialect of an `on` edge's filters (None: the catalogue's fixed filters)."""
    if kind == "bus":
        return EVENTBRIDGE
    if kind == "topic":
        return SNS
    return None


def check_filters(
    ctx: Context, filters: Iterable[s.Filter], dialect: Dialect
) -> dict[str, m.Match] | None:
    """Each filter's path and test; None when any was refused."""
    out: dict[str, m.Match] = {}
    spans: dict[str, s.Filter] = {}
    ok = True
    for f in filters:
        path = f.name.text
        if not _path_known(ctx, f.name, dialect):
            ok = False
            continue
        if path in out or path in spans:
            ctx.error(
                "E103",
                f"filter `{path}` is given twice",
                f.name.span,
                labels=[Label(spans[path].name.span, "first given here")],
            )
            ok = False
            continue
        clash = next(
            (p for p in spans if p.startswith(path + ".") or path.startswith(p + ".")), None
        )
        if clash is not None:
            ctx.error(
                "E194",
                f"filters `{clash}` and `{path}` overlap: one is inside the other",
                f.name.span,
                labels=[Label(spans[clash].name.span, f"`{clash}` filtered here")],
                hints=("filter the inner field only, or the outer one only",),
            )
            ok = False
            continue
        spans[path] = f
        match = _test(ctx, f, dialect)
        if match is None:
            ok = False
            continue
        out[path] = match
    if dialect.max_keys is not None and len(out) > dialect.max_keys:
        extra = list(spans.values())[dialect.max_keys]
        ctx.error(
            "E191",
            f"{dialect.service} takes at most {dialect.max_keys} attributes",
            extra.name.span,
            note=f"these filters name {len(out)}",
        )
        return None
    return out if ok else None


def _path_known(ctx: Context, name: s.Name, dialect: Dialect) -> bool:
    path = name.text
    if dialect.free or path in dialect.fields:
        return True
    if any(path.startswith(root + ".") for root in dialect.roots):
        return True
    valid = [*dialect.fields, *(f"{r}.FIELD" for r in dialect.roots)]
    guess = ctx.guess(path.split(".", 1)[0], [*dialect.fields, *dialect.roots])
    ctx.error(
        "E190",
        f"{dialect.service} can't filter on `{path}`",
        name.span,
        note=f"did you mean `{guess}`?" if guess and guess != path else "",
        hints=(f"filter on {one_of(valid)}",),
    )
    return False


def _scalar(ctx: Context, v: s.Value, path: str) -> Scalar | None:
    if isinstance(v, s.Str) and v.is_plain:
        return v.plain
    if isinstance(v, s.Num | s.Bool):
        return v.value
    what = "an interpolated string" if isinstance(v, s.Str) else describe(v)
    ctx.error(
        "E107",
        f"filter `{path}` compares with a string, a number or a bool, not {what}",
        v.span,
    )
    return None


def _values(ctx: Context, v: s.Value, path: str) -> tuple[Scalar, ...] | None:
    items = v.items if isinstance(v, s.ListV) else (v,)
    if not items:
        ctx.error("E108", f"filter `{path}` needs at least one value", v.span)
        return None
    out = [_scalar(ctx, item, path) for item in items]
    if any(x is None for x in out):
        return None
    return tuple(x for x in out if x is not None)


def _test(ctx: Context, f: s.Filter, dialect: Dialect) -> m.Match | None:
    path, value = f.name.text, f.value
    if not isinstance(value, s.Match):
        values = _values(ctx, value, path)
        return m.Match("any", values) if values is not None else None
    op = value.op
    if op in ("exists", "missing"):
        return m.Match(op)
    if op in ("prefix", "suffix"):
        assert isinstance(value.operand, s.Str)
        if not value.operand.is_plain:
            ctx.error("E107", f"`{op}` takes a literal string", value.operand.span)
            return None
        if not value.operand.plain:
            ctx.error("E108", f'`{op} ""` matches everything', value.operand.span)
            return None
        return m.Match(op, (value.operand.plain,))
    if op == "not":
        assert value.operand is not None
        values = _values(ctx, value.operand, path)
        if values is None:
            return None
        if len({type(x) is str for x in values}) > 1 or any(isinstance(x, bool) for x in values):
            ctx.error(
                "E191",
                f"{dialect.service} takes `not` with strings only or numbers only",
                value.operand.span,
            )
            return None
        return m.Match("not", values)
    # a comparison: `> 100`
    assert isinstance(value.operand, s.Num)
    number = value.operand.value
    if any(path == r or path.startswith(r + ".") for r in dialect.string_roots):
        ctx.error(
            "E191",
            f"{dialect.service} can't compare `{path}` as a number",
            value.span,
            note=dialect.string_why,
            hints=('match the string instead: `dynamodb.NewImage.n.N: ["100"]`',),
        )
        return None
    if abs(number) > dialect.numeric_range:
        ctx.error(
            "E191",
            f"{dialect.service} compares numbers up to {dialect.numeric_range:g}",
            value.operand.span,
        )
        return None
    if op == "!=":
        return m.Match("not", (number,))
    return m.Match("numeric", (number,), op)
