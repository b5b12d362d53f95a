"""Scenarios for participation levels, absences and time outside the programme.

Förordning (2017:820) 9 § (part time with a documented reason), 16 § (absence for
special family reasons, 20 days in all), 17–18 §§ (a full-time sick leave or parental
benefit of more than 30 consecutive days leads to the referral being withdrawn from
its 31st day) and 20 § (re-entry the day after). Every date below was counted by hand:
March 2025 has 31 days, so 2025-03-03 + 29 days = 2025-04-01 is a 30th day and
2025-04-02 a 31st. The default plan is referred on Monday 2025-02-03.
"""

from __future__ import annotations

import pytest

from handlingsplan import DEFAULT_PARAMETERS, Finding, Parameters, Plan, evaluate
from handlingsplan._clock import allowance

from ._factories import (
    WARNING,
    Row,
    absence,
    activity,
    change,
    d,
    exit_on,
    found,
    interruption,
    plan,
)

AS_OF = "2025-02-03"


def only(
    subject: Plan, code: str, *, as_of: str = AS_OF, parameters: Parameters = DEFAULT_PARAMETERS
) -> Finding:
    """The one finding of ``code`` when ``subject`` is evaluated on ``as_of``."""
    report = evaluate(subject, as_of=d(as_of), parameters=parameters)
    (finding,) = [item for item in report.findings if item.code == code]
    return finding


# -- PART-TIME-REASON -----------------------------------------------------------------

PART = "PART-TIME-REASON"


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        pytest.param(plan(percent=50), [(PART, WARNING, None, d("2025-02-03"))], id="50 %"),
        pytest.param(plan(percent=50, reason="childcare"), [], id="50 % for childcare"),
        pytest.param(plan(), [], id="full time"),
        pytest.param(plan(reason="sickness"), [], id="a reason at 100 % is ignored"),
        pytest.param(
            plan(changes=[change("2025-06-02", 75)]),
            [(PART, WARNING, None, d("2025-06-02"))],
            id="a change to 75 % without a reason",
        ),
        pytest.param(
            plan(changes=[change("2025-06-02", 75, "parental_benefit")]),
            [],
            id="a change to 75 % for parental benefit",
        ),
        pytest.param(
            plan(percent=50, reason="other", changes=[change("2025-06-02", 100)]),
            [],
            id="a change back to full time needs no reason",
        ),
        pytest.param(
            plan(
                percent=50,
                changes=[change("2025-06-02", 60, "sickness"), change("2025-09-01", 80)],
            ),
            [(PART, WARNING, None, d("2025-02-03")), (PART, WARNING, None, d("2025-09-01"))],
            id="each level below 100 % without a reason, on its first day",
        ),
        pytest.param(
            plan(percent=50, changes=[change("2025-02-03", 100)]),
            [],
            id="a change on the start replaces the initial level",
        ),
        pytest.param(
            plan(percent=50, changes=[change("2025-02-03", 50, "childcare")]),
            [],
            id="a change on the start gives the reason the initial level lacked",
        ),
        pytest.param(
            plan(changes=[change("2025-02-03", 50)]),
            [(PART, WARNING, None, d("2025-02-03"))],
            id="a change on the start without a reason, found once",
        ),
        pytest.param(
            plan(
                referred="2025-01-13",
                plan_made="2025-02-03",
                percent=50,
                changes=[change("2025-02-03", 100)],
            ),
            [],
            id="the start is the day the plan was made",
        ),
        pytest.param(
            plan(changes=[change("2025-06-02", 50)], exit=exit_on("2025-06-02")),
            [(PART, WARNING, None, d("2025-06-02"))],
            id="a level that starts on the exit day runs",
        ),
        pytest.param(
            plan(changes=[change("2025-06-03", 50)], exit=exit_on("2025-06-02")),
            [],
            id="a level that starts after the exit never runs",
        ),
        pytest.param(plan(percent=50, programme="municipal"), [], id="municipal"),
    ],
)
def test_part_time_needs_a_reason(subject: Plan, expected: list[Row]) -> None:
    """Förordning (2017:820) 9 §: part time sized to the time available, for a reason."""
    assert found(subject, as_of=AS_OF, codes=PART) == expected


