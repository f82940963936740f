"""IAM: the actions each operation grants, and statements that remember why they exist."""

from __future__ import annotations

from typing import Any

from ..catalog import KINDS
from ..records import field, record
from ..source import Span
from .values import Value

# (kind, operation) -> (actions, which ARNs): the catalogue's operations, by key.
OPERATIONS: dict[tuple[str, str], tuple[tuple[str, ...], str]] = {
    (kind.name, name): (op.actions, op.scope)
    for kind in KINDS.values()
    for name, op in kind.operations.items()
}

QUEUE_CONSUMER = OPERATIONS[("queue", "receive")][0]
STREAM_READER = (
    "dynamodb:DescribeStream",
    "dynamodb:GetRecords",
    "dynamodb:GetShardIterator",
    "dynamodb:ListStreams",
)
# What a pipe needs of its queue ("Amazon SQS as a source", Pipes' execution role):
# it deletes what it delivered and never changes a message's visibility.
PIPE_QUEUE_READER = ("sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage")
LOG_WRITER = ("logs:CreateLogStream", "logs:PutLogEvents")
# A function in a VPC: what AWSLambdaVPCAccessExecutionRole allows, no more; the
# describe actions take no resource, the others the account's interfaces, subnets and
# security groups in the region (the interfaces have no ARN before Lambda makes them).
ENI_READER = ("ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets")
ENI_MANAGER = (
    "ec2:AssignPrivateIpAddresses",
    "ec2:CreateNetworkInterface",
    "ec2:DeleteNetworkInterface",
    "ec2:UnassignPrivateIpAddresses",
)
# X-Ray's actions take no resource narrower than `*` ("Actions defined by AWS X-Ray").
XRAY_WRITER = ("xray:PutTelemetryRecords", "xray:PutTraceSegments")
# Step Functions also samples (its "X-Ray IAM policies" page).
XRAY_SAMPLER = ("xray:GetSamplingRules", "xray:GetSamplingTargets", *XRAY_WRITER)


@record
class Statement:
    """One Allow statement of a role, or of a resource policy when `principal` is set."""

    sid: str
    actions: tuple[str, ...]
    resources: tuple[Value, ...]
    source: Span | None = None
    reason: str = ""
    principal: str | None = None  # a service principal, for resource policies
    conditions: dict[str, dict[str, Any]] = field(default_factory=dict)
    effect: str = "Allow"


@record(frozen=False)
class RoleSpec:
    """A role: who may assume it and what it may do."""

    service: str
    statements: list[Statement] = field(default_factory=list)

    def add(self, statement: Statement) -> None:
        for i, existing in enumerate(self.statements):
            if existing.sid == statement.sid:
                actions = tuple(sorted(set(existing.actions) | set(statement.actions)))
                self.statements[i] = Statement(
                    existing.sid,
                    actions,
                    existing.resources,
                    existing.source,
                    existing.reason,
                    existing.principal,
                    existing.conditions,
                )
                return
        self.statements.append(statement)


def document(statements: list[Statement]) -> dict[str, Any]:
    """A policy document as neutral data; every target writes it as JSON or YAML."""
    body = []
    for st in statements:
        item: dict[str, Any] = {"Sid": st.sid, "Effect": st.effect}
        if st.principal == "*":
            item["Principal"] = "*"
        elif st.principal:
            item["Principal"] = {"Service": st.principal}
        item["Action"] = list(st.actions) if len(st.actions) > 1 else st.actions[0]
        item["Resource"] = list(st.resources) if len(st.resources) > 1 else st.resources[0]
        if st.conditions:
            item["Condition"] = st.conditions
        body.append(item)
    return {"Version": "2012-10-17", "Statement": body}


def trust(service: str) -> dict[str, Any]:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": service},
                "Action": "sts:AssumeRole",
            }
        ],
    }
