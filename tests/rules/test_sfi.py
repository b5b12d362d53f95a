"""Scenarios for SFI, Swedish tuition for adults (Skollagen 2010:800 20 kap.).

29 §: SFI must be possible to start within three months; for establishment participants
the municipality works to start it within one month. 24 §: at least 15 hours a week.
31 a § (from 2026-01-01): the right lasts three years from the first admission. A
young person in language introduction (17 kap. 12 §) follows upper-secondary school.
"""

from __future__ import annotations

import pytest

from handlingsplan import DEFAULT_PARAMETERS, Activity, Parameters, Plan, Severity, evaluate

from ._factories import WARNING, Row, activity, d, found, person, plan

INFO = Severity.INFO
START = "PROG-SFI-START"
TARGET = "PROG-SFI-TARGET"
HOURS = "SFI-HOURS"
RIGHT = "SFI-RIGHT-END"

TEEN = person(born="2008-01-15")
"""17 on the referral 2025-02-03, 20 in 2028."""


def _intro(status: str = "active") -> Activity:
    return activity(
        "sprint", "upper_secondary_intro", "2025-02-03", "2026-06-12", 23, status=status
    )


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        # add_months(2025-02-03, 1) = 2025-03-03, a Monday.
        pytest.param(plan(), [(TARGET, INFO, None, d("2025-03-03"))], id="no SFI"),
        pytest.param(
            plan(activities=[activity("sfi-1", "sfi", "2025-03-03", "2025-12-19", 15)]),
            [],
            id="SFI starting on the target",
        ),
        pytest.param(
            plan(activities=[activity("sfi-1", "sfi", "2025-03-04", "2025-12-19", 15)]),
            [(TARGET, INFO, None, d("2025-03-03"))],
            id="SFI starting the day after",
        ),
        # add_months(2025-04-03, 1) = 2025-05-03, a Saturday: act_by Monday 2025-05-05.
        pytest.param(
            plan(
                referred="2025-04-03",
                activities=[activity("sfi-1", "sfi", "2025-05-05", "2025-12-19", 15)],
            ),
            [],
            id="SFI starting on the act_by after a weekend",
        ),
        pytest.param(
            plan(referred="2025-04-03"),
            [(TARGET, INFO, None, d("2025-05-05"))],
            id="on the act_by",
        ),
        pytest.param(
            plan(
                activities=[
                    activity("sfi-1", "sfi", "2025-02-10", "2025-12-19", 15, status="cancelled")
                ]
            ),
            [(TARGET, INFO, None, d("2025-03-03"))],
            id="a cancelled course does not count",
        ),
        pytest.param(plan(participant=person(needs_sfi=False)), [], id="no need of SFI"),
        pytest.param(plan(programme="municipal"), [], id="municipal"),
    ],
)
def test_the_municipality_works_to_start_sfi_within_a_month(
    subject: Plan, expected: list[Row]
) -> None:
    """Skollagen (2010:800) 20 kap. 29 §: SFI within a month for programme participants."""
    assert found(subject, as_of="2025-02-03", codes=TARGET) == expected


def test_the_target_finding_names_its_dates() -> None:
    """Skollagen (2010:800) 20 kap. 29 §."""
    subject = plan(referred="2025-04-03")
    (finding,) = [f for f in evaluate(subject, as_of=d("2025-04-03")).findings if f.code == TARGET]
    assert dict(finding.facts) == {
        "sfi_start_target": d("2025-05-03"),
        "act_by": d("2025-05-05"),
        "months": 1,
    }
    assert finding.message("en") == (
        "No SFI activity starts on or before 2025-05-05; the municipality is to work to "
        "start SFI within 1 month of the plan."
    )
    assert "2025-05-05" in finding.message("sv")


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        pytest.param(
            plan(participant=TEEN, activities=[_intro()]),
            [],
            id="17 in language introduction",
        ),
        pytest.param(
            plan(participant=TEEN, activities=[_intro(status="cancelled")]),
            [(START, WARNING, None, d("2025-05-03")), (TARGET, INFO, None, d("2025-03-03"))],
            id="17 with a cancelled language introduction",
        ),
        pytest.param(
            plan(participant=TEEN),
            [(START, WARNING, None, d("2025-05-03")), (TARGET, INFO, None, d("2025-03-03"))],
            id="17 without language introduction",
        ),
        # Born 2005-02-03: 20 on the plan's start, so the exception does not apply.
        pytest.param(
            plan(participant=person(born="2005-02-03"), activities=[_intro()]),
            [(START, WARNING, None, d("2025-05-03")), (TARGET, INFO, None, d("2025-03-03"))],
            id="20 in language introduction",
        ),
        pytest.param(
            plan(participant=person(born="2005-02-04"), activities=[_intro()]),
            [],
            id="19 in language introduction",
        ),
    ],
)
def test_a_young_person_in_language_introduction_is_not_told_to_start_sfi(
    subject: Plan, expected: list[Row]
) -> None:
    """Skollagen (2010:800) 17 kap. 12 §, 15 kap. 5 §, 20 kap. 29 §: under 20 in
    språkintroduktion follows upper-secondary school, not SFI."""
    assert found(subject, as_of="2025-06-02", codes=(START, TARGET)) == expected


_HIGHER_MINIMUM = DEFAULT_PARAMETERS.with_value(
    "sfi_min_hours_per_week", 20, valid_from=d("2025-06-01")
)


