"""Words for people: every enum value of the model in Swedish and English.

A value in the dict form stays the machine's word (``work_experience``); what a person
reads is its label in the locale asked for (``arbetspraktik``, ``work experience``).
Labels are lower case, as they appear inside sentences; a heading capitalises them.

>>> from handlingsplan import ActivityKind, Gender
>>> label(ActivityKind.WORK_EXPERIENCE, "sv"), label(ActivityKind.WORK_EXPERIENCE, "en")
('arbetspraktik', 'work experience')
>>> label(Gender.FEMALE, "sv")
'kvinna'
"""

from __future__ import annotations

from enum import Enum
from typing import Final

from .model import (
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

__all__ = ["LABELS", "label"]

_Pairs = dict[str, tuple[str, str]]

_ACTIVITY_KIND: Final[_Pairs] = {
    "sfi": ("sfi", "SFI"),
    "civic_orientation": ("samhällsorientering", "civic orientation"),
    "work_experience": ("arbetspraktik", "work experience"),
    "work_training": ("arbetsträning", "work training"),
    "enhanced_work_training": ("förstärkt arbetsträning", "enhanced work training"),
    "shortage_occupation_training": ("utbildning i bristyrke", "shortage occupation training"),
    "validation": ("validering", "validation"),
    "job_preparation": ("jobbförberedande insats", "job preparation"),
    "job_search": ("jobbsökande", "job search"),
    "adult_education": ("vuxenutbildning", "adult education"),
    "upper_secondary_intro": ("språkintroduktion", "language introduction"),
    "higher_education": ("högre utbildning", "higher education"),
    "health": ("hälsoinsats", "health"),
    "housing_support": ("bostadsstöd", "housing support"),
    "placement": ("placering", "placement"),
    "guardian_support": ("stöd av god man", "guardian support"),
    "other": ("annan insats", "other activity"),
}
_ACTIVITY_STATUS: Final[_Pairs] = {
    "planned": ("planerad", "planned"),
    "active": ("pågår", "active"),
    "on_hold": ("vilande", "on hold"),
    "completed": ("avslutad", "completed"),
    "cancelled": ("inställd", "cancelled"),
}
_AREA: Final[_Pairs] = {
    "labour_market": ("arbetsmarknad", "labour market"),
    "housing": ("boende", "housing"),
    "health": ("hälsa", "health"),
    "participation": ("delaktighet", "participation"),
}
_GENDER: Final[_Pairs] = {
    "female": ("kvinna", "woman"),
    "male": ("man", "man"),
    "other": ("annat", "other"),
}
_EXIT_REASON: Final[_Pairs] = {
    "employment": ("arbete", "employment"),
    "studies": ("studier", "studies"),
    "own_business": ("eget företag", "own business"),
    "parental_benefit": ("föräldrapenning", "parental benefit"),
    "sickness": ("sjukdom", "sickness"),
    "moved": ("flytt", "moved"),
    "age_limit": ("åldersgräns", "age limit"),
    "time_limit": ("tiden slut", "time limit"),
    "other": ("annat skäl", "other reason"),
}
_INTERRUPTION_REASON: Final[_Pairs] = {
    "parental_benefit": ("föräldrapenning", "parental benefit"),
    "sickness": ("sjukdom", "sickness"),
    "other": ("annat skäl", "other reason"),
}
_ABSENCE_REASON: Final[_Pairs] = {
    "sickness": ("sjukdom", "sickness"),
    "parental_benefit": ("föräldrapenning", "parental benefit"),
    "family_reasons": ("familjeskäl", "family reasons"),
    "other": ("annat skäl", "other reason"),
}
_PARTICIPATION_REASON: Final[_Pairs] = {
    "sickness": ("sjukdom", "sickness"),
    "parental_benefit": ("föräldrapenning", "parental benefit"),
    "childcare": ("vård av barn", "childcare"),
    "other": ("annat skäl", "other reason"),
}
_MILESTONE_KIND: Final[_Pairs] = {
    "language": ("språk", "language"),
    "civic_orientation": ("samhällsorientering", "civic orientation"),
    "validation": ("validering", "validation"),
    "employment": ("arbete", "employment"),
    "studies": ("studier", "studies"),
    "transition_plan": ("plan för övergång", "transition plan"),
    "study_plan": ("studieplan", "study plan"),
    "other": ("annat delmål", "other milestone"),
}
_OUTCOME_STATUS: Final[_Pairs] = {
    "work": ("arbete", "work"),
    "studies": ("studier", "studies"),
    "work_and_studies": ("arbete och studier", "work and studies"),
    "job_seeking": ("arbetssökande", "job seeking"),
    "other": ("annat", "other"),
    "unknown": ("okänt", "unknown"),
}
_CIRCUMSTANCE_KIND: Final[_Pairs] = {
    "full_time_work": ("heltidsarbete", "full-time work"),
    "upper_secondary_school": ("gymnasieskola", "upper-secondary school"),
    "full_time_parental_benefit": ("hel föräldrapenning", "full parental benefit"),
    "full_time_sickness_benefit": ("hel sjukpenning", "full sickness benefit"),
    "asylum_housing": ("boende för asylsökande", "asylum housing"),
}
_PERMIT_KIND: Final[_Pairs] = {
    "refugee": ("flykting", "refugee"),
    "subsidiary_protection": ("alternativt skyddsbehövande", "subsidiary protection"),
    "quota_refugee": ("kvotflykting", "quota refugee"),
    "exceptional_circumstances": (
        "synnerligen ömmande omständigheter",
        "exceptional circumstances",
    ),
    "impediment_to_enforcement": ("verkställighetshinder", "impediment to enforcement"),
    "temporary_protection": ("tillfälligt skydd", "temporary protection"),
    "family_member": ("anhörig", "family member"),
    "work": ("arbete", "work"),
    "studies": ("studier", "studies"),
    "other": ("annat", "other"),
}
_PROGRAMME: Final[_Pairs] = {
    "establishment": ("etableringsprogrammet", "establishment programme"),
    "municipal": ("kommunal plan", "municipal plan"),
}

LABELS: Final[dict[type[Enum], _Pairs]] = {
    ActivityKind: _ACTIVITY_KIND,
    ActivityStatus: _ACTIVITY_STATUS,
    Area: _AREA,
    Gender: _GENDER,
    ExitReason: _EXIT_REASON,
    InterruptionReason: _INTERRUPTION_REASON,
    AbsenceReason: _ABSENCE_REASON,
    ParticipationReason: _PARTICIPATION_REASON,
    MilestoneKind: _MILESTONE_KIND,
    OutcomeStatus: _OUTCOME_STATUS,
    CircumstanceKind: _CIRCUMSTANCE_KIND,
    PermitKind: _PERMIT_KIND,
    Programme: _PROGRAMME,
}
"""The label pairs ``(sv, en)`` of every enum value a person reads, by enum class."""


def label(member: Enum, locale: str) -> str:
    """The word for ``member`` in ``locale`` (``"sv"`` or ``"en"``).

    An enum without labels here (one that only machines read) shows its value with
    spaces for underscores.
    """
    pairs = LABELS.get(type(member))
    if pairs is None:
        return str(member.value).replace("_", " ")
    swedish, english = pairs[member.value]
    return swedish if locale == "sv" else english
