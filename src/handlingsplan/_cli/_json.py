"""JSON text read as values, within limits: part of the command line's I/O boundary.

Input is UTF-8 (RFC 8259 §8.1), never guessed: a UTF-8 byte order mark is skipped, NUL
bytes (UTF-16, binary) and bytes that are not UTF-8 are refused. Nesting deeper than
:data:`MAX_DEPTH`, an integer of more than :data:`MAX_DIGITS` digits, ``NaN`` and the
infinities are refused, and a JSON Lines line longer than :data:`MAX_LINE_BYTES` is
skipped unread. Every refusal is a :class:`RefusedError` holding one error detail.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import IO, Any, Final

from ..errors import ErrorCode, ErrorDetail

__all__ = [
    "BOM",
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_LINE_BYTES",
    "RefusedError",
    "parse",
    "problem",
    "safe",
    "split_lines",
]

MAX_DEPTH: Final = 64
"""The deepest nesting of arrays and objects read; a plan needs far fewer levels."""
MAX_DIGITS: Final = sys.get_int_max_str_digits() or 4300
"""The most digits an integer in the input may have."""
MAX_LINE_BYTES = 64 * 1024 * 1024
"""The longest line of JSON Lines read (64 MiB; a plan of 10 000 activities is about 2 MiB):
a longer line is refused unread, so that one line cannot take the memory of a batch."""
BOM: Final = b"\xef\xbb\xbf"
"""The UTF-8 byte order mark, skipped at the start of the input."""


def problem(path: str, code: ErrorCode, message: str) -> ErrorDetail:
    """One detail; a path that is not Unicode text is shown escaped."""
    return ErrorDetail.of(safe(path), code, message)


def safe(text: str) -> str:
    """``text`` with any lone surrogate escaped, so that it can be written as UTF-8."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def split_lines(stream: IO[bytes]) -> Iterator[bytes | None]:
    """Each line of ``stream``, or ``None`` for one longer than :data:`MAX_LINE_BYTES`,
    which is skipped without being held in memory."""
    limit = MAX_LINE_BYTES
    while raw := stream.readline(limit + 1):
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield raw
            continue
        while (rest := stream.readline(limit + 1)) and not rest.endswith(b"\n"):
            pass
        yield None


class RefusedError(Exception):
    def __init__(self, detail: ErrorDetail) -> None:
        super().__init__(detail.message)
        self.detail = detail


class _TooManyDigitsError(Exception):
    pass


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _TooManyDigitsError
    return int(text)


def _constant(text: str) -> Any:
    raise RefusedError(problem("", ErrorCode.UNREADABLE, f"{text} is not a JSON value"))


def parse(data: bytes) -> Any:
    if data.startswith(BOM):
        data = data[len(BOM) :]
    if b"\x00" in data:
        raise RefusedError(
            problem(
                "", ErrorCode.UNREADABLE, "not UTF-8 text: it holds NUL bytes (UTF-16 or binary)"
            )
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RefusedError(
            problem(
                "",
                ErrorCode.UNREADABLE,
                f"not UTF-8 text: byte 0x{data[error.start]:02x} at offset {error.start}",
            )
        ) from None
    try:
        return json.loads(text, parse_int=_integer, parse_constant=_constant)
    except RecursionError:
        message = f"nested more than {MAX_DEPTH} levels deep"
        raise RefusedError(problem("", ErrorCode.TOO_DEEP, message)) from None
    except _TooManyDigitsError:
        message = f"a number of more than {MAX_DIGITS} digits"
        raise RefusedError(problem("", ErrorCode.OUT_OF_RANGE, message)) from None
    except json.JSONDecodeError as error:
        message = f"not valid JSON (line {error.lineno}, column {error.colno}): {error.msg}"
        raise RefusedError(problem("", ErrorCode.UNREADABLE, message)) from None