def test_part_time_reason_names_the_level() -> None:
    """Förordning (2017:820) 9 §: the finding's fact is the level."""
    finding = only(plan(percent=37.5), PART)
    assert dict(finding.facts) == {"percent": 37.5}
    assert finding.message("sv").startswith("Deltagandet är 37.5 % från och med 2025-02-03")
    assert finding.message("en").startswith("Participation is 37.5 % from 2025-02-03")


# -- ABSENCE-EXIT ---------------------------------------------------------------------

EXIT = "ABSENCE-EXIT"
LONGER = DEFAULT_PARAMETERS.with_value("absence_exit_days", 45, valid_from=d("2025-03-10"))
"""A reform: 45 days from 2025-03-10."""


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        pytest.param(
            plan(absences=[absence("2025-03-03", "2025-04-01")]), [], id="30 days of sickness"
        ),
        pytest.param(
            plan(absences=[absence("2025-03-03", "2025-04-02")]),
            [(EXIT, WARNING, None, d("2025-04-02"))],
            id="31 days of sickness: from the 31st day",
        ),
        pytest.param(
            plan(absences=[absence("2025-03-03", "2025-04-02", "parental_benefit")]),
            [(EXIT, WARNING, None, d("2025-04-02"))],
            id="31 days of parental benefit",
        ),
        # 15 days of sickness, then 16 of parental benefit: one run of 31 days.
        pytest.param(
            plan(
                absences=[
                    absence("2025-03-03", "2025-03-17"),
                    absence("2025-03-18", "2025-04-02", "parental_benefit"),
                ]
            ),
            [(EXIT, WARNING, None, d("2025-04-02"))],
            id="adjacent sickness and parental benefit form one run",
        ),
        pytest.param(
            plan(
                absences=[
                    absence("2025-03-03", "2025-03-25", "parental_benefit"),
                    absence("2025-03-20", "2025-04-02"),
                ]
            ),
            [(EXIT, WARNING, None, d("2025-04-02"))],
            id="overlapping sickness and parental benefit form one run",
        ),
        pytest.param(
            plan(
                absences=[
                    absence("2025-03-03", "2025-03-17"),
                    absence("2025-03-19", "2025-04-03", "parental_benefit"),
                ]
            ),
            [],
            id="a day between breaks the run",
        ),
        pytest.param(
            plan(absences=[absence("2025-03-03", "2025-05-30", percent=50)]),
            [],
            id="part-time sickness is time in the programme",
        ),
        pytest.param(
            plan(absences=[absence("2025-03-03", "2025-05-30", "family_reasons")]),
            [],
            id="family reasons are not a run",
        ),
        pytest.param(
            plan(absences=[absence("2025-03-03", "2025-05-30", "other")]),
            [],
            id="another reason is not a run",
        ),
        pytest.param(
            plan(absences=[absence("2025-03-03", "2025-05-30")], exit=exit_on("2025-02-28")),
            [],
            id="an absence after the exit",
        ),
        pytest.param(
            plan(absences=[absence("2025-03-03", "2025-05-30")], exit=exit_on("2025-04-01")),
            [],
            id="an exit on the 30th day",
        ),
        pytest.param(
            plan(absences=[absence("2025-03-03", "2025-05-30")], exit=exit_on("2025-04-02")),
            [(EXIT, WARNING, None, d("2025-04-02"))],
            id="an exit on the 31st day is a day late",
        ),
        pytest.param(
            plan(
                absences=[absence("2025-03-03", "2025-05-30")],
                interruptions=[interruption("2025-04-02", "2025-05-30", "sickness")],
            ),
            [],
            id="the withdrawn days recorded as an interruption",
        ),
        pytest.param(
            plan(
                absences=[absence("2025-03-03", "2025-05-30")],
                interruptions=[interruption("2025-04-10", "2025-05-30", "sickness")],
            ),
            [(EXIT, WARNING, None, d("2025-04-02"))],
            id="an interruption that starts too late",
        ),
        pytest.param(
            plan(
                referred="2025-01-13",
                plan_made="2025-03-03",
                absences=[absence("2025-01-13", "2025-02-20")],
            ),
            [],
            id="withdrawn days all before the plan's start",
        ),
        pytest.param(
            plan(absences=[absence("2025-03-03", "2025-05-30")], programme="municipal"),
            [],
            id="municipal",
        ),
    ],
)
def test_a_long_full_time_absence_leads_to_an_exit(subject: Plan, expected: list[Row]) -> None:
    """Förordning (2017:820) 17–18 §§: withdrawn from the 31st consecutive day."""
    assert found(subject, as_of=AS_OF, codes=EXIT) == expected


