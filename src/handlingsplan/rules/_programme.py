"""Rules of the establishment programme (Lag 2017:584, Förordning 2017:820)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

from ..dates import add_months, as_date
from ..deadlines import DeadlineKind
from ..model import Activity, ActivityKind, Programme
from ._context import Context
from ._finding import Finding

# PROG-FULL-TIME has a module of its own; named here too, so that a rule pickled by its
# module and name before the split is found again.
from ._full_time import FULL_TIME_WEEKS, programme_full_time
from ._helpers import live_activities, tenths, total_hours
from ._rule import rule

__all__ = [
    "EDUCATION",
    "ESTABLISHMENT",
    "FULL_TIME_WEEKS",
    "programme_age_limit",
    "programme_education_duty",
    "programme_end",
    "programme_full_time",
    "programme_training_limit",
]

ESTABLISHMENT = (Programme.ESTABLISHMENT,)


@rule(
    code="PROG-END",
    title={"sv": "Aktiviteter inom programtiden", "en": "Activities within the programme period"},
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
    code="PROG-AGE-LIMIT",
    title={
        "sv": "Inga aktiviteter när den övre åldersgränsen är nådd",
        "en": "No activities once the upper age is reached",
    },
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
    title={
        "sv": "Arbetsträning inom sin längsta tid",
        "en": "Work training within its maximum length",
    },
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
    title={
        "sv": "Huvudsakligen utbildning vid utbildningsplikt",
        "en": "Mainly education under the education obligation",
    },
    severity="warning",
    basis="Förordning (2017:820) 12 § (utbildningsplikt)",
    programmes=ESTABLISHMENT,
    messages={
        "sv": "Deltagaren omfattas av utbildningsplikt men endast {education_hours} av "
        "{total_hours} timmar är utbildning: {hours_planned} timmar utbildning är planerade "
        "där mer än {hours_required} krävs.",
        "en": "The participant is under the education obligation but only "
        "{education_hours} of {total_hours} hours are education: {hours_planned} hours "
        "of education are planned where more than {hours_required} are required.",
    },
)
def programme_education_duty(ctx: Context) -> Iterator[Finding]:
    """A short-educated participant whose activities are not mainly (over half) education.

    "Mainly" is read as strictly more than half of the planned hours: exactly half is
    not enough.
    """
    if not ctx.participant.short_education:
        return
    activities = live_activities(ctx.plan)
    if not activities:
        return
    total = total_hours(activities)
    education = total_hours(a for a in activities if a.kind in EDUCATION)
    if education * 2 <= total:
        yield ctx.finding(
            on=ctx.plan.start,
            education_hours=round(float(education), 1),
            total_hours=round(float(total), 1),
            hours_required=tenths(total / 2, up=True),
            hours_planned=tenths(education, up=False),
        )
