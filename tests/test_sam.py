"""The SAM target: golden templates, translated by the real aws-sam-translator (no
AWS calls), and the translation checked against the CloudFormation target: it
passes cfn-lint, holds the same resources under the same logical IDs with the same
settings, and grants no IAM action the CloudFormation template lacks."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from boto3.session import Session
from cfnlint.decode import cfn_yaml
from samtranslator.parser.parser import Parser
from samtranslator.translator.translator import Translator
from tools import cfn_lint, format_cfn_lint

from examples import GOLDEN, UPDATE, case_name, compile_program, example_programs

HERE = Path(__file__).resolve().parent
PROGRAMS = [
    *example_programs(),
    HERE / "programs" / "hostile.iac",
    HERE / "programs" / "untagged_stream.iac",
    HERE / "programs" / "delivery.iac",
]
SAM_TAGS = {"lambda:createdBy", "stateMachine:createdBy"}  # the tags SAM adds
ASSET_BUCKET = "iac-test-assets"


def _ids(program: Path) -> str:
    return case_name(program)


@pytest.fixture(scope="module")
def built() -> dict[str, dict[str, Any]]:
    out = {}
    for program in PROGRAMS:
        compiled = compile_program(program, ["cfn", "sam"])
        assert not compiled.diagnostics, [d.message for d in compiled.diagnostics]
        out[case_name(program)] = {
            "files": compiled.files,
            "cfn": cfn_yaml.loads(compiled.files["cfn/template.yaml"].decode()),
            "sam": cfn_yaml.loads(compiled.files["sam/template.yaml"].decode()),
        }
    return out


def packaged(template: dict[str, Any]) -> dict[str, Any]:
    """What `sam package` uploads and writes: each CodeUri an S3 URI."""
    template = copy.deepcopy(template)
    for resource in template["Resources"].values():
        props = resource.get("Properties", {})
        if resource["Type"] == "AWS::Serverless::Function":
            assert props["CodeUri"].startswith("assets/")
            props["CodeUri"] = f"s3://{ASSET_BUCKET}/{props['CodeUri'].removeprefix('assets/')}"
    return template


def translate(template: dict[str, Any]) -> dict[str, Any]:
    """The real SAM transform, offline: no boto session, no managed policies to look up
    (the SAM target names none; a lookup would fail the test)."""

    def no_managed_policies() -> dict[str, str]:
        raise AssertionError("the SAM template asked for a managed policy")

    # A session only names the region: it is never asked to call AWS.
    session = Session(region_name="us-east-1")
    translated: dict[str, Any] = Translator(None, Parser(), boto_session=session).translate(
        packaged(template),
        parameter_values={"AWS::Region": "us-east-1", "AWS::Partition": "aws"},
        get_managed_policy_map=no_managed_policies,
    )
    return json.loads(json.dumps(translated))  # plain data, as CloudFormation gets it


@pytest.mark.parametrize("program", example_programs(), ids=_ids)
def test_golden_and_cfn_lint(program: Path, tmp_path: Path) -> None:
    compiled = compile_program(program, ["sam"])
    golden = GOLDEN / case_name(program) / "sam"
    assert not compiled.diagnostics, [d.message for d in compiled.diagnostics]
    template = compiled.files["sam/template.yaml"].decode()
    assets = sorted(p.split("/")[-1] for p in compiled.files if p.startswith("sam/assets/"))
    if UPDATE:
        golden.mkdir(parents=True, exist_ok=True)
        (golden / "template.yaml").write_text(template, encoding="utf-8")
        (golden / "assets.txt").write_text("".join(a + "\n" for a in assets), encoding="utf-8")
    assert template == (golden / "template.yaml").read_text(encoding="utf-8")
    assert assets == (golden / "assets.txt").read_text(encoding="utf-8").split()
    # cfn-lint runs SAM's transform itself, then lints what comes out.
    shutil.copy(golden / "template.yaml", tmp_path / "template.yaml")
    matches = cfn_lint(tmp_path / "template.yaml", include_warnings=True)
    assert not matches, format_cfn_lint(matches)


def test_the_shorthands_are_used(built: dict[str, dict[str, Any]]) -> None:
    types = {r["Type"] for app in built.values() for r in app["sam"]["Resources"].values()}
    assert {"AWS::Serverless::Function", "AWS::Serverless::StateMachine"} <= types
    assert "AWS::Lambda::Function" not in types
    events = {
        e["Type"]
        for app in built.values()
        for r in app["sam"]["Resources"].values()
        for e in r.get("Properties", {}).get("Events", {}).values()
    }
    assert events == {"SQS", "DynamoDB"}
    for app in built.values():
        assert app["sam"]["Transform"] == "AWS::Serverless-2016-10-31"
        assert "AssetBucket" not in app["sam"].get("Parameters", {})


def test_code_uri_points_at_the_shipped_zip(built: dict[str, dict[str, Any]]) -> None:
    for name, app in built.items():
        for resource in app["sam"]["Resources"].values():
            if resource["Type"] == "AWS::Serverless::Function":
                uri = resource["Properties"]["CodeUri"]
                assert f"sam/{uri}" in app["files"], (name, uri)


@pytest.mark.parametrize("name", [case_name(p) for p in PROGRAMS])
def test_translation_passes_cfn_lint(
    built: dict[str, dict[str, Any]], name: str, tmp_path: Path
) -> None:
    translated = translate(built[name]["sam"])
    path = tmp_path / "translated.json"
    path.write_text(json.dumps(translated, indent=1), encoding="utf-8")
    matches = cfn_lint(path, include_warnings=True)
    assert not matches, format_cfn_lint(matches)


def _comparable(resource: dict[str, Any]) -> dict[str, Any]:
    """A resource up to how the two templates may differ: the function's code
    location (a bucket parameter, an uploaded CodeUri), the tags SAM adds, a state
    machine's definition as a JSON string."""
    resource = copy.deepcopy(resource)
    resource.pop("DependsOn", None)  # SAM's mappings wait for their function instead
    props = resource.get("Properties", {})
    if resource["Type"] == "AWS::Lambda::Function":
        props.pop("Code")
    if isinstance(props.get("Tags"), list):
        props["Tags"] = sorted(
            (t for t in props["Tags"] if t["Key"] not in SAM_TAGS), key=lambda t: t["Key"]
        )
        if not props["Tags"]:
            props.pop("Tags")
    if "DefinitionString" in props:
        props["Definition"] = json.loads(_joined(props.pop("DefinitionString")))
    return resource


