"""Rename a resource or param across the files of a program, or say why not."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..names import NAME_RE, logical_id
from ..source import Span
from .symbols import SymbolIndex

# Renaming these changes their logical ID, so CloudFormation (and Terraform, by address)
# replaces the deployed resource: the data in it does not follow.
STATEFUL = ("bucket", "table", "queue", "secret")
MAX_NAME = 64


class RenameRefused(Exception):
    """Why a rename can't be done, in words for the user."""


@dataclass
class Plan:
    old: str
    new: str
    edits: list[tuple[Span, str]] = field(default_factory=list)
    warning: str = ""


def target(symbols: SymbolIndex, path: Path, offset: int) -> tuple[str, Span]:
    hit = symbols.at(path, offset)
    if hit is None:
        raise RenameRefused("no resource or param here")
    name, span, _ = hit
    decl = symbols.decls.get(name)
    if decl is None:
        raise RenameRefused(f"`{name}` is not declared")
    if decl.implicit:
        owner = decl.statement.name.text  # type: ignore[union-attr]
        raise RenameRefused(f"`{name}` is made by queue `{owner}`: rename `{owner}` instead")
    return name, span


def plan_rename(symbols: SymbolIndex, path: Path, offset: int, new: str) -> Plan:
    old, _ = target(symbols, path, offset)
    if new == old:
        raise RenameRefused(f"`{new}` is already its name")
    if not NAME_RE.match(new):
        raise RenameRefused(
            f"`{new}` is not a valid name: lower case letters, digits and `_`, "
            "starting with a letter"
        )
    if len(new) > MAX_NAME:
        raise RenameRefused(f"`{new}` is too long: a name has at most {MAX_NAME} characters")
    decl = symbols.decls[old]
    renames = {old: new}
    dlq = f"{old}_dlq"
    if dlq in symbols.decls and symbols.decls[dlq].implicit:
        renames[dlq] = f"{new}_dlq"
    for before, after in renames.items():
        if after in symbols.decls and after not in renames:
            raise RenameRefused(f"`{after}` is already declared")
        lid = logical_id(after)
        for other in symbols.decls.values():
            if other.name not in renames and logical_id(other.name) == lid:
                raise RenameRefused(
                    f"`{after}` would get the logical ID `{lid}`, as `{other.name}` does"
                )
        del before
    plan = Plan(old, new)
    plan.edits.append((decl.name_span, new))
    for name, replacement in renames.items():
        plan.edits += [(u.span, replacement) for u in symbols.uses_of(name)]
    if decl.kind in STATEFUL:
        plan.warning = (
            f"renaming {decl.kind} `{old}` changes its logical ID ({logical_id(old)} -> "
            f"{logical_id(new)}): the deployed {decl.kind} will be replaced, and its data "
            "does not move to the new one"
        )
    return plan
