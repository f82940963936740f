"""Source files and spans: offsets are stored, lines and columns computed on demand."""

from __future__ import annotations

import bisect
from pathlib import Path

from .records import field, record


@record(eq=False)
class Source:
    """One source file's text. Compared by identity: a program owns its sources."""

    path: Path
    text: str = field(repr=False)
    display: str = ""
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._line_starts.extend(starts)
        if not self.display:
            object.__setattr__(self, "display", str(self.path))

    @property
    def directory(self) -> Path:
        return self.path.parent

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start : end if end != -1 else len(self.text)].rstrip("\r")

    @property
    def line_count(self) -> int:
        return len(self._line_starts)


@record
class Span:
    """A half-open range of character offsets in one source."""

    source: Source
    start: int
    end: int

    @property
    def line(self) -> int:
        return self.source.line_col(self.start)[0]

    @property
    def column(self) -> int:
        return self.source.line_col(self.start)[1]

    def to(self, other: Span) -> Span:
        return Span(self.source, min(self.start, other.start), max(self.end, other.end))

    @property
    def text(self) -> str:
        return self.source.text[self.start : self.end]

    def sort_key(self) -> tuple[str, int, int]:
        return (self.source.display, self.start, self.end)

    def where(self) -> str:
        """`file:line`, as the generated files cite their source."""
        return f"{self.source.path.name}:{self.line}"
