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
import operator
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
from ..frontend import gc_paused
from ..plan.iam import Statement
from ..plan.model import Node
from ..plan.states import StatesCompiler
from ..source import Span
from .document import LineIndex, common_prefix, common_suffix
from .workspace import Analysis

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
        # The blocks of the previous render's files and what they gave the map: valid
        # against the render cache's previous render, so taken out while this one runs
        # (a render that fails or raises leaves none) and put back with this render's.
        memo = analysis.map_caches.pop(target, None) or _MapMemo()
        cache = analysis.render_caches.setdefault(target, RenderCache())
        renderer = registry.target_class(target)(planned)
        rendered = renderer.render_cached(cache)
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
        kept = _MapMemo()
        source_map = _source_map(
            texts, planned.nodes, planned.outputs, analysis, to_location, renderer.reused,
            renderer.marker, memo, kept,
        )  # fmt: skip
        analysis.map_caches[target] = kept
    notes = [
        {"code": d.code, "severity": d.severity.value, "message": d.message}
        for d in list(planned.diagnostics) + list(rendered.diagnostics)
    ]
    return Preview(target, analysis.version, files, source_map, notes)


class _FileScan:
    """The blocks of one generated file, found by their markers: (first line, offset of
    its marker line, block) in order. A 1,000-resource template has 50,000 lines, so the
    text is searched at C speed and lines are counted between markers, never split one
    by one; and the next render's text is compared with this one, at C speed too, so
    only the blocks around what changed are searched again (`rescan`)."""

    __slots__ = ("text", "marks", "mapped")

    def __init__(
        self,
        text: str,
        marks: list[tuple[int, int, _BlockInfo]],
        mapped: list[_Mapped | None] | None = None,
    ):
        self.text = text
        self.marks = marks
        # What each block gave the source map at the render of this scan (`_source_map`).
        self.mapped: list[_Mapped | None] = mapped or [None] * len(marks)

    def rescan(self, text: str) -> _FileScan:
        """This file's scan for its new text: the blocks before the first change and
        after the last are kept (those after moved by the lines and characters the
        change added), the others found again."""
        old, marks = self.text, self.marks
        if text == old:
            return self
        prefix = common_prefix(old, text)
        suffix = common_suffix(old, text, min(len(old), len(text)) - prefix)
        # Kept before: the blocks up to the last whose marker line (with its newline) is
        # unchanged; that block and the next are found again, as the change may end it.
        k = bisect.bisect_left(marks, prefix, key=lambda mark: mark[1]) - 1
        while k >= 0 and marks[k][1] + marks[k][2].head >= prefix:
            k -= 1
        lo, line = (marks[k][1], marks[k][0]) if k >= 0 else (0, 0)
        before = marks[: max(k, 0)]
        # Kept after: the blocks whose marker line and the newline before it are in the
        # unchanged end; their text is unchanged, so is their extent.
        tail = len(old) - suffix
        q = bisect.bisect_left(marks, tail + 1, key=lambda mark: mark[1])
        q = max(q, len(before) + 1 if k >= 0 else 0)
        shift = len(text) - len(old)
        hi_old = marks[q][1] if q < len(marks) else len(old)
        hi = hi_old + shift
        reuse = {info.region: info for _, _, info in marks[len(before) : q]}
        middle = list(_blocks(text, lo, hi, line, reuse))
        after = marks[q:]
        if after:
            lines = (line + text.count("\n", lo, hi)) - after[0][0]
            if lines or shift:
                after = [(first + lines, at + shift, info) for first, at, info in after]
        mapped = self.mapped[: len(before)] + [None] * len(middle) + self.mapped[q:]
        return _FileScan(text, before + middle + after, mapped)


def _scan(text: str) -> _FileScan:
    return _FileScan(text, list(_blocks(text, 0, len(text), 0, {})))


def _marks(text: str, lo: int, hi: int, line: int) -> Iterator[tuple[int, int, re.Match[str]]]:
    """(line, offset of its start, match) for each marker line in text[lo:hi], in order:
    `lo` starts a line (the line `line`), `hi` ends one."""
    tried, counted = -1, lo
    for hint in _MARKER_HINT.finditer(text, lo, hi):
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


