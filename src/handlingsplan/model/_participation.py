"""Participation levels (*omfattning*) that change, and recorded absences (*frånvaro*).

A plan runs at ``participation_percent`` from its start; a
:class:`ParticipationChange` sets a new level from its day on (Förordning 2017:820
7–10 §§: part time sized to the time available, with a documented reason). An
:class:`Absence` records days the participant was away; whether those days count as
time in the programme is for the programme clock to derive (a full-time sick leave of
more than 30 days leads to the referral being withdrawn from its 31st day, 17–18 §§).

>>> from datetime import date
>>> ParticipationChange(date(2027, 2, 2), 50, "parental_benefit").reason
<ParticipationReason.PARENTAL_BENEFIT: 'parental_benefit'>
>>> Absence(date(2026, 3, 2), date(2026, 3, 11), "sickness").days
10
"""

from __future__ import annotations

import datetime as _dt

import attrs

from .._privacy import private
from ..errors import ErrorCode
from ._checks import Problems
from ._enums import AbsenceReason, ParticipationReason

__all__ = ["Absence", "ParticipationChange"]


@private
@attrs.frozen
class ParticipationChange:
    """From ``on`` (inclusive) the plan runs at ``percent`` (1–100) until the next change.

    ``reason`` documents why a level below 100 % is taken (Förordning 2017:820 9 §).
    """

    on: _dt.date
    percent: float
    reason: ParticipationReason | None = None

    def __attrs_post_init__(self) -> None:
        check = Problems(self)
        check.date("on")
        check.number("percent", 1, 100)
        check.enum("reason", ParticipationReason, optional=True)
        check.done()


@private
@attrs.frozen
class Absence:
    """A recorded absence from ``start`` to ``end``, both included.

    ``percent`` (1–100) is how much of the participation it covers: 100 for a whole-day
    absence, 50 for someone away half of each day.
    """

    start: _dt.date
    end: _dt.date
    reason: AbsenceReason
    percent: float = 100

    def __attrs_post_init__(self) -> None:
        check = Problems(self)
        start_ok = check.date("start")
        end_ok = check.date("end")
        if start_ok and end_ok and self.end < self.start:
            check.add(
                "end",
                f"{self.end.isoformat()} is before start {self.start.isoformat()}",
                ErrorCode.WRONG_ORDER,
            )
        check.enum("reason", AbsenceReason)
        check.number("percent", 1, 100)
        check.done()

    @property
    def days(self) -> int:
        """The number of calendar days, both ends included."""
        return self.end.toordinal() - self.start.toordinal() + 1

    @property
    def full_time(self) -> bool:
        """Whether the absence covers the whole participation (``percent`` 100)."""
        return self.percent == 100
