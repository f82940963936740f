"""A syntax error hides nothing else: the files, and the statements, that parsed are
still checked in the same run, without false errors caused by the broken statement."""

from __future__ import annotations

from pathlib import Path

from iac.diagnostics import render_human
from iac.frontend import CheckResult, check, from_text, load


def check_folder(tmp_path: Path, files: dict[str, str]) -> CheckResult:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "f.py").write_text("def handler(event, context):\n    pass\n")
    return check(load(tmp_path))


def found(result: CheckResult) -> list[tuple[str, str, int]]:
    return [
        (d.code, d.span.source.path.name if d.span else "", d.span.line if d.span else 0)
        for d in result.diagnostics
    ]


def test_a_syntax_error_in_one_file_hides_no_error_in_another(tmp_path: Path) -> None:
    result = check_folder(
        tmp_path,
        {
            "a.iac": "queue jobs {\n  retention = = 4d\n}\n",
            "b.iac": 'function f {\n  code = "f.py"\n  memroy = 512MB\n}\non orders.message -> f\n',
        },
    )
    assert result.app is None
    assert found(result) == [("E005", "a.iac", 2), ("E102", "b.iac", 3), ("E105", "b.iac", 5)]
    assert "did you mean `memory`?" in render_human(result.diagnostics)


def test_a_reference_to_a_broken_declaration_is_not_called_undeclared(tmp_path: Path) -> None:
    result = check_folder(
        tmp_path,
        {
            "a.iac": "queue jobs {\n  retention = = 4d\n}\n",
            "b.iac": 'function f {\n  code = "f.py"\n}\non jobs.message -> f\n'
            'output u = jobs.url\nqueue q { name = "${jobs.name}" }\n',
        },
    )
    assert found(result) == [("E005", "a.iac", 2)], render_human(result.diagnostics)


def test_statements_that_parsed_in_the_broken_file_are_checked(tmp_path: Path) -> None:
    text = (
        "queue jobs {\n  visibility = 1.5m\n}\n"  # E007: the statement is left out
        "topic t {\n  fifo = 3\n}\n"  # a type error the checker finds
        "function f { code = 5 }\n"  # another one
        "on jobs.message -> f\n"  # refers to the broken queue: no error
    )
    result = check(from_text(text, tmp_path / "main.iac"))
    codes = [d.code for d in result.diagnostics]
    assert codes == ["E007", "E107", "E107"], render_human(result.diagnostics)


def test_no_unused_warnings_when_a_statement_is_broken(tmp_path: Path) -> None:
    """The broken `on` may be what used the queue."""
    text = 'queue jobs\nfunction f { code = "f.py" }\non jobs.message -> f {\n  batch = = 5\n}\n'
    (tmp_path / "f.py").write_text("")
    result = check(from_text(text, tmp_path / "main.iac"))
    assert [d.code for d in result.diagnostics] == ["E005"], render_human(result.diagnostics)


def test_garbage_that_names_nothing_suppresses_every_undeclared_reference(
    tmp_path: Path,
) -> None:
    text = '%%% garbage\nfunction f { code = "f.py" }\non jobs.message -> f\n'
    (tmp_path / "f.py").write_text("")
    result = check(from_text(text, tmp_path / "main.iac"))
    assert [d.code for d in result.diagnostics] == ["E003"], render_human(result.diagnostics)
