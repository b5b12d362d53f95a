"""Tests for the rule engine: rules, rule sets, findings, reports and ``evaluate``."""

from __future__ import annotations

import datetime as _dt
import json
import pickle
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlingsplan.deadlines import Deadline, DeadlineKind, deadlines
from handlingsplan.errors import (
    DuplicateRuleError,
    HandlingsplanError,
    InvalidRuleError,
    RuleError,
    UnknownRuleError,
)
from handlingsplan.model import (
    Activity,
    ActivityKind,
    Exit,
    ExitReason,
    Milestone,
    MilestoneKind,
    Participant,
    Plan,
    Programme,
)
from handlingsplan.parameters import DEFAULT_PARAMETERS
from handlingsplan.rules import (
    DEFAULT_RULES,
    Context,
    Facts,
    Finding,
    Report,
    Rule,
    RuleSet,
    Severity,
    build_finding,
    evaluate,
    render_report_html,
    rule,
)
from handlingsplan.strategies import plans

HOSTILE = "<script>alert('x')</script> & \"quoted\""


def d(year: int, month: int, day: int) -> _dt.date:
    return _dt.date(year, month, day)


def a_plan(plan_id: str = "p-1", **changes: Any) -> Plan:
    fields: dict[str, Any] = {
        "id": plan_id,
        "participant": Participant(
            id="d-1", birth_date=d(1990, 5, 17), first_registered_on=d(2024, 11, 4)
        ),
        "referred_on": d(2025, 3, 3),
        "plan_made_on": d(2025, 3, 3),
    }
    fields.update(changes)
    return Plan(**fields)


def milestone(milestone_id: str, due: _dt.date) -> Milestone:
    return Milestone(id=milestone_id, kind=MilestoneKind.LANGUAGE, title="SFI B", due=due)


BILINGUAL = {"sv": "Något hittades.", "en": "Something was found."}


def simple_rule(
    code: str = "TEST-SIMPLE",
    *,
    severity: Severity | str = "warning",
    **metadata: Any,
) -> Rule:
    """A rule that yields one finding on ``as_of``."""

    def check(ctx: Context) -> Iterator[Finding]:
        yield ctx.finding(on=ctx.as_of)

    return rule(
        code=code,
        title="A rule for tests",
        severity=severity,
        basis="SFS 2099:1 1 §",
        messages=metadata.pop("messages", BILINGUAL),
        **metadata,
    )(check)


# -- a rule written in a notebook cell, beside the defaults --------------------------


@rule(
    code="LOCAL-NO-MILESTONES",
    title="A plan has milestones",
    severity="warning",
    basis="Förordning (2000:628) 6 §",
    messages={
        "sv": "Planen saknar delmål ({code}, {on}, {activities} aktiviteter).",
        "en": "The plan has no milestones ({code}, {on}, {activities} activities).",
    },
)
def no_milestones(ctx: Context) -> Iterator[Finding]:
    if not ctx.plan.milestones:
        yield ctx.finding(on=ctx.as_of, activities=len(ctx.plan.activities))


def test_a_custom_rule_is_evaluated_beside_the_default_rules() -> None:
    rules = DEFAULT_RULES.with_rules(no_milestones)
    report = evaluate(a_plan(), as_of=d(2025, 4, 1), rules=rules)
    [finding] = [f for f in report.findings if f.code == "LOCAL-NO-MILESTONES"]
    assert finding.severity is Severity.WARNING
    assert finding.reason == "default"
    assert finding.subject is None
    assert finding.on == d(2025, 4, 1)
    assert finding.facts == {"activities": 0}
    assert finding.basis == "Förordning (2000:628) 6 §"
    assert finding.title == "A plan has milestones"
    assert (
        finding.message()
        == "Planen saknar delmål (LOCAL-NO-MILESTONES, 2025-04-01, 0 aktiviteter)."
    )
    assert finding.message("en") == (
        "The plan has no milestones (LOCAL-NO-MILESTONES, 2025-04-01, 0 activities)."
    )
    assert rules.codes == (*DEFAULT_RULES.codes, "LOCAL-NO-MILESTONES")
    assert "LOCAL-NO-MILESTONES" not in DEFAULT_RULES
    assert "LOCAL-NO-MILESTONES" not in evaluate(a_plan(), as_of=d(2025, 4, 1)).codes()


def test_a_custom_rule_is_silent_when_its_condition_does_not_hold() -> None:
    plan = a_plan(milestones=(milestone("m-1", d(2025, 9, 1)),))
    report = evaluate(plan, as_of=d(2025, 4, 1), rules=RuleSet([no_milestones]))
    assert report.findings == ()
    assert report.ok


# -- rule metadata -------------------------------------------------------------------


def test_the_decorator_records_the_metadata() -> None:
    made = simple_rule(
        "TEST-META",
        severity=Severity.ERROR,
        programmes=("establishment", Programme.MUNICIPAL),
        valid_from=d(2025, 1, 1),
        valid_to=d(2025, 12, 31),
    )
    assert made.code == "TEST-META"
    assert made.severity is Severity.ERROR
    assert made.programmes == frozenset({Programme.ESTABLISHMENT, Programme.MUNICIPAL})
    assert made.valid_from == d(2025, 1, 1)
    assert made.valid_to == d(2025, 12, 31)
    assert made.messages == {"default": BILINGUAL}
    assert repr(made) == "Rule('TEST-META', 'A rule for tests')"
    assert made.to_dict() == {
        "code": "TEST-META",
        "title": "A rule for tests",
        "titles": {"sv": "A rule for tests", "en": "A rule for tests"},
        "severity": "error",
        "basis": "SFS 2099:1 1 §",
        "programmes": ["establishment", "municipal"],
        "valid_from": "2025-01-01",
        "valid_to": "2025-12-31",
        "messages": {"default": BILINGUAL},
    }


