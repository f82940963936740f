"""Diagnostics are data: the compiler collects them, the edges render them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum

from .records import field, record
from .source import Span


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@record
class Label:
    span: Span
    message: str = ""


@record
class Diagnostic:
    code: str
    severity: Severity
    message: str
    span: Span | None
    labels: tuple[Label, ...] = ()
    hints: tuple[str, ...] = ()
    note: str = ""  # text shown under the primary caret
    # The text that fixes the primary span, where a `did you mean` names one exactly
    # (editors and SARIF offer it as a fix).
    replacement: str | None = None

    def sort_key(self) -> tuple[str, int, int, str]:
        if self.span is None:
            return ("", -1, -1, self.code)
        return (*self.span.sort_key(), self.code)


class CompileError(Exception):
    """Raised by a stage that cannot go on; carries every diagnostic found."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = sorted(diagnostics, key=Diagnostic.sort_key)
        super().__init__(f"{len(self.diagnostics)} error(s)")


@record(frozen=False)
class Diagnostics:
    """The collector a stage appends to."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(
        self,
        code: str,
        message: str,
        span: Span | None,
        *,
        labels: Iterable[Label] = (),
        hints: Iterable[str] = (),
        note: str = "",
    ) -> None:
        self.items.append(
            Diagnostic(
                code,
                Severity.ERROR,
                _cut(message),
                span,
                tuple(labels),
                _cuts(hints),
                note,
                _replacement(span, note),
            )
        )

    def warning(
        self,
        code: str,
        message: str,
        span: Span | None,
        *,
        labels: Iterable[Label] = (),
        hints: Iterable[str] = (),
        note: str = "",
    ) -> None:
        self.items.append(
            Diagnostic(
                code,
                Severity.WARNING,
                _cut(message),
                span,
                tuple(labels),
                _cuts(hints),
                note,
                _replacement(span, note),
            )
        )

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=Diagnostic.sort_key)


_MAX_MESSAGE = 400


def _cut(text: str) -> str:
    """Messages quote names and values from the program: keep a huge one readable."""
    if len(text) <= _MAX_MESSAGE:
        return text
    half = _MAX_MESSAGE // 2
    return text[:half] + "..." + text[-half:]


# Compiled (by `re`, once) for the first hint: a clean program never needs them.
_GUESS = r"did you mean `([^`]+)`\?"
_WORD = r"[A-Za-z_][A-Za-z0-9_]*"
_PLAIN_STRING = r'"[^"\\$\n]*"'


def _replacement(span: Span | None, note: str) -> str | None:
    """The fix a `did you mean` names, when it replaces the primary span as a whole: a
    name for a name, a string for a plain string; never a guess at a larger span."""
    match = re.fullmatch(_GUESS, note)
    if span is None or match is None:
        return None
    guess, text = match.group(1), span.text
    if re.fullmatch(_WORD, text) and re.fullmatch(_WORD, guess):
        return guess
    if re.fullmatch(_PLAIN_STRING, text) and '"' not in guess and "\\" not in guess:
        return f'"{guess}"'
    return None


def _cuts(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(_cut(t) for t in texts)


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """The nearest candidate, if one is close enough to be a likely typo."""
    import difflib  # only for a mistake: not for every start

    pool = sorted(set(candidates))
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return matches[0] if matches else None


def one_of(words: Iterable[str]) -> str:
    items = [f"`{w}`" for w in words]
    if not items:
        return "nothing"
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " or " + items[-1]


# ---------------------------------------------------------------- rendering


def render_human(diagnostics: Iterable[Diagnostic], color: bool = False) -> str:
    return "\n".join(_render_one(d, color) for d in diagnostics)


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _render_one(d: Diagnostic, color: bool) -> str:
    sev = d.severity.value
    head = _paint(f"{sev}[{d.code}]", "1;31" if sev == "error" else "1;33", color)
    out = [f"{head}: {d.message}"]
    if d.span is None:
        out.extend(f"  = help: {h}" for h in d.hints)
        return "\n".join(out) + "\n"
    src = d.span.source
    line, col = src.line_col(d.span.start)
    marks: list[tuple[Span, str, str]] = [(d.span, "^", d.note)]
    marks += [(lb.span, "-", lb.message) for lb in d.labels if lb.span.source is src]
    lines = sorted({s.line for s, _, _ in marks})
    width = len(str(lines[-1]))
    pad = " " * width
    out.append(f"{pad}--> {src.display}:{line}:{col}")
    out.append(f"{pad} |")
    previous = None
    for ln in lines:
        if previous is not None and ln > previous + 1:
            out.append(f"{pad} .")
        text = src.line_text(ln)
        cols = [src.line_col(sp.start)[1] for sp, _, _ in marks if sp.line == ln]
        shown, shift = _window(text, min(cols))
        out.append(f"{ln:>{width}} | {_visible(shown)}")
        for span, ch, msg in marks:
            if span.line != ln:
                continue
            start_col = src.line_col(span.start)[1]
            end_line, end_col = src.line_col(span.end)
            if end_line != ln:
                end_col = len(text) + 1
            start_col -= shift
            end_col = min(end_col - shift, len(shown) + 1)
            length = max(1, end_col - start_col)
            under = " " * (start_col - 1) + ch * length
            out.append(f"{pad} | " + (under + (" " + msg if msg else "")).rstrip())
        previous = ln
    for lb in d.labels:
        if lb.span.source is not src:
            out.append(f"{pad} = note: {lb.message} at {lb.span.source.display}:{lb.span.line}")
    out.extend(f"{pad} = help: {h}" for h in d.hints)
    return "\n".join(out) + "\n"


_WIDTH = 120  # longer source lines are shown as a window around the first mark


def _window(text: str, column: int) -> tuple[str, int]:
    """The part of a long line worth showing, and how many columns it was shifted left."""
    if len(text) <= _WIDTH:
        return text, 0
    cut = max(0, min(column - 1 - 20, len(text) - _WIDTH))
    head = "..." if cut else ""
    tail = "..." if cut + _WIDTH < len(text) else ""
    return head + text[cut : cut + _WIDTH] + tail, cut - len(head)


def _visible(text: str) -> str:
    # Tabs would misalign the carets; control characters would garble a terminal.
    return "".join(" " if c == "\t" else (c if c.isprintable() else "?") for c in text)


def to_json_objects(diagnostics: Iterable[Diagnostic]) -> list[dict[str, object]]:
    """The stable machine format documented in the README."""
    rows: list[dict[str, object]] = []
    for d in diagnostics:
        row: dict[str, object] = {
            "file": None,
            "line": None,
            "column": None,
            "end_line": None,
            "end_column": None,
            "code": d.code,
            "severity": d.severity.value,
            "message": d.message,
            "hints": list(d.hints) + ([d.note] if d.note else []),
            "related": [{**_where(lb.span), "message": lb.message} for lb in d.labels],
        }
        if d.span is not None:
            row.update(_where(d.span))
        rows.append(row)
    return rows


def _where(span: Span) -> dict[str, object]:
    src = span.source
    line, col = src.line_col(span.start)
    end_line, end_col = src.line_col(span.end)
    return {
        "file": src.display,
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
    }


def render_json(diagnostics: Iterable[Diagnostic]) -> str:
    import json  # `--format json` only: a check that prints text never loads it

    return json.dumps(to_json_objects(diagnostics), indent=2, ensure_ascii=False)
