"""Tests for the HTML views of caseload summaries, rule comparisons and outcome rates."""

from __future__ import annotations

import datetime as _dt
import pickle
import xml.etree.ElementTree as ET

import pytest

from handlingsplan import (
    DEFAULT_RULES,
    CaseloadSummary,
    caseload_summary,
    compare_rules,
    evaluate_many,
    outcome_rates,
)
from handlingsplan._demo import DEMO_AS_OF, demo_caseload
from handlingsplan._views import finding_title, page
from handlingsplan.caseload import RuleComparison
from handlingsplan.outcomes import OutcomeRates

SVG = "{http://www.w3.org/2000/svg}"
FROM, TO = _dt.date(2025, 1, 1), _dt.date(2025, 12, 31)


def summary() -> CaseloadSummary:
    return caseload_summary(evaluate_many(demo_caseload(), as_of=DEMO_AS_OF), weeks=8)


def cells(table: ET.Element | None) -> list[list[str]]:
    assert table is not None
    return [["".join(td.itertext()) for td in tr.findall("td")] for tr in table.iter("tr")]


def test_a_caseload_summary_shows_counts_codes_and_dates_due() -> None:
    shown = summary()
    block = ET.fromstring(shown.to_html(locale="en"))
    counts, per_code, upcoming = block.findall("table")
    assert cells(counts)[1] == [str(shown.plans), str(shown.with_errors), str(shown.with_warnings)]
    assert cells(per_code)[1:] == [[code, str(n)] for code, n in shown.findings_per_code]
    assert upcoming.findtext("caption") == "Dates within 8 weeks"
    assert len(cells(upcoming)) == 1 + len(shown.upcoming)
    assert shown._repr_html_() == shown.to_html(locale="sv")
    assert "Ärendelista" in shown._repr_html_()


def test_an_empty_caseload_summary_says_none() -> None:
    empty = caseload_summary([])
    block = ET.fromstring(empty.to_html(locale="en"))
    assert [cells(table)[-1] for table in block.findall("table")][1:] == [
        ["No findings."],
        ["None."],
    ]


def test_a_caseload_summary_has_a_short_useful_repr() -> None:
    shown = summary()
    text = repr(shown)
    assert len(text) < 200
    assert text.startswith(f"<CaseloadSummary {shown.plans} plans, {shown.with_errors} with errors")
    assert text.endswith(f"{len(shown.upcoming)} dates within 8 weeks>")
    assert len(shown.findings_per_code) > 5
    assert ", …}" in text


def test_a_rule_comparison_is_a_tuple_shown_as_a_table() -> None:
    plans = demo_caseload()
    codes = summary().findings_per_code[0][0], summary().findings_per_code[1][0]
    result = compare_rules(plans, as_of=DEMO_AS_OF, candidate=DEFAULT_RULES.without(*codes))
    assert isinstance(result, RuleComparison)
    assert isinstance(result, tuple)
    block = ET.fromstring(result.to_html(locale="en"))
    (table,) = block.findall("table")
    rows = cells(table)[1:]
    assert [row[0] for row in rows] == [impact.code for impact in result]
    assert rows[0][3] == str(result[0].plans_losing)
    assert result._repr_html_() == result.to_html(locale="sv")
    assert pickle.loads(pickle.dumps(result)) == result
    nothing = compare_rules(plans, as_of=DEMO_AS_OF)
    assert cells(ET.fromstring(nothing.to_html(locale="sv")).find("table"))[-1] == [
        "Inga ändringar."
    ]


def test_outcome_rates_by_gender_show_a_table_and_a_bar_chart_against_the_target() -> None:
    rates = outcome_rates(demo_caseload(), exited_from=FROM, exited_to=TO, by="gender")
    assert isinstance(rates, OutcomeRates)
    assert rates.by == "gender"
    block = ET.fromstring(rates.to_html(locale="en"))
    rows = cells(block.find("table"))[1:]
    assert [row[0] for row in rows] == ["woman", "man", "other", "not recorded"]
    (chart,) = block.iter(f"{SVG}svg")
    bars = [bar for bar in chart.iter(f"{SVG}rect") if bar.get("class") == "bar"]
    assert [bar.get("data-group") for bar in bars] == [r.group for r in rates if r.exited]
    (target,) = [g for g in chart.iter(f"{SVG}g") if g.get("class") == "target"]
    assert target.get("data-target") == "0.55"
    assert "target 55 %" in "".join(target.itertext())
    swedish = ET.fromstring(rates._repr_html_())
    assert cells(swedish.find("table"))[1][0] == "kvinna"


def test_outcome_rates_without_gender_have_no_chart_and_keep_their_grouping() -> None:
    rates = outcome_rates(demo_caseload(), exited_from=FROM, exited_to=TO, by="exit_reason")
    block = ET.fromstring(rates.to_html(locale="sv"))
    assert not list(block.iter(f"{SVG}svg"))
    assert cells(block.find("table"))[1][0] == "arbete"
    assert pickle.loads(pickle.dumps(rates)).by == "exit_reason"
    everyone = outcome_rates(demo_caseload(), exited_from=FROM, exited_to=TO)
    assert cells(ET.fromstring(everyone.to_html(locale="en")).find("table"))[1][0] == "all"


def test_an_outcome_chart_of_no_exits_still_draws_the_target() -> None:
    rates = outcome_rates([], exited_from=FROM, exited_to=TO, by="gender")
    block = ET.fromstring(rates.to_html(locale="en"))
    assert cells(block.find("table"))[1][5] == "–"
    assert cells(block.find("table"))[1][7] == "–"


@pytest.mark.parametrize("locale", ["de", "", None])
def test_every_view_refuses_another_locale(locale: object) -> None:
    rates = outcome_rates([], exited_from=FROM, exited_to=TO, by="gender")
    for shown in (summary(), compare_rules([], as_of=DEMO_AS_OF), rates):
        with pytest.raises(ValueError, match="locale must be one of"):
            shown.to_html(locale=locale)  # type: ignore[arg-type]  # the wrong type on purpose


def test_a_finding_title_comes_through_one_helper() -> None:
    reports = evaluate_many(demo_caseload(), as_of=DEMO_AS_OF)
    finding = next(found for report in reports for found in report.findings)
    assert finding_title(finding, "sv") == finding.titles["sv"]
    assert finding_title(finding, "en") == finding.titles["en"] == finding.title


def test_a_page_is_a_whole_document_in_its_language() -> None:
    document = page("<p>x</p>", title="T <1>", locale="en")
    assert document.startswith('<!DOCTYPE html><html lang="en">')
    assert "<title>T &lt;1&gt;</title>" in document
