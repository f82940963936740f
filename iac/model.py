"""The app model: what the checker proves about a program, typed and defaulted.
It knows nothing of Lark or of targets."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .catalog import DEFAULT_BUS
from .records import field, record
from .source import Span


@record
class ParamRef:
    name: str


@record
class AttrRef:
    """An attribute of a resource: `orders.arn`; `attr` is never empty."""

    resource: str
    attr: str


@record
class Interp:
    """A string with `${...}` in it: literal text and references, in order."""

    parts: tuple[str | ParamRef | AttrRef, ...]


Expr = str | int | float | bool | ParamRef | AttrRef | Interp | tuple[str, ...]


@record
class Grant:
    """`allow orders: read, write` on a resource with a role."""

    target: str
    ops: tuple[str, ...]
    span: Span


@record
class TableKey:
    name: str
    type: str  # string, number, binary


@record
class TableIndex:
    name: str
    key: TableKey
    sort: TableKey | None


@record
class Auth:
    """Who may call an api or one of its routes: `kind` is `pool` (a userpool of the
    program), `jwt` (any OpenID Connect issuer), `iam` (SigV4) or `none`."""

    kind: str
    pool: str | None = None
    issuer: Expr | None = None  # jwt
    audience: tuple[str, ...] = ()  # jwt


@record
class Cors:
    """An api's CORS configuration; `cors = true` is every field `*`."""

    origins: tuple[str, ...] = ("*",)
    methods: tuple[str, ...] = ("*",)
    headers: tuple[str, ...] = ("*",)
    max_age: int | None = None  # seconds


@record
class Route:
    method: str
    path: str
    target: str
    span: Span
    auth: Auth | None = None  # None: the api's
    sync: bool = False  # an Express workflow answers the request
    group: Expr | None = None  # a FIFO queue's message group
    source: Expr | None = None  # a bus event's source
    detail_type: Expr | None = None  # a bus event's detail type


# ---------------------------------------------------------------- workflow steps
#
# A workflow's steps as the checker proved them: every target declared and of the
# step's kind, every option typed, every condition a path against a literal. The plan
# turns them into Amazon States Language without looking back at the syntax.


@record
class StatePath:
    """A path read when the state runs: `$.a.b` into the state, `$$.Execution.Id` into
    the context object."""

    path: str


@record
class DataMap:
    """`{ key = $.path, n = 1 }`: a JSON object whose paths are read when the state runs."""

    entries: tuple[tuple[str, Data], ...]


# A value a workflow builds: JSON literals, paths, and maps and lists of them.
Data = str | int | float | bool | StatePath | DataMap | tuple["Data", ...]


@record
class TaskOptions:
    retry: int = 0  # attempts after a failure; 0: none
    timeout: int | None = None  # seconds
    result: str | None = None  # the JSON path the step's result goes to
    input: DataMap | None = None  # `input = { ... }` (a model's `body`): the shaped input
    callback: bool = False  # `.waitForTaskToken`: the answer comes from SendTaskSuccess
    heartbeat: int | None = None  # seconds, callbacks only
    env: tuple[tuple[str, Data], ...] = ()  # `run c { env { ... } }`: container overrides


@record
class Task:
    """`invoke f`, `run c`, `send q`, `publish t`, `put b`: a step on a resource."""

    verb: str
    kind: str  # the target's kind (catalog.STEP_TARGETS): function, model, container, ...
    target: str
    options: TaskOptions
    span: Span


@record
class Wait:
    """`wait 30s` or `wait $.delay` (a path to a number of seconds): one of the two;
    `wait until $.at` (a path to a timestamp) or `wait until "2030-01-01T00:00:00Z"`."""

    seconds: int | None
    path: str | None
    text: str  # as written (`30s`, `$.delay`), for the state's name
    span: Span
    until: bool = False  # `path` holds a timestamp, not seconds
    timestamp: str | None = None  # a literal timestamp


@record
class Set:
    """`set $.path = VALUE`: a Pass state."""

    path: str
    value: Data
    span: Span


@record
class Catch:
    errors: tuple[str, ...]  # Step Functions error names; `States.ALL` when none were given
    path: str | None  # where the error goes; None: dropped, the input kept
    body: tuple[Step, ...]
    span: Span


@record
class Try:
    body: tuple[Step, ...]
    catches: tuple[Catch, ...]
    span: Span


@record
class Compare:
    """`$.n > 10MB`: the literal as States Language compares it (sizes in bytes,
    durations in seconds)."""

    path: str
    op: str  # ==, !=, <, <=, >, >=
    type: str  # number, string or bool
    value: str | int | float | bool
    span: Span


@record
class Exists:
    path: str
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
class IfStep:
    branches: tuple[tuple[Condition, tuple[Step, ...]], ...]  # `if`, then each `else if`
    otherwise: tuple[Step, ...] | None
    span: Span


@record
class Parallel:
    branches: tuple[tuple[Step, ...], ...]
    span: Span


