"""Scenarios for the establishment-programme rules (Lag 2017:584, Förordning 2017:820).

Every expected date below was worked out by hand from the statute's arithmetic
(Lag 1930:173 1 §: a period of months ends on the same day number, or on the last day
of a month that has none), never by calling the code under test. Reference dates:
Monday 2025-02-03 is the default referral; the default participant was first
registered on 2024-11-04, so their registration window ends on 2027-11-04.
"""

from __future__ import annotations

import datetime as _dt

import pytest

from handlingsplan import DEFAULT_PARAMETERS, Activity, Parameters, Plan
from handlingsplan.rules import Context, evaluate
from handlingsplan.rules._programme import programme_age_limit, programme_end

from ._factories import (
    ERROR,
    MAR1,
    WARNING,
    Row,
    activity,
    d,
    exit_on,
    found,
    interruption,
    person,
    plan,
)

# -- PROG-END -----------------------------------------------------------------------

END = "PROG-END"
AGE = "PROG-AGE-LIMIT"

# Each programme_end below, by hand:
# full time: add_months(2025-02-03, 24) = 2027-02-03; window 2027-11-04 is later.
# registration cap: add_months(2023-01-16, 36) = 2026-01-16, before the allowance.
# time before the plan: referred 2025-01-13, plan made 2025-02-03 (21 days); window
#   add_months(2023-12-11, 36) = 2026-12-11 + 21 days = 2027-01-01; allowance 2027-02-03.
# 75 %: 730 days × 100 / 75 = 973.3, rounded up 974; 2025-02-03 + 974 days = 2027-10-05.
# 50 %: 1460 days → 2029-02-02, so the window 2027-11-04 bites.
# interruption before 2026: start 2023-03-01, 24 months → 2025-03-01, plus the 92 days
#   of 2023-06-01..2023-08-31 → 2025-06-01; window add_months(2023-01-16, 36) = 2026-01-16.
# parental benefit, registered 2026-01-12 (exclusion in force): start 2026-02-02 → 24
#   months 2028-02-02 + 365 days (2026-06-01..2027-05-31) = 2029-02-01; window
#   2029-01-12 + 365 = 2030-01-12; so 2029-02-01.
# the same, registered 2025-12-15 (no exclusion): window 2028-12-15 bites.
# sickness, registered 2026-01-12: allowance 2029-02-01, window not extended 2029-01-12.
# 29 February: add_months(2024-02-29, 24) = 2026-02-28.
# interruption straddling the start: 2025-01-20..2025-02-09 counts from 2025-02-03,
#   7 days → 2027-02-03 + 7 = 2027-02-10.
# interruption after the exit on 2025-06-30: not counted → 2027-02-03.
_CASES: list[tuple[str, dict[str, object], str]] = [
    ("full time, the 24 months bite", {}, "2027-02-03"),
    (
        "a registration cap that bites before the allowance",
        {"participant": person(registered="2023-01-16")},
        "2026-01-16",
    ),
    (
        "time before the plan extends the registration window",
        {
            "participant": person(registered="2023-12-11"),
            "referred": "2025-01-13",
            "plan_made": "2025-02-03",
        },
        "2027-01-01",
    ),
    ("75 % part time stretches the 24 months", {"percent": 75}, "2027-10-05"),
    ("50 % part time meets the registration cap", {"percent": 50}, "2027-11-04"),
    (
        "an interruption before 2026 extends the allowance only",
        {
            "participant": person(registered="2023-01-16"),
            "referred": "2023-03-01",
            "interruptions": [interruption("2023-06-01", "2023-08-31")],
        },
        "2025-06-01",
    ),
    (
        "parental benefit for those registered in 2026 extends the window too",
        {
            "participant": person(registered="2026-01-12"),
            "referred": "2026-02-02",
            "interruptions": [interruption("2026-06-01", "2027-05-31")],
        },
        "2029-02-01",
    ),
    (
        "parental benefit for those registered in 2025 leaves the window alone",
        {
            "participant": person(registered="2025-12-15"),
            "referred": "2026-02-02",
            "interruptions": [interruption("2026-06-01", "2027-05-31")],
        },
        "2028-12-15",
    ),
    (
        "sickness for those registered in 2026 leaves the window alone",
        {
            "participant": person(registered="2026-01-12"),
            "referred": "2026-02-02",
            "interruptions": [interruption("2026-06-01", "2027-05-31", "sickness")],
        },
        "2029-01-12",
    ),
    (
        "a plan made on 29 February ends on 28 February",
        {"participant": person(registered="2024-01-15"), "referred": "2024-02-29"},
        "2026-02-28",
    ),
    (
        "an interruption straddling the start counts from the start",
        {"interruptions": [interruption("2025-01-20", "2025-02-09", "sickness")]},
        "2027-02-10",
    ),
    (
        "an interruption after the exit is not counted",
        {
            "exit": exit_on("2025-06-30"),
            "interruptions": [interruption("2025-07-01", "2025-12-31", "sickness")],
        },
        "2027-02-03",
    ),
]


def _ending(fields: dict[str, object], last: str) -> Plan:
    start = str(fields.get("referred", "2025-02-03"))
    return plan(**fields, activities=[activity("a-1", "job_search", start, last)])  # type: ignore[arg-type]


def _next_day(text: str) -> str:
    return (d(text) + _dt.timedelta(days=1)).isoformat()


PROGRAMME_END_SCENARIOS = [
    scenario
    for name, fields, last in _CASES
    for scenario in (
        pytest.param(_ending(fields, last), [], id=f"{name}: ending on {last}"),
        pytest.param(
            _ending(fields, _next_day(last)),
            [(END, ERROR, "a-1", d(_next_day(last)))],
            id=f"{name}: ending the day after {last}",
        ),
    )
]


