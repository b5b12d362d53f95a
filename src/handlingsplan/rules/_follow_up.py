"""The follow-up after exit (*uppföljning*)."""

from __future__ import annotations

from collections.abc import Iterator

from ..deadlines import DeadlineKind
from ._engine import Context, Finding, rule

__all__ = ["follow_up_due"]


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
