"""Scenarios for civic orientation (Lag 2013:156, Förordning 2010:1138).

Lag (2013:156) 2 §: owed to the newly arrived from 18 up to the programme's upper age,
not while in upper-secondary school, in every programme. 4 §: the municipality's duty
lasts three years from the first registration. Förordning (2010:1138) 5 §: at least 100
hours (from 2020-02-01), counted here over all of a person's courses together.
"""

from __future__ import annotations

import attrs
import pytest

from handlingsplan import Activity, Circumstance, CircumstanceKind, Plan, evaluate

from ._factories import WARNING, Row, activity, d, found, person, plan

CIVIC = "PROG-CIVIC-ORIENTATION"


def _course(id: str, start: str, end: str, hours: float, status: str = "planned") -> Activity:
    return activity(id, "civic_orientation", start, end, hours, status=status)


# 2025-03-03..2025-05-11 and 2025-08-04..2025-10-12 are 70 days each: h × 10 hours.
FIRST = ("2025-03-03", "2025-05-11")
SECOND = ("2025-08-04", "2025-10-12")


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        pytest.param(
            plan(activities=[_course("so-1", *FIRST, 6), _course("so-2", *SECOND, 5)]),
            [],
            id="60 h + 50 h in two courses",
        ),
        pytest.param(
            plan(activities=[_course("so-1", *FIRST, 4), _course("so-2", *SECOND, 1)]),
            [(CIVIC, WARNING, None, d("2025-03-03"))],
            id="40 h + 10 h in two courses",
        ),
        pytest.param(
            plan(
                activities=[
                    _course("so-1", *FIRST, 6),
                    _course("so-2", *SECOND, 5, status="cancelled"),
                ]
            ),
            [(CIVIC, WARNING, None, d("2025-03-03"))],
            id="a cancelled course does not count",
        ),
        pytest.param(
            plan(activities=[_course("so-2", *SECOND, 5), _course("so-1", *FIRST, 4)]),
            [(CIVIC, WARNING, None, d("2025-03-03"))],
            id="dated on the earliest course whatever the order",
        ),
    ],
)
def test_civic_orientation_hours_count_over_all_courses(subject: Plan, expected: list[Row]) -> None:
    """Förordning (2010:1138) 5 §: at least 100 hours, over the person's courses."""
    assert found(subject, as_of="2025-03-03", codes=CIVIC) == expected


def test_the_hours_finding_names_the_total_and_the_courses() -> None:
    """Förordning (2010:1138) 5 §: one finding for the whole, not one per course."""
    subject = plan(activities=[_course("so-1", *FIRST, 4), _course("so-2", *SECOND, 1)])
    (finding,) = [f for f in evaluate(subject, as_of=d("2025-03-03")).findings if f.code == CIVIC]
    assert finding.subject is None
    assert dict(finding.facts) == {"hours": 50, "min_hours": 100, "courses": ("so-1", "so-2")}
    assert finding.message("en") == (
        "Civic orientation has 50 hours (so-1, so-2); at least 100 are required."
    )
    assert finding.message("sv") == (
        "Samhällsorienteringen omfattar 50 timmar (so-1, so-2), minst 100 krävs."
    )


def test_the_minimum_in_force_on_the_earliest_course_applies() -> None:
    """Förordning (2010:1138) 5 §: 60 hours before 2020-02-01, 100 from then.

    40 h from 2020-01-27 and 30 h from 2020-03-02: 70 hours, enough under the minimum of
    the first course's start.
    """
    subject = plan(
        participant=person(registered="2019-06-03"),
        referred="2019-12-02",
        activities=[
            _course("so-1", "2020-01-27", "2020-03-01", 8),
            _course("so-2", "2020-03-02", "2020-05-10", 3),
        ],
    )
    assert found(subject, as_of="2020-01-27", codes=CIVIC) == []


