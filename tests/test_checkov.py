"""checkov over every example's CloudFormation and Terraform output: nothing
fails beyond the reasoned list in docs/security.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tools import checkov

from examples import REPO, case_name, compile_program, example_programs
from iac.compiler import write_output

SECURITY = REPO / "docs" / "security.md"
FRAMEWORKS = {"cfn": "cloudformation", "terraform": "terraform"}


def skipped_checks() -> dict[str, str]:
    text = SECURITY.read_text(encoding="utf-8").split("## Checks we skip", 1)[1]
    return dict(re.findall(r"^- (CKV2?_AWS_\d+): (.+)$", text, flags=re.M))


def test_every_skip_has_a_reason() -> None:
    skips = skipped_checks()
    assert skips
    assert all(len(reason) > 20 for reason in skips.values())


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, str, str]]]:
    # checkov reads its own `__file__` bookkeeping as a Lambda variable, and a path
    # with 40 letters, digits and slashes in a row looks like an AWS secret key to
    # CKV_AWS_45: every folder name here carries a `-` to break such runs.
    root = tmp_path_factory.mktemp("checkov-run")
    for program in example_programs():
        compiled = compile_program(program, list(FRAMEWORKS))
        assert not compiled.diagnostics, [d.message for d in compiled.diagnostics]
        for target in FRAMEWORKS:
            files = {k: v for k, v in compiled.files.items() if k.startswith(f"{target}/")}
            write_output(root / f"scan-{target}" / f"app-{case_name(program)}", files, program)
    out: dict[str, list[tuple[str, str, str]]] = {}
    for target, framework in FRAMEWORKS.items():
        result = checkov(root / f"scan-{target}", framework)
        assert result["passed"] > 50, "checkov scanned almost nothing"
        out[target] = result["failed_checks"]
        roots[target] = root / f"scan-{target}"
    return out


roots: dict[str, Path] = {}


def _resource_text(target: str, resource: str, path: str) -> str:
    """The failing resource's lines, so a failure shows what checkov saw."""
    name = resource.rsplit(".", 1)[-1]
    try:
        lines = (roots[target] / path.lstrip("/")).read_text(encoding="utf-8").splitlines()
    except (KeyError, OSError):
        return ""
    start = next((i for i, line in enumerate(lines) if line.strip() == f"{name}:"), None)
    if start is None:
        return ""
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].strip()), len(lines))
    return "\n".join(lines[start:end])


def test_no_check_fails_beyond_the_list(findings: dict[str, list[tuple[str, str, str]]]) -> None:
    skips = skipped_checks()
    unexpected = sorted(
        f"{target}: {cid} {res} ({path})\n{_resource_text(target, res, path)}"
        for target, rows in findings.items()
        for cid, res, path in rows
        if cid not in skips
    )
    assert not unexpected, "fix the default, don't grow the list:\n" + "\n".join(unexpected)


def test_the_list_holds_only_checks_that_fail(
    findings: dict[str, list[tuple[str, str, str]]],
) -> None:
    failing = {cid for rows in findings.values() for cid, _, _ in rows}
    stale = sorted(set(skipped_checks()) - failing)
    assert not stale, f"these checks pass now; remove them from docs/security.md: {stale}"
