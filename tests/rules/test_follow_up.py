"""Scenarios for the follow-up 90 days after exit (uppföljning).

Arbetsförmedlingen's outcome measure is the status 90 days after exit. The follow-up
is an action, so its last day moves forward per Lag (1930:173) 2 §: from a Saturday,
Sunday, public holiday (Lag 1989:253), midsommarafton, julafton or nyårsafton to the
next weekday. Each ``act_by`` below was worked out by hand from the calendar.
"""

from __future__ import annotations

import datetime as _dt

import pytest

from handlingsplan import DEFAULT_PARAMETERS, Plan
from handlingsplan.rules import Context
from handlingsplan.rules._follow_up import follow_up_due

from ._factories import WARNING, Row, d, exit_on, follow_up_on, found, plan

FOLLOW_UP = "FOLLOWUP-DUE"

# (name, exit, due = exit + 90 days, act_by)
_DEADLINES = [
    # 2025-03-05 + 90 days = Tuesday 2025-06-03, a working day.
    ("on a working day", "2025-03-05", "2025-06-03", "2025-06-03"),
    # 2025-03-03 + 90 days = Sunday 2025-06-01 → Monday 2025-06-02.
    ("on a Sunday", "2025-03-03", "2025-06-01", "2025-06-02"),
    # 2025-03-22 + 90 days = Friday 2025-06-20, midsommarafton; Saturday 21 June is
    # Midsummer Day; Sunday 22 June → Monday 2025-06-23.
    ("on midsommarafton", "2025-03-22", "2025-06-20", "2025-06-23"),
    # 2025-09-25 + 90 days = Wednesday 2025-12-24, julafton; 25, 26 December are
    # holidays, then a weekend → Monday 2025-12-29.
    ("on julafton", "2025-09-25", "2025-12-24", "2025-12-29"),
    # 2026-10-02 + 90 days = Thursday 2026-12-31, nyårsafton; 1 January is a holiday,
    # then a weekend → Monday 2027-01-04.
    ("on nyårsafton", "2026-10-02", "2026-12-31", "2027-01-04"),
    # 2023-12-01 + 90 days = Thursday 2024-02-29, a working day in a leap year.
    ("on 29 February", "2023-12-01", "2024-02-29", "2024-02-29"),
]


def _plus_one(text: str) -> str:
    return (d(text) + _dt.timedelta(days=1)).isoformat()


SCENARIOS = [
    scenario
    for name, exit, due, act_by in _DEADLINES
    for scenario in (
        pytest.param(
            plan(referred="2023-02-06", exit=exit_on(exit)),
            act_by,
            [],
            id=f"{name}: as_of on act_by {act_by}",
        ),
        pytest.param(
            plan(referred="2023-02-06", exit=exit_on(exit)),
            _plus_one(act_by),
            [(FOLLOW_UP, WARNING, None, d(due))],
            id=f"{name}: as_of the day after act_by {act_by}",
        ),
    )
]


@pytest.mark.parametrize(("subject", "as_of", "expected"), SCENARIOS)
def test_a_follow_up_is_due_90_days_after_exit_on_the_next_weekday(
    subject: Plan, as_of: str, expected: list[Row]
) -> None:
    """Lag (1930:173) 2 §; Lag (1989:253): the 90-day follow-up after exit."""
    assert found(subject, as_of=as_of, codes=FOLLOW_UP) == expected


@pytest.mark.parametrize(
    ("subject", "as_of", "expected"),
    [
        pytest.param(plan(), "2030-01-01", [], id="no exit"),
        pytest.param(
            plan(exit=exit_on("2025-03-05"), follow_up=follow_up_on("2025-06-03")),
            "2025-06-04",
            [],
            id="followed up on act_by",
        ),
        pytest.param(
            plan(exit=exit_on("2025-03-05"), follow_up=follow_up_on("2025-06-04")),
            "2025-06-04",
            [],
            id="followed up late, on as_of",
        ),
        pytest.param(
            plan(exit=exit_on("2025-03-05"), follow_up=follow_up_on("2025-06-05")),
            "2025-06-04",
            [(FOLLOW_UP, WARNING, None, d("2025-06-03"))],
            id="followed up after as_of",
        ),
        pytest.param(
            plan(exit=exit_on("2025-03-05"), follow_up=follow_up_on("2025-03-10")),
            "2025-06-04",
            [],
            id="followed up early",
        ),
        pytest.param(
            plan(programme="municipal", exit=exit_on("2025-03-05")),
            "2025-06-04",
            [(FOLLOW_UP, WARNING, None, d("2025-06-03"))],
            id="municipal",
        ),
    ],
)
def test_a_recorded_follow_up_on_or_before_as_of_settles_it(
    subject: Plan, as_of: str, expected: list[Row]
) -> None:
    """Arbetsförmedlingen's 90-day outcome measure: a follow-up dated by as_of counts."""
    assert found(subject, as_of=as_of, codes=FOLLOW_UP) == expected


def test_an_exit_without_its_follow_up_key_date_finds_nothing() -> None:
    """Lag (1930:173) 2 §: no key date, nothing to be late for."""
    subject = plan(exit=exit_on("2025-03-05"))
    context = Context(
        plan=subject, as_of=d("2030-01-01"), parameters=DEFAULT_PARAMETERS, key_dates=()
    )
    assert follow_up_due(context) == ()
