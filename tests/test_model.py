"""Tests for :mod:`handlingsplan.model`: structural invariants and the named changes."""

from __future__ import annotations

import datetime as _dt
import itertools
import math
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlingsplan._privacy import echo
from handlingsplan.errors import HandlingsplanError, InvalidPlanError
from handlingsplan.model import (
    DEFAULT_AREAS,
    FINAL_STATUSES,
    TRANSITIONS,
    Activity,
    ActivityKind,
    ActivityStatus,
    Area,
    Exit,
    ExitReason,
    FollowUp,
    Gender,
    IdentityNumber,
    Interruption,
    InterruptionReason,
    Milestone,
    MilestoneKind,
    OutcomeStatus,
    Participant,
    Permit,
    PermitKind,
    Plan,
    Programme,
)

Errors = tuple[tuple[str, str], ...]

S = ActivityStatus
PLANNED, ACTIVE, ON_HOLD, COMPLETED, CANCELLED = (
    S.PLANNED,
    S.ACTIVE,
    S.ON_HOLD,
    S.COMPLETED,
    S.CANCELLED,
)


def d(year: int, month: int, day: int) -> _dt.date:
    return _dt.date(year, month, day)


def naive(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> _dt.datetime:
    """A naive datetime, the kind a caller might pass where a date belongs."""
    return _dt.datetime(year, month, day, hour, minute)  # noqa: DTZ001


def pd(year: int, month: int, day: int) -> pendulum.Date:
    return pendulum.Date(year, month, day)


def one_of(cls: type[Enum], got: str) -> str:
    """The message for a value outside an enum."""
    allowed = ", ".join(str(member.value) for member in cls)
    return f"expected one of {allowed}; got {got}"


# -- builders --------------------------------------------------------------------------


def participant(**changes: Any) -> Participant:
    fields: dict[str, Any] = {"id": "d-1", "birth_date": d(1990, 5, 17)}
    fields.update(changes)
    return Participant(**fields)


def permit(**changes: Any) -> Permit:
    fields: dict[str, Any] = {"kind": PermitKind.REFUGEE, "granted_on": d(2024, 10, 1)}
    fields.update(changes)
    return Permit(**fields)


def activity(**changes: Any) -> Activity:
    fields: dict[str, Any] = {
        "id": "sfi-1",
        "kind": ActivityKind.SFI,
        "start": d(2025, 2, 10),
        "end": d(2025, 12, 19),
        "hours_per_week": 15,
    }
    fields.update(changes)
    return Activity(**fields)


def milestone(**changes: Any) -> Milestone:
    fields: dict[str, Any] = {
        "id": "m-1",
        "kind": MilestoneKind.LANGUAGE,
        "title": "SFI course B passed",
        "due": d(2025, 6, 30),
    }
    fields.update(changes)
    return Milestone(**fields)


def interruption(**changes: Any) -> Interruption:
    fields: dict[str, Any] = {
        "start": d(2025, 3, 1),
        "end": d(2025, 4, 30),
        "reason": InterruptionReason.SICKNESS,
    }
    fields.update(changes)
    return Interruption(**fields)


def exit_(**changes: Any) -> Exit:
    fields: dict[str, Any] = {"on": d(2026, 6, 30), "reason": ExitReason.EMPLOYMENT}
    fields.update(changes)
    return Exit(**fields)


def follow_up(**changes: Any) -> FollowUp:
    fields: dict[str, Any] = {"on": d(2026, 9, 28), "status": OutcomeStatus.WORK}
    fields.update(changes)
    return FollowUp(**fields)


def plan(**changes: Any) -> Plan:
    fields: dict[str, Any] = {
        "id": "p-1",
        "participant": participant(),
        "referred_on": d(2025, 1, 13),
    }
    fields.update(changes)
    return Plan(**fields)


def problems(factory: Callable[..., object], **changes: Any) -> Errors:
    """The ``(path, message)`` pairs of the error raised by ``factory(**changes)``."""
    with pytest.raises(InvalidPlanError) as info:
        factory(**changes)
    return info.value.errors


def change_problems(change: Callable[[], object]) -> Errors:
    with pytest.raises(InvalidPlanError) as info:
        change()
    return info.value.errors


# -- the error type ----------------------------------------------------------------------


def test_a_structural_problem_is_an_invalid_plan_value_and_handlingsplan_error() -> None:
    with pytest.raises(InvalidPlanError) as info:
        activity(end=d(2025, 1, 1))
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, HandlingsplanError)
    assert str(info.value) == "end: 2025-01-01 is before start 2025-02-10"


# -- Activity ------------------------------------------------------------------------------


def test_activity_defaults() -> None:
    sfi = activity()
    assert sfi.status is ActivityStatus.PLANNED
    assert sfi.provider is None
    assert sfi.area is Area.LABOUR_MARKET
    assert sfi.minors_only is False


EXPECTED_AREAS = {
    ActivityKind.SFI: Area.LABOUR_MARKET,
    ActivityKind.CIVIC_ORIENTATION: Area.PARTICIPATION,
    ActivityKind.WORK_EXPERIENCE: Area.LABOUR_MARKET,
    ActivityKind.WORK_TRAINING: Area.LABOUR_MARKET,
    ActivityKind.ENHANCED_WORK_TRAINING: Area.LABOUR_MARKET,
    ActivityKind.SHORTAGE_OCCUPATION_TRAINING: Area.LABOUR_MARKET,
    ActivityKind.VALIDATION: Area.LABOUR_MARKET,
    ActivityKind.JOB_PREPARATION: Area.LABOUR_MARKET,
    ActivityKind.JOB_SEARCH: Area.LABOUR_MARKET,
    ActivityKind.ADULT_EDUCATION: Area.LABOUR_MARKET,
    ActivityKind.UPPER_SECONDARY_INTRO: Area.LABOUR_MARKET,
    ActivityKind.HIGHER_EDUCATION: Area.LABOUR_MARKET,
    ActivityKind.HEALTH: Area.HEALTH,
    ActivityKind.HOUSING_SUPPORT: Area.HOUSING,
    ActivityKind.PLACEMENT: Area.HOUSING,
    ActivityKind.GUARDIAN_SUPPORT: Area.PARTICIPATION,
    ActivityKind.OTHER: Area.PARTICIPATION,
}


