"""Program-wide rules, run once every resource and edge is known: cycles, queue
timeouts, the prefix, stream references, outputs, generated IDs, warnings."""

from __future__ import annotations

import re
from typing import Any

from .. import catalog as cat
from .. import model as m
from .. import syntax as s
from ..diagnostics import Label
from ..names import MAX_NAME, NAME_RE, Generated, generated_ids, logical_id
from ..source import Span
from .context import Context, attr_span
from .values import interpolation, reference
from .wording import describe, fmt_seconds, show_char


def check_cycles(ctx: Context) -> None:
    """Resources that refer to each other in a circle (`a`'s name holds `b.arn`, `b`'s
    env holds `a.name`): no target can create either first."""
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[tuple[str, Span | None]] = []
    reported: set[frozenset[str]] = set()
    depends = {name: list(deps) for name, deps in ctx.depends.items()}
    # A workflow's definition names every resource its steps act on (`run b` holds b's
    # task definition ARN), so its steps are references too.
    for res in ctx.resources.values():
        if res.kind == "workflow":
            depends.setdefault(res.name, []).extend(
                (step.target, step.span)
                for step in m.walk_steps(res.steps)
                if isinstance(step, m.Task) and step.target != res.name
            )

    def visit(name: str) -> None:
        state[name] = 1
        for dep, span in depends.get(name, ()):
            if state.get(dep) == 1:
                # `dep` is on the path, or is `name` itself (not yet on it): a ring of one.
                on_path = [n for n, _ in path]
                start = on_path.index(dep) if dep in on_path else len(on_path)
                names = [n for n, _ in path[start:]] + [name]
                ring = frozenset(names)
                if len(ring) > 1 and ring not in reported:
                    reported.add(ring)
                    ctx.error(
                        "E145",
                        "these resources refer to each other in a circle: "
                        + " -> ".join(f"`{n}`" for n in [*names, dep]),
                        span,
                        hints=(
                            "no target can create one of them first; pass one of the "
                            "values at run time instead (a param, or a name the code "
                            "builds)",
                        ),
                    )
            elif dep not in state:
                path.append((name, span))
                visit(dep)
                path.pop()
        state[name] = 2

    for name in list(depends):
        if name not in state:
            path.clear()
            visit(name)


def check_queue_timeouts(ctx: Context) -> None:
    """A queue that feeds a function hides each message for at least the function's
    timeout, or the message comes back while the function still works on it (E114)."""
    for edge in ctx.edges:
        if edge.event != "message" or ctx.scope.kinds.get(edge.source) != "queue":
            continue
        queue, fn = ctx.resources.get(edge.source), ctx.resources.get(edge.target)
        if queue is None or fn is None or fn.kind != "function":
            continue
        vis, timeout = queue.attrs.get("visibility_timeout"), fn.attrs.get("timeout")
        if vis is None or timeout is None or vis >= timeout:
            continue
        qdecl, fdecl = ctx.scope.decls.get(queue.name), ctx.scope.decls.get(fn.name)
        q_span = attr_span(qdecl, "visibility_timeout") if qdecl else queue.span
        f_span = attr_span(fdecl, "timeout") if fdecl else fn.span
        ctx.error(
            "E114",
            f"queue `{queue.name}` hides a message for {fmt_seconds(vis)}, "
            f"less than the {fmt_seconds(timeout)} function `{fn.name}` may take",
            q_span,
            note=f"visibility timeout {fmt_seconds(vis)}",
            labels=[
                Label(f_span, f"function `{fn.name}` times out after {fmt_seconds(timeout)}"),
                Label(edge.span, "the queue feeds the function here"),
            ],
            hints=(
                f"set `visibility_timeout = {fmt_seconds(timeout * 6)}` on `{queue.name}` "
                "(AWS advises six times the function timeout)",
            ),
        )


def check_prefix(ctx: Context, prefix: Any) -> None:
    """The prefix is part of every generated physical name: its characters must suit
    each service that takes one (a bucket's lower case, a state machine's no spaces)."""
    decl = ctx.scope.app_decl
    if decl is None or prefix is None:
        return
    span = next(
        (
            i.value.span
            for i in decl.items
            if isinstance(i, s.Attribute) and i.name.text == "prefix"
        ),
        None,
    )
    if span is None:
        return
    parts = prefix.parts if isinstance(prefix, m.Interp) else (prefix,)
    literal = "".join(p for p in parts if isinstance(p, str))
    reported: set[str] = set()
    for res in ctx.resources.values():
        rule = cat.NAME_RULES.get(res.kind)
        if rule is None or res.attrs.get("name") is not None or res.kind in reported:
            continue
        bad = next((c for c in literal if not re.match(f"[{rule.chars}]", c)), None)
        if bad is None:
            continue
        reported.add(res.kind)
        shown = "a space" if bad == " " else f"`{show_char(bad)}`"
        ctx.error(
            "E140",
            f"the prefix makes the name of {res.kind} `{res.name}`, and {rule.service} "
            f"can't hold {shown}",
            span,
            hints=(
                f"{rule.service} takes {rule.chars_doc}"
                + ("" if res.implicit else f"; or give `{res.name}` its own `name`"),
            ),
        )


