"""What a `code` path packages (iac/codepath.py): regular files the program owns, read
in bounded time; links, FIFOs, devices and names too long are diagnostics at the `code`
value, never a crash, a hang or a file from elsewhere in the zip."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from iac import codepath
from iac.diagnostics import Severity, render_human
from iac.frontend import CheckResult, check, load
from iac.package import package
from iac.plan import plan

REPO = Path(__file__).resolve().parent.parent
HANDLER = "def handler(event, context):\n    return 1\n"


def program(folder: Path, code: str, extra: str = "") -> Path:
    (folder / "app.iac").write_text(
        f'function f {{\n  code = "{code}"\n  handler = "main.handler"\n{extra}}}\n'
        "output o = f.arn\n"
    )
    return folder / "app.iac"


def checked(path: Path) -> CheckResult:
    return check(load(path))


def only_error(result: CheckResult, code: str) -> str:
    assert [d.code for d in result.errors] == [code], render_human(result.diagnostics)
    (d,) = result.errors
    assert d.span is not None and d.span.text.startswith('"'), "at the `code` value"
    return d.message


def zipped(result: CheckResult) -> dict[str, bytes]:
    assert result.app is not None, render_human(result.diagnostics)
    (asset,) = package(plan(result.app)).assets
    archive = zipfile.ZipFile(io.BytesIO(asset.data))
    return {n: archive.read(n) for n in archive.namelist()}


def iac(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "iac.cli", *args],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=60,
    )  # fmt: skip


# ---------------------------------------------------------------- names the OS refuses


@pytest.mark.parametrize("code", ["a" * 256, "./" + "b" * 300 + ".py", "d/" * 2100 + "x.py"])
def test_a_code_path_the_os_refuses_is_an_error_at_the_value(tmp_path: Path, code: str) -> None:
    message = only_error(checked(program(tmp_path, code)), "E020")
    assert "file name too long" in message


def test_a_program_file_name_of_300_characters_is_a_clear_cli_error(tmp_path: Path) -> None:
    proc = iac("check", "a" * 300 + ".iac", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: ") and "file name too long" in proc.stderr
    assert "internal compiler error" not in proc.stderr


# ---------------------------------------------------------------- links


def test_a_dangling_link_in_a_code_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "main.py").write_text(HANDLER)
    (tmp_path / "src" / "gone.py").symlink_to(tmp_path / "nowhere.py")
    message = only_error(checked(program(tmp_path, "src")), "E023")
    assert "`gone.py` is a link to" in message and "does not exist" in message


def test_a_link_out_of_the_code_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "main.py").write_text(HANDLER)
    (tmp_path / "secret.txt").write_text("not the function's")
    (tmp_path / "src" / "passwd").symlink_to("/etc/passwd")
    (tmp_path / "src" / "up.txt").symlink_to("../secret.txt")
    result = checked(program(tmp_path, "src"))
    assert [d.code for d in result.errors] == ["E022", "E022"]
    assert "`passwd` links outside the code folder (to `/etc/passwd`)" in result.errors[0].message


def test_a_link_inside_the_code_folder_is_packaged_as_its_file(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "lib").mkdir(parents=True)
    (src / "main.py").write_text(HANDLER)
    (src / "lib" / "shared.py").write_text("X = 1\n")
    (src / "shared.py").symlink_to("lib/shared.py")
    (src / "vendor").symlink_to("lib", target_is_directory=True)
    files = zipped(checked(program(tmp_path, "src")))
    assert sorted(files) == ["lib/shared.py", "main.py", "shared.py", "vendor/shared.py"]
    assert files["shared.py"] == files["vendor/shared.py"] == b"X = 1\n"


def test_a_link_loop_is_an_error(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "main.py").write_text(HANDLER)
    (src / "sub" / "again").symlink_to("..", target_is_directory=True)
    (src / "self").symlink_to("self")
    result = checked(program(tmp_path, "src"))
    assert [d.code for d in result.errors] == ["E023", "E023"], render_human(result.diagnostics)


# ---------------------------------------------------------------- FIFOs and devices


def test_a_fifo_in_a_code_folder_is_an_error_and_no_hang(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "main.py").write_text(HANDLER)
    os.mkfifo(tmp_path / "src" / "pipe")
    program(tmp_path, "src")
    proc = iac("compile", "app.iac", "--out", "out", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "error[E021]: `pipe` in the code folder is a FIFO" in proc.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("code", ["/dev/zero", "pipe.py"])
def test_code_that_is_a_device_or_a_fifo_is_an_error(tmp_path: Path, code: str) -> None:
    os.mkfifo(tmp_path / "pipe.py")
    message = only_error(checked(program(tmp_path, code)), "E021")
    assert message.startswith("`code` is a ")


# ---------------------------------------------------------------- size


def test_code_over_the_size_bound_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(codepath, "MAX_CODE_BYTES", 1000)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "main.py").write_text(HANDLER)
    (tmp_path / "src" / "model.bin").write_bytes(b"x" * 2000)
    assert "larger than Lambda's limit" in only_error(checked(program(tmp_path, "src")), "E024")
    (tmp_path / "one.py").write_bytes(b"x" * 2000)
    assert "larger than Lambda's limit" in only_error(checked(program(tmp_path, "one.py")), "E024")


def test_the_size_bound_is_lambdas_unzipped_limit() -> None:
    assert codepath.MAX_CODE_BYTES == 262_144_000


# ---------------------------------------------------------------- `code = "."`


def test_code_dot_excludes_the_output_and_hidden_folders(tmp_path: Path) -> None:
    """Compiling twice with the output inside the code folder gives the same bytes."""
    (tmp_path / "main.py").write_text(HANDLER)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (tmp_path / ".env").write_text("SECRET=1\n")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "main.cpython-311.pyc").write_bytes(b"\0")
    program(tmp_path, ".")
    runs = []
    for out in ("out", "build/iac", "out"):
        proc = iac("compile", "app.iac", "--out", out, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert "warning[W020]" in proc.stderr
        target = tmp_path / out
        runs.append({p.relative_to(target).as_posix(): p.read_bytes()
                     for p in sorted(target.rglob("*")) if p.is_file()})  # fmt: skip
    assert runs[0] == runs[1] == runs[2]
    (zip_name,) = [n for n in runs[0] if n.startswith("cfn/") and n.endswith(".zip")]
    names = zipfile.ZipFile(io.BytesIO(runs[0][zip_name])).namelist()
    assert names == ["app.iac", "main.py"]


def test_a_code_folder_holding_the_program_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(HANDLER)
    result = checked(program(tmp_path, "."))
    assert result.ok
    (d,) = result.diagnostics
    assert (d.code, d.severity) == ("W020", Severity.WARNING)
    assert d.message == "the code folder `.` holds this program's own `app.iac`"
    assert d.span is not None and d.span.text == '"."'


def test_a_code_folder_of_its_own_gets_no_warning(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "main.py").write_text(HANDLER)
    result = checked(program(tmp_path, "src"))
    assert result.ok and result.diagnostics == []


def test_code_that_changes_after_the_check_is_an_error_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A handler swapped for a FIFO between the check and the zip: exit 1, nothing written."""
    from click.testing import CliRunner

    import iac.cli
    import iac.commands

    (tmp_path / "src").mkdir()
    handler = tmp_path / "src" / "h.py"
    handler.write_text("def handler(event, context):\n    return 1\n")
    (tmp_path / "app.iac").write_text('function f { code = "src/h.py" }\n')
    real_check = iac.commands.check

    def check_then_swap(*args: object, **kwargs: object) -> object:
        result = real_check(*args, **kwargs)  # type: ignore[arg-type]
        handler.unlink()
        os.mkfifo(handler)
        return result

    monkeypatch.setattr(iac.commands, "check", check_then_swap)
    out = tmp_path / "out"
    run = CliRunner().invoke(
        iac.cli.main, ["compile", str(tmp_path / "app.iac"), "--out", str(out), "--no-lock"]
    )
    assert run.exit_code == 1, run.output
    assert "compile again" in run.output and "Traceback" not in run.output
    assert not out.exists() or not any(out.iterdir())
