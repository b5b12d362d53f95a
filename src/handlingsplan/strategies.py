"""Hypothesis strategies for valid participants, activities and plans.

This module needs `hypothesis <https://hypothesis.readthedocs.io>`_, an optional
dependency of ``handlingsplan`` (``pip install "handlingsplan[test]"``); importing it
without hypothesis installed raises :class:`ImportError`. Nothing else in the package
imports it.

Every strategy generates values that pass the model's own checks: a generated
:class:`~handlingsplan.Plan` has unique ids across its activities and milestones,
interruptions that do not overlap, ``plan_made_on`` and the exit on or after the
referral, a follow-up only after an exit, and an identity number (*personnummer* or
*samordningsnummer*, with a correct check digit) that agrees with the birth date.
Optional fields are sometimes ``None`` and sometimes set; collections are sometimes
empty.

:func:`dates` over-represents the days where date arithmetic goes wrong: 29 February,
the last day of every month, and the days that Lag (1930:173) 2 § treats like
holidays (midsommarafton, julafton, nyårsafton) or that are holidays next to them
(1 January, 6 June). Every other date strategy here is built on it.

Births fall between 1950 and 2012 and referrals between 2018 and 2027 unless asked
otherwise.

>>> from hypothesis import given, settings
>>> from handlingsplan import from_dict, to_dict
>>> @settings(max_examples=10, deadline=None, database=None)
... @given(plans())
... def check_round_trip(plan):
...     assert from_dict(to_dict(plan)) == plan
>>> check_round_trip()
"""

from __future__ import annotations

import calendar
import datetime as _dt
from typing import Any, Final

import pendulum
from hypothesis import strategies as st

from .dates import as_date
from .model import (
    Activity,
    ActivityKind,
    ActivityStatus,
    Area,
    Exit,
    ExitReason,
    FollowUp,
    Gender,
    IdentityNumber,
    Interruption,
    InterruptionReason,
    Milestone,
    MilestoneKind,
    OutcomeStatus,
    Participant,
    Permit,
    PermitKind,
    Plan,
    Programme,
)

__all__ = [
    "activities",
    "awkward_dates",
    "dates",
    "exits",
    "follow_ups",
    "identifiers",
    "identity_numbers",
    "interruptions",
    "milestones",
    "participants",
    "permits",
    "plans",
]

_EARLIEST: Final = _dt.date(1900, 1, 1)
_LATEST: Final = _dt.date(2100, 12, 31)
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
    if last < first:
        raise ValueError(f"{low_name} {first.isoformat()} is after {high_name} {last.isoformat()}")
    return first, last


def _check_id(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"id must be a non-empty string or None, not {value!r}")
    return value


def _shift(day: _dt.date, days: int) -> pendulum.Date:
    """``day`` moved by ``days``, kept inside the range of :class:`datetime.date`."""
    ordinal = min(max(day.toordinal() + days, _dt.date.min.toordinal()), _dt.date.max.toordinal())
    return as_date(_dt.date.fromordinal(ordinal))


# -- dates ------------------------------------------------------------------------


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


_FIXED_DAYS: Final[dict[str, tuple[int, int]]] = {
    "christmas_eve": (12, 24),
    "new_years_eve": (12, 31),
    "new_years_day": (1, 1),
    "national_day": (6, 6),
}
_AWKWARD_KINDS: Final = ("leap_day", "month_end", "midsummer_eve", *_FIXED_DAYS)


def _plain_dates(low: _dt.date, high: _dt.date) -> st.SearchStrategy[pendulum.Date]:
    return st.dates(
        min_value=_dt.date(low.year, low.month, low.day),
        max_value=_dt.date(high.year, high.month, high.day),
    ).map(as_date)


