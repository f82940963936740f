"""The syntax tree: frozen dataclasses, every node with its span."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .source import Span

# ---------------------------------------------------------------- values


@dataclass(frozen=True)
class Name:
    text: str
    span: Span


@dataclass(frozen=True)
class Ref:
    """`orders`, `orders.arn` or `stage`: a resource, one of its attributes, or a param."""

    name: Name
    attr: Name | None
    span: Span

    @property
    def dotted(self) -> str:
        return self.name.text + (f".{self.attr.text}" if self.attr else "")


@dataclass(frozen=True)
class Str:
    """A string literal; `parts` alternate literal text and interpolated references."""

    parts: tuple[str | Ref, ...]
    span: Span

    @property
    def is_plain(self) -> bool:
        return all(isinstance(p, str) for p in self.parts)

    @property
    def plain(self) -> str:
        return "".join(p for p in self.parts if isinstance(p, str))


@dataclass(frozen=True)
class Num:
    value: int | float
    span: Span


@dataclass(frozen=True)
class Bool:
    value: bool
    span: Span


@dataclass(frozen=True)
class Duration:
    millis: int
    text: str
    span: Span

    @property
    def seconds(self) -> int:
        return self.millis // 1000


@dataclass(frozen=True)
class Size:
    bytes: int
    text: str
    span: Span

    @property
    def megabytes(self) -> int:
        return self.bytes // (1024 * 1024)


@dataclass(frozen=True)
class BadUnit:
    text: str
    span: Span


@dataclass(frozen=True)
class JsonPath:
    path: str
    span: Span


@dataclass(frozen=True)
class ListV:
    items: tuple[Value, ...]
    span: Span


@dataclass(frozen=True)
class MapV:
    entries: tuple[Attribute, ...]
    span: Span


@dataclass(frozen=True)
class Tagged:
    """`jwt { issuer = "...", audience = [...] }`: a block named by a word, as a value."""

    tag: Name
    entries: tuple[Item, ...]
    span: Span


@dataclass(frozen=True)
class FilterSet:
    """`(body.type: "order")`: event filters as a value (an event source mapping's
    `filter` option)."""

    filters: tuple[Filter, ...]
    span: Span


Value = (
    Str
    | Num
    | Bool
    | Duration
    | Size
    | BadUnit
    | JsonPath
    | ListV
    | MapV
    | Ref
    | Tagged
    | FilterSet
)

# ---------------------------------------------------------------- block items


@dataclass(frozen=True)
class Attribute:
    name: Name
    value: Value
    span: Span


@dataclass(frozen=True)
class Nested:
    """`env { ... }`, `tags { ... }`, `throttle { ... }`, `network { ... }`."""

    name: Name
    items: tuple[Item, ...]
    span: Span


@dataclass(frozen=True)
class Allow:
    target: Name
    ops: tuple[Name, ...]
    span: Span


@dataclass(frozen=True)
class KeyDecl:
    role: str  # "key" or "sort"
    name: Name
    type: Name
    span: Span


@dataclass(frozen=True)
class IndexDecl:
    name: Name
    items: tuple[Item, ...]
    span: Span


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    path_span: Span
    target: Name
    span: Span
    options: tuple[Item, ...] = ()  # `-> f { auth = none }`


@dataclass(frozen=True)
class BareName:
    """A lone word in a block: only valid as an operation continuing an `allow`."""

    name: Name
    span: Span


Item = Attribute | Nested | Allow | KeyDecl | IndexDecl | Route | BareName

# ---------------------------------------------------------------- workflows


@dataclass(frozen=True)
class Compare:
    path: JsonPath
    op: str
    value: Value
    span: Span


@dataclass(frozen=True)
class Exists:
    path: JsonPath
    span: Span


@dataclass(frozen=True)
class Not:
    operand: Condition
    span: Span


@dataclass(frozen=True)
class And:
    operands: tuple[Condition, ...]
    span: Span


@dataclass(frozen=True)
class Or:
    operands: tuple[Condition, ...]
    span: Span


Condition = Compare | Exists | Not | And | Or


@dataclass(frozen=True)
class Task:
    verb: str  # invoke, run, send, publish, put
    target: Name
    options: tuple[Item, ...]
    span: Span


@dataclass(frozen=True)
class Wait:
    value: Value
    span: Span
    until: bool = False  # `wait until $.at`: a timestamp, not a number of seconds


@dataclass(frozen=True)
class SetStep:
    """`set $.path = VALUE`: a Pass state."""

    path: JsonPath
    value: Value
    span: Span


@dataclass(frozen=True)
class Catch:
    """`catch States.Timeout, Other as $.error { ... }`; no names: every error."""

    errors: tuple[Name, ...]  # dotted names keep their dots in `text`
    path: JsonPath | None
    body: tuple[Step, ...]
    span: Span


@dataclass(frozen=True)
class Try:
    body: tuple[Step, ...]
    catches: tuple[Catch, ...]
    span: Span


@dataclass(frozen=True)
class IfStep:
    branches: tuple[tuple[Condition, tuple[Step, ...]], ...]
    otherwise: tuple[Step, ...] | None
    span: Span


@dataclass(frozen=True)
class Parallel:
    branches: tuple[tuple[Step, ...], ...]
    span: Span


@dataclass(frozen=True)
class ForEach:
    path: JsonPath
    body: tuple[Step, ...]
    span: Span


@dataclass(frozen=True)
class Succeed:
    span: Span


@dataclass(frozen=True)
class Fail:
    error: Str
    cause: Str | None
    span: Span


Step = Task | Wait | IfStep | Parallel | ForEach | Succeed | Fail | SetStep | Try | Attribute

# ---------------------------------------------------------------- statements


@dataclass(frozen=True)
class AppDecl:
    name: Name
    items: tuple[Item, ...]
    span: Span


@dataclass(frozen=True)
class ParamDecl:
    name: Name
    type: Name
    default: Value | None
    span: Span


@dataclass(frozen=True)
class ResourceDecl:
    kind: Name
    name: Name
    items: tuple[Item, ...]
    span: Span


@dataclass(frozen=True)
class WorkflowDecl:
    name: Name
    steps: tuple[Step, ...]
    span: Span


@dataclass(frozen=True)
class Match:
    """A filter's test other than a value: `prefix "a"`, `suffix "a"`, `not [...]`,
    `> 100` (`op` is the comparison), `exists`, `missing` (no operand)."""

    op: str  # prefix, suffix, not, exists, missing, or a comparison: <, <=, >, >=, ==, !=
    operand: Value | None
    span: Span


@dataclass(frozen=True)
class Filter:
    name: Name  # a dotted path: `detail.status`
    value: Value | Match
    span: Span


@dataclass(frozen=True)
class OnDecl:
    source: Name
    event: Name
    filters: tuple[Filter, ...]
    target: Name
    options: tuple[Item, ...]
    span: Span


@dataclass(frozen=True)
class EveryDecl:
    rate: Value
    target: Name
    options: tuple[Item, ...]
    span: Span


@dataclass(frozen=True)
class CronDecl:
    expression: Str
    target: Name
    options: tuple[Item, ...]
    span: Span


@dataclass(frozen=True)
class OutputDecl:
    name: Name
    value: Value
    span: Span


Statement = (
    AppDecl | ParamDecl | ResourceDecl | WorkflowDecl | OnDecl | EveryDecl | CronDecl | OutputDecl
)


@dataclass(frozen=True)
class Module:
    """One parsed file."""

    statements: tuple[Statement, ...]
    span: Span


def walk_steps(steps: Iterable[Step]) -> Iterator[Step]:
    """Every step, nested ones included, in source order."""
    for step in steps:
        yield step
        if isinstance(step, IfStep):
            for _, body in step.branches:
                yield from walk_steps(body)
            if step.otherwise:
                yield from walk_steps(step.otherwise)
        elif isinstance(step, Parallel):
            for body in step.branches:
                yield from walk_steps(body)
        elif isinstance(step, ForEach):
            yield from walk_steps(step.body)
        elif isinstance(step, Try):
            yield from walk_steps(step.body)
            for catch in step.catches:
                yield from walk_steps(catch.body)
