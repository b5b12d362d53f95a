"""Tests for :mod:`handlingsplan.caseload`: batch evaluation, records, summaries, reforms."""

from __future__ import annotations

import datetime as _dt
import functools
import inspect
import multiprocessing
import pickle
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _profiles import examples
from handlingsplan import (
    DEFAULT_PARAMETERS,
    DEFAULT_RULES,
    Activity,
    ActivityKind,
    ActivityStatus,
    CaseloadSummary,
    Context,
    Deadline,
    DeadlineKind,
    Finding,
    Milestone,
    MilestoneKind,
    Participant,
    Permit,
    PermitKind,
    Plan,
    Report,
    Rule,
    RuleImpact,
    RuleSet,
    Severity,
    caseload_summary,
    compare_rules,
    evaluate,
    evaluate_many,
    rule,
    to_dict,
    to_records,
)
from handlingsplan._demo import DEMO_AS_OF, demo_caseload
from handlingsplan.rules import build_finding
from handlingsplan.strategies import plans as generated_plans

D = _dt.date
AS_OF = DEMO_AS_OF  # Monday 2026-03-02

caseloads = st.lists(generated_plans(), max_size=3)
as_of_dates = st.dates(D(2018, 1, 1), D(2030, 12, 31))


def demo_reports() -> list[Report]:
    return [evaluate(plan, as_of=AS_OF) for plan in demo_caseload()]


# -- test rules -------------------------------------------------------------------------


@rule(
    code="TEST-NO-MILESTONES",
    title="A plan has milestones",
    severity="info",
    basis="Test basis",
    messages={"sv": "Planen saknar delmål.", "en": "The plan has no milestones."},
)
def no_milestones(ctx: Context) -> Iterator[Finding]:
    """A finding for a plan without milestones."""
    if not ctx.plan.milestones:
        yield ctx.finding(on=ctx.as_of)


def finds_nothing(ctx: Context) -> Iterator[Finding]:
    """A check function that keeps its module-level name (no decorator)."""
    yield from ()


PLAIN_RULE = Rule(
    code="TEST-PLAIN",
    title="A rule built without the decorator",
    severity=Severity.INFO,
    basis="Test basis",
    programmes=None,
    valid_from=None,
    valid_to=None,
    messages={"default": {"sv": "Inget.", "en": "Nothing."}},
    check=finds_nothing,
)


def a_rule(code: str) -> Rule:
    """A rule that finds nothing, for building findings by hand."""

    @rule(
        code=code,
        title=f"Rule {code}",
        severity="warning",
        basis="Test basis",
        messages={"sv": "Anmärkning om {subject}.", "en": "Finding about {subject}."},
    )
    def nothing(ctx: Context) -> Iterator[Finding]:
        yield from ()

    return nothing


def finding(code: str, severity: Severity, subject: str = "x") -> Finding:
    return build_finding(a_rule(code), subject=subject, on=AS_OF, severity=severity)


def deadline(act_by: _dt.date, subject: str = "ms-1") -> Deadline:
    return Deadline(
        kind=DeadlineKind.MILESTONE, due=act_by, act_by=act_by, subject=subject, basis="Test"
    )


def report(
    plan_id: str,
    *findings: Finding,
    key_dates: tuple[Deadline, ...] = (),
    as_of: _dt.date = AS_OF,
) -> Report:
    return Report(plan_id=plan_id, as_of=as_of, findings=findings, key_dates=key_dates)


def long_plan() -> Plan:
    """A plan made 2023-02-01 with validation until 2025-06-27.

    The 24 months end on 2025-02-01; the window from the first registration
    (2023-01-02) ends 2026-01-02; so 36 months end on 2026-01-02 and 30 on 2025-08-01.
    """
    return Plan(
        id="plan-long",
        referred_on=D(2023, 2, 1),
        participant=Participant(
            id="deltagare-1",
            birth_date=D(1990, 1, 1),
            first_registered_on=D(2023, 1, 2),
            permit=Permit(kind=PermitKind.REFUGEE, granted_on=D(2022, 12, 1)),
            needs_sfi=False,
        ),
        activities=(
            Activity(
                id="validering-1",
                kind=ActivityKind.VALIDATION,
                start=D(2023, 3, 6),
                end=D(2025, 6, 27),
                hours_per_week=40,
                status=ActivityStatus.ACTIVE,
            ),
        ),
        milestones=(
            Milestone(
                id="ms-1",
                kind=MilestoneKind.VALIDATION,
                title="Validering klar",
                due=D(2025, 6, 27),
            ),
        ),
    )


