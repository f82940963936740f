"""`iac compile` writes all targets or none: a failure at any point (diagnostics, an
exception while rendering, a full disk, Ctrl-C) leaves the previous output byte for
byte as it was, with no temporary folder left behind; and it never writes outside
--out, nor into the program's own folder."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from iac import compiler
from iac.cli import main
from iac.compiler import UnsafeOutput, compile_app, write_output
from iac.emit import registry
from iac.frontend import check, load

ALL = registry.names()
PROGRAM = """\
queue jobs {{ visibility_timeout = 2m }}
function worker {{
  code    = "src/worker.py"
  timeout = {timeout}
  allow jobs: send
}}
on jobs.message -> worker
"""


# ---------------------------------------------------------------- helpers


def snapshot(root: Path) -> dict[str, str]:
    """Every entry under `root`, hidden ones included: a digest per file, links by target."""
    tree: dict[str, str] = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        for name in dirs + files:
            path = here / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                tree[rel] = "link " + os.readlink(path)
            elif path.is_dir():
                tree[rel] = "dir"
            else:
                tree[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return tree


def digest(tree: dict[str, str]) -> str:
    return hashlib.sha256(repr(sorted(tree.items())).encode()).hexdigest()


def assert_unchanged(root: Path, before: dict[str, str]) -> None:
    after = snapshot(root)
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(k for k in set(before) & set(after) if before[k] != after[k])
    assert (added, removed, changed) == ([], [], [])
    assert digest(after) == digest(before)


def stray(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob(".iac-*"))


def make_program(folder: Path, timeout: str = "20s") -> Path:
    (folder / "src").mkdir(parents=True, exist_ok=True)
    (folder / "src" / "worker.py").write_text("def handler(event, context):\n    pass\n")
    program = folder / "main.iac"
    program.write_text(PROGRAM.format(timeout=timeout))
    return program


def compiled_files(program: Path, targets: list[str] = ALL) -> dict[str, bytes]:
    result = check(load(program))
    assert result.ok and result.app is not None
    compiled = compile_app(result.app, targets)
    assert not compiled.diagnostics
    return compiled.files


def files_of(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


def run_cli(*args: str) -> Result:
    try:
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]  # click < 8.2
    except TypeError:
        runner = CliRunner()
    return runner.invoke(main, list(args))


def fail_on_call(
    monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, at: int, error: BaseException
) -> list[int]:
    """Make `owner.name` raise `error` on its `at`-th call only; count every call."""
    real = getattr(owner, name)
    calls = [0]

    def fake(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] == at:
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, fake)
    return calls


class Setup:
    """A program, its previous output already in `out`, and a newer compile to write."""

    def __init__(self, root: Path):
        self.root = root
        self.program = make_program(root / "app", timeout="20s")
        self.out = root / "out"
        write_output(self.out, compiled_files(self.program), self.program)
        (self.out / "notes.txt").write_text("the user's own file, beside the targets\n")
        self.old = files_of(self.out)
        self.program.write_text(PROGRAM.format(timeout="30s"))
        self.new_files = compiled_files(self.program)
        assert {k: v for k, v in self.old.items() if k != "notes.txt"} != self.new_files
        self.before = snapshot(root)


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    return Setup(tmp_path)


# ---------------------------------------------------------------- the happy path


def test_a_compile_replaces_every_target_and_nothing_else(setup: Setup) -> None:
    stale = setup.out / "cfn" / "stale.txt"
    stale.write_text("from an older compile")
    write_output(setup.out, setup.new_files, setup.program)
    written = files_of(setup.out)
    assert written.pop("notes.txt") == setup.old["notes.txt"]
    assert written == setup.new_files  # stale.txt went with the old cfn/ folder
    assert stray(setup.root) == []


def test_only_some_targets_leave_the_others_alone(setup: Setup) -> None:
    only_cfn = {k: v for k, v in setup.new_files.items() if k.startswith("cfn/")}
    write_output(setup.out, only_cfn, setup.program)
    written = files_of(setup.out)
    for path, data in written.items():
        expected = only_cfn.get(path, setup.old.get(path))
        assert data == expected, path
    assert stray(setup.root) == []


def test_a_fresh_out_folder_with_missing_parents(tmp_path: Path) -> None:
    program = make_program(tmp_path / "app")
    out = tmp_path / "a" / "b" / "out"
    files = compiled_files(program)
    write_output(out, files, program)
    assert files_of(out) == files


# ---------------------------------------------------------------- failures leave the old output


def test_a_program_with_errors_writes_nothing(setup: Setup) -> None:
    setup.program.write_text("queue jobs {\n  visiblity_timeout = 1m\n}\n")
    setup.before = snapshot(setup.root)
    result = run_cli("compile", str(setup.program), "--out", str(setup.out))
    assert result.exit_code == 1
    assert "error[" in result.stderr
    assert_unchanged(setup.root, setup.before)


def test_an_exception_while_rendering_writes_nothing(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(plan: Any) -> Any:
        raise RuntimeError("the terraform renderer broke")

    monkeypatch.setitem(compiler.TARGETS, "terraform", broken)
    result = run_cli("compile", str(setup.program), "--out", str(setup.out))
    assert result.exit_code == 3
    assert "internal compiler error" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert_unchanged(setup.root, setup.before)


def _file_writes(files: dict[str, bytes]) -> list[int]:
    """The first, a middle and the last file write (a file another target has with the
    same bytes is linked, not written)."""
    written = len({(rel.partition("/")[2], data) for rel, data in files.items()})
    return sorted({1, written // 2 + 1, written})


@pytest.mark.parametrize("which", ["first", "middle", "last"])
def test_a_full_disk_while_writing(
    setup: Setup, monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    at = dict(zip(["first", "middle", "last"], _file_writes(setup.new_files), strict=False))
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    calls = fail_on_call(monkeypatch, Path, "write_bytes", at.get(which, 1), full)
    with pytest.raises(OSError) as raised:
        write_output(setup.out, setup.new_files, setup.program)
    assert raised.value.errno == errno.ENOSPC
    assert calls[0] >= 1
    assert_unchanged(setup.root, setup.before)


def test_the_same_zip_in_every_target_is_one_file(setup: Setup) -> None:
    write_output(setup.out, setup.new_files, setup.program)
    zips = sorted(setup.out.glob("*/assets/*.zip"))
    assert len(zips) == len(ALL)
    assert len({z.stat().st_ino for z in zips}) == 1
    assert files_of(setup.out) == {**setup.new_files, "notes.txt": setup.old["notes.txt"]}


def test_a_filesystem_without_links_gets_copies(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(os, "link", refuse)
    write_output(setup.out, setup.new_files, setup.program)
    zips = sorted(setup.out.glob("*/assets/*.zip"))
    assert len({z.stat().st_ino for z in zips}) == len(ALL)
    assert files_of(setup.out) == {**setup.new_files, "notes.txt": setup.old["notes.txt"]}
    assert stray(setup.root) == []


def test_a_full_disk_through_the_cli(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    fail_on_call(monkeypatch, Path, "write_bytes", 3, full)
    result = run_cli("compile", str(setup.program), "--out", str(setup.out))
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert "previous output is unchanged" in result.stderr
    assert "internal compiler error" not in result.stderr
    assert_unchanged(setup.root, setup.before)


def test_a_low_level_write_failure(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    """The failure may come from below `Path.write_bytes`: the file object's own write."""
    real_open = Path.open
    opened = [0]

    class Full:
        def __init__(self, handle: Any):
            self.handle = handle

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: Any) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fake_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(self, mode, *args, **kwargs)
        if "w" in mode:
            opened[0] += 1
            if opened[0] == 4:
                return Full(handle)
        return handle

    monkeypatch.setattr(Path, "open", fake_open)
    with pytest.raises(OSError):
        write_output(setup.out, setup.new_files, setup.program)
    assert opened[0] == 4
    assert_unchanged(setup.root, setup.before)


