"""Real external validators for the test suite, installed on demand and cached.

Every helper here runs the genuine tool (nothing is mocked).  Tools that are not
part of the Python test extras are installed the first time they are needed into a
cache directory (``$IAC_TOOLS_DIR`` or ``<repo>/.cache/tools``), under an ``fcntl``
file lock so that two pytest-xdist workers never install the same thing at once.

When a tool cannot be found or installed the helpers call :func:`pytest.fail` with
a message that says what to install: nothing in the suite is ever skipped.

Pinned versions (checked to exist on the registries):

* npm ``@cdktf/hcl2json`` 0.21.0 (a library only: it ships no CLI, so
  :func:`hcl2json` drives it through a two-line ``node -e`` script);
* npm ``asl-validator`` 4.0.0;
* PyPI ``checkov`` 3.3.30, in its own venv (its ``bc-python-hcl2`` clashes with
  other HCL packages);
* ``terraform`` 1.x from ``PATH`` (or ``/usr/local/bin``) with the
  ``hashicorp/aws`` provider from a local filesystem mirror.
"""

from __future__ import annotations

import contextlib
import fcntl
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, NoReturn

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent

HCL2JSON_PACKAGE = "@cdktf/hcl2json"
HCL2JSON_VERSION = "0.21.0"
ASL_VALIDATOR_PACKAGE = "asl-validator"
ASL_VALIDATOR_VERSION = "4.0.0"
CHECKOV_VERSION = "3.3.30"

#: Default timeout (seconds) for one external command.
TIMEOUT = 600

_COMPLETE_MARKER = ".iac-install-complete"


# --------------------------------------------------------------------------- basics


def _fail(message: str) -> NoReturn:
    pytest.fail(message, pytrace=False)


def tools_dir() -> Path:
    """The cache directory for installed tools (created on demand)."""
    env = os.environ.get("IAC_TOOLS_DIR")
    path = Path(env).expanduser() if env else REPO_ROOT / ".cache" / "tools"
    path.mkdir(parents=True, exist_ok=True)
    return path.resolve()


@contextlib.contextmanager
def _locked(name: str) -> Iterator[None]:
    """Hold an exclusive, cross-process lock named ``name`` inside the cache."""
    lock_dir = tools_dir() / "locks"
    lock_dir.mkdir(parents=True, exist_ok=True)
    with open(lock_dir / f"{name}.lock", "w") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text.lstrip("@")).strip("_")


def _which(name: str, hint: str, extra: Sequence[str] = ()) -> str:
    found = shutil.which(name)
    if found:
        return found
    for candidate in extra:
        if os.access(candidate, os.X_OK):
            return candidate
    _fail(f"`{name}` was not found on PATH. {hint}")


def _run(
    cmd: Sequence[str | os.PathLike[str]],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = TIMEOUT,
) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [os.fspath(c) for c in cmd],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError as exc:
        _fail(f"cannot run {cmd[0]!s}: {exc}")
    except subprocess.TimeoutExpired as exc:
        err = exc.stderr or b""
        text = err.decode(errors="replace") if isinstance(err, bytes) else err
        _fail(f"timed out after {timeout}s: {' '.join(map(str, cmd))}\n{text}")


def _describe(proc: subprocess.CompletedProcess[str]) -> str:
    cmd = " ".join(str(a) for a in proc.args)
    return (
        f"command: {cmd}\nexit code: {proc.returncode}\n"
        f"--- stdout ---\n{proc.stdout[-8000:]}\n--- stderr ---\n{proc.stderr[-8000:]}"
    )


def apt_binary(binary: str, package: str) -> str:
    """`binary` from PATH, or Debian's `package` installed once (root). One lock for
    every apt install, so two test workers never run apt-get at once (dpkg's own lock
    would make the second fail); dpkg also waits for a lock held by anything else."""
    found = shutil.which(binary)
    if found:
        return found
    with _locked("apt"):
        found = shutil.which(binary)
        if found:
            return found
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        wait = ["-o", "DPkg::Lock::Timeout=300"]
        for cmd in (
            ["apt-get", *wait, "update", "-q"],
            ["apt-get", *wait, "install", "-y", "-q", package],
        ):
            proc = _run(cmd, env=env, timeout=900)
            if proc.returncode != 0:
                _fail(f"could not install {package} (apt-get needs root)\n{_describe(proc)}")
    found = shutil.which(binary)
    if not found:
        _fail(f"apt-get installed {package} but `{binary}` is not on PATH")
    return found


