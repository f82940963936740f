"""Templates at run time: every template of every target ships as plain Python
(`iac/_templates/<target>/templates.py`, a function per template), generated from it
at build time (iac/emit/template_codegen.py), and a run executes that code without
importing Jinja.

`python -m iac.tables --regenerate` writes the bundles after a template changes;
`--check` and tests/test_compiled_templates.py hold them to the sources. A template
whose source no longer matches its code (a checkout mid-edit), or whose code no
longer fits its target's filters, is rendered by Jinja from the source, as before:
an edit shows at once, and only then is Jinja imported.

Both kinds are a `Template`: `render(target, names)` gives the text. The bundles
are plain `.py` files: installing the wheel byte-compiles them like any module, and
`SourceFileLoader` reads that bytecode, once per target. A template's code binds
once per target class (its filters: SAM renders CloudFormation's templates with its
own), so nothing is shared between two targets, or two renders.
"""

from __future__ import annotations

import functools
import importlib.machinery
import os
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..digest import sha256_hex
from ..resources import data_dir

if TYPE_CHECKING:
    import jinja2

    from .base import Target

COMPILED = Path(__file__).resolve().parent.parent / "_templates"
_COMPILED = str(COMPILED)

Root = Callable[[Any, dict[str, Any]], tuple[str, dict[str, Any]]]


BUNDLE = "templates.py"  # one target's templates, a function each


def function_name(name: str) -> str:
    """The bundle's function for the template `name` (as template_codegen names it):
    `queue.yaml.j2` -> `t_queue_yaml_j2`."""
    return "t_" + name.replace(".", "_").replace("/", "__")


def digest(source: bytes) -> str:
    """A template's sha256, of the file's bytes."""
    return sha256_hex(source)


# ---------------------------------------------------------------- what the modules use

MISSING: Any = object()
NO_EXPORTS: Any = types.MappingProxyType({})


class UndefinedError(Exception):
    """A template used a value that is not there (Jinja's `UndefinedError`, with
    Jinja's messages)."""


class Undefined:
    """Jinja's `StrictUndefined`: a missing variable, argument or attribute, which
    raises `UndefinedError` on any use but `is none` (false) and being passed on."""

    __slots__ = ("_hint", "_obj", "_name")

    def __init__(self, hint: str | None = None, obj: Any = MISSING, name: Any = None):
        self._hint = hint
        self._obj = obj
        self._name = name

    def _message(self) -> str:
        if self._hint:
            return self._hint
        if self._obj is MISSING:
            return f"{self._name!r} is undefined"
        if not isinstance(self._name, str):
            return f"{_type_repr(self._obj)} has no element {self._name!r}"
        return f"{_type_repr(self._obj)!r} has no attribute {self._name!r}"

    def _fail(self, *args: Any, **kwargs: Any) -> Any:
        raise UndefinedError(self._message())

    def __getattr__(self, name: str) -> Any:
        if name[:2] == "__" and name[-2:] == "__":
            raise AttributeError(name)
        return self._fail()

    __add__ = __radd__ = __sub__ = __rsub__ = _fail
    __mul__ = __rmul__ = __truediv__ = __rtruediv__ = _fail
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = _fail
    __pos__ = __neg__ = __call__ = __getitem__ = _fail
    __lt__ = __le__ = __gt__ = __ge__ = _fail
    __int__ = __float__ = __complex__ = __pow__ = __rpow__ = _fail
    __iter__ = __str__ = __len__ = __eq__ = __ne__ = __bool__ = __hash__ = _fail
    __contains__ = _fail

    def __repr__(self) -> str:
        return "Undefined"


def _type_repr(obj: Any) -> str:
    if obj is None:
        return "None"
    if obj is Ellipsis:
        return "Ellipsis"
    cls = type(obj)
    if cls.__module__ == "builtins":
        return f"{cls.__name__} object"
    return f"{cls.__module__}.{cls.__name__} object"


def attribute_item(obj: Any, name: str) -> Any:
    """`obj.name` when `obj` has no such attribute: Jinja's `getattr` then tries the
    item, else the value is Undefined."""
    try:
        return obj[name]
    except (TypeError, LookupError, AttributeError):
        return Undefined(obj=obj, name=name)


