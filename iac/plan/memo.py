"""What the plan may reuse from one plan of a program to the next: the language server
holds a `PlanMemo` per program and passes it to `plan`; `iac compile` runs without one.

Lowering a resource (`KINDS[kind](cx, res)`) reads its model resource, the resources
it names (grant targets, routes, steps, references: read through `cx.app.resources`),
the app's settings and whether the resource is an edge's source; it adds nodes, roles
(with the statements it grants), role nodes and assets to the shared context. While
the model resource is the same object (the checker's memo replays unchanged
declarations) and everything it read is unchanged, what it added is added again
instead, in the same order. Later passes change some of it in place (a role node gets
its statements, a schedule's rule its targets): those nodes and the roles are added
as fresh copies of what the lowering made; every other node is the same object as in
the last plan.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any

from .. import model as m
from ..records import field, record, replace
from .assets import Asset
from .base import Lowering
from .iam import RoleSpec, Statement
from .model import Node, RoleProps, RuleProps

Lower = Callable[[Lowering, m.Resource], None]


class _Reads(dict[str, m.Resource]):
    """The app's resources, noting which a lowering looks up; a lowering that goes
    through all of them (`of_kind`) is not replayed."""

    def __init__(self, resources: dict[str, m.Resource]):
        super().__init__(resources)
        self.read: dict[str, m.Resource | None] = {}
        self.all = False

    def __getitem__(self, name: str) -> m.Resource:
        found = super().__getitem__(name)
        self.read[name] = found
        return found

    def get(self, name: str, default: Any = None) -> Any:
        found = super().get(name)
        self.read[name] = found
        return default if found is None else found

    def __contains__(self, name: object) -> bool:
        if isinstance(name, str):
            self.read[name] = super().get(name)
        return super().__contains__(name)

    def __iter__(self) -> Iterator[str]:
        self.all = True
        return super().__iter__()

    def values(self) -> Any:
        self.all = True
        return super().values()

    def items(self) -> Any:
        self.all = True
        return super().items()


@record(frozen=False)
class Lowered:
    """One resource's lowering as it ran: what it read, what it added."""

    resource: m.Resource
    source_of_edge: bool
    read: tuple[tuple[str, m.Resource | None], ...]
    # each node, and whether a later pass changes it (then it is kept as made, a copy)
    nodes: tuple[tuple[Node, bool], ...]
    roles: tuple[tuple[str, str, tuple[Statement, ...]], ...]  # key, service, statements
    role_nodes: tuple[tuple[str, str], ...]
    assets: tuple[Asset, ...]


@record(frozen=False)
class PlanMemo:
    """One program's reusable lowerings, across the plans the language server makes."""

    app: tuple[Any, ...] | None = None
    lowered: dict[str, Lowered] = field(default_factory=dict)  # by resource name
    _lowered: dict[str, Lowered] = field(default_factory=dict)
    _reads: _Reads | None = None
    _watched: m.App | None = None
    reused: int = 0  # lowerings replayed by the last plan (for the tests)

    def begin(self, cx: Lowering) -> None:
        app = cx.app
        settings = (app.name, app.region, app.prefix, app.tags, app.network, app.alarms, app.root)
        if settings != self.app:
            self.lowered = {}
        self.app = settings
        self._lowered = {}
        self._reads = _Reads(app.resources)
        self._watched = replace(app, resources=self._reads)
        self.reused = 0

    def end(self) -> None:
        # only this plan's lowerings are kept: memory stays flat over any number of edits
        self.lowered, self._lowered = self._lowered, {}
        self._reads = self._watched = None

    def lower(self, cx: Lowering, res: m.Resource, run: Lower) -> None:
        entry = self.lowered.get(res.name)
        if entry is not None and self._reusable(cx, entry, res):
            self._replay(cx, entry)
            self._lowered[res.name] = entry
            self.reused += 1
            return
        recorded = self._record(cx, res, run)
        if recorded is not None:
            self._lowered[res.name] = recorded

    def _reusable(self, cx: Lowering, entry: Lowered, res: m.Resource) -> bool:
        if entry.resource is not res or entry.source_of_edge != (res.name in cx.edge_sources):
            return False
        resources = cx.app.resources
        if not all(resources.get(name) is found for name, found in entry.read):
            return False
        by_id = cx.by_id
        return not any(node.id in by_id for node, _ in entry.nodes)  # a clash: lower it

    def _replay(self, cx: Lowering, entry: Lowered) -> None:
        for key, service, statements in entry.roles:
            cx.roles[key] = RoleSpec(service, list(statements))
        for node_id, key in entry.role_nodes:
            cx.role_nodes[node_id] = key
        for node, changed in entry.nodes:
            cx.add(_copy(node) if changed else node)
        cx.assets.extend(entry.assets)

    def _record(self, cx: Lowering, res: m.Resource, run: Lower) -> Lowered | None:
        reads, watched = self._reads, self._watched
        assert reads is not None and watched is not None  # between begin() and end()
        nodes, roles, role_nodes = len(cx.nodes), len(cx.roles), len(cx.role_nodes)
        assets, diagnostics = len(cx.assets), len(cx.diagnostics)
        app, cx.app = cx.app, watched
        reads.read, reads.all = {}, False
        try:
            run(cx, res)
        finally:
            cx.app = app
        read = tuple(reads.read.items())
        if (
            reads.all
            or len(cx.diagnostics) != diagnostics
            or res.kind == "container"  # the cluster and the VPC are made by the first
            or any(found is not None and found.kind == "container" for _, found in read)
        ):
            return None
        new_roles = tuple(islice(cx.roles, roles, None))
        return Lowered(
            res,
            res.name in cx.edge_sources,
            read,
            tuple((_copy(n), True) if _changed_later(n) else (n, False) for n in cx.nodes[nodes:]),
            tuple((k, cx.roles[k].service, tuple(cx.roles[k].statements)) for k in new_roles),
            tuple(islice(cx.role_nodes.items(), role_nodes, None)),
            tuple(cx.assets[assets:]),
        )


def _changed_later(node: Node) -> bool:
    """Nodes a later pass changes in place: a role's statements (`finish_roles`), a
    rule's targets (a schedule's, by the edges)."""
    return isinstance(node.props, RoleProps | RuleProps)


def _copy(node: Node) -> Node:
    return Node(
        node.id, node.props, node.source, node.label, node.retain, node.tags, node.depends_on
    )
