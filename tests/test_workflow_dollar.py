"""A workflow string may hold `${` (once error E135): the targets that substitute
placeholders into a state machine definition (CloudFormation, CDK, SAM) escape it,
Terraform writes it with HCL's `$${`. Every tool reads the literal text back."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from cfnlint.decode import cfn_yaml
from tools import (
    PACKAGE_PATHS,
    asl_validate,
    cdk_synth,
    cfn_lint,
    format_cfn_lint,
    format_tf_diagnostics,
    terraform_validate,
)

from iac.compiler import TARGETS, compile_app, write_output
from iac.frontend import check, from_text

HERE = Path(__file__).resolve().parent
CAUSE = "cost ${x}"
PROGRAM = """
function f { code = "src/breaker.py" }
workflow w {
  invoke f
  if $.note == "a \\${b}" {
    fail "E" "cost \\${x}"
  }
  succeed
}
"""


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    program = HERE / "programs" / "dollar_workflow.iac"
    result = check(from_text(PROGRAM, program))
    assert result.app is not None, [d.message for d in result.errors]
    assert not result.errors
    compiled = compile_app(result.app, list(TARGETS))
    assert not compiled.diagnostics, [d.message for d in compiled.diagnostics]
    folder = tmp_path_factory.mktemp("dollar") / "out"
    write_output(folder, compiled.files, program)
    return folder


def substituted(definition: Any, subs: dict[str, Any]) -> dict[str, Any]:
    """The definition Step Functions gets: each `${Name}` replaced in one pass, a
    value that is no plain string (an intrinsic) spelled as an ARN."""
    text = definition if isinstance(definition, str) else json.dumps(definition)

    def value(match: re.Match[str]) -> str:
        found = subs.get(match.group(1))
        if found is None:
            return match.group(0)
        if not isinstance(found, str):
            found = "arn:aws:lambda:us-east-1:123456789012:function:x"
        return json.dumps(found)[1:-1]

    resolved: dict[str, Any] = json.loads(re.sub(r"\$\{([A-Za-z0-9]+)\}", value, text))
    return resolved


def _fail_state(definition: dict[str, Any]) -> dict[str, Any]:
    (state,) = [s for s in definition["States"].values() if s["Type"] == "Fail"]
    return state  # type: ignore[no-any-return]


def _check(definition: dict[str, Any]) -> None:
    assert _fail_state(definition)["Cause"] == CAUSE
    (choice,) = [s for s in definition["States"].values() if s["Type"] == "Choice"]
    assert choice["Choices"][0]["StringEquals"] == "a ${b}"
    assert not asl_validate(definition)


def _machine(template: dict[str, Any]) -> dict[str, Any]:
    (machine,) = [
        r["Properties"]
        for r in template["Resources"].values()
        if r["Type"] == "AWS::StepFunctions::StateMachine"
    ]
    return machine  # type: ignore[no-any-return]


def test_cloudformation(out: Path) -> None:
    matches = cfn_lint(
        out / "cfn" / "template.yaml", include_warnings=True, ignore_checks=PACKAGE_PATHS
    )
    assert not matches, format_cfn_lint(matches)
    machine = _machine(cfn_yaml.loads((out / "cfn" / "template.yaml").read_text()))
    assert "${x}" not in json.dumps(machine["Definition"])  # no placeholder left to read
    _check(substituted(machine["Definition"], machine["DefinitionSubstitutions"]))


def test_cdk_synth(out: Path) -> None:
    template = cdk_synth([out / "cdk"])[out / "cdk"]
    machine = _machine(template)
    _check(substituted(machine["DefinitionString"], machine["DefinitionSubstitutions"]))


def test_terraform(out: Path, tmp_path: Path) -> None:
    config = tmp_path / "tf"
    shutil.copytree(out / "terraform", config)
    result = terraform_validate(config)
    assert result["valid"], format_tf_diagnostics(result)
    main = (out / "terraform" / "main.tf").read_text()
    assert '"cost $${x}"' in main  # HCL's escape: Terraform reads `cost ${x}`
