"""The one context every lowering pass works on: the nodes so far, roles, assets and
diagnostics, and the look-ups every pass shares (names, values, ARNs, grants).

The passes (serverless.py, edges.py, compute.py) are plain functions over it, called
in order by the driver in lower.py.
"""

from __future__ import annotations

from typing import Any

from .. import model as m
from ..catalog import NAME_RULES
from ..diagnostics import Diagnostic, Severity
from ..names import logical_id, physical
from ..source import Span
from .assets import Asset
from .iam import OPERATIONS, RoleSpec, Statement
from .model import Node, Props, RoleProps
from .values import PARTITION, REGION, URL_SUFFIX, Param, Ref, Sub, Value, arn

# Every queue states its largest message, so the targets make the same queue: the
# Terraform provider (5.x) sends 262,144 when unset and accepts no more, while
# CloudFormation leaves it to SQS (1 MiB for new queues). 256 KiB is also the most
# that SNS, EventBridge and Step Functions deliver in one message.
MAX_MESSAGE_SIZE = 262_144

# Model ids that name a cross-region inference profile (the geography, then the
# foundation model's id): `us.anthropic.claude-3-5-sonnet-20241022-v2:0`.
PROFILE_PREFIXES = ("us.", "us-gov.", "eu.", "apac.", "jp.", "au.", "global.")

# Service limits on physical names: the catalogue's naming rules. A schedule is an
# EventBridge rule, and so is each rule the edges make.
NAME_LIMITS = {kind: rule.high for kind, rule in NAME_RULES.items()}
NAME_LIMITS["rule"] = NAME_RULES["schedule"].high


