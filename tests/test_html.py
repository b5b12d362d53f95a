"""Tests for :mod:`handlingsplan._views`: the notebook timeline and its HTML block.

Every rendering is parsed as XML, so the tests check structure, not pixels: one bar
per activity, one band per interruption, one mark per milestone, key dates as
labelled lines, and escaping of whatever text a plan holds.
"""

from __future__ import annotations

import datetime as _dt
import xml.etree.ElementTree as ET
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlingsplan import (
    DEFAULT_PARAMETERS,
    MAX_DATE,
    Absence,
    AbsenceReason,
    Activity,
    ActivityKind,
    ActivityStatus,
    Area,
    Exit,
    ExitReason,
    FollowUp,
    IdentityNumber,
    Interruption,
    InterruptionReason,
    Milestone,
    MilestoneKind,
    OutcomeStatus,
    Participant,
    ParticipationChange,
    ParticipationReason,
    Plan,
    Programme,
    _views,
)
from handlingsplan._demo import DEMO_AS_OF, demo_caseload
from handlingsplan._privacy import redact
from handlingsplan._views import SVG_NAMESPACE, Timeline
from handlingsplan._views._axis import _view
from handlingsplan.strategies import dates, plans

NS = f"{{{SVG_NAMESPACE}}}"
HOSTILE = '<script>alert("x")</script> & "quotes" \'single\''
D = _dt.date


# -- helpers ------------------------------------------------------------------------


def a_plan(**changes: Any) -> Plan:
    fields: dict[str, Any] = {
        "id": "plan-1",
        "referred_on": D(2025, 1, 13),
        "participant": Participant(
            id="deltagare-1", birth_date=D(1990, 5, 17), first_registered_on=D(2024, 11, 4)
        ),
    }
    fields.update(changes)
    return Plan(**fields)


def an_activity(activity_id: str, start: _dt.date, end: _dt.date, **changes: Any) -> Activity:
    fields: dict[str, Any] = {
        "id": activity_id,
        "kind": ActivityKind.SFI,
        "start": start,
        "end": end,
        "hours_per_week": 15,
    }
    fields.update(changes)
    return Activity(**fields)


def plan_timeline_svg(plan: Plan, **options: Any) -> str:
    """The English timeline: most tests here read its words."""
    options.setdefault("locale", "en")
    return _views.plan_timeline_svg(plan, **options)


def plan_html(plan: Plan, **options: Any) -> str:
    """The English HTML block."""
    options.setdefault("locale", "en")
    return _views.plan_html(plan, **options)


def svg(plan: Plan, **options: Any) -> ET.Element:
    root = ET.fromstring(plan_timeline_svg(plan, **options))
    assert root.tag == f"{NS}svg"
    return root


def of_class(root: ET.Element, name: str) -> list[ET.Element]:
    return [element for element in root.iter() if name in element.get("class", "").split()]


def key_date_kinds(root: ET.Element) -> list[str]:
    return [element.get("data-kind", "") for element in of_class(root, "key-date")]


def texts(root: ET.Element) -> list[str]:
    return ["".join(element.itertext()) for element in root.iter(f"{NS}text")]


def axis_texts(root: ET.Element) -> list[str]:
    (axis,) = of_class(root, "axis")
    return ["".join(element.itertext()) for element in axis.iter(f"{NS}text")]


def notes(root: ET.Element) -> list[str]:
    return ["".join(element.itertext()) for element in of_class(root, "note")]


def spanning(start: _dt.date, end: _dt.date) -> Plan:
    """A plan whose only activity runs from ``start`` to ``end``."""
    return a_plan(
        referred_on=start,
        programme=Programme.MUNICIPAL,
        activities=(an_activity("a", start, end),),
    )


# -- the SVG ------------------------------------------------------------------------


def test_timeline_is_an_svg_document_in_the_svg_namespace() -> None:
    root = svg(demo_caseload()[0])
    assert root.get("viewBox", "").startswith("0 0 960 ")
    assert root.find(f"{NS}title") is not None


