"""The command line, ``python -m handlingsplan``: the package's only I/O boundary.

Everything that reads files or standard input, writes standard output or standard
error, or reads the clock (``--as-of today``) lives in this package; the library below
it is pure. :func:`main` never lets a traceback out: every input or output problem is a
one-line message on standard error and exit status 2, and a closed pipe exits 2 quietly.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import IO, TextIO

from ..errors import HandlingsplanError
from ._commands import EXIT_UNREADABLE, Context, UsageError
from ._output import Messages, Output, OutputError
from ._parser import parser

__all__ = ["main"]


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: IO[bytes] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default); the exit status.

    The streams default to the process's own; given, they let a test or a caller run the
    command line in-process (standard input as bytes).
    """
    own = stdout is None
    if stdin is None and sys.stdin is not None:
        stdin = sys.stdin.buffer
    messages = Messages(sys.stderr if stderr is None else stderr)
    out = Output(sys.stdout if stdout is None else stdout)
    try:
        arguments = parser().parse_args(argv)
        status: int = arguments.run(arguments, Context(stdin, out, messages))
        out.flush()
    except SystemExit:
        failed = _flush_quietly(own)
        if failed is None:
            raise
        # ``--help`` or a usage error whose text never reached standard output
        if not isinstance(failed, BrokenPipeError):  # a closed pipe is quiet, as below
            messages.line(f"error: cannot write to standard output: {failed.strerror or failed}")
        return EXIT_UNREADABLE
    except OutputError as error:
        if error.message is not None:
            messages.line(f"error: {error.message}")
        if own:
            _silence_stdout()
        return EXIT_UNREADABLE
    except (UsageError, HandlingsplanError) as error:
        messages.line(f"error: {error}")
        return EXIT_UNREADABLE
    return status


def _flush_quietly(own: bool) -> OSError | None:
    """Flush the process's standard output after ``--help``, silencing it if that fails;
    the error that made a write fail (a full disk, a closed pipe), if one did."""
    if own:
        try:
            sys.stdout.flush()
        except OSError as error:
            _silence_stdout()
            return error
        except (ValueError, AttributeError):
            _silence_stdout()
    return None


def _silence_stdout() -> None:
    """Point file descriptor 1 at the null device, so that Python's flush at exit succeeds."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass
