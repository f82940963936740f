"""The catalogue of resource kinds: one table that drives the checker, the docs
and (later) the language server. Nothing here knows about targets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KB = 1024
MB = 1024 * 1024
MINUTE = 60
HOUR = 3600
DAY = 86400

LAMBDA_RUNTIMES = (
    "python3.9",
    "python3.10",
    "python3.11",
    "python3.12",
    "python3.13",
    "nodejs18.x",
    "nodejs20.x",
    "nodejs22.x",
)
ARCHITECTURES = ("x86_64", "arm64")
# CloudWatch Logs accepts only these retention periods (days).
LOG_RETENTION_DAYS = (
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,
    2922, 3288, 3653,
)  # fmt: skip
FARGATE_MEMORY_MB: dict[int, tuple[int, ...]] = {
    256: (512, 1024, 2048),
    512: tuple(range(1024, 4096 + 1, 1024)),
    1024: tuple(range(2048, 8192 + 1, 1024)),
    2048: tuple(range(4096, 16384 + 1, 1024)),
    4096: tuple(range(8192, 30720 + 1, 1024)),
    8192: tuple(range(16384, 61440 + 1, 4096)),
    16384: tuple(range(32768, 122880 + 1, 8192)),
}
KEY_TYPES = ("string", "number", "binary")
PARAM_TYPES = ("string", "number", "bool")
HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "ANY", "HEAD", "OPTIONS")


@dataclass(frozen=True)
class Attr:
    """One attribute: `type` is string, number, bool, duration, size, list, or string-map."""

    name: str
    type: str
    default: Any = None
    required: bool = False
    low: int | float | None = None  # inclusive, in the type's unit (seconds, bytes)
    high: int | float | None = None
    choices: tuple[Any, ...] = ()
    doc: str = ""
    integer: bool = False
    step: int = 1  # durations: a whole number of this many seconds (60 = minutes)
    literal: bool = False  # strings: no params or `${...}` (the value shapes the output)


@dataclass(frozen=True)
class Event:
    name: str
    targets: tuple[str, ...]
    filters: tuple[Attr, ...] = ()
    options: tuple[Attr, ...] = ()
    free_filters: bool = False  # topic filters name any message attribute
    doc: str = ""


@dataclass(frozen=True)
class Kind:
    name: str
    doc: str
    attrs: tuple[Attr, ...] = ()
    blocks: tuple[str, ...] = ()  # nested blocks: env, throttle
    exposes: tuple[str, ...] = ()
    operations: dict[str, str] = field(default_factory=dict)
    events: tuple[Event, ...] = ()
    allows: bool = False  # may hold `allow` statements (has a role)
    creates: bool = True  # False: a reference to something that exists (a model)

    def attr(self, name: str) -> Attr | None:
        return next((a for a in self.attrs if a.name == name), None)

    def event(self, name: str) -> Event | None:
        return next((e for e in self.events if e.name == name), None)


def _name(limit: int) -> Attr:
    """`name = "..."`: the physical name, at most what the service allows."""
    return Attr("name", "string", high=limit, doc="physical name, overriding PREFIX-NAME")


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "function",
            "AWS Lambda function",
            attrs=(
                Attr(
                    "code",
                    "string",
                    required=True,
                    literal=True,
                    doc="file or folder, relative to the source",
                ),
                Attr("handler", "string", literal=True, doc="`STEM.handler` when code is a file"),
                Attr("runtime", "string", "python3.12", choices=LAMBDA_RUNTIMES),
                Attr("memory", "size", 128 * MB, low=128 * MB, high=10240 * MB),
                Attr("timeout", "duration", 10, low=1, high=15 * MINUTE),
                Attr("arch", "string", "x86_64", choices=ARCHITECTURES),
                Attr("concurrency", "number", low=0, high=100000, integer=True),
                Attr(
                    "log_retention",
                    "duration",
                    30 * DAY,
                    step=DAY,
                    choices=tuple(d * DAY for d in LOG_RETENTION_DAYS),
                ),
                _name(64),
            ),
            blocks=("env",),
            exposes=("name", "arn"),
            operations={"invoke": "invoke the function"},
            allows=True,
        ),
        Kind(
            "bucket",
            "Amazon S3 bucket",
            attrs=(
                Attr("versioned", "bool", False),
                Attr("public", "bool", False),
                Attr("expire_after", "duration", low=DAY, high=36500 * DAY, step=DAY),
                Attr("retain", "bool", True),
                _name(63),
            ),
            exposes=("name", "arn"),
            operations={
                "read": "get objects",
                "write": "put objects",
                "delete": "delete objects",
                "list": "list the bucket",
            },
            events=tuple(
                Event(
                    ev,
                    ("function", "queue", "topic", "workflow"),
                    filters=(Attr("prefix", "string"), Attr("suffix", "string")),
                    doc=f"an object is {ev}",
                )
                for ev in ("created", "deleted")
            ),
        ),
        Kind(
            "queue",
            "Amazon SQS queue",
            attrs=(
                Attr("visibility_timeout", "duration", 30, low=0, high=12 * HOUR),
                Attr("retention", "duration", 4 * DAY, low=60, high=14 * DAY),
                Attr("delay", "duration", 0, low=0, high=15 * MINUTE),
                Attr("fifo", "bool", False),
                Attr("max_receives", "number", low=1, high=1000, integer=True),
                Attr("encrypted", "bool", True),
                _name(80),
            ),
            exposes=("name", "arn", "url"),
            operations={"send": "send messages", "receive": "receive and delete messages"},
            events=(
                Event(
                    "message",
                    ("function",),
                    options=(
                        Attr("batch", "number", 10, low=1, high=10000, integer=True),
                        Attr("window", "duration", 0, low=0, high=5 * MINUTE),
                    ),
                    doc="a message arrives",
                ),
            ),
        ),
        Kind(
            "topic",
            "Amazon SNS topic",
            attrs=(Attr("fifo", "bool", False), _name(256)),
            exposes=("name", "arn"),
            operations={"publish": "publish messages"},
            events=(
                Event(
                    "message",
                    ("function", "queue"),
                    free_filters=True,
                    doc="a message is published",
                ),
            ),
        ),
        Kind(
            "table",
            "Amazon DynamoDB table (on-demand)",
            attrs=(
                Attr("ttl", "string", literal=True, doc="the attribute holding the expiry time"),
                Attr("stream", "bool", False),
                Attr("pitr", "bool", True),
                Attr("retain", "bool", True),
                _name(255),
            ),
            exposes=("name", "arn", "stream_arn"),
            operations={"read": "get, query, scan", "write": "put, update, delete"},
            events=(
                Event(
                    "changed",
                    ("function",),
                    options=(Attr("batch", "number", 100, low=1, high=10000, integer=True),),
                    doc="an item changes (needs `stream = true`)",
                ),
            ),
        ),
        Kind(
            "api",
            "Amazon API Gateway HTTP API",
            attrs=(Attr("cors", "bool", False), _name(128)),
            blocks=("throttle",),
            exposes=("url", "id"),
        ),
        Kind(
            "schedule",
            "Amazon EventBridge schedule rule",
            attrs=(
                Attr("rate", "duration", low=60, high=3650 * DAY, step=MINUTE),
                Attr("cron", "string", literal=True, doc="AWS six-field cron"),
                Attr("enabled", "bool", True),
                _name(64),
            ),
            events=(Event("tick", ("function", "queue", "workflow", "container"), doc="it fires"),),
        ),
        Kind(
            "bus",
            "Amazon EventBridge custom event bus",
            attrs=(_name(256),),
            exposes=("name", "arn"),
            operations={"put": "put events"},
            events=(
                Event(
                    "event",
                    ("function", "queue", "topic", "workflow"),
                    filters=(Attr("source", "string"), Attr("detail_type", "string")),
                    doc="an event matching the filters arrives",
                ),
            ),
        ),
        Kind(
            "container",
            "AWS Fargate task",
            attrs=(
                Attr("image", "string", required=True, doc="an image URI"),
                Attr("cpu", "number", 256, choices=tuple(FARGATE_MEMORY_MB), integer=True),
                Attr("memory", "size", 512 * MB, low=512 * MB, high=122880 * MB),
                Attr("command", "list"),
                Attr("arch", "string", "x86_64", choices=ARCHITECTURES),
                Attr(
                    "log_retention",
                    "duration",
                    30 * DAY,
                    step=DAY,
                    choices=tuple(d * DAY for d in LOG_RETENTION_DAYS),
                ),
                _name(255),
            ),
            blocks=("env",),
            exposes=("name", "arn"),
            allows=True,
        ),
        Kind(
            "workflow",
            "AWS Step Functions state machine",
            attrs=(Attr("express", "bool", False), _name(80)),
            exposes=("name", "arn"),
            operations={"start": "start an execution"},
        ),
        Kind(
            "model",
            "Amazon Bedrock foundation model (nothing is created)",
            attrs=(Attr("id", "string", required=True, literal=True, doc="a Bedrock model id"),),
            exposes=("id", "arn"),
            operations={"invoke": "invoke the model"},
            creates=False,
        ),
        Kind(
            "secret",
            "AWS Secrets Manager secret with a generated value",
            attrs=(Attr("description", "string"), _name(512)),
            exposes=("name", "arn"),
            operations={"read": "read the secret value"},
        ),
    )
}

APP_ATTRS: tuple[Attr, ...] = (
    Attr("region", "string", "us-east-1"),
    Attr("prefix", "string"),
)
APP_BLOCKS = ("tags", "network")
NETWORK_ATTRS: tuple[Attr, ...] = (
    Attr("subnets", "list", required=True),
    Attr("security_groups", "list", required=True),
)
THROTTLE_ATTRS: tuple[Attr, ...] = (
    Attr("rate", "number", 1000, low=0, high=100000),
    Attr("burst", "number", 2000, low=0, high=100000, integer=True),
)
TASK_OPTIONS: tuple[Attr, ...] = (
    Attr("retry", "number", 0, low=0, high=10, integer=True),
    Attr("timeout", "duration", low=1, high=365 * DAY),
    Attr("result", "path"),
)
# The kind each workflow step works on.
STEP_KINDS = {
    "invoke": "function",
    "run": "container",
    "send": "queue",
    "publish": "topic",
    "put": "bus",
}
