"""Synthetic caseloads: many valid, plausible plans from a seed, for demos and benchmarks.

:func:`caseload` draws every number from ``random.Random(seed)`` alone, walks no set or
dict in hash order and reads no clock, so the same arguments give equal plans on every
machine and Python version that keeps :mod:`random`'s documented sequences. The shares
follow the statistics and statutes cited in :doc:`/explanation/synthetic-caseload`:
about 57 % women, ages 20–64 at referral (most 25–40), a tenth municipal plans for
unaccompanied minors aged 16–17, part time for about 15 %, and 90-day outcomes near
half, lower for women than for men.

The caseload is a snapshot taken on ``referred_to``: activities before it are
completed, those spanning it active, later ones planned, and only exits and follow-ups
that fall on or before it are recorded.

>>> from datetime import date
>>> plans = caseload(3, seed=7)
>>> [plan.id for plan in plans]
['plan-000001', 'plan-000002', 'plan-000003']
>>> caseload(3, seed=7) == plans
True
"""

from __future__ import annotations

import datetime as _dt
import random
from typing import Final

import pendulum

from . import _synthetic_parts as _parts
from ._synthetic_values import day, make, years_before
from .dates import as_date
from .model import (
    Exit,
    FollowUp,
    Gender,
    IdentityNumber,
    Participant,
    Permit,
    PermitKind,
    Plan,
    Programme,
)

__all__ = ["caseload"]

_D: Final = day
_MUNICIPAL_SHARE: Final = 0.10
_GENDERS: Final = (Gender.FEMALE, Gender.MALE, None)
_GENDER_WEIGHTS: Final = (57, 42.5, 0.5)
_PERMITS: Final = (
    PermitKind.REFUGEE,
    PermitKind.SUBSIDIARY_PROTECTION,
    PermitKind.QUOTA_REFUGEE,
    PermitKind.TEMPORARY_PROTECTION,
    PermitKind.EXCEPTIONAL_CIRCUMSTANCES,
    PermitKind.IMPEDIMENT_TO_ENFORCEMENT,
    PermitKind.FAMILY_MEMBER,
)
_PERMIT_WEIGHTS: Final = (28, 20, 7, 12, 3, 2, 28)
# Ages at referral: most 25–40, fewer 20–24 and 41–64 (see the docs page).
_AGE_BANDS: Final = ((20, 24), (25, 40), (41, 64))
_AGE_WEIGHTS: Final = (12, 63, 25)
_TEST_SERIALS: Final = (980, 999)
# The programme's first day (Lag 2017:584), and a last day that leaves every key date
# far inside the model's dates.
_FIRST: Final = _dt.date(2018, 1, 1).toordinal()
_LAST: Final = _dt.date(2150, 12, 31).toordinal()