class Lowering:
    """What the passes build up while they lower one app."""

    def __init__(self, app: m.App):
        self.app = app
        self.nodes: list[Node] = []
        self.by_id: dict[str, Node] = {}
        # roles by key, granted to by every pass; a role node's statements are filled
        # in from its key (role_nodes) once every pass has run
        self.roles: dict[str, RoleSpec] = {}
        self.role_nodes: dict[str, str] = {}  # role node id -> key in `roles`
        self.assets: list[Asset] = []
        self.diagnostics: list[Diagnostic] = []
        self.prefix = self.expr(app.prefix)
        # resource policies gathered from every edge, keyed by the node they protect
        self.policies: dict[str, list[Statement]] = {}
        self.edge_sources = {e.source for e in app.edges}

    # ---------------------------------------------------------------- helpers

    def add(self, node: Node) -> Node:
        if node.id in self.by_id:
            self.unsupported(
                node.source,
                f"two resources of the output would share the logical ID `{node.id}`",
                "rename one of the resources",
                code="E201",
            )
            return node
        self.by_id[node.id] = node
        self.nodes.append(node)
        return node

    def node(self, nid: str, props: Props, source: Span | None, label: str, **kw: Any) -> Node:
        """Add a node made of these props."""
        return self.add(Node(nid, props, source, label, **kw))

    def role_node(self, nid: str, key: str, service: str, source: Span | None, label: str) -> None:
        """A role node whose statements are those `roles[key]` holds when lowering ends."""
        self.role_nodes[nid] = key
        self.node(nid, RoleProps(service), source, label)

    def unsupported(self, span: Span | None, message: str, hint: str, code: str = "E200") -> None:
        self.diagnostics.append(Diagnostic(code, Severity.ERROR, message, span, hints=(hint,)))

    def name_of(self, res: m.Resource, limit_kind: str, suffix: str = "") -> Value:
        if res.attrs.get("name") is not None:
            return _with_suffix(self.expr(res.attrs["name"]), suffix)
        limit = NAME_LIMITS[limit_kind] - len(suffix)
        if isinstance(self.prefix, str):
            return physical(self.prefix, res.name, limit) + suffix
        # A prefix with params can't be measured at compile time; AWS checks it.
        return Sub.of(self.prefix, "-" + res.name.replace("_", "-") + suffix)

    def expr(self, value: Any) -> Value:
        """A model expression as a plan value."""
        if isinstance(value, m.ParamRef):
            return Param(value.name)
        if isinstance(value, m.AttrRef):
            return self.attr(value.resource, value.attr)
        if isinstance(value, m.Interp):
            return Sub.of(*(self.expr(p) if not isinstance(p, str) else p for p in value.parts))
        return value  # type: ignore[no-any-return]

    def attr(self, resource: str, attr: str) -> Value:
        res = self.app.resources[resource]
        if res.kind == "model":
            if attr == "id":
                return str(res.attrs["id"])
            return self.model_arn(res)
        if res.kind == "userpool" and attr == "client_id":
            return Ref(f"{logical_id(resource)}Client", "id")
        if res.kind == "userpool" and attr == "issuer":
            return Sub.of(
                "https://cognito-idp.",
                REGION,
                ".",
                URL_SUFFIX,
                "/",
                Ref(logical_id(resource), "id"),
            )
        if res.kind == "function" and attr == "url":
            return Ref(f"{logical_id(resource)}Url", "url")  # the function URL node
        return Ref(logical_id(resource), attr)

    def model_arn(self, res: m.Resource) -> Value:
        """A foundation model in the app's region, or the app's inference profile."""
        model_id = str(res.attrs["id"])
        if model_id.startswith(PROFILE_PREFIXES):
            return arn("bedrock", f"inference-profile/{model_id}")
        return arn("bedrock", f"foundation-model/{model_id}", account=False)

    def model_resources(self, res: m.Resource) -> tuple[Value, ...]:
        """What `invoke` on a model names. An inference profile sends each request to
        the foundation model in one of its regions, and Bedrock authorizes both the
        profile and that model: the model is granted in every region (the one ARN of
        the plan with a region wildcard), and only that model."""
        model_id = str(res.attrs["id"])
        if not model_id.startswith(PROFILE_PREFIXES):
            return (self.model_arn(res),)
        routed = model_id.split(".", 1)[1]
        routed_arn = Sub.of("arn:", PARTITION, f":bedrock:*::foundation-model/{routed}")
        return (self.model_arn(res), routed_arn)

    def iam_arn(self, name: str) -> Value:
        """The ARN a policy names: built from the physical name for the kinds that
        wait for their own role (functions, workflows, task definitions), so that no
        role waits for them in turn and no two of them can form a dependency cycle."""
        res = self.app.resources[name]
        if res.kind == "function":
            return arn("lambda", Sub.of("function:", self.name_of(res, "function")))
        if res.kind == "workflow":
            return arn("states", Sub.of("stateMachine:", self.name_of(res, "workflow")))
        if res.kind == "container":
            family = self.name_of(res, "container")
            return arn("ecs", Sub.of("task-definition/", family, ":*"))
        return self.arn_of(name)

    def message_group(self, target: m.Resource) -> str | None:
        """The message group every sender to a FIFO queue or topic sets: one group per
        app, so the whole queue is delivered in the order it was sent. (The language
        does not yet let a program choose the group.)"""
        return self.app.name if target.attrs.get("fifo") else None

    def arn_of(self, name: str) -> Value:
        return self.attr(name, "arn")

    def role(self, owner: m.Resource) -> RoleSpec:
        return self.roles[logical_id(owner.name)]

    def grant(self, role: RoleSpec, grant: m.Grant) -> None:
        target = self.app.resources[grant.target]
        by_scope: dict[str, list[str]] = {}
        for op in grant.ops:
            actions, scope = OPERATIONS[(target.kind, op)]
            by_scope.setdefault(scope, []).extend(actions)
        for scope, granted in by_scope.items():
            base = self.iam_arn(target.name)
            if scope == "objects":
                resources: tuple[Value, ...] = (Sub.of(base, "/*"),)
                tail = "Objects"
            elif scope == "model":
                resources = self.model_resources(target)
                tail = ""
            elif scope == "api":
                # Every stage, method and route of the api: `EXECUTION_ARN/*`.
                resources = (Sub.of(Ref(logical_id(target.name), "execution_arn"), "/*"),)
                tail = ""
            elif scope == "arn+indexes":
                resources = (base, Sub.of(base, "/index/*"))
                tail = ""
            else:
                resources = (base,)
                tail = ""
            ops = "".join(o.capitalize() for o in grant.ops)
            role.add(
                Statement(
                    f"{ops}{logical_id(target.name)}{tail}",
                    tuple(sorted(set(granted))),
                    resources,
                    grant.span,
                    f"`allow {grant.target}: {', '.join(grant.ops)}`",
                )
            )


def _with_suffix(name: Value, suffix: str) -> Value:
    """An explicit name with the suffix its kind needs (`.fifo`), unless it has it."""
    last = name.parts[-1] if isinstance(name, Sub) else name
    if not suffix or (isinstance(last, str) and last.endswith(suffix)):
        return name
    return Sub.of(name, suffix)