@pytest.mark.parametrize(("subject", "expected"), PROGRAMME_END_SCENARIOS)
def test_an_activity_may_end_on_programme_end_but_not_a_day_later(
    subject: Plan, expected: list[Row]
) -> None:
    """Förordning (2017:820) 15 §, 15 a §: activities stay within the programme period."""
    assert found(subject, as_of="2025-02-03", codes=END) == expected


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        pytest.param(
            plan(
                activities=[activity("a-1", "sfi", "2025-03-03", "2027-12-31", status="cancelled")]
            ),
            [],
            id="a cancelled activity is ignored",
        ),
        pytest.param(
            plan(
                programme="municipal",
                activities=[activity("a-1", "sfi", "2025-03-03", "2027-12-31")],
            ),
            [],
            id="a municipal programme has no programme end",
        ),
        pytest.param(
            plan(
                activities=[
                    activity("a-1", "sfi", "2025-03-03", "2027-02-04"),
                    activity("a-2", "job_search", "2025-03-03", "2027-02-03"),
                    activity("a-3", "validation", "2025-03-03", "2028-01-01"),
                ]
            ),
            [(END, ERROR, "a-1", d("2027-02-04")), (END, ERROR, "a-3", d("2028-01-01"))],
            id="each activity past the end is its own finding",
        ),
    ],
)
def test_programme_end_ignores_cancelled_activities_and_other_programmes(
    subject: Plan, expected: list[Row]
) -> None:
    """Förordning (2017:820) 15 §, 15 a §: only live activities of the programme count."""
    assert found(subject, as_of="2025-02-03", codes=END) == expected


@pytest.mark.parametrize(
    ("subject", "as_of", "expected"),
    [
        pytest.param(plan(), "2027-02-03", [], id="on programme_end"),
        pytest.param(
            plan(), "2027-02-04", [(END, ERROR, None, d("2027-02-03"))], id="the day after"
        ),
        pytest.param(
            plan(exit=exit_on("2027-02-03")), "2027-02-04", [], id="the day after, with an exit"
        ),
        pytest.param(
            plan(participant=person(registered="2023-01-16")),
            "2026-01-17",
            [(END, ERROR, None, d("2026-01-16"))],
            id="the day after a registration cap",
        ),
        pytest.param(
            plan(participant=person(registered="2023-01-16")),
            "2026-01-16",
            [],
            id="on a registration cap",
        ),
    ],
)
def test_a_plan_past_programme_end_needs_an_exit(
    subject: Plan, as_of: str, expected: list[Row]
) -> None:
    """Förordning (2017:820) 17–19 §§: a participation ends with an exit; 15 a § its end."""
    assert found(subject, as_of=as_of, codes=END) == expected


# -- PROG-AGE-LIMIT (and PROG-END near the upper age) ------------------------------

# The upper age that applies is the one in force on the day it would be reached:
# born 1957-06-01 turned 65 on 2022-06-01 (65 in force) → 65;
# born 1958-03-01 turned 65 on 2023-03-01 (66 in force), 66 on 2024-03-01 → 66;
# born 1959-12-31 turns 66 on 2025-12-31 (66 in force) → 66;
# born 1960-01-01 turns 66 on 2026-01-01 (67 in force), 67 on 2027-01-01 → 67;
# born 1960-03-01 → 67 on 2027-03-01;
# born 1960-02-29 → 67 on 2027-02-28 (feb28), on 2027-03-01 with the mar1 convention.
_OLD: list[tuple[str, str, str, str, str, Parameters]] = [
    # (name, born, registered, referred, the day the upper age is reached, parameters)
    ("67 from 2026", "1960-03-01", "2025-05-05", "2025-06-02", "2027-03-01", DEFAULT_PARAMETERS),
    (
        "65 reached in 2022",
        "1957-06-01",
        "2020-11-02",
        "2021-01-04",
        "2022-06-01",
        DEFAULT_PARAMETERS,
    ),
    (
        "65 in 2023 is not the limit",
        "1958-03-01",
        "2023-03-06",
        "2023-06-01",
        "2024-03-01",
        DEFAULT_PARAMETERS,
    ),
    (
        "66 reached on 2025-12-31",
        "1959-12-31",
        "2024-09-02",
        "2024-10-07",
        "2025-12-31",
        DEFAULT_PARAMETERS,
    ),
    (
        "66 on 2026-01-01 is not the limit",
        "1960-01-01",
        "2025-05-05",
        "2025-06-02",
        "2027-01-01",
        DEFAULT_PARAMETERS,
    ),
    (
        "born 29 February",
        "1960-02-29",
        "2025-05-05",
        "2025-06-02",
        "2027-02-28",
        DEFAULT_PARAMETERS,
    ),
    ("born 29 February, mar1", "1960-02-29", "2025-05-05", "2025-06-02", "2027-03-01", MAR1),
]


def _previous_day(text: str) -> str:
    return (d(text) - _dt.timedelta(days=1)).isoformat()


AGE_LIMIT_SCENARIOS = [
    scenario
    for name, born, registered, referred, upper, parameters in _OLD
    for scenario in (
        pytest.param(
            plan(
                participant=person(born=born, registered=registered),
                referred=referred,
                activities=[activity("a-1", "job_search", referred, _previous_day(upper))],
            ),
            parameters,
            [],
            id=f"{name}: ending the day before {upper}",
        ),
        pytest.param(
            plan(
                participant=person(born=born, registered=registered),
                referred=referred,
                activities=[activity("a-1", "job_search", referred, upper)],
            ),
            parameters,
            [(AGE, ERROR, "a-1", d(upper))],
            id=f"{name}: ending on {upper}",
        ),
    )
]


