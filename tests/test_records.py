"""`@record` (iac/records.py): frozen dataclasses whose `__init__` ships as bytecode."""

from __future__ import annotations

import copy
import dataclasses
import importlib
import pickle
import subprocess
import sys
import typing  # noqa: F401 - string annotations below name these, as dataclasses read them
from collections.abc import Callable
from dataclasses import KW_ONLY, InitVar  # noqa: F401
from typing import ClassVar

import pytest

from iac import records, tables
from iac.records import record


def test_the_generated_file_matches_every_record() -> None:
    for module in records.MODULES:
        importlib.import_module(module)
    shipped = [k for k in records.COMPILED_AT_IMPORT if k.rsplit(".", 1)[0] in records.MODULES]
    assert shipped == []  # none of the shipped records was compiled at import
    assert tables.RECORDS.read_text(encoding="utf-8") == tables.render_records(), (
        "iac/_records.py is stale: run `python -m iac.tables --regenerate`"
    )
    assert len(records.REGISTRY) > 100


def test_a_record_made_elsewhere_never_reaches_the_shipped_file() -> None:
    _pair()  # a record of this test module, in the registry from here on
    assert f"{__name__}.Thing" in records.REGISTRY
    assert "Thing" not in tables.render_records()


def _pair() -> tuple[type, type]:
    """The same class as a record and as a standard frozen dataclass."""

    def body() -> dict[str, object]:
        return {
            "__annotations__": {
                "name": "str",
                "size": "int",
                "tags": "list[str]",
                "note": "str",
                "seen": "int",
                "made": "list[int]",
            },
            "size": 3,
            "tags": dataclasses.field(default_factory=list),
            "note": dataclasses.field(default="n", compare=False, repr=False),
            "seen": dataclasses.field(default=0, init=False),
            "made": dataclasses.field(default_factory=lambda: [1], init=False, hash=False),
            "__post_init__": lambda self: object.__setattr__(self, "seen", self.size * 2),
            "__module__": __name__,
        }

    fast = record(type("Thing", (), body()))
    slow = dataclasses.dataclass(frozen=True)(type("Thing", (), body()))
    return fast, slow


def test_a_record_behaves_as_a_frozen_dataclass() -> None:
    fast, slow = _pair()
    assert f"{__name__}.Thing" in records.COMPILED_AT_IMPORT  # not shipped: compiled here
    a, b = fast("x", 5, ["t"]), slow("x", 5, ["t"])
    assert repr(a) == repr(b) == "Thing(name='x', size=5, tags=['t'], seen=10, made=[1])"
    assert a == fast("x", 5, ["t"], note="other")  # `note` is not compared
    assert a != fast("x", 6, ["t"])
    assert a.__eq__(b) is NotImplemented  # another class, as dataclasses do
    assert fast("x").tags == [] and fast("x").tags is not fast("x").tags
    assert (fast("x").size, fast("x").seen) == (slow("x").size, slow("x").seen) == (3, 6)
    assert [f.name for f in dataclasses.fields(fast)] == [f.name for f in dataclasses.fields(slow)]
    changed = dataclasses.replace(a, size=7)
    assert (changed.size, changed.seen, changed.tags) == (7, 14, ["t"])
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'size'"):
        a.size = 1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del a.name  # type: ignore[misc]
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'name'"):
        fast()
    with pytest.raises(TypeError, match="unexpected keyword argument 'seen'"):
        fast("x", seen=1)
    assert dataclasses.is_dataclass(a)
    assert fast.__init__.__qualname__ == "Thing.__init__"


def test_records_hash_like_dataclasses_and_pickle() -> None:
    from iac.syntax import Name

    one, two = Name("a", None), Name("a", None)  # type: ignore[arg-type]
    assert one == two and hash(one) == hash(two) and len({one, two}) == 1
    assert hash(one) == hash(("a", None))  # the field tuple, as dataclasses hash it
    assert pickle.loads(pickle.dumps(one)) == one


def test_a_frozen_dataclass_may_inherit_from_a_record() -> None:
    fast, _ = _pair()
    assert dataclasses.fields(fast)[0].name == "name"
    assert fast.__dataclass_params__.frozen  # type: ignore[attr-defined]
    sub = dataclasses.dataclass(frozen=True)(
        type("Sub", (fast,), {"__annotations__": {"extra": "int"}, "extra": 1})
    )
    again = record(type("Again", (fast,), {"__annotations__": {"more": "int"}, "more": 2}))
    assert sub("x").extra == 1 and again("x").more == 2 and again("x").seen == 6
    with pytest.raises(dataclasses.FrozenInstanceError):
        again("x").more = 3  # type: ignore[attr-defined]


