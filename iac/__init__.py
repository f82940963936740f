"""iac: an Infrastructure-from-Code compiler.

The stages, each a function from one typed value to the next:

    load(path)      -> Program (sources)
    parse(program)  -> list of syntax modules
    check(program)  -> app model
    plan(app)       -> target-neutral plan
    compile(...)    -> files per target
"""

from __future__ import annotations

from .frontend import CheckResult, Program, check, load, parse

__all__ = ["CheckResult", "Program", "check", "load", "parse"]
__version__ = "0.1.0"
