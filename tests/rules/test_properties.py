"""Properties of the default catalogue and of eligibility over generated plans.

The plans come from :func:`handlingsplan.strategies.plans`, which generates valid
plans of both programmes with awkward dates over-represented (29 February, month ends,
the eves that Lag 1930:173 2 § treats as holidays).
"""

from __future__ import annotations

import datetime as _dt

import attrs
from hypothesis import given
from hypothesis import strategies as st

from handlingsplan import (
    DEFAULT_PARAMETERS,
    DEFAULT_RULES,
    DeadlineKind,
    Milestone,
    MilestoneKind,
    Parameters,
    Participant,
    Plan,
    Programme,
    Severity,
    deadlines,
    from_dict,
    to_dict,
)
from handlingsplan.rules import (
    ELIGIBILITY_RULES,
    LOCALES,
    EligibilityStatus,
    check_eligibility,
    evaluate,
)
from handlingsplan.rules._engine import _LABELS
from handlingsplan.strategies import dates, participants, plans

from ._factories import MAR1

EVERY_RULE = DEFAULT_RULES.without(*ELIGIBILITY_RULES.codes).with_rules(*ELIGIBILITY_RULES)
AS_OF = dates(min_value=_dt.date(2018, 1, 1), max_value=_dt.date(2032, 12, 31))
PARAMETERS = st.sampled_from([DEFAULT_PARAMETERS, MAR1])


@given(plans(), AS_OF, PARAMETERS)
def test_a_plan_without_activities_never_has_a_finding_about_an_activity(
    plan: Plan, as_of: _dt.date, parameters: Parameters
) -> None:
    """Förordning (2000:628) 6 §: findings about activities need activities."""
    removed = {activity.id for activity in plan.activities}
    bare = attrs.evolve(plan, activities=())
    milestones = {milestone.id for milestone in bare.milestones}
    report = evaluate(bare, as_of=as_of, rules=EVERY_RULE, parameters=parameters)
    for finding in report.findings:
        assert finding.subject is None or finding.subject in milestones
        assert finding.subject not in removed


@st.composite
def _with_early_milestone(draw: st.DrawFn) -> tuple[Plan, Milestone]:
    plan = draw(plans())
    due = draw(dates(min_value=_dt.date(2018, 1, 1), max_value=_dt.date(2030, 12, 31)))
    early = draw(st.integers(min_value=0, max_value=400))
    milestone = Milestone(
        id="achieved-in-time",  # longer than any generated id, so it is new
        kind=draw(st.sampled_from(MilestoneKind)),
        title="in time",
        due=due,
        achieved_on=due - _dt.timedelta(days=early),
    )
    return plan.with_milestone(milestone), milestone


@given(_with_early_milestone(), AS_OF)
def test_a_milestone_achieved_by_its_due_date_is_never_overdue(
    case: tuple[Plan, Milestone], as_of: _dt.date
) -> None:
    """Förordning (2000:628) 6 §: MS-OVERDUE is about milestones not achieved in time."""
    plan, milestone = case
    report = evaluate(plan, as_of=as_of)
    assert not [f for f in report.findings if f.code == "MS-OVERDUE" and f.subject == milestone.id]


@given(plans(), PARAMETERS)
def test_programme_end_is_within_the_registration_window_and_before_the_upper_age(
    plan: Plan, parameters: Parameters
) -> None:
    """Förordning (2017:820) 15 a §; Lag (2017:584) 2 §: the hard caps on the programme."""
    found = {deadline.kind: deadline.due for deadline in deadlines(plan, parameters=parameters)}
    if plan.programme is not Programme.ESTABLISHMENT:
        assert DeadlineKind.PROGRAMME_END not in found
        return
    end = found[DeadlineKind.PROGRAMME_END]
    assert end < found[DeadlineKind.UPPER_AGE]
    if DeadlineKind.REGISTRATION_WINDOW_END in found:
        assert end <= found[DeadlineKind.REGISTRATION_WINDOW_END]
    else:
        assert plan.participant.first_registered_on is None


@given(plans(), AS_OF, PARAMETERS)
def test_every_finding_renders_in_swedish_and_english(
    plan: Plan, as_of: _dt.date, parameters: Parameters
) -> None:
    """Språklag (2009:600) 10–11 §§: Swedish, plain and understandable; and in English."""
    report = evaluate(plan, as_of=as_of, rules=EVERY_RULE, parameters=parameters)
    for finding in report.findings:
        for locale in LOCALES:
            text = finding.message(locale)
            assert isinstance(text, str)
            assert text.strip()
            severity = _LABELS[locale][finding.severity.value]
            assert finding.explain(locale).startswith(f"[{severity}] {finding.code}")
        assert finding.messages.keys() == set(LOCALES)
    for locale in LOCALES:
        assert report.explain(locale)


@given(plans(), AS_OF, PARAMETERS)
def test_evaluation_is_deterministic(plan: Plan, as_of: _dt.date, parameters: Parameters) -> None:
    """Förvaltningslagen (2017:900) 5 § (objectivity): the same facts, the same answer."""
    first = evaluate(plan, as_of=as_of, rules=EVERY_RULE, parameters=parameters)
    second = evaluate(plan, as_of=as_of, rules=EVERY_RULE, parameters=parameters)
    again = evaluate(from_dict(to_dict(plan)), as_of=as_of, rules=EVERY_RULE, parameters=parameters)
    assert first == second == again
    assert first.to_dict() == second.to_dict() == again.to_dict()


@given(participants(), AS_OF, PARAMETERS)
def test_eligible_exactly_on_the_days_of_the_window(
    participant: Participant, on: _dt.date, parameters: Parameters
) -> None:
    """Lag (2017:584) 2 §: eligible on a day implies the day is in the window, and the
    other way round whenever there is a window and no hindrance (Förordning 2017:820
    5 §) holds that day: hindrances do not bound the window."""
    answer = check_eligibility(participant, on=on, parameters=parameters)
    inside = answer.window is not None and answer.window[0] <= on <= answer.window[1]
    hindered = any(finding.code == "ELIG-HINDRANCE" for finding in answer.findings)
    if answer.eligible:
        assert inside
    if answer.window is not None:
        assert answer.eligible is (inside and not hindered)
        assert answer.window[0] <= answer.window[1]
    errors = [f for f in answer.findings if f.severity is Severity.ERROR]
    missing = [f for f in answer.findings if f.reason == "missing"]
    assert (answer.status is EligibilityStatus.INELIGIBLE) is bool(errors)
    if missing:
        assert answer.window is None
        assert answer.status is not EligibilityStatus.ELIGIBLE
