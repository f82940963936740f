"""The workflow warnings of language 1.1 (W050-W054): each on the program that earns it,
and none on the same program written well."""

from __future__ import annotations

from pathlib import Path

import pytest

from iac.frontend import check, from_text

HANDLER_DIR = Path(__file__).resolve().parent / "programs"

BASE = """
function ask { code = "src/breaker.py" }
function answer {
  code = "src/breaker.py"
  ANSWER
}
topic done
workflow w {
  STEPS
}
"""


def codes(steps: str, answer: str = "allow w: callback") -> list[str]:
    text = BASE.replace("STEPS", steps).replace("ANSWER", answer)
    result = check(from_text(text, HANDLER_DIR / "wf.iac"))
    assert result.ok, [f"{d.code} {d.message}" for d in result.errors]
    return [d.code for d in result.diagnostics if d.code.startswith("W05")]


def test_a_well_written_callback_has_no_warning() -> None:
    assert codes("invoke ask { callback = true, timeout = 1d }\npublish done") == []


def test_w050_a_callback_without_timeout() -> None:
    assert codes("invoke ask { callback = true }\npublish done") == ["W050"]


def test_w051_a_callback_nothing_may_answer() -> None:
    steps = "invoke ask { callback = true, timeout = 1d }\npublish done"
    assert codes(steps, answer="") == ["W051"]


def test_w054_a_callback_grant_without_callback_tasks() -> None:
    assert codes("invoke ask\npublish done") == ["W054"]


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        (
            "try {\n invoke ask\n} catch States.Timeout {\n publish done\n}"
            " catch States.Timeout, Other {\n publish done\n}",
            ["W052"],
        ),
        ("try {\n set $.a = 1\n wait 5s\n} catch {\n publish done\n}", ["W053"]),
        ('try {\n fail "X"\n} catch X {\n publish done\n}', []),
    ],
)
def test_try_warnings(steps: str, expected: list[str]) -> None:
    assert codes(steps + "\ninvoke ask { callback = true, timeout = 1d }") == expected
