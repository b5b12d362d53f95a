"""Tests for :mod:`handlingsplan.serialization`: lossless, strict, every problem named."""

from __future__ import annotations

import datetime as _dt
import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlingsplan import (
    SCHEMA,
    Activity,
    ActivityKind,
    Exit,
    ExitReason,
    FollowUp,
    Gender,
    IdentityNumber,
    Interruption,
    InterruptionReason,
    InvalidPlanError,
    Milestone,
    MilestoneKind,
    OutcomeStatus,
    Participant,
    Permit,
    PermitKind,
    Plan,
    from_dict,
    to_dict,
)
from handlingsplan import strategies as hs

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "example-plan.json"

Key = str | int
"""One step into a dict form: a key of an object or an index of a list."""


def plan_dict() -> dict[str, Any]:
    """The dict form of a plan with every part present, built here rather than read."""
    plan = Plan(
        id="plan-1",
        participant=Participant(
            id="deltagare-1",
            birth_date=_dt.date(1985, 7, 9),
            gender=Gender.FEMALE,
            identity_number=IdentityNumber("19850709-9805"),
            first_registered_on=_dt.date(2024, 11, 4),
            permit=Permit(kind=PermitKind.REFUGEE, granted_on=_dt.date(2024, 10, 1)),
        ),
        referred_on=_dt.date(2025, 1, 13),
        plan_made_on=_dt.date(2025, 2, 3),
        activities=(
            Activity(
                id="sfi-1",
                kind=ActivityKind.SFI,
                start=_dt.date(2025, 2, 10),
                end=_dt.date(2025, 12, 19),
                hours_per_week=15,
            ),
            Activity(
                id="so-1",
                kind=ActivityKind.CIVIC_ORIENTATION,
                start=_dt.date(2025, 3, 3),
                end=_dt.date(2025, 6, 13),
                hours_per_week=8.5,
            ),
            Activity(
                id="praktik-1",
                kind=ActivityKind.WORK_EXPERIENCE,
                start=_dt.date(2025, 8, 18),
                end=_dt.date(2025, 11, 28),
                hours_per_week=17,
            ),
        ),
        milestones=(
            Milestone(
                id="ms-1", kind=MilestoneKind.LANGUAGE, title="SFI C", due=_dt.date(2025, 12, 19)
            ),
        ),
        interruptions=(
            Interruption(
                start=_dt.date(2025, 4, 1),
                end=_dt.date(2025, 4, 30),
                reason=InterruptionReason.SICKNESS,
            ),
            Interruption(
                start=_dt.date(2025, 6, 1),
                end=_dt.date(2025, 6, 30),
                reason=InterruptionReason.PARENTAL_BENEFIT,
            ),
        ),
        exit=Exit(on=_dt.date(2026, 1, 30), reason=ExitReason.EMPLOYMENT),
        follow_up=FollowUp(on=_dt.date(2026, 4, 30), status=OutcomeStatus.WORK),
    )
    return to_dict(plan)


def put(data: Any, steps: tuple[Key, ...], value: object) -> None:
    """Set the value at ``steps`` inside ``data``."""
    for step in steps[:-1]:
        data = data[step]
    data[steps[-1]] = value


def remove(data: Any, steps: tuple[Key, ...]) -> None:
    """Delete the key at ``steps`` inside ``data``."""
    for step in steps[:-1]:
        data = data[step]
    del data[steps[-1]]


def refusal(data: object, cls: type[Any] = Plan) -> tuple[tuple[str, str], ...]:
    """The problems ``from_dict`` names for ``data``; fails if it reads the data."""
    with pytest.raises(InvalidPlanError) as info:
        from_dict(data, cls)  # type: ignore[arg-type]
    return info.value.errors


def paths(data: object, cls: type[Any] = Plan) -> list[str]:
    return [path for path, _ in refusal(data, cls)]


# -- the shared example and round trips ------------------------------------------


def test_the_shared_example_plan_loads_and_writes_back_as_version_2() -> None:
    if not EXAMPLE.exists():
        pytest.skip(f"{EXAMPLE} is not present")
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    plan: Plan = from_dict(data)
    assert isinstance(plan, Plan)
    defaults: dict[str, Any] = {
        "participation_reason": None,
        "participation_changes": [],
        "absences": [],
    }
    # A /2 dict written before circumstances existed reads with none.
    participant = {**data["participant"], "circumstances": []}
    assert to_dict(plan) == {
        **data,
        **defaults,
        "participant": participant,
        "schema": "handlingsplan/2",
    }


