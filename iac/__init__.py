"""iac: an Infrastructure-from-Code compiler.

The stages, each a function from one typed value to the next:

    load(path)      -> Program (sources)
    parse(program)  -> list of syntax modules
    check(program)  -> app model
    plan(app)       -> target-neutral plan (no I/O: code is named, not read)
    package(plan)   -> the plan with function code zipped and named by its hash
    compile(app, targets) -> files per target (`compile_app`)
"""

from __future__ import annotations

from .compiler import compile_app, write_output
from .frontend import CheckResult, Program, check, load, parse
from .package import package
from .plan import plan

compile = compile_app  # noqa: A001 - the stage's name, as json has `load` and `dumps`

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
