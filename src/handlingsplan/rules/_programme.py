"""Rules of the establishment programme (Lag 2017:584, Förordning 2017:820)."""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterator
from fractions import Fraction

from ..dates import add_months, age_on, as_date
from ..deadlines import DeadlineKind
from ..model import Activity, ActivityKind, Programme
from ._engine import Context, Finding, rule
from ._helpers import exact, hours, leap_day, live_activities

__all__ = [
    "programme_age_limit",
    "programme_civic_orientation",
    "programme_education_duty",
    "programme_end",
    "programme_full_time",
    "programme_sfi_start",
    "programme_training_limit",
]

ESTABLISHMENT = (Programme.ESTABLISHMENT,)


@rule(
    code="PROG-END",
    title="Activities within the programme period",
    severity="error",
    basis="Förordning (2017:820) 15 §, 15 a §",
    programmes=ESTABLISHMENT,
    messages={
        "activity_after_end": {
            "sv": "Aktiviteten {subject} slutar {on}, efter programmets sista dag {programme_end}.",
            "en": "Activity {subject} ends on {on}, after the programme's last day "
            "{programme_end}.",
        },
        "no_exit": {
            "sv": "Programmets sista dag {on} har passerat men planen saknar avslut.",
            "en": "The programme's last day {on} has passed but the plan has no exit.",
        },
    },
)
def programme_end(ctx: Context) -> Iterator[Finding]:
    """An activity ending after the programme end, or a plan not exited after it."""
    end = ctx.key_date(DeadlineKind.PROGRAMME_END)
    upper = ctx.key_date(DeadlineKind.UPPER_AGE)
    if end is None or upper is None:
        return
    for activity in live_activities(ctx.plan):
        if activity.end > end.due and activity.end < upper.due:
            yield ctx.finding(
                reason="activity_after_end",
                subject=activity.id,
                on=activity.end,
                programme_end=end.due,
            )
    if ctx.plan.exit is None and ctx.as_of > end.due:
        yield ctx.finding(reason="no_exit", on=end.due, programme_end=end.due)


@rule(
    code="PROG-SFI-START",
    title="SFI starts within three months of the plan",
    severity="warning",
    basis="Förordning (2017:820) 11 §; Skollagen (2010:800) 20 kap. 29 §",
    programmes=ESTABLISHMENT,
    messages={
        "sv": "Ingen sfi-aktivitet börjar senast {on}.",
        "en": "No SFI activity starts on or before {on}.",
    },
)
def programme_sfi_start(ctx: Context) -> Iterator[Finding]:
    """A participant who needs SFI without an SFI activity starting by the ``sfi_start`` date."""
    deadline = ctx.key_date(DeadlineKind.SFI_START)
    if deadline is None:
        return
    if not any(
        activity.kind is ActivityKind.SFI and activity.start <= deadline.due
        for activity in live_activities(ctx.plan)
    ):
        yield ctx.finding(
            on=deadline.due,
            sfi_start=deadline.due,
            months=ctx.parameters.value("sfi_start_months", ctx.plan.start),
        )


@rule(
    code="PROG-CIVIC-ORIENTATION",
    title="Civic orientation planned, long enough and completed in time",
    severity="warning",
    basis="Lag (2013:156) 4 §; Förordning (2010:1138) 4 §, 5 §",
    programmes=ESTABLISHMENT,
    messages={
        "missing": {
            "sv": "Samhällsorientering saknas i planen.",
            "en": "The plan has no civic orientation.",
        },
        "too_few_hours": {
            "sv": "Samhällsorienteringen {subject} omfattar {hours} timmar, minst "
            "{min_hours} krävs.",
            "en": "Civic orientation {subject} has {hours} hours; at least {min_hours} "
            "are required.",
        },
        "too_late": {
            "sv": "Samhällsorienteringen {subject} slutar {on}, efter {complete_by}.",
            "en": "Civic orientation {subject} ends on {on}, after {complete_by}.",
        },
    },
)
def programme_civic_orientation(ctx: Context) -> Iterator[Finding]:
    """Civic orientation missing, below the minimum hours, or ending too late."""
    plan = ctx.plan
    courses = [a for a in live_activities(plan) if a.kind is ActivityKind.CIVIC_ORIENTATION]
    person = plan.participant
    duty_end = ctx.key_date(DeadlineKind.CIVIC_ORIENTATION_DUTY_END)
    adult = ctx.as_of >= person.birth_date and (
        age_on(person.birth_date, ctx.as_of, leap_day=leap_day(ctx))
        >= ctx.params.civic_orientation_min_age
    )
    if not courses and adult and (duty_end is None or ctx.as_of <= duty_end.due):
        yield ctx.finding(
            reason="missing",
            on=duty_end.due if duty_end is not None else ctx.as_of,
            min_age=ctx.params.civic_orientation_min_age,
        )
    complete = ctx.key_date(DeadlineKind.CIVIC_ORIENTATION_COMPLETE)
    for course in courses:
        minimum = ctx.parameters.value("civic_orientation_min_hours", course.start)
        total = hours(course)
        if total < Fraction(minimum):
            yield ctx.finding(
                reason="too_few_hours",
                subject=course.id,
                on=course.start,
                hours=round(float(total), 1),
                min_hours=minimum,
            )
        if complete is not None and course.end > complete.due:
            yield ctx.finding(
                reason="too_late", subject=course.id, on=course.end, complete_by=complete.due
            )


