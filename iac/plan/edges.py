"""Lowering of event edges: rules, targets, permissions, policies, mappings."""

from __future__ import annotations

from typing import Any

from .. import model as m
from ..catalog import (
    ASYNC_MAX_AGE,
    ASYNC_RETRIES,
    RULE_MAX_AGE,
    RULE_RETRIES,
    STREAM_MAX_AGE,
    STREAM_RETRIES,
)
from ..names import edge_id, logical_id, physical, schedule_target_id
from ..records import replace
from ..source import Span
from .base import NAME_LIMITS, Lowering
from .compute import network, run_task_statements
from .iam import PIPE_QUEUE_READER, QUEUE_CONSUMER, STREAM_READER, RoleSpec, Statement
from .model import (
    EcsTarget,
    EventInvokeConfigProps,
    EventSourceMappingProps,
    Node,
    PermissionProps,
    PipeProps,
    QueuePolicyProps,
    RuleProps,
    RuleTarget,
    SubscriptionProps,
    TopicPolicyProps,
)
from .patterns import pattern as event_pattern
from .patterns import pattern_text
from .values import ACCOUNT, Ref, Sub, Value

PIPE_NAME_LIMIT = 64  # EventBridge Pipes: 1 to 64 of `[.\-_A-Za-z0-9]`


def lower_edge(cx: Lowering, edge: m.Edge) -> None:
    source = cx.app.resources.get(edge.source) or default_bus(edge)
    target = cx.app.resources[edge.target]
    eid = edge_id(edge.source, edge.event, edge.target, edge.index)
    if source.kind in ("queue", "table") and target.kind == "workflow":
        _pipe(cx, eid, source, target, edge)
    elif source.kind == "queue":
        _queue_to_function(cx, eid, source, target, edge)
    elif source.kind == "table":
        _table_to_function(cx, eid, source, target, edge)
    elif source.kind == "topic":
        _topic_subscription(cx, eid, source, target, edge)
    elif source.kind == "schedule":
        rule = cx.by_id[logical_id(source.name)]
        _rule_target(cx, rule, target, edge, schedule_target_id(source.name, target.name))
    elif source.kind in ("bus", "bucket"):
        rule = cx.node(
            eid,
            RuleProps(
                name=_edge_rule_name(cx, edge),
                description=f"{edge.source}.{edge.event} -> {edge.target}",
                schedule=None,
                pattern=_pattern(source, edge),
                bus=(
                    Ref(logical_id(source.name), "name")
                    if source.kind == "bus" and not source.implicit
                    else None
                ),
                enabled=True,
            ),
            edge.span,
            f"{edge.source}.{edge.event} -> {target.kind} {edge.target}",
        )
        _rule_target(cx, rule, target, edge, eid)


def _edge_rule_name(cx: Lowering, edge: m.Edge) -> Value:
    base = f"{edge.source}-{edge.event}-to-{edge.target}"
    if edge.index > 1:
        base += f"-{edge.index}"
    if isinstance(cx.prefix, str):
        return physical(cx.prefix, base, NAME_LIMITS["rule"])
    return Sub.of(cx.prefix, "-" + base.replace("_", "-"))


def default_bus(edge: m.Edge) -> m.Resource:
    """The account's default bus, which no program declares: a rule on it names no bus."""
    return m.Resource("bus", edge.source, edge.span, {}, implicit=True)


def _event_field(name: str) -> str:
    return "detail-type" if name == "detail_type" else name


def _pattern(source: m.Resource, edge: m.Edge) -> dict[str, Any]:
    if source.kind == "bus":
        pattern = event_pattern(edge.filters, _event_field)
        if not pattern:
            # EventBridge needs some pattern: match every event put on this bus.
            pattern["account"] = [ACCOUNT]
        return pattern
    detail: dict[str, Any] = {"bucket": {"name": [Ref(logical_id(source.name), "name")]}}
    prefix = str(edge.filters["prefix"].values[0]) if "prefix" in edge.filters else ""
    suffix = str(edge.filters["suffix"].values[0]) if "suffix" in edge.filters else ""
    if prefix and suffix:
        wildcard = _wild(prefix) + "*" + _wild(suffix)
        detail["object"] = {"key": [{"wildcard": wildcard}]}
    elif prefix:
        detail["object"] = {"key": [{"prefix": prefix}]}
    elif suffix:
        detail["object"] = {"key": [{"suffix": suffix}]}
    return {
        "source": ["aws.s3"],
        "detail-type": ["Object Created" if edge.event == "created" else "Object Deleted"],
        "detail": detail,
    }