# -- what `record` registers without `dataclasses.dataclass`, next to what it would


def _twins(
    body: Callable[[], dict[str, object]], bases: tuple[type, ...] = (), **options: bool
) -> list[type]:
    """The same class as a record and as the dataclass the options say."""
    made = []
    for decorate in (record(**options), dataclasses.dataclass(**{"frozen": True, **options})):
        made.append(decorate(type("Twin", bases, {"__module__": __name__, **body()})))
    return made


def _described(cls: type) -> list[object]:
    """All that dataclasses leave on a class for others to read."""
    fields = cls.__dataclass_fields__  # type: ignore[attr-defined]
    return [
        repr(cls.__dataclass_params__),  # type: ignore[attr-defined]
        cls.__dict__.get("__match_args__"),
        cls.__doc__,
        cls.__hash__ is None,
        "__replace__" in cls.__dict__,
        [
            (key, f.name, f.type, f.default, f.default_factory, f.init, f.repr, f.hash)
            + (f.compare, dict(f.metadata), f.kw_only, f._field_type)
            for key, f in fields.items()
        ],
        {name: repr(cls.__dict__.get(name, "<absent>")) for name in fields},
    ]


def _body() -> dict[str, object]:
    return {
        "__annotations__": {
            "name": "str",
            "size": "int",
            "kinds": "ClassVar[tuple[str, ...]]",
            "limit": "typing.ClassVar[int]",
            "tags": "tuple[str, ...]",
            "note": "str",
            "seen": "int",
            "meta": "str",
        },
        "size": 3,
        "kinds": ("a",),
        "limit": 9,
        "tags": dataclasses.field(default=(), metadata={"doc": "x"}),
        "note": dataclasses.field(repr=False, compare=False, default="n"),
        "seen": dataclasses.field(default=0, init=False, hash=False),
        "meta": dataclasses.field(default_factory=str, init=False),
    }


def test_a_record_registers_its_fields_as_dataclasses_would() -> None:
    fast, slow = _twins(_body)
    assert _described(fast) == _described(slow)
    assert [f.name for f in dataclasses.fields(fast)] == ["name", "size", "tags", "note"] + [
        "seen",
        "meta",
    ]  # the ClassVars are pseudo-fields, as dataclasses keep them
    assert fast.__dict__["size"] == 3 and fast.__dict__["tags"] == ()  # plain defaults stay
    assert "meta" not in fast.__dict__  # a `field()` without a default goes
    assert fast.__match_args__ == ("name", "size", "tags", "note")  # type: ignore[attr-defined]
    assert fast.kinds == ("a",) and fast.limit == 9  # type: ignore[attr-defined]
    one = fast("x", 4, ("t",))
    assert dataclasses.asdict(one) == dataclasses.asdict(slow("x", 4, ("t",)))
    assert dataclasses.astuple(one) == ("x", 4, ("t",), "n", 0, "")
    with pytest.raises((TypeError, ValueError), match="init=False"):
        dataclasses.replace(one, seen=1)
    assert dataclasses.replace(one, note="m").note == "m"
    match one:
        case fast(name, size, tags, note):  # type: ignore[misc]
            assert (name, size, tags, note) == ("x", 4, ("t",), "n")
        case _:
            pytest.fail("no match on __match_args__")


def test_a_record_of_other_options_is_that_dataclass() -> None:
    def body() -> dict[str, object]:
        return {"__annotations__": {"name": "str", "items": "list[int]"}, "items": _factory()}

    for options in ({"eq": False}, {"frozen": False}):
        fast, slow = _twins(body, **options)
        assert _described(fast) == _described(slow), options
        a, b = fast("x"), slow("x")
        assert repr(a).replace("Twin", "") == repr(b).replace("Twin", "")
        assert (a == fast("x")) == (b == slow("x")), options
    mutable, _ = _twins(body, frozen=False)
    one = mutable("x")
    one.name = "y"  # a mutable record takes assignment, and is unhashable as it compares
    assert one == mutable("y") and mutable.__hash__ is None
    identity, _ = _twins(body, eq=False)
    first = identity("x")
    assert first != identity("x") and hash(first) == object.__hash__(first)
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.name = "y"  # type: ignore[misc]


