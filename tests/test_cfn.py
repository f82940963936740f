"""The CloudFormation target: golden templates checked by the real cfn-lint,
determinism, stability, hostile strings and an IAM audit."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cfnlint.decode import cfn_yaml
from programs.hostile_expected import ENV, MIXED_WITH_DEFAULT, TAGS
from tools import PACKAGE_PATHS, cfn_lint, cloudformation_package, format_cfn_lint

from examples import GOLDEN, UPDATE, case_name, compile_program, example_programs
from iac.compiler import compile_app
from iac.emit.base import source_comment
from iac.emit.yaml_text import yaml_key, yaml_str
from iac.frontend import check, from_text, load
from iac.plan.compute import LOG_DELIVERY
from iac.source import Source, Span

HERE = Path(__file__).resolve().parent
EXAMPLES = example_programs()


def load_template(text: str) -> dict[str, Any]:
    """Load YAML the way CloudFormation does, short-form intrinsics included."""
    return cfn_yaml.loads(text)  # type: ignore[no-any-return]


@pytest.mark.parametrize("program", EXAMPLES, ids=case_name)
def test_golden_and_cfn_lint(program: Path, tmp_path: Path) -> None:
    compiled = compile_program(program, ["cfn"])
    golden = GOLDEN / case_name(program) / "cfn"
    assert not compiled.diagnostics, [d.message for d in compiled.diagnostics]
    template = compiled.files["cfn/template.yaml"].decode()
    assets = sorted(p.split("/")[-1] for p in compiled.files if p.startswith("cfn/assets/"))
    if UPDATE:
        golden.mkdir(parents=True, exist_ok=True)
        (golden / "template.yaml").write_text(template, encoding="utf-8")
        (golden / "assets.txt").write_text("".join(a + "\n" for a in assets), encoding="utf-8")
    assert template == (golden / "template.yaml").read_text(encoding="utf-8")
    assert assets == (golden / "assets.txt").read_text(encoding="utf-8").split()
    # The golden file itself must satisfy the real linter: warnings count too, but for
    # W3002 ("may only work with `package`"), which the local code paths are meant for; the
    # informational checks too (I3011: every resource holding data or history says what
    # happens to it on deletion and replacement).
    target = tmp_path / "template.yaml"
    shutil.copy(golden / "template.yaml", target)
    matches = cfn_lint(
        target, include_warnings=True, ignore_checks=PACKAGE_PATHS, informational=True
    )
    assert not matches, format_cfn_lint(matches)


@pytest.mark.parametrize("program", EXAMPLES, ids=case_name)
def test_package_uploads_every_asset_and_the_result_lints(program: Path, tmp_path: Path) -> None:
    """Function code follows `aws cloudformation package`: the CLI's exporter finds every
    zip from its `Code` path, and the template it leaves passes cfn-lint, W3002 included."""
    compiled = compile_program(program, ["cfn"])
    for path, data in compiled.files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    packaged, uploaded = cloudformation_package(tmp_path / "cfn" / "template.yaml")
    assets = sorted(p.split("/")[-1] for p in compiled.files if p.startswith("cfn/assets/"))
    assert sorted(p.name for p in uploaded) == assets
    assert all(p.parent == tmp_path / "cfn" / "assets" for p in uploaded)
    (tmp_path / "packaged.yaml").write_text(packaged, encoding="utf-8")
    matches = cfn_lint(tmp_path / "packaged.yaml", include_warnings=True)
    assert not matches, format_cfn_lint(matches)


@pytest.mark.parametrize("program", EXAMPLES, ids=case_name)
def test_template_params_and_outputs_are_described(program: Path) -> None:
    """A description on the template and on every parameter and output; no bucket
    parameter for the code, which `package` uploads."""
    compiled = compile_program(program, ["cfn"])
    template = load_template(compiled.files["cfn/template.yaml"].decode())
    assert template["Description"]
    assert "AssetBucket" not in template.get("Parameters", {})
    for section in ("Parameters", "Outputs"):
        for key, entry in template.get(section, {}).items():
            assert entry.get("Description"), f"{section}.{key} has no description"


def test_every_kind_and_edge_reaches_cfn() -> None:
    """Across the examples, every node type of the plan appears."""
    types: set[str] = set()
    for program in EXAMPLES:
        compiled = compile_program(program, ["cfn"])
        if compiled.plan is not None and not compiled.diagnostics:
            types |= {n.type for n in compiled.plan.nodes}
    expected = {
        "function", "role", "log_group", "queue", "queue_policy", "topic", "topic_policy",
        "subscription", "table", "bucket", "bucket_policy", "secret", "bus", "rule",
        "permission", "event_source_mapping", "http_api", "api_stage", "api_integration",
        "api_route", "state_machine", "cluster", "task_definition", "vpc", "internet_gateway",
        "vpc_gateway_attachment", "route_table", "route", "subnet",
        "subnet_route_table_association", "security_group",
    }  # fmt: skip
    assert expected <= types, expected - types


def test_deterministic(tmp_path: Path) -> None:
    for program in EXAMPLES:
        first = compile_program(program, ["cfn"])
        second = compile_program(program, ["cfn"])
        assert first.files == second.files


def _blocks(template: str) -> dict[str, str]:
    """Each resource's lines, keyed by logical ID."""
    blocks: dict[str, list[str]] = {}
    current = None
    for line in template.splitlines():
        if line.startswith("  ") and not line.startswith("   ") and line.rstrip().endswith(":"):
            current = line.strip()[:-1]
            blocks[current] = []
        elif line.startswith("  # ") or (line and not line.startswith(" ")):
            current = None  # a source comment opens the next block
        if current is not None:
            blocks[current].append(line)
    return {k: "\n".join(v).rstrip() for k, v in blocks.items()}


