"""The Terraform target: golden configurations checked by the real `terraform validate`
and `terraform fmt`, determinism, stability, hostile strings and the quoting filter."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import pytest
from click.testing import CliRunner
from programs.hostile_expected import ENV, MIXED_WITH_DEFAULT, TAGS
from tools import (
    format_tf_diagnostics,
    hcl2json,
    terraform_bin,
    terraform_fmt_check,
    terraform_validate,
)

from examples import GOLDEN, UPDATE, case_name, compile_program, example_programs
from iac.cli import main as cli_main
from iac.compiler import Compiled
from iac.emit import cfn, terraform
from iac.emit.hcl_text import AttributeMarks, align, hcl_str
from iac.plan.model import Node, Props, RoleProps, StateMachineProps, TaskDefinitionProps
from iac.plan.values import Param, Pseudo, Ref, Sub

HERE = Path(__file__).resolve().parent
EXAMPLES = example_programs()
HOSTILE = HERE / "programs" / "hostile.iac"
TF_FILES = ("versions.tf", "main.tf", "variables.tf", "outputs.tf")


def write_config(compiled: Compiled, folder: Path) -> Path:
    """The terraform/ files of a compile, zips included, as a folder."""
    for path, data in compiled.files.items():
        if path.startswith("terraform/"):
            target = folder / path.removeprefix("terraform/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return folder


def assert_valid_and_formatted(folder: Path) -> None:
    result = terraform_validate(folder)
    assert result["valid"], format_tf_diagnostics(result)
    assert result["warning_count"] == 0, format_tf_diagnostics(result)
    assert terraform_fmt_check(folder) == ""


# ---------------------------------------------------------------- golden files


@pytest.mark.parametrize("program", EXAMPLES, ids=case_name)
def test_golden_validate_and_fmt(program: Path, tmp_path: Path) -> None:
    compiled = compile_program(program, ["terraform"])
    golden = GOLDEN / case_name(program) / "terraform"
    assert not compiled.diagnostics, [d.message for d in compiled.diagnostics]
    assets = sorted(p.split("/")[-1] for p in compiled.files if p.startswith("terraform/assets/"))
    # moved.tf only where an address changed since 1.0.
    names = sorted(
        p.split("/")[-1] for p in compiled.files if re.fullmatch(r"terraform/\w+\.tf", p)
    )
    assert set(TF_FILES) <= set(names) <= {*TF_FILES, "moved.tf"}
    if UPDATE:
        golden.mkdir(parents=True, exist_ok=True)
        for old in golden.glob("*.tf"):
            old.unlink()
        for name in names:
            (golden / name).write_bytes(compiled.files[f"terraform/{name}"])
        (golden / "assets.txt").write_text("".join(a + "\n" for a in assets), encoding="utf-8")
    assert sorted(p.name for p in golden.glob("*.tf")) == names
    for name in names:
        assert compiled.files[f"terraform/{name}"].decode() == (golden / name).read_text(
            encoding="utf-8"
        ), name
    assert assets == (golden / "assets.txt").read_text(encoding="utf-8").split()
    # The golden files themselves, beside the zips they name, must pass the real tools.
    config = tmp_path / "config"
    shutil.copytree(golden, config, ignore=shutil.ignore_patterns("assets.txt"))
    for path, data in compiled.files.items():
        if path.startswith("terraform/assets/"):
            (config / "assets").mkdir(exist_ok=True)
            (config / "assets" / path.split("/")[-1]).write_bytes(data)
    assert_valid_and_formatted(config)


def test_every_file_is_written_even_when_empty(tmp_path: Path) -> None:
    program = tmp_path / "tiny.iac"
    program.write_text("topic alerts\n", encoding="utf-8")
    files = compile_program(program, ["terraform"]).files
    assert sorted(files) == sorted(f"terraform/{n}" for n in TF_FILES)
    assert_valid_and_formatted(
        write_config(compile_program(program, ["terraform"]), tmp_path / "c")
    )


def test_only_the_aws_provider(tmp_path: Path) -> None:
    for program in [*EXAMPLES, HOSTILE]:
        compiled = compile_program(program, ["terraform"])
        folder = write_config(compiled, tmp_path / case_name(program))
        versions = hcl2json(folder / "versions.tf")
        (providers,) = versions["terraform"][0]["required_providers"]
        assert set(providers) == {"aws"}
        assert providers["aws"]["source"] == "hashicorp/aws"
        # 5.100 (the mirror's) has what the output needs; the current major, 6, is admitted.
        assert providers["aws"]["version"] == ">= 5.100, < 7.0"
        # Ephemeral resources and write-only arguments (the generated secret) need 1.11.
        assert versions["terraform"][0]["required_version"] == ">= 1.11"
        for name in TF_FILES:
            parsed = hcl2json(folder / name)
            assert set(parsed.get("provider", {})) <= {"aws"}, name
            kinds = [*parsed.get("resource", {}), *parsed.get("data", {})]
            # terraform_data (the stage guard) is Terraform's own, no provider's.
            assert all(k.startswith("aws_") or k == "terraform_data" for k in kinds), kinds


def test_deterministic() -> None:
    for program in [*EXAMPLES, HOSTILE]:
        assert (
            compile_program(program, ["terraform"]).files
            == compile_program(program, ["terraform"]).files
        )


def _blocks(text: str) -> dict[str, str]:
    """Each top-level block with its source comment, keyed by its header line."""
    blocks: dict[str, str] = {}
    for chunk in text.split("\n\n"):
        lines = chunk.strip("\n").splitlines()
        header = next((ln for ln in lines if ln.startswith(("resource ", "data "))), None)
        if header:
            blocks[header] = "\n".join(lines)
    return blocks


def test_stable_when_a_resource_is_added(tmp_path: Path) -> None:
    source = (HERE.parent / "examples" / "shop_events.iac").read_text(encoding="utf-8")
    shutil.copytree(HERE.parent / "examples" / "src", tmp_path / "src")
    program = tmp_path / "shop_events.iac"
    program.write_text(source, encoding="utf-8")
    before = compile_program(program, ["terraform"]).files["terraform/main.tf"].decode()
    program.write_text(
        source + '\nqueue late_arrival\nfunction extra { code = "src/shop_events/pager.py" }\n'
        "on late_arrival.message -> extra\n",
        encoding="utf-8",
    )
    after = compile_program(program, ["terraform"]).files["terraform/main.tf"].decode()
    old, new = _blocks(before), _blocks(after)
    assert 'resource "aws_sqs_queue" "late_arrival" {' in new
    assert 'resource "aws_lambda_function" "extra" {' in new
    assert len(old) > 50
    for header, text in old.items():
        assert new.get(header) == text, f"{header} changed"


def test_a_role_that_grants_nothing_has_no_policy(tmp_path: Path) -> None:
    """IAM refuses a policy without statements: such a role stands alone, and what
    waits for a role's policy waits for the role instead."""
    program = tmp_path / "job.iac"
    program.write_text(
        'container job { image = "public.ecr.aws/docker/library/busybox:1.36" }\nevery 1h -> job\n',
        encoding="utf-8",
    )
    compiled = compile_program(program, ["terraform"])
    main = compiled.files["terraform/main.tf"].decode()
    assert 'resource "aws_iam_role" "job_task" {' in main
    assert 'resource "aws_iam_role_policy" "job_task"' not in main
    assert "Statement = []" not in main
    waits = "depends_on = [aws_iam_role.job_task, aws_iam_role_policy.job_execution]"
    assert waits in main
    assert_valid_and_formatted(write_config(compiled, tmp_path / "c"))


