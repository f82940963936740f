"""The parser's LALR tables ship in the package (`iac/_parser_tables.py`), generated
from grammar/iac.lark: nothing is cached in, or loaded from, the shared temp folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import iac.parser as parser
from iac import tables
from iac.diagnostics import Diagnostics
from iac.source import Source
from iac.tables import build_tables, render_tables

REPO = Path(__file__).resolve().parent.parent


def test_shipped_tables_match_the_grammar() -> None:
    shipped = parser.TABLES.read_text(encoding="utf-8")
    fresh = render_tables(parser._grammar())
    assert shipped == fresh, (
        "iac/_parser_tables.py does not match grammar/iac.lark: "
        f"run `{parser.REGENERATE}` and commit the result"
    )


def test_the_tables_are_the_same_in_every_process() -> None:
    """Lark numbers states by sets of objects hashed by address; the generator renumbers."""
    texts = set()
    for seed in ("0", "1", "random"):
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": seed}
        code = "import iac.parser as p, iac.tables as t; print(t.render_tables(p._grammar()))"
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        texts.add(proc.stdout)
    assert len(texts) == 1


def test_the_parser_is_loaded_from_the_tables_without_lark() -> None:
    """A fresh process parses from the shipped tables and never imports Lark."""
    code = (
        "import sys, iac.parser as p, iac.source as s, iac.diagnostics as d, pathlib\n"
        "src = s.Source(pathlib.Path('a.iac'), 'queue q\\noutput u = q.url\\n')\n"
        "assert p.parse_source(src, d.Diagnostics()) is not None\n"
        "print(sorted(m for m in sys.modules if m == 'lark' or m.startswith('lark.')))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert proc.stdout.strip() == "[]"


def test_a_grammar_edited_without_regenerating_still_parses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A checkout mid-change builds the tables in memory instead of using stale ones."""
    edited = parser._grammar() + "\n// an edit\n"
    monkeypatch.setattr(parser, "_grammar", lambda: edited)
    built: list[str] = []
    monkeypatch.setattr(tables, "build_tables", lambda g: built.append(g) or build_tables(g))
    parser._engine.cache_clear()
    try:
        module = parser.parse_source(Source(Path("a.iac"), "queue q\n"), Diagnostics())
        assert module is not None and len(module.statements) == 1
        assert built == [edited]
    finally:
        parser._engine.cache_clear()


def test_nothing_is_written_to_or_read_from_the_temp_folder(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    (tmp_path / "app.iac").write_text("queue q\noutput u = q.url\n")
    env = {**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(temp), "TEMP": str(temp)}
    for _ in range(2):  # a first and a second start: neither leaves a parser behind
        proc = subprocess.run(
            [sys.executable, "-m", "iac.cli", "check", "app.iac"],
            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
    assert list(temp.iterdir()) == []
