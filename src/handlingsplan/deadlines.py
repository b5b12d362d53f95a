"""Key dates of a plan: ends of periods, birthdays and deadlines for actions.

:func:`deadlines` computes them once from the plan and the parameters. Each key date
uses the parameter values in force on the event that starts its clock (the plan's
start, the first registration, the exit, the birth, a course's start; the earliest
value where the event precedes a parameter's history), so a plan's key dates do not
depend on the day you ask.

``act_by`` is :func:`~handlingsplan.dates.statutory_deadline` of ``due`` for time limits
on an action (Lag 1930:173 2 §) and equal to ``due`` for ends of periods, birthdays and
milestones.

>>> from datetime import date
>>> from handlingsplan import Participant, Plan
>>> plan = Plan(id="p", referred_on=date(2025, 1, 13), plan_made_on=date(2025, 2, 3),
...             participant=Participant(id="d", birth_date=date(1990, 5, 17),
...                                     first_registered_on=date(2024, 11, 4)))
>>> for d in deadlines(plan):
...     print(d.due, d.act_by, d.kind.value)
2025-05-03 2025-05-05 sfi_start
2027-02-03 2027-02-03 programme_end
2027-11-04 2027-11-04 civic_orientation_duty_end
2027-11-25 2027-11-25 registration_window_end
2057-05-17 2057-05-17 upper_age
"""

from __future__ import annotations

import datetime as _dt
import math
from enum import StrEnum
from fractions import Fraction

import attrs
import pendulum

from ._numbers import exact
from ._privacy import echo, redacted_repr
from .dates import add_days, add_months, age_on, birthday, statutory_deadline
from .model import ActivityKind, ActivityStatus, InterruptionReason, Plan, Programme
from .parameters import DEFAULT_PARAMETERS, Parameters

__all__ = [
    "Deadline",
    "DeadlineKind",
    "age_18_date",
    "allowance_end",
    "deadlines",
    "programme_start",
    "registration_window_end",
    "upper_secondary_cutoff",
]


class DeadlineKind(StrEnum):
    """The kinds of key date, in their sort order for the same day."""

    PROGRAMME_END = "programme_end"
    REGISTRATION_WINDOW_END = "registration_window_end"
    UPPER_AGE = "upper_age"
    SFI_START = "sfi_start"
    CIVIC_ORIENTATION_COMPLETE = "civic_orientation_complete"
    CIVIC_ORIENTATION_DUTY_END = "civic_orientation_duty_end"
    AGE_18 = "age_18"
    UPPER_SECONDARY_CUTOFF = "upper_secondary_cutoff"
    FOLLOW_UP = "follow_up"
    MILESTONE = "milestone"


_ORDER = {kind: index for index, kind in enumerate(DeadlineKind)}

_BASIS = {
    DeadlineKind.PROGRAMME_END: "Förordning (2017:820) 15 §, 15 a §; Lag (2017:584) 2 §",
    DeadlineKind.REGISTRATION_WINDOW_END: "Förordning (2017:820) 15 a §",
    DeadlineKind.UPPER_AGE: "Lag (2017:584) 2 §; Förordning (2017:820) 21 §",
    DeadlineKind.SFI_START: "Skollagen (2010:800) 20 kap. 29 §; Förordning (2017:820) 11 §",
    DeadlineKind.CIVIC_ORIENTATION_COMPLETE: "Förordning (2010:1138) 4 §",
    DeadlineKind.CIVIC_ORIENTATION_DUTY_END: "Lag (2013:156) 4 §",
    DeadlineKind.AGE_18: "Föräldrabalken 9 kap. 1 §; Lag (2005:429) om god man",
    DeadlineKind.UPPER_SECONDARY_CUTOFF: "Skollagen (2010:800) 15 kap. 5 §",
    DeadlineKind.FOLLOW_UP: "Arbetsförmedlingen's 90-day outcome measure",
    DeadlineKind.MILESTONE: "Förordning (2000:628) 6 §",
}

