"""Benchmarks: handlingsplan against pydantic v2, and against itself at larger sizes.

Every figure is a ratio against a peer measured in the same run, so the numbers mean the
same on a laptop and on a loaded CI runner::

    python benchmarks/run.py            # full sizes and the test suite, a few minutes
    python benchmarks/run.py --quick    # small sizes, a few seconds (CI smoke test)

The full run also times the README's test command (``python -m pytest -n 2``, the
default hypothesis profile) against its goal of two minutes; ``--no-suite`` leaves it
out, ``--suite`` adds it to a quick run.

Each line gives the figure, the handlingsplan time (or memory), the peer's, their
ratio, the goal for the ratio and whether it was met. The script always exits 0: the
goals are targets to read, not tests.

The caseload is ``handlingsplan.synthetic.caseload`` (deterministic for a seed), a fifth
of it with identity numbers; ``plan_dict`` still draws the plans with 10, 100 and
1 000 activities (10 000 in the full run). Both sides parse
the identical dicts; before timing, the script checks that they accept them and give
back the same dicts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import itertools
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

from _pydantic_model import PlanModel

from handlingsplan import (
    ActivityKind,
    ActivityStatus,
    Area,
    ExitReason,
    Gender,
    InterruptionReason,
    MilestoneKind,
    OutcomeStatus,
    PermitKind,
    Plan,
    Programme,
    evaluate,
    evaluate_many,
    from_dict,
    synthetic,
    to_dict,
)
from handlingsplan.model import DEFAULT_AREAS

AS_OF = dt.date(2026, 3, 2)
"""The fixed 'today' of every evaluation."""

DEFAULT_SEED = 20260302

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
"""The figures, in the order printed; each gets exactly one line."""

FROM_DICT_GOAL = 0.67
"""``from_dict`` at least 1.5 times as fast as pydantic's ``model_validate`` (issue 15)."""

TO_DICT_GOAL = 0.67
"""``to_dict`` at least 1.5 times as fast as pydantic's ``model_dump(mode="json")``."""


@dataclass(frozen=True)
class Sizes:
    """How big each measurement is."""

    caseload: int
    """Plans in the caseload for the comparisons with pydantic."""
    repeats: int
    """Runs of ``from_dict`` and ``to_dict`` against pydantic; the best run counts."""
    evaluate_repeats: int
    """Runs of ``evaluate`` against pydantic; the best run counts."""
    scaling: tuple[int, int, int]
    """Caseload sizes for ``evaluate_many``: a base, ten times and a hundred times it."""
    base_runs: int
    """Runs of the base caseload, spread over the time of the larger runs (at least 2)."""
    activities: tuple[int, int, int]
    """Activities in the single plan for ``evaluate``."""
    activity_budget: int
    """Activities evaluated per run at each size (the plan is evaluated repeatedly)."""
    interruptions: tuple[int, int, int]
    """Interruptions in the single plan for ``evaluate``, evaluated as activities are."""
    memory: int
    """Plans whose peak memory is traced when parsed (the 10 000 caseload)."""
    memory_reports: int
    """Plans whose reports are traced (tracing slows ``evaluate`` about tenfold)."""


FULL = Sizes(
    caseload=1_000,
    repeats=5,
    evaluate_repeats=3,
    scaling=(1_000, 10_000, 100_000),
    base_runs=5,
    activities=(100, 1_000, 10_000),
    activity_budget=10_000,
    interruptions=(100, 1_000, 10_000),
    memory=10_000,
    memory_reports=300,
)
QUICK = Sizes(
    caseload=100,
    repeats=3,
    evaluate_repeats=2,
    scaling=(10, 100, 1_000),
    base_runs=5,
    activities=(10, 100, 1_000),
    activity_budget=300,
    interruptions=(10, 100, 1_000),
    memory=200,
    memory_reports=20,
)


# -- the caseload -------------------------------------------------------------------

