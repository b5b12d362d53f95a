"""Scenarios for referral hindrances, the programme's first day, and the referral rules
of the default catalogue.

Förordning (2017:820) 5 §: nobody is referred while working full time, attending
upper-secondary school, on full-time parental benefit, on full sickness benefit or living
in the Migration Agency's asylum housing. Lag (2017:584) is in force from 2018-01-01;
before it the establishment plan of Lag (2010:197) applied. The default person (see
``_factories``) may be referred from 2024-11-04 to 2027-11-04.
"""

from __future__ import annotations

import datetime as _dt

import pytest
from hypothesis import given

from handlingsplan import (
    DEFAULT_RULES,
    Circumstance,
    CircumstanceKind,
    Participant,
    Severity,
    check_eligibility,
    evaluate,
)
from handlingsplan.rules import ELIGIBILITY_RULES, EligibilityStatus
from handlingsplan.strategies import dates, participants

from ._factories import ERROR, d, found, permit, person, plan

HINDRANCE = "ELIG-HINDRANCE"
NOT_IN_FORCE = "ELIG-NOT-IN-FORCE"
CODES = ELIGIBILITY_RULES.codes

KIND_WORDS = {
    "full_time_work": ("arbetar heltid", "works full time"),
    "upper_secondary_school": ("går i gymnasieskolan", "attends upper-secondary school"),
    "full_time_parental_benefit": (
        "har hel föräldrapenning",
        "receives full-time parental benefit",
    ),
    "full_time_sickness_benefit": ("har hel sjukpenning", "receives full sickness benefit"),
    "asylum_housing": (
        "bor i Migrationsverkets anläggningsboende",
        "lives in the Migration Agency's asylum housing",
    ),
}


def hindered(*held: Circumstance, **kwargs: object) -> Participant:
    base = person(**kwargs)  # type: ignore[arg-type]
    return Participant(
        id=base.id,
        birth_date=base.birth_date,
        first_registered_on=base.first_registered_on,
        permit=base.permit,
        circumstances=held,
    )


def held(kind: str, start: str, end: str | None = None) -> Circumstance:
    return Circumstance(
        kind=CircumstanceKind(kind), start=d(start), end=None if end is None else d(end)
    )


# -- hindrances in check_eligibility ----------------------------------------------------


@pytest.mark.parametrize("kind", list(KIND_WORDS))
def test_each_hindrance_in_a_closed_period_makes_the_day_ineligible(kind: str) -> None:
    """Förordning (2017:820) 5 §: no referral while the hindrance holds, ends included."""
    subject = hindered(held(kind, "2025-03-01", "2025-05-31"))
    for day in ("2025-03-01", "2025-04-15", "2025-05-31"):
        answer = check_eligibility(subject, on=d(day))
        assert answer.status is EligibilityStatus.INELIGIBLE
        (finding,) = answer.findings
        assert (finding.code, finding.severity, finding.on) == (HINDRANCE, ERROR, d(day))
        assert finding.reason == kind
        assert dict(finding.facts) == {
            "limit": d("2025-05-31"),
            "kind": CircumstanceKind(kind),
            "start": d("2025-03-01"),
            "end": d("2025-05-31"),
        }
        sv, en = KIND_WORDS[kind]
        assert finding.message("sv") == (
            f"Personen {sv} 2025-03-01–2025-05-31 och kan inte anvisas under den tiden."
        )
        assert finding.message("en") == (
            f"The person {en} from 2025-03-01 to 2025-05-31 and cannot be referred meanwhile."
        )
        assert finding.to_dict()["facts"]["end"] == "2025-05-31"
    for day in ("2025-02-28", "2025-06-01"):
        assert check_eligibility(subject, on=d(day)).eligible