def test_every_activity_kind_has_an_expected_area() -> None:
    assert set(EXPECTED_AREAS) == set(ActivityKind)
    assert dict(DEFAULT_AREAS) == EXPECTED_AREAS


def test_default_areas_cannot_be_changed() -> None:
    areas: Any = DEFAULT_AREAS
    with pytest.raises(TypeError):
        areas[ActivityKind.SFI] = Area.HEALTH


@pytest.mark.parametrize(("kind", "area"), EXPECTED_AREAS.items(), ids=lambda v: str(v))
def test_an_activity_without_an_area_takes_its_kinds_area(kind: ActivityKind, area: Area) -> None:
    assert activity(kind=kind).area is area
    assert activity(kind=kind.value).area is area


@pytest.mark.parametrize("kind", list(ActivityKind), ids=str)
def test_only_guardian_support_is_minors_only_by_default(kind: ActivityKind) -> None:
    """Lag (2005:429): a god man's task ends at 18; placements may run past 18 (LVU 3 §)."""
    expected = kind is ActivityKind.GUARDIAN_SUPPORT
    assert activity(kind=kind).minors_only is expected
    assert activity(kind=kind.value).minors_only is expected


def test_minors_only_and_area_can_be_given() -> None:
    placement = activity(kind="placement", minors_only=True, area="participation")
    assert placement.minors_only is True
    assert placement.area is Area.PARTICIPATION
    assert activity(kind="guardian_support", minors_only=False).minors_only is False


def test_activity_strings_are_normalised_to_enums_and_dates_to_pendulum() -> None:
    sfi = activity(kind="sfi", status="active", area="health")
    assert sfi.kind is ActivityKind.SFI
    assert sfi.status is ActivityStatus.ACTIVE
    assert sfi.area is Area.HEALTH
    assert type(sfi.start) is pendulum.Date
    assert type(sfi.end) is pendulum.Date
    assert sfi == activity(
        start=pd(2025, 2, 10), end=pd(2025, 12, 19), status=ACTIVE, area="health"
    )


def test_a_pendulum_date_is_kept_as_it_is() -> None:
    start = pd(2025, 2, 10)
    assert activity(start=start).start is start


def test_an_activity_may_start_and_end_on_the_same_day() -> None:
    one_day = activity(start=d(2025, 2, 10), end=d(2025, 2, 10))
    assert one_day.days == 1


def test_activity_ending_before_it_starts_is_refused() -> None:
    assert problems(activity, start=d(2025, 2, 10), end=d(2025, 2, 9)) == (
        ("end", "2025-02-09 is before start 2025-02-10"),
    )


@pytest.mark.parametrize("hours", [0, 0.0, 15, 37.5, 40, 168, 168.0])
def test_hours_from_0_to_168_are_accepted(hours: float) -> None:
    assert activity(hours_per_week=hours).hours_per_week == hours


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        (-1, "expected a number from 0 to 168, got -1"),
        (-0.5, "expected a number from 0 to 168, got -0.5"),
        (168.5, "expected a number from 0 to 168, got 168.5"),
        (169, "expected a number from 0 to 168, got 169"),
        (math.nan, "expected a finite number, got nan"),
        (math.inf, "expected a finite number, got inf"),
        (-math.inf, "expected a finite number, got -inf"),
        (True, "expected a number, got a boolean true"),
        (False, "expected a number, got a boolean false"),
        ("15", "expected a number, got a string '15'"),
        (None, "expected a number, got null"),
    ],
)
def test_hours_outside_0_to_168_or_not_a_number_are_refused(hours: object, message: str) -> None:
    assert problems(activity, hours_per_week=hours) == (("hours_per_week", message),)


def test_an_enormous_int_for_hours_is_an_invalid_plan_error() -> None:
    assert problems(activity, hours_per_week=10**400) == (
        ("hours_per_week", f"expected a number from 0 to 168, got {echo(10**400)}"),
    )


@given(hours=st.floats(allow_nan=True, allow_infinity=True))
def test_hours_are_accepted_exactly_when_finite_and_between_0_and_168(hours: float) -> None:
    if math.isfinite(hours) and 0 <= hours <= 168:
        assert activity(hours_per_week=hours).hours_per_week == hours
    else:
        assert [path for path, _ in problems(activity, hours_per_week=hours)] == ["hours_per_week"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "expected a non-empty string, got a blank one"),
        ("   ", "expected a non-empty string, got a blank one"),
        (5, "expected a string, got a number 5"),
        (None, "expected a string, got null"),
    ],
)
def test_an_activity_needs_a_non_empty_string_id(value: object, message: str) -> None:
    assert problems(activity, id=value) == (("id", message),)


def test_an_activity_kind_must_be_a_known_kind() -> None:
    assert problems(activity, kind="swedish") == (
        ("kind", one_of(ActivityKind, "a string 'swedish'")),
    )
    assert problems(activity, kind=5) == (("kind", one_of(ActivityKind, "a number 5")),)


def test_a_bad_kind_with_a_given_area_reports_both_when_the_area_is_bad_too() -> None:
    assert problems(activity, kind="swedish", area="culture") == (
        ("kind", one_of(ActivityKind, "a string 'swedish'")),
        ("area", one_of(Area, "a string 'culture'")),
    )
    assert problems(activity, kind="swedish", area="health") == (
        ("kind", one_of(ActivityKind, "a string 'swedish'")),
    )


def test_an_explicit_area_of_none_is_refused() -> None:
    assert problems(activity, area=None) == (("area", one_of(Area, "null")),)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("status", "done", one_of(ActivityStatus, "a string 'done'")),
        ("status", None, one_of(ActivityStatus, "null")),
        ("provider", 7, "expected a string, got a number 7"),
        ("minors_only", "yes", "expected true or false, got a string 'yes'"),
        ("minors_only", 1, "expected true or false, got a number 1"),
        (
            "start",
            naive(2025, 2, 10, 9, 0),
            "expected a date, got a date-time 2025-02-10T09:00:00",
        ),
        (
            "start",
            pendulum.datetime(2025, 2, 10),
            "expected a date, got a date-time 2025-02-10T00:00:00+00:00",
        ),
        ("start", "2025-02-10", "expected a date, got a string '2025-02-10'"),
        ("end", None, "expected a date, got null"),
        ("end", 20251219, "expected a date, got a number 20251219"),
    ],
)
def test_activity_fields_of_the_wrong_kind_are_refused(
    field: str, value: object, message: str
) -> None:
    assert problems(activity, **{field: value}) == ((field, message),)