@pytest.mark.parametrize(("subject", "parameters", "expected"), AGE_LIMIT_SCENARIOS)
def test_an_activity_on_the_upper_age_is_an_age_limit_error_and_not_a_programme_end_error(
    subject: Plan, parameters: Parameters, expected: list[Row]
) -> None:
    """Lag (2017:584) 2 §; SFS 2022:895, 2022:896; Förordning (2017:820) 21 §.

    programme_end is the day before the upper age here, so an activity ending on it is
    fine; one ending on the birthday is PROG-AGE-LIMIT only.
    """
    assert (
        found(
            subject, as_of=subject.referred_on.isoformat(), codes=(AGE, END), parameters=parameters
        )
        == expected
    )


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        pytest.param(
            plan(
                participant=person(born="1960-03-01", registered="2025-05-05"),
                referred="2025-06-02",
                activities=[
                    activity("a-1", "job_search", "2025-06-02", "2027-03-01", status="cancelled")
                ],
            ),
            [],
            id="a cancelled activity",
        ),
        pytest.param(
            plan(
                participant=person(born="1960-03-01", registered="2025-05-05"),
                referred="2025-06-02",
                programme="municipal",
                activities=[activity("a-1", "job_search", "2025-06-02", "2027-03-01")],
            ),
            [],
            id="a municipal programme",
        ),
        pytest.param(
            plan(
                participant=person(born="1960-01-01", registered="2025-05-05"),
                referred="2025-06-02",
                activities=[activity("a-1", "job_search", "2025-06-02", "2026-01-01")],
            ),
            [],
            id="the 66th birthday in 2026 is no limit",
        ),
    ],
)
def test_the_age_limit_ignores_cancelled_activities_and_municipal_plans(
    subject: Plan, expected: list[Row]
) -> None:
    """Lag (2017:584) 2 §; SFS 2022:896: the limit in force on the day it is reached."""
    assert found(subject, as_of="2025-06-02", codes=(AGE, END)) == expected


def test_programme_end_and_age_limit_need_their_key_dates() -> None:
    """Förordning (2017:820) 15 a §; Lag (2017:584) 2 §: without key dates, no finding."""
    subject = plan(activities=[activity("a-1", "sfi", "2025-03-03", "2099-12-31")])
    context = Context(
        plan=subject, as_of=d("2099-12-31"), parameters=DEFAULT_PARAMETERS, key_dates=()
    )
    assert programme_end(context) == ()
    assert programme_age_limit(context) == ()


# -- PROG-SFI-START -------------------------------------------------------------------

SFI = "PROG-SFI-START"


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        # add_months(2025-02-03, 3) = 2025-05-03, a Saturday: act_by moves to Monday
        # 2025-05-05, but the rule compares starts with the due date.
        pytest.param(
            plan(activities=[activity("s-1", "sfi", "2025-05-02", "2025-12-19", 15)]),
            [],
            id="starting the day before the due date",
        ),
        pytest.param(
            plan(activities=[activity("s-1", "sfi", "2025-05-03", "2025-12-19", 15)]),
            [],
            id="starting on the due date, a Saturday",
        ),
        pytest.param(
            plan(activities=[activity("s-1", "sfi", "2025-05-04", "2025-12-19", 15)]),
            [(SFI, WARNING, None, d("2025-05-03"))],
            id="starting the day after",
        ),
        pytest.param(
            plan(activities=[activity("s-1", "sfi", "2025-05-05", "2025-12-19", 15)]),
            [(SFI, WARNING, None, d("2025-05-03"))],
            id="starting on the rolled act_by date is still late",
        ),
        # Time before the plan: the clock starts on plan_made_on, not referred_on.
        pytest.param(
            plan(
                referred="2025-01-13",
                plan_made="2025-02-03",
                activities=[activity("s-1", "sfi", "2025-04-20", "2025-12-19", 15)],
            ),
            [],
            id="plan made later: three months from the plan",
        ),
        pytest.param(
            plan(
                referred="2025-01-13",
                plan_made="2025-02-03",
                activities=[activity("s-1", "sfi", "2025-05-04", "2025-12-19", 15)],
            ),
            [(SFI, WARNING, None, d("2025-05-03"))],
            id="plan made later: the day after three months from the plan",
        ),
        # Month ends: 2024-11-30 + 3 months = 2025-02-28; 2023-11-30 + 3 = 2024-02-29.
        pytest.param(
            plan(
                referred="2024-11-29",
                plan_made="2024-11-30",
                activities=[activity("s-1", "sfi", "2025-02-28", "2025-12-19", 15)],
            ),
            [],
            id="month end: on 28 February",
        ),
        pytest.param(
            plan(
                referred="2024-11-29",
                plan_made="2024-11-30",
                activities=[activity("s-1", "sfi", "2025-03-01", "2025-12-19", 15)],
            ),
            [(SFI, WARNING, None, d("2025-02-28"))],
            id="month end: on 1 March",
        ),
        pytest.param(
            plan(
                referred="2023-11-30",
                activities=[activity("s-1", "sfi", "2024-03-01", "2024-12-19", 15)],
            ),
            [(SFI, WARNING, None, d("2024-02-29"))],
            id="month end: the due date is 29 February",
        ),
        pytest.param(
            plan(
                activities=[
                    activity("s-1", "sfi", "2025-03-03", "2025-12-19", 15, status="cancelled")
                ]
            ),
            [(SFI, WARNING, None, d("2025-05-03"))],
            id="a cancelled SFI activity does not count",
        ),
        pytest.param(
            plan(activities=[activity("s-1", "civic_orientation", "2025-03-03", "2025-12-19", 4)]),
            [(SFI, WARNING, None, d("2025-05-03"))],
            id="another kind does not count",
        ),
        pytest.param(plan(), [(SFI, WARNING, None, d("2025-05-03"))], id="no activities"),
        pytest.param(
            plan(participant=person(needs_sfi=False)), [], id="a participant who needs no SFI"
        ),
        pytest.param(plan(programme="municipal"), [], id="a municipal programme"),
    ],
)
def test_sfi_must_start_by_three_months_after_the_plan(subject: Plan, expected: list[Row]) -> None:
    """Förordning (2017:820) 11 §; Skollagen (2010:800) 20 kap. 29 §."""
    assert found(subject, as_of="2025-02-03", codes=SFI) == expected


# -- PROG-CIVIC-ORIENTATION -----------------------------------------------------------

CIVIC = "PROG-CIVIC-ORIENTATION"


