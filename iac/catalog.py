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

# Lambda's runtimes as its documentation lists them (checked 2026-02, "Lambda runtimes"):
# one table, read by the checker and the docs. `supported` and `deprecated` runtimes can
# be deployed (a deprecated one is a warning: Lambda still creates functions with it for a
# while); a `retired` one can no longer be created, so it is an error.
RUNTIME_STATUS: dict[str, str] = {
    "python3.14": "supported",
    "python3.13": "supported",
    "python3.12": "supported",
    "python3.11": "supported",
    "python3.10": "supported",
    "python3.9": "deprecated",
    "nodejs24.x": "supported",
    "nodejs22.x": "supported",
    "nodejs20.x": "supported",
    "nodejs18.x": "deprecated",
    "java25": "supported",
    "java21": "supported",
    "java17": "supported",
    "java11": "supported",
    "java8.al2": "supported",
    "dotnet10": "supported",
    "dotnet8": "supported",
    "ruby3.4": "supported",
    "ruby3.3": "supported",
    "ruby3.2": "supported",
    "provided.al2023": "supported",
    "provided.al2": "supported",
    **{
        r: "retired"
        for r in (
            "python3.8", "python3.7", "python3.6", "python2.7", "nodejs16.x", "nodejs14.x",
            "nodejs12.x", "nodejs10.x", "nodejs8.10", "nodejs6.10", "nodejs4.3", "nodejs",
            "java8", "go1.x", "provided", "dotnet7", "dotnet6", "dotnetcore3.1",
            "dotnetcore2.1", "dotnetcore2.0", "dotnetcore1.0", "ruby2.7", "ruby2.5",
        )
    },
}  # fmt: skip
LAMBDA_RUNTIMES = tuple(r for r, status in RUNTIME_STATUS.items() if status != "retired")
DEPRECATED_RUNTIMES = tuple(r for r, status in RUNTIME_STATUS.items() if status == "deprecated")
RETIRED_RUNTIMES = tuple(r for r, status in RUNTIME_STATUS.items() if status == "retired")
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
    """One attribute: `type` is string, number, bool, duration, size, list, path, or
    filters (`(body.type: "order")`)."""

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
    empty: bool = False  # strings: `""` is a meaningful value (otherwise an error)
    deprecated: tuple[Any, ...] = ()  # choices that still work but are on their way out: warn
    retired: tuple[Any, ...] = ()  # values that once were choices: an error that says so


@dataclass(frozen=True)
class Event:
    name: str
    targets: tuple[str, ...]
    filters: tuple[Attr, ...] = ()
    options: tuple[Attr, ...] = ()
    free_filters: bool = False  # topic filters name any message attribute
    paths: bool = False  # filters are dotted paths with every test (EventBridge patterns)
    doc: str = ""


@dataclass(frozen=True)
class Operation:
    """What `allow NAME: OP` lets a role do: in words, and as the IAM actions it grants
    on which of the target's ARNs. The plan's policies read this table (iac/plan/iam.py)."""

    doc: str
    actions: tuple[str, ...]
    # "arn": the resource; "objects": a bucket's `/*`; "arn+indexes": a table and its
    # indexes; "model": the model, or an inference profile and the models it routes to
    scope: str = "arn"


@dataclass(frozen=True)
class Kind:
    name: str
    doc: str
    attrs: tuple[Attr, ...] = ()
    blocks: tuple[str, ...] = ()  # nested blocks: env, throttle
    exposes: tuple[str, ...] = ()
    operations: dict[str, Operation] = field(default_factory=dict)
    events: tuple[Event, ...] = ()
    allows: bool = False  # may hold `allow` statements (has a role)
    creates: bool = True  # False: a reference to something that exists (a model)

    def attr(self, name: str) -> Attr | None:
        return next((a for a in self.attrs if a.name == name), None)

    def event(self, name: str) -> Event | None:
        return next((e for e in self.events if e.name == name), None)


