"""Rules: the engine, the default catalogue and eligibility.

A rule is a plain function ``(ctx) -> Iterable[Finding]`` decorated with :func:`rule`,
which records its stable code, title, severity, legal basis, the period it is in force
and its messages in Swedish and English. :func:`evaluate` runs a :class:`RuleSet`
(``DEFAULT_RULES`` by default) over a plan on an ``as_of`` date and returns a
:class:`Report`.
"""

from ._catalogue import DEFAULT_RULES
from ._context import Context
from ._eligibility import (
    ELIGIBILITY_RULES,
    QUALIFYING_PERMITS,
    Eligibility,
    EligibilityStatus,
    check_eligibility,
)
from ._evaluate import evaluate
from ._finding import Facts, Finding, build_finding
from ._full_time import FULL_TIME_WEEKS
from ._programme import EDUCATION
from ._report import Report, render_report_html
from ._rule import Rule, rule
from ._ruleset import RuleSet
from ._severity import Severity
from ._words import LOCALES

__all__ = [
    "DEFAULT_RULES",
    "EDUCATION",
    "ELIGIBILITY_RULES",
    "FULL_TIME_WEEKS",
    "LOCALES",
    "QUALIFYING_PERMITS",
    "Context",
    "Eligibility",
    "EligibilityStatus",
    "Facts",
    "Finding",
    "Report",
    "Rule",
    "RuleSet",
    "Severity",
    "build_finding",
    "check_eligibility",
    "evaluate",
    "render_report_html",
    "rule",
]
