"""What every target shares (iac/emit/base.py, iac/emit/registry.py): one path for
what a target can't express, re-entrant rendering, a registry that the CLI, the
compiler and the docs agree with."""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from examples import REPO, case_name, compile_program, example_programs
from iac.compiler import TARGETS
from iac.emit import registry
from iac.plan import Plan
from iac.plan.model import Node, Props

EXAMPLES = example_programs()
NAMES = registry.names()


@dataclass(frozen=True)
class _MysteryProps(Props):
    TYPE = "mystery"  # a node type no target knows


def _plan(program: Path) -> Plan:
    planned = compile_program(program, []).plan
    assert planned is not None
    return planned


@pytest.mark.parametrize("target", NAMES)
def test_an_unknown_node_type_is_a_diagnostic(target: str) -> None:
    planned = _plan(EXAMPLES[0])
    mystery = Node("Mystery", _MysteryProps(), planned.nodes[0].source, "a mystery")
    rendered = registry.render(target, replace(planned, nodes=[*planned.nodes, mystery]))
    assert not rendered.files
    assert [d.code for d in rendered.diagnostics] == ["E200"]
    assert "mystery" in rendered.diagnostics[0].message
    assert rendered.diagnostics[0].span == mystery.source


def test_the_compiler_and_the_cli_use_the_registry() -> None:
    from iac.cli import compile_cmd

    assert list(TARGETS) == NAMES
    (target,) = [p for p in compile_cmd.params if p.name == "target"]
    assert list(target.type.choices) == [*NAMES, "all"]  # type: ignore[attr-defined]


def test_compiling_one_target_imports_only_its_module(tmp_path: Path) -> None:
    program = REPO / "examples" / "thumbnails.iac"
    script = (
        "import sys\n"
        "from iac.cli import main\n"
        "try:\n"
        f"    main(['compile', {str(program)!r}, '-t', 'cfn', '-o', {str(tmp_path / 'out')!r}])\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "print(sorted(m for m in sys.modules if m.startswith('iac.emit.')))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    loaded = eval(proc.stdout.strip().splitlines()[-1])  # noqa: S307 - our own print
    others = {registry.TARGETS[n][0] for n in NAMES if n != "cfn"}
    assert "iac.emit.cfn" in loaded
    assert not others & set(loaded), others & set(loaded)
    assert (tmp_path / "out" / "cfn" / "template.yaml").is_file()


def _listed(text: str) -> list[str]:
    """The targets of `--target a|b|c|all` in a usage line."""
    match = re.search(r"--target ([a-z|]+)\|all(?: \.\.\.)?\]", text)
    assert match, "no `--target ...|all` usage line"
    return match.group(1).split("|")


@pytest.mark.parametrize("doc", ["README.md", "docs/language.md"])
def test_the_docs_list_exactly_the_registered_targets(doc: str) -> None:
    text = (REPO / doc).read_text(encoding="utf-8")
    assert sorted(_listed(text)) == sorted(NAMES)
    for name in NAMES:
        assert f"`DIR/{name}/" in text or f"{name}/" in text, name


# ---------------------------------------------------------------- re-entrant rendering


def _render_all(plan: Plan) -> dict[str, dict[str, bytes]]:
    return {name: registry.render(name, plan).files for name in NAMES}


def test_rendering_from_many_threads_gives_the_same_bytes() -> None:
    """Eight threads render two different plans at once, interleaved: each render
    equals that plan's render alone. With a shared environment whose filters were
    rewritten per render, one plan's references would be spelled by the other's
    speller (a KeyError or a wrong logical ID)."""
    plans = [_plan(p) for p in EXAMPLES[:2]]
    assert case_name(EXAMPLES[0]) != case_name(EXAMPLES[1])
    alone = [_render_all(p) for p in plans]
    assert alone[0] != alone[1]
    jobs = [(i % 2, name) for name in NAMES for i in range(8)]
    start = threading.Barrier(8)

    def render(job: tuple[int, str]) -> dict[str, bytes]:
        with contextlib.suppress(threading.BrokenBarrierError):
            start.wait(timeout=10)  # the first eight renders begin together
        return registry.render(job[1], plans[job[0]]).files

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, so renders interleave
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(render, jobs))
    finally:
        sys.setswitchinterval(interval)
    for (which, name), files in zip(jobs, results, strict=True):
        assert files == alone[which][name], (case_name(EXAMPLES[which]), name)


def test_the_environment_is_not_changed_by_a_render() -> None:
    for name in NAMES:
        cls = registry.target_class(name)
        env = cls.environment()
        before = (dict(env.filters), dict(env.globals))
        registry.render(name, _plan(EXAMPLES[0]))
        assert cls.environment() is env
        assert (dict(env.filters), dict(env.globals)) == before, name
