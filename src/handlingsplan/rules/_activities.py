"""Rules on activities and milestones, for every programme (Förordning 2000:628 6 §)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ActivityStatus
from ._context import Context
from ._finding import Finding
from ._helpers import live_activities
from ._rule import rule

__all__ = [
    "activity_before_plan",
    "activity_not_closed",
    "activity_not_started",
    "milestone_overdue",
]

_PLAN_BASIS = "Förordning (2000:628) 6 §; AFFS 2014:1 2–4 §§"


@rule(
    code="ACT-BEFORE-PLAN",
    title={
        "sv": "Aktiviteter börjar efter anvisningen",
        "en": "Activities start after the referral",
    },
    severity="warning",
    basis=_PLAN_BASIS,
    messages={
        "sv": "Aktiviteten {subject} börjar {on}, före anvisningen {referred_on}.",
        "en": "Activity {subject} starts on {on}, before the referral on {referred_on}.",
    },
)
def activity_before_plan(ctx: Context) -> Iterator[Finding]:
    """An activity starting before ``referred_on``."""
    referred = ctx.plan.referred_on
    for activity in live_activities(ctx.plan):
        if activity.start < referred:
            yield ctx.finding(subject=activity.id, on=activity.start, referred_on=referred)


@rule(
    code="ACT-NOT-STARTED",
    title={"sv": "Planerade aktiviteter påbörjas", "en": "Planned activities are started"},
    severity="warning",
    basis=_PLAN_BASIS,
    messages={
        "sv": "Aktiviteten {subject} skulle ha börjat {on} men är fortfarande planerad.",
        "en": "Activity {subject} was due to start on {on} but is still planned.",
    },
)
def activity_not_started(ctx: Context) -> Iterator[Finding]:
    """A planned activity whose start is before ``as_of``."""
    for activity in ctx.plan.activities:
        if activity.status is ActivityStatus.PLANNED and activity.start < ctx.as_of:
            yield ctx.finding(subject=activity.id, on=activity.start)


@rule(
    code="ACT-NOT-CLOSED",
    title={"sv": "Avslutade aktiviteter stängs", "en": "Ended activities are closed"},
    severity="warning",
    basis=_PLAN_BASIS,
    messages={
        "sv": "Aktiviteten {subject} slutade {on} men har status {status}.",
        "en": "Activity {subject} ended on {on} but its status is {status}.",
    },
)
def activity_not_closed(ctx: Context) -> Iterator[Finding]:
    """An active or on-hold activity whose end is before ``as_of``."""
    for activity in ctx.plan.activities:
        if (
            activity.status in (ActivityStatus.ACTIVE, ActivityStatus.ON_HOLD)
            and activity.end < ctx.as_of
        ):
            yield ctx.finding(subject=activity.id, on=activity.end, status=activity.status)


@rule(
    code="MS-OVERDUE",
    title={
        "sv": "Delmål uppnås senast på förfallodagen",
        "en": "Milestones are achieved by their due date",
    },
    severity="warning",
    basis=_PLAN_BASIS,
    messages={
        "sv": "Delmålet {subject} ({title}) skulle vara uppnått {on}.",
        "en": "Milestone {subject} ({title}) was due on {on}.",
    },
)
def milestone_overdue(ctx: Context) -> Iterator[Finding]:
    """A milestone due before ``as_of`` and not achieved on or before ``as_of``."""
    for milestone in ctx.plan.milestones:
        achieved = milestone.achieved_on is not None and milestone.achieved_on <= ctx.as_of
        if milestone.due < ctx.as_of and not achieved:
            yield ctx.finding(subject=milestone.id, on=milestone.due, title=milestone.title)
