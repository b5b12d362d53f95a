"""Scenarios for the activity and milestone rules, for every programme.

Förordning (2000:628) 6 § and AFFS 2014:1 2–4 §§: a plan holds activities with dates
that can be followed up. Each boundary is tested the day before, on and after.
"""

from __future__ import annotations

import datetime as _dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlingsplan import Plan
from handlingsplan.rules._helpers import total_hours

from ._factories import WARNING, Row, activity, d, found, milestone, plan

BEFORE = "ACT-BEFORE-PLAN"
NOT_STARTED = "ACT-NOT-STARTED"
NOT_CLOSED = "ACT-NOT-CLOSED"
OVERDUE = "MS-OVERDUE"
PROGRAMMES = ("establishment", "municipal")


@pytest.mark.parametrize("programme", PROGRAMMES)
@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param(
            {"activities": [activity("a-1", "sfi", "2025-02-02", "2025-06-30")]},
            [(BEFORE, WARNING, "a-1", d("2025-02-02"))],
            id="starting the day before the referral",
        ),
        pytest.param(
            {"activities": [activity("a-1", "sfi", "2025-02-03", "2025-06-30")]},
            [],
            id="starting on the referral",
        ),
        pytest.param(
            {
                "activities": [
                    activity("a-1", "sfi", "2025-02-02", "2025-06-30", status="cancelled")
                ]
            },
            [],
            id="a cancelled activity",
        ),
        # Time before the plan: the referral, not the plan, is the boundary.
        pytest.param(
            {
                "plan_made": "2025-02-24",
                "activities": [activity("a-1", "sfi", "2025-02-10", "2025-06-30")],
            },
            [],
            id="starting between the referral and the plan",
        ),
        pytest.param(
            {
                "referred": "2024-03-01",
                "activities": [
                    activity("a-1", "sfi", "2024-02-29", "2024-06-30"),
                    activity("a-2", "sfi", "2024-03-01", "2024-06-30"),
                    activity("a-3", "validation", "2024-01-31", "2024-06-30"),
                ],
            },
            [(BEFORE, WARNING, "a-1", d("2024-02-29")), (BEFORE, WARNING, "a-3", d("2024-01-31"))],
            id="29 February before a referral on 1 March",
        ),
    ],
)
def test_activities_start_on_or_after_the_referral(
    programme: str, fields: dict[str, object], expected: list[Row]
) -> None:
    """Förordning (2000:628) 6 §; AFFS 2014:1 2–4 §§: activities follow the referral."""
    subject = plan(programme=programme, **fields)  # type: ignore[arg-type]
    assert found(subject, as_of="2024-01-01", codes=BEFORE) == expected


def _one(status: str, start: str = "2025-03-03", end: str = "2025-06-30") -> Plan:
    return plan(activities=[activity("a-1", "sfi", start, end, status=status)])


@pytest.mark.parametrize(
    ("subject", "as_of", "expected"),
    [
        pytest.param(_one("planned"), "2025-03-03", [], id="planned, as_of on the start"),
        pytest.param(
            _one("planned"),
            "2025-03-04",
            [(NOT_STARTED, WARNING, "a-1", d("2025-03-03"))],
            id="planned, as_of the day after the start",
        ),
        pytest.param(_one("active"), "2025-03-04", [], id="active"),
        pytest.param(_one("on_hold"), "2025-03-04", [], id="on hold"),
        pytest.param(_one("completed"), "2025-03-04", [], id="completed"),
        pytest.param(_one("cancelled"), "2025-03-04", [], id="cancelled"),
        pytest.param(
            _one("planned", "2024-02-29", "2024-12-31"),
            "2024-03-01",
            [(NOT_STARTED, WARNING, "a-1", d("2024-02-29"))],
            id="planned from 29 February, as_of 1 March",
        ),
        pytest.param(
            plan(
                programme="municipal",
                activities=[activity("a-1", "sfi", "2025-03-03", "2025-06-30")],
            ),
            "2025-03-04",
            [(NOT_STARTED, WARNING, "a-1", d("2025-03-03"))],
            id="municipal",
        ),
    ],
)
def test_a_planned_activity_past_its_start_should_have_started(
    subject: Plan, as_of: str, expected: list[Row]
) -> None:
    """Förordning (2000:628) 6 §; AFFS 2014:1 2–4 §§: the plan is kept up to date."""
    assert found(subject, as_of=as_of, codes=NOT_STARTED) == expected


