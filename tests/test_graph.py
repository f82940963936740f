"""`iac graph`: the app as Mermaid, DOT (rendered by the real Graphviz), JSON, SVG, PNG."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from tools import apt_binary

from iac.cli import main
from iac.frontend import check, load
from iac.graph import build_graph, to_dot, to_json, to_mermaid

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
PROGRAMS = sorted(EXAMPLES.glob("*.iac")) + sorted(
    p for p in EXAMPLES.iterdir() if p.is_dir() and any(p.glob("*.iac"))
)


def dot_bin() -> str:
    """Graphviz's `dot`, installed from Debian's `graphviz` when missing."""
    return apt_binary("dot", "graphviz")


def _app(program: Path):  # type: ignore[no-untyped-def]
    result = check(load(program))
    assert result.app is not None
    return result.app


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_dot_renders_with_graphviz(program: Path, tmp_path: Path) -> None:
    app = _app(program)
    text = to_dot(build_graph(app), app.name)
    proc = subprocess.run(
        [dot_bin(), "-Tsvg"], input=text, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0 and not proc.stderr, proc.stderr
    assert proc.stdout.lstrip().startswith("<?xml") and "<svg" in proc.stdout
    for res in app.resources.values():
        assert f"{res.kind} {res.name}" in proc.stdout  # every resource is drawn


def test_the_picture_of_orders() -> None:
    app = _app(EXAMPLES / "orders")
    g = build_graph(app)
    kinds = {n.id: n.kind for n in g.nodes}
    assert kinds["r_orders"] == "table" and kinds["r_incoming_orders"] == "queue"
    styles = {(e.source, e.target, e.style, e.label) for e in g.edges}
    assert ("r_storefront", "r_incoming_orders", "route", "POST /orders") in styles
    assert ("r_incoming_orders", "r_incoming_orders_dlq", "dlq", "dead letters") in styles
    assert any(
        e.style == "grant" and e.source == "r_place_order" and e.target == "r_orders"
        for e in g.edges
    )
    assert any(e.style == "event" and e.source == "r_incoming_orders" for e in g.edges)
    wf = next(c for c in g.clusters if c.id == "c_fulfil_order")
    assert wf.nodes[0] == "r_fulfil_order" and len(wf.nodes) > 1
    assert any(e.style == "step" and e.label == "invoke" for e in g.edges)
    assert ("r_incoming_orders", "r_incoming_orders_dlq") in g.beside
    dot = to_dot(g, app.name)
    assert 'subgraph "cluster_c_fulfil_order"' in dot and "style=dashed" in dot
    assert '{ rank=same; "r_incoming_orders"; "r_incoming_orders_dlq"; }' in dot
    mermaid = to_mermaid(g)
    assert mermaid.startswith("flowchart LR\n")
    assert 'r_orders[("table orders")]' in mermaid
    assert 'r_incoming_orders -->|"POST /orders"|' not in mermaid  # routes start at the api
    assert 'r_storefront -->|"POST /orders"| r_incoming_orders' in mermaid
    assert re.search(r"r_place_order -\.->\|\"[a-z, ]+\"\| r_orders", mermaid)
    assert 'subgraph c_fulfil_order["workflow fulfil_order"]' in mermaid
    body = json.loads(to_json(g))
    assert {"nodes", "edges", "subgraphs"} <= set(body)


def test_labels_are_quoted() -> None:
    app = _app(EXAMPLES / "shop_events.iac")
    g = build_graph(app)
    mermaid, dot = to_mermaid(g), to_dot(g)
    from iac.graph import _dot_text, _mermaid_text

    assert _mermaid_text('a "b"') == '"a #quot;b#quot;"'
    assert _dot_text('a "b" \\') == '"a \\"b\\" \\\\"'
    assert "source: shop.orders" in mermaid
    for line in mermaid.splitlines()[1:]:
        assert line.count('"') % 2 == 0, line
    proc = subprocess.run(
        [dot_bin(), "-Tplain"], input=dot, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr


def test_readme_shows_the_picture_of_an_example() -> None:
    readme = (REPO / "README.md").read_text()
    app = _app(EXAMPLES / "shop_events.iac")
    assert "```mermaid\n" + to_mermaid(build_graph(app)) + "```" in readme, (
        "README's picture is stale: paste `iac graph examples/shop_events.iac`"
    )


@pytest.mark.parametrize("fmt, magic", [("svg", b"<?xml"), ("png", b"\x89PNG")])
def test_svg_and_png_through_the_cli(fmt: str, magic: bytes, tmp_path: Path) -> None:
    dot = dot_bin()
    out = tmp_path / f"app.{fmt}"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "iac.cli",
            "graph",
            str(EXAMPLES / "thumbnails.iac"),
            "--format",
            fmt,
            "--out",
            str(out),
        ],
        capture_output=True,
        timeout=120,
        env=dict(os.environ, PATH=str(Path(dot).parent) + os.pathsep + os.environ["PATH"]),
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(magic)


def test_svg_says_when_graphviz_is_absent(tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    out = tmp_path / "app.svg"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "iac.cli",
            "graph",
            str(EXAMPLES / "thumbnails.iac"),
            "--format",
            "svg",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, PATH=str(empty)),
    )
    assert proc.returncode == 1 and "Graphviz" in proc.stderr and "Traceback" not in proc.stderr
    assert not out.exists()


def test_mermaid_is_the_default_on_stdout() -> None:
    result = CliRunner().invoke(main, ["graph", str(EXAMPLES / "thumbnails.iac")])
    assert result.exit_code == 0 and result.output.startswith("flowchart LR")


@pytest.mark.parametrize(
    "args, code",
    [
        (["graph", "/no/such.iac"], 2),
        (["graph", "tests/errors/unknown_attribute.iac"], 1),
        (["graph", "examples/thumbnails.iac", "--format", "gif"], 2),
        (["graph", "examples/thumbnails.iac", "--out", "tests"], 2),
        (["graph", "examples/thumbnails.iac", "--out", "no/such/dir/x.mmd"], 2),
    ],
)
def test_bad_input(args: list[str], code: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    before = sorted(p.name for p in REPO.iterdir())
    result = CliRunner().invoke(main, args)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in REPO.iterdir()) == before
