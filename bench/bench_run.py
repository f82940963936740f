"""`iac run`'s speed: start-up, one event to a handler and back, a hundred messages.

    python bench/bench_run.py            # 5 rounds
    python bench/bench_run.py --rounds 9

It writes a ten-resource program (an api, a queue with its dead-letter queue, a
table, a topic, a bucket, three functions and a workflow) to a temporary folder and,
in this process:

- imports moto and boto3 once (reported on its own: a process pays it once);
- starts the program `--rounds` times (`iac.sim.run`: moto's server, the resources,
  the IAM users, warm handler workers) and reports the median;
- sends one message at a time to a queue whose function writes a row, and times
  each from the send until the handler has returned (median of 50);
- invokes a warm function directly (median of 50): the worker round trip alone;
- sends 100 messages (ten batches of ten) and times until the app is idle with all
  100 rows written (median of `--rounds`).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PROGRAM = """\
app bench {
  region = "us-east-1"
}

api front {
  POST /jobs -> jobs
}

queue jobs {
  max_receives = 3
}

table rows {
  key id: string
  retain = false
}

topic done

bucket files {
  retain = false
}

function store {
  code = "src/store.py"
  env { ROWS = rows.name }
  allow rows: write
}

on jobs.message -> store { batch = 10 }

function echo {
  code = "src/echo.py"
}

function announce {
  code = "src/echo.py"
  handler = "echo.handler"
  allow done: publish
}

workflow flow {
  invoke echo
  publish done
}

on files.created -> flow
"""

STORE = """\
import json, os
import boto3

table = boto3.resource("dynamodb").Table(os.environ["ROWS"])


def handler(event, context):
    with table.batch_writer() as batch:
        for record in event["Records"]:
            batch.put_item(Item={"id": json.loads(record["body"])["id"]})
"""

ECHO = """\
def handler(event, context):
    return event
"""


def write_program(root: Path) -> Path:
    (root / "src").mkdir(parents=True)
    (root / "app.iac").write_text(PROGRAM, encoding="utf-8")
    (root / "src" / "store.py").write_text(STORE, encoding="utf-8")
    (root / "src" / "echo.py").write_text(ECHO, encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds

    began = time.perf_counter()
    import boto3  # noqa: F401
    import moto  # noqa: F401

    from iac import sim
    from iac.run import emulator

    emulator._patch()
    imports = time.perf_counter() - began

    with tempfile.TemporaryDirectory() as tmp:
        program = write_program(Path(tmp) / "bench")
        resources = 0
        starts, hundreds = [], []
        one_event: list[float] = []
        invokes: list[float] = []
        for r in range(rounds):
            t = time.perf_counter()
            with sim.run(program) as app:
                starts.append(time.perf_counter() - t)
                resources = len(app.local.plan.nodes)
                app.invoke("store", {"Records": []})  # the worker's first call loads boto3
                if r == 0:
                    for i in range(50):
                        t = time.perf_counter()
                        app.send("jobs", {"id": f"one-{i}"})
                        while len(app.local.log.of("function store", "invoke")) < 2 * (i + 2):
                            time.sleep(0.0005)
                        one_event.append(time.perf_counter() - t)
                    for _ in range(50):
                        t = time.perf_counter()
                        app.invoke("echo", {"n": 1})
                        invokes.append(time.perf_counter() - t)
                app.wait()
                sqs = app.client("sqs")
                url = app.local.names.ref(app.node("queue", "jobs").id, "url")
                t = time.perf_counter()
                for b in range(10):
                    sqs.send_message_batch(
                        QueueUrl=url,
                        Entries=[
                            {"Id": str(i), "MessageBody": f'{{"id": "h-{b}-{i}"}}'}
                            for i in range(10)
                        ],
                    )
                app.wait(60)
                hundreds.append(time.perf_counter() - t)
                got = sum(1 for row in app.rows("rows") if row["id"].startswith("h-"))
                assert got == 100, got

    ms = 1000.0
    print(f"program: 10 declared resources, {resources} plan nodes")
    print(f"imports (moto, boto3, iac.run), once per process: {imports:.2f} s")
    print(f"start (median of {rounds}): {statistics.median(starts):.2f} s")
    print(f"one message to a handler and back (median of 50): "
          f"{statistics.median(one_event) * ms:.1f} ms")  # fmt: skip
    print(f"direct invoke of a warm function (median of 50): "
          f"{statistics.median(invokes) * ms:.1f} ms")  # fmt: skip
    print(f"100 messages through a queue to a function (median of {rounds}): "
          f"{statistics.median(hundreds):.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
