"""Tests for :mod:`handlingsplan.errors`: the exception hierarchy and its messages."""

from __future__ import annotations

import pickle

import pytest

import handlingsplan
from handlingsplan.errors import (
    DuplicateRuleError,
    HandlingsplanError,
    InvalidPlanError,
    ParameterError,
    RuleError,
    UnknownParameterError,
)


@pytest.mark.parametrize(
    ("cls", "base"),
    [
        (InvalidPlanError, ValueError),
        (ParameterError, LookupError),
        (UnknownParameterError, ValueError),
        (DuplicateRuleError, ValueError),
        (RuleError, RuntimeError),
    ],
)
def test_every_error_is_a_handlingsplan_error_and_its_builtin_base(
    cls: type[HandlingsplanError], base: type[Exception]
) -> None:
    assert issubclass(cls, HandlingsplanError)
    assert issubclass(cls, base)


def test_handlingsplan_error_is_an_exception() -> None:
    assert issubclass(HandlingsplanError, Exception)


def test_a_rule_error_is_not_a_value_error_so_bugs_are_not_taken_for_bad_input() -> None:
    assert not issubclass(RuleError, ValueError)


def test_the_package_exports_the_same_classes() -> None:
    assert handlingsplan.InvalidPlanError is InvalidPlanError
    assert handlingsplan.HandlingsplanError is HandlingsplanError
    assert handlingsplan.ParameterError is ParameterError
    assert handlingsplan.RuleError is RuleError
    assert handlingsplan.UnknownParameterError is UnknownParameterError
    assert handlingsplan.DuplicateRuleError is DuplicateRuleError


# -- InvalidPlanError ------------------------------------------------------------------


def test_invalid_plan_error_keeps_its_problems_as_a_tuple_of_pairs() -> None:
    error = InvalidPlanError([("activities[0].end", "is before start")])
    assert error.errors == (("activities[0].end", "is before start"),)
    assert isinstance(error.errors, tuple)


def test_invalid_plan_error_joins_every_problem_in_its_message() -> None:
    error = InvalidPlanError(
        [("id", "expected a non-empty string, got a blank one"), ("end", "is before start")]
    )
    assert str(error) == "id: expected a non-empty string, got a blank one; end: is before start"


def test_invalid_plan_error_shows_a_root_problem_without_a_path() -> None:
    error = InvalidPlanError([("", "must be a string, not int"), ("x", "bad")])
    assert str(error) == "must be a string, not int; x: bad"


def test_invalid_plan_error_accepts_any_iterable_and_makes_paths_and_messages_strings() -> None:
    error = InvalidPlanError(iter([(1, 2), ("a", "b")]))  # type: ignore[arg-type]
    assert error.errors == (("1", "2"), ("a", "b"))


def test_invalid_plan_error_with_no_problems_has_an_empty_message() -> None:
    error = InvalidPlanError([])
    assert error.errors == ()
    assert str(error) == ""


def test_invalid_plan_error_can_be_caught_as_a_value_error() -> None:
    with pytest.raises(ValueError, match="is before start"):
        raise InvalidPlanError([("end", "is before start")])


@pytest.mark.parametrize(
    ("prefix", "path", "expected"),
    [
        ("activities[1]", "end", "activities[1].end"),
        ("activities[1]", "", "activities[1]"),
        ("", "end", "end"),
        ("", "", ""),
        ("activities", "[2]", "activities[2]"),
        ("activities", "[2].end", "activities[2].end"),
        ("plan", "exit.on", "plan.exit.on"),
    ],
)
def test_prefixed_places_every_path_under_the_prefix(prefix: str, path: str, expected: str) -> None:
    assert InvalidPlanError([(path, "m")]).prefixed(prefix).errors == ((expected, "m"),)


def test_prefixed_returns_a_new_error_and_leaves_the_original_alone() -> None:
    error = InvalidPlanError([("end", "is before start"), ("", "root")])
    moved = error.prefixed("activities[0]")
    assert moved is not error
    assert isinstance(moved, InvalidPlanError)
    assert moved.errors == (("activities[0].end", "is before start"), ("activities[0]", "root"))
    assert error.errors == (("end", "is before start"), ("", "root"))
    assert str(moved) == "activities[0].end: is before start; activities[0]: root"


def test_invalid_plan_error_survives_pickling() -> None:
    error = InvalidPlanError([("end", "is before start"), ("", "root")])
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is InvalidPlanError
    assert copy.errors == error.errors
    assert str(copy) == str(error)


# -- the plain errors --------------------------------------------------------------------


@pytest.mark.parametrize("cls", [ParameterError, UnknownParameterError, DuplicateRuleError])
def test_plain_errors_keep_their_message_and_pickle(cls: type[HandlingsplanError]) -> None:
    error = cls("something went wrong")
    assert str(error) == "something went wrong"
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is cls
    assert str(copy) == "something went wrong"


# -- RuleError ---------------------------------------------------------------------------


def test_rule_error_names_the_rule_and_the_plan() -> None:
    error = RuleError("HP-001", "p-1")
    assert error.code == "HP-001"
    assert error.plan_id == "p-1"
    assert str(error) == "rule HP-001 failed on plan 'p-1'"


def test_rule_error_names_the_cause() -> None:
    error = RuleError("HP-001", "p-1", ZeroDivisionError("division by zero"))
    assert str(error) == "rule HP-001 failed on plan 'p-1': ZeroDivisionError: division by zero"


def test_rule_error_survives_pickling_with_code_and_plan() -> None:
    error = RuleError("HP-001", "p-1")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is RuleError
    assert (copy.code, copy.plan_id) == ("HP-001", "p-1")
    assert str(copy) == str(error)


def test_rule_error_pickles_without_its_cause() -> None:
    """``__reduce__`` keeps only code and plan id: the cause's text is lost on the way."""
    error = RuleError("HP-001", "p-1", KeyError("x"))
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.plan_id) == ("HP-001", "p-1")
    assert str(copy) == "rule HP-001 failed on plan 'p-1'"
