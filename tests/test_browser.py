"""Every view, rendered as a page of its own in headless Chromium, draws something.

Chromium is Debian's ``chromium`` package (``.ci/run`` installs it). Where it is missing
the tests skip, unless ``HANDLINGSPLAN_REQUIRE_CHROMIUM=1`` (CI sets it): then a missing
browser fails them. ``HANDLINGSPLAN_SCREENSHOTS=<folder>`` keeps the pictures there
(the docs show the ones in ``docs/_static/views``).

One Chromium serves the whole module: each page is opened in its tab in turn and
captured through the DevTools protocol over a pipe, at the 1000 x 700 viewport that
``chromium --screenshot --window-size=1000,700`` gives, pixel for pixel. Starting a
browser per picture cost as much again as everything else here.
"""

from __future__ import annotations

import base64
import datetime as _dt
import fcntl
import json
import os
import selectors
import shutil
import struct
import subprocess
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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


def _add_bytes(a: int, b: int, stride: int) -> int:
    """Two rows of ``stride`` bytes, held as integers, added byte by byte modulo 256."""
    low = int.from_bytes(b"\x7f" * stride, "little")
    high = int.from_bytes(b"\x80" * stride, "little")
    return ((a & low) + (b & low)) ^ ((a ^ b) & high)


def _unfilter(kind: int, line: bytes, previous: bytes, size: int) -> bytes:
    """One row of a PNG with its filter undone; Sub and Up a whole row at a time."""
    stride = len(line)
    if kind == 2:  # Up: add the row above
        value = int.from_bytes(line, "little")
        value = _add_bytes(value, int.from_bytes(previous, "little"), stride)
        return value.to_bytes(stride, "little")
    if kind == 1:  # Sub: a running sum of every size-th byte, in log2(width) additions
        value, full, shift = int.from_bytes(line, "little"), (1 << (8 * stride)) - 1, size
        while shift < stride:
            value = _add_bytes(value, (value << (8 * shift)) & full, stride)
            shift *= 2
        return value.to_bytes(stride, "little")
    if kind not in (3, 4):
        return line
    row = bytearray(line)
    for i in range(stride):
        left = row[i - size] if i >= size else 0
        up, corner = previous[i], previous[i - size] if i >= size else 0
        if kind == 3:
            row[i] = (row[i] + (left + up) // 2) & 0xFF
        else:
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            guess = left if pa <= pb and pa <= pc else up if pb <= pc else corner
            row[i] = (row[i] + guess) & 0xFF
    return bytes(row)


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
    previous = bytes(stride)
    found: list[bytes] = []
    for row in range(height):
        start = row * (stride + 1)
        line = _unfilter(raw[start], raw[start + 1 : start + 1 + stride], previous, size)
        found.extend(line[i : i + 3] for i in range(0, stride, size))
        previous = line
    return found


def test_pixels_undo_every_filter_as_the_png_specification_says() -> None:
    # Two RGB pixels per row, one row per filter type (0-4), compared with the
    # unfiltered rows worked out by hand from the specification's formulas.
    rows = [
        (0, [10, 20, 30, 200, 100, 0]),
        (1, [5, 5, 5, 250, 1, 255]),  # Sub: 5 5 5, then (250+5) (1+5) (255+5)
        (2, [1, 2, 3, 10, 10, 10]),  # Up: add the row above
        (3, [0, 0, 0, 4, 4, 4]),  # Average of left and up
        (4, [1, 1, 1, 2, 2, 2]),  # Paeth
    ]
    filtered = b"".join(bytes([kind, *line]) for kind, line in rows)
    header = struct.pack(">IIBBBBB", 2, len(rows), 8, 2, 0, 0, 0)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + b"\0\0\0\0"

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(filtered))
    png += chunk(b"IEND", b"")
    expected = [
        [10, 20, 30, 200, 100, 0],
        [5, 5, 5, 255, 6, 4],
        [6, 7, 8, 9, 16, 14],
        [3, 3, 4, 10, 13, 13],  # 0 + (0+6)//2 = 3, ...; 4 + (3+9)//2 = 10, ...
        [4, 4, 5, 12, 15, 15],  # Paeth picks up: 1 + 3 = 4, ...; 2 + 10 = 12, ...
    ]
    shown = pixels(png)
    assert [b"".join(shown[2 * r : 2 * r + 2]) for r in range(len(rows))] == [
        bytes(line) for line in expected
    ]


