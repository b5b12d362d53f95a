"""The benchmark script runs in its quick mode and prints a ratio line for every figure.

Nothing here looks at the numbers: timings belong to the benchmark, not to the tests.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"

FIGURES = (
    "from_dict",
    "to_dict",
    "evaluate",
    "evaluate_many x10 plans",
    "evaluate_many x100 plans",
    "evaluate x10 activities",
    "evaluate x100 activities",
    "evaluate x10 interruptions",
    "evaluate x100 interruptions",
    "memory from_dict",
    "memory evaluate_many",
)

_ROW = re.compile(
    r"^(?P<name>[a-z_]+(?: [a-z0-9_]+)*) *"
    r"\| +(?P<ours>[0-9.]+) (?:us|KiB)/\S.*?"
    r"\| +(?P<peer>[0-9.]+) (?:us|KiB)/\S.*?"
    r"\| +(?P<ratio>[0-9.]+|inf) +"
    r"\| <= (?P<goal>[0-9.]+) +"
    r"\| (?P<result>met|missed)$"
)


@pytest.fixture(scope="module")
def output() -> str:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _rows(text: str) -> dict[str, re.Match[str]]:
    rows: dict[str, re.Match[str]] = {}
    for line in text.splitlines():
        match = _ROW.match(line)
        if match is not None:
            assert match["name"] not in rows, f"{match['name']} printed twice"
            rows[match["name"]] = match
    return rows


def test_prints_a_ratio_line_for_every_figure(output: str) -> None:
    rows = _rows(output)
    assert tuple(rows) == FIGURES, output


@pytest.mark.parametrize("figure", FIGURES)
def test_each_line_is_a_ratio_against_a_peer(output: str, figure: str) -> None:
    row = _rows(output)[figure]
    ratio = float(row["ratio"])
    assert ratio >= 0
    assert float(row["goal"]) > 0
    # The ratio is the two printed values divided (to their printed precision).
    ours, peer = float(row["ours"]), float(row["peer"])
    if peer > 0 and ours > 0:
        assert ratio == pytest.approx(ours / peer, rel=0.05, abs=0.01)
    assert (row["result"] == "met") == (ratio <= float(row["goal"]))


def test_ends_with_a_summary(output: str) -> None:
    assert re.search(rf"^\d+ of {len(FIGURES)} goals met", output, re.MULTILINE), output


def test_a_quick_run_says_it_did_not_time_the_suite(output: str) -> None:
    """The suite's two minutes are a goal too; a quick run, run by this very suite, says
    it leaves that figure out rather than passing over it in silence."""
    assert "test suite: not timed here" in output
