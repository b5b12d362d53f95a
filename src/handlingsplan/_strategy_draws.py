"""The building blocks of :mod:`handlingsplan.strategies`: argument checks, sub-strategies
built once, and drawn dates (plain, awkward and optional), texts and numbers."""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
from typing import Any, Final

import pendulum
from hypothesis import strategies as st

from .dates import as_date
from .model import (
    MAX_DATE,
    MIN_DATE,
    ActivityKind,
    ActivityStatus,
    Area,
    Gender,
    MilestoneKind,
    OutcomeStatus,
    ParticipationReason,
    Programme,
)

_EARLIEST: Final = MIN_DATE


_LATEST: Final = MAX_DATE


_FIRST_ORDINAL: Final = MIN_DATE.toordinal()


_LAST_ORDINAL: Final = MAX_DATE.toordinal()


_BORN_FROM: Final = _dt.date(1950, 1, 1)


_BORN_UNTIL: Final = _dt.date(2012, 12, 31)


_ARRIVED_FROM: Final = _dt.date(2014, 1, 1)


_REFERRED_FROM: Final = _dt.date(2018, 1, 1)


_REFERRED_UNTIL: Final = _dt.date(2027, 12, 31)


_ID_PREFIXES: Final = ("plan", "deltagare", "sfi", "so", "praktik", "ms", "delmal", "insats")


# -- argument checks --------------------------------------------------------------


def _date_range(
    low: object, high: object, low_name: str, high_name: str
) -> tuple[pendulum.Date, pendulum.Date]:
    first = as_date(low, low_name)
    last = as_date(high, high_name)
    for name, bound in ((low_name, first), (high_name, last)):
        if not MIN_DATE <= bound <= MAX_DATE:
            raise ValueError(
                f"{name} {bound.isoformat()} is outside the model's dates "
                f"{MIN_DATE.isoformat()} to {MAX_DATE.isoformat()}"
            )
    if last < first:
        raise ValueError(f"{low_name} {first.isoformat()} is after {high_name} {last.isoformat()}")
    return first, last


def _check_id(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"id must be a non-empty string or None, not {value!r}")
    return value


# -- strategies built once ----------------------------------------------------------
#
# Building a strategy costs more than drawing from it, so the draw functions below
# reuse these and take plain arguments instead of composing new strategies per draw.


_FIXED_DAYS: Final[dict[str, tuple[int, int]]] = {
    "christmas_eve": (12, 24),
    "new_years_eve": (12, 31),
    "new_years_day": (1, 1),
    "national_day": (6, 6),
}


_BOOLEANS: Final = st.booleans()


@functools.lru_cache(maxsize=1024)
def _integers(low: int, high: int) -> st.SearchStrategy[int]:
    """``st.integers(low, high)``, built once per range: building costs more than drawing."""
    return st.integers(min_value=low, max_value=high)


@functools.cache
def _one_of(values: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    """``st.sampled_from(values)``, built once per choice of values."""
    return st.sampled_from(values)


def _pick(draw: st.DrawFn, *options: tuple[Any, ...]) -> list[Any]:
    """One item of each of ``options``, from a single draw."""
    indices = _draw_choices(draw, *(len(items) for items in options))
    return [items[index] for items, index in zip(options, indices, strict=True)]


def _draw_choices(draw: st.DrawFn, *sizes: int) -> list[int]:
    """One index below each of ``sizes``, from a single draw (mixed radix).

    Every draw costs the engine the same whatever it holds, so independent small
    choices share one: the draw shrinks to 0, and so does each index.
    """
    total = 1
    for size in sizes:
        total *= size
    packed = draw(_integers(0, total - 1))
    found = []
    for size in sizes:
        packed, index = divmod(packed, size)
        found.append(index)
    return found


_GENDERS: Final = (None, *Gender)


_AREAS: Final = tuple(Area)


_ACTIVITY_KINDS: Final = tuple(ActivityKind)


_STATUSES: Final = tuple(ActivityStatus)


_MILESTONE_KINDS: Final = tuple(MilestoneKind)


# Half plain dates, half one of the seven awkward kinds, chosen in one draw.
_DATE_KINDS: Final = st.sampled_from(
    (*(None,) * 7, "leap_day", "month_end", "midsummer_eve", *_FIXED_DAYS)
)


_AWKWARD_KINDS: Final = st.sampled_from(("leap_day", "month_end", "midsummer_eve", *_FIXED_DAYS))


_MONTHS: Final = st.integers(min_value=1, max_value=12)


_SERIALS: Final = st.integers(min_value=1, max_value=999)


_SEPARATORS: Final = st.sampled_from(("-", ""))


# Drawing text costs ten times more than drawing a number, so free text is one
# choice in three, beside fixed titles (empty, Swedish letters, a long one).
_TEXT_PICKS: Final = st.sampled_from(
    (None, None, "", "SFI kurs C godkänd", "Växjö kommun", "Praktik " * 3 + "på förskola")
)


_FREE_TEXTS: Final = st.text(max_size=30)


def _draw_text(draw: st.DrawFn) -> str:
    text: str | None = draw(_TEXT_PICKS)
    return draw(_FREE_TEXTS) if text is None else text


_IDENTIFIERS: Final = st.one_of(
    # One draw for both the prefix and the number: "plan-1" is the simplest.
    st.integers(0, len(_ID_PREFIXES) * 9999 - 1).map(
        lambda n: f"{_ID_PREFIXES[n % len(_ID_PREFIXES)]}-{n // len(_ID_PREFIXES) + 1}"
    ),
    st.text(min_size=1, max_size=12).filter(str.strip),
)


def _numbers(low: int, high: int) -> st.SearchStrategy[float]:
    """Numbers in ``[low, high]``, as an ``int`` or as a ``float``."""
    return st.one_of(
        st.integers(min_value=low, max_value=high),
        st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False),
    )


