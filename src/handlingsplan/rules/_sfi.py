"""Rules of SFI, Swedish tuition for adults (Skollagen 2010:800 20 kap.).

- ``PROG-SFI-START`` (29 §; Förordning 2017:820 11 §): an SFI activity starts by the
  ``sfi_start`` date, three months after the plan's start.
- ``PROG-SFI-TARGET`` (29 §): for establishment participants the municipality works to
  start SFI within one month; a note when no SFI activity starts by then.
- ``SFI-HOURS`` (24 §): SFI offers at least 15 hours a week; a note for each course
  planned below the minimum in force on its start.
- ``SFI-RIGHT-END`` (31 a §, from 2026-01-01): the right lasts three years from the first
  admission; a course running past it needs an extension decision (at most six months
  at a time).

A participant under 20 with a language introduction (*språkintroduktion*) follows
upper-secondary school: the key dates :mod:`handlingsplan.deadlines` gives leave out both
start dates for them, so these rules say nothing about when SFI should have started.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dates import add_days
from ..deadlines import DeadlineKind
from ..model import ActivityKind, Programme
from ._context import Context
from ._finding import Finding
from ._helpers import exact, live_activities
from ._rule import rule

__all__ = ["programme_sfi_start", "programme_sfi_target", "sfi_hours", "sfi_right_end"]

ESTABLISHMENT = (Programme.ESTABLISHMENT,)


@rule(
    code="PROG-SFI-START",
    title={
        "sv": "Sfi påbörjas inom tre månader från planen",
        "en": "SFI starts within three months of the plan",
    },
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
    code="PROG-SFI-TARGET",
    title={
        "sv": "Sfi påbörjas inom en månad från planen",
        "en": "SFI starts within a month of the plan",
    },
    severity="info",
    basis="Skollagen (2010:800) 20 kap. 29 §",
    programmes=ESTABLISHMENT,
    messages={
        "sv": "Ingen sfi-aktivitet börjar senast {on}; kommunen ska verka för att sfi "
        "påbörjas inom {months} månad från planen.",
        "en": "No SFI activity starts on or before {on}; the municipality is to work to "
        "start SFI within {months} month of the plan.",
    },
)
def programme_sfi_target(ctx: Context) -> Iterator[Finding]:
    """No SFI activity starting by the ``sfi_start_target`` date's ``act_by``."""
    target = ctx.key_date(DeadlineKind.SFI_START_TARGET)
    if target is None:
        return
    if not any(
        activity.kind is ActivityKind.SFI and activity.start <= target.act_by
        for activity in live_activities(ctx.plan)
    ):
        yield ctx.finding(
            on=target.act_by,
            sfi_start_target=target.due,
            act_by=target.act_by,
            months=ctx.parameters.value("sfi_target_months", ctx.plan.start),
        )


@rule(
    code="SFI-HOURS",
    title={
        "sv": "Sfi planerad med minsta antal timmar i veckan",
        "en": "SFI planned at the minimum weekly hours",
    },
    severity="info",
    basis="Skollagen (2010:800) 20 kap. 24 §",
    messages={
        "sv": "Sfi-aktiviteten {subject} har {hours_per_week} timmar i veckan; sfi ska "
        "erbjudas minst {min_hours_per_week} timmar i veckan.",
        "en": "SFI activity {subject} has {hours_per_week} hours a week; SFI is to be "
        "offered for at least {min_hours_per_week} hours a week.",
    },
)
def sfi_hours(ctx: Context) -> Iterator[Finding]:
    """Each SFI activity planned below the weekly minimum in force on its start."""
    for activity in live_activities(ctx.plan):
        if activity.kind is not ActivityKind.SFI:
            continue
        minimum = ctx.parameters.number_value("sfi_min_hours_per_week", activity.start)
        if exact(activity.hours_per_week) < exact(float(minimum)):
            yield ctx.finding(
                subject=activity.id,
                on=activity.start,
                hours_per_week=activity.hours_per_week,
                min_hours_per_week=minimum,
            )


@rule(
    code="SFI-RIGHT-END",
    title={"sv": "Sfi inom rätten på tre år", "en": "SFI within the three-year right"},
    severity="warning",
    basis="Skollagen (2010:800) 20 kap. 31 a §",
    messages={
        "sv": "Sfi-aktiviteten {subject} slutar {end}, efter att rätten till sfi upphör "
        "{sfi_right_end}; det kräver beslut om förlängning (högst sex månader i taget).",
        "en": "SFI activity {subject} ends on {end}, after the right to SFI ends on "
        "{sfi_right_end}; that needs an extension decision (at most six months at a "
        "time).",
    },
)
def sfi_right_end(ctx: Context) -> Iterator[Finding]:
    """An SFI activity ending after the ``sfi_right_end`` date."""
    right = ctx.key_date(DeadlineKind.SFI_RIGHT_END)
    if right is None:
        return
    for activity in live_activities(ctx.plan):
        if activity.kind is ActivityKind.SFI and activity.end > right.due:
            yield ctx.finding(
                subject=activity.id,
                on=add_days(right.due, 1),
                end=activity.end,
                sfi_right_end=right.due,
                first_admission=right.facts["event_on"],
            )