def test_a_provider_may_be_given_or_left_out() -> None:
    assert activity(provider="Folkuniversitetet").provider == "Folkuniversitetet"


def test_every_problem_of_an_activity_is_reported_together() -> None:
    errors = problems(
        activity,
        id="",
        kind="swedish",
        start=naive(2025, 2, 10, 9, 0),
        end="2025-12-19",
        hours_per_week=math.nan,
        status="done",
        provider=7,
        minors_only="no",
    )
    assert errors == (
        ("id", "expected a non-empty string, got a blank one"),
        ("kind", one_of(ActivityKind, "a string 'swedish'")),
        ("start", "expected a date, got a date-time 2025-02-10T09:00:00"),
        ("end", "expected a date, got a string '2025-12-19'"),
        ("hours_per_week", "expected a finite number, got nan"),
        ("status", one_of(ActivityStatus, "a string 'done'")),
        ("provider", "expected a string, got a number 7"),
        ("minors_only", "expected true or false, got a string 'no'"),
    )


def test_a_long_bad_value_is_shortened_in_the_message() -> None:
    long_text = "x" * 100
    assert problems(activity, hours_per_week=long_text) == (
        ("hours_per_week", f"expected a number, got a string {repr(long_text)[:57]}..."),
    )


def test_activity_days_covers_and_finality() -> None:
    sfi = activity(start=d(2025, 2, 10), end=d(2025, 2, 16))
    assert sfi.days == 7
    assert sfi.covers(d(2025, 2, 10))
    assert sfi.covers(d(2025, 2, 16))
    assert not sfi.covers(d(2025, 2, 9))
    assert not sfi.covers(d(2025, 2, 17))


@pytest.mark.parametrize("status", list(ActivityStatus), ids=str)
def test_only_completed_and_cancelled_are_final(status: ActivityStatus) -> None:
    assert activity(status=status).is_final is (status in (COMPLETED, CANCELLED))
    assert (status in FINAL_STATUSES) is (status in (COMPLETED, CANCELLED))


@given(
    start=st.dates(min_value=d(2000, 1, 1), max_value=d(2040, 12, 31)),
    end=st.dates(min_value=d(2000, 1, 1), max_value=d(2040, 12, 31)),
)
def test_an_activity_is_valid_exactly_when_it_does_not_end_before_it_starts(
    start: _dt.date, end: _dt.date
) -> None:
    if end < start:
        assert [path for path, _ in problems(activity, start=start, end=end)] == ["end"]
    else:
        made = activity(start=start, end=end)
        assert made.days == (end - start).days + 1
        assert made.covers(start)
        assert made.covers(end)
        assert not made.covers(start - _dt.timedelta(days=1))


# -- Milestone -----------------------------------------------------------------------------


def test_milestone_defaults_to_not_achieved() -> None:
    goal = milestone()
    assert goal.achieved_on is None
    assert not goal.achieved


def test_milestone_normalises_kind_and_dates() -> None:
    goal = milestone(kind="transition_plan", achieved_on=d(2025, 6, 1))
    assert goal.kind is MilestoneKind.TRANSITION_PLAN
    assert type(goal.due) is pendulum.Date
    assert type(goal.achieved_on) is pendulum.Date
    assert goal.achieved


def test_a_milestone_may_have_an_empty_title() -> None:
    assert milestone(title="").title == ""


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("id", "", "expected a non-empty string, got a blank one"),
        ("kind", "fluency", one_of(MilestoneKind, "a string 'fluency'")),
        ("title", None, "expected a string, got null"),
        ("due", None, "expected a date, got null"),
        (
            "due",
            naive(2025, 6, 30, 0, 0),
            "expected a date, got a date-time 2025-06-30T00:00:00",
        ),
        ("achieved_on", "2025-06-01", "expected a date, got a string '2025-06-01'"),
        (
            "achieved_on",
            naive(2025, 6, 1, 8, 0),
            "expected a date, got a date-time 2025-06-01T08:00:00",
        ),
    ],
)
def test_milestone_fields_of_the_wrong_kind_are_refused(
    field: str, value: object, message: str
) -> None:
    assert problems(milestone, **{field: value}) == ((field, message),)


# -- Interruption ----------------------------------------------------------------------


def test_interruption_normalises_and_counts_days() -> None:
    """Förordning (2017:820) 20 §: a period outside the programme, both ends included."""
    pause = interruption(reason="parental_benefit")
    assert pause.reason is InterruptionReason.PARENTAL_BENEFIT
    assert type(pause.start) is pendulum.Date
    assert pause.days == 61


def test_interruption_ending_before_it_starts_is_refused() -> None:
    assert problems(interruption, start=d(2025, 3, 1), end=d(2025, 2, 28)) == (
        ("end", "2025-02-28 is before start 2025-03-01"),
    )


def test_every_problem_of_an_interruption_is_reported_together() -> None:
    assert problems(interruption, start="x", end=naive(2025, 1, 1), reason="holiday") == (
        ("start", "expected a date, got a string 'x'"),
        ("end", "expected a date, got a date-time 2025-01-01T00:00:00"),
        ("reason", one_of(InterruptionReason, "a string 'holiday'")),
    )


# -- Exit and FollowUp -------------------------------------------------------------------


def test_exit_normalises_its_reason_and_date() -> None:
    """Förordning (2017:820) 17-19 §§: an exit with its reason."""
    ended = exit_(reason="studies", on=pd(2026, 6, 30))
    assert ended.reason is ExitReason.STUDIES
    assert ended == exit_(reason=ExitReason.STUDIES)


def test_every_problem_of_an_exit_is_reported_together() -> None:
    assert problems(exit_, on=None, reason="retired") == (
        ("on", "expected a date, got null"),
        ("reason", one_of(ExitReason, "a string 'retired'")),
    )


def test_follow_up_normalises_its_status_and_date() -> None:
    later = follow_up(status="job_seeking")
    assert later.status is OutcomeStatus.JOB_SEEKING
    assert type(later.on) is pendulum.Date


