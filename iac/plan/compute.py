"""Lowering of workflows (Step Functions) and containers (Fargate) with their network."""

from __future__ import annotations

import re
from typing import Any

from .. import model as m
from ..catalog import ENDPOINT_SERVICES, GATEWAY_SERVICES
from ..names import endpoint_id, logical_id, physical
from ..source import Span
from .base import Lowering
from .iam import LOG_WRITER, XRAY_SAMPLER, RoleSpec, Statement
from .model import (
    ClusterProps,
    Egress,
    FlowLogProps,
    InternetGatewayProps,
    LogGroupProps,
    Props,
    RouteProps,
    RouteTableProps,
    SecurityGroupProps,
    StateMachineProps,
    SubnetProps,
    SubnetRouteTableAssociationProps,
    TaskDefinitionProps,
    VpcEndpointProps,
    VpcGatewayAttachmentProps,
    VpcProps,
)
from .states import StatesCompiler
from .values import PARTITION, REGION, Az, Ref, Sub, Value, arn

# Compiled (by `re`, once) only where a container's image is read: not at every start-up.
ECR_IMAGE = (
    r"(?P<account>[0-9]{12})\.dkr\.ecr\.(?P<region>[a-z0-9-]+)\.amazonaws\.com(?:\.cn)?/"
    r"(?P<repo>[^:@]+)"
)
VPC_CIDR = "10.0.0.0/16"
SUBNET_CIDRS = ("10.0.0.0/24", "10.0.1.0/24")
PRIVATE_SUBNET_CIDRS = ("10.0.2.0/24", "10.0.3.0/24")
FUNCTION_SG = "VpcFunctionSecurityGroup"
ENDPOINT_SG = "VpcEndpointSecurityGroup"
ECS_SYNC_RULE = "StepFunctionsGetEventsForECSTaskRule"
WORKFLOW_LOG_DAYS = 30  # a workflow's execution history, like a function's log


def lower_workflow(cx: Lowering, res: m.Resource) -> None:
    wid = logical_id(res.name)
    role = RoleSpec("states.amazonaws.com")
    cx.roles[wid] = role

    def resolve(kind: str, name: str) -> dict[str, Any]:
        return step_target(cx, role, res, kind, name)

    definition = StatesCompiler(resolve).machine(res.steps, f"workflow {res.name}")
    for step in _tasks(res.steps):
        target = cx.app.resources[step.target]
        step_grants(cx, role, target, step)
    name = cx.name_of(res, "workflow")
    log_arn: Value = None
    if res.attrs["express"] or res.attrs.get("logging"):
        log_arn = workflow_logs(cx, res, role, name)
    if res.attrs.get("tracing"):
        role.add(
            Statement(
                "WriteTraces",
                XRAY_SAMPLER,
                ("*",),
                res.span,
                "`tracing = true`: X-Ray takes no narrower resource",
            )
        )
    cx.role_node(f"{wid}Role", wid, role.service, res.span, f"workflow {res.name}: role")
    cx.node(
        wid,
        StateMachineProps(
            name=name,
            type="EXPRESS" if res.attrs["express"] else "STANDARD",
            definition=definition,
            role=Ref(f"{wid}Role", "arn"),
            log_group=log_arn,
            tracing=bool(res.attrs.get("tracing")),
        ),
        res.span,
        f"workflow {res.name}",
    )


# What Step Functions needs to set up log delivery (its "IAM policies for logging to
# CloudWatch Logs"): these calls act on the account's log deliveries and resource
# policies, not on one log group, and IAM takes no narrower resource than `*` for them.
LOG_DELIVERY = (
    "logs:CreateLogDelivery",
    "logs:DeleteLogDelivery",
    "logs:DescribeLogGroups",
    "logs:DescribeResourcePolicies",
    "logs:GetLogDelivery",
    "logs:ListLogDeliveries",
    "logs:PutResourcePolicy",
    "logs:UpdateLogDelivery",
)


def workflow_logs(cx: Lowering, res: m.Resource, role: RoleSpec, name: Value) -> Value:
    """A log group for a workflow's execution history, and the log delivery its role
    sets up. The `/aws/vendedlogs/` prefix keeps CloudWatch's resource policy short."""
    wid = logical_id(res.name)
    log_name = Sub.of("/aws/vendedlogs/states/", name)
    cx.node(
        f"{wid}Logs",
        LogGroupProps(log_name, WORKFLOW_LOG_DAYS),
        res.span,
        f"workflow {res.name}: execution history",
    )
    role.add(
        Statement(
            "DeliverLogs",
            LOG_DELIVERY,
            ("*",),
            res.span,
            f"workflow `{res.name}` logs its executions: "
            "CloudWatch Logs' delivery calls take no narrower resource",
        )
    )
    return Ref(f"{wid}Logs", "streams_arn")


