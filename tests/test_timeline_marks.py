"""The timeline marks what a report finds, shows hours and levels, and reads in sv or en."""

from __future__ import annotations

import datetime as _dt
import xml.etree.ElementTree as ET

import attrs
import pytest

from handlingsplan import (
    Activity,
    ActivityKind,
    ActivityStatus,
    Milestone,
    MilestoneKind,
    Participant,
    Plan,
    Programme,
    evaluate,
)
from handlingsplan._views import plan_timeline_svg

D = _dt.date
NS = "{http://www.w3.org/2000/svg}"
AS_OF = D(2025, 3, 3)


def youth_plan() -> Plan:
    """Born 2007-06-10: a placement marked minors-only runs past the 18th birthday."""
    return Plan(
        id="plan-y",
        programme=Programme.MUNICIPAL,
        referred_on=D(2025, 1, 13),
        participant=Participant(id="d-y", birth_date=D(2007, 6, 10)),
        activities=(
            Activity(
                id="placering-1",
                kind=ActivityKind.PLACEMENT,
                start=D(2025, 1, 13),
                end=D(2025, 12, 31),
                hours_per_week=40,
                minors_only=True,
                status=ActivityStatus.ACTIVE,
            ),
            Activity(
                id="sfi-1",
                kind=ActivityKind.SFI,
                start=D(2025, 2, 3),
                end=D(2025, 6, 13),
                hours_per_week=15,
                status=ActivityStatus.ACTIVE,
            ),
        ),
        milestones=(
            Milestone(
                id="m-1",
                kind=MilestoneKind.OTHER,
                title="Bostad ordnad inför artonårsdagen med kontrakt och stödboende klart",
                due=D(2025, 5, 30),
                achieved_on=D(2025, 5, 20),
            ),
        ),
    )


def of_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [e for e in root.iter() if name in e.get("class", "").split()]


def test_an_error_about_an_activity_outlines_its_bar_in_red_with_a_flag() -> None:
    plan = youth_plan()
    report = evaluate(plan, as_of=AS_OF)
    assert "YOUTH-MINORS-ONLY" in report.codes()
    root = ET.fromstring(plan_timeline_svg(plan, report=report, locale="en"))
    (flagged,) = of_class(root, "flagged")
    assert flagged.get("data-id") == "placering-1"
    assert flagged.get("stroke") == "#C00000"
    (flag,) = [f for f in of_class(root, "flag") if f.find(f"{NS}title") is not None]
    assert "YOUTH-MINORS-ONLY: Activity placering-1 is for minors only" in "".join(flag.itertext())
    sfi = [bar for bar in of_class(root, "activity") if bar.get("data-id") == "sfi-1"]
    assert sfi[0].get("stroke") != "#C00000"


def test_as_of_alone_evaluates_with_the_default_rules() -> None:
    plan = youth_plan()
    by_day = plan_timeline_svg(plan, as_of=AS_OF, locale="en")
    assert by_day == plan_timeline_svg(
        plan, as_of=AS_OF, report=evaluate(plan, as_of=AS_OF), locale="en"
    )
    assert not of_class(ET.fromstring(plan_timeline_svg(plan, locale="en")), "flagged")
    assert plan.timeline(AS_OF, locale="en").to_svg() == by_day


def test_a_day_before_the_parameters_marks_nothing() -> None:
    root = ET.fromstring(plan_timeline_svg(youth_plan(), as_of=D(2000, 1, 1)))
    assert not of_class(root, "flagged")


def test_a_report_must_be_a_report() -> None:
    with pytest.raises(TypeError, match="report must be a Report, not str"):
        plan_timeline_svg(youth_plan(), report="x")  # type: ignore[arg-type]  # on purpose


def test_a_finding_about_a_milestone_flags_its_diamond() -> None:
    plan = youth_plan()
    report = evaluate(plan, as_of=AS_OF)
    moved = attrs.evolve(report, findings=(attrs.evolve(report.errors[0], subject="m-1"),))
    root = ET.fromstring(plan_timeline_svg(plan, report=moved, locale="en"))
    (flagged,) = of_class(root, "flagged")
    assert flagged.get("class") == "milestone flagged"


def test_each_activity_shows_its_hours_per_week() -> None:
    root = ET.fromstring(plan_timeline_svg(youth_plan(), locale="sv"))
    assert ["".join(t.itertext()) for t in of_class(root, "hours")] == ["40 tim/v", "15 tim/v"]
    english = ET.fromstring(plan_timeline_svg(youth_plan(), locale="en"))
    hours = of_class(english, "hours")
    assert "".join(hours[1].itertext()) == "15 h/week"
    # the placement runs to the end of the view: its hours stand before its bar
    assert hours[0].get("text-anchor") == "end"
    assert hours[1].get("text-anchor") == "start"


def test_a_long_milestone_title_ends_at_a_word_with_the_whole_title_in_its_tooltip() -> None:
    root = ET.fromstring(plan_timeline_svg(youth_plan(), locale="sv"))
    (row,) = [r for r in of_class(root, "row") if r.get("data-id") == "m-1"]
    (label,) = of_class(row, "label")
    shown = "".join(label.find(f"{NS}text").itertext())  # type: ignore[union-attr]
    assert shown.endswith("…")
    cut = shown.removeprefix("m-1 · ").removesuffix("…")
    assert "Bostad ordnad inför artonårsdagen med kontrakt och stödboende klart".startswith(cut)
    assert cut.split(" ")[-1] in {"Bostad", "ordnad", "inför", "artonårsdagen", "med"}
    title = label.findtext(f"{NS}title") or ""
    assert "kontrakt och stödboende klart" in title
    assert "uppnått 2025-05-20" in title


def test_an_achieved_milestone_is_a_green_diamond_with_a_tick() -> None:
    root = ET.fromstring(plan_timeline_svg(youth_plan(), locale="en"))
    (diamond,) = [m for m in of_class(root, "milestone") if m.get("data-id") == "m-1"]
    assert diamond.get("fill") == "#1B7837"
    assert of_class(root, "tick")


def test_the_chrome_is_swedish_by_default_and_english_on_request() -> None:
    swedish = plan_timeline_svg(youth_plan())
    english = plan_timeline_svg(youth_plan(), locale="en")
    assert "omfattning" in swedish
    assert "anvisning" in swedish
    assert "placering" in swedish
    assert "participation" in english
    assert "referral" in english
    with pytest.raises(ValueError, match="locale must be one of"):
        plan_timeline_svg(youth_plan(), locale="de")
