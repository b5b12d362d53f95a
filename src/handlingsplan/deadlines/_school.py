"""The study plan of language introduction (Skollagen 2010:800 17 kap. 12 §, 14 a §).

Language introduction (*språkintroduktion*) is the upper-secondary introduction
programme for newly arrived young people. Its study plan is due within
``study_plan_months`` (2) of the start; the date is a time limit on an action, so
``act_by`` is moved past weekends and holidays (Lag 1930:173 2 §). It counts from the
earliest non-cancelled ``upper_secondary_intro`` activity, in every programme.
"""

from __future__ import annotations

from ..dates import add_months
from ..model import Activity, ActivityKind, ActivityStatus, Plan
from ..parameters import Parameters
from ._kinds import Deadline, DeadlineKind, make_deadline

__all__ = ["language_introductions", "study_plan_dates"]


def language_introductions(plan: Plan) -> list[Activity]:
    """The plan's non-cancelled ``upper_secondary_intro`` activities, earliest first."""
    return sorted(
        (
            activity
            for activity in plan.activities
            if activity.kind is ActivityKind.UPPER_SECONDARY_INTRO
            and activity.status is not ActivityStatus.CANCELLED
        ),
        key=lambda activity: (activity.start, activity.id),
    )


def study_plan_dates(plan: Plan, parameters: Parameters) -> list[Deadline]:
    """``study_plan_due`` for the earliest language introduction, if there is one."""
    introductions = language_introductions(plan)
    if not introductions:
        return []
    first = introductions[0]
    months = parameters.int_value("study_plan_months", first.start)
    return [
        make_deadline(
            DeadlineKind.STUDY_PLAN_DUE,
            add_months(first.start, months),
            first.id,
            event="upper_secondary_intro_start",
            event_on=first.start,
        )
    ]
