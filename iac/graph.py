"""A picture of the app, from the checked app model: `iac graph`.

Resources are nodes shaped by kind; events, routes and workflow steps are labelled
edges; grants are dashed edges; a dead-letter queue sits beside its queue (or the
consumer it was made for); a workflow is a subgraph of its steps (a start node and one
node per task, in source order). One `Graph` value, three spellings: Mermaid (renders
on GitHub as is), DOT (Graphviz) and JSON. SVG and PNG are DOT rendered by Graphviz's `dot`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .model import App, Match, Task, walk_steps

# kind -> (Graphviz shape, Mermaid opening and closing brackets)
SHAPES: dict[str, tuple[str, str, str]] = {
    "function": ("box", "([", "])"),
    "bucket": ("cylinder", "[(", ")]"),
    "table": ("cylinder", "[(", ")]"),
    "queue": ("cds", "[[", "]]"),
    "topic": ("hexagon", "{{", "}}"),
    "bus": ("parallelogram", "[/", "/]"),
    "api": ("house", ">", "]"),
    "schedule": ("circle", "((", "))"),
    "container": ("component", "[", "]"),
    "secret": ("octagon", "{", "}"),
    "model": ("egg", "([", "])"),
    "workflow": ("doubleoctagon", "[[", "]]"),
    "step": ("box", "[", "]"),
}


@dataclass(frozen=True)
class GNode:
    id: str
    kind: str
    label: str


@dataclass(frozen=True)
class GEdge:
    source: str
    target: str
    label: str
    style: str  # event, route, step, grant, dlq, sequence


@dataclass
class Cluster:
    id: str
    label: str
    nodes: list[str] = field(default_factory=list)


@dataclass
class Graph:
    nodes: list[GNode] = field(default_factory=list)
    edges: list[GEdge] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    beside: list[tuple[str, str]] = field(default_factory=list)  # drawn side by side


def _id(name: str) -> str:
    return "r_" + name  # program names are [a-z][a-z0-9_]*; the prefix avoids keywords


def build_graph(app: App) -> Graph:
    g = Graph()
    in_cluster: set[str] = set()
    for res in app.resources.values():
        if res.kind == "workflow":
            cluster = Cluster("c_" + res.name, f"workflow {res.name}", [_id(res.name)])
            previous = _id(res.name)
            tasks = [st for st in walk_steps(res.steps) if isinstance(st, Task)]
            for number, task in enumerate(tasks, 1):
                sid = f"s_{res.name}_{number}"
                g.nodes.append(GNode(sid, "step", f"{task.verb} {task.target}"))
                cluster.nodes.append(sid)
                g.edges.append(GEdge(previous, sid, "", "sequence"))
                g.edges.append(GEdge(sid, _id(task.target), task.verb, "step"))
                previous = sid
            g.clusters.append(cluster)
            in_cluster.update(cluster.nodes)
        g.nodes.append(GNode(_id(res.name), res.kind, f"{res.kind} {res.name}"))
    names = set(app.resources)
    for res in app.resources.values():
        for route in res.routes:
            g.edges.append(
                GEdge(_id(res.name), _id(route.target), f"{route.method} {route.path}", "route")
            )
        # The user pools an api (or one of its routes) trusts: drawn like a grant.
        pools = [a.pool for a in (res.auth, *(r.auth for r in res.routes)) if a and a.pool]
        for pool in dict.fromkeys(pools):
            if pool in names:
                g.edges.append(GEdge(_id(pool), _id(res.name), "auth", "grant"))
        for grant in res.grants:
            if grant.target in names:
                g.edges.append(
                    GEdge(_id(res.name), _id(grant.target), ", ".join(grant.ops), "grant")
                )
        dlq = f"{res.name}_dlq"
        redrive = res.kind == "queue" and res.attrs.get("max_receives")
        # ... and an asynchronous consumer's, which the compiler made for it.
        if dlq in names and (redrive or app.resources[dlq].implicit):
            g.edges.append(GEdge(_id(res.name), _id(dlq), "dead letters", "dlq"))
            g.beside.append((_id(res.name), _id(dlq)))
    for edge in app.edges:
        if edge.source not in app.resources and not any(n.id == _id(edge.source) for n in g.nodes):
            g.nodes.append(GNode(_id(edge.source), "bus", f"bus {edge.source} (the account's)"))
        filters = ", ".join(f"{k}: {match_text(v)}" for k, v in edge.filters.items())
        label = edge.event + (f" ({filters})" if filters else "")
        g.edges.append(GEdge(_id(edge.source), _id(edge.target), label, "event"))
    # Workflow nodes are drawn inside their cluster, in the order above.
    order = {n.id: i for i, n in enumerate(g.nodes)}
    g.nodes.sort(key=lambda n: (n.id in in_cluster, order[n.id]))
    return g


# ---------------------------------------------------------------- spellings


def _mermaid_text(text: str) -> str:
    return '"' + text.replace('"', "#quot;") + '"'


def to_mermaid(g: Graph) -> str:
    lines = ["flowchart LR"]
    clustered = {n for c in g.clusters for n in c.nodes}
    by_id = {n.id: n for n in g.nodes}

    def node_line(n: GNode, indent: str) -> str:
        _, left, right = SHAPES.get(n.kind, ("box", "[", "]"))
        return f"{indent}{n.id}{left}{_mermaid_text(n.label)}{right}"

    for n in g.nodes:
        if n.id not in clustered:
            lines.append(node_line(n, "  "))
    for c in g.clusters:
        lines.append(f"  subgraph {c.id}[{_mermaid_text(c.label)}]")
        lines.extend(node_line(by_id[n], "    ") for n in c.nodes if n in by_id)
        lines.append("  end")
    for e in g.edges:
        arrow = "-.->" if e.style in ("grant", "dlq") else "-->"
        label = f"|{_mermaid_text(e.label)}|" if e.label else ""
        lines.append(f"  {e.source} {arrow}{label} {e.target}")
    return "\n".join(lines) + "\n"


def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(g: Graph, name: str = "app") -> str:
    lines = [
        f"digraph {_dot_text(name)} {{",
        "  rankdir=LR;",
        '  node [fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    clustered = {n for c in g.clusters for n in c.nodes}
    by_id = {n.id: n for n in g.nodes}

    def node_line(n: GNode, indent: str) -> str:
        shape = SHAPES.get(n.kind, ("box", "", ""))[0]
        style = ', style="rounded"' if n.kind in ("function", "step") else ""
        return f"{indent}{_dot_text(n.id)} [label={_dot_text(n.label)}, shape={shape}{style}];"

    for n in g.nodes:
        if n.id not in clustered:
            lines.append(node_line(n, "  "))
    for c in g.clusters:
        lines.append(f"  subgraph {_dot_text('cluster_' + c.id)} {{")
        lines.append(f"    label={_dot_text(c.label)};")
        lines.append('    style="rounded,dashed";')
        lines.extend(node_line(by_id[n], "    ") for n in c.nodes if n in by_id)
        lines.append("  }")
    for a, b in g.beside:
        lines.append(f"  {{ rank=same; {_dot_text(a)}; {_dot_text(b)}; }}")
    for e in g.edges:
        attrs = [f"label={_dot_text(e.label)}"] if e.label else []
        if e.style in ("grant", "dlq"):
            attrs.append("style=dashed")
        if e.style == "sequence":
            attrs.append("color=gray50")
        tail = f" [{', '.join(attrs)}]" if attrs else ""
        lines.append(f"  {_dot_text(e.source)} -> {_dot_text(e.target)}{tail};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_json(g: Graph) -> str:
    body = {
        "nodes": [{"id": n.id, "kind": n.kind, "label": n.label} for n in g.nodes],
        "edges": [
            {"from": e.source, "to": e.target, "label": e.label, "style": e.style} for e in g.edges
        ],
        "subgraphs": [{"id": c.id, "label": c.label, "nodes": c.nodes} for c in g.clusters],
    }
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def match_text(match: Match) -> str:
    """A filter's test as the program writes it."""
    shown = [
        f'"{v}"' if isinstance(v, str) else str(v).lower() if isinstance(v, bool) else str(v)
        for v in match.values
    ]
    if match.op == "any":
        return " | ".join(str(v) for v in match.values)  # as version 1 drew it
    if match.op == "numeric":
        return f"{match.compare} {shown[0]}"
    if match.op == "not":
        return f"not [{', '.join(shown)}]"
    if match.op in ("prefix", "suffix"):
        return f"{match.op} {shown[0]}"
    return match.op