def test_resource_names_are_snake_case_logical_ids() -> None:
    """Addresses are snake_case logical IDs without the end that repeats the type
    (`aws_iam_role.thumbnailer`), and a `moved` block leads from 1.0's address."""
    assert terraform.snake("Thumbnailer") == "thumbnailer"
    assert terraform.snake("ThumbnailerRole") == "thumbnailer_role"
    assert terraform.snake("UploadsCreatedToThumbnailer2") == "uploads_created_to_thumbnailer2"
    files = compile_program(HERE.parent / "examples" / "thumbnails.iac", ["terraform"]).files
    main = files["terraform/main.tf"].decode()
    assert 'resource "aws_lambda_function" "thumbnailer" {' in main
    assert 'resource "aws_iam_role" "thumbnailer" {' in main
    assert 'resource "aws_iam_role_policy" "thumbnailer" {' in main
    assert 'resource "aws_cloudwatch_log_group" "thumbnailer" {' in main
    assert not re.search(r'aws_iam_role(_policy)?(\.|" ")\w+_role\b', main)
    moved = files["terraform/moved.tf"].decode()
    assert "from = aws_iam_role.thumbnailer_role\n  to   = aws_iam_role.thumbnailer\n" in moved
    assert "from = aws_cloudwatch_log_group.thumbnailer_log_group\n" in moved