def months(value: int) -> Any:
    return DEFAULT_PARAMETERS.with_value("programme_months", value, valid_from=D(2018, 1, 1))


# -- evaluate_many ------------------------------------------------------------------------


@given(caseload=caseloads, as_of=as_of_dates)
def test_evaluate_many_equals_evaluate_plan_by_plan(caseload: list[Plan], as_of: _dt.date) -> None:
    expected = [evaluate(plan, as_of=as_of) for plan in caseload]
    assert list(evaluate_many(caseload, as_of=as_of)) == expected


def test_evaluate_many_equals_evaluate_on_the_demo_caseload() -> None:
    assert list(evaluate_many(demo_caseload(), as_of=AS_OF)) == demo_reports()


def test_evaluate_many_takes_rules_as_any_iterable_and_parameters() -> None:
    rules = [*DEFAULT_RULES, no_milestones]
    reform = months(12)
    expected = [
        evaluate(plan, as_of=AS_OF, rules=rules, parameters=reform) for plan in demo_caseload()
    ]
    got = list(evaluate_many(demo_caseload(), as_of=AS_OF, rules=rules, parameters=reform))
    assert got == expected
    assert "TEST-NO-MILESTONES" in {code for item in got for code in item.codes()}
    assert "PROG-END" in {code for item in got for code in item.codes()}


def test_evaluate_many_skips_rules_not_in_force() -> None:
    later = rule(
        code="TEST-LATER",
        title="In force from 2030",
        severity="error",
        basis="Test basis",
        messages={"sv": "Senare.", "en": "Later."},
        valid_from=D(2030, 1, 1),
    )(no_milestones.check)
    reports = list(evaluate_many(demo_caseload(), as_of=AS_OF, rules=RuleSet([later])))
    assert all(item.findings == () for item in reports)


def test_evaluate_many_keeps_the_input_order() -> None:
    caseload = demo_caseload()[::-1]
    ids = [item.plan_id for item in evaluate_many(caseload, as_of=AS_OF)]
    assert ids == [plan.id for plan in caseload]


def test_evaluate_many_is_a_lazy_generator() -> None:
    taken: list[str] = []

    def feed() -> Iterator[Plan]:
        for plan in demo_caseload():
            taken.append(plan.id)
            yield plan

    assert inspect.isgenerator(evaluate_many([], as_of=AS_OF))
    reports = evaluate_many(feed(), as_of=AS_OF)
    assert taken == []
    first = next(reports)
    assert first.plan_id == taken[0] == "plan-0001"
    assert len(taken) == 1


@pytest.mark.parametrize("not_a_plan", [None, "plan-0001", 1, "dict"])
def test_evaluate_many_refuses_what_is_not_a_plan(not_a_plan: Any) -> None:
    plan = demo_caseload()[0]
    if not_a_plan == "dict":
        not_a_plan = to_dict(plan)
    reports = evaluate_many([plan, not_a_plan], as_of=AS_OF)
    assert next(reports).plan_id == plan.id  # the error comes when the item is reached
    with pytest.raises(TypeError, match="evaluate_many takes Plan values"):
        next(reports)


def test_evaluate_many_refuses_a_datetime_as_of() -> None:
    with pytest.raises(TypeError, match="as_of"):
        next(evaluate_many(demo_caseload(), as_of=_dt.datetime(2026, 3, 2, 9, 0)))  # noqa: DTZ001


# -- to_records ---------------------------------------------------------------------------

FIELDS = ["plan_id", "as_of", "code", "severity", "reason", "subject", "date", "message", "basis"]


