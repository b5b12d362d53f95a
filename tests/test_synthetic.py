"""Synthetic caseloads: valid, reproducible, and in the shares the docs page cites."""

from __future__ import annotations

import datetime as _dt
import re
import statistics
from collections.abc import Sequence

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _profiles import examples
from handlingsplan import (
    MAX_DATE,
    MIN_DATE,
    ActivityKind,
    Gender,
    IdentityNumber,
    Plan,
    Programme,
    check_eligibility,
    deadlines,
    evaluate,
    from_dict,
    outcome_rates,
    synthetic,
    to_dict,
)
from handlingsplan._synthetic_values import make, years_before
from handlingsplan.dates import age_on, birthday

D = _dt.date
N = 5000


@pytest.fixture(scope="module")
def plans() -> tuple[Plan, ...]:
    return synthetic.caseload(N, seed=14)


def _establishment(plans: Sequence[Plan]) -> list[Plan]:
    return [plan for plan in plans if plan.programme is Programme.ESTABLISHMENT]


def _municipal(plans: Sequence[Plan]) -> list[Plan]:
    return [plan for plan in plans if plan.programme is Programme.MUNICIPAL]


def _age(plan: Plan) -> int:
    return age_on(plan.participant.birth_date, plan.referred_on)


# -- reproducible --------------------------------------------------------------------


def test_the_same_seed_gives_equal_plans() -> None:
    assert synthetic.caseload(200, seed=3) == synthetic.caseload(200, seed=3)


def test_different_seeds_give_different_plans() -> None:
    assert synthetic.caseload(50, seed=3) != synthetic.caseload(50, seed=4)


def test_a_longer_caseload_starts_with_the_shorter_one() -> None:
    assert synthetic.caseload(40, seed=5)[:20] == synthetic.caseload(20, seed=5)


def test_no_plans_for_n_zero() -> None:
    assert synthetic.caseload(0) == ()


def test_ids_are_readable_and_numbered_from_one(plans: tuple[Plan, ...]) -> None:
    for number, plan in enumerate(plans[:100], start=1):
        assert plan.id == f"plan-{number:06d}"
        assert plan.participant.id == f"person-{number:06d}"
    assert all(re.fullmatch(r"plan-[0-9]{6}", plan.id) for plan in plans)


# -- valid -----------------------------------------------------------------------------


def test_every_plan_round_trips_through_the_checked_dict_form(plans: tuple[Plan, ...]) -> None:
    for plan in plans[: examples(N)]:  # all 5000 under the ci profile
        assert from_dict(to_dict(plan), Plan) == plan


def test_every_plan_evaluates_and_its_key_dates_lie_well_inside_the_model(
    plans: tuple[Plan, ...],
) -> None:
    low, high = D(MIN_DATE.year + 20, 1, 1), D(MAX_DATE.year - 20, 1, 1)
    for plan in plans[: examples(1500)]:
        evaluate(plan, as_of=D(2026, 3, 2))
        assert all(low < deadline.due < high for deadline in deadlines(plan))


@settings(max_examples=examples(25), deadline=None)
@given(
    seed=st.integers(0, 2**64),
    first=st.dates(D(2018, 1, 1), D(2150, 12, 31)),
    days=st.integers(0, 3000),
    numbers=st.booleans(),
)
def test_any_seed_and_range_gives_valid_plans_referred_inside_it(
    seed: int, first: D, days: int, numbers: bool
) -> None:
    last = min(first + _dt.timedelta(days=days), D(2150, 12, 31))
    found = synthetic.caseload(
        20, seed=seed, referred_from=first, referred_to=last, identity_numbers=numbers
    )
    for plan in found:
        assert first <= plan.referred_on <= last
        assert from_dict(to_dict(plan), Plan) == plan
        evaluate(plan, as_of=plan.referred_on)
        follow_up, exit = plan.follow_up, plan.exit
        if follow_up is not None:
            assert exit is not None
            assert 90 <= (follow_up.on - exit.on).days <= 111
        assert (plan.participant.identity_number is not None) is numbers


def test_the_date_bounds_are_honoured_to_the_day() -> None:
    day = D(2024, 2, 29)
    assert {
        plan.referred_on for plan in synthetic.caseload(30, referred_from=day, referred_to=day)
    } == {day}


# -- shares ----------------------------------------------------------------------------


def test_about_57_percent_of_establishment_participants_are_women(
    plans: tuple[Plan, ...],
) -> None:
    people = _establishment(plans)
    women = sum(plan.participant.gender is Gender.FEMALE for plan in people)
    assert women / len(people) == pytest.approx(0.57, abs=0.04)


def test_establishment_ages_are_20_to_64_and_most_25_to_40(plans: tuple[Plan, ...]) -> None:
    ages = [_age(plan) for plan in _establishment(plans)]
    assert min(ages) == 20
    assert max(ages) == 64
    assert sum(25 <= age <= 40 for age in ages) / len(ages) > 0.5
    assert 25 <= statistics.median(ages) <= 40


def test_a_tenth_are_municipal_plans(plans: tuple[Plan, ...]) -> None:
    assert len(_municipal(plans)) / N == pytest.approx(0.10, abs=0.02)