@record
class Kept:
    """A record at module level, so that pickle finds it."""

    name: str
    size: int = 3
    kinds: ClassVar[tuple[str, ...]] = ("a",)
    tags: tuple[str, ...] = dataclasses.field(default=(), compare=False)
    seen: int = dataclasses.field(default=0, init=False)


@record(frozen=False)
class Changing:
    name: str
    items: list[int] = dataclasses.field(default_factory=list)


@record(slots=True)
class Slotted:
    name: str
    size: int = 3


def test_a_slotted_record_is_the_slotted_dataclass() -> None:
    def body() -> dict[str, object]:
        return {"__annotations__": {"name": "str", "size": "int"}, "size": 3}

    for frozen in (True, False):
        fast, slow = _twins(body, slots=True, frozen=frozen)
        assert _described(fast) == _described(slow)
        assert fast.__slots__ == slow.__slots__ == ("name", "size")  # type: ignore[attr-defined]
        one = fast("x")
        assert (
            not hasattr(one, "__dict__") and one.size == 3 and repr(one) == "Twin(name='x', size=3)"
        )
        assert records.REGISTRY[f"{__name__}.Twin"][0] is fast  # the new class, not the old
    one = Slotted("x", 4)
    assert pickle.loads(pickle.dumps(one)) == one and copy.copy(one) == one
    with pytest.raises(dataclasses.FrozenInstanceError):
        one.size = 5  # type: ignore[misc]


def test_records_pickle_and_copy() -> None:
    one = Kept("x", 4, ("t",))
    for again in (pickle.loads(pickle.dumps(one)), copy.copy(one), copy.deepcopy(one)):
        assert again == one and again.tags == ("t",) and again.seen == 0
    assert [f.name for f in dataclasses.fields(Kept)] == ["name", "size", "tags", "seen"]
    assert (
        Kept.__doc__ and Changing.__doc__ == "Changing(name: 'str', items: 'list[int]' = <factory>)"
    )
    two = Changing("y", [1])
    two.items.append(2)
    assert pickle.loads(pickle.dumps(two)) == two == copy.deepcopy(two) == Changing("y", [1, 2])


def _factory() -> dataclasses.Field[list[int]]:
    return dataclasses.field(default_factory=list)


def test_a_record_inherits_fields_and_defaults() -> None:
    base, _ = _twins(lambda: {"__annotations__": {"name": "str", "size": "int"}, "size": 3})
    fast, slow = _twins(
        lambda: {"__annotations__": {"extra": "int", "size": "int"}, "extra": 1}, (base,)
    )
    assert _described(fast) == _described(slow)
    assert [f.name for f in dataclasses.fields(fast)] == ["name", "size", "extra"]
    assert fast("x", 5) == fast("x", 5, 1) and fast("x").size == 3  # type: ignore[call-arg]
    assert fast.__match_args__ == ("name", "size", "extra")  # type: ignore[attr-defined]
    assert fast.__dataclass_fields__["name"] is base.__dataclass_fields__["name"]  # type: ignore[attr-defined]


def test_a_record_keeps_the_methods_its_class_defines() -> None:
    fast, slow = _twins(
        lambda: {
            "__annotations__": {"name": "str"},
            "__repr__": lambda self: "mine",
            "__eq__": lambda self, other: True,
        }
    )
    assert repr(fast("x")) == repr(slow("x")) == "mine"
    assert fast("x") == fast("y") and hash(fast("x")) == hash(("x",))  # eq in body: hashed anew
    with pytest.raises(TypeError, match="__setattr__"):
        record(type("Bad", (), {"__annotations__": {}, "__setattr__": lambda *a: None}))


def test_records_refuse_what_they_do_not_do() -> None:
    with pytest.raises(ValueError, match="mutable default <class 'list'> for field items"):
        record(type("Bad", (), {"__annotations__": {"items": "list[int]"}, "items": []}))
    with pytest.raises(TypeError, match="is a field but has no type annotation"):
        record(type("Bad", (), {"__annotations__": {}, "items": dataclasses.field(default=1)}))
    for annotation in ("InitVar[int]", "dataclasses.InitVar[int]", "KW_ONLY"):
        body = {"__annotations__": {"x": annotation}, "__module__": __name__}
        with pytest.raises(TypeError, match="records have no InitVar or KW_ONLY"):
            record(type("Bad", (), body))
    with pytest.raises(TypeError, match="keyword-only"):
        record(
            type("Bad", (), {"__annotations__": {"x": "int"}, "x": dataclasses.field(kw_only=True)})
        )


