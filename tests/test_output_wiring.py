"""Small programs at the edges of naming and wiring, compiled to every target and
checked by the real tools: cfn-lint, `terraform validate` and `fmt`, a real CDK
synth, asl-validator, and a YAML 1.1 loader (PyYAML) for the keys.

Each program is one class of output that once validated here and broke for AWS or
for a tool: names Terraform reserves, names YAML 1.1 reads as booleans, outputs
named like resources, a construct read only by an output, FIFO wiring, queue sizes,
long bucket prefixes and inference profiles."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from tools import (
    PACKAGE_PATHS,
    asl_validate,
    cdk_synth,
    cfn_lint,
    format_cfn_lint,
    format_tf_diagnostics,
    terraform_fmt_check,
    terraform_validate,
)

from examples import compile_program
from iac.compiler import Compiled
from iac.explain import explain
from iac.explain import render_json as explain_json
from iac.plan.model import StateMachineProps

HANDLER = "def handler(event, context):\n    return event\n"

RESERVED = ("count", "depends_on", "for_each", "lifecycle", "locals", "provider", "providers")
RESERVED += ("source", "version")
YAML_WORDS = ("on", "off", "yes", "no", "null", "y", "n")
LONG_APP = "a" * 30 + "_inventory_reconciliation_service"  # 63 characters

PROGRAMS: dict[str, str] = {
    # Terraform refuses these as variable names (item 11).
    "reserved_params": "\n".join(
        [*(f'param {n}: string = "{n}-value"' for n in RESERVED)]
        + ['function f {\n  code = "src/handler.py"\n  env {']
        + [f"    V_{n.upper()} = {n}" for n in RESERVED]
        + ["  }\n}", 'queue q { name = "${version}-${source}-q" }']
        + [f"output {n}_out = {n}" for n in RESERVED]
        + ["output name_of_q = q.name"]
    ),
    # YAML 1.1 reads On, Off, Yes, No, Null, Y, N as booleans or null (item 12).
    "yaml_words": "\n".join(
        [f"queue {w}" for w in YAML_WORDS]
        + ['function f {\n  code = "src/handler.py"']
        + [f"  allow {w}: send" for w in YAML_WORDS]
        + ["}", "output true = on.arn", "output false = off.url"]
    ),
    # Outputs named like a resource and like a param (item 9).
    "output_names": """
param stage: string = "dev"
queue orders
function f {
  code = "src/handler.py"
  env { STAGE = stage }
  allow orders: send
}
output orders = orders.arn
output stage = stage
output f = f.arn
""",
    # A workflow that only an output names (item 17).
    "workflow_output": """
function f { code = "src/handler.py" }
workflow flow {
  invoke f
}
output flow_arn = flow.arn
output flow_name = flow.name
""",
    # Every sender to a FIFO queue or topic (item 19), and an explicit FIFO name.
    "fifo": """
queue jobs {
  fifo = true
  name = "jobs"
  max_receives = 3
}
queue fanout {
  fifo = true
}
topic feed {
  fifo = true
  name = "feed"
}
bus events
api front {
  POST /jobs -> jobs
}
function worker { code = "src/handler.py" }
on jobs.message -> worker
on events.event(source: "shop") -> jobs
on feed.message -> fanout
on fanout.message -> worker
workflow flow {
  send jobs
  publish feed
}
on events.event(source: "flow") -> flow
""",
    # A long app name: Terraform's bucket_prefix takes at most 37 characters (item 18).
    "long_app": f"app {LONG_APP} {{\n}}\nbucket uploads\nbucket b\noutput u = uploads.name\n",
    # A cross-region inference profile (item 28).
    "bedrock_profile": """
model claude { id = "us.anthropic.claude-3-5-sonnet-20241022-v2:0" }
model haiku { id = "anthropic.claude-3-haiku-20240307-v1:0" }
function ask {
  code = "src/handler.py"
  env { MODEL = claude.id }
  allow claude: invoke
  allow haiku: invoke
}
output profile_arn = claude.arn
""",
    # Every workflow statement and option of language 1.1 in one machine (issue 16).
    "workflows_1_1": """