@pytest.mark.parametrize("kind", list(KIND_WORDS))
def test_each_hindrance_in_an_open_period_lasts(kind: str) -> None:
    """Förordning (2017:820) 5 §: an open hindrance holds from its start on."""
    subject = hindered(held(kind, "2025-03-01"))
    assert check_eligibility(subject, on=d("2025-02-28")).eligible
    answer = check_eligibility(subject, on=d("2027-11-04"))
    (finding,) = answer.findings
    assert finding.reason == f"{kind}_open"
    assert finding.facts["end"] is None
    assert finding.facts["limit"] is None
    assert finding.to_dict()["facts"]["end"] is None
    sv, en = KIND_WORDS[kind]
    assert finding.message("sv") == (
        f"Personen {sv} sedan 2025-03-01, tills vidare, och kan inte anvisas under den tiden."
    )
    assert finding.message("en") == (
        f"The person {en} from 2025-03-01, with no end date, and cannot be referred meanwhile."
    )


def test_one_finding_per_hindrance_in_force() -> None:
    """Förordning (2017:820) 5 §: each hindrance in force is reported by itself."""
    subject = hindered(
        held("asylum_housing", "2024-06-01"),
        held("full_time_work", "2025-01-01", "2025-01-31"),
        held("upper_secondary_school", "2023-08-21", "2024-06-14"),
    )
    answer = check_eligibility(subject, on=d("2025-01-13"))
    assert [(f.code, f.reason) for f in answer.findings] == [
        (HINDRANCE, "asylum_housing_open"),
        (HINDRANCE, "full_time_work"),
    ]


def test_the_window_is_not_bounded_by_hindrances() -> None:
    """Förordning (2017:820) 5 §; Lag (2017:584) 2 §: the window is age, permit and
    registration; a hindrance makes a day inside it ineligible without moving it."""
    subject = hindered(held("full_time_work", "2024-11-04"))
    answer = check_eligibility(subject, on=d("2025-01-13"))
    assert answer.status is EligibilityStatus.INELIGIBLE
    assert answer.window == (d("2024-11-04"), d("2027-11-04"))


@given(participants(), dates(min_value=_dt.date(2016, 1, 1), max_value=_dt.date(2030, 12, 31)))
def test_eligible_implies_inside_the_window_and_no_hindrance(
    subject: Participant, day: _dt.date
) -> None:
    """Lag (2017:584) 2 §; Förordning (2017:820) 5 §: eligibility needs the window and no
    hindrance; the window never starts before the programme's first day."""
    answer = check_eligibility(subject, on=day)
    hindrances = [c for c in subject.circumstances if c.in_force(day)]
    assert len([f for f in answer.findings if f.code == HINDRANCE]) == len(hindrances)
    if answer.window is not None:
        assert answer.window[0] >= d("2018-01-01")
    if answer.eligible:
        assert answer.window is not None
        assert answer.window[0] <= day <= answer.window[1]
        assert not hindrances


# -- before the programme existed --------------------------------------------------------

EARLY = person(registered="2017-03-06", permit=permit(granted="2017-02-01"))


def test_a_referral_before_2018_is_not_in_force_and_the_window_starts_2018_01_01() -> None:
    """Lag (2017:584), in force 2018-01-01; before it Lag (2010:197) applied."""
    answer = check_eligibility(EARLY, on=d("2017-06-01"))
    assert answer.status is EligibilityStatus.INELIGIBLE
    assert [(f.code, f.on) for f in answer.findings] == [(NOT_IN_FORCE, d("2017-06-01"))]
    assert answer.findings[0].facts["limit"] == d("2018-01-01")
    assert answer.findings[0].message("en") == (
        "The establishment programme exists from 2018-01-01; before it, the establishment "
        "plan of Lag (2010:197) applied."
    )
    assert "lag (2010:197)" in answer.findings[0].message("sv")
    # add_months(2017-03-06, 36) = 2020-03-06
    assert answer.window == (d("2018-01-01"), d("2020-03-06"))
    assert check_eligibility(EARLY, on=d("2017-12-31")).findings[0].code == NOT_IN_FORCE
    assert check_eligibility(EARLY, on=d("2018-01-01")).eligible


def test_before_2018_the_other_conditions_are_reported_beside_it() -> None:
    """Lag (2017:584) 2 §; Lag (2010:197): a 19-year-old in 2017 fails both."""
    young = person(born="1998-03-01", registered="2017-03-06", permit=permit(granted="2017-02-01"))
    answer = check_eligibility(young, on=d("2017-06-01"))
    assert sorted((f.code, f.on) for f in answer.findings) == [
        ("ELIG-AGE", d("2018-03-01")),
        (NOT_IN_FORCE, d("2017-06-01")),
    ]
    assert answer.window == (d("2018-03-01"), d("2020-03-06"))