def test_an_open_rule_has_no_dates_nor_programmes_in_its_dict() -> None:
    data = simple_rule().to_dict()
    assert (data["programmes"], data["valid_from"], data["valid_to"]) == (None, None, None)
    assert json.loads(json.dumps(data)) == data


@pytest.mark.parametrize("code", ["lower-case", "", "TEST--DOUBLE", "-TEST", "TEST-", "1TEST", 7])
def test_a_malformed_code_is_refused(code: Any) -> None:
    with pytest.raises(InvalidRuleError, match="code") as caught:
        simple_rule(code)
    assert isinstance(caught.value, HandlingsplanError)
    assert isinstance(caught.value, ValueError)


def test_codes_of_upper_case_words_and_digits_are_accepted() -> None:
    assert simple_rule("A").code == "A"
    assert simple_rule("PROG-15A-X2").code == "PROG-15A-X2"


def test_an_unknown_severity_is_refused() -> None:
    with pytest.raises(InvalidRuleError, match="fatal"):
        simple_rule(severity="fatal")


@pytest.mark.parametrize(
    "messages",
    [
        {"sv": "bara svenska"},
        {"en": "English only"},
        {"sv": "svenska", "en": 3},
        {"reason": {"sv": "bara svenska"}},
        {"reason": {"sv": "svenska", "en": "English", "de": "Deutsch"}},
        {"reason": {"sv": "svenska", "en": None}},
        {"reason": "not a mapping"},
        {},
    ],
)
def test_messages_must_give_swedish_and_english(messages: dict[str, Any]) -> None:
    with pytest.raises(InvalidRuleError, match="TEST-SIMPLE"):
        simple_rule(messages=messages)


def test_messages_may_be_given_per_reason() -> None:
    made = simple_rule(messages={"first": BILINGUAL, "second": {"sv": "två", "en": "two"}})
    assert set(made.messages) == {"first", "second"}


def test_valid_to_before_valid_from_is_refused() -> None:
    with pytest.raises(InvalidRuleError, match="valid_to"):
        simple_rule(valid_from=d(2025, 1, 2), valid_to=d(2025, 1, 1))


def test_a_rule_may_be_in_force_for_a_single_day() -> None:
    made = simple_rule(valid_from=d(2025, 1, 1), valid_to=d(2025, 1, 1))
    assert made.in_force(d(2025, 1, 1))
    assert not made.in_force(d(2025, 1, 2))


def test_a_datetime_as_valid_from_is_refused() -> None:
    with pytest.raises(TypeError, match="valid_from"):
        simple_rule(valid_from=_dt.datetime(2025, 1, 1, 0, 0))  # noqa: DTZ001


def test_an_unknown_programme_is_refused() -> None:
    with pytest.raises(ValueError, match="nowhere"):
        simple_rule(programmes=("nowhere",))


# -- rule sets -----------------------------------------------------------------------


BOUNDED = simple_rule("TEST-BOUNDED", valid_from=d(2025, 1, 1), valid_to=d(2025, 12, 31))
FROM_2026 = simple_rule("TEST-FROM-2026", valid_from=d(2026, 1, 1))
UNTIL_2024 = simple_rule("TEST-UNTIL-2024", valid_to=d(2024, 12, 31))
MUNICIPAL_ONLY = simple_rule("TEST-MUNICIPAL", programmes=("municipal",))
EVERYWHERE = simple_rule("TEST-EVERYWHERE")
SAMPLE = RuleSet([BOUNDED, FROM_2026, UNTIL_2024, MUNICIPAL_ONLY, EVERYWHERE])


@pytest.mark.parametrize(
    ("day", "codes"),
    [
        (d(2024, 12, 31), ("TEST-UNTIL-2024", "TEST-MUNICIPAL", "TEST-EVERYWHERE")),
        (d(2025, 1, 1), ("TEST-BOUNDED", "TEST-MUNICIPAL", "TEST-EVERYWHERE")),
        (d(2025, 12, 31), ("TEST-BOUNDED", "TEST-MUNICIPAL", "TEST-EVERYWHERE")),
        (d(2026, 1, 1), ("TEST-FROM-2026", "TEST-MUNICIPAL", "TEST-EVERYWHERE")),
    ],
)
def test_in_force_includes_both_boundary_days(day: _dt.date, codes: tuple[str, ...]) -> None:
    assert SAMPLE.in_force(day).codes == codes
    assert len(SAMPLE) == 5


def test_in_force_refuses_a_datetime() -> None:
    with pytest.raises(TypeError, match="day"):
        SAMPLE.in_force(_dt.datetime(2025, 1, 1, 0, 0))  # noqa: DTZ001


def test_for_programme_keeps_the_rules_of_that_programme() -> None:
    assert "TEST-MUNICIPAL" not in SAMPLE.for_programme("establishment")
    assert "TEST-MUNICIPAL" in SAMPLE.for_programme(Programme.MUNICIPAL)
    assert len(SAMPLE.for_programme(Programme.MUNICIPAL)) == 5
    assert MUNICIPAL_ONLY.applies_to(Programme.MUNICIPAL)
    assert not MUNICIPAL_ONLY.applies_to(Programme.ESTABLISHMENT)


