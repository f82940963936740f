"""The first passes: every name the program declares, then the params."""

from __future__ import annotations

from typing import Any

from .. import catalog as cat
from .. import model as m
from .. import syntax as s
from ..diagnostics import Label
from ..names import MAX_NAME, NAME_RE, logical_id
from ..source import Span
from .context import Context
from .values import literal_default


def declare_names(ctx: Context, statements: list[s.Statement]) -> list[s.ParamDecl]:
    """Every name in one namespace, under one rule (E122), once (E103), with a logical
    ID of its own (E104): resources, params, and the names the compiler makes
    (dead-letter queues, shorthand schedules). Returns the params that got their name."""
    params: list[s.ParamDecl] = []
    seen: dict[str, Span] = {}
    ids: dict[str, tuple[str, Span]] = {}

    def claim(name: s.Name, what: str) -> bool:
        if not NAME_RE.match(name.text):
            ctx.error(
                "E122",
                f"`{name.text}` is not a valid name",
                name.span,
                hints=("names are lower case letters, digits and `_`, starting with a letter",),
            )
            return False
        if len(name.text) > MAX_NAME:
            ctx.error(
                "E122",
                f"`{name.text}` is too long: a name has at most {MAX_NAME} characters",
                name.span,
            )
            return False
        if name.text in seen:
            ctx.error(
                "E103",
                f"`{name.text}` is declared twice",
                name.span,
                labels=[Label(seen[name.text], "first declared here")],
            )
            return False
        lid = logical_id(name.text)
        if lid in ids:
            other, other_span = ids[lid]
            ctx.error(
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
            if ctx.scope.app_decl is not None:
                ctx.error(
                    "E124",
                    "a program has at most one `app` block",
                    st.name.span,
                    labels=[Label(ctx.scope.app_decl.name.span, "the first one")],
                )
            else:
                ctx.scope.app_decl = st
        elif isinstance(st, s.ParamDecl):
            if claim(st.name, "param"):
                params.append(st)
        elif isinstance(st, s.WorkflowDecl):
            if claim(st.name, "workflow"):
                ctx.scope.decls[st.name.text] = st
                ctx.scope.kinds[st.name.text] = "workflow"
        elif isinstance(st, s.ResourceDecl):
            kind = st.kind.text
            if kind not in cat.KINDS:
                ctx.unknown("E101", "resource kind", st.kind, sorted(cat.KINDS), extra="kinds")
                continue
            if claim(st.name, kind):
                ctx.scope.decls[st.name.text] = st
                ctx.scope.kinds[st.name.text] = kind
    # Names the compiler makes: dead-letter queues and shorthand schedules.
    for st in statements:
        if isinstance(st, s.ResourceDecl) and st.kind.text == "queue":
            if any(isinstance(i, s.Attribute) and i.name.text == "max_receives" for i in st.items):
                dlq = s.Name(f"{st.name.text}_dlq", st.name.span)
                if ctx.scope.decls.get(st.name.text) is st and claim(dlq, "queue"):
                    ctx.scope.kinds[dlq.text] = "queue"
    for consumer in _consumers_needing_dlq(ctx, statements):
        dlq = s.Name(f"{consumer}_dlq", ctx.scope.decls[consumer].name.span)
        taken = ctx.scope.kinds.get(dlq.text)
        if taken == "queue":
            continue  # a queue's own dead-letter queue, or one the program declares
        if taken is not None:
            other = ctx.scope.decls.get(dlq.text)
            ctx.error(
                "E151",
                f"the dead-letter queue of {ctx.scope.kinds[consumer]} `{consumer}` would be "
                f"named `{dlq.text}`, which is a {taken}",
                dlq.span,
                labels=[Label(other.name.span, f"`{dlq.text}` declared here")] if other else [],
                hints=(f"rename `{dlq.text}`, or declare `queue {dlq.text}` to choose it",),
            )
        elif claim(dlq, "queue"):
            ctx.scope.kinds[dlq.text] = "queue"
            ctx.scope.consumer_dlqs[dlq.text] = consumer
    counts: dict[str, int] = {}
    for st in statements:
        if isinstance(st, s.EveryDecl | s.CronDecl):
            name = _shorthand_name(ctx, st, counts)
            ctx.scope.shorthand_names[id(st)] = name
            if name and claim(s.Name(name, st.span), "schedule"):
                ctx.scope.kinds[name] = "schedule"
    return params


# The sources whose edges deliver asynchronously, and the edge option that names
# where what can't be delivered or processed goes instead of the consumer's `NAME_dlq`.
FAILURE_OPTIONS = {
    "bucket": "dead_letter",
    "bus": "dead_letter",
    "schedule": "dead_letter",
    "topic": "dead_letter",
    "table": "on_failure",
}
EVENTBRIDGE_SOURCES = ("bucket", "bus", "schedule")


def _consumers_needing_dlq(ctx: Context, statements: list[s.Statement]) -> list[str]:
    """The targets of asynchronous edges that get a dead-letter queue `NAME_dlq`: one
    edge to them names no `dead_letter` (`on_failure` from a stream), or a function
    invoked asynchronously names no `on_failure` of its own. EventBridge takes no FIFO
    queue as a dead-letter queue, so a FIFO queue it feeds gets none (W030)."""
    out: dict[str, None] = {}
    for st in statements:
        if isinstance(st, s.OnDecl):
            source_kind = ctx.scope.kinds.get(st.source.text)
            if source_kind is None and st.source.text == cat.DEFAULT_BUS:
                source_kind = "bus"  # the account's default bus, declared by no one
        elif isinstance(st, s.EveryDecl | s.CronDecl):
            source_kind = "schedule"
        else:
            continue
        option = FAILURE_OPTIONS.get(source_kind or "")
        target = st.target.text
        kind = ctx.scope.kinds.get(target)
        if option is None or kind is None or target not in ctx.scope.decls:
            continue
        decl = ctx.scope.decls[target]
        if kind == "function" and source_kind != "table" and not _sets(decl, "on_failure"):
            out[target] = None
        if _sets_item(st.options, option):
            continue
        if source_kind in EVENTBRIDGE_SOURCES and kind == "queue" and _is_fifo(decl):
            continue
        out[target] = None
    return list(out)


def _sets(decl: Any, attr: str) -> bool:
    return isinstance(decl, s.ResourceDecl) and _sets_item(decl.items, attr)


def _sets_item(items: tuple[Any, ...], attr: str) -> bool:
    return any(isinstance(i, s.Attribute) and i.name.text == attr for i in items)


def _is_fifo(decl: Any) -> bool:
    return isinstance(decl, s.ResourceDecl) and any(
        isinstance(i, s.Attribute)
        and i.name.text == "fifo"
        and isinstance(i.value, s.Bool)
        and i.value.value
        for i in decl.items
    )


def check_params(ctx: Context, params: list[s.ParamDecl]) -> None:
    """Each param's type and default, and its `--param` override."""
    for st in params:
        _param(ctx, st)


def _shorthand_name(
    ctx: Context, st: s.EveryDecl | s.CronDecl, counts: dict[str, int]
) -> str | None:
    target = st.target.text
    if isinstance(st, s.EveryDecl):
        if not isinstance(st.rate, s.Duration):
            return None
        return f"{target}_every_{st.rate.text}"
    counts[target] = counts.get(target, 0) + 1
    return f"{target}_cron_{counts[target]}"


def _param(ctx: Context, st: s.ParamDecl) -> None:
    ptype = st.type.text
    if ptype not in cat.PARAM_TYPES:
        ctx.unknown("E125", "param type", st.type, cat.PARAM_TYPES, extra="types")
        return
    default: Any = None
    name = st.name.text
    if ptype == "secret":
        # The value would be written into the output, readable by anyone who reads it.
        if st.default is not None:
            ctx.error(
                "E177",
                f"secret param `{name}` can't have a default",
                st.default.span,
                hints=("pass it at deploy time: --parameter-overrides, -var, or cdk --parameters",),
            )
        if name in ctx.overrides:
            ctx.error(
                "E177",
                f"--param {name}: a secret param can't be set at compile time",
                st.span,
                hints=("its value would be written into the output; pass it at deploy time",),
            )
        ctx.scope.params[name] = m.Param(name, ptype, None, st.span)
        ctx.scope.param_decls[name] = st
        return
    if st.default is not None:
        default = literal_default(ctx, st.default, ptype, st.name.text)
    if name in ctx.overrides:
        default = _override(ctx, name, ptype, ctx.overrides[name], st.span)
    ctx.scope.params[name] = m.Param(name, ptype, default, st.span)
    ctx.scope.param_decls[name] = st


def _override(ctx: Context, name: str, ptype: str, raw: str, span: Span) -> Any:
    if ptype == "number":
        try:
            return float(raw) if "." in raw else int(raw)
        except ValueError:
            ctx.error("E126", f"--param {name}={raw}: `{name}` is a number", span)
    elif ptype == "bool":
        if raw in ("true", "false"):
            return raw == "true"
        ctx.error("E126", f"--param {name}={raw}: `{name}` is true or false", span)
    return raw