def item_or_attribute(obj: Any, key: Any) -> Any:
    """`obj[key]` as Jinja's `getitem`: the item, else (for a string key) the
    attribute, else Undefined."""
    try:
        return obj[key]
    except (AttributeError, TypeError, LookupError):
        if isinstance(key, str):
            try:
                return getattr(obj, key)
            except AttributeError:
                pass
        return Undefined(obj=obj, name=key)


def map_filter(value: Any, function: Callable[..., Any], *args: Any) -> Iterator[Any]:
    """Jinja's `map` filter given a filter's name: lazy, like Jinja's."""
    if value:
        for item in value:
            yield function(item, *args)


# ---------------------------------------------------------------- templates


class Template:
    """A template of a target, whichever way it runs."""

    name: str

    def render(self, target: Target, names: dict[str, Any]) -> str:
        raise NotImplementedError


class GeneratedTemplate(Template):
    """A template served from its generated module."""

    def __init__(self, name: str, source_path: str, module: Module, root: Root):
        self.name = name
        self.filename = source_path
        self.module = module
        self.root = root

    def render(self, target: Target, names: dict[str, Any]) -> str:
        try:
            return self.root(target, names)[0]
        except Exception as err:
            # As Jinja does: the traceback shows the template's file and line. The same
            # error, its cause and context untouched.
            raise err.with_traceback(_template_traceback(err.__traceback__))  # noqa: B904


class JinjaTemplate(Template):
    """A template Jinja compiled from its source (a checkout mid-edit)."""

    def __init__(self, template: jinja2.Template):
        self.name = template.name or ""
        self.template = template
        self.globals = dict(template.globals)  # copied once, not into every context

    def render(self, target: Target, names: dict[str, Any]) -> str:
        # `template.render(...)`, without its copy of the globals into each context.
        template = self.template
        parent = {**self.globals, **names, "target": target}
        try:
            return "".join(template.root_render_func(template.new_context(parent, shared=True)))
        except Exception:
            template.environment.handle_exception()


class Module:
    """A template's generated code, loaded once per process (with the rest of its
    target's bundle) and bound once per target class."""

    def __init__(self, path: str, name: str, source_path: str):
        self.path = path
        self.source_path = source_path
        function = _bundle(path)[function_name(name)]
        self.start: int = function.__code__.co_firstlineno
        self.namespace: dict[str, Any] = function()
        self.lines: tuple[tuple[int, int], ...] = self.namespace["LINES"]

    def fits(self, target: type[Target]) -> bool:
        """Whether the module was generated for filters as `target` has them."""
        ns = self.namespace
        methods = target.method_filters
        return (
            tuple(target.extensions) == ns["EXTENSIONS"]
            and all(methods.get(f) == m for f, m in ns["METHOD_FILTERS"].items())
            and all(f in target.filters and f not in methods for f in ns["FILTERS"])
            and not any(f in target.filters or f in methods for f in ns["BUILTIN_FILTERS"])
        )

    def template_line(self, line: int) -> int:
        for python_line, template_line in reversed(self.lines):
            if python_line <= line:
                return template_line
        return 1


_MODULES: dict[tuple[str, str], Module] = {}  # by the bundle's path and the template
_BUNDLES: dict[str, dict[str, Any]] = {}  # a bundle's path -> its namespace


def _bundle(path: str) -> dict[str, Any]:
    namespace = _BUNDLES.get(path)
    if namespace is None:
        folder = os.path.basename(os.path.dirname(path))
        name = f"iac._templates.{folder}.{BUNDLE[:-3]}"
        # Its bytecode, as an import would find it (installing the wheel compiled it).
        code = importlib.machinery.SourceFileLoader(name, path).get_code(name)
        assert code is not None
        namespace = {"__name__": name, "__file__": path}
        exec(code, namespace)
        namespace = _BUNDLES.setdefault(path, namespace)
    return namespace


_MATCHED: dict[str, bool] = {}  # a template's source path -> whether its module is its own


