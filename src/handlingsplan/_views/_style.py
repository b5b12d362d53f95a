"""Sizes, colours and small helpers of the plan timeline."""

from __future__ import annotations

import datetime as _dt

import pendulum

from .._labels import label
from .._privacy import redact
from ..dates import as_date
from ..deadlines import DeadlineKind
from ..model import Activity, ActivityStatus, Area, Milestone, Plan
from ._markup import num as _num
from ._words import word

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

_FLAG_COLOUR = "#C00000"
_ACHIEVED_COLOUR = "#1B7837"

# Key dates drawn as lines: label (a word of the views), colour, dash ("" for solid).
_KEY_DATE_STYLES = {
    DeadlineKind.PROGRAMME_END: ("programme_end", "#D55E00", ""),
    DeadlineKind.REGISTRATION_WINDOW_END: ("registration_window_end", "#D55E00", "6 3"),
    DeadlineKind.UPPER_AGE: ("upper_age", "#8B4513", "2 3"),
    DeadlineKind.AGE_18: ("age_18", "#7B3294", "6 3"),
    DeadlineKind.FOLLOW_UP: ("follow_up", "#1B7837", "6 3"),
}
# Key dates that always lie in the view, and those that widen it only when near.
_CORE_KINDS = frozenset({DeadlineKind.PROGRAMME_END, DeadlineKind.FOLLOW_UP})
_NEAR_SLACK_DAYS = 366

_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000)


def _shorten(value: str, limit: int) -> str:
    """``value`` in ``limit`` characters: cut at a space where there is one, then "…"."""
    if len(value) <= limit:
        return value
    cut = value[: limit - 1]
    if " " in cut.strip():
        cut = cut[: cut.rstrip().rindex(" ")].rstrip(" ,;:·-–")
    return cut + "…"


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


def _activity_title(activity: Activity, locale: str) -> str:
    parts = [
        f"{activity.id} ({label(activity.kind, locale)})",
        f"{activity.start.isoformat()} – {activity.end.isoformat()}",
        f"{activity.hours_per_week:g} {word('hours_week', locale)}",
        label(activity.status, locale),
        label(activity.area, locale),
    ]
    if activity.provider:
        parts.append(activity.provider)
    return ", ".join(parts)


def _milestone_title(milestone: Milestone, locale: str) -> str:
    title = (
        f"{milestone.id} ({label(milestone.kind, locale)}): {milestone.title}, "
        f"{word('due', locale)} {milestone.due.isoformat()}"
    )
    if milestone.achieved_on is not None:
        title += f", {word('achieved', locale)} {milestone.achieved_on.isoformat()}"
    return title


def _defs() -> str:
    return (
        f'<defs><pattern id="{_HATCH_ID}" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)">'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{_INK}" stroke-width="1.5" '
        'stroke-opacity="0.6"/></pattern></defs>'
    )


def _diamond(cx: float, cy: float, *, filled: bool, extra: str = "", content: str = "") -> str:
    """A diamond centred on (``cx``, ``cy``); ``extra`` attributes, ``content`` inside."""
    r = 6.0
    points = " ".join(
        f"{_num(px)},{_num(py)}"
        for px, py in ((cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy))
    )
    fill = _ACHIEVED_COLOUR if filled else "#ffffff"
    stroke = _ACHIEVED_COLOUR if filled else _INK
    tick = (
        f'<polyline class="tick" points="{_num(cx - 3)},{_num(cy)} {_num(cx - 1)},{_num(cy + 2.5)} '
        f'{_num(cx + 3)},{_num(cy - 2.5)}" fill="none" stroke="#ffffff" stroke-width="1.6"/>'
        if filled
        else ""
    )
    return (
        f'<polygon{extra} points="{points}" fill="{fill}" stroke="{stroke}" stroke-width="1.5">'
        f"{content}</polygon>{tick}"
    )
