"""Build time: a target's Jinja templates as plain Python modules.

`python -m iac.tables --regenerate` runs this over every template of `targets/`.
Each template is parsed by its target's real Jinja environment (the extensions'
`preprocess` applied, `trim_blocks` and `lstrip_blocks` as it sets them), and the
generator walks Jinja's syntax tree and writes a module whose `bind(filters,
imports)` returns the template's root function, `root(target, names) -> (text,
exports)`. The module imports nothing from Jinja: `iac compile` runs it as it is
(iac/emit/compiled.py).

It translates exactly the subset the templates use, with Jinja's meaning:
StrictUndefined (a missing variable, or an attribute that is neither an attribute
nor an item, raises when used as Jinja's would), attribute-then-item lookup,
`{{ x }}` as `str(x)`, Jinja's scoping (a `for` body's names are its own; a name a
body sets starts each iteration as the enclosing scope's), `loop.index`, the
targets' filters (a method filter calls the target being rendered, as
base.context_filter does), the builtin filters `string`, `upper`, `lower`, `join`,
`map`, the test `none`, one level of macros and `from ... import ... with
context`. Anything else fails here, naming the template and its line, so a
template can never reach run time with a construct the generated code would get
wrong.

Two differences, neither reachable from the targets: a function a template calls is
called as it is (Jinja's `Context.call` would pass a `@pass_context` function its
context, and turn a `StopIteration` it raises into Undefined; no name the targets
pass is either), and a template's top-level `set` is not written back into the
context (only a later import `with context` could see it, and an import must come
first).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import jinja2
from jinja2 import nodes

from .compiled import function_name

# Jinja's builtin filters the generated code implements (see `_builtin_filter`).
BUILTIN_FILTERS = ("join", "lower", "map", "string", "upper")
_COMPARE = {"eq": "==", "ne": "!=", "in": "in", "notin": "not in"}
_BINARY: dict[type[nodes.BinExpr], str] = {nodes.Add: "+"}
# Names Jinja gives a meaning of its own in these places: never a variable here.
_RESERVED = {"target", "loop", "self", "caller", "varargs", "kwargs"}
_LOOP_ATTRIBUTES = {"index", "index0", "first"}


RETURN = 'return "".join(out), NO_EXPORTS'


class TemplateCodegenError(Exception):
    """A template uses a construct outside the subset: `path:line: what`."""


@dataclass
class _Frame:
    """A Jinja scope: the root, a `for` body or a macro body. `names` maps a Jinja
    name to the Python variable holding it in this scope."""

    parent: _Frame | None
    names: dict[str, str] = field(default_factory=dict)
    loop_index: str | None = None  # the Python variable counting this loop (1-based)

    def find(self, name: str) -> str | None:
        frame: _Frame | None = self
        while frame is not None:
            if name in frame.names:
                return frame.names[name]
            frame = frame.parent
        return None


@dataclass
class _Generated:
    filters: dict[str, str] = field(default_factory=dict)  # filter -> its Python variable
    method_filters: dict[str, str] = field(default_factory=dict)  # filter -> method
    builtin_filters: set[str] = field(default_factory=set)
    imports: list[str] = field(default_factory=list)
    context: dict[str, str] = field(default_factory=dict)  # free name -> root variable


def generate(
    environment: jinja2.Environment, source: str, name: str, path: str, target: Any
) -> str:
    """The Python module for the template `name` (shown as `path` in errors and
    tracebacks), whose filters are `target`'s (a Target class)."""
    tree = environment.parse(source, name, path)
    text = _Codegen(environment, name, path, target).module(tree)
    compile(text, path, "exec")  # a module that would not load fails here, not at run time
    return text


# What a template's module holds, which `iac/emit/compiled.py` reads.
NAMES = ("TEMPLATE", "FILTERS", "METHOD_FILTERS", "BUILTIN_FILTERS", "IMPORTS", "EXTENSIONS")
_IMPORT = [
    "from iac.emit.compiled import (",
    "    MISSING,",
    "    NO_EXPORTS,",
    "    Undefined,",
    "    attribute_item,",
    "    item_or_attribute,",
    "    map_filter,",
    ")",
]


