"""Collecting structural problems so that one error can name all of them."""

from __future__ import annotations

import datetime as _dt
import math
from enum import Enum
from typing import Any, TypeVar

import pendulum

from ..errors import InvalidPlanError

E = TypeVar("E", bound=Enum)


def article(name: str) -> str:
    """``name`` with its indefinite article: "an Activity", "a Plan"."""
    return f"{'an' if name[:1] in 'AEIOU' else 'a'} {name}"


def describe(value: object) -> str:
    """A short description of a bad value for an error message."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"


class Problems:
    """Checks fields of a value under construction and raises once for all problems.

    Fields are normalised in place (a ``datetime.date`` becomes a ``pendulum.Date``,
    an enum's value its member, a list a tuple), so that equal input gives equal values.
    """

    __slots__ = ("_owner", "items")

    def __init__(self, owner: object) -> None:
        self._owner = owner
        self.items: list[tuple[str, str]] = []

    def add(self, path: str, message: str) -> None:
        self.items.append((path, message))

    def _set(self, name: str, value: object) -> None:
        object.__setattr__(self._owner, name, value)

    def date(self, name: str, *, optional: bool = False) -> bool:
        """Check (and normalise) the date field ``name``; True when it is a usable date."""
        value = getattr(self._owner, name)
        if type(value) is pendulum.Date:
            return True
        if value is None and optional:
            return False
        if isinstance(value, _dt.datetime):
            self.add(name, f"must be a date, not a datetime: {value.isoformat()}")
            return False
        if isinstance(value, _dt.date):
            self._set(name, pendulum.Date(value.year, value.month, value.day))
            return True
        self.add(name, f"must be a date, not {describe(value)}")
        return False

    def enum(self, name: str, cls: type[E], *, optional: bool = False) -> bool:
        value = getattr(self._owner, name)
        if isinstance(value, cls):
            return True
        if value is None and optional:
            return False
        if isinstance(value, str):
            try:
                self._set(name, cls(value))
            except ValueError:
                pass
            else:
                return True
        allowed = ", ".join(str(member.value) for member in cls)
        self.add(name, f"must be one of {allowed}; got {describe(value)}")
        return False

    def flag(self, name: str) -> None:
        value = getattr(self._owner, name)
        if not isinstance(value, bool):
            self.add(name, f"must be true or false, not {describe(value)}")

    def text(self, name: str, *, optional: bool = False, nonempty: bool = False) -> None:
        value = getattr(self._owner, name)
        if value is None and optional:
            return
        if not isinstance(value, str):
            self.add(name, f"must be a string, not {describe(value)}")
        elif nonempty and not value.strip():
            self.add(name, "must not be empty")

    def number(self, name: str, low: float, high: float) -> bool:
        value = getattr(self._owner, name)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(name, f"must be a number, not {describe(value)}")
            return False
        if isinstance(value, float) and not math.isfinite(value):
            self.add(name, f"must be finite, not {value!r}")
            return False
        if not low <= value <= high:
            self.add(name, f"must be between {low:g} and {high:g} inclusive, not {value!r}")
            return False
        return True

    def instance(self, name: str, cls: type[Any], *, optional: bool = False) -> bool:
        value = getattr(self._owner, name)
        if isinstance(value, cls):
            return True
        if value is None and optional:
            return False
        self.add(name, f"must be {article(cls.__name__)}, not {describe(value)}")
        return False

    def items_of(self, name: str, cls: type[Any]) -> tuple[Any, ...]:
        """Check that ``name`` holds a sequence of ``cls``; returns the good items."""
        value = getattr(self._owner, name)
        if not isinstance(value, list | tuple):
            self.add(name, f"must be a sequence of {cls.__name__}, not {describe(value)}")
            return ()
        items = value if type(value) is tuple else tuple(value)
        if items is not value:
            self._set(name, items)
        good = []
        for index, item in enumerate(items):
            if isinstance(item, cls):
                good.append(item)
            else:
                self.add(
                    f"{name}[{index}]", f"must be {article(cls.__name__)}, not {describe(item)}"
                )
        return tuple(good)

    def done(self) -> None:
        if self.items:
            raise InvalidPlanError(self.items)
