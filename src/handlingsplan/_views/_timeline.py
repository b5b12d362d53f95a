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

import attrs
import pendulum

from .._privacy import redacted_repr
from ..dates import age_on, as_date
from ..deadlines import deadlines
from ..model import Plan
from ..parameters import DEFAULT_PARAMETERS, Parameters
from ._axis import _axis, _marker_svg, _markers, _place_labels, _plan_days, _view
from ._markup import num as _num
from ._markup import text as _text
from ._rows import _absence_band, _activity_row, _legend, _level_row, _milestone_row
from ._style import (
    _AXIS_HEIGHT,
    _CORE_KINDS,
    _KEY_DATE_STYLES,
    _LEGEND_HEIGHT,
    _LEVEL_HEIGHT,
    _MIN_BAR_WIDTH,
    _MUTED,
    _NOTE_HEIGHT,
    _ROW_HEIGHT,
    _WIDTH,
    SVG_NAMESPACE,
    _check,
    _defs,
)

__all__ = ["SVG_NAMESPACE", "Timeline", "plan_html", "plan_timeline_svg"]


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
