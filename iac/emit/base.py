"""What every target shares: the `Target` base class, its Jinja environment, the
one `unsupported()` path and the output shape.

A target is a subclass of `Target` (sqlglot's generator/dialect shape): `spell(value)`
dispatches on a plan value's type to `spell_ref`, `spell_sub`, ... and a target
overrides only the spellings that differ from its parent's. Templates come from
`targets/<name>/`, then from each parent's folder, so a target inherits the
templates it does not override (SAM from CloudFormation).

Rendering never mutates shared state: the environment is built once per target
class with only plan-independent filters; a filter that needs the plan reads the
target being rendered from the template's context (`target`), so two renders at
once, of the same plan or of two plans, never meet.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

import jinja2
import jinja2.ext

from ..diagnostics import Diagnostic, Severity
from ..plan import Plan
from ..plan.model import Node
from ..plan.values import Az, Json, Param, Pseudo, Ref, Sub, Value, arn
from ..resources import data_dir
from ..source import Span
from .compiled import CompiledLoader


@dataclass
class Rendered:
    """Files of one target, by path relative to OUT/<target>/."""

    files: dict[str, bytes] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def unsupported(target: str, what: str, span: Span | None) -> Diagnostic:
    """The one diagnostic by which a target says it can't express something."""
    return Diagnostic(
        "E200",
        Severity.ERROR,
        f"the {target} target can't express {what}",
        span,
    )


def execution_arn(api_id: str) -> Value:
    """An HTTP API's execute-api ARN, built where a target has no attribute for it."""
    return arn("execute-api", Ref(api_id, "id"))


def source_comment(span: Span | None, label: str, lines: dict[int, str] | None = None) -> str:
    """`app.iac:12  LABEL`. `lines` keeps each span's `app.iac:12` for one render: a
    statement's nodes share its span, and finding the line costs more than the rest."""
    if span is None:
        return label
    if lines is None:
        return f"{span.where()}  {label}"
    where = lines.get(id(span))
    if where is None:
        where = lines[id(span)] = span.where()
    return f"{where}  {label}"


T = TypeVar("T")