_DESCRIPTIONS = {
    DeadlineKind.PROGRAMME_END: (
        "sista dag i etableringsprogrammet",
        "last day of the establishment programme",
    ),
    DeadlineKind.REGISTRATION_WINDOW_END: (
        "sista dag räknat från första folkbokföringen",
        "end of the window counted from the first population registration",
    ),
    DeadlineKind.UPPER_AGE: (
        "deltagaren når programmets övre åldersgräns",
        "the participant reaches the programme's upper age",
    ),
    DeadlineKind.SFI_START: ("sfi ska ha påbörjats", "SFI should have started"),
    DeadlineKind.CIVIC_ORIENTATION_COMPLETE: (
        "samhällsorienteringen ska vara slutförd",
        "civic orientation should be completed",
    ),
    DeadlineKind.CIVIC_ORIENTATION_DUTY_END: (
        "kommunens skyldighet att erbjuda samhällsorientering upphör",
        "the municipality's duty to offer civic orientation ends",
    ),
    DeadlineKind.AGE_18: ("deltagaren fyller 18 år", "the participant turns 18"),
    DeadlineKind.UPPER_SECONDARY_CUTOFF: (
        "sista dag att påbörja gymnasieutbildning",
        "last day to start upper-secondary education",
    ),
    DeadlineKind.FOLLOW_UP: ("uppföljning efter avslut", "follow-up after exit"),
    DeadlineKind.MILESTONE: ("delmålet ska vara uppnått", "the milestone is due"),
}

_ACTIONS = frozenset(
    {
        DeadlineKind.SFI_START,
        DeadlineKind.CIVIC_ORIENTATION_COMPLETE,
        DeadlineKind.FOLLOW_UP,
    }
)


@redacted_repr
@attrs.frozen(kw_only=True)
class Deadline:
    """A key date of a plan: ``due``, and ``act_by`` (``due`` moved per 1930:173 2 §).

    ``subject`` names the activity or milestone the date belongs to, or is ``None``.
    """

    kind: DeadlineKind
    due: _dt.date
    act_by: _dt.date
    subject: str | None = None
    basis: str

    def description(self, locale: str = "sv") -> str:
        """What the date is, in Swedish (``"sv"``) or English (``"en"``)."""
        swedish, english = _DESCRIPTIONS[self.kind]
        if locale == "sv":
            return swedish
        if locale == "en":
            return english
        raise ValueError(f"locale must be 'sv' or 'en', not {echo(locale)}")

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict, with the description in both languages."""
        return {
            "kind": self.kind.value,
            "due": self.due.isoformat(),
            "act_by": self.act_by.isoformat(),
            "subject": self.subject,
            "basis": self.basis,
            "description": {"sv": self.description("sv"), "en": self.description("en")},
        }

    @property
    def sort_key(self) -> tuple[_dt.date, int, tuple[bool, str]]:
        """Sort by ``due``, then kind, then subject with ``None`` first."""
        return (self.due, _ORDER[self.kind], (self.subject is not None, self.subject or ""))


def _deadline(kind: DeadlineKind, due: _dt.date, subject: str | None = None) -> Deadline:
    act_by = statutory_deadline(due) if kind in _ACTIONS else due
    return Deadline(kind=kind, due=due, act_by=act_by, subject=subject, basis=_BASIS[kind])


def _leap_day(parameters: Parameters, birth_date: _dt.date) -> str:
    return str(parameters.value("leap_day", birth_date))


def _age(birth_date: _dt.date, on: _dt.date, leap_day: str) -> int:
    if on < birth_date:
        return -1
    return age_on(birth_date, on, leap_day="mar1" if leap_day == "mar1" else "feb28")


def _birthday(birth_date: _dt.date, age: int, leap_day: str) -> pendulum.Date:
    return birthday(birth_date, age, leap_day="mar1" if leap_day == "mar1" else "feb28")


def programme_start(plan: Plan) -> pendulum.Date:
    """The plan's start: ``plan_made_on``, or ``referred_on`` when no plan date is set."""
    return plan.start


def allowance_end(plan: Plan, *, parameters: Parameters = DEFAULT_PARAMETERS) -> pendulum.Date:
    """The end of the 24 months of full-time participation (Förordning 2017:820 15 §).

    ``add_months(start, months)`` at 100 %; at a lower participation percent ``p`` the
    allowance in days is stretched to ``ceil(days * 100 / p)`` calendar days after the
    start. Every interruption day on or after the start (and not after the exit) is
    added, since time outside the programme does not use up the allowance.
    """
    start = plan.start
    months = parameters.int_value("programme_months", start)
    days = add_months(start, months).toordinal() - start.toordinal()
    stretched = math.ceil(Fraction(days * 100) / exact(plan.participation_percent))
    last = plan.exit.on if plan.exit is not None else None
    interrupted = 0
    for interruption in plan.interruptions:
        first_day = max(interruption.start, start)
        last_day = interruption.end if last is None else min(interruption.end, last)
        if last_day >= first_day:
            interrupted += last_day.toordinal() - first_day.toordinal() + 1
    return add_days(start, stretched + interrupted)