def test_a_plan_with_every_part_writes_back_unchanged() -> None:
    data = plan_dict()
    assert to_dict(from_dict(data)) == data


@given(hs.plans())
def test_a_plan_reads_back_equal_from_its_dict(plan: Plan) -> None:
    assert from_dict(to_dict(plan)) == plan


@given(hs.plans())
def test_a_plans_dict_survives_json_unchanged(plan: Plan) -> None:
    data = to_dict(plan)
    text = json.dumps(data, allow_nan=False)
    assert json.loads(text) == data
    assert from_dict(json.loads(text)) == plan


@given(hs.participants())
def test_a_participant_reads_back_equal_from_its_dict(participant: Participant) -> None:
    data = to_dict(participant)
    assert from_dict(json.loads(json.dumps(data, allow_nan=False)), Participant) == participant


@given(hs.activities())
def test_an_activity_reads_back_equal_from_its_dict(activity: Activity) -> None:
    data = to_dict(activity)
    assert from_dict(json.loads(json.dumps(data, allow_nan=False)), Activity) == activity


@given(
    st.one_of(
        hs.milestones(),
        hs.interruptions(),
        hs.permits(),
        hs.exits(),
        hs.follow_ups(),
    )
)
def test_every_other_part_reads_back_equal_from_its_dict(
    part: Milestone | Interruption | Permit | Exit | FollowUp,
) -> None:
    data = to_dict(part)
    assert from_dict(json.loads(json.dumps(data, allow_nan=False)), type(part)) == part


def test_an_identity_number_is_written_in_full_and_read_back_equal() -> None:
    participant = Participant(
        id="d-1",
        birth_date=_dt.date(1985, 7, 9),
        identity_number=IdentityNumber("198507699802"),  # samordningsnummer
    )
    data = to_dict(participant)
    assert data["identity_number"] == "19850769-9802"
    assert from_dict(data, Participant) == participant


def test_dates_are_written_as_iso_strings_and_enums_as_their_values() -> None:
    data = plan_dict()
    assert data["referred_on"] == "2025-01-13"
    assert data["programme"] == "establishment"
    assert data["activities"][1]["hours_per_week"] == 8.5
    assert data["follow_up"] == {"on": "2026-04-30", "status": "work"}


def test_to_dict_of_a_value_that_is_not_a_model_value_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="to_dict takes a model value, not int"):
        to_dict(5)


def test_to_dict_of_a_plain_dict_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        to_dict({"id": "plan-1"})


# -- the schema key and field names ------------------------------------------------


def test_a_plans_dict_carries_the_schema_version() -> None:
    assert SCHEMA == "handlingsplan/2"
    assert plan_dict()["schema"] == "handlingsplan/2"


def test_a_version_1_dict_is_read_with_the_new_parts_at_their_defaults() -> None:
    data = plan_dict()
    data["schema"] = "handlingsplan/1"
    for key in ("participation_reason", "participation_changes", "absences"):
        del data[key]
    plan: Plan = from_dict(data)
    assert plan.participation_changes == ()
    assert plan.absences == ()
    assert plan.participation_reason is None
    assert to_dict(plan) == plan_dict()


def test_a_version_1_dict_with_new_keys_is_read_like_a_version_2_one() -> None:
    data = {**plan_dict(), "schema": "handlingsplan/1"}
    data["participation_changes"] = [{"on": "2025-06-02", "percent": 50, "reason": "childcare"}]
    assert from_dict(data).participation_on(_dt.date(2025, 6, 2)) == 50


def test_the_parts_of_a_plan_carry_no_schema_key() -> None:
    data = plan_dict()
    assert "schema" not in data["participant"]
    assert all("schema" not in activity for activity in data["activities"])


def test_a_plan_without_the_schema_key_loads() -> None:
    data = plan_dict()
    del data["schema"]
    assert to_dict(from_dict(data)) == plan_dict()


@pytest.mark.parametrize("schema", ["handlingsplan/3", "handlingsplan/1 ", "", None, 1, ["x"]])
def test_any_other_schema_is_refused_with_the_path_schema(schema: object) -> None:
    data = plan_dict()
    data["schema"] = schema
    assert paths(data) == ["schema"]


def test_a_bad_schema_is_reported_beside_the_other_problems() -> None:
    data = plan_dict()
    data["schema"] = "handlingsplan/0"
    data["id"] = 17
    assert paths(data) == ["schema", "id"]