def test_each_activity_has_exactly_one_bar_carrying_its_id() -> None:
    for plan in demo_caseload()[:6]:
        bars = of_class(svg(plan, as_of=DEMO_AS_OF), "activity")
        assert [bar.tag for bar in bars] == [f"{NS}rect"] * len(plan.activities)
        assert [bar.get("data-id") for bar in bars] == [a.id for a in plan.activities]


def test_bars_of_the_four_areas_have_four_colours_and_a_legend() -> None:
    start = D(2025, 2, 3)
    plan = a_plan(
        activities=tuple(an_activity(area.value, start, D(2025, 6, 13), area=area) for area in Area)
    )
    root = svg(plan)
    bars = of_class(root, "activity")
    assert [bar.get("data-area") for bar in bars] == [area.value for area in Area]
    assert len({bar.get("fill") for bar in bars}) == 4
    (legend,) = of_class(root, "legend")
    legend_text = list(legend.itertext())
    for name in ("labour market", "housing", "health", "participation", "cancelled"):
        assert name in legend_text


def test_a_cancelled_activity_is_faded_and_hatched() -> None:
    plan = a_plan(
        activities=(
            an_activity("kept", D(2025, 2, 3), D(2025, 6, 13), status=ActivityStatus.ACTIVE),
            an_activity("dropped", D(2025, 2, 3), D(2025, 6, 13), status="cancelled"),
        )
    )
    root = svg(plan)
    kept, dropped = of_class(root, "activity")
    assert dropped.get("data-status") == "cancelled"
    assert float(dropped.get("fill-opacity", "")) < float(kept.get("fill-opacity", ""))
    (hatch,) = of_class(root, "hatch")
    assert hatch.get("fill") == "url(#handlingsplan-hatch)"
    assert hatch.get("x") == dropped.get("x")
    assert root.find(f".//{NS}pattern[@id='handlingsplan-hatch']") is not None


def test_an_activity_on_hold_has_a_dashed_outline() -> None:
    plan = a_plan(
        activities=(
            an_activity("held", D(2025, 2, 3), D(2025, 6, 13), status="on_hold"),
            an_activity("running", D(2025, 2, 3), D(2025, 6, 13), status="active"),
        )
    )
    held, running = of_class(svg(plan), "activity")
    assert held.get("stroke-dasharray")
    assert running.get("stroke-dasharray") is None


def test_bars_are_placed_in_date_order_and_rows_in_plan_order() -> None:
    plan = a_plan(
        activities=(
            an_activity("later", D(2025, 9, 1), D(2025, 12, 19)),
            an_activity("earlier", D(2025, 2, 3), D(2025, 6, 13)),
        )
    )
    later, earlier = of_class(svg(plan), "activity")
    assert float(earlier.get("x", "")) < float(later.get("x", ""))
    assert float(later.get("y", "")) < float(earlier.get("y", ""))


def test_each_interruption_is_one_shaded_band() -> None:
    plan = a_plan(
        activities=(an_activity("sfi-1", D(2025, 2, 3), D(2025, 12, 19)),),
        interruptions=(
            Interruption(
                start=D(2025, 4, 1), end=D(2025, 4, 30), reason=InterruptionReason.SICKNESS
            ),
            Interruption(
                start=D(2025, 8, 1), end=D(2025, 8, 1), reason=InterruptionReason.PARENTAL_BENEFIT
            ),
        ),
    )
    bands = of_class(svg(plan), "interruption")
    assert [band.get("data-reason") for band in bands] == ["sickness", "parental_benefit"]
    assert all(float(band.get("width", "")) >= 2 for band in bands)


def test_participation_levels_are_a_labelled_band_over_the_spans_they_run() -> None:
    plan = a_plan(
        referred_on=D(2026, 2, 2),
        participation_changes=(
            ParticipationChange(D(2027, 2, 2), 50, ParticipationReason.PARENTAL_BENEFIT),
        ),
    )
    root = svg(plan)
    (band,) = of_class(root, "levels")
    full, half = of_class(band, "level")
    assert [full.get("data-percent"), half.get("data-percent")] == ["100", "50"]
    assert list(texts(band)) == ["participation", "100 %", "50 %"]
    # the first runs from the start to the change, the second on from the change
    assert float(full.get("x", "")) + float(full.get("width", "")) == float(half.get("x", ""))
    assert float(full.get("fill-opacity", "")) > float(half.get("fill-opacity", ""))
    titles = ["".join(rect.find(f"{NS}title").itertext()) for rect in (full, half)]  # type: ignore[union-attr]
    assert titles == [
        "participation 100 % from 2026-02-02 to 2027-02-01",
        "participation 50 % from 2027-02-02 on (parental benefit)",
    ]


