"""What the plan is made of: nodes with typed props, one props class per node type.

Each props class is the whole contract between the plan and the targets for its node
type: its fields are what every target's template (`p.<field>`) and emitter may read,
and ATTRIBUTES are the plan attributes (`Ref(node, "arn")`) its nodes expose, which
each target's ATTRIBUTES table spells. tests/test_plan_contract.py holds the targets
to it: no template reads a field that doesn't exist, and no field goes unread.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from .. import model as m
from ..diagnostics import Diagnostic
from ..records import field, record
from ..source import Span
from .assets import Asset
from .iam import Statement
from .values import Az, Value


class Props:
    """The typed settings of one node; a subclass per node type, each a frozen
    dataclass (a `@record`). This base holds no fields, so it is no dataclass itself:
    a subclass has no frozen base to match, which keeps `@record` on its fast path."""

    TYPE: ClassVar[str]  # function, role, log_group, ... (one template per type and target)
    ATTRIBUTES: ClassVar[frozenset[str]] = frozenset()  # what `Ref(node, attr)` may read


PROPS: dict[str, type[Props]] = {}  # node type -> its props class
_P = TypeVar("_P", bound=Props)


def _props(cls: type[_P]) -> type[_P]:
    PROPS[cls.TYPE] = cls
    return cls


# ---------------------------------------------------------------- functions and logs


@_props
@record
class FunctionProps(Props):
    TYPE = "function"
    ATTRIBUTES = frozenset({"arn", "name"})
    name: Value
    handler: str
    runtime: str
    memory: int  # MiB
    timeout: int  # seconds
    arch: str  # x86_64 | arm64
    concurrency: int | None
    env: dict[str, Value]
    role: Value
    log_group: Value
    asset: Asset  # the code; its zip is named once the packaging stage has run
    tracing: bool = False  # X-Ray active tracing
    layers: tuple[str, ...] = ()  # layer version ARNs
    storage: int = 512  # ephemeral /tmp, MiB
    subnets: tuple[Value, ...] = ()  # `vpc = true`: where its network interfaces go
    security_groups: tuple[Value, ...] = ()


@_props
@record
class FunctionUrlProps(Props):
    TYPE = "function_url"
    ATTRIBUTES = frozenset({"url"})
    function: Value  # the function's ARN
    auth: str  # NONE | AWS_IAM


@_props
@record
class LogGroupProps(Props):
    TYPE = "log_group"
    # `streams_arn`: its log streams (`...:log-group:NAME:*`), what a writer is granted.
    ATTRIBUTES = frozenset({"arn", "name", "streams_arn"})
    name: Value
    retention_days: int


@_props
@record
class RoleProps(Props):
    TYPE = "role"
    ATTRIBUTES = frozenset({"arn"})
    service: str
    statements: tuple[Statement, ...] = ()  # filled in once every edge has granted


# ---------------------------------------------------------------- storage and messaging


@_props
@record
class BucketProps(Props):
    TYPE = "bucket"
    ATTRIBUTES = frozenset({"arn", "name"})
    name: Value  # None: the target generates one
    # `PREFIX-NAME` a generated name starts with (None when the prefix has params);
    # a target that takes a name prefix cuts it to its own limit.
    name_stem: str | None
    versioned: bool
    public: bool
    expire_days: int | None
    eventbridge: bool  # the bucket sends its events to EventBridge
    abort_uploads_days: int


@_props
@record
class BucketPolicyProps(Props):
    TYPE = "bucket_policy"
    bucket: Value
    statements: tuple[Statement, ...]


@_props
@record
class QueueProps(Props):
    TYPE = "queue"
    ATTRIBUTES = frozenset({"arn", "url", "name"})
    name: Value
    fifo: bool  # FIFO senders set no deduplication id: content-based deduplication
    max_message_size: int
    visibility_timeout: int
    retention: int
    delay: int
    encrypted: bool
    dlq: Value  # the dead-letter queue's ARN, or None
    max_receives: int | None


@_props
@record
class QueuePolicyProps(Props):
    TYPE = "queue_policy"
    target: Value
    statements: tuple[Statement, ...]


@_props
@record
class TopicProps(Props):
    TYPE = "topic"
    ATTRIBUTES = frozenset({"arn", "name"})
    name: Value
    fifo: bool


@_props
@record
class TopicPolicyProps(Props):
    TYPE = "topic_policy"
    target: Value
    statements: tuple[Statement, ...]


@_props
@record
class SubscriptionProps(Props):
    TYPE = "subscription"
    topic: Value
    protocol: str  # lambda | sqs
    endpoint: Value
    filter_policy: dict[str, list[Any]] | None  # attribute -> its tests (patterns.rule)
    raw: bool
    dead_letter: Value = None  # the redrive queue's ARN: what SNS could not deliver


@_props
@record
class TableProps(Props):
    TYPE = "table"
    ATTRIBUTES = frozenset({"arn", "name", "stream_arn"})
    name: Value
    key: m.TableKey
    sort: m.TableKey | None
    indexes: tuple[m.TableIndex, ...]
    ttl: str | None
    stream: bool
    pitr: bool
    attributes: tuple[m.TableKey, ...]  # every key attribute once, by name


@_props
@record
class SecretProps(Props):
    TYPE = "secret"
    ATTRIBUTES = frozenset({"arn", "name"})
    name: Value
    description: Value
    value: Value = None  # a secret param's value; None: a generated one


# ---------------------------------------------------------------- identity


@_props
@record
class UserPoolProps(Props):
    """A Cognito user pool: users sign in with their e-mail address, which Cognito
    verifies; they recover their account through it."""

    TYPE = "user_pool"
    ATTRIBUTES = frozenset({"id", "arn"})
    name: Value


@_props
@record
class UserPoolClientProps(Props):
    """The pool's app client: a public one (no secret), for browsers and apps."""

    TYPE = "user_pool_client"
    ATTRIBUTES = frozenset({"id"})
    name: Value
    pool: Value


