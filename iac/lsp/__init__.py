"""The language server (`iac lsp`): pygls is imported here only, never by the compiler."""

from __future__ import annotations


def serve(tcp: str | None = None) -> None:
    from .server import serve as _serve

    _serve(tcp)
