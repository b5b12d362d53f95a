"""The engine's memos change no report.

``evaluate`` remembers what several rules work out from one plan (the activities not
cancelled, the referral's assessment, the parameter values of a day, the rules in force
on a day). A reference evaluation works everything out afresh for every rule, through
the plain :class:`~handlingsplan.rules.Context` each rule has always seen: on a
synthetic caseload, on several dates, the reports are equal and serialise alike. The
caseload is 300 plans under the ``ci`` profile and a tenth of them by default (see
``_profiles.examples``).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator

import pytest

from _profiles import examples
from handlingsplan import synthetic
from handlingsplan._memo import fresh, last_call
from handlingsplan.dates import as_date
from handlingsplan.deadlines import deadlines
from handlingsplan.model import Plan
from handlingsplan.parameters import DEFAULT_PARAMETERS, Parameters
from handlingsplan.rules import (
    DEFAULT_RULES,
    Context,
    Finding,
    Report,
    RuleSet,
    evaluate,
    rule,
)
from handlingsplan.rules._context import Context as ContextOfItsModule

AS_OF_DATES = (
    _dt.date(2022, 6, 1),
    _dt.date(2024, 2, 29),
    _dt.date(2025, 1, 15),
    _dt.date(2026, 3, 2),
)


@rule(
    code="USER-KEY-DATES",
    title="A user's rule",
    severity="info",
    basis="Lokal rutin",
    messages={"sv": "{count} nyckeldatum.", "en": "{count} key dates."},
)
def user_rule(ctx: Context) -> Iterator[Finding]:
    """A user's rule sees the same context as before: the plan, the dates, the rule."""
    assert type(ctx) is ContextOfItsModule
    if ctx.plan.activities:
        yield ctx.finding(subject=ctx.plan.id, on=ctx.as_of, count=len(ctx.key_dates))


def reference(plan: Plan, as_of: _dt.date, rules: RuleSet, parameters: Parameters) -> Report:
    """``evaluate`` without any memo: each rule on its own context, with fresh parameters."""
    day = as_date(as_of)
    own = Parameters(parameters[name] for name in parameters)  # no memo of the original
    found: list[Finding] = []
    with fresh():
        key_dates = deadlines(plan, parameters=own)
        for item in rules:
            if not item.in_force(day) or not item.applies_to(plan.programme):
                continue
            context = Context(plan=plan, as_of=day, parameters=own, key_dates=key_dates)
            context._rule = item
            found.extend(item.check(context))
    found.sort(key=lambda finding: finding.sort_key)
    return Report(plan_id=plan.id, as_of=day, findings=tuple(found), key_dates=key_dates)


@pytest.mark.parametrize("as_of", AS_OF_DATES, ids=str)
@pytest.mark.parametrize(
    "rules", [DEFAULT_RULES, DEFAULT_RULES.with_rules(user_rule)], ids=["default", "user"]
)
def test_reports_equal_the_reference_on_the_synthetic_caseload(
    as_of: _dt.date, rules: RuleSet
) -> None:
    plans = (
        *synthetic.caseload(examples(200), seed=15),
        *synthetic.caseload(examples(100), seed=16, identity_numbers=True),
    )
    reports = [evaluate(plan, as_of=as_of, rules=rules) for plan in plans]
    expected = [reference(plan, as_of, rules, DEFAULT_PARAMETERS) for plan in plans]
    assert reports == expected
    assert [report.to_dict() for report in reports] == [report.to_dict() for report in expected]
    assert sum(len(report.findings) for report in reports) > len(plans)


def test_a_memo_answers_only_for_the_same_arguments() -> None:
    calls: list[object] = []

    @last_call
    def double(value: object) -> tuple[object, object]:
        calls.append(value)
        return (value, value)

    first, second = object(), object()
    assert double(first) is double(first)
    assert double(second) == (second, second)
    assert calls == [first, second]
    with fresh():
        double(second)
        with fresh():
            double(second)
        double(second)
    assert calls == [first, second, second, second, second]
    double(second)
    assert len(calls) == 5


def test_a_parameter_value_on_a_datetime_is_refused_as_before() -> None:
    with pytest.raises(TypeError, match="must be a date, not a datetime"):
        DEFAULT_PARAMETERS.value("leap_day", _dt.datetime(2020, 1, 1, 9, 0, tzinfo=_dt.UTC))
    assert DEFAULT_PARAMETERS.value("leap_day", _dt.date(2020, 1, 1)) == (
        DEFAULT_PARAMETERS["leap_day"].value_for_event(_dt.date(2020, 1, 1))
    )
