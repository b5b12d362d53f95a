"""The timeline's rows: the legend, participation levels, activities and milestones."""

from __future__ import annotations

from .._clock import Level, levels
from ..model import Absence, Activity, ActivityStatus, Milestone, Plan
from ._axis import _View
from ._markup import num as _num
from ._markup import text as _text
from ._style import (
    _ABSENCE_COLOUR,
    _AREA_COLOURS,
    _AREA_NAMES,
    _BAR_HEIGHT,
    _HATCH_ID,
    _INK,
    _LEVEL_COLOUR,
    _MIN_BAR_WIDTH,
    _MUTED,
    _ROW_HEIGHT,
    _STATUS_OPACITY,
    _activity_title,
    _diamond,
    _milestone_title,
    _row_label,
    _text_width,
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
