"""Lowering of the serverless kinds: functions, storage, messaging, APIs, schedules."""

from __future__ import annotations

import json
import re
import sys

from .. import model as m
from ..names import logical_id, physical, route_id
from ..source import Span
from .assets import Asset
from .base import MAX_MESSAGE_SIZE, Lowering
from .compute import function_network
from .edges import permission
from .iam import ENI_MANAGER, ENI_READER, LOG_WRITER, XRAY_WRITER, RoleSpec, Statement
from .model import (
    ApiAuthorizerProps,
    ApiIntegrationProps,
    ApiRouteProps,
    ApiStageProps,
    BucketPolicyProps,
    BucketProps,
    BusProps,
    FunctionProps,
    FunctionUrlProps,
    HttpApiProps,
    LogGroupProps,
    PermissionProps,
    QueueProps,
    RuleProps,
    SecretProps,
    TableProps,
    TopicProps,
    UserPoolClientProps,
    UserPoolProps,
)
from .values import Ref, Sub, Value, arn

# What a VPC function's role may create network interfaces in and with.
ENI_RESOURCES = ("network-interface", "subnet", "security-group")
# Incomplete multipart uploads cost storage and are never useful after a week.
ABORT_UPLOADS_DAYS = 7
UNCUT = sys.maxsize  # a name no service limit has cut yet
# Where an HTTP API's JWT authorizers read the token.
TOKEN_SOURCE = "$request.header.Authorization"
# One JSON line per request in the API's access log.
ACCESS_LOG_FORMAT = json.dumps(
    {
        "requestId": "$context.requestId",
        "ip": "$context.identity.sourceIp",
        "requestTime": "$context.requestTime",
        "routeKey": "$context.routeKey",
        "status": "$context.status",
        "responseLength": "$context.responseLength",
        "integrationError": "$context.integrationErrorMessage",
    },
    separators=(",", ":"),
)