def test_the_default_rules_for_the_municipal_programme_leave_out_programme_rules() -> None:
    municipal = DEFAULT_RULES.for_programme("municipal")
    assert "PROG-END" in DEFAULT_RULES
    assert "PROG-END" not in municipal
    assert set(municipal.codes) < set(DEFAULT_RULES.codes)


def test_evaluate_skips_rules_not_in_force_or_of_another_programme() -> None:
    report = evaluate(a_plan(), as_of=d(2025, 6, 1), rules=SAMPLE)
    assert report.codes() == ("TEST-BOUNDED", "TEST-EVERYWHERE")
    municipal = evaluate(a_plan(programme="municipal"), as_of=d(2026, 6, 1), rules=SAMPLE)
    assert municipal.codes() == ("TEST-EVERYWHERE", "TEST-FROM-2026", "TEST-MUNICIPAL")


def test_evaluate_accepts_any_iterable_of_rules() -> None:
    report = evaluate(a_plan(), as_of=d(2025, 6, 1), rules=[EVERYWHERE, BOUNDED])
    assert report.codes() == ("TEST-BOUNDED", "TEST-EVERYWHERE")


def test_a_rule_set_keeps_its_order_and_answers_by_code() -> None:
    assert SAMPLE.codes == tuple(item.code for item in SAMPLE)
    assert SAMPLE["TEST-BOUNDED"] is BOUNDED
    assert "TEST-BOUNDED" in SAMPLE
    assert "TEST-NOPE" not in SAMPLE
    assert repr(RuleSet([BOUNDED, EVERYWHERE])) == "RuleSet(TEST-BOUNDED, TEST-EVERYWHERE)"


def test_an_unknown_code_is_refused_by_lookup() -> None:
    with pytest.raises(UnknownRuleError, match="TEST-NOPE"):
        SAMPLE["TEST-NOPE"]


def test_without_drops_the_named_rules_and_leaves_the_original() -> None:
    smaller = SAMPLE.without("TEST-BOUNDED", "TEST-MUNICIPAL")
    assert smaller.codes == ("TEST-FROM-2026", "TEST-UNTIL-2024", "TEST-EVERYWHERE")
    assert len(SAMPLE) == 5
    assert "PROG-END" not in DEFAULT_RULES.without("PROG-END")
    assert "PROG-END" in DEFAULT_RULES


def test_without_an_unknown_code_is_refused() -> None:
    with pytest.raises(UnknownRuleError, match="TEST-NOPE") as caught:
        SAMPLE.without("TEST-BOUNDED", "TEST-NOPE")
    assert isinstance(caught.value, HandlingsplanError)
    assert isinstance(caught.value, ValueError)


def test_a_repeated_code_is_refused() -> None:
    with pytest.raises(DuplicateRuleError, match="TEST-BOUNDED") as caught:
        SAMPLE.with_rules(simple_rule("TEST-BOUNDED"))
    assert isinstance(caught.value, HandlingsplanError)
    assert isinstance(caught.value, ValueError)
    with pytest.raises(DuplicateRuleError, match="PROG-END"):
        DEFAULT_RULES.with_rules(simple_rule("PROG-END"))
    with pytest.raises(DuplicateRuleError):
        RuleSet([EVERYWHERE, EVERYWHERE])


def test_a_rule_set_holds_only_rules() -> None:
    with pytest.raises(TypeError, match="function"):
        RuleSet([no_milestones.check])  # type: ignore[list-item]


def test_a_rule_set_is_immutable_and_compares_by_its_rules() -> None:
    with pytest.raises(AttributeError, match="immutable"):
        SAMPLE._rules = ()
    assert RuleSet([BOUNDED, EVERYWHERE]) == RuleSet([BOUNDED, EVERYWHERE])
    assert RuleSet([BOUNDED, EVERYWHERE]) != RuleSet([EVERYWHERE, BOUNDED])
    assert RuleSet([BOUNDED]) != [BOUNDED]
    assert hash(RuleSet([BOUNDED])) == hash(RuleSet([BOUNDED]))
    assert SAMPLE.with_rules() == SAMPLE


def test_a_rule_can_be_called_with_a_context() -> None:
    context = Context(plan=a_plan(), as_of=d(2025, 4, 1), parameters=DEFAULT_PARAMETERS)
    context._rule = no_milestones
    [finding] = no_milestones(context)
    assert finding.code == "LOCAL-NO-MILESTONES"


# -- the order of findings -----------------------------------------------------------


def _ordered(code: str) -> Rule:
    @rule(
        code=code,
        title="Findings in every order",
        severity="warning",
        basis="SFS 2099:1 1 §",
        messages={"sv": "{code} {subject} {on}", "en": "{code} {subject} {on}"},
    )
    def check(ctx: Context) -> Iterator[Finding]:
        yield ctx.finding(severity="info", subject="a", on=d(2025, 1, 1))
        yield ctx.finding(subject="b", on=d(2025, 5, 1))
        yield ctx.finding(subject=None, on=d(2025, 5, 1))
        yield ctx.finding(subject="z", on=d(2025, 4, 1))
        yield ctx.finding(subject="a", on=None)
        yield ctx.finding(severity="error", subject="a", on=d(2025, 6, 1))
        yield ctx.finding(severity=Severity.ERROR, subject="a", on=d(2025, 5, 31))

    return check