def test_the_schema_key_is_unknown_in_a_participant() -> None:
    data = {**plan_dict()["participant"], "schema": SCHEMA}
    assert refusal(data, Participant) == (("schema", "unknown field"),)


@pytest.mark.parametrize(
    ("cls", "steps"),
    [
        (Plan, ()),
        (Participant, ("participant",)),
        (Permit, ("participant", "permit")),
        (Activity, ("activities", 0)),
        (Milestone, ("milestones", 0)),
        (Interruption, ("interruptions", 0)),
        (Exit, ("exit",)),
        (FollowUp, ("follow_up",)),
    ],
)
def test_field_names_in_the_dict_are_the_attribute_names(
    cls: type[Any], steps: tuple[Key, ...]
) -> None:
    data: Any = plan_dict()
    for step in steps:
        data = data[step]
    names = set(data) - ({"schema"} if cls is Plan else set())
    assert names == {field.name for field in attrs.fields(cls)}


# -- strictness: each bad value is refused with its exact path ------------------------


@pytest.mark.parametrize(
    ("steps", "value", "path"),
    [
        pytest.param(("referred_on",), "2025-01-13T00:00", "referred_on", id="datetime string"),
        pytest.param(("referred_on",), "2025-01-13 00:00:00", "referred_on", id="datetime space"),
        pytest.param(("referred_on",), "20250113", "referred_on", id="basic format"),
        pytest.param(("referred_on",), "2025-W03-1", "referred_on", id="week date"),
        pytest.param(("referred_on",), "2025-013", "referred_on", id="ordinal date"),
        pytest.param(("referred_on",), "2025-1-13", "referred_on", id="no zero padding"),
        pytest.param(("referred_on",), " 2025-01-13", "referred_on", id="leading space"),
        pytest.param(("referred_on",), "2025-01-13\n", "referred_on", id="trailing newline"),
        pytest.param(("referred_on",), "", "referred_on", id="empty string"),
        pytest.param(("plan_made_on",), "", "plan_made_on", id="empty optional date"),
        pytest.param(("referred_on",), "2025-02-30", "referred_on", id="30 February"),
        pytest.param(("referred_on",), "2025-02-29", "referred_on", id="29 February 2025"),
        pytest.param(("referred_on",), "2025-13-01", "referred_on", id="month 13"),
        pytest.param(("referred_on",), "0000-01-01", "referred_on", id="year zero"),
        pytest.param(("referred_on",), 20250113, "referred_on", id="number for a date"),
        pytest.param(("referred_on",), None, "referred_on", id="null for a date"),
        pytest.param(
            ("activities", 0, "hours_per_week"),
            "17",
            "activities[0].hours_per_week",
            id="number as a string",
        ),
        pytest.param(
            ("activities", 0, "hours_per_week"),
            True,
            "activities[0].hours_per_week",
            id="bool for a number",
        ),
        pytest.param(
            ("participation_percent",), False, "participation_percent", id="false for a number"
        ),
        pytest.param(
            ("activities", 1, "hours_per_week"),
            169,
            "activities[1].hours_per_week",
            id="hours above 168",
        ),
        pytest.param(
            ("activities", 1, "hours_per_week"),
            -0.5,
            "activities[1].hours_per_week",
            id="negative hours",
        ),
        pytest.param(("participation_percent",), 0, "participation_percent", id="percent below 1"),
        pytest.param(("participation_percent",), float("nan"), "participation_percent", id="nan"),
        pytest.param(
            ("participation_percent",), float("inf"), "participation_percent", id="infinity"
        ),
        pytest.param(("id",), 17, "id", id="int for a string"),
        pytest.param(
            ("participant", "unaccompanied_minor"),
            None,
            "participant.unaccompanied_minor",
            id="null for a bool",
        ),
        pytest.param(
            ("activities", 0, "status"), "active ", "activities[0].status", id="enum with space"
        ),
        pytest.param(
            ("activities", 0, "hours_per_week"),
            10**400,
            "activities[0].hours_per_week",
            id="huge integer",
        ),
        pytest.param(("id",), "  ", "id", id="blank id"),
        pytest.param(
            ("activities", 2, "provider"), 5, "activities[2].provider", id="int for a text"
        ),
        pytest.param(
            ("participant", "needs_sfi"), "true", "participant.needs_sfi", id="string for bool"
        ),
        pytest.param(
            ("participant", "short_education"),
            1,
            "participant.short_education",
            id="int for bool",
        ),
        pytest.param(("activities", 0, "kind"), "SFI", "activities[0].kind", id="enum in capitals"),
        pytest.param(("participant", "gender"), "f", "participant.gender", id="unknown enum value"),
        pytest.param(("activities",), {}, "activities", id="object where a list belongs"),
        pytest.param(("milestones",), "ms-1", "milestones", id="string where a list belongs"),
        pytest.param(("participant",), [], "participant", id="list where an object belongs"),
        pytest.param(
            ("activities", 1), "so-1", "activities[1]", id="string where an object belongs"
        ),
        pytest.param(("exit",), "2026-01-30", "exit", id="string for an exit"),
        pytest.param(
            ("participant", "permit", "granted_on"),
            "2024-10-01T00:00:00Z",
            "participant.permit.granted_on",
            id="nested datetime",
        ),
        pytest.param(
            ("participant", "identity_number"),
            "850709-9805",
            "participant.identity_number",
            id="10-digit identity number",
        ),
        pytest.param(
            ("participant", "identity_number"),
            "19850709-9804",
            "participant.identity_number",
            id="wrong check digit",
        ),
        pytest.param(
            ("participant", "identity_number"),
            198507099805,
            "participant.identity_number",
            id="identity number as a number",
        ),
        pytest.param(
            ("participant", "identity_number"),
            "19900517-0004",
            "participant.identity_number",
            id="identity number for another birth date",
        ),
    ],
)
def test_a_bad_value_is_refused_with_its_exact_path(
    steps: tuple[Key, ...], value: object, path: str
) -> None:
    data = plan_dict()
    put(data, steps, value)
    assert paths(data) == [path]


