"""Fuzzing across targets: well-formed programs generated from the catalogue, and
mutations of the example programs, go through the whole pipeline (load, parse,
check, plan, every target, explain). Each ends in files or in diagnostics, never
in an exception.

Seeds are fixed (`derandomize`), so a run repeats. The example counts are kept
small for CI; `IAC_FUZZ_EXAMPLES=5000` runs each fuzzer that many times (see
docs/fuzzing.md).
"""

from __future__ import annotations

import ast
import atexit
import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import yaml
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from iac import catalog as cat
from iac.compiler import TARGETS, compile_app
from iac.diagnostics import Diagnostic, Severity, render_human, render_json
from iac.emit import registry
from iac.explain import explain
from iac.explain import render_json as explain_json
from iac.frontend import check, load

ALL = registry.names()  # every target, as the CLI's `all`
REPO = Path(__file__).resolve().parent.parent
T = TypeVar("T")
LONG = int(os.environ.get("IAC_FUZZ_EXAMPLES", "0"))
# Shrinking a failure to its smallest form can take minutes: on for long runs and when
# asked (IAC_FUZZ_SHRINK=1), off in CI, where the failing example is printed as found.
SHRINK = bool(LONG) or os.environ.get("IAC_FUZZ_SHRINK") == "1"


SEED = os.environ.get("IAC_FUZZ_SEED")


def fuzz(default: int) -> Callable[[T], T]:
    """Hypothesis settings for a fuzzer: `default` examples in CI, more when asked.

    Fixed seeds (`derandomize`) unless IAC_FUZZ_SEED picks another sequence."""

    def apply(test: T) -> T:
        test = settings(
            derandomize=SEED is None,
            max_examples=LONG or default,
            deadline=None,
            database=None,
            phases=[p for p in Phase if p is not Phase.shrink or SHRINK],
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        )(test)
        return seed(int(SEED))(test) if SEED is not None else test

    return apply


# A folder per worker, with the code files generated functions point at.
WORK = Path(tempfile.mkdtemp(prefix="iac-fuzz-"))
atexit.register(shutil.rmtree, WORK, ignore_errors=True)
(WORK / "src" / "pkg").mkdir(parents=True)
(WORK / "src" / "handler.py").write_text("def handler(event, context):\n    return event\n")
(WORK / "src" / "pkg" / "main.py").write_text("def handler(event, context):\n    return 1\n")
(WORK / "src" / "pkg" / "util.py").write_text("X = 1\n")
(WORK / "src" / "index.mjs").write_text("export const handler = async () => 1;\n")


# ---------------------------------------------------------------- the whole pipeline