def test_findings_are_ordered_by_severity_date_code_and_subject() -> None:
    rules = RuleSet([_ordered("TEST-ORDER-B"), _ordered("TEST-ORDER-A")])
    report = evaluate(a_plan(), as_of=d(2025, 4, 1), rules=rules)
    assert [(f.severity.value, f.on, f.code[-1], f.subject) for f in report.findings] == [
        ("error", d(2025, 5, 31), "A", "a"),
        ("error", d(2025, 5, 31), "B", "a"),
        ("error", d(2025, 6, 1), "A", "a"),
        ("error", d(2025, 6, 1), "B", "a"),
        ("warning", None, "A", "a"),
        ("warning", None, "B", "a"),
        ("warning", d(2025, 4, 1), "A", "z"),
        ("warning", d(2025, 4, 1), "B", "z"),
        ("warning", d(2025, 5, 1), "A", None),
        ("warning", d(2025, 5, 1), "A", "b"),
        ("warning", d(2025, 5, 1), "B", None),
        ("warning", d(2025, 5, 1), "B", "b"),
        ("info", d(2025, 1, 1), "A", "a"),
        ("info", d(2025, 1, 1), "B", "a"),
    ]
    assert report.errors == report.findings[:4]
    assert report.warnings == report.findings[4:12]
    assert report.infos == report.findings[12:]
    assert not report.ok


def test_the_order_does_not_depend_on_the_order_of_the_rules() -> None:
    forwards = RuleSet([_ordered("TEST-ORDER-A"), _ordered("TEST-ORDER-B")])
    backwards = RuleSet([_ordered("TEST-ORDER-B"), _ordered("TEST-ORDER-A")])
    first = evaluate(a_plan(), as_of=d(2025, 4, 1), rules=forwards)
    second = evaluate(a_plan(), as_of=d(2025, 4, 1), rules=backwards)
    assert first == second


def test_a_severity_override_replaces_the_rule_default() -> None:
    report = evaluate(a_plan(), as_of=d(2025, 4, 1), rules=[_ordered("TEST-ORDER")])
    severities = [f.severity for f in report.findings if f.subject == "a" and f.on is not None]
    assert severities == [Severity.ERROR, Severity.ERROR, Severity.INFO]
    assert Severity("warning") is Severity.WARNING
    assert [s.value for s in Severity] == ["error", "warning", "info"]


# -- messages ------------------------------------------------------------------------


@rule(
    code="TEST-RENDER",
    title="Rendering",
    severity="info",
    basis="SFS 2099:1 2 §",
    messages={
        "full": {
            "sv": "{code}|{subject}|{on}|{deadline}|{hours}|{share}|{kinds}|{kind}",
            "en": "{code}/{subject}/{on}/{deadline}/{hours}/{share}/{kinds}/{kind}",
        },
        "bare": {"sv": "[{subject}][{on}]", "en": "<{subject}><{on}>"},
    },
)
def render_rule(ctx: Context) -> Iterator[Finding]:
    yield ctx.finding(
        reason="full",
        subject="sfi-1",
        on=d(2025, 5, 3),
        deadline=d(2026, 2, 28),
        hours=40.0,
        share=0.55,
        kinds=(ActivityKind.SFI, "x", 2),
        kind=ActivityKind.CIVIC_ORIENTATION,
    )
    yield ctx.finding(reason="bare")


def rendered() -> tuple[Finding, Finding]:
    report = evaluate(a_plan(), as_of=d(2025, 4, 1), rules=[render_rule])
    bare, full = report.findings  # ``on`` None sorts first
    return full, bare


def test_message_templates_get_facts_subject_on_and_code_with_iso_dates() -> None:
    """Enum values read as their label in the template's language (issue 14)."""
    full, _ = rendered()
    assert full.message("sv") == (
        "TEST-RENDER|sfi-1|2025-05-03|2026-02-28|40|0.55|sfi, x, 2|samhällsorientering"
    )
    assert full.message("en") == (
        "TEST-RENDER/sfi-1/2025-05-03/2026-02-28/40/0.55/SFI, x, 2/civic orientation"
    )
    assert full.message() == full.message("sv")
    assert full.reason == "full"


def test_a_missing_subject_and_date_render_as_empty_text() -> None:
    _, bare = rendered()
    assert bare.message("sv") == "[][]"
    assert bare.message("en") == "<><>"
    assert (bare.subject, bare.on) == (None, None)


def test_a_message_in_another_language_is_refused() -> None:
    full, _ = rendered()
    with pytest.raises(ValueError, match="'fr'"):
        full.message("fr")
    with pytest.raises(ValueError, match="'fr'"):
        full.explain("fr")


def test_facts_keep_their_original_values() -> None:
    full, _ = rendered()
    assert full.facts["deadline"] == d(2026, 2, 28)
    assert full.facts["hours"] == 40.0
    assert full.facts["kinds"] == (ActivityKind.SFI, "x", 2)


def test_a_finding_explains_itself_with_its_reason_facts_and_basis() -> None:
    full, bare = rendered()
    english = full.explain("en")
    assert english.splitlines()[0] == f"[info] TEST-RENDER: {full.message('en')}"
    assert "rule: Rendering (reason: full)" in english
    assert "subject: sfi-1" in english
    assert "date: 2025-05-03" in english
    assert "facts: deadline = 2026-02-28, hours = 40, share = 0.55" in english
    assert "legal basis: SFS 2099:1 2 §" in english
    swedish = full.explain()
    assert "regel: Rendering (skäl: full)" in swedish
    assert "gäller: sfi-1" in swedish
    assert "datum: 2025-05-03" in swedish
    assert "underlag: deadline = 2026-02-28" in swedish
    assert "rättslig grund: SFS 2099:1 2 §" in swedish
    assert bare.explain("en").splitlines() == [
        "[info] TEST-RENDER: <><>",
        "  rule: Rendering (reason: bare)",
        "  legal basis: SFS 2099:1 2 §",
    ]


