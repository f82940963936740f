"""Loading, parsing and checking a program: the front half of the compiler."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import syntax
from .checker import Checker
from .diagnostics import Diagnostic, Diagnostics, Severity
from .model import App
from .parser import parse_source
from .source import Source, Span


class LoadError(Exception):
    """The program can't be read at all (a missing path, a folder with no .iac files)."""


@dataclass
class Program:
    root: Path
    sources: list[Source]
    diagnostics: list[Diagnostic] = field(default_factory=list)  # decoding problems


@dataclass
class CheckResult:
    app: App | None
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def ok(self) -> bool:
        return self.app is not None and not self.errors


def load(path: str | Path) -> Program:
    root = Path(path)
    if not root.exists():
        raise LoadError(f"{root}: no such file or directory")
    if root.is_dir():
        files = sorted(p for p in root.iterdir() if p.suffix == ".iac" and p.is_file())
        if not files:
            raise LoadError(f"{root}: a program folder needs at least one .iac file")
    else:
        files = [root]
    program = Program(root, [])
    for file in files:
        program.sources.append(_read(file, program))
    return program


def from_text(text: str, path: str | Path = "main.iac") -> Program:
    """A program held in memory (editors, tests)."""
    p = Path(path)
    return Program(p, [Source(p, text, str(p))])


def _read(file: Path, program: Program) -> Source:
    data = file.read_bytes()
    display = str(file)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        good = data[: err.start].decode("utf-8")
        text = good + data[err.start :].decode("utf-8", errors="replace")
        src = Source(file, text, display)
        program.diagnostics.append(
            Diagnostic(
                "E010",
                Severity.ERROR,
                "the file is not valid UTF-8",
                Span(src, len(good), len(good) + 1),
                hints=("save it as UTF-8",),
            )
        )
        return src
    if "\x00" in text:
        src = Source(file, text.replace("\x00", " "), display)
        pos = text.index("\x00")
        program.diagnostics.append(
            Diagnostic(
                "E011",
                Severity.ERROR,
                "this looks like a binary file, not an .iac program",
                Span(src, pos, pos + 1),
            )
        )
        return src
    if text.startswith("\ufeff"):
        text = " " + text[1:]  # a BOM: keep offsets, drop the mark
    return Source(file, text, display)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Syntax trees and models hold no reference cycles, yet building them makes
    millions of objects, and the cyclic collector's passes over them grow with the
    program: pausing it keeps a 10,000-resource program linear (twice as fast)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse(program: Program) -> tuple[list[syntax.Module], list[Diagnostic]]:
    with _gc_paused():
        return _parse(program)


def _parse(program: Program) -> tuple[list[syntax.Module], list[Diagnostic]]:
    diags = Diagnostics(list(program.diagnostics))
    if diags.has_errors:
        return [], diags.sorted()
    modules = []
    for src in program.sources:
        module = parse_source(src, diags)
        if module is not None:
            modules.append(module)
    return modules, diags.sorted()


def check(program: Program, params: dict[str, str] | None = None) -> CheckResult:
    with _gc_paused():
        modules, diagnostics = _parse(program)
        if any(d.severity is Severity.ERROR for d in diagnostics):
            return CheckResult(None, diagnostics)
        diags = Diagnostics(list(diagnostics))
        app = Checker(modules, program.root, diags, params).run()
        return CheckResult(app, diags.sorted())
