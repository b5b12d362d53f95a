"""Mutated payloads: nothing but InvalidPlanError escapes, and what is read can be used.

Valid dict forms drawn by the strategies are mutated (keys deleted, wrong types, null,
huge integers, nan and inf, booleans for numbers, impossible and out-of-range dates,
date-times, non-string keys, deep nesting, long lists, dict subclasses, odd objects).
Every refusal is an :class:`InvalidPlanError` whose paths point into the input; every
payload that is read can be evaluated, dated, drawn and written back unchanged.
"""

from __future__ import annotations

import copy
import datetime as _dt
import json
import math
import re
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _profiles import examples
from handlingsplan import (
    Activity,
    ActivityKind,
    ErrorCode,
    InvalidPlanError,
    Plan,
    check_eligibility,
    deadlines,
    evaluate,
    from_dict,
    json_schema,
    to_dict,
)
from handlingsplan import strategies as hs
from handlingsplan._privacy import redact
from handlingsplan.errors import pointer

T = TypeVar("T")


class RaisingRepr:
    def __repr__(self) -> str:
        raise RuntimeError("no repr")


class RaisingEq:
    def __eq__(self, other: object) -> bool:
        raise RuntimeError("no eq")

    __hash__ = object.__hash__


class RaisingHash:
    def __hash__(self) -> int:
        raise RuntimeError("no hash")


class WeirdStr(str):
    def __eq__(self, other: object) -> bool:
        raise RuntimeError("no eq")

    def __hash__(self) -> int:
        raise RuntimeError("no hash")


class WeirdDict(dict):  # type: ignore[type-arg]
    def items(self) -> Any:
        raise RuntimeError("no items")

    def keys(self) -> Any:
        raise RuntimeError("no keys")


