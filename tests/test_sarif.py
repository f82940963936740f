"""Diagnostics for CI: SARIF 2.1.0 (validated against the schema), GitHub workflow
commands, the JSON `related` spans, and the table of codes behind docs/errors.md."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from iac.cli import main
from iac.codes import CODES, describe
from iac.diagnostics import to_json_objects
from iac.frontend import check, from_text, load
from iac.sarif import render_github, to_sarif

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
ERRORS = HERE / "errors"
CASES = sorted(p.stem for p in ERRORS.glob("*.iac"))
SCHEMA = json.loads((HERE / "sarif" / "sarif-schema-2.1.0.json").read_text())
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
DOCS = REPO / "docs" / "errors.md"
UPDATE = os.environ.get("IAC_UPDATE_GOLDEN") == "1"


def _diagnostics(case: str, monkeypatch: pytest.MonkeyPatch) -> list:
    monkeypatch.chdir(ERRORS)
    return check(load(f"{case}.iac")).diagnostics


def _valid(log: dict) -> None:
    errors = sorted(VALIDATOR.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_schema_rejects_a_broken_log() -> None:
    # The validator is worth its name: a result without a message is refused.
    log = to_sarif([], "0")
    log["runs"][0]["results"] = [{"ruleId": "E1"}]  # type: ignore[index]
    assert list(VALIDATOR.iter_errors(log))


@pytest.mark.parametrize("case", CASES)
def test_every_fixture_is_valid_sarif(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    diagnostics = _diagnostics(case, monkeypatch)
    log = to_sarif(diagnostics, "0.1.0")
    _valid(log)
    run = log["runs"][0]  # type: ignore[index]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules == sorted({d.code for d in diagnostics})
    for result, d in zip(run["results"], diagnostics, strict=True):
        assert result["ruleId"] == d.code and rules[result["ruleIndex"]] == d.code
        assert result["level"] == d.severity.value
        assert result["message"]["text"].startswith(d.message)
        if d.span is not None:
            region = result["locations"][0]["physicalLocation"]["region"]
            assert (region["startLine"], region["startColumn"]) == (d.span.line, d.span.column)
        assert len(result.get("relatedLocations", [])) == len(d.labels)


def test_rules_carry_descriptions_and_help(monkeypatch: pytest.MonkeyPatch) -> None:
    log = to_sarif(_diagnostics("visibility_timeout", monkeypatch), "0.1.0")
    rule = log["runs"][0]["tool"]["driver"]["rules"][0]  # type: ignore[index]
    assert rule["id"] == "E114"
    assert rule["shortDescription"]["text"] == CODES["E114"]
    assert "docs/errors.md#e114" in rule["help"]["text"]
    result = log["runs"][0]["results"][0]  # type: ignore[index]
    related = result["relatedLocations"][0]
    assert related["message"]["text"] == "function `worker` times out after 2m"
    assert related["physicalLocation"]["region"]["startLine"] == 7


def test_did_you_mean_becomes_a_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    diagnostics = _diagnostics("unknown_attribute", monkeypatch)
    assert diagnostics[0].replacement == "memory"
    log = to_sarif(diagnostics, "0.1.0")
    _valid(log)
    fix = log["runs"][0]["results"][0]["fixes"][0]  # type: ignore[index]
    change = fix["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "unknown_attribute.iac"
    replacement = change["replacements"][0]
    assert replacement["insertedContent"]["text"] == "memory"
    assert replacement["deletedRegion"] == {
        "startLine": 3,
        "startColumn": 3,
        "endLine": 3,
        "endColumn": 9,
    }


def test_a_string_choice_is_fixed_with_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    d = _diagnostics("bad_choice", monkeypatch)[0]
    assert d.replacement is not None and d.replacement.startswith('"') and d.span is not None
    assert d.span.text.startswith('"')


def test_no_fix_when_the_guess_is_not_the_span(monkeypatch: pytest.MonkeyPatch) -> None:
    # E110's span is the whole `code = "..."` attribute: the guess is only the path.
    diagnostics = _diagnostics("code_path_missing", monkeypatch)
    assert all(d.replacement is None for d in diagnostics if d.code == "E110")


def test_cli_sarif_on_check_and_compile(tmp_path: Path) -> None:
    program = ERRORS / "unknown_attribute.iac"
    for args in (["check"], ["compile", "--out", str(tmp_path / "out")]):
        result = CliRunner().invoke(main, [*args, str(program), "--format", "sarif"])
        assert result.exit_code == 1
        _valid(json.loads(result.output))
    assert not (tmp_path / "out").exists()


def test_clean_program_is_an_empty_sarif_run(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["check", str(REPO / "examples" / "thumbnails.iac"), "--format", "sarif"]
    )
    assert result.exit_code == 0
    log = json.loads(result.output)
    _valid(log)
    assert log["runs"][0]["results"] == []


def test_github_workflow_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    text = render_github(_diagnostics("visibility_timeout", monkeypatch))
    line = text.splitlines()[0]
    assert re.fullmatch(
        r"::error file=visibility_timeout\.iac,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
        r"title=E114::queue `jobs` hides a message for 30s.*",
        line,
    ), line
    assert "\n" not in line and "%0Ahelp: set `visibility_timeout" in line


def test_github_escapes_properties_and_data() -> None:
    program = from_text('function f {\n  code = "x.py"\n  memroy = 5\n}\n', "a,b:c%.iac")
    text = render_github(check(program).diagnostics)
    assert "file=a%2Cb%3Ac%25.iac" in text
    for line in text.splitlines():
        assert line.startswith(("::error ", "::warning "))


def test_github_format_through_the_cli() -> None:
    result = CliRunner().invoke(
        main, ["check", str(ERRORS / "unused_param.iac"), "--format", "github"]
    )
    assert result.exit_code == 0
    assert result.output.startswith("::warning file=") and "title=W001::" in result.output


# ---------------------------------------------------------------- JSON `related` (issue 10.32)


def test_json_carries_related_spans(monkeypatch: pytest.MonkeyPatch) -> None:
    diagnostics = _diagnostics("visibility_timeout", monkeypatch)
    row = to_json_objects(diagnostics)[0]
    assert row["related"] == [
        {
            "file": "visibility_timeout.iac",
            "line": 7,
            "column": 3,
            "end_line": 7,
            "end_column": 15,
            "message": "function `worker` times out after 2m",
        },
        {
            "file": "visibility_timeout.iac",
            "line": 10,
            "column": 1,
            "end_line": 10,
            "end_column": 26,
            "message": "the queue feeds the function here",
        },
    ]


def test_json_related_is_always_a_list(monkeypatch: pytest.MonkeyPatch) -> None:
    for case in CASES:
        for row in to_json_objects(_diagnostics(case, monkeypatch)):
            assert isinstance(row["related"], list)
            for rel in row["related"]:
                assert set(rel) == {"file", "line", "column", "end_line", "end_column", "message"}


def test_duplicate_name_json_points_at_the_first_declaration() -> None:
    result = CliRunner().invoke(
        main, ["check", str(ERRORS / "duplicate_name.iac"), "--format", "json"]
    )
    rows = json.loads(result.output)
    assert rows[0]["related"] and rows[0]["related"][0]["line"] < rows[0]["line"]


# ---------------------------------------------------------------- the codes and their docs


def _codes_used() -> set[str]:
    used: set[str] = set()
    for path in (REPO / "iac").rglob("*.py"):
        used |= set(re.findall(r"\"([EW]\d{3,4})\"", path.read_text(encoding="utf-8")))
    return used


def test_every_code_used_has_a_description() -> None:
    missing = sorted(_codes_used() - set(CODES))
    assert not missing, (
        f"add these codes to iac/codes.py (and regenerate docs/errors.md): {missing}"
    )
    assert describe("E999") == "Diagnostic E999"


def render_errors_doc() -> str:
    lines = [
        "# Diagnostic codes",
        "",
        "Every code `iac` reports, with its short description (the SARIF rule's",
        "`shortDescription`). Generated from `iac/codes.py` by `tests/test_sarif.py`",
        "(`IAC_UPDATE_GOLDEN=1` rewrites it); `tests/errors/` holds a program for most codes.",
        "",
    ]
    for code, text in CODES.items():
        fixtures = sorted(
            p.name for p in ERRORS.glob("*.txt") if f"[{code}]" in p.read_text(encoding="utf-8")
        )
        lines += [f'<a id="{code.lower()}"></a>', f"## {code}: {text}", ""]
        if fixtures:
            shown = ", ".join(f"[{f[:-4]}](../tests/errors/{f[:-4]}.iac)" for f in fixtures[:3])
            lines += [f"Example: {shown}.", ""]
    return "\n".join(lines).rstrip() + "\n"


def test_errors_doc_has_an_anchor_per_code() -> None:
    expected = render_errors_doc()
    if UPDATE:
        DOCS.write_text(expected, encoding="utf-8")
    assert DOCS.read_text(encoding="utf-8") == expected, "run with IAC_UPDATE_GOLDEN=1"
    for code in CODES:
        assert f'<a id="{code.lower()}"></a>' in expected


def test_sarif_in_a_real_process() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "iac.cli",
            "check",
            str(ERRORS / "several_errors.iac"),
            "--format",
            "sarif",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    _valid(json.loads(proc.stdout))
