"""Scenarios for young participants and the 18-year transition.

Föräldrabalken 9 kap. 1 §: under 18 is a minor; an appointed guardian (Lag 2005:429)
and care under LVU 2 § end at 18. Skollagen 15 kap. 5 §: upper-secondary school
starts by 30 June of the year the person turns 20. Someone born on 29 February turns
18 on 28 February in a common year (by analogy with Lag 1930:173 1 §), or on 1 March
under the ``mar1`` convention.
"""

from __future__ import annotations

import pytest

from handlingsplan import DEFAULT_PARAMETERS, Activity, Milestone, Parameters, Plan, evaluate

from ._factories import (
    ERROR,
    MAR1,
    WARNING,
    Row,
    activity,
    d,
    found,
    milestone,
    person,
    plan,
)

TRANSITION = "YOUTH-TRANSITION-PLAN"
MINORS = "YOUTH-MINORS-ONLY"
SCHOOL = "YOUTH-UPPER-SECONDARY"

LEAPLING = person(born="2008-02-29", registered="2024-11-04")
"""Turns 18 on 2026-02-28 (feb28) or 2026-03-01 (mar1); 17 on the referral 2025-03-03."""

UNACCOMPANIED = person(born="2008-02-29", registered="2024-11-04", unaccompanied=True)
"""The same leapling, arrived without a guardian (Lag 2005:429)."""


def _young(*milestones: Milestone, **fields: object) -> Plan:
    values: dict[str, object] = {"participant": UNACCOMPANIED, "referred": "2025-03-03"}
    values.update(fields)
    return plan(milestones=list(milestones), **values)  # type: ignore[arg-type]


def _tp(due: str, achieved: str | None = None) -> Milestone:
    return milestone("tp-1", due, kind="transition_plan", achieved=achieved)


