"""The pipeline's layers don't leak: the plan and the targets never read the syntax
tree (the model carries checked, typed workflow steps), and the model knows nothing
of the parser. Imports are read from the source, so a lazy import inside a function
counts too."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from iac import catalog

IAC = Path(__file__).resolve().parents[1] / "iac"
FRONT_END = ("iac.syntax", "iac.parser", "iac.lalr", "iac.tables", "lark")


def imported(path: Path, root: Path = IAC.parent) -> set[str]:
    """Every module `path` (under `root`) imports, relative imports resolved, and each
    `from X import name` counted as X.name as well (so `from .. import syntax` is
    iac.syntax)."""
    package = ".".join(path.relative_to(root).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def leaks(path: Path, root: Path = IAC.parent) -> list[str]:
    return sorted(
        name
        for name in imported(path, root)
        if any(name == bad or name.startswith(bad + ".") for bad in FRONT_END)
    )


LAYERED = sorted([*(IAC / "plan").rglob("*.py"), *(IAC / "emit").rglob("*.py"), IAC / "model.py"])


@pytest.mark.parametrize("path", LAYERED, ids=lambda p: str(p.relative_to(IAC.parent)))
def test_plan_targets_and_model_never_import_the_front_end(path: Path) -> None:
    assert leaks(path) == []


def test_the_import_reader_sees_a_lazy_relative_import(tmp_path: Path) -> None:
    """The check above can fail: a function-level `from ..syntax import Task` in a plan
    module is found."""
    probe = tmp_path / "iac" / "plan" / "probe.py"
    probe.parent.mkdir(parents=True)
    probe.write_text("def f():\n    from ..syntax import Task\n    from .. import parser\n")
    assert leaks(probe, tmp_path) == ["iac.parser", "iac.syntax", "iac.syntax.Task"]


def test_task_verbs_are_the_catalogues() -> None:
    """The grammar spells the task verbs as a terminal; the catalogue's STEP_KINDS is the
    one table of what each works on: the two name the same verbs."""
    grammar = (IAC.parent / "grammar" / "iac.lark").read_text()
    line = next(line for line in grammar.splitlines() if line.startswith("TASK_VERB"))
    match = re.search(r"\(\?:([a-z|]+)\)", line)
    assert match is not None, line
    assert set(match.group(1).split("|")) == set(catalog.STEP_KINDS)
