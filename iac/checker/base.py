"""What every part of the checker shares: the collector, names in scope, wording."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from .. import model as m
from .. import syntax as s
from ..diagnostics import Diagnostics, did_you_mean, one_of
from ..source import Span

MAX_NAME = 64  # logical IDs (255) and physical names are built from it, with suffixes


class CheckerBase:
    def __init__(
        self,
        modules: list[s.Module],
        root: Path,
        diags: Diagnostics,
        overrides: dict[str, str] | None = None,
    ):
        self.modules = modules
        self.root = root
        self.diags = diags
        self.overrides = overrides or {}
        self.decls: dict[str, s.ResourceDecl | s.WorkflowDecl] = {}
        self.kinds: dict[str, str] = {}  # every resource name -> kind, implicit ones included
        self.params: dict[str, m.Param] = {}
        self.param_decls: dict[str, s.ParamDecl] = {}
        self.resources: dict[str, m.Resource] = {}
        self.used: set[str] = set()  # names referred to, for the warnings
        self.app_decl: s.AppDecl | None = None
        self.edges: list[m.Edge] = []
        self.edge_counts: dict[tuple[str, str, str], int] = {}
        self.edge_spans: dict[tuple[str, str, str], Span] = {}
        self.shorthand_names: dict[int, str | None] = {}  # id(statement) -> schedule name
        self.stream_refs: list[tuple[str, Span]] = []  # `t.stream_arn` uses, checked at the end
        # what each resource's attributes, env and grants refer to: the cycle check
        self.depends: dict[str, list[tuple[str, Span]]] = {}
        # Suggestions compare a word with every candidate: cap the total work, so a
        # program with thousands of wrong names still checks in seconds.
        self.guess_budget = 100_000

    def error(self, code: str, message: str, span: Span | None, **kw: Any) -> None:
        self.diags.error(code, message, span, **kw)

    def _guess(self, word: str, candidates: Iterable[str]) -> str | None:
        pool = list(candidates)
        if len(pool) > self.guess_budget:
            return None
        self.guess_budget -= len(pool)
        return did_you_mean(word, pool)

    def _unknown(
        self,
        code: str,
        what: str,
        name: s.Name,
        valid: Iterable[str],
        *,
        extra: str = "",
        context: str = "",
    ) -> None:
        valid = list(valid)
        guess = self._guess(name.text, valid)
        hints = []
        if valid:
            hints.append(f"valid {extra or what + 's'}{context}: {one_of(valid)}")
        self.error(
            code,
            f"unknown {what} `{name.text}`{context}",
            name.span,
            note=f"did you mean `{guess}`?" if guess else "",
            hints=hints,
        )

    def value_span(self, st: Any, name: str) -> Span:
        """The value of attribute `name` in a declaration (its name when it is not set)."""
        items = st.items if isinstance(st, s.ResourceDecl) else getattr(st, "steps", ())
        for item in items:
            if isinstance(item, s.Attribute) and item.name.text == name:
                return item.value.span  # type: ignore[no-any-return]
        return st.name.span  # type: ignore[no-any-return]

    def attr_span(self, st: Any, name: str) -> Span:
        items = st.items if isinstance(st, s.ResourceDecl) else getattr(st, "steps", ())
        for item in items:
            if isinstance(item, s.Attribute) and item.name.text == name:
                return item.span  # type: ignore[no-any-return]
        return st.name.span  # type: ignore[no-any-return]


def _near_file(path: Path, code: str) -> str | None:
    """A file beside a missing one with a close name: `src/handlr.py` -> `src/handler.py`."""
    try:
        siblings = [p.name for p in path.parent.iterdir()] if path.parent.is_dir() else []
    except OSError:
        return None
    guess = did_you_mean(path.name, siblings)
    if guess is None or not PurePosixPath(code).name:
        return None
    return str(PurePosixPath(code).with_name(guess))


def _show_char(c: str) -> str:
    return c if c.isprintable() else c.encode("unicode_escape").decode("ascii")


def _tag_char(c: str) -> bool:
    return c.isalnum() or c in "_.:/=+-@ " or unicodedata.category(c) == "Zs"


def _describe(v: s.Value) -> str:
    return {
        s.Str: "a string",
        s.Num: "a number",
        s.Bool: "a bool",
        s.Duration: "a duration",
        s.Size: "a size",
        s.ListV: "a list",
        s.MapV: "a block",
        s.Ref: "a reference",
        s.JsonPath: "a path",
        s.BadUnit: "a number with an unknown unit",
    }.get(type(v), "a value")


def _fmt_seconds(v: int | None) -> str:
    if v is None:
        return "?"
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if v and v % size == 0:
            return f"{v // size}{unit}"
    return f"{v}s"


def _fmt_bytes(v: int | None) -> str:
    if v is None:
        return "?"
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if v and v % size == 0 and (unit != "GB" or v // size * 1024 > 10240):
            return f"{v // size}{unit}"
    return f"{v}B"
