"""`iac run`'s deliveries, each with AWS's payload shape: SNS with a filter policy,
a DynamoDB stream, an EventBridge pattern on a custom bus, a schedule, SQS partial
batch failures; a handler's timeout; a Node.js handler."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from iac import sim

PROGRAM = Path(__file__).resolve().parent / "programs" / "run_edges"


@pytest.fixture(scope="module")
def app() -> Iterator[sim.App]:
    with sim.run(PROGRAM) as running:
        yield running


def _seen(app: sim.App) -> dict[str, dict]:
    return {r["id"]: json.loads(r["event"]) for r in app.rows("seen") if "event" in r}


def test_sns_delivers_what_the_filter_policy_allows(app: sim.App) -> None:
    app.publish("alerts", "disk nearly full", {"severity": "low"})
    app.wait()
    assert "on-alert" not in _seen(app)
    app.publish("alerts", "disk full", {"severity": "high"})
    app.wait()
    [record] = _seen(app)["on-alert"]["Records"]
    assert record["EventSource"] == "aws:sns"
    assert record["Sns"]["Message"] == "disk full"
    assert record["Sns"]["MessageAttributes"]["severity"] == {"Type": "String", "Value": "high"}
    assert record["Sns"]["TopicArn"] == "arn:aws:sns:us-east-1:123456789012:edges-alerts"


def test_a_table_stream_delivers_its_records(app: sim.App) -> None:
    app.client("dynamodb").put_item(
        TableName=app.name("table", "changes"), Item={"id": {"S": "c1"}, "n": {"N": "1"}}
    )
    app.wait()
    [record] = _seen(app)["project"]["Records"]
    assert record["eventName"] == "INSERT"
    assert record["eventSource"] == "aws:dynamodb"
    assert record["dynamodb"]["Keys"] == {"id": {"S": "c1"}}
    assert record["dynamodb"]["NewImage"] == {"id": {"S": "c1"}, "n": {"N": "1"}}
    assert ":table/edges-changes/stream/" in record["eventSourceARN"]


def test_a_bus_rule_delivers_the_events_its_pattern_matches(app: sim.App) -> None:
    app.put_event("shop", "OrderCancelled", {"id": 1}, source="shop")
    app.wait()
    assert "on-order" not in _seen(app)
    app.put_event("shop", "OrderPlaced", {"id": 2}, source="shop")
    app.wait()
    event = _seen(app)["on-order"]
    assert (event["source"], event["detail-type"], event["detail"]) == (
        "shop",
        "OrderPlaced",
        {"id": 2},
    )


def test_a_schedule_fires_on_command(app: sim.App) -> None:
    app.fire("nightly")
    app.wait()
    event = _seen(app)["tick"]
    assert (event["source"], event["detail-type"]) == ("aws.events", "Scheduled Event")


def test_partial_batch_failures_retry_only_the_failed_message(app: sim.App) -> None:
    for n in range(3):
        app.send("jobs", {"n": str(n)})
    app.send("jobs", {"n": "x", "bad": True})
    app.wait()
    ids = {r["id"] for r in app.rows("seen")}
    assert {"job-0", "job-1", "job-2"} <= ids  # each stored once, not redelivered
    assert app.messages("jobs_dlq") == ['{"n": "x", "bad": true}']  # max_receives = 2
    assert app.messages("jobs") == []


def test_a_handler_past_its_timeout_is_stopped(app: sim.App) -> None:
    outcome = app.invoke("slow")
    assert not outcome.ok
    assert outcome.error == {
        "errorType": "Sandbox.Timedout",
        "errorMessage": "Task timed out after 1.00 seconds",
    }
    assert outcome.ms < 4000  # the handler sleeps 5 s: it was stopped, not waited for
    assert app.invoke("slow").error is not None  # a fresh instance serves the next call


def test_a_node_handler_runs_under_node(app: sim.App) -> None:
    outcome = app.invoke("greet", {"name": "ada"})
    assert outcome.ok, outcome.error_text
    assert outcome.result == {"greeting": "hello ada", "region": "us-east-1"}
    assert "greeting ada" in app.logs("greet")


def test_a_handler_invokes_a_granted_function_and_is_refused_another(app: sim.App) -> None:
    outcome = app.invoke("caller")
    assert outcome.ok, outcome.error_text
    assert outcome.result == {
        "greeting": {"greeting": "hello bo", "region": "us-east-1"},
        "denied": "AccessDeniedException",  # no `allow slow: invoke`
    }


def test_a_secret_is_readable_with_its_grant_and_another_is_not(app: sim.App) -> None:
    outcome = app.invoke("reader")
    assert outcome.ok, outcome.error_text
    assert outcome.result == {"value": "local-secret-value", "denied": "AccessDeniedException"}


def test_an_api_route_calls_its_function_with_the_http_api_payload(app: sim.App) -> None:
    got = app.request("front", "GET", "/hello/ada?x=1")
    assert got.status == 201
    assert got.headers["x-local"] == "yes"
    assert got.json() == {
        "name": "ada",
        "query": {"x": "1"},
        "route": "GET /hello/{name}",
        "version": "2.0",
        "front": app.url("front"),  # the api's own local URL, in the function's env
    }


def test_an_api_route_starts_its_workflow_with_the_request_body(app: sim.App) -> None:
    got = app.request("front", "POST", "/runs", json_body={"name": "cy"})
    assert got.status == 200 and ":execution:edges-flow:" in got.json()["executionArn"]
    app.wait()
    [run] = app.executions("flow")
    assert (run.status, run.path) == ("SUCCEEDED", ["Invoke greet"])
    assert run.output == {"greeting": "hello cy", "region": "us-east-1"}