def test_a_finding_as_a_dict_is_json_ready_in_both_languages() -> None:
    full, bare = rendered()
    data = full.to_dict()
    assert data["facts"] == {
        "deadline": "2026-02-28",
        "hours": 40.0,
        "share": 0.55,
        "kinds": ["sfi", "x", 2],
        "kind": "civic_orientation",
    }
    assert data["messages"] == {"sv": full.message("sv"), "en": full.message("en")}
    assert (data["code"], data["severity"], data["reason"]) == ("TEST-RENDER", "info", "full")
    assert (data["subject"], data["on"], data["basis"]) == ("sfi-1", "2025-05-03", "SFS 2099:1 2 §")
    assert data["title"] == "Rendering"
    assert bare.to_dict()["on"] is None
    assert json.loads(json.dumps(bare.to_dict())) == bare.to_dict()


def test_nested_facts_become_json_ready() -> None:
    finding = build_finding(
        simple_rule(),
        periods=[(d(2025, 1, 1), d(2025, 2, 1))],
        by_kind={ActivityKind.SFI: d(2025, 3, 1), 2: Severity.ERROR},
    )
    data = finding.to_dict()
    assert data["facts"] == {
        "periods": [["2025-01-01", "2025-02-01"]],
        "by_kind": {"sfi": "2025-03-01", "2": "error"},
    }
    assert json.loads(json.dumps(data)) == data


def test_a_finding_for_a_reason_without_a_message_is_refused() -> None:
    with pytest.raises(KeyError, match="nonsense"):
        build_finding(simple_rule(), reason="nonsense")


def test_build_finding_fills_in_the_rule_metadata() -> None:
    finding = build_finding(simple_rule(severity="error"), subject="x", on=d(2025, 1, 1), n=1)
    assert (finding.code, finding.severity, finding.subject, finding.on) == (
        "TEST-SIMPLE",
        Severity.ERROR,
        "x",
        d(2025, 1, 1),
    )
    assert finding.facts == {"n": 1}
    overridden = build_finding(simple_rule(severity="error"), severity="info")
    assert overridden.severity is Severity.INFO


# -- facts ---------------------------------------------------------------------------


def test_facts_are_an_immutable_hashable_mapping() -> None:
    facts = Facts({"months": 24, "on": d(2025, 1, 1)})
    assert dict(facts) == {"months": 24, "on": d(2025, 1, 1)}
    assert len(facts) == 2
    assert facts["months"] == 24
    assert hash(facts) == hash(Facts([("months", 24), ("on", d(2025, 1, 1))]))
    assert facts == Facts({"months": 24, "on": d(2025, 1, 1)})
    assert {facts, Facts({"months": 24, "on": d(2025, 1, 1)})} == {facts}
    assert Facts() == {}
    assert repr(Facts({"a": 1})) == "Facts({'a': 1})"
    with pytest.raises(AttributeError, match="immutable"):
        facts._items = {}
    with pytest.raises(TypeError):
        facts["months"] = 36  # type: ignore[index]


def test_facts_do_not_change_when_the_source_dict_does() -> None:
    source: dict[str, Any] = {"months": 24}
    facts = Facts(source)
    source["months"] = 36
    assert facts["months"] == 24


def test_findings_are_hashable_and_frozen() -> None:
    full, bare = rendered()
    assert len({full, bare, *rendered()}) == 2
    with pytest.raises(AttributeError):
        full.code = "OTHER"  # type: ignore[misc]


# -- reports -------------------------------------------------------------------------


def upcoming_plan() -> Plan:
    # Milestones due (and acted on) 2025-05-02 and 2025-05-05; programme end 2027-03-03.
    return a_plan(milestones=(milestone("m-2", d(2025, 5, 5)), milestone("m-1", d(2025, 5, 2))))


@pytest.mark.parametrize(
    ("as_of", "subjects"),
    [
        (d(2025, 5, 2), ["m-1", "m-2"]),
        (d(2025, 5, 3), ["m-2"]),
        (d(2025, 5, 5), ["m-2"]),
        (d(2025, 5, 6), []),
    ],
)
def test_upcoming_holds_key_dates_acted_on_no_earlier_than_as_of(
    as_of: _dt.date, subjects: list[str]
) -> None:
    report = evaluate(upcoming_plan(), as_of=as_of, rules=RuleSet())
    assert report.key_dates == deadlines(upcoming_plan())
    upcoming = report.upcoming
    assert [x.subject for x in upcoming if x.kind is DeadlineKind.MILESTONE] == subjects
    assert all(x.act_by >= as_of for x in upcoming)
    assert all(x in upcoming for x in report.key_dates if x.act_by >= as_of)


def test_upcoming_compares_act_by_not_due() -> None:
    # SFI due Saturday 2025-05-03 may be acted on Monday 2025-05-05.
    plan = a_plan(plan_made_on=None, referred_on=d(2025, 2, 3))
    report = evaluate(plan, as_of=d(2025, 5, 4), rules=RuleSet())
    [sfi] = [x for x in report.upcoming if x.kind is DeadlineKind.SFI_START]
    assert (sfi.due, sfi.act_by) == (d(2025, 5, 3), d(2025, 5, 5))


def test_a_report_without_errors_is_ok() -> None:
    report = evaluate(a_plan(), as_of=d(2025, 4, 1), rules=[simple_rule(severity="warning")])
    assert report.ok
    assert report.errors == ()
    assert len(report.warnings) == 1
    assert report.infos == ()
    assert report.plan_id == "p-1"
    assert report.as_of == d(2025, 4, 1)


