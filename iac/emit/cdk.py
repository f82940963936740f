"""AWS CDK (Python): the plan spelled as an app with one stack of constructs.

L2 constructs where they add nothing the plan did not decide; L1 (`Cfn*`) where the
L2 would grant IAM on its own (rule targets, integrations, permissions, state
machines, task definitions) or build more than the plan has (an L2 `Cluster` or
`Vpc` makes its own VPC, subnets and NAT gateways). Every resource keeps the
logical ID the other targets use: L1 constructs sit directly in the stack under
that ID, L2 ones get it through `override_logical_id`. The `aws_lambda_event_sources`
classes are not used: they grant the role on their own and make the mapping under an
ID of their own inside the function (docs/language.md, "Choices").

The stack has one method per source statement, called in order from `__init__`
(`_arrange`); a construct another method reads is an attribute of the stack.
"""

from __future__ import annotations

import functools
import heapq
import json
import keyword
import re
from collections.abc import Callable
from typing import Any

from .. import records
from ..names import kebab, logical_id
from ..plan import Plan
from ..plan.iam import Statement
from ..plan.model import EcsTarget, FunctionProps, Node, RuleTarget
from ..plan.states import placeholders
from ..plan.values import Az, Json, Param, Pseudo, Ref, Sub
from ..resources import data_dir
from .base import Rendered, Target, execution_arn, render_with, source_comment
from .compiled import Template
from .py_text import Call, Code, Expr, PyDict, PyList, layout, py_str, py_str_body, quote_for

BASE_INDENT = 8  # statements inside the stack's __init__
# Pinned: cdk.json holds the feature flags this version recommends (FLAGS_FILE, copied
# from its recommended-feature-flags.json); a newer version recommends more.
CDK_VERSION = "2.275.0"
REQUIREMENTS = f"aws-cdk-lib=={CDK_VERSION}\nconstructs>=10,<11\n"
FLAGS_FILE = "recommended-feature-flags.json"

