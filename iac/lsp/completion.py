"""Completion by context, every word from the catalogue (iac/catalog.py).

The context is read from the text before the cursor within its statement, so it works
while the statement is half typed and does not parse: the chain of open blocks (each
with the words that opened it) and the item being typed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lsprotocol import types as t

from .. import catalog as cat

KEYWORDS = ("app", "param", "on", "every", "cron", "output", "workflow")
STEPS = ("invoke", "run", "send", "publish", "put", "wait", "if", "parallel", "for each",
         "succeed", "fail", "set", "try")  # fmt: skip
DURATION_UNITS = ("ms", "s", "m", "h", "d")
SIZE_UNITS = ("KB", "MB", "GB")
STEP_TARGETS = cat.STEP_TARGETS
ROUTE_TARGETS = ("function", "queue", "workflow", "bus")


@dataclass
class Context:
    blocks: list[str]  # the words opening each enclosing `{`, outermost first
    item: str  # the text of the item being typed, up to the cursor


def context(before: str) -> Context:
    """Scan a statement's text up to the cursor: strings and comments skipped."""
    blocks: list[str] = []
    item_start = 0
    i = 0
    n = len(before)
    while i < n:
        c = before[i]
        if c == '"':
            j = i + 1
            while j < n and before[j] != '"' and before[j] != "\n":
                j += 2 if before[j] == "\\" else 1
            i = j + 1
            continue
        if c == "#" or (c == "/" and before[i : i + 2] == "//"):
            j = before.find("\n", i)
            i = n if j == -1 else j
            continue
        if c == "{":
            blocks.append(before[item_start:i].strip())
            item_start = i + 1
        elif c == "}":
            if blocks:
                blocks.pop()
            item_start = i + 1
        elif c == "\n" or (c == "," and not _in_brackets(before, item_start, i)):
            item_start = i + 1
        i += 1
    return Context(blocks, before[item_start:])


def _in_brackets(text: str, start: int, end: int) -> bool:
    chunk = text[start:end]
    return chunk.count("(") > chunk.count(")") or chunk.count("[") > chunk.count("]")


