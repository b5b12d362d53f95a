"""Collecting structural problems so that one error can name all of them.

Every date a plan holds lies in :data:`DATE_RANGE`, 1900-01-01 to 2199-12-31 inclusive,
so that every key date and rule stays computable. A field that a reader could not read
holds :data:`UNREADABLE` while the object's own checks run: those checks skip it
silently (its problem is already reported at its path) and still judge every other
field, so that one error names every problem at once.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Sequence
from enum import Enum
from typing import Any, Final, TypeVar

import attrs
import pendulum

from .._privacy import echo
from ..errors import ErrorCode, InvalidPlanError

E = TypeVar("E", bound=Enum)

MIN_DATE: Final = pendulum.Date(1900, 1, 1)
"""The earliest date a plan may hold."""

MAX_DATE: Final = pendulum.Date(2199, 12, 31)
"""The latest date a plan may hold."""

DATE_RANGE: Final = (MIN_DATE, MAX_DATE)
"""The dates a plan and its parts may hold, both ends included."""


class _Unreadable:
    """The placeholder for a field that could not be read; see :data:`UNREADABLE`."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "UNREADABLE"

    def __reduce__(self) -> str:
        return "UNREADABLE"


UNREADABLE: Final = _Unreadable()
"""A field whose value could not be read; checks that need it are skipped."""


def article(name: str) -> str:
    """``name`` with its indefinite article: "an Activity", "a Plan"."""
    return f"{'an' if name[:1] in 'AEIOU' else 'a'} {name}"


def kind(value: object) -> str:
    """The kind of ``value`` in JSON's words: "null", "a string", "an object"...

    Values JSON cannot hold are named as Python's: "a date-time", "a Python set".
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list | tuple):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, _dt.datetime):
        return "a date-time"
    if isinstance(value, _dt.date):
        return "a date"
    if attrs.has(type(value)):
        return article(type(value).__name__)
    return f"a Python {type(value).__name__}"


def describe(value: object) -> str:
    """A bad value for an error message: its kind in JSON's words, and a scalar's echo.

    >>> describe(None), describe("15"), describe(True), describe([1, 2]), describe({})
    ('null', "a string '15'", 'a boolean true', 'an array', 'an object')
    """
    what = kind(value)
    if isinstance(value, bool):
        return f"{what} {'true' if value else 'false'}"
    if isinstance(value, int | float | str) or what.startswith("a Python"):
        return f"{what} {echo(value)}"
    return what


def mismatch(value: object) -> ErrorCode:
    """The code for ``value`` where another type was expected: ``null`` is its own."""
    return ErrorCode.NULL_NOT_ALLOWED if value is None else ErrorCode.WRONG_TYPE


def expected(what: str, value: object) -> str:
    """The message for a value of the wrong kind: "expected a string, got a number 15"."""
    return f"expected {what}, got {describe(value)}"


def overlaps(periods: Sequence[tuple[_dt.date, _dt.date]]) -> list[tuple[int, int]]:
    """Pairs ``(j, i)``, ``i < j``, of periods that share a day: one for each ``j`` found.

    Each period is ``(start, end)``, both included. In O(n log n): sorted by start,
    a period overlaps an earlier one exactly when it starts on or before the latest
    end seen so far; it is reported against the period with that end.

    >>> from datetime import date
    >>> overlaps([(date(2025, 1, 1), date(2025, 1, 9)), (date(2025, 2, 1), date(2025, 2, 9)),
    ...           (date(2025, 1, 9), date(2025, 1, 12))])
    [(2, 0)]
    """
    order = sorted(range(len(periods)), key=lambda index: (periods[index][0], index))
    found: dict[int, int] = {}
    reach: int | None = None  # the index of the period with the latest end so far
    for index in order:
        start, end = periods[index]
        if reach is not None and start <= periods[reach][1]:
            later, earlier = max(index, reach), min(index, reach)
            found.setdefault(later, earlier)
        if reach is None or end > periods[reach][1]:
            reach = index
    return sorted(found.items())


def plain_items(value: list[Any] | tuple[Any, ...]) -> tuple[Any, ...]:
    """The items of a list or tuple as a plain tuple; a subclass's own methods are not used."""
    if type(value) is tuple:
        return value
    if isinstance(value, list):
        return tuple(list.__iter__(value))
    return tuple(tuple.__iter__(value))


def indexed(values: object, cls: type[Any]) -> list[tuple[int, Any]]:
    """The items of ``values`` that are ``cls``, with their places in ``values``."""
    if not isinstance(values, tuple):
        return []
    return [(index, item) for index, item in enumerate(values) if isinstance(item, cls)]


