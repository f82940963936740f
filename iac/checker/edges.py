"""Event edges: `on` statements, shorthand schedules, and the dead-letter queues."""

from __future__ import annotations

from functools import partial
from typing import Any

from .. import catalog as cat
from .. import model as m
from .. import syntax as s
from ..diagnostics import Label, one_of
from ..records import field, record, replace
from ..source import Span
from .context import Context, made
from .declare import EVENTBRIDGE_SOURCES, FAILURE_OPTIONS
from .filters import QUEUE_BODY, STREAM_RECORD, check_filters, dialect_of
from .kinds import check_cron
from .values import attribute_value, attributes, check_target

# source, event, target, filters, options, span: what `_add_edge` numbers and adds
EdgeArgs = tuple[str, str, str, dict[str, m.Match], dict[str, Any], Span]


@record(frozen=False)
class _Seen:
    """The edges so far, by (source, event, target): where each was first declared, and
    how many there are (an edge's number among those between the same pair)."""

    spans: dict[tuple[str, str, str], Span] = field(default_factory=dict)
    counts: dict[tuple[str, str, str], int] = field(default_factory=dict)


def check_edges(ctx: Context, statements: list[s.Statement]) -> None:
    """`on` statements and shorthand schedules, in source order (which numbers them)."""
    seen = _Seen()
    for st in statements:
        if isinstance(st, s.OnDecl):
            edge = _on(ctx, st) if ctx.memo is None else ctx.memo.check_edge(ctx, st, _on)
            if edge is not None:
                _add_edge(ctx, seen, *edge)
        elif isinstance(st, s.EveryDecl | s.CronDecl):
            _shorthand(ctx, seen, st)


def add_dead_letter_queues(ctx: Context) -> None:
    """Dead-letter queues, each placed right after the queue or consumer it serves: a
    queue's (`max_receives`), and an asynchronous consumer's (declare.py)."""
    ordered: dict[str, m.Resource] = {}
    for res in list(ctx.resources.values()):
        ordered[res.name] = res
        name = f"{res.name}_dlq"
        redrive = res.kind == "queue" and res.attrs.get("max_receives") is not None
        if redrive or ctx.scope.consumer_dlqs.get(name) == res.name:
            if ctx.scope.kinds.get(name) != "queue" or name in ctx.resources:
                continue
            fifo = res.kind == "queue" and res.attrs["fifo"]
            ordered[name] = made(ctx, ("dlq", name, res.span, fifo), partial(_dlq, name, res, fifo))
    ctx.resources.clear()
    ctx.resources.update(ordered)


def add_async_failures(ctx: Context) -> None:
    """A function invoked asynchronously (by EventBridge or SNS) without `on_failure`
    sends what still fails after its retries to its `NAME_dlq`."""
    for edge in ctx.edges:
        kind, fn = m.source_kind(ctx.resources, edge.source), ctx.resources.get(edge.target)
        if kind is None or fn is None or fn.kind != "function":
            continue
        if FAILURE_OPTIONS.get(kind) != "dead_letter" or fn.attrs.get("on_failure"):
            continue
        dlq = ctx.resources.get(f"{fn.name}_dlq")
        if dlq is None or dlq.kind != "queue":
            continue
        if ctx.memo is None:
            fn.attrs["on_failure"] = dlq.name
        else:  # a copy: the resource pass's own is the memo's, to replay as it ran
            with_dlq = partial(replace, fn, attrs={**fn.attrs, "on_failure": dlq.name})
            ctx.resources[fn.name] = ctx.memo.make(("on_failure", fn.name, dlq.name), with_dlq, fn)


def _dlq(name: str, res: m.Resource, fifo: bool) -> m.Resource:
    """The implicit dead-letter queue `name` of `res`."""
    attrs = {a.name: a.default for a in cat.KINDS["queue"].attrs}
    attrs.update(retention=cat.DLQ_RETENTION, fifo=fifo)
    return m.Resource("queue", name, res.span, attrs, implicit=True)


