"""A pydantic v2 model of handlingsplan's plan dict, the peer of the benchmark.

It reads the same dict form as :func:`handlingsplan.from_dict` and checks the same
things, as cheaply as pydantic allows (pure pydantic-core schemas wherever one exists,
Python validators only for checks across fields):

* strict types: ``StrictStr``, ``StrictBool``, ints or floats but never booleans or
  numeric strings, enums only from their string values;
* dates only as ``YYYY-MM-DD`` strings (no ``date`` objects, date-times, timestamps),
  which must be real dates;
* ``hours_per_week`` from 0 to 168, ``participation_percent`` from 1 to 100, finite;
* non-blank ids, ``end >= start``, ids unique across activities and milestones,
  interruptions that do not overlap, ``plan_made_on`` and the exit not before the
  referral, a follow-up only after an exit and not before it;
* identity numbers in the 12-digit form with a real birth date (coordination numbers
  add 60 to the day), a valid Luhn check digit and agreeing with ``birth_date``;
* ``extra="forbid"``, frozen models, sequences as tuples (a list or a tuple in, never
  a set), the optional ``"schema": "handlingsplan/1"`` key.

``PlanModel.model_dump(mode="json", by_alias=True)`` gives the same dict as
``handlingsplan.to_dict``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal, get_args

from annotated_types import Ge, Le
from pydantic import (
    AfterValidator,
    AllowInfNan,
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    Strict,
    StrictBool,
    StrictStr,
    model_validator,
)
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from handlingsplan import (
    AbsenceReason,
    ActivityKind,
    ActivityStatus,
    Area,
    CircumstanceKind,
    ExitReason,
    Gender,
    InterruptionReason,
    MilestoneKind,
    OutcomeStatus,
    ParticipationReason,
    PermitKind,
    Programme,
)
from handlingsplan.model import DEFAULT_AREAS

__all__ = [
    "ActivityModel",
    "ExitModel",
    "FollowUpModel",
    "InterruptionModel",
    "MilestoneModel",
    "ParticipantModel",
    "PermitModel",
    "PlanModel",
]


class _IsoDate:
    """A ``YYYY-MM-DD`` string read as a ``datetime.date``, all in pydantic-core.

    A strict ``date`` refuses strings in Python mode, and a lax one also takes
    date-times with a zero time and Unix timestamps; so the string is first checked
    against the pattern, then parsed (which refuses 2025-02-30).
    """

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return core_schema.chain_schema(
            [
                core_schema.str_schema(strict=True, pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
                core_schema.date_schema(strict=False),
            ]
        )


class _ListOrTuple:
    """A homogeneous tuple read from a list or a tuple only (a lax tuple takes sets too)."""

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        (item_type, _ellipsis) = get_args(source)
        return core_schema.chain_schema(
            [
                core_schema.is_instance_schema((list, tuple)),
                core_schema.tuple_schema(
                    [handler.generate_schema(item_type)], variadic_item_index=0, strict=False
                ),
            ]
        )


_Lax = Strict(False)
IsoDate = Annotated[dt.date, _IsoDate()]
NonBlank = Annotated[StrictStr, Field(pattern=r"\S")]
Hours = (
    Annotated[int, Strict(), Ge(0), Le(168)]
    | Annotated[float, Strict(), Ge(0), Le(168), AllowInfNan(False)]
)
Percent = (
    Annotated[int, Strict(), Ge(1), Le(100)]
    | Annotated[float, Strict(), Ge(1), Le(100), AllowInfNan(False)]
)

_TWELVE = re.compile(r"([0-9]{8})-?([0-9]{4})")


def _birth_date_of(digits: str) -> dt.date:
    day = int(digits[6:8])
    try:
        return dt.date(int(digits[0:4]), int(digits[4:6]), day - 60 if day > 60 else day)
    except ValueError:
        raise PydanticCustomError(
            "identity_number", "does not hold a real birth date (coordination numbers add 60)"
        ) from None


def _identity_number(value: str) -> str:
    match = _TWELVE.fullmatch(value)
    if match is None:
        raise PydanticCustomError(
            "identity_number", "must be a 12-digit identity number YYYYMMDD-NNNC"
        )
    digits = match.group(1) + match.group(2)
    _birth_date_of(digits)
    total = 0
    for index, char in enumerate(digits[2:11]):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    if (10 - total % 10) % 10 != int(digits[11]):
        raise PydanticCustomError("identity_number", "the check digit is wrong")
    return f"{digits[:8]}-{digits[8:]}"


IdentityNumberStr = Annotated[StrictStr, AfterValidator(_identity_number)]


def _default_area(data: dict[str, Any]) -> Area:
    # A bad kind is reported by its own field; the area is then never used.
    kind = data.get("kind")
    return DEFAULT_AREAS[kind] if isinstance(kind, ActivityKind) else Area.LABOUR_MARKET


def _default_minors_only(data: dict[str, Any]) -> bool:
    return data.get("kind") is ActivityKind.GUARDIAN_SUPPORT


class _Frozen(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class PermitModel(_Frozen):
    kind: Annotated[PermitKind, _Lax]
    granted_on: IsoDate
    applied_on: IsoDate | None = None
    anchor_first_received_on: IsoDate | None = None


class CircumstanceModel(_Frozen):
    kind: Annotated[CircumstanceKind, _Lax]
    start: IsoDate
    end: IsoDate | None = None

    @model_validator(mode="after")
    def _end_not_before_start(self) -> CircumstanceModel:
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError("date_order", "end is before start")
        return self


class ParticipantModel(_Frozen):
    id: NonBlank
    birth_date: IsoDate
    gender: Annotated[Gender, _Lax] | None = None
    identity_number: IdentityNumberStr | None = None
    first_registered_on: IsoDate | None = None
    permit: PermitModel | None = None
    unaccompanied_minor: StrictBool = False
    short_education: StrictBool = False
    needs_sfi: StrictBool = True
    circumstances: Annotated[tuple[CircumstanceModel, ...], _ListOrTuple()] = ()

    @model_validator(mode="after")
    def _identity_agrees(self) -> ParticipantModel:
        number = self.identity_number
        if number is not None and _birth_date_of(number.replace("-", "")) != self.birth_date:
            raise PydanticCustomError("identity_number", "its birth date disagrees with birth_date")
        return self


class ActivityModel(_Frozen):
    id: NonBlank
    kind: Annotated[ActivityKind, _Lax]
    start: IsoDate
    end: IsoDate
    hours_per_week: Hours
    status: Annotated[ActivityStatus, _Lax] = ActivityStatus.PLANNED
    provider: StrictStr | None = None
    area: Annotated[Area, _Lax] = Field(default_factory=_default_area)
    minors_only: StrictBool = Field(default_factory=_default_minors_only)

    @model_validator(mode="after")
    def _end_not_before_start(self) -> ActivityModel:
        if self.end < self.start:
            raise PydanticCustomError("date_order", "end is before start")
        return self


class MilestoneModel(_Frozen):
    id: NonBlank
    kind: Annotated[MilestoneKind, _Lax]
    title: StrictStr
    due: IsoDate
    achieved_on: IsoDate | None = None


class InterruptionModel(_Frozen):
    start: IsoDate
    end: IsoDate
    reason: Annotated[InterruptionReason, _Lax]

    @model_validator(mode="after")
    def _end_not_before_start(self) -> InterruptionModel:
        if self.end < self.start:
            raise PydanticCustomError("date_order", "end is before start")
        return self


class ParticipationChangeModel(_Frozen):
    on: IsoDate
    percent: Percent
    reason: Annotated[ParticipationReason, _Lax] | None = None


class AbsenceModel(_Frozen):
    start: IsoDate
    end: IsoDate
    reason: Annotated[AbsenceReason, _Lax]
    percent: Percent = 100

    @model_validator(mode="after")
    def _end_not_before_start(self) -> AbsenceModel:
        if self.end < self.start:
            raise PydanticCustomError("date_order", "end is before start")
        return self


class ExitModel(_Frozen):
    on: IsoDate
    reason: Annotated[ExitReason, _Lax]


class FollowUpModel(_Frozen):
    on: IsoDate
    status: Annotated[OutcomeStatus, _Lax]


class PlanModel(_Frozen):
    schema_: Literal["handlingsplan/1", "handlingsplan/2"] = Field(
        default="handlingsplan/2", alias="schema"
    )
    id: NonBlank
    participant: ParticipantModel
    referred_on: IsoDate
    programme: Annotated[Programme, _Lax] = Programme.ESTABLISHMENT
    plan_made_on: IsoDate | None = None
    participation_percent: Percent = 100
    participation_reason: Annotated[ParticipationReason, _Lax] | None = None
    participation_changes: Annotated[tuple[ParticipationChangeModel, ...], _ListOrTuple()] = ()
    activities: Annotated[tuple[ActivityModel, ...], _ListOrTuple()] = ()
    milestones: Annotated[tuple[MilestoneModel, ...], _ListOrTuple()] = ()
    interruptions: Annotated[tuple[InterruptionModel, ...], _ListOrTuple()] = ()
    absences: Annotated[tuple[AbsenceModel, ...], _ListOrTuple()] = ()
    exit: ExitModel | None = None
    follow_up: FollowUpModel | None = None

    @model_validator(mode="after")
    def _consistent(self) -> PlanModel:
        problems: list[str] = []
        if self.plan_made_on is not None and self.plan_made_on < self.referred_on:
            problems.append("plan_made_on is before the referral")
        seen: set[str] = set()
        for item_id in (*(a.id for a in self.activities), *(m.id for m in self.milestones)):
            if item_id in seen:
                problems.append(f"id {item_id!r} is used twice")
            seen.add(item_id)
        spans = self.interruptions
        for j, second in enumerate(spans):
            for first in spans[:j]:
                if second.start <= first.end and first.start <= second.end:
                    problems.append(f"interruptions[{j}] overlaps another")
                    break
        start = self.plan_made_on or self.referred_on
        previous = None
        for index, change in enumerate(self.participation_changes):
            if change.on < start or (previous is not None and change.on <= previous):
                problems.append(f"participation_changes[{index}].on is out of order")
            previous = change.on
        for j, second_absence in enumerate(self.absences):
            for first_absence in self.absences[:j]:
                if (
                    first_absence.reason == second_absence.reason
                    and second_absence.start <= first_absence.end
                    and first_absence.start <= second_absence.end
                ):
                    problems.append(f"absences[{j}] overlaps another")
                    break
        if self.exit is not None and self.exit.on < self.referred_on:
            problems.append("exit.on is before the referral")
        if self.follow_up is not None:
            if self.exit is None:
                problems.append("a follow-up needs an exit")
            elif self.follow_up.on < self.exit.on:
                problems.append("follow_up.on is before the exit")
        if problems:
            raise PydanticCustomError("plan", "; ".join(problems))
        return self
