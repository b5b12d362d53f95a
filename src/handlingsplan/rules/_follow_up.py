"""The follow-up after exit (*uppföljning*).

The outcome measure is the participant's status ``follow_up_days`` (90) days after the
exit: a follow-up made earlier says nothing about that status, so the outcome rates count
it as not followed up, and ``FOLLOWUP-EARLY`` tells the case worker to follow up again.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..deadlines import DeadlineKind
from ._context import Context
from ._finding import Finding
from ._rule import rule

__all__ = ["follow_up_due", "follow_up_early"]


@rule(
    code="FOLLOWUP-DUE",
    title={"sv": "Uppföljning efter avslut", "en": "Follow-up after exit"},
    severity="warning",
    basis="Arbetsförmedlingens resultatmått: arbete eller studier 90 dagar efter avslut",
    messages={
        "sv": "Uppföljningen {days} dagar efter avslutet {exit_on} skulle ha gjorts senast "
        "{act_by}.",
        "en": "The follow-up {days} days after the exit on {exit_on} was due by {act_by}.",
    },
)
def follow_up_due(ctx: Context) -> Iterator[Finding]:
    """An exit whose follow-up is past its ``act_by`` date with no follow-up recorded."""
    plan = ctx.plan
    deadline = ctx.key_date(DeadlineKind.FOLLOW_UP)
    if plan.exit is None or deadline is None:
        return
    followed = plan.follow_up is not None and plan.follow_up.on <= ctx.as_of
    if deadline.act_by < ctx.as_of and not followed:
        yield ctx.finding(
            on=deadline.due,
            exit_on=plan.exit.on,
            act_by=deadline.act_by,
            days=ctx.parameters.value("follow_up_days", plan.exit.on),
        )


@rule(
    code="FOLLOWUP-EARLY",
    title={"sv": "Uppföljning gjord för tidigt", "en": "Follow-up made too early"},
    severity="info",
    basis="Arbetsförmedlingens resultatmått: arbete eller studier 90 dagar efter avslut; "
    "lokalt mål (Kronoberg)",
    messages={
        "sv": "Uppföljningen {follow_up_on} gjordes före dag {days} efter avslutet "
        "{exit_on} och räknas inte i utfallsmåttet; följ upp igen från {due}.",
        "en": "The follow-up on {follow_up_on} was made before day {days} after the exit "
        "on {exit_on} and does not count in the outcome measure; follow up again from "
        "{due}.",
    },
)
def follow_up_early(ctx: Context) -> Iterator[Finding]:
    """A follow-up recorded by ``as_of`` but dated before the exit plus ``follow_up_days``."""
    plan = ctx.plan
    deadline = ctx.key_date(DeadlineKind.FOLLOW_UP)
    follow_up = plan.follow_up
    if plan.exit is None or deadline is None or follow_up is None:
        return
    if follow_up.on <= ctx.as_of and follow_up.on < deadline.due:
        yield ctx.finding(
            on=deadline.due,
            follow_up_on=follow_up.on,
            exit_on=plan.exit.on,
            due=deadline.due,
            days=ctx.parameters.value("follow_up_days", plan.exit.on),
        )
