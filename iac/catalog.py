"""The catalogue of resource kinds: one table that drives the checker, the docs
and (later) the language server. Nothing here knows about targets."""

from __future__ import annotations

from typing import Any

from .records import field, record

KB = 1024
MB = 1024 * 1024
MINUTE = 60
HOUR = 3600
DAY = 86400

# Lambda's runtimes as its documentation lists them ("Lambda runtimes", checked 2026-12
# against the page's table, as cfn-lint's LmbdRuntimeLifecycle.json and the June 2026
# extension of the block dates record it): one table, read by the checker and the docs.
# `supported` and `deprecated` runtimes can be deployed (a deprecated one is a warning:
# Lambda still creates functions with it for a while); a `retired` one can no longer be
# created, so it is an error. RUNTIME_DATES says since when, in the diagnostic.
RUNTIME_STATUS: dict[str, str] = {
    "python3.14": "supported",
    "python3.13": "supported",
    "python3.12": "supported",
    "python3.11": "supported",
    "python3.10": "supported",
    "python3.9": "deprecated",
    "python3.8": "deprecated",  # its create block moved to 2027 (cfn-lint #4532)
    "nodejs24.x": "supported",
    "nodejs22.x": "supported",
    "nodejs20.x": "deprecated",
    "nodejs18.x": "deprecated",
    "java25": "supported",
    "java21": "supported",
    "java17": "supported",
    "java11": "supported",
    "java8.al2": "supported",
    "dotnet10": "supported",
    "dotnet8": "deprecated",
    "ruby3.4": "supported",
    "ruby3.3": "supported",
    "ruby3.2": "deprecated",
    "provided.al2023": "supported",
    "provided.al2": "supported",
    **{
        r: "retired"
        for r in (
            "python3.7", "python3.6", "python2.7", "nodejs16.x", "nodejs14.x",
            "nodejs12.x", "nodejs10.x", "nodejs8.10", "nodejs6.10", "nodejs4.3", "nodejs",
            "java8", "go1.x", "provided", "dotnet7", "dotnet6", "dotnetcore3.1",
            "dotnetcore2.1", "dotnetcore2.0", "dotnetcore1.0", "ruby2.7", "ruby2.5",
        )
    },
}  # fmt: skip
# Deprecated runtimes: the date Lambda deprecated them (and stopped patching them).
# Retired ones: the date Lambda stopped creating functions with them.
RUNTIME_DATES: dict[str, str] = {
    "python3.9": "2025-12-15",
    "python3.8": "2024-10-14",
    "nodejs20.x": "2026-04-30",
    "nodejs18.x": "2025-09-01",
    "nodejs16.x": "2026-06-01",
    "dotnet8": "2026-11-10",
    "ruby3.2": "2026-03-31",
    "python3.7": "2024-01-09",
    "python3.6": "2022-07-18",
    "python2.7": "2021-07-15",
    "nodejs14.x": "2024-01-09",
    "nodejs12.x": "2023-03-31",
    "nodejs10.x": "2021-07-30",
    "java8": "2024-02-08",
    "go1.x": "2024-02-08",
    "provided": "2024-02-08",
    "dotnetcore3.1": "2023-04-03",
    "dotnetcore2.1": "2022-01-05",
    "ruby2.7": "2024-01-09",
    "ruby2.5": "2021-07-30",
}
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
# `secret`: a string given at deploy time and never shown (NoEcho, sensitive).
PARAM_TYPES = ("string", "number", "bool", "secret")
HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "ANY", "HEAD", "OPTIONS")


