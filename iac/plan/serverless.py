"""Lowering of the serverless kinds: functions, storage, messaging, APIs, schedules."""

from __future__ import annotations

import json
import re
from typing import Any

from .. import model as m
from ..names import logical_id, physical
from .assets import zip_code
from .base import MAX_MESSAGE_SIZE, LoweringBase
from .iam import LOG_WRITER, RoleSpec, Statement
from .model import Node
from .values import Ref, Sub, arn

BUCKET_PREFIX_LIMIT = 37
# Incomplete multipart uploads cost storage and are never useful after a week.
ABORT_UPLOADS_DAYS = 7
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


class ServerlessKinds(LoweringBase):
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

    def lower_bucket(self, res: m.Resource) -> None:
        bid = logical_id(res.name)
        has_events = res.name in self.edge_sources
        self.add(
            Node(
                bid,
                "bucket",
                {
                    "name": self.expr(res.attrs["name"]) if res.attrs.get("name") else None,
                    # Terraform's bucket_prefix takes at most 37 characters, the `-` included.
                    "name_prefix": physical(self.prefix, res.name, BUCKET_PREFIX_LIMIT - 1) + "-"
                    if isinstance(self.prefix, str)
                    else None,
                    "versioned": res.attrs["versioned"],
                    "public": res.attrs["public"],
                    "expire_days": (res.attrs["expire_after"] // 86400)
                    if res.attrs["expire_after"]
                    else None,
                    "eventbridge": has_events,
                    "abort_uploads_days": ABORT_UPLOADS_DAYS,
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
                    # FIFO senders set no deduplication id: SQS hashes the body.
                    "content_dedup": fifo,
                    "max_message_size": MAX_MESSAGE_SIZE,
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
                {
                    "name": self.name_of(res, "topic", ".fifo" if fifo else ""),
                    "fifo": fifo,
                    "content_dedup": fifo,
                },
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
                    "description": self.expr(res.attrs.get("description"))
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
        name = self.name_of(res, "api")
        self.add(
            Node(
                f"{aid}AccessLogs",
                "log_group",
                {"name": Sub.of("/aws/apigateway/", name), "retention_days": 30},
                res.span,
                f"api {res.name}: access logs",
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
                    "access_logs": Ref(f"{aid}AccessLogs", "arn"),
                    "access_log_format": ACCESS_LOG_FORMAT,
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
                parameters = {
                    "QueueUrl": Ref(logical_id(target.name), "url"),
                    "MessageBody": "$request.body",
                }
                group = self.message_group(target)
                if group is not None:
                    parameters["MessageGroupId"] = group
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
        actions = {
            "queue": "sqs:SendMessage",
            "bus": "events:PutEvents",
            "workflow": "states:StartExecution",
        }
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
                        (self.iam_arn(target.name),),
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
