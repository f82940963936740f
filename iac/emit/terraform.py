"""Terraform HCL: the plan spelled as hashicorp/aws resources and expressions."""

from __future__ import annotations

import re
from typing import Any

from ..names import physical
from ..plan import Plan
from ..plan.iam import document, trust
from ..plan.model import Node, TaskDefinitionProps
from ..plan.values import Az, Json, Param, Pseudo, Ref, Sub
from .base import Rendered, Target, render_with, source_comment
from .hcl_text import align, hcl_key, hcl_str, template_text

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
    "http_api": "aws_apigatewayv2_api",
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
    ("log_group", "arn"): "arn",
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
    ("http_api", "url"): "api_endpoint",
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
# The data source each pseudo value is read from, and its attribute.
PSEUDO: dict[str, tuple[str, str]] = {
    "account": ("aws_caller_identity", "account_id"),
    "partition": ("aws_partition", "partition"),
    "region": ("aws_region", "name"),
    "url_suffix": ("aws_partition", "dns_suffix"),
}
# Every data source the configuration may read, in the order main.tf lists them:
# type -> (name, arguments).
DATA_SOURCES: dict[str, tuple[str, dict[str, str]]] = {
    "aws_caller_identity": ("current", {}),
    "aws_partition": ("current", {}),
    "aws_region": ("current", {}),
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
RESERVED_VARIABLES = frozenset(
    {"count", "depends_on", "for_each", "lifecycle", "locals", "provider", "providers",
     "source", "version"}
)  # fmt: skip


def variable_name(param: str) -> str:
    """The Terraform variable of a param: its own name unless Terraform reserves it."""
    return param + "_" if param in RESERVED_VARIABLES else param


def snake(logical: str) -> str:
    """`ThumbnailerRole` -> `thumbnailer_role`: a stable Terraform resource name."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", logical).lower()


def container_definitions(p: TaskDefinitionProps) -> list[dict[str, Any]]:
    """A task definition's one container, in ECS's JSON spelling."""
    container: dict[str, Any] = {
        "name": p.container,
        "image": p.image,
        "essential": True,
        "readonlyRootFilesystem": True,
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


class TerraformTarget(Target):
    """Terraform HCL: plan values spelled as expressions over hashicorp/aws resources."""

    name = "terraform"
    suffix = ".tf.j2"
    filters = {
        "hcl_str": hcl_str,
        "policy": lambda statements: document(list(statements)),
        "trust": trust,
        "snake": snake,
        "variable": variable_name,
        "container_definitions": container_definitions,
        "bucket_prefix": bucket_prefix,
    }
    method_filters = {
        "v": "expr",
        "json": "json",
        "address": "address",
        "dependency": "dependency",
    }

    def __init__(self, plan: Plan):
        super().__init__(plan)
        self.data: set[str] = set()  # data sources the configuration reads
        self.missing: list[str] = []  # references no Terraform attribute spells

    render_effects = ("diagnostics", "data", "missing")

    # -- references
    def address(self, node_id: str) -> str:
        node = self.nodes[node_id]
        return f"{TYPES[node.type]}.{snake(node.id)}"

    def dependency(self, node_id: str) -> str:
        node = self.nodes[node_id]
        kind = TYPES[node.type]
        if node.type in DEPENDENCY_TYPES and getattr(node.props, "statements", None):
            kind = DEPENDENCY_TYPES[node.type]
        return f"{kind}.{snake(node.id)}"

    def data_source(self, source: str) -> str:
        """`data.TYPE.NAME` for one of DATA_SOURCES, which main.tf then declares."""
        self.data.add(source)
        return f"data.{source}.{DATA_SOURCES[source][0]}"

    def reference(self, value: Ref | Param | Pseudo) -> str:
        """A bare expression for one reference."""
        if isinstance(value, Param):
            return f"var.{variable_name(value.name)}"
        if isinstance(value, Pseudo):
            source, attr = PSEUDO[value.name]
            return f"{self.data_source(source)}.{attr}"
        node = self.nodes.get(value.node)
        spelled = ATTRIBUTES.get((node.type, value.attr)) if node else None
        if node is None or spelled is None or node.type not in TYPES:
            self.missing.append(f"{value.node}.{value.attr}")
            return "null"
        return f"{self.address(node.id)}.{spelled}"

    def template(self, value: Sub) -> str:
        """One quoted string with `${...}` interpolations."""
        parts: list[Any] = []
        for part in value.parts:  # adjacent literals are escaped as one
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

    def spell_dict(self, value: dict[str, Any], indent: int = 2) -> str:
        return self._object(value, indent)

    def spell_list(self, value: list[Any], indent: int = 2) -> str:
        return self._list(value, indent)

    def spell_other(self, value: Any, *args: Any) -> str:
        raise TypeError(f"no HCL spelling for {value!r}")

    def _object(self, value: dict[str, Any], indent: int) -> str:
        if not value:
            return "{}"
        pad = " " * (indent + 2)
        lines = [f"{pad}{hcl_key(str(k))} = {self.expr(v, indent + 2)}" for k, v in value.items()]
        return "{\n" + "\n".join(lines) + "\n" + " " * indent + "}"

    def _list(self, items: list[Any], indent: int) -> str:
        inline = [self.expr(v, indent) for v in items]
        text = "[" + ", ".join(inline) + "]"
        if all("\n" not in v for v in inline) and len(text) + indent <= INLINE_LIMIT:
            return text
        pad = " " * (indent + 2)
        lines = [f"{pad}{self.expr(v, indent + 2)}," for v in items]
        return "[\n" + "\n".join(lines) + "\n" + " " * indent + "]"

    def json(self, value: Any, indent: int = 2) -> str:
        return self.expr(Json(value), indent)

    # -- the configuration
    def block(self, node: Node) -> str | None:
        if getattr(node.props, "via_url", False):
            # Public function URLs need `InvokedViaFunctionUrl` (October 2025), which the
            # provider's 5.x line this target pins can't write; without it the URL
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
            name=snake(node.id),
            comment="# " + source_comment(node.source, node.label),
        )
        # Aligned here, once per block (and kept by the render cache): main.tf puts a
        # blank line around every block, and a blank line ends every run of `=`.
        return align(body.strip("\n"))

    def render(self) -> Rendered:
        out = Rendered(diagnostics=self.diagnostics)
        blocks = [b for n in self.plan.nodes if (b := self.cached(n, self.block)) is not None]
        plan = self.plan
        outputs = [
            {
                "comment": "# " + source_comment(o.source, f"output {o.name}"),
                "name": o.name,
                "value": self.expr(o.value, 2),
            }
            for o in plan.outputs
        ]
        for missing in sorted(set(self.missing)):
            self.unsupported(None, f"the reference `{missing}`")
        if self.diagnostics:  # no files from a render that failed, as in every target
            return out
        data = [(d, *DATA_SOURCES[d]) for d in DATA_SOURCES if d in self.data]
        layouts: dict[str, dict[str, Any]] = {
            "versions.tf": {},
            "main.tf": {"data": data, "blocks": [_PLACE.format(i) for i in range(len(blocks))]},
            "variables.tf": {},
            "outputs.tf": {"outputs": outputs},
        }
        for path, context in layouts.items():
            template = self.get_template(f"{path}.j2")
            assert template is not None
            text = align(self.render_template(template, plan=plan, **context))
            if path == "main.tf":  # the aligned blocks in place of their placeholders
                text = _PLACED.sub(lambda m: blocks[int(m.group(1))], text)
            out.files[path] = text.encode("utf-8")
        for asset in plan.assets:
            out.files[f"assets/{asset.file_name}"] = asset.data
        return out


# A block's place in main.tf while the layout around the blocks is aligned: a line
# that is no attribute, and a NUL no generated text holds.
_PLACE = "\x00{}\x00"
_PLACED = re.compile("\x00([0-9]+)\x00")

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