bucket uploads
queue failed
topic done
bus events
model haiku { id = "anthropic.claude-3-haiku-20240307-v1:0" }
model sonnet { id = "us.anthropic.claude-3-5-sonnet-20241022-v2:0" }
function thumb { code = "src/handler.py" }
function ask { code = "src/handler.py" }
function answer {
  code = "src/handler.py"
  allow flow: callback
}
container transcode { image = "public.ecr.aws/docker/library/busybox:1.36" }
workflow flow {
  set $.started = $$.Execution.StartTime
  set $.copy = $.detail
  set $.meta = { stage = "x", run = $$.Execution.Name, n = 3, tags = ["a", "b"] }
  set $.flag = true
  try {
    if $.detail.object.size > 10MB {
      run transcode {
        env { OBJECT_KEY = $.detail.object.key, BUCKET = $.detail.bucket.name, N = 2 }
      }
    } else {
      invoke thumb { input = { key = $.detail.object.key }, result = $.thumb, retry = 3 }
    }
    parallel {
      branch {
        send failed { input = { key = $.detail.object.key } }
      }
      branch {
        try {
          publish done { input = { n = 1 } }
        } catch States.Timeout as $.late {
          succeed
        }
      }
    }
    if $$.Execution.Input.strict == true {
      fail "Strict" "refused"
    }
  } catch States.TaskFailed, States.Timeout, Strict as $.error {
    send failed
    fail "Failed" "could not process"
  } catch {
    succeed
  }
  invoke haiku {
    body   = { prompt = $.detail.object.key, messages = [{ content = $.detail.object.key }] }
    result = $.summary
  }
  invoke sonnet
  invoke ask {
    callback = true, timeout = 1d, heartbeat = 1h, input = { key = $.detail.object.key }
  }
  wait until $.publish_at
  wait until "2030-01-31T09:00:00Z"
  wait $$.Execution.Input.delay
  put events { input = { summary = $.summary } }
  for each $$.Execution.Input.items {
    invoke thumb
  }
  publish done { result = $.published }
}
on uploads.created(prefix: "incoming/") -> flow
""",
}


class _CfnLoader(yaml.SafeLoader):
    """PyYAML's YAML 1.1 SafeLoader with CloudFormation's short tags."""


def _intrinsic(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    name = "Ref" if suffix == "Ref" else f"Fn::{suffix}"
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
        if suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


_CfnLoader.add_multi_constructor("!", _intrinsic)


def _keys(value: Any) -> list[Any]:
    """Every mapping key in a loaded document."""
    if isinstance(value, dict):
        return [*value, *(k for v in value.values() for k in _keys(v))]
    if isinstance(value, list):
        return [k for v in value for k in _keys(v)]
    return []


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Each program compiled to every target, its CDK apps synthesized together."""
    root = tmp_path_factory.mktemp("wiring")
    found: dict[str, dict[str, Any]] = {}
    for name, text in PROGRAMS.items():
        folder = root / name
        (folder / "src").mkdir(parents=True)
        (folder / "src" / "handler.py").write_text(HANDLER)
        program = folder / f"{name}.iac"
        program.write_text(text, encoding="utf-8")
        compiled = compile_program(program, ["cfn", "terraform", "cdk"])
        assert not compiled.diagnostics, [d.message for d in compiled.diagnostics]
        out = folder / "out"
        for path, data in compiled.files.items():
            (out / path).parent.mkdir(parents=True, exist_ok=True)
            (out / path).write_bytes(data)
        found[name] = {"compiled": compiled, "out": out}
    # Under xdist every worker builds this fixture: the first one synthesizes, the
    # others read its templates (as tests/test_cdk.py does).
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    cache = shared / "wiring-synth"
    cache.mkdir(exist_ok=True)
    for app in found.values():
        app["digest"] = _digest(app["compiled"].files)
    with open(shared / "wiring-synth.lock", "w") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        missing = [a for a in found.values() if not (cache / f"{a['digest']}.json").exists()]
        synthesized = cdk_synth([a["out"] / "cdk" for a in missing], max_parallel=2)
        for app in missing:
            (cache / f"{app['digest']}.json").write_text(
                json.dumps(synthesized[app["out"] / "cdk"])
            )
    for app in found.values():
        app["cdk"] = json.loads((cache / f"{app['digest']}.json").read_text())
        text = app["compiled"].files["cfn/template.yaml"].decode()
        app["cfn"] = yaml.load(text, Loader=_CfnLoader)  # noqa: S506 - a SafeLoader
    return found


def _digest(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in files if p.startswith("cdk/")):
        digest.update(path.encode() + b"\0" + files[path] + b"\0")
    return digest.hexdigest()[:24]


def _cfn(app: dict[str, Any]) -> dict[str, Any]:
    return app["cfn"]  # type: ignore[no-any-return]


