"""Property tests: random, mutated and generated programs all end in a model or in
diagnostics, never in an exception. Seeds are fixed (`derandomize`), so runs repeat."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iac import catalog as cat
from iac.diagnostics import Severity, render_human, render_json
from iac.frontend import CheckResult, check, from_text, load

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
WORK = Path(tempfile.mkdtemp(prefix="iac-props-"))
(WORK / "src").mkdir()
(WORK / "src" / "handler.py").write_text("def handler(event, context):\n    pass\n")

SEED_PROGRAMS = [
    'app shop {\n  region = "eu-west-1"\n  prefix = "${stage}-shop"\n  tags { team = "x" }\n}\n'
    'param stage: string = "dev"\n'
    "queue jobs {\n  visibility_timeout = 2m\n  max_receives = 3\n}\n"
    'function worker {\n  code = "src/handler.py"\n  timeout = 20s\n'
    "  env { QUEUE = jobs.url, STAGE = stage }\n  allow jobs: send, receive\n}\n"
    "on jobs.message -> worker { batch = 5 }\n"
    "table orders {\n  key id: string\n  sort at: number\n  index by_c {\n    key c: string\n  }\n"
    "  stream = true\n}\n"
    "on orders.changed -> worker\n"
    "api shop {\n  GET /orders/{id} -> worker\n  ANY /x/{proxy+} -> jobs\n}\n"
    "every 5m -> worker\n"
    'cron "0 3 * * ? *" -> worker\n'
    "output url = shop.url\n",
    "topic alerts\nbus events\nbucket uploads { versioned = true }\n"
    'container c { image = "busybox", cpu = 512, memory = 1GB, command = ["a", "b"] }\n'
    "workflow flow {\n  express = false\n"
    "  invoke worker { retry = 2, timeout = 30s, result = $.r }\n"
    '  if $.r.size > 10MB and not exists $.skip or ($.a == "x") {\n    run c\n'
    "  } else if $.n <= 3 {\n    wait 30s\n  } else {\n    publish alerts\n  }\n"
    "  parallel {\n    branch {\n      put events\n    }\n    branch {\n      succeed\n    }\n  }\n"
    '  for each $.items {\n    invoke worker\n  }\n  fail "E" "cause"\n}\n'
    'function worker { code = "src/handler.py" }\n'
    'on uploads.created(prefix: "in/", suffix: ".jpg") -> flow\n'
    'on events.event(source: "a", detail_type: "b") -> alerts\n'
    'on alerts.message(level: ["high"]) -> worker\n',
] + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.rglob("*.iac"))][:6]

PUNCTUATION = list('{}()[]=,:."\\$#/->\n\t ') + ["->", "${", "//", "\\$", "0", "5m", "10MB", "on"]


def assert_clean(result: CheckResult) -> None:
    """A model and no errors, or errors and no model; every error located; renders."""
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if result.app is None:
        assert errors, "no model, yet no error says why"
    else:
        assert not errors
    for d in result.diagnostics:
        # not a bug's message (a program's own word may be "internal": it is quoted)
        assert "internal compiler error" not in d.message.lower()
        if d.severity is Severity.ERROR:
            assert d.span is not None, d
    render_human(result.diagnostics)
    render_json(result.diagnostics)


def check_text(text: str) -> CheckResult:
    return check(from_text(text, WORK / "prop.iac"))


# ---------------------------------------------------------------- random text

ALPHABET = st.sampled_from(
    list("abcdefqxyz_019 \n\t{}()[]=,:.\"'\\$#/-<>!@*+?") + ["é", "☃", "\x00", "\r", "\u200b"]
)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=200))
def test_random_text(text: str) -> None:
    assert_clean(check_text(text))


@settings(derandomize=True, max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PUNCTUATION + ["queue", "function", "x", "app", "param"])))
def test_random_token_soup(words: list[str]) -> None:
    assert_clean(check_text(" ".join(words)))


@settings(derandomize=True, max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode(text: str) -> None:
    assert_clean(check_text(text))


# ---------------------------------------------------------------- mutations of valid programs


def test_seed_programs_are_valid() -> None:
    # The mutations below start from programs that check (example folders are
    # single files here, so cross-file names may be missing: only the first two must pass).
    for text in SEED_PROGRAMS[:2]:
        result = check_text(text)
        assert result.ok, render_human(result.diagnostics)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEED_PROGRAMS))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "insert", "swap", "duplicate"]))
        size = len(text)
        at = draw(st.integers(0, size))
        if kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        elif kind == "insert":
            text = text[:at] + draw(st.sampled_from(PUNCTUATION)) + text[at:]
        elif kind == "swap":
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            text = "\n".join(lines)
    return text


@settings(derandomize=True, max_examples=400, deadline=None)
@given(mutated())
def test_mutated_programs(text: str) -> None:
    assert_clean(check_text(text))


@settings(
    derandomize=True,
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.sampled_from(SEED_PROGRAMS), st.binary(min_size=1, max_size=4), st.data())
def test_invalid_bytes(text: str, junk: bytes, data: st.DataObject) -> None:
    raw = text.encode("utf-8")
    at = data.draw(st.integers(0, len(raw)))
    path = WORK / "bytes.iac"
    path.write_bytes(raw[:at] + junk + raw[at:])
    assert_clean(check(load(path)))


# ---------------------------------------------------------------- generated from the catalogue

NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True)
STEP_VERBS = {kind: verb for verb, kind in cat.STEP_KINDS.items()}


def in_range(attr: cat.Attr) -> st.SearchStrategy[str]:
    """A value the attribute accepts."""
    if attr.choices:
        return st.sampled_from([f'"{c}"' if isinstance(c, str) else str(c) for c in attr.choices])
    low = attr.low if attr.low is not None else 0
    if attr.type == "duration":
        high = attr.high if attr.high is not None else 86400
        return st.integers(max(int(low), 1), int(high)).map("{}s".format)
    if attr.type == "size":
        high = attr.high if attr.high is not None else 1 << 34
        return st.integers(int(low) >> 20, int(high) >> 20).map("{}MB".format)
    if attr.type == "number":
        high = attr.high if attr.high is not None else 1000
        return st.integers(int(low), int(high)).map(str)
    if attr.type == "string":
        return st.sampled_from(['"x"', '"${stage}-a"', "stage"])
    return literal(attr)


def literal(attr: cat.Attr) -> st.SearchStrategy[str]:
    """A value of the attribute's type, in range or not."""
    if attr.choices:
        return st.sampled_from([f'"{c}"' if isinstance(c, str) else str(c) for c in attr.choices])
    return {
        "string": st.sampled_from(['"x"', '"src/handler.py"', '"${stage}-a"', '""', "stage"]),
        "number": st.integers(-5, 20000).map(str),
        "bool": st.sampled_from(["true", "false"]),
        "duration": st.builds(
            "{}{}".format, st.integers(0, 400), st.sampled_from(["ms", "s", "m", "h", "d"])
        ),
        "size": st.builds(
            "{}{}".format, st.integers(0, 20000), st.sampled_from(["KB", "MB", "GB"])
        ),
        "list": st.lists(st.sampled_from(['"a"', '"b"']), max_size=3).map(
            lambda xs: "[" + ", ".join(xs) + "]"
        ),
        "path": st.sampled_from(["$.a", "$.b.c", "$"]),
        "auth": st.sampled_from(
            ["iam", "none", 'jwt { issuer = "https://a.example", audience = ["x"] }', "jwt {}"]
        ),
        "resource": st.sampled_from(["q", "undeclared", '"q"']),  # a name, or not one
    }[attr.type]


