"""Every word a person reads exists in Swedish and English (issue 14).

The Swedish text of the demo caseload (each report's ``explain("sv")`` on the demo's
date, every key date's explanation) holds no English word of the library's own: the
words of four letters or more in its English titles, messages, labels, fact names and
explanation templates that are not also words of its Swedish text.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from handlingsplan import DEFAULT_RULES, ELIGIBILITY_RULES, evaluate
from handlingsplan._demo import DEMO_AS_OF, demo_caseload
from handlingsplan._explain import _EVENTS, _LIMITS, _TEXTS
from handlingsplan._labels import (
    FACT_LABELS,
    LABELS,
    OUTCOME_WORDS,
    REASON_LABELS,
    fact_label,
    label,
    outcome_word,
    reason_label,
    show_value,
)
from handlingsplan.deadlines import DeadlineKind, deadlines
from handlingsplan.deadlines._kinds import _DESCRIPTIONS
from handlingsplan.model import (
    ActivityKind,
    ExitReason,
    Gender,
    Participant,
    ParticipationChange,
    ParticipationReason,
    Plan,
)
from handlingsplan.rules import Finding, Rule, Severity
from handlingsplan.rules._engine import _LABELS

_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉé]+")
_CODE = re.compile(r"\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b")
"""A rule code (``PROG-CIVIC-ORIENTATION``): a name, the same in every language."""

ALLOWED = frozenset({"lag", "lvu", "affs", "sfs"})
"""Names and codes that read the same in both languages."""


def _words(text: str) -> set[str]:
    plain = _CODE.sub(" ", re.sub(r"\{[^}]*\}", " ", text))
    return {word.lower() for word in _WORD.findall(plain) if len(word) >= 4}


def _pairs() -> Iterator[tuple[str, str]]:
    """Every (Swedish, English) pair of text the library writes for people."""
    for item in (*DEFAULT_RULES, *ELIGIBILITY_RULES):
        yield item.titles["sv"], item.titles["en"]
        for templates in item.messages.values():
            yield templates["sv"], templates["en"]
    for table in (*LABELS.values(), FACT_LABELS, REASON_LABELS, OUTCOME_WORDS):
        yield from table.values()
    for templates in (_EVENTS, _LIMITS, _TEXTS):
        yield from templates.values()
    yield from _DESCRIPTIONS.values()
    yield " ".join(_LABELS["sv"].values()), " ".join(_LABELS["en"].values())


def _vocabularies() -> tuple[set[str], set[str]]:
    swedish: set[str] = set()
    english: set[str] = set()
    for sv, en in _pairs():
        swedish |= _words(sv)
        english |= _words(en)
    return swedish, english - swedish - ALLOWED


SWEDISH, ENGLISH = _vocabularies()


def _user_words(plan: Plan) -> list[str]:
    """The plan's own data (ids, milestone titles): the user's words, not the library's."""
    names = [plan.id, plan.participant.id, *(a.id for a in plan.activities)]
    names += [text for m in plan.milestones for text in (m.id, m.title)]
    return sorted(names, key=len, reverse=True)


def _swedish_texts() -> Iterator[str]:
    """The demo caseload on its date and on 2 March of the years around it."""
    for plan in demo_caseload():
        texts = []
        for year in range(2024, 2031):
            report = evaluate(plan, as_of=DEMO_AS_OF.replace(year=year))
            texts.append(report.explain("sv"))
            texts.extend(finding.title_in("sv") for finding in report.findings)
        for deadline in deadlines(plan):
            texts += [deadline.explain("sv"), deadline.description("sv")]
        for text in texts:
            for name in _user_words(plan):
                text = text.replace(name, " ")
            yield text


def test_the_english_vocabulary_is_the_librarys_own() -> None:
    """The check below would be empty if the vocabulary were: it holds real words."""
    assert {"activities", "participant", "programme", "hours", "reason", "woman"} <= ENGLISH
    assert "förordning" not in ENGLISH


def test_swedish_output_of_the_demo_caseload_has_no_english_word() -> None:
    found = {word: text for text in _swedish_texts() for word in _words(text) if word in ENGLISH}
    assert found == {}


def test_swedish_explanations_name_rules_reasons_and_facts_in_swedish() -> None:
    report = evaluate(demo_caseload()[2], as_of=DEMO_AS_OF)
    text = report.explain("sv")
    assert "regel: Aktiviteterna fyller deltagandenivån (skäl: grundfall)" in text
    assert "deltagandenivå i procent = 50" in text
    assert "[varning] PROG-FULL-TIME" in text
    english = report.explain("en")
    assert "rule: Activities fill the participation level (reason: default)" in english
    assert "participation level in percent = 50" in english
    assert "[warning] PROG-FULL-TIME" in english


def test_every_built_in_rule_has_a_title_in_each_language() -> None:
    for item in (*DEFAULT_RULES, *ELIGIBILITY_RULES):
        assert item.titles.keys() == {"sv", "en"}
        assert item.title == item.titles["en"] == item.title_in("en")
        assert item.titles["sv"] != item.titles["en"], item.code
        assert item.to_dict()["titles"] == dict(item.titles)


def test_a_finding_carries_its_rules_titles() -> None:
    report = evaluate(demo_caseload()[2], as_of=DEMO_AS_OF)
    for finding in report.findings:
        rule = DEFAULT_RULES[finding.code]
        assert finding.titles == rule.titles
        assert finding.title_in("sv") == rule.title_in("sv")
        assert finding.to_dict()["titles"] == dict(rule.titles)
        assert finding.to_dict()["title"] == rule.titles["en"]