# Python attribute that reads a node's attribute, or "prop:NAME" where CloudFormation
# has no attribute but the plan knows the value.
ATTRIBUTES: dict[tuple[str, str], str] = {
    ("function", "arn"): "function_arn",
    ("function", "name"): "function_name",
    ("function_url", "url"): "attr_function_url",
    ("alarm", "arn"): "attr_arn",
    ("role", "arn"): "role_arn",
    ("log_group", "name"): "log_group_name",
    ("log_group", "arn"): "log_group_arn",
    ("log_group", "streams_arn"): "log_group_arn",  # CloudFormation's Arn ends in `:*`
    ("queue", "arn"): "queue_arn",
    ("queue", "url"): "queue_url",
    ("queue", "name"): "queue_name",
    ("topic", "arn"): "topic_arn",
    ("topic", "name"): "topic_name",
    ("table", "arn"): "table_arn",
    ("table", "name"): "table_name",
    ("table", "stream_arn"): "call:stream_arn",  # the L2's is optional to mypy
    ("bucket", "arn"): "bucket_arn",
    ("bucket", "name"): "bucket_name",
    ("secret", "arn"): "secret_arn",
    ("secret", "name"): "prop:name",
    ("bus", "arn"): "event_bus_arn",
    ("bus", "name"): "event_bus_name",
    ("rule", "arn"): "attr_arn",
    ("user_pool", "id"): "ref",
    ("user_pool", "arn"): "attr_arn",
    ("user_pool_client", "id"): "ref",
    ("api_authorizer", "id"): "ref",
    ("http_api", "id"): "api_id",
    ("http_api", "url"): "api_endpoint",
    ("http_api", "execution_arn"): "sub:execute-api",
    ("api_integration", "id"): "ref",
    ("state_machine", "arn"): "ref",
    ("state_machine", "name"): "attr_name",
    ("cluster", "arn"): "attr_arn",
    ("cluster", "name"): "ref",
    ("task_definition", "arn"): "ref",
    ("task_definition", "name"): "prop:family",
    ("vpc", "id"): "ref",
    ("internet_gateway", "id"): "ref",
    ("route_table", "id"): "ref",
    ("subnet", "id"): "ref",
    ("security_group", "id"): "attr_group_id",
}
# ATTRIBUTES split once: ("attr", "function_arn"), ("prop", "name"), ("call", ...).
_HOW = {
    key: (tuple(how.split(":", 1)) if ":" in how else ("attr", how))
    for key, how in ATTRIBUTES.items()
}
PSEUDO = {
    "account": ("cdk.Aws.ACCOUNT_ID", "AWS::AccountId"),
    "region": ("cdk.Aws.REGION", "AWS::Region"),
    "partition": ("cdk.Aws.PARTITION", "AWS::Partition"),
    "url_suffix": ("cdk.Aws.URL_SUFFIX", "AWS::URLSuffix"),
}
# Node types built from L2 constructs (their logical ID needs pinning), and the
# module each type's construct comes from.
L2_TYPES = {
    "function", "role", "log_group", "queue", "topic", "table", "bucket", "bucket_policy",
    "queue_policy", "topic_policy", "secret", "bus", "http_api", "api_stage",
    "event_source_mapping", "subscription",
}  # fmt: skip
# Node types that come with a statement's own resource or edge (a method is named after
# the resource, not these).
ATTACHMENTS = {
    "role", "log_group", "permission", "api_integration", "bucket_policy", "queue_policy",
    "topic_policy", "event_invoke_config", "api_authorizer",
}  # fmt: skip
MODULES = {
    "function": ["lambda_"],
    "role": ["iam"],
    "log_group": ["logs"],
    "queue": ["sqs"],
    "topic": ["sns"],
    "table": ["dynamodb"],
    "bucket": ["s3"],
    "bucket_policy": ["s3", "iam"],
    "queue_policy": ["sqs", "iam"],
    "topic_policy": ["sns", "iam"],
    "secret": ["secretsmanager"],
    "bus": ["events"],
    "rule": ["events"],
    "http_api": ["apigwv2"],
    "api_authorizer": ["apigwv2"],
    "user_pool": ["cognito"],
    "user_pool_client": ["cognito"],
    "api_stage": ["apigwv2"],
    "api_integration": ["apigwv2"],
    "api_route": ["apigwv2"],
    "permission": ["lambda_"],
    "function_url": ["lambda_"],
    "alarm": ["cloudwatch"],
    "pipe": ["pipes"],
    "event_source_mapping": ["lambda_"],
    "event_invoke_config": ["lambda_"],
    "subscription": ["sns"],
    "state_machine": ["sfn", "json"],
    "cluster": ["ecs"],
    "task_definition": ["ecs"],
    "vpc": ["ec2"],
    "internet_gateway": ["ec2"],
    "vpc_gateway_attachment": ["ec2"],
    "route_table": ["ec2"],
    "route": ["ec2"],
    "subnet": ["ec2"],
    "subnet_route_table_association": ["ec2"],
    "security_group": ["ec2"],
    "flow_log": ["ec2"],
    "vpc_endpoint": ["ec2"],
}
# Standard-library modules the stack may import (written above the CDK ones).
STDLIB = {"json": "import json"}
IMPORTS = {
    "apigwv2": "from aws_cdk import aws_apigatewayv2 as apigwv2",
    "cognito": "from aws_cdk import aws_cognito as cognito",
    "cloudwatch": "from aws_cdk import aws_cloudwatch as cloudwatch",
    "dynamodb": "from aws_cdk import aws_dynamodb as dynamodb",
    "ec2": "from aws_cdk import aws_ec2 as ec2",
    "ecs": "from aws_cdk import aws_ecs as ecs",
    "events": "from aws_cdk import aws_events as events",
    "iam": "from aws_cdk import aws_iam as iam",
    "lambda_": "from aws_cdk import aws_lambda as lambda_",
    "pipes": "from aws_cdk import aws_pipes as pipes",
    "logs": "from aws_cdk import aws_logs as logs",
    "s3": "from aws_cdk import aws_s3 as s3",
    "secretsmanager": "from aws_cdk import aws_secretsmanager as secretsmanager",
    "sfn": "from aws_cdk import aws_stepfunctions as sfn",
    "sns": "from aws_cdk import aws_sns as sns",
    "sqs": "from aws_cdk import aws_sqs as sqs",
}
RETENTION = {
    1: "ONE_DAY", 3: "THREE_DAYS", 5: "FIVE_DAYS", 7: "ONE_WEEK", 14: "TWO_WEEKS",
    30: "ONE_MONTH", 60: "TWO_MONTHS", 90: "THREE_MONTHS", 120: "FOUR_MONTHS",
    150: "FIVE_MONTHS", 180: "SIX_MONTHS", 365: "ONE_YEAR", 400: "THIRTEEN_MONTHS",
    545: "EIGHTEEN_MONTHS", 731: "TWO_YEARS", 1096: "THREE_YEARS", 1827: "FIVE_YEARS",
    2192: "SIX_YEARS", 2557: "SEVEN_YEARS", 2922: "EIGHT_YEARS", 3288: "NINE_YEARS",
    3653: "TEN_YEARS",
}  # fmt: skip
# Names the stack module already uses: a program name equal to one gets a `_`.
TAKEN = set(IMPORTS) | set(STDLIB) | {"cdk", "self", "Path", "Any", "Construct", "ASSETS"}
TAKEN |= {"asset"}
TAKEN |= {"resource_of", "fifo_name", "kwargs", "scope", "construct_id", "super", "str"}
TAKEN |= {"context", "stream_arn", "app"}  # the helpers and app.py's app
# What `cdk.Stack` itself defines (aws-cdk-lib 2.275): constructs are attributes of the
# stack (`self.orders`), so none may take one of these names (a resource `node` would
# replace the stack's own). tests/test_cdk.py holds this list to the pinned library.
STACK_NAMES = frozenset({
    "_allocate_logical_id", "account", "add_dependency", "add_metadata",
    "add_stack_dependency", "add_stack_tag", "add_transform", "artifact_id",
    "availability_zones", "bundling_required", "consume_list_reference", "consume_reference",
    "dependencies", "env", "environment", "export_string_list_value", "export_value",
    "format_arn", "get_logical_id", "is_construct", "is_stack", "nested",
    "nested_stack_parent", "nested_stack_resource", "node", "notification_arns", "of",
    "partition", "region", "regional_fact", "remove_stack_tag", "rename_logical_id",
    "report_missing_context_key", "resolve", "split_arn", "stack_id", "stack_name",
    "synthesizer", "tags", "template_file", "template_options", "termination_protection",
    "to_json_string", "to_string", "to_yaml_string", "url_suffix", "with_",
})  # fmt: skip
TAKEN |= STACK_NAMES


_WORD = re.compile(r"[A-Z][^A-Z]*|[^A-Z]+")  # `Thumbnailer`, `Log`, `Group`


def snake(node_id: str) -> str:
    """`ThumbnailerLogGroup` -> `thumbnailer_log_group`: the program's own names back."""
    return "_".join(_WORD.findall(node_id)).lower()  # its words: faster than a `sub`


def pascal(name: str) -> str:
    return logical_id(name.replace("-", "_"))


# Runtimes whose aws_lambda.Runtime constant doesn't follow the family_version rule.
RUNTIME_CONSTANTS = {
    "java8.al2": "JAVA_8_CORRETTO",
    "provided.al2": "PROVIDED_AL2",
    "provided.al2023": "PROVIDED_AL2023",
}


def runtime(runtime_id: str) -> str:
    """`python3.12` -> `PYTHON_3_12`, `nodejs20.x` -> `NODEJS_20_X`."""
    if runtime_id in RUNTIME_CONSTANTS:
        return RUNTIME_CONSTANTS[runtime_id]
    family, version = re.match(r"([a-z]+)(.*)", runtime_id).groups()  # type: ignore[union-attr]
    return f"{family.upper()}_{version.replace('.', '_').upper()}"


def retention(days: int) -> str:
    return RETENTION.get(days, "ONE_MONTH")


# The largest unit a number of seconds is a whole number of: `Duration.days(14)`.
UNITS = (("days", 86400), ("hours", 3600), ("minutes", 60))


def duration(seconds: int) -> str:
    """`cdk.Duration.days(14)`, not `cdk.Duration.seconds(1209600)`."""
    for unit, size in UNITS:
        if seconds and seconds % size == 0:
            return f"cdk.Duration.{unit}({seconds // size})"
    return f"cdk.Duration.seconds({seconds})"