def _joined(value: Any) -> str:
    if isinstance(value, dict) and "Fn::Join" in value:
        sep, parts = value["Fn::Join"]
        return str(sep).join(parts)
    return str(value)


@pytest.mark.parametrize("name", [case_name(p) for p in PROGRAMS])
def test_translation_matches_cfn(built: dict[str, dict[str, Any]], name: str) -> None:
    cfn = built[name]["cfn"]["Resources"]
    sam = built[name]["sam"]["Resources"]
    translated = translate(built[name]["sam"])["Resources"]
    # Each edge SAM writes as an event keeps its settings under FunctionEvent.
    renamed = {
        f"{fid}{event}": event
        for fid, r in sam.items()
        for event in r.get("Properties", {}).get("Events", {})
    }
    assert set(translated) == (set(cfn) - set(renamed.values())) | set(renamed), name
    for rid, resource in translated.items():
        want = cfn[renamed.get(rid, rid)]
        assert resource["Type"] == want["Type"], (name, rid)
        assert _comparable(resource) == _comparable(want), (name, rid)
    assert translate(built[name]["sam"]).get("Outputs") == built[name]["cfn"].get("Outputs")


def _grants(template: dict[str, Any]) -> set[tuple[str, str]]:
    """(role or policy, action) for every Allow statement, and every managed policy."""
    found = set()
    for rid, resource in template["Resources"].items():
        props = resource.get("Properties", {})
        documents = [p["PolicyDocument"] for p in props.get("Policies", [])]
        if "PolicyDocument" in props:
            documents.append(props["PolicyDocument"])
        for document in documents:
            for st in document["Statement"]:
                actions = st["Action"] if isinstance(st["Action"], list) else [st["Action"]]
                found |= {(rid, a) for a in actions if st["Effect"] == "Allow"}
        found |= {(rid, f"managed:{json.dumps(a)}") for a in props.get("ManagedPolicyArns", [])}
    return found


@pytest.mark.parametrize("name", [case_name(p) for p in PROGRAMS])
def test_translation_grants_nothing_cfn_does_not(
    built: dict[str, dict[str, Any]], name: str
) -> None:
    cfn = _grants(built[name]["cfn"])
    translated = _grants(translate(built[name]["sam"]))
    assert translated <= cfn, sorted(translated - cfn)
    assert not [g for g in translated if g[1].startswith("managed:")]
