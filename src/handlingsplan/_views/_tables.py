"""HTML tables: a plan's report, a caseload summary and a rule comparison.

Each view is a ``<div class="handlingsplan">`` with its own stylesheet, so it reads the
same in a notebook and as a page of its own. Dates, codes and ids never wrap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..caseload import CaseloadSummary, RuleImpact
from ..rules import Report
from ._markup import text
from ._page import STYLE
from ._words import check_locale, finding_title, word

__all__ = ["caseload_html", "impacts_html", "report_html", "table", "view"]

Cell = tuple[str, str]
"""A cell: its class (``""`` for none) and its escaped content."""


def view(locale: str, *parts: str) -> str:
    """The parts in a styled block in ``locale``."""
    return (
        f'<div class="handlingsplan" lang="{locale}"><style>{STYLE}</style>{"".join(parts)}</div>'
    )


def table(
    caption: str, head: Sequence[Cell], rows: Iterable[tuple[str, Sequence[Cell]]], empty: str
) -> str:
    """A table: ``rows`` are a row class and cells; ``empty`` shows when there are none."""
    heads = "".join(f'<th class="{cls}">{content}</th>' for cls, content in head)
    body = [
        f'<tr class="{row_class}">'
        + "".join(f'<td class="{cls}">{content}</td>' for cls, content in cells)
        + "</tr>"
        for row_class, cells in rows
    ]
    if not body:
        body.append(f'<tr><td colspan="{len(head)}">{text(empty)}</td></tr>')
    return (
        f"<table><caption>{text(caption)}</caption><thead><tr>{heads}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _head(locale: str, *names: str) -> list[Cell]:
    return [("", text(word(name, locale))) for name in names]


def report_html(report: Report, *, locale: str = "sv") -> str:
    """The report's findings, coloured by severity, then its upcoming key dates."""
    check_locale(locale)
    findings = table(
        f"{word('report', locale)} {report.plan_id}, {word('as_of', locale)} "
        f"{report.as_of.isoformat()}",
        _head(locale, "severity", "code", "subject", "on", "title", "message", "basis"),
        (
            (
                finding.severity.value,
                [
                    ("nowrap", text(word(finding.severity.value, locale))),
                    ("nowrap", text(finding.code)),
                    ("nowrap", text(finding.subject or "")),
                    ("nowrap", finding.on.isoformat() if finding.on else ""),
                    ("", text(finding_title(finding, locale))),
                    ("", text(finding.message(locale))),
                    ("", text(finding.basis)),
                ],
            )
            for finding in report.findings
        ),
        word("no_findings", locale),
    )
    upcoming = table(
        word("upcoming", locale),
        _head(locale, "act_by", "due", "key_date", "subject"),
        (
            (
                "",
                [
                    ("nowrap", deadline.act_by.isoformat()),
                    ("nowrap", deadline.due.isoformat()),
                    ("", text(deadline.description(locale))),
                    ("nowrap", text(deadline.subject or "")),
                ],
            )
            for deadline in report.upcoming
        ),
        word("none", locale),
    )
    return view(locale, findings, upcoming)


def caseload_html(summary: CaseloadSummary, *, locale: str = "sv") -> str:
    """A :class:`~handlingsplan.CaseloadSummary`: counts, findings per code, dates due."""
    check_locale(locale)
    counts = table(
        word("caseload", locale),
        _head(locale, "plans", "with_errors", "with_warnings"),
        [
            (
                "",
                [
                    ("num", str(summary.plans)),
                    ("num", str(summary.with_errors)),
                    ("num", str(summary.with_warnings)),
                ],
            )
        ],
        word("none", locale),
    )
    per_code = table(
        word("findings_per_code", locale),
        _head(locale, "code", "count"),
        (("", [("nowrap", text(code)), ("num", str(n))]) for code, n in summary.findings_per_code),
        word("no_findings", locale),
    )
    upcoming = table(
        word("upcoming_weeks", locale).format(weeks=summary.weeks),
        _head(locale, "act_by", "plan", "key_date", "subject"),
        (
            (
                "",
                [
                    ("nowrap", deadline.act_by.isoformat()),
                    ("nowrap", text(plan_id)),
                    ("", text(deadline.description(locale))),
                    ("nowrap", text(deadline.subject or "")),
                ],
            )
            for plan_id, deadline in summary.upcoming
        ),
        word("none", locale),
    )
    return view(locale, counts, per_code, upcoming)


def impacts_html(impacts: Iterable[RuleImpact], *, locale: str = "sv") -> str:
    """The result of :func:`~handlingsplan.compare_rules`: per code, plans gaining, losing."""
    check_locale(locale)
    rows = []
    for impact in impacts:
        rows.append(
            (
                "",
                [
                    ("nowrap", text(impact.code)),
                    ("num", str(impact.plans_gaining)),
                    ("", text(", ".join(impact.gained))),
                    ("num", str(impact.plans_losing)),
                    ("", text(", ".join(impact.lost))),
                ],
            )
        )
    head = [
        ("", text(word("code", locale))),
        ("", text(word("gaining", locale))),
        ("", ""),
        ("", text(word("losing", locale))),
        ("", ""),
    ]
    return view(locale, table(word("comparison", locale), head, rows, word("no_change", locale)))
