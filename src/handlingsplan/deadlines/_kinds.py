"""The kinds of key date and the :class:`Deadline` value that carries one.

Each kind has its legal basis, a description in Swedish and English, and a place in the
sort order for dates on the same day. A kind in ``ACTIONS`` is a time limit on an action:
its ``act_by`` is ``due`` moved past weekends and holidays (Lag 1930:173 2 §); for the
others (ends of periods, birthdays, milestones) ``act_by`` equals ``due``.
"""

from __future__ import annotations

import datetime as _dt
from enum import StrEnum
from typing import Any

import attrs

from .._calendar import next_working_day
from .._explain import explain
from .._frozen import FrozenMapping, json_ready, owning
from .._privacy import echo, redacted_repr

__all__ = ["ACTIONS", "Deadline", "DeadlineKind", "make_deadline"]


class DeadlineKind(StrEnum):
    """The kinds of key date, in their sort order for the same day."""

    PROGRAMME_END = "programme_end"
    REGISTRATION_WINDOW_END = "registration_window_end"
    UPPER_AGE = "upper_age"
    SFI_START_TARGET = "sfi_start_target"
    SFI_START = "sfi_start"
    SFI_RIGHT_END = "sfi_right_end"
    CIVIC_ORIENTATION_COMPLETE = "civic_orientation_complete"
    CIVIC_ORIENTATION_DUTY_END = "civic_orientation_duty_end"
    AGE_18 = "age_18"
    UPPER_SECONDARY_CUTOFF = "upper_secondary_cutoff"
    STUDY_PLAN_DUE = "study_plan_due"
    FOLLOW_UP = "follow_up"
    MILESTONE = "milestone"


_ORDER = {kind: index for index, kind in enumerate(DeadlineKind)}

_BASIS = {
    DeadlineKind.PROGRAMME_END: "Förordning (2017:820) 15 §, 15 a §; Lag (2017:584) 2 §",
    DeadlineKind.REGISTRATION_WINDOW_END: "Förordning (2017:820) 15 a §",
    DeadlineKind.UPPER_AGE: "Lag (2017:584) 2 §; Förordning (2017:820) 21 §",
    DeadlineKind.SFI_START_TARGET: "Skollagen (2010:800) 20 kap. 29 §",
    DeadlineKind.SFI_START: "Skollagen (2010:800) 20 kap. 29 §; Förordning (2017:820) 11 §",
    DeadlineKind.SFI_RIGHT_END: "Skollagen (2010:800) 20 kap. 31 a §",
    DeadlineKind.CIVIC_ORIENTATION_COMPLETE: "Förordning (2010:1138) 4 §",
    DeadlineKind.CIVIC_ORIENTATION_DUTY_END: "Lag (2013:156) 4 §",
    DeadlineKind.AGE_18: "Föräldrabalken 9 kap. 1 §; Lag (2005:429) om god man",
    DeadlineKind.UPPER_SECONDARY_CUTOFF: "Skollagen (2010:800) 15 kap. 5 §",
    DeadlineKind.STUDY_PLAN_DUE: "Skollagen (2010:800) 17 kap. 14 a §",
    DeadlineKind.FOLLOW_UP: (
        "Arbetsförmedlingens resultatmått: arbete eller studier 90 dagar efter avslut"
    ),
    DeadlineKind.MILESTONE: "Förordning (2000:628) 6 §",
}

_DESCRIPTIONS = {
    DeadlineKind.PROGRAMME_END: (
        "sista dag i etableringsprogrammet",
        "last day of the establishment programme",
    ),
    DeadlineKind.REGISTRATION_WINDOW_END: (
        "sista dag räknat från första folkbokföringen",
        "end of the window counted from the first population registration",
    ),
    DeadlineKind.UPPER_AGE: (
        "deltagaren når programmets övre åldersgräns",
        "the participant reaches the programme's upper age",
    ),
    DeadlineKind.SFI_START_TARGET: (
        "kommunen verkar för att sfi har påbörjats",
        "the municipality works to have SFI started",
    ),
    DeadlineKind.SFI_START: ("sfi ska ha påbörjats", "SFI should have started"),
    DeadlineKind.SFI_RIGHT_END: (
        "rätten till sfi upphör utan beslut om förlängning",
        "the right to SFI ends unless extended",
    ),
    DeadlineKind.CIVIC_ORIENTATION_COMPLETE: (
        "samhällsorienteringen ska vara slutförd",
        "civic orientation should be completed",
    ),
    DeadlineKind.CIVIC_ORIENTATION_DUTY_END: (
        "kommunens skyldighet att erbjuda samhällsorientering upphör",
        "the municipality's duty to offer civic orientation ends",
    ),
    DeadlineKind.AGE_18: ("deltagaren fyller 18 år", "the participant turns 18"),
    DeadlineKind.UPPER_SECONDARY_CUTOFF: (
        "sista dag att påbörja gymnasieutbildning",
        "last day to start upper-secondary education",
    ),
    DeadlineKind.STUDY_PLAN_DUE: (
        "studieplanen för språkintroduktionen ska vara upprättad",
        "the study plan for language introduction is due",
    ),
    DeadlineKind.FOLLOW_UP: ("uppföljning efter avslut", "follow-up after exit"),
    DeadlineKind.MILESTONE: ("delmålet ska vara uppnått", "the milestone is due"),
}