def test_to_records_gives_one_row_per_finding_in_report_order() -> None:
    reports = demo_reports()
    rows = to_records(reports)
    pairs = [(item, found) for item in reports for found in item.findings]
    assert len(rows) == len(pairs) > 0
    for row, (item, found) in zip(rows, pairs, strict=True):
        assert list(row) == FIELDS
        assert row == {
            "plan_id": item.plan_id,
            "as_of": item.as_of,
            "code": found.code,
            "severity": found.severity.value,
            "reason": found.reason,
            "subject": found.subject,
            "date": found.on,
            "message": found.message("en"),
            "basis": found.basis,
        }


def test_to_records_rows_are_flat_plain_values_for_a_data_frame() -> None:
    for row in to_records(demo_reports()):
        assert type(row["severity"]) is str
        assert type(row["as_of"]) is _dt.date  # plain, not pendulum.Date
        assert row["date"] is None or type(row["date"]) is _dt.date
        assert all(value is None or isinstance(value, str | _dt.date) for value in row.values())


def test_to_records_writes_messages_in_swedish_or_english() -> None:
    reports = [report("plan-a", finding("TEST-A", Severity.ERROR, subject="sfi-1"))]
    assert [row["message"] for row in to_records(reports, locale="sv")] == ["Anmärkning om sfi-1."]
    assert [row["message"] for row in to_records(reports, locale="en")] == ["Finding about sfi-1."]
    assert to_records(reports) == to_records(reports, locale="en")


@pytest.mark.parametrize("locale", ["de", "SV", "", "en-GB"])
def test_to_records_refuses_another_locale(locale: str) -> None:
    with pytest.raises(ValueError, match="locale must be one of"):
        to_records(demo_reports(), locale=locale)


def test_to_records_of_reports_without_findings_is_empty() -> None:
    assert to_records([report("plan-a"), report("plan-b")]) == []
    assert to_records([]) == []


# -- pickling ------------------------------------------------------------------------------


@given(plan=generated_plans(), as_of=as_of_dates)
def test_plans_reports_and_findings_pickle(plan: Plan, as_of: _dt.date) -> None:
    assert pickle.loads(pickle.dumps(plan)) == plan
    result = evaluate(plan, as_of=as_of)
    assert pickle.loads(pickle.dumps(result)) == result
    for found in result.findings:
        assert pickle.loads(pickle.dumps(found)) == found


def test_the_demo_caseload_and_its_reports_pickle() -> None:
    caseload = demo_caseload()
    reports = demo_reports()
    assert pickle.loads(pickle.dumps(caseload)) == caseload
    assert pickle.loads(pickle.dumps(reports)) == reports
    findings = [found for item in reports for found in item.findings]
    assert findings
    assert pickle.loads(pickle.dumps(findings)) == findings


def test_summaries_and_impacts_pickle() -> None:
    summary = caseload_summary(demo_reports())
    assert pickle.loads(pickle.dumps(summary)) == summary
    impact = RuleImpact(code="PROG-END", gained=("plan-a",), lost=())
    assert pickle.loads(pickle.dumps(impact)) == impact


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessPoolExecutor]:
    """Two worker processes, shared by the tests of this module (each costs a second)."""
    # spawn: the workers import handlingsplan afresh and every value crosses by pickle.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as spawned:
        yield spawned


def test_a_process_pool_gives_the_same_reports_as_evaluate_many(
    pool: ProcessPoolExecutor,
) -> None:
    caseload = demo_caseload()
    reform = months(12)
    reports = list(pool.map(functools.partial(evaluate, as_of=AS_OF), caseload, chunksize=4))
    reformed = list(
        pool.map(functools.partial(evaluate, as_of=AS_OF, parameters=reform), caseload, chunksize=4)
    )
    assert reports == list(evaluate_many(caseload, as_of=AS_OF))
    assert reformed == list(evaluate_many(caseload, as_of=AS_OF, parameters=reform))
    assert reformed != reports  # the reform travelled to the workers


def test_parameters_and_a_reform_of_them_pickle() -> None:
    for parameters in (DEFAULT_PARAMETERS, months(36)):
        assert pickle.loads(pickle.dumps(parameters)) == parameters


def test_a_rule_set_pickles() -> None:
    restored = pickle.loads(pickle.dumps(DEFAULT_RULES))
    assert restored.codes == DEFAULT_RULES.codes


