"""Hostile input through the command line: a clear error, the right exit code, no traceback,
no hang."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from iac.cli import main

TIMEOUT = 60  # seconds; every case here takes a few at most
REPO = Path(__file__).resolve().parent.parent
JSON_KEYS = {
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "code",
    "severity",
    "message",
    "hints",
    "related",  # issue 10, item 32: the secondary spans
}


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """`python -m iac.cli ...` in a real process, so a traceback would show in stderr."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}  # this checkout, whatever is installed
    proc = subprocess.run(
        [sys.executable, "-m", "iac.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=REPO,
        env=env,
    )
    assert "Traceback" not in proc.stderr + proc.stdout
    assert "internal compiler error" not in proc.stderr
    return proc


def invoke(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def first_line(text: str) -> str:
    return text.strip().splitlines()[0]


# ---------------------------------------------------------------- unreadable programs


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "blob.iac"
    path.write_bytes(bytes(range(256)) * 64)
    proc = run_cli("check", path)
    assert proc.returncode == 1
    assert first_line(proc.stderr).startswith("error[E01")


def test_binary_file_that_is_valid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "nul.iac"
    path.write_bytes(b"queue q\x00\x00\x01\n")
    proc = run_cli("check", path)
    assert proc.returncode == 1
    assert (
        first_line(proc.stderr) == "error[E011]: this looks like a binary file, not an .iac program"
    )


def test_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.iac"
    path.write_bytes('queue q { name = "café" }\n'.encode("latin-1"))
    proc = run_cli("check", path)
    assert proc.returncode == 1
    assert first_line(proc.stderr) == "error[E010]: the file is not valid UTF-8"
    assert f"{path}:1:22" in proc.stderr  # the column of the `é`


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.iac"
    path.write_bytes(b"\xef\xbb\xbfqueue q\nevery 5m -> q\n")
    proc = run_cli("check", path)
    assert proc.returncode == 0, proc.stderr


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.iac"
    path.write_text("")
    proc = run_cli("check", path)
    assert proc.returncode == 1
    assert first_line(proc.stderr) == "error[E121]: the program declares no resources"


def test_folder_without_iac_files(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# nothing here")
    (tmp_path / "sub.iac").mkdir()  # a folder with the suffix is not a program file
    proc = run_cli("check", tmp_path)
    assert proc.returncode == 1
    assert (
        proc.stderr.strip() == f"error: {tmp_path}: a program folder needs at least one .iac file"
    )


def test_missing_path(tmp_path: Path) -> None:
    proc = run_cli("check", tmp_path / "nowhere.iac")
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"error: {tmp_path / 'nowhere.iac'}: no such file or directory"


# ---------------------------------------------------------------- bad command lines


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.iac"
    path.write_text('param stage: string = "dev"\nqueue q { name = "${stage}-q" }\nevery 5m -> q\n')
    return path


def test_bad_format_is_usage_error(good: Path) -> None:
    proc = run_cli("check", good, "--format", "xml")
    assert proc.returncode == 2
    assert "Invalid value for '--format'" in proc.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((), "Missing argument"),
        (("--param", "stage"), "write --param name=value"),
        (("--param", "nope=1"), "no such param"),
        (("--frobnicate",), "No such option"),
    ],
)
def test_usage_errors_exit_2(good: Path, args: tuple[str, ...], words: str) -> None:
    result = invoke("check", *((good,) if args else ()), *args)
    assert result.exit_code == 2
    assert words in result.output


def test_unknown_command_exits_2() -> None:
    result = invoke("frobnicate")
    assert result.exit_code == 2


def test_good_program_exits_0(good: Path) -> None:
    result = invoke("check", good)
    assert result.exit_code == 0
    assert result.output == ""
    assert invoke("check", good, "--param", "stage=prod").exit_code == 0


# ---------------------------------------------------------------- JSON output


def test_json_output_has_exactly_the_documented_keys(tmp_path: Path) -> None:
    path = tmp_path / "bad.iac"
    path.write_text(
        "param unused: string\nfunction f {\n  memroy = 1GB\n}\nqueue q { retention = 1s }\n"
    )
    proc = run_cli("check", path, "--format", "json")
    assert proc.returncode == 1
    rows = json.loads(proc.stdout)
    assert [r["code"] for r in rows] == ["E109", "E102", "E108"]
    for row in rows:
        assert set(row) == JSON_KEYS
        assert row["file"] == str(path)
        assert isinstance(row["line"], int) and isinstance(row["column"], int)
        assert (row["end_line"], row["end_column"]) >= (row["line"], row["column"])
        assert row["severity"] == "error"
        assert isinstance(row["hints"], list) and all(isinstance(h, str) for h in row["hints"])
    memroy = rows[1]
    assert (memroy["line"], memroy["column"], memroy["end_line"], memroy["end_column"]) == (
        3,
        3,
        3,
        9,
    )
    assert "did you mean `memory`?" in memroy["hints"]


def test_json_output_of_a_clean_program_is_an_empty_list(good: Path) -> None:
    proc = run_cli("check", good, "--format", "json")
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == []


def test_json_output_for_undecodable_input(tmp_path: Path) -> None:
    path = tmp_path / "x.iac"
    path.write_bytes(b"\xff\xfe\x00")
    result = invoke("check", path, "--format", "json")
    assert result.exit_code == 1
    (row,) = json.loads(result.stdout)
    assert set(row) == JSON_KEYS and row["code"] == "E010"


# ---------------------------------------------------------------- size and depth


def timed(*args: str | Path) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.monotonic()
    proc = run_cli(*args)
    return proc, time.monotonic() - start


def test_ten_megabyte_string(tmp_path: Path) -> None:
    path = tmp_path / "big.iac"
    path.write_text('secret s { description = "' + "x" * 10_000_000 + '" }\n')
    proc, seconds = timed("check", path)
    assert proc.returncode == 0
    assert first_line(proc.stderr).startswith("warning[W002]: secret `s` is not used")
    assert len(proc.stderr) < 5000, "diagnostics show a window of a huge line, not all of it"
    assert seconds < 30


def test_ten_megabytes_of_resources(tmp_path: Path) -> None:
    path = tmp_path / "many.iac"
    line = "queue q{} {{ retention = 4d, fifo = true }}\n"
    path.write_text("".join(line.format(i) for i in range(250_000)))
    assert path.stat().st_size > 10_000_000
    proc, seconds = timed("check", path)
    assert proc.returncode == 1
    assert first_line(proc.stderr).startswith("error[E012]: the program is too large")
    assert seconds < 30


def test_ten_megabytes_of_comments(tmp_path: Path) -> None:
    path = tmp_path / "comments.iac"
    path.write_text(("# " + "c" * 98 + "\n") * 100_000 + "queue q\nevery 5m -> q\n")
    proc, seconds = timed("check", path)
    assert proc.returncode == 0, proc.stderr
    assert seconds < 30


def test_ten_megabyte_line_of_garbage(tmp_path: Path) -> None:
    path = tmp_path / "garbage.iac"
    path.write_text("queue q { name = " + "~" * 10_000_000)
    proc, seconds = timed("check", path)
    assert proc.returncode == 1
    assert first_line(proc.stderr).startswith("error[E003]: unexpected character `~`")
    assert len(proc.stderr) < 5000
    assert seconds < 30


DEEP = 10_000


@pytest.mark.parametrize(
    "text",
    [
        "workflow w {\n  if " + "(" * DEEP + "$.a == 1" + ")" * DEEP + " {\n    succeed\n  }\n}\n",
        "queue q { x = " + "[" * DEEP + "]" * DEEP + " }\n",
        "queue q { x = " + "{" * DEEP + "}" * DEEP + " }\n",
        "{" * DEEP,
        "workflow w {\n" + "if $.a == 1 {\n" * DEEP + "}\n" * DEEP + "}\n",
        "workflow w {\n  if " + "not " * DEEP + "exists $.a {\n    succeed\n  }\n}\n",
    ],
    ids=["parentheses", "lists", "braces", "unclosed", "ifs", "nots"],
)
def test_deep_nesting(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.iac"
    path.write_text(text)
    proc, seconds = timed("check", path)
    assert proc.returncode == 1
    assert first_line(proc.stderr).startswith("error["), proc.stderr[:500]
    assert seconds < 30


def test_nesting_within_the_limit_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "nested.iac"
    path.write_text(
        'function f { code = "f.py" }\nworkflow w {\n  if '
        + "(" * 40
        + "$.a == 1"
        + ")" * 40
        + " {\n    invoke f\n  }\n}\nevery 5m -> w\n"
    )
    (tmp_path / "f.py").write_text("def handler(e, c):\n    pass\n")
    proc = run_cli("check", path)
    assert proc.returncode == 0, proc.stderr


def test_control_characters_and_long_lines_render_safely(tmp_path: Path) -> None:
    path = tmp_path / "ctl.iac"
    path.write_text("queue q { name = \x1b[31m }\n")
    proc = run_cli("check", path)
    assert proc.returncode == 1
    assert "\x1b[31m" not in proc.stderr  # never echo terminal escapes back


# ---------------------------------------------------------------- not regular files


@pytest.mark.parametrize("kind", ["fifo", "dev_zero", "dev_null", "fifo_in_folder"])
def test_a_program_that_is_not_a_regular_file_is_a_clear_error(tmp_path: Path, kind: str) -> None:
    """Reading a FIFO blocks and /dev/zero never ends: neither is read."""
    path: Path
    if kind == "fifo":
        path = tmp_path / "pipe.iac"
        os.mkfifo(path)
    elif kind == "fifo_in_folder":
        (tmp_path / "a.iac").write_text("queue q\n")
        os.mkfifo(tmp_path / "b.iac")
        path = tmp_path
    else:
        path = Path("/dev/zero" if kind == "dev_zero" else "/dev/null")
    proc = run_cli("check", path)
    assert proc.returncode == 1
    assert first_line(proc.stderr).startswith("error: ")
    assert "not a regular file" in proc.stderr
    assert "a FIFO" in proc.stderr or "a device" in proc.stderr


def test_a_program_file_name_too_long_is_a_clear_error(tmp_path: Path) -> None:
    proc = run_cli("check", tmp_path / ("p" * 300 + ".iac"))
    assert proc.returncode == 1
    assert first_line(proc.stderr).endswith(": file name too long")


def test_a_program_file_over_the_size_bound_is_a_clear_error(tmp_path: Path) -> None:
    from iac.frontend import MAX_FILE_BYTES

    path = tmp_path / "huge.iac"
    with path.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used
    proc = run_cli("check", path)
    assert proc.returncode == 1
    assert "the file is larger than 64 MB" in proc.stderr


def test_compile_dot_names_the_app_after_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / "main.iac").write_text("queue orders\noutput u = orders.url\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "iac.cli", "compile", ".", "--out", str(tmp_path / "out"),
         "--target", "cfn"],
        capture_output=True, text=True, timeout=TIMEOUT, cwd=folder, env=env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    template = (tmp_path / "out" / "cfn" / "template.yaml").read_text()
    assert "QueueName: shop-orders" in template
    assert "app-" not in template


def test_target_may_be_repeated(tmp_path: Path) -> None:
    """`-t cfn -t terraform` writes both (a repeated flag used to keep only the last)."""
    app = tmp_path / "app.iac"
    app.write_text("queue jobs\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["compile", str(app), "-t", "terraform", "-t", "cfn", "-o", str(out), "--no-lock"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "cfn",
        "terraform",
    ]
    assert f"wrote {out / 'cfn'}, {out / 'terraform'}" in result.output
