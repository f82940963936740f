"""Previews: a target's files for a program, and the source map between them.

Every generated resource is marked with the statement it came from (`# app.iac:12
function resize`, a comment in each target's own syntax). The map starts from those
markers: a marker opens a block that runs to the next marker or to the first line
indented less than the marker. Plan nodes give each block its exact source span and
logical ID; inside a role's block, each IAM statement (found by its Sid) maps to the
`allow` line or event edge that produced it; inside a state machine, each state maps
to its workflow step. Ranges are 0-based lines and UTF-16 columns, as LSP counts."""

from __future__ import annotations

import bisect
import functools
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import model as m
from ..compiler import TARGETS
from ..diagnostics import Severity
from ..emit import registry
from ..emit.base import RenderCache
from ..plan.iam import Statement
from ..plan.model import Node
from ..plan.states import StatesCompiler
from ..source import Span
from .document import LineIndex, file_offset
from .workspace import Analysis, gc_paused

# Renders run one at a time: each target's render cache (the blocks of the previous
# render, iac/emit/base.py) belongs to its program and is updated by the render.
RENDER_LOCK = threading.Lock()

_MARKER = re.compile(r"([ \t]*)(?:#|//)[ \t]*(\S+?\.iac):(\d+)  (.+?)[ \t]*$")
# What every marker holds: found by a literal search, then its line is matched.
_MARKER_HINT = re.compile(r"\.iac:[0-9]+  ")

Range = dict[str, dict[str, int]]
ToLocation = Callable[[Span], dict[str, Any] | None]


