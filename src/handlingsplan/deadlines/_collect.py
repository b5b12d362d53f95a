"""All key dates of a plan, in one sorted tuple."""

from __future__ import annotations

from operator import attrgetter

from ..dates import add_days
from ..model import Activity, ActivityKind, ActivityStatus, Plan, Programme
from ..parameters import DEFAULT_PARAMETERS, Parameters
from ._ages import leap_day_of, youth_dates
from ._civic import civic_dates
from ._kinds import Deadline, DeadlineKind, make_deadline
from ._programme import programme_dates
from ._school import study_plan_dates
from ._sfi import sfi_dates

__all__ = ["deadlines"]

_sort_key = attrgetter("sort_key")


def deadlines(plan: Plan, *, parameters: Parameters = DEFAULT_PARAMETERS) -> tuple[Deadline, ...]:
    """Every key date of ``plan``, sorted by due date, kind and subject."""
    # Worked out once for every key date: the 29 February convention in force on the
    # birth, and the earliest non-cancelled activity of each kind.
    leap_day = leap_day_of(parameters, plan.participant.birth_date)
    firsts = first_activities(plan)
    found: list[Deadline] = []
    if plan.programme is Programme.ESTABLISHMENT:
        found += programme_dates(plan, parameters, leap_day)
    found += sfi_dates(plan, parameters, leap_day, firsts)
    found += civic_dates(plan, parameters, firsts)
    found += youth_dates(plan, parameters, leap_day)
    found += study_plan_dates(parameters, firsts)
    if plan.exit is not None:
        days = parameters.int_value("follow_up_days", plan.exit.on)
        found.append(
            make_deadline(
                DeadlineKind.FOLLOW_UP,
                add_days(plan.exit.on, days),
                event="exit",
                event_on=plan.exit.on,
            )
        )
    for milestone in plan.milestones:
        found.append(
            make_deadline(
                DeadlineKind.MILESTONE,
                milestone.due,
                milestone.id,
                event="milestone",
                event_on=milestone.due,
            )
        )
    found.sort(key=_sort_key)
    return tuple(found)


def first_activities(plan: Plan) -> dict[ActivityKind, Activity]:
    """The earliest non-cancelled activity of each kind in the plan, by start then id."""
    firsts: dict[ActivityKind, Activity] = {}
    for activity in plan.activities:
        if activity.status is ActivityStatus.CANCELLED:
            continue
        held = firsts.get(activity.kind)
        if held is None or (activity.start, activity.id) < (held.start, held.id):
            firsts[activity.kind] = activity
    return firsts