def test_a_resource_is_named_as_the_program_names_it() -> None:
    """`schedule project_order_cron_1` is `aws_cloudwatch_event_rule.project_order_cron_1`,
    not the logical ID's `project_order_cron1`; its target follows, and both move."""
    files = compile_program(HERE.parent / "examples" / "shop_events.iac", ["terraform"]).files
    main = files["terraform/main.tf"].decode()
    assert 'resource "aws_cloudwatch_event_rule" "project_order_cron_1" {' in main
    assert '"aws_cloudwatch_event_target" "project_order_cron_1_project_order"' in main
    moved = files["terraform/moved.tf"].decode()
    assert "from = aws_cloudwatch_event_rule.project_order_cron1\n" in moved
    assert "from = aws_cloudwatch_event_target.project_order_cron1_project_order\n" in moved


def test_what_the_plan_adds_is_named_as_the_program_names_things() -> None:
    """The permission of `project_order_cron_1.tick -> project_order` is
    `project_order_cron_1_to_project_order`, spelled as its comment and the rule it
    serves, not the logical ID's `project_order_cron1_...`; 1.0's address moves to it."""
    files = compile_program(HERE.parent / "examples" / "shop_events.iac", ["terraform"]).files
    main = files["terraform/main.tf"].decode()
    assert (
        "# shop_events.iac:88  project_order_cron_1.tick -> project_order\n"
        'resource "aws_lambda_permission" "project_order_cron_1_to_project_order" {'
    ) in main
    assert "project_order_cron1" not in main
    moved = files["terraform/moved.tf"].decode()
    assert (
        "from = aws_lambda_permission.project_order_cron1_to_project_order_permission\n"
        "  to   = aws_lambda_permission.project_order_cron_1_to_project_order\n"
    ) in moved
    role = Node("Worker1Role", RoleProps("lambda.amazonaws.com"), None, "function worker_1: role")
    edge = Node("Cron1ToWorker1", RoleProps("x"), None, "cron_1.tick -> worker_1")
    same = Node("ShopBusEventToAudit", RoleProps("x"), None, "shop_bus.event -> audit")
    assert terraform.resource_names([role, edge, same]) == {
        "Worker1Role": "worker_1",
        "Cron1ToWorker1": "cron_1_to_worker_1",
        "ShopBusEventToAudit": "shop_bus_event_to_audit",
    }


MOVING = "topic alerts\nqueue jobs\non alerts.message -> jobs\n"  # jobs_policy -> jobs


