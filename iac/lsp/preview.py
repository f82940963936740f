"""Previews: a target's files for a program, and the source map between them.

Every generated resource is marked with the statement it came from (`# app.iac:12
function resize`, a comment in each target's own syntax). The map starts from those
markers: a marker opens a block that runs to the next marker or to the first line
indented less than the marker. Plan nodes give each block its exact source span and
logical ID; inside a role's block, each IAM statement (found by its Sid) maps to the
`allow` line or event edge that produced it; inside a state machine, each state maps
to its workflow step. Ranges are 0-based lines and UTF-16 columns, as LSP counts."""

from __future__ import annotations

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
from .document import LineIndex
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
    texts: dict[str, str] = {}
    for path in sorted(rendered.files):
        data = rendered.files[path]
        if path.endswith(".zip"):
            files.append({"path": path, "binary": True, "size": len(data)})
            continue
        text = data.decode("utf-8")
        files.append({"path": path, "text": text})
        texts[path] = text
    # The blocks of the previous render's files, by their text: only the blocks whose
    # text changed are looked at again. Only this render's blocks are kept.
    memo = analysis.map_caches.get(target) or _MapMemo()
    kept = _MapMemo()
    source_map = _source_map(
        texts, planned.nodes, planned.outputs, analysis, to_location, memo, kept
    )
    analysis.map_caches[target] = kept
    notes = [
        {"code": d.code, "severity": d.severity.value, "message": d.message}
        for d in list(planned.diagnostics) + list(rendered.diagnostics)
    ]
    return Preview(target, analysis.version, files, source_map, notes)


class _Scan:
    """The blocks of one generated file, found by their markers: a 1,000-resource
    template has 50,000 lines, so the text is searched at C speed and lines are
    counted between markers, never split one by one."""

    def __init__(
        self,
        path: str,
        text: str,
        memo: dict[tuple[str, str], _BlockInfo],
        kept: dict[tuple[str, str], _BlockInfo],
    ):
        self.path = path
        self.text = text
        self.memo = memo  # the previous render's blocks, by their text
        self.kept = kept  # this render's blocks: the next render's memo

    def marks(self) -> Iterator[tuple[int, int, re.Match[str]]]:
        """(line, offset of its start, match) for each marker line, in order."""
        text, tried, line, counted = self.text, -1, 0, 0
        for hint in _MARKER_HINT.finditer(text):
            start = text.rfind("\n", 0, hint.start()) + 1
            if start == tried:
                continue  # a second hint on a line already matched or refused
            tried = start
            end = text.find("\n", hint.end())
            found = _MARKER.match(text, start, len(text) if end == -1 else end)
            if found:
                line += text.count("\n", counted, start)
                counted = start
                yield line, start, found

    def blocks(self) -> Iterator[tuple[int, _BlockInfo]]:
        """(first line, block) for each marker's block: it runs to the next marker or to
        the first line indented less than the marker, and ends at its last nonblank
        line. A block's text gives all of it, so an unchanged block is not looked at
        again."""
        text, path, memo, kept = self.text, self.path, self.memo, self.kept
        marks = list(self.marks())
        for n, (first, start, found) in enumerate(marks):
            stop = marks[n + 1][1] if n + 1 < len(marks) else len(text)
            region = text[start:stop]
            key = (path, region)
            info = memo.get(key)
            if info is None:
                info = _BlockInfo(
                    region,
                    len(found.group(1).expandtabs()),
                    f"{found.group(2)}:{found.group(3)}",
                    found.group(4),
                )
            kept[key] = info
            yield first, info


class _MapMemo:
    """What one preview's source map keeps for the next: its blocks by their text, and
    the location (and `app.iac:12`) of each source span by its chunk and the line the
    chunk starts."""

    def __init__(self) -> None:
        self.blocks: dict[tuple[str, str], _BlockInfo] = {}
        self.locations: dict[tuple[int, ...], tuple[Any, Any]] = {}
        self.wheres: dict[tuple[int, int, int | None], tuple[Any, str]] = {}


class _BlockInfo:
    """One block by its text: its extent and where its IAM statements and states sit,
    in lines from its marker (found once, kept while the block's text is unchanged)."""

    __slots__ = ("indent", "where", "label", "last", "width", "_region", "_lines", "found")

    def __init__(self, region: str, indent: int, where: str, label: str):
        self.indent, self.where, self.label = indent, where, label
        self._region = region
        self._lines: list[str] | None = None
        self.found: dict[tuple[str, str], tuple[int, int, int] | None] = {}
        last = 0
        newline = region.find("\n")
        if newline != -1:
            begin = end = newline + 1
            end = len(region)
            shallow = _shallower(indent).search(region, begin, end) if indent else None
            if shallow is not None:
                end = shallow.start()
            body = region[begin:end].rstrip()  # the block runs to its last nonblank line
            if body:
                last = region.count("\n", 0, begin + len(body) - 1)
        self.last = last
        self.width = _width(self.lines[last])

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self._region.split("\n")
        return self._lines

    def statement(self, sid: str) -> tuple[int, int, int] | None:
        """The lines (first, last, width of last) of the IAM statement `sid`."""
        key = ("sid", sid)
        if key not in self.found:
            self.found[key] = self._statement(sid)
        return self.found[key]

    def _statement(self, sid: str) -> tuple[int, int, int] | None:
        lines, last = self.lines, self.last
        for j in _find_line(lines, sid, last):
            if _sid_of(lines[j]) == sid:
                if lines[j].lstrip().startswith("- "):
                    first, end = j, _item_end(lines, j, last)
                else:
                    first, end = _enclosing(lines, j, 0, last)
                return first, end, _width(lines[end])
        return None

    def state(self, name: str) -> tuple[int, int, int] | None:
        """The lines (first, last, width of last) of the state `name`."""
        key = ("state", name)
        if key not in self.found:
            self.found[key] = self._state(name)
        return self.found[key]

    def _state(self, name: str) -> tuple[int, int, int] | None:
        lines, last = self.lines, self.last
        pattern = re.compile(r'^\s*"?' + re.escape(name) + r'"?\s*(?::|=)')
        for j in _find_line(lines, name, last):
            if pattern.search(lines[j]):
                end = _item_end(lines, j, last)
                return j, end, _width(lines[end])
        return None


