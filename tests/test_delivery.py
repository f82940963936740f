"""No event silently lost: the retries and dead-letter destinations of every
asynchronous edge, decided once in the plan and spelled by every target, with the
real tools run on a program that sets every knob away from its default."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from tools import (
    PACKAGE_PATHS,
    cfn_lint,
    format_cfn_lint,
    format_tf_diagnostics,
    terraform_fmt_check,
    terraform_validate,
)

from examples import case_name, compile_program, example_programs
from iac.catalog import ASYNC_MAX_AGE, RULE_MAX_AGE, RULE_RETRIES, STREAM_MAX_AGE
from iac.explain import deliveries, render_deliveries
from iac.fmt import format_source
from iac.frontend import check, from_text
from iac.plan import Plan, plan
from iac.plan.compute import LOG_DELIVERY
from iac.plan.model import (
    EventInvokeConfigProps,
    EventSourceMappingProps,
    QueuePolicyProps,
    RoleProps,
    RuleProps,
    StateMachineProps,
    SubscriptionProps,
)
from iac.plan.values import Ref

HERE = Path(__file__).resolve().parent
DELIVERY = HERE / "programs" / "delivery.iac"

DEFAULTS = """
function resize {
  code = "src/handler.py"
}
function project {
  code = "src/handler.py"
}
bus shop
topic alerts
queue inbox
table orders {
  key id: string
  stream = true
}
on shop.event -> resize
on shop.event -> inbox
on alerts.message -> resize
on orders.changed -> project
"""


def _plan(text: str, tmp_path: Path) -> Plan:
    (tmp_path / "src").mkdir(exist_ok=True)
    (tmp_path / "src" / "handler.py").write_text("def handler(e, c):\n    return e\n")
    result = check(from_text(text, tmp_path / "app.iac"))
    assert result.ok and result.app is not None, [d.message for d in result.errors]
    planned = plan(result.app)
    assert not planned.diagnostics
    return planned


def _statements(planned: Plan, node_id: str) -> dict[str, Any]:
    props = planned.node(node_id).props
    assert isinstance(props, RoleProps | QueuePolicyProps)
    return {st.sid: st for st in props.statements}


# --------------------------------------------------------------------------- the plan


def test_every_asynchronous_edge_gets_retries_and_a_dead_letter_queue(tmp_path: Path) -> None:
    planned = _plan(DEFAULTS, tmp_path)
    ids = {n.id for n in planned.nodes}
    # One dead-letter queue per consumer, named after it; the queue's own holds what
    # EventBridge could not deliver to it.
    assert {"ResizeDlq", "ProjectDlq", "InboxDlq"} <= ids
    rule = planned.node("ShopEventToResize").props
    assert isinstance(rule, RuleProps)
    (target,) = rule.targets
    assert (target.retries, target.max_age) == (RULE_RETRIES, RULE_MAX_AGE)
    assert target.dead_letter == Ref("ResizeDlq", "arn")
    # The queue policy lets exactly that rule deliver there.
    sent = _statements(planned, "ResizeDlqPolicy")["FromShopEventToResize"]
    assert sent.principal == "events.amazonaws.com"
    assert sent.conditions == {"ArnEquals": {"aws:SourceArn": Ref("ShopEventToResize", "arn")}}
    # SNS redrives to the same queue, allowed from the topic.
    sub = planned.node("AlertsMessageToResize").props
    assert isinstance(sub, SubscriptionProps) and sub.dead_letter == Ref("ResizeDlq", "arn")
    assert _statements(planned, "ResizeDlqPolicy")["FromAlerts"].principal == "sns.amazonaws.com"
    # A stream mapping never blocks its shard.
    esm = planned.node("OrdersChangedToProject").props
    assert isinstance(esm, EventSourceMappingProps)
    assert (esm.retries, esm.max_age, esm.bisect) == (3, STREAM_MAX_AGE, True)
    assert esm.on_failure == Ref("ProjectDlq", "arn")
    # The function invoked asynchronously: retries, age, and its failures queued.
    config = planned.node("ResizeInvokeConfig").props
    assert isinstance(config, EventInvokeConfigProps)
    assert (config.retries, config.max_age) == (2, ASYNC_MAX_AGE)
    assert config.on_failure == Ref("ResizeDlq", "arn") and config.on_success is None
    assert "ProjectInvokeConfig" not in ids  # a stream invokes synchronously
    # Lambda sends with the function's role: exactly that queue.
    for fid, dlq in (("ResizeRole", "ResizeDlq"), ("ProjectRole", "ProjectDlq")):
        st = _statements(planned, fid)[f"DeliverTo{dlq}"]
        assert st.actions == ("sqs:SendMessage",) and st.resources == (Ref(dlq, "arn"),)


def test_options_change_the_defaults(tmp_path: Path) -> None:
    text = DEFAULTS.replace(
        "on shop.event -> resize", "on shop.event -> resize { retries = 2, dead_letter = lost }"
    ).replace("function resize {", "queue lost\nfunction resize {\n  on_failure = lost")
    text = text.replace(
        "on alerts.message -> resize", "on alerts.message -> resize { dead_letter = lost }"
    )
    planned = _plan(text, tmp_path)
    ids = {n.id for n in planned.nodes}
    assert "ResizeDlq" not in ids  # every edge and the function name their own
    rule = planned.node("ShopEventToResize").props
    assert isinstance(rule, RuleProps)
    assert (rule.targets[0].retries, rule.targets[0].dead_letter) == (2, Ref("Lost", "arn"))
    assert set(_statements(planned, "LostPolicy")) == {"FromShopEventToResize", "FromAlerts"}


def test_function_destinations_grant_what_lambda_sends(tmp_path: Path) -> None:
    text = DEFAULTS.replace(
        'function project {\n  code = "src/handler.py"',
        'function project {\n  code = "src/handler.py"\n  on_success = alerts\n'
        "  on_failure = shop\n  retries = 0",
    )
    planned = _plan(text, tmp_path)
    config = planned.node("ProjectInvokeConfig").props
    assert isinstance(config, EventInvokeConfigProps)
    assert config.retries == 0
    assert (config.on_success, config.on_failure) == (Ref("Alerts", "arn"), Ref("Shop", "arn"))
    role = _statements(planned, "ProjectRole")
    assert role["DeliverToAlerts"].actions == ("sns:Publish",)
    assert role["DeliverToShop"].actions == ("events:PutEvents",)
    assert planned.node("ProjectInvokeConfig").depends_on == ["ProjectRole"]


def test_a_fifo_queue_eventbridge_feeds_gets_a_warning_not_a_fifo_dead_letter_queue(
    tmp_path: Path,
) -> None:
    text = "queue ordered {\n  fifo = true\n  max_receives = 3\n}\n"
    text += "bus shop\non shop.event -> ordered\n"
    result = check(from_text(text, tmp_path / "app.iac"))
    assert result.ok and result.app is not None
    assert [d.code for d in result.diagnostics] == ["W030"]
    rule = plan(result.app).node("ShopEventToOrdered").props
    assert isinstance(rule, RuleProps) and rule.targets[0].dead_letter is None


def test_workflows_keep_a_history(tmp_path: Path) -> None:
    text = DEFAULTS + "workflow quick {\n  express = true\n  invoke resize\n}\n"
    text += "workflow slow {\n  invoke resize\n}\n"
    text += "workflow kept {\n  logging = true\n  invoke resize\n}\n"
    planned = _plan(text, tmp_path)
    for wid, logged in (("Quick", True), ("Slow", False), ("Kept", True)):
        props = planned.node(wid).props
        assert isinstance(props, StateMachineProps)
        assert (props.log_group is not None) == logged, wid
        assert (f"{wid}Logs" in {n.id for n in planned.nodes}) == logged, wid
        sids = _statements(planned, f"{wid}Role")
        assert ("DeliverLogs" in sids) == logged, wid
        if logged:
            assert sids["DeliverLogs"].actions == LOG_DELIVERY
            assert sids["DeliverLogs"].resources == ("*",)


def test_explain_shows_every_delivery(tmp_path: Path) -> None:
    planned = _plan(DEFAULTS, tmp_path)
    shown = {d.id: dict(d.settings) for d in deliveries(planned)}
    assert shown["ShopEventToResize"] == {
        "retries": "185",
        "max age": "1d",
        "dead letter": "ResizeDlq.arn",
    }
    assert shown["OrdersChangedToProject"]["bisect"] == "yes"
    assert shown["ResizeInvokeConfig"]["on failure"] == "ResizeDlq.arn"
    assert "AlertsMessageToResize" in render_deliveries(deliveries(planned))


def test_fmt_keeps_the_options() -> None:
    text = DELIVERY.read_text(encoding="utf-8")
    formatted = format_source(text)
    for option in ("max_concurrency = 5", "start = trim_horizon", "on_failure = audits"):
        assert option in formatted
    assert format_source(formatted) == formatted


# --------------------------------------------------------------------------- the real tools


@pytest.fixture(scope="module")
def delivery(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("delivery")
    compiled = compile_program(DELIVERY, ["cfn", "terraform"])
    assert not compiled.diagnostics, [d.message for d in compiled.diagnostics]
    for rel, data in compiled.files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    return out


def test_cfn_passes_cfn_lint_with_informational_checks(delivery: Path) -> None:
    matches = cfn_lint(
        delivery / "cfn" / "template.yaml",
        include_warnings=True,
        informational=True,
        ignore_checks=PACKAGE_PATHS,
    )
    assert not matches, format_cfn_lint(matches)


def test_terraform_validates(delivery: Path, tmp_path: Path) -> None:
    config = tmp_path / "tf"
    shutil.copytree(delivery / "terraform", config)
    result = terraform_validate(config)
    assert result["valid"] and result["warning_count"] == 0, format_tf_diagnostics(result)
    assert terraform_fmt_check(config) == ""


class _Loader(yaml.SafeLoader):
    """Intrinsics as plain tagged values: only the shape is read here."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: f"!{suffix}")