def test_a_report_explains_itself_in_both_languages() -> None:
    report = evaluate(a_plan(), as_of=d(2025, 4, 1), rules=[render_rule])
    english = report.explain("en")
    assert english.splitlines()[0] == "Report for plan p-1 (2025-04-01)"
    assert "legal basis: SFS 2099:1 2 §" in english
    assert "facts: deadline = 2026-02-28" in english
    assert "Upcoming dates:" in english
    assert "  2027-03-03  last day of the establishment programme" in english
    swedish = report.explain()
    assert swedish.splitlines()[0] == "Rapport för plan p-1 (2025-04-01)"
    assert "rättslig grund: SFS 2099:1 2 §" in swedish
    assert "underlag: deadline = 2026-02-28" in swedish
    assert "Kommande datum:" in swedish
    assert "  2027-03-03  sista dag i etableringsprogrammet" in swedish
    with pytest.raises(ValueError, match="'de'"):
        report.explain("de")


def test_an_empty_report_says_there_are_no_findings() -> None:
    plan = a_plan(milestones=(milestone("m-1", d(2025, 5, 2)),))
    report = evaluate(plan, as_of=d(2025, 4, 1), rules=RuleSet())
    assert "No findings." in report.explain("en")
    assert "Inga anmärkningar." in report.explain("sv")
    assert "  2025-05-02  the milestone is due (m-1)" in report.explain("en")
    long_after = evaluate(plan, as_of=d(2100, 1, 1), rules=RuleSet())
    assert long_after.upcoming == ()
    assert "Upcoming" not in long_after.explain("en")


def test_a_report_as_a_dict_is_json_ready() -> None:
    report = evaluate(a_plan(), as_of=d(2025, 4, 1), rules=[render_rule, no_milestones])
    data = report.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["plan_id"] == "p-1"
    assert data["as_of"] == "2025-04-01"
    assert data["ok"] is True
    assert [f["code"] for f in data["findings"]] == list(report.codes())
    assert all(set(f["messages"]) == {"sv", "en"} for f in data["findings"])
    assert data["key_dates"] == [x.to_dict() for x in report.key_dates]


def _hostile_report() -> Report:
    @rule(
        code="TEST-HOSTILE",
        title="Hostile text",
        severity="error",
        basis="<b>basis</b> & more",
        messages={"sv": "Text: {text}", "en": "Text: {text}"},
    )
    def hostile(ctx: Context) -> Iterator[Finding]:
        yield ctx.finding(subject=HOSTILE, on=d(2025, 5, 1), text=HOSTILE)
        yield ctx.finding(severity="warning", text="plain")
        yield ctx.finding(severity="info", text="plain")

    return evaluate(a_plan(HOSTILE), as_of=d(2025, 4, 1), rules=[hostile])


def test_the_html_table_is_well_formed_and_escapes_hostile_text() -> None:
    report = _hostile_report()
    markup = report.to_html(locale="en")
    assert "<script>" not in markup
    block = ET.fromstring(markup)
    assert (block.tag, block.get("class"), block.get("lang")) == ("div", "handlingsplan", "en")
    table = block.find("table")
    assert table is not None
    caption = table.find("caption")
    assert caption is not None
    assert caption.text == f"Report for plan {HOSTILE}, as of 2025-04-01"
    rows = table.findall("./tbody/tr")
    assert len(rows) == 3
    first = [cell.text or "" for cell in rows[0].findall("td")]
    assert first == [
        "error",
        "TEST-HOSTILE",
        HOSTILE,
        "2025-05-01",
        "Hostile text",
        f"Text: {HOSTILE}",
        "<b>basis</b> & more",
    ]
    assert [row.get("class") for row in rows] == ["error", "warning", "info"]
    assert [cell.get("class") for cell in rows[0].findall("td")][:4] == ["nowrap"] * 4
    headers = [cell.text for cell in table.findall("./thead/tr/th")]
    assert headers == ["severity", "code", "subject", "date", "rule", "message", "legal basis"]


def test_the_report_view_is_swedish_in_notebooks() -> None:
    report = _hostile_report()
    assert report._repr_html_() == report.to_html() == report.to_html(locale="sv")
    table = ET.fromstring(report._repr_html_()).find("table")
    assert table is not None
    first = [cell.text or "" for cell in table.findall("./tbody/tr/td")][:1]
    assert first == ["fel"]
    assert render_report_html(report, "sv") == report.to_html()


def test_the_report_view_lists_upcoming_key_dates() -> None:
    report = evaluate(a_plan(), as_of=d(2025, 4, 1), rules=RuleSet())
    assert report.upcoming
    tables = ET.fromstring(report.to_html(locale="en")).findall("table")
    upcoming = tables[1]
    assert upcoming.findtext("caption") == "Upcoming dates"
    rows = upcoming.findall("./tbody/tr")
    assert len(rows) == len(report.upcoming)
    cells = rows[0].findall("td")
    assert cells[0].text == report.upcoming[0].act_by.isoformat()
    assert cells[2].text == report.upcoming[0].description("en")


def test_the_html_of_an_empty_report_says_so() -> None:
    plan = a_plan()
    report = evaluate(plan, as_of=d(2025, 4, 1), rules=RuleSet())
    table = ET.fromstring(render_report_html(report, "sv")).find("table")
    assert table is not None
    [cell] = table.findall("./tbody/tr/td")
    assert cell.text == "Inga anmärkningar."
    assert cell.get("colspan") == "7"
    english = ET.fromstring(render_report_html(report)).find("table")
    assert english is not None
    assert english.findall("./tbody/tr/td")[0].text == "No findings."
    later = evaluate(plan, as_of=d(2099, 1, 1), rules=RuleSet())
    assert later.upcoming == ()
    [empty] = ET.fromstring(later.to_html(locale="en")).findall("table")[1].findall(".//td")
    assert empty.text == "None."
    with pytest.raises(ValueError, match="'de'"):
        render_report_html(report, "de")
    with pytest.raises(ValueError, match="'de'"):
        report.to_html(locale="de")


