"""Tests for :func:`handlingsplan.outcome_rates`: hand-computed cohorts and properties.

Every expected number below is counted by hand from the cohort tables in this module;
the comments show the counting.
"""

from __future__ import annotations

import datetime as _dt
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlingsplan import (
    DEFAULT_PARAMETERS,
    Exit,
    ExitReason,
    FollowUp,
    Gender,
    OutcomeRate,
    OutcomeStatus,
    Participant,
    Plan,
    outcome_rates,
)
from handlingsplan.outcomes import POSITIVE_STATUSES, UNRECORDED
from handlingsplan.strategies import plans as generated_plans

D = _dt.date
FROM = D(2025, 1, 1)
TO = D(2025, 12, 31)
TARGET = 0.55
MIDSUMMER_EVE = D(2025, 6, 20)

W = OutcomeStatus.WORK
S = OutcomeStatus.STUDIES
WS = OutcomeStatus.WORK_AND_STUDIES
SEEK = OutcomeStatus.JOB_SEEKING
OTHER = OutcomeStatus.OTHER
UNKNOWN = OutcomeStatus.UNKNOWN
NONE = None
"""No follow-up at all."""


def exited_plan(
    number: int,
    *,
    gender: Gender | None = Gender.FEMALE,
    exit_on: _dt.date | None = MIDSUMMER_EVE,
    reason: ExitReason = ExitReason.EMPLOYMENT,
    status: OutcomeStatus | None = W,
) -> Plan:
    """A plan referred on 2023-01-02 that exits on ``exit_on`` (no exit when None).

    ``status`` is the follow-up status 90 days after the exit, ``None`` for no follow-up.
    """
    exit_ = None if exit_on is None else Exit(on=exit_on, reason=reason)
    follow_up = (
        None
        if exit_on is None or status is None
        else FollowUp(on=exit_on + _dt.timedelta(days=90), status=status)
    )
    return Plan(
        id=f"plan-{number:04d}",
        referred_on=D(2023, 1, 2),
        participant=Participant(id=f"deltagare-{number}", birth_date=D(1990, 1, 1), gender=gender),
        exit=exit_,
        follow_up=follow_up,
    )


F = Gender.FEMALE
M = Gender.MALE
R = ExitReason

COHORT = (
    # number, gender, exit, reason, follow-up status (NONE: not followed up)
    (1, F, D(2025, 1, 1), R.EMPLOYMENT, W),  # on exited_from: counted
    (2, F, D(2025, 3, 14), R.STUDIES, S),
    (3, F, D(2025, 5, 30), R.TIME_LIMIT, WS),
    (4, F, D(2025, 7, 4), R.TIME_LIMIT, SEEK),
    (5, F, D(2025, 8, 29), R.PARENTAL_BENEFIT, NONE),
    (6, F, D(2025, 9, 12), R.MOVED, UNKNOWN),  # status unknown: not followed up
    (7, M, D(2025, 2, 28), R.OWN_BUSINESS, W),
    (8, M, D(2025, 4, 30), R.SICKNESS, OTHER),
    (9, M, D(2025, 10, 31), R.TIME_LIMIT, NONE),
    (10, None, D(2025, 12, 31), R.STUDIES, S),  # on exited_to: counted
    # outside the range or without an exit: never counted
    (11, F, D(2024, 12, 31), R.EMPLOYMENT, W),  # the day before exited_from
    (12, M, D(2026, 1, 1), R.EMPLOYMENT, W),  # the day after exited_to
    (13, F, None, R.EMPLOYMENT, NONE),  # still in the programme
)


def cohort() -> tuple[Plan, ...]:
    """The plans of :data:`COHORT`."""
    return tuple(
        exited_plan(number, gender=gender, exit_on=exit_on, reason=reason, status=status)
        for number, gender, exit_on, reason, status in COHORT
    )


