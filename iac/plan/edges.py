"""Lowering of event edges: rules, targets, permissions, policies, mappings."""

from __future__ import annotations

from typing import Any

from .. import model as m
from ..names import logical_id, physical
from ..source import Span
from .base import NAME_LIMITS, LoweringBase
from .iam import QUEUE_CONSUMER, STREAM_READER, RoleSpec, Statement
from .model import Node
from .values import ACCOUNT, Ref, Sub, Value


class EdgeWiring(LoweringBase):
    def lower_edge(self, edge: m.Edge) -> None:
        source = self.app.resources[edge.source]
        target = self.app.resources[edge.target]
        eid = f"{logical_id(edge.source)}{logical_id(edge.event)}To{logical_id(edge.target)}" + (
            str(edge.index) if edge.index > 1 else ""
        )
        if source.kind == "queue":
            self.queue_to_function(eid, source, target, edge)
        elif source.kind == "table":
            self.table_to_function(eid, source, target, edge)
        elif source.kind == "topic":
            self.topic_subscription(eid, source, target, edge)
        elif source.kind == "schedule":
            rule = self.by_id[logical_id(source.name)]
            self.rule_target(
                rule, target, edge, f"{logical_id(source.name)}To{logical_id(target.name)}"
            )
        elif source.kind in ("bus", "bucket"):
            rule = self.add(
                Node(
                    eid,
                    "rule",
                    {
                        "name": self.edge_rule_name(edge),
                        "description": f"{edge.source}.{edge.event} -> {edge.target}",
                        "schedule": None,
                        "pattern": self.pattern(source, edge),
                        "bus": Ref(logical_id(source.name), "name")
                        if source.kind == "bus"
                        else None,
                        "enabled": True,
                        "targets": [],
                    },
                    edge.span,
                    f"{edge.source}.{edge.event} -> {target.kind} {edge.target}",
                    tags=False,
                )
            )
            self.rule_target(rule, target, edge, eid)

    def edge_rule_name(self, edge: m.Edge) -> Value:
        base = f"{edge.source}-{edge.event}-to-{edge.target}"
        if edge.index > 1:
            base += f"-{edge.index}"
        if isinstance(self.prefix, str):
            return physical(self.prefix, base, NAME_LIMITS["rule"])
        return Sub.of(self.prefix, "-" + base.replace("_", "-"))

    def pattern(self, source: m.Resource, edge: m.Edge) -> dict[str, Any]:
        if source.kind == "bus":
            pattern: dict[str, Any] = {}
            if "source" in edge.filters:
                pattern["source"] = list(edge.filters["source"])
            if "detail_type" in edge.filters:
                pattern["detail-type"] = list(edge.filters["detail_type"])
            if not pattern:
                # EventBridge needs some pattern: match every event put on this bus.
                pattern["account"] = [ACCOUNT]
            return pattern
        detail: dict[str, Any] = {"bucket": {"name": [Ref(logical_id(source.name), "name")]}}
        prefix = edge.filters.get("prefix", ("",))[0]
        suffix = edge.filters.get("suffix", ("",))[0]
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

    def rule_target(self, rule: Node, target: m.Resource, edge: m.Edge, eid: str) -> None:
        rule_arn = Ref(rule.id, "arn")
        entry: dict[str, Any] = {
            "id": target.name,
            "arn": self.arn_of(target.name),
            "kind": target.kind,
            "role": None,
            "ecs": None,
            "message_group": self.message_group(target) if target.kind == "queue" else None,
        }
        rule["targets"].append(entry)
        why = f"{edge.source}.{edge.event} -> {edge.target}"
        if target.kind == "workflow":
            role = self.events_role(target)
            role.add(
                Statement(
                    f"Start{logical_id(target.name)}",
                    ("states:StartExecution",),
                    (self.iam_arn(target.name),),
                    edge.span,
                    f"`{why}`: EventBridge starts the workflow",
                )
            )
            entry["role"] = Ref(f"{logical_id(target.name)}EventsRole", "arn")
        elif target.kind == "container":
            cid = logical_id(target.name)
            role = self.events_role(target)
            for st in self.run_task_statements(
                target, edge.span, f"`{why}`: EventBridge runs the task"
            ):
                role.add(st)
            network = self.network()
            entry.update(
                arn=Ref("Cluster", "arn"),
                role=Ref(f"{cid}EventsRole", "arn"),
                ecs={
                    "task_definition": Ref(cid, "arn"),
                    "subnets": network["subnets"],
                    "security_groups": network["security_groups"],
                    "public_ip": network["public_ip"],
                },
            )
        elif target.kind == "function":
            self.permission(
                f"{eid}Permission", target, "events.amazonaws.com", rule_arn, edge.span, why
            )
        elif target.kind in ("queue", "topic"):
            action = "sqs:SendMessage" if target.kind == "queue" else "sns:Publish"
            self.policy_statement(target, action, "events.amazonaws.com", rule_arn, edge.span, why)

    def events_role(self, target: m.Resource) -> RoleSpec:
        """One role per workflow or container that EventBridge starts, shared by its rules."""
        rid = f"{logical_id(target.name)}EventsRole"
        if rid not in self.roles:
            self.roles[rid] = RoleSpec("events.amazonaws.com")
            self.add(
                Node(
                    rid,
                    "role",
                    {"service": "events.amazonaws.com", "statements": [], "owner": rid},
                    target.span,
                    f"{target.kind} {target.name}: role for EventBridge to start it",
                )
            )
        return self.roles[rid]

    def permission(
        self, pid: str, fn: m.Resource, principal: str, source_arn: Value, span: Span, why: str
    ) -> None:
        self.add(
            Node(
                pid,
                "permission",
                {
                    "function": Ref(logical_id(fn.name), "arn"),
                    "principal": principal,
                    "source_arn": source_arn,
                    "source_account": ACCOUNT,
                },
                span,
                why,
                tags=False,
            )
        )

    def policy_statement(
        self,
        target: m.Resource,
        action: str,
        principal: str,
        source_arn: Value,
        span: Span,
        why: str,
    ) -> None:
        stmts = self.policies.setdefault(target.name, [])
        origin = source_arn.node if isinstance(source_arn, Ref) else str(len(stmts) + 1)
        sid = f"From{origin}"
        stmts.append(
            Statement(
                sid,
                (action,),
                (self.arn_of(target.name),),
                span,
                why,
                principal=principal,
                conditions={"ArnEquals": {"aws:SourceArn": source_arn}},
            )
        )

    def queue_to_function(self, eid: str, queue: m.Resource, fn: m.Resource, edge: m.Edge) -> None:
        self.role(fn).add(
            Statement(
                f"Consume{logical_id(queue.name)}",
                QUEUE_CONSUMER,
                (self.arn_of(queue.name),),
                edge.span,
                f"`on {queue.name}.message -> {fn.name}`",
            )
        )
        self.add(
            Node(
                eid,
                "event_source_mapping",
                {
                    "function": Ref(logical_id(fn.name), "name"),
                    "source_arn": self.arn_of(queue.name),
                    "batch": edge.options.get("batch") or 10,
                    "window": edge.options.get("window") or 0,
                    "starting_position": None,
                    "report_failures": True,
                },
                edge.span,
                f"{queue.name}.message -> function {fn.name}",
                tags=False,
                depends_on=[f"{logical_id(fn.name)}Role"],
            )
        )

    def table_to_function(self, eid: str, table: m.Resource, fn: m.Resource, edge: m.Edge) -> None:
        stream = self.attr(table.name, "stream_arn")
        self.role(fn).add(
            Statement(
                f"ReadStream{logical_id(table.name)}",
                STREAM_READER,
                (stream,),
                edge.span,
                f"`on {table.name}.changed -> {fn.name}`",
            )
        )
        self.add(
            Node(
                eid,
                "event_source_mapping",
                {
                    "function": Ref(logical_id(fn.name), "name"),
                    "source_arn": stream,
                    "batch": edge.options.get("batch") or 100,
                    "window": 0,
                    "starting_position": "LATEST",
                    "report_failures": True,
                },
                edge.span,
                f"{table.name}.changed -> function {fn.name}",
                tags=False,
                depends_on=[f"{logical_id(fn.name)}Role"],
            )
        )

    def topic_subscription(
        self, eid: str, topic: m.Resource, target: m.Resource, edge: m.Edge
    ) -> None:
        topic_arn = Ref(logical_id(topic.name), "arn")
        why = f"{topic.name}.message -> {target.kind} {target.name}"
        if target.kind == "function":
            self.permission(
                f"{eid}Permission", target, "sns.amazonaws.com", topic_arn, edge.span, why
            )
        else:
            self.policy_statement(
                target, "sqs:SendMessage", "sns.amazonaws.com", topic_arn, edge.span, why
            )
        self.add(
            Node(
                eid,
                "subscription",
                {
                    "topic": topic_arn,
                    "protocol": "lambda" if target.kind == "function" else "sqs",
                    "endpoint": self.arn_of(target.name),
                    "filter_policy": {k: list(v) for k, v in edge.filters.items()} or None,
                    "raw": target.kind == "queue",
                },
                edge.span,
                why,
                tags=False,
            )
        )

    def finish_policies(self) -> None:
        """Queue and topic policies go right after the resource they protect."""
        after: dict[str, Node] = {}
        for name, statements in self.policies.items():
            res = self.app.resources[name]
            rid = logical_id(name)
            node = Node(
                f"{rid}Policy",
                "queue_policy" if res.kind == "queue" else "topic_policy",
                {
                    "target": Ref(rid, "url" if res.kind == "queue" else "arn"),
                    "statements": statements,
                },
                res.span,
                f"{res.kind} {name}: who may send to it",
                tags=False,
            )
            if node.id in self.by_id:
                self.add(node)  # reports the clash
                continue
            self.by_id[node.id] = node
            after[rid] = node
        if after:
            ordered: list[Node] = []
            for existing in self.nodes:
                ordered.append(existing)
                if existing.id in after:
                    ordered.append(after[existing.id])
            self.nodes[:] = ordered


def _wild(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*")