def _on(ctx: Context, st: s.OnDecl) -> EdgeArgs | None:
    """An `on` statement judged: the edge it makes (numbered by the caller), or None."""
    source = st.source.text
    kind_name = ctx.scope.kinds.get(source)
    if kind_name is None and source == cat.DEFAULT_BUS:
        kind_name = "bus"  # the account's default bus: declared by no one
        if not st.filters:
            ctx.diags.warning(
                "W060",
                "this rule matches every event on the account's default bus",
                st.source.span,
                hints=(
                    'AWS services send their events there: add filters, like `(source: "aws.ec2")`',
                ),
            )
    if kind_name is None:
        guess = ctx.guess(source, [n for n, k in ctx.scope.kinds.items() if cat.KINDS[k].events])
        ctx.error(
            "E105",
            f"`{source}` is not declared",
            st.source.span,
            note=f"did you mean `{guess}`?" if guess else "",
        )
        return None
    if source in ctx.scope.kinds:
        ctx.scope.used.add(source)
    kind = cat.KINDS[kind_name]
    event = kind.event(st.event.text)
    if event is None:
        if not kind.events:
            ctx.error(
                "E111",
                f"a {kind_name} has no events",
                st.event.span,
                hints=(
                    "kinds with events: " + one_of(k.name for k in cat.KINDS.values() if k.events),
                ),
            )
        else:
            ctx.unknown(
                "E111",
                "event",
                st.event,
                [e.name for e in kind.events],
                context=f" on {kind_name} `{source}`",
                extra="events",
            )
        return None
    if not check_target(ctx, st.target, event.targets, f"`{kind_name}.{event.name}`"):
        return None
    filters = _filters(ctx, st, kind_name, event)
    options = attributes(ctx, st.options, event.options, f"`{kind_name}.{event.name}`")
    if isinstance(options.get("filter"), s.FilterSet):
        options["filter"] = _mapping_filter(ctx, kind_name, options["filter"])
    written = {i.name.text for i in st.options if isinstance(i, s.Attribute)}
    if filters is None or ("filter" in written and options.get("filter") is None):
        return None
    target = ctx.resources.get(st.target.text)
    if target is not None and target.kind == "workflow" and "batch" not in written:
        options["batch"] = 1  # a pipe starts one execution per message or record
    if kind_name == "table" and event.name == "changed":
        table = ctx.resources.get(source)
        if table is not None and not table.attrs.get("stream"):
            decl = ctx.scope.decls[source]
            ctx.error(
                "E120",
                f"table `{source}` has no stream, so it has no `changed` events",
                st.event.span,
                labels=[Label(decl.name.span, "declared here")],
                hints=(f"add `stream = true` to table `{source}`",),
            )
            return None
    if not _fifo_delivery(ctx, st, kind_name) or not _batching(ctx, st, kind_name, options):
        return None
    if not _failures(ctx, kind_name, st, options):
        return None
    if kind_name == "queue":
        _warn_without_redrive(ctx, st)
    return (source, event.name, st.target.text, filters, options, st.span)


def _warn_without_redrive(ctx: Context, st: s.OnDecl) -> None:
    """A queue a function reads without `max_receives` keeps a failing message until
    its retention ends and then drops it, unseen (and a FIFO queue holds its group)."""
    queue = ctx.resources.get(st.source.text)
    if queue is None or queue.attrs.get("max_receives") is not None:
        return
    fifo = ", holding up its message group," if queue.attrs.get("fifo") else ""
    ctx.diags.warning(
        "W031",
        f"queue `{queue.name}` has no `max_receives`: a message `{st.target.text}` always "
        f"fails on comes back{fifo} until the queue's retention ends, then it is dropped",
        st.source.span,
        hints=(
            f"add `max_receives = 5` to queue `{queue.name}`: then it moves to `{queue.name}_dlq`",
        ),
    )


def _failures(
    ctx: Context, kind_name: str, st: s.OnDecl | s.EveryDecl | s.CronDecl, options: dict[str, Any]
) -> bool:
    """Where what an asynchronous edge can't deliver (or its consumer can't process)
    goes: the edge's `dead_letter` (`on_failure` from a stream), else the consumer's
    `NAME_dlq` made for it (declare.py). Filled into the edge's options, so the plan
    and `iac explain` read one answer."""
    option = FAILURE_OPTIONS.get(kind_name)
    if option is None:
        return True
    target = st.target
    spans = {i.name.text: i.value.span for i in st.options if isinstance(i, s.Attribute)}
    chosen = options.get(option)
    if chosen is None:
        default = f"{target.text}_dlq"
        dlq = ctx.resources.get(default)
        eventbridge = kind_name in EVENTBRIDGE_SOURCES
        consumer = ctx.resources.get(target.text)
        fifo_queue = consumer is not None and consumer.kind == "queue" and consumer.attrs["fifo"]
        if dlq is not None and dlq.kind == "queue" and not (eventbridge and dlq.attrs["fifo"]):
            options[option] = default
        elif eventbridge and fifo_queue:
            ctx.diags.warning(
                "W030",
                f"what EventBridge can't deliver to FIFO queue `{target.text}` is dropped "
                "after its retries: EventBridge takes only a standard queue as dead-letter queue",
                target.span,
                hints=("add `dead_letter = QUEUE` with a standard queue",),
            )
        return True
    dlq = ctx.resources.get(chosen)
    if dlq is None or dlq.kind != "queue":
        return True  # a topic (`on_failure` from a stream), or reported already
    fifo = bool(dlq.attrs.get("fifo"))
    if kind_name in EVENTBRIDGE_SOURCES and fifo:
        ctx.error(
            "E152",
            f"EventBridge takes only a standard queue as dead-letter queue, and `{chosen}` is FIFO",
            spans.get(option, target.span),
            hints=("name a standard queue",),
        )
        return False
    topic = ctx.resources.get(st.source.text) if isinstance(st, s.OnDecl) else None
    if kind_name == "topic" and topic is not None and bool(topic.attrs.get("fifo")) != fifo:
        ctx.error(
            "E153",
            f"{'a FIFO' if fifo else 'a standard'} queue can't be the dead-letter queue of "
            f"{'standard' if fifo else 'FIFO'} topic `{topic.name}`'s subscription",
            spans.get(option, target.span),
            hints=("SNS needs a dead-letter queue of the same type as the topic",),
        )
        return False
    return True


