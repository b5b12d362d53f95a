"""The words of the views in Swedish and English, and the one way to title a finding."""

from __future__ import annotations

from typing import Final

from .._privacy import echo
from ..rules import Finding
from ..rules._engine import LOCALES

__all__ = ["check_locale", "finding_title", "word"]

_WORDS: Final[dict[str, tuple[str, str]]] = {
    "severity": ("allvarlighet", "severity"),
    "error": ("fel", "error"),
    "warning": ("varning", "warning"),
    "info": ("information", "info"),
    "code": ("kod", "code"),
    "subject": ("gäller", "subject"),
    "on": ("datum", "date"),
    "title": ("regel", "rule"),
    "message": ("meddelande", "message"),
    "basis": ("rättslig grund", "legal basis"),
    "report": ("Rapport för plan", "Report for plan"),
    "as_of": ("per", "as of"),
    "no_findings": ("Inga anmärkningar.", "No findings."),
    "upcoming": ("Kommande datum", "Upcoming dates"),
    "act_by": ("senast", "act by"),
    "due": ("förfaller", "due"),
    "key_date": ("datum", "key date"),
    "plan": ("plan", "plan"),
    "caseload": ("Ärendelista", "Caseload"),
    "plans": ("planer", "plans"),
    "with_errors": ("med fel", "with errors"),
    "with_warnings": ("med varningar", "with warnings"),
    "findings_per_code": ("Anmärkningar per kod", "Findings per code"),
    "count": ("antal", "count"),
    "upcoming_weeks": ("Datum inom {weeks} veckor", "Dates within {weeks} weeks"),
    "none": ("Inga.", "None."),
    "comparison": ("Jämförelse av regler", "Rule comparison"),
    "gaining": ("planer som får anmärkningen", "plans gaining"),
    "losing": ("planer som förlorar den", "plans losing"),
    "no_change": ("Inga ändringar.", "No changes."),
    "outcomes": ("Utfall efter uppföljning", "Outcomes at follow-up"),
    "group": ("grupp", "group"),
    "exited": ("avslutade", "exited"),
    "followed_up": ("uppföljda", "followed up"),
    "positive": ("arbete eller studier", "work or studies"),
    "unknown": ("okänt", "unknown"),
    "early": ("för tidigt uppföljda", "followed up too early"),
    "rate_exited": ("andel av avslutade", "share of exited"),
    "target": ("mål", "target"),
    "meets_target": ("når målet", "meets target"),
    "yes": ("ja", "yes"),
    "no": ("nej", "no"),
    "all": ("alla", "all"),
    "unrecorded": ("ej registrerat", "not recorded"),
    "chart": (
        "Andel i arbete eller studier per kön, mot målet",
        "Share in work or studies by gender, against the target",
    ),
}


def check_locale(locale: object) -> str:
    """``locale`` when it is ``"sv"`` or ``"en"``; otherwise ``ValueError``."""
    if locale not in LOCALES:
        raise ValueError(f"locale must be one of {LOCALES}, not {echo(locale)}")
    assert isinstance(locale, str)
    return locale


def word(name: str, locale: str) -> str:
    """The view's word ``name`` in ``locale``."""
    swedish, english = _WORDS[name]
    return swedish if locale == "sv" else english


def finding_title(finding: Finding, locale: str) -> str:
    """The title of ``finding``'s rule for people reading ``locale``.

    Rule titles are English today; this is the one place the views read them.
    """
    del locale
    return finding.title
