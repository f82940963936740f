"""The checker's shape: passes dispatch kinds through an explicit table, never through
names built at run time, and the table names only kinds the catalogue has."""

from __future__ import annotations

import re
from pathlib import Path

from iac import catalog as cat
from iac.checker.resources import KIND_RULES

CHECKER = Path(__file__).resolve().parents[1] / "iac" / "checker"


def test_kind_rules_name_catalogue_kinds() -> None:
    assert set(KIND_RULES) <= set(cat.KINDS)
    assert all(callable(rule) for rule in KIND_RULES.values())


def test_no_dispatch_on_built_names() -> None:
    """`getattr(self, f"_rules_{kind}")` hid which rules exist; the table says it."""
    built = re.compile(r"getattr\([^)]*f[\"']")
    found = [
        f"{path.name}:{n}"
        for path in sorted(CHECKER.glob("*.py"))
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if built.search(line)
    ]
    assert found == []


def test_plan_name_limits_are_the_catalogues() -> None:
    from iac.plan.base import NAME_LIMITS

    assert {k: NAME_LIMITS[k] for k in cat.NAME_RULES} == {
        k: r.high for k, r in cat.NAME_RULES.items()
    }
    for kind in cat.KINDS.values():
        name = kind.attr("name")
        if name is not None:
            assert f"at most {cat.NAME_RULES[kind.name].high})" in name.doc
