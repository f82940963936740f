"""Terraform HCL: the plan spelled as hashicorp/aws resources and expressions."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from json import loads
from typing import Any

from ..names import kebab, logical_id, physical
from ..plan import Plan
from ..plan.iam import document
from ..plan.model import Node, TaskDefinitionProps
from ..plan.values import Az, Json, Param, Pseudo, Ref, Sub, Value
from ..records import record
from .base import Rendered, Target, render_with, source_comment
from .compiled import Template
from .hcl_text import align, attributes, hcl_key, hcl_str, template_text

# The main resource type of each plan node type; its name is the snake_case logical ID.
TYPES: dict[str, str] = {
    "function": "aws_lambda_function",
    "role": "aws_iam_role",
    "log_group": "aws_cloudwatch_log_group",
    "queue": "aws_sqs_queue",
    "queue_policy": "aws_sqs_queue_policy",
    "topic": "aws_sns_topic",
    "topic_policy": "aws_sns_topic_policy",
    "subscription": "aws_sns_topic_subscription",
    "table": "aws_dynamodb_table",
    "bucket": "aws_s3_bucket",
    "bucket_policy": "aws_s3_bucket_policy",
    "secret": "aws_secretsmanager_secret",
    "bus": "aws_cloudwatch_event_bus",
    "rule": "aws_cloudwatch_event_rule",
    "permission": "aws_lambda_permission",
    "function_url": "aws_lambda_function_url",
    "alarm": "aws_cloudwatch_metric_alarm",
    "pipe": "aws_pipes_pipe",
    "event_source_mapping": "aws_lambda_event_source_mapping",
    "event_invoke_config": "aws_lambda_function_event_invoke_config",
    "http_api": "aws_apigatewayv2_api",
    "api_authorizer": "aws_apigatewayv2_authorizer",
    "user_pool": "aws_cognito_user_pool",
    "user_pool_client": "aws_cognito_user_pool_client",
    "api_stage": "aws_apigatewayv2_stage",
    "api_integration": "aws_apigatewayv2_integration",
    "api_route": "aws_apigatewayv2_route",
    "state_machine": "aws_sfn_state_machine",
    "cluster": "aws_ecs_cluster",
    "task_definition": "aws_ecs_task_definition",
    "vpc": "aws_vpc",
    "internet_gateway": "aws_internet_gateway",
    # A separate attachment, as in the plan: the route waits for it by name.
    "vpc_gateway_attachment": "aws_internet_gateway_attachment",
    "route_table": "aws_route_table",
    "route": "aws_route",
    "subnet": "aws_subnet",
    "subnet_route_table_association": "aws_route_table_association",
    "security_group": "aws_security_group",
    "flow_log": "aws_flow_log",
    "vpc_endpoint": "aws_vpc_endpoint",
}
# How a node's attribute is read: (node type, plan attribute) -> resource attribute.
ATTRIBUTES: dict[tuple[str, str], str] = {
    ("function", "arn"): "arn",
    ("function", "name"): "function_name",
    ("function_url", "url"): "function_url",
    ("alarm", "arn"): "arn",
    ("role", "arn"): "arn",
    ("log_group", "name"): "name",
    ("log_group", "arn"): "arn",  # without CloudFormation's `:*`
    ("log_group", "streams_arn"): "arn",  # and `:*`: see BUILT
    ("queue", "arn"): "arn",
    ("queue", "url"): "url",
    ("queue", "name"): "name",
    ("topic", "arn"): "arn",
    ("topic", "name"): "name",
    ("table", "arn"): "arn",
    ("table", "name"): "name",
    ("table", "stream_arn"): "stream_arn",
    ("bucket", "arn"): "arn",
    ("bucket", "name"): "bucket",
    ("secret", "arn"): "arn",
    ("secret", "name"): "name",
    ("bus", "arn"): "arn",
    ("bus", "name"): "name",
    ("rule", "arn"): "arn",
    ("http_api", "id"): "id",
    ("api_authorizer", "id"): "id",
    ("user_pool", "id"): "id",
    ("user_pool", "arn"): "arn",
    ("user_pool_client", "id"): "id",
    ("http_api", "url"): "api_endpoint",
    ("http_api", "execution_arn"): "execution_arn",
    ("api_integration", "id"): "id",
    ("state_machine", "arn"): "arn",
    ("state_machine", "name"): "name",
    ("cluster", "arn"): "arn",
    ("cluster", "name"): "name",
    ("task_definition", "arn"): "arn",
    ("task_definition", "name"): "family",
    ("vpc", "id"): "id",
    ("internet_gateway", "id"): "id",
    ("route_table", "id"): "id",
    ("subnet", "id"): "id",
    ("security_group", "id"): "id",
}
# Lambda runtimes the oldest provider the configuration admits (5.100, versions.tf:
# `>= 5.100, < 7.0`) refuses in its `runtime` validation: a configuration must work
# with every version it admits, and these would not with 5.x.
PROVIDER_LACKS_RUNTIMES = frozenset({"python3.14", "nodejs24.x", "java25", "dotnet10"})
# Attributes the provider has no attribute for, built from one it has.
BUILT: dict[tuple[str, str], Callable[[str], Value]] = {
    ("log_group", "streams_arn"): lambda node: Sub.of(Ref(node, "arn"), ":*"),
}
# The data source each pseudo value is read from, and its attribute. The region is the
# provider's, `var.region` (no `aws_region` data source: provider 6 deprecates its `name`).
PSEUDO: dict[str, tuple[str, str]] = {
    "account": ("aws_caller_identity", "account_id"),
    "partition": ("aws_partition", "partition"),
    "url_suffix": ("aws_partition", "dns_suffix"),
}
REGION_VARIABLE = "region"
# Every data source the configuration may read, in the order main.tf lists them:
# type -> (name, arguments).
DATA_SOURCES: dict[str, tuple[str, dict[str, str]]] = {
    "aws_caller_identity": ("current", {}),
    "aws_partition": ("current", {}),
    # Zones that can take new subnets now, like CloudFormation's Fn::GetAZs.
    "aws_availability_zones": ("available", {"state": "available"}),
}
# Roles are ready only once their inline policy is: depend on that (a role that
# grants nothing has none; IAM refuses a policy without statements).
DEPENDENCY_TYPES = {"role": "aws_iam_role_policy"}
INLINE_LIMIT = 80
BUCKET_PREFIX_LIMIT = 37  # the provider's limit on `bucket_prefix`
# Names Terraform refuses for a variable (meta-arguments of module blocks; checked
# against `terraform validate` 1.11). A param of such a name is spelled with a
# trailing `_`: no other param can take that spelling, since `version` and
# `version_` would share the logical ID `Version` (E104).
# `region` is the configuration's own variable (the provider's region).
RESERVED_VARIABLES = frozenset(
    {"count", "depends_on", "for_each", "lifecycle", "locals", "provider", "providers",
     "source", "version", REGION_VARIABLE}
)  # fmt: skip
# The end of an address that repeats its resource type (`aws_iam_role.place_order`,
# not `place_order_role`), dropped where that leaves a name no other resource of the
# type has.
TYPE_SUFFIXES: dict[str, str] = {
    "role": "_role",
    "log_group": "_log_group",
    "queue_policy": "_policy",
    "topic_policy": "_policy",
    "bucket_policy": "_policy",
    "permission": "_permission",
    "api_integration": "_integration",
    "api_stage": "_stage",
    "internet_gateway": "_internet_gateway",
    "vpc_gateway_attachment": "_gateway_attachment",
    "route_table": "_route_table",
    "route": "_route",
    "subnet_route_table_association": "_route_table_association",
    "security_group": "_security_group",
    "flow_log": "_flow_log",
}
ROLE_PREFIX_LIMIT = 38  # IAM's limit on a role's `name_prefix` (64 less the suffix)
PREFIX_PART = 20  # of a role's name_prefix, the app's prefix (`local.role_prefix`)


def variable_name(param: str) -> str:
    """The Terraform variable of a param: its own name unless Terraform reserves it."""
    return param + "_" if param in RESERVED_VARIABLES else param


@functools.lru_cache(maxsize=1 << 14)  # a function of its string, asked for every node
def snake(logical: str) -> str:
    """`ThumbnailerRole` -> `thumbnailer_role`: a stable Terraform resource name."""
    return "_".join(_CAMEL.findall(logical)).lower()  # its words, faster than a `sub`


def resource_names(nodes: list[Node]) -> dict[str, str]:
    """Each node's resource name: the program's own name where the node is a resource
    of the program (`project_order_cron_1`, as its comment says), else its snake_case
    logical ID with the program's names in it spelled as the program spells them
    (`program_spelling`), without the end that repeats its type, unless that would give
    two resources of a type one name."""
    names = {n.id: _spelled(n.id, n.label) for n in nodes}
    by_type: dict[str, list[Node]] = {}
    for node in nodes:
        by_type.setdefault(node.type, []).append(node)
    for node_type, group in by_type.items():
        suffix = TYPE_SUFFIXES.get(node_type)
        if suffix is None:
            continue
        short = {n.id: _without(names[n.id], suffix) for n in group}
        if len(set(short.values())) == len(group):  # else the type keeps its full names
            names.update(short)
    return names


@functools.lru_cache(maxsize=1 << 14)
def _spelled(node_id: str, label: str) -> str:
    # A function of the two strings, kept: the language server renders the same nodes
    # on every keystroke, and spelling them all again was a third of a Terraform render.
    return source_name(node_id, label) or program_spelling(node_id, label)


def source_name(node_id: str, label: str) -> str | None:
    """The program's name of the resource a node is (its label `KIND NAME`), if any."""
    words = label.split(" ")
    if len(words) >= 2 and logical_id(words[1]) == node_id and words[1].isidentifier():
        return words[1]
    return None


