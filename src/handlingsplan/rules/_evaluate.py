"""``evaluate``: check one plan against the rules in force on a date."""

from __future__ import annotations

import datetime as _dt
import functools
import operator
from collections.abc import Iterable

import pendulum

from ..dates import as_date
from ..errors import RuleError
from ..model import Plan, Programme
from ..parameters import DEFAULT_PARAMETERS, Parameters, ParameterValues
from ._catalogue import DEFAULT_RULES
from ._context import Context
from ._finding import Finding
from ._report import Report
from ._rule import Rule
from ._ruleset import RuleSet

__all__ = ["evaluate", "evaluate_prepared"]


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
    return evaluate_prepared(
        plan,
        as_of=day,
        rules=_in_force(rule_set, day),
        parameters=parameters,
        params=parameters.on(day),
    )


@functools.lru_cache(maxsize=256)
def _in_force(rule_set: RuleSet, day: pendulum.Date) -> tuple[Rule, ...]:
    """The rules of ``rule_set`` in force on ``day``: the same for every plan of a day.

    A rule set is immutable and hashed by its rules, so the memo is keyed by value; it
    keeps the latest 256 pairs of rule set and day.
    """
    return tuple(item for item in rule_set if item.in_force(day))


def evaluate_prepared(
    plan: Plan,
    *,
    as_of: pendulum.Date,
    rules: tuple[Rule, ...],
    parameters: Parameters,
    params: ParameterValues,
) -> Report:
    """:func:`evaluate` with the rules in force and the parameter values already chosen.

    For batch evaluation, where they are the same for every plan.
    """
    context = Context(plan=plan, as_of=as_of, parameters=parameters, params=params)
    found: list[Finding] = []
    for item in _applying(rules, plan.programme):
        context._rule = item
        try:
            found.extend(item.check(context))
        except Exception as exc:
            raise RuleError(item.code, plan.id, exc) from exc
    context._rule = None
    if len(found) > 1:
        found.sort(key=_SORT_KEY)
    return Report(plan_id=plan.id, as_of=as_of, findings=tuple(found), key_dates=context.key_dates)


_SORT_KEY = operator.attrgetter("sort_key")


@functools.lru_cache(maxsize=256)
def _applying(rules: tuple[Rule, ...], programme: Programme) -> tuple[Rule, ...]:
    """The rules of ``rules`` that apply to plans of ``programme``, in order.

    Rules are compared by identity, so the memo holds the latest 256 pairs of a tuple
    of rules and a programme.
    """
    return tuple(item for item in rules if item.applies_to(programme))
