"""The participation level filled week by week (Förordning 2017:820 7–10 §§).

``PROG-FULL-TIME`` looks eight ISO weeks ahead: a week whose planned hours fall below
the participation level in force on its first day in the programme is short. It runs on
every evaluation over 56 days, so it counts in date ordinals and whole numbers.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import math
from collections.abc import Iterator
from fractions import Fraction

from .._clock import clip, days_in, merge, outside_periods, subtract
from ..dates import as_date
from ..deadlines import DeadlineKind
from ..model import Programme
from ._context import Context
from ._finding import Finding
from ._helpers import exact, live_activities, tenths
from ._rule import rule

__all__ = ["FULL_TIME_WEEKS", "programme_full_time"]

FULL_TIME_WEEKS = 8
"""How many ISO weeks PROG-FULL-TIME looks ahead."""


@rule(
    code="PROG-FULL-TIME",
    title={
        "sv": "Aktiviteterna fyller deltagandenivån",
        "en": "Activities fill the participation level",
    },
    severity="warning",
    basis="Förordning (2017:820) 7–10 §§",
    programmes=(Programme.ESTABLISHMENT,),
    messages={
        "sv": "{weeks} av de kommande {horizon} veckorna har för få timmar planerade; den "
        "första börjar {on} och har {hours_planned} timmar planerade där "
        "{hours_required} krävs ({participation_percent} % av {full_time_hours} timmar "
        "i veckan).",
        "en": "{weeks} of the next {horizon} weeks have too few hours planned; the first "
        "begins on {on} and has {hours_planned} hours planned where {hours_required} are "
        "required ({participation_percent} % of {full_time_hours} hours a week).",
    },
)
def programme_full_time(ctx: Context) -> Iterator[Finding]:
    """Weeks in the next eight whose planned hours fall below the participation level.

    A week's level is the one in force on its first day in the programme; a week whose
    first day is outside the programme or inside a full-time absence is not checked.
    """
    plan = ctx.plan
    end = ctx.key_date(DeadlineKind.PROGRAMME_END)
    last_day = end.due if end is not None else None
    if plan.exit is not None:
        last_day = plan.exit.on if last_day is None else min(last_day, plan.exit.on)
    # Whole days as ordinals: the arithmetic runs for 56 days on every evaluation.
    first_in = plan.start.toordinal()
    last_in = last_day.toordinal() if last_day is not None else None
    interrupted, withdrawn = outside_periods(plan, ctx.parameters)
    outside = merge([*interrupted, *withdrawn])
    absent = [(a.start.toordinal(), a.end.toordinal()) for a in plan.absences if a.percent == 100]
    # A week whose first day is outside the programme or absent full time is not checked.
    skipped = merge([*outside, *absent]) if absent else outside
    full_time = exact(ctx.params.full_time_hours)
    begin = max(ctx.as_of, plan.start)
    first_monday = begin.toordinal() - begin.weekday()
    horizon_end = first_monday + 7 * FULL_TIME_WEEKS - 1
    # Only the activities that touch the weeks looked at count.
    weekly_hours = [
        (a, exact(a.hours_per_week))
        for a in live_activities(plan)
        if a.start.toordinal() <= horizon_end and a.end.toordinal() >= first_monday
    ]
    # Whole numbers in the loop: each activity's weekly hours times one common
    # denominator, so that summing a week's hours makes no fractions.
    scale = math.lcm(*(hours.denominator for _, hours in weekly_hours))
    booked = [
        (a.start.toordinal(), a.end.toordinal(), hours.numerator * (scale // hours.denominator))
        for a, hours in weekly_hours
    ]
    changes = [change.on.toordinal() for change in plan.participation_changes]
    # Each week below its level: its Monday, the level, its days in the programme and
    # the hours planned times ``scale`` and 7 (weekly hours spread over their days).
    # Planned below required, in whole numbers:
    # planned / scale < level / 100 * full_time * days.
    under: list[tuple[int, float, int, int]] = []
    for monday in range(first_monday, horizon_end + 1, 7):
        low = max(monday, first_in)
        high = monday + 6 if last_in is None else min(monday + 6, last_in)
        if high < low or (skipped and _inside(low, skipped)):
            continue
        index = bisect.bisect_right(changes, low) if changes else 0
        level = (
            plan.participation_changes[index - 1].percent if index else plan.participation_percent
        )
        if outside:
            spans = subtract([(low, high)], clip(outside, low, high))
            days = days_in(spans)
            planned_scaled = sum(
                weekly * days_in(clip(spans, start, stop))
                for start, stop, weekly in booked
                if start <= high and stop >= low
            )
        else:
            # The whole week is in the programme: each activity's days are its overlap.
            days = high - low + 1
            planned_scaled = sum(
                weekly * (min(stop, high) - max(start, low) + 1)
                for start, stop, weekly in booked
                if start <= high and stop >= low
            )
        share = exact(level)
        if (
            planned_scaled * share.denominator * 100 * full_time.denominator
            < share.numerator * full_time.numerator * days * scale
        ):
            under.append((monday, level, days, planned_scaled))
    if under:
        monday, level, days, planned_scaled = under[0]
        required = exact(level) / 100 * full_time * days
        planned = Fraction(planned_scaled, scale)
        first_week = as_date(_dt.date.fromordinal(monday))
        yield ctx.finding(
            on=first_week,
            weeks=len(under),
            horizon=FULL_TIME_WEEKS,
            first_week=first_week,
            full_time_hours=ctx.params.full_time_hours,
            participation_percent=level,
            hours_required=tenths(required / 7, up=True),
            hours_planned=tenths(planned / 7, up=False),
        )


def _inside(day: int, periods: list[tuple[int, int]]) -> bool:
    return any(first <= day <= last for first, last in periods)
