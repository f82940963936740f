"""HCL spelling of plain strings, and the alignment `terraform fmt` gives attributes."""

from __future__ import annotations

import re

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Control characters HCL would keep raw or refuse in a quoted string.
_CONTROL = re.compile("[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]")
_TEMPLATE = re.compile(r"([\\\"\n\r\t])|([$%]\{)")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")  # `-` is legal, but reads as minus
_KEYWORDS = {"true", "false", "null", "for", "in", "if", "endif", "endfor", "else"}


def template_text(text: str) -> str:
    """The inside of a quoted HCL string that reads back as exactly `text`.

    `${` and `%{` would start an interpolation or a directive: HCL's own escapes
    for them are `$${` and `%%{`.
    """

    def escape(match: re.Match[str]) -> str:
        if match.group(1):
            return _ESCAPES[match.group(1)]
        return match.group(2)[0] + match.group(2)

    out = _TEMPLATE.sub(escape, text)
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", out)


def hcl_str(text: str) -> str:
    """A quoted HCL string literal for `text`."""
    return f'"{template_text(text)}"'


def hcl_key(text: str) -> str:
    """An object key: bare when it is a plain identifier, quoted otherwise."""
    if _IDENT.match(text) and text not in _KEYWORDS:
        return text
    return hcl_str(text)


# ---------------------------------------------------------------- terraform fmt

_KEY = re.compile(r'\s*([A-Za-z_][A-Za-z0-9_-]*|"(?:[^"\\]|\\.)*")\s*=(?!=)\s*')
_OPEN, _CLOSE = "{[(", "}])"
_ANY_BRACKET = re.compile(r"[][{}()]")


_STRING = re.compile(r'"(?:[^"\\]|\\.)*(?:"|\Z)', re.S)


def _balanced(expr: str) -> bool:
    """True when `expr` closes every bracket it opens (strings, even unclosed, skipped)."""
    if not _ANY_BRACKET.search(expr):
        return True  # most values: no bracket to count, in a string or out of one
    bare = _STRING.sub("", expr)
    return sum(map(bare.count, _OPEN)) == sum(map(bare.count, _CLOSE))


def align(text: str) -> str:
    """Pad the `=` of consecutive one-line attributes into a column, as `terraform fmt` does.

    A run of attributes is broken by anything else: a blank line, a comment, a
    block header, a closing bracket, or an attribute whose value spans lines.
    """
    lines = text.split("\n")
    out: list[str] = []
    run: list[tuple[int, int, str]] = []  # (line index, lead width, value)

    def close() -> None:
        width = max((lead for _, lead, _ in run), default=0)
        for index, lead, value in run:
            out[index] = out[index][:lead].rstrip() + " " * (width - lead + 1) + "= " + value
        run.clear()

    for line in lines:
        out.append(line)
        match = _KEY.match(line)
        value = line[match.end() :] if match else ""
        if match and value and _balanced(value) and not line.lstrip().startswith("#"):
            lead = len(line[: match.start(1)]) + len(match.group(1))
            run.append((len(out) - 1, lead, value))
        else:
            close()
    close()
    return "\n".join(out)