def test_absence_exit_names_the_run() -> None:
    """Förordning (2017:820) 17–18 §§: the run's first and last day and its length."""
    finding = only(
        plan(
            absences=[
                absence("2025-03-03", "2025-03-17"),
                absence("2025-03-18", "2025-04-20", "parental_benefit"),
            ]
        ),
        EXIT,
    )
    assert (finding.subject, finding.on) == (None, d("2025-04-02"))
    assert dict(finding.facts) == {
        "start": d("2025-03-03"),
        "end": d("2025-04-20"),
        "days": 49,
        "absence_exit_days": 30,
    }
    assert finding.message("sv") == (
        "Frånvaron på heltid för sjukdom eller föräldrapenning 2025-03-03–2025-04-20 varar "
        "49 dagar i följd, mer än 30; anvisningen bör återkallas från och med 2025-04-02."
    )
    assert finding.message("en") == (
        "The full-time absence for sickness or parental benefit from 2025-03-03 to "
        "2025-04-20 lasts 49 consecutive days, more than 30; the referral should be "
        "withdrawn from 2025-04-02."
    )


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # A run from 2025-03-03 keeps the 30 days in force on its first day.
        pytest.param("2025-03-03", "2025-04-02", "2025-04-02", id="run before the reform"),
        # From 2025-03-10: 45 days; the 46th day is 2025-03-10 + 45 = 2025-04-24.
        pytest.param("2025-03-10", "2025-04-23", None, id="45 days after the reform"),
        pytest.param("2025-03-10", "2025-04-24", "2025-04-24", id="46 days after the reform"),
    ],
)
def test_absence_exit_uses_the_limit_in_force_on_the_runs_first_day(
    start: str, end: str, expected: str | None
) -> None:
    """Förordning (2017:820) 17–18 §§, with the limit as a dated parameter."""
    rows = found(plan(absences=[absence(start, end)]), as_of=AS_OF, codes=EXIT, parameters=LONGER)
    assert rows == ([] if expected is None else [(EXIT, WARNING, None, d(expected))])


# -- INTERRUPTION-SHORT ---------------------------------------------------------------

