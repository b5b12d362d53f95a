"""What the fast reader checks: the fields of each model class, and the invariants across them.

:mod:`handlingsplan._reader` generates a reader for each class from :data:`SPECS` and
runs :data:`CHECKS` on the values read, the same checks as the constructors', which do
not run again.
"""

from __future__ import annotations

import datetime as _dt
from itertools import pairwise
from operator import attrgetter
from typing import Any, Final

from .model import (
    Absence,
    Activity,
    Circumstance,
    Exit,
    FollowUp,
    Interruption,
    Milestone,
    Participant,
    ParticipationChange,
    Permit,
    Plan,
)
from .model._enums import (
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

__all__ = ["CHECKS", "HELPERS", "OPTIONAL", "SPECS", "FallbackError", "Field"]


class FallbackError(Exception):
    """The input is not plain valid JSON for the class: read it in detail instead."""


# -- the fields of each class ------------------------------------------------------
# A field is (name, kind, *details); the kinds are text (nonempty?), date, enum (class),
# number (low, high), flag, object (class), items (class), identity (the field of the
# birth date it must agree with) and factory (how the default is made from the fields
# before). ``optional`` ones also take None.

Field = tuple[Any, ...]
OPTIONAL: Final = "optional"

SPECS: Final[dict[type[Any], tuple[Field, ...]]] = {
    Circumstance: (
        ("kind", "enum", CircumstanceKind),
        ("start", "date"),
        ("end", "date", OPTIONAL),
    ),
    Permit: (
        ("kind", "enum", PermitKind),
        ("granted_on", "date"),
        ("applied_on", "date", OPTIONAL),
        ("anchor_first_received_on", "date", OPTIONAL),
    ),
    Participant: (
        ("id", "text", True),
        ("birth_date", "date"),
        ("gender", "enum", Gender, OPTIONAL),
        ("identity_number", "identity", "birth_date"),
        ("first_registered_on", "date", OPTIONAL),
        ("permit", "object", Permit, OPTIONAL),
        ("unaccompanied_minor", "flag"),
        ("short_education", "flag"),
        ("needs_sfi", "flag"),
        ("circumstances", "items", Circumstance),
    ),
    Activity: (
        ("id", "text", True),
        ("kind", "enum", ActivityKind),
        ("start", "date"),
        ("end", "date"),
        ("hours_per_week", "number", 0, 168),
        ("status", "enum", ActivityStatus),
        ("provider", "text", False, OPTIONAL),
        ("area", "enum", Area, "factory", "DEFAULT_AREAS[f_kind]"),
        ("minors_only", "flag", "factory", "f_kind is GUARDIAN_SUPPORT"),
    ),
    Milestone: (
        ("id", "text", True),
        ("kind", "enum", MilestoneKind),
        ("title", "text", False),
        ("due", "date"),
        ("achieved_on", "date", OPTIONAL),
    ),
    Interruption: (
        ("start", "date"),
        ("end", "date"),
        ("reason", "enum", InterruptionReason),
    ),
    ParticipationChange: (
        ("on", "date"),
        ("percent", "number", 1, 100),
        ("reason", "enum", ParticipationReason, OPTIONAL),
    ),
    Absence: (
        ("start", "date"),
        ("end", "date"),
        ("reason", "enum", AbsenceReason),
        ("percent", "number", 1, 100),
    ),
    Exit: (("on", "date"), ("reason", "enum", ExitReason)),
    FollowUp: (("on", "date"), ("status", "enum", OutcomeStatus)),
    Plan: (
        ("id", "text", True),
        ("participant", "object", Participant),
        ("referred_on", "date"),
        ("programme", "enum", Programme),
        ("plan_made_on", "date", OPTIONAL),
        ("participation_percent", "number", 1, 100),
        ("participation_reason", "enum", ParticipationReason, OPTIONAL),
        ("participation_changes", "items", ParticipationChange),
        ("activities", "items", Activity),
        ("milestones", "items", Milestone),
        ("interruptions", "items", Interruption),
        ("absences", "items", Absence),
        ("exit", "object", Exit, OPTIONAL),
        ("follow_up", "object", FollowUp, OPTIONAL),
    ),
}

# The invariants across fields, on the values read (``f_<name>``): the same checks as
# the constructors', which did not run.
_PERIOD = "if f_end < f_start: raise FallbackError"
_PLAN = """\
start = f_referred_on
if f_plan_made_on is not None:
    if f_plan_made_on < start: raise FallbackError
    start = f_plan_made_on
latest = None
for change in f_participation_changes:
    if change.on < start or (latest is not None and change.on <= latest): raise FallbackError
    latest = change.on
count = len(f_activities) + len(f_milestones)
if count > 1 and len({*map(ID, f_activities), *map(ID, f_milestones)}) != count:
    raise FallbackError
born = f_participant.birth_date
if f_referred_on < born: raise FallbackError
if f_activities and min(map(START, f_activities)) < born: raise FallbackError
if len(f_interruptions) > 1 and overlapping([(0, i.start, i.end) for i in f_interruptions]):
    raise FallbackError
if len(f_absences) > 1 and overlapping([(a.reason, a.start, a.end) for a in f_absences]):
    raise FallbackError
if f_exit is not None and f_exit.on < f_referred_on: raise FallbackError
if f_follow_up is not None and (f_exit is None or f_follow_up.on < f_exit.on):
    raise FallbackError
"""
CHECKS: Final[dict[type[Any], str]] = {
    Circumstance: "if f_end is not None and f_end < f_start: raise FallbackError",
    Activity: _PERIOD,
    Interruption: _PERIOD,
    Absence: _PERIOD,
    Plan: _PLAN,  # the referral is on or before the plan, so not before the birth either
}


def _overlapping(periods: list[tuple[Any, _dt.date, _dt.date]]) -> bool:
    """Whether two periods ``(group, start, end)`` of one group share a day.

    Each ends on or after its start; so, sorted, a period overlaps an earlier one of its
    group exactly when it overlaps the one before it. Sorts ``periods`` in place.
    """
    periods.sort()
    for (group, _, end), (next_group, start, _) in pairwise(periods):
        if start <= end and next_group == group:
            return True
    return False


HELPERS: Final[dict[str, Any]] = {
    "ID": attrgetter("id"),
    "START": attrgetter("start"),
    "overlapping": _overlapping,
}
"""The names the checks use besides the fields."""
