"""The canonical layout of a program: `iac fmt`, and the language server's formatter.

API (pure, no I/O)::

    format_source(text: str, path: str = "main.iac") -> str
        The formatted text. Raises `FormatError` (its `.diagnostics` are the syntax
        errors, each with a span) when the text does not parse: a program with
        syntax errors is never formatted.

The layout: 2-space indentation per open bracket line, `=` aligned within a run of
consecutive attribute lines of one block (as `terraform fmt` aligns it), single spaces
around `->`, `=`, comparisons and after `:` and `,`, blank lines kept but collapsed to
one, every comment kept on its line (trailing comments of consecutive lines aligned), no
trailing whitespace, one final newline.

It works on the token stream, not the syntax tree (which has no comments): line breaks
between tokens are never added or removed, only the spaces between tokens and the
indentation change, so the parser sees the same tokens in the same statements. A last
check compares the tokens of the input and the output and refuses to return a layout
that changed them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .diagnostics import Diagnostic, Diagnostics

__all__ = ["FormatError", "format_source"]


class FormatError(Exception):
    """The text has syntax errors; `diagnostics` says where."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__(f"{len(diagnostics)} syntax error(s): not formatted")


# The lexical classes the layout needs, mirroring grammar/iac.lark's terminals where a
# character could belong to two of them (a `{` inside a route path, a `[0]` inside a
# JSON path, a `.` inside a number).
_TOKEN = re.compile(
    r"""
      (?P<nl>(?:[ \t\f\r]*\n)+)
    | (?P<ws>[ \t\f\r]+)
    | (?P<cont>\\\r?\n)
    | (?P<comment>(?:\#|//)[^\n]*)
    | (?P<string>"[^"\\\n]*(?:\\.[^"\\\n]*)*")
    | (?P<route>/(?:[A-Za-z0-9_\-.{}+~][A-Za-z0-9_\-./{}+~]*)?)
    | (?P<jsonpath>\$\$?(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[0-9]+\])*)
    | (?P<number>[0-9]+(?:\.[0-9]+)?[A-Za-z0-9_]*)
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<punct>->|==|!=|<=|>=|[<>=:,.{}()\[\]])
    | (?P<other>.)
    """,
    re.VERBOSE,
)

_OPEN = {"{": "}", "(": ")", "[": "]"}
_CLOSE = set(_OPEN.values())
_SPACED = {"=", "->", "==", "!=", "<=", ">=", "<", ">"}
_CONDITION_WORDS = {"if", "and", "or", "not"}


@dataclass(frozen=True)
class _Tok:
    kind: str  # word, string, route, jsonpath, number, punct, comment, cont, other
    text: str


def _tokens(text: str) -> list[list[_Tok]]:
    """The text's tokens, line by line; an empty line list stands for a blank line."""
    lines: list[list[_Tok]] = [[]]
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind == "ws":
            continue
        if kind == "nl":
            breaks = m.group().count("\n")
            lines.extend([] for _ in range(min(breaks, 2) - 1))
            lines.append([])
            continue
        lines[-1].append(_Tok(kind, m.group()))
        if kind == "cont":
            lines.append([])
    return lines


def _significant(text: str) -> list[str]:
    """Tokens and the line breaks that matter, for the final safety check."""
    out: list[str] = []
    for line in _tokens(text):
        if line:
            out.extend(t.text for t in line)
            out.append("\n")
    return out


def _space(prev: _Tok, tok: _Tok, before_prev: _Tok | None) -> str:
    p, t = prev.text, tok.text
    if prev.kind == "punct" and p in ("(", "["):
        return ""
    if tok.kind == "punct":
        if t in (")", "]", ",", ":", "."):
            return ""
        if t == "}":
            return "" if p == "{" else " "
        if t == "(":
            if prev.kind == "word" and (p not in _CONDITION_WORDS or _after_dot(before_prev)):
                return ""  # filters: `on q.message(prefix: "in/")`
            return " "
    if prev.kind == "punct" and p == ".":
        return ""
    return " "


def _after_dot(tok: _Tok | None) -> bool:
    return tok is not None and tok.kind == "punct" and tok.text == "."


def _join(line: list[_Tok]) -> tuple[str, str]:
    """A line's code and its trailing comment (either may be empty)."""
    parts: list[str] = []
    comment = ""
    for i, tok in enumerate(line):
        if tok.kind == "comment":
            comment = tok.text.rstrip()
            continue
        if parts:
            parts.append(_space(line[i - 1], tok, line[i - 2] if i >= 2 else None))
        parts.append(tok.text.rstrip("\r\n") if tok.kind == "cont" else tok.text)
    return "".join(parts), comment


