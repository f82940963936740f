"""A language client for the tests: pygls's own, talking to the real `iac lsp` process
over stdio. Notifications (diagnostics, preview changes, log messages) are collected so
a test can wait for the one it expects."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import Any

from lsprotocol import types as t
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parent.parent


class Session:
    def __init__(self, root: Path, options: dict[str, Any] | None = None):
        self.root = root
        self.options = {"debounceMs": 10, **(options or {})}
        self.client = LanguageClient("iac-tests", "1")
        self.diagnostics: dict[str, list[t.Diagnostic]] = {}
        self.diag_events: asyncio.Queue[str] = asyncio.Queue()
        self.previews: asyncio.Queue[Any] = asyncio.Queue()
        self.logs: list[str] = []
        self.messages: list[str] = []
        self.versions: dict[str, int] = {}

        @self.client.feature(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _diags(params: t.PublishDiagnosticsParams) -> None:
            self.diagnostics[params.uri] = list(params.diagnostics)
            self.diag_events.put_nowait(params.uri)

        @self.client.feature("iac/previewDidChange")
        def _preview(params: Any) -> None:
            self.previews.put_nowait(params)

        @self.client.feature(t.WINDOW_LOG_MESSAGE)
        def _log(params: t.LogMessageParams) -> None:
            self.logs.append(params.message)

        @self.client.feature(t.WINDOW_SHOW_MESSAGE)
        def _show(params: t.ShowMessageParams) -> None:
            self.messages.append(params.message)

    async def __aenter__(self) -> Session:
        env = dict(os.environ, PYTHONPATH=str(REPO))
        await self.client.start_io(sys.executable, "-m", "iac.cli", "lsp", env=env)
        caps = t.ClientCapabilities(
            text_document=t.TextDocumentClientCapabilities(
                completion=t.CompletionClientCapabilities(
                    completion_item=t.ClientCompletionItemOptions(snippet_support=True)
                )
            )
        )
        self.init = await self.client.initialize_async(
            t.InitializeParams(
                capabilities=caps,
                root_uri=self.root.as_uri(),
                initialization_options=self.options,
            )
        )
        self.client.initialized(t.InitializedParams())
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self.client.stopped:
            return
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), 30)
        except Exception:  # noqa: BLE001 - the process may be gone already
            pass
        try:
            self.client.exit(None)
        except Exception:  # noqa: BLE001 - the process may be gone already
            pass
        server = self.client._server
        try:
            await asyncio.wait_for(self.client.stop(), 30)
        except TimeoutError:
            if server is not None and server.returncode is None:
                server.kill()
                err = await server.stderr.read() if server.stderr else b""
                raise AssertionError(
                    "iac lsp did not exit within 30 s of `exit`; its stderr:\n"
                    + err.decode(errors="replace")
                ) from None
            raise

    def uri(self, path: Path) -> str:
        return path.resolve().as_uri()

    def open(self, path: Path, text: str | None = None) -> str:
        uri = self.uri(path)
        self.versions[uri] = 1
        self.client.text_document_did_open(
            t.DidOpenTextDocumentParams(
                t.TextDocumentItem(
                    uri=uri,
                    language_id="iac",
                    version=1,
                    text=text if text is not None else path.read_text(),
                )
            )
        )
        return uri

    def change(self, uri: str, text: str) -> None:
        self.versions[uri] += 1
        self.client.text_document_did_change(
            t.DidChangeTextDocumentParams(
                t.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                [t.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    def edit(self, uri: str, line: int, char: int, end_line: int, end_char: int, text: str) -> None:
        self.versions[uri] += 1
        self.client.text_document_did_change(
            t.DidChangeTextDocumentParams(
                t.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                [
                    t.TextDocumentContentChangePartial(
                        range=t.Range(
                            start=t.Position(line=line, character=char),
                            end=t.Position(line=end_line, character=end_char),
                        ),
                        text=text,
                    )
                ],
            )
        )

    async def wait_diagnostics(self, uri: str, timeout: float = 20) -> list[t.Diagnostic]:
        while True:
            got = await asyncio.wait_for(self.diag_events.get(), timeout)
            if got == uri:
                return self.diagnostics[uri]

    async def request(self, method: str, params: Any, timeout: float = 30) -> Any:
        sent = self.client.protocol.send_request_async(method, params)
        return plain(await asyncio.wait_for(sent, timeout))

    async def wait_preview(self, timeout: float = 20) -> Any:
        return plain(await asyncio.wait_for(self.previews.get(), timeout))


def plain(value: Any) -> Any:
    """pygls hands custom results over as named tuples: back to dicts and lists."""
    if hasattr(value, "_asdict"):
        return {k: plain(v) for k, v in value._asdict().items()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def pos(text: str, needle: str, delta: int = 0) -> t.Position:
    """The LSP position of the first `needle` in `text` (plus `delta` characters)."""
    offset = text.index(needle) + delta
    line = text.count("\n", 0, offset)
    col = offset - (text.rfind("\n", 0, offset) + 1)
    return t.Position(line=line, character=col)