def _find_line(lines: list[str], needle: str, last: int) -> Iterator[int]:
    for j in range(last + 1):
        if needle in lines[j]:
            yield j


def _width(line: str) -> int:
    """A line's length in UTF-16 code units, as LSP counts."""
    return len(line) if line.isascii() else len(line.encode("utf-16-le")) // 2


def _lines_range(first: int, last: int, width: int) -> Range:
    return {"start": {"line": first, "character": 0}, "end": {"line": last, "character": width}}


@functools.lru_cache(maxsize=64)
def _shallower(indent: int) -> re.Pattern[str]:
    """A line that is not blank and indented less than `indent`."""
    return re.compile(r"^(?![ \t]{" + str(indent) + r"})[ \t]*\S", re.M)


def _source_map(
    texts: dict[str, str],
    nodes: list[Node],
    outputs: list[Any],
    analysis: Analysis,
    to_location: ToLocation,
    memo: _MapMemo,
    kept: _MapMemo,
) -> list[dict[str, Any]]:
    by_marker: dict[tuple[str, str], list[Node]] = {}
    wheres, kept_wheres = memo.wheres, kept.wheres
    for plan_node in nodes:
        span = plan_node.source
        if span is not None:
            # `app.iac:12` is kept while the span's chunk, its place in it and the
            # chunk's first line are (counting lines is most of `where()`).
            place = (id(span.source), span.start, getattr(span.source, "first_line", None))
            known = wheres.get(place)
            if known is None or known[0] is not span.source:
                known = (span.source, span.where())
            kept_wheres[place] = known
            by_marker.setdefault((known[1], plan_node.label), []).append(plan_node)
    spans_by_marker: dict[tuple[str, str], Span] = {}
    for out in outputs:
        if out.source is not None:
            spans_by_marker[(out.source.where(), f"output {out.name}")] = out.source
    entries: dict[tuple[Any, ...], dict[str, Any]] = {}

    locations, kept_locations = memo.locations, kept.locations
    uris: dict[Path, str] = {}

    def add(span: Span, kind: str, label: str, node_id: str | None, gen: dict[str, Any]) -> None:
        source = span.source
        base = getattr(source, "offset", 0)
        start, end = base + span.start, base + span.end
        key = (str(source.path), start, end, kind, node_id)
        entry = entries.get(key)
        if entry is None:
            # A span's LSP range is a function of its chunk's text and the line the chunk
            # starts (a chunk starts a line, document.py), not of its offset: kept while
            # both are, the source object held so that its id is not reused.
            where = (id(source), span.start, span.end, getattr(source, "first_line", 0))
            # The file's URI is asked once per render, for its first span: the client's
            # spelling of it may change when it opens the file.
            known = locations.get(where)
            uri = uris.get(source.path)
            location: dict[str, Any] | None
            if known is not None and known[0] is source and uri is not None:
                location = {"uri": uri, "range": known[1]} if known[1] is not None else None
            else:
                location = to_location(span)
                known = (source, None if location is None else location["range"])
                if location is not None:
                    uris[source.path] = str(location["uri"])
            kept_locations[where] = known
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
    seen: dict[tuple[str, str, str], int] = {}
    for path, text in texts.items():
        for first, block in _Scan(path, text, memo.blocks, kept.blocks).blocks():
            key = (block.where, block.label)
            gen = {"path": path, "range": _lines_range(first, first + block.last, block.width)}
            candidates = by_marker.get(key, [])
            count = seen.get((path, *key), 0)
            seen[(path, *key)] = count + 1
            node = (
                candidates[count]
                if count < len(candidates)
                else (candidates[-1] if candidates else None)
            )
            if node is not None and node.source is not None:
                add(node.source, "resource", node.label, node.id, gen)
                _statements(node, path, first, block, add)
                _states(node, path, first, block, workflows, add)
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


def _statements(node: Node, path: str, first: int, block: _BlockInfo, add: Any) -> None:
    statements = getattr(node.props, "statements", None)
    if not isinstance(statements, list | tuple):
        return
    for st in statements:
        if not isinstance(st, Statement) or st.source is None or not st.sid:
            continue
        found = block.statement(st.sid)
        if found is not None:
            top, bottom, width = found
            gen = {"path": path, "range": _lines_range(first + top, first + bottom, width)}
            add(st.source, "iam", f"{st.sid}: {st.reason}", node.id, gen)


def _states(
    node: Node, path: str, first: int, block: _BlockInfo, workflows: dict[Span, Any], add: Any
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
        found = block.state(name)
        if found is not None:
            top, bottom, width = found
            gen = {"path": path, "range": _lines_range(first + top, first + bottom, width)}
            add(step.span, "state", name, node.id, gen)


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
