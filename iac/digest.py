"""SHA-256 in hex: the one hash iac writes (asset names, shortened physical names) and
checks (the compiled templates against their sources)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _constructor() -> Callable[[bytes], Any]:
    """CPython's own SHA-256 (`_sha256` in 3.11, `_sha2` from 3.12): the digest hashlib
    gives, without loading OpenSSL, which took 2.5 ms of every compile's start."""
    import importlib

    for name in ("_sha256", "_sha2"):
        try:
            found: Callable[[bytes], Any] = importlib.import_module(name).sha256
        except (ImportError, AttributeError):
            continue
        return found
    from hashlib import sha256  # a Python built without them

    return sha256


_sha256 = _constructor()


def sha256_hex(data: bytes) -> str:
    """`hashlib.sha256(data).hexdigest()`."""
    digest: str = _sha256(data).hexdigest()
    return digest