@st.composite
def resource(draw: st.DrawFn, name: str, kinds: dict[str, str], strict: bool) -> str:
    kind = cat.KINDS[kinds[name]]
    others = sorted(kinds)
    value = in_range if strict else literal
    if kind.name == "workflow":
        steps = [f"  {STEP_VERBS[k]} {n}" for n, k in sorted(kinds.items()) if k in STEP_VERBS] or [
            "  succeed"
        ]
        chosen = draw(st.lists(st.sampled_from(steps), min_size=1, max_size=3))
        return f"workflow {name} {{\n" + "\n".join(chosen) + "\n  wait 5s\n}\n"
    lines = []
    skip = {"code", "handler", "cron", "rate", "cpu"} if strict else set()
    attrs = draw(
        st.lists(
            st.sampled_from(
                [a for a in kind.attrs if a.name not in skip and not (strict and a.kinds)]
                or kind.attrs
            ),
            max_size=5,
            unique_by=lambda a: a.name,
        )
    )
    if kind.name == "function":
        lines.append('  code = "src/handler.py"')
        attrs = [a for a in attrs if a.name != "code"]
    if kind.name == "schedule" and strict:
        lines.append("  rate = 5m")
    if kind.name == "container" and strict:
        attrs = [a for a in attrs if a.name != "memory"]
    required = [a for a in kind.attrs if a.required and a not in attrs and a.name != "code"]
    for attr in attrs + required:
        lines.append(f"  {attr.name} = {draw(value(attr))}")
    if "env" in kind.blocks:
        target = draw(st.sampled_from(others))
        exposed = cat.KINDS[kinds[target]].exposes or ("arn",)
        lines.append(f"  env {{ REF = {target}.{draw(st.sampled_from(exposed))}, STAGE = stage }}")
    if kind.allows:
        target = draw(st.sampled_from(others))
        ops = sorted(cat.KINDS[kinds[target]].operations) or ["read"]
        chosen = draw(st.lists(st.sampled_from(ops), min_size=1, max_size=2))
        lines.append(f"  allow {target}: {', '.join(chosen)}")
    if kind.name == "table":
        lines.append("  key id: " + draw(st.sampled_from(cat.KEY_TYPES)))
        lines.append("  stream = true")
    if kind.name == "api":
        routable = [n for n in others if kinds[n] in ("function", "queue", "workflow", "bus")]
        target = draw(st.sampled_from((routable if strict else []) or others))
        lines.append(f"  GET /x/{{id}} -> {target}")
    return f"{kind.name} {name} {{\n" + "\n".join(lines) + "\n}\n"


