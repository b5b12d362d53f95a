"""Key dates of the establishment programme's clock (Förordning 2017:820 15, 15 a, 21 §§).

The programme ends on the earliest of the allowance end (24 months of full-time
participation, :mod:`handlingsplan._clock`), the end of the window counted from the first
population registration, and the day before the upper age.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pendulum

from .._clock import (
    Allowance,
    Level,
    allowance,
    clip,
    days_in,
    merge,
    parental_benefit_days,
    pre_plan_days,
    subtract,
)
from .._frozen import FrozenMapping, owning
from ..dates import LeapDay, add_days, add_months, birthday
from ..model import Plan
from ..parameters import DEFAULT_PARAMETERS, Parameters
from ._kinds import Deadline, DeadlineKind, make_deadline

__all__ = ["allowance_end", "programme_dates", "programme_start", "registration_window_end"]


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
    registered = plan.participant.first_registered_on
    return None if registered is None else _registration_window(plan, registered, parameters)[0]


def _registration_window(
    plan: Plan, registered: _dt.date, parameters: Parameters
) -> tuple[pendulum.Date, FrozenMapping[Any]]:
    months = parameters.int_value("registration_window_months", registered)
    before = pre_plan_days(plan, registered)
    parental = 0
    excluded_months = parameters.int_value("parental_benefit_excluded_months", registered)
    if excluded_months > 0:
        cap = add_months(registered, excluded_months).toordinal() - registered.toordinal()
        parental = min(parental_benefit_days(plan, registered), cap)
    end = add_days(add_months(registered, months), before + parental)
    facts = owning(
        {
            "first_registered_on": registered,
            "months": months,
            "pre_plan_days": before,
            "parental_benefit_days": parental,
        }
    )
    return end, facts


def programme_dates(plan: Plan, parameters: Parameters, leap_day: LeapDay) -> list[Deadline]:
    """The registration window's end (when the registration is known), the programme end
    and the upper age; ``leap_day`` is the convention in force on the birth."""
    born = plan.participant.birth_date
    upper_age = birthday(born, parameters.upper_age_for(born), leap_day=leap_day)
    found: list[Deadline] = []
    window_end = None
    registered = plan.participant.first_registered_on
    if registered is not None:
        window_end, facts = _registration_window(plan, registered, parameters)
        found.append(make_deadline(DeadlineKind.REGISTRATION_WINDOW_END, window_end, facts=facts))
    found.append(_programme_end(plan, parameters, window_end, upper_age))
    found.append(make_deadline(DeadlineKind.UPPER_AGE, upper_age, event="birth", event_on=born))
    return found


def _programme_end(
    plan: Plan,
    parameters: Parameters,
    window_end: pendulum.Date | None,
    upper_age: pendulum.Date,
) -> Deadline:
    """The earliest of the allowance end, the registration window end and the day before
    the upper age (the first named on a tie), with the facts of the clock."""
    clock = allowance(plan, parameters=parameters)
    upper_end = add_days(upper_age, -1)
    decided_by, end = "allowance", clock.end
    if window_end is not None and window_end < end:
        decided_by, end = "registration_window", window_end
    if upper_end < end:
        decided_by, end = "upper_age", upper_end
    last = end.toordinal()
    facts = owning(
        {
            "start": clock.start,
            "months": clock.months,
            "allowance_days": clock.days,
            "levels": _levels_run(clock, end),
            "interruption_days": days_in(clip(clock.interruptions, 0, last)),
            "withdrawn_days": days_in(clip(clock.withdrawn, 0, last)),
            "allowance_end": clock.end,
            "registration_window_end": window_end,
            "upper_age_end": upper_end,
            "decided_by": decided_by,
        }
    )
    return make_deadline(DeadlineKind.PROGRAMME_END, end, facts=facts)


def _levels_run(clock: Allowance, end: pendulum.Date) -> tuple[FrozenMapping[Any], ...]:
    """Each level that began by ``end``: its days to ``end`` and its days in the programme."""
    last = end.toordinal()
    outside = merge([*clock.interruptions, *clock.withdrawn])
    return tuple(
        owning(
            {
                "from": level.first,
                "to": end if level.last is None or level.last > end else level.last,
                "percent": level.percent,
                "reason": level.reason,
                "days": days_in(
                    subtract([(level.first.toordinal(), min(_last(level), last))], outside)
                ),
            }
        )
        for level in clock.levels
        if level.first <= end
    )


def _last(level: Level) -> int:
    return level.last.toordinal() if level.last is not None else _dt.date.max.toordinal()
