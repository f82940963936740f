"""The plan: everything the targets share, decided once.

Logical IDs, physical names, IAM statements per role, what each event edge
needs, dead-letter queues and content-hashed assets. A target only spells it.
"""

from __future__ import annotations

from .lower import plan
from .model import Node, Output, Plan, PlanParam

__all__ = ["Node", "Output", "Plan", "PlanParam", "plan"]  # the memo: iac.plan.memo