def _tf(app: dict[str, Any], name: str) -> str:
    return app["compiled"].files[f"terraform/{name}"].decode()  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_cfn_lint_passes(built: dict[str, dict[str, Any]], name: str) -> None:
    matches = cfn_lint(
        built[name]["out"] / "cfn" / "template.yaml",
        include_warnings=True,
        ignore_checks=PACKAGE_PATHS,
    )
    assert not matches, format_cfn_lint(matches)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_terraform_validate_and_fmt(
    built: dict[str, dict[str, Any]], name: str, tmp_path: Path
) -> None:
    config = tmp_path / "tf"
    shutil.copytree(built[name]["out"] / "terraform", config)
    result = terraform_validate(config)
    assert result["valid"], format_tf_diagnostics(result)
    assert result["warning_count"] == 0, format_tf_diagnostics(result)
    assert terraform_fmt_check(config) == ""


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_cdk_synth_matches_cfn_ids(built: dict[str, dict[str, Any]], name: str) -> None:
    """The synth ran (the fixture fails otherwise); its logical IDs are cfn's."""
    app = built[name]
    cfn, cdk = _cfn(app), app["cdk"]
    assert set(cdk["Resources"]) - {"CDKMetadata"} == set(cfn["Resources"])
    assert set(cdk.get("Outputs", {})) == set(cfn.get("Outputs", {}))
    # The CDK app takes params as context values (at synth time), not as parameters.
    assert set(cdk.get("Parameters", {})) - {"BootstrapVersion"} == set()


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_workflow_definitions_pass_asl_validator(
    built: dict[str, dict[str, Any]], name: str
) -> None:
    for resource in built[name]["cdk"]["Resources"].values():
        if resource["Type"] != "AWS::StepFunctions::StateMachine":
            continue
        definition = json.loads(_concrete(resource["Properties"]["DefinitionString"]))
        assert not asl_validate(definition), definition


def _concrete(value: Any) -> str:
    """A synthesized DefinitionString with its placeholders left as plain text."""
    if isinstance(value, str):
        return value
    if "Fn::Join" in value:
        return "".join(_concrete(p) if isinstance(p, str) else "x" for p in value["Fn::Join"][1])
    return "{}"


# ---------------------------------------------------------------- item 11


def test_reserved_terraform_names_get_a_suffix(built: dict[str, dict[str, Any]]) -> None:
    app = built["reserved_params"]
    variables, main, outputs = (_tf(app, f) for f in ("variables.tf", "main.tf", "outputs.tf"))
    for n in RESERVED:
        assert f'variable "{n}_" {{' in variables
        assert f'variable "{n}" {{' not in variables
        assert f"var.{n}_" in main
        assert f"var.{n}_" in outputs
        assert f'output "{n}_out" {{' in outputs
    assert '"${var.version_}-${var.source_}-q"' in main
    # CloudFormation keeps the param's own logical ID; the CDK app its name as the
    # context key (`-c version=...`), here at its default.
    assert "Version" in _cfn(app)["Parameters"]
    queue = app["cdk"]["Resources"]["Q"]["Properties"]
    assert queue["QueueName"] == "version-value-source-value-q"


# ---------------------------------------------------------------- item 12


def test_yaml_words_stay_strings_for_a_yaml_1_1_reader(built: dict[str, dict[str, Any]]) -> None:
    template = _cfn(built["yaml_words"])
    keys = _keys(template)
    assert all(isinstance(k, str) for k in keys), [k for k in keys if not isinstance(k, str)]
    words = {w.capitalize() for w in YAML_WORDS}
    assert words <= set(template["Resources"])
    assert {"True", "False"} <= set(template["Outputs"])
    assert template["Outputs"]["True"]["Value"] == {"Fn::GetAtt": ["On", "Arn"]}
    assert template["Outputs"]["False"]["Value"] == {"Ref": "Off"}
    # Every scalar that reads back as a bool or null was written as one on purpose.
    text = built["yaml_words"]["compiled"].files["cfn/template.yaml"].decode()
    for word in words | {"True", "False"}:
        assert f"\n  {word}:" not in text
        assert f"!Ref {word}\n" not in text


# ---------------------------------------------------------------- item 9


def test_outputs_named_like_resources_and_params(built: dict[str, dict[str, Any]]) -> None:
    app = built["output_names"]
    cfn, cdk = _cfn(app), app["cdk"]
    assert set(cfn["Outputs"]) == {"Orders", "Stage", "F"}
    assert cdk["Outputs"]["Orders"]["Value"] == {"Fn::GetAtt": ["Orders", "Arn"]}
    assert cdk["Outputs"]["Stage"]["Value"] == "dev"  # a context value, at its default
    assert cdk["Outputs"]["F"]["Value"] == {"Fn::GetAtt": ["F", "Arn"]}
    assert cdk["Resources"]["Orders"]["Type"] == "AWS::SQS::Queue"
    stack = app["compiled"].files["cdk/output_names_stack.py"].decode()
    assert '"Output:Orders"' in stack and 'context(self, "stage", "dev")' in stack


