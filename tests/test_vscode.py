"""The VS Code extension builds with npm and packages with vsce, without a warning."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import tools

REPO = Path(__file__).resolve().parent.parent
VSCE_PACKAGE = "@vscode/vsce"
VSCE_VERSION = "3.9.2"


def test_extension_packages_without_warnings(tmp_path: Path) -> None:
    ext = tmp_path / "vscode"
    shutil.copytree(
        REPO / "editors" / "vscode", ext, ignore=shutil.ignore_patterns("node_modules", "*.vsix")
    )
    npm = shutil.which("npm")
    assert npm, "npm is needed to build the extension"
    cache = tools.tools_dir() / "npm-cache"
    proc = tools._run([npm, "install", "--no-audit", "--no-fund", "--cache", str(cache)], cwd=ext)
    assert proc.returncode == 0, tools._describe(proc)
    vsce = tools.npm_bin(VSCE_PACKAGE, VSCE_VERSION, "vsce")
    out = tmp_path / "iac.vsix"
    proc = tools._run([str(vsce), "package", "--out", str(out)], cwd=ext)
    assert proc.returncode == 0, tools._describe(proc)
    text = (proc.stdout + proc.stderr).lower()
    assert "warning" not in text, tools._describe(proc)
    with zipfile.ZipFile(out) as vsix:
        names = set(vsix.namelist())
        manifest = json.loads(vsix.read("extension/package.json"))
    assert {
        "extension/dist/extension.js",
        "extension/syntaxes/iac.tmLanguage.json",
        "extension/language-configuration.json",
        "extension/LICENSE.txt",
    } <= names
    assert not any("node_modules" in n for n in names)  # bundled: one file
    bundle = zipfile.ZipFile(out).read("extension/dist/extension.js").decode()
    assert "iac/previewDidChange" in bundle and "LanguageClient" in bundle
    commands = {c["command"] for c in manifest["contributes"]["commands"]}
    assert {"iac.previewCloudFormation", "iac.previewTerraform", "iac.previewCdk"} <= commands


def test_grammar_and_configuration_are_valid_json() -> None:
    ext = REPO / "editors" / "vscode"
    grammar = json.loads((ext / "syntaxes" / "iac.tmLanguage.json").read_text())
    assert grammar["scopeName"] == "source.iac"
    import re

    def patterns(node: object) -> list[str]:
        found = []
        if isinstance(node, dict):
            for key in ("match", "begin", "end"):
                if isinstance(node.get(key), str):
                    found.append(node[key])
            for value in node.values():
                found += patterns(value)
        elif isinstance(node, list):
            for value in node:
                found += patterns(value)
        return found

    for pattern in patterns(grammar):
        re.compile(pattern)  # Oniguruma's syntax here is the common subset Python reads
    config = json.loads((ext / "language-configuration.json").read_text())
    assert config["comments"]["lineComment"] == "#"