def _json_from(text: str, what: str, proc: subprocess.CompletedProcess[str]) -> Any:
    """Parse JSON that a tool printed, tolerating log lines before it."""
    text = text.strip()
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        pass
    starts = [i for i in (text.find("{"), text.find("[")) if i >= 0]
    if starts:
        try:
            return json.loads(text[min(starts) :])
        except json.JSONDecodeError:
            pass
    _fail(f"{what} did not print JSON\n{_describe(proc)}")


# --------------------------------------------------------------------------- npm


def node_bin() -> str:
    return _which("node", "Install Node.js >= 18 with npm (e.g. `apt-get install nodejs npm`).")


def npm_package(package: str, version: str) -> Path:
    """Install ``package@version`` into the cache once; return its install prefix."""
    prefix = tools_dir() / "node" / f"{_safe_name(package)}-{version}"
    if (prefix / _COMPLETE_MARKER).exists():
        return prefix
    npm = _which("npm", "Install Node.js >= 18 with npm (e.g. `apt-get install nodejs npm`).")
    node_bin()
    with _locked(f"npm-{_safe_name(package)}-{version}"):
        if (prefix / _COMPLETE_MARKER).exists():
            return prefix
        if prefix.exists():
            shutil.rmtree(prefix)  # a previous install died half-way
        prefix.mkdir(parents=True)
        proc = _run(
            [
                npm,
                "install",
                "--no-audit",
                "--no-fund",
                "--no-save",
                "--prefix",
                str(prefix),
                f"{package}@{version}",
            ]
        )
        if proc.returncode != 0:
            _fail(f"npm could not install {package}@{version}\n{_describe(proc)}")
        (prefix / _COMPLETE_MARKER).write_text(f"{package}@{version}\n")
    return prefix


def npm_bin(package: str, version: str, bin_name: str) -> Path:
    """Install ``package@version`` (once, locked) and return ``node_modules/.bin/<bin_name>``."""
    prefix = npm_package(package, version)
    path = prefix / "node_modules" / ".bin" / bin_name
    if not path.exists():
        _fail(f"{package}@{version} installed in {prefix} but has no `{bin_name}` executable")
    return path


_HCL2JSON_SCRIPT = textwrap.dedent(
    """
    const { parse } = require(process.argv[1]);
    const file = process.argv[2];
    parse(file, require("fs").readFileSync(file, "utf8")).then(
      (json) => process.stdout.write(JSON.stringify(json)),
      (err) => {
        process.stderr.write(String((err && err.message) || err) + "\\n");
        process.exit(1);
      },
    );
    """
)


def hcl2json(path: Path) -> dict[str, Any]:
    """Parse one ``.tf`` file with HashiCorp's HCL parser (``@cdktf/hcl2json``).

    The result is Terraform's JSON syntax: blocks become lists of objects and
    template strings stay templates, so an HCL ``"$${x}"`` reads back as the JSON
    string ``"$${x}"`` (the same escape is used in ``.tf.json``), while ``\\"``
    becomes a plain ``"``.  Fails the test with the parser's message on bad HCL.
    """
    prefix = npm_package(HCL2JSON_PACKAGE, HCL2JSON_VERSION)
    module = prefix / "node_modules" / HCL2JSON_PACKAGE
    proc = _run([node_bin(), "-e", _HCL2JSON_SCRIPT, str(module), str(Path(path).resolve())])
    if proc.returncode != 0:
        _fail(f"hcl2json could not parse {path}:\n{proc.stderr.strip()}")
    result = _json_from(proc.stdout, "hcl2json", proc)
    if not isinstance(result, dict):
        _fail(f"hcl2json returned {type(result).__name__}, expected an object")
    return result


