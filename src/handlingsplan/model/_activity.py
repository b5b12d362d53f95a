"""Activities (*aktiviteter*, *insatser*) and their status transitions."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from .._privacy import private
from ..errors import ErrorCode
from ._checks import Problems
from ._enums import ActivityKind, ActivityStatus, Area

__all__ = ["DEFAULT_AREAS", "FINAL_STATUSES", "TRANSITIONS", "Activity"]

DEFAULT_AREAS: Mapping[ActivityKind, Area] = MappingProxyType(
    {
        kind: (
            Area.HEALTH
            if kind is ActivityKind.HEALTH
            else Area.HOUSING
            if kind in (ActivityKind.HOUSING_SUPPORT, ActivityKind.PLACEMENT)
            else Area.PARTICIPATION
            if kind
            in (ActivityKind.CIVIC_ORIENTATION, ActivityKind.GUARDIAN_SUPPORT, ActivityKind.OTHER)
            else Area.LABOUR_MARKET
        )
        for kind in ActivityKind
    }
)
"""The area an activity of each kind serves when none is given."""

TRANSITIONS: Mapping[ActivityStatus, frozenset[ActivityStatus]] = MappingProxyType(
    {
        ActivityStatus.PLANNED: frozenset(
            {
                ActivityStatus.ACTIVE,
                ActivityStatus.ON_HOLD,
                ActivityStatus.COMPLETED,
                ActivityStatus.CANCELLED,
            }
        ),
        ActivityStatus.ACTIVE: frozenset(
            {ActivityStatus.ON_HOLD, ActivityStatus.COMPLETED, ActivityStatus.CANCELLED}
        ),
        ActivityStatus.ON_HOLD: frozenset(
            {ActivityStatus.ACTIVE, ActivityStatus.COMPLETED, ActivityStatus.CANCELLED}
        ),
        ActivityStatus.COMPLETED: frozenset(),
        ActivityStatus.CANCELLED: frozenset(),
    }
)
"""The statuses each status may move to; a move to the same status is refused."""

FINAL_STATUSES = frozenset({ActivityStatus.COMPLETED, ActivityStatus.CANCELLED})
"""Statuses an activity never leaves."""


def _kind(activity: Activity) -> ActivityKind | None:
    """The activity's kind, or None when it is not one (its own check reports that)."""
    kind = activity.kind
    if isinstance(kind, ActivityKind):
        return kind
    if isinstance(kind, str):  # a plain copy: a subclass's own methods are not trusted
        member = ActivityKind._value2member_map_.get(str.__str__(kind))
        return member if isinstance(member, ActivityKind) else None
    return None


def _default_area(activity: Activity) -> Area | None:
    kind = _kind(activity)
    return None if kind is None else DEFAULT_AREAS[kind]


def _default_minors_only(activity: Activity) -> bool:
    return _kind(activity) is ActivityKind.GUARDIAN_SUPPORT


@private
@attrs.frozen(kw_only=True)
class Activity:
    """Something the participant does, from ``start`` to ``end`` inclusive.

    ``hours_per_week`` is between 0 and 168. ``area`` defaults by kind (health for
    health, housing for housing support and placements, participation for civic
    orientation, guardian support and other, labour market otherwise).
    ``minors_only`` marks an activity that must end before the 18th birthday
    (*endast för minderåriga*); it defaults to true for guardian support (*god man*)
    only, since placements may lawfully run past 18.

    >>> from datetime import date
    >>> Activity(id="so-1", kind="civic_orientation", start=date(2025, 3, 3),
    ...          end=date(2025, 6, 13), hours_per_week=8).area
    <Area.PARTICIPATION: 'participation'>
    """

    id: str
    kind: ActivityKind
    start: _dt.date
    end: _dt.date
    hours_per_week: float
    status: ActivityStatus = ActivityStatus.PLANNED
    provider: str | None = None
    area: Area = attrs.field(default=attrs.Factory(_default_area, takes_self=True))
    minors_only: bool = attrs.field(default=attrs.Factory(_default_minors_only, takes_self=True))

    def __attrs_post_init__(self) -> None:
        check = Problems(self)
        check.text("id", nonempty=True)
        kind_ok = check.enum("kind", ActivityKind)
        start_ok = check.date("start")
        end_ok = check.date("end")
        if start_ok and end_ok and self.end < self.start:
            check.add(
                "end",
                f"{self.end.isoformat()} is before start {self.start.isoformat()}",
                ErrorCode.WRONG_ORDER,
            )
        check.number("hours_per_week", 0, 168)
        check.enum("status", ActivityStatus)
        check.text("provider", optional=True)
        if kind_ok or self.area is not None:
            check.enum("area", Area)
        check.flag("minors_only")
        check.done()

    @property
    def days(self) -> int:
        """The number of calendar days the activity covers, both ends included."""
        return self.end.toordinal() - self.start.toordinal() + 1

    def covers(self, day: _dt.date) -> bool:
        """Whether ``day`` is inside the activity's dates."""
        return self.start <= day <= self.end

    @property
    def is_final(self) -> bool:
        """Whether the status is final (completed or cancelled)."""
        return self.status in FINAL_STATUSES
