"""`iac fmt`: one canonical layout that never changes meaning, and keeps every comment."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from test_properties import WORK, program

from iac.cli import main
from iac.fmt import FormatError, format_source
from iac.frontend import check, from_text
from iac.source import Source, Span

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def _programs() -> list[Path]:
    """Every .iac file of the repository: examples, golden inputs, test programs."""
    files = sorted((REPO / "examples").rglob("*.iac")) + sorted(HERE.rglob("*.iac"))
    return [f for f in files if ".cache" not in f.parts]


def span_free(value: Any) -> Any:
    """A model with its spans (and sources) left out: what the program means."""
    if isinstance(value, Span | Source):
        return None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            {
                f.name: span_free(getattr(value, f.name))
                for f in dataclasses.fields(value)
                if f.name not in ("span", "source")
            },
        )
    if isinstance(value, dict):
        return {k: span_free(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [span_free(v) for v in value]
    return value


def _model(text: str, path: Path) -> Any:
    result = check(from_text(text, path))
    return result.ok, span_free(result.app), [d.code for d in result.diagnostics]


def _comments(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        m = re.search(r'(?:#|//)[^"]*$', line)
        if m and line.count('"', 0, m.start()) % 2 == 0:
            out.append(m.group().rstrip())
    return out


def assert_same_meaning(text: str, path: Path) -> str:
    try:
        formatted = format_source(text, str(path))
    except FormatError:
        return text
    assert format_source(formatted, str(path)) == formatted, "fmt is not idempotent"
    assert _model(formatted, path) == _model(text, path)
    assert _comments(formatted) == _comments(text)
    assert formatted == "" or formatted.endswith("\n") and not formatted.endswith("\n\n")
    assert not re.search(r"[ \t]+$", formatted, re.M)
    return formatted


@pytest.mark.parametrize("path", _programs(), ids=lambda p: str(p.relative_to(REPO)))
def test_every_program_keeps_its_meaning(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    if "\x00" in text:
        return  # a binary fixture: refused before formatting
    assert_same_meaning(text, path)


def test_the_corpus_is_large() -> None:
    assert len(_programs()) >= 60


@settings(derandomize=True, max_examples=100, deadline=None)
@given(program())
def test_generated_programs_keep_their_meaning(text: str) -> None:
    assert_same_meaning(text, WORK / "main.iac")


@settings(derandomize=True, max_examples=50, deadline=None)
@given(program())
def test_messy_layout_formats_like_the_clean_one(text: str) -> None:
    # Extra spaces and tabs never survive, runs of blank lines become one.
    try:
        clean = format_source(text)
    except FormatError:
        return  # the generator also makes programs that do not parse
    messy = text.replace(" = ", "=\t ").replace(" -> ", "  ->\t").replace("\n", "   \n")
    assert format_source(messy) == clean
    messy = text.replace("}\n", "}\n\n\n\n")
    assert format_source(messy) == format_source(text.replace("}\n", "}\n\n"))


LAYOUT = """\
# the app
app   shop{prefix="x" , tags{team="a",cost_center = "4"}}


param stage :string= "dev"   # the stage
queue jobs {
visibility_timeout=2m     # long
    max_receives =5
  fifo = false
}
function worker {
        code = "src/w.py"   # code
  timeout=20s
  env {
    TABLE = t.name
    LONGER_NAME = stage
  }
  allow t : write , read
}
table t {
  key id : string
}
api a {
  GET   /orders/{id}   ->   worker   # a route
}
on jobs.message->worker{batch=10,window=5s}
on jobs . message (  ) -> worker
workflow w {
  if ( $.a==1 or exists $.b ) and not $.c >= 2 { succeed }  else { fail "E" "c" }
  for each $.items[0] {
    invoke worker { retry = 2 }
  }
}
output   url=a.url
"""

EXPECTED = """\
# the app
app shop { prefix = "x", tags { team = "a", cost_center = "4" } }

