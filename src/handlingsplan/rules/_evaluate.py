"""``evaluate``: check one plan against the rules in force on a date."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from ..dates import as_date
from ..errors import RuleError
from ..model import Plan
from ..parameters import DEFAULT_PARAMETERS, Parameters
from ._catalogue import DEFAULT_RULES
from ._engine import Context, Finding, Report, Rule, RuleSet

__all__ = ["evaluate"]


def evaluate(
    plan: Plan,
    *,
    as_of: _dt.date,
    rules: RuleSet | Iterable[Rule] = DEFAULT_RULES,
    parameters: Parameters = DEFAULT_PARAMETERS,
) -> Report:
    """Check ``plan`` against the rules in force on ``as_of``; a :class:`Report`.

    Only the rules in force on ``as_of`` that apply to the plan's programme run, with
    the parameter values in force on ``as_of`` and the plan's key dates computed once.
    Same input, same output: no clock, no global state. A rule that raises is not
    swallowed: :class:`~handlingsplan.RuleError` names its code and the plan id, with
    the original exception chained.
    """
    if not isinstance(plan, Plan):
        raise TypeError(f"evaluate takes a Plan, not {type(plan).__name__}")
    day = as_date(as_of, "as_of")
    rule_set = rules if isinstance(rules, RuleSet) else RuleSet(rules)
    context = Context(plan=plan, as_of=day, parameters=parameters)
    found: list[Finding] = []
    for item in rule_set:
        if not (item.in_force(day) and item.applies_to(plan.programme)):
            continue
        context._rule = item
        try:
            found.extend(item.check(context))
        except Exception as exc:
            raise RuleError(item.code, plan.id, exc) from exc
    context._rule = None
    found.sort(key=lambda finding: finding.sort_key)
    return Report(plan_id=plan.id, as_of=day, findings=tuple(found), key_dates=context.key_dates)