def _compile_cli(program: Path, *args: str) -> Path:
    out = program.parent / "out"
    result = CliRunner().invoke(cli_main, ["compile", str(program), "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return out / "terraform"


def test_moved_blocks_only_where_a_state_may_hold_old_addresses(tmp_path: Path) -> None:
    """A program compiled first by this version gets no moved.tf (no state can hold
    1.0's addresses), its lock says so, and later compiles keep it out. A lock written
    before this version (no `terraform_addresses`) keeps moved.tf coming, compile after
    compile, until the lock says 2; without a lock (`--no-lock`) nothing is known, so
    the blocks stay (they are harmless to a new state)."""
    program = tmp_path / "app.iac"
    program.write_text(MOVING, encoding="utf-8")
    lock = tmp_path / "app.iac.lock"
    assert not (_compile_cli(program) / "moved.tf").exists()
    assert json.loads(lock.read_text())["terraform_addresses"] == 2
    assert not (_compile_cli(program) / "moved.tf").exists()
    assert (_compile_cli(program, "--no-lock") / "moved.tf").exists()
    # The lock of a program compiled by iac 1.0.
    old = json.loads(lock.read_text())
    del old["terraform_addresses"]
    lock.write_text(json.dumps(old), encoding="utf-8")
    for _ in range(2):
        folder = _compile_cli(program)
        moved = (folder / "moved.tf").read_text()
        assert "from = aws_sqs_queue_policy.jobs_policy\n  to   = aws_sqs_queue_policy.jobs\n" in (
            moved
        )
        assert json.loads(lock.read_text())["terraform_addresses"] == 1
    assert_valid_and_formatted(folder)
    # Every state applied: the user says so in the lock, and the blocks go.
    lock.write_text(lock.read_text().replace('_addresses": 1', '_addresses": 2'))
    assert not (_compile_cli(program) / "moved.tf").exists()


def test_a_lock_with_an_unknown_address_spelling_is_refused(tmp_path: Path) -> None:
    program = tmp_path / "app.iac"
    program.write_text(MOVING, encoding="utf-8")
    _compile_cli(program)
    lock = tmp_path / "app.iac.lock"
    lock.write_text(lock.read_text().replace('_addresses": 2', '_addresses": 7'))
    result = CliRunner().invoke(cli_main, ["compile", str(program), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "`terraform_addresses` is 7, not a spelling iac wrote (1 to 2)" in result.output
    assert not (tmp_path / "o").exists()


def test_shortened_names_that_would_meet_keep_their_type() -> None:
    """Two roles whose short names would be one keep their full names."""
    nodes = [
        Node("Foo", RoleProps("lambda.amazonaws.com"), None, "a"),
        Node("FooRole", RoleProps("lambda.amazonaws.com"), None, "b"),
        Node("BarRole", RoleProps("lambda.amazonaws.com"), None, "c"),
    ]
    names = terraform.resource_names(nodes)
    assert names == {"Foo": "foo", "FooRole": "foo_role", "BarRole": "bar_role"}


@dataclass(frozen=True)
class _GadgetProps(Props):
    TYPE = "gadget"  # a node type no target knows


def test_unknown_node_type_is_reported_not_dropped() -> None:
    compiled = compile_program(HOSTILE, ["terraform"])
    assert compiled.plan is not None
    compiled.plan.nodes.append(Node("Gadget", _GadgetProps(), None, "gadget g"))
    rendered = terraform.render(compiled.plan)
    assert [d.code for d in rendered.diagnostics] == ["E200"]
    assert "gadget" in rendered.diagnostics[0].message


def test_every_plan_node_type_has_a_resource_and_its_attributes() -> None:
    """What CloudFormation spells, Terraform spells too: node types and attributes."""
    cfn_types = {
        p.name.removesuffix(".yaml.j2") for p in (HERE.parent / "targets" / "cfn").glob("*.yaml.j2")
    } - {"template"}
    assert cfn_types <= set(terraform.TYPES)
    for node_type in terraform.TYPES:
        assert (HERE.parent / "targets" / "terraform" / f"{node_type}.tf.j2").is_file(), node_type
    assert set(cfn.ATTRIBUTES) <= set(terraform.ATTRIBUTES)


# ---------------------------------------------------------------- hostile strings


def _unescape(template: str) -> str:
    """A literal template in Terraform's JSON syntax, read as the string it stands for."""
    return re.sub(r"\$\$\{", "${", re.sub(r"%%\{", "%{", template))


def test_hostile_strings_arrive_intact(tmp_path: Path) -> None:
    compiled = compile_program(HOSTILE, ["terraform"])
    folder = write_config(compiled, tmp_path / "hostile")
    assert_valid_and_formatted(folder)
    main = hcl2json(folder / "main.tf")
    (fn,) = main["resource"]["aws_lambda_function"]["breaker"]
    env = fn["environment"][0]["variables"]
    for key, expected in ENV.items():
        assert _unescape(env[key]) == expected, key
    assert _unescape(env["MIXED"].replace("${var.stage}", "dev")) == MIXED_WITH_DEFAULT
    provider = hcl2json(folder / "versions.tf")["provider"]["aws"][0]
    assert provider["default_tags"][0]["tags"] == TAGS


def test_hcl2json_reads_escapes_as_json_syntax(tmp_path: Path) -> None:
    """`$${` stays `$${` in Terraform's JSON syntax: the helper above undoes exactly that."""
    (tmp_path / "a.tf").write_text('locals {\n  a = "$${x} %%{y} $ %"\n}\n', encoding="utf-8")
    assert hcl2json(tmp_path / "a.tf")["locals"][0]["a"] == "$${x} %%{y} $ %"


HOSTILE_STRINGS = [
    'say "hi"',
    "C:\\temp\\new\\",
    "line one\nline two\r\n\ttabbed",
    "${x}",
    "$${x}",
    "$$",
    "%{x}",
    "%%{x}",
    "%{ if true }y%{ endif }",
    "!Ref X",
    "{{ x }}",
    "{% x %}",
    "key: value # x",
    "naïve ☃ 東京 🚀",
    "\u0000\u0001\u0007\u001b\u007f\u0085\u2028\u2029\ufeff",
    "ends with $",
    "ends with $$",
    "ends with %",
    "",
    "x" * 5000,
]


def _terraform_output(folder: Path, name: str) -> Any:
    """Apply a provider-free configuration (outputs only) and read one output back."""
    return _terraform_outputs(folder)[name]


def _terraform_outputs(folder: Path) -> dict[str, Any]:
    """Apply a provider-free configuration (outputs only) and read every output back."""
    (folder / "none.tfrc").write_text("", encoding="utf-8")
    env = dict(os.environ, CHECKPOINT_DISABLE="1", TF_IN_AUTOMATION="1", TF_INPUT="0")
    env.update(TF_CLI_CONFIG_FILE=str(folder / "none.tfrc"), TF_DATA_DIR=str(folder / ".tf"))
    for args in (["init"], ["apply", "-auto-approve"], ["output", "-json"]):
        proc = subprocess.run(
            [terraform_bin(), *args, "-no-color"],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return {k: v["value"] for k, v in json.loads(proc.stdout).items()}


def test_hcl_str_round_trips_through_terraform(tmp_path: Path) -> None:
    speller = terraform.TfSpeller(compile_program(HOSTILE, ["terraform"]).plan)  # type: ignore[arg-type]
    templates = [Sub((s, Param("stage"), s)) for s in HOSTILE_STRINGS]
    lines = [f"    {hcl_str(s)}," for s in HOSTILE_STRINGS]
    lines += [f"    {speller.template(t)}," for t in templates]
    (tmp_path / "main.tf").write_text(
        'variable "stage" {\n  default = "dev"\n}\n\noutput "values" {\n  value = [\n'
        + "\n".join(lines)
        + "\n  ]\n}\n",
        encoding="utf-8",
    )
    values = _terraform_output(tmp_path, "values")
    assert values[: len(HOSTILE_STRINGS)] == HOSTILE_STRINGS
    assert values[len(HOSTILE_STRINGS) :] == [s + "dev" + s for s in HOSTILE_STRINGS]


def test_attributes_are_aligned_as_terraform_fmt_aligns_them() -> None:
    """The `=` of a template's consecutive one-line attributes form a column, whichever
    of them a render writes; a value on lines of its own, a blank line or a nested
    block ends the run. The marks the template's lines carry are all gone."""
    env = jinja2.Environment(
        extensions=[AttributeMarks], trim_blocks=True, lstrip_blocks=True, autoescape=False
    )
    template = env.from_string(
        'resource "x" "y" {\n  name = "a"\n{% if long %}\n  a_long_key = 1\n{% endif %}\n'
        "  list = {{ items }}\n  after = 2\n  more_keys = {}\n\n  block {\n    k = 1\n"
        "    kk = [1]\n  }\n}\n"
    )
    items = "[\n    1,\n  ]"
    tail = (
        "  list = [\n    1,\n  ]\n  after     = 2\n  more_keys = {}\n\n"
        "  block {\n    k  = 1\n    kk = [1]\n  }\n}"
    )
    long = align(template.render(long=True, items=items))
    assert long == 'resource "x" "y" {\n  name       = "a"\n  a_long_key = 1\n' + tail
    assert align(template.render(long=False, items=items)) == (
        'resource "x" "y" {\n  name = "a"\n' + tail
    )
    assert "\x00" not in long


def test_hcl_str_spelling() -> None:
    assert hcl_str("plain") == '"plain"'
    assert hcl_str('a "b" \\ c') == '"a \\"b\\" \\\\ c"'
    assert hcl_str("a\nb\tc\rd") == '"a\\nb\\tc\\rd"'
    assert hcl_str("${x} %{y}") == '"$${x} %%{y}"'
    assert hcl_str("$${x}") == '"$$${x}"'
    assert hcl_str("$ % $x %x") == '"$ % $x %x"'
    assert hcl_str("\u0001\u2028") == '"\\u0001\\u2028"'
    assert hcl_str("東京 ☃") == '"東京 ☃"'


def test_literal_dollar_before_an_interpolation() -> None:
    speller = terraform.TfSpeller(compile_program(HOSTILE, ["terraform"]).plan)  # type: ignore[arg-type]
    # `$${` would escape the interpolation, so the `$` is interpolated itself.
    assert speller.template(Sub(("cost $", Param("stage")))) == '"cost ${"$"}${var.stage}"'
    assert speller.template(Sub(("$$", Param("stage")))) == '"${"$$"}${var.stage}"'
    assert speller.template(Sub(("%", Param("stage")))) == '"%${var.stage}"'
    # Literal parts side by side are escaped together: `$` + `{x}` is no interpolation.
    assert speller.template(Sub(("a$", "{x}", Param("stage")))) == '"a$${x}${var.stage}"'


# ---------------------------------------------------------------- JSON documents


def _placeholder(value: Ref | Param | Pseudo) -> str:
    if isinstance(value, Ref):
        return f"<{value.node}.{value.attr}>"
    if isinstance(value, Param):
        return f"<var.{value.name}>"
    return f"<{value.name}>"


class _PlaceholderSpeller(terraform.TfSpeller):
    """Spells each reference as a string naming it, so Terraform evaluates without AWS."""

    def reference(self, value: Ref | Param | Pseudo) -> str:
        return hcl_str(_placeholder(value))


def _resolved(value: Any) -> Any:
    """A plan value as plain JSON data, each reference its placeholder."""
    if isinstance(value, dict):
        return {k: _resolved(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_resolved(v) for v in value]
    if isinstance(value, Ref | Param | Pseudo):
        return _placeholder(value)
    if isinstance(value, Sub):
        return "".join(_resolved(p) for p in value.parts)
    return value


def test_json_documents_read_back_as_the_plan_made_them(tmp_path: Path) -> None:
    """Every state machine definition and container definition, evaluated by terraform
    itself, is exactly the plan's JSON: nulls kept, keys quoted, references in place."""
    expected: dict[str, Any] = {}
    blocks = []
    cases = set()
    for program in EXAMPLES:
        compiled = compile_program(program, ["terraform"])
        assert compiled.plan is not None
        speller = _PlaceholderSpeller(compiled.plan)
        for node in compiled.plan.of_type("state_machine", "task_definition"):
            if isinstance(node.props, StateMachineProps):
                document = node.props.definition
            else:
                assert isinstance(node.props, TaskDefinitionProps)
                document = terraform.container_definitions(node.props)
            cases.add(case_name(program))
            name = f"{case_name(program)}_{terraform.snake(node.id)}"
            expected[name] = _resolved(document)
            blocks.append(f'output "{name}" {{\n  value = {speller.json(document)}\n}}\n')
    assert cases >= {"media_pipeline", "orders", "reports"}
    (tmp_path / "main.tf").write_text("\n".join(blocks), encoding="utf-8")
    outputs = _terraform_outputs(tmp_path)
    assert set(outputs) == set(expected)
    for name, text in outputs.items():
        assert json.loads(text) == expected[name], name


def test_the_generated_secret_never_reaches_the_state(tmp_path: Path) -> None:
    """An ephemeral random password, written through the write-only argument: no data
    source (whose value Terraform stores) and no `secret_string`."""
    compiled = compile_program(HERE.parent / "examples" / "assistant.iac", ["terraform"])
    parsed = hcl2json(write_config(compiled, tmp_path / "c") / "main.tf")
    assert "aws_secretsmanager_random_password" not in parsed.get("data", {})
    assert "aws_secretsmanager_random_password" in parsed["ephemeral"]
    (version,) = parsed["resource"]["aws_secretsmanager_secret_version"]["client_key"]
    assert "secret_string" not in version
    wo = "${ephemeral.aws_secretsmanager_random_password.client_key.random_password}"
    assert version["secret_string_wo"] == wo
    assert version["secret_string_wo_version"] == 1


def _guard_config(folder: Path, compiled: Compiled) -> Path:
    """The name prefix and its guard alone (Terraform's own `terraform_data`, no AWS):
    main.tf up to its first data source, with the variables."""
    folder.mkdir(parents=True)
    main = compiled.files["terraform/main.tf"].decode()
    (folder / "main.tf").write_text(main[: main.index("\ndata ")] + "\n", encoding="utf-8")
    variables = compiled.files["terraform/variables.tf"]
    (folder / "variables.tf").write_bytes(variables)
    return folder


def test_a_second_stage_cannot_rename_the_first(tmp_path: Path) -> None:
    """Applied with one stage, the state refuses a plan with another (that plan would
    rename, that is replace, every named resource); the same stage plans cleanly."""
    compiled = compile_program(HERE.parent / "examples" / "shop_events.iac", ["terraform"])
    folder = _guard_config(tmp_path / "guard", compiled)
    env = {**os.environ, "CHECKPOINT_DISABLE": "1", "TF_IN_AUTOMATION": "1", "TF_INPUT": "0"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [terraform_bin(), *args], cwd=folder, env=env, capture_output=True, text=True
        )

    assert run("init", "-backend=false").returncode == 0
    applied = run("apply", "-auto-approve")
    assert applied.returncode == 0, applied.stderr
    same = run("plan", "-detailed-exitcode")
    assert same.returncode == 0, same.stdout + same.stderr  # no changes
    other = run("plan", "-var", "stage=prod")
    assert other.returncode == 1
    assert "prevent_destroy" in other.stderr, other.stderr


@pytest.mark.parametrize("program", EXAMPLES, ids=case_name)
def test_attributes_descriptions_and_region(program: Path, tmp_path: Path) -> None:
    """ARNs come from attributes (a log group's `.arn`, an API's `execution_arn`), never
    rebuilt from names; every variable and output is described; the region is a
    variable defaulting to the app's."""
    compiled = compile_program(program, ["terraform"])
    folder = write_config(compiled, tmp_path / "c")
    main = (folder / "main.tf").read_text(encoding="utf-8")
    assert ":log-group:" not in main and ":execute-api:" not in main
    assert "data.aws_region" not in main
    variables = hcl2json(folder / "variables.tf")["variable"]
    assert compiled.plan is not None
    assert variables["region"][0]["default"] == compiled.plan.region
    for name, (variable,) in variables.items():
        assert variable.get("description"), name
    for name, (output,) in hcl2json(folder / "outputs.tf").get("output", {}).items():
        assert output.get("description"), name
    provider = (folder / "versions.tf").read_text(encoding="utf-8")
    assert "region = var.region" in provider
