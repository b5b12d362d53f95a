"""Caseloads: evaluate many plans, flatten findings, summarise and compare rule sets.

Plans, reports and findings pickle, so these functions run unchanged in a process
pool or on a cluster (see the Dask how-to in the docs).

>>> from datetime import date
>>> from handlingsplan._demo import demo_caseload
>>> reports = list(evaluate_many(demo_caseload(), as_of=date(2026, 3, 2)))
>>> rows = to_records(reports)
>>> sorted(rows[0])
['as_of', 'basis', 'code', 'date', 'message', 'plan_id', 'reason', 'severity', 'subject']
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Iterable, Iterator

import attrs

from ._privacy import echo, redacted_repr
from ._records import plain_date
from .dates import as_date
from .deadlines import Deadline
from .model import Plan
from .parameters import DEFAULT_PARAMETERS, Parameters
from .rules import DEFAULT_RULES, Finding, Report, Rule, RuleSet, Severity
from .rules._evaluate import evaluate_prepared
from .rules._words import LOCALES

__all__ = [
    "CaseloadSummary",
    "RuleComparison",
    "RuleImpact",
    "caseload_summary",
    "compare_rules",
    "evaluate_many",
    "to_records",
]


def evaluate_many(
    plans: Iterable[Plan],
    *,
    as_of: _dt.date,
    rules: RuleSet | Iterable[Rule] = DEFAULT_RULES,
    parameters: Parameters = DEFAULT_PARAMETERS,
) -> Iterator[Report]:
    """Evaluate each plan on ``as_of``, yielding reports in input order.

    Equal to ``evaluate`` plan by plan, but the rules in force and the parameter values
    are chosen once for the whole caseload.
    """
    day = as_date(as_of, "as_of")
    rule_set = rules if isinstance(rules, RuleSet) else RuleSet(rules)
    in_force = tuple(item for item in rule_set if item.in_force(day))
    params = parameters.on(day)
    for plan in plans:
        if not isinstance(plan, Plan):
            raise TypeError(f"evaluate_many takes Plan values, not {type(plan).__name__}")
        yield evaluate_prepared(
            plan, as_of=day, rules=in_force, parameters=parameters, params=params
        )


def to_records(reports: Iterable[Report], *, locale: str = "en") -> list[dict[str, object]]:
    """Flat rows, one per finding, ready for ``pandas.DataFrame`` or ``polars.DataFrame``.

    Each row has ``plan_id``, ``as_of``, ``code``, ``severity``, ``reason``, ``subject``,
    ``date`` (the finding's ``on``), ``message`` (in ``locale``) and ``basis``.
    ``as_of`` and ``date`` are plain ``datetime.date`` values (``date`` ``None`` for a
    finding without a date); ``subject`` is ``None`` for the plan itself; the others are
    ``str``, ``severity`` the :class:`~handlingsplan.rules.Severity` value.
    """
    if locale not in LOCALES:
        raise ValueError(f"locale must be one of {LOCALES}, not {echo(locale)}")
    return [
        {
            "plan_id": report.plan_id,
            "as_of": plain_date(report.as_of),
            "code": finding.code,
            "severity": finding.severity.value,
            "reason": finding.reason,
            "subject": finding.subject,
            "date": plain_date(finding.on),
            "message": finding.message(locale),
            "basis": finding.basis,
        }
        for report in reports
        for finding in report.findings
    ]


@redacted_repr
@attrs.frozen(kw_only=True)
class CaseloadSummary:
    """Counts over a caseload's reports, and the key dates falling due soon.

    ``upcoming`` holds ``(plan_id, deadline)`` pairs whose ``act_by`` falls within the
    next ``weeks`` weeks of each report's ``as_of`` (that day included), by date.
    """

    plans: int
    with_errors: int
    with_warnings: int
    findings_per_code: tuple[tuple[str, int], ...]
    weeks: int
    upcoming: tuple[tuple[str, Deadline], ...]

    def __repr__(self) -> str:
        codes = ", ".join(f"{code}: {count}" for code, count in self.findings_per_code[:5])
        more = ", …" if len(self.findings_per_code) > 5 else ""
        return (
            f"<CaseloadSummary {self.plans} plans, {self.with_errors} with errors, "
            f"{self.with_warnings} with warnings; {{{codes}{more}}}; "
            f"{len(self.upcoming)} dates within {self.weeks} weeks>"
        )

    def to_html(self, *, locale: str = "sv") -> str:
        """Counts, findings per code and the dates due as HTML tables."""
        from ._views import caseload_html

        return caseload_html(self, locale=locale)

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return {
            "plans": self.plans,
            "with_errors": self.with_errors,
            "with_warnings": self.with_warnings,
            "findings_per_code": dict(self.findings_per_code),
            "weeks": self.weeks,
            "upcoming": [
                {"plan_id": plan_id, **deadline.to_dict()} for plan_id, deadline in self.upcoming
            ],
        }


def caseload_summary(reports: Iterable[Report], *, weeks: int = 4) -> CaseloadSummary:
    """Plans with errors and warnings, findings per code, and deadlines due in ``weeks``."""
    if isinstance(weeks, bool) or not isinstance(weeks, int) or weeks < 0:
        raise ValueError(f"weeks must be a whole number of weeks, not {echo(weeks)}")
    plans = with_errors = with_warnings = 0
    per_code: Counter[str] = Counter()
    upcoming: list[tuple[str, Deadline]] = []
    for report in reports:
        plans += 1
        severities = {finding.severity for finding in report.findings}
        with_errors += Severity.ERROR in severities
        with_warnings += Severity.WARNING in severities
        per_code.update(finding.code for finding in report.findings)
        horizon = report.as_of + _dt.timedelta(weeks=weeks)
        upcoming.extend(
            (report.plan_id, deadline)
            for deadline in report.key_dates
            if report.as_of <= deadline.act_by < horizon
        )
    upcoming.sort(key=lambda pair: (pair[1].act_by, pair[0], pair[1].sort_key))
    return CaseloadSummary(
        plans=plans,
        with_errors=with_errors,
        with_warnings=with_warnings,
        findings_per_code=tuple(sorted(per_code.items())),
        weeks=weeks,
        upcoming=tuple(upcoming),
    )


@redacted_repr
@attrs.frozen(kw_only=True)
class RuleImpact:
    """How a candidate rule set or reform changes one rule code's findings.

    A plan *gains* when the candidate finds something under ``code`` that the baseline
    does not (same reason, subject, date and severity), and *loses* the other way round;
    a finding that moves to another date does both.
    """

    code: str
    gained: tuple[str, ...]
    lost: tuple[str, ...]

    @property
    def plans_gaining(self) -> int:
        """How many plans gain a finding."""
        return len(self.gained)

    @property
    def plans_losing(self) -> int:
        """How many plans lose a finding."""
        return len(self.lost)


class RuleComparison(tuple[RuleImpact, ...]):
    """What :func:`compare_rules` returns: a tuple of impacts, shown as a table."""

    __slots__ = ()

    def to_html(self, *, locale: str = "sv") -> str:
        """The impacts as an HTML table."""
        from ._views import impacts_html

        return impacts_html(self, locale=locale)

    def _repr_html_(self) -> str:
        return self.to_html()


def _keys(report: Report) -> dict[str, set[tuple[object, ...]]]:
    keys: dict[str, set[tuple[object, ...]]] = {}
    for finding in report.findings:
        keys.setdefault(finding.code, set()).add(_identity(finding))
    return keys


def _identity(finding: Finding) -> tuple[object, ...]:
    return (finding.reason, finding.subject, finding.on, finding.severity)


def compare_rules(
    plans: Iterable[Plan],
    *,
    as_of: _dt.date,
    baseline: RuleSet | Iterable[Rule] = DEFAULT_RULES,
    candidate: RuleSet | Iterable[Rule] = DEFAULT_RULES,
    parameters: Parameters = DEFAULT_PARAMETERS,
    candidate_parameters: Parameters | None = None,
) -> RuleComparison:
    """Evaluate the caseload twice and report, per rule code, which plans gain and lose.

    ``candidate_parameters`` defaults to ``parameters``, so a new rule, a removed rule
    and a parameter reform can each be tried on their own. Only codes with a change are
    listed, sorted by code.
    """
    caseload = tuple(plans)
    before = evaluate_many(caseload, as_of=as_of, rules=baseline, parameters=parameters)
    after = evaluate_many(
        caseload,
        as_of=as_of,
        rules=candidate,
        parameters=parameters if candidate_parameters is None else candidate_parameters,
    )
    gained: dict[str, list[str]] = {}
    lost: dict[str, list[str]] = {}
    for old, new in zip(before, after, strict=True):
        old_keys, new_keys = _keys(old), _keys(new)
        for code in old_keys.keys() | new_keys.keys():
            if new_keys.get(code, set()) - old_keys.get(code, set()):
                gained.setdefault(code, []).append(new.plan_id)
            if old_keys.get(code, set()) - new_keys.get(code, set()):
                lost.setdefault(code, []).append(old.plan_id)
    return RuleComparison(
        RuleImpact(code=code, gained=tuple(gained.get(code, ())), lost=tuple(lost.get(code, ())))
        for code in sorted(gained.keys() | lost.keys())
    )