class Problems:
    """Checks fields of a value under construction and raises once for all problems.

    Fields are normalised in place (a ``datetime.date`` becomes a ``pendulum.Date``,
    an enum's value its member, a list a tuple, a whole float an int, a subclass of
    ``str`` or ``int`` a plain one), so that equal input gives equal values.
    """

    __slots__ = ("_owner", "items")

    def __init__(self, owner: object) -> None:
        self._owner = owner
        self.items: list[tuple[str, str, ErrorCode]] = []

    def add(self, path: str, message: str, code: ErrorCode) -> None:
        self.items.append((path, message, code))

    def _set(self, name: str, value: object) -> None:
        object.__setattr__(self._owner, name, value)

    def date(self, name: str, *, optional: bool = False) -> bool:
        """Check (and normalise) the date field ``name``; True when it is a usable date."""
        value = getattr(self._owner, name)
        if type(value) is not pendulum.Date:
            if value is UNREADABLE or (value is None and optional):
                return False
            if isinstance(value, _dt.datetime):
                self.add(
                    name,
                    f"expected a date, got a date-time {_dt.datetime.isoformat(value)}",
                    ErrorCode.DATETIME_NOT_ALLOWED,
                )
                return False
            if not isinstance(value, _dt.date):
                self.add(name, expected("a date", value), mismatch(value))
                return False
            value = pendulum.Date(value.year, value.month, value.day)
            self._set(name, value)
        if not MIN_DATE <= value <= MAX_DATE:
            self.add(
                name,
                f"{value.isoformat()} is outside the supported dates "
                f"{MIN_DATE.isoformat()} to {MAX_DATE.isoformat()}",
                ErrorCode.OUT_OF_RANGE,
            )
            return False
        return True

    def enum(self, name: str, cls: type[E], *, optional: bool = False) -> bool:
        value = getattr(self._owner, name)
        if isinstance(value, cls):
            return True
        if value is UNREADABLE or (value is None and optional):
            return False
        if isinstance(value, str):
            member = cls._value2member_map_.get(str.__str__(value))
            if member is not None:
                self._set(name, member)
                return True
        allowed = ", ".join(str(member.value) for member in cls)
        code = ErrorCode.NOT_ONE_OF if isinstance(value, str) else mismatch(value)
        self.add(name, f"expected one of {allowed}; got {describe(value)}", code)
        return False

    def flag(self, name: str) -> None:
        value = getattr(self._owner, name)
        if value is not UNREADABLE and not isinstance(value, bool):
            self.add(name, expected("true or false", value), mismatch(value))

    def text(self, name: str, *, optional: bool = False, nonempty: bool = False) -> bool:
        """Check the string field ``name``; True when it holds a usable string."""
        value = getattr(self._owner, name)
        if type(value) is not str:
            if value is UNREADABLE or (value is None and optional):
                return False
            if not isinstance(value, str):
                self.add(name, expected("a string", value), mismatch(value))
                return False
            value = str.__str__(value)
            self._set(name, value)
        if nonempty and not value.strip():
            self.add(name, "expected a non-empty string, got a blank one", ErrorCode.EMPTY)
            return False
        return True

    def number(self, name: str, low: float, high: float) -> bool:
        value = getattr(self._owner, name)
        if value is UNREADABLE:
            return False
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(name, expected("a number", value), mismatch(value))
            return False
        plain: float = int.__int__(value) if isinstance(value, int) else float.__float__(value)
        if type(plain) is float and not math.isfinite(plain):
            self.add(name, f"expected a finite number, got {plain!r}", ErrorCode.NOT_FINITE)
            return False
        if not low <= plain <= high:
            self.add(
                name,
                f"expected a number from {low:g} to {high:g}, got {echo(plain)}",
                ErrorCode.OUT_OF_RANGE,
            )
            return False
        if type(plain) is float and plain.is_integer():
            plain = int(plain)  # equal numbers give equal values and equal dicts
        if plain is not value:
            self._set(name, plain)
        return True

    def instance(self, name: str, cls: type[Any], *, optional: bool = False) -> bool:
        value = getattr(self._owner, name)
        if isinstance(value, cls):
            return True
        if value is UNREADABLE or (value is None and optional):
            return False
        self.add(name, expected(article(cls.__name__), value), mismatch(value))
        return False

    def items_of(self, name: str, cls: type[Any]) -> tuple[Any, ...]:
        """Check that ``name`` holds a sequence of ``cls``; returns the good items."""
        value = getattr(self._owner, name)
        if value is UNREADABLE:
            return ()
        if not isinstance(value, list | tuple):
            self.add(name, expected(f"an array of {cls.__name__}", value), mismatch(value))
            return ()
        if type(value) is not tuple:
            value = plain_items(value)
            self._set(name, value)
        good = []
        for index, item in enumerate(value):
            if isinstance(item, cls):
                good.append(item)
            elif item is not UNREADABLE:
                self.add(f"{name}[{index}]", expected(article(cls.__name__), item), mismatch(item))
        return tuple(good)

    def done(self) -> None:
        if self.items:
            raise InvalidPlanError(self.items)