def show_seconds(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"


def show_bytes(value: float) -> str:
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if value and value % size == 0:
            return f"{int(value // size)}{unit}"
    return f"{value:g}"


def show_value(attr: cat.Attr, value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if attr.type == "duration" and isinstance(value, int | float):
        return show_seconds(value)
    if attr.type == "size" and isinstance(value, int | float):
        return show_bytes(value)
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


def attr_detail(attr: cat.Attr) -> str:
    parts = [attr.type]
    if attr.required:
        parts.append("required")
    elif attr.default is not None:
        parts.append(f"default {show_value(attr, attr.default)}")
    if attr.low is not None or attr.high is not None:
        low = show_value(attr, attr.low) if attr.low is not None else ""
        high = show_value(attr, attr.high) if attr.high is not None else ""
        parts.append(f"{low}..{high}")
    return ", ".join(parts)


def attr_doc(attr: cat.Attr) -> str:
    lines = [f"`{attr.name}`: {attr_detail(attr)}"]
    if attr.doc:
        lines.append(attr.doc)
    if attr.choices and attr.type != "duration":
        lines.append("one of " + ", ".join(f"`{show_value(attr, c)}`" for c in attr.choices))
    return "\n\n".join(lines)


def _item(
    label: str,
    kind: t.CompletionItemKind,
    detail: str = "",
    doc: str = "",
    insert: str | None = None,
    snippet: bool = False,
    sort: str = "",
) -> t.CompletionItem:
    return t.CompletionItem(
        label=label,
        kind=kind,
        detail=detail or None,
        documentation=t.MarkupContent(t.MarkupKind.Markdown, doc) if doc else None,
        insert_text=insert,
        insert_text_format=t.InsertTextFormat.Snippet if snippet else None,
        sort_text=sort or None,
    )


def _placeholder(attr: cat.Attr, n: int) -> str:
    if attr.type == "string":
        return f'"${{{n}}}"'
    if attr.type == "list":
        return f"[${{{n}}}]"
    return f"${{{n}}}"


def kind_items(snippets: bool) -> list[t.CompletionItem]:
    items = []
    for kind in cat.KINDS.values():
        items.append(_item(kind.name, t.CompletionItemKind.Class, kind.doc, kind.doc))
        if snippets:
            required = [a for a in kind.attrs if a.required]
            body = "".join(
                f"\n  {a.name} = {_placeholder(a, i + 2)}" for i, a in enumerate(required)
            )
            text = f"{kind.name} ${{1:name}} {{{body}\n}}" if kind.name != "workflow" else (
                "workflow ${1:name} {\n  $0\n}")  # fmt: skip
            items.append(
                _item(
                    f"{kind.name} … {{ }}",
                    t.CompletionItemKind.Snippet,
                    f"new {kind.doc}",
                    kind.doc,
                    text,
                    snippet=True,
                    sort=f"~{kind.name}",
                )  # fmt: skip
            )
    for word in KEYWORDS:
        if word not in cat.KINDS:
            items.append(_item(word, t.CompletionItemKind.Keyword))
    return items


def attr_items(attrs: tuple[cat.Attr, ...], present: set[str]) -> list[t.CompletionItem]:
    return [
        _item(a.name, t.CompletionItemKind.Property, attr_detail(a), attr_doc(a), f"{a.name} = ")
        for a in attrs
        if a.name not in present
    ]


def name_items(names: dict[str, str], kinds: tuple[str, ...] | None = None,
               params: bool = False) -> list[t.CompletionItem]:  # fmt: skip
    out = []
    for name, kind in sorted(names.items()):
        if kind == "param":
            if params:
                out.append(_item(name, t.CompletionItemKind.Variable, "param"))
        elif kinds is None or kind in kinds:
            out.append(_item(name, t.CompletionItemKind.Reference, kind))
    return out


_NAME = r"[A-Za-z_][A-Za-z0-9_]*"


def complete(before: str, names: dict[str, str], snippets: bool = True) -> list[t.CompletionItem]:
    """Completions for a statement's text up to the cursor; `names` maps every declared
    name (implicit ones included) to its kind, params to `param`."""
    ctx = context(before)
    item = ctx.item
    # After `NAME.`: only that kind's attributes (not inside a JSONPath).
    m = re.search(rf"(?<![$.\w])({_NAME})\.(\w*)$", item)
    if m and not ctx.blocks and re.match(r"\s*on\s", item):
        kind = cat.KINDS.get(names.get(m.group(1), ""))
        if kind is None:
            return []
        if not re.search(r"->", item):
            return [
                _item(e.name, t.CompletionItemKind.Event, e.doc, _event_doc(e)) for e in kind.events
            ]
    if m and not re.match(r"\s*on\s", item):
        kind = cat.KINDS.get(names.get(m.group(1), ""))
        if kind is None:
            return []
        return [
            _item(a, t.CompletionItemKind.Field, f"{kind.name} attribute") for a in kind.exposes
        ]
    if not ctx.blocks:
        return _top_level(item, names, snippets)
    return _in_block(ctx, names)


def _event_doc(e: cat.Event) -> str:
    lines = [e.doc, "targets: " + ", ".join(f"`{k}`" for k in e.targets)]
    if e.filters:
        lines.append("filters: " + ", ".join(f"`{f.name}`" for f in e.filters))
    if e.options:
        lines.append("options: " + ", ".join(f"`{o.name}`" for o in e.options))
    return "\n\n".join(lines)


def _top_level(item: str, names: dict[str, str], snippets: bool) -> list[t.CompletionItem]:
    if m := re.match(rf"\s*on\s+({_NAME})\.({_NAME})\s*(?:\([^)]*\))?\s*->\s*(\w*)$", item):
        kind = cat.KINDS.get(names.get(m.group(1), ""))
        event = kind.event(m.group(2)) if kind else None
        return name_items(names, event.targets) if event else []
    if m := re.match(rf"\s*on\s+({_NAME})\.({_NAME})\s*\(([^)]*)$", item):
        kind = cat.KINDS.get(names.get(m.group(1), ""))
        event = kind.event(m.group(2)) if kind else None
        if event is None or not re.search(r"(^|,)\s*\w*$", m.group(3)):
            return []
        return [_item(f.name, t.CompletionItemKind.Property, f.type) for f in event.filters]
    if re.match(r"\s*on\s+\w*$", item):
        with_events = tuple(k.name for k in cat.KINDS.values() if k.events)
        return name_items(names, with_events)
    if re.match(r"\s*(every|cron)\s.*->\s*\w*$", item):
        return name_items(names, cat.KINDS["schedule"].events[0].targets)
    if m := re.match(r"\s*output\s+\w+\s*=\s*\w*$", item):
        return name_items(names, None, params=True)
    if re.match(r"\s*param\s+\w+\s*:\s*\w*$", item):
        return [_item(p, t.CompletionItemKind.TypeParameter) for p in cat.PARAM_TYPES]
    if re.match(r"\s*\w*$", item):
        return kind_items(snippets)
    return []


def _values(attr: cat.Attr, typed: str, names: dict[str, str]) -> list[t.CompletionItem]:
    """Values for `attr = ...`: choices, booleans, units after a number, references."""
    if re.fullmatch(r"[0-9]+[A-Za-z]*", typed):
        number = re.match(r"[0-9]+", typed)
        assert number
        units = (
            DURATION_UNITS if attr.type == "duration" else SIZE_UNITS if attr.type == "size" else ()
        )
        return [_item(number.group() + u, t.CompletionItemKind.Unit, attr.type) for u in units]
    if attr.type == "bool":
        return [_item(v, t.CompletionItemKind.Value, "bool") for v in ("true", "false")]
    if attr.type == "auth":
        words = [*cat.AUTH_WORDS, "jwt"]
        return name_items(names, ("userpool",)) + [
            _item(w, t.CompletionItemKind.Value, "auth") for w in words
        ]
    if attr.choices and attr.type == "string":
        return [
            _item(
                f'"{c}"',
                t.CompletionItemKind.EnumMember,
                attr.name,
                insert=f'"{c}"' if not typed.startswith('"') else f"{c}",
            )  # fmt: skip
            for c in attr.choices
        ]
    if attr.choices and attr.type == "duration":
        return [_item(show_seconds(c), t.CompletionItemKind.Value, attr.name) for c in attr.choices]
    if attr.choices:
        return [_item(str(c), t.CompletionItemKind.Value, attr.name) for c in attr.choices]
    if attr.type == "string" and not attr.literal:
        return name_items(names, None, params=True)
    return []


def _in_block(ctx: Context, names: dict[str, str]) -> list[t.CompletionItem]:
    head = ctx.blocks[0].split()
    inner = ctx.blocks[-1].split()
    item = ctx.item
    kind_name = head[0] if head else ""
    kind_attrs: tuple[cat.Attr, ...]
    blocks: tuple[str, ...]
    if kind_name == "app":
        kind_attrs, blocks = cat.APP_ATTRS, cat.APP_BLOCKS
        kind = None
    elif kind_name == "on":
        kind = None
        m = re.match(rf"on\s+({_NAME})\.({_NAME})", ctx.blocks[0])
        src = cat.KINDS.get(names.get(m.group(1), "")) if m else None
        event = src.event(m.group(2)) if src and m else None
        kind_attrs, blocks = (event.options if event else ()), ()
    elif kind_name in ("every", "cron"):
        kind, kind_attrs, blocks = None, (), ()
    else:
        kind = cat.KINDS.get(kind_name)
        if kind is None:
            return []
        kind_attrs, blocks = kind.attrs, kind.blocks
    depth = len(ctx.blocks)
    # the attributes that apply where the cursor is
    attrs: tuple[cat.Attr, ...] = kind_attrs
    if depth > 1:
        word = inner[0] if inner else ""
        if word in cat.STEP_KINDS:
            step_kind = names.get(inner[1], "") if len(inner) > 1 else ""
            attrs = cat.TASK_OPTIONS + cat.TASK_KIND_OPTIONS.get(step_kind, ())
        elif word == "throttle":
            attrs = cat.THROTTLE_ATTRS
        elif word == "network":
            attrs = cat.NETWORK_ATTRS
        elif word == "cors":
            attrs = cat.CORS_ATTRS
        elif word in cat.HTTP_METHODS and kind_name == "api":
            attrs = cat.ROUTE_OPTIONS  # `GET /x -> f { ... }`
        elif "jwt" in inner:
            attrs = cat.JWT_ATTRS  # `auth = jwt { ... }`
        elif word in ("env", "tags"):
            attrs = ()
        elif kind_name == "workflow":
            attrs = ()
        elif word == "index":
            attrs = ()
    # allow NAME: ops
    if m := re.search(rf"\ballow\s+({_NAME})\s*:\s*(?:\w+\s*,\s*)*(\w*)$", item):
        target = cat.KINDS.get(names.get(m.group(1), ""))
        if target is None:
            return []
        return [
            _item(op, t.CompletionItemKind.Function, what.doc)
            for op, what in target.operations.items()
        ]
    if re.search(r"\ballow\s+\w*$", item):
        with_ops = tuple(k.name for k in cat.KINDS.values() if k.operations)
        return name_items(names, with_ops)
    # a route: METHOD /path -> target
    if kind_name == "api" and re.search(r"->\s*\w*$", item):
        return name_items(names, ROUTE_TARGETS)
    # workflow steps
    if kind_name == "workflow" and (
        m := re.match(r"\s*(invoke|run|send|publish|put)\s+\w*$", item)
    ):
        return name_items(names, STEP_TARGETS[m.group(1)])
    # attribute values
    if m := re.match(rf"\s*({_NAME})\s*=\s*(\S*)$", item):
        word = m.group(1)
        attr = next((a for a in attrs if a.name == word), None)
        if attr is not None:
            return _values(attr, m.group(2), names)
        if depth > 1 and inner and inner[0] in ("env",):
            return name_items(names, None, params=True)
        return []
    # a new item
    if re.match(r"\s*\w*$", item):
        out = attr_items(attrs, set())
        if depth == 1:
            out += [_item(b, t.CompletionItemKind.Module, f"{b} {{ ... }}") for b in blocks]
            if kind is not None and kind.allows:
                out.append(_item("allow", t.CompletionItemKind.Keyword, "allow NAME: operations"))
            if kind_name == "api":
                out += [_item(m_, t.CompletionItemKind.Keyword, "route") for m_ in cat.HTTP_METHODS]
            if kind_name == "table":
                out += [_item(w, t.CompletionItemKind.Keyword) for w in ("key", "sort", "index")]
        if kind_name == "workflow":
            out += [_item(w, t.CompletionItemKind.Keyword, "step") for w in STEPS]
        return out
    return []
