"""Notebook views of a plan: an inline SVG timeline and a small HTML block.

Pure functions returning strings: no clock, no files. Every text taken from a plan
(ids, titles, providers) is cleaned of characters XML cannot hold and escaped, so the
result is well-formed XML whatever the plan holds. The participant's identity number
is never shown, and one typed into any other field (an id, a title, a provider) is
masked.

The first row is the participation level (*omfattning*) as it runs from the plan's
start, each level a labelled segment ("100 %", "50 %"); absences are drawn as outlined
bands, apart from the shaded interruptions.

The view runs from the earliest of the referral and the plan's own dates to the latest
of its dates, the programme end and the follow-up; the 18th birthday, the upper age,
the end of the registration window and ``as_of`` widen it only when they are near,
and are otherwise listed as notes under the axis.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from collections.abc import Iterable

import attrs
import pendulum

from ._clock import Level, levels
from ._privacy import redact, redacted_repr
from .dates import age_on, as_date
from .deadlines import Deadline, DeadlineKind, deadlines
from .model import Absence, Activity, ActivityStatus, Area, Milestone, Plan
from .parameters import DEFAULT_PARAMETERS, Parameters

__all__ = ["Timeline", "plan_html", "plan_timeline_svg"]

SVG_NAMESPACE = "http://www.w3.org/2000/svg"

_WIDTH = 960
_LABEL_WIDTH = 220
_PLOT_LEFT = _LABEL_WIDTH
_PLOT_RIGHT = _WIDTH - 24
_PLOT_WIDTH = _PLOT_RIGHT - _PLOT_LEFT
_ROW_HEIGHT = 22
_BAR_HEIGHT = 14
_LEGEND_HEIGHT = 28
_LEVEL_HEIGHT = 14
_CHAR_WIDTH = 6.4  # a generous average for 11px sans-serif
_LABEL_CHARS = int((_LABEL_WIDTH - 16) / 6)  # row labels: ids are mostly narrow
_AXIS_HEIGHT = 40
_NOTE_HEIGHT = 15
_MIN_BAR_WIDTH = 2.0
_LAST_DAY = _dt.date(9999, 11, 30)  # so that the first of the next month exists

# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
_AREA_COLOURS = {
    Area.LABOUR_MARKET: "#0072B2",
    Area.HOUSING: "#E69F00",
    Area.HEALTH: "#009E73",
    Area.PARTICIPATION: "#CC79A7",
}
_AREA_NAMES = {
    Area.LABOUR_MARKET: "labour market",
    Area.HOUSING: "housing",
    Area.HEALTH: "health",
    Area.PARTICIPATION: "participation",
}
_STATUS_OPACITY = {
    ActivityStatus.PLANNED: "0.55",
    ActivityStatus.ACTIVE: "1",
    ActivityStatus.ON_HOLD: "0.55",
    ActivityStatus.COMPLETED: "0.85",
    ActivityStatus.CANCELLED: "0.3",
}
_INK = "#222222"
_MUTED = "#666666"
_HATCH_ID = "handlingsplan-hatch"
_LEVEL_COLOUR = "#56B4E9"
_ABSENCE_COLOUR = "#E69F00"

# Key dates drawn as lines: label, colour, dash pattern ("" for solid).
_KEY_DATE_STYLES = {
    DeadlineKind.PROGRAMME_END: ("programme end", "#D55E00", ""),
    DeadlineKind.REGISTRATION_WINDOW_END: ("registration window end", "#D55E00", "6 3"),
    DeadlineKind.UPPER_AGE: ("upper age", "#8B4513", "2 3"),
    DeadlineKind.AGE_18: ("turns 18", "#7B3294", "6 3"),
    DeadlineKind.FOLLOW_UP: ("follow-up due", "#1B7837", "6 3"),
}
# Key dates that always lie in the view, and those that widen it only when near.
_CORE_KINDS = frozenset({DeadlineKind.PROGRAMME_END, DeadlineKind.FOLLOW_UP})
_NEAR_SLACK_DAYS = 366

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000)

# Every character XML 1.0 cannot hold, lone surrogates included.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_WHITESPACE_REFERENCES = str.maketrans({"\t": "&#9;", "\n": "&#10;", "\r": "&#13;"})


# -- small helpers --------------------------------------------------------------------


def _text(value: object) -> str:
    """``value`` as text for an attribute or a text node: redacted, cleaned and escaped.

    Tabs and line breaks become character references, which attribute values keep.
    """
    escaped = html.escape(_NOT_XML.sub("\ufffd", redact(str(value))), quote=True)
    return escaped.translate(_WHITESPACE_REFERENCES)


def _num(value: float) -> str:
    """A coordinate with one decimal, without a trailing ``.0``."""
    formatted = f"{value:.1f}"
    return formatted[:-2] if formatted.endswith(".0") else formatted


def _shorten(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _row_label(name: str, detail: str) -> tuple[str, str]:
    """A row's label: the id, then ``detail`` in what room is left (none if too little).

    Both are redacted before they are shortened, so that no number is cut unmasked.
    """
    name, detail = _shorten(redact(name), _LABEL_CHARS), redact(detail)
    room = _LABEL_CHARS - len(name) - 3
    return (f"{name} · ", _shorten(detail, room)) if room >= 4 else (name, "")


def _text_width(value: str) -> float:
    return len(value) * _CHAR_WIDTH


def _month_start(day: _dt.date) -> _dt.date:
    return _dt.date(day.year, day.month, 1)


def _next_month(day: _dt.date) -> _dt.date:
    return _dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _check(plan: object, as_of: object) -> pendulum.Date | None:
    if not isinstance(plan, Plan):
        raise TypeError(f"plan must be a Plan, not {type(plan).__name__}")
    return None if as_of is None else as_date(as_of, "as_of")


def _activity_title(activity: Activity) -> str:
    parts = [
        f"{activity.id} ({activity.kind.value})",
        f"{activity.start.isoformat()} – {activity.end.isoformat()}",
        f"{activity.hours_per_week:g} h/week",
        activity.status.value,
        _AREA_NAMES[activity.area],
    ]
    if activity.provider:
        parts.append(activity.provider)
    return ", ".join(parts)


def _milestone_title(milestone: Milestone) -> str:
    title = f"{milestone.id} ({milestone.kind.value}): {milestone.title}, due {milestone.due}"
    if milestone.achieved_on is not None:
        title += f", achieved {milestone.achieved_on.isoformat()}"
    return title


# -- the view -------------------------------------------------------------------------


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


def _markers(plan: Plan, key_dates: tuple[Deadline, ...], as_of: _dt.date | None) -> list[_Marker]:
    """The referral, exit and follow-up, the drawn ``key_dates`` and ``as_of``."""
    events = [("referral", plan.referred_on, "referral")]
    if plan.exit is not None:
        events.append(("exit", plan.exit.on, f"exit ({plan.exit.reason.value})"))
    if plan.follow_up is not None:
        follow_up = plan.follow_up
        events.append(("followed_up", follow_up.on, f"followed up ({follow_up.status.value})"))
    markers = [
        _Marker("event", kind, day, label, _MUTED, "2 2", "1") for kind, day, label in events
    ]
    for deadline in key_dates:
        label, colour, dash = _KEY_DATE_STYLES[deadline.kind]
        markers.append(
            _Marker("key-date", deadline.kind.value, deadline.due, label, colour, dash, "1.5")
        )
    if as_of is not None:
        markers.append(_Marker("as-of", "as_of", as_of, "as of", "#000000", "", "2"))
    return markers


# -- drawing --------------------------------------------------------------------------


def _defs() -> str:
    return (
        f'<defs><pattern id="{_HATCH_ID}" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{_INK}" stroke-width="1.5" '
        'stroke-opacity="0.6"/></pattern></defs>'
    )


def _legend() -> list[str]:
    parts = ['<g class="legend">']
    x = 8.0
    y = 8

    def item(swatch: str, label: str) -> None:
        nonlocal x
        parts.append(swatch)
        parts.append(f'<text x="{_num(x + 16)}" y="{y + 10}">{_text(label)}</text>')
        x += 16 + _text_width(label) + 14

    for area, colour in _AREA_COLOURS.items():
        item(
            f'<rect x="{_num(x)}" y="{y}" width="12" height="12" fill="{colour}"/>',
            _AREA_NAMES[area],
        )
    item(
        f'<rect x="{_num(x)}" y="{y}" width="12" height="12" fill="{_MUTED}" '
        f'fill-opacity="{_STATUS_OPACITY[ActivityStatus.PLANNED]}" stroke="{_MUTED}"/>',
        "planned",
    )
    item(
        f'<rect x="{_num(x)}" y="{y}" width="12" height="12" fill="{_MUTED}" '
        f'fill-opacity="0.3"/><rect x="{_num(x)}" y="{y}" width="12" height="12" '
        f'fill="url(#{_HATCH_ID})"/>',
        "cancelled",
    )
    item(
        f'<rect x="{_num(x)}" y="{y}" width="12" height="12" fill="#999999" fill-opacity="0.3"/>',
        "interruption",
    )
    item(
        f'<rect x="{_num(x)}" y="{y}" width="12" height="12" fill="{_ABSENCE_COLOUR}" '
        f'fill-opacity="0.15" stroke="{_ABSENCE_COLOUR}" stroke-dasharray="3 2"/>',
        "absence",
    )
    item(_diamond(x + 6, y + 6, filled=False), "milestone")
    item(_diamond(x + 6, y + 6, filled=True), "achieved")
    parts.append("</g>")
    return parts


def _diamond(cx: float, cy: float, *, filled: bool, extra: str = "", content: str = "") -> str:
    """A diamond centred on (``cx``, ``cy``); ``extra`` attributes, ``content`` inside."""
    r = 6.0
    points = " ".join(
        f"{_num(px)},{_num(py)}"
        for px, py in ((cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy))
    )
    fill = _INK if filled else "#ffffff"
    return (
        f'<polygon{extra} points="{points}" fill="{fill}" stroke="{_INK}" stroke-width="1.5">'
        f"{content}</polygon>"
    )


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


def _activity_row(view: _View, activity: Activity, top: float) -> str:
    colour = _AREA_COLOURS[activity.area]
    x1 = view.x(activity.start.toordinal())
    x2 = view.x(activity.end.toordinal() + 1)
    width = max(x2 - x1, _MIN_BAR_WIDTH)
    y = top + (_ROW_HEIGHT - _BAR_HEIGHT) / 2
    status = activity.status
    cancelled = status is ActivityStatus.CANCELLED
    name, kind = _row_label(activity.id, activity.kind.value)
    dash = ' stroke-dasharray="3 2"' if status is ActivityStatus.ON_HOLD else ""
    geometry = f'x="{_num(x1)}" y="{_num(y)}" width="{_num(width)}" height="{_BAR_HEIGHT}"'
    row = [
        f'<g class="row" data-id="{_text(activity.id)}">',
        f'<text x="8" y="{_num(top + 15)}" fill="{_MUTED if cancelled else _INK}">'
        f'{_text(name)}<tspan fill="{_MUTED}">{_text(kind)}</tspan></text>',
        f'<rect class="activity" data-id="{_text(activity.id)}" '
        f'data-area="{activity.area.value}" data-status="{status.value}" {geometry} '
        f'rx="2" fill="{colour}" fill-opacity="{_STATUS_OPACITY[status]}" '
        f'stroke="{colour}"{dash}><title>{_text(_activity_title(activity))}</title></rect>',
    ]
    if cancelled:
        row.append(f'<rect class="hatch" {geometry} fill="url(#{_HATCH_ID})"/>')
    row.append("</g>")
    return "".join(row)


def _milestone_row(view: _View, milestone: Milestone, top: float) -> str:
    cy = top + _ROW_HEIGHT / 2
    cx = view.centre(milestone.due)
    name, title = _row_label(milestone.id, milestone.title)
    achieved = milestone.achieved_on
    row = [
        f'<g class="row" data-id="{_text(milestone.id)}">',
        f'<text x="8" y="{_num(top + 15)}" fill="{_INK}">'
        f'{_text(name)}<tspan fill="{_MUTED}">{_text(title)}</tspan></text>',
    ]
    if achieved is not None and achieved != milestone.due:
        ax = view.centre(achieved)
        row.append(
            f'<line class="milestone-achieved" x1="{_num(ax)}" y1="{_num(cy)}" '
            f'x2="{_num(cx)}" y2="{_num(cy)}" stroke="{_INK}" stroke-dasharray="2 2"/>'
            f'<circle class="milestone-achieved" cx="{_num(ax)}" cy="{_num(cy)}" r="3" '
            f'fill="{_INK}"/>'
        )
    extra = (
        f' class="milestone" data-id="{_text(milestone.id)}" '
        f'data-achieved="{"true" if achieved is not None else "false"}"'
    )
    title = f"<title>{_text(_milestone_title(milestone))}</title>"
    row.append(_diamond(cx, cy, filled=achieved is not None, extra=extra, content=title))
    row.append("</g>")
    return "".join(row)


def _level_row(view: _View, plan: Plan, top: float) -> str:
    """The participation levels from the plan's start: one labelled segment each."""
    row = [
        '<g class="levels">',
        f'<text x="8" y="{_num(top + 15)}" fill="{_INK}">participation</text>',
    ]
    y = top + (_ROW_HEIGHT - _BAR_HEIGHT) / 2
    for level in levels(plan):
        first = level.first.toordinal()
        last = view.last if level.last is None else level.last.toordinal() + 1
        x1, x2 = view.x(first), view.x(last)
        width = max(x2 - x1, _MIN_BAR_WIDTH)
        label = f"{level.percent:g} %"
        row.append(
            f'<rect class="level" data-percent="{level.percent:g}" x="{_num(x1)}" '
            f'y="{_num(y)}" width="{_num(width)}" height="{_BAR_HEIGHT}" fill="{_LEVEL_COLOUR}" '
            f'fill-opacity="{_num(0.15 + 0.6 * level.percent / 100)}" stroke="#ffffff">'
            f"<title>{_text(_level_title(level))}</title></rect>"
        )
        if _text_width(label) + 4 <= width:
            row.append(
                f'<text class="level-label" x="{_num((x1 + x2) / 2)}" y="{_num(top + 15)}" '
                f'text-anchor="middle" fill="{_INK}">{_text(label)}</text>'
            )
    row.append("</g>")
    return "".join(row)


