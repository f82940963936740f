"""Time `iac.frontend.check` on generated programs of 10 to 10,000 resources.

    python bench/bench_check.py            # sizes 10, 100, 1000, 10000
    python bench/bench_check.py 100 1000   # chosen sizes

Each program is a realistic mix, repeated in groups of ten resources: functions with
`env` and `allow`, queues (one with a dead-letter queue), tables (one with a stream and
an index), topics, buckets, an api, a workflow, and the events between them. The table
shows CPU seconds (other jobs on the machine barely count), the best of three runs for
small programs (one run for 10,000 resources), the time per resource, the parse alone
(`frontend.parse`, best of as many runs), and the peak memory traced by tracemalloc in
a separate run.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's iac
from iac.frontend import Program, check, load, parse  # noqa: E402

SIZES = (10, 100, 1000, 10_000)
GROUP = 10  # resources per group


def group(i: int) -> str:
    """Ten resources (eleven with the implicit dead-letter queue) and their wiring."""
    return f"""
# ---- group {i}
queue jobs_{i} {{
  visibility_timeout = 2m
  max_receives = 5
}}
queue results_{i}
table orders_{i} {{
  key  id: string
  sort at: number
  index by_customer {{
    key customer: string
  }}
  stream = true
}}
table stock_{i} {{ key sku: string }}
topic alerts_{i}
bucket uploads_{i} {{ versioned = true }}

function worker_{i} {{
  code    = "src/handler.py"
  memory  = 512MB
  timeout = 20s
  env {{
    TABLE   = orders_{i}.name
    RESULTS = results_{i}.url
    STAGE   = stage
    URL     = "https://${{shop_{i}.url}}/orders"
  }}
  allow orders_{i}: read, write
  allow results_{i}: send
  allow uploads_{i}: read
}}
function notify_{i} {{
  code = "src/handler.py"
  env {{ TOPIC = alerts_{i}.arn }}
  allow alerts_{i}: publish
  allow stock_{i}: read
}}
api shop_{i} {{
  GET  /orders/{{id}} -> worker_{i}
  POST /orders      -> jobs_{i}
}}
workflow flow_{i} {{
  invoke worker_{i} {{ retry = 2 }}
  if $.total > 100 and not exists $.skip {{
    publish alerts_{i}
  }} else {{
    send results_{i}
  }}
}}

on jobs_{i}.message -> worker_{i} {{ batch = 5 }}
on orders_{i}.changed -> notify_{i}
on alerts_{i}.message(severity: ["high"]) -> results_{i}
on uploads_{i}.created(prefix: "in/") -> flow_{i}
every 5m -> notify_{i}
output url_{i} = shop_{i}.url
"""


def program_text(resources: int) -> str:
    groups = max(1, resources // GROUP)
    head = 'app bench {\n  region = "eu-west-1"\n}\nparam stage: string = "dev"\n'
    return head + "".join(group(i) for i in range(groups))


def write_program(folder: Path, resources: int) -> Program:
    (folder / "src").mkdir(exist_ok=True)
    (folder / "src" / "handler.py").write_text("def handler(event, context):\n    pass\n")
    path = folder / f"bench_{resources}.iac"
    path.write_text(program_text(resources))
    return load(path)


def run_once(program: Program) -> float:
    start = time.process_time()
    result = check(program)
    elapsed = time.process_time() - start
    if not result.ok:
        raise SystemExit(f"the generated program does not check: {result.diagnostics[:3]}")
    return elapsed


def parse_once(program: Program) -> float:
    start = time.process_time()
    parse(program)
    return time.process_time() - start


def peak_memory(program: Program) -> int:
    tracemalloc.start()
    try:
        check(program)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main(argv: list[str]) -> None:
    sizes = tuple(int(a) for a in argv) or SIZES
    print(
        f"{'resources':>10} {'lines':>8} {'seconds':>9} {'ms/res':>8} {'parse s':>8} {'peak MB':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            program = write_program(Path(tmp), size)
            runs = 1 if size >= 10_000 else 3
            best = min(run_once(program) for _ in range(runs))
            parsing = min(parse_once(program) for _ in range(runs))
            app = check(program).app
            assert app is not None
            count = len(app.resources)
            peak = peak_memory(program) / (1024 * 1024)
            lines = program.sources[0].line_count
            print(
                f"{count:>10} {lines:>8} {best:>9.3f} {best / count * 1000:>8.3f} "
                f"{parsing:>8.3f} {peak:>8.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main(sys.argv[1:])