def program_spelling(node_id: str, label: str) -> str:
    """A node's snake_case logical ID, with the program's names its label cites spelled
    as the program spells them: `NightlyCron1ToNightly` (label `nightly_cron_1.tick ->
    nightly`) is `nightly_cron_1_to_nightly`, not `nightly_cron1_to_nightly`, so the
    address reads as its comment does. A name the logical ID spells the same way
    (`shop_bus`, `ShopBus`) needs nothing: only a `_` before a digit, or a `_` the ID
    drops otherwise, makes them differ."""
    words = _CAMEL.findall(node_id)
    own: dict[tuple[str, ...], str] = {}
    if _SPELLED_APART.search(label):
        for word in re.findall(_PROGRAM_NAME, label):
            lid = logical_id(word)
            if lid and snake(lid) != word:
                own[tuple(_CAMEL.findall(lid))] = word
    if not own:
        return "_".join(words).lower()  # snake(node.id)
    # The names by their first word, longest first: `nightly_cron_1` before `nightly`.
    starting: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(own, key=len, reverse=True):
        starting.setdefault(name[0], []).append(name)
    pieces: list[str] = []
    i = 0
    while i < len(words):
        candidates = starting.get(words[i])
        key: tuple[str, ...] | None = None
        if candidates is not None:
            key = next((k for k in candidates if tuple(words[i : i + len(k)]) == k), None)
        if key is None:
            pieces.append(words[i].lower())
            i += 1
        else:
            pieces.append(own[key])
            i += len(key)
    return "_".join(pieces)