def _level_title(level: Level) -> str:
    until = "on" if level.last is None else f"to {level.last.isoformat()}"
    reason = "" if level.reason is None else f" ({level.reason})"
    return f"participation {level.percent:g} % from {level.first.isoformat()} {until}{reason}"


def _absence_band(view: _View, absence: Absence, top: float, bottom: float) -> str:
    x1 = view.x(absence.start.toordinal())
    x2 = view.x(absence.end.toordinal() + 1)
    text = (
        f"absence ({absence.reason.value}, {absence.percent:g} %) "
        f"{absence.start.isoformat()} – {absence.end.isoformat()}"
    )
    return (
        f'<rect class="absence" data-reason="{absence.reason.value}" '
        f'data-percent="{absence.percent:g}" x="{_num(x1)}" y="{_num(top)}" '
        f'width="{_num(max(x2 - x1, _MIN_BAR_WIDTH))}" height="{_num(bottom - top)}" '
        f'fill="{_ABSENCE_COLOUR}" fill-opacity="0.15" stroke="{_ABSENCE_COLOUR}" '
        f'stroke-dasharray="3 2"><title>{_text(text)}</title></rect>'
    )


def _axis(view: _View, y: float) -> list[str]:
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
                    f'font-size="9" fill="{_MUTED}">{_MONTHS[month.month - 1]}</text>'
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