param stage: string = "dev" # the stage
queue jobs {
  visibility_timeout = 2m # long
  max_receives       = 5
  fifo               = false
}
function worker {
  code    = "src/w.py" # code
  timeout = 20s
  env {
    TABLE       = t.name
    LONGER_NAME = stage
  }
  allow t: write, read
}
table t {
  key id: string
}
api a {
  GET /orders/{id} -> worker # a route
}
on jobs.message -> worker { batch = 10, window = 5s }
on jobs.message() -> worker
workflow w {
  if ($.a == 1 or exists $.b) and not $.c >= 2 { succeed } else { fail "E" "c" }
  for each $.items[0] {
    invoke worker { retry = 2 }
  }
}
output url = a.url
"""


def test_the_canonical_layout() -> None:
    assert format_source(LAYOUT) == EXPECTED
    assert format_source(EXPECTED) == EXPECTED


def test_layout_details() -> None:
    assert format_source("\n\n\nbus b\n\n\n") == "bus b\n"
    assert format_source("") == ""
    assert format_source("# only a comment") == "# only a comment\n"
    assert format_source("\ufeffbus b\r\n") == "bus b\n"
    # trailing comments of consecutive lines line up; a blank line starts a new group
    assert format_source("bus a # one\nbus bb # two\n\nbus c # three\n") == (
        "bus a  # one\nbus bb # two\n\nbus c # three\n"
    )
    # lists over several lines keep their line breaks, indented one level
    text = 'app x {\n  network {\n    subnets = [\n"a",\n      "b"]\n  }\n}\n'
    assert format_source(text) == (
        'app x {\n  network {\n    subnets = [\n      "a",\n      "b"]\n  }\n}\n'
    )
    # strings are never touched, nor `#` inside them
    assert format_source('secret s { description = "a  #  b" }\n') == (
        'secret s { description = "a  #  b" }\n'
    )


def test_syntax_error_is_refused_with_diagnostics() -> None:
    with pytest.raises(FormatError) as info:
        format_source("queue q {\n  retention = \n", "broken.iac")
    assert info.value.diagnostics and info.value.diagnostics[0].span is not None
    assert info.value.diagnostics[0].span.source.display == "broken.iac"


# ---------------------------------------------------------------- the command


def _messy(tmp_path: Path) -> Path:
    path = tmp_path / "app.iac"
    path.write_text("queue   q {retention=4d}   # keep\n", encoding="utf-8")
    return path


def test_fmt_rewrites_in_place(tmp_path: Path) -> None:
    path = _messy(tmp_path)
    path.chmod(0o640)
    result = CliRunner().invoke(main, ["fmt", str(path)])
    assert result.exit_code == 0, result.output
    assert path.read_text() == "queue q { retention = 4d } # keep\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.iac"]
    again = CliRunner().invoke(main, ["fmt", "--check", str(path)])
    assert again.exit_code == 0 and again.output == ""


def test_fmt_check_lists_and_writes_nothing(tmp_path: Path) -> None:
    path = _messy(tmp_path)
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["fmt", "--check", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip() == str(path)
    assert path.read_bytes() == before


def test_fmt_diff_shows_and_writes_nothing(tmp_path: Path) -> None:
    path = _messy(tmp_path)
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["fmt", "--diff", str(path)])
    assert result.exit_code == 0
    assert "-queue   q {retention=4d}   # keep" in result.output
    assert "+queue q { retention = 4d } # keep" in result.output
    assert path.read_bytes() == before


def test_fmt_stdin_to_stdout() -> None:
    result = CliRunner().invoke(main, ["fmt", "-"], input="bus   b\n")
    assert result.exit_code == 0 and result.output == "bus b\n"


def test_fmt_syntax_error_writes_nothing(tmp_path: Path) -> None:
    good = _messy(tmp_path)
    bad = tmp_path / "bad.iac"
    bad.write_text("queue q {\n", encoding="utf-8")
    before = good.read_bytes()
    result = CliRunner().invoke(main, ["fmt", str(tmp_path)])
    assert result.exit_code == 1
    assert "bad.iac:" in result.output and "Traceback" not in result.output
    assert good.read_bytes() == before
    stdin = CliRunner().invoke(main, ["fmt", "-"], input="queue q {\n")
    assert stdin.exit_code == 1 and "error[" in stdin.output


@pytest.mark.parametrize(
    "args, code",
    [
        (["fmt", "/no/such/file.iac"], 2),
        (["fmt", "-", "x.iac"], 2),
    ],
)
def test_fmt_bad_usage(args: list[str], code: int) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == code and "Traceback" not in result.output


def test_fmt_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "x.iac"
    path.write_bytes(b"bus b\x00\xff\n")
    result = CliRunner().invoke(main, ["fmt", str(path)])
    assert result.exit_code == 1 and path.read_bytes() == b"bus b\x00\xff\n"


def test_fmt_defaults_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(REPO / "examples" / "shop_events.iac", tmp_path / "shop.iac")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["fmt"])
    assert result.exit_code == 0
    assert CliRunner().invoke(main, ["fmt", "--check"]).exit_code == 0
