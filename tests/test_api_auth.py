"""Language 1.1: api authentication, CORS lists, synchronous routes, FIFO and bus route
options, secret params. The members example is the golden case (every target, every
real tool); these tests hold the rules and the least privilege one by one."""

from __future__ import annotations

from collections.abc import Callable

import yaml
from conftest import codes

from examples import REPO, compile_program
from iac.compiler import compile_app
from iac.fmt import format_source
from iac.frontend import CheckResult
from iac.lsp.completion import complete
from iac.plan.model import ApiRouteProps, HttpApiProps

Check = Callable[..., CheckResult]
MEMBERS = REPO / "examples" / "members.iac"

API = """
userpool customers
function f { code = "src/handler.py" }
workflow quick {
  express = true
  invoke f
}
workflow slow { invoke f }
queue ledger { fifo = true }
bus events
api shop {
  auth = customers
  GET  /health -> f { auth = none }
  POST /quote  -> quick { sync = true }
  POST /start  -> slow
  POST /ledger -> ledger { group = "books" }
  POST /events -> events { source = "shop.web", detail_type = "Order" }
  POST /admin  -> f { auth = iam }
}
"""


def _cfn(result: CheckResult) -> dict:
    assert result.app is not None, [d.message for d in result.errors]
    compiled = compile_app(result.app, ["cfn"])
    return yaml.load(compiled.files["cfn/template.yaml"], Loader=_Loader)


