"""Time compiling generated programs of 10 to 10,000 resources to each target.

    python bench/bench_compile.py                      # sizes 10, 100, 1000, 10000
    python bench/bench_compile.py --sizes 100,1000     # chosen sizes
    python bench/bench_compile.py --synth 100          # also time `cdk synth` of one size

The programs are bench_check.py's. For each size: check (parse + check), then
plan + render per target from the checked model, in-process and best of three
(one run at 10,000), as an editor recompiling on a keystroke would see it.
`--synth N` compiles the N-resource program to CDK and runs the app the way
`cdk synth` does (`python3 app.py` with CDK_OUTDIR, telemetry and version
checks off), so the compile can be compared with the synthesis it feeds.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's iac
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import write_program  # noqa: E402

from iac.compiler import TARGETS, compile_app, write_output  # noqa: E402
from iac.frontend import check  # noqa: E402


def best_of(fn: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def synth_seconds(folder: Path, size: int) -> tuple[float, float]:
    """(compile to cdk, cdk synth) in seconds for the `size`-resource program."""
    folder.mkdir(parents=True, exist_ok=True)
    program = write_program(folder, size)
    start = time.perf_counter()
    result = check(program)
    assert result.app is not None
    compiled = compile_app(result.app, ["cdk"])
    write_output(folder / "out", compiled.files, folder / f"bench_{size}.iac")
    compile_s = time.perf_counter() - start
    env = dict(
        os.environ,
        CDK_OUTDIR=str(folder / "cdk.out"),
        CDK_DISABLE_CLI_TELEMETRY="true",
        CDK_DISABLE_VERSION_CHECK="true",
        JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION="1",
        JSII_DEPRECATED="quiet",
    )
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "app.py"],
        cwd=folder / "out" / "cdk",
        env=env,
        check=True,
        capture_output=True,
    )
    return compile_s, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10,100,1000,10000")
    parser.add_argument("--synth", type=int, default=0, metavar="N")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    targets = list(TARGETS)
    header = f"{'resources':>9}  {'check s':>8}  " + "  ".join(f"{t + ' s':>12}" for t in targets)
    print(header)
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = Path(tmp) / str(size)
            folder.mkdir()
            program = write_program(folder, size)
            runs = 3 if size <= 1000 else 1
            check_s = best_of(lambda p=program: check(p), runs)
            app = check(program).app
            assert app is not None
            times = [best_of(lambda t=t, a=app: compile_app(a, [t]), runs) for t in targets]
            cells = "  ".join(f"{t:>12.3f}" for t in times)
            print(f"{len(app.resources):>9}  {check_s:>8.3f}  {cells}", flush=True)
        if args.synth:
            compile_s, synth_s = synth_seconds(Path(tmp) / "synth", args.synth)
            print(
                f"\n{args.synth} resources: compile to cdk {compile_s:.3f} s, "
                f"cdk synth of the result {synth_s:.1f} s"
            )


if __name__ == "__main__":
    main()
