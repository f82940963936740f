"""Naming rules shared by the checker and the plan."""

from __future__ import annotations

import functools
import re
from functools import partial
from typing import TYPE_CHECKING, Any

from .catalog import ENDPOINT_SERVICES, GATEWAY_SERVICES
from .digest import sha256_hex
from .model import async_config, async_invoked, dead_letter_queues, source_kind
from .records import record

if TYPE_CHECKING:
    from .model import App, Resource
    from .source import Span

NAME_RE = re.compile(r"[a-z][a-z0-9_]*\Z")
MAX_NAME = 64  # logical IDs (255) and physical names are built from it, with suffixes


@functools.lru_cache(maxsize=1 << 16)
def logical_id(name: str) -> str:
    """PascalCase of a program name: `order_table` -> `OrderTable`. Cached: the checker,
    the plan and every target ask again for the same few thousand names (on every
    keystroke in the language server)."""
    return "".join(part[:1].upper() + part[1:] for part in name.split("_") if part)


def physical(prefix: str, name: str, limit: int) -> str:
    """`PREFIX-NAME` with `_` as `-`, cut to `limit` with a short stable hash."""
    full = f"{prefix}-{name}".replace("_", "-") if prefix else name.replace("_", "-")
    if len(full) <= limit:
        return full
    digest = sha256_hex(full.encode())[:8]
    return full[: limit - 9].rstrip("-") + "-" + digest


def kebab(name: str) -> str:
    return name.replace("_", "-")


# ---------------------------------------------------------------- generated logical IDs
#
# Every logical ID the plan gives a node, derived from the app model alone, so the
# checker can refuse a program whose names collide before the plan would (E201), and
# `iac check` is clean exactly when `iac compile` gets past naming. tests/test_names.py
# holds this list equal to the IDs of the plan of every test program.

CLUSTER_ID = "Cluster"
# The generated VPC of an app with containers and no `network` block.
VPC_IDS = (
    "Vpc",
    "VpcInternetGateway",
    "VpcGatewayAttachment",
    "VpcPublicRouteTable",
    "VpcPublicRoute",
    "VpcPublicSubnet1",
    "VpcPublicSubnet1RouteTableAssociation",
    "VpcPublicSubnet2",
    "VpcPublicSubnet2RouteTableAssociation",
    "VpcTaskSecurityGroup",
    "VpcFlowLogs",
    "VpcFlowLogRole",
    "VpcFlowLog",
)


def endpoint_id(service: str) -> str:
    """`bedrock-runtime` -> `BedrockRuntime`: the middle of a VPC endpoint's ID."""
    return "".join(p[:1].upper() + p[1:] for p in service.split("-"))


def edge_id(source: str, event: str, target: str, index: int = 1) -> str:
    """`on uploads.created -> resize` -> `UploadsCreatedToResize` (`...2` for a second)."""
    base = f"{logical_id(source)}{logical_id(event)}To{logical_id(target)}"
    return base + (str(index) if index > 1 else "")


def schedule_target_id(schedule: str, target: str) -> str:
    """The ID a schedule's target is known by: `NightlyToReport`."""
    return f"{logical_id(schedule)}To{logical_id(target)}"


def route_id(api: str, method: str, path: str) -> str:
    """`GET /orders/{id}` of api `shop` -> `ShopGetOrdersId` (`ShopGetRoot` for `/`)."""
    words = re.findall(r"[A-Za-z0-9]+", path)
    tail = "".join(w[:1].upper() + w[1:] for w in words) or "Root"
    return f"{logical_id(api)}{method.capitalize()}{tail}"


@record
class Generated:
    """One logical ID of the output, and the program text it comes from."""

    id: str
    what: str  # "the role of function `foo`"
    span: Span | None
    owner: str | None = None  # the resource or param whose declaration makes it
    declared: bool = False  # the program's own name for it (a resource or a param)
    target: str = "every target"  # where the ID lives


