"""What every target shares: the `Target` base class, its Jinja environment, the
one `unsupported()` path and the output shape.

A target is a subclass of `Target` (sqlglot's generator/dialect shape): `spell(value)`
dispatches on a plan value's type to `spell_ref`, `spell_sub`, ... and a target
overrides only the spellings that differ from its parent's. Templates come from
`targets/<name>/`, then from each parent's folder, so a target inherits the
templates it does not override (SAM from CloudFormation).

Templates run as the Python generated from them at build time (iac/emit/compiled.py),
Jinja only for a template edited since: both are a `Template`, `render_template`
renders either. Rendering never mutates shared state: a template is bound once per
target class with only plan-independent filters; a filter that needs the plan calls
the target being rendered (the context's `target` in Jinja), so two renders at once,
of the same plan or of two plans, never meet.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from ..diagnostics import Diagnostic, Severity
from ..plan import Plan
from ..plan.model import Node
from ..plan.values import Az, Json, Param, Pseudo, Ref, Sub, Value, arn
from ..records import field, record
from ..resources import data_dir
from ..source import Span
from .compiled import Template, load_template

if TYPE_CHECKING:
    import jinja2


@record(frozen=False)
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


@record(frozen=False)
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
    the cost of a reused block: while all three are unchanged, so is the line (and the
    entry's own tuple is returned: nothing is made for a reused block)."""
    if span is None:
        return None, None
    source = span.source
    line = getattr(source, "first_line", None)
    if entry is not None:
        before = entry.place
        if (
            before is not None
            and before[0] is source
            and before[1] == span.start
            and before[2] == line
        ):
            return entry.where, before
    return span.where(), (source, span.start, line)


def _body(node: Node) -> tuple[Any, ...]:
    """Everything of a node a render may read, but where it sits in the source (a
    moved statement keeps the blocks that only refer to it)."""
    return (node.props, node.label, node.retain, node.tags, tuple(node.depends_on))


@record(frozen=False)
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
    """A Jinja filter that calls `method` on the target being rendered (the context's
    `target`): registered once, it holds no plan of its own. (The generated templates
    call `target.METHOD(...)` themselves.)"""
    import jinja2

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
    # Jinja extensions of the target's environment, by import path (Terraform marks
    # attribute lines): loaded only where Jinja is, at build time or for an edited template.
    extensions: ClassVar[tuple[str, ...]] = ()
    _environments: ClassVar[dict[type[Target], jinja2.Environment]] = {}
    _loaded: ClassVar[dict[type[Target], dict[str, Template | None]]] = {}
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
        self._before: dict[str, tuple[Any, ...]] = {}  # the previous render's bodies
        # Whether the target has a `render_key` of its own (asked per node if so).
        self._keyed = type(self).render_key is not Target.render_key
        self._visited: dict[str, _Entry] = {}
        self._memos: dict[tuple[str, Hashable], Any] = {}
        self._templates: dict[str, Template | None] = {}

    # -- reusing the blocks of unchanged nodes (the language server's previews)
    def render_cached(self, cache: RenderCache) -> Rendered:
        """`render()`, reusing the blocks of `cache` that nothing changed, and leaving
        this render's blocks in it. A render that raises leaves the cache as it was."""
        self.cache = cache
        self.nodes = _Reads(self.nodes)
        self._bodies = {n.id: _body(n) for n in self.plan.nodes}
        # Bodies are compared with the previous render's even when the scope changed (a
        # `node_memo` depends on its node alone; the entries are dropped below).
        self._before = cache.bodies
        plan = self.plan
        scope = (plan.app, plan.region, plan.tags, plan.params, self.render_scope())
        if scope != cache.scope:
            cache.entries = {}
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
            before = self._before.get(node_id)
            same = self._same[node_id] = before == self._bodies.get(node_id)
        return same

    def reused(self, node_id: str) -> bool:
        """Whether a node's body is the one the cache's previous render had, after
        `render_cached` too (the language server's source map keeps what the blocks of
        such a node gave it)."""
        return self.cache is not None and self._unchanged(node_id)

    def marker(self, node_id: str) -> str | None:
        """The `app.iac:12` this render's cached block of a node cites, if it has one
        (the language server's source map finds the nodes of the blocks by it)."""
        entry = self._visited.get(node_id)
        return None if entry is None else entry.where

    def file_memo(self, name: str, inputs: Any, compute: Callable[[], T]) -> T:
        """`compute()` for a value that depends on `inputs` alone (a layout file: its
        template's context), kept while they equal the last render's: a keystroke
        leaves most of a target's files as they were. `inputs` must not change later."""
        cache = self.cache
        if cache is None:
            return compute()
        key = ("", name)  # "" is no node's id: node memos never meet these
        before = cache.memos.get(key)
        if before is not None and before[0] == inputs:
            value: T = before[1]
        else:
            value = compute()
        self._memos[key] = (inputs, value)
        return value

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
        extra = self.render_key(node) if self._keyed else ()
        if entry is not None and entry.where == where and entry.extra == extra:
            # The node and every node its render read: each compared once per render.
            same = self._same
            for read in (node.id, *entry.reads):
                unchanged = same.get(read)
                if unchanged is None:
                    unchanged = self._unchanged(read)
                if not unchanged:
                    break
            else:
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
        # Only what it added: a hit merges nothing for the (most) blocks that add nothing.
        effects = {name: added for name, added in effects.items() if added}
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
        """The target's Jinja environment, built once and never changed after: the
        generator parses the templates with it, and it renders a template edited since
        its module was generated. Nothing else imports Jinja."""
        env = Target._environments.get(cls)
        if env is None:
            import jinja2

            # The parent's folder after the target's own (SAM falls back to CloudFormation).
            folders = [str(data_dir("targets") / t.name) for t in cls.lineage()]
            env = jinja2.Environment(
                loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(f) for f in folders]),
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

    @classmethod
    def lookup_template(cls, name: str) -> Template | None:
        """The template `name` (from this target's folder, else a parent's), loaded
        once per target class; None if no folder has it."""
        loaded = Target._loaded.get(cls)
        if loaded is None:
            loaded = Target._loaded.setdefault(cls, {})
        if name not in loaded:
            loaded.setdefault(name, load_template(cls, name))
        return loaded[name]

    def get_template(self, name: str) -> Template | None:
        # Kept per render too: the class's lookup costs more than a small render.
        if name in self._templates:
            return self._templates[name]
        template = self._templates[name] = self.lookup_template(name)
        return template

    def node_template(self, node: Node) -> Template | None:
        """The template of a node's type, or None (and a diagnostic) if the target
        has none."""
        template = self.get_template(f"{node.type}{self.suffix}")
        if template is None:
            self.unsupported(node, f"a {node.type}")
        return template

    def render_template(self, template: Template, **context: Any) -> str:
        return template.render(self, context)

    def render(self) -> Rendered:
        raise NotImplementedError


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
