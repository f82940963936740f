"""Diagnostics for CI: SARIF 2.1.0 (code scanning) and GitHub Actions workflow commands.

`render_sarif` makes one run of the `iac` tool: a rule per code that occurs (id, short
description from `iac.codes`, help pointing at docs/errors.md), a result per diagnostic
with its level, location, the secondary spans as related locations and, where a
`did you mean` names an exact replacement, a fix. Columns count characters
(`columnKind: unicodeCodePoints`), end columns are exclusive, as in SARIF.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import PurePath
from urllib.parse import quote

from .codes import describe, docs_anchor
from .diagnostics import Diagnostic, Severity
from .source import Span

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(display: str) -> dict[str, str]:
    path = PurePath(display)
    if path.is_absolute():
        return {"uri": "file://" + quote(path.as_posix())}
    # Relative to where iac ran, which in CI is the repository's root.
    return {"uri": quote(path.as_posix()), "uriBaseId": "%SRCROOT%"}


def _region(span: Span) -> dict[str, int]:
    src = span.source
    line, col = src.line_col(span.start)
    end_line, end_col = src.line_col(span.end)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


def _location(span: Span) -> dict[str, object]:
    return {
        "physicalLocation": {
            "artifactLocation": _uri(span.source.display),
            "region": _region(span),
        }
    }


def _message(d: Diagnostic) -> str:
    extra = ([d.note] if d.note else []) + list(d.hints)
    return "\n".join([d.message, *(f"help: {h}" for h in extra if h)])


def _rule(code: str, level: str) -> dict[str, object]:
    text = describe(code)
    where = docs_anchor(code)
    return {
        "id": code,
        "name": "".join(w.capitalize() for w in text.replace("-", " ").split() if w.isalnum()),
        "shortDescription": {"text": text},
        "help": {"text": f"{text}: see {where}", "markdown": f"{text}: see [{where}]({where})"},
        "defaultConfiguration": {"level": level},
    }


def to_sarif(diagnostics: Iterable[Diagnostic], version: str) -> dict[str, object]:
    items = list(diagnostics)
    codes = sorted({d.code for d in items})
    index = {code: i for i, code in enumerate(codes)}
    levels = {d.code: _level(d) for d in items}
    results = []
    for d in items:
        result: dict[str, object] = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _level(d),
            "message": {"text": _message(d)},
        }
        if d.span is not None:
            result["locations"] = [_location(d.span)]
        if d.labels:
            result["relatedLocations"] = [
                {"id": i, **_location(lb.span), "message": {"text": lb.message or "here"}}
                for i, lb in enumerate(d.labels)
            ]
        if d.span is not None and d.replacement is not None:
            result["fixes"] = [
                {
                    "description": {"text": f"replace with `{d.replacement}`"},
                    "artifactChanges": [
                        {
                            "artifactLocation": _uri(d.span.source.display),
                            "replacements": [
                                {
                                    "deletedRegion": _region(d.span),
                                    "insertedContent": {"text": d.replacement},
                                }
                            ],
                        }
                    ],
                }
            ]
        results.append(result)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "iac",
                        "version": version,
                        "rules": [_rule(code, levels[code]) for code in codes],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _level(d: Diagnostic) -> str:
    return "error" if d.severity is Severity.ERROR else "warning"


def render_sarif(diagnostics: Iterable[Diagnostic], version: str) -> str:
    return json.dumps(to_sarif(diagnostics, version), indent=2, ensure_ascii=False)


# ---------------------------------------------------------------- GitHub Actions


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(diagnostics: Iterable[Diagnostic]) -> str:
    """One `::error ...::message` (or `::warning`) line per diagnostic. Columns are
    1-based; `endColumn` is inclusive, as GitHub's annotations read it."""
    lines = []
    for d in diagnostics:
        props: list[tuple[str, str]] = []
        if d.span is not None:
            src = d.span.source
            line, col = src.line_col(d.span.start)
            end_line, end_col = src.line_col(d.span.end)
            props += [("file", src.display), ("line", str(line)), ("col", str(col))]
            last = max(col, end_col - 1) if end_line == line else max(1, end_col - 1)
            props += [("endLine", str(end_line)), ("endColumn", str(last))]
        props.append(("title", d.code))
        head = ",".join(f"{k}={_escape_property(v)}" for k, v in props)
        lines.append(f"::{_level(d)} {head}::{_escape_data(_message(d))}")
    return "\n".join(lines)
