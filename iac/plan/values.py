"""Target-neutral values: each target spells them in its own syntax."""

from __future__ import annotations

import json
from typing import Any

from ..records import fields, is_dataclass, record


@record
class Ref:
    """An attribute of a planned node: `Ref("Orders", "arn")`."""

    node: str
    attr: str


@record
class Param:
    name: str


@record
class Pseudo:
    """The deploying account, region, partition or URL suffix."""

    name: str  # account | region | partition | url_suffix


@record
class Sub:
    """A string built from literal text and values."""

    parts: tuple[str | Ref | Param | Pseudo, ...]

    @staticmethod
    def of(*parts: Any) -> Value:
        merged: list[Any] = []
        for part in parts:
            if isinstance(part, Sub):
                items: tuple[Any, ...] = part.parts
            else:
                items = (part,)
            for item in items:
                if isinstance(item, str) and merged and isinstance(merged[-1], str):
                    merged[-1] += item
                elif item != "":
                    merged.append(item)
        if not merged:
            return ""
        if len(merged) == 1:
            return merged[0]  # type: ignore[no-any-return]
        return Sub(tuple(merged))


@record
class Json:
    """A value that targets write as a JSON document (a policy, a pattern, a definition)."""

    value: Any


@record
class Az:
    """The deploying region's Nth availability zone."""

    index: int


# A plan value: a literal, a reference, a built string, or data holding them.
Value = (
    str
    | int
    | float
    | bool
    | None
    | Ref
    | Param
    | Pseudo
    | Sub
    | Json
    | Az
    | list[Any]
    | dict[str, Any]
)

ACCOUNT = Pseudo("account")
REGION = Pseudo("region")
PARTITION = Pseudo("partition")
URL_SUFFIX = Pseudo("url_suffix")


def arn(service: str, resource: Value, *, region: bool = True, account: bool = True) -> Value:
    return Sub.of(
        "arn:",
        PARTITION,
        f":{service}:",
        REGION if region else "",
        ":",
        ACCOUNT if account else "",
        ":",
        resource,
    )


def walk(value: Any) -> Any:
    """Every value nested inside `value`, depth first."""
    yield value
    if isinstance(value, Sub):
        for p in value.parts:
            yield from walk(p)
    elif isinstance(value, Json):
        yield from walk(value.value)
    elif isinstance(value, dict):
        for v in value.values():
            yield from walk(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from walk(v)
    elif is_dataclass(value) and not isinstance(value, type | Ref | Param | Pseudo | Az):
        for f in fields(value):  # a node's props, a rule target, a statement
            yield from walk(getattr(value, f.name))


def refs_in(value: Any) -> list[Ref]:
    return [v for v in walk(value) if isinstance(v, Ref)]


# ---------------------------------------------------------------- spelled neutrally
# As `iac explain` and the lock spell plan values, neither target's way (here, so that a
# compile, which writes the lock, never imports `iac explain`).

PSEUDO_NAMES = {
    "account": "AWS::AccountId",
    "region": "AWS::Region",
    "partition": "AWS::Partition",
    "url_suffix": "AWS::URLSuffix",
}


def spell(value: Any) -> Any:
    """A plan value as plain data: strings for leaves, lists and dicts kept."""
    if isinstance(value, Ref):
        return f"{value.node}.{value.attr}"
    if isinstance(value, Param):
        return f"${{{value.name}}}"
    if isinstance(value, Pseudo):
        return f"${{{PSEUDO_NAMES.get(value.name, value.name)}}}"
    if isinstance(value, Sub):
        return "".join(_in_string(part) for part in value.parts)
    if isinstance(value, Json):
        return spell(value.value)
    if isinstance(value, dict):
        return {str(k): spell(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [spell(v) for v in value]
    return value


def _in_string(part: Any) -> str:
    if isinstance(part, str):
        return part.replace("${", "$${")  # a literal `${` stays told apart from a value
    if isinstance(part, Ref):
        return f"${{{part.node}.{part.attr}}}"
    spelled = spell(part)
    return spelled if isinstance(spelled, str) else json.dumps(spelled, sort_keys=True)
