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
from enum import StrEnum
from typing import Any

import attrs
import pendulum

from ._clock import (
    Level,
    allowance,
    clip,
    days_in,
    merge,
    parental_benefit_days,
    pre_plan_days,
    subtract,
)
from ._explain import explain
from ._frozen import FrozenMapping, json_ready
from ._privacy import echo, redacted_repr
from .dates import add_days, add_months, age_on, birthday, statutory_deadline
from .model import ActivityKind, ActivityStatus, Plan, Programme
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
    facts: FrozenMapping[Any] = attrs.field(factory=FrozenMapping, converter=FrozenMapping)
    """How the date was reached: the event and the numbers used (see :meth:`explain`)."""

    def description(self, locale: str = "sv") -> str:
        """What the date is, in Swedish (``"sv"``) or English (``"en"``)."""
        swedish, english = _DESCRIPTIONS[self.kind]
        return swedish if _locale(locale) == "sv" else english

    def explain(self, locale: str = "sv") -> str:
        """How the date was reached, in Swedish (``"sv"``) or English (``"en"``).

        >>> from datetime import date
        >>> from handlingsplan import Participant, Plan
        >>> plan = Plan(id="p", referred_on=date(2026, 2, 2),
        ...             participant=Participant(id="d", birth_date=date(1990, 5, 17)))
        >>> print(deadlines(plan)[1].explain("en"))  # doctest: +NORMALIZE_WHITESPACE
        last day of the establishment programme: 2028-02-02. Start 2026-02-02;
        24 months give 731 full-time days. 100 % from 2026-02-02 to 2028-02-02
        (731 days). Outside the programme: 0 interruption days, 0 withdrawn absence
        days. The allowance ends 2028-02-02, the registration window -, the upper
        age limit 2057-05-16. Decided by the allowance of full-time days.
        """
        return explain(self, _locale(locale))

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict, with the description in both languages and the facts."""
        return {
            "kind": self.kind.value,
            "due": self.due.isoformat(),
            "act_by": self.act_by.isoformat(),
            "subject": self.subject,
            "basis": self.basis,
            "description": {"sv": self.description("sv"), "en": self.description("en")},
            "facts": json_ready(self.facts),
        }

    @property
    def sort_key(self) -> tuple[_dt.date, int, tuple[bool, str]]:
        """Sort by ``due``, then kind, then subject with ``None`` first."""
        return (self.due, _ORDER[self.kind], (self.subject is not None, self.subject or ""))


def _locale(locale: str) -> str:
    if locale not in ("sv", "en"):
        raise ValueError(f"locale must be 'sv' or 'en', not {echo(locale)}")
    return locale


def _deadline(
    kind: DeadlineKind,
    due: _dt.date,
    subject: str | None = None,
    *,
    event: str | None = None,
    event_on: _dt.date | None = None,
    facts: FrozenMapping[Any] | None = None,
) -> Deadline:
    act_by = statutory_deadline(due) if kind in _ACTIONS else due
    if facts is None:
        facts = FrozenMapping({"event": event, "event_on": event_on})
    return Deadline(
        kind=kind, due=due, act_by=act_by, subject=subject, basis=_BASIS[kind], facts=facts
    )


def _leap_day(parameters: Parameters, birth_date: _dt.date) -> str:
    return str(parameters.value("leap_day", birth_date))


def _age(birth_date: _dt.date, on: _dt.date, leap_day: str) -> int:
    # A plan cannot start before the birth date (the model refuses it), so ``on``
    # is never before ``birth_date`` here.
    return age_on(birth_date, on, leap_day="mar1" if leap_day == "mar1" else "feb28")


def _birthday(birth_date: _dt.date, age: int, leap_day: str) -> pendulum.Date:
    return birthday(birth_date, age, leap_day="mar1" if leap_day == "mar1" else "feb28")


def programme_start(plan: Plan) -> pendulum.Date:
    """The plan's start: ``plan_made_on``, or ``referred_on`` when no plan date is set."""
    return plan.start


def allowance_end(plan: Plan, *, parameters: Parameters = DEFAULT_PARAMETERS) -> pendulum.Date:
    """The end of the 24 months of full-time participation (Förordning 2017:820 15 §).

    The allowance is the inclusive period from the start to ``add_months(start, months)``
    in full-time days; a day at ``p`` % uses ``p / 100`` of one, and a day outside the
    programme (an interruption, or a withdrawn day of a long full-time absence) uses
    nothing. See :mod:`handlingsplan._clock` and the docs' page on the programme clock.
    """
    return allowance(plan, parameters=parameters).end


def registration_window_end(
    plan: Plan, *, parameters: Parameters = DEFAULT_PARAMETERS
) -> pendulum.Date | None:
    """The hard cap counted from the first registration (Förordning 2017:820 15 a §).

    ``add_months(first_registered_on, 36)``, extended by the days in the programme before
    the plan existed (from the later of the referral and the registration) and, for those
    registered when the exclusion is in force (from 2026-01-01), by the days of
    parental-benefit interruptions and full-time parental-benefit absences, at most 24
    months' worth. ``None`` when the first registration is unknown.
    """
    window = _registration_window(plan, parameters)
    return None if window is None else window[0]


