"""Who may be referred to the establishment programme, and when.

Lag (2017:584) 2–3 §§ (age, permit, registration), Förordning (2017:820) 5 § (referral
hindrances) and the programme's first day (Lag 2017:584, in force 2018-01-01). The
conditions themselves are judged in :mod:`handlingsplan.rules._conditions`; this module
answers with a tri-state :class:`Eligibility`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from enum import StrEnum

import attrs

from .._privacy import redacted_repr
from ..dates import as_date
from ..model import Participant
from ..parameters import DEFAULT_PARAMETERS, Parameters
from ._condition_specs import MISSING, SPECS, Spec
from ._conditions import QUALIFYING_PERMITS, assess
from ._context import Context
from ._finding import Finding, build_finding
from ._rule import Rule, rule
from ._ruleset import RuleSet
from ._severity import Severity

__all__ = [
    "ELIGIBILITY_RULES",
    "QUALIFYING_PERMITS",
    "Eligibility",
    "EligibilityStatus",
    "check_eligibility",
]


class EligibilityStatus(StrEnum):
    """The answer to "may this person be referred on this date?"."""

    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    UNDETERMINED = "undetermined"


@redacted_repr
@attrs.frozen(kw_only=True)
class Eligibility:
    """The answer of :func:`check_eligibility`.

    ``findings`` hold an error for each failed condition and a warning for each missing
    fact. ``window`` is the inclusive ``(first_day, last_day)`` range of dates that age,
    permit, registration and the programme's start allow, or ``None`` when there is none
    or it cannot be known. Hindrances (Förordning 2017:820 5 §) do not bound it: an
    eligible day lies inside the window, but a day inside it may be hindered.
    """

    status: EligibilityStatus
    on: _dt.date
    findings: tuple[Finding, ...]
    window: tuple[_dt.date, _dt.date] | None

    @property
    def eligible(self) -> bool:
        """True only when the status is eligible."""
        return self.status is EligibilityStatus.ELIGIBLE

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return {
            "status": self.status.value,
            "eligible": self.eligible,
            "on": self.on.isoformat(),
            "findings": [finding.to_dict() for finding in self.findings],
            "window": (
                None
                if self.window is None
                else [self.window[0].isoformat(), self.window[1].isoformat()]
            ),
        }


def _at_referral(ctx: Context) -> Iterator[Finding]:
    """As a plan rule: the condition's findings for the plan's participant at referral."""
    answer = check_eligibility(ctx.participant, on=ctx.plan.referred_on, parameters=ctx.parameters)
    return (finding for finding in answer.findings if finding.code == ctx.rule.code)


_MISSING = {
    "sv": "Uppgift saknas: {fact}.",
    "en": "Missing fact: {fact}.",
}


def _condition_rule(spec: Spec) -> Rule:
    def check(ctx: Context) -> Iterator[Finding]:
        return _at_referral(ctx)

    # Named as the module attribute below, so that the rule pickles by reference.
    check.__name__ = check.__qualname__ = f"eligibility_{spec.name}"
    check.__doc__ = _at_referral.__doc__
    messages = {**spec.messages, MISSING: _MISSING} if spec.missing else spec.messages
    return rule(
        code=spec.code,
        title=spec.title,
        severity="error",
        programmes=("establishment",),
        basis=spec.basis,
        messages=messages,
    )(check)


(
    eligibility_age,
    eligibility_permit,
    eligibility_family_window,
    eligibility_registration_window,
    eligibility_not_yet,
    eligibility_hindrance,
    eligibility_not_in_force,
) = (_condition_rule(spec) for spec in SPECS)

ELIGIBILITY_RULES = RuleSet(
    [
        eligibility_age,
        eligibility_permit,
        eligibility_family_window,
        eligibility_registration_window,
        eligibility_not_yet,
        eligibility_hindrance,
        eligibility_not_in_force,
    ]
)
"""The eligibility conditions as plan rules, as :func:`check_eligibility` judges them.

As plan rules they check the participant on the plan's ``referred_on`` date, with a
warning for each missing fact. ``DEFAULT_RULES`` holds rules of the same codes that
report only failed conditions (see :doc:`/explanation/programme-rules`), so the two
sets cannot be joined: use one or the other.
"""


def check_eligibility(
    participant: Participant,
    *,
    on: _dt.date,
    parameters: Parameters = DEFAULT_PARAMETERS,
) -> Eligibility:
    """May ``participant`` be referred to the establishment programme on ``on``?

    A missing fact makes the answer undetermined, with a warning naming the fact; a
    failed condition makes it ineligible whatever else is missing. Each hindrance in
    force on ``on`` is an ``ELIG-HINDRANCE`` error; a day before the programme existed
    (``programme_in_force_from``, 2018-01-01) an ``ELIG-NOT-IN-FORCE`` error, and the
    window never starts before that day.

    >>> from datetime import date
    >>> from handlingsplan import Participant, Permit
    >>> person = Participant(id="d", birth_date=date(2004, 8, 1),
    ...                      first_registered_on=date(2024, 3, 4),
    ...                      permit=Permit(kind="refugee", granted_on=date(2024, 2, 1)))
    >>> answer = check_eligibility(person, on=date(2024, 6, 3))
    >>> answer.status.value, [f.code for f in answer.findings]
    ('ineligible', ['ELIG-AGE'])
    >>> [d.isoformat() for d in answer.window]
    ['2024-08-01', '2027-03-04']
    >>> check_eligibility(person, on=date(2017, 6, 1)).findings[0].code
    'ELIG-NOT-IN-FORCE'
    """
    if not isinstance(participant, Participant):
        raise TypeError(f"check_eligibility takes a Participant, not {type(participant).__name__}")
    day = as_date(on, "on")
    assessment = assess(participant, day, parameters)
    findings = [
        build_finding(
            ELIGIBILITY_RULES[outcome.code],
            reason=outcome.reason,
            on=outcome.on,
            severity=Severity.WARNING if outcome.missing else None,
            **outcome.facts,
        )
        for outcome in assessment.outcomes
    ]
    if any(finding.severity is Severity.ERROR for finding in findings):
        status = EligibilityStatus.INELIGIBLE
    elif findings:
        status = EligibilityStatus.UNDETERMINED
    else:
        status = EligibilityStatus.ELIGIBLE
    findings.sort(key=lambda finding: finding.sort_key)
    return Eligibility(status=status, on=day, findings=tuple(findings), window=assessment.window)