def asl_validate(definition: dict[str, Any]) -> list[str]:
    """Validate an Amazon States Language definition; return error strings (empty: valid).

    Each error reads ``"<ERROR_CODE>: <message>"``, e.g.
    ``"MISSING_TRANSITION_TARGET: Missing 'Next' target: C at /States/A"``.
    (asl-validator 4.0.0's ``--no-arn-check``/``--no-path-check`` flags are no-ops,
    so they are not offered; ``${Placeholder}`` resources from ``Fn::Sub`` pass.)
    """
    exe = npm_bin(ASL_VALIDATOR_PACKAGE, ASL_VALIDATOR_VERSION, "asl-validator")
    with tempfile.TemporaryDirectory(prefix="iac-asl-") as tmp:
        file = Path(tmp) / "definition.asl.json"
        file.write_text(json.dumps(definition, indent=2))
        proc = _run([exe, "--json-path", str(file)])
    if proc.returncode == 0:
        return []
    if proc.returncode != 1:
        _fail(f"asl-validator crashed\n{_describe(proc)}")
    # stderr: '✕ State machine definition "F" is invalid:\n' then one error a line.
    lines = [line.strip() for line in proc.stderr.splitlines()]
    errors = [line for line in lines[1:] if line]
    return errors or [proc.stderr.strip() or "asl-validator: invalid (no message)"]


# --------------------------------------------------------------------------- cfn-lint


_CFN_LINT_MAIN = "import sys; from cfnlint.runner import main; sys.exit(main())"


def cfn_lint_matches(
    template: Path, ignore_checks: Sequence[str] = (), informational: bool = False
) -> list[dict[str, Any]]:
    """Every cfn-lint match (all levels: Error, Warning, Informational) for ``template``;
    the informational checks (`I3011`, ...) run only when asked."""
    if importlib.util.find_spec("cfnlint") is None:
        _fail("cfn-lint is not installed: `pip install -e '.[test]'` (or `pip install cfn-lint`).")
    # cfnlint has no __main__ module, so `python -m cfnlint` does not work.
    cmd: list[str] = [sys.executable, "-c", _CFN_LINT_MAIN, "--format", "json"]
    if ignore_checks:
        cmd += ["--ignore-checks", *ignore_checks]
    if informational:
        cmd += ["--include-checks", "I"]
    cmd += ["--", str(template)]
    proc = _run(cmd)
    # Exit status is a bit mask of the levels found (2 error, 4 warning, 8 info).
    matches = _json_from(proc.stdout, "cfn-lint", proc)
    if not isinstance(matches, list):
        _fail(f"cfn-lint printed unexpected JSON\n{_describe(proc)}")
    return matches


# cfn-lint's warning on a local code path (`Code: assets/NAME-HASH.zip`), which is the
# `aws cloudformation package` convention the CloudFormation target follows; the
# packaged template is linted with it on (tests/test_cfn.py).
PACKAGE_PATHS = ("W3002",)


def cfn_lint(
    template: Path,
    include_warnings: bool = False,
    ignore_checks: Sequence[str] = (),
    informational: bool = False,
) -> list[dict[str, Any]]:
    """cfn-lint matches of level ``Error`` (plus ``Warning``, and ``Informational``
    with its checks run, when asked) for ``template``.

    Each match is cfn-lint's JSON: ``Level``, ``Message``, ``Rule.Id``,
    ``Location.Path``, ``Location.Start.LineNumber``…
    """
    levels = {"Error", "Warning"} if include_warnings else {"Error"}
    if informational:
        levels.add("Informational")
    matches = cfn_lint_matches(template, ignore_checks, informational)
    return [m for m in matches if m.get("Level") in levels]


def cloudformation_package(template: Path) -> tuple[str, list[Path]]:
    """``template`` as ``aws cloudformation package`` leaves it, and the local files it
    uploads: the AWS CLI's own exporter runs, and only the upload is replaced by a
    record of the files (there is no bucket offline). A path ``package`` can't resolve
    is the CLI's own error."""
    if importlib.util.find_spec("awscli") is None:
        _fail("the AWS CLI is not installed: `pip install awscli`.")
    from awscli.customizations.cloudformation import artifact_exporter, yamlhelper

    uploaded: list[Path] = []

    class Recorder:  # the S3Uploader's one method the exporter calls
        def upload_with_dedup(self, path: str, extension: str | None = None) -> str:
            uploaded.append(Path(path))
            return f"s3://package-bucket/{Path(path).name}"

    exported = artifact_exporter.Template(
        str(template.name), str(template.parent), Recorder()
    ).export()
    return yamlhelper.yaml_dump(exported), uploaded


