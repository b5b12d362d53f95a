"""Small plan factories for rule scenarios: each scenario states only what matters.

Dates are written as ISO strings. Every factory fills in the rest with values that
trigger nothing by themselves: an adult born 1990-05-17, first registered
2024-11-04 with a refugee permit granted 2024-09-02, referred on Monday 2025-02-03.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence

from handlingsplan import (
    DEFAULT_PARAMETERS,
    DEFAULT_RULES,
    Absence,
    AbsenceReason,
    Activity,
    ActivityKind,
    ActivityStatus,
    Exit,
    ExitReason,
    FollowUp,
    Interruption,
    InterruptionReason,
    Milestone,
    MilestoneKind,
    OutcomeStatus,
    Parameters,
    Participant,
    ParticipationChange,
    ParticipationReason,
    Permit,
    PermitKind,
    Plan,
    Programme,
    RuleSet,
    Severity,
    evaluate,
)

__all__ = [
    "ERROR",
    "MAR1",
    "WARNING",
    "Row",
    "absence",
    "activity",
    "change",
    "d",
    "exit_on",
    "follow_up_on",
    "found",
    "interruption",
    "milestone",
    "permit",
    "person",
    "plan",
    "rows",
]

ERROR = Severity.ERROR
WARNING = Severity.WARNING

MAR1 = DEFAULT_PARAMETERS.with_value("leap_day", "mar1", valid_from=_dt.date(2010, 12, 1))
"""The parameters with those born on 29 February ageing on 1 March in common years."""

Row = tuple[str, Severity, str | None, _dt.date | None]
"""What a scenario asserts of a finding: code, severity, subject and ``on``."""


def d(text: str) -> _dt.date:
    """The date written ``YYYY-MM-DD``."""
    return _dt.date.fromisoformat(text)


def _maybe(text: str | None) -> _dt.date | None:
    return None if text is None else d(text)


def permit(
    kind: str = "refugee",
    granted: str = "2024-09-02",
    *,
    applied: str | None = None,
    anchor: str | None = None,
) -> Permit:
    """A residence permit of ``kind`` granted on ``granted``."""
    return Permit(
        kind=PermitKind(kind),
        granted_on=d(granted),
        applied_on=_maybe(applied),
        anchor_first_received_on=_maybe(anchor),
    )


_DEFAULT_PERMIT = permit()


def person(
    *,
    born: str = "1990-05-17",
    registered: str | None = "2024-11-04",
    permit: Permit | None = _DEFAULT_PERMIT,
    short_education: bool = False,
    needs_sfi: bool = True,
    unaccompanied: bool = False,
) -> Participant:
    """A participant; by default an adult refugee registered on 2024-11-04."""
    return Participant(
        id="deltagare-1",
        birth_date=d(born),
        first_registered_on=_maybe(registered),
        permit=permit,
        short_education=short_education,
        needs_sfi=needs_sfi,
        unaccompanied_minor=unaccompanied,
    )


def activity(
    id: str,
    kind: str,
    start: str,
    end: str,
    hours: float = 40,
    *,
    status: str = "planned",
    minors_only: bool | None = None,
) -> Activity:
    """An activity of ``kind`` from ``start`` to ``end`` inclusive."""
    if minors_only is None:
        return Activity(
            id=id,
            kind=ActivityKind(kind),
            start=d(start),
            end=d(end),
            hours_per_week=hours,
            status=ActivityStatus(status),
        )
    return Activity(
        id=id,
        kind=ActivityKind(kind),
        start=d(start),
        end=d(end),
        hours_per_week=hours,
        status=ActivityStatus(status),
        minors_only=minors_only,
    )


def milestone(
    id: str, due: str, *, kind: str = "language", achieved: str | None = None
) -> Milestone:
    """A milestone due on ``due``, achieved on ``achieved`` when given."""
    return Milestone(
        id=id,
        kind=MilestoneKind(kind),
        title=f"{kind} goal",
        due=d(due),
        achieved_on=_maybe(achieved),
    )


def interruption(start: str, end: str, reason: str = "parental_benefit") -> Interruption:
    """An interruption from ``start`` to ``end`` inclusive."""
    return Interruption(start=d(start), end=d(end), reason=InterruptionReason(reason))


def absence(start: str, end: str, reason: str = "sickness", percent: float = 100) -> Absence:
    """An absence from ``start`` to ``end`` inclusive; by default full-time sickness."""
    return Absence(start=d(start), end=d(end), reason=AbsenceReason(reason), percent=percent)


def change(on: str, percent: float, reason: str | None = None) -> ParticipationChange:
    """A change of the participation level to ``percent`` from ``on``."""
    return ParticipationChange(
        on=d(on), percent=percent, reason=None if reason is None else ParticipationReason(reason)
    )


def exit_on(day: str, reason: str = "employment") -> Exit:
    """An exit on ``day``."""
    return Exit(on=d(day), reason=ExitReason(reason))


def follow_up_on(day: str, status: str = "work") -> FollowUp:
    """A follow-up on ``day``."""
    return FollowUp(on=d(day), status=OutcomeStatus(status))


def plan(
    *,
    participant: Participant | None = None,
    referred: str = "2025-02-03",
    plan_made: str | None = None,
    percent: float = 100,
    reason: str | None = None,
    changes: Sequence[ParticipationChange] = (),
    activities: Sequence[Activity] = (),
    milestones: Sequence[Milestone] = (),
    interruptions: Sequence[Interruption] = (),
    absences: Sequence[Absence] = (),
    exit: Exit | None = None,
    follow_up: FollowUp | None = None,
    programme: str = "establishment",
) -> Plan:
    """A plan; by default an establishment plan referred on Monday 2025-02-03."""
    return Plan(
        id="plan-1",
        participant=participant if participant is not None else person(),
        referred_on=d(referred),
        programme=Programme(programme),
        plan_made_on=_maybe(plan_made),
        participation_percent=percent,
        participation_reason=None if reason is None else ParticipationReason(reason),
        participation_changes=tuple(changes),
        activities=tuple(activities),
        milestones=tuple(milestones),
        interruptions=tuple(interruptions),
        absences=tuple(absences),
        exit=exit,
        follow_up=follow_up,
    )


def _key(row: Row) -> tuple[str, str, _dt.date]:
    return (row[0], row[2] or "", row[3] or _dt.date.min)


def rows(items: Iterable[Row]) -> list[Row]:
    """``items`` in a canonical order, to compare scenarios whatever the report order."""
    return sorted(items, key=_key)


def found(
    subject: Plan,
    *,
    as_of: str,
    codes: str | Iterable[str],
    parameters: Parameters = DEFAULT_PARAMETERS,
    rules: RuleSet = DEFAULT_RULES,
) -> list[Row]:
    """The findings of ``codes`` when ``subject`` is evaluated on ``as_of``, as rows."""
    wanted = {codes} if isinstance(codes, str) else set(codes)
    report = evaluate(subject, as_of=d(as_of), rules=rules, parameters=parameters)
    return rows(
        (finding.code, finding.severity, finding.subject, finding.on)
        for finding in report.findings
        if finding.code in wanted
    )