def assert_located(diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        assert "internal compiler error" not in d.message.lower(), d.message
        if d.severity is Severity.ERROR:
            assert d.span is not None, d
    render_human(diagnostics)
    render_json(diagnostics)


def run_pipeline(program: Path) -> str:
    """Load, check, compile to every target: "compiled" or "diagnostics", or it raises."""
    result = check(load(program))
    assert_located(result.diagnostics)
    if not result.ok:
        assert result.errors, "no model, yet no error says why"
        return "diagnostics"
    assert result.app is not None
    compiled = compile_app(result.app, ALL)
    if compiled.diagnostics:
        assert any(d.severity is Severity.ERROR for d in compiled.diagnostics)
        assert_located(compiled.diagnostics)
        return "diagnostics"
    assert compiled.plan is not None
    assert {path.split("/", 1)[0] for path in compiled.files} == set(ALL)
    assert_well_formed(compiled.files)
    explain_json(explain(compiled.plan))
    return "compiled"


def assert_well_formed(files: dict[str, bytes]) -> None:
    """Cheap checks that each target's text is at least its language."""
    for path, data in files.items():
        if path.endswith(".zip"):
            continue
        text = data.decode("utf-8")
        if path.endswith((".yaml", ".yml")):
            yaml.load(text, Loader=_CfnLoader)  # safe: _CfnLoader is a SafeLoader
        elif path.endswith(".py"):
            ast.parse(text, filename=path)
        elif path.endswith(".tf"):
            assert_balanced_hcl(text, path)
        elif path.endswith(".json"):
            json.loads(text)


class _CfnLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML with CloudFormation's short-form intrinsics (`!Ref`, `!Sub`, ...)."""


def _intrinsic(loader: yaml.Loader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return {suffix: loader.construct_scalar(node)}
    if isinstance(node, yaml.SequenceNode):
        return {suffix: loader.construct_sequence(node, deep=True)}
    return {suffix: loader.construct_mapping(node, deep=True)}  # type: ignore[arg-type]


_CfnLoader.add_multi_constructor("!", _intrinsic)  # type: ignore[arg-type]


def assert_balanced_hcl(text: str, path: str) -> None:
    """Brackets balance outside strings and heredocs, and every string is closed."""
    stack: list[str] = []
    pairs = {")": "(", "]": "[", "}": "{"}
    heredoc: str | None = None
    for line in text.splitlines():
        if heredoc is not None:
            if line.strip() == heredoc:
                heredoc = None
            continue
        i, n = 0, len(line)
        while i < n:
            c = line[i]
            if c == "#" or line.startswith("//", i):
                break
            if line.startswith("<<", i):
                marker = line[i + 2 :].lstrip("-").strip()
                if marker.isidentifier():
                    heredoc = marker
                    break
            if c == '"':
                i = _skip_string(line, i + 1, path)
                continue
            if c in "([{":
                stack.append(c)
            elif c in pairs:
                assert stack and stack.pop() == pairs[c], f"{path}: unbalanced `{c}` in {line!r}"
            i += 1
    assert not stack, f"{path}: unclosed {stack}"
    assert heredoc is None, f"{path}: unclosed heredoc {heredoc}"


def _skip_string(line: str, i: int, path: str) -> int:
    """The index after the closing quote; `${ ... }` may hold nested strings."""
    depth = 0
    while i < len(line):
        c = line[i]
        if c == "\\":
            i += 2
            continue
        if depth == 0 and c == '"':
            return i + 1
        if line.startswith("${", i) or line.startswith("%{", i):
            if i > 0 and line[i - 1] == line[i] and depth == 0:  # `$${` is a literal
                i += 2
                continue
            depth += 1
            i += 2
            continue
        if depth and c == "}":
            depth -= 1
        elif depth and c == '"':
            i = _skip_string(line, i + 1, path)
            continue
        i += 1
    raise AssertionError(f"{path}: unterminated string in {line!r}")


# ---------------------------------------------------------------- generated programs

# Names a target might trip on: keywords of Python, HCL and the language itself.
HOSTILE_NAMES = [
    "class", "def", "lambda", "import", "from", "return", "pass", "self", "str", "list",
    "type", "id", "count", "for_each", "provider", "depends_on", "lifecycle", "source",
    "version", "locals", "module", "data", "resource", "var", "each", "key", "sort",
    "index", "run", "wait", "invoke", "send", "put", "publish", "cron", "every", "branch",
    "exists", "ref", "condition", "stack", "app", "aws", "cdk", "core", "construct",
]  # fmt: skip
LOWER = "abcdefghijklmnopqrstuvwxyz"
WORD = st.builds(
    "{}{}".format, st.sampled_from(LOWER), st.text(LOWER + "0123456789", max_size=6)
)  # regexes cost hypothesis much more to draw from
NAME = st.one_of(
    WORD,
    st.builds("{}_{}".format, WORD, st.text(LOWER + "0123456789", min_size=1, max_size=4)),
    st.sampled_from(HOSTILE_NAMES),
)
CRONS = ['"0 3 * * ? *"', '"*/5 * * * ? *"', '"0 6 ? * MON *"', '"15 10 L * ? *"']
MODEL_IDS = [
    '"anthropic.claude-3-haiku-20240307-v1:0"',
    '"amazon.titan-text-express-v1"',
    '"us.anthropic.claude-3-5-sonnet-20241022-v2:0"',  # an inference profile
]
IMAGES = ['"busybox"', '"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:${stage}"']
LITERALS = st.one_of(
    st.sampled_from(['"x"', '"a\\"b"', '"tab\\tnew\\nline"', '"\\$literal"', '"%{ not hcl }"',
                     '"!Ref X"', '"é☃"', '""', "\"'single'\"", '"back\\\\slash"']),
    st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Zl", "Zp"],
                          exclude_characters='"\\$'), max_size=12).map(lambda s: f'"{s}"'),
)  # fmt: skip
STRINGS = st.one_of(LITERALS, st.sampled_from(['"${stage}-a"', '"${size}"']))
LITERAL_ONLY = ("ttl",)  # attributes that name something: no `${...}` (E107)
PATHS = st.lists(st.text(LOWER, min_size=1, max_size=5), min_size=1, max_size=3).map(
    lambda parts: "$." + ".".join(parts)
)
STEP_VERBS = {kind: verb for verb, kind in cat.STEP_KINDS.items()}
TICKABLE = ("function", "queue", "workflow", "container")


