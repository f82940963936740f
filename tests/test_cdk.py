"""The CDK (Python) target: quoting, golden files, ruff, a real synthesis, and
equivalence with the CloudFormation target."""

from __future__ import annotations

import ast
import fcntl
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import re
import shutil
import tarfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from tools import cdk_cli_synth, cdk_synth, mypy_strict, ruff_check, ruff_format_check

from examples import GOLDEN, UPDATE, case_name, compile_program, example_programs
from iac.emit import cdk
from iac.emit.py_text import Call, Code, PyDict, PyList, layout, py_str
from iac.plan.model import Node, Props
from iac.resources import data_dir

EXAMPLES = example_programs()
EXAMPLES_BY_NAME = {case_name(e): e for e in EXAMPLES}
HOSTILE = Path(__file__).resolve().parent / "programs" / "hostile_cdk.iac"
# Every delivery and failure setting away from its default: the equivalence holds there too.
DELIVERY = Path(__file__).resolve().parent / "programs" / "delivery.iac"

HOSTILE_STRINGS = [
    "say \"hi\" and 'bye'",
    '"""triple""" \'',
    "C:\\temp\\new\\",
    "line one\nline two\n\ttabbed\r",
    "${x} and $x and $ and ${!y}",
    "%{x} %%{y}",
    "!Ref X",
    "{{ x }} {x} }{",
    "{% x %}",
    "key: value # x",
    "f\"{__import__('os')}\"",
    "naïve ☃ 東京 \u2028 end 😀 \x00 \x7f \ud800",
    "",
    "a" * 300,
]
# hostile_cdk.iac's env values, as the function must receive them.
HOSTILE_ENV = {
    "QUOTES": "say \"hi\" and 'bye'",
    "DOUBLES": '"""triple""" \'',
    "BACKSLASH": "C:\\temp\\new\\",
    "NEWLINES": "line one\nline two\n\ttabbed",
    "DOLLAR": "${x} and $x and $ and ${!y}",
    "PERCENT": "%{x} %%{y}",
    "BANG_REF": "!Ref X",
    "MUSTACHE": "{{ x }} {x} }{",
    "JINJA": "{% x %}",
    "YAML_KEY": "key: value # x",
    "FSTRING": "f\"{__import__('os')}\"",
    "UNICODE": "naïve ☃ 東京 \u2028 end 😀",
    "EMPTY": "",
    "LONG": "a" * 300,
}


def write(files: dict[str, bytes], out: Path, target: str) -> Path:
    for rel, data in files.items():
        if rel.startswith(f"{target}/"):
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            (out / rel).write_bytes(data)
    return out / target


# --------------------------------------------------------------------------- quoting


@pytest.mark.parametrize("text", HOSTILE_STRINGS)
def test_py_str_round_trips(text: str) -> None:
    literal = py_str(text)
    node = ast.parse(literal, mode="eval").body
    assert isinstance(node, ast.Constant) and node.value == text
    assert "\n" not in literal and "\r" not in literal and "\u2028" not in literal
    assert literal[0] in "\"'"  # never an f-string or any other prefix


def test_py_str_is_what_ruff_format_writes(tmp_path: Path) -> None:
    lines = [f"X{i} = {py_str(text)}\n" for i, text in enumerate(HOSTILE_STRINGS)]
    (tmp_path / "strings.py").write_text("".join(lines), encoding="utf-8")
    assert ruff_format_check(tmp_path) == ""


def test_layout_breaks_what_does_not_fit() -> None:
    short = Call("f", (Code("a"),), (("b", "c"),))
    assert layout(short, 8) == 'f(a, b="c")'
    long = Call("f", (PyList(tuple("x" * 30 for _ in range(3))),), (("d", PyDict((("k", "v"),))),))
    assert layout(long, 8) == (
        "f(\n"
        "            [\n"
        f'                "{"x" * 30}",\n'
        f'                "{"x" * 30}",\n'
        f'                "{"x" * 30}",\n'
        "            ],\n"
        '            d={"k": "v"},\n'
        "        )"
    )


