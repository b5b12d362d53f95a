"""The exit (*avslut*) and the follow-up (*uppföljning*) after it."""

from __future__ import annotations

import datetime as _dt

import attrs

from .._privacy import private
from ._checks import Problems
from ._enums import ExitReason, OutcomeStatus

__all__ = ["Exit", "FollowUp"]


@private
@attrs.frozen(kw_only=True)
class Exit:
    """The end of a participation (*avslut*) on ``on``, with its reason."""

    on: _dt.date
    reason: ExitReason

    def __attrs_post_init__(self) -> None:
        check = Problems(self)
        check.date("on")
        check.enum("reason", ExitReason)
        check.done()


@private
@attrs.frozen(kw_only=True)
class FollowUp:
    """The participant's status when followed up (*uppföljning*) on ``on``."""

    on: _dt.date
    status: OutcomeStatus

    def __attrs_post_init__(self) -> None:
        check = Problems(self)
        check.date("on")
        check.enum("status", OutcomeStatus)
        check.done()

    @property
    def positive(self) -> bool:
        """Whether the participant is in work, studies or both."""
        return self.status in (
            OutcomeStatus.WORK,
            OutcomeStatus.STUDIES,
            OutcomeStatus.WORK_AND_STUDIES,
        )
