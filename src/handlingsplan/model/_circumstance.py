"""Circumstances that hinder a referral (Förordning 2017:820 5 §).

A person is not referred to the establishment programme while working full time,
attending upper-secondary school, on full-time parental benefit, on full sickness
benefit, or living in the Migration Agency's asylum housing. A :class:`Circumstance` is
such a fact about the person over a period, both ends included; an open period has no
``end``.

>>> from datetime import date
>>> work = Circumstance(kind="full_time_work", start=date(2025, 3, 1))
>>> work.in_force(date(2025, 2, 28)), work.in_force(date(2030, 1, 1))
(False, True)
"""

from __future__ import annotations

import datetime as _dt

import attrs

from .._privacy import private
from ..dates import as_date
from ..errors import ErrorCode
from ._checks import Problems
from ._enums import CircumstanceKind

__all__ = ["Circumstance"]


@private
@attrs.frozen(kw_only=True)
class Circumstance:
    """A hindrance to referral of ``kind`` from ``start`` to ``end`` inclusive.

    ``end`` is ``None`` while the circumstance lasts (an open period). An ``end`` before
    ``start`` is refused.
    """

    kind: CircumstanceKind
    start: _dt.date
    end: _dt.date | None = None

    def __attrs_post_init__(self) -> None:
        check = Problems(self)
        check.enum("kind", CircumstanceKind)
        start_ok = check.date("start")
        end_ok = check.date("end", optional=True)
        if start_ok and end_ok:
            assert self.end is not None
            if self.end < self.start:
                check.add(
                    "end",
                    f"{self.end.isoformat()} is before start {self.start.isoformat()}",
                    ErrorCode.WRONG_ORDER,
                )
        check.done()

    def in_force(self, day: _dt.date) -> bool:
        """Whether the circumstance holds on ``day`` (both ends of the period included)."""
        when = as_date(day, "day")
        return self.start <= when and (self.end is None or when <= self.end)