class CdkTarget(Target):
    """The CDK Python app: plan values spelled as Python expressions."""

    name = "cdk"
    suffix = ".py.j2"
    filters = {
        "py_str": py_str,
        "runtime": runtime,
        "retention": retention,
        "duration": duration,
    }

    def __init__(self, plan: Plan):
        super().__init__(plan)
        self.params = {p.name: p for p in plan.params}
        self.vars: dict[str, str] = {}  # node or param id -> Python variable
        self.used: set[str] = set()  # ids whose variable is read
        self.modules: set[str] = set()
        self.helpers: set[str] = set()  # module-level helpers the stack calls
        self._context: dict[str, Any] | None = None
        # How a construct is read: `self.orders` where another method reads it, else
        # the local `orders` (set by `arrange`); and the methods, each with its nodes.
        self.spelled: dict[str, str] = {}
        self.names: dict[str, str] = {}  # `vars` with `spelled` over it: what `spelling` reads
        self.methods: list[tuple[str, list[Node]]] | None = None
        self.reads: dict[str, tuple[str, ...]] = {}  # node id -> the ids its construct reads
        self.cycle: Node | None = None
        taken = set(TAKEN)
        items = [(p.id, snake(p.id)) for p in plan.params]
        items += [(n.id, snake(n.id)) for n in plan.nodes]
        items += [(construct_id("Output", o.id), f"{snake(o.id)}_output") for o in plan.outputs]
        for item_id, name in items:
            if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in taken:
                name += "_"
            while name in taken:
                name += "_"
            taken.add(name)
            self.vars[item_id] = name
        self.names = dict(self.vars)

    # -- names and references
    def var(self, item_id: str) -> str:
        """How the construct (or param) `item_id` is read, noting that it is."""
        self.used.add(item_id)
        return self.names[item_id]

    def spelling(self, item_id: str) -> str:
        return self.names[item_id]

    def arrange(self) -> list[tuple[str, list[Node]]]:
        """The stack's methods (one per source statement, see `_arrange`) and how each
        construct is read; computed once per render, before any node is rendered."""
        if self.methods is not None:
            return self.methods
        nodes = self.plan.nodes
        # Kept for the blocks, which spell what their node reads: found once per node.
        self.reads = {n.id: self.node_memo(n, "deps", _node_deps) for n in nodes}
        # Everything the arrangement reads, so that the language server can keep it
        # while a keystroke leaves it unchanged (the usual case: an attribute's value).
        spans: dict[Any, int] = {}
        inputs = (
            tuple(self.reads.items()),
            tuple([spans.setdefault(n.source, len(spans)) for n in nodes]),
            tuple([(n.props.TYPE in ATTACHMENTS, ": " in n.label) for n in nodes]),
            tuple(p.id for p in self.plan.params),
            tuple(r for o in self.plan.outputs for r in _refs(o.value)),
            tuple(self.vars.items()),
        )
        arranged, cycle, self.spelled = self.file_memo("arrangement", inputs, self._arranged)
        self.cycle = None if cycle is None else nodes[cycle]
        self.names = {**self.vars, **self.spelled}
        self.methods = [(name, [nodes[i] for i in chunk]) for name, chunk in arranged]
        return self.methods

    def _arranged(self) -> tuple[list[tuple[str, list[int]]], int | None, dict[str, str]]:
        """The methods as node indices, the index of a cycle's first node, and how the
        constructs that another method reads are spelled (`self.orders`)."""
        nodes = self.plan.nodes
        deps = _dependencies(nodes, lambda n: self.reads[n.id])
        chunks, cycle = _arrange(nodes, deps)
        index = {n.id: i for i, n in enumerate(nodes)}
        method_of = [0] * len(nodes)
        for method, chunk in enumerate(chunks):
            for n in chunk:
                method_of[index[n.id]] = method
        shared = {p.id for p in self.plan.params}  # read in __init__, used by methods
        shared.update(r for o in self.plan.outputs for r in _refs(o.value))
        for i, read in enumerate(deps):
            method = method_of[i]
            for d in read:
                if method_of[d] != method:
                    shared.add(nodes[d].id)
        spelled = {i: "self." + self.vars[i] for i in sorted(shared) if i in self.vars}
        taken = set(STACK_NAMES) | {"_outputs"}
        methods = []
        rank = functools.partial(_rank, index=index)
        for chunk in chunks:
            # Named after the statement's own resource or edge (`function resize`, an
            # api's route), not after what it comes with (its role, a permission).
            main = chunk[0] if len(chunk) == 1 else min(chunk, key=rank)
            name = "_" + self.vars[main.id]
            while name in taken:
                name += "_"
            taken.add(name)
            methods.append((name, [index[n.id] for n in chunk]))
        return methods, None if cycle is None else index[cycle.id], spelled

    def construct(self, ref: Ref) -> Code:
        """The construct behind a reference (where a CDK prop takes the construct)."""
        return Code(self.var(ref.node))

    def ref(self, ref: Ref) -> Expr:
        node = self.nodes[ref.node]
        how, name = _HOW[(node.props.TYPE, ref.attr)]
        if how == "attr":
            return Code(f"{self.var(ref.node)}.{name}")
        if how == "prop":
            return self.expr(getattr(node.props, name))
        if how == "sub":  # no attribute: built as the cfn target builds it
            return self.expr(execution_arn(ref.node))
        self.helpers.add(name)  # "call": a module helper of the stack, given the construct
        return Call(name, (Code(self.var(ref.node)),))

    def built(self, ref: Ref) -> bool:
        """Whether the reference has no attribute and is built from others."""
        return _HOW[(self.nodes[ref.node].props.TYPE, ref.attr)][0] == "sub"

    def own_var(self, node: Node) -> str:
        """The node's own variable, for a statement after its construct (bound then)."""
        return self.var(node.id)

    def param_construct(self, param: Param) -> Code:
        """The CfnParameter itself, where a CDK call takes it (SecretValue.cfn_parameter)."""
        return Code(self.var(self.params[param.name].id))

    def param(self, param: Param) -> Code:
        spec = self.params[param.name]
        if spec.type == "secret":  # a deploy-time CfnParameter: its value as a token
            return Code(f"{self.var(spec.id)}.value_as_string")
        return Code(self.var(spec.id))  # a Python str, read from the CDK context

    # -- values
    def expr(self, value: Any) -> Expr:
        """A plan value as a Python expression."""
        kind = type(value)  # the common kinds first, before `spell`'s chain of tests
        if kind is str or kind is Code or kind is Call or kind is PyDict or kind is PyList:
            return value  # type: ignore[no-any-return]
        spell = _SPELLERS.get(kind)
        if spell is not None:
            return spell(self, value)
        if isinstance(value, str | Code | Call | PyDict | PyList):
            return value
        return self.spell(value)  # type: ignore[no-any-return]

    def spell_bool(self, value: bool, *args: Any) -> Expr:
        return Code(repr(value))

    def spell_number(self, value: int | float, *args: Any) -> Expr:
        return Code(repr(value))

    def spell_none(self, *args: Any) -> Expr:
        return Code("None")

    def spell_ref(self, value: Ref, *args: Any) -> Expr:
        return self.ref(value)

    def spell_param(self, value: Param, *args: Any) -> Expr:
        return self.param(value)

    def spell_pseudo(self, value: Pseudo, *args: Any) -> Expr:
        return Code(PSEUDO[value.name][0])

    def spell_sub(self, value: Sub, *args: Any) -> Expr:
        return self.sub(value)

    def spell_json(self, value: Json, *args: Any) -> Expr:
        return self.expr(value.value)

    def spell_az(self, value: Az, *args: Any) -> Expr:
        return Call("cdk.Fn.select", (Code(str(value.index)), Call("cdk.Fn.get_azs")))

    def spell_dict(self, value: dict[str, Any], *args: Any) -> Expr:
        expr = self.expr
        return PyDict(tuple([(k if type(k) is str else str(k), expr(v)) for k, v in value.items()]))

    def spell_list(self, value: list[Any] | tuple[Any, ...], *args: Any) -> Expr:
        return PyList(tuple([self.expr(v) for v in value]))

    def spell_other(self, value: Any, *args: Any) -> Expr:
        if isinstance(value, Statement):
            return self.statement(value)
        raise TypeError(f"no Python spelling for {value!r}")

    def sub(self, value: Sub) -> Expr:
        """`cdk.Fn.sub("...${Name}...", {"Name": token})`: literal `${` written `${!`."""
        text: list[str] = []
        names: dict[str, Expr] = {}
        parts: list[Any] = []
        for part in value.parts:  # an attribute built from others joins the string
            if isinstance(part, Ref) and self.built(part):
                parts.extend(Sub.of(execution_arn(part.node)).parts)  # type: ignore[union-attr]
            else:
                parts.append(part)
        for part in parts:
            if isinstance(part, str):
                text.append(part.replace("${", "${!"))
            elif isinstance(part, Pseudo):
                text.append("${" + PSEUDO[part.name][1] + "}")
            else:
                expr = self.expr(part)
                if isinstance(expr, str):  # a plan value known at compile time
                    text.append(expr.replace("${", "${!"))
                    continue
                key = _sub_name(part)
                while key in names and names[key] != expr:
                    key += "X"
                names[key] = expr
                text.append("${" + key + "}")
        body = "".join(text)
        if not names:
            return Call("cdk.Fn.sub", (body,))
        spelled = fstring(parts, [self.expr(p) if not isinstance(p, str) else p for p in parts])
        if spelled is not None:
            return spelled
        return Call("cdk.Fn.sub", (body, PyDict(tuple(names.items()))))

    def target_kwargs(self, target: RuleTarget) -> tuple[tuple[str, Expr], ...]:
        kwargs = [("id", self.expr(target.id)), ("arn", self.expr(target.arn))]
        if target.role:
            kwargs.append(("role_arn", self.expr(target.role)))
        if target.ecs:
            kwargs.append(("ecs_parameters", self.ecs_parameters(target.ecs)))
        if target.message_group:
            group = Call(
                "events.CfnRule.SqsParametersProperty",
                kwargs=(("message_group_id", target.message_group),),
            )
            kwargs.append(("sqs_parameters", group))
        if target.retries is not None:
            retry = Call(
                "events.CfnRule.RetryPolicyProperty",
                kwargs=(
                    ("maximum_retry_attempts", Code(str(target.retries))),
                    ("maximum_event_age_in_seconds", Code(str(target.max_age))),
                ),
            )
            kwargs.append(("retry_policy", retry))
        if target.dead_letter:
            dead_letter = Call(
                "events.CfnRule.DeadLetterConfigProperty",
                kwargs=(("arn", self.expr(target.dead_letter)),),
            )
            kwargs.append(("dead_letter_config", dead_letter))
        return tuple(kwargs)

    def ecs_parameters(self, ecs: EcsTarget) -> Call:
        """A rule target that runs a Fargate task, as the cfn target spells it."""
        network = Call(
            "events.CfnRule.AwsVpcConfigurationProperty",
            kwargs=(
                ("subnets", self.expr(ecs.subnets)),
                ("security_groups", self.expr(ecs.security_groups)),
                ("assign_public_ip", ecs.public_ip),
            ),
        )
        return Call(
            "events.CfnRule.EcsParametersProperty",
            kwargs=(
                ("task_definition_arn", self.expr(ecs.task_definition)),
                ("task_count", Code("1")),
                ("launch_type", "FARGATE"),
                (
                    "network_configuration",
                    Call(
                        "events.CfnRule.NetworkConfigurationProperty",
                        kwargs=(("aws_vpc_configuration", network),),
                    ),
                ),
            ),
        )

    def definition(self, definition: dict[str, Any]) -> tuple[PyDict, PyDict | None]:
        """A States Language definition with `${Name}` placeholders, and their values.

        The definition goes into `DefinitionString` as JSON written by `json.dumps`:
        CDK drops `None` from a `definition=` mapping, and `"ResultPath": null`
        means something. Placeholder names are the cfn target's, so both templates
        carry the same `DefinitionSubstitutions`.
        """
        swapped, subs = placeholders(definition)
        body = self.expr(swapped)
        assert isinstance(body, PyDict)
        values = tuple((name, self.expr(subs[name])) for name in sorted(subs))
        return body, PyDict(values) if values else None

    def fifo_name(self, name: Any) -> Any:
        """CDK checks that a FIFO name ends in `.fifo`, which a name built from tokens
        only does if the suffix is added outside the token."""
        last = name.parts[-1] if isinstance(name, Sub) else None
        if not (isinstance(last, str) and last.endswith(".fifo")):
            return name
        head = Sub.of(*name.parts[:-1], last.removesuffix(".fifo"))
        self.helpers.add("fifo_name")
        return Call("fifo_name", (self.expr(head),))

    def statement(self, st: Statement) -> Call:
        kwargs: list[tuple[str, Expr]] = [("sid", st.sid)]
        if st.effect != "Allow":
            kwargs.append(("effect", Code(f"iam.Effect.{st.effect.upper()}")))
        if st.principal == "*":
            kwargs.append(("principals", PyList((Call("iam.StarPrincipal"),))))
        elif st.principal:
            kwargs.append(("principals", PyList((Call("iam.ServicePrincipal", (st.principal,)),))))
        kwargs.append(("actions", PyList(tuple(st.actions))))
        kwargs.append(("resources", self.spell_list(st.resources)))
        if st.conditions:
            kwargs.append(("conditions", self.expr(st.conditions)))
        return Call("iam.PolicyStatement", kwargs=tuple(kwargs))

    # -- template helpers
    # Templates write a statement from column 0 and the stack indents it by BASE_INDENT:
    # lines are measured at their final column, written relative to the statement.
    def kw(self, name: str, value: Any, indent: int = 4) -> str:
        """`name=value,` at `indent` inside a statement."""
        return layout(self.expr(value), BASE_INDENT + indent, name + "=", ",", BASE_INDENT)

    def arg(self, value: Any, indent: int = 4) -> str:
        return layout(self.expr(value), BASE_INDENT + indent, "", ",", BASE_INDENT)

    def line(self, expr: Expr, indent: int = 0, lead: str = "") -> str:
        return layout(expr, BASE_INDENT + indent, lead, "", BASE_INDENT)

    # -- rendering: the functions templates call are this render's, passed in the context
    def template_context(self) -> dict[str, Any]:
        """What every template of this render reads beside its own values: built once
        per render (4,000 nodes made 4,000 copies of it)."""
        if self._context is None:
            self._context = {
                "target": self,
                "kw": self.kw,
                "arg": self.arg,
                "construct": self.construct,
                "expr": self.expr,
                "line": self.line,
                "key": key,
                "target_kwargs": self.target_kwargs,
                "fifo_name": self.fifo_name,
                "own_var": self.own_var,
                "param_construct": self.param_construct,
                "definition": self.definition,
                "filter_policy": filter_policy,
                "Call": Call,
                "Code": Code,
                "PyList": PyList,
            }
        return self._context

    def render_template(self, template: Template, **context: Any) -> str:
        return template.render(self, {**self.template_context(), **context})

    def body(self, node: Node) -> str:
        """A node's construct, from its template."""
        template = self.node_template(node)
        assert template is not None  # every type of MODULES has one
        return self.render_template(template, node=node, p=node.props, var=self.spelling(node.id))

    render_effects = ("diagnostics", "used", "helpers")

    def render_scope(self) -> Any:
        self.arrange()  # a variable's name depends on every other's, and on the methods
        return self.vars, self.spelled

    def render_layout(self, name: str, **context: Any) -> str:
        template = self.get_template(name)
        assert template is not None
        return self.render_template(template, **context)

    def render(self) -> Rendered:
        return _render(self)


