"""Drawing the model's values for :mod:`handlingsplan.strategies`: a participant, each part
of a plan, and a whole plan whose parts agree with each other, as the model requires."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import strategies as st

from ._strategy_draws import (
    _ABSENCE_COUNTS,
    _ABSENCE_LENGTHS,
    _ACTIVITY_KINDS,
    _AREAS,
    _ARRIVED_FROM,
    _BOOLEANS,
    _BORN_FROM,
    _BORN_UNTIL,
    _CHANGE_COUNTS,
    _CHANGE_GAPS,
    _EXIT_REACH,
    _FOLLOW_UP_DELAYS,
    _GAPS,
    _GENDERS,
    _HOURS,
    _IDENTIFIERS,
    _LATEST,
    _MILESTONE_KINDS,
    _OUTCOMES,
    _PERCENTS,
    _PROGRAMMES,
    _REASONS,
    _REFERRED_UNTIL,
    _SEPARATORS,
    _SERIALS,
    _STATUSES,
    _draw_choices,
    _draw_date,
    _draw_optional_date,
    _draw_text,
    _one_of,
    _pick,
    _shift,
)
from .dates import as_date
from .model import (
    Absence,
    AbsenceReason,
    Activity,
    Circumstance,
    CircumstanceKind,
    Exit,
    ExitReason,
    FollowUp,
    IdentityNumber,
    Interruption,
    InterruptionReason,
    Milestone,
    OutcomeStatus,
    Participant,
    ParticipationChange,
    ParticipationReason,
    Permit,
    PermitKind,
    Plan,
)

T = TypeVar("T")


@st.composite
def _drawn(draw: st.DrawFn, function: Callable[..., T], *args: Any) -> T:
    """The strategy of ``function(draw, *args)``."""
    return function(draw, *args)


def _luhn_check_digit(payload: str) -> int:
    """The digit that completes ``payload`` to a number passing the Luhn check."""
    total = 0
    for index, char in enumerate(reversed(payload)):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return (10 - total % 10) % 10


def _draw_identity_number(draw: st.DrawFn, born: _dt.date | None) -> IdentityNumber:
    if born is None:
        born = _draw_date(draw, _BORN_FROM, _BORN_UNTIL)
    day = born.day + 60 if draw(_BOOLEANS) else born.day
    head = f"{born.year:04d}{born.month:02d}{day:02d}"
    tail = f"{draw(_SERIALS):03d}"
    check = _luhn_check_digit(head[2:] + tail)
    return IdentityNumber(f"{head}{draw(_SEPARATORS)}{tail}{check}")


def _draw_permit(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> Permit:
    granted_on = _draw_date(draw, low, high)
    return Permit(
        kind=draw(_one_of(tuple(PermitKind))),
        granted_on=granted_on,
        applied_on=_draw_optional_date(draw, _shift(granted_on, -730), granted_on),
        anchor_first_received_on=_draw_optional_date(
            draw, _shift(granted_on, -6 * 365), granted_on
        ),
    )


def _draw_circumstance(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> Circumstance:
    start = _draw_date(draw, low, high)
    return Circumstance(
        kind=draw(_one_of(tuple(CircumstanceKind))),
        start=start,
        end=_draw_optional_date(draw, start, _shift(start, 800)),
    )


def _draw_participant(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> Participant:
    born = _draw_date(draw, low, high)
    arrived = max(born, as_date(_ARRIVED_FROM))
    last = max(arrived, as_date(_REFERRED_UNTIL))
    gender, numbered, permitted, minor, short, sfi, hindrances = _draw_choices(
        draw, len(_GENDERS), 2, 2, 2, 2, 2, 4
    )
    return Participant(
        id=draw(_IDENTIFIERS),
        birth_date=born,
        gender=_GENDERS[gender],
        identity_number=_draw_identity_number(draw, born) if numbered else None,
        first_registered_on=_draw_optional_date(draw, arrived, last),
        permit=_draw_permit(draw, arrived, last) if permitted else None,
        unaccompanied_minor=bool(minor),
        short_education=bool(short),
        needs_sfi=bool(sfi),
        circumstances=tuple(
            _draw_circumstance(draw, arrived, last) for _ in range((0, 0, 1, 2)[hindrances])
        ),
    )


def _draw_activity(
    draw: st.DrawFn, low: _dt.date, high: _dt.date, activity_id: str | None
) -> Activity:
    start = _draw_date(draw, low, high)
    # Area and minors_only: 0 leaves the default, 1 or 2 sets a value.
    kind, status, area, minors, provided = _draw_choices(
        draw, len(_ACTIVITY_KINDS), len(_STATUSES), len(_AREAS) * 2, 4, 2
    )
    defaults_or_not: dict[str, Any] = {}
    if area >= len(_AREAS):
        defaults_or_not["area"] = _AREAS[area - len(_AREAS)]
    if minors >= 2:
        defaults_or_not["minors_only"] = minors == 3
    return Activity(
        id=activity_id if activity_id is not None else draw(_IDENTIFIERS),
        kind=_ACTIVITY_KINDS[kind],
        start=start,
        end=_draw_date(draw, start, _shift(start, 730)),
        hours_per_week=draw(_HOURS),
        status=_STATUSES[status],
        provider=_draw_text(draw) if provided else None,
        **defaults_or_not,
    )


def _draw_milestone(
    draw: st.DrawFn, low: _dt.date, high: _dt.date, milestone_id: str | None
) -> Milestone:
    due = _draw_date(draw, low, high)
    return Milestone(
        id=milestone_id if milestone_id is not None else draw(_IDENTIFIERS),
        kind=_MILESTONE_KINDS[_draw_choices(draw, len(_MILESTONE_KINDS))[0]],
        title=_draw_text(draw),
        due=due,
        achieved_on=_draw_optional_date(draw, _shift(due, -365), _shift(due, 365)),
    )


def _draw_interruption(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> Interruption:
    start = _draw_date(draw, low, high)
    return Interruption(
        start=start,
        end=_draw_date(draw, start, _shift(start, 400)),
        reason=draw(_one_of(tuple(InterruptionReason))),
    )


def _draw_exit(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> Exit:
    return Exit(on=_draw_date(draw, low, high), reason=draw(_one_of(tuple(ExitReason))))


def _draw_follow_up(draw: st.DrawFn, low: _dt.date, high: _dt.date) -> FollowUp:
    return FollowUp(on=_draw_date(draw, low, high), status=draw(_one_of(tuple(OutcomeStatus))))


def _draw_interruptions(draw: st.DrawFn, after: _dt.date, count: int) -> tuple[Interruption, ...]:
    """Up to three interruptions from ``after`` on that do not overlap, in any order."""
    found: list[Interruption] = []
    cursor = as_date(after)
    for _ in range(count):
        start = _shift(cursor, draw(_GAPS))
        interruption = _draw_interruption(draw, start, start)
        found.append(interruption)
        if interruption.end == _LATEST:
            break  # no room for another after the model's last date
        cursor = _shift(interruption.end, 1)
    return tuple(draw(st.permutations(found)))


def _draw_changes(draw: st.DrawFn, start: _dt.date, count: int) -> tuple[ParticipationChange, ...]:
    """Up to two participation changes on strictly increasing days from ``start`` on."""
    found: list[ParticipationChange] = []
    cursor = as_date(start)
    for _ in range(count):
        day = _shift(cursor, draw(_CHANGE_GAPS))
        found.append(
            ParticipationChange(day, draw(_PERCENTS), draw(_one_of((None, *ParticipationReason))))
        )
        if day == _LATEST:
            break  # no room for another after the model's last date
        cursor = _shift(day, 1)
    return tuple(found)


def _draw_absences(draw: st.DrawFn, after: _dt.date, count: int) -> tuple[Absence, ...]:
    """Up to three absences from ``after`` on that do not overlap, some longer than 30 days."""
    found: list[Absence] = []
    cursor = as_date(after)
    for _ in range(count):
        start = _shift(cursor, draw(_GAPS))
        end = _shift(start, draw(_ABSENCE_LENGTHS))
        found.append(
            Absence(
                start,
                end,
                *_pick(draw, tuple(AbsenceReason), (100, 100, 50)),
            )
        )
        if end == _LATEST:
            break
        cursor = _shift(end, 1)
    return tuple(found)


def _draw_unique_ids(draw: st.DrawFn, count: int) -> list[str]:
    """``count`` different ids; a repeat gets its place appended (cheaper than a list)."""
    found: list[str] = []
    for index in range(count):
        candidate = draw(_IDENTIFIERS)
        while candidate in found:
            candidate = f"{candidate}-{index}"
        found.append(candidate)
    return found


def _draw_plan(
    draw: st.DrawFn,
    low: _dt.date,
    high: _dt.date,
    participant: st.SearchStrategy[Participant],
) -> Plan:
    person = draw(participant)
    born = person.birth_date
    # Nothing a plan holds starts before the participant's birth (a participant born
    # after the range is referred on the birth date itself).
    referred_on = _draw_date(draw, max(low, born), max(high, born))
    # The plan's small choices in one draw (see _draw_choices); counts shrink to 0.
    (
        activity_count,
        milestone_count,
        exits,
        reach,
        followed,
        status,
        programme,
        reason,
        changes,
        absences,
        interruptions,
    ) = _draw_choices(draw, 6, 4, 2, 4, 2, len(_OUTCOMES), len(_PROGRAMMES), len(_REASONS), 5, 5, 4)
    ids = _draw_unique_ids(draw, activity_count + milestone_count)
    first, last = max(_shift(referred_on, -60), born), _shift(referred_on, 3 * 365)
    exit = None
    if exits:  # an exit, a few of them on the referral day itself
        exit = _draw_exit(draw, referred_on, _shift(referred_on, _EXIT_REACH[reach]))
    follow_up = None
    if exit is not None and followed:
        follow_up = FollowUp(on=_shift(exit.on, draw(_FOLLOW_UP_DELAYS)), status=_OUTCOMES[status])
    plan_made_on = _draw_optional_date(draw, referred_on, _shift(referred_on, 120))
    percent = draw(_PERCENTS)
    return Plan(
        id=draw(_IDENTIFIERS),
        participant=person,
        referred_on=referred_on,
        programme=_PROGRAMMES[programme],
        plan_made_on=plan_made_on,
        participation_percent=percent,
        participation_reason=_REASONS[reason] if percent < 100 else None,
        participation_changes=_draw_changes(
            draw, plan_made_on or referred_on, _CHANGE_COUNTS[changes]
        ),
        absences=_draw_absences(draw, referred_on, _ABSENCE_COUNTS[absences]),
        activities=tuple(_draw_activity(draw, first, last, id) for id in ids[:activity_count]),
        milestones=tuple(_draw_milestone(draw, first, last, id) for id in ids[activity_count:]),
        interruptions=_draw_interruptions(draw, referred_on, interruptions),
        exit=exit,
        follow_up=follow_up,
    )
