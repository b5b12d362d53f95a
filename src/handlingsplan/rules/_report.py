"""Reports: the result of ``evaluate``, findings in a stable order and the key dates.

The HTML of a report is a view (:mod:`handlingsplan._views`): ``Report.to_html`` imports
it when called, since the views sit above the rules.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs

from .._privacy import redact, redacted_repr
from ..deadlines import Deadline
from ._finding import Finding
from ._severity import Severity
from ._words import _LABELS, _check_locale

__all__ = ["Report", "render_report_html"]


@redacted_repr
@attrs.frozen(kw_only=True)
class Report:
    """The result of :func:`evaluate`: findings in a stable order and the key dates.

    Its text for people (:meth:`explain`, the HTML, the ``repr``) masks identity
    numbers; :meth:`to_dict` keeps ``plan_id`` and subjects as given.
    """

    plan_id: str
    as_of: _dt.date
    findings: tuple[Finding, ...]
    key_dates: tuple[Deadline, ...]

    @property
    def ok(self) -> bool:
        """True when there is no error finding."""
        return not any(finding.severity is Severity.ERROR for finding in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The error findings."""
        return self._of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The warning findings."""
        return self._of(Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """The informational findings."""
        return self._of(Severity.INFO)

    def _of(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.severity is severity)

    @property
    def upcoming(self) -> tuple[Deadline, ...]:
        """Key dates whose ``act_by`` is on or after ``as_of``."""
        return tuple(deadline for deadline in self.key_dates if deadline.act_by >= self.as_of)

    def codes(self) -> tuple[str, ...]:
        """The codes of the findings, in order."""
        return tuple(finding.code for finding in self.findings)

    def explain(self, locale: str = "sv") -> str:
        """Readable text: each finding with its reason, facts and legal basis."""
        _check_locale(locale)
        labels = _LABELS[locale]
        lines = [f"{labels['report']} {self.plan_id} ({self.as_of.isoformat()})"]
        if not self.findings:
            lines.append(labels["none"])
        lines.extend(finding.explain(locale) for finding in self.findings)
        upcoming = self.upcoming
        if upcoming:
            lines.append(f"{labels['upcoming']}:")
            lines.extend(
                f"  {deadline.act_by.isoformat()}  {deadline.description(locale)}"
                + (f" ({deadline.subject})" if deadline.subject else "")
                for deadline in upcoming
            )
        return redact("\n".join(lines))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, messages in both languages."""
        return {
            "plan_id": self.plan_id,
            "as_of": self.as_of.isoformat(),
            "ok": self.ok,
            "findings": [finding.to_dict() for finding in self.findings],
            "key_dates": [deadline.to_dict() for deadline in self.key_dates],
        }

    def to_html(self, *, locale: str = "sv") -> str:
        """The findings and upcoming key dates as a styled HTML block in ``locale``."""
        from .._views import report_html  # the views sit above the rules

        return report_html(self, locale=locale)

    def _repr_html_(self) -> str:
        return self.to_html()


def render_report_html(report: Report, locale: str = "en") -> str:
    """The report as HTML in ``locale``: the same view as :meth:`Report.to_html`."""
    return report.to_html(locale=_check_locale(locale))