# `expr`'s dispatch by the exact type, before `spell`'s chain of tests.
_SPELLERS: dict[type, Callable[[CdkTarget, Any], Expr]] = {
    Ref: CdkTarget.ref,
    dict: CdkTarget.spell_dict,
    list: CdkTarget.spell_list,
    tuple: CdkTarget.spell_list,
    type(None): CdkTarget.spell_none,
    Sub: CdkTarget.sub,
    Statement: CdkTarget.statement,
    Param: CdkTarget.param,
    Pseudo: CdkTarget.spell_pseudo,
    Json: CdkTarget.spell_json,
    bool: CdkTarget.spell_bool,
    int: CdkTarget.spell_number,
    float: CdkTarget.spell_number,
}


_NAME = re.compile(r"[A-Za-z_][\w.]*")  # a name or an attribute: `table.table_arn`


def fstring(parts: list[Any], spelled: list[Any]) -> Code | None:
    """The string as a Python f-string, when every value in it is a plain name or
    attribute (a context value, `table.table_arn`, `cdk.Aws.REGION`): CDK joins the
    tokens. None where a value is more (a call), which `cdk.Fn.sub` then spells."""
    quote = quote_for("".join(p for p in parts if isinstance(p, str)))
    out = []
    for part, value in zip(parts, spelled, strict=True):
        if isinstance(part, str):
            out.append(py_str_body(part, quote).replace("{", "{{").replace("}", "}}"))
        elif isinstance(value, Code) and _NAME.fullmatch(value.text):
            out.append("{" + value.text + "}")
        else:
            return None
    return Code("f" + quote + "".join(out) + quote)


