"""Small helpers shared by the rule families."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from .._memo import last_call
from .._numbers import exact
from ..dates import LeapDay
from ..model import Activity, ActivityStatus, Plan

if TYPE_CHECKING:
    from ._context import Context

__all__ = ["exact", "hours", "leap_day", "live_activities"]


def leap_day(ctx: Context) -> LeapDay:
    """The 29 February convention for the participant: the one in force on the birth.

    The same convention the key dates use, so one evaluation ages a person on one day.
    """
    rule = ctx.parameters.value("leap_day", ctx.participant.birth_date)
    return "mar1" if rule == "mar1" else "feb28"


@last_call
def live_activities(plan: Plan) -> tuple[Activity, ...]:
    """The plan's activities that are not cancelled (every rule ignores cancelled ones)."""
    return tuple(a for a in plan.activities if a.status is not ActivityStatus.CANCELLED)


def hours(activity: Activity, days: int | None = None) -> Fraction:
    """An activity's hours over ``days`` days (all its days by default): ``h × days / 7``."""
    count = activity.days if days is None else days
    return exact(activity.hours_per_week) * count / 7