# The words of a logical ID: `NightlyCron1To` -> `Nightly`, `Cron1`, `To`.
_CAMEL = re.compile(r"[A-Z][^A-Z]*|[^A-Z]+")
_PROGRAM_NAME = r"\b[a-z_][a-z0-9_]*\b"  # compiled (by `re`) only for a label that needs it
_SPELLED_APART = re.compile(r"_[0-9_]|\b_|_\b")


def _without(name: str, suffix: str) -> str:
    return name[: -len(suffix)] if name.endswith(suffix) and name != suffix[1:] else name


def _tokens(parts: Any) -> list[Any]:
    """A string's parts as single characters and values, to search in."""
    out: list[Any] = []
    for part in parts:
        out.extend(part) if isinstance(part, str) else out.append(part)
    return out


def _with_prefix(parts: list[Any], prefix: tuple[Any, ...]) -> list[Any]:
    """`NAME_PREFIX` for the prefix where it starts a name: at the start or after a `/`
    (`/aws/lambda/PREFIX-fn`), and followed by `-`. The value is the same either way."""
    tokens, wanted = _tokens(parts), _tokens(prefix)
    out: list[Any] = []
    i = 0
    while i < len(tokens):
        end = i + len(wanted)
        starts = i == 0 or tokens[i - 1] == "/"
        if starts and tokens[i:end] == wanted and end < len(tokens) and tokens[end] == "-":
            out.append(NAME_PREFIX)
            i = end
        else:
            out.append(tokens[i])
            i += 1
    merged: list[Any] = []
    for token in out:
        if isinstance(token, str) and merged and isinstance(merged[-1], str):
            merged[-1] += token
        else:
            merged.append(token)
    return merged