def plan_timeline_svg(
    plan: Plan, *, as_of: _dt.date | None = None, parameters: Parameters = DEFAULT_PARAMETERS
) -> str:
    """An inline SVG timeline of ``plan``: one bar per activity, coloured by area.

    Each activity is a row with a ``<rect class="activity" data-id="...">``; cancelled
    activities are faded and hatched. Milestones are diamonds (``class="milestone"``,
    filled when achieved) on rows of their own; interruptions are shaded bands
    (``class="interruption"``) and absences outlined ones (``class="absence"``, with
    ``data-reason`` and ``data-percent``). The first row (``class="levels"``) holds the
    participation levels, a ``<rect class="level" data-percent="...">`` for each, labelled
    like "50 %" where there is room. The programme end, the follow-up, the 18th birthday,
    the upper age and the end of the registration window are labelled lines
    (``class="key-date"`` with ``data-kind``), the referral, the exit and the
    follow-up made are ``class="event"``, and ``as_of`` is ``class="as-of"``. Key
    dates far from the plan are listed under the axis instead of stretching it.
    """
    day = _check(plan, as_of)
    key_dates = tuple(
        deadline
        for deadline in deadlines(plan, parameters=parameters)
        if deadline.kind in _KEY_DATE_STYLES
    )
    core = _plan_days(plan) + [d.due for d in key_dates if d.kind in _CORE_KINDS]
    near = [d.due for d in key_dates if d.kind not in _CORE_KINDS]
    view = _view(core, [*near, *([] if day is None else [day])])
    markers = [marker for marker in _markers(plan, key_dates, day) if view.contains(marker.day)]
    outside = [
        f"{_KEY_DATE_STYLES[d.kind][0]}: {d.due.isoformat()} (outside the view)"
        for d in key_dates
        if not view.contains(d.due)
    ]
    if day is not None and not view.contains(day):
        outside.append(f"as of: {day.isoformat()} (outside the view)")

    placed = _place_labels(view, markers)
    levels = max((level for *_, level in placed), default=-1) + 1
    rows_top = _LEGEND_HEIGHT + levels * _LEVEL_HEIGHT + 6
    row_count = 1 + max(len(plan.activities), 1) + len(plan.milestones)
    rows_bottom = rows_top + row_count * _ROW_HEIGHT
    activities_top = rows_top + _ROW_HEIGHT
    height = rows_bottom + _AXIS_HEIGHT + len(outside) * _NOTE_HEIGHT + 6

    parts = [
        f'<svg xmlns="{SVG_NAMESPACE}" class="handlingsplan-timeline" width="{_WIDTH}" '
        f'height="{height}" viewBox="0 0 {_WIDTH} {height}" role="img" '
        f'font-family="sans-serif" font-size="11" style="max-width:100%;height:auto">',
        f"<title>{_text(f'Timeline of plan {plan.id}')}</title>",
        _defs(),
        f'<rect width="{_WIDTH}" height="{height}" fill="#ffffff"/>',
    ]
    parts += _legend()
    for index in range(1, row_count, 2):
        parts.append(
            f'<rect class="row-bg" x="0" y="{rows_top + index * _ROW_HEIGHT}" '
            f'width="{_WIDTH}" height="{_ROW_HEIGHT}" fill="#f3f3f3"/>'
        )
    for interruption in plan.interruptions:
        x1 = view.x(interruption.start.toordinal())
        x2 = view.x(interruption.end.toordinal() + 1)
        text = (
            f"interruption ({interruption.reason.value}) "
            f"{interruption.start.isoformat()} – {interruption.end.isoformat()}"
        )
        parts.append(
            f'<rect class="interruption" data-reason="{interruption.reason.value}" '
            f'x="{_num(x1)}" y="{rows_top}" width="{_num(max(x2 - x1, _MIN_BAR_WIDTH))}" '
            f'height="{rows_bottom - rows_top}" fill="#999999" fill-opacity="0.3">'
            f"<title>{_text(text)}</title></rect>"
        )
    for absence in plan.absences:
        parts.append(_absence_band(view, absence, activities_top, rows_bottom))
    parts.append(_level_row(view, plan, rows_top))
    for index, activity in enumerate(plan.activities):
        parts.append(_activity_row(view, activity, activities_top + index * _ROW_HEIGHT))
    if not plan.activities:
        parts.append(
            f'<text class="empty" x="8" y="{activities_top + 15}" fill="{_MUTED}" '
            'font-style="italic">no activities</text>'
        )
    milestones_top = activities_top + max(len(plan.activities), 1) * _ROW_HEIGHT
    for index, milestone in enumerate(plan.milestones):
        parts.append(_milestone_row(view, milestone, milestones_top + index * _ROW_HEIGHT))
    # by level, so that each label (with a white halo) is drawn after the lines crossing it
    for marker, x, anchor, level in sorted(placed, key=lambda item: item[3]):
        label_y = _LEGEND_HEIGHT + (level + 1) * _LEVEL_HEIGHT - 3
        parts.append(_marker_svg(marker, x, anchor, label_y, view.centre(marker.day), rows_bottom))
    parts += _axis(view, rows_bottom)
    for index, note in enumerate(outside):
        y = rows_bottom + _AXIS_HEIGHT + (index + 1) * _NOTE_HEIGHT - 4
        parts.append(f'<text class="note" x="8" y="{y}" fill="{_MUTED}">{_text(note)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def plan_html(
    plan: Plan, *, as_of: _dt.date | None = None, parameters: Parameters = DEFAULT_PARAMETERS
) -> str:
    """A small HTML block: the plan's id, programme and participant, then the timeline.

    With ``as_of``, the participant's age on that day is shown. The identity number is
    never shown.
    """
    day = _check(plan, as_of)
    person = plan.participant
    facts = [f"{plan.programme.value} programme", f"participant {person.id}"]
    if day is not None and day >= person.birth_date:
        leap_day = parameters.value("leap_day", person.birth_date)
        age = age_on(person.birth_date, day, leap_day="mar1" if leap_day == "mar1" else "feb28")
        facts.append(f"age {age} on {day.isoformat()}")
    if plan.exit is not None:
        facts.append(f"exited {plan.exit.on.isoformat()} ({plan.exit.reason.value})")
    return (
        '<div class="handlingsplan-plan">'
        f'<h4 style="margin:0.3em 0">Plan {_text(plan.id)}</h4>'
        f'<p style="margin:0.3em 0">{_text(" · ".join(facts))}</p>'
        f"{plan_timeline_svg(plan, as_of=day, parameters=parameters)}"
        "</div>"
    )