# ---------------------------------------------------------------- events


@_props
@record
class BusProps(Props):
    TYPE = "bus"
    ATTRIBUTES = frozenset({"arn", "name"})
    name: Value


@record
class EcsTarget:
    """A rule target that runs a Fargate task."""

    task_definition: Value
    subnets: tuple[Value, ...]
    security_groups: tuple[Value, ...]
    public_ip: str  # ENABLED | DISABLED


@record
class RuleTarget:
    id: str
    arn: Value
    role: Value = None  # the role EventBridge assumes (workflows, tasks)
    ecs: EcsTarget | None = None
    message_group: str | None = None  # FIFO queues
    retries: int | None = None  # delivery attempts after the first
    max_age: int | None = None  # seconds EventBridge keeps trying
    dead_letter: Value = None  # the queue's ARN for what it could not deliver


@_props
@record
class RuleProps(Props):
    TYPE = "rule"
    ATTRIBUTES = frozenset({"arn"})
    name: Value
    description: str
    schedule: str | None  # rate(...) or cron(...)
    pattern: dict[str, Any] | None
    bus: Value  # None: the default bus
    enabled: bool
    targets: tuple[RuleTarget, ...] = ()


@_props
@record
class PermissionProps(Props):
    TYPE = "permission"
    function: Value
    principal: str
    source_arn: Value
    source_account: Value
    action: str = "lambda:InvokeFunction"
    url_auth: str | None = None  # lambda:InvokeFunctionUrl: the URL's auth type (NONE)
    via_url: bool = False  # lambda:InvokeFunction only through the function's URL


@_props
@record
class EventSourceMappingProps(Props):
    TYPE = "event_source_mapping"
    function: Value
    source_arn: Value
    batch: int
    window: int
    starting_position: str | None
    report_failures: bool
    retries: int | None = None  # streams: attempts per batch, then on to `on_failure`
    max_age: int | None = None  # streams: seconds; older records are skipped
    bisect: bool = False  # streams: split a failing batch in two and retry each half
    on_failure: Value = None  # streams: the queue's or topic's ARN for skipped records
    max_concurrency: int | None = None  # queues: concurrent invocations at most
    filter_pattern: str | None = None  # Lambda's FilterCriteria pattern (JSON), or None


