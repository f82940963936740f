"""The language server's check and plan reuse each statement's work across analyses
(iac/checker/memo.py, iac/plan/memo.py): after every edit of a random sequence, the
diagnostics, the model and the plan are those of a fresh check and plan of the same
text, equal and in the same order."""

from __future__ import annotations

import dataclasses
import random
import re
import shutil
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from iac.lsp.document import file_offset, split_statements
from iac.lsp.workspace import Analysis, Project
from iac.source import Source, Span

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from bench_check import program_text  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# Statements an edit may add: new names, a reference to an undeclared one, an async
# consumer (its NAME_dlq), a shorthand schedule.
EXTRA = [
    "queue extra_q { visibility_timeout = 1m }\n",
    'function extra_f {\n  code = "src/handler.py"\n  allow extra_q: send\n}\n',
    'function extra_g {\n  code = "src/handler.py"\n  env { QURL = extra_q.url }\n}\n',
    "topic extra_t\non extra_t.message -> extra_f\n",
    "every 10m -> extra_f\n",
    'container extra_c {\n  image = "1234.dkr.ecr.us-east-1.amazonaws.com/x:1"\n  cpu = 256\n'
    "  memory = 512MB\n}\nevery 1h -> extra_c\n",
    'container extra_d {\n  image = "1234.dkr.ecr.us-east-1.amazonaws.com/y:1"\n}\n',
    'function extra_n {\n  code = "src/handler.py"\n  name = "named"\n  allow extra_u: invoke\n}\n',
    'function extra_u {\n  code = "src/handler.py"\n  url = true\n}\n',
    'function extra_v {\n  code = "src/handler.py"\n  env { UURL = extra_u.url }\n}\n',
    "table extra_tb { key id: string }\n",
    'function extra_bad {\n  code = "src/nope.py"\n  allow nothere: read\n}\n',
]