def test_every_problem_of_a_follow_up_is_reported_together() -> None:
    assert problems(follow_up, on=naive(2026, 9, 28, 12, 0), status=None) == (
        ("on", "expected a date, got a date-time 2026-09-28T12:00:00"),
        ("status", one_of(OutcomeStatus, "null")),
    )


@pytest.mark.parametrize(
    ("status", "positive"),
    [
        (OutcomeStatus.WORK, True),
        (OutcomeStatus.STUDIES, True),
        (OutcomeStatus.WORK_AND_STUDIES, True),
        (OutcomeStatus.JOB_SEEKING, False),
        (OutcomeStatus.OTHER, False),
        (OutcomeStatus.UNKNOWN, False),
    ],
)
def test_a_follow_up_is_positive_in_work_or_studies(status: OutcomeStatus, positive: bool) -> None:
    """The programme's measure: in work or studies 90 days after exit."""
    assert follow_up(status=status).positive is positive


# -- Permit and Participant ----------------------------------------------------------------


def test_permit_defaults_and_normalisation() -> None:
    """Lag (2017:584) 2 §: a family member's application date and the anchor's reception."""
    granted = permit(
        kind="family_member", applied_on=d(2024, 1, 5), anchor_first_received_on=d(2019, 3, 1)
    )
    assert granted.kind is PermitKind.FAMILY_MEMBER
    assert type(granted.granted_on) is pendulum.Date
    assert type(granted.applied_on) is pendulum.Date
    assert type(granted.anchor_first_received_on) is pendulum.Date
    plain = permit()
    assert plain.applied_on is None
    assert plain.anchor_first_received_on is None


def test_every_problem_of_a_permit_is_reported_together() -> None:
    assert problems(
        permit,
        kind="tourist",
        granted_on=None,
        applied_on="2024-01-05",
        anchor_first_received_on=naive(2019, 3, 1),
    ) == (
        ("kind", one_of(PermitKind, "a string 'tourist'")),
        ("granted_on", "expected a date, got null"),
        ("applied_on", "expected a date, got a string '2024-01-05'"),
        ("anchor_first_received_on", "expected a date, got a date-time 2019-03-01T00:00:00"),
    )


def test_participant_defaults() -> None:
    person = participant()
    assert person.gender is None
    assert person.identity_number is None
    assert person.first_registered_on is None
    assert person.permit is None
    assert person.unaccompanied_minor is False
    assert person.short_education is False
    assert person.needs_sfi is True
    assert type(person.birth_date) is pendulum.Date


def test_participant_normalises_gender_and_dates() -> None:
    person = participant(gender="female", first_registered_on=d(2024, 11, 4), permit=permit())
    assert person.gender is Gender.FEMALE
    assert type(person.first_registered_on) is pendulum.Date
    assert person.permit == permit()


def test_participant_with_a_matching_identity_number_is_accepted() -> None:
    number = IdentityNumber("19850709-9805")
    assert participant(birth_date=d(1985, 7, 9), identity_number=number).identity_number == number


def test_identity_number_whose_birth_date_disagrees_is_refused() -> None:
    assert problems(
        participant, birth_date=d(1985, 7, 10), identity_number=IdentityNumber("19850709-9805")
    ) == (("identity_number", "its birth date 19850709 disagrees with birth_date 1985-07-10"),)


def test_identity_number_is_not_compared_with_a_bad_birth_date() -> None:
    assert problems(
        participant, birth_date="1985-07-10", identity_number=IdentityNumber("19850709-9805")
    ) == (("birth_date", "expected a date, got a string '1985-07-10'"),)


def test_every_problem_of_a_participant_is_reported_together() -> None:
    assert problems(
        participant,
        id=" ",
        birth_date=naive(1990, 5, 17, 0, 0),
        gender="f",
        identity_number="19850709-9805",
        first_registered_on=2024,
        permit="refugee",
        unaccompanied_minor=None,
        short_education="no",
        needs_sfi=1,
    ) == (
        ("id", "expected a non-empty string, got a blank one"),
        ("birth_date", "expected a date, got a date-time 1990-05-17T00:00:00"),
        ("gender", one_of(Gender, "a string 'f'")),
        ("identity_number", "expected an IdentityNumber, got a string '19850709-****'"),
        ("first_registered_on", "expected a date, got a number 2024"),
        ("permit", "expected a Permit, got a string 'refugee'"),
        ("unaccompanied_minor", "expected true or false, got null"),
        ("short_education", "expected true or false, got a string 'no'"),
        ("needs_sfi", "expected true or false, got a number 1"),
    )


# -- Plan: construction --------------------------------------------------------------------


def test_plan_defaults() -> None:
    made = plan()
    assert made.programme is Programme.ESTABLISHMENT
    assert made.plan_made_on is None
    assert made.participation_percent == 100
    assert made.activities == ()
    assert made.milestones == ()
    assert made.interruptions == ()
    assert made.exit is None
    assert made.follow_up is None
    assert type(made.referred_on) is pendulum.Date


def test_plan_normalises_programme_lists_and_dates() -> None:
    made = plan(
        programme="municipal",
        plan_made_on=d(2025, 2, 3),
        activities=[activity()],
        milestones=[milestone()],
        interruptions=[interruption()],
    )
    assert made.programme is Programme.MUNICIPAL
    assert type(made.plan_made_on) is pendulum.Date
    assert made.activities == (activity(),)
    assert made.milestones == (milestone(),)
    assert made.interruptions == (interruption(),)
    for items in (made.activities, made.milestones, made.interruptions):
        assert type(items) is tuple


def test_plan_refuses_unordered_or_one_shot_collections_and_keeps_a_tuple() -> None:
    def generate() -> Iterator[Activity]:
        yield activity(id="a-1")

    for collection in (generate(), {activity(id="a-1")}):
        with pytest.raises(InvalidPlanError, match="expected an array of Activity"):
            plan(activities=collection)
    given_tuple = (activity(),)
    assert plan(activities=given_tuple).activities is given_tuple