@pytest.mark.parametrize(
    ("subject", "as_of", "parameters", "expected"),
    [
        # Registered 2024-11-04: the duty ends add_months(2024-11-04, 36) = 2027-11-04.
        pytest.param(
            plan(),
            "2027-11-04",
            DEFAULT_PARAMETERS,
            [(CIVIC, WARNING, None, d("2027-11-04"))],
            id="on the last day of the municipality's duty",
        ),
        pytest.param(plan(), "2027-11-05", DEFAULT_PARAMETERS, [], id="the day after the duty"),
        pytest.param(
            plan(participant=person(registered=None)),
            "2025-03-03",
            DEFAULT_PARAMETERS,
            [(CIVIC, WARNING, None, d("2025-03-03"))],
            id="no registration known: dated as_of",
        ),
        pytest.param(
            plan(participant=person(born="2007-03-10")),
            "2025-03-10",
            DEFAULT_PARAMETERS,
            [(CIVIC, WARNING, None, d("2027-11-04"))],
            id="on the 18th birthday",
        ),
        pytest.param(
            plan(participant=person(born="2007-03-10")),
            "2025-03-09",
            DEFAULT_PARAMETERS,
            [],
            id="the day before the 18th birthday",
        ),
        # Born 2008-02-29: 18 on 2026-02-28 (feb28) or on 2026-03-01 (mar1).
        # Registered 2025-11-03: the duty ends 2028-11-03.
        pytest.param(
            plan(participant=person(born="2008-02-29", registered="2025-11-03")),
            "2026-02-28",
            DEFAULT_PARAMETERS,
            [(CIVIC, WARNING, None, d("2028-11-03"))],
            id="born 29 February: 18 on 28 February",
        ),
        pytest.param(
            plan(participant=person(born="2008-02-29", registered="2025-11-03")),
            "2026-02-28",
            MAR1,
            [],
            id="born 29 February, mar1: still 17 on 28 February",
        ),
        pytest.param(
            plan(participant=person(born="2008-02-29", registered="2025-11-03")),
            "2026-03-01",
            MAR1,
            [(CIVIC, WARNING, None, d("2028-11-03"))],
            id="born 29 February, mar1: 18 on 1 March",
        ),
        pytest.param(
            plan(activities=[activity("so-1", "civic_orientation", "2025-03-03", "2025-09-01", 6)]),
            "2025-03-03",
            DEFAULT_PARAMETERS,
            [],
            id="a course is planned",
        ),
        pytest.param(
            plan(
                activities=[
                    activity(
                        "so-1",
                        "civic_orientation",
                        "2025-03-03",
                        "2025-09-01",
                        6,
                        status="cancelled",
                    )
                ]
            ),
            "2025-03-03",
            DEFAULT_PARAMETERS,
            [(CIVIC, WARNING, None, d("2027-11-04"))],
            id="a cancelled course does not count",
        ),
        # Changed on purpose (issue 12): Lag (2013:156) 2 § covers the newly arrived in
        # every programme, so a municipal plan for one registered 2024-11-04 is checked.
        pytest.param(
            plan(programme="municipal"),
            "2025-03-03",
            DEFAULT_PARAMETERS,
            [(CIVIC, WARNING, None, d("2027-11-04"))],
            id="municipal, newly arrived",
        ),
        pytest.param(
            plan(programme="municipal", participant=person(registered=None)),
            "2025-03-03",
            DEFAULT_PARAMETERS,
            [],
            id="municipal, not newly arrived",
        ),
    ],
)
def test_civic_orientation_is_planned_for_adults_while_the_duty_lasts(
    subject: Plan, as_of: str, parameters: Parameters, expected: list[Row]
) -> None:
    """Lag (2013:156) 2 §, 4 §: from 18, for three years from the first registration."""
    assert found(subject, as_of=as_of, codes=CIVIC, parameters=parameters) == expected


LATE_MAR1 = DEFAULT_PARAMETERS.with_value("leap_day", "mar1", valid_from=_dt.date(2025, 1, 1))
"""mar1 from 2025: after the birth of someone born 2008-02-29, before their 18th birthday."""


def test_civic_orientation_ages_a_leapling_on_the_same_day_as_the_key_dates() -> None:
    """Lag (2013:156) 2 §; Föräldrabalken 9 kap. 1 §; Lag (1930:173) 1 § by analogy.

    With mar1 in force only from 2025-01-01, the key dates use the convention in force
    on the birth (2008-02-29: feb28), so the age_18 date is 2026-02-28 and
    YOUTH-TRANSITION-PLAN treats the participant as 18 on 2026-03-01 with the birthday
    2026-02-28. Civic orientation for those aged 18 should then be missing on
    2026-02-28 too (duty to add_months(2025-11-03, 36) = 2028-11-03).
    """
    subject = plan(
        participant=person(born="2008-02-29", registered="2025-11-03"), referred="2025-03-03"
    )
    assert found(subject, as_of="2026-02-28", codes=CIVIC, parameters=LATE_MAR1) == [
        (CIVIC, WARNING, None, d("2028-11-03"))
    ]