# -- failing rules -------------------------------------------------------------------


@rule(
    code="TEST-BROKEN",
    title="A broken rule",
    severity="error",
    basis="none",
    messages=BILINGUAL,
)
def broken(ctx: Context) -> Iterator[Finding]:
    yield ctx.finding(on=ctx.as_of)
    yield ctx.finding(on=ctx.as_of, ratio=1 / len(ctx.plan.activities))


def test_a_failing_rule_raises_rule_error_naming_the_rule_and_the_plan() -> None:
    with pytest.raises(RuleError) as caught:
        evaluate(a_plan("plan-42"), as_of=d(2025, 4, 1), rules=DEFAULT_RULES.with_rules(broken))
    error = caught.value
    assert isinstance(error, HandlingsplanError)
    assert isinstance(error, RuntimeError)
    assert not isinstance(error, ValueError)
    assert "TEST-BROKEN" in str(error)
    assert "plan-42" in str(error)
    assert (error.code, error.plan_id) == ("TEST-BROKEN", "plan-42")
    assert isinstance(error.__cause__, ZeroDivisionError)


def test_a_rule_asking_for_an_unknown_reason_raises_rule_error() -> None:
    @rule(code="TEST-REASON", title="t", severity="info", basis="b", messages=BILINGUAL)
    def wrong_reason(ctx: Context) -> Iterator[Finding]:
        yield ctx.finding(reason="unheard_of")

    with pytest.raises(RuleError, match="TEST-REASON") as caught:
        evaluate(a_plan(), as_of=d(2025, 4, 1), rules=[wrong_reason])
    assert isinstance(caught.value.__cause__, KeyError)


def test_a_rule_raising_a_value_error_is_not_reported_as_bad_input() -> None:
    @rule(code="TEST-VALUE", title="t", severity="info", basis="b", messages=BILINGUAL)
    def bad_severity(ctx: Context) -> Iterator[Finding]:
        yield ctx.finding(severity="fatal")

    with pytest.raises(RuleError) as caught:
        evaluate(a_plan(), as_of=d(2025, 4, 1), rules=[bad_severity])
    assert not isinstance(caught.value, ValueError)
    assert isinstance(caught.value.__cause__, ValueError)


def test_a_rule_that_is_not_a_generator_may_return_a_list() -> None:
    @rule(code="TEST-LIST", title="t", severity="info", basis="b", messages=BILINGUAL)
    def listing(ctx: Context) -> list[Finding]:
        return [ctx.finding(subject="x"), ctx.finding(subject="y")]

    report = evaluate(a_plan(), as_of=d(2025, 4, 1), rules=[listing])
    assert [f.subject for f in report.findings] == ["x", "y"]


# -- reforms and determinism --------------------------------------------------------


def test_a_reform_of_programme_months_removes_the_programme_end_finding() -> None:
    # Förordning (2017:820) 15 §: an SFI course to 2027-06-30 runs past the end 2027-03-03;
    # with 36 months (a hypothetical reform from 2025) the end is 2028-03-03.
    plan = a_plan(
        activities=(
            Activity(
                id="sfi-1",
                kind=ActivityKind.SFI,
                start=d(2025, 3, 10),
                end=d(2027, 6, 30),
                hours_per_week=15,
            ),
        ),
        participant=Participant(id="d-1", birth_date=d(1990, 5, 17)),
    )
    reform = DEFAULT_PARAMETERS.with_value("programme_months", 36, valid_from=d(2025, 1, 1))
    before = evaluate(plan, as_of=d(2025, 4, 1))
    after = evaluate(plan, as_of=d(2025, 4, 1), parameters=reform)
    [end] = [f for f in before.errors if f.code == "PROG-END"]
    assert (end.subject, end.on, end.facts["programme_end"]) == (
        "sfi-1",
        d(2027, 6, 30),
        d(2027, 3, 3),
    )
    assert "PROG-END" not in after.codes()
    assert evaluate(plan, as_of=d(2025, 4, 1)) == before
    assert DEFAULT_PARAMETERS.on(d(2025, 4, 1)).programme_months == 24


@given(
    plans(),
    st.dates(min_value=d(2018, 1, 1), max_value=d(2032, 12, 31)),
)
def test_evaluating_twice_gives_equal_reports(plan: Plan, as_of: _dt.date) -> None:
    first = evaluate(plan, as_of=as_of)
    second = evaluate(plan, as_of=as_of)
    assert first == second
    assert first.to_dict() == second.to_dict()
    assert first.explain("en") == second.explain("en")
    assert list(first.findings) == sorted(first.findings, key=lambda f: f.sort_key)


def test_findings_reports_and_key_dates_pickle_round_trip() -> None:
    report = evaluate(upcoming_plan(), as_of=d(2025, 4, 1), rules=[render_rule, no_milestones])
    copy = pickle.loads(pickle.dumps(report))
    assert copy == report
    assert copy.findings[0].facts == report.findings[0].facts
    assert pickle.loads(pickle.dumps(report.findings)) == report.findings
    assert pickle.loads(pickle.dumps(report.key_dates)) == report.key_dates
    facts = Facts({"a": d(2025, 1, 1)})
    assert pickle.loads(pickle.dumps(facts)) == facts


