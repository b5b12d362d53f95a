"""Tests for :mod:`handlingsplan.schema`: the JSON Schema agrees with ``from_dict``.

The schema must accept everything ``to_dict`` writes, and refuse nothing that
``from_dict`` reads. The other way round it may be looser, but only where JSON
Schema cannot follow the model (:data:`KNOWN_GAPS`).
"""

from __future__ import annotations

import copy
import datetime as _dt
import json
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _profiles import examples
from handlingsplan import (
    Activity,
    ActivityKind,
    ActivityStatus,
    Area,
    Circumstance,
    Deadline,
    Exit,
    ExitReason,
    Finding,
    FollowUp,
    Gender,
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
    Programme,
    Report,
    Severity,
    evaluate,
    from_dict,
    to_dict,
)
from handlingsplan import strategies as hs
from handlingsplan._demo import DEMO_AS_OF, demo_caseload
from handlingsplan.deadlines import DeadlineKind
from handlingsplan.schema import json_schema

# The example plan of the shared design notes (example-plan.json), as a sender writes it.
EXAMPLE_PLAN: dict[str, Any] = {
    "schema": "handlingsplan/1",
    "id": "plan-0001",
    "programme": "establishment",
    "referred_on": "2025-01-13",
    "plan_made_on": "2025-02-03",
    "participation_percent": 100,
    "participant": {
        "id": "deltagare-17",
        "birth_date": "1990-05-17",
        "gender": "female",
        "identity_number": None,
        "first_registered_on": "2024-11-04",
        "permit": {
            "kind": "refugee",
            "granted_on": "2024-10-01",
            "applied_on": None,
            "anchor_first_received_on": None,
        },
        "unaccompanied_minor": False,
        "short_education": False,
        "needs_sfi": True,
    },
    "activities": [
        {
            "id": "sfi-1",
            "kind": "sfi",
            "start": "2025-02-10",
            "end": "2025-12-19",
            "hours_per_week": 15,
            "status": "active",
            "provider": "Växjö kommun, vuxenutbildningen",
            "area": "labour_market",
            "minors_only": False,
        },
        {
            "id": "so-1",
            "kind": "civic_orientation",
            "start": "2025-03-03",
            "end": "2025-06-13",
            "hours_per_week": 8,
            "status": "planned",
            "provider": "Växjö kommun, samhällsorientering",
            "area": "participation",
            "minors_only": False,
        },
        {
            "id": "praktik-1",
            "kind": "work_experience",
            "start": "2025-08-18",
            "end": "2025-11-28",
            "hours_per_week": 17,
            "status": "planned",
            "provider": "Lokal arbetsgivare via jobbagent",
            "area": "labour_market",
            "minors_only": False,
        },
    ],
    "milestones": [
        {
            "id": "ms-sfi-c",
            "kind": "language",
            "title": "SFI kurs C godkänd",
            "due": "2025-12-19",
            "achieved_on": None,
        }
    ],
    "interruptions": [],
    "exit": None,
    "follow_up": None,
}

MODEL_CLASSES: tuple[type[Any], ...] = (
    Plan,
    Participant,
    Permit,
    Activity,
    Milestone,
    Interruption,
    Exit,
    FollowUp,
    Circumstance,
)
OUTPUT_CLASSES: tuple[type[Any], ...] = (Report, Finding, Deadline)

STRATEGIES: dict[type[Any], Callable[[], st.SearchStrategy[Any]]] = {
    Plan: hs.plans,
    Participant: hs.participants,
    Permit: hs.permits,
    Activity: hs.activities,
    Milestone: hs.milestones,
    Interruption: hs.interruptions,
    Exit: hs.exits,
    FollowUp: hs.follow_ups,
    Circumstance: hs.circumstances,
}

# The characters Python's str.strip() removes; JavaScript's \s differs (see schema.py).
PYTHON_BLANKS = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())

# -- the gaps: the schema accepts, from_dict refuses ---------------------------------
# Each pair is (path, message) as regular expressions over an InvalidPlanError entry.
# JSON Schema cannot compare two values, look ids up across lists or compute a check
# digit, so these checks live in from_dict only; see the docstring of schema.py.

