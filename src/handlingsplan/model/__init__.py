"""The plan model: frozen values for participants, activities and plans.

Every class is a frozen ``attrs`` class with slots and keyword-only arguments.
Structural invariants raise :class:`~handlingsplan.InvalidPlanError` at construction;
policy questions are left to the rules. Every date a plan holds lies from
:data:`MIN_DATE` (1900-01-01) to :data:`MAX_DATE` (2199-12-31) inclusive, so that every
key date and rule computed from it stays computable.
"""

from ._activity import DEFAULT_AREAS, FINAL_STATUSES, TRANSITIONS, Activity
from ._checks import DATE_RANGE, MAX_DATE, MIN_DATE
from ._circumstance import Circumstance
from ._enums import (
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
from ._exit import Exit, FollowUp
from ._identity import IdentityNumber
from ._interruption import Interruption
from ._milestone import Milestone
from ._participant import Participant, Permit
from ._participation import Absence, ParticipationChange
from ._plan import Plan

__all__ = [
    "DATE_RANGE",
    "DEFAULT_AREAS",
    "FINAL_STATUSES",
    "MAX_DATE",
    "MIN_DATE",
    "TRANSITIONS",
    "Absence",
    "AbsenceReason",
    "Activity",
    "ActivityKind",
    "ActivityStatus",
    "Area",
    "Circumstance",
    "CircumstanceKind",
    "Exit",
    "ExitReason",
    "FollowUp",
    "Gender",
    "IdentityNumber",
    "Interruption",
    "InterruptionReason",
    "Milestone",
    "MilestoneKind",
    "OutcomeStatus",
    "Participant",
    "ParticipationChange",
    "ParticipationReason",
    "Permit",
    "PermitKind",
    "Plan",
    "Programme",
]
