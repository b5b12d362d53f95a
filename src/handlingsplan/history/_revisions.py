"""Revisions and the append-only history of one plan."""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
from collections.abc import Iterator
from enum import StrEnum

import attrs

from .._privacy import echo, private
from ..dates import as_date
from ..errors import ErrorCode, InvalidPlanError
from ..model import (
    Plan,
)
from ..model._checks import Problems
from ._diff import PlanDiff, diff


class AuthorRole(StrEnum):
    """The role of the person who recorded a revision.

    ``employment_officer`` is Arbetsförmedlingen's officer (*arbetsförmedlare*,
    *handläggare*); ``job_agent`` a job agent or coach (*jobbcoach*) at a provider;
    ``social_worker`` the municipality's social worker (*socialsekreterare*);
    ``civic_counsellor`` a civic orientation communicator (*samhällskommunikatör*);
    ``language_teacher`` an SFI teacher (*sfi-lärare*).
    """

    EMPLOYMENT_OFFICER = "employment_officer"
    JOB_AGENT = "job_agent"
    SOCIAL_WORKER = "social_worker"
    CIVIC_COUNSELLOR = "civic_counsellor"
    LANGUAGE_TEACHER = "language_teacher"
    OTHER = "other"


# -- revisions and the history ------------------------------------------------------


@private
@attrs.frozen(kw_only=True)
class Revision:
    """One version of a plan as it was written down on ``recorded_on``.

    ``reason`` says why the plan was revised (a follow-up meeting, *uppföljningssamtal*;
    a correction, *rättelse*), ``author_role`` who recorded it. Both are optional; a
    reason that is given must not be blank. ``recorded_on`` is the day the revision was
    recorded, not the day of the events it describes: an exit on Friday recorded on
    Monday is known from Monday.
    """

    plan: Plan
    recorded_on: _dt.date
    reason: str | None = None
    author_role: AuthorRole | None = None

    def __attrs_post_init__(self) -> None:
        check = Problems(self)
        check.instance("plan", Plan)
        check.date("recorded_on")
        check.text("reason", optional=True, nonempty=True)
        check.enum("author_role", AuthorRole, optional=True)
        check.done()


def _recorded_on(revision: Revision) -> _dt.date:
    return revision.recorded_on


@private
@attrs.frozen(kw_only=True)
class PlanHistory:
    """The revisions of one plan, oldest first: immutable and append-only.

    A history holds at least one revision; every revision is of the same plan (the same
    ``id``) and they are in ``recorded_on`` order. Two revisions may share a day (a
    correction made the same afternoon): the later one in the sequence is the one in
    force from that day. Anything else raises :class:`~handlingsplan.InvalidPlanError`
    with paths such as ``revisions[2].recorded_on`` and ``revisions[1].plan.id``.

    The history does not re-check status transitions between revisions: the plan's
    named changes do that, and a correction (an activity marked completed by mistake)
    must be recordable. :func:`diff` shows what each revision changed.
    """

    revisions: tuple[Revision, ...]

    def __attrs_post_init__(self) -> None:
        check = Problems(self)
        check.items_of("revisions", Revision)
        if isinstance(self.revisions, tuple):
            if not self.revisions:
                check.add("revisions", "expected at least one revision, got none", ErrorCode.EMPTY)
            first: tuple[int, Revision] | None = None
            latest: tuple[int, Revision] | None = None
            for index, revision in enumerate(self.revisions):
                if not isinstance(revision, Revision):
                    continue
                if first is None:
                    first = latest = (index, revision)
                    continue
                assert latest is not None
                if revision.plan.id != first[1].plan.id:
                    check.add(
                        f"revisions[{index}].plan.id",
                        f"{echo(revision.plan.id)} is not the history's plan id "
                        f"{echo(first[1].plan.id)} (revisions[{first[0]}])",
                        ErrorCode.CONFLICT,
                    )
                if revision.recorded_on < latest[1].recorded_on:
                    check.add(
                        f"revisions[{index}].recorded_on",
                        f"{revision.recorded_on.isoformat()} is before "
                        f"revisions[{latest[0]}].recorded_on "
                        f"{latest[1].recorded_on.isoformat()}",
                        ErrorCode.WRONG_ORDER,
                    )
                else:
                    latest = (index, revision)
        check.done()

    @classmethod
    def begin(
        cls,
        plan: Plan,
        *,
        recorded_on: _dt.date,
        reason: str | None = None,
        author_role: AuthorRole | str | None = None,
    ) -> PlanHistory:
        """A history of one revision: ``plan`` as recorded on ``recorded_on``."""
        return cls(
            revisions=(
                _revision(0, plan, recorded_on=recorded_on, reason=reason, author_role=author_role),
            )
        )

    # -- reading ---------------------------------------------------------------------

    @property
    def plan_id(self) -> str:
        """The id of the plan every revision is a version of."""
        return self.revisions[0].plan.id

    @property
    def latest(self) -> Plan:
        """The plan of the last revision."""
        return self.revisions[-1].plan

    def __len__(self) -> int:
        return len(self.revisions)

    def __iter__(self) -> Iterator[Revision]:
        return iter(self.revisions)

    def revision_on(self, day: _dt.date) -> Revision | None:
        """The revision in force on ``day``; ``None`` before the first one.

        That is the last revision recorded on or before ``day``. It is found by bisection,
        in ``O(log n)`` for ``n`` revisions.
        """
        when: _dt.date = as_date(day, "day")
        index = bisect.bisect_right(self.revisions, when, key=_recorded_on)
        return self.revisions[index - 1] if index else None

    def as_recorded_on(self, day: _dt.date) -> Plan | None:
        """The plan as it was known on ``day``; ``None`` before the first revision."""
        revision = self.revision_on(day)
        return None if revision is None else revision.plan

    def diffs(self) -> tuple[PlanDiff, ...]:
        """What each revision changed: the :func:`diff` of each revision from the one before.

        Applied in order to the first revision's plan, they give every later one.
        """
        return tuple(diff(old.plan, new.plan) for old, new in itertools.pairwise(self.revisions))

    # -- changes ---------------------------------------------------------------------

    def append(
        self,
        plan: Plan,
        *,
        recorded_on: _dt.date,
        reason: str | None = None,
        author_role: AuthorRole | str | None = None,
    ) -> PlanHistory:
        """A new history with ``plan`` recorded on ``recorded_on`` as the last revision.

        ``recorded_on`` must not be before the last revision's; the plan must have the
        history's id.
        """
        revision = _revision(
            len(self.revisions),
            plan,
            recorded_on=recorded_on,
            reason=reason,
            author_role=author_role,
        )
        return PlanHistory(revisions=(*self.revisions, revision))


def _revision(
    index: int,
    plan: Plan,
    *,
    recorded_on: _dt.date,
    reason: str | None,
    author_role: AuthorRole | str | None,
) -> Revision:
    try:
        return Revision(
            plan=plan,
            recorded_on=recorded_on,
            reason=reason,
            author_role=author_role,  # type: ignore[arg-type]  # a value is checked
        )
    except InvalidPlanError as error:
        raise error.prefixed(f"revisions[{index}]") from None
