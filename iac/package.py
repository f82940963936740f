"""Packaging: the stage between planning and rendering that zips function code.

The plan names each function's code (iac/plan/assets.py) and does no I/O; this stage
zips it, deterministically, and gives back the plan with every asset named by its
content hash (NAME-HASH.zip), which the targets then write beside their output.
`iac check` and `iac explain` never run it.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import zipfile
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from .codepath import inspect_code
from .diagnostics import Diagnostic, Severity
from .plan.assets import Asset, Zipped
from .plan.model import FunctionProps, Plan

_EPOCH = (1980, 1, 1, 0, 0, 0)


class CodeChanged(OSError):
    """The code changed between the check and the zip (a file became a FIFO, grew)."""


def package(plan: Plan) -> Plan:
    """The plan with every function's code zipped; a function whose code changed since
    it was checked is an error at the function (E202), and nothing is zipped for it."""
    nodes = []
    assets = []
    diagnostics = []
    # Functions sharing a code folder share its zip: the folder is walked once per
    # packaging (the language server packages on every keystroke).
    zips: dict[Path, Zipped] = {}
    for node in plan.nodes:
        props = node.props
        if isinstance(props, FunctionProps):
            try:
                zipped = zips.get(props.asset.path)
                if zipped is None:
                    zipped = zips[props.asset.path] = zip_code(props.asset)
                asset = props.asset.packaged(zipped)
            except CodeChanged as err:
                diagnostics.append(
                    Diagnostic(
                        "E202",
                        Severity.ERROR,
                        f"the code of function `{props.asset.name}` changed after it was "
                        f"checked: {err}",
                        node.source,
                        hints=("compile again once the code has stopped changing",),
                    )
                )
            else:
                node = replace(node, props=replace(props, asset=asset))
                assets.append(asset)
        nodes.append(node)
    return replace(plan, nodes=nodes, assets=assets, diagnostics=plan.diagnostics + diagnostics)


def zip_code(asset: Asset) -> Zipped:
    """Sorted entries, fixed timestamps and modes: the same code gives the same bytes.
    The files are the ones the checker inspected (iac/codepath.py): the same walk."""
    tree = inspect_code(asset.path, ".")
    if tree.missing:  # removed since the check: never an empty zip
        raise CodeChanged(f"{asset.path}: no longer exists")
    if not tree.ok:
        problem = next(p for p in tree.problems if not p.warning)
        raise CodeChanged(f"{asset.path}: {problem.message}")
    stamp = tuple((f.arc, str(f.path), f.mtime_ns, f.size) for f in tree.files)
    return _zipped(stamp)


@lru_cache(maxsize=256)
def _zipped(files: tuple[tuple[str, str, int, int], ...]) -> Zipped:
    # Modification times and sizes key the cache, so an edited file is zipped again;
    # unchanged code (the language server packages on every keystroke) is zipped once.
    data = _zip(files)
    return Zipped(hashlib.sha256(data).hexdigest(), data)


def _zip(files: tuple[tuple[str, str, int, int], ...]) -> bytes:
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