def test_stable_when_a_resource_is_added(tmp_path: Path) -> None:
    source = (HERE.parent / "examples" / "shop_events.iac").read_text(encoding="utf-8")
    shutil.copytree(HERE.parent / "examples" / "src", tmp_path / "src")
    before_file = tmp_path / "shop_events.iac"
    before_file.write_text(source, encoding="utf-8")
    before = compile_program(before_file, ["cfn"]).files["cfn/template.yaml"].decode()
    before_file.write_text(
        source + '\nqueue late_arrival\nfunction extra { code = "src/shop_events/pager.py" }\n'
        "on late_arrival.message -> extra\n",
        encoding="utf-8",
    )
    after = compile_program(before_file, ["cfn"]).files["cfn/template.yaml"].decode()
    old, new = _blocks(before), _blocks(after)
    assert "LateArrival" in new and "Extra" in new
    for logical_id, text in old.items():
        assert new.get(logical_id) == text, f"{logical_id} changed"


def _hostile_template(tmp_path: Path) -> dict[str, Any]:
    compiled = compile_program(HERE / "programs" / "hostile.iac", ["cfn"])
    text = compiled.files["cfn/template.yaml"].decode()
    (tmp_path / "template.yaml").write_text(text, encoding="utf-8")
    matches = cfn_lint(
        tmp_path / "template.yaml", include_warnings=True, ignore_checks=PACKAGE_PATHS
    )
    assert not matches, format_cfn_lint(matches)
    return load_template(text)


def test_hostile_strings_arrive_intact(tmp_path: Path) -> None:
    template = _hostile_template(tmp_path)
    fn = template["Resources"]["Breaker"]["Properties"]
    env = fn["Environment"]["Variables"]
    for key, expected in ENV.items():
        assert env[key] == expected, key
    # An interpolating string is a Fn::Sub whose literal `${` is escaped as `${!`.
    mixed = env["MIXED"]["Fn::Sub"]
    assert mixed.replace("${Stage}", "dev").replace("${!", "${") == MIXED_WITH_DEFAULT
    tags = {t["Key"]: t["Value"] for t in fn["Tags"]}
    assert tags == TAGS


YAML_WORDS = ["true", "False", "NULL", "yes", "No", "on", "OFF", "y", "N", "~"]
YAML_STRINGS = [
    *YAML_WORDS,
    "falsey",  # longer than any YAML word: plain
    "plain-name_1.x/y:z",
    'say "hi"',
    "C:\\temp\\new",
    "line\nbreak\ttab\r",
    "naïve ☃ 東京 \u2028 \u2029 \ufeff \x00 \x7f \x85 end",
    "- dash",
    ": colon",
    "#hash",
    "",
]


