"""The live log of a local run: events, invocations, workflow states, errors, and
each handler's own lines, kept for tests and printed as they happen."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    at: float  # seconds since the run started
    kind: str  # event | invoke | error | state | log | container | note
    who: str  # `function resize`, `workflow process_upload`, ...
    text: str

    def line(self) -> str:
        return f"{self.at:8.3f}  {self.kind:<9} {self.who}: {self.text}"


@dataclass
class Log:
    echo: Callable[[str], None] | None = None
    entries: list[Entry] = field(default_factory=list)
    _start: float = field(default_factory=time.monotonic)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, who: str, text: str) -> None:
        entry = Entry(round(time.monotonic() - self._start, 3), kind, who, text)
        with self._lock:
            self.entries.append(entry)
        if self.echo is not None:
            self.echo(entry.line())

    def of(self, who: str, kind: str | None = None) -> list[Entry]:
        with self._lock:
            return [e for e in self.entries if e.who == who and (kind is None or e.kind == kind)]