_HOURS: Final = _numbers(0, 168)


_PERCENTS: Final = _numbers(1, 100)


_CHANGE_COUNTS: Final = (0, 0, 0, 1, 2)


_CHANGE_GAPS: Final = st.integers(min_value=0, max_value=400)


_ABSENCE_COUNTS: Final = (0, 0, 1, 2, 3)


_ABSENCE_LENGTHS: Final = st.sampled_from((0, 9, 29, 30, 44)) | st.integers(0, 90)


_EXIT_REACH: Final = (0, 4 * 365, 4 * 365, 4 * 365)


_OUTCOMES: Final = tuple(OutcomeStatus)


_PROGRAMMES: Final = tuple(Programme)


_REASONS: Final = (None, *ParticipationReason)


# Most follow-ups at the 90 days of the outcome measure or on the exit day itself.
_FOLLOW_UP_DELAYS: Final = st.sampled_from((90, 90, 0, 0)) | st.integers(0, 365)


_GAPS: Final = st.integers(min_value=0, max_value=180)


# -- dates ------------------------------------------------------------------------


def _shift(day: _dt.date, days: int) -> pendulum.Date:
    """``day`` moved by ``days``, kept inside the model's dates (:data:`DATE_RANGE`)."""
    ordinal = min(max(day.toordinal() + days, _FIRST_ORDINAL), _LAST_ORDINAL)
    return as_date(_dt.date.fromordinal(ordinal))


def _midsummer_eve(year: int) -> pendulum.Date:
    """Midsommarafton: the Friday between 19 and 25 June."""
    first = _dt.date(year, 6, 19)
    return pendulum.Date(year, 6, 19 + (4 - first.weekday()) % 7)


def _month_end(year: int, month: int) -> pendulum.Date:
    return pendulum.Date(year, month, calendar.monthrange(year, month)[1])


def _leap_day_near(year: int, low: _dt.date, high: _dt.date) -> pendulum.Date | None:
    """The 29 February in ``[low, high]`` nearest to ``year``; None if there is none.

    Leap years are at most eight years apart, so a search of twelve years either way
    finds one whenever the range holds one.
    """
    for offset in range(13):
        for candidate in (year - offset, year + offset):
            if low.year <= candidate <= high.year and calendar.isleap(candidate):
                day = pendulum.Date(candidate, 2, 29)
                if low <= day <= high:
                    return day
    return None


def _draw_plain_date(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> pendulum.Date:
    return _shift(low, draw(_integers(0, (high - low).days)))


def _draw_awkward_date(
    draw: st.DrawFn, low: _dt.date, high: _dt.date, kind: str | None = None
) -> pendulum.Date:
    if kind is None:
        kind = draw(_AWKWARD_KINDS)
    year = draw(_integers(low.year, high.year))
    day: pendulum.Date | None
    if kind == "leap_day":
        day = _leap_day_near(year, low, high)
    elif kind == "month_end":
        day = _month_end(year, draw(_MONTHS))
    elif kind == "midsummer_eve":
        day = _midsummer_eve(year)
    else:
        month, day_number = _FIXED_DAYS[kind]
        day = pendulum.Date(year, month, day_number)
    if day is None or not low <= day <= high:
        # The range holds no such day (a narrow range, or the first or last year).
        return _draw_plain_date(draw, low, high)
    return day


def _draw_date(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> pendulum.Date:
    kind = draw(_DATE_KINDS)
    if kind is not None:
        return _draw_awkward_date(draw, low, high, kind)
    return _draw_plain_date(draw, low, high)


_OPTIONAL: Final = "absent"


_OPTIONAL_DATE_KINDS: Final = st.sampled_from(
    (_OPTIONAL,) * 14 + (*(None,) * 7, "leap_day", "month_end", "midsummer_eve", *_FIXED_DAYS)
)


def _draw_optional_date(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> pendulum.Date | None:
    """Half the time None; otherwise as :func:`_draw_date`, absence and kind in one draw."""
    kind = draw(_OPTIONAL_DATE_KINDS)
    if kind == _OPTIONAL:
        return None
    if kind is not None:
        return _draw_awkward_date(draw, low, high, kind)
    return _draw_plain_date(draw, low, high)