def test_equal_input_gives_equal_plans_whatever_the_date_type() -> None:
    plain = plan(activities=[activity()], plan_made_on=d(2025, 2, 3))
    with_pendulum = plan(
        activities=(activity(start=pd(2025, 2, 10), end=pd(2025, 12, 19)),),
        referred_on=pd(2025, 1, 13),
        plan_made_on=pd(2025, 2, 3),
    )
    assert plain == with_pendulum
    assert hash(plain) == hash(with_pendulum)


def test_plan_start_is_the_day_the_plan_was_made_or_else_the_referral() -> None:
    assert plan().start == pd(2025, 1, 13)
    assert type(plan().start) is pendulum.Date
    assert plan(plan_made_on=d(2025, 2, 3)).start == pd(2025, 2, 3)


def test_plan_made_on_the_day_of_referral_is_accepted() -> None:
    assert plan(plan_made_on=d(2025, 1, 13)).plan_made_on == pd(2025, 1, 13)


def test_plan_made_before_its_referral_is_refused_forordning_2017_820_11_par() -> None:
    """Förordning (2017:820) 11 §: the plan follows the referral and the mapping."""
    assert problems(plan, plan_made_on=d(2025, 1, 12)) == (
        ("plan_made_on", "2025-01-12 is before the referral 2025-01-13"),
    )


def test_plan_made_on_is_not_compared_with_a_bad_referral() -> None:
    assert problems(plan, referred_on=naive(2025, 1, 13, 8, 0), plan_made_on=d(2025, 1, 1)) == (
        ("referred_on", "expected a date, got a date-time 2025-01-13T08:00:00"),
    )


@pytest.mark.parametrize("percent", [1, 25, 50.5, 75, 100, 100.0])
def test_participation_from_1_to_100_percent_is_accepted_forordning_2017_820_7_par(
    percent: float,
) -> None:
    """Förordning (2017:820) 7-10 §§: full time, or part time sized to the time available."""
    assert plan(participation_percent=percent).participation_percent == percent


@pytest.mark.parametrize(
    ("percent", "message"),
    [
        (0, "expected a number from 1 to 100, got 0"),
        (0.5, "expected a number from 1 to 100, got 0.5"),
        (100.5, "expected a number from 1 to 100, got 100.5"),
        (-50, "expected a number from 1 to 100, got -50"),
        (math.nan, "expected a finite number, got nan"),
        (math.inf, "expected a finite number, got inf"),
        (True, "expected a number, got a boolean true"),
        ("50", "expected a number, got a string '50'"),
    ],
)
def test_participation_outside_1_to_100_percent_is_refused(percent: object, message: str) -> None:
    assert problems(plan, participation_percent=percent) == (("participation_percent", message),)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("id", "", "expected a non-empty string, got a blank one"),
        ("participant", "d-1", "expected a Participant, got a string 'd-1'"),
        ("participant", None, "expected a Participant, got null"),
        ("programme", "introduction", one_of(Programme, "a string 'introduction'")),
        ("referred_on", None, "expected a date, got null"),
        ("plan_made_on", "2025-02-03", "expected a date, got a string '2025-02-03'"),
        ("activities", "sfi", "expected an array of Activity, got a string 'sfi'"),
        ("activities", b"sfi", "expected an array of Activity, got a Python bytes b'sfi'"),
        ("activities", {}, "expected an array of Activity, got an object"),
        ("activities", 5, "expected an array of Activity, got a number 5"),
        ("milestones", None, "expected an array of Milestone, got null"),
        ("interruptions", 1.5, "expected an array of Interruption, got a number 1.5"),
        ("exit", "employment", "expected an Exit, got a string 'employment'"),
    ],
)
def test_plan_fields_of_the_wrong_kind_are_refused(field: str, value: object, message: str) -> None:
    assert problems(plan, **{field: value}) == ((field, message),)


def test_items_of_the_wrong_class_are_refused_by_index() -> None:
    goal = milestone()
    assert problems(plan, activities=[activity(), goal, "x"]) == (
        ("activities[1]", "expected an Activity, got a Milestone"),
        ("activities[2]", "expected an Activity, got a string 'x'"),
    )
    assert problems(plan, milestones=[None]) == (
        ("milestones[0]", "expected a Milestone, got null"),
    )
    assert problems(plan, interruptions=(7,)) == (
        ("interruptions[0]", "expected an Interruption, got a number 7"),
    )


def test_an_activity_id_repeated_among_activities_is_refused() -> None:
    assert problems(plan, activities=[activity(id="a"), activity(id="b"), activity(id="a")]) == (
        ("activities[2].id", "id 'a' is already used by activities[0]"),
    )


def test_a_milestone_id_repeated_among_milestones_is_refused() -> None:
    assert problems(plan, milestones=[milestone(id="m"), milestone(id="m")]) == (
        ("milestones[1].id", "id 'm' is already used by milestones[0]"),
    )


def test_an_id_shared_by_an_activity_and_a_milestone_is_refused() -> None:
    assert problems(plan, activities=[activity(id="x")], milestones=[milestone(id="x")]) == (
        ("milestones[0].id", "id 'x' is already used by activities[0]"),
    )


def test_every_repeat_of_an_id_is_reported() -> None:
    assert problems(
        plan,
        activities=[activity(id="x"), activity(id="x")],
        milestones=[milestone(id="x"), milestone(id="y"), milestone(id="y")],
    ) == (
        ("activities[1].id", "id 'x' is already used by activities[0]"),
        ("milestones[0].id", "id 'x' is already used by activities[0]"),
        ("milestones[2].id", "id 'y' is already used by milestones[1]"),
    )


def test_interruptions_that_touch_but_do_not_overlap_are_accepted() -> None:
    made = plan(
        interruptions=[
            interruption(start=d(2025, 3, 1), end=d(2025, 3, 31)),
            interruption(start=d(2025, 4, 1), end=d(2025, 4, 30)),
        ]
    )
    assert len(made.interruptions) == 2


def test_overlapping_interruptions_are_refused() -> None:
    """Förordning (2017:820) 20 §: a participant is outside the programme once at a time."""
    assert problems(
        plan,
        interruptions=[
            interruption(start=d(2025, 3, 1), end=d(2025, 3, 31)),
            interruption(start=d(2025, 3, 31), end=d(2025, 4, 30)),
        ],
    ) == (("interruptions[1]", "overlaps interruptions[0]"),)


