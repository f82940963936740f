"""Lowering of workflows (Step Functions) and containers (Fargate) with their network."""

from __future__ import annotations

import re
from typing import Any

from .. import model as m
from ..names import logical_id, physical
from ..source import Span
from .base import LoweringBase
from .iam import LOG_WRITER, RoleSpec, Statement
from .model import Node
from .states import StatesCompiler
from .values import PARTITION, REGION, Az, Ref, Sub, Value, arn

ECR_IMAGE = re.compile(
    r"(?P<account>[0-9]{12})\.dkr\.ecr\.(?P<region>[a-z0-9-]+)\.amazonaws\.com(?:\.cn)?/"
    r"(?P<repo>[^:@]+)"
)
VPC_CIDR = "10.0.0.0/16"
SUBNET_CIDRS = ("10.0.0.0/24", "10.0.1.0/24")
ECS_SYNC_RULE = "StepFunctionsGetEventsForECSTaskRule"


class ComputeKinds(LoweringBase):
    def lower_workflow(self, res: m.Resource) -> None:
        wid = logical_id(res.name)
        role = RoleSpec("states.amazonaws.com")
        self.roles[wid] = role

        def resolve(kind: str, name: str) -> dict[str, Any]:
            return self.step_target(role, res, kind, name)

        definition = StatesCompiler(resolve).machine(res.steps, f"workflow {res.name}")
        for step in m.walk_steps(res.steps):
            if not isinstance(step, m.Task):
                continue
            target = self.app.resources[step.target]
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
        target = self.app.resources[name]
        if kind == "queue":
            return {"url": Ref(rid, "url"), "message_group": self.message_group(target)}
        if kind == "topic":
            return {"arn": Ref(rid, "arn"), "message_group": self.message_group(target)}
        return {
            "name": Ref(rid, "name"),
            "source": f"{self.app.name}.{wf.name}",
            "detail_type": wf.name,
        }

    def step_grants(self, role: RoleSpec, target: m.Resource, step: m.Task) -> None:
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
            role.add(
                Statement(f"{verb}{tid}", (action,), (self.iam_arn(target.name),), step.span, why)
            )
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
                (self.iam_arn(target.name),),
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
        literal = (
            image
            if isinstance(image, str)
            else "".join(p for p in getattr(image, "parts", ()) if isinstance(p, str))
        )
        ecr = ECR_IMAGE.match(literal)
        if ecr:
            repo = Sub.of(
                "arn:", PARTITION, f":ecr:{ecr['region']}:{ecr['account']}:repository/{ecr['repo']}"
            )
            execution.add(
                Statement(
                    "PullImage",
                    (
                        "ecr:BatchCheckLayerAvailability",
                        "ecr:BatchGetImage",
                        "ecr:GetDownloadUrlForLayer",
                    ),
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
        for rid, what in (
            (f"{cid}ExecutionRole", "execution role"),
            (f"{cid}TaskRole", "task role"),
        ):
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

    def cluster_name(self) -> Value:
        if isinstance(self.prefix, str):
            return physical(self.prefix, "", 255).rstrip("-")
        return self.prefix

    def cluster(self) -> None:
        if "Cluster" in self.by_id:
            return
        first = self.app.of_kind("container")[0]
        name = self.cluster_name()
        self.add(Node("Cluster", "cluster", {"name": name}, first.span, "the app's ECS cluster"))

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
            node(
                sid,
                "subnet",
                {"vpc": Ref("Vpc", "id"), "cidr": cidr, "az": Az(i)},
                f"public subnet {i + 1}",
            )
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
                "description": f"{self.app.name} tasks: outbound HTTPS only",
                # Tasks pull images and call AWS over HTTPS; DNS goes to the VPC resolver.
                "egress": [
                    {
                        "description": "HTTPS to AWS APIs and image registries",
                        "protocol": "tcp",
                        "port": 443,
                        "cidr": "0.0.0.0/0",
                    }
                ],
            },
            "egress-only security group for tasks",
        )
        self.flow_logs(span)

    def flow_logs(self, span: Span) -> None:
        """The VPC's traffic, accepted and rejected, to a log group."""
        name = Sub.of("/aws/vpc/", self.cluster_name(), "-flow-logs")
        role = RoleSpec("vpc-flow-logs.amazonaws.com")
        role.add(
            Statement(
                "WriteFlowLogs",
                ("logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"),
                (arn("logs", Sub.of("log-group:", name, ":*")),),
                span,
                "the generated VPC records its traffic",
            )
        )
        self.roles["VpcFlowLogRole"] = role
        self.add(
            Node(
                "VpcFlowLogs",
                "log_group",
                {"name": name, "retention_days": 30},
                span,
                "network: flow log group",
            )
        )
        self.add(
            Node(
                "VpcFlowLogRole",
                "role",
                {"service": role.service, "statements": [], "owner": "VpcFlowLogRole"},
                span,
                "network: role for flow logs",
            )
        )
        self.add(
            Node(
                "VpcFlowLog",
                "flow_log",
                {
                    "vpc": Ref("Vpc", "id"),
                    "log_group": Ref("VpcFlowLogs", "name"),
                    "log_group_arn": Ref("VpcFlowLogs", "arn"),
                    "role": Ref("VpcFlowLogRole", "arn"),
                },
                span,
                "network: flow log",
            )
        )
