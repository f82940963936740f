"""Packaging is its own stage (iac/package.py): the plan names each function's code and
does no I/O; the packager zips it, names each zip by its content, and reports code that
changed after the check at the function (E202) instead of crashing."""

from __future__ import annotations

import importlib
import os
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


def zipfile_bytes(entries: list[tuple[str, bytes]]) -> bytes:
    """What the packager wrote with zipfile before it wrote zips itself: the reference."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for arc, data in entries:
            info = zipfile.ZipInfo(arc, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o100644 & 0xFFFF) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            zf.writestr(info, data, compresslevel=9)
    return buf.getvalue()


def packaged_bytes(entries: list[tuple[str, bytes]], monkeypatch: pytest.MonkeyPatch) -> bytes:
    packaging = importlib.import_module("iac.package")  # `iac.package` is the function

    contents = {f"/code/{i}": data for i, (_, data) in enumerate(entries)}
    monkeypatch.setattr(packaging, "_read_regular", lambda path, size: contents[path])
    files = tuple((arc, f"/code/{i}", 0, len(d)) for i, (arc, d) in enumerate(entries))
    return packaging._zip(files)


@pytest.mark.parametrize(
    "entries",
    [
        [("main.py", b"def handler(event, context):\n    return 1\n")],
        [
            ("empty.py", b""),
            ("lib/deep/er/mod.py", b"x = 1\n" * 5000),
            ("donn\u00e9es/caf\u00e9.txt", "d\u00e9j\u00e0 vu\n".encode()),  # a UTF-8 name
            ("bin/blob", bytes(range(256)) * 400 + os.urandom(4096)),
        ],
        [],
    ],
    ids=["one-file", "names-and-contents", "no-files"],
)
def test_zips_are_zipfiles_bytes(
    entries: list[tuple[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The packager writes its zips itself (zipfile's import cost more than a small
    compile's zipping); they are the bytes zipfile wrote, so asset hashes never move."""
    assert packaged_bytes(entries, monkeypatch) == zipfile_bytes(entries)


def test_a_zip_of_more_entries_than_the_end_record_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past 65,535 entries (the code may have up to 200,000) ZIP64's end records hold the
    count, as zipfile writes them."""
    entries = [(f"f/{i:05}.py", b"" if i % 2 else b"pass\n") for i in range(65_537)]
    assert packaged_bytes(entries, monkeypatch) == zipfile_bytes(entries)


@pytest.mark.parametrize("size", [0, 1, 55, 56, 64, 1000, 1 << 20])
def test_the_digest_is_hashlibs_sha256(size: int) -> None:
    """iac/digest.py hashes without OpenSSL; asset names must not change for it."""
    import hashlib
    import random

    from iac.digest import sha256_hex

    data = random.Random(size).randbytes(size)
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()