def bundle(
    environment: jinja2.Environment,
    templates: list[tuple[str, str, str, str]],
    target: Any,
) -> str:
    """One target's templates, `(source, name, path, sha256 of the source)` each, as one
    module: a run reads one file per target instead of one per template (each read
    cost more than the loading of its code). DIGESTS holds each template's sha256 (the
    code is a template's while its source has that digest). Each template is a
    function returning what its module would hold (`NAMES`, `bind` and `LINES`, whose
    lines are this file's), called the first time a render needs the template."""
    text = [
        f'"""The templates of {", ".join(sorted({t[2].rsplit("/", 1)[0] for t in templates}))}/ '
        "as Python, generated by",
        "`python -m iac.tables --regenerate` from them: do not edit. Each template is a",
        'function returning its names; its LINES map this file\'s lines to the template\'s."""',
        "",
        *_IMPORT,
        "",
        "DIGESTS = {",
        *(f"    {name!r}: {sha!r}," for _, name, _, sha in templates),
        "}",
    ]
    for source, name, path, _ in templates:
        function = function_name(name)
        if not function.isidentifier():
            raise TemplateCodegenError(f"{path}: the name {name!r} makes no Python name")
        tree = environment.parse(source, name, path)
        definitions, table = _Codegen(environment, name, path, target).definitions(tree)
        text += ["", "", f"def {function}():"]
        start = len(text)
        # No generated line continues a string onto the next: each indents as a whole.
        text += [f"    {line}" if line else "" for line in definitions]
        lines = tuple((start + at, line) for at, line in table)
        names = ", ".join(f"{n!r}: {n}" for n in (*NAMES, "bind"))
        text += ["", f"    LINES = {lines!r}", f"    return {{{names}, 'LINES': LINES}}"]
    module = "\n".join([*text, ""])
    compile(module, "templates.py", "exec")  # fails here, not at run time
    return module


