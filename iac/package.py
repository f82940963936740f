"""Packaging: the stage between planning and rendering that zips function code.

The plan names each function's code (iac/plan/assets.py) and does no I/O; this stage
zips it, deterministically, and gives back the plan with every asset named by its
content hash (NAME-HASH.zip), which the targets then write beside their output.
`iac check` and `iac explain` never run it.
"""

from __future__ import annotations

import os
import stat
import zlib
from functools import lru_cache
from pathlib import Path

from .codepath import inspect_code
from .diagnostics import Diagnostic, Severity
from .digest import sha256_hex
from .plan.assets import Asset, Zipped
from .plan.model import FunctionProps, Plan
from .records import replace


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
    return Zipped(sha256_hex(data), data)


def _zip(files: tuple[tuple[str, str, int, int], ...]) -> bytes:
    """The zip `zipfile` writes (Python 3.11's `ZipFile.writestr` of each file, deflated
    at level 9, dated 1980-01-01, mode 0o644, made on Unix), byte for byte, written here:
    importing zipfile (and the bz2, lzma and struct it imports) cost more than zipping a
    small function's code. tests/test_package.py holds it to zipfile's bytes."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for arc, full, _, size in files:
        data = _read_regular(full, size)
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = compressor.compress(data) + compressor.flush()
        # The code is at most 250 MB (iac/codepath.py): no entry needs ZIP64's fields.
        assert len(data) * 1.05 <= _ZIP64_LIMIT and offset <= _ZIP64_LIMIT
        name = arc.encode("utf-8")
        flags = 0 if arc.isascii() else _UTF8_NAME
        crc = zlib.crc32(data)
        common = (flags, _DEFLATED, 0, _DOS_DATE, crc, len(packed), len(data), len(name))
        out += [_pack(b"PK\x03\x04", _LOCAL, _VERSION, 0, *common, 0), name, packed]
        central.append(
            _pack(b"PK\x01\x02", _CENTRAL, _VERSION, _UNIX, _VERSION, 0, *common,
                  0, 0, 0, 0, _FILE_MODE, offset)
        )  # fmt: skip
        central.append(name)
        offset += 30 + len(name) + len(packed)
    count, size = len(files), sum(map(len, central))
    out += central
    if count > 0xFFFF or offset > _ZIP64_LIMIT or size > _ZIP64_LIMIT:
        # More entries than the end record can count: ZIP64's end records too.
        out.append(_pack(b"PK\x06\x06", _END64, 44, 45, 45, 0, 0, count, count, size, offset))
        out.append(_pack(b"PK\x06\x07", _LOCATOR, 0, offset + size, 1))
        count, size, offset = min(count, 0xFFFF), min(size, 0xFFFFFFFF), min(offset, 0xFFFFFFFF)
    out.append(_pack(b"PK\x05\x06", _END, 0, 0, count, count, size, offset, 0))
    return b"".join(out)


def _pack(signature: bytes, widths: tuple[int, ...], *values: int) -> bytes:
    """`struct.pack("<4s...", signature, *values)`, each value little-endian in its width."""
    fields = zip(widths, values, strict=True)
    return signature + b"".join(value.to_bytes(width, "little") for width, value in fields)


# zipfile's records (Lib/zipfile.py), as the byte widths of their fields after the
# signature: structFileHeader "<4s2B4HL2L2H", structCentralDir "<4s4B4HL2L5H2L",
# structEndArchive64 "<4sQ2H2L4Q", structEndArchive64Locator "<4sLQL" and
# structEndArchive "<4s4H2LH".
_LOCAL = (1, 1, 2, 2, 2, 2, 4, 4, 4, 2, 2)
_CENTRAL = (1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 2, 2, 2, 2, 2, 4, 4)
_END64 = (8, 2, 2, 4, 4, 8, 8, 8, 8)
_LOCATOR = (4, 8, 4)
_END = (2, 2, 2, 2, 4, 4, 2)
_ZIP64_LIMIT = (1 << 31) - 1
_VERSION = 20  # made by, and needed to extract: deflate
_UNIX = 3
_DEFLATED = 8
_UTF8_NAME = 0x800  # the name is UTF-8 (an ASCII name has the flag clear)
_DOS_DATE = (1980 - 1980) << 9 | 1 << 5 | 1  # 1980-01-01; its time, 00:00:00, is 0
_FILE_MODE = 0o100644 << 16  # a regular file, rw-r--r--


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