def test_overlapping_interruptions_are_named_by_their_given_order() -> None:
    assert problems(
        plan,
        interruptions=[
            interruption(start=d(2025, 5, 1), end=d(2025, 5, 31)),
            interruption(start=d(2025, 3, 1), end=d(2025, 3, 31)),
            interruption(start=d(2025, 3, 15), end=d(2025, 4, 15)),
        ],
    ) == (("interruptions[2]", "overlaps interruptions[1]"),)


def test_an_interruption_inside_another_is_refused() -> None:
    assert problems(
        plan,
        interruptions=[
            interruption(start=d(2025, 3, 1), end=d(2025, 12, 31)),
            interruption(start=d(2025, 5, 1), end=d(2025, 5, 2)),
        ],
    ) == (("interruptions[1]", "overlaps interruptions[0]"),)


def _overlaps(first: tuple[_dt.date, _dt.date], second: tuple[_dt.date, _dt.date]) -> bool:
    return first[0] <= second[1] and second[0] <= first[1]


periods = st.tuples(
    st.dates(min_value=d(2025, 1, 1), max_value=d(2025, 12, 31)),
    st.integers(min_value=0, max_value=60),
).map(lambda pair: (pair[0], pair[0] + _dt.timedelta(days=pair[1])))


@given(spans=st.lists(periods, max_size=6))
def test_a_plan_is_valid_exactly_when_no_two_interruptions_overlap(
    spans: list[tuple[_dt.date, _dt.date]],
) -> None:
    pauses = [interruption(start=start, end=end) for start, end in spans]
    overlap = any(_overlaps(a, b) for a, b in itertools.combinations(spans, 2))
    if overlap:
        errors = problems(plan, interruptions=pauses)
        assert errors
        assert all(path.startswith("interruptions[") for path, _ in errors)
        assert all(message.startswith("overlaps interruptions[") for _, message in errors)
    else:
        assert len(plan(interruptions=pauses).interruptions) == len(spans)


def test_an_exit_on_the_day_of_referral_is_accepted() -> None:
    assert plan(exit=exit_(on=d(2025, 1, 13))).exit == exit_(on=d(2025, 1, 13))


def test_an_exit_before_the_referral_is_refused_forordning_2017_820_17_par() -> None:
    """Förordning (2017:820) 17 §: a participation cannot end before the referral."""
    assert problems(plan, exit=exit_(on=d(2025, 1, 12))) == (
        ("exit.on", "2025-01-12 is before the referral 2025-01-13"),
    )


def test_an_exit_is_not_compared_with_a_bad_referral() -> None:
    assert problems(plan, referred_on="2025-01-13", exit=exit_(on=d(2020, 1, 1))) == (
        ("referred_on", "expected a date, got a string '2025-01-13'"),
    )


def test_a_follow_up_after_the_exit_is_accepted() -> None:
    """The programme's measure follows up 90 days after exit."""
    made = plan(exit=exit_(on=d(2026, 6, 30)), follow_up=follow_up(on=d(2026, 9, 28)))
    assert made.follow_up == follow_up(on=d(2026, 9, 28))
    same_day = plan(exit=exit_(on=d(2026, 6, 30)), follow_up=follow_up(on=d(2026, 6, 30)))
    assert same_day.follow_up is not None


def test_a_follow_up_without_an_exit_is_refused() -> None:
    assert problems(plan, follow_up=follow_up()) == (("follow_up", "a follow-up needs an exit"),)


def test_a_follow_up_with_a_bad_exit_reports_both() -> None:
    assert problems(plan, exit="2026-06-30", follow_up=follow_up()) == (
        ("exit", "expected an Exit, got a string '2026-06-30'"),
        ("follow_up", "a follow-up needs an exit"),
    )


def test_a_follow_up_before_the_exit_is_refused() -> None:
    assert problems(
        plan, exit=exit_(on=d(2026, 6, 30)), follow_up=follow_up(on=d(2026, 6, 29))
    ) == (("follow_up.on", "2026-06-29 is before the exit 2026-06-30"),)


def test_a_follow_up_of_the_wrong_kind_is_refused() -> None:
    assert problems(plan, exit=exit_(), follow_up="work") == (
        ("follow_up", "expected a FollowUp, got a string 'work'"),
    )


def test_every_problem_of_a_plan_is_reported_together() -> None:
    errors = problems(
        plan,
        id="",
        participant=None,
        programme="x",
        plan_made_on=d(2025, 1, 1),
        participation_percent=0,
        activities=[activity(id="a"), activity(id="a")],
        milestones=[milestone(id="a")],
        interruptions=[interruption(), interruption()],
        exit=exit_(on=d(2024, 12, 31)),
        follow_up=follow_up(on=d(2024, 12, 30)),
    )
    assert errors == (
        ("id", "expected a non-empty string, got a blank one"),
        ("participant", "expected a Participant, got null"),
        ("programme", one_of(Programme, "a string 'x'")),
        ("plan_made_on", "2025-01-01 is before the referral 2025-01-13"),
        ("participation_percent", "expected a number from 1 to 100, got 0"),
        ("activities[1].id", "id 'a' is already used by activities[0]"),
        ("milestones[0].id", "id 'a' is already used by activities[0]"),
        ("interruptions[1]", "overlaps interruptions[0]"),
        ("exit.on", "2024-12-31 is before the referral 2025-01-13"),
        ("follow_up.on", "2024-12-30 is before the exit 2024-12-31"),
    )


def test_activity_and_milestone_are_found_by_id() -> None:
    made = plan(activities=[activity(id="a"), activity(id="b")], milestones=[milestone(id="m")])
    assert made.activity("b") == activity(id="b")
    assert made.milestone("m") == milestone(id="m")


def test_an_unknown_activity_or_milestone_id_is_refused() -> None:
    made = plan(activities=[activity(id="a")], milestones=[milestone(id="m")])
    assert change_problems(lambda: made.activity("m")) == (
        ("activities", "no activity with id 'm'"),
    )
    assert change_problems(lambda: made.milestone("a")) == (
        ("milestones", "no milestone with id 'a'"),
    )


# -- frozen values with slots ------------------------------------------------------------