class _Loader(yaml.SafeLoader):
    """Reads `!Ref` and friends as plain data."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: {suffix: str(node.value)})


def test_routes_authorize_as_written(program: Check) -> None:
    result = program(API)
    assert result.ok, [d.message for d in result.diagnostics]
    res = _cfn(result)["Resources"]
    assert res["ShopAuthorizer"]["Properties"]["AuthorizerType"] == "JWT"
    assert "AuthorizationType" not in res["ShopGetHealth"]["Properties"]  # `auth = none`
    assert res["ShopPostQuote"]["Properties"]["AuthorizationType"] == "JWT"
    assert res["ShopPostAdmin"]["Properties"]["AuthorizationType"] == "AWS_IAM"
    assert "AuthorizerId" not in res["ShopPostAdmin"]["Properties"]


def test_a_sync_route_grants_start_sync_execution_on_that_workflow_only(program: Check) -> None:
    res = _cfn(program(API))["Resources"]
    assert res["ShopPostQuoteIntegration"]["Properties"]["IntegrationSubtype"] == (
        "StepFunctions-StartSyncExecution"
    )
    assert res["ShopPostStartIntegration"]["Properties"]["IntegrationSubtype"] == (
        "StepFunctions-StartExecution"
    )
    (policy,) = res["ShopRole"]["Properties"]["Policies"]
    by_sid = {st["Sid"]: st for st in policy["PolicyDocument"]["Statement"]}
    sync = by_sid["StartSyncExecutionQuick"]
    assert sync["Action"] == "states:StartSyncExecution"
    assert "stateMachine:" in str(sync["Resource"]) and "quick" in str(sync["Resource"])
    assert by_sid["StartExecutionSlow"]["Action"] == "states:StartExecution"
    actions = [st["Action"] for st in by_sid.values()]
    assert actions.count("states:StartSyncExecution") == 1


def test_fifo_group_and_bus_source_reach_the_integrations(program: Check) -> None:
    res = _cfn(program(API))["Resources"]
    ledger = res["ShopPostLedgerIntegration"]["Properties"]["RequestParameters"]
    assert ledger["MessageGroupId"] == "books"
    events = res["ShopPostEventsIntegration"]["Properties"]["RequestParameters"]
    assert (events["Source"], events["DetailType"]) == ("shop.web", "Order")


def test_cors_true_stays_the_open_form(program: Check) -> None:
    result = program('function f { code = "src/handler.py" }\napi a {\n  cors = true\n'
                     "  GET /x -> f\n}\n")  # fmt: skip
    assert result.app is not None
    cors = result.app.resources["a"].cors
    assert cors is not None and (cors.origins, cors.methods, cors.headers) == (
        ("*",),
        ("*",),
        ("*",),
    )
    assert cors.max_age is None


def test_a_route_override_gets_its_own_authorizer(program: Check) -> None:
    text = API.replace(
        "POST /admin  -> f { auth = iam }",
        'POST /admin  -> f { auth = jwt { issuer = "https://id.example", audience = ["a"] } }',
    )
    res = _cfn(program(text))["Resources"]
    admin = res["ShopPostAdminAuthorizer"]["Properties"]
    assert admin["JwtConfiguration"] == {"Issuer": "https://id.example", "Audience": ["a"]}
    assert res["ShopPostAdmin"]["Properties"]["AuthorizerId"] == {"Ref": "ShopPostAdminAuthorizer"}


def test_an_override_id_collision_is_refused_at_check_time(program: Check) -> None:
    text = API.replace(
        "POST /admin  -> f { auth = iam }",
        'POST /admin  -> f { auth = jwt { issuer = "https://id.example", audience = ["a"] } }',
    )
    result = program(text + "queue shop_post_admin_authorizer\n")
    assert codes(result.errors) == ["E104"]
    assert "authorizer" in result.errors[0].message


def test_secret_params_are_never_shown(program: Check) -> None:
    result = program("param token: secret\nsecret hook { value = token }\n")
    assert result.ok
    template = _cfn(result)
    assert template["Parameters"]["Token"] == {
        "Type": "String",
        "NoEcho": True,
        "Description": "param token: secret",
    }
    props = template["Resources"]["Hook"]["Properties"]
    assert props["SecretString"] == {"Ref": "Token"} and "GenerateSecretString" not in props


def test_secret_params_in_every_target() -> None:
    compiled = compile_program(MEMBERS, ["terraform", "cdk"])
    variables = compiled.files["terraform/variables.tf"].decode()
    assert (
        'variable "webhook_token" {\n  description = "param webhook_token: secret"\n'
        "  type        = string\n  sensitive   = true\n}"
    ) in variables
    main = compiled.files["terraform/main.tf"].decode()
    assert "secret_string = var.webhook_token" in main
    stack = compiled.files["cdk/members_stack.py"].decode()
    assert "no_echo=True" in stack
    assert "cdk.SecretValue.cfn_parameter(self.webhook_token)" in stack


def test_a_secret_param_set_at_compile_time_is_refused(program: Check) -> None:
    result = program("param token: secret\nsecret hook { value = token }\n", {"token": "x"})
    assert codes(result.errors) == ["E177"]


def test_terraform_refuses_a_runtime_its_provider_does_not_know(program: Check) -> None:
    result = program('function f {\n  code = "src/handler.py"\n  runtime = "python3.14"\n}\n'
                     "every 5m -> f\n")  # fmt: skip
    assert result.app is not None and result.ok
    compiled = compile_app(result.app, ["terraform"])
    assert [d.code for d in compiled.diagnostics] == ["E200"]
    assert "python3.14" in compiled.diagnostics[0].message
    assert compile_app(result.app, ["cfn"]).files  # CloudFormation takes it


def test_userpool_attributes_reach_the_outputs() -> None:
    compiled = compile_program(MEMBERS, ["cfn"])
    template = yaml.load(compiled.files["cfn/template.yaml"], Loader=_Loader)
    outputs = template["Outputs"]
    assert outputs["ClientId"]["Value"] == {"Ref": "CustomersClient"}
    assert "cognito-idp." in str(outputs["Issuer"]["Value"])
    planned = compiled.plan
    assert planned is not None
    shop = planned.node("Shop").props
    assert isinstance(shop, HttpApiProps) and shop.cors is not None
    assert shop.cors.origins == ("https://shop.example",) and shop.cors.max_age == 3600
    health = planned.node("ShopGetHealth").props
    assert isinstance(health, ApiRouteProps) and health.authorization == "NONE"


def test_fmt_keeps_route_options_and_named_blocks() -> None:
    text = MEMBERS.read_text(encoding="utf-8")
    formatted = format_source(text, str(MEMBERS))
    assert format_source(formatted, str(MEMBERS)) == formatted
    for kept in ("{ auth = none }", "{ sync = true }", 'auth = jwt { issuer = "https://auth'):
        assert kept in formatted


def test_completion_knows_auth_cors_and_route_options() -> None:
    names = {"customers": "userpool", "shop": "api", "f": "function"}
    labels = lambda before: {i.label for i in complete(before, names)}  # noqa: E731
    assert {"customers", "iam", "none", "jwt"} <= labels("api shop {\n  auth = ")
    assert {"origins", "methods", "headers", "max_age"} <= labels("api shop {\n  cors {\n    ")
    assert {"auth", "sync", "group", "source", "detail_type"} <= labels(
        "api shop {\n  GET /x -> f { "
    )
    assert {"auth", "cors"} <= labels("api shop {\n  ")
    assert "userpool" in labels("user")


def test_allow_invoke_on_an_api_grants_execute_api_on_its_routes_only(program: Check) -> None:
    text = API + (
        'function caller {\n  code = "src/handler.py"\n  env { URL = shop.url }\n'
        "  allow shop: invoke\n}\nevery 1h -> caller\n"
    )
    res = _cfn(program(text))["Resources"]
    (policy,) = [p for p in res["CallerRole"]["Properties"]["Policies"] if "PolicyDocument" in p]
    (grant,) = [s for s in policy["PolicyDocument"]["Statement"] if s["Sid"] == "InvokeShop"]
    assert grant["Action"] == "execute-api:Invoke"
    assert grant["Resource"] == {
        "Sub": "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Shop}/*"
    }


def test_the_graph_draws_the_pool_an_api_trusts() -> None:
    from iac.frontend import check, load
    from iac.graph import build_graph

    result = check(load(MEMBERS))
    assert result.app is not None
    edges = {(e.source, e.target, e.label) for e in build_graph(result.app).edges}
    assert any(s.endswith("customers") and t.endswith("shop") and lbl == "auth"
               for s, t, lbl in edges)  # fmt: skip


def test_a_secret_param_in_a_route_option_is_written_in_clear(program: Check) -> None:
    result = program(
        "param token: secret\nsecret hook { value = token }\nqueue q { fifo = true }\n"
        "api a {\n  POST /q -> q { group = token }\n}\n"
    )
    assert result.ok
    assert "W041" in [d.code for d in result.diagnostics]  # (and W002: `hook` is unread)
