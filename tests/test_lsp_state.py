"""The server's document state in process: incremental parsing and flat memory."""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

from iac.frontend import check, from_text
from iac.lsp.workspace import Workspace

PROGRAM = """queue jobs {{ visibility_timeout = 2m, max_receives = 5 }}
function worker {{
  code = "h.py"
  timeout = {n}s
  allow jobs: receive
}}
on jobs.message -> worker
"""


def test_only_the_edited_statement_is_parsed_again(tmp_path: Path) -> None:
    (tmp_path / "h.py").write_text("def handler(e, c): pass\n")
    path = tmp_path / "app.iac"
    ws = Workspace()
    project = ws.open(path, PROGRAM.format(n=10))
    state = project.files[path]
    before = state.parsed
    ws.change(path, "# a comment on top\n" + PROGRAM.format(n=11))
    assert state.parsed - before == 2  # the comment joins the first statement; the function
    ours = [(d.code, d.span.line) for d in project.analysis().diagnostics]
    whole = check(from_text("# a comment on top\n" + PROGRAM.format(n=11), path))
    assert ours == [(d.code, d.span.line) for d in whole.diagnostics]


def test_memory_stays_flat_over_ten_thousand_edits(tmp_path: Path) -> None:
    (tmp_path / "h.py").write_text("def handler(e, c): pass\n")
    path = tmp_path / "app.iac"
    ws = Workspace()
    project = ws.open(path, PROGRAM.format(n=1))
    tracemalloc.start()
    try:
        for i in range(10_000):
            ws.change(path, PROGRAM.format(n=1 + i % 900))
            project.analysis()
            if i == 1_000:
                gc.collect()  # cyclic garbage waiting for a pass is not growth
                early = tracemalloc.get_traced_memory()[0]
        gc.collect()
        late = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert late - early < 512 * 1024, f"grew by {(late - early) // 1024} KB"


def test_previews_memory_stays_flat_over_many_edits(tmp_path: Path) -> None:
    """The source map and render caches keep only the last render's blocks, locations
    and markers: edits that move every statement (a growing run of lines on top) and
    change one, with a preview of every target after each, do not add up."""
    from iac.lsp.preview import render_preview
    from iac.lsp.server import IacServer

    (tmp_path / "h.py").write_text("def handler(e, c): pass\n")
    path = tmp_path / "app.iac"
    server = IacServer()
    project = server.ws.open(path, PROGRAM.format(n=1))
    tracemalloc.start()
    try:
        for i in range(600):
            text = "\n" * (i % 7) + PROGRAM.format(n=1 + i % 100)
            server.ws.change(path, text)
            analysis = project.analysis()
            for target in ("cfn", "terraform", "cdk", "sam"):
                assert render_preview(analysis, target, server._location) is not None
            if i == 150:
                gc.collect()
                early = tracemalloc.get_traced_memory()[0]
        gc.collect()
        late = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert late - early < 512 * 1024, f"grew by {(late - early) // 1024} KB"
    for memo in project.map_caches.values():
        assert sum(len(scan.marks) for scan in memo.scans.values()) < 20
        assert len(memo.locations) < 40


class _Sink:
    """A transport that drops what the server sends (the test reads its state)."""

    def write(self, data: bytes) -> None:
        pass


def test_the_servers_collector_keeps_memory_flat_over_ten_thousand_edits(
    tmp_path: Path,
) -> None:
    """`iac lsp` turns automatic collection off (its passes over the whole heap cost
    more than a keystroke) and collects itself: memory stays flat with no other
    collection than the server's, and no keystroke runs a full pass of its own."""
    from iac.lsp.server import IacServer

    (tmp_path / "h.py").write_text("def handler(e, c): pass\n")
    path = tmp_path / "app.iac"
    server = IacServer()
    server.protocol.writer = _Sink()
    server.ws.open(path, PROGRAM.format(n=1))
    project = server.ws.project_of(path)
    server.refresh(project)
    passes: list[int] = []

    def counting(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            passes.append(info["generation"])

    server.collector.manage()
    gc.callbacks.append(counting)
    tracemalloc.start()
    try:
        for i in range(10_000):
            server.ws.buffers[path] = PROGRAM.format(n=1 + i % 900)
            server.refresh(project)
            if i == 1_000:
                early = tracemalloc.get_traced_memory()[0]
        late = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
        gc.callbacks.remove(counting)
        gc.unfreeze()
        gc.enable()
    assert server.collector.collections == 10_000 // server.collector.every
    assert len(passes) == server.collector.collections  # the server's, none other
    assert late - early < 512 * 1024, f"grew by {(late - early) // 1024} KB"


def test_the_server_collects_when_idle(tmp_path: Path) -> None:
    """An analysis or a request is followed by one collection once the server is idle,
    never while an edit is waiting for its debounce."""
    import asyncio

    from iac.lsp.server import Collector

    async def run(busy: bool) -> int:
        collector = Collector(idle=0.01)
        collector.managed = True  # the policy, without turning this process's collector off
        collector.done(lambda: busy)
        collector.done(lambda: busy)  # a second analysis (or request) restarts the wait
        await asyncio.sleep(0.1)
        return collector.collections

    assert asyncio.run(run(False)) == 1
    assert asyncio.run(run(True)) == 0


def test_a_preview_is_sent_as_the_json_pygls_would_write(tmp_path: Path) -> None:
    """Previews go out as JSON-ready data (`JsonReady`: pygls's converter would walk and
    copy each of their objects first, longer than a keystroke at 1,000 resources): the
    bytes written are the ones pygls writes for the plain dict."""
    from iac.lsp.preview import render_preview
    from iac.lsp.server import IacServer, JsonReady

    (tmp_path / "h.py").write_text("def handler(e, c): pass\n")
    path = tmp_path / "app.iac"
    server = IacServer()
    project = server.ws.open(path, PROGRAM.format(n=3))
    sent: list[bytes] = []

    class Capture:
        def write(self, data: bytes) -> None:
            sent.append(data)

    server.protocol.writer = Capture()
    for target in ("cfn", "terraform", "cdk", "sam"):
        preview = render_preview(project.analysis(), target, server._location)
        assert preview is not None
        message = preview.to_json(path.as_uri())
        server.protocol.notify("iac/previewDidChange", message)
        server.protocol.notify("iac/previewDidChange", JsonReady(message))
        assert sent[-1] == sent[-2] and b'"sourceMap"' in sent[-1]
