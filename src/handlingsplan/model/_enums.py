"""The closed sets of the model; each value is its lower-case snake_case name."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "AbsenceReason",
    "ActivityKind",
    "ActivityStatus",
    "Area",
    "CircumstanceKind",
    "ExitReason",
    "Gender",
    "InterruptionReason",
    "MilestoneKind",
    "OutcomeStatus",
    "ParticipationReason",
    "PermitKind",
    "Programme",
]


class Gender(StrEnum):
    """The participant's gender (*kön*), as recorded; outcomes are reported by it."""

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class PermitKind(StrEnum):
    """The ground of the residence permit (*uppehållstillstånd*)."""

    REFUGEE = "refugee"
    SUBSIDIARY_PROTECTION = "subsidiary_protection"
    QUOTA_REFUGEE = "quota_refugee"
    EXCEPTIONAL_CIRCUMSTANCES = "exceptional_circumstances"
    IMPEDIMENT_TO_ENFORCEMENT = "impediment_to_enforcement"
    TEMPORARY_PROTECTION = "temporary_protection"
    FAMILY_MEMBER = "family_member"
    WORK = "work"
    STUDIES = "studies"
    OTHER = "other"


class ActivityKind(StrEnum):
    """What an activity (*aktivitet*, *insats*) is."""

    SFI = "sfi"
    CIVIC_ORIENTATION = "civic_orientation"
    WORK_EXPERIENCE = "work_experience"
    WORK_TRAINING = "work_training"
    ENHANCED_WORK_TRAINING = "enhanced_work_training"
    SHORTAGE_OCCUPATION_TRAINING = "shortage_occupation_training"
    VALIDATION = "validation"
    JOB_PREPARATION = "job_preparation"
    JOB_SEARCH = "job_search"
    ADULT_EDUCATION = "adult_education"
    UPPER_SECONDARY_INTRO = "upper_secondary_intro"
    HIGHER_EDUCATION = "higher_education"
    HEALTH = "health"
    HOUSING_SUPPORT = "housing_support"
    PLACEMENT = "placement"
    GUARDIAN_SUPPORT = "guardian_support"
    OTHER = "other"


class ActivityStatus(StrEnum):
    """Where an activity stands; ``completed`` and ``cancelled`` are final."""

    PLANNED = "planned"
    ACTIVE = "active"
    ON_HOLD = "on_hold"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class Area(StrEnum):
    """The area of the regional agreement an activity serves."""

    LABOUR_MARKET = "labour_market"
    HOUSING = "housing"
    HEALTH = "health"
    PARTICIPATION = "participation"


class MilestoneKind(StrEnum):
    """What an intermediate goal (*delmål*) is about."""

    LANGUAGE = "language"
    CIVIC_ORIENTATION = "civic_orientation"
    VALIDATION = "validation"
    EMPLOYMENT = "employment"
    STUDIES = "studies"
    TRANSITION_PLAN = "transition_plan"
    STUDY_PLAN = "study_plan"
    OTHER = "other"


class InterruptionReason(StrEnum):
    """Why a participant was outside the programme for a period."""

    PARENTAL_BENEFIT = "parental_benefit"
    SICKNESS = "sickness"
    OTHER = "other"


class ExitReason(StrEnum):
    """Why a participation ended (*avslut*)."""

    EMPLOYMENT = "employment"
    STUDIES = "studies"
    OWN_BUSINESS = "own_business"
    PARENTAL_BENEFIT = "parental_benefit"
    SICKNESS = "sickness"
    MOVED = "moved"
    AGE_LIMIT = "age_limit"
    TIME_LIMIT = "time_limit"
    OTHER = "other"


class OutcomeStatus(StrEnum):
    """The participant's status at follow-up (*uppföljning*)."""

    WORK = "work"
    STUDIES = "studies"
    WORK_AND_STUDIES = "work_and_studies"
    JOB_SEEKING = "job_seeking"
    OTHER = "other"
    UNKNOWN = "unknown"


class Programme(StrEnum):
    """The programme a plan belongs to."""

    ESTABLISHMENT = "establishment"
    MUNICIPAL = "municipal"


class ParticipationReason(StrEnum):
    """Why a participant takes part below full time (Förordning 2017:820 7–10 §§).

    The reason must be documented: sickness, parental benefit (*föräldrapenning*), lack of
    childcare (*barnomsorg*), or another accepted reason.
    """

    SICKNESS = "sickness"
    PARENTAL_BENEFIT = "parental_benefit"
    CHILDCARE = "childcare"
    OTHER = "other"


class AbsenceReason(StrEnum):
    """Why a participant is absent (Förordning 2017:820 16–18 §§).

    A full-time absence for sickness or parental benefit lasting more than 30 days leads
    to the referral being withdrawn; absence for special family reasons (*särskilda
    familjeskäl*) is limited in total.
    """

    SICKNESS = "sickness"
    PARENTAL_BENEFIT = "parental_benefit"
    FAMILY_REASONS = "family_reasons"
    OTHER = "other"


class CircumstanceKind(StrEnum):
    """A circumstance that hinders a referral while it lasts (Förordning 2017:820 5 §).

    Working full time, attending upper-secondary school, full-time parental benefit
    (*föräldrapenning*), full sickness benefit (*sjukpenning*), and living in the
    Migration Agency's asylum housing (*Migrationsverkets anläggningsboende*).
    """

    FULL_TIME_WORK = "full_time_work"
    UPPER_SECONDARY_SCHOOL = "upper_secondary_school"
    FULL_TIME_PARENTAL_BENEFIT = "full_time_parental_benefit"
    FULL_TIME_SICKNESS_BENEFIT = "full_time_sickness_benefit"
    ASYLUM_HOUSING = "asylum_housing"
