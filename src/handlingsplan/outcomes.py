"""Outcomes: how many who left are in work or studies at the follow-up.

The programme's headline measure is the share of those who left it that are in work
(subsidised or not) or studies 90 days after exit; results are reported by gender.
:func:`outcome_rates` gives both rates: positive over followed up, and positive over
exited; as in the official measure, those not followed up count against the latter,
which is compared with the outcome target (55 %, a parameter).

The measure is the status ``follow_up_days`` (90, a parameter) days after the exit, so a
follow-up counts only when it is dated on or after the exit plus that many days (the
days in force on the exit). An earlier follow-up counts as not followed up, and
:attr:`OutcomeRate.early` says how many there were (rule ``FOLLOWUP-EARLY`` names them).

>>> from handlingsplan._demo import demo_caseload
>>> from datetime import date
>>> [rate.group for rate in outcome_rates(demo_caseload(), exited_from=date(2025, 1, 1),
...                                       exited_to=date(2025, 12, 31), by="gender")]
['female', 'male', 'other', 'unrecorded']
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from fractions import Fraction
from typing import Literal

import attrs

from ._privacy import echo
from .dates import as_date
from .model import ExitReason, Gender, OutcomeStatus, Plan
from .parameters import DEFAULT_PARAMETERS, Parameters

__all__ = ["POSITIVE_STATUSES", "UNRECORDED", "OutcomeRate", "OutcomeRates", "outcome_rates"]

POSITIVE_STATUSES = frozenset(
    {OutcomeStatus.WORK, OutcomeStatus.STUDIES, OutcomeStatus.WORK_AND_STUDIES}
)
"""Follow-up statuses that count as a positive outcome."""

UNRECORDED = "unrecorded"
"""The group of participants whose gender is not recorded."""

GroupBy = Literal["gender", "exit_reason"] | None


@attrs.frozen(kw_only=True)
class OutcomeRate:
    """The outcome of one group of exited participants.

    ``unknown`` counts those without a known status at follow-up (no follow-up, one
    with status ``unknown``, or one made too early): ``exited == followed_up + unknown``.
    ``early`` counts the follow-ups dated before the exit plus ``follow_up_days``; they
    are among the ``unknown``. A rate is ``None``
    where its denominator is zero, and so is ``meets_target``.
    """

    group: str
    exited: int
    followed_up: int
    positive: int
    unknown: int
    early: int
    rate_followed_up: float | None
    rate_exited: float | None
    target: float
    meets_target: bool | None

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict."""
        return attrs.asdict(self)


class OutcomeRates(tuple[OutcomeRate, ...]):
    """The rates :func:`outcome_rates` returns: a tuple, shown as a table in notebooks.

    Grouped by gender, the view adds a bar chart of the rate against the target.
    """

    by: GroupBy

    def __new__(cls, rates: Iterable[OutcomeRate] = (), by: GroupBy = None) -> OutcomeRates:
        self = super().__new__(cls, rates)
        self.by = by
        return self

    def __getnewargs__(self) -> tuple[tuple[OutcomeRate, ...], GroupBy]:
        return (tuple(self), self.by)

    def to_html(self, *, locale: str = "sv") -> str:
        """The rates as an HTML table, with the chart when grouped by gender."""
        from ._views import outcomes_html

        return outcomes_html(self, by=self.by, locale=locale)

    def _repr_html_(self) -> str:
        return self.to_html()


def _group_names(by: GroupBy) -> tuple[str, ...]:
    if by is None:
        return ("all",)
    if by == "gender":
        return (*(gender.value for gender in Gender), UNRECORDED)
    return tuple(reason.value for reason in ExitReason)


def _group_of(plan: Plan, by: GroupBy) -> str:
    if by is None:
        return "all"
    if by == "gender":
        gender = plan.participant.gender
        return gender.value if gender is not None else UNRECORDED
    assert plan.exit is not None
    return plan.exit.reason.value


def _rate(numerator: int, denominator: int) -> float | None:
    return None if denominator == 0 else float(Fraction(numerator, denominator))


def outcome_rates(
    plans: Iterable[Plan],
    *,
    exited_from: _dt.date,
    exited_to: _dt.date,
    by: GroupBy = None,
    parameters: Parameters = DEFAULT_PARAMETERS,
) -> OutcomeRates:
    """Outcome rates of the plans whose exit falls from ``exited_from`` to ``exited_to``.

    ``by=None`` gives one group ``"all"``; ``by="gender"`` the groups female, male,
    other and unrecorded; ``by="exit_reason"`` one group per exit reason. Every group is
    listed, empty ones included, so tables keep their shape. The target is the
    ``outcome_target`` in force on ``exited_to``. A follow-up counts only when it is
    dated on or after the exit plus the ``follow_up_days`` in force on the exit.
    """
    first = as_date(exited_from, "exited_from")
    last = as_date(exited_to, "exited_to")
    if last < first:
        raise ValueError(f"exited_to ({last}) is before exited_from ({first})")
    if by not in (None, "gender", "exit_reason"):
        raise ValueError(f"by must be None, 'gender' or 'exit_reason', not {echo(by)}")
    target = float(parameters.number_value("outcome_target", last))
    # exited, followed up, positive, early
    counts = {name: [0, 0, 0, 0] for name in _group_names(by)}
    for plan in plans:
        if plan.exit is None or not first <= plan.exit.on <= last:
            continue
        row = counts[_group_of(plan, by)]
        row[0] += 1
        follow_up = plan.follow_up
        if follow_up is None:
            continue
        days = parameters.number_value("follow_up_days", plan.exit.on)
        if follow_up.on < plan.exit.on + _dt.timedelta(days=int(days)):
            row[3] += 1
        elif follow_up.status is not OutcomeStatus.UNKNOWN:
            row[1] += 1
            if follow_up.status in POSITIVE_STATUSES:
                row[2] += 1
    exact_target = Fraction(str(target))
    rates = []
    for name, (exited, followed_up, positive, early) in counts.items():
        rate_exited = _rate(positive, exited)
        rates.append(
            OutcomeRate(
                group=name,
                exited=exited,
                followed_up=followed_up,
                positive=positive,
                unknown=exited - followed_up,
                early=early,
                rate_followed_up=_rate(positive, followed_up),
                rate_exited=rate_exited,
                target=target,
                meets_target=None if exited == 0 else Fraction(positive, exited) >= exact_target,
            )
        )
    return OutcomeRates(rates, by)
