"""The CDK stack's shape: `__init__` a list of calls, one method per source statement,
each method reading only what earlier methods made (tests/test_cdk.py synthesizes
the same apps and holds them to the CloudFormation target)."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from examples import case_name, compile_program, example_programs
from iac.emit import cdk
from iac.plan.model import Node, Props
from iac.plan.values import Ref
from iac.source import Source, Span

EXAMPLES = example_programs()
HOSTILE = Path(__file__).resolve().parent / "programs" / "hostile_cdk.iac"


def _stack(program: Path) -> tuple[ast.ClassDef, cdk.CdkTarget]:
    compiled = compile_program(program, ["cdk"])
    assert not compiled.diagnostics, [d.message for d in compiled.diagnostics]
    assert compiled.plan is not None
    (path,) = [p for p in compiled.files if p.endswith("_stack.py")]
    module = ast.parse(compiled.files[path].decode())
    (stack,) = [n for n in module.body if isinstance(n, ast.ClassDef)]
    return stack, cdk.CdkTarget(compiled.plan)


@pytest.mark.parametrize("program", [*EXAMPLES, HOSTILE], ids=case_name)
def test_init_is_a_list_of_calls(program: Path) -> None:
    """`__init__` reads the params, then calls each method once, in order; every
    other method of the stack is one of those calls."""
    stack, _ = _stack(program)
    init, *methods = stack.body
    assert isinstance(init, ast.FunctionDef) and init.name == "__init__"
    names = [m.name for m in methods if isinstance(m, ast.FunctionDef)]
    assert len(names) == len(methods) and len(set(names)) == len(names)
    calls = []
    for statement in init.body[1:]:  # after super().__init__(...)
        if isinstance(statement, ast.Assign):  # a param: self.stage = context(...)
            assert not calls, "params come before the calls"
            (target,) = statement.targets
            assert isinstance(target, ast.Attribute) and ast.unparse(target.value) == "self"
            continue
        assert isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)
        func = statement.value.func
        assert isinstance(func, ast.Attribute) and ast.unparse(func.value) == "self"
        assert not statement.value.args and not statement.value.keywords
        calls.append(func.attr)
    assert calls == names
    assert all(len(m.body) for m in methods)


@pytest.mark.parametrize("program", [*EXAMPLES, HOSTILE], ids=case_name)
def test_each_method_reads_only_what_earlier_ones_made(program: Path) -> None:
    """A method reads `self.NAME` only when an earlier method (or `__init__`) set it,
    and each source statement's nodes are in one method, or two where its late nodes
    (a queue's policy naming the rules that send to it) wait for other statements."""
    stack, target = _stack(program)
    init, *methods = stack.body
    assert isinstance(init, ast.FunctionDef)
    bound = {t.attr for s in init.body if isinstance(s, ast.Assign) for t in _self_attrs(s)}
    for method in methods:
        assert isinstance(method, ast.FunctionDef)
        read = {
            n.attr
            for n in ast.walk(method)
            if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Load)
            if isinstance(n.value, ast.Name) and n.value.id == "self"
        }
        made = {
            t.attr for s in ast.walk(method) if isinstance(s, ast.Assign) for t in _self_attrs(s)
        }
        assert read - bound - made - cdk.STACK_NAMES <= {m.name for m in methods}, method.name
        assert not made & bound, f"{method.name} sets again what an earlier method set"
        bound |= made
    per_statement: dict[object, int] = {}
    for _, nodes in target.arrange():
        for source in {n.source for n in nodes}:
            per_statement[source] = per_statement.get(source, 0) + 1
    assert max(per_statement.values()) <= 2


def _self_attrs(statement: ast.Assign) -> list[ast.Attribute]:
    return [
        t
        for t in statement.targets
        if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self"
    ]


def test_a_name_the_stack_defines_is_not_taken_by_a_construct() -> None:
    """hostile_cdk.iac declares `queue node` and `topic region`: as `self.node` they would
    replace the stack's own; they become `self.node_` and `self.region_`, and the
    method of `queue allocate_logical_id` does not override `Stack._allocate_logical_id`."""
    stack, _ = _stack(HOSTILE)
    text = ast.unparse(stack)
    assert "self.node_ = sqs.Queue(" in text and "self.region_ = sns.Topic(" in text
    assert "self.node =" not in text and "self.region =" not in text
    names = {m.name for m in stack.body if isinstance(m, ast.FunctionDef)}
    assert "_allocate_logical_id" not in names and "_allocate_logical_id_" in names


def test_stack_names_are_the_pinned_librarys() -> None:
    """STACK_NAMES is what `cdk.Stack` defines in the pinned aws-cdk-lib."""
    import aws_cdk

    assert {n for n in dir(aws_cdk.Stack) if not n.startswith("__")} == cdk.STACK_NAMES


# --------------------------------------------------------------------------- _arrange


@dataclass(frozen=True)
class _Reads(Props):
    TYPE = "reads"
    reads: tuple[Ref, ...] = field(default=())


SOURCE = Source(Path("t.iac"), "x" * 100)


def _node(node_id: str, statement: int, *reads: str) -> Node:
    span = Span(SOURCE, statement * 10, statement * 10 + 5)
    props = _Reads(tuple(Ref(r, "arn") for r in reads))
    return Node(node_id, props, span, f"{node_id}: part" if node_id[-1] != "1" else node_id)


def _arranged(nodes: list[Node]) -> list[list[str]]:
    deps = cdk._dependencies(nodes, cdk._node_deps)
    chunks, cycle = cdk._arrange(nodes, deps)
    assert cycle is None
    return [[n.id for n in chunk] for chunk in chunks]


def test_a_node_that_reads_its_statement_by_way_of_others_waits() -> None:
    """A queue's policy names the rule that sends to it, the rule names the queue:
    the policy goes to a second method of the queue's statement, after the rule."""
    nodes = [_node("q1", 0), _node("qPolicy", 0, "r1"), _node("r1", 1, "q1")]
    assert _arranged(nodes) == [["q1"], ["r1"], ["qPolicy"]]


def test_late_nodes_in_a_cycle_of_their_own_are_split_further() -> None:
    """Late nodes of two statements that read each other (a2 read by b3, b2 by a3): the
    chunk of the earliest node not yet written goes in part, the rest after."""
    nodes = [
        _node("a1", 0),
        _node("a2", 0, "c1"),
        _node("a3", 0, "b2"),
        _node("b1", 1),
        _node("b2", 1, "c1"),
        _node("b3", 1, "a2"),
        _node("c1", 2, "a1", "b1"),
    ]
    assert _arranged(nodes) == [["a1"], ["b1"], ["c1"], ["a2"], ["b2", "b3"], ["a3"]]


def test_a_cycle_of_nodes_is_reported() -> None:
    nodes = [_node("a1", 0, "b1"), _node("b1", 1, "a1")]
    deps = cdk._dependencies(nodes, cdk._node_deps)
    chunks, cycle = cdk._arrange(nodes, deps)
    assert chunks == [] and cycle is not None and cycle.id == "a1"
