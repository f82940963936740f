"""The keystroke path reuses work between edits (parsed statements, rendered blocks,
zips); these tests hold it to a fresh `iac compile` of the same text after each edit."""

from __future__ import annotations

import importlib
import random
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from iac.compiler import TARGETS, compile_app
from iac.emit import registry
from iac.emit.base import RenderCache
from iac.frontend import check, load
from iac.lsp.document import split_statements
from iac.lsp.preview import render_preview
from iac.lsp.workspace import Workspace
from iac.package import package
from iac.plan import plan
from iac.plan.model import FunctionProps

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
_ZERO = {"line": 0, "character": 0}


def _location(span: object) -> dict[str, Any]:
    return {"uri": "", "range": {"start": _ZERO, "end": _ZERO}}


def _fresh(path: Path, text: str, target: str) -> dict[str, Any] | None:
    """What `iac compile` writes for `text` (the path's file is rewritten to it)."""
    path.write_text(text)
    result = check(load(path))
    if not result.ok or result.app is None:
        return None
    compiled = compile_app(result.app, [target])
    if compiled.diagnostics and any(d.severity.value == "error" for d in compiled.diagnostics):
        return None
    out: dict[str, Any] = {}
    for name, data in compiled.files.items():
        rel = name.split("/", 1)[1]
        out[rel] = len(data) if rel.endswith(".zip") else data.decode("utf-8")
    return out


def _shown(preview: Any) -> dict[str, Any]:
    return {f["path"]: f["size"] if f.get("binary") else f["text"] for f in preview.files}


def _edit(rng: random.Random, text: str, original: str) -> str:
    """One random edit of the kinds a keystroke makes: a number, a line inserted
    above a statement (every later statement moves), a statement removed or two
    swapped, a string changed, or back to the start (blocks seen before return)."""
    starts = split_statements(text)
    pieces = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)], strict=True)]
    kind = rng.randrange(6)
    if kind == 0:
        numbers = list(re.finditer(r"(?<![\w.])\d+(?=[a-zA-Z]*\b)", text))
        if numbers:
            m = rng.choice(numbers)
            return text[: m.start()] + str(int(m.group()) + rng.randint(1, 3)) + text[m.end() :]
    if kind == 1:
        at = rng.choice(starts)
        return text[:at] + rng.choice(["\n", "# note\n"]) + text[at:]
    if kind == 2 and len(pieces) > 2:
        del pieces[rng.randrange(1, len(pieces))]
        return "".join(pieces)
    if kind == 3 and len(pieces) > 2:
        i = rng.randrange(1, len(pieces) - 1)
        pieces[i], pieces[i + 1] = pieces[i + 1], pieces[i]
        joined = "".join(pieces)
        return joined if joined.endswith("\n") else joined + "\n"
    if kind == 4:
        strings = list(re.finditer(r'"([a-z][a-z0-9 ]*)"', text))
        if strings:
            m = rng.choice(strings)
            return text[: m.start(1)] + m.group(1) + "x" + text[m.end(1) :]
    return original


@pytest.mark.parametrize("example", ["shop_events.iac", "assistant.iac", "thumbnails.iac"])
def test_random_edits_preview_what_a_fresh_compile_writes(tmp_path: Path, example: str) -> None:
    shutil.copytree(EXAMPLES / "src", tmp_path / "src")
    lsp_path = tmp_path / "app.iac"
    fresh_dir = tmp_path / "fresh"
    fresh_dir.mkdir()
    (fresh_dir / "src").symlink_to(tmp_path / "src")
    fresh_path = fresh_dir / "app.iac"
    original = (EXAMPLES / example).read_text()
    rng = random.Random(f"lsp-{example}")
    ws = Workspace()
    lsp_path.write_text(original)
    project = ws.open(lsp_path, original)
    text = original
    compared = 0
    for _ in range(40):
        text = _edit(rng, text, original)
        ws.change(lsp_path, text)
        analysis = project.analysis()
        for target in TARGETS:
            preview = render_preview(analysis, target, _location)
            # The fresh compile reads its own copy of the file: its markers name the
            # same file as the editor's do once the folder is stripped.
            expected = _fresh(fresh_path, text, target)
            if preview is None:
                assert expected is None, f"{target}: no preview, but the compile succeeds"
                continue
            assert expected is not None, f"{target}: a preview of a program that fails"
            got = {k: _strip(v, tmp_path) for k, v in _shown(preview).items()}
            want = {k: _strip(v, fresh_dir) for k, v in expected.items()}
            assert got == want, f"{target} differs after {compared} compared edits"
            compared += 1
    assert compared >= 40  # most edits leave a program that compiles
    hits = sum(c.hits for c in project.render_caches.values())
    assert hits > sum(c.misses for c in project.render_caches.values())