def _civic_plan(*courses: Activity) -> Plan:
    # Registered 2019-06-03: the duty lasts to 2022-06-03.
    return plan(
        participant=person(registered="2019-06-03"),
        referred="2019-12-02",
        activities=list(courses),
    )


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        # 2020-01-31..2020-04-09 is 70 days: 6 h/week × 70 / 7 = 60 h, the minimum then.
        pytest.param(
            _civic_plan(activity("so-1", "civic_orientation", "2020-01-31", "2020-04-09", 6)),
            [],
            id="60 hours starting 2020-01-31",
        ),
        pytest.param(
            _civic_plan(activity("so-1", "civic_orientation", "2020-01-31", "2020-04-09", 5.9)),
            [(CIVIC, WARNING, None, d("2020-01-31"))],
            id="59 hours starting 2020-01-31",
        ),
        # 2020-02-01..2020-04-10 is 70 days; from 2020-02-01 the minimum is 100 h.
        pytest.param(
            _civic_plan(activity("so-1", "civic_orientation", "2020-02-01", "2020-04-10", 6)),
            [(CIVIC, WARNING, None, d("2020-02-01"))],
            id="60 hours starting 2020-02-01",
        ),
        pytest.param(
            _civic_plan(activity("so-1", "civic_orientation", "2020-02-01", "2020-04-10", 10)),
            [],
            id="100 hours starting 2020-02-01",
        ),
        pytest.param(
            _civic_plan(
                activity("so-1", "civic_orientation", "2020-02-01", "2020-04-10", 10),
                activity(
                    "so-2", "civic_orientation", "2020-02-01", "2020-02-07", 1, status="cancelled"
                ),
            ),
            [],
            id="a cancelled short course is ignored",
        ),
    ],
)
def test_civic_orientation_has_the_minimum_hours_in_force_on_its_start(
    subject: Plan, expected: list[Row]
) -> None:
    """Förordning (2010:1138) 5 §: at least 60 hours, 100 hours from 2020-02-01."""
    assert found(subject, as_of="2020-01-31", codes=CIVIC) == expected


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        # add_months(2025-03-03, 12) = 2026-03-03, a Tuesday (due = act_by).
        pytest.param(
            plan(activities=[activity("so-1", "civic_orientation", "2025-03-03", "2026-03-03", 2)]),
            [],
            id="ending one year after its start",
        ),
        pytest.param(
            plan(activities=[activity("so-1", "civic_orientation", "2025-03-03", "2026-03-04", 2)]),
            [(CIVIC, WARNING, "so-1", d("2026-03-04"))],
            id="ending the day after",
        ),
        pytest.param(
            plan(
                activities=[
                    activity("so-1", "civic_orientation", "2025-03-03", "2025-09-01", 6),
                    activity("so-2", "civic_orientation", "2025-10-06", "2026-03-04", 6),
                ]
            ),
            [(CIVIC, WARNING, "so-2", d("2026-03-04"))],
            id="the year counts from the first course",
        ),
        pytest.param(
            plan(
                activities=[
                    activity(
                        "so-0",
                        "civic_orientation",
                        "2024-09-02",
                        "2024-12-20",
                        9,
                        status="cancelled",
                    ),
                    activity("so-1", "civic_orientation", "2025-03-03", "2026-03-03", 2),
                ]
            ),
            [],
            id="a cancelled first course does not start the year",
        ),
        # add_months(2024-02-29, 12) = 2025-02-28, a Friday.
        pytest.param(
            plan(
                referred="2024-02-29",
                activities=[activity("so-1", "civic_orientation", "2024-02-29", "2025-02-28", 2)],
            ),
            [],
            id="started 29 February, ending 28 February",
        ),
        pytest.param(
            plan(
                referred="2024-02-29",
                activities=[activity("so-1", "civic_orientation", "2024-02-29", "2025-03-01", 2)],
            ),
            [(CIVIC, WARNING, "so-1", d("2025-03-01"))],
            id="started 29 February, ending 1 March",
        ),
    ],
)
def test_civic_orientation_is_completed_within_a_year_of_its_start(
    subject: Plan, expected: list[Row]
) -> None:
    """Förordning (2010:1138) 4 §: normally completed within a year of starting."""
    assert found(subject, as_of="2024-02-29", codes=CIVIC) == expected


# -- PROG-FULL-TIME -------------------------------------------------------------------

FULL = "PROG-FULL-TIME"
_EIGHT = ("2025-02-03", "2025-03-30")  # Monday of the first week, Sunday of the eighth


