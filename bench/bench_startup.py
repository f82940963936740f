"""Whole-process figures of an installed iac, against its peers measured in the same run.

    python bench/bench_startup.py                 # 15 rounds, sizes 1,000 and 10,000
    python bench/bench_startup.py --rounds 25 --sizes 1000

It builds a wheel of this checkout and installs it (not editable) into a venv under
bench/.cache/ (gitignored), installs the `winglang` npm package there when it is
missing, and finds aws-cdk-lib in this interpreter (or installs it into a second venv
there). Then, in interleaved rounds so that a loaded machine slows every command alike,
it runs as separate processes:

- `iac check` and `iac compile` (to CloudFormation, Terraform and CDK, the targets
  the peers write; then to all four) of a four-resource app: a bucket, a queue, a
  topic and a function that takes the queue's messages, writes the bucket and
  publishes to the topic;
- `wing compile -t tf-aws` of the same app in Wing, and a CDK Python app of it run as
  `cdk synth` runs it (`python app.py`);
- `iac compile` of bench_check.py's generated programs (`--sizes`): to the three
  targets (rendered at once, one process per target), the same with `--jobs 1` (one
  after another), and to all four.

Each figure is the median wall-clock time (and the median CPU time of the process),
printed with its ratio to the peers; the growth from 1,000 to 10,000 resources is
printed as a ratio too.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CACHE = BENCH / ".cache"
sys.path.insert(0, str(REPO))  # bench_check's program generator reads this checkout
sys.path.insert(0, str(BENCH))

from bench_check import program_text  # noqa: E402

APP_IAC = """\
bucket store
queue jobs
topic done

function worker {
  code = "src/worker.py"
  allow store: write
  allow done: publish
}

on jobs.message -> worker
"""

APP_WING = """\
bring cloud;

let store = new cloud.Bucket();
let done = new cloud.Topic();
let jobs = new cloud.Queue();

jobs.setConsumer(inflight (message: str) => {
  store.put("last", message);
  done.publish(message);
});
"""

APP_CDK = """\
import aws_cdk as cdk
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_lambda_event_sources as sources
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sqs as sqs

