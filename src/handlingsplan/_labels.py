"""Words for people: every enum value of the model in Swedish and English.

A value in the dict form stays the machine's word (``work_experience``); what a person
reads is its label in the locale asked for (``arbetspraktik``, ``work experience``).
Labels are lower case, as they appear inside sentences; a heading capitalises them.

>>> from handlingsplan import ActivityKind, Gender
>>> label(ActivityKind.WORK_EXPERIENCE, "sv"), label(ActivityKind.WORK_EXPERIENCE, "en")
('arbetspraktik', 'work experience')
>>> label(Gender.FEMALE, "sv")
'kvinna'

A fact's value reads the same way: dates in ISO form, yes and no in the locale's words,
enum values by their label, lists joined with commas.

>>> import datetime
>>> show_value(datetime.date(2026, 3, 2), "sv"), show_value(True, "sv"), show_value(True, "en")
('2026-03-02', 'ja', 'yes')
>>> show_value((ActivityKind.SFI, ActivityKind.VALIDATION), "sv")
'sfi, validering'
>>> reason_label("too_late", "sv"), reason_label("default", "en")
('för sent', 'default')
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from enum import Enum
from typing import Any, Final

from ._fact_labels import FACT_LABELS, fact_label
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

__all__ = [
    "FACT_LABELS",
    "LABELS",
    "OUTCOME_WORDS",
    "REASON_LABELS",
    "fact_label",
    "label",
    "outcome_word",
    "reason_label",
    "show_value",
    "table_value",
]

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


def _pick(pair: tuple[str, str], locale: str) -> str:
    return pair[0] if locale == "sv" else pair[1]


REASON_LABELS: Final[_Pairs] = {
    "default": ("grundfall", "default"),
    "missing": ("saknas", "missing"),
    "too_few_hours": ("för få timmar", "too few hours"),
    "too_late": ("för sent", "too late"),
    "too_young": ("för ung", "too young"),
    "too_old": ("för gammal", "too old"),
    "activity_after_end": ("aktivitet efter programmets slut", "activity after the end"),
    "no_exit": ("inget avslut", "no exit"),
    "after_exit": ("efter avslutet", "after the exit"),
    "outside": ("utanför programmet", "outside the programme"),
    "not_qualifying": ("ger inte rätt till programmet", "does not lead to the programme"),
    "not_achieved": ("inte uppnått", "not achieved"),
    **{kind: (sv, en) for kind, (sv, en) in _CIRCUMSTANCE_KIND.items()},
    **{
        f"{kind}_open": (f"{sv}, tills vidare", f"{en}, open-ended")
        for kind, (sv, en) in _CIRCUMSTANCE_KIND.items()
    },
}
"""The label pairs ``(sv, en)`` of the reasons the built-in rules give, by reason."""


def reason_label(reason: str, locale: str) -> str:
    """The word for a finding's ``reason`` in ``locale``; a reason not listed shows as given."""
    pair = REASON_LABELS.get(reason)
    return reason if pair is None else _pick(pair, locale)


_STRING_VALUES: Final[Mapping[str, _Pairs]] = {
    "event": {
        "permit granted": ("uppehållstillståndet beviljas", "permit granted"),
        "first population registration": (
            "första folkbokföringen",
            "first population registration",
        ),
    },
}
"""Words of string-valued facts, by fact and value (the ``fact`` fact holds fact names)."""

_YES_NO: Final = {"sv": ("ja", "nej"), "en": ("yes", "no")}


def show_value(value: Any, locale: str, *, fact: str | None = None) -> str:
    """A fact's value as a person reads it in ``locale``.

    ``None`` is ``-``, a date ISO, a boolean yes or no, an enum value its :func:`label`,
    a whole float an integer, a list its items joined by commas. ``fact`` names the fact,
    for the string values with words of their own (the names a missing-fact finding
    lists, the event a referral waits for).
    """
    if value is None:
        return "-"
    if isinstance(value, bool):
        yes, no = _YES_NO["sv" if locale == "sv" else "en"]
        return yes if value else no
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Enum):
        return label(value, locale)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, tuple | list):
        return ", ".join(show_value(item, locale, fact=fact) for item in value)
    if isinstance(value, str) and fact == "fact":
        return ", ".join(fact_label(name, locale) for name in value.split(", "))
    pair = _STRING_VALUES.get(fact or "", {}).get(value) if isinstance(value, str) else None
    return str(value) if pair is None else _pick(pair, locale)


OUTCOME_WORDS: Final[_Pairs] = {
    "title": (
        "Utfall 90 dagar efter avslut, avslut {year}, per {by} (mål {target} av de avslutade)",
        "Outcomes 90 days after exit, exits in {year}, by {by} (target {target} of those "
        "who exited)",
    ),
    "gender": ("kön", "gender"),
    "exit_reason": ("avslutsskäl", "exit reason"),
    "group": ("grupp", "group"),
    "exited": ("avslutade", "exited"),
    "followed_up": ("följts upp", "followed up"),
    "positive": ("i arbete/studier", "in work/studies"),
    "unknown": ("okänt utfall", "unknown outcome"),
    "rate_followed_up": ("av uppföljda", "of followed up"),
    "rate_exited": ("av avslutade", "of exited"),
    "target": ("mål", "target"),
    "meets_target": ("når målet", "meets target"),
    "all": ("alla", "all"),
    "unrecorded": ("ej registrerat", "unrecorded"),
}
"""The outcome table's words: its title template, column names (the fields of
:class:`~handlingsplan.outcomes.OutcomeRate`) and the groups that are not enum values."""


def outcome_word(name: str, locale: str, *, by: str | None = None) -> str:
    """A word of the outcome table in ``locale``: a column, a grouping, or a group.

    A group that is a gender or exit reason value takes that enum's label: the exit
    reason's when ``by`` is ``"exit_reason"``, else the gender's (both have ``other``).

    >>> outcome_word("exited", "sv"), outcome_word("female", "sv"), outcome_word("all", "en")
    ('avslutade', 'kvinna', 'all')
    >>> outcome_word("employment", "sv"), outcome_word("other", "sv", by="exit_reason")
    ('arbete', 'annat skäl')
    """
    pair = OUTCOME_WORDS.get(name)
    if pair is not None:
        return _pick(pair, locale)
    if name in _GENDER and by != "exit_reason":
        return label(Gender(name), locale)
    if name in _EXIT_REASON:
        return label(ExitReason(name), locale)
    return name


def table_value(member: Enum, locale: str) -> str:
    """An enum value in a plain-text table or diff: its label in Swedish, its value (an
    English word already) in English."""
    return label(member, locale) if locale == "sv" else str(member.value)
