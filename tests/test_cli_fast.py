"""`iac` reads the usual command lines without click (iac/commands.py `main`): it must
read each exactly as click does, and leave to click every line it cannot."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest

from iac import cli, commands, tables

REPO = Path(__file__).resolve().parent.parent

# Command lines click accepts, refuses or reads in its own way (help, `--`, `-ovalue`).
LINES = [
    ["check", "app.iac"],
    ["check", "app.iac", "--format", "json"],
    ["check", "--format=sarif", "app.iac"],
    ["check", "app.iac", "--format", "JSON"],
    ["check", "app.iac", "--format"],
    ["check", "app.iac", "--param", "a=1", "--param", "b=2"],
    ["check", "app.iac", "--param=a=1"],
    ["check", "app.iac", "--param", "--format"],
    ["check"],
    ["check", "a.iac", "b.iac"],
    ["check", "-", "--format", "github"],
    ["check", "app.iac", "-h"],
    ["check", "app.iac", "--help"],
    ["check", "app.iac", "--bogus"],
    ["check", "--", "app.iac"],
    ["compile", "app.iac"],
    ["compile", "app.iac", "-t", "cfn", "-t", "terraform", "-t", "cdk", "-o", "out"],
    ["compile", "app.iac", "--target=sam", "--out=build", "--no-lock"],
    ["compile", "app.iac", "-t", "cloudformation"],
    ["compile", "app.iac", "-tcfn"],
    ["compile", "app.iac", "-oout"],
    ["compile", "app.iac", "-o", "-"],
    ["compile", "app.iac", "--out="],
    ["compile", "app.iac", "-j", "2"],
    ["compile", "app.iac", "--jobs=4"],
    ["compile", "app.iac", "-j", "0"],
    ["compile", "app.iac", "-j", "-1"],
    ["compile", "app.iac", "-j", "x"],
    ["compile", "app.iac", "-j", " 3"],
    ["compile", "app.iac", "-j", "+3"],
    ["compile", "app.iac", "-j", "1_0"],
    ["compile", "app.iac", "-j"],
    ["compile", "app.iac", "--check", "--diff", "--format", "github"],
    ["compile", "app.iac", "--check=yes"],
    ["compile", "app.iac", "--check", "--check"],
    ["compile", "app.iac", "-o", "a", "-o", "b"],
    ["compile", "app.iac", "--allow-replace", "db", "--allow-replace", "files"],
    ["compile", "app.iac", "--lock", "x.lock", "--no-lock"],
    ["compile", "--out", "out", "app.iac", "--target", "all"],
    ["explain", "app.iac", "--format", "json"],
    ["explain", "app.iac", "--format", "sarif"],
    ["graph", "app.iac", "--format", "dot", "-o", "g.dot"],
    ["graph", "app.iac", "--format", "png"],
    ["fmt"],
    ["fmt", "a.iac", "b.iac", "--check"],
    ["fmt", "-", "--diff"],
    ["lsp"],
    ["lsp", "--tcp", "127.0.0.1:2087", "--stdio"],
    ["run", "app.iac", "--port", "8080"],
    ["--version"],
    ["-h"],
    [],
    ["compil", "app.iac"],
]


def clicks_reading(line: list[str]) -> dict[str, Any] | None:
    """The values click passes the command's callback, or None: click refuses the line
    (or answers it itself: help)."""
    command = cli.main.commands.get(line[0]) if line else None
    if command is None:
        return None
    try:
        return command.make_context(line[0], line[1:]).params
    except (click.exceptions.ClickException, click.exceptions.Exit):
        return None


@pytest.mark.parametrize("line", LINES, ids=" ".join)
def test_the_fast_reading_is_clicks_or_none(line: list[str]) -> None:
    read = commands._read(line)
    if read is None:
        return
    name, values = read
    assert name == line[0]
    assert values == clicks_reading(line)


def test_the_usual_lines_are_read_without_click() -> None:
    """Most of LINES are read here: a table that read none would pass the test above."""
    read = [line for line in LINES if commands._read(line) is not None]
    assert len(read) >= 25, read
    assert ["check", "app.iac"] in read
    assert ["compile", "app.iac", "-t", "cfn", "-t", "terraform", "-t", "cdk", "-o", "out"] in read


def test_every_command_has_a_function_and_the_table_is_current() -> None:
    assert set(commands.COMMANDS) == set(cli.main.commands)
    assert (REPO / "iac" / "_cli_table.py").read_text("utf-8") == tables.render_cli_table()
    assert "run" not in cli.table()  # its --script is a click.Path: click reads it


def _iac(*args: str, cwd: Path, fast: bool) -> subprocess.CompletedProcess[str]:
    """`iac ARGS` through the executable's `main` (fast) or through click's."""
    entry = "from iac.__main__ import main" if fast else "from iac.cli import main"
    script = (
        "import atexit, sys\n"
        "import gc\n"
        "atexit.register(lambda: print(gc.isenabled(), 'click' in sys.modules,\n"
        "                              gc.get_freeze_count() > 0, file=sys.stderr))\n"
        f"{entry}\n"
        f"sys.argv = ['iac', *{list(args)!r}]\n"
        "main()\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script], cwd=cwd, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def app(tmp_path: Path) -> Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "worker.py").write_text("def handler(event, context):\n    pass\n")
    (tmp_path / "app.iac").write_text(
        "bucket store\nqueue jobs { max_receives = 3 }\n"
        'function worker {\n  code = "src/worker.py"\n  allow store: write\n}\n'
        "on jobs.message -> worker\n"
    )
    return tmp_path


def test_check_and_compile_run_without_importing_click(app: Path) -> None:
    for args in (["check", "app.iac"], ["compile", "app.iac", "-t", "cfn", "-o", "out"]):
        proc = _iac(*args, cwd=app, fast=True)
        assert proc.returncode == 0, proc.stderr
        # the collector, paused while iac loads (iac/__main__.py), is on again; at the
        # end what is left is frozen, out of the exit's last collection
        assert proc.stderr.splitlines()[-1] == "True False True", proc.stderr
    assert (app / "out" / "cfn" / "template.yaml").is_file()


@pytest.mark.parametrize(
    "args",
    [
        ["compile", "app.iac", "--diff"],  # a mistake the command finds
        ["compile", "app.iac", "--lock", "x.lock", "--no-lock"],
        ["check", "app.iac", "--param", "nameonly"],
        ["compile", "app.iac", "--allow-replace", "nothing", "-o", "out"],  # after the build
        ["compile", "app.iac", "-t", "cloudformation"],  # click's own errors
        ["check", "app.iac", "--frmat", "json"],
        ["check", "missing.iac"],  # an error of the program, not of the line
        ["check", "app.iac", "--format", "json"],
        ["compile", "app.iac", "--help"],
    ],
    ids=" ".join,
)
def test_the_executable_says_what_click_says(app: Path, args: list[str]) -> None:
    fast = _iac(*args, cwd=app, fast=True)
    slow = _iac(*args, cwd=app, fast=False)
    assert (fast.returncode, fast.stdout) == (slow.returncode, slow.stdout)
    assert fast.stderr.splitlines()[:-1] == slow.stderr.splitlines()[:-1]
    assert not (app / "out").exists()  # a usage mistake writes nothing, on either path
