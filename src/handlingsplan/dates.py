"""Statutory time: date arithmetic as Swedish law computes it.

* Periods of months and years end on the day with the same number in the final
  month, or on that month's last day where it has no such day
  (*Lag (1930:173) om beräkning av lagstadgad tid*, 1 §).
* A deadline for an action that falls on a Saturday, Sunday, other public holiday,
  midsommarafton, julafton or nyårsafton moves to the next weekday (1930:173 2 §).
  Ends of entitlement periods do not move.
* Public holidays follow *Lag (1989:253) om allmänna helgdagar*, from the ``holidays``
  package's Swedish calendar with its ``public`` and ``de_facto`` categories. Only
  that calendar's module is loaded, not the package's other countries.

Every function accepts any :class:`datetime.date` (``pendulum.Date`` included),
returns a ``pendulum.Date`` and refuses a :class:`datetime.datetime` or a non-date
with a :class:`TypeError` naming the argument.

>>> from datetime import date
>>> add_months(date(2024, 1, 31), 1)
Date(2024, 2, 29)
>>> statutory_deadline(date(2026, 12, 24))  # julafton moves to the next weekday
Date(2026, 12, 28)
"""

from __future__ import annotations

import datetime as _dt
from typing import Literal

import pendulum

from ._calendar import (
    birthday_at,
    day_at,
    is_working,
    months_after,
    next_working_day,
    non_working_holidays,
)
from ._privacy import echo

__all__ = [
    "LeapDay",
    "add_days",
    "add_months",
    "add_years",
    "age_on",
    "as_date",
    "birthday",
    "is_working_day",
    "statutory_deadline",
    "working_days",
]

LeapDay = Literal["feb28", "mar1"]
"""Where someone born on 29 February reaches an age in a common year."""

_LEAP_DAYS = ("feb28", "mar1")

_non_working_holidays = non_working_holidays


