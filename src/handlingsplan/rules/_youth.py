"""Rules for young participants and the 18-year transition."""

from __future__ import annotations

from collections.abc import Iterator

from ..dates import add_months
from ..deadlines import DeadlineKind, age_18_date, upper_secondary_cutoff
from ..model import ActivityKind, MilestoneKind
from ._engine import Context, Finding, Severity, rule
from ._helpers import live_activities

__all__ = ["youth_minors_only", "youth_transition_plan", "youth_upper_secondary"]


@rule(
    code="YOUTH-TRANSITION-PLAN",
    title="A transition plan before the 18th birthday",
    severity="warning",
    basis="Föräldrabalken 9 kap. 1 §; Lag (2005:429) om god man för ensamkommande barn; LVU 2 §",
    messages={
        "missing": {
            "sv": "Deltagaren fyller 18 år {on}; inget delmål för en övergångsplan finns "
            "före födelsedagen.",
            "en": "The participant turns 18 on {on}; no transition-plan milestone is due "
            "by the birthday.",
        },
        "not_achieved": {
            "sv": "Deltagaren fyllde 18 år {on} utan en genomförd övergångsplan.",
            "en": "The participant turned 18 on {on} without an achieved transition plan.",
        },
    },
)
def youth_transition_plan(ctx: Context) -> Iterator[Finding]:
    """From six months before the 18th birthday, a transition-plan milestone is expected."""
    deadline = ctx.key_date(DeadlineKind.AGE_18)
    if deadline is None:
        return
    birthday = deadline.due
    notice = ctx.params.transition_plan_notice_months
    notice_from = add_months(birthday, -notice)
    milestones = [
        m
        for m in ctx.plan.milestones
        if m.kind is MilestoneKind.TRANSITION_PLAN and m.due <= birthday
    ]
    if notice_from <= ctx.as_of <= birthday:
        if not milestones:
            yield ctx.finding(
                reason="missing", on=birthday, notice_months=notice, notice_from=notice_from
            )
    elif ctx.as_of > birthday:
        achieved = any(m.achieved_on is not None and m.achieved_on <= ctx.as_of for m in milestones)
        if not achieved:
            yield ctx.finding(reason="not_achieved", on=birthday, severity=Severity.ERROR)


@rule(
    code="YOUTH-MINORS-ONLY",
    title="Activities only for minors end before the 18th birthday",
    severity="error",
    basis="Föräldrabalken 9 kap. 1 §; Lag (2005:429) 5 §; LVU 21 §",
    messages={
        "sv": "Aktiviteten {subject} är endast för minderåriga men pågår till {on}; sista "
        "dag är {last_day}, dagen före 18-årsdagen.",
        "en": "Activity {subject} is for minors only but runs until {on}; its last day is "
        "{last_day}, the day before the 18th birthday.",
    },
)
def youth_minors_only(ctx: Context) -> Iterator[Finding]:
    """A minors-only activity still running on or after the 18th birthday."""
    birthday = age_18_date(ctx.plan, parameters=ctx.parameters)
    for activity in live_activities(ctx.plan):
        if activity.minors_only and activity.end >= birthday:
            yield ctx.finding(
                subject=activity.id,
                on=activity.end,
                birthday=birthday,
                last_day=birthday.subtract(days=1),
            )


@rule(
    code="YOUTH-UPPER-SECONDARY",
    title="Upper-secondary introduction starts by the cut-off",
    severity="error",
    basis="Skollagen (2010:800) 15 kap. 5 §, 17 kap. 12 §",
    messages={
        "sv": "Språkintroduktionen {subject} börjar {on}, efter sista dag {cutoff} att "
        "påbörja gymnasieutbildning.",
        "en": "Upper-secondary introduction {subject} starts on {on}, after the last day "
        "{cutoff} to start upper-secondary education.",
    },
)
def youth_upper_secondary(ctx: Context) -> Iterator[Finding]:
    """An upper-secondary introduction activity starting after 30 June of the year of 20."""
    cutoff = upper_secondary_cutoff(ctx.plan, parameters=ctx.parameters)
    for activity in live_activities(ctx.plan):
        if activity.kind is ActivityKind.UPPER_SECONDARY_INTRO and activity.start > cutoff:
            yield ctx.finding(subject=activity.id, on=activity.start, cutoff=cutoff)
