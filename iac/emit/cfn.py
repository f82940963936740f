"""CloudFormation YAML: the plan spelled with intrinsic functions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..names import logical_id
from ..plan import Plan
from ..plan.iam import document, trust
from ..plan.model import Node
from ..plan.states import placeholders
from ..plan.values import Az, Json, Param, Pseudo, Ref, Sub
from .base import Rendered, Target, execution_arn, render_with, source_comment
from .yaml_text import yaml_key, yaml_str

# How a node's attribute is read: ("Ref",) or ("GetAtt", "Attribute"), "prop:NAME"
# where CloudFormation has no attribute but the plan knows the value, or a function of
# the node giving the plan value it is built from.
ATTRIBUTES: dict[tuple[str, str], Any] = {
    ("function", "arn"): ("GetAtt", "Arn"),
    ("function", "name"): ("Ref",),
    ("function_url", "url"): ("GetAtt", "FunctionUrl"),
    ("alarm", "arn"): ("GetAtt", "Arn"),
    ("role", "arn"): ("GetAtt", "Arn"),
    ("log_group", "name"): ("Ref",),
    ("log_group", "arn"): ("GetAtt", "Arn"),
    ("log_group", "streams_arn"): ("GetAtt", "Arn"),  # CloudFormation's Arn ends in `:*`
    ("queue", "arn"): ("GetAtt", "Arn"),
    ("queue", "url"): ("Ref",),
    ("queue", "name"): ("GetAtt", "QueueName"),
    ("topic", "arn"): ("Ref",),
    ("topic", "name"): ("GetAtt", "TopicName"),
    ("table", "arn"): ("GetAtt", "Arn"),
    ("table", "name"): ("Ref",),
    ("table", "stream_arn"): ("GetAtt", "StreamArn"),
    ("bucket", "arn"): ("GetAtt", "Arn"),
    ("bucket", "name"): ("Ref",),
    ("secret", "arn"): ("Ref",),
    ("secret", "name"): "prop:name",
    ("bus", "arn"): ("GetAtt", "Arn"),
    ("bus", "name"): ("Ref",),
    ("rule", "arn"): ("GetAtt", "Arn"),
    ("user_pool", "id"): ("Ref",),
    ("user_pool", "arn"): ("GetAtt", "Arn"),
    ("user_pool_client", "id"): ("Ref",),
    ("api_authorizer", "id"): ("Ref",),
    ("http_api", "id"): ("Ref",),
    ("http_api", "url"): ("GetAtt", "ApiEndpoint"),
    ("http_api", "execution_arn"): lambda node: execution_arn(node.id),
    ("api_integration", "id"): ("Ref",),
    ("state_machine", "arn"): ("Ref",),
    ("state_machine", "name"): ("GetAtt", "Name"),
    ("cluster", "arn"): ("GetAtt", "Arn"),
    ("cluster", "name"): ("Ref",),
    ("task_definition", "arn"): ("Ref",),
    ("task_definition", "name"): "prop:family",
    ("vpc", "id"): ("Ref",),
    ("internet_gateway", "id"): ("Ref",),
    ("route_table", "id"): ("Ref",),
    ("subnet", "id"): ("Ref",),
    ("security_group", "id"): ("GetAtt", "GroupId"),
}


PSEUDO = {
    "account": "AWS::AccountId",
    "region": "AWS::Region",
    "partition": "AWS::Partition",
    "url_suffix": "AWS::URLSuffix",
}
# Resource types whose Tags property is a list of Key/Value pairs, and those taking a map.
LIST_TAGS = {
    "function", "role", "log_group", "queue", "topic", "table", "bucket", "secret", "bus",
    "state_machine", "cluster", "task_definition", "vpc", "internet_gateway", "route_table",
    "subnet", "security_group", "flow_log", "rule", "event_source_mapping",
}  # fmt: skip
MAP_TAGS = {"http_api", "api_stage", "user_pool"}


class CfnTarget(Target):
    """CloudFormation YAML: plan values spelled with intrinsic functions."""

    name = "cfn"
    suffix = ".yaml.j2"
    filters = {
        "yaml_str": yaml_str,
        "key": yaml_key,
        "policy": lambda statements: document(list(statements)),
        "trust": trust,
        "logical_id": logical_id,
        "definition": placeholders,
    }
    method_filters = {"y": "block", "inline": "inline"}

    def __init__(self, plan: Plan):
        super().__init__(plan)
        self.params = {p.name: p.id for p in plan.params}
        self.lines: dict[int, str] = {}  # see `source_comment`

    # -- references
    def ref(self, ref: Ref) -> tuple[str, Any]:
        """("Ref", "X") or ("GetAtt", "X.Attr") or ("value", plan value)."""
        node = self.nodes[ref.node]
        how = ATTRIBUTES[(node.type, ref.attr)]
        if callable(how):
            return ("value", how(node))
        if isinstance(how, str):
            return ("value", getattr(node.props, how.split(":", 1)[1]))
        if how[0] == "Ref":
            return ("Ref", node.id)
        return ("GetAtt", f"{node.id}.{how[1]}")

    def tagged(self, kind: str, what: str) -> str:
        """`!Ref X` or `!GetAtt X.Attr`, the name quoted like any scalar."""
        return f"!{kind} {yaml_str(what)}"

    def inline(self, value: Any) -> str:
        """A scalar or intrinsic function on one line."""
        spell = _SPELLERS.get(type(value))  # `spell`'s dispatch by the exact type first
        if spell is not None:
            return spell(self, value)
        return self.spell(value)  # type: ignore[no-any-return]

    def spell_str(self, value: str, *args: Any) -> str:
        return yaml_str(value)

    def spell_ref(self, value: Ref, *args: Any) -> str:
        kind, what = self.ref(value)
        if kind == "value":
            return self.inline(what)
        return self.tagged(kind, what)

    def spell_param(self, value: Param, *args: Any) -> str:
        return self.tagged("Ref", self.params[value.name])

    def spell_pseudo(self, value: Pseudo, *args: Any) -> str:
        return f"!Ref {PSEUDO[value.name]}"  # `AWS::...`: never a YAML word

    def spell_sub(self, value: Sub, *args: Any) -> str:
        return f"!Sub {yaml_str(self.sub_text(value))}"

    def spell_az(self, value: Az, *args: Any) -> str:
        return f'!Select [{value.index}, !GetAZs ""]'

    def spell_other(self, value: Any, *args: Any) -> str:
        raise TypeError(f"not inline: {value!r}")

    def sub_text(self, value: Sub) -> str:
        out = []
        for part in value.parts:
            if isinstance(part, str):
                out.append(part.replace("${", "${!"))
            elif isinstance(part, Param):
                out.append("${" + self.params[part.name] + "}")
            elif isinstance(part, Pseudo):
                out.append("${" + PSEUDO[part.name] + "}")
            else:
                kind, what = self.ref(part)
                if kind == "value":
                    out.append(
                        self.sub_text(what)
                        if isinstance(what, Sub)
                        else str(what).replace("${", "${!")
                    )
                else:
                    out.append("${" + what + "}")
        return "".join(out)

    # -- blocks
    def block(self, value: Any, indent: int) -> str:
        """The text after `Key:`: ` scalar`, or a newline and an indented block."""
        kind = type(value)
        if kind is str:  # most values: before the tests below
            return " " + yaml_str(value)
        if isinstance(value, Json):
            value = value.value
        if isinstance(value, dict):
            if not value:
                return " {}"
            return "\n" + "\n".join(self._dict_lines(value, indent))
        if isinstance(value, list | tuple):
            if not value:
                return " []"
            return "\n" + "\n".join(self._list_lines(list(value), indent))
        return " " + self.inline(value)

    def _dict_lines(self, value: dict[str, Any], indent: int) -> list[str]:
        pad = " " * indent
        return [f"{pad}{yaml_key(str(k))}:{self.block(v, indent + 2)}" for k, v in value.items()]

    def _list_lines(self, items: list[Any], indent: int) -> list[str]:
        pad = " " * indent
        lines = []
        for item in items:
            if isinstance(item, Json):
                item = item.value
            if isinstance(item, dict) and item:
                inner = self._dict_lines(item, indent + 2)
                lines.append(f"{pad}- {inner[0].lstrip()}")
                lines.extend(inner[1:])
            elif isinstance(item, list | tuple) and item:
                inner = self._list_lines(list(item), indent + 2)
                lines.append(f"{pad}- {inner[0].lstrip()}")
                lines.extend(inner[1:])
            else:
                lines.append(f"{pad}-{self.block(item, indent + 2)}")
        return lines

    def tags(self, node: Node) -> dict[str, Any] | list[dict[str, str]] | None:
        if not node.tags or not self.plan.tags:
            return None
        if node.type in MAP_TAGS:
            return dict(self.plan.tags)
        if node.type in LIST_TAGS:
            return [{"Key": k, "Value": v} for k, v in self.plan.tags.items()]
        return None

    # -- the template
    def context(self, node: Node) -> dict[str, Any]:
        """What a node's template reads besides the node."""
        return {"tags": self.tags(node)}

    def resource(self, node: Node) -> str | None:
        """One resource's block: its source comment, logical ID and body."""
        template = self.node_template(node)
        if template is None:
            return None
        body = self.render_template(template, node=node, p=node.props, **self.context(node))
        comment = source_comment(node.source, node.label, self.lines)
        head = f"  # {comment}\n  {yaml_key(node.id)}:\n"
        return head + body

    def layout(self, blocks: list[str]) -> str:
        """The template around the resource blocks."""
        layout = self.get_template("template.yaml.j2")
        assert layout is not None
        return self.render_template(
            layout,
            plan=self.plan,
            resources=blocks,
            transform=None,
        )

    def render(self) -> Rendered:
        blocks = [b for n in self.plan.nodes if (b := self.cached(n, self.resource)) is not None]
        out = Rendered(diagnostics=self.diagnostics)
        if self.diagnostics:
            return out
        out.files["template.yaml"] = self.layout(blocks).encode("utf-8")
        for asset in self.plan.assets:
            out.files[f"assets/{asset.file_name}"] = asset.data
        return out


# `inline`'s speller of each plain value type (`spell` dispatches on the rest).
_SPELLERS: dict[type, Callable[..., str]] = {
    str: CfnTarget.spell_str,
    Ref: CfnTarget.spell_ref,
    Sub: CfnTarget.spell_sub,
    Param: CfnTarget.spell_param,
    Pseudo: CfnTarget.spell_pseudo,
    bool: CfnTarget.spell_bool,
    int: CfnTarget.spell_number,
    float: CfnTarget.spell_number,
}

render = render_with(CfnTarget)


__all__ = ["CfnTarget", "render"]
