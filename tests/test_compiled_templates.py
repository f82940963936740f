"""The templates run as the Python generated from them (iac/_templates/, written by
`python -m iac.tables --regenerate` by iac/emit/template_codegen.py): the same bytes
as Jinja's own rendering of every golden case, no Jinja imported by a compile, Jinja
again for a template edited since, and errors that point at the template's line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any

import jinja2
import pytest

from examples import EXAMPLES, case_name, compile_program, example_programs
from iac import tables
from iac.emit import compiled, registry
from iac.emit.base import Target, context_filter
from iac.emit.compiled import GeneratedTemplate, JinjaTemplate, UndefinedError
from iac.emit.template_codegen import TemplateCodegenError, generate
from iac.plan import Plan

REPO = Path(__file__).resolve().parent.parent
NAMES = list(registry.TARGETS)


def test_the_generated_templates_match_their_sources() -> None:
    assert tables.stale_templates() == [], "run `python -m iac.tables --regenerate`"


def test_no_generated_module_imports_jinja() -> None:
    for path in compiled.COMPILED.rglob("*.py"):
        assert "jinja" not in path.read_text(encoding="utf-8"), path


def _plan(program: Path) -> Plan:
    planned = compile_program(program, []).plan
    assert planned is not None
    return planned


def _render(plan: Plan) -> dict[str, dict[str, bytes]]:
    return {name: registry.render(name, plan).files for name in NAMES}


@pytest.mark.parametrize("program", example_programs(), ids=case_name)
def test_every_golden_case_renders_the_bytes_jinja_renders(
    program: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _plan(program)
    generated = _render(plan)
    kinds = {type(t) for loaded in Target._loaded.values() for t in loaded.values() if t}
    assert kinds == {GeneratedTemplate}
    with monkeypatch.context() as m:
        m.setattr(Target, "_loaded", {})
        m.setattr(compiled, "_generated", lambda *args: None)  # every template by Jinja
        by_jinja = _render(plan)
        kinds = {type(t) for loaded in Target._loaded.values() for t in loaded.values() if t}
        assert kinds == {JinjaTemplate}
    assert generated == by_jinja
    assert any(files for files in generated.values())


def test_a_compile_to_every_target_imports_no_jinja(tmp_path: Path) -> None:
    program = REPO / "examples" / "orders"
    script = (
        "import sys\n"
        "from iac.cli import main\n"
        "try:\n"
        f"    main(['compile', {str(program)!r}, '-o', {str(tmp_path / 'out')!r}])\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'markupsafe')))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"
    for target in NAMES:
        assert any((tmp_path / "out" / target).iterdir()), target


def test_a_compile_imports_only_what_it_runs(tmp_path: Path) -> None:
    """What a small compile pays for once per process: none of these modules is imported
    by it (each cost a millisecond or more at start-up): zips are written with zlib,
    folders staged and removed with `os`, the lock spells values without `iac explain`."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "worker.py").write_text("def handler(event, context):\n    pass\n")
    (tmp_path / "app.iac").write_text(
        'queue jobs\nbucket store\nfunction worker {\n  code = "src/worker.py"\n'
        "  allow store: write\n}\non jobs.message -> worker\n"
    )
    unwanted = ("zipfile", "shutil", "tempfile", "bz2", "lzma", "iac.explain", "jinja2", "lark")
    unwanted += ("_hashlib",)  # OpenSSL: iac/digest.py hashes with CPython's own SHA-256
    script = (
        "import sys\n"
        # This interpreter's `site` may have imported some (certifi does): forgotten, an
        # import of one by iac shows.
        f"for name in {unwanted!r}:\n"
        "    sys.modules.pop(name, None)\n"
        "from iac.cli import main\n"
        "for _ in range(2):  # the second run replaces the first's output\n"
        "    try:\n"
        "        main(['compile', 'app.iac', '-o', 'out', '-t', 'all'])\n"
        "    except SystemExit as exit:\n"
        "        assert not exit.code, exit.code\n"
        f"print(sorted(m for m in {unwanted!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "app.iac.lock").is_file()
    for target in NAMES:
        assert any((tmp_path / "out" / target / "assets").iterdir()), target


def test_a_template_edited_since_it_was_generated_is_rendered_by_jinja(tmp_path: Path) -> None:
    """A checkout mid-edit: the edited template comes from Jinja (and the edit shows),
    the others still from their modules."""
    copy = tmp_path / "checkout"
    for folder in ("iac", "targets", "grammar"):
        shutil.copytree(REPO / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    queue = copy / "targets" / "cfn" / "queue.yaml.j2"
    queue.write_text(
        queue.read_text(encoding="utf-8").replace(
            "    Type: AWS::SQS::Queue\n", "    Type: AWS::SQS::Queue\n    # edited {{ node.id }}\n"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    script = (
        "import sys\n"
        "from iac.cli import main\n"
        "from iac.emit.base import Target\n"
        "try:\n"
        f"    main(['compile', {str(REPO / 'examples' / 'orders')!r}, '-t', 'cfn', '-t', 'sam',"
        f" '-o', {str(out)!r}])\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "kinds = {(c.name, n): type(t).__name__ for c, d in Target._loaded.items()"
        " for n, t in d.items()}\n"
        "print(kinds[('cfn', 'queue.yaml.j2')], kinds[('sam', 'queue.yaml.j2')],"
        " kinds[('cfn', 'topic.yaml.j2')], 'jinja2' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(copy)}
    proc = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=copy,  # `python -c` imports from the working folder first
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["JinjaTemplate", "JinjaTemplate", "GeneratedTemplate", "True"]
    for target in ("cfn", "sam"):
        text = (out / target / "template.yaml").read_text(encoding="utf-8")
        assert "    # edited " in text, target


def test_a_module_made_for_other_filters_is_not_used() -> None:
    """A target whose filters changed since the modules were generated (a checkout
    mid-edit) renders through Jinja, with its own filters."""
    cfn = registry.target_class("cfn")

    class Renamed(cfn):
        method_filters = {**cfn.method_filters, "inline": "spell"}

    assert isinstance(cfn.lookup_template("queue.yaml.j2"), GeneratedTemplate)
    assert isinstance(Renamed.lookup_template("queue.yaml.j2"), JinjaTemplate)
    assert isinstance(Renamed.lookup_template("role.yaml.j2"), GeneratedTemplate)  # no `inline`
    plan = _plan(EXAMPLES / "thumbnails.iac")
    assert Renamed(plan).render().files == cfn(plan).render().files  # `spell` is `inline`


def test_an_error_in_a_generated_template_points_at_its_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As Jinja's traceback does: the template's file and line, the same as Jinja's."""
    target = registry.target_class("cfn")(_plan(EXAMPLES / "thumbnails.iac"))
    template = target.get_template("function.yaml.j2")
    assert isinstance(template, GeneratedTemplate)
    with pytest.raises(UndefinedError, match="^'p' is undefined$") as generated:
        target.render_template(template, node=None)
    with monkeypatch.context() as m:
        m.setattr(Target, "_loaded", {})
        m.setattr(compiled, "_generated", lambda *args: None)
        jinja = type(target).lookup_template("function.yaml.j2")
        assert isinstance(jinja, JinjaTemplate)
        with pytest.raises(jinja2.UndefinedError, match="^'p' is undefined$") as by_jinja:
            target.render_template(jinja, node=None)
    source = str(REPO / "targets" / "cfn" / "function.yaml.j2")
    ours = traceback.extract_tb(generated.tb)
    theirs = [f for f in traceback.extract_tb(by_jinja.tb) if f.filename.endswith(".j2")]
    assert (ours[-1].filename, ours[-1].lineno) == (source, 3)  # the line that raised
    assert [(f.filename, f.lineno) for f in theirs] == [(source, 3)]
    assert ours[-1].line == "FunctionName: {{ p.name | inline }}"
    assert not any(f.filename.startswith(str(compiled.COMPILED)) for f in ours)


# ---------------------------------------------------------------- the subset's meaning


class _Probe:
    """A target for small templates: one filter of its own, one method filter."""

    name = "probe"
    filters: dict[str, Any] = {"twice": lambda value, times=2: value * times}
    method_filters = {"shout": "loud"}
    extensions = ()

    def loud(self, value: Any, end: str = "!") -> str:
        return str(value).upper() + end


class _Thing:
    colour = "red"

    def __getitem__(self, key: str) -> str:
        if key == "size":
            return "big"
        raise KeyError(key)


def _environment(sources: dict[str, str]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.DictLoader(sources),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(_Probe.filters)
    env.filters["shout"] = context_filter("loud")
    return env


def _outcome(call: Any) -> tuple[str, str]:
    try:
        return "ok", call()
    except Exception as err:  # noqa: BLE001 - the outcome is compared
        return type(err).__name__, str(err)


def _both(source: str, imported: dict[str, str] | None = None, **names: Any) -> tuple[Any, Any]:
    """(generated, Jinja): each the text, or the error's type name and message."""
    sources = {"t.j2": source, **(imported or {})}
    env = _environment(sources)
    roots: dict[str, Any] = {}
    for name in [*(imported or {}), "t.j2"]:
        namespace: dict[str, Any] = {}
        exec(compile(generate(env, sources[name], name, name, _Probe), name, "exec"), namespace)
        filters = {f: _Probe.filters[f] for f in namespace["FILTERS"]}
        roots[name] = namespace["bind"](filters, roots)
    probe = _Probe()
    generated = _outcome(lambda: roots["t.j2"](probe, names)[0])
    by_jinja = _outcome(lambda: env.get_template("t.j2").render(target=probe, **names))
    return generated, by_jinja


CASES: list[tuple[str, dict[str, Any]]] = [
    # text, trim_blocks, lstrip_blocks, whitespace control, comments
    ("a\n  {% if x %}\n  b {{ x }}\n{%- endif %}\n{# gone #}c {{ x -}} \n d\n", {"x": 1}),
    # attribute, then item, else Undefined (which raises only when used)
    ("{{ t.colour }} {{ t.size }} {{ d.a }} {{ d['a'] }} {{ t['colour'] }}", {}),
    ("{{ t.nothing }}", {}),
    ("{{ d.nothing }}", {}),
    ("{{ t['nothing'] }}", {}),
    ("{{ nothing }}", {}),
    ("{% if nothing %}x{% endif %}", {}),
    ("{{ nothing is none }} {{ t.nothing is not none }}", {}),
    ("{{ nothing.attribute }}", {}),
    ("{% for x in nothing %}{% endfor %}", {}),
    ("{{ [nothing] | join }}", {}),
    # scoping: a loop's names are its own; what it sets starts each time as outside
    (
        "{% set x = 1 %}{% for i in l %}{{ x }}{% set x = i %}{{ x }},{% endfor %}{{ x }}{{ i }}",
        {"i": "context"},
    ),
    ("{% for i in l %}{{ i }}{% set y = i %}{{ y }}{% endfor %}{{ y }}", {"y": "c"}),
    ("{% if f %}{% set y = 2 %}{% endif %}{{ y }}", {"y": "context", "f": False}),
    ("{% if f %}{% set y = 2 %}{% else %}{% set y = 3 %}{% endif %}{{ y }}", {"f": True}),
    ("{{ z }}{% set z = 5 %}{{ z }}", {"z": "before"}),
    ("{% set a, b = pair %}{{ b }}{{ a }}", {"pair": ("p", "q")}),
    (
        "{% for k, v in d.items() %}{{ loop.index }}{{ k }}={{ v }}"
        "{% for x in l %}{{ loop.index0 }}{{ loop.first }}{% endfor %};{% endfor %}",
        {},
    ),
    ("{% set acc = [] %}{% for x in l %}{% set _ = acc.append(x) %}{% endfor %}{{ acc }}", {}),
    # filters: the target's, its methods', Jinja's
    ("{{ 'ab' | twice }} {{ 'ab' | twice(3) }} {{ 'q' | shout }} {{ 'q' | shout(end='?') }}", {}),
    ("{{ l | map('shout') | join(', ') }} {{ l | map('twice', 2) | join }}", {}),
    ("{{ [] | map('shout') | join }}", {}),
    ("{{ 5 | string }}{{ 'Ab' | upper }}{{ 'Ab' | lower }}{{ (n | string | lower) }}", {"n": True}),
    ("{{ nothing | map('shout') | join }}", {}),
    # operators, literals, calls
    (
        "{{ 'a' ~ 1 ~ none }} {{ (1, 2) + (3,) }} {{ not x }} {{ x and 'y' }} {{ 0 or 'z' }} "
        "{{ 1 == 1 }} {{ 1 != 1 }} {{ 'a' in 'abc' }} {{ 'd' not in 'abc' }} "
        "{{ 'y' if x else 'n' }} {{ {'s': 'S', 'n': 'N'}[k] }} {{ [1, 'two'] }} {{ f(1, b=2) }}",
        {"x": 1, "k": "n", "f": lambda a, b: a + b},
    ),
    ("{{ t.colour ~ nothing }}", {}),
    ("{{ f(nothing) }}|{{ nothing() }}", {"f": lambda a: "called"}),
    ("{{ target.loud('t') }}", {}),
    # each value becomes text before the next is evaluated: the first error wins
    ("{{ nothing }}{{ boom() }}", {}),
    ("{{ boom() }}{{ nothing }}", {}),
]


def _boom() -> str:
    raise ValueError("boom")


@pytest.mark.parametrize(("source", "names"), CASES)
def test_a_template_means_what_it_means_to_jinja(source: str, names: dict[str, Any]) -> None:
    values = {"t": _Thing(), "d": {"a": "A", "b": "B"}, "l": [1, 2, 3], "boom": _boom, **names}
    generated, by_jinja = _both(source, **values)
    assert generated == by_jinja


MACROS = (
    "{#- top -#}\n"
    "{% set shared = 'exported' %}\n"
    "{% macro row(p, pad) %}\n"
    "{{ pad }}{{ p | shout }} {{ context_name }}\n"
    "{% endmacro %}\n"
)


@pytest.mark.parametrize(
    "source",
    [
        "{% from 'm.j2' import row with context %}{{ row('x', '  ') -}}\n{{ row('y', '-') }}",
        "{% from 'm.j2' import row as r, shared with context %}{{ r('x') }}{{ shared }}",
        "{% from 'm.j2' import nothing with context %}{{ nothing }}",
        "{% from 'm.j2' import row with context %}{{ row('a', 'b', 'c') is none }}",
    ],
)
def test_macros_and_their_import_mean_what_they_mean_to_jinja(source: str) -> None:
    generated, by_jinja = _both(source, {"m.j2": MACROS}, context_name="ctx")
    if generated[0] == "TypeError":  # too many arguments: a TypeError in both
        assert by_jinja[0] == "TypeError"
    else:
        assert generated == by_jinja


@pytest.mark.parametrize(
    ("source", "line", "what"),
    [
        ("a\n{% for x in l %}{{ loop.last }}{% endfor %}", 2, "`loop.last`"),
        ("{{ range(3) }}", 1, "Jinja's global `range`"),
        ("a\nb\n{% include 'x.j2' %}", 3, "`Include`"),
        ("{{ x | default(1) }}", 1, "the filter `default`"),
        ("{{ x is defined }}", 1, "the test `defined`"),
        ("{{ x if y }}", 1, "an inline `if` without `else`"),
        ("{{ 2 * 3 }}", 1, "`Mul`"),
        ("{{ x[1:2] }}", 1, "a slice"),
        ("{% for x in l %}{% else %}none{% endfor %}", 1, "`for` with `else`"),
        ("{% set target = 1 %}", 1, "setting `target`"),
        ("{% from 'm.j2' import row %}", 1, "an import without `with context`"),
        ("{% set a = 1 %}{% from 'm.j2' import row with context %}", 1, "an import after"),
        ("{% macro m(a=1) %}{% endmacro %}", 1, "a macro argument's default"),
        ("{% filter upper %}x{% endfilter %}", 1, "`FilterBlock`"),
        ("{{ f(*args) }}", 1, "a call with `*args`"),
        ("{% macro m() %}{{ caller() }}{% endmacro %}", 1, "the name `caller`"),
    ],
)
def test_a_construct_outside_the_subset_fails_at_build_time(
    source: str, line: int, what: str
) -> None:
    env = _environment({"t.j2": source})
    with pytest.raises(TemplateCodegenError) as error:
        generate(env, source, "t.j2", "targets/probe/t.j2", _Probe)
    assert str(error.value).startswith(f"targets/probe/t.j2:{line}: {what}")


def test_every_template_is_inside_the_subset() -> None:
    """`--regenerate` generates every target's templates (any construct outside the
    subset would have failed it): each one's function is in its target's bundle."""
    for name in NAMES:
        owner = registry.target_class(name)
        folder = REPO / "targets" / name
        bundle = (compiled.COMPILED / name / compiled.BUNDLE).read_text(encoding="utf-8")
        for path in folder.glob("*.j2"):
            assert f"\ndef {compiled.function_name(path.name)}():\n" in bundle, path
            assert isinstance(owner.lookup_template(path.name), GeneratedTemplate), path