def _strip(value: Any, folder: Path) -> Any:
    return value.replace(f"{folder}/", "") if isinstance(value, str) else value


def test_a_changed_reference_renders_its_readers_again(tmp_path: Path) -> None:
    """A node's block depends on the nodes it refers to: when `jobs` turns from a
    queue into a topic, the function's props are the same (a reference to `Jobs.arn`)
    but every target spells that reference differently."""
    (tmp_path / "h.py").write_text("def handler(e, c): pass\n")
    path = tmp_path / "app.iac"
    program = '{kind} jobs\nfunction worker {{\n  code = "h.py"\n  env {{ JOBS = jobs.arn }}\n}}\n'
    caches = {target: RenderCache() for target in TARGETS}
    for kind in ("queue", "topic", "queue"):
        path.write_text(program.format(kind=kind))
        result = check(load(path))
        assert result.ok and result.app is not None, result.diagnostics
        planned = package(plan(result.app))
        for target in TARGETS:
            cached = registry.target_class(target)(planned).render_cached(caches[target])
            assert cached.files == registry.render(target, planned).files, target
    assert all(c.hits for c in caches.values())  # the unchanged role and log group


def test_a_layout_file_is_kept_while_its_inputs_are_unchanged(tmp_path: Path) -> None:
    """Terraform's layout files (versions.tf, outputs.tf, moved.tf...) are rendered
    again only when what they read changed: the app's name, an output."""
    (tmp_path / "h.py").write_text("def handler(e, c): pass\n")
    path = tmp_path / "app.iac"
    program = (
        'app {app} {{ region = "eu-west-1" }}\nqueue jobs\nfunction worker {{\n'
        '  code = "h.py"\n  memory = {memory}MB\n}}\noutput url = {output}\n'
    )
    cache = RenderCache()
    before: dict[str, bytes] = {}
    others = {"versions.tf", "variables.tf", "moved.tf"}
    steps = [  # the program, and the files that must come from the last render
        ("shop", 256, "jobs.url", set()),
        ("shop", 512, "jobs.url", others | {"outputs.tf"}),  # only the function changed
        ("shop", 512, "jobs.arn", others | {"main.tf"}),  # only an output
        ("store", 512, "jobs.arn", set()),  # the app's name is in every file
    ]
    for app, memory, output, kept in steps:
        path.write_text(program.format(app=app, memory=memory, output=output))
        result = check(load(path))
        assert result.ok and result.app is not None, result.diagnostics
        planned = package(plan(result.app))
        files = registry.target_class("terraform")(planned).render_cached(cache).files
        assert files == registry.render("terraform", planned).files
        assert kept <= set(files)
        assert {p for p in kept if files[p] is not before[p]} == set()
        before = files


