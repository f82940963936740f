"""Hover: what a word means here, from the catalogue, the checked model, the plan and
the generated code."""

from __future__ import annotations

from pathlib import Path

from .. import catalog as cat
from .. import syntax as s
from ..explain import explain, spell
from ..names import logical_id
from .completion import attr_doc, show_value
from .document import file_offset
from .preview import Preview, block_text
from .workspace import Analysis


def _inside(span: object, offset: int) -> bool:
    start, end = file_offset(span)  # type: ignore[arg-type]
    return start <= offset <= end


def hover_text(
    analysis: Analysis, path: Path, offset: int, preview: Preview | None
) -> tuple[str, object] | None:
    """Markdown for the word at `offset`, and the span it covers."""
    symbols = analysis.symbols
    hit = symbols.at(path, offset)
    if hit is not None:
        name, span, _ = hit
        decl = symbols.decls.get(name)
        if decl is not None:
            return _resource(analysis, name, decl.kind, preview), span
    st = symbols.statement_at(path, offset)
    if st is None:
        return None
    if isinstance(st, s.ResourceDecl) and _inside(st.kind.span, offset):
        kind = cat.KINDS.get(st.kind.text)
        return (_kind(kind), st.kind.span) if kind else None
    if (
        isinstance(st, s.WorkflowDecl)
        and _inside(st.span, offset)
        and offset < file_offset(st.name.span)[0]
    ):
        return _kind(cat.KINDS["workflow"]), st.span
    if isinstance(st, s.OnDecl):
        if _inside(st.event.span, offset):
            kind = cat.KINDS.get(symbols.decls[st.source.text].kind) if st.source.text in (
                symbols.decls) else None  # fmt: skip
            event = kind.event(st.event.text) if kind else None
            text = f"**{st.source.text}.{st.event.text}**: {event.doc}" if event else ""
            return _with_iam(analysis, st.span, text), st.event.span
        return _with_iam(analysis, st.span, f"**event edge** `{_edge(st)}`"), st.span
    if isinstance(st, s.EveryDecl | s.CronDecl):
        return _with_iam(analysis, st.span, "**schedule**"), st.span
    items: tuple[object, ...] = ()
    kind = None
    if isinstance(st, s.ResourceDecl):
        items, kind = st.items, cat.KINDS.get(st.kind.text)
    elif isinstance(st, s.WorkflowDecl):
        items, kind = st.steps, cat.KINDS["workflow"]
    elif isinstance(st, s.AppDecl):
        items = st.items
    for item in _flat(items):
        if isinstance(item, s.Allow) and _inside(item.span, offset):
            return _with_iam(analysis, item.span, f"**allow** `{item.target.text}`"), item.span
        if isinstance(item, s.Attribute) and _inside(item.name.span, offset):
            attrs = kind.attrs if kind else cat.APP_ATTRS
            spec = next((a for a in attrs if a.name == item.name.text), None)
            if spec is None:
                spec = next(
                    (
                        a
                        for a in cat.TASK_OPTIONS
                        + tuple(o for opts in cat.TASK_KIND_OPTIONS.values() for o in opts)
                        + cat.THROTTLE_ATTRS
                        + cat.NETWORK_ATTRS
                        if a.name == item.name.text
                    ),
                    None,
                )
            if spec is not None:
                return attr_doc(spec), item.name.span
    return None


def _flat(items: tuple[object, ...]) -> list[object]:
    out: list[object] = []
    for item in items:
        out.append(item)
        if isinstance(item, s.Nested | s.IndexDecl):
            out.extend(_flat(item.items))
        elif isinstance(item, s.Task):
            out.extend(_flat(item.options))
        elif isinstance(item, s.IfStep):
            for _, body in item.branches:
                out.extend(_flat(body))
            if item.otherwise:
                out.extend(_flat(item.otherwise))
        elif isinstance(item, s.Parallel):
            for body in item.branches:
                out.extend(_flat(body))
        elif isinstance(item, s.ForEach):
            out.extend(_flat(item.body))
        elif isinstance(item, s.Try):
            out.extend(_flat(item.body))
            for catch in item.catches:
                out.extend(_flat(catch.body))
    return out


def _edge(st: s.OnDecl) -> str:
    return f"{st.source.text}.{st.event.text} -> {st.target.text}"


def _kind(kind: cat.Kind) -> str:
    lines = [f"**{kind.name}**: {kind.doc}"]
    if kind.attrs:
        lines.append("attributes: " + ", ".join(f"`{a.name}`" for a in kind.attrs))
    if kind.exposes:
        lines.append("exposes: " + ", ".join(f"`.{a}`" for a in kind.exposes))
    if kind.operations:
        lines.append("operations: " + ", ".join(f"`{o}`" for o in kind.operations))
    if kind.events:
        lines.append("events: " + ", ".join(f"`{e.name}`" for e in kind.events))
    return "\n\n".join(lines)


def _resource(analysis: Analysis, name: str, kind_name: str, preview: Preview | None) -> str:
    if kind_name == "param":
        app = analysis.app
        param = app.params.get(name) if app else None
        default = f", default `{param.default}`" if param and param.default is not None else ""
        return f"**param** `{name}`" + (f": {param.type}{default}" if param else "")
    lines = [f"**{kind_name}** `{name}`"]
    kind = cat.KINDS.get(kind_name)
    app = analysis.app
    res = app.resources.get(name) if app else None
    if res is not None and kind is not None:
        rows = []
        for attr in kind.attrs:
            value = res.attrs.get(attr.name)
            if value is not None:
                shown = show_value(attr, value) if not isinstance(value, tuple | dict) else spell(
                    value)  # fmt: skip
                rows.append(f"| `{attr.name}` | `{shown}` |")
        if rows:
            lines.append("| attribute | value |\n| --- | --- |\n" + "\n".join(rows))
    lid = logical_id(name)
    planned = analysis.plan
    node = next((n for n in planned.nodes if n.id == lid), None) if planned else None
    lines.append(f"logical ID `{lid}`")
    physical_name = getattr(node.props, "name", None) if node is not None else None
    if physical_name is not None:
        physical = spell(physical_name)
        lines.append(f"physical name `{physical}`")
    if preview is not None and node is not None:
        found = block_text(preview, node.id)
        if found is not None:
            path, text = found
            lang = {"cfn": "yaml", "terraform": "hcl", "cdk": "python"}.get(preview.target, "")
            lines.append(f"{preview.target} `{path}`:\n```{lang}\n{text}\n```")
    return "\n\n".join(lines)


def _with_iam(analysis: Analysis, span: object, head: str) -> str:
    """The IAM statements a line produces, with their reason (what `iac explain` says)."""
    planned = analysis.plan
    lines = [head] if head else []
    if planned is None:
        return "\n\n".join(lines + ["_(IAM: the program has errors)_"])
    line = span.line  # type: ignore[attr-defined]
    display = span.source.display  # type: ignore[attr-defined]
    found = []
    for entry in explain(planned):
        for st in entry.statements:
            if st.file == display and st.line == line:
                actions = ", ".join(st.actions)
                on = ", ".join(st.resources)
                who = f" to `{st.principal}`" if st.principal else ""
                found.append(
                    f"- `{st.sid}` in {entry.kind} `{entry.id}`: {st.effect.lower()} "
                    f"`{actions}`{who} on `{on}` — {st.reason}"
                )
    if found:
        lines.append("**IAM statements**\n" + "\n".join(found))
    return "\n\n".join(lines)
