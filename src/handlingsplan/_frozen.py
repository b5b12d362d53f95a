"""Immutable containers for values that hold mappings and sequences.

:class:`FrozenMapping` is an immutable, hashable, picklable mapping; :func:`freeze`
turns nested dicts, lists and sets into frozen mappings, tuples and frozensets, so
that nothing reachable from a public value can be changed in place.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from types import MappingProxyType
from typing import Any, TypeVar

from ._privacy import redacted_repr

V = TypeVar("V")

__all__ = ["FrozenMapping", "freeze", "owning"]


@redacted_repr
class FrozenMapping(Mapping[str, V]):
    """An immutable, hashable mapping from strings, in insertion order.

    >>> FrozenMapping({"months": 24})["months"]
    24
    >>> FrozenMapping({"months": 24})["months"] = 12
    Traceback (most recent call last):
    ...
    TypeError: 'FrozenMapping' object does not support item assignment
    """

    __slots__ = ("_items",)
    _items: Mapping[str, V]

    def __init__(self, items: Mapping[str, V] | Iterable[tuple[str, V]] = ()) -> None:
        # A read-only view of a private copy: not even ``_items`` can be changed.
        _set_items(self, MappingProxyType(dict(items)))

    def __getitem__(self, key: str) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(tuple(self._items.items()))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self._items)!r})"

    def __reduce__(self) -> tuple[type[FrozenMapping[Any]], tuple[dict[str, V]]]:
        return (type(self), (dict(self._items),))


_set_items = FrozenMapping.__dict__["_items"].__set__


def owning(items: dict[str, V]) -> FrozenMapping[V]:
    """A :class:`FrozenMapping` of ``items``, a dict made for it that nothing else holds:
    wrapped as it is, without the copy the constructor makes.

    >>> owning({"months": 24}) == FrozenMapping({"months": 24})
    True
    """
    made: FrozenMapping[V] = object.__new__(FrozenMapping)
    _set_items(made, MappingProxyType(items))
    return made


_PLAIN = frozenset({str, int, float, bool, type(None), _dt.date})
"""Types whose values are immutable and hold nothing: :func:`freeze` keeps them as they are."""


def freeze(value: Any) -> Any:
    """``value`` with every dict, list, set and bytearray in it made immutable.

    Mappings become :class:`FrozenMapping`, lists and tuples tuples, sets frozensets
    and a bytearray bytes, all the way down; other values are kept as they are.

    >>> freeze({"weeks": [1, 2], "codes": {"A"}})
    FrozenMapping({'weeks': (1, 2), 'codes': frozenset({'A'})})
    """
    if type(value) in _PLAIN:
        return value
    if isinstance(value, Mapping):
        return FrozenMapping((key, freeze(item)) for key, item in value.items())
    if isinstance(value, list) or type(value) is tuple:
        return tuple(freeze(item) for item in value)
    if isinstance(value, set | frozenset):
        return frozenset(freeze(item) for item in value)
    if isinstance(value, bytearray):
        return bytes(value)
    return value


def json_ready(value: Any) -> Any:
    """``value`` with dates as ISO strings, enums as their values, tuples as lists and
    mappings as dicts, for JSON.

    >>> json_ready(FrozenMapping({"on": _dt.date(2026, 2, 2), "levels": (1, 2)}))
    {'on': '2026-02-02', 'levels': [1, 2]}
    """
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [json_ready(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): json_ready(item) for key, item in value.items()}
    return value
