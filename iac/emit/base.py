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

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

import jinja2

from ..diagnostics import Diagnostic, Severity
from ..plan import Plan
from ..plan.model import Node
from ..plan.values import Az, Json, Param, Pseudo, Ref, Sub
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


def source_comment(span: Span | None, label: str) -> str:
    if span is None:
        return label
    return f"{span.where()}  {label}"


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
    _environments: ClassVar[dict[type[Target], jinja2.Environment]] = {}

    def __init__(self, plan: Plan):
        self.plan = plan
        self.nodes = {n.id: n for n in plan.nodes}
        self.diagnostics: list[Diagnostic] = []

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
            )
            env.filters.update(cls.filters)
            env.filters.update({k: context_filter(m) for k, m in cls.method_filters.items()})
            # Two threads may build it at once: both build the same, one is kept.
            env = Target._environments.setdefault(cls, env)
        return env

    def get_template(self, name: str) -> jinja2.Template | None:
        try:
            return self.environment().get_template(name)
        except jinja2.TemplateNotFound:
            return None

    def node_template(self, node: Node) -> jinja2.Template | None:
        """The template of a node's type, or None (and a diagnostic) if the target
        has none."""
        template = self.get_template(f"{node.type}{self.suffix}")
        if template is None:
            self.unsupported(node, f"a {node.type}")
        return template

    def render_template(self, template: jinja2.Template, **context: Any) -> str:
        return template.render(target=self, **context)

    def render(self) -> Rendered:
        raise NotImplementedError


def render_with(target: type[Target]) -> Callable[[Plan], Rendered]:
    """A target class as the function the compiler calls: plan -> files."""

    def render(plan: Plan) -> Rendered:
        return target(plan).render()

    return render