class _Codegen:
    def __init__(self, environment: jinja2.Environment, name: str, path: str, target: Any):
        self.environment = environment
        self.name = name
        self.path = path
        self.target = target
        self.out = _Generated()
        self.lines: list[tuple[int, str, int | None]] = []  # (indent, code, template line)
        self.temps = 0
        self.undefined: dict[str, str] = {}  # module-level Undefined -> its expression
        self.exports: dict[str, str] = {}
        self.root = _Frame(None)
        self.seen_store = False  # a `from ... import` must come before any `set`

    # -- errors
    def fail(self, node: nodes.Node, what: str) -> TemplateCodegenError:
        return TemplateCodegenError(
            f"{self.path}:{node.lineno}: {what} is outside the subset the generated "
            "templates support (iac/emit/template_codegen.py)"
        )

    # -- the module
    def module(self, tree: nodes.Template) -> str:
        """The template as a module of its own (what the tests run)."""
        head = [
            f'"""{self.path} as Python, generated by `python -m iac.tables --regenerate`',
            'from the template: do not edit. LINES maps this file\'s lines to the template\'s."""',
            "",
            *_IMPORT,
            "",
        ]
        definitions, table = self.definitions(tree)
        lines = tuple((len(head) + at, line) for at, line in table)
        return "\n".join([*head, *definitions, "", "", f"LINES = {lines!r}", ""])

    def definitions(self, tree: nodes.Template) -> tuple[list[str], list[tuple[int, int]]]:
        """The module's names but LINES (see `NAMES`), and the table of which of these
        lines (1-based) comes from which line of the template."""
        root = self.root
        root.names.update({n: f"l_{n}" for n in _stores(tree.body, self)})
        self.exports = {n: root.names[n] for n in _exports(tree.body)}
        self.emit(2, "out: list[str] = []", None)
        self.emit(2, "w = out.append", None)
        self.block(tree.body, root, 2)
        exports = ", ".join(f"{n!r}: {v}" for n, v in self.exports.items())
        self.emit(2, f'return "".join(out), {{{exports}}}' if exports else RETURN, None)
        # The root's variables start as the context's (Jinja resolves a name the root
        # sets in a branch, or reads before it sets it, from the context).
        for jinja_name in sorted(root.names):
            self.context_name(jinja_name)
        prologue = [
            (2, f"{var} = names.get({jinja_name!r}, {self.undefined_of(jinja_name)})", None)
            for jinja_name, var in sorted(self.out.context.items())
        ]
        body = self.lines
        head = [
            f"TEMPLATE = {self.name!r}",
            f"FILTERS = {tuple(sorted(self.out.filters))!r}",
            f"METHOD_FILTERS = {dict(sorted(self.out.method_filters.items()))!r}",
            f"BUILTIN_FILTERS = {tuple(sorted(self.out.builtin_filters))!r}",
            f"IMPORTS = {tuple(self.out.imports)!r}",
            f"EXTENSIONS = {tuple(self.target.extensions)!r}",
        ]
        head += [f"{var} = {expr}" for var, expr in sorted(self.undefined.items())]
        head += ["", "", "def bind(filters, imports):"]
        head += [f"    {var} = filters[{name!r}]" for name, var in sorted(self.out.filters.items())]
        head += [f"    i_{i} = imports[{t!r}]" for i, t in enumerate(self.out.imports)]
        head += ["", "    def root(target, names):"]
        text = list(head)
        table: list[tuple[int, int]] = []
        last: int | None = None
        for indent, code, line in prologue + body:
            if line is not None and line != last:
                table.append((len(text) + 1, line))
                last = line
            text.append(" " * (4 * indent) + code)
        text += ["", "    return root"]
        return text, table

    def emit(self, indent: int, code: str, line: int | None) -> None:
        self.lines.append((indent, code, line))

    def temp(self) -> str:
        self.temps += 1
        return f"_{self.temps}"

    def undefined_of(self, name: str, hint: str | None = None) -> str:
        var = f"u_{len(self.undefined)}"
        args = f"name={name!r}" if hint is None else f"hint={hint!r}, name={name!r}"
        for existing, expr in self.undefined.items():
            if expr == f"Undefined({args})":
                return existing
        self.undefined[var] = f"Undefined({args})"
        return var

    def context_name(self, name: str) -> str:
        """The root variable of a name read from the context."""
        var = self.root.names.setdefault(name, f"l_{name}")
        self.out.context[name] = var
        return var

    # -- statements
    def block(self, body: list[nodes.Node], frame: _Frame, indent: int) -> None:
        start = len(self.lines)
        for node in body:
            self.statement(node, frame, indent)
        if len(self.lines) == start:
            self.emit(indent, "pass", None)

    def statement(self, node: nodes.Node, frame: _Frame, indent: int) -> None:
        if isinstance(node, nodes.Output):
            self.output(node, frame, indent)
        elif isinstance(node, nodes.If):
            self.if_(node, frame, indent)
        elif isinstance(node, nodes.For):
            self.for_(node, frame, indent)
        elif isinstance(node, nodes.Assign):
            self.seen_store = True
            value = self.expr(node.node, frame)
            self.emit(indent, f"{self.store(node.target, frame)} = {value}", node.lineno)
        elif isinstance(node, nodes.Macro):
            self.macro(node, frame, indent)
        elif isinstance(node, nodes.FromImport):
            self.from_import(node, frame, indent)
        else:
            raise self.fail(node, f"`{type(node).__name__}`")

    def output(self, node: nodes.Output, frame: _Frame, indent: int) -> None:
        # One `w(f"...")` per template line: the values written on that line and the
        # text around them.
        parts: list[tuple[str, str]] = []  # ("text", raw text) or ("value", code)
        line: int | None = None
        for child in node.nodes:
            if isinstance(child, nodes.TemplateData):
                parts.append(("text", child.data))
            elif isinstance(child, nodes.Const):
                parts.append(("text", str(child.value)))  # as Jinja folds it
            else:
                if line is not None and child.lineno != line:
                    self.write(parts, line, indent)
                    parts = []
                line = child.lineno
                parts.append(("value", self.expr(child, frame)))
        self.write(parts, line, indent)

    def write(self, parts: list[tuple[str, str]], line: int | None, indent: int) -> None:
        values = [code for kind, code in parts if kind == "value"]
        if not values:
            if parts:
                self.emit(indent, f'w("{_escape("".join(c for _, c in parts), False)}")', None)
            return
        text = []
        seen = 0
        for kind, code in parts:
            if kind == "text":
                text.append(_escape(code, True))
                continue
            seen += 1
            if seen < len(values):
                # Jinja turns a value into text before it evaluates the next one.
                var = self.temp()
                self.emit(indent, f"{var} = str({code})", line)
                text.append(f"{{{var}}}")
            elif code.isidentifier():
                text.append(f"{{{code}!s}}")
            else:
                var = self.temp()
                self.emit(indent, f"{var} = {code}", line)
                text.append(f"{{{var}!s}}")
        self.emit(indent, f'w(f"{"".join(text)}")', line)

    def if_(self, node: nodes.If, frame: _Frame, indent: int) -> None:
        self.emit(indent, f"if {self.expr(node.test, frame)}:", node.lineno)
        self.block(node.body, frame, indent + 1)
        for elif_ in node.elif_:
            self.emit(indent, f"elif {self.expr(elif_.test, frame)}:", elif_.lineno)
            self.block(elif_.body, frame, indent + 1)
        if node.else_:
            self.emit(indent, "else:", None)
            self.block(node.else_, frame, indent + 1)

    def for_(self, node: nodes.For, frame: _Frame, indent: int) -> None:
        if node.else_ or node.test is not None or node.recursive:
            raise self.fail(node, "`for` with `else`, `if` or `recursive`")
        iterable = self.expr(node.iter, frame)
        depth = _depth(frame) + 1
        inner = _Frame(frame)
        targets = _target_names(node.target, self)
        inner.names.update({n: f"l{depth}_{n}" for n in targets})
        target = self.store(node.target, inner)
        sets = [n for n in _stores(node.body, self) if n not in targets]
        if _uses_loop(node.body):
            inner.loop_index = f"l{depth}_index"
            self.emit(
                indent,
                f"for {inner.loop_index}, {target} in enumerate({iterable}, 1):",
                node.lineno,
            )
        else:
            self.emit(indent, f"for {target} in {iterable}:", node.lineno)
        # What the body sets starts each iteration as the enclosing scope's value.
        for n in sets:
            outer = frame.find(n) or self.context_name(n)
            inner.names[n] = f"l{depth}_{n}"
            self.emit(indent + 1, f"{inner.names[n]} = {outer}", node.lineno)
        self.block(node.body, inner, indent + 1)

    def macro(self, node: nodes.Macro, frame: _Frame, indent: int) -> None:
        if frame is not self.root:
            raise self.fail(node, "a macro inside a block")
        if node.defaults:
            raise self.fail(node, "a macro argument's default")
        depth = _depth(frame) + 1
        inner = _Frame(frame)
        params = []
        for arg in node.args:
            if arg.name in _RESERVED:
                raise self.fail(node, f"the macro argument `{arg.name}`")
            inner.names[arg.name] = f"l{depth}_{arg.name}"
            hint = self.undefined_of(arg.name, f"parameter {arg.name!r} was not provided")
            params.append(f"{inner.names[arg.name]}={hint}")
        var = frame.names[node.name]
        self.emit(indent, f"def {var}({', '.join(params)}):", node.lineno)
        sets = [n for n in _stores(node.body, self) if n not in inner.names]
        for n in sets:
            outer = frame.find(n) or self.context_name(n)
            inner.names[n] = f"l{depth}_{n}"
            self.emit(indent + 1, f"{inner.names[n]} = {outer}", node.lineno)
        self.emit(indent + 1, "out: list[str] = []", None)
        self.emit(indent + 1, "w = out.append", None)
        self.block(node.body, inner, indent + 1)
        self.emit(indent + 1, 'return "".join(out)', None)

    def from_import(self, node: nodes.FromImport, frame: _Frame, indent: int) -> None:
        if frame is not self.root or self.seen_store:
            raise self.fail(node, "an import after a `set`, or inside a block")
        if not node.with_context:
            raise self.fail(node, "an import without `with context`")
        if not isinstance(node.template, nodes.Const) or not isinstance(node.template.value, str):
            raise self.fail(node, "an import of a computed template name")
        self.out.imports.append(node.template.value)
        exported = self.temp()
        i = len(self.out.imports) - 1
        self.emit(indent, f"{exported} = i_{i}(target, names)[1]", node.lineno)
        for entry in node.names:
            name, alias = entry if isinstance(entry, tuple) else (entry, entry)
            hint = (
                f"the template {node.template.value!r} (imported on line {node.lineno} in "
                f"{self.name!r}) does not export the requested name {name!r}"
            )
            missing = self.undefined_of(alias, hint)
            self.emit(
                indent, f"{frame.names[alias]} = {exported}.get({name!r}, {missing})", node.lineno
            )

    def store(self, target: nodes.Node, frame: _Frame) -> str:
        if isinstance(target, nodes.Name):
            return frame.names[target.name]
        if isinstance(target, nodes.Tuple):
            return "(" + "".join(self.store(t, frame) + ", " for t in target.items) + ")"
        raise self.fail(target, f"assigning to `{type(target).__name__}`")

    # -- expressions
    def expr(self, node: nodes.Node, frame: _Frame) -> str:
        if isinstance(node, nodes.Name):
            return self.load(node, frame)
        if isinstance(node, nodes.Const):
            value = node.value
            if isinstance(value, float) and not math.isfinite(value):
                raise self.fail(node, f"the constant {value!r}")
            if isinstance(value, str | int | float | bool) or value is None:
                return repr(value)
            raise self.fail(node, f"the constant {node.value!r}")
        if isinstance(node, nodes.Getattr):
            if isinstance(node.node, nodes.Name) and node.node.name == "loop":
                return self.loop_attribute(node, frame)
            return self.getattr(self.expr(node.node, frame), node.attr)
        if isinstance(node, nodes.Getitem):
            if isinstance(node.arg, nodes.Slice):
                raise self.fail(node, "a slice")
            return f"item_or_attribute({self.expr(node.node, frame)}, {self.expr(node.arg, frame)})"
        if isinstance(node, nodes.Filter):
            return self.filter(node, frame)
        if isinstance(node, nodes.Test):
            if node.name != "none" or node.args or node.kwargs or node.dyn_args or node.dyn_kwargs:
                raise self.fail(node, f"the test `{node.name}`")
            return f"({self.expr(node.node, frame)} is None)"
        if isinstance(node, nodes.Call):
            if node.dyn_args is not None or node.dyn_kwargs is not None:
                raise self.fail(node, "a call with `*args` or `**kwargs`")
            return f"{self.expr(node.node, frame)}({self.arguments(node, frame, [])})"
        if isinstance(node, nodes.Tuple):
            return "(" + "".join(self.expr(i, frame) + ", " for i in node.items) + ")"
        if isinstance(node, nodes.List):
            return "[" + ", ".join(self.expr(i, frame) for i in node.items) + "]"
        if isinstance(node, nodes.Dict):
            pairs = (f"{self.expr(p.key, frame)}: {self.expr(p.value, frame)}" for p in node.items)
            return "{" + ", ".join(pairs) + "}"
        if isinstance(node, nodes.Concat):
            return "(" + " + ".join(f"str({self.expr(n, frame)})" for n in node.nodes) + ")"
        if isinstance(node, nodes.Not):
            return f"(not {self.expr(node.node, frame)})"
        if isinstance(node, nodes.And | nodes.Or):
            op = "and" if isinstance(node, nodes.And) else "or"
            return f"({self.expr(node.left, frame)} {op} {self.expr(node.right, frame)})"
        if type(node) in _BINARY:
            assert isinstance(node, nodes.BinExpr)
            op = _BINARY[type(node)]
            return f"({self.expr(node.left, frame)} {op} {self.expr(node.right, frame)})"
        if isinstance(node, nodes.Compare):
            code = self.expr(node.expr, frame)
            for operand in node.ops:
                if operand.op not in _COMPARE:
                    raise self.fail(node, f"the comparison `{operand.op}`")
                code += f" {_COMPARE[operand.op]} {self.expr(operand.expr, frame)}"
            return f"({code})"
        if isinstance(node, nodes.CondExpr):
            if node.expr2 is None:
                raise self.fail(node, "an inline `if` without `else`")
            test, yes, no = (self.expr(n, frame) for n in (node.test, node.expr1, node.expr2))
            return f"({yes} if {test} else {no})"
        raise self.fail(node, f"`{type(node).__name__}`")

    def load(self, node: nodes.Name, frame: _Frame) -> str:
        name = node.name
        if name == "target":
            return "target"  # the target being rendered (the context's `target`)
        if name in _RESERVED:
            raise self.fail(node, f"the name `{name}`")
        found = frame.find(name)
        if found is not None:
            return found
        if name in self.environment.globals:
            raise self.fail(node, f"Jinja's global `{name}`")
        return self.context_name(name)

    def loop_attribute(self, node: nodes.Getattr, frame: _Frame) -> str:
        loop: _Frame | None = frame
        while loop is not None and loop.loop_index is None:
            loop = loop.parent
        if loop is None or loop.loop_index is None or node.attr not in _LOOP_ATTRIBUTES:
            raise self.fail(node, f"`loop.{node.attr}`")
        index = loop.loop_index
        return {"index": index, "index0": f"({index} - 1)", "first": f"({index} == 1)"}[node.attr]

    def getattr(self, obj: str, name: str) -> str:
        # Jinja's environment.getattr: the attribute, else the item, else Undefined.
        value = self.temp()
        if not obj.isidentifier():
            held = self.temp()
            obj, first = held, f"({held} := {obj})"
        else:
            first = obj
        return (
            f"({value} if ({value} := getattr({first}, {name!r}, MISSING)) is not MISSING "
            f"else attribute_item({obj}, {name!r}))"
        )

    def arguments(self, node: Any, frame: _Frame, first: list[str]) -> str:
        args = first + [self.expr(a, frame) for a in node.args]
        args += [f"{k.key}={self.expr(k.value, frame)}" for k in node.kwargs]
        return ", ".join(args)

    def filter(self, node: nodes.Filter, frame: _Frame) -> str:
        if node.node is None:
            raise self.fail(node, "a filter block")
        if node.dyn_args is not None or node.dyn_kwargs is not None:
            raise self.fail(node, "a filter with `*args` or `**kwargs`")
        value = self.expr(node.node, frame)
        kind, function = self.filter_function(node, node.name)
        if kind != "builtin":
            return f"{function}({self.arguments(node, frame, [value])})"
        if node.kwargs:
            raise self.fail(node, f"the `{node.name}` filter's keyword arguments")
        args = [self.expr(a, frame) for a in node.args]
        if node.name in ("string", "upper", "lower") and not args:
            return {"string": "str({})", "upper": "str({}).upper()", "lower": "str({}).lower()"}[
                node.name
            ].format(value)
        if node.name == "join" and len(args) <= 1:
            sep = args[0] if args else "''"
            return f"str({sep}).join(map(str, {value}))"
        if node.name == "map" and args:
            name = node.args[0]
            if not isinstance(name, nodes.Const) or not isinstance(name.value, str):
                raise self.fail(node, "`map` of a computed filter or of an attribute")
            mapped_kind, mapped = self.filter_function(node, name.value)
            if mapped_kind == "builtin":
                raise self.fail(node, f"`map` of the builtin filter `{name.value}`")
            return f"map_filter({', '.join([value, mapped, *args[1:]])})"
        raise self.fail(node, f"the `{node.name}` filter with these arguments")

    def filter_function(self, node: nodes.Node, name: str) -> tuple[str, str]:
        """How the generated code calls the filter `name`: the target's method (a
        `context_filter`), a filter of the target's (bound when the module is), or a
        builtin the generated code implements. The environment's own order: the
        method filters over the target's filters over Jinja's."""
        target = self.target
        if name in target.method_filters:
            method = target.method_filters[name]
            self.out.method_filters[name] = method
            return "method", f"target.{method}"
        if name in target.filters:
            var = self.out.filters.setdefault(name, f"f_{name}")
            return "filter", var
        if name in BUILTIN_FILTERS:
            self.out.builtin_filters.add(name)
            return "builtin", name
        raise self.fail(node, f"the filter `{name}`")


