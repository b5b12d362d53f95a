"""Building synthetic values cheaply: dates from ordinals, values without their checks.

Private to :mod:`handlingsplan.synthetic`. Days are ordinals (``date.toordinal()``)
until a value is built, so that the arithmetic stays on plain ints; every value is
built already normalised (``pendulum.Date``, enum members, whole numbers as ``int``).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import random
from typing import Final, TypeVar

import attrs
import pendulum

from .model import DEFAULT_AREAS, Activity, ActivityKind, ActivityStatus, Milestone, MilestoneKind

__all__ = ["Parts", "day", "make", "years_before"]

T = TypeVar("T")
day: Final = functools.lru_cache(maxsize=8192)(pendulum.Date.fromordinal)
"""The date of an ordinal; dates repeat across a caseload, so they are kept."""
_D: Final = day

_DEFAULTS: dict[type, tuple[int, dict[str, object]]] = {}
_SET: Final = object.__setattr__


def make(cls: type[T], **values: object) -> T:
    """A model value of ``cls`` holding ``values``, built without its checks.

    Only for values this module makes already normalised and valid (``pendulum.Date``
    dates inside the model's range, enum members, ``int`` for whole numbers, tuples):
    the checks would find nothing and cost more than the rest of the generator. The
    tests rebuild every generated plan through :func:`~handlingsplan.from_dict`, which
    runs every check, and compare it with the original.
    """
    known = _DEFAULTS.get(cls)
    if known is None:
        fields = attrs.fields(cls)  # type: ignore[arg-type]  # every cls here is an attrs class
        known = _DEFAULTS[cls] = (
            len(fields),
            {
                field.name: field.default
                for field in fields
                if field.default is not attrs.NOTHING
                and not isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]  # a class at run time
            },
        )
    count, defaults = known
    merged = {**defaults, **values}
    if len(merged) != count:
        raise TypeError(f"{cls.__name__} needs every field without a plain default")
    value = object.__new__(cls)
    for name, item in merged.items():
        _SET(value, name, item)
    return value


def years_before(day: _dt.date, years: int) -> pendulum.Date:
    """The same day ``years`` earlier; 29 February becomes 28 February in a common year."""
    year = day.year - years
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return pendulum.Date(year, 2, 28)
    return pendulum.Date(year, day.month, day.day)


def _status(rng: random.Random, start: int, end: int, seen: int) -> ActivityStatus:
    """The status seen on ``seen``: done before it, running over it, planned after it."""
    if end < seen:
        return ActivityStatus.CANCELLED if rng.random() < 0.04 else ActivityStatus.COMPLETED
    return ActivityStatus.ACTIVE if start <= seen else ActivityStatus.PLANNED


class Parts:
    """Activities and milestones of one plan, cut at its last day ``until``."""

    __slots__ = ("activities", "milestones", "rng", "seen", "until")

    def __init__(self, rng: random.Random, seen: int, until: int) -> None:
        self.rng, self.seen, self.until = rng, seen, until
        self.activities: list[Activity] = []
        self.milestones: list[Milestone] = []

    def activity(
        self,
        kind: ActivityKind,
        start: int,
        days: int,
        hours: int,
        *,
        provider: str | None = None,
        minors_only: bool = False,
    ) -> int:
        """Add an activity of ``days`` days (cut at ``until``); its last day, or 0."""
        if start > self.until:
            return 0
        end = min(start + days - 1, self.until)
        self.activities.append(
            make(
                Activity,
                id=f"{kind.value}-{len(self.activities) + 1}",
                kind=kind,
                start=_D(start),
                end=_D(end),
                hours_per_week=hours,
                status=_status(self.rng, start, end, self.seen),
                provider=provider,
                area=DEFAULT_AREAS[kind],
                minors_only=minors_only,
            )
        )
        return end

    def milestone(
        self, kind: MilestoneKind, title: str, due: int, chance: float, earliest: int
    ) -> None:
        """Add a milestone due on ``due``, achieved with ``chance`` once seen."""
        if not due or due > self.until:
            return
        achieved = max(earliest, due - self.rng.randint(0, 20))
        self.milestones.append(
            make(
                Milestone,
                id=f"ms-{len(self.milestones) + 1}",
                kind=kind,
                title=title,
                due=_D(due),
                achieved_on=(
                    _D(achieved) if achieved <= self.seen and self.rng.random() < chance else None
                ),
            )
        )
