"""The conditions of a referral to the establishment programme, worked out once.

Lag (2017:584) 2–3 §§: the person has turned 20 and not reached the upper age, holds a
permit for protection (or is a family member who applied within six years), and is
referred within 36 months of the first population registration, not before the permit
and the registration. Förordning (2017:820) 5 §: nobody is referred while a hindrance
(:class:`~handlingsplan.Circumstance`) is in force. The programme exists from
``programme_in_force_from`` (2018-01-01); before it the establishment plan of Lag
(2010:197) applied.

:func:`assess` judges every condition on one day and gives an :class:`Outcome` for each
failed condition or missing fact, with the limit date it compared the day with.
:func:`~handlingsplan.check_eligibility` and the referral rules of the default catalogue
both render these outcomes, so the two can never disagree; their codes, titles and
messages live in :mod:`handlingsplan.rules._condition_specs`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from .._memo import last_call
from ..dates import LeapDay, add_days, add_months, add_years, birthday
from ..model import Participant, PermitKind
from ..parameters import Parameters
from ._condition_specs import (
    AGE,
    FAMILY,
    HINDRANCE,
    MISSING,
    NOT_IN_FORCE,
    NOT_YET,
    PERMIT,
    REGISTRATION,
)

__all__ = ["QUALIFYING_PERMITS", "Assessment", "Outcome", "assess"]

QUALIFYING_PERMITS = frozenset(
    {
        PermitKind.REFUGEE,
        PermitKind.SUBSIDIARY_PROTECTION,
        PermitKind.QUOTA_REFUGEE,
        PermitKind.EXCEPTIONAL_CIRCUMSTANCES,
        PermitKind.IMPEDIMENT_TO_ENFORCEMENT,
        PermitKind.TEMPORARY_PROTECTION,
        PermitKind.FAMILY_MEMBER,
    }
)
"""Permit kinds that can make someone newly arrived under Lag (2017:584) 2 §."""


@attrs.frozen(kw_only=True)
class Outcome:
    """A failed condition, or (``reason`` ``"missing"``) a fact it lacks.

    ``on`` is the date :func:`~handlingsplan.check_eligibility` reports: the limit date
    for the age, the windows and the "not yet" condition, the day asked about otherwise.
    ``facts`` hold ``limit``, the date the day was compared with (``None`` where no date
    is compared: the permit's kind, an open hindrance), beside the condition's own facts.
    ``incurable`` marks a failure no later day can mend (the permit's kind, a late
    family application).
    """

    code: str
    reason: str
    on: _dt.date
    facts: Mapping[str, Any]
    incurable: bool = False

    @property
    def missing(self) -> bool:
        """True when the outcome names a missing fact rather than a failed condition."""
        return self.reason == MISSING


@attrs.frozen(kw_only=True)
class Assessment:
    """Every outcome on ``day``, and the window age, permit, registration and the
    programme's start allow (``None`` when a fact is missing or no day is possible)."""

    day: _dt.date
    outcomes: tuple[Outcome, ...]
    window: tuple[_dt.date, _dt.date] | None


def _missing(code: str, fact: str, day: _dt.date) -> Outcome:
    return Outcome(code=code, reason=MISSING, on=day, facts={"fact": fact})


@last_call
def assess(participant: Participant, day: _dt.date, parameters: Parameters) -> Assessment:
    """Judge every condition of a referral of ``participant`` on ``day``."""
    born = participant.birth_date
    leap: LeapDay = "mar1" if parameters.value("leap_day", born) == "mar1" else "feb28"
    found: list[Outcome] = []

    in_force_from = parameters.date_value("programme_in_force_from", day)
    if day < in_force_from:
        found.append(
            Outcome(code=NOT_IN_FORCE, reason="default", on=day, facts={"limit": in_force_from})
        )

    min_age = parameters.int_value("programme_min_age", day)
    turns_min = birthday(born, min_age, leap_day=leap)
    upper_age = parameters.upper_age_for(born)
    reaches_upper = birthday(born, upper_age, leap_day=leap)
    if day < turns_min:
        facts = {"limit": turns_min, "min_age": min_age}
        found.append(Outcome(code=AGE, reason="too_young", on=turns_min, facts=facts))
    elif day >= reaches_upper:
        facts = {"limit": reaches_upper, "upper_age": upper_age}
        found.append(Outcome(code=AGE, reason="too_old", on=reaches_upper, facts=facts))

    permit = participant.permit
    if permit is None:
        found.append(_missing(PERMIT, "permit", day))
    elif permit.kind not in QUALIFYING_PERMITS:
        found.append(
            Outcome(
                code=PERMIT,
                reason="not_qualifying",
                on=day,
                facts={"limit": None, "kind": permit.kind},
                incurable=True,
            )
        )
    elif permit.kind is PermitKind.FAMILY_MEMBER:
        absent = [
            name
            for name, value in (
                ("permit.applied_on", permit.applied_on),
                ("permit.anchor_first_received_on", permit.anchor_first_received_on),
            )
            if value is None
        ]
        if absent:
            found.append(_missing(FAMILY, ", ".join(absent), day))
        else:
            assert permit.applied_on is not None
            assert permit.anchor_first_received_on is not None
            years = parameters.int_value("family_window_years", permit.anchor_first_received_on)
            last = add_years(permit.anchor_first_received_on, years)
            if permit.applied_on > last:
                facts = {
                    "limit": last,
                    "applied_on": permit.applied_on,
                    "anchor_first_received_on": permit.anchor_first_received_on,
                    "years": years,
                    "last_day": last,
                }
                found.append(
                    Outcome(
                        code=FAMILY,
                        reason="too_late",
                        on=permit.applied_on,
                        facts=facts,
                        incurable=True,
                    )
                )

    registered = participant.first_registered_on
    window_last: _dt.date | None = None
    if registered is None:
        found.append(_missing(REGISTRATION, "first_registered_on", day))
    else:
        months = parameters.int_value("registration_window_months", registered)
        window_last = add_months(registered, months)
        if day > window_last:
            facts = {"limit": window_last, "months": months, "first_registered_on": registered}
            found.append(Outcome(code=REGISTRATION, reason="too_late", on=window_last, facts=facts))

    events = []
    if permit is not None:
        events.append((permit.granted_on, "permit granted"))
    if registered is not None:
        events.append((registered, "first population registration"))
    pending = [(event_day, what) for event_day, what in events if day < event_day]
    if pending:
        event_day, what = max(pending, key=lambda pair: pair[0])
        facts = {"limit": event_day, "event": what}
        found.append(Outcome(code=NOT_YET, reason="default", on=event_day, facts=facts))

    for held in participant.circumstances:
        if held.in_force(day):
            found.append(
                Outcome(
                    code=HINDRANCE,
                    reason=held.kind.value if held.end is not None else f"{held.kind.value}_open",
                    on=day,
                    facts={
                        "limit": held.end,
                        "kind": held.kind,
                        "start": held.start,
                        "end": held.end,
                    },
                )
            )

    window: tuple[_dt.date, _dt.date] | None = None
    settled = not any(outcome.missing or outcome.incurable for outcome in found)
    if settled and permit is not None and registered is not None and window_last is not None:
        first_day = max(turns_min, permit.granted_on, registered, in_force_from)
        last_day = min(add_days(reaches_upper, -1), window_last)
        if first_day <= last_day:
            window = (first_day, last_day)
    return Assessment(day=day, outcomes=tuple(found), window=window)