SHORT = "INTERRUPTION-SHORT"


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        pytest.param(
            plan(interruptions=[interruption("2025-03-03", "2025-04-01", "sickness")]),
            [(SHORT, WARNING, None, d("2025-03-03"))],
            id="30 days of sickness",
        ),
        pytest.param(
            plan(interruptions=[interruption("2025-03-03", "2025-04-02", "sickness")]),
            [],
            id="31 days of sickness",
        ),
        pytest.param(
            plan(interruptions=[interruption("2025-03-03", "2025-03-12")]),
            [(SHORT, WARNING, None, d("2025-03-03"))],
            id="10 days of parental benefit",
        ),
        pytest.param(
            plan(interruptions=[interruption("2025-03-03", "2025-03-12", "other")]),
            [],
            id="another reason",
        ),
        pytest.param(
            plan(
                interruptions=[
                    interruption("2025-03-03", "2025-03-22", "sickness"),
                    interruption("2025-03-23", "2025-04-11"),
                ]
            ),
            [],
            id="adjacent interruptions are one sick leave of 40 days",
        ),
        pytest.param(
            plan(
                interruptions=[
                    interruption("2025-03-03", "2025-03-12", "sickness"),
                    interruption("2025-04-01", "2025-04-10", "sickness"),
                ]
            ),
            [(SHORT, WARNING, None, d("2025-03-03")), (SHORT, WARNING, None, d("2025-04-01"))],
            id="two short interruptions, one finding each",
        ),
        # The usual way to record it: 30 days of absence, then the interruption from the
        # 31st day. The sick leave lasts 51 days.
        pytest.param(
            plan(
                absences=[absence("2025-03-03", "2025-04-01")],
                interruptions=[interruption("2025-04-02", "2025-04-22", "sickness")],
            ),
            [],
            id="an interruption after 30 days of absence",
        ),
        pytest.param(
            plan(
                absences=[absence("2025-03-03", "2025-04-01", percent=50)],
                interruptions=[interruption("2025-04-02", "2025-04-22", "sickness")],
            ),
            [(SHORT, WARNING, None, d("2025-04-02"))],
            id="part-time absence does not lengthen the sick leave",
        ),
        pytest.param(
            plan(
                interruptions=[interruption("2025-03-03", "2025-03-12", "sickness")],
                exit=exit_on("2025-03-02"),
            ),
            [],
            id="an interruption after the exit",
        ),
        pytest.param(
            plan(
                interruptions=[interruption("2025-03-03", "2025-03-12", "sickness")],
                exit=exit_on("2025-03-03"),
            ),
            [(SHORT, WARNING, None, d("2025-03-03"))],
            id="an interruption starting on the exit day",
        ),
        pytest.param(
            plan(
                referred="2025-01-13",
                plan_made="2025-02-03",
                interruptions=[interruption("2025-01-20", "2025-01-24", "sickness")],
            ),
            [],
            id="an interruption before the plan's start",
        ),
        pytest.param(
            plan(
                interruptions=[interruption("2025-03-03", "2025-03-12", "sickness")],
                programme="municipal",
            ),
            [],
            id="municipal",
        ),
    ],
)
def test_a_short_sick_leave_is_no_interruption(subject: Plan, expected: list[Row]) -> None:
    """Förordning (2017:820) 17–18 §§: only more than 30 days is a ground for an exit."""
    assert found(subject, as_of=AS_OF, codes=SHORT) == expected


def test_interruption_short_says_why_the_clock_may_be_wrong() -> None:
    """Förordning (2017:820) 17–18 §§: the clock still counts the interruption outside."""
    subject = plan(interruptions=[interruption("2025-03-03", "2025-03-12", "sickness")])
    finding = only(subject, SHORT)
    assert dict(finding.facts) == {
        "start": d("2025-03-03"),
        "end": d("2025-03-12"),
        "days": 10,
        "interruption_reason": "sickness",
        "absence_exit_days": 30,
    }
    assert "registrera det som frånvaro" in finding.message("sv")
    assert "Programklockan räknar avbrottet som tid utanför programmet" in finding.message("sv")
    assert "record it as an absence" in finding.message("en")
    assert "counts the interruption as time outside the programme" in finding.message("en")
    # ... as it does: the ten days push the allowance's end on from 2027-02-03.
    assert allowance(subject).end == d("2027-02-13")


def test_interruption_short_uses_the_limit_in_force_on_the_first_day() -> None:
    """Förordning (2017:820) 17–18 §§: 40 days from 2025-03-10 is short under 45."""
    subject = plan(interruptions=[interruption("2025-03-10", "2025-04-18", "sickness")])
    assert found(subject, as_of=AS_OF, codes=SHORT) == []
    assert found(subject, as_of=AS_OF, codes=SHORT, parameters=LONGER) == [
        (SHORT, WARNING, None, d("2025-03-10"))
    ]


# -- ABSENCE-FAMILY-LIMIT -------------------------------------------------------------

