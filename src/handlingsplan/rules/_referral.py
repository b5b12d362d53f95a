"""The referral checked in the default catalogue (Lag 2017:584 2–3 §§; Förordning 2017:820 5 §).

For an establishment plan each eligibility condition is judged on the plan's
``referred_on``, as :func:`~handlingsplan.check_eligibility` judges it, and each failed
condition is an error of the condition's code, ``on`` the referral date, with the date
it compared the referral with as the fact ``limit``. A fact the plan lacks (no permit,
no registration) gives nothing here: the default catalogue judges what is known.
:data:`~handlingsplan.ELIGIBILITY_RULES` keeps the tri-state reading, with a warning for
each missing fact.
"""

from __future__ import annotations

from collections.abc import Iterator

from ._condition_specs import SPECS, Spec
from ._conditions import assess
from ._context import Context
from ._finding import Finding
from ._rule import Rule, rule
from ._ruleset import RuleSet

__all__ = ["REFERRAL_RULES"]


def _failed_at_referral(ctx: Context) -> Iterator[Finding]:
    """A failed eligibility condition on the referral date is an error."""
    referred = ctx.plan.referred_on
    for outcome in assess(ctx.participant, referred, ctx.parameters).outcomes:
        if outcome.code == ctx.rule.code and not outcome.missing:
            yield ctx.finding(reason=outcome.reason, on=referred, **outcome.facts)


def _referral_rule(spec: Spec) -> Rule:
    def check(ctx: Context) -> Iterator[Finding]:
        return _failed_at_referral(ctx)

    # Named as the module attribute below, so that the rule pickles by reference.
    check.__name__ = check.__qualname__ = f"referral_{spec.name}"
    check.__doc__ = _failed_at_referral.__doc__
    return rule(
        code=spec.code,
        title=spec.title,
        severity="error",
        programmes=("establishment",),
        basis=spec.basis,
        messages=spec.messages,
    )(check)


(
    referral_age,
    referral_permit,
    referral_family_window,
    referral_registration_window,
    referral_not_yet,
    referral_hindrance,
    referral_not_in_force,
) = (_referral_rule(spec) for spec in SPECS)

REFERRAL_RULES = RuleSet(
    [
        referral_age,
        referral_permit,
        referral_family_window,
        referral_registration_window,
        referral_not_yet,
        referral_hindrance,
        referral_not_in_force,
    ]
)
"""The referral's conditions as rules of the default catalogue, in condition order."""