def service_label(service: str) -> str:
    """`lambda.amazonaws.com` -> `lambda`, `ecs-tasks.amazonaws.com` -> `ecs_tasks`."""
    return service.split(".", 1)[0].replace("-", "_")


def container_definitions(p: TaskDefinitionProps) -> list[dict[str, Any]]:
    """A task definition's one container, in ECS's JSON spelling."""
    container: dict[str, Any] = {
        "name": p.container,
        "image": p.image,
        "essential": True,
        "readonlyRootFilesystem": True,
        "mountPoints": [{"sourceVolume": "scratch", "containerPath": p.scratch, "readOnly": False}],
    }
    if p.command:
        container["command"] = list(p.command)
    if p.env:
        container["environment"] = [{"name": k, "value": v} for k, v in p.env.items()]
    container["logConfiguration"] = {
        "logDriver": "awslogs",
        "options": {
            "awslogs-group": p.log_group,
            "awslogs-region": p.region,
            "awslogs-stream-prefix": p.container,
        },
    }
    return [container]


def bucket_prefix(stem: str) -> str:
    """`bucket_prefix` for a bucket whose generated name starts with `stem`: the AWS
    provider takes at most 37 characters, the `-` it is followed by included."""
    return physical("", stem, BUCKET_PREFIX_LIMIT - 1) + "-"


@record
class Local:
    """A Terraform local value: `local.NAME`."""

    name: str


NAME_PREFIX = Local("name_prefix")