def format_cfn_lint(matches: Sequence[dict[str, Any]]) -> str:
    """One readable line per cfn-lint match, for assertion messages."""
    out = []
    for m in matches:
        line = m.get("Location", {}).get("Start", {}).get("LineNumber", "?")
        rule = m.get("Rule", {}).get("Id", "?")
        out.append(f"{m.get('Filename')}:{line}: {rule} [{m.get('Level')}] {m.get('Message')}")
    return "\n".join(out)


# --------------------------------------------------------------------------- terraform


_MIRROR_CANDIDATES = (
    "/opt/tf-plugins",
    "/usr/share/terraform/plugins",
    "/usr/local/share/terraform/plugins",
    "~/.terraform.d/plugins",
    "~/.local/share/terraform/plugins",
)


def terraform_bin() -> str:
    return _which(
        "terraform",
        "Install Terraform >= 1.5 (https://developer.hashicorp.com/terraform/install) "
        "into /usr/local/bin.",
        extra=["/usr/local/bin/terraform", "/usr/bin/terraform"],
    )


def _has_aws(mirror: Path) -> bool:
    return (mirror / "registry.terraform.io" / "hashicorp" / "aws").is_dir()


def terraform_mirror() -> Path:
    """The filesystem mirror holding ``registry.terraform.io/hashicorp/aws``."""
    env = os.environ.get("IAC_TF_MIRROR")
    if env:
        path = Path(env).expanduser()
        if not _has_aws(path):
            _fail(f"IAC_TF_MIRROR={env} holds no registry.terraform.io/hashicorp/aws folder")
        return path.resolve()
    for candidate in _MIRROR_CANDIDATES:
        path = Path(candidate).expanduser()
        if _has_aws(path):
            return path.resolve()
    _fail(
        "No Terraform filesystem mirror with the hashicorp/aws provider was found "
        f"(looked in $IAC_TF_MIRROR and {', '.join(_MIRROR_CANDIDATES)}). Create one on a "
        "machine with network access: in a folder with a `required_providers { aws = "
        '{ source = "hashicorp/aws", version = "~> 5.0" } }` block run '
        "`terraform providers mirror /opt/tf-plugins` (unpacked layout: "
        "/opt/tf-plugins/registry.terraform.io/hashicorp/aws/VERSION/linux_amd64/), "
        "or set IAC_TF_MIRROR to such a folder."
    )


def _terraform_env(workdir: Path) -> dict[str, str]:
    """Environment for an offline, non-interactive terraform run scoped to ``workdir``."""
    mirror = terraform_mirror()
    cli_config = workdir / "terraform.tfrc"
    cli_config.write_text(
        textwrap.dedent(
            f"""\
            provider_installation {{
              filesystem_mirror {{
                path    = {json.dumps(str(mirror))}
                include = ["registry.terraform.io/*/*"]
              }}
              direct {{
                exclude = ["registry.terraform.io/*/*"]
              }}
            }}
            """
        )
    )
    env = dict(os.environ)
    env.pop("TF_PLUGIN_CACHE_DIR", None)
    env.update(
        TF_CLI_CONFIG_FILE=str(cli_config),
        CHECKPOINT_DISABLE="1",
        TF_IN_AUTOMATION="1",
        TF_INPUT="0",
        TF_DATA_DIR=str(workdir / "tf-data"),
    )
    return env


def terraform_validate(config_dir: Path) -> dict[str, Any]:
    """``terraform init`` + ``terraform validate -json`` on a copy of ``config_dir``.

    Returns validate's JSON: ``valid`` (bool), ``error_count``, ``warning_count`` and
    ``diagnostics`` (each with ``severity``, ``summary``, ``detail``, ``range``…).
    The folder is copied (without ``.terraform`` and ``.terraform.lock.hcl``) so the
    original, e.g. a golden folder, stays clean.  The provider comes from the local
    filesystem mirror; terraform symlinks an unpacked mirror entry into place rather
    than copying it, so init takes well under a second and a plugin cache adds nothing.
    """
    config_dir = Path(config_dir)
    if not config_dir.is_dir():
        _fail(f"terraform_validate: {config_dir} is not a directory")
    terraform = terraform_bin()
    with tempfile.TemporaryDirectory(prefix="iac-tf-") as tmp:
        work = Path(tmp)
        config = work / "config"
        shutil.copytree(
            config_dir,
            config,
            ignore=shutil.ignore_patterns(".terraform", ".terraform.lock.hcl"),
        )
        env = _terraform_env(work)
        init = _run(
            [terraform, "init", "-backend=false", "-input=false", "-no-color"],
            cwd=config,
            env=env,
        )
        if init.returncode != 0:
            _fail(f"terraform init failed for {config_dir}\n{_describe(init)}")
        proc = _run([terraform, "validate", "-json", "-no-color"], cwd=config, env=env)
        result = _json_from(proc.stdout, "terraform validate", proc)
    if not isinstance(result, dict) or "valid" not in result:
        _fail(f"terraform validate printed unexpected JSON\n{_describe(proc)}")
    return result


