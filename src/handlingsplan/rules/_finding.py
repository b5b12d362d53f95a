"""Findings: what a rule found, as structured data that can explain itself."""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from .._frozen import FrozenMapping, freeze, json_ready
from .._labels import fact_label, reason_label
from .._privacy import echo, redact, redacted_repr
from ._severity import _SEVERITY_ORDER, Severity
from ._words import _LABELS, DEFAULT_REASON, LOCALES, Titles, _check_locale, _display, _titles

if TYPE_CHECKING:
    from ._rule import Rule

__all__ = ["Facts", "Finding", "build_finding"]


class Facts(FrozenMapping[Any]):
    """An immutable, hashable mapping of the facts a finding used.

    Lists, sets and mappings among the values are frozen (see :func:`freeze`), so a
    finding's facts cannot change after it is made.

    >>> facts = Facts({"months": 24, "weeks": [3, 4]})
    >>> facts["weeks"], dict(facts)
    ((3, 4), {'months': 24, 'weeks': (3, 4)})
    """

    __slots__ = ()

    def __init__(self, items: Mapping[str, Any] | Iterable[tuple[str, Any]] = ()) -> None:
        super().__init__((key, freeze(value)) for key, value in dict(items).items())

    @classmethod
    def of(cls, items: Mapping[str, Any]) -> Facts:
        """Facts of ``items`` made in one pass: what :class:`Facts` makes, faster."""
        made = object.__new__(cls)
        object.__setattr__(
            made, "_items", MappingProxyType({key: freeze(value) for key, value in items.items()})
        )
        return made


class _Pending:
    """A built-in rule's messages before they are first read: the templates and values.

    Rendering a message in two languages costs more than finding it, and most reports
    are read for their codes and facts; so a built-in rule's finding renders its messages
    when they are first asked for (or compared), once, and keeps them. The built-in
    templates are all tested; a user's rule renders at once, so that a bad template
    fails inside the evaluation with the rule's code.
    """

    __slots__ = ("code", "facts", "on", "subject", "templates")

    def __init__(
        self,
        templates: Mapping[str, str],
        facts: Mapping[str, Any],
        subject: str | None,
        on: _dt.date | None,
        code: str,
    ) -> None:
        self.templates = templates
        self.facts = facts
        self.subject = subject
        self.on = on
        self.code = code

    def render(self) -> Facts:
        return _shown(_render(self.templates, self.facts, self.subject, self.on, self.code))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_Pending, (self.templates, self.facts, self.subject, self.on, self.code))


def _render(
    templates: Mapping[str, str],
    facts: Mapping[str, Any],
    subject: str | None,
    on: _dt.date | None,
    code: str,
) -> dict[str, str]:
    rendered = {}
    shown_on = "" if on is None else on.isoformat()
    for locale in LOCALES:
        values = {key: _display(value, locale, key) for key, value in facts.items()}
        values.update(subject=subject or "", on=shown_on, code=code)
        rendered[locale] = templates[locale].format(**values)
    return rendered


def _shown(messages: Mapping[str, Any]) -> Facts:
    return Facts({locale: redact(str(text)) for locale, text in messages.items()})


def _messages_shown(messages: Mapping[str, Any] | _Pending) -> Facts | _Pending:
    return messages if isinstance(messages, _Pending) else _shown(messages)


def _rendered(messages: Facts | _Pending) -> Facts:
    return messages.render() if isinstance(messages, _Pending) else messages


