"""Deciding again: the rules' answers as of any recorded day."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Hashable, Iterable

import attrs

from .._privacy import redacted_repr
from ..dates import as_date
from ..parameters import DEFAULT_PARAMETERS, Parameters
from ..rules import DEFAULT_RULES, Finding, Report, Rule, RuleSet, evaluate
from ._revisions import PlanHistory, Revision

# -- deciding again -----------------------------------------------------------------


def re_decide(
    history: PlanHistory,
    *,
    on: _dt.date,
    rules: RuleSet | Iterable[Rule] = DEFAULT_RULES,
    parameters: Parameters = DEFAULT_PARAMETERS,
) -> Report | None:
    """The report on the plan as recorded on ``on``, by the rules and parameters then.

    The same as ``evaluate(history.as_recorded_on(on), as_of=on, ...)``: what a decision
    made on ``on`` could have known. ``None`` before the first revision.
    """
    if not isinstance(history, PlanHistory):
        raise TypeError(f"re_decide takes a PlanHistory, not {type(history).__name__}")
    day = as_date(on, "on")
    plan = history.as_recorded_on(day)
    if plan is None:
        return None
    return evaluate(plan, as_of=day, rules=rules, parameters=parameters)


FindingKey = tuple[str, str, str | None, _dt.date | None]
"""What identifies a finding across reports: its code, reason, subject and date."""


def finding_key(finding: Finding) -> FindingKey:
    """``(code, reason, subject, on)``: the same problem in two reports has the same key.

    Severity, facts and messages are left out, so a finding whose wording or facts
    change between revisions is still the same finding. A rule that dates its finding
    by the day of evaluation, or by a window that moves with it (``PROG-FULL-TIME``
    dates its finding by the first short week ahead), gives a new key on each day; pass
    another ``key``, such as ``lambda f: (f.code, f.reason, f.subject)``, to
    :func:`evaluate_history` and :func:`finding_timeline` to match such findings
    regardless of their date.
    """
    return (finding.code, finding.reason, finding.subject, finding.on)


@redacted_repr
@attrs.frozen(kw_only=True)
class HistoryStep:
    """The report on one revision, and how its findings differ from the step before.

    ``appeared`` holds the findings whose key (:func:`finding_key`, unless another was
    given) was not in the previous report (every finding, at the first step);
    ``resolved`` the previous report's findings whose key is not in this one.
    """

    revision: Revision
    report: Report
    appeared: tuple[Finding, ...]
    resolved: tuple[Finding, ...]

    @property
    def recorded_on(self) -> _dt.date:
        """The day the revision was recorded."""
        return self.revision.recorded_on


def evaluate_history(
    history: PlanHistory,
    *,
    as_of: _dt.date | None = None,
    rules: RuleSet | Iterable[Rule] = DEFAULT_RULES,
    parameters: Parameters = DEFAULT_PARAMETERS,
    key: Callable[[Finding], Hashable] = finding_key,
) -> tuple[HistoryStep, ...]:
    """Evaluate every revision, oldest first, and compare each report with the one before.

    Each revision is evaluated as of the day it was recorded, with the rules and
    parameters in force that day; with ``as_of``, every revision is evaluated as of
    that one day instead (how would each version look on that day?). Findings are
    matched from step to step by ``key`` (:func:`finding_key` by default).
    """
    if not isinstance(history, PlanHistory):
        raise TypeError(f"evaluate_history takes a PlanHistory, not {type(history).__name__}")
    day = None if as_of is None else as_date(as_of, "as_of")
    rule_set = rules if isinstance(rules, RuleSet) else RuleSet(rules)
    steps: list[HistoryStep] = []
    previous: tuple[Finding, ...] = ()
    for revision in history:
        report = evaluate(
            revision.plan,
            as_of=revision.recorded_on if day is None else day,
            rules=rule_set,
            parameters=parameters,
        )
        before = {key(finding) for finding in previous}
        now = {key(finding) for finding in report.findings}
        steps.append(
            HistoryStep(
                revision=revision,
                report=report,
                appeared=tuple(f for f in report.findings if key(f) not in before),
                resolved=tuple(f for f in previous if key(f) not in now),
            )
        )
        previous = report.findings
    return tuple(steps)


@redacted_repr
@attrs.frozen(kw_only=True)
class FindingPeriod:
    """A period during which a finding was open.

    ``finding`` is the finding as it first appeared, ``appeared_on`` the day of the
    revision where it did and ``resolved_on`` the day of the first revision without it,
    or ``None`` while it is still open. A finding that is resolved and later appears
    again has one period for each time.
    """

    finding: Finding
    appeared_on: _dt.date
    resolved_on: _dt.date | None

    @property
    def is_open(self) -> bool:
        """Whether the finding is still open at the last step."""
        return self.resolved_on is None


def finding_timeline(
    steps: Iterable[HistoryStep], *, key: Callable[[Finding], Hashable] = finding_key
) -> tuple[FindingPeriod, ...]:
    """When each finding appeared and when it was resolved, over ``steps``.

    Findings are matched from step to step by ``key`` (:func:`finding_key` by default).
    The periods are in the order the findings appeared (step by step, and within a step
    in the report's order). Only the steps' reports and days are read.
    """
    periods: list[FindingPeriod] = []
    open_: dict[Hashable, int] = {}
    for step in steps:
        current: dict[Hashable, Finding] = {}
        for finding in step.report.findings:
            current.setdefault(key(finding), finding)
        for gone in [known for known in open_ if known not in current]:
            index = open_.pop(gone)
            periods[index] = attrs.evolve(periods[index], resolved_on=step.recorded_on)
        for found, finding in current.items():
            if found not in open_:
                open_[found] = len(periods)
                periods.append(
                    FindingPeriod(finding=finding, appeared_on=step.recorded_on, resolved_on=None)
                )
    return tuple(periods)
