"""Scenarios for the follow-up 90 days after exit (uppföljning).

Arbetsförmedlingen's outcome measure is the status 90 days after exit. The follow-up
is an action, so its last day moves forward per Lag (1930:173) 2 §: from a Saturday,
Sunday, public holiday (Lag 1989:253), midsommarafton, julafton or nyårsafton to the
next weekday. Each ``act_by`` below was worked out by hand from the calendar.
"""

from __future__ import annotations

import datetime as _dt

import pytest

from handlingsplan import DEFAULT_PARAMETERS, Plan, evaluate
from handlingsplan.rules import Context, Severity
from handlingsplan.rules._follow_up import follow_up_due, follow_up_early

from ._factories import WARNING, Row, d, exit_on, follow_up_on, found, plan

FOLLOW_UP = "FOLLOWUP-DUE"
EARLY = "FOLLOWUP-EARLY"
INFO = Severity.INFO

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


@pytest.mark.parametrize(
    ("subject", "as_of", "expected"),
    [
        # 2025-03-05 + 90 days = 2025-06-03: the status the outcome measure is about.
        pytest.param(
            plan(exit=exit_on("2025-03-05"), follow_up=follow_up_on("2025-06-02")),
            "2025-06-02",
            [(EARLY, INFO, None, d("2025-06-03"))],
            id="the day before day 90",
        ),
        pytest.param(
            plan(exit=exit_on("2025-03-05"), follow_up=follow_up_on("2025-06-03")),
            "2025-06-03",
            [],
            id="on day 90",
        ),
        pytest.param(
            plan(exit=exit_on("2025-03-05"), follow_up=follow_up_on("2025-03-10")),
            "2025-03-09",
            [],
            id="recorded after as_of",
        ),
        pytest.param(
            plan(
                programme="municipal",
                exit=exit_on("2025-03-05"),
                follow_up=follow_up_on("2025-03-05"),
            ),
            "2025-07-01",
            [(EARLY, INFO, None, d("2025-06-03"))],
            id="municipal, on the exit day",
        ),
        pytest.param(plan(exit=exit_on("2025-03-05")), "2025-07-01", [], id="no follow-up"),
        pytest.param(plan(), "2030-01-01", [], id="no exit"),
    ],
)
def test_a_follow_up_before_day_90_is_named_so_it_is_made_again(
    subject: Plan, as_of: str, expected: list[Row]
) -> None:
    """Arbetsförmedlingen's 90-day outcome measure: only the status on day 90 counts."""
    assert found(subject, as_of=as_of, codes=EARLY) == expected


def test_the_early_follow_up_finding_says_when_to_follow_up_again() -> None:
    subject = plan(exit=exit_on("2025-03-05"), follow_up=follow_up_on("2025-04-01"))
    (finding,) = [
        item for item in evaluate(subject, as_of=d("2025-04-02")).findings if item.code == EARLY
    ]
    assert finding.message("en") == (
        "The follow-up on 2025-04-01 was made before day 90 after the exit on 2025-03-05 "
        "and does not count in the outcome measure; follow up again from 2025-06-03."
    )
    assert finding.message("sv") == (
        "Uppföljningen 2025-04-01 gjordes före dag 90 efter avslutet 2025-03-05 och räknas "
        "inte i utfallsmåttet; följ upp igen från 2025-06-03."
    )
    assert "lokalt mål" in finding.basis


def test_an_early_follow_up_without_its_key_date_finds_nothing() -> None:
    subject = plan(exit=exit_on("2025-03-05"), follow_up=follow_up_on("2025-03-06"))
    context = Context(
        plan=subject, as_of=d("2030-01-01"), parameters=DEFAULT_PARAMETERS, key_dates=()
    )
    assert follow_up_early(context) == ()
