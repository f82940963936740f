"""`iac explain`: every IAM statement of every example carries the line it came from
and a reason; the JSON is valid, stable and shaped as documented."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from examples import EXAMPLES as EXAMPLES_DIR
from examples import case_name, compile_program, example_programs
from iac.cli import main
from iac.explain import explain, render_human, render_json, spell, to_data
from iac.frontend import check, from_text
from iac.plan import Plan, plan
from iac.plan.iam import Statement
from iac.plan.values import ACCOUNT, PARTITION, REGION, Json, Param, Ref, Sub, walk

EXAMPLES = example_programs()
STATEMENT_KEYS = {
    "sid", "effect", "actions", "resources", "file", "line", "reason", "principal", "conditions",
}  # fmt: skip
ENTRY_KEYS = {"role", "kind", "owner", "service", "statements"}


def iac(*args: str, cwd: Path = EXAMPLES_DIR) -> subprocess.CompletedProcess[str]:
    """The CLI in process (fast), as a finished process: exit code, stdout, stderr."""
    try:
        runner = CliRunner(mix_stderr=False)  # type: ignore[call-arg]  # click < 8.2
    except TypeError:
        runner = CliRunner()
    with contextlib.chdir(cwd):
        result = runner.invoke(main, list(args), catch_exceptions=False)
    return subprocess.CompletedProcess(list(args), result.exit_code, result.stdout, result.stderr)


def iac_process(*args: str, cwd: Path = EXAMPLES_DIR) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iac.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def planned(program: Path) -> Plan:
    """The plan of an example."""
    compiled = compile_program(program, [])
    assert not compiled.diagnostics, [d.message for d in compiled.diagnostics]
    assert compiled.plan is not None
    return compiled.plan


def all_statements(p: Plan) -> list[Statement]:
    """Every Statement anywhere in the plan, however deeply a node holds it."""
    found = []
    for node in p.nodes:
        for value in walk(node.props):
            if isinstance(value, Statement):
                found.append(value)
    return found


# ---------------------------------------------------------------- every statement explained


@pytest.mark.parametrize("program", EXAMPLES, ids=case_name)
def test_every_statement_has_a_source_and_a_reason(program: Path) -> None:
    p = planned(program)
    entries = explain(p)
    roles = [e for e in entries if e.kind == "role"]
    assert {e.id for e in roles} == {n.id for n in p.nodes if n.type == "role"}
    for entry in entries:
        for st in entry.statements:
            assert st.file and st.line and st.line >= 1, (entry.id, st.sid)
            assert st.reason.strip(), (entry.id, st.sid)
    for st in all_statements(p):
        assert st.source is not None, st.sid
        assert st.reason.strip(), st.sid
    # No statement hides from explain: the plan holds exactly what it shows.
    shown = sorted((e.id, s.sid) for e in entries for s in e.statements)
    held = sorted(
        (n.id, s.sid)
        for n in p.nodes
        for s in getattr(n.props, "statements", ())
        if isinstance(s, Statement)
    )
    assert shown == held
    assert len(shown) == len(all_statements(p))


@pytest.mark.parametrize("program", EXAMPLES, ids=case_name)
def test_source_lines_point_at_the_reason(program: Path) -> None:
    """A grant's statement cites the line of its `allow`; an edge's, the line of its `on`."""
    p = planned(program)
    files = {}
    for entry in explain(p):
        for st in entry.statements:
            assert st.file is not None and st.line is not None
            path = Path(st.file)
            assert path.is_absolute() and path.is_relative_to(
                program if program.is_dir() else program.parent
            )
            text = files.setdefault(path, path.read_text(encoding="utf-8").splitlines())
            line = text[st.line - 1]
            if st.reason.startswith("`allow "):
                assert line.strip().startswith("allow "), (st.sid, line)
            if st.reason.startswith("`on "):
                assert line.strip().startswith("on "), (st.sid, line)


# ---------------------------------------------------------------- JSON


@pytest.mark.parametrize("program", EXAMPLES, ids=case_name)
def test_json_is_valid_stable_and_shaped(program: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rel = program.relative_to(EXAMPLES_DIR)
    first = iac("explain", str(rel), "--format", "json")
    if first.returncode == 1 and "E200" in first.stdout:
        codes = {d["code"] for d in json.loads(first.stdout)}
        assert codes == {"E200"}
        return
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    data = json.loads(first.stdout)
    second = iac("explain", str(rel), "--format", "json")
    assert second.stdout == first.stdout
    assert isinstance(data, list) and data
    for entry in data:
        assert set(entry) == ENTRY_KEYS
        assert entry["kind"] in ("role", "policy")
        assert (entry["service"] is not None) == (entry["kind"] == "role")
        for st in entry["statements"]:
            assert set(st) == STATEMENT_KEYS
            assert st["effect"] in ("Allow", "Deny")
            assert st["actions"] and all(isinstance(a, str) and ":" in a for a in st["actions"])
            assert st["resources"] and all(isinstance(r, str) for r in st["resources"])
            assert isinstance(st["file"], str) and isinstance(st["line"], int)
            assert st["reason"]
    # The same data in process: the CLI adds nothing and drops nothing.
    monkeypatch.chdir(EXAMPLES_DIR)
    p = planned(rel)
    assert to_data(explain(p)) == data


def test_json_with_a_param() -> None:
    out = iac_process("explain", "shop_events.iac", "--format", "json", "--param", "stage=prod")
    assert out.returncode == 0, out.stderr
    roles = {e["role"]: e for e in json.loads(out.stdout)}
    writes = roles["PlaceOrderRole"]["statements"][0]
    assert writes["sid"] == "WriteLogs"
    # The log group's own ARN (its attribute in every target), not one rebuilt from the
    # name: the same output serves every stage.
    assert writes["resources"] == ["PlaceOrderLogGroup.streams_arn"]
    assert "prod" not in out.stdout


# ---------------------------------------------------------------- human text


def test_human_text_cites_lines_and_reasons() -> None:
    out = iac("explain", "shop_events.iac")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    lines = (EXAMPLES_DIR / "shop_events.iac").read_text().splitlines()
    allow_line = next(i for i, line in enumerate(lines, 1) if "allow orders: write" in line)
    assert f"shop_events.iac:{allow_line}" in text
    assert "`allow orders: write`" in text
    assert "role PlaceOrderRole (function place_order: role)" in text
    assert "assumed by lambda.amazonaws.com" in text
    assert "Orders.arn" in text and "${Orders.arn}/index/*" in text
    assert "policy ShippingNoticesPolicy" in text
    assert "when      ArnEquals aws:SourceArn = HourlyReport.arn" in text
    assert text.rstrip().splitlines()[-1].endswith("statements")


def test_workflow_model_and_callback_grants_are_explained() -> None:
    out = iac("explain", "publishing.iac")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    model = text.split("InvokeSummarizer", 1)[1].split("\n\n", 1)[0]
    assert "allow     bedrock:InvokeModel\n" in model  # not the streaming form
    assert "foundation-model/anthropic.claude-3-haiku-20240307-v1:0" in model
    assert "through Bedrock's optimized integration" in model
    callback = text.split("CallbackPublishArticle", 1)[1].split("\n\n", 1)[0]
    assert "states:SendTaskFailure, states:SendTaskHeartbeat, states:SendTaskSuccess" in callback
    assert "stateMachine:publishing-publish-article" in callback
    assert "`allow publish_article: callback`" in callback
    assert "waits for the callback" in text


def test_bucket_policy_deny_is_shown() -> None:
    out = iac("explain", "thumbnails.iac")
    assert out.returncode == 0, out.stderr
    assert "policy UploadsPolicy (bucket uploads: policy)" in out.stdout
    assert "deny      s3:*" in out.stdout
    assert "to        anyone" in out.stdout


# ---------------------------------------------------------------- bad programs and usage


def test_bad_program_reports_diagnostics(tmp_path: Path) -> None:
    (tmp_path / "bad.iac").write_text("queue jobs {\n  visiblity_timeout = 1m\n}\n")
    out = iac("explain", "bad.iac", cwd=tmp_path)
    assert out.returncode == 1
    assert "error[" in out.stderr and "bad.iac:2:3" in out.stderr
    assert out.stdout == ""
    out = iac("explain", "bad.iac", "--format", "json", cwd=tmp_path)
    assert out.returncode == 1
    assert json.loads(out.stdout)[0]["severity"] == "error"


def test_usage_errors(tmp_path: Path) -> None:
    missing = iac_process("explain", "missing.iac", cwd=tmp_path)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    (tmp_path / "q.iac").write_text("queue q\n")
    out = iac("explain", "q.iac", "--param", "nope=1", cwd=tmp_path)
    assert out.returncode == 2 and "nope" in out.stderr
    assert iac("explain", "q.iac", "--format", "yaml", cwd=tmp_path).returncode == 2


def test_a_program_without_roles(tmp_path: Path) -> None:
    (tmp_path / "q.iac").write_text("queue q\noutput u = q.url\n")
    out = iac("explain", "q.iac", "--format", "json", cwd=tmp_path)
    assert out.returncode == 0 and json.loads(out.stdout) == []
    out = iac("explain", "q.iac", cwd=tmp_path)
    assert out.returncode == 0
    assert out.stdout.strip() == "0 roles, 0 resource policies, 0 statements"


# ---------------------------------------------------------------- spelling plan values


def test_spelling_is_neutral() -> None:
    assert spell(Ref("Orders", "arn")) == "Orders.arn"
    assert spell(Param("stage")) == "${stage}"
    assert spell(REGION) == "${AWS::Region}"
    assert spell(ACCOUNT) == "${AWS::AccountId}"
    value = Sub(("arn:", PARTITION, ":sqs:", REGION, ":", ACCOUNT, ":", Param("stage"), "-q"))
    assert spell(value) == "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${stage}-q"
    assert spell(Sub((Ref("Bucket", "arn"), "/*"))) == "${Bucket.arn}/*"
    # A literal `${` in a string is escaped, so it never reads as a value.
    assert spell(Sub(("a${b}", Param("p")))) == "a$${b}${p}"
    assert spell(Json({"k": [Ref("A", "arn")]})) == {"k": ["A.arn"]}
    assert spell({"ArnEquals": {"aws:SourceArn": Ref("R", "arn")}}) == {
        "ArnEquals": {"aws:SourceArn": "R.arn"}
    }
    assert spell(3) == 3 and spell(None) is None


def test_explain_in_process_matches_render(tmp_path: Path) -> None:
    (tmp_path / "f.py").write_text("def handler(e, c):\n    pass\n")
    text = (
        'function f {\n  code = "f.py"\n  allow q: send\n}\nqueue q\ntopic t\non t.message -> q\n'
    )
    result = check(from_text(text, tmp_path / "main.iac"))
    assert result.ok and result.app is not None
    entries = explain(plan(result.app))
    # The topic's subscription redrives to the queue's dead-letter queue `q_dlq`.
    assert [(e.kind, e.id) for e in entries] == [
        ("role", "FRole"),
        ("policy", "QPolicy"),
        ("policy", "QDlqPolicy"),
    ]
    send = entries[0].statements[1]
    assert (send.sid, send.line, send.reason) == ("SendQ", 3, "`allow q: send`")
    data: Any = json.loads(render_json(entries))
    assert data == to_data(entries)
    text_out = render_human(entries)
    assert "main.iac:3" in text_out and "main.iac:7" in text_out
