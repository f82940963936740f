"""The stateful guard: `iac.lock` records every stateful resource, so a compile that
would make AWS replace or delete one (and lose its data) fails until it is allowed.

The lock of a folder program is `FOLDER/iac.lock`; of a file program `NAME.iac`, the file
`NAME.iac.lock` beside it (several file programs may share a folder). It is JSON with
sorted keys, written only when its content changes, and holds per resource its kind,
logical ID, physical name and the settings whose change makes AWS replace it (see
docs/ci.md for the table and its sources).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, Label, Severity
from .model import App
from .names import logical_id
from .plan.model import BucketProps, Plan, QueueProps, TableProps, TopicProps
from .plan.values import spell  # one spelling of plan values as text, shared with explain
from .records import record
from .source import Source, Span

LOCK_VERSION = 1
# The spelling of the Terraform addresses this version writes. 1 is iac 1.0's (types
# repeated, logical IDs in snake_case), from which the target's moved.tf leads. A lock
# records the oldest spelling a state of its program may hold (`terraform_addresses`);
# a lock without it was written before this version, that is under spelling 1.
ADDRESSES = 2
STATEFUL = ("bucket", "table", "queue", "topic", "secret", "userpool")

# Per kind, the locked settings and what a change to each means, in words.
REPLACED_BY: dict[str, dict[str, str]] = {
    "bucket": {
        "name": "an explicit bucket name (`BucketName`)",
        "name_prefix": "the generated name's start, `PREFIX-NAME` (Terraform cuts `bucket_prefix`)",
    },
    "table": {
        "name": "the table name",
        "key": "the partition key",
        "sort": "the sort key",
    },
    "queue": {"name": "the queue name", "fifo": "`fifo`"},
    "topic": {"name": "the topic name", "fifo": "`fifo`"},
    "secret": {"name": "the secret name"},
    # A pool holds its users: removing it is guarded; its name can change in place.
    "userpool": {},
}


class LockError(Exception):
    """The lock file can't be read: say so, never guess."""


def lock_path(program: Path) -> Path:
    if program.is_dir():
        return program / "iac.lock"
    return program.with_name(program.name + ".lock")


def _key(key: Any) -> str | None:
    return None if key is None else f"{key.name}: {key.type}"


def lock_entries(app: App, planned: Plan) -> dict[str, dict[str, Any]]:
    """Every stateful resource of the app, by program name."""
    nodes = {n.id: n for n in planned.nodes}
    out: dict[str, dict[str, Any]] = {}
    for res in app.resources.values():
        if res.kind not in STATEFUL:
            continue
        lid = logical_id(res.name)
        node = nodes.get(lid)
        if node is None:
            continue
        props = node.props
        name = getattr(props, "name", None)
        entry: dict[str, Any] = {"kind": res.kind, "logical_id": lid, "name": spell(name)}
        if isinstance(props, BucketProps):
            # A generated name starts with `PREFIX-NAME`; Terraform's `bucket_prefix` is
            # cut from it (one for one), and a new one forces a new bucket.
            entry["name_prefix"] = props.name_stem
        if isinstance(props, QueueProps | TopicProps):
            entry["fifo"] = bool(props.fifo)
        if isinstance(props, TableProps):
            entry["key"] = _key(props.key)
            entry["sort"] = _key(props.sort)
            entry["indexes"] = {
                ix.name: {"key": _key(ix.key), "sort": _key(ix.sort)} for ix in props.indexes
            }
        out[res.name] = entry
    return out