def _registration_window(
    plan: Plan, parameters: Parameters
) -> tuple[pendulum.Date, FrozenMapping[Any]] | None:
    registered = plan.participant.first_registered_on
    if registered is None:
        return None
    months = parameters.int_value("registration_window_months", registered)
    before = pre_plan_days(plan, registered)
    parental = 0
    excluded_months = parameters.int_value("parental_benefit_excluded_months", registered)
    if excluded_months > 0:
        cap = add_months(registered, excluded_months).toordinal() - registered.toordinal()
        parental = min(parental_benefit_days(plan, registered), cap)
    end = add_days(add_months(registered, months), before + parental)
    facts = FrozenMapping(
        {
            "first_registered_on": registered,
            "months": months,
            "pre_plan_days": before,
            "parental_benefit_days": parental,
        }
    )
    return end, facts


def deadlines(plan: Plan, *, parameters: Parameters = DEFAULT_PARAMETERS) -> tuple[Deadline, ...]:
    """Every key date of ``plan``, sorted by due date, kind and subject."""
    person = plan.participant
    born = person.birth_date
    start = plan.start
    leap_day = _leap_day(parameters, born)
    found: list[Deadline] = []

    if plan.programme is Programme.ESTABLISHMENT:
        upper_age = _birthday(born, parameters.upper_age_for(born), leap_day)
        window = _registration_window(plan, parameters)
        if window is not None:
            found.append(
                _deadline(DeadlineKind.REGISTRATION_WINDOW_END, window[0], facts=window[1])
            )
        found.append(_programme_end(plan, parameters, window[0] if window else None, upper_age))
        found.append(_deadline(DeadlineKind.UPPER_AGE, upper_age, event="birth", event_on=born))

    if person.needs_sfi:
        months = parameters.int_value("sfi_start_months", start)
        found.append(
            _deadline(
                DeadlineKind.SFI_START,
                add_months(start, months),
                event="plan_start",
                event_on=start,
            )
        )

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
                event="civic_orientation_start",
                event_on=first.start,
            )
        )

    if person.first_registered_on is not None:
        registered = person.first_registered_on
        months = parameters.int_value("civic_orientation_duty_months", registered)
        found.append(
            _deadline(
                DeadlineKind.CIVIC_ORIENTATION_DUTY_END,
                add_months(registered, months),
                event="first_registration",
                event_on=registered,
            )
        )

    majority = parameters.int_value("age_of_majority", born)
    if _age(born, start, leap_day) < majority:
        found.append(
            _deadline(
                DeadlineKind.AGE_18,
                _birthday(born, majority, leap_day),
                event="birth",
                event_on=born,
            )
        )

    school_age = parameters.int_value("upper_secondary_start_age", born)
    if _age(born, start, leap_day) < school_age:
        found.append(
            _deadline(
                DeadlineKind.UPPER_SECONDARY_CUTOFF,
                pendulum.Date(born.year + school_age, 6, 30),
                event="birth",
                event_on=born,
            )
        )

    if plan.exit is not None:
        days = parameters.int_value("follow_up_days", plan.exit.on)
        found.append(
            _deadline(
                DeadlineKind.FOLLOW_UP,
                add_days(plan.exit.on, days),
                event="exit",
                event_on=plan.exit.on,
            )
        )

    for milestone in plan.milestones:
        found.append(
            _deadline(
                DeadlineKind.MILESTONE,
                milestone.due,
                milestone.id,
                event="milestone",
                event_on=milestone.due,
            )
        )

    found.sort(key=lambda deadline: deadline.sort_key)
    return tuple(found)


def _programme_end(
    plan: Plan,
    parameters: Parameters,
    window_end: pendulum.Date | None,
    upper_age: pendulum.Date,
) -> Deadline:
    """The earliest of the allowance end, the registration window end and the day before
    the upper age, with the facts of the clock."""
    clock = allowance(plan, parameters=parameters)
    upper_end = add_days(upper_age, -1)
    limits = [("allowance", clock.end), ("registration_window", window_end)]
    limits.append(("upper_age", upper_end))
    decided_by, end = min(
        ((name, day) for name, day in limits if day is not None), key=lambda item: item[1]
    )
    last = end.toordinal()
    ran = [level for level in clock.levels if level.first <= end]
    outside = merge([*clock.interruptions, *clock.withdrawn])
    facts = FrozenMapping(
        {
            "start": clock.start,
            "months": clock.months,
            "allowance_days": clock.days,
            "levels": tuple(
                FrozenMapping(
                    {
                        "from": level.first,
                        "to": end if level.last is None or level.last > end else level.last,
                        "percent": level.percent,
                        "reason": level.reason,
                        "days": days_in(
                            subtract(
                                [(level.first.toordinal(), min(_last(level), last))],
                                outside,
                            )
                        ),
                    }
                )
                for level in ran
            ),
            "interruption_days": days_in(clip(clock.interruptions, 0, last)),
            "withdrawn_days": days_in(clip(clock.withdrawn, 0, last)),
            "allowance_end": clock.end,
            "registration_window_end": window_end,
            "upper_age_end": upper_end,
            "decided_by": decided_by,
        }
    )
    return _deadline(DeadlineKind.PROGRAMME_END, end, facts=facts)


def _last(level: Level) -> int:
    return level.last.toordinal() if level.last is not None else _dt.date.max.toordinal()


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