def test_every_knob_reaches_cfn_and_terraform(delivery: Path) -> None:
    template = yaml.load((delivery / "cfn" / "template.yaml").read_text(), Loader=_Loader)  # noqa: S506
    res = template["Resources"]
    stream = res["OrdersChangedToFollower"]["Properties"]
    assert stream["StartingPosition"] == "TRIM_HORIZON"
    assert (stream["MaximumRetryAttempts"], stream["MaximumRecordAgeInSeconds"]) == (10, 3600)
    assert "BisectBatchOnFunctionError" not in stream
    assert res["JobsMessageToWorker"]["Properties"]["ScalingConfig"] == {"MaximumConcurrency": 5}
    worker = res["WorkerInvokeConfig"]["Properties"]
    assert worker["MaximumRetryAttempts"] == 0 and set(worker["DestinationConfig"]) == {
        "OnSuccess",
        "OnFailure",
    }
    (target,) = res["ShopEventToNotify"]["Properties"]["Targets"]
    assert target["RetryPolicy"] == {"MaximumRetryAttempts": 2, "MaximumEventAgeInSeconds": 600}
    assert "DeadLetterConfig" in target
    assert "DeadLetterConfig" not in res["ShopEventToFailedJobs"]["Properties"]["Targets"][0]
    for rid in ("History", "Quick"):
        assert "LoggingConfiguration" in res[rid]["Properties"], rid
    task = res["Scratch"]["Properties"]
    assert task["Volumes"] == [{"Name": "scratch"}]
    assert task["ContainerDefinitions"][0]["MountPoints"][0]["ContainerPath"] == "/tmp"
    # Everything that holds data or history says what happens to it.
    for rid, r in res.items():
        if r["Type"] in ("AWS::SQS::Queue", "AWS::Logs::LogGroup", "AWS::SecretsManager::Secret"):
            assert r["DeletionPolicy"] == r["UpdateReplacePolicy"] == "Delete", rid
        if r["Type"] in ("AWS::Events::Rule", "AWS::Lambda::EventSourceMapping"):
            assert {"Key": "team", "Value": "reliability"} in r["Properties"]["Tags"], rid
    main = " ".join((delivery / "terraform" / "main.tf").read_text().split())  # fmt's alignment
    for text in (
        "maximum_concurrency = 5",
        'starting_position = "TRIM_HORIZON"',
        "maximum_record_age_in_seconds = 3600",
        "maximum_event_age_in_seconds = 600",
        'resource "aws_lambda_function_event_invoke_config" "worker_invoke_config"',
        "force_destroy = true",
    ):
        assert text in main, text