@pytest.mark.parametrize(
    ("subject", "as_of", "parameters", "expected"),
    [
        # 18 on 2026-02-28; six months earlier is add_months(2026-02-28, -6) = 2025-08-28.
        pytest.param(_young(), "2025-08-27", DEFAULT_PARAMETERS, [], id="before the notice"),
        pytest.param(
            _young(),
            "2025-08-28",
            DEFAULT_PARAMETERS,
            [(TRANSITION, WARNING, None, d("2026-02-28"))],
            id="first day of the notice",
        ),
        pytest.param(
            _young(),
            "2026-02-28",
            DEFAULT_PARAMETERS,
            [(TRANSITION, WARNING, None, d("2026-02-28"))],
            id="on the birthday, 28 February",
        ),
        pytest.param(
            _young(),
            "2026-03-01",
            DEFAULT_PARAMETERS,
            [(TRANSITION, ERROR, None, d("2026-02-28"))],
            id="the day after the birthday",
        ),
        pytest.param(
            _young(_tp("2026-02-28")),
            "2025-08-28",
            DEFAULT_PARAMETERS,
            [],
            id="due on the birthday",
        ),
        pytest.param(
            _young(_tp("2026-02-28")),
            "2026-02-28",
            DEFAULT_PARAMETERS,
            [],
            id="due on the birthday, as_of the birthday",
        ),
        pytest.param(
            _young(_tp("2026-02-28")),
            "2026-03-01",
            DEFAULT_PARAMETERS,
            [(TRANSITION, ERROR, None, d("2026-02-28"))],
            id="due on the birthday, not achieved",
        ),
        pytest.param(
            _young(_tp("2026-03-01")),
            "2025-08-28",
            DEFAULT_PARAMETERS,
            [(TRANSITION, WARNING, None, d("2026-02-28"))],
            id="due the day after the birthday does not count",
        ),
        pytest.param(
            _young(_tp("2026-03-01", achieved="2026-03-01")),
            "2026-03-02",
            DEFAULT_PARAMETERS,
            [(TRANSITION, ERROR, None, d("2026-02-28"))],
            id="achieved, but due after the birthday",
        ),
        pytest.param(
            _young(_tp("2026-01-15", achieved="2026-02-20")),
            "2026-03-01",
            DEFAULT_PARAMETERS,
            [],
            id="achieved before the birthday",
        ),
        pytest.param(
            _young(_tp("2026-01-15", achieved="2026-03-05")),
            "2026-03-04",
            DEFAULT_PARAMETERS,
            [(TRANSITION, ERROR, None, d("2026-02-28"))],
            id="achieved after as_of",
        ),
        pytest.param(
            _young(_tp("2026-01-15", achieved="2026-03-05")),
            "2026-03-05",
            DEFAULT_PARAMETERS,
            [],
            id="achieved late, on as_of",
        ),
        pytest.param(
            _young(milestone("m-1", "2026-01-15", achieved="2026-01-15")),
            "2025-09-01",
            DEFAULT_PARAMETERS,
            [(TRANSITION, WARNING, None, d("2026-02-28"))],
            id="another kind of milestone does not count",
        ),
        # mar1: 18 on 2026-03-01; add_months(2026-03-01, -6) = 2025-09-01.
        pytest.param(_young(), "2025-08-31", MAR1, [], id="mar1: before the notice"),
        pytest.param(
            _young(),
            "2025-09-01",
            MAR1,
            [(TRANSITION, WARNING, None, d("2026-03-01"))],
            id="mar1: first day of the notice",
        ),
        pytest.param(
            _young(),
            "2026-03-01",
            MAR1,
            [(TRANSITION, WARNING, None, d("2026-03-01"))],
            id="mar1: on the birthday, 1 March",
        ),
        pytest.param(
            _young(),
            "2026-03-02",
            MAR1,
            [(TRANSITION, ERROR, None, d("2026-03-01"))],
            id="mar1: the day after",
        ),
        # 18 on 2026-08-31; add_months(2026-08-31, -6) = 2026-02-28.
        pytest.param(
            _young(participant=person(born="2008-08-31", unaccompanied=True)),
            "2026-02-27",
            DEFAULT_PARAMETERS,
            [],
            id="month end: before the notice",
        ),
        pytest.param(
            _young(participant=person(born="2008-08-31", unaccompanied=True)),
            "2026-02-28",
            DEFAULT_PARAMETERS,
            [(TRANSITION, WARNING, None, d("2026-08-31"))],
            id="month end: the notice starts on 28 February",
        ),
        pytest.param(
            _young(participant=person(born="2007-03-03", unaccompanied=True)),
            "2025-03-04",
            DEFAULT_PARAMETERS,
            [],
            id="18 on the plan's start",
        ),
        pytest.param(
            _young(participant=person(born="2007-03-04", unaccompanied=True)),
            "2025-03-03",
            DEFAULT_PARAMETERS,
            [(TRANSITION, WARNING, None, d("2025-03-04"))],
            id="17 on the plan's start, 18 the next day",
        ),
        pytest.param(
            _young(participant=person(born="2007-03-04", unaccompanied=True)),
            "2025-03-05",
            DEFAULT_PARAMETERS,
            [(TRANSITION, ERROR, None, d("2025-03-04"))],
            id="17 on the plan's start, as_of after the birthday",
        ),
        pytest.param(
            _young(
                participant=person(born="2007-03-05", unaccompanied=True), plan_made="2025-03-10"
            ),
            "2025-03-06",
            DEFAULT_PARAMETERS,
            [],
            id="17 at the referral but 18 when the plan is made",
        ),
        pytest.param(
            _young(programme="municipal"),
            "2026-03-01",
            DEFAULT_PARAMETERS,
            [(TRANSITION, ERROR, None, d("2026-02-28"))],
            id="municipal",
        ),
    ],
)
def test_a_transition_plan_is_due_by_the_18th_birthday(
    subject: Plan, as_of: str, parameters: Parameters, expected: list[Row]
) -> None:
    """Föräldrabalken 9 kap. 1 §; Lag (2005:429); LVU 2 §: plan the move out of care at 18."""
    assert found(subject, as_of=as_of, codes=TRANSITION, parameters=parameters) == expected