def generated_ids(app: App, memo: dict[str, Any] | None = None) -> list[Generated]:
    """Every logical ID the plan makes for `app`: params, resources and what each brings
    with it (roles, log groups, policies, permissions, routes, edges, the VPC), in the
    order the plan makes them. With a `memo` (the language server's, from the last
    check), a resource's own IDs are taken from it while the resource is the same
    object and what else they depend on is unchanged."""
    out: list[Generated] = []
    res = app.resources

    def add(
        lid: str, what: str, span: Span | None, owner: str | None = None, declared: bool = False
    ) -> None:
        out.append(Generated(lid, what, span, owner, declared))

    for p in app.params.values():
        add(logical_id(p.name), f"param `{p.name}`", p.span, p.name, declared=True)
    # Rules and topics that send to a queue or topic need its resource policy.
    senders = {
        e.target
        for e in app.edges
        if e.target in res
        and _source_kind(app, e.source) in ("bucket", "bus", "schedule", "topic")
        and res[e.target].kind in ("queue", "topic")
    }
    # ... and the dead-letter queues those rules and topics send to.
    senders |= {str(e.options["dead_letter"]) for e in app.edges if e.options.get("dead_letter")}
    if app.alarms is not None:
        senders.add(app.alarms)  # CloudWatch publishes to it
    network_made = False  # the cluster, and the VPC when the app has no `network`
    invoked = async_invoked(app)
    kept: dict[str, Any] = {}
    for r in res.values():
        if r.kind == "container":
            lid, this = logical_id(r.name), f"{r.kind} `{r.name}`"
            add(lid, this, r.span, r.name, declared=True)
            if not network_made:
                add(CLUSTER_ID, "the app's ECS cluster", r.span, r.name)
            if app.network is None and not network_made:
                for vid in VPC_IDS:
                    add(vid, "a part of the VPC made for the app's containers", r.span, r.name)
            network_made = True  # one cluster (and VPC) for every container
            for tail, what in (
                ("LogGroup", "log group"),
                ("ExecutionRole", "execution role"),
                ("TaskRole", "task role"),
            ):
                add(f"{lid}{tail}", f"the {what} of {this}", r.span, r.name)
            continue
        # what a resource's IDs depend on besides the resource itself
        sender = r.name in senders
        configured = r.kind == "function" and async_config(r, invoked)
        kinds = (
            tuple([getattr(res.get(t.target), "kind", None) for t in r.routes]) if r.routes else ()
        )
        if memo is None:
            _resource_ids(out, r, sender, configured, kinds)
            continue
        found = memo.get(r.name)
        if found is None or found[0] is not r or found[1] != (sender, configured, kinds):
            mine: list[Generated] = []
            _resource_ids(mine, r, sender, configured, kinds)
            found = (r, (sender, configured, kinds), mine)
        out += found[2]
        kept[r.name] = found
    if memo is not None:
        memo.clear()
        memo.update(kept)
    vpc_functions = [r for r in res.values() if r.kind == "function" and r.attrs.get("vpc")]
    if vpc_functions and app.network is None:
        first = vpc_functions[0]
        ids = [] if network_made else ["Vpc", "VpcFlowLogs", "VpcFlowLogRole", "VpcFlowLog"]
        ids += ["VpcPrivateRouteTable", "VpcFunctionSecurityGroup"]
        for i in (1, 2):
            ids += [f"VpcPrivateSubnet{i}", f"VpcPrivateSubnet{i}RouteTableAssociation"]
        services = _endpoint_services(app, vpc_functions)
        if services:
            ids.append("VpcEndpointSecurityGroup")
        ids += [f"Vpc{endpoint_id(s)}Endpoint" for s in (*GATEWAY_SERVICES, *services)]
        for vid in ids:
            add(vid, "a part of the VPC made for the app's functions", first.span, first.name)
    for lid, owner in alarm_ids(app):
        add(lid, f"an alarm of {owner.kind} `{owner.name}`", owner.span, owner.name)
    events_roles: set[str] = set()
    for e in app.edges:
        source_kind, target = _source_kind(app, e.source), res.get(e.target)
        if source_kind is None or target is None:
            continue
        eid = edge_id(e.source, e.event, e.target, e.index)
        what = f"`{e.source}.{e.event} -> {e.target}`"
        if source_kind == "schedule":
            eid = schedule_target_id(e.source, e.target)
        else:
            add(eid, what, e.span)
        if source_kind in ("queue", "table") and target.kind == "workflow":
            add(f"{eid}Role", f"the pipe role of {what}", e.span)
        if source_kind in ("schedule", "bus", "bucket", "topic") and target.kind == "function":
            add(f"{eid}Permission", f"the permission of {what}", e.span)
        if (
            source_kind in ("schedule", "bus", "bucket")
            and target.kind in ("workflow", "container")
            and target.name not in events_roles
        ):
            events_roles.add(target.name)
            add(
                f"{logical_id(target.name)}EventsRole",
                f"the role EventBridge uses to start {target.kind} `{target.name}`",
                e.span,
                target.name,
            )
    return out


