"""What the fast reader checks: the fields of each model class, and the invariants across them.

:mod:`handlingsplan._reader` generates a reader for each class from :data:`SPECS` and
runs :data:`CHECKS` on the values read, the same checks as the constructors', which do
not run again.
"""

from __future__ import annotations

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
from .model._checks import overlaps
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

__all__ = ["CHECKS", "OPTIONAL", "SPECS", "FallbackError", "Field", "plan_invariants"]


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
CHECKS: Final[dict[type[Any], str]] = {
    Circumstance: "if f_end is not None and f_end < f_start: raise FallbackError",
    Activity: _PERIOD,
    Interruption: _PERIOD,
    Absence: _PERIOD,
    Plan: "plan_invariants(o)",
}


_ID = attrgetter("id")
_START = attrgetter("start")


def plan_invariants(plan: Plan) -> None:
    """The checks of :class:`~handlingsplan.Plan` across its fields and parts."""
    referred = plan.referred_on
    made = plan.plan_made_on
    if made is not None and made < referred:
        raise FallbackError
    start = referred if made is None else made
    latest = None
    for change in plan.participation_changes:
        if change.on < start or (latest is not None and change.on <= latest):
            raise FallbackError
        latest = change.on
    activities, milestones = plan.activities, plan.milestones
    ids = set(map(_ID, activities))
    ids.update(map(_ID, milestones))
    if len(ids) != len(activities) + len(milestones):
        raise FallbackError
    born = plan.participant.birth_date
    if referred < born:  # and so is the plan, made on or after the referral
        raise FallbackError
    if activities and min(map(_START, activities)) < born:
        raise FallbackError
    if len(plan.interruptions) > 1 and overlaps(
        [(item.start, item.end) for item in plan.interruptions]
    ):
        raise FallbackError
    if len(plan.absences) > 1:
        for reason in AbsenceReason:
            same = [(item.start, item.end) for item in plan.absences if item.reason is reason]
            if len(same) > 1 and overlaps(same):
                raise FallbackError
    exit, follow_up = plan.exit, plan.follow_up
    if exit is not None and exit.on < referred:
        raise FallbackError
    if follow_up is not None and (exit is None or follow_up.on < exit.on):
        raise FallbackError
