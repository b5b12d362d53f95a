"""Key dates of civic orientation (Lag 2013:156 4 §, Förordning 2010:1138 4 §).

- ``civic_orientation_complete``: normally completed within ``civic_orientation_months``
  (12) of the earliest non-cancelled course's start; a time limit on an action.
- ``civic_orientation_duty_end``: the municipality's duty to offer it ends
  ``civic_orientation_duty_months`` (36) after the first population registration.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..dates import add_months
from ..model import Activity, ActivityKind, Plan
from ..parameters import Parameters
from ._kinds import Deadline, DeadlineKind, make_deadline

__all__ = ["civic_dates"]


def civic_dates(
    plan: Plan, parameters: Parameters, firsts: Mapping[ActivityKind, Activity]
) -> list[Deadline]:
    """The completion date (when a course is planned) and the end of the duty (when the
    first registration is known); ``firsts`` holds the earliest non-cancelled activity of
    each kind."""
    found: list[Deadline] = []
    first = firsts.get(ActivityKind.CIVIC_ORIENTATION)
    if first is not None:
        months = parameters.int_value("civic_orientation_months", first.start)
        found.append(
            make_deadline(
                DeadlineKind.CIVIC_ORIENTATION_COMPLETE,
                add_months(first.start, months),
                first.id,
                event="civic_orientation_start",
                event_on=first.start,
            )
        )
    registered = plan.participant.first_registered_on
    if registered is not None:
        months = parameters.int_value("civic_orientation_duty_months", registered)
        found.append(
            make_deadline(
                DeadlineKind.CIVIC_ORIENTATION_DUTY_END,
                add_months(registered, months),
                event="first_registration",
                event_on=registered,
            )
        )
    return found
