"""Errors for machines: every problem as an ErrorDetail with a JSON Pointer and a code.

Services in other languages branch on :class:`ErrorCode`, find the place with the
RFC 6901 pointer, and show the message, which speaks JSON's words (``null``, ``a
string``, ``an array``), never Python's (``NoneType``, ``str``, ``dict``).
"""

from __future__ import annotations

import datetime as _dt
import pickle
from typing import Any

import jsonschema
import pytest

from handlingsplan import (
    Activity,
    ActivityKind,
    ErrorCode,
    ErrorDetail,
    InvalidPlanError,
    Plan,
    from_dict,
    json_schema,
    to_dict,
)
from handlingsplan.errors import pointer


def plan_dict() -> dict[str, Any]:
    return {
        "id": "plan-1",
        "referred_on": "2025-01-13",
        "participant": {"id": "person-1", "birth_date": "1990-05-17"},
        "activities": [
            {
                "id": "sfi-1",
                "kind": "sfi",
                "start": "2025-02-10",
                "end": "2025-12-19",
                "hours_per_week": 15,
            },
            {
                "id": "work-1",
                "kind": "work_experience",
                "start": "2025-03-03",
                "end": "2025-05-30",
                "hours_per_week": 20,
            },
        ],
    }


def refusal(data: object) -> InvalidPlanError:
    with pytest.raises(InvalidPlanError) as info:
        from_dict(data)  # type: ignore[arg-type]
    return info.value


def codes(data: object) -> list[tuple[str, str]]:
    return [(detail.pointer, detail.code.value) for detail in refusal(data).details]


def changed(**top: Any) -> dict[str, Any]:
    data = plan_dict()
    data.update(top)
    return data


def with_activity(index: int, **fields: Any) -> dict[str, Any]:
    data = plan_dict()
    data["activities"][index].update(fields)
    return data


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({k: v for k, v in plan_dict().items() if k != "referred_on"}, ("/referred_on", "missing")),
        (changed(colour="blue"), ("/colour", "unknown_field")),
        (changed(id=None), ("/id", "null_not_allowed")),
        (changed(id=5), ("/id", "wrong_type")),
        (changed(referred_on="13/01/2025"), ("/referred_on", "not_a_date")),
        (changed(referred_on="2025-02-30"), ("/referred_on", "not_a_real_date")),
        (changed(referred_on="2025-01-13T09:00"), ("/referred_on", "datetime_not_allowed")),
        (changed(referred_on="1899-12-31"), ("/referred_on", "out_of_range")),
        (changed(participation_percent=101), ("/participation_percent", "out_of_range")),
        (changed(participation_percent=float("nan")), ("/participation_percent", "not_finite")),
        (changed(programme="introduction"), ("/programme", "not_one_of")),
        (changed(id="  "), ("/id", "empty")),
        (with_activity(1, id="sfi-1"), ("/activities/1/id", "duplicate_id")),
        (with_activity(0, end="2025-01-01"), ("/activities/0/end", "wrong_order")),
        (changed(schema="handlingsplan/99"), ("/schema", "unknown_schema")),
        (
            changed(participant={"id": "p", "birth_date": "1985-07-09", "identity_number": "x"}),
            ("/participant/identity_number", "invalid_identity_number"),
        ),
        (
            changed(
                interruptions=[
                    {"start": "2025-03-01", "end": "2025-03-10", "reason": "sickness"},
                    {"start": "2025-03-05", "end": "2025-03-20", "reason": "sickness"},
                ]
            ),
            ("/interruptions/1", "overlap"),
        ),
    ],
)
def test_each_problem_has_its_code_and_pointer(
    data: dict[str, Any], expected: tuple[str, str]
) -> None:
    assert codes(data) == [expected]


def test_a_python_datetime_is_datetime_not_allowed_and_a_date_is_read() -> None:
    moment = _dt.datetime(2025, 1, 13, 9, 0)  # noqa: DTZ001 - a naive one is refused too
    error = refusal(changed(referred_on=moment))
    assert error.details[0].code is ErrorCode.DATETIME_NOT_ALLOWED
    assert error.details[0].message == (
        "expected a date as YYYY-MM-DD, got a date-time 2025-01-13T09:00:00"
    )
    plan: Plan = from_dict(changed(referred_on=_dt.date(2025, 1, 13)))
    assert plan == from_dict(plan_dict())
    assert to_dict(plan)["referred_on"] == "2025-01-13"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "expected a number, got null"),
        ("15", "expected a number, got a string '15'"),
        (True, "expected a number, got a boolean true"),
        ([15], "expected a number, got an array"),
        ({"h": 15}, "expected a number, got an object"),
    ],
)
def test_messages_name_json_types(value: object, message: str) -> None:
    (detail,) = refusal(with_activity(0, hours_per_week=value)).details
    assert (detail.path, detail.message) == ("activities[0].hours_per_week", message)


