"""The timeline's days: the view, its axis, and the labelled lines of key dates."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

import attrs

from .._labels import label
from ..deadlines import Deadline
from ..model import Plan
from ._markup import num as _num
from ._markup import text as _text
from ._style import (
    _INK,
    _KEY_DATE_STYLES,
    _LAST_DAY,
    _MUTED,
    _NEAR_SLACK_DAYS,
    _PLOT_LEFT,
    _PLOT_RIGHT,
    _PLOT_WIDTH,
    _WIDTH,
    _YEAR_STEPS,
    _month_start,
    _next_month,
    _text_width,
)
from ._words import MONTHS, word


@attrs.frozen
class _Marker:
    """A labelled vertical line: a key date, an event or ``as_of``."""

    css: str
    kind: str
    day: _dt.date
    label: str
    colour: str
    dash: str
    width: str


@attrs.frozen
class _View:
    """The days shown and how they map to x coordinates."""

    first: int  # ordinal of the first day shown
    last: int  # ordinal of the day after the last day shown

    @property
    def days(self) -> int:
        return self.last - self.first

    @property
    def day_width(self) -> float:
        return _PLOT_WIDTH / self.days

    def x(self, ordinal: int) -> float:
        """The x of the start of the day ``ordinal``, kept inside the plot."""
        offset = min(max(ordinal - self.first, 0), self.days)
        return _PLOT_LEFT + offset * self.day_width

    def centre(self, day: _dt.date) -> float:
        return self.x(day.toordinal()) + self.day_width / 2

    def contains(self, day: _dt.date) -> bool:
        return self.first <= day.toordinal() < self.last


def _plan_days(plan: Plan) -> list[_dt.date]:
    days = [plan.referred_on]
    if plan.plan_made_on is not None:
        days.append(plan.plan_made_on)
    for activity in plan.activities:
        days += [activity.start, activity.end]
    for milestone in plan.milestones:
        days.append(milestone.due)
        if milestone.achieved_on is not None:
            days.append(milestone.achieved_on)
    for interruption in plan.interruptions:
        days += [interruption.start, interruption.end]
    for absence in plan.absences:
        days += [absence.start, absence.end]
    days += [change.on for change in plan.participation_changes]
    if plan.exit is not None:
        days.append(plan.exit.on)
    if plan.follow_up is not None:
        days.append(plan.follow_up.on)
    return days


def _view(core: list[_dt.date], near: Iterable[_dt.date]) -> _View:
    """The view over ``core``, widened by the days of ``near`` that are close to it.

    It shows whole months, at least one: a plan whose days all fall after
    :data:`_LAST_DAY` is drawn against the last month that has a next one.
    """
    low, high = min(core), max(core)
    slack = max(_NEAR_SLACK_DAYS, (high - low).days // 4)
    for day in near:
        if abs((day - low).days) <= slack or abs((day - high).days) <= slack:
            low, high = min(low, day), max(high, day)
    return _View(
        first=_month_start(min(low, _LAST_DAY)).toordinal(),
        last=_next_month(min(high, _LAST_DAY)).toordinal(),
    )


def _markers(
    plan: Plan, key_dates: tuple[Deadline, ...], as_of: _dt.date | None, locale: str
) -> list[_Marker]:
    """The referral, exit and follow-up, the drawn ``key_dates`` and ``as_of``."""
    events = [("referral", plan.referred_on, word("referral", locale))]
    if plan.exit is not None:
        reason = label(plan.exit.reason, locale)
        events.append(("exit", plan.exit.on, f"{word('exit', locale)} ({reason})"))
    if plan.follow_up is not None:
        follow_up = plan.follow_up
        status = f"{word('followed_up_on', locale)} ({label(follow_up.status, locale)})"
        events.append(("followed_up", follow_up.on, status))
    markers = [
        _Marker("event", kind, day, label, _MUTED, "2 2", "1") for kind, day, label in events
    ]
    for deadline in key_dates:
        name, colour, dash = _KEY_DATE_STYLES[deadline.kind]
        text = word(name, locale)
        markers.append(
            _Marker("key-date", deadline.kind.value, deadline.due, text, colour, dash, "1.5")
        )
    if as_of is not None:
        text = word("as_of", locale)
        markers.append(_Marker("as-of", "as_of", as_of, text, "#000000", "", "2"))
    return markers


def _place_labels(view: _View, markers: list[_Marker]) -> list[tuple[_Marker, float, str, int]]:
    """Each marker with its label's x, anchor and level, so that no two labels overlap."""
    placed: list[tuple[_Marker, float, str, int]] = []
    levels: list[list[tuple[float, float]]] = []
    ordered = sorted(markers, key=lambda marker: (marker.day, marker.css, marker.kind))
    for marker in ordered:
        cx = view.centre(marker.day)
        text = f"{marker.label} {marker.day.isoformat()}"
        width = _text_width(text)
        if cx + 3 + width <= _WIDTH - 4:
            x, anchor, span = cx + 3, "start", (cx, cx + 3 + width)
        else:
            x, anchor, span = cx - 3, "end", (cx - 3 - width, cx)
        level = next(
            (
                index
                for index, taken in enumerate(levels)
                if all(span[1] + 6 <= lo or hi + 6 <= span[0] for lo, hi in taken)
            ),
            len(levels),
        )
        if level == len(levels):
            levels.append([])
        levels[level].append(span)
        placed.append((marker, x, anchor, level))
    return placed


