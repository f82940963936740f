"""Workflows as tests read them (each execution's path through its states), the
log's workflow lines, and the `lambda` client Step Functions' interpreter is given."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..plan import model as pm

if TYPE_CHECKING:
    from .app import LocalApp


@dataclass
class Execution:
    """A workflow execution as a test reads it."""

    arn: str
    status: str
    path: list[str]  # the states entered, in order
    input: Any
    output: Any
    error: str | None = None


def running_executions(app: LocalApp) -> bool:
    sfn = app.client("stepfunctions")
    for node in app.machines():
        arn = app.names.ref(node.id, "arn")
        if sfn.list_executions(stateMachineArn=arn, statusFilter="RUNNING")["executions"]:
            return True
    return False


def executions(app: LocalApp, node: pm.Node) -> list[Execution]:
    sfn = app.client("stepfunctions")
    arn = app.names.ref(node.id, "arn")
    out = []
    for item in reversed(sfn.list_executions(stateMachineArn=arn)["executions"]):
        desc = sfn.describe_execution(executionArn=item["executionArn"])
        history = sfn.get_execution_history(executionArn=item["executionArn"])["events"]
        path = [
            e["stateEnteredEventDetails"]["name"]
            for e in history
            if "stateEnteredEventDetails" in e
        ]
        output = desc.get("output")
        out.append(Execution(
            item["executionArn"], desc["status"], path, json.loads(desc.get("input") or "null"),
            json.loads(output) if output else None,
            desc.get("error") or desc.get("cause"),
        ))  # fmt: skip
    return out


def watch_executions(app: LocalApp) -> None:
    """The workflow lines of the log: each state entered, and how each execution ends."""
    sfn = app.client("stepfunctions")
    done: set[str] = set()
    seen_events: dict[str, int] = {}  # execution -> how much of its history is logged
    while not app.stop_event.wait(0.1):
        try:
            for node in app.machines():
                arn = app.names.ref(node.id, "arn")
                for item in sfn.list_executions(stateMachineArn=arn)["executions"]:
                    ex = item["executionArn"]
                    if ex in done:
                        continue
                    history = sfn.get_execution_history(executionArn=ex)["events"]
                    seen = seen_events.get(ex, 0)
                    for e in history[seen:]:
                        if "stateEnteredEventDetails" in e:
                            app.log.add("state", node.label, e["stateEnteredEventDetails"]["name"])
                    seen_events[ex] = len(history)
                    if item["status"] != "RUNNING":
                        done.add(ex)
                        app.log.add("state", node.label, f"execution {item['status']}")
        except Exception:  # noqa: BLE001 - moto stopping under us at close
            if app.stop_event.is_set():
                return


class LambdaShim:
    """The `lambda` client Step Functions' interpreter gets: invoke runs the handler."""

    def __init__(self, app: LocalApp) -> None:
        self.app = app

    def invoke(self, **params: Any) -> dict[str, Any]:
        node = self.app.function_node(str(params.get("FunctionName")))
        if node is None:
            payload = {
                "errorType": "ResourceNotFoundException",
                "errorMessage": str(params.get("FunctionName")),
            }
            return {
                "StatusCode": 404,
                "FunctionError": "Unhandled",
                "Payload": io.BytesIO(json.dumps(payload).encode()),
            }
        raw = params.get("Payload") or b"{}"
        event = json.loads(raw.decode() if isinstance(raw, bytes) else raw)
        outcome = self.app.invoke(node, event, "from a workflow")
        response: dict[str, Any] = {"StatusCode": 200, "ExecutedVersion": "$LATEST"}
        if outcome.ok:
            response["Payload"] = io.BytesIO(json.dumps(outcome.result).encode())
        else:
            response["FunctionError"] = "Unhandled"
            response["Payload"] = io.BytesIO(json.dumps(outcome.error).encode())
        return response