def _sub_name(part: Any) -> str:
    if isinstance(part, Ref):
        return part.node + logical_id(part.attr)
    return logical_id(part.name)


def key(table_key: Any) -> Call:
    kind = {"string": "STRING", "number": "NUMBER", "binary": "BINARY"}[table_key.type]
    return Call(
        "dynamodb.Attribute",
        kwargs=(("name", table_key.name), ("type", Code(f"dynamodb.AttributeType.{kind}"))),
    )


def filter_policy(policy: dict[str, list[Any]]) -> PyDict:
    def allow(values: list[Any]) -> Call:
        if all(isinstance(v, str) for v in values):
            return Call(
                "sns.SubscriptionFilter.string_filter", (), (("allowlist", PyList(tuple(values))),)
            )
        # Any other test: the policy's own conditions, as SNS reads them.
        return Call("sns.SubscriptionFilter", (), (("conditions", _literal(values)),))

    return PyDict(tuple((name, allow(values)) for name, values in policy.items()))


def _literal(value: Any) -> Expr:
    """JSON-like data (a filter policy's tests) as a Python expression."""
    if isinstance(value, dict):
        return PyDict(tuple((k, _literal(v)) for k, v in value.items()))
    if isinstance(value, list):
        return PyList(tuple(_literal(v) for v in value))
    if isinstance(value, bool | int | float):
        return Code(repr(value))
    return str(value)


