"""Programs in the editor: which files make one, unsaved buffers over the disk, and the
analysis of each program version (check, then the plan on demand)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..checker import check_modules
from ..checker.memo import CheckMemo
from ..diagnostics import Diagnostic, Diagnostics, Severity
from ..emit.base import RenderCache
from ..frontend import gc_paused
from ..model import App
from ..package import package
from ..plan import Plan, PlanMemo, plan
from ..source import Span
from .document import FileState, file_offset
from .symbols import SymbolIndex

_APP_BLOCK = re.compile(r"^app\s", re.M)


@dataclass
class Analysis:
    """One version of a program: every file's parse, the check, and the plan when asked."""

    version: int
    files: dict[Path, FileState]
    diagnostics: list[Diagnostic]
    app: App | None
    _plan: Plan | None = None
    _packaged: Plan | None = None
    _symbols: SymbolIndex | None = None
    params: dict[str, str] = field(default_factory=dict)
    # The program's render cache per target, shared by its versions (iac/emit/base.py).
    render_caches: dict[str, RenderCache] = field(default_factory=dict)
    # The blocks of the program's last preview per target, by their text (preview.py).
    map_caches: dict[str, Any] = field(default_factory=dict)
    # The program's plan memo, shared by its versions (iac/plan/memo.py).
    plan_memo: PlanMemo | None = None

    @property
    def ok(self) -> bool:
        return self.app is not None and not any(
            d.severity is Severity.ERROR for d in self.diagnostics
        )

    @property
    def plan(self) -> Plan | None:
        if self._plan is None and self.ok and self.app is not None:
            with gc_paused():
                # Previews name each function's zip by its hash, as `iac compile` does
                # (zips are cached by the files' stamps, so an unchanged code folder
                # is not zipped again).
                self._plan = package(plan(self.app, self.plan_memo))
        return self._plan

    @property
    def packaged(self) -> Plan | None:
        """The plan with its code zipped, as `iac compile` renders it; None while the
        plan has errors. Unchanged code is not zipped again: the packaging stage caches
        each zip by the files it holds, their sizes and modification times."""
        planned = self.plan  # already packaged: zipping it again would only cost time
        if self._packaged is None and planned is not None:
            if not any(d.severity is Severity.ERROR for d in planned.diagnostics):
                self._packaged = planned
        return self._packaged

    @property
    def symbols(self) -> SymbolIndex:
        if self._symbols is None:
            self._symbols = SymbolIndex({p: f.module() for p, f in self.files.items()})
        return self._symbols

    def location(self, span: Span) -> tuple[Path, int, int]:
        """A span as (file, start offset, end offset) in the file's current text."""
        start, end = file_offset(span)
        return span.source.path, start, end


class Project:
    """One program: a folder of `.iac` files, or one file."""

    def __init__(self, root: Path, params: dict[str, str] | None = None):
        self.root = root
        self.params = dict(params or {})
        self.files: dict[Path, FileState] = {}
        self.version = 0
        self._analysis: Analysis | None = None
        self.render_caches: dict[str, RenderCache] = {}
        self.map_caches: dict[str, Any] = {}
        self.last_good: Analysis | None = None
        # what the checker reuses from one analysis to the next (iac/checker/memo.py)
        self.check_memo = CheckMemo()
        self.plan_memo = PlanMemo()

    def paths(self, buffers: dict[Path, str]) -> list[Path]:
        if self.root.suffix == ".iac" and not self.root.is_dir():
            return [self.root]
        on_disk = {p for p in _iac_files(self.root)}
        in_editor = {p for p in buffers if p.parent == self.root and p.suffix == ".iac"}
        return sorted(on_disk | in_editor)

    def sync(self, buffers: dict[Path, str]) -> bool:
        """Bring every file up to date (buffers win over the disk); True when anything
        changed since the last analysis."""
        changed = False
        wanted = self.paths(buffers)
        for path in list(self.files):
            if path not in wanted:
                del self.files[path]
                changed = True
        for path in wanted:
            text = buffers.get(path)
            if text is None:
                text = _read(path)
            state = self.files.get(path)
            if state is None:
                self.files[path] = FileState(path, text)
                changed = True
            elif state.text != text:
                state.update(text)
                changed = True
        if changed or self._analysis is None:
            self.version += 1
            self._analysis = None
        return changed

    def analysis(self) -> Analysis:
        if self._analysis is None:
            self._analysis = self._analyze()
            if self._analysis.ok:
                self.last_good = self._analysis
        return self._analysis

    def _analyze(self) -> Analysis:
        files = dict(self.files)
        diags = Diagnostics([d for f in files.values() for d in f.diagnostics])
        if not files:
            return Analysis(self.version, files, [], None)
        if diags.has_errors or not all(f.ok for f in files.values()):
            return Analysis(self.version, files, diags.items, None)
        modules = [f.module() for f in files.values()]
        with gc_paused():
            try:
                app = check_modules(modules, self.root, diags, self.params, self.check_memo)
            except RecursionError:
                first = next(iter(files.values()))
                diags.error("E001", "the program nests too deeply", Span(first.source, 0, 0))
                app = None
        found = Analysis(self.version, files, diags.items, app, params=self.params)
        found.render_caches = self.render_caches
        found.map_caches = self.map_caches
        found.plan_memo = self.plan_memo
        return found


def _iac_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix == ".iac" and p.is_file())
    except OSError:
        return []


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError:
        return ""
    return data.decode("utf-8", errors="replace").replace("\x00", " ")


def program_root(path: Path, buffers: dict[Path, str]) -> Path:
    """The program a file belongs to. A folder's `.iac` files make one program, as
    `iac check FOLDER` reads them; but a folder where two or more files each declare an
    `app` holds several one-file programs (like `examples/`), and then the file is its
    own program."""
    folder = path.parent
    siblings = set(_iac_files(folder)) | {p for p in buffers if p.parent == folder}
    siblings.add(path)
    if len(siblings) == 1:
        return path
    apps = 0
    for p in siblings:
        text = buffers.get(p)
        if text is None:
            text = _read(p)
        if _APP_BLOCK.search(text):
            apps += 1
    return path if apps >= 2 else folder


class Workspace:
    """Every open buffer, and the programs they belong to."""

    def __init__(self, params: dict[str, str] | None = None):
        self.buffers: dict[Path, str] = {}
        self.projects: dict[Path, Project] = {}
        self.params = dict(params or {})

    def project_of(self, path: Path) -> Project:
        for project in self.projects.values():
            if path in project.files:
                return project
        root = program_root(path, self.buffers)
        found = self.projects.get(root)
        if found is None:
            found = self.projects[root] = Project(root, self.params)
        return found

    def open(self, path: Path, text: str) -> Project:
        self.buffers[path] = text
        project = self.project_of(path)
        project.sync(self.buffers)
        return project

    def change(self, path: Path, text: str) -> Project:
        return self.open(path, text)

    def close(self, path: Path) -> Project | None:
        self.buffers.pop(path, None)
        project = self.project_of(path)
        project.sync(self.buffers)
        if not any(p in self.buffers for p in project.files):
            self.projects.pop(project.root, None)
            return None
        return project

    def file(self, path: Path) -> FileState | None:
        for project in self.projects.values():
            state = project.files.get(path)
            if state is not None:
                return state
        return None
