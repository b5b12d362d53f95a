"""The programme clock: how much of the 24 months a plan has used, span by span.

* The allowance is the inclusive period from the plan's start to the same day
  ``programme_months`` later, in full-time days (Förordning 2017:820 15 §; Lag
  1930:173 1 §): ``A = (add_months(start, m) - start).days + 1``.
* Walking the calendar from the start, a day outside the programme uses nothing; every
  other day uses ``participation_on(day) / 100`` of a full-time day. The allowance ends
  on the first day on which the days used reach ``A``. Levels and outside periods are
  piecewise constant, so the walk goes span by span, exactly: in whole numbers of the
  smallest part of a day that every level's share is a multiple of.
* Outside the programme: every day of an interruption, and every *withdrawn* day: a run
  of consecutive full-time absences for sickness or parental benefit longer than
  ``absence_exit_days`` (30) leads to the referral being withdrawn from its 31st day to
  its last (17–18 §§); re-entry is the day after (20 §). Nothing after the exit counts
  as outside, and a day that is both counts once, as an interruption day.

>>> from datetime import date
>>> from handlingsplan import Participant, ParticipationChange, Plan
>>> plan = Plan(id="p", referred_on=date(2026, 2, 2),
...             participant=Participant(id="d", birth_date=date(1990, 5, 17)),
...             participation_changes=(ParticipationChange(date(2027, 2, 2), 50),))
>>> allowance(plan).end
Date(2029, 2, 2)
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
from collections.abc import Iterable, Sequence

import attrs
import pendulum

from ._calendar import day_at, months_after
from ._numbers import exact
from .model import AbsenceReason, InterruptionReason, Plan
from .parameters import Parameters

__all__ = ["Allowance", "Level", "allowance", "outside_periods", "withdrawn_runs"]

Period = tuple[int, int]
"""A period of ordinals, both ends included."""

_RUN_REASONS = frozenset({AbsenceReason.SICKNESS, AbsenceReason.PARENTAL_BENEFIT})

_MAX_ORDINAL = _dt.date.max.toordinal()


@attrs.frozen
class Level:
    """A participation level as it ran: ``percent`` from ``first`` to ``last`` inclusive."""

    first: _dt.date
    last: _dt.date | None
    percent: float
    reason: str | None


@attrs.frozen
class Allowance:
    """Where the allowance ends, with the facts that decided it."""

    end: pendulum.Date
    start: _dt.date
    months: int
    days: int
    levels: tuple[Level, ...]
    interruptions: tuple[Period, ...]
    withdrawn: tuple[Period, ...]


def merge(periods: Iterable[Period]) -> list[Period]:
    """Disjoint periods covering the same days, in order; adjacent ones joined."""
    ordered = sorted(periods)
    if len(ordered) < 2:
        return ordered
    merged: list[Period] = []
    for first, last in ordered:
        if merged and first <= merged[-1][1] + 1:
            if last > merged[-1][1]:
                merged[-1] = (merged[-1][0], last)
        else:
            merged.append((first, last))
    return merged


def subtract(periods: Sequence[Period], removed: Sequence[Period]) -> list[Period]:
    """The days of ``periods`` not in ``removed`` (both disjoint and sorted)."""
    if not removed:
        return [(first, last) for first, last in periods if first <= last]
    result: list[Period] = []
    index = 0
    for first, last in periods:
        cursor = first
        while index < len(removed) and removed[index][1] < cursor:
            index += 1
        probe = index
        while probe < len(removed) and removed[probe][0] <= last:
            gap_first, gap_last = removed[probe]
            if gap_first > cursor:
                result.append((cursor, gap_first - 1))
            cursor = max(cursor, gap_last + 1)
            probe += 1
        if cursor <= last:
            result.append((cursor, last))
    return result


def clip(periods: Iterable[Period], first: int, last: int) -> list[Period]:
    """The parts of ``periods`` from ``first`` to ``last`` (none when ``last < first``)."""
    return [(max(a, first), min(b, last)) for a, b in periods if max(a, first) <= min(b, last)]


def days_in(periods: Iterable[Period]) -> int:
    return sum(last - first + 1 for first, last in periods)


def withdrawn_runs(plan: Plan, parameters: Parameters) -> list[tuple[Period, Period]]:
    """Each run of full-time sickness or parental-benefit absences that leads to a
    withdrawal, with its withdrawn days: ``((run_first, run_last), (first, last))``."""
    if not plan.absences:
        return []
    runs = merge(
        (absence.start.toordinal(), absence.end.toordinal())
        for absence in plan.absences
        if absence.reason in _RUN_REASONS and absence.percent == 100
    )
    found = []
    for first, last in runs:
        limit = parameters.int_value("absence_exit_days", _dt.date.fromordinal(first))
        if last - first + 1 > limit:
            found.append(((first, last), (first + limit, last)))
    return found


def outside_periods(plan: Plan, parameters: Parameters) -> tuple[list[Period], list[Period]]:
    """The days outside the programme from the start to the exit: interruption days, and
    withdrawn days that are not interruption days; each list disjoint and sorted."""
    if not plan.interruptions and not plan.absences:
        return [], []
    first = plan.start.toordinal()
    last = plan.exit.on.toordinal() if plan.exit is not None else _MAX_ORDINAL
    interrupted = clip(
        merge((item.start.toordinal(), item.end.toordinal()) for item in plan.interruptions),
        first,
        last,
    )
    withdrawn = clip(merge(days for _, days in withdrawn_runs(plan, parameters)), first, last)
    return interrupted, subtract(withdrawn, interrupted)


def levels(plan: Plan) -> list[Level]:
    """The levels from the plan's start on; a change on the start replaces the first."""
    start = plan.start
    found = [Level(start, None, plan.participation_percent, _reason(plan.participation_reason))]
    for change in plan.participation_changes:
        if change.on <= found[-1].first:
            found[-1] = Level(change.on, None, change.percent, _reason(change.reason))
            continue
        found[-1] = attrs.evolve(found[-1], last=day_at(change.on.toordinal() - 1))
        found.append(Level(change.on, None, change.percent, _reason(change.reason)))
    return found


