"""Who may be referred to the establishment programme, and when (Lag 2017:584 2–3 §§)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from enum import StrEnum

import attrs
import pendulum

from .._privacy import redacted_repr
from ..dates import LeapDay, add_months, add_years, as_date, birthday
from ..model import Participant, PermitKind
from ..parameters import DEFAULT_PARAMETERS, Parameters
from ._engine import Context, Finding, Rule, RuleSet, Severity, build_finding, rule

__all__ = [
    "ELIGIBILITY_RULES",
    "QUALIFYING_PERMITS",
    "Eligibility",
    "EligibilityStatus",
    "check_eligibility",
]

QUALIFYING_PERMITS = frozenset(
    {
        PermitKind.REFUGEE,
        PermitKind.SUBSIDIARY_PROTECTION,
        PermitKind.QUOTA_REFUGEE,
        PermitKind.EXCEPTIONAL_CIRCUMSTANCES,
        PermitKind.IMPEDIMENT_TO_ENFORCEMENT,
        PermitKind.TEMPORARY_PROTECTION,
        PermitKind.FAMILY_MEMBER,
    }
)
"""Permit kinds that can make someone newly arrived under Lag (2017:584) 2 §."""


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
    fact. ``window`` is the inclusive ``(first_day, last_day)`` range of dates on which a
    referral is possible, or ``None`` when there is none or it cannot be known.
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

eligibility_age = rule(
    code="ELIG-AGE",
    title="Age: turned 20 and not reached the upper age",
    severity="error",
    programmes=("establishment",),
    basis="Lag (2017:584) 2 §; SFS 2022:895; SFS 2022:896",
    messages={
        "too_young": {
            "sv": "Personen fyller {min_age} år först {on}.",
            "en": "The person turns {min_age} only on {on}.",
        },
        "too_old": {
            "sv": "Personen nådde den övre åldersgränsen {upper_age} år den {on}.",
            "en": "The person reached the upper age of {upper_age} on {on}.",
        },
    },
)(_at_referral)

eligibility_permit = rule(
    code="ELIG-PERMIT",
    title="A residence permit that leads to the programme",
    severity="error",
    programmes=("establishment",),
    basis="Lag (2017:584) 2 §",
    messages={
        "not_qualifying": {
            "sv": "Uppehållstillstånd av slaget {kind} ger inte rätt till programmet.",
            "en": "A residence permit of kind {kind} does not lead to the programme.",
        },
        "missing": _MISSING,
    },
)(_at_referral)

eligibility_family_window = rule(
    code="ELIG-FAMILY-WINDOW",
    title="Family member applied within six years",
    severity="error",
    programmes=("establishment",),
    basis="Lag (2017:584) 2 §",
    messages={
        "too_late": {
            "sv": "Ansökan {applied_on} gjordes mer än {years} år efter att anknytnings"
            "personen först togs emot i en kommun ({anchor_first_received_on}).",
            "en": "The application on {applied_on} was made more than {years} years after "
            "the anchor person was first received in a municipality "
            "({anchor_first_received_on}).",
        },
        "missing": _MISSING,
    },
)(_at_referral)

eligibility_registration_window = rule(
    code="ELIG-REGISTRATION-WINDOW",
    title="Referral within 36 months of the first registration",
    severity="error",
    programmes=("establishment",),
    basis="Lag (2017:584) 2 §; Förordning (2017:820) 15 a §",
    messages={
        "too_late": {
            "sv": "Anvisning är möjlig senast {on}, {months} månader efter första folkbokföringen.",
            "en": "A referral is possible until {on}, {months} months after the first "
            "population registration.",
        },
        "missing": _MISSING,
    },
)(_at_referral)

eligibility_not_yet = rule(
    code="ELIG-NOT-YET",
    title="Referral only after the permit and the first registration",
    severity="error",
    programmes=("establishment",),
    basis="Lag (2017:584) 2 §",
    messages={
        "sv": "Anvisning är möjlig tidigast {on} ({event}).",
        "en": "A referral is possible from {on} at the earliest ({event}).",
    },
)(_at_referral)

ELIGIBILITY_RULES = RuleSet(
    [
        eligibility_age,
        eligibility_permit,
        eligibility_family_window,
        eligibility_registration_window,
        eligibility_not_yet,
    ]
)
"""The eligibility conditions as rules, not in ``DEFAULT_RULES``.

