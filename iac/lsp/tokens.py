"""Semantic tokens: kinds, keywords, names (declared and used), attributes, events,
operations, values, from a lexer that follows the grammar's terminals and the symbol
index's names."""

from __future__ import annotations

import re
from pathlib import Path

from .. import catalog as cat
from .document import FileState, file_offset
from .symbols import SymbolIndex

TOKEN_TYPES = [
    "keyword", "type", "variable", "parameter", "property", "event", "function", "string",
    "number", "comment", "operator", "enumMember", "regexp",
]  # fmt: skip
TOKEN_MODIFIERS = ["declaration", "readonly", "defaultLibrary"]
_T = {name: i for i, name in enumerate(TOKEN_TYPES)}

_STATEMENT_WORDS = {"app", "param", "on", "every", "cron", "output"}
_BLOCK_WORDS = {
    "allow", "key", "sort", "index", "invoke", "run", "send", "publish", "put", "wait", "if",
    "else", "parallel", "branch", "for", "each", "succeed", "fail", "exists", "and", "or",
    "not", "true", "false",
}  # fmt: skip
_LEX = re.compile(
    r'(?P<comment>(?:#|//)[^\n]*)|(?P<string>"[^"\\\n]*(?:\\.[^"\\\n]*)*"?)'
    r"|(?P<number>[0-9]+(?:\.[0-9]+)?[A-Za-z]*)|(?P<path>\$\$?(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[0-9]+\])*)"
    r"|(?P<route>(?<=[ \t])/[A-Za-z0-9_\-./{}+~]*)"
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>->|==|!=|<=|>=|[=<>:.])|(?P<nl>\n)"
)


def semantic_tokens(state: FileState, symbols: SymbolIndex, path: Path) -> list[int]:
    text = state.text
    declared: dict[int, str] = {}
    used: dict[int, str] = {}
    for decl in symbols.decls.values():
        if decl.name_span.source.path == path and not decl.implicit:
            declared[file_offset(decl.name_span)[0]] = decl.kind
    for use in symbols.uses:
        if use.span.source.path == path:
            use_kind = symbols.decls[use.name].kind if use.name in symbols.decls else ""
            used[file_offset(use.span)[0]] = use_kind
    tokens: list[tuple[int, int, int, int]] = []  # offset, length, type, modifiers
    line_start = True
    prev = ""
    prev_end = 0
    for m in _LEX.finditer(text):
        group = m.lastgroup
        start, end = m.start(), m.end()
        word = m.group()
        if group == "nl":
            line_start = True
            prev = ""
            continue
        kind = None
        mods = 0
        if group == "comment":
            kind = "comment"
        elif group == "string":
            kind = "string"
        elif group == "number":
            kind = "number"
        elif group == "path":
            kind = "regexp"
        elif group == "route":
            kind = "string"
        elif group == "op":
            kind = "operator" if word in ("->", "=", "==", "!=", "<", ">", "<=", ">=") else None
        elif group == "word":
            column_zero = start == 0 or text[start - 1] == "\n"
            if start in declared:
                kind = "parameter" if declared[start] == "param" else "variable"
                mods = 1
            elif start in used:
                kind = "parameter" if used[start] == "param" else "variable"
            elif line_start and column_zero and word in _STATEMENT_WORDS:
                kind = "keyword"
            elif line_start and column_zero and (word in cat.KINDS or word == "workflow"):
                kind = "type"
                mods = 4
            elif prev == "." and text[prev_end - 1] == ".":
                kind = "event" if re.match(r"\s*on\s", text[text.rfind("\n", 0, start) + 1 :]) \
                    else "property"  # fmt: skip
            elif word in cat.HTTP_METHODS and line_start:
                kind = "enumMember"
            elif re.match(r"\s*=(?!=)", text[end : end + 3]):
                kind = "property"
            elif word in _BLOCK_WORDS:
                kind = "keyword"
            elif prev == ":" and re.search(r"\ballow\b", text[text.rfind("\n", 0, start) : start]):
                kind = "function"
            elif prev == "," and re.search(r"\ballow\b", text[text.rfind("\n", 0, start) : start]):
                kind = "function"
            elif word in cat.KEY_TYPES or word in cat.PARAM_TYPES:
                kind = "type"
            line_start = False
        if kind is not None:
            tokens.append((start, end - start, _T[kind], mods))
        if group != "comment":
            prev = word if group in ("op", "word") else group or ""
            prev_end = end
            if group != "word":
                line_start = False
    return _encode(tokens, state)


def _encode(tokens: list[tuple[int, int, int, int]], state: FileState) -> list[int]:
    data: list[int] = []
    last_line = 0
    last_char = 0
    for offset, length, kind, mods in tokens:
        line, char = state.index.position(offset)
        _, end_char = state.index.position(offset + length)
        size = end_char - char
        if line == last_line:
            data += [0, char - last_char, size, kind, mods]
        else:
            data += [line - last_line, char, size, kind, mods]
        last_line, last_char = line, char
    return data
