"""The rule engine, re-exported from its parts (kept as an import path).

Each concept has its module: :mod:`._words` (languages and labels), :mod:`._severity`,
:mod:`._finding`, :mod:`._rule` (the rule and its decorator), :mod:`._ruleset`,
:mod:`._context` and :mod:`._report`. Pickles made before the split name
``_import_rule`` here, so it stays importable from this module.
"""

from __future__ import annotations

from ._context import Context
from ._finding import Facts, Finding, build_finding
from ._report import Report, render_report_html
from ._rule import CheckFunction, Messages, Rule, _import_rule, _lookup, rule
from ._ruleset import RuleSet
from ._severity import _SEVERITY_ORDER, Severity
from ._words import _LABELS, DEFAULT_REASON, LOCALES, Titles, _check_locale, _display, _titles

__all__ = [
    "DEFAULT_REASON",
    "LOCALES",
    "_LABELS",
    "_SEVERITY_ORDER",
    "CheckFunction",
    "Context",
    "Facts",
    "Finding",
    "Messages",
    "Report",
    "Rule",
    "RuleSet",
    "Severity",
    "Titles",
    "_check_locale",
    "_display",
    "_import_rule",
    "_lookup",
    "_titles",
    "build_finding",
    "render_report_html",
    "rule",
]
