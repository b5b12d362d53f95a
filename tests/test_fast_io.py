"""The fast reader and writer agree with the detailed ones on every input.

:func:`~handlingsplan.from_dict` first tries a generated reader per class and falls
back to the detailed ``cattrs`` reader on any problem; :func:`~handlingsplan.to_dict`
uses a generated writer per class. These tests check that both give exactly what the
detailed path gives: the same plans, the same refusals with the same errors, the
same dicts.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from _profiles import examples
from handlingsplan import (
    InvalidPlanError,
    Plan,
    _reader,
    _writer,
    from_dict,
    serialization,
    to_dict,
)
from handlingsplan import strategies as hs
from handlingsplan.model import Activity, IdentityNumber, Participant
from test_fuzz import ODD_VALUES, mutated


def _outcome(read: Any, data: object, cls: type[Any] = Plan) -> object:
    try:
        return read(data, cls)
    except InvalidPlanError as error:
        return ("refused", error.details)


def _fast_only(data: object, cls: type[Any] = Plan) -> object:
    try:
        return serialization._READERS[cls](data)
    except _reader.FallbackError:
        return None


def same_as_detailed(data: object, cls: type[Any] = Plan) -> object:
    """What from_dict gives equals the detailed reader's; the fast one refuses bad input."""
    fast = _outcome(from_dict, data, cls)
    detailed = _outcome(serialization._from_dict_detailed, data, cls)
    assert fast == detailed
    alone = _fast_only(data, cls)
    if alone is not None:
        assert alone == detailed
        assert to_dict(alone) == serialization._to_dict_detailed(detailed)
    if not isinstance(detailed, tuple):
        written = to_dict(detailed)
        assert written == serialization._to_dict_detailed(detailed)
        assert list(written) == list(serialization._to_dict_detailed(detailed))
    return alone


def test_the_readers_cover_every_field_in_order() -> None:
    for cls, specs in _reader.SPECS.items():
        assert [spec[0] for spec in specs] == [field.name for field in attrs.fields(cls)]


@settings(max_examples=examples(200), suppress_health_check=list(HealthCheck), deadline=None)
@given(hs.plans())
def test_the_fast_path_reads_and_writes_every_plan_as_the_detailed_one(plan: Plan) -> None:
    data = to_dict(plan)
    assert data == serialization._to_dict_detailed(plan)
    assert same_as_detailed(data) == plan  # read by the fast reader alone
    assert same_as_detailed(copy.deepcopy(data["participant"]), Participant) is not None


@settings(max_examples=examples(300), suppress_health_check=list(HealthCheck), deadline=None)
@given(mutated())
def test_the_fast_path_accepts_and_refuses_what_the_detailed_one_does(
    data: dict[str, Any],
) -> None:
    same_as_detailed(data)


def _plan() -> dict[str, Any]:
    return {
        "id": "p-1",
        "referred_on": "2025-01-13",
        "plan_made_on": "2025-02-03",
        "participant": {
            "id": "d-1",
            "birth_date": "1985-07-09",
            "identity_number": "19850709-9805",
            "circumstances": [{"kind": "full_time_work", "start": "2024-01-01", "end": None}],
        },
        "participation_changes": [
            {"on": "2025-03-03", "percent": 50.0, "reason": "parental_benefit"},
            {"on": "2025-04-01", "percent": 100},
        ],
        "activities": [
            {
                "id": "a-1",
                "kind": "guardian_support",
                "start": "2025-02-10",
                "end": "2025-12-19",
                "hours_per_week": 7.5,
            }
        ],
        "milestones": [{"id": "m-1", "kind": "language", "title": "", "due": "2025-06-01"}],
        "interruptions": [
            {"start": "2025-05-01", "end": "2025-05-10", "reason": "parental_benefit"},
            {"start": "2025-06-01", "end": "2025-06-10", "reason": "sickness"},
        ],
        "absences": [
            {"start": "2025-07-01", "end": "2025-07-02", "reason": "sickness"},
            {"start": "2025-07-03", "end": "2025-07-04", "reason": "sickness"},
            {"start": "2025-07-01", "end": "2025-07-04", "reason": "parental_benefit"},
        ],
        "exit": {"on": "2026-01-05", "reason": "employment"},
        "follow_up": {"on": "2026-04-06", "status": "work"},
    }


def test_a_full_plan_is_read_by_the_fast_reader_alone() -> None:
    plan = same_as_detailed(_plan())
    assert isinstance(plan, Plan)
    assert plan.participation_changes[0].percent == 50
    assert type(plan.participation_changes[0].percent) is int
    assert plan.activities[0].minors_only
    assert plan.activities[0].area.value == "participation"