FAMILY = "ABSENCE-FAMILY-LIMIT"


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        pytest.param(
            plan(absences=[absence("2025-03-03", "2025-03-22", "family_reasons")]),
            [],
            id="20 days",
        ),
        pytest.param(
            plan(absences=[absence("2025-03-03", "2025-03-23", "family_reasons")]),
            [(FAMILY, WARNING, None, d("2025-03-23"))],
            id="21 days: the 21st",
        ),
        # 10 whole days, then half days counted as whole: the 21st is the 11th of the
        # second absence, 2025-05-05 + 10 = 2025-05-15.
        pytest.param(
            plan(
                absences=[
                    absence("2025-03-03", "2025-03-12", "family_reasons"),
                    absence("2025-05-05", "2025-05-19", "family_reasons", percent=50),
                ]
            ),
            [(FAMILY, WARNING, None, d("2025-05-15"))],
            id="partial percent counts as whole days",
        ),
        pytest.param(
            plan(
                absences=[
                    absence("2025-03-03", "2025-03-12", "family_reasons", percent=25),
                    absence("2025-05-05", "2025-05-14", "family_reasons", percent=25),
                ]
            ),
            [],
            id="20 partial days",
        ),
        pytest.param(
            plan(
                absences=[
                    absence("2025-03-03", "2025-03-12", "family_reasons"),
                    absence("2025-03-13", "2025-04-30", "sickness"),
                    absence("2025-05-05", "2025-05-14", "other"),
                ]
            ),
            [],
            id="other reasons do not count",
        ),
        pytest.param(
            plan(
                absences=[absence("2025-03-03", "2025-03-23", "family_reasons")],
                exit=exit_on("2025-03-22"),
            ),
            [],
            id="days after the exit do not count",
        ),
        pytest.param(
            plan(
                absences=[
                    absence("2025-03-03", "2025-03-22", "family_reasons"),
                    absence("2025-05-05", "2025-05-06", "family_reasons"),
                ],
                exit=exit_on("2025-05-05"),
            ),
            [(FAMILY, WARNING, None, d("2025-05-05"))],
            id="the exit day counts",
        ),
        pytest.param(
            plan(
                absences=[
                    absence("2025-03-03", "2025-03-22", "family_reasons"),
                    absence("2025-05-05", "2025-05-06", "family_reasons"),
                ],
                exit=exit_on("2025-04-30"),
            ),
            [],
            id="an absence after the exit",
        ),
        pytest.param(
            plan(
                absences=[absence("2025-03-03", "2025-03-23", "family_reasons")],
                programme="municipal",
            ),
            [],
            id="municipal",
        ),
    ],
)
def test_absence_for_family_reasons_is_limited(subject: Plan, expected: list[Row]) -> None:
    """Förordning (2017:820) 16 §: at most 20 days in all for special family reasons."""
    assert found(subject, as_of=AS_OF, codes=FAMILY) == expected


def test_absence_family_limit_names_the_total_and_the_limit() -> None:
    """Förordning (2017:820) 16 §: every counted day, and the limit from the parameters."""
    subject = plan(
        absences=[
            absence("2025-03-03", "2025-03-12", "family_reasons"),
            absence("2025-05-05", "2025-05-19", "family_reasons", percent=50),
        ]
    )
    finding = only(subject, FAMILY)
    assert dict(finding.facts) == {"days": 25, "family_absence_max_days": 20}
    assert finding.message("sv") == (
        "Frånvaron av särskilda familjeskäl omfattar 25 dagar, fler än de högst 20 som "
        "medges; gränsen passeras den 2025-05-15."
    )
    assert finding.message("en") == (
        "Absence for special family reasons covers 25 days, more than the 20 allowed; the "
        "limit is passed on 2025-05-15."
    )
    more = DEFAULT_PARAMETERS.with_value("family_absence_max_days", 25, valid_from=d("2025-01-01"))
    assert found(subject, as_of=AS_OF, codes=FAMILY, parameters=more) == []


# -- ACT-OUTSIDE-PROGRAMME ------------------------------------------------------------

