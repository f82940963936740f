"""Limits: a huge program checks in linear time; a 10 MB string, and 10,000 levels of
nesting of every bracket and block, end in a clear error or a result: never a hang,
a RecursionError or a traceback."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from iac.diagnostics import render_human, render_json
from iac.emit import registry
from iac.frontend import CheckResult, check, from_text

DEPTH = 10_000
TEN_MB = 10 * 1024 * 1024


def check_text(text: str, tmp_path: Path) -> CheckResult:
    return check(from_text(text, tmp_path / "main.iac"))


def iac(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process, so a hang is a timeout and a crash is a traceback."""
    return subprocess.run(
        [sys.executable, "-m", "iac.cli", *args],
        capture_output=True, text=True, cwd=cwd, timeout=timeout,
    )  # fmt: skip


def assert_clean_exit(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    for bad in ("Traceback", "RecursionError", "internal compiler error"):
        assert bad not in proc.stderr, proc.stderr[-2000:]


# ---------------------------------------------------------------- many resources


def queues(n: int) -> str:
    return "".join(f"queue q{i}\n" for i in range(n))


def cpu_seconds(text: str, tmp_path: Path) -> tuple[float, CheckResult]:
    # CPU time of this process: other work on the machine doesn't count against it.
    start = time.process_time()
    result = check_text(text, tmp_path)
    return time.process_time() - start, result


def test_checking_is_linear_in_the_number_of_resources(tmp_path: Path) -> None:
    small_text, large_text = queues(10_000), queues(100_000)
    small = min(cpu_seconds(small_text, tmp_path)[0] for _ in range(2))
    large, result = cpu_seconds(large_text, tmp_path)
    assert result.ok and result.app is not None
    assert len(result.app.resources) == 100_000
    assert all(d.code == "W002" for d in result.diagnostics)  # unused, and said so
    ratio = large / small
    assert ratio < 20, f"10,000 in {small:.2f}s, 100,000 in {large:.2f}s: ×{ratio:.1f}"


# ---------------------------------------------------------------- a 10 MB string


def test_a_10mb_string_checks(tmp_path: Path) -> None:
    text = 'queue q { name = "' + "x" * TEN_MB + '" }\noutput u = q.url\n'
    result = check_text(text, tmp_path)
    render_human(result.diagnostics)
    render_json(result.diagnostics)
    if result.ok:
        assert result.app is not None and len(result.app.resources["q"].attrs["name"]) == TEN_MB
    else:
        assert all(d.span is not None for d in result.errors)


def test_a_10mb_unterminated_string_is_a_clear_error(tmp_path: Path) -> None:
    text = 'queue q { name = "' + "x" * TEN_MB + "\n}\n"
    result = check_text(text, tmp_path)
    assert result.errors and result.errors[0].span is not None
    assert result.errors[0].span.line == 1
    rendered = render_human(result.errors)
    assert len(rendered) < 10_000  # the snippet is cut, not 10 MB of x


def test_a_10mb_string_compiles_to_every_target(tmp_path: Path) -> None:
    (tmp_path / "f.py").write_text("def handler(event, context):\n    pass\n")
    value = "é" + "x" * (TEN_MB - 2) + "\\n"
    (tmp_path / "big.iac").write_text(
        f'function f {{\n  code = "f.py"\n  env {{ BIG = "{value}" }}\n}}\noutput o = f.arn\n',
        encoding="utf-8",
    )
    proc = iac("compile", "big.iac", "--out", "out", cwd=tmp_path, timeout=180)
    assert_clean_exit(proc)
    if proc.returncode == 0:
        for target in registry.names():
            assert any(p.stat().st_size > TEN_MB for p in (tmp_path / "out" / target).iterdir()
                       if p.is_file()), target  # fmt: skip


# ---------------------------------------------------------------- deep nesting

NESTED = {
    "parentheses": "workflow w {\n  if " + "(" * DEPTH + "$.a > 1" + ")" * DEPTH
    + " {\n    succeed\n  }\n}\n",
    "if_blocks": "workflow w {\n" + "if $.a > 1 {\n" * DEPTH + "succeed\n" + "}\n" * DEPTH + "}\n",
    "parallel_branches": "workflow w {\n" + "parallel {\nbranch {\n" * DEPTH + "succeed\n"
    + "}\n}\n" * DEPTH + "}\n",
    "for_each": "workflow w {\n" + "for each $.a {\n" * DEPTH + "succeed\n" + "}\n" * DEPTH
    + "}\n",
    "lists": 'container c {\n  image = "x"\n  command = ' + "[" * DEPTH + '"a"' + "]" * DEPTH
    + "\n}\n",
    "maps": "app a {\n  tags " + "{ a = " * DEPTH + '"x"' + " }" * DEPTH + "\n}\n",
    "env_maps": 'function f {\n  code = "f.py"\n  env ' + "{ A = " * DEPTH + '"x"' + " }" * DEPTH
    + "\n}\n",
    "resource_blocks": "queue q " + "{ x " * DEPTH + "}" * DEPTH + "\n",
    "filters": "bus b\nqueue q\non b.event" + "(" * DEPTH + ")" * DEPTH + " -> q\n",
    "interpolation": 'queue q { name = "' + "${" * DEPTH + "x" + "}" * DEPTH + '" }\n',
    "unclosed_blocks": "workflow w {\n" + "if $.a > 1 {\n" * DEPTH,
    "unclosed_lists": 'container c {\n  command = ' + "[" * DEPTH + "\n}\n",
    "closing_only": "}" * DEPTH + ")" * DEPTH + "]" * DEPTH + "\n",
    "nots": "workflow w {\n  if " + "not " * DEPTH + "$.a > 1 {\n    succeed\n  }\n}\n",
}  # fmt: skip
IF = "workflow w {\n  if %s {\n    succeed\n  }\n}\n"
FLAT = {
    "and_chain": IF % " and ".join(["$.a > 1"] * DEPTH),
    "or_chain": IF % " or ".join(["exists $.a"] * DEPTH),
    "long_path": IF % ("$" + ".a" * DEPTH + " > 1"),
    "long_list": 'container c {\n  image = "x"\n  command = [' + ", ".join(['"a"'] * DEPTH)
    + "]\n}\n",
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(NESTED))
def test_deep_nesting_is_a_clear_error(case: str, tmp_path: Path) -> None:
    (tmp_path / "f.py").write_text("")
    result = check(from_text(NESTED[case], tmp_path / "main.iac"))
    assert result.errors, case
    assert all(d.span is not None for d in result.errors)
    rendered = render_human(result.diagnostics)
    assert len(rendered) < 20_000  # a few lines, not ten thousand
    if case not in ("unclosed_lists", "closing_only", "interpolation", "filters"):
        assert result.errors[0].code == "E001", rendered
        assert "nesting deeper than 64 levels" in rendered or "in a row" in rendered


@pytest.mark.parametrize("case", sorted(FLAT))
def test_long_flat_constructs_check(case: str, tmp_path: Path) -> None:
    result = check(from_text(FLAT[case], tmp_path / "main.iac"))
    render_human(result.diagnostics)
    assert result.app is not None or result.errors


def test_no_input_hangs_or_crashes_the_cli(tmp_path: Path) -> None:
    """Every case through the whole command line, in its own process with a timeout: one
    folder of files, so one run reads them all and reports each."""
    program = tmp_path / "deep"
    program.mkdir()
    (program / "f.py").write_text("")
    for case, text in sorted(NESTED.items()):
        (program / f"{case}.iac").write_text(text, encoding="utf-8")
    proc = iac("compile", "deep", "--out", "out", cwd=tmp_path)
    assert_clean_exit(proc)
    assert proc.returncode == 1
    assert not (tmp_path / "out").exists()
    for case in NESTED:
        assert f"{case}.iac:" in proc.stderr, case
    assert len(proc.stderr) < 20_000 * len(NESTED)
