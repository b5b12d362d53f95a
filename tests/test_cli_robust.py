"""The command line never shows a traceback: odd input and output, end to end.

Each test asserts exit status 2 (or a quiet exit for a closed pipe) and no traceback on
standard error. Odd input and options go through ``main`` in this process, with streams
like the interpreter's (see ``_command_line``); odd standard streams, and generated
input, through ``python -m handlingsplan`` in a process of its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _command_line import in_process, in_subprocess
from _profiles import examples
from handlingsplan import to_dict
from handlingsplan._demo import demo_caseload

GOOD = json.dumps(to_dict(demo_caseload()[0]))
AS_OF = "2026-03-02"


run = in_subprocess


def assert_refused(result: subprocess.CompletedProcess[bytes]) -> None:
    assert result.returncode == 2, result.stderr
    assert b"Traceback" not in result.stderr
    assert b"Exception ignored" not in result.stderr
    assert result.stderr.strip()
    assert all(
        line.startswith((b"error: ", b"usage", b"python -m", b" "))
        for line in result.stderr.splitlines()
    )


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(bytes(range(256)), id="binary"),
        pytest.param('{"id": "Åsa"}'.encode("latin-1"), id="latin-1"),
        pytest.param(GOOD.encode("utf-16"), id="utf-16"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, id="100000-deep"),
        pytest.param(b'{"id": ' + b"9" * 5000 + b"}", id="5000-digits"),
        pytest.param(GOOD.replace('"plan-0001"', '"\\ud800"').encode(), id="lone-surrogate-id"),
        pytest.param(b'{"as_of": "2026-03-02", "plan": {}, "plans": []}', id="plan-and-plans"),
    ],
)
def test_odd_input_exits_2_without_a_traceback(tmp_path: Path, data: bytes) -> None:
    source = tmp_path / "input.json"
    source.write_bytes(data)
    for fmt in ("text", "json"):
        assert_refused(in_process("check", str(source), "--as-of", AS_OF, "--format", fmt))


def test_a_lone_surrogate_in_an_id_is_named_in_the_record(tmp_path: Path) -> None:
    source = tmp_path / "input.json"
    source.write_text(GOOD.replace('"plan-0001"', '"\\ud800"'), encoding="utf-8")
    result = in_process("check", str(source), "--as-of", AS_OF, "--format", "json")
    (record,) = json.loads(result.stdout)
    assert record["errors"][0]["pointer"] == "/id"


@pytest.mark.parametrize(
    "option", [["--as-of", "2026-W10-1"], ["--as-of", "20260301"], ["--weeks", "99999999"]]
)
def test_bad_options_exit_2_with_one_message(option: list[str]) -> None:
    assert_refused(in_process("deadlines", "-", *option, input=GOOD.encode()))


def test_an_ascii_standard_output_exits_2_naming_the_character() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = run("check", "-", "--as-of", AS_OF, input=GOOD.encode(), env=env)
    assert_refused(result)
    assert b"cannot encode '\\xf6' in ascii" in result.stderr


def test_a_full_disk_exits_2() -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "handlingsplan", "rules"],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert_refused(result)
    assert b"No space left on device" in result.stderr


# Help goes to standard output through argparse, which drops a failed write: written at
# once (PYTHONUNBUFFERED set), the parser itself must tell it; buffered, the flush after
# it. Both ways are run, whatever the environment of the suite.
BUFFERING = pytest.mark.parametrize("unbuffered", ["1", ""], ids=["unbuffered", "buffered"])


def _help_into(stdout: int, unbuffered: str, *command: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "handlingsplan", *command, "--help"],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": unbuffered},
        check=False,
    )


@BUFFERING
@pytest.mark.parametrize("command", [(), ("rules",)], ids=["top", "rules"])
def test_help_on_a_full_disk_exits_2_without_a_traceback(
    unbuffered: str, command: tuple[str, ...]
) -> None:
    """Help that cannot be written is a failure, told as the other commands tell it."""
    with open("/dev/full", "wb") as full:
        result = _help_into(full.fileno(), unbuffered, *command)
    assert_refused(result)
    assert b"cannot write to standard output: No space left on device" in result.stderr


@BUFFERING
def test_help_into_a_closed_pipe_exits_2_quietly(unbuffered: str) -> None:
    read, write = os.pipe()
    os.close(read)
    try:
        result = _help_into(write, unbuffered)
    finally:
        os.close(write)
    assert result.returncode == 2
    assert result.stderr == b""


def test_a_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    source = tmp_path / "plans.jsonl"
    source.write_text("\n".join([GOOD] * 300), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "handlingsplan", "check", str(source), "--as-of", AS_OF],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    error = process.stderr.read()
    process.stderr.close()
    assert process.wait() == 2
    assert error == b""


def test_a_closed_or_unwritable_standard_output_exits_2() -> None:
    argv = [sys.executable, "-m", "handlingsplan", "rules"]
    closed = subprocess.run(
        argv, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1), check=False
    )
    assert_refused(closed)
    with open(os.devnull, "rb") as read_only:
        unwritable = subprocess.run(argv, stdout=read_only, stderr=subprocess.PIPE, check=False)
    assert_refused(unwritable)


def test_a_closed_standard_input_exits_2() -> None:
    result = run("check", "-", "--as-of", AS_OF, stdin=None, preexec_fn=lambda: os.close(0))
    assert_refused(result)
    assert b"standard input is closed" in result.stderr


# -- properties -----------------------------------------------------------------------

plans = st.sampled_from([GOOD, GOOD.replace("2025-02-03", "2025-02-30"), "{}", "[]", "null"])
envelopes = st.builds(
    lambda plan, as_of, key: (
        f'{{"as_of": {json.dumps(as_of)}, "{key}": {plan if key == "plan" else "[" + plan + "]"}}}'
    ),
    plans,
    st.sampled_from(["2026-03-02", "2026-3-2", "2017-01-01", "x"]),
    st.sampled_from(["plan", "plans"]),
)
documents = st.one_of(
    plans,
    envelopes,
    st.text(max_size=30),
    st.binary(max_size=30).map(lambda b: b.decode("latin-1")),
)
inputs = st.one_of(
    documents.map(str.encode),
    st.lists(documents, max_size=4).map(lambda items: "\n".join(items).encode()),
    st.binary(max_size=60),
)
argvs = st.tuples(
    st.sampled_from(["check", "deadlines"]),
    st.sampled_from([[], ["--input", "jsonl"], ["--input", "json"]]),
    st.sampled_from(
        [[], ["--as-of", AS_OF], ["--as-of", "2026-W10-1"], ["--weeks", "4", "--as-of", AS_OF]]
    ),
    st.sampled_from(["text", "json", "jsonl", "csv"]),
    st.sampled_from(["sv", "en"]),
)


def _argv(choice: tuple[str, list[str], list[str], str, str]) -> list[str]:
    command, source, dates, fmt, lang = choice
    if command == "check" and "--weeks" in dates:
        dates = dates[2:]
    return [command, "-", *source, *dates, "--format", fmt, "--lang", lang]


@settings(max_examples=examples(30))
@given(data=inputs, choice=argvs)
def test_any_input_exits_0_1_or_2_without_a_traceback(data: bytes, choice: Any) -> None:
    result = run(*_argv(choice), input=data)
    assert result.returncode in (0, 1, 2)
    assert b"Traceback" not in result.stderr
    if result.returncode == 2:
        assert result.stderr


@settings(max_examples=examples(300))
@given(data=inputs, choice=argvs)
def test_any_input_in_process_exits_0_1_or_2(data: bytes, choice: Any) -> None:
    import io

    from handlingsplan._cli import main

    out, err = io.StringIO(), io.StringIO()
    try:
        status = main(_argv(choice), stdin=io.BytesIO(data), stdout=out, stderr=err)
    except SystemExit as exit_:  # a bad option, from argparse
        status = exit_.code  # type: ignore[assignment]  # argparse exits with an int
    assert status in (0, 1, 2)
    if status == 2:
        assert err.getvalue()
    if choice[3] in ("json", "jsonl") and out.getvalue():
        text = out.getvalue()
        values = (
            [json.loads(text)]
            if choice[3] == "json"
            else [json.loads(line) for line in text.splitlines()]
        )
        assert values