OUTSIDE = "ACT-OUTSIDE-PROGRAMME"


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        pytest.param(
            plan(
                activities=[activity("a-1", "sfi", "2025-03-03", "2025-06-30")],
                exit=exit_on("2025-06-30"),
            ),
            [],
            id="an activity ending on the exit day",
        ),
        pytest.param(
            plan(
                activities=[activity("a-1", "sfi", "2025-03-03", "2025-07-01")],
                exit=exit_on("2025-06-30"),
            ),
            [(OUTSIDE, WARNING, "a-1", d("2025-07-01"))],
            id="an activity a day after the exit",
        ),
        pytest.param(
            plan(
                activities=[activity("a-1", "sfi", "2025-08-04", "2025-09-30")],
                exit=exit_on("2025-06-30"),
            ),
            [(OUTSIDE, WARNING, "a-1", d("2025-08-04"))],
            id="an activity starting after the exit: its start",
        ),
        pytest.param(
            plan(
                activities=[
                    activity("a-1", "sfi", "2025-03-03", "2025-07-31", status="completed"),
                    activity("a-2", "sfi", "2025-03-03", "2025-07-31", status="active"),
                    activity("a-3", "sfi", "2025-03-03", "2025-07-31", status="on_hold"),
                    activity("a-4", "sfi", "2025-03-03", "2025-07-31", status="cancelled"),
                ],
                exit=exit_on("2025-06-30"),
            ),
            [
                (OUTSIDE, WARNING, "a-1", d("2025-07-01")),
                (OUTSIDE, WARNING, "a-2", d("2025-07-01")),
                (OUTSIDE, WARNING, "a-3", d("2025-07-01")),
            ],
            id="every status but cancelled",
        ),
        pytest.param(
            plan(
                activities=[activity("a-1", "sfi", "2025-04-07", "2025-04-30")],
                interruptions=[interruption("2025-04-01", "2025-05-31")],
            ),
            [(OUTSIDE, WARNING, "a-1", d("2025-04-07"))],
            id="an activity wholly inside an interruption",
        ),
        pytest.param(
            plan(
                activities=[activity("a-1", "sfi", "2025-04-01", "2025-05-31")],
                interruptions=[interruption("2025-04-01", "2025-05-31")],
            ),
            [(OUTSIDE, WARNING, "a-1", d("2025-04-01"))],
            id="an activity filling an interruption",
        ),
        pytest.param(
            plan(
                activities=[activity("a-1", "sfi", "2025-03-31", "2025-04-30")],
                interruptions=[interruption("2025-04-01", "2025-05-31")],
            ),
            [],
            id="an activity partly inside an interruption",
        ),
        # Sickness from 2025-03-03: withdrawn from 2025-04-02 to 2025-04-30.
        pytest.param(
            plan(
                activities=[activity("a-1", "sfi", "2025-04-02", "2025-04-30")],
                absences=[absence("2025-03-03", "2025-04-30")],
            ),
            [(OUTSIDE, WARNING, "a-1", d("2025-04-02"))],
            id="an activity wholly in withdrawn days",
        ),
        pytest.param(
            plan(
                activities=[activity("a-1", "sfi", "2025-04-01", "2025-04-30")],
                absences=[absence("2025-03-03", "2025-04-30")],
            ),
            [],
            id="an activity from the 30th day of absence",
        ),
        pytest.param(
            plan(
                activities=[activity("a-1", "sfi", "2025-04-20", "2025-05-20")],
                absences=[absence("2025-03-03", "2025-04-30")],
                interruptions=[interruption("2025-05-01", "2025-05-31", "other")],
            ),
            [(OUTSIDE, WARNING, "a-1", d("2025-04-20"))],
            id="withdrawn days and an interruption joined",
        ),
        pytest.param(
            plan(
                activities=[activity("a-1", "sfi", "2025-05-10", "2025-07-31")],
                interruptions=[interruption("2025-05-01", "2025-06-30", "other")],
                exit=exit_on("2025-06-30"),
            ),
            [(OUTSIDE, WARNING, "a-1", d("2025-05-10"))],
            id="an interruption up to the exit joined to the time after it",
        ),
        pytest.param(
            plan(
                activities=[activity("a-1", "sfi", "2025-04-20", "2025-07-31")],
                interruptions=[interruption("2025-05-01", "2025-06-30", "other")],
                exit=exit_on("2025-06-30"),
            ),
            [(OUTSIDE, WARNING, "a-1", d("2025-07-01"))],
            id="partly inside before the exit, after it from the day after",
        ),
        pytest.param(
            plan(
                activities=[activity("a-1", "sfi", "2025-07-01", "2025-07-31")],
                exit=exit_on("2025-06-30"),
                programme="municipal",
            ),
            [],
            id="municipal",
        ),
    ],
)
def test_activities_lie_in_the_programme(subject: Plan, expected: list[Row]) -> None:
    """Förordning (2017:820) 17–18 §§: no activities after the exit or while outside."""
    assert found(subject, as_of=AS_OF, codes=OUTSIDE) == expected


