"""The rules of an api beyond its routes' paths: who may call it (`auth`), its CORS
configuration, and each route's options (`auth`, `sync`, `group`, `source`,
`detail_type`), checked against the kind of the route's target."""

from __future__ import annotations

import re
from typing import Any

from .. import catalog as cat
from .. import model as m
from .. import syntax as s
from ..diagnostics import Label, one_of
from ..source import Span
from .context import Context
from .values import attributes
from .wording import describe

# An origin API Gateway accepts: a scheme and a host (a `*.` wildcard allowed), an
# optional port, and no path.
ORIGIN = r"[a-z][a-z0-9+.-]*://(\*\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?\Z"  # compiled on first use
CORS_METHODS = ("*", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")


def check_auth(ctx: Context, value: Any, where: str) -> m.Auth | None:
    """`auth = customers`, `auth = jwt { ... }`, `auth = iam`, `auth = none`."""
    if value is None:
        return None
    pools = [n for n, k in ctx.scope.kinds.items() if k == "userpool"]
    choices = [*pools, "jwt { }", *cat.AUTH_WORDS]
    if isinstance(value, s.Tagged):
        if value.tag.text != "jwt":
            ctx.error(
                "E173",
                f"`auth` takes `jwt {{ ... }}`, not `{value.tag.text} {{ ... }}`",
                value.tag.span,
                hints=(f"`auth` is one of {one_of(choices)}",),
            )
            return None
        return _jwt(ctx, value, where)
    if isinstance(value, s.Ref) and value.attr is None:
        word = value.name.text
        if word in cat.AUTH_WORDS:
            return m.Auth(word)
        kind = ctx.scope.kinds.get(word)
        if kind == "userpool":
            ctx.scope.used.add(word)
            return m.Auth("pool", pool=word)
        if kind is not None:
            decl = ctx.scope.decls.get(word)
            ctx.error(
                "E173",
                f"`auth` needs a userpool, but `{word}` is a {kind}",
                value.span,
                labels=[Label(decl.name.span, f"`{word}` is a {kind}")] if decl else [],
                hints=(f"`auth` is one of {one_of(choices)}",),
            )
            return None
        guess = ctx.guess(word, [*pools, "jwt", *cat.AUTH_WORDS])
        ctx.error(
            "E173",
            f"`auth` can't be `{word}`",
            value.span,
            note=f"did you mean `{guess}`?" if guess else "",
            hints=(f"`auth` is one of {one_of(choices)}",),
        )
        return None
    ctx.error(
        "E173",
        f"`auth` takes a userpool, `jwt {{ ... }}`, `iam` or `none`, found {describe(value)}",
        value.span,
        hints=(f"`auth` is one of {one_of(choices)}",),
    )
    return None


def _jwt(ctx: Context, value: s.Tagged, where: str) -> m.Auth | None:
    got = attributes(ctx, value.entries, cat.JWT_ATTRS, "`jwt`", span=value.tag.span)
    issuer, audience = got.get("issuer"), got.get("audience")
    if issuer is None or audience is None:
        return None
    if isinstance(issuer, str) and not issuer.startswith("https://"):
        ctx.error(
            "E174",
            "a JWT issuer is an https URL",
            _entry_span(value, "issuer"),
            hints=('API Gateway fetches the keys from it: `"https://auth.example.com"`',),
        )
        return None
    if not audience:
        ctx.error(
            "E174",
            "a JWT authorizer needs at least one audience",
            _entry_span(value, "audience"),
            hints=("the `aud` (or Cognito's `client_id`) a token must carry",),
        )
        return None
    return m.Auth("jwt", issuer=issuer, audience=tuple(audience))


def _entry_span(value: s.Tagged, name: str) -> Span:
    for item in value.entries:
        if isinstance(item, s.Attribute) and item.name.text == name:
            return item.value.span
    return value.span


def check_cors(ctx: Context, res: m.Resource, st: s.ResourceDecl) -> None:
    """`cors = true` (every origin) or `cors { origins, methods, headers, max_age }`."""
    flag = next((i for i in st.items if isinstance(i, s.Attribute) and i.name.text == "cors"), None)
    blocks = [i for i in st.items if isinstance(i, s.Nested) and i.name.text == "cors"]
    if blocks and (flag is not None or len(blocks) > 1):
        first = flag.span if flag is not None else blocks[0].span
        ctx.error(
            "E175",
            "`cors` is set twice",
            blocks[-1].name.span,
            labels=[Label(first, "first set here")],
            hints=("keep `cors = true` (any origin) or one `cors { ... }` block",),
        )
        return
    if not blocks:
        res.cors = m.Cors() if res.attrs.get("cors") else None
        return
    block = blocks[0]
    got = attributes(ctx, block.items, cat.CORS_ATTRS, "`cors`")
    spans = {i.name.text: i.value.span for i in block.items if isinstance(i, s.Attribute)}
    ok = True
    for name in ("origins", "methods", "headers"):
        if got.get(name) == ():
            ctx.error("E175", f"`{name}` can't be empty", spans[name])
            ok = False
    for origin in got.get("origins") or ():
        if origin != "*" and not re.match(ORIGIN, origin):
            ctx.error(
                "E175",
                f'"{origin}" is not a CORS origin',
                spans["origins"],
                hints=('an origin is a scheme and a host, no path: `"https://shop.example"`',),
            )
            ok = False
    for method in got.get("methods") or ():
        if method not in CORS_METHODS:
            guess = ctx.guess(method.upper(), CORS_METHODS)
            ctx.error(
                "E175",
                f'"{method}" is not an HTTP method CORS can allow',
                spans["methods"],
                note=f"did you mean `{guess}`?" if guess else "",
                hints=(f"valid methods: {one_of(CORS_METHODS)}",),
            )
            ok = False
    if ok and None not in (got["origins"], got["methods"], got["headers"]):
        res.cors = m.Cors(got["origins"], got["methods"], got["headers"], got["max_age"])


def check_route(ctx: Context, api: m.Resource, item: s.Route) -> m.Route:
    """A route's options, each valid only for some target kinds."""
    target = item.target.text
    kind = ctx.scope.kinds.get(target, "")
    where = f"route `{item.method} {item.path}`"
    got = attributes(ctx, item.options, cat.ROUTE_OPTIONS, where)
    route = m.Route(item.method, item.path, target, item.span)
    options: dict[str, Any] = {}
    for opt in item.options:
        if not isinstance(opt, s.Attribute) or opt.name.text not in got:
            continue
        name = opt.name.text
        allowed = cat.ROUTE_OPTION_KINDS[name]
        if kind not in allowed:
            ctx.error(
                "E171",
                f"`{name}` is not an option of a route to a {kind}",
                opt.name.span,
                hints=(f"`{name}` is for routes to a {' or '.join(allowed)}",),
            )
            continue
        if name == "auth":
            options["auth"] = check_auth(ctx, got["auth"], where)
            if options["auth"] is not None and options["auth"].kind == "none" and api.auth is None:
                ctx.diags.warning(
                    "W040",
                    f"`auth = none` on {where}: api `{api.name}` has no `auth`, "
                    "every route is open",
                    opt.span,
                    hints=("give the api an `auth`, or drop this option",),
                )
        elif name == "sync":
            if got["sync"] and not _express(ctx, target):
                decl = ctx.scope.decls.get(target)
                ctx.error(
                    "E170",
                    f"`sync = true` needs an Express workflow, but `{target}` is a standard one",
                    opt.span,
                    labels=[Label(decl.name.span, f"workflow `{target}`")] if decl else [],
                    hints=(
                        f"add `express = true` to `{target}`: API Gateway waits for the "
                        "answer of an Express workflow only (StartSyncExecution)",
                    ),
                )
                continue
            options["sync"] = bool(got["sync"])
        elif name == "group":
            if not _fifo(ctx, target):
                decl = ctx.scope.decls.get(target)
                ctx.error(
                    "E172",
                    f"`group` needs a FIFO queue, but `{target}` is a standard queue",
                    opt.span,
                    labels=[Label(decl.name.span, f"queue `{target}`")] if decl else [],
                    hints=(f"add `fifo = true` to `{target}`, or drop `group`",),
                )
                continue
            options["group"] = got["group"]
        elif name == "source":
            source = got["source"]
            if isinstance(source, str) and source.startswith("aws."):
                ctx.error(
                    "E176",
                    f'an event\'s source can\'t start with "aws.": "{source}"',
                    opt.value.span,
                    hints=("EventBridge keeps `aws.` for AWS services: `shop.web`",),
                )
                continue
            options["source"] = source
        else:
            options[name] = got[name]
    options = {k: v for k, v in options.items() if v is not None}
    if options:
        route = m.Route(item.method, item.path, target, item.span, **options)
    return route


def _decl_flag(ctx: Context, name: str, flag: str) -> bool:
    """Whether a declaration sets `flag = true` (read from the syntax: the target may be
    declared after the api, and its resource pass not run yet)."""
    decl = ctx.scope.decls.get(name)
    if decl is None:
        return False
    items = decl.steps if isinstance(decl, s.WorkflowDecl) else decl.items
    return any(
        isinstance(i, s.Attribute)
        and i.name.text == flag
        and isinstance(i.value, s.Bool)
        and i.value.value
        for i in items
    )


def _express(ctx: Context, name: str) -> bool:
    return _decl_flag(ctx, name, "express")


def _fifo(ctx: Context, name: str) -> bool:
    return _decl_flag(ctx, name, "fifo")
