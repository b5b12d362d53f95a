"""The command line, as a user runs it.

Most tests run ``main`` in this process (see ``_command_line``), which is where the
command line's output comes from; a few run ``python -m handlingsplan`` as a process of
its own, for its exit statuses and its standard input and output.
"""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from _command_line import as_text, in_process, in_subprocess
from handlingsplan import (
    DEFAULT_RULES,
    Activity,
    ActivityKind,
    Plan,
    deadlines,
    evaluate,
    from_dict,
    to_dict,
)
from handlingsplan.__main__ import main
from handlingsplan._demo import DEMO_AS_OF, demo_caseload
from handlingsplan._demo_text import render_demo, render_table


def run(*arguments: str, input: str = "") -> subprocess.CompletedProcess[str]:
    """The command line run in this process, its output as text."""
    return as_text(in_process(*arguments, input=input.encode()))


def run_process(*arguments: str, input: str = "") -> subprocess.CompletedProcess[str]:
    """``python -m handlingsplan`` as a process of its own, its output as text."""
    return as_text(in_subprocess(*arguments, input=input.encode()))


@pytest.fixture(scope="module")
def demo_text() -> str:
    """The English demo text, rendered once for the tests that only read it."""
    return render_demo()


def test_demo_prints_every_plan_with_age_key_dates_and_activities() -> None:
    result = run_process("demo")
    assert result.returncode == 0, result.stderr
    for plan in demo_caseload()[:6]:
        assert plan.id in result.stdout
        for activity in plan.activities:
            assert activity.id in result.stdout
    assert "age 35 on 2026-03-02" in result.stdout
    assert "last day of the establishment programme" in result.stdout
    assert "Findings on 2026-03-02" in result.stdout
    assert result.stdout.rstrip().endswith("0%         no")


def test_demo_ends_with_the_outcome_table_by_gender_against_the_target(demo_text: str) -> None:
    table = demo_text.rstrip().splitlines()[-7:]
    assert table[0].startswith("Outcomes 90 days after exit, exits in 2025, by gender")
    assert "target 55%" in table[0]
    assert [line.split()[0] for line in table[4:]] == ["male", "other", "unrecorded"]
    assert table[3].split() == ["female", "5", "4", "3", "75%", "60%", "yes"]


def test_demo_never_prints_a_full_identity_number(demo_text: str) -> None:
    output = demo_text
    for plan in demo_caseload():
        number = plan.participant.identity_number
        if number is not None:
            assert number.full not in output
            assert number.digits not in output
            assert number.masked in output


def test_demo_caseload_has_the_shapes_the_readme_promises() -> None:
    plans = demo_caseload()
    assert len(plans) >= 5
    assert any(p.participant.unaccompanied_minor for p in plans)
    assert any(p.participation_percent < 100 for p in plans)
    assert any(p.exit is not None and p.follow_up is not None for p in plans)
    assert len({p.id for p in plans}) == len(plans)


def test_demo_shows_the_findings_evaluate_gives_for_the_detailed_plans(demo_text: str) -> None:
    output = demo_text
    for plan in demo_caseload()[:6]:
        for finding in evaluate(plan, as_of=DEMO_AS_OF).findings:
            assert finding.message("en") in output
        assert deadlines(plan)


def test_demo_is_the_same_on_every_run(demo_text: str) -> None:
    assert render_demo() == demo_text


def test_main_returns_zero_for_the_demo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    assert "plan-0001" in capsys.readouterr().out


def test_main_without_a_command_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2


def test_render_table_pads_columns_to_the_widest_cell() -> None:
    assert render_table([["a", "bbb"]], ["xx", "y"]) == "xx  y\n--  ---\na   bbb"


# -- check, deadlines, rules, parameters, schema -------------------------------------

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "example-plan.json"


@pytest.fixture
def example_file(tmp_path: Path) -> Path:
    target = tmp_path / "plan.json"
    if EXAMPLE.exists():
        target.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    else:  # pragma: no cover - shared/ sits beside every checkout CI makes
        target.write_text(json.dumps(to_dict(demo_caseload()[0])), encoding="utf-8")
    return target


