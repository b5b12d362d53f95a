"""The context a rule sees: the plan, ``as_of``, parameters and key dates."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from ..dates import as_date
from ..deadlines import Deadline, DeadlineKind, deadlines
from ..model import Participant, Plan
from ..parameters import Parameters, ParameterValues
from ._finding import Finding, build_finding
from ._rule import Rule
from ._severity import Severity
from ._words import DEFAULT_REASON

__all__ = ["Context"]


class Context:
    """What a rule sees: the plan, ``as_of``, parameters and key dates.

    ``params`` holds the parameter values in force on ``as_of``; ``parameters`` the whole
    collection, for values in force on another date. ``key_dates`` are computed once per
    evaluation and shared by all rules.
    """

    __slots__ = ("_by_kind", "_rule", "as_of", "key_dates", "parameters", "params", "plan")

    def __init__(
        self,
        *,
        plan: Plan,
        as_of: _dt.date,
        parameters: Parameters,
        params: ParameterValues | None = None,
        key_dates: tuple[Deadline, ...] | None = None,
    ) -> None:
        self.plan = plan
        self.as_of = as_date(as_of, "as_of")
        self.parameters = parameters
        self.params = params if params is not None else parameters.on(self.as_of)
        self.key_dates = (
            key_dates if key_dates is not None else deadlines(plan, parameters=parameters)
        )
        by_kind: dict[DeadlineKind, list[Deadline]] = {}
        for deadline in self.key_dates:
            if deadline.kind in by_kind:
                by_kind[deadline.kind].append(deadline)
            else:
                by_kind[deadline.kind] = [deadline]
        # Private and never handed out: the public look-ups below return tuples.
        self._by_kind = by_kind
        self._rule: Rule | None = None

    @property
    def participant(self) -> Participant:
        """The plan's participant."""
        return self.plan.participant

    @property
    def rule(self) -> Rule:
        """The rule being evaluated."""
        if self._rule is None:
            raise RuntimeError("no rule is being evaluated")
        return self._rule

    def key_date(self, kind: DeadlineKind | str, subject: str | None = None) -> Deadline | None:
        """The key date of ``kind`` (and ``subject``, when given), or ``None``."""
        found = self._by_kind.get(kind if type(kind) is DeadlineKind else DeadlineKind(kind))
        if found is None:
            return None
        if subject is None:
            return found[0]
        for deadline in found:
            if deadline.subject == subject:
                return deadline
        return None

    def key_dates_of(self, kind: DeadlineKind | str) -> tuple[Deadline, ...]:
        """Every key date of ``kind``."""
        return tuple(self._by_kind.get(DeadlineKind(kind), ()))

    def finding(
        self,
        *,
        reason: str = DEFAULT_REASON,
        subject: str | None = None,
        on: _dt.date | None = None,
        severity: Severity | str | None = None,
        basis: str | None = None,
        **facts: Any,
    ) -> Finding:
        """A finding of the current rule, with its metadata filled in.

        ``severity`` overrides the rule's default, for a rule with two levels; ``basis``
        overrides its legal basis, for a finding that rests on only part of it.
        """
        return build_finding(
            self.rule,
            reason=reason,
            subject=subject,
            on=on,
            severity=severity,
            basis=basis,
            **facts,
        )
