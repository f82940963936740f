"""Workflows: their steps and conditions checked, and built as the model's typed steps."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import catalog as cat
from .. import model as m
from .. import syntax as s
from ..diagnostics import Label, one_of
from .context import Context, Decl, attr_span
from .values import attributes, check_target, env_items
from .wording import describe, fmt_seconds

# RFC 3339 as Step Functions takes it: an uppercase `T`, and `Z` or an offset. A
# pattern string, compiled (by `re`, once) for the first timestamp: not at start-up.
TIMESTAMP = (
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})\Z"
)


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
                    and option.name.text == "callback"
                    and isinstance(option.value, s.Bool)
                    and option.value.value
                ):
                    ctx.error(
                        "E144",
                        f"an Express workflow can't wait for a callback: `{res.name}` would "
                        "have to wait for the task token (`.waitForTaskToken`), which only "
                        "Standard workflows do",
                        option.span,
                        labels=[Label(express, "Express here")],
                        hints=("remove `express = true`",),
                    )
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
        return _task(ctx, step)
    if isinstance(step, s.Wait):
        return _wait(ctx, step)
    if isinstance(step, s.SetStep):
        target = write_path(ctx, step.path, "`set`")
        value = data(ctx, step.value, "`set`")
        if target is None or value is None:
            return None
        return m.Set(target, value, step.span)
    if isinstance(step, s.Try):
        return _try(ctx, step)
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
        items = read_path(ctx, step.path)
        each = check_steps(ctx, step.body, top=False)
        return m.ForEach(items, each, step.span) if items is not None else None
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
        path = read_path(ctx, cond.path)
        return m.Exists(path, cond.span) if path is not None else None
    if read_path(ctx, cond.path) is None:
        return None
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


# ---------------------------------------------------------------- tasks


def _task(ctx: Context, step: s.Task) -> m.Task | None:
    allowed = cat.STEP_TARGETS[step.verb]
    found = check_target(ctx, step.target, allowed, f"`{step.verb}`", verb=step.verb)
    kind = ctx.scope.kinds.get(step.target.text, "") if found else cat.STEP_KINDS[step.verb]
    where = f"`{step.verb} {step.target.text}`"
    own = cat.TASK_KIND_OPTIONS[kind]
    blocks = cat.TASK_KIND_BLOCKS.get(kind, ())
    specs = cat.TASK_OPTIONS + own
    names = {a.name for a in specs}
    shaped = {a.name for a in own if a.type == "map"}
    plain: list[s.Item] = []
    maps: dict[str, s.Attribute] = {}
    env_block: s.Nested | None = None
    for item in step.options:
        name = item.name.text if isinstance(item, s.Attribute | s.Nested) else ""
        if isinstance(item, s.Attribute) and item.name.text in shaped:
            if name in maps:
                ctx.error(
                    "E103",
                    f"`{name}` is set twice",
                    item.name.span,
                    labels=[Label(maps[name].span, "first set here")],
                )
            maps[name] = item
        elif isinstance(item, s.Attribute) and name not in names and _elsewhere(name, kind):
            ctx.error(
                "E184",
                f"`{name}` is not an option of {where}: {_elsewhere(name, kind)}",
                item.name.span,
                hints=(f"options of {where}: {one_of(a.name for a in specs)}",),
            )
        elif isinstance(item, s.Nested) and name == "env" and "env" not in blocks:
            ctx.error(
                "E184",
                f"`env` is not an option of {where}: it sets a container's environment, on `run`",
                item.name.span,
                hints=("a function's input is shaped with `input = { key = $.path }`",),
            )
        elif isinstance(item, s.Nested) and name == "env":
            if env_block is not None:
                ctx.error("E103", "`env` is set twice", item.name.span)
            env_block = item
        else:
            plain.append(item)
    opts = attributes(ctx, plain, specs, where, blocks=blocks)
    callback = bool(opts.get("callback"))
    result = opts["result"]
    if isinstance(result, str) and result.startswith("$$"):
        result = write_path(ctx, _option_path(step, "result"), "`result`")
    heartbeat = opts.get("heartbeat")
    if heartbeat is not None and not callback:
        ctx.error(
            "E184",
            "`heartbeat` needs `callback = true`: only a callback task is sent heartbeats",
            _option(step, "heartbeat").name.span,
        )
    timeout = opts["timeout"]
    if callback and heartbeat is not None and timeout is not None and heartbeat >= timeout:
        ctx.error(
            "E186",
            f"`heartbeat` ({fmt_seconds(heartbeat)}) must be shorter than `timeout` "
            f"({fmt_seconds(timeout)})",
            _option(step, "heartbeat").value.span,
            labels=[Label(_option(step, "timeout").span, "timeout here")],
        )
    if callback and timeout is None:
        ctx.diags.warning(
            "W050",
            f"{where} waits for its callback without a `timeout`: an answer that never "
            "comes keeps the execution open for up to a year",
            _option(step, "callback").span,
            hints=("add `timeout = 1d` (or the longest a human or system may take)",),
        )
    shaped_input: m.DataMap | None = None
    for name, item in maps.items():
        if not isinstance(item.value, s.MapV):
            ctx.error(
                "E185",
                f"`{name}` takes a map like `{{ key = $.path }}`, found {describe(item.value)}",
                item.value.span,
            )
            continue
        built = data(ctx, item.value, f"`{name}`", token=callback)
        if isinstance(built, m.DataMap):
            shaped_input = built
    env = _env_overrides(ctx, env_block) if env_block is not None else ()
    options = m.TaskOptions(
        retry=opts["retry"] or 0,
        timeout=timeout,
        result=result,
        input=shaped_input,
        callback=callback,
        heartbeat=heartbeat if callback else None,
        env=env,
    )
    return m.Task(step.verb, kind, step.target.text, options, step.span) if found else None


def _elsewhere(name: str, kind: str) -> str:
    """Where an option belongs when it is not an option of this task (`` when nowhere)."""
    if name == "input" and kind == "model":
        return "a model's request is its `body`"
    if name == "callback" or name == "heartbeat":
        return f"`{name}` works on `invoke` of a function"
    if name == "body":
        return "`body` is the request of `invoke` on a model"
    if name == "input":
        return (
            "`input` shapes what a function, queue, topic or bus receives; "
            "a container gets `env { }`"
        )
    return ""


def _option(step: s.Task, name: str) -> s.Attribute:
    return next(o for o in step.options if isinstance(o, s.Attribute) and o.name.text == name)


def _option_path(step: s.Task, name: str) -> s.JsonPath:
    value = _option(step, name).value
    assert isinstance(value, s.JsonPath)
    return value


def _env_overrides(ctx: Context, block: s.Nested) -> tuple[tuple[str, m.Data], ...]:
    """`run c { env { K = $.path } }`: values from the state, strings in the container."""
    env: dict[str, m.Data] = {}
    for key, v in env_items(ctx, block):
        if isinstance(v, s.MapV | s.ListV):
            ctx.error(
                "E185",
                f"an environment value is one value, not {describe(v)}",
                v.span,
                hints=("a path (`$.detail.object.key`), a string, a number or a bool",),
            )
            continue
        value = data(ctx, v, "`env`")
        if isinstance(value, bool):
            value = "true" if value else "false"
        elif isinstance(value, int | float):
            value = str(value)
        if value is not None:
            env[key] = value
    return tuple(env.items())


# ---------------------------------------------------------------- waits, errors


def _wait(ctx: Context, step: s.Wait) -> m.Wait | None:
    v = step.value
    if step.until:
        if isinstance(v, s.JsonPath):
            path = read_path(ctx, v)
            return m.Wait(None, path, f"until {v.path}", step.span, until=True) if path else None
        if isinstance(v, s.Str) and v.is_plain:
            if not re.match(TIMESTAMP, v.plain) or not _real_time(v.plain):
                ctx.error(
                    "E187",
                    f'"{v.plain}" is not a timestamp Step Functions reads',
                    v.span,
                    hints=('write RFC 3339 with `T` and `Z` or an offset: "2030-01-31T09:00:00Z"',),
                )
                return None
            return m.Wait(None, None, f"until {v.plain}", step.span, timestamp=v.plain)
        ctx.error(
            "E107",
            f"`wait until` takes a path to a timestamp or a timestamp string, found {describe(v)}",
            v.span,
            hints=("`wait until $.publish_at`",),
        )
        return None
    if isinstance(v, s.Duration):
        if v.millis % 1000 or v.millis <= 0:
            ctx.error("E108", "`wait` takes whole seconds, at least 1s", v.span)
            return None
        return m.Wait(v.seconds, None, v.text, step.span)
    if isinstance(v, s.JsonPath):
        path = read_path(ctx, v)
        return m.Wait(None, path, v.path, step.span) if path else None
    ctx.error(
        "E107",
        f"`wait` takes a duration or a path, found {describe(v)}",
        v.span,
        hints=("`wait until $.at` waits for a timestamp",) if isinstance(v, s.Str) else (),
    )
    return None


def _real_time(text: str) -> bool:
    from datetime import datetime  # only a workflow's timestamp: not for every start

    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _try(ctx: Context, step: s.Try) -> m.Try | None:
    body = check_steps(ctx, step.body, top=False)
    if not step.body:
        ctx.error("E188", "`try` needs at least one step", step.span)
    elif not any(
        isinstance(x, s.Task | s.Parallel | s.ForEach | s.Fail) for x in s.walk_steps(step.body)
    ):
        ctx.diags.warning(
            "W053",
            "nothing in this `try` can fail: its steps are not tasks, `parallel`, "
            "`for each` or `fail`",
            step.span,
        )
    catches: list[m.Catch] = []
    seen: dict[str, s.Name] = {}
    catch_all: s.Catch | None = None
    for clause in step.catches:
        if catch_all is not None:
            ctx.error(
                "E188",
                "this `catch` is never reached: the one above catches every error",
                clause.span,
                labels=[Label(catch_all.span, "catches every error")],
                hints=("put the catch of every error (`catch` or `States.ALL`) last",),
            )
        errors = _error_names(ctx, clause, seen)
        path = write_path(ctx, clause.path, "`catch ... as`") if clause.path else None
        handler = check_steps(ctx, clause.body, top=False)
        if errors is None or (clause.path is not None and path is None):
            continue
        if errors == ("States.ALL",):
            catch_all = catch_all or clause
        catches.append(m.Catch(errors, path, handler, clause.span))
    if len(catches) != len(step.catches):
        return None
    return m.Try(body, tuple(catches), step.span)


def _error_names(ctx: Context, clause: s.Catch, seen: dict[str, s.Name]) -> tuple[str, ...] | None:
    if not clause.errors:
        return ("States.ALL",)
    names: list[str] = []
    ok = True
    for name in clause.errors:
        text = name.text
        if text.startswith("States.") and text not in cat.STATES_ERRORS:
            ctx.unknown("E183", "Step Functions error", name, cat.STATES_ERRORS, extra="errors")
            ok = False
        elif text in cat.UNCATCHABLE_ERRORS:
            ctx.error(
                "E183",
                f"`{text}` can't be caught: it always ends the execution",
                name.span,
            )
            ok = False
        elif text == "States.ALL" and len(clause.errors) > 1:
            ctx.error(
                "E183",
                "`States.ALL` catches every error: it stands alone in its `catch`",
                name.span,
                hints=("write `catch as $.error { }` or list only the other names",),
            )
            ok = False
        elif text == "":
            ctx.error("E183", "an error name can't be empty", name.span)
            ok = False
        elif text in seen:
            ctx.diags.warning(
                "W052",
                f"`{text}` is caught above: this clause never sees it",
                name.span,
                labels=[Label(seen[text].span, "caught here")],
            )
        else:
            seen[text] = name
        names.append(text)
    return tuple(names) if ok else None


# ---------------------------------------------------------------- paths and data


def read_path(ctx: Context, jp: s.JsonPath, *, token: bool = False) -> str | None:
    """A path a state reads: into the state (`$.a`) or the context object (`$$.Execution.Id`,
    checked against its fields)."""
    if not jp.path.startswith("$$"):
        return jp.path
    parts = re.findall(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[[0-9]+\]", jp.path[2:])
    if jp.path[2:].startswith("["):
        ctx.error("E180", "the context object is not a list", jp.span)
        return None
    if not parts:
        return jp.path
    first, second = parts[0], parts[1] if len(parts) > 1 else None
    if first == "Map":
        ctx.error(
            "E180",
            "`$$.Map` exists only where a Map state selects its items, which iac does not write",
            jp.span,
            hints=("inside `for each`, the element is the state itself: `$`",),
        )
        return None
    if first not in cat.CONTEXT_FIELDS:
        ctx.unknown(
            "E180",
            "context object field",
            s.Name(first, jp.span),
            [f"{f}" for f in cat.CONTEXT_FIELDS],
            extra="fields of `$$`",
        )
        return None
    if second is None:
        return jp.path
    if second not in cat.CONTEXT_FIELDS[first]:
        ctx.unknown(
            "E180",
            "field",
            s.Name(second, jp.span),
            cat.CONTEXT_FIELDS[first],
            context=f" of `$$.{first}`",
        )
        return None
    if len(parts) > 2 and (first, second) != ("Execution", "Input"):
        ctx.error(
            "E180",
            f"`$$.{first}.{second}` has no fields",
            jp.span,
            hints=("only `$$.Execution.Input` goes deeper",),
        )
        return None
    if (first, second) == ("Task", "Token") and not token:
        ctx.error(
            "E182",
            "`$$.Task.Token` exists only in the input of a callback task",
            jp.span,
            hints=(
                "add `callback = true` to the `invoke` (the function then receives the "
                f"token as `{cat.CALLBACK_TOKEN_KEY}`)",
            ),
        )
        return None
    return jp.path


def write_path(ctx: Context, jp: s.JsonPath, what: str) -> str | None:
    """A path a state writes to: into the state only."""
    if jp.path.startswith("$$"):
        ctx.error(
            "E181",
            f"{what} writes into the state: a `$.` path, not the context object",
            jp.span,
            hints=("the context object (`$$`) can be read, never written",),
        )
        return None
    return jp.path


def data(ctx: Context, v: s.Value, what: str, *, token: bool = False) -> m.Data | None:
    """A value a state builds: literals, paths, and maps and lists of them."""
    if isinstance(v, s.Str):
        if not v.is_plain:
            ctx.error(
                "E185",
                f"{what} holds literal strings: `${{...}}` is not read when the state runs",
                v.span,
                hints=("pass resource names to a function in its `env`",),
            )
            return None
        return v.plain
    if isinstance(v, s.Num | s.Bool):
        return v.value
    if isinstance(v, s.JsonPath):
        path = read_path(ctx, v, token=token)
        return m.StatePath(path) if path is not None else None
    if isinstance(v, s.MapV):
        entries: dict[str, m.Data] = {}
        ok = True
        for item in v.entries:
            if not isinstance(item, s.Attribute):
                ctx.error("E185", f"{what} holds `key = value` entries", item.span)
                ok = False
                continue
            if item.name.text in entries:
                ctx.error("E103", f"`{item.name.text}` is set twice", item.name.span)
                ok = False
                continue
            value = data(ctx, item.value, what, token=token)
            if value is None:
                ok = False
                continue
            entries[item.name.text] = value
        return m.DataMap(tuple(entries.items())) if ok else None
    if isinstance(v, s.ListV):
        items = [data(ctx, x, what, token=token) for x in v.items]
        # A list's own elements are literals: States Language reads a path only as a
        # map's value (maps inside a list may hold them: `[{ text = $.a }]`).
        paths = [x for x in v.items if isinstance(x, s.JsonPath)]
        if paths:
            ctx.error(
                "E185",
                f"{what}: a list holds literals and maps; a path goes in a map",
                paths[0].span,
                hints=("write `[{ value = $.a }]` or `{ first = $.a, second = $.b }`",),
            )
            return None
        if any(x is None for x in items):
            return None
        return tuple(x for x in items if x is not None)
    if isinstance(v, s.BadUnit):
        return None
    hints: tuple[str, ...] = ()
    if isinstance(v, s.Duration | s.Size):
        hints = ("write the number (seconds, bytes) the receiver expects",)
    elif isinstance(v, s.Ref):
        hints = (
            "a workflow's data is read when it runs: paths (`$.x`), context paths "
            "(`$$.Execution.Id`) and literals",
        )
    ctx.error("E185", f"{what} can't hold {describe(v)}", v.span, hints=hints)
    return None


def warn_callbacks(ctx: Context) -> None:
    """A workflow that waits for a callback nothing in the app may answer, and a
    `callback` grant on a workflow that never waits for one."""
    if ctx.diags.has_errors:
        return
    answered: dict[str, m.Grant] = {}
    for res in ctx.resources.values():
        for grant in res.grants:
            if "callback" in grant.ops:
                answered.setdefault(grant.target, grant)
    for res in ctx.resources.values():
        if res.kind != "workflow":
            continue
        waits = [
            st for st in m.walk_steps(res.steps) if isinstance(st, m.Task) and st.options.callback
        ]
        if waits and res.name not in answered:
            ctx.diags.warning(
                "W051",
                f"workflow `{res.name}` waits for a callback, but nothing in the app may answer it",
                waits[0].span,
                hints=(
                    f"add `allow {res.name}: callback` to the function that answers "
                    "(or answer from outside the app)",
                ),
            )
        if not waits and res.name in answered:
            ctx.diags.warning(
                "W054",
                f"`callback` on workflow `{res.name}`, which has no callback task: "
                "the grant is never needed",
                answered[res.name].span,
                hints=("add `callback = true` to the `invoke` that waits, or drop `callback`",),
            )
