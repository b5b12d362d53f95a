"""The outcome rates as a table and an SVG bar chart of the rate by gender.

Each bar is the share of those who exited that were in work or studies at the
follow-up (``rate_exited``); a dashed line marks the target (55 %, a parameter).
"""

from __future__ import annotations

from collections.abc import Sequence

from .._labels import label
from ..model import ExitReason, Gender
from ..outcomes import UNRECORDED, GroupBy, OutcomeRate
from ._markup import num, percent, text
from ._tables import Cell, table, view
from ._words import check_locale, word

__all__ = ["outcomes_chart_svg", "outcomes_html"]

_WIDTH = 480
_BAR_AREA_TOP = 36
_BAR_AREA_HEIGHT = 180
_LEFT = 48
_BAR_WIDTH = 56
_GAP = 40
_BAR_COLOUR = "#0072B2"
_TARGET_COLOUR = "#D55E00"


def group_label(group: str, by: GroupBy, locale: str) -> str:
    """A group's name for people: a gender or exit reason label, ``all`` or unrecorded."""
    if group in ("all", UNRECORDED):
        return word(group, locale)
    return label(Gender(group) if by == "gender" else ExitReason(group), locale)


def outcomes_chart_svg(
    rates: Sequence[OutcomeRate], *, by: GroupBy = "gender", locale: str = "sv"
) -> str:
    """Bars of ``rate_exited`` per group with exits, and the target as a dashed line."""
    check_locale(locale)
    shown = [rate for rate in rates if rate.exited]
    height = _BAR_AREA_TOP + _BAR_AREA_HEIGHT + 40
    width = max(_WIDTH, _LEFT + len(shown) * (_BAR_WIDTH + _GAP) + _GAP)
    bottom = _BAR_AREA_TOP + _BAR_AREA_HEIGHT
    title = word("chart", locale)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="handlingsplan-outcomes" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'font-family="sans-serif" font-size="12">',
        f"<title>{text(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="8" y="18" font-weight="bold">{text(title)}</text>',
    ]
    for tick in (0, 0.25, 0.5, 0.75, 1):
        y = bottom - tick * _BAR_AREA_HEIGHT
        parts.append(
            f'<line x1="{_LEFT}" y1="{num(y)}" x2="{width - 8}" y2="{num(y)}" '
            f'stroke="#dddddd"/><text x="{_LEFT - 6}" y="{num(y + 4)}" '
            f'text-anchor="end" fill="#666666">{percent(tick)}</text>'
        )
    for index, rate in enumerate(shown):
        x = _LEFT + _GAP + index * (_BAR_WIDTH + _GAP)
        share = rate.rate_exited or 0.0
        top = bottom - share * _BAR_AREA_HEIGHT
        name = group_label(rate.group, by, locale)
        parts.append(
            f'<rect class="bar" data-group="{text(rate.group)}" x="{x}" y="{num(top)}" '
            f'width="{_BAR_WIDTH}" height="{num(bottom - top)}" fill="{_BAR_COLOUR}">'
            f"<title>{text(f'{name}: {percent(share)} ({rate.positive}/{rate.exited})')}"
            "</title></rect>"
            f'<text x="{num(x + _BAR_WIDTH / 2)}" y="{num(top - 4)}" text-anchor="middle">'
            f"{percent(share)}</text>"
            f'<text x="{num(x + _BAR_WIDTH / 2)}" y="{bottom + 16}" text-anchor="middle">'
            f"{text(name)}</text>"
        )
    target = rates[0].target if rates else 0.55
    y = bottom - target * _BAR_AREA_HEIGHT
    parts.append(
        f'<g class="target" data-target="{target:g}"><line x1="{_LEFT}" y1="{num(y)}" '
        f'x2="{width - 8}" y2="{num(y)}" stroke="{_TARGET_COLOUR}" stroke-width="2" '
        f'stroke-dasharray="6 3"/><text x="{width - 8}" y="{num(y - 4)}" text-anchor="end" '
        f'fill="{_TARGET_COLOUR}">{text(word("target", locale))} {percent(target)}</text></g>'
    )
    parts.append(
        f'<line x1="{_LEFT}" y1="{bottom}" x2="{width - 8}" y2="{bottom}" stroke="#222222"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def outcomes_html(rates: Sequence[OutcomeRate], *, by: GroupBy = None, locale: str = "sv") -> str:
    """The rates as a table, and the chart when they are grouped ``by="gender"``."""
    check_locale(locale)
    names = (
        "group",
        "exited",
        "followed_up",
        "early",
        "positive",
        "rate_exited",
        "target",
        "meets_target",
    )
    head: list[Cell] = [("", text(word(name, locale))) for name in names]

    def meets(value: bool | None) -> str:
        return "–" if value is None else word("yes" if value else "no", locale)

    rows = [
        (
            "",
            [
                ("", text(group_label(rate.group, by, locale))),
                ("num", str(rate.exited)),
                ("num", str(rate.followed_up)),
                ("num", str(rate.early)),
                ("num", str(rate.positive)),
                ("num", percent(rate.rate_exited)),
                ("num", percent(rate.target)),
                ("", meets(rate.meets_target)),
            ],
        )
        for rate in rates
    ]
    chart = outcomes_chart_svg(rates, by=by, locale=locale) if by == "gender" else ""
    return view(locale, table(word("outcomes", locale), head, rows, word("none", locale)), chart)