def test_a_reform_of_the_first_day_moves_the_answer() -> None:
    """Lag (2017:584): the programme's first day is a dated parameter."""
    from handlingsplan import DEFAULT_PARAMETERS

    later = DEFAULT_PARAMETERS.with_value(
        "programme_in_force_from", d("2018-07-01"), valid_from=d("2018-01-01")
    )
    answer = check_eligibility(EARLY, on=d("2018-03-01"), parameters=later)
    assert [f.code for f in answer.findings] == [NOT_IN_FORCE]
    assert answer.window is not None
    assert answer.window[0] == d("2018-07-01")


# -- the referral rules of the default catalogue --------------------------------------------

YOUNG = person(born="2005-08-01", registered="2024-03-04", permit=permit(granted="2024-02-01"))


@pytest.mark.parametrize(
    ("participant", "referred", "code", "reason", "limit"),
    [
        pytest.param(YOUNG, "2024-09-02", "ELIG-AGE", "too_young", "2025-08-01", id="19 years old"),
        pytest.param(
            person(born="1957-06-01", registered="2022-01-10", permit=permit(granted="2021-12-01")),
            "2022-06-01",
            "ELIG-AGE",
            "too_old",
            "2022-06-01",
            id="on turning 65 in 2022",
        ),
        pytest.param(
            person(
                registered="2025-07-07",
                permit=permit(
                    "family_member", "2025-06-02", applied="2025-03-16", anchor="2019-03-15"
                ),
            ),
            "2025-08-04",
            "ELIG-FAMILY-WINDOW",
            "too_late",
            "2025-03-15",
            id="a family member applied the day after six years",
        ),
        pytest.param(
            person(),
            "2027-11-05",
            "ELIG-REGISTRATION-WINDOW",
            "too_late",
            "2027-11-04",
            id="the day after 36 months",
        ),
        pytest.param(
            person(permit=permit(granted="2025-03-03")),
            "2025-02-03",
            "ELIG-NOT-YET",
            "default",
            "2025-03-03",
            id="before the permit",
        ),
        pytest.param(
            hindered(held("full_time_work", "2025-01-01", "2025-06-30")),
            "2025-02-03",
            HINDRANCE,
            "full_time_work",
            "2025-06-30",
            id="working full time",
        ),
        pytest.param(EARLY, "2017-06-01", NOT_IN_FORCE, "default", "2018-01-01", id="in 2017"),
    ],
)
def test_each_referral_rule_fires_on_the_referral_with_its_limit(
    participant: Participant, referred: str, code: str, reason: str, limit: str
) -> None:
    """Lag (2017:584) 2 §; Förordning (2017:820) 5 §: the conditions hold on the day of
    the referral (anvisning); the default catalogue reports each failure as an error."""
    subject = plan(participant=participant, referred=referred)
    report = evaluate(subject, as_of=d(referred) + _dt.timedelta(days=400))
    (finding,) = [f for f in report.findings if f.code in CODES]
    assert (finding.code, finding.severity, finding.on) == (code, Severity.ERROR, d(referred))
    assert finding.reason == reason
    assert finding.facts["limit"] == d(limit)
    assert finding.message("sv") != finding.message("en")


def test_a_permit_of_another_kind_has_no_limit_date() -> None:
    """Lag (2017:584) 2 §: a work permit never leads to the programme."""
    subject = plan(participant=person(permit=permit("work")))
    report = evaluate(subject, as_of=d("2025-02-03"))
    (finding,) = [f for f in report.findings if f.code in CODES]
    assert (finding.code, finding.on) == ("ELIG-PERMIT", d("2025-02-03"))
    assert finding.facts["limit"] is None
    assert finding.facts["kind"] == "work"


def test_a_19_year_old_gets_elig_age_under_the_default_rules() -> None:
    """Lag (2017:584) 2 §: the programme is for those who have turned 20."""
    subject = plan(participant=YOUNG, referred="2024-09-02")
    assert found(subject, as_of="2024-09-02", codes=CODES) == [
        ("ELIG-AGE", ERROR, None, d("2024-09-02"))
    ]