def _instances() -> list[object]:
    return [
        activity(),
        milestone(),
        interruption(),
        exit_(),
        follow_up(),
        permit(),
        participant(),
        plan(),
    ]


@pytest.mark.parametrize("value", _instances(), ids=lambda value: type(value).__name__)
def test_every_model_class_is_frozen_and_has_slots(value: object) -> None:
    cls: Any = type(value)
    assert "__slots__" in cls.__dict__
    assert not hasattr(value, "__dict__")
    for field in attrs.fields(cls):
        before = getattr(value, field.name)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(value, field.name, before)
    unknown = "not_a_field"
    with pytest.raises((AttributeError, attrs.exceptions.FrozenInstanceError)):
        setattr(value, unknown, 1)


@pytest.mark.parametrize("value", _instances(), ids=lambda value: type(value).__name__)
def test_every_model_class_takes_keyword_arguments_only(value: object) -> None:
    cls: Any = type(value)
    values = [getattr(value, field.name) for field in attrs.fields(cls)]
    with pytest.raises(TypeError):
        cls(*values)


# -- Plan: the transitions ---------------------------------------------------------------

ALLOWED_TRANSITIONS = {
    (PLANNED, ACTIVE),
    (PLANNED, ON_HOLD),
    (PLANNED, COMPLETED),
    (PLANNED, CANCELLED),
    (ACTIVE, ON_HOLD),
    (ACTIVE, COMPLETED),
    (ACTIVE, CANCELLED),
    (ON_HOLD, ACTIVE),
    (ON_HOLD, COMPLETED),
    (ON_HOLD, CANCELLED),
}

STATUS_PAIRS = list(itertools.product(ActivityStatus, repeat=2))


def test_the_transition_table_is_the_documented_one() -> None:
    table = {(old, new) for old, targets in TRANSITIONS.items() for new in targets}
    assert table == ALLOWED_TRANSITIONS
    assert set(TRANSITIONS) == set(ActivityStatus)
    assert frozenset({COMPLETED, CANCELLED}) == FINAL_STATUSES


def _with_status(status: ActivityStatus) -> Plan:
    return plan(activities=[activity(id="other"), activity(id="a", status=status)])


@pytest.mark.parametrize(("old", "new"), STATUS_PAIRS, ids=lambda s: str(s))
def test_set_activity_status_allows_exactly_the_documented_transitions(
    old: ActivityStatus, new: ActivityStatus
) -> None:
    before = _with_status(old)
    if (old, new) in ALLOWED_TRANSITIONS:
        after = before.set_activity_status("a", new)
        assert after.activity("a").status is new
        assert after.activity("a") == activity(id="a", status=new)
        assert after.activity("other") == before.activity("other")
    else:
        assert change_problems(lambda: before.set_activity_status("a", new)) == (
            ("activities[1].status", f"cannot move from {old.value} to {new.value}"),
        )
    assert before == _with_status(old)


@pytest.mark.parametrize(("old", "new"), STATUS_PAIRS, ids=lambda s: str(s))
def test_replace_activity_allows_the_transitions_and_never_replaces_a_final_one(
    old: ActivityStatus, new: ActivityStatus
) -> None:
    before = _with_status(old)
    replacement = activity(id="a", status=new, hours_per_week=20, provider="Komvux")
    if old in (COMPLETED, CANCELLED):
        assert change_problems(lambda: before.replace_activity(replacement)) == (
            ("activities[1]", f"a {old.value} activity cannot be replaced"),
        )
    elif old == new or (old, new) in ALLOWED_TRANSITIONS:
        after = before.replace_activity(replacement)
        assert after.activities == (activity(id="other"), replacement)
    else:
        assert change_problems(lambda: before.replace_activity(replacement)) == (
            ("activities[1].status", f"cannot move from {old.value} to {new.value}"),
        )
    assert before == _with_status(old)


def test_set_activity_status_takes_a_status_string() -> None:
    after = _with_status(PLANNED).set_activity_status("a", "on_hold")
    assert after.activity("a").status is ActivityStatus.ON_HOLD


@pytest.mark.parametrize("status", ["done", "", None, 3])
def test_set_activity_status_refuses_an_unknown_status(status: object) -> None:
    bad: Any = status
    assert change_problems(lambda: _with_status(PLANNED).set_activity_status("a", bad)) == (
        ("activities[1].status", f"unknown status {status!r}"),
    )


def test_set_activity_status_refuses_an_unknown_id() -> None:
    assert change_problems(lambda: _with_status(PLANNED).set_activity_status("b", ACTIVE)) == (
        ("activities", "no activity with id 'b'"),
    )


def test_set_activity_status_keeps_the_activitys_other_fields() -> None:
    made = plan(
        activities=[activity(id="a", kind="placement", area="participation", minors_only=True)]
    )
    moved = made.set_activity_status("a", ACTIVE).activity("a")
    assert moved.area is Area.PARTICIPATION
    assert moved.minors_only is True
    assert moved.kind is ActivityKind.PLACEMENT


@pytest.mark.parametrize("old", [PLANNED, ACTIVE, ON_HOLD], ids=str)
def test_cancel_activity_cancels_a_live_activity(old: ActivityStatus) -> None:
    before = _with_status(old)
    assert before.cancel_activity("a").activity("a").status is CANCELLED
    assert before.activity("a").status is old


@pytest.mark.parametrize("old", [COMPLETED, CANCELLED], ids=str)
def test_cancel_activity_refuses_a_final_activity(old: ActivityStatus) -> None:
    assert change_problems(lambda: _with_status(old).cancel_activity("a")) == (
        ("activities[1].status", f"cannot move from {old.value} to cancelled"),
    )


def test_cancel_activity_refuses_an_unknown_id() -> None:
    assert change_problems(lambda: plan().cancel_activity("a")) == (
        ("activities", "no activity with id 'a'"),
    )


# -- Plan: the other changes -------------------------------------------------------------


def test_with_activity_adds_an_activity_and_leaves_the_original() -> None:
    before = plan(activities=[activity(id="a")])
    after = before.with_activity(activity(id="b", kind="civic_orientation"))
    assert [item.id for item in after.activities] == ["a", "b"]
    assert after.activity("b").area is Area.PARTICIPATION
    assert before.activities == (activity(id="a"),)
    assert before == plan(activities=[activity(id="a")])


