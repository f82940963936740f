"""HCL spelling of plain strings, and the alignment `terraform fmt` gives attributes."""

from __future__ import annotations

import functools
import re

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Control characters HCL would keep raw or refuse in a quoted string.
_CONTROL = re.compile("[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]")
_TEMPLATE = re.compile(r"([\\\"\n\r\t])|([$%]\{)")
# Text with nothing to escape: most strings, returned as they are.
_PLAIN = re.compile('[^\\\\"\n\r\t$%\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]*\\Z')
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")  # `-` is legal, but reads as minus
_KEYWORDS = {"true", "false", "null", "for", "in", "if", "endif", "endfor", "else"}


def template_text(text: str) -> str:
    """The inside of a quoted HCL string that reads back as exactly `text`.

    `${` and `%{` would start an interpolation or a directive: HCL's own escapes
    for them are `$${` and `%%{`.
    """
    if _PLAIN.match(text):
        return text

    def escape(match: re.Match[str]) -> str:
        if match.group(1):
            return _ESCAPES[match.group(1)]
        return match.group(2)[0] + match.group(2)

    out = _TEMPLATE.sub(escape, text)
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", out)


def hcl_str(text: str) -> str:
    """A quoted HCL string literal for `text`."""
    return f'"{template_text(text)}"'


@functools.lru_cache(maxsize=4096)  # a few keys, spelled again and again
def hcl_key(text: str) -> str:
    """An object key: bare when it is a plain identifier, quoted otherwise."""
    if _IDENT.match(text) and text not in _KEYWORDS:
        return text
    return hcl_str(text)


# ---------------------------------------------------------------- terraform fmt

# `terraform fmt` pads the `=` of consecutive one-line attributes into a column. A
# value on lines of its own starts with its line ending in an opening bracket (an
# object `{`, a list `[`, `jsonencode({`): everything the target writes is spelled
# so. Such a line ends a run, and so does a line holding a `\x00` (a value held out
# of the text while it is aligned, see TerraformTarget.block).
_ATTRIBUTE = r'[ ]*(?:[A-Za-z_][A-Za-z0-9_-]*|"(?:[^"\\\n]|\\.)*")[ ]*=(?!=)[^\n\x00]*[^\s{[(\x00]'
# Two or more attribute lines, each after a newline: a pattern that starts with a
# literal is searched for by its first character, twice as fast as `^` in MULTILINE.
_RUN = re.compile(rf"\n({_ATTRIBUTE}(?:\n{_ATTRIBUTE})+)(?![^\n])")
# One line of a run: (indent and key, value).
_PAIR = re.compile(
    r'^( *(?:[A-Za-z_][A-Za-z0-9_-]*|"(?:[^"\\\n]|\\.)*")) *=[^\S\n]*(.*)$', re.MULTILINE
)


def _pad(run: re.Match[str]) -> str:
    pairs = _PAIR.findall(run.group(1))
    width = max([len(lead) for lead, _ in pairs])
    return "".join([f"\n{lead:<{width}} = {value}" for lead, value in pairs])


def align(text: str) -> str:
    """Pad the `=` of consecutive one-line attributes into a column, as `terraform fmt` does.

    A run of attributes is broken by anything else: a blank line, a comment, a
    block header, a closing bracket, or an attribute whose value spans lines. The
    runs are found by one regular expression over the whole text; only their lines
    are looked at one by one.
    """
    return _RUN.sub(_pad, "\n" + text)[1:]


def attributes(pad: str, pairs: list[tuple[str, str]]) -> list[str]:
    """The lines `PAD KEY = VALUE` of an object, aligned as `align` would align them:
    a value on lines of its own (an object or list that did not fit on one line) ends
    a run and is not padded."""
    out: list[str] = []
    run: list[tuple[str, str]] = []
    for key, value in pairs:
        if "\n" in value:
            if run:
                out.extend(_column(pad, run))
                run = []
            out.append(f"{pad}{key} = {value}")
        else:
            run.append((key, value))
    if run:
        out.extend(_column(pad, run))
    return out


def _column(pad: str, run: list[tuple[str, str]]) -> list[str]:
    if len(run) == 1:
        key, value = run[0]
        return [f"{pad}{key} = {value}"]
    width = max(len(key) for key, _ in run)
    return [f"{pad}{key}{' ' * (width - len(key))} = {value}" for key, value in run]
