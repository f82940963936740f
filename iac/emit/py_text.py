"""Python spelling: string literals and calls laid out the way `ruff format` leaves them.

A generated expression is a small tree (`Code`, `Call`, `PyDict`, `PyList`, and
plain `str` for a string literal). `layout` writes it on one line when it fits,
else one item per line with a trailing comma: the "magic trailing comma" makes
ruff keep that shape, so the output is a fixed point of `ruff format`.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from ..records import record

LINE_LENGTH = 88  # ruff's default
_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def py_str(text: str) -> str:
    """A Python string literal that evaluates to exactly `text`.

    Double quotes unless single quotes need fewer escapes (ruff's rule). Printable
    non-ASCII stays as it is; control characters, line separators and lone
    surrogates become escapes. Never an f-string, so `{` and `}` are plain text.
    """
    if '"' not in text and "\\" not in text and text.isascii() and text.isprintable():
        return '"' + text + '"'  # most strings: nothing to escape
    quote = quote_for(text)
    return quote + py_str_body(text, quote) + quote


def quote_for(text: str) -> str:
    """The quote ruff writes a string of this text in: the one needing fewer escapes."""
    return "'" if text.count('"') > text.count("'") else '"'


def py_str_body(text: str, quote: str) -> str:
    """What goes between the quotes of a literal of `text` in `quote`."""
    if text.isascii() and text.isprintable():
        body = text.replace("\\", "\\\\")
    else:
        body = "".join(_escape(c) for c in text)
    return body.replace(quote, "\\" + quote)


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if char.isprintable() and not 0xD800 <= ord(char) <= 0xDFFF:
        return char
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def width(text: str) -> int:
    """Columns `text` takes, counting wide East Asian characters twice, as ruff does."""
    if text.isascii():
        return len(text)
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


# Expressions are made (tens of thousands per stack), read once by `layout` and
# dropped: plain slotted dataclasses, which nothing changes after they are made (a
# frozen one's `__init__` costs three times as much: it sets each field through
# `object.__setattr__`). Unhashable, as mutable dataclasses are: none is a key.
@record(frozen=False, slots=True)
class Code:
    """Python source text used as it is (a name, an attribute, a number)."""

    text: str


@record(frozen=False, slots=True)
class Call:
    func: str
    args: tuple[Expr, ...] = ()
    kwargs: tuple[tuple[str, Expr], ...] = ()


@record(frozen=False, slots=True)
class PyDict:
    items: tuple[tuple[Expr, Expr], ...]


@record(frozen=False, slots=True)
class PyList:
    items: tuple[Expr, ...]


Expr = str | Code | Call | PyDict | PyList


def flat(expr: Expr) -> str:
    """The expression on one line."""
    return _flat(expr, {})


def _flat(expr: Any, memo: dict[int, list[str]]) -> str:
    """The expression on one line. `memo` gets, by id, the items of each bracketed part
    on one line (with their `name=` or `key: `): `layout` reads them to see what fits
    at each level, so each part is spelled once per layout, not once per level."""
    kind = type(expr)
    if kind is str:
        return py_str(expr)
    if kind is Code:
        return expr.text  # type: ignore[no-any-return]
    if kind is Call:
        texts = [_flat(a, memo) for a in expr.args]
        if expr.kwargs:
            texts += [k + "=" + _flat(v, memo) for k, v in expr.kwargs]
        memo[id(expr)] = texts
        return expr.func + "(" + ", ".join(texts) + ")"  # type: ignore[no-any-return]
    if kind is PyDict:
        texts = [_flat(k, memo) + ": " + _flat(v, memo) for k, v in expr.items]
        memo[id(expr)] = texts
        return "{" + ", ".join(texts) + "}"
    if kind is PyList:
        texts = [_flat(e, memo) for e in expr.items]
        memo[id(expr)] = texts
        return "[" + ", ".join(texts) + "]"
    raise TypeError(f"not an expression: {expr!r}")


def layout(expr: Expr, indent: int, lead: str = "", tail: str = "", margin: int = 0) -> str:
    """`lead + expr + tail` starting at column `indent`, without the leading spaces.

    Continuation lines are written `margin` columns left of where they sit in the
    file (a statement laid out at its final column, written relative to its block)."""
    if type(expr) is str:  # a leaf is one line, however long
        return lead + py_str(expr) + tail
    if type(expr) is Code:
        return lead + expr.text + tail
    memo: dict[int, list[str]] = {}
    line = lead + _flat(expr, memo) + tail
    if indent + (len(line) if line.isascii() else width(line)) <= LINE_LENGTH:
        return line
    lines: list[str] = []
    _broken(expr, indent, lead, tail, memo, margin, lines)  # type: ignore[arg-type]
    return "\n".join(lines)


def _broken(
    expr: Call | PyDict | PyList,
    indent: int,
    head: str,
    tail: str,
    memo: dict[int, list[str]],
    margin: int,
    lines: list[str],
) -> None:
    """The lines of `head + expr + tail`, which does not fit on its line, added to
    `lines` (joined once, at the end): one item a line, each with its trailing comma.
    An item that fits is its flat form (in `memo`); only the items that don't are
    broken in turn."""
    opening, closing = _brackets(expr)
    texts = memo[id(expr)]
    if not texts:  # nothing to break
        lines.append(head + opening + closing + tail)
        return
    inner = indent + 4
    room = LINE_LENGTH - inner
    pad = " " * (inner - margin)
    lines.append(head + opening)
    for index, text in enumerate(texts):
        one = text + ","
        if (len(one) if one.isascii() else width(one)) <= room:
            lines.append(pad + one)
            continue
        item_lead, item = _item(expr, index, memo)
        if type(item) is str or type(item) is Code:  # a leaf is one line, however long
            lines.append(pad + one)
        else:
            _broken(item, inner, pad + item_lead, ",", memo, margin, lines)  # type: ignore[arg-type]
    lines.append(" " * (indent - margin) + closing + tail)


def _brackets(expr: Call | PyDict | PyList) -> tuple[str, str]:
    if type(expr) is Call:
        return expr.func + "(", ")"
    if type(expr) is PyDict:
        return "{", "}"
    return "[", "]"


def _item(expr: Any, index: int, memo: dict[int, list[str]]) -> tuple[str, Expr]:
    """The lead (`name=`, `key: `) and the expression of one item of a bracketed one."""
    if type(expr) is Call:
        if index < len(expr.args):
            return "", expr.args[index]
        name, value = expr.kwargs[index - len(expr.args)]
        return name + "=", value
    if type(expr) is PyDict:
        key, value = expr.items[index]
        return _flat(key, memo) + ": ", value
    return "", expr.items[index]
