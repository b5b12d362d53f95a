"""The invariants of a plan across its fields, checked when a plan is made.

Every broken invariant is collected and reported at once in one
:class:`~handlingsplan.InvalidPlanError`, each at its path: the order of the plan's
dates, the participation changes, unique ids, nothing before the birth date, periods
that must not overlap, and an exit and follow-up that fit the referral.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

import pendulum

from .._privacy import echo
from ..errors import ErrorCode
from ._activity import Activity
from ._checks import MAX_DATE, MIN_DATE, Problems, _Unreadable, indexed, overlaps
from ._enums import AbsenceReason, ParticipationReason, Programme
from ._exit import Exit, FollowUp
from ._interruption import Interruption
from ._milestone import Milestone
from ._participant import Participant
from ._participation import Absence, ParticipationChange

if TYPE_CHECKING:
    from ._plan import Plan

__all__ = ["check_plan"]


def check_plan(plan: Plan) -> None:
    """Raise :class:`InvalidPlanError` naming every broken invariant of ``plan``."""
    check = Problems(plan)
    check.text("id", nonempty=True)
    check.instance("participant", Participant)
    check.enum("programme", Programme)
    referred = check.date("referred_on")
    if check.date("plan_made_on", optional=True) and referred:
        assert plan.plan_made_on is not None
        if plan.plan_made_on < plan.referred_on:
            check.add(
                "plan_made_on",
                f"{plan.plan_made_on.isoformat()} is before the referral "
                f"{plan.referred_on.isoformat()}",
                ErrorCode.WRONG_ORDER,
            )
    check.number("participation_percent", 1, 100)
    check.enum("participation_reason", ParticipationReason, optional=True)
    check.items_of("participation_changes", ParticipationChange)
    start = _start_if_readable(plan)
    latest: tuple[int, ParticipationChange] | None = None
    for index, change in indexed(plan.participation_changes, ParticipationChange):
        if start is not None and change.on < start:
            check.add(
                f"participation_changes[{index}].on",
                f"{change.on.isoformat()} is before the plan's start {start.isoformat()}",
                ErrorCode.WRONG_ORDER,
            )
        if latest is not None and change.on <= latest[1].on:
            check.add(
                f"participation_changes[{index}].on",
                f"{change.on.isoformat()} is not after participation_changes[{latest[0]}].on "
                f"{latest[1].on.isoformat()}",
                ErrorCode.WRONG_ORDER,
            )
        latest = (index, change)
    check.items_of("activities", Activity)
    check.items_of("milestones", Milestone)
    seen: dict[str, str] = {}
    for field, cls in (("activities", Activity), ("milestones", Milestone)):
        for index, item in indexed(getattr(plan, field), cls):
            path = f"{field}[{index}]"
            if item.id in seen:
                check.add(
                    f"{path}.id",
                    f"id {echo(item.id)} is already used by {seen[item.id]}",
                    ErrorCode.DUPLICATE_ID,
                )
            else:
                seen[item.id] = path
    _check_birth_date(plan, check, referred)
    check.items_of("interruptions", Interruption)
    _check_overlaps(check, "interruptions", indexed(plan.interruptions, Interruption))
    check.items_of("absences", Absence)
    for reason in AbsenceReason:
        same = [
            (index, item)
            for index, item in indexed(plan.absences, Absence)
            if item.reason is reason
        ]
        _check_overlaps(check, "absences", same)
    if check.instance("exit", Exit, optional=True) and referred:
        assert plan.exit is not None
        if plan.exit.on < plan.referred_on:
            check.add(
                "exit.on",
                f"{plan.exit.on.isoformat()} is before the referral {plan.referred_on.isoformat()}",
                ErrorCode.WRONG_ORDER,
            )
    if check.instance("follow_up", FollowUp, optional=True):
        assert plan.follow_up is not None
        if plan.exit is None or not isinstance(plan.exit, Exit | _Unreadable):
            check.add("follow_up", "a follow-up needs an exit", ErrorCode.CONFLICT)
        elif isinstance(plan.exit, Exit) and plan.follow_up.on < plan.exit.on:
            check.add(
                "follow_up.on",
                f"{plan.follow_up.on.isoformat()} is before the exit {plan.exit.on.isoformat()}",
                ErrorCode.WRONG_ORDER,
            )
    check.done()


def _check_birth_date(plan: Plan, check: Problems, referred: bool) -> None:
    """The referral, the plan and every activity start on or after the birth date."""
    if not isinstance(plan.participant, Participant):
        return
    born = plan.participant.birth_date
    days: list[tuple[str, object]] = [("referred_on", plan.referred_on if referred else None)]
    if type(plan.plan_made_on) is pendulum.Date:
        days.append(("plan_made_on", plan.plan_made_on))
    days.extend(
        (f"activities[{index}].start", activity.start)
        for index, activity in indexed(plan.activities, Activity)
    )
    for path, day in days:
        if isinstance(day, _dt.date) and day < born:
            check.add(
                path,
                f"{day.isoformat()} is before the participant's birth date {born.isoformat()}",
                ErrorCode.WRONG_ORDER,
            )


def _start_if_readable(plan: Plan) -> pendulum.Date | None:
    day = plan.plan_made_on if plan.plan_made_on is not None else plan.referred_on
    return day if type(day) is pendulum.Date and MIN_DATE <= day <= MAX_DATE else None


def _check_overlaps(check: Problems, name: str, places: list[tuple[int, Any]]) -> None:
    """Report each period of ``places`` that overlaps an earlier-listed one, at the later."""
    for j, i in overlaps([(item.start, item.end) for _, item in places]):
        check.add(f"{name}[{places[j][0]}]", f"overlaps {name}[{places[i][0]}]", ErrorCode.OVERLAP)
