"""Names, references, types and the contract's rules: syntax tree -> app model.

The checker is a sequence of passes over one `Context` (iac/checker/context.py),
called in order by `check_modules`; each pass is a function in the module named
after it, and reads what the passes before it left in the context."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .. import model as m
from .. import syntax as s
from ..diagnostics import Diagnostics
from .app import AppSettings, check_app
from .context import Context, Decl
from .declare import check_params, declare_names
from .edges import add_async_failures, add_dead_letter_queues, check_edges
from .program import (
    check_creates_something,
    check_cycles,
    check_generated_ids,
    check_outputs,
    check_prefix,
    check_queue_timeouts,
    check_secret_params,
    check_stream_refs,
    warn_open_invoke,
    warn_unused,
)
from .resources import check_resource
from .workflows import warn_callbacks

if TYPE_CHECKING:  # the language server's; a check without one never loads it
    from .memo import CheckMemo

__all__ = ["CheckMemo", "check_modules"]


def check_modules(
    modules: list[s.Module],
    root: Path,
    diags: Diagnostics,
    overrides: dict[str, str] | None = None,
    memo: CheckMemo | None = None,
) -> m.App | None:
    """The app model of a parsed program, or None when it has errors (in `diags`).
    With a `memo` (the language server's), the passes of declarations unchanged since
    the memo's last check are replayed from it, with the same results."""
    ctx = Context(modules, root, diags, overrides or {}, memo=memo)
    statements = [st for mod in modules for st in mod.statements]
    # names first: every later pass can refer to any name, declared above or below
    params = declare_names(ctx, statements)
    check_params(ctx, params)
    app = check_app(ctx)
    if memo is None:
        for decl in _declared(ctx, statements):
            check_resource(ctx, decl)
    else:
        memo.begin(ctx)
        for decl in _declared(ctx, statements):
            memo.check_resource(ctx, decl, check_resource)
    add_dead_letter_queues(ctx)
    check_edges(ctx, statements)
    add_async_failures(ctx)
    # program-wide rules, now that every resource and edge is known
    check_cycles(ctx)
    check_queue_timeouts(ctx)
    check_prefix(ctx, app.prefix)
    outputs = check_outputs(ctx, statements)
    check_secret_params(ctx, statements)
    warn_open_invoke(ctx)
    check_stream_refs(ctx)  # after the outputs: they may read `t.stream_arn` too
    model = _model(ctx, app, outputs)
    check_generated_ids(ctx, model)
    check_creates_something(ctx)
    warn_unused(ctx)
    warn_callbacks(ctx)
    if memo is not None:
        memo.end()
    return None if ctx.diags.has_errors else model


def _declared(ctx: Context, statements: list[s.Statement]) -> list[Decl]:
    """The resource and workflow statements that got their name, in source order."""
    return [
        st
        for st in statements
        if isinstance(st, s.ResourceDecl | s.WorkflowDecl)
        and ctx.scope.decls.get(st.name.text) is st
    ]


def _model(ctx: Context, app: AppSettings, outputs: list[m.Output]) -> m.App:
    return m.App(
        name=app.name,
        region=app.region,
        prefix=app.prefix,
        tags=app.tags,
        network=app.network,
        resources=ctx.resources,
        edges=ctx.edges,
        params=ctx.scope.params,
        outputs=outputs,
        root=ctx.root,
        alarms=app.alarms,
    )
