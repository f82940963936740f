"""How the checker words what it found: values, durations, sizes, characters, files."""

from __future__ import annotations

import unicodedata
from pathlib import Path, PurePosixPath

from .. import syntax as s
from ..diagnostics import did_you_mean


def near_file(path: Path, code: str) -> str | None:
    """A file beside a missing one with a close name: `src/handlr.py` -> `src/handler.py`."""
    try:
        siblings = [p.name for p in path.parent.iterdir()] if path.parent.is_dir() else []
    except OSError:
        return None
    guess = did_you_mean(path.name, siblings)
    if guess is None or not PurePosixPath(code).name:
        return None
    return str(PurePosixPath(code).with_name(guess))


def show_char(c: str) -> str:
    return c if c.isprintable() else c.encode("unicode_escape").decode("ascii")


def tag_char(c: str) -> bool:
    return c.isalnum() or c in "_.:/=+-@ " or unicodedata.category(c) == "Zs"


def describe(v: s.Value) -> str:
    return {
        s.Str: "a string",
        s.Num: "a number",
        s.Bool: "a bool",
        s.Duration: "a duration",
        s.Size: "a size",
        s.ListV: "a list",
        s.MapV: "a block",
        s.Tagged: "a named block",
        s.Ref: "a reference",
        s.JsonPath: "a path",
        s.BadUnit: "a number with an unknown unit",
        s.FilterSet: "filters",
    }.get(type(v), "a value")


def fmt_seconds(v: int | None) -> str:
    if v is None:
        return "?"
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if v and v % size == 0:
            return f"{v // size}{unit}"
    return f"{v}s"


def fmt_bytes(v: int | None) -> str:
    if v is None:
        return "?"
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if v and v % size == 0 and (unit != "GB" or v // size * 1024 > 10240):
            return f"{v // size}{unit}"
    return f"{v}B"
