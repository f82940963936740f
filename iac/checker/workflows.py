"""Workflows: their steps and conditions checked, and built as the model's typed steps."""

from __future__ import annotations

from collections.abc import Iterable

from .. import catalog as cat
from .. import model as m
from .. import syntax as s
from ..diagnostics import Label
from .context import Context, Decl, attr_span
from .values import attributes, check_target
from .wording import describe, fmt_seconds


def workflow_rules(ctx: Context, res: m.Resource, st: Decl) -> None:
    assert isinstance(st, s.WorkflowDecl)
    res.steps = check_steps(ctx, st.steps, top=True)
    if not [x for x in st.steps if not isinstance(x, s.Attribute)]:
        ctx.error("E109", f"workflow `{res.name}` has no steps", st.name.span)
    if res.attrs.get("express"):
        _express(ctx, res, st)


def _express(ctx: Context, res: m.Resource, st: s.WorkflowDecl) -> None:
    """An Express workflow runs at most five minutes and can't wait on a task (`.sync`)."""
    express = attr_span(st, "express")
    limit = cat.EXPRESS_MAX_SECONDS
    for step in s.walk_steps(st.steps):
        if isinstance(step, s.Task) and step.verb == "run":
            ctx.error(
                "E144",
                f"an Express workflow can't `run` a container: `{res.name}` would have to "
                "wait for the task (`.sync`), which only Standard workflows do",
                step.span,
                labels=[Label(express, "Express here")],
                hints=("remove `express = true`, or start the task from a schedule",),
            )
        elif isinstance(step, s.Wait) and isinstance(step.value, s.Duration):
            if step.value.seconds > limit:
                ctx.error(
                    "E144",
                    f"an Express workflow runs at most {fmt_seconds(limit)}: "
                    f"it can't wait {step.value.text}",
                    step.value.span,
                    labels=[Label(express, "Express here")],
                    hints=("remove `express = true` for long waits",),
                )
        if isinstance(step, s.Task):
            for option in step.options:
                if (
                    isinstance(option, s.Attribute)
                    and option.name.text == "timeout"
                    and isinstance(option.value, s.Duration)
                    and option.value.seconds > limit
                ):
                    ctx.error(
                        "E144",
                        f"an Express workflow runs at most {fmt_seconds(limit)}: "
                        f"a task can't take {option.value.text}",
                        option.value.span,
                        labels=[Label(express, "Express here")],
                    )


def check_steps(ctx: Context, steps: Iterable[s.Step], *, top: bool) -> tuple[m.Step, ...]:
    """Check a sequence of steps and build the model's: a step with an error is left out
    (the program then has no model)."""
    built = (_step(ctx, step, top) for step in steps)
    return tuple(step for step in built if step is not None)


def _step(ctx: Context, step: s.Step, top: bool) -> m.Step | None:
    if isinstance(step, s.Attribute):
        if not top:
            ctx.error("E133", "workflow attributes go at the top of the workflow", step.span)
        return None  # typed with the workflow's attributes by the resource pass
    if isinstance(step, s.Task):
        kind = cat.STEP_KINDS[step.verb]
        found = check_target(ctx, step.target, (kind,), f"`{step.verb}`", verb=step.verb)
        if found:
            ctx.scope.used.add(step.target.text)
        opts = attributes(ctx, step.options, cat.TASK_OPTIONS, f"`{step.verb}`")
        options = m.TaskOptions(opts["retry"] or 0, opts["timeout"], opts["result"])
        return m.Task(step.verb, kind, step.target.text, options, step.span) if found else None
    if isinstance(step, s.Wait):
        v = step.value
        if isinstance(v, s.Duration):
            if v.millis % 1000 or v.millis <= 0:
                ctx.error("E108", "`wait` takes whole seconds, at least 1s", v.span)
                return None
            return m.Wait(v.seconds, None, v.text, step.span)
        if isinstance(v, s.JsonPath):
            return m.Wait(None, v.path, v.path, step.span)
        ctx.error("E107", f"`wait` takes a duration or a path, found {describe(v)}", v.span)
        return None
    if isinstance(step, s.IfStep):
        branches = []
        for cond, body in step.branches:
            checked = check_condition(ctx, cond)
            steps = check_steps(ctx, body, top=False)
            if checked is not None:
                branches.append((checked, steps))
        otherwise = None
        if step.otherwise is not None:
            otherwise = check_steps(ctx, step.otherwise, top=False)
        return m.IfStep(tuple(branches), otherwise, step.span)
    if isinstance(step, s.Parallel):
        if not step.branches:
            ctx.error("E109", "`parallel` needs at least one `branch`", step.span)
        bodies = tuple(check_steps(ctx, body, top=False) for body in step.branches)
        return m.Parallel(bodies, step.span)
    if isinstance(step, s.ForEach):
        return m.ForEach(step.path.path, check_steps(ctx, step.body, top=False), step.span)
    if isinstance(step, s.Fail):
        for text in (step.error, step.cause):
            if text is not None and not text.is_plain:
                ctx.error("E107", "`fail` takes literal strings", text.span)
        cause = step.cause.plain if step.cause is not None else None
        return m.Fail(step.error.plain, cause, step.span)
    return m.Succeed(step.span)


def check_condition(ctx: Context, cond: s.Condition) -> m.Condition | None:
    if isinstance(cond, s.And | s.Or):
        operands = [check_condition(ctx, op) for op in cond.operands]
        kept = tuple(op for op in operands if op is not None)
        return m.And(kept, cond.span) if isinstance(cond, s.And) else m.Or(kept, cond.span)
    if isinstance(cond, s.Not):
        operand = check_condition(ctx, cond.operand)
        return m.Not(operand, cond.span) if operand is not None else None
    if isinstance(cond, s.Exists):
        return m.Exists(cond.path.path, cond.span)
    v = cond.value
    if isinstance(v, s.Str) and not v.is_plain:
        ctx.error("E119", "conditions compare with literal strings", v.span)
        return None
    if isinstance(v, s.Str):
        return m.Compare(cond.path.path, cond.op, "string", v.plain, cond.span)
    if isinstance(v, s.Bool) and cond.op not in ("==", "!="):
        ctx.error(
            "E119",
            f"`{cond.op}` can't compare with a bool",
            cond.span,
            hints=("compare bools with `==` or `!=`",),
        )
        return None
    if isinstance(v, s.Bool):
        return m.Compare(cond.path.path, cond.op, "bool", v.value, cond.span)
    if isinstance(v, s.Num):
        return m.Compare(cond.path.path, cond.op, "number", v.value, cond.span)
    if isinstance(v, s.Size):
        return m.Compare(cond.path.path, cond.op, "number", v.bytes, cond.span)
    if isinstance(v, s.Duration):
        seconds = v.millis / 1000 if v.millis % 1000 else v.seconds
        return m.Compare(cond.path.path, cond.op, "number", seconds, cond.span)
    ctx.error(
        "E119",
        f"a condition compares a path with a literal, not {describe(v)}",
        v.span,
        hints=("literals: numbers, strings, bools, sizes (`10MB`), durations (`5m`)",),
    )
    return None
