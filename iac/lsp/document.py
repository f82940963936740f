"""Incremental document state: a file split into top-level statements, each parsed once.

A keystroke changes one statement; the others keep their parsed trees. Each statement
is parsed as its own small `Source` (a `ChunkSource`) whose offsets are relative to the
statement, and which knows where it sits in its file: moving a statement (an edit above
it) only updates two numbers, no tree is rebuilt. Spans then say `line` and `where()`
right (the generated files' source markers, explain's lines), and the server turns a
span into a file offset with `file_offset`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import syntax as s
from ..diagnostics import Diagnostic, Diagnostics
from ..parser import parse_source
from ..source import Source, Span


class ChunkSource(Source):
    """The text of one or more whole top-level statements, placed in a file."""

    offset: int  # where the chunk starts in its file
    first_line: int  # the file's 0-based line number of the chunk's first line

    def place(self, offset: int, first_line: int) -> None:
        object.__setattr__(self, "offset", offset)
        object.__setattr__(self, "first_line", first_line)

    def line_col(self, offset: int) -> tuple[int, int]:
        line, col = super().line_col(offset)
        return line + self.first_line, col  # a chunk starts at a line start: columns agree

    def line_text(self, line: int) -> str:
        return super().line_text(line - self.first_line)


def file_offset(span: Span) -> tuple[int, int]:
    """The span's start and end as offsets in its whole file."""
    base = getattr(span.source, "offset", 0)
    return base + span.start, base + span.end


# One match per string, comment, bracket, line continuation or newline; other text is
# skipped by `finditer` at C speed.
_SCAN = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"?|(?:#|//)[^\n]*|\\\r?\n|[\[({]|[\])}]|\n')
_WORD_START = re.compile(r"[ \t]*[A-Za-z_]")


def split_statements(text: str) -> list[int]:
    """Offsets where top-level statements start: a line at bracket depth 0 whose first
    character begins a word. The first offset is always 0 (leading comments join the
    first statement); an unclosed `{` keeps the rest of the file in one piece, as the
    whole-file parser would see it."""
    starts = [0]
    depth = 0
    for m in _SCAN.finditer(text):
        tok = m.group()
        c = tok[0]
        if c == "\n":
            if depth == 0:
                pos = m.end()
                if _WORD_START.match(text, pos) and pos < len(text):
                    starts.append(pos)
        elif c in "[({":
            depth += 1
        elif c in "])}":
            depth = max(0, depth - 1)
        # strings, comments and continuations (`\` newline) hide what they hold
    return starts


def common_prefix(a: str, b: str) -> int:
    """The length of the longest common prefix: compared in slices, at C speed."""
    n, at = min(len(a), len(b)), 0
    for step in (1 << 16, 1 << 11, 1 << 6, 1):
        while at + step <= n and a[at : at + step] == b[at : at + step]:
            at += step
    return at


def common_suffix(a: str, b: str, limit: int) -> int:
    """The length of the longest common suffix, at most `limit`."""
    la, lb, at = len(a), len(b), 0
    for step in (1 << 16, 1 << 11, 1 << 6, 1):
        while at + step <= limit and a[la - at - step : la - at] == b[lb - at - step : lb - at]:
            at += step
    return at


def resplit_statements(
    old: str, starts: list[int], text: str, prefix: int, suffix: int
) -> tuple[int, list[int], int]:
    """`split_statements(text)` from the starts of `old`, which `text` equals but for
    text[prefix:len(text)-suffix]: (k, middle, j) where the new starts are
    `starts[:k] + middle + [x + shift for x in starts[j:]]`. The text is scanned again
    from the last start before the first changed line (a start's decision reads its
    line's first word), and only until a start past the change meets an old one: the
    scan's state at a start is always depth 0 with nothing open, so from there on the
    old starts hold, moved."""
    line = old.rfind("\n", 0, prefix) + 1
    k = max(bisect.bisect_left(starts, line) - 1, 0)
    restart = starts[k] if starts else 0
    shift = len(text) - len(old)
    end = len(text) - suffix  # the new text is unchanged from here
    middle = [restart]
    depth = 0
    for m in _SCAN.finditer(text, restart):
        c = m.group()[0]
        if c == "\n":
            if depth == 0:
                pos = m.end()
                if _WORD_START.match(text, pos) and pos < len(text):
                    if pos >= end:
                        j = bisect.bisect_left(starts, pos - shift)
                        if j < len(starts) and starts[j] == pos - shift:
                            return k, middle, j
                    middle.append(pos)
        elif c in "[({":
            depth += 1
        elif c in "])}":
            depth = max(0, depth - 1)
    return k, middle, len(starts)


@dataclass
class Chunk:
    source: ChunkSource
    module: s.Module | None  # None: a syntax error in this chunk
    diagnostics: list[Diagnostic]