app = cdk.App()
stack = cdk.Stack(app, "app")
store = s3.Bucket(stack, "store")
done = sns.Topic(stack, "done")
jobs = sqs.Queue(stack, "jobs")
worker = lambda_.Function(
    stack,
    "worker",
    runtime=lambda_.Runtime.PYTHON_3_12,
    handler="worker.handler",
    code=lambda_.Code.from_asset("src"),
)
worker.add_event_source(sources.SqsEventSource(jobs))
store.grant_write(worker)
done.grant_publish(worker)
app.synth()
"""

HANDLER = "def handler(event, context):\n    return None\n"

QUIET_ENV = {
    "CDK_DISABLE_CLI_TELEMETRY": "true",
    "CDK_DISABLE_VERSION_CHECK": "true",
    "JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION": "1",
    "JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION": "1",
    "JSII_DEPRECATED": "quiet",
    "WING_DISABLE_ANALYTICS": "1",
    "WING_CLI_DISABLE_ANALYTICS": "1",
}


def run(args: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> str:
    proc = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"`{' '.join(map(str, args))}` failed:\n{proc.stdout}{proc.stderr}")
    return proc.stdout


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return {**env, **QUIET_ENV}


def install_iac() -> Path:
    """A venv with a wheel of this checkout installed, rebuilt every run."""
    venv = CACHE / "venv"
    dist = CACHE / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, REPO], CACHE)
    (wheel,) = dist.glob("iac-*.whl")
    if not (venv / "bin" / "python").exists():
        run([sys.executable, "-m", "venv", venv], CACHE)
        run([venv / "bin" / "python", "-m", "pip", "install", "-q", wheel], CACHE)
    run(
        [venv / "bin" / "python", "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps"]
        + [wheel],
        CACHE,
    )
    return venv


def install_wing() -> Path:
    folder = CACHE / "wing"
    wing = folder / "node_modules" / ".bin" / "wing"
    if not wing.exists():
        folder.mkdir(parents=True, exist_ok=True)
        run(["npm", "install", "--no-audit", "--no-fund", "--prefix", folder, "winglang"], folder)
    return wing


def cdk_python() -> Path:
    """An interpreter with aws-cdk-lib: this one, or a venv under the cache."""
    probe = [sys.executable, "-c", "import aws_cdk, constructs"]
    if subprocess.run(probe, capture_output=True, check=False).returncode == 0:
        return Path(sys.executable)
    venv = CACHE / "cdk-venv"
    if not (venv / "bin" / "python").exists():
        run([sys.executable, "-m", "venv", venv], CACHE)
        run([venv / "bin" / "python", "-m", "pip", "install", "-q", "aws-cdk-lib"], CACHE)
    return venv / "bin" / "python"


THREE_4 = "iac compile, 3 targets (4 resources)"


def write_apps(sizes: list[int]) -> Path:
    work = CACHE / "apps"
    shutil.rmtree(work, ignore_errors=True)
    apps = (("iac/app.iac", APP_IAC), ("wing/main.w", APP_WING), ("cdk/app.py", APP_CDK))
    for name, text in apps:
        path = work / name
        (path.parent / "src").mkdir(parents=True, exist_ok=True)
        (path.parent / "src" / "worker.py").write_text(HANDLER)
        path.write_text(text)
    for size in sizes:
        folder = work / f"size{size}"
        (folder / "src").mkdir(parents=True)
        (folder / "src" / "handler.py").write_text("def handler(event, context):\n    pass\n")
        (folder / f"bench_{size}.iac").write_text(program_text(size))
    return work


def timed(args: list[str | Path], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    argv = [str(a) for a in args]
    proc = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"`{' '.join(map(str, args))}` failed:\n{proc.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--no-peers", action="store_true", help="iac only")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    CACHE.mkdir(exist_ok=True)
    venv = install_iac()
    iac = venv / "bin" / "iac"
    env = clean_env()
    work = write_apps(sizes)
    three = ["-t", "cfn", "-t", "terraform", "-t", "cdk"]  # the targets the peers write
    commands: dict[str, tuple[list[str | Path], Path]] = {
        "iac check (4 resources)": ([iac, "check", "app.iac"], work / "iac"),
        THREE_4: ([iac, "compile", "app.iac", "-o", "out", *three], work / "iac"),
        "iac compile, all four targets (4)": (
            [iac, "compile", "app.iac", "-o", "out"],
            work / "iac",
        ),
        # The floors: the venv's interpreter starting, and importing click (a compile
        # imports none of iac's dependencies, not even click: iac/commands.py).
        "python -c pass": ([venv / "bin" / "python", "-c", "pass"], work),
        "python -c 'import click'": ([venv / "bin" / "python", "-c", "import click"], work),
    }
    versions = [f"iac {run([iac, '--version'], work).split()[-1]}"]
    if not args.no_peers:
        wing = install_wing()
        cdk = cdk_python()
        wing_compile: list[str | Path] = [wing, "compile", "-t", "tf-aws", "main.w"]
        commands["wing compile -t tf-aws (4)"] = (wing_compile, work / "wing")
        commands["cdk synth, python app.py (4)"] = ([cdk, "app.py"], work / "cdk")
        versions.append(f"winglang {run([wing, '--version'], work, env).strip().splitlines()[-1]}")
        cdk_version = "import aws_cdk, importlib.metadata as m; print(m.version('aws-cdk-lib'))"
        versions.append(f"aws-cdk-lib {run([cdk, '-c', cdk_version], work).strip()}")
        env["CDK_OUTDIR"] = str(work / "cdk" / "cdk.out")
    for size in sizes:
        program = [iac, "compile", f"bench_{size}.iac", "-o", "out"]
        commands[f"iac compile, 3 targets ({size:,} declared)"] = (
            [*program, *three],
            work / f"size{size}",
        )
        commands[f"  the same, --jobs 1 ({size:,})"] = (
            [*program, *three, "--jobs", "1"],
            work / f"size{size}",
        )
        commands[f"iac compile, all four targets ({size:,})"] = (program, work / f"size{size}")
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for argv, cwd in commands.values():  # one warm-up each: npm's and pip's caches
        timed(argv, cwd, env)
    for round_ in range(args.rounds):
        names = list(commands)
        names = names[round_ % len(names) :] + names[: round_ % len(names)]  # rotate the order
        for name in names:
            argv, cwd = commands[name]
            if "10,000" in name and round_ % 3:
                continue  # the slowest: every third round
            wall, cpu = timed(argv, cwd, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    median = {name: statistics.median(v) for name, v in walls.items()}
    median_cpu = {name: statistics.median(v) for name, v in cpus.items()}
    python = sys.version.split()[0]
    print(f"{args.rounds} interleaved rounds; {', '.join(versions)}; Python {python}")
    print(f"load average before the summary: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    print(f"{'command':<46} {'wall s':>8} {'cpu s':>8} {'runs':>5}")
    for name in commands:
        print(f"{name:<46} {median[name]:>8.3f} {median_cpu[name]:>8.3f} {len(walls[name]):>5}")
    compile4 = median[THREE_4]
    check4 = median["iac check (4 resources)"]
    print()
    if not args.no_peers:
        for peer in ("wing compile -t tf-aws (4)", "cdk synth, python app.py (4)"):
            print(
                f"{peer}: iac compile (3 targets) is {median[peer] / compile4:.1f}x faster "
                f"(CPU {median_cpu[peer] / median_cpu[THREE_4]:.1f}x), "
                f"iac check {median[peer] / check4:.1f}x"
            )
    if 1000 in sizes and 10000 in sizes:
        small = median["iac compile, 3 targets (1,000 declared)"]
        large = median["iac compile, 3 targets (10,000 declared)"]
        print(f"10x the resources: {large / small:.1f}x the time (3 targets, wall)")


if __name__ == "__main__":
    main()