def _deep(levels: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(levels):
        value = [value]
    return value


ODD_VALUES: tuple[object, ...] = (
    None,
    True,
    False,
    0,
    -1,
    10**5000,
    -(10**400),
    math.nan,
    math.inf,
    -math.inf,
    1.5,
    "",
    " ",
    "x" * 10_000,
    "2025-02-30",
    "1899-12-31",
    "2200-01-01",
    "9998-01-01",
    "0001-01-01",
    "2025-1-1",
    "2025-01-01T00:00",
    "2025-01-01T00:00:00+01:00",
    "\ud800",
    "19900517-2391",
    _dt.date(2025, 1, 1),
    _dt.datetime(2025, 1, 1, 9, 0, tzinfo=_dt.UTC),
    [],
    [1, 2],
    {},
    {1: "x"},
    {"a": 1},
    OrderedDict(a=1),
    WeirdDict(a=1),
    WeirdStr("sfi"),
    RaisingRepr(),
    RaisingEq(),
    RaisingHash(),
    object(),
    _deep(100_000),
)

_STEP = re.compile(r'\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')


def steps_of(path: str) -> list[str | int]:
    """The steps of an error path: field names and list indexes."""
    steps: list[str | int] = []
    position = 0
    while position < len(path):
        match = _STEP.match(path, position)
        assert match is not None, f"path {path!r} cannot be parsed at {position}"
        name, index, quoted = match.groups()
        steps.append(int(index) if index is not None else name or json.loads(quoted))
        position = match.end()
    return steps


def points_into(data: object, path: str, message: str) -> bool:
    """Whether ``path`` names a place of ``data``, or a missing field of an object in it."""
    value = data
    steps = steps_of(path)
    for number, step in enumerate(steps):
        last = number == len(steps) - 1
        if isinstance(step, int):
            if not isinstance(value, list | tuple) or not 0 <= step < len(value):
                return False
            value = value[step]
        elif isinstance(value, dict):
            keys = {redact(key): key for key in dict.keys(value) if isinstance(key, str)}
            if step in keys:
                value = dict.__getitem__(value, keys[step])
            else:
                return last and "missing" in message
        else:
            return False
    return True


def places(data: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every place in a JSON-like value, the root excluded."""
    found: list[tuple[str | int, ...]] = []
    if len(path) > 6:  # the model is no deeper; a deeply nested odd value is one place
        return found
    if type(data) is dict:
        for key, value in data.items():
            found.append((*path, key))
            found.extend(places(value, (*path, key)))
    elif type(data) is list:
        for index, value in enumerate(data):
            found.append((*path, index))
            found.extend(places(value, (*path, index)))
    return found


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    plan = draw(hs.plans())
    data = copy.deepcopy(to_dict(plan))
    for _ in range(draw(st.integers(1, 3))):
        spots = places(data)
        if not spots:
            break
        spot = draw(st.sampled_from(spots))
        parent: Any = data
        for step in spot[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(("replace", "delete", "extra", "long", "subclass")))
        if action == "delete" and isinstance(parent, dict):
            del parent[spot[-1]]
        elif action == "extra" and isinstance(parent, dict):
            parent[draw(st.sampled_from(("colour", 7, None, "19900517-2391")))] = 1
        elif action == "long" and isinstance(parent[spot[-1]], list):
            items = parent[spot[-1]]
            parent[spot[-1]] = items * draw(st.integers(5, 30)) if items else [{}] * 100
        elif action == "subclass" and type(parent[spot[-1]]) is dict:  # not a WeirdDict
            parent[spot[-1]] = OrderedDict(parent[spot[-1]])
        else:
            parent[spot[-1]] = ODD_VALUES[draw(st.integers(0, len(ODD_VALUES) - 1))]
    return data


def attempt(build: Callable[[], T]) -> T | InvalidPlanError:
    """What ``build`` returns, or the :class:`InvalidPlanError` it raises."""
    try:
        return build()
    except InvalidPlanError as error:
        return error


def read(data: object) -> Plan | InvalidPlanError:
    return attempt(lambda: from_dict(data))  # type: ignore[arg-type]


def usable(plan: Plan) -> None:
    """Everything the library offers for a plan works on ``plan``."""
    for as_of in (plan.referred_on, _dt.date(2026, 12, 1)):
        day = max(as_of, _dt.date(2018, 1, 1))
        report = evaluate(plan, as_of=day)
        assert report.plan_id == plan.id
        report._repr_html_()
        assert plan.timeline(as_of=day).to_svg().startswith("<svg")
    deadlines(plan)
    check_eligibility(plan.participant, on=max(plan.referred_on, _dt.date(2018, 1, 1)))
    plan._repr_html_()
    assert from_dict(to_dict(plan)) == plan


@settings(max_examples=examples(300), suppress_health_check=list(HealthCheck), deadline=None)
@given(mutated())
def test_a_mutated_payload_is_read_or_refused_with_paths_into_it(data: dict[str, Any]) -> None:
    result = read(data)
    if isinstance(result, Plan):
        usable(result)
    else:
        assert result.errors
        for path, message in result.errors:
            assert points_into(data, path, message), (path, message)
            assert len(message) < 400


@pytest.mark.parametrize("value", ODD_VALUES, ids=lambda value: type(value).__name__)
@pytest.mark.parametrize(
    "field", ["id", "referred_on", "participation_percent", "activities", "participant"]
)
def test_an_odd_value_in_a_plan_field_is_refused_at_that_field(field: str, value: object) -> None:
    data = _plan_dict()
    data[field] = value
    result = read(data)
    if isinstance(result, Plan):  # only values of the right kind are read
        assert field in ("participation_percent", "activities", "id", "referred_on")
    else:
        assert {path.split(".")[0].split("[")[0] for path, _ in result.errors} == {field}


@pytest.mark.parametrize("value", ODD_VALUES, ids=lambda value: type(value).__name__)
def test_an_odd_value_given_to_a_constructor_is_refused_at_its_field(value: object) -> None:
    def build() -> Activity:
        return Activity(
            id="a-1",
            kind=ActivityKind.SFI,
            start=_dt.date(2025, 1, 13),
            end=_dt.date(2025, 6, 13),
            hours_per_week=value,  # type: ignore[arg-type]
        )

    result = attempt(build)
    if isinstance(result, Activity):
        assert result.hours_per_week == value
    else:
        assert [path for path, _ in result.errors] == ["hours_per_week"]
        assert all(len(message) < 200 for _, message in result.errors)


def _participant() -> dict[str, Any]:
    return {"id": "d-1", "birth_date": "1940-01-01"}


def _plan_dict() -> dict[str, Any]:
    return {"id": "p-1", "referred_on": "2025-01-13", "participant": _participant()}


def test_a_far_future_referral_is_refused_at_its_path() -> None:
    with pytest.raises(InvalidPlanError) as info:
        from_dict({"id": "p", "referred_on": "9998-01-01", "participant": _participant()})
    assert [path for path, _ in info.value.errors] == ["referred_on"]
    assert "1900-01-01 to 2199-12-31" in info.value.errors[0][1]


@pytest.mark.parametrize("day", ["1900-01-01", "2199-12-31"])
def test_plans_on_the_edges_of_the_date_range_can_be_used(day: str) -> None:
    plan: Plan = from_dict(
        {
            "id": "p",
            "referred_on": day,
            "participant": {"id": "d", "birth_date": day},
            "activities": [
                {"id": "a", "kind": "sfi", "start": day, "end": day, "hours_per_week": 15}
            ],
        }
    )
    usable(plan)


def test_the_problems_of_an_object_are_reported_beside_a_bad_field() -> None:
    data = _plan_dict()
    data["participant"]["birth_date"] = "not a date"
    data["plan_made_on"] = "2025-01-01"
    data["participation_percent"] = 0
    activity = {"id": "a", "kind": "sfi", "start": "2025-02-01", "end": "2025-03-01"}
    data["activities"] = [
        {**activity, "hours_per_week": "15"},
        {**activity, "hours_per_week": 15},
        {**activity, "hours_per_week": 15},
    ]
    data["interruptions"] = [
        {"start": "2025-03-01", "end": "2025-03-10", "reason": "sickness"},
        {"start": "2025-03-05", "end": "2025-03-08", "reason": "nonsense"},
        {"start": "2025-03-09", "end": "2025-03-20", "reason": "sickness"},
    ]
    data["exit"] = {"on": "2025-06-01", "reason": "employment"}
    data["follow_up"] = {"on": "2025-05-01", "status": "work"}
    with pytest.raises(InvalidPlanError) as info:
        from_dict(data)
    assert sorted(path for path, _ in info.value.errors) == [
        "activities[0].hours_per_week",
        "activities[2].id",
        "follow_up.on",
        "interruptions[1].reason",
        "interruptions[2]",
        "participant.birth_date",
        "participation_percent",
        "plan_made_on",
    ]


def test_equal_numbers_write_equal_dicts() -> None:
    data = _plan_dict()
    whole: Plan = from_dict({**data, "participation_percent": 50})
    fraction: Plan = from_dict({**data, "participation_percent": 50.0})
    assert to_dict(whole) == to_dict(fraction)
    assert type(to_dict(fraction)["participation_percent"]) is int


def test_overlapping_interruptions_are_found_among_many() -> None:
    base = _dt.date(1950, 1, 1).toordinal()
    periods = [
        {
            "start": _dt.date.fromordinal(base + 2 * index).isoformat(),
            "end": _dt.date.fromordinal(base + 2 * index).isoformat(),
            "reason": "sickness",
        }
        for index in range(20_000)
    ]
    periods.append({"start": "1950-01-03", "end": "1950-01-04", "reason": "other"})
    data = {**_plan_dict(), "referred_on": "1950-01-01"}
    with pytest.raises(InvalidPlanError) as info:
        from_dict({**data, "interruptions": periods})
    assert info.value.errors == (("interruptions[20000]", "overlaps interruptions[1]"),)


class _UnprintableError(Exception):
    def __str__(self) -> str:
        raise RuntimeError("no text")


class _Disguised:
    """An object that raises an unprintable exception when asked for its class."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        raise _UnprintableError


def test_a_value_that_breaks_even_isinstance_is_reported_at_its_path() -> None:
    result = read({**_plan_dict(), "id": _Disguised()})
    assert isinstance(result, InvalidPlanError)
    assert result.errors == (("id", "cannot be read (_UnprintableError: no description)"),)


PYTHON_WORDS = re.compile(r"\b(NoneType|str|int|float|dict|list|bool|tuple|bytes)\b")


@settings(max_examples=examples(150), suppress_health_check=list(HealthCheck), deadline=None)
@given(mutated())
def test_every_refusal_speaks_json_with_codes_and_pointers(data: dict[str, Any]) -> None:
    result = read(data)
    if isinstance(result, InvalidPlanError):
        jsonschema.Draft202012Validator(json_schema(InvalidPlanError)).validate(result.to_dict())
        assert [(d.path, d.message) for d in result.details] == list(result.errors)
        for detail in result.details:
            assert detail.pointer == pointer(detail.path)
            assert not PYTHON_WORDS.search(detail.message), detail.message
            assert detail.code in set(ErrorCode)
