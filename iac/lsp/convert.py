"""Compiler data as LSP data: spans as ranges, diagnostics with their codes and hints."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from lsprotocol import types as t

from ..diagnostics import Diagnostic, Severity
from ..source import Span
from .document import FileState, LineIndex, file_offset

FileOf = Callable[[Path], FileState | None]
UriOf = Callable[[Path], str]


def to_range(index: LineIndex, start: int, end: int) -> t.Range:
    sl, sc = index.position(start)
    el, ec = index.position(end)
    return t.Range(t.Position(sl, sc), t.Position(el, ec))


def span_range(span: Span, file_of: FileOf) -> t.Range | None:
    state = file_of(span.source.path)
    if state is None:
        return None
    start, end = file_offset(span)
    return to_range(state.index, start, end)


def span_location(span: Span, file_of: FileOf, uri_of: UriOf) -> t.Location | None:
    rng = span_range(span, file_of)
    if rng is None:
        return None
    return t.Location(uri_of(span.source.path), rng)


def to_diagnostic(
    d: Diagnostic, file_of: FileOf, uri_of: UriOf, docs: str | None
) -> tuple[Path, t.Diagnostic] | None:
    """One compiler diagnostic: its code (with a link to the docs), severity, the hints
    and the caret note in the message, and the secondary spans as related information."""
    if d.span is None:
        return None
    rng = span_range(d.span, file_of)
    if rng is None:
        return None
    lines = [d.message]
    if d.note:
        lines.append(d.note)
    lines += [f"help: {h}" for h in d.hints if h]
    related = []
    for label in d.labels:
        loc = span_location(label.span, file_of, uri_of)
        if loc is not None:
            related.append(t.DiagnosticRelatedInformation(loc, label.message or "here"))
    severity = (
        t.DiagnosticSeverity.Error if d.severity is Severity.ERROR else t.DiagnosticSeverity.Warning
    )
    return d.span.source.path, t.Diagnostic(
        range=rng,
        message="\n".join(lines),
        severity=severity,
        code=d.code,
        code_description=(
            t.CodeDescription(
                href=docs.replace("{code}", d.code).replace("{anchor}", d.code.lower())
            )
            if docs
            else None
        ),
        source="iac",
        related_information=related or None,
        data={"code": d.code, "hints": list(d.hints), "note": d.note},
    )


_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def word_at(text: str, offset: int) -> tuple[int, int] | None:
    """The name touching an offset, as (start, end)."""
    start = offset
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    end = offset
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    if start == end or not _WORD.fullmatch(text[start:end]):
        return None
    return start, end
