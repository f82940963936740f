"""Targets: each spells the plan in its own syntax, through its folder of templates."""
