"""The local run's pieces that need no emulator: AWS's matchers and payload shapes,
the local spelling of plan values, the terminal's commands, what is left out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from iac.plan.model import Node, Plan, Props
from iac.run import prepare
from iac.run import resources as run_resources
from iac.run.commands import CommandError, run_command
from iac.run.events import filter_allows, http_event, matches, s3_event
from iac.run.handlers import FunctionSpec, UnsupportedRuntime, command_for
from iac.run.resolve import Names

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("pattern", "event", "expected"),
    [
        ({"source": ["aws.s3"]}, {"source": "aws.s3"}, True),
        ({"source": ["aws.s3"]}, {"source": "aws.sqs"}, False),
        (
            {"detail": {"object": {"key": [{"prefix": "in/"}]}}},
            {"detail": {"object": {"key": "in/a"}}},
            True,
        ),
        (
            {"detail": {"object": {"key": [{"prefix": "in/"}]}}},
            {"detail": {"object": {"key": "out/a"}}},
            False,
        ),
        ({"detail": {"key": [{"suffix": ".jpg"}]}}, {"detail": {"key": "a.jpg"}}, True),
        ({"detail": {"n": [{"numeric": [">", 10, "<=", 20]}]}}, {"detail": {"n": 15}}, True),
        ({"detail": {"n": [{"numeric": [">", 10, "<=", 20]}]}}, {"detail": {"n": 25}}, False),
        ({"detail": {"s": [{"anything-but": ["a", "b"]}]}}, {"detail": {"s": "c"}}, True),
        ({"detail": {"s": [{"anything-but": ["a", "b"]}]}}, {"detail": {"s": "a"}}, False),
        ({"detail": {"s": [{"exists": False}]}}, {"detail": {}}, True),
        ({"detail": {"s": [{"exists": True}]}}, {"detail": {}}, False),
        ({"detail": {"tags": ["x"]}}, {"detail": {"tags": ["y", "x"]}}, True),  # any element
        ({"detail": {"s": [{"equals-ignore-case": "ABC"}]}}, {"detail": {"s": "abc"}}, True),
        ({"detail": {"s": [{"wildcard": "a*c"}]}}, {"detail": {"s": "abbc"}}, True),
        ({"detail": {"missing": ["x"]}}, {"detail": {}}, False),
    ],
)
def test_event_patterns_match_as_eventbridge_does(
    pattern: dict, event: dict, expected: bool
) -> None:
    assert matches(pattern, event) is expected


def test_filter_policies_read_message_attributes() -> None:
    policy = {"severity": ["high", "critical"]}
    assert filter_allows(policy, {"severity": {"Type": "String", "Value": "high"}})
    assert not filter_allows(policy, {"severity": {"Type": "String", "Value": "low"}})
    assert not filter_allows(policy, {})  # no attribute: a policy on it does not match
    assert filter_allows(None, {})
    numbers = {"price": [{"numeric": [">=", 100]}]}
    assert filter_allows(numbers, {"price": {"Type": "Number", "Value": "150"}})


def test_bucket_events_have_the_eventbridge_shape() -> None:
    event = s3_event("s3:ObjectCreated:Put", "up", "incoming/a.jpg", 42, "abc", "eu-west-1")
    assert event is not None
    assert (event["source"], event["detail-type"]) == ("aws.s3", "Object Created")
    assert event["detail"]["bucket"] == {"name": "up"}
    assert event["detail"]["object"]["size"] == 42
    assert event["detail"]["object"]["key"] == "incoming/a.jpg"
    deleted = s3_event("s3:ObjectRemoved:Delete", "up", "a", 0, "", "eu-west-1")
    assert deleted is not None and deleted["detail-type"] == "Object Deleted"
    assert s3_event("s3:ObjectTagging:Put", "up", "a", 0, "", "eu-west-1") is None


def test_http_events_are_payload_version_2() -> None:
    event = http_event(
        "GET /orders/{id}", "GET", "/orders/7", "a=1&a=2&b=x", {"Host": "h"}, "", {"id": "7"}, "Api"
    )
    assert event["version"] == "2.0"
    assert event["pathParameters"] == {"id": "7"}
    assert event["queryStringParameters"] == {"a": "1,2", "b": "x"}
    assert event["requestContext"]["http"]["method"] == "GET"
    assert event["routeKey"] == "GET /orders/{id}"


def test_the_workflow_runs_the_plans_own_definition() -> None:
    local = prepare(REPO / "examples" / "local" / "pipeline")
    names = Names(local.plan, local.params, "http://127.0.0.1:1")
    [machine] = local.plan.of_type("state_machine")
    definition = run_resources.definition(machine, names)
    assert definition == names.value(machine.props.definition)  # type: ignore[attr-defined]
    task = definition["States"]["Invoke thumbnail"]
    assert task["Resource"] == "arn:aws:states:::lambda:invoke"
    assert task["Parameters"]["FunctionName"] == (
        "arn:aws:lambda:eu-central-1:123456789012:function:pipeline-thumbnail"
    )


@dataclass(frozen=True)
class _GizmoProps(Props):
    TYPE = "gizmo"


def test_a_node_type_the_run_does_not_know_is_reported_not_a_crash() -> None:
    node = Node("Gizmo", _GizmoProps(), None, "gizmo thing")
    plan = Plan("a", "us-east-1", {}, [node], [], [], [])
    notes: list[str] = []
    run_resources.create_all(plan, Names(plan, {}, "http://x"), lambda s: None, notes.append)
    assert notes == ["gizmo thing (gizmo) is not emulated locally: left out"]


def test_a_runtime_that_cannot_run_here_says_so() -> None:
    spec = FunctionSpec("f", "function f", "h.handler", "java21", Path("."), {}, 3, 128, None)
    with pytest.raises(UnsupportedRuntime, match="runtime java21 does not run locally"):
        command_for(spec)


class _NoApp:
    def __getattr__(self, name: str) -> object:
        raise AssertionError("a bad command must not reach the app")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("frobnicate x", "unknown command `frobnicate`"),
        ("put uploads", "usage: put BUCKET KEY"),
        ("event bus Type {not json", "not JSON"),
    ],
)
def test_bad_commands_get_a_message(line: str, message: str) -> None:
    with pytest.raises(CommandError, match=message):
        run_command(_NoApp(), line)  # type: ignore[arg-type]


def test_comments_and_blank_lines_do_nothing() -> None:
    assert run_command(_NoApp(), "# a comment") == ""  # type: ignore[arg-type]
    assert run_command(_NoApp(), "   ") == ""  # type: ignore[arg-type]


def test_a_resource_moto_refuses_is_reported_and_the_rest_go_on() -> None:
    local = prepare(REPO / "examples" / "local" / "intake")
    names = Names(local.plan, local.params, "http://127.0.0.1:1")
    made: list[str] = []

    class Client:
        def __init__(self, service: str) -> None:
            self.service = service

        def __getattr__(self, action: str) -> object:
            def call(**args: object) -> dict[str, object]:
                if self.service == "sqs":
                    raise RuntimeError("moto says no")
                made.append(action)
                return {"TableDescription": {}}

            return call

    notes: list[str] = []
    run_resources.create_all(local.plan, names, Client, notes.append)
    assert "queue incoming could not be created locally: moto says no" in notes
    assert "create_table" in made and "create_log_group" in made


def test_a_value_of_a_node_type_the_run_does_not_know_stands_in_with_a_note() -> None:
    node = Node("Gizmo", _GizmoProps(), None, "gizmo thing")
    plan = Plan("a", "us-east-1", {}, [node], [], [], [])
    names = Names(plan, {}, "http://x")
    assert names.ref("Gizmo", "arn") == "local-Gizmo-arn"
    assert names.unresolved == {
        "gizmo thing: `arn` has no local value; `local-Gizmo-arn` stands in"
    }


def test_a_program_with_errors_is_a_run_error_with_its_diagnostics(tmp_path: Path) -> None:
    from iac.run import RunError

    bad = tmp_path / "bad.iac"
    bad.write_text("app a {}\nqueue q { visibility_timeout = 1 }\n", encoding="utf-8")
    with pytest.raises(RunError) as caught:
        prepare(bad)
    [error] = [d for d in caught.value.diagnostics if d.severity.name == "ERROR"]
    assert error.span is not None and str(caught.value) == error.message


def test_a_handler_output_without_a_final_newline_is_logged_and_does_not_stall(
    tmp_path: Path,
) -> None:
    """The end-of-invocation marker followed a line the handler left open: the reader
    never saw it and every invocation waited 2 s for its log lines."""
    import time

    from iac.run.handlers import Function

    (tmp_path / "h.py").write_text(
        "import sys\n\ndef handler(event, context):\n"
        "    sys.stdout.write('no newline')\n    return event['n']\n"
    )
    spec = FunctionSpec("f", "function f", "h.handler", "python3.12", tmp_path, {}, 10, 128, None)
    lines: list[str] = []
    fn = Function(spec, lines.append)
    try:
        assert fn.invoke({"n": 1}).result == 1  # the first start includes the interpreter's
        start = time.perf_counter()
        outcome = fn.invoke({"n": 2})
        took = time.perf_counter() - start
    finally:
        fn.close()
    assert outcome.ok and outcome.result == 2
    assert took < 1.5, f"a warm invocation took {took:.2f} s"
    assert lines.count("no newline") == 2, lines