def lsp_range(index: LineIndex, start: int, end: int) -> Range:
    sl, sc = index.position(start)
    el, ec = index.position(end)
    return {"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}}


def _line_range(lines: list[str], first: int, last: int) -> Range:
    end = lines[last]
    width = len(end) if end.isascii() else len(end.encode("utf-16-le")) // 2
    return {"start": {"line": first, "character": 0}, "end": {"line": last, "character": width}}


@dataclass
class Block:
    path: str
    first: int
    last: int
    indent: int
    where: str  # `app.iac:12`
    label: str


@dataclass
class Preview:
    """The answer to `iac/preview`, kept as plain JSON-ready data."""

    target: str
    version: int
    files: list[dict[str, Any]]
    source_map: list[dict[str, Any]]
    diagnostics: list[dict[str, Any]] = field(default_factory=list)
    stale: bool = False

    def to_json(self, uri: str) -> dict[str, Any]:
        return {
            "uri": uri,
            "target": self.target,
            "version": self.version,
            "stale": self.stale,
            "files": self.files,
            "sourceMap": self.source_map,
            "diagnostics": self.diagnostics,
        }

    @property
    def texts(self) -> tuple[tuple[str, str], ...]:
        return tuple((f["path"], f.get("text", "")) for f in self.files)


def render_preview(analysis: Analysis, target: str, to_location: ToLocation) -> Preview | None:
    """The preview of one target, or None when the program can't be rendered now."""
    with gc_paused():  # as for the check and the plan: no cycles, many objects
        return _render_preview(analysis, target, to_location)


def _render_preview(analysis: Analysis, target: str, to_location: ToLocation) -> Preview | None:
    planned = analysis.packaged
    if planned is None or target not in TARGETS:
        return None
    errors = [d for d in planned.diagnostics if d.severity is Severity.ERROR]
    if errors:
        return None
    with RENDER_LOCK:
        cache = analysis.render_caches.setdefault(target, RenderCache())
        rendered = registry.target_class(target)(planned).render_cached(cache)
    if any(d.severity is Severity.ERROR for d in rendered.diagnostics):
        return None
    files: list[dict[str, Any]] = []
    texts: dict[str, _Text] = {}
    for path in sorted(rendered.files):
        data = rendered.files[path]
        if path.endswith(".zip"):
            files.append({"path": path, "binary": True, "size": len(data)})
            continue
        text = data.decode("utf-8")
        files.append({"path": path, "text": text})
        texts[path] = _Text(text)
    source_map = _source_map(texts, planned.nodes, planned.outputs, analysis, to_location)
    notes = [
        {"code": d.code, "severity": d.severity.value, "message": d.message}
        for d in list(planned.diagnostics) + list(rendered.diagnostics)
    ]
    return Preview(target, analysis.version, files, source_map, notes)


class _Text:
    """A generated file's text with its lines and where each starts: the map searches
    the whole text at C speed (a 1,000-resource template has 50,000 lines)."""

    def __init__(self, text: str):
        self.text = text
        self.lines = text.split("\n")
        starts = [0]
        for line in self.lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        self.starts = starts

    def markers(self) -> Iterator[re.Match[str]]:
        """The marker lines, in order."""
        text, tried = self.text, -1
        for hint in _MARKER_HINT.finditer(text):
            start = text.rfind("\n", 0, hint.start()) + 1
            if start == tried:
                continue  # a second hint on a line already matched or refused
            tried = start
            end = text.find("\n", hint.end())
            found = _MARKER.match(text, start, len(text) if end == -1 else end)
            if found:
                yield found

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def start(self, line: int) -> int:
        return self.starts[line] if line < len(self.starts) else len(self.text)

    def find_line(self, needle: str, first: int, last: int) -> Iterator[int]:
        """The lines from `first` to `last` holding `needle`, in order."""
        text, end = self.text, self.start(last + 1)
        at = text.find(needle, self.start(first), end)
        while at != -1:
            line = self.line_of(at)
            yield line
            at = text.find(needle, self.start(line + 1), end)


@functools.lru_cache(maxsize=64)
def _shallower(indent: int) -> re.Pattern[str]:
    """A line that is not blank and indented less than `indent`."""
    return re.compile(r"^(?![ \t]{" + str(indent) + r"})[ \t]*\S", re.M)


def _blocks(path: str, text: _Text) -> list[Block]:
    marks = []
    for mark in text.markers():
        marks.append(
            (
                text.line_of(mark.start()),
                len(mark.group(1).expandtabs()),
                f"{mark.group(2)}:{mark.group(3)}",
                mark.group(4),
            )
        )
    blocks = []
    count = len(text.lines)
    for n, (first, indent, where, label) in enumerate(marks):
        stop = marks[n + 1][0] if n + 1 < len(marks) else count
        last = first
        if first + 1 < stop:
            begin, end = text.start(first + 1), text.start(stop)
            shallow = _shallower(indent).search(text.text, begin, end) if indent else None
            if shallow is not None:
                end = shallow.start()
            body = text.text[begin:end].rstrip()  # the block runs to its last nonblank line
            if body:
                last = text.line_of(begin + len(body) - 1)
        blocks.append(Block(path, first, last, indent, where, label))
    return blocks


def _source_map(
    texts: dict[str, _Text],
    nodes: list[Node],
    outputs: list[Any],
    analysis: Analysis,
    to_location: ToLocation,
) -> list[dict[str, Any]]:
    by_marker: dict[tuple[str, str], list[Node]] = {}
    for plan_node in nodes:
        if plan_node.source is not None:
            by_marker.setdefault((plan_node.source.where(), plan_node.label), []).append(plan_node)
    spans_by_marker: dict[tuple[str, str], Span] = {}
    for out in outputs:
        if out.source is not None:
            spans_by_marker[(out.source.where(), f"output {out.name}")] = out.source
    entries: dict[tuple[Any, ...], dict[str, Any]] = {}

    def add(span: Span, kind: str, label: str, node_id: str | None, gen: dict[str, Any]) -> None:
        start, end = file_offset(span)
        key = (str(span.source.path), start, end, kind, node_id)
        entry = entries.get(key)
        if entry is None:
            location = to_location(span)
            if location is None:
                return
            entry = entries[key] = {
                "source": location,
                "kind": kind,
                "label": label,
                "nodeId": node_id,
                "generated": [],
            }
        entry["generated"].append(gen)

    workflows = {
        r.span: r
        for r in (analysis.app.resources.values() if analysis.app else ())
        if r.kind == "workflow"
    }
    seen: dict[tuple[str, str], int] = {}
    for path, text in texts.items():
        lines = text.lines
        for block in _blocks(path, text):
            key = (block.where, block.label)
            gen = {"path": path, "range": _line_range(lines, block.first, block.last)}
            candidates = by_marker.get(key, [])
            count = seen.get(f"{path}|{key}", 0)  # type: ignore[call-overload]
            seen[f"{path}|{key}"] = count + 1  # type: ignore[index]
            node = (
                candidates[count]
                if count < len(candidates)
                else (candidates[-1] if candidates else None)
            )
            if node is not None and node.source is not None:
                add(node.source, "resource", node.label, node.id, gen)
                _statements(node, path, text, block, add)
                _states(node, path, text, block, workflows, add)
            elif key in spans_by_marker:
                add(spans_by_marker[key], "output", block.label, None, gen)
    return sorted(
        entries.values(),
        key=lambda e: (
            e["source"]["uri"],
            e["source"]["range"]["start"]["line"],
            e["source"]["range"]["start"]["character"],
            e["kind"],
        ),
    )


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _item_end(lines: list[str], at: int, limit: int) -> int:
    """The last line of an item starting at `at`: its deeper lines, and a closing bracket
    at its own indentation."""
    indent = _indent(lines[at])
    last = at
    for j in range(at + 1, limit + 1):
        text = lines[j]
        if not text.strip():
            continue
        depth = _indent(text)
        if depth > indent:
            last = j
            continue
        if depth == indent and text.strip()[0] in "}])":
            last = j
        break
    return last


def _enclosing(lines: list[str], at: int, first: int, limit: int) -> tuple[int, int]:
    """The bracketed object holding line `at`: from its opener to its closer."""
    indent = _indent(lines[at])
    opener = at
    for j in range(at - 1, first - 1, -1):
        if lines[j].strip() and _indent(lines[j]) < indent:
            opener = j
            break
    closer = at
    for j in range(at + 1, limit + 1):
        if lines[j].strip():
            if _indent(lines[j]) < indent:
                closer = j
                break
            closer = j
    return opener, closer


_SID = re.compile(r'(?i)\bsid"?\s*[:=]\s*"?([A-Za-z0-9]+)')


def _sid_of(line: str) -> str | None:
    m = _SID.search(line)
    return m.group(1) if m else None


def _statements(node: Node, path: str, text: _Text, block: Block, add: Any) -> None:
    statements = getattr(node.props, "statements", None)
    if not isinstance(statements, list | tuple):
        return
    lines = text.lines
    for st in statements:
        if not isinstance(st, Statement) or st.source is None or not st.sid:
            continue
        for j in text.find_line(st.sid, block.first, block.last):
            if _sid_of(lines[j]) == st.sid:
                if lines[j].lstrip().startswith("- "):
                    first, last = j, _item_end(lines, j, block.last)
                else:
                    first, last = _enclosing(lines, j, block.first, block.last)
                label = f"{st.sid}: {st.reason}"
                gen = {"path": path, "range": _line_range(lines, first, last)}
                add(st.source, "iam", label, node.id, gen)
                break


def _states(
    node: Node, path: str, text: _Text, block: Block, workflows: dict[Span, Any], add: Any
) -> None:
    if node.type != "state_machine" or node.source is None:
        return
    workflow = workflows.get(node.source)
    if workflow is None:
        return
    namer = StatesCompiler(lambda _kind, _name: {})
    for step in m.walk_steps(workflow.steps):
        try:
            name = namer.state_name(step)
        except Exception:  # noqa: BLE001 - a step the namer doesn't know has no state
            continue
        key = re.compile(r'^\s*"?' + re.escape(name) + r'"?\s*(?::|=)')
        lines = text.lines
        for j in text.find_line(name, block.first, block.last):
            if key.search(lines[j]):
                gen = {
                    "path": path,
                    "range": _line_range(lines, j, _item_end(lines, j, block.last)),
                }
                add(step.span, "state", name, node.id, gen)
                break


# ---------------------------------------------------------------- mapping


def _contains(rng: Range, line: int, character: int) -> bool:
    start, end = rng["start"], rng["end"]
    return (
        (start["line"], start["character"]) <= (line, character) <= (end["line"], end["character"])
    )


def _size(rng: Range) -> tuple[int, int]:
    return (
        rng["end"]["line"] - rng["start"]["line"],
        rng["end"]["character"] - rng["start"]["character"],
    )


def source_to_generated(
    preview: Preview, uri: str, line: int, character: int
) -> list[dict[str, Any]]:
    """The generated ranges of the innermost statement at a source position."""
    hits = [
        e
        for e in preview.source_map
        if e["source"]["uri"] == uri and _contains(e["source"]["range"], line, character)
    ]
    if not hits:
        return []
    best = min(_size(e["source"]["range"]) for e in hits)
    out: list[dict[str, Any]] = []
    for e in hits:
        if _size(e["source"]["range"]) == best:
            out.extend(
                dict(g, label=e["label"], kind=e["kind"], nodeId=e["nodeId"])
                for g in e["generated"]
            )
    return out


def generated_to_source(
    preview: Preview, path: str, line: int, character: int
) -> dict[str, Any] | None:
    """The source statement of the innermost generated range at a position."""
    best: tuple[tuple[int, int], dict[str, Any]] | None = None
    for e in preview.source_map:
        for g in e["generated"]:
            if g["path"] == path and _contains(g["range"], line, character):
                size = _size(g["range"])
                if best is None or size < best[0]:
                    best = (
                        size,
                        dict(e["source"], label=e["label"], kind=e["kind"], nodeId=e["nodeId"]),
                    )
    return best[1] if best else None


def block_text(preview: Preview, node_id: str) -> tuple[str, str] | None:
    """The generated text of one node: (file, text), for hovers."""
    texts = dict(preview.texts)
    for e in preview.source_map:
        if e["nodeId"] == node_id and e["kind"] == "resource":
            g = e["generated"][0]
            lines = texts.get(g["path"], "").split("\n")
            rng = g["range"]
            return g["path"], "\n".join(lines[rng["start"]["line"] : rng["end"]["line"] + 1])
    return None


def stale_copy(preview: Preview | None, target: str, version: int) -> Preview:
    if preview is None:
        return Preview(target, version, [], [], stale=True)
    return Preview(
        preview.target,
        preview.version,
        preview.files,
        preview.source_map,
        preview.diagnostics,
        True,
    )


def program_paths(analysis: Analysis) -> list[Path]:
    return list(analysis.files)
