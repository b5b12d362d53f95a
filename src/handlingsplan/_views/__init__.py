"""Views for people: HTML tables, SVG charts and the plan timeline, in Swedish or English.

The boundary layer: views read plans, reports and caseload results, and nothing below
reads them. Every view takes ``locale`` (``"sv"``, the default, or ``"en"``), shows enum
values by their labels, and masks identity numbers.
"""

from __future__ import annotations

from ._outcomes import outcomes_chart_svg, outcomes_html
from ._page import page
from ._tables import caseload_html, impacts_html, report_html
from ._timeline import SVG_NAMESPACE, Timeline, plan_html, plan_timeline_svg
from ._words import finding_title

__all__ = [
    "SVG_NAMESPACE",
    "Timeline",
    "caseload_html",
    "finding_title",
    "impacts_html",
    "outcomes_chart_svg",
    "outcomes_html",
    "page",
    "plan_html",
    "plan_timeline_svg",
    "report_html",
]
