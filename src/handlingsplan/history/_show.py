"""How a diff shows values to people, in Swedish or English, and writes them as JSON.

Enum values are shown by their Swedish labels in Swedish and by their values in
English; an identity number is always masked.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from enum import Enum
from typing import Any

import attrs

from .._labels import table_value as _word
from ..model import (
    Absence,
    Activity,
    Circumstance,
    Exit,
    FollowUp,
    IdentityNumber,
    Interruption,
    Milestone,
    ParticipationChange,
)

__all__ = ["TEXT", "change_dict", "plain", "show"]


TEXT: Mapping[str, Mapping[str, str]] = {
    "sv": {
        "empty": "Inga ändringar.",
        "field": "{field} ändrades från {old} till {new}",
        "participant": "Deltagaren: {field} ändrades från {old} till {new}",
        "activity_added": "Aktiviteten {id} lades till: {what}",
        "activity_removed": "Aktiviteten {id} togs bort: {what}",
        "activity_changed": "Aktiviteten {id}: {field} ändrades från {old} till {new}",
        "activity_order": "Aktiviteterna fick ordningen {order}",
        "milestone_added": "Delmålet {id} lades till: {what}",
        "milestone_removed": "Delmålet {id} togs bort: {what}",
        "milestone_changed": "Delmålet {id}: {field} ändrades från {old} till {new}",
        "milestone_order": "Delmålen fick ordningen {order}",
        "interruption_added": "Avbrottet {what} lades till",
        "interruption_removed": "Avbrottet {what} togs bort",
        "interruption_order": "Avbrotten fick ordningen {order}",
        "participation_change_added": "Ändringen av omfattningen {what} lades till",
        "participation_change_removed": "Ändringen av omfattningen {what} togs bort",
        "participation_change_order": "Ändringarna av omfattningen fick ordningen {order}",
        "absence_added": "Frånvaron {what} lades till",
        "absence_removed": "Frånvaron {what} togs bort",
        "absence_order": "Frånvaron fick ordningen {order}",
        "exit_set": "Avslutet {new} registrerades",
        "exit_changed": "Avslutet ändrades från {old} till {new}",
        "exit_removed": "Avslutet {old} togs bort",
        "follow_up_set": "Uppföljningen {new} registrerades",
        "follow_up_changed": "Uppföljningen ändrades från {old} till {new}",
        "follow_up_removed": "Uppföljningen {old} togs bort",
        "none": "inget",
        "yes": "ja",
        "no": "nej",
        "period": "{start}–{end}",
        "open": "tills vidare",
        "hours": "{hours} tim/vecka",
        "due": "senast {due}",
        "achieved": "uppnått {on}",
        "from": "från {on}",
    },
    "en": {
        "empty": "No changes.",
        "field": "{field} changed from {old} to {new}",
        "participant": "Participant: {field} changed from {old} to {new}",
        "activity_added": "Activity {id} added: {what}",
        "activity_removed": "Activity {id} removed: {what}",
        "activity_changed": "Activity {id}: {field} changed from {old} to {new}",
        "activity_order": "Activities reordered: {order}",
        "milestone_added": "Milestone {id} added: {what}",
        "milestone_removed": "Milestone {id} removed: {what}",
        "milestone_changed": "Milestone {id}: {field} changed from {old} to {new}",
        "milestone_order": "Milestones reordered: {order}",
        "interruption_added": "Interruption {what} added",
        "interruption_removed": "Interruption {what} removed",
        "interruption_order": "Interruptions reordered: {order}",
        "participation_change_added": "Participation change {what} added",
        "participation_change_removed": "Participation change {what} removed",
        "participation_change_order": "Participation changes reordered: {order}",
        "absence_added": "Absence {what} added",
        "absence_removed": "Absence {what} removed",
        "absence_order": "Absences reordered: {order}",
        "exit_set": "Exit {new} recorded",
        "exit_changed": "Exit changed from {old} to {new}",
        "exit_removed": "Exit {old} removed",
        "follow_up_set": "Follow-up {new} recorded",
        "follow_up_changed": "Follow-up changed from {old} to {new}",
        "follow_up_removed": "Follow-up {old} removed",
        "none": "none",
        "yes": "yes",
        "no": "no",
        "period": "{start} to {end}",
        "open": "open",
        "hours": "{hours} h/week",
        "due": "due {due}",
        "achieved": "achieved {on}",
        "from": "from {on}",
    },
}


def show(value: object, locale: str) -> str:
    """``value`` as shown in a rendered diff or an error message."""
    text = TEXT[locale]
    if value is None:
        return text["none"]
    if isinstance(value, bool):
        return text["yes" if value else "no"]
    if isinstance(value, int | float):
        return str(int(value)) if float(value).is_integer() else repr(value)
    if isinstance(value, Enum):
        return _word(value, locale)
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, IdentityNumber):
        return value.masked
    if isinstance(value, Activity):
        period = text["period"].format(start=show(value.start, locale), end=show(value.end, locale))
        hours = text["hours"].format(hours=show(value.hours_per_week, locale))
        return f"{_word(value.kind, locale)}, {period}, {hours}, {_word(value.status, locale)}"
    if isinstance(value, Milestone):
        parts = [_word(value.kind, locale), show(value.title, locale)]
        parts.append(text["due"].format(due=show(value.due, locale)))
        if value.achieved_on is not None:
            parts.append(text["achieved"].format(on=show(value.achieved_on, locale)))
        return ", ".join(parts)
    if isinstance(value, Interruption):
        period = text["period"].format(start=show(value.start, locale), end=show(value.end, locale))
        return f"{period} ({_word(value.reason, locale)})"
    if isinstance(value, ParticipationChange):
        level = f"{text['from'].format(on=show(value.on, locale))}: {show(value.percent, locale)} %"
        return level if value.reason is None else f"{level} ({_word(value.reason, locale)})"
    if isinstance(value, Absence):
        period = text["period"].format(start=show(value.start, locale), end=show(value.end, locale))
        return f"{period} ({_word(value.reason, locale)}, {show(value.percent, locale)} %)"
    if isinstance(value, Circumstance):
        end = text["open"] if value.end is None else show(value.end, locale)
        period = text["period"].format(start=show(value.start, locale), end=end)
        return f"{_word(value.kind, locale)}, {period}"
    if isinstance(value, tuple):  # a participant's circumstances
        return "; ".join(show(item, locale) for item in value) if value else text["none"]
    if isinstance(value, Exit):
        return f"{show(value.on, locale)} ({_word(value.reason, locale)})"
    if isinstance(value, FollowUp):
        return f"{show(value.on, locale)} ({_word(value.status, locale)})"
    cls = type(value)
    if attrs.has(cls):  # a permit: its fields that are set
        return ", ".join(
            f"{field.name}={show(getattr(value, field.name), locale)}"
            for field in attrs.fields(cls)
            if getattr(value, field.name) is not None
        )
    return str(value)


def plain(value: object) -> Any:
    """``value`` in its JSON-ready form, an identity number masked."""
    if isinstance(value, IdentityNumber):
        return value.masked
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    cls = type(value)
    if attrs.has(cls):
        return {field.name: plain(getattr(value, field.name)) for field in attrs.fields(cls)}
    return value


def change_dict(change: Any) -> dict[str, Any]:
    return {"field": change.field, "old": plain(change.old), "new": plain(change.new)}
