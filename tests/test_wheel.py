"""The built wheel works on its own: grammar and templates inside the package, and the
`iac` command runs from a fresh virtual environment, away from this checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TIMEOUT = 300


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=TIMEOUT, cwd=cwd, env=env
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    proc = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, REPO, cwd=out)
    assert proc.returncode == 0, proc.stderr
    (built,) = out.glob("iac-*.whl")
    return built


def dependency_dirs() -> list[Path]:
    """Where this interpreter finds iac's dependencies: its own site-packages, whether it
    is a system Python, a virtual environment or a CI runner's."""
    import click
    import jinja2
    import lark
    import markupsafe
    import yaml

    dirs = []
    for module in (lark, jinja2, markupsafe, yaml, click):
        top = Path(module.__file__ or "").resolve().parent.parent
        if top not in dirs:
            dirs.append(top)
    return dirs


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv, isolated from every site-packages, with the wheel installed. Its
    dependencies come from the folders where this interpreter found them, through a
    `.pth` file, so nothing is downloaded and it works the same run from a venv (where
    `--system-site-packages` would see the base interpreter's, without lark), a system
    Python or CI. A `.pth` line adds a folder without running that folder's own `.pth`
    files, so an editable install of this checkout there stays out of the venv."""
    root = tmp_path_factory.mktemp("venv") / "env"
    proc = run(sys.executable, "-m", "venv", root, cwd=root.parent)
    assert proc.returncode == 0, proc.stderr
    python = root / "bin" / "python"
    proc = run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=root)
    assert proc.returncode == 0, proc.stderr
    site = Path(proc.stdout.strip())
    (site / "iac_test_dependencies.pth").write_text(
        "".join(f"{d}\n" for d in dependency_dirs()), encoding="utf-8"
    )
    proc = run(python, "-m", "pip", "install", "--no-deps", "--no-index", "-q", wheel, cwd=root)
    assert proc.returncode == 0, proc.stderr
    return root


def test_wheel_holds_the_grammar_and_templates(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "iac/_data/grammar/iac.lark" in names
    assert "iac/_parser_tables.py" in names  # the parser, with no cache to build
    assert any(n.startswith("iac/_data/targets/cfn/") for n in names)
    assert "iac/cli.py" in names and "iac/parser.py" in names
    assert not any(n.startswith(("tests/", "examples/", "bench/")) for n in names)


def test_installed_package_is_the_wheel_with_its_data(venv: Path, tmp_path: Path) -> None:
    probe = (
        "import pathlib, iac, iac.resources as r; "
        "print(pathlib.Path(iac.__file__).resolve().parent); print(r.data_dir('grammar'))"
    )
    proc = run(venv / "bin" / "python", "-c", probe, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    package, grammar = (Path(line) for line in proc.stdout.splitlines())
    assert venv.resolve() in package.parents, f"imported {package}, not the installed wheel"
    assert grammar == package / "_data" / "grammar"
    assert (package / "_data" / "grammar" / "iac.lark").is_file()
    assert (package / "_data" / "targets").is_dir()


def test_the_venv_sees_no_other_copy_of_iac(venv: Path, tmp_path: Path) -> None:
    """Only the wheel: not the checkout, not an editable install of it."""
    probe = "import importlib.util as u; print(u.find_spec('iac').submodule_search_locations)"
    proc = run(venv / "bin" / "python", "-c", probe, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert str(REPO / "iac") not in proc.stdout
    proc = run(venv / "bin" / "python", "-c", "import sys; print(sys.prefix != sys.base_prefix)",
               cwd=tmp_path)  # fmt: skip
    assert proc.stdout.strip() == "True"


def test_iac_check_runs_from_the_venv(venv: Path, tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "worker.py").write_text("def handler(event, context):\n    pass\n")
    (tmp_path / "app.iac").write_text(
        "queue jobs { max_receives = 5 }\n"
        'function worker {\n  code = "src/worker.py"\n}\non jobs.message -> worker\n'
    )
    proc = run(venv / "bin" / "iac", "check", "app.iac", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (0, "")

    (tmp_path / "bad.iac").write_text("queue jobs { retention = 5min }\n")
    proc = run(venv / "bin" / "iac", "check", "bad.iac", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.startswith("error[E007]: unknown unit `min`\n --> bad.iac:1:26\n")
    assert "Traceback" not in proc.stderr

    proc = run(venv / "bin" / "iac", "--version", cwd=tmp_path)
    assert proc.returncode == 0 and "0.1.0" in proc.stdout


def test_iac_compile_from_the_venv_imports_no_jinja(venv: Path, tmp_path: Path) -> None:
    """The installed templates run as their generated modules (iac/_templates/), found
    beside the templates in `iac/_data/targets`: a compile to every target never
    imports jinja2."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "worker.py").write_text("def handler(event, context):\n    pass\n")
    (tmp_path / "app.iac").write_text(
        'queue jobs\nfunction worker {\n  code = "src/worker.py"\n}\non jobs.message -> worker\n'
    )
    script = (
        "import sys\n"
        "from iac.cli import main\n"
        "try:\n"
        "    main(['compile', 'app.iac', '-o', 'out'])\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'markupsafe')))\n"
    )
    proc = run(venv / "bin" / "python", "-c", script, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
    for target in ("cfn", "terraform", "cdk", "sam"):
        assert any((tmp_path / "out" / target).iterdir()), target


def test_the_installed_iac_checks_and_compiles_without_loading_click(
    venv: Path, tmp_path: Path
) -> None:
    """The `iac` script reads these command lines from the generated table
    (iac/commands.py): click, which declares them, is not imported; help still is
    click's."""
    (tmp_path / "app.iac").write_text("bucket files\nqueue jobs\n")
    for args in (["check", "app.iac"], ["compile", "app.iac", "-t", "cfn", "-o", "out"]):
        traced = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
        traced.pop("PYTHONPATH", None)
        proc = subprocess.run(
            [str(venv / "bin" / "iac"), *args],
            capture_output=True, text=True, timeout=TIMEOUT, cwd=tmp_path, env=traced,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        loaded = [line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()]
        assert "iac.commands" in loaded and "click" not in loaded, args
    helped = run(venv / "bin" / "iac", "compile", "--help", cwd=tmp_path)
    assert helped.returncode == 0 and "--target" in helped.stdout