_DATE_FIELD = (
    r"(birth_date|first_registered_on|granted_on|applied_on|anchor_first_received_on"
    r"|referred_on|plan_made_on|start|end|due|achieved_on|on)"
)
CROSS_FIELD_GAPS: tuple[tuple[str, str], ...] = (
    # an end before its start (activities, interruptions, circumstances)
    (r"(.*\.)?end", r"\S+ is before start \S+"),
    # a plan date or an exit before the referral, a follow-up before the exit
    (r"plan_made_on|exit\.on", r"\S+ is before the referral \S+"),
    (r"follow_up\.on", r"\S+ is before the exit \S+"),
    # a change of participation level before the plan's start
    (r"participation_changes\[\d+\]\.on", r"\S+ is before the plan's start \S+"),
    # the referral, the plan or an activity start before the participant's birth
    (
        r"referred_on|plan_made_on|activities\[\d+\]\.start",
        r"\S+ is before the participant's birth date \S+",
    ),
    # participation changes out of date order
    (r"participation_changes\[\d+\]\.on", r"\S+ is not after participation_changes.*"),
    # dates outside the model's range, 1900-01-01 to 2199-12-31
    (rf"(.*\.)?{_DATE_FIELD}", r"\S+ is outside the supported dates .*"),
    # an id used twice across the activities and milestones
    (r"(activities|milestones)\[\d+\]\.id", r"id .* is already used by .*"),
    # interruptions that overlap
    (r"(interruptions|absences)\[\d+\]", r"overlaps (interruptions|absences)\[\d+\]"),
    # identity numbers: check digit or serial, a real birth date, agreement with birth_date
    (r"(participant\.)?identity_number", r"is not a valid personnummer or samordningsnummer.*"),
    (r"(participant\.)?identity_number", r"does not hold a real birth date.*"),
    (r"(participant\.)?identity_number", r"its birth date \S+ disagrees with birth_date \S+"),
)
CALENDAR_GAP: tuple[str, str] = (
    rf"(.*\.)?{_DATE_FIELD}",
    r"expected a date as YYYY-MM-DD, got '.*', which is not a day of the calendar",
)
"""Dates as YYYY-MM-DD that are no real day; closed when formats are asserted."""

KNOWN_GAPS = (*CROSS_FIELD_GAPS, CALENDAR_GAP)


def in_gaps(errors: Sequence[tuple[str, str]], gaps: Sequence[tuple[str, str]]) -> bool:
    """Whether every problem from_dict found is one of ``gaps``."""
    return all(
        any(re.fullmatch(path, found) and re.fullmatch(text, message) for path, text in gaps)
        for found, message in errors
    )


# -- helpers --------------------------------------------------------------------------


_VALIDATORS: dict[tuple[type[Any], bool], jsonschema.Draft202012Validator] = {}


def validator(cls: type[Any] = Plan, *, formats: bool = False) -> jsonschema.Draft202012Validator:
    """A validator of ``json_schema(cls)``; with ``formats``, "date" is asserted too."""
    if (cls, formats) not in _VALIDATORS:
        checker = jsonschema.Draft202012Validator.FORMAT_CHECKER if formats else None
        _VALIDATORS[cls, formats] = jsonschema.Draft202012Validator(
            json_schema(cls), format_checker=checker
        )
    return _VALIDATORS[cls, formats]


def read(payload: Any, cls: type[Any] = Plan) -> tuple[bool, tuple[tuple[str, str], ...]]:
    """Whether ``from_dict`` accepts ``payload``, and the problems it found."""
    try:
        from_dict(payload, cls)
    except InvalidPlanError as error:
        return False, error.errors
    return True, ()


def through_json(value: Any) -> Any:
    return json.loads(json.dumps(value))


# -- random JSON and mutations ---------------------------------------------------------

FIELD_NAMES = sorted(
    {field.name for cls in MODEL_CLASSES for field in attrs.fields(cls)} | {"schema"}
)

# Values near the edges of what the model reads, so that mutations often hit them.
EDGE_VALUES: tuple[Any, ...] = (
    *(member.value for enum in (ActivityKind, ActivityStatus, Area, ExitReason) for member in enum),
    *(member.value for enum in (Gender, InterruptionReason, MilestoneKind) for member in enum),
    *(member.value for enum in (OutcomeStatus, PermitKind, Programme) for member in enum),
    "SFI",
    "handlingsplan/1",
    "handlingsplan/2",
    # dates: real, on either side of the plan's dates, impossible, malformed
    "2025-01-13",
    "2025-02-10",
    "2024-02-29",
    "1990-05-17",
    "2031-12-31",
    "1999-01-01",
    "2025-02-30",
    "2023-02-29",
    "2025-13-01",
    "2025-00-10",
    "2025-01-13\n",
    "2025-01-13T00:00",
    "20250113",
    "2025-1-13",
    " 2025-01-13",
    "２０２５-０１-１３",
    # identity numbers: valid (1985-07-09, 1990-05-17), wrong check digit,
    # coordination number, the 10-digit form, a trailing newline
    "19850709-9805",
    "198507099805",
    "19900517-2383",
    "19850709-9806",
    "19850769-9802",
    "19850732-9800",
    "850709-9805",
    "19850709-9805\n",
    "1985070-99805",
    # ids: used elsewhere in the example, blank, nearly blank
    "sfi-1",
    "ms-sfi-c",
    "",
    " ",
    "\u3000",
    "\x1c",
    "\ufeff",
    " x ",
    # numbers and their look-alikes
    0,
    -0.0,
    -1,
    0.5,
    1,
    0.999,
    100,
    100.5,
    168,
    168.01,
    169,
    1e300,
    "15",
    True,
    False,
    None,
    [],
    {},
)


