"""`iac run`: the program's own plan, running on moto on this machine.

    app = start("examples/local/pipeline")   # a LocalApp, started
    ...
    app.close()

Stages, as the modules split them: `emulator` (moto embedded, and iac's hooks into
it), `resolve` (plan values as local names), `resources` and `permissions` (the
app's resources and one IAM user per role in moto), `handlers` (warm worker
processes per function), `events` (AWS's payloads and matchers), `app` (delivery
from the plan's edges, idleness), `pollers` (queues and streams), `workflows`
(executions, the workflows' log), `api` (each api on
127.0.0.1), `containers` (container steps), `commands` (the terminal's commands).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Severity
from .app import LocalApp
from .handlers import Outcome
from .workflows import Execution


class RunError(Exception):
    """The program does not compile: its diagnostics say why."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        first = next((d for d in diagnostics if d.severity is Severity.ERROR), None)
        super().__init__(first.message if first else "the program has errors")


def prepare(program: str | Path, params: dict[str, str] | None = None, **options: Any) -> LocalApp:
    """A LocalApp for PROGRAM (checked and planned), not yet started."""
    from ..frontend import check, load
    from ..plan import plan

    path = Path(program)
    result = check(load(path), params)
    if not result.ok or result.app is None:
        raise RunError(result.diagnostics)
    planned = plan(result.app)
    if any(d.severity is Severity.ERROR for d in planned.diagnostics):
        raise RunError(result.diagnostics + planned.diagnostics)
    root = path if path.is_dir() else path.parent
    return LocalApp(planned, root.resolve(), **options)


def start(program: str | Path, params: dict[str, str] | None = None, **options: Any) -> LocalApp:
    """PROGRAM running locally; close it (or use it as a context manager) when done."""
    return prepare(program, params, **options).start()


__all__ = ["Execution", "LocalApp", "Outcome", "RunError", "prepare", "start"]