@pytest.mark.parametrize(
    "participant",
    [
        pytest.param(person(permit=None), id="no permit"),
        pytest.param(person(registered=None), id="no registration"),
        pytest.param(
            person(permit=permit("family_member", applied=None, anchor="2019-03-15")),
            id="no application date",
        ),
    ],
)
def test_a_missing_fact_gives_nothing_in_the_default_catalogue(participant: Participant) -> None:
    """Lag (2017:584) 2 §: the default catalogue judges what is known; the tri-state
    ELIGIBILITY_RULES warn instead."""
    subject = plan(participant=participant)
    assert found(subject, as_of="2025-02-03", codes=CODES) == []
    tri_state = DEFAULT_RULES.without(*CODES).with_rules(*ELIGIBILITY_RULES)
    warnings = found(subject, as_of="2025-02-03", codes=CODES, rules=tri_state)
    assert [row[1] for row in warnings] == [Severity.WARNING]


@pytest.mark.parametrize(
    ("participant", "referred"),
    [
        pytest.param(YOUNG, "2024-09-02", id="19 years old"),
        pytest.param(EARLY, "2017-06-01", id="in 2017"),
        pytest.param(hindered(held("asylum_housing", "2024-06-01")), "2025-02-03", id="hindered"),
        pytest.param(person(permit=permit("work")), "2025-02-03", id="a work permit"),
    ],
)
def test_a_municipal_plan_gets_no_referral_finding(participant: Participant, referred: str) -> None:
    """Lag (2017:584) 2 §: the conditions are the establishment programme's alone."""
    subject = plan(participant=participant, referred=referred, programme="municipal")
    assert found(subject, as_of="2025-02-03", codes=CODES) == []
    establishment = plan(participant=participant, referred=referred)
    assert found(establishment, as_of="2025-02-03", codes=CODES) != []


def test_the_referral_rules_follow_the_conditions_of_check_eligibility() -> None:
    """Lag (2017:584) 2 §: one place judges the conditions, so both readings agree."""
    for code in CODES:
        rule = DEFAULT_RULES[code]
        assert rule.severity is Severity.ERROR
        assert rule.title == ELIGIBILITY_RULES[code].title
        assert rule.basis == ELIGIBILITY_RULES[code].basis
        assert "missing" not in rule.messages
    assert DEFAULT_RULES.codes[: len(CODES)] == CODES


@given(participants(), dates(min_value=_dt.date(2016, 1, 1), max_value=_dt.date(2030, 12, 31)))
def test_the_default_catalogue_reports_exactly_the_errors_of_check_eligibility(
    subject: Participant, referred: _dt.date
) -> None:
    """Lag (2017:584) 2 §; Förordning (2017:820) 5 §: the same failures, on the referral."""
    if referred < subject.birth_date:
        referred = subject.birth_date
    answer = check_eligibility(subject, on=referred)
    expected = sorted((f.code, f.reason) for f in answer.findings if f.severity is Severity.ERROR)
    # The parameters' history starts 2018-01-01, so the evaluation is as of then at least.
    as_of = max(referred, d("2018-01-01"))
    report = evaluate(plan(participant=subject, referred=referred.isoformat()), as_of=as_of)
    got = [f for f in report.findings if f.code in CODES]
    assert sorted((f.code, f.reason) for f in got) == expected
    assert all(f.on == referred and "limit" in f.facts for f in got)


def test_the_demo_shows_a_participant_working_full_time_when_referred() -> None:
    """Förordning (2017:820) 5 §: the demo's hindered plan, and only it, has an ELIG error."""
    from handlingsplan._demo import DEMO_AS_OF, demo_caseload
    from handlingsplan._demo_text import render_demo

    reports = {plan.id: evaluate(plan, as_of=DEMO_AS_OF) for plan in demo_caseload()}
    with_elig = {
        plan_id: [f.code for f in report.findings if f.code in CODES]
        for plan_id, report in reports.items()
        if any(f.code in CODES for f in report.findings)
    }
    assert with_elig == {"plan-0016": [HINDRANCE]}
    assert "ELIG-HINDRANCE" in render_demo()
