"""The embedded example caseload shown by ``python -m handlingsplan demo``.

Everything here is pure: the caseload is built from fixed dates and rendered to a
string; only ``__main__`` prints it.
"""

from __future__ import annotations

import datetime as _dt

from ._demo_plans import example_plans
from .model import (
    Exit,
    ExitReason,
    FollowUp,
    Gender,
    OutcomeStatus,
    Participant,
    Permit,
    PermitKind,
    Plan,
)

__all__ = ["DEMO_AS_OF", "demo_caseload"]

DEMO_AS_OF = _dt.date(2026, 3, 2)
"""The fixed 'today' of the demo, so that its output never depends on the clock."""

D = _dt.date


def demo_caseload() -> tuple[Plan, ...]:
    """Seven plans of different shapes and a cohort of exited ones, for the demo and docs."""
    return (*example_plans(), *_exited_cohort())


_COHORT = (
    # gender, exit, reason, follow-up status (None: not followed up)
    (Gender.FEMALE, D(2025, 2, 28), ExitReason.EMPLOYMENT, OutcomeStatus.WORK),
    (Gender.FEMALE, D(2025, 4, 30), ExitReason.STUDIES, OutcomeStatus.STUDIES),
    (Gender.FEMALE, D(2025, 6, 13), ExitReason.TIME_LIMIT, OutcomeStatus.JOB_SEEKING),
    (Gender.FEMALE, D(2025, 8, 29), ExitReason.PARENTAL_BENEFIT, None),
    (Gender.FEMALE, D(2025, 10, 31), ExitReason.TIME_LIMIT, OutcomeStatus.WORK_AND_STUDIES),
    (Gender.MALE, D(2025, 3, 14), ExitReason.EMPLOYMENT, OutcomeStatus.WORK),
    (Gender.MALE, D(2025, 5, 30), ExitReason.OWN_BUSINESS, OutcomeStatus.WORK),
    (Gender.MALE, D(2025, 9, 12), ExitReason.TIME_LIMIT, OutcomeStatus.UNKNOWN),
    (None, D(2025, 11, 28), ExitReason.MOVED, OutcomeStatus.OTHER),
)


def _exited_cohort() -> tuple[Plan, ...]:
    plans = []
    for number, (gender, exit_on, reason, status) in enumerate(_COHORT, start=7):
        referred = D(exit_on.year - 2, exit_on.month, 1)
        follow_up = (
            None if status is None else FollowUp(on=exit_on + _dt.timedelta(days=90), status=status)
        )
        plans.append(
            Plan(
                id=f"plan-{number:04d}",
                referred_on=referred,
                participant=Participant(
                    id=f"deltagare-{number + 80}",
                    birth_date=D(1980 + number, number % 12 + 1, 10),
                    gender=gender,
                    first_registered_on=referred - _dt.timedelta(days=60),
                    permit=Permit(
                        kind=PermitKind.REFUGEE, granted_on=referred - _dt.timedelta(days=90)
                    ),
                    needs_sfi=False,
                ),
                exit=Exit(on=exit_on, reason=reason),
                follow_up=follow_up,
            )
        )
    return tuple(plans)