# ---------------------------------------------------------------- item 17


def test_a_workflow_only_an_output_names_is_bound(built: dict[str, dict[str, Any]]) -> None:
    cdk = built["workflow_output"]["cdk"]
    assert cdk["Outputs"]["FlowArn"]["Value"] == {"Ref": "Flow"}
    assert cdk["Outputs"]["FlowName"]["Value"] == {"Fn::GetAtt": ["Flow", "Name"]}


# ---------------------------------------------------------------- item 18


def test_bucket_prefix_fits_terraform(built: dict[str, dict[str, Any]]) -> None:
    main = _tf(built["long_app"], "main.tf")
    prefixes = [
        ln.split("=", 1)[1].strip().strip('"') for ln in main.splitlines() if "bucket_prefix" in ln
    ]
    assert len(prefixes) == 2
    for prefix in prefixes:
        assert len(prefix) <= 37, prefix
        assert prefix.endswith("-")
    assert len(set(prefixes)) == 2


# ---------------------------------------------------------------- item 19


def test_fifo_names_dedup_and_groups(built: dict[str, dict[str, Any]]) -> None:
    app = built["fifo"]
    cfn = _cfn(app)["Resources"]
    assert cfn["Jobs"]["Properties"]["QueueName"] == "jobs.fifo"
    assert cfn["Feed"]["Properties"]["TopicName"] == "feed.fifo"
    # FanoutDlq: the FIFO topic's subscription redrives to a FIFO queue, as SNS requires.
    for rid in ("Jobs", "JobsDlq", "Fanout", "FanoutDlq"):
        assert cfn[rid]["Properties"]["FifoQueue"] is True
        assert cfn[rid]["Properties"]["ContentBasedDeduplication"] is True
    assert cfn["Feed"]["Properties"]["ContentBasedDeduplication"] is True
    integration = cfn["FrontPostJobsIntegration"]["Properties"]["RequestParameters"]
    assert integration["MessageGroupId"] == "fifo"
    target = cfn["EventsEventToJobs"]["Properties"]["Targets"][0]
    assert target["SqsParameters"] == {"MessageGroupId": "fifo"}
    definition = _definition(app)
    send, publish = definition["States"]["Send jobs"], definition["States"]["Publish feed"]
    assert send["Parameters"]["MessageGroupId"] == "fifo"
    assert publish["Parameters"]["MessageGroupId"] == "fifo"
    assert not asl_validate(_concrete_states(definition))
    # The CDK app and Terraform say the same.
    cdk = app["cdk"]["Resources"]
    assert cdk["Jobs"]["Properties"]["QueueName"] == "jobs.fifo"
    assert cdk["Jobs"]["Properties"]["ContentBasedDeduplication"] is True
    assert cdk["Feed"]["Properties"]["ContentBasedDeduplication"] is True
    assert cdk["EventsEventToJobs"]["Properties"]["Targets"][0]["SqsParameters"] == {
        "MessageGroupId": "fifo"
    }
    main = _tf(app, "main.tf")
    assert 'name                        = "jobs.fifo"' in main
    assert main.count("content_based_deduplication = true") == 5  # 4 queues, 1 topic
    # EventBridge takes no FIFO dead-letter queue: the rule to FIFO `jobs` has none (W030).
    assert "DeadLetterConfig" not in target
    assert 'message_group_id = "fifo"' in main
    assert '"MessageGroupId"  = "fifo"' in main or 'MessageGroupId = "fifo"' in main


def _definition(app: dict[str, Any]) -> dict[str, Any]:
    plan = app["compiled"].plan
    node = next(n for n in plan.nodes if n.type == "state_machine")
    assert isinstance(node.props, StateMachineProps)
    return node.props.definition


def _concrete_states(definition: Any) -> Any:
    if isinstance(definition, dict):
        return {k: _concrete_states(v) for k, v in definition.items()}
    if isinstance(definition, list):
        return [_concrete_states(v) for v in definition]
    if isinstance(definition, str | int | float | bool) or definition is None:
        return definition
    return "arn:aws:sqs:us-east-1:123456789012:x"


# ---------------------------------------------------------------- item 20a


