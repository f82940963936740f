"""The back half: app model -> plan -> each target's files, written atomically."""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import re
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from .diagnostics import Diagnostic
from .emit import registry
from .emit.base import Rendered
from .model import App
from .package import package
from .plan import Plan, plan
from .records import field, record

# Each registered target's render function; a target's module loads on first use.
TARGETS: dict[str, Callable[[Plan], Rendered]] = {
    name: functools.partial(registry.render, name) for name in registry.names()
}


class UnsafeOutput(Exception):
    """An --out folder the compiler refuses to replace."""


@record(frozen=False)
class Compiled:
    plan: Plan | None
    files: dict[str, bytes] = field(default_factory=dict)  # "cfn/template.yaml" -> bytes
    diagnostics: list[Diagnostic] = field(default_factory=list)


def compile_app(app: App, targets: list[str], jobs: int = 1) -> Compiled:
    """The files of `targets`. With `jobs` > 1 and a plan big enough to pay for it, the
    targets are rendered at once in forked processes (see `_render_forked`); the bytes
    are the same either way."""
    with _model_frozen():
        return _compile_app(app, targets, jobs)


@contextlib.contextmanager
def _model_frozen() -> Iterator[None]:
    """The cyclic collector's full passes went over the whole syntax tree and model,
    again and again while the plan grew, which made planning 10,000 resources
    superlinear. Everything alive before the compile is moved out of its sight
    (`gc.freeze`), and the collector is paused while the compile runs: plans and
    rendered text hold no reference cycles, so its passes found nothing and cost ~5%
    of the compile (measured at 1,000 and 10,000 resources, with the same peak
    memory). What the compile leaves is collected as usual afterwards."""
    enabled = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        gc.unfreeze()
        if enabled:
            gc.enable()


def _compile_app(app: App, targets: list[str], jobs: int) -> Compiled:
    planned = plan(app)
    result = Compiled(planned, diagnostics=list(planned.diagnostics))
    if result.diagnostics:
        return result
    planned = result.plan = package(planned)  # zips the code: a stage of its own
    result.diagnostics = list(planned.diagnostics)
    if result.diagnostics:
        return result
    if jobs > 1 and len(targets) > 1 and len(planned.nodes) >= FORK_NODES and _can_fork():
        renders = _render_forked(planned, targets, jobs)
    else:
        renders = [TARGETS[target](planned) for target in targets]
    for target, rendered in zip(targets, renders, strict=True):
        result.diagnostics.extend(rendered.diagnostics)
        for path, data in rendered.files.items():
            result.files[f"{target}/{path}"] = data
    return result


# Below this many plan nodes (about 50 declared resources) every target renders in a
# few milliseconds: a fork and the copy of its result back would cost more than it saves.
FORK_NODES = 200


def _can_fork() -> bool:
    import threading  # a big plan only: a small compile never asks (0.8 ms to load)

    return hasattr(os, "fork") and threading.active_count() == 1


def _render_forked(planned: Plan, targets: list[str], jobs: int) -> list[Rendered]:
    """The targets rendered in `jobs` processes at once (at most one per target): this
    one and forked children, each rendering every `jobs`-th target. Targets share
    nothing once the plan is made, so a child renders from its copy of the plan and
    sends back the files and diagnostics it made (pickled through a pipe); the results
    are put back in `targets`' order, so the output does not depend on which process
    ends first. A child that fails sends its exception, raised here as if the render
    had run in this process; if this process is interrupted, the children still
    running are killed and reaped."""
    import pickle

    shares = [targets[k :: min(jobs, len(targets))] for k in range(min(jobs, len(targets)))]
    children: list[tuple[int, int]] = []  # (pid, read end of its pipe)
    _flush_stdio()  # buffered output would be written twice, once by each process
    try:
        for share in shares[1:]:
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: render, send, and leave without running any cleanup
                os.close(read)
                try:
                    sent: tuple[list[Rendered] | None, BaseException | None]
                    try:
                        sent = ([TARGETS[target](planned) for target in share], None)
                    except BaseException as err:  # noqa: BLE001 - sent to the parent
                        sent = (None, _picklable(err))
                    payload = pickle.dumps(sent, pickle.HIGHEST_PROTOCOL)
                    with os.fdopen(write, "wb") as stream:
                        stream.write(payload)
                finally:
                    os._exit(0)
            os.close(write)
            children.append((pid, read))
        done = [[TARGETS[target](planned) for target in shares[0]]]
        while children:
            pid, read = children.pop(0)
            try:
                with os.fdopen(read, "rb") as stream:
                    data = stream.read()
            finally:
                _reap(pid)
            rendered, error = pickle.loads(data) if data else (None, _lost(pid))
            if error is not None:
                raise error
            assert rendered is not None
            done.append(rendered)
        by_target = {
            t: r
            for share, made in zip(shares, done, strict=True)
            for t, r in zip(share, made, strict=True)
        }
        return [by_target[target] for target in targets]
    finally:
        for pid, read in children:  # not read yet: this process is leaving early
            os.close(read)
            _reap(pid)


