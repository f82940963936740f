"""What the checker may reuse from one check of a program to the next: the language
server holds a `CheckMemo` per program and passes it to `check_modules`; `iac check`
and `iac compile` run without one.

A declaration's resource pass (`check_resource`) is a function of its syntax and of
what it reads in the context: the kinds of the names it mentions (of every name when
it reports a diagnostic: a suggestion or a list may name any), the declarations it
names (their syntax, for labels and flags like `url` or `fifo`), the params, the
program's files and root, the overrides, the suggestion budget, and for a function's
`code` the file on disk. When all of that is unchanged, the pass's results are
replayed instead: the resource, the diagnostics, the names it used, its dependencies
and `stream_arn` uses, in the same order. An `on` statement's judgement (edges.py) is
replayed the same way.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from .. import model as m
from .. import syntax as s
from ..diagnostics import Diagnostic
from ..records import field, record
from ..source import Span
from .context import Context, Decl

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

T = TypeVar("T")


@record(frozen=False)
class Checked:
    """One resource pass as it ran, and what it read that could change."""

    decl: Decl
    resource: m.Resource
    diagnostics: list[Diagnostic]
    used: set[str]
    depends: list[tuple[str, Span]] | None
    stream_refs: list[tuple[str, Span]]
    budget: int  # the suggestion budget it started with
    spent: int  # and what its suggestions spent of it
    guessed: bool  # whether it asked for a suggestion (the budget decides the answer)
    named: tuple[tuple[str, Decl], ...]  # the declarations its words name
    kinds: tuple[tuple[str, str | None], ...]  # the kinds of its words (and NAME_dlq)
    code: tuple[int, ...] | None  # the `code` file's stat; None: no code file


@record(frozen=False)
class Judged:
    """One `on` statement's judgement as it ran (edges.py `_on`), and what it read."""

    decl: s.OnDecl
    edge: Any  # the edge it makes (edges.EdgeArgs), or None
    diagnostics: list[Diagnostic]
    used: set[str]
    budget: int
    spent: int
    guessed: bool
    named: tuple[tuple[str, Decl], ...]
    kinds: tuple[tuple[str, str | None], ...]
    # the resources its words name, and their dead-letter queues (`NAME_dlq`)
    resources: tuple[tuple[str, m.Resource | None], ...]