def _render(speller: CdkTarget) -> Rendered:
    plan = speller.plan
    out = Rendered(diagnostics=speller.diagnostics)
    methods = speller.arrange()
    if speller.cycle is not None:
        speller.unsupported(speller.cycle, "resources that refer to each other in a cycle")
        return out
    missing = sorted({n.type for n in plan.nodes if n.type not in MODULES})
    for kind in missing:
        first = next(n for n in plan.nodes if n.type == kind)
        speller.unsupported(first, f"`{kind}` resources")
    if missing:
        return out
    bodies = [[(n, speller.cached(n, speller.body)) for n in chunk] for _, chunk in methods]
    for kind in {n.props.TYPE for n in plan.nodes}:
        speller.modules.update(MODULES[kind])
    for node in plan.nodes:
        if node.depends_on:
            speller.used.update((node.id, *node.depends_on))
        if isinstance(node.props, FunctionProps):
            # Read by the VpcConfig override `_block` writes after the construct.
            network = (*node.props.subnets, *node.props.security_groups)
            speller.used.update(v.node for v in network if isinstance(v, Ref))
    # Outputs before the blocks: a construct read only by an output needs its variable.
    outputs = []
    for o in plan.outputs:
        call = Call(
            "cdk.CfnOutput",
            (Code("self"), construct_id("Output", o.id)),
            (("description", o.description), ("value", _text(o.value, speller))),
        )
        var = speller.vars[construct_id("Output", o.id)]
        pin = speller.line(Call(f"{var}.override_logical_id", (o.id,)))
        comment = "# " + source_comment(o.source, "output " + o.name)
        text = comment + "\n" + speller.line(call, lead=f"{var} = ") + "\n" + pin
        outputs.append(_indented(text))
    # A block reads its body, its source line, whether and how its variable is read
    # and the variables (in the render cache's scope): kept while those are unchanged.
    blocks = []
    wheres = _wheres(plan.nodes)
    names = speller.names
    for (name, _), chunk_bodies in zip(methods, bodies, strict=True):
        texts = []
        for node, body in chunk_bodies:
            where = wheres[node.id]
            if speller.cache is None:  # `iac compile`: no block to reuse, no key to make
                texts.append(_block(speller, node, body, where))
                continue
            # How the block spells its own variable and the ones it reads (a
            # dependency, a VPC override's subnets): `self.x` or `x`, by the methods.
            read = speller.reads[node.id]
            spellings = tuple([names[i] for i in (node.id, *read) if i in names])
            key = ("block", body, where, node.id in speller.used, spellings)
            block = functools.partial(_block, speller, body=body, where=where)
            texts.append(speller.node_memo(node, key, block))
        blocks.append((name, "\n\n".join(texts)))
    # Params are CDK context values (`cdk deploy -c stage=prod`), known at synth time,
    # so names are built in Python; the CDK guide advises against CfnParameter.
    params = []
    for p in plan.params:
        if p.id not in speller.used:  # read by nothing: a context value nobody reads
            continue
        if p.type == "secret":
            # A secret stays a deploy-time parameter, NoEcho: a context value would be
            # written into the synthesized template in clear.
            kwargs = (("type", "String"), ("no_echo", Code("True")))
            call = Call("cdk.CfnParameter", (Code("self"), p.id), kwargs)
        else:
            call = Call("context", (Code("self"), p.name, _default(p.type, p.default)))
        params.append(_indented(speller.line(call, lead=f"{speller.var(p.id)} = ")))
    stack_class = f"{pascal(plan.app)}Stack"
    module = f"{plan.app}_stack"
    imports = sorted(IMPORTS[m] for m in speller.modules if m in IMPORTS)
    stdlib = sorted(STDLIB[m] for m in speller.modules if m in STDLIB)
    stack = speller.render_layout(
        "stack.py.j2",
        plan=plan,
        imports=imports,
        stdlib=stdlib,
        params=params,
        methods=blocks,
        outputs=outputs,
        stack_class=stack_class,
        has_assets=bool(plan.assets),
        helpers=speller.helpers,
        pins=any(n.type in L2_TYPES for n in plan.nodes),
    )
    # The stack of a stage: its id holds the params of the name prefix, so deploying
    # `-c stage=prod` makes a stack beside dev's, never a change to it.
    prefix = plan.name_prefix
    staged = [p for p in plan.params if isinstance(prefix, Sub) and Param(p.name) in prefix.parts]
    stage_lines = [
        speller.line(Call("context", (Code("app"), p.name, _default(p.type, p.default))), 0,
                     f"{speller.vars[p.id]} = ")
        for p in staged
    ]  # fmt: skip
    stack_id: Expr = kebab(plan.app)
    if staged:
        stack_id = Code(
            'f"' + kebab(plan.app) + "".join("-{" + speller.vars[p.id] + "}" for p in staged) + '"'
        )
    app = speller.render_layout(
        "app.py.j2",
        plan=plan,
        module=module,
        stack_class=stack_class,
        stage_lines=stage_lines,
        stage_param=staged[0].name if staged else None,
        has_params=bool(staged),
        stack_id=layout(stack_id, 4),
        tag_lines=[layout(Call("cdk.Tags.of(app).add", (k, v)), 0) for k, v in plan.tags.items()],
    )
    out.files["app.py"] = app.encode("utf-8")
    out.files[f"{module}.py"] = stack.encode("utf-8")
    out.files["cdk.json"] = cdk_json().encode()
    out.files["requirements.txt"] = REQUIREMENTS.encode()
    for asset in plan.assets:
        out.files[f"assets/{asset.file_name}"] = asset.data
    return out


render = render_with(CdkTarget)


