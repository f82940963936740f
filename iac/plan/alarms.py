"""`app { alarms = TOPIC }`: a CloudWatch alarm for every dead-letter queue holding a
message, every function's errors and throttles, and every workflow's failed
executions, each notifying the topic, whose policy lets exactly those alarms publish."""

from __future__ import annotations

from .. import model as m
from ..names import logical_id, physical
from ..records import record
from ..source import Span
from .base import Lowering
from .iam import Statement
from .model import AlarmProps
from .values import ACCOUNT, Ref, Sub, Value

ALARM_NAME_LIMIT = 255
PERIOD = 300  # seconds: five minutes, the finest period every metric here reports at


@record
class _Watch:
    """One alarm: what it watches, in CloudWatch's terms."""

    suffix: str  # of the logical ID and the name: Errors, Throttles, ...
    what: str  # the description
    namespace: str
    metric: str
    dimension: str
    value: Value
    statistic: str


def _watches(app: m.App) -> list[tuple[m.Resource, _Watch]]:
    out: list[tuple[m.Resource, _Watch]] = []
    for res in app.resources.values():
        rid = logical_id(res.name)
        if res.kind == "function":
            name = Ref(rid, "name")
            for metric, what in (("Errors", "fails"), ("Throttles", "is throttled")):
                watch = _Watch(
                    metric, f"function {res.name} {what}", "AWS/Lambda", metric,
                    "FunctionName", name, "Sum",
                )  # fmt: skip
                out.append((res, watch))
        elif res.kind == "workflow":
            watch = _Watch(
                "Failed", f"an execution of workflow {res.name} fails", "AWS/States",
                "ExecutionsFailed", "StateMachineArn", Ref(rid, "arn"), "Sum",
            )  # fmt: skip
            out.append((res, watch))
    for dlq in m.dead_letter_queues(app):
        watch = _Watch(
            "Messages", f"dead-letter queue {dlq.name} holds a message", "AWS/SQS",
            "ApproximateNumberOfMessagesVisible", "QueueName",
            Ref(logical_id(dlq.name), "name"), "Maximum",
        )  # fmt: skip
        out.append((dlq, watch))
    return out


def _name(cx: Lowering, res: m.Resource, suffix: str) -> Value:
    base = f"{res.name}-{suffix.lower()}"
    if isinstance(cx.prefix, str):
        return physical(cx.prefix, base, ALARM_NAME_LIMIT)
    return Sub.of(cx.prefix, "-" + base.replace("_", "-"))


def lower_alarms(cx: Lowering) -> None:
    topic_name = cx.app.alarms
    if topic_name is None:
        return
    topic = cx.app.resources[topic_name]
    topic_arn = Ref(logical_id(topic_name), "arn")
    alarms: list[Value] = []
    span: Span = topic.span
    for res, watch in _watches(cx.app):
        aid = f"{logical_id(res.name)}{watch.suffix}Alarm"
        cx.node(
            aid,
            AlarmProps(
                name=_name(cx, res, watch.suffix),
                description=f"{watch.what} (app `alarms = {topic_name}`)",
                namespace=watch.namespace,
                metric=watch.metric,
                dimensions={watch.dimension: watch.value},
                statistic=watch.statistic,
                period=PERIOD,
                threshold=0,
                actions=(topic_arn,),
            ),
            res.span,
            f"{res.kind} {res.name}: alarm when {watch.what}",
            tags=False,
        )
        alarms.append(Ref(aid, "arn"))
    if not alarms:
        return
    cx.policies.setdefault(topic_name, []).append(
        Statement(
            "FromAlarms",
            ("sns:Publish",),
            (topic_arn,),
            span,
            f"`alarms = {topic_name}`: CloudWatch notifies the topic from these alarms only",
            principal="cloudwatch.amazonaws.com",
            conditions={
                "ArnEquals": {"aws:SourceArn": alarms},
                "StringEquals": {"aws:SourceAccount": ACCOUNT},
            },
        )
    )