def write(tmp_path: Path, data: object, name: str = "input.json") -> Path:
    target = tmp_path / name
    target.write_text(json.dumps(data), encoding="utf-8")
    return target


def test_check_prints_the_report_and_exits_0_without_errors(example_file: Path) -> None:
    result = run("check", str(example_file), "--as-of", "2025-03-03", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "Report for plan plan-0001 (2025-03-03)" in result.stdout
    assert "legal basis" in result.stdout


def test_check_speaks_swedish_by_default(example_file: Path) -> None:
    result = run("check", str(example_file), "--as-of", "2025-03-03")
    assert "Rapport för plan plan-0001" in result.stdout


def test_check_exits_1_when_a_plan_has_an_error_finding(tmp_path: Path) -> None:
    plan = demo_caseload()[0]
    late = plan.with_activity(
        Activity(
            id="late",
            kind=ActivityKind.VALIDATION,
            start=date(2027, 1, 4),
            end=date(2027, 6, 30),
            hours_per_week=10,
        )
    )
    result = run_process("check", str(write(tmp_path, to_dict(late))), "--as-of", "2026-03-02")
    assert result.returncode == 1
    assert "PROG-END" in result.stdout


def test_check_reads_an_envelope_that_names_the_date_and_writes_json(tmp_path: Path) -> None:
    plans = [to_dict(plan) for plan in demo_caseload()[:3]]
    source = write(tmp_path, {"as_of": "2026-03-02", "plans": plans})
    result = run("check", str(source), "--format", "json")
    assert result.returncode == 0, result.stderr
    reports = json.loads(result.stdout)
    assert [report["plan_id"] for report in reports] == ["plan-0001", "plan-0002", "plan-0003"]
    assert all(report["as_of"] == "2026-03-02" for report in reports)
    for report in reports:
        for finding in report["findings"]:
            assert set(finding["messages"]) == {"sv", "en"}


def test_check_reads_a_list_and_a_single_plan_envelope(tmp_path: Path) -> None:
    plan = to_dict(demo_caseload()[0])
    listed = run("check", str(write(tmp_path, [plan], "list.json")), "--as-of", "2026-03-02")
    single = run("check", str(write(tmp_path, {"as_of": "2026-03-02", "plan": plan}, "one.json")))
    assert listed.returncode == single.returncode == 0
    assert listed.stdout == single.stdout


def test_check_reads_standard_input() -> None:
    plan = json.dumps(to_dict(demo_caseload()[0]))
    result = run_process("check", "-", "--as-of", "2026-03-02", input=plan)
    assert result.returncode == 0, result.stderr
    assert "plan-0001" in result.stdout


def test_check_requires_a_date_rather_than_reading_the_clock(example_file: Path) -> None:
    result = run("check", str(example_file))
    assert result.returncode == 2
    assert "--as-of DATE is required" in result.stderr


def test_check_as_of_today_says_which_date_it_used(example_file: Path) -> None:
    result = run("check", str(example_file), "--as-of", "today")
    assert result.returncode in (0, 1)
    assert "(today)" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"as_of": "2026-3-2", "plans": []}', "as_of: expected a date as YYYY-MM-DD"),
        ('{"as_of": 5, "plans": []}', "as_of: expected a date as a YYYY-MM-DD string"),
        ('{"plans": {}}', "plans: expected an array of plans"),
        ('{"plans": [], "extra": 1}', "extra: unknown envelope key"),
    ],
)
def test_check_exits_2_for_input_that_cannot_be_read(
    tmp_path: Path, content: str, message: str
) -> None:
    source = tmp_path / "bad.json"
    source.write_text(content, encoding="utf-8")
    result = run("check", str(source), "--as-of", "2026-03-02")
    assert result.returncode == 2
    assert message in result.stderr


