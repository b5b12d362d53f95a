"""The study plan of language introduction (Skollagen 2010:800 17 kap. 12 §, 14 a §).

Language introduction (*språkintroduktion*) is the upper-secondary introduction
programme for newly arrived young people. Its study plan is due within
``study_plan_months`` (2) of the start; the date is a time limit on an action, so
``act_by`` is moved past weekends and holidays (Lag 1930:173 2 §). It counts from the
earliest non-cancelled ``upper_secondary_intro`` activity, in every programme.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..dates import add_months
from ..model import Activity, ActivityKind
from ..parameters import Parameters
from ._kinds import Deadline, DeadlineKind, make_deadline

__all__ = ["study_plan_dates"]


def study_plan_dates(
    parameters: Parameters, firsts: Mapping[ActivityKind, Activity]
) -> list[Deadline]:
    """``study_plan_due`` for the earliest language introduction, if there is one;
    ``firsts`` holds the earliest non-cancelled activity of each kind."""
    first = firsts.get(ActivityKind.UPPER_SECONDARY_INTRO)
    if first is None:
        return []
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