def test_a_rule_whose_check_keeps_its_name_pickles() -> None:
    restored = pickle.loads(pickle.dumps(PLAIN_RULE))
    assert (restored.code, restored.check) == (PLAIN_RULE.code, finds_nothing)


def test_a_rule_set_of_picklable_rules_pickles() -> None:
    rules = RuleSet([PLAIN_RULE])
    assert pickle.loads(pickle.dumps(rules)).codes == ("TEST-PLAIN",)


# -- caseload_summary --------------------------------------------------------------------


def test_caseload_summary_counts_plans_with_errors_warnings_and_findings_per_code() -> None:
    reports = [
        # errors and warnings
        report("plan-a", finding("TEST-X", Severity.ERROR), finding("TEST-Y", Severity.WARNING)),
        # two warnings of one code: one plan with warnings, two findings
        report(
            "plan-b",
            finding("TEST-Y", Severity.WARNING, "a"),
            finding("TEST-Y", Severity.WARNING, "b"),
        ),
        report("plan-c", finding("TEST-Z", Severity.INFO)),  # neither
        report("plan-d"),  # no findings at all
    ]
    summary = caseload_summary(reports)
    assert summary == CaseloadSummary(
        plans=4,
        with_errors=1,
        with_warnings=2,
        findings_per_code=(("TEST-X", 1), ("TEST-Y", 3), ("TEST-Z", 1)),
        weeks=4,
        upcoming=(),
    )


def test_caseload_summary_of_the_demo_caseload_agrees_with_its_reports() -> None:
    reports = demo_reports()
    summary = caseload_summary(iter(reports))
    assert (
        summary.plans == len(reports) == 16
    )  # seven detailed plans (one hindered at referral), nine exited
    assert summary.with_errors == sum(not item.ok for item in reports)
    assert summary.with_warnings == sum(bool(item.warnings) for item in reports)
    per_code = dict(summary.findings_per_code)
    assert sum(per_code.values()) == sum(len(item.findings) for item in reports)
    assert list(per_code) == sorted(per_code)


def test_caseload_summary_of_nothing_is_all_zero() -> None:
    assert caseload_summary([]) == CaseloadSummary(
        plans=0, with_errors=0, with_warnings=0, findings_per_code=(), weeks=4, upcoming=()
    )


def test_upcoming_includes_as_of_and_excludes_as_of_plus_the_weeks() -> None:
    # as_of 2026-03-02, four weeks: act_by from 2026-03-02 up to, not including,
    # 2026-03-30.
    dates = (D(2026, 3, 1), D(2026, 3, 2), D(2026, 3, 29), D(2026, 3, 30))
    item = report("plan-a", key_dates=tuple(deadline(day, f"ms-{day.day}") for day in dates))
    summary = caseload_summary([item], weeks=4)
    assert [(plan_id, due.act_by) for plan_id, due in summary.upcoming] == [
        ("plan-a", D(2026, 3, 2)),
        ("plan-a", D(2026, 3, 29)),
    ]


def test_upcoming_is_counted_from_each_reports_own_as_of() -> None:
    early = report("plan-a", key_dates=(deadline(D(2026, 4, 1)),), as_of=AS_OF)
    late = report("plan-b", key_dates=(deadline(D(2026, 4, 1)),), as_of=D(2026, 4, 1))
    summary = caseload_summary([early, late], weeks=1)
    assert [plan_id for plan_id, _ in summary.upcoming] == ["plan-b"]


def test_upcoming_is_sorted_by_act_by_then_plan_then_key_date() -> None:
    second, first = D(2026, 3, 10), D(2026, 3, 3)
    reports = [
        report("plan-b", key_dates=(deadline(second, "ms-2"), deadline(first))),
        report("plan-a", key_dates=(deadline(second, "ms-9"), deadline(second, "ms-1"))),
    ]
    upcoming = caseload_summary(reports).upcoming
    assert [(plan_id, due.act_by, due.subject) for plan_id, due in upcoming] == [
        ("plan-b", first, "ms-1"),
        ("plan-a", second, "ms-1"),
        ("plan-a", second, "ms-9"),
        ("plan-b", second, "ms-2"),
    ]