def test_every_taggable_resource_is_tagged() -> None:
    """Tags on everything CloudFormation can tag (its resource schemas say which),
    in every example with tags and the delivery program: Terraform's `default_tags` and
    CDK's `Tags.of` tag the same resources, and the CDK equivalence test holds them."""
    from cfnlint.schema.manager import PROVIDER_SCHEMA_MANAGER

    programs = [p for p in example_programs() if case_name(p) != "thumbnails"] + [DELIVERY]
    checked = 0
    for program in programs:
        compiled = compile_program(program, ["cfn"])
        assert compiled.plan is not None
        if not compiled.plan.tags:
            continue
        text = compiled.files["cfn/template.yaml"].decode()
        for rid, r in yaml.load(text, Loader=_Loader)["Resources"].items():  # noqa: S506
            schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema("us-east-1", r["Type"]).schema
            if "Tags" in schema["properties"]:
                checked += 1
                assert "Tags" in r.get("Properties", {}), f"{case_name(program)}: {rid}"
    assert checked > 50


def test_a_rule_on_the_default_bus_invokes_asynchronously_too(tmp_path: Path) -> None:
    """The account's default bus is declared by no program; its rules invoke a function
    asynchronously as a declared bus's do: retries, age, and the dead-letter queue."""
    text = (
        'function audit {\n  code = "src/handler.py"\n}\n'
        'on default.event(source: "aws.ec2") -> audit\n'
    )
    planned = _plan(text, tmp_path)
    config = planned.node("AuditInvokeConfig").props
    assert isinstance(config, EventInvokeConfigProps)
    assert config.on_failure == Ref("AuditDlq", "arn")
    assert "DeliverToAuditDlq" in _statements(planned, "AuditRole")
