"""Permissions as deployed: one IAM user per plan role, holding that role's statements.

moto enforces IAM on every request once authorization is on; a handler signs with its
role's keys, so a call the program did not `allow` is AccessDenied, as in AWS. (moto
checks identity policies; resource policies are iac's own wiring, delivered by iac.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..plan import model as pm
from ..plan.iam import document
from .resolve import Names

ADMIN = "iac-local"  # the user iac itself acts as: creating, delivering, inspecting


@dataclass(frozen=True)
class Keys:
    access_key: str
    secret_key: str


def create_admin(iam: Any) -> Keys:
    """The keys iac itself signs with: every action on every resource."""
    return _user(iam, ADMIN, {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "*", "Resource": "*"}
    ]})  # fmt: skip


def create_nobody(iam: Any) -> Keys:
    """Keys that may do nothing: what code runs with when its role is not in the plan,
    so a missing role is AccessDenied, never everything."""
    return _user(iam, "iac-nobody", None)


def create_users(plan: pm.Plan, names: Names, iam: Any) -> dict[str, Keys]:
    """Each role's keys, by the role's local ARN (after the resources exist: a secret's
    ARN, which a statement may name, is moto's to choose)."""
    roles: dict[str, Keys] = {}
    for node in plan.of_type("role"):
        assert isinstance(node.props, pm.RoleProps)
        iam.create_role(
            RoleName=node.id,
            AssumeRolePolicyDocument=json.dumps(_trust(node.props.service)),
        )
        statements = [s for s in node.props.statements if s.principal is None]
        policy = names.value(document(statements)) if statements else None
        roles[names.ref(node.id, "arn")] = _user(iam, f"role-{node.id}", policy)
    return roles


def _trust(service: str) -> dict[str, Any]:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}
        ],
    }


def _user(iam: Any, name: str, policy: dict[str, Any] | None) -> Keys:
    iam.create_user(UserName=name[:64])
    if policy is not None:
        iam.put_user_policy(
            UserName=name[:64], PolicyName="grants", PolicyDocument=json.dumps(policy)
        )
    key = iam.create_access_key(UserName=name[:64])["AccessKey"]
    return Keys(key["AccessKeyId"], key["SecretAccessKey"])