def step_target(
    cx: Lowering, role: RoleSpec, wf: m.Resource, kind: str, name: str
) -> dict[str, Any]:
    """The plan values a task state needs for its target."""
    rid = logical_id(name)
    if kind == "function":
        return {"arn": Ref(rid, "arn")}
    if kind == "model":
        return {"arn": cx.model_arn(cx.app.resources[name])}
    if kind == "container":
        net = network(cx)
        return {
            "container": name,  # the task definition's one container is named after it
            "cluster": Ref("Cluster", "arn"),
            "task_definition": Ref(rid, "arn"),
            "subnets": net["subnets"],
            "security_groups": net["security_groups"],
            "public_ip": net["public_ip"],
        }
    target = cx.app.resources[name]
    if kind == "queue":
        return {"url": Ref(rid, "url"), "message_group": cx.message_group(target)}
    if kind == "topic":
        return {"arn": Ref(rid, "arn"), "message_group": cx.message_group(target)}
    return {
        "name": Ref(rid, "name"),
        "source": f"{cx.app.name}.{wf.name}",
        "detail_type": wf.name,
    }


def step_grants(cx: Lowering, role: RoleSpec, target: m.Resource, step: m.Task) -> None:
    why = f"`{step.verb} {target.name}`"
    if step.options.callback:
        why += " (it then waits for the callback: `.waitForTaskToken`)"
    tid = logical_id(target.name)
    simple = {
        "function": ("Invoke", "lambda:InvokeFunction"),
        "queue": ("SendTo", "sqs:SendMessage"),
        "topic": ("PublishTo", "sns:Publish"),
        "bus": ("PutEventsOn", "events:PutEvents"),
    }
    if target.kind in simple:
        verb, action = simple[target.kind]
        role.add(Statement(f"{verb}{tid}", (action,), (cx.iam_arn(target.name),), step.span, why))
        return
    if target.kind == "model":
        # The optimized integration calls InvokeModel only (never the streaming form).
        role.add(
            Statement(
                f"Invoke{tid}",
                ("bedrock:InvokeModel",),
                cx.model_resources(target),
                step.span,
                f"{why} through Bedrock's optimized integration",
            )
        )
        return
    for st in run_task_statements(cx, target, step.span, why):
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