@pytest.mark.parametrize(
    ("subject", "parameters", "expected"),
    [
        pytest.param(
            plan(activities=[activity("sfi-1", "sfi", "2025-02-10", "2025-12-19", 15)]),
            DEFAULT_PARAMETERS,
            [],
            id="15 hours a week",
        ),
        pytest.param(
            plan(activities=[activity("sfi-1", "sfi", "2025-02-10", "2025-12-19", 14.5)]),
            DEFAULT_PARAMETERS,
            [(HOURS, INFO, "sfi-1", d("2025-02-10"))],
            id="14.5 hours a week",
        ),
        pytest.param(
            plan(
                activities=[
                    activity("sfi-1", "sfi", "2025-02-10", "2025-12-19", 8, status="cancelled"),
                    activity("w-1", "work_experience", "2025-02-10", "2025-12-19", 8),
                ]
            ),
            DEFAULT_PARAMETERS,
            [],
            id="cancelled SFI and other kinds are not checked",
        ),
        pytest.param(
            plan(
                programme="municipal",
                activities=[activity("sfi-1", "sfi", "2025-02-10", "2025-12-19", 10)],
            ),
            DEFAULT_PARAMETERS,
            [(HOURS, INFO, "sfi-1", d("2025-02-10"))],
            id="municipal",
        ),
        pytest.param(
            plan(
                activities=[
                    activity("sfi-1", "sfi", "2025-05-31", "2025-12-19", 16),
                    activity("sfi-2", "sfi", "2025-06-01", "2025-12-19", 16),
                ]
            ),
            _HIGHER_MINIMUM,
            [(HOURS, INFO, "sfi-2", d("2025-06-01"))],
            id="the minimum in force on each course's start",
        ),
    ],
)
def test_sfi_is_planned_at_the_weekly_minimum(
    subject: Plan, parameters: Parameters, expected: list[Row]
) -> None:
    """Skollagen (2010:800) 20 kap. 24 §: at least 15 hours a week."""
    assert found(subject, as_of="2025-02-03", codes=HOURS, parameters=parameters) == expected


def test_the_hours_finding_names_the_minimum() -> None:
    """Skollagen (2010:800) 20 kap. 24 §."""
    subject = plan(activities=[activity("sfi-1", "sfi", "2025-02-10", "2025-12-19", 12)])
    (finding,) = [f for f in evaluate(subject, as_of=d("2025-02-03")).findings if f.code == HOURS]
    assert dict(finding.facts) == {"hours_per_week": 12, "min_hours_per_week": 15}
    assert finding.message("en") == (
        "SFI activity sfi-1 has 12 hours a week; SFI is to be offered for at least 15 hours a week."
    )
    assert finding.message("sv").startswith("Sfi-aktiviteten sfi-1 har 12 timmar")


def _sfi(id: str, start: str, end: str, status: str = "active") -> Activity:
    return activity(id, "sfi", start, end, 15, status=status)


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        # First admission 2026-01-12: add_years = 2029-01-12.
        pytest.param(
            plan(referred="2026-01-05", activities=[_sfi("sfi-1", "2026-01-12", "2029-01-12")]),
            [],
            id="ending on the last day of the right",
        ),
        pytest.param(
            plan(referred="2026-01-05", activities=[_sfi("sfi-1", "2026-01-12", "2029-01-13")]),
            [(RIGHT, WARNING, "sfi-1", d("2029-01-13"))],
            id="ending the day after",
        ),
        pytest.param(
            plan(
                referred="2026-01-05",
                activities=[
                    _sfi("sfi-1", "2026-01-12", "2026-06-12"),
                    _sfi("sfi-2", "2028-08-14", "2029-06-15"),
                ],
            ),
            [(RIGHT, WARNING, "sfi-2", d("2029-01-13"))],
            id="counted from the first course",
        ),
        pytest.param(
            plan(
                referred="2026-01-05",
                activities=[
                    _sfi("sfi-0", "2026-01-05", "2026-02-27", status="cancelled"),
                    _sfi("sfi-1", "2026-01-12", "2029-01-12"),
                ],
            ),
            [],
            id="a cancelled first course does not count",
        ),
        # Admitted 2025-12-01, before 31 a § took effect: no limit.
        pytest.param(
            plan(referred="2025-11-03", activities=[_sfi("sfi-1", "2025-12-01", "2030-06-14")]),
            [],
            id="first admitted before 2026",
        ),
        pytest.param(
            plan(
                programme="municipal",
                referred="2026-01-05",
                activities=[_sfi("sfi-1", "2026-01-12", "2029-06-15")],
            ),
            [(RIGHT, WARNING, "sfi-1", d("2029-01-13"))],
            id="municipal",
        ),
    ],
)
def test_sfi_past_the_three_year_right_needs_an_extension(
    subject: Plan, expected: list[Row]
) -> None:
    """Skollagen (2010:800) 20 kap. 31 a §: three years from the first admission, from 2026."""
    assert found(subject, as_of="2026-01-05", codes=RIGHT) == expected


def test_the_right_end_finding_names_its_dates() -> None:
    """Skollagen (2010:800) 20 kap. 31 a §."""
    subject = plan(referred="2026-01-05", activities=[_sfi("sfi-1", "2026-01-12", "2029-06-15")])
    (finding,) = [f for f in evaluate(subject, as_of=d("2026-01-05")).findings if f.code == RIGHT]
    assert dict(finding.facts) == {
        "end": d("2029-06-15"),
        "sfi_right_end": d("2029-01-12"),
        "first_admission": d("2026-01-12"),
    }
    assert "extension decision" in finding.message("en")
    assert "förlängning" in finding.message("sv")
