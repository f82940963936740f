"""`iac lsp`: the language server, on pygls and lsprotocol.

Every handler runs on the server's event loop, one at a time, so the workspace state is
never shared between threads; renders also hold `RENDER_LOCK` (see preview.py). A change
is applied after a short debounce; a request that arrives first applies it at once, so
answers always follow the latest text. An exception in a handler is logged to the client
and answered as an LSP error; the server carries on."""

from __future__ import annotations

import asyncio
import functools
import gc
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types as t
from pygls.exceptions import JsonRpcException, JsonRpcInternalError
from pygls.lsp.server import LanguageServer
from pygls.protocol import default_converter
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__
from ..compiler import TARGETS
from ..resources import data_dir
from . import actions, completion, hover, navigation, rename, tokens
from .convert import to_diagnostic, to_range, word_at
from .document import FileState, file_offset
from .preview import (
    Preview,
    generated_to_source,
    render_preview,
    source_to_generated,
    stale_copy,
)
from .workspace import Analysis, Project, Workspace

log = logging.getLogger("iac.lsp")
F = TypeVar("F", bound=Callable[..., Any])

PREVIEW = "iac/preview"
PREVIEW_CLOSE = "iac/previewClose"
PREVIEW_DID_CHANGE = "iac/previewDidChange"
SOURCE_TO_GENERATED = "iac/sourceToGenerated"
GENERATED_TO_SOURCE = "iac/generatedToSource"
COMMAND_PREVIEW = "iac.preview"


class JsonRpcRequestFailed(JsonRpcException):
    """LSP's RequestFailed: a valid request the server declines (a refused rename)."""

    CODE = -32803
    MESSAGE = "Request failed"

    def __init__(self, message: str):
        super().__init__(message=message, code=self.CODE)


def _get(obj: Any, key: str, default: Any = None) -> Any:
    """A field of custom-request params: pygls gives objects, tests may give dicts."""
    if obj is None:
        return default
    if isinstance(obj, dict):
        return obj.get(key, default)
    return getattr(obj, key, default)