def test_the_ten_digit_identity_number_is_refused_with_the_reason() -> None:
    data = plan_dict()
    data["participant"]["identity_number"] = "850709-9805"
    ((path, message),) = refusal(data)
    assert path == "participant.identity_number"
    assert "12-digit form" in message


def test_a_date_time_is_refused_with_a_message_that_shows_the_value() -> None:
    data = plan_dict()
    data["referred_on"] = "2025-01-13T00:00"
    assert refusal(data) == (
        ("referred_on", "expected a date as YYYY-MM-DD, got a date-time '2025-01-13T00:00'"),
    )


def test_an_impossible_date_is_called_not_a_real_date() -> None:
    data = plan_dict()
    data["activities"][0]["end"] = "2025-02-30"
    assert refusal(data) == (
        (
            "activities[0].end",
            "expected a date as YYYY-MM-DD, got '2025-02-30', which is not a day of the calendar",
        ),
    )


@pytest.mark.parametrize(
    ("steps", "path"),
    [
        (("activities", 0), "activities[0].colour"),
        (("participant",), "participant.colour"),
        (("participant", "permit"), "participant.permit.colour"),
        (("exit",), "exit.colour"),
        ((), "colour"),
    ],
)
def test_an_unknown_key_is_refused_naming_the_key(steps: tuple[Key, ...], path: str) -> None:
    data = plan_dict()
    put(data, (*steps, "colour"), "red")
    assert refusal(data) == ((path, "unknown field"),)


@pytest.mark.parametrize(
    ("steps", "path"),
    [
        (("id",), "id"),
        (("participant",), "participant"),
        (("referred_on",), "referred_on"),
        (("participant", "birth_date"), "participant.birth_date"),
        (("participant", "permit", "kind"), "participant.permit.kind"),
        (("activities", 1, "start"), "activities[1].start"),
        (("milestones", 0, "due"), "milestones[0].due"),
        (("interruptions", 1, "reason"), "interruptions[1].reason"),
        (("follow_up", "on"), "follow_up.on"),
    ],
)
def test_a_missing_required_key_is_refused_with_its_path(steps: tuple[Key, ...], path: str) -> None:
    data = plan_dict()
    remove(data, steps)
    assert refusal(data) == ((path, "required field is missing"),)


@pytest.mark.parametrize(
    "steps",
    [
        ("programme",),
        ("plan_made_on",),
        ("activities",),
        ("exit",),
        ("participant", "gender"),
        ("participant", "needs_sfi"),
        ("activities", 0, "status"),
        ("activities", 0, "area"),
        ("milestones", 0, "achieved_on"),
    ],
)
def test_a_key_with_a_default_may_be_left_out(steps: tuple[Key, ...]) -> None:
    data = plan_dict()
    if steps == ("exit",):
        del data["follow_up"]
    remove(data, steps)
    assert isinstance(from_dict(data), Plan)


