"""Interruptions: periods outside the programme."""

from __future__ import annotations

import datetime as _dt

import attrs

from .._privacy import private
from ..errors import ErrorCode
from ._checks import Problems
from ._enums import InterruptionReason

__all__ = ["Interruption"]


@private
@attrs.frozen(kw_only=True)
class Interruption:
    """A period outside the programme, ``start`` to ``end`` inclusive.

    For example after an exit for sickness over 30 days or for full-time parental
    benefit (*föräldrapenning*), until re-entry the day after the last benefit day
    (Förordning 2017:820 20 §). Approved absences of a few days are not interruptions.
    """

    start: _dt.date
    end: _dt.date
    reason: InterruptionReason

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
        check.enum("reason", InterruptionReason)
        check.done()

    @property
    def days(self) -> int:
        """The number of calendar days, both ends included."""
        return self.end.toordinal() - self.start.toordinal() + 1
