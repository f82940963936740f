"""The app model: what the checker proves about a program, typed and defaulted.
It knows nothing of Lark or of targets."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import syntax
from .source import Span


@dataclass(frozen=True)
class ParamRef:
    name: str


@dataclass(frozen=True)
class AttrRef:
    """An attribute of a resource: `orders.arn`; `attr` is never empty."""

    resource: str
    attr: str


@dataclass(frozen=True)
class Interp:
    """A string with `${...}` in it: literal text and references, in order."""

    parts: tuple[str | ParamRef | AttrRef, ...]


Expr = str | int | float | bool | ParamRef | AttrRef | Interp | tuple


@dataclass(frozen=True)
class Grant:
    """`allow orders: read, write` on a resource with a role."""

    target: str
    ops: tuple[str, ...]
    span: Span


@dataclass(frozen=True)
class TableKey:
    name: str
    type: str  # string, number, binary


@dataclass(frozen=True)
class TableIndex:
    name: str
    key: TableKey
    sort: TableKey | None


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    target: str
    span: Span


@dataclass
class Resource:
    kind: str
    name: str
    span: Span
    attrs: dict[str, Any]  # every catalogue attribute, defaulted; None when unset
    env: dict[str, Expr] = field(default_factory=dict)
    grants: list[Grant] = field(default_factory=list)
    implicit: bool = False  # made by the compiler (a dead-letter queue, a shorthand schedule)
    # kind-specific shapes
    key: TableKey | None = None
    sort: TableKey | None = None
    indexes: list[TableIndex] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)
    throttle: dict[str, float] = field(default_factory=dict)
    steps: tuple[syntax.Step, ...] = ()
    code_path: Path | None = None  # resolved, absolute

    def __getitem__(self, attr: str) -> Any:
        return self.attrs[attr]


@dataclass(frozen=True)
class Edge:
    """`on SOURCE.EVENT(filters) -> TARGET { options }`, or a schedule's tick."""

    source: str
    event: str
    target: str
    filters: dict[str, tuple[str, ...]]
    options: dict[str, Any]
    span: Span
    index: int  # the edge's number among the edges between the same pair, from 1


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | int | float | bool | None
    span: Span


@dataclass(frozen=True)
class Output:
    name: str
    value: Expr
    span: Span


@dataclass
class App:
    name: str
    region: str
    prefix: Expr
    tags: dict[str, str]
    network: dict[str, tuple[str, ...]] | None
    resources: dict[str, Resource]  # in source order
    edges: list[Edge]
    params: dict[str, Param]
    outputs: list[Output]
    root: Path  # the program's file or directory

    def of_kind(self, *kinds: str) -> list[Resource]:
        return [r for r in self.resources.values() if r.kind in kinds]

    def edges_from(self, name: str) -> list[Edge]:
        return [e for e in self.edges if e.source == name]

    def edges_to(self, name: str) -> list[Edge]:
        return [e for e in self.edges if e.target == name]
