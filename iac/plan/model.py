"""What the plan is made of."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Diagnostic
from ..source import Span
from .assets import Asset
from .values import Value


@dataclass(eq=False)
class Node:
    """One resource of the output, in target-neutral terms."""

    id: str  # the logical ID every target uses
    type: str  # function, role, log_group, queue, ... (one template per type)
    props: dict[str, Any]
    source: Span | None
    label: str  # what the source comment says: `function resize`
    retain: bool = False
    tags: bool = True  # takes the app's tags
    depends_on: list[str] = field(default_factory=list)

    def __getitem__(self, key: str) -> Any:
        return self.props[key]


@dataclass(frozen=True)
class PlanParam:
    name: str
    id: str
    type: str  # string, number, bool
    default: Any


@dataclass(frozen=True)
class Output:
    name: str
    id: str
    value: Value
    source: Span | None


@dataclass
class Plan:
    app: str
    region: str
    tags: dict[str, str]
    nodes: list[Node]
    params: list[PlanParam]
    outputs: list[Output]
    assets: list[Asset]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def node(self, node_id: str) -> Node:
        return self._index[node_id]

    @property
    def _index(self) -> dict[str, Node]:
        return {n.id: n for n in self.nodes}

    def of_type(self, *types: str) -> list[Node]:
        return [n for n in self.nodes if n.type in types]