def test_layout_breaks_a_dict_value_under_its_key() -> None:
    """Only what does not fit is broken: the dict, then its value, not the short item."""
    value = PyList(("x" * 40, "y" * 40))
    expr = Call("f", (PyDict((("key", value), ("k", Code("1")))),))
    assert layout(expr, 8, "a = ", "") == (
        "a = f(\n"
        "            {\n"
        '                "key": [\n'
        f'                    "{"x" * 40}",\n'
        f'                    "{"y" * 40}",\n'
        "                ],\n"
        '                "k": 1,\n'
        "            },\n"
        "        )"
    )
    # Written relative to a block that starts at column 8 (the margin).
    assert layout(expr, 8, "a = ", "", 8).splitlines()[1] == "    {"


def test_layout_keeps_what_cannot_break_on_one_line() -> None:
    long_name = "f" * 100
    assert layout(Call(long_name), 8) == long_name + "()"
    nested = Call("g", (Call(long_name), "s" * 90))
    assert layout(nested, 0) == f'g(\n    {long_name}(),\n    "{"s" * 90}",\n)'


# --------------------------------------------------------------------------- golden files


@pytest.mark.parametrize("program", EXAMPLES, ids=case_name)
def test_golden(program: Path) -> None:
    compiled = compile_program(program, ["cdk"])
    assert not compiled.diagnostics, [d.message for d in compiled.diagnostics]
    golden = GOLDEN / case_name(program) / "cdk"
    texts = {
        path.removeprefix("cdk/"): data.decode()
        for path, data in compiled.files.items()
        if not path.startswith("cdk/assets/")
    }
    assets = sorted(p.split("/")[-1] for p in compiled.files if p.startswith("cdk/assets/"))
    if UPDATE:
        shutil.rmtree(golden, ignore_errors=True)
        golden.mkdir(parents=True)
        for name, text in texts.items():
            (golden / name).write_text(text, encoding="utf-8")
        (golden / "assets.txt").write_text("".join(a + "\n" for a in assets), encoding="utf-8")
    expected = sorted(p.name for p in golden.iterdir() if p.name != "assets.txt")
    assert sorted(texts) == expected, "set IAC_UPDATE_GOLDEN=1 and review the diff"
    for name, text in texts.items():
        assert text == (golden / name).read_text(encoding="utf-8"), name
    assert assets == (golden / "assets.txt").read_text(encoding="utf-8").split()


@dataclass(frozen=True)
class _MysteryProps(Props):
    TYPE = "mystery"  # a node type no target knows


def test_a_node_type_without_a_template_is_reported() -> None:
    planned = compile_program(EXAMPLES[0], []).plan
    assert planned is not None
    mystery = Node("Mystery", _MysteryProps(), planned.nodes[0].source, "a mystery")
    rendered = cdk.render(replace(planned, nodes=[*planned.nodes, mystery]))
    assert not rendered.files
    assert [d.code for d in rendered.diagnostics] == ["E200"]
    assert "`mystery`" in rendered.diagnostics[0].message


def test_output_is_deterministic() -> None:
    first = compile_program(HOSTILE, ["cdk"]).files
    assert compile_program(HOSTILE, ["cdk"]).files == first


# --------------------------------------------------------------------------- real tools


