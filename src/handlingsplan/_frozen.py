"""An immutable, hashable, picklable mapping, for values that hold mappings."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Mapping
from enum import Enum
from typing import Any, TypeVar

from ._privacy import redacted_repr

V = TypeVar("V")


@redacted_repr
class FrozenMapping(Mapping[str, V]):
    """An immutable, hashable mapping from strings, in insertion order.

    >>> FrozenMapping({"months": 24})["months"]
    24
    """

    __slots__ = ("_items",)
    _items: dict[str, V]

    def __init__(self, items: Mapping[str, V] | Iterable[tuple[str, V]] = ()) -> None:
        object.__setattr__(self, "_items", dict(items))

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
        return f"{type(self).__name__}({self._items!r})"

    def __reduce__(self) -> tuple[type[FrozenMapping[Any]], tuple[dict[str, V]]]:
        return (type(self), (self._items,))


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
