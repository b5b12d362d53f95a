"""Rules on the participation level, absences and time outside the programme.

Förordning (2017:820): part time needs a documented reason (9 §); absence for special
family reasons is limited in total (16 §); a full-time sick leave or parental benefit
of more than 30 consecutive days leads to the referral being withdrawn from its 31st
day (17–18 §§), with re-entry the day after its last (20 §). Shorter absences are time
in the programme, and are recorded as absences, not interruptions.

Days are handled as ordinals, and periods of days as ``(first, last)`` pairs, like the
programme clock (:mod:`handlingsplan._clock`), whose runs and outside periods these
rules share so that a finding and the clock never disagree.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Any

from .._clock import Period, levels, merge, outside_periods, withdrawn_runs
from ..dates import as_date
from ..model import AbsenceReason, InterruptionReason, Plan, Programme
from ._context import Context
from ._finding import Finding
from ._helpers import live_activities
from ._rule import rule

__all__ = [
    "absence_exit",
    "absence_family_limit",
    "activity_outside_programme",
    "interruption_short",
    "part_time_reason",
]

ESTABLISHMENT = (Programme.ESTABLISHMENT,)

_LAST_DAY = _dt.date.max.toordinal()

_BENEFIT_INTERRUPTIONS = frozenset(
    {InterruptionReason.SICKNESS, InterruptionReason.PARENTAL_BENEFIT}
)
_BENEFIT_ABSENCES = frozenset({AbsenceReason.SICKNESS, AbsenceReason.PARENTAL_BENEFIT})


def _day(ordinal: int) -> _dt.date:
    return as_date(_dt.date.fromordinal(ordinal))


def _exit_ordinal(plan: Plan) -> int:
    """The last day in the programme as an ordinal: the exit day, or open."""
    return plan.exit.on.toordinal() if plan.exit is not None else _LAST_DAY


@rule(
    code="PART-TIME-REASON",
    title={
        "sv": "Deltid har ett dokumenterat skäl",
        "en": "Part-time participation has a documented reason",
    },
    severity="warning",
    basis="Förordning (2017:820) 9 §",
    programmes=ESTABLISHMENT,
    messages={
        "sv": "Deltagandet är {percent} % från och med {on} utan angivet skäl; deltid ska "
        "grundas på sjukdom, föräldrapenning, brist på barnomsorg eller annat godtaget skäl.",
        "en": "Participation is {percent} % from {on} without a reason; part time must rest "
        "on sickness, parental benefit, lack of childcare or another accepted reason.",
    },
)
def part_time_reason(ctx: Context) -> Iterator[Finding]:
    """A level below 100 %, initial or changed, that runs without a documented reason."""
    last = _exit_ordinal(ctx.plan)
    for level in levels(ctx.plan):
        if level.percent < 100 and level.reason is None and level.first.toordinal() <= last:
            yield ctx.finding(on=level.first, percent=level.percent)


@rule(
    code="ABSENCE-EXIT",
    title={
        "sv": "Lång hel sjukskrivning eller föräldrapenning leder till avslut",
        "en": "A long full-time sick leave or parental benefit leads to an exit",
    },
    severity="warning",
    basis="Förordning (2017:820) 17–18 §§",
    programmes=ESTABLISHMENT,
    messages={
        "sv": "Frånvaron på heltid för sjukdom eller föräldrapenning {start}–{end} varar "
        "{days} dagar i följd, mer än {absence_exit_days}; anvisningen bör återkallas från "
        "och med {on}.",
        "en": "The full-time absence for sickness or parental benefit from {start} to {end} "
        "lasts {days} consecutive days, more than {absence_exit_days}; the referral should "
        "be withdrawn from {on}.",
    },
)
def absence_exit(ctx: Context) -> Iterator[Finding]:
    """A run of full-time sickness or parental-benefit absences beyond 30 days."""
    plan = ctx.plan
    first_in, last_in = plan.start.toordinal(), _exit_ordinal(plan)
    interrupted, _ = outside_periods(plan, ctx.parameters)
    for (first, last), (withdrawn_first, withdrawn_last) in withdrawn_runs(plan, ctx.parameters):
        # Only withdrawn days the programme still had: after the start, up to the exit,
        # and not already recorded as an interruption.
        days_in = (max(withdrawn_first, first_in), min(withdrawn_last, last_in))
        if days_in[0] > days_in[1] or _covered(days_in, interrupted):
            continue
        yield ctx.finding(
            on=_day(withdrawn_first),
            start=_day(first),
            end=_day(last),
            days=last - first + 1,
            absence_exit_days=ctx.parameters.int_value("absence_exit_days", _day(first)),
        )


def _covered(period: Period, periods: list[Period]) -> bool:
    """Whether ``period`` lies wholly inside one of the disjoint, merged ``periods``."""
    return any(first <= period[0] and period[1] <= last for first, last in periods)


@rule(
    code="INTERRUPTION-SHORT",
    title={
        "sv": "Kort sjukskrivning eller föräldrapenning är frånvaro, inte avbrott",
        "en": "A short sick leave or parental benefit is an absence, not an interruption",
    },
    severity="warning",
    basis="Förordning (2017:820) 17–18 §§",
    programmes=ESTABLISHMENT,
    messages={
        "sv": "Avbrottet {start}–{end} gäller sjukdom eller föräldrapenning i {days} dagar i "
        "följd, högst {absence_exit_days}, vilket inte är skäl för avslut; registrera det "
        "som frånvaro. Programklockan räknar avbrottet som tid utanför programmet, vilket "
        "då kan vara fel.",
        "en": "The interruption from {start} to {end} is for sickness or parental benefit "
        "lasting {days} consecutive days, at most {absence_exit_days}, which is no ground "
        "for an exit; record it as an absence. The programme clock counts the interruption "
        "as time outside the programme, which may then be wrong.",
    },
)
def interruption_short(ctx: Context) -> Iterator[Finding]:
    """An interruption for sickness or parental benefit of at most 30 days."""
    plan = ctx.plan
    first_in, last_in = plan.start.toordinal(), _exit_ordinal(plan)
    benefit = [i for i in plan.interruptions if i.reason in _BENEFIT_INTERRUPTIONS]
    # A sick leave is as long as its consecutive days, whether recorded as adjacent
    # interruptions or as full-time absences followed by the interruption.
    runs = merge(
        [(i.start.toordinal(), i.end.toordinal()) for i in benefit]
        + [
            (a.start.toordinal(), a.end.toordinal())
            for a in plan.absences
            if a.reason in _BENEFIT_ABSENCES and a.percent == 100
        ]
    )
    for item in sorted(benefit, key=lambda i: i.start):
        start, end = item.start.toordinal(), item.end.toordinal()
        if start > last_in or end < first_in:
            continue  # the clock does not count it
        run_first, run_last = next(run for run in runs if run[0] <= start <= run[1])
        limit = ctx.parameters.int_value("absence_exit_days", _day(run_first))
        days = run_last - run_first + 1
        if days <= limit:
            yield ctx.finding(
                on=item.start,
                start=item.start,
                end=item.end,
                days=days,
                interruption_reason=item.reason,
                absence_exit_days=limit,
            )


@rule(
    code="ABSENCE-FAMILY-LIMIT",
    title={
        "sv": "Frånvaro av särskilda familjeskäl inom sin gräns",
        "en": "Absence for special family reasons within its limit",
    },
    severity="warning",
    basis="Förordning (2017:820) 16 §",
    programmes=ESTABLISHMENT,
    messages={
        "sv": "Frånvaron av särskilda familjeskäl omfattar {days} dagar, fler än de högst "
        "{family_absence_max_days} som medges; gränsen passeras den {on}.",
        "en": "Absence for special family reasons covers {days} days, more than the "
        "{family_absence_max_days} allowed; the limit is passed on {on}.",
    },
)
def absence_family_limit(ctx: Context) -> Iterator[Finding]:
    """Absence for family reasons totalling more than ``family_absence_max_days`` days."""
    plan = ctx.plan
    limit = ctx.parameters.int_value("family_absence_max_days", plan.start)
    last_in = _exit_ordinal(plan)
    periods = merge(
        (a.start.toordinal(), min(a.end.toordinal(), last_in))
        for a in plan.absences
        if a.reason is AbsenceReason.FAMILY_REASONS and a.start.toordinal() <= last_in
    )
    counted = 0
    over: int | None = None
    for first, last in periods:
        if over is None and counted + (last - first + 1) > limit:
            over = first + (limit - counted)
        counted += last - first + 1
    if over is not None:
        yield ctx.finding(on=_day(over), days=counted, family_absence_max_days=limit)


@rule(
    code="ACT-OUTSIDE-PROGRAMME",
    title={
        "sv": "Aktiviteter endast under tiden i programmet",
        "en": "Activities only while in the programme",
    },
    severity="warning",
    basis="Förordning (2017:820) 17–20 §§",
    programmes=ESTABLISHMENT,
    messages={
        "after_exit": {
            "sv": "Aktiviteten {subject} ({start}–{end}) pågår efter avslutet {exit_on}, från "
            "och med {on}.",
            "en": "Activity {subject} ({start} to {end}) runs after the exit on {exit_on}, "
            "from {on}.",
        },
        "outside": {
            "sv": "Aktiviteten {subject} ({start}–{end}) ligger helt i tid utanför "
            "programmet: ett avbrott, en återkallad anvisning eller tiden efter avslutet.",
            "en": "Activity {subject} ({start} to {end}) lies wholly in time outside the "
            "programme: an interruption, a withdrawn referral or the time after the exit.",
        },
    },
)
def activity_outside_programme(ctx: Context) -> Iterator[Finding]:
    """An activity running after the exit, or lying wholly in time outside the programme."""
    plan = ctx.plan
    last_in = _exit_ordinal(plan)
    interrupted, withdrawn = outside_periods(plan, ctx.parameters)
    # The exit day is inside; every day after it is outside, joined to the periods
    # before it that reach the exit.
    after_exit = [(last_in + 1, _LAST_DAY)] if plan.exit is not None else []
    outside = merge([*interrupted, *withdrawn, *after_exit])
    exit_on: dict[str, Any] = {} if plan.exit is None else {"exit_on": plan.exit.on}
    for activity in live_activities(plan):
        start, end = activity.start.toordinal(), activity.end.toordinal()
        if _covered((start, end), outside):
            # Wholly outside: from its start, whether after the exit or not.
            reason = "after_exit" if start > last_in else "outside"
            on = activity.start
        elif end > last_in:
            reason, on = "after_exit", _day(last_in + 1)
        else:
            continue
        yield ctx.finding(
            reason=reason,
            subject=activity.id,
            on=on,
            start=activity.start,
            end=activity.end,
            **exit_on,
        )