_ACTIVITY_KINDS = tuple(ActivityKind)
_ACTIVITY_WEIGHTS = itertools.accumulate(
    {
        ActivityKind.SFI: 12,
        ActivityKind.CIVIC_ORIENTATION: 8,
        ActivityKind.WORK_EXPERIENCE: 6,
        ActivityKind.WORK_TRAINING: 4,
        ActivityKind.JOB_SEARCH: 4,
        ActivityKind.GUARDIAN_SUPPORT: 1,
        ActivityKind.UPPER_SECONDARY_INTRO: 1,
    }.get(kind, 2)
    for kind in _ACTIVITY_KINDS
)
_ACTIVITY_CUMULATIVE = tuple(_ACTIVITY_WEIGHTS)
_AREAS = tuple(Area)
_EXIT_REASONS = tuple(ExitReason)
_GENDERS = (*Gender, None)
_INTERRUPTION_REASONS = tuple(InterruptionReason)
_MILESTONE_KINDS = tuple(MilestoneKind)
_OUTCOMES = tuple(OutcomeStatus)
_PERMIT_KINDS = tuple(PermitKind)
_STATUSES = (ActivityStatus.PLANNED, ActivityStatus.ACTIVE, ActivityStatus.ON_HOLD)
_FINAL = (ActivityStatus.COMPLETED, ActivityStatus.CANCELLED)
_PROVIDERS = (
    "Växjö kommun, vuxenutbildningen",
    "Växjö kommun, samhällsorientering",
    "Lokal arbetsgivare via jobbagent",
    "Arbetsförmedlingen",
    None,
)
_HOURS: tuple[int | float, ...] = (2, 4, 8, 10, 12, 15, 17, 20, 25, 30, 40, 7.5, 12.5)
_PERCENTS: tuple[int | float, ...] = (100, 100, 100, 100, 100, 100, 75, 50, 25, 62.5)
_TITLES = ("SFI kurs C godkänd", "Samhällsorientering klar", "Praktik påbörjad", "Övergångsplan")


def _day(rng: random.Random, low: dt.date, high: dt.date) -> dt.date:
    return low + dt.timedelta(days=rng.randrange((high - low).days + 1))


def _after(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=days)


def _identity_number(rng: random.Random, born: dt.date) -> str:
    day = born.day + 60 if rng.random() < 0.1 else born.day
    head = f"{born.year:04d}{born.month:02d}{day:02d}"
    tail = f"{rng.randint(1, 999):03d}"
    total = 0
    for index, char in enumerate(head[2:] + tail):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return f"{head}-{tail}{(10 - total % 10) % 10}"


def _participant(rng: random.Random, number: int, referred: dt.date) -> dict[str, Any]:
    minor = rng.random() < 0.12
    born = (
        _day(rng, dt.date(2008, 3, 1), dt.date(2011, 12, 31))
        if minor
        else _day(rng, dt.date(1961, 1, 1), dt.date(2006, 12, 31))
    )
    registered = None if rng.random() < 0.1 else _after(referred, -rng.randint(20, 200))
    permit: dict[str, Any] | None = None
    if rng.random() < 0.9:
        kind = rng.choice(_PERMIT_KINDS)
        granted = _after(registered or referred, -rng.randint(10, 120))
        applied = _after(granted, -rng.randint(60, 400)) if rng.random() < 0.5 else None
        anchor = (
            _after(applied, -rng.randint(100, 1500))
            if kind is PermitKind.FAMILY_MEMBER and applied is not None
            else None
        )
        permit = {
            "kind": kind.value,
            "granted_on": granted.isoformat(),
            "applied_on": None if applied is None else applied.isoformat(),
            "anchor_first_received_on": None if anchor is None else anchor.isoformat(),
        }
    gender = rng.choice(_GENDERS)
    return {
        "id": f"deltagare-{number}",
        "birth_date": born.isoformat(),
        "gender": None if gender is None else gender.value,
        "identity_number": _identity_number(rng, born) if rng.random() < 0.2 else None,
        "first_registered_on": None if registered is None else registered.isoformat(),
        "permit": permit,
        "unaccompanied_minor": minor and rng.random() < 0.5,
        "short_education": rng.random() < 0.2,
        "needs_sfi": rng.random() < 0.85,
        "circumstances": [],
    }