# -- the context ---------------------------------------------------------------------


def test_the_context_gives_the_plan_parameters_and_key_dates() -> None:
    plan = upcoming_plan()
    context = Context(plan=plan, as_of=d(2025, 4, 1), parameters=DEFAULT_PARAMETERS)
    assert context.plan is plan
    assert context.participant is plan.participant
    assert context.as_of == d(2025, 4, 1)
    assert context.params == DEFAULT_PARAMETERS.on(d(2025, 4, 1))
    assert context.parameters is DEFAULT_PARAMETERS
    assert context.key_dates == deadlines(plan)


def test_key_date_finds_a_date_by_kind_and_subject() -> None:
    context = Context(plan=upcoming_plan(), as_of=d(2025, 4, 1), parameters=DEFAULT_PARAMETERS)
    first = context.key_date(DeadlineKind.MILESTONE)
    assert first is not None
    assert (first.subject, first.due) == ("m-1", d(2025, 5, 2))
    second = context.key_date("milestone", subject="m-2")
    assert second is not None
    assert second.due == d(2025, 5, 5)
    assert context.key_date("milestone", subject="m-3") is None
    assert context.key_date(DeadlineKind.FOLLOW_UP) is None
    end = context.key_date("programme_end")
    assert end is not None
    assert end.due == d(2027, 3, 3)


def test_key_dates_of_gives_every_date_of_a_kind() -> None:
    context = Context(plan=upcoming_plan(), as_of=d(2025, 4, 1), parameters=DEFAULT_PARAMETERS)
    assert [x.subject for x in context.key_dates_of("milestone")] == ["m-1", "m-2"]
    assert context.key_dates_of(DeadlineKind.FOLLOW_UP) == ()
    with pytest.raises(ValueError, match="nonsense"):
        context.key_dates_of("nonsense")


def test_a_context_may_be_given_its_values_and_key_dates() -> None:
    day = d(2025, 5, 5)
    only = Deadline(kind=DeadlineKind.MILESTONE, due=day, act_by=day, subject="x", basis="b")
    params = DEFAULT_PARAMETERS.on(d(2030, 1, 1))
    context = Context(
        plan=a_plan(),
        as_of=d(2025, 4, 1),
        parameters=DEFAULT_PARAMETERS,
        params=params,
        key_dates=(only,),
    )
    assert context.params is params
    assert context.key_dates == (only,)
    assert context.key_date("programme_end") is None


def test_the_context_names_no_rule_outside_an_evaluation() -> None:
    context = Context(plan=a_plan(), as_of=d(2025, 4, 1), parameters=DEFAULT_PARAMETERS)
    with pytest.raises(RuntimeError, match="no rule"):
        _ = context.rule
    with pytest.raises(RuntimeError, match="no rule"):
        context.finding()


def test_the_context_names_the_rule_being_evaluated() -> None:
    seen: list[str] = []

    @rule(code="TEST-SELF", title="t", severity="info", basis="b", messages=BILINGUAL)
    def itself(ctx: Context) -> Iterator[Finding]:
        seen.append(ctx.rule.code)
        return iter(())

    evaluate(a_plan(), as_of=d(2025, 4, 1), rules=[itself])
    assert seen == ["TEST-SELF"]


def test_the_context_refuses_a_datetime() -> None:
    with pytest.raises(TypeError, match="as_of"):
        Context(
            plan=a_plan(),
            as_of=_dt.datetime(2025, 4, 1, 9, 0),  # noqa: DTZ001
            parameters=DEFAULT_PARAMETERS,
        )


# -- evaluate's arguments -----------------------------------------------------------


def test_evaluate_refuses_what_is_not_a_plan() -> None:
    with pytest.raises(TypeError, match="dict"):
        evaluate({"id": "p-1"}, as_of=d(2025, 4, 1))  # type: ignore[arg-type]


def test_evaluate_refuses_a_datetime_as_of() -> None:
    with pytest.raises(TypeError, match="as_of"):
        evaluate(a_plan(), as_of=_dt.datetime(2025, 4, 1, 9, 0))  # noqa: DTZ001


def test_evaluate_uses_the_parameters_in_force_on_as_of() -> None:
    seen: list[int] = []

    @rule(code="TEST-PARAMS", title="t", severity="info", basis="b", messages=BILINGUAL)
    def upper(ctx: Context) -> Iterator[Finding]:
        seen.append(ctx.params.programme_upper_age)
        return iter(())

    evaluate(a_plan(), as_of=d(2025, 12, 31), rules=[upper])
    evaluate(a_plan(), as_of=d(2026, 1, 1), rules=[upper])
    assert seen == [66, 67]


def test_an_exited_plan_has_a_follow_up_key_date_in_its_report() -> None:
    plan = a_plan(exit=Exit(on=d(2026, 9, 26), reason=ExitReason.EMPLOYMENT))
    report = evaluate(plan, as_of=d(2026, 10, 1), rules=RuleSet())
    [follow_up] = [x for x in report.upcoming if x.kind is DeadlineKind.FOLLOW_UP]
    assert (follow_up.due, follow_up.act_by) == (d(2026, 12, 25), d(2026, 12, 28))


def test_unpickling_a_name_that_is_no_longer_a_rule_is_a_type_error() -> None:
    from handlingsplan.rules._engine import _import_rule

    assert _import_rule("handlingsplan.rules._programme", "programme_end").code == "PROG-END"
    with pytest.raises(TypeError, match=r"handlingsplan\.Plan is not a rule"):
        _import_rule("handlingsplan", "Plan")