class _Reads(dict[str, Node]):
    """The target's node index, noting which ids a render looks up (while `log` is
    set): a node's rendered block depends on the nodes it read."""

    log: set[str] | None = None

    def __getitem__(self, key: str) -> Node:
        if self.log is not None:
            self.log.add(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        if self.log is not None:
            self.log.add(key)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        if self.log is not None and isinstance(key, str):
            self.log.add(key)
        return super().__contains__(key)


@dataclass
class _Entry:
    where: str | None  # the source comment's `app.iac:12`
    place: tuple[Any, ...] | None  # what `where` was found from (see `_where`)
    extra: Any  # the target's `render_key(node)`
    reads: frozenset[str]  # the other nodes its render looked up
    value: Any
    effects: dict[str, Any]  # what its render added to the target's state


def _where(span: Span | None, entry: _Entry | None) -> tuple[str | None, tuple[Any, ...] | None]:
    """A node's `app.iac:12` and what it was found from: its source text (held, so
    compared by identity), its offset there and the line that text starts at in its file
    (a chunk of a file in the language server, iac/lsp/document.py). Counting lines is
    the cost of a reused block: while all three are unchanged, so is the line."""
    if span is None:
        return None, None
    place = (span.source, span.start, getattr(span.source, "first_line", None))
    if entry is not None and entry.place is not None:
        before = entry.place
        if before[0] is place[0] and before[1] == place[1] and before[2] == place[2]:
            return entry.where, place
    return span.where(), place


def _body(node: Node) -> tuple[Any, ...]:
    """Everything of a node a render may read, but where it sits in the source (a
    moved statement keeps the blocks that only refer to it)."""
    return (node.props, node.label, node.retain, node.tags, tuple(node.depends_on))


@dataclass
class RenderCache:
    """One target's rendered nodes from its previous render, reused by the next.

    The language server keeps one per open preview: a keystroke changes a node or
    two, and only they (and the nodes that read them) are rendered again. A node's
    block is reused when its props, label, tags, dependencies and source line are
    equal to the last render's, every node its render looked up is too, and so is
    what every node may read (the plan's app, region, tags, params and the target's
    own `render_scope()`). Plan values are frozen dataclasses, compared by value."""

    scope: Any = None
    bodies: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    entries: dict[str, _Entry] = field(default_factory=dict)
    memos: dict[tuple[str, Hashable], Any] = field(default_factory=dict)  # see `node_memo`
    hits: int = 0  # blocks reused: what the tests and the bench look at
    misses: int = 0


def context_filter(method: str) -> Callable[..., Any]:
    """A filter that calls `method` on the target being rendered (the context's
    `target`): registered once, it holds no plan of its own."""

    @jinja2.pass_context
    def call(context: jinja2.runtime.Context, *args: Any, **kwargs: Any) -> Any:
        return getattr(context["target"], method)(*args, **kwargs)

    call.__name__ = method
    return call


class Target:
    """One output format. Subclasses set `name` (and `parent` to inherit templates),
    override the `spell_*` methods that differ and implement `render()`."""

    name: ClassVar[str]
    parent: ClassVar[type[Target] | None] = None
    suffix: ClassVar[str]  # the template file suffix: `.yaml.j2`
    # Filters that need no plan, and filters that call a method of the target.
    filters: ClassVar[dict[str, Callable[..., Any]]] = {}
    method_filters: ClassVar[dict[str, str]] = {}
    # Jinja extensions of the target's environment (Terraform marks attribute lines).
    extensions: ClassVar[tuple[type[jinja2.ext.Extension], ...]] = ()
    _environments: ClassVar[dict[type[Target], jinja2.Environment]] = {}
    # The target's state a node's render adds to (sets and lists): a reused block
    # adds again what its render added.
    render_effects: ClassVar[tuple[str, ...]] = ("diagnostics",)

    def __init__(self, plan: Plan):
        self.plan = plan
        self.nodes: dict[str, Node] = {n.id: n for n in plan.nodes}
        self.diagnostics: list[Diagnostic] = []
        self.cache: RenderCache | None = None
        self._same: dict[str, bool] = {}
        self._bodies: dict[str, tuple[Any, ...]] = {}
        self._visited: dict[str, _Entry] = {}
        self._memos: dict[tuple[str, Hashable], Any] = {}
        self._templates: dict[str, jinja2.Template | None] = {}

    # -- reusing the blocks of unchanged nodes (the language server's previews)
    def render_cached(self, cache: RenderCache) -> Rendered:
        """`render()`, reusing the blocks of `cache` that nothing changed, and leaving
        this render's blocks in it. A render that raises leaves the cache as it was."""
        self.cache = cache
        self.nodes = _Reads(self.nodes)
        self._bodies = {n.id: _body(n) for n in self.plan.nodes}
        plan = self.plan
        scope = (plan.app, plan.region, plan.tags, plan.params, self.render_scope())
        if scope != cache.scope:
            cache.entries, cache.bodies = {}, {}
        out = self.render()
        # Only what this render looked at is kept: an entry is valid against the bodies
        # of the render that made or checked it, and removed nodes leave the cache.
        cache.scope, cache.entries, cache.bodies = scope, self._visited, self._bodies
        cache.memos = self._memos
        return out

    def render_scope(self) -> Any:
        """What any node's render may read beyond the nodes: a target's own tables."""
        return ()

    def render_key(self, node: Node) -> Any:
        """What one node's render reads from the target beyond the nodes it looks up."""
        return ()

    def _unchanged(self, node_id: str) -> bool:
        same = self._same.get(node_id)
        if same is None:
            assert self.cache is not None
            before = self.cache.bodies.get(node_id)
            same = self._same[node_id] = before == self._bodies.get(node_id)
        return same

    def node_memo(self, node: Node, name: Hashable, compute: Callable[[Node], T]) -> T:
        """`compute(node)` for a value that depends on the node alone (its props,
        label, tags, dependencies) and on `name`, kept while both are unchanged."""
        cache = self.cache
        if cache is None:
            return compute(node)
        key = (node.id, name)
        if key in cache.memos and self._unchanged(node.id):
            value: T = cache.memos[key]
        else:
            value = compute(node)
        self._memos[key] = value
        return value

    def cached(self, node: Node, render: Callable[[Node], T]) -> T:
        """`render(node)`, or the value it gave at the last render when nothing it
        read has changed since. Without a cache (`iac compile`), just `render(node)`."""
        cache = self.cache
        if cache is None:
            return render(node)
        entry = cache.entries.get(node.id)
        where, place = _where(node.source, entry)
        extra = self.render_key(node)
        if (
            entry is not None
            and entry.where == where
            and entry.extra == extra
            and self._unchanged(node.id)
            and all(self._unchanged(r) for r in entry.reads)
        ):
            cache.hits += 1
            for name, added in entry.effects.items():
                _merge(getattr(self, name), added)
            entry.place = place
            self._visited[node.id] = entry
            value: T = entry.value
            return value
        cache.misses += 1
        saved = {name: getattr(self, name) for name in self.render_effects}
        for name, state in saved.items():
            setattr(self, name, type(state)())
        nodes = self.nodes
        assert isinstance(nodes, _Reads)
        reads: set[str] = set()
        nodes.log = reads
        try:
            value = render(node)
        finally:
            nodes.log = None
            effects = {name: getattr(self, name) for name in self.render_effects}
            for name, state in saved.items():
                _merge(state, effects[name])
                setattr(self, name, state)
        reads.discard(node.id)
        self._visited[node.id] = _Entry(where, place, extra, frozenset(reads), value, effects)
        return value

    # -- spelling plan values: one dispatch, overridden where a target differs
    def spell(self, value: Any, *args: Any) -> Any:
        if isinstance(value, bool):  # before int: a bool is an int to Python
            return self.spell_bool(value, *args)
        if isinstance(value, int | float):
            return self.spell_number(value, *args)
        if value is None:
            return self.spell_none(*args)
        if isinstance(value, str):
            return self.spell_str(value, *args)
        if isinstance(value, Ref):
            return self.spell_ref(value, *args)
        if isinstance(value, Param):
            return self.spell_param(value, *args)
        if isinstance(value, Pseudo):
            return self.spell_pseudo(value, *args)
        if isinstance(value, Sub):
            return self.spell_sub(value, *args)
        if isinstance(value, Json):
            return self.spell_json(value, *args)
        if isinstance(value, Az):
            return self.spell_az(value, *args)
        if isinstance(value, dict):
            return self.spell_dict(value, *args)
        if isinstance(value, list | tuple):
            return self.spell_list(list(value), *args)
        return self.spell_other(value, *args)

    def spell_bool(self, value: bool, *args: Any) -> Any:
        return "true" if value else "false"

    def spell_number(self, value: int | float, *args: Any) -> Any:
        return str(value)

    def spell_none(self, *args: Any) -> Any:
        return "null"

    def spell_str(self, value: str, *args: Any) -> Any:
        return self.spell_other(value, *args)

    def spell_ref(self, value: Ref, *args: Any) -> Any:
        return self.spell_other(value, *args)

    def spell_param(self, value: Param, *args: Any) -> Any:
        return self.spell_other(value, *args)

    def spell_pseudo(self, value: Pseudo, *args: Any) -> Any:
        return self.spell_other(value, *args)

    def spell_sub(self, value: Sub, *args: Any) -> Any:
        return self.spell_other(value, *args)

    def spell_json(self, value: Json, *args: Any) -> Any:
        return self.spell(value.value, *args)

    def spell_az(self, value: Az, *args: Any) -> Any:
        return self.spell_other(value, *args)

    def spell_dict(self, value: dict[str, Any], *args: Any) -> Any:
        return self.spell_other(value, *args)

    def spell_list(self, value: list[Any], *args: Any) -> Any:
        return self.spell_other(value, *args)

    def spell_other(self, value: Any, *args: Any) -> Any:
        raise TypeError(f"no {self.name} spelling for {value!r}")

    # -- what the target can't express
    def unsupported(self, node: Node | None, why: str) -> None:
        """Report, once per render, that this target can't express `why`."""
        diagnostic = unsupported(self.name, why, node.source if node else None)
        if diagnostic not in self.diagnostics:
            self.diagnostics.append(diagnostic)

    # -- templates
    @classmethod
    def lineage(cls) -> Iterator[type[Target]]:
        """This target, then its parent, grandparent..."""
        target: type[Target] | None = cls
        while target is not None:
            yield target
            target = target.parent

    @classmethod
    def environment(cls) -> jinja2.Environment:
        """The target's environment, built once and never changed after."""
        env = Target._environments.get(cls)
        if env is None:
            # Each folder served from its compiled modules where they match the source;
            # the parent's folder after the target's own (SAM falls back to CloudFormation).
            loaders = [CompiledLoader(data_dir("targets") / t.name, t.name) for t in cls.lineage()]
            env = jinja2.Environment(
                loader=jinja2.ChoiceLoader(loaders),
                undefined=jinja2.StrictUndefined,
                autoescape=False,
                keep_trailing_newline=True,
                auto_reload=False,  # templates never change under a running compiler
                trim_blocks=True,
                lstrip_blocks=True,
                extensions=list(cls.extensions),
            )
            env.filters.update(cls.filters)
            env.filters.update({k: context_filter(m) for k, m in cls.method_filters.items()})
            # Two threads may build it at once: both build the same, one is kept.
            env = Target._environments.setdefault(cls, env)
        return env

    def get_template(self, name: str) -> jinja2.Template | None:
        # Kept per render: the environment's own lookup costs more than a small render.
        if name in self._templates:
            return self._templates[name]
        try:
            template: jinja2.Template | None = self.environment().get_template(name)
        except jinja2.TemplateNotFound:
            template = None
        self._templates[name] = template
        return template

    def node_template(self, node: Node) -> jinja2.Template | None:
        """The template of a node's type, or None (and a diagnostic) if the target
        has none."""
        template = self.get_template(f"{node.type}{self.suffix}")
        if template is None:
            self.unsupported(node, f"a {node.type}")
        return template

    def render_template(self, template: jinja2.Template, **context: Any) -> str:
        # `template.render(...)` but for its copy of the template's globals into each
        # context (a ChainMap read key by key: most of a small block's render): they are
        # copied once per template, and the context reads this dict as it is.
        parent = {**_plain_globals(template), **context, "target": self}
        try:
            return "".join(template.root_render_func(template.new_context(parent, shared=True)))
        except Exception:
            template.environment.handle_exception()

    def render(self) -> Rendered:
        raise NotImplementedError


# Each template's globals (`range`, `namespace`...) as a plain dict, made at its first
# render. Keyed weakly: a template the environment drops takes its entry with it.
_GLOBALS: weakref.WeakKeyDictionary[jinja2.Template, dict[str, Any]] = weakref.WeakKeyDictionary()


def _plain_globals(template: jinja2.Template) -> dict[str, Any]:
    plain = _GLOBALS.get(template)
    if plain is None:
        plain = _GLOBALS.setdefault(template, dict(template.globals))
    return plain


def _merge(state: Any, added: Any) -> None:
    if isinstance(state, set):
        state.update(added)
    else:  # a list: diagnostics, once each
        state.extend(x for x in added if x not in state)


def render_with(target: type[Target]) -> Callable[[Plan], Rendered]:
    """A target class as the function the compiler calls: plan -> files."""

    def render(plan: Plan) -> Rendered:
        return target(plan).render()

    return render