# For the plans with 10 to 10 000 activities: a fixed cycle of ten kinds, lengths
# and statuses, so that each plan has the same mix and the cost per activity compares.
_PATTERN_KINDS = (
    ActivityKind.SFI,
    ActivityKind.CIVIC_ORIENTATION,
    ActivityKind.WORK_EXPERIENCE,
    ActivityKind.WORK_TRAINING,
    ActivityKind.JOB_SEARCH,
    ActivityKind.SFI,
    ActivityKind.VALIDATION,
    ActivityKind.ADULT_EDUCATION,
    ActivityKind.HEALTH,
    ActivityKind.JOB_PREPARATION,
)
_PATTERN_DAYS = (300, 90, 120, 150, 60, 200, 30, 250, 45, 100)
_PATTERN_STATUSES = (*_STATUSES, *_STATUSES, *_FINAL, ActivityStatus.PLANNED, _STATUSES[1])


def _activity(
    rng: random.Random, index: int, start: dt.date, *, patterned: bool = False
) -> dict[str, Any]:
    if patterned:
        kind = _PATTERN_KINDS[index % 10]
        first = _after(start, rng.randint(-10, 500))
        last = _after(first, _PATTERN_DAYS[index % 10])
        status = _PATTERN_STATUSES[index * 3 % 10]
    else:
        kind = rng.choices(_ACTIVITY_KINDS, cum_weights=_ACTIVITY_CUMULATIVE)[0]
        first = _after(start, rng.randint(-10, 500))
        last = _after(first, rng.randint(0, 300))
        status = rng.choice(_STATUSES) if rng.random() < 0.85 else rng.choice(_FINAL)
    area = DEFAULT_AREAS[kind] if rng.random() < 0.9 else rng.choice(_AREAS)
    return {
        "id": f"{kind.value}-{index}",
        "kind": kind.value,
        "start": first.isoformat(),
        "end": last.isoformat(),
        "hours_per_week": rng.choice(_HOURS),
        "status": status.value,
        "provider": rng.choice(_PROVIDERS),
        "area": area.value,
        "minors_only": kind is ActivityKind.GUARDIAN_SUPPORT,
    }


def _milestone(rng: random.Random, index: int, start: dt.date) -> dict[str, Any]:
    due = _after(start, rng.randint(30, 700))
    achieved = _after(due, -rng.randint(0, 60)) if rng.random() < 0.3 else None
    return {
        "id": f"ms-{index}",
        "kind": rng.choice(_MILESTONE_KINDS).value,
        "title": rng.choice(_TITLES),
        "due": due.isoformat(),
        "achieved_on": None if achieved is None else achieved.isoformat(),
    }


def _interruptions(rng: random.Random, start: dt.date) -> list[dict[str, Any]]:
    spans = []
    first = _after(start, rng.randint(30, 300))
    for _ in range(rng.randint(1, 2)):
        last = _after(first, rng.randint(7, 120))
        spans.append(
            {
                "start": first.isoformat(),
                "end": last.isoformat(),
                "reason": rng.choice(_INTERRUPTION_REASONS).value,
            }
        )
        first = _after(last, rng.randint(1, 100))
    return spans


def plan_dict(rng: random.Random, number: int, activities: int | None = None) -> dict[str, Any]:
    """One plan in the dict form of ``to_dict`` (every key present), drawn from ``rng``.

    With ``activities``, the plan has that many, in a fixed mix of kinds and lengths.
    """
    referred = _day(rng, dt.date(2023, 9, 1), dt.date(2026, 2, 27))
    made = None if rng.random() < 0.1 else _after(referred, rng.randint(5, 45))
    start = made or referred
    count = rng.randint(2, 8) if activities is None else activities
    exit_on = _after(start, rng.randint(60, 800)) if rng.random() < 0.25 else None
    follow_up = (
        _after(exit_on, rng.randint(80, 120))
        if exit_on is not None and rng.random() < 0.6
        else None
    )
    return {
        "schema": "handlingsplan/2",
        "id": f"plan-{number:06d}",
        "programme": (
            Programme.MUNICIPAL if rng.random() < 0.15 else Programme.ESTABLISHMENT
        ).value,
        "referred_on": referred.isoformat(),
        "plan_made_on": None if made is None else made.isoformat(),
        "participation_percent": rng.choice(_PERCENTS),
        "participation_reason": None,
        "participation_changes": [],
        "absences": [],
        "participant": _participant(rng, number, referred),
        "activities": [
            _activity(rng, index, start, patterned=activities is not None)
            for index in range(1, count + 1)
        ],
        "milestones": [_milestone(rng, index, start) for index in range(1, rng.randint(1, 3) + 1)],
        "interruptions": _interruptions(rng, start) if rng.random() < 0.2 else [],
        "exit": (
            None
            if exit_on is None
            else {"on": exit_on.isoformat(), "reason": rng.choice(_EXIT_REASONS).value}
        ),
        "follow_up": (
            None
            if follow_up is None
            else {"on": follow_up.isoformat(), "status": rng.choice(_OUTCOMES).value}
        ),
    }