def _reap(pid: int) -> None:
    """End a child (it may have ended already) and collect its exit."""
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _flush_stdio() -> None:
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            with contextlib.suppress(Exception):
                stream.flush()


def _picklable(err: BaseException) -> BaseException:
    import pickle

    try:
        pickle.loads(pickle.dumps(err))
    except Exception:  # noqa: BLE001 - an exception that cannot travel: its text can
        return RuntimeError(f"{type(err).__name__}: {err}")
    return err


def _lost(pid: int) -> BaseException:
    return RuntimeError(f"the process rendering a target (pid {pid}) ended without a result")


def write_output(
    out: Path, files: dict[str, bytes], program: Path, extra: dict[Path, bytes] | None = None
) -> None:
    """Write every file under `out`, all targets or none.

    `extra` files (the lock beside the program) are staged beside their final place
    first and renamed into it right after the targets are swapped in: a compile that
    fails at any point writes none of them.

    The files are staged in a fresh folder inside `out`; then each target folder is
    swapped in with `os.replace`, the previous one parked in a backup folder. Any
    failure (a full disk, an exception, Ctrl-C while staging) rolls every target
    back, so `out` stays byte for byte as it was and no temporary folder is left.
    Ctrl-C during the swap itself waits for the swap to finish. Only `out/<target>/`
    folders are ever replaced; a path that would land elsewhere is refused.
    """
    out = checked_out(out, program)
    paths = {_checked_path(rel): data for rel, data in files.items()}
    targets = sorted({p.parts[0] for p in paths})
    created = [p for p in reversed([out, *out.parents]) if not p.exists()]
    staging: Path | None = None
    staged_extra: list[tuple[Path, Path]] = []
    try:
        for final, data in sorted((extra or {}).items()):
            handle, temp_name = _fresh(final.parent / f".{final.name}.", folder=False)
            staged_extra.append((temp_name, final))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
        out.mkdir(parents=True, exist_ok=True)
        _recover_abandoned(out)
        staging = _fresh(out / f"{_STAGING}{os.getpid()}-", folder=True)[1]
        _stage(staging, paths)
        with _interrupts_deferred():
            _swap(out, staging, targets)
            _remove_tree(staging)
            for staged, final in staged_extra:
                os.chmod(staged, 0o644)
                os.replace(staged, final)
    except BaseException:
        with _interrupts_deferred():
            for staged, _ in staged_extra:
                with contextlib.suppress(OSError):
                    staged.unlink()
            if staging is not None:
                _remove_tree(staging)
            for folder in reversed(created):
                with contextlib.suppress(OSError):
                    folder.rmdir()  # only if still empty: it was made for this run
        raise


def _stage(staging: Path, paths: dict[PurePosixPath, bytes]) -> None:
    """Write every file under `staging`. A file that another target has too, with the
    same bytes (the functions' code zips: one per function and target), is a hard link
    to the first copy: creating a file costs more than linking one (600 zips at 1,000
    resources took a third of the write), and the zips are never written to in place.
    Where the filesystem refuses links, the copy is written as any other file."""
    folders: set[Path] = set()
    written: dict[PurePosixPath, tuple[bytes, Path]] = {}  # within a target -> first copy
    for rel, data in sorted(paths.items()):
        path = staging.joinpath(*rel.parts)
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        inner = PurePosixPath(*rel.parts[1:])
        first = written.get(inner)
        if first is not None and first[0] == data:
            try:
                os.link(first[1], path)
                continue
            except OSError:
                pass
        else:
            written[inner] = (data, path)
        path.write_bytes(data)


@record(frozen=False)
class Staleness:
    """What `iac compile --check` found: paths relative to `out`, sorted."""

    differ: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def stale(self) -> bool:
        return bool(self.differ or self.missing or self.extra)


def compare_output(out: Path, files: dict[str, bytes], targets: list[str]) -> Staleness:
    """Compare compiled files with what is under `out/<target>/`; reads, never writes."""
    found: dict[str, Path] = {}
    for target in targets:
        folder = out / target
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file() or path.is_symlink():
                    found[path.relative_to(out).as_posix()] = path
    result = Staleness()
    for rel in sorted(files):
        on_disk = found.get(rel)
        if on_disk is None:
            result.missing.append(rel)
        elif not on_disk.is_file() or on_disk.is_symlink() or read_bounded(on_disk) != files[rel]:
            result.differ.append(rel)
    result.extra = sorted(set(found) - set(files))
    return result


def read_bounded(path: Path, limit: int = 256 * 1024 * 1024) -> bytes | None:
    """A file's bytes, or None when it is larger than any output iac writes."""
    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    return None if len(data) > limit else data


_STAGING = ".iac-staging-"
_BACKUP = ".iac-backup-"
_ABANDONED = re.compile(r"^\.iac-(staging|backup)-(\d+)-")


def checked_out(out: Path, program: Path) -> Path:
    """`out`, resolved; UnsafeOutput when it holds the program or is not a folder."""
    out = out.resolve()
    source = program.resolve()
    source_dir = source if source.is_dir() else source.parent
    if out == source_dir or out in source_dir.parents:
        raise UnsafeOutput(
            f"--out {out} holds the program itself (its folder or a parent of it); "
            "choose another folder"
        )
    if out.exists() and not out.is_dir():
        raise UnsafeOutput(f"--out {out} is a file, not a folder; choose another folder")
    return out


