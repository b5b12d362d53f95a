"""Cross-check the JSON Schema with Ajv, the validator of most JavaScript services.

``tests/ajv/validate.mjs`` runs Ajv (draft 2020-12, strict mode, formats asserted by
``ajv-formats``) over a batch of payloads. Its verdicts must equal Python's
``jsonschema`` with formats asserted, and ``from_dict``'s outside the documented gaps.
One Node.js process (``validate.mjs --lines``) checks every batch of the module, each
with an Ajv of its own: starting Node.js and loading Ajv cost more than the checks.

Needs Node.js and ``npm ci --prefix tests/ajv``. Without them the tests are skipped,
except that under ``CI`` a missing ``tests/ajv/node_modules`` fails them.
"""

from __future__ import annotations

import copy
import json
import os
import re
import selectors
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _profiles import examples
from handlingsplan import Plan, Report, evaluate, to_dict
from handlingsplan import strategies as hs
from handlingsplan._demo import DEMO_AS_OF, demo_caseload
from handlingsplan.schema import json_schema
from test_schema import (
    CROSS_FIELD_GAPS,
    EDGE_OBJECTS,
    EDGE_VALUES,
    EXAMPLE_PLAN,
    MODEL_CLASSES,
    PYTHON_BLANKS,
    in_gaps,
    mutated,
    payloads,
    read,
    through_json,
    validator,
)

AJV = Path(__file__).parent / "ajv"
SCRIPT = AJV / "validate.mjs"

# RFC 3339 (and so ajv-formats) has a year 0000; Python's date, and so both Python's
# "date" format and from_dict, do not. Payloads with such a date are left out of the
# comparison; test_year_zero_is_where_ajv_and_python_differ pins the difference down.
_YEAR_ZERO = re.compile(r"0000-[0-9]{2}-[0-9]{2}")


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not on PATH; the Ajv cross-check needs Node.js")
    if not (AJV / "node_modules").is_dir():
        message = "tests/ajv/node_modules is missing; run: npm ci --prefix tests/ajv"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return node


@pytest.fixture(scope="module")
def node() -> str:
    return _node()


class Ajv:
    """``node validate.mjs --lines``: one Node.js process that checks batch after batch."""

    def __init__(self, node: str, folder: Path) -> None:
        self.log = folder / "node.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [node, str(SCRIPT), "--lines"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
            )
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self._stdin, self._stdout = self.process.stdin, self.process.stdout
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._stdout, selectors.EVENT_READ)
        self._pending = b""

    def check(self, schema: dict[str, Any], payloads: list[Any]) -> Any:
        """Ajv's answer for one batch: a list of verdicts, or ``{"error": ...}``."""
        request = json.dumps({"schema": schema, "payloads": payloads}).encode() + b"\n"
        self._stdin.write(request)
        self._stdin.flush()
        deadline = time.monotonic() + 120
        while b"\n" not in self._pending:
            if not self._selector.select(timeout=max(0.0, deadline - time.monotonic())):
                raise AssertionError("Ajv did not answer within 120 s")
            chunk = os.read(self._stdout.fileno(), 1 << 20)
            assert chunk, "node exited: " + self.log.read_text(errors="replace")
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        return json.loads(line)

    def close(self) -> None:
        self._stdin.close()
        try:
            assert self.process.wait(timeout=60) == 0, self.log.read_text(errors="replace")
        finally:
            if self.process.poll() is None:  # node did not end with its input
                self.process.kill()
                self.process.wait()
            self._selector.close()
            self._stdout.close()


@pytest.fixture(scope="module")
def validator_js(node: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ajv]:
    running = Ajv(node, tmp_path_factory.mktemp("ajv"))
    try:
        yield running
    finally:
        running.close()


def ajv(js: Ajv, schema: dict[str, Any], payloads: list[Any]) -> list[bool]:
    """Ajv's verdict on each payload."""
    verdicts = js.check(schema, payloads)
    assert isinstance(verdicts, list), verdicts["error"]
    assert len(verdicts) == len(payloads)
    assert all(isinstance(verdict, bool) for verdict in verdicts)
    return verdicts


