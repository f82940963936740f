"""Definitions, references, highlights, outlines and links, from the symbol index."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types as t

from .. import syntax as s
from ..source import Span
from .convert import FileOf, UriOf, span_location, span_range
from .document import file_offset
from .symbols import SymbolIndex

_SYMBOL_KINDS = {
    "function": t.SymbolKind.Function,
    "queue": t.SymbolKind.Array,
    "topic": t.SymbolKind.Event,
    "table": t.SymbolKind.Struct,
    "bucket": t.SymbolKind.Package,
    "api": t.SymbolKind.Interface,
    "schedule": t.SymbolKind.Event,
    "bus": t.SymbolKind.Event,
    "container": t.SymbolKind.Module,
    "workflow": t.SymbolKind.Class,
    "model": t.SymbolKind.Object,
    "secret": t.SymbolKind.Key,
    "param": t.SymbolKind.Variable,
}


def definition(symbols: SymbolIndex, path: Path, offset: int, file_of: FileOf,
               uri_of: UriOf) -> t.Location | None:  # fmt: skip
    hit = symbols.at(path, offset)
    if hit is None:
        return None
    decl = symbols.decls.get(hit[0])
    return span_location(decl.name_span, file_of, uri_of) if decl else None


def references(symbols: SymbolIndex, path: Path, offset: int, include_decl: bool,
               file_of: FileOf, uri_of: UriOf) -> list[t.Location]:  # fmt: skip
    hit = symbols.at(path, offset)
    if hit is None:
        return []
    name = hit[0]
    spans: list[Span] = []
    decl = symbols.decls.get(name)
    if decl is not None and include_decl:
        spans.append(decl.name_span)
    spans += [u.span for u in symbols.uses_of(name)]
    out = [span_location(sp, file_of, uri_of) for sp in spans]
    return [loc for loc in out if loc is not None]


def highlights(symbols: SymbolIndex, path: Path, offset: int,
               file_of: FileOf) -> list[t.DocumentHighlight]:  # fmt: skip
    hit = symbols.at(path, offset)
    if hit is None:
        return []
    name = hit[0]
    out = []
    decl = symbols.decls.get(name)
    if decl is not None and decl.name_span.source.path == path and not decl.implicit:
        rng = span_range(decl.name_span, file_of)
        if rng:
            out.append(t.DocumentHighlight(rng, t.DocumentHighlightKind.Write))
    for use in symbols.uses_of(name):
        if use.span.source.path == path:
            rng = span_range(use.span, file_of)
            if rng:
                out.append(t.DocumentHighlight(rng, t.DocumentHighlightKind.Read))
    return out


def document_symbols(module: s.Module, file_of: FileOf) -> list[t.DocumentSymbol]:
    """The outline: resources grouped by kind, workflows with their steps, edges, params."""
    groups: dict[str, list[t.DocumentSymbol]] = {}
    flat: list[t.DocumentSymbol] = []

    def sym(name: str, kind: t.SymbolKind, span: Span, sel: Span, detail: str = "",
            children: list[t.DocumentSymbol] | None = None) -> t.DocumentSymbol | None:  # fmt: skip
        rng, srng = span_range(span, file_of), span_range(sel, file_of)
        if rng is None or srng is None:
            return None
        return t.DocumentSymbol(name, kind, rng, srng, detail or None, children=children)

    for st in module.statements:
        if isinstance(st, s.ResourceDecl):
            item = sym(st.name.text, _SYMBOL_KINDS.get(st.kind.text, t.SymbolKind.Object),
                       st.span, st.name.span, st.kind.text)  # fmt: skip
            if item:
                groups.setdefault(st.kind.text, []).append(item)
        elif isinstance(st, s.WorkflowDecl):
            steps = []
            for step in s.walk_steps(st.steps):
                if isinstance(step, s.Task):
                    child = sym(f"{step.verb} {step.target.text}", t.SymbolKind.Method,
                                step.span, step.target.span)  # fmt: skip
                elif isinstance(step, s.Attribute):
                    continue
                else:
                    word = type(step).__name__.lower().replace("step", "")
                    child = sym(word, t.SymbolKind.Operator, step.span, step.span)
                if child:
                    steps.append(child)
            item = sym(st.name.text, t.SymbolKind.Class, st.span, st.name.span, "workflow", steps)
            if item:
                groups.setdefault("workflow", []).append(item)
        elif isinstance(st, s.OnDecl):
            name = f"{st.source.text}.{st.event.text} -> {st.target.text}"
            item = sym(name, t.SymbolKind.Event, st.span, st.source.span, "edge")
            if item:
                groups.setdefault("edges", []).append(item)
        elif isinstance(st, s.EveryDecl | s.CronDecl):
            name = f"{st.span.text.split('->')[0].strip()} -> {st.target.text}"
            item = sym(name, t.SymbolKind.Event, st.span, st.target.span, "schedule")
            if item:
                groups.setdefault("edges", []).append(item)
        elif isinstance(st, s.ParamDecl):
            item = sym(st.name.text, t.SymbolKind.Variable, st.span, st.name.span, "param")
            if item:
                flat.append(item)
        elif isinstance(st, s.AppDecl | s.OutputDecl):
            what = "app" if isinstance(st, s.AppDecl) else "output"
            item = sym(st.name.text, t.SymbolKind.Constant if what == "output" else
                       t.SymbolKind.Namespace, st.span, st.name.span, what)  # fmt: skip
            if item:
                flat.append(item)
    out = list(flat)
    for kind, children in groups.items():
        first, last = children[0], children[-1]
        rng = t.Range(first.range.start, last.range.end)
        label = kind if kind in ("edges",) else f"{kind}s"
        out.append(t.DocumentSymbol(label, t.SymbolKind.Namespace, rng, first.selection_range,
                                    children=children))  # fmt: skip
    return out


def workspace_symbols(symbols: SymbolIndex, query: str, file_of: FileOf,
                      uri_of: UriOf) -> list[t.WorkspaceSymbol]:  # fmt: skip
    out = []
    q = query.lower()
    for decl in symbols.decls.values():
        if q and q not in decl.name.lower():
            continue
        loc = span_location(decl.name_span, file_of, uri_of)
        if loc is not None:
            kind = _SYMBOL_KINDS.get(decl.kind, t.SymbolKind.Object)
            out.append(
                t.WorkspaceSymbol(name=decl.name, kind=kind, location=loc, container_name=decl.kind)
            )
    return out


def document_links(module: s.Module, file_of: FileOf) -> list[t.DocumentLink]:
    """`code = "..."`: a link to the handler file or folder."""
    out = []
    for st in module.statements:
        if not isinstance(st, s.ResourceDecl):
            continue
        for item in st.items:
            if (
                isinstance(item, s.Attribute)
                and item.name.text == "code"
                and isinstance(item.value, s.Str)
                and item.value.is_plain
            ):
                target = (st.span.source.directory / item.value.plain).resolve()
                if not target.exists():
                    continue
                if target.is_dir():
                    stem = st.name.text
                    handler = next(iter(sorted(target.glob("*.py"))), None)
                    target = handler or target
                    del stem
                rng = span_range(item.value.span, file_of)
                if rng is not None:
                    start, end = file_offset(item.value.span)
                    if end - start >= 2:  # inside the quotes
                        rng = t.Range(
                            t.Position(rng.start.line, rng.start.character + 1),
                            t.Position(rng.end.line, rng.end.character - 1),
                        )
                    out.append(t.DocumentLink(rng, target=target.as_uri(), tooltip=str(target)))
    return out