def quoted(value: object) -> str:
    return f'"{value}"' if isinstance(value, str) else str(value)


def spell_seconds(seconds: int) -> str:
    """A duration in the largest unit that says it exactly."""
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def duration(low: int, high: int, step: int = 1) -> st.SearchStrategy[str]:
    """A duration in [low, high] seconds, a whole number of `step` seconds."""
    return st.integers(-(-low // step), high // step).map(lambda n: spell_seconds(n * step))


@st.composite
def attribute_value(draw: st.DrawFn, attr: cat.Attr) -> str:
    """A value the attribute accepts: right type, in range, a valid choice."""
    if attr.choices:
        choice = draw(st.sampled_from(attr.choices))
        if attr.type == "duration":
            return f"{choice // 86400}d"
        return quoted(choice)
    if attr.type == "bool":
        return draw(st.sampled_from(["true", "false"]))
    if attr.type == "duration":
        low = int(attr.low if attr.low is not None else 1)
        high = int(attr.high if attr.high is not None else 86400)
        return draw(duration(low, high, attr.step))
    if attr.type == "size":
        low_mb = int(attr.low if attr.low is not None else cat.MB) // cat.MB
        high_mb = int(attr.high if attr.high is not None else 1024 * cat.MB) // cat.MB
        return f"{draw(st.integers(low_mb, high_mb))}MB"
    if attr.type == "number":
        low = int(attr.low if attr.low is not None else 0)
        high = int(attr.high if attr.high is not None else 1000)
        return str(draw(st.integers(low, high)))
    if attr.type == "list":
        return "[" + ", ".join(draw(st.lists(LITERALS, max_size=3))) + "]"
    if attr.type == "auth":
        jwt = 'jwt { issuer = "https://id.example", audience = ["a"] }'
        return draw(st.sampled_from(["iam", "none", jwt]))
    if attr.name in LITERAL_ONLY:
        return draw(LITERALS)
    return draw(STRINGS)


class Program:
    """The names and kinds a generated program declares, as it is being drawn."""

    def __init__(self, kinds: dict[str, str]):
        self.kinds = kinds

    def named(self, *kinds: str) -> list[str]:
        return [n for n, k in self.kinds.items() if k in kinds]


@st.composite
def reference(draw: st.DrawFn, prog: Program) -> str:
    """A param, or an attribute some resource exposes."""
    exposing = [n for n, k in prog.kinds.items() if cat.KINDS[k].exposes]
    if not exposing or draw(st.integers(0, 3)) == 0:
        return draw(st.sampled_from(["stage", "size", '"${stage}-x"']))
    name = draw(st.sampled_from(exposing))
    attr = draw(st.sampled_from(cat.KINDS[prog.kinds[name]].exposes))
    if draw(st.booleans()):
        return f'"pre-${{{name}.{attr}}}-post"'
    return f"{name}.{attr}"


@st.composite
def grants(draw: st.DrawFn, prog: Program) -> list[str]:
    grantable = [n for n, k in prog.kinds.items() if cat.KINDS[k].operations]
    lines = []
    for target in draw(st.lists(st.sampled_from(grantable), max_size=3, unique=True)
                       if grantable else st.just([])):  # fmt: skip
        ops = sorted(cat.KINDS[prog.kinds[target]].operations)
        chosen = draw(st.lists(st.sampled_from(ops), min_size=1, max_size=len(ops), unique=True))
        lines.append(f"  allow {target}: {', '.join(chosen)}")
    return lines


@st.composite
def env_block(draw: st.DrawFn, prog: Program) -> list[str]:
    keys = draw(st.lists(WORD.map(str.upper), max_size=3, unique=True))
    if not keys:
        return []
    values = [draw(st.one_of(reference(prog), STRINGS)) for _ in keys]
    inline = draw(st.booleans())
    if inline:
        pairs = ", ".join(f"{k} = {v}" for k, v in zip(keys, values, strict=True))
        return ["  env { " + pairs + " }"]
    return ["  env {", *(f"    {k} = {v}" for k, v in zip(keys, values, strict=True)), "  }"]


@st.composite
def plain_attributes(draw: st.DrawFn, kind: cat.Kind, skip: set[str]) -> list[str]:
    # A secret's `value` is a secret param, which the generated programs don't declare.
    skip = skip | ({"value"} if kind.name == "secret" else set())
    # Destinations (`on_failure = q`) name a resource: left to tests/test_delivery.py.
    attrs = [
        a for a in kind.attrs if a.name not in skip and a.name != "name" and a.type != "resource"
    ]
    chosen = draw(st.lists(st.sampled_from(attrs), max_size=4, unique_by=lambda a: a.name)
                  if attrs else st.just([]))  # fmt: skip
    lines = [f"  {a.name} = {draw(attribute_value(a))}" for a in chosen]
    if draw(st.integers(0, 9)) == 0:
        lines.append(f'  name = "${{stage}}-{draw(WORD)}"')
    return lines


@st.composite
def condition(draw: st.DrawFn, depth: int = 0) -> str:
    path = draw(PATHS)
    atom = draw(st.sampled_from(["compare", "exists", "group"] if depth < 2 else ["compare"]))
    if atom == "exists":
        text = f"exists {path}"
    elif atom == "group":
        left, right = draw(condition(depth + 1)), draw(condition(depth + 1))
        text = f"({left} {draw(st.sampled_from(['and', 'or']))} {right})"
    else:
        value = draw(st.sampled_from(['"done"', "10", "0.5", "true", "10MB", "2h", "30s"]))
        ordered = value[0].isdigit()  # strings and bools only compare for (in)equality
        op = draw(st.sampled_from(["==", "!=", "<", "<=", ">", ">="] if ordered else ["==", "!="]))
        text = f"{path} {op} {value}"
    return ("not " if draw(st.integers(0, 4)) == 0 else "") + text


@st.composite
def steps(draw: st.DrawFn, prog: Program, depth: int = 0, indent: str = "  ") -> list[str]:
    tasks = [(STEP_VERBS[k], n) for n, k in prog.kinds.items() if k in STEP_VERBS]
    kinds = ["task", "task", "wait"] if tasks else ["wait"]
    if depth < 2:
        kinds += ["if", "parallel", "for"]
    lines: list[str] = []
    for kind in draw(st.lists(st.sampled_from(kinds), min_size=1, max_size=4)):
        if kind == "task":
            verb, target = draw(st.sampled_from(tasks))
            options = draw(st.lists(st.sampled_from([
                f"retry = {draw(st.integers(0, 10))}",
                f"timeout = {draw(duration(1, 7200))}",
                f"result = {draw(PATHS)}",
            ]), max_size=3, unique=True))  # fmt: skip
            tail = " { " + ", ".join(options) + " }" if options else ""
            lines.append(f"{indent}{verb} {target}{tail}")
        elif kind == "wait":
            lines.append(f"{indent}wait {draw(duration(1, 3600))}")
        elif kind == "if":
            lines.append(f"{indent}if {draw(condition())} {{")
            lines += draw(steps(prog, depth + 1, indent + "  "))
            for _ in range(draw(st.integers(0, 2))):
                lines.append(f"{indent}}} else if {draw(condition())} {{")
                lines += draw(steps(prog, depth + 1, indent + "  "))
            if draw(st.booleans()):
                lines.append(f"{indent}}} else {{")
                lines += draw(steps(prog, depth + 1, indent + "  "))
            lines.append(f"{indent}}}")
        elif kind == "parallel":
            lines.append(f"{indent}parallel {{")
            for _ in range(draw(st.integers(1, 3))):
                lines.append(f"{indent}  branch {{")
                lines += draw(steps(prog, depth + 1, indent + "    "))
                lines.append(f"{indent}  }}")
            lines.append(f"{indent}}}")
        else:
            path = draw(PATHS)
            lines.append(f"{indent}for each {path} {{")
            lines += draw(steps(prog, depth + 1, indent + "  "))
            lines.append(f"{indent}}}")
    end = draw(st.sampled_from(["", "", "succeed", 'fail "Failed" "it went wrong"']))
    if end:
        lines.append(f"{indent}{end}")
    return lines


@st.composite
def resource(draw: st.DrawFn, prog: Program, name: str) -> str:
    kind_name = prog.kinds[name]
    kind = cat.KINDS[kind_name]
    lines: list[str] = []
    if kind_name == "function":
        code = draw(st.sampled_from(["file", "dir", "node"]))
        if code == "file":
            lines.append('  code = "src/handler.py"')
        elif code == "dir":
            lines += ['  code = "src/pkg"', '  handler = "main.handler"']
        else:
            lines += ['  code = "src/index.mjs"', '  runtime = "nodejs20.x"']
        lines.append(f"  timeout = {draw(duration(1, 30))}")  # every queue waits longer
        skip = {"code", "handler", "timeout"} | ({"runtime"} if code == "node" else set())
        lines += draw(plain_attributes(kind, skip))
    elif kind_name == "queue":
        lines.append(f"  visibility_timeout = {draw(duration(30, 12 * 3600))}")
        lines += draw(plain_attributes(kind, {"visibility_timeout"}))
    elif kind_name == "table":
        lines.append(f"  key {draw(NAME)}: {draw(st.sampled_from(cat.KEY_TYPES))}")
        if draw(st.booleans()):
            lines.append(f"  sort {draw(NAME)}_s: {draw(st.sampled_from(cat.KEY_TYPES))}")
        for i in range(draw(st.integers(0, 2))):
            lines.append(f"  index by_{i} {{ key k{i}: string }}")
        lines.append("  stream = true")
        lines += draw(plain_attributes(kind, {"stream"}))
    elif kind_name == "schedule":
        lines.append(
            draw(
                st.one_of(
                    duration(60, 86400, 60).map(lambda d: f"  rate = {d}"),
                    st.sampled_from(CRONS).map(lambda c: f"  cron = {c}"),
                )
            )
        )
        lines += draw(plain_attributes(kind, {"rate", "cron"}))
    elif kind_name == "model":
        lines.append(f"  id = {draw(st.sampled_from(MODEL_IDS))}")
    elif kind_name == "container":
        cpu = draw(st.sampled_from(sorted(cat.FARGATE_MEMORY_MB)))
        memory = draw(st.sampled_from(cat.FARGATE_MEMORY_MB[cpu]))
        lines += [f"  image = {draw(st.sampled_from(IMAGES))}", f"  cpu = {cpu}",
                  f"  memory = {memory}MB"]  # fmt: skip
        lines += draw(plain_attributes(kind, {"image", "cpu", "memory"}))
    elif kind_name == "api":
        targets = prog.named("function", "queue", "workflow", "bus")
        routes = draw(st.lists(
            st.tuples(st.sampled_from(cat.HTTP_METHODS),
                      st.sampled_from(["/", "/items", "/items/{id}", "/a/{proxy+}", "/x.y/z-w"])),
            max_size=4, unique=True)) if targets else []  # fmt: skip
        for method, path in routes:
            lines.append(f"  {method} {path} -> {draw(st.sampled_from(targets))}")
        if draw(st.booleans()):
            rate, burst = draw(st.integers(0, 100000)), draw(st.integers(0, 100000))
            lines.append(f"  throttle {{ rate = {rate}, burst = {burst} }}")
        lines += draw(plain_attributes(kind, set()))
    elif kind_name == "workflow":
        if draw(st.booleans()):
            lines.append(f"  express = {draw(st.sampled_from(['true', 'false']))}")
        lines += draw(steps(prog))
        return f"workflow {name} {{\n" + "\n".join(lines) + "\n}\n"
    else:
        lines += draw(plain_attributes(kind, set()))
    if "env" in kind.blocks:
        lines += draw(env_block(prog))
    if kind.allows:
        lines += draw(grants(prog))
    if not lines and draw(st.booleans()):
        return f"{kind_name} {name}\n"
    return f"{kind_name} {name} {{\n" + "\n".join(lines) + "\n}\n"


@st.composite
def edge(draw: st.DrawFn, prog: Program) -> str:
    sources = [n for n, k in prog.kinds.items() if cat.KINDS[k].events]
    source = draw(st.sampled_from(sources))
    kind = prog.kinds[source]
    event = draw(st.sampled_from(cat.KINDS[kind].events))
    targets = prog.named(*event.targets)
    if not targets:
        return ""
    target = draw(st.sampled_from(targets))
    filters = ""
    if kind == "bucket":
        chosen = draw(st.lists(st.sampled_from([
            f'prefix: "{draw(st.sampled_from(["in/", "a*b/", "images/"]))}"',
            f'suffix: "{draw(st.sampled_from([".jpg", ".p*g", ".tar.gz"]))}"',
        ]), max_size=2, unique=True))  # fmt: skip
        filters = f"({', '.join(chosen)})" if chosen else ""
    elif kind == "bus":
        chosen = draw(st.lists(st.sampled_from([
            'source: "shop.orders"', 'detail_type: "OrderPlaced"',
        ]), max_size=2, unique=True))  # fmt: skip
        filters = f"({', '.join(chosen)})" if chosen else ""
    elif kind == "topic" and draw(st.booleans()):
        values = draw(st.lists(st.sampled_from(['"high"', '"critical"', '"a b"']), min_size=1,
                               max_size=2, unique=True))  # fmt: skip
        filters = f"(severity: [{', '.join(values)}])"
    options = ""
    if kind == "queue" and draw(st.booleans()):
        batch = draw(st.integers(1, 10))
        options = f" {{ batch = {batch}, window = {draw(st.integers(0, 300))}s }}"
    elif kind == "table" and draw(st.booleans()):
        options = f" {{ batch = {draw(st.integers(1, 10000))} }}"
    return f"on {source}.{event.name}{filters} -> {target}{options}\n"


@st.composite
def program_file(
    draw: st.DrawFn, declared: dict[str, str] | None = None
) -> tuple[str, dict[str, str]]:
    """A well-formed program file, and the kinds it declares: every name declared, every
    value in range, every edge allowed.

    With `declared` (the kinds of another file of the same app) it is a second file: no
    `app` and no params, names of its own, and references, grants and edges that may
    reach into the other file."""
    second = declared is not None
    count = draw(st.integers(1, 8))
    names = draw(st.lists(NAME, min_size=count, max_size=count, unique=True))
    names = [f"{n}_other" for n in names] if second else names
    # Implicit names (`q_dlq`, `f_every_5m`) and IDs that only differ by `_` are left to
    # the checker's own tests: the fuzzer wants programs that compile.
    names = [n for n in names if not n.endswith("_dlq") and "__" not in n] or ["only"]
    own = {n: draw(st.sampled_from(sorted(cat.KINDS))) for n in names}
    prog = Program({**(declared or {}), **own})
    parts = []
    if not second and draw(st.booleans()):
        region = draw(st.sampled_from(["us-east-1", "eu-west-1", "ap-northeast-1"]))
        prefix = draw(st.sampled_from(["", '  prefix = "${stage}-app"\n', '  prefix = "p"\n']))
        parts.append(f'app fuzz {{\n  region = "{region}"\n{prefix}'
                     '  tags { team = "fuzz", cost = "42" }\n}\n')  # fmt: skip
    if not second:
        parts.append('param stage: string = "dev"\nparam size: number = 3\n')
    # Resources in any order: the order of declarations never matters.
    order = draw(st.permutations(names))
    parts += [draw(resource(prog, n)) for n in order]
    if any(cat.KINDS[k].events for k in prog.kinds.values()):
        parts += draw(st.lists(edge(prog), max_size=4))
    timed = [n for n in prog.named(*TICKABLE) if n in own]  # one `every 5m -> x` per app
    if timed and draw(st.booleans()):
        parts.append(f"every {draw(st.sampled_from(['1m', '5m', '2h', '1d']))} -> "
                     f"{draw(st.sampled_from(timed))}\n")  # fmt: skip
    if timed and draw(st.booleans()):
        parts.append(f"cron {draw(st.sampled_from(CRONS))} -> {draw(st.sampled_from(timed))}\n")
    for i, name in enumerate(draw(st.lists(st.sampled_from(names), max_size=2))):
        exposes = cat.KINDS[own[name]].exposes
        if exposes:
            attr = draw(st.sampled_from(exposes))
            parts.append(f"output o{i}{'_other' * second} = {name}.{attr}\n")
    return "".join(parts), own


def program() -> st.SearchStrategy[str]:
    return program_file().map(lambda made: made[0])


@st.composite
def two_files(draw: st.DrawFn) -> tuple[str, str]:
    first, declared = draw(program_file())
    second, _ = draw(program_file(declared))
    return first, second


def write_program(text: str) -> Path:
    path = WORK / "main.iac"
    path.write_text(text, encoding="utf-8")
    return path


def test_generated_programs_compile_or_explain_why() -> None:
    outcomes: Counter[str] = Counter()
    codes: Counter[str] = Counter()

    @fuzz(100)
    @given(program())
    def run(text: str) -> None:
        path = write_program(text)
        outcome = run_pipeline(path)
        outcomes[outcome] += 1
        if outcome == "diagnostics":
            result = check(load(path))
            diagnostics = result.diagnostics
            if result.ok and result.app is not None:
                diagnostics = compile_app(result.app, ALL).diagnostics
            codes.update(d.code for d in diagnostics if d.severity is Severity.ERROR)

    run()
    # The generator is only worth its name if most programs reach every target. (What
    # keeps the others out: resources in a cycle, kinds a target can't express yet.)
    total = sum(outcomes.values())
    assert outcomes["compiled"] >= total * 0.6, (outcomes, codes.most_common(8))


@fuzz(20)
@given(two_files())
def test_generated_programs_over_two_files(files: tuple[str, str]) -> None:
    first, second = files
    folder = Path(tempfile.mkdtemp(dir=WORK))
    try:
        shutil.copytree(WORK / "src", folder / "src")
        (folder / "a.iac").write_text(first, encoding="utf-8")
        (folder / "b.iac").write_text(second, encoding="utf-8")  # refers to a.iac's names
        run_pipeline(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------- mutated examples

# Each worker mutates its own copy of examples/, so code paths resolve as in the original.
EXAMPLES = WORK / "examples"
shutil.copytree(REPO / "examples", EXAMPLES)
SOURCES = sorted(EXAMPLES.rglob("*.iac"))
PUNCTUATION = list('{}()[]=,:."\\$#/-<>\n\t ') + [
    "->", "${", "}", "//", "\\$", "0", "5m", "10MB", "on", "allow", "x.arn", "$.a", "not",
]  # fmt: skip


def program_of(source: Path) -> Path:
    """The program a source file belongs to: the file, or its folder."""
    return source.parent if source.parent != EXAMPLES else source


@st.composite
def mutation(draw: st.DrawFn) -> tuple[Path, bytes]:
    source = draw(st.sampled_from(SOURCES))
    data = source.read_bytes()
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(["delete", "insert", "swap", "duplicate", "bytes", "line"]))
        at = draw(st.integers(0, len(data)))
        if how == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 40)) :]
        elif how == "insert":
            data = data[:at] + draw(st.sampled_from(PUNCTUATION)).encode() + data[at:]
        elif how == "bytes":
            junk = draw(st.sampled_from([b"\xff", b"\xc3", b"\x00", b"\xe2\x98", b"\r", b"\t"]))
            data = data[:at] + junk + data[at:]
        else:
            lines = data.split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if how == "swap":
                lines[i], lines[j] = lines[j], lines[i]
            elif how == "duplicate":
                lines.insert(j, lines[i])
            else:
                del lines[i]
            data = b"\n".join(lines)
    return source, data


@fuzz(120)
@given(mutation())
def test_mutated_examples_through_every_target(case: tuple[Path, bytes]) -> None:
    source, data = case
    original = source.read_bytes()
    try:
        source.write_bytes(data)
        run_pipeline(program_of(source))
    finally:
        source.write_bytes(original)


def test_unmutated_examples_pass_the_same_checks() -> None:
    """The mutations start from programs that reach every target or say why not."""
    for program in sorted({program_of(s) for s in SOURCES}):
        assert run_pipeline(program) in ("compiled", "diagnostics")
    assert list(TARGETS) == ALL
