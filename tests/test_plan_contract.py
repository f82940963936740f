"""The contract between the plan and the targets (iac/plan/model.py): a target reads
only fields that exist, a field no target reads does not exist, and every attribute a
node type exposes is spelled by every target (and no other)."""

from __future__ import annotations

import ast
import dataclasses
import types
import typing
from pathlib import Path
from typing import Any

import jinja2
import pytest
from jinja2 import nodes as j

from examples import case_name, compile_program, example_programs
from iac import catalog
from iac.emit import cdk, cfn, terraform
from iac.plan import lower
from iac.plan import model as pm
from iac.plan.values import Ref, walk
from iac.resources import data_dir

TARGETS = {"cfn": cfn, "terraform": terraform, "cdk": cdk}
EXTENSIONS = {"cfn": ".yaml.j2", "terraform": ".tf.j2", "cdk": ".py.j2"}
NODE_FIELDS = {f.name for f in dataclasses.fields(pm.Node)} | {"type"}
# The records props hold, whose fields the templates read too.
RECORDS = (pm.RuleTarget, pm.EcsTarget, pm.Egress)


def _element(tp: Any) -> Any:
    """The class a value of annotation `tp` is, unwrapping `X | None` and `tuple[X, ...]`."""
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and len(args) == 1:
        return _element(args[0])
    if typing.get_origin(tp) is tuple and args:
        return _element(args[0])
    return tp


def _fields(cls: Any) -> dict[str, Any]:
    """A props or record class's fields and their types (not its class variables)."""
    hints = typing.get_type_hints(cls, vars(pm) | vars(pm.m))
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


class _Reads:
    """(class, field) pairs a template reads, and reads of fields that don't exist."""

    def __init__(self) -> None:
        self.read: set[tuple[type, str]] = set()
        self.missing: list[str] = []

    def template(self, where: str, source: str, props: type) -> None:
        tree = jinja2.Environment().parse(source)
        scope: dict[str, Any] = {"p": props}
        for loop in tree.find_all(j.For):  # `{% for t in p.targets %}`: t is a RuleTarget
            if isinstance(loop.target, j.Name):
                scope[loop.target.name] = _element(self._type(loop.iter, scope))
        for node in tree.find_all(j.Getattr):
            if isinstance(node.node, j.Name) and node.node.name == "node":
                if node.attr not in NODE_FIELDS:
                    self.missing.append(f"{where}: node.{node.attr}")
                continue
            self._type(node, scope, where)

    def _type(self, expr: j.Node, scope: dict[str, Any], where: str = "") -> Any:
        if isinstance(expr, j.Name):
            return scope.get(expr.name)
        if isinstance(expr, j.Getattr):
            owner = self._type(expr.node, scope, where)
            if not (isinstance(owner, type) and issubclass(owner, (pm.Props, *RECORDS))):
                return None  # a plan value, an asset, a table key: not the contract's
            hints = _fields(owner)
            if expr.attr not in hints:
                if where:
                    self.missing.append(f"{where}: {owner.__name__}.{expr.attr}")
                return None
            self.read.add((owner, expr.attr))
            return _element(hints[expr.attr])
        return None

    def emitter(self, module: Any) -> None:
        """Reads in an emitter: attributes of a parameter annotated with a props or
        record class (`p: TaskDefinitionProps` then `p.container`), and "prop:NAME"
        entries of its ATTRIBUTES table."""
        classes = {c.__name__: c for c in (*pm.PROPS.values(), *RECORDS)}
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            typed = {
                a.arg: classes[a.annotation.id]
                for a in fn.args.args
                if isinstance(a.annotation, ast.Name) and a.annotation.id in classes
            }
            for node in ast.walk(fn):
                if (
                    isinstance(node, ast.Attribute)
                    and isinstance(node.value, ast.Name)
                    and node.value.id in typed
                ):
                    cls = typed[node.value.id]
                    if node.attr in _fields(cls):
                        self.read.add((cls, node.attr))
                    else:
                        self.missing.append(f"{module.__name__}: {cls.__name__}.{node.attr}")
        for (node_type, _), how in module.ATTRIBUTES.items():
            if isinstance(how, str) and how.startswith("prop:"):
                self.read.add((pm.PROPS[node_type], how.removeprefix("prop:")))


@pytest.fixture(scope="module")
def reads() -> _Reads:
    found = _Reads()
    for target, module in TARGETS.items():
        for node_type, props in pm.PROPS.items():
            path = data_dir("targets") / target / f"{node_type}{EXTENSIONS[target]}"
            found.template(f"{target}/{path.name}", path.read_text(encoding="utf-8"), props)
        found.emitter(module)
    return found


def test_every_target_has_a_template_for_every_node_type() -> None:
    for target, ext in EXTENSIONS.items():
        have = {p.name.removesuffix(ext) for p in (data_dir("targets") / target).glob(f"*{ext}")}
        assert set(pm.PROPS) <= have, (target, set(pm.PROPS) - have)


def test_templates_read_only_fields_that_exist(reads: _Reads) -> None:
    assert reads.missing == []


def test_every_field_is_read_by_some_target(reads: _Reads) -> None:
    unread = [
        f"{cls.__name__}.{name}"
        for cls in (*pm.PROPS.values(), *RECORDS)
        for name in _fields(cls)
        if (cls, name) not in reads.read
    ]
    assert unread == []


def test_the_reader_sees_a_missing_field() -> None:
    """The scan itself: a read of a field that doesn't exist, in a template or nested."""
    found = _Reads()
    found.template("t", "{{ p.name }}{{ p.nope }}", pm.QueueProps)
    found.template(
        "r", "{% for t in p.targets %}{{ t.ecs.subnets }}{{ t.ecs.gone }}{% endfor %}", pm.RuleProps
    )
    assert found.missing == ["t: QueueProps.nope", "r: EcsTarget.gone"]
    assert (pm.QueueProps, "name") in found.read and (pm.EcsTarget, "subnets") in found.read


@pytest.mark.parametrize("target", TARGETS)
def test_each_target_spells_exactly_the_exposed_attributes(target: str) -> None:
    exposed = {(t, a) for t, cls in pm.PROPS.items() for a in cls.ATTRIBUTES}
    assert set(TARGETS[target].ATTRIBUTES) == exposed


@pytest.mark.parametrize("program", example_programs(), ids=case_name)
def test_every_reference_reads_an_exposed_attribute(program: Path) -> None:
    planned = compile_program(program, []).plan
    assert planned is not None
    types_by_id = {n.id: n.type for n in planned.nodes}
    values = [n.props for n in planned.nodes] + [o.value for o in planned.outputs]
    for ref in (v for value in values for v in walk(value) if isinstance(v, Ref)):
        assert ref.node in types_by_id, ref
        assert ref.attr in pm.PROPS[types_by_id[ref.node]].ATTRIBUTES, ref


def test_every_resource_kind_has_a_lowering() -> None:
    assert set(lower.KINDS) == set(catalog.KINDS)
