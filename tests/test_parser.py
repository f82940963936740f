"""The parser: every construct of the language, asserted on the syntax tree it builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import codes, parse_ok, parse_text

from iac import syntax as s
from iac.diagnostics import Diagnostics
from iac.parser import parse_source
from iac.source import Source


def only(text: str) -> s.Statement:
    (statement,) = parse_ok(text)
    return statement


def resource(text: str) -> s.ResourceDecl:
    st = only(text)
    assert isinstance(st, s.ResourceDecl)
    return st


def attrs(st: s.ResourceDecl) -> dict[str, s.Value]:
    return {i.name.text: i.value for i in st.items if isinstance(i, s.Attribute)}


def value(text: str) -> s.Value:
    """The value of `x` in `queue q { x = TEXT }`."""
    return attrs(resource(f"queue q {{ x = {text} }}"))["x"]


def steps(body: str) -> tuple[s.Step, ...]:
    st = only(f"workflow w {{\n{body}\n}}")
    assert isinstance(st, s.WorkflowDecl)
    return st.steps


def condition(text: str) -> s.Condition:
    (step,) = steps(f"if {text} {{\n succeed\n}}")
    assert isinstance(step, s.IfStep)
    return step.branches[0][0]


# ---------------------------------------------------------------- files and comments


def test_empty_and_blank_programs_parse_to_no_statements() -> None:
    assert parse_ok("") == ()
    assert parse_ok("\n\n   \n") == ()
    assert parse_ok("# only a comment\n// and another") == ()


def test_both_comment_styles_are_ignored_anywhere() -> None:
    sts = parse_ok(
        "# heading\n"
        "queue q { # after a brace\n"
        "  retention = 4d  // trailing\n"
        "  // a whole line\n"
        "}\n"
        "// end\n"
    )
    (q,) = sts
    assert isinstance(q, s.ResourceDecl)
    assert attrs(q)["retention"] == s.Duration(4 * 86_400_000, "4d", attrs(q)["retention"].span)


def test_comment_markers_inside_strings_are_text() -> None:
    v = value('"a # b // c"')
    assert isinstance(v, s.Str) and v.plain == "a # b // c"


def test_statements_end_at_newlines_and_crlf_works() -> None:
    sts = parse_ok("queue a\r\nqueue b\r\n\r\ntopic c")
    assert [(x.kind.text, x.name.text) for x in sts if isinstance(x, s.ResourceDecl)] == [
        ("queue", "a"),
        ("queue", "b"),
        ("topic", "c"),
    ]


def test_spans_point_at_the_source() -> None:
    q = resource("\n\nqueue jobs { retention = 4d }")
    assert (q.name.span.line, q.name.span.column) == (3, 7)
    assert q.name.span.text == "jobs"
    assert q.kind.span.text == "queue"
    assert q.span.text == "queue jobs { retention = 4d }"


# ---------------------------------------------------------------- values


def test_plain_string() -> None:
    v = value('"orders"')
    assert isinstance(v, s.Str)
    assert v.parts == ("orders",) and v.is_plain and v.plain == "orders"


def test_empty_string() -> None:
    v = value('""')
    assert isinstance(v, s.Str) and v.parts == ("",) and v.plain == ""


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (r'"say \"hi\""', 'say "hi"'),
        (r'"back\\slash"', "back\\slash"),
        (r'"line\n"', "line\n"),
        (r'"a\tb"', "a\tb"),
        (r'"\$5"', "$5"),
        (r'"\${literal}"', "${literal}"),
        ('"naïve ☃"', "naïve ☃"),
    ],
)
def test_string_escapes(source: str, text: str) -> None:
    v = value(source)
    assert isinstance(v, s.Str) and v.is_plain and v.plain == text


def test_interpolation_of_a_param() -> None:
    v = value('"${stage}-orders"')
    assert isinstance(v, s.Str) and not v.is_plain
    ref, rest = v.parts
    assert isinstance(ref, s.Ref)
    assert (ref.name.text, ref.attr, rest) == ("stage", None, "-orders")
    assert ref.name.span.text == "stage"


def test_interpolation_of_a_resource_attribute_between_text() -> None:
    v = value('"https://${api.url}/x/${stage}"')
    assert isinstance(v, s.Str)
    assert len(v.parts) == 4
    pre, ref, mid, ref2 = v.parts
    assert pre == "https://" and mid == "/x/"
    assert isinstance(ref, s.Ref) and ref.dotted == "api.url"
    assert ref.attr is not None and ref.attr.span.text == "url"
    assert isinstance(ref2, s.Ref) and ref2.dotted == "stage"


def test_interpolation_allows_spaces_and_escaped_dollar_is_literal() -> None:
    v = value(r'"${ stage } costs \$${price}"')
    assert isinstance(v, s.Str)
    first, text, second = v.parts
    assert isinstance(first, s.Ref) and first.name.text == "stage"
    assert text == " costs $"
    assert isinstance(second, s.Ref) and second.name.text == "price"


@pytest.mark.parametrize(
    ("source", "number"),
    [("10", 10), ("0", 0), ("0.5", 0.5), ("9223372036854775807", 2**63 - 1)],
)
def test_numbers(source: str, number: float) -> None:
    v = value(source)
    assert isinstance(v, s.Num) and v.value == number and type(v.value) is type(number)


def test_bools() -> None:
    t, f = value("true"), value("false")
    assert isinstance(t, s.Bool) and t.value is True
    assert isinstance(f, s.Bool) and f.value is False


@pytest.mark.parametrize(
    ("source", "millis"),
    [("500ms", 500), ("30s", 30_000), ("5m", 300_000), ("2h", 7_200_000), ("7d", 604_800_000)],
)
def test_durations(source: str, millis: int) -> None:
    v = value(source)
    assert isinstance(v, s.Duration)
    assert (v.millis, v.text, v.span.text) == (millis, source, source)


@pytest.mark.parametrize(
    ("source", "size"),
    [("512KB", 512 * 1024), ("128MB", 128 << 20), ("10MB", 10 << 20), ("1GB", 1 << 30)],
)
def test_sizes_are_binary(source: str, size: int) -> None:
    v = value(source)
    assert isinstance(v, s.Size) and (v.bytes, v.text) == (size, source)


def test_lists_with_newlines_and_trailing_comma() -> None:
    v = value('[\n  "a",\n  "b",   # a comment\n\n  "c",\n]')
    assert isinstance(v, s.ListV)
    assert [i.plain for i in v.items if isinstance(i, s.Str)] == ["a", "b", "c"]
    empty = value("[]")
    assert isinstance(empty, s.ListV) and empty.items == ()


def test_nested_and_mixed_lists() -> None:
    v = value('[1, "two", [3s], true]')
    assert isinstance(v, s.ListV)
    one, two, inner, flag = v.items
    assert isinstance(one, s.Num) and isinstance(two, s.Str) and isinstance(flag, s.Bool)
    assert isinstance(inner, s.ListV) and isinstance(inner.items[0], s.Duration)


def test_inline_map_with_commas_and_newlines() -> None:
    v = value('{ team = "shop", cost = "42" }')
    assert isinstance(v, s.MapV)
    assert [(e.name.text, e.value.plain) for e in v.entries] == [  # type: ignore[union-attr]
        ("team", "shop"),
        ("cost", "42"),
    ]
    v2 = value("{\n  a = 1,\n  b = 2\n}")
    assert isinstance(v2, s.MapV) and [e.name.text for e in v2.entries] == ["a", "b"]


def test_references() -> None:
    bare, dotted = value("orders"), value("orders.arn")
    assert isinstance(bare, s.Ref) and (bare.name.text, bare.attr) == ("orders", None)
    assert isinstance(dotted, s.Ref) and dotted.dotted == "orders.arn"
    assert dotted.span.text == "orders.arn"


def test_keywords_stay_usable_as_names() -> None:
    # The contextual lexer: `cron`, `key`, `run`... are names where a name is expected.
    q = resource("queue cron {\n  run = 2, wait = 3\n  every = 1\n  if = 0, fail = 1\n}")
    assert q.name.text == "cron"
    assert list(attrs(q)) == ["run", "wait", "every", "if", "fail"]
    names = [x.name.text for x in parse_ok("queue on\nqueue app\nqueue invoke\ntopic output")]  # type: ignore[union-attr]
    assert names == ["on", "app", "invoke", "output"]


def test_block_keywords_are_names_before_an_equals() -> None:
    # `key`, `sort` and `index` start table items, and name attributes before `=`, so a
    # workflow's `input = { key = $.k }` reads as the spec writes it. `allow` stays a
    # keyword.
    q = resource("queue q { key = 1, sort = 2, index = 3 }")
    assert list(attrs(q)) == ["key", "sort", "index"]
    table = resource("table t {\n  key id: string\n  sort at: number\n}")
    assert [type(i).__name__ for i in table.items] == ["KeyDecl", "KeyDecl"]
    _, diags = parse_text("queue q { allow = 1 }")
    assert codes(diags) == ["E005"]


def test_jsonpath_value() -> None:
    v = value("$.detail.items[0]")
    assert isinstance(v, s.JsonPath) and v.path == "$.detail.items[0]"


def test_line_continuation() -> None:
    q = resource('queue q { name = \\\n "x" }')
    assert attrs(q)["name"].plain == "x"  # type: ignore[union-attr]


# ---------------------------------------------------------------- top-level statements


def test_app_block() -> None:
    app = only(
        'app orders {\n  region = "ap-northeast-1"\n  prefix = "${stage}-orders"\n'
        '  tags { team = "shop", cost = "42" }\n}'
    )
    assert isinstance(app, s.AppDecl)
    assert app.name.text == "orders"
    region, prefix, tags = app.items
    assert isinstance(region, s.Attribute) and region.value.plain == "ap-northeast-1"  # type: ignore[union-attr]
    assert isinstance(prefix, s.Attribute) and isinstance(prefix.value.parts[0], s.Ref)  # type: ignore[union-attr]
    assert isinstance(tags, s.Nested) and tags.name.text == "tags"
    assert [i.name.text for i in tags.items] == ["team", "cost"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("source", "ptype", "default"),
    [
        ('param stage: string = "dev"', "string", "dev"),
        ("param days: number = 14", "number", 14),
        ("param on_call: bool = true", "bool", True),
        ("param pager: string", "string", None),
    ],
)
def test_params(source: str, ptype: str, default: object) -> None:
    p = only(source)
    assert isinstance(p, s.ParamDecl)
    assert p.type.text == ptype
    if default is None:
        assert p.default is None
    else:
        got = p.default.plain if isinstance(p.default, s.Str) else p.default.value  # type: ignore[union-attr]
        assert got == default


def test_resource_without_block_and_with_empty_block() -> None:
    topic, queue = parse_ok("topic alerts\nqueue jobs {}")
    assert isinstance(topic, s.ResourceDecl) and topic.items == ()
    assert isinstance(queue, s.ResourceDecl) and queue.items == ()
    assert (topic.kind.text, topic.name.text) == ("topic", "alerts")


def test_resource_attributes_nested_blocks_and_allow() -> None:
    f = resource(
        "function resize {\n"
        '  code = "src/resize.py"\n'
        "  memory = 512MB\n"
        "  env {\n    BUCKET = photos.name\n    STAGE = stage\n  }\n"
        "  allow photos: read, write, list\n"
        "  allow jobs: send\n"
        "}"
    )
    assert set(attrs(f)) == {"code", "memory"}
    env = next(i for i in f.items if isinstance(i, s.Nested))
    assert env.name.text == "env"
    assert [(a.name.text, a.value.dotted) for a in env.items] == [  # type: ignore[union-attr]
        ("BUCKET", "photos.name"),
        ("STAGE", "stage"),
    ]
    grants = [i for i in f.items if isinstance(i, s.Allow)]
    assert [(g.target.text, [o.text for o in g.ops]) for g in grants] == [
        ("photos", ["read", "write", "list"]),
        ("jobs", ["send"]),
    ]
    assert grants[0].span.text == "allow photos: read, write, list"


def test_one_line_block_with_commas() -> None:
    f = resource('function f { code = "f.py", memory = 256MB, allow t: read, env { A = "1" } }')
    assert set(attrs(f)) == {"code", "memory"}
    allow = next(i for i in f.items if isinstance(i, s.Allow))
    assert [o.text for o in allow.ops] == ["read"]
    assert any(isinstance(i, s.Nested) and i.name.text == "env" for i in f.items)


def test_table_key_sort_and_index() -> None:
    t = resource(
        "table orders {\n"
        "  key  id: string\n"
        "  sort placed_at: number\n"
        "  index by_customer {\n    key customer: string\n    sort total: number\n  }\n"
        '  ttl = "expires_at"\n'
        "  stream = true\n"
        "}"
    )
    keys = [i for i in t.items if isinstance(i, s.KeyDecl)]
    assert [(k.role, k.name.text, k.type.text) for k in keys] == [
        ("key", "id", "string"),
        ("sort", "placed_at", "number"),
    ]
    (index,) = [i for i in t.items if isinstance(i, s.IndexDecl)]
    assert index.name.text == "by_customer"
    assert [(k.role, k.name.text) for k in index.items] == [  # type: ignore[union-attr]
        ("key", "customer"),
        ("sort", "total"),
    ]
    assert attrs(t)["stream"] == s.Bool(True, attrs(t)["stream"].span)


def test_api_routes() -> None:
    a = resource(
        "api shop {\n"
        "  cors = true\n"
        "  POST   /orders        -> orders\n"
        "  GET    /orders/{id}   -> get_order\n"
        "  DELETE /orders/{id}/items/{item} -> remove\n"
        "  ANY    /admin/{proxy+} -> admin\n"
        "  GET    / -> home\n"
        "  throttle { rate = 100, burst = 200 }\n"
        "}"
    )
    routes = [i for i in a.items if isinstance(i, s.Route)]
    assert [(r.method, r.path, r.target.text) for r in routes] == [
        ("POST", "/orders", "orders"),
        ("GET", "/orders/{id}", "get_order"),
        ("DELETE", "/orders/{id}/items/{item}", "remove"),
        ("ANY", "/admin/{proxy+}", "admin"),
        ("GET", "/", "home"),
    ]
    assert routes[3].path_span.text == "/admin/{proxy+}"
    throttle = next(i for i in a.items if isinstance(i, s.Nested))
    assert throttle.name.text == "throttle"
    assert [(x.name.text, x.value.value) for x in throttle.items] == [("rate", 100), ("burst", 200)]  # type: ignore[union-attr]


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "PATCH", "DELETE", "ANY"])
def test_every_http_method(method: str) -> None:
    a = resource(f"api x {{ {method} /p -> f }}")
    (route,) = a.items
    assert isinstance(route, s.Route) and route.method == method


def test_on_with_filters_and_options() -> None:
    on = only(
        'on uploads.created(prefix: "in/", suffix: ".jpg") -> resize { batch = 10, window = 5s }'
    )
    assert isinstance(on, s.OnDecl)
    assert (on.source.text, on.event.text, on.target.text) == ("uploads", "created", "resize")
    assert [(f.name.text, f.value.plain) for f in on.filters] == [  # type: ignore[union-attr]
        ("prefix", "in/"),
        ("suffix", ".jpg"),
    ]
    assert [
        (o.name.text, o.value.text if isinstance(o.value, s.Duration) else o.value.value)
        for o in on.options
    ] == [  # type: ignore[union-attr]
        ("batch", 10),
        ("window", "5s"),
    ]


def test_on_without_filters_or_options_and_filters_over_lines() -> None:
    plain = only("on jobs.message -> worker")
    assert isinstance(plain, s.OnDecl) and plain.filters == () and plain.options == ()
    multi = only('on alerts.message(\n  severity: ["high",\n "critical"],\n) -> page')
    assert isinstance(multi, s.OnDecl)
    (f,) = multi.filters
    assert isinstance(f.value, s.ListV)
    assert [v.plain for v in f.value.items] == ["high", "critical"]  # type: ignore[union-attr]
    empty = only("on t.message() -> f")
    assert isinstance(empty, s.OnDecl) and empty.filters == ()


def test_every_and_cron() -> None:
    every, cron = parse_ok('every 5m -> cleanup\ncron "0 3 * * ? *" -> nightly { }')
    assert isinstance(every, s.EveryDecl)
    assert isinstance(every.rate, s.Duration) and every.rate.text == "5m"
    assert every.target.text == "cleanup"
    assert isinstance(cron, s.CronDecl)
    assert cron.expression.plain == "0 3 * * ? *" and cron.target.text == "nightly"


def test_outputs() -> None:
    a, b, c = parse_ok('output api_url = shop.url\noutput label = "${stage}-x"\noutput n = 3')
    assert (
        isinstance(a, s.OutputDecl) and isinstance(a.value, s.Ref) and a.value.dotted == "shop.url"
    )
    assert isinstance(b, s.OutputDecl) and isinstance(b.value, s.Str)
    assert isinstance(c, s.OutputDecl) and isinstance(c.value, s.Num)


def test_statements_in_any_order_keep_source_order() -> None:
    sts = parse_ok("output o = q.url\non q.message -> f\nqueue q\nparam p: string\napp a {}")
    assert [type(x).__name__ for x in sts] == [
        "OutputDecl",
        "OnDecl",
        "ResourceDecl",
        "ParamDecl",
        "AppDecl",
    ]


# ---------------------------------------------------------------- workflows


def test_every_step_kind() -> None:
    body = steps(
        "express = true\n"
        "invoke f\n"
        "run c\n"
        "send q\n"
        "publish t\n"
        "put b\n"
        "wait 30s\n"
        "wait $.delay\n"
        "if $.x > 1 {\n invoke f\n} else if $.x == 0 {\n send q\n} else {\n publish t\n}\n"
        "parallel {\n branch {\n invoke f\n }\n branch {\n run c\n }\n}\n"
        "for each $.items {\n invoke f\n}\n"
        "succeed\n"
        'fail "Broken" "it broke"\n'
        'fail "Only"'
    )
    kinds = [type(x).__name__ for x in body]
    assert kinds == [
        "Attribute",
        *["Task"] * 5,
        "Wait",
        "Wait",
        "IfStep",
        "Parallel",
        "ForEach",
        "Succeed",
        "Fail",
        "Fail",
    ]
    tasks = [x for x in body if isinstance(x, s.Task)]
    assert [(t.verb, t.target.text) for t in tasks] == [
        ("invoke", "f"),
        ("run", "c"),
        ("send", "q"),
        ("publish", "t"),
        ("put", "b"),
    ]
    wait_d, wait_p = body[6], body[7]
    assert isinstance(wait_d, s.Wait) and isinstance(wait_d.value, s.Duration)
    assert isinstance(wait_p, s.Wait) and isinstance(wait_p.value, s.JsonPath)
    if_step = body[8]
    assert isinstance(if_step, s.IfStep) and len(if_step.branches) == 2
    assert if_step.otherwise is not None and isinstance(if_step.otherwise[0], s.Task)
    assert [type(b[0]).__name__ for _, b in if_step.branches] == ["Task", "Task"]
    par = body[9]
    assert isinstance(par, s.Parallel) and len(par.branches) == 2
    assert par.branches[1][0].verb == "run"  # type: ignore[union-attr]
    loop = body[10]
    assert isinstance(loop, s.ForEach) and loop.path.path == "$.items"
    fail, fail_short = body[12], body[13]
    assert isinstance(fail, s.Fail) and fail.error.plain == "Broken"
    assert fail.cause is not None and fail.cause.plain == "it broke"
    assert isinstance(fail_short, s.Fail) and fail_short.cause is None


def test_if_without_else() -> None:
    (step,) = steps("if exists $.a {\n succeed\n}")
    assert isinstance(step, s.IfStep) and step.otherwise is None and len(step.branches) == 1


def test_task_options() -> None:
    (task,) = steps("invoke f { retry = 3, timeout = 30s, result = $.out }")
    assert isinstance(task, s.Task)
    opts = {o.name.text: o.value for o in task.options}  # type: ignore[union-attr]
    assert opts["retry"].value == 3  # type: ignore[union-attr]
    assert isinstance(opts["timeout"], s.Duration) and opts["timeout"].millis == 30_000
    assert isinstance(opts["result"], s.JsonPath) and opts["result"].path == "$.out"


@pytest.mark.parametrize("op", ["==", "!=", "<", "<=", ">", ">="])
def test_comparison_operators(op: str) -> None:
    cond = condition(f"$.a.b {op} 1")
    assert isinstance(cond, s.Compare)
    assert (cond.path.path, cond.op) == ("$.a.b", op)


@pytest.mark.parametrize(
    ("literal", "node"),
    [
        ("10", s.Num),
        ("0.5", s.Num),
        ('"shipped"', s.Str),
        ("true", s.Bool),
        ("false", s.Bool),
        ("10MB", s.Size),
        ("5m", s.Duration),
    ],
)
def test_comparison_with_every_literal(literal: str, node: type) -> None:
    cond = condition(f"$.x == {literal}")
    assert isinstance(cond, s.Compare) and isinstance(cond.value, node)


def test_exists() -> None:
    cond = condition("exists $.detail.key")
    assert isinstance(cond, s.Exists) and cond.path.path == "$.detail.key"


def test_and_binds_tighter_than_or_and_not_tighter_than_and() -> None:
    cond = condition("$.a == 1 or not $.b == 2 and exists $.c")
    assert isinstance(cond, s.Or)
    left, right = cond.operands
    assert isinstance(left, s.Compare)
    assert isinstance(right, s.And)
    neg, ex = right.operands
    assert isinstance(neg, s.Not) and isinstance(neg.operand, s.Compare)
    assert isinstance(ex, s.Exists)


def test_parentheses_group_and_chains_flatten() -> None:
    cond = condition('($.a == 1 or $.b == "x") and not (exists $.c)')
    assert isinstance(cond, s.And)
    group, neg = cond.operands
    assert isinstance(group, s.Or) and len(group.operands) == 2
    assert isinstance(neg, s.Not) and isinstance(neg.operand, s.Exists)
    chain = condition("$.a == 1 and $.b == 2 and $.c == 3")
    assert isinstance(chain, s.And) and len(chain.operands) == 3


def test_condition_over_several_lines_inside_parentheses() -> None:
    cond = condition("(\n  $.a == 1\n  or $.b == 2\n)")
    assert isinstance(cond, s.Or)


def test_nested_workflow_structure() -> None:
    (loop,) = steps(
        "for each $.items {\n if $.n > 1 {\n parallel {\n branch {\n wait 1s\n }\n }\n }\n}"
    )
    assert isinstance(loop, s.ForEach)
    (inner_if,) = loop.body
    assert isinstance(inner_if, s.IfStep)
    (par,) = inner_if.branches[0][1]
    assert isinstance(par, s.Parallel)
    assert isinstance(par.branches[0][0], s.Wait)


# ---------------------------------------------------------------- parse errors


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('queue q { name = "abc }', "E002"),
        ("queue q { a = @ }", "E003"),
        ("queue q {", "E004"),
        ("on q.message = f", "E005"),
        ("queue q { fifo }", "E006"),
        ("queue q { retention = 5min }", "E007"),
        (r'queue q { name = "\q" }', "E008"),
        ('queue q { name = "${a b}" }', "E009"),
        ('queue q { name = "${a" }', "E009"),
    ],
)
def test_parse_error_codes(text: str, code: str) -> None:
    modules, diags = parse_text(text)
    assert modules == []
    assert code in codes(diags)


def test_several_parse_errors_in_one_run() -> None:
    _, diags = parse_text("queue a { x: 1 }\nqueue b\non b.message = f\ntopic c { = }\n")
    assert codes(diags) == ["E005", "E005", "E005"]
    assert [d.span.line for d in diags if d.span] == [1, 3, 4]


def test_parse_stops_after_too_many_errors() -> None:
    _, diags = parse_text("queue q { : }\n" * 200)
    assert 1 <= len(diags) <= 20


@pytest.mark.parametrize(
    ("literal", "hint"),
    [
        ("1.5m", "write `90s`"),
        ("0.5h", "write `30m`"),
        ("2.5s", "write `2500ms`"),
        ("1.5d", "write `36h`"),
        ("1.5GB", "write `1536MB`"),
        ("0.5TB", "write `512GB`"),
        ("0.5ms", "`ms` is the smallest unit"),
        ("0.3KB", "`KB` is the smallest unit"),
        ("1.0000001GB", "sizes use KB, MB, GB or TB"),
        ("5min", "write `5m`"),
        ("10sec", "write `10s`"),
        ("2hours", "write `2h`"),
        ("512mb", "write `512MB`"),
        ("1GiB", "write `1GB`"),
    ],
)
def test_a_fraction_or_a_misspelt_unit_gets_the_literal_to_write(literal: str, hint: str) -> None:
    diags = Diagnostics()
    parse_source(Source(Path("main.iac"), f"queue q {{ visibility = {literal} }}\n"), diags)
    (d,) = diags.items
    assert d.code == "E007" and d.hints == (hint,)
    assert d.span is not None and d.span.text == literal


@pytest.mark.parametrize(
    "literal",
    ["9" * 4301, "9" * 20, "9223372036854775808", "1" + "0" * 4400 + ".5", "9" * 5000 + "s",
     "10000000000000000s", "8388608TB"],
)  # fmt: skip
def test_a_literal_out_of_range_is_an_error_at_the_literal(literal: str) -> None:
    diags = Diagnostics()
    parse_source(Source(Path("main.iac"), f"queue q {{ x = {literal} }}\n"), diags)
    (d,) = diags.items
    assert d.code == "E013" and "out of range" in d.message
    assert d.span is not None and d.span.text == literal


def test_the_largest_literals_are_in_range() -> None:
    diags = Diagnostics()
    text = "queue q { a = 9223372036854775807, b = 9223372036854775807ms, c = 8388607TB }\n"
    assert parse_source(Source(Path("main.iac"), text), diags) is not None
    assert diags.items == []


# ---------------------------------------------------------------- workflows, 1.1


def test_context_paths_are_paths() -> None:
    v = value("$$.Execution.Input.items[0]")
    assert isinstance(v, s.JsonPath) and v.path == "$$.Execution.Input.items[0]"


def test_set_step() -> None:
    (st,) = steps("set $.started = $$.Execution.StartTime")
    assert isinstance(st, s.SetStep)
    assert st.path.path == "$.started"
    assert isinstance(st.value, s.JsonPath) and st.value.path == "$$.Execution.StartTime"


def test_wait_until() -> None:
    until, plain = steps("wait until $.at\nwait $.delay")
    assert isinstance(until, s.Wait) and until.until
    assert isinstance(plain, s.Wait) and not plain.until


def test_try_with_catch_clauses() -> None:
    (st,) = steps(
        "try {\n invoke f\n} catch States.TaskFailed, Lambda.Unknown as $.error {\n send q\n}"
        ' catch "Odd-Name" {\n succeed\n} catch {\n fail "X"\n}'
    )
    assert isinstance(st, s.Try)
    assert [type(x).__name__ for x in st.body] == ["Task"]
    first, odd, every = st.catches
    assert [e.text for e in first.errors] == ["States.TaskFailed", "Lambda.Unknown"]
    assert first.errors[0].span.text == "States.TaskFailed"
    assert first.path is not None and first.path.path == "$.error"
    assert [e.text for e in odd.errors] == ["Odd-Name"] and odd.path is None
    assert every.errors == () and every.path is None


def test_task_options_with_maps_and_env() -> None:
    (st,) = steps("run c { timeout = 2h, env { K = $.k } }")
    assert isinstance(st, s.Task)
    timeout, env = st.options
    assert isinstance(env, s.Nested) and env.name.text == "env"
    (task,) = steps("invoke f { input = { key = $.k, n = 1 }, callback = true }")
    assert isinstance(task, s.Task)
    shaped = task.options[0]
    assert isinstance(shaped, s.Attribute) and isinstance(shaped.value, s.MapV)
    assert [e.name.text for e in shaped.value.entries] == ["key", "n"]  # type: ignore[union-attr]


def test_step_keywords_stay_names_elsewhere() -> None:
    names = [x.name.text for x in parse_ok("queue set\nqueue try\nqueue catch\ntopic until")]  # type: ignore[union-attr]
    assert names == ["set", "try", "catch", "until"]


def test_the_quick_depth_walk_agrees_with_the_bracket_scan() -> None:
    """`_too_deep` walks the brackets left once strings and comments are cut out; the
    scan that places the error must find a too-deep bracket exactly when it says so."""
    import random

    from iac import parser

    rng = random.Random(3)
    pieces = ["(", "[", "{", ")", "]", "}", '"', '"a(b"', "#(\n", "//[\n", "/", "\n", "x", "\\"]
    for _ in range(3000):
        depth = rng.choice([parser.MAX_DEPTH - 2, parser.MAX_DEPTH, parser.MAX_DEPTH + 3])
        text = "(" * depth + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        found = parser._too_deep_at(text)
        assert parser._too_deep(text) == (found is not None), repr(text)


def test_the_token_cap_counts_every_token_and_points_at_the_first_over_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """E012 on the token after MAX_TOKENS; newlines inside brackets count, comments not."""
    from iac import parser

    monkeypatch.setattr(parser, "MAX_TOKENS", 10)
    text = "queue a # x\nqueue b { x = [1\n, 2] }\nqueue c\n"
    diags = Diagnostics()
    assert parse_source(Source(Path("t.iac"), text), diags) is None
    (d,) = diags.items
    assert d.code == "E012" and d.span is not None
    # queue a NL queue b { x = [ 1 | NL: the eleventh token, a newline the parser never sees
    at = text.index("\n,")
    assert (d.span.start, d.span.end) == (at, at + 1)