As plan rules they check the participant on the plan's ``referred_on`` date:
``DEFAULT_RULES.with_rules(*ELIGIBILITY_RULES)`` adds them to an evaluation.
"""


def check_eligibility(
    participant: Participant,
    *,
    on: _dt.date,
    parameters: Parameters = DEFAULT_PARAMETERS,
) -> Eligibility:
    """May ``participant`` be referred to the establishment programme on ``on``?

    A missing fact makes the answer undetermined, with a warning naming the fact; a
    failed condition makes it ineligible whatever else is missing.

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
    """
    if not isinstance(participant, Participant):
        raise TypeError(f"check_eligibility takes a Participant, not {type(participant).__name__}")
    day = as_date(on, "on")
    born = participant.birth_date
    leap: LeapDay = "mar1" if parameters.value("leap_day", born) == "mar1" else "feb28"
    findings: list[Finding] = []
    missing = False
    incurable = False

    min_age = parameters.int_value("programme_min_age", day)
    turns_min = birthday(born, min_age, leap_day=leap)
    upper_age = parameters.upper_age_for(born)
    reaches_upper = birthday(born, upper_age, leap_day=leap)
    if day < turns_min:
        findings.append(
            build_finding(eligibility_age, reason="too_young", on=turns_min, min_age=min_age)
        )
    elif day >= reaches_upper:
        findings.append(
            build_finding(eligibility_age, reason="too_old", on=reaches_upper, upper_age=upper_age)
        )

    permit = participant.permit
    if permit is None:
        missing = True
        findings.append(_missing(eligibility_permit, "permit", day))
    elif permit.kind not in QUALIFYING_PERMITS:
        incurable = True
        findings.append(
            build_finding(eligibility_permit, reason="not_qualifying", on=day, kind=permit.kind)
        )
    elif permit.kind is PermitKind.FAMILY_MEMBER:
        absent = [
            name
            for name, value in (
                ("permit.applied_on", permit.applied_on),
                ("permit.anchor_first_received_on", permit.anchor_first_received_on),
            )
            if value is None
        ]
        if absent:
            missing = True
            findings.append(_missing(eligibility_family_window, ", ".join(absent), day))
        else:
            assert permit.applied_on is not None
            assert permit.anchor_first_received_on is not None
            years = parameters.int_value("family_window_years", permit.anchor_first_received_on)
            last = add_years(permit.anchor_first_received_on, years)
            if permit.applied_on > last:
                incurable = True
                findings.append(
                    build_finding(
                        eligibility_family_window,
                        reason="too_late",
                        on=permit.applied_on,
                        applied_on=permit.applied_on,
                        anchor_first_received_on=permit.anchor_first_received_on,
                        years=years,
                        last_day=last,
                    )
                )

    registered = participant.first_registered_on
    window_last: pendulum.Date | None = None
    if registered is None:
        missing = True
        findings.append(_missing(eligibility_registration_window, "first_registered_on", day))
    else:
        months = parameters.int_value("registration_window_months", registered)
        window_last = add_months(registered, months)
        if day > window_last:
            findings.append(
                build_finding(
                    eligibility_registration_window,
                    reason="too_late",
                    on=window_last,
                    months=months,
                    first_registered_on=registered,
                )
            )

    events = []
    if permit is not None:
        events.append((permit.granted_on, "permit granted"))
    if registered is not None:
        events.append((registered, "first population registration"))
    pending = [(event_day, what) for event_day, what in events if day < event_day]
    if pending:
        event_day, what = max(pending, key=lambda pair: pair[0])
        findings.append(build_finding(eligibility_not_yet, on=event_day, event=what))

    failed = any(finding.severity is Severity.ERROR for finding in findings)
    if failed:
        status = EligibilityStatus.INELIGIBLE
    elif missing:
        status = EligibilityStatus.UNDETERMINED
    else:
        status = EligibilityStatus.ELIGIBLE

    window: tuple[_dt.date, _dt.date] | None = None
    if not incurable and not missing and permit is not None and window_last is not None:
        assert registered is not None
        first_day = max(turns_min, permit.granted_on, registered)
        last_day = min(reaches_upper.subtract(days=1), window_last)
        if first_day <= last_day:
            window = (first_day, last_day)
    findings.sort(key=lambda finding: finding.sort_key)
    return Eligibility(status=status, on=day, findings=tuple(findings), window=window)


def _missing(current: Rule, fact: str, day: _dt.date) -> Finding:
    return build_finding(current, reason="missing", on=day, severity=Severity.WARNING, fact=fact)