def _minors(*activities: Activity, **fields: object) -> Plan:
    values: dict[str, object] = {"participant": LEAPLING, "referred": "2025-03-03"}
    values.update(fields)
    return plan(activities=list(activities), **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("subject", "parameters", "expected"),
    [
        pytest.param(
            _minors(activity("g-1", "guardian_support", "2025-03-03", "2026-02-27", 2)),
            DEFAULT_PARAMETERS,
            [],
            id="guardian support ending the day before the birthday",
        ),
        pytest.param(
            _minors(activity("g-1", "guardian_support", "2025-03-03", "2026-02-28", 2)),
            DEFAULT_PARAMETERS,
            [(MINORS, ERROR, "g-1", d("2026-02-28"))],
            id="guardian support ending on the birthday",
        ),
        pytest.param(
            _minors(activity("g-1", "guardian_support", "2025-03-03", "2026-02-28", 2)),
            MAR1,
            [],
            id="mar1: ending on 28 February, the day before",
        ),
        pytest.param(
            _minors(activity("g-1", "guardian_support", "2025-03-03", "2026-03-01", 2)),
            MAR1,
            [(MINORS, ERROR, "g-1", d("2026-03-01"))],
            id="mar1: ending on 1 March, the birthday",
        ),
        pytest.param(
            _minors(activity("p-1", "placement", "2025-03-03", "2027-06-30", 0)),
            DEFAULT_PARAMETERS,
            [],
            id="a placement may continue past 18",
        ),
        pytest.param(
            _minors(activity("p-1", "placement", "2025-03-03", "2026-03-01", 0, minors_only=True)),
            DEFAULT_PARAMETERS,
            [(MINORS, ERROR, "p-1", d("2026-03-01"))],
            id="a placement marked minors-only",
        ),
        pytest.param(
            _minors(
                activity(
                    "g-1", "guardian_support", "2025-03-03", "2026-06-30", 2, minors_only=False
                )
            ),
            DEFAULT_PARAMETERS,
            [],
            id="guardian support marked not minors-only",
        ),
        pytest.param(
            _minors(
                activity(
                    "g-1", "guardian_support", "2025-03-03", "2026-06-30", 2, status="cancelled"
                )
            ),
            DEFAULT_PARAMETERS,
            [],
            id="a cancelled activity",
        ),
        pytest.param(
            _minors(
                activity("g-1", "guardian_support", "2025-03-03", "2025-06-30", 2),
                participant=person(),
            ),
            DEFAULT_PARAMETERS,
            [(MINORS, ERROR, "g-1", d("2025-06-30"))],
            id="an adult participant",
        ),
        pytest.param(
            _minors(
                activity("g-1", "guardian_support", "2025-03-03", "2026-02-28", 2),
                programme="municipal",
            ),
            DEFAULT_PARAMETERS,
            [(MINORS, ERROR, "g-1", d("2026-02-28"))],
            id="municipal",
        ),
    ],
)
def test_a_minors_only_activity_ends_the_day_before_the_18th_birthday(
    subject: Plan, parameters: Parameters, expected: list[Row]
) -> None:
    """Föräldrabalken 9 kap. 1 §; Lag (2005:429) 5 §; LVU 21 §: these end at 18."""
    assert found(subject, as_of="2025-03-03", codes=MINORS, parameters=parameters) == expected