@pytest.mark.parametrize(
    ("subject", "as_of", "expected"),
    [
        pytest.param(_one("active"), "2025-06-30", [], id="active, as_of on the end"),
        pytest.param(
            _one("active"),
            "2025-07-01",
            [(NOT_CLOSED, WARNING, "a-1", d("2025-06-30"))],
            id="active, as_of the day after the end",
        ),
        pytest.param(
            _one("on_hold"),
            "2025-07-01",
            [(NOT_CLOSED, WARNING, "a-1", d("2025-06-30"))],
            id="on hold, the day after the end",
        ),
        pytest.param(_one("planned"), "2025-07-01", [], id="planned"),
        pytest.param(_one("completed"), "2025-07-01", [], id="completed"),
        pytest.param(_one("cancelled"), "2025-07-01", [], id="cancelled"),
        pytest.param(
            _one("active", "2023-09-01", "2024-02-29"),
            "2024-03-01",
            [(NOT_CLOSED, WARNING, "a-1", d("2024-02-29"))],
            id="ending on 29 February, as_of 1 March",
        ),
        pytest.param(
            plan(
                programme="municipal",
                activities=[activity("a-1", "sfi", "2025-03-03", "2025-06-30", status="active")],
            ),
            "2025-07-01",
            [(NOT_CLOSED, WARNING, "a-1", d("2025-06-30"))],
            id="municipal",
        ),
    ],
)
def test_an_ongoing_activity_past_its_end_should_be_closed(
    subject: Plan, as_of: str, expected: list[Row]
) -> None:
    """Förordning (2000:628) 6 §; AFFS 2014:1 2–4 §§: ended activities are closed."""
    assert found(subject, as_of=as_of, codes=NOT_CLOSED) == expected


@pytest.mark.parametrize("programme", PROGRAMMES)
@pytest.mark.parametrize(
    ("due", "achieved", "as_of", "expected"),
    [
        pytest.param("2025-06-30", None, "2025-06-30", [], id="as_of on the due date"),
        pytest.param(
            "2025-06-30",
            None,
            "2025-07-01",
            [(OVERDUE, WARNING, "m-1", d("2025-06-30"))],
            id="as_of the day after, not achieved",
        ),
        pytest.param("2025-06-30", "2025-06-29", "2025-07-01", [], id="achieved the day before"),
        pytest.param("2025-06-30", "2025-06-30", "2025-07-01", [], id="achieved on the due date"),
        pytest.param("2025-06-30", "2025-07-01", "2025-07-01", [], id="achieved late, on as_of"),
        pytest.param(
            "2025-06-30",
            "2025-07-02",
            "2025-07-01",
            [(OVERDUE, WARNING, "m-1", d("2025-06-30"))],
            id="achieved after as_of",
        ),
        pytest.param(
            "2024-02-29",
            None,
            "2024-03-01",
            [(OVERDUE, WARNING, "m-1", d("2024-02-29"))],
            id="due 29 February, as_of 1 March",
        ),
        pytest.param(
            "2025-05-31",
            None,
            "2025-06-01",
            [(OVERDUE, WARNING, "m-1", d("2025-05-31"))],
            id="due on a Saturday month end: not moved to a weekday",
        ),
    ],
)
def test_a_milestone_is_achieved_by_its_due_date(
    programme: str, due: str, achieved: str | None, as_of: str, expected: list[Row]
) -> None:
    """Förordning (2000:628) 6 §; AFFS 2014:1 2–4 §§: milestones that can be followed up."""
    subject = plan(programme=programme, milestones=[milestone("m-1", due, achieved=achieved)])
    assert found(subject, as_of=as_of, codes=OVERDUE) == expected


def test_hours_are_hours_per_week_times_days_over_seven() -> None:
    """Förordning (2017:820) 7 §: 35 h a week is 5 h a day, 70 h over two weeks."""
    fortnight = activity("a-1", "sfi", "2025-03-03", "2025-03-16", 35)
    one_day = activity("a-2", "sfi", "2025-03-03", "2025-03-03", 10)
    halves = activity("a-3", "sfi", "2025-03-03", "2025-03-09", 7.5)
    assert total_hours([fortnight]) == 70
    assert total_hours([one_day]) == Fraction(10, 7)
    assert total_hours([fortnight, one_day, halves]) == 70 + Fraction(10, 7) + Fraction(15, 2)
    assert total_hours([]) == 0


@given(
    st.lists(
        st.tuples(
            st.sampled_from([0.5, 2.5, 7.5, 10, 12.25, 20, 33.3, 40]),
            st.integers(min_value=1, max_value=800),
        ),
        max_size=12,
    )
)
def test_total_hours_is_the_exact_sum_of_each_activitys_hours(
    parts: list[tuple[float, int]],
) -> None:
    """Förordning (2017:820) 7 §: hours a week over the days, summed without rounding."""
    start = _dt.date(2025, 1, 6)
    activities = [
        activity(
            f"a-{n}", "sfi", start.isoformat(), (start + _dt.timedelta(days - 1)).isoformat(), h
        )
        for n, (h, days) in enumerate(parts)
    ]
    expected = sum((Fraction(repr(h)) * days / 7 for h, days in parts), Fraction(0))
    assert total_hours(activities) == expected