FULL_TIME_WEEKS = 8
"""How many ISO weeks PROG-FULL-TIME looks ahead."""


@rule(
    code="PROG-FULL-TIME",
    title="Activities fill the participation level",
    severity="warning",
    basis="Förordning (2017:820) 7–10 §§",
    programmes=ESTABLISHMENT,
    messages={
        "sv": "{weeks} av de kommande {horizon} veckorna har för få timmar planerade "
        "(första veckan börjar {on}).",
        "en": "{weeks} of the next {horizon} weeks have too few hours planned "
        "(the first begins on {on}).",
    },
)
def programme_full_time(ctx: Context) -> Iterator[Finding]:
    """Weeks in the next eight whose planned hours fall below the participation level."""
    plan = ctx.plan
    end = ctx.key_date(DeadlineKind.PROGRAMME_END)
    last_day = end.due if end is not None else None
    if plan.exit is not None:
        last_day = plan.exit.on if last_day is None else min(last_day, plan.exit.on)
    # Whole days as ordinals: the arithmetic runs for 56 days on every evaluation.
    first_in = plan.start.toordinal()
    last_in = last_day.toordinal() if last_day is not None else None
    outside = [(i.start.toordinal(), i.end.toordinal()) for i in plan.interruptions]
    hours_ = [exact(a.hours_per_week) for a in live_activities(plan)]
    # Below the level when hours x 7 < percent / 100 x full time x days (x 7 on both
    # sides). Exact, in whole numbers: every amount times a common denominator.
    needed = exact(plan.participation_percent) / 100 * exact(ctx.params.full_time_hours)
    scale = math.lcm(needed.denominator, *(h.denominator for h in hours_))
    needed_per_day = needed.numerator * (scale // needed.denominator)
    booked = [
        (a.start.toordinal(), a.end.toordinal(), h.numerator * (scale // h.denominator))
        for a, h in zip(live_activities(plan), hours_, strict=True)
    ]
    begin = max(ctx.as_of, plan.start)
    first_monday = begin.toordinal() - begin.weekday()
    under: list[int] = []
    for monday in range(first_monday, first_monday + 7 * FULL_TIME_WEEKS, 7):
        low = max(monday, first_in)
        high = monday + 6 if last_in is None else min(monday + 6, last_in)
        if high < low:
            continue
        overlapping = [
            (start, stop, weekly) for start, stop, weekly in booked if start <= high and stop >= low
        ]
        if outside:
            days = [
                day
                for day in range(low, high + 1)
                if not any(start <= day <= stop for start, stop in outside)
            ]
            count = len(days)
            planned = sum(
                weekly * sum(1 for day in days if start <= day <= stop)
                for start, stop, weekly in overlapping
            )
        else:  # the usual case: one unbroken run of days, counted by arithmetic
            count = high - low + 1
            planned = sum(
                weekly * (min(stop, high) - max(start, low) + 1)
                for start, stop, weekly in overlapping
            )
        if count and planned < needed_per_day * count:
            under.append(monday)
    if under:
        first_week = as_date(_dt.date.fromordinal(under[0]))
        yield ctx.finding(
            on=first_week,
            weeks=len(under),
            horizon=FULL_TIME_WEEKS,
            first_week=first_week,
            full_time_hours=ctx.params.full_time_hours,
            participation_percent=plan.participation_percent,
        )


@rule(
    code="PROG-AGE-LIMIT",
    title="No activities once the upper age is reached",
    severity="error",
    basis="Lag (2017:584) 2 §; Förordning (2017:820) 21 §",
    programmes=ESTABLISHMENT,
    messages={
        "sv": "Aktiviteten {subject} pågår till {on}, men deltagaren når den övre "
        "åldersgränsen {upper_age} år den {upper_age_date}.",
        "en": "Activity {subject} runs until {on}, but the participant reaches the upper "
        "age of {upper_age} on {upper_age_date}.",
    },
)
def programme_age_limit(ctx: Context) -> Iterator[Finding]:
    """An activity running on or after the day the participant reaches the upper age."""
    upper = ctx.key_date(DeadlineKind.UPPER_AGE)
    if upper is None:
        return
    age = ctx.parameters.upper_age_for(ctx.participant.birth_date)
    for activity in live_activities(ctx.plan):
        if activity.end >= upper.due:
            yield ctx.finding(
                subject=activity.id, on=activity.end, upper_age=age, upper_age_date=upper.due
            )


_TRAINING = (
    (ActivityKind.WORK_TRAINING, "work_training_months"),
    (ActivityKind.ENHANCED_WORK_TRAINING, "enhanced_work_training_months"),
    (ActivityKind.SHORTAGE_OCCUPATION_TRAINING, "shortage_occupation_training_months"),
)


@rule(
    code="PROG-TRAINING-LIMIT",
    title="Work training within its maximum length",
    severity="error",
    basis="Förordning (2017:820) 13 a §, 13 b §, 13 d §",
    programmes=ESTABLISHMENT,
    messages={
        "sv": "Aktiviteter av slaget {kind} omfattar {days} dagar, mer än {months} månader "
        "({limit_days} dagar); gränsen passeras den {crossed_on} av {subject}.",
        "en": "Activities of kind {kind} cover {days} days, more than {months} months "
        "({limit_days} days); {subject} crosses the limit on {crossed_on}.",
    },
)
def programme_training_limit(ctx: Context) -> Iterator[Finding]:
    """Work training, enhanced work training or shortage training beyond its maximum."""
    activities = live_activities(ctx.plan)
    for kind, parameter in _TRAINING:
        of_kind = sorted((a for a in activities if a.kind is kind), key=lambda a: (a.start, a.id))
        if not of_kind:
            continue
        first_start = of_kind[0].start
        months = ctx.parameters.int_value(parameter, first_start)
        limit = add_months(first_start, months).toordinal() - first_start.toordinal() + 1
        # Count each day once: walk the ranges in start order, adding only the days
        # after those already covered, and note where the count passes the limit.
        covered = 0
        covered_until = first_start.toordinal() - 1
        crossing: Activity | None = None
        crossed_on = 0
        for activity in of_kind:
            new_from = max(activity.start.toordinal(), covered_until + 1)
            new_days = activity.end.toordinal() - new_from + 1
            if new_days <= 0:
                continue
            if crossing is None and covered + new_days > limit:
                crossing, crossed_on = activity, new_from + (limit - covered)
            covered += new_days
            covered_until = activity.end.toordinal()
        if crossing is None:
            continue
        yield ctx.finding(
            subject=crossing.id,
            on=crossing.end,
            kind=kind,
            days=covered,
            months=months,
            limit_days=limit,
            crossed_on=as_date(_dt.date.fromordinal(crossed_on)),
        )


EDUCATION = frozenset(
    {
        ActivityKind.SFI,
        ActivityKind.CIVIC_ORIENTATION,
        ActivityKind.ADULT_EDUCATION,
        ActivityKind.UPPER_SECONDARY_INTRO,
        ActivityKind.HIGHER_EDUCATION,
    }
)
"""Activity kinds that count as education for the education obligation."""


@rule(
    code="PROG-EDUCATION-DUTY",
    title="Mainly education under the education obligation",
    severity="warning",
    basis="Förordning (2017:820) 12 § (utbildningsplikt)",
    programmes=ESTABLISHMENT,
    messages={
        "sv": "Deltagaren omfattas av utbildningsplikt men endast {education_hours} av "
        "{total_hours} timmar är utbildning.",
        "en": "The participant is under the education obligation but only "
        "{education_hours} of {total_hours} hours are education.",
    },
)
def programme_education_duty(ctx: Context) -> Iterator[Finding]:
    """A short-educated participant whose activities are less than half education."""
    if not ctx.participant.short_education:
        return
    activities = live_activities(ctx.plan)
    if not activities:
        return
    total = sum((hours(a) for a in activities), Fraction(0))
    education = sum((hours(a) for a in activities if a.kind in EDUCATION), Fraction(0))
    if education * 2 < total:
        yield ctx.finding(
            on=ctx.plan.start,
            education_hours=round(float(education), 1),
            total_hours=round(float(total), 1),
        )
