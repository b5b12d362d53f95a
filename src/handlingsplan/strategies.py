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
import functools
from collections.abc import Callable
from typing import Any, Final, TypeVar

import pendulum
from hypothesis import strategies as st

from .dates import as_date
from .model import (
    MAX_DATE,
    MIN_DATE,
    Absence,
    AbsenceReason,
    Activity,
    ActivityKind,
    ActivityStatus,
    Area,
    Circumstance,
    CircumstanceKind,
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
    ParticipationChange,
    ParticipationReason,
    Permit,
    PermitKind,
    Plan,
    Programme,
)

T = TypeVar("T")

__all__ = [
    "activities",
    "awkward_dates",
    "circumstances",
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


@st.composite
def _drawn(draw: st.DrawFn, function: Callable[..., T], *args: Any) -> T:
    """The strategy of ``function(draw, *args)``."""
    return function(draw, *args)


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
    return _drawn(_draw_awkward_date, low, high)


def dates(
    *, min_value: _dt.date = _EARLIEST, max_value: _dt.date = _LATEST
) -> st.SearchStrategy[pendulum.Date]:
    """Dates from ``min_value`` to ``max_value`` inclusive, as ``pendulum.Date``.

    About half of the examples are :func:`awkward_dates`; the rest are spread over the
    whole range. A bound that is not a date, or ``min_value`` after ``max_value``,
    raises an error naming the argument.
    """
    low, high = _date_range(min_value, max_value, "min_value", "max_value")
    return _drawn(_draw_date, low, high)


# -- small values -----------------------------------------------------------------


def identifiers() -> st.SearchStrategy[str]:
    """Ids as the model takes them: usually ``sfi-12``-like, sometimes any non-blank text."""
    return _IDENTIFIERS


def _luhn_check_digit(payload: str) -> int:
    """The digit that completes ``payload`` to a number passing the Luhn check."""
    total = 0
    for index, char in enumerate(reversed(payload)):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return (10 - total % 10) % 10


def _draw_identity_number(draw: st.DrawFn, born: _dt.date | None) -> IdentityNumber:
    if born is None:
        born = _draw_date(draw, _BORN_FROM, _BORN_UNTIL)
    day = born.day + 60 if draw(_BOOLEANS) else born.day
    head = f"{born.year:04d}{born.month:02d}{day:02d}"
    tail = f"{draw(_SERIALS):03d}"
    check = _luhn_check_digit(head[2:] + tail)
    return IdentityNumber(f"{head}{draw(_SEPARATORS)}{tail}{check}")


def identity_numbers(*, birth_date: _dt.date | None = None) -> st.SearchStrategy[IdentityNumber]:
    """Valid identity numbers, for ``birth_date`` if given.

    Half are *personnummer*, half *samordningsnummer* (the day of birth plus 60). The
    check digit is the Luhn digit over ``YYMMDDNNN`` (Folkbokföringslagen 18 §).
    """
    born = None if birth_date is None else as_date(birth_date, "birth_date")
    return _drawn(_draw_identity_number, born)


# -- the participant --------------------------------------------------------------


def _draw_permit(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> Permit:
    granted_on = _draw_date(draw, low, high)
    return Permit(
        kind=draw(_one_of(tuple(PermitKind))),
        granted_on=granted_on,
        applied_on=_draw_optional_date(draw, _shift(granted_on, -730), granted_on),
        anchor_first_received_on=_draw_optional_date(
            draw, _shift(granted_on, -6 * 365), granted_on
        ),
    )


def permits(
    *, min_granted_on: _dt.date = _ARRIVED_FROM, max_granted_on: _dt.date = _REFERRED_UNTIL
) -> st.SearchStrategy[Permit]:
    """Residence permits of every kind, granted from ``min_granted_on`` to ``max_granted_on``.

    An application date, when there is one, is up to two years before the grant; an
    anchor person's first reception up to six years before.
    """
    low, high = _date_range(min_granted_on, max_granted_on, "min_granted_on", "max_granted_on")
    return _drawn(_draw_permit, low, high)


def _draw_circumstance(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> Circumstance:
    start = _draw_date(draw, low, high)
    return Circumstance(
        kind=draw(_one_of(tuple(CircumstanceKind))),
        start=start,
        end=_draw_optional_date(draw, start, _shift(start, 800)),
    )


def circumstances(
    *, min_start: _dt.date = _ARRIVED_FROM, max_start: _dt.date = _REFERRED_UNTIL
) -> st.SearchStrategy[Circumstance]:
    """Referral hindrances of every kind starting from ``min_start`` to ``max_start``.

    The period is open (no ``end``) or lasts up to 801 days; periods of a person may
    overlap, as full-time work and asylum housing can.
    """
    low, high = _date_range(min_start, max_start, "min_start", "max_start")
    return _drawn(_draw_circumstance, low, high)


def _draw_participant(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> Participant:
    born = _draw_date(draw, low, high)
    arrived = max(born, as_date(_ARRIVED_FROM))
    last = max(arrived, as_date(_REFERRED_UNTIL))
    gender, numbered, permitted, minor, short, sfi, hindrances = _draw_choices(
        draw, len(_GENDERS), 2, 2, 2, 2, 2, 4
    )
    return Participant(
        id=draw(_IDENTIFIERS),
        birth_date=born,
        gender=_GENDERS[gender],
        identity_number=_draw_identity_number(draw, born) if numbered else None,
        first_registered_on=_draw_optional_date(draw, arrived, last),
        permit=_draw_permit(draw, arrived, last) if permitted else None,
        unaccompanied_minor=bool(minor),
        short_education=bool(short),
        needs_sfi=bool(sfi),
        circumstances=tuple(
            _draw_circumstance(draw, arrived, last) for _ in range((0, 0, 1, 2)[hindrances])
        ),
    )


def participants(
    *, min_birth_date: _dt.date = _BORN_FROM, max_birth_date: _dt.date = _BORN_UNTIL
) -> st.SearchStrategy[Participant]:
    """Participants born from ``min_birth_date`` to ``max_birth_date``.

    Gender, identity number, first registration and permit are each sometimes
    ``None``; registration, permit and the referral hindrances (none, one or two) fall
    on or after the birth (from 2014 for adults).
    """
    low, high = _date_range(min_birth_date, max_birth_date, "min_birth_date", "max_birth_date")
    return _drawn(_draw_participant, low, high)


# -- parts of a plan ----------------------------------------------------------------


def _draw_activity(
    draw: st.DrawFn, low: _dt.date, high: _dt.date, activity_id: str | None
) -> Activity:
    start = _draw_date(draw, low, high)
    # Area and minors_only: 0 leaves the default, 1 or 2 sets a value.
    kind, status, area, minors, provided = _draw_choices(
        draw, len(_ACTIVITY_KINDS), len(_STATUSES), len(_AREAS) * 2, 4, 2
    )
    defaults_or_not: dict[str, Any] = {}
    if area >= len(_AREAS):
        defaults_or_not["area"] = _AREAS[area - len(_AREAS)]
    if minors >= 2:
        defaults_or_not["minors_only"] = minors == 3
    return Activity(
        id=activity_id if activity_id is not None else draw(_IDENTIFIERS),
        kind=_ACTIVITY_KINDS[kind],
        start=start,
        end=_draw_date(draw, start, _shift(start, 730)),
        hours_per_week=draw(_HOURS),
        status=_STATUSES[status],
        provider=_draw_text(draw) if provided else None,
        **defaults_or_not,
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
    return _drawn(_draw_activity, low, high, _check_id(id))


def _draw_milestone(
    draw: st.DrawFn, low: _dt.date, high: _dt.date, milestone_id: str | None
) -> Milestone:
    due = _draw_date(draw, low, high)
    return Milestone(
        id=milestone_id if milestone_id is not None else draw(_IDENTIFIERS),
        kind=_MILESTONE_KINDS[_draw_choices(draw, len(_MILESTONE_KINDS))[0]],
        title=_draw_text(draw),
        due=due,
        achieved_on=_draw_optional_date(draw, _shift(due, -365), _shift(due, 365)),
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
    return _drawn(_draw_milestone, low, high, _check_id(id))


def _draw_interruption(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> Interruption:
    start = _draw_date(draw, low, high)
    return Interruption(
        start=start,
        end=_draw_date(draw, start, _shift(start, 400)),
        reason=draw(_one_of(tuple(InterruptionReason))),
    )


def interruptions(
    *, min_start: _dt.date = _REFERRED_FROM, max_start: _dt.date = _REFERRED_UNTIL
) -> st.SearchStrategy[Interruption]:
    """Interruptions starting from ``min_start`` to ``max_start``, lasting up to 401 days."""
    low, high = _date_range(min_start, max_start, "min_start", "max_start")
    return _drawn(_draw_interruption, low, high)


def _draw_exit(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> Exit:
    return Exit(on=_draw_date(draw, low, high), reason=draw(_one_of(tuple(ExitReason))))


def exits(
    *, min_on: _dt.date = _REFERRED_FROM, max_on: _dt.date = _REFERRED_UNTIL
) -> st.SearchStrategy[Exit]:
    """Exits (*avslut*) for every reason, on a day from ``min_on`` to ``max_on``."""
    low, high = _date_range(min_on, max_on, "min_on", "max_on")
    return _drawn(_draw_exit, low, high)


def _draw_follow_up(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> FollowUp:
    return FollowUp(on=_draw_date(draw, low, high), status=draw(_one_of(tuple(OutcomeStatus))))


def follow_ups(
    *, min_on: _dt.date = _REFERRED_FROM, max_on: _dt.date = _REFERRED_UNTIL
) -> st.SearchStrategy[FollowUp]:
    """Follow-ups (*uppföljning*) with every outcome, on a day from ``min_on`` to ``max_on``."""
    low, high = _date_range(min_on, max_on, "min_on", "max_on")
    return _drawn(_draw_follow_up, low, high)


# -- the plan ---------------------------------------------------------------------


def _draw_interruptions(draw: st.DrawFn, after: _dt.date, count: int) -> tuple[Interruption, ...]:
    """Up to three interruptions from ``after`` on that do not overlap, in any order."""
    found: list[Interruption] = []
    cursor = as_date(after)
    for _ in range(count):
        start = _shift(cursor, draw(_GAPS))
        interruption = _draw_interruption(draw, start, start)
        found.append(interruption)
        if interruption.end == _LATEST:
            break  # no room for another after the model's last date
        cursor = _shift(interruption.end, 1)
    return tuple(draw(st.permutations(found)))


def _draw_changes(draw: st.DrawFn, start: _dt.date, count: int) -> tuple[ParticipationChange, ...]:
    """Up to two participation changes on strictly increasing days from ``start`` on."""
    found: list[ParticipationChange] = []
    cursor = as_date(start)
    for _ in range(count):
        day = _shift(cursor, draw(_CHANGE_GAPS))
        found.append(
            ParticipationChange(day, draw(_PERCENTS), draw(_one_of((None, *ParticipationReason))))
        )
        if day == _LATEST:
            break  # no room for another after the model's last date
        cursor = _shift(day, 1)
    return tuple(found)


def _draw_absences(draw: st.DrawFn, after: _dt.date, count: int) -> tuple[Absence, ...]:
    """Up to three absences from ``after`` on that do not overlap, some longer than 30 days."""
    found: list[Absence] = []
    cursor = as_date(after)
    for _ in range(count):
        start = _shift(cursor, draw(_GAPS))
        end = _shift(start, draw(_ABSENCE_LENGTHS))
        found.append(
            Absence(
                start,
                end,
                *_pick(draw, tuple(AbsenceReason), (100, 100, 50)),
            )
        )
        if end == _LATEST:
            break
        cursor = _shift(end, 1)
    return tuple(found)


def _draw_unique_ids(draw: st.DrawFn, count: int) -> list[str]:
    """``count`` different ids; a repeat gets its place appended (cheaper than a list)."""
    found: list[str] = []
    for index in range(count):
        candidate = draw(_IDENTIFIERS)
        while candidate in found:
            candidate = f"{candidate}-{index}"
        found.append(candidate)
    return found


def _draw_plan(
    draw: st.DrawFn,
    low: _dt.date,
    high: _dt.date,
    participant: st.SearchStrategy[Participant],
) -> Plan:
    person = draw(participant)
    born = person.birth_date
    # Nothing a plan holds starts before the participant's birth (a participant born
    # after the range is referred on the birth date itself).
    referred_on = _draw_date(draw, max(low, born), max(high, born))
    # The plan's small choices in one draw (see _draw_choices); counts shrink to 0.
    (
        activity_count,
        milestone_count,
        exits,
        reach,
        followed,
        status,
        programme,
        reason,
        changes,
        absences,
        interruptions,
    ) = _draw_choices(draw, 6, 4, 2, 4, 2, len(_OUTCOMES), len(_PROGRAMMES), len(_REASONS), 5, 5, 4)
    ids = _draw_unique_ids(draw, activity_count + milestone_count)
    first, last = max(_shift(referred_on, -60), born), _shift(referred_on, 3 * 365)
    exit = None
    if exits:  # an exit, a few of them on the referral day itself
        exit = _draw_exit(draw, referred_on, _shift(referred_on, _EXIT_REACH[reach]))
    follow_up = None
    if exit is not None and followed:
        follow_up = FollowUp(on=_shift(exit.on, draw(_FOLLOW_UP_DELAYS)), status=_OUTCOMES[status])
    plan_made_on = _draw_optional_date(draw, referred_on, _shift(referred_on, 120))
    percent = draw(_PERCENTS)
    return Plan(
        id=draw(_IDENTIFIERS),
        participant=person,
        referred_on=referred_on,
        programme=_PROGRAMMES[programme],
        plan_made_on=plan_made_on,
        participation_percent=percent,
        participation_reason=_REASONS[reason] if percent < 100 else None,
        participation_changes=_draw_changes(
            draw, plan_made_on or referred_on, _CHANGE_COUNTS[changes]
        ),
        absences=_draw_absences(draw, referred_on, _ABSENCE_COUNTS[absences]),
        activities=tuple(_draw_activity(draw, first, last, id) for id in ids[:activity_count]),
        milestones=tuple(_draw_milestone(draw, first, last, id) for id in ids[activity_count:]),
        interruptions=_draw_interruptions(draw, referred_on, interruptions),
        exit=exit,
        follow_up=follow_up,
    )


def plans(
    *,
    min_referred_on: _dt.date = _REFERRED_FROM,
    max_referred_on: _dt.date = _REFERRED_UNTIL,
    participant: st.SearchStrategy[Participant] | None = None,
) -> st.SearchStrategy[Plan]:
    """Valid plans referred from ``min_referred_on`` to ``max_referred_on``.

    Up to five activities and three milestones with ids unique across both, up to
    three interruptions that do not overlap, up to two participation changes (part time
    sometimes with, sometimes without a reason), up to three absences that do not
    overlap (some full time for more than 30 days), sometimes a plan date, an exit and a
    follow-up after the exit (often 90 days after). The referral and every activity
    start fall on or after the participant's birth date. ``participant`` draws the
    participant (default :func:`participants`), so
    ``plans(participant=participants(min_birth_date=...))`` narrows the ages.
    """
    low, high = _date_range(min_referred_on, max_referred_on, "min_referred_on", "max_referred_on")
    if participant is None:
        participant = participants()
    elif not isinstance(participant, st.SearchStrategy):
        raise TypeError(
            f"participant must be a hypothesis strategy, not {type(participant).__name__}"
        )
    return _drawn(_draw_plan, low, high, participant)