@pytest.fixture(scope="module")
def apps(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Every example and the hostile program, as a CDK app (synthesized once, all
    together) and as the cfn target's template."""
    root = tmp_path_factory.mktemp("cdk-apps")
    programs = {case_name(e): e for e in EXAMPLES} | {"hostile_cdk": HOSTILE, "delivery": DELIVERY}
    found: dict[str, dict[str, Any]] = {}
    for name, path in programs.items():
        compiled = compile_program(path, ["cdk", "cfn"])
        assert not compiled.diagnostics, [d.message for d in compiled.diagnostics]
        cdk_dir = write(compiled.files, root / name, "cdk")
        # A param without a default is given, as `cdk synth -c NAME=VALUE` would, and the
        # cfn template is read with the same value.
        assert compiled.plan is not None
        # A secret param stays a deploy-time parameter in both: not given.
        given = {
            p.name: f"given-{p.name}"
            for p in compiled.plan.params
            if p.default is None and p.type != "secret"
        }
        if given:
            settings = json.loads((cdk_dir / "cdk.json").read_text(encoding="utf-8"))
            settings["context"].update(given)
            (cdk_dir / "cdk.json").write_text(json.dumps(settings), encoding="utf-8")
        ids = {p.name: p.id for p in compiled.plan.params}
        template = yaml.load(compiled.files["cfn/template.yaml"], Loader=_CfnLoader)
        cfn = _with_defaults(template, {ids[k]: v for k, v in given.items()})
        found[name] = {"dir": cdk_dir, "cfn": cfn, "plan": compiled.plan}
        found[name]["digest"] = _digest(compiled.files, "cdk/")
    # Under xdist every worker builds this fixture: the first one synthesizes, the
    # others read its templates (a synth costs seconds of CPU per app).
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    cache = shared / "cdk-synth"
    cache.mkdir(exist_ok=True)
    with open(shared / "cdk-synth.lock", "w") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        missing = [a for a in found.values() if not (cache / f"{a['digest']}.json").exists()]
        synthesized = cdk_synth([app["dir"] for app in missing], max_parallel=3)
        for app in missing:
            (cache / f"{app['digest']}.json").write_text(json.dumps(synthesized[app["dir"]]))
    for app in found.values():
        app["cdk"] = json.loads((cache / f"{app['digest']}.json").read_text())
    return found


def test_every_example_is_covered(apps: dict[str, dict[str, Any]]) -> None:
    assert set(apps) == {case_name(e) for e in EXAMPLES} | {"hostile_cdk", "delivery"}
    assert {"thumbnails", "assistant", "media_pipeline", "reports", "orders"} <= set(apps)


def test_every_node_type_is_synthesized(apps: dict[str, dict[str, Any]]) -> None:
    """Each resource template of the target is exercised by some app above."""
    layouts = {"app", "stack"}
    templates = {
        p.name.removesuffix(".py.j2") for p in (data_dir("targets") / "cdk").glob("*.py.j2")
    }
    covered = {node.type for app in apps.values() for node in app["plan"].nodes}
    assert templates - layouts <= covered


def test_generated_python_is_clean(apps: dict[str, dict[str, Any]]) -> None:
    for name, app in apps.items():
        for file in sorted(app["dir"].glob("*.py")):
            ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
        assert ruff_check(app["dir"]) == "", name
        assert ruff_format_check(app["dir"]) == "", name


def test_generated_python_is_typed(apps: dict[str, dict[str, Any]]) -> None:
    """mypy --strict over every app against aws-cdk-lib's own types."""
    for name, app in apps.items():
        assert mypy_strict(app["dir"]) == "", name


def test_cdk_json_has_the_pinned_versions_recommended_flags() -> None:
    """cdk.json sets exactly the feature flags aws-cdk-lib recommends at the version
    requirements.txt pins (read from the installed library's own file), so `cdk synth`
    finds no flag unconfigured. The synth above runs with them, as the CLI would."""
    installed = importlib.metadata.version("aws-cdk-lib")
    assert installed == cdk.CDK_VERSION, "the tests' aws-cdk-lib is not the pinned one"
    jsii = Path(importlib.util.find_spec("aws_cdk").origin).parent / "_jsii"  # type: ignore[arg-type,union-attr]
    with tarfile.open(jsii / f"aws-cdk-lib@{installed}.jsii.tgz") as tar:
        member = tar.extractfile("package/recommended-feature-flags.json")
        assert member is not None
        recommended = json.load(member)
    files = compile_program(EXAMPLES[0], ["cdk"]).files
    settings = json.loads(files["cdk/cdk.json"])
    assert settings == {"app": "python3 app.py", "context": recommended}
    assert f"aws-cdk-lib=={installed}\n" in files["cdk/requirements.txt"].decode()


def test_the_cdk_cli_synthesizes_without_a_word(tmp_path: Path) -> None:
    """`cdk synth` itself (the npm CLI, reading cdk.json) prints nothing: no feature
    flag left unconfigured, no warning, no deprecation."""
    for program in EXAMPLES:
        compiled = compile_program(program, ["cdk"])
        app_dir = write(compiled.files, tmp_path / case_name(program), "cdk")
        assert compiled.plan is not None  # a param without a default is given, as -c
        given = {p.name: "given" for p in compiled.plan.params if p.default is None}
        proc = cdk_cli_synth(app_dir, given)
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr.strip() == "", proc.stderr


def test_stage_from_context_names_its_own_stack(tmp_path: Path) -> None:
    """`-c stage=prod` synthesizes a stack of its own id, with names built in Python
    from the context value, and no CloudFormation parameters."""
    compiled = compile_program(EXAMPLES_BY_NAME["shop_events"], ["cdk"])
    app_dir = write(compiled.files, tmp_path, "cdk")
    settings = json.loads((app_dir / "cdk.json").read_text(encoding="utf-8"))
    settings["context"]["stage"] = "prod"  # as `cdk synth -c stage=prod` passes it
    (app_dir / "cdk.json").write_text(json.dumps(settings), encoding="utf-8")
    (template,) = cdk_synth([app_dir]).values()
    assert "Parameters" not in template or set(template["Parameters"]) == {"BootstrapVersion"}
    queue = template["Resources"]["Intake"]["Properties"]
    assert queue["QueueName"] == "prod-shopev-intake"
    app = compiled.files["cdk/app.py"].decode()
    assert 'f"shop-events-{stage}"' in app


def test_logical_ids_and_types_match_cfn(apps: dict[str, dict[str, Any]]) -> None:
    for name, app in apps.items():
        cfn, cdk = app["cfn"]["Resources"], app["cdk"]["Resources"]
        for node in app["plan"].nodes:
            assert node.id in cdk, f"{name}: {node.id} missing from the CDK template"
            assert cdk[node.id]["Type"] == cfn[node.id]["Type"], f"{name}: {node.id}"
        extra = set(cdk) - set(cfn) - {"CDKMetadata"}
        assert not extra, f"{name}: the CDK app adds resources the plan does not have: {extra}"


FUNCTION_SETTINGS = ("Handler", "Runtime", "MemorySize", "Timeout", "ReservedConcurrentExecutions")


def test_function_settings_match_cfn(apps: dict[str, dict[str, Any]]) -> None:
    for name, app in apps.items():
        cfn, cdk = app["cfn"]["Resources"], app["cdk"]["Resources"]
        for fid, resource in cfn.items():
            if resource["Type"] != "AWS::Lambda::Function":
                continue
            want, got = resource["Properties"], cdk[fid]["Properties"]
            for key in FUNCTION_SETTINGS:
                assert got.get(key) == want.get(key), f"{name}: {fid}.{key}"
            assert got.get("Architectures", ["x86_64"]) == want["Architectures"]
            want_env = want.get("Environment", {}).get("Variables", {})
            got_env = got.get("Environment", {}).get("Variables", {})
            assert sorted(got_env) == sorted(want_env), f"{name}: {fid} env names"
            for var, value in want_env.items():
                if isinstance(value, str):
                    assert got_env[var] == value, f"{name}: {fid} env {var}"
                else:
                    assert not isinstance(got_env[var], str), f"{name}: {fid} env {var}"


def test_resources_match_cfn(apps: dict[str, dict[str, Any]]) -> None:
    """Every plan node's resource carries cfn's properties exactly, up to how an
    intrinsic is written (`Fn::Sub` with a map or inline, `Fn::Join`). Beyond that,
    the CDK may only tag more resources, spell the default deletion policy, add
    dependencies, and put function code where `cdk deploy` uploads it."""
    for name, app in apps.items():
        cfn, cdk = app["cfn"]["Resources"], app["cdk"]["Resources"]
        for node in app["plan"].nodes:
            want, got = _comparable(cfn[node.id]), _comparable(cdk[node.id])
            where = f"{name}: {node.id}"
            assert want.pop("Tags").items() <= got.pop("Tags").items(), where
            assert set(want.pop("DependsOn")) <= set(got.pop("DependsOn")), where
            if node.type == "function":
                assert "Code" in got["Properties"], where
                del want["Properties"]["Code"], got["Properties"]["Code"]
            assert got == want, where


def test_cdk_grants_nothing_cfn_does_not(apps: dict[str, dict[str, Any]]) -> None:
    for name, app in apps.items():
        cfn_roles, cfn_all = _actions(app["cfn"]["Resources"])
        cdk_roles, cdk_all = _actions(app["cdk"]["Resources"])
        assert cdk_all <= cfn_all, f"{name}: extra IAM actions {cdk_all - cfn_all}"
        assert cdk_roles == cfn_roles, name
        assert _trusts(app["cdk"]["Resources"]) == _trusts(app["cfn"]["Resources"]), name
        for rid, resource in app["cfn"]["Resources"].items():
            if resource["Type"].endswith("Policy") and resource["Type"] != "AWS::IAM::Policy":
                assert _sids(app["cdk"]["Resources"][rid]) == _sids(resource), f"{name}: {rid}"


def test_hostile_strings_arrive_exactly(apps: dict[str, dict[str, Any]]) -> None:
    app = apps["hostile_cdk"]
    machine = app["cdk"]["Resources"]["HostileFlow"]["Properties"]
    states = json.loads(machine["DefinitionString"])["States"]
    fail = next(state for state in states.values() if state["Type"] == "Fail")
    assert fail["Error"] == "Bad\"Input'"
    assert fail["Cause"] == 'line one\nline two\t!Ref X {% x %} f"{x}" 東京'
    choice = next(state for state in states.values() if state["Type"] == "Choice")
    kind = choice["Choices"][0]["Or"][0]["StringEquals"]
    assert kind == "say \"hi\" and 'bye' C:\\new ☃ {{ x }} %{x}"
    task = app["cdk"]["Resources"]["Cruncher"]["Properties"]["ContainerDefinitions"][0]
    assert {"Name": "QUOTES", "Value": "say \"hi\" and 'bye'"} in task["Environment"]
    function = app["cdk"]["Resources"]["Breaker"]["Properties"]
    env = function["Environment"]["Variables"]
    for var, value in HOSTILE_ENV.items():
        assert env[var] == value, var
    # Params are context values, known at synth time: plain strings, a literal `${` kept.
    assert env["MIXED"] == 'dev-${literal}-"q"'
    assert env["SIZE"] == "3"
    tags = {t["Key"]: t["Value"] for t in function["Tags"]}
    assert tags == {"owner": "key: value", "place": "été 東京 café"}


# --------------------------------------------------------------------------- helpers


class _CfnLoader(yaml.SafeLoader):
    """Reads !Ref, !GetAtt and !Sub as their long forms."""


def _intrinsic(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
        if suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {"Ref" if suffix == "Ref" else f"Fn::{suffix}": value}


_CfnLoader.add_multi_constructor("!", _intrinsic)


def _digest(files: dict[str, bytes], prefix: str) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in files if p.startswith(prefix)):
        digest.update(path.encode() + b"\0" + files[path] + b"\0")
    return digest.hexdigest()[:24]


_SUB_NAME = re.compile(r"\$\{(!?)([^}]*)\}")


def _with_defaults(template: dict[str, Any], given: dict[str, str]) -> dict[str, Any]:
    """The cfn template as deployed with every parameter at its default (or `given`):
    the CDK app takes params as context values at synth time, and has none."""
    params = template.pop("Parameters", {})
    values = {name: str(p["Default"]) for name, p in params.items() if "Default" in p}
    values.update(given)

    def resolve(value: Any) -> Any:
        if isinstance(value, list):
            return [resolve(v) for v in value]
        if not isinstance(value, dict):
            return value
        if value.keys() == {"Ref"} and value["Ref"] in values:
            return values[value["Ref"]]
        if value.keys() == {"Fn::Sub"}:
            arg = value["Fn::Sub"]
            text, names = (arg, {}) if isinstance(arg, str) else arg
            text = _SUB_NAME.sub(
                lambda m: values[m[2]] if not m[1] and m[2] in values and m[2] not in names
                else m[0],
                text,
            )  # fmt: skip
            names = resolve(names)
            if not _SUB_NAME.search(text.replace("${!", "")):
                return text.replace("${!", "${")
            return {"Fn::Sub": [text, names] if names else text}
        return {k: resolve(v) for k, v in value.items()}

    return resolve(template)  # type: ignore[no-any-return]


def _comparable(resource: dict[str, Any]) -> dict[str, Any]:
    """A resource with its intrinsics in one canonical spelling, tags as a map, the
    default deletion policies spelled out, and the order of a set-like list fixed."""
    props = dict(resource.get("Properties", {}))
    tags = props.pop("Tags", {})
    if isinstance(tags, list):
        tags = {t["Key"]: t["Value"] for t in tags}
    if "DefinitionString" in props:
        props["Definition"] = json.loads(props.pop("DefinitionString"))
    if "AttributeDefinitions" in props:
        props["AttributeDefinitions"] = sorted(
            props["AttributeDefinitions"], key=lambda a: a["AttributeName"]
        )
    depends = resource.get("DependsOn", [])
    return {
        "Type": resource["Type"],
        "Properties": _canonical(props),
        "Tags": tags,
        "DependsOn": sorted([depends] if isinstance(depends, str) else depends),
        "DeletionPolicy": resource.get("DeletionPolicy", "Delete"),
        "UpdateReplacePolicy": resource.get("UpdateReplacePolicy", "Delete"),
    }


def _canonical(value: Any) -> Any:
    """`Fn::Sub` (inline names or a map) and `Fn::Join` on "" become {"Sub": parts}."""
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        ((fn, arg),) = value.items()
        if fn == "Fn::Sub":
            text, names = (arg, {}) if isinstance(arg, str) else arg
            return _joined(_sub_parts(text, names))
        if fn == "Fn::Join" and arg[0] == "":
            return _joined([_canonical(p) for p in arg[1]])
        if fn == "Fn::GetAtt" and isinstance(arg, str):
            return {fn: arg.split(".", 1)}
    out = {k: _canonical(v) for k, v in value.items()}
    for name in ("Action", "Resource"):  # IAM reads them as sets (CDK's minimizePolicies
        if isinstance(out.get(name), list) and "Effect" in out:  # flag sorts them)
            out[name] = sorted(out[name], key=lambda v: json.dumps(v, sort_keys=True))
    return out


def _sub_parts(text: str, names: dict[str, Any]) -> list[Any]:
    parts: list[Any] = []
    end = 0
    for match in _SUB_NAME.finditer(text):
        parts.append(text[end : match.start()])
        bang, name = match.groups()
        if bang:
            parts.append("${" + name + "}")
        elif name in names:
            parts.append(_canonical(names[name]))
        elif "." in name:
            parts.append({"Fn::GetAtt": name.split(".", 1)})
        else:
            parts.append({"Ref": name})
        end = match.end()
    parts.append(text[end:])
    return parts


def _joined(parts: list[Any]) -> Any:
    merged: list[Any] = []
    for part in parts:
        for item in part["Sub"] if isinstance(part, dict) and "Sub" in part else [part]:
            if isinstance(item, str) and merged and isinstance(merged[-1], str):
                merged[-1] += item
            elif item != "":
                merged.append(item)
    if len(merged) == 1:
        return merged[0]
    return {"Sub": merged} if merged else ""


def _trusts(resources: dict[str, Any]) -> dict[str, list[Any]]:
    """The principals each role trusts."""
    return {
        rid: [
            st.get("Principal") for st in _statements(r["Properties"]["AssumeRolePolicyDocument"])
        ]
        for rid, r in resources.items()
        if r["Type"] == "AWS::IAM::Role"
    }


def _statements(document: dict[str, Any]) -> list[dict[str, Any]]:
    statements = document.get("Statement", [])
    return statements if isinstance(statements, list) else [statements]


def _action_set(statement: dict[str, Any]) -> set[str]:
    action = statement.get("Action", [])
    return {action} if isinstance(action, str) else set(action)


def _actions(resources: dict[str, Any]) -> tuple[dict[str, set[str]], set[str]]:
    """Actions per role (inline policies) and all actions of roles and IAM policies."""
    per_role: dict[str, set[str]] = {}
    everything: set[str] = set()
    for rid, resource in resources.items():
        props = resource.get("Properties", {})
        if resource["Type"] == "AWS::IAM::Role":
            actions = {
                a
                for policy in props.get("Policies", [])
                for st in _statements(policy["PolicyDocument"])
                for a in _action_set(st)
            }
            per_role[rid] = actions
            everything |= actions
        elif resource["Type"] == "AWS::IAM::Policy":
            everything |= {
                a for st in _statements(props["PolicyDocument"]) for a in _action_set(st)
            }
    return per_role, everything


def _sids(resource: dict[str, Any]) -> list[tuple[str, str, frozenset[str]]]:
    document = resource["Properties"].get("PolicyDocument", {})
    return sorted(
        (st.get("Sid", ""), st["Effect"], frozenset(_action_set(st)))
        for st in _statements(document)
    )


def test_every_runtime_is_a_real_cdk_constant() -> None:
    """Each runtime the checker accepts names a constant of the pinned aws-cdk-lib whose
    runtime id is that runtime (`java8.al2` is `JAVA_8_CORRETTO`, not `JAVA_8_AL2`)."""
    from aws_cdk import aws_lambda

    from iac.catalog import LAMBDA_RUNTIMES

    wrong = {
        runtime_id: cdk.runtime(runtime_id)
        for runtime_id in LAMBDA_RUNTIMES
        if getattr(getattr(aws_lambda.Runtime, cdk.runtime(runtime_id), None), "name", None)
        != runtime_id
    }
    assert not wrong, wrong