def test_a_level_too_narrow_for_its_label_keeps_it_in_its_title() -> None:
    plan = a_plan(
        referred_on=D(2026, 2, 2),
        participation_changes=(
            ParticipationChange(D(2026, 2, 3), 75),
            ParticipationChange(D(2026, 2, 4), 100),
        ),
    )
    (band,) = of_class(svg(plan), "levels")
    assert len(of_class(band, "level")) == 3
    assert texts(band) == ["participation", "100 %"]


def test_a_plan_without_changes_runs_at_one_level() -> None:
    (band,) = of_class(svg(a_plan(participation_percent=62.5)), "levels")
    (level,) = of_class(band, "level")
    assert level.get("data-percent") == "62.5"
    assert "62.5 %" in texts(band)


def test_absences_are_outlined_bands_apart_from_interruptions() -> None:
    plan = a_plan(
        activities=(an_activity("sfi-1", D(2025, 2, 3), D(2025, 12, 19)),),
        interruptions=(
            Interruption(
                start=D(2025, 4, 1), end=D(2025, 4, 30), reason=InterruptionReason.SICKNESS
            ),
        ),
        absences=(
            Absence(D(2025, 6, 2), D(2025, 7, 31), AbsenceReason.SICKNESS),
            Absence(D(2025, 9, 1), D(2025, 9, 1), AbsenceReason.FAMILY_REASONS, 50),
        ),
    )
    root = svg(plan)
    (interruption,) = of_class(root, "interruption")
    sick, family = of_class(root, "absence")
    assert [(a.get("data-reason"), a.get("data-percent")) for a in (sick, family)] == [
        ("sickness", "100"),
        ("family_reasons", "50"),
    ]
    assert sick.get("stroke-dasharray")
    assert interruption.get("stroke-dasharray") is None
    assert sick.get("fill") != interruption.get("fill")
    assert float(family.get("width", "")) >= 2
    assert "".join(sick.find(f"{NS}title").itertext()) == (  # type: ignore[union-attr]
        "absence (sickness, 100 %) 2025-06-02 – 2025-07-31"
    )
    (legend,) = of_class(root, "legend")
    assert "absence" in list(legend.itertext())


def test_absences_and_changes_widen_the_view() -> None:
    plan = a_plan(
        programme=Programme.MUNICIPAL,
        participation_changes=(ParticipationChange(D(2029, 6, 1), 50),),
        absences=(Absence(D(2030, 6, 1), D(2030, 6, 30), AbsenceReason.OTHER),),
    )
    assert "2030" in axis_texts(svg(plan))


def test_milestones_are_marks_filled_only_when_achieved() -> None:
    plan = a_plan(
        milestones=(
            Milestone(id="open", kind=MilestoneKind.LANGUAGE, title="SFI C", due=D(2025, 9, 30)),
            Milestone(
                id="on-time",
                kind=MilestoneKind.EMPLOYMENT,
                title="Job",
                due=D(2025, 10, 31),
                achieved_on=D(2025, 10, 31),
            ),
            Milestone(
                id="early",
                kind=MilestoneKind.STUDIES,
                title="Studies",
                due=D(2025, 12, 19),
                achieved_on=D(2025, 11, 14),
            ),
        )
    )
    root = svg(plan)
    marks = of_class(root, "milestone")
    assert [mark.get("data-id") for mark in marks] == ["open", "on-time", "early"]
    assert [mark.get("data-achieved") for mark in marks] == ["false", "true", "true"]
    assert marks[0].get("fill") != marks[1].get("fill") == marks[2].get("fill")
    # an achievement on another day than the due date is marked where it happened
    achieved = [element for element in of_class(root, "milestone-achieved") if element.get("cx")]
    assert len(achieved) == 1
    assert float(achieved[0].get("cx", "")) < float(marks[2].get("points", "").split(",")[0])


