"""The reference's programs and every example check clean: the docs can't drift
from the compiler."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from examples import REPO, case_name, example_programs
from iac.frontend import check, from_text, load

DOC = REPO / "docs" / "language.md"
PROGRAMS = re.findall(r"```iac\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_the_reference_has_programs() -> None:
    assert len(PROGRAMS) >= 10


@pytest.mark.parametrize("index", range(len(PROGRAMS)))
def test_reference_program_checks_clean(index: int, tmp_path: Path) -> None:
    text = PROGRAMS[index]
    result = check(from_text(text, tmp_path / f"doc_{index}.iac"))
    errors = [f"{d.code} {d.message}" for d in result.errors]
    assert not errors, f"docs/language.md program {index + 1}:\n{text}\n{errors}"


@pytest.mark.parametrize("program", example_programs(), ids=case_name)
def test_example_checks_without_any_diagnostic(program: Path) -> None:
    result = check(load(program))
    assert result.ok
    assert not result.diagnostics, [f"{d.code} {d.message}" for d in result.diagnostics]


def test_readme_example_checks(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    text = re.search(r"```iac\n(.*?)```", readme, flags=re.S)
    assert text is not None
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "worker.py").write_text("def handler(event, context):\n    pass\n")
    result = check(from_text(text.group(1), tmp_path / "readme.iac"))
    assert result.ok, [d.message for d in result.errors]