def expected(
    group: str,
    exited: int,
    followed_up: int,
    positive: int,
    rate_followed_up: float | None,
    rate_exited: float | None,
    meets_target: bool | None,
    target: float = TARGET,
    early: int = 0,
) -> OutcomeRate:
    """An :class:`OutcomeRate` with ``unknown`` as ``exited - followed_up``."""
    return OutcomeRate(
        group=group,
        exited=exited,
        followed_up=followed_up,
        positive=positive,
        unknown=exited - followed_up,
        early=early,
        rate_followed_up=rate_followed_up,
        rate_exited=rate_exited,
        target=target,
        meets_target=meets_target,
    )


def rates_by_group(rates: tuple[OutcomeRate, ...]) -> dict[str, OutcomeRate]:
    return {rate.group: rate for rate in rates}


# -- the cohort, by hand -----------------------------------------------------------


def test_the_whole_cohort_is_one_group_named_all() -> None:
    # Plans 1-10 exited in 2025. Followed up with a known status: 1, 2, 3, 4, 7, 8, 10
    # (7); not: 5 (no follow-up), 6 (unknown), 9 (no follow-up) (3). Positive: 1 work,
    # 2 studies, 3 work and studies, 7 work, 10 studies (5). 5/7 of the followed up,
    # 5/10 = 0.5 of the exited: below 0.55.
    assert outcome_rates(cohort(), exited_from=FROM, exited_to=TO) == (
        expected("all", 10, 7, 5, 5 / 7, 0.5, False),
    )


def test_by_gender_lists_female_male_other_and_unrecorded() -> None:
    # female: plans 1-6 exited (6); followed up 1-4 (4); positive 1, 2, 3 (3):
    #   3/4 = 0.75 and 3/6 = 0.5, below target.
    # male: plans 7-9 (3); followed up 7, 8 (2); positive 7 (1): 1/2 and 1/3.
    # other: nobody; rates and meets_target None.
    # unrecorded: plan 10 (1); followed up and positive: 1/1 and 1/1, meets target.
    assert outcome_rates(cohort(), exited_from=FROM, exited_to=TO, by="gender") == (
        expected("female", 6, 4, 3, 0.75, 0.5, False),
        expected("male", 3, 2, 1, 0.5, 1 / 3, False),
        expected("other", 0, 0, 0, None, None, None),
        expected(UNRECORDED, 1, 1, 1, 1.0, 1.0, True),
    )


def test_by_exit_reason_lists_every_reason_in_declaration_order() -> None:
    # employment: 1 (work). studies: 2 and 10 (both studies). own_business: 7 (work).
    # parental_benefit: 5 (no follow-up): nobody followed up, 0/1 of the exited.
    # sickness: 8 (other): 0/1 and 0/1. moved: 6 (unknown): like no follow-up.
    # age_limit: nobody. time_limit: 3 (work and studies), 4 (job seeking), 9 (no
    # follow-up): followed up 2, positive 1, so 1/2 and 1/3. other: nobody.
    assert outcome_rates(cohort(), exited_from=FROM, exited_to=TO, by="exit_reason") == (
        expected("employment", 1, 1, 1, 1.0, 1.0, True),
        expected("studies", 2, 2, 2, 1.0, 1.0, True),
        expected("own_business", 1, 1, 1, 1.0, 1.0, True),
        expected("parental_benefit", 1, 0, 0, None, 0.0, False),
        expected("sickness", 1, 1, 0, 0.0, 0.0, False),
        expected("moved", 1, 0, 0, None, 0.0, False),
        expected("age_limit", 0, 0, 0, None, None, None),
        expected("time_limit", 3, 2, 1, 0.5, 1 / 3, False),
        expected("other", 0, 0, 0, None, None, None),
    )