class TerraformTarget(Target):
    """Terraform HCL: plan values spelled as expressions over hashicorp/aws resources."""

    name = "terraform"
    suffix = ".tf.j2"
    filters = {
        "hcl_str": hcl_str,
        "policy": lambda statements: document(list(statements)),
        "variable": variable_name,
        "loads": loads,
        "container_definitions": container_definitions,
        "bucket_prefix": bucket_prefix,
    }
    extensions = ("iac.emit.hcl_text.AttributeMarks",)
    method_filters = {
        "v": "expr",
        "json": "json",
        "address": "address",
        "dependency": "dependency",
        "snake": "resource_name",
        "assume_role": "assume_role",
        "role_name_prefix": "role_name_prefix",
    }

    def __init__(self, plan: Plan):
        super().__init__(plan)
        self.data: set[str] = set()  # data sources the configuration reads
        self.missing: list[str] = []  # references no Terraform attribute spells
        self.trusts: set[str] = set()  # services whose assume-role document is read
        self.names = resource_names(plan.nodes)
        self.lines: dict[int, str] = {}  # see `source_comment`
        # A prefix with params is `local.name_prefix`; a literal one is written out.
        prefix = plan.name_prefix
        self.prefix_parts: tuple[Any, ...] = prefix.parts if isinstance(prefix, Sub) else ()

    render_effects = ("diagnostics", "data", "missing", "trusts")

    def render_scope(self) -> Any:
        # A node's name can depend on every other of its type (two short names that
        # would meet), and every name on the prefix.
        return (self.plan.name_prefix, self.names)

    # -- references
    def resource_name(self, node_id: str) -> str:
        return self.names[node_id]

    def address(self, node_id: str) -> str:
        node = self.nodes[node_id]
        return f"{TYPES[node.type]}.{self.names[node.id]}"

    def dependency(self, node_id: str) -> str:
        node = self.nodes[node_id]
        kind = TYPES[node.type]
        if node.type in DEPENDENCY_TYPES and getattr(node.props, "statements", None):
            kind = DEPENDENCY_TYPES[node.type]
        return f"{kind}.{self.names[node.id]}"

    def assume_role(self, service: str) -> str:
        """The shared assume-role document of a service's roles (a data source)."""
        self.trusts.add(service)
        return f"data.aws_iam_policy_document.{service_label(service)}_assume_role.json"

    def role_name_prefix(self, node: Node) -> str:
        """A role's `name_prefix`: the app's prefix and the role's own name, so that
        IAM's console says whose role it is (IAM adds a unique suffix)."""
        own = kebab(_without(snake(node.id), "_role"))
        if self.prefix_parts:
            room = ROLE_PREFIX_LIMIT - PREFIX_PART - 2  # the two `-`
            return '"${local.role_prefix}-' + physical("", own, room) + '-"'
        prefix = self.plan.name_prefix
        assert isinstance(prefix, str)
        return hcl_str(physical(prefix, own, ROLE_PREFIX_LIMIT - 1) + "-")

    def data_source(self, source: str) -> str:
        """`data.TYPE.NAME` for one of DATA_SOURCES, which main.tf then declares."""
        self.data.add(source)
        return f"data.{source}.{DATA_SOURCES[source][0]}"

    def reference(self, value: Ref | Param | Pseudo | Local) -> str:
        """A bare expression for one reference."""
        if isinstance(value, Ref):
            node = self.nodes.get(value.node)
            kind = node.props.TYPE if node is not None else ""
            key = (kind, value.attr)
            built = BUILT.get(key)
            if built is not None:
                return self.expr(built(value.node))
            spelled = ATTRIBUTES.get(key)
            if spelled is None or kind not in TYPES:
                self.missing.append(f"{value.node}.{value.attr}")
                return "null"
            return f"{TYPES[kind]}.{self.names[value.node]}.{spelled}"
        if isinstance(value, Local):
            return f"local.{value.name}"
        if isinstance(value, Param):
            return f"var.{variable_name(value.name)}"
        if value.name == "region":
            return f"var.{REGION_VARIABLE}"
        source, attr = PSEUDO[value.name]
        return f"{self.data_source(source)}.{attr}"

    def expand(self, parts: tuple[Any, ...]) -> list[Any]:
        """Parts with built attributes joined in (`${aws_...arn}:*`), and the app's
        prefix as `local.name_prefix` where it starts a name."""
        out: list[Any] = []
        for part in parts:
            node = self.nodes.get(part.node) if isinstance(part, Ref) else None
            if node is not None and (node.type, part.attr) in BUILT:
                built = Sub.of(BUILT[(node.type, part.attr)](node.id))
                out.extend(built.parts if isinstance(built, Sub) else (built,))
            else:
                out.append(part)
        return _with_prefix(out, self.prefix_parts) if self.prefix_parts else out

    def template(self, value: Sub, prefix: bool = True) -> str:
        """One quoted string with `${...}` interpolations."""
        parts: list[Any] = []
        chunks = self.expand(value.parts) if prefix else list(value.parts)
        for part in chunks:  # adjacent literals are escaped as one
            if isinstance(part, str) and parts and isinstance(parts[-1], str):
                parts[-1] += part
            else:
                parts.append(part)
        out = []
        for i, part in enumerate(parts):
            if isinstance(part, str):
                text = template_text(part)
                dollars = len(text) - len(text.rstrip("$"))
                if dollars and i + 1 < len(parts):
                    # `$${` would escape the interpolation that follows: interpolate the `$`s.
                    text = text[:-dollars] + '${"' + "$" * dollars + '"}'
                out.append(text)
            else:
                out.append("${" + self.reference(part) + "}")
        return '"' + "".join(out) + '"'

    # -- expressions
    def expr(self, value: Any, indent: int = 2) -> str:
        """An HCL expression; nested lines are indented under column `indent`."""
        # `spell`'s dispatch by the exact type first: most values are plain ones.
        spell = _SPELLERS.get(type(value))
        if spell is not None:
            return spell(self, value, indent)
        return self.spell(value, indent)  # type: ignore[no-any-return]

    def spell_json(self, value: Json, indent: int = 2) -> str:
        return f"jsonencode({self.expr(value.value, indent)})"

    def spell_str(self, value: str, indent: int = 2) -> str:
        return hcl_str(value)

    def spell_ref(self, value: Ref, indent: int = 2) -> str:
        return self.reference(value)

    def spell_param(self, value: Param, indent: int = 2) -> str:
        return self.reference(value)

    def spell_pseudo(self, value: Pseudo, indent: int = 2) -> str:
        return self.reference(value)

    def spell_az(self, value: Az, indent: int = 2) -> str:
        return f"{self.data_source('aws_availability_zones')}.names[{value.index}]"

    def spell_sub(self, value: Sub, indent: int = 2) -> str:
        return self.template(value)

    def locals(self) -> dict[str, str]:
        """main.tf's locals: the name prefix when it holds params."""
        if not self.prefix_parts:
            return {}
        return {
            "name_prefix": self.template(Sub(self.prefix_parts), prefix=False),
            "role_prefix": f"substr(local.name_prefix, 0, {PREFIX_PART})",
        }

    def spell_dict(self, value: dict[str, Any], indent: int = 2) -> str:
        return self._object(value, indent)

    def spell_list(self, value: list[Any], indent: int = 2) -> str:
        return self._list(value, indent)

    def spell_other(self, value: Any, *args: Any) -> str:
        raise TypeError(f"no HCL spelling for {value!r}")

    def _object(self, value: dict[str, Any], indent: int) -> str:
        if not value:
            return "{}"
        inner = indent + 2
        expr = self.expr
        pairs = [
            (hcl_key(str(k)), hcl_str(v) if type(v) is str else expr(v, inner))
            for k, v in value.items()
        ]
        # Aligned as it is spelled: the entries' keys and one-line values are known here.
        lines = attributes(" " * inner, pairs)
        return "{\n" + "\n".join(lines) + "\n" + " " * indent + "}"

    def _list(self, items: list[Any], indent: int) -> str:
        # Spelled once, at the indent of the multi-line form: a value that fits on one
        # line is spelled the same at any indent, and one that fits at `indent + 2`
        # fits at `indent`.
        expr, inner = self.expr, indent + 2
        spelled = [hcl_str(v) if type(v) is str else expr(v, inner) for v in items]
        text = "[" + ", ".join(spelled) + "]"
        if len(text) + indent <= INLINE_LIMIT and not any("\n" in v for v in spelled):
            return text
        pad = " " * (indent + 2)
        return "[\n" + "".join(f"{pad}{v},\n" for v in spelled) + " " * indent + "]"

    def json(self, value: Any, indent: int = 2) -> str:
        return self.expr(Json(value), indent)

    # -- the configuration
    def moved(self, blocks: dict[str, str]) -> list[tuple[str, str]]:
        """`moved` blocks from the addresses iac 1.0 wrote (`aws_iam_role.x_role`,
        `aws_cloudwatch_event_rule.cron1`), so a state applied before keeps its log
        groups, queues, tables and permissions at their new addresses: every resource a
        node's block declares under a name that starts with the node's new name had its
        old name there instead. (Roles move too, but are then replaced: 1.0 named them,
        this version gives them a `name_prefix`; a role holds no data.)"""
        out = []
        for node in self.plan.nodes:
            old, new = snake(node.id), self.names[node.id]
            if old == new or node.id not in blocks:
                continue
            for kind, name in _declared(blocks[node.id]):
                if name.startswith(new):
                    out.append((f"{kind}.{old}{name[len(new) :]}", f"{kind}.{name}"))
        return out

    def block(self, node: Node) -> str | None:
        if getattr(node.props, "via_url", False):
            # Public function URLs need `InvokedViaFunctionUrl` (October 2025), which the
            # 5.x providers the configuration admits can't write; without it the URL
            # answers 403, and granting invoke to everyone would be far wider.
            self.unsupported(node, "a public function URL (`url = true`); use `url = iam`")
            return None
        template = self.node_template(node)
        if template is None:
            return None
        body = self.render_template(
            template,
            node=node,
            p=node.props,
            name=self.names[node.id],
            comment="# " + source_comment(node.source, node.label, self.lines),
        )
        # Aligned here, once per block (and kept by the render cache): main.tf puts a
        # blank line around every block, and a blank line ends every run of `=`.
        return align(body.strip("\n"))

    def render(self) -> Rendered:
        out = Rendered(diagnostics=self.diagnostics)
        by_node = {
            n.id: b for n in self.plan.nodes if (b := self.cached(n, self.block)) is not None
        }
        blocks = list(by_node.values())
        plan = self.plan
        outputs = [
            {
                "comment": "# " + source_comment(o.source, f"output {o.name}"),
                "name": o.name,
                "value": self.expr(o.value, 2),
                "description": o.description,
            }
            for o in plan.outputs
        ]
        locals_ = self.locals()
        for missing in sorted(set(self.missing)):
            self.unsupported(None, f"the reference `{missing}`")
        for node in self.plan.of_type("function"):
            runtime = getattr(node.props, "runtime", "")
            if runtime in PROVIDER_LACKS_RUNTIMES:
                self.unsupported(
                    node,
                    f"the runtime `{runtime}`: the hashicorp/aws 5.x providers the "
                    "configuration admits (`>= 5.100`) do not accept it; choose an older "
                    "runtime for this target",
                )
        if self.diagnostics:  # no files from a render that failed, as in every target
            return out
        data = [(d, *DATA_SOURCES[d]) for d in DATA_SOURCES if d in self.data]
        trusts = [(f"{service_label(s)}_assume_role", s) for s in sorted(self.trusts)]
        layouts: dict[str, dict[str, Any]] = {
            "versions.tf": {"region": REGION_VARIABLE},
            "main.tf": {
                "data": data,
                "trusts": trusts,
                "locals": locals_,
                "blocks": blocks,  # aligned already, and marked no more
            },
            "variables.tf": {"region": REGION_VARIABLE},
            "outputs.tf": {"outputs": outputs},
        }
        moved = self.moved(by_node)
        if moved:
            layouts["moved.tf"] = {"moved": moved}
        for path, context in layouts.items():
            template = self.get_template(f"{path}.j2")
            assert template is not None
            # The layouts read the plan's app, region, tags and params beside their context.
            inputs = (plan.app, plan.region, plan.tags, plan.params, context)
            out.files[path] = self.file_memo(
                path, inputs, functools.partial(self._layout, template, context)
            )
        for asset in plan.assets:
            out.files[f"assets/{asset.file_name}"] = asset.data
        return out

    def _layout(self, template: Template, context: dict[str, Any]) -> bytes:
        return align(self.render_template(template, plan=self.plan, **context)).encode()