def _reason(reason: object) -> str | None:
    return None if reason is None else str(getattr(reason, "value", reason))


def allowance(plan: Plan, *, parameters: Parameters | None = None) -> Allowance:
    """Walk the plan's levels and outside periods to the end of the allowance."""
    if parameters is None:
        from .parameters import DEFAULT_PARAMETERS

        parameters = DEFAULT_PARAMETERS
    start = plan.start
    months = parameters.int_value("programme_months", start)
    days = months_after(start, months).toordinal() - start.toordinal() + 1
    interrupted, withdrawn = outside_periods(plan, parameters)
    outside = merge([*interrupted, *withdrawn]) if withdrawn else interrupted
    found = levels(plan)
    end = _walk(found, outside, days)
    return Allowance(
        end=day_at(end),
        start=start,
        months=months,
        days=days,
        levels=tuple(found),
        interruptions=tuple(interrupted),
        withdrawn=tuple(withdrawn),
    )


def _walk(found: Sequence[Level], outside: Sequence[Period], days: int) -> int:
    """The ordinal of the day on which the days used reach ``days`` full-time days.

    Each level's days inside the programme are taken in turn; the last level runs on
    without end, so after the last outside period its days form one open span, where
    the end is reached for certain. The sums are exact in whole numbers (see
    :func:`_weights`).
    """
    scale, weights = _weights(tuple(level.percent for level in found))
    remaining = days * 100 * scale
    final = found[-1].first.toordinal()
    tail = max(final, outside[-1][1] + 1) if outside else final
    for level, weight in zip(found, weights, strict=True):
        first = level.first.toordinal()
        last = level.last.toordinal() if level.last is not None else tail - 1
        # Without outside periods a level is one span (the open level's then empty).
        spans = [(first, last)]
        if outside:
            spans = subtract(spans, clip(outside, first, last))
        for span_first, span_last in spans:
            length = span_last - span_first + 1
            needed = -(-remaining // weight)
            if needed <= length:
                return span_first + needed - 1
            remaining -= length * weight
    return tail + -(-remaining // weights[-1]) - 1


@functools.lru_cache(maxsize=256, typed=True)
def _weights(percents: tuple[float, ...]) -> tuple[int, tuple[int, ...]]:
    """``scale`` and each level's whole-number weight: a day at ``p`` percent uses
    ``p * scale`` of a full-time day's ``100 * scale`` parts, exactly, ``scale`` being
    the least common multiple of the levels' denominators (``p`` read as its decimal)."""
    shares = [exact(percent) for percent in percents]
    scale = math.lcm(*(share.denominator for share in shares))
    return scale, tuple(share.numerator * (scale // share.denominator) for share in shares)


def parental_benefit_days(plan: Plan, registered: _dt.date) -> int:
    """Days of parental-benefit interruptions and full-time parental-benefit absences on
    or after ``registered``, each day once."""
    first = registered.toordinal()
    periods = [
        (item.start.toordinal(), item.end.toordinal())
        for item in plan.interruptions
        if item.reason is InterruptionReason.PARENTAL_BENEFIT
    ]
    periods += [
        (item.start.toordinal(), item.end.toordinal())
        for item in plan.absences
        if item.reason is AbsenceReason.PARENTAL_BENEFIT and item.percent == 100
    ]
    return days_in(clip(merge(periods), first, _MAX_ORDINAL))


def pre_plan_days(plan: Plan, registered: _dt.date) -> int:
    """Days in the programme before the plan existed: from the later of the referral and
    the first registration to the day before ``plan_made_on``."""
    if plan.plan_made_on is None:
        return 0
    since = max(plan.referred_on, registered)
    return max(0, plan.plan_made_on.toordinal() - since.toordinal())
