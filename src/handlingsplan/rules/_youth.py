"""Rules for young participants: the 18-year transition and language introduction.

- ``YOUTH-TRANSITION-PLAN``: an unaccompanied minor (whose guardianship, Lag 2005:429,
  ends at 18) or a participant with an activity only for minors needs a transition plan
  before the 18th birthday. Others, a 17-year-old living with his parents say, get none.
- ``YOUTH-MINORS-ONLY``: activities only for minors end before the 18th birthday.
- ``YOUTH-UPPER-SECONDARY``: upper-secondary school starts by 30 June of the year of 20
  (Skollagen 2010:800 15 kap. 5 §).
- ``YOUTH-STUDY-PLAN``: language introduction has a study plan within two months of its
  start (Skollagen 17 kap. 14 a §), judged once the ``study_plan_due`` date has passed.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dates import add_months
from ..deadlines import DeadlineKind, age_18_date, upper_secondary_cutoff
from ..model import ActivityKind, MilestoneKind
from ._context import Context
from ._finding import Finding
from ._helpers import live_activities
from ._rule import rule
from ._severity import Severity

__all__ = [
    "youth_minors_only",
    "youth_study_plan",
    "youth_transition_plan",
    "youth_upper_secondary",
]

_GUARDIANSHIP = "Lag (2005:429) om god man för ensamkommande barn"
_MINORS = "Föräldrabalken 9 kap. 1 §; LVU 2 §"


@rule(
    code="YOUTH-TRANSITION-PLAN",
    title={
        "sv": "En övergångsplan före 18-årsdagen",
        "en": "A transition plan before the 18th birthday",
    },
    severity="warning",
    basis=f"Föräldrabalken 9 kap. 1 §; {_GUARDIANSHIP}; LVU 2 §",
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
    """From six months before the 18th birthday, a transition-plan milestone is expected.

    Only for an unaccompanied minor or a participant with a non-cancelled minors-only
    activity; the guardianship act is cited only for an unaccompanied minor.
    """
    deadline = ctx.key_date(DeadlineKind.AGE_18)
    if deadline is None:
        return
    unaccompanied = ctx.participant.unaccompanied_minor
    if not unaccompanied and not any(a.minors_only for a in live_activities(ctx.plan)):
        return
    basis = None if unaccompanied else _MINORS
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
                reason="missing",
                on=birthday,
                basis=basis,
                notice_months=notice,
                notice_from=notice_from,
            )
    elif ctx.as_of > birthday:
        achieved = any(m.achieved_on is not None and m.achieved_on <= ctx.as_of for m in milestones)
        if not achieved:
            yield ctx.finding(
                reason="not_achieved", on=birthday, severity=Severity.ERROR, basis=basis
            )


@rule(
    code="YOUTH-MINORS-ONLY",
    title={
        "sv": "Aktiviteter endast för minderåriga slutar före 18-årsdagen",
        "en": "Activities only for minors end before the 18th birthday",
    },
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
    title={
        "sv": "Språkintroduktionen börjar senast sista dagen för gymnasieutbildning",
        "en": "Upper-secondary introduction starts by the cut-off",
    },
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


@rule(
    code="YOUTH-STUDY-PLAN",
    title={
        "sv": "En studieplan för språkintroduktionen inom två månader",
        "en": "A study plan for language introduction within two months",
    },
    severity="warning",
    basis="Skollagen (2010:800) 17 kap. 12 §, 14 a §",
    messages={
        "sv": "Språkintroduktionen {subject} började {start}; ingen studieplan "
        "(delmål av slaget studieplan) var uppnådd senast {on}.",
        "en": "Language introduction {subject} started on {start}; no study plan "
        "(a study_plan milestone) was achieved by {on}.",
    },
)
def youth_study_plan(ctx: Context) -> Iterator[Finding]:
    """No study-plan milestone achieved by the ``study_plan_due`` date, once it has passed."""
    deadline = ctx.key_date(DeadlineKind.STUDY_PLAN_DUE)
    if deadline is None or ctx.as_of <= deadline.act_by:
        return
    if any(
        m.kind is MilestoneKind.STUDY_PLAN
        and m.achieved_on is not None
        and m.achieved_on <= deadline.act_by
        for m in ctx.plan.milestones
    ):
        return
    yield ctx.finding(
        subject=deadline.subject,
        on=deadline.act_by,
        start=deadline.facts["event_on"],
        study_plan_due=deadline.due,
        months=ctx.parameters.value("study_plan_months", deadline.facts["event_on"]),
    )