def _school(
    born: str, start: str, kind: str = "upper_secondary_intro", status: str = "planned"
) -> Plan:
    return plan(
        participant=person(born=born),
        referred="2025-03-03",
        activities=[activity("u-1", kind, start, "2029-06-15", 30, status=status)],
    )


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        pytest.param(_school("2006-10-15", "2026-06-30"), [], id="starting on 30 June"),
        pytest.param(
            _school("2006-10-15", "2026-07-01"),
            [(SCHOOL, ERROR, "u-1", d("2026-07-01"))],
            id="starting on 1 July",
        ),
        pytest.param(
            _school("2008-02-29", "2028-07-01"),
            [(SCHOOL, ERROR, "u-1", d("2028-07-01"))],
            id="born 29 February",
        ),
        pytest.param(_school("2008-02-29", "2028-06-30"), [], id="born 29 February, on 30 June"),
        pytest.param(
            _school("2005-12-31", "2025-07-01"),
            [(SCHOOL, ERROR, "u-1", d("2025-07-01"))],
            id="still 19 but in the year of turning 20",
        ),
        pytest.param(
            _school("2006-01-01", "2025-07-01"), [], id="born on 1 January the year after"
        ),
        pytest.param(
            _school("1990-05-17", "2025-03-03"),
            [(SCHOOL, ERROR, "u-1", d("2025-03-03"))],
            id="an adult participant",
        ),
        pytest.param(
            _school("2006-10-15", "2026-07-01", status="cancelled"), [], id="a cancelled activity"
        ),
        pytest.param(
            _school("2006-10-15", "2026-07-01", "adult_education"), [], id="adult education"
        ),
    ],
)
def test_upper_secondary_introduction_starts_by_30_june_of_the_year_of_20(
    subject: Plan, expected: list[Row]
) -> None:
    """Skollagen (2010:800) 15 kap. 5 §, 17 kap. 12 §: start by the end of that half-year."""
    assert found(subject, as_of="2025-03-03", codes=SCHOOL) == expected


def test_upper_secondary_cut_off_applies_to_municipal_plans_too() -> None:
    """Skollagen (2010:800) 15 kap. 5 §: the cut-off is the school's, whatever the programme."""
    subject = plan(
        participant=person(born="2006-10-15"),
        referred="2025-03-03",
        programme="municipal",
        activities=[activity("u-1", "upper_secondary_intro", "2026-07-01", "2027-06-15", 30)],
    )
    assert found(subject, as_of="2025-03-03", codes=SCHOOL) == [
        (SCHOOL, ERROR, "u-1", d("2026-07-01"))
    ]


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        pytest.param(
            plan(participant=LEAPLING, referred="2025-03-03"), [], id="living with parents"
        ),
        pytest.param(
            _minors(activity("hvb", "placement", "2025-03-03", "2026-02-27", 0, minors_only=True)),
            [(TRANSITION, WARNING, None, d("2026-02-28"))],
            id="with a minors-only placement",
        ),
        pytest.param(
            _minors(
                activity(
                    "hvb",
                    "placement",
                    "2025-03-03",
                    "2026-02-27",
                    0,
                    minors_only=True,
                    status="cancelled",
                )
            ),
            [],
            id="with a cancelled minors-only placement",
        ),
        pytest.param(
            _minors(activity("sb", "housing_support", "2025-03-03", "2026-06-30", 0)),
            [],
            id="with supported housing, which may continue",
        ),
        pytest.param(_young(), [(TRANSITION, WARNING, None, d("2026-02-28"))], id="unaccompanied"),
    ],
)
def test_a_transition_plan_is_for_unaccompanied_minors_and_minors_in_care(
    subject: Plan, expected: list[Row]
) -> None:
    """Lag (2005:429) 1 §; LVU 2 §; Föräldrabalken 9 kap. 1 §: the 18-year transition
    matters where guardianship or care for minors ends, not for a 17-year-old living
    with his parents."""
    assert found(subject, as_of="2025-09-01", codes=TRANSITION) == expected