def check_stream_refs(ctx: Context) -> None:
    """`t.stream_arn` exists only on a table with `stream = true`."""
    for name, span in ctx.stream_refs:
        table = ctx.resources.get(name)
        if table is None or table.attrs.get("stream"):
            continue
        ctx.error(
            "E120",
            f"table `{name}` has no stream, so it has no `stream_arn`",
            span,
            labels=[Label(ctx.scope.decls[name].name.span, "declared here")],
            hints=(f"add `stream = true` to table `{name}`",),
        )


def _output(ctx: Context, st: s.OutputDecl) -> m.Output | None:
    v = st.value
    if isinstance(v, s.Ref):
        ref = reference(ctx, v)
        return m.Output(st.name.text, ref, st.span) if ref else None
    if isinstance(v, s.Str):
        return m.Output(st.name.text, interpolation(ctx, v), st.span)
    if isinstance(v, s.Num | s.Bool):
        text = str(v.value).lower() if isinstance(v, s.Bool) else str(v.value)
        return m.Output(st.name.text, text, st.span)
    ctx.error("E107", f"an output is a string or an attribute, not {describe(v)}", v.span)
    return None


def check_secret_params(ctx: Context, statements: list[s.Statement]) -> None:
    """Where a secret param may go: a secret's `value`. An output would show it (E178);
    anywhere else it sits in clear in the resource's configuration (W041)."""
    secret = {n for n, p in ctx.scope.params.items() if p.type == "secret"}
    if not secret:
        return
    for st in statements:
        if isinstance(st, s.OutputDecl):
            for ref in _refs(st.value):
                if ref.name.text in secret and ref.attr is None:
                    ctx.error(
                        "E178",
                        f"output `{st.name.text}` would show secret param `{ref.name.text}`",
                        ref.span,
                        hints=("stack outputs are readable by anyone who can list the stack",),
                    )
        elif isinstance(st, s.ResourceDecl | s.AppDecl):
            kind = st.kind.text if isinstance(st, s.ResourceDecl) else "app"
            for item in _walk_items(st.items):
                if kind == "secret" and isinstance(item, s.Attribute) and item.name.text == "value":
                    continue
                value = item.value if isinstance(item, s.Attribute) else None
                for ref in _refs(value):
                    if ref.name.text in secret and ref.attr is None:
                        ctx.diags.warning(
                            "W041",
                            f"secret param `{ref.name.text}` is written in clear here",
                            ref.span,
                            hints=(
                                "keep it in a `secret { value = ... }` and `allow` its readers "
                                "`read`: they fetch it at run time",
                            ),
                        )


def warn_open_invoke(ctx: Context) -> None:
    """`allow API: invoke` where no route of the api asks for SigV4 (`auth = iam`): the
    grant changes nothing (W042)."""
    for res in ctx.resources.values():
        for grant in res.grants:
            api = ctx.resources.get(grant.target)
            if api is None or api.kind != "api" or "invoke" not in grant.ops:
                continue
            iam = [r for r in api.routes if (r.auth or api.auth or m.Auth("none")).kind == "iam"]
            if not iam:
                ctx.diags.warning(
                    "W042",
                    f"`allow {api.name}: invoke` grants nothing: no route of api "
                    f"`{api.name}` has `auth = iam`",
                    grant.span,
                    hints=("give the api (or the routes it calls) `auth = iam`, or drop it",),
                )


def _walk_items(items: tuple[s.Item, ...]) -> list[s.Item]:
    out: list[s.Item] = []
    for item in items:
        out.append(item)
        if isinstance(item, s.Nested):
            out += _walk_items(item.items)
        elif isinstance(item, s.Route):
            out += _walk_items(item.options)
    return out


def _refs(value: Any) -> list[s.Ref]:
    if isinstance(value, s.Ref):
        return [value]
    if isinstance(value, s.Str):
        return [p for p in value.parts if isinstance(p, s.Ref)]
    if isinstance(value, s.ListV):
        return [r for v in value.items for r in _refs(v)]
    if isinstance(value, s.MapV | s.Tagged):
        return [r for e in value.entries if isinstance(e, s.Attribute) for r in _refs(e.value)]
    return []


def warn_unused(ctx: Context) -> None:
    """Warnings, only for a program without errors: an unused network, param, resource."""
    if ctx.diags.has_errors:
        return
    network = next(
        (
            i
            for i in (ctx.scope.app_decl.items if ctx.scope.app_decl else ())
            if isinstance(i, s.Nested) and i.name.text == "network"
        ),
        None,
    )
    if network is not None and not any(
        r.kind == "container" or (r.kind == "function" and r.attrs.get("vpc"))
        for r in ctx.resources.values()
    ):
        ctx.diags.warning(
            "W003",
            "the app's `network` is not used: only containers and `vpc = true` functions run in it",
            network.name.span,
            hints=("remove it, or declare the containers that should run there",),
        )
    for name, decl in ctx.scope.param_decls.items():
        if name not in ctx.scope.used and not _mentions(ctx.scope.app_decl, name):
            ctx.diags.warning("W001", f"param `{name}` is never used", decl.name.span)
    for name, res in ctx.resources.items():
        if res.implicit or res.kind == "api" or name in ctx.scope.used:
            continue
        declared = ctx.scope.decls.get(name)
        if declared is None:
            continue
        ctx.diags.warning(
            "W002",
            f"{res.kind} `{name}` is not used: nothing refers to it or triggers it",
            declared.name.span,
        )