def test_details_follow_errors_one_for_one() -> None:
    error = refusal(changed(id=None, referred_on="2025-02-30", colour=1))
    assert [(d.path, d.message) for d in error.details] == list(error.errors)
    assert [d.pointer for d in error.details] == [pointer(path) for path, _ in error.errors]


def test_a_constructor_raises_details_too() -> None:
    with pytest.raises(InvalidPlanError) as info:
        Activity(
            id="a",
            kind=ActivityKind.SFI,
            start=_dt.date(2025, 2, 1),
            end=_dt.date(2025, 1, 1),
            hours_per_week=-1,
        )
    assert [(d.pointer, d.code) for d in info.value.details] == [
        ("/end", ErrorCode.WRONG_ORDER),
        ("/hours_per_week", ErrorCode.OUT_OF_RANGE),
    ]


def test_to_dict_has_the_documented_shape_and_validates_against_its_schema() -> None:
    error = refusal(changed(id=None))
    assert error.to_dict() == {
        "type": "invalid_plan",
        "errors": [
            {
                "path": "id",
                "pointer": "/id",
                "code": "null_not_allowed",
                "message": "expected a string, got null",
            }
        ],
    }
    jsonschema.Draft202012Validator(json_schema(InvalidPlanError)).validate(error.to_dict())


def test_the_error_schema_lists_every_code() -> None:
    schema = json_schema(InvalidPlanError)
    codes_in_schema = schema["$defs"]["ErrorDetail"]["properties"]["code"]["enum"]
    assert codes_in_schema == [code.value for code in ErrorCode]
    assert schema["$id"].startswith("urn:handlingsplan:invalid-plan-error:")


def test_codes_are_stable_strings() -> None:
    assert {code.value for code in ErrorCode} >= {
        "missing",
        "unknown_field",
        "null_not_allowed",
        "wrong_type",
        "not_a_date",
        "not_a_real_date",
        "datetime_not_allowed",
        "out_of_range",
        "not_finite",
        "not_one_of",
        "too_deep",
        "duplicate_id",
        "overlap",
        "wrong_order",
        "unknown_schema",
        "invalid_identity_number",
    }
    assert ErrorCode("overlap") == "overlap"


def test_pickling_keeps_codes_and_pointers() -> None:
    error = refusal(changed(id=None, participation_percent=0))
    again = pickle.loads(pickle.dumps(error))
    assert again.details == error.details
    assert again.errors == error.errors


def test_a_pair_without_a_code_is_unreadable_and_a_detail_is_kept() -> None:
    detail = ErrorDetail.of("a[0]", "empty", "expected a non-empty string, got a blank one")
    error = InvalidPlanError([("x", "bad"), detail])
    assert [d.code for d in error.details] == [ErrorCode.UNREADABLE, ErrorCode.EMPTY]
    assert error.prefixed("p").details[1].pointer == "/p/a/0"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("", ""),
        ("id", "/id"),
        ("activities[0].end", "/activities/0/end"),
        ("revisions[2].plan.activities[1].id", "/revisions/2/plan/activities/1/id"),
        ('participant["a/b~c"]', "/participant/a~1b~0c"),
        ('x["\\u00e5"]', "/x/å"),
        ('x["unclosed', '/x/["unclosed'),
        ("[3]", "/3"),
    ],
)
def test_pointer_follows_rfc_6901(path: str, expected: str) -> None:
    assert pointer(path) == expected


def test_a_quoted_step_that_is_not_json_is_kept_as_written() -> None:
    assert pointer('x["a\\q"]') == "/x/a\\q"


def test_a_plan_read_from_dates_equals_one_read_from_strings() -> None:
    data = plan_dict()
    data["activities"][0]["start"] = _dt.date(2025, 2, 10)
    assert isinstance(from_dict(data), Plan)
