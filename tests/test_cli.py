"""The command line, run end to end as a user would."""

from __future__ import annotations

import subprocess
import sys

import pytest

from handlingsplan import deadlines, evaluate
from handlingsplan.__main__ import main
from handlingsplan._demo import DEMO_AS_OF, demo_caseload, render_demo, render_table


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "handlingsplan", *arguments],
        capture_output=True,
        text=True,
        check=False,
    )


def test_demo_prints_every_plan_with_age_key_dates_and_activities() -> None:
    result = run("demo")
    assert result.returncode == 0, result.stderr
    for plan in demo_caseload()[:6]:
        assert plan.id in result.stdout
        for activity in plan.activities:
            assert activity.id in result.stdout
    assert "age 35 on 2026-03-02" in result.stdout
    assert "last day of the establishment programme" in result.stdout
    assert "Findings on 2026-03-02" in result.stdout
    assert result.stdout.rstrip().endswith("0%         no")


def test_demo_ends_with_the_outcome_table_by_gender_against_the_target() -> None:
    table = render_demo().rstrip().splitlines()[-7:]
    assert table[0].startswith("Outcomes 90 days after exit, exits in 2025, by gender")
    assert "target 55%" in table[0]
    assert [line.split()[0] for line in table[4:]] == ["male", "other", "unrecorded"]
    assert table[3].split() == ["female", "5", "4", "3", "75%", "60%", "yes"]


def test_demo_never_prints_a_full_identity_number() -> None:
    output = render_demo()
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


def test_demo_shows_the_findings_evaluate_gives_for_the_detailed_plans() -> None:
    output = render_demo()
    for plan in demo_caseload()[:6]:
        for finding in evaluate(plan, as_of=DEMO_AS_OF).findings:
            assert finding.message("en") in output
        assert deadlines(plan)


def test_demo_is_the_same_on_every_run() -> None:
    assert render_demo() == render_demo()


def test_main_returns_zero_for_the_demo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    assert "plan-0001" in capsys.readouterr().out


def test_main_without_a_command_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2


def test_render_table_pads_columns_to_the_widest_cell() -> None:
    assert render_table([["a", "bbb"]], ["xx", "y"]) == "xx  y\n--  ---\na   bbb"