@st.composite
def program(draw: st.DrawFn) -> str:
    names = draw(st.lists(NAMES, min_size=1, max_size=6, unique=True))
    kinds = {n: draw(st.sampled_from(sorted(cat.KINDS))) for n in names}
    strict = draw(st.booleans())
    parts = ['param stage: string = "dev"\n']
    parts += [draw(resource(n, kinds, strict)) for n in names]
    sources = [n for n in names if cat.KINDS[kinds[n]].events] if strict else []
    for _ in range(draw(st.integers(0, 3))):
        source = draw(st.sampled_from(sources or names))
        events = cat.KINDS[kinds[source]].events
        event = draw(st.sampled_from([e.name for e in events] or ["message"]))
        allowed = next((e.targets for e in events if e.name == event), ())
        targets = [n for n in names if kinds[n] in allowed] if strict else []
        target = draw(st.sampled_from(targets or names))
        parts.append(f"on {source}.{event} -> {target}\n")
    tickable = ("function", "queue", "workflow", "container")
    timed = [n for n in names if kinds[n] in tickable] if strict else names
    if timed and draw(st.booleans()):
        rate = draw(st.sampled_from(["1m", "5m", "1h", "30s"]))
        parts.append(f"every {rate} -> {draw(st.sampled_from(timed))}\n")
    if timed and draw(st.booleans()):
        parts.append(f'cron "0 3 * * ? *" -> {draw(st.sampled_from(timed))}\n')
    exposed = cat.KINDS[kinds[names[0]]].exposes
    attr = exposed[0] if exposed and strict else "arn"
    parts.append(f"output o = {names[0]}.{attr}\n")
    return "".join(parts)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(program())
def test_generated_programs(text: str) -> None:
    assert_clean(check_text(text))


@settings(derandomize=True, max_examples=50, deadline=None)
@given(program(), program())
def test_generated_programs_over_two_files(first: str, second: str) -> None:
    folder = Path(tempfile.mkdtemp(dir=WORK))
    (folder / "src").mkdir()
    (folder / "src" / "handler.py").write_text("")
    (folder / "a.iac").write_text(first)
    (folder / "b.iac").write_text(second.replace("param stage", "param stage2"))
    assert_clean(check(load(folder)))


def test_some_generated_programs_check() -> None:
    # The generator is worth its name only if it also makes valid programs.
    text = (
        'param stage: string = "dev"\nqueue q { visibility_timeout = 1m }\n'
        'function f {\n  code = "src/handler.py"\n  env { REF = q.arn, STAGE = stage }\n'
        "  allow q: send\n}\non q.message -> f\noutput o = q.arn\n"
    )
    assert check_text(text).ok
