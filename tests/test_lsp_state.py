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
    assert all(len(m.blocks) < 20 for m in project.map_caches.values())
