"""Flat rows of plans and activities, for ``pandas`` or ``polars`` data frames.

A row is a plain dict whose values are ``str``, ``int``, ``float``, ``bool``,
``datetime.date`` (plain, never ``pendulum.Date``, so every data-frame library reads
them as dates) or ``None``. Enum values are their string values, as in the dict form.

>>> import datetime
>>> from handlingsplan._demo import demo_caseload
>>> rows = plan_records(demo_caseload(), as_of=datetime.date(2026, 3, 2))
>>> list(rows[0])[:6]
['plan_id', 'programme', 'gender', 'age_at_referral', 'referred_on', 'start']
>>> type(rows[0]["referred_on"])
<class 'datetime.date'>
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from .dates import as_date
from .deadlines import DeadlineKind, deadlines
from .deadlines._ages import age
from .model import Area, Plan
from .parameters import DEFAULT_PARAMETERS, Parameters

__all__ = ["activity_records", "plain_date", "plan_records"]


def plain_date(day: _dt.date | None) -> _dt.date | None:
    """``day`` as a plain ``datetime.date`` (``None`` stays ``None``)."""
    return None if day is None else _dt.date(day.year, day.month, day.day)


def _plans(plans: Iterable[Plan], name: str) -> Iterable[Plan]:
    for plan in plans:
        if not isinstance(plan, Plan):
            raise TypeError(f"{name} takes Plan values, not {type(plan).__name__}")
        yield plan


def plan_records(
    plans: Iterable[Plan], *, as_of: _dt.date, parameters: Parameters = DEFAULT_PARAMETERS
) -> list[dict[str, object]]:
    """One row per plan.

    =========================  ==========================================================
    column                     type and meaning
    =========================  ==========================================================
    ``plan_id``                ``str``
    ``programme``              ``str``: the :class:`~handlingsplan.Programme` value
    ``gender``                 ``str`` or ``None`` when not recorded
    ``age_at_referral``        ``int``: whole years on ``referred_on``
    ``referred_on``            ``datetime.date``
    ``start``                  ``datetime.date``: the plan's start
    ``programme_end``          ``datetime.date`` or ``None``: the key date, where there is one
    ``participation_percent``  ``float``: the level in force on ``as_of``
    ``exit_on``                ``datetime.date`` or ``None``
    ``exit_reason``            ``str`` or ``None``
    ``follow_up_status``       ``str`` or ``None``
    ``activities_<area>``      ``int``: activities in each :class:`~handlingsplan.Area`
    =========================  ==========================================================
    """
    day = as_date(as_of, "as_of")
    rows: list[dict[str, object]] = []
    for plan in _plans(plans, "plan_records"):
        ends = [
            d.due
            for d in deadlines(plan, parameters=parameters)
            if d.kind is DeadlineKind.PROGRAMME_END
        ]
        person = plan.participant
        row: dict[str, object] = {
            "plan_id": plan.id,
            "programme": plan.programme.value,
            "gender": None if person.gender is None else person.gender.value,
            "age_at_referral": age(plan, plan.referred_on, parameters),
            "referred_on": plain_date(plan.referred_on),
            "start": plain_date(plan.start),
            "programme_end": plain_date(ends[0]) if ends else None,
            "participation_percent": float(plan.participation_on(day)),
            "exit_on": None if plan.exit is None else plain_date(plan.exit.on),
            "exit_reason": None if plan.exit is None else plan.exit.reason.value,
            "follow_up_status": None if plan.follow_up is None else plan.follow_up.status.value,
        }
        for area in Area:
            row[f"activities_{area.value}"] = sum(a.area is area for a in plan.activities)
        rows.append(row)
    return rows


def activity_records(plans: Iterable[Plan]) -> list[dict[str, object]]:
    """One row per activity, in plan order then activity order.

    Columns: ``plan_id``, ``activity_id``, ``kind``, ``area``, ``status`` and
    ``provider`` (``str``, ``provider`` ``None`` when not given), ``start`` and ``end``
    (``datetime.date``, both days included), ``hours_per_week`` (``float``) and
    ``minors_only`` (``bool``).
    """
    return [
        {
            "plan_id": plan.id,
            "activity_id": activity.id,
            "kind": activity.kind.value,
            "area": activity.area.value,
            "status": activity.status.value,
            "start": plain_date(activity.start),
            "end": plain_date(activity.end),
            "hours_per_week": float(activity.hours_per_week),
            "provider": activity.provider,
            "minors_only": activity.minors_only,
        }
        for plan in _plans(plans, "activity_records")
        for activity in plan.activities
    ]
