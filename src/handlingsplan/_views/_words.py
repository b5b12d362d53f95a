"""The words of the views in Swedish and English, and the one way to title a finding."""

from __future__ import annotations

from typing import Final

from .._privacy import echo
from ..rules import Finding
from ..rules._words import LOCALES

__all__ = ["MONTHS", "check_locale", "finding_title", "word"]

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
    "participation": ("omfattning", "participation"),
    "no_activities": ("inga aktiviteter", "no activities"),
    "interruption": ("avbrott", "interruption"),
    "absence": ("frånvaro", "absence"),
    "milestone": ("delmål", "milestone"),
    "achieved": ("uppnått", "achieved"),
    "referral": ("anvisning", "referral"),
    "exit": ("avslut", "exit"),
    "followed_up_on": ("uppföljd", "followed up"),
    "outside": ("utanför bilden", "outside the view"),
    "timeline_of": ("Tidslinje för plan", "Timeline of plan"),
    "hours_week": ("tim/v", "h/week"),
    "from": ("från", "from"),
    "until": ("till", "to"),
    "onwards": ("och framåt", "on"),
    "participant": ("deltagare", "participant"),
    "age_on": ("ålder {age} den {day}", "age {age} on {day}"),
    "exited_on": ("avslutad", "exited"),
    "finding_marker": ("anmärkning", "finding"),
    "programme_end": ("programmets slut", "programme end"),
    "registration_window_end": ("registreringsfönstret stänger", "registration window end"),
    "upper_age": ("övre åldersgräns", "upper age"),
    "age_18": ("fyller 18", "turns 18"),
    "follow_up": ("uppföljning senast", "follow-up due"),
    "chart": (
        "Andel i arbete eller studier per kön, mot målet",
        "Share in work or studies by gender, against the target",
    ),
}


MONTHS: Final[dict[str, tuple[str, ...]]] = {
    "sv": ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
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
    """The title of ``finding``'s rule for people reading ``locale``: the one place the
    views read it."""
    return finding.title_in(locale)