def test_the_programme_end_is_a_labelled_key_date_line() -> None:
    root = svg(demo_caseload()[0], as_of=DEMO_AS_OF)
    (end,) = (g for g in of_class(root, "key-date") if g.get("data-kind") == "programme_end")
    assert end.get("data-date") == "2027-02-03"
    assert end.find(f"{NS}line") is not None
    assert "programme end 2027-02-03" in "".join(end.find(f"{NS}text").itertext())  # type: ignore[union-attr]


def test_an_exited_plan_shows_the_follow_up_and_its_events() -> None:
    root = svg(demo_caseload()[3])
    assert sorted(key_date_kinds(root)) == ["follow_up", "programme_end", "registration_window_end"]
    events = {element.get("data-kind") for element in of_class(root, "event")}
    assert events == {"referral", "exit", "followed_up"}


def test_a_minors_18th_birthday_in_view_is_a_key_date() -> None:
    young = demo_caseload()[1]
    assert "age_18" in key_date_kinds(svg(young))


def test_a_municipal_plan_has_no_programme_end() -> None:
    root = svg(demo_caseload()[1])
    assert "programme_end" not in key_date_kinds(root)
    assert "upper_age" not in key_date_kinds(root)


def test_a_far_upper_age_is_a_note_rather_than_a_stretched_axis() -> None:
    root = svg(demo_caseload()[0])
    assert "upper_age" not in key_date_kinds(root)
    assert "upper age: 2057-05-17 (outside the view)" in notes(root)
    assert "2057" not in axis_texts(root)


def test_a_near_upper_age_widens_the_view() -> None:
    root = svg(demo_caseload()[5])  # born 1960, upper age 67 in November 2027
    assert "upper_age" in key_date_kinds(root)
    assert "registration_window_end" in key_date_kinds(root)
    assert notes(root) == []


def test_a_far_18th_birthday_is_a_note() -> None:
    child = Participant(id="barn", birth_date=D(2015, 3, 1))
    plan = a_plan(
        participant=child,
        programme=Programme.MUNICIPAL,
        activities=(an_activity("a", D(2025, 2, 3), D(2025, 6, 13)),),
    )
    root = svg(plan)
    assert key_date_kinds(root) == []
    assert notes(root) == ["turns 18: 2033-03-01 (outside the view)"]


def test_the_as_of_line_is_drawn_only_when_as_of_is_given() -> None:
    plan = demo_caseload()[0]
    assert of_class(svg(plan), "as-of") == []
    (line,) = of_class(svg(plan, as_of=DEMO_AS_OF), "as-of")
    assert line.get("data-date") == "2026-03-02"
    assert "as of 2026-03-02" in "".join(line.itertext())


def test_an_as_of_far_from_the_plan_is_a_note() -> None:
    root = svg(demo_caseload()[0], as_of=D(2040, 1, 1))
    assert of_class(root, "as-of") == []
    assert "as of: 2040-01-01 (outside the view)" in notes(root)


def test_an_as_of_near_the_plan_widens_the_view() -> None:
    plan = spanning(D(2025, 2, 3), D(2025, 6, 13))
    assert "2026" not in axis_texts(svg(plan))
    root = svg(plan, as_of=D(2026, 3, 2))
    assert len(of_class(root, "as-of")) == 1
    assert "2026" in axis_texts(root)


def test_labels_on_the_same_day_do_not_overlap() -> None:
    root = svg(demo_caseload()[3])  # followed up on the day the follow-up was due
    due = next(g for g in of_class(root, "key-date") if g.get("data-kind") == "follow_up")
    made = next(g for g in of_class(root, "event") if g.get("data-kind") == "followed_up")
    assert due.get("data-date") == made.get("data-date")
    assert due.find(f"{NS}text").get("y") != made.find(f"{NS}text").get("y")  # type: ignore[union-attr]