# Parts of a plan, valid on their own, to put where another part (or null) was.
EDGE_OBJECTS: tuple[dict[str, Any], ...] = (
    {"on": "2025-12-01", "reason": "employment"},
    {"on": "2024-12-01", "reason": "moved"},
    {"on": "2026-03-01", "status": "work"},
    {"on": "2025-06-01", "status": "unknown"},
    {"start": "2025-04-01", "end": "2025-04-30", "reason": "sickness"},
    {"start": "2025-04-20", "end": "2025-05-10", "reason": "other"},
    {"start": "2025-05-10", "end": "2025-05-01", "reason": "parental_benefit"},
    {"kind": "family_member", "granted_on": "2024-10-01", "applied_on": "2024-01-01"},
    {"id": "ms-sfi-c", "kind": "language", "title": "", "due": "2025-12-19"},
    {
        "id": "sfi-1",
        "kind": "sfi",
        "start": "2025-02-10",
        "end": "2025-12-19",
        "hours_per_week": 15,
    },
)


def json_values() -> st.SearchStrategy[Any]:
    """Any JSON value, often one from :data:`EDGE_VALUES` or a field name as a key."""
    leaves = st.one_of(
        st.sampled_from(EDGE_VALUES),
        st.sampled_from(EDGE_OBJECTS),
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=12),
    )
    keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8))
    return st.recursive(
        leaves,
        lambda children: st.one_of(
            st.lists(children, max_size=3), st.dictionaries(keys, children, max_size=3)
        ),
        max_leaves=6,
    )


Path = tuple[str | int, ...]


