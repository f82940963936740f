"""The `app` block: name, region, prefix, tags and network."""

from __future__ import annotations

from dataclasses import dataclass

from .. import catalog as cat
from .. import model as m
from .. import syntax as s
from ..names import NAME_RE
from .context import Context
from .values import attributes, tag_block


@dataclass(frozen=True)
class AppSettings:
    name: str
    region: str
    prefix: m.Expr
    tags: dict[str, str]
    network: dict[str, tuple[str, ...]] | None


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
    return AppSettings(decl.name.text, region, prefix, tags, network)