def _name(kind: str) -> Attr:
    """`name = "..."`: the physical name; NAME_RULES says what the service allows."""
    limit = NAME_RULES[kind].high
    return Attr("name", "string", doc=f"physical name, overriding PREFIX-NAME (at most {limit})")


@dataclass(frozen=True)
class NameRule:
    """What a service accepts as the physical name of one of its resources."""

    service: str  # as the error names it: "an SQS queue name"
    low: int
    high: int
    chars: str  # a regex character class body: the characters allowed
    chars_doc: str  # the same in words
    ends: str = ""  # a class the first and last character must match, when narrower
    reserved: tuple[str, ...] = ()  # whole names the service keeps for itself
    prefixes: tuple[str, ...] = ()  # forbidden beginnings
    suffixes: tuple[str, ...] = ()  # forbidden endings
    repeats: tuple[str, ...] = ()  # forbidden runs: `..` in a bucket name
    not_ip: bool = False  # `192.168.5.4` is not a bucket name


_ALNUM_DASH = "A-Za-z0-9_-"
# Each service's naming rule, from its API reference (checked 2026-02).
NAME_RULES: dict[str, NameRule] = {
    "function": NameRule("a Lambda function name", 1, 64, _ALNUM_DASH, "letters, digits, `-`, `_`"),
    "queue": NameRule("an SQS queue name", 1, 80, _ALNUM_DASH, "letters, digits, `-`, `_`"),
    "topic": NameRule("an SNS topic name", 1, 256, _ALNUM_DASH, "letters, digits, `-`, `_`"),
    "table": NameRule(
        "a DynamoDB table name", 3, 255, "A-Za-z0-9_.-", "letters, digits, `_`, `-`, `.`"
    ),
    "index": NameRule(
        "a DynamoDB index name", 3, 255, "A-Za-z0-9_.-", "letters, digits, `_`, `-`, `.`"
    ),
    "bucket": NameRule(
        "an S3 bucket name",
        3,
        63,
        "a-z0-9.-",
        "lower-case letters, digits, `.`, `-`",
        ends="a-z0-9",
        prefixes=("xn--", "sthree-", "amzn-s3-demo-"),
        suffixes=("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"),
        repeats=("..",),
        not_ip=True,
    ),
    "bus": NameRule(
        "an EventBridge bus name",
        1,
        256,
        "A-Za-z0-9._-",
        "letters, digits, `.`, `-`, `_`",
        reserved=("default",),
    ),
    "schedule": NameRule(
        "an EventBridge rule name", 1, 64, "A-Za-z0-9._-", "letters, digits, `.`, `-`, `_`"
    ),
    # Step Functions forbids white space, brackets, wildcards, `"#%\\^|~`$&,;:/` and
    # control characters.
    "workflow": NameRule(
        "a Step Functions state machine name",
        1,
        80,
        r'^\s<>{}\[\]?*"#%\\^|~`$&,;:/\x00-\x1f\x7f-\x9f',
        'no white space, brackets, `?`, `*` or any of `" # % \\ ^ | ~ ` $ & , ; : /`',
    ),
    "container": NameRule(
        "an ECS task definition family", 1, 255, _ALNUM_DASH, "letters, digits, `-`, `_`"
    ),
    "secret": NameRule(
        "a Secrets Manager secret name",
        1,
        512,
        "A-Za-z0-9/_+=.@-",
        "letters, digits, `/ _ + = . @ -`",
    ),
    "api": NameRule("an API Gateway API name", 1, 128, "^\\x00-\\x1f\\x7f", "printable characters"),
}
# A FIFO queue's or topic's name ends in this; it counts toward the limit.
FIFO_SUFFIX = ".fifo"