class Collector:
    """The server process's cyclic garbage collection.

    Python collects when allocations outnumber frees; a keystroke allocates a new
    check, plan and preview (hundreds of thousands of objects at 1,000 resources), so
    automatic collection ran full passes over the whole server heap after nearly every
    keystroke (60-70 ms at 1,000 resources), finding nothing: the trees, models and
    plans hold no cycles, and reference counting frees them. So in `iac lsp` the
    automatic collector is off, what start-up made is frozen out of every pass, and
    one full collection runs when the server is idle (`idle` seconds after an analysis
    or a request, with no edit waiting) or, while the client never pauses, after every
    `every` analyses and requests: any cyclic garbage (pygls's futures, exceptions) is
    freed within a bounded number of them."""

    def __init__(self, idle: float = 1.0, every: int = 200):
        self.idle = idle
        self.every = every
        self.managed = False
        self.handled = 0  # analyses and requests since the last collection
        self.collections = 0
        self._timer: asyncio.TimerHandle | None = None

    def manage(self) -> None:
        """Take over from the automatic collector (the `iac lsp` process only)."""
        gc.collect()
        gc.freeze()  # modules, the catalogue, the tables: alive for the process
        gc.disable()
        self.managed = True

    def done(self, busy: Callable[[], bool]) -> None:
        """One analysis or request done: collect after every `every`, else once idle.
        `busy` says whether an edit is waiting (then the idle collection waits for it)."""
        if not self.managed:
            return
        self.handled += 1
        if self.handled >= self.every:
            self.collect()
            return
        if self._timer is not None:
            self._timer.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no loop (in process): the count alone
            return
        self._timer = loop.call_later(self.idle, self._when_idle, busy)

    def _when_idle(self, busy: Callable[[], bool]) -> None:
        self._timer = None
        if not busy() and self.handled:
            self.collect()

    def collect(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.handled = 0
        self.collections += 1
        gc.collect()


class JsonReady:
    """A message's params or result that is JSON already (plain dicts, lists, strings,
    numbers): sent as it is. pygls's converter otherwise walks and copies every object
    of it before `json.dumps`: for a preview at 1,000 resources (~60,000 small dicts,
    mostly the source map) that took 120–350 ms, more than the whole keystroke."""

    __slots__ = ("data",)

    def __init__(self, data: Any):
        self.data = data


def _converter() -> Any:
    converter = default_converter()  # type: ignore[no-untyped-call]
    converter.register_unstructure_hook(JsonReady, lambda ready: ready.data)
    return converter


class IacServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "iac",
            __version__,
            text_document_sync_kind=t.TextDocumentSyncKind.Incremental,
            converter_factory=_converter,
        )
        self.ws = Workspace()
        self.debounce = 0.05
        self.paths_to_uris: dict[Path, str] = {}
        self.pending: dict[Path, asyncio.TimerHandle] = {}
        self.shut_down = False  # a `shutdown` request came: `exit` then ends with 0
        self.open_previews: dict[tuple[Path, str], str] = {}  # (program root, target) -> uri
        self.previews: dict[tuple[Path, str], Preview] = {}
        self.published: dict[Path, set[Path]] = {}  # root -> files given diagnostics
        self.hover_target = "cfn"
        self.docs: str | None = None
        self.snippets = True
        self.annotations = False
        self.collector = Collector()
        # Diagnostic codes link to their entry in docs/errors.md in a checkout; a client
        # may give its own `docsUrl` (`{code}` is E114, `{anchor}` is e114).
        docs = data_dir("docs") / "errors.md" if _has_docs() else None
        if docs is not None and docs.exists():
            self.docs = docs.as_uri() + "#{anchor}"

    # ------------------------------------------------------------ paths and files

    def path_of(self, uri: str) -> Path:
        fs = to_fs_path(uri) if uri.startswith("file:") else None
        path = Path(fs) if fs else Path("/untitled") / (uri.rsplit("/", 1)[-1] or "untitled.iac")
        self.paths_to_uris.setdefault(path, uri)
        return path

    def uri_of(self, path: Path) -> str:
        uri = self.paths_to_uris.get(path)
        return uri if uri is not None else (from_fs_path(str(path)) or path.as_uri())

    def file_of(self, path: Path) -> FileState | None:
        return self.ws.file(path)

    def project(self, uri: str) -> tuple[Project, Path]:
        path = self.path_of(uri)
        project = self.ws.project_of(path)
        self.flush(project)
        if path not in project.files:
            doc = self.workspace.get_text_document(uri)
            self.ws.open(path, doc.source)
        return project, path

    # ------------------------------------------------------------ analysis

    def schedule(self, project: Project) -> None:
        handle = self.pending.pop(project.root, None)
        if handle is not None:
            handle.cancel()
        if self.debounce <= 0:
            self.refresh(project)
            return
        loop = asyncio.get_event_loop()
        self.pending[project.root] = loop.call_later(self.debounce, self._guarded_refresh, project)

    def _guarded_refresh(self, project: Project) -> None:
        self.pending.pop(project.root, None)
        try:
            self.refresh(project)
        except Exception:  # noqa: BLE001 - a bug must not stop the server
            self.log_error("refresh", traceback.format_exc())

    def flush(self, project: Project) -> None:
        handle = self.pending.pop(project.root, None)
        if handle is not None:
            handle.cancel()
            self.refresh(project)

    def refresh(self, project: Project) -> Analysis:
        """Check the program, publish its diagnostics, update its open previews."""
        project.sync(self.ws.buffers)
        analysis = project.analysis()
        self.publish(project, analysis)
        for (root, target), uri in list(self.open_previews.items()):
            if root == project.root:
                before = self.previews.get((root, target))
                now = self.preview(project, target)
                if before is None or now.texts != before.texts or now.stale != before.stale:
                    self.protocol.notify(PREVIEW_DID_CHANGE, JsonReady(now.to_json(uri)))
        self.collector.done(lambda: bool(self.pending))
        return analysis

    def publish(self, project: Project, analysis: Analysis) -> None:
        by_file: dict[Path, list[t.Diagnostic]] = {p: [] for p in analysis.files}
        for d in analysis.diagnostics:
            converted = to_diagnostic(d, self.file_of, self.uri_of, self.docs)
            if converted is not None:
                by_file.setdefault(converted[0], []).append(converted[1])
        old = self.published.get(project.root, set())
        for path in old - set(by_file):
            by_file[path] = []
        self.published[project.root] = {p for p, ds in by_file.items() if ds}
        for path, diags in by_file.items():
            if not diags and path not in old and path not in self.ws.buffers:
                continue
            self.text_document_publish_diagnostics(
                t.PublishDiagnosticsParams(uri=self.uri_of(path), diagnostics=diags)
            )

    def preview(self, project: Project, target: str) -> Preview:
        analysis = project.analysis()
        key = (project.root, target)
        cached = self.previews.get(key)
        if cached is not None and cached.version == analysis.version and not cached.stale:
            return cached
        fresh = None
        if analysis.ok:
            fresh = render_preview(analysis, target, self._location)
        if fresh is None:
            fresh = stale_copy(cached, target, analysis.version)
        self.previews[key] = fresh
        return fresh

    def _location(self, span: Any) -> dict[str, Any] | None:
        state = self.file_of(span.source.path)
        if state is None:
            return None
        start, end = file_offset(span)
        rng = to_range(state.index, start, end)
        return {
            "uri": self.uri_of(span.source.path),
            "range": {
                "start": {"line": rng.start.line, "character": rng.start.character},
                "end": {"line": rng.end.line, "character": rng.end.character},
            },
        }

    # ------------------------------------------------------------ logging

    def log_error(self, what: str, text: str) -> None:
        log.error("%s failed:\n%s", what, text)
        try:
            self.window_log_message(
                t.LogMessageParams(type=t.MessageType.Error, message=f"iac: {what} failed:\n{text}")
            )
        except Exception:  # noqa: BLE001 - logging must never raise
            pass


