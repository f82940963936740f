"""Loading, parsing and checking a program: the front half of the compiler."""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import syntax
from .checker import check_modules
from .diagnostics import Diagnostic, Diagnostics, Severity
from .model import App
from .parser import parse_file, parse_source
from .records import field, record
from .source import Source, Span


class LoadError(Exception):
    """The program can't be read at all (a missing path, a folder with no .iac files)."""


@record(frozen=False)
class Program:
    root: Path
    sources: list[Source]
    diagnostics: list[Diagnostic] = field(default_factory=list)  # decoding problems


@record(frozen=False)
class CheckResult:
    app: App | None
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def ok(self) -> bool:
        return self.app is not None and not self.errors


MAX_FILE_BYTES = 64 * 1024 * 1024  # a program file; the parser's token cap bounds the rest


def load(path: str | Path) -> Program:
    """Read a program: one `.iac` file, or every `.iac` file of a folder. Only regular
    files are read (a FIFO or a device would block or never end), each at most
    `MAX_FILE_BYTES`; anything else is a `LoadError` with the reason in words."""
    root = Path(path)
    info = _stat(root, str(root))
    if info is None:
        raise LoadError(f"{_shown(root)}: no such file or directory")
    if stat.S_ISDIR(info.st_mode):
        try:
            entries = sorted(p for p in root.iterdir() if p.suffix == ".iac")
        except OSError as err:
            raise LoadError(f"{_shown(root)}: {_why(err)}") from None
        files = []
        for entry in entries:
            st = _stat(entry, str(entry))
            if st is None:
                raise LoadError(f"{_shown(entry)}: a link to a file that does not exist")
            if stat.S_ISREG(st.st_mode):
                files.append(entry)
            elif not stat.S_ISDIR(st.st_mode):  # a folder named `x.iac` is not a program
                raise LoadError(f"{_shown(entry)}: not a regular file ({_kind(st.st_mode)})")
        if not files:
            raise LoadError(f"{_shown(root)}: a program folder needs at least one .iac file")
    elif stat.S_ISREG(info.st_mode):
        files = [root]
    else:
        raise LoadError(
            f"{_shown(root)}: not a regular file or a folder ({_kind(info.st_mode)}); "
            "a program is a .iac file or a folder of them"
        )
    program = Program(root, [])
    for file in files:
        program.sources.append(_read(file, program))
    return program


def _stat(path: Path, shown: str) -> os.stat_result | None:
    """The file's status (links followed), None if it does not exist."""
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError) as err:  # a name too long, a loop of links, a NUL byte
        raise LoadError(f"{_shown(path)}: {_why(err)}") from None


def _why(err: OSError | ValueError) -> str:
    return (err.strerror if isinstance(err, OSError) and err.strerror else str(err)).lower()


def _shown(path: Path) -> str:
    """A path as an error quotes it: a 300-character name is cut in the middle."""
    text = str(path)
    return text if len(text) <= 240 else f"{text[:100]}...{text[-60:]}"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "neither"


def _read_bytes(file: Path) -> bytes:
    """At most `MAX_FILE_BYTES + 1`, without blocking: a file swapped for a FIFO
    between the listing and the read is refused, never waited on."""
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError) as err:
        raise LoadError(f"{_shown(file)}: {_why(err)}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise LoadError(f"{_shown(file)}: not a regular file ({_kind(mode)})")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise LoadError(f"{_shown(file)}: {_why(err)}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise LoadError(
            f"{_shown(file)}: the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; "
            "split the program into smaller apps"
        )
    return data


def from_text(text: str, path: str | Path = "main.iac") -> Program:
    """A program held in memory (editors, tests)."""
    p = Path(path)
    return Program(p, [Source(p, text, str(p))])


def _read(file: Path, program: Program) -> Source:
    data = _read_bytes(file)
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


def _named_root(root: Path) -> Path:
    """The root the app is named after: `iac compile .` inside `shop/` names it `shop`,
    so the path is made absolute (links resolved) before its name is taken."""
    try:
        return root.resolve()
    except (OSError, RuntimeError):
        return root


@contextmanager
def gc_paused() -> Iterator[None]:
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
    with gc_paused():
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
    """Every problem in one run: a syntax error in one file (or one statement) still
    lets the checker judge the statements that parsed, with the knock-on effects of
    the broken ones filtered out (see `_knock_on`)."""
    with gc_paused():
        diags = Diagnostics(list(program.diagnostics))
        if diags.has_errors:  # undecodable files: nothing to parse
            return CheckResult(None, diags.sorted())
        parsed = [parse_file(src, diags) for src in program.sources]
        modules = [p.module for p in parsed if p.module is not None]
        broken = [p for p in parsed if not p.complete]
        syntax_errors = len(diags.items)
        app = check_modules(modules, _named_root(program.root), diags, params)
        if not broken:
            return CheckResult(app, diags.sorted())
        lost = frozenset().union(*(p.lost for p in broken))
        lost_all = any(p.lost_all for p in broken)
        judged = diags.items[syntax_errors:]
        dropped = [d.span for d in judged if d.span is not None and _knock_on(d, lost, lost_all)]
        found = [
            d
            for d in judged
            if not _knock_on(d, lost, lost_all) and not _encloses_any(d.span, dropped)
        ]
        kept = diags.items[:syntax_errors] + found
        return CheckResult(None, sorted(kept, key=Diagnostic.sort_key))


def _encloses_any(span: Span | None, dropped: list[Span]) -> bool:
    """An error about a value that holds a dropped undeclared reference (a name rule on
    `"${jobs.name}"` when `jobs` failed to parse) is a knock-on effect too."""
    if span is None:
        return False
    return any(
        s.source is span.source and span.start <= s.start and s.end <= span.end for s in dropped
    )


def _knock_on(d: Diagnostic, lost: frozenset[str], lost_all: bool) -> bool:
    """A diagnostic a broken statement may have caused, rather than the program: a
    reference to a name only a broken statement declares (E105), and the warnings
    about unused names (a broken statement may be what used them)."""
    if d.code == "E105" and d.span is not None:
        return lost_all or d.span.text in lost
    return d.severity is Severity.WARNING