def _full(*items: Activity, **fields: object) -> Plan:
    return plan(activities=list(items), **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("subject", "as_of", "expected"),
    [
        pytest.param(_full(activity("a-1", "sfi", *_EIGHT, 40)), "2025-02-03", None, id="40 hours"),
        pytest.param(
            _full(activity("a-1", "sfi", *_EIGHT, 39)),
            "2025-02-03",
            (8, "2025-02-03"),
            id="39 hours",
        ),
        pytest.param(
            _full(activity("a-1", "sfi", *_EIGHT, 15), activity("a-2", "job_search", *_EIGHT, 25)),
            "2025-02-03",
            None,
            id="two activities add up",
        ),
        pytest.param(
            _full(
                activity("a-1", "sfi", *_EIGHT, 15),
                activity("a-2", "job_search", *_EIGHT, 25, status="cancelled"),
            ),
            "2025-02-03",
            (8, "2025-02-03"),
            id="a cancelled activity adds nothing",
        ),
        pytest.param(_full(), "2025-02-03", (8, "2025-02-03"), id="no activities"),
        pytest.param(
            _full(activity("a-1", "sfi", *_EIGHT, 20), percent=50),
            "2025-02-03",
            None,
            id="50 %: 20 hours",
        ),
        pytest.param(
            _full(activity("a-1", "sfi", *_EIGHT, 19.5), percent=50),
            "2025-02-03",
            (8, "2025-02-03"),
            id="50 %: 19.5 hours",
        ),
        pytest.param(
            _full(activity("a-1", "sfi", *_EIGHT, 30), percent=75),
            "2025-02-03",
            None,
            id="75 %: 30 hours",
        ),
        pytest.param(
            _full(activity("a-1", "sfi", *_EIGHT, 29.5), percent=75),
            "2025-02-03",
            (8, "2025-02-03"),
            id="75 %: 29.5 hours",
        ),
        # as_of on a Wednesday: the week still begins on Monday 2025-02-03, and Monday
        # and Tuesday are inside the programme.
        pytest.param(
            _full(activity("a-1", "sfi", "2025-02-05", "2025-03-30", 40)),
            "2025-02-05",
            (1, "2025-02-03"),
            id="as_of mid-week: the whole week counts",
        ),
        # Plan made on Wednesday 2025-02-05, later than as_of: its week is the first,
        # and only Wednesday to Sunday of it count.
        pytest.param(
            _full(
                activity("a-1", "sfi", "2025-02-05", "2025-03-30", 40),
                referred="2025-01-20",
                plan_made="2025-02-05",
            ),
            "2025-01-20",
            None,
            id="a later plan start: its days only",
        ),
        pytest.param(
            _full(
                activity("a-1", "sfi", "2025-02-06", "2025-03-30", 40),
                referred="2025-01-20",
                plan_made="2025-02-05",
            ),
            "2025-01-20",
            (1, "2025-02-03"),
            id="a later plan start: a day missing",
        ),
        # 40 h on six of seven days is 40 × 6 / 7 = 34.29 h; 40 / 7 = 5.714 more is needed.
        pytest.param(
            _full(
                activity("a-1", "sfi", "2025-02-04", "2025-03-30", 40),
                activity("a-2", "job_search", *_EIGHT, 5.72),
            ),
            "2025-02-03",
            None,
            id="hours pro rata by day: just enough",
        ),
        pytest.param(
            _full(
                activity("a-1", "sfi", "2025-02-04", "2025-03-30", 40),
                activity("a-2", "job_search", *_EIGHT, 5.71),
            ),
            "2025-02-03",
            (1, "2025-02-03"),
            id="hours pro rata by day: just short",
        ),
        pytest.param(
            _full(
                activity("a-1", "sfi", "2025-02-03", "2025-02-09", 40),
                activity("a-2", "sfi", "2025-02-24", "2025-03-30", 40),
                interruptions=[interruption("2025-02-10", "2025-02-23", "sickness")],
            ),
            "2025-02-03",
            None,
            id="weeks inside an interruption are skipped",
        ),
        pytest.param(
            _full(
                activity("a-1", "sfi", "2025-02-03", "2025-02-09", 40),
                activity("a-2", "sfi", "2025-02-24", "2025-03-30", 40),
            ),
            "2025-02-03",
            (2, "2025-02-10"),
            id="the same weeks without the interruption",
        ),
        pytest.param(
            _full(
                activity("a-1", "sfi", "2025-02-03", "2025-02-11", 40),
                activity("a-2", "sfi", "2025-02-17", "2025-03-30", 40),
                interruptions=[interruption("2025-02-12", "2025-02-16", "other")],
            ),
            "2025-02-03",
            None,
            id="interrupted days in a week are not counted",
        ),
        pytest.param(
            _full(
                activity("a-1", "sfi", "2025-02-03", "2025-02-12", 40), exit=exit_on("2025-02-12")
            ),
            "2025-02-03",
            None,
            id="an exit on a Wednesday ends the count",
        ),
        pytest.param(
            _full(
                activity("a-1", "sfi", "2025-02-03", "2025-02-11", 40), exit=exit_on("2025-02-12")
            ),
            "2025-02-03",
            (1, "2025-02-10"),
            id="an exit on a Wednesday, the activity a day short",
        ),
        pytest.param(
            _full(exit=exit_on("2025-02-12")),
            "2025-03-03",
            None,
            id="every week after the exit",
        ),
        # Registered 2022-03-05: the programme ends on Wednesday 2025-03-05.
        pytest.param(
            _full(
                activity("a-1", "sfi", "2025-02-03", "2025-03-05", 40),
                participant=person(registered="2022-03-05"),
            ),
            "2025-02-03",
            None,
            id="programme_end on a Wednesday ends the count",
        ),
        pytest.param(
            _full(
                activity("a-1", "sfi", "2025-02-03", "2025-03-04", 40),
                participant=person(registered="2022-03-05"),
            ),
            "2025-02-03",
            (1, "2025-03-03"),
            id="programme_end on a Wednesday, the activity a day short",
        ),
        pytest.param(
            _full(
                activity("a-1", "sfi", "2025-02-03", "2025-02-16", 40),
                activity("a-2", "sfi", "2025-02-24", "2025-03-02", 40),
                activity("a-3", "sfi", "2025-03-10", "2025-03-30", 40),
            ),
            "2025-02-03",
            (2, "2025-02-17"),
            id="two gaps: the count and the first Monday",
        ),
        pytest.param(
            _full(activity("a-1", "sfi", "2025-02-03", "2025-03-23", 40)),
            "2025-02-03",
            (1, "2025-03-24"),
            id="only the eighth week is short",
        ),
        pytest.param(
            _full(activity("a-1", "sfi", "2025-02-03", "2025-03-30", 40)),
            "2025-02-10",
            (1, "2025-03-31"),
            id="a week later, the horizon moves on",
        ),
        pytest.param(_full(programme="municipal"), "2025-02-03", None, id="municipal"),
    ],
)
def test_planned_hours_fill_the_participation_level_week_by_week(
    subject: Plan, as_of: str, expected: tuple[int, str] | None
) -> None:
    """Förordning (2017:820) 7–10 §§: full time is 40 hours; part time scales it."""
    report = [f for f in evaluate(subject, as_of=d(as_of)).findings if f.code == FULL]
    if expected is None:
        assert report == []
        return
    weeks, monday = expected
    assert [(f.code, f.severity, f.subject, f.on) for f in report] == [
        (FULL, WARNING, None, d(monday))
    ]
    assert report[0].facts["weeks"] == weeks
    assert report[0].facts["first_week"] == d(monday)


