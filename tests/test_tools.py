"""The external validators in tests/tools.py really run and really catch problems."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import tools


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"))
    return path


# --------------------------------------------------------------------------- cfn-lint

SQS_TEMPLATE = """
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      {prop}: 30
Outputs:
  QueueUrl:
    Value: !Ref Queue
"""


def test_cfn_lint_accepts_a_valid_template(tmp_path: Path) -> None:
    template = write(tmp_path / "ok.yaml", SQS_TEMPLATE.format(prop="VisibilityTimeout"))
    matches = tools.cfn_lint(template, include_warnings=True)
    assert matches == [], tools.format_cfn_lint(matches)


def test_cfn_lint_finds_an_invalid_property(tmp_path: Path) -> None:
    template = write(tmp_path / "bad.yaml", SQS_TEMPLATE.format(prop="VisibilityTimeoutz"))
    errors = tools.cfn_lint(template)
    assert [e["Rule"]["Id"] for e in errors] == ["E3002"], tools.format_cfn_lint(errors)
    assert errors[0]["Location"]["Path"][-1] == "VisibilityTimeoutz"
    assert errors[0]["Location"]["Start"]["LineNumber"] == 6


# --------------------------------------------------------------------------- terraform

TF_PROVIDERS = """
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0, < 6.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}
"""


def test_terraform_validate_accepts_a_valid_config(tmp_path: Path) -> None:
    cfg = tmp_path / "cfg"
    write(cfg / "providers.tf", TF_PROVIDERS)
    write(
        cfg / "main.tf",
        """
        resource "aws_sqs_queue" "jobs" {
          name                       = "jobs"
          visibility_timeout_seconds = 30
        }
        """,
    )
    result = tools.terraform_validate(cfg)
    assert result["valid"] is True, tools.format_tf_diagnostics(result)
    assert result["error_count"] == 0
    # The folder was validated on a copy: nothing was written into it.
    assert sorted(p.name for p in cfg.iterdir()) == ["main.tf", "providers.tf"]


def test_terraform_validate_finds_an_unknown_argument(tmp_path: Path) -> None:
    cfg = tmp_path / "cfg"
    write(cfg / "providers.tf", TF_PROVIDERS)
    write(
        cfg / "main.tf",
        """
        resource "aws_sqs_queue" "jobs" {
          name              = "jobs"
          visibility_timeout = 30
        }
        """,
    )
    result = tools.terraform_validate(cfg)
    assert result["valid"] is False
    assert result["error_count"] == 1
    (diag,) = result["diagnostics"]
    assert diag["summary"] == "Unsupported argument"
    assert "visibility_timeout" in diag["detail"]


def test_terraform_fmt_check(tmp_path: Path) -> None:
    good = write(
        tmp_path / "good" / "main.tf",
        """
        resource "aws_sqs_queue" "jobs" {
          name                       = "jobs"
          visibility_timeout_seconds = 30
        }
        """,
    )
    assert tools.terraform_fmt_check(good.parent) == ""

    bad = write(
        tmp_path / "bad" / "nested" / "main.tf",
        """
        resource "aws_sqs_queue" "jobs" {
        name = "jobs"
          visibility_timeout_seconds=30
        }
        """,
    )
    before = bad.read_text()
    diff = tools.terraform_fmt_check(tmp_path / "bad")
    assert '+  name                       = "jobs"' in diff, diff
    assert '-name = "jobs"' in diff, diff
    assert bad.read_text() == before  # -check never rewrites


# --------------------------------------------------------------------------- hcl2json


def test_hcl2json_reads_escapes_back(tmp_path: Path) -> None:
    tf = write(
        tmp_path / "main.tf",
        r"""
        locals {
          literal  = "$${x}"
          quoted   = "say \"hi\""
          template = "${var.name}-queue"
        }

        resource "aws_sqs_queue" "jobs" {
          name = local.literal
        }
        """,
    )
    data = tools.hcl2json(tf)
    (local,) = data["locals"]
    # Terraform's JSON syntax keeps the `$${` escape; `\"` becomes a plain quote.
    assert local["literal"] == "$${x}"
    assert local["quoted"] == 'say "hi"'
    assert local["template"] == "${var.name}-queue"
    assert data["resource"]["aws_sqs_queue"]["jobs"] == [{"name": "${local.literal}"}]


def test_hcl2json_rejects_bad_hcl(tmp_path: Path) -> None:
    tf = write(tmp_path / "main.tf", 'locals {\n  a = "unterminated\n}\n')
    with pytest.raises(pytest.fail.Exception, match="hcl2json could not parse"):
        tools.hcl2json(tf)


# --------------------------------------------------------------------------- ASL


def test_asl_validator_accepts_a_pass_machine() -> None:
    definition = {
        "Comment": "two pass states",
        "StartAt": "First",
        "States": {
            "First": {"Type": "Pass", "Result": {"x": 1}, "Next": "Second"},
            "Second": {"Type": "Pass", "End": True},
        },
    }
    assert tools.asl_validate(definition) == []


def test_asl_validator_finds_errors() -> None:
    definition = {
        "StartAt": "First",
        "States": {"First": {"Type": "Pass", "Next": "Nowhere"}},
    }
    errors = tools.asl_validate(definition)
    assert any("Nowhere" in e for e in errors), errors
    assert all(":" in e for e in errors), errors


# --------------------------------------------------------------------------- CDK

CDK_APP = """
import aws_cdk as cdk
from aws_cdk import aws_sqs as sqs
from constructs import Construct