def format_tf_diagnostics(result: dict[str, Any]) -> str:
    """Readable terraform validate diagnostics, for assertion messages."""
    out = []
    for d in result.get("diagnostics", []):
        rng = d.get("range") or {}
        where = f"{rng.get('filename', '?')}:{rng.get('start', {}).get('line', '?')}"
        out.append(f"{where}: {d.get('severity')}: {d.get('summary')}: {d.get('detail', '')}")
    return "\n".join(out)


def terraform_fmt_check(config_dir: Path) -> str:
    """``terraform fmt -check -diff -recursive``: the diff text, empty when formatted.

    Never writes (``-check`` implies ``-write=false``).  Fails the test when the
    files cannot be parsed.
    """
    terraform = terraform_bin()
    with tempfile.TemporaryDirectory(prefix="iac-tffmt-") as tmp:
        env = _terraform_env(Path(tmp))
        proc = _run(
            [terraform, "fmt", "-check", "-diff", "-recursive", "-no-color"],
            cwd=Path(config_dir),
            env=env,
        )
    if proc.returncode == 0:
        return ""
    if proc.returncode == 3:  # some file is not formatted
        return proc.stdout or "(terraform fmt -check reported unformatted files)"
    _fail(f"terraform fmt failed on {config_dir}\n{_describe(proc)}")


# --------------------------------------------------------------------------- checkov


def checkov_bin() -> Path:
    """The ``checkov`` executable from its own cached venv (created once, locked)."""
    venv = tools_dir() / "checkov-venv"
    exe = venv / "bin" / "checkov"
    marker = venv / _COMPLETE_MARKER
    if marker.exists() and exe.exists():
        return exe
    with _locked("checkov-venv"):
        if marker.exists() and exe.exists():
            return exe
        if venv.exists():
            shutil.rmtree(venv)
        proc = _run([sys.executable, "-m", "venv", str(venv)])
        if proc.returncode != 0:
            _fail(
                "could not create the checkov venv (on Debian: `apt-get install python3-venv`)\n"
                + _describe(proc)
            )
        proc = _run(
            [
                str(venv / "bin" / "python"),
                "-m",
                "pip",
                "install",
                "-q",
                f"checkov=={CHECKOV_VERSION}",
            ],
            timeout=1800,
        )
        if proc.returncode != 0 or not exe.exists():
            _fail(f"pip could not install checkov=={CHECKOV_VERSION}\n{_describe(proc)}")
        marker.write_text(f"checkov=={CHECKOV_VERSION}\n")
    return exe