@pytest.mark.parametrize("text", YAML_STRINGS)
def test_yaml_str_reads_back_exactly(text: str) -> None:
    spelled = yaml_str(text)
    assert "\n" not in spelled and "\u2028" not in spelled
    assert load_template(f"Key: {spelled}\n")["Key"] == text
    assert yaml_key(text) == spelled
    if text.lower() in YAML_WORDS:  # a YAML 1.1 reader would take it for a bool or null
        assert spelled == f'"{text}"'


def test_yaml_str_escapes_as_before_for_every_character() -> None:
    """Quoted text skips the escaping pass when it holds nothing to escape (ASCII
    without DEL); every character is spelled as the pass alone spelled it."""
    import re
    from json.encoder import encode_basestring

    unsafe = re.compile("[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]")

    def before(text: str) -> str:
        return unsafe.sub(lambda m: f"\\u{ord(m.group()):04x}", encode_basestring(text))

    for code in [*range(0x3000), *range(0xD7F0, 0xE010), 0xFEFF, 0xFFFF, 0x1F600]:
        text = f"a b{chr(code)}"  # never a plain scalar: it holds a space
        assert yaml_str(text) == before(text), hex(code)


def test_source_comment_finds_each_statement_line_once() -> None:
    source = Source(Path("app.iac"), "queue a {}\nqueue b {}\n")
    span = Span(source, 11, 21)
    lines: dict[int, str] = {}
    first = source_comment(span, "queue b", lines)
    assert first == source_comment(span, "queue b") == "app.iac:2  queue b"
    assert source_comment(span, "queue b: policy", lines) == "app.iac:2  queue b: policy"
    assert lines == {id(span): "app.iac:2"}


def test_literal_dollar_brace_never_substitutes() -> None:
    # A secret's description takes any text (a queue's name could not hold `$`).
    text = 'param p: string = "x"\nsecret q { description = "a-\\${p}-${p}" }\n'
    result = check(from_text(text, "dollar.iac"))
    assert result.app is not None
    compiled = compile_app(result.app, ["cfn"])
    template = compiled.files["cfn/template.yaml"].decode()
    description = load_template(template)["Resources"]["Q"]["Properties"]["Description"]
    assert description == {"Fn::Sub": "a-${!p}-${P}"}


# ---------------------------------------------------------------- IAM audit