@pytest.mark.parametrize(
    ("subject", "as_of", "expected"),
    [
        pytest.param(
            plan(programme="municipal"),
            "2025-03-03",
            [(CIVIC, WARNING, None, d("2027-11-04"))],
            id="a municipal plan for a newly arrived adult",
        ),
        pytest.param(
            plan(
                programme="municipal",
                participant=person(registered="2024-11-04"),
                activities=[_course("so-1", *FIRST, 4)],
            ),
            "2025-03-03",
            [(CIVIC, WARNING, None, d("2025-03-03"))],
            id="a municipal plan: the hours are checked too",
        ),
        pytest.param(
            plan(programme="municipal", participant=person(registered=None)),
            "2025-03-03",
            [],
            id="a municipal plan for someone not newly arrived",
        ),
        pytest.param(
            plan(participant=person(registered=None)),
            "2025-03-03",
            [(CIVIC, WARNING, None, d("2025-03-03"))],
            id="an establishment plan without a registration date",
        ),
    ],
)
def test_civic_orientation_is_owed_to_the_newly_arrived_in_every_programme(
    subject: Plan, as_of: str, expected: list[Row]
) -> None:
    """Lag (2013:156) 2 §, 4 §: the newly arrived, whatever the programme."""
    assert found(subject, as_of=as_of, codes=CIVIC) == expected


# Born 1959-06-01: 66 on 2025-06-01, when 66 is the limit (SFS 2022:895).
SENIOR = person(born="1959-06-01")
# Born 2007-09-14: 18 on 2025-09-14.
YOUNG = person(born="2007-09-14")
SCHOOL = activity("sprint", "upper_secondary_intro", "2025-02-03", "2026-06-12", 23)


def _in(kind: CircumstanceKind, end: str | None) -> Plan:
    """YOUNG with a circumstance of ``kind`` from 2025-08-18 to ``end``."""
    when = Circumstance(kind=kind, start=d("2025-08-18"), end=None if end is None else d(end))
    return plan(participant=attrs.evolve(YOUNG, circumstances=(when,)))


@pytest.mark.parametrize(
    ("subject", "as_of", "expected"),
    [
        pytest.param(
            plan(participant=SENIOR),
            "2025-05-31",
            [(CIVIC, WARNING, None, d("2027-11-04"))],
            id="the day before the upper age",
        ),
        pytest.param(plan(participant=SENIOR), "2025-06-01", [], id="on the upper age"),
        pytest.param(
            plan(participant=YOUNG, activities=[_course("so-1", *FIRST, 4)]),
            "2025-09-13",
            [],
            id="17: no finding, not even on the hours",
        ),
        pytest.param(
            plan(participant=YOUNG, activities=[_course("so-1", *FIRST, 4)]),
            "2025-09-14",
            [(CIVIC, WARNING, None, d("2025-03-03"))],
            id="18",
        ),
        pytest.param(
            plan(participant=YOUNG, activities=[SCHOOL]),
            "2025-10-01",
            [],
            id="18 and in upper-secondary school",
        ),
        pytest.param(
            plan(participant=YOUNG, activities=[SCHOOL]),
            "2026-06-13",
            [(CIVIC, WARNING, None, d("2027-11-04"))],
            id="the day after upper-secondary school",
        ),
        pytest.param(
            plan(
                participant=YOUNG,
                activities=[
                    activity(
                        "sprint",
                        "upper_secondary_intro",
                        "2025-02-03",
                        "2026-06-12",
                        23,
                        status="cancelled",
                    )
                ],
            ),
            "2025-10-01",
            [(CIVIC, WARNING, None, d("2027-11-04"))],
            id="a cancelled upper-secondary activity does not count",
        ),
        pytest.param(
            _in(CircumstanceKind.UPPER_SECONDARY_SCHOOL, "2026-06-12"),
            "2025-10-01",
            [],
            id="18 and in upper-secondary school, recorded as a circumstance",
        ),
        pytest.param(
            _in(CircumstanceKind.UPPER_SECONDARY_SCHOOL, None),
            "2026-10-01",
            [],
            id="in upper-secondary school with no end recorded",
        ),
        pytest.param(
            _in(CircumstanceKind.UPPER_SECONDARY_SCHOOL, "2026-06-12"),
            "2026-06-13",
            [(CIVIC, WARNING, None, d("2027-11-04"))],
            id="the day after the school circumstance",
        ),
        pytest.param(
            _in(CircumstanceKind.FULL_TIME_WORK, None),
            "2025-10-01",
            [(CIVIC, WARNING, None, d("2027-11-04"))],
            id="another circumstance is not school",
        ),
        pytest.param(
            plan(participant=person(born="2019-01-07"), referred="2019-02-04"),
            "2018-06-01",
            [],
            id="before the birth",
        ),
    ],
)
def test_civic_orientation_is_owed_from_18_to_the_upper_age_outside_school(
    subject: Plan, as_of: str, expected: list[Row]
) -> None:
    """Lag (2013:156) 2 §: from 18 to the programme's upper age, not in upper-secondary."""
    assert found(subject, as_of=as_of, codes=CIVIC) == expected
