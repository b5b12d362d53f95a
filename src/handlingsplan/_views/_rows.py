"""The timeline's rows: the legend, participation levels, activities and milestones."""

from __future__ import annotations

from collections.abc import Sequence

from .._clock import Level, levels
from .._labels import label
from ..model import Absence, Activity, ActivityStatus, Milestone, ParticipationReason, Plan
from ..rules import Finding
from ._axis import _View
from ._markup import num as _num
from ._markup import text as _text
from ._style import (
    _ABSENCE_COLOUR,
    _AREA_COLOURS,
    _BAR_HEIGHT,
    _FLAG_COLOUR,
    _HATCH_ID,
    _INK,
    _LEVEL_COLOUR,
    _MIN_BAR_WIDTH,
    _MUTED,
    _ROW_HEIGHT,
    _STATUS_OPACITY,
    _WIDTH,
    _activity_title,
    _diamond,
    _milestone_title,
    _row_label,
    _text_width,
)
from ._words import word


def _legend(locale: str) -> list[str]:
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
            label(area, locale),
        )
    item(
        f'<rect x="{_num(x)}" y="{y}" width="12" height="12" fill="{_MUTED}" '
        f'fill-opacity="{_STATUS_OPACITY[ActivityStatus.PLANNED]}" stroke="{_MUTED}"/>',
        label(ActivityStatus.PLANNED, locale),
    )
    item(
        f'<rect x="{_num(x)}" y="{y}" width="12" height="12" fill="{_MUTED}" '
        f'fill-opacity="0.3"/><rect x="{_num(x)}" y="{y}" width="12" height="12" '
        f'fill="url(#{_HATCH_ID})"/>',
        label(ActivityStatus.CANCELLED, locale),
    )
    item(
        f'<rect x="{_num(x)}" y="{y}" width="12" height="12" fill="#999999" fill-opacity="0.3"/>',
        word("interruption", locale),
    )
    item(
        f'<rect x="{_num(x)}" y="{y}" width="12" height="12" fill="{_ABSENCE_COLOUR}" '
        f'fill-opacity="0.15" stroke="{_ABSENCE_COLOUR}" stroke-dasharray="3 2"/>',
        word("absence", locale),
    )
    item(_diamond(x + 6, y + 6, filled=False), word("milestone", locale))
    item(_diamond(x + 6, y + 6, filled=True), word("achieved", locale))
    item(_flag(x + 6, y + 6), word("finding_marker", locale))
    parts.append("</g>")
    return parts


def _flag(cx: float, cy: float, title: str = "") -> str:
    """A red disc with "!": a finding of error or warning severity is about this."""
    inner = f"<title>{_text(title)}</title>" if title else ""
    return (
        f'<g class="flag">{inner}<circle cx="{_num(cx)}" cy="{_num(cy)}" r="6" '
        f'fill="{_FLAG_COLOUR}"/><text x="{_num(cx)}" y="{_num(cy + 4)}" '
        'text-anchor="middle" font-weight="bold" fill="#ffffff">!</text></g>'
    )


def _findings_text(findings: Sequence[Finding], locale: str) -> str:
    return "\n".join(f"{f.code}: {f.message(locale)}" for f in findings)


def _activity_row(
    view: _View, activity: Activity, top: float, findings: Sequence[Finding], locale: str
) -> str:
    colour = _AREA_COLOURS[activity.area]
    x1 = view.x(activity.start.toordinal())
    x2 = view.x(activity.end.toordinal() + 1)
    width = max(x2 - x1, _MIN_BAR_WIDTH)
    y = top + (_ROW_HEIGHT - _BAR_HEIGHT) / 2
    status = activity.status
    cancelled = status is ActivityStatus.CANCELLED
    name, kind = _row_label(activity.id, label(activity.kind, locale))
    dash = ' stroke-dasharray="3 2"' if status is ActivityStatus.ON_HOLD else ""
    title = _activity_title(activity, locale)
    outline = f'stroke="{colour}"'
    if findings:
        title += "\n" + _findings_text(findings, locale)
        outline = f'stroke="{_FLAG_COLOUR}" stroke-width="2.5"'
    hours = f"{activity.hours_per_week:g} {word('hours_week', locale)}"
    geometry = f'x="{_num(x1)}" y="{_num(y)}" width="{_num(width)}" height="{_BAR_HEIGHT}"'
    row = [
        f'<g class="row" data-id="{_text(activity.id)}">',
        f'<g class="label"><title>{_text(title)}</title>'
        f'<text x="8" y="{_num(top + 15)}" fill="{_MUTED if cancelled else _INK}">'
        f'{_text(name)}<tspan fill="{_MUTED}">{_text(kind)}</tspan></text></g>',
        f'<rect class="activity{" flagged" if findings else ""}" data-id="{_text(activity.id)}" '
        f'data-area="{activity.area.value}" data-status="{status.value}" {geometry} '
        f'rx="2" fill="{colour}" fill-opacity="{_STATUS_OPACITY[status]}" '
        f"{outline}{dash}><title>{_text(title)}</title></rect>",
    ]
    if cancelled:
        row.append(f'<rect class="hatch" {geometry} fill="url(#{_HATCH_ID})"/>')
    right = x1 + width + (16 if findings else 4)
    if right + _text_width(hours) <= _WIDTH - 4:
        hours_x, anchor = right, "start"
    else:
        hours_x, anchor = x1 - 4, "end"
    row.append(
        f'<text class="hours" x="{_num(hours_x)}" y="{_num(top + 15)}" '
        f'text-anchor="{anchor}" fill="{_MUTED}">{_text(hours)}</text>'
    )
    if findings:
        row.append(_flag(x1 + width + 8, top + _ROW_HEIGHT / 2, _findings_text(findings, locale)))
    row.append("</g>")
    return "".join(row)


