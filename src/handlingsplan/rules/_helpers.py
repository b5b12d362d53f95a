"""Small helpers shared by the rule families."""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING

from .._memo import last_call
from .._numbers import exact
from ..dates import LeapDay
from ..model import Activity, ActivityStatus, Plan

if TYPE_CHECKING:
    from ._context import Context

__all__ = ["exact", "leap_day", "live_activities", "tenths", "total_hours"]


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


def total_hours(activities: Iterable[Activity]) -> Fraction:
    """The activities' hours over all their days, exactly: the sum of ``h × days / 7``.

    Summed in whole numbers over one common denominator of the weekly hours, so that
    only the result is a fraction.
    """
    parts = [(exact(activity.hours_per_week), activity.days) for activity in activities]
    scale = math.lcm(*(weekly.denominator for weekly, _ in parts))
    total = sum(weekly.numerator * (scale // weekly.denominator) * days for weekly, days in parts)
    return Fraction(total, scale * 7)


def tenths(amount: Fraction, *, up: bool) -> float:
    """``amount`` to a tenth, rounded up or down, so that planned below required stays so."""
    tenths = math.ceil(amount * 10) if up else math.floor(amount * 10)
    return tenths / 10