@pytest.mark.parametrize(
    "value",
    [None, 17, "plan", ["plan"], True],
)
def test_a_plan_that_is_not_an_object_is_refused_at_the_root(value: object) -> None:
    assert paths(value) == [""]


def test_an_object_with_keys_that_are_not_strings_is_refused() -> None:
    data: dict[Any, Any] = plan_dict()
    data["participant"][1] = "x"
    assert refusal(data) == (("participant", "expected string keys, got a number 1"),)


def test_a_tuple_is_accepted_where_a_list_belongs() -> None:
    data = plan_dict()
    data["activities"] = tuple(data["activities"])
    assert to_dict(from_dict(data)) == plan_dict()


# -- several problems, cross-field invariants ---------------------------------------


def test_every_problem_in_one_payload_is_reported() -> None:
    data = plan_dict()
    data["activities"][1]["start"] = "2025-02-30"
    data["activities"][0]["colour"] = "red"
    del data["participant"]["birth_date"]
    assert sorted(paths(data)) == [
        "activities[0].colour",
        "activities[1].start",
        "participant.birth_date",
    ]


def test_problems_in_the_same_object_are_all_reported() -> None:
    data = plan_dict()
    data["activities"][2].update(start=5, hours_per_week="17", colour="red", kind="dance")
    assert sorted(paths(data)) == [
        "activities[2].colour",
        "activities[2].hours_per_week",
        "activities[2].kind",
        "activities[2].start",
    ]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        pytest.param(
            lambda d: d["activities"][1].update(end="2025-03-02"),
            "activities[1].end",
            id="activity ends before it starts",
        ),
        pytest.param(
            lambda d: d["activities"][2].update(id="sfi-1"),
            "activities[2].id",
            id="duplicate activity id",
        ),
        pytest.param(
            lambda d: d["milestones"][0].update(id="so-1"),
            "milestones[0].id",
            id="milestone id used by an activity",
        ),
        pytest.param(
            lambda d: d["interruptions"][1].update(start="2025-04-30"),
            "interruptions[1]",
            id="overlapping interruptions",
        ),
        pytest.param(
            lambda d: d["interruptions"][0].update(end="2025-03-31"),
            "interruptions[0].end",
            id="interruption ends before it starts",
        ),
        pytest.param(
            lambda d: d.update(plan_made_on="2025-01-12"),
            "plan_made_on",
            id="plan made before the referral",
        ),
        pytest.param(
            lambda d: d.update(exit={"on": "2025-01-12", "reason": "moved"}, follow_up=None),
            "exit.on",
            id="exit before the referral",
        ),
        pytest.param(
            lambda d: d.update(exit=None),
            "follow_up",
            id="follow-up without an exit",
        ),
        pytest.param(
            lambda d: d["follow_up"].update(on="2026-01-29"),
            "follow_up.on",
            id="follow-up before the exit",
        ),
        pytest.param(
            lambda d: d["participant"].update(birth_date="1985-07-10"),
            "participant.identity_number",
            id="identity number disagrees with the birth date",
        ),
    ],
)
def test_a_broken_invariant_is_refused_with_its_path(
    change: Any,
    path: str,
) -> None:
    data = plan_dict()
    change(data)
    assert paths(data) == [path]


def test_invariants_of_the_parts_read_on_their_own_have_paths_too() -> None:
    data = to_dict(
        Activity(
            id="a-1",
            kind=ActivityKind.SFI,
            start=_dt.date(2025, 1, 1),
            end=_dt.date(2025, 1, 2),
            hours_per_week=1,
        )
    )
    data["end"] = "2024-12-31"
    assert paths(data, Activity) == ["end"]


# -- bugs found while writing these tests --------------------------------------------


def test_a_date_in_non_ascii_digits_is_refused() -> None:
    data = plan_dict()
    data["referred_on"] = "٢٠٢٥-٠١-١٣"  # Arabic-Indic digits for 2025-01-13
    assert paths(data) == ["referred_on"]


def test_an_identity_number_in_non_ascii_digits_is_refused() -> None:
    data = plan_dict()
    data["participant"]["identity_number"] = "١٩٨٥٠٧٠٩-٩٨٠٥"  # 19850709-9805
    assert paths(data) == ["participant.identity_number"]


def test_an_unknown_key_that_looks_like_an_index_is_not_reported_as_one() -> None:
    data = plan_dict()
    data["activities"][0]["[0]"] = 1
    assert paths(data) == ['activities[0]["[0]"]']


def test_an_unknown_empty_key_is_reported_apart_from_its_object() -> None:
    data = plan_dict()
    data["activities"][0][""] = 1
    assert paths(data) == ['activities[0][""]']


