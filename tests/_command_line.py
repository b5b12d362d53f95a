"""Run ``python -m handlingsplan`` in this process, or as a process of its own.

Starting an interpreter (and a coverage tracer in it) costs about a second of CPU per
run, so tests about what the command line writes call :func:`in_process`: the same
``main`` the ``__main__`` module calls, with the interpreter's own kinds of streams
(UTF-8, strict on standard output, ``backslashreplace`` on standard error) and
``argparse``'s usage, errors and ``--help`` captured too. Tests about the process
itself (exit statuses through ``SystemExit``, closed or full standard streams,
anything printed at interpreter exit) call :func:`in_subprocess`.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from typing import Any
from unittest import mock

from handlingsplan._cli import main


def in_subprocess(*argv: str, **options: Any) -> subprocess.CompletedProcess[bytes]:
    """``python -m handlingsplan *argv`` as a process of its own; output as bytes."""
    return subprocess.run(
        [sys.executable, "-m", "handlingsplan", *argv],
        capture_output=True,
        check=False,
        **options,
    )


def in_process(*argv: str, input: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """What :func:`in_subprocess` gives, from ``main`` run in this process.

    Standard input is ``input``; the exit status is ``main``'s return value, or the
    code of the ``SystemExit`` that ``argparse`` raises for ``--help`` or a bad option.
    As in a process whose output is piped, ``argparse`` wraps its text at 80 columns.
    """
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
    with (
        mock.patch.dict(os.environ, {"COLUMNS": "80"}),
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(stderr),
    ):
        try:
            status = main(list(argv), stdin=io.BytesIO(input), stdout=stdout, stderr=stderr)
        except SystemExit as exit_:  # as the interpreter turns it into an exit status
            code = exit_.code
            status = 0 if code is None else code if isinstance(code, int) else 1
    captured = []
    for stream in (stdout, stderr):
        stream.flush()
        buffer = stream.buffer
        assert isinstance(buffer, io.BytesIO)
        captured.append(buffer.getvalue())
    return subprocess.CompletedProcess(
        [sys.executable, "-m", "handlingsplan", *argv], status, *captured
    )


def as_text(result: subprocess.CompletedProcess[bytes]) -> subprocess.CompletedProcess[str]:
    """``result`` with its output decoded as ``subprocess.run(text=True)`` decodes it."""

    def text(data: bytes) -> str:
        return data.decode().replace("\r\n", "\n").replace("\r", "\n")

    return subprocess.CompletedProcess(
        result.args, result.returncode, text(result.stdout), text(result.stderr)
    )