def _milestone_row(
    view: _View, milestone: Milestone, top: float, findings: Sequence[Finding], locale: str
) -> str:
    cy = top + _ROW_HEIGHT / 2
    cx = view.centre(milestone.due)
    name, short = _row_label(milestone.id, milestone.title)
    achieved = milestone.achieved_on
    full = _milestone_title(milestone, locale)
    if findings:
        full += "\n" + _findings_text(findings, locale)
    row = [
        f'<g class="row" data-id="{_text(milestone.id)}">',
        f'<g class="label"><title>{_text(full)}</title>'
        f'<text x="8" y="{_num(top + 15)}" fill="{_INK}">'
        f'{_text(name)}<tspan fill="{_MUTED}">{_text(short)}</tspan></text></g>',
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
        f' class="milestone{" flagged" if findings else ""}" data-id="{_text(milestone.id)}" '
        f'data-achieved="{"true" if achieved is not None else "false"}"'
    )
    title = f"<title>{_text(full)}</title>"
    row.append(_diamond(cx, cy, filled=achieved is not None, extra=extra, content=title))
    if findings:
        row.append(_flag(cx + 14, cy, _findings_text(findings, locale)))
    row.append("</g>")
    return "".join(row)


def _level_row(view: _View, plan: Plan, top: float, locale: str) -> str:
    """The participation levels from the plan's start: one labelled segment each."""
    row = [
        '<g class="levels">',
        f'<text x="8" y="{_num(top + 15)}" fill="{_INK}">'
        f"{_text(word('participation', locale))}</text>",
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
            f"<title>{_text(_level_title(level, locale))}</title></rect>"
        )
        if _text_width(label) + 4 <= width:
            row.append(
                f'<text class="level-label" x="{_num((x1 + x2) / 2)}" y="{_num(top + 15)}" '
                f'text-anchor="middle" fill="{_INK}">{_text(label)}</text>'
            )
    row.append("</g>")
    return "".join(row)


def _level_title(level: Level, locale: str) -> str:
    until = (
        word("onwards", locale)
        if level.last is None
        else f"{word('until', locale)} {level.last.isoformat()}"
    )
    reason = (
        "" if level.reason is None else f" ({label(ParticipationReason(level.reason), locale)})"
    )
    return (
        f"{word('participation', locale)} {level.percent:g} % {word('from', locale)} "
        f"{level.first.isoformat()} {until}{reason}"
    )


def _absence_band(view: _View, absence: Absence, top: float, bottom: float, locale: str) -> str:
    x1 = view.x(absence.start.toordinal())
    x2 = view.x(absence.end.toordinal() + 1)
    text = (
        f"{word('absence', locale)} ({label(absence.reason, locale)}, {absence.percent:g} %) "
        f"{absence.start.isoformat()} – {absence.end.isoformat()}"
    )
    return (
        f'<rect class="absence" data-reason="{absence.reason.value}" '
        f'data-percent="{absence.percent:g}" x="{_num(x1)}" y="{_num(top)}" '
        f'width="{_num(max(x2 - x1, _MIN_BAR_WIDTH))}" height="{_num(bottom - top)}" '
        f'fill="{_ABSENCE_COLOUR}" fill-opacity="0.15" stroke="{_ABSENCE_COLOUR}" '
        f'stroke-dasharray="3 2"><title>{_text(text)}</title></rect>'
    )
