"""Milestones (*delmål*): intermediate goals with a due date."""

from __future__ import annotations

import datetime as _dt

import attrs

from .._privacy import private
from ._checks import Problems
from ._enums import MilestoneKind

__all__ = ["Milestone"]


@private
@attrs.frozen(kw_only=True)
class Milestone:
    """An intermediate goal (*delmål*) due on ``due``, achieved on ``achieved_on``."""

    id: str
    kind: MilestoneKind
    title: str
    due: _dt.date
    achieved_on: _dt.date | None = None

    def __attrs_post_init__(self) -> None:
        check = Problems(self)
        check.text("id", nonempty=True)
        check.enum("kind", MilestoneKind)
        check.text("title")
        check.date("due")
        check.date("achieved_on", optional=True)
        check.done()

    @property
    def achieved(self) -> bool:
        """Whether the milestone has an achievement date."""
        return self.achieved_on is not None
