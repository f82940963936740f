"""Time a keystroke in the language server: new diagnostics and the open preview.

    python bench/bench_lsp.py             # 100 and 1,000 resources, every target
    python bench/bench_lsp.py 100         # chosen sizes

In process, on the server's own path (iac/lsp): the edited buffer is synced (only the
changed statement is parsed again), the program checked, its diagnostics converted to
LSP, the plan made and packaged (unchanged code is not zipped again) and the open
preview's target rendered with its source map, reusing the blocks of unchanged nodes
from the previous keystroke's render (iac/emit/base.py, `RenderCache`) and the source
map's blocks and span locations (iac/lsp/preview.py). Spans become LSP locations through
the server's own `_location`, as in `iac lsp`; the collector runs as in `iac lsp`
(`Collector`: no automatic collection, a full one after every 200 analyses and requests
or when idle, which these back-to-back keystrokes never are). Each keystroke changes one
attribute in the middle of the program. Warm: the first edits are not counted; the table
shows the median of the rest, in CPU time (debounce, and the JSON of the messages sent,
not included).
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's iac
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_check import program_text  # noqa: E402

from iac.emit import registry  # noqa: E402
from iac.lsp.convert import to_diagnostic  # noqa: E402
from iac.lsp.preview import render_preview  # noqa: E402
from iac.lsp.server import IacServer  # noqa: E402

EDITS = 30
WARMUP = 5


def keystrokes(size: int, target: str | None) -> tuple[float, float]:
    """Median milliseconds per keystroke: (diagnostics only, diagnostics + preview)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "src").mkdir()
        (folder / "src" / "handler.py").write_text("def handler(event, context):\n    pass\n")
        path = folder / "app.iac"
        text = program_text(size)
        path.write_text(text)
        server = IacServer()  # its workspace, and its spans -> LSP locations
        ws = server.ws
        project = ws.open(path, text)
        state = project.files[path]
        server.collector.manage()
        marker = f"worker_{size // 20}"
        at = text.index("memory  = 512MB", text.index(f"function {marker}"))
        diag_times, total_times = [], []
        for i in range(EDITS + WARMUP):
            value = f"memory  = {512 + (i % 2) * 512}MB".ljust(len("memory  = 512MB"))
            edited = text[:at] + value + text[at + len("memory  = 512MB") :]
            start = time.process_time()
            ws.change(path, edited)
            analysis = project.analysis()
            for d in analysis.diagnostics:
                to_diagnostic(d, server.file_of, server.uri_of, None)
            mid = time.process_time()
            if target is not None:
                preview = render_preview(analysis, target, server._location)
                assert preview is not None
            server.collector.done(lambda: False)
            end = time.process_time()
            assert analysis.ok, analysis.diagnostics[:3]
            if i >= WARMUP:
                diag_times.append(mid - start)
                total_times.append(end - start)
        gc.unfreeze()
        gc.enable()
        assert state.parsed < EDITS + WARMUP + 2 * size, "statements were parsed again"
        return statistics.median(diag_times) * 1000, statistics.median(total_times) * 1000


def main(argv: list[str]) -> None:
    sizes = tuple(int(a) for a in argv) or (100, 1000)
    print(f"{'resources':>10} {'target':>10} {'diagnostics ms':>15} {'+ preview ms':>13}")
    for size in sizes:
        for target in registry.names():
            diag, total = keystrokes(size, target)
            print(f"{size:>10} {target:>10} {diag:>15.1f} {total:>13.1f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