def _eventbridge_to_fifo_topic(ctx: Context, st: s.OnDecl) -> bool:
    target = ctx.resources.get(st.target.text)
    if target is None or target.kind != "topic" or not target.attrs.get("fifo"):
        return True
    decl = ctx.scope.decls.get(target.name)
    labels = [Label(decl.name.span, f"topic `{target.name}` declared here")] if decl else []
    ctx.error(
        "E141",
        f"an EventBridge rule can't publish to FIFO topic `{target.name}`: "
        "it can't set the message group id a FIFO topic needs",
        st.target.span,
        labels=labels,
        hints=("deliver to a FIFO queue instead, or make the topic standard",),
    )
    return False


def _fifo_delivery(ctx: Context, st: s.OnDecl, kind_name: str) -> bool:
    """SNS delivers a FIFO topic only to FIFO queues, and a standard topic never to one;
    an EventBridge rule can't publish to a FIFO topic (CloudFormation's rule target has
    no SNS parameters to carry the message group id it needs)."""
    if kind_name in ("bucket", "bus", "schedule"):
        return _eventbridge_to_fifo_topic(ctx, st)
    if kind_name != "topic":
        return True
    topic, target = ctx.resources.get(st.source.text), ctx.resources.get(st.target.text)
    if topic is None or target is None:
        return True
    fifo_topic = bool(topic.attrs.get("fifo"))
    fifo_queue = target.kind == "queue" and bool(target.attrs.get("fifo"))
    if fifo_topic == fifo_queue:
        return True
    decl = ctx.scope.decls.get(target.name)
    labels = (
        [Label(decl.name.span, f"{target.kind} `{target.name}` declared here")]
        if decl is not None
        else []  # a dead-letter queue: made by the compiler
    )
    if fifo_topic:
        message = (
            f"FIFO topic `{topic.name}` can only deliver to FIFO queues, "
            f"and {target.kind} `{target.name}` is not one"
        )
        hint = "subscribe a queue with `fifo = true`, or make the topic standard"
    else:
        message = f"standard topic `{topic.name}` can't deliver to FIFO queue `{target.name}`"
        hint = f"set `fifo = true` on topic `{topic.name}`, or make the queue standard"
    ctx.error("E141", message, st.target.span, labels=labels if decl else [], hints=(hint,))
    return False


def _batching(ctx: Context, st: s.OnDecl, kind_name: str, options: dict[str, Any]) -> bool:
    """What Lambda accepts of a queue's batches: over 10 messages only with a window of
    at least 1s; from a FIFO queue, at most 10 and no window."""
    if kind_name != "queue":
        return True
    queue = ctx.resources.get(st.source.text)
    batch, window = options.get("batch"), options.get("window")
    if queue is None or batch is None or window is None:
        return True
    limit = cat.QUEUE_BATCH_WITHOUT_WINDOW
    spans = {i.name.text: i.span for i in st.options if isinstance(i, s.Attribute)}
    if queue.attrs.get("fifo"):
        if batch > limit:
            ctx.error(
                "E142",
                f"a FIFO queue hands Lambda at most {limit} messages at a time",
                spans.get("batch", st.span),
                note=f"this is {batch}",
                hints=(f"set `batch` to {limit} or less",),
            )
            return False
        if window > 0:
            ctx.error(
                "E142",
                "Lambda takes no batching window from a FIFO queue",
                spans.get("window", st.span),
                hints=("remove `window`",),
            )
            return False
    elif batch > limit and window < 1:
        ctx.error(
            "E142",
            f"a batch of more than {limit} messages needs a batching window",
            spans.get("batch", st.span),
            note=f"this is {batch}",
            hints=(f"add `window = 1s` (or more), or set `batch` to {limit} or less",),
        )
        return False
    return True