def _escape(text: str, braces: bool) -> str:
    """`text` as the inside of a double-quoted Python (f-)string literal."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif braces and ch in "{}":
            out.append(ch * 2)
        elif ch == "\n":
            out.append("\\n")
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(repr(ch)[1:-1])
    return "".join(out)


def _depth(frame: _Frame) -> int:
    depth = 0
    while frame.parent is not None:
        frame = frame.parent
        depth += 1
    return depth


def _stores(body: list[nodes.Node], gen: _Codegen) -> list[str]:
    """The names a scope's statements set (through `if` branches, not into a `for`
    or a macro body, which are scopes of their own), in order."""
    found: list[str] = []

    def visit(statements: list[nodes.Node]) -> None:
        for node in statements:
            names: list[str] = []
            if isinstance(node, nodes.Assign):
                names = _target_names(node.target, gen)
            elif isinstance(node, nodes.Macro):
                names = [node.name]
            elif isinstance(node, nodes.FromImport):
                names = [e[1] if isinstance(e, tuple) else e for e in node.names]
            elif isinstance(node, nodes.If):
                visit(node.body)
                for elif_ in node.elif_:
                    visit(elif_.body)
                visit(node.else_)
            for name in names:
                if name in _RESERVED:
                    raise gen.fail(node, f"setting `{name}`")
                if name not in found:
                    found.append(name)

    visit(body)
    return found


def _exports(body: list[nodes.Node]) -> list[str]:
    """What an import of the template sees: its top-level macros and `set`s (Jinja
    leaves out names that start with `_`)."""
    found: list[str] = []
    for node in body:
        if isinstance(node, nodes.Macro):
            found.append(node.name)
        elif isinstance(node, nodes.Assign):
            found += (
                [n.name for n in node.target.find_all(nodes.Name)]
                if isinstance(node.target, nodes.Tuple)
                else [getattr(node.target, "name", "")]
            )
        elif isinstance(node, nodes.If):
            found += _exports(node.body)
            for elif_ in node.elif_:
                found += _exports(elif_.body)
            found += _exports(node.else_)
    return [n for n in dict.fromkeys(found) if n and not n.startswith("_")]


def _target_names(target: nodes.Node, gen: _Codegen) -> list[str]:
    if isinstance(target, nodes.Name):
        if target.name in _RESERVED:
            raise gen.fail(target, f"setting `{target.name}`")
        return [target.name]
    if isinstance(target, nodes.Tuple):
        return [n for item in target.items for n in _target_names(item, gen)]
    raise gen.fail(target, f"assigning to `{type(target).__name__}`")


def _uses_loop(body: list[nodes.Node]) -> bool:
    """Whether a `for` body reads its own `loop` (not an inner loop's)."""

    def visit(node: nodes.Node) -> bool:
        if isinstance(node, nodes.For):
            return any(visit(n) for n in (node.target, node.iter))
        if isinstance(node, nodes.Name) and node.name == "loop":
            return True
        return any(visit(child) for child in node.iter_child_nodes())

    return any(visit(n) for n in body)