@redacted_repr
@attrs.frozen(kw_only=True)
class Finding:
    """What a rule found: structured data that can explain itself.

    ``subject`` is the id of the activity or milestone concerned, or ``None`` for the
    plan; ``on`` the date the finding is about; ``facts`` the parameter values and dates
    used; ``basis`` the legal basis. ``message(locale)`` renders it in ``"sv"`` or
    ``"en"``.

    Messages are text for people: an identity number in them (from an id, say) is
    masked, as it is in :meth:`explain` and the ``repr``. ``subject`` and ``facts`` keep
    the values as given.
    """

    code: str
    severity: Severity
    reason: str
    subject: str | None
    on: _dt.date | None
    facts: Facts = attrs.field(converter=Facts)
    basis: str
    title: str
    _messages: Facts | _Pending = attrs.field(
        converter=_messages_shown, alias="messages", eq=_rendered, repr=False
    )
    titles: Titles = attrs.field(converter=_titles)
    """The rule's title in each language; ``title`` is the English one."""

    @titles.default
    def _titles_default(self) -> Titles:
        return _titles(self.title)

    @property
    def messages(self) -> Facts:
        """The message in each language: ``{"sv": ..., "en": ...}``."""
        messages = self._messages
        if isinstance(messages, _Pending):
            messages = messages.render()
            object.__setattr__(self, "_messages", messages)
        return messages

    def __repr__(self) -> str:
        names = (field.alias or field.name for field in attrs.fields(Finding))
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"Finding({shown})"

    def title_in(self, locale: str = "sv") -> str:
        """The rule's title in ``locale`` (``"sv"`` or ``"en"``); another raises ``ValueError``."""
        return self.titles[_check_locale(locale)]

    def message(self, locale: str = "sv") -> str:
        """The message in ``locale`` (``"sv"`` or ``"en"``); another raises ``ValueError``."""
        return str(self.messages[_check_locale(locale)])

    def explain(self, locale: str = "sv") -> str:
        """The message with the rule, the reason, the facts used and the legal basis."""
        _check_locale(locale)
        labels = _LABELS[locale]
        severity = labels[self.severity.value]
        lines = [f"[{severity}] {self.code}: {self.message(locale)}"]
        reason = reason_label(self.reason, locale)
        lines.append(f"  {labels['rule']}: {self.title_in(locale)} ({labels['reason']}: {reason})")
        if self.subject is not None:
            lines.append(f"  {labels['subject']}: {self.subject}")
        if self.on is not None:
            lines.append(f"  {labels['on']}: {self.on.isoformat()}")
        if self.facts:
            used = ", ".join(
                f"{fact_label(key, locale)} = {_display(value, locale, key)}"
                for key, value in self.facts.items()
            )
            lines.append(f"  {labels['facts']}: {used}")
        lines.append(f"  {labels['basis']}: {self.basis}")
        return redact("\n".join(lines))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with the message in both languages."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "reason": self.reason,
            "subject": self.subject,
            "on": self.on.isoformat() if self.on is not None else None,
            "facts": json_ready(self.facts),
            "basis": self.basis,
            "title": self.title,
            "titles": dict(self.titles),
            "messages": dict(self.messages),
        }

    @property
    def sort_key(self) -> tuple[int, tuple[bool, _dt.date], str, tuple[bool, str]]:
        """Severity (error first), then ``on``, then code, then subject (``None`` first)."""
        return (
            _SEVERITY_ORDER[self.severity],
            (self.on is not None, self.on or _dt.date.min),
            self.code,
            (self.subject is not None, self.subject or ""),
        )


def build_finding(
    current: Rule,
    *,
    reason: str = DEFAULT_REASON,
    subject: str | None = None,
    on: _dt.date | None = None,
    severity: Severity | str | None = None,
    basis: str | None = None,
    **facts: Any,
) -> Finding:
    """A finding of ``current``, its messages rendered in every locale.

    ``severity`` and ``basis`` default to the rule's own. A built-in rule's finding is
    made directly, without the constructor's conversions (its parts are known to be
    well formed), and renders its messages when they are first read.
    """
    try:
        templates = current.messages[reason]
    except KeyError:
        raise KeyError(f"rule {current.code} has no message for reason {echo(reason)}") from None
    level = current.severity if severity is None else Severity(severity)
    shown_basis = current.basis if basis is None else basis
    if not _is_built_in(current):
        return Finding(
            code=current.code,
            severity=level,
            reason=reason,
            subject=subject,
            on=on,
            facts=facts,
            basis=shown_basis,
            title=current.title,
            titles=current.titles,
            messages=_render(templates, facts, subject, on, current.code),
        )
    finding = object.__new__(Finding)
    frozen = Facts.of(facts)
    for name, value in (
        ("code", current.code),
        ("severity", level),
        ("reason", reason),
        ("subject", subject),
        ("on", on),
        ("facts", frozen),
        ("basis", shown_basis),
        ("title", current.title),
        ("_messages", _Pending(templates, frozen, subject, on, current.code)),
        ("titles", current.titles),
    ):
        _set(finding, name, value)
    return finding


_set = object.__setattr__

_BUILT_IN = "handlingsplan."


@functools.lru_cache(maxsize=1024)
def _is_built_in(current: Rule) -> bool:
    """Whether ``current`` is one of the library's own rules (its templates are tested).

    Asked for every finding, answered once per rule (rules are hashed by identity).
    """
    return str(getattr(current.check, "__module__", "")).startswith(_BUILT_IN)