def _parts(value: Any) -> list[Any]:
    """``value`` and every model value in it, depth first."""
    found = [value]
    for field in attrs.fields(type(value)):
        inner = getattr(value, field.name)
        for item in inner if type(inner) is tuple else (inner,):
            if attrs.has(type(item)):
                found.extend(_parts(item))
    return found


def test_a_value_read_fast_is_built_as_its_constructor_builds_it() -> None:
    # The fast reader builds each value in a subclass and then gives it its class:
    # every part must end in its own class, frozen, and equal, hash and pickle as the
    # value the constructors build.
    plan = same_as_detailed(_plan())
    detailed: Plan = serialization._from_dict_detailed(_plan())
    assert isinstance(plan, Plan)
    parts, built = _parts(plan), _parts(detailed)
    assert [type(part) for part in parts] == [type(part) for part in built]
    assert len({type(part) for part in parts}) == 11  # every class but Permit
    for part, other in zip(parts, built, strict=True):
        assert type(part).__module__.startswith("handlingsplan.model")
        assert part == other
        assert hash(part) == hash(other)
        assert pickle.loads(pickle.dumps(part)) == part
        assert repr(part) == repr(other)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            part.id = "changed"
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            del part.id
    assert attrs.evolve(plan, id="p-2") == attrs.evolve(detailed, id="p-2")


BROKEN: dict[str, Any] = {
    "made before referral": {"plan_made_on": "2025-01-01"},
    "change before start": {"participation_changes": [{"on": "2025-02-01", "percent": 50}]},
    "changes out of order": {
        "participation_changes": [
            {"on": "2025-03-03", "percent": 50},
            {"on": "2025-03-03", "percent": 60},
        ]
    },
    "duplicate id": {
        "milestones": [{"id": "a-1", "kind": "language", "title": "x", "due": "2025-06-01"}]
    },
    "referral before birth": {"referred_on": "1985-07-01", "plan_made_on": None},
    "activity before birth": {
        "activities": [
            {
                "id": "a-1",
                "kind": "sfi",
                "start": "1985-07-08",
                "end": "2025-12-19",
                "hours_per_week": 15,
            }
        ]
    },
    "interruptions overlap": {
        "interruptions": [
            {"start": "2025-05-01", "end": "2025-05-10", "reason": "sickness"},
            {"start": "2025-05-10", "end": "2025-05-12", "reason": "sickness"},
        ]
    },
    "absences overlap": {
        "absences": [
            {"start": "2025-07-01", "end": "2025-07-02", "reason": "sickness"},
            {"start": "2025-07-02", "end": "2025-07-04", "reason": "sickness"},
        ]
    },
    "exit before referral": {"exit": {"on": "2025-01-01", "reason": "employment"}},
    "follow-up without exit": {"exit": None},
    "follow-up before exit": {"follow_up": {"on": "2026-01-01", "status": "work"}},
    "end before start": {
        "interruptions": [{"start": "2025-05-02", "end": "2025-05-01", "reason": "sickness"}]
    },
    "identity number of another day": {
        "participant": {"id": "d-1", "birth_date": "1985-07-10", "identity_number": "19850709-9805"}
    },
    "bad identity number": {
        "participant": {"id": "d-1", "birth_date": "1985-07-09", "identity_number": "19850709-9806"}
    },
    "open circumstance before its start": {
        "participant": {
            "id": "d-1",
            "birth_date": "1985-07-09",
            "circumstances": [
                {"kind": "full_time_work", "start": "2024-01-01", "end": "2023-01-01"}
            ],
        }
    },
    "a str subclass for the schema": {"schema": type("Text", (str,), {})("handlingsplan/2")},
    "an unknown schema": {"schema": "handlingsplan/3"},
    "a float out of range": {"participation_percent": 100.5},
    "a blank id": {"id": " "},
    "an unknown kind": {"programme": "elsewhere"},
    "a whole number of the wrong kind": {"participation_percent": True},
}


@pytest.mark.parametrize("change", BROKEN.values(), ids=list(BROKEN))
def test_a_broken_invariant_is_left_to_the_detailed_reader(change: dict[str, Any]) -> None:
    data = {**_plan(), **change}
    assert same_as_detailed(data) is None
    assert isinstance(_outcome(from_dict, data), tuple)


