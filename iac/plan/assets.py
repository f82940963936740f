"""Function code as deterministic, content-hashed zip archives."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_EPOCH = (1980, 1, 1, 0, 0, 0)
_SKIP_DIRS = {"__pycache__", ".git", ".venv", "node_modules/.cache"}


@dataclass(frozen=True)
class Asset:
    """A zip the targets place beside their output as `file_name`."""

    name: str  # the function's name
    file_name: str  # NAME-HASH.zip
    sha256: str
    data: bytes


def _files(path: Path) -> list[tuple[str, Path]]:
    if path.is_file():
        return [(path.name, path)]
    out = []
    for dirpath, dirnames, filenames in os.walk(path):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS)
        for f in filenames:
            if f.endswith((".pyc", ".pyo")) or f == ".DS_Store":
                continue
            full = Path(dirpath) / f
            out.append((full.relative_to(path).as_posix(), full))
    return sorted(out)


def zip_code(name: str, path: Path) -> Asset:
    """Sorted entries, fixed timestamps and modes: the same code gives the same bytes."""
    files = _files(path)
    stamp = tuple((arc, f.stat().st_mtime_ns, f.stat().st_size) for arc, f in files)
    data = _zip(tuple((arc, str(f)) for arc, f in files), stamp)
    digest = hashlib.sha256(data).hexdigest()
    return Asset(name, f"{name.replace('_', '-')}-{digest[:16]}.zip", digest, data)


@lru_cache(maxsize=256)
def _zip(files: tuple[tuple[str, str], ...], stamp: object) -> bytes:
    # `stamp` keys the cache on modification times, so an edited file is zipped again.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for arc, full in files:
            info = zipfile.ZipInfo(arc, date_time=_EPOCH)
            info.external_attr = (0o100644 & 0xFFFF) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            zf.writestr(info, Path(full).read_bytes(), compresslevel=9)
    return buf.getvalue()