@st.composite
def _awkward_dates(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> pendulum.Date:
    year = draw(st.integers(min_value=low.year, max_value=high.year))
    kind = draw(st.sampled_from(_AWKWARD_KINDS))
    day: pendulum.Date | None
    if kind == "leap_day":
        day = _leap_day_near(year, low, high)
    elif kind == "month_end":
        day = _month_end(year, draw(st.integers(min_value=1, max_value=12)))
    elif kind == "midsummer_eve":
        day = _midsummer_eve(year)
    else:
        month, day_number = _FIXED_DAYS[kind]
        day = pendulum.Date(year, month, day_number)
    if day is None or not low <= day <= high:
        # The range holds no such day (a narrow range, or the first or last year).
        return draw(_plain_dates(low, high))
    return day


def _dates(low: _dt.date, high: _dt.date) -> st.SearchStrategy[pendulum.Date]:
    return st.one_of(_awkward_dates(low, high), _plain_dates(low, high))


def awkward_dates(
    *, min_value: _dt.date = _EARLIEST, max_value: _dt.date = _LATEST
) -> st.SearchStrategy[pendulum.Date]:
    """Only the awkward dates from ``min_value`` to ``max_value`` inclusive.

    29 February, month ends, midsommarafton (the Friday between 19 and 25 June),
    julafton (24 December), nyårsafton (31 December), 1 January and 6 June. Where the
    range holds none of the kind drawn (a range of a few days, say), any date in the
    range.
    """
    low, high = _date_range(min_value, max_value, "min_value", "max_value")
    return _awkward_dates(low, high)


def dates(
    *, min_value: _dt.date = _EARLIEST, max_value: _dt.date = _LATEST
) -> st.SearchStrategy[pendulum.Date]:
    """Dates from ``min_value`` to ``max_value`` inclusive, as ``pendulum.Date``.

    About half of the examples are :func:`awkward_dates`; the rest are spread over the
    whole range. A bound that is not a date, or ``min_value`` after ``max_value``,
    raises an error naming the argument.
    """
    low, high = _date_range(min_value, max_value, "min_value", "max_value")
    return _dates(low, high)


# -- small values -----------------------------------------------------------------


def identifiers() -> st.SearchStrategy[str]:
    """Ids as the model takes them: usually ``sfi-12``-like, sometimes any non-blank text."""
    readable = st.builds(
        "{}-{}".format,
        st.sampled_from(_ID_PREFIXES),
        st.integers(min_value=1, max_value=9999),
    )
    return st.one_of(readable, st.text(min_size=1, max_size=12).filter(str.strip))


def _numbers(low: int, high: int) -> st.SearchStrategy[float]:
    """Numbers in ``[low, high]``, as an ``int`` or as a ``float``."""
    return st.one_of(
        st.integers(min_value=low, max_value=high),
        st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False),
    )


def _luhn_check_digit(payload: str) -> int:
    """The digit that completes ``payload`` to a number passing the Luhn check."""
    total = 0
    for index, char in enumerate(reversed(payload)):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return (10 - total % 10) % 10


@st.composite
def _identity_numbers(draw: st.DrawFn, birth_date: _dt.date | None) -> IdentityNumber:
    born = birth_date if birth_date is not None else draw(_dates(_BORN_FROM, _BORN_UNTIL))
    coordination = draw(st.booleans())
    day = born.day + 60 if coordination else born.day
    serial = draw(st.integers(min_value=1, max_value=999))
    head = f"{born.year:04d}{born.month:02d}{day:02d}"
    tail = f"{serial:03d}"
    check = _luhn_check_digit(head[2:] + tail)
    separator = draw(st.sampled_from(("-", "")))
    return IdentityNumber(f"{head}{separator}{tail}{check}")


def identity_numbers(*, birth_date: _dt.date | None = None) -> st.SearchStrategy[IdentityNumber]:
    """Valid identity numbers, for ``birth_date`` if given.

    Half are *personnummer*, half *samordningsnummer* (the day of birth plus 60). The
    check digit is the Luhn digit over ``YYMMDDNNN`` (Folkbokföringslagen 18 §).
    """
    born = None if birth_date is None else as_date(birth_date, "birth_date")
    return _identity_numbers(born)


