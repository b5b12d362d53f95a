"""Participation levels that change, and recorded absences.

Förordning (2017:820) 7–10 §§ (part time with a documented reason), 16–18 §§ (absences).
"""

from __future__ import annotations

import datetime as _dt
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from handlingsplan import (
    Absence,
    AbsenceReason,
    InvalidPlanError,
    Participant,
    ParticipationChange,
    ParticipationReason,
    Plan,
    from_dict,
    to_dict,
)
from handlingsplan import strategies as hs
from handlingsplan._clock import merge, subtract
from handlingsplan.model._checks import UNREADABLE, plain_items

D = _dt.date
PR = ParticipationReason
AR = AbsenceReason


def plan(**changes: Any) -> Plan:
    base = Plan(
        id="p-1",
        referred_on=D(2026, 2, 2),
        participant=Participant(id="d-1", birth_date=D(1990, 5, 17)),
    )
    return attrs.evolve(base, **changes)


def problems(build: Any) -> tuple[tuple[str, str], ...]:
    with pytest.raises(InvalidPlanError) as caught:
        build()
    return caught.value.errors


# -- the values -----------------------------------------------------------------------


def test_a_change_takes_its_fields_by_position_or_keyword() -> None:
    assert ParticipationChange(D(2027, 2, 2), 50, PR.CHILDCARE) == ParticipationChange(
        on=D(2027, 2, 2), percent=50, reason=PR.CHILDCARE
    )


def test_a_change_is_checked_like_the_plan_level() -> None:
    bad: Any = ("2027-02-02", 0, "holiday")
    assert problems(lambda: ParticipationChange(*bad)) == (
        ("on", "expected a date, got a string '2027-02-02'"),
        ("percent", "expected a number from 1 to 100, got 0"),
        (
            "reason",
            "expected one of sickness, parental_benefit, childcare, other; got a string 'holiday'",
        ),
    )


def test_an_absence_is_whole_days_at_full_time_by_default() -> None:
    absence = Absence(D(2026, 3, 2), D(2026, 3, 11), AR.SICKNESS)
    assert (absence.days, absence.percent, absence.full_time) == (10, 100, True)
    assert not Absence(D(2026, 3, 2), D(2026, 3, 2), AR.FAMILY_REASONS, 50).full_time


def test_an_absence_ending_before_it_starts_is_refused() -> None:
    assert problems(lambda: Absence(D(2026, 3, 2), D(2026, 3, 1), AR.OTHER, 101)) == (
        ("end", "2026-03-01 is before start 2026-03-02"),
        ("percent", "expected a number from 1 to 100, got 101"),
    )


def test_the_new_values_pickle() -> None:
    value = plan(
        participation_changes=(ParticipationChange(D(2027, 2, 2), 50, PR.CHILDCARE),),
        absences=(Absence(D(2026, 3, 2), D(2026, 3, 11), AR.SICKNESS),),
    )
    assert pickle.loads(pickle.dumps(value)) == value


# -- the plan's level over time -----------------------------------------------------


def test_the_level_in_force_follows_the_changes() -> None:
    changed = plan(
        participation_percent=75,
        participation_reason=PR.CHILDCARE,
        participation_changes=(
            ParticipationChange(D(2026, 6, 1), 50, PR.PARENTAL_BENEFIT),
            ParticipationChange(D(2027, 1, 4), 100),
        ),
    )
    assert changed.participation_reason is PR.CHILDCARE
    assert [
        changed.participation_on(day)
        for day in (D(2026, 1, 1), D(2026, 2, 2), D(2026, 5, 31), D(2026, 6, 1), D(2027, 1, 4))
    ] == [75, 75, 75, 50, 100]


def test_changes_must_be_in_date_order_from_the_start() -> None:
    early = ParticipationChange(D(2026, 1, 1), 50, PR.OTHER)
    later = ParticipationChange(D(2026, 6, 1), 50, PR.OTHER)
    assert problems(lambda: plan(participation_changes=(later, early, later))) == (
        ("participation_changes[1].on", "2026-01-01 is before the plan's start 2026-02-02"),
        (
            "participation_changes[1].on",
            "2026-01-01 is not after participation_changes[0].on 2026-06-01",
        ),
    )


def test_a_change_is_inserted_in_date_order() -> None:
    first = ParticipationChange(D(2026, 9, 1), 50, PR.SICKNESS)
    second = ParticipationChange(D(2026, 4, 1), 75, PR.CHILDCARE)
    changed = plan().with_participation_change(first).with_participation_change(second)
    assert changed.participation_changes == (second, first)