def _checked_path(rel: str) -> PurePosixPath:
    """`target/...`, relative and normalised: nothing can climb out of its target folder."""
    path = PurePosixPath(rel)
    if (
        str(path) != rel
        or path.is_absolute()
        or len(path.parts) < 2
        or path.parts[0] not in TARGETS
        or any(part in ("..", ".") or "\\" in part or "\x00" in part for part in path.parts)
    ):
        raise UnsafeOutput(f"refusing to write `{rel}`: it is not inside a target folder")
    return path


def _swap(out: Path, staging: Path, targets: list[str]) -> None:
    """Swap each staged target in; on any failure put every previous folder back."""
    backup = _fresh(out / f"{_BACKUP}{os.getpid()}-", folder=True)[1]
    parked: list[str] = []
    placed: list[str] = []
    try:
        for target in targets:
            final = out / target
            if final.exists() or final.is_symlink():
                os.replace(final, backup / target)
                parked.append(target)
            os.replace(staging / target, final)
            placed.append(target)
    except BaseException:
        for target in reversed(placed):
            os.replace(out / target, staging / target)
        for target in reversed(parked):
            os.replace(backup / target, out / target)
        _remove_tree(backup)
        raise
    _remove_tree(backup)


def _recover_abandoned(out: Path) -> None:
    """A run killed outright (SIGKILL, power loss) may leave its folders behind: put any
    parked target folder that is missing back, then remove them. Live runs are left alone."""
    for entry in sorted(out.iterdir()):
        match = _ABANDONED.match(entry.name)
        if not match or not entry.is_dir() or _alive(int(match.group(2))):
            continue
        if match.group(1) == "backup":
            for parked in sorted(entry.iterdir()):
                final = out / parked.name
                if parked.name in TARGETS and not (final.exists() or final.is_symlink()):
                    os.replace(parked, final)
        _remove_tree(entry)


# tempfile's mkstemp and mkdtemp, and shutil's rmtree, written out: importing tempfile
# and shutil (which imports bz2 and lzma) cost ~4 ms, a tenth of a small compile.


def _fresh(prefix: Path, folder: bool) -> tuple[int, Path]:
    """A new file (its open descriptor, mode 0o600) or folder (mode 0o700, descriptor -1)
    named `prefix` and a random suffix, as tempfile's mkstemp and mkdtemp make them."""
    for _ in range(100):
        path = prefix.with_name(prefix.name + os.urandom(6).hex())
        try:
            if folder:
                os.mkdir(path, 0o700)
                return -1, path
            flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
            return os.open(path, flags | getattr(os, "O_BINARY", 0), 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free name for {prefix}*")


# Where a folder can be walked by descriptors (POSIX), no link is ever followed, even
# one swapped in while the folder is removed (as shutil's rmtree does there).
_BY_DESCRIPTOR = (
    hasattr(os, "O_DIRECTORY")
    and hasattr(os, "O_NOFOLLOW")
    and {os.open, os.rmdir, os.unlink} <= os.supports_dir_fd
    and os.scandir in os.supports_fd
)
_OPEN_FOLDER = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)


def _remove_tree(path: Path) -> None:
    """`shutil.rmtree(path, ignore_errors=True)`: a folder this compiler made (staging,
    backup) and all it holds; a link is removed, never followed; errors are ignored."""
    if not _BY_DESCRIPTOR:
        import shutil  # elsewhere (Windows): shutil's own walk

        shutil.rmtree(path, ignore_errors=True)
        return
    try:
        fd = os.open(path, _OPEN_FOLDER)
    except OSError:
        return  # gone, or not a folder (a link to one is not followed)
    try:
        _remove_entries(fd)
    finally:
        os.close(fd)
    with contextlib.suppress(OSError):
        os.rmdir(path)


def _remove_entries(fd: int) -> None:
    entries: list[tuple[str, bool]] = []
    with contextlib.suppress(OSError), os.scandir(fd) as found:
        entries = [(e.name, e.is_dir(follow_symlinks=False)) for e in found]
    for name, is_folder in entries:
        with contextlib.suppress(OSError):
            if not is_folder:
                os.unlink(name, dir_fd=fd)
                continue
            inner = os.open(name, _OPEN_FOLDER, dir_fd=fd)  # fails on a link swapped in
            try:
                _remove_entries(inner)
            finally:
                os.close(inner)
            os.rmdir(name, dir_fd=fd)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, ValueError, OverflowError):
        return True  # someone else's process, or a platform without signal 0
    return True


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C (and SIGTERM) for a few renames, then deliver it."""
    held: list[int] = []
    previous: dict[int, Any] = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            previous[sig] = signal.signal(sig, lambda n, _f: held.append(n))
        except (ValueError, OSError):  # not the main thread (the language server's)
            pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    for number in held[:1]:
        signal.raise_signal(number)