def test_labels_near_the_right_edge_end_at_their_line() -> None:
    root = svg(demo_caseload()[0])
    (end,) = (
        g for g in of_class(root, "key-date") if g.get("data-kind") == "registration_window_end"
    )
    label = end.find(f"{NS}text")
    line = end.find(f"{NS}line")
    assert label is not None
    assert line is not None
    assert label.get("text-anchor") == "end"
    assert float(label.get("x", "")) < float(line.get("x1", ""))


# -- awkward plans ------------------------------------------------------------------


def test_a_plan_without_activities_is_drawn_with_a_placeholder() -> None:
    root = svg(a_plan(), as_of=D(2025, 3, 3))
    assert of_class(root, "activity") == []
    assert of_class(root, "milestone") == []
    assert ["".join(e.itertext()) for e in of_class(root, "empty")] == ["no activities"]
    assert sorted(key_date_kinds(root)) == ["programme_end", "registration_window_end"]


def test_a_one_day_activity_is_still_visible() -> None:
    plan = a_plan(
        activities=(
            an_activity("day", D(2025, 3, 3), D(2025, 3, 3)),
            an_activity("long", D(2025, 3, 3), D(2025, 12, 19)),
        )
    )
    day, long = of_class(svg(plan), "activity")
    assert 2 <= float(day.get("width", "")) < float(long.get("width", ""))


def test_a_plan_where_every_date_is_the_same_day_is_drawn() -> None:
    day = D(2025, 3, 3)
    plan = a_plan(
        referred_on=day,
        plan_made_on=day,
        programme=Programme.MUNICIPAL,
        activities=(an_activity("a", day, day), an_activity("b", day, day, kind="health")),
        milestones=(
            Milestone(id="m", kind=MilestoneKind.OTHER, title="t", due=day, achieved_on=day),
        ),
        interruptions=(Interruption(start=day, end=day, reason=InterruptionReason.OTHER),),
        exit=Exit(on=day, reason=ExitReason.OTHER),
        follow_up=FollowUp(on=day, status=OutcomeStatus.UNKNOWN),
    )
    root = svg(plan, as_of=day)
    assert len(of_class(root, "activity")) == 2
    assert len(of_class(root, "interruption")) == 1
    assert len(of_class(root, "milestone")) == 1
    assert "Mar" in axis_texts(root)
    assert len({g.find(f"{NS}text").get("y") for g in of_class(root, "event")}) == 3  # type: ignore[union-attr]


def test_a_one_year_view_labels_every_month() -> None:
    labels = axis_texts(svg(spanning(D(2025, 1, 1), D(2025, 12, 31))))
    assert labels == [
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
        "2025",
    ]


def test_a_five_year_view_labels_quarters_and_skips_a_sliver_of_a_year() -> None:
    labels = axis_texts(svg(spanning(D(2024, 12, 10), D(2029, 6, 30))))
    assert {label for label in labels if not label.isdigit()} == {"Jan", "Apr", "Jul", "Oct"}
    assert [label for label in labels if label.isdigit()] == [
        "2025",
        "2026",
        "2027",
        "2028",
        "2029",
    ]


def test_a_ten_year_view_has_month_ticks_without_month_labels() -> None:
    root = svg(spanning(D(2020, 1, 1), D(2029, 12, 31)))
    labels = axis_texts(root)
    assert labels == [str(year) for year in range(2020, 2030)]
    (axis,) = of_class(root, "axis")
    assert len(axis.findall(f"{NS}line")) == 1 + 120 + 10


def test_a_view_over_decades_labels_every_few_years_without_month_ticks() -> None:
    root = svg(spanning(D(1990, 6, 15), D(2020, 6, 14)))
    labels = axis_texts(root)
    years = [int(label) for label in labels]
    assert years == list(range(1992, 2021, 2))
    (axis,) = of_class(root, "axis")
    assert len(axis.findall(f"{NS}line")) == 1 + len(years)


