"""Python spelling: string literals and calls laid out the way `ruff format` leaves them.

A generated expression is a small tree (`Code`, `Call`, `PyDict`, `PyList`, and
plain `str` for a string literal). `layout` writes it on one line when it fits,
else one item per line with a trailing comma: the "magic trailing comma" makes
ruff keep that shape, so the output is a fixed point of `ruff format`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

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


def flat(expr: Expr) -> str:
    """The expression on one line."""
    return _flat(expr, {})


def _flat(expr: Any, memo: dict[int, list[str]]) -> str:
    kind = type(expr)
    if kind is str:
        return py_str(expr)
    if kind is Code:
        return expr.text  # type: ignore[no-any-return]
    opening, closing = _brackets(expr)
    return opening + ", ".join(_item_texts(expr, memo)) + closing


def _brackets(expr: Any) -> tuple[str, str]:
    kind = type(expr)
    if kind is Call:
        return expr.func + "(", ")"
    if kind is PyDict:
        return "{", "}"
    if kind is PyList:
        return "[", "]"
    raise TypeError(f"not an expression: {expr!r}")


def _item_texts(expr: Any, memo: dict[int, list[str]]) -> list[str]:
    """Each item of a bracketed expression on one line, with its lead (`name=`, `key: `).

    Kept in `memo` (by the expression's id, for one layout): a layout that breaks the
    expression reads them to see which items fit, so each sub-expression is spelled
    once per layout, not once per level it is nested in."""
    texts = memo.get(id(expr))
    if texts is None:
        kind = type(expr)
        if kind is Call:
            texts = [_flat(a, memo) for a in expr.args]
            texts += [k + "=" + _flat(v, memo) for k, v in expr.kwargs]
        elif kind is PyDict:
            texts = [_flat(k, memo) + ": " + _flat(v, memo) for k, v in expr.items]
        elif kind is PyList:
            texts = [_flat(e, memo) for e in expr.items]
        else:
            raise TypeError(f"not an expression: {expr!r}")
        memo[id(expr)] = texts
    return texts


def _item(expr: Any, index: int, memo: dict[int, list[str]]) -> tuple[str, Expr]:
    """The lead and the expression of one item of a bracketed expression."""
    if type(expr) is Call:
        if index < len(expr.args):
            return "", expr.args[index]
        name, value = expr.kwargs[index - len(expr.args)]
        return name + "=", value
    if type(expr) is PyDict:
        key, value = expr.items[index]
        return _flat(key, memo) + ": ", value
    return "", expr.items[index]


def layout(expr: Expr, indent: int, lead: str = "", tail: str = "", margin: int = 0) -> str:
    """`lead + expr + tail` starting at column `indent`, without the leading spaces.

    Continuation lines are written `margin` columns left of where they sit in the
    file (a statement laid out at its final column, written relative to its block)."""
    kind = type(expr)
    if kind is str:  # a leaf is one line, however long
        return lead + py_str(expr) + tail  # type: ignore[arg-type]
    if kind is Code:
        return lead + expr.text + tail  # type: ignore[union-attr]
    return _layout(expr, indent, lead, tail, {}, margin)


def _layout(
    expr: Any, indent: int, lead: str, tail: str, memo: dict[int, list[str]], margin: int
) -> str:
    opening, closing = _brackets(expr)
    texts = _item_texts(expr, memo)
    line = lead + opening + ", ".join(texts) + closing + tail
    if indent + (len(line) if line.isascii() else width(line)) <= LINE_LENGTH or not texts:
        return line
    # One item a line, each with its trailing comma; an item that fits is its flat
    # form (already in `memo`), so only the items that break are laid out again.
    inner = indent + 4
    room = LINE_LENGTH - inner
    pad = " " * (inner - margin)
    lines = []
    for index, text in enumerate(texts):
        one = text + ","
        if (len(one) if one.isascii() else width(one)) <= room:
            lines.append(pad + one)
            continue
        item_lead, item = _item(expr, index, memo)
        if type(item) is str or type(item) is Code:  # a leaf is one line, however long
            lines.append(pad + one)
        else:
            lines.append(pad + _layout(item, inner, item_lead, ",", memo, margin))
    last = " " * (indent - margin) + closing + tail
    return lead + opening + "\n" + "\n".join(lines) + "\n" + last
