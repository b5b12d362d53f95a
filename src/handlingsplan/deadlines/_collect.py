"""All key dates of a plan, in one sorted tuple."""

from __future__ import annotations

from ..dates import add_days
from ..model import Plan, Programme
from ..parameters import DEFAULT_PARAMETERS, Parameters
from ._ages import youth_dates
from ._civic import civic_dates
from ._kinds import Deadline, DeadlineKind, make_deadline
from ._programme import programme_dates
from ._school import study_plan_dates
from ._sfi import sfi_dates

__all__ = ["deadlines"]


def deadlines(plan: Plan, *, parameters: Parameters = DEFAULT_PARAMETERS) -> tuple[Deadline, ...]:
    """Every key date of ``plan``, sorted by due date, kind and subject."""
    found: list[Deadline] = []
    if plan.programme is Programme.ESTABLISHMENT:
        found += programme_dates(plan, parameters)
    found += sfi_dates(plan, parameters)
    found += civic_dates(plan, parameters)
    found += youth_dates(plan, parameters)
    found += study_plan_dates(plan, parameters)
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
    found.sort(key=lambda deadline: deadline.sort_key)
    return tuple(found)
