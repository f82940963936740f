"""HCL spelling of plain strings, and the alignment `terraform fmt` gives attributes."""

from __future__ import annotations

import functools
import re
from typing import Any

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Control characters HCL would keep raw or refuse in a quoted string. This pattern and
# the next are compiled (by `re`, once) only for text that needs an escape: they took
# ~0.5 ms to compile, at every start-up.
_CONTROL = "[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]"
_TEMPLATE = r"([\\\"\n\r\t])|([$%]\{)"
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

    out = re.sub(_TEMPLATE, escape, text)
    return re.sub(_CONTROL, lambda m: f"\\u{ord(m.group()):04x}", out)


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

# `terraform fmt` pads the `=` of consecutive one-line attributes into a column. The
# attributes a template writes are known when it is compiled: each line `KEY = ...` of
# a template's source gets MARK in place of the space before its `=` (AttributeMarks),
# so that `align` finds them in the rendered text without looking at any other line.
# What the target spells itself (objects) is aligned as it is spelled (`attributes`).
MARK = "\x00"  # no text the target writes holds it: strings escape control characters
# A line's indent and key (a name, or a `{{ ... }}` that writes one), then ` = `: read
# where Jinja compiles a template, never by a render.
_ATTRIBUTE_LINE = r"(?m)^([ \t]*(?:[A-Za-z_][A-Za-z0-9_-]*|\{\{[^}\n]*\}\})) += "
_OPENING = "{[( "  # and a space: the line goes on, or has no value


def mark_attributes(source: str) -> str:
    """A template's source with the `=` of each attribute line marked (see MARK)."""
    return re.sub(_ATTRIBUTE_LINE, lambda m: m.group(1) + MARK + "= ", source)


@functools.cache
def _attribute_marks() -> type:
    import jinja2.ext

    class AttributeMarks(jinja2.ext.Extension):
        """The Jinja extension that marks a template's attribute lines when it is
        compiled (`python -m iac.tables --regenerate` generates the templates' Python
        from the marked source; Jinja compiles an edited template the same way)."""

        def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
            return mark_attributes(source)

    AttributeMarks.__module__ = __name__
    return AttributeMarks


def __getattr__(name: str) -> Any:
    # `AttributeMarks` is a Jinja class: made on first use, so that importing this
    # module (every Terraform render does) never imports Jinja.
    if name == "AttributeMarks":
        return _attribute_marks()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def align(text: str) -> str:
    """The rendered text of marked templates with the `=` of consecutive one-line
    attributes padded into a column, as `terraform fmt` does.

    A run of attributes is broken by anything else: a blank line, a comment, a block
    header, a closing bracket, or an attribute whose value spans lines (its line ends
    in an opening bracket: everything the target writes is spelled so).
    """
    parts = text.split(MARK)
    if len(parts) == 1:
        return text
    # parts[i] (i >= 1) starts with `= VALUE` of attribute i; parts[i - 1] ends with its
    # indent and key. Each mark becomes a pad, one space unless the attribute is in a run.
    out = [parts[0]]
    run: list[tuple[int, int]] = []  # (where its pad is in `out`, its key's end column)
    for i in range(1, len(parts)):
        before, part = parts[i - 1], parts[i]
        out.append(" ")
        out.append(part)
        end = part.find("\n")
        last = part[end - 1] if end > 2 else part[-1] if end == -1 and len(part) > 2 else ""
        if last and last not in _OPENING:  # a value, on this line only
            run.append((len(out) - 2, len(before) - before.rfind("\n") - 1))
            # The run goes on if the next attribute is on the next line.
            if end != -1 and i + 1 < len(parts) and part.find("\n", end + 1) == -1:
                continue
        if len(run) > 1:
            width = max([lead for _, lead in run])
            for at, lead in run:
                out[at] = " " * (width - lead + 1)
        run = []
    return "".join(out)


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