@record
class Attr:
    """One attribute: `type` is string, number, bool, duration, size, list, path, word (a
    bare word from `choices`), resource (the name of a resource of one of `kinds`),
    switch (`true`, `false` or a word from `choices`), name (a resource's bare name) or
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
    since: tuple[tuple[str, str], ...] = ()  # deprecated or retired value -> since when
    kinds: tuple[str, ...] = ()  # `resource`: the kinds of resource it may name


@record
class Event:
    name: str
    targets: tuple[str, ...]
    filters: tuple[Attr, ...] = ()
    options: tuple[Attr, ...] = ()
    free_filters: bool = False  # topic filters name any message attribute
    paths: bool = False  # filters are dotted paths with every test (EventBridge patterns)
    doc: str = ""


@record
class Operation:
    """What `allow NAME: OP` lets a role do: in words, and as the IAM actions it grants
    on which of the target's ARNs. The plan's policies read this table (iac/plan/iam.py)."""

    doc: str
    actions: tuple[str, ...]
    # "arn": the resource; "objects": a bucket's `/*`; "arn+indexes": a table and its
    # indexes; "model": the model, or an inference profile and the models it routes to;
    # "api": every route of an HTTP API's stages (`execute-api:/ID/*`)
    scope: str = "arn"


@record
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


@record
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
    # Cognito's UserPoolName pattern: `[\w\s+=,.@-]+`.
    "userpool": NameRule(
        "a Cognito user pool name",
        1,
        128,
        r"\w\s+=,.@-",
        "letters, digits, spaces and `_ + = , . @ -`",
    ),
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

# No event silently lost (docs/language.md, "Delivery and failures"): the defaults of
# every asynchronous edge. EventBridge retries a target for up to 24 hours and 185
# times (its own maximum, spelled out so every target states it); a stream mapping
# retries a failing batch 3 times, halving it each time (`bisect`), and skips records
# older than a day (the stream's own retention) instead of blocking the shard; Lambda
# retries an asynchronous invocation twice over at most 6 hours. What still fails goes
# to the consumer's dead-letter queue `NAME_dlq` (or the edge's `dead_letter`).
RULE_RETRIES = 185
RULE_MAX_AGE = DAY
STREAM_RETRIES = 3
STREAM_MAX_AGE = DAY
ASYNC_RETRIES = 2
ASYNC_MAX_AGE = 6 * HOUR
DLQ_RETENTION = 14 * DAY
# Where a function's asynchronous invocations may report (Lambda destinations).
DESTINATION_KINDS = ("queue", "topic", "bus", "function")
# The options of the edges EventBridge delivers (bucket, bus and schedule events).
RULE_OPTIONS: tuple[Attr, ...] = (
    Attr("retries", "number", RULE_RETRIES, low=0, high=185, integer=True),
    Attr("max_age", "duration", RULE_MAX_AGE, low=60, high=DAY),
    Attr("dead_letter", "resource", kinds=("queue",), doc="a standard queue"),
)


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
                    since=tuple(RUNTIME_DATES.items()),
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
                Attr("on_success", "resource", kinds=DESTINATION_KINDS),
                Attr("on_failure", "resource", kinds=DESTINATION_KINDS),
                Attr("retries", "number", ASYNC_RETRIES, low=0, high=2, integer=True),
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
                    options=RULE_OPTIONS,
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
                        Attr("max_concurrency", "number", low=2, high=1000, integer=True),
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
                    options=(Attr("dead_letter", "resource", kinds=("queue",), doc="a queue"),),
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
                        Attr("start", "word", "latest", choices=("latest", "trim_horizon")),
                        Attr("retries", "number", STREAM_RETRIES, low=0, high=10000, integer=True),
                        Attr("max_age", "duration", STREAM_MAX_AGE, low=60, high=7 * DAY),
                        Attr("bisect", "bool", True),
                        Attr("on_failure", "resource", kinds=("queue", "topic")),
                        Attr("filter", "filters", doc="which records reach the function"),
                    ),
                    doc="an item changes (needs `stream = true`)",
                ),
            ),
        ),
        Kind(
            "api",
            "Amazon API Gateway HTTP API",
            attrs=(
                Attr("cors", "bool", False, doc="`true`: any origin; or a `cors { }` block"),
                Attr(
                    "auth",
                    "auth",
                    doc="a userpool, `jwt { issuer, audience }` or `iam`; routes may say `none`",
                ),
                _name("api"),
            ),
            blocks=("throttle", "cors"),
            exposes=("url", "id"),
            operations={
                "invoke": Operation(
                    "call its routes (what `auth = iam` routes ask of a caller)",
                    ("execute-api:Invoke",),
                    "api",
                )
            },
        ),
        Kind(
            "userpool",
            "Amazon Cognito user pool with an app client",
            attrs=(Attr("retain", "bool", True), _name("userpool")),
            exposes=("id", "arn", "client_id", "issuer"),
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
            events=(
                Event(
                    "tick",
                    ("function", "queue", "workflow", "container"),
                    options=RULE_OPTIONS,
                    doc="it fires",
                ),
            ),
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
                    options=RULE_OPTIONS,
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
                Attr("logging", "bool", False, doc="execution history in CloudWatch Logs"),
                Attr("tracing", "bool", False, doc="X-Ray tracing"),
            ),
            exposes=("name", "arn"),
            operations={
                "start": Operation("start an execution", ("states:StartExecution",)),
                # IAM's reference lists no resource type for these, but Step Functions
                # authorizes them against the state machine the token belongs to (an
                # AccessDenied names it), so the grant is scoped to that machine.
                "callback": Operation(
                    "answer its callback tasks (send success, failure, heartbeat)",
                    (
                        "states:SendTaskFailure",
                        "states:SendTaskHeartbeat",
                        "states:SendTaskSuccess",
                    ),
                ),
            },
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
            attrs=(
                Attr("description", "string", empty=True),
                Attr("value", "string", doc="a `secret` param: the secret holds its value"),
                _name("secret"),
            ),
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
# `cors { ... }` on an api (API Gateway's CorsConfiguration; max_age 0..86400 seconds).
CORS_ATTRS: tuple[Attr, ...] = (
    Attr("origins", "list", ("*",), doc='like `["https://shop.example"]`'),
    Attr("methods", "list", ("*",), doc='like `["GET", "POST"]`'),
    Attr("headers", "list", ("*",), doc='like `["content-type"]`'),
    Attr("max_age", "duration", low=0, high=DAY),
)
# `auth = jwt { ... }`: any OpenID Connect issuer.
JWT_ATTRS: tuple[Attr, ...] = (
    Attr("issuer", "string", required=True, doc='an https URL, like `"https://auth.example"`'),
    Attr("audience", "list", required=True, doc='the accepted audiences, like `["my-app"]`'),
)
# `auth = iam` and `auth = none`: the words `auth` takes besides a userpool and `jwt { }`.
AUTH_WORDS = ("iam", "none")
# Options of a route, `-> target { ... }`, and the target kinds each is valid for.
ROUTE_OPTIONS: tuple[Attr, ...] = (
    Attr("auth", "auth", doc="`none`, or another authorizer than the api's"),
    Attr("sync", "bool", False, doc="an Express workflow answers the request"),
    Attr("group", "string", doc="a FIFO queue's message group"),
    Attr("source", "string", doc="the event's source on a bus"),
    Attr("detail_type", "string", doc="the event's detail type on a bus"),
)
ROUTE_OPTION_KINDS: dict[str, tuple[str, ...]] = {
    "auth": ("function", "queue", "workflow", "bus"),
    "sync": ("workflow",),
    "group": ("queue",),
    "source": ("bus",),
    "detail_type": ("bus",),
}
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
# Every kind a step's verb may name: `invoke` also calls a model (Bedrock).
STEP_TARGETS: dict[str, tuple[str, ...]] = {
    verb: (kind, "model") if verb == "invoke" else (kind,) for verb, kind in STEP_KINDS.items()
}
_INPUT = Attr("input", "map", doc="the task's input: `{ key = $.path, n = 1 }`")
# The options a task takes besides TASK_OPTIONS, by the kind of its target.
TASK_KIND_OPTIONS: dict[str, tuple[Attr, ...]] = {
    "function": (
        _INPUT,
        Attr("callback", "bool", False, doc="wait for SendTaskSuccess (`.waitForTaskToken`)"),
        Attr("heartbeat", "duration", low=1, high=365 * DAY, doc="callbacks: the longest silence"),
    ),
    "model": (Attr("body", "map", doc="the request body: `{ prompt = $.text }`"),),
    "container": (),
    "queue": (_INPUT,),
    "topic": (_INPUT,),
    "bus": (_INPUT,),
}
TASK_KIND_BLOCKS: dict[str, tuple[str, ...]] = {"container": ("env",)}
# What a callback task's function receives: the input and the token to answer with.
CALLBACK_INPUT_KEY = "input"
CALLBACK_TOKEN_KEY = "task_token"

# The context object's fields (Step Functions developer guide, "Accessing execution data
# from the Context object", checked 2026-02). `$$.Map.Item` exists only in a Map
# state's ItemSelector, which the compiler doesn't write; paths go deeper only
# into the execution's input.
CONTEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "Execution": ("Id", "Input", "Name", "RoleArn", "StartTime", "RedriveCount", "RedriveTime"),
    "State": ("EnteredTime", "Name", "RetryCount"),
    "StateMachine": ("Id", "Name"),
    "Task": ("Token",),
}
# The errors Step Functions itself raises ("Error handling in Step Functions").
STATES_ERRORS = (
    "States.ALL",
    "States.DataLimitExceeded",
    "States.ExceedToleratedFailureThreshold",
    "States.HeartbeatTimeout",
    "States.Http.Socket",
    "States.IntrinsicFailure",
    "States.ItemReaderFailed",
    "States.NoChoiceMatched",
    "States.ParameterPathFailure",
    "States.Permissions",
    "States.QueryEvaluationError",
    "States.ResultPathMatchFailure",
    "States.ResultWriterFailed",
    "States.Runtime",
    "States.TaskFailed",
    "States.Timeout",
)
# `States.Runtime` and `States.DataLimitExceeded` end the execution: no catcher sees them.
UNCATCHABLE_ERRORS = ("States.Runtime", "States.DataLimitExceeded")