def test_an_activity_from_re_entry_is_inside() -> None:
    """Förordning (2017:820) 20 §: re-entry is the day after the last benefit day."""
    subject = plan(
        activities=[activity("a-1", "sfi", "2025-05-01", "2025-05-31")],
        absences=[absence("2025-03-03", "2025-04-30")],
    )
    assert found(subject, as_of=AS_OF, codes=OUTSIDE) == []


def test_activity_outside_programme_messages() -> None:
    """Förordning (2017:820) 17–18 §§: the exit, or the time outside, in the message."""
    after = only(
        plan(
            activities=[activity("a-1", "sfi", "2025-03-03", "2025-07-31")],
            exit=exit_on("2025-06-30"),
        ),
        OUTSIDE,
    )
    assert after.reason == "after_exit"
    assert dict(after.facts) == {
        "start": d("2025-03-03"),
        "end": d("2025-07-31"),
        "exit_on": d("2025-06-30"),
    }
    assert after.message("sv") == (
        "Aktiviteten a-1 (2025-03-03–2025-07-31) pågår efter avslutet 2025-06-30, från och "
        "med 2025-07-01."
    )
    assert after.message("en") == (
        "Activity a-1 (2025-03-03 to 2025-07-31) runs after the exit on 2025-06-30, from "
        "2025-07-01."
    )
    inside = only(
        plan(
            activities=[activity("a-1", "sfi", "2025-04-07", "2025-04-30")],
            interruptions=[interruption("2025-04-01", "2025-05-31")],
        ),
        OUTSIDE,
    )
    assert inside.reason == "outside"
    assert dict(inside.facts) == {"start": d("2025-04-07"), "end": d("2025-04-30")}
    assert inside.message("sv").startswith(
        "Aktiviteten a-1 (2025-04-07–2025-04-30) ligger helt i tid utanför programmet"
    )
    assert inside.message("en").startswith(
        "Activity a-1 (2025-04-07 to 2025-04-30) lies wholly in time outside the programme"
    )


# -- PROG-FULL-TIME with levels and absences ------------------------------------------

FULL = "PROG-FULL-TIME"
_EIGHT = ("2025-02-03", "2025-03-30")  # Monday of the first week, Sunday of the eighth


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        # 20 hours throughout; 50 % from Monday 2025-02-17: the first two weeks are short.
        pytest.param(
            plan(
                changes=[change("2025-02-17", 50, "childcare")],
                activities=[activity("a-1", "sfi", *_EIGHT, 20)],
            ),
            (2, "2025-02-03", 100, 40, 20),
            id="50 % after a change on a Monday",
        ),
        # A change on Wednesday 2025-02-19: its week still runs at the Monday's 100 %.
        pytest.param(
            plan(
                changes=[change("2025-02-19", 50, "childcare")],
                activities=[activity("a-1", "sfi", *_EIGHT, 20)],
            ),
            (3, "2025-02-03", 100, 40, 20),
            id="a change mid-week applies from the next week",
        ),
        pytest.param(
            plan(
                changes=[change("2025-02-17", 50, "childcare")],
                activities=[activity("a-1", "sfi", *_EIGHT, 19.5)],
            ),
            (8, "2025-02-03", 100, 40, 19.5),
            id="19.5 hours are short at 50 % too",
        ),
        pytest.param(
            plan(
                percent=50,
                reason="childcare",
                changes=[change("2025-03-03", 100)],
                activities=[activity("a-1", "sfi", *_EIGHT, 20)],
            ),
            (4, "2025-03-03", 100, 40, 20),
            id="back to full time after 50 %",
        ),
        pytest.param(
            plan(
                percent=50,
                reason="childcare",
                changes=[change("2025-02-03", 100)],
                activities=[activity("a-1", "sfi", *_EIGHT, 20)],
            ),
            (8, "2025-02-03", 100, 40, 20),
            id="a change on the start replaces the initial level",
        ),
    ],
)
def test_full_time_uses_the_level_of_each_weeks_first_day(
    subject: Plan, expected: tuple[int, str, float, float, float]
) -> None:
    """Förordning (2017:820) 9 §: each week judged at the level in force on its first day."""
    finding = only(subject, FULL)
    weeks, monday, percent, required, planned = expected
    assert finding.on == d(monday)
    assert finding.facts["weeks"] == weeks
    assert finding.facts["participation_percent"] == percent
    assert finding.facts["hours_required"] == required
    assert finding.facts["hours_planned"] == planned