def checkov(directory: Path, framework: str, *, allow_parse_errors: bool = False) -> dict[str, Any]:
    """Run checkov on ``directory`` for one framework (``cloudformation``, ``terraform``…).

    Returns ``{"failed_checks": [(check_id, resource, file), ...], "passed": int,
    "failed": int, "skipped": int, "parsing_errors": int, "resource_count": int,
    "raw": <checkov JSON>}``.  Fails the test when checkov could not parse a file,
    unless ``allow_parse_errors``.
    """
    exe = checkov_bin()
    env = dict(os.environ)
    for key in ("BC_API_KEY", "PRISMA_API_URL", "BC_API_URL"):
        env.pop(key, None)  # scan locally only
    env.update(
        CKV_SKIP_PACKAGE_UPDATE_CHECK="true",  # no PyPI version check on start
        BC_SKIP_MAPPING="TRUE",  # same as --skip-download (checkov/main.py)
        PYTHONWARNINGS="ignore",
    )
    cmd = [
        str(exe), "-d", str(directory), "--framework", framework,
        "-o", "json", "--skip-download", "--quiet", "--compact",
    ]  # fmt: skip
    proc = _run(cmd, env=env)
    if proc.returncode not in (0, 1):
        _fail(f"checkov crashed\n{_describe(proc)}")
    raw = _json_from(proc.stdout, "checkov", proc)
    reports: list[dict[str, Any]] = raw if isinstance(raw, list) else [raw]
    result: dict[str, Any] = {
        "failed_checks": [],
        "passed": 0,
        "failed": 0,
        "skipped": 0,
        "parsing_errors": 0,
        "resource_count": 0,
        "raw": raw,
    }
    for report in reports:
        # A run that found nothing prints only the summary object.
        summary = report.get("summary", report)
        for key in ("passed", "failed", "skipped", "parsing_errors", "resource_count"):
            value = summary.get(key, 0)
            result[key] += value if isinstance(value, int) else len(value)
        for check in report.get("results", {}).get("failed_checks", []):
            result["failed_checks"].append(
                (check["check_id"], check["resource"], check.get("file_path", ""))
            )
    if result["parsing_errors"] and not allow_parse_errors:
        _fail(f"checkov could not parse {result['parsing_errors']} file(s) in {directory}")
    return result


# --------------------------------------------------------------------------- CDK


def _node_major() -> str:
    proc = _run([node_bin(), "--version"])
    match = re.match(r"v(\d+)", proc.stdout.strip())
    return match.group(1) if match else ""


CDK_CLI_VERSION = "2.1148.1"  # npm aws-cdk, the CLI that reads cdk.json