@_props
@record
class EventInvokeConfigProps(Props):
    """How Lambda retries a function's asynchronous invocations, and where it reports."""

    TYPE = "event_invoke_config"
    function: Value
    retries: int
    max_age: int  # seconds
    on_success: Value  # a destination's ARN, or None
    on_failure: Value


@_props
@record
class AlarmProps(Props):
    """A CloudWatch alarm on one metric: over `threshold` in one `period` notifies
    `actions`; missing data (an idle function) is not breaching."""

    TYPE = "alarm"
    ATTRIBUTES = frozenset({"arn"})
    name: Value
    description: str
    namespace: str
    metric: str
    dimensions: dict[str, Value]
    statistic: str  # Sum | Maximum
    period: int  # seconds
    threshold: int
    actions: tuple[Value, ...]


@_props
@record
class PipeProps(Props):
    """An EventBridge pipe from a queue or a table stream to a state machine: each batch
    starts one execution (its input: the batch's records), no function between."""

    TYPE = "pipe"
    name: Value
    role: Value
    source: Value  # the queue's ARN, or the table's stream ARN
    source_kind: str  # sqs | dynamodb
    batch: int
    window: int  # seconds
    starting_position: str | None  # streams: LATEST
    filter_pattern: str | None  # the same FilterCriteria pattern as a mapping's
    target: Value  # the state machine's ARN
    # streams, as a mapping's: attempts per batch, skipped past `max_age` seconds, a
    # failing batch halved (AUTOMATIC_BISECT), skipped records sent to `dead_letter`
    retries: int | None = None
    max_age: int | None = None
    bisect: bool = False
    dead_letter: Value = None


# ---------------------------------------------------------------- HTTP APIs


@_props
@record
class HttpApiProps(Props):
    TYPE = "http_api"
    # `execution_arn`: `arn:...:execute-api:REGION:ACCOUNT:ID`, what invoke permissions name.
    ATTRIBUTES = frozenset({"id", "url", "execution_arn"})
    name: Value
    cors: m.Cors | None  # `cors = true`: every field `*`


@_props
@record
class ApiAuthorizerProps(Props):
    """A JWT authorizer: a userpool's (its issuer, its client as the audience) or any
    OpenID Connect issuer's. Tokens come in the Authorization header."""

    TYPE = "api_authorizer"
    ATTRIBUTES = frozenset({"id"})
    api: Value
    name: str
    issuer: Value
    audience: tuple[Value, ...]
    identity_source: str


@_props
@record
class ApiStageProps(Props):
    TYPE = "api_stage"
    api: Value
    rate: float
    burst: int
    access_logs: Value
    access_log_format: str


@_props
@record
class ApiIntegrationProps(Props):
    TYPE = "api_integration"
    ATTRIBUTES = frozenset({"id"})
    api: Value
    type: str
    subtype: str | None  # a service integration: SQS-SendMessage, ...
    uri: Value  # a function's ARN, or None
    credentials: Value  # the API's role for service integrations, or None
    parameters: dict[str, Value] | None
    payload_version: str


@_props
@record
class ApiRouteProps(Props):
    TYPE = "api_route"
    api: Value
    key: str
    target: Value
    authorization: str = "NONE"  # NONE | JWT | AWS_IAM
    authorizer: Value = None  # the JWT authorizer's id


# ---------------------------------------------------------------- workflows and containers


@_props
@record
class StateMachineProps(Props):
    TYPE = "state_machine"
    ATTRIBUTES = frozenset({"arn", "name"})
    name: Value
    type: str  # STANDARD | EXPRESS
    definition: dict[str, Any]  # States Language, plan values where references are
    role: Value
    # Execution history in CloudWatch Logs (Express workflows keep none of their own):
    # the log group's ARN with its `:*` (what Step Functions asks for), or None.
    log_group: Value = None
    tracing: bool = False  # X-Ray


@_props
@record
class ClusterProps(Props):
    TYPE = "cluster"
    ATTRIBUTES = frozenset({"arn", "name"})
    name: Value