def test_every_group_is_listed_when_nobody_exited() -> None:
    rates = outcome_rates((), exited_from=FROM, exited_to=TO, by="gender")
    assert [rate.group for rate in rates] == ["female", "male", "other", UNRECORDED]
    assert all(rate == expected(rate.group, 0, 0, 0, None, None, None) for rate in rates)
    assert outcome_rates([], exited_from=FROM, exited_to=TO) == (
        expected("all", 0, 0, 0, None, None, None),
    )


def test_plans_without_an_exit_are_ignored() -> None:
    still_in = [exited_plan(n, exit_on=None, status=None) for n in range(3)]
    assert outcome_rates(still_in, exited_from=FROM, exited_to=TO)[0].exited == 0


def test_the_rates_accept_any_iterable_of_plans_once() -> None:
    rates = outcome_rates(iter(cohort()), exited_from=FROM, exited_to=TO)
    assert rates[0].exited == 10


# -- follow-ups ---------------------------------------------------------------------


def test_a_missing_follow_up_counts_against_the_exited_rate_only() -> None:
    # One in work, one never followed up: 1/1 of the followed up, 1/2 of the exited.
    plans = [exited_plan(1, status=W), exited_plan(2, status=None)]
    (rate,) = outcome_rates(plans, exited_from=FROM, exited_to=TO)
    assert (rate.followed_up, rate.unknown, rate.positive) == (1, 1, 1)
    assert (rate.rate_followed_up, rate.rate_exited) == (1.0, 0.5)


def test_a_follow_up_with_status_unknown_counts_as_not_followed_up() -> None:
    plans = [exited_plan(1, status=UNKNOWN), exited_plan(2, status=None)]
    (rate,) = outcome_rates(plans, exited_from=FROM, exited_to=TO)
    assert rate == expected("all", 2, 0, 0, None, 0.0, False)


@pytest.mark.parametrize("status", sorted(POSITIVE_STATUSES))
def test_work_studies_or_both_is_a_positive_outcome(status: OutcomeStatus) -> None:
    (rate,) = outcome_rates([exited_plan(1, status=status)], exited_from=FROM, exited_to=TO)
    assert (rate.followed_up, rate.positive) == (1, 1)


@pytest.mark.parametrize("status", [SEEK, OTHER])
def test_job_seeking_or_other_is_followed_up_but_not_positive(status: OutcomeStatus) -> None:
    (rate,) = outcome_rates([exited_plan(1, status=status)], exited_from=FROM, exited_to=TO)
    assert (rate.followed_up, rate.positive, rate.unknown) == (1, 0, 0)


def test_positive_statuses_are_work_studies_and_both() -> None:
    assert frozenset({W, S, WS}) == POSITIVE_STATUSES


# -- the range ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exited_from", "exited_to", "counted"),
    [
        (D(2025, 6, 20), D(2025, 6, 20), 1),  # a one-day range on the exit
        (D(2025, 6, 20), D(2025, 12, 31), 1),  # exit on exited_from
        (D(2025, 1, 1), D(2025, 6, 20), 1),  # exit on exited_to
        (D(2025, 6, 21), D(2025, 12, 31), 0),  # the exit is a day before the range
        (D(2025, 1, 1), D(2025, 6, 19), 0),  # the exit is a day after the range
    ],
)
def test_the_exit_range_is_inclusive_at_both_ends(
    exited_from: _dt.date, exited_to: _dt.date, counted: int
) -> None:
    plan = exited_plan(1, exit_on=MIDSUMMER_EVE)
    (rate,) = outcome_rates([plan], exited_from=exited_from, exited_to=exited_to)
    assert rate.exited == counted


def test_a_reversed_range_is_refused() -> None:
    with pytest.raises(ValueError, match="before exited_from"):
        outcome_rates(cohort(), exited_from=TO, exited_to=FROM)


@pytest.mark.parametrize("by", ["region", "all", "Gender", "exit reason", 1])
def test_an_unknown_grouping_is_refused(by: Any) -> None:
    with pytest.raises(ValueError, match="by must be"):
        outcome_rates(cohort(), exited_from=FROM, exited_to=TO, by=by)


