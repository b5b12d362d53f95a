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

import datetime as _dt

import pendulum
from hypothesis import strategies as st

from ._strategy_draws import (
    _ARRIVED_FROM,
    _BORN_FROM,
    _BORN_UNTIL,
    _EARLIEST,
    _IDENTIFIERS,
    _LATEST,
    _REFERRED_FROM,
    _REFERRED_UNTIL,
    _check_id,
    _date_range,
    _draw_awkward_date,
    _draw_date,
)
from .dates import as_date
from .model import (
    Activity,
    Circumstance,
    Exit,
    FollowUp,
    IdentityNumber,
    Interruption,
    Milestone,
    Participant,
    Permit,
    Plan,
)

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

from ._strategy_parts import (
    _draw_activity,
    _draw_circumstance,
    _draw_exit,
    _draw_follow_up,
    _draw_identity_number,
    _draw_interruption,
    _draw_milestone,
    _draw_participant,
    _draw_permit,
    _draw_plan,
    _drawn,
)


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


def identity_numbers(*, birth_date: _dt.date | None = None) -> st.SearchStrategy[IdentityNumber]:
    """Valid identity numbers, for ``birth_date`` if given.

    Half are *personnummer*, half *samordningsnummer* (the day of birth plus 60). The
    check digit is the Luhn digit over ``YYMMDDNNN`` (Folkbokföringslagen 18 §).
    """
    born = None if birth_date is None else as_date(birth_date, "birth_date")
    return _drawn(_draw_identity_number, born)


# -- the participant --------------------------------------------------------------


def permits(
    *, min_granted_on: _dt.date = _ARRIVED_FROM, max_granted_on: _dt.date = _REFERRED_UNTIL
) -> st.SearchStrategy[Permit]:
    """Residence permits of every kind, granted from ``min_granted_on`` to ``max_granted_on``.

    An application date, when there is one, is up to two years before the grant; an
    anchor person's first reception up to six years before.
    """
    low, high = _date_range(min_granted_on, max_granted_on, "min_granted_on", "max_granted_on")
    return _drawn(_draw_permit, low, high)


def circumstances(
    *, min_start: _dt.date = _ARRIVED_FROM, max_start: _dt.date = _REFERRED_UNTIL
) -> st.SearchStrategy[Circumstance]:
    """Referral hindrances of every kind starting from ``min_start`` to ``max_start``.

    The period is open (no ``end``) or lasts up to 801 days; periods of a person may
    overlap, as full-time work and asylum housing can.
    """
    low, high = _date_range(min_start, max_start, "min_start", "max_start")
    return _drawn(_draw_circumstance, low, high)


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


def interruptions(
    *, min_start: _dt.date = _REFERRED_FROM, max_start: _dt.date = _REFERRED_UNTIL
) -> st.SearchStrategy[Interruption]:
    """Interruptions starting from ``min_start`` to ``max_start``, lasting up to 401 days."""
    low, high = _date_range(min_start, max_start, "min_start", "max_start")
    return _drawn(_draw_interruption, low, high)


def exits(
    *, min_on: _dt.date = _REFERRED_FROM, max_on: _dt.date = _REFERRED_UNTIL
) -> st.SearchStrategy[Exit]:
    """Exits (*avslut*) for every reason, on a day from ``min_on`` to ``max_on``."""
    low, high = _date_range(min_on, max_on, "min_on", "max_on")
    return _drawn(_draw_exit, low, high)


def follow_ups(
    *, min_on: _dt.date = _REFERRED_FROM, max_on: _dt.date = _REFERRED_UNTIL
) -> st.SearchStrategy[FollowUp]:
    """Follow-ups (*uppföljning*) with every outcome, on a day from ``min_on`` to ``max_on``."""
    low, high = _date_range(min_on, max_on, "min_on", "max_on")
    return _drawn(_draw_follow_up, low, high)


# -- the plan ---------------------------------------------------------------------


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
