"""`iac check` is clean exactly when `iac compile --target all` gets through: every logical
ID the plan makes is known to the checker (iac/names.py), so no collision is left for the
plan to find (E201)."""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

import pytest
from conftest import codes
from hypothesis import given, settings
from hypothesis import strategies as st
from test_properties import program as generated_program

import iac.checker
from examples import REPO, case_name, example_programs
from iac.compiler import compile_app
from iac.diagnostics import Severity
from iac.emit import registry
from iac.frontend import CheckResult, check, from_text, load
from iac.names import generated_ids
from iac.plan import plan

PROGRAMS = [
    *example_programs(),
    *sorted((REPO / "tests" / "programs").glob("*.iac")),
]
WORK = Path(tempfile.mkdtemp(prefix="iac-names-"))


def compile_errors(result: CheckResult) -> list[str]:
    assert result.app is not None
    compiled = compile_app(result.app, registry.names())
    return [f"{d.code} {d.message}" for d in compiled.diagnostics if d.severity is Severity.ERROR]


@pytest.mark.parametrize("program", PROGRAMS, ids=case_name)
def test_check_is_clean_iff_compile_succeeds(program: Path) -> None:
    result = check(load(program))
    assert result.ok, [d.message for d in result.errors]
    assert compile_errors(result) == []


@pytest.mark.parametrize("program", PROGRAMS, ids=case_name)
def test_generated_ids_are_the_plans(program: Path) -> None:
    """names.generated_ids lists exactly the logical IDs the plan gives its nodes and
    params, so the checker's list can't drift from the plan."""
    result = check(load(program))
    assert result.app is not None
    planned = plan(result.app)
    ids = [n.id for n in planned.nodes] + [p.id for p in planned.params]
    listed = [g.id for g in generated_ids(result.app)]
    assert Counter(listed) == Counter(ids)


def _program(text: str) -> CheckResult:
    folder = Path(tempfile.mkdtemp(dir=WORK))
    (folder / "src").mkdir()
    (folder / "src" / "handler.py").write_text("def handler(event, context):\n    pass\n")
    return check(from_text(text, folder / "main.iac"))


F = 'function foo {\n  code = "src/handler.py"\n}\nevery 5m -> foo\n'
COLLIDING = {
    "function role": F + "queue foo_role\nevery 5m -> foo_role\n",
    "function log group": F + "queue foo_log_group\nevery 5m -> foo_log_group\n",
    "bucket policy": "bucket b\nqueue b_policy\non b.created -> b_policy\n",
    "queue policy": "bucket b\nqueue q\non b.created -> q\ntopic q_policy\n"
    "on b.created -> q_policy\n",
    "dead-letter queue policy": "queue q { max_receives = 3 }\nbus b\non b.event -> q_dlq\n"
    "queue q_dlq_policy\nevery 5m -> q\nevery 5m -> q_dlq_policy\n",
    "edge named after its ends": F + "queue jobs\non jobs.message -> foo\n"
    "queue jobs_message_to_foo\nevery 5m -> jobs_message_to_foo\n",
    "edge permission": F + "bus b\non b.event -> foo\nqueue b_event_to_foo_permission\n"
    "every 5m -> b_event_to_foo_permission\n",
    "schedule target permission": F + "queue foo_every_5m_to_foo_permission\n"
    "every 1h -> foo_every_5m_to_foo_permission\n",
    "route": F + "api shop {\n  GET /orders -> foo\n}\nqueue shop_get_orders\n"
    "every 5m -> shop_get_orders\n",
    "two routes": F + "api shop {\n  GET /a/b -> foo\n  GET /a-b -> foo\n}\n",
    "api stage": F + "api shop {\n  GET /x -> foo\n}\ntopic shop_stage\n"
    "on shop_stage.message -> foo\n",
    "cluster": 'container c { image = "busybox" }\nevery 5m -> c\nqueue cluster\n'
    "every 5m -> cluster\n",
    "vpc": 'container c { image = "busybox" }\nevery 5m -> c\nqueue vpc\nevery 5m -> vpc\n',
    "vpc flow logs": 'container c { image = "busybox" }\nevery 5m -> c\ntopic vpc_flow_logs\n',
    "container roles": 'container c { image = "busybox" }\nevery 5m -> c\n'
    "queue c_task_role\nevery 5m -> c_task_role\n",
    "events role": "workflow w {\n  wait 5s\n}\nevery 5m -> w\nqueue w_events_role\n"
    "every 5m -> w_events_role\n",
    "workflow role": 'workflow w {\n  wait 5s\n}\nevery 5m -> w\nparam w_role: string = "x"\n'
    "queue q { name = w_role }\nevery 5m -> q\n",
}


@pytest.mark.parametrize("case", sorted(COLLIDING))
def test_colliding_programs_fail_check(case: str) -> None:
    result = _program(COLLIDING[case])
    assert "E104" in codes(result.errors), [d.message for d in result.diagnostics]
    assert all(d.span is not None for d in result.errors)