@record(frozen=False)
class CheckMemo:
    """One program's reusable results, across the checks the language server runs."""

    # what every resource pass reads of the program as a whole
    program: tuple[Any, ...] | None = None
    kinds: dict[str, str] = field(default_factory=dict)
    same_kinds: bool = False  # every name has the kind it had at the last check
    checked: dict[int, Checked] = field(default_factory=dict)  # id(decl) -> its pass
    # model values made from others (implicit queues, copies), by what they are made of
    made: dict[Hashable, Any] = field(default_factory=dict)
    # what this check reused or made, the memo of the next one
    _checked: dict[int, Checked] = field(default_factory=dict)
    _made: dict[Hashable, Any] = field(default_factory=dict)
    judged: dict[int, Judged] = field(default_factory=dict)  # id(on statement) -> it
    _judged: dict[int, Judged] = field(default_factory=dict)
    # each resource's generated logical IDs, with what they were made of (names.py)
    generated: dict[str, Any] = field(default_factory=dict)
    reused: int = 0  # resource passes replayed by the last check (for the tests)

    def begin(self, ctx: Context) -> None:
        program = (
            ctx.root,
            tuple(sorted(ctx.overrides.items())),
            tuple(mod.span.source.path for mod in ctx.modules),
            tuple(ctx.scope.params.items()),
        )
        if program != self.program:
            self.checked = {}
            self.judged = {}
        # A pass without diagnostics reads the kinds of its own words only; one with
        # diagnostics may list or suggest any name, and is replayed only while every
        # name keeps its kind.
        self.same_kinds = ctx.scope.kinds == self.kinds
        self.program = program
        self.kinds = dict(ctx.scope.kinds)
        self._checked = {}
        self._judged = {}
        self._made = {}
        self.reused = 0

    def end(self) -> None:
        # only what this check met is kept: memory stays flat over any number of edits
        self.checked, self._checked = self._checked, {}
        self.made, self._made = self._made, {}
        self.judged, self._judged = self._judged, {}

    def make(self, key: Hashable, build: Callable[[], T], *same: object) -> T:
        """The value `build` makes, the same object as last check's when `key` (the
        value's inputs, compared by equality) and `same` (inputs compared by identity)
        are unchanged."""
        found = self.made.get(key)
        if found is None or any(a is not b for a, b in zip(found[0], same, strict=True)):
            found = (same, build())
        self._made[key] = found
        return found[1]

    def check_resource(
        self, ctx: Context, decl: Decl, run: Callable[[Context, Decl], None]
    ) -> None:
        entry = self.checked.get(id(decl))
        code = _code_stamp(decl)
        if entry is not None and entry.decl is decl and self._reusable(ctx, entry, code):
            self._replay(ctx, entry)
            self._checked[id(decl)] = entry
            self.reused += 1
            return
        self._checked[id(decl)] = self._record(ctx, decl, code, run)

    def _reusable(self, ctx: Context, entry: Checked, code: tuple[int, ...] | None) -> bool:
        if entry.code != code or code == (-1,):
            return False
        if entry.guessed and entry.budget != ctx.guess_budget:
            return False
        if (entry.diagnostics or entry.guessed) and not self.same_kinds:
            return False
        decls, kinds = ctx.scope.decls, ctx.scope.kinds
        return all(decls.get(word) is named for word, named in entry.named) and all(
            kinds.get(word) == kind for word, kind in entry.kinds
        )

    def _replay(self, ctx: Context, entry: Checked) -> None:
        ctx.diags.items.extend(entry.diagnostics)
        ctx.scope.used |= entry.used
        if entry.depends is not None:
            ctx.depends[entry.resource.name] = entry.depends
        ctx.stream_refs.extend(entry.stream_refs)
        ctx.guess_budget -= entry.spent
        ctx.resources[entry.resource.name] = entry.resource

    def _record(
        self,
        ctx: Context,
        decl: Decl,
        code: tuple[int, ...] | None,
        run: Callable[[Context, Decl], None],
    ) -> Checked:
        name = decl.name.text
        diags_before = len(ctx.diags.items)
        refs_before = len(ctx.stream_refs)
        budget, guesses = ctx.guess_budget, ctx.guesses
        used, ctx.scope.used = ctx.scope.used, set()
        try:
            run(ctx, decl)
        finally:
            mine, ctx.scope.used = ctx.scope.used, used
            used |= mine
        decls = ctx.scope.decls
        words = _words(decl.span.text)
        return Checked(
            decl,
            ctx.resources[name],
            ctx.diags.items[diags_before:],
            mine,
            ctx.depends.get(name),
            ctx.stream_refs[refs_before:],
            budget,
            budget - ctx.guess_budget,
            ctx.guesses != guesses,
            tuple((w, d) for w in words if (d := decls.get(w)) is not None),
            _kinds(ctx, words),
            code,
        )

    def check_edge(self, ctx: Context, st: s.OnDecl, run: Callable[[Context, s.OnDecl], T]) -> T:
        """`run(ctx, st)` (an `on` statement judged), or its last result replayed while
        the statement and what it read are unchanged."""
        entry = self.judged.get(id(st))
        if entry is not None and entry.decl is st and self._judged_alike(ctx, entry):
            ctx.diags.items.extend(entry.diagnostics)
            ctx.scope.used |= entry.used
            ctx.guess_budget -= entry.spent
            self._judged[id(st)] = entry
            return entry.edge  # type: ignore[no-any-return]
        diags_before = len(ctx.diags.items)
        budget, guesses = ctx.guess_budget, ctx.guesses
        used, ctx.scope.used = ctx.scope.used, set()
        try:
            edge = run(ctx, st)
        finally:
            mine, ctx.scope.used = ctx.scope.used, used
            used |= mine
        words = _words(st.span.text)
        decls, resources = ctx.scope.decls, ctx.resources
        self._judged[id(st)] = Judged(
            st,
            edge,
            ctx.diags.items[diags_before:],
            mine,
            budget,
            budget - ctx.guess_budget,
            ctx.guesses != guesses,
            tuple((w, d) for w in words if (d := decls.get(w)) is not None),
            _kinds(ctx, words),
            tuple((n, resources.get(n)) for w in words for n in (w, f"{w}_dlq")),
        )
        return edge

    def _judged_alike(self, ctx: Context, entry: Judged) -> bool:
        if entry.guessed and entry.budget != ctx.guess_budget:
            return False
        if (entry.diagnostics or entry.guessed) and not self.same_kinds:
            return False
        decls, kinds, resources = ctx.scope.decls, ctx.scope.kinds, ctx.resources
        return (
            all(decls.get(w) is d for w, d in entry.named)
            and all(kinds.get(w) == k for w, k in entry.kinds)
            and all(resources.get(n) is r for n, r in entry.resources)
        )


def _words(text: str) -> list[str]:
    """Every name a statement's text could mention, in order, once."""
    return sorted(set(_WORD.findall(text)))


def _kinds(ctx: Context, words: list[str]) -> tuple[tuple[str, str | None], ...]:
    """The kinds of the words, and of their dead-letter queues (`NAME_dlq`)."""
    kinds = ctx.scope.kinds
    return tuple((n, kinds.get(n)) for w in words for n in (w, f"{w}_dlq"))


def _code_stamp(decl: Decl) -> tuple[int, ...] | None:
    """The stat of a function's `code` file: its pass read the disk, and is replayed
    only while the file is the same. A folder, a missing path or anything else is
    inspected again on every check (`(-1,)` never equals a recorded stamp)."""
    if not isinstance(decl, s.ResourceDecl) or decl.kind.text != "function":
        return None
    for item in decl.items:
        if isinstance(item, s.Attribute) and item.name.text == "code":
            value = item.value
            if not isinstance(value, s.Str) or not value.is_plain:
                return None
            try:
                info = os.stat(os.path.join(decl.span.source.directory, value.plain))
            except (OSError, ValueError):
                return (-1,)
            if not stat.S_ISREG(info.st_mode):
                return (-1,)
            return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    return None
