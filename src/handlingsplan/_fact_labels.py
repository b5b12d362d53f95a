"""Names for people of every fact a built-in rule or key date records, in Swedish and English.

A finding's ``facts`` and a key date's ``facts`` keep the machine's names
(``hours_planned``); what a person reads is the label in the locale asked for. A fact
of a user's own rule that is not listed here shows its name.

>>> fact_label("hours_planned", "sv"), fact_label("hours_planned", "en")
('planerade timmar', 'planned hours')
>>> fact_label("my_own_fact", "sv")
'my_own_fact'
"""

from __future__ import annotations

from typing import Final

__all__ = ["FACT_LABELS", "fact_label"]

FACT_LABELS: Final[dict[str, tuple[str, str]]] = {
    # Findings of the built-in rules.
    "absence_exit_days": ("gräns för frånvaro i dagar", "absence limit in days"),
    "act_by": ("senast", "act by"),
    "anchor_first_received_on": (
        "anknytningspersonen först mottagen",
        "anchor person first received",
    ),
    "applied_on": ("ansökningsdag", "application date"),
    "birthday": ("18-årsdag", "18th birthday"),
    "complete_by": ("slutförd senast", "complete by"),
    "courses": ("kurser", "courses"),
    "crossed_on": ("gränsen passerad", "limit crossed on"),
    "cutoff": ("sista dag att börja", "last day to start"),
    "days": ("dagar", "days"),
    "education_hours": ("timmar utbildning", "education hours"),
    "end": ("slut", "end"),
    "event": ("händelse", "event"),
    "exit_on": ("avslutsdag", "exit date"),
    "fact": ("uppgift", "fact"),
    "family_absence_max_days": (
        "högsta antal dagar frånvaro av familjeskäl",
        "maximum days of absence for family reasons",
    ),
    "first_admission": ("första antagning", "first admission"),
    "first_registered_on": ("första folkbokföring", "first population registration"),
    "first_week": ("första vecka", "first week"),
    "full_time_hours": ("heltid i timmar per vecka", "full-time hours per week"),
    "horizon": ("veckor som granskas", "weeks examined"),
    "hours": ("timmar", "hours"),
    "hours_per_week": ("timmar per vecka", "hours per week"),
    "hours_planned": ("planerade timmar", "planned hours"),
    "hours_required": ("krävda timmar", "required hours"),
    "interruption_reason": ("skäl för avbrott", "interruption reason"),
    "kind": ("slag", "kind"),
    "last_day": ("sista dag", "last day"),
    "limit": ("gränsdatum", "limit date"),
    "limit_days": ("gräns i dagar", "limit in days"),
    "min_age": ("lägsta ålder", "minimum age"),
    "min_hours": ("minsta antal timmar", "minimum hours"),
    "min_hours_per_week": ("minsta antal timmar per vecka", "minimum hours per week"),
    "months": ("månader", "months"),
    "notice_from": ("förvarning från", "notice from"),
    "notice_months": ("förvarning i månader", "notice in months"),
    "participation_percent": ("deltagandenivå i procent", "participation level in percent"),
    "percent": ("procent", "percent"),
    "programme_end": ("programmets slut", "programme end"),
    "referred_on": ("anvisningsdag", "referral date"),
    "sfi_right_end": ("rätten till sfi upphör", "end of the right to SFI"),
    "sfi_start": ("sfi ska ha påbörjats", "SFI start due"),
    "sfi_start_target": ("målet för sfi-start", "SFI start target"),
    "start": ("start", "start"),
    "status": ("status", "status"),
    "study_plan_due": ("studieplan senast", "study plan due"),
    "title": ("rubrik", "title"),
    "total_hours": ("timmar totalt", "total hours"),
    "upper_age": ("övre åldersgräns", "upper age"),
    "upper_age_date": ("dag för övre åldersgräns", "upper age date"),
    "weeks": ("veckor", "weeks"),
    "years": ("år", "years"),
    # Facts a missing-fact finding names.
    "permit": ("uppehållstillstånd", "residence permit"),
    "permit.applied_on": ("uppehållstillståndets ansökningsdag", "the permit's application date"),
    "permit.anchor_first_received_on": (
        "anknytningspersonens första mottagande",
        "the anchor person's first reception",
    ),
    # Key dates.
    "event_on": ("händelsens datum", "event date"),
    "allowance_days": ("heltidsdagar", "full-time days"),
    "levels": ("nivåer", "levels"),
    "interruption_days": ("dagar med avbrott", "interruption days"),
    "withdrawn_days": ("dagar med återkallad anvisning", "withdrawn days"),
    "allowance_end": ("programtidens slut", "allowance end"),
    "registration_window_end": (
        "slut räknat från första folkbokföringen",
        "registration window end",
    ),
    "upper_age_end": ("dag före övre åldersgräns", "day before the upper age"),
    "decided_by": ("avgörs av", "decided by"),
    "pre_plan_days": ("dagar före planen", "days before the plan"),
    "parental_benefit_days": ("dagar med föräldrapenning", "parental benefit days"),
    "from": ("från", "from"),
    "to": ("till", "to"),
    "reason": ("skäl", "reason"),
}
"""The label pairs ``(sv, en)`` of every fact the library records, by fact name."""


def fact_label(name: str, locale: str) -> str:
    """The name of fact ``name`` in ``locale`` (``"sv"`` or ``"en"``); unknown: ``name``."""
    pair = FACT_LABELS.get(name)
    if pair is None:
        return name
    return pair[0] if locale == "sv" else pair[1]