def as_date(value: object, name: str = "date") -> pendulum.Date:
    """``value`` as a ``pendulum.Date``; a ``TypeError`` naming ``name`` otherwise.

    >>> as_date(_dt.date(2025, 1, 13))
    Date(2025, 1, 13)
    >>> as_date(_dt.datetime(2025, 1, 13, 9, 0), "start")
    Traceback (most recent call last):
    ...
    TypeError: start must be a date, not a datetime: datetime.datetime(2025, 1, 13, 9, 0)
    """
    if type(value) is pendulum.Date:  # the model's dates: the common case first
        return value
    if isinstance(value, _dt.datetime):
        raise TypeError(f"{name} must be a date, not a datetime: {echo(value)}")
    if isinstance(value, _dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    raise TypeError(f"{name} must be a datetime.date, not {type(value).__name__}: {echo(value)}")


def _as_int(value: object, name: str) -> int:
    if type(value) is int or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise TypeError(f"{name} must be an int, not {type(value).__name__}: {echo(value)}")


def _check_leap_day(leap_day: object) -> LeapDay:
    if leap_day == "feb28":
        return "feb28"
    if leap_day == "mar1":
        return "mar1"
    raise ValueError(f"leap_day must be one of {_LEAP_DAYS}, not {echo(leap_day)}")


def add_months(d: _dt.date, months: int) -> pendulum.Date:
    """``d`` plus ``months`` calendar months (Lag 1930:173 1 §); negative counts too.

    The result has the same day number as ``d``; where the final month has no such
    day, it is that month's last day.

    >>> add_months(_dt.date(2023, 1, 31), 1)
    Date(2023, 2, 28)
    >>> add_months(_dt.date(2024, 3, 31), -1)
    Date(2024, 2, 29)
    """
    if type(d) is pendulum.Date and type(months) is int:  # already checked: the model's
        return months_after(d, months)
    return months_after(as_date(d, "d"), _as_int(months, "months"))


def add_days(d: _dt.date, days: int) -> pendulum.Date:
    """``d`` plus ``days`` calendar days (negative counts too).

    >>> add_days(_dt.date(2024, 2, 28), 2)
    Date(2024, 3, 1)
    """
    if type(d) is pendulum.Date and type(days) is int:  # already checked: the model's
        return day_at(d.toordinal() + days)
    return day_at(as_date(d, "d").toordinal() + _as_int(days, "days"))


def add_years(d: _dt.date, years: int) -> pendulum.Date:
    """``d`` plus ``years`` years (Lag 1930:173 1 §): 29 February becomes 28 February.

    >>> add_years(_dt.date(2024, 2, 29), 1)
    Date(2025, 2, 28)
    """
    return months_after(as_date(d, "d"), 12 * _as_int(years, "years"))


def birthday(birth_date: _dt.date, age: int, *, leap_day: LeapDay = "feb28") -> pendulum.Date:
    """The day a person born on ``birth_date`` reaches ``age``.

    For someone born on 29 February, no statute settles the birthday in a common
    year; by analogy with Lag 1930:173 1 § it is 28 February (``leap_day="feb28"``, the
    default), or 1 March with ``leap_day="mar1"``.

    >>> birthday(_dt.date(2008, 2, 29), 18)
    Date(2026, 2, 28)
    >>> birthday(_dt.date(2008, 2, 29), 18, leap_day="mar1")
    Date(2026, 3, 1)
    """
    if type(birth_date) is pendulum.Date and type(age) is int and age >= 0:
        return birthday_at(birth_date, age, _check_leap_day(leap_day))
    born = as_date(birth_date, "birth_date")
    years = _as_int(age, "age")
    if years < 0:
        raise ValueError(f"age must not be negative: {years}")
    return birthday_at(born, years, _check_leap_day(leap_day))


def age_on(birth_date: _dt.date, on: _dt.date, *, leap_day: LeapDay = "feb28") -> int:
    """The age in whole years of a person born on ``birth_date``, on the day ``on``.

    Consistent with :func:`birthday` for every date: ``age_on(b, birthday(b, n)) == n``
    and one day earlier it is ``n - 1``. A day before the birth is refused.

    >>> age_on(_dt.date(2008, 2, 29), _dt.date(2026, 2, 28))
    18
    >>> age_on(_dt.date(2008, 2, 29), _dt.date(2026, 2, 28), leap_day="mar1")
    17
    """
    born = as_date(birth_date, "birth_date")
    day = as_date(on, "on")
    rule = _check_leap_day(leap_day)
    if day < born:
        raise ValueError(f"on ({day}) is before birth_date ({born})")
    years = day.year - born.year
    if birthday_at(born, years, rule) > day:
        years -= 1
    return years


def is_working_day(d: _dt.date) -> bool:
    """Whether ``d`` is a weekday that is not a public holiday nor one of the eves.

    Saturdays, Sundays, public holidays (Lag 1989:253) and midsommarafton, julafton
    and nyårsafton (treated as holidays by Lag 1930:173 2 §) are not working days.

    >>> is_working_day(_dt.date(2026, 6, 19))  # midsommarafton
    False
    >>> is_working_day(_dt.date(2026, 6, 22))
    True
    """
    return is_working(as_date(d, "d"))


def statutory_deadline(d: _dt.date) -> pendulum.Date:
    """The last day for an action due on ``d`` (Lag 1930:173 2 §).

    ``d`` itself when it is a working day, otherwise the next working day. Use this
    for deadlines for actions only, never for the end of an entitlement period.

    >>> statutory_deadline(_dt.date(2026, 12, 31))  # nyårsafton, then 1 Jan, then a Saturday
    Date(2027, 1, 4)
    """
    return next_working_day(as_date(d, "d"))


def working_days(start: _dt.date, end: _dt.date) -> int:
    """The number of working days from ``start`` to ``end``, both included.

    Zero when ``end`` is before ``start``.

    >>> working_days(_dt.date(2026, 12, 21), _dt.date(2027, 1, 3))
    6
    """
    first = as_date(start, "start")
    last = as_date(end, "end")
    if last < first:
        return 0
    total_days = last.toordinal() - first.toordinal() + 1
    full_weeks, rest = divmod(total_days, 7)
    weekdays = full_weeks * 5
    weekday = first.weekday()
    for offset in range(rest):
        if (weekday + offset) % 7 < 5:
            weekdays += 1
    for year in range(first.year, last.year + 1):
        for holiday in _non_working_holidays(year):
            if first <= holiday <= last and holiday.weekday() < 5:
                weekdays -= 1
    return weekdays
