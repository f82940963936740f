"""Plan values -> the local strings they stand for: names, ARNs and URLs in the emulator.

A target spells `Ref(node, "arn")` as `!GetAtt` or `aws_sqs_queue.x.arn`; the local run
spells it as the string moto knows the resource by. Names come from the plan (params
filled in), so a handler sees the same names it would see deployed; ARNs are built
for moto's account in the plan's region.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..plan.model import Node, Plan
from ..plan.values import Az, Json, Param, Pseudo, Ref, Sub

ACCOUNT = "123456789012"  # moto's default account


@dataclass
class Names:
    """The local spelling of every plan value of one running app."""

    plan: Plan
    params: dict[str, Any]
    endpoint: str  # moto's URL
    apis: dict[str, str] = field(default_factory=dict)  # api node id -> its local URL
    known: dict[tuple[str, str], str] = field(default_factory=dict)  # filled at creation
    unresolved: set[str] = field(default_factory=set)  # what stood in for a value, and why

    @property
    def region(self) -> str:
        return self.plan.region

    def value(self, value: Any) -> Any:
        """`value` with every plan value inside it spelled locally."""
        if isinstance(value, Ref):
            return self.ref(value.node, value.attr)
        if isinstance(value, Param):
            return _text(self.params[value.name])
        if isinstance(value, Pseudo):
            return {
                "account": ACCOUNT,
                "region": self.region,
                "partition": "aws",
                "url_suffix": "amazonaws.com",
            }[value.name]
        if isinstance(value, Sub):
            return "".join(str(self.value(p)) for p in value.parts)
        if isinstance(value, Json):
            return self.value(value.value)
        if isinstance(value, Az):
            return f"{self.region}{'abcdef'[value.index]}"
        if isinstance(value, dict):
            return {k: self.value(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.value(v) for v in value]
        return value

    def name(self, node: Node) -> str:
        """The physical name of a node (a generated one when the plan leaves it open)."""
        props = node.props
        for attr in ("name", "family"):
            if hasattr(props, attr):
                given = getattr(props, attr)
                if given is not None:
                    return str(self.value(given))
        # a generated name: the plan's stem (`PREFIX-NAME`) is what a target starts it with
        stem = getattr(props, "name_stem", None) or f"{self.plan.app}-{node.id}"
        return str(stem).lower()[:63]

    def ref(self, node_id: str, attr: str) -> str:
        if (node_id, attr) in self.known:
            return self.known[(node_id, attr)]
        node = self.plan.node(node_id)
        kind, region, acct = node.type, self.region, ACCOUNT
        if attr == "name":
            return self.name(node)
        if attr == "id":
            return node_id
        name = self.name(node) if hasattr(node.props, "name") or kind == "bucket" else node.id
        if kind == "http_api" and attr == "url":
            return self.apis.get(node_id, "http://127.0.0.1")
        if kind == "queue" and attr == "url":
            return f"{self.endpoint}/{acct}/{name}"
        arns = {
            "bucket": f"arn:aws:s3:::{name}",
            "queue": f"arn:aws:sqs:{region}:{acct}:{name}",
            "topic": f"arn:aws:sns:{region}:{acct}:{name}",
            "table": f"arn:aws:dynamodb:{region}:{acct}:table/{name}",
            "bus": f"arn:aws:events:{region}:{acct}:event-bus/{name}",
            "function": f"arn:aws:lambda:{region}:{acct}:function:{name}",
            "role": f"arn:aws:iam::{acct}:role/{node.id}",
            "log_group": f"arn:aws:logs:{region}:{acct}:log-group:{name}",
            "state_machine": f"arn:aws:states:{region}:{acct}:stateMachine:{name}",
            "cluster": f"arn:aws:ecs:{region}:{acct}:cluster/{name}",
            "rule": f"arn:aws:events:{region}:{acct}:rule/{name}",
            "secret": f"arn:aws:secretsmanager:{region}:{acct}:secret:{name}",
        }
        if kind == "log_group" and attr == "streams_arn":  # what a log writer is granted
            return arns["log_group"] + ":*"
        if kind == "http_api" and attr == "execution_arn":
            return f"arn:aws:execute-api:{region}:{acct}:{node_id}"
        if kind == "task_definition" and attr == "arn":
            return f"arn:aws:ecs:{region}:{acct}:task-definition/{self.name(node)}:1"
        if attr == "arn" and kind in arns:
            return arns[kind]
        # a node type or attribute this run does not know (a newer kind): a stand-in
        # string, and a note, rather than a stop
        self.unresolved.add(
            f"{node.label}: `{attr}` has no local value; `local-{node_id}-{attr}` stands in"
        )
        return f"local-{node_id}-{attr}"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