ACTIONS = frozenset(
    {
        DeadlineKind.SFI_START_TARGET,
        DeadlineKind.SFI_START,
        DeadlineKind.CIVIC_ORIENTATION_COMPLETE,
        DeadlineKind.STUDY_PLAN_DUE,
        DeadlineKind.FOLLOW_UP,
    }
)
"""The kinds that are time limits on an action: their ``act_by`` is rolled forward."""


@redacted_repr
@attrs.frozen(kw_only=True)
class Deadline:
    """A key date of a plan: ``due``, and ``act_by`` (``due`` moved per 1930:173 2 §).

    ``subject`` names the activity or milestone the date belongs to, or is ``None``.
    """

    kind: DeadlineKind
    due: _dt.date
    act_by: _dt.date
    subject: str | None = None
    basis: str
    facts: FrozenMapping[Any] = attrs.field(factory=FrozenMapping, converter=FrozenMapping)
    """How the date was reached: the event and the numbers used (see :meth:`explain`)."""

    def description(self, locale: str = "sv") -> str:
        """What the date is, in Swedish (``"sv"``) or English (``"en"``)."""
        swedish, english = _DESCRIPTIONS[self.kind]
        return swedish if _locale(locale) == "sv" else english

    def explain(self, locale: str = "sv") -> str:
        """How the date was reached, in Swedish (``"sv"``) or English (``"en"``).

        >>> from datetime import date
        >>> from handlingsplan import Participant, Plan
        >>> plan = Plan(id="p", referred_on=date(2026, 2, 2),
        ...             participant=Participant(id="d", birth_date=date(1990, 5, 17)))
        >>> from handlingsplan import deadlines
        >>> end = next(d for d in deadlines(plan) if d.kind == "programme_end")
        >>> print(end.explain("en"))  # doctest: +NORMALIZE_WHITESPACE
        last day of the establishment programme: 2028-02-02. Start 2026-02-02;
        24 months give 731 full-time days. 100 % from 2026-02-02 to 2028-02-02
        (731 days). Outside the programme: 0 interruption days, 0 withdrawn absence
        days. The allowance ends 2028-02-02, the registration window -, the upper
        age limit 2057-05-16. Decided by the allowance of full-time days.
        """
        return explain(self, _locale(locale))

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict, with the description in both languages and the facts."""
        return {
            "kind": self.kind.value,
            "due": self.due.isoformat(),
            "act_by": self.act_by.isoformat(),
            "subject": self.subject,
            "basis": self.basis,
            "description": {"sv": self.description("sv"), "en": self.description("en")},
            "facts": json_ready(self.facts),
        }

    @property
    def sort_key(self) -> tuple[_dt.date, int, tuple[bool, str]]:
        """Sort by ``due``, then kind, then subject with ``None`` first."""
        return (self.due, _ORDER[self.kind], (self.subject is not None, self.subject or ""))


def _locale(locale: str) -> str:
    if locale not in ("sv", "en"):
        raise ValueError(f"locale must be 'sv' or 'en', not {echo(locale)}")
    return locale


_new = object.__new__
_slots = Deadline.__dict__
_set_kind = _slots["kind"].__set__
_set_due = _slots["due"].__set__
_set_act_by = _slots["act_by"].__set__
_set_subject = _slots["subject"].__set__
_set_basis = _slots["basis"].__set__
_set_facts = _slots["facts"].__set__


def make_deadline(
    kind: DeadlineKind,
    due: _dt.date,
    subject: str | None = None,
    *,
    event: str | None = None,
    event_on: _dt.date | None = None,
    facts: FrozenMapping[Any] | None = None,
) -> Deadline:
    """A key date of ``kind``; the facts default to the event that started its clock.

    Built directly, slot by slot: every field is already the type the constructor would
    make (the facts frozen), and an evaluation makes about ten of these per plan. It
    equals, hashes and pickles as the constructor's value does.
    """
    made = _new(Deadline)
    _set_kind(made, kind)
    _set_due(made, due)
    _set_act_by(made, next_working_day(due) if kind in ACTIONS else due)
    _set_subject(made, subject)
    _set_basis(made, _BASIS[kind])
    _set_facts(made, owning({"event": event, "event_on": event_on}) if facts is None else facts)
    return made