def _has_docs() -> bool:
    try:
        return (data_dir("docs")).is_dir()
    except Exception:  # noqa: BLE001
        return False


server = None  # set by make_server; the handlers close over their own


def guarded(name: str) -> Callable[[F], F]:
    """Log an exception and answer with an LSP error instead of dying."""

    def wrap(fn: F) -> F:
        @functools.wraps(fn)
        def inner(ls: IacServer, params: Any) -> Any:
            try:
                return fn(ls, params)
            except (JsonRpcRequestFailed, JsonRpcInternalError):
                raise
            except Exception as err:  # noqa: BLE001 - the one place a handler bug is caught
                ls.log_error(name, traceback.format_exc())
                raise JsonRpcInternalError(
                    f"iac: {name} failed: {type(err).__name__}: {err}"
                ) from err
            finally:
                ls.collector.done(lambda: bool(ls.pending))  # requests make garbage too

        return inner  # type: ignore[return-value]

    return wrap


def make_server() -> IacServer:
    ls = IacServer()

    @ls.feature(t.INITIALIZE)
    @guarded("initialize")
    def initialize(ls: IacServer, params: t.InitializeParams) -> None:
        opts = params.initialization_options or {}
        ls.debounce = float(_get(opts, "debounceMs", 50)) / 1000
        ls.hover_target = _get(opts, "hoverTarget", "cfn") or "cfn"
        ls.ws.params = dict(_get(opts, "params", {}) or {})
        docs = _get(opts, "docsUrl")
        if docs:
            ls.docs = str(docs)
        caps = params.capabilities
        comp = caps.text_document.completion if caps.text_document else None
        item = comp.completion_item if comp else None
        ls.snippets = bool(item and item.snippet_support)
        edit = caps.workspace.workspace_edit if caps.workspace else None
        ls.annotations = bool(edit and edit.change_annotation_support)

    @ls.feature(t.SHUTDOWN)
    def on_shutdown(ls: IacServer, params: Any) -> None:
        ls.shut_down = True  # what `exit` reports (pygls keeps its own flag private)

    @ls.feature(t.EXIT)
    def on_exit(ls: IacServer, params: Any) -> None:
        # pygls closes stdout and raises SystemExit, then joins its reader thread, which
        # may be blocked on stdin until the client closes it: the process could outlive
        # `exit`. Nothing is left to say after `exit`, so flush and leave at once.
        for pending in ls.pending.values():
            pending.cancel()
        sys.stdout.flush()
        os._exit(0 if ls.shut_down else 1)

    @ls.feature(t.TEXT_DOCUMENT_DID_OPEN)
    @guarded("didOpen")
    def did_open(ls: IacServer, params: t.DidOpenTextDocumentParams) -> None:
        path = ls.path_of(params.text_document.uri)
        ls.paths_to_uris[path] = params.text_document.uri
        project = ls.ws.open(path, params.text_document.text)
        ls.refresh(project)

    @ls.feature(t.TEXT_DOCUMENT_DID_CHANGE)
    @guarded("didChange")
    def did_change(ls: IacServer, params: t.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = ls.path_of(uri)
        doc = ls.workspace.get_text_document(uri)
        ls.ws.buffers[path] = doc.source
        ls.schedule(ls.ws.project_of(path))

    @ls.feature(t.TEXT_DOCUMENT_DID_SAVE)
    @guarded("didSave")
    def did_save(ls: IacServer, params: t.DidSaveTextDocumentParams) -> None:
        path = ls.path_of(params.text_document.uri)
        project = ls.ws.project_of(path)
        handle = ls.pending.pop(project.root, None)
        if handle is not None:
            handle.cancel()
        ls.refresh(project)

    @ls.feature(t.TEXT_DOCUMENT_DID_CLOSE)
    @guarded("didClose")
    def did_close(ls: IacServer, params: t.DidCloseTextDocumentParams) -> None:
        path = ls.path_of(params.text_document.uri)
        project = ls.ws.close(path)
        if project is not None:
            ls.refresh(project)
        else:
            ls.text_document_publish_diagnostics(
                t.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
            )

    @ls.feature(t.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guarded("didChangeWatchedFiles")
    def watched(ls: IacServer, params: t.DidChangeWatchedFilesParams) -> None:
        for project in list(ls.ws.projects.values()):
            ls.refresh(project)

    # ------------------------------------------------------------ completion

    @ls.feature(
        t.TEXT_DOCUMENT_COMPLETION,
        t.CompletionOptions(trigger_characters=[".", ":", ">", "=", " "]),
    )
    @guarded("completion")
    def complete(ls: IacServer, params: t.CompletionParams) -> t.CompletionList:
        project, path = ls.project(params.text_document.uri)
        state = project.files[path]
        offset = state.index.offset(params.position.line, params.position.character)
        chunk = next((c for c in reversed(state.chunks) if c.source.offset <= offset), None)
        start = chunk.source.offset if chunk else 0
        analysis = project.analysis()
        names = {n: d.kind for n, d in analysis.symbols.decls.items()}
        items = completion.complete(state.text[start:offset], names, ls.snippets)
        return t.CompletionList(is_incomplete=False, items=items)

    # ------------------------------------------------------------ hover

    @ls.feature(t.TEXT_DOCUMENT_HOVER)
    @guarded("hover")
    def on_hover(ls: IacServer, params: t.HoverParams) -> t.Hover | None:
        project, path = ls.project(params.text_document.uri)
        state = project.files[path]
        offset = state.index.offset(params.position.line, params.position.character)
        analysis = project.analysis()
        if not analysis.ok and project.last_good is not None:
            pass  # the symbols of this version still answer; the plan is the last good one's
        target = next((tg for (root, tg) in ls.open_previews if root == project.root), None)
        target = target or ls.hover_target
        preview = ls.preview(project, target) if analysis.ok else None
        found = hover.hover_text(analysis, path, offset, preview)
        if found is None:
            return None
        text, span = found
        start, end = file_offset(span)  # type: ignore[arg-type]
        return t.Hover(
            contents=t.MarkupContent(t.MarkupKind.Markdown, text),
            range=to_range(state.index, start, end),
        )

    # ------------------------------------------------------------ navigation

    def _where(ls: IacServer, doc: Any, pos: t.Position) -> tuple[Project, Path, int]:
        project, path = ls.project(doc.uri)
        state = project.files[path]
        return project, path, state.index.offset(pos.line, pos.character)

    @ls.feature(t.TEXT_DOCUMENT_DEFINITION)
    @guarded("definition")
    def on_definition(ls: IacServer, params: t.DefinitionParams) -> t.Location | None:
        project, path, offset = _where(ls, params.text_document, params.position)
        return navigation.definition(
            project.analysis().symbols, path, offset, ls.file_of, ls.uri_of
        )

    @ls.feature(t.TEXT_DOCUMENT_REFERENCES)
    @guarded("references")
    def on_references(ls: IacServer, params: t.ReferenceParams) -> list[t.Location]:
        project, path, offset = _where(ls, params.text_document, params.position)
        return navigation.references(
            project.analysis().symbols, path, offset, params.context.include_declaration,
            ls.file_of, ls.uri_of,
        )  # fmt: skip

    @ls.feature(t.TEXT_DOCUMENT_DOCUMENT_HIGHLIGHT)
    @guarded("documentHighlight")
    def on_highlight(ls: IacServer, params: t.DocumentHighlightParams) -> list[t.DocumentHighlight]:
        project, path, offset = _where(ls, params.text_document, params.position)
        return navigation.highlights(project.analysis().symbols, path, offset, ls.file_of)

    @ls.feature(t.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @guarded("documentSymbol")
    def on_symbols(ls: IacServer, params: t.DocumentSymbolParams) -> list[t.DocumentSymbol]:
        project, path = ls.project(params.text_document.uri)
        return navigation.document_symbols(project.files[path].module(), ls.file_of)

    @ls.feature(t.WORKSPACE_SYMBOL)
    @guarded("workspaceSymbol")
    def on_workspace_symbols(
        ls: IacServer, params: t.WorkspaceSymbolParams
    ) -> list[t.WorkspaceSymbol]:
        out: list[t.WorkspaceSymbol] = []
        for project in list(ls.ws.projects.values()):
            ls.flush(project)
            out += navigation.workspace_symbols(
                project.analysis().symbols, params.query, ls.file_of, ls.uri_of
            )
        return out

    @ls.feature(t.TEXT_DOCUMENT_DOCUMENT_LINK)
    @guarded("documentLink")
    def on_links(ls: IacServer, params: t.DocumentLinkParams) -> list[t.DocumentLink]:
        project, path = ls.project(params.text_document.uri)
        return navigation.document_links(project.files[path].module(), ls.file_of)

    # ------------------------------------------------------------ rename

    @ls.feature(t.TEXT_DOCUMENT_PREPARE_RENAME)
    @guarded("prepareRename")
    def on_prepare_rename(ls: IacServer, params: t.PrepareRenameParams) -> Any:
        project, path, offset = _where(ls, params.text_document, params.position)
        try:
            name, span = rename.target(project.analysis().symbols, path, offset)
        except rename.RenameRefused as why:
            raise JsonRpcRequestFailed(str(why)) from None
        state = project.files[path]
        start, end = file_offset(span)
        return t.PrepareRenamePlaceholder(range=to_range(state.index, start, end), placeholder=name)

    @ls.feature(t.TEXT_DOCUMENT_RENAME)
    @guarded("rename")
    def on_rename(ls: IacServer, params: t.RenameParams) -> t.WorkspaceEdit:
        project, path, offset = _where(ls, params.text_document, params.position)
        try:
            plan = rename.plan_rename(project.analysis().symbols, path, offset, params.new_name)
        except rename.RenameRefused as why:
            raise JsonRpcRequestFailed(str(why)) from None
        return _workspace_edit(ls, [actions.span_edit(sp, text) for sp, text in plan.edits],
                               plan.warning)  # fmt: skip

    # ------------------------------------------------------------ code actions

    @ls.feature(
        t.TEXT_DOCUMENT_CODE_ACTION,
        t.CodeActionOptions(code_action_kinds=[t.CodeActionKind.QuickFix]),
    )
    @guarded("codeAction")
    def on_code_action(ls: IacServer, params: t.CodeActionParams) -> list[t.CodeAction]:
        project, path = ls.project(params.text_document.uri)
        state = project.files[path]
        analysis = project.analysis()
        out: list[t.CodeAction] = []
        for diag in params.context.diagnostics:
            data = diag.data if isinstance(diag.data, dict) else {}
            hints = list(data.get("hints") or [])
            note = str(data.get("note") or "")
            if not data:  # a client that drops `data`: read the message
                lines = diag.message.split("\n")
                hints = [x[6:] for x in lines if x.startswith("help: ")]
                note = next((x for x in lines if x.startswith("did you mean")), "")
            start = state.index.offset(diag.range.start.line, diag.range.start.character)
            end = state.index.offset(diag.range.end.line, diag.range.end.character)
            for title, edits in actions.fixes(
                str(diag.code or ""), diag.message.split("\n")[0], note, hints, start, end,
                path, analysis.symbols, project.files,
            ):  # fmt: skip
                out.append(
                    t.CodeAction(
                        title=title,
                        kind=t.CodeActionKind.QuickFix,
                        diagnostics=[diag],
                        edit=_workspace_edit(ls, edits, ""),
                        is_preferred=len(out) == 0,
                    )
                )
        return out

    # ------------------------------------------------------------ semantic tokens

    @ls.feature(
        t.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL,
        t.SemanticTokensLegend(
            token_types=tokens.TOKEN_TYPES, token_modifiers=tokens.TOKEN_MODIFIERS
        ),
    )
    @guarded("semanticTokens")
    def on_tokens(ls: IacServer, params: t.SemanticTokensParams) -> t.SemanticTokens:
        project, path = ls.project(params.text_document.uri)
        data = tokens.semantic_tokens(project.files[path], project.analysis().symbols, path)
        return t.SemanticTokens(data=data)

    # ------------------------------------------------------------ formatting

    @ls.feature(t.TEXT_DOCUMENT_FORMATTING)
    @guarded("formatting")
    def on_format(ls: IacServer, params: t.DocumentFormattingParams) -> list[t.TextEdit] | None:
        try:
            from ..fmt import format_source  # type: ignore[import-not-found,unused-ignore]
        except ImportError:
            raise JsonRpcRequestFailed("iac fmt is not available in this version") from None
        project, path = ls.project(params.text_document.uri)
        state = project.files[path]
        text = format_source(state.text)
        if text == state.text:
            return []
        return [t.TextEdit(to_range(state.index, 0, len(state.text)), text)]

    # ------------------------------------------------------------ previews

    def _preview(ls: IacServer, uri: str, target: str) -> JsonReady:
        if target not in TARGETS:
            raise JsonRpcRequestFailed(
                f"unknown target `{target}`: one of {', '.join(sorted(TARGETS))}"
            )
        project, _ = ls.project(uri)
        ls.open_previews[(project.root, target)] = uri
        return JsonReady(ls.preview(project, target).to_json(uri))

    @ls.feature(PREVIEW)
    @guarded("iac/preview")
    def on_preview(ls: IacServer, params: Any) -> JsonReady:
        return _preview(ls, str(_get(params, "uri")), str(_get(params, "target", "cfn")))

    @ls.feature(PREVIEW_CLOSE)
    @guarded("iac/previewClose")
    def on_preview_close(ls: IacServer, params: Any) -> None:
        project, _ = ls.project(str(_get(params, "uri")))
        ls.open_previews.pop((project.root, str(_get(params, "target", "cfn"))), None)

    @ls.feature(SOURCE_TO_GENERATED)
    @guarded("iac/sourceToGenerated")
    def on_source_to_generated(ls: IacServer, params: Any) -> list[dict[str, Any]]:
        uri = str(_get(params, "uri"))
        project, _ = ls.project(uri)
        preview = ls.preview(project, str(_get(params, "target", "cfn")))
        pos = _get(params, "position")
        return source_to_generated(preview, uri, int(_get(pos, "line", 0)),
                                   int(_get(pos, "character", 0)))  # fmt: skip

    @ls.feature(GENERATED_TO_SOURCE)
    @guarded("iac/generatedToSource")
    def on_generated_to_source(ls: IacServer, params: Any) -> dict[str, Any] | None:
        project, _ = ls.project(str(_get(params, "uri")))
        preview = ls.preview(project, str(_get(params, "target", "cfn")))
        pos = _get(params, "position")
        line, character = int(_get(pos, "line", 0)), int(_get(pos, "character", 0))
        return generated_to_source(preview, str(_get(params, "path")), line, character)

    @ls.command(COMMAND_PREVIEW)
    def on_command_preview(ls: IacServer, *args: Any) -> JsonReady:
        return guarded("iac.preview")(_command_preview)(ls, args)

    def _command_preview(ls: IacServer, args: Any) -> JsonReady:
        items = list(args or [])
        if items and isinstance(items[0], list | tuple):
            items = list(items[0])
        if not items:
            raise JsonRpcRequestFailed("iac.preview takes [uri, target]")
        first = items[0]
        if not isinstance(first, str):
            return _preview(ls, str(_get(first, "uri")), str(_get(first, "target", "cfn")))
        return _preview(ls, first, str(items[1]) if len(items) > 1 else "cfn")

    return ls


def _workspace_edit(ls: IacServer, edits: list[actions.Edit], warning: str) -> t.WorkspaceEdit:
    by_file: dict[Path, list[t.TextEdit]] = {}
    annotated = bool(warning) and ls.annotations
    for path, start, end, text in edits:
        state = ls.file_of(path)
        if state is None:
            continue
        rng = to_range(state.index, start, end)
        if annotated:
            edit: t.TextEdit | t.AnnotatedTextEdit = t.AnnotatedTextEdit(
                range=rng, new_text=text, annotation_id="replace"
            )
        else:
            edit = t.TextEdit(rng, text)
        by_file.setdefault(path, []).append(edit)  # type: ignore[arg-type]
    if warning and not annotated:
        ls.window_show_message(t.ShowMessageParams(type=t.MessageType.Warning, message=warning))
    if annotated:
        changes = [
            t.TextDocumentEdit(
                text_document=t.OptionalVersionedTextDocumentIdentifier(
                    uri=ls.uri_of(p), version=None
                ),
                edits=list(es),
            )
            for p, es in by_file.items()
        ]
        return t.WorkspaceEdit(
            document_changes=changes,
            change_annotations={
                "replace": t.ChangeAnnotation(label="replaces a deployed resource",
                                              needs_confirmation=True, description=warning)
            },
        )  # fmt: skip
    return t.WorkspaceEdit(changes={ls.uri_of(p): es for p, es in by_file.items()})


def serve(tcp: str | None = None) -> None:
    logging.basicConfig(level=logging.WARNING, format="iac lsp: %(levelname)s %(message)s")
    ls = make_server()
    ls.collector.manage()  # this process is the server: the collector is ours
    if tcp:
        host, _, port = tcp.rpartition(":")
        ls.start_tcp(host or "127.0.0.1", int(port))
    else:
        ls.start_io()


__all__ = ["IacServer", "make_server", "serve", "word_at"]