def _filters(
    ctx: Context, st: s.OnDecl, kind_name: str, event: cat.Event
) -> dict[str, m.Match] | None:
    """An edge's filters: dotted paths with every test where the service matches
    patterns (a bus's rule, a topic's filter policy), the catalogue's fixed filters with
    literal strings elsewhere (a bucket's `prefix` and `suffix`). None: refused."""
    dialect = dialect_of(kind_name, event.name)
    if dialect is not None:
        return check_filters(ctx, st.filters, dialect)
    out: dict[str, m.Match] = {}
    names = [f.name for f in event.filters]
    for f in st.filters:
        if f.name.text not in names:
            if not names:
                ctx.error("E134", f"`{event.name}` events take no filters", f.span)
                continue
            ctx.unknown("E134", "filter", f.name, names, extra="filters")
            continue
        if f.name.text in out:
            ctx.error("E103", f"filter `{f.name.text}` is given twice", f.name.span)
            continue
        v = f.value
        if isinstance(v, s.Str) and v.is_plain:
            out[f.name.text] = m.Match("any", (v.plain,))
        else:
            ctx.error("E107", f"filter `{f.name.text}` takes a string", v.span)
    return out


def _mapping_filter(ctx: Context, kind_name: str, value: s.FilterSet) -> dict[str, m.Match] | None:
    """An event source mapping's `filter`: Lambda's event filtering of the queue's
    JSON bodies (`body.…`) or the stream's records (`event_name`, `dynamodb.…`)."""
    if not value.filters:
        ctx.error(
            "E108",
            "`filter = ()` filters nothing",
            value.span,
            hints=('name a field: `filter = (body.type: "order")`, or remove `filter`',),
        )
        return None
    dialect = QUEUE_BODY if kind_name == "queue" else STREAM_RECORD
    return check_filters(ctx, value.filters, dialect)


def _add_edge(
    ctx: Context,
    seen: _Seen,
    source: str,
    event: str,
    target: str,
    filters: dict[str, m.Match],
    options: dict[str, Any],
    span: Span,
) -> None:
    key = (source, event, target)
    # Rules per edge may repeat a pair with other filters; mappings, subscriptions
    # and a schedule's targets can't.
    if key in seen.spans and ctx.scope.kinds.get(source) in (
        "queue",
        "table",
        "topic",
        "schedule",
    ):
        ctx.error(
            "E137",
            f"`{source}.{event} -> {target}` is declared twice",
            span,
            labels=[Label(seen.spans[key], "first declared here")],
        )
        return
    seen.spans.setdefault(key, span)
    seen.counts[key] = index = seen.counts.get(key, 0) + 1
    ctx.edges.append(m.Edge(source, event, target, filters, options, span, index))


def _shorthand(ctx: Context, seen: _Seen, st: s.EveryDecl | s.CronDecl) -> None:
    name = ctx.scope.shorthand_names.get(id(st))  # given by the declaration pass
    if isinstance(st, s.EveryDecl):
        spec = cat.KINDS["schedule"].attr("rate")
        assert spec
        rate = attribute_value(ctx, st.rate, spec)
        attrs = {a.name: a.default for a in cat.KINDS["schedule"].attrs}
        attrs["rate"] = rate
    else:
        check_cron(ctx, st.expression.plain if st.expression.is_plain else None, st.expression.span)
        attrs = {a.name: a.default for a in cat.KINDS["schedule"].attrs}
        attrs["cron"] = st.expression.plain
    if name is None or ctx.scope.kinds.get(name) != "schedule" or name in ctx.resources:
        return
    event = cat.KINDS["schedule"].event("tick")
    assert event
    if not check_target(ctx, st.target, event.targets, "`schedule.tick`"):
        return
    options = attributes(ctx, st.options, event.options, "a schedule")
    schedule = partial(m.Resource, "schedule", name, st.span, attrs, implicit=True)
    ctx.resources[name] = made(ctx, ("shorthand", name, id(st)), schedule, st)
    if not _failures(ctx, "schedule", st, options):
        return
    _add_edge(ctx, seen, name, "tick", st.target.text, {}, options, st.span)
