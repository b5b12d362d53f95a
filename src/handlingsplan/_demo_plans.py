"""The seven hand-written plans of the demo, each a situation the rules treat differently.

A refugee in full time, an unaccompanied minor, a part-time parent, a plan exited and
followed up, a family member with short education, a participant near the upper age and
one who worked when referred: fixed dates, no clock.
"""

from __future__ import annotations

import datetime as _dt

from .model import (
    Activity,
    ActivityKind,
    ActivityStatus,
    Circumstance,
    CircumstanceKind,
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

__all__ = ["example_plans"]

D = _dt.date


def example_plans() -> tuple[Plan, ...]:
    """The seven plans, in the order the demo shows them."""
    return (
        _refugee_full_time(),
        _young_unaccompanied(),
        _part_time_parent(),
        _exited_and_followed_up(),
        _family_member_short_education(),
        _near_upper_age(),
        _working_when_referred(),
    )


def _refugee_full_time() -> Plan:
    return Plan(
        id="plan-0001",
        referred_on=D(2025, 1, 13),
        plan_made_on=D(2025, 2, 3),
        participant=Participant(
            id="deltagare-17",
            birth_date=D(1990, 5, 17),
            gender=Gender.FEMALE,
            first_registered_on=D(2024, 11, 4),
            permit=Permit(kind=PermitKind.REFUGEE, granted_on=D(2024, 10, 1)),
        ),
        activities=(
            Activity(
                id="sfi-1",
                kind=ActivityKind.SFI,
                start=D(2025, 2, 10),
                end=D(2025, 12, 19),
                hours_per_week=15,
                status=ActivityStatus.COMPLETED,
                provider="Växjö kommun, vuxenutbildningen",
            ),
            Activity(
                id="so-1",
                kind=ActivityKind.CIVIC_ORIENTATION,
                start=D(2025, 3, 3),
                end=D(2025, 6, 13),
                hours_per_week=8,
                status=ActivityStatus.COMPLETED,
                provider="Växjö kommun, samhällsorientering",
            ),
            Activity(
                id="praktik-1",
                kind=ActivityKind.WORK_EXPERIENCE,
                start=D(2026, 1, 12),
                end=D(2026, 5, 29),
                hours_per_week=25,
                status=ActivityStatus.ACTIVE,
                provider="Lokal arbetsgivare via jobbagent",
            ),
            Activity(
                id="sfi-2",
                kind=ActivityKind.SFI,
                start=D(2026, 1, 12),
                end=D(2026, 6, 12),
                hours_per_week=15,
                status=ActivityStatus.ACTIVE,
            ),
        ),
        milestones=(
            Milestone(
                id="ms-sfi-c",
                kind=MilestoneKind.LANGUAGE,
                title="SFI kurs C godkänd",
                due=D(2025, 12, 19),
                achieved_on=D(2025, 12, 12),
            ),
            Milestone(
                id="ms-job",
                kind=MilestoneKind.EMPLOYMENT,
                title="Anställning inom vården",
                due=D(2026, 9, 30),
            ),
        ),
    )


def _young_unaccompanied() -> Plan:
    return Plan(
        id="plan-0002",
        programme=Programme.MUNICIPAL,
        referred_on=D(2025, 9, 1),
        participant=Participant(
            id="deltagare-23",
            birth_date=D(2008, 2, 29),
            gender=Gender.MALE,
            identity_number=IdentityNumber("20080289-2398"),
            first_registered_on=D(2025, 8, 18),
            permit=Permit(kind=PermitKind.SUBSIDIARY_PROTECTION, granted_on=D(2025, 7, 1)),
            unaccompanied_minor=True,
        ),
        activities=(
            Activity(
                id="god-man",
                kind=ActivityKind.GUARDIAN_SUPPORT,
                start=D(2025, 9, 1),
                end=D(2026, 2, 27),
                hours_per_week=2,
                status=ActivityStatus.ACTIVE,
            ),
            Activity(
                id="hvb",
                kind=ActivityKind.PLACEMENT,
                start=D(2025, 9, 1),
                end=D(2026, 2, 27),
                hours_per_week=0,
                status=ActivityStatus.ACTIVE,
                provider="HVB Kronoberg",
                minors_only=True,
            ),
            Activity(
                id="stodboende",
                kind=ActivityKind.HOUSING_SUPPORT,
                start=D(2026, 2, 28),
                end=D(2027, 6, 30),
                hours_per_week=0,
                provider="Stödboende Växjö",
            ),
            Activity(
                id="sprint",
                kind=ActivityKind.UPPER_SECONDARY_INTRO,
                start=D(2025, 9, 1),
                end=D(2027, 6, 11),
                hours_per_week=23,
                status=ActivityStatus.ACTIVE,
                provider="Språkintroduktion, Kungsmadskolan",
            ),
        ),
        milestones=(
            Milestone(
                id="ms-studieplan",
                kind=MilestoneKind.STUDY_PLAN,
                title="Studieplan för språkintroduktionen",
                due=D(2025, 10, 31),
                achieved_on=D(2025, 10, 24),
            ),
            Milestone(
                id="ms-transition",
                kind=MilestoneKind.TRANSITION_PLAN,
                title="Plan inför 18 år: boende, skola, god man",
                due=D(2026, 1, 31),
                achieved_on=D(2026, 1, 26),
            ),
        ),
    )


def _part_time_parent() -> Plan:
    return Plan(
        id="plan-0003",
        referred_on=D(2025, 6, 2),
        plan_made_on=D(2025, 6, 16),
        participation_percent=50,
        participant=Participant(
            id="deltagare-31",
            birth_date=D(1994, 1, 31),
            gender=Gender.FEMALE,
            first_registered_on=D(2025, 3, 31),
            permit=Permit(
                kind=PermitKind.FAMILY_MEMBER,
                granted_on=D(2025, 3, 3),
                applied_on=D(2023, 5, 2),
                anchor_first_received_on=D(2019, 8, 30),
            ),
        ),
        activities=(
            Activity(
                id="sfi-1",
                kind=ActivityKind.SFI,
                start=D(2025, 8, 18),
                end=D(2026, 6, 12),
                hours_per_week=15,
                status=ActivityStatus.ACTIVE,
            ),
            Activity(
                id="so-1",
                kind=ActivityKind.CIVIC_ORIENTATION,
                start=D(2025, 9, 1),
                end=D(2025, 12, 12),
                hours_per_week=7,
                status=ActivityStatus.COMPLETED,
            ),
        ),
        interruptions=(
            Interruption(
                start=D(2025, 10, 6),
                end=D(2025, 12, 31),
                reason=InterruptionReason.PARENTAL_BENEFIT,
            ),
        ),
    )


def _exited_and_followed_up() -> Plan:
    return Plan(
        id="plan-0004",
        referred_on=D(2024, 2, 5),
        plan_made_on=D(2024, 2, 29),
        participant=Participant(
            id="deltagare-42",
            birth_date=D(1985, 7, 9),
            gender=Gender.MALE,
            identity_number=IdentityNumber("19850769-9802"),
            first_registered_on=D(2023, 12, 1),
            permit=Permit(kind=PermitKind.QUOTA_REFUGEE, granted_on=D(2023, 10, 2)),
        ),
        activities=(
            Activity(
                id="validering-1",
                kind=ActivityKind.VALIDATION,
                start=D(2024, 3, 11),
                end=D(2024, 6, 14),
                hours_per_week=20,
                status=ActivityStatus.COMPLETED,
            ),
            Activity(
                id="arbetstraning-1",
                kind=ActivityKind.WORK_TRAINING,
                start=D(2024, 8, 19),
                end=D(2025, 2, 14),
                hours_per_week=30,
                status=ActivityStatus.COMPLETED,
            ),
        ),
        exit=Exit(on=D(2025, 3, 14), reason=ExitReason.EMPLOYMENT),
        follow_up=FollowUp(on=D(2025, 6, 12), status=OutcomeStatus.WORK),
    )


def _family_member_short_education() -> Plan:
    return Plan(
        id="plan-0005",
        referred_on=D(2026, 1, 19),
        participant=Participant(
            id="deltagare-58",
            birth_date=D(2001, 12, 31),
            gender=Gender.FEMALE,
            first_registered_on=D(2026, 1, 5),
            permit=Permit(
                kind=PermitKind.FAMILY_MEMBER,
                granted_on=D(2025, 11, 20),
                applied_on=D(2024, 3, 1),
                anchor_first_received_on=D(2019, 3, 1),
            ),
            short_education=True,
        ),
        activities=(
            Activity(
                id="jobbforb-1",
                kind=ActivityKind.JOB_PREPARATION,
                start=D(2026, 2, 2),
                end=D(2026, 6, 26),
                hours_per_week=30,
                status=ActivityStatus.ACTIVE,
            ),
            Activity(
                id="sfi-1",
                kind=ActivityKind.SFI,
                start=D(2026, 5, 4),
                end=D(2026, 12, 18),
                hours_per_week=10,
            ),
        ),
    )


def _near_upper_age() -> Plan:
    return Plan(
        id="plan-0006",
        referred_on=D(2025, 4, 7),
        plan_made_on=D(2025, 4, 22),
        participant=Participant(
            id="deltagare-64",
            birth_date=D(1960, 11, 2),
            gender=None,
            first_registered_on=D(2025, 1, 15),
            permit=Permit(kind=PermitKind.TEMPORARY_PROTECTION, granted_on=D(2024, 12, 2)),
            needs_sfi=False,
        ),
        activities=(
            Activity(
                id="validering-1",
                kind=ActivityKind.VALIDATION,
                start=D(2025, 5, 5),
                end=D(2026, 12, 18),
                hours_per_week=40,
                status=ActivityStatus.ACTIVE,
            ),
        ),
    )


def _working_when_referred() -> Plan:
    """Referred while working full time: a hindrance (Förordning 2017:820 5 §)."""
    return Plan(
        id="plan-0016",
        referred_on=D(2025, 9, 1),
        participant=Participant(
            id="deltagare-07",
            birth_date=D(1993, 1, 31),
            gender=Gender.MALE,
            first_registered_on=D(2025, 3, 3),
            permit=Permit(kind=PermitKind.SUBSIDIARY_PROTECTION, granted_on=D(2025, 2, 3)),
            circumstances=(
                Circumstance(
                    kind=CircumstanceKind.FULL_TIME_WORK,
                    start=D(2025, 6, 2),
                    end=D(2025, 10, 31),
                ),
            ),
        ),
        activities=(
            Activity(
                id="sfi-1",
                kind=ActivityKind.SFI,
                start=D(2025, 11, 3),
                end=D(2026, 6, 12),
                hours_per_week=15,
                status=ActivityStatus.ACTIVE,
            ),
            Activity(
                id="jobbforberedande-1",
                kind=ActivityKind.JOB_PREPARATION,
                start=D(2025, 11, 3),
                end=D(2026, 6, 12),
                hours_per_week=25,
                status=ActivityStatus.ACTIVE,
            ),
        ),
    )