def registration_window_end(
    plan: Plan, *, parameters: Parameters = DEFAULT_PARAMETERS
) -> pendulum.Date | None:
    """The hard cap counted from the first registration (Förordning 2017:820 15 a §).

    ``add_months(first_registered_on, 36)``, extended by the days in the programme before
    the plan existed and, for those registered when the exclusion is in force (from
    2026-01-01), by the days of parental-benefit interruptions, at most 24 months' worth.
    ``None`` when the first registration is unknown.
    """
    registered = plan.participant.first_registered_on
    if registered is None:
        return None
    months = parameters.int_value("registration_window_months", registered)
    end = add_months(registered, months)
    extra = 0
    if plan.plan_made_on is not None:
        extra += plan.plan_made_on.toordinal() - plan.referred_on.toordinal()
    excluded_months = parameters.int_value("parental_benefit_excluded_months", registered)
    if excluded_months > 0:
        cap = add_months(registered, excluded_months).toordinal() - registered.toordinal()
        parental = 0
        for interruption in plan.interruptions:
            if interruption.reason is not InterruptionReason.PARENTAL_BENEFIT:
                continue
            first_day = max(interruption.start, registered)
            if interruption.end >= first_day:
                parental += interruption.end.toordinal() - first_day.toordinal() + 1
        extra += min(parental, cap)
    return add_days(end, extra)


def deadlines(plan: Plan, *, parameters: Parameters = DEFAULT_PARAMETERS) -> tuple[Deadline, ...]:
    """Every key date of ``plan``, sorted by due date, kind and subject."""
    person = plan.participant
    born = person.birth_date
    start = plan.start
    leap_day = _leap_day(parameters, born)
    found: list[Deadline] = []

    if plan.programme is Programme.ESTABLISHMENT:
        upper_age = _birthday(born, parameters.upper_age_for(born), leap_day)
        window_end = registration_window_end(plan, parameters=parameters)
        end = allowance_end(plan, parameters=parameters)
        if window_end is not None:
            end = min(end, window_end)
            found.append(_deadline(DeadlineKind.REGISTRATION_WINDOW_END, window_end))
        end = min(end, add_days(upper_age, -1))
        found.append(_deadline(DeadlineKind.PROGRAMME_END, end))
        found.append(_deadline(DeadlineKind.UPPER_AGE, upper_age))

    if person.needs_sfi:
        months = parameters.int_value("sfi_start_months", start)
        found.append(_deadline(DeadlineKind.SFI_START, add_months(start, months)))

    civic = [
        activity
        for activity in plan.activities
        if activity.kind is ActivityKind.CIVIC_ORIENTATION
        and activity.status is not ActivityStatus.CANCELLED
    ]
    if civic:
        first = min(civic, key=lambda activity: (activity.start, activity.id))
        months = parameters.int_value("civic_orientation_months", first.start)
        found.append(
            _deadline(
                DeadlineKind.CIVIC_ORIENTATION_COMPLETE,
                add_months(first.start, months),
                first.id,
            )
        )

    if person.first_registered_on is not None:
        registered = person.first_registered_on
        months = parameters.int_value("civic_orientation_duty_months", registered)
        found.append(
            _deadline(DeadlineKind.CIVIC_ORIENTATION_DUTY_END, add_months(registered, months))
        )

    majority = parameters.int_value("age_of_majority", born)
    if _age(born, start, leap_day) < majority:
        found.append(_deadline(DeadlineKind.AGE_18, _birthday(born, majority, leap_day)))

    school_age = parameters.int_value("upper_secondary_start_age", born)
    if _age(born, start, leap_day) < school_age:
        found.append(
            _deadline(
                DeadlineKind.UPPER_SECONDARY_CUTOFF,
                pendulum.Date(born.year + school_age, 6, 30),
            )
        )

    if plan.exit is not None:
        days = parameters.int_value("follow_up_days", plan.exit.on)
        found.append(_deadline(DeadlineKind.FOLLOW_UP, add_days(plan.exit.on, days)))

    for milestone in plan.milestones:
        found.append(_deadline(DeadlineKind.MILESTONE, milestone.due, milestone.id))

    found.sort(key=lambda deadline: deadline.sort_key)
    return tuple(found)


def age_18_date(plan: Plan, *, parameters: Parameters = DEFAULT_PARAMETERS) -> pendulum.Date:
    """The 18th birthday (age of majority) of the plan's participant, whatever their age."""
    born = plan.participant.birth_date
    majority = parameters.int_value("age_of_majority", born)
    return _birthday(born, majority, _leap_day(parameters, born))


def upper_secondary_cutoff(
    plan: Plan, *, parameters: Parameters = DEFAULT_PARAMETERS
) -> pendulum.Date:
    """30 June of the year the participant turns 20 (Skollagen 15 kap. 5 §)."""
    born = plan.participant.birth_date
    return pendulum.Date(born.year + parameters.int_value("upper_secondary_start_age", born), 6, 30)
