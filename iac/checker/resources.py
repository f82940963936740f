"""Each declared resource: its attributes typed, its env and grants, its kind's rules."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import catalog as cat
from .. import model as m
from .. import syntax as s
from .context import Context, Decl
from .kinds import (
    api_rules,
    container_rules,
    function_rules,
    physical_name,
    queue_rules,
    schedule_rules,
    secret_rules,
    table_rules,
)
from .values import allow_grant, attributes, env_block, lambda_env, self_reference
from .workflows import workflow_rules

KindRule = Callable[[Context, m.Resource, Decl], None]
# Each kind's own rules, after its attributes are typed; a kind without rules has no entry.
KIND_RULES: dict[str, KindRule] = {
    "queue": queue_rules,
    "function": function_rules,
    "table": table_rules,
    "api": api_rules,
    "schedule": schedule_rules,
    "container": container_rules,
    "workflow": workflow_rules,
    "secret": secret_rules,
}


def check_resource(ctx: Context, st: Decl) -> None:
    """One resource pass: attributes against the catalogue, grants, env, throttle, then
    the kind's own rules (`KIND_RULES`), its physical name, its references to itself."""
    if isinstance(st, s.WorkflowDecl):
        kind = cat.KINDS["workflow"]
        items: tuple[Any, ...] = tuple(i for i in st.steps if isinstance(i, s.Attribute))
    else:
        kind = cat.KINDS[st.kind.text]
        items = st.items
    name = st.name.text
    attrs = attributes(
        ctx,
        items,
        kind.attrs,
        f"{kind.name} `{name}`",
        blocks=kind.blocks,
        allows=kind.allows,
        kind=kind.name,
        span=st.name.span,
    )
    res = m.Resource(kind.name, name, st.span, attrs)
    for item in items:
        if isinstance(item, s.Allow):
            granted = allow_grant(ctx, item)
            if granted:
                res.grants.append(granted)
        elif isinstance(item, s.Nested) and item.name.text == "env":
            res.env = env_block(ctx, item)
            if kind.name == "function":
                lambda_env(ctx, item, res.env)
        elif isinstance(item, s.Nested) and item.name.text == "throttle":
            res.throttle = {
                k: v for k, v in attributes(ctx, item.items, cat.THROTTLE_ATTRS, "throttle").items()
            }
    rule = KIND_RULES.get(kind.name)
    if rule is not None:
        rule(ctx, res, st)
    physical_name(ctx, res, st)
    self_reference(ctx, res, items)
    ctx.resources[name] = res
