"""The contract's rules that come from AWS itself (issue 10): what the checker accepts
and refuses beyond the error fixtures, driven by the catalogue where it can be."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import codes, parse_ok

from iac import catalog as cat
from iac import syntax as s
from iac.diagnostics import Severity
from iac.frontend import CheckResult

Check = Callable[..., CheckResult]
F = 'function f {\n  code = "src/handler.py"\n}\nevery 5m -> f\n'


def warnings(result: CheckResult) -> list[str]:
    return [d.code for d in result.diagnostics if d.severity is Severity.WARNING]


# ---------------------------------------------------------------- item 7


def test_app_without_a_block(program: Check) -> None:
    (app, *_) = parse_ok("app shop\nqueue q\n")
    assert isinstance(app, s.AppDecl) and app.name.text == "shop" and app.items == ()
    result = program("app shop\nqueue q\nevery 5m -> q\n")
    assert result.app is not None and result.app.name == "shop" and result.app.prefix == "shop"


# ---------------------------------------------------------------- item 13


REQUIRED = [(k.name, a.name) for k in cat.KINDS.values() for a in k.attrs if a.required]


def _without(kind: str, attr: str) -> str:
    """A declaration of `kind` with every required attribute but `attr`."""
    values = {"code": '"src/handler.py"', "image": '"busybox"', "id": '"anthropic.claude"'}
    lines = [
        f"  {a.name} = {values[a.name]}"
        for a in cat.KINDS[kind].attrs
        if a.required and a.name != attr
    ]
    return f"{kind} thing {{\n" + "\n".join(lines) + "\n}\nqueue q\nevery 5m -> q\n"


def test_the_catalogue_has_required_attributes() -> None:
    assert ("function", "code") in REQUIRED and ("container", "image") in REQUIRED


@pytest.mark.parametrize(("kind", "attr"), REQUIRED)
def test_every_required_attribute_is_enforced(program: Check, kind: str, attr: str) -> None:
    result = program(_without(kind, attr))
    assert codes(result.errors) == ["E109"]
    assert f"needs `{attr}`" in result.errors[0].message


@pytest.mark.parametrize("attr", [a.name for a in cat.NETWORK_ATTRS if a.required])
def test_network_attributes_are_required(program: Check, attr: str) -> None:
    other = next(a.name for a in cat.NETWORK_ATTRS if a.name != attr)
    result = program(
        f'app shop {{\n  network {{\n    {other} = ["x-1"]\n  }}\n}}\n'
        'container c { image = "busybox" }\nevery 5m -> c\n'
    )
    assert codes(result.errors) == ["E109"] and attr in result.errors[0].message


# ---------------------------------------------------------------- item 31


@pytest.mark.parametrize("runtime", ["python3.14", "nodejs24.x", "java21", "provided.al2023"])
def test_current_runtimes_are_accepted(program: Check, runtime: str) -> None:
    result = program(F.replace("}\n", f'  runtime = "{runtime}"\n}}\n', 1))
    assert result.ok and not result.diagnostics, result.diagnostics


@pytest.mark.parametrize("runtime", cat.DEPRECATED_RUNTIMES)
def test_deprecated_runtimes_warn(program: Check, runtime: str) -> None:
    result = program(F.replace("}\n", f'  runtime = "{runtime}"\n}}\n', 1))
    assert result.ok and warnings(result) == ["W004"]
    assert "python3.14" in result.diagnostics[0].hints[0]


@pytest.mark.parametrize("runtime", ["python3.7", "nodejs16.x", "go1.x", "java8"])
def test_retired_runtimes_are_errors_listing_the_supported(program: Check, runtime: str) -> None:
    result = program(F.replace("}\n", f'  runtime = "{runtime}"\n}}\n', 1))
    assert codes(result.errors) == ["E108"]
    assert "retired" in result.errors[0].message and "nodejs24.x" in result.errors[0].hints[0]


def test_the_runtime_table_is_the_one_place() -> None:
    spec = cat.KINDS["function"].attr("runtime")
    assert spec is not None and spec.choices == cat.LAMBDA_RUNTIMES
    assert set(spec.retired).isdisjoint(spec.choices)
    assert set(spec.deprecated) <= set(spec.choices)
    assert spec.default in spec.choices and spec.default not in spec.deprecated


# ---------------------------------------------------------------- item 21


def test_env_size_counts_literal_text_only(program: Check) -> None:
    fn = 'function f {{\n  code = "src/handler.py"\n  env {{\n{}  }}\n}}\nevery 5m -> f\nqueue q\n'
    near = fn.format(f'    BIG = "{"x" * 4090}"\n')  # 3 + 4090 bytes
    assert program(near).ok
    over = fn.format(f'    BIG = "{"x" * 4094}"\n')
    assert codes(program(over).errors) == ["E139"]
    # A reference's value is only known at deploy time: it adds nothing to the count.
    with_ref = fn.format(f'    BIG = "{"x" * 4000}"\n    URL = q.url\n')
    assert program(with_ref).ok


def test_env_bytes_are_utf8(program: Check) -> None:
    text = f'function f {{\n  code = "src/handler.py"\n  env {{ WIDE = "{"é" * 2100}" }}\n}}\n'
    assert codes(program(text + "every 5m -> f\n").errors) == ["E139"]


def test_container_env_keys_follow_ecs_not_lambda(program: Check) -> None:
    text = 'container c {\n  image = "busybox"\n  env { X = "1", AWS_REGION = "eu-west-1" }\n}\n'
    assert program(text + "every 5m -> c\n").ok


# ---------------------------------------------------------------- item 22


@pytest.mark.parametrize(
    ("decl", "ok"),
    [
        ('queue q { name = "jobs-1_a" }', True),
        ('queue q { name = "my queue!" }', False),
        ('queue q { fifo = true, name = "jobs.fifo" }', True),
        ('queue q { fifo = true, name = "jobs" }', True),
        ('queue q { name = "jobs.fifo" }', False),
        ('queue q { fifo = true, name = "' + "a" * 76 + '" }', False),
        ('queue q { fifo = true, name = "' + "a" * 75 + '" }', True),
        ('topic q { name = "' + "a" * 256 + '" }', True),
        ('topic q { name = "a.b" }', False),
        ('bucket q { name = "my.bucket-1" }', True),
        ('bucket q { name = "ab" }', False),
        ('bucket q { name = "-abc" }', False),
        ('bucket q { name = "a..b" }', False),
        ('bucket q { name = "abc-s3alias" }', False),
        ('bus q { name = "orders.bus" }', True),
        ('bus q { name = "a/b" }', False),
        ('table q {\n key id: string\n name = "ab"\n}', False),
        ('table q {\n key id: string\n name = "Orders.v1"\n}', True),
        ('function q { code = "src/handler.py", name = "a.b" }', False),
        ("workflow q {\n  name = 'a'\n  wait 1s\n}", None),
        ('workflow q {\n  name = "a.b"\n  wait 1s\n}', True),
        ('workflow q {\n  name = "a:b"\n  wait 1s\n}', False),
        ('secret q { name = "prod/db@main" }', True),
        ('secret q { name = "a b" }', False),
        ('schedule q {\n  rate = 5m\n  name = "a b"\n}', False),
        ('container q { image = "busybox", name = "a.b" }', False),
        ('param stage: string = "dev"\nqueue q { name = "${stage}-jobs" }', True),
        ('param stage: string = "dev"\nbucket q { name = "${stage}-Jobs" }', False),
        ('param stage: string = "dev"\nbucket q { name = "${stage}-" }', False),
    ],
)
def test_physical_names(program: Check, decl: str, ok: bool | None) -> None:
    result = program(decl + "\nqueue other\nevery 5m -> other\n")
    if ok is None:
        return  # not a string: another rule's business
    assert result.ok is ok, [d.message for d in result.errors]
    if not ok:
        assert "E140" in codes(result.errors)


# ---------------------------------------------------------------- item 20


@pytest.mark.parametrize(
    ("fifo", "options", "ok"),
    [
        (False, "batch = 10", True),
        (False, "batch = 11", False),
        (False, "batch = 11, window = 1s", True),
        (False, "batch = 10000, window = 5m", True),
        (False, "batch = 100, window = 0s", False),
        (True, "batch = 10", True),
        (True, "batch = 11, window = 1s", False),
        (True, "window = 1s", False),
        (True, "window = 0s", True),
    ],
)
def test_queue_batching(program: Check, fifo: bool, options: str, ok: bool) -> None:
    text = F + f"queue q {{ fifo = {str(fifo).lower()} }}\non q.message -> f {{ {options} }}\n"
    result = program(text)
    assert result.ok is ok, [d.message for d in result.errors]


# ---------------------------------------------------------------- item 19


@pytest.mark.parametrize(
    ("topic_fifo", "target", "ok"),
    [
        (False, "queue", True),
        (False, "fifo queue", False),
        (True, "fifo queue", True),
        (True, "queue", False),
        (True, "function", False),
        (False, "function", True),
    ],
)
def test_topic_delivery(program: Check, topic_fifo: bool, target: str, ok: bool) -> None:
    text = F + f"topic t {{ fifo = {str(topic_fifo).lower()} }}\n"
    text += "queue q { fifo = true }\n" if target == "fifo queue" else "queue q\n"
    text += "on t.message -> " + ("f" if target == "function" else "q") + "\n"
    result = program(text)
    assert result.ok is ok, [d.message for d in result.errors]


# ---------------------------------------------------------------- items 23, 24, 25, 27


def test_index_may_reuse_a_key_with_its_type(program: Check) -> None:
    text = (
        "table t {\n  key id: string\n  sort at: number\n"
        "  index by_at {\n    key at: number\n    sort id: string\n  }\n}\n"
    )
    assert program(text + "queue q\nevery 5m -> q\n").ok


def test_two_indexes_disagreeing_on_a_type(program: Check) -> None:
    text = (
        "table t {\n  key id: string\n  index one {\n    key c: string\n  }\n"
        "  index two {\n    key c: number\n  }\n}\n"
    )
    assert codes(program(text).errors) == ["E143"]


def test_stream_arn_with_a_stream(program: Check) -> None:
    text = F.replace("}\n", "  env { STREAM = t.stream_arn }\n}\n", 1)
    assert program(text + "table t {\n  key id: string\n  stream = true\n}\n").ok
    assert codes(program(text + "table t {\n  key id: string\n}\n").errors) == ["E120"]


@pytest.mark.parametrize(
    ("path", "ok"),
    [
        ("/", True),
        ("/orders/{id}", True),
        ("/a/{proxy+}", True),
        ("/{proxy+}", True),
        ("/a/{proxy+}/b", False),
        ("/a/{id", False),
        ("/a/{}", False),
        ("/a/x{id}", False),
        ("/a/{id}/{id}", False),
        ("/v1.0/items~x", True),
        ("/my_items/{item_id}", True),
    ],
)
def test_route_paths(program: Check, path: str, ok: bool) -> None:
    result = program(F + f"api a {{\n  GET {path} -> f\n}}\n")
    assert result.ok is ok, [d.message for d in result.errors]


@pytest.mark.parametrize(
    ("steps", "ok"),
    [
        ("invoke f { timeout = 5m }\n  wait 5m", True),
        ("invoke f { timeout = 6m }", False),
        ("run c", False),
        ("if $.x == 1 {\n    run c\n  }", False),
    ],
)
def test_express_workflows(program: Check, steps: str, ok: bool) -> None:
    text = F + 'container c { image = "busybox" }\nevery 1h -> c\n'
    text += f"workflow w {{\n  express = true\n  {steps}\n}}\nevery 5m -> w\n"
    result = program(text)
    assert result.ok is ok, [d.message for d in result.errors]
    if not ok:
        assert codes(result.errors) == ["E144"]


def test_standard_workflows_run_containers(program: Check) -> None:
    text = F + 'container c { image = "busybox" }\n'
    assert program(text + "workflow w {\n  run c\n  wait 1h\n}\nevery 5m -> w\n").ok


@pytest.mark.parametrize(
    ("cron", "ok"),
    [
        ("0 3 * * ? *", True),
        ("0/15 8-18 ? * MON-FRI *", True),
        ("0 12 L * ? 2030", True),
        ("0 12 ? * 2#1 *", True),
        ("0 12 ? * 6L *", True),
        ("0 12 15W * ? *", True),
        ("0 3 * jan,Feb ? *", True),
        ("0 3 * * * *", False),
        ("0 3 ? * ? *", False),
        ("a b c d e f", False),
        ("60 3 * * ? *", False),
        ("0 24 * * ? *", False),
        ("0 3 0 * ? *", False),
        ("0 3 * 13 ? *", False),
        ("0 3 ? * 8 *", False),
        ("0 3 * * ? 1969", False),
        ("*/0 3 * * ? *", False),
    ],
)
def test_cron_fields(program: Check, cron: str, ok: bool) -> None:
    result = program(F + f'cron "{cron}" -> f\n')
    assert result.ok is ok, [d.message for d in result.errors]


def test_references_to_other_resources_are_not_cycles(program: Check) -> None:
    text = (
        'param stage: string = "dev"\napp shop { prefix = "${stage}-shop" }\n'
        'queue a { name = "${stage}-a" }\nqueue b { name = "${a.name}-b" }\n'
        'function f {\n  code = "src/handler.py"\n  env { A = a.url, B = b.url }\n'
        "  allow a: send\n}\nevery 5m -> f\nevery 5m -> b\n"
    ).replace("A = a.url, B = b.url", "QA = a.url, QB = b.url")
    assert program(text).ok


def test_a_grant_back_closes_a_cycle(program: Check) -> None:
    text = (
        'function f {\n  code = "src/handler.py"\n  allow q: send\n}\nevery 5m -> f\n'
        'queue q { name = "${f.name}-q" }\n'
    )
    assert codes(program(text).errors) == ["E145"]


# ---------------------------------------------------------------- item 30


def test_network_with_containers_is_no_warning(program: Check) -> None:
    text = (
        'app shop {\n  network {\n    subnets = ["subnet-1"]\n    security_groups = ["sg-1"]\n'
        '  }\n}\ncontainer c { image = "busybox" }\nevery 5m -> c\n'
    )
    result = program(text)
    assert result.ok and warnings(result) == []


def test_topic_to_a_dead_letter_queue(program: Check) -> None:
    text = "queue q {\n  fifo = true\n  max_receives = 3\n}\ntopic t\non t.message -> q_dlq\n"
    result = program(text + "every 5m -> q\n")
    assert codes(result.errors) == ["E141"] and result.errors[0].labels == ()
