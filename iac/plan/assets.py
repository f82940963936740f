"""Function code as the plan records it, and as the packaging stage zips it.

The plan does no I/O: it names each function's code (an Asset without a zip), and
iac/package.py zips it after planning, naming the zip by its content hash.
"""

from __future__ import annotations

from pathlib import Path

from ..records import record, replace


class Unpackaged(Exception):
    """A target asked for a zip that the packaging stage has not made."""


@record
class Zipped:
    sha256: str
    data: bytes


@record
class Asset:
    """A function's code; once packaged, a zip the targets place beside their output
    as `file_name`."""

    name: str  # the function's name
    path: Path  # its code, resolved: a file or a folder
    zipped: Zipped | None = None

    def packaged(self, zipped: Zipped) -> Asset:
        return replace(self, zipped=zipped)

    @property
    def _zip(self) -> Zipped:
        if self.zipped is None:
            raise Unpackaged(f"the code of `{self.name}` was not packaged before rendering")
        return self.zipped

    @property
    def file_name(self) -> str:
        """NAME-HASH.zip: the same code gives the same name."""
        return f"{self.name.replace('_', '-')}-{self._zip.sha256[:16]}.zip"

    @property
    def sha256(self) -> str:
        return self._zip.sha256

    @property
    def data(self) -> bytes:
        return self._zip.data
