"""iac: an Infrastructure-from-Code compiler.

The stages, each a function from one typed value to the next:

    load(path)      -> Program (sources)
    parse(program)  -> list of syntax modules
    check(program)  -> app model
    plan(app)       -> target-neutral plan (no I/O: code is named, not read)
    package(plan)   -> the plan with function code zipped and named by its hash
    compile(app, targets) -> files per target (`compile_app`)

The stages are imported on first use (PEP 562), so `iac fmt` or `iac check` never load
the plan and the targets: the command line starts fast.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .compiler import compile_app, write_output
    from .frontend import CheckResult, Program, check, load, parse
    from .package import package
    from .plan import plan

    compile = compile_app  # noqa: A001

_WHERE = {
    "compile_app": "compiler",
    "write_output": "compiler",
    "compile": "compiler",
    "CheckResult": "frontend",
    "Program": "frontend",
    "check": "frontend",
    "load": "frontend",
    "parse": "frontend",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'iac' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), _ALIASES.get(name, name))
    globals()[name] = value
    return value


_ALIASES = {"compile": "compile_app"}  # the stage's name, as json has `load` and `dumps`


class _Package(types.ModuleType):
    """`iac.plan` is the stage function, though `iac/plan/` is also a subpackage: the
    import system binds the subpackage here when it is first loaded, so the attribute
    is a property that always answers with the function."""

    @property
    def plan(self) -> Any:
        return importlib.import_module(".plan", __name__).plan

    @plan.setter
    def plan(self, _module: Any) -> None:
        pass  # the subpackage is in sys.modules["iac.plan"]; the attribute stays the stage

    @property
    def package(self) -> Any:
        return importlib.import_module(".package", __name__).package

    @package.setter
    def package(self, _module: Any) -> None:
        pass  # likewise for the module iac/package.py and its stage `package`


sys.modules[__name__].__class__ = _Package

__all__ = [
    "CheckResult",
    "Program",
    "check",
    "compile",
    "compile_app",
    "load",
    "package",
    "parse",
    "plan",
    "write_output",
]
__version__ = "0.1.0"