@pytest.mark.parametrize(
    ("subject", "required", "planned"),
    [
        pytest.param(_full(activity("a-1", "sfi", *_EIGHT, 39)), 40, 39, id="39 of 40"),
        pytest.param(
            _full(activity("a-1", "sfi", *_EIGHT, 19.5), percent=50, reason="childcare"),
            20,
            19.5,
            id="19.5 of 20 at 50 %",
        ),
        # 40 × 6 / 7 + 5.71 = 39.9957 hours: shown rounded down, the 40 rounded up, so
        # that the numbers still show the shortfall.
        pytest.param(
            _full(
                activity("a-1", "sfi", "2025-02-04", "2025-03-30", 40),
                activity("a-2", "job_search", *_EIGHT, 5.71),
            ),
            40,
            39.9,
            id="a shortfall under a tenth of an hour",
        ),
        # Plan made on Wednesday: five days of the first week, 40 × 5 / 7 = 28.57 hours
        # required (shown 28.6), 40 × 4 / 7 = 22.86 planned (shown 22.8).
        pytest.param(
            _full(
                activity("a-1", "sfi", "2025-02-06", "2025-03-30", 40),
                referred="2025-01-20",
                plan_made="2025-02-05",
            ),
            28.6,
            22.8,
            id="the required hours of a short first week",
        ),
    ],
)
def test_the_full_time_finding_names_the_hours_required_and_planned(
    subject: Plan, required: float, planned: float
) -> None:
    """Förordning (2017:820) 7–10 §§: the first week below the level, in hours."""
    (finding,) = [f for f in evaluate(subject, as_of=d("2025-02-03")).findings if f.code == FULL]
    assert finding.facts["hours_required"] == required
    assert finding.facts["hours_planned"] == planned
    assert f"{planned:g} timmar planerade där {required:g} krävs" in finding.message("sv")
    assert f"{planned:g} hours planned where {required:g} are required" in finding.message("en")


# -- PROG-TRAINING-LIMIT --------------------------------------------------------------

TRAINING = "PROG-TRAINING-LIMIT"


def _training(*items: Activity) -> Plan:
    return plan(referred="2024-12-02", activities=list(items))


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        # 6 months from 2025-01-01: (2025-07-01 - 2025-01-01).days + 1 = 182 days.
        pytest.param(
            _training(activity("wt-1", "work_training", "2025-01-01", "2025-07-01")),
            [],
            id="work training: 182 days",
        ),
        pytest.param(
            _training(activity("wt-1", "work_training", "2025-01-01", "2025-07-02")),
            [(TRAINING, ERROR, "wt-1", d("2025-07-02"))],
            id="work training: 183 days",
        ),
        # 90 days (2025-01-01..03-31) + 93 days (2025-05-01..08-01) = 183: the 183rd
        # day, 2025-08-01, is in the second activity.
        pytest.param(
            _training(
                activity("wt-1", "work_training", "2025-01-01", "2025-03-31"),
                activity("wt-2", "work_training", "2025-05-01", "2025-08-01"),
            ),
            [(TRAINING, ERROR, "wt-2", d("2025-08-01"))],
            id="work training: two activities together cross the limit",
        ),
        pytest.param(
            _training(
                activity("wt-1", "work_training", "2025-01-01", "2025-03-31"),
                activity("wt-2", "work_training", "2025-05-01", "2025-07-31"),
            ),
            [],
            id="work training: two activities together within the limit",
        ),
        pytest.param(
            _training(
                activity("wt-1", "work_training", "2025-01-01", "2025-06-30"),
                activity("wt-2", "work_training", "2025-03-01", "2025-07-01"),
            ),
            [],
            id="work training: overlapping days count once",
        ),
        # The union runs 2025-01-01..07-20; the 183rd day is 2025-07-02, in wt-1.
        pytest.param(
            _training(
                activity("wt-1", "work_training", "2025-01-01", "2025-07-10"),
                activity("wt-2", "work_training", "2025-06-01", "2025-07-20"),
            ),
            [(TRAINING, ERROR, "wt-1", d("2025-07-10"))],
            id="work training: the activity holding the crossing day",
        ),
        # wt-2 lies wholly inside wt-1 and adds no day: the union is 2025-01-01..07-02,
        # 183 days, and the 183rd day is wt-1's.
        pytest.param(
            _training(
                activity("wt-1", "work_training", "2025-01-01", "2025-07-02"),
                activity("wt-2", "work_training", "2025-02-01", "2025-02-28"),
            ),
            [(TRAINING, ERROR, "wt-1", d("2025-07-02"))],
            id="work training: an activity inside another adds no day",
        ),
        pytest.param(
            _training(
                activity("wt-0", "work_training", "2024-12-02", "2025-12-31", status="cancelled"),
                activity("wt-1", "work_training", "2025-01-01", "2025-07-01"),
            ),
            [],
            id="work training: a cancelled activity is ignored",
        ),
        # 6 months from 2025-08-31 is 2026-02-28: 181 + 1 = 182 days.
        pytest.param(
            _training(activity("wt-1", "work_training", "2025-08-31", "2026-02-28")),
            [],
            id="work training from a month end: to 28 February",
        ),
        pytest.param(
            _training(activity("wt-1", "work_training", "2025-08-31", "2026-03-01")),
            [(TRAINING, ERROR, "wt-1", d("2026-03-01"))],
            id="work training from a month end: to 1 March",
        ),
        # 12 months from 2024-02-29 is 2025-02-28: 365 + 1 = 366 days.
        pytest.param(
            _training(activity("ewt-1", "enhanced_work_training", "2024-02-29", "2025-02-28")),
            [],
            id="enhanced work training from 29 February: 366 days",
        ),
        pytest.param(
            _training(activity("ewt-1", "enhanced_work_training", "2024-02-29", "2025-03-01")),
            [(TRAINING, ERROR, "ewt-1", d("2025-03-01"))],
            id="enhanced work training from 29 February: 367 days",
        ),
        # 24 months from 2025-01-31 is 2027-01-31: 730 + 1 = 731 days.
        pytest.param(
            _training(
                activity("sot-1", "shortage_occupation_training", "2025-01-31", "2027-01-31")
            ),
            [],
            id="shortage occupation training: 731 days",
        ),
        pytest.param(
            _training(
                activity("sot-1", "shortage_occupation_training", "2025-01-31", "2027-02-01")
            ),
            [(TRAINING, ERROR, "sot-1", d("2027-02-01"))],
            id="shortage occupation training: 732 days",
        ),
        pytest.param(
            _training(
                activity("wt-1", "work_training", "2025-01-01", "2025-07-01"),
                activity("ewt-1", "enhanced_work_training", "2025-07-02", "2025-12-31"),
            ),
            [],
            id="kinds are counted separately",
        ),
        pytest.param(
            _training(activity("we-1", "work_experience", "2025-01-01", "2026-12-31")),
            [],
            id="work experience has no such limit",
        ),
        pytest.param(
            plan(
                referred="2024-12-02",
                programme="municipal",
                activities=[activity("wt-1", "work_training", "2025-01-01", "2025-12-31")],
            ),
            [],
            id="municipal",
        ),
    ],
)
def test_work_training_stays_within_its_maximum_length(subject: Plan, expected: list[Row]) -> None:
    """Förordning (2017:820) 13 a §, 13 b §, 13 d §: 6, 12 and 24 months at most."""
    assert found(subject, as_of="2024-12-02", codes=TRAINING) == expected