def cdk_cli_synth(
    app_dir: Path, context: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The real ``cdk synth -q`` (npm ``aws-cdk``) in ``app_dir``: it reads cdk.json,
    and prints on stderr what a user would see (unconfigured feature flags, warnings)."""
    cdk = npm_bin("aws-cdk", CDK_CLI_VERSION, "cdk")
    env = dict(os.environ, CDK_DISABLE_CLI_TELEMETRY="true", CDK_DISABLE_VERSION_CHECK="true")
    env.update(JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION="1", JSII_DEPRECATED="fail")
    env["JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION"] = "1"
    major = _node_major()
    if major:  # the machine's node, not the app: its end-of-life banner is silenced
        env["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = major
    # --no-notices: the CLI's own news from the network (its version), not the app's.
    given = [a for k, v in (context or {}).items() for a in ("-c", f"{k}={v}")]
    return _run([str(cdk), "synth", "-q", "--no-notices", *given], cwd=Path(app_dir), env=env)


def _cdk_messages(manifest: dict[str, Any]) -> list[str]:
    """Every warning, info and error annotation in a cloud assembly manifest."""
    out = []
    for artifact in manifest.get("artifacts", {}).values():
        for path, entries in artifact.get("metadata", {}).items():
            for entry in entries:
                if entry.get("type") in ("aws:cdk:warning", "aws:cdk:info", "aws:cdk:error"):
                    out.append(f"{path}: {entry.get('data')}")
    return out


def cdk_synth(app_dirs: Sequence[Path], max_parallel: int = 2) -> dict[Path, dict[str, Any]]:
    """Synthesize CDK Python apps (``python app.py`` in each dir), up to 2 at a time.

    Returns the single ``*.template.json`` of each app, parsed, keyed by app dir as
    given.  Uses this interpreter, which must have aws-cdk-lib and constructs (the
    test extras); the jsii runtime needs ``node``.  One tiny synth takes ~6 s of CPU.
    """
    # find_spec, not import: importing aws_cdk would start a jsii node process here.
    if not all(importlib.util.find_spec(m) for m in ("aws_cdk", "constructs")):
        _fail(
            "aws-cdk-lib/constructs are not installed: `pip install -e '.[test]'` "
            "(or `pip install 'aws-cdk-lib>=2.150,<3' 'constructs>=10,<11'`)."
        )
    major = _node_major()
    base_env = dict(os.environ)
    base_env.update(
        CDK_DISABLE_CLI_TELEMETRY="true",
        CDK_DISABLE_VERSION_CHECK="true",
        JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION="1",
        JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="1",
        # A deprecated API is an error, not a line on stderr: the apps use none.
        JSII_DEPRECATED="fail",
    )
    if major:  # the end-of-life banner is silenced per major version
        base_env["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = major

    def synth_one(app_dir: Path) -> dict[str, Any]:
        app_dir = Path(app_dir)
        if not (app_dir / "app.py").is_file():
            _fail(f"cdk_synth: {app_dir} has no app.py")
        with tempfile.TemporaryDirectory(prefix="iac-cdk-") as out:
            env = dict(base_env, CDK_OUTDIR=out)
            # The context of cdk.json (its feature flags), handed over as the CDK CLI does.
            settings = app_dir / "cdk.json"
            if settings.is_file():
                context = json.loads(settings.read_text(encoding="utf-8")).get("context", {})
                env["CDK_CONTEXT_JSON"] = json.dumps(context)
            proc = _run([sys.executable, "app.py"], cwd=app_dir, env=env)
            if proc.returncode != 0:
                _fail(f"CDK synth failed in {app_dir}\n{_describe(proc)}")
            # Warnings and notes on constructs land in the manifest; `cdk synth` prints them.
            notes = _cdk_messages(json.loads((Path(out) / "manifest.json").read_text()))
            if notes or proc.stderr.strip():
                _fail(f"CDK synth of {app_dir} warned: {notes}\n{_describe(proc)}")
            templates = sorted(Path(out).glob("*.template.json"))
            if len(templates) != 1:
                _fail(
                    f"CDK synth of {app_dir} produced {len(templates)} templates, expected 1: "
                    f"{[t.name for t in templates]}\n{_describe(proc)}"
                )
            template: dict[str, Any] = json.loads(templates[0].read_text())
            return template

    dirs = list(app_dirs)
    with ThreadPoolExecutor(max_workers=max(1, min(max_parallel, len(dirs) or 1))) as pool:
        results = list(pool.map(synth_one, dirs))
    return dict(zip(dirs, results, strict=True))


# --------------------------------------------------------------------------- ruff


def _ruff(args: Sequence[str], path: Path) -> str:
    if importlib.util.find_spec("ruff") is None:
        _fail("ruff is not installed: `pip install -e '.[test]'` (or `pip install ruff`).")
    # Run from the checked folder, as its author would: its own modules are first-party.
    path = Path(path).resolve()
    cwd = path if path.is_dir() else path.parent
    proc = _run(
        [sys.executable, "-m", "ruff", *args, "--no-cache", "--isolated", str(path)], cwd=cwd
    )
    if proc.returncode == 0:
        return ""
    if proc.returncode == 1:
        return (proc.stdout + proc.stderr).strip() or "ruff reported problems"
    _fail(f"ruff failed\n{_describe(proc)}")


def ruff_check(path: Path, extra_args: Sequence[str] = ()) -> str:
    """``ruff check`` with default settings (``--isolated``): findings, empty when clean."""
    return _ruff(["check", *extra_args], path)


def ruff_format_check(path: Path, extra_args: Sequence[str] = ()) -> str:
    """``ruff format --check --diff`` (``--isolated``): the diff, empty when formatted."""
    return _ruff(["format", "--check", "--diff", *extra_args], path)


# --------------------------------------------------------------------------- mypy


def mypy_strict(app_dir: Path) -> str:
    """``mypy --strict`` over a generated Python app's modules, run from its folder as
    its author would: the findings, empty when clean. aws-cdk-lib's typing is large, so
    one cache in the tools folder serves every run (under a lock: mypy's cache is not
    safe for two writers)."""
    if importlib.util.find_spec("mypy") is None:
        _fail("mypy is not installed: `pip install -e '.[test]'` (or `pip install mypy`).")
    app_dir = Path(app_dir).resolve()
    modules = sorted(p.name for p in app_dir.glob("*.py"))
    cache = tools_dir() / "mypy-cdk-cache"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPYPATH")}
    cmd = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(cache), *modules]
    with _locked("mypy-cdk-cache"):
        proc = _run(cmd, cwd=app_dir, env=env)
    if proc.returncode not in (0, 1):
        _fail(f"mypy failed to run in {app_dir}\n{_describe(proc)}")
    return "" if proc.returncode == 0 else proc.stdout