# -- the target -------------------------------------------------------------------------


def cohort_of(positive: int, not_followed_up: int, job_seeking: int = 0) -> list[Plan]:
    """``positive`` in work, ``not_followed_up`` without a follow-up, the rest seeking."""
    statuses = [W] * positive + [None] * not_followed_up + [SEEK] * job_seeking
    return [exited_plan(n, status=status) for n, status in enumerate(statuses)]


def test_exactly_eleven_of_twenty_meets_the_55_percent_target() -> None:
    # 11 in work, 9 never followed up: 11/11 of the followed up, 11/20 = 0.55 exited.
    (rate,) = outcome_rates(cohort_of(11, 9), exited_from=FROM, exited_to=TO)
    assert rate == expected("all", 20, 11, 11, 1.0, 0.55, True)


def test_ten_of_twenty_misses_the_target_even_when_all_followed_up_are_in_work() -> None:
    # 10/10 of the followed up, but 10/20 = 0.5 of the exited: those not followed up
    # count against the target.
    (rate,) = outcome_rates(cohort_of(10, 10), exited_from=FROM, exited_to=TO)
    assert rate == expected("all", 20, 10, 10, 1.0, 0.5, False)


def test_eleven_of_twenty_followed_up_job_seekers_included_meets_the_target() -> None:
    (rate,) = outcome_rates(cohort_of(11, 0, 9), exited_from=FROM, exited_to=TO)
    assert rate == expected("all", 20, 20, 11, 0.55, 0.55, True)


def test_the_default_target_is_55_percent() -> None:
    rates = outcome_rates(cohort(), exited_from=FROM, exited_to=TO, by="gender")
    assert {rate.target for rate in rates} == {0.55}


def test_a_reform_of_the_target_applies_from_its_valid_from_on_exited_to() -> None:
    # From 2025-07-01 the target is 50 %. For exits in all of 2025 the target in force
    # on exited_to (2025-12-31) is 0.5, so the women's 3/6 = 0.5 now meets it.
    reform = DEFAULT_PARAMETERS.with_value("outcome_target", 0.5, valid_from=D(2025, 7, 1))
    rates = rates_by_group(
        outcome_rates(cohort(), exited_from=FROM, exited_to=TO, by="gender", parameters=reform)
    )
    assert rates["female"] == expected("female", 6, 4, 3, 0.75, 0.5, True, target=0.5)
    assert rates["male"].meets_target is False  # 1/3
    # For exits in the first half (exited_to 2025-06-30) the 55 % target still holds:
    # women 1, 2, 3 exited, all positive; men 7 (work) and 8 (other): 1/2 < 0.55.
    first_half = rates_by_group(
        outcome_rates(
            cohort(), exited_from=FROM, exited_to=D(2025, 6, 30), by="gender", parameters=reform
        )
    )
    assert first_half["female"] == expected("female", 3, 3, 3, 1.0, 1.0, True)
    assert first_half["male"] == expected("male", 2, 2, 1, 0.5, 0.5, False)


def test_a_reform_to_a_higher_target_turns_a_pass_into_a_miss() -> None:
    reform = DEFAULT_PARAMETERS.with_value("outcome_target", 0.6, valid_from=D(2025, 1, 1))
    (rate,) = outcome_rates(cohort_of(11, 9), exited_from=FROM, exited_to=TO, parameters=reform)
    assert (rate.target, rate.meets_target) == (0.6, False)


# -- values -------------------------------------------------------------------------------


def test_an_outcome_rate_gives_a_json_ready_dict() -> None:
    (rate,) = outcome_rates(cohort_of(11, 9), exited_from=FROM, exited_to=TO)
    assert rate.to_dict() == {
        "group": "all",
        "exited": 20,
        "followed_up": 11,
        "positive": 11,
        "unknown": 9,
        "early": 0,
        "rate_followed_up": 1.0,
        "rate_exited": 0.55,
        "target": 0.55,
        "meets_target": True,
    }