def test_a_value_nested_too_deep_to_describe_is_refused_at_its_path() -> None:
    deep: list[Any] = []
    for _ in range(100_000):
        deep = [deep]
    data = plan_dict()
    data["activities"][0]["start"] = deep
    ((path, message),) = refusal(data)
    assert path == "activities[0].start"
    assert message == "expected a date as YYYY-MM-DD, got an array"


# -- garbage in, InvalidPlanError out ------------------------------------------------


def read(data: object) -> Plan | InvalidPlanError:
    """The plan read from ``data``, or the :class:`InvalidPlanError` refusing it."""
    try:
        plan: Plan = from_dict(data)  # type: ignore[arg-type]
    except InvalidPlanError as error:
        return error
    return plan


def assert_read_or_cleanly_refused(data: object) -> None:
    """``data`` reads as a plan, or is refused naming each problem at a string path."""
    result = read(data)  # any other exception fails the test
    if isinstance(result, InvalidPlanError):
        assert result.errors
        assert all(isinstance(path, str) and message for path, message in result.errors)
    else:
        assert isinstance(result, Plan)


json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)


@given(json_values)
def test_reading_any_json_value_gives_a_plan_or_an_invalid_plan_error(value: Any) -> None:
    assert_read_or_cleanly_refused(value)


@given(st.dictionaries(st.sampled_from([f.name for f in attrs.fields(Plan)]), json_values))
def test_reading_an_object_with_plan_keys_and_any_values_never_crashes(
    value: dict[str, Any],
) -> None:
    with pytest.raises(InvalidPlanError):
        from_dict(value)


def locations(data: Any, path: str = "") -> list[tuple[Any, Key, str]]:
    """Every place in ``data``: its container, its key or index, and its path."""
    found: list[tuple[Any, Key, str]] = []
    items: list[tuple[Key, str]]
    if isinstance(data, dict):
        items = [(key, f"{path}.{key}" if path else key) for key in data]
    elif isinstance(data, list):
        items = [(index, f"{path}[{index}]") for index in range(len(data))]
    else:
        return found
    for key, inner in items:
        found.append((data, key, inner))
        found.extend(locations(data[key], inner))
    return found


def objects(data: Any, path: str = "") -> list[tuple[dict[str, Any], str]]:
    """Every object (dict) in ``data`` with its path, ``data`` itself included."""
    found: list[tuple[dict[str, Any], str]] = []
    if isinstance(data, dict):
        found.append((data, path))
    for container, key, inner in locations(data, path):
        if isinstance(container[key], dict):
            found.append((container[key], inner))
    return found


@given(hs.plans(), st.data())
def test_a_plan_dict_with_one_value_replaced_reads_or_is_refused_cleanly(
    plan: Plan, data: st.DataObject
) -> None:
    mutated = to_dict(plan)
    container, key, _ = data.draw(st.sampled_from(locations(mutated)), label="location")
    container[key] = data.draw(json_values, label="value")
    assert_read_or_cleanly_refused(mutated)


@given(hs.plans(), st.data())
def test_a_plan_dict_with_one_key_or_item_deleted_reads_or_is_refused_cleanly(
    plan: Plan, data: st.DataObject
) -> None:
    mutated = to_dict(plan)
    container, key, _ = data.draw(st.sampled_from(locations(mutated)), label="location")
    del container[key]
    assert_read_or_cleanly_refused(mutated)


@given(hs.plans(), st.data())
def test_a_plan_dict_with_an_unknown_key_added_is_refused_naming_the_key(
    plan: Plan, data: st.DataObject
) -> None:
    mutated = to_dict(plan)
    target, path = data.draw(st.sampled_from(objects(mutated)), label="object")
    # A key that is not a plain name is quoted as a subscript: ["a b"], ["[0]"], [""].
    key = data.draw(st.text().filter(lambda text: text not in target), label="unknown key")
    target[key] = data.draw(json_values, label="value")
    step = (
        key
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key)
        else f"[{json.dumps(key, ensure_ascii=False)}]"
    )
    expected = step if not path else f"{path}{step}" if step[0] == "[" else f"{path}.{step}"
    assert (expected, "unknown field") in refusal(mutated)


def test_a_dict_subclass_is_read_like_a_dict() -> None:
    from collections import OrderedDict

    data = plan_dict()
    ordered = OrderedDict(data)
    ordered["participant"] = OrderedDict(data["participant"])
    assert from_dict(ordered) == from_dict(data)
