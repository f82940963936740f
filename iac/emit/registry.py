"""The targets by name: the one list that the CLI's `--target` choices, the compiler,
the tests and the docs read. A target's module is imported only when it renders, so
`iac compile -t cfn` loads the CloudFormation target alone."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..plan import Plan
    from .base import Rendered, Target

# name -> (module, class), in the order `--target all` writes them.
TARGETS: dict[str, tuple[str, str]] = {
    "cfn": ("iac.emit.cfn", "CfnTarget"),
    "cdk": ("iac.emit.cdk", "CdkTarget"),
    "terraform": ("iac.emit.terraform", "TerraformTarget"),
    "sam": ("iac.emit.sam", "SamTarget"),
}


def names() -> list[str]:
    return list(TARGETS)


def target_class(name: str) -> type[Target]:
    module, cls = TARGETS[name]
    found: type[Target] = getattr(importlib.import_module(module), cls)
    return found


def render(name: str, plan: Plan) -> Rendered:
    return target_class(name)(plan).render()
