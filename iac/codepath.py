"""What a function's `code` path packages: the one walk of a code folder that the
checker judges and the plan zips, so the zip holds exactly what was checked.

Only regular files are packaged. A link inside a code folder is followed when it
resolves inside that folder (its target's bytes are stored under the link's name);
one that points outside, dangles or loops is an error, so the zip never holds what
the program does not own. FIFOs, sockets and devices are errors, never read (a read
of a FIFO would block). Hidden entries, `__pycache__`, compiled Python files, iac's lock files and
folders that hold a previous iac output are left out, so `code = "."` gives the same
zip on every compile. The total is bounded by Lambda's own limit on unzipped code.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from . import syntax as s
from .diagnostics import Diagnostics
from .records import field, record
from .source import Span

MAX_CODE_BYTES = 250 * 1024 * 1024  # Lambda refuses more unzipped code (262,144,000 bytes)
MAX_CODE_ENTRIES = 200_000  # files and folders walked: bounds the work on a huge tree
MAX_LINK_DEPTH = 40  # links followed inside one path, as the kernel allows (ELOOP)
MAX_PROBLEMS = 10  # per `code` path; the rest are counted

_SKIP_DIRS = {"__pycache__"}  # hidden entries (`.git`, `.venv`, `.cache`) are left out too
# `iac.lock` / `NAME.iac.lock`: the compiler rewrites it beside the program, so a code
# folder that holds the program would otherwise change its own zip on every compile.
_SKIP_SUFFIXES = (".pyc", ".pyo", "iac.lock")
# A folder holding one of these is a previous `iac compile --out` folder.
_OUTPUT_MARKS = (
    ("cfn", "template.yaml"),
    ("terraform", "versions.tf"),
    ("cdk", "cdk.json"),
)


@record
class CodeFile:
    arc: str  # its name inside the zip
    path: Path  # what is read: the file itself, or the file a link resolves to
    size: int
    mtime_ns: int


@record
class Problem:
    code: str
    message: str
    hints: tuple[str, ...] = ()
    warning: bool = False


@record(frozen=False)
class CodeTree:
    """A `code` path inspected: `path` is None when it can't be packaged."""

    path: Path | None
    missing: bool = False  # the caller suggests a near name (E110)
    files: list[CodeFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    size: int = 0  # bytes of the files so far
    entries: int = 0  # files and folders walked so far

    @property
    def ok(self) -> bool:
        return self.path is not None and not any(not p.warning for p in self.problems)

    def report(self, diags: Diagnostics, span: Span) -> None:
        """Each problem as a diagnostic at `span` (the `code` value), a few at most."""
        for problem in self.problems[:MAX_PROBLEMS]:
            add = diags.warning if problem.warning else diags.error
            add(problem.code, problem.message, span, hints=problem.hints)
        extra = len(self.problems) - MAX_PROBLEMS
        if extra > 0:
            diags.error("E024", f"... and {extra} more problems in this code folder", span)


def code_value_span(st: s.ResourceDecl) -> Span:
    """The span of the `code = "..."` value, where its problems point."""
    for item in st.items:
        if isinstance(item, s.Attribute) and item.name.text == "code":
            return item.value.span
    return st.name.span


def inspect_code(directory: Path, code: str, program_files: Iterable[Path] = ()) -> CodeTree:
    """`code` relative to `directory` (the program file's folder): every file the zip
    will hold, or the problems that stop it."""
    try:
        path = (directory / code).resolve()
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return CodeTree(Path(os.path.abspath(directory / code)), missing=True)
    except (OSError, ValueError) as err:  # a name too long, a NUL byte, no permission
        return CodeTree(None, problems=[_unreadable(code, err)])
    if stat.S_ISREG(info.st_mode):
        if info.st_size > MAX_CODE_BYTES:
            return CodeTree(None, problems=[_too_large(code)])
        return CodeTree(path, files=[CodeFile(path.name, path, info.st_size, info.st_mtime_ns)])
    if not stat.S_ISDIR(info.st_mode):
        return CodeTree(None, problems=[_not_regular(code, info.st_mode, "`code`")])
    tree = CodeTree(path)
    _walk(tree, path, "", path, set())
    programs = sorted(
        str(p.relative_to(path)) for p in _resolved(program_files) if path in p.parents
    )
    if programs:
        tree.problems.append(
            Problem(
                "W020",
                f"the code folder `{code}` holds this program's own `{programs[0]}`",
                ("the program's files are packaged into the function's code; "
                 "put the code in a folder of its own, like `src/`",),
                warning=True,
            )
        )  # fmt: skip
    if not tree.ok:
        tree.path = None
    tree.files.sort(key=lambda f: f.arc)
    return tree


def _resolved(paths: Iterable[Path]) -> list[Path]:
    out = []
    for p in paths:
        try:
            out.append(p.resolve())
        except (OSError, ValueError):
            continue
    return out


def _walk(tree: CodeTree, root: Path, prefix: str, folder: Path, seen: set[Path]) -> None:
    """Depth first, entries sorted: `seen` holds the folders on the way down (a link to
    one of them would loop)."""
    seen = seen | {folder}
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as err:
        tree.problems.append(_unreadable(prefix or ".", err))
        return
    for entry in entries:
        name = entry.name
        arc = f"{prefix}{name}"
        if name.startswith(".") or name in _SKIP_DIRS or name.endswith(_SKIP_SUFFIXES):
            continue
        tree.entries += 1
        if tree.entries > MAX_CODE_ENTRIES:
            tree.problems.append(
                Problem("E024", f"the code folder has more than {MAX_CODE_ENTRIES:,} entries")
            )
            return
        try:
            info = entry.stat(follow_symlinks=False)
            target = Path(entry.path)
            if stat.S_ISLNK(info.st_mode):
                target = Path(os.path.realpath(entry.path, strict=True))
                if target != root and root not in target.parents:
                    tree.problems.append(_outside(arc, os.readlink(entry.path)))
                    continue
                info = os.stat(target)
                if stat.S_ISDIR(info.st_mode) and (target in seen or target == root):
                    tree.problems.append(_loop(arc))
                    continue
        except (FileNotFoundError, RuntimeError):
            tree.problems.append(_dangling(arc, entry.path))
            continue
        except OSError as err:
            if err.errno == errno.ELOOP:
                tree.problems.append(_loop(arc))
            else:
                tree.problems.append(_unreadable(arc, err))
            continue
        if stat.S_ISDIR(info.st_mode):
            if _is_output(target):
                continue
            _walk(tree, root, f"{arc}/", target, seen)
            if tree.entries > MAX_CODE_ENTRIES or tree.size > MAX_CODE_BYTES:
                return
        elif stat.S_ISREG(info.st_mode):
            tree.size += info.st_size
            if tree.size > MAX_CODE_BYTES:
                tree.problems.append(_too_large(arc))
                return
            tree.files.append(CodeFile(arc, target, info.st_size, info.st_mtime_ns))
        else:
            tree.problems.append(_not_regular(arc, info.st_mode, f"`{arc}` in the code folder"))


def _is_output(folder: Path) -> bool:
    """A folder a previous `iac compile` wrote (its `--out`): never packaged."""
    return any((folder / target / mark).is_file() for target, mark in _OUTPUT_MARKS)


def _unreadable(what: str, err: OSError | ValueError) -> Problem:
    why = err.strerror if isinstance(err, OSError) and err.strerror else str(err)
    shown = what if len(what) <= 80 else what[:40] + "..." + what[-30:]
    hints: tuple[str, ...] = ()
    if isinstance(err, OSError) and err.errno == errno.ENAMETOOLONG:
        hints = ("a file name has at most 255 bytes, and a whole path at most 4,096",)
    return Problem("E020", f"`{shown}` can't be read: {why.lower()}", hints)


def _not_regular(arc: str, mode: int, what: str) -> Problem:
    kind = (
        "a FIFO"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "not a regular file"
    )
    return Problem(
        "E021",
        f"{what} is {kind}: only regular files and folders are packaged",
        ("remove it from the code folder, or point `code` at a folder without it",),
    )


def _outside(arc: str, link: str) -> Problem:
    return Problem(
        "E022",
        f"`{arc}` links outside the code folder (to `{link}`)",
        ("only what the code folder holds is packaged: copy the file in instead",),
    )


def _dangling(arc: str, path: str) -> Problem:
    try:
        where = os.readlink(path)
    except OSError:
        where = "?"
    return Problem(
        "E023",
        f"`{arc}` is a link to `{where}`, which does not exist",
        ("remove the link, or create what it points to",),
    )


def _loop(arc: str) -> Problem:
    return Problem(
        "E023",
        f"`{arc}` is a link that loops back on itself or a folder holding it",
        ("remove the link",),
    )


def _too_large(arc: str) -> Problem:
    return Problem(
        "E024",
        f"the code is larger than Lambda's limit of 250 MB unzipped (at `{arc}`)",
        ("package large dependencies as a layer or a container image",),
    )