def construct_id(section: str, logical: str) -> str:
    """The construct ID of an output: `Output:Orders`. A `:` never appears in
    a resource's construct ID (its logical ID), so an output named like a
    resource can't clash with it; the logical ID is then pinned to the cfn target's."""
    return f"{section}:{logical}"


def _rank(node: Node, index: dict[str, int]) -> tuple[bool, bool, int]:
    """Sorts first the node a method is named after: a statement's own resource, not
    an attachment or an edge's part (`orders: who may send to it`), earliest first."""
    return node.props.TYPE in ATTACHMENTS, ": " in node.label, index[node.id]


def _wheres(nodes: list[Node]) -> dict[str, str | None]:
    """Each node's `app.iac:12`, or None: found once per statement, whose nodes share
    its span."""
    by_span: dict[int, str] = {}
    out: dict[str, str | None] = {}
    for node in nodes:
        span = node.source
        if span is None:
            out[node.id] = None
            continue
        where = by_span.get(id(span))
        if where is None:
            where = by_span[id(span)] = span.where()
        out[node.id] = where
    return out


def _block(speller: CdkTarget, node: Node, body: str, where: str | None) -> str:
    """One node's statements, indented for a method: its source comment, the
    construct, its logical ID pin."""
    lines = [f"# {where}  {node.label}" if where is not None else f"# {node.label}"]
    var = speller.spelling(node.id)
    l2 = node.props.TYPE in L2_TYPES
    if l2 or node.id in speller.used:
        body = f"{var} = {body}"
    lines.append(body.rstrip("\n"))
    if l2:
        pin = Call(f"resource_of({var}).override_logical_id", (node.id,))
        lines.append(speller.line(pin))
    if isinstance(node.props, FunctionProps) and node.props.tracing:
        # Set on the resource: the construct's `tracing` would also grant the role a
        # second, CDK-made policy the plan doesn't have.
        mode = Call(f"resource_of({var}).add_property_override", ("TracingConfig.Mode", "Active"))
        lines.append(speller.line(mode))
    if isinstance(node.props, FunctionProps) and node.props.subnets:
        # The construct's `vpc` wants a VPC object and grants the role a policy of its own.
        config = {"SubnetIds": list(node.props.subnets)}
        config["SecurityGroupIds"] = list(node.props.security_groups)
        vpc = Call(f"resource_of({var}).add_property_override", ("VpcConfig", speller.expr(config)))
        lines.append(speller.line(vpc))
    for dep in node.depends_on:
        call = Call(f"{var}.node.add_dependency", (Code(speller.spelling(dep)),))
        lines.append(speller.line(call))
    return _indented("\n".join(lines))


def _indented(text: str) -> str:
    """`text` moved right by BASE_INDENT, blank lines left blank (Jinja's `indent`,
    without its cost per line: a stack has one block per node)."""
    pad = " " * BASE_INDENT
    if "\n\n" not in text and not text.endswith("\n"):
        return pad + text.replace("\n", "\n" + pad)
    first, *rest = text.split("\n")
    return "\n".join([pad + first] + [pad + line if line else line for line in rest])


def _default(kind: str, default: Any) -> Expr:
    """A param's default as the string CloudFormation would pass (`true`, `1024`)."""
    if default is None:
        return Code("None")
    if kind == "bool":
        return str(default).lower()
    return str(default)


def cdk_json() -> str:
    """cdk.json: the app, and the feature flags aws-cdk-lib recommends for new projects
    at the pinned version (its recommended-feature-flags.json), so `cdk synth` reports
    no unconfigured flags."""
    flags = json.loads(data_dir("targets").joinpath("cdk", FLAGS_FILE).read_text("utf-8"))
    return json.dumps({"app": "python3 app.py", "context": flags}, indent=2) + "\n"


def _text(value: Any, speller: CdkTarget) -> Expr:
    """An output's value: CloudFormation outputs are strings."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return speller.expr(value)


def _node_deps(node: Node) -> tuple[str, ...]:
    """The ids a node's construct reads: its references and its dependencies."""
    return (*_refs(node.props), *node.depends_on)


# The arrangement works on nodes by their index in the plan (lists, not dicts of ids):
# it runs on every node of every render.
Deps = list[set[int]]  # node index -> the indices of the nodes it reads


def _dependencies(nodes: list[Node], reads: Callable[[Node], tuple[str, ...]]) -> Deps:
    index = {n.id: i for i, n in enumerate(nodes)}
    deps: Deps = []
    for i, n in enumerate(nodes):
        found = {index[r] for r in reads(n) if r in index}
        found.discard(i)
        deps.append(found)
    return deps


def _users(deps: Deps) -> list[list[int]]:
    """Node index -> the nodes that read it, in plan order."""
    users: list[list[int]] = [[] for _ in deps]
    for i, read in enumerate(deps):
        for dep in read:
            users[dep].append(i)
    return users


def _ordered(deps: Deps, users: list[list[int]]) -> tuple[list[int], int | None]:
    """Plan order, except that a node comes after every node it refers to (Python
    needs a variable before its use); or the first node of a cycle."""
    # Kahn's algorithm, always taking the earliest ready node in plan order.
    waiting = [len(read) for read in deps]
    ready = [i for i, count in enumerate(waiting) if not count]  # sorted: a heap
    done: list[int] = []
    while ready:
        node = heapq.heappop(ready)
        done.append(node)
        for user in users[node]:
            waiting[user] -= 1
            if not waiting[user]:
                heapq.heappush(ready, user)
    if len(done) < len(deps):
        emitted = set(done)
        return done, next(i for i in range(len(deps)) if i not in emitted)
    return done, None