class Tiny(cdk.Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        sqs.Queue(self, "Jobs", visibility_timeout=cdk.Duration.seconds({timeout}))


app = cdk.App()
Tiny(app, "Tiny")
app.synth()
"""


def test_cdk_synth_tiny_apps_in_parallel(tmp_path: Path) -> None:
    a = tmp_path / "a"
    b = tmp_path / "b"
    write(a / "app.py", CDK_APP.format(timeout=30))
    write(b / "app.py", CDK_APP.format(timeout=45))
    templates = tools.cdk_synth([a, b])
    assert set(templates) == {a, b}
    for app, timeout in ((a, 30), (b, 45)):
        queues = [r for r in templates[app]["Resources"].values() if r["Type"] == "AWS::SQS::Queue"]
        assert [q["Properties"]["VisibilityTimeout"] for q in queues] == [timeout]
    assert not (a / "cdk.out").exists()  # output went to CDK_OUTDIR


def test_cdk_synth_reports_a_broken_app(tmp_path: Path) -> None:
    write(tmp_path / "app.py", "import sys\n\nsys.exit('no stack to synthesize')\n")
    with pytest.raises(pytest.fail.Exception, match="(?s)CDK synth failed.*no stack to synth"):
        tools.cdk_synth([tmp_path])


# --------------------------------------------------------------------------- checkov


def test_checkov_cloudformation_unencrypted_queue(tmp_path: Path) -> None:
    write(tmp_path / "template.yaml", SQS_TEMPLATE.format(prop="VisibilityTimeout"))
    result = tools.checkov(tmp_path, "cloudformation")
    assert ("CKV_AWS_27", "AWS::SQS::Queue.Queue", "/template.yaml") in result["failed_checks"]
    assert result["resource_count"] == 1


def test_checkov_terraform(tmp_path: Path) -> None:
    write(tmp_path / "providers.tf", TF_PROVIDERS)
    write(
        tmp_path / "main.tf",
        """
        resource "aws_sqs_queue" "plain" {
          name = "plain"
        }

        resource "aws_sqs_queue" "encrypted" {
          name                    = "encrypted"
          sqs_managed_sse_enabled = true
        }
        """,
    )
    result = tools.checkov(tmp_path, "terraform")
    failed = {(check, resource) for check, resource, _ in result["failed_checks"]}
    assert ("CKV_AWS_27", "aws_sqs_queue.plain") in failed
    assert ("CKV_AWS_27", "aws_sqs_queue.encrypted") not in failed
    assert result["passed"] > 0


def test_checkov_empty_directory(tmp_path: Path) -> None:
    result = tools.checkov(tmp_path, "terraform")
    assert result["failed_checks"] == []
    assert result["passed"] == 0


# --------------------------------------------------------------------------- ruff


def test_ruff_check_and_format(tmp_path: Path) -> None:
    clean = write(tmp_path / "clean" / "app.py", 'import os\n\nprint(os.sep, "x")\n')
    assert tools.ruff_check(clean.parent) == ""
    assert tools.ruff_format_check(clean.parent) == ""

    messy = write(tmp_path / "messy" / "app.py", "import os\nprint( 'x' )\n")
    assert "F401" in tools.ruff_check(messy.parent)
    diff = tools.ruff_format_check(messy.parent)
    assert '+print("x")' in diff, diff
