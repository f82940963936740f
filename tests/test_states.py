"""The States Language compiler: each statement and condition form, and every
example's definitions checked by the real asl-validator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tools import asl_validate

from examples import compile_program, example_programs
from iac.frontend import check, from_text
from iac.plan import plan
from iac.plan.model import RoleProps, StateMachineProps
from iac.plan.values import Ref, Sub

HANDLER_DIR = Path(__file__).resolve().parent / "programs"

BASE = """
function f { code = "src/breaker.py" }
queue q
topic t
bus b
container c { image = "public.ecr.aws/docker/library/busybox:1.36" }
model m { id = "anthropic.claude-3-haiku-20240307-v1:0" }
"""


def machine(steps: str, express: bool = False) -> dict[str, Any]:
    text = BASE + "workflow w {\n" + ("express = true\n" if express else "") + steps + "\n}\n"
    result = check(from_text(text, HANDLER_DIR / "wf.iac"))
    assert result.app is not None, [d.message for d in result.errors]
    planned = plan(result.app)
    assert not planned.diagnostics, [d.message for d in planned.diagnostics]
    node = next(n for n in planned.nodes if n.type == "state_machine")
    assert isinstance(node.props, StateMachineProps)
    return node.props.definition


def concrete(definition: Any) -> Any:
    """Plan values replaced by ARN-shaped strings, as a deployed definition holds them."""
    if isinstance(definition, dict):
        return {k: concrete(v) for k, v in definition.items()}
    if isinstance(definition, list):
        return [concrete(v) for v in definition]
    if isinstance(definition, Ref):
        return f"arn:aws:lambda:us-east-1:123456789012:function:{definition.node}"
    if isinstance(definition, Sub):
        return "".join(p if isinstance(p, str) else "x" for p in definition.parts)
    return definition


def valid(definition: dict[str, Any]) -> dict[str, Any]:
    errors = asl_validate(concrete(definition))
    assert not errors, errors
    return definition


def test_sequence_chains_states_in_source_order() -> None:
    d = valid(machine("invoke f\nsend q\npublish t"))
    assert d["StartAt"] == "Invoke f"
    assert list(d["States"]) == ["Invoke f", "Send q", "Publish t"]
    assert d["States"]["Invoke f"]["Next"] == "Send q"
    assert d["States"]["Send q"]["Next"] == "Publish t"
    assert d["States"]["Publish t"]["End"] is True


def test_invoke_uses_the_optimized_lambda_integration() -> None:
    d = valid(machine("invoke f"))
    state = d["States"]["Invoke f"]
    assert state["Resource"] == "arn:aws:states:::lambda:invoke"
    assert state["Parameters"]["FunctionName"] == Ref("F", "arn")
    assert state["OutputPath"] == "$.Payload"


def test_task_options_retry_timeout_result() -> None:
    d = valid(machine("invoke f { retry = 3, timeout = 30s, result = $.out }"))
    state = d["States"]["Invoke f"]
    assert state["TimeoutSeconds"] == 30
    assert state["Retry"] == [
        {"ErrorEquals": ["States.ALL"], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 2.0}
    ]
    assert state["ResultPath"] == "$.out"
    keep = d["States"][state["Next"]]
    assert keep == {
        "Type": "Pass",
        "InputPath": "$.out.Payload",
        "ResultPath": "$.out",
        "End": True,
    }


def test_run_waits_for_the_fargate_task() -> None:
    d = valid(machine("run c"))
    state = d["States"]["Run c"]
    assert state["Resource"] == "arn:aws:states:::ecs:runTask.sync"
    params = state["Parameters"]
    assert params["LaunchType"] == "FARGATE"
    assert params["Cluster"] == Ref("Cluster", "arn")
    assert params["TaskDefinition"] == Ref("C", "arn")
    net = params["NetworkConfiguration"]["AwsvpcConfiguration"]
    assert net["AssignPublicIp"] == "ENABLED"
    assert net["Subnets"] == [Ref("VpcPublicSubnet1", "id"), Ref("VpcPublicSubnet2", "id")]


def test_send_publish_put_integrations() -> None:
    d = valid(machine("send q\npublish t\nput b { result = $.put }"))
    assert d["States"]["Send q"]["Resource"] == "arn:aws:states:::sqs:sendMessage"
    assert d["States"]["Send q"]["Parameters"]["QueueUrl"] == Ref("Q", "url")
    assert d["States"]["Publish t"]["Resource"] == "arn:aws:states:::sns:publish"
    put = d["States"]["Put b"]
    assert put["Resource"] == "arn:aws:states:::events:putEvents"
    assert put["Parameters"]["Entries"][0]["EventBusName"] == Ref("B", "name")
    assert put["ResultPath"] == "$.put"


def test_wait_duration_and_path() -> None:
    d = valid(machine("wait 90s\nwait $.delay"))
    assert d["States"]["Wait 90s"] == {"Type": "Wait", "Seconds": 90, "Next": "Wait $.delay"}
    assert d["States"]["Wait $.delay"]["SecondsPath"] == "$.delay"


def test_if_else_if_else_rejoins() -> None:
    d = valid(
        machine(
            'if $.n > 10 {\n invoke f\n} else if $.s == "x" {\n send q\n}'
            " else {\n publish t\n}\nsucceed"
        )
    )
    choice = d["States"][d["StartAt"]]
    assert choice["Type"] == "Choice"
    assert [c["Next"] for c in choice["Choices"]] == ["Invoke f", "Send q"]
    assert choice["Default"] == "Publish t"
    for name in ("Invoke f", "Send q", "Publish t"):
        assert d["States"][name]["Next"] == "Succeed"


def test_if_without_else_goes_on() -> None:
    d = valid(machine("if exists $.x {\n invoke f\n}\nsend q"))
    choice = d["States"][d["StartAt"]]
    assert choice["Default"] == "Send q"
    assert choice["Choices"][0] == {"Variable": "$.x", "IsPresent": True, "Next": "Invoke f"}


def test_if_at_the_end_with_empty_else_ends() -> None:
    d = valid(machine("if $.x == true {\n invoke f\n}"))
    choice = d["States"][d["StartAt"]]
    assert d["States"][choice["Default"]] == {"Type": "Pass", "End": True}


def test_parallel_branches() -> None:
    d = valid(
        machine("parallel {\n branch {\n invoke f\n }\n branch {\n send q\n publish t\n }\n}")
    )
    state = d["States"]["Parallel"]
    assert state["Type"] == "Parallel" and state["End"] is True
    assert [b["StartAt"] for b in state["Branches"]] == ["Invoke f", "Send q"]
    assert state["Branches"][1]["States"]["Publish t"]["End"] is True


def test_for_each_is_a_map_state() -> None:
    d = valid(machine("for each $.items {\n invoke f\n}"))
    state = d["States"]["For each $.items"]
    assert state["Type"] == "Map"
    assert state["ItemsPath"] == "$.items"
    assert state["ItemProcessor"]["ProcessorConfig"] == {"Mode": "INLINE"}
    assert state["ItemProcessor"]["StartAt"] == "Invoke f"


def test_succeed_and_fail() -> None:
    d = valid(machine('if $.ok == false {\n fail "Broken" "it broke"\n}\nsucceed'))
    assert d["States"]["Fail Broken"] == {"Type": "Fail", "Error": "Broken", "Cause": "it broke"}
    assert d["States"]["Succeed"] == {"Type": "Succeed"}


@pytest.mark.parametrize(
    ("condition", "rule"),
    [
        ("$.n == 3", {"Variable": "$.n", "NumericEquals": 3}),
        ("$.n != 3", {"Not": {"Variable": "$.n", "NumericEquals": 3}}),
        ("$.n < 2.5", {"Variable": "$.n", "NumericLessThan": 2.5}),
        ("$.n <= 2", {"Variable": "$.n", "NumericLessThanEquals": 2}),
        ("$.n >= 2", {"Variable": "$.n", "NumericGreaterThanEquals": 2}),
        ("$.size > 10MB", {"Variable": "$.size", "NumericGreaterThan": 10 * 1024 * 1024}),
        ("$.age >= 2h", {"Variable": "$.age", "NumericGreaterThanEquals": 7200}),
        ('$.s == "a"', {"Variable": "$.s", "StringEquals": "a"}),
        ('$.s < "m"', {"Variable": "$.s", "StringLessThan": "m"}),
        ("$.b == true", {"Variable": "$.b", "BooleanEquals": True}),
        ("$.b != false", {"Not": {"Variable": "$.b", "BooleanEquals": False}}),
        ("exists $.x", {"Variable": "$.x", "IsPresent": True}),
        ("not exists $.x", {"Not": {"Variable": "$.x", "IsPresent": True}}),
        (
            "$.a > 1 and $.b < 2",
            {
                "And": [
                    {"Variable": "$.a", "NumericGreaterThan": 1},
                    {"Variable": "$.b", "NumericLessThan": 2},
                ]
            },
        ),
        (
            "($.a > 1 or exists $.c) and not $.d == 0",
            {
                "And": [
                    {
                        "Or": [
                            {"Variable": "$.a", "NumericGreaterThan": 1},
                            {"Variable": "$.c", "IsPresent": True},
                        ]
                    },
                    {"Not": {"Variable": "$.d", "NumericEquals": 0}},
                ]
            },
        ),
    ],
)
def test_condition_forms(condition: str, rule: dict[str, Any]) -> None:
    d = valid(machine(f"if {condition} {{\n invoke f\n}}"))
    choice = d["States"][d["StartAt"]]["Choices"][0]
    choice = {k: v for k, v in choice.items() if k != "Next"}
    assert choice == rule


def test_state_names_are_stable_when_a_step_is_added_above() -> None:
    before = machine("invoke f\nsend q\ninvoke f")
    after = machine("publish t\ninvoke f\nsend q\ninvoke f")
    assert set(before["States"]) <= set(after["States"])
    assert list(before["States"]) == ["Invoke f", "Send q", "Invoke f 2"]


def test_repeated_names_are_numbered_in_reading_order() -> None:
    # Depth first, in source order: the `invoke f` inside the `if` comes before the
    # one after the block, and the one in the first branch before the second's.
    d = valid(
        machine(
            "invoke f\n"
            "if $.x > 1 {\n invoke f\n} else {\n invoke f\n}\n"
            "parallel {\n branch {\n send q\n }\n branch {\n invoke f\n }\n}\n"
            "send q\n"
            "invoke f"
        )
    )
    states = d["States"]
    choice = states["If $.x > 1"]
    assert choice["Choices"][0]["Next"] == "Invoke f 2"
    assert choice["Default"] == "Invoke f 3"
    branches = states["Parallel"]["Branches"]
    assert branches[0]["StartAt"] == "Send q"
    assert branches[1]["StartAt"] == "Invoke f 4"
    assert states["Parallel"]["Next"] == "Send q 2"
    assert states["Send q 2"]["Next"] == "Invoke f 5"


def test_kept_results_are_numbered_in_reading_order() -> None:
    d = valid(machine("if $.x > 1 {\n invoke f { result = $.a }\n}\ninvoke f { result = $.b }"))
    states = d["States"]
    assert states["Invoke f"]["Next"] == "Keep result of f"
    assert states["Keep result of f"]["InputPath"] == "$.a.Payload"
    assert states["Keep result of f 2"]["InputPath"] == "$.b.Payload"


def test_express_workflow() -> None:
    text = BASE + "workflow w {\n express = true\n invoke f\n}\n"
    result = check(from_text(text, HANDLER_DIR / "wf.iac"))
    assert result.app is not None
    node = next(n for n in plan(result.app).nodes if n.type == "state_machine")
    assert isinstance(node.props, StateMachineProps) and node.props.type == "EXPRESS"


def test_workflow_role_has_exactly_what_its_steps_need() -> None:
    text = BASE + "workflow w {\n invoke f\n run c\n send q\n publish t\n put b\n}\n"
    result = check(from_text(text, HANDLER_DIR / "wf.iac"))
    assert result.app is not None
    role = next(n for n in plan(result.app).nodes if n.id == "WRole")
    assert isinstance(role.props, RoleProps)
    actions = sorted(a for st in role.props.statements for a in st.actions)
    assert actions == sorted([
        "lambda:InvokeFunction", "ecs:RunTask", "iam:PassRole", "ecs:DescribeTasks",
        "ecs:StopTask", "events:DescribeRule", "events:PutRule", "events:PutTargets",
        "sqs:SendMessage", "sns:Publish", "events:PutEvents",
    ])  # fmt: skip
    passed = next(st for st in role.props.statements if st.actions == ("iam:PassRole",))
    assert set(passed.resources) == {Ref("CTaskRole", "arn"), Ref("CExecutionRole", "arn")}


@pytest.mark.parametrize("program", example_programs(), ids=lambda p: p.name)
def test_every_example_definition_passes_asl_validator(program: Path) -> None:
    compiled = compile_program(program, ["cfn"])
    assert compiled.plan is not None
    machines = [n for n in compiled.plan.nodes if n.type == "state_machine"]
    for node in machines:
        assert isinstance(node.props, StateMachineProps)
        valid(node.props.definition)


# ---------------------------------------------------------------- 1.1: data, errors, models


def test_set_a_literal_a_map_and_a_path() -> None:
    d = valid(
        machine('set $.n = 3\nset $.m = { a = "x", b = $.y, id = $$.Execution.Id }\nset $.c = $.d')
    )
    states = d["States"]
    assert states["Set $.n"] == {
        "Type": "Pass",
        "Result": 3,
        "ResultPath": "$.n",
        "Next": "Set $.m",
    }
    assert states["Set $.m"]["Parameters"] == {"a": "x", "b.$": "$.y", "id.$": "$$.Execution.Id"}
    assert states["Set $.m"]["ResultPath"] == "$.m"
    assert states["Set $.c"] == {
        "Type": "Pass",
        "InputPath": "$.d",
        "ResultPath": "$.c",
        "End": True,
    }


def test_set_a_literal_map_is_a_result_not_parameters() -> None:
    d = valid(machine('set $.m = { a = "x", tags = ["p", "q"], on = true }'))
    assert d["States"]["Set $.m"]["Result"] == {"a": "x", "tags": ["p", "q"], "on": True}


def test_set_a_context_path_places_the_value_in_a_second_state() -> None:
    d = valid(machine("set $.started = $$.Execution.StartTime\ninvoke f"))
    first = d["States"]["Set $.started"]
    assert first["Parameters"] == {"value.$": "$$.Execution.StartTime"}
    assert first["Next"] == "Keep $.started"
    assert d["States"]["Keep $.started"] == {
        "Type": "Pass",
        "InputPath": "$.started.value",
        "ResultPath": "$.started",
        "Next": "Invoke f",
    }


def test_input_shapes_every_integration() -> None:
    d = valid(
        machine(
            "invoke f { input = { key = $.k, run = $$.Execution.Name, n = 1 } }\n"
            "send q { input = { k = $.k } }\npublish t { input = { k = $.k } }\n"
            "put b { input = { k = $.k } }"
        )
    )
    states = d["States"]
    assert states["Invoke f"]["Parameters"]["Payload"] == {
        "key.$": "$.k",
        "run.$": "$$.Execution.Name",
        "n": 1,
    }
    assert states["Send q"]["Parameters"]["MessageBody"] == {"k.$": "$.k"}
    assert states["Publish t"]["Parameters"]["Message"] == {"k.$": "$.k"}
    assert states["Put b"]["Parameters"]["Entries"][0]["Detail"] == {"k.$": "$.k"}
    assert "Payload.$" not in states["Invoke f"]["Parameters"]


def test_result_on_a_queue_keeps_the_input() -> None:
    d = valid(machine("send q { result = $.sent, retry = 2 }"))
    state = d["States"]["Send q"]
    assert state["ResultPath"] == "$.sent"
    assert state["Retry"][0]["MaxAttempts"] == 2


def test_context_paths_in_conditions_waits_and_maps() -> None:
    d = valid(
        machine(
            "if $$.Execution.Input.strict == true {\n invoke f\n}\n"
            "wait $$.Execution.Input.delay\nfor each $$.Execution.Input.items {\n send q\n}"
        )
    )
    states = d["States"]
    choice = states[d["StartAt"]]["Choices"][0]
    assert choice["Variable"] == "$$.Execution.Input.strict"
    assert states["Wait $$.Execution.Input.delay"]["SecondsPath"] == "$$.Execution.Input.delay"
    assert states["For each $$.Execution.Input.items"]["ItemsPath"] == "$$.Execution.Input.items"


def test_wait_until_a_path_and_a_timestamp() -> None:
    d = valid(machine('wait until $.at\nwait until "2030-01-31T09:00:00Z"'))
    assert d["States"]["Wait until $.at"] == {
        "Type": "Wait",
        "TimestampPath": "$.at",
        "Next": "Wait until 2030-01-31T09:00:00Z",
    }
    assert d["States"]["Wait until 2030-01-31T09:00:00Z"]["Timestamp"] == "2030-01-31T09:00:00Z"


def test_run_passes_env_overrides_to_its_container() -> None:
    d = valid(machine('run c { env { OBJECT_KEY = $.detail.object.key, MODE = "fast", N = 2 } }'))
    overrides = d["States"]["Run c"]["Parameters"]["Overrides"]["ContainerOverrides"]
    assert overrides == [
        {
            "Name": "c",
            "Environment": [
                {"Name": "OBJECT_KEY", "Value.$": "States.Format('{}', $.detail.object.key)"},
                {"Name": "MODE", "Value": "fast"},
                {"Name": "N", "Value": "2"},
            ],
        }
    ]


def test_try_catches_on_every_state_that_can_fail() -> None:
    d = valid(
        machine(
            "try {\n invoke f\n if $.x > 1 {\n  run c\n }\n"
            " parallel {\n  branch {\n   send q\n  }\n }\n for each $.items {\n  put b\n }\n"
            " set $.done = true\n"
            "} catch States.TaskFailed, States.Timeout as $.error {\n publish t\n"
            '} catch {\n fail "Broken"\n}\nsucceed'
        )
    )
    states = d["States"]
    catchers = [
        {
            "ErrorEquals": ["States.TaskFailed", "States.Timeout"],
            "ResultPath": "$.error",
            "Next": "Publish t",
        },
        {"ErrorEquals": ["States.ALL"], "ResultPath": None, "Next": "Fail Broken"},
    ]
    for name in ("Invoke f", "Run c", "Parallel", "For each $.items"):
        assert states[name]["Catch"] == catchers, name
    # A branch's states can't leave it: the Parallel state catches for them.
    assert "Catch" not in states["Parallel"]["Branches"][0]["States"]["Send q"]
    assert "Catch" not in states["For each $.items"]["ItemProcessor"]["States"]["Put b"]
    assert "Catch" not in states["Set $.done"]  # a Pass state can't fail
    assert states["Set $.done"]["Next"] == "Succeed"
    assert states["Publish t"]["Next"] == "Succeed"  # the handler goes on after the try
    assert "Catch" not in states["Publish t"]


def test_nested_try_puts_the_inner_catchers_first() -> None:
    d = valid(
        machine(
            "try {\n try {\n  invoke f\n } catch States.Timeout {\n  send q\n }\n"
            "} catch as $.e {\n publish t\n}"
        )
    )
    states = d["States"]
    assert [c["Next"] for c in states["Invoke f"]["Catch"]] == ["Send q", "Publish t"]
    # The inner handler is inside the outer try.
    assert [c["Next"] for c in states["Send q"]["Catch"]] == ["Publish t"]


def test_a_fail_inside_try_goes_to_the_catch_that_names_it() -> None:
    d = valid(
        machine(
            'try {\n if $.bad == true {\n  fail "Rejected" "no"\n }\n fail "Other"\n'
            "} catch Rejected as $.error {\n send q\n}"
        )
    )
    states = d["States"]
    assert states["Fail Rejected"] == {
        "Type": "Pass",
        "Result": {"Error": "Rejected", "Cause": "no"},
        "ResultPath": "$.error",
        "Next": "Send q",
    }
    assert states["Fail Other"] == {"Type": "Fail", "Error": "Other"}


def test_invoke_a_model_through_bedrock() -> None:
    d = valid(
        machine("invoke m { body = { prompt = $.text, max_tokens = 200 }, result = $.answer }")
    )
    state = d["States"]["Invoke m"]
    assert state["Resource"] == "arn:aws:states:::bedrock:invokeModel"
    assert state["Parameters"]["Body"] == {"prompt.$": "$.text", "max_tokens": 200}
    model = state["Parameters"]["ModelId"]
    assert isinstance(model, Sub)
    assert "foundation-model/anthropic.claude-3-haiku-20240307-v1:0" in "".join(
        p for p in model.parts if isinstance(p, str)
    )
    assert state["ResultSelector"] == {"Body.$": "$.Body"}
    assert d["States"]["Keep result of m"]["InputPath"] == "$.answer.Body"


def test_invoke_a_model_without_body_sends_the_state() -> None:
    d = valid(machine("invoke m"))
    state = d["States"]["Invoke m"]
    assert state["Parameters"]["Body.$"] == "$"
    assert state["OutputPath"] == "$.Body"


def test_callback_waits_for_the_task_token() -> None:
    d = valid(
        machine(
            "invoke f { callback = true, timeout = 1d, heartbeat = 1h, result = $.answer }\n"
            "invoke f { callback = true, timeout = 1h, input = { key = $.k, t = $$.Task.Token } }"
        )
    )
    first = d["States"]["Invoke f"]
    assert first["Resource"] == "arn:aws:states:::lambda:invoke.waitForTaskToken"
    assert first["Parameters"]["Payload"] == {"input.$": "$", "task_token.$": "$$.Task.Token"}
    assert first["TimeoutSeconds"] == 86400 and first["HeartbeatSeconds"] == 3600
    assert first["ResultPath"] == "$.answer"
    assert "OutputPath" not in first and "ResultSelector" not in first
    second = d["States"]["Invoke f 2"]
    assert second["Parameters"]["Payload"] == {
        "input": {"key.$": "$.k", "t.$": "$$.Task.Token"},
        "task_token.$": "$$.Task.Token",
    }


def test_workflow_role_for_models_and_callbacks() -> None:
    text = BASE + (
        'function g {\n code = "src/breaker.py"\n allow w: callback\n}\n'
        "workflow w {\n invoke m\n invoke f { callback = true, timeout = 1h }\n}\n"
    )
    result = check(from_text(text, HANDLER_DIR / "wf.iac"))
    assert result.app is not None, [d.message for d in result.errors]
    nodes = {n.id: n for n in plan(result.app).nodes}
    role = nodes["WRole"].props
    assert isinstance(role, RoleProps)
    by_action = {a: st for st in role.statements for a in st.actions}
    assert sorted(by_action) == ["bedrock:InvokeModel", "lambda:InvokeFunction"]
    model = by_action["bedrock:InvokeModel"].resources
    assert len(model) == 1 and "foundation-model/" in "".join(
        p for p in model[0].parts if isinstance(p, str)
    )
    answer = nodes["GRole"].props
    assert isinstance(answer, RoleProps)
    callback = next(st for st in answer.statements if "states:SendTaskSuccess" in st.actions)
    assert callback.actions == (
        "states:SendTaskFailure",
        "states:SendTaskHeartbeat",
        "states:SendTaskSuccess",
    )
    assert "stateMachine:" in "".join(p for p in callback.resources[0].parts if isinstance(p, str))