def test_a_title_in_another_language_is_refused() -> None:
    report = evaluate(demo_caseload()[2], as_of=DEMO_AS_OF)
    with pytest.raises(ValueError, match="'fr'"):
        report.findings[0].title_in("fr")
    with pytest.raises(ValueError, match="'fr'"):
        DEFAULT_RULES["PROG-END"].title_in("fr")


def test_a_finding_made_by_hand_has_its_title_in_both_languages() -> None:
    finding = Finding(
        code="DEMO-HAND",
        severity=Severity.INFO,
        reason="default",
        subject=None,
        on=None,
        facts={},
        basis="SFS 2099:1",
        title="Made by hand",
        messages={"sv": "Hand.", "en": "Hand."},
    )
    assert dict(finding.titles) == {"sv": "Made by hand", "en": "Made by hand"}


def test_every_fact_of_the_built_in_rules_and_key_dates_has_a_label() -> None:
    facts: set[str] = set()
    for plan in demo_caseload():
        facts.update(key for d in deadlines(plan) for key in d.facts)
        for year in range(2024, 2030):
            for finding in evaluate(plan, as_of=DEMO_AS_OF.replace(year=year)).findings:
                facts.update(finding.facts)
    assert facts
    assert facts <= FACT_LABELS.keys()
    for name, (sv, en) in FACT_LABELS.items():
        assert fact_label(name, "sv") == sv
        assert fact_label(name, "en") == en


def test_an_unknown_fact_or_reason_shows_its_name() -> None:
    assert fact_label("users_own", "sv") == "users_own"
    assert reason_label("users_own", "sv") == "users_own"


def test_hindrance_reasons_read_as_the_circumstance() -> None:
    assert reason_label("full_time_work", "sv") == "heltidsarbete"
    assert reason_label("full_time_work_open", "sv") == "heltidsarbete, tills vidare"
    assert reason_label("full_time_work_open", "en") == "full-time work, open-ended"


def test_values_read_in_the_locale() -> None:
    assert show_value(None, "sv") == "-"
    assert (show_value(False, "sv"), show_value(False, "en")) == ("nej", "no")
    assert show_value(2.5, "sv") == "2.5"
    assert show_value(Severity.ERROR, "sv") == "error"
    assert show_value("permit granted", "sv", fact="event") == "uppehållstillståndet beviljas"
    assert show_value("something else", "sv", fact="event") == "something else"
    assert show_value("x", "sv") == "x"
    assert show_value("permit, first_registered_on", "sv", fact="fact") == (
        "uppehållstillstånd, första folkbokföring"
    )
    assert show_value([ActivityKind.SFI], "en") == "SFI"


def test_outcome_table_words() -> None:
    assert outcome_word("rate_exited", "sv") == "av avslutade"
    assert outcome_word("unrecorded", "sv") == "ej registrerat"
    assert outcome_word("male", "en") == label(Gender.MALE, "en")
    assert outcome_word("other", "sv") == label(Gender.OTHER, "sv")
    assert outcome_word("other", "sv", by="exit_reason") == label(ExitReason.OTHER, "sv")
    assert outcome_word("moved", "sv") == "flytt"
    assert outcome_word("not_a_group", "sv") == "not_a_group"
    title = outcome_word("title", "sv").format(
        year=2025, by=outcome_word("gender", "sv"), target="55 %"
    )
    assert title == "Utfall 90 dagar efter avslut, avslut 2025, per kön (mål 55 % av de avslutade)"


def test_a_rule_with_a_plain_title_shows_it_in_both_languages() -> None:
    from handlingsplan import rule

    @rule(
        code="USER-PLAIN",
        title="My own check",
        severity="info",
        basis="SFS 2099:1",
        messages={"sv": "Sv.", "en": "En."},
    )
    def plain(ctx: object) -> Iterator[Finding]:
        yield from ()

    assert dict(plain.titles) == {"sv": "My own check", "en": "My own check"}
    assert isinstance(plain, Rule)


@pytest.mark.parametrize(
    "title",
    [{"sv": "Bara svenska"}, {"sv": "Sv", "en": 3}, ["sv", "en"]],
    ids=["one-language", "not-text", "not-a-mapping"],
)
def test_a_malformed_title_is_refused(title: Any) -> None:
    from handlingsplan import rule
    from handlingsplan.errors import InvalidRuleError

    with pytest.raises(InvalidRuleError, match="USER-BAD"):
        rule(
            code="USER-BAD",
            title=title,
            severity="info",
            basis="SFS",
            messages={"sv": "a", "en": "b"},
        )


def test_a_levels_reason_reads_in_the_locale() -> None:
    plan = Plan(
        id="p",
        referred_on=date(2026, 2, 2),
        participant=Participant(id="d", birth_date=date(1990, 5, 17)),
        participation_changes=(
            ParticipationChange(date(2027, 2, 2), 50, ParticipationReason.PARENTAL_BENEFIT),
        ),
    )
    end = next(d for d in deadlines(plan) if d.kind is DeadlineKind.PROGRAMME_END)
    assert "skäl: föräldrapenning" in end.explain("sv")
    assert "reason: parental benefit" in end.explain("en")


def test_every_deadline_kind_has_a_description_in_each_language() -> None:
    for kind in DeadlineKind:
        sv, en = _DESCRIPTIONS[kind]
        assert sv != en
        assert not set(string.ascii_uppercase) & set(sv[:1])