@record
class ForEach:
    path: str
    body: tuple[Step, ...]
    span: Span


@record
class Succeed:
    span: Span


@record
class Fail:
    error: str
    cause: str | None
    span: Span


Step = Task | Wait | IfStep | Parallel | ForEach | Succeed | Fail | Set | Try


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


# ---------------------------------------------------------------- resources


@record(frozen=False)
class Resource:
    kind: str
    name: str
    span: Span
    attrs: dict[str, Any]  # every catalogue attribute, defaulted; None when unset
    env: dict[str, Expr] = field(default_factory=dict)
    grants: list[Grant] = field(default_factory=list)
    implicit: bool = False  # made by the compiler (a dead-letter queue, a shorthand schedule)
    # kind-specific shapes
    key: TableKey | None = None
    sort: TableKey | None = None
    indexes: list[TableIndex] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)
    auth: Auth | None = None  # an api's
    cors: Cors | None = None  # an api's
    throttle: dict[str, float] = field(default_factory=dict)
    steps: tuple[Step, ...] = ()  # a workflow's, checked and typed
    code_path: Path | None = None  # resolved, absolute

    def __getitem__(self, attr: str) -> Any:
        return self.attrs[attr]


@record
class Match:
    """One event filter's test, as the checker proved it for the service that applies
    it (EventBridge, SNS, Lambda's event filtering):

    - `any`: equals one of `values` (strings, numbers, booleans);
    - `prefix`, `suffix`: `values` holds the one string;
    - `not`: equals none of `values`;
    - `numeric`: `compare` (<, <=, >, >=, ==) against the one number in `values`;
    - `exists`, `missing`: no values.
    """

    op: str
    values: tuple[str | int | float | bool, ...] = ()
    compare: str = ""


@record
class Edge:
    """`on SOURCE.EVENT(filters) -> TARGET { options }`, or a schedule's tick."""

    source: str
    event: str
    target: str
    filters: dict[str, Match]  # by dotted path, in source order
    options: dict[str, Any]
    span: Span
    index: int  # the edge's number among the edges between the same pair, from 1


@record
class Param:
    name: str
    type: str
    default: str | int | float | bool | None
    span: Span


@record
class Output:
    name: str
    value: Expr
    span: Span


@record(frozen=False)
class App:
    name: str
    region: str
    prefix: Expr
    tags: dict[str, str]
    network: dict[str, tuple[str, ...]] | None
    resources: dict[str, Resource]  # in source order
    edges: list[Edge]
    params: dict[str, Param]
    outputs: list[Output]
    root: Path  # the program's file or directory
    alarms: str | None = None  # `app { alarms = TOPIC }`: the topic CloudWatch alarms go to

    def of_kind(self, *kinds: str) -> list[Resource]:
        return [r for r in self.resources.values() if r.kind in kinds]

    def edges_from(self, name: str) -> list[Edge]:
        return [e for e in self.edges if e.source == name]

    def edges_to(self, name: str) -> list[Edge]:
        return [e for e in self.edges if e.target == name]


# Sources whose edges invoke a function asynchronously (EventBridge and SNS).
ASYNC_SOURCES = ("bucket", "bus", "schedule", "topic")


def source_kind(resources: dict[str, Resource], name: str) -> str | None:
    """An edge source's kind: `default`, undeclared, is the account's default bus."""
    if name in resources:
        return resources[name].kind
    return "bus" if name == DEFAULT_BUS else None


def async_invoked(app: App) -> frozenset[str]:
    """The resources an edge invokes asynchronously (EventBridge and SNS deliver):
    computed once per program, not once per function (that was quadratic)."""
    return frozenset(
        e.target for e in app.edges if source_kind(app.resources, e.source) in ASYNC_SOURCES
    )


def async_config(fn: Resource, invoked: frozenset[str]) -> bool:
    """A function gets an event-invoke configuration when something invokes it
    asynchronously (`invoked`: `async_invoked(app)`) or the program sets one of its
    asynchronous settings."""
    if fn.attrs.get("on_success") or fn.attrs.get("on_failure"):
        return True
    if fn.attrs.get("retries") not in (None, 2):
        return True
    return fn.name in invoked


def dead_letter_queues(app: App) -> list[Resource]:
    """The queues that hold dead letters, in source order: another queue's (`max_receives`),
    and what edges and asynchronous invocations could not deliver or process (each
    edge's `dead_letter` or `on_failure`, each function's `on_failure`) where that is a queue."""
    named = {f"{q.name}_dlq" for q in app.of_kind("queue") if q.attrs.get("max_receives")}
    for edge in app.edges:
        named |= {
            str(edge.options[o]) for o in ("dead_letter", "on_failure") if edge.options.get(o)
        }
    named |= {
        str(f.attrs["on_failure"]) for f in app.of_kind("function") if f.attrs.get("on_failure")
    }
    return [q for q in app.of_kind("queue") if q.name in named]
