"""Every container reachable from a public value is immutable.

A walk goes through attrs fields, slots, instance dicts, mappings and sequences of
each public value and fails on any ``dict``, ``list``, ``set`` or ``bytearray`` it
reaches: one of those, shared by every later finding or evaluation, would let one
caller change what every other caller sees.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import pickle
import types
from collections.abc import Iterator, Mapping

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlingsplan import (
    DEFAULT_PARAMETERS,
    DEFAULT_RULES,
    ELIGIBILITY_RULES,
    Facts,
    Interruption,
    InterruptionReason,
    PlanDiff,
    PlanHistory,
    Report,
    caseload_summary,
    check_eligibility,
    compare_rules,
    deadlines,
    evaluate,
    evaluate_history,
    finding_timeline,
    outcome_rates,
)
from handlingsplan._demo import DEMO_AS_OF, demo_caseload
from handlingsplan._frozen import FrozenMapping, freeze

_MUTABLE = (dict, list, set, bytearray)
_ATOMS = (str, bytes, int, float, complex, bool, type(None), _dt.date, _dt.time, enum.Enum)
_OPAQUE = (
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.ModuleType,
    type,
    # A memo is a function: what it remembers is reached only by calling it.
    type(functools.lru_cache(maxsize=1)(len)),
)
_LEAVES = (*_ATOMS, *_OPAQUE)


def _slots(value: object) -> Iterator[str]:
    for cls in type(value).__mro__:
        slots = cls.__dict__.get("__slots__", ())
        yield from (slots,) if isinstance(slots, str) else slots


def _children(value: object) -> Iterator[tuple[str, object]]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield f"[{key!r}] (key)", key
            yield f"[{key!r}]", item
    if isinstance(value, tuple | frozenset):
        for index, item in enumerate(value):
            yield f"[{index}]", item
    for name in _slots(value):
        if name != "__weakref__" and hasattr(value, name):
            yield f".{name}", getattr(value, name)
    for name, item in getattr(value, "__dict__", {}).items():
        yield f".{name}", item


def mutable_containers(value: object, path: str = "value") -> list[str]:
    """The paths of every mutable container reachable from ``value``."""
    found: list[str] = []
    seen: set[int] = set()
    stack: list[tuple[str, object]] = [(path, value)]
    while stack:
        where, current = stack.pop()
        if isinstance(current, _MUTABLE):
            found.append(f"{where}: {type(current).__name__}")
            continue
        if isinstance(current, _LEAVES) or id(current) in seen:
            continue
        seen.add(id(current))
        stack.extend((where + step, child) for step, child in _children(current))
    return found


# -- the walk itself -------------------------------------------------------------------


def test_the_walk_finds_containers_anywhere() -> None:
    @attrs.frozen
    class Holder:
        inner: object

    nested = Holder(FrozenMapping({"a": (1, Holder([2]))}))
    (found,) = mutable_containers(nested)
    assert found.startswith("value.inner")
    assert found.endswith("['a'][1].inner: list")
    assert mutable_containers(FrozenMapping({"k": {3}}))[0].endswith("['k']: set")
    assert mutable_containers((1, "x", _dt.date(2026, 1, 1), len, pytest)) == []


# -- public values ---------------------------------------------------------------------


@functools.cache
def _reports() -> tuple[Report, ...]:
    return tuple(evaluate(plan, as_of=DEMO_AS_OF) for plan in demo_caseload())


@functools.cache
def _public_values() -> dict[str, object]:
    plans = demo_caseload()
    reports = _reports()
    first = plans[0]
    revised = attrs.evolve(
        first.cancel_activity(first.activities[-1].id), participation_percent=75
    ).with_interruption(
        Interruption(
            start=DEMO_AS_OF - _dt.timedelta(days=40),
            end=DEMO_AS_OF - _dt.timedelta(days=5),
            reason=InterruptionReason.PARENTAL_BENEFIT,
        )
    )
    history = PlanHistory.begin(first, recorded_on=first.referred_on).append(
        revised, recorded_on=DEMO_AS_OF, reason="uppföljningssamtal"
    )
    steps = evaluate_history(history)
    return {
        "DEFAULT_RULES": DEFAULT_RULES,
        "ELIGIBILITY_RULES": ELIGIBILITY_RULES,
        "rules": tuple(DEFAULT_RULES),
        "DEFAULT_PARAMETERS": DEFAULT_PARAMETERS,
        "parameters": tuple(DEFAULT_PARAMETERS.values()),
        "parameter_values": DEFAULT_PARAMETERS.on(DEMO_AS_OF),
        "plans": plans,
        "reports": reports,
        "findings": tuple(finding for report in reports for finding in report.findings),
        "deadlines": tuple(deadlines(plan) for plan in plans),
        "eligibility": tuple(
            check_eligibility(plan.participant, on=plan.referred_on) for plan in plans
        ),
        "history": history,
        "diffs": history.diffs(),
        "caseload": caseload_summary(reports),
        "impacts": compare_rules(
            plans, as_of=DEMO_AS_OF, candidate=DEFAULT_RULES.without("PROG-END")
        ),
        "outcomes": outcome_rates(plans, exited_from=_dt.date(2018, 1, 1), exited_to=DEMO_AS_OF),
        "steps": steps,
        "timeline": finding_timeline(steps),
    }


@pytest.mark.parametrize("name", sorted(_public_values()))
def test_no_mutable_container_is_reachable(name: str) -> None:
    assert mutable_containers(_public_values()[name], name) == []


def test_the_walked_values_hold_something_to_walk() -> None:
    # The walk above proves something only when there is something to walk.
    assert any(finding.facts for report in _reports() for finding in report.findings)
    changes = _public_values()["diffs"]
    assert isinstance(changes, tuple)
    assert len(changes) == 1
    assert isinstance(changes[0], PlanDiff)
    assert not changes[0].is_empty


# -- mutation is refused ---------------------------------------------------------------


def test_rule_messages_cannot_be_changed() -> None:
    messages = DEFAULT_RULES["PROG-END"].messages
    with pytest.raises(TypeError):
        messages["no_exit"]["en"] = "X"  # type: ignore[index]
    with pytest.raises(TypeError):
        messages["new"] = FrozenMapping()  # type: ignore[index]
    with pytest.raises(AttributeError):
        messages._items = {}
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DEFAULT_RULES["PROG-END"].title = "X"  # type: ignore[misc]


def test_rule_sets_and_parameters_cannot_be_changed() -> None:
    with pytest.raises(AttributeError):
        DEFAULT_RULES._rules = ()
    with pytest.raises(TypeError):
        DEFAULT_RULES._by_code["X"] = DEFAULT_RULES["PROG-END"]  # type: ignore[index]
    with pytest.raises(AttributeError):
        DEFAULT_PARAMETERS._by_name = FrozenMapping()
    with pytest.raises(TypeError):
        DEFAULT_PARAMETERS._by_name["x"] = DEFAULT_PARAMETERS["leap_day"]  # type: ignore[index]
    record = DEFAULT_PARAMETERS.on(DEMO_AS_OF)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        record.programme_months = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        record.extra["x"] = 1  # type: ignore[index]


def test_findings_cannot_be_changed() -> None:
    finding = next(f for report in _reports() for f in report.findings if f.facts)
    with pytest.raises(TypeError):
        finding.facts["x"] = 1  # type: ignore[index]
    with pytest.raises(TypeError):
        finding.messages["en"] = "X"  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        finding.code = "X"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        _reports()[0].findings = ()  # type: ignore[misc]


@pytest.mark.parametrize("name", ["DEFAULT_RULES", "DEFAULT_PARAMETERS", "reports", "history"])
def test_values_stay_frozen_through_pickling(name: str) -> None:
    value = _public_values()[name]
    copy = pickle.loads(pickle.dumps(value))
    assert copy == value
    assert mutable_containers(copy, name) == []


# -- freezing --------------------------------------------------------------------------

_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=5)
    | st.binary(max_size=3).map(bytearray),
    lambda children: (
        st.lists(children, max_size=3)
        | st.sets(st.integers(), max_size=3)
        | st.dictionaries(st.text(max_size=3), children, max_size=3)
    ),
    max_leaves=12,
)


@given(_json)
def test_freeze_leaves_no_mutable_container(value: object) -> None:
    assert mutable_containers(freeze(value)) == []


@given(_json)
def test_freeze_is_idempotent_and_keeps_equality_of_mappings(value: object) -> None:
    frozen = freeze(value)
    assert freeze(frozen) == frozen
    hash(frozen)


@given(st.dictionaries(st.text(max_size=3), _json, max_size=4))
def test_facts_freeze_and_pickle(values: dict[str, object]) -> None:
    facts = Facts(values)
    assert mutable_containers(facts) == []
    assert pickle.loads(pickle.dumps(facts)) == facts
