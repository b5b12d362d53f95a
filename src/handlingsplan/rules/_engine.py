"""The rule engine: rules with legal basis, findings that explain themselves, reports."""

from __future__ import annotations

import datetime as _dt
import importlib
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import StrEnum
from typing import Any

import attrs

from .._frozen import FrozenMapping, freeze, json_ready
from .._labels import fact_label, reason_label, show_value
from .._privacy import echo, redact, redacted_repr
from ..dates import as_date
from ..deadlines import Deadline, DeadlineKind, deadlines
from ..errors import DuplicateRuleError, InvalidRuleError, UnknownRuleError
from ..model import Participant, Plan, Programme
from ..parameters import Parameters, ParameterValues

__all__ = [
    "LOCALES",
    "Context",
    "Facts",
    "Finding",
    "Report",
    "Rule",
    "RuleSet",
    "Severity",
    "build_finding",
    "render_report_html",
    "rule",
]

LOCALES = ("sv", "en")
"""The languages every message exists in."""

DEFAULT_REASON = "default"
"""The reason of a finding from a rule that gives one message pair."""

_CODE = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*")


class Severity(StrEnum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _check_locale(locale: str) -> str:
    if locale not in LOCALES:
        raise ValueError(f"locale must be one of {LOCALES}, not {echo(locale)}")
    return locale


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


def _display(value: Any, locale: str, fact: str | None = None) -> Any:
    """A fact's value for a message or an explanation in ``locale``.

    Numbers stay numbers (a template may format them), a whole float an integer; the rest
    reads as :func:`~handlingsplan._labels.show_value` says.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value) if isinstance(value, float) and value.is_integer() else value
    return show_value(value, locale, fact=fact)


Titles = FrozenMapping[str]
"""A title in each language: ``{"sv": ..., "en": ...}``."""


def _titles(value: Mapping[str, str] | str) -> Titles:
    """A title in both languages; a plain string (a user's rule) is the same in both."""
    if isinstance(value, str):
        return FrozenMapping(dict.fromkeys(LOCALES, value))
    if not isinstance(value, Mapping) or set(value) != set(LOCALES):
        raise InvalidRuleError(f"a title must give exactly 'sv' and 'en', not {value!r}")
    if not all(isinstance(text, str) for text in value.values()):
        raise InvalidRuleError(f"a title must be text in each language, not {value!r}")
    return FrozenMapping((locale, value[locale]) for locale in LOCALES)


def _messages_shown(messages: Mapping[str, Any]) -> Facts:
    return Facts({locale: redact(str(text)) for locale, text in messages.items()})


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
    messages: Facts = attrs.field(converter=_messages_shown)
    titles: Titles = attrs.field(converter=_titles)
    """The rule's title in each language; ``title`` is the English one."""

    @titles.default
    def _titles_default(self) -> Titles:
        return _titles(self.title)

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


_LABELS = {
    "sv": {
        "rule": "regel",
        "reason": "skäl",
        "subject": "gäller",
        "on": "datum",
        "facts": "underlag",
        "basis": "rättslig grund",
        "none": "Inga anmärkningar.",
        "upcoming": "Kommande datum",
        "report": "Rapport för plan",
        "error": "fel",
        "warning": "varning",
        "info": "info",
    },
    "en": {
        "rule": "rule",
        "reason": "reason",
        "subject": "subject",
        "on": "date",
        "facts": "facts",
        "basis": "legal basis",
        "none": "No findings.",
        "upcoming": "Upcoming dates",
        "report": "Report for plan",
        "error": "error",
        "warning": "warning",
        "info": "info",
    },
}


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
        by_kind: dict[str, list[Deadline]] = {}
        for deadline in self.key_dates:
            by_kind.setdefault(deadline.kind, []).append(deadline)
        self._by_kind = FrozenMapping((kind, tuple(dates)) for kind, dates in by_kind.items())
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
        for deadline in self._by_kind.get(DeadlineKind(kind), ()):
            if subject is None or deadline.subject == subject:
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
    """A finding of ``current`` with its messages rendered in every locale.

    ``severity`` and ``basis`` default to the rule's own.
    """
    try:
        templates = current.messages[reason]
    except KeyError:
        raise KeyError(f"rule {current.code} has no message for reason {echo(reason)}") from None
    rendered = {}
    for locale in LOCALES:
        values = {key: _display(value, locale, key) for key, value in facts.items()}
        shown_on = "" if on is None else on.isoformat()
        values.update(subject=subject or "", on=shown_on, code=current.code)
        rendered[locale] = templates[locale].format(**values)
    return Finding(
        code=current.code,
        severity=Severity(severity) if severity is not None else current.severity,
        reason=reason,
        subject=subject,
        on=on,
        facts=facts,
        basis=current.basis if basis is None else basis,
        title=current.title,
        titles=current.titles,
        messages=rendered,
    )


@redacted_repr
@attrs.frozen(kw_only=True)
class Report:
    """The result of :func:`evaluate`: findings in a stable order and the key dates.

    Its text for people (:meth:`explain`, the HTML, the ``repr``) masks identity
    numbers; :meth:`to_dict` keeps ``plan_id`` and subjects as given.
    """

    plan_id: str
    as_of: _dt.date
    findings: tuple[Finding, ...]
    key_dates: tuple[Deadline, ...]

    @property
    def ok(self) -> bool:
        """True when there is no error finding."""
        return not any(finding.severity is Severity.ERROR for finding in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The error findings."""
        return self._of(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The warning findings."""
        return self._of(Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """The informational findings."""
        return self._of(Severity.INFO)

    def _of(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.severity is severity)

    @property
    def upcoming(self) -> tuple[Deadline, ...]:
        """Key dates whose ``act_by`` is on or after ``as_of``."""
        return tuple(deadline for deadline in self.key_dates if deadline.act_by >= self.as_of)

    def codes(self) -> tuple[str, ...]:
        """The codes of the findings, in order."""
        return tuple(finding.code for finding in self.findings)

    def explain(self, locale: str = "sv") -> str:
        """Readable text: each finding with its reason, facts and legal basis."""
        _check_locale(locale)
        labels = _LABELS[locale]
        lines = [f"{labels['report']} {self.plan_id} ({self.as_of.isoformat()})"]
        if not self.findings:
            lines.append(labels["none"])
        lines.extend(finding.explain(locale) for finding in self.findings)
        upcoming = self.upcoming
        if upcoming:
            lines.append(f"{labels['upcoming']}:")
            lines.extend(
                f"  {deadline.act_by.isoformat()}  {deadline.description(locale)}"
                + (f" ({deadline.subject})" if deadline.subject else "")
                for deadline in upcoming
            )
        return redact("\n".join(lines))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict, messages in both languages."""
        return {
            "plan_id": self.plan_id,
            "as_of": self.as_of.isoformat(),
            "ok": self.ok,
            "findings": [finding.to_dict() for finding in self.findings],
            "key_dates": [deadline.to_dict() for deadline in self.key_dates],
        }

    def to_html(self, *, locale: str = "sv") -> str:
        """The findings and upcoming key dates as a styled HTML block in ``locale``."""
        from .._views import report_html  # the views sit above the rules

        return report_html(self, locale=locale)

    def _repr_html_(self) -> str:
        return self.to_html()


def render_report_html(report: Report, locale: str = "en") -> str:
    """The report as HTML in ``locale``: the same view as :meth:`Report.to_html`."""
    return report.to_html(locale=_check_locale(locale))
