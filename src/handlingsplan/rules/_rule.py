"""Rules: a check function with its code, title, severity, legal basis and messages."""

from __future__ import annotations

import datetime as _dt
import importlib
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .._frozen import FrozenMapping
from .._privacy import redacted_repr
from ..dates import as_date
from ..errors import InvalidRuleError
from ..model import Programme
from ._finding import Finding
from ._severity import Severity
from ._words import DEFAULT_REASON, LOCALES, Titles, _check_locale, _titles

if TYPE_CHECKING:
    from ._context import Context

__all__ = ["CheckFunction", "Messages", "Rule", "rule"]

_CODE = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*")


Messages = FrozenMapping[FrozenMapping[str]]
"""A rule's message templates: ``{reason: {locale: template}}``."""


def _frozen_messages(messages: Mapping[str, Mapping[str, str]]) -> Messages:
    return FrozenMapping(
        (str(reason), FrozenMapping(templates)) for reason, templates in messages.items()
    )


def _messages(code: str, messages: Mapping[str, Any]) -> Mapping[str, Mapping[str, str]]:
    if set(messages) == set(LOCALES) and all(isinstance(v, str) for v in messages.values()):
        return {DEFAULT_REASON: dict(messages)}
    result: dict[str, Mapping[str, str]] = {}
    for reason, templates in messages.items():
        if not isinstance(templates, Mapping) or set(templates) != set(LOCALES):
            raise InvalidRuleError(
                f"rule {code}: messages for reason {reason!r} must give exactly 'sv' and 'en'"
            )
        if not all(isinstance(text, str) for text in templates.values()):
            raise InvalidRuleError(f"rule {code}: message templates must be strings")
        result[str(reason)] = dict(templates)
    if not result:
        raise InvalidRuleError(f"rule {code}: needs at least one message")
    return result


CheckFunction = Callable[["Context"], Iterable[Finding]]
"""The body of a rule: a function of the evaluation context yielding findings."""


@redacted_repr
@attrs.frozen(kw_only=True, eq=False)
class Rule:
    """A rule: a check function with its code, title, severity, legal basis and messages.

    Make one with the :func:`rule` decorator. ``titles`` holds the title in each language
    (by default ``title`` in both); ``title`` is the English one. ``programmes`` is ``None`` for all
    programmes; ``valid_from`` and ``valid_to`` (inclusive, ``None`` for open) bound the
    period it is in force.
    """

    code: str
    title: str
    severity: Severity
    basis: str
    programmes: frozenset[Programme] | None
    valid_from: _dt.date | None
    valid_to: _dt.date | None
    messages: Messages = attrs.field(converter=_frozen_messages)
    check: CheckFunction
    titles: Titles = attrs.field(converter=_titles)

    @titles.default
    def _titles_default(self) -> Titles:
        return _titles(self.title)

    def title_in(self, locale: str = "sv") -> str:
        """The title in ``locale`` (``"sv"`` or ``"en"``); another raises ``ValueError``."""
        return self.titles[_check_locale(locale)]

    def in_force(self, day: _dt.date) -> bool:
        """Whether the rule is in force on ``day``."""
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_to is None or day <= self.valid_to

    def applies_to(self, programme: Programme) -> bool:
        """Whether the rule applies to plans of ``programme``."""
        return self.programmes is None or programme in self.programmes

    def __call__(self, context: Context) -> tuple[Finding, ...]:
        return tuple(self.check(context))

    def __repr__(self) -> str:
        return f"Rule({self.code!r}, {self.title!r})"

    def __reduce__(self) -> str | tuple[Any, ...]:
        # A decorated rule replaced its function under the function's name, so pickle
        # it by reference to that module attribute, like a function.
        module = sys.modules.get(getattr(self.check, "__module__", ""))
        name = getattr(self.check, "__qualname__", "")
        if module is not None and _lookup(module, name) is self:
            return (_import_rule, (module.__name__, name))
        return super().__reduce__()

    def to_dict(self) -> dict[str, Any]:
        """The rule's metadata as a JSON-ready dict."""
        return {
            "code": self.code,
            "title": self.title,
            "titles": dict(self.titles),
            "severity": self.severity.value,
            "basis": self.basis,
            "programmes": (
                None if self.programmes is None else sorted(p.value for p in self.programmes)
            ),
            "valid_from": self.valid_from.isoformat() if self.valid_from else None,
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "messages": {reason: dict(texts) for reason, texts in self.messages.items()},
        }


def _lookup(module: object, qualname: str) -> object:
    target: object = module
    for part in qualname.split("."):
        target = getattr(target, part, None)
    return target


def _import_rule(module_name: str, qualname: str) -> Rule:
    """Find a decorated rule again by its module and name (for unpickling)."""
    found = _lookup(importlib.import_module(module_name), qualname)
    if not isinstance(found, Rule):
        raise TypeError(f"{module_name}.{qualname} is not a rule")
    return found


def rule(
    *,
    code: str,
    title: Mapping[str, str] | str,
    severity: Severity | str,
    basis: str,
    messages: Mapping[str, Any],
    programmes: Iterable[Programme | str] | None = None,
    valid_from: _dt.date | None = None,
    valid_to: _dt.date | None = None,
) -> Callable[[CheckFunction], Rule]:
    """Turn a function ``(ctx) -> Iterable[Finding]`` into a :class:`Rule`.

    ``messages`` maps each reason to ``{"sv": template, "en": template}``; a rule with one
    reason may give ``{"sv": ..., "en": ...}`` directly. Templates use ``str.format``
    fields from the finding's facts plus ``subject``, ``on`` and ``code``; a date shows in
    ISO form, an enum value by its label in the template's language, yes and no in its
    words. ``title`` is ``{"sv": ..., "en": ...}``; a plain string is shown as given in
    both languages.

    >>> @rule(code="DEMO-NO-ACTIVITIES", title="A plan needs activities",
    ...       severity="warning", basis="Förordning (2017:820) 11 §",
    ...       messages={"sv": "Planen saknar aktiviteter.", "en": "The plan has no activities."})
    ... def no_activities(ctx):
    ...     if not ctx.plan.activities:
    ...         yield ctx.finding(on=ctx.as_of)
    >>> no_activities.code, no_activities.title_in("sv")
    ('DEMO-NO-ACTIVITIES', 'A plan needs activities')
    """
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise InvalidRuleError(f"rule code must be upper-case words joined by '-': {code!r}")
    try:
        level = Severity(severity)
    except ValueError:
        raise InvalidRuleError(f"rule {code}: unknown severity {severity!r}") from None
    templates = _messages(code, messages)
    try:
        titles = _titles(title)
    except InvalidRuleError as error:
        raise InvalidRuleError(f"rule {code}: {error}") from None
    start = as_date(valid_from, "valid_from") if valid_from is not None else None
    end = as_date(valid_to, "valid_to") if valid_to is not None else None
    if start is not None and end is not None and end < start:
        raise InvalidRuleError(f"rule {code}: valid_to {end} is before valid_from {start}")
    scope = None if programmes is None else frozenset(Programme(p) for p in programmes)

    def decorate(check: CheckFunction) -> Rule:
        return Rule(
            code=code,
            title=titles["en"],
            titles=titles,
            severity=level,
            basis=basis,
            programmes=scope,
            valid_from=start,
            valid_to=end,
            messages=templates,
            check=check,
        )

    return decorate
