"""Tests for :func:`handlingsplan.plan_records` and :func:`handlingsplan.activity_records`."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import pandas
import polars
import pytest

from handlingsplan import (
    Activity,
    ActivityKind,
    Area,
    Exit,
    ExitReason,
    FollowUp,
    OutcomeStatus,
    Participant,
    ParticipationChange,
    ParticipationReason,
    Plan,
    Programme,
    activity_records,
    evaluate,
    plan_records,
    to_records,
)
from handlingsplan._demo import DEMO_AS_OF, demo_caseload

D = _dt.date

PLAN_COLUMNS = [
    "plan_id",
    "programme",
    "gender",
    "age_at_referral",
    "referred_on",
    "start",
    "programme_end",
    "participation_percent",
    "exit_on",
    "exit_reason",
    "follow_up_status",
    *(f"activities_{area.value}" for area in Area),
]
ACTIVITY_COLUMNS = [
    "plan_id",
    "activity_id",
    "kind",
    "area",
    "status",
    "start",
    "end",
    "hours_per_week",
    "provider",
    "minors_only",
]


def exited_plan() -> Plan:
    """Referred 2025-02-03 at 34, half time from 2025-09-01, exited and followed up."""
    return Plan(
        id="plan-x",
        referred_on=D(2025, 2, 3),
        participant=Participant(id="d-1", birth_date=D(1990, 5, 17)),
        participation_changes=(
            ParticipationChange(on=D(2025, 9, 1), percent=50, reason=ParticipationReason.SICKNESS),
        ),
        activities=(
            Activity(
                id="sfi-1",
                kind=ActivityKind.SFI,
                start=D(2025, 2, 10),
                end=D(2025, 6, 13),
                hours_per_week=15,
            ),
            Activity(
                id="bo-1",
                kind=ActivityKind.HOUSING_SUPPORT,
                start=D(2025, 3, 3),
                end=D(2025, 4, 30),
                hours_per_week=2.5,
                provider="Hyresgästföreningen",
            ),
        ),
        exit=Exit(on=D(2025, 10, 31), reason=ExitReason.EMPLOYMENT),
        follow_up=FollowUp(on=D(2026, 1, 29), status=OutcomeStatus.WORK),
    )


def test_a_plan_row_holds_its_facts_with_plain_dates_and_enum_values() -> None:
    (row,) = plan_records([exited_plan()], as_of=D(2025, 10, 1))
    assert list(row) == PLAN_COLUMNS
    assert row == {
        "plan_id": "plan-x",
        "programme": "establishment",
        "gender": None,
        "age_at_referral": 34,
        "referred_on": D(2025, 2, 3),
        "start": D(2025, 2, 3),
        # 731 days of allowance (2025-02-03 to 2027-02-03); 210 used full time to
        # 2025-08-31, the other 521 at 50 % take 1042 days from 2025-09-01.
        "programme_end": D(2028, 7, 8),
        "participation_percent": 50.0,
        "exit_on": D(2025, 10, 31),
        "exit_reason": "employment",
        "follow_up_status": "work",
        "activities_labour_market": 1,
        "activities_housing": 1,
        "activities_health": 0,
        "activities_participation": 0,
    }
    assert type(row["programme_end"]) is _dt.date
    for value in row.values():
        assert not isinstance(value, _dt.date) or type(value) is _dt.date


def test_participation_is_read_on_as_of() -> None:
    (before,) = plan_records([exited_plan()], as_of=D(2025, 8, 31))
    assert before["participation_percent"] == 100.0


def test_a_plan_without_exit_or_programme_end_has_empty_cells() -> None:
    plan = Plan(
        id="plan-m",
        programme=Programme.MUNICIPAL,
        referred_on=D(2025, 2, 3),
        participant=Participant(id="d-2", birth_date=D(2000, 1, 1)),
    )
    (row,) = plan_records([plan], as_of=D(2025, 3, 1))
    assert (row["programme_end"], row["exit_on"], row["exit_reason"]) == (None, None, None)
    assert row["follow_up_status"] is None


def test_activity_rows_follow_plan_and_activity_order() -> None:
    rows = activity_records([exited_plan()])
    assert [list(row) for row in rows] == [ACTIVITY_COLUMNS] * 2
    assert rows[1] == {
        "plan_id": "plan-x",
        "activity_id": "bo-1",
        "kind": "housing_support",
        "area": "housing",
        "status": "planned",
        "start": D(2025, 3, 3),
        "end": D(2025, 4, 30),
        "hours_per_week": 2.5,
        "provider": "Hyresgästföreningen",
        "minors_only": False,
    }
    assert type(rows[0]["start"]) is _dt.date
    assert rows[0]["provider"] is None


@pytest.mark.parametrize("function", [activity_records, plan_records])
def test_records_take_only_plans(function: Any) -> None:
    options = {"as_of": DEMO_AS_OF} if function is plan_records else {}
    with pytest.raises(TypeError, match=f"{function.__name__} takes Plan values, not dict"):
        function([{}], **options)


def test_pandas_reads_the_dates_as_dates() -> None:
    frame = pandas.DataFrame(plan_records(demo_caseload(), as_of=DEMO_AS_OF))
    assert list(frame.columns) == PLAN_COLUMNS
    dates = pandas.to_datetime(frame["referred_on"])
    assert dates.dt.year.min() >= 2018


def test_polars_reads_the_same_records_with_date_columns() -> None:
    plans = demo_caseload()
    frame = polars.DataFrame(plan_records(plans, as_of=DEMO_AS_OF))
    assert frame.columns == PLAN_COLUMNS
    assert frame.schema["referred_on"] == polars.Date
    assert frame.schema["programme_end"] == polars.Date
    activities = polars.DataFrame(activity_records(plans))
    assert activities.schema["start"] == polars.Date
    assert activities.schema["minors_only"] == polars.Boolean
    findings = polars.DataFrame(to_records(evaluate(p, as_of=DEMO_AS_OF) for p in plans))
    assert findings.schema["as_of"] == polars.Date