def test_the_upcoming_window_widens_with_the_weeks() -> None:
    item = report(
        "plan-a", key_dates=tuple(deadline(AS_OF + _dt.timedelta(weeks=n)) for n in range(6))
    )
    counts = [len(caseload_summary([item], weeks=weeks).upcoming) for weeks in range(7)]
    # weeks=0 is an empty window; each week then adds the key date at its start.
    assert counts == [0, 1, 2, 3, 4, 5, 6]


def test_the_demo_caseload_has_key_dates_in_the_next_four_weeks() -> None:
    summary = caseload_summary(demo_reports())
    horizon = AS_OF + _dt.timedelta(weeks=4)
    assert summary.upcoming
    assert all(AS_OF <= due.act_by < horizon for _, due in summary.upcoming)
    assert summary.upcoming == tuple(
        sorted(summary.upcoming, key=lambda pair: (pair[1].act_by, pair[0], pair[1].sort_key))
    )


@pytest.mark.parametrize("weeks", [-1, 1.5, "4", True, False, None])
def test_the_weeks_must_be_a_whole_number_from_zero(weeks: Any) -> None:
    with pytest.raises(ValueError, match="weeks must be a whole number"):
        caseload_summary([], weeks=weeks)


def test_a_summary_gives_a_json_ready_dict() -> None:
    item = report("plan-a", finding("TEST-X", Severity.ERROR), key_dates=(deadline(D(2026, 3, 3)),))
    assert caseload_summary([item], weeks=2).to_dict() == {
        "plans": 1,
        "with_errors": 1,
        "with_warnings": 0,
        "findings_per_code": {"TEST-X": 1},
        "weeks": 2,
        "upcoming": [
            {
                "plan_id": "plan-a",
                "kind": "milestone",
                "due": "2026-03-03",
                "act_by": "2026-03-03",
                "subject": "ms-1",
                "basis": "Test",
                "description": {"sv": "delmålet ska vara uppnått", "en": "the milestone is due"},
                "facts": {},
            }
        ],
    }


# -- compare_rules -----------------------------------------------------------------------


def test_a_rule_added_in_the_candidate_is_gained_by_the_plans_it_finds() -> None:
    caseload = demo_caseload()
    impact = compare_rules(caseload, as_of=AS_OF, candidate=DEFAULT_RULES.with_rules(no_milestones))
    without = tuple(plan.id for plan in caseload if not plan.milestones)
    assert impact == (RuleImpact(code="TEST-NO-MILESTONES", gained=without, lost=()),)
    assert without[:2] == ("plan-0003", "plan-0004")
    assert (impact[0].plans_gaining, impact[0].plans_losing) == (len(caseload) - 2, 0)


def test_a_rule_removed_in_the_candidate_is_lost_by_the_plans_it_found() -> None:
    caseload = demo_caseload()
    impact = compare_rules(
        caseload, as_of=AS_OF, candidate=DEFAULT_RULES.without("PROG-CIVIC-ORIENTATION")
    )
    had = tuple(item.plan_id for item in demo_reports() if "PROG-CIVIC-ORIENTATION" in item.codes())
    assert had
    assert impact == (RuleImpact(code="PROG-CIVIC-ORIENTATION", gained=(), lost=had),)
    assert impact[0].plans_losing == len(had)


def test_a_removed_baseline_rule_is_gained_when_the_candidate_restores_it() -> None:
    impact = compare_rules(
        demo_caseload(),
        as_of=AS_OF,
        baseline=list(DEFAULT_RULES.without("PROG-FULL-TIME")),
        candidate=DEFAULT_RULES,
    )
    assert impact == (
        RuleImpact(code="PROG-FULL-TIME", gained=("plan-0003", "plan-0005"), lost=()),
    )


