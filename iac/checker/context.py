"""What the checker's passes share: one `Context` with the program, the names in
scope, the diagnostics collector, and the model as it is built. Each pass is a
function of the context; the driver (`iac/checker/__init__.py`) calls them in order."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .. import model as m
from .. import syntax as s
from ..diagnostics import Diagnostics, did_you_mean, one_of
from ..records import field, record
from ..source import Span

if TYPE_CHECKING:
    from .memo import CheckMemo

Decl = s.ResourceDecl | s.WorkflowDecl
T = TypeVar("T")


@record(frozen=False)
class Scope:
    """Every name the program declares, filled by the declaration and param passes."""

    decls: dict[str, Decl] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)  # every resource name -> kind
    params: dict[str, m.Param] = field(default_factory=dict)
    param_decls: dict[str, s.ParamDecl] = field(default_factory=dict)
    app_decl: s.AppDecl | None = None
    shorthand_names: dict[int, str | None] = field(default_factory=dict)  # id(stmt) -> name
    # dead-letter queue name -> the consumer it serves (`resize_dlq` -> `resize`)
    consumer_dlqs: dict[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)  # names referred to, for the warnings


@record(frozen=False)
class Context:
    modules: list[s.Module]
    root: Path
    diags: Diagnostics
    overrides: dict[str, str]
    scope: Scope = field(default_factory=Scope)
    # the model as the passes build it
    resources: dict[str, m.Resource] = field(default_factory=dict)  # in source order
    edges: list[m.Edge] = field(default_factory=list)
    # facts the resource passes gather for the program-wide rules
    depends: dict[str, list[tuple[str, Span]]] = field(default_factory=dict)  # cycle check
    stream_refs: list[tuple[str, Span]] = field(default_factory=list)  # `t.stream_arn` uses
    # Suggestions compare a word with every candidate: cap the total work, so a
    # program with thousands of wrong names still checks in seconds.
    guess_budget: int = 100_000
    guesses: int = 0  # suggestions asked for (a memo replays a pass that asked none)
    memo: CheckMemo | None = None  # the language server's, across checks (memo.py)

    def error(self, code: str, message: str, span: Span | None, **kw: Any) -> None:
        self.diags.error(code, message, span, **kw)

    def guess(self, word: str, candidates: Iterable[str]) -> str | None:
        self.guesses += 1
        pool = list(candidates)
        if len(pool) > self.guess_budget:
            return None
        self.guess_budget -= len(pool)
        return did_you_mean(word, pool)

    def unknown(
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
        guess = self.guess(name.text, valid)
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


def _items(st: Decl | s.AppDecl) -> tuple[s.Item | s.Step, ...]:
    return st.steps if isinstance(st, s.WorkflowDecl) else st.items


def value_span(st: Decl, name: str) -> Span:
    """The value of attribute `name` in a declaration (its name when it is not set)."""
    for item in _items(st):
        if isinstance(item, s.Attribute) and item.name.text == name:
            return item.value.span
    return st.name.span


def attr_span(st: Decl, name: str) -> Span:
    """The whole `name = value` line in a declaration (its name when it is not set)."""
    for item in _items(st):
        if isinstance(item, s.Attribute) and item.name.text == name:
            return item.span
    return st.name.span


def made(ctx: Context, key: Hashable, build: Callable[[], T], *same: object) -> T:
    """`build()`, or with the language server's memo the same object as last check's
    when its inputs are unchanged (`CheckMemo.make`)."""
    if ctx.memo is None:
        return build()
    return ctx.memo.make(key, build, *same)