def caseload(seed: int, count: int) -> list[dict[str, Any]]:
    """``count`` plan dicts from :func:`handlingsplan.synthetic.caseload`, the same for a seed.

    A fifth of the participants carry an identity number, as in the example plan.
    """
    numbered = count // 5
    plans = (
        *synthetic.caseload(numbered, seed=seed, identity_numbers=True),
        *synthetic.caseload(count - numbered, seed=seed + 1),
    )
    return [to_dict(plan) for plan in plans]


def check_equivalent(dicts: Iterable[dict[str, Any]]) -> int:
    """Both sides accept every dict and give it back unchanged; the number checked."""
    checked = 0
    for data in dicts:
        ours = to_dict(from_dict(data, Plan))
        theirs = PlanModel.model_validate(data).model_dump(mode="json", by_alias=True)
        if not ours == theirs == data:
            raise AssertionError(f"the two sides disagree on plan {data['id']}")
        checked += 1
    return checked


# -- measuring ----------------------------------------------------------------------


def _once(run: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def best_of(repeats: int, *runs: Callable[[], object]) -> list[float]:
    """The fastest of ``repeats`` runs of each of ``runs``, the runs interleaved."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeats):
        for run, found in zip(runs, times, strict=True):
            found.append(_once(run))
    return [min(found) for found in times]


def stretch_times(
    plans: Sequence[Plan],
    stretch: int,
    pauses: Sequence[int] = (),
    pause: Callable[[], object] | None = None,
) -> list[float]:
    """Time per plan of each stretch of ``stretch`` plans within one ``evaluate_many`` call.

    After the plans numbered in ``pauses`` (multiples of ``stretch``), the call is
    suspended to run ``pause``, outside the timed stretches.
    """
    times: list[float] = []
    gc.collect()
    start = time.perf_counter()
    for index, _report in enumerate(evaluate_many(plans, as_of=AS_OF), start=1):
        if index % stretch == 0:
            times.append((time.perf_counter() - start) / stretch)
            if pause is not None and index in pauses:
                pause()
                gc.collect()
            start = time.perf_counter()
    return times


def peak_memory(run: Callable[[], object]) -> int:
    """The peak of traced memory above the start while ``run`` runs, its result held."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        kept = run()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    del kept
    return peak - before


@dataclass(frozen=True)
class Row:
    """One figure: handlingsplan's value, the peer's, and the goal for their ratio."""

    name: str
    ours: float
    ours_note: str
    peer: float
    peer_note: str
    goal: float
    unit: str

    @property
    def ratio(self) -> float:
        return self.ours / self.peer if self.peer > 0 else float("inf")

    @property
    def met(self) -> bool:
        """Whether the ratio, as printed (to two decimals), is within the goal."""
        return round(self.ratio, 2) <= self.goal


def _value(value: float, unit: str, note: str) -> str:
    if unit == "us":
        text = f"{value * 1e6:9.2f} us"
    elif unit == "s":
        text = f"{value:9.2f} s"
    else:
        text = f"{value / 1024:9.2f} KiB"
    return f"{text}{note}"


_HEADER = ("figure", "handlingsplan", "peer", "ratio", "goal", "result")
_WIDTHS = (27, 33, 38, 6, 7, 6)


def format_row(cells: Sequence[str]) -> str:
    return " | ".join(cell.ljust(width) for cell, width in zip(cells, _WIDTHS, strict=True))


def format_result(row: Row) -> str:
    return format_row(
        (
            row.name,
            _value(row.ours, row.unit, row.ours_note),
            _value(row.peer, row.unit, row.peer_note),
            f"{row.ratio:6.2f}",
            f"<= {row.goal:.2f}",
            "met" if row.met else "missed",
        )
    ).rstrip()


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", " ")


# -- the figures --------------------------------------------------------------------


def compare_with_pydantic(
    dicts: list[dict[str, Any]], repeats: int, evaluate_repeats: int
) -> list[Row]:
    """``from_dict``, ``to_dict`` and ``evaluate`` against pydantic, per plan."""
    count = len(dicts)
    plans = [from_dict(data, Plan) for data in dicts]
    models = [PlanModel.model_validate(data) for data in dicts]

    def parse_ours() -> None:
        for data in dicts:
            from_dict(data, Plan)

    def parse_theirs() -> None:
        validate = PlanModel.model_validate
        for data in dicts:
            validate(data)

    def dump_ours() -> None:
        for plan in plans:
            to_dict(plan)

    def dump_theirs() -> None:
        for model in models:
            model.model_dump(mode="json", by_alias=True)

    def check_ours() -> None:
        for plan in plans:
            evaluate(plan, as_of=AS_OF)

    parse_ours_s, parse_theirs_s = best_of(repeats, parse_ours, parse_theirs)
    dump_ours_s, dump_theirs_s = best_of(repeats, dump_ours, dump_theirs)
    check_ours_s, check_theirs_s = best_of(evaluate_repeats, check_ours, parse_theirs)
    return [
        Row(
            "from_dict",
            parse_ours_s / count,
            "/plan",
            parse_theirs_s / count,
            "/plan model_validate",
            FROM_DICT_GOAL,
            "us",
        ),
        Row(
            "to_dict",
            dump_ours_s / count,
            "/plan",
            dump_theirs_s / count,
            "/plan model_dump(json)",
            TO_DICT_GOAL,
            "us",
        ),
        Row(
            "evaluate",
            check_ours_s / count,
            "/plan",
            check_theirs_s / count,
            "/plan model_validate",
            1.0,
            "us",
        ),
    ]


def caseload_scaling(plans: list[Plan], sizes: Sizes) -> list[Row]:
    """Time per plan of ``evaluate_many`` at the three caseload sizes.

    Each run is one ``evaluate_many`` call over the whole caseload, timed in stretches
    of the base size; the figure is the median stretch over all runs at that size.
    A cost that grows with the caseload shows in most stretches and moves the median;
    a burst of load from another process on the machine does not. The runs of the
    base caseload are spread over the time of the larger runs: one before and one
    after the tenfold run, the others during the hundredfold one, so that slow drifts
    of the machine's speed hit both sides of each ratio alike.
    """
    base, tenfold, hundredfold = sizes.scaling
    base_times: list[float] = []

    def caseload_of(size: int, run: int) -> list[Plan]:
        # Each run of the base size takes the next plans, so that the base runs see as
        # varied a mix as one long run. Past the distinct plans the caseload repeats
        # them: evaluation keeps no state from one plan to the next, and parsing
        # 90 000 more would cost 15 s or more.
        start = run * size % len(plans)
        return list(itertools.islice(itertools.cycle(plans), start, start + size))

    def base_run() -> None:
        # One stretch per run: len(base_times) is the number of base runs so far.
        base_times.extend(stretch_times(caseload_of(base, len(base_times)), base))

    base_run()
    tenfold_times = stretch_times(caseload_of(tenfold, 0), base)
    base_run()
    during = sizes.base_runs - 2
    pauses = [hundredfold * (k + 1) // (during + 1) // base * base for k in range(during)]
    hundredfold_times = stretch_times(caseload_of(hundredfold, 0), base, pauses, base_run)
    per_plan = [
        statistics.median(base_times),
        statistics.median(tenfold_times),
        statistics.median(hundredfold_times),
    ]
    base_note = f"/plan @ {_thousands(base)}"
    return [
        Row(
            "evaluate_many x10 plans",
            per_plan[1],
            f"/plan @ {_thousands(tenfold)}",
            per_plan[0],
            base_note,
            1.2,
            "us",
        ),
        Row(
            "evaluate_many x100 plans",
            per_plan[2],
            f"/plan @ {_thousands(hundredfold)}",
            per_plan[0],
            base_note,
            1.2,
            "us",
        ),
    ]


def activity_scaling(seed: int, sizes: Sizes, repeats: int) -> list[Row]:
    """Time per activity of ``evaluate`` for one plan with more and more activities."""
    per_activity: list[float] = []
    for count in sizes.activities:
        plan = from_dict(plan_dict(random.Random(seed), 1, activities=count), Plan)
        loops = max(1, sizes.activity_budget // count)

        def check(plan: Plan = plan, loops: int = loops) -> None:
            for _ in range(loops):
                evaluate(plan, as_of=AS_OF)

        (seconds,) = best_of(repeats, check)
        per_activity.append(seconds / loops / count)
    small, middle, large = sizes.activities
    return [
        Row(
            "evaluate x10 activities",
            per_activity[1],
            f"/activity @ {_thousands(middle)}",
            per_activity[0],
            f"/activity @ {_thousands(small)}",
            1.2,
            "us",
        ),
        Row(
            "evaluate x100 activities",
            per_activity[2],
            f"/activity @ {_thousands(large)}",
            per_activity[1],
            f"/activity @ {_thousands(middle)}",
            1.2,
            "us",
        ),
    ]


def interrupted_plan(seed: int, count: int) -> dict[str, Any]:
    """A plan of ten activities and ``count`` one-day interruptions, one every third day."""
    data = plan_dict(random.Random(seed), 1, activities=10)
    start = dt.date.fromisoformat(data["plan_made_on"] or data["referred_on"])
    days = [_after(start, 3 * index + 1).isoformat() for index in range(count)]
    data.update(
        exit=None,
        follow_up=None,
        interruptions=[{"start": day, "end": day, "reason": "other"} for day in days],
    )
    return data


def interruption_scaling(seed: int, sizes: Sizes, repeats: int) -> list[Row]:
    """Time per interruption of ``evaluate`` for one plan with more and more of them."""
    per_interruption: list[float] = []
    for count in sizes.interruptions:
        plan = from_dict(interrupted_plan(seed, count), Plan)
        loops = max(1, sizes.activity_budget // count)

        def check(plan: Plan = plan, loops: int = loops) -> None:
            for _ in range(loops):
                evaluate(plan, as_of=AS_OF)

        (seconds,) = best_of(repeats, check)
        per_interruption.append(seconds / loops / count)
    small, middle, large = sizes.interruptions
    return [
        Row(
            "evaluate x10 interruptions",
            per_interruption[1],
            f"/interruption @ {_thousands(middle)}",
            per_interruption[0],
            f"/interruption @ {_thousands(small)}",
            1.2,
            "us",
        ),
        Row(
            "evaluate x100 interruptions",
            per_interruption[2],
            f"/interruption @ {_thousands(large)}",
            per_interruption[1],
            f"/interruption @ {_thousands(middle)}",
            1.2,
            "us",
        ),
    ]


def memory(dicts: list[dict[str, Any]], plans: list[Plan]) -> list[Row]:
    """Peak traced memory: the parsed caseload, and the reports of part of it, held in lists.

    Both are against the peak of holding the pydantic models of the same caseload.
    """
    count = len(dicts)
    ours = peak_memory(lambda: [from_dict(data, Plan) for data in dicts])
    theirs = peak_memory(lambda: [PlanModel.model_validate(data) for data in dicts])
    reports = peak_memory(lambda: list(evaluate_many(plans, as_of=AS_OF)))
    peer_note = f"/plan pydantic @ {_thousands(count)}"
    return [
        Row(
            "memory from_dict",
            ours / count,
            f"/plan @ {_thousands(count)}",
            theirs / count,
            peer_note,
            1.0,
            "KiB",
        ),
        Row(
            "memory evaluate_many",
            reports / len(plans),
            f"/report @ {_thousands(len(plans))}",
            theirs / count,
            peer_note,
            1.0,
            "KiB",
        ),
    ]


# -- the script ---------------------------------------------------------------------


SUITE = "test suite"
"""The figure for the README's test command, timed against its goal of two minutes."""

SUITE_GOAL_S = 120.0
"""The README's test command runs in under two minutes on two cores (issue 15)."""


def suite_time() -> Row:
    """Wall time of the README's test command, ``python -m pytest -n 2``, in the default
    hypothesis profile (``CI`` unset), against the two minutes it should take."""
    root = Path(__file__).resolve().parent.parent
    environment = {name: value for name, value in os.environ.items() if name != "CI"}
    began = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-n", "2", "-q"],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    took = time.perf_counter() - began
    outcome = result.stdout.strip().splitlines()[-1:] or ["no output"]
    note = "" if result.returncode == 0 else f" (failed: {outcome[0]})"
    return Row(SUITE, took, note, SUITE_GOAL_S, " goal, 2 min", 1.0, "s")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print one line per figure; always 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="caseload seed")
    parser.add_argument(
        "--suite",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="time the README's test command against its two minutes (default: in the "
        "full run, not with --quick)",
    )
    args = parser.parse_args(argv)
    time_suite = not args.quick if args.suite is None else args.suite
    sizes = QUICK if args.quick else FULL
    began = time.perf_counter()

    print(
        f"handlingsplan {version('handlingsplan')}, pydantic {version('pydantic')}, "
        f"Python {platform.python_version()} on {platform.machine()}; "
        f"{'quick' if args.quick else 'full'} run, seed {args.seed}, as_of {AS_OF}"
    )
    distinct = max(sizes.caseload, sizes.memory, sizes.scaling[1])
    dicts = caseload(args.seed, distinct)
    checked = check_equivalent(dicts[: sizes.caseload])
    plans = [from_dict(data, Plan) for data in dicts]
    # The caseload is input, alive before and after every measurement: keep the
    # collector from walking it again and again (gc.collect() runs before each run).
    gc.freeze()
    print(
        f"caseload: {_thousands(distinct)} distinct generated plans (the "
        f"{_thousands(sizes.scaling[2])}-plan run repeats them), made in "
        f"{time.perf_counter() - began:.0f} s; both sides read the first {checked} "
        "to the same dicts"
    )
    print(
        "time per plan (or activity); against pydantic the best of several interleaved "
        "runs, across caseload sizes the median stretch of "
        f"{_thousands(sizes.scaling[0])} plans; ratio = handlingsplan / peer, met when <= goal"
    )
    print()
    print(format_row(_HEADER).rstrip())
    print("-+-".join("-" * width for width in _WIDTHS))

    rows: list[Row] = []

    def show(found: list[Row]) -> None:
        for row in found:
            rows.append(row)
            print(format_result(row), flush=True)

    show(compare_with_pydantic(dicts[: sizes.caseload], sizes.repeats, sizes.evaluate_repeats))
    show(caseload_scaling(plans, sizes))
    show(activity_scaling(args.seed, sizes, sizes.repeats))
    show(interruption_scaling(args.seed, sizes, sizes.repeats))
    show(memory(dicts[: sizes.memory], plans[: sizes.memory_reports]))
    if time_suite:
        gc.unfreeze()
        del dicts, plans
        show([suite_time()])

    expected = (*FIGURES, SUITE) if time_suite else FIGURES
    if tuple(row.name for row in rows) != expected:
        raise AssertionError("the figures printed are not FIGURES")
    missed = [row.name for row in rows if not row.met]
    print()
    if not time_suite:
        print(f"{SUITE}: not timed here (run without --quick, or pass --suite)")
    print(
        f"{len(rows) - len(missed)} of {len(rows)} goals met"
        + (f"; missed: {', '.join(missed)}" if missed else "")
        + f" ({time.perf_counter() - began:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