class Browser:
    """One headless Chromium, driven through the DevTools protocol on a pipe."""

    def __init__(self, executable: str, folder: Path) -> None:
        # Chromium reads commands from file descriptor 3 and answers on 4, each message
        # ending in a NUL byte. Duplicates at 10 or above cannot be 3 or 4 already.
        commands, self._command_end = os.pipe()
        self._answer_end, answers = os.pipe()
        ends = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (commands, answers)]
        os.close(commands)
        os.close(answers)

        def give_the_pipes() -> None:
            os.dup2(ends[0], 3)
            os.dup2(ends[1], 4)

        self.log = folder / "chromium.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    executable,
                    *FLAGS,
                    f"--user-data-dir={folder / 'profile'}",
                    "--remote-debugging-pipe",
                    "--window-size=1000,700",
                    "about:blank",
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                close_fds=False,  # every other descriptor is close-on-exec
                preexec_fn=give_the_pipes,
            )
        for fd in ends:
            os.close(fd)
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._answer_end, selectors.EVENT_READ)
        self._pending = b""
        self._events: list[dict[str, Any]] = []
        self._last_id = 0
        (page,) = [
            target["targetId"]
            for target in self.call("Target.getTargets")["targetInfos"]
            if target["type"] == "page"
        ]
        self._session = self.call("Target.attachToTarget", targetId=page, flatten=True)["sessionId"]
        self.call("Page.enable", session=True)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=1000,
            height=700,
            deviceScaleFactor=1,
            mobile=False,
        )

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._pending:
            if not self._selector.select(timeout=max(0.0, deadline - time.monotonic())):
                raise AssertionError("Chromium did not answer within 120 s")
            chunk = os.read(self._answer_end, 1 << 16)
            assert chunk, "Chromium exited: " + self.log.read_text(errors="replace")
            self._pending += chunk
        message, self._pending = self._pending.split(b"\0", 1)
        found: dict[str, Any] = json.loads(message)
        return found

    def call(self, method: str, *, session: bool = False, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its answer; events on the way are kept."""
        self._last_id += 1
        command: dict[str, Any] = {"id": self._last_id, "method": method, "params": params}
        if session:
            command["sessionId"] = self._session
        os.write(self._command_end, json.dumps(command).encode() + b"\0")
        deadline = time.monotonic() + 120
        while True:
            message = self._message(deadline)
            if message.get("id") == self._last_id:
                assert "error" not in message, (method, message["error"])
                result: dict[str, Any] = message["result"]
                return result
            self._events.append(message)

    def wait_for(self, event: str) -> None:
        """Wait for ``event``, which may have come already."""
        deadline = time.monotonic() + 120
        while True:
            for message in self._events:
                if message.get("method") == event:
                    self._events.clear()
                    return
            self._events.append(self._message(deadline))

    def screenshot(self, page: Path, *, small: bool) -> bytes:
        """``page`` loaded in the tab and captured as Chromium's ``--screenshot`` does.

        ``small`` asks for Chromium's usual compression; otherwise it compresses for
        speed (every row filtered as Up, which :func:`pixels` undoes at once).
        """
        self._events.clear()
        self.call("Page.navigate", session=True, url=page.as_uri())
        self.wait_for("Page.loadEventFired")
        shot = self.call(
            "Page.captureScreenshot", session=True, format="png", optimizeForSpeed=not small
        )
        return base64.b64decode(shot["data"])

    def close(self) -> None:
        try:
            self.call("Browser.close")
            self.process.wait(timeout=60)
        finally:
            if self.process.poll() is None:  # Chromium did not close
                self.process.kill()
                self.process.wait()
            self._selector.close()
            os.close(self._command_end)
            os.close(self._answer_end)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    if CHROMIUM is None:
        if REQUIRED:
            pytest.fail("HANDLINGSPLAN_REQUIRE_CHROMIUM=1 but no chromium on PATH")
        pytest.skip("Chromium is not installed")
    running = Browser(CHROMIUM, tmp_path_factory.mktemp("chromium"))
    try:
        yield running
    finally:
        running.close()


def screenshot(browser: Browser, markup: str, folder: Path, name: str) -> bytes:
    """``markup`` as a page, rendered by Chromium to a PNG; its bytes."""
    source = folder / f"{name}.html"
    source.write_text(page(markup, title=name, locale="sv"), encoding="utf-8")
    keep = os.environ.get("HANDLINGSPLAN_SCREENSHOTS")
    png = browser.screenshot(source, small=bool(keep))
    if keep:
        (Path(keep) / f"{name}.png").write_bytes(png)
    return png


@pytest.mark.parametrize("locale", ["sv", "en"])
@pytest.mark.parametrize("name", list(VIEWS))
def test_each_view_draws_something_in_a_real_browser(
    browser: Browser, name: str, locale: str, tmp_path: Path
) -> None:
    shown = pixels(screenshot(browser, VIEWS[name](locale), tmp_path, f"{name}-{locale}"))
    white = shown.count(b"\xff\xff\xff")
    assert len(set(shown)) >= 8, "too few colours: a blank page?"
    assert len(shown) - white >= len(shown) // 200, "almost all white"


def test_a_blank_page_is_told_apart(browser: Browser, tmp_path: Path) -> None:
    shown = pixels(screenshot(browser, "", tmp_path, "blank"))
    assert set(shown) == {b"\xff\xff\xff"}
