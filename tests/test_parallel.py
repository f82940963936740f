"""`iac compile` renders the targets of a big program at once, in forked processes
(iac/compiler.py, `_render_forked`): the same bytes as one after another, a child's
failure raised in the parent, and no child left behind when the parent is interrupted."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from iac import cli, commands, compiler
from iac.compiler import FORK_NODES, compile_app
from iac.emit import registry
from iac.frontend import check, load
from iac.package import package
from iac.plan import Plan, plan

FUNCTIONS = 40  # a function, its role, log group, queue, mapping...: well over FORK_NODES


def write_program(folder: Path) -> Path:
    (folder / "src").mkdir(parents=True, exist_ok=True)
    (folder / "src" / "worker.py").write_text("def handler(event, context):\n    pass\n")
    parts = []
    for i in range(FUNCTIONS):
        parts.append(
            f"queue jobs_{i} {{\n  visibility_timeout = 2m\n  max_receives = 3\n}}\n"
            f'function worker_{i} {{\n  code = "src/worker.py"\n  allow jobs_{i}: send\n}}\n'
            f"on jobs_{i}.message -> worker_{i}\n"
        )
    program = folder / "main.iac"
    program.write_text("\n".join(parts))
    return program


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    result = check(load(write_program(tmp_path_factory.mktemp("big"))))
    assert result.ok and result.app is not None
    made = package(plan(result.app))
    assert len(made.nodes) >= FORK_NODES
    return made


TARGETS = ["cfn", "terraform", "cdk", "sam"]


@pytest.mark.parametrize("jobs", [2, 3, 4, 8])
def test_forked_renders_are_the_serial_ones(planned: Plan, jobs: int) -> None:
    forked = compiler._render_forked(planned, TARGETS, jobs)
    serial = [compiler.TARGETS[t](planned) for t in TARGETS]
    assert [r.files for r in forked] == [r.files for r in serial]
    assert [r.diagnostics for r in forked] == [r.diagnostics for r in serial]
    assert all(r.files for r in forked)


def test_compile_app_forks_only_for_a_big_plan_and_several_targets(
    planned: Plan, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[list[str]] = []
    real = compiler._render_forked

    def spy(made: Plan, targets: list[str], jobs: int) -> Any:
        calls.append(targets)
        return real(made, targets, jobs)

    monkeypatch.setattr(compiler, "_render_forked", spy)
    monkeypatch.setattr(compiler, "_can_fork", lambda: True)
    big = check(load(write_program(tmp_path / "big")))
    assert big.app is not None
    serial = compile_app(big.app, TARGETS, jobs=1)
    assert calls == []
    forked = compile_app(big.app, TARGETS, jobs=2)
    assert calls == [TARGETS]
    assert forked.files == serial.files
    compile_app(big.app, ["cfn"], jobs=2)  # one target: nothing to share out
    small = tmp_path / "small"
    (small / "src").mkdir(parents=True)
    (small / "src" / "worker.py").write_text("def handler(event, context):\n    pass\n")
    (small / "main.iac").write_text('function worker {\n  code = "src/worker.py"\n}\n')
    tiny = check(load(small / "main.iac"))
    assert tiny.app is not None
    compile_app(tiny.app, TARGETS, jobs=2)  # a few nodes: a fork would cost more
    assert calls == [TARGETS]


def test_the_cli_writes_the_same_files_with_one_job_or_several(tmp_path: Path) -> None:
    program = write_program(tmp_path / "app")
    outs = []
    for jobs in ("1", "4"):
        out = tmp_path / f"out{jobs}"
        done = subprocess.run(
            [sys.executable, "-m", "iac.cli", "compile", str(program), "--out", str(out)]
            + ["--no-lock", "--jobs", jobs],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        outs.append({p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.*")})
    assert outs[0] == outs[1]
    assert len(outs[0]) > FUNCTIONS


@pytest.mark.parametrize(
    "flags, cores, jobs",
    [
        ([], 2, len(registry.names())),  # a process per target where cores are shared
        ([], 1, 1),  # one core: one after another
        (["--jobs", "3"], 1, 3),
        (["--jobs", "1"], 8, 1),
    ],
)
def test_the_cli_asks_for_its_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flags: list[str], cores: int, jobs: int
) -> None:
    asked: list[int] = []
    real = compiler.compile_app

    def spy(app: Any, targets: list[str], jobs: int = 1) -> Any:
        asked.append(jobs)
        return real(app, targets, jobs)

    monkeypatch.setattr(compiler, "compile_app", spy)
    monkeypatch.setattr(commands, "_cores", lambda: cores)
    program = write_program(tmp_path / "app")
    args = ["compile", str(program), "--out", str(tmp_path / "out"), "--no-lock", *flags]
    result = CliRunner().invoke(cli.main, args)
    assert result.exit_code == 0, result.output
    assert asked == [jobs]


def test_a_failing_child_raises_its_exception_here(
    planned: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(made: Plan) -> Any:
        raise ValueError("the terraform renderer broke")

    monkeypatch.setitem(compiler.TARGETS, "terraform", broken)
    with pytest.raises(ValueError, match="the terraform renderer broke"):
        compiler._render_forked(planned, ["cfn", "terraform"], 2)


class Unpicklable(Exception):
    def __init__(self) -> None:
        super().__init__("no way through a pipe")
        self.handle = lambda: None  # a lambda does not pickle

    def __reduce__(self) -> Any:
        raise TypeError("cannot pickle")


def test_an_exception_that_cannot_travel_arrives_as_its_text(
    planned: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(made: Plan) -> Any:
        raise Unpicklable()

    monkeypatch.setitem(compiler.TARGETS, "cdk", broken)
    with pytest.raises(RuntimeError, match="Unpicklable: no way through a pipe"):
        compiler._render_forked(planned, ["cfn", "cdk"], 2)


def test_a_child_that_dies_is_an_error(planned: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    def dies(made: Plan) -> Any:
        os._exit(7)

    monkeypatch.setitem(compiler.TARGETS, "sam", dies)
    with pytest.raises(RuntimeError, match="ended without a result"):
        compiler._render_forked(planned, ["cfn", "sam"], 2)


def test_an_interrupt_leaves_no_child_behind(
    planned: Plan, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pid_file = tmp_path / "child.pid"

    def slow(made: Plan) -> Any:
        pid_file.write_text(str(os.getpid()))
        time.sleep(120)

    def interrupted(made: Plan) -> Any:
        deadline = time.monotonic() + 30
        while not pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        raise KeyboardInterrupt

    monkeypatch.setitem(compiler.TARGETS, "cfn", interrupted)
    monkeypatch.setitem(compiler.TARGETS, "cdk", slow)
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        compiler._render_forked(planned, ["cfn", "cdk"], 2)
    assert time.monotonic() - started < 60  # the sleeping child did not hold us up
    child = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):  # killed and reaped: the pid is gone
        os.kill(child, 0)