def test_the_cdk_stack_is_arranged_again_only_when_its_shape_changes(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """The order of the stack's methods depends on the statements and what their nodes
    read, not on attribute values: a keystroke that changes a value keeps it."""
    from iac.emit.cdk import CdkTarget

    arranged = [0]
    real = CdkTarget._arranged

    def counted(self: CdkTarget) -> Any:
        arranged[0] += 1
        return real(self)

    monkeypatch.setattr(CdkTarget, "_arranged", counted)
    (tmp_path / "h.py").write_text("def handler(e, c): pass\n")
    path = tmp_path / "app.iac"
    worker = 'function worker {{\n  code = "h.py"\n  memory = {memory}MB\n}}\n'
    queue = "queue jobs {\n  visibility_timeout = 1m\n}\n"
    edge = "on jobs.message -> worker\n"
    cache = RenderCache()
    steps = [  # the program, and whether the stack is arranged again
        (queue + worker.format(memory=256) + edge, True),
        (queue + worker.format(memory=512) + edge, False),  # a value
        (worker.format(memory=512) + queue + edge, True),  # statements swapped
        (worker.format(memory=512) + queue, True),  # an edge removed
        (worker.format(memory=1024) + queue, False),
    ]
    for text, again in steps:
        path.write_text(text)
        result = check(load(path))
        assert result.ok and result.app is not None, result.diagnostics
        planned = package(plan(result.app))
        before = arranged[0]
        files = registry.target_class("cdk")(planned).render_cached(cache).files
        assert (arranged[0] > before) is again, text
        assert files == registry.render("cdk", planned).files


def test_unchanged_code_is_not_zipped_again(tmp_path: Path, monkeypatch: Any) -> None:
    """The preview shows the asset names `iac compile` writes, so the server packages
    on each keystroke; the code is zipped again only when its files change."""
    stage = importlib.import_module("iac.package")  # `iac.package` is the function
    zipped: list[object] = []
    real = stage._zip

    def counting(files: Any) -> bytes:
        zipped.append(files)
        return real(files)

    monkeypatch.setattr(stage, "_zip", counting)
    stage._zipped.cache_clear()
    code = tmp_path / "h.py"
    code.write_text("def handler(e, c): pass\n")
    path = tmp_path / "app.iac"
    program = 'function worker {{\n  code = "h.py"\n  timeout = {n}s\n}}\n'
    ws = Workspace()
    project = ws.open(path, program.format(n=10))
    names = []
    for n in (11, 12, 13):
        ws.change(path, program.format(n=n))
        preview = render_preview(project.analysis(), "cfn", _location)
        assert preview is not None
        names.append([f["path"] for f in preview.files if f.get("binary")])
    assert len(zipped) == 1 and names[0] == names[2]
    code.write_text("def handler(e, c): return 1\n")
    ws.change(path, program.format(n=14))
    preview = render_preview(project.analysis(), "cfn", _location)
    assert preview is not None and len(zipped) == 2
    assert [f["path"] for f in preview.files if f.get("binary")] != names[0]


# A queue and a function with an `allow` line and an edge: blocks of several lines, a
# role's statements citing other lines.
_EXTRA = """queue {name}_jobs {{ visibility_timeout = 2m }}
function {name}_worker {{
  code = "src/shop_events/pager.py"
  allow {name}_jobs: receive
}}
on {name}_jobs.message -> {name}_worker
"""


def _server() -> Any:
    from iac.lsp.server import IacServer  # pygls: imported by the tests that need it

    return IacServer()


def _server_location() -> tuple[Any, Any]:
    from iac.lsp.server import IacServer  # pygls: imported by the tests that need it

    server = IacServer()
    return server.ws, server._location


@pytest.mark.parametrize("example", ["shop_events.iac", "assistant.iac"])
def test_random_edits_map_as_a_fresh_server_does(tmp_path: Path, example: str) -> None:
    """The source map reuses the previous keystroke's blocks (by their text) and span
    locations (by their statement and its line): after every edit it is the map a
    server that never saw the program before gives, positions and URIs included."""
    shutil.copytree(EXAMPLES / "src", tmp_path / "src")
    path = tmp_path / "app.iac"
    original = (EXAMPLES / example).read_text()
    path.write_text(original)
    rng = random.Random(f"map-{example}")
    server = _server()
    ws, location = server.ws, server._location
    project = ws.open(path, original)
    text, compared = original, 0
    uri = None
    for step in range(36):
        text = _edit(rng, text, original)
        if step % 5 == 4:  # a line of wide characters above a statement: UTF-16 columns
            at = rng.choice(split_statements(text))
            text = text[:at] + "# ünïcödé 🎉 note\n" + text[at:]
        if step % 6 == 2:  # new resources in the middle: new blocks, later ones move down
            at = rng.choice(split_statements(text)[1:])
            name = f"extra_{step}"
            text = text[:at] + _EXTRA.format(name=name) + text[at:]
        if step % 12 == 7:  # the client spells the file's URI another way
            uri = f"file:///elsewhere/{step}/app.iac"
            server.paths_to_uris[path] = uri
        ws.change(path, text)
        fresh = _server()
        if uri is not None:
            fresh.paths_to_uris[path] = uri
        fresh_ws, fresh_location = fresh.ws, fresh._location
        fresh = fresh_ws.open(path, text).analysis()
        for target in TARGETS:
            got = render_preview(project.analysis(), target, location)
            want = render_preview(fresh, target, fresh_location)
            assert (got is None) == (want is None), target
            if got is not None and want is not None:
                assert dict(got.to_json("u"), version=0) == dict(want.to_json("u"), version=0)
            compared += got is not None
    assert compared >= 70


def test_a_keystroke_locates_only_the_changed_statement(tmp_path: Path) -> None:
    """The source map asks the server for the LSP range of a span only when its
    statement is new or moved to another line (and once per file, for its URI)."""
    shutil.copytree(EXAMPLES / "src", tmp_path / "src")
    path = tmp_path / "app.iac"
    text = (EXAMPLES / "shop_events.iac").read_text()
    path.write_text(text)
    ws, location = _server_location()
    asked: list[Any] = []

    def counting(span: Any) -> Any:
        asked.append(span)
        return location(span)

    project = ws.open(path, text)
    assert render_preview(project.analysis(), "cfn", counting) is not None
    first = len(asked)
    number = re.search(r"(?<![\w.])\d+(?=[a-zA-Z]*\b)", text[len(text) // 2 :])
    assert number is not None
    at = len(text) // 2 + number.start()
    ws.change(path, text[:at] + "9" + text[at:])  # one statement, no line moves
    asked.clear()
    assert render_preview(project.analysis(), "cfn", counting) is not None
    changed = next(
        c
        for c in ws.file(path).chunks
        if c.source.offset <= at < c.source.offset + len(c.source.text)
    )
    assert all(s.source is changed.source for s in asked[1:]), "an unchanged statement"
    assert 0 < len(asked) < first // 4


def test_functions_sharing_code_walk_it_once(tmp_path: Path, monkeypatch: Any) -> None:
    """Packaging (on every keystroke in the server) walks a code folder once however
    many functions share it."""
    stage = importlib.import_module("iac.package")
    walked: list[object] = []
    real = stage.inspect_code

    def counting(*args: Any) -> Any:
        walked.append(args)
        return real(*args)

    monkeypatch.setattr(stage, "inspect_code", counting)
    (tmp_path / "h.py").write_text("def handler(e, c): pass\n")
    path = tmp_path / "app.iac"
    path.write_text("".join(f'function f{i} {{\n  code = "h.py"\n}}\n' for i in range(3)))
    result = check(load(path))
    assert result.ok and result.app is not None, result.diagnostics
    planned = package(plan(result.app))
    assert len(walked) == 1
    assets = [n.props.asset for n in planned.nodes if isinstance(n.props, FunctionProps)]
    assert len(assets) == 3 and len({a.sha256 for a in assets}) == 1


def test_a_keystroke_counts_lines_only_for_the_changed_statement(
    tmp_path: Path, monkeypatch: Any
) -> None:
    """A reused block's marker (`app.iac:12`) is checked without counting lines again:
    the render cache and the source map ask a span for its `where()` only when its
    statement is new or starts another line."""
    from iac.source import Span

    shutil.copytree(EXAMPLES / "src", tmp_path / "src")
    path = tmp_path / "app.iac"
    text = (EXAMPLES / "shop_events.iac").read_text()
    path.write_text(text)
    ws, location = _server_location()
    project = ws.open(path, text)
    assert render_preview(project.analysis(), "cfn", location) is not None
    counted: list[Span] = []
    real = Span.where

    def counting(self: Span) -> str:
        counted.append(self)
        return real(self)

    monkeypatch.setattr(Span, "where", counting)
    number = re.search(r"(?<![\w.])\d+(?=[a-zA-Z]*\b)", text[len(text) // 2 :])
    assert number is not None
    at = len(text) // 2 + number.start()
    ws.change(path, text[:at] + "9" + text[at:])
    analysis = project.analysis()
    planned = analysis.packaged
    assert planned is not None
    counted.clear()
    preview = render_preview(analysis, "cfn", location)
    assert preview is not None and any(f"{path.name}:" in f.get("text", "") for f in preview.files)
    assert 0 < len(counted) < len(planned.nodes) // 4
    # An inserted line moves every later statement: their markers are counted again.
    ws.change(path, "# a note\n" + text[:at] + "9" + text[at:])
    counted.clear()
    moved = render_preview(project.analysis(), "cfn", location)
    assert moved is not None and len(counted) >= len(planned.nodes)


def test_random_edits_split_as_a_fresh_file_does(tmp_path: Path) -> None:
    """A file's statements are split again only around an edit (document.py): after
    every edit, of any character anywhere (brackets, quotes, comments, newlines,
    continuations), its statements, their places and its line index are a fresh
    file's, and only statements whose text is new were parsed."""
    from iac.lsp.document import FileState

    path = tmp_path / "app.iac"
    original = (EXAMPLES / "shop_events.iac").read_text()
    rng = random.Random("split")
    state = FileState(path, original)
    text = original
    pieces = ["{", "}", "(", ")", "[", "]", '"', "#", "//", "\n", "\\\n", " ", "x", "queue q\n"]
    for step in range(400):
        if step % 50 == 49:
            text = original  # back to the start: every statement seen before
        elif rng.random() < 0.3 and len(text) > 10:
            at = rng.randrange(len(text) - 5)
            text = text[:at] + text[at + rng.randint(1, 5) :]
        else:
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(pieces) + text[at:]
        before = {id(c) for c in state.chunks}
        parsed = state.parsed
        state.update(text)
        fresh = FileState(path, text)
        assert [c.source.text for c in state.chunks] == [c.source.text for c in fresh.chunks]
        assert [(c.source.offset, c.source.first_line) for c in state.chunks] == [
            (c.source.offset, c.source.first_line) for c in fresh.chunks
        ]
        assert [c.diagnostics == [] for c in state.chunks] == [
            c.diagnostics == [] for c in fresh.chunks
        ]
        assert state.index.starts == fresh.index.starts
        assert state.source.text == text and state.source.line_count == fresh.source.line_count
        assert state.parsed - parsed == sum(id(c) not in before for c in state.chunks)


def test_a_node_with_two_blocks_has_one_entry_with_both(tmp_path: Path) -> None:
    """Terraform writes a role and its policy as two blocks under the role's marker: the
    map has one entry for the role with both ranges, on the first preview and on the
    next, where the blocks are reused (each block keeps its own entries otherwise)."""
    shutil.copytree(EXAMPLES / "src", tmp_path / "src")
    path = tmp_path / "app.iac"
    text = (EXAMPLES / "thumbnails.iac").read_text()
    path.write_text(text)
    ws, location = _server_location()
    project = ws.open(path, text)
    for edited in (text, "# a note\n" + text, "# a note\n" + text + "\n"):
        ws.change(path, edited)
        preview = render_preview(project.analysis(), "terraform", location)
        assert preview is not None
        roles = [
            e
            for e in preview.source_map
            if e["kind"] == "resource" and e["nodeId"] == "ThumbnailerRole"
        ]
        assert len(roles) == 1 and len(roles[0]["generated"]) == 2
        keys = [(e["kind"], e["nodeId"], str(e["source"])) for e in preview.source_map]
        assert len(keys) == len(set(keys))


def test_random_edits_scan_a_generated_file_as_a_fresh_scan_does() -> None:
    """A generated file is searched again only between its first and last changed
    characters (preview.py, `_FileScan.rescan`): after any edit (markers made, broken
    or joined, lines added, indentation changed, at the ends too) its blocks, their
    lines, offsets and extents are a fresh scan's."""
    from iac.lsp.preview import _scan

    def block(i: int) -> str:
        return f"  # app.iac:{i}  queue q{i}\n  Q{i}:\n    Type: AWS::SQS::Queue\n\n"

    original = "Resources:\n" + "".join(block(i) for i in range(30)) + "Outputs: {}\n"
    rng = random.Random("scan")
    pieces = [
        "\n",
        "  ",
        "#",
        " app.iac:7  queue x\n",
        "  # app.iac:9  queue y\n",
        "x",
        ".iac:",
        "Q",
    ]
    text, scan = original, _scan(original)
    for step in range(500):
        if step % 40 == 39:
            text = original
        elif rng.random() < 0.3 and len(text) > 10:
            at = rng.randrange(len(text) - 5)
            text = text[:at] + text[at + rng.randint(1, 8) :]
        else:
            at = rng.choice([0, len(text), rng.randrange(len(text) + 1)])
            text = text[:at] + rng.choice(pieces) + text[at:]
        scan = scan.rescan(text)
        fresh = _scan(text)
        got = [
            (line, at, b.region, b.where, b.label, b.last, b.width) for line, at, b in scan.marks
        ]
        want = [
            (line, at, b.region, b.where, b.label, b.last, b.width) for line, at, b in fresh.marks
        ]
        assert got == want, f"step {step}"
        assert len(scan.mapped) == len(scan.marks)
