"""Key dates of SFI, Swedish tuition for adults (Skollagen 2010:800 20 kap.).

- ``sfi_start`` (29 §): SFI must be possible to start within ``sfi_start_months`` (3)
  of the plan's start, for a participant who needs SFI.
- ``sfi_start_target`` (29 §): for establishment participants the municipality works to
  start SFI within ``sfi_target_months`` (1).
- Neither is given for a participant under 20 on the plan's start who has a
  non-cancelled language introduction in the plan: they follow upper-secondary school.
- ``sfi_right_end`` (31 a §, from 2026-01-01): the right to SFI lasts
  ``sfi_right_years`` (3) from the first admission, read as the start of the earliest
  non-cancelled SFI activity; 0 years (before 2026) means no limit and no date.

The two start dates are time limits on actions (``act_by`` rolled forward, Lag 1930:173
2 §); the end of the right is the end of a period and is not moved.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..dates import LeapDay, add_months, add_years
from ..model import Activity, ActivityKind, Plan, Programme
from ..parameters import Parameters
from ._ages import under_school_age
from ._kinds import Deadline, DeadlineKind, make_deadline

__all__ = ["sfi_dates"]


def sfi_dates(
    plan: Plan,
    parameters: Parameters,
    leap_day: LeapDay,
    firsts: Mapping[ActivityKind, Activity],
) -> list[Deadline]:
    """``sfi_start_target``, ``sfi_start`` and ``sfi_right_end``, those that apply.

    ``firsts`` holds the earliest non-cancelled activity of each kind; the participant
    follows language introduction instead of SFI (no start dates) when under 20 on the
    plan's start with such an ``upper_secondary_intro`` activity.
    """
    found: list[Deadline] = []
    start = plan.start
    if plan.participant.needs_sfi and not (
        ActivityKind.UPPER_SECONDARY_INTRO in firsts
        and under_school_age(plan, parameters, leap_day)
    ):
        if plan.programme is Programme.ESTABLISHMENT:
            months = parameters.int_value("sfi_target_months", start)
            found.append(
                make_deadline(
                    DeadlineKind.SFI_START_TARGET,
                    add_months(start, months),
                    event="plan_start",
                    event_on=start,
                )
            )
        months = parameters.int_value("sfi_start_months", start)
        found.append(
            make_deadline(
                DeadlineKind.SFI_START,
                add_months(start, months),
                event="plan_start",
                event_on=start,
            )
        )
    first = firsts.get(ActivityKind.SFI)
    if first is not None:
        years = parameters.int_value("sfi_right_years", first.start)
        if years > 0:
            found.append(
                make_deadline(
                    DeadlineKind.SFI_RIGHT_END,
                    add_years(first.start, years),
                    first.id,
                    event="sfi_admission",
                    event_on=first.start,
                )
            )
    return found