def test_ctrl_c_while_writing(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    fail_on_call(monkeypatch, Path, "write_bytes", 2, KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        write_output(setup.out, setup.new_files, setup.program)
    assert_unchanged(setup.root, setup.before)


def test_ctrl_c_through_the_cli(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:
    fail_on_call(monkeypatch, Path, "write_bytes", 2, KeyboardInterrupt())
    result = run_cli("compile", str(setup.program), "--out", str(setup.out))
    assert result.exit_code == 130
    assert "interrupted: nothing was written" in result.stderr
    assert_unchanged(setup.root, setup.before)


def _swap_renames(setup: Setup) -> int:
    """os.replace calls of a swap: each old target parked, each new one put in place."""
    return 2 * len({k.split("/")[0] for k in setup.new_files})


@pytest.mark.parametrize("error", [OSError(errno.EIO, "I/O error"), KeyboardInterrupt()])
def test_a_failure_at_every_step_of_the_swap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    """The targets are swapped one by one: a failure after some are in rolls all back."""
    renames = None
    at = 1
    while renames is None or at <= renames:
        setup = Setup(tmp_path / f"case{at}")
        renames = _swap_renames(setup)
        with monkeypatch.context() as patch:
            calls = fail_on_call(patch, os, "replace", at, error)
            with pytest.raises(type(error)):
                write_output(setup.out, setup.new_files, setup.program)
        assert calls[0] >= at
        assert_unchanged(setup.root, setup.before)
        at += 1
    assert renames == 2 * len(ALL)  # each target: park the old folder, place the new


def test_a_signal_during_the_swap_waits_for_it(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real Ctrl-C between two renames is held until every target is in place."""
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signals reach the main thread only")
    real = os.replace
    calls = [0]

    def interrupting(src: Any, dst: Any) -> None:
        calls[0] += 1
        if calls[0] == 2:
            os.kill(os.getpid(), signal.SIGINT)
        real(src, dst)

    monkeypatch.setattr(os, "replace", interrupting)
    with pytest.raises(KeyboardInterrupt):
        write_output(setup.out, setup.new_files, setup.program)
    written = files_of(setup.out)
    written.pop("notes.txt")
    assert written == setup.new_files
    assert stray(setup.root) == []


def test_a_failed_first_compile_leaves_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = make_program(tmp_path / "app")
    files = compiled_files(program)
    before = snapshot(tmp_path)
    fail_on_call(monkeypatch, Path, "write_bytes", 2, OSError(errno.ENOSPC, "full"))
    with pytest.raises(OSError):
        write_output(tmp_path / "new" / "out", files, program)
    assert_unchanged(tmp_path, before)


# ---------------------------------------------------------------- never outside --out


@pytest.mark.parametrize(
    "rel",
    ["../escape.txt", "cfn/../../escape.txt", "/tmp/escape.txt", "cfn", "cfn/./x", "cfn//x",
     "elsewhere/x", ".iac-staging-1-x/x", "cfn/a\\..\\..\\x", "cfn/\x00"],
)  # fmt: skip
def test_paths_outside_a_target_folder_are_refused(tmp_path: Path, rel: str) -> None:
    program = make_program(tmp_path / "app")
    before = snapshot(tmp_path)
    with pytest.raises(UnsafeOutput):
        write_output(tmp_path / "out", {"cfn/template.yaml": b"x", rel: b"x"}, program)
    assert_unchanged(tmp_path, before)


def test_a_target_folder_that_is_a_link_is_replaced_not_followed(setup: Setup) -> None:
    elsewhere = setup.root / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("not the compiler's")
    shutil.rmtree(setup.out / "cdk")
    (setup.out / "cdk").symlink_to(elsewhere, target_is_directory=True)
    write_output(setup.out, setup.new_files, setup.program)
    assert not (setup.out / "cdk").is_symlink()
    assert (elsewhere / "keep.txt").read_text() == "not the compiler's"
    assert sorted(p.name for p in elsewhere.iterdir()) == ["keep.txt"]
    assert stray(setup.root) == []


def test_folders_of_a_killed_run_are_cleaned_up(setup: Setup) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    pid = int(dead.stdout)
    staging = setup.out / f".iac-staging-{pid}-abc"
    (staging / "cfn").mkdir(parents=True)
    backup = setup.out / f".iac-backup-{pid}-def"
    backup.mkdir()
    os.replace(setup.out / "terraform", backup / "terraform")  # killed mid-swap
    only_cfn = {k: v for k, v in setup.new_files.items() if k.startswith("cfn/")}
    write_output(setup.out, only_cfn, setup.program)
    assert stray(setup.root) == []
    # The parked terraform/ folder is back where it was.
    for path, data in setup.old.items():
        if path.startswith("terraform/"):
            assert (setup.out / path).read_bytes() == data
    # A live run's folder is not touched.
    live = setup.out / f".iac-staging-{os.getppid()}-xyz"
    live.mkdir()
    write_output(setup.out, only_cfn, setup.program)
    assert live.is_dir()


def test_removing_a_folder_never_follows_a_link(tmp_path: Path) -> None:
    """The compiler's own rmtree (for its staging and backup folders) removes what they
    hold, links as links: what a link points at stays, and a link given as the folder
    itself is left alone."""
    outside = tmp_path / "outside"
    (outside / "deep").mkdir(parents=True)
    (outside / "deep" / "keep.txt").write_text("keep")
    folder = tmp_path / ".iac-backup-1-x"
    (folder / "cfn" / "assets" / "a" / "b").mkdir(parents=True)
    (folder / "cfn" / "template.yaml").write_text("t")
    (folder / "cfn" / "assets" / "a" / "b" / "z.zip").write_bytes(b"z")
    (folder / "cfn" / "linked").symlink_to(outside, target_is_directory=True)
    (folder / "cfn" / "file_link").symlink_to(outside / "deep" / "keep.txt")
    (folder / "cfn" / "dangling").symlink_to(tmp_path / "nowhere")
    link = tmp_path / ".iac-staging-1-y"
    link.symlink_to(outside, target_is_directory=True)
    compiler._remove_tree(link)
    assert link.is_symlink() and (outside / "deep" / "keep.txt").read_text() == "keep"
    compiler._remove_tree(folder)
    assert not folder.exists() and not folder.is_symlink()
    assert (outside / "deep" / "keep.txt").read_text() == "keep"
    compiler._remove_tree(tmp_path / "missing")  # nothing there: nothing happens


def test_fresh_names_never_reuse_a_path(tmp_path: Path) -> None:
    """Staging folders and the lock's staged file: created exclusively (mode 0o700 for a
    folder, 0o600 for a file), each under a new name."""
    folders = {compiler._fresh(tmp_path / ".iac-staging-7-", folder=True)[1] for _ in range(50)}
    assert len(folders) == 50
    assert all(p.is_dir() and p.name.startswith(".iac-staging-7-") for p in folders)
    assert all(p.stat().st_mode & 0o777 == 0o700 for p in folders)
    handle, file = compiler._fresh(tmp_path / ".app.iac.lock.", folder=False)
    os.close(handle)
    assert file.is_file() and file.stat().st_mode & 0o777 == 0o600
    assert file.parent == tmp_path and file.name.startswith(".app.iac.lock.")


# ---------------------------------------------------------------- --out that holds the program


def iac(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iac.cli", *args],
        capture_output=True, text=True, cwd=cwd, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize(
    "program, out",
    [
        ("app/main.iac", "app"),  # the program's own folder
        ("app/main.iac", "."),  # a parent of it
        ("app/main.iac", "app/.."),
        ("app", "app"),  # a program folder, as its own output
        ("app", "/"),
        ("app/main.iac", "app/main.iac"),  # the program file itself
    ],
)
def test_an_out_that_holds_the_program_is_refused(tmp_path: Path, program: str, out: str) -> None:
    make_program(tmp_path / "app")
    before = snapshot(tmp_path)
    result = iac("compile", program, "--out", out, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: --out ")
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert_unchanged(tmp_path, before)


def test_an_out_inside_the_program_folder_is_fine(tmp_path: Path) -> None:
    make_program(tmp_path / "app")
    result = iac("compile", "main.iac", "--out", "build", cwd=tmp_path / "app")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "app" / "build").iterdir()) == sorted(ALL)
    again = iac("compile", "main.iac", "--out", "build", cwd=tmp_path / "app")
    assert again.returncode == 0, again.stderr
    assert stray(tmp_path) == []
