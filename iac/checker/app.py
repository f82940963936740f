"""The `app` block: name, region, prefix, tags and network."""

from __future__ import annotations

from .. import catalog as cat
from .. import model as m
from .. import syntax as s
from ..diagnostics import Label
from ..names import NAME_RE
from ..records import record
from .context import Context
from .values import attributes, tag_block


@record
class AppSettings:
    name: str
    region: str
    prefix: m.Expr
    tags: dict[str, str]
    network: dict[str, tuple[str, ...]] | None
    alarms: str | None = None


def check_app(ctx: Context) -> AppSettings:
    """The `app` block, or the defaults a program without one gets (its file's name)."""
    decl = ctx.scope.app_decl
    stem = ctx.root.stem if ctx.root.is_file() or ctx.root.suffix else ctx.root.name
    default_name = "".join(c if c.isalnum() else "_" for c in stem.lower()).strip("_") or "app"
    if not default_name[0].isalpha():
        default_name = "app_" + default_name
    if decl is None:
        return AppSettings(default_name, "us-east-1", default_name, {}, None)
    if not NAME_RE.match(decl.name.text):
        ctx.error("E122", f"`{decl.name.text}` is not a valid app name", decl.name.span)
    values = attributes(ctx, decl.items, cat.APP_ATTRS, "app", blocks=cat.APP_BLOCKS)
    tags: dict[str, str] = {}
    network = None
    for item in decl.items:
        if isinstance(item, s.Nested) and item.name.text == "tags":
            tags = tag_block(ctx, item)
        elif isinstance(item, s.Nested) and item.name.text == "network":
            net = attributes(
                ctx, item.items, cat.NETWORK_ATTRS, "the app's `network`", span=item.name.span
            )
            network = {k: tuple(v or ()) for k, v in net.items()}
    region = values.get("region") or "us-east-1"
    if not isinstance(region, str):
        ctx.error("E107", "`region` must be a literal string", decl.span)
        region = "us-east-1"
    prefix = values.get("prefix") or decl.name.text
    refs = [p for p in getattr(prefix, "parts", (prefix,)) if isinstance(p, m.AttrRef)]
    if refs:
        span = next(
            i.value.span
            for i in decl.items
            if isinstance(i, s.Attribute) and i.name.text == "prefix"
        )
        ctx.error(
            "E145",
            f"the prefix can't refer to `{refs[0].resource}.{refs[0].attr}`: every "
            f"physical name, `{refs[0].resource}`'s too, is made from the prefix",
            span,
            hints=('build the prefix from literal text and params, like `"${stage}-shop"`',),
        )
    alarms = _alarm_topic(ctx, decl, values.get("alarms"))
    return AppSettings(decl.name.text, region, prefix, tags, network, alarms)


def _alarm_topic(ctx: Context, decl: s.AppDecl, name: str | None) -> str | None:
    """`alarms = TOPIC`: a declared standard topic (CloudWatch can't publish to a FIFO
    one, which needs a message group id)."""
    if name is None:
        return None
    span = next(
        i.value.span for i in decl.items if isinstance(i, s.Attribute) and i.name.text == "alarms"
    )
    kind = ctx.scope.kinds.get(name)
    if kind is None:
        topics = [n for n, k in ctx.scope.kinds.items() if k == "topic"]
        guess = ctx.guess(name, topics)
        ctx.error(
            "E105",
            f"`{name}` is not declared",
            span,
            note=f"did you mean `{guess}`?" if guess else "",
            hints=("`alarms` names a topic: `topic ops`, then `alarms = ops`",),
        )
        return None
    ctx.scope.used.add(name)
    topic = ctx.scope.decls[name]
    if kind != "topic":
        ctx.error(
            "E195",
            f"`alarms` sends to a topic, and `{name}` is a {kind}",
            span,
            labels=[Label(topic.name.span, "declared here")],
        )
        return None
    fifo = any(
        isinstance(i, s.Attribute)
        and i.name.text == "fifo"
        and isinstance(i.value, s.Bool)
        and i.value.value
        for i in getattr(topic, "items", ())
    )
    if fifo:
        ctx.error(
            "E195",
            f"CloudWatch alarms can't notify FIFO topic `{name}`",
            span,
            labels=[Label(topic.name.span, "declared here")],
            hints=("name a standard topic",),
        )
        return None
    return name
