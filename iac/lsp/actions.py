"""Quick fixes: what a diagnostic's note or help says to do, where it is mechanical."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .. import syntax as s
from ..source import Span
from .document import FileState, file_offset
from .symbols import SymbolIndex

# (file, start offset, end offset, new text)
Edit = tuple[Path, int, int, str]

_DID_YOU_MEAN = re.compile(r"did you mean `([^`]+)`\?")
_SET = re.compile(r"^(?:set|add) `([a-z_]+) = ([^`]+)`(?: (?:on|to) (?:[a-z]+ )?`([a-z0-9_]+)`)?")


def fixes(
    code: str,
    message: str,
    note: str,
    hints: list[str],
    start: int,
    end: int,
    path: Path,
    symbols: SymbolIndex,
    files: dict[Path, FileState],
) -> list[tuple[str, list[Edit]]]:
    """(title, edits) for each fix of one diagnostic at [start, end) of `path`."""
    out: list[tuple[str, list[Edit]]] = []
    for text in [note, *hints]:
        for guess in _DID_YOU_MEAN.findall(text or ""):
            out.append((f"replace with `{guess}`", [(path, start, end, guess)]))
    for hint in hints:
        m = _SET.match(hint or "")
        if not m:
            continue
        attr, value, owner = m.groups()
        if value == "...":
            value = _placeholder(hint)
            if value is None:
                continue
        name = owner or _owner(message)
        decl = symbols.decls.get(name) if name else None
        if decl is None or not isinstance(decl.statement, s.ResourceDecl):
            continue
        edit = set_attribute(decl.statement, attr, value, files)
        if edit is not None:
            out.append((f"set `{attr} = {value}` on `{name}`", [edit]))
    return out


def _owner(message: str) -> str | None:
    m = re.search(r"`([a-z][a-z0-9_]*)`", message)
    return m.group(1) if m else None


def _placeholder(hint: str) -> str | None:
    if "(string" in hint or "file or folder" in hint or "an image URI" in hint or "id)" in hint:
        return '""'
    return None


def set_attribute(st: s.ResourceDecl, attr: str, value: str,
                  files: dict[Path, FileState]) -> Edit | None:  # fmt: skip
    """Replace the attribute's value, or add the attribute to the resource's block."""
    path = st.span.source.path
    state = files.get(path)
    if state is None:
        return None
    for item in st.items:
        if isinstance(item, s.Attribute) and item.name.text == attr:
            a, b = file_offset(item.value.span)
            return (path, a, b, value)
    start, end = file_offset(st.span)
    text = state.text
    body = text[start:end]
    brace = _block_open(body)
    if brace is None:  # `queue jobs` with no block
        return (path, end, end, f" {{ {attr} = {value} }}")
    line_end = body.find("\n", brace)
    if line_end == -1 or body[brace + 1 : line_end].strip():  # an inline block
        close = body.rstrip().rfind("}")
        inner = body[brace + 1 : close].strip()
        sep = ", " if inner else " "
        return (path, start + close, start + close, f"{sep}{attr} = {value} ".lstrip(" ") if
                not inner else f", {attr} = {value} ")  # fmt: skip
    indent = "  "
    nxt = body[line_end + 1 :]
    m = re.match(r"([ \t]+)\S", nxt)
    if m:
        indent = m.group(1)
    at = start + line_end + 1
    return (path, at, at, f"{indent}{attr} = {value}\n")


def _block_open(body: str) -> int | None:
    in_string = False
    i = 0
    while i < len(body):
        c = body[i]
        if in_string:
            if c == "\\":
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c == "#":
            nl = body.find("\n", i)
            i = len(body) if nl == -1 else nl
            continue
        elif c == "{":
            return i
        i += 1
    return None


def as_data(edits: list[Edit]) -> list[dict[str, Any]]:
    return [{"file": str(p), "start": a, "end": b, "text": text} for p, a, b, text in edits]


def span_edit(span: Span, text: str) -> Edit:
    a, b = file_offset(span)
    return (span.source.path, a, b, text)