def test_a_view_up_to_the_last_supported_day_is_drawn() -> None:
    root = svg(spanning(D(2190, 1, 1), MAX_DATE))
    (bar,) = of_class(root, "activity")
    assert float(bar.get("x", "")) + float(bar.get("width", "")) <= 936


def test_a_plan_whose_days_all_fall_in_the_last_supported_month_is_drawn() -> None:
    day = D(2199, 12, 15)
    plan = a_plan(
        referred_on=day,
        programme=Programme.MUNICIPAL,
        participant=Participant(id="d-1", birth_date=D(2150, 5, 17), needs_sfi=False),
        activities=(an_activity("a", day, MAX_DATE),),
    )
    root = svg(plan, as_of=D(2199, 12, 20))
    (bar,) = of_class(root, "activity")
    assert float(bar.get("x", "")) + float(bar.get("width", "")) <= 960
    assert axis_texts(root) == ["Dec", "2199"]
    ET.fromstring(plan_html(plan, as_of=day))


def test_a_view_of_days_in_the_last_month_a_date_can_hold_ends_the_month_before() -> None:
    # December 9999 has no next month to end the view on; the view once spanned no days
    # and the day width divided by zero. Plans stop at MAX_DATE, the view still guards.
    view = _view([D(9999, 12, 15)], [D(9999, 12, 20)])
    assert (D.fromordinal(view.first), D.fromordinal(view.last)) == (
        D(9999, 11, 1),
        D(9999, 12, 1),
    )
    assert view.days == 30
    assert not view.contains(D(9999, 12, 20))


def test_long_ids_are_shortened_in_labels_but_kept_whole_in_data() -> None:
    long_id = "insats-" + "x" * 60
    plan = a_plan(
        activities=(
            an_activity(long_id, D(2025, 2, 3), D(2025, 6, 13)),
            an_activity(
                "sfi-1", D(2025, 2, 3), D(2025, 6, 13), kind="shortage_occupation_training"
            ),
        )
    )
    root = svg(plan)
    long_row, short_row = of_class(root, "row")
    assert long_row.get("data-id") == long_id
    long_label = "".join(long_row.find(f".//{NS}text").itertext())  # type: ignore[union-attr]
    assert long_label.endswith("…")
    assert len(long_label) < 40
    short_label = "".join(short_row.find(f".//{NS}text").itertext())  # type: ignore[union-attr]
    # the kind's label, cut at a word: never mid-word
    assert short_label == "sfi-1 · shortage occupation…"


# -- escaping and privacy -----------------------------------------------------------


def hostile_plan() -> Plan:
    return a_plan(
        id=HOSTILE,
        participant=Participant(id=HOSTILE, birth_date=D(1990, 5, 17)),
        activities=(
            an_activity(HOSTILE, D(2025, 2, 3), D(2025, 6, 13), provider=HOSTILE),
            an_activity("ctl\x00\x08\x1b\ufffe", D(2025, 2, 3), D(2025, 6, 13)),
            an_activity("tab\tline\nreturn\r", D(2025, 2, 3), D(2025, 6, 13)),
        ),
        milestones=(
            Milestone(
                id=HOSTILE + "-m", kind=MilestoneKind.OTHER, title=HOSTILE, due=D(2025, 9, 1)
            ),
        ),
    )


def test_hostile_text_is_escaped_and_the_svg_still_parses() -> None:
    text = plan_timeline_svg(hostile_plan(), as_of=D(2025, 3, 3))
    assert "<script>" not in text
    root = ET.fromstring(text)
    first, second, third = of_class(root, "activity")
    assert first.get("data-id") == HOSTILE
    assert HOSTILE in "".join(first.itertext())  # the provider, in the tooltip
    (mark,) = of_class(root, "milestone")
    assert mark.get("data-id") == HOSTILE + "-m"
    assert HOSTILE in "".join(mark.itertext())
    assert HOSTILE in "".join(root.find(f"{NS}title").itertext())  # type: ignore[union-attr]
    # characters XML cannot hold become the replacement character
    assert second.get("data-id") == "ctl\ufffd\ufffd\ufffd\ufffd"
    # tabs and line breaks survive in attributes
    assert third.get("data-id") == "tab\tline\nreturn\r"
    assert not any(element.tag.endswith("script") for element in root.iter())


