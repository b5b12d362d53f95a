"""Tests for :mod:`handlingsplan.strategies`: valid values, awkward dates, variety."""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

from handlingsplan import (
    MAX_DATE,
    Activity,
    ActivityKind,
    ActivityStatus,
    Area,
    CircumstanceKind,
    Exit,
    FollowUp,
    IdentityNumber,
    Interruption,
    Milestone,
    Participant,
    Permit,
    PermitKind,
    Plan,
    Programme,
    _strategy_parts,
    from_dict,
    to_dict,
)
from handlingsplan import strategies as hs
from handlingsplan.dates import is_working_day

T = TypeVar("T")


def sample(strategy: st.SearchStrategy[T], count: int) -> list[T]:
    """``count`` examples of ``strategy``, the same ones on every run."""
    found: list[T] = []

    @settings(
        max_examples=count,
        database=None,
        derandomize=True,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(value: T) -> None:
        found.append(value)

    collect()
    return found


def untyped(value: object) -> Any:
    """``value`` with its type hidden from mypy, to pass a bad argument on purpose."""
    return value


def share(values: list[T], predicate: Callable[[T], bool]) -> float:
    return sum(1 for value in values if predicate(value)) / len(values)


def is_leap_day(day: _dt.date) -> bool:
    return (day.month, day.day) == (2, 29)


def is_month_end(day: _dt.date) -> bool:
    return (day + _dt.timedelta(days=1)).month != day.month


def is_midsummer_eve(day: _dt.date) -> bool:
    return day.month == 6 and 19 <= day.day <= 25 and day.weekday() == 4


def is_christmas_eve(day: _dt.date) -> bool:
    return (day.month, day.day) == (12, 24)


def is_awkward(day: _dt.date) -> bool:
    return (
        is_leap_day(day)
        or is_month_end(day)
        or is_midsummer_eve(day)
        or (day.month, day.day) in {(12, 24), (12, 31), (1, 1), (6, 6)}
    )


# -- dates ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def many_dates() -> list[pendulum.Date]:
    return sample(hs.dates(), 1000)


AWKWARD_DAYS: dict[str, tuple[Callable[[_dt.date], bool], float]] = {
    "29 February": (is_leap_day, 0.03),
    "month ends": (is_month_end, 0.10),
    "midsommarafton": (is_midsummer_eve, 0.03),
    "julafton": (is_christmas_eve, 0.03),
    "nyårsafton": (lambda day: (day.month, day.day) == (12, 31), 0.03),
    "1 January": (lambda day: (day.month, day.day) == (1, 1), 0.03),
    "6 June": (lambda day: (day.month, day.day) == (6, 6), 0.03),
}


@pytest.mark.parametrize(
    ("predicate", "at_least"), list(AWKWARD_DAYS.values()), ids=list(AWKWARD_DAYS)
)
def test_dates_over_represent_awkward_days(
    many_dates: list[pendulum.Date],
    predicate: Callable[[_dt.date], bool],
    at_least: float,
) -> None:
    # Uniform dates would give 29 February once in 1461 days, julafton once in 365.
    assert share(many_dates, predicate) >= at_least


def test_dates_still_cover_ordinary_days(many_dates: list[pendulum.Date]) -> None:
    assert share(many_dates, lambda day: not is_awkward(day)) >= 0.3


def test_dates_are_pendulum_dates(many_dates: list[pendulum.Date]) -> None:
    assert all(type(day) is pendulum.Date for day in many_dates)


def test_dates_find_29_february_in_a_range_of_years() -> None:
    day = find(
        hs.dates(min_value=_dt.date(2018, 1, 1), max_value=_dt.date(2027, 12, 31)),
        is_leap_day,
    )
    assert day.year in {2020, 2024}


@given(st.data())
def test_dates_stay_within_their_bounds(data: st.DataObject) -> None:
    first, last = _dt.date(1900, 1, 1), _dt.date(2199, 12, 31)
    low = data.draw(st.dates(first, last), label="low")
    high = data.draw(st.dates(min_value=low, max_value=last), label="high")
    day = data.draw(hs.dates(min_value=low, max_value=high), label="day")
    assert low <= day <= high
    assert type(day) is pendulum.Date


@given(hs.awkward_dates())
def test_awkward_dates_are_all_awkward(day: pendulum.Date) -> None:
    assert is_awkward(day)


@given(hs.awkward_dates(min_value=_dt.date(2005, 1, 1), max_value=_dt.date(2030, 12, 31)))
def test_the_eves_and_holidays_drawn_are_not_working_days(day: pendulum.Date) -> None:
    # 1930:173 2 §: midsommarafton, julafton and nyårsafton count as holidays; 6 June is
    # a public holiday from 2005.
    if is_midsummer_eve(day) or (day.month, day.day) in {(12, 24), (12, 31), (1, 1), (6, 6)}:
        assert not is_working_day(day)


def test_awkward_dates_fall_back_to_any_date_in_a_range_without_awkward_days() -> None:
    low, high = _dt.date(2025, 3, 3), _dt.date(2025, 3, 5)
    days = sample(hs.awkward_dates(min_value=low, max_value=high), 50)
    assert all(low <= day <= high for day in days)
    assert {day.day for day in days} == {3, 4, 5}


def test_awkward_dates_skip_29_february_when_the_range_has_no_leap_year() -> None:
    # 1900 was not a leap year: from 1900 to 1903 there is no 29 February.
    low, high = _dt.date(1900, 1, 1), _dt.date(1903, 12, 31)
    days = sample(hs.awkward_dates(min_value=low, max_value=high), 200)
    assert all(low <= day <= high for day in days)
    assert not any(is_leap_day(day) for day in days)


def test_awkward_dates_find_the_nearest_29_february_inside_the_range() -> None:
    low, high = _dt.date(2024, 3, 1), _dt.date(2028, 12, 31)
    days = sample(hs.awkward_dates(min_value=low, max_value=high), 200)
    assert pendulum.Date(2028, 2, 29) in days
    assert all(low <= day <= high for day in days)


def test_dates_reach_the_last_day_of_the_model_dates() -> None:
    low = _dt.date(2199, 12, 25)
    days = sample(hs.dates(min_value=low, max_value=MAX_DATE), 50)
    assert MAX_DATE in days


@pytest.mark.parametrize("bound", [_dt.date(1899, 12, 31), _dt.date(2200, 1, 1)])
def test_a_bound_outside_the_model_dates_is_refused(bound: _dt.date) -> None:
    with pytest.raises(ValueError, match="outside the model's dates 1900-01-01 to 2199-12-31"):
        hs.dates(min_value=bound, max_value=bound)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: hs.dates(min_value=_dt.date(2025, 1, 2), max_value=_dt.date(2025, 1, 1)),
            ValueError,
            "min_value 2025-01-02 is after max_value 2025-01-01",
        ),
        (lambda: hs.dates(min_value=untyped("2025-01-01")), TypeError, "min_value must be"),
        (
            lambda: hs.dates(max_value=_dt.datetime(2025, 1, 1, 9, 0)),  # noqa: DTZ001
            TypeError,
            "max_value must be a date, not a datetime",
        ),
        (lambda: hs.awkward_dates(min_value=untyped(None)), TypeError, "min_value must be"),
        (lambda: hs.identity_numbers(birth_date=untyped(1990)), TypeError, "birth_date must be"),
        (lambda: hs.activities(id=""), ValueError, "id must be a non-empty string"),
        (lambda: hs.milestones(id=untyped(5)), ValueError, "id must be a non-empty string"),
        (
            lambda: hs.plans(
                min_referred_on=_dt.date(2026, 1, 1), max_referred_on=_dt.date(2025, 1, 1)
            ),
            ValueError,
            "min_referred_on 2026-01-01 is after max_referred_on 2025-01-01",
        ),
        (lambda: hs.plans(participant=untyped(5)), TypeError, "participant must be a hypothesis"),
        (lambda: hs.participants(max_birth_date=untyped("x")), TypeError, "max_birth_date must be"),
        (lambda: hs.permits(min_granted_on=untyped(0)), TypeError, "min_granted_on must be"),
        (lambda: hs.interruptions(max_start=untyped(0)), TypeError, "max_start must be"),
        (lambda: hs.circumstances(min_start=untyped(0)), TypeError, "min_start must be"),
        (lambda: hs.exits(min_on=untyped(0)), TypeError, "min_on must be"),
        (lambda: hs.follow_ups(max_on=untyped(0)), TypeError, "max_on must be"),
    ],
)
def test_bad_arguments_are_refused_at_once_naming_the_argument(
    call: Callable[[], object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()


# -- identity numbers -------------------------------------------------------------


@given(hs.identity_numbers())
def test_identity_numbers_are_valid_and_read_back_from_their_full_form(
    number: IdentityNumber,
) -> None:
    assert IdentityNumber(number.full) == number
    assert IdentityNumber(number.digits) == number


@given(st.data())
def test_identity_numbers_agree_with_the_birth_date_asked_for(data: st.DataObject) -> None:
    born = data.draw(hs.dates(min_value=_dt.date(1900, 1, 1), max_value=_dt.date(2099, 12, 31)))
    number = data.draw(hs.identity_numbers(birth_date=born))
    assert number.birth_date == born


def test_identity_numbers_include_samordningsnummer_with_day_plus_60() -> None:
    number = find(hs.identity_numbers(), lambda number: number.is_coordination_number)
    assert int(number.digits[6:8]) == number.birth_date.day + 60


def test_identity_numbers_include_personnummer() -> None:
    number = find(hs.identity_numbers(), lambda number: not number.is_coordination_number)
    assert int(number.digits[6:8]) == number.birth_date.day


@pytest.mark.parametrize(
    ("payload", "check"),
    [("850709980", 5), ("850769980", 2), ("811218987", 6), ("000101000", 8)],
)
def test_the_luhn_check_digit_matches_known_numbers(payload: str, check: int) -> None:
    assert _strategy_parts._luhn_check_digit(payload) == check


def test_identity_numbers_on_29_february_are_valid() -> None:
    leap_day = _dt.date(2008, 2, 29)
    numbers = sample(hs.identity_numbers(birth_date=leap_day), 20)
    assert all(number.birth_date == leap_day for number in numbers)
    assert {number.is_coordination_number for number in numbers} == {True, False}


# -- participants and permits -----------------------------------------------------


@given(hs.participants())
def test_participants_are_valid_and_born_between_1950_and_2012(participant: Participant) -> None:
    assert attrs.evolve(participant) == participant
    assert _dt.date(1950, 1, 1) <= participant.birth_date <= _dt.date(2012, 12, 31)
    if participant.identity_number is not None:
        assert participant.identity_number.birth_date == participant.birth_date
    for day in (participant.first_registered_on, getattr(participant.permit, "granted_on", None)):
        if day is not None:
            assert day >= participant.birth_date


@given(hs.participants(min_birth_date=_dt.date(2010, 1, 1), max_birth_date=_dt.date(2010, 12, 31)))
def test_participants_can_be_narrowed_to_a_birth_year(participant: Participant) -> None:
    assert participant.birth_date.year == 2010


@pytest.fixture(scope="module")
def many_participants() -> list[Participant]:
    return sample(hs.participants(), 200)


PARTICIPANT_VARIETY: dict[str, Callable[[Participant], bool]] = {
    "no gender": lambda p: p.gender is None,
    "a gender": lambda p: p.gender is not None,
    "no identity number": lambda p: p.identity_number is None,
    "a personnummer": lambda p: (
        p.identity_number is not None and not p.identity_number.is_coordination_number
    ),
    "a samordningsnummer": lambda p: (
        p.identity_number is not None and p.identity_number.is_coordination_number
    ),
    "no permit": lambda p: p.permit is None,
    "a permit with an application date": lambda p: (
        p.permit is not None and p.permit.applied_on is not None
    ),
    "no registration date": lambda p: p.first_registered_on is None,
    "a registration date": lambda p: p.first_registered_on is not None,
    "unaccompanied without sfi": lambda p: p.unaccompanied_minor and not p.needs_sfi,
    "short education": lambda p: p.short_education,
}


@pytest.mark.parametrize(
    "predicate", list(PARTICIPANT_VARIETY.values()), ids=list(PARTICIPANT_VARIETY)
)
def test_participants_vary(
    many_participants: list[Participant], predicate: Callable[[Participant], bool]
) -> None:
    assert any(predicate(participant) for participant in many_participants)


@given(hs.permits(min_granted_on=_dt.date(2020, 1, 1), max_granted_on=_dt.date(2020, 12, 31)))
def test_permits_are_granted_within_the_range_after_any_application(permit: Permit) -> None:
    assert permit.granted_on.year == 2020
    if permit.applied_on is not None:
        assert permit.applied_on <= permit.granted_on
    if permit.anchor_first_received_on is not None:
        assert permit.anchor_first_received_on <= permit.granted_on


def test_participants_have_referral_hindrances_of_every_kind_open_and_closed() -> None:
    drawn = [c for p in sample(hs.participants(), 300) for c in p.circumstances]
    assert {c.kind for c in drawn} == set(CircumstanceKind)
    assert {c.end is None for c in drawn} == {True, False}
    assert all(
        c.start >= p.birth_date for p in sample(hs.participants(), 50) for c in p.circumstances
    )


def test_permits_have_every_kind() -> None:
    assert {permit.kind for permit in sample(hs.permits(), 300)} == set(PermitKind)


# -- activities, milestones, interruptions, exits, follow-ups ------------------------


@given(hs.activities())
def test_activities_are_valid(activity: Activity) -> None:
    assert attrs.evolve(activity) == activity
    assert activity.start <= activity.end
    assert 0 <= activity.hours_per_week <= 168
    assert _dt.date(2018, 1, 1) <= activity.start <= _dt.date(2027, 12, 31)


@given(hs.activities(id="sfi-1"))
def test_activities_take_the_id_asked_for(activity: Activity) -> None:
    assert activity.id == "sfi-1"


@given(hs.activities(min_start=_dt.date(2199, 12, 1), max_start=_dt.date(2199, 12, 31)))
def test_activities_near_the_end_of_the_model_dates_end_by_its_last_day(activity: Activity) -> None:
    assert activity.end <= MAX_DATE


@pytest.fixture(scope="module")
def many_activities() -> list[Activity]:
    return sample(hs.activities(), 1000)


ACTIVITY_VARIETY: dict[str, Callable[[Activity], bool]] = {
    "whole hours": lambda a: type(a.hours_per_week) is int,
    "fractional hours": lambda a: type(a.hours_per_week) is float,
    "no hours": lambda a: a.hours_per_week == 0,
    "no provider": lambda a: a.provider is None,
    "a provider": lambda a: a.provider is not None,
    "a single day": lambda a: a.start == a.end,
    "more than a year": lambda a: a.days > 366,
    "minors only, not guardian support": lambda a: (
        a.minors_only and a.kind is not ActivityKind.GUARDIAN_SUPPORT
    ),
    "guardian support for adults too": lambda a: (
        not a.minors_only and a.kind is ActivityKind.GUARDIAN_SUPPORT
    ),
}


@pytest.mark.parametrize("predicate", list(ACTIVITY_VARIETY.values()), ids=list(ACTIVITY_VARIETY))
def test_activities_vary(
    many_activities: list[Activity], predicate: Callable[[Activity], bool]
) -> None:
    # As for plans: the fixed sample depends on what other tests drew before, so a
    # variety it lacks is searched for (and must be found) directly.
    if not any(predicate(activity) for activity in many_activities):
        search = settings(max_examples=5000, database=None, suppress_health_check=list(HealthCheck))
        assert predicate(find(hs.activities(), predicate, settings=search))


def test_activities_have_every_kind_status_and_area(many_activities: list[Activity]) -> None:
    assert {activity.kind for activity in many_activities} == set(ActivityKind)
    assert {activity.status for activity in many_activities} == set(ActivityStatus)
    assert {activity.area for activity in many_activities} == set(Area)


@given(hs.milestones(id="ms-1"))
def test_milestones_are_valid_and_take_the_id_asked_for(milestone: Milestone) -> None:
    assert attrs.evolve(milestone) == milestone
    assert milestone.id == "ms-1"


MILESTONE_VARIETY: dict[str, Callable[[Milestone], bool]] = {
    "not achieved": lambda m: m.achieved_on is None,
    "achieved late": lambda m: m.achieved_on is not None and m.achieved_on > m.due,
    "achieved early": lambda m: m.achieved_on is not None and m.achieved_on < m.due,
    "no title": lambda m: not m.title,
}


@pytest.mark.parametrize("predicate", list(MILESTONE_VARIETY.values()), ids=list(MILESTONE_VARIETY))
def test_milestones_vary(predicate: Callable[[Milestone], bool]) -> None:
    assert any(predicate(milestone) for milestone in sample(hs.milestones(), 100))


@given(hs.interruptions(min_start=_dt.date(2024, 1, 1), max_start=_dt.date(2024, 12, 31)))
def test_interruptions_are_valid_and_start_within_the_range(interruption: Interruption) -> None:
    assert attrs.evolve(interruption) == interruption
    assert interruption.start.year == 2024
    assert interruption.start <= interruption.end


@given(hs.exits(min_on=_dt.date(2025, 1, 1), max_on=_dt.date(2025, 1, 31)))
def test_exits_fall_within_the_range(exit: Exit) -> None:
    assert (exit.on.year, exit.on.month) == (2025, 1)


@given(hs.follow_ups(min_on=_dt.date(2025, 1, 1), max_on=_dt.date(2025, 1, 31)))
def test_follow_ups_fall_within_the_range(follow_up: FollowUp) -> None:
    assert (follow_up.on.year, follow_up.on.month) == (2025, 1)


@given(hs.identifiers())
def test_identifiers_are_not_blank(identifier: str) -> None:
    assert identifier.strip()


# -- plans --------------------------------------------------------------------------


@given(hs.plans())
def test_plans_satisfy_every_invariant(plan: Plan) -> None:
    assert attrs.evolve(plan) == plan  # the constructor checks again
    ids = [item.id for item in plan.activities] + [item.id for item in plan.milestones]
    assert len(ids) == len(set(ids))
    ordered = sorted(plan.interruptions, key=lambda interruption: interruption.start)
    assert all(a.end < b.start for a, b in itertools.pairwise(ordered))
    assert _dt.date(2018, 1, 1) <= plan.referred_on <= _dt.date(2027, 12, 31)
    if plan.plan_made_on is not None:
        assert plan.plan_made_on >= plan.referred_on
    if plan.exit is not None:
        assert plan.exit.on >= plan.referred_on
    if plan.follow_up is not None:
        assert plan.exit is not None
        assert plan.follow_up.on >= plan.exit.on
    assert 1 <= plan.participation_percent <= 100


@given(hs.plans())
def test_plans_round_trip_through_their_dict_form(plan: Plan) -> None:
    assert from_dict(to_dict(plan)) == plan


@given(
    hs.plans(
        min_referred_on=_dt.date(2025, 6, 1),
        max_referred_on=_dt.date(2025, 6, 30),
        participant=hs.participants(
            min_birth_date=_dt.date(2008, 1, 1), max_birth_date=_dt.date(2008, 12, 31)
        ),
    )
)
def test_plans_can_be_narrowed_by_referral_and_participant(plan: Plan) -> None:
    assert (plan.referred_on.year, plan.referred_on.month) == (2025, 6)
    assert plan.participant.birth_date.year == 2008


@pytest.fixture(scope="module")
def many_plans() -> list[Plan]:
    return sample(hs.plans(), 300)


def _unsorted_interruptions(plan: Plan) -> bool:
    starts = [interruption.start for interruption in plan.interruptions]
    return starts != sorted(starts)


PLAN_VARIETY: dict[str, Callable[[Plan], bool]] = {
    "no exit": lambda p: p.exit is None,
    "an exit without follow-up": lambda p: p.exit is not None and p.follow_up is None,
    "a follow-up": lambda p: p.follow_up is not None,
    "a follow-up 90 days after the exit": lambda p: (
        p.exit is not None and p.follow_up is not None and (p.follow_up.on - p.exit.on).days == 90
    ),
    "a follow-up on the exit day": lambda p: (
        p.exit is not None and p.follow_up is not None and p.follow_up.on == p.exit.on
    ),
    "an exit on the referral day": lambda p: p.exit is not None and p.exit.on == p.referred_on,
    "no plan date": lambda p: p.plan_made_on is None,
    "a plan date": lambda p: p.plan_made_on is not None,
    "nothing planned": lambda p: not p.activities and not p.milestones and not p.interruptions,
    "several activities and milestones": lambda p: (
        len(p.activities) >= 3 and len(p.milestones) >= 2
    ),
    "three interruptions": lambda p: len(p.interruptions) == 3,
    "interruptions out of order": _unsorted_interruptions,
    "a fractional percentage": lambda p: type(p.participation_percent) is float,
    "a whole percentage": lambda p: type(p.participation_percent) is int,
    "an identity number": lambda p: p.participant.identity_number is not None,
    "the municipal programme": lambda p: p.programme is Programme.MUNICIPAL,
    "the establishment programme": lambda p: p.programme is Programme.ESTABLISHMENT,
    "an activity before the referral": lambda p: any(a.start < p.referred_on for a in p.activities),
    "an activity on 29 February": lambda p: any(
        is_leap_day(a.start) or is_leap_day(a.end) for a in p.activities
    ),
    "a referral on an eve": lambda p: (
        is_christmas_eve(p.referred_on) or is_midsummer_eve(p.referred_on)
    ),
}


@pytest.mark.parametrize("predicate", list(PLAN_VARIETY.values()), ids=list(PLAN_VARIETY))
def test_plans_vary(many_plans: list[Plan], predicate: Callable[[Plan], bool]) -> None:
    # The fixed sample usually has one; which plans it holds depends on what other tests
    # drew before, so a kind it lacks is searched for (and must be found) directly.
    if not any(predicate(plan) for plan in many_plans):
        search = settings(max_examples=5000, database=None, suppress_health_check=list(HealthCheck))
        assert predicate(find(hs.plans(), predicate, settings=search))


def test_the_module_docstring_names_hypothesis_as_an_optional_dependency() -> None:
    assert hs.__doc__ is not None
    assert "optional" in hs.__doc__
    assert "hypothesis" in hs.__doc__


def test_every_public_strategy_is_exported() -> None:
    exported: dict[str, Any] = {name: getattr(hs, name) for name in hs.__all__}
    assert sorted(exported) == hs.__all__
    assert all(callable(value) for value in exported.values())