def _blocks(
    text: str, lo: int, hi: int, line: int, reuse: dict[str, _BlockInfo]
) -> Iterator[tuple[int, int, _BlockInfo]]:
    """(first line, offset, block) for each marker's block in text[lo:hi]: it runs to
    the next marker (the last to `hi`) or to the first line indented less than the
    marker, and ends at its last nonblank line. A block's text gives all of it, so a
    block whose text is in `reuse` is not looked at again."""
    marks = list(_marks(text, lo, hi, line))
    for n, (first, start, found) in enumerate(marks):
        stop = marks[n + 1][1] if n + 1 < len(marks) else hi
        region = text[start:stop]
        info = reuse.get(region)
        if info is None:
            info = _BlockInfo(
                region,
                len(found.group(1).expandtabs()),
                f"{found.group(2)}:{found.group(3)}",
                found.group(4),
            )
        yield first, start, info


class _MapMemo:
    """What one preview's source map keeps for the next: each file's blocks, what each
    block gave the map, the location (and `app.iac:12`) of each source span by its chunk
    and the line the chunk starts, and each source file's URI."""

    def __init__(self) -> None:
        self.scans: dict[str, _FileScan] = {}
        self.locations: dict[tuple[int, ...], tuple[Any, Any]] = {}
        self.wheres: dict[tuple[int, int, int | None], tuple[Any, str]] = {}
        self.uris: dict[Path, str] = {}


class _BlockInfo:
    """One block by its text: its extent and where its IAM statements and states sit,
    in lines from its marker (found once, kept while the block's text is unchanged)."""

    __slots__ = (
        "indent", "where", "label", "key", "last", "width", "head", "region", "_lines", "found"
    )  # fmt: skip

    def __init__(self, region: str, indent: int, where: str, label: str):
        self.indent, self.where, self.label = indent, where, label
        self.key = (where, label)  # the marker, as the plan's nodes are found by it
        self.region = region
        self._lines: list[str] | None = None
        self.found: dict[tuple[str, str], tuple[int, int, int] | None] = {}
        last = 0
        newline = region.find("\n")
        self.head = len(region) if newline == -1 else newline  # the marker line's length
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
            self._lines = self.region.split("\n")
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


class _Mapped:
    """What one block gave the source map: its entries' parts, kept while the block's
    text and line, its node's body and source span, and the lines of the statements
    its entries cite are unchanged."""

    __slots__ = (
        "info", "first", "node_id", "source", "start", "end", "cites", "items", "_entries"
    )  # fmt: skip

    def __init__(
        self,
        info: _BlockInfo,
        first: int,
        node: Node,
        cites: tuple[tuple[Any, int], ...],
        items: list[_Item],
    ):
        self.info, self.first, self.cites, self.items = info, first, cites, items
        self._entries: list[tuple[tuple[Any, ...], dict[str, Any]]] | None = None
        assert node.source is not None
        self.node_id, self.source = node.id, node.source.source
        self.start, self.end = node.source.start, node.source.end

    def valid(self, info: _BlockInfo, node: Node, same: Callable[[str], bool]) -> bool:
        span = node.source
        if (
            self.info is not info
            or span is None
            or span.source is not self.source
            or span.start != self.start
            or span.end != self.end
            or self.node_id != node.id
        ):
            return False
        for source, line in self.cites:
            if getattr(source, "first_line", 0) != line:
                return False
        return same(node.id)

    def moved(self, first: int, path: str) -> _Mapped:
        """The same block `first - self.first` lines further down its file."""
        items = [
            (key, order, location, kind, label, node_id, rel, _gen(path, first, rel))
            for key, order, location, kind, label, node_id, rel, _ in self.items
        ]
        moved = _Mapped.__new__(_Mapped)
        moved.info, moved.first, moved.cites, moved.items = self.info, first, self.cites, items
        moved.node_id, moved.source = self.node_id, self.source
        moved.start, moved.end = self.start, self.end
        moved._entries = None
        return moved

    def entries(self) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
        """(sort key, entry) of each source range this block's items cite, the block's
        generated ranges grouped by it: made once, then shared by the previews that
        reuse the block (so never changed)."""
        if self._entries is None:
            out: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
            _gather(self.items, {}, out)
            self._entries = out
        return self._entries

    def keys(self) -> list[tuple[Any, ...]]:
        """The key of each of `entries()`, in their order."""
        return list({item[0]: None for item in self.items})