def test_a_longer_programme_removes_the_activity_past_its_end() -> None:
    # With 24 months the programme ends 2025-02-01 and validation runs to 2025-06-27;
    # with 36 months it ends at the registration window's end, 2026-01-02.
    as_of = D(2024, 6, 3)
    assert "PROG-END" in evaluate(long_plan(), as_of=as_of).codes()
    impact = compare_rules(
        [demo_caseload()[0], long_plan()], as_of=as_of, candidate_parameters=months(36)
    )
    assert impact == (RuleImpact(code="PROG-END", gained=(), lost=("plan-long",)),)
    assert (impact[0].plans_gaining, impact[0].plans_losing) == (0, 1)


def test_the_baseline_parameters_apply_to_both_without_candidate_parameters() -> None:
    as_of = D(2024, 6, 3)
    assert compare_rules([long_plan()], as_of=as_of, parameters=months(36)) == ()
    impact = compare_rules(
        [long_plan()], as_of=as_of, parameters=months(36), candidate_parameters=DEFAULT_PARAMETERS
    )
    assert impact == (RuleImpact(code="PROG-END", gained=("plan-long",), lost=()),)


def test_a_finding_that_moves_to_another_date_is_both_gained_and_lost() -> None:
    # Not exited after the end: with 24 months the finding is on 2025-02-01, with 30
    # on 2025-08-01 (the validation, to 2025-06-27, is then within the programme).
    impact = compare_rules([long_plan()], as_of=D(2026, 6, 3), candidate_parameters=months(30))
    assert impact == (RuleImpact(code="PROG-END", gained=("plan-long",), lost=("plan-long",)),)


def test_a_shorter_programme_gains_findings_in_the_demo_caseload() -> None:
    impact = compare_rules(demo_caseload(), as_of=AS_OF, candidate_parameters=months(12))
    assert impact == (RuleImpact(code="PROG-END", gained=("plan-0001", "plan-0006"), lost=()),)


def test_no_change_gives_an_empty_tuple() -> None:
    caseload = demo_caseload()
    assert compare_rules(caseload, as_of=AS_OF) == ()
    assert compare_rules(caseload, as_of=AS_OF, candidate=list(DEFAULT_RULES)) == ()
    assert compare_rules(caseload, as_of=AS_OF, candidate_parameters=DEFAULT_PARAMETERS) == ()
    assert compare_rules([], as_of=AS_OF, candidate=[]) == ()


def test_compare_rules_reads_a_one_shot_iterable_once_for_both_runs() -> None:
    impact = compare_rules(
        iter(demo_caseload()), as_of=AS_OF, candidate=DEFAULT_RULES.with_rules(no_milestones)
    )
    assert impact[0].plans_gaining == len(demo_caseload()) - 2


def test_impacts_are_sorted_by_code() -> None:
    impact = compare_rules(
        demo_caseload(),
        as_of=AS_OF,
        candidate=DEFAULT_RULES.without("PROG-FULL-TIME", "ACT-NOT-CLOSED").with_rules(
            no_milestones
        ),
    )
    assert [item.code for item in impact] == [
        "ACT-NOT-CLOSED",
        "PROG-FULL-TIME",
        "TEST-NO-MILESTONES",
    ]
    assert impact[0] == RuleImpact(code="ACT-NOT-CLOSED", gained=(), lost=("plan-0002",))


@settings(max_examples=examples(30))  # evaluates twice per example; the equalities above cover more
@given(caseload=caseloads, as_of=as_of_dates)
def test_comparing_a_rule_set_with_itself_changes_nothing(
    caseload: list[Plan], as_of: _dt.date
) -> None:
    assert compare_rules(caseload, as_of=as_of) == ()


def test_a_decorated_rule_pickles_by_reference_and_comes_back_as_the_same_rule() -> None:
    restored = pickle.loads(pickle.dumps(DEFAULT_RULES))
    assert restored == DEFAULT_RULES
    assert all(a is b for a, b in zip(restored, DEFAULT_RULES, strict=True))


def test_rules_travel_to_a_process_pool(pool: ProcessPoolExecutor) -> None:
    caseload = demo_caseload()[:3]
    rules = DEFAULT_RULES.without("PROG-FULL-TIME")
    reports = list(pool.map(functools.partial(evaluate, as_of=AS_OF, rules=rules), caseload))
    assert reports == list(evaluate_many(caseload, as_of=AS_OF, rules=rules))