def _marker_svg(
    marker: _Marker, x: float, anchor: str, label_y: float, line_x: float, bottom: float
) -> str:
    dash = f' stroke-dasharray="{marker.dash}"' if marker.dash else ""
    day = marker.day.isoformat()
    text = f"{marker.label} {day}"
    return (
        f'<g class="{marker.css}" data-kind="{_text(marker.kind)}" data-date="{day}">'
        f"<title>{_text(text)}</title>"
        f'<line x1="{_num(line_x)}" y1="{_num(label_y + 3)}" x2="{_num(line_x)}" '
        f'y2="{_num(bottom)}" stroke="{marker.colour}" stroke-width="{marker.width}"{dash}/>'
        f'<text x="{_num(x)}" y="{_num(label_y)}" text-anchor="{anchor}" '
        f'fill="{marker.colour}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" '
        f'paint-order="stroke">{_text(text)}</text></g>'
    )


def _axis(view: _View, y: float, locale: str) -> list[str]:
    parts = [
        '<g class="axis">',
        f'<line x1="{_PLOT_LEFT}" y1="{_num(y)}" x2="{_PLOT_RIGHT}" y2="{_num(y)}" '
        f'stroke="{_INK}"/>',
    ]
    first = _dt.date.fromordinal(view.first)
    last = _dt.date.fromordinal(view.last - 1)
    month_width = view.day_width * 30.44
    year_width = view.day_width * 365.25
    # months: ticks when they are at least 5px apart, labels when there is room
    if month_width >= 5:
        month = first
        while month.toordinal() < view.last:
            x = view.x(month.toordinal())
            parts.append(
                f'<line x1="{_num(x)}" y1="{_num(y)}" x2="{_num(x)}" y2="{_num(y + 4)}" '
                f'stroke="{_INK}"/>'
            )
            labelled = month_width >= 24 or (month_width >= 8 and month.month % 3 == 1)
            if labelled:
                middle = (x + view.x(_next_month(month).toordinal())) / 2
                parts.append(
                    f'<text x="{_num(middle)}" y="{_num(y + 14)}" text-anchor="middle" '
                    f'font-size="9" fill="{_MUTED}">{MONTHS[locale][month.month - 1]}</text>'
                )
            month = _next_month(month)
    # years: a long tick at each labelled year's start
    step = next((step for step in _YEAR_STEPS if step * year_width >= 40), _YEAR_STEPS[-1])
    for year in range(first.year, last.year + 1):
        start = _dt.date(year, 1, 1).toordinal()
        if year % step:
            continue
        x = view.x(start)
        if start >= view.first:
            parts.append(
                f'<line x1="{_num(x)}" y1="{_num(y)}" x2="{_num(x)}" y2="{_num(y + 18)}" '
                f'stroke="{_INK}"/>'
            )
        if step == 1:
            # centred over the part of the year in view, when it is wide enough
            end = view.x(_dt.date(year, 12, 31).toordinal() + 1)
            if end - x >= 30:
                parts.append(
                    f'<text x="{_num((x + end) / 2)}" y="{_num(y + 30)}" '
                    f'text-anchor="middle" font-weight="bold">{year}</text>'
                )
        elif start >= view.first:
            parts.append(
                f'<text x="{_num(x)}" y="{_num(y + 30)}" text-anchor="middle" '
                f'font-weight="bold">{year}</text>'
            )
    parts.append("</g>")
    return parts