def load_template(target: type[Target], name: str) -> Template | None:
    """The template `name` of `target`: from the target's folder, else from its
    parent's (SAM falls back to CloudFormation); its generated module where that
    matches the source and fits the target's filters, else Jinja's compile of it."""
    folders = _targets_folder()
    for owner in target.lineage():
        # Paths as strings: a run loads some 30 templates, and pathlib's objects cost
        # more than the rest of finding one.
        source_path = os.path.join(folders, owner.name, name)
        matched = _MATCHED.get(source_path)
        if matched is None:
            try:
                with open(source_path, "rb") as file:
                    source = file.read()
            except (FileNotFoundError, NotADirectoryError):
                continue
            matched = _MATCHED.setdefault(
                source_path, _digests(owner.name).get(name) == digest(source)
            )
        template = _generated(target, owner.name, name, source_path) if matched else None
        if template is not None:
            return template
        # Only now is Jinja imported: the template changed since its module was made.
        return JinjaTemplate(target.environment().get_template(name))
    return None


@functools.cache
def _targets_folder() -> str:
    return str(data_dir("targets"))


def _generated(
    target: type[Target], folder: str, name: str, source_path: str
) -> GeneratedTemplate | None:
    path = os.path.join(_COMPILED, folder, BUNDLE)
    module = _MODULES.get((path, name))
    if module is None:
        module = _MODULES.setdefault((path, name), Module(path, name, source_path))
    if not module.fits(target):
        return None
    imports: dict[str, Root] = {}
    for imported in module.namespace["IMPORTS"]:
        template = target.lookup_template(imported)
        if not isinstance(template, GeneratedTemplate):
            return None  # Jinja renders the importer too: it imports through Jinja
        imports[imported] = template.root
    filters = {f: target.filters[f] for f in module.namespace["FILTERS"]}
    root: Root = module.namespace["bind"](filters, imports)
    return GeneratedTemplate(name, source_path, module, root)


def _digests(folder: str) -> dict[str, str]:
    """The sha256 of each template's source its code was generated from."""
    try:
        found: dict[str, str] = _bundle(os.path.join(_COMPILED, folder, BUNDLE))["DIGESTS"]
    except FileNotFoundError:  # a checkout whose bundle was deleted: regenerate it
        return {}
    return found


def _template_traceback(tb: types.TracebackType | None) -> types.TracebackType | None:
    """`tb` without the frame that raised through `render`, each frame of a generated
    module shown as the template's file and line (Jinja's `rewrite_traceback_stack`)."""
    frames: list[types.TracebackType] = []
    tb = tb.tb_next if tb is not None else None  # `render`'s own frame: it raises again
    by_path: dict[str, list[Module]] = {}
    for module in sorted(_MODULES.values(), key=lambda m: m.start):
        by_path.setdefault(module.path, []).append(module)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        generated = None  # the template whose function holds the line: the last before it
        for module in by_path.get(filename, ()):
            if module.start <= tb.tb_lineno:
                generated = module
        if filename == __file__:
            pass  # Undefined and the lookups: the template's line is what matters
        elif generated is None:
            frames.append(tb)
        else:
            fake = _fake_frame(generated.source_path, generated.template_line(tb.tb_lineno))
            frames.append(fake if fake is not None else tb)
        tb = tb.tb_next
    head: types.TracebackType | None = None
    for frame in reversed(frames):
        frame.tb_next = head
        head = frame
    return head


def _fake_frame(filename: str, line: int) -> types.TracebackType | None:
    """A traceback entry at `filename:line`, from code compiled under that name."""
    code = compile("\n" * (line - 1) + "raise __template_exception__", filename, "exec")
    code = code.replace(co_name="template")
    try:
        exec(code, {"__name__": filename, "__template_exception__": _Raised()})
    except _Raised:
        tb = sys.exc_info()[2]
        return tb.tb_next if tb is not None else None
    return None


class _Raised(Exception):
    pass


# ---------------------------------------------------------------- build time


def render_compiled(target: type[Target], folder: Path) -> dict[str, str]:
    """The generated files of one target's own templates folder: file name -> text.
    Each template is parsed by the target's environment (its filters and extensions
    must be known), with its path relative to the repository so the text is the same
    anywhere."""
    from .template_codegen import bundle

    environment = target.environment()
    templates = []
    for path in sorted(folder.iterdir()):
        if not path.name.endswith(".j2"):
            continue
        data = path.read_bytes()  # hashed as `load_template` hashes it
        shown = f"targets/{folder.name}/{path.name}"
        templates.append((data.decode("utf-8"), path.name, shown, digest(data)))
    return {BUNDLE: bundle(environment, templates, target)}
