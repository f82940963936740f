"""Time check and compile per target on generated programs of 10 to 10,000 resources.

    python bench/bench_compile.py [--sizes 10,100,1000,10000] [--targets cfn,terraform,cdk]

Prints seconds (best of a few runs in-process, as an editor recompiling would see)
and the peak memory of one compile.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from programs import write_program  # noqa: E402

from iac.compiler import TARGETS, compile_app  # noqa: E402
from iac.frontend import check, load  # noqa: E402


def best_of(fn: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10,100,1000,10000")
    parser.add_argument("--targets", default=",".join(TARGETS))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    targets = [t for t in args.targets.split(",") if t in TARGETS]
    print(f"{'resources':>9}  {'check s':>8}  " + "  ".join(f"{t + ' s':>12}" for t in targets)
          + f"  {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = write_program(Path(tmp) / str(size), size)
            runs = 5 if size <= 1000 else 1
            program = load(path)
            check_s = best_of(lambda: check(program), runs)
            result = check(program)
            assert result.app is not None, [d.message for d in result.errors]
            app = result.app
            times = [best_of(lambda t=t: compile_app(app, [t]), runs) for t in targets]
            tracemalloc.start()
            compile_app(check(program).app, targets)  # type: ignore[arg-type]
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            print(f"{size:>9}  {check_s:>8.3f}  " + "  ".join(f"{t:>12.3f}" for t in times)
                  + f"  {peak:>8.1f}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
