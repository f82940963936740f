"""The back half: app model -> plan -> each target's files, written atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic
from .emit import cdk, cfn, terraform
from .emit.base import Rendered
from .model import App
from .plan import Plan, plan

TARGETS: dict[str, Callable[[Plan], Rendered]] = {
    "cfn": cfn.render,
    "cdk": cdk.render,
    "terraform": terraform.render,
}


class UnsafeOutput(Exception):
    """An --out folder the compiler refuses to replace."""


@dataclass
class Compiled:
    plan: Plan | None
    files: dict[str, bytes] = field(default_factory=dict)  # "cfn/template.yaml" -> bytes
    diagnostics: list[Diagnostic] = field(default_factory=list)


def compile_app(app: App, targets: list[str]) -> Compiled:
    planned = plan(app)
    result = Compiled(planned, diagnostics=list(planned.diagnostics))
    if result.diagnostics:
        return result
    for target in targets:
        rendered = TARGETS[target](planned)
        result.diagnostics.extend(rendered.diagnostics)
        for path, data in rendered.files.items():
            result.files[f"{target}/{path}"] = data
    return result


def write_output(out: Path, files: dict[str, bytes], program: Path) -> None:
    """Write every file into a fresh folder beside `out`, then swap it in.

    Each target folder under `out` is replaced whole; a failure before the swap
    leaves the previous output exactly as it was.
    """
    out = out.resolve()
    source = program.resolve()
    source_dir = source if source.is_dir() else source.parent
    if out == source_dir or out in source_dir.parents or out == Path(out.anchor):
        raise UnsafeOutput(f"--out {out} holds the program itself; choose another folder")
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".iac-", dir=out))
    try:
        targets = sorted({p.split("/", 1)[0] for p in files})
        for rel, data in sorted(files.items()):
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        for target in targets:
            final = out / target
            old = out / f".{target}.old"
            if old.exists():
                shutil.rmtree(old)
            if final.exists():
                os.replace(final, old)
            os.replace(staging / target, final)
            if old.exists():
                shutil.rmtree(old)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