def _statements(template: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for rid, res in template["Resources"].items():
        props = res.get("Properties", {})
        docs = [p["PolicyDocument"] for p in props.get("Policies", [])]
        if "PolicyDocument" in props:
            docs.append(props["PolicyDocument"])
        for doc in docs:
            for st in doc["Statement"]:
                out.append((rid, st))
    return out


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


# The one ARN with a region wildcard: the foundation model an inference profile
# routes to, in whichever of the profile's regions serves the request.
ROUTED_MODEL = re.compile(r"arn:\$\{AWS::Partition\}:bedrock:\*::foundation-model/[a-z0-9.:-]+\Z")


def _arn_text(resource: Any) -> str:
    if isinstance(resource, dict) and "Fn::Sub" in resource:
        sub = resource["Fn::Sub"]
        return sub if isinstance(sub, str) else str(sub[0])
    return resource if isinstance(resource, str) else ""


UNSCOPED = {"ecr:GetAuthorizationToken", *LOG_DELIVERY}


def test_iam_audit_no_wildcards() -> None:
    audited = routed = 0
    programs = ["hostile.iac", "inference_profile.iac"]
    for program in [*EXAMPLES, *(HERE / "programs" / p for p in programs)]:
        compiled = compile_program(program, ["cfn"])
        template = load_template(compiled.files["cfn/template.yaml"].decode())
        for rid, st in _statements(template):
            if st["Effect"] != "Allow":
                continue
            audited += 1
            for action in _as_list(st["Action"]):
                service, _, name = action.partition(":")
                assert name and "*" not in action, f"{rid}: wildcard action {action}"
            for resource in _as_list(st["Resource"]):
                if resource == "*":
                    # The actions AWS scopes to nothing narrower: logging in to ECR, the
                    # log-delivery calls Step Functions needs for execution history, X-Ray,
                    # a VPC function's network interfaces (no ARN before Lambda makes them).
                    actions = _as_list(st["Action"])
                    assert (
                        set(actions) <= UNSCOPED
                        or all(a.startswith("xray:") for a in actions)
                        or all(a.startswith("ec2:Describe") for a in actions)
                    ), f"{rid} {st.get('Sid')}: unscoped resource"
                    continue
                # `${AWS::Region}` and the like stand for one field each.
                fields = re.sub(r"\$\{[^}]*\}", "x", _arn_text(resource)).split(":", 5)
                if len(fields) == 6 and "*" in (fields[3] + fields[4]):
                    # Region or account wildcards: only a routed foundation model.
                    routed += 1
                    assert ROUTED_MODEL.match(_arn_text(resource)), (
                        f"{rid} {st.get('Sid')}: wildcard region or account in {resource}"
                    )
            if rid.endswith("Policy") and "Principal" in st and st["Principal"] != "*":
                assert "Condition" in st, f"{rid}: a service may send only from one source"
    assert audited > 20
    assert routed, "the inference profile program grants its routed model"


def test_assets_are_deterministic_zips(tmp_path: Path) -> None:
    program = EXAMPLES[0]
    first = compile_program(program, ["cfn"]).files
    zips = {k: v for k, v in first.items() if k.endswith(".zip")}
    assert zips
    import hashlib
    import zipfile
    from io import BytesIO

    for path, data in zips.items():
        digest = hashlib.sha256(data).hexdigest()[:16]
        assert path.endswith(f"-{digest}.zip")
        with zipfile.ZipFile(BytesIO(data)) as zf:
            infos = zf.infolist()
            assert [i.filename for i in infos] == sorted(i.filename for i in infos)
            assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in infos)


def test_compile_writes_atomically(tmp_path: Path) -> None:
    from iac.compiler import write_output

    out = tmp_path / "out"
    good = compile_program(HERE / "programs" / "hostile.iac", ["cfn"])
    write_output(out, good.files, HERE / "programs" / "hostile.iac")
    before = (out / "cfn" / "template.yaml").read_bytes()
    broken = tmp_path / "broken.iac"
    broken.write_text("queue q {\n", encoding="utf-8")
    result = check(load(broken))
    assert not result.ok
    assert (out / "cfn" / "template.yaml").read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


CYCLE_PRONE = """
function f1 {
  code = "src/breaker.py"
  allow f2: invoke
  allow w: start
}
function f2 {
  code = "src/breaker.py"
  allow f1: invoke
}
container c {
  image = "public.ecr.aws/docker/library/busybox:1.36"
  allow w: start
}
workflow w {
  invoke f1
  run c
}
"""


def test_mutual_references_make_no_dependency_cycle(tmp_path: Path) -> None:
    """Functions invoking each other and a workflow started by what it runs: roles
    name those ARNs from their names, so cfn-lint finds no cycle (E3004)."""
    result = check(from_text(CYCLE_PRONE, HERE / "programs" / "cycles.iac"))
    assert result.app is not None, [d.message for d in result.errors]
    compiled = compile_app(result.app, ["cfn"])
    assert not compiled.diagnostics
    (tmp_path / "template.yaml").write_bytes(compiled.files["cfn/template.yaml"])
    matches = cfn_lint(
        tmp_path / "template.yaml", include_warnings=True, ignore_checks=PACKAGE_PATHS
    )
    assert not matches, format_cfn_lint(matches)


def test_same_bytes_from_separate_processes(tmp_path: Path) -> None:
    """Two `iac compile` runs with different hash seeds write identical trees: no
    output depends on set order or on a cache inside one process."""
    program = HERE.parent / "examples" / "orders"
    trees = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run(
            [sys.executable, "-m", "iac.cli", "compile", str(program), "--out", str(out)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        trees.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert trees[0] == trees[1]
    assert len(trees[0]) > 10