def run_task_statements(cx: Lowering, target: m.Resource, span: Span, why: str) -> list[Statement]:
    cid = logical_id(target.name)
    return [
        Statement(
            f"Run{cid}",
            ("ecs:RunTask",),
            (cx.iam_arn(target.name),),
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


def lower_container(cx: Lowering, res: m.Resource) -> None:
    cid = logical_id(res.name)
    cluster(cx)
    network(cx)
    family = cx.name_of(res, "container")
    log_name = Sub.of("/ecs/", family)
    execution = RoleSpec("ecs-tasks.amazonaws.com")
    execution.add(
        Statement(
            "WriteLogs",
            LOG_WRITER,
            (Ref(f"{cid}LogGroup", "streams_arn"),),
            res.span,
            f"container `{res.name}` writes to its log group",
        )
    )
    image = cx.expr(res.attrs["image"])
    literal = (
        image
        if isinstance(image, str)
        else "".join(p for p in getattr(image, "parts", ()) if isinstance(p, str))
    )
    ecr = re.match(ECR_IMAGE, literal)
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
        cx.grant(task, grant)
    cx.roles[f"{cid}ExecutionRole"] = execution
    cx.roles[f"{cid}TaskRole"] = task
    cx.node(
        f"{cid}LogGroup",
        LogGroupProps(log_name, res.attrs["log_retention"] // 86400),
        res.span,
        f"container {res.name}: log group",
    )
    for rid, what in (
        (f"{cid}ExecutionRole", "execution role"),
        (f"{cid}TaskRole", "task role"),
    ):
        cx.role_node(rid, rid, "ecs-tasks.amazonaws.com", res.span, f"container {res.name}: {what}")
    cx.node(
        cid,
        TaskDefinitionProps(
            family=family,
            cpu=res.attrs["cpu"],
            memory=res.attrs["memory"] // (1024 * 1024),
            arch="ARM64" if res.attrs["arch"] == "arm64" else "X86_64",
            container=res.name,
            image=image,
            command=tuple(res.attrs["command"]) if res.attrs["command"] else None,
            env={k: cx.expr(v) for k, v in sorted(res.env.items())},
            log_group=Ref(f"{cid}LogGroup", "name"),
            region=REGION,
            task_role=Ref(f"{cid}TaskRole", "arn"),
            execution_role=Ref(f"{cid}ExecutionRole", "arn"),
        ),
        res.span,
        f"container {res.name}",
    )


def cluster_name(cx: Lowering) -> Value:
    if isinstance(cx.prefix, str):
        return physical(cx.prefix, "", 255).rstrip("-")
    return cx.prefix


def cluster(cx: Lowering) -> None:
    if "Cluster" in cx.by_id:
        return
    first = cx.app.of_kind("container")[0]
    name = cluster_name(cx)
    cx.node("Cluster", ClusterProps(name), first.span, "the app's ECS cluster")


def network(cx: Lowering) -> dict[str, Any]:
    """Where tasks run: the app's `network`, or a small VPC made for the app."""
    if cx.app.network is not None:
        return {
            "subnets": list(cx.app.network.get("subnets", ())),
            "security_groups": list(cx.app.network.get("security_groups", ())),
            "public_ip": "DISABLED",
        }
    if "Vpc" not in cx.by_id:
        vpc(cx, cx.app.of_kind("container")[0].span)
    return {
        "subnets": [Ref(f"VpcPublicSubnet{i + 1}", "id") for i in range(len(SUBNET_CIDRS))],
        "security_groups": [Ref("VpcTaskSecurityGroup", "id")],
        "public_ip": "ENABLED",
    }


def vpc(cx: Lowering, span: Span) -> None:
    """Two public subnets in two zones, an internet gateway, no NAT gateway."""

    def node(nid: str, props: Props, label: str, **kw: Any) -> None:
        cx.node(nid, props, span, f"network: {label}", **kw)

    vpc_id, gateway = Ref("Vpc", "id"), Ref("VpcInternetGateway", "id")
    routes = Ref("VpcPublicRouteTable", "id")
    node("Vpc", VpcProps(VPC_CIDR), "a VPC for the app's tasks")
    node("VpcInternetGateway", InternetGatewayProps(), "internet gateway")
    node(
        "VpcGatewayAttachment",
        VpcGatewayAttachmentProps(vpc_id, gateway),
        "internet gateway attachment",
        tags=False,
    )
    node("VpcPublicRouteTable", RouteTableProps(vpc_id), "public route table")
    node(
        "VpcPublicRoute",
        RouteProps(routes, gateway),
        "default route to the internet gateway",
        tags=False,
        depends_on=["VpcGatewayAttachment"],
    )
    for i, cidr in enumerate(SUBNET_CIDRS):
        sid = f"VpcPublicSubnet{i + 1}"
        node(sid, SubnetProps(vpc_id, cidr, Az(i)), f"public subnet {i + 1}")
        node(
            f"{sid}RouteTableAssociation",
            SubnetRouteTableAssociationProps(Ref(sid, "id"), routes),
            f"public subnet {i + 1} uses the public route table",
            tags=False,
        )
    node(
        "VpcTaskSecurityGroup",
        SecurityGroupProps(
            vpc_id,
            f"{cx.app.name} tasks: outbound HTTPS only",
            # Tasks pull images and call AWS over HTTPS; DNS goes to the VPC resolver.
            (Egress("HTTPS to AWS APIs and image registries", "tcp", 443, "0.0.0.0/0"),),
        ),
        "egress-only security group for tasks",
    )
    flow_logs(cx, span)


def function_network(cx: Lowering) -> tuple[tuple[Value, ...], tuple[Value, ...]]:
    """Where a `vpc = true` function's interfaces go: the app's `network`, or the
    generated VPC's private subnets (made by `private_network` once every function is
    known)."""
    if cx.app.network is not None:
        return (
            tuple(cx.app.network.get("subnets", ())),
            tuple(cx.app.network.get("security_groups", ())),
        )
    subnets = tuple(Ref(f"VpcPrivateSubnet{i + 1}", "id") for i in range(len(PRIVATE_SUBNET_CIDRS)))
    return subnets, (Ref(FUNCTION_SG, "id"),)


def endpoint_services(app: m.App) -> list[str]:
    """The interface endpoints the generated VPC needs: one per service that a
    `vpc = true` function's grants reach, in the order they are first granted."""
    out: list[str] = []
    for fn in app.of_kind("function"):
        if not fn.attrs.get("vpc"):
            continue
        for grant in fn.grants:
            service = ENDPOINT_SERVICES.get(app.resources[grant.target].kind)
            if service is not None and service not in out:
                out.append(service)
    return out


def private_network(cx: Lowering) -> None:
    """Without `app.network`, `vpc = true` functions run in private subnets of the
    generated VPC: no route out (no NAT gateway), gateway endpoints for S3 and
    DynamoDB, an interface endpoint for each other service their grants reach."""
    functions = [f for f in cx.app.of_kind("function") if f.attrs.get("vpc")]
    if not functions or cx.app.network is not None:
        return
    span = functions[0].span

    def node(nid: str, props: Props, label: str, **kw: Any) -> None:
        cx.node(nid, props, span, f"network: {label}", **kw)

    vpc_id, routes = Ref("Vpc", "id"), Ref("VpcPrivateRouteTable", "id")
    if "Vpc" not in cx.by_id:
        node("Vpc", VpcProps(VPC_CIDR), "a VPC for the app's functions")
        flow_logs(cx, span)
    node("VpcPrivateRouteTable", RouteTableProps(vpc_id), "private route table (no route out)")
    subnets = []
    for i, cidr in enumerate(PRIVATE_SUBNET_CIDRS):
        sid = f"VpcPrivateSubnet{i + 1}"
        subnets.append(Ref(sid, "id"))
        node(sid, SubnetProps(vpc_id, cidr, Az(i)), f"private subnet {i + 1}")
        node(
            f"{sid}RouteTableAssociation",
            SubnetRouteTableAssociationProps(Ref(sid, "id"), routes),
            f"private subnet {i + 1} uses the private route table",
            tags=False,
        )
    node(
        FUNCTION_SG,
        SecurityGroupProps(
            vpc_id,
            f"{cx.app.name} functions: outbound HTTPS only",
            (Egress("HTTPS to the VPC endpoints", "tcp", 443, "0.0.0.0/0"),),
        ),
        "egress-only security group for functions",
    )
    services = endpoint_services(cx.app)
    if services:
        node(
            ENDPOINT_SG,
            SecurityGroupProps(
                vpc_id,
                f"{cx.app.name} interface endpoints: HTTPS from the VPC",
                (Egress("replies stay in the VPC", "tcp", 443, VPC_CIDR),),
                ingress=(Egress("HTTPS from the VPC", "tcp", 443, VPC_CIDR),),
            ),
            "security group for the interface endpoints",
        )
    for service in GATEWAY_SERVICES:
        node(
            f"Vpc{endpoint_id(service)}Endpoint",
            VpcEndpointProps(vpc_id, _service_name(service), "Gateway", route_tables=(routes,)),
            f"gateway endpoint for {service}",
            tags=False,
        )
    for service in services:
        node(
            f"Vpc{endpoint_id(service)}Endpoint",
            VpcEndpointProps(
                vpc_id,
                _service_name(service),
                "Interface",
                subnets=tuple(subnets),
                security_groups=(Ref(ENDPOINT_SG, "id"),),
            ),
            f"interface endpoint for {service}",
            tags=False,
        )


def _service_name(service: str) -> Value:
    return Sub.of("com.amazonaws.", REGION, f".{service}")


def flow_logs(cx: Lowering, span: Span) -> None:
    """The VPC's traffic, accepted and rejected, to a log group."""
    name = Sub.of("/aws/vpc/", cluster_name(cx), "-flow-logs")
    role = RoleSpec("vpc-flow-logs.amazonaws.com")
    role.add(
        Statement(
            "WriteFlowLogs",
            ("logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"),
            (Ref("VpcFlowLogs", "streams_arn"),),
            span,
            "the generated VPC records its traffic",
        )
    )
    cx.roles["VpcFlowLogRole"] = role
    cx.node("VpcFlowLogs", LogGroupProps(name, 30), span, "network: flow log group")
    cx.role_node(
        "VpcFlowLogRole", "VpcFlowLogRole", role.service, span, "network: role for flow logs"
    )
    cx.node(
        "VpcFlowLog",
        FlowLogProps(
            vpc=Ref("Vpc", "id"),
            log_group=Ref("VpcFlowLogs", "name"),
            log_group_arn=Ref("VpcFlowLogs", "arn"),
            role=Ref("VpcFlowLogRole", "arn"),
        ),
        span,
        "network: flow log",
    )


def _tasks(steps: tuple[m.Step, ...]) -> list[m.Task]:
    return [st for st in m.walk_steps(steps) if isinstance(st, m.Task)]