def test_every_queue_states_its_message_size(built: dict[str, dict[str, Any]]) -> None:
    for name, app in built.items():
        compiled: Compiled = app["compiled"]
        assert compiled.plan is not None
        queues = [n.id for n in compiled.plan.nodes if n.type == "queue"]
        for qid in queues:
            assert _cfn(app)["Resources"][qid]["Properties"]["MaximumMessageSize"] == 262144
            assert app["cdk"]["Resources"][qid]["Properties"]["MaximumMessageSize"] == 262144
        assert _tf(app, "main.tf").count("max_message_size") == len(queues), name


# ---------------------------------------------------------------- item 28


def test_inference_profiles_grant_the_profile_and_its_models(
    built: dict[str, dict[str, Any]],
) -> None:
    app = built["bedrock_profile"]
    profile = "us.anthropic.claude-3-5-sonnet-20241022-v2:0"
    base = "anthropic.claude-3-5-sonnet-20241022-v2:0"
    want_profile = (
        "arn:${AWS::Partition}:bedrock:${AWS::Region}:${AWS::AccountId}:inference-profile/"
        + profile
    )
    want_models = "arn:${AWS::Partition}:bedrock:*::foundation-model/" + base
    want_haiku = (
        "arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/"
        "anthropic.claude-3-haiku-20240307-v1:0"
    )
    role = _cfn(app)["Resources"]["AskRole"]["Properties"]
    statements = {s["Sid"]: s for p in role["Policies"] for s in p["PolicyDocument"]["Statement"]}
    assert [r["Fn::Sub"] for r in statements["InvokeClaude"]["Resource"]] == [
        want_profile,
        want_models,
    ]
    assert statements["InvokeHaiku"]["Resource"] == {"Fn::Sub": want_haiku}
    assert _cfn(app)["Outputs"]["ProfileArn"]["Value"] == {"Fn::Sub": want_profile}
    main = _tf(app, "main.tf")
    assert (
        f"arn:${{data.aws_partition.current.partition}}:bedrock:*::foundation-model/{base}" in main
    )
    assert "inference-profile/" + profile in main
    cdk_role = app["cdk"]["Resources"]["AskRole"]["Properties"]
    cdk_text = json.dumps(cdk_role)
    assert "bedrock:*::foundation-model/" + base in cdk_text
    assert "inference-profile/" + profile in cdk_text
    compiled: Compiled = app["compiled"]
    assert compiled.plan is not None
    shown = explain_json(explain(compiled.plan))
    assert "inference-profile/" + profile in shown
    assert "bedrock:*::foundation-model/" + base in shown


# ---------------------------------------------------------------- issue 16, item 6


TOKEN = "@@token@@"


def _masked(value: Any, plan_value: str) -> Any:
    """A definition with every string that holds a deploy-time value (`plan_value` marks
    one) written `<value>`: cfn's `${Name}` substitutions, CDK's tokens."""
    if isinstance(value, dict):
        return {k: _masked(v, plan_value) for k, v in value.items()}
    if isinstance(value, list):
        return [_masked(v, plan_value) for v in value]
    if isinstance(value, str) and re.search(plan_value, value):
        return "<value>"
    return value


def _first_difference(a: Any, b: Any, at: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                return _first_difference(a.get(key), b.get(key), f"{at}/{key}")
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{at}/{i}")
    return f"{at}: {a!r} != {b!r}"


def _with_tokens(value: Any) -> str:
    """A synthesized DefinitionString with each CDK token written TOKEN."""
    if isinstance(value, str):
        return value
    return "".join(p if isinstance(p, str) else TOKEN for p in value["Fn::Join"][1])


def test_workflow_1_1_renders_the_same_states_language_in_every_target(
    built: dict[str, dict[str, Any]],
) -> None:
    app = built["workflows_1_1"]
    cfn = _cfn(app)["Resources"]["Flow"]["Properties"]
    from_cfn = _masked(cfn["Definition"], r"\$\{[A-Za-z0-9]+\}")
    synthesized = app["cdk"]["Resources"]["Flow"]["Properties"]["DefinitionString"]
    from_cdk = _masked(json.loads(_with_tokens(synthesized)), TOKEN + r"|\$\{[A-Za-z0-9]+\}")
    assert from_cdk == from_cfn, _first_difference(from_cdk, from_cfn)
    assert not asl_validate(from_cfn)
    main = _tf(app, "main.tf")
    for name in from_cfn["States"]:
        assert json.dumps(name) in main, name
    states = from_cfn["States"]
    assert states["Invoke ask"]["Resource"] == "arn:aws:states:::lambda:invoke.waitForTaskToken"
    assert states["Invoke haiku"]["Resource"] == "arn:aws:states:::bedrock:invokeModel"
    assert states["Wait until $.publish_at"]["TimestampPath"] == "$.publish_at"
    assert "Overrides" in states["Run transcode"]["Parameters"]
