"""Event source mappings: a queue's poller and a table stream's, each feeding its
function batches of `Records`, as Lambda's pollers do (see docs/testing.md for what
a local run does faster than AWS)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..plan import model as pm
from . import events

if TYPE_CHECKING:
    from .app import LocalApp

STREAM_ATTEMPTS = 3  # a failing stream batch is tried this often, then skipped (logged)
POLL = 0.05  # seconds between looks at a queue nobody has written to


@dataclass
class Mapping:
    """An event source mapping: a queue's or a stream's poller and its function."""

    node: pm.Node
    function: str  # node id
    source_arn: str
    batch: int
    report_failures: bool
    wake: threading.Event = field(default_factory=threading.Event)
    pending: list[dict[str, Any]] = field(default_factory=list)  # stream records
    active: int = 0


def start_mappings(app: LocalApp) -> None:
    for node in app.plan.of_type("event_source_mapping"):
        p = node.props
        assert isinstance(p, pm.EventSourceMappingProps)
        fn = app.function_node(str(app.names.value(p.function)))
        if fn is None:
            continue
        m = Mapping(node, fn.id, str(app.names.value(p.source_arn)), p.batch, p.report_failures)
        app.mappings.append(m)
        if ":sqs:" in m.source_arn:
            app.spawn(poll_queue, app, m)
        elif ":dynamodb:" in m.source_arn:
            app.spawn(poll_stream, app, m)
        else:
            app.note(f"{node.label}: the source {m.source_arn} is not polled locally")


def poll_queue(app: LocalApp, m: Mapping) -> None:
    sqs = app.client("sqs")
    url = app.queue_url(m.source_arn)
    fn = app.plan.node(m.function)
    while not app.stop_event.is_set():
        m.wake.clear()
        try:
            got = sqs.receive_message(
                QueueUrl=url,
                MaxNumberOfMessages=min(m.batch, 10),
                AttributeNames=["All"],
                MessageAttributeNames=["All"],
            )
        except Exception as err:  # noqa: BLE001 - moto stopping under us at close
            if not app.stop_event.is_set():
                app.log.add("error", m.node.label, f"receive: {err}")
            return
        messages = got.get("Messages", [])
        if not messages:
            m.wake.wait(POLL)
            continue
        m.active += 1
        try:
            queue_batch(app, m, fn, url, messages)
        finally:
            m.active -= 1


def queue_batch(
    app: LocalApp, m: Mapping, fn: pm.Node, url: str, messages: list[dict[str, Any]]
) -> None:
    sqs = app.client("sqs")
    records = [events.sqs_record(msg, m.source_arn, app.plan.region) for msg in messages]
    size = len(records)
    outcome = app.invoke(
        fn, {"Records": records}, f"{size} message{'s' * (size != 1)} from {m.node.label}"
    )
    failed: set[str] = set()
    if not outcome.ok:
        failed = {r["messageId"] for r in records}
    elif m.report_failures and isinstance(outcome.result, dict):
        for item in outcome.result.get("batchItemFailures") or []:
            failed.add(str(item.get("itemIdentifier")))
    # Locally a failed message is visible again at once: no visibility timeout to wait
    # out; moto counts each receive and redrives to the DLQ after max_receives, as SQS.
    entries = [{"Id": str(i), "ReceiptHandle": r["receiptHandle"]} for i, r in enumerate(records)]
    done = [e for e, r in zip(entries, records, strict=True) if r["messageId"] not in failed]
    again = [e for e, r in zip(entries, records, strict=True) if r["messageId"] in failed]
    if done:
        sqs.delete_message_batch(QueueUrl=url, Entries=done)
    if again:
        sqs.change_message_visibility_batch(
            QueueUrl=url, Entries=[{**e, "VisibilityTimeout": 0} for e in again]
        )
    if failed and outcome.ok:
        app.log.add("event", m.node.label, f"{len(failed)} of {size} reported as failed")


def poll_stream(app: LocalApp, m: Mapping) -> None:
    fn = app.plan.node(m.function)
    while not app.stop_event.is_set():
        m.wake.wait(POLL)
        m.wake.clear()
        while m.pending and not app.stop_event.is_set():
            batch = m.pending[: m.batch]
            m.active += 1
            try:
                del m.pending[: len(batch)]
                stream_batch(app, m, fn, batch)
            finally:
                m.active -= 1


def stream_batch(app: LocalApp, m: Mapping, fn: pm.Node, batch: list[dict[str, Any]]) -> None:
    for attempt in range(STREAM_ATTEMPTS):
        why = f"{len(batch)} stream record{'s' * (len(batch) != 1)} from {m.node.label}"
        outcome = app.invoke(
            fn, {"Records": batch}, why if not attempt else f"{why}, retry {attempt}"
        )
        if outcome.ok:
            failures = (
                (outcome.result or {}).get("batchItemFailures")
                if m.report_failures and isinstance(outcome.result, dict)
                else None
            )
            if not failures:
                return
            first = str(failures[0].get("itemIdentifier"))
            # Lambda retries from the first failed record on
            seqs = [r["dynamodb"]["SequenceNumber"] for r in batch]
            batch = batch[seqs.index(first) :] if first in seqs else batch
    app.log.add(
        "error", m.node.label, f"{len(batch)} records skipped after {STREAM_ATTEMPTS} tries"
    )
