"""AWS SAM: CloudFormation's templates, with the serverless shorthands where SAM
says exactly what the plan does.

SAM inherits every template of the cfn target and overrides functions
(`AWS::Serverless::Function`, its code a `CodeUri` to the zip in `assets/`, so
`sam deploy` uploads it) and state machines (`AWS::Serverless::StateMachine`).
An edge becomes one of a function's `Events` only where SAM writes the same
resource the plan has: queue and stream mappings (`SQS`, `DynamoDB`) of an app
without tags (the mapping SAM writes for an event has no tags). Other edges
stay plain CloudFormation: SAM's `SNS`, `Schedule` and `EventBridgeRule` events
grant the invoke permission without the plan's `SourceAccount`, and its `HttpApi`
makes its own `$default` stage and an OpenAPI body that would replace the plan's
routes on update.

Every function and state machine names the role the plan made (`Role`): the
role SAM would generate attaches AWS managed policies (basic execution, queue and
stream polling) that grant more than the plan's inline statements.
"""

from __future__ import annotations

from typing import Any

from ..plan import Plan
from ..plan.model import EventSourceMappingProps, FunctionProps, Node
from ..plan.values import Ref
from ..records import record
from .base import render_with
from .cfn import CfnTarget

TRANSFORM = "AWS::Serverless-2016-10-31"
# SAM's Tags on these are a map; the rest are CloudFormation's.
MAP_TAGS = {"function", "state_machine"}


@record
class Event:
    """One entry of a function's `Events`: the mapping node it stands for. Its
    properties are the mapping's own, spelled by the template CloudFormation's
    mapping uses (`targets/cfn/mapping_settings.j2`); SAM passes them to the mapping
    as they are (no `Type` on the destination: that would make SAM grant the role on
    its own)."""

    name: str
    type: str  # SQS | DynamoDB
    source_key: str  # Queue | Stream
    props: EventSourceMappingProps


class SamTarget(CfnTarget):
    name = "sam"
    parent = CfnTarget

    def __init__(self, plan: Plan):
        super().__init__(plan)
        self.events: dict[str, list[Event]] = {}
        self.absorbed: set[str] = set()
        for node in plan.nodes:
            self._as_event(node)

    def _as_event(self, node: Node) -> None:
        """Fold a queue or stream mapping into its function's `Events` when SAM
        writes exactly that mapping, under a logical ID no other resource has."""
        if node.type != "event_source_mapping":
            return
        if node.tags and self.plan.tags:
            return  # SAM's events carry no tags, and PropagateTags doesn't reach them

        p = node.props
        assert isinstance(p, EventSourceMappingProps)
        function, source = p.function, p.source_arn
        if not (isinstance(function, Ref) and isinstance(source, Ref)):
            return
        fn = self.nodes.get(function.node)
        origin = self.nodes.get(source.node)
        if fn is None or fn.type != "function" or origin is None:
            return
        assert isinstance(fn.props, FunctionProps)
        role = fn.props.role
        if not set(node.depends_on) <= ({role.node} if isinstance(role, Ref) else set()):
            return  # SAM's mapping waits for the function (and so its role) only
        if f"{fn.id}{node.id}" in self.nodes:
            return  # SAM names the mapping FunctionEvent
        if origin.type == "queue" and p.starting_position is None:
            kind, source_key = "SQS", "Queue"
        elif origin.type == "table" and p.starting_position:
            kind, source_key = "DynamoDB", "Stream"
        else:
            return
        self.events.setdefault(fn.id, []).append(Event(node.id, kind, source_key, p))
        self.absorbed.add(node.id)

    def tags(self, node: Node) -> dict[str, Any] | list[dict[str, str]] | None:
        if node.type in MAP_TAGS and node.tags and self.plan.tags:
            return dict(self.plan.tags)
        return super().tags(node)

    def render_key(self, node: Node) -> Any:
        return (tuple(self.events.get(node.id, ())), node.id in self.absorbed)

    def context(self, node: Node) -> dict[str, Any]:
        return {**super().context(node), "events": self.events.get(node.id, [])}

    def resource(self, node: Node) -> str | None:
        if node.id in self.absorbed:
            return None  # written as its function's event
        return super().resource(node)

    def layout(self, blocks: list[str]) -> str:
        template = self.get_template("template.yaml.j2")
        assert template is not None
        # No bucket parameter: `sam deploy` uploads each CodeUri and fills it in.
        return self.render_template(template, plan=self.plan, resources=blocks, transform=TRANSFORM)


render = render_with(SamTarget)

__all__ = ["SamTarget", "render"]