@pytest.mark.parametrize("case", sorted(COLLIDING))
def test_without_the_check_the_plan_would_collide(
    case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each colliding program is a real collision: with the checker's generated-ID rule
    switched off, the output holds one logical ID twice."""
    monkeypatch.setattr(iac.checker, "check_generated_ids", lambda ctx, model: None)
    result = _program(COLLIDING[case])
    assert result.app is not None, [d.message for d in result.errors]
    planned = plan(result.app)
    ids = [n.id for n in planned.nodes] + [p.id for p in planned.params]
    repeated = [i for i, n in Counter(ids).items() if n > 1]
    assert repeated or "E201" in codes(planned.diagnostics)


NEAR_MISSES = {
    "longer name": F + "queue foo_roles\nevery 5m -> foo_roles\n",
    "other kind's suffix": "queue q\nevery 5m -> q\ntopic q_role\n",
    "queue without senders": 'function foo {\n  code = "src/handler.py"\n  allow q: send\n}\n'
    "every 5m -> foo\nqueue q\ntopic q_policy\n",
    "no containers": "queue cluster\nevery 5m -> cluster\nqueue vpc\nevery 5m -> vpc\n",
    # No AssetBucket parameter: CloudFormation reads local code paths (`package`).
    "asset parameter": F + 'param asset_bucket: string = "x"\nqueue q { name = asset_bucket }\n'
    "every 5m -> q\n",
    "asset resource": F + "queue asset_bucket\nevery 5m -> asset_bucket\n",
    "output named like a resource": "queue orders\nevery 5m -> orders\noutput orders = "
    "orders.arn\n",
}


@pytest.mark.parametrize("case", sorted(NEAR_MISSES))
def test_near_misses_check_and_compile(case: str) -> None:
    result = _program(NEAR_MISSES[case])
    assert result.ok, [d.message for d in result.errors]
    assert compile_errors(result) == []


@settings(derandomize=True, max_examples=150, deadline=None)
@given(generated_program())
def test_generated_programs_check_clean_only_when_they_compile(text: str) -> None:
    result = _program(text)
    if result.ok:
        assert compile_errors(result) == [], text
        assert result.app is not None
        planned = plan(result.app)
        ids = [n.id for n in planned.nodes] + [p.id for p in planned.params]
        assert Counter(g.id for g in generated_ids(result.app)) == Counter(ids), text


# Names that meet the IDs the compiler derives: roles, log groups, policies, edges,
# routes, the cluster and the VPC.
WORDS = ["foo", "bar", "role", "log_group", "policy", "cluster", "vpc", "asset_bucket"]
WORDS += ["foo_role", "bar_policy", "foo_log_group", "bar_message_to_foo", "shop_get_x"]
WORDS += ["foo_task_role", "vpc_flow_logs", "bar_message_to_foo_permission", "shop_stage"]
WORDS += ["foo_every_5m_to_foo_permission", "foo_events_role", "shop_role", "shop"]
SIMPLE = {
    "function": '{{\n  code = "src/handler.py"\n}}',
    "queue": "",
    "topic": "",
    "bucket": "",
    "bus": "",
    "container": '{{ image = "busybox" }}',
    "workflow": "{{\n  wait 5s\n}}",
    "table": "{{ key id: string }}",
    "secret": "",
}


@st.composite
def colliding_program(draw: st.DrawFn) -> str:
    names = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=6, unique=True))
    kinds = {n: draw(st.sampled_from(sorted(SIMPLE))) for n in names}
    lines = [f"{kinds[n]} {n} {SIMPLE[kinds[n]].format()}" for n in names]
    sources = [n for n in names if kinds[n] in ("queue", "topic", "bus", "bucket")]
    functions = [n for n in names if kinds[n] == "function"]
    tickable = [n for n in names if kinds[n] in ("function", "queue", "workflow", "container")]
    if sources and functions:
        src, fn = draw(st.sampled_from(sources)), draw(st.sampled_from(functions))
        event = {"queue": "message", "topic": "message", "bus": "event", "bucket": "created"}
        lines.append(f"on {src}.{event[kinds[src]]} -> {fn}")
    if functions and draw(st.booleans()):
        lines.append(f"api shop {{\n  GET /x -> {functions[0]}\n}}")
    for name in (
        draw(st.lists(st.sampled_from(tickable), max_size=3, unique=True)) if tickable else []
    ):
        lines.append(f"every 5m -> {name}")
    if draw(st.booleans()):
        lines.append(f'param {draw(st.sampled_from(WORDS))}: string = "x"')
    return "\n".join(lines) + "\n"


@settings(derandomize=True, max_examples=200, deadline=None)
@given(colliding_program())
def test_programs_full_of_near_names(text: str) -> None:
    """Check is clean exactly when the plan holds no logical ID twice."""
    result = _program(text)
    if not result.ok:
        assert set(codes(result.errors)) <= {"E103", "E104"}, [d.message for d in result.errors]
        return
    assert compile_errors(result) == [], text
    assert result.app is not None
    planned = plan(result.app)
    ids = [n.id for n in planned.nodes] + [p.id for p in planned.params]
    assert Counter(g.id for g in generated_ids(result.app)) == Counter(ids), text
    assert len(set(ids)) == len(ids), text