# -- PROG-EDUCATION-DUTY --------------------------------------------------------------

DUTY = "PROG-EDUCATION-DUTY"
_SHORT = person(short_education=True)


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        pytest.param(
            plan(
                participant=_SHORT,
                activities=[
                    activity("s-1", "sfi", *_EIGHT, 20),
                    activity("w-1", "work_experience", *_EIGHT, 20),
                ],
            ),
            # Changed on purpose (issue 12): "mainly" is strictly more than half.
            [(DUTY, WARNING, None, d("2025-02-03"))],
            id="exactly half education",
        ),
        pytest.param(
            plan(
                participant=_SHORT,
                activities=[
                    activity("s-1", "sfi", *_EIGHT, 19),
                    activity("w-1", "work_experience", *_EIGHT, 21),
                ],
            ),
            [(DUTY, WARNING, None, d("2025-02-03"))],
            id="less than half education",
        ),
        # SFI 40 h/week for 7 days = 40 h; work experience 10 h/week for 35 days = 50 h.
        pytest.param(
            plan(
                participant=_SHORT,
                activities=[
                    activity("s-1", "sfi", "2025-02-03", "2025-02-09", 40),
                    activity("w-1", "work_experience", "2025-02-03", "2025-03-09", 10),
                ],
            ),
            [(DUTY, WARNING, None, d("2025-02-03"))],
            id="hours are weighed by days: 40 of 90",
        ),
        # ... and for 28 days = 40 h: half.
        pytest.param(
            plan(
                participant=_SHORT,
                activities=[
                    activity("s-1", "sfi", "2025-02-03", "2025-02-09", 40),
                    activity("w-1", "work_experience", "2025-02-03", "2025-03-02", 10),
                ],
            ),
            [(DUTY, WARNING, None, d("2025-02-03"))],
            id="hours are weighed by days: 40 of 80 is only half",
        ),
        pytest.param(
            plan(
                participant=_SHORT,
                activities=[
                    activity("c-1", "civic_orientation", *_EIGHT, 5),
                    activity("a-1", "adult_education", *_EIGHT, 5),
                    activity("u-1", "upper_secondary_intro", *_EIGHT, 5),
                    activity("h-1", "higher_education", *_EIGHT, 5),
                    activity("w-1", "work_training", *_EIGHT, 19),
                ],
            ),
            [],
            id="every education kind counts",
        ),
        pytest.param(
            plan(
                participant=_SHORT,
                activities=[
                    activity("s-1", "sfi", *_EIGHT, 20),
                    activity("s-2", "sfi", *_EIGHT, 20, status="cancelled"),
                    activity("w-1", "work_experience", *_EIGHT, 21),
                ],
            ),
            [(DUTY, WARNING, None, d("2025-02-03"))],
            id="cancelled education does not count",
        ),
        pytest.param(
            plan(
                participant=_SHORT,
                activities=[
                    activity("s-1", "sfi", *_EIGHT, 20),
                    activity("w-1", "work_experience", *_EIGHT, 40, status="cancelled"),
                ],
            ),
            [],
            id="cancelled work does not count",
        ),
        pytest.param(
            plan(
                participant=_SHORT,
                referred="2025-01-13",
                plan_made="2025-02-10",
                activities=[activity("w-1", "work_experience", *_EIGHT, 20)],
            ),
            [(DUTY, WARNING, None, d("2025-02-10"))],
            id="dated on the plan's start",
        ),
        pytest.param(plan(participant=_SHORT), [], id="no activities"),
        pytest.param(
            plan(activities=[activity("w-1", "work_experience", *_EIGHT, 40)]),
            [],
            id="not short-educated",
        ),
        pytest.param(
            plan(
                participant=_SHORT,
                programme="municipal",
                activities=[activity("w-1", "work_experience", *_EIGHT, 40)],
            ),
            [],
            id="municipal",
        ),
    ],
)
def test_a_short_educated_participant_mainly_studies(subject: Plan, expected: list[Row]) -> None:
    """Förordning (2017:820) 12 § (utbildningsplikt): mainly SFI and other education."""
    assert found(subject, as_of="2025-02-03", codes=DUTY) == expected


def test_the_education_duty_finding_names_the_hours_required_and_planned() -> None:
    """Förordning (2017:820) 12 §: education hours compared with half of all hours.

    SFI 19 h and work experience 21 h a week for eight weeks: 152 hours of education
    of 320, where 160 are required.
    """
    subject = plan(
        participant=_SHORT,
        activities=[
            activity("s-1", "sfi", *_EIGHT, 19),
            activity("w-1", "work_experience", *_EIGHT, 21),
        ],
    )
    (finding,) = [f for f in evaluate(subject, as_of=d("2025-02-03")).findings if f.code == DUTY]
    assert dict(finding.facts) == {
        "education_hours": 152,
        "total_hours": 320,
        "hours_required": 160,
        "hours_planned": 152,
    }
    assert finding.message("sv") == (
        "Deltagaren omfattas av utbildningsplikt men endast 152 av 320 timmar är "
        "utbildning: 152 timmar utbildning är planerade där mer än 160 krävs."
    )
    assert finding.message("en") == (
        "The participant is under the education obligation but only 152 of 320 hours are "
        "education: 152 hours of education are planned where more than 160 are required."
    )
