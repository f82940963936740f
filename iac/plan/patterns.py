"""Event filters as the services spell them: EventBridge patterns, SNS filter policies
and Lambda's filter criteria share one syntax (a tree of fields, each a list of
tests), so the checker's `Match`es become that tree here, once, for every target."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .. import model as m

# EventBridge and SNS write `=` for numeric equality.
_NUMERIC = {"==": "="}


def rule(match: m.Match) -> list[Any]:
    """One field's list of tests."""
    if match.op == "any":
        return list(match.values)
    if match.op in ("prefix", "suffix"):
        return [{match.op: match.values[0]}]
    if match.op == "not":
        return [{"anything-but": list(match.values)}]
    if match.op == "numeric":
        return [{"numeric": [_NUMERIC.get(match.compare, match.compare), match.values[0]]}]
    return [{"exists": match.op == "exists"}]


def pattern(
    filters: dict[str, m.Match],
    field: Callable[[str], str] = lambda name: name,
    nested: bool = True,
) -> dict[str, Any]:
    """Dotted paths as nested fields (`detail.status` -> {"detail": {"status": ...}});
    `field` spells each path's first name (`detail_type` -> `detail-type`). Not
    `nested`: each path is one key (an SNS message attribute's name may hold dots)."""
    out: dict[str, Any] = {}
    for path, match in filters.items():
        head, *rest = path.split(".") if nested else (path,)
        names = [field(head), *rest]
        node = out
        for name in names[:-1]:
            node = node.setdefault(name, {})
        node[names[-1]] = rule(match)
    return out


def pattern_text(pattern: dict[str, Any]) -> str:
    """A pattern as the JSON string Lambda's FilterCriteria takes."""
    return json.dumps(pattern, separators=(",", ":"), ensure_ascii=False)