def test_check_shows_every_invalid_path(tmp_path: Path) -> None:
    plan = to_dict(demo_caseload()[0])
    plan["activities"][1]["end"] = "2025-02-30"
    plan["participant"]["colour"] = "blue"
    source = write(tmp_path, {"plans": [plan, {"id": 1}]})
    result = run("check", str(source), "--as-of", "2026-03-02")
    assert result.returncode == 2
    assert (
        "plan 0, id plan-0001: activities[1].end: expected a date as YYYY-MM-DD, "
        "got '2025-02-30', which is not a day of the calendar" in result.stderr
    )
    assert "plan 0, id plan-0001: participant.colour: unknown field" in result.stderr
    assert "plan 1: id: expected a string" in result.stderr


def test_check_exits_2_for_a_missing_file(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "absent.json"), "--as-of", "2026-03-02")
    assert result.returncode == 2
    assert "cannot be read" in result.stderr


def test_check_exits_2_for_a_date_before_the_parameters_history(example_file: Path) -> None:
    result = run("check", str(example_file), "--as-of", "2017-01-01")
    assert result.returncode == 2
    assert "no value on 2017-01-01" in result.stderr


def test_deadlines_lists_the_key_dates(example_file: Path) -> None:
    result = run("deadlines", str(example_file), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "2027-02-03" in result.stdout
    assert "last day of the establishment programme" in result.stdout


def test_deadlines_within_weeks_of_a_date_as_json(example_file: Path) -> None:
    result = run(
        "deadlines", str(example_file), "--weeks", "4", "--as-of", "2025-05-01", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(row["kind"], row["act_by"]) for row in rows] == [("sfi_start", "2025-05-05")]


def test_deadlines_explain_says_how_each_key_date_was_reached(example_file: Path) -> None:
    result = run("deadlines", str(example_file), "--explain", "--lang", "en")
    assert result.returncode == 0, result.stderr
    table, *explanations = result.stdout.split("\n\n")
    assert "last day of the establishment programme" in table
    plan = plan_in(example_file)
    assert [text.rstrip("\n") for text in explanations] == [
        f"{plan.id} {d.kind.value}{' ' + d.subject if d.subject else ''}: {d.explain('en')}"
        for d in deadlines(plan)
    ]
    assert (
        "plan-0001 programme_end: last day of the establishment programme: 2027-02-03. "
        "Start 2025-02-03; 24 months give 731 full-time days."
    ) in result.stdout
    assert "plan-0001 civic_orientation_complete so-1: " in result.stdout


def test_deadlines_explain_in_swedish_by_default(example_file: Path) -> None:
    result = run("deadlines", str(example_file), "--explain")
    assert result.returncode == 0, result.stderr
    assert "Avgörs av programtiden (heltidsdagarna)." in result.stdout
    assert "Första folkbokföring 2024-11-04; 36 månader" in result.stdout


def test_deadlines_without_explain_prints_only_the_table(example_file: Path) -> None:
    result = run("deadlines", str(example_file), "--lang", "en")
    assert "\n\n" not in result.stdout.strip()
    assert "Decided by" not in result.stdout


def test_deadlines_explain_as_json_adds_an_explanation_to_each_key_date(
    example_file: Path,
) -> None:
    result = run("deadlines", str(example_file), "--explain", "--lang", "en", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    plan = plan_in(example_file)
    assert [row["explanation"] for row in rows] == [d.explain("en") for d in deadlines(plan)]
    plain = json.loads(run("deadlines", str(example_file), "--format", "json").stdout)
    assert all("explanation" not in row for row in plain)


def test_deadlines_explain_within_weeks_explains_only_those_listed(example_file: Path) -> None:
    result = run(
        "deadlines", str(example_file), "--explain", "--weeks", "4", "--as-of", "2025-05-01"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n\n") == 1
    assert "plan-0001 sfi_start: sfi ska ha påbörjats: 2025-05-03." in result.stdout


def test_deadlines_explain_masks_an_identity_number_typed_into_an_id(tmp_path: Path) -> None:
    data = to_dict(demo_caseload()[0])
    data["id"] = "19850709-9805"
    source = write(tmp_path, data)
    result = run("deadlines", str(source), "--explain", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "9805" not in result.stdout
    assert "19850709-**** programme_end: " in result.stdout


def plan_in(source: Path) -> Plan:
    return from_dict(json.loads(source.read_text(encoding="utf-8")))


def test_deadlines_with_weeks_needs_a_date(example_file: Path) -> None:
    assert run("deadlines", str(example_file), "--weeks", "4").returncode == 2


@pytest.mark.parametrize("weeks", ["-1", "many"])
def test_deadlines_refuses_bad_weeks(example_file: Path, weeks: str) -> None:
    result = run("deadlines", str(example_file), "--weeks", weeks, "--as-of", "2025-05-01")
    assert result.returncode == 2
    assert "weeks" in result.stderr


def test_rules_lists_the_catalogue_with_codes_severities_and_bases() -> None:
    text = run("rules").stdout
    for item in DEFAULT_RULES:
        assert item.code in text
        assert item.basis in text
    listed = json.loads(run("rules", "--format", "json").stdout)
    assert [entry["code"] for entry in listed] == list(DEFAULT_RULES.codes)


def test_parameters_lists_histories_and_values_on_a_date() -> None:
    histories = run("parameters", "--lang", "en").stdout
    assert "65 from 2018-01-01; 66 from 2023-01-01; 67 from 2026-01-01" in histories
    values = run("parameters", "--on", "2023-06-01", "--lang", "en").stdout
    assert "Parameters in force on 2023-06-01" in values
    assert any(line.split()[:2] == ["programme_upper_age", "66"] for line in values.splitlines())
    assert run("parameters", "--on", "yesterday").returncode == 2


def test_parameters_show_a_date_value_in_iso_form() -> None:
    histories = run("parameters", "--lang", "en").stdout
    (line,) = [line for line in histories.splitlines() if "programme_in_force_from" in line]
    assert "2018-01-01 from 2018-01-01" in line
    values = run("parameters", "--on", "2023-06-01").stdout
    assert any(
        line.split()[:3] == ["programme_in_force_from", "2018-01-01", "date"]
        for line in values.splitlines()
    )


def test_an_unknown_command_is_a_usage_error() -> None:
    result = run_process("frobnicate")
    assert result.returncode == 2
    assert "usage" in result.stderr


def test_schema_prints_the_json_schema_of_a_plan() -> None:
    result = run("schema")
    assert result.returncode == 0, result.stderr
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert "activities" in schema["properties"]


def test_the_swedish_demo_has_swedish_headings_labels_and_a_synthetic_caseload() -> None:
    output = render_demo(locale="sv")
    for heading in ("Viktiga datum", "Aktiviteter", "Delmål", "Anmärkningar den 2026-03-02"):
        assert heading in output
    assert "arbetspraktik" in output
    assert "work_experience" not in output
    assert "en syntetisk ärendelista med 2000 planer" in output
    assert "Utfall 90 dagar efter avslut, avslut 2024, per kön" in output


def test_the_demo_text_refuses_an_unknown_locale() -> None:
    with pytest.raises(ValueError, match="locale"):
        render_demo(locale="de")


def test_the_english_demo_summarises_a_synthetic_caseload_beyond_the_examples(
    demo_text: str,
) -> None:
    output = demo_text
    assert "a synthetic caseload of 2000 plans (handlingsplan.synthetic, seed 2026)" in output
    assert "Outcomes 90 days after exit, exits in 2024, by gender" in output


def test_rules_and_parameters_speak_swedish_by_default() -> None:
    rules = run("rules").stdout
    assert rules.splitlines()[0].split()[:3] == ["kod", "allvarlighet", "rubrik"]
    assert "Uppföljning gjord för tidigt" in rules
    assert "alla" in rules
    english = run("rules", "--lang", "en").stdout
    assert "Follow-up made too early" in english
    parameters = run("parameters").stdout
    assert "65 från 2018-01-01" in parameters
    assert "Parametrar i kraft den 2023-06-01" in run("parameters", "--on", "2023-06-01").stdout


def test_deadlines_text_headings_follow_the_language() -> None:
    plan = json.dumps(to_dict(demo_caseload()[0]))
    swedish = run("deadlines", "-", input=plan).stdout
    assert swedish.splitlines()[0].split()[:3] == ["plan", "förfaller", "senast"]
