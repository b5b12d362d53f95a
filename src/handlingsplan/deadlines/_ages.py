"""Key dates counted from the birth: the 18th birthday and the upper-secondary cut-off.

Under 18 is a minor (Föräldrabalken 9 kap. 1 §); guardianship (god man, Lag 2005:429)
ends at 18. Upper-secondary education must start by 30 June of the year the person
turns 20 (Skollagen 2010:800 15 kap. 5 §). Ages are counted as the law counts them,
with the 29 February convention in force on the birth (parameter ``leap_day``).
"""

from __future__ import annotations

import datetime as _dt

import pendulum

from ..dates import LeapDay, age_on, birthday
from ..model import Plan
from ..parameters import DEFAULT_PARAMETERS, Parameters
from ._kinds import Deadline, DeadlineKind, make_deadline

__all__ = [
    "age",
    "age_18_date",
    "birthday_of",
    "leap_day_of",
    "under_school_age",
    "upper_secondary_cutoff",
    "youth_dates",
]


def leap_day_of(parameters: Parameters, birth_date: _dt.date) -> LeapDay:
    """The 29 February convention in force on the birth."""
    return "mar1" if parameters.value("leap_day", birth_date) == "mar1" else "feb28"


def age(plan: Plan, on: _dt.date, parameters: Parameters) -> int:
    """The participant's age on ``on`` (never before the birth: the model refuses it)."""
    born = plan.participant.birth_date
    return age_on(born, on, leap_day=leap_day_of(parameters, born))


def birthday_of(plan: Plan, years: int, parameters: Parameters) -> pendulum.Date:
    """The day the participant reaches ``years``."""
    born = plan.participant.birth_date
    return birthday(born, years, leap_day=leap_day_of(parameters, born))


def age_18_date(plan: Plan, *, parameters: Parameters = DEFAULT_PARAMETERS) -> pendulum.Date:
    """The 18th birthday (age of majority) of the plan's participant, whatever their age."""
    born = plan.participant.birth_date
    return birthday_of(plan, parameters.int_value("age_of_majority", born), parameters)


def upper_secondary_cutoff(
    plan: Plan, *, parameters: Parameters = DEFAULT_PARAMETERS
) -> pendulum.Date:
    """30 June of the year the participant turns 20 (Skollagen 15 kap. 5 §)."""
    born = plan.participant.birth_date
    return pendulum.Date(born.year + parameters.int_value("upper_secondary_start_age", born), 6, 30)


def under_school_age(plan: Plan, parameters: Parameters, leap_day: LeapDay) -> bool:
    """Whether the participant is under the upper-secondary age (20) on the plan's start."""
    born = plan.participant.birth_date
    school_age = parameters.int_value("upper_secondary_start_age", born)
    return age_on(born, plan.start, leap_day=leap_day) < school_age


def youth_dates(plan: Plan, parameters: Parameters, leap_day: LeapDay) -> list[Deadline]:
    """``age_18`` for a minor at the plan's start; ``upper_secondary_cutoff`` whenever that
    30 June is on or after the plan's start (a cut-off already passed is no key date)."""
    born = plan.participant.birth_date
    found: list[Deadline] = []
    majority = parameters.int_value("age_of_majority", born)
    if age_on(born, plan.start, leap_day=leap_day) < majority:
        found.append(
            make_deadline(
                DeadlineKind.AGE_18,
                birthday(born, majority, leap_day=leap_day),
                event="birth",
                event_on=born,
            )
        )
    cutoff = upper_secondary_cutoff(plan, parameters=parameters)
    if cutoff >= plan.start:
        found.append(
            make_deadline(DeadlineKind.UPPER_SECONDARY_CUTOFF, cutoff, event="birth", event_on=born)
        )
    return found
