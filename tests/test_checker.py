"""The checker: the app model it builds, and the rules it enforces across a program."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import codes

from iac import model as m
from iac.catalog import DAY, KINDS, MB
from iac.diagnostics import Severity
from iac.frontend import CheckResult
from iac.model import Match

Check = Callable[..., CheckResult]


def ok(result: CheckResult) -> m.App:
    assert result.app is not None, [(d.code, d.message) for d in result.diagnostics]
    assert not result.errors
    return result.app


FUNCTION = 'function worker {\n  code = "src/handler.py"\n}\n'


# ---------------------------------------------------------------- defaults


def test_function_defaults(program: Check, tmp_path: Path) -> None:
    app = ok(program(FUNCTION + "every 5m -> worker"))
    f = app.resources["worker"]
    assert f.kind == "function"
    assert f["memory"] == 128 * MB
    assert f["timeout"] == 10
    assert f["runtime"] == "python3.12"
    assert f["arch"] == "x86_64"
    assert f["log_retention"] == 30 * DAY
    assert f["concurrency"] is None and f["name"] is None
    assert f["handler"] == "handler.handler"  # STEM.handler
    assert f.code_path == (tmp_path / "src" / "handler.py").resolve()
    assert f.env == {} and f.grants == []


def test_every_catalogue_attribute_is_in_the_model(program: Check) -> None:
    app = ok(
        program(
            FUNCTION
            + "queue q\nbucket b\ntopic t\ntable tb { key id: string }\nsecret s\nbus e\n"
            + 'model ai { id = "anthropic.claude-3-haiku-20240307-v1:0" }\n'
            + 'container c { image = "busybox" }\n'
            + "workflow w { run c }\n"
            + "api a { GET /x -> worker }\n"
            + 'function user {\n  code = "src/handler.py"\n'
            + "  allow q: send\n  allow b: read\n  allow t: publish\n  allow tb: read\n"
            + "  allow s: read\n  allow e: put\n  allow ai: invoke\n  allow w: start\n}\n"
            + "every 1h -> user\nevery 1h -> w"
        )
    )
    for res in app.resources.values():
        assert set(res.attrs) >= {a.name for a in KINDS[res.kind].attrs}, res.name
    assert app.resources["q"]["visibility_timeout"] == 30
    assert app.resources["q"]["retention"] == 4 * DAY
    assert app.resources["q"]["encrypted"] is True
    assert app.resources["b"]["retain"] is True and app.resources["b"]["public"] is False
    assert app.resources["tb"]["pitr"] is True and app.resources["tb"]["stream"] is False
    assert app.resources["c"]["cpu"] == 256 and app.resources["c"]["memory"] == 512 * MB
    assert app.resources["a"].throttle == {"rate": 1000, "burst": 2000}
    assert app.resources["w"]["express"] is False


def test_app_defaults_from_the_file_name(program: Check) -> None:
    app = ok(program("queue jobs\nevery 5m -> jobs"))
    assert (app.name, app.region, app.prefix, app.tags, app.network) == (
        "main",
        "us-east-1",
        "main",
        {},
        None,
    )


def test_app_block(program: Check) -> None:
    app = ok(
        program(
            'app shop {\n  region = "eu-west-1"\n  prefix = "${stage}-shop"\n'
            '  tags { team = "shop", cost_center = "4217" }\n}\n'
            'param stage: string = "dev"\nqueue jobs\nevery 5m -> jobs'
        )
    )
    assert (app.name, app.region) == ("shop", "eu-west-1")
    assert app.prefix == m.Interp((m.ParamRef("stage"), "-shop"))
    assert app.tags == {"team": "shop", "cost_center": "4217"}


def test_handler_given_and_folder_code(program: Check, tmp_path: Path) -> None:
    (tmp_path / "src" / "pkg").mkdir()
    (tmp_path / "src" / "pkg" / "app.py").write_text("")
    app = ok(
        program(
            'function a {\n  code = "src/handler.py"\n  handler = "handler.main"\n}\n'
            'function b {\n  code = "src/pkg"\n  handler = "app.handler"\n}\n'
            "every 5m -> a\nevery 5m -> b"
        )
    )
    assert app.resources["a"]["handler"] == "handler.main"
    assert app.resources["b"]["handler"] == "app.handler"
    assert app.resources["b"].code_path == (tmp_path / "src" / "pkg").resolve()


# ---------------------------------------------------------------- implicit resources


def test_dead_letter_queue_is_created_and_referable(program: Check) -> None:
    app = ok(
        program(
            "queue jobs {\n  max_receives = 5\n  fifo = true\n}\n"
            'function replay {\n  code = "src/handler.py"\n'
            "  env { DLQ = jobs_dlq.url }\n  allow jobs_dlq: receive\n}\n"
            "on jobs.message -> replay\n"
            "output dead = jobs_dlq.arn"
        )
    )
    dlq = app.resources["jobs_dlq"]
    assert dlq.kind == "queue" and dlq.implicit
    assert dlq["retention"] == 14 * DAY
    assert dlq["fifo"] is True
    assert app.resources["replay"].env == {"DLQ": m.AttrRef("jobs_dlq", "url")}
    assert app.resources["replay"].grants[0].target == "jobs_dlq"
    assert app.outputs[0].value == m.AttrRef("jobs_dlq", "arn")
    assert list(app.resources).index("jobs_dlq") > list(app.resources).index("jobs")


def test_dead_letter_queue_name_can_clash(program: Check) -> None:
    result = program("queue jobs { max_receives = 3 }\nqueue jobs_dlq\nevery 5m -> jobs")
    assert "E103" in codes(result.errors)


def test_shorthand_schedules_are_named_after_their_target(program: Check) -> None:
    app = ok(
        program(
            FUNCTION
            + "queue q\n"
            + "every 5m -> worker\n"
            + 'cron "0 3 * * ? *" -> worker\n'
            + "every 1h -> q\n"
            + 'cron "0 4 * * ? *" -> worker\n'
        )
    )
    schedules = {n: r for n, r in app.resources.items() if r.kind == "schedule"}
    assert list(schedules) == ["worker_every_5m", "worker_cron_1", "q_every_1h", "worker_cron_2"]
    assert all(r.implicit for r in schedules.values())
    assert schedules["worker_every_5m"]["rate"] == 300
    assert schedules["worker_cron_2"]["cron"] == "0 4 * * ? *"
    ticks = [(e.source, e.event, e.target) for e in app.edges]
    assert ticks == [
        ("worker_every_5m", "tick", "worker"),
        ("worker_cron_1", "tick", "worker"),
        ("q_every_1h", "tick", "q"),
        ("worker_cron_2", "tick", "worker"),
    ]


def test_shorthand_schedule_name_clashes_with_a_declared_name(program: Check) -> None:
    result = program(FUNCTION + "queue worker_every_5m\nevery 5m -> worker")
    assert "E103" in codes(result.errors)


# ---------------------------------------------------------------- edges


def test_edges_with_filters_and_options(program: Check) -> None:
    app = ok(
        program(
            FUNCTION
            + "bucket uploads\nqueue jobs { visibility_timeout = 1m }\ntopic alerts\n"
            + "table orders {\n  key id: string\n  stream = true\n}\nbus events\n"
            + 'on uploads.created(prefix: "in/", suffix: ".jpg") -> worker\n'
            + "on jobs.message -> worker { batch = 5, window = 10s }\n"
            + 'on alerts.message(severity: ["high", "critical"]) -> jobs\n'
            + "on orders.changed -> worker { batch = 50 }\n"
            + 'on events.event(source: "shop", detail_type: "Placed") -> alerts\n'
            + "on uploads.deleted -> worker\n"
            + 'on uploads.created(prefix: "raw/") -> worker\n'
        )
    )
    edges = {(e.source, e.event, e.target): e for e in app.edges[:-1]}
    created = edges[("uploads", "created", "worker")]
    assert created.filters == {"prefix": Match("any", ("in/",)), "suffix": Match("any", (".jpg",))}
    # EventBridge's retries, and the consumer's dead-letter queue (the defaults).
    assert created.options == {"retries": 185, "max_age": 86400, "dead_letter": "worker_dlq"}
    assert (created.span.line, created.index) == (12, 1)
    assert edges[("uploads", "deleted", "worker")].index == 1
    second = app.edges[-1]
    assert (second.event, second.filters, second.index) == (
        "created",
        {"prefix": Match("any", ("raw/",))},
        2,
    )
    msg = edges[("jobs", "message", "worker")]
    assert msg.options == {"batch": 5, "window": 10, "max_concurrency": None, "filter": None}
    assert edges[("alerts", "message", "jobs")].filters == {
        "severity": Match("any", ("high", "critical"))
    }
    assert edges[("orders", "changed", "worker")].options == {
        "batch": 50,
        "start": "latest",
        "retries": 3,
        "max_age": 86400,
        "bisect": True,
        "on_failure": "worker_dlq",
        "filter": None,
    }
    assert edges[("events", "event", "alerts")].filters == {
        "source": Match("any", ("shop",)),
        "detail_type": Match("any", ("Placed",)),
    }
    assert [e.source for e in app.edges_to("worker")] == [
        "uploads",
        "jobs",
        "orders",
        "uploads",
        "uploads",
    ]


def test_event_options_default_to_catalogue_defaults(program: Check) -> None:
    app = ok(program(FUNCTION + "queue jobs\non jobs.message -> worker"))
    (edge,) = app.edges
    assert edge.options == {"batch": 10, "window": 0, "max_concurrency": None, "filter": None}


def test_grants_env_and_routes(program: Check) -> None:
    app = ok(
        program(
            'param stage: string = "dev"\n'
            "table orders { key id: string }\nqueue jobs\n"
            'function api_fn {\n  code = "src/handler.py"\n'
            '  env {\n    TABLE = orders.name\n    STAGE = stage\n    URL = "${shop.url}/x"\n'
            "    NUM = 3\n    FLAG = true\n    WAIT = 5m\n  }\n"
            "  allow orders: read, write, read\n  allow jobs: send\n}\n"
            "api shop {\n  GET /orders/{id} -> api_fn\n  POST /orders -> jobs\n"
            "  ANY /admin/{proxy+} -> api_fn\n  throttle { rate = 10, burst = 20 }\n}\n"
        )
    )
    fn = app.resources["api_fn"]
    assert fn.env == {
        "TABLE": m.AttrRef("orders", "name"),
        "STAGE": m.ParamRef("stage"),
        "URL": m.Interp((m.AttrRef("shop", "url"), "/x")),
        "NUM": "3",
        "FLAG": "true",
        "WAIT": "5m",
    }
    assert [(g.target, g.ops) for g in fn.grants] == [
        ("orders", ("read", "write")),
        ("jobs", ("send",)),
    ]
    shop = app.resources["shop"]
    assert [(r.method, r.path, r.target) for r in shop.routes] == [
        ("GET", "/orders/{id}", "api_fn"),
        ("POST", "/orders", "jobs"),
        ("ANY", "/admin/{proxy+}", "api_fn"),
    ]
    assert shop.throttle == {"rate": 10, "burst": 20}


def test_table_keys_and_indexes(program: Check) -> None:
    app = ok(
        program(
            "table orders {\n  key id: string\n  sort at: number\n"
            "  index by_customer {\n    key customer: string\n  }\n"
            "  index by_day {\n    key day: string\n    sort total: number\n  }\n}\n"
            "output t = orders.arn"
        )
    )
    t = app.resources["orders"]
    assert t.key == m.TableKey("id", "string") and t.sort == m.TableKey("at", "number")
    assert t.indexes == [
        m.TableIndex("by_customer", m.TableKey("customer", "string"), None),
        m.TableIndex("by_day", m.TableKey("day", "string"), m.TableKey("total", "number")),
    ]


def test_workflow_steps_are_kept(program: Check) -> None:
    app = ok(
        program(
            FUNCTION
            + 'container c { image = "busybox" }\nqueue q\n'
            + "workflow w {\n  express = true\n  invoke worker { retry = 2 }\n"
            + "  if $.n > 10MB and not exists $.skip {\n    wait 5s\n"
            + "  } else {\n    send q\n  }\n}\n"
            + "every 1h -> w"
        )
    )
    w = app.resources["w"]
    assert w["express"] is True
    # The model holds the checked steps, typed (the `express` attribute is not a step).
    invoke, choice = w.steps
    assert isinstance(invoke, m.Task)
    assert (invoke.verb, invoke.kind, invoke.target) == ("invoke", "function", "worker")
    assert invoke.options == m.TaskOptions(retry=2, timeout=None, result=None)
    assert isinstance(choice, m.IfStep)
    ((cond, then),) = choice.branches
    assert isinstance(cond, m.And)
    size, missing = cond.operands
    assert size == m.Compare("$.n", ">", "number", 10 * 1024 * 1024, size.span)
    assert isinstance(missing, m.Not) and missing.operand == m.Exists(
        "$.skip", missing.operand.span
    )
    assert then == (m.Wait(5, None, "5s", then[0].span),)
    assert choice.otherwise is not None
    (send,) = choice.otherwise
    assert isinstance(send, m.Task) and (send.kind, send.target) == ("queue", "q")


# ---------------------------------------------------------------- params


def test_params_and_overrides(program: Check) -> None:
    text = (
        'param stage: string = "dev"\nparam days: number = 14\nparam on: bool = false\n'
        "param pager: string\n"
        "function worker {\n"
        '  code = "src/handler.py"\n'
        "  env {\n    STAGE = stage\n    DAYS = days\n    ON = on\n    PAGER = pager\n  }\n}\n"
        "every 5m -> worker"
    )
    app = ok(program(text))
    assert {n: (p.type, p.default) for n, p in app.params.items()} == {
        "stage": ("string", "dev"),
        "days": ("number", 14),
        "on": ("bool", False),
        "pager": ("string", None),
    }
    app = ok(program(text, {"stage": "prod", "days": "30", "on": "true", "pager": "x"}))
    assert {n: p.default for n, p in app.params.items()} == {
        "stage": "prod",
        "days": 30,
        "on": True,
        "pager": "x",
    }
    bad = program(text, {"days": "many", "on": "yes"})
    assert codes(bad.errors) == ["E126", "E126"]


def test_param_default_of_the_wrong_type(program: Check) -> None:
    result = program('param days: number = "14"\nqueue q\nevery 5m -> q')
    assert codes(result.errors) == ["E107"]


# ---------------------------------------------------------------- programs of several files


def test_a_directory_is_one_app(program: Check, tmp_path: Path) -> None:
    app = ok(
        program(
            {
                "app.iac": 'app shop {\n  region = "eu-west-1"\n}\noutput q = jobs.url\n',
                "queues.iac": "queue jobs\non jobs.message -> worker\n",
                "functions.iac": FUNCTION + "  # declared after its use in queues.iac\n",
                "notes.txt": "not a program",
            }
        )
    )
    assert app.name == "shop"
    assert set(app.resources) == {"jobs", "worker"}
    assert app.resources["worker"].span.source.path.name == "functions.iac"
    assert app.root == tmp_path


def test_names_are_global_across_files(program: Check) -> None:
    result = program({"a.iac": "queue jobs\nevery 5m -> jobs", "b.iac": "topic jobs\n"})
    (err,) = result.errors
    assert err.code == "E103"
    assert err.span is not None and err.span.source.path.name == "b.iac"
    assert err.labels[0].span.source.path.name == "a.iac"


def test_directory_without_app_block_is_named_after_the_folder(program: Check) -> None:
    app = ok(program({"one.iac": "queue jobs\nevery 5m -> jobs"}))
    assert app.name.startswith("test_directory_without_app")


# ---------------------------------------------------------------- warnings and ordering


def test_warnings_for_unused_params_and_resources(program: Check) -> None:
    result = program(
        'param stage: string = "dev"\nparam used: string = "x"\ntopic alerts\n'
        "queue jobs { name = used }\nevery 5m -> jobs\napi shop { }\n"
    )
    assert result.ok
    warnings = [(d.code, d.message) for d in result.diagnostics]
    assert warnings == [
        ("W001", "param `stage` is never used"),
        ("W002", "topic `alerts` is not used: nothing refers to it or triggers it"),
    ]
    assert all(d.severity is Severity.WARNING for d in result.diagnostics)


def test_param_used_only_by_the_app_block_is_used(program: Check) -> None:
    result = program('app a { prefix = "${stage}-a" }\nparam stage: string\nqueue q\nevery 5m -> q')
    assert result.ok and result.diagnostics == []


def test_no_warnings_while_there_are_errors(program: Check) -> None:
    result = program('param stage: string = "dev"\ntopic alerts\nqueue q { retention = 1s }')
    assert codes(result.diagnostics) == ["E108"]


def test_every_error_of_a_run_in_source_order(program: Check) -> None:
    result = program(
        {
            "a.iac": (
                "function f {\n  memroy = 1GB\n}\n"  # E102 and E109 (no code)
                "queue q { visibility_timeout = 1m, max_receives = 3 }\n"
                "on q.message -> f\n"
                "on q.arrived -> f\n"  # E111
            ),
            "b.iac": (
                "table t { stream = true }\n"  # E109: no key
                "bucket b\non b.created -> t\n"  # E112
                "output x = nothing.arn\n"  # E105
                "workflow w { invoke q }\n"  # E118
            ),
        }
    )
    got = [(d.span.source.path.name, d.span.line, d.code) for d in result.diagnostics if d.span]
    assert got == sorted(got, key=lambda x: (x[0], x[1]))
    assert [c for _, _, c in got] == ["E109", "E102", "E111", "E109", "E112", "E105", "E118"]
    assert result.app is None


def test_check_result_properties(program: Check) -> None:
    good = program("queue q\nevery 5m -> q")
    assert good.ok and good.errors == []
    bad = program("queue q { fifo = 1 }")
    assert not bad.ok and bad.app is None and codes(bad.errors) == ["E107"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("queue q { retention = 30s }", "E108"),
        ("queue q { delay = 500ms }", "E108"),
        ('function f { code = "src/handler.py", memory = 1000KB }', "E108"),
        ("table t { key id: text }", "E107"),
        ("table t {\n key a: string\n key b: string\n}", "E103"),
        ('api a { GET /x// -> f }\nfunction f { code = "src/handler.py" }', "E131"),
        ("queue q { key id: string }", "E130"),
        ("workflow w { }", "E109"),
        ("workflow w { wait 500ms }", "E108"),
        ("workflow w { parallel { } }", "E109"),
        ('workflow w { fail "${x}" }\nparam x: string', "E107"),
        ('workflow w { if $.a == "${x}" { succeed } }\nparam x: string', "E119"),
        ('bucket b\nqueue q\non b.created(color: "red") -> q', "E134"),
        ('queue q\nfunction f { code = "src/handler.py" }\non q.message(x: "1") -> f', "E134"),
        ("app a { tags { t = 1 } }\nqueue q", "E107"),
        ('app a { colour = "red" }\nqueue q', "E102"),
        ("queue q { env { A = 1 } }", "E102"),
        ("output o = [1]\nqueue q", "E107"),
        ("every 5s -> q\nqueue q", "E108"),
        ('function f { code = "src/handler.py", allow api1: read }\napi api1 { }', "E113"),
    ],
)
def test_rules(program: Check, text: str, code: str) -> None:
    result = program(text)
    assert code in codes(result.errors), result.diagnostics