def _rule_target(cx: Lowering, rule: Node, target: m.Resource, edge: m.Edge, eid: str) -> None:
    rule_arn = Ref(rule.id, "arn")
    why = f"{edge.source}.{edge.event} -> {edge.target}"
    dead_letter = edge.options.get("dead_letter")
    if dead_letter:
        _policy_statement(
            cx,
            cx.app.resources[dead_letter],
            "sqs:SendMessage",
            "events.amazonaws.com",
            rule_arn,
            edge.span,
            f"`{why}`: what EventBridge could not deliver",
        )
    entry = RuleTarget(
        id=target.name,
        arn=cx.arn_of(target.name),
        message_group=cx.message_group(target) if target.kind == "queue" else None,
        retries=edge.options.get("retries", RULE_RETRIES),
        max_age=edge.options.get("max_age", RULE_MAX_AGE),
        dead_letter=cx.arn_of(dead_letter) if dead_letter else None,
    )
    if target.kind == "workflow":
        role = _events_role(cx, target)
        role.add(
            Statement(
                f"Start{logical_id(target.name)}",
                ("states:StartExecution",),
                (cx.iam_arn(target.name),),
                edge.span,
                f"`{why}`: EventBridge starts the workflow",
            )
        )
        entry = replace(entry, role=Ref(f"{logical_id(target.name)}EventsRole", "arn"))
    elif target.kind == "container":
        cid = logical_id(target.name)
        role = _events_role(cx, target)
        for st in run_task_statements(cx, target, edge.span, f"`{why}`: EventBridge runs the task"):
            role.add(st)
        net = network(cx)
        entry = replace(
            entry,
            arn=Ref("Cluster", "arn"),
            role=Ref(f"{cid}EventsRole", "arn"),
            ecs=EcsTarget(
                task_definition=Ref(cid, "arn"),
                subnets=tuple(net["subnets"]),
                security_groups=tuple(net["security_groups"]),
                public_ip=net["public_ip"],
            ),
        )
    elif target.kind == "function":
        permission(cx, f"{eid}Permission", target, "events.amazonaws.com", rule_arn, edge.span, why)
    elif target.kind in ("queue", "topic"):
        action = "sqs:SendMessage" if target.kind == "queue" else "sns:Publish"
        _policy_statement(cx, target, action, "events.amazonaws.com", rule_arn, edge.span, why)
    assert isinstance(rule.props, RuleProps)
    rule.props = replace(rule.props, targets=(*rule.props.targets, entry))


def _events_role(cx: Lowering, target: m.Resource) -> RoleSpec:
    """One role per workflow or container that EventBridge starts, shared by its rules."""
    rid = f"{logical_id(target.name)}EventsRole"
    if rid not in cx.roles:
        cx.roles[rid] = RoleSpec("events.amazonaws.com")
        cx.role_node(
            rid,
            rid,
            "events.amazonaws.com",
            target.span,
            f"{target.kind} {target.name}: role for EventBridge to start it",
        )
    return cx.roles[rid]


def permission(
    cx: Lowering,
    pid: str,
    fn: m.Resource,
    principal: str,
    source_arn: Value,
    span: Span,
    why: str,
) -> None:
    """A function's resource policy: `principal` may invoke it from `source_arn`."""
    cx.node(
        pid,
        PermissionProps(
            function=Ref(logical_id(fn.name), "arn"),
            principal=principal,
            source_arn=source_arn,
            source_account=ACCOUNT,
        ),
        span,
        why,
        tags=False,
    )


def _policy_statement(
    cx: Lowering,
    target: m.Resource,
    action: str,
    principal: str,
    source_arn: Value,
    span: Span,
    why: str,
) -> None:
    stmts = cx.policies.setdefault(target.name, [])
    origin = source_arn.node if isinstance(source_arn, Ref) else str(len(stmts) + 1)
    sid = f"From{origin}"
    if any(st.sid == sid for st in stmts):
        return  # one sender, one statement: a topic's subscriptions share a dead-letter queue
    stmts.append(
        Statement(
            sid,
            (action,),
            (cx.arn_of(target.name),),
            span,
            why,
            principal=principal,
            conditions={"ArnEquals": {"aws:SourceArn": source_arn}},
        )
    )


def _queue_to_function(
    cx: Lowering, eid: str, queue: m.Resource, fn: m.Resource, edge: m.Edge
) -> None:
    cx.role(fn).add(
        Statement(
            f"Consume{logical_id(queue.name)}",
            QUEUE_CONSUMER,
            (cx.arn_of(queue.name),),
            edge.span,
            f"`on {queue.name}.message -> {fn.name}`",
        )
    )
    cx.node(
        eid,
        EventSourceMappingProps(
            function=Ref(logical_id(fn.name), "name"),
            source_arn=cx.arn_of(queue.name),
            batch=edge.options.get("batch") or 10,
            window=edge.options.get("window") or 0,
            starting_position=None,
            report_failures=True,
            max_concurrency=edge.options.get("max_concurrency"),
            filter_pattern=_mapping_filter(edge),
        ),
        edge.span,
        f"{queue.name}.message -> function {fn.name}",
        depends_on=[f"{logical_id(fn.name)}Role"],
    )


