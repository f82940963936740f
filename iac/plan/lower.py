"""App model -> plan: one function per kind, one per event route."""

from __future__ import annotations

import re
from typing import Any

from .. import model as m
from ..diagnostics import Diagnostic, Severity
from ..names import logical_id, physical
from ..source import Span
from .assets import Asset, zip_code
from .iam import LOG_WRITER, OPERATIONS, QUEUE_CONSUMER, STREAM_READER, RoleSpec, Statement
from .model import Node, Output, Plan, PlanParam
from .states import StatesCompiler
from .values import ACCOUNT, PARTITION, REGION, Az, Param, Ref, Sub, Value, arn

# Service limits on physical names.
NAME_LIMITS = {
    "function": 64,
    "queue": 80,
    "topic": 256,
    "table": 255,
    "bus": 256,
    "rule": 64,
    "secret": 512,
    "api": 128,
    "workflow": 80,
    "container": 255,
}
ECR_IMAGE = re.compile(
    r"(?P<account>[0-9]{12})\.dkr\.ecr\.(?P<region>[a-z0-9-]+)\.amazonaws\.com(?:\.cn)?/"
    r"(?P<repo>[^:@]+)"
)
VPC_CIDR = "10.0.0.0/16"
SUBNET_CIDRS = ("10.0.0.0/24", "10.0.1.0/24")
ECS_SYNC_RULE = "StepFunctionsGetEventsForECSTaskRule"


