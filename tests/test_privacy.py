"""Identity numbers never reach a text meant for people, whichever field holds them.

A valid identity number is drawn and typed, in one of its written forms, into every
kind of field: ids, a provider, titles, a revision's reason, wrong types, unknown keys,
nested values. None of its forms (12 digits with and without ``-``, 10 digits with
``-``, ``+`` or nothing) may then appear in an error message, a ``repr`` or ``str``, a
finding, a report, the HTML and SVG views, a diff or the command line's text. Outputs
for machines (``to_dict``, ``to_records``, JSON) keep ids as given.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlingsplan import (
    DEFAULT_RULES,
    Activity,
    ActivityKind,
    Eligibility,
    IdentityNumber,
    InvalidPlanError,
    Milestone,
    MilestoneKind,
    Participant,
    Plan,
    PlanHistory,
    Report,
    Revision,
    RuleError,
    RuleSet,
    caseload_summary,
    check_eligibility,
    deadlines,
    diff,
    evaluate,
    evaluate_history,
    from_dict,
    rule,
    to_dict,
    to_records,
)
from handlingsplan.__main__ import main
from handlingsplan._privacy import ECHO_LIMIT, echo, private, redact, redacted_repr
from handlingsplan.rules import LOCALES, render_report_html
from handlingsplan.strategies import dates, identity_numbers

D = _dt.date
AS_OF = D(2025, 6, 2)
REFERRED = D(2025, 1, 13)
MESSAGES = {"sv": "s", "en": "e"}
FIELDS = ("plan", "participant", "activity", "provider", "milestone", "title", "reason")


def forms(number: IdentityNumber) -> tuple[str, ...]:
    """Every way the number may be written: 12 digits, and 10 with ``-``, ``+`` or none."""
    digits = number.digits
    return (
        digits,
        f"{digits[:8]}-{digits[8:]}",
        digits[2:],
        f"{digits[2:8]}-{digits[8:]}",
        f"{digits[2:8]}+{digits[8:]}",
    )


def assert_hidden(number: IdentityNumber, texts: Iterable[str]) -> None:
    for text in texts:
        for form in forms(number):
            assert form not in text, f"{form!r} shows in {text!r}"


@st.composite
def numbers(draw: st.DrawFn) -> IdentityNumber:
    born = draw(dates(min_value=D(1960, 1, 1), max_value=D(2006, 12, 31)))
    return draw(identity_numbers(birth_date=born))


@st.composite
def typed(draw: st.DrawFn, number: IdentityNumber) -> str:
    """A text holding ``number`` in one of its forms, with a little text around it."""
    around = st.text(alphabet="ab -_:/", max_size=3)
    return draw(around) + draw(st.sampled_from(forms(number))) + draw(around)


@st.composite
def cases(draw: st.DrawFn) -> tuple[IdentityNumber, dict[str, str]]:
    """A number, and the texts typed into each field (some holding it, some plain)."""
    number = draw(numbers())
    texts = {
        field: draw(typed(number)) if draw(st.booleans()) else f"plain-{field}" for field in FIELDS
    }
    texts["plan"] = draw(typed(number))  # at least one field always holds it
    return number, texts


def make_plan(number: IdentityNumber, texts: dict[str, str], *, open_ended: bool = True) -> Plan:
    """A plan whose activity starts before the referral and is still planned, and whose
    milestone is overdue: the findings name them."""
    return Plan(
        id=texts["plan"],
        referred_on=REFERRED,
        participant=Participant(
            id=texts["participant"], birth_date=number.birth_date, identity_number=number
        ),
        activities=(
            Activity(
                id="a " + texts["activity"],
                kind=ActivityKind.WORK_TRAINING,
                start=D(2025, 1, 6),
                end=D(2025, 12, 19) if open_ended else D(2025, 3, 28),
                hours_per_week=20,
                provider=texts["provider"],
            ),
        ),
        milestones=(
            Milestone(
                id="m " + texts["milestone"],
                kind=MilestoneKind.OTHER,
                title=texts["title"],
                due=D(2025, 4, 1),
            ),
        ),
    )


def report_texts(report: Report) -> list[str]:
    texts = [repr(report), str(report), report._repr_html_()]
    for locale in LOCALES:
        texts += [report.explain(locale), render_report_html(report, locale)]
        texts += [finding.message(locale) for finding in report.findings]
        texts += [finding.explain(locale) for finding in report.findings]
    texts += [repr(finding.facts) for finding in report.findings]
    texts += [record["message"] for record in to_records([report])]  # type: ignore[misc]
    texts += [repr(caseload_summary([report], weeks=52))]
    return texts


# -- what people read -------------------------------------------------------------


@given(case=cases())
def test_no_rendering_of_a_plan_shows_the_number(
    case: tuple[IdentityNumber, dict[str, str]],
) -> None:
    number, texts = case
    plan = make_plan(number, texts)
    parts = [plan, plan.participant, *plan.activities, *plan.milestones, number]
    shown = [text for part in parts for text in (repr(part), str(part))]
    report = evaluate(plan, as_of=AS_OF)
    assert report.findings
    shown += report_texts(report)
    key_dates = deadlines(plan)
    shown += [repr(key_dates), *(d.description(locale) for d in key_dates for locale in LOCALES)]
    timeline = plan.timeline(AS_OF)
    shown += [timeline.to_svg(), timeline.to_html(), timeline._repr_html_(), repr(timeline)]
    shown += [plan._repr_html_()]
    eligibility = check_eligibility(plan.participant, on=REFERRED)
    assert isinstance(eligibility, Eligibility)
    shown += [repr(eligibility), *(f.explain("en") for f in eligibility.findings)]
    assert_hidden(number, shown)


@given(case=cases())
def test_no_rendering_of_a_diff_or_a_history_shows_the_number(
    case: tuple[IdentityNumber, dict[str, str]],
) -> None:
    number, texts = case
    # a history holds one plan: the id stays, everything else changes
    plain = make_plan(
        number, {field: f"plain-{field}" for field in FIELDS} | {"plan": texts["plan"]}
    )
    plan = make_plan(number, texts)
    changed = attrs.evolve(
        plan,
        activities=(attrs.evolve(plan.activities[0], provider="new provider"),),
        milestones=(attrs.evolve(plan.milestones[0], title="new title"),),
    )
    diffs = [diff(plain, plan), diff(plan, plain), diff(plan, changed), diff(changed, plan)]
    assert not diffs[2].is_empty
    shown = [repr(d) for d in diffs]
    shown += [line for d in diffs for locale in LOCALES for line in d.render(locale)]
    history = PlanHistory(
        revisions=(
            Revision(plan=plain, recorded_on=REFERRED),
            Revision(plan=plan, recorded_on=D(2025, 3, 3), reason=texts["reason"]),
            Revision(plan=changed, recorded_on=AS_OF),
        )
    )
    steps = evaluate_history(history)
    shown += [repr(history), str(history), repr(steps)]
    shown += [text for step in steps for text in report_texts(step.report)]
    assert_hidden(number, shown)


# -- what machines read ----------------------------------------------------------


@given(case=cases())
def test_outputs_for_machines_keep_ids_and_text_as_given(
    case: tuple[IdentityNumber, dict[str, str]],
) -> None:
    number, texts = case
    plan = make_plan(number, texts)
    data = to_dict(plan)
    assert data["id"] == texts["plan"]
    assert data["participant"]["id"] == texts["participant"]
    assert data["participant"]["identity_number"] == number.full
    assert data["activities"][0]["id"] == "a " + texts["activity"]
    assert data["activities"][0]["provider"] == texts["provider"]
    assert data["milestones"][0]["title"] == texts["title"]
    assert from_dict(data) == plan
    report = evaluate(plan, as_of=AS_OF)
    assert report.to_dict()["plan_id"] == texts["plan"]
    subjects = {finding["subject"] for finding in report.to_dict()["findings"]}
    assert "a " + texts["activity"] in subjects
    records = to_records([report])
    assert {record["plan_id"] for record in records} == {texts["plan"]}
    assert "a " + texts["activity"] in {record["subject"] for record in records}


@given(number=numbers())
def test_the_identity_number_field_is_in_no_report_or_record(number: IdentityNumber) -> None:
    plan = make_plan(number, {field: f"plain-{field}" for field in FIELDS})
    report = evaluate(plan, as_of=AS_OF)
    steps = evaluate_history(PlanHistory(revisions=(Revision(plan=plan, recorded_on=AS_OF),)))
    assert_hidden(
        number,
        [
            json.dumps(report.to_dict()),
            repr(to_records([report])),
            json.dumps(caseload_summary([report]).to_dict()),
            json.dumps(check_eligibility(plan.participant, on=REFERRED).to_dict()),
            repr([step.report.to_dict() for step in steps]),
        ],
    )


# -- errors ---------------------------------------------------------------------


def error_texts(error: BaseException) -> list[str]:
    texts = [str(error), repr(error), *map(str, error.args)]
    if isinstance(error, InvalidPlanError):
        texts += [part for pair in error.errors for part in pair]
    return texts


def failing_calls(number: IdentityNumber, text: str) -> list[Callable[[], object]]:
    """Calls that must raise, each given ``text`` (holding the number) somewhere."""
    whole: Any = int(number.digits)
    born = number.birth_date
    person = Participant(id="p", birth_date=born)
    plan = make_plan(number, {field: f"plain-{field}" for field in FIELDS})
    data = to_dict(plan)

    def read(**changes: Any) -> Callable[[], object]:
        def call() -> object:
            return from_dict({**data, **changes})

        return call

    def read_participant(**changes: Any) -> Callable[[], object]:
        return read(participant={**data["participant"], **changes})

    def read_activity(**changes: Any) -> Callable[[], object]:
        return read(activities=[{**data["activities"][0], **changes}])

    def boom(ctx: Any) -> Iterable[Any]:
        raise RuntimeError(f"cannot read plan {ctx.plan.id}")

    crashing = rule(code="TEST-BOOM", title="t", severity="info", basis="b", messages=MESSAGES)(
        boom
    )
    numbered = rule(
        code=f"X-{number.digits}",
        title="t",
        severity="info",
        basis="b",
        messages={"sv": "s", "en": "e"},
    )(boom)
    some_key_date = deadlines(plan)[0]
    wrong: Any = text  # a text where another type belongs
    wrong_dict: Any = {"id": text}
    wrong_list: Any = [wrong_dict]
    extra: dict[str, Any] = {text: 1}  # an unknown key
    return [
        # constructors: wrong types, unknown keys, nested dicts
        lambda: Participant(id=whole, birth_date=born),
        lambda: Participant(id="p", birth_date=wrong),
        lambda: Participant(id="p", birth_date=whole),
        lambda: Participant(id="p", birth_date=born, gender=wrong),
        lambda: Participant(id="p", birth_date=born, identity_number=wrong),
        lambda: Participant(id="p", birth_date=born, **extra),
        lambda: Activity(id="a", kind=wrong, start=born, end=born, hours_per_week=1),
        lambda: Activity(id="a", kind=ActivityKind.SFI, start=born, end=born, hours_per_week=whole),
        lambda: Activity(
            id="a", kind=ActivityKind.SFI, start=born, end=born, hours_per_week=1, provider=whole
        ),
        lambda: Milestone(id="m", kind=MilestoneKind.OTHER, title=whole, due=born),
        lambda: Milestone(id="m", kind=MilestoneKind.OTHER, title="t", due=wrong_dict),
        lambda: Plan(id="p", participant=wrong_dict, referred_on=REFERRED),
        lambda: Plan(id="p", participant=person, referred_on=REFERRED, activities=wrong_list),
        lambda: Plan(id="p", participant=person, referred_on=REFERRED, milestones=wrong_dict),
        lambda: Plan(id="p", participant=person, referred_on=REFERRED, **extra),
        lambda: IdentityNumber(text + "0"),
        lambda: IdentityNumber(number.full[2:]),
        # attrs.evolve
        lambda: attrs.evolve(plan, **extra),
        lambda: attrs.evolve(plan, id=whole),
        lambda: attrs.evolve(plan.participant, gender=wrong),
        lambda: attrs.evolve(plan.activities[0], status=wrong_list),
        lambda: attrs.evolve(plan, activities=(plan.activities[0], plan.activities[0])),
        # from_dict
        read(**extra),
        read(id={"nested": text}),
        read(programme=text),
        read_participant(gender=wrong),
        read_participant(gender=whole),
        read_participant(birth_date=wrong),
        read_participant(birth_date=whole),
        read_participant(identity_number=text + "0"),
        read_participant(identity_number=number.full[2:]),
        read_participant(**extra),
        read_activity(kind=wrong),
        read_activity(provider={"name": text}),
        read_activity(**extra),
        # named changes and look-ups
        lambda: plan.activity(text),
        lambda: plan.milestone(text),
        lambda: plan.set_activity_status(plan.activities[0].id, text),
        # evaluation and its arguments
        lambda: evaluate(plan, as_of=wrong),
        lambda: evaluate(plan, as_of=whole),
        lambda: evaluate(attrs.evolve(plan, id=wrong), as_of=AS_OF, rules=[crashing]),
        lambda: DEFAULT_RULES[text],
        lambda: DEFAULT_RULES.without(text),
        lambda: RuleSet([numbered, numbered]),
        lambda: evaluate(plan, as_of=AS_OF).findings[0].message(text),
        lambda: some_key_date.description(text),
        lambda: diff(plan, plan).render(text),
        lambda: to_records([], locale=wrong),
        lambda: caseload_summary([], weeks=wrong),
    ]


@given(number=numbers(), data=st.data())
def test_no_error_message_shows_the_number(number: IdentityNumber, data: st.DataObject) -> None:
    for call in failing_calls(number, data.draw(typed(number))):
        with pytest.raises(Exception) as info:  # noqa: PT011 - any error, but masked
            call()
        assert_hidden(number, error_texts(info.value))


def test_a_crashing_rule_names_the_plan_masked() -> None:
    def boom(ctx: Any) -> Iterable[Any]:
        raise RuntimeError(f"cannot read plan {ctx.plan.id}")

    crashing = rule(code="TEST-BOOM", title="t", severity="info", basis="b", messages=MESSAGES)(
        boom
    )
    plan = make_plan(IdentityNumber("19850709-9805"), {f: f"plain-{f}" for f in FIELDS})
    with pytest.raises(RuleError) as info:
        evaluate(attrs.evolve(plan, id="19850709-9805"), as_of=AS_OF, rules=[crashing])
    assert str(info.value) == (
        "rule TEST-BOOM failed on plan '19850709-****': "
        "RuntimeError: cannot read plan 19850709-****"
    )
    assert info.value.plan_id == "19850709-9805"  # the attribute is for code, as given


# -- the command line --------------------------------------------------------------

NUMBER = IdentityNumber("19850709-9805")


def numbered_plan_file(tmp_path: Path) -> Path:
    texts = dict.fromkeys(FIELDS, "19850709-9805") | {"activity": "850709-9805"}
    target = tmp_path / "plan.json"
    target.write_text(json.dumps(to_dict(make_plan(NUMBER, texts))), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    "arguments",
    [
        ["check", "{file}", "--as-of", "2025-06-02", "--lang", "en"],
        ["check", "{file}", "--as-of", "2025-06-02"],
        ["deadlines", "{file}"],
        ["deadlines", "{file}", "--weeks", "52", "--as-of", "2025-01-13", "--lang", "en"],
        ["check", "{file}", "--as-of", "198507099805"],
        ["check", "{bad}", "--as-of", "2025-06-02"],
        ["check", "{file}", "--as-of", "2025-06-02", "--lang", "8507099805"],
        ["deadlines", "{file}", "--weeks", "850709+9805"],
    ],
)
def test_the_command_line_text_never_shows_the_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str]
) -> None:
    plan_file = numbered_plan_file(tmp_path)
    bad = tmp_path / "bad.json"
    data = json.loads(plan_file.read_text(encoding="utf-8"))
    data["participant"]["gender"] = "19850709-9805"
    data["198507099805"] = 1
    bad.write_text(json.dumps(data), encoding="utf-8")
    argv = [part.format(file=plan_file, bad=bad) for part in arguments]
    try:
        status = main(argv)
    except SystemExit as stop:  # argparse refuses the option
        status = stop.code  # type: ignore[assignment]
    captured = capsys.readouterr()
    assert status in (0, 1, 2)
    assert captured.out or captured.err
    assert_hidden(NUMBER, [captured.out, captured.err])


def test_the_command_line_json_masks_ids_that_look_like_identity_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 13: no output shows an identity number in full, JSON for machines included.
    plan_file = numbered_plan_file(tmp_path)
    main(["check", str(plan_file), "--as-of", "2025-06-02", "--format", "json"])
    out = capsys.readouterr().out
    (report,) = json.loads(out)
    assert report["plan_id"] == "19850709-****"
    assert "a 850709-****" in {finding["subject"] for finding in report["findings"]}
    assert "9805" not in out
    main(["deadlines", str(plan_file), "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    assert {row["plan_id"] for row in rows} == {"19850709-****"}


# -- the helpers -----------------------------------------------------------------


def test_echo_masks_a_number_before_it_cuts_the_text() -> None:
    # cut first, the number would keep ten of its digits: 19850709-98...
    text = "x" * (ECHO_LIMIT - 13) + "19850709-9805" + "y" * 20
    shown = echo(text)
    assert len(shown) == ECHO_LIMIT
    assert "19850709-98" not in shown
    assert shown.endswith("19850709-...")


def test_echo_describes_a_value_whose_repr_raises() -> None:
    class Broken:
        def __repr__(self) -> str:
            raise RuntimeError("no repr")

    assert echo(Broken()) == "<Broken object>"


def test_redacted_repr_keeps_a_repr_without_a_number() -> None:
    @redacted_repr
    @attrs.frozen
    class Pair:
        left: object
        right: object

    assert repr(Pair("a", 1)) == "Pair(left='a', right=1)"
    assert str(Pair("19850709-9805", 8507099805)) == "Pair(left='19850709-****', right=850709****)"


def test_private_keeps_a_type_error_without_a_number_as_it_was() -> None:
    @private
    @attrs.frozen(kw_only=True)
    class Box:
        value: object

    with pytest.raises(TypeError, match="missing 1 required keyword-only argument") as info:
        Box()  # type: ignore[call-arg]
    assert info.value.__suppress_context__ is False
    with pytest.raises(TypeError, match=r"unexpected keyword argument '19850709-\*\*\*\*'"):
        Box(value=1, **{"19850709-9805": 2})
    assert Box(value="19850709-9805").value == "19850709-9805"
    assert repr(Box(value="19850709-9805")) == "Box(value='19850709-****')"


def test_a_masked_value_reads_the_same_twice() -> None:
    assert redact(redact("19850709-9805 and 850709+9805")) == "19850709-**** and 850709+****"