def test_outcome_rates_pickle() -> None:
    rates = outcome_rates(cohort(), exited_from=FROM, exited_to=TO, by="exit_reason")
    assert pickle.loads(pickle.dumps(rates)) == rates


# -- properties ---------------------------------------------------------------------------

COUNTS = ("exited", "followed_up", "positive", "unknown")


def totals(rates: tuple[OutcomeRate, ...]) -> tuple[int, ...]:
    return tuple(sum(getattr(rate, field) for rate in rates) for field in COUNTS)


def test_exits_in_a_range_sum_to_the_all_group() -> None:
    (everyone,) = outcome_rates(cohort(), exited_from=FROM, exited_to=TO)
    for by in ("gender", "exit_reason"):
        groups = outcome_rates(cohort(), exited_from=FROM, exited_to=TO, by=by)
        assert totals(groups) == totals((everyone,))


@given(
    caseload=st.lists(generated_plans(), max_size=5),
    first=st.dates(D(2018, 1, 1), D(2030, 12, 31)),
    days=st.integers(0, 4000),
)
def test_counts_are_consistent_and_groups_sum_to_all(
    caseload: list[Plan], first: _dt.date, days: int
) -> None:
    last = first + _dt.timedelta(days=days)
    (everyone,) = outcome_rates(caseload, exited_from=first, exited_to=last)
    by_gender = outcome_rates(caseload, exited_from=first, exited_to=last, by="gender")
    by_reason = outcome_rates(caseload, exited_from=first, exited_to=last, by="exit_reason")
    for rate in (everyone, *by_gender, *by_reason):
        assert rate.followed_up + rate.unknown == rate.exited
        assert 0 <= rate.positive <= rate.followed_up
        assert (rate.rate_exited is None) is (rate.exited == 0)
        assert (rate.meets_target is None) is (rate.exited == 0)
        assert (rate.rate_followed_up is None) is (rate.followed_up == 0)
    assert totals(by_gender) == totals((everyone,))
    assert totals(by_reason) == totals((everyone,))
    in_range = [p for p in caseload if p.exit is not None and first <= p.exit.on <= last]
    assert everyone.exited == len(in_range)


# -- the follow-up day ---------------------------------------------------------------


def _followed_up_on(days_after_exit: int, status: OutcomeStatus = W) -> Plan:
    plan = exited_plan(1, status=None)
    return plan.with_follow_up(
        FollowUp(on=MIDSUMMER_EVE + _dt.timedelta(days=days_after_exit), status=status)
    )


def test_a_follow_up_on_day_90_counts_and_one_on_day_89_is_early() -> None:
    # 2025-06-20 + 90 days = 2025-09-18: the status the measure is about.
    on_time = outcome_rates([_followed_up_on(90)], exited_from=FROM, exited_to=TO)
    assert on_time == (expected("all", 1, 1, 1, 1.0, 1.0, True),)
    early = outcome_rates([_followed_up_on(89)], exited_from=FROM, exited_to=TO)
    assert early == (expected("all", 1, 0, 0, None, 0.0, False, early=1),)


def test_an_early_follow_up_with_unknown_status_is_still_early() -> None:
    rates = outcome_rates([_followed_up_on(0, UNKNOWN)], exited_from=FROM, exited_to=TO)
    assert rates == (expected("all", 1, 0, 0, None, 0.0, False, early=1),)


def test_the_follow_up_days_are_a_parameter_in_force_on_the_exit() -> None:
    thirty = DEFAULT_PARAMETERS.with_value("follow_up_days", 30, valid_from=D(2025, 6, 1))
    rates = outcome_rates([_followed_up_on(30)], exited_from=FROM, exited_to=TO, parameters=thirty)
    assert rates == (expected("all", 1, 1, 1, 1.0, 1.0, True),)