def _norm(value: Any) -> Any:
    """A value with its spans as (file, offsets in the file): the editor parses each
    statement as its own source, so spans are compared where they point."""
    if isinstance(value, Span):
        start, end = file_offset(value)
        return ("span", str(value.source.path), start, end)
    if isinstance(value, Source):
        return ("source", str(value.path))
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            tuple((f.name, _norm(getattr(value, f.name))) for f in dataclasses.fields(value)),
        )
    if isinstance(value, dict):
        return ("dict", tuple((_norm(k), _norm(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_norm(v) for v in value)
    if isinstance(value, set | frozenset):
        return ("set", tuple(sorted(repr(_norm(v)) for v in value)))
    if isinstance(value, Path):
        return str(value)
    return value


def _seen(analysis: Analysis) -> tuple[Any, Any, Any]:
    planned = analysis.plan
    return _norm(analysis.diagnostics), _norm(analysis.app), _norm(planned)


def _pieces(text: str) -> list[str]:
    starts = split_statements(text)
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def _edit(rng: random.Random, text: str, original: str) -> str:
    """One edit: an attribute's value, a rename (everywhere, or the declaration only),
    a statement added, removed or moved, syntax broken (and the next edit fixing it
    by going back to the start), a param's default or the app block changed."""
    kind = rng.randrange(11)
    pieces = _pieces(text)
    if kind == 0:
        numbers = list(re.finditer(r"(?<![\w.])\d+(?=[a-zA-Z]*\b)", text))
        if numbers:
            m = rng.choice(numbers)
            return text[: m.start()] + str(int(m.group()) + rng.randint(1, 3)) + text[m.end() :]
    if kind == 1:
        names = sorted(set(re.findall(r"^(?:\w+) (\w+)", text, re.M)))
        if names:
            old = rng.choice(names)
            new = old + rng.choice(["x", "_2"])
            if rng.random() < 0.5:
                return re.sub(rf"\b{old}\b", new, text)
            return re.sub(rf"^(\w+) {old}\b", rf"\1 {new}", text, count=1, flags=re.M)
    if kind == 2:
        at = rng.randrange(1, len(pieces) + 1)
        pieces.insert(at, rng.choice(EXTRA))
        return "".join(pieces)
    if kind == 3 and len(pieces) > 2:
        del pieces[rng.randrange(1, len(pieces))]
        return "".join(pieces)
    if kind == 4 and len(pieces) > 2:
        i = rng.randrange(1, len(pieces) - 1)
        pieces[i], pieces[i + 1] = pieces[i + 1], pieces[i]
        joined = "".join(pieces)
        return joined if joined.endswith("\n") else joined + "\n"
    if kind == 5:
        at = rng.randrange(len(text))
        return text[:at] + rng.choice(["{", "}", " = ", "->"]) + text[at:]
    if kind == 6:
        return re.sub(r'(param \w+: string = ")(\w*)"', r'\1\2x"', text, count=1)
    if kind == 7:
        app = re.search(r"app \w+ \{\n", text)
        if app:
            line = rng.choice(['  prefix = "shop"\n', '  region = "us-east-1"\n', ""])
            return text[: app.end()] + line + text[app.end() :]
    if kind == 9:
        strings = list(re.finditer(r'"([a-z][a-z0-9 -]*)"', text))
        if strings:
            m = rng.choice(strings)
            return text[: m.start(1)] + m.group(1) + "x" + text[m.end(1) :]
    if kind == 8:
        flags = list(re.finditer(r"\b(true|false)\b", text))
        if flags:
            m = rng.choice(flags)
            flip = "false" if m.group() == "true" else "true"
            return text[: m.start()] + flip + text[m.end() :]
    return original


def _program(tmp_path: Path, base: str) -> str:
    shutil.copytree(EXAMPLES / "src", tmp_path / "src")
    (tmp_path / "src" / "handler.py").write_text("def handler(event, context):\n    pass\n")
    if base == "bench":
        return str(program_text(30))
    if base == "extras":  # containers (one cluster for both), URLs, names, schedules
        return str(program_text(20)) + "".join(e for e in EXTRA if "extra_bad" not in e)
    return (EXAMPLES / base).read_text()


@pytest.mark.parametrize(
    "base", ["bench", "extras", "shop_events.iac", "assistant.iac", "fleet.iac"]
)
def test_random_edits_check_and_plan_as_fresh(tmp_path: Path, base: str) -> None:
    text = original = _program(tmp_path, base)
    path = tmp_path / "app.iac"
    path.write_text(text)
    project = Project(path)
    rng = random.Random(f"incremental-{base}")
    planned = reused = replayed = 0
    before = text
    for step in range(150):
        if not all(f.ok for f in project.files.values()):
            text = before  # the syntax is fixed again
        else:
            before, text = text, _edit(rng, text, original)
        project.sync({path: text})
        got = _seen(project.analysis())
        fresh = Project(path)
        fresh.sync({path: text})
        want = _seen(fresh.analysis())
        assert got[0] == want[0], f"diagnostics differ after edit {step}"
        assert got[1] == want[1], f"model differs after edit {step}"
        assert got[2] == want[2], f"plan differs after edit {step}"
        planned += project.analysis().plan is not None
        reused += project.check_memo.reused
        replayed += project.plan_memo.reused
    assert replayed > 0
    assert planned >= 25  # many edits leave a program that checks and plans
    assert reused > 0


def test_a_created_code_file_is_seen_at_the_next_check(tmp_path: Path) -> None:
    """A function's `code` file is read at each check: E110 goes once it exists,
    though its declaration is unchanged."""
    path = tmp_path / "app.iac"
    text = 'function f {\n  code = "h.py"\n}\nqueue q\n'
    project = Project(path)
    project.sync({path: text})
    assert [d.code for d in project.analysis().diagnostics] == ["E110"]
    (tmp_path / "h.py").write_text("def handler(e, c): pass\n")
    project.sync({path: text.replace("queue q", "queue q { visibility_timeout = 1m }")})
    assert "E110" not in [d.code for d in project.analysis().diagnostics]
    assert project.analysis().app is not None


def test_an_unchanged_consumer_is_the_same_resource_and_its_record_unchanged(
    tmp_path: Path,
) -> None:
    """An asynchronous consumer's `on_failure` is its NAME_dlq: a copy of the resource
    its pass made, so that the pass can be replayed as it ran; the copy is the same
    object while nothing it is made of changes (the plan reuses what it lowered)."""
    (tmp_path / "h.py").write_text("def handler(e, c): pass\n")
    path = tmp_path / "app.iac"
    text = 'topic t\nfunction f {\n  code = "h.py"\n}\non t.message -> f\nqueue q\n'
    project = Project(path)
    project.sync({path: text})
    first = project.analysis().app
    assert first is not None and first.resources["f"].attrs["on_failure"] == "f_dlq"
    project.sync({path: text.replace("queue q", "queue q { visibility_timeout = 1m }")})
    second = project.analysis().app
    assert second is not None and project.check_memo.reused == 2  # t and f: q changed
    assert second.resources["f"] is first.resources["f"]
    recorded = [c.resource for c in project.check_memo.checked.values()]
    assert [r.attrs.get("on_failure") for r in recorded if r.name == "f"] == [None]


def test_a_pass_reads_the_declarations_it_names_again(tmp_path: Path) -> None:
    """`g` reads `f.url`, which needs `url = true` in f's declaration: turning it off
    is E192 in g's pass, though g's text is unchanged."""
    (tmp_path / "h.py").write_text("def handler(e, c): pass\n")
    path = tmp_path / "app.iac"
    text = (
        'function f {\n  code = "h.py"\n  url = true\n}\n'
        'function g {\n  code = "h.py"\n  env { FURL = f.url }\n}\n'
    )
    project = Project(path)
    project.sync({path: text})
    assert project.analysis().ok
    project.sync({path: text.replace("url = true", "url = false")})
    assert "E192" in [d.code for d in project.analysis().diagnostics]


def _planned(project: Project, path: Path, text: str) -> Any:
    project.sync({path: text})
    planned = project.analysis().plan
    assert planned is not None, project.analysis().diagnostics
    return planned


def test_a_replayed_lowering_shares_its_nodes_but_not_what_later_passes_change(
    tmp_path: Path,
) -> None:
    """f's lowering is replayed when an edge to it is added: its log group is the last
    plan's node, its role node a new one, and the last plan's role keeps the statements
    it had (the edge grants f's role more)."""
    (tmp_path / "h.py").write_text("def handler(e, c): pass\n")
    path = tmp_path / "app.iac"
    text = 'queue q\nfunction f {\n  code = "h.py"\n  allow q: send\n}\n'
    project = Project(path)
    first = _planned(project, path, text)
    second = _planned(project, path, text + "on q.message -> f\n")
    assert project.plan_memo.reused == 1  # f (q is lowered again: an edge's source now)
    before = {n.id: n for n in first.nodes}
    after = {n.id: n for n in second.nodes}
    assert after["FLogGroup"] is before["FLogGroup"]
    assert after["FRole"] is not before["FRole"]
    sids = [s.sid for s in before["FRole"].props.statements]
    assert sids == ["WriteLogs", "SendQ"]
    assert len(after["FRole"].props.statements) > len(sids)


def test_a_lowering_is_replayed_only_while_what_it_read_is_unchanged(tmp_path: Path) -> None:
    """g's grant names f's ARN, built from f's physical name: renaming f (its `name`)
    changes g's role though g's declaration is unchanged."""
    (tmp_path / "h.py").write_text("def handler(e, c): pass\n")
    path = tmp_path / "app.iac"
    text = (
        'function f {\n  code = "h.py"\n  name = "first"\n}\n'
        'function g {\n  code = "h.py"\n  allow f: invoke\n}\n'
    )
    project = Project(path)
    _planned(project, path, text)
    edited = text.replace('"first"', '"second"')
    got = _planned(project, path, edited)
    fresh = Project(path)
    assert _norm(got) == _norm(_planned(fresh, path, edited))
    assert "second" in repr(got.nodes[[n.id for n in got.nodes].index("GRole")].props)


def test_swapped_containers_still_share_one_cluster(tmp_path: Path) -> None:
    """The first container's lowering makes the app's ECS cluster: after a swap the
    other one is first, so containers are always lowered again (never replayed)."""
    path = tmp_path / "app.iac"
    first = 'container a {\n  image = "1234.dkr.ecr.us-east-1.amazonaws.com/a:1"\n}\n'
    second = 'container b {\n  image = "1234.dkr.ecr.us-east-1.amazonaws.com/b:1"\n}\n'
    project = Project(path)
    _planned(project, path, first + second)
    swapped = _planned(project, path, second + first)
    assert "Cluster" in [n.id for n in swapped.nodes]
    assert _norm(swapped) == _norm(_planned(Project(path), path, second + first))


def test_an_unchanged_edge_is_judged_again_when_its_source_changes(tmp_path: Path) -> None:
    """`on t.changed` needs `stream = true` on table t: turning it off is E120 on the
    edge, whose own text is unchanged; the other edge's judgement is replayed."""
    (tmp_path / "h.py").write_text("def handler(e, c): pass\n")
    path = tmp_path / "app.iac"
    text = (
        "table t {\n  key id: string\n  stream = true\n}\nqueue q\n"
        'function f {\n  code = "h.py"\n}\non t.changed -> f\non q.message -> f\n'
    )
    project = Project(path)
    project.sync({path: text})
    assert project.analysis().ok
    project.sync({path: text.replace("stream = true", "stream = false")})
    assert [d.code for d in project.analysis().diagnostics if d.code == "E120"] == ["E120"]
    assert len(project.check_memo.judged) == 2


def test_a_rename_replays_the_passes_that_do_not_mention_the_name(tmp_path: Path) -> None:
    """Renaming `orders` changes one name's kind: r's and t's passes (which name
    neither) are replayed; g's, whose misspelt grant suggests a name out of every name,
    is not."""
    (tmp_path / "h.py").write_text("def handler(e, c): pass\n")
    path = tmp_path / "app.iac"
    text = "queue orders\nqueue r\ntopic t {\n  fifo = true\n}\n"
    project = Project(path)
    project.sync({path: text})
    project.analysis()
    project.sync({path: text.replace("queue orders", "queue orders_x")})
    assert project.analysis().app is not None
    assert project.check_memo.reused == 2  # r and t
    with_error = text + 'function g {\n  code = "h.py"\n  allow orderz: send\n}\n'
    project.sync({path: with_error})
    assert "did you mean `orders`?" in [d.note for d in project.analysis().diagnostics]
    project.sync({path: with_error.replace("queue orders\n", "queue ordersx\n")})
    assert "did you mean `ordersx`?" in [d.note for d in project.analysis().diagnostics]
