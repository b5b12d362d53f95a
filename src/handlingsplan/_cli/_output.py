"""Writing results: part of the command line's I/O boundary.

:class:`Output` is the only way the command line writes to standard output. Every text
goes through :func:`~handlingsplan._privacy.redact` (or, for JSON, every string in the
value), so no identity number is written in full. A problem writing (a closed pipe, a
full disk, an unwritable or closed stream, a character the stream's encoding lacks)
becomes an :class:`OutputError`, never a traceback. :class:`Messages` writes the
one-line messages to standard error and never raises.

The formats: :class:`JsonArray` writes one JSON array, element by element, so that it
streams; :class:`JsonLines` one value per line; :class:`CsvTable` a header row and then
one row per record.
"""

from __future__ import annotations

import csv
import errno
import json
from collections.abc import Sequence
from typing import Any, TextIO

from .._privacy import redact


class OutputError(Exception):
    """Standard output cannot be written; ``message`` is ``None`` for a closed pipe."""

    def __init__(self, message: str | None) -> None:
        super().__init__(message)
        self.message = message


class Output:
    """Standard output, redacted, with every writing problem as an :class:`OutputError`."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def write(self, text: str) -> None:
        """Write ``text`` with identity numbers masked."""
        self._guarded(lambda stream: stream.write(redact(text)))

    def flush(self) -> None:
        """Flush, so that a problem shows now rather than at exit."""
        self._guarded(lambda stream: stream.flush())

    def _guarded(self, action: Any) -> None:
        if self._stream is None:
            raise OutputError("cannot write to standard output: it is closed")
        try:
            action(self._stream)
        except UnicodeEncodeError as error:
            bad = ascii(error.object[error.start : error.end])
            raise OutputError(
                f"standard output cannot encode {bad} in {error.encoding}; "
                "set PYTHONIOENCODING=utf-8"
            ) from None
        except OSError as error:
            if error.errno == errno.EPIPE:
                raise OutputError(None) from None
            raise OutputError(
                f"cannot write to standard output: {error.strerror or error}"
            ) from None
        except ValueError:  # a closed file
            raise OutputError("cannot write to standard output: it is closed") from None


class Messages:
    """Standard error: one line per message, identity numbers masked; never raises."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream

    def line(self, text: str) -> None:
        """Write ``text`` as one line."""
        shown = redact(" ".join(text.splitlines()))
        try:
            assert self._stream is not None
            self._stream.write(shown + "\n")
            self._stream.flush()
        except (AssertionError, OSError, ValueError):
            pass  # nowhere left to say it; the exit status still does


def redacted(value: Any) -> Any:
    """A JSON-ready ``value`` with every string redacted."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {redact(key): redacted(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [redacted(item) for item in value]
    return value


class JsonArray:
    """One JSON array on standard output, written one element at a time."""

    def __init__(self, out: Output) -> None:
        self._out = out
        self._count = 0

    def emit(self, value: Any) -> None:
        """Write one element."""
        self._out.write("[\n" if self._count == 0 else ",\n")
        self._out.write(json.dumps(redacted(value), ensure_ascii=False, indent=2))
        self._count += 1

    def close(self) -> None:
        """End the array."""
        self._out.write("[]\n" if self._count == 0 else "\n]\n")


class JsonLines:
    """JSON Lines on standard output: one compact value per line."""

    def __init__(self, out: Output) -> None:
        self._out = out

    def emit(self, value: Any) -> None:
        """Write one line."""
        self._out.write(json.dumps(redacted(value), ensure_ascii=False) + "\n")

    def close(self) -> None:
        """Nothing to end."""


class CsvTable:
    """CSV on standard output: a header row, then one row per record."""

    def __init__(self, out: Output, columns: Sequence[str]) -> None:
        self._columns = tuple(columns)
        self._writer = csv.writer(out, lineterminator="\n")
        self._writer.writerow(self._columns)

    def emit(self, row: dict[str, Any]) -> None:
        """Write one row; dates in ISO form, ``None`` as an empty cell."""
        self._writer.writerow(_cell(row.get(column)) for column in self._columns)

    def close(self) -> None:
        """Nothing to end."""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)