@_props
@record
class TaskDefinitionProps(Props):
    TYPE = "task_definition"
    ATTRIBUTES = frozenset({"arn", "name"})
    family: Value
    cpu: int
    memory: int  # MiB
    arch: str  # X86_64 | ARM64
    container: str
    image: Value
    command: tuple[Value, ...] | None
    env: dict[str, Value]
    log_group: Value
    region: Value
    task_role: Value
    execution_role: Value
    # The root file system is read-only; this path is a writable scratch volume (the
    # task's ephemeral storage), so a tool that writes temporary files still works.
    scratch: str = "/tmp"


@_props
@record
class VpcProps(Props):
    TYPE = "vpc"
    ATTRIBUTES = frozenset({"id"})
    cidr: str


@_props
@record
class InternetGatewayProps(Props):
    TYPE = "internet_gateway"
    ATTRIBUTES = frozenset({"id"})


@_props
@record
class VpcGatewayAttachmentProps(Props):
    TYPE = "vpc_gateway_attachment"
    vpc: Value
    gateway: Value


@_props
@record
class RouteTableProps(Props):
    TYPE = "route_table"
    ATTRIBUTES = frozenset({"id"})
    vpc: Value


@_props
@record
class RouteProps(Props):
    TYPE = "route"
    route_table: Value
    gateway: Value


@_props
@record
class SubnetProps(Props):
    TYPE = "subnet"
    ATTRIBUTES = frozenset({"id"})
    vpc: Value
    cidr: str
    az: Az


@_props
@record
class SubnetRouteTableAssociationProps(Props):
    TYPE = "subnet_route_table_association"
    subnet: Value
    route_table: Value


@record
class Egress:
    description: str
    protocol: str
    port: int
    cidr: str


@_props
@record
class SecurityGroupProps(Props):
    TYPE = "security_group"
    ATTRIBUTES = frozenset({"id"})
    vpc: Value
    description: str
    egress: tuple[Egress, ...]
    ingress: tuple[Egress, ...] = ()  # the same shape: from `cidr` on `port`


@_props
@record
class VpcEndpointProps(Props):
    """A gateway endpoint (S3, DynamoDB: routes in `route_tables`) or an interface
    endpoint (one network interface per subnet, private DNS on)."""

    TYPE = "vpc_endpoint"
    vpc: Value
    service: Value  # com.amazonaws.REGION.sqs
    kind: str  # Gateway | Interface
    route_tables: tuple[Value, ...] = ()
    subnets: tuple[Value, ...] = ()
    security_groups: tuple[Value, ...] = ()


@_props
@record
class FlowLogProps(Props):
    TYPE = "flow_log"
    vpc: Value
    log_group: Value
    log_group_arn: Value
    role: Value


# ---------------------------------------------------------------- the plan


@record(frozen=False, eq=False)
class Node:
    """One resource of the output, in target-neutral terms."""

    id: str  # the logical ID every target uses
    props: Props  # its type's settings; the type names its template
    source: Span | None
    label: str  # what the source comment says: `function resize`
    retain: bool = False
    tags: bool = True  # takes the app's tags
    depends_on: list[str] = field(default_factory=list)

    @property
    def type(self) -> str:
        return self.props.TYPE


@record
class PlanParam:
    name: str
    id: str
    type: str  # string, number, bool
    default: Any
    description: str = ""  # its declaration as written: what the targets describe it with


@record
class Output:
    name: str
    id: str
    value: Value
    source: Span | None
    description: str = ""  # its declaration as written: what the targets describe it with


@record(frozen=False)
class Plan:
    app: str
    region: str
    tags: dict[str, str]
    nodes: list[Node]
    params: list[PlanParam]
    outputs: list[Output]
    assets: list[Asset]  # one per function, zipped by the packaging stage (iac/package.py)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # What every generated name starts with (`PREFIX-NAME`): a string, or a Sub of params.
    name_prefix: Value = None

    def node(self, node_id: str) -> Node:
        return self._index[node_id]

    @property
    def _index(self) -> dict[str, Node]:
        return {n.id: n for n in self.nodes}

    def of_type(self, *types: str) -> list[Node]:
        return [n for n in self.nodes if n.type in types]
