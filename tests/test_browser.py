"""Every view, rendered as a page of its own in headless Chromium, draws something.

Chromium is Debian's ``chromium`` package (``.ci/run`` installs it). Where it is missing
the tests skip, unless ``HANDLINGSPLAN_REQUIRE_CHROMIUM=1`` (CI sets it): then a missing
browser fails them. ``HANDLINGSPLAN_SCREENSHOTS=<folder>`` keeps the pictures there
(the docs show the ones in ``docs/_static/views``).
"""

from __future__ import annotations

import datetime as _dt
import os
import shutil
import struct
import subprocess
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from handlingsplan import (
    DEFAULT_RULES,
    caseload_summary,
    compare_rules,
    evaluate,
    evaluate_many,
    outcome_rates,
)
from handlingsplan._demo import DEMO_AS_OF, demo_caseload
from handlingsplan._views import page

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = os.environ.get("HANDLINGSPLAN_REQUIRE_CHROMIUM") == "1"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def _youth_plan_view(locale: str) -> str:
    plans = demo_caseload()
    marked = [
        (sum(f.subject is not None for f in report.errors + report.warnings), -index)
        for index, report in enumerate(evaluate(p, as_of=DEMO_AS_OF) for p in plans)
    ]
    plan = plans[-max(marked)[1]]
    return plan.timeline(as_of=DEMO_AS_OF).to_html(locale=locale)


def _report_view(locale: str) -> str:
    plans = demo_caseload()
    plan = max(plans, key=lambda p: len(evaluate(p, as_of=DEMO_AS_OF).findings))
    return evaluate(plan, as_of=DEMO_AS_OF).to_html(locale=locale)


def _caseload_view(locale: str) -> str:
    reports = evaluate_many(demo_caseload(), as_of=DEMO_AS_OF)
    return caseload_summary(reports, weeks=8).to_html(locale=locale)


def _comparison_view(locale: str) -> str:
    candidate = DEFAULT_RULES.without("FOLLOWUP-DUE", "FOLLOWUP-EARLY")
    return compare_rules(demo_caseload(), as_of=DEMO_AS_OF, candidate=candidate).to_html(
        locale=locale
    )


def _outcomes_view(locale: str) -> str:
    rates = outcome_rates(
        demo_caseload(),
        exited_from=_dt.date(2025, 1, 1),
        exited_to=_dt.date(2025, 12, 31),
        by="gender",
    )
    return rates.to_html(locale=locale)


VIEWS: dict[str, Callable[[str], str]] = {
    "timeline": _youth_plan_view,
    "report": _report_view,
    "caseload": _caseload_view,
    "comparison": _comparison_view,
    "outcomes": _outcomes_view,
}


def pixels(png: bytes) -> list[bytes]:
    """The pixels of an 8-bit RGB or RGBA, non-interlaced PNG, each as bytes."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    position, data, header = 8, b"", b""
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        body = png[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            data += body
        position += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert (depth, colour, interlace) in ((8, 2, 0), (8, 6, 0))
    size = 3 if colour == 2 else 4
    raw = zlib.decompress(data)
    stride = width * size
    previous = bytearray(stride)
    found: list[bytes] = []
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up, corner = previous[i], previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                guess = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + guess) & 0xFF
        found.extend(bytes(line[i : i + 3]) for i in range(0, stride, size))
        previous = line
    return found


def screenshot(markup: str, folder: Path, name: str) -> bytes:
    """``markup`` as a page, rendered by Chromium to a PNG; its bytes."""
    if CHROMIUM is None:
        if REQUIRED:
            pytest.fail("HANDLINGSPLAN_REQUIRE_CHROMIUM=1 but no chromium on PATH")
        pytest.skip("Chromium is not installed")
    source = folder / f"{name}.html"
    source.write_text(page(markup, title=name, locale="sv"), encoding="utf-8")
    target = folder / f"{name}.png"
    profile = folder / f"{name}-profile"
    subprocess.run(
        [
            CHROMIUM,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--screenshot={target}",
            "--window-size=1000,700",
            source.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    keep = os.environ.get("HANDLINGSPLAN_SCREENSHOTS")
    if keep:
        shutil.copyfile(target, Path(keep) / f"{name}.png")
    return target.read_bytes()


@pytest.mark.parametrize("locale", ["sv", "en"])
@pytest.mark.parametrize("name", list(VIEWS))
def test_each_view_draws_something_in_a_real_browser(
    name: str, locale: str, tmp_path: Path
) -> None:
    shown = pixels(screenshot(VIEWS[name](locale), tmp_path, f"{name}-{locale}"))
    white = shown.count(b"\xff\xff\xff")
    assert len(set(shown)) >= 8, "too few colours: a blank page?"
    assert len(shown) - white >= len(shown) // 200, "almost all white"


def test_a_blank_page_is_told_apart(tmp_path: Path) -> None:
    shown = pixels(screenshot("", tmp_path, "blank"))
    assert set(shown) == {b"\xff\xff\xff"}
