"""Individual action plans (*individuella handlingsplaner*) for the Swedish establishment work.

Typed, immutable plans; statutory date arithmetic; lossless JSON-ready dicts.
"""

from ._version import __version__
from .errors import (
    DuplicateRuleError,
    HandlingsplanError,
    InvalidPlanError,
    ParameterError,
    RuleError,
    UnknownParameterError,
)
from .model import (
    Activity,
    ActivityKind,
    ActivityStatus,
    Area,
    Exit,
    ExitReason,
    FollowUp,
    Gender,
    IdentityNumber,
    Interruption,
    InterruptionReason,
    Milestone,
    MilestoneKind,
    OutcomeStatus,
    Participant,
    Permit,
    PermitKind,
    Plan,
    Programme,
)
from .serialization import SCHEMA, from_dict, to_dict

__all__ = [
    "SCHEMA",
    "Activity",
    "ActivityKind",
    "ActivityStatus",
    "Area",
    "DuplicateRuleError",
    "Exit",
    "ExitReason",
    "FollowUp",
    "Gender",
    "HandlingsplanError",
    "IdentityNumber",
    "Interruption",
    "InterruptionReason",
    "InvalidPlanError",
    "Milestone",
    "MilestoneKind",
    "OutcomeStatus",
    "ParameterError",
    "Participant",
    "Permit",
    "PermitKind",
    "Plan",
    "Programme",
    "RuleError",
    "UnknownParameterError",
    "__version__",
    "from_dict",
    "to_dict",
]