@dataclass
class LineIndex:
    """Offsets <-> LSP positions (UTF-16 code units, as LSP counts by default)."""

    text: str
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.starts = starts

    def edited(self, text: str, prefix: int, suffix: int) -> LineIndex:
        """The index of `text`, this index's text with text[prefix:len(text)-suffix]
        changed: the line starts before the change kept, those after it moved."""
        starts, old = self.starts, self.text
        kept = starts[: bisect.bisect_right(starts, prefix)]
        end = len(text) - suffix
        find = text.find
        pos = find("\n", prefix, end)
        while pos != -1:
            kept.append(pos + 1)
            pos = find("\n", pos + 1, end)
        shift = len(text) - len(old)
        after = bisect.bisect_left(starts, len(old) - suffix + 1)
        kept.extend([x + shift for x in starts[after:]])
        index = LineIndex.__new__(LineIndex)
        index.text, index.starts = text, kept
        return index

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        before = self.text[self.starts[line] : offset]
        if before.isascii():
            return line, len(before)
        return line, len(before.encode("utf-16-le")) // 2

    def offset(self, line: int, character: int) -> int:
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start = self.starts[line]
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        row = self.text[start:end]
        if row.isascii():
            return start + min(character, len(row))
        units = 0
        for i, ch in enumerate(row):
            if units >= character:
                return start + i
            units += 2 if ord(ch) > 0xFFFF else 1
        return end


def _file_source(path: Path, text: str, display: str, starts: list[int]) -> Source:
    """`Source(path, text, display)` with the line starts already found (the line index
    has them: counting a 6,000-line file's lines again was a tenth of a keystroke)."""
    source = Source.__new__(Source)
    for name, value in (("path", path), ("text", text), ("display", display)):
        object.__setattr__(source, name, value)
    object.__setattr__(source, "_line_starts", starts)
    return source


class FileState:
    """One `.iac` file: its text, its statements parsed, reused across edits."""

    def __init__(self, path: Path, text: str, display: str | None = None):
        self.path = path
        self.display = display or str(path)
        self.text = ""
        self.chunks: list[Chunk] = []
        self.index = LineIndex("")
        self.source = Source(path, "", self.display)
        self.parsed = 0  # chunks parsed so far (a measure of the incremental work)
        self.update(text)

    def update(self, text: str) -> None:
        """Take the file's new text: only the statements around what changed are split
        and parsed again; the others keep their trees and are moved."""
        if text == self.text and self.chunks:
            return
        old, chunks = self.text, self.chunks
        if chunks:
            prefix = common_prefix(old, text)
            suffix = common_suffix(old, text, min(len(old), len(text)) - prefix)
            index = self.index.edited(text, prefix, suffix)
            starts = [c.source.offset for c in chunks]
            k, middle, j = resplit_statements(old, starts, text, prefix, suffix)
        else:
            index = LineIndex(text)
            k, middle, j = 0, split_statements(text), 0
        # The chunks before the change are kept as they are, those after it moved; the
        # ones between are matched by their text (a statement that moved keeps its tree).
        cache: dict[str, list[Chunk]] = {}
        for chunk in chunks[k:j]:
            cache.setdefault(chunk.source.text, []).append(chunk)
        line_starts = index.starts
        after = chunks[j:]
        fresh = chunks[:k]
        for i, start in enumerate(middle):
            end = middle[i + 1] if i + 1 < len(middle) else len(text)
            if i + 1 == len(middle) and after:
                end = after[0].source.offset + len(text) - len(old)
            piece = text[start:end]
            reuse = cache.get(piece)
            chunk = reuse.pop() if reuse else self._parse(piece)
            chunk.source.place(start, bisect.bisect_right(line_starts, start) - 1)
            fresh.append(chunk)
        shift, lines = len(text) - len(old), len(line_starts) - len(self.index.starts)
        if shift or lines:
            for chunk in after:
                source = chunk.source
                source.place(source.offset + shift, source.first_line + lines)
        fresh.extend(after)
        self.text = text
        self.index = index
        self.chunks = fresh  # chunks no longer in the text are dropped: memory stays flat
        self.source = _file_source(self.path, text, self.display, line_starts)

    def _parse(self, piece: str) -> Chunk:
        self.parsed += 1
        src = ChunkSource(self.path, piece, self.display)
        src.place(0, 0)
        diags = Diagnostics()
        try:
            module = parse_source(src, diags)
        except RecursionError:
            module = None
            diags.error("E001", "the statement nests too deeply", Span(src, 0, min(1, len(piece))))
        return Chunk(src, module, diags.items)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for c in self.chunks for d in c.diagnostics]

    @property
    def ok(self) -> bool:
        return all(c.module is not None for c in self.chunks)

    def module(self) -> s.Module:
        statements = tuple(st for c in self.chunks if c.module for st in c.module.statements)
        return s.Module(statements, Span(self.source, 0, len(self.text)))
