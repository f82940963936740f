"""Function code as deterministic, content-hashed zip archives."""

from __future__ import annotations

import hashlib
import io
import os
import stat
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..codepath import inspect_code

_EPOCH = (1980, 1, 1, 0, 0, 0)


class CodeChanged(OSError):
    """The code changed between the check and the zip (a file became a FIFO, grew)."""


@dataclass(frozen=True)
class Asset:
    """A zip the targets place beside their output as `file_name`."""

    name: str  # the function's name
    file_name: str  # NAME-HASH.zip
    sha256: str
    data: bytes


def zip_code(name: str, path: Path) -> Asset:
    """Sorted entries, fixed timestamps and modes: the same code gives the same bytes.
    The files are the ones the checker inspected (iac/codepath.py): the same walk."""
    tree = inspect_code(path, ".")
    if not tree.ok:
        problem = next(p for p in tree.problems if not p.warning)
        raise CodeChanged(f"{path}: {problem.message}")
    stamp = tuple((f.arc, str(f.path), f.mtime_ns, f.size) for f in tree.files)
    data = _zip(stamp)
    digest = hashlib.sha256(data).hexdigest()
    return Asset(name, f"{name.replace('_', '-')}-{digest[:16]}.zip", digest, data)


@lru_cache(maxsize=256)
def _zip(files: tuple[tuple[str, str, int, int], ...]) -> bytes:
    # Modification times and sizes key the cache, so an edited file is zipped again.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for arc, full, _, size in files:
            info = zipfile.ZipInfo(arc, date_time=_EPOCH)
            info.external_attr = (0o100644 & 0xFFFF) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            zf.writestr(info, _read_regular(full, size), compresslevel=9)
    return buf.getvalue()


def _read_regular(path: str, size: int) -> bytes:
    """A regular file's bytes, read without blocking and no more than were checked:
    a file swapped for a FIFO or grown since the check is an error, never a hang."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise CodeChanged(f"{path}: no longer a regular file")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(size + 1)
    finally:
        os.close(fd)
    if len(data) != size:
        raise CodeChanged(f"{path}: changed while it was packaged")
    return data