def _arrange(nodes: list[Node], deps: Deps) -> tuple[list[list[Node]], Node | None]:
    """The stack's methods: the nodes of each source statement (a resource, an edge)
    together, each method after every method whose constructs it reads; or the
    first node of a cycle.

    A statement's nodes can't always stay together: a queue's policy names the rules
    that send to it, and the rules name the queue. Such a node ("late": it reads, by
    way of other statements, something its own statement makes) goes to a second
    method of its statement, after those rules. Statements are grouped into strongly
    connected components first, so only nodes in a cycle of statements are examined.
    """
    users = _users(deps)
    ordered, cycle = _ordered(deps, users)
    if cycle is not None:
        return [], nodes[cycle]
    spans: dict[Any, int] = {}  # a statement's span -> its number (cheaper to hash)
    statement = [spans.setdefault(n.source, len(spans)) for n in nodes]
    members: dict[int, list[int]] = {}  # statement -> its nodes, in topological order
    for i in ordered:
        members.setdefault(statement[i], []).append(i)
    reads = {
        key: {statement[d] for m in ids for d in deps[m]} - {key} for key, ids in members.items()
    }
    component = _components(list(members), reads)
    size: dict[int, int] = {}
    for c in component.values():
        size[c] = size.get(c, 0) + 1
    late: set[int] = set()
    for key, ids in members.items():
        if size[component[key]] == 1:
            continue
        # The nodes of this cycle of statements that read this statement's nodes.
        own = set(ids)
        reach: set[int] = set()
        stack = list(ids)
        while stack:
            for user in users[stack.pop()]:
                if user not in reach and component[statement[user]] == component[key]:
                    reach.add(user)
                    stack.append(user)
        for m in ids:  # in topological order: a node reading a late one is late too
            if any((d in late) if d in own else (d in reach) for d in deps[m]):
                late.add(m)
    chunks: list[list[int]] = []
    for ids in members.values():
        if not late:
            chunks.append(ids)
            continue
        core = [m for m in ids if m not in late]
        chunks.extend(part for part in (core, [m for m in ids if m in late]) if part)
    return [[nodes[m] for m in chunk] for chunk in _schedule(chunks, deps, ordered)], None


def _schedule(chunks: list[list[int]], deps: Deps, ordered: list[int]) -> list[list[int]]:
    """The chunks in an order where each comes after every chunk it reads, earliest
    in plan order first. Where no chunk is ready (statements in a cycle even apart
    from their late nodes) the chunk of the earliest node not yet written (in
    `ordered`, the topological order) is split: the part of it that reads only what
    is written goes now, the rest waits."""
    owner = [0] * len(deps)  # node -> its chunk
    pending: dict[int, list[int]] = {}
    waiting: dict[int, int] = {}
    users: dict[int, set[int]] = {}  # node -> pending chunks that wait for it
    emitted = [False] * len(deps)
    ready: list[tuple[int, int]] = []  # (plan index of its first node, chunk)
    out: list[list[int]] = []

    def wait(chunk: int, ids: list[int]) -> None:
        pending[chunk] = ids
        outside = {d for m in ids for d in deps[m] if owner[d] != chunk and not emitted[d]}
        waiting[chunk] = len(outside)
        for d in outside:
            users.setdefault(d, set()).add(chunk)
        if not outside:
            heapq.heappush(ready, (min(ids), chunk))

    def emit(ids: list[int]) -> None:
        out.append(ids)
        for m in ids:
            emitted[m] = True
        for m in ids:
            for user in users.pop(m, ()):
                waiting[user] -= 1
                if not waiting[user]:
                    heapq.heappush(ready, (min(pending[user]), user))

    for chunk, ids in enumerate(chunks):
        for m in ids:
            owner[m] = chunk
    for chunk, ids in enumerate(chunks):
        wait(chunk, ids)
    written = iter(ordered)
    fresh = len(chunks)
    while pending:
        if ready:
            emit(pending.pop(heapq.heappop(ready)[1]))
            continue
        first = next(m for m in written if not emitted[m])
        stuck = owner[first]
        ids = pending.pop(stuck)
        for waiters in users.values():
            waiters.discard(stuck)
        now: list[int] = []
        for m in ids:  # in topological order
            if all(emitted[d] or d in now for d in deps[m]):
                now.append(m)
        emit(now)
        rest = [m for m in ids if m not in now]
        if rest:
            for m in rest:
                owner[m] = fresh
            wait(fresh, rest)
            fresh += 1
    return out


def _components(keys: list[Any], edges: dict[Any, set[Any]]) -> dict[Any, int]:
    """Tarjan's strongly connected components, without recursion: key -> component."""
    number: dict[Any, int] = {}
    low: dict[Any, int] = {}
    component: dict[Any, int] = {}
    stack: list[Any] = []
    on_stack: set[Any] = set()
    for root in keys:
        if root in number:
            continue
        work = [(root, iter(edges[root]))]
        number[root] = low[root] = len(number)
        stack.append(root)
        on_stack.add(root)
        while work:
            key, children = work[-1]
            for child in children:
                if child not in number:
                    number[child] = low[child] = len(number)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges[child])))
                    break
                if child in on_stack:
                    low[key] = min(low[key], number[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[key])
                if low[key] == number[key]:
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component[member] = number[key]
                        if member == key:
                            break
    return component


def _refs(value: Any) -> list[str]:
    out: list[str] = []
    _collect_refs(value, out)
    return out


# Plan values that hold no reference: skipped before any other test (most values are).
_LEAVES = frozenset({str, int, float, bool, type(None), Param, Pseudo, Az})
_FIELDS: dict[type, tuple[str, ...]] = {}


def _collect_refs(value: Any, out: list[str]) -> None:
    # Leaves are skipped before the call: most fields of most props are strings.
    kind = type(value)
    if kind is Ref:
        out.append(value.node)
    elif kind is Sub:
        for part in value.parts:
            if type(part) not in _LEAVES:
                _collect_refs(part, out)
    elif kind is Json:
        _collect_refs(value.value, out)
    elif kind is Statement:
        _collect_refs(value.resources, out)
        _collect_refs(value.conditions, out)
    elif kind is dict:
        for item in value.values():
            if type(item) not in _LEAVES:
                _collect_refs(item, out)
    elif kind is list or kind is tuple:
        for item in value:
            if type(item) not in _LEAVES:
                _collect_refs(item, out)
    elif kind not in _LEAVES:
        names = _FIELDS.get(kind)
        if names is None:
            is_data = records.is_dataclass(value) and not isinstance(value, type)
            names = tuple(f.name for f in records.fields(value)) if is_data else ()
            _FIELDS[kind] = names  # the same for every thread: a race writes it twice
        for name in names:  # props, rule targets
            item = getattr(value, name)
            if type(item) not in _LEAVES:
                _collect_refs(item, out)


__all__ = ["CdkTarget", "render"]