def _resource_ids(
    out: list[Generated],
    r: Resource,
    sender: bool,
    async_configured: bool,
    route_kinds: tuple[str | None, ...],
) -> None:
    """The IDs a resource (not a container) brings, added to `out`: `sender` when rules
    or topics send to it, `async_configured` for a function with an event-invoke
    configuration, and the kinds of an api's route targets."""

    add = partial(_add, out)

    lid = logical_id(r.name)
    this = f"{r.kind} `{r.name}`"
    if r.kind == "model":
        return  # nothing is created
    add(lid, this, r.span, r.name, declared=True)
    if r.kind == "function":
        add(f"{lid}LogGroup", f"the log group of {this}", r.span, r.name)
        add(f"{lid}Role", f"the role of {this}", r.span, r.name)
        if async_configured:
            add(f"{lid}InvokeConfig", f"the asynchronous settings of {this}", r.span, r.name)
        if r.attrs.get("url"):
            add(f"{lid}Url", f"the URL of {this}", r.span, r.name)
        if r.attrs.get("url") is True:
            add(f"{lid}UrlPermission", f"the URL permission of {this}", r.span, r.name)
            add(f"{lid}UrlInvokePermission", f"the URL's invoke permission of {this}", r.span)
    elif r.kind == "bucket":
        add(f"{lid}Policy", f"the policy of {this}", r.span, r.name)
    elif r.kind in ("queue", "topic") and sender:
        add(f"{lid}Policy", f"the policy of {this}", r.span, r.name)
    elif r.kind == "workflow":
        if r.attrs.get("express") or r.attrs.get("logging"):
            add(f"{lid}Logs", f"the execution history of {this}", r.span, r.name)
        add(f"{lid}Role", f"the role of {this}", r.span, r.name)
    elif r.kind == "userpool":
        add(f"{lid}Client", f"the app client of {this}", r.span, r.name)
    elif r.kind == "api":
        add(f"{lid}AccessLogs", f"the access log group of {this}", r.span, r.name)
        add(f"{lid}Stage", f"the stage of {this}", r.span, r.name)
        jwt = ("pool", "jwt")
        if r.auth is not None and r.auth.kind in jwt:
            add(f"{lid}Authorizer", f"the authorizer of {this}", r.span, r.name)
        for route, target_kind in zip(r.routes, route_kinds, strict=True):
            rid = route_id(r.name, route.method, route.path)
            where = f"route `{route.method} {route.path}` of {this}"
            add(rid, where, route.span, r.name)
            add(f"{rid}Integration", f"the integration of {where}", route.span, r.name)
            if route.auth is not None and route.auth.kind in jwt and route.auth != r.auth:
                add(f"{rid}Authorizer", f"the authorizer of {where}", route.span, r.name)
            if target_kind == "function":
                add(f"{rid}Permission", f"the permission of {where}", route.span, r.name)
        if any(kind not in (None, "function") for kind in route_kinds):
            add(f"{lid}Role", f"the integration role of {this}", r.span, r.name)


def _add(
    out: list[Generated],
    lid: str,
    what: str,
    span: Span | None,
    owner: str | None = None,
    declared: bool = False,
) -> None:
    out.append(Generated(lid, what, span, owner, declared))


def _source_kind(app: App, name: str) -> str | None:
    return source_kind(app.resources, name)


def alarm_ids(app: App) -> list[tuple[str, Resource]]:
    """The logical IDs of the alarms `app { alarms = TOPIC }` makes, with the resource
    each watches, in the plan's order (plan/alarms.py): each function's errors and
    throttles, each workflow's failures, then each dead-letter queue's messages."""
    if app.alarms is None:
        return []
    out: list[tuple[str, Resource]] = []
    for r in app.resources.values():
        if r.kind == "function":
            out += [(f"{logical_id(r.name)}{s}Alarm", r) for s in ("Errors", "Throttles")]
        elif r.kind == "workflow":
            out.append((f"{logical_id(r.name)}FailedAlarm", r))
    out += [(f"{logical_id(q.name)}MessagesAlarm", q) for q in dead_letter_queues(app)]
    return out


def _endpoint_services(app: App, functions: list[Resource]) -> list[str]:
    """The interface endpoints the functions' grants reach (plan/compute.py's order)."""
    out: list[str] = []
    for fn in functions:
        for grant in fn.grants:
            service = ENDPOINT_SERVICES.get(app.resources[grant.target].kind)
            if service is not None and service not in out:
                out.append(service)
    return out
