"""The app's resources, created in moto from the plan's nodes.

Only what the emulator serves is created: buckets, queues (dead-letter queues first,
so a redrive policy can name them), topics, tables (with their streams), secrets,
buses, log groups, state machines with the very definition the plan holds, and one
IAM user per role (see permissions.py). Wiring that iac itself delivers (rules,
subscriptions, event source mappings, API routes) and what only a deployment needs
(VPCs, resource policies, stages) is read from the plan instead; a node type this
module does not know is reported, not guessed at.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..plan import model as pm
from ..plan.states import placeholders
from .resolve import Names

TYPES = {"string": "S", "number": "N", "binary": "B"}

# node types read from the plan by the local run rather than created in moto
READ_FROM_PLAN = frozenset(
    {
        "function", "role", "rule", "subscription", "event_source_mapping", "permission",
        "http_api", "api_stage", "api_integration", "api_route", "task_definition",
        "cluster", "bucket_policy", "queue_policy", "topic_policy",
    }
)  # fmt: skip
# node types a deployment needs and a local run has no use for
NOT_LOCAL = frozenset(
    {
        "vpc", "internet_gateway", "vpc_gateway_attachment", "route_table", "route",
        "subnet", "subnet_route_table_association", "security_group", "flow_log",
    }
)  # fmt: skip


def create_all(
    plan: pm.Plan, names: Names, client: Callable[[str], Any], note: Callable[[str], None]
) -> None:
    """Create every node moto serves; `note` hears what is left out and why."""
    creators: dict[str, Callable[[pm.Node, Names, Any], None]] = {
        "bucket": _bucket,
        "queue": _queue,
        "topic": _topic,
        "table": _table,
        "secret": _secret,
        "bus": _bus,
        "log_group": _log_group,
        "state_machine": _state_machine,
    }
    service = {
        "bucket": "s3",
        "queue": "sqs",
        "topic": "sns",
        "table": "dynamodb",
        "secret": "secretsmanager",
        "bus": "events",
        "log_group": "logs",
        "state_machine": "stepfunctions",
    }
    # a queue without a dead-letter queue first: the others' redrive policies name them
    order = sorted(
        plan.nodes, key=lambda n: isinstance(n.props, pm.QueueProps) and bool(n.props.dlq)
    )
    for node in order:
        if node.type in creators:
            try:
                creators[node.type](node, names, client(service[node.type]))
            except Exception as err:  # noqa: BLE001 - a setting moto refuses: say so, go on
                note(f"{node.label} could not be created locally: {err}")
        elif node.type not in READ_FROM_PLAN and node.type not in NOT_LOCAL:
            note(f"{node.label} ({node.type}) is not emulated locally: left out")


def _bucket(node: pm.Node, names: Names, s3: Any) -> None:
    name = names.name(node)
    args: dict[str, Any] = {"Bucket": name}
    if names.region != "us-east-1":
        args["CreateBucketConfiguration"] = {"LocationConstraint": names.region}
    s3.create_bucket(**args)
    assert isinstance(node.props, pm.BucketProps)
    if node.props.versioned:
        s3.put_bucket_versioning(Bucket=name, VersioningConfiguration={"Status": "Enabled"})


def _queue(node: pm.Node, names: Names, sqs: Any) -> None:
    p = node.props
    assert isinstance(p, pm.QueueProps)
    attrs = {
        "VisibilityTimeout": str(p.visibility_timeout),
        "MessageRetentionPeriod": str(p.retention),
        "DelaySeconds": str(p.delay),
        "MaximumMessageSize": str(min(p.max_message_size, 262144)),
    }
    if p.fifo:
        attrs["FifoQueue"] = "true"
        attrs["ContentBasedDeduplication"] = "true"
    if p.dlq is not None and p.max_receives:
        attrs["RedrivePolicy"] = json.dumps(
            {"deadLetterTargetArn": names.value(p.dlq), "maxReceiveCount": p.max_receives}
        )
    sqs.create_queue(QueueName=names.name(node), Attributes=attrs)


def _topic(node: pm.Node, names: Names, sns: Any) -> None:
    assert isinstance(node.props, pm.TopicProps)
    attrs = {"FifoTopic": "true", "ContentBasedDeduplication": "true"} if node.props.fifo else {}
    sns.create_topic(Name=names.name(node), Attributes=attrs)


def _table(node: pm.Node, names: Names, dynamodb: Any) -> None:
    p = node.props
    assert isinstance(p, pm.TableProps)
    keys = [{"AttributeName": p.key.name, "KeyType": "HASH"}]
    if p.sort:
        keys.append({"AttributeName": p.sort.name, "KeyType": "RANGE"})
    args: dict[str, Any] = {
        "TableName": names.name(node),
        "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [
            {"AttributeName": a.name, "AttributeType": TYPES[a.type]} for a in p.attributes
        ],
        "KeySchema": keys,
    }
    if p.indexes:
        args["GlobalSecondaryIndexes"] = [
            {
                "IndexName": i.name,
                "KeySchema": [{"AttributeName": i.key.name, "KeyType": "HASH"}]
                + ([{"AttributeName": i.sort.name, "KeyType": "RANGE"}] if i.sort else []),
                "Projection": {"ProjectionType": "ALL"},
            }
            for i in p.indexes
        ]
    if p.stream:
        args["StreamSpecification"] = {
            "StreamEnabled": True,
            "StreamViewType": "NEW_AND_OLD_IMAGES",
        }
    table = dynamodb.create_table(**args)["TableDescription"]
    if p.stream:
        names.known[(node.id, "stream_arn")] = table["LatestStreamArn"]


def _secret(node: pm.Node, names: Names, secrets: Any) -> None:
    name = names.name(node)
    arn = secrets.create_secret(Name=name, SecretString="local-secret-value")["ARN"]
    names.known[(node.id, "arn")] = arn


def _bus(node: pm.Node, names: Names, events: Any) -> None:
    events.create_event_bus(Name=names.name(node))


def _log_group(node: pm.Node, names: Names, logs: Any) -> None:
    logs.create_log_group(logGroupName=names.name(node))


def definition(node: pm.Node, names: Names) -> dict[str, Any]:
    """The plan's States Language with its placeholders filled in with local values,
    as CloudFormation's DefinitionSubstitutions fills them in."""
    assert isinstance(node.props, pm.StateMachineProps)
    text, subs = placeholders(node.props.definition)
    body = json.dumps(text)
    for key, value in subs.items():
        local = names.value(value)
        body = body.replace("${" + key + "}", json.dumps(local)[1:-1])
    result: dict[str, Any] = json.loads(body)
    return result


def _state_machine(node: pm.Node, names: Names, sfn: Any) -> None:
    assert isinstance(node.props, pm.StateMachineProps)
    sfn.create_state_machine(
        name=names.name(node),
        definition=json.dumps(definition(node, names)),
        roleArn=names.value(node.props.role),
        type=node.props.type,
    )
