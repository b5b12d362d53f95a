"""The calendar's cores: date arithmetic on values already checked, remembered by day.

:mod:`handlingsplan.dates` checks its arguments at the public boundary and then calls
these; the key dates and the programme clock call them directly with the model's dates
(``pendulum.Date``) and whole numbers from the parameters, which need no second check.

Each function is pure, of dates and small whole numbers. Only the next working day is
remembered, in a bounded cache keyed by the day alone: the days of a caseload recur, and
finding the next one looks up holidays. Month arithmetic and birthdays are cheaper to
work out than to remember: keyed by a person's birth, a cache of them turned over on
every plan of a large caseload, and the churn made a plan of 10 000 cost 40 % more than
one of 1 000.
"""

from __future__ import annotations

import datetime as _dt
import types
from functools import lru_cache
from importlib.machinery import SourceFileLoader
from pathlib import Path
from typing import Literal

import holidays
import pendulum
from holidays.holiday_base import HolidayBase

__all__ = [
    "birthday_at",
    "day_at",
    "is_working",
    "months_after",
    "next_working_day",
    "non_working_holidays",
]

_CACHED_DAYS = 8192
"""How many next working days are remembered at most (some 22 years of days)."""

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_days(year: int, month: int) -> int:
    return 29 if month == 2 and _is_leap(year) else _MONTH_DAYS[month - 1]


def day_at(ordinal: int) -> pendulum.Date:
    """The day with the proleptic Gregorian ``ordinal``, as a ``pendulum.Date``."""
    day = _dt.date.fromordinal(ordinal)
    return pendulum.Date(day.year, day.month, day.day)


def months_after(day: _dt.date, months: int) -> pendulum.Date:
    """``day`` plus ``months`` calendar months (negative counts too), Lag 1930:173 1 §:
    the same day number, or the final month's last day where it has no such day."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    if not _dt.MINYEAR <= year <= _dt.MAXYEAR:
        raise OverflowError(f"date out of range: year {year}")
    return pendulum.Date(year, month, min(day.day, _month_days(year, month)))


def birthday_at(born: _dt.date, years: int, leap_day: Literal["feb28", "mar1"]) -> pendulum.Date:
    """The day someone born on ``born`` reaches ``years`` (``years`` >= 0); a 29 February
    birth reaches it on ``leap_day`` in a common year."""
    year = born.year + years
    if born.month == 2 and born.day == 29 and not _is_leap(year):
        return pendulum.Date(year, 3, 1) if leap_day == "mar1" else pendulum.Date(year, 2, 28)
    return pendulum.Date(year, born.month, born.day)


_SWEDEN_MODULE = "holidays.countries.sweden"


@lru_cache(maxsize=1)
def _sweden() -> type[HolidayBase]:
    """The ``holidays`` package's Swedish calendar class, loaded from its module alone.

    ``holidays.country_holidays`` and any import from ``holidays.countries`` run that
    package's ``__init__``, which imports every country's module (some 250 files).
    The Swedish module imports only the package's shared base and calendar modules,
    so it is loaded from its file on its own, without being registered as the
    package's submodule.
    """
    path = Path(holidays.__file__).parent / "countries" / "sweden.py"
    loader = SourceFileLoader(_SWEDEN_MODULE, str(path))
    module = types.ModuleType(loader.name)
    module.__file__ = loader.path
    module.__loader__ = loader
    loader.exec_module(module)
    sweden: type[HolidayBase] = module.Sweden
    return sweden


@lru_cache(maxsize=512)
def non_working_holidays(year: int) -> frozenset[_dt.date]:
    """Public holidays and the three eves of ``year`` (the calendar omits plain Sundays)."""
    calendar_ = _sweden()(years=year, categories=("public", "de_facto"))
    return frozenset(calendar_.keys())


def is_working(day: _dt.date) -> bool:
    """Whether ``day`` is a weekday that is neither a public holiday nor one of the eves."""
    return day.weekday() < 5 and day not in non_working_holidays(day.year)


@lru_cache(maxsize=_CACHED_DAYS)
def next_working_day(day: _dt.date) -> pendulum.Date:
    """``day`` when it is a working day, otherwise the next one (Lag 1930:173 2 §)."""
    ordinal = day.toordinal()
    while not is_working(day):
        ordinal += 1
        day = _dt.date.fromordinal(ordinal)
    return pendulum.Date(day.year, day.month, day.day)
