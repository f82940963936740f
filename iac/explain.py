"""`iac explain`: every IAM statement of the plan, with the line it came from and why.

Pure functions from a plan to data, and two renderers (text and JSON). Roles are the
plan nodes of type `role`; resource policies are any other node that carries
`statements`. Plan values are spelled neutrally, neither as CloudFormation nor as
Terraform: `Orders.arn` for a reference, `${AWS::Region}` for a pseudo value,
`${stage}` for a param inside a string.
"""

from __future__ import annotations

import json
from typing import Any

from .plan.iam import Statement
from .plan.model import (
    EventInvokeConfigProps,
    EventSourceMappingProps,
    Node,
    Plan,
    QueueProps,
    RuleProps,
    SubscriptionProps,
)
from .plan.values import spell as spell  # where it is spelled; explain's own, re-exported
from .records import record


@record
class ExplainedStatement:
    sid: str
    effect: str
    actions: tuple[str, ...]
    resources: tuple[str, ...]
    file: str | None
    line: int | None
    reason: str
    principal: str | None  # resource policies only: who the statement lets in
    conditions: dict[str, Any]


@record
class Explained:
    """One role, or one resource policy (`kind == "policy"`, no `service`)."""

    id: str
    kind: str  # role | policy
    owner: str
    service: str | None
    statements: tuple[ExplainedStatement, ...]


# ---------------------------------------------------------------- spelling plan values


def _text(value: Any) -> str:
    spelled = spell(value)
    return spelled if isinstance(spelled, str) else json.dumps(spelled, sort_keys=True)


# ---------------------------------------------------------------- from the plan


def explain(plan: Plan) -> list[Explained]:
    """Every role of the plan, then every resource policy, each in plan order."""
    roles = [_explain_node(n) for n in plan.nodes if n.type == "role"]
    policies = [
        _explain_node(n)
        for n in plan.nodes
        if n.type != "role" and isinstance(getattr(n.props, "statements", None), tuple)
    ]
    return roles + policies


def _explain_node(node: Node) -> Explained:
    statements = [s for s in getattr(node.props, "statements", ()) if isinstance(s, Statement)]
    service = getattr(node.props, "service", None)
    return Explained(
        id=node.id,
        kind="role" if node.type == "role" else "policy",
        owner=node.label,
        service=service if isinstance(service, str) else None,
        statements=tuple(_explain_statement(s) for s in statements),
    )


def _explain_statement(st: Statement) -> ExplainedStatement:
    return ExplainedStatement(
        sid=st.sid,
        effect=st.effect,
        actions=tuple(st.actions),
        resources=tuple(_text(r) for r in st.resources),
        file=st.source.source.display if st.source is not None else None,
        line=st.source.line if st.source is not None else None,
        reason=st.reason,
        principal=st.principal,
        conditions=spell(st.conditions),
    )


@record
class Delivery:
    """How one asynchronous edge (or function) retries, and where what fails goes."""

    id: str
    what: str  # the node's label, and the target of a rule
    file: str | None
    line: int | None
    settings: tuple[tuple[str, str], ...]  # (setting, value) in the order shown


def deliveries(plan: Plan) -> list[Delivery]:
    """Every retry policy and dead-letter destination of the plan, in plan order: no
    event is silently lost, and this is where each one goes instead."""
    out: list[Delivery] = []
    for node in plan.nodes:
        p = node.props
        rows: list[tuple[str, tuple[tuple[str, str], ...]]] = []
        settings: list[tuple[str, str]]
        if isinstance(p, RuleProps):
            for t in p.targets:
                settings = [("retries", str(t.retries)), ("max age", _seconds(t.max_age))]
                settings.append(("dead letter", _text(t.dead_letter) if t.dead_letter else "none"))
                rows.append((f"{node.label}: target {t.id}", tuple(settings)))
        elif isinstance(p, SubscriptionProps):
            shown = _text(p.dead_letter) if p.dead_letter else "none"
            rows.append((node.label, (("dead letter", shown),)))
        elif isinstance(p, EventSourceMappingProps):
            settings = []
            if p.retries is not None:
                settings += [("retries", str(p.retries)), ("max age", _seconds(p.max_age))]
                settings += [("bisect", "yes" if p.bisect else "no")]
                settings += [("on failure", _text(p.on_failure) if p.on_failure else "none")]
            if p.max_concurrency is not None:
                settings.append(("max concurrency", str(p.max_concurrency)))
            if settings:
                rows.append((node.label, tuple(settings)))
        elif isinstance(p, EventInvokeConfigProps):
            settings = [("retries", str(p.retries)), ("max age", _seconds(p.max_age))]
            if p.on_success:
                settings.append(("on success", _text(p.on_success)))
            settings.append(("on failure", _text(p.on_failure) if p.on_failure else "none"))
            rows.append((node.label, tuple(settings)))
        elif isinstance(p, QueueProps) and p.dlq:
            shown = f"after {p.max_receives} receives, {_text(p.dlq)}"
            rows.append((node.label, (("dead letter", shown),)))
        for what, row in rows:
            out.append(
                Delivery(
                    node.id,
                    what,
                    node.source.source.display if node.source is not None else None,
                    node.source.line if node.source is not None else None,
                    row,
                )
            )
    return out