def _mapping_filter(edge: m.Edge) -> str | None:
    """`filter = (...)`: queue bodies under `body`, stream records as Lambda names
    their fields (`event_name` is `eventName`)."""
    filters = edge.options.get("filter")
    if not filters:
        return None
    spelled = event_pattern(filters, lambda name: "eventName" if name == "event_name" else name)
    return pattern_text(spelled)


def _pipe(cx: Lowering, eid: str, source: m.Resource, wf: m.Resource, edge: m.Edge) -> None:
    """A queue or a stream starting a workflow: an EventBridge pipe with its own role,
    allowed to read that source and start that workflow, nothing else."""
    why = f"`on {source.name}.{edge.event} -> {wf.name}`"
    role = RoleSpec("pipes.amazonaws.com")
    if source.kind == "queue":
        source_arn = cx.arn_of(source.name)
        role.add(
            Statement(
                f"Consume{logical_id(source.name)}",
                PIPE_QUEUE_READER,
                (source_arn,),
                edge.span,
                f"{why}: the pipe reads the queue",
            )
        )
    else:
        source_arn = cx.attr(source.name, "stream_arn")
        role.add(
            Statement(
                f"ReadStream{logical_id(source.name)}",
                STREAM_READER,
                (source_arn,),
                edge.span,
                f"{why}: the pipe reads the stream",
            )
        )
    dead_letter = edge.options.get("on_failure") if source.kind == "table" else None
    if dead_letter:
        dest = cx.app.resources[str(dead_letter)]
        reason = f"{why}: the pipe sends the records it skips to {dest.kind} `{dest.name}`"
        role.add(delivery(cx, dest, edge.span, reason))
    role.add(
        Statement(
            f"Start{logical_id(wf.name)}",
            ("states:StartExecution",),
            (cx.iam_arn(wf.name),),
            edge.span,
            f"{why}: the pipe starts the workflow",
        )
    )
    stream = None if source.kind == "queue" else source_arn
    rid = f"{eid}Role"
    cx.roles[rid] = role
    cx.role_node(
        rid, rid, role.service, edge.span, f"{source.name}.{edge.event} -> {wf.name}: pipe role"
    )
    cx.node(
        eid,
        PipeProps(
            name=_pipe_name(cx, edge),
            role=Ref(rid, "arn"),
            source=source_arn,
            source_kind="sqs" if source.kind == "queue" else "dynamodb",
            batch=edge.options.get("batch") or 1,
            window=edge.options.get("window") or 0,
            starting_position=None
            if source.kind == "queue"
            else str(edge.options.get("start") or "latest").upper(),
            filter_pattern=_mapping_filter(edge),
            target=Ref(logical_id(wf.name), "arn"),
            **(_stream_failures(edge) if stream is not None else {}),
            dead_letter=cx.arn_of(str(dead_letter)) if dead_letter else None,
        ),
        edge.span,
        f"{source.name}.{edge.event} -> workflow {wf.name} (pipe)",
        tags=False,
    )


def _pipe_name(cx: Lowering, edge: m.Edge) -> Value:
    base = f"{edge.source}-{edge.event}-to-{edge.target}"
    if isinstance(cx.prefix, str):
        return physical(cx.prefix, base, PIPE_NAME_LIMIT)
    return Sub.of(cx.prefix, "-" + base.replace("_", "-"))


def _table_to_function(
    cx: Lowering, eid: str, table: m.Resource, fn: m.Resource, edge: m.Edge
) -> None:
    stream = cx.attr(table.name, "stream_arn")
    cx.role(fn).add(
        Statement(
            f"ReadStream{logical_id(table.name)}",
            STREAM_READER,
            (stream,),
            edge.span,
            f"`on {table.name}.changed -> {fn.name}`",
        )
    )
    on_failure = edge.options.get("on_failure")
    if on_failure:
        deliver_to(cx, fn, cx.app.resources[on_failure], edge.span, "records it skips")
    cx.node(
        eid,
        EventSourceMappingProps(
            function=Ref(logical_id(fn.name), "name"),
            source_arn=stream,
            batch=edge.options.get("batch") or 100,
            window=0,
            starting_position=str(edge.options.get("start") or "latest").upper(),
            report_failures=True,
            **_stream_failures(edge),
            on_failure=cx.arn_of(on_failure) if on_failure else None,
            filter_pattern=_mapping_filter(edge),
        ),
        edge.span,
        f"{table.name}.changed -> function {fn.name}",
        depends_on=[f"{logical_id(fn.name)}Role"],
    )