@dataclass
class _Line:
    indent: int  # in levels
    code: str
    comment: str
    align_key: tuple[int, int] | None  # (depth, block id) for `NAME =` lines
    name_len: int = 0


def _layout(lines: list[list[_Tok]]) -> list[_Line | None]:
    """Indentation per line (None for a blank line)."""
    stack: list[tuple[str, int]] = []  # open bracket, the line it was opened on
    block_ids: list[int] = [0]
    next_block = 1
    out: list[_Line | None] = []
    continued = False
    for number, line in enumerate(lines):
        if not line:
            out.append(None)
            continue
        leading = 0
        for tok in line:
            if tok.kind == "punct" and tok.text in _CLOSE:
                leading += 1
            else:
                break
        remaining = stack[: max(0, len(stack) - leading)]
        indent = len({opened for _, opened in remaining}) + (1 if continued else 0)
        code, comment = _join(line)
        key = None
        name_len = 0
        if (
            len(line) >= 2
            and line[0].kind == "word"
            and line[1].kind == "punct"
            and line[1].text == "="
            and not continued
        ):
            key = (indent, block_ids[-1])
            name_len = len(line[0].text)
        out.append(_Line(indent, code, comment, key, name_len))
        for tok in line:
            if tok.kind != "punct":
                continue
            if tok.text in _OPEN:
                stack.append((tok.text, number))
                block_ids.append(next_block)
                next_block += 1
            elif tok.text in _CLOSE and stack:
                stack.pop()
                block_ids.pop()
        continued = line[-1].kind == "cont"
    return out


def _align_equals(lines: list[_Line | None]) -> None:
    """Pad the names of consecutive `NAME = value` lines of one block to one width."""
    run: list[_Line] = []

    def flush() -> None:
        width = max((ln.name_len for ln in run), default=0)
        for ln in run:
            name, rest = ln.code[: ln.name_len], ln.code[ln.name_len :].lstrip()
            ln.code = f"{name:<{width}} {rest}"
        run.clear()

    for ln in lines:
        if (
            ln is not None
            and ln.align_key is not None
            and (not run or run[-1].align_key == ln.align_key)
        ):
            run.append(ln)
            continue
        flush()
        if ln is not None and ln.align_key is not None:
            run.append(ln)
    flush()


def _render(lines: list[_Line | None]) -> str:
    """Indent, align trailing comments of consecutive lines, drop edge blank lines."""
    texts: list[str | None] = []
    group: list[int] = []

    def flush() -> None:
        width = max((len(texts[i] or "") for i in group), default=0)
        for i in group:
            line = lines[i]
            assert line is not None
            texts[i] = f"{texts[i] or '':<{width}} {line.comment}"
        group.clear()

    for i, line in enumerate(lines):
        if line is None:
            flush()
            texts.append(None)
            continue
        head = "  " * line.indent + line.code if line.code else ""
        if not line.code:
            flush()
            texts.append("  " * line.indent + line.comment)
            continue
        texts.append(head)
        if line.comment:
            group.append(i)
        else:
            flush()
    flush()
    while texts and texts[0] is None:
        texts.pop(0)
    while texts and texts[-1] is None:
        texts.pop()
    if not texts:
        return ""
    return "\n".join((t or "").rstrip() for t in texts) + "\n"


def _syntax_errors(text: str, path: str) -> list[Diagnostic]:
    from pathlib import Path

    from .parser import parse_source
    from .source import Source

    diags = Diagnostics()
    module = parse_source(Source(Path(path), text, path), diags)
    errors = [d for d in diags.sorted() if d.severity.value == "error"]
    if module is None and not errors:  # pragma: no cover - the parser always says why
        raise FormatError([])
    return errors


def format_source(text: str, path: str = "main.iac") -> str:
    """The canonical layout of `text`; FormatError when it does not parse."""
    text = text.removeprefix("\ufeff")
    errors = _syntax_errors(text, path)
    if errors:
        raise FormatError(errors)
    lines = _layout(_tokens(text))
    _align_equals(lines)
    result = _render(lines)
    if _significant(result) != _significant(text):  # pragma: no cover - a bug, never meaning
        raise AssertionError("the formatter would change the program's tokens")
    return result
