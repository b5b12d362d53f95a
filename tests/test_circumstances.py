"""Referral hindrances as values (Förordning 2017:820 5 §): model, dict form, diff, history.

A person is not referred while working full time, attending upper-secondary school, on
full-time parental benefit, on full sickness benefit or living in the Migration
Agency's asylum housing. Each such fact is a :class:`Circumstance` over a period.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given

from handlingsplan import (
    Circumstance,
    CircumstanceKind,
    InvalidPlanError,
    Participant,
    Plan,
    Programme,
    diff,
    from_dict,
    json_schema,
    to_dict,
)
from handlingsplan import strategies as hs
from handlingsplan.history import PlanHistory

D = _dt.date

KINDS = [
    "full_time_work",
    "upper_secondary_school",
    "full_time_parental_benefit",
    "full_time_sickness_benefit",
    "asylum_housing",
]


def test_the_kinds_are_the_five_hindrances_of_the_ordinance() -> None:
    """Förordning (2017:820) 5 §: exactly five circumstances hinder a referral."""
    assert [kind.value for kind in CircumstanceKind] == KINDS


@pytest.mark.parametrize("kind", KINDS)
def test_a_closed_period_holds_on_both_ends_and_not_outside(kind: str) -> None:
    """Förordning (2017:820) 5 §: the hindrance holds from its start to its end inclusive."""
    held = Circumstance(kind=kind, start=D(2025, 3, 1), end=D(2025, 3, 31))  # type: ignore[arg-type]
    assert held.kind is CircumstanceKind(kind)
    assert type(held.start) is pendulum.Date
    assert [held.in_force(D(2025, 3, day)) for day in (1, 15, 31)] == [True, True, True]
    assert not held.in_force(D(2025, 2, 28))
    assert not held.in_force(D(2025, 4, 1))


def test_an_open_period_holds_from_its_start_on() -> None:
    """Förordning (2017:820) 5 §: a hindrance with no end still lasts."""
    held = Circumstance(kind=CircumstanceKind.ASYLUM_HOUSING, start=D(2024, 12, 31))
    assert held.end is None
    assert not held.in_force(D(2024, 12, 30))
    assert held.in_force(D(2024, 12, 31))
    assert held.in_force(D(2199, 12, 31))


def test_a_one_day_period_holds_on_that_day() -> None:
    """Förordning (2017:820) 5 §: start and end may be the same day."""
    held = Circumstance(
        kind=CircumstanceKind.FULL_TIME_WORK, start=D(2025, 1, 1), end=D(2025, 1, 1)
    )
    assert held.in_force(D(2025, 1, 1))


def test_in_force_refuses_a_datetime() -> None:
    held = Circumstance(kind=CircumstanceKind.FULL_TIME_WORK, start=D(2025, 1, 1))
    with pytest.raises(TypeError, match="day must be a date"):
        held.in_force(pendulum.datetime(2025, 1, 2, 9))


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        pytest.param(
            {"kind": "full_time_work", "start": D(2025, 3, 2), "end": D(2025, 3, 1)},
            [("end", "2025-03-01 is before start 2025-03-02")],
            id="end before start",
        ),
        pytest.param(
            {"kind": "full_time_work", "start": pendulum.datetime(2025, 3, 2, 8)},
            [("start", "expected a date, got a date-time 2025-03-02T08:00:00+00:00")],
            id="a datetime",
        ),
        pytest.param(
            {"kind": "full_time_work", "start": D(1899, 12, 31)},
            [("start", "1899-12-31 is outside the supported dates 1900-01-01 to 2199-12-31")],
            id="before the model's dates",
        ),
        pytest.param(
            {"kind": "work", "start": D(2025, 1, 1), "end": D(2200, 1, 1)},
            [
                ("kind", f"expected one of {', '.join(KINDS)}; got a string 'work'"),
                ("end", "2200-01-01 is outside the supported dates 1900-01-01 to 2199-12-31"),
            ],
            id="an unknown kind and an end after the model's dates",
        ),
    ],
)
def test_bad_circumstances_are_refused_at_their_paths(
    arguments: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    with pytest.raises(InvalidPlanError) as raised:
        Circumstance(**arguments)
    assert list(raised.value.errors) == expected


def test_a_participant_holds_circumstances_as_a_tuple() -> None:
    work = Circumstance(kind=CircumstanceKind.FULL_TIME_WORK, start=D(2025, 3, 1))
    person = Participant(id="d-1", birth_date=D(1990, 5, 17), circumstances=[work])  # type: ignore[arg-type]
    assert person.circumstances == (work,)
    assert Participant(id="d-1", birth_date=D(1990, 5, 17)).circumstances == ()


def test_a_bad_circumstance_of_a_participant_is_named_by_its_place() -> None:
    with pytest.raises(InvalidPlanError) as raised:
        Participant(id="d-1", birth_date=D(1990, 5, 17), circumstances=("full_time_work",))  # type: ignore[arg-type]
    assert [path for path, _ in raised.value.errors] == ["circumstances[0]"]
    with pytest.raises(InvalidPlanError) as raised:
        from_dict(
            {
                "id": "d-1",
                "birth_date": "1990-05-17",
                "circumstances": [
                    {"kind": "asylum_housing", "start": "2024-01-01", "end": None},
                    {"kind": "asylum_housing", "start": "2024-02-02", "end": "2024-02-01"},
                ],
            },
            Participant,
        )
    assert list(raised.value.errors) == [
        ("circumstances[1].end", "2024-02-01 is before start 2024-02-02")
    ]


# -- the dict form ---------------------------------------------------------------------

PARTICIPANT: dict[str, Any] = {"id": "d-1", "birth_date": "1990-05-17"}


def test_the_dict_form_writes_every_circumstance_with_a_null_end_when_open() -> None:
    person = Participant(
        id="d-1",
        birth_date=D(1990, 5, 17),
        circumstances=(
            Circumstance(kind=CircumstanceKind.ASYLUM_HOUSING, start=D(2024, 1, 1)),
            Circumstance(
                kind=CircumstanceKind.UPPER_SECONDARY_SCHOOL,
                start=D(2024, 8, 19),
                end=D(2025, 6, 13),
            ),
        ),
    )
    data = to_dict(person)
    assert data["circumstances"] == [
        {"kind": "asylum_housing", "start": "2024-01-01", "end": None},
        {"kind": "upper_secondary_school", "start": "2024-08-19", "end": "2025-06-13"},
    ]
    assert from_dict(data, Participant) == person


def test_a_version_2_plan_without_the_key_reads_with_no_circumstances() -> None:
    data = {
        "schema": "handlingsplan/2",
        "id": "p-1",
        "participant": dict(PARTICIPANT),
        "referred_on": "2025-01-13",
    }
    plan: Plan = from_dict(data)
    assert plan.participant.circumstances == ()
    written = to_dict(plan)
    assert written["schema"] == "handlingsplan/2"
    assert written["participant"]["circumstances"] == []


def test_the_schema_describes_circumstances_as_optional_with_an_empty_default() -> None:
    schema = json_schema(Participant)
    assert schema["properties"]["circumstances"] == {
        "type": "array",
        "items": {"$ref": "#/$defs/Circumstance"},
        "default": [],
    }
    assert "circumstances" not in schema["required"]
    assert schema["$defs"]["Circumstance"]["required"] == ["kind", "start"]
    assert schema["$defs"]["Circumstance"]["properties"]["kind"]["enum"] == KINDS


@given(hs.participants())
def test_participants_with_circumstances_round_trip_through_json(person: Participant) -> None:
    """Förordning (2017:820) 5 §: the hindrances survive the dict and JSON forms."""
    data = json.loads(json.dumps(to_dict(person)))
    assert len(data["circumstances"]) == len(person.circumstances)
    assert from_dict(data, Participant) == person


@given(hs.circumstances(min_start=D(2020, 1, 1), max_start=D(2020, 12, 31)))
def test_generated_circumstances_start_in_the_range(held: Circumstance) -> None:
    assert D(2020, 1, 1) <= held.start <= D(2020, 12, 31)
    assert held.end is None or held.start <= held.end
    assert held.in_force(held.start)


# -- diff and history ----------------------------------------------------------------------


def _plan(*circumstances: Circumstance) -> Plan:
    return Plan(
        id="p-1",
        participant=Participant(id="d-1", birth_date=D(1990, 5, 17), circumstances=circumstances),
        referred_on=D(2025, 2, 3),
        programme=Programme.ESTABLISHMENT,
    )


WORK = Circumstance(kind=CircumstanceKind.FULL_TIME_WORK, start=D(2025, 3, 1))
WORK_ENDED = attrs.evolve(WORK, end=D(2025, 8, 31))


def test_a_new_circumstance_is_a_change_of_the_participant() -> None:
    old, new = _plan(), _plan(WORK)
    change = diff(old, new)
    assert [c.field for c in change.participant] == ["circumstances"]
    assert change.apply(old) == new
    assert change.render("en") == (
        "Participant: circumstances changed from none to full_time_work, 2025-03-01 to open",
    )
    assert change.render("sv") == (
        "Deltagaren: circumstances ändrades från inget till heltidsarbete, 2025-03-01–tills vidare",
    )
    assert change.to_dict()["participant"] == [
        {
            "field": "circumstances",
            "old": [],
            "new": [{"kind": "full_time_work", "start": "2025-03-01", "end": None}],
        }
    ]


def test_a_history_records_a_circumstance_ending() -> None:
    history = PlanHistory.begin(_plan(WORK), recorded_on=D(2025, 3, 3)).append(
        _plan(WORK_ENDED), recorded_on=D(2025, 9, 1)
    )
    (change,) = history.diffs()
    assert change.render("en") == (
        "Participant: circumstances changed from full_time_work, 2025-03-01 to open "
        "to full_time_work, 2025-03-01 to 2025-08-31",
    )
    assert change.apply(history.revisions[0].plan) == history.latest
    assert history.as_recorded_on(D(2025, 8, 31)) == _plan(WORK)
    assert from_dict(to_dict(history), PlanHistory) == history
