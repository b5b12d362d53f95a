"""How a key date was reached, said in Swedish or English from its facts.

Values read as in findings (:func:`~handlingsplan._labels.show_value`): dates in ISO
form, a level's reason by its label, an unknown date as ``-``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._labels import show_value
from .model import ParticipationReason

if TYPE_CHECKING:
    from .deadlines import Deadline

__all__ = ["explain"]

_EVENTS: Mapping[str, tuple[str, str]] = {
    "birth": ("födelsedagen", "the birth"),
    "plan_start": ("planens start", "the plan's start"),
    "civic_orientation_start": ("samhällsorienteringens start", "the start of civic orientation"),
    "sfi_admission": ("den första sfi-kursens start", "the start of the first SFI course"),
    "upper_secondary_intro_start": (
        "språkintroduktionens start",
        "the start of language introduction",
    ),
    "first_registration": ("första folkbokföringen", "the first population registration"),
    "exit": ("avslutet", "the exit"),
    "milestone": ("delmålets förfallodag", "the milestone's due date"),
}

_LIMITS: Mapping[str, tuple[str, str]] = {
    "allowance": ("programtiden (heltidsdagarna)", "the allowance of full-time days"),
    "registration_window": (
        "gränsen räknad från första folkbokföringen",
        "the registration window",
    ),
    "upper_age": ("den övre åldersgränsen", "the upper age limit"),
}

_TEXTS: Mapping[str, tuple[str, str]] = {
    "start": (
        "Start {start}; {months} månader ger {allowance_days} heltidsdagar.",
        "Start {start}; {months} months give {allowance_days} full-time days.",
    ),
    "level": (
        "{percent} % från {first} till {last} ({days} dagar{reason})",
        "{percent} % from {first} to {last} ({days} days{reason})",
    ),
    "outside": (
        "Utanför programmet: {interruption_days} dagar med avbrott, {withdrawn_days} dagar "
        "med återkallad anvisning under lång frånvaro.",
        "Outside the programme: {interruption_days} interruption days, {withdrawn_days} "
        "withdrawn absence days.",
    ),
    "limits": (
        "Programtiden slutar {allowance_end}, gränsen från folkbokföringen {window}, "
        "åldersgränsen {upper}. Avgörs av {decided_by}.",
        "The allowance ends {allowance_end}, the registration window {window}, the upper "
        "age limit {upper}. Decided by {decided_by}.",
    ),
    "window": (
        "Första folkbokföring {first_registered_on}; {months} månader, förlängt med "
        "{pre_plan_days} dagar i programmet före planen och {parental_benefit_days} dagar "
        "med föräldrapenning.",
        "First registration {first_registered_on}; {months} months, extended by "
        "{pre_plan_days} days in the programme before the plan and {parental_benefit_days} "
        "days of parental benefit.",
    ),
    "event": (
        "Räknat från {event} {event_on}.",
        "Counted from {event} on {event_on}.",
    ),
    "act_by": (
        "Kan göras till och med {act_by} (Lag 1930:173 2 §).",
        "May be done until {act_by} (Lag 1930:173 2 §).",
    ),
    "reason": (", skäl: {reason}", ", reason: {reason}"),
}


def _text(name: str, sv: bool, **values: Any) -> str:
    swedish, english = _TEXTS[name]
    locale = "sv" if sv else "en"
    shown = {key: show_value(value, locale) for key, value in values.items()}
    return (swedish if sv else english).format(**shown)


def explain(deadline: Deadline, locale: str) -> str:
    """The explanation of ``deadline`` in ``locale`` (``"sv"`` or ``"en"``)."""
    sv = locale == "sv"
    facts = deadline.facts
    parts = [f"{deadline.description(locale)}: {deadline.due.isoformat()}."]
    if "allowance_days" in facts:
        parts.append(_text("start", sv, **facts))
        levels = []
        for level in facts["levels"]:
            reason = level["reason"]
            levels.append(
                _text(
                    "level",
                    sv,
                    percent=level["percent"],
                    first=level["from"],
                    last=level["to"],
                    days=level["days"],
                    reason=(
                        ""
                        if reason is None
                        else _text("reason", sv, reason=ParticipationReason(reason))
                    ),
                )
            )
        parts.append("; ".join(levels) + ".")
        parts.append(_text("outside", sv, **facts))
        decided = _LIMITS[facts["decided_by"]][0 if sv else 1]
        parts.append(
            _text(
                "limits",
                sv,
                allowance_end=facts["allowance_end"],
                window=facts["registration_window_end"],
                upper=facts["upper_age_end"],
                decided_by=decided,
            )
        )
    elif "pre_plan_days" in facts:
        parts.append(_text("window", sv, **facts))
    elif facts.get("event") is not None:
        event = _EVENTS[facts["event"]][0 if sv else 1]
        parts.append(_text("event", sv, event=event, event_on=facts["event_on"]))
    if deadline.act_by != deadline.due:
        parts.append(_text("act_by", sv, act_by=deadline.act_by))
    return " ".join(parts)