def test_municipal_plans_are_for_unaccompanied_minors_with_minors_only_placements(
    plans: tuple[Plan, ...],
) -> None:
    for plan in _municipal(plans):
        person = plan.participant
        assert person.unaccompanied_minor
        assert _age(plan) in (16, 17)
        kinds = {activity.kind for activity in plan.activities}
        assert {ActivityKind.GUARDIAN_SUPPORT, ActivityKind.PLACEMENT} <= kinds
        adult = birthday(person.birth_date, 18)
        for activity in plan.activities:
            if activity.kind in (ActivityKind.GUARDIAN_SUPPORT, ActivityKind.PLACEMENT):
                assert activity.minors_only
            if activity.minors_only:
                assert activity.end < adult


def test_about_15_percent_take_part_part_time_with_a_reason(plans: tuple[Plan, ...]) -> None:
    part_time = [plan for plan in plans if plan.participation_percent < 100]
    assert len(part_time) / N == pytest.approx(0.15, abs=0.03)
    assert all(plan.participation_reason is not None for plan in part_time)
    assert any(plan.participation_changes for plan in plans)
    for plan in plans:
        for change in plan.participation_changes:
            assert change.percent == 100 or change.reason is not None


def test_some_long_sick_leaves_become_interruptions_from_day_31(plans: tuple[Plan, ...]) -> None:
    long = [plan for plan in plans if any(absence.days == 30 for absence in plan.absences)]
    assert 0 < len(long) < N * 0.1
    for plan in long:
        absence = next(absence for absence in plan.absences if absence.days == 30)
        assert any(item.start == absence.end + _dt.timedelta(days=1) for item in plan.interruptions)


def test_ninety_day_outcomes_are_about_half_and_lower_for_women(plans: tuple[Plan, ...]) -> None:
    first, last = D(2000, 1, 1), D(2100, 1, 1)
    (everyone,) = outcome_rates(plans, exited_from=first, exited_to=last)
    by_gender = {
        rate.group: rate
        for rate in outcome_rates(plans, exited_from=first, exited_to=last, by="gender")
    }
    assert everyone.rate_followed_up is not None
    assert 0.45 <= everyone.rate_followed_up <= 0.55
    women, men = by_gender["female"].rate_followed_up, by_gender["male"].rate_followed_up
    assert women is not None
    assert men is not None
    assert women < men


def test_follow_ups_fall_90_days_after_the_exit_or_a_little_later(
    plans: tuple[Plan, ...],
) -> None:
    delays = [
        (plan.follow_up.on - plan.exit.on).days
        for plan in plans
        if plan.follow_up is not None and plan.exit is not None
    ]
    assert delays
    assert min(delays) == 90
    assert max(delays) <= 111
    assert statistics.mode(delays) == 90


def test_nothing_after_the_snapshot_is_recorded(plans: tuple[Plan, ...]) -> None:
    seen = D(2025, 12, 31)
    for plan in plans:
        assert plan.exit is None or plan.exit.on <= seen
        assert plan.follow_up is None or plan.follow_up.on <= seen
        assert all(item.end <= seen for item in plan.absences)


def test_most_establishment_participants_are_eligible_at_referral(
    plans: tuple[Plan, ...],
) -> None:
    people = _establishment(plans)[:1000]
    eligible = sum(check_eligibility(p.participant, on=p.referred_on).eligible for p in people)
    assert eligible / len(people) > 0.95


# -- identity numbers -----------------------------------------------------------------


def test_identity_numbers_only_when_asked(plans: tuple[Plan, ...]) -> None:
    assert all(plan.participant.identity_number is None for plan in plans)


def test_identity_numbers_are_valid_fictitious_and_agree_with_birth_and_gender() -> None:
    for plan in synthetic.caseload(1000, seed=8, identity_numbers=True):
        person = plan.participant
        number = person.identity_number
        assert number is not None
        assert IdentityNumber(number.full) == number  # the checked constructor agrees
        assert number.birth_date == person.birth_date
        assert 980 <= int(number.digits[8:11]) <= 999
        assert (int(number.digits[10]) % 2 == 1) is (person.gender is Gender.MALE)


# -- arguments and helpers ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"n": -1}, "n must be"),
        ({"n": True}, "n must be"),
        ({"n": 2.0}, "n must be"),
        ({"n": 1, "seed": "x"}, "seed must be"),
        ({"n": 1, "seed": False}, "seed must be"),
        ({"n": 1, "identity_numbers": 1}, "identity_numbers must be"),
        ({"n": 1, "referred_from": D(2025, 1, 2), "referred_to": D(2025, 1, 1)}, "before"),
        ({"n": 1, "referred_from": D(2017, 12, 31)}, "outside 2018-01-01 to 2150-12-31"),
        ({"n": 1, "referred_to": D(2151, 1, 1)}, "outside 2018-01-01 to 2150-12-31"),
    ],
)
def test_bad_arguments_are_named(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        synthetic.caseload(**arguments)  # type: ignore[arg-type]


def test_years_before_moves_29_february_to_28_february_in_a_common_year() -> None:
    assert years_before(D(2024, 2, 29), 18) == D(2006, 2, 28)
    assert years_before(D(2024, 2, 29), 20) == D(2004, 2, 29)


def test_make_refuses_a_value_missing_a_field_without_a_plain_default() -> None:
    from handlingsplan import Activity

    with pytest.raises(TypeError, match="Activity needs"):
        make(Activity, id="a", kind=ActivityKind.SFI)


def test_made_values_equal_checked_ones() -> None:
    plan = synthetic.caseload(1, seed=1)[0]
    assert attrs.evolve(plan) == plan
