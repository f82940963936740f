"""Packaging is its own stage (iac/package.py): the plan names each function's code and
does no I/O; the packager zips it, names each zip by its content, and reports code that
changed after the check at the function (E202) instead of crashing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from iac.compiler import compile_app
from iac.explain import explain
from iac.frontend import check, load
from iac.model import App
from iac.package import package
from iac.plan import plan
from iac.plan.assets import Unpackaged
from iac.plan.model import FunctionProps

PROGRAM = """\
app shop
function resize {
  code = "src"
  handler = "main.handler"
}
output fn = resize.arn
"""


def checked_app(folder: Path) -> App:
    (folder / "src").mkdir()
    (folder / "src" / "main.py").write_text("def handler(event, context):\n    return 1\n")
    (folder / "app.iac").write_text(PROGRAM)
    result = check(load(folder / "app.iac"))
    assert result.app is not None, [d.message for d in result.errors]
    return result.app


def test_planning_and_explaining_read_no_code(tmp_path: Path) -> None:
    app = checked_app(tmp_path)
    shutil.rmtree(tmp_path / "src")  # nothing left to zip
    planned = plan(app)
    assert not planned.diagnostics
    assert [e.id for e in explain(planned)] == ["ResizeRole"]
    (asset,) = planned.assets
    assert asset.name == "resize" and asset.zipped is None
    with pytest.raises(Unpackaged):
        asset.file_name  # noqa: B018 - an unpackaged asset has no name yet


def test_packaging_names_each_zip_by_its_content(tmp_path: Path) -> None:
    packaged = package(plan(checked_app(tmp_path)))
    (asset,) = packaged.assets
    assert asset.file_name == f"resize-{asset.sha256[:16]}.zip"
    (fn,) = packaged.of_type("function")
    assert isinstance(fn.props, FunctionProps) and fn.props.asset == asset
    (tmp_path / "src" / "main.py").write_text("def handler(event, context):\n    return 2\n")
    again = package(plan(checked_app_again(tmp_path)))
    assert again.assets[0].sha256 != asset.sha256


def checked_app_again(folder: Path) -> App:
    result = check(load(folder / "app.iac"))
    assert result.app is not None
    return result.app


def test_code_removed_after_the_check_is_an_error_at_the_function(tmp_path: Path) -> None:
    app = checked_app(tmp_path)
    shutil.rmtree(tmp_path / "src")
    compiled = compile_app(app, ["cfn", "terraform", "cdk"])
    assert [d.code for d in compiled.diagnostics] == ["E202"]
    (diagnostic,) = compiled.diagnostics
    assert "function `resize`" in diagnostic.message
    assert diagnostic.span is not None and diagnostic.span.text.startswith("function resize")
    assert compiled.files == {}
