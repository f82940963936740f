"""Python spelling: string literals and calls laid out the way `ruff format` leaves them.

A generated expression is a small tree (`Code`, `Call`, `PyDict`, `PyList`, and
plain `str` for a string literal). `layout` writes it on one line when it fits,
else one item per line with a trailing comma: the "magic trailing comma" makes
ruff keep that shape, so the output is a fixed point of `ruff format`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

LINE_LENGTH = 88  # ruff's default
_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


@lru_cache(maxsize=4096)  # the same names and actions recur across resources
def py_str(text: str) -> str:
    """A Python string literal that evaluates to exactly `text`.

    Double quotes unless single quotes need fewer escapes (ruff's rule). Printable
    non-ASCII stays as it is; control characters, line separators and lone
    surrogates become escapes. Never an f-string, so `{` and `}` are plain text.
    """
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


@dataclass(frozen=True)
class Code:
    """Python source text used as it is (a name, an attribute, a number)."""

    text: str


@dataclass(frozen=True)
class Call:
    func: str
    args: tuple[Expr, ...] = ()
    kwargs: tuple[tuple[str, Expr], ...] = ()


@dataclass(frozen=True)
class PyDict:
    items: tuple[tuple[Expr, Expr], ...]


@dataclass(frozen=True)
class PyList:
    items: tuple[Expr, ...]


Expr = str | Code | Call | PyDict | PyList


def flat(expr: Expr, memo: dict[int, str] | None = None) -> str:
    """The expression on one line. `memo` (by object id, for one layout) keeps each
    sub-expression's flat form, so `layout` spells each once, not once per level."""
    return _flat(expr, {} if memo is None else memo)


def _flat(expr: Expr, memo: dict[int, str]) -> str:
    if isinstance(expr, str):
        return py_str(expr)
    if isinstance(expr, Code):
        return expr.text
    known = memo.get(id(expr))
    if known is not None:
        return known
    if isinstance(expr, Call):
        items = [_flat(a, memo) for a in expr.args]
        items += [k + "=" + _flat(v, memo) for k, v in expr.kwargs]
        text = expr.func + "(" + ", ".join(items) + ")"
    elif isinstance(expr, PyDict):
        text = (
            "{" + ", ".join([_flat(k, memo) + ": " + _flat(v, memo) for k, v in expr.items]) + "}"
        )
    elif isinstance(expr, PyList):
        text = "[" + ", ".join([_flat(e, memo) for e in expr.items]) + "]"
    else:
        raise TypeError(f"not an expression: {expr!r}")
    memo[id(expr)] = text
    return text


def _items(expr: Any, memo: dict[int, str]) -> tuple[str, list[tuple[str, Expr]], str]:
    """Opening text, (lead, item) pairs and closing text of a bracketed expression."""
    if isinstance(expr, Call):
        items = [("", a) for a in expr.args] + [(k + "=", v) for k, v in expr.kwargs]
        return expr.func + "(", items, ")"
    if isinstance(expr, PyDict):
        return "{", [(_flat(k, memo) + ": ", v) for k, v in expr.items], "}"
    if isinstance(expr, PyList):
        return "[", [("", e) for e in expr.items], "]"
    raise TypeError(f"not an expression: {expr!r}")


def layout(expr: Expr, indent: int, lead: str = "", tail: str = "", margin: int = 0) -> str:
    """`lead + expr + tail` starting at column `indent`, without the leading spaces.

    Continuation lines are written `margin` columns left of where they sit in the
    file (a statement laid out at its final column, written relative to its block)."""
    if isinstance(expr, str):  # a leaf is one line, however long
        return lead + py_str(expr) + tail
    if isinstance(expr, Code):
        return lead + expr.text + tail
    return _layout(expr, indent, lead, tail, {}, margin)


def _layout(
    expr: Expr, indent: int, lead: str, tail: str, memo: dict[int, str], margin: int
) -> str:
    text = _flat(expr, memo)
    line = lead + text + tail
    size = len(line) if line.isascii() else width(line)
    if indent + size <= LINE_LENGTH or isinstance(expr, str | Code):
        return line
    open_, items, close = _items(expr, memo)
    if not items:
        return line
    # One item a line, each with its trailing comma; an item that fits is its flat
    # form (already in `memo`), so only the items that break are laid out again.
    inner = indent + 4
    pad = " " * (inner - margin)
    lines = []
    for item_lead, item in items:
        flat_item = _flat(item, memo)
        one = item_lead + flat_item + ","
        if inner + (len(one) if one.isascii() else width(one)) <= LINE_LENGTH or isinstance(
            item, str | Code
        ):
            lines.append(pad + one)
        else:
            lines.append(pad + _layout(item, inner, item_lead, ",", memo, margin))
    return lead + open_ + "\n" + "\n".join(lines) + "\n" + " " * (indent - margin) + close + tail
