"""A testing API for pytest: run a program locally, act on it, wait, assert.

    from iac import sim

    def test_small_upload_gets_a_thumbnail():
        with sim.run("examples/local/pipeline") as app:
            app.put_object("uploads", "incoming/cat.jpg", size=1000)
            app.wait()
            assert app.executions("process_upload")[0].path == [...]
            assert app.rows("renditions_log") == [{"upload": "incoming/cat.jpg", ...}]

Resources are named as the program names them (`uploads`, `incoming_dlq`); the app
runs on moto (see iac/run), with the program's own wiring, handlers and permissions.
docs/testing.md has the whole API and a complete example.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from .plan import model as pm
from .run import Execution, LocalApp, Outcome, RunError, prepare

__all__ = ["App", "Execution", "Outcome", "Response", "RunError", "TimedOut", "run"]


class TimedOut(AssertionError):
    """The app was still busy when `wait` gave up."""


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: str

    def json(self) -> Any:
        return json.loads(self.body)


@contextmanager
def run(
    program: str | Path,
    params: dict[str, str] | None = None,
    *,
    containers: dict[str, str] | None = None,
    missing_containers: str = "succeed",
    echo: bool = False,
) -> Iterator[App]:
    """PROGRAM running locally for the `with` block; everything stops at its end.

    `containers` maps a container's name to the local command its steps run;
    a container without one is reported and its step succeeds (or fails, with
    `missing_containers="fail"`). `echo` prints the live log.
    """
    local = prepare(
        program, params, containers=containers, missing_containers=missing_containers,
        echo=print if echo else None,
    )  # fmt: skip
    local.start()
    try:
        yield App(local)
    finally:
        local.close()


class App:
    """A running program, addressed by the names the program gives its resources."""

    def __init__(self, local: LocalApp) -> None:
        self.local = local

    # ---------------------------------------------------------------- names

    def node(self, kind: str, name: str) -> pm.Node:
        for node in self.local.plan.nodes:
            words = node.label.split(" ")
            if len(words) > 1 and words[0] == kind and words[1] == name:
                return node
        raise KeyError(f"the program has no {kind} `{name}`")

    def name(self, kind: str, name: str) -> str:
        """The physical name of `kind name`, as its handlers see it."""
        return self.local.names.name(self.node(kind, name))

    def client(self, service: str) -> Any:
        """A boto3 client on the emulator, with every permission (for setup and asserts)."""
        return self.local.client(service)

    @property
    def endpoint(self) -> str:
        return self.local.endpoint

    # ---------------------------------------------------------------- acting

    def put_object(
        self, bucket: str, key: str, data: bytes | str | None = None, *, size: int | None = None
    ) -> None:
        """Upload `data`, or `size` bytes of filler, to the program's bucket."""
        body = data.encode() if isinstance(data, str) else data
        if body is None:
            body = b"\0" * (size or 0)
        self.client("s3").put_object(Bucket=self.name("bucket", bucket), Key=key, Body=body)

    def delete_object(self, bucket: str, key: str) -> None:
        self.client("s3").delete_object(Bucket=self.name("bucket", bucket), Key=key)

    def send(self, queue: str, body: Any, **args: Any) -> str:
        """Send a message (a dict or list is sent as JSON); returns its id."""
        text = body if isinstance(body, str) else json.dumps(body)
        url = self.local.names.ref(self.node("queue", queue).id, "url")
        return str(
            self.client("sqs").send_message(QueueUrl=url, MessageBody=text, **args)["MessageId"]
        )

    def publish(self, topic: str, message: Any, attributes: dict[str, str] | None = None) -> None:
        text = message if isinstance(message, str) else json.dumps(message)
        args: dict[str, Any] = {
            "TopicArn": self.local.names.ref(self.node("topic", topic).id, "arn"),
            "Message": text,
        }
        if attributes:
            args["MessageAttributes"] = {
                k: {"DataType": "String", "StringValue": v} for k, v in attributes.items()
            }
        self.client("sns").publish(**args)

    def put_event(
        self, bus: str, detail_type: str, detail: Any, source: str = "local.test"
    ) -> None:
        name = self.name("bus", bus) if bus != "default" else "default"
        self.client("events").put_events(Entries=[{
            "EventBusName": name, "Source": source, "DetailType": detail_type,
            "Detail": json.dumps(detail),
        }])  # fmt: skip

    def fire(self, schedule: str) -> None:
        """A schedule's tick, now."""
        self.local.fire(self.node("schedule", schedule))

    def start(self, workflow: str, input: Any = None) -> str:  # noqa: A002
        """Start an execution; returns its ARN."""
        import uuid

        arn = self.local.names.ref(self.node("workflow", workflow).id, "arn")
        out = self.client("stepfunctions").start_execution(
            stateMachineArn=arn, input=json.dumps(input if input is not None else {}),
            name=str(uuid.uuid4()),
        )  # fmt: skip
        return str(out["executionArn"])

    def invoke(self, function: str, event: Any = None) -> Outcome:
        """Invoke a function directly and synchronously, as `aws lambda invoke` does."""
        node = self.node("function", function)
        return self.local.invoke(node, event if event is not None else {}, "invoked directly")

    def request(
        self, api: str, method: str, path: str, *, json_body: Any = None, body: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:  # fmt: skip
        """Call one of the program's APIs over HTTP."""
        data = json.dumps(json_body).encode() if json_body is not None else (body or "").encode()
        request = urllib.request.Request(
            self.local.api_urls[api] + path, data=data or None, method=method,
            headers={"Content-Type": "application/json", **(headers or {})},
        )  # fmt: skip
        try:
            with urllib.request.urlopen(request, timeout=60) as got:  # noqa: S310 - 127.0.0.1
                return Response(got.status, dict(got.headers.items()), got.read().decode())
        except urllib.error.HTTPError as err:
            return Response(err.code, dict(err.headers.items()), err.read().decode())

    def url(self, api: str) -> str:
        return self.local.api_urls[api]

    def wait(self, timeout: float = 30.0) -> None:
        """Until nothing is in flight: no delivery, no message waiting, no running workflow."""
        if not self.local.wait_idle(timeout):
            raise TimedOut(f"the app was still busy after {timeout}s")

    # ---------------------------------------------------------------- reading

    def rows(self, table: str) -> list[dict[str, Any]]:
        """Every item of the table as plain values (numbers as int or float), sorted."""
        from boto3.dynamodb.types import TypeDeserializer

        des = TypeDeserializer()
        pages = (
            self.client("dynamodb")
            .get_paginator("scan")
            .paginate(TableName=self.name("table", table))
        )
        items = [
            {k: _plain(des.deserialize(v)) for k, v in item.items()}
            for page in pages for item in page["Items"]
        ]  # fmt: skip
        return sorted(items, key=lambda i: json.dumps(i, sort_keys=True, default=str))

    def objects(self, bucket: str) -> dict[str, int]:
        """Every object's key and size."""
        pages = (
            self.client("s3")
            .get_paginator("list_objects_v2")
            .paginate(Bucket=self.name("bucket", bucket))
        )
        return {o["Key"]: o["Size"] for page in pages for o in page.get("Contents", [])}

    def read_object(self, bucket: str, key: str) -> bytes:
        return bytes(
            self.client("s3").get_object(Bucket=self.name("bucket", bucket), Key=key)["Body"].read()
        )

    def messages(self, queue: str) -> list[str]:
        """The bodies of the messages in a queue (a dead-letter queue, say), without
        receiving them: nothing is counted as a receive or hidden."""
        from moto.sqs.models import sqs_backends

        from .run.resolve import ACCOUNT

        backend = sqs_backends[ACCOUNT][self.local.plan.region]
        found = backend.get_queue(self.name("queue", queue))
        return [m.body for m in found._messages]

    def executions(self, workflow: str) -> list[Execution]:
        """Every execution of the workflow, oldest first, with its path through the states."""
        return self.local.executions(self.node("workflow", workflow))

    def logs(self, function: str) -> list[str]:
        """The lines the function's handler printed or logged."""
        return [e.text for e in self.local.log.of(f"function {function}", "log")]

    def log_lines(self) -> list[str]:
        """The whole run's log, as `iac run` prints it."""
        return [e.line() for e in self.local.log.entries]


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | set):
        return [_plain(v) for v in value]
    return value