# Lambda sets these itself; a function configuration that sets one is refused
# ("Lambda runtime environment variables", configuration-envvars).
RESERVED_ENV = (
    "_HANDLER",
    "_X_AMZN_TRACE_ID",
    "AWS_DEFAULT_REGION",
    "AWS_REGION",
    "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE",
    "AWS_LAMBDA_LOG_GROUP_NAME",
    "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_ACCESS_KEY",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_LAMBDA_RUNTIME_API",
    "LAMBDA_TASK_ROOT",
    "LAMBDA_RUNTIME_DIR",
)
RESERVED_ENV_PREFIXES = ("AWS_LAMBDA_",)
ENV_LIMIT = 4 * KB  # Lambda: all keys and values together, in bytes
# Lambda's key pattern (API reference, `Environment`): a letter, then at least one more.
ENV_KEY = r"[a-zA-Z][a-zA-Z0-9_]+\Z"

# Lambda reads from a queue in batches: more than 10 messages need a batching window;
# FIFO queues take at most 10 and no window.
QUEUE_BATCH_WITHOUT_WINDOW = 10
# The fields of an EventBridge event a pattern may test besides `detail.…` (`detail_type`
# is `detail-type`), and the most attributes an SNS filter policy names.
EVENT_FIELDS = ("source", "detail_type", "account", "region", "resources", "id", "time")
SNS_FILTER_KEYS = 5
# The account's default event bus: `on default.event(...)` needs no declaration.
DEFAULT_BUS = "default"
# A Lambda layer version ARN (API reference, `Layers`), and how many a function takes.
LAYER_ARN = (
    r"arn:[a-zA-Z0-9-]+:lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:\d{12}"
    r":layer:[a-zA-Z0-9-_]+:[0-9]+\Z"
)
MAX_LAYERS = 5
# The interface endpoint a function in the generated VPC needs for each kind it is
# granted on (`allow`); tables and buckets go through the gateway endpoints instead.
ENDPOINT_SERVICES = {
    "queue": "sqs",
    "topic": "sns",
    "bus": "events",
    "workflow": "states",
    "secret": "secretsmanager",
    "model": "bedrock-runtime",
    "function": "lambda",
    "container": "ecs",
}
GATEWAY_SERVICES = ("s3", "dynamodb")
# An Express workflow runs for at most five minutes.
EXPRESS_MAX_SECONDS = 5 * 60


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
                Attr(
                    "runtime",
                    "string",
                    "python3.12",
                    choices=LAMBDA_RUNTIMES,
                    deprecated=DEPRECATED_RUNTIMES,
                    retired=RETIRED_RUNTIMES,
                ),
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
                _name("function"),
                Attr("url", "switch", False, choices=("iam",), doc="`true` (public) or `iam`"),
                Attr("tracing", "bool", False, doc="X-Ray active tracing"),
                Attr("layers", "list", doc="layer version ARNs, at most 5"),
                Attr("storage", "size", 512 * MB, low=512 * MB, high=10240 * MB, doc="/tmp"),
                Attr("vpc", "bool", False, doc="in the app's network (or private subnets)"),
            ),
            blocks=("env",),
            exposes=("name", "arn", "url"),
            operations={"invoke": Operation("invoke the function", ("lambda:InvokeFunction",))},
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
                _name("bucket"),
            ),
            exposes=("name", "arn"),
            operations={
                "read": Operation("get objects", ("s3:GetObject",), "objects"),
                "write": Operation("put objects", ("s3:PutObject",), "objects"),
                "delete": Operation("delete objects", ("s3:DeleteObject",), "objects"),
                "list": Operation("list the bucket", ("s3:ListBucket",)),
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
                Attr(
                    "dedup",
                    "word",
                    choices=("content",),
                    doc="FIFO deduplication: `content`, a hash of the body (the only mode: "
                    "the senders the compiler wires set no deduplication id)",
                ),
                Attr("max_receives", "number", low=1, high=1000, integer=True),
                Attr("encrypted", "bool", True),
                _name("queue"),
            ),
            exposes=("name", "arn", "url"),
            operations={
                "send": Operation("send messages", ("sqs:SendMessage",)),
                "receive": Operation(
                    "receive and delete messages",
                    (
                        "sqs:ChangeMessageVisibility",
                        "sqs:DeleteMessage",
                        "sqs:GetQueueAttributes",
                        "sqs:ReceiveMessage",
                    ),
                ),
            },
            events=(
                Event(
                    "message",
                    ("function", "workflow"),
                    options=(
                        Attr("batch", "number", 10, low=1, high=10000, integer=True),
                        Attr("window", "duration", 0, low=0, high=5 * MINUTE),
                        Attr("filter", "filters", doc="which messages reach the function"),
                    ),
                    doc="a message arrives",
                ),
            ),
        ),
        Kind(
            "topic",
            "Amazon SNS topic",
            attrs=(Attr("fifo", "bool", False), _name("topic")),
            exposes=("name", "arn"),
            operations={"publish": Operation("publish messages", ("sns:Publish",))},
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
                _name("table"),
            ),
            exposes=("name", "arn", "stream_arn"),
            operations={
                "read": Operation(
                    "get, query, scan",
                    (
                        "dynamodb:BatchGetItem",
                        "dynamodb:ConditionCheckItem",
                        "dynamodb:GetItem",
                        "dynamodb:Query",
                        "dynamodb:Scan",
                    ),
                    "arn+indexes",
                ),
                "write": Operation(
                    "put, update, delete",
                    (
                        "dynamodb:BatchWriteItem",
                        "dynamodb:DeleteItem",
                        "dynamodb:PutItem",
                        "dynamodb:UpdateItem",
                    ),
                ),
            },
            events=(
                Event(
                    "changed",
                    ("function", "workflow"),
                    options=(
                        Attr("batch", "number", 100, low=1, high=10000, integer=True),
                        Attr("filter", "filters", doc="which records reach the function"),
                    ),
                    doc="an item changes (needs `stream = true`)",
                ),
            ),
        ),
        Kind(
            "api",
            "Amazon API Gateway HTTP API",
            attrs=(Attr("cors", "bool", False), _name("api")),
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
                _name("schedule"),
            ),
            events=(Event("tick", ("function", "queue", "workflow", "container"), doc="it fires"),),
        ),
        Kind(
            "bus",
            "Amazon EventBridge custom event bus",
            attrs=(_name("bus"),),
            exposes=("name", "arn"),
            operations={"put": Operation("put events", ("events:PutEvents",))},
            events=(
                Event(
                    "event",
                    ("function", "queue", "topic", "workflow"),
                    filters=(Attr("source", "string"), Attr("detail_type", "string")),
                    paths=True,
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
                _name("container"),
            ),
            blocks=("env",),
            exposes=("name", "arn"),
            allows=True,
        ),
        Kind(
            "workflow",
            "AWS Step Functions state machine",
            attrs=(
                Attr("express", "bool", False),
                _name("workflow"),
                Attr("tracing", "bool", False, doc="X-Ray tracing"),
            ),
            exposes=("name", "arn"),
            operations={"start": Operation("start an execution", ("states:StartExecution",))},
        ),
        Kind(
            "model",
            "Amazon Bedrock foundation model (nothing is created)",
            attrs=(Attr("id", "string", required=True, literal=True, doc="a Bedrock model id"),),
            exposes=("id", "arn"),
            operations={
                "invoke": Operation(
                    "invoke the model",
                    ("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"),
                    "model",
                )
            },
            creates=False,
        ),
        Kind(
            "secret",
            "AWS Secrets Manager secret with a generated value",
            attrs=(Attr("description", "string", empty=True), _name("secret")),
            exposes=("name", "arn"),
            operations={
                "read": Operation("read the secret value", ("secretsmanager:GetSecretValue",))
            },
        ),
    )
}

APP_ATTRS: tuple[Attr, ...] = (
    Attr("region", "string", "us-east-1"),
    Attr("prefix", "string", empty=True),
    Attr("alarms", "name", doc="a standard topic: CloudWatch alarms are sent there"),
)
APP_BLOCKS = ("tags", "network")
NETWORK_ATTRS: tuple[Attr, ...] = (
    Attr("subnets", "list", required=True, doc='subnet IDs, like `["subnet-0abc"]`'),
    Attr("security_groups", "list", required=True, doc='security group IDs, like `["sg-0abc"]`'),
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
