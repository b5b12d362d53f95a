"""The codes, titles, legal bases and messages of the referral conditions.

One :class:`Spec` per condition, shared by :data:`~handlingsplan.ELIGIBILITY_RULES` (and
so :func:`~handlingsplan.check_eligibility`) and the referral rules of
:data:`~handlingsplan.DEFAULT_RULES`. Every message exists in Swedish and English and
names the limit date it compared with as ``{limit}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from ..model import CircumstanceKind

__all__ = [
    "AGE",
    "FAMILY",
    "HINDRANCE",
    "MISSING",
    "NOT_IN_FORCE",
    "NOT_YET",
    "PERMIT",
    "REGISTRATION",
    "SPECS",
    "Spec",
]

AGE: Final = "ELIG-AGE"
PERMIT: Final = "ELIG-PERMIT"
FAMILY: Final = "ELIG-FAMILY-WINDOW"
REGISTRATION: Final = "ELIG-REGISTRATION-WINDOW"
NOT_YET: Final = "ELIG-NOT-YET"
HINDRANCE: Final = "ELIG-HINDRANCE"
NOT_IN_FORCE: Final = "ELIG-NOT-IN-FORCE"

MISSING: Final = "missing"
"""The reason of an outcome that names a missing fact."""


@attrs.frozen(kw_only=True)
class Spec:
    """A condition's metadata: ``missing`` when a fact it needs may be unknown.

    ``name`` is the end of the module attribute each rule of the condition is kept under
    (``referral_age``, ``eligibility_age``), so that rules pickle by reference.
    """

    code: str
    name: str
    title: Mapping[str, str]
    basis: str
    messages: Mapping[str, Mapping[str, str]]
    missing: bool = False


_HINDRANCES: Final = {
    CircumstanceKind.FULL_TIME_WORK: ("arbetar heltid", "works full time"),
    CircumstanceKind.UPPER_SECONDARY_SCHOOL: (
        "går i gymnasieskolan",
        "attends upper-secondary school",
    ),
    CircumstanceKind.FULL_TIME_PARENTAL_BENEFIT: (
        "har hel föräldrapenning",
        "receives full-time parental benefit",
    ),
    CircumstanceKind.FULL_TIME_SICKNESS_BENEFIT: (
        "har hel sjukpenning",
        "receives full sickness benefit",
    ),
    CircumstanceKind.ASYLUM_HOUSING: (
        "bor i Migrationsverkets anläggningsboende",
        "lives in the Migration Agency's asylum housing",
    ),
}
"""What each hindrance is, as the messages say it: (sv, en)."""


def _hindrance_messages() -> dict[str, dict[str, str]]:
    """A closed and an open message for each kind; the reason is the kind (``_open``)."""
    messages: dict[str, dict[str, str]] = {}
    for kind, (sv, en) in _HINDRANCES.items():
        messages[kind.value] = {
            "sv": f"Personen {sv} {{start}}–{{end}} och kan inte anvisas under den tiden.",
            "en": f"The person {en} from {{start}} to {{end}} and cannot be referred meanwhile.",
        }
        messages[f"{kind.value}_open"] = {
            "sv": f"Personen {sv} sedan {{start}}, tills vidare, och kan inte anvisas "
            "under den tiden.",
            "en": f"The person {en} from {{start}}, with no end date, and cannot be "
            "referred meanwhile.",
        }
    return messages


SPECS: Final = (
    Spec(
        code=AGE,
        name="age",
        title={
            "sv": "Ålder: fyllt 20 och inte nått den övre åldersgränsen",
            "en": "Age: turned 20 and not reached the upper age",
        },
        basis="Lag (2017:584) 2 §; SFS 2022:895; SFS 2022:896",
        messages={
            "too_young": {
                "sv": "Personen fyller {min_age} år först {limit}.",
                "en": "The person turns {min_age} only on {limit}.",
            },
            "too_old": {
                "sv": "Personen nådde den övre åldersgränsen {upper_age} år den {limit}.",
                "en": "The person reached the upper age of {upper_age} on {limit}.",
            },
        },
    ),
    Spec(
        code=PERMIT,
        name="permit",
        title={
            "sv": "Ett uppehållstillstånd som ger rätt till programmet",
            "en": "A residence permit that leads to the programme",
        },
        basis="Lag (2017:584) 2 §",
        messages={
            "not_qualifying": {
                "sv": "Uppehållstillstånd av slaget {kind} ger inte rätt till programmet.",
                "en": "A residence permit of kind {kind} does not lead to the programme.",
            },
        },
        missing=True,
    ),
    Spec(
        code=FAMILY,
        name="family_window",
        title={
            "sv": "Anhörig som ansökt inom sex år",
            "en": "Family member applied within six years",
        },
        basis="Lag (2017:584) 2 §",
        messages={
            "too_late": {
                "sv": "Ansökan {applied_on} gjordes mer än {years} år efter att anknytnings"
                "personen först togs emot i en kommun ({anchor_first_received_on}).",
                "en": "The application on {applied_on} was made more than {years} years "
                "after the anchor person was first received in a municipality "
                "({anchor_first_received_on}).",
            },
        },
        missing=True,
    ),
    Spec(
        code=REGISTRATION,
        name="registration_window",
        title={
            "sv": "Anvisning inom 36 månader från första folkbokföringen",
            "en": "Referral within 36 months of the first registration",
        },
        basis="Lag (2017:584) 2 §; Förordning (2017:820) 15 a §",
        messages={
            "too_late": {
                "sv": "Anvisning är möjlig senast {limit}, {months} månader efter första "
                "folkbokföringen.",
                "en": "A referral is possible until {limit}, {months} months after the first "
                "population registration.",
            },
        },
        missing=True,
    ),
    Spec(
        code=NOT_YET,
        name="not_yet",
        title={
            "sv": "Anvisning först efter uppehållstillståndet och första folkbokföringen",
            "en": "Referral only after the permit and the first registration",
        },
        basis="Lag (2017:584) 2 §",
        messages={
            "default": {
                "sv": "Anvisning är möjlig tidigast {limit} ({event}).",
                "en": "A referral is possible from {limit} at the earliest ({event}).",
            }
        },
    ),
    Spec(
        code=HINDRANCE,
        name="hindrance",
        title={
            "sv": "Ingen anvisning medan ett hinder gäller",
            "en": "No referral while a hindrance is in force",
        },
        basis="Förordning (2017:820) 5 §",
        messages=_hindrance_messages(),
    ),
    Spec(
        code=NOT_IN_FORCE,
        name="not_in_force",
        title={"sv": "Etableringsprogrammet finns", "en": "The establishment programme exists"},
        basis="Lag (2017:584); Lag (2010:197)",
        messages={
            "default": {
                "sv": "Etableringsprogrammet finns från {limit}; före dess gällde "
                "etableringsplanen enligt lag (2010:197).",
                "en": "The establishment programme exists from {limit}; before it, the "
                "establishment plan of Lag (2010:197) applied.",
            }
        },
    ),
)
"""Every condition, in the order :func:`assess` judges them."""
