"""Civic orientation (Lag 2013:156, Förordning 2010:1138).

Owed to newly arrived people from 18 up to the programme's upper age, not while they
are in upper-secondary school (Lag 2013:156 2–4 §§): in an establishment plan, and in any
other plan whose participant is newly arrived (has a first population registration).
It has at least ``civic_orientation_min_hours`` (100 from 2020-02-01) counted over all of
a person's courses together (Förordning 2010:1138 5 §), and is normally completed within
a year of starting (4 §).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from ..dates import age_on, birthday
from ..deadlines import DeadlineKind
from ..model import ActivityKind, CircumstanceKind, Plan, Programme
from ._context import Context
from ._finding import Finding
from ._helpers import exact, leap_day, live_activities, total_hours
from ._rule import rule

__all__ = ["programme_civic_orientation"]


def _in_upper_secondary(plan: Plan, day: _dt.date) -> bool:
    """Whether the participant is in upper-secondary school on ``day``.

    The one place that decides it: a non-cancelled ``upper_secondary_intro`` activity
    covering the day, or a participant circumstance of kind ``upper_secondary_school``
    in force on it.
    """
    if any(
        circumstance.kind is CircumstanceKind.UPPER_SECONDARY_SCHOOL and circumstance.in_force(day)
        for circumstance in plan.participant.circumstances
    ):
        return True
    return any(
        activity.start <= day <= activity.end
        for activity in live_activities(plan)
        if activity.kind is ActivityKind.UPPER_SECONDARY_INTRO
    )


def _owed(ctx: Context) -> bool:
    """Whether civic orientation is owed to the participant on ``as_of``."""
    plan = ctx.plan
    person = ctx.participant
    if plan.programme is not Programme.ESTABLISHMENT and person.first_registered_on is None:
        return False
    if ctx.as_of < person.birth_date:
        return False
    convention = leap_day(ctx)
    adult = age_on(person.birth_date, ctx.as_of, leap_day=convention) >= (
        ctx.params.civic_orientation_min_age
    )
    upper = ctx.parameters.upper_age_for(person.birth_date)
    below_upper = ctx.as_of < birthday(person.birth_date, upper, leap_day=convention)
    return adult and below_upper and not _in_upper_secondary(plan, ctx.as_of)


@rule(
    code="PROG-CIVIC-ORIENTATION",
    title={
        "sv": "Samhällsorientering planerad, tillräckligt lång och slutförd i tid",
        "en": "Civic orientation planned, long enough and completed in time",
    },
    severity="warning",
    basis="Lag (2013:156) 2 §, 4 §; Förordning (2010:1138) 4 §, 5 §",
    messages={
        "missing": {
            "sv": "Samhällsorientering saknas i planen.",
            "en": "The plan has no civic orientation.",
        },
        "too_few_hours": {
            "sv": "Samhällsorienteringen omfattar {hours} timmar ({courses}), minst "
            "{min_hours} krävs.",
            "en": "Civic orientation has {hours} hours ({courses}); at least {min_hours} "
            "are required.",
        },
        "too_late": {
            "sv": "Samhällsorienteringen {subject} slutar {on}, efter {complete_by}.",
            "en": "Civic orientation {subject} ends on {on}, after {complete_by}.",
        },
    },
)
def programme_civic_orientation(ctx: Context) -> Iterator[Finding]:
    """Civic orientation missing, below the minimum hours in all, or ending too late."""
    if not _owed(ctx):
        return
    courses = sorted(
        (a for a in live_activities(ctx.plan) if a.kind is ActivityKind.CIVIC_ORIENTATION),
        key=lambda activity: (activity.start, activity.id),
    )
    duty_end = ctx.key_date(DeadlineKind.CIVIC_ORIENTATION_DUTY_END)
    if not courses:
        if duty_end is None or ctx.as_of <= duty_end.due:
            yield ctx.finding(
                reason="missing",
                on=duty_end.due if duty_end is not None else ctx.as_of,
                min_age=ctx.params.civic_orientation_min_age,
            )
        return
    first = courses[0]
    minimum = ctx.parameters.number_value("civic_orientation_min_hours", first.start)
    total = total_hours(courses)
    if total < exact(float(minimum)):
        yield ctx.finding(
            reason="too_few_hours",
            on=first.start,
            hours=round(float(total), 1),
            min_hours=minimum,
            courses=tuple(course.id for course in courses),
        )
    complete = ctx.key_date(DeadlineKind.CIVIC_ORIENTATION_COMPLETE)
    for course in courses:
        if complete is not None and course.end > complete.due:
            yield ctx.finding(
                reason="too_late", subject=course.id, on=course.end, complete_by=complete.due
            )
