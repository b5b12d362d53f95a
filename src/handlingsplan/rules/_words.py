"""The words of the rule engine: the languages, the labels of a report, titles and facts shown."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._frozen import FrozenMapping
from .._labels import show_value
from .._privacy import echo
from ..errors import InvalidRuleError

__all__ = ["DEFAULT_REASON", "LOCALES", "Titles"]

LOCALES = ("sv", "en")
"""The languages every message exists in."""

DEFAULT_REASON = "default"
"""The reason of a finding from a rule that gives one message pair."""


def _check_locale(locale: str) -> str:
    if locale not in LOCALES:
        raise ValueError(f"locale must be one of {LOCALES}, not {echo(locale)}")
    return locale


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