def test_a_second_change_on_a_day_is_refused_at_the_one_already_there() -> None:
    first = ParticipationChange(D(2026, 9, 1), 50, PR.SICKNESS)
    changed = plan().with_participation_change(first)
    assert problems(
        lambda: changed.with_participation_change(ParticipationChange(D(2026, 9, 1), 50))
    ) == (("participation_changes[0].on", "a change on 2026-09-01 is already recorded"),)
    assert problems(lambda: changed.with_participation_change(50)) == (  # type: ignore[arg-type]
        ("participation_changes", "expected a ParticipationChange, got a number 50"),
    )


def test_absences_with_the_same_reason_may_not_overlap() -> None:
    sick = Absence(D(2026, 3, 2), D(2026, 3, 20), AR.SICKNESS)
    child = Absence(D(2026, 3, 10), D(2026, 3, 12), AR.PARENTAL_BENEFIT)
    again = Absence(D(2026, 3, 20), D(2026, 3, 25), AR.SICKNESS)
    assert plan().with_absence(sick).with_absence(child).absences == (sick, child)
    assert problems(lambda: plan(absences=(sick, child, again))) == (
        ("absences[2]", "overlaps absences[0]"),
    )


@given(hs.plans())
def test_plans_with_changes_and_absences_round_trip(value: Plan) -> None:
    assert from_dict(to_dict(value)) == value
    day = value.participation_changes[-1].on if value.participation_changes else value.start
    assert 1 <= value.participation_on(day) <= 100


def test_plans_near_the_last_date_still_draw_changes_and_absences() -> None:
    drawn = st.lists(hs.plans(min_referred_on=D(2199, 12, 20), max_referred_on=D(2199, 12, 31)))

    @given(drawn)
    def check(values: list[Plan]) -> None:
        for value in values:
            assert all(change.on <= D(2199, 12, 31) for change in value.participation_changes)
            assert all(absence.end <= D(2199, 12, 31) for absence in value.absences)

    check()


@pytest.mark.parametrize("part", ["participation_changes", "absences", "interruptions"])
def test_a_plan_referred_on_the_last_date_has_at_most_one_of_each_part_on_it(part: str) -> None:
    # The property above draws such parts only now and then; this finds one for sure.
    # Each part starts after the one before it ends, and past the model's last date
    # there is no day, so a plan referred on that date has at most one, on that date.
    last = D(2199, 12, 31)
    plan = find(
        hs.plans(min_referred_on=last, max_referred_on=last),
        lambda value: bool(getattr(value, part)),
        settings=settings(
            max_examples=1000, database=None, derandomize=True, phases=[Phase.generate]
        ),
    )
    (only,) = getattr(plan, part)
    days = {only.on} if part == "participation_changes" else {only.start, only.end}
    assert days == {last}


# -- the helpers behind reading and the clock ----------------------------------------


def test_an_unreadable_field_is_a_single_placeholder() -> None:
    assert repr(UNREADABLE) == "UNREADABLE"
    assert pickle.loads(pickle.dumps(UNREADABLE)) is UNREADABLE


def test_subclassed_sequences_and_strings_are_read_as_plain_ones() -> None:
    class Items(list):  # type: ignore[type-arg]
        def __iter__(self) -> Any:
            raise RuntimeError("not trusted")

    class Pair(tuple):  # type: ignore[type-arg]
        pass

    class Name(str):
        pass

    pair = (1, 2)
    assert plain_items(pair) is pair
    assert plain_items(Items([1, 2])) == (1, 2)
    assert type(plain_items(Pair((1, 2)))) is tuple
    value = plan(id=Name("p-2"), activities=Items([]))
    assert type(value.id) is str
    assert value.activities == ()


def test_periods_contained_in_others_merge_into_them() -> None:
    assert merge([(1, 10), (3, 4), (11, 12), (20, 21)]) == [(1, 12), (20, 21)]
    assert subtract([(1, 10), (20, 30)], [(0, 2), (5, 6), (25, 40)]) == [
        (3, 4),
        (7, 10),
        (20, 24),
    ]


# -- nothing before the participant's birth (issue: the duties, corrections) ---------


def test_a_referral_plan_or_activity_start_before_the_birth_date_is_refused() -> None:
    from handlingsplan import Activity, ActivityKind

    born = Participant(id="d-1", birth_date=D(2010, 6, 1))
    early = Activity(
        id="a-1",
        kind=ActivityKind.PLACEMENT,
        start=D(2010, 5, 1),
        end=D(2010, 7, 1),
        hours_per_week=10,
    )
    assert problems(
        lambda: plan(
            participant=born,
            referred_on=D(2010, 1, 4),
            plan_made_on=D(2010, 2, 1),
            activities=(early,),
        )
    ) == (
        ("referred_on", "2010-01-04 is before the participant's birth date 2010-06-01"),
        ("plan_made_on", "2010-02-01 is before the participant's birth date 2010-06-01"),
        ("activities[0].start", "2010-05-01 is before the participant's birth date 2010-06-01"),
    )
    assert plan(participant=born, referred_on=D(2010, 6, 1)).referred_on == D(2010, 6, 1)
