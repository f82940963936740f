"""Declarations and references of a program's names, from its syntax trees.

Go to definition, references, highlight, rename, symbols and semantic tokens all read
this one index. Names are global across the files of a program (the language says so),
so the index spans every file."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .. import syntax as s
from ..source import Span
from .document import file_offset


@dataclass(frozen=True)
class Decl:
    name: str
    kind: str  # a resource kind, `workflow`, or `param`
    name_span: Span
    span: Span  # the whole statement
    statement: s.Statement
    implicit: bool = False  # made by the compiler: `jobs_dlq` from `max_receives`


@dataclass(frozen=True)
class Use:
    name: str
    span: Span
    context: str  # ref, allow, route, source, target, step


@dataclass
class SymbolIndex:
    modules: dict[Path, s.Module]
    decls: dict[str, Decl] = field(default_factory=dict)
    uses: list[Use] = field(default_factory=list)

    def __post_init__(self) -> None:
        for module in self.modules.values():
            for st in module.statements:
                self._declare(st)
        for module in self.modules.values():
            for st in module.statements:
                self.uses.extend(_uses(st))

    def _declare(self, st: s.Statement) -> None:
        if isinstance(st, s.ResourceDecl):
            self.decls.setdefault(
                st.name.text, Decl(st.name.text, st.kind.text, st.name.span, st.span, st)
            )
            if st.kind.text == "queue":
                for item in st.items:
                    if isinstance(item, s.Attribute) and item.name.text == "max_receives":
                        dlq = f"{st.name.text}_dlq"
                        self.decls.setdefault(
                            dlq, Decl(dlq, "queue", item.name.span, item.span, st, True)
                        )
        elif isinstance(st, s.WorkflowDecl):
            self.decls.setdefault(
                st.name.text, Decl(st.name.text, "workflow", st.name.span, st.span, st)
            )
        elif isinstance(st, s.ParamDecl):
            self.decls.setdefault(
                st.name.text, Decl(st.name.text, "param", st.name.span, st.span, st)
            )

    def uses_of(self, name: str) -> list[Use]:
        return [u for u in self.uses if u.name == name]

    def at(self, path: Path, offset: int) -> tuple[str, Span, bool] | None:
        """The name at an offset of a file: (name, its span there, is a declaration)."""
        for decl in self.decls.values():
            if _contains(decl.name_span, path, offset) and not decl.implicit:
                return decl.name, decl.name_span, True
        for use in self.uses:
            if _contains(use.span, path, offset):
                return use.name, use.span, False
        return None

    def statement_at(self, path: Path, offset: int) -> s.Statement | None:
        module = self.modules.get(path)
        if module is None:
            return None
        for st in module.statements:
            start, end = file_offset(st.span)
            if start <= offset <= end:
                return st
        return None


def _contains(span: Span, path: Path, offset: int) -> bool:
    if span.source.path != path:
        return False
    start, end = file_offset(span)
    return start <= offset <= end


def _uses(node: object) -> Iterator[Use]:
    if isinstance(node, s.Ref):
        yield Use(node.name.text, node.name.span, "ref")
        return
    if isinstance(node, s.Allow):
        yield Use(node.target.text, node.target.span, "allow")
    elif isinstance(node, s.Route):
        yield Use(node.target.text, node.target.span, "route")
    elif isinstance(node, s.OnDecl):
        yield Use(node.source.text, node.source.span, "source")
        yield Use(node.target.text, node.target.span, "target")
    elif isinstance(node, s.EveryDecl | s.CronDecl):
        yield Use(node.target.text, node.target.span, "target")
    elif isinstance(node, s.Task):
        yield Use(node.target.text, node.target.span, "step")
    if isinstance(node, tuple):
        for item in node:
            yield from _uses(item)
        return
    if not dataclasses.is_dataclass(node) or isinstance(node, s.Name | Span):
        return
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        if isinstance(value, tuple) or (
            dataclasses.is_dataclass(value) and not isinstance(value, s.Name | Span)
        ):
            yield from _uses(value)
