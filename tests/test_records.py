"""`@record` (iac/records.py): frozen dataclasses whose `__init__` ships as bytecode."""

from __future__ import annotations

import dataclasses
import importlib
import pickle

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