def _optional_date(value: object) -> pendulum.Date | None:
    return None if value is None else as_date(value, "as_of")


@redacted_repr
@attrs.frozen(kw_only=True)
class Timeline:
    """A plan's timeline as of a day, for notebooks: shown as HTML, or saved as SVG.

    >>> from datetime import date
    >>> from handlingsplan import Participant, Plan
    >>> plan = Plan(id="p-1", referred_on=date(2025, 1, 13),
    ...             participant=Participant(id="d-1", birth_date=date(1990, 5, 17)))
    >>> timeline = Timeline(plan=plan, as_of=date(2025, 6, 2))
    >>> timeline.to_svg().startswith("<svg")
    True
    """

    plan: Plan = attrs.field(validator=attrs.validators.instance_of(Plan))
    as_of: pendulum.Date | None = attrs.field(default=None, converter=_optional_date)
    parameters: Parameters = attrs.field(default=DEFAULT_PARAMETERS, hash=False, repr=False)

    def to_svg(self) -> str:
        """The timeline as a standalone SVG document (see :func:`plan_timeline_svg`)."""
        return plan_timeline_svg(self.plan, as_of=self.as_of, parameters=self.parameters)

    def to_html(self) -> str:
        """The heading and the timeline as an HTML block (see :func:`plan_html`)."""
        return plan_html(self.plan, as_of=self.as_of, parameters=self.parameters)

    def _repr_html_(self) -> str:
        return self.to_html()