def _gather(
    items: list[_Item],
    by_key: dict[tuple[Any, ...], dict[str, Any]],
    out: list[tuple[tuple[Any, ...], dict[str, Any]]],
) -> None:
    """The entry of each source range `items` cite, in `by_key`: a new one (with its
    sort key) appended to `out`, a known one given the item's generated range too."""
    for key, order, location, kind, label, node_id, _, gen in items:
        entry = by_key.get(key)
        if entry is None:
            entry = by_key[key] = {
                "source": location,
                "kind": kind,
                "label": label,
                "nodeId": node_id,
                "generated": [gen],
            }
            out.append((order, entry))
        else:
            entry["generated"].append(gen)


# (entry key, sort key, source location, kind, label, node id, lines from the block's
# first (first, last, width of last), the generated range)
_Item = tuple[
    tuple[Any, ...],
    tuple[Any, ...],
    dict[str, Any],
    str,
    str,
    "str | None",
    tuple[int, int, int],
    dict[str, Any],
]


def _gen(path: str, first: int, rel: tuple[int, int, int]) -> dict[str, Any]:
    return {"path": path, "range": _lines_range(first + rel[0], first + rel[1], rel[2])}


class _Locator:
    """Source spans as LSP locations: a span's range is a function of its chunk's text
    and the line the chunk starts (a chunk starts a line, document.py), not of its
    offset, so it is kept while both are (the source object held, so that its id is
    not reused); the URI of each file is the one asked this render."""

    def __init__(
        self, to_location: ToLocation, memo: _MapMemo, kept: _MapMemo, uris: dict[Path, str]
    ):
        self.to_location = to_location
        self.locations, self.kept = memo.locations, kept.locations
        self.uris = uris

    def locate(self, span: Span) -> dict[str, Any] | None:
        source = span.source
        where = (id(source), span.start, span.end, getattr(source, "first_line", 0))
        known = self.locations.get(where)
        uri = self.uris.get(source.path)
        location: dict[str, Any] | None
        if known is not None and known[0] is source and uri is not None:
            location = {"uri": uri, "range": known[1]} if known[1] is not None else None
        else:
            location = self.to_location(span)
            known = (source, None if location is None else location["range"])
            if location is not None and uri is None:
                self.uris[source.path] = str(location["uri"])
        self.kept[where] = known
        return location


def _source_map(
    texts: dict[str, str],
    nodes: list[Node],
    outputs: list[Any],
    analysis: Analysis,
    to_location: ToLocation,
    same: Callable[[str], bool],
    marker: Callable[[str], str | None],
    memo: _MapMemo,
    kept: _MapMemo,
) -> list[dict[str, Any]]:
    """The source map of a render. `same(node_id)` says whether a node's body is the one
    the previous render (the one `memo` is from) had: then a block whose text and line
    are unchanged, of a node whose source span and cited statements' lines are too,
    gives what it gave then. `marker(node_id)` is the `app.iac:12` the render found for
    a node, if it did."""
    by_marker: dict[tuple[str, str], list[Node]] = {}
    wheres, kept_wheres = memo.wheres, kept.wheres
    for plan_node in nodes:
        span = plan_node.source
        if span is not None:
            # The render cache's `app.iac:12` for the node, else kept here while the
            # span's chunk, its place in it and the chunk's first line are (counting
            # lines is most of `where()`).
            where = marker(plan_node.id)
            if where is None:
                source = span.source
                place = (id(source), span.start, getattr(source, "first_line", None))
                known = wheres.get(place)
                if known is None or known[0] is not source:
                    known = (source, span.where())
                kept_wheres[place] = known
                where = known[1]
            key = (where, plan_node.label)
            found = by_marker.get(key)
            if found is None:
                by_marker[key] = [plan_node]
            else:
                found.append(plan_node)
    spans_by_marker: dict[tuple[str, str], Span] = {}
    for out in outputs:
        span = out.source
        if span is not None:
            place = (id(span.source), span.start, getattr(span.source, "first_line", None))
            known = wheres.get(place)
            if known is None or known[0] is not span.source:
                known = (span.source, span.where())
            kept_wheres[place] = known
            spans_by_marker[(known[1], f"output {out.name}")] = span
    # Each source file's URI is asked once per render, first: the client's spelling of
    # it may change when it opens the file, and what the blocks gave holds it.
    uris: dict[Path, str] = {}
    for state in analysis.files.values():
        if state.chunks:
            source = state.chunks[0].source  # its path: the one its spans hold
            probe = to_location(Span(source, 0, 0))
            if probe is not None:
                uris[source.path] = str(probe["uri"])
    kept.uris = dict(uris)
    locator = _Locator(to_location, memo, kept, uris)
    workflows = {
        r.span: r
        for r in (analysis.app.resources.values() if analysis.app else ())
        if r.kind == "workflow"
    }
    entries: dict[tuple[Any, ...], dict[str, Any]] = {}
    ordered: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    # Entries are made in the blocks' order (ties in the sort keep it). A node's first
    # block adds its own entries (kept with the block, never changed after); a second
    # block of the same node (Terraform writes a role's policy apart) turns the first's
    # into this render's copies, where the ranges of both are gathered.
    claimed: dict[str, tuple[int, _Mapped | None]] = {}
    for path, text in texts.items():
        before = memo.scans.get(path) if uris == memo.uris else None
        scan = before.rescan(text) if before is not None else _scan(text)
        kept.scans[path] = scan
        mapped = scan.mapped
        seen: dict[tuple[str, str], int] = {}
        for i, (first, _, block) in enumerate(scan.marks):
            key = block.key
            count = seen.get(key, 0)
            seen[key] = count + 1
            candidates = by_marker.get(key)  # nodes with a source span
            if candidates:
                node = candidates[count] if count < len(candidates) else candidates[-1]
                gave = mapped[i]
                if gave is not None and gave.valid(block, node, same):
                    if gave.first != first:
                        gave = mapped[i] = gave.moved(first, path)
                else:
                    gave = mapped[i] = _map_block(node, path, first, block, workflows, locator)
                prior = claimed.get(node.id)
                if prior is None:
                    claimed[node.id] = (len(ordered), gave)
                    ordered.extend(gave.entries())
                    continue
                at, owner = prior
                if owner is not None:
                    claimed[node.id] = (at, None)
                    pairs = zip(owner.entries(), owner.keys(), strict=True)
                    for n, ((order, entry), entry_key) in enumerate(pairs):
                        copy = dict(entry, generated=list(entry["generated"]))
                        ordered[at + n] = (order, copy)
                        entries[entry_key] = copy
                _gather(gave.items, entries, ordered)
                continue
            mapped[i] = None
            if key in spans_by_marker:
                cited = spans_by_marker[key]
                location = locator.locate(cited)
                if location is not None:
                    rel = (0, block.last, block.width)
                    item = _item(cited, location, "output", block.label, None, rel, path, first)
                    _gather([item], entries, ordered)
    ordered.sort(key=_first)
    return [entry for _, entry in ordered]