def paths(value: Any, here: Path = ()) -> list[Path]:
    """Every path in ``value``, the root included, parents before children."""
    found = [here]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(paths(item, (*here, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(paths(item, (*here, index)))
    return found


def at(value: Any, path: Path) -> Any:
    for step in path:
        value = value[step]
    return value


ACTIONS = ("replace", "same type", "remove", "add")


@st.composite
def mutate(draw: st.DrawFn, payload: Any, actions: Sequence[str] = ACTIONS) -> Any:
    """``payload`` with one change.

    A value replaced by any JSON value, or by one of the same JSON type (from
    :data:`EDGE_VALUES` or from elsewhere in the payload, which often keeps the
    payload valid for the schema); a key or an item removed; a key or an item added.
    """
    payload = copy.deepcopy(payload)
    every = paths(payload)
    path = draw(st.sampled_from(every))
    current = at(payload, path)
    action = draw(st.sampled_from(actions))
    if action == "remove" and path:
        del at(payload, path[:-1])[path[-1]]
        return payload
    if action == "add" and isinstance(current, dict | list):
        value = draw(json_values())
        if isinstance(current, dict):
            current[draw(st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8)))] = value
        else:
            current.insert(draw(st.integers(0, len(current))), value)
        return payload
    if action == "same type":
        pool = [*EDGE_VALUES, *EDGE_OBJECTS, *(at(payload, other) for other in every)]
        alike = [value for value in pool if current is None or shape(value) == shape(current)]
        value = draw(st.sampled_from(alike))  # never empty: current is in the pool
    else:
        value = draw(json_values())
    if not path:
        return copy.deepcopy(value)
    at(payload, path[:-1])[path[-1]] = copy.deepcopy(value)
    return payload


def shape(value: Any) -> str:
    """The JSON type of a value, telling booleans from numbers and date-like strings."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}\n?", value):
        return "date"
    if isinstance(value, str) and re.fullmatch(r"\d{6}(\d\d)?[-+]?\d{4}\n?", value):
        return "identity number"
    return type(value).__name__


@st.composite
def mutated(draw: st.DrawFn, payload: Any, actions: Sequence[str] = ACTIONS) -> Any:
    """``payload`` after one to three mutations."""
    for _ in range(draw(st.integers(1, 3))):
        payload = draw(mutate(payload, actions))
    return payload


def valid_payloads(cls: type[Any] = Plan) -> st.SearchStrategy[Any]:
    """Dict forms of generated values, through JSON; for plans, sometimes the example."""
    generated = STRATEGIES[cls]().map(to_dict).map(through_json)
    if cls is Plan:
        return st.one_of(generated, st.just(EXAMPLE_PLAN))
    return generated


def payloads(cls: type[Any] = Plan) -> st.SearchStrategy[Any]:
    """Valid dict forms, mutations of them, and mutations that keep each value's shape.

    The last often stay valid for the schema, and so reach the checks only
    ``from_dict`` makes.
    """
    return valid_payloads(cls).flatmap(
        lambda payload: st.one_of(
            st.just(payload), mutated(payload), mutated(payload, ("same type",))
        )
    )


# -- the schema itself -------------------------------------------------------------------


@pytest.mark.parametrize("cls", MODEL_CLASSES + OUTPUT_CLASSES, ids=lambda cls: cls.__name__)
def test_schema_is_a_valid_2020_12_schema(cls: type[Any]) -> None:
    schema = json_schema(cls)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"] == cls.__name__
    assert re.fullmatch(r"urn:handlingsplan:[a-z]+(-[a-z]+)*:2", schema["$id"])


def test_ids_name_the_class_and_version() -> None:
    assert json_schema()["$id"] == "urn:handlingsplan:plan:2"
    assert json_schema(Plan) == json_schema()
    assert json_schema(FollowUp)["$id"] == "urn:handlingsplan:follow-up:2"
    assert json_schema(Report)["$id"] == "urn:handlingsplan:report:2"


def test_each_call_returns_a_fresh_dict() -> None:
    first = json_schema()
    first["$defs"]["Activity"]["properties"]["hours_per_week"]["maximum"] = 1000
    first["$defs"]["Participant"]["properties"]["id"]["pattern"] = ".*"
    first["properties"]["referred_on"]["pattern"] = ".*"
    first["$defs"]["Participant"]["properties"]["identity_number"]["anyOf"][0]["not"].clear()
    second = json_schema()
    assert second is not first
    assert second == json_schema()
    assert second["$defs"]["Activity"]["properties"]["hours_per_week"]["maximum"] == 168
    assert second["properties"]["referred_on"]["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    assert second["$defs"]["Participant"]["properties"]["identity_number"]["anyOf"][0]["not"]


def test_the_schema_is_plain_json() -> None:
    for cls in MODEL_CLASSES + OUTPUT_CLASSES:
        schema = json_schema(cls)
        assert through_json(schema) == schema


def test_shape_of_the_plan_schema() -> None:
    schema = json_schema()
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["id", "participant", "referred_on"]
    assert schema["properties"]["schema"]["enum"] == ["handlingsplan/1", "handlingsplan/2"]
    assert list(schema["properties"]) == ["schema", *(f.name for f in attrs.fields(Plan))]
    assert schema["properties"]["participation_percent"] == {
        "type": "number",
        "minimum": 1,
        "maximum": 100,
        "default": 100,
    }
    assert schema["properties"]["activities"] == {
        "type": "array",
        "items": {"$ref": "#/$defs/Activity"},
        "default": [],
    }
    assert schema["properties"]["exit"] == {
        "anyOf": [{"$ref": "#/$defs/Exit"}, {"type": "null"}],
        "default": None,
    }
    assert schema["properties"]["referred_on"] == {
        "type": "string",
        "format": "date",
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        "maxLength": 10,
    }
    assert sorted(schema["$defs"]) == [
        "Absence",
        "Activity",
        "Circumstance",
        "Exit",
        "FollowUp",
        "Interruption",
        "Milestone",
        "Participant",
        "ParticipationChange",
        "Permit",
    ]
    assert schema["$defs"]["ParticipationChange"]["properties"]["percent"] == {
        "type": "number",
        "minimum": 1,
        "maximum": 100,
    }
    assert schema["$defs"]["Absence"]["required"] == ["start", "end", "reason"]


def test_shape_of_the_part_schemas() -> None:
    defs = json_schema()["$defs"]
    activity = defs["Activity"]
    assert activity["required"] == ["id", "kind", "start", "end", "hours_per_week"]
    assert activity["properties"]["hours_per_week"] == {
        "type": "number",
        "minimum": 0,
        "maximum": 168,
    }
    assert activity["properties"]["kind"]["enum"] == [kind.value for kind in ActivityKind]
    assert activity["properties"]["status"]["default"] == "planned"
    assert "default" not in activity["properties"]["area"]  # it depends on the kind
    identity = defs["Participant"]["properties"]["identity_number"]
    assert identity["anyOf"][0]["pattern"] == "^[0-9]{8}-?[0-9]{4}$"
    assert identity["anyOf"][1] == {"type": "null"}
    assert defs["Participant"]["required"] == ["id", "birth_date"]
    assert defs["Milestone"]["properties"]["title"] == {"type": "string"}  # may be empty
    for name, definition in defs.items():
        assert definition["additionalProperties"] is False, name
        assert definition["type"] == "object", name
        assert definition["title"] == name
    # a part on its own is the same as inside a plan, without the plan's "schema" key
    for cls in MODEL_CLASSES[1:]:
        alone = json_schema(cls)
        for key in ("properties", "required", "additionalProperties"):
            assert alone[key] == defs[cls.__name__][key]
        assert "schema" not in alone["properties"]


MINIMAL: dict[type[Any], dict[str, Any]] = {
    Plan: {
        "id": "p-1",
        "participant": {"id": "d-1", "birth_date": "1990-05-17"},
        "referred_on": "2025-01-13",
    },
    Participant: {"id": "d-1", "birth_date": "1990-05-17"},
    Permit: {"kind": "refugee", "granted_on": "2024-10-01"},
    Activity: {
        "id": "sfi-1",
        "kind": "sfi",
        "start": "2025-02-10",
        "end": "2025-12-19",
        "hours_per_week": 15,
    },
    Milestone: {"id": "ms-1", "kind": "language", "title": "", "due": "2025-12-19"},
    Interruption: {"start": "2025-04-01", "end": "2025-04-30", "reason": "sickness"},
    Exit: {"on": "2026-01-01", "reason": "employment"},
    FollowUp: {"on": "2026-04-01", "status": "work"},
    Circumstance: {"kind": "full_time_work", "start": "2025-03-01"},
}
"""For each model class, a payload with only the keys the schema requires."""


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_required_keys_and_defaults_are_what_from_dict_needs_and_fills_in(
    cls: type[Any],
) -> None:
    schema = json_schema(cls)
    minimal = MINIMAL[cls]
    assert list(minimal) == schema["required"]
    validator(cls, formats=True).validate(minimal)
    written = to_dict(from_dict(minimal, cls))
    for key, property_schema in schema["properties"].items():
        if "default" in property_schema:
            assert written[key] == property_schema["default"], key
    # every key left out may be left out alone; every required one may not
    for key in schema["required"]:
        short = {k: v for k, v in minimal.items() if k != key}
        assert not validator(cls).is_valid(short)
        assert not read(short, cls)[0]


@pytest.mark.parametrize("cls", OUTPUT_CLASSES, ids=lambda cls: cls.__name__)
def test_output_forms_require_every_key(cls: type[Any]) -> None:
    schema = json_schema(cls)
    assert schema["required"] == list(schema["properties"])


def test_report_properties_are_the_keys_to_dict_writes() -> None:
    reports = [evaluate(plan, as_of=DEMO_AS_OF).to_dict() for plan in demo_caseload()]
    report = next(report for report in reports if report["findings"])
    schema = json_schema(Report)
    assert sorted(schema["properties"]) == sorted(report)
    assert report["findings"]
    assert report["key_dates"]
    assert sorted(schema["$defs"]["Finding"]["properties"]) == sorted(report["findings"][0])
    assert sorted(schema["$defs"]["Deadline"]["properties"]) == sorted(report["key_dates"][0])
    assert schema["$defs"]["Finding"]["properties"]["severity"]["enum"] == [
        severity.value for severity in Severity
    ]
    assert schema["$defs"]["Deadline"]["properties"]["kind"]["enum"] == [
        kind.value for kind in DeadlineKind
    ]


def test_descriptions_are_plain_text() -> None:
    report = json_schema(Report)
    assert report["description"].startswith("The result of `evaluate`:")
    assert json_schema(Activity)["description"] == (
        "Something the participant does, from `start` to `end` inclusive."
    )


# -- valid payloads validate --------------------------------------------------------------


def test_the_example_plan_validates() -> None:
    jsonschema.validate(EXAMPLE_PLAN, json_schema())
    validator(formats=True).validate(EXAMPLE_PLAN)
    assert read(EXAMPLE_PLAN) == (True, ())


def test_the_demo_plans_and_reports_validate() -> None:
    plans = validator(formats=True)
    reports = validator(Report, formats=True)
    for plan in demo_caseload():
        plans.validate(through_json(to_dict(plan)))
        reports.validate(through_json(evaluate(plan, as_of=DEMO_AS_OF).to_dict()))


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_generated_values_validate(cls: type[Any], data: st.DataObject) -> None:
    value = data.draw(STRATEGIES[cls]())
    payload = to_dict(value)
    validator(cls, formats=True).validate(payload)
    assert list(payload) == list(json_schema(cls)["properties"])  # every key is described


@given(plan=hs.plans(), as_of=hs.dates(min_value=_dt.date(2018, 1, 1)))
def test_reports_of_generated_plans_validate(plan: Plan, as_of: _dt.date) -> None:
    report = evaluate(plan, as_of=as_of)
    validator(Report, formats=True).validate(through_json(report.to_dict()))


def test_the_report_schema_ties_ok_to_error_findings() -> None:
    report = evaluate(demo_caseload()[0], as_of=DEMO_AS_OF).to_dict()
    error = Finding(
        code="DEMO-ERROR",
        severity=Severity.ERROR,
        reason="default",
        subject=None,
        on=DEMO_AS_OF,
        facts={"months": 24, "since": DEMO_AS_OF},
        basis="Förordning (2017:820) 15 §",
        title="A demonstration error",
        messages={"sv": "Fel.", "en": "Error."},
    )
    report = Report(
        plan_id=report["plan_id"], as_of=DEMO_AS_OF, findings=(error,), key_dates=()
    ).to_dict()
    assert report["ok"] is False
    report["findings"].extend(evaluate(demo_caseload()[1], as_of=DEMO_AS_OF).to_dict()["findings"])
    reports = validator(Report)
    assert reports.is_valid(report)
    assert not reports.is_valid({**report, "ok": True})
    without_errors = [f for f in report["findings"] if f["severity"] != "error"]
    assert reports.is_valid({**report, "ok": True, "findings": without_errors})
    assert not reports.is_valid({**report, "ok": False, "findings": without_errors})


# -- the schema and from_dict agree ---------------------------------------------------------


def check_agreement(
    payload: Any, cls: type[Any], schema_validator: jsonschema.Draft202012Validator, gaps: Any
) -> None:
    schema_ok = schema_validator.is_valid(payload)
    dict_ok, errors = read(payload, cls)
    if not schema_ok:
        # What the schema refuses, from_dict refuses.
        assert not dict_ok, [e.message for e in schema_validator.iter_errors(payload)]
    elif not dict_ok:
        # From_dict refuses more, but only for the documented gaps.
        assert in_gaps(errors, gaps), errors


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(payload=payloads())
def test_schema_and_from_dict_agree_on_mutated_plans(payload: Any) -> None:
    check_agreement(payload, Plan, validator(), KNOWN_GAPS)
    # With formats asserted, impossible dates are refused by the schema too.
    check_agreement(payload, Plan, validator(formats=True), CROSS_FIELD_GAPS)


@pytest.mark.parametrize("cls", MODEL_CLASSES[1:], ids=lambda cls: cls.__name__)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_schema_and_from_dict_agree_on_mutated_parts(cls: type[Any], data: st.DataObject) -> None:
    payload = data.draw(payloads(cls))
    check_agreement(payload, cls, validator(cls), KNOWN_GAPS)
    check_agreement(payload, cls, validator(cls, formats=True), CROSS_FIELD_GAPS)


@given(payload=json_values())
def test_schema_and_from_dict_agree_on_any_json(payload: Any) -> None:
    check_agreement(payload, Plan, validator(), KNOWN_GAPS)


def test_an_unknown_schema_version_is_refused_by_both() -> None:
    payload = {**EXAMPLE_PLAN, "schema": "handlingsplan/3"}
    errors = list(validator().iter_errors(payload))
    assert [(list(e.path), e.validator) for e in errors] == [(["schema"], "enum")]
    with pytest.raises(InvalidPlanError) as caught:
        from_dict(payload)
    assert caught.value.errors == (
        (
            "schema",
            "unknown schema 'handlingsplan/3'; this library reads 'handlingsplan/1' and "
            "'handlingsplan/2'",
        ),
    )


@pytest.mark.parametrize("version", ["handlingsplan/1", "handlingsplan/2"])
def test_both_schema_versions_are_read_by_both(version: str) -> None:
    payload = {**EXAMPLE_PLAN, "schema": version}
    assert validator().is_valid(payload)
    assert from_dict(payload) == from_dict(EXAMPLE_PLAN)
    # Left out, the version is not required by either.
    unversioned = {key: value for key, value in EXAMPLE_PLAN.items() if key != "schema"}
    assert validator().is_valid(unversioned)
    assert read(unversioned)[0]


# -- edges, one by one --------------------------------------------------------------------


def with_activity(**changes: Any) -> dict[str, Any]:
    payload = copy.deepcopy(EXAMPLE_PLAN)
    payload["activities"][0].update(changes)
    return payload


def with_participant(**changes: Any) -> dict[str, Any]:
    payload = copy.deepcopy(EXAMPLE_PLAN)
    payload["participant"].update(changes)
    return payload


@pytest.mark.parametrize(
    ("payload", "valid"),
    [
        (with_activity(hours_per_week=0), True),
        (with_activity(hours_per_week=168), True),
        (with_activity(hours_per_week=0.5), True),
        (with_activity(hours_per_week=-0.01), False),
        (with_activity(hours_per_week=168.01), False),
        (with_activity(hours_per_week=True), False),
        (with_activity(hours_per_week="15"), False),
        (with_activity(hours_per_week=None), False),
        ({**EXAMPLE_PLAN, "participation_percent": 1}, True),
        ({**EXAMPLE_PLAN, "participation_percent": 37.5}, True),
        ({**EXAMPLE_PLAN, "participation_percent": 0.99}, False),
        ({**EXAMPLE_PLAN, "participation_percent": 100.01}, False),
        ({**EXAMPLE_PLAN, "participation_percent": False}, False),
        (with_participant(needs_sfi=1), False),
        (with_participant(needs_sfi=None), False),
        (with_activity(kind="SFI"), False),
        (with_activity(status=None), False),
        (with_activity(area=None), False),
        (with_activity(provider=None), True),
        (with_activity(provider=""), True),
        (with_activity(colour="blue"), False),
        (with_participant(gender=None), True),
        (with_participant(identity_number="19900517-2383"), True),
        (with_participant(identity_number="199005172383"), True),
        (with_participant(identity_number="900517-2383"), False),
        (with_participant(identity_number="19900517-2383\n"), False),
        (with_participant(identity_number=199005172383), False),
        (with_participant(birth_date="1990-05-17\n"), False),
        (with_participant(birth_date="1990-5-17"), False),
        (with_participant(birth_date="1990-05-17T00:00"), False),
        (with_participant(birth_date=None), False),
        (with_participant(permit={"kind": "refugee"}), False),
        ({**EXAMPLE_PLAN, "activities": None}, False),
        ({**EXAMPLE_PLAN, "activities": {}}, False),
        ({**EXAMPLE_PLAN, "schema": None}, False),
        ({**EXAMPLE_PLAN, "exit": {"on": "2025-12-01", "reason": "employment"}}, True),
        (
            {
                **EXAMPLE_PLAN,
                "exit": {"on": "2025-12-01", "reason": "employment"},
                "follow_up": {"on": "2026-03-01", "status": "work"},
            },
            True,
        ),
        ({**EXAMPLE_PLAN, "follow_up": {"on": "2026-03-01", "status": "work"}}, False),
        ([EXAMPLE_PLAN], False),
        ("plan", False),
        (None, False),
    ],
)
def test_edges_are_judged_alike(payload: Any, valid: bool) -> None:
    assert validator().is_valid(payload) is valid
    assert validator(formats=True).is_valid(payload) is valid
    assert read(payload)[0] is valid


@pytest.mark.parametrize("blank", ["", *PYTHON_BLANKS, " \t\u3000\n"], ids=ascii)
def test_blank_ids_are_refused_by_both(blank: str) -> None:
    for payload in (
        {**EXAMPLE_PLAN, "id": blank},
        with_participant(id=blank),
        with_activity(id=blank),
    ):
        assert not validator().is_valid(payload)
        assert not read(payload)[0]


@pytest.mark.parametrize("text", ["x", " x ", "\ufeff", "\u200b", "\x00", "-"], ids=ascii)
def test_ids_with_something_in_them_are_accepted_by_both(text: str) -> None:
    payload = with_activity(id=text)
    assert validator().is_valid(payload)
    assert read(payload)[0]


def test_the_id_pattern_is_exactly_what_strip_keeps() -> None:
    search = re.compile(json_schema()["properties"]["id"]["pattern"]).search
    # The code points where the pattern and strip() disagree; one list, one assertion
    # (an assertion per code point costs more than the search itself).
    disagree = [
        hex(code)
        for code, char in enumerate(map(chr, range(sys.maxunicode + 1)))
        if (search(char) is None) is bool(char.strip())
    ]
    assert disagree == []


@pytest.mark.parametrize(
    ("payload", "path", "message"),
    [
        (with_activity(end="2025-01-01"), "activities[0].end", "is before start"),
        ({**EXAMPLE_PLAN, "plan_made_on": "2025-01-01"}, "plan_made_on", "before the referral"),
        (with_activity(id="so-1"), "activities[1].id", "is already used by"),
        (
            {
                **EXAMPLE_PLAN,
                "interruptions": [
                    {"start": "2025-04-01", "end": "2025-04-30", "reason": "sickness"},
                    {"start": "2025-04-30", "end": "2025-05-10", "reason": "other"},
                ],
            },
            "interruptions[1]",
            "overlaps",
        ),
        (
            with_participant(identity_number="19900517-2387"),
            "participant.identity_number",
            "check digit",
        ),
        (
            with_participant(identity_number="19850709-9805"),
            "participant.identity_number",
            "disagrees with birth_date",
        ),
    ],
)
def test_cross_field_gaps_are_accepted_by_the_schema_only(
    payload: dict[str, Any], path: str, message: str
) -> None:
    assert validator(formats=True).is_valid(payload)
    ok, errors = read(payload)
    assert not ok
    assert [found for found, _ in errors] == [path]
    assert message in errors[0][1]
    assert in_gaps(errors, CROSS_FIELD_GAPS)


@pytest.mark.parametrize("day", ["2025-02-30", "2023-02-29", "2025-13-01", "2025-04-31"])
def test_impossible_dates_pass_the_schema_unless_formats_are_asserted(day: str) -> None:
    payload = {**EXAMPLE_PLAN, "referred_on": day}
    assert validator().is_valid(payload)
    assert not validator(formats=True).is_valid(payload)
    ok, errors = read(payload)
    assert not ok
    assert errors == (
        (
            "referred_on",
            f"expected a date as YYYY-MM-DD, got {day!r}, which is not a day of the calendar",
        ),
    )
    assert in_gaps(errors, [CALENDAR_GAP])


def test_a_leap_day_is_a_real_date_for_all() -> None:
    payload = {**EXAMPLE_PLAN, "referred_on": "2024-02-29", "plan_made_on": None}
    assert validator(formats=True).is_valid(payload)
    assert read(payload)[0]


@pytest.mark.parametrize("day", ["２０２５-０１-１３", "٢٠٢٥-٠١-١٣", "२०२५-०१-१३"])
def test_dates_in_other_digits_are_refused_by_both(day: str) -> None:
    # Python's \d matches any Unicode digit, and int() reads them: from_dict once took
    # these for 2025-01-13 while the schema's [0-9] refused them.
    payload = {**EXAMPLE_PLAN, "referred_on": day, "plan_made_on": None}
    assert not validator().is_valid(payload)
    assert read(payload) == (
        False,
        (("referred_on", f"expected a date as YYYY-MM-DD, got a string {day!r}"),),
    )


# -- what the walk cannot describe ------------------------------------------------------------


@attrs.frozen
class _Point:
    """A point."""

    x: float
    y: float


@attrs.frozen
class _Segment:
    start: _Point
    end: _Point
    label: str | None = None


@attrs.frozen
class _Count:
    count: int


@attrs.frozen
class _Either:
    value: str | float


@attrs.frozen
class _Pair:
    pair: tuple[str, str]


def test_a_class_used_twice_is_defined_once() -> None:
    schema = json_schema(_Segment)
    assert (
        schema["properties"]["start"] == schema["properties"]["end"] == {"$ref": "#/$defs/_Point"}
    )
    assert list(schema["$defs"]) == ["_Point"]
    assert schema["required"] == ["start", "end"]
    assert schema["description"] == "_Segment"  # no docstring
    assert jsonschema.Draft202012Validator(schema).is_valid(
        {"start": {"x": 0, "y": 1}, "end": {"x": 2, "y": 3}}
    )


def test_a_class_without_nested_classes_has_no_defs() -> None:
    assert "$defs" not in json_schema(_Point)
    assert "$defs" not in json_schema(Exit)


@pytest.mark.parametrize(
    ("cls", "message"),
    [
        (_Count, "_Count.count: cannot describe the type <class 'int'>"),
        (_Either, "_Either.value: cannot describe the type str | float"),
        (_Pair, r"_Pair.pair: cannot describe the type tuple\[str, str\]"),
    ],
)
def test_types_it_cannot_describe_raise_type_error(cls: type[Any], message: str) -> None:
    with pytest.raises(TypeError, match=message):
        json_schema(cls)


@pytest.mark.parametrize(
    "value",
    [
        int,
        dict,
        "Plan",
        None,
        Plan(
            id="p",
            referred_on=_dt.date(2025, 1, 13),
            participant=Participant(id="d", birth_date=_dt.date(1990, 5, 17)),
        ),
    ],
)
def test_only_attrs_classes_are_described(value: Any) -> None:
    with pytest.raises(TypeError, match="json_schema takes a model class"):
        json_schema(value)
