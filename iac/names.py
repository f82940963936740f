"""Naming rules shared by the checker and the plan."""

from __future__ import annotations

import hashlib
import re

NAME_RE = re.compile(r"[a-z][a-z0-9_]*\Z")


def logical_id(name: str) -> str:
    """PascalCase of a program name: `order_table` -> `OrderTable`."""
    return "".join(part[:1].upper() + part[1:] for part in name.split("_") if part)


def physical(prefix: str, name: str, limit: int) -> str:
    """`PREFIX-NAME` with `_` as `-`, cut to `limit` with a short stable hash."""
    full = f"{prefix}-{name}".replace("_", "-") if prefix else name.replace("_", "-")
    if len(full) <= limit:
        return full
    digest = hashlib.sha256(full.encode()).hexdigest()[:8]
    return full[: limit - 9].rstrip("-") + "-" + digest


def kebab(name: str) -> str:
    return name.replace("_", "-")