def test_a_plain_subclass_of_a_frozen_record_takes_other_attributes() -> None:
    for base in _twins(lambda: {"__annotations__": {"name": "str"}}):
        sub = type("Sub", (base,), {})
        one = sub("x")
        one.extra = 1  # not a field: a frozen dataclass lets its plain subclass set it
        del one.extra
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'name'"):
            one.name = "y"
        with pytest.raises(dataclasses.FrozenInstanceError):
            base("x").extra = 1


def test_the_start_up_path_loads_no_dataclasses() -> None:
    """`iac check` and `iac compile` (the front end, the compiler, the command line,
    the four targets) make only records, and never load `dataclasses`: it loads
    `inspect`, `ast`, `dis` and `tokenize` (~7 ms), and `dataclasses.dataclass` costs
    ~0.6 ms a class (a record a tenth of that)."""
    script = (
        "import sys\n"
        "import iac.frontend, iac.compiler, iac.commands\n"
        "from iac.emit.registry import target_class\n"
        "for name in ('cfn', 'terraform', 'sam', 'cdk'):\n"
        "    target_class(name)\n"
        "print([m for m in ('dataclasses', 'inspect') if m in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_a_default_is_read_as_getattr_reads_it() -> None:
    """From the class, its bases (records or not) and `type` itself, as dataclasses
    read it: a field named like a class attribute takes that attribute as its default."""
    plain = type("Plain", (), {"size": 3})
    fast, slow = _twins(lambda: {"__annotations__": {"name": "str", "size": "int"}}, (plain,))
    assert _described(fast) == _described(slow)
    assert fast("x").size == 3 and "size" not in fast.__dict__  # the base keeps it
    twins = _twins(lambda: {"__annotations__": {"mro": "int"}})
    odd = [twin.__dataclass_fields__["mro"].default for twin in twins]  # type: ignore[attr-defined]
    assert [default.__name__ for default in odd] == ["mro", "mro"]


def test_records_own_field_fields_replace_and_is_dataclass_agree_with_dataclasses() -> None:
    """What the package calls instead of dataclasses' functions (so as not to load
    them) answers as they do, for records and for dataclasses alike."""

    def body(make_field: Callable[..., object]) -> Callable[[], dict[str, object]]:
        return lambda: {
            "__annotations__": {"name": "str", "tags": "list[str]", "seen": "int"},
            "tags": make_field(default_factory=list, compare=False, metadata={"a": 1}),
            "seen": make_field(default=0, init=False),
        }

    fast = record(type("Twin", (), {"__module__": __name__, **body(records.field)()}))
    _, slow = _twins(body(dataclasses.field))
    assert _described(fast) == _described(slow)
    plain = dataclasses.dataclass(type("Plain", (), {"__annotations__": {"x": "int"}}))
    for cls in (fast, slow, plain):
        assert [f.name for f in records.fields(cls)] == [f.name for f in dataclasses.fields(cls)]
        assert records.is_dataclass(cls) and dataclasses.is_dataclass(cls)
    assert not records.is_dataclass(int) and not records.is_dataclass(3)
    one, two = fast("x", ["t"]), slow("x", ["t"])
    assert repr(records.replace(one, name="y")) == repr(dataclasses.replace(two, name="y"))
    assert records.replace(plain(1), x=2) == plain(2)
    with pytest.raises(Exception, match="init=False") as ours:
        records.replace(one, seen=1)
    with pytest.raises(Exception, match="init=False") as theirs:
        dataclasses.replace(two, seen=1)
    assert ours.type is theirs.type  # ValueError until 3.12, TypeError from 3.13


def test_a_records_dataclass_fields_are_made_once_when_first_read() -> None:
    fast = record(type("Late", (), {"__module__": __name__, "__annotations__": {"x": "int"}}))
    assert not isinstance(fast.__dict__["__dataclass_fields__"], dict)  # not made yet
    first = fast.__dataclass_fields__  # type: ignore[attr-defined]
    assert fast.__dict__["__dataclass_fields__"] is first  # set in its place: made once
    assert dataclasses.fields(fast(1))[0] is first["x"]
    assert fast.__dataclass_params__ is fast.__dict__["__dataclass_params__"]  # type: ignore[attr-defined]