def _seconds(value: int | None) -> str:
    if value is None:
        return "none"
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if value % size == 0:
            return f"{value // size}{unit}"
    return f"{value}s"


def render_deliveries(found: list[Delivery]) -> str:
    """A line per edge: what it is, where it comes from, its retries and destination."""
    if not found:
        return ""
    lines = ["deliveries (retries, and where what still fails goes)"]
    for d in found:
        where = f"{d.file}:{d.line}" if d.file is not None else "no source line"
        lines.append(f"  {d.id}  {where}  {d.what}")
        lines.extend(f"    {k:<15} {v}" for k, v in d.settings)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- rendering


def to_data(entries: list[Explained]) -> list[dict[str, Any]]:
    return [
        {
            "role": e.id,
            "kind": e.kind,
            "owner": e.owner,
            "service": e.service,
            "statements": [
                {
                    "sid": s.sid,
                    "effect": s.effect,
                    "actions": list(s.actions),
                    "resources": list(s.resources),
                    "file": s.file,
                    "line": s.line,
                    "reason": s.reason,
                    "principal": s.principal,
                    "conditions": s.conditions,
                }
                for s in e.statements
            ],
        }
        for e in entries
    ]


def render_json(entries: list[Explained]) -> str:
    return json.dumps(to_data(entries), indent=2, ensure_ascii=False)


def render_human(entries: list[Explained], found: list[Delivery] | None = None) -> str:
    """A block per role or policy; a statement shows what, on what, from where, and why.
    Then, given `found` (`deliveries(plan)`), every edge's retries and destinations."""
    blocks = []
    for e in entries:
        head = f"{e.kind} {e.id} ({e.owner})"
        if e.service:
            head += f", assumed by {e.service}"
        lines = [head]
        for s in e.statements:
            where = f"{s.file}:{s.line}" if s.file is not None else "no source line"
            lines.append(f"  {s.sid}  {where}")
            lines.append(f"    {s.effect.lower():<9} {', '.join(s.actions)}")
            if s.principal is not None:
                lines.append(f"    {'to':<9} {'anyone' if s.principal == '*' else s.principal}")
            lines.extend(f"    {'on' if i == 0 else '':<9} {r}" for i, r in enumerate(s.resources))
            for test, pairs in s.conditions.items():
                items = pairs.items() if isinstance(pairs, dict) else [("", pairs)]
                for key, value in items:
                    shown = value if isinstance(value, str) else json.dumps(value)
                    lines.append(f"    {'when':<9} {test} {key} = {shown}")
            lines.append(f"    {'because':<9} {s.reason or '(no reason recorded)'}")
        if not e.statements:
            lines.append("  (no statements)")
        blocks.append("\n".join(lines) + "\n")
    roles = sum(1 for e in entries if e.kind == "role")
    policies = len(entries) - roles
    count = sum(len(e.statements) for e in entries)
    summary = (
        f"{roles} role{'s' * (roles != 1)}, {policies} resource "
        f"polic{'ies' if policies != 1 else 'y'}, {count} statement{'s' * (count != 1)}\n"
    )
    if found:
        blocks.append(render_deliveries(found))
    return "\n".join(blocks + [summary])