def test_hostile_text_is_escaped_in_the_html_block() -> None:
    text = plan_html(hostile_plan(), as_of=D(2025, 3, 3))
    assert "<script>" not in text
    root = ET.fromstring(text)
    assert root.tag == "div"
    assert "".join(root.find("h4").itertext()) == f"Plan {HOSTILE}"  # type: ignore[union-attr]
    assert f"participant {HOSTILE}" in "".join(root.find("p").itertext())  # type: ignore[union-attr]


def test_the_full_identity_number_never_appears() -> None:
    number = IdentityNumber("19850709-9805")
    plan = a_plan(participant=Participant(id="d", birth_date=D(1985, 7, 9), identity_number=number))
    for text in (plan_timeline_svg(plan, as_of=DEMO_AS_OF), plan_html(plan, as_of=DEMO_AS_OF)):
        assert number.full not in text
        assert number.digits not in text
        assert "9805" not in text


def test_the_demo_identity_numbers_never_appear() -> None:
    for plan in demo_caseload():
        number = plan.participant.identity_number
        text = plan_html(plan, as_of=DEMO_AS_OF)
        if number is not None:
            assert number.digits[8:] not in text


# -- determinism --------------------------------------------------------------------


def test_the_same_plan_gives_the_same_text() -> None:
    plan = demo_caseload()[0]
    rebuilt = attrs.evolve(plan, activities=tuple(attrs.evolve(a) for a in plan.activities))
    assert plan_timeline_svg(plan, as_of=DEMO_AS_OF) == plan_timeline_svg(rebuilt, as_of=DEMO_AS_OF)
    assert plan_html(plan) == plan_html(rebuilt)


def test_a_date_and_a_pendulum_date_give_the_same_text() -> None:
    plan = demo_caseload()[0]
    assert plan_timeline_svg(plan, as_of=D(2026, 3, 2)) == plan_timeline_svg(
        plan, as_of=pendulum.Date(2026, 3, 2)
    )


# -- the HTML block -----------------------------------------------------------------


def test_the_html_block_heads_the_timeline_with_the_plan() -> None:
    root = ET.fromstring(plan_html(demo_caseload()[0], as_of=DEMO_AS_OF))
    assert root.get("class") == "handlingsplan-plan"
    assert "".join(root.find("h4").itertext()) == "Plan plan-0001"  # type: ignore[union-attr]
    facts = "".join(root.find("p").itertext())  # type: ignore[union-attr]
    assert facts == "establishment programme · participant deltagare-17 · age 35 on 2026-03-02"
    assert root.find(f"{NS}svg") is not None


def test_the_html_block_shows_no_age_without_as_of_and_the_exit_when_there_is_one() -> None:
    root = ET.fromstring(plan_html(demo_caseload()[3]))
    facts = "".join(root.find("p").itertext())  # type: ignore[union-attr]
    assert facts == (
        "establishment programme · participant deltagare-42 · exited 2025-03-14 (employment)"
    )


def test_the_html_block_shows_no_age_before_the_birth() -> None:
    facts = ET.fromstring(plan_html(a_plan(), as_of=D(1990, 5, 16))).find("p")
    assert "age" not in "".join(facts.itertext())  # type: ignore[union-attr]


def test_the_age_of_someone_born_on_29_february_follows_the_parameters() -> None:
    plan = demo_caseload()[1]  # born 2008-02-29
    as_of = D(2026, 2, 28)
    assert "age 18 on 2026-02-28" in plan_html(plan, as_of=as_of)
    mar1 = DEFAULT_PARAMETERS.with_value("leap_day", "mar1", valid_from=D(2000, 1, 1))
    assert "age 17 on 2026-02-28" in plan_html(plan, as_of=as_of, parameters=mar1)


# -- bad arguments ------------------------------------------------------------------


@pytest.mark.parametrize("render", [plan_timeline_svg, plan_html])
def test_something_other_than_a_plan_is_refused(render: Any) -> None:
    with pytest.raises(TypeError, match="plan must be a Plan, not dict"):
        render({})