def test_only_an_unaccompanied_minor_s_finding_cites_the_guardianship_act() -> None:
    """Lag (2005:429) om god man för ensamkommande barn applies to the unaccompanied."""
    placement = activity("hvb", "placement", "2025-03-03", "2026-02-27", 0, minors_only=True)
    in_care = _minors(placement)
    alone = _young()
    (cared,) = [
        f for f in evaluate(in_care, as_of=d("2025-09-01")).findings if f.code == TRANSITION
    ]
    (single,) = [f for f in evaluate(alone, as_of=d("2025-09-01")).findings if f.code == TRANSITION]
    assert "2005:429" not in cared.basis
    assert cared.basis == "Föräldrabalken 9 kap. 1 §; LVU 2 §"
    assert "2005:429" in single.basis
    after = [f for f in evaluate(in_care, as_of=d("2026-03-01")).findings if f.code == TRANSITION]
    assert [(f.severity, f.basis) for f in after] == [(ERROR, "Föräldrabalken 9 kap. 1 §; LVU 2 §")]


STUDY = "YOUTH-STUDY-PLAN"
SPRINT = activity("sprint", "upper_secondary_intro", "2025-09-01", "2027-06-11", 23)
"""Starts 2025-09-01: add_months(…, 2) = 2025-11-01, a Saturday; act_by Monday 2025-11-03."""


def _study(*milestones: Milestone, **fields: object) -> Plan:
    values: dict[str, object] = {
        "participant": person(born="2008-05-12", unaccompanied=True),
        "referred": "2025-09-01",
        "activities": [SPRINT],
        "programme": "municipal",
    }
    values.update(fields)
    return plan(milestones=list(milestones), **values)  # type: ignore[arg-type]


def _sp(achieved: str | None, kind: str = "study_plan") -> Milestone:
    return milestone("ms-sp", "2025-10-31", kind=kind, achieved=achieved)


@pytest.mark.parametrize(
    ("subject", "as_of", "expected"),
    [
        pytest.param(_study(), "2025-11-03", [], id="not yet late on the act_by"),
        pytest.param(
            _study(), "2025-11-04", [(STUDY, WARNING, "sprint", d("2025-11-03"))], id="late"
        ),
        pytest.param(_study(_sp("2025-11-03")), "2025-11-04", [], id="achieved on the act_by"),
        pytest.param(
            _study(_sp("2025-11-04")),
            "2025-11-10",
            [(STUDY, WARNING, "sprint", d("2025-11-03"))],
            id="achieved the day after",
        ),
        pytest.param(
            _study(_sp("2025-10-20", kind="studies")),
            "2025-11-10",
            [(STUDY, WARNING, "sprint", d("2025-11-03"))],
            id="another kind of milestone",
        ),
        pytest.param(
            _study(_sp(None)),
            "2025-11-10",
            [(STUDY, WARNING, "sprint", d("2025-11-03"))],
            id="planned but not achieved",
        ),
        pytest.param(
            _study(programme="establishment"),
            "2025-11-04",
            [(STUDY, WARNING, "sprint", d("2025-11-03"))],
            id="establishment",
        ),
        pytest.param(_study(activities=[]), "2026-03-02", [], id="no language introduction"),
    ],
)
def test_language_introduction_has_a_study_plan_within_two_months(
    subject: Plan, as_of: str, expected: list[Row]
) -> None:
    """Skollagen (2010:800) 17 kap. 14 a §: a study plan within two months of the start."""
    assert found(subject, as_of=as_of, codes=STUDY) == expected


def test_the_study_plan_finding_names_its_dates() -> None:
    """Skollagen (2010:800) 17 kap. 14 a §."""
    (finding,) = [f for f in evaluate(_study(), as_of=d("2025-11-04")).findings if f.code == STUDY]
    assert dict(finding.facts) == {
        "start": d("2025-09-01"),
        "study_plan_due": d("2025-11-01"),
        "months": 2,
    }
    assert finding.message("en") == (
        "Language introduction sprint started on 2025-09-01; no study plan "
        "(a study_plan milestone) was achieved by 2025-11-03."
    )
    assert finding.message("sv").startswith("Språkintroduktionen sprint började 2025-09-01")
