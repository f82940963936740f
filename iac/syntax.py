"""The syntax tree: frozen dataclasses, every node with its span."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .records import record
from .source import Span

# ---------------------------------------------------------------- values


@record
class Name:
    text: str
    span: Span


@record
class Ref:
    """`orders`, `orders.arn` or `stage`: a resource, one of its attributes, or a param."""

    name: Name
    attr: Name | None
    span: Span

    @property
    def dotted(self) -> str:
        return self.name.text + (f".{self.attr.text}" if self.attr else "")


@record
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


@record
class Num:
    value: int | float
    span: Span


@record
class Bool:
    value: bool
    span: Span


@record
class Duration:
    millis: int
    text: str
    span: Span

    @property
    def seconds(self) -> int:
        return self.millis // 1000


@record
class Size:
    bytes: int
    text: str
    span: Span

    @property
    def megabytes(self) -> int:
        return self.bytes // (1024 * 1024)


@record
class BadUnit:
    text: str
    span: Span


@record
class JsonPath:
    path: str
    span: Span


@record
class ListV:
    items: tuple[Value, ...]
    span: Span


@record
class MapV:
    entries: tuple[Attribute, ...]
    span: Span


@record
class Tagged:
    """`jwt { issuer = "...", audience = [...] }`: a block named by a word, as a value."""

    tag: Name
    entries: tuple[Item, ...]
    span: Span


@record
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


@record
class Attribute:
    name: Name
    value: Value
    span: Span


@record
class Nested:
    """`env { ... }`, `tags { ... }`, `throttle { ... }`, `network { ... }`."""

    name: Name
    items: tuple[Item, ...]
    span: Span


@record
class Allow:
    target: Name
    ops: tuple[Name, ...]
    span: Span


@record
class KeyDecl:
    role: str  # "key" or "sort"
    name: Name
    type: Name
    span: Span


@record
class IndexDecl:
    name: Name
    items: tuple[Item, ...]
    span: Span


@record
class Route:
    method: str
    path: str
    path_span: Span
    target: Name
    span: Span
    options: tuple[Item, ...] = ()  # `-> f { auth = none }`


@record
class BareName:
    """A lone word in a block: only valid as an operation continuing an `allow`."""

    name: Name
    span: Span


Item = Attribute | Nested | Allow | KeyDecl | IndexDecl | Route | BareName

# ---------------------------------------------------------------- workflows


@record
class Compare:
    path: JsonPath
    op: str
    value: Value
    span: Span


@record
class Exists:
    path: JsonPath
    span: Span


@record
class Not:
    operand: Condition
    span: Span


@record
class And:
    operands: tuple[Condition, ...]
    span: Span


@record
class Or:
    operands: tuple[Condition, ...]
    span: Span


Condition = Compare | Exists | Not | And | Or


@record
class Task:
    verb: str  # invoke, run, send, publish, put
    target: Name
    options: tuple[Item, ...]
    span: Span


@record
class Wait:
    value: Value
    span: Span
    until: bool = False  # `wait until $.at`: a timestamp, not a number of seconds


@record
class SetStep:
    """`set $.path = VALUE`: a Pass state."""

    path: JsonPath
    value: Value
    span: Span


@record
class Catch:
    """`catch States.Timeout, Other as $.error { ... }`; no names: every error."""

    errors: tuple[Name, ...]  # dotted names keep their dots in `text`
    path: JsonPath | None
    body: tuple[Step, ...]
    span: Span


@record
class Try:
    body: tuple[Step, ...]
    catches: tuple[Catch, ...]
    span: Span


@record
class IfStep:
    branches: tuple[tuple[Condition, tuple[Step, ...]], ...]
    otherwise: tuple[Step, ...] | None
    span: Span


@record
class Parallel:
    branches: tuple[tuple[Step, ...], ...]
    span: Span


@record
class ForEach:
    path: JsonPath
    body: tuple[Step, ...]
    span: Span


@record
class Succeed:
    span: Span


@record
class Fail:
    error: Str
    cause: Str | None
    span: Span


Step = Task | Wait | IfStep | Parallel | ForEach | Succeed | Fail | SetStep | Try | Attribute

# ---------------------------------------------------------------- statements


@record
class AppDecl:
    name: Name
    items: tuple[Item, ...]
    span: Span


@record
class ParamDecl:
    name: Name
    type: Name
    default: Value | None
    span: Span


@record
class ResourceDecl:
    kind: Name
    name: Name
    items: tuple[Item, ...]
    span: Span


@record
class WorkflowDecl:
    name: Name
    steps: tuple[Step, ...]
    span: Span


@record
class Match:
    """A filter's test other than a value: `prefix "a"`, `suffix "a"`, `not [...]`,
    `> 100` (`op` is the comparison), `exists`, `missing` (no operand)."""

    op: str  # prefix, suffix, not, exists, missing, or a comparison: <, <=, >, >=, ==, !=
    operand: Value | None
    span: Span


@record
class Filter:
    name: Name  # a dotted path: `detail.status`
    value: Value | Match
    span: Span


@record
class OnDecl:
    source: Name
    event: Name
    filters: tuple[Filter, ...]
    target: Name
    options: tuple[Item, ...]
    span: Span


@record
class EveryDecl:
    rate: Value
    target: Name
    options: tuple[Item, ...]
    span: Span


@record
class CronDecl:
    expression: Str
    target: Name
    options: tuple[Item, ...]
    span: Span


@record
class OutputDecl:
    name: Name
    value: Value
    span: Span


Statement = (
    AppDecl | ParamDecl | ResourceDecl | WorkflowDecl | OnDecl | EveryDecl | CronDecl | OutputDecl
)


@record
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