def _mentions(app: s.AppDecl | None, name: str) -> bool:
    if app is None:
        return False
    return any(
        isinstance(p, s.Ref) and p.name.text == name
        for item in app.items
        if isinstance(item, s.Attribute) and isinstance(item.value, s.Str)
        for p in item.value.parts
    ) or any(
        isinstance(item, s.Attribute)
        and isinstance(item.value, s.Ref)
        and item.value.name.text == name
        for item in app.items
    )


def check_generated_ids(ctx: Context, model: m.App) -> None:
    """Every logical ID the output will hold, the generated ones included (roles, log
    groups, permissions, edges, routes, the VPC): two alike are an error here, so
    that the plan never meets one (E201)."""
    taken: dict[str, Generated] = {}
    told: set[tuple[Span | None, Span | None]] = set()  # one error per pair of sources
    for g in generated_ids(model, ctx.memo.generated if ctx.memo is not None else None):
        other = taken.get(g.id)
        if other is None:
            taken[g.id] = g
            continue
        if g.declared and other.declared:
            continue  # two declared names: E104 in the declaration pass
        # Point at the name the program can change: a declared one if either is.
        here, there = (other, g) if other.declared else (g, other)
        span, there_span = _name_span(ctx, here), _name_span(ctx, there)
        if (span, there_span) in told:
            continue
        told.add((span, there_span))
        where = "" if there.target == "every target" else f" in {there.target}"
        ctx.error(
            "E104",
            f"{here.what} would get the logical ID `{g.id}`, which {there.what} already has{where}",
            span,
            labels=[Label(there_span, f"{there.what} comes from here")] if there_span else [],
            hints=(
                f"rename `{here.owner}`"
                if here.declared
                else "the two spell the same ID (names and route paths are joined in "
                "CamelCase): change one of them",
            ),
        )


def _name_span(ctx: Context, g: Generated) -> Span | None:
    if g.declared and g.owner in ctx.scope.decls:
        return ctx.scope.decls[g.owner].name.span
    if g.declared and g.owner in ctx.scope.param_decls:
        return ctx.scope.param_decls[g.owner].name.span
    res = ctx.resources.get(g.owner or "")
    if res is not None and g.span == res.span and g.owner in ctx.scope.decls:
        return ctx.scope.decls[g.owner].name.span  # a part of a resource: point at its name
    return g.span


def check_outputs(ctx: Context, statements: list[s.Statement]) -> list[m.Output]:
    """Each output's name, then its value."""
    outputs = (_output(ctx, st) for st in _declare_outputs(ctx, statements))
    return [o for o in outputs if o is not None]


def _declare_outputs(ctx: Context, statements: list[s.Statement]) -> list[s.OutputDecl]:
    """Outputs are their own namespace (a stack's Outputs, Terraform's outputs), under
    the same name rule as everything else."""
    seen: dict[str, s.OutputDecl] = {}
    ids: dict[str, s.OutputDecl] = {}
    kept: list[s.OutputDecl] = []
    for st in statements:
        if not isinstance(st, s.OutputDecl):
            continue
        name = st.name
        if not NAME_RE.match(name.text) or len(name.text) > MAX_NAME:
            ctx.error(
                "E122",
                f"`{name.text}` is not a valid output name",
                name.span,
                hints=(
                    f"names are lower case letters, digits and `_`, starting with a letter, "
                    f"at most {MAX_NAME} characters",
                ),
            )
            continue
        if name.text in seen:
            ctx.error(
                "E103",
                f"output `{name.text}` is declared twice",
                name.span,
                labels=[Label(seen[name.text].name.span, "first declared here")],
            )
            continue
        lid = logical_id(name.text)
        if lid in ids:
            other = ids[lid].name
            ctx.error(
                "E104",
                f"outputs `{name.text}` and `{other.text}` would both get the logical ID `{lid}`",
                name.span,
                labels=[Label(other.span, f"`{other.text}` declared here")],
                hints=("rename one of them",),
            )
            continue
        seen[name.text] = ids[lid] = st
        kept.append(st)
    return kept


def check_creates_something(ctx: Context) -> None:
    """A program whose template would be empty (E121): nothing, or only models."""
    if ctx.diags.has_errors or any(cat.KINDS[r.kind].creates for r in ctx.resources.values()):
        return
    first = ctx.modules[0].span if ctx.modules else None
    span = Span(first.source, 0, 0) if first else None
    refs = [r.name for r in ctx.resources.values()]
    ctx.error(
        "E121",
        "the program declares no resources"
        if not refs
        else "the program creates no AWS resources: the template would be empty",
        span,
        note="a model only refers to a Bedrock model; it creates nothing" if refs else "",
        hints=('declare one, for example `queue jobs` or `function f { code = "f.py" }`',),
    )
