"""The command line as a batch tool: each plan on its own, records, formats, streaming."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from _command_line import in_process
from handlingsplan import DEFAULT_PARAMETERS, DEFAULT_RULES, InvalidPlanError, json_schema, to_dict
from handlingsplan._cli import main
from handlingsplan._cli._commands import CHECK_COLUMNS
from handlingsplan._demo import demo_caseload

GOOD = to_dict(demo_caseload()[0])
AS_OF = "2026-03-02"


def call(*argv: str, stdin: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def bad_plan() -> dict[str, Any]:
    plan: dict[str, Any] = json.loads(json.dumps(GOOD))
    plan["id"] = "plan-bad"
    plan["activities"][0]["end"] = "2025-02-30"
    return plan


def lines(*values: object) -> bytes:
    return b"".join(json.dumps(value).encode() + b"\n" for value in values)


# -- a mixed batch ------------------------------------------------------------------


def test_a_mixed_batch_reports_its_good_plan_and_records_its_bad_one() -> None:
    batch = json.dumps({"as_of": AS_OF, "plans": [GOOD, bad_plan()]}).encode()
    status, out, err = call("check", "-", "--format", "json", stdin=batch)
    assert status == 2
    report, record = json.loads(out)
    assert report["plan_id"] == "plan-0001"
    assert report["as_of"] == AS_OF
    assert record["type"] == "invalid_plan"
    assert record["position"] == 1
    assert record["id"] == "plan-bad"
    assert record["errors"] == [
        {
            "path": "activities[0].end",
            "pointer": "/activities/0/end",
            "code": "not_a_real_date",
            "message": record["errors"][0]["message"],
        }
    ]
    assert "plan 1, id plan-bad: activities[0].end: " in err
    assert len(err.splitlines()) == 1


def check_lines(data: bytes) -> tuple[int, list[dict[str, Any]], str]:
    """``check`` of JSON Lines with JSON Lines out: the status, the records, the errors."""
    status, out, err = call(
        "check", "-", "--input", "jsonl", "--format", "jsonl", "--as-of", AS_OF, stdin=data
    )
    return status, [json.loads(line) for line in out.splitlines()], err


def test_json_lines_are_checked_one_line_at_a_time_and_keep_their_order() -> None:
    data = lines(GOOD, {"as_of": "2026-01-05", "plan": GOOD}, bad_plan())
    data += b"\n{broken\n" + lines({"plans": [GOOD, GOOD]})
    status, records, err = check_lines(data)
    assert status == 2
    assert [r.get("type", "report") for r in records] == [
        "report",
        "report",
        "invalid_plan",
        "invalid_input",
        "report",
        "report",
    ]
    assert records[1]["as_of"] == AS_OF  # an explicit --as-of wins
    assert (records[2]["position"], records[2]["line"], records[2]["id"]) == (2, 3, "plan-bad")
    assert (records[3]["position"], records[3]["line"], records[3]["id"]) == (3, 5, None)
    assert records[3]["errors"][0]["code"] == "unreadable"
    assert "line 5, plan 3: not valid JSON" in err


@pytest.mark.parametrize("last_newline", [True, False], ids=["newline", "at-end"])
def test_a_line_longer_than_the_limit_is_refused_and_the_next_ones_read(
    monkeypatch: pytest.MonkeyPatch, last_newline: bool
) -> None:
    """One line cannot take the memory of a batch: past the limit it is skipped unread."""
    good = lines(GOOD)
    monkeypatch.setattr("handlingsplan._cli._json.MAX_LINE_BYTES", len(good))
    long = b'{"pad": "' + b"x" * (3 * len(good)) + b'"}'
    data = good + long + b"\n" + good + long + (b"\n" if last_newline else b"")
    status, records, err = check_lines(data)
    assert status == 2
    assert [r.get("type", "report") for r in records] == [
        "report",
        "invalid_input",
        "report",
        "invalid_input",
    ]
    assert [(r.get("position"), r.get("line")) for r in records[1::2]] == [(1, 2), (3, 4)]
    assert records[1]["errors"][0]["code"] == "unreadable"
    assert f"a line of more than {len(good)} bytes" in records[1]["errors"][0]["message"]
    assert "line 2, plan 1: not read" in err


def test_a_jsonl_suffix_chooses_json_lines(tmp_path: Path) -> None:
    source = tmp_path / "plans.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + lines(GOOD, GOOD))
    status, out, _ = call("check", str(source), "--as-of", AS_OF, "--format", "jsonl")
    assert status == 0
    assert len(out.splitlines()) == 2


def test_the_envelope_as_of_is_used_when_no_option_names_one() -> None:
    status, out, _ = call(
        "check",
        "-",
        "--format",
        "json",
        stdin=json.dumps({"as_of": "2026-01-05", "plan": GOOD}).encode(),
    )
    assert status == 0
    assert json.loads(out)[0]["as_of"] == "2026-01-05"


def test_an_empty_batch_is_an_empty_array() -> None:
    assert call("check", "-", "--format", "json", stdin=b"[]") == (0, "[]\n", "")


def test_a_byte_order_mark_is_skipped() -> None:
    status, _, _ = call(
        "check", "-", "--as-of", AS_OF, stdin=b"\xef\xbb\xbf" + json.dumps(GOOD).encode()
    )
    assert status == 0


# -- input errors, one record each ----------------------------------------------------


@pytest.mark.parametrize(
    ("data", "code", "position"),
    [
        (b"\x00\x01\xff", "unreadable", None),
        ('{"id": "å"}'.encode("latin-1"), "unreadable", None),
        ('{"id": "x"}'.encode("utf-16"), "unreadable", None),
        (b"[" * 100_000 + b"]" * 100_000, "too_deep", None),
        (b"[" * 100 + b"]" * 100, "too_deep", 0),
        (b'{"id": ' + b"1" * 5000 + b"}", "out_of_range", None),
        (b'{"id": NaN}', "unreadable", None),
        (b'{"id": "\\ud800"}', "unreadable", 0),
        (b'{"\\udfff": 1}', "unreadable", 0),
        (b'{"plan": {}, "plans": []}', "conflict", 0),
        (b'{"plans": [], "a b": 1}', "unknown_field", 0),
        (b'{"as_of": "2026-02-30", "plans": []}', "not_a_real_date", 0),
        (b'{"as_of": "1800-01-01", "plans": []}', "out_of_range", 0),
        (b'{"as_of": "2017-01-01", "plan": ' + json.dumps(GOOD).encode() + b"}", "out_of_range", 0),
        (json.dumps(GOOD).encode(), "missing", 0),
    ],
)
def test_input_that_cannot_be_read_is_an_error_record(
    data: bytes, code: str, position: int | None
) -> None:
    status, out, err = call("check", "-", "--format", "jsonl", stdin=data)
    assert status == 2
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["position"] == position
    assert record["errors"][0]["code"] == code
    assert err.startswith("error: -")
    assert "\\ud800" not in err or "id \\ud800" in err


def test_an_unreadable_file_is_an_input_record_without_a_position(tmp_path: Path) -> None:
    status, out, err = call("check", str(tmp_path), "--as-of", AS_OF, "--format", "json")
    assert status == 2
    assert json.loads(out)[0]["type"] == "invalid_input"
    assert "cannot be read" in err


def test_a_read_failure_part_way_is_an_input_record() -> None:
    class Failing(io.BytesIO):
        """A first line, then a failing read."""

        def readline(self, size: int | None = -1) -> bytes:
            if self.tell() == 0:
                return super().readline(size)
            raise OSError(errno.EIO, "Input/output error")

    out, err = io.StringIO(), io.StringIO()
    argv = ["check", "-", "--input", "jsonl", "--as-of", AS_OF, "--format", "jsonl"]
    stdin = Failing(json.dumps(GOOD).encode() + b"\n" + json.dumps(GOOD).encode() + b"\n")
    assert main(argv, stdin=stdin, stdout=out, stderr=err) == 2
    assert "cannot be read: Input/output error" in err.getvalue()
    assert len(out.getvalue().splitlines()) == 2


def test_text_and_csv_write_input_errors_only_to_standard_error() -> None:
    for fmt in ("text", "csv"):
        status, out, err = call("check", "-", "--as-of", AS_OF, "--format", fmt, stdin=b"{")
        assert status == 2
        assert "invalid_input" not in out
        assert "not valid JSON" in err


# -- formats --------------------------------------------------------------------------


def test_check_as_csv_has_the_columns_of_to_records() -> None:
    caseload = json.dumps([to_dict(plan) for plan in demo_caseload()]).encode()
    status, out, _ = call("check", "-", "--as-of", AS_OF, "--format", "csv", stdin=caseload)
    assert status in (0, 1)
    header, *rows = list(csv.reader(io.StringIO(out)))
    assert header == list(CHECK_COLUMNS)
    assert rows
    assert all(row[1] == AS_OF for row in rows)


def test_deadlines_in_every_format_and_within_weeks() -> None:
    data = json.dumps(GOOD).encode()
    _, text, _ = call("deadlines", "-", "--input", "jsonl", "--explain", stdin=data + b"\n" + data)
    assert text.count("plan  ") == 2
    _, table, _ = call("deadlines", "-", "--format", "csv", "--explain", stdin=data)
    assert next(csv.reader(io.StringIO(table)))[-1] == "explanation"
    _, listed, _ = call(
        "deadlines", "-", "--format", "jsonl", "--weeks", "0", "--as-of", AS_OF, stdin=data
    )
    assert listed == ""
    status, _, err = call("deadlines", "-", "--weeks", "4", stdin=data)
    assert status == 2
    assert "--as-of DATE is required" in err


def test_rules_in_json_lines_and_csv() -> None:
    _, out, _ = call("rules", "--format", "jsonl")
    assert [json.loads(line)["code"] for line in out.splitlines()] == list(DEFAULT_RULES.codes)
    _, table, _ = call("rules", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(table)))
    assert [row["code"] for row in rows] == list(DEFAULT_RULES.codes)
    assert {row["programmes"] for row in rows} >= {"all"}


def test_parameters_one_row_per_value() -> None:
    _, out, _ = call("parameters", "--format", "json")
    rows = json.loads(out)
    assert len(rows) == sum(len(p.history) for p in DEFAULT_PARAMETERS.values())
    assert {"name", "valid_from", "value", "unit", "reference"} == set(rows[0])
    _, table, _ = call("parameters", "--on", "2026-01-01", "--format", "csv")
    assert table.splitlines()[0] == "name,value,unit"


def test_schema_errors_prints_the_schema_of_an_error_answer() -> None:
    status, out, _ = call("schema", "--errors")
    assert status == 0
    assert json.loads(out) == json_schema(InvalidPlanError)


def test_demo_takes_a_date_and_a_language() -> None:
    status, out, _ = call("demo", "--as-of", "2026-06-01", "--lang", "sv")
    assert status == 0
    assert "exempelplaner den 2026-06-01" in out
    assert "sista dag i etableringsprogrammet" in out
    assert "Viktiga datum" in out
    assert "Key dates" not in out


def test_a_date_before_the_parameters_is_one_line_and_exit_2() -> None:
    status, _, err = call("parameters", "--on", "1950-01-01")
    assert status == 2
    assert err.count("\n") == 1


def test_every_command_states_its_exit_statuses_and_an_example() -> None:
    for command in ("check", "deadlines", "rules", "parameters", "schema", "demo"):
        result = in_process(command, "--help")
        text = result.stdout.decode()
        assert result.returncode == 0
        assert "exit status:" in text
        assert "example:" in text
        assert "python -m handlingsplan " + command in text
    assert "language of every text a person reads" in in_process("check", "--help").stdout.decode()


def test_a_bad_option_in_process_exits_2_through_system_exit() -> None:
    with pytest.raises(SystemExit) as info:
        call("deadlines", "-", "--weeks", "x" * 30)
    assert info.value.code == 2


@pytest.mark.parametrize("weeks", ["99999999", "9" * 5000, "-1", "many"])
def test_weeks_are_bounded_with_a_clear_message(weeks: str) -> None:
    result = in_process("deadlines", "-", "--weeks", weeks, "--as-of", AS_OF, input=b"{}")
    assert result.returncode == 2
    assert b"weeks" in result.stderr
    assert b"Traceback" not in result.stderr


# -- output problems ------------------------------------------------------------------


class Broken(io.StringIO):
    def __init__(self, code: int) -> None:
        super().__init__()
        self.code = code

    def write(self, text: str) -> int:
        raise OSError(self.code, os.strerror(self.code))


def test_a_closed_pipe_in_process_is_quiet_and_a_full_disk_says_so() -> None:
    err = io.StringIO()
    assert main(["rules"], stdout=Broken(errno.EPIPE), stderr=err) == 2
    assert err.getvalue() == ""
    assert main(["rules"], stdout=Broken(errno.ENOSPC), stderr=err) == 2
    assert err.getvalue() == "error: cannot write to standard output: No space left on device\n"


def test_a_closed_stream_is_an_output_error_and_a_closed_stderr_is_ignored() -> None:
    out, err = io.StringIO(), io.StringIO()
    out.close()
    err.close()
    assert main(["rules"], stdout=out, stderr=err) == 2


def test_a_failing_flush_after_help_exits_2_and_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    class Unflushable(io.StringIO):
        def flush(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sys, "stdout", Unflushable())
    err = io.StringIO()
    assert main(["--help"], stderr=err) == 2
    assert err.getvalue() == "error: cannot write to standard output: No space left on device\n"


def test_help_without_a_standard_output_goes_to_standard_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A process started with file descriptor 1 closed has no ``sys.stdout``."""
    err = io.StringIO()
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", err)
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    assert "usage: python -m handlingsplan" in err.getvalue()


def test_a_usage_error_with_standard_error_unwritable_still_exits_2(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Unwritable(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sys, "stderr", Unwritable())
    with pytest.raises(SystemExit) as info:
        main(["no-such-command"])
    assert info.value.code == 2
