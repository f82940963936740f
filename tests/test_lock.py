"""The stateful guard (iac.lock) and `iac compile --check`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from iac.cli import main
from iac.compiler import TARGETS, compile_app
from iac.emit import registry
from iac.frontend import check, load
from iac.lock import lock_entries, lock_path, render_lock

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"

PROGRAM = """\
table orders {
  key id: string
  index by_customer { key customer: string }
}
queue jobs { max_receives = 3 }
topic news
secret key
bucket files
"""


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def app(tmp_path: Path) -> Path:
    folder = tmp_path / "app"
    folder.mkdir()
    (folder / "main.iac").write_text(PROGRAM)
    return folder


def test_first_compile_writes_the_lock(app: Path, tmp_path: Path) -> None:
    result = run("compile", app, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    lock = json.loads((app / "iac.lock").read_text())
    assert set(lock["resources"]) == {"orders", "jobs", "jobs_dlq", "news", "key", "files"}
    orders = lock["resources"]["orders"]
    assert orders["key"] == "id: string" and orders["logical_id"] == "Orders"
    assert orders["indexes"] == {"by_customer": {"key": "customer: string", "sort": None}}
    assert lock["resources"]["jobs"]["fifo"] is False


def test_lock_is_stable(app: Path, tmp_path: Path) -> None:
    run("compile", app, "--out", tmp_path / "out")
    first = (app / "iac.lock").read_bytes()
    mtime = (app / "iac.lock").stat().st_mtime_ns
    assert run("compile", app, "--out", tmp_path / "out").exit_code == 0
    assert (app / "iac.lock").read_bytes() == first
    assert (app / "iac.lock").stat().st_mtime_ns == mtime  # not even rewritten
    # the same bytes from the stage functions, in another process
    code = (
        "import sys; from iac.frontend import check, load; from iac.compiler import compile_app;"
        "from iac.lock import lock_entries, render_lock;"
        f"r = check(load({str(app)!r})); c = compile_app(r.app, ['cfn']);"
        "sys.stdout.buffer.write(render_lock(r.app, lock_entries(r.app, c.plan)))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        timeout=120,
        env={"PYTHONHASHSEED": "7", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)},
    )
    assert proc.stdout == first, proc.stderr


@pytest.mark.parametrize(
    "old, new, name, words",
    [
        ("key id: string", "key order_id: string", "orders", "the partition key changes"),
        ("table orders {", 'table orders {\n  name = "orders-v2"', "orders", "the table name"),
        ("key customer: string", "key customer: number", "orders", "the keys of index"),
        (
            "queue jobs { max_receives = 3 }",
            "queue jobs { max_receives = 3, fifo = true }",
            "jobs,jobs_dlq",
            "`fifo` changes",
        ),  # its dead-letter queue turns FIFO too
        ("topic news", "topic news { fifo = true }", "news", "`fifo` changes"),
        ("secret key", 'secret key { name = "k2" }', "key", "the secret name changes"),
        ("bucket files", 'bucket files { name = "my-files-bucket" }', "files", "bucket name"),
    ],
)
def test_replacement_is_refused(
    app: Path, tmp_path: Path, old: str, new: str, name: str, words: str
) -> None:
    out = tmp_path / "out"
    assert run("compile", app, "--out", out).exit_code == 0
    before, lock = _tree(out), (app / "iac.lock").read_bytes()
    main_iac = app / "main.iac"
    main_iac.write_text(PROGRAM.replace(old, new))
    result = run("compile", app, "--out", out)
    assert result.exit_code == 1, result.output
    assert "error[E301]" in result.output and words in result.output
    assert "--allow-replace" in result.output and "Traceback" not in result.output
    assert _tree(out) == before and (app / "iac.lock").read_bytes() == lock
    # --check reports it too, and writes nothing
    checked = run("compile", app, "--out", out, "--check")
    assert checked.exit_code == 1 and "E301" in checked.output
    names = name.split(",")
    assert all(f"`{n}` would be replaced" in result.output for n in names)
    allowed = run("compile", app, "--out", out, *[f"--allow-replace={n}" for n in names])
    assert allowed.exit_code == 0, allowed.output
    assert (app / "iac.lock").read_bytes() != lock
    assert run("compile", app, "--out", out).exit_code == 0  # the new lock holds


def test_removal_is_refused(app: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run("compile", app, "--out", out)
    (app / "main.iac").write_text(PROGRAM.replace("secret key\n", "secret key2\n"))
    result = run("compile", app, "--out", out, "--format", "json")
    assert result.exit_code == 1
    rows = [r for r in json.loads(result.output) if r["severity"] == "error"]
    assert [r["code"] for r in rows] == ["E302"]
    assert rows[0]["file"].endswith("iac.lock") and rows[0]["line"] > 1
    assert any("renamed to `key2`" in h for h in rows[0]["hints"])
    assert run("compile", app, "--out", out, "--allow-replace", "key").exit_code == 0


def test_removing_the_dead_letter_queue_is_a_removal(app: Path, tmp_path: Path) -> None:
    run("compile", app, "--out", tmp_path / "out")
    (app / "main.iac").write_text(PROGRAM.replace("queue jobs { max_receives = 3 }", "queue jobs"))
    result = run("compile", app, "--out", tmp_path / "out")
    assert result.exit_code == 1 and "queue `jobs_dlq` would be removed" in result.output


def test_allow_replace_of_an_unknown_name(app: Path, tmp_path: Path) -> None:
    result = run("compile", app, "--out", tmp_path / "out", "--allow-replace", "nope")
    assert result.exit_code == 2 and "nope" in result.output
    assert not (tmp_path / "out").exists() and not (app / "iac.lock").exists()


@pytest.mark.parametrize("content", [b"{not json", b'{"version": 99, "resources": {}}', b"\xff"])
def test_unreadable_lock(app: Path, tmp_path: Path, content: bytes) -> None:
    (app / "iac.lock").write_bytes(content)
    result = run("compile", app, "--out", tmp_path / "out")
    assert result.exit_code == 1 and "iac.lock" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()
    assert (app / "iac.lock").read_bytes() == content


def test_failed_compile_writes_no_lock(app: Path, tmp_path: Path) -> None:
    (app / "main.iac").write_text(PROGRAM + "queue broken { retention = 99d }\n")
    assert run("compile", app, "--out", tmp_path / "out").exit_code == 1
    assert not (app / "iac.lock").exists()


def test_failed_write_writes_no_lock(app: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("a file, not a folder")
    assert run("compile", app, "--out", out).exit_code == 2
    assert not (app / "iac.lock").exists()


def test_no_lock_and_lock_path(app: Path, tmp_path: Path) -> None:
    assert run("compile", app, "--out", tmp_path / "out", "--no-lock").exit_code == 0
    assert not (app / "iac.lock").exists()
    custom = tmp_path / "custom.lock"
    assert run("compile", app, "--out", tmp_path / "out", "--lock", custom).exit_code == 0
    assert custom.exists() and not (app / "iac.lock").exists()
    assert run("compile", app, "--lock", custom, "--no-lock").exit_code == 2


def test_file_program_lock_beside_it(tmp_path: Path) -> None:
    (tmp_path / "shop.iac").write_text("bucket files\n")
    assert lock_path(tmp_path / "shop.iac") == tmp_path / "shop.iac.lock"
    assert run("compile", tmp_path / "shop.iac", "--out", tmp_path / "out").exit_code == 0
    assert (tmp_path / "shop.iac.lock").exists()


@pytest.mark.parametrize(
    "program",
    sorted(EXAMPLES.glob("*.iac"))
    + sorted(p for p in EXAMPLES.iterdir() if p.is_dir() and any(p.glob("*.iac"))),
    ids=lambda p: p.name,
)
def test_committed_example_locks_are_current(program: Path) -> None:
    result = check(load(program))
    assert result.app is not None
    compiled = compile_app(result.app, ["cfn"])
    assert compiled.plan is not None
    expected = render_lock(result.app, lock_entries(result.app, compiled.plan))
    path = lock_path(program)
    assert path.exists() and path.read_bytes() == expected, (
        f"{path} is stale: run `iac compile {program.relative_to(REPO)} --out /tmp/x` "
        "(with --allow-replace if the change is intended) and commit the lock"
    )


# ---------------------------------------------------------------- compile --check


def test_check_up_to_date_and_stale(app: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("compile", app, "--out", out).exit_code == 0
    before = _tree(out)
    ok = run("compile", app, "--out", out, "--check")
    assert ok.exit_code == 0, ok.output
    (out / "cfn" / "template.yaml").write_text("stale\n")
    (out / "terraform" / "main.tf").unlink()
    (out / "cdk" / "leftover.py").write_text("")
    stale = run("compile", app, "--out", out, "--check", "--diff")
    assert stale.exit_code == 1
    assert f"differs: {out / 'cfn' / 'template.yaml'}" in stale.output
    assert f"missing: {out / 'terraform' / 'main.tf'}" in stale.output
    assert f"extra: {out / 'cdk' / 'leftover.py'}" in stale.output
    assert "-stale" in stale.output and "+AWSTemplateFormatVersion" in stale.output
    assert (out / "cfn" / "template.yaml").read_text() == "stale\n"  # nothing written
    assert "leftover.py" in str(_tree(out).keys()) and before.keys() != _tree(out).keys()


def test_check_only_the_requested_target(app: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run("compile", app, "--out", out, "--target", "cfn")
    assert run("compile", app, "--out", out, "--target", "cfn", "--check").exit_code == 0
    assert run("compile", app, "--out", out, "--check").exit_code == 1  # the other targets missing


def test_check_never_writes(app: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("compile", app, "--out", out, "--check")
    assert result.exit_code == 1 and "missing" in result.output and "iac.lock" in result.output
    assert not out.exists() and not (app / "iac.lock").exists()


def test_check_with_github_and_json(app: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run("compile", app, "--out", out)
    (out / "cfn" / "template.yaml").write_text("x")
    gh = run("compile", app, "--out", out, "--check", "--format", "github")
    assert (
        gh.exit_code == 1 and "::error file=" in gh.output and "template.yaml is stale" in gh.output
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "iac.cli",
            "compile",
            str(app),
            "--out",
            str(out),
            "--check",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert all(r["severity"] == "warning" for r in json.loads(proc.stdout))
    assert "differs" in proc.stderr


def test_diff_needs_check(app: Path, tmp_path: Path) -> None:
    assert run("compile", app, "--out", tmp_path / "o", "--diff").exit_code == 2
    assert not (tmp_path / "o").exists()


def test_examples_compile_check_in_a_copy(tmp_path: Path) -> None:
    # How a repository that commits its templates runs it: compile, then check stays green.
    program = tmp_path / "orders"
    shutil.copytree(EXAMPLES / "orders", program)
    out = tmp_path / "out"
    assert run("compile", program, "--out", out).exit_code == 0
    assert run("compile", program, "--out", out, "--check").exit_code == 0
    assert list(TARGETS) == registry.names()
