"""App model -> plan: the driver over kinds, edges and compute."""

from __future__ import annotations

from .. import model as m
from ..names import logical_id
from .compute import ComputeKinds
from .edges import EdgeWiring
from .model import Output, Plan, PlanParam
from .serverless import ServerlessKinds


class _Lowering(ServerlessKinds, EdgeWiring, ComputeKinds):
    def run(self) -> Plan:
        for res in self.app.resources.values():
            getattr(self, f"lower_{res.kind}")(res)
        self.lower_api_roles()
        for edge in self.app.edges:
            self.lower_edge(edge)
        self.finish_roles()
        self.finish_policies()
        params = [
            PlanParam(p.name, logical_id(p.name), p.type, p.default)
            for p in self.app.params.values()
        ]
        outputs = [
            Output(o.name, logical_id(o.name), self.expr(o.value), o.span) for o in self.app.outputs
        ]
        return Plan(
            app=self.app.name,
            region=self.app.region,
            tags=dict(self.app.tags),
            nodes=self.nodes,
            params=params,
            outputs=outputs,
            assets=self.assets,
            diagnostics=self.diagnostics,
        )

    def finish_roles(self) -> None:
        for node in self.nodes:
            if node.type == "role":
                node.props["statements"] = list(self.roles[node.props["owner"]].statements)


def plan(app: m.App) -> Plan:
    return _Lowering(app).run()


# ---------------------------------------------------------------- small pieces