@pytest.mark.parametrize("value", ODD_VALUES, ids=lambda value: type(value).__name__)
@pytest.mark.parametrize(
    "path",
    [
        ("id",),
        ("schema",),
        ("referred_on",),
        ("plan_made_on",),
        ("participation_percent",),
        ("participation_reason",),
        ("activities",),
        ("activities", 0),
        ("activities", 0, "hours_per_week"),
        ("activities", 0, "area"),
        ("activities", 0, "minors_only"),
        ("activities", 0, "provider"),
        ("participant",),
        ("participant", "identity_number"),
        ("participant", "birth_date"),
        ("participation_changes", 0, "percent"),
        ("exit",),
    ],
)
def test_an_odd_value_anywhere_is_read_as_the_detailed_reader_reads_it(
    path: tuple[Any, ...], value: object
) -> None:
    data = _plan()
    parent: Any = data
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    same_as_detailed(data)


def test_the_caches_start_again_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_reader, "_CACHE_LIMIT", 0)
    monkeypatch.setattr(_writer, "_CACHE_LIMIT", 0)
    for module_cache in (_reader._DATES, _writer._ISO):
        module_cache.clear()
    plan = same_as_detailed(_plan())
    assert isinstance(plan, Plan)
    assert len(_reader._DATES) == 1
    assert len(_writer._ISO) == 1


def test_identity_numbers_are_never_kept_in_a_cache() -> None:
    data = _plan()
    data["participant"]["identity_number"] = "19850709-9805"
    data["participant"]["birth_date"] = "1985-07-09"
    plan = same_as_detailed(data)
    assert isinstance(plan, Plan)
    held = [value for value in vars(_reader).values() if isinstance(value, dict)]
    assert all("19850709-9805" not in cache for cache in held)


def test_other_values_are_written_by_the_detailed_writer() -> None:
    activity = from_dict(_plan()["activities"][0], Activity)
    assert to_dict(activity) == serialization._to_dict_detailed(activity)
    with pytest.raises(TypeError):
        to_dict(3)


def _luhn_digit(nine: str) -> int:
    """The check digit of the nine digits after the century, as Skatteverket computes it."""
    total = 0
    for index, char in enumerate(nine):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return (10 - total % 10) % 10


@st.composite
def _numbered_participants(draw: st.DrawFn) -> dict[str, Any]:
    """A participant whose identity number is right, or wrong in one or more ways."""
    born = draw(st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)))
    year = draw(st.sampled_from((born.year, born.year + 1, born.year + 100)))
    month = draw(st.sampled_from((born.month, born.month % 12 + 1, 0, 13)))
    day = draw(st.sampled_from((born.day, born.day + 60, born.day % 28 + 1, 0, 32, 60, 92)))
    serial = draw(st.sampled_from((0, 1, 999)) | st.integers(0, 999))
    head = f"{year:04d}{month:02d}{day:02d}"
    right = _luhn_digit(f"{head[2:]}{serial:03d}")
    check = draw(st.sampled_from((right, right, (right + 1) % 10)))
    sep = draw(st.sampled_from(("", "-", "+", " ")))
    return {
        "id": "d-1",
        "birth_date": born.isoformat(),
        "identity_number": f"{head}{sep}{serial:03d}{check}",
    }


@settings(max_examples=examples(500), suppress_health_check=list(HealthCheck), deadline=None)
@given(_numbered_participants())
@example({"id": "d-1", "birth_date": "1985-07-09", "identity_number": "19850709-9805"})
@example({"id": "d-1", "birth_date": "1985-07-09", "identity_number": "198507699802"})
@example({"id": "d-1", "birth_date": "1985-07-09", "identity_number": "19850769-9802"})
@example({"id": "d-1", "birth_date": "1985-07-09", "identity_number": "19850709-0008"})
@example({"id": "d-1", "birth_date": "1985-07-09", "identity_number": "19850709-9806"})
@example({"id": "d-1", "birth_date": "1985-07-10", "identity_number": "19850709-9805"})
@example({"id": "d-1", "birth_date": "1985-08-09", "identity_number": "19850809-9805"})
@example({"id": "d-1", "birth_date": "2085-07-09", "identity_number": "20850709-9805"})
@example({"id": "d-1", "birth_date": "1985-07-09", "identity_number": "850709-9805"})
def test_identity_numbers_are_checked_by_the_fast_reader_as_by_the_model(
    data: dict[str, Any],
) -> None:
    # The fast reader checks the number itself, without the personnummer package: it
    # must accept exactly the numbers the model accepts for that birth date, and read
    # every valid one without falling back.
    alone = same_as_detailed(data, Participant)
    try:
        number = IdentityNumber(data["identity_number"])
    except InvalidPlanError:
        assert alone is None
        return
    agrees = number.birth_date.isoformat() == data["birth_date"]
    assert (alone is not None) == agrees
    if isinstance(alone, Participant):
        assert alone.identity_number == number
        assert type(alone.identity_number) is IdentityNumber
