"""What every target shares: the Jinja environment and the output shape."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import jinja2

from ..diagnostics import Diagnostic, Severity
from ..resources import data_dir
from ..source import Span


@dataclass
class Rendered:
    """Files of one target, by path relative to OUT/<target>/."""

    files: dict[str, bytes] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


@cache
def environment(target: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("targets") / target)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        auto_reload=False,  # templates never change under a running compiler
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def with_filters(env: jinja2.Environment, filters: dict[str, Callable[..., Any]]) -> None:
    env.filters.update(filters)


def unsupported(target: str, what: str, span: Span | None) -> Diagnostic:
    """The one path by which a target says it can't express something."""
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