def _topic_subscription(
    cx: Lowering, eid: str, topic: m.Resource, target: m.Resource, edge: m.Edge
) -> None:
    topic_arn = Ref(logical_id(topic.name), "arn")
    why = f"{topic.name}.message -> {target.kind} {target.name}"
    if target.kind == "function":
        permission(cx, f"{eid}Permission", target, "sns.amazonaws.com", topic_arn, edge.span, why)
    else:
        _policy_statement(
            cx, target, "sqs:SendMessage", "sns.amazonaws.com", topic_arn, edge.span, why
        )
    dead_letter = edge.options.get("dead_letter")
    if dead_letter:
        _policy_statement(
            cx,
            cx.app.resources[dead_letter],
            "sqs:SendMessage",
            "sns.amazonaws.com",
            topic_arn,
            edge.span,
            f"`{why}`: what SNS could not deliver",
        )
    cx.node(
        eid,
        SubscriptionProps(
            topic=topic_arn,
            protocol="lambda" if target.kind == "function" else "sqs",
            endpoint=cx.arn_of(target.name),
            filter_policy=event_pattern(edge.filters, nested=False) or None,
            raw=target.kind == "queue",
            dead_letter=cx.arn_of(dead_letter) if dead_letter else None,
        ),
        edge.span,
        why,
        tags=False,
    )


# What a function's role needs to send to a destination, by the destination's kind.
DELIVERY_ACTIONS = {
    "queue": "sqs:SendMessage",
    "topic": "sns:Publish",
    "bus": "events:PutEvents",
    "function": "lambda:InvokeFunction",
}


def _stream_failures(edge: m.Edge) -> dict[str, Any]:
    """A stream edge's failure settings, the same for a mapping and a pipe: attempts per
    batch, the age past which records are skipped, and halving a failing batch."""
    return {
        "retries": edge.options.get("retries", STREAM_RETRIES),
        "max_age": edge.options.get("max_age", STREAM_MAX_AGE),
        "bisect": bool(edge.options.get("bisect", True)),
    }


def delivery(cx: Lowering, dest: m.Resource, span: Span, reason: str) -> Statement:
    """The one permission that sends to a destination: a queue, topic, bus or function."""
    return Statement(
        f"DeliverTo{logical_id(dest.name)}",
        (DELIVERY_ACTIONS[dest.kind],),
        (cx.iam_arn(dest.name),),
        span,
        reason,
    )


def deliver_to(cx: Lowering, fn: m.Resource, dest: m.Resource, span: Span, what: str) -> None:
    """Lambda sends to a function's destinations with the function's own role."""
    reason = f"function `{fn.name}` sends {what} to {dest.kind} `{dest.name}`"
    cx.role(fn).add(delivery(cx, dest, span, reason))


def lower_async_configs(cx: Lowering) -> None:
    """Each function invoked asynchronously (or with asynchronous settings) gets its
    retries, age limit and destinations, after the edges that invoke it."""
    invoked = m.async_invoked(cx.app)
    for fn in cx.app.of_kind("function"):
        if not m.async_config(fn, invoked):
            continue
        fid = logical_id(fn.name)
        ends: dict[str, Value] = {}
        for attr, what in (("on_success", "what it returns"), ("on_failure", "events it failed")):
            name = fn.attrs.get(attr)
            if name:
                deliver_to(cx, fn, cx.app.resources[name], fn.span, what)
                ends[attr] = cx.arn_of(name)
        cx.node(
            f"{fid}InvokeConfig",
            EventInvokeConfigProps(
                function=Ref(fid, "name"),
                retries=fn.attrs.get("retries", ASYNC_RETRIES),
                max_age=ASYNC_MAX_AGE,
                on_success=ends.get("on_success"),
                on_failure=ends.get("on_failure"),
            ),
            fn.span,
            f"function {fn.name}: asynchronous invocations",
            tags=False,
            depends_on=[f"{fid}Role"],
        )


def finish_policies(cx: Lowering) -> None:
    """Queue and topic policies go right after the resource they protect."""
    after: dict[str, Node] = {}
    for name, statements in cx.policies.items():
        res = cx.app.resources[name]
        rid = logical_id(name)
        props = (
            QueuePolicyProps(Ref(rid, "url"), tuple(statements))
            if res.kind == "queue"
            else TopicPolicyProps(Ref(rid, "arn"), tuple(statements))
        )
        node = Node(
            f"{rid}Policy", props, res.span, f"{res.kind} {name}: who may send to it", tags=False
        )
        if node.id in cx.by_id:
            cx.add(node)  # reports the clash
            continue
        cx.by_id[node.id] = node
        after[rid] = node
    if after:
        ordered: list[Node] = []
        for existing in cx.nodes:
            ordered.append(existing)
            if existing.id in after:
                ordered.append(after[existing.id])
        cx.nodes[:] = ordered


def _wild(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*")