def render_lock(app: App, entries: dict[str, dict[str, Any]], addresses: int = ADDRESSES) -> bytes:
    body = {
        "comment": "written by `iac compile`: commit it; see docs/ci.md (the stateful guard)",
        "version": LOCK_VERSION,
        "app": app.name,
        "resources": entries,
        "terraform_addresses": addresses,
    }
    return (json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


@record(frozen=False)
class Locked:
    source: Source
    resources: dict[str, dict[str, Any]]
    addresses: int = 1  # see ADDRESSES


def oldest_addresses(locked: Locked | None) -> int:
    """The oldest Terraform address spelling a state of the program may hold: this
    version's for a program compiled for the first time (no lock yet), else what its
    lock says. Below ADDRESSES, the configuration needs its moved.tf."""
    return ADDRESSES if locked is None else locked.addresses


def read_lock(path: Path) -> Locked | None:
    """The lock beside the program, or None on a first compile."""
    if not path.exists():
        return None
    if not path.is_file():
        raise LockError(f"{path} is not a regular file")
    try:
        data = path.read_bytes()[: 16 * 1024 * 1024 + 1]
        if len(data) > 16 * 1024 * 1024:
            raise LockError(f"{path} is larger than 16 MiB: not a lock iac wrote")
        text = data.decode("utf-8")
        body = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise LockError(f"{path} can't be read ({err}); restore it from version control") from err
    resources = body.get("resources") if isinstance(body, dict) else None
    if not isinstance(resources, dict) or body.get("version") != LOCK_VERSION:
        raise LockError(
            f"{path} is not an iac lock of version {LOCK_VERSION}; restore it from version control"
        )
    for name, entry in resources.items():
        if not isinstance(entry, dict) or entry.get("kind") not in STATEFUL:
            raise LockError(f"{path}: the entry `{name}` is not one iac wrote")
    addresses = body.get("terraform_addresses", 1)
    if type(addresses) is not int or not 1 <= addresses <= ADDRESSES:
        raise LockError(
            f"{path}: `terraform_addresses` is {json.dumps(addresses)}, not a spelling iac "
            f"wrote (1 to {ADDRESSES}); restore it from version control"
        )
    return Locked(Source(path, text, str(path)), resources, addresses)


def _entry_span(locked: Locked, name: str) -> Span:
    text = locked.source.text
    needle = json.dumps(name) + ":"
    start = text.find(needle)
    if start < 0:
        return Span(locked.source, 0, min(1, len(text)))
    return Span(locked.source, start, start + len(needle) - 1)


def guard(
    app: App,
    locked: Locked | None,
    entries: dict[str, dict[str, Any]],
    allowed: Iterable[str],
) -> list[Diagnostic]:
    """E301 for a stateful resource AWS would replace, E302 for one it would delete."""
    if locked is None:
        return []  # the first compile: the lock is written, nothing to compare
    allow = set(allowed)
    out: list[Diagnostic] = []
    added = [n for n in entries if n not in locked.resources]
    for name, old in locked.resources.items():
        if name in allow:
            continue
        new = entries.get(name)
        kind = old["kind"]
        if new is None or new["kind"] != kind:
            hints = [
                f"AWS deletes a removed {kind} with what it holds"
                + (
                    " (a retained one is kept, but left outside the stack)"
                    if kind in ("bucket", "table", "userpool")
                    else ""
                ),
            ]
            renamed = [n for n in added if entries[n]["kind"] == kind]
            if renamed:
                hints.append(
                    f"if it was renamed to `{renamed[0]}`: its logical ID changes and AWS "
                    f"makes a new, empty {kind}; keep the name `{name}`"
                )
            hints.append(f"put it back, or compile with `--allow-replace {name}`")
            out.append(
                Diagnostic(
                    "E302",
                    Severity.ERROR,
                    f"{kind} `{name}` would be removed: it is in the lock but not in the program",
                    _entry_span(locked, name),
                    hints=tuple(hints),
                )
            )
            continue
        causes = _causes(kind, old, new)
        if not causes:
            continue
        res = app.resources.get(name)
        span = _name_span(res.span, name) if res is not None else _entry_span(locked, name)
        first = causes[0]
        out.append(
            Diagnostic(
                "E301",
                Severity.ERROR,
                f"{kind} `{name}` would be replaced: {first}",
                span,
                labels=(Label(_entry_span(locked, name), "locked here"),),
                hints=(
                    *causes[1:],
                    f"AWS makes a new {kind} and the old one's data stays behind or is lost",
                    f"keep the old setting, or compile with `--allow-replace {name}`",
                ),
            )
        )
    return out


def _name_span(span: Span, name: str) -> Span:
    """The resource's name in its declaration (`table orders {` -> `orders`)."""
    at = span.text.find(" " + name)
    if at < 0 or "\n" in span.text[:at]:
        return span
    start = span.start + at + 1
    return Span(span.source, start, start + len(name))


def _causes(kind: str, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    causes = []
    for setting, words in REPLACED_BY[kind].items():
        if old.get(setting) != new.get(setting):
            causes.append(
                f"{words} changes from {_show(old.get(setting))} to {_show(new.get(setting))}"
            )
    if old.get("logical_id") != new.get("logical_id"):
        causes.append(f"the logical ID changes from {old.get('logical_id')} to {new['logical_id']}")
    if kind == "table":
        old_ix = old.get("indexes") or {}
        for index, keys in (new.get("indexes") or {}).items():
            if index in old_ix and old_ix[index] != keys:
                causes.append(
                    f"the keys of index `{index}` change: DynamoDB can't change an index's "
                    "keys in place (give the changed index a new name)"
                )
    return causes


def _show(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"`{value}`"
