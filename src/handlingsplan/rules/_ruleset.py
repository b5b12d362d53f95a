"""Rule sets: immutable, ordered collections of rules with distinct codes."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator

from .._frozen import FrozenMapping
from .._privacy import redacted_repr
from ..dates import as_date
from ..errors import DuplicateRuleError, UnknownRuleError
from ..model import Programme
from ._rule import Rule

__all__ = ["RuleSet"]


@redacted_repr
class RuleSet:
    """An immutable, ordered collection of rules with distinct codes."""

    __slots__ = ("_by_code", "_rules")
    _rules: tuple[Rule, ...]
    _by_code: FrozenMapping[Rule]

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        ordered = tuple(rules)
        by_code: dict[str, Rule] = {}
        for item in ordered:
            if not isinstance(item, Rule):
                raise TypeError(f"a RuleSet holds Rule values, not {type(item).__name__}")
            if item.code in by_code:
                raise DuplicateRuleError(f"rule code {item.code!r} appears twice")
            by_code[item.code] = item
        object.__setattr__(self, "_rules", ordered)
        object.__setattr__(self, "_by_code", FrozenMapping(by_code))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("RuleSet is immutable; use with_rules or without")

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __getitem__(self, code: str) -> Rule:
        try:
            return self._by_code[code]
        except KeyError:
            raise UnknownRuleError(f"no rule with code {code!r}") from None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RuleSet) and self._rules == other._rules

    def __hash__(self) -> int:
        return hash(self._rules)

    def __reduce__(self) -> tuple[type[RuleSet], tuple[tuple[Rule, ...]]]:
        return (type(self), (self._rules,))

    def __repr__(self) -> str:
        return f"RuleSet({', '.join(self.codes)})"

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes, in order."""
        return tuple(self._by_code)

    def in_force(self, day: _dt.date) -> RuleSet:
        """The rules in force on ``day``."""
        when = as_date(day, "day")
        return RuleSet(item for item in self._rules if item.in_force(when))

    def for_programme(self, programme: Programme | str) -> RuleSet:
        """The rules that apply to plans of ``programme``."""
        scope = Programme(programme)
        return RuleSet(item for item in self._rules if item.applies_to(scope))

    def with_rules(self, *rules: Rule) -> RuleSet:
        """A new set with ``rules`` added at the end; a repeated code is refused."""
        return RuleSet((*self._rules, *rules))

    def without(self, *codes: str) -> RuleSet:
        """A new set without the rules of ``codes``; an unknown code is refused."""
        unknown = [code for code in codes if code not in self._by_code]
        if unknown:
            raise UnknownRuleError(f"no rule with code {', '.join(map(repr, unknown))}")
        dropped = set(codes)
        return RuleSet(item for item in self._rules if item.code not in dropped)
