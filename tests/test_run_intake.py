"""`iac run` on the intake example: an API that accepts at once, a worker that fails
twice then succeeds, a poison message in the dead-letter queue, and AccessDenied for
a call the program did not grant."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from iac import sim

REPO = Path(__file__).resolve().parent.parent
INTAKE = REPO / "examples" / "local" / "intake"


@pytest.fixture(scope="module")
def app() -> Iterator[sim.App]:
    with sim.run(INTAKE) as running:
        yield running


def test_the_api_accepts_at_once_and_the_worker_succeeds_on_its_third_delivery(
    app: sim.App,
) -> None:
    started = time.monotonic()
    got = app.request("shop", "POST", "/orders", json_body={"id": "o-1"})
    assert got.status == 200 and "MessageId" in got.json()
    assert time.monotonic() - started < 5  # answered before the worker is done with it
    app.wait()
    assert {"id": "o-1", "deliveries": 3} in app.rows("orders")
    errors = [e.text for e in app.local.log.of("function store_order", "error")]
    assert sum("delivery 1" in e for e in errors) >= 1
    assert sum("delivery 2" in e for e in errors) >= 1
    assert "stored o-1 on delivery 3" in app.logs("store_order")
    assert app.messages("incoming_dlq") == []


def test_a_message_that_always_fails_ends_in_the_dead_letter_queue(app: sim.App) -> None:
    app.send("incoming", {"id": "o-bad", "poison": True})
    app.wait()
    assert app.messages("incoming_dlq") == ['{"id": "o-bad", "poison": true}']
    assert app.messages("incoming") == []
    assert not any(r["id"] == "o-bad" for r in app.rows("orders"))
    failures = [e for e in app.local.log.of("function store_order", "error") if "o-bad" in e.text]
    assert len(failures) == 5  # max_receives = 5


def test_a_call_without_an_allow_is_access_denied(app: sim.App) -> None:
    outcome = app.invoke("snoop")
    assert not outcome.ok
    assert "AccessDeniedException" in outcome.error_text
    assert "not authorized to perform: dynamodb:Scan" in outcome.error_text


def test_a_granted_call_is_allowed_and_an_ungranted_action_on_the_same_table_is_not(
    app: sim.App,
) -> None:
    # store_order may write the table (`allow orders: write`) but not read it
    keys = app.local.functions["StoreOrder"].spec.env
    import boto3

    ddb = boto3.client(
        "dynamodb",
        endpoint_url=app.endpoint,
        region_name="us-east-1",
        aws_access_key_id=keys["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=keys["AWS_SECRET_ACCESS_KEY"],
    )
    table = app.name("table", "orders")
    ddb.put_item(TableName=table, Item={"id": {"S": "direct"}})
    with pytest.raises(ddb.exceptions.ClientError, match="AccessDeniedException"):
        ddb.get_item(TableName=table, Key={"id": {"S": "direct"}})


def test_an_unknown_route_is_404(app: sim.App) -> None:
    assert app.request("shop", "GET", "/nothing").status == 404


def test_iac_run_with_a_script(tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    script.write_text(
        "# one order through the API, then look\n"
        'request shop POST /orders {"id": "o-9"}\n'
        "wait\n"
        "rows orders\n"
        "messages incoming_dlq\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "iac.cli", "run", str(INTAKE), "--script", str(script)],
        capture_output=True, text=True, timeout=120, cwd=REPO,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert '{"deliveries": 3, "id": "o-9"}' in done.stdout
    assert "(no messages)" in done.stdout
    assert "api shop: listening on http://127.0.0.1:" in done.stdout
    assert "function store_order: ConnectionError: the warehouse did not answer" in done.stdout


def test_iac_run_reports_a_bad_script_line_and_exits_1(tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    script.write_text("send nosuch hello\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "iac.cli", "run", str(INTAKE), "--script", str(script)],
        capture_output=True, text=True, timeout=120, cwd=REPO,
    )  # fmt: skip
    assert done.returncode == 1
    assert "error: the program has no queue `nosuch`" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_iac_run_refuses_an_unknown_container(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "iac.cli", "run", str(INTAKE), "--container", "nosuch=true"],
        capture_output=True, text=True, timeout=120, cwd=REPO, input="",
    )  # fmt: skip
    assert done.returncode == 2
    assert "--container nosuch: the program has no such container" in done.stderr


def test_iac_run_on_a_program_with_errors_prints_the_diagnostic(tmp_path: Path) -> None:
    bad = tmp_path / "bad.iac"
    bad.write_text("app a {}\nqueue q { visibility_timeout = 1 }\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "iac.cli", "run", str(bad)],
        capture_output=True, text=True, timeout=60, cwd=REPO, input="",
    )  # fmt: skip
    assert done.returncode == 1
    assert "bad.iac:2:" in done.stderr and "Traceback" not in done.stderr


def _processes_in(folder: Path) -> list[int]:
    """The processes whose working directory is `folder` (the handler workers')."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if Path(os.readlink(entry / "cwd")) == folder:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def test_iac_run_reads_commands_from_the_terminal_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    program = tmp_path / "intake"
    shutil.copytree(INTAKE, program)
    run = subprocess.Popen(
        [sys.executable, "-m", "iac.cli", "run", str(program)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert run.stdin is not None and run.stdout is not None
        run.stdin.write("invoke snoop\n")
        run.stdin.flush()
        seen = ""
        deadline = time.monotonic() + 90
        while "failed: ClientError" not in seen and time.monotonic() < deadline:
            seen += run.stdout.readline()
        assert "AccessDeniedException" in seen
        workers = _processes_in(program / "src")
        assert workers  # the warm handler workers
        run.send_signal(signal.SIGINT)
        stopping = time.monotonic()
        # Alone this takes about a second; beside two busy test workers one run (in a fresh
        # venv, moto 5.2.5) took over 30 s, cause not found: the bound is generous, a hang
        # still fails.
        assert run.wait(timeout=90) == 0
        print(f"stopped in {time.monotonic() - stopping:.1f} s")
        time.sleep(0.2)
        assert _processes_in(program / "src") == []  # nothing left running
    finally:
        if run.poll() is None:
            run.kill()


def test_iac_run_says_which_port_is_taken() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "iac.cli", "run", str(INTAKE), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=REPO,
            input="",
        )
    assert done.returncode == 2
    assert f"error: api shop: port {port} on 127.0.0.1: Address already in use" in done.stderr