def test_with_activity_refuses_a_repeated_id() -> None:
    before = plan(activities=[activity(id="a")], milestones=[milestone(id="m")])
    assert change_problems(lambda: before.with_activity(activity(id="a"))) == (
        ("activities[1].id", "id 'a' is already used by activities[0]"),
    )
    assert change_problems(lambda: before.with_activity(activity(id="m"))) == (
        ("milestones[0].id", "id 'm' is already used by activities[1]"),
    )


def test_replace_activity_refuses_an_unknown_id() -> None:
    assert change_problems(lambda: plan().replace_activity(activity(id="a"))) == (
        ("activities", "no activity with id 'a'"),
    )


def test_replace_activity_may_change_dates_and_hours() -> None:
    before = plan(activities=[activity(id="a")])
    after = before.replace_activity(activity(id="a", end=d(2026, 6, 30), hours_per_week=23))
    assert after.activity("a").end == pd(2026, 6, 30)
    assert after.activity("a").hours_per_week == 23
    assert before.activity("a") == activity(id="a")


def test_with_milestone_adds_a_milestone_and_refuses_a_repeated_id() -> None:
    before = plan(activities=[activity(id="a")])
    after = before.with_milestone(milestone(id="m"))
    assert after.milestones == (milestone(id="m"),)
    assert before.milestones == ()
    assert change_problems(lambda: after.with_milestone(milestone(id="m"))) == (
        ("milestones[1].id", "id 'm' is already used by milestones[0]"),
    )
    assert change_problems(lambda: after.with_milestone(milestone(id="a"))) == (
        ("milestones[1].id", "id 'a' is already used by activities[0]"),
    )


def test_achieve_milestone_records_the_day_as_a_pendulum_date() -> None:
    before = plan(milestones=[milestone(id="other"), milestone(id="m")])
    after = before.achieve_milestone("m", d(2025, 6, 12))
    achieved_on = after.milestone("m").achieved_on
    assert achieved_on == pd(2025, 6, 12)
    assert type(achieved_on) is pendulum.Date
    assert after.milestone("m").achieved
    assert not after.milestone("other").achieved
    assert before.milestone("m").achieved_on is None


def test_achieve_milestone_refuses_a_second_achievement() -> None:
    achieved = plan(milestones=[milestone(id="m")]).achieve_milestone("m", d(2025, 3, 1))
    assert change_problems(lambda: achieved.achieve_milestone("m", d(2025, 4, 1))) == (
        ("milestones[0].achieved_on", "already achieved on 2025-03-01"),
    )


def test_achieve_milestone_refuses_an_unknown_id() -> None:
    assert change_problems(lambda: plan().achieve_milestone("m", d(2025, 3, 1))) == (
        ("milestones", "no milestone with id 'm'"),
    )


def test_achieve_milestone_refuses_a_datetime_with_the_milestones_path() -> None:
    before = plan(milestones=[milestone(id="x"), milestone(id="m")])
    on: Any = naive(2025, 3, 1, 10, 0)
    assert change_problems(lambda: before.achieve_milestone("m", on)) == (
        ("milestones[1].achieved_on", "expected a date, got a date-time 2025-03-01T10:00:00"),
    )


def test_with_interruption_adds_one_and_refuses_an_overlap() -> None:
    before = plan(interruptions=[interruption(start=d(2025, 3, 1), end=d(2025, 3, 31))])
    after = before.with_interruption(interruption(start=d(2025, 5, 1), end=d(2025, 5, 31)))
    assert len(after.interruptions) == 2
    assert len(before.interruptions) == 1
    assert change_problems(
        lambda: after.with_interruption(interruption(start=d(2025, 3, 20), end=d(2025, 4, 10)))
    ) == (("interruptions[2]", "overlaps interruptions[0]"),)


def test_with_exit_records_the_exit_once() -> None:
    before = plan()
    after = before.with_exit(exit_(on=d(2026, 6, 30)))
    assert after.exit == exit_(on=d(2026, 6, 30))
    assert before.exit is None
    assert change_problems(lambda: after.with_exit(exit_(on=d(2026, 7, 1)))) == (
        ("exit", "the plan already exited on 2026-06-30"),
    )


def test_with_exit_refuses_an_exit_before_the_referral() -> None:
    assert change_problems(lambda: plan().with_exit(exit_(on=d(2025, 1, 1)))) == (
        ("exit.on", "2025-01-01 is before the referral 2025-01-13"),
    )


def test_with_follow_up_needs_an_exit() -> None:
    assert change_problems(lambda: plan().with_follow_up(follow_up())) == (
        ("follow_up", "a follow-up needs an exit"),
    )


def test_with_follow_up_records_the_follow_up_once() -> None:
    exited = plan().with_exit(exit_(on=d(2026, 6, 30)))
    followed = exited.with_follow_up(follow_up(on=d(2026, 9, 28)))
    assert followed.follow_up == follow_up(on=d(2026, 9, 28))
    assert exited.follow_up is None
    assert change_problems(lambda: followed.with_follow_up(follow_up(on=d(2026, 12, 27)))) == (
        ("follow_up", "the plan was already followed up on 2026-09-28"),
    )


def test_with_follow_up_refuses_a_follow_up_before_the_exit() -> None:
    exited = plan().with_exit(exit_(on=d(2026, 6, 30)))
    assert change_problems(lambda: exited.with_follow_up(follow_up(on=d(2026, 6, 1)))) == (
        ("follow_up.on", "2026-06-01 is before the exit 2026-06-30"),
    )


def test_a_chain_of_changes_leaves_every_earlier_plan_unchanged() -> None:
    first = plan()
    second = first.with_activity(activity(id="a"))
    third = second.set_activity_status("a", ACTIVE)
    fourth = third.with_milestone(milestone(id="m")).achieve_milestone("m", d(2025, 6, 1))
    fifth = fourth.with_exit(exit_()).with_follow_up(follow_up())
    assert first == plan()
    assert second.activity("a").status is PLANNED
    assert third.milestones == ()
    assert fourth.exit is None
    assert fifth.follow_up == follow_up()
    assert fifth.activity("a").status is ACTIVE
    assert fifth.milestone("m").achieved_on == pd(2025, 6, 1)
