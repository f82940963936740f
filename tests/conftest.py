"""Helpers shared by the front-end tests: parse or check a program held in a string."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from iac import syntax
from iac.diagnostics import Diagnostic, Severity
from iac.frontend import CheckResult, check, from_text, load, parse


def parse_text(text: str) -> tuple[list[syntax.Module], list[Diagnostic]]:
    return parse(from_text(text, "test.iac"))


def parse_ok(text: str) -> tuple[syntax.Statement, ...]:
    """The statements of a program that must parse cleanly."""
    modules, diags = parse_text(text)
    assert not [d for d in diags if d.severity is Severity.ERROR], diags
    assert len(modules) == 1
    return modules[0].statements


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return [d.code for d in diagnostics]


@pytest.fixture
def program(tmp_path: Path) -> Callable[..., CheckResult]:
    """Write `files` (name -> text) into a fresh folder with a handler, then check it.

    `program("queue q")` checks one file `main.iac`; a dict checks the folder."""

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "handler.py").write_text("def handler(event, context):\n    pass\n")

    def run(files: str | dict[str, str], params: dict[str, str] | None = None) -> CheckResult:
        if isinstance(files, str):
            (tmp_path / "main.iac").write_text(files)
            return check(load(tmp_path / "main.iac"), params)
        for name, text in files.items():
            (tmp_path / name).write_text(text)
        return check(load(tmp_path), params)

    return run
