"""Error fixtures: each `tests/errors/<case>.iac` beside the exact diagnostics it renders.

`IAC_UPDATE_GOLDEN=1 pytest tests/test_errors.py` rewrites the `.txt` files; review the
diff (line, caret and words) before keeping it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from iac.diagnostics import Severity, render_human
from iac.frontend import CheckResult, check, load

ERRORS = Path(__file__).parent / "errors"
CASES = sorted(p.stem for p in ERRORS.glob("*.iac"))
UPDATE = os.environ.get("IAC_UPDATE_GOLDEN") == "1"


def _check(case: str, monkeypatch: pytest.MonkeyPatch) -> CheckResult:
    # Loaded by a relative path, so the rendering names the bare file and `code`
    # paths resolve against tests/errors/.
    monkeypatch.chdir(ERRORS)
    return check(load(f"{case}.iac"))


def test_there_is_a_fixture_per_rule() -> None:
    assert len(CASES) >= 45


@pytest.mark.parametrize("case", CASES)
def test_fixture_renders_exactly(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _check(case, monkeypatch)
    rendered = render_human(result.diagnostics)
    golden = ERRORS / f"{case}.txt"
    if UPDATE:
        golden.write_text(rendered, encoding="utf-8")
    assert golden.exists(), f"no golden file: run with IAC_UPDATE_GOLDEN=1 to create {golden}"
    assert rendered == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES)
def test_fixture_reports_cleanly(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    result = _check(case, monkeypatch)
    assert result.diagnostics, "every fixture produces at least one diagnostic"
    for d in result.diagnostics:
        assert "internal" not in d.message.lower()
        assert d.message and d.code[0] in "EW"
        if d.severity is Severity.ERROR:
            assert d.span is not None, f"{d.code} has no span"
            assert d.span.source.display == f"{case}.iac"
    if case.startswith("unused_"):
        assert result.ok, "a program with only warnings still checks"
        assert all(d.severity is Severity.WARNING for d in result.diagnostics)
    else:
        assert result.app is None and result.errors


def test_diagnostics_are_in_source_order(monkeypatch: pytest.MonkeyPatch) -> None:
    result = _check("several_errors", monkeypatch)
    lines = [d.span.line for d in result.diagnostics if d.span]
    assert lines == sorted(lines) and len(lines) == 3