# -- the participant --------------------------------------------------------------


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def _permits(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> Permit:
    granted_on = draw(_dates(low, high))
    applied_on = draw(_optional(_dates(_shift(granted_on, -730), granted_on)))
    anchor = draw(_optional(_dates(_shift(granted_on, -6 * 365), granted_on)))
    return Permit(
        kind=draw(st.sampled_from(PermitKind)),
        granted_on=granted_on,
        applied_on=applied_on,
        anchor_first_received_on=anchor,
    )


def permits(
    *, min_granted_on: _dt.date = _ARRIVED_FROM, max_granted_on: _dt.date = _REFERRED_UNTIL
) -> st.SearchStrategy[Permit]:
    """Residence permits of every kind, granted from ``min_granted_on`` to ``max_granted_on``.

    An application date, when there is one, is up to two years before the grant; so is
    an anchor person's first reception, up to six years before.
    """
    low, high = _date_range(min_granted_on, max_granted_on, "min_granted_on", "max_granted_on")
    return _permits(low, high)


@st.composite
def _participants(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> Participant:
    born = draw(_dates(low, high))
    arrived = max(born, as_date(_ARRIVED_FROM))
    last = max(arrived, as_date(_REFERRED_UNTIL))
    return Participant(
        id=draw(identifiers()),
        birth_date=born,
        gender=draw(_optional(st.sampled_from(Gender))),
        identity_number=draw(_optional(_identity_numbers(born))),
        first_registered_on=draw(_optional(_dates(arrived, last))),
        permit=draw(_optional(_permits(arrived, last))),
        unaccompanied_minor=draw(st.booleans()),
        short_education=draw(st.booleans()),
        needs_sfi=draw(st.booleans()),
    )


def participants(
    *, min_birth_date: _dt.date = _BORN_FROM, max_birth_date: _dt.date = _BORN_UNTIL
) -> st.SearchStrategy[Participant]:
    """Participants born from ``min_birth_date`` to ``max_birth_date``.

    Gender, identity number, first registration and permit are each sometimes
    ``None``; registration and permit fall on or after the birth (from 2014 for adults).
    """
    low, high = _date_range(min_birth_date, max_birth_date, "min_birth_date", "max_birth_date")
    return _participants(low, high)


# -- parts of a plan ----------------------------------------------------------------


@st.composite
def _activities(
    draw: st.DrawFn, low: _dt.date, high: _dt.date, activity_id: str | None
) -> Activity:
    start = draw(_dates(low, high))
    optional: dict[str, Any] = {}
    if draw(st.booleans()):
        optional["area"] = draw(st.sampled_from(Area))
    if draw(st.booleans()):
        optional["minors_only"] = draw(st.booleans())
    return Activity(
        id=activity_id if activity_id is not None else draw(identifiers()),
        kind=draw(st.sampled_from(ActivityKind)),
        start=start,
        end=draw(_dates(start, _shift(start, 730))),
        hours_per_week=draw(_numbers(0, 168)),
        status=draw(st.sampled_from(ActivityStatus)),
        provider=draw(_optional(st.text(max_size=30))),
        **optional,
    )


def activities(
    *,
    id: str | None = None,
    min_start: _dt.date = _REFERRED_FROM,
    max_start: _dt.date = _REFERRED_UNTIL,
) -> st.SearchStrategy[Activity]:
    """Activities of every kind and status starting from ``min_start`` to ``max_start``.

    They last up to two years; ``hours_per_week`` is an ``int`` or a ``float`` from 0
    to 168; ``area`` and ``minors_only`` are sometimes left to their defaults. With
    ``id``, every activity has that id.
    """
    low, high = _date_range(min_start, max_start, "min_start", "max_start")
    return _activities(low, high, _check_id(id))


@st.composite
def _milestones(
    draw: st.DrawFn, low: _dt.date, high: _dt.date, milestone_id: str | None
) -> Milestone:
    due = draw(_dates(low, high))
    return Milestone(
        id=milestone_id if milestone_id is not None else draw(identifiers()),
        kind=draw(st.sampled_from(MilestoneKind)),
        title=draw(st.text(max_size=30)),
        due=due,
        achieved_on=draw(_optional(_dates(_shift(due, -365), _shift(due, 365)))),
    )


def milestones(
    *,
    id: str | None = None,
    min_due: _dt.date = _REFERRED_FROM,
    max_due: _dt.date = _REFERRED_UNTIL,
) -> st.SearchStrategy[Milestone]:
    """Milestones (*delmål*) due from ``min_due`` to ``max_due``.

    Some are achieved, up to a year before or after they were due. With ``id``, every
    milestone has that id.
    """
    low, high = _date_range(min_due, max_due, "min_due", "max_due")
    return _milestones(low, high, _check_id(id))


@st.composite
def _interruptions(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> Interruption:
    start = draw(_dates(low, high))
    return Interruption(
        start=start,
        end=draw(_dates(start, _shift(start, 400))),
        reason=draw(st.sampled_from(InterruptionReason)),
    )


def interruptions(
    *, min_start: _dt.date = _REFERRED_FROM, max_start: _dt.date = _REFERRED_UNTIL
) -> st.SearchStrategy[Interruption]:
    """Interruptions starting from ``min_start`` to ``max_start``, lasting up to 401 days."""
    low, high = _date_range(min_start, max_start, "min_start", "max_start")
    return _interruptions(low, high)


def exits(
    *, min_on: _dt.date = _REFERRED_FROM, max_on: _dt.date = _REFERRED_UNTIL
) -> st.SearchStrategy[Exit]:
    """Exits (*avslut*) for every reason, on a day from ``min_on`` to ``max_on``."""
    low, high = _date_range(min_on, max_on, "min_on", "max_on")
    return st.builds(Exit, on=_dates(low, high), reason=st.sampled_from(ExitReason))


def follow_ups(
    *, min_on: _dt.date = _REFERRED_FROM, max_on: _dt.date = _REFERRED_UNTIL
) -> st.SearchStrategy[FollowUp]:
    """Follow-ups (*uppföljning*) with every outcome, on a day from ``min_on`` to ``max_on``."""
    low, high = _date_range(min_on, max_on, "min_on", "max_on")
    return st.builds(FollowUp, on=_dates(low, high), status=st.sampled_from(OutcomeStatus))


# -- the plan ---------------------------------------------------------------------


@st.composite
def _disjoint_interruptions(draw: st.DrawFn, after: _dt.date) -> list[Interruption]:
    """Up to three interruptions that do not overlap, in any order."""
    found: list[Interruption] = []
    cursor = as_date(after)
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        start = _shift(cursor, draw(st.integers(min_value=0, max_value=180)))
        interruption = Interruption(
            start=start,
            end=draw(_dates(start, _shift(start, 400))),
            reason=draw(st.sampled_from(InterruptionReason)),
        )
        found.append(interruption)
        cursor = _shift(interruption.end, 1)
    return draw(st.permutations(found))


@st.composite
def _follow_up_after(draw: st.DrawFn, exit: Exit) -> FollowUp:
    after_90_days = st.just(_shift(exit.on, 90))
    on = draw(st.one_of(after_90_days, _dates(exit.on, _shift(exit.on, 365))))
    return FollowUp(on=on, status=draw(st.sampled_from(OutcomeStatus)))


@st.composite
def _plans(
    draw: st.DrawFn,
    low: _dt.date,
    high: _dt.date,
    participant: st.SearchStrategy[Participant],
) -> Plan:
    referred_on = draw(_dates(low, high))
    activity_count = draw(st.integers(min_value=0, max_value=5))
    milestone_count = draw(st.integers(min_value=0, max_value=3))
    count = activity_count + milestone_count
    ids = draw(st.lists(identifiers(), min_size=count, max_size=count, unique=True))
    first, last = _shift(referred_on, -60), _shift(referred_on, 3 * 365)
    exit = draw(_optional(exits(min_on=referred_on, max_on=_shift(referred_on, 4 * 365))))
    return Plan(
        id=draw(identifiers()),
        participant=draw(participant),
        referred_on=referred_on,
        programme=draw(st.sampled_from(Programme)),
        plan_made_on=draw(_optional(_dates(referred_on, _shift(referred_on, 120)))),
        participation_percent=draw(_numbers(1, 100)),
        activities=tuple(
            draw(_activities(first, last, activity_id)) for activity_id in ids[:activity_count]
        ),
        milestones=tuple(
            draw(_milestones(first, last, milestone_id)) for milestone_id in ids[activity_count:]
        ),
        interruptions=tuple(draw(_disjoint_interruptions(referred_on))),
        exit=exit,
        follow_up=None if exit is None else draw(_optional(_follow_up_after(exit))),
    )


def plans(
    *,
    min_referred_on: _dt.date = _REFERRED_FROM,
    max_referred_on: _dt.date = _REFERRED_UNTIL,
    participant: st.SearchStrategy[Participant] | None = None,
) -> st.SearchStrategy[Plan]:
    """Valid plans referred from ``min_referred_on`` to ``max_referred_on``.

    Up to five activities and three milestones with ids unique across both, up to
    three interruptions that do not overlap, sometimes a plan date, an exit and a
    follow-up after the exit. ``participant`` draws the participant (default
    :func:`participants`), so ``plans(participant=participants(min_birth_date=...))``
    narrows the ages.
    """
    low, high = _date_range(min_referred_on, max_referred_on, "min_referred_on", "max_referred_on")
    if participant is None:
        participant = participants()
    elif not isinstance(participant, st.SearchStrategy):
        raise TypeError(
            f"participant must be a hypothesis strategy, not {type(participant).__name__}"
        )
    return _plans(low, high, participant)
