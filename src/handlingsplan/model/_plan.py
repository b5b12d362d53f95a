"""The individual plan (*individuell handlingsplan*) and its named changes."""

from __future__ import annotations

import bisect
import datetime as _dt
from typing import TYPE_CHECKING

import attrs
import pendulum

from .._privacy import echo, private
from ..dates import as_date
from ..errors import ErrorCode, InvalidPlanError
from ._activity import TRANSITIONS, Activity
from ._checks import (
    expected,
    mismatch,
)
from ._enums import ActivityStatus, ParticipationReason, Programme
from ._exit import Exit, FollowUp
from ._interruption import Interruption
from ._milestone import Milestone
from ._participant import Participant
from ._participation import Absence, ParticipationChange
from ._plan_checks import check_plan

if TYPE_CHECKING:
    from .._views import Timeline
    from ..rules import Report

__all__ = ["Plan"]


@private
@attrs.frozen(kw_only=True)
class Plan:
    """An individual plan: the participant, the referral and what is planned.

    ``referred_on`` is the referral (*anvisning*) to the programme; ``plan_made_on`` the
    day the plan was drawn up after the mapping (*kartläggning*). The plan holds
    activities, milestones (*delmål*), interruptions (periods outside the programme),
    and at the end an exit (*avslut*) and a follow-up (*uppföljning*).

    Structural invariants raise :class:`~handlingsplan.InvalidPlanError`; matters of
    policy are left to the rules. Changes return new plans:

    >>> from datetime import date
    >>> from handlingsplan import Participant, Activity
    >>> plan = Plan(id="p-1", referred_on=date(2025, 1, 13),
    ...             participant=Participant(id="d-1", birth_date=date(1990, 5, 17)))
    >>> plan = plan.with_activity(Activity(id="sfi-1", kind="sfi", start=date(2025, 2, 10),
    ...                                    end=date(2025, 12, 19), hours_per_week=15))
    >>> plan.set_activity_status("sfi-1", "active").activity("sfi-1").status
    <ActivityStatus.ACTIVE: 'active'>
    """

    id: str
    participant: Participant
    referred_on: _dt.date
    programme: Programme = Programme.ESTABLISHMENT
    plan_made_on: _dt.date | None = None
    participation_percent: float = 100
    participation_reason: ParticipationReason | None = None
    participation_changes: tuple[ParticipationChange, ...] = ()
    activities: tuple[Activity, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    interruptions: tuple[Interruption, ...] = ()
    absences: tuple[Absence, ...] = ()
    exit: Exit | None = None
    follow_up: FollowUp | None = None

    def __attrs_post_init__(self) -> None:
        check_plan(self)

    # -- reading -----------------------------------------------------------------

    @property
    def start(self) -> pendulum.Date:
        """The day the plan starts: ``plan_made_on``, or ``referred_on`` without one."""
        day = self.plan_made_on if self.plan_made_on is not None else self.referred_on
        assert isinstance(day, pendulum.Date)
        return day

    def participation_on(self, day: _dt.date) -> float:
        """The participation level in force on ``day``, in percent.

        ``participation_percent`` until the first change, then each change's level from
        its day on. Before the plan's start, ``participation_percent``.
        """
        when = as_date(day, "day")
        index = bisect.bisect_right(self._change_days, when.toordinal())
        if index == 0:
            return self.participation_percent
        return self.participation_changes[index - 1].percent

    @property
    def _change_days(self) -> list[int]:
        return [change.on.toordinal() for change in self.participation_changes]

    def activity(self, activity_id: str) -> Activity:
        """The activity with ``activity_id``; :class:`InvalidPlanError` if there is none."""
        return self.activities[self._activity_index(activity_id)]

    def milestone(self, milestone_id: str) -> Milestone:
        """The milestone with ``milestone_id``; :class:`InvalidPlanError` if none."""
        return self.milestones[self._milestone_index(milestone_id)]

    def _activity_index(self, activity_id: str) -> int:
        for index, activity in enumerate(self.activities):
            if activity.id == activity_id:
                return index
        raise InvalidPlanError(
            [("activities", f"no activity with id {echo(activity_id)}", ErrorCode.NOT_FOUND)]
        )

    def _milestone_index(self, milestone_id: str) -> int:
        for index, milestone in enumerate(self.milestones):
            if milestone.id == milestone_id:
                return index
        raise InvalidPlanError(
            [("milestones", f"no milestone with id {echo(milestone_id)}", ErrorCode.NOT_FOUND)]
        )

    # -- notebooks ---------------------------------------------------------------

    def timeline(
        self,
        as_of: _dt.date | None = None,
        *,
        report: Report | None = None,
        locale: str = "sv",
    ) -> Timeline:
        """The plan's timeline as of ``as_of``: shown as HTML in notebooks, or as SVG.

        The subjects of ``report``'s errors and warnings are marked; without a report,
        the plan is evaluated on ``as_of`` with the default rules. Text is in ``locale``.

        >>> from datetime import date
        >>> from handlingsplan import Participant
        >>> plan = Plan(id="p-1", referred_on=date(2025, 1, 13),
        ...             participant=Participant(id="d-1", birth_date=date(1990, 5, 17)))
        >>> plan.timeline(as_of=date(2025, 6, 2)).to_svg()[:4]
        '<svg'
        """
        from .._views import Timeline

        return Timeline(plan=self, as_of=as_of, report=report, locale=locale)

    def _repr_html_(self) -> str:
        from .._views import plan_html

        return plan_html(self)

    # -- changes -----------------------------------------------------------------

    def with_activity(self, activity: Activity) -> Plan:
        """A new plan with ``activity`` added; its id must be new."""
        return attrs.evolve(self, activities=(*self.activities, activity))

    def replace_activity(self, activity: Activity) -> Plan:
        """A new plan with the activity of the same id replaced by ``activity``.

        A completed or cancelled activity cannot be replaced; a change of status must be
        an allowed transition.
        """
        index = self._activity_index(activity.id)
        old = self.activities[index]
        if old.is_final:
            raise InvalidPlanError(
                [
                    (
                        f"activities[{index}]",
                        f"a {old.status.value} activity cannot be replaced",
                        ErrorCode.CONFLICT,
                    )
                ]
            )
        if activity.status != old.status:
            _check_transition(index, old.status, activity.status)
        activities = list(self.activities)
        activities[index] = activity
        return attrs.evolve(self, activities=tuple(activities))

    def set_activity_status(self, activity_id: str, status: ActivityStatus | str) -> Plan:
        """A new plan with the activity's status moved to ``status``.

        Allowed: planned → active, on hold, completed or cancelled; active ↔ on hold;
        active or on hold → completed or cancelled. Completed and cancelled are final;
        a move to the same status is refused.
        """
        index = self._activity_index(activity_id)
        old = self.activities[index]
        try:
            new_status = ActivityStatus(status)
        except ValueError:
            raise InvalidPlanError(
                [
                    (
                        f"activities[{index}].status",
                        f"unknown status {echo(status)}",
                        ErrorCode.NOT_ONE_OF,
                    )
                ]
            ) from None
        _check_transition(index, old.status, new_status)
        activities = list(self.activities)
        activities[index] = attrs.evolve(old, status=new_status)
        return attrs.evolve(self, activities=tuple(activities))

    def cancel_activity(self, activity_id: str) -> Plan:
        """A new plan with the activity cancelled."""
        return self.set_activity_status(activity_id, ActivityStatus.CANCELLED)

    def with_milestone(self, milestone: Milestone) -> Plan:
        """A new plan with ``milestone`` added; its id must be new."""
        return attrs.evolve(self, milestones=(*self.milestones, milestone))

    def achieve_milestone(self, milestone_id: str, on: _dt.date) -> Plan:
        """A new plan with the milestone achieved ``on``; a second achievement is refused."""
        index = self._milestone_index(milestone_id)
        old = self.milestones[index]
        if old.achieved_on is not None:
            raise InvalidPlanError(
                [
                    (
                        f"milestones[{index}].achieved_on",
                        f"already achieved on {old.achieved_on.isoformat()}",
                        ErrorCode.CONFLICT,
                    )
                ]
            )
        milestones = list(self.milestones)
        try:
            milestones[index] = attrs.evolve(old, achieved_on=on)
        except InvalidPlanError as error:
            raise error.prefixed(f"milestones[{index}]") from None
        return attrs.evolve(self, milestones=tuple(milestones))

    def with_interruption(self, interruption: Interruption) -> Plan:
        """A new plan with ``interruption`` added; it must not overlap another."""
        return attrs.evolve(self, interruptions=(*self.interruptions, interruption))

    def with_participation_change(self, change: ParticipationChange) -> Plan:
        """A new plan with ``change`` inserted in date order; one change a day at most."""
        if not isinstance(change, ParticipationChange):
            raise InvalidPlanError(
                [
                    (
                        "participation_changes",
                        expected("a ParticipationChange", change),
                        mismatch(change),
                    )
                ]
            )
        for index, existing in enumerate(self.participation_changes):
            if existing.on == change.on:
                raise InvalidPlanError(
                    [
                        (
                            f"participation_changes[{index}].on",
                            f"a change on {change.on.isoformat()} is already recorded",
                            ErrorCode.CONFLICT,
                        )
                    ]
                )
        changes = sorted((*self.participation_changes, change), key=lambda item: item.on)
        return attrs.evolve(self, participation_changes=tuple(changes))

    def with_absence(self, absence: Absence) -> Plan:
        """A new plan with ``absence`` added; it must not overlap one with the same reason."""
        return attrs.evolve(self, absences=(*self.absences, absence))

    def with_exit(self, exit: Exit) -> Plan:
        """A new plan with ``exit``; a plan has at most one."""
        if self.exit is not None:
            raise InvalidPlanError(
                [("exit", f"the plan already exited on {self.exit.on}", ErrorCode.CONFLICT)]
            )
        return attrs.evolve(self, exit=exit)

    def with_follow_up(self, follow_up: FollowUp) -> Plan:
        """A new plan with ``follow_up``; it needs an exit, and a plan has at most one."""
        if self.follow_up is not None:
            raise InvalidPlanError(
                [
                    (
                        "follow_up",
                        f"the plan was already followed up on {self.follow_up.on}",
                        ErrorCode.CONFLICT,
                    )
                ]
            )
        return attrs.evolve(self, follow_up=follow_up)


def _check_transition(index: int, old: ActivityStatus, new: ActivityStatus) -> None:
    if new not in TRANSITIONS[old]:
        raise InvalidPlanError(
            [
                (
                    f"activities[{index}].status",
                    f"cannot move from {old.value} to {new.value}",
                    ErrorCode.CONFLICT,
                )
            ]
        )
