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

from .._labels import label
from .._privacy import redacted_repr
from ..dates import age_on, as_date
from ..deadlines import deadlines
from ..errors import ParameterError
from ..model import Plan
from ..parameters import DEFAULT_PARAMETERS, Parameters
from ..rules import Finding, Report, evaluate
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
from ._words import check_locale, word

__all__ = ["SVG_NAMESPACE", "Timeline", "plan_html", "plan_timeline_svg"]


def _flags(
    plan: Plan, day: _dt.date | None, report: Report | None, parameters: Parameters
) -> dict[str, list[Finding]]:
    """The error and warning findings about each activity or milestone, by its id."""
    if report is None and day is not None:
        try:
            report = evaluate(plan, as_of=day, parameters=parameters)
        except ParameterError:  # a day before the rules' parameters: nothing to mark
            return {}
    if report is not None and not isinstance(report, Report):
        raise TypeError(f"report must be a Report, not {type(report).__name__}")
    flags: dict[str, list[Finding]] = {}
    for finding in () if report is None else (*report.errors, *report.warnings):
        if finding.subject is not None:
            flags.setdefault(finding.subject, []).append(finding)
    return flags


def plan_timeline_svg(
    plan: Plan,
    *,
    as_of: _dt.date | None = None,
    parameters: Parameters = DEFAULT_PARAMETERS,
    report: Report | None = None,
    locale: str = "sv",
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

    Each activity shows its hours per week (``class="hours"``). With ``report``, or with
    ``as_of`` (then the plan is evaluated with the default rules on that day, unless it
    falls before the parameters' history), each
    activity or milestone an error or warning is about gets a red outline, the class
    ``flagged`` and a red "!" (``class="flag"``) whose ``<title>`` holds the messages.
    Row labels too long for their room end at a word with "…"; their ``<title>`` holds
    the whole text. Text is in ``locale`` (``"sv"`` or ``"en"``).
    """
    day = _check(plan, as_of)
    check_locale(locale)
    flags = _flags(plan, day, report, parameters)
    key_dates = tuple(
        deadline
        for deadline in deadlines(plan, parameters=parameters)
        if deadline.kind in _KEY_DATE_STYLES
    )
    core = _plan_days(plan) + [d.due for d in key_dates if d.kind in _CORE_KINDS]
    near = [d.due for d in key_dates if d.kind not in _CORE_KINDS]
    view = _view(core, [*near, *([] if day is None else [day])])
    markers = [
        marker for marker in _markers(plan, key_dates, day, locale) if view.contains(marker.day)
    ]
    outside_view = word("outside", locale)
    outside = [
        f"{word(_KEY_DATE_STYLES[d.kind][0], locale)}: {d.due.isoformat()} ({outside_view})"
        for d in key_dates
        if not view.contains(d.due)
    ]
    if day is not None and not view.contains(day):
        outside.append(f"{word('as_of', locale)}: {day.isoformat()} ({outside_view})")

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
        f"<title>{_text(word('timeline_of', locale) + ' ' + plan.id)}</title>",
        _defs(),
        f'<rect width="{_WIDTH}" height="{height}" fill="#ffffff"/>',
    ]
    parts += _legend(locale)
    for index in range(1, row_count, 2):
        parts.append(
            f'<rect class="row-bg" x="0" y="{rows_top + index * _ROW_HEIGHT}" '
            f'width="{_WIDTH}" height="{_ROW_HEIGHT}" fill="#f3f3f3"/>'
        )
    for interruption in plan.interruptions:
        x1 = view.x(interruption.start.toordinal())
        x2 = view.x(interruption.end.toordinal() + 1)
        text = (
            f"{word('interruption', locale)} ({label(interruption.reason, locale)}) "
            f"{interruption.start.isoformat()} – {interruption.end.isoformat()}"
        )
        parts.append(
            f'<rect class="interruption" data-reason="{interruption.reason.value}" '
            f'x="{_num(x1)}" y="{rows_top}" width="{_num(max(x2 - x1, _MIN_BAR_WIDTH))}" '
            f'height="{rows_bottom - rows_top}" fill="#999999" fill-opacity="0.3">'
            f"<title>{_text(text)}</title></rect>"
        )
    for absence in plan.absences:
        parts.append(_absence_band(view, absence, activities_top, rows_bottom, locale))
    parts.append(_level_row(view, plan, rows_top, locale))
    for index, activity in enumerate(plan.activities):
        top = activities_top + index * _ROW_HEIGHT
        parts.append(_activity_row(view, activity, top, flags.get(activity.id, ()), locale))
    if not plan.activities:
        parts.append(
            f'<text class="empty" x="8" y="{activities_top + 15}" fill="{_MUTED}" '
            f'font-style="italic">{_text(word("no_activities", locale))}</text>'
        )
    milestones_top = activities_top + max(len(plan.activities), 1) * _ROW_HEIGHT
    for index, milestone in enumerate(plan.milestones):
        top = milestones_top + index * _ROW_HEIGHT
        parts.append(_milestone_row(view, milestone, top, flags.get(milestone.id, ()), locale))
    # by level, so that each label (with a white halo) is drawn after the lines crossing it
    for marker, x, anchor, level in sorted(placed, key=lambda item: item[3]):
        label_y = _LEGEND_HEIGHT + (level + 1) * _LEVEL_HEIGHT - 3
        parts.append(_marker_svg(marker, x, anchor, label_y, view.centre(marker.day), rows_bottom))
    parts += _axis(view, rows_bottom, locale)
    for index, note in enumerate(outside):
        y = rows_bottom + _AXIS_HEIGHT + (index + 1) * _NOTE_HEIGHT - 4
        parts.append(f'<text class="note" x="8" y="{y}" fill="{_MUTED}">{_text(note)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def plan_html(
    plan: Plan,
    *,
    as_of: _dt.date | None = None,
    parameters: Parameters = DEFAULT_PARAMETERS,
    report: Report | None = None,
    locale: str = "sv",
) -> str:
    """A small HTML block: the plan's id, programme and participant, then the timeline.

    With ``as_of``, the participant's age on that day is shown. The identity number is
    never shown. ``report`` and ``locale`` as for :func:`plan_timeline_svg`.
    """
    day = _check(plan, as_of)
    check_locale(locale)
    person = plan.participant
    facts = [label(plan.programme, locale), f"{word('participant', locale)} {person.id}"]
    if day is not None and day >= person.birth_date:
        leap_day = parameters.value("leap_day", person.birth_date)
        age = age_on(person.birth_date, day, leap_day="mar1" if leap_day == "mar1" else "feb28")
        facts.append(word("age_on", locale).format(age=age, day=day.isoformat()))
    if plan.exit is not None:
        reason = label(plan.exit.reason, locale)
        facts.append(f"{word('exited_on', locale)} {plan.exit.on.isoformat()} ({reason})")
    return (
        '<div class="handlingsplan-plan">'
        f'<h4 style="margin:0.3em 0">{_text(word("plan", locale).capitalize())} '
        f"{_text(plan.id)}</h4>"
        f'<p style="margin:0.3em 0">{_text(" · ".join(facts))}</p>'
        + plan_timeline_svg(plan, as_of=day, parameters=parameters, report=report, locale=locale)
        + "</div>"
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
    report: Report | None = attrs.field(default=None, repr=False)
    locale: str = attrs.field(default="sv", validator=lambda _s, _a, value: check_locale(value))

    def to_svg(self, *, locale: str | None = None) -> str:
        """The timeline as a standalone SVG document (see :func:`plan_timeline_svg`).

        ``locale`` defaults to the timeline's own (Swedish unless given).
        """
        return plan_timeline_svg(
            self.plan,
            as_of=self.as_of,
            parameters=self.parameters,
            report=self.report,
            locale=self.locale if locale is None else locale,
        )

    def to_html(self, *, locale: str | None = None) -> str:
        """The heading and the timeline as an HTML block (see :func:`plan_html`)."""
        return plan_html(
            self.plan,
            as_of=self.as_of,
            parameters=self.parameters,
            report=self.report,
            locale=self.locale if locale is None else locale,
        )

    def _repr_html_(self) -> str:
        return self.to_html()