@pytest.mark.parametrize("render", [plan_timeline_svg, plan_html])
def test_a_datetime_as_of_is_refused_by_name(render: Any) -> None:
    with pytest.raises(TypeError, match="as_of must be a date, not a datetime"):
        render(a_plan(), as_of=_dt.datetime(2025, 3, 3, 9, 0))  # noqa: DTZ001


# -- Timeline -----------------------------------------------------------------------


def test_a_timeline_renders_as_the_functions_do() -> None:
    plan = demo_caseload()[0]
    timeline = Timeline(plan=plan, as_of=D(2026, 3, 2))
    assert type(timeline.as_of) is pendulum.Date
    assert timeline.to_svg(locale="en") == plan_timeline_svg(plan, as_of=DEMO_AS_OF)
    assert timeline.to_html(locale="en") == plan_html(plan, as_of=DEMO_AS_OF)
    assert timeline.to_svg() == _views.plan_timeline_svg(plan, as_of=DEMO_AS_OF, locale="sv")
    assert timeline._repr_html_() == timeline.to_html() == timeline.to_html(locale="sv")
    english = Timeline(plan=plan, as_of=DEMO_AS_OF, locale="en")
    assert english.to_html() == timeline.to_html(locale="en")


def test_a_timeline_is_a_frozen_hashable_value() -> None:
    plan = demo_caseload()[0]
    timeline = Timeline(plan=plan)
    assert timeline.as_of is None
    assert timeline == Timeline(plan=plan, as_of=None)
    assert timeline != Timeline(plan=plan, as_of=DEMO_AS_OF)
    assert hash(timeline) == hash(Timeline(plan=plan))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        timeline.as_of = pendulum.Date(2026, 3, 2)  # type: ignore[misc]


def test_a_timeline_uses_its_parameters() -> None:
    plan = demo_caseload()[1]
    mar1 = DEFAULT_PARAMETERS.with_value("leap_day", "mar1", valid_from=D(2000, 1, 1))
    timeline = Timeline(plan=plan, as_of=D(2026, 2, 28), parameters=mar1)
    assert "age 17" in timeline.to_html(locale="en")
    assert "ålder 17" in timeline.to_html()


def test_a_timeline_refuses_bad_arguments() -> None:
    with pytest.raises(TypeError):
        Timeline(plan="plan-1")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="as_of must be a date"):
        Timeline(plan=a_plan(), as_of=_dt.datetime(2025, 3, 3))  # noqa: DTZ001


# -- properties ---------------------------------------------------------------------


@given(plan=plans(), as_of=st.none() | dates(min_value=D(2017, 1, 1), max_value=D(2033, 12, 31)))
def test_every_plan_renders_well_formed_with_one_bar_per_activity(
    plan: Plan, as_of: _dt.date | None
) -> None:
    root = svg(plan, as_of=as_of)
    assert [bar.get("data-id") for bar in of_class(root, "activity")] == [
        bar_id(activity.id) for activity in plan.activities
    ]
    assert len(of_class(root, "interruption")) == len(plan.interruptions)
    assert len(of_class(root, "milestone")) == len(plan.milestones)
    assert len(of_class(root, "as-of")) + any("as of:" in n for n in notes(root)) == (
        as_of is not None
    )
    ET.fromstring(plan_html(plan, as_of=as_of))


def bar_id(value: str) -> str:
    """An id as it reads back from the SVG: XML-forbidden characters replaced, masked."""
    return redact(
        "".join(
            c
            if c in "\t\n\r"
            or "\x20" <= c <= "\ud7ff"
            or "\ue000" <= c <= "\ufffd"
            or c >= "\U00010000"
            else "\ufffd"
            for c in value
        )
    )


def test_a_plan_shows_its_timeline_in_notebooks() -> None:
    plan = demo_caseload()[0]
    assert plan._repr_html_() == plan_html(plan, locale="sv")
    assert plan.timeline(DEMO_AS_OF) == Timeline(plan=plan, as_of=DEMO_AS_OF)
    assert plan.timeline() == Timeline(plan=plan)