@functools.lru_cache(maxsize=1 << 13)  # the language server's reused blocks: not again
def _declared(block: str) -> tuple[tuple[str, str], ...]:
    """(type, name) of each resource a block declares: its lines `resource "T" "N" {`
    (found with `str.find`, which skips the rest of the block fastest)."""
    out = []
    text = "\n" + block
    at = text.find(_RESOURCE)
    while at != -1:
        start = at + len(_RESOURCE)
        kind_end = text.index('"', start)
        name_end = text.index('"', kind_end + 3)
        out.append((text[start:kind_end], text[kind_end + 3 : name_end]))
        at = text.find(_RESOURCE, name_end)
    return tuple(out)


_RESOURCE = '\nresource "'

# `expr`'s speller of each plain value type (`spell` dispatches on the rest).
_SPELLERS: dict[type, Callable[..., str]] = {
    str: TerraformTarget.spell_str,
    Ref: TerraformTarget.spell_ref,
    dict: TerraformTarget.spell_dict,
    list: TerraformTarget.spell_list,
    Sub: TerraformTarget.spell_sub,
    Json: TerraformTarget.spell_json,
    Param: TerraformTarget.spell_param,
    Pseudo: TerraformTarget.spell_pseudo,
    bool: TerraformTarget.spell_bool,
    int: TerraformTarget.spell_number,
    float: TerraformTarget.spell_number,
}

# The name the tests know the speller by.
TfSpeller = TerraformTarget
render = render_with(TerraformTarget)


__all__ = [
    "TerraformTarget",
    "TfSpeller",
    "container_definitions",
    "render",
    "snake",
    "variable_name",
]
