"""The example programs every target is tested on, and a way to compile them."""

from __future__ import annotations

import os
from pathlib import Path

from iac.compiler import Compiled, compile_app
from iac.frontend import check, load

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("IAC_UPDATE_GOLDEN") == "1"


def example_programs() -> list[Path]:
    """Every `.iac` file in examples/ and every folder of them: each is one app."""
    files = sorted(EXAMPLES.glob("*.iac"))
    dirs = sorted(p for p in EXAMPLES.iterdir() if p.is_dir() and any(p.glob("*.iac")))
    return files + dirs


def case_name(program: Path) -> str:
    return program.stem if program.is_file() else program.name


def compile_program(
    program: Path, targets: list[str], params: dict[str, str] | None = None
) -> Compiled:
    result = check(load(program), params)
    assert result.ok, "\n".join(d.message for d in result.errors)
    assert result.app is not None
    return compile_app(result.app, targets)