_first = operator.itemgetter(0)


def _item(
    span: Span,
    location: dict[str, Any],
    kind: str,
    label: str,
    node_id: str | None,
    rel: tuple[int, int, int],
    path: str,
    first: int,
) -> _Item:
    # Spans of one chunk at the same offsets are the same span of the file: the key
    # groups the generated ranges of one source range, kind and node.
    key = (id(span.source), span.start, span.end, kind, node_id)
    start = location["range"]["start"]
    order = (location["uri"], start["line"], start["character"], kind)
    return (key, order, location, kind, label, node_id, rel, _gen(path, first, rel))


def _map_block(
    node: Node,
    path: str,
    first: int,
    block: _BlockInfo,
    workflows: dict[Span, Any],
    locator: _Locator,
) -> _Mapped:
    """What one block of `node` gives the source map: its resource, the IAM statements
    in it, the states in it."""
    assert node.source is not None
    items: list[_Item] = []
    cites: dict[int, tuple[Any, int]] = {}

    def add(span: Span, kind: str, label: str, rel: tuple[int, int, int]) -> None:
        source = span.source
        cites[id(source)] = (source, getattr(source, "first_line", 0))
        location = locator.locate(span)
        if location is not None:
            items.append(_item(span, location, kind, label, node.id, rel, path, first))

    add(node.source, "resource", node.label, (0, block.last, block.width))
    _statements(node, block, add)
    _states(node, block, workflows, add)
    return _Mapped(block, first, node, tuple(cites.values()), items)


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


def _statements(node: Node, block: _BlockInfo, add: Any) -> None:
    statements = getattr(node.props, "statements", None)
    if not isinstance(statements, list | tuple):
        return
    for st in statements:
        if not isinstance(st, Statement) or st.source is None or not st.sid:
            continue
        found = block.statement(st.sid)
        if found is not None:
            add(st.source, "iam", f"{st.sid}: {st.reason}", found)


def _states(node: Node, block: _BlockInfo, workflows: dict[Span, Any], add: Any) -> None:
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
            add(step.span, "state", name, found)


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