def test_validate_mjs_reads_a_file_as_well(node: str, tmp_path: Path) -> None:
    source = tmp_path / "input.json"
    payloads = [EXAMPLE_PLAN, {}]
    source.write_text(json.dumps({"schema": json_schema(), "payloads": payloads}))
    result = subprocess.run(
        [node, str(SCRIPT), str(source)], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [True, False]


def test_validate_mjs_answers_a_schema_ajv_refuses_with_an_error(validator_js: Ajv) -> None:
    answer = validator_js.check({"type": "integer", "minimum": "0"}, [1])
    assert "schema is invalid" in answer["error"]
    assert ajv(validator_js, {"type": "integer"}, [1, "1"]) == [True, False]


def has_year_zero(value: Any) -> bool:
    if isinstance(value, str):
        return _YEAR_ZERO.fullmatch(value) is not None
    if isinstance(value, dict):
        return any(has_year_zero(key) or has_year_zero(item) for key, item in value.items())
    if isinstance(value, list):
        return any(has_year_zero(item) for item in value)
    return False


def check_all_agree(js: Ajv, cls: type[Any], batch: list[Any]) -> None:
    """Ajv, Python's jsonschema and from_dict judge ``batch`` alike, gaps aside."""
    batch = [payload for payload in batch if not has_year_zero(payload)]
    verdicts = ajv(js, json_schema(cls), batch)
    python = validator(cls, formats=True)
    for payload, ajv_ok in zip(batch, verdicts, strict=True):
        assert ajv_ok is python.is_valid(payload), payload
        dict_ok, errors = read(payload, cls)
        if not ajv_ok:
            assert not dict_ok, payload
        elif not dict_ok:
            # With formats asserted, only the cross-field gaps remain.
            assert in_gaps(errors, CROSS_FIELD_GAPS), (payload, errors)


def test_validate_mjs_needs_an_input_file(node: str) -> None:
    result = subprocess.run(
        [node, str(SCRIPT)], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 2
    assert "usage" in result.stderr


@pytest.mark.parametrize("cls", [*MODEL_CLASSES, Report], ids=lambda cls: cls.__name__)
def test_ajv_compiles_every_schema_in_strict_mode(validator_js: Ajv, cls: type[Any]) -> None:
    assert ajv(validator_js, json_schema(cls), [{}]) == [False]


def test_ajv_agrees_on_the_example_and_the_demo_plans(validator_js: Ajv) -> None:
    batch = [EXAMPLE_PLAN, *(through_json(to_dict(plan)) for plan in demo_caseload())]
    assert ajv(validator_js, json_schema(), batch) == [True] * len(batch)
    check_all_agree(validator_js, Plan, batch)


def _set(payload: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(payload)
    target: Any = changed
    for step in path[:-1]:
        target = target[step]
    if isinstance(target, list) and path[-1] == len(target):
        target.append(copy.deepcopy(value))
    else:
        target[path[-1]] = copy.deepcopy(value)
    return changed


_EDGE_PATHS: tuple[tuple[str | int, ...], ...] = (
    ("schema",),
    ("id",),
    ("referred_on",),
    ("plan_made_on",),
    ("participation_percent",),
    ("programme",),
    ("exit",),
    ("follow_up",),
    ("interruptions", 0),
    ("participant", "id"),
    ("participant", "identity_number"),
    ("participant", "gender"),
    ("participant", "needs_sfi"),
    ("participant", "permit"),
    ("participant", "permit", "applied_on"),
    ("activities", 0, "id"),
    ("activities", 0, "end"),
    ("activities", 0, "hours_per_week"),
    ("activities", 0, "provider"),
    ("activities", 0, "area"),
    ("milestones", 0, "title"),
    ("milestones", 0, "achieved_on"),
    ("milestones", 1),
    ("unknown",),
)


def test_ajv_agrees_on_every_edge_value_in_every_place(validator_js: Ajv) -> None:
    plan = _set(EXAMPLE_PLAN, ("exit",), {"on": "2025-12-01", "reason": "employment"})
    batch = [
        _set(plan, path, value)
        for path in _EDGE_PATHS
        for value in (*EDGE_VALUES, *EDGE_OBJECTS, "0000-01-01")
    ]
    batch += [_set(plan, ("activities", 0, "id"), blank) for blank in PYTHON_BLANKS]
    batch += [_set(plan, ("id",), f"{blank}\ufeff{blank}") for blank in PYTHON_BLANKS]
    verdicts = ajv(validator_js, json_schema(), batch)
    assert True in verdicts
    assert False in verdicts
    check_all_agree(validator_js, Plan, batch)


def test_year_zero_is_where_ajv_and_python_differ(validator_js: Ajv) -> None:
    payload = {**EXAMPLE_PLAN, "referred_on": "0000-01-01", "plan_made_on": None}
    assert ajv(validator_js, json_schema(), [payload]) == [True]  # RFC 3339 allows year 0000
    assert not validator(formats=True).is_valid(payload)
    assert validator().is_valid(payload)
    assert read(payload) == (
        False,
        (
            (
                "referred_on",
                "expected a date as YYYY-MM-DD, got '0000-01-01', "
                "which is not a day of the calendar",
            ),
        ),
    )


_SLOW = {"suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}


@settings(max_examples=examples(12), **_SLOW)  # type: ignore[arg-type]
@given(batch=st.lists(payloads(), min_size=20, max_size=40))
def test_ajv_agrees_on_generated_and_mutated_plans(validator_js: Ajv, batch: list[Any]) -> None:
    check_all_agree(validator_js, Plan, batch)


@pytest.mark.parametrize("cls", MODEL_CLASSES[1:], ids=lambda cls: cls.__name__)
@settings(max_examples=examples(3), **_SLOW)  # type: ignore[arg-type]
@given(data=st.data())
def test_ajv_agrees_on_generated_and_mutated_parts(
    validator_js: Ajv, cls: type[Any], data: st.DataObject
) -> None:
    batch = data.draw(st.lists(payloads(cls), min_size=20, max_size=40))
    check_all_agree(validator_js, cls, batch)


@st.composite
def reports(draw: st.DrawFn) -> dict[str, Any]:
    """Dict forms of reports on generated plans, some of them mutated."""
    plan = draw(hs.plans())
    as_of = draw(hs.dates(min_value=plan.referred_on))
    report = through_json(evaluate(plan, as_of=as_of).to_dict())
    return draw(st.one_of(st.just(report), mutated(report)))


@settings(max_examples=examples(5), **_SLOW)  # type: ignore[arg-type]
@given(batch=st.lists(reports(), min_size=10, max_size=20))
def test_ajv_agrees_on_reports(validator_js: Ajv, batch: list[Any]) -> None:
    demo = [through_json(evaluate(p, as_of=DEMO_AS_OF).to_dict()) for p in demo_caseload()]
    batch = [payload for payload in [*demo, *batch] if not has_year_zero(payload)]
    verdicts = ajv(validator_js, json_schema(Report), batch)
    python = validator(Report, formats=True)
    assert verdicts == [python.is_valid(payload) for payload in batch]
    assert all(verdicts[: len(demo)])
