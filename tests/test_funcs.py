"""Language 1.1's function options and event filters (issue 16): what the golden
`fleet` example can't show on its own, checked by the real tools."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import yaml
from tools import PACKAGE_PATHS, cdk_synth, cfn_lint, format_cfn_lint

from examples import REPO, compile_program
from iac import model as m
from iac.plan.patterns import pattern, pattern_text

HERE = Path(__file__).parent
PUBLIC = HERE / "programs" / "target_limits" / "public_url.iac"  # Terraform: E200, so no golden


class _Loader(yaml.SafeLoader):
    """YAML with CloudFormation's short intrinsics read as plain values."""


def _intrinsic(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return f"!{suffix} {loader.construct_scalar(node)}"
    return {f"!{suffix}": loader.construct_sequence(node)}  # type: ignore[arg-type]


_Loader.add_multi_constructor("!", _intrinsic)


def _template(program: Path, target: str = "cfn") -> dict[str, Any]:
    compiled = compile_program(program, [target])
    assert not compiled.diagnostics, [d.message for d in compiled.diagnostics]
    text = compiled.files[f"{target}/template.yaml"].decode()
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader subclass


def _statements(template: dict[str, Any], role: str) -> list[dict[str, Any]]:
    props = template["Resources"][role]["Properties"]
    return [st for p in props.get("Policies", []) for st in p["PolicyDocument"]["Statement"]]


def test_patterns_spell_every_test() -> None:
    filters = {
        "source": m.Match("prefix", ("shop.",)),
        "detail_type": m.Match("any", ("A", "B")),
        "detail.total": m.Match("numeric", (100,), ">"),
        "detail.n": m.Match("numeric", (5,), "=="),
        "detail.status": m.Match("not", ("test",)),
        "detail.name": m.Match("suffix", (".png",)),
        "detail.a.b": m.Match("exists"),
        "detail.c": m.Match("missing"),
    }
    spelled = pattern(filters, lambda n: "detail-type" if n == "detail_type" else n)
    assert spelled == {
        "source": [{"prefix": "shop."}],
        "detail-type": ["A", "B"],
        "detail": {
            "total": [{"numeric": [">", 100]}],
            "n": [{"numeric": ["=", 5]}],
            "status": [{"anything-but": ["test"]}],
            "name": [{"suffix": ".png"}],
            "a": {"b": [{"exists": True}]},
            "c": [{"exists": False}],
        },
    }
    # SNS message attribute names may hold dots: one key each.
    assert pattern({"order.kind": m.Match("any", ("x",))}, nested=False) == {"order.kind": ["x"]}
    assert json.loads(pattern_text(spelled)) == spelled


def test_fleet_rules_and_mappings() -> None:
    template = _template(REPO / "examples" / "fleet.iac")
    res = template["Resources"]
    default = res["DefaultEventToAudit"]["Properties"]
    assert "EventBusName" not in default  # the account's default bus
    assert default["EventPattern"]["detail"] == {"state": ["stopped", "terminated"]}
    shop = res["ShopBusEventToAudit"]["Properties"]
    assert shop["EventBusName"] == "!Ref ShopBus"
    assert shop["EventPattern"]["detail"]["coupon"] == [{"exists": False}]
    policy = res["AlertsMessageToFailures"]["Properties"]["FilterPolicy"]
    assert policy["score"] == [{"numeric": [">=", 7]}]
    queue = res["FailuresMessageToAudit"]["Properties"]["FilterCriteria"]["Filters"]
    assert json.loads(queue[0]["Pattern"]) == {
        "body": {"type": ["order"], "amount": [{"numeric": ["<", 1000]}]}
    }
    stream = res["InstancesChangedToAudit"]["Properties"]["FilterCriteria"]["Filters"]
    assert json.loads(stream[0]["Pattern"]) == {
        "eventName": ["INSERT", "MODIFY"],
        "dynamodb": {"NewImage": {"state": {"S": ["running"]}}},
    }
    fn = res["Audit"]["Properties"]
    assert fn["TracingConfig"] == {"Mode": "Active"}
    assert fn["EphemeralStorage"] == {"Size": 2048}
    assert fn["Layers"] == ["arn:aws:lambda:us-east-1:123456789012:layer:pillow:3"]
    assert res["AuditUrl"]["Properties"]["AuthType"] == "AWS_IAM"
    # `url = iam`: no resource policy opens the function to anyone.
    assert not any(r.startswith("AuditUrl") and "Permission" in r for r in res)
    traces = [s for s in _statements(template, "AuditRole") if s.get("Sid") == "WriteTraces"]
    assert traces and traces[0]["Action"] == ["xray:PutTelemetryRecords", "xray:PutTraceSegments"]


def test_public_url_has_both_permissions_and_passes_cfn_lint(tmp_path: Path) -> None:
    template = _template(PUBLIC)
    res = template["Resources"]
    assert res["WebhookUrl"]["Properties"]["AuthType"] == "NONE"
    url = res["WebhookUrlPermission"]["Properties"]
    assert (url["Action"], url["Principal"], url["FunctionUrlAuthType"]) == (
        "lambda:InvokeFunctionUrl",
        "*",
        "NONE",
    )
    invoke = res["WebhookUrlInvokePermission"]["Properties"]
    assert (invoke["Action"], invoke["InvokedViaFunctionUrl"]) == ("lambda:InvokeFunction", True)
    assert "SourceArn" not in invoke
    machine = res["Nightly"]["Properties"]
    assert machine["TracingConfiguration"] == {"Enabled": True}
    traces = [s for s in _statements(template, "NightlyRole") if s.get("Sid") == "WriteTraces"]
    assert traces[0]["Action"] == [
        "xray:GetSamplingRules",
        "xray:GetSamplingTargets",
        "xray:PutTelemetryRecords",
        "xray:PutTraceSegments",
    ]
    compiled = compile_program(PUBLIC, ["cfn", "sam"])
    for target in ("cfn", "sam"):
        path = tmp_path / f"{target}.yaml"
        path.write_bytes(compiled.files[f"{target}/template.yaml"])
        matches = cfn_lint(path, include_warnings=True, ignore_checks=PACKAGE_PATHS)
        assert not matches, format_cfn_lint(matches)


def test_terraform_reports_a_public_url_it_cannot_write() -> None:
    compiled = compile_program(PUBLIC, ["terraform"])
    assert [d.code for d in compiled.diagnostics] == ["E200"]
    assert "public function URL" in compiled.diagnostics[0].message
    assert compiled.diagnostics[0].span is not None


def test_cdk_synthesizes_the_public_url(tmp_path: Path) -> None:
    compiled = compile_program(PUBLIC, ["cdk"])
    assert not compiled.diagnostics
    app = tmp_path / "app"
    for path, data in compiled.files.items():
        if path.startswith("cdk/"):
            out = app / path[len("cdk/") :]
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(data)
    synth = cdk_synth([app])[app]["Resources"]
    invoke = synth["WebhookUrlInvokePermission"]["Properties"]
    assert invoke["InvokedViaFunctionUrl"] is True
    assert synth["Webhook"]["Properties"]["TracingConfig"] == {"Mode": "Active"}
    # Only the plan's policies: CDK's own tracing would have added a second one.
    assert not [r for r, v in synth.items() if v["Type"] == "AWS::IAM::Policy"]
    shutil.rmtree(app)


def test_alarms_for_functions_dead_letters_and_workflows() -> None:
    fleet = _template(REPO / "examples" / "fleet.iac")["Resources"]
    alarms = {r: v["Properties"] for r, v in fleet.items() if v["Type"] == "AWS::CloudWatch::Alarm"}
    assert list(alarms) == [
        "AuditErrorsAlarm",
        "AuditThrottlesAlarm",
        "ReconcileFailedAlarm",
        # a bus edge's `dead_letter`, a queue's dead-letter queue, and the consumers'
        "LostLedgerMessagesAlarm",
        "FailuresDlqMessagesAlarm",
        "AuditDlqMessagesAlarm",
        "ReconcileJobsDlqMessagesAlarm",
        "ReconcileDlqMessagesAlarm",
    ]
    dlq = alarms["FailuresDlqMessagesAlarm"]
    assert (dlq["MetricName"], dlq["Statistic"], dlq["Threshold"]) == (
        "ApproximateNumberOfMessagesVisible",
        "Maximum",
        0,
    )
    assert dlq["Dimensions"] == [{"Name": "QueueName", "Value": "!GetAtt FailuresDlq.QueueName"}]
    assert all(a["AlarmActions"] == ["!Ref Ops"] for a in alarms.values())
    (statement,) = fleet["OpsPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    assert statement["Principal"] == {"Service": "cloudwatch.amazonaws.com"}
    sources = statement["Condition"]["ArnEquals"]["aws:SourceArn"]
    assert sources == [f"!GetAtt {a}.Arn" for a in alarms]
    hooks = _template(PUBLIC)["Resources"]
    failed = hooks["NightlyFailedAlarm"]["Properties"]
    assert (failed["Namespace"], failed["MetricName"]) == ("AWS/States", "ExecutionsFailed")
    assert failed["Dimensions"] == [{"Name": "StateMachineArn", "Value": "!Ref Nightly"}]


def test_queue_and_stream_start_a_workflow_through_a_pipe() -> None:
    template = _template(REPO / "examples" / "fleet.iac")
    res = template["Resources"]
    queue = res["ReconcileJobsMessageToReconcile"]
    assert queue["Type"] == "AWS::Pipes::Pipe"
    props = queue["Properties"]
    assert props["SourceParameters"]["SqsQueueParameters"] == {"BatchSize": 1}
    assert props["TargetParameters"] == {
        "StepFunctionStateMachineParameters": {"InvocationType": "FIRE_AND_FORGET"}
    }
    actions = {s["Sid"]: s["Action"] for s in _statements(template, props["RoleArn"][8:-4])}
    assert actions == {
        "ConsumeReconcileJobs": [
            "sqs:DeleteMessage",
            "sqs:GetQueueAttributes",
            "sqs:ReceiveMessage",
        ],
        "StartReconcile": "states:StartExecution",
    }
    stream = res["InstancesChangedToReconcile"]["Properties"]
    # A stream edge's failure settings hold for a pipe as for a mapping: the defaults
    # (3 retries, 1 day, halving), then the workflow's dead-letter queue.
    assert stream["SourceParameters"]["DynamoDBStreamParameters"] == {
        "StartingPosition": "LATEST",
        "BatchSize": 10,
        "MaximumRetryAttempts": 3,
        "MaximumRecordAgeInSeconds": 86400,
        "OnPartialBatchItemFailure": "AUTOMATIC_BISECT",
        "DeadLetterConfig": {"Arn": "!GetAtt ReconcileDlq.Arn"},
    }
    actions = {s["Sid"]: s["Action"] for s in _statements(template, stream["RoleArn"][8:-4])}
    assert actions["DeliverToReconcileDlq"] == "sqs:SendMessage"
    # No glue function, and no mapping: the pipe reads the sources itself.
    assert "ReconcileJobsMessageToReconcilePermission" not in res
    assert [r for r, v in res.items() if v["Type"] == "AWS::Lambda::Function"] == ["Audit"]


def test_fifo_queue_dedup_and_group_from_eventbridge() -> None:
    res = _template(REPO / "examples" / "fleet.iac")["Resources"]
    ledger = res["Ledger"]["Properties"]
    assert (ledger["FifoQueue"], ledger["ContentBasedDeduplication"]) == (True, True)
    (target,) = res["ShopBusEventToLedger"]["Properties"]["Targets"]
    assert target["SqsParameters"] == {"MessageGroupId": "fleet"}


def test_vpc_function_gets_private_subnets_and_only_the_endpoints_it_needs() -> None:
    template = _template(REPO / "examples" / "fleet.iac")
    res = template["Resources"]
    config = res["Audit"]["Properties"]["VpcConfig"]
    assert config["SubnetIds"] == ["!Ref VpcPrivateSubnet1", "!Ref VpcPrivateSubnet2"]
    endpoints = {r: v["Properties"] for r, v in res.items() if v["Type"] == "AWS::EC2::VPCEndpoint"}
    # Gateways for S3 and DynamoDB; an interface only for SNS (`allow ops: publish`).
    assert {r: p["VpcEndpointType"] for r, p in endpoints.items()} == {
        "VpcS3Endpoint": "Gateway",
        "VpcDynamodbEndpoint": "Gateway",
        "VpcSnsEndpoint": "Interface",
    }
    types = {v["Type"] for v in res.values()}
    assert "AWS::EC2::NatGateway" not in types
    assert "AWS::EC2::InternetGateway" not in types  # no containers: no public subnets
    # The private route table has no route out at all.
    assert not [v for v in res.values() if v["Type"] == "AWS::EC2::Route"]
    statements = {s["Sid"]: s for s in _statements(template, "AuditRole")}
    enis = statements["ManageNetworkInterfaces"]
    assert enis["Action"] == [
        "ec2:AssignPrivateIpAddresses",
        "ec2:CreateNetworkInterface",
        "ec2:DeleteNetworkInterface",
        "ec2:UnassignPrivateIpAddresses",
    ]
    assert "*" not in enis["Resource"]
    assert statements["DescribeNetwork"]["Resource"] == "*"


def test_vpc_function_in_the_apps_network(tmp_path: Path) -> None:
    program = tmp_path / "net.iac"
    shutil.copy(HERE / "programs" / "src" / "breaker.py", tmp_path / "breaker.py")
    program.write_text(
        "app net {\n  network {\n"
        '    subnets = ["subnet-0abc1234def567890", "subnet-0def1234abc567890"]\n'
        '    security_groups = ["sg-0abc1234def567890"]\n  }\n}\n'
        'function f {\n  code = "breaker.py"\n  vpc = true\n}\nevery 1h -> f\n'
    )
    res = _template(program)["Resources"]
    assert res["F"]["Properties"]["VpcConfig"] == {
        "SubnetIds": ["subnet-0abc1234def567890", "subnet-0def1234abc567890"],
        "SecurityGroupIds": ["sg-0abc1234def567890"],
    }
    assert not [r for r in res if r.startswith("Vpc")]  # nothing generated
    path = tmp_path / "template.yaml"
    path.write_bytes(compile_program(program, ["cfn"]).files["cfn/template.yaml"])
    matches = cfn_lint(path, include_warnings=True, ignore_checks=PACKAGE_PATHS)
    assert not matches, format_cfn_lint(matches)
