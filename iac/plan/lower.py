"""App model -> plan: the driver that runs the lowering passes in order.

Each pass is a function over one explicit context (base.Lowering: the nodes so far,
roles, assets, diagnostics). Resources are lowered first, each by its kind's function
in KINDS; then the APIs' roles, the event edges, and the two passes that can only run
once every grant is known: role statements and resource policies.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .. import model as m
from ..names import logical_id
from ..source import Span
from . import alarms, compute, edges, serverless
from .base import Lowering
from .model import Output, Plan, PlanParam, RoleProps

if TYPE_CHECKING:  # the language server's; a compile never loads it
    from .memo import PlanMemo

# resource kind -> the function that lowers one resource of it
KINDS: dict[str, Callable[[Lowering, m.Resource], None]] = {
    "function": serverless.lower_function,
    "bucket": serverless.lower_bucket,
    "queue": serverless.lower_queue,
    "topic": serverless.lower_topic,
    "table": serverless.lower_table,
    "secret": serverless.lower_secret,
    "bus": serverless.lower_bus,
    "model": serverless.lower_model,
    "schedule": serverless.lower_schedule,
    "api": serverless.lower_api,
    "userpool": serverless.lower_userpool,
    "workflow": compute.lower_workflow,
    "container": compute.lower_container,
}


def plan(app: m.App, memo: PlanMemo | None = None) -> Plan:
    """The plan of a checked app. With a `memo` (the language server's), a resource
    whose lowering read nothing that changed since the memo's last plan is not lowered
    again: what it added is added again (iac/plan/memo.py)."""
    cx = Lowering(app)
    if memo is None:
        for res in app.resources.values():
            KINDS[res.kind](cx, res)
    else:
        memo.begin(cx)
        for res in app.resources.values():
            memo.lower(cx, res, KINDS[res.kind])
        memo.end()
    compute.private_network(cx)  # once every `vpc = true` function is known
    serverless.lower_api_roles(cx)
    for edge in app.edges:
        edges.lower_edge(cx, edge)
    edges.lower_async_configs(cx)
    alarms.lower_alarms(cx)
    finish_roles(cx)
    edges.finish_policies(cx)
    return Plan(
        app=app.name,
        region=app.region,
        tags=dict(app.tags),
        nodes=cx.nodes,
        params=[
            PlanParam(p.name, logical_id(p.name), p.type, p.default, declaration(p.span))
            for p in app.params.values()
        ],
        outputs=[
            Output(o.name, logical_id(o.name), cx.expr(o.value), o.span, declaration(o.span))
            for o in app.outputs
        ],
        assets=cx.assets,
        diagnostics=cx.diagnostics,
        name_prefix=cx.prefix,
    )


# CloudFormation takes at most 1024 characters in an output's description.
DESCRIPTION_LIMIT = 1000


def declaration(span: Span) -> str:
    """A param's or output's declaration on one line (`param stage: string = "dev"`):
    every target's description of it, stable while the declaration is unchanged."""
    text = " ".join(span.text.split())
    return text if len(text) <= DESCRIPTION_LIMIT else text[: DESCRIPTION_LIMIT - 3] + "..."


def finish_roles(cx: Lowering) -> None:
    """Every role node gets the statements its role gathered from every pass."""
    for node in cx.nodes:
        key = cx.role_nodes.get(node.id)
        if key is not None and isinstance(node.props, RoleProps):
            node.props = RoleProps(node.props.service, tuple(cx.roles[key].statements))