def lower_function(cx: Lowering, res: m.Resource) -> None:
    fid = logical_id(res.name)
    name = cx.name_of(res, "function")
    assert res.code_path is not None
    asset = Asset(res.name, res.code_path)  # zipped by the packaging stage
    cx.assets.append(asset)
    log_name = Sub.of("/aws/lambda/", name)
    role = RoleSpec("lambda.amazonaws.com")
    role.add(
        Statement(
            "WriteLogs",
            LOG_WRITER,
            (Ref(f"{fid}LogGroup", "streams_arn"),),
            res.span,
            f"function `{res.name}` writes to its log group",
        )
    )
    cx.roles[fid] = role
    if res.attrs.get("tracing"):
        role.add(
            Statement(
                "WriteTraces",
                XRAY_WRITER,
                ("*",),
                res.span,
                "`tracing = true`: X-Ray takes no narrower resource",
            )
        )
    for grant in res.grants:
        cx.grant(role, grant)
    subnets: tuple[Value, ...] = ()
    groups: tuple[Value, ...] = ()
    if res.attrs.get("vpc"):
        subnets, groups = function_network(cx)
        role.add(
            Statement(
                "ManageNetworkInterfaces",
                ENI_MANAGER,
                tuple(arn("ec2", f"{kind}/*") for kind in ENI_RESOURCES),
                res.span,
                "`vpc = true`: Lambda makes the function's network interfaces in its "
                "subnets and security groups",
            )
        )
        role.add(
            Statement(
                "DescribeNetwork",
                ENI_READER,
                ("*",),
                res.span,
                "`vpc = true`: EC2's describe actions take no narrower resource",
            )
        )
    cx.node(
        f"{fid}LogGroup",
        LogGroupProps(log_name, res.attrs["log_retention"] // 86400),
        res.span,
        f"function {res.name}: log group",
    )
    cx.role_node(f"{fid}Role", fid, role.service, res.span, f"function {res.name}: role")
    cx.node(
        fid,
        FunctionProps(
            name=name,
            handler=res.attrs["handler"],
            runtime=res.attrs["runtime"],
            memory=res.attrs["memory"] // (1024 * 1024),
            timeout=res.attrs["timeout"],
            arch=res.attrs["arch"],
            concurrency=res.attrs["concurrency"],
            env={k: cx.expr(v) for k, v in sorted(res.env.items())},
            role=Ref(f"{fid}Role", "arn"),
            log_group=Ref(f"{fid}LogGroup", "name"),
            asset=asset,
            tracing=bool(res.attrs.get("tracing")),
            layers=tuple(res.attrs.get("layers") or ()),
            storage=(res.attrs.get("storage") or 512 * 1024 * 1024) // (1024 * 1024),
            subnets=subnets,
            security_groups=groups,
        ),
        res.span,
        f"function {res.name}",
    )
    if res.attrs.get("url"):
        function_url(cx, res)


def function_url(cx: Lowering, res: m.Resource) -> None:
    """`url = true`: a public URL, which Lambda serves only when the function's policy
    lets anyone call the URL and invoke the function through it (both, since October
    2025); `url = iam`: SigV4 callers whose own policies allow both actions."""
    fid = logical_id(res.name)
    public = res.attrs["url"] is True
    fn = Ref(fid, "arn")
    cx.node(
        f"{fid}Url",
        FunctionUrlProps(fn, "NONE" if public else "AWS_IAM"),
        res.span,
        f"function {res.name}: URL",
        tags=False,
    )
    if not public:
        return
    why = f"function {res.name}: anyone may call its URL (`url = true`)"
    cx.node(
        f"{fid}UrlPermission",
        PermissionProps(fn, "*", None, None, "lambda:InvokeFunctionUrl", url_auth="NONE"),
        res.span,
        why,
        tags=False,
    )
    cx.node(
        f"{fid}UrlInvokePermission",
        PermissionProps(fn, "*", None, None, via_url=True),
        res.span,
        f"function {res.name}: invoked through its URL only",
        tags=False,
    )


def lower_bucket(cx: Lowering, res: m.Resource) -> None:
    bid = logical_id(res.name)
    cx.node(
        bid,
        BucketProps(
            name=cx.expr(res.attrs["name"]) if res.attrs.get("name") else None,
            name_stem=physical(cx.prefix, res.name, UNCUT) if isinstance(cx.prefix, str) else None,
            versioned=res.attrs["versioned"],
            public=res.attrs["public"],
            expire_days=(res.attrs["expire_after"] // 86400) if res.attrs["expire_after"] else None,
            eventbridge=res.name in cx.edge_sources,
            abort_uploads_days=ABORT_UPLOADS_DAYS,
        ),
        res.span,
        f"bucket {res.name}",
        retain=res.attrs["retain"],
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
    cx.node(
        f"{bid}Policy",
        BucketPolicyProps(Ref(bid, "name"), tuple(statements)),
        res.span,
        f"bucket {res.name}: policy",
        tags=False,
    )


def lower_queue(cx: Lowering, res: m.Resource) -> None:
    fifo = res.attrs["fifo"]
    dlq = f"{res.name}_dlq" if res.attrs.get("max_receives") else None
    cx.node(
        logical_id(res.name),
        QueueProps(
            name=cx.name_of(res, "queue", ".fifo" if fifo else ""),
            fifo=fifo,
            max_message_size=MAX_MESSAGE_SIZE,
            visibility_timeout=res.attrs["visibility_timeout"],
            retention=res.attrs["retention"],
            delay=res.attrs["delay"],
            encrypted=res.attrs["encrypted"],
            dlq=Ref(logical_id(dlq), "arn") if dlq else None,
            max_receives=res.attrs.get("max_receives"),
        ),
        res.span,
        f"queue {res.name}" + (" (dead-letter queue)" if res.implicit else ""),
    )


def lower_topic(cx: Lowering, res: m.Resource) -> None:
    fifo = res.attrs["fifo"]
    cx.node(
        logical_id(res.name),
        TopicProps(cx.name_of(res, "topic", ".fifo" if fifo else ""), fifo),
        res.span,
        f"topic {res.name}",
    )


def lower_table(cx: Lowering, res: m.Resource) -> None:
    assert res.key is not None
    cx.node(
        logical_id(res.name),
        TableProps(
            name=cx.name_of(res, "table"),
            key=res.key,
            sort=res.sort,
            indexes=tuple(res.indexes),
            ttl=res.attrs.get("ttl"),
            stream=res.attrs["stream"],
            pitr=res.attrs["pitr"],
            attributes=tuple(_key_attributes(res)),
        ),
        res.span,
        f"table {res.name}",
        retain=res.attrs["retain"],
    )


def lower_secret(cx: Lowering, res: m.Resource) -> None:
    cx.node(
        logical_id(res.name),
        SecretProps(
            cx.name_of(res, "secret"),
            cx.expr(res.attrs.get("description")) or f"{res.name}, generated by iac",
            cx.expr(res.attrs.get("value")),
        ),
        res.span,
        f"secret {res.name}",
    )


def lower_userpool(cx: Lowering, res: m.Resource) -> None:
    pid = logical_id(res.name)
    name = cx.name_of(res, "userpool")
    cx.node(pid, UserPoolProps(name), res.span, f"userpool {res.name}", retain=res.attrs["retain"])
    cx.node(
        f"{pid}Client",
        UserPoolClientProps(name, Ref(pid, "id")),
        res.span,
        f"userpool {res.name}: app client",
        tags=False,
    )


def lower_bus(cx: Lowering, res: m.Resource) -> None:
    cx.node(logical_id(res.name), BusProps(cx.name_of(res, "bus")), res.span, f"bus {res.name}")


def lower_model(cx: Lowering, res: m.Resource) -> None:
    """A model is a reference to something AWS runs: nothing to create."""


def lower_schedule(cx: Lowering, res: m.Resource) -> None:
    if res.attrs.get("rate") is not None:
        expression = f"rate({_rate(res.attrs['rate'])})"
    else:
        expression = f"cron({res.attrs['cron']})"
    cx.node(
        logical_id(res.name),
        RuleProps(
            name=cx.name_of(res, "rule"),
            description=f"schedule {res.name}",
            schedule=expression,
            pattern=None,
            bus=None,
            enabled=res.attrs["enabled"],
        ),
        res.span,
        f"schedule {res.name}",
    )


def lower_api(cx: Lowering, res: m.Resource) -> None:
    aid = logical_id(res.name)
    cx.node(
        aid,
        HttpApiProps(cx.name_of(res, "api"), res.cors),
        res.span,
        f"api {res.name}",
    )
    if res.auth is not None and res.auth.kind in ("pool", "jwt"):
        _authorizer(cx, res, res.auth, f"{aid}Authorizer", res.span)
    name = cx.name_of(res, "api")
    cx.node(
        f"{aid}AccessLogs",
        LogGroupProps(Sub.of("/aws/apigateway/", name), 30),
        res.span,
        f"api {res.name}: access logs",
    )
    cx.node(
        f"{aid}Stage",
        ApiStageProps(
            api=Ref(aid, "id"),
            rate=res.throttle.get("rate", 1000),
            burst=int(res.throttle.get("burst", 2000)),
            access_logs=Ref(f"{aid}AccessLogs", "arn"),
            access_log_format=ACCESS_LOG_FORMAT,
        ),
        res.span,
        f"api {res.name}: default stage",
    )
    for route in res.routes:
        _lower_route(cx, res, route)


def _authorizer(cx: Lowering, api: m.Resource, auth: m.Auth, nid: str, source: Span) -> None:
    if auth.kind == "pool":
        assert auth.pool is not None
        issuer = cx.attr(auth.pool, "issuer")
        audience: tuple[Value, ...] = (cx.attr(auth.pool, "client_id"),)
        what = f"userpool {auth.pool}"
    else:
        issuer = cx.expr(auth.issuer)
        audience = tuple(auth.audience)
        what = "JWT issuer"
    cx.node(
        nid,
        ApiAuthorizerProps(Ref(logical_id(api.name), "id"), nid, issuer, audience, TOKEN_SOURCE),
        source,
        f"api {api.name}: authorizer ({what})",
        tags=False,
    )


def _authorization(cx: Lowering, api: m.Resource, route: m.Route) -> tuple[str, Value]:
    """A route's authorization type and JWT authorizer: its own `auth`, or the api's."""
    auth = route.auth or api.auth
    if auth is None or auth.kind == "none":
        return "NONE", None
    if auth.kind == "iam":
        return "AWS_IAM", None
    if route.auth is None or route.auth == api.auth:
        return "JWT", Ref(f"{logical_id(api.name)}Authorizer", "id")
    nid = f"{route_id(api.name, route.method, route.path)}Authorizer"
    _authorizer(cx, api, auth, nid, route.span)
    return "JWT", Ref(nid, "id")


def _lower_route(cx: Lowering, api: m.Resource, route: m.Route) -> None:
    aid = logical_id(api.name)
    rid = route_id(api.name, route.method, route.path)
    target = cx.app.resources[route.target]
    if target.kind == "function":
        integration = ApiIntegrationProps(
            api=Ref(aid, "id"),
            type="AWS_PROXY",
            subtype=None,
            uri=cx.arn_of(target.name),
            credentials=None,
            parameters=None,
            payload_version="2.0",
        )
        permission(
            cx,
            f"{rid}Permission",
            target,
            "apigateway.amazonaws.com",
            Sub.of(Ref(aid, "execution_arn"), f"/*/{_method(route.method)}{_arn_path(route.path)}"),
            route.span,
            f"api {api.name}: {route.method} {route.path} may invoke {target.name}",
        )
    else:
        parameters: dict[str, Value]
        if target.kind == "queue":
            subtype = "SQS-SendMessage"
            parameters = {
                "QueueUrl": Ref(logical_id(target.name), "url"),
                "MessageBody": "$request.body",
            }
            group = cx.expr(route.group) if route.group else cx.message_group(target)
            if group is not None:
                parameters["MessageGroupId"] = group
        elif target.kind == "bus":
            subtype = "EventBridge-PutEvents"
            parameters = {
                "Source": cx.expr(route.source) if route.source else f"{cx.app.name}.{api.name}",
                "DetailType": (
                    cx.expr(route.detail_type)
                    if route.detail_type
                    else f"{route.method} {route.path}"
                ),
                "Detail": "$request.body",
                "EventBusName": Ref(logical_id(target.name), "name"),
            }
        else:
            # `sync = true`: an Express workflow's output is the answer (StartSyncExecution).
            subtype = (
                "StepFunctions-StartSyncExecution" if route.sync else "StepFunctions-StartExecution"
            )
            parameters = {
                "StateMachineArn": Ref(logical_id(target.name), "arn"),
                "Input": "$request.body",
            }
        integration = ApiIntegrationProps(
            api=Ref(aid, "id"),
            type="AWS_PROXY",
            subtype=subtype,
            uri=None,
            credentials=Ref(f"{aid}Role", "arn"),
            parameters=parameters,
            payload_version="1.0",
        )
    cx.node(
        f"{rid}Integration",
        integration,
        route.span,
        f"api {api.name}: {route.method} {route.path} -> {target.kind} {target.name}",
        tags=False,
    )
    authorization, authorizer = _authorization(cx, api, route)
    cx.node(
        rid,
        ApiRouteProps(
            api=Ref(aid, "id"),
            key=f"{route.method} {route.path}",
            target=Sub.of("integrations/", Ref(f"{rid}Integration", "id")),
            authorization=authorization,
            authorizer=authorizer,
        ),
        route.span,
        f"api {api.name}: route {route.method} {route.path}",
        tags=False,
    )


def lower_api_roles(cx: Lowering) -> None:
    """One role per API for its service integrations: exactly the targets it sends to."""
    actions = {
        "queue": "sqs:SendMessage",
        "bus": "events:PutEvents",
        "workflow": "states:StartExecution",
    }
    for api in cx.app.of_kind("api"):
        role = RoleSpec("apigateway.amazonaws.com")
        for route in api.routes:
            target = cx.app.resources[route.target]
            if target.kind not in actions:
                continue
            action = "states:StartSyncExecution" if route.sync else actions[target.kind]
            role.add(
                Statement(
                    f"{action.split(':')[1]}{logical_id(target.name)}",
                    (action,),
                    (cx.iam_arn(target.name),),
                    route.span,
                    f"route `{route.method} {route.path}` of api `{api.name}`",
                )
            )
        if role.statements:
            aid = logical_id(api.name)
            cx.roles[aid] = role
            cx.role_node(
                f"{aid}Role",
                aid,
                role.service,
                api.span,
                f"api {api.name}: role for its service integrations",
            )


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


def _method(method: str) -> str:
    return "*" if method == "ANY" else method


def _arn_path(path: str) -> str:
    # Path parameters match any segment in the execute-api ARN.
    return re.sub(r"\{[^}]*\}", "*", path)