class _Lowering:
    def __init__(self, app: m.App):
        self.app = app
        self.nodes: list[Node] = []
        self.by_id: dict[str, Node] = {}
        self.roles: dict[str, RoleSpec] = {}
        self.assets: list[Asset] = []
        self.diagnostics: list[Diagnostic] = []
        self.prefix = self.expr(app.prefix)
        # resource policies gathered from every edge, keyed by the node they protect
        self.policies: dict[str, list[Statement]] = {}

    # ---------------------------------------------------------------- helpers

    def add(self, node: Node) -> Node:
        if node.id in self.by_id:
            self.unsupported(
                node.source,
                f"two resources of the output would share the logical ID `{node.id}`",
                "rename one of the resources",
                code="E201",
            )
            return node
        self.by_id[node.id] = node
        self.nodes.append(node)
        return node

    def unsupported(self, span: Span | None, message: str, hint: str, code: str = "E200") -> None:
        self.diagnostics.append(Diagnostic(code, Severity.ERROR, message, span, hints=(hint,)))

    def name_of(self, res: m.Resource, limit_kind: str, suffix: str = "") -> Value:
        if res.attrs.get("name") is not None:
            return self.expr(res.attrs["name"])
        limit = NAME_LIMITS[limit_kind] - len(suffix)
        if isinstance(self.prefix, str):
            return physical(self.prefix, res.name, limit) + suffix
        # A prefix with params can't be measured at compile time; AWS checks it.
        return Sub.of(self.prefix, "-" + res.name.replace("_", "-") + suffix)

    def expr(self, value: Any) -> Value:
        """A model expression as a plan value."""
        if isinstance(value, m.ParamRef):
            return Param(value.name)
        if isinstance(value, m.AttrRef):
            return self.attr(value.resource, value.attr)
        if isinstance(value, m.Interp):
            return Sub.of(*(self.expr(p) if not isinstance(p, str) else p for p in value.parts))
        return value  # type: ignore[no-any-return]

    def attr(self, resource: str, attr: str) -> Value:
        res = self.app.resources[resource]
        if res.kind == "model":
            if attr == "id":
                return str(res.attrs["id"])
            return self.model_arn(res)
        return Ref(logical_id(resource), attr)

    def model_arn(self, res: m.Resource) -> Value:
        return arn("bedrock", f"foundation-model/{res.attrs['id']}", account=False)

    def arn_of(self, name: str) -> Value:
        return self.attr(name, "arn")

    def role(self, owner: m.Resource) -> RoleSpec:
        return self.roles[logical_id(owner.name)]

    # ---------------------------------------------------------------- driver

    def run(self) -> Plan:
        for res in self.app.resources.values():
            getattr(self, f"lower_{res.kind}")(res)
        self.lower_api_roles()
        for edge in self.app.edges:
            self.lower_edge(edge)
        self.finish_roles()
        self.finish_policies()
        params = [
            PlanParam(p.name, logical_id(p.name), p.type, p.default)
            for p in self.app.params.values()
        ]
        outputs = [
            Output(o.name, logical_id(o.name), self.expr(o.value), o.span)
            for o in self.app.outputs
        ]
        return Plan(
            app=self.app.name,
            region=self.app.region,
            tags=dict(self.app.tags),
            nodes=self.nodes,
            params=params,
            outputs=outputs,
            assets=self.assets,
            diagnostics=self.diagnostics,
        )

    # ---------------------------------------------------------------- kinds

    def lower_function(self, res: m.Resource) -> None:
        fid = logical_id(res.name)
        name = self.name_of(res, "function")
        assert res.code_path is not None
        asset = zip_code(res.name, res.code_path)
        self.assets.append(asset)
        log_name = Sub.of("/aws/lambda/", name)
        role = RoleSpec("lambda.amazonaws.com")
        role.add(
            Statement(
                "WriteLogs",
                LOG_WRITER,
                (arn("logs", Sub.of("log-group:", log_name, ":*")),),
                res.span,
                f"function `{res.name}` writes to its log group",
            )
        )
        self.roles[fid] = role
        for grant in res.grants:
            self.grant(role, grant)
        self.add(
            Node(
                f"{fid}LogGroup",
                "log_group",
                {"name": log_name, "retention_days": res.attrs["log_retention"] // 86400},
                res.span,
                f"function {res.name}: log group",
            )
        )
        self.add(
            Node(
                f"{fid}Role",
                "role",
                {"service": role.service, "statements": role.statements, "owner": fid},
                res.span,
                f"function {res.name}: role",
            )
        )
        self.add(
            Node(
                fid,
                "function",
                {
                    "name": name,
                    "handler": res.attrs["handler"],
                    "runtime": res.attrs["runtime"],
                    "memory": res.attrs["memory"] // (1024 * 1024),
                    "timeout": res.attrs["timeout"],
                    "arch": res.attrs["arch"],
                    "concurrency": res.attrs["concurrency"],
                    "env": {k: self.expr(v) for k, v in sorted(res.env.items())},
                    "role": Ref(f"{fid}Role", "arn"),
                    "log_group": Ref(f"{fid}LogGroup", "name"),
                    "asset": asset,
                    "code_path": res.code_path,
                },
                res.span,
                f"function {res.name}",
            )
        )

    def grant(self, role: RoleSpec, grant: m.Grant) -> None:
        target = self.app.resources[grant.target]
        by_scope: dict[str, list[str]] = {}
        for op in grant.ops:
            actions, scope = OPERATIONS[(target.kind, op)]
            by_scope.setdefault(scope, []).extend(actions)
        for scope, actions in by_scope.items():
            base = self.arn_of(target.name)
            if scope == "objects":
                resources: tuple[Value, ...] = (Sub.of(base, "/*"),)
                tail = "Objects"
            elif scope == "arn+indexes":
                resources = (base, Sub.of(base, "/index/*"))
                tail = ""
            else:
                resources = (base,)
                tail = ""
            ops = "".join(o.capitalize() for o in grant.ops)
            role.add(
                Statement(
                    f"{ops}{logical_id(target.name)}{tail}",
                    tuple(sorted(set(actions))),
                    resources,
                    grant.span,
                    f"`allow {grant.target}: {', '.join(grant.ops)}`",
                )
            )

    def lower_bucket(self, res: m.Resource) -> None:
        bid = logical_id(res.name)
        has_events = any(e.source == res.name for e in self.app.edges)
        self.add(
            Node(
                bid,
                "bucket",
                {
                    "name": self.expr(res.attrs["name"]) if res.attrs.get("name") else None,
                    "name_prefix": physical(self.prefix, res.name, 37) + "-"
                    if isinstance(self.prefix, str)
                    else None,
                    "versioned": res.attrs["versioned"],
                    "public": res.attrs["public"],
                    "expire_days": (res.attrs["expire_after"] // 86400)
                    if res.attrs["expire_after"]
                    else None,
                    "eventbridge": has_events,
                },
                res.span,
                f"bucket {res.name}",
                retain=res.attrs["retain"],
            )
        )
        base = Ref(bid, "arn")
        statements = [
            Statement(
                "DenyInsecureTransport",
                ("s3:*",),
                (base, Sub.of(base, "/*")),
                res.span,
                "every bucket refuses requests without TLS",
                principal="*",
                conditions={"Bool": {"aws:SecureTransport": "false"}},
                effect="Deny",
            )
        ]
        if res.attrs["public"]:
            statements.append(
                Statement(
                    "PublicRead",
                    ("s3:GetObject",),
                    (Sub.of(base, "/*"),),
                    res.span,
                    "`public = true`",
                    principal="*",
                )
            )
        self.add(
            Node(
                f"{bid}Policy",
                "bucket_policy",
                {"bucket": Ref(bid, "name"), "statements": statements},
                res.span,
                f"bucket {res.name}: policy",
                tags=False,
            )
        )

    def lower_queue(self, res: m.Resource) -> None:
        qid = logical_id(res.name)
        fifo = res.attrs["fifo"]
        dlq = f"{res.name}_dlq" if res.attrs.get("max_receives") else None
        self.add(
            Node(
                qid,
                "queue",
                {
                    "name": self.name_of(res, "queue", ".fifo" if fifo else ""),
                    "fifo": fifo,
                    "visibility_timeout": res.attrs["visibility_timeout"],
                    "retention": res.attrs["retention"],
                    "delay": res.attrs["delay"],
                    "encrypted": res.attrs["encrypted"],
                    "dlq": Ref(logical_id(dlq), "arn") if dlq else None,
                    "max_receives": res.attrs.get("max_receives"),
                },
                res.span,
                f"queue {res.name}" + (" (dead-letter queue)" if res.implicit else ""),
            )
        )

    def lower_topic(self, res: m.Resource) -> None:
        fifo = res.attrs["fifo"]
        self.add(
            Node(
                logical_id(res.name),
                "topic",
                {"name": self.name_of(res, "topic", ".fifo" if fifo else ""), "fifo": fifo},
                res.span,
                f"topic {res.name}",
            )
        )

    def lower_table(self, res: m.Resource) -> None:
        assert res.key is not None
        self.add(
            Node(
                logical_id(res.name),
                "table",
                {
                    "name": self.name_of(res, "table"),
                    "key": res.key,
                    "sort": res.sort,
                    "indexes": res.indexes,
                    "ttl": res.attrs.get("ttl"),
                    "stream": res.attrs["stream"],
                    "pitr": res.attrs["pitr"],
                    "attributes": _key_attributes(res),
                },
                res.span,
                f"table {res.name}",
                retain=res.attrs["retain"],
            )
        )

    def lower_secret(self, res: m.Resource) -> None:
        self.add(
            Node(
                logical_id(res.name),
                "secret",
                {
                    "name": self.name_of(res, "secret"),
                    "description": res.attrs.get("description")
                    or f"{res.name}, generated by iac",
                },
                res.span,
                f"secret {res.name}",
            )
        )

    def lower_bus(self, res: m.Resource) -> None:
        self.add(
            Node(
                logical_id(res.name),
                "bus",
                {"name": self.name_of(res, "bus")},
                res.span,
                f"bus {res.name}",
            )
        )

    def lower_model(self, res: m.Resource) -> None:
        """A model is a reference to something AWS runs: nothing to create."""

    def lower_schedule(self, res: m.Resource) -> None:
        if res.attrs.get("rate") is not None:
            expression = f"rate({_rate(res.attrs['rate'])})"
        else:
            expression = f"cron({res.attrs['cron']})"
        self.add(
            Node(
                logical_id(res.name),
                "rule",
                {
                    "name": self.name_of(res, "rule"),
                    "description": f"schedule {res.name}",
                    "schedule": expression,
                    "pattern": None,
                    "bus": None,
                    "enabled": res.attrs["enabled"],
                    "targets": [],
                },
                res.span,
                f"schedule {res.name}",
                tags=False,
            )
        )

    def lower_api(self, res: m.Resource) -> None:
        aid = logical_id(res.name)
        self.add(
            Node(
                aid,
                "http_api",
                {"name": self.name_of(res, "api"), "cors": res.attrs["cors"]},
                res.span,
                f"api {res.name}",
            )
        )
        self.add(
            Node(
                f"{aid}Stage",
                "api_stage",
                {
                    "api": Ref(aid, "id"),
                    "rate": res.throttle.get("rate", 1000),
                    "burst": int(res.throttle.get("burst", 2000)),
                },
                res.span,
                f"api {res.name}: default stage",
            )
        )
        for route in res.routes:
            self.lower_route(res, route)

    def lower_route(self, api: m.Resource, route: m.Route) -> None:
        aid = logical_id(api.name)
        rid = f"{aid}{_route_id(route.method, route.path)}"
        target = self.app.resources[route.target]
        props: dict[str, Any] = {"api": Ref(aid, "id")}
        if target.kind == "function":
            props.update(
                type="AWS_PROXY",
                subtype=None,
                uri=self.arn_of(target.name),
                credentials=None,
                parameters=None,
                payload_version="2.0",
            )
            self.permission(
                f"{rid}Permission",
                target,
                "apigateway.amazonaws.com",
                arn(
                    "execute-api",
                    Sub.of(Ref(aid, "id"), f"/*/{_method(route.method)}{_arn_path(route.path)}"),
                ),
                route.span,
                f"api {api.name}: {route.method} {route.path} may invoke {target.name}",
            )
        else:
            role = Ref(f"{aid}Role", "arn")
            if target.kind == "queue":
                subtype = "SQS-SendMessage"
                parameters = {"QueueUrl": Ref(logical_id(target.name), "url"),
                              "MessageBody": "$request.body"}
            elif target.kind == "bus":
                subtype = "EventBridge-PutEvents"
                parameters = {
                    "Source": f"{self.app.name}.{api.name}",
                    "DetailType": f"{route.method} {route.path}",
                    "Detail": "$request.body",
                    "EventBusName": Ref(logical_id(target.name), "name"),
                }
            else:
                subtype = "StepFunctions-StartExecution"
                parameters = {
                    "StateMachineArn": Ref(logical_id(target.name), "arn"),
                    "Input": "$request.body",
                }
            props.update(
                type="AWS_PROXY",
                subtype=subtype,
                uri=None,
                credentials=role,
                parameters=parameters,
                payload_version="1.0",
            )
        self.add(
            Node(
                f"{rid}Integration",
                "api_integration",
                props,
                route.span,
                f"api {api.name}: {route.method} {route.path} -> {target.kind} {target.name}",
                tags=False,
            )
        )
        self.add(
            Node(
                rid,
                "api_route",
                {
                    "api": Ref(aid, "id"),
                    "key": f"{route.method} {route.path}",
                    "target": Sub.of("integrations/", Ref(f"{rid}Integration", "id")),
                },
                route.span,
                f"api {api.name}: route {route.method} {route.path}",
                tags=False,
            )
        )

    def lower_api_roles(self) -> None:
        """One role per API for its service integrations: exactly the targets it sends to."""
        actions = {"queue": "sqs:SendMessage", "bus": "events:PutEvents",
                   "workflow": "states:StartExecution"}
        for api in self.app.of_kind("api"):
            role = RoleSpec("apigateway.amazonaws.com")
            for route in api.routes:
                target = self.app.resources[route.target]
                if target.kind not in actions:
                    continue
                role.add(
                    Statement(
                        f"{actions[target.kind].split(':')[1]}{logical_id(target.name)}",
                        (actions[target.kind],),
                        (self.arn_of(target.name),),
                        route.span,
                        f"route `{route.method} {route.path}` of api `{api.name}`",
                    )
                )
            if role.statements:
                aid = logical_id(api.name)
                self.roles[aid] = role
                self.add(
                    Node(
                        f"{aid}Role",
                        "role",
                        {"service": role.service, "statements": role.statements, "owner": aid},
                        api.span,
                        f"api {api.name}: role for its service integrations",
                    )
                )

    # ---------------------------------------------------------------- edges

    def lower_edge(self, edge: m.Edge) -> None:
        source = self.app.resources[edge.source]
        target = self.app.resources[edge.target]
        eid = (
            f"{logical_id(edge.source)}{logical_id(edge.event)}To{logical_id(edge.target)}"
            + (str(edge.index) if edge.index > 1 else "")
        )
        if source.kind == "queue":
            self.queue_to_function(eid, source, target, edge)
        elif source.kind == "table":
            self.table_to_function(eid, source, target, edge)
        elif source.kind == "topic":
            self.topic_subscription(eid, source, target, edge)
        elif source.kind == "schedule":
            rule = self.by_id[logical_id(source.name)]
            self.rule_target(rule, target, edge, f"{logical_id(source.name)}To{logical_id(target.name)}")
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
        }
        rule["targets"].append(entry)
        why = f"{edge.source}.{edge.event} -> {edge.target}"
        if target.kind == "workflow":
            role = self.events_role(target)
            role.add(
                Statement(
                    f"Start{logical_id(target.name)}",
                    ("states:StartExecution",),
                    (self.arn_of(target.name),),
                    edge.span,
                    f"`{why}`: EventBridge starts the workflow",
                )
            )
            entry["role"] = Ref(f"{logical_id(target.name)}EventsRole", "arn")
        elif target.kind == "container":
            cid = logical_id(target.name)
            role = self.events_role(target)
            for st in self.run_task_statements(target, edge.span, f"`{why}`: EventBridge runs the task"):
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
            self.permission(f"{eid}Permission", target, "events.amazonaws.com", rule_arn,
                            edge.span, why)
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
        self, target: m.Resource, action: str, principal: str, source_arn: Value, span: Span,
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

    def topic_subscription(self, eid: str, topic: m.Resource, target: m.Resource, edge: m.Edge) -> None:
        topic_arn = Ref(logical_id(topic.name), "arn")
        why = f"{topic.name}.message -> {target.kind} {target.name}"
        if target.kind == "function":
            self.permission(f"{eid}Permission", target, "sns.amazonaws.com", topic_arn, edge.span, why)
        else:
            self.policy_statement(target, "sqs:SendMessage", "sns.amazonaws.com", topic_arn,
                                  edge.span, why)
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

    # ---------------------------------------------------------------- finishing

    # ---------------------------------------------------------------- workflows

    def lower_workflow(self, res: m.Resource) -> None:
        wid = logical_id(res.name)
        role = RoleSpec("states.amazonaws.com")
        self.roles[wid] = role

        def resolve(kind: str, name: str) -> dict[str, Any]:
            return self.step_target(role, res, kind, name)

        definition = StatesCompiler(resolve).machine(res.steps, f"workflow {res.name}")
        for step in _tasks(res.steps):
            target = self.app.resources[step.target.text]
            self.step_grants(role, target, step)
        self.add(
            Node(
                f"{wid}Role",
                "role",
                {"service": role.service, "statements": [], "owner": wid},
                res.span,
                f"workflow {res.name}: role",
            )
        )
        self.add(
            Node(
                wid,
                "state_machine",
                {
                    "name": self.name_of(res, "workflow"),
                    "type": "EXPRESS" if res.attrs["express"] else "STANDARD",
                    "definition": definition,
                    "role": Ref(f"{wid}Role", "arn"),
                },
                res.span,
                f"workflow {res.name}",
            )
        )

    def step_target(self, role: RoleSpec, wf: m.Resource, kind: str, name: str) -> dict[str, Any]:
        """The plan values a task state needs for its target."""
        rid = logical_id(name)
        if kind == "function":
            return {"arn": Ref(rid, "arn")}
        if kind == "container":
            net = self.network()
            return {
                "cluster": Ref("Cluster", "arn"),
                "task_definition": Ref(rid, "arn"),
                "subnets": net["subnets"],
                "security_groups": net["security_groups"],
                "public_ip": net["public_ip"],
            }
        if kind == "queue":
            return {"url": Ref(rid, "url")}
        if kind == "topic":
            return {"arn": Ref(rid, "arn")}
        return {
            "name": Ref(rid, "name"),
            "source": f"{self.app.name}.{wf.name}",
            "detail_type": wf.name,
        }

    def step_grants(self, role: RoleSpec, target: m.Resource, step: Any) -> None:
        why = f"`{step.verb} {target.name}`"
        tid = logical_id(target.name)
        simple = {
            "function": ("Invoke", "lambda:InvokeFunction"),
            "queue": ("SendTo", "sqs:SendMessage"),
            "topic": ("PublishTo", "sns:Publish"),
            "bus": ("PutEventsOn", "events:PutEvents"),
        }
        if target.kind in simple:
            verb, action = simple[target.kind]
            role.add(Statement(f"{verb}{tid}", (action,), (self.arn_of(target.name),),
                               step.span, why))
            return
        for st in self.run_task_statements(target, step.span, why):
            role.add(st)
        role.add(
            Statement(
                "WatchEcsTasks",
                ("ecs:DescribeTasks", "ecs:StopTask"),
                (arn("ecs", Sub.of("task/", Ref("Cluster", "name"), "/*")),),
                step.span,
                f"{why} waits for the task (`.sync`) and stops it on timeout",
            )
        )
        role.add(
            Statement(
                "ManageEcsSyncRule",
                ("events:DescribeRule", "events:PutRule", "events:PutTargets"),
                (arn("events", f"rule/{ECS_SYNC_RULE}"),),
                step.span,
                f"{why}: Step Functions' managed rule that reports the task's end",
            )
        )

    def run_task_statements(self, target: m.Resource, span: Span, why: str) -> list[Statement]:
        cid = logical_id(target.name)
        return [
            Statement(
                f"Run{cid}",
                ("ecs:RunTask",),
                (Ref(cid, "arn"),),
                span,
                why,
                conditions={"ArnEquals": {"ecs:cluster": Ref("Cluster", "arn")}},
            ),
            Statement(
                f"PassRolesOf{cid}",
                ("iam:PassRole",),
                (Ref(f"{cid}TaskRole", "arn"), Ref(f"{cid}ExecutionRole", "arn")),
                span,
                f"{why}: the task runs with its own roles",
            ),
        ]

    # ---------------------------------------------------------------- containers

    def lower_container(self, res: m.Resource) -> None:
        cid = logical_id(res.name)
        self.cluster()
        self.network()
        family = self.name_of(res, "container")
        log_name = Sub.of("/ecs/", family)
        execution = RoleSpec("ecs-tasks.amazonaws.com")
        execution.add(
            Statement(
                "WriteLogs",
                LOG_WRITER,
                (arn("logs", Sub.of("log-group:", log_name, ":*")),),
                res.span,
                f"container `{res.name}` writes to its log group",
            )
        )
        image = self.expr(res.attrs["image"])
        literal = image if isinstance(image, str) else "".join(
            p for p in getattr(image, "parts", ()) if isinstance(p, str)
        )
        ecr = ECR_IMAGE.match(literal)
        if ecr:
            repo = Sub.of(
                "arn:", PARTITION, f":ecr:{ecr['region']}:{ecr['account']}:repository/{ecr['repo']}"
            )
            execution.add(
                Statement(
                    "PullImage",
                    ("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage",
                     "ecr:GetDownloadUrlForLayer"),
                    (repo,),
                    res.span,
                    f"container `{res.name}` pulls its image from `{ecr['repo']}`",
                )
            )
            execution.add(
                Statement(
                    "EcrLogin",
                    ("ecr:GetAuthorizationToken",),
                    ("*",),
                    res.span,
                    "logging in to ECR: AWS allows no narrower resource for this action",
                )
            )
        task = RoleSpec("ecs-tasks.amazonaws.com")
        for grant in res.grants:
            self.grant(task, grant)
        self.roles[f"{cid}ExecutionRole"] = execution
        self.roles[f"{cid}TaskRole"] = task
        self.add(
            Node(
                f"{cid}LogGroup",
                "log_group",
                {"name": log_name, "retention_days": res.attrs["log_retention"] // 86400},
                res.span,
                f"container {res.name}: log group",
            )
        )
        for rid, what in ((f"{cid}ExecutionRole", "execution role"), (f"{cid}TaskRole", "task role")):
            self.add(
                Node(
                    rid,
                    "role",
                    {"service": "ecs-tasks.amazonaws.com", "statements": [], "owner": rid},
                    res.span,
                    f"container {res.name}: {what}",
                )
            )
        self.add(
            Node(
                cid,
                "task_definition",
                {
                    "family": family,
                    "cpu": res.attrs["cpu"],
                    "memory": res.attrs["memory"] // (1024 * 1024),
                    "arch": "ARM64" if res.attrs["arch"] == "arm64" else "X86_64",
                    "container": res.name,
                    "image": image,
                    "command": list(res.attrs["command"]) if res.attrs["command"] else None,
                    "env": {k: self.expr(v) for k, v in sorted(res.env.items())},
                    "log_group": Ref(f"{cid}LogGroup", "name"),
                    "region": REGION,
                    "task_role": Ref(f"{cid}TaskRole", "arn"),
                    "execution_role": Ref(f"{cid}ExecutionRole", "arn"),
                },
                res.span,
                f"container {res.name}",
            )
        )

    def cluster(self) -> None:
        if "Cluster" in self.by_id:
            return
        first = self.app.of_kind("container")[0]
        name = physical(self.prefix, "", 255).rstrip("-") if isinstance(self.prefix, str) else self.prefix
        self.add(
            Node("Cluster", "cluster", {"name": name}, first.span, "the app's ECS cluster")
        )

    def network(self) -> dict[str, Any]:
        """Where tasks run: the app's `network`, or a small VPC made for the app."""
        if self.app.network is not None:
            return {
                "subnets": list(self.app.network.get("subnets", ())),
                "security_groups": list(self.app.network.get("security_groups", ())),
                "public_ip": "DISABLED",
            }
        if "Vpc" not in self.by_id:
            self.vpc(self.app.of_kind("container")[0].span)
        return {
            "subnets": [Ref(f"VpcPublicSubnet{i + 1}", "id") for i in range(len(SUBNET_CIDRS))],
            "security_groups": [Ref("VpcTaskSecurityGroup", "id")],
            "public_ip": "ENABLED",
        }

    def vpc(self, span: Span) -> None:
        """Two public subnets in two zones, an internet gateway, no NAT gateway."""

        def node(nid: str, ntype: str, props: dict[str, Any], label: str, **kw: Any) -> None:
            self.add(Node(nid, ntype, props, span, f"network: {label}", **kw))

        node("Vpc", "vpc", {"cidr": VPC_CIDR}, "a VPC for the app's tasks")
        node("VpcInternetGateway", "internet_gateway", {}, "internet gateway")
        node(
            "VpcGatewayAttachment",
            "vpc_gateway_attachment",
            {"vpc": Ref("Vpc", "id"), "gateway": Ref("VpcInternetGateway", "id")},
            "internet gateway attachment",
            tags=False,
        )
        node("VpcPublicRouteTable", "route_table", {"vpc": Ref("Vpc", "id")}, "public route table")
        node(
            "VpcPublicRoute",
            "route",
            {
                "route_table": Ref("VpcPublicRouteTable", "id"),
                "gateway": Ref("VpcInternetGateway", "id"),
            },
            "default route to the internet gateway",
            tags=False,
            depends_on=["VpcGatewayAttachment"],
        )
        for i, cidr in enumerate(SUBNET_CIDRS):
            sid = f"VpcPublicSubnet{i + 1}"
            node(sid, "subnet", {"vpc": Ref("Vpc", "id"), "cidr": cidr, "az": Az(i)},
                 f"public subnet {i + 1}")
            node(
                f"{sid}RouteTableAssociation",
                "subnet_route_table_association",
                {"subnet": Ref(sid, "id"), "route_table": Ref("VpcPublicRouteTable", "id")},
                f"public subnet {i + 1} uses the public route table",
                tags=False,
            )
        node(
            "VpcTaskSecurityGroup",
            "security_group",
            {
                "vpc": Ref("Vpc", "id"),
                "description": f"{self.app.name} tasks: outbound only",
            },
            "egress-only security group for tasks",
        )

    def finish_roles(self) -> None:
        for node in self.nodes:
            if node.type == "role":
                node.props["statements"] = list(self.roles[node.props["owner"]].statements)

    def finish_policies(self) -> None:
        """Queue and topic policies go right after the resource they protect."""
        for name, statements in self.policies.items():
            res = self.app.resources[name]
            rid = logical_id(name)
            node = Node(
                f"{rid}Policy",
                "queue_policy" if res.kind == "queue" else "topic_policy",
                {"target": Ref(rid, "url" if res.kind == "queue" else "arn"),
                 "statements": statements},
                res.span,
                f"{res.kind} {name}: who may send to it",
                tags=False,
            )
            if node.id in self.by_id:
                self.add(node)  # reports the clash
                continue
            self.by_id[node.id] = node
            self.nodes.insert(self.nodes.index(self.by_id[rid]) + 1, node)


def plan(app: m.App) -> Plan:
    return _Lowering(app).run()


# ---------------------------------------------------------------- small pieces


def _tasks(steps: Any) -> list[Any]:
    from ..checker import walk_steps
    from ..syntax import Task

    return [st for st in walk_steps(steps) if isinstance(st, Task)]


def _key_attributes(res: m.Resource) -> list[m.TableKey]:
    seen: dict[str, m.TableKey] = {}
    keys = [res.key, res.sort] + [k for i in res.indexes for k in (i.key, i.sort)]
    for key in keys:
        if key is not None and key.name not in seen:
            seen[key.name] = key
    return sorted(seen.values(), key=lambda k: k.name)


def _rate(seconds: int) -> str:
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds % size == 0:
            n = seconds // size
            return f"{n} {unit}{'s' if n != 1 else ''}"
    raise ValueError(seconds)


def _route_id(method: str, path: str) -> str:
    words = re.findall(r"[A-Za-z0-9]+", path)
    tail = "".join(w[:1].upper() + w[1:] for w in words) or "Root"
    return f"{method.capitalize()}{tail}"


def _method(method: str) -> str:
    return "*" if method == "ANY" else method


def _arn_path(path: str) -> str:
    # Path parameters match any segment in the execute-api ARN.
    return re.sub(r"\{[^}]*\}", "*", path)


def _wild(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*")


__all__ = ["plan", "PARTITION", "REGION"]