def test_full_time_at_50_percent_after_a_change_is_filled_by_20_hours() -> None:
    """Förordning (2017:820) 9 §: 40 hours, then 20 from the change on 2025-02-17."""
    subject = plan(
        changes=[change("2025-02-17", 50, "childcare")],
        activities=[
            activity("a-1", "sfi", "2025-02-03", "2025-02-16", 40),
            activity("a-2", "sfi", "2025-02-17", "2025-03-30", 20),
        ],
    )
    assert found(subject, as_of=AS_OF, codes=FULL) == []


# Activities: 40 hours in every week but the one of Monday 2025-02-10.
_GAP = (
    activity("a-1", "sfi", "2025-02-03", "2025-02-09"),
    activity("a-2", "sfi", "2025-02-17", "2025-03-30"),
)


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        pytest.param(plan(activities=_GAP), [(FULL, WARNING, None, d("2025-02-10"))], id="gap"),
        pytest.param(
            plan(activities=_GAP, absences=[absence("2025-02-10", "2025-02-16")]),
            [],
            id="a week inside a full-time absence",
        ),
        pytest.param(
            plan(activities=_GAP, absences=[absence("2025-02-07", "2025-02-10", "other")]),
            [],
            id="a week starting on an absence's last day",
        ),
        pytest.param(
            plan(activities=_GAP, absences=[absence("2025-02-11", "2025-02-16")]),
            [(FULL, WARNING, None, d("2025-02-10"))],
            id="a week whose absence starts on its second day",
        ),
        pytest.param(
            plan(activities=_GAP, absences=[absence("2025-02-10", "2025-02-16", percent=50)]),
            [(FULL, WARNING, None, d("2025-02-10"))],
            id="a part-time absence on the first day",
        ),
        pytest.param(
            plan(activities=_GAP, interruptions=[interruption("2025-02-10", "2025-02-11")]),
            [],
            id="a week whose first day is interrupted",
        ),
        pytest.param(
            plan(activities=_GAP, interruptions=[interruption("2025-02-11", "2025-02-16")]),
            [(FULL, WARNING, None, d("2025-02-10"))],
            id="a week interrupted from its second day",
        ),
    ],
)
def test_full_time_skips_weeks_that_start_away(subject: Plan, expected: list[Row]) -> None:
    """Förordning (2017:820) 17–18 §§: a week starting in an absence or outside is skipped."""
    assert found(subject, as_of=AS_OF, codes=FULL) == expected


def test_full_time_counts_from_re_entry() -> None:
    """Förordning (2017:820) 20 §: after withdrawn days, re-entry the day after.

    Sickness 2025-01-06..2025-02-11 (37 days) is withdrawn from its 31st day,
    2025-02-05. The plan was made on Monday 2025-02-03, inside the absence, so its
    first week is skipped; so is the week of 2025-02-10, which starts in the absence.
    The week of 2025-02-17 is judged in full: 40 × 6 / 7 = 34.29 hours from Tuesday.
    """
    subject = plan(
        referred="2025-01-06",
        plan_made="2025-02-03",
        absences=[absence("2025-01-06", "2025-02-11")],
        activities=[activity("a-1", "sfi", "2025-02-18", "2025-03-30")],
    )
    finding = only(subject, FULL)
    assert (finding.on, finding.facts["weeks"]) == (d("2025-02-17"), 1)
    assert (finding.facts["hours_required"], finding.facts["hours_planned"]) == (40, 34.2)