def caseload(
    n: int,
    *,
    seed: int = 0,
    referred_from: _dt.date = _dt.date(2022, 1, 1),
    referred_to: _dt.date = _dt.date(2025, 12, 31),
    identity_numbers: bool = False,
) -> tuple[Plan, ...]:
    """``n`` valid plans referred from ``referred_from`` to ``referred_to`` inclusive.

    Ids are ``plan-000001`` and ``person-000001`` onwards. With ``identity_numbers``,
    every participant has a fictitious *personnummer* (birth numbers 980–999) that
    agrees with the birth date and the recorded gender. Referrals fall from
    2018-01-01, when the programme began, to 2150-12-31.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"n must be a whole number of at least 0, not {n!r}")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValueError(f"seed must be an int, not {seed!r}")
    if not isinstance(identity_numbers, bool):
        raise ValueError(f"identity_numbers must be true or false, not {identity_numbers!r}")
    first = as_date(referred_from, "referred_from").toordinal()
    last = as_date(referred_to, "referred_to").toordinal()
    if last < first:
        raise ValueError(f"referred_to {referred_to} is before referred_from {referred_from}")
    if first < _FIRST or last > _LAST:
        raise ValueError(
            f"referrals from {referred_from} to {referred_to} fall outside "
            f"{_D(_FIRST).isoformat()} to {_D(_LAST).isoformat()}"
        )
    rng = random.Random(seed)
    return tuple(
        _plan(rng, number, rng.randint(first, last), last, identity_numbers)
        for number in range(1, n + 1)
    )


def _plan(rng: random.Random, number: int, referred: int, seen: int, numbers: bool) -> Plan:
    if rng.random() < _MUNICIPAL_SHARE:
        return _municipal(rng, number, referred, seen, numbers)
    return _establishment(rng, number, referred, seen, numbers)


def _identity(rng: random.Random, born: _dt.date, gender: Gender | None) -> IdentityNumber:
    """A fictitious personnummer: a birth number from 980 to 999, odd for men."""
    serial = rng.randint(*_TEST_SERIALS)
    if (gender is Gender.MALE) != (serial % 2 == 1):
        serial = serial - 1 if serial == _TEST_SERIALS[1] else serial + 1
    payload = f"{born.year % 100:02d}{born.month:02d}{born.day:02d}{serial:03d}"
    total = 0
    for index, char in enumerate(payload):
        product = int(char) * (2 - index % 2)
        total += product - 9 if product > 9 else product
    digits = f"{born.year // 100:02d}{payload}{(10 - total % 10) % 10}"
    number = object.__new__(IdentityNumber)  # valid by construction, as _parts.make
    object.__setattr__(number, "digits", digits)
    return number


def _born(rng: random.Random, referred: int, age: int) -> pendulum.Date:
    """A birth date on which the participant is ``age`` on the ordinal ``referred``."""
    latest = years_before(_D(referred), age).toordinal()
    earliest = years_before(_D(referred), age + 1).toordinal() + 1
    return _D(rng.randint(earliest, latest))


def _permit(rng: random.Random, registered: int, kind: PermitKind) -> Permit:
    granted = registered - rng.randint(5, 100)
    if kind is not PermitKind.FAMILY_MEMBER:
        return make(Permit, kind=kind, granted_on=_D(granted))
    applied = granted - rng.randint(90, 600)
    # The anchor person was received within six years before the application (2 §).
    anchor = applied - rng.randint(200, 5 * 365)
    return make(
        Permit,
        kind=kind,
        granted_on=_D(granted),
        applied_on=_D(applied),
        anchor_first_received_on=_D(anchor),
    )


def _establishment(
    rng: random.Random, number: int, referred: int, seen: int, numbers: bool
) -> Plan:
    gender = rng.choices(_GENDERS, _GENDER_WEIGHTS)[0]
    low, high = rng.choices(_AGE_BANDS, _AGE_WEIGHTS)[0]
    born = _born(rng, referred, rng.randint(low, high))
    registered = referred - rng.randint(14, 300)
    kind = rng.choices(_PERMITS, _PERMIT_WEIGHTS)[0]
    short = rng.random() < 0.25
    person = make(
        Participant,
        id=f"person-{number:06d}",
        birth_date=born,
        gender=gender,
        identity_number=_identity(rng, born, gender) if numbers else None,
        first_registered_on=_D(registered),
        permit=_permit(rng, registered, kind),
        short_education=short,
        needs_sfi=rng.random() < 0.92,
    )
    start = referred + rng.randint(14, 45)
    course = _parts.establishment_course(rng, start, seen, person, registered)
    exit_on, reason = course.exit
    exit = follow_up = None
    if exit_on <= seen:
        exit = make(Exit, on=_D(exit_on), reason=reason)
        follow_up_on = exit_on + 90 + (0 if rng.random() < 0.7 else rng.randint(1, 21))
        if follow_up_on <= seen:
            follow_up = make(
                FollowUp, on=_D(follow_up_on), status=_parts.outcome(rng, reason, gender)
            )
    return make(
        Plan,
        id=f"plan-{number:06d}",
        participant=person,
        referred_on=_D(referred),
        plan_made_on=_D(start) if start <= seen else None,
        participation_percent=course.percent,
        participation_reason=course.reason,
        participation_changes=course.changes,
        activities=course.activities,
        milestones=course.milestones,
        interruptions=course.interruptions,
        absences=course.absences,
        exit=exit,
        follow_up=follow_up,
    )


def _municipal(rng: random.Random, number: int, referred: int, seen: int, numbers: bool) -> Plan:
    """An unaccompanied minor of 16–17 with a guardian and placements for minors only."""
    gender = Gender.MALE if rng.random() < 0.8 else Gender.FEMALE
    # The 18th birthday falls six months to two years after the referral.
    adult = _D(referred + rng.randint(183, 720))
    born = years_before(adult, 18)
    registered = referred - rng.randint(7, 120)
    kind = PermitKind.REFUGEE if rng.random() < 0.5 else PermitKind.SUBSIDIARY_PROTECTION
    person = make(
        Participant,
        id=f"person-{number:06d}",
        birth_date=born,
        gender=gender,
        identity_number=_identity(rng, born, gender) if numbers else None,
        first_registered_on=_D(registered),
        permit=_permit(rng, registered, kind),
        unaccompanied_minor=True,
    )
    return make(
        Plan,
        id=f"plan-{number:06d}",
        programme=Programme.MUNICIPAL,
        participant=person,
        referred_on=_D(referred),
        activities=_parts.minor_activities(rng, referred, seen, born),
        milestones=_parts.minor_milestones(rng, referred, seen, born),
    )
