"""Reading a batch of plans: part of the command line's I/O boundary.

Only the command line does I/O, and this module is where it reads. A source is a file
or standard input, read as bytes: input must be UTF-8 (RFC 8259 §8.1) and is never
guessed. A UTF-8 byte order mark at the start is skipped; any other encoding (Latin-1,
UTF-16, binary) is an input error. The JSON text itself is read in ``_cli._json``.

A JSON document holds a plan, a list of plans, or an envelope ``{"as_of", "plans"}`` or
``{"as_of", "plan"}``. JSON Lines holds one such value per line and is read one line at
a time, so a batch of any length is read in bounded memory. Each plan is read on its
own: :func:`read_items` yields a :class:`Loaded` plan or an :class:`Unreadable` record,
in input order, and a bad plan never stops the others.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import json
import re
from collections.abc import Iterator
from typing import IO, Any, Final

import attrs

from .._privacy import redact
from ..errors import ErrorCode, ErrorDetail, InvalidPlanError
from ..model import Plan
from ..serialization import from_dict
from . import _json
from ._json import BOM, MAX_DEPTH, RefusedError, parse, problem, safe, split_lines

FIRST_DATE: Final = _dt.date(1900, 1, 1)
LAST_DATE: Final = _dt.date(2199, 12, 31)
_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class UnavailableError(Exception):
    """A source that cannot be opened; the message is one line for people."""


@attrs.frozen
class Loaded:
    """A plan read from position ``position`` (on JSON Lines line ``line``)."""

    position: int
    line: int | None
    plan: Plan
    as_of: _dt.date | None


@attrs.frozen
class Unreadable:
    """An error record: a plan (``invalid_plan``) or input (``invalid_input``) not read.

    ``position`` is the 0-based index of the item in the batch, ``None`` when the
    input as a whole could not be read; ``line`` the 1-based JSON Lines line.
    """

    kind: str
    position: int | None
    line: int | None
    plan_id: str | None
    details: tuple[ErrorDetail, ...]

    def to_dict(self) -> dict[str, Any]:
        """``{"type", "position", "id", "errors"}``, and ``"line"`` for JSON Lines."""
        record: dict[str, Any] = {"type": self.kind, "position": self.position}
        if self.line is not None:
            record["line"] = self.line
        record["id"] = self.plan_id
        record["errors"] = [detail.to_dict() for detail in self.details]
        return record

    def messages(self, source: str) -> list[str]:
        """One line for people per problem."""
        where = [source]
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.position is not None:
            where.append(f"plan {self.position}")
        if self.plan_id is not None:
            where.append(f"id {self.plan_id}")
        head = ", ".join(where)
        return [
            f"{head}: {detail.path}: {detail.message}"
            if detail.path
            else f"{head}: {detail.message}"
            for detail in self.details
        ]


Item = Loaded | Unreadable


def parse_date(text: str, what: str) -> _dt.date | ErrorDetail:
    """``text`` as a date ``YYYY-MM-DD`` from 1900 to 2199, or the problem with it."""
    if not _DATE.fullmatch(text):
        return problem(what, ErrorCode.NOT_A_DATE, "expected a date as YYYY-MM-DD")
    try:
        day = _dt.date.fromisoformat(text)
    except ValueError:
        return problem(what, ErrorCode.NOT_A_REAL_DATE, f"{text} is not a day of the calendar")
    if not FIRST_DATE <= day <= LAST_DATE:
        return problem(
            what, ErrorCode.OUT_OF_RANGE, "expected a date from 1900-01-01 to 2199-12-31"
        )
    return day


def open_source(source: str, stdin: IO[bytes] | None) -> IO[bytes]:
    """The bytes of ``source``: a path, or ``-`` for standard input."""
    if source == "-":
        if stdin is None:
            raise UnavailableError("standard input is closed")
        return stdin
    try:
        return open(source, "rb")
    except OSError as error:
        raise UnavailableError(f"cannot be read: {error.strerror or error}") from None


def read_items(stream: IO[bytes], *, lines: bool) -> Iterator[Item]:
    """Every plan or error record of ``stream``, one at a time, in input order."""
    counter = itertools.count()
    try:
        if lines:
            for number, raw in enumerate(split_lines(stream), start=1):
                if raw is None:
                    message = f"not read: a line of more than {_json.MAX_LINE_BYTES} bytes"
                    detail = problem("", ErrorCode.UNREADABLE, message)
                    yield Unreadable("invalid_input", next(counter), number, None, (detail,))
                    continue
                if number == 1 and raw.startswith(BOM):
                    raw = raw[len(BOM) :]
                if raw.strip():
                    yield from _document(raw, counter, number)
        else:
            yield from _document(stream.read(), counter, None)
    except OSError as error:
        detail = problem("", ErrorCode.UNREADABLE, f"cannot be read: {error.strerror or error}")
        yield Unreadable("invalid_input", None, None, None, (detail,))


def _document(data: bytes, counter: Iterator[int], line: int | None) -> Iterator[Item]:
    try:
        value = parse(data)
    except RefusedError as refused:
        position = None if line is None else next(counter)
        yield Unreadable("invalid_input", position, line, None, (refused.detail,))
        return
    yield from _unpack(value, counter, line)


def _unpack(value: Any, counter: Iterator[int], line: int | None) -> Iterator[Item]:
    as_of: _dt.date | None = None
    if isinstance(value, dict) and ("plans" in value or "plan" in value):
        details = _envelope_problems(value)
        if details:
            yield Unreadable("invalid_input", next(counter), line, None, tuple(details))
            return
        if "as_of" in value:
            parsed = parse_date(value["as_of"], "as_of")
            assert isinstance(parsed, _dt.date)  # checked by _envelope_problems
            as_of = parsed
        payloads = value["plans"] if "plans" in value else [value["plan"]]
    elif isinstance(value, list):
        payloads = value
    else:
        payloads = [value]
    for payload in payloads:
        yield _plan(payload, next(counter), line, as_of)


def _envelope_problems(value: dict[str, Any]) -> list[ErrorDetail]:
    details = []
    if "plans" in value and "plan" in value:
        details.append(
            problem("", ErrorCode.CONFLICT, 'an envelope holds "plan" or "plans", not both')
        )
    for key in sorted(set(value) - {"as_of", "plans", "plan"}):
        details.append(problem(_step("", key), ErrorCode.UNKNOWN_FIELD, "unknown envelope key"))
    if "as_of" in value:
        if isinstance(value["as_of"], str):
            parsed = parse_date(value["as_of"], "as_of")
            if isinstance(parsed, ErrorDetail):
                details.append(parsed)
        else:
            details.append(
                problem("as_of", ErrorCode.WRONG_TYPE, "expected a date as a YYYY-MM-DD string")
            )
    if "plans" in value and not isinstance(value["plans"], list):
        details.append(problem("plans", ErrorCode.WRONG_TYPE, "expected an array of plans"))
    return details


def _plan(payload: Any, position: int, line: int | None, as_of: _dt.date | None) -> Item:
    plan_id = payload.get("id") if isinstance(payload, dict) else None
    shown = redact(safe(plan_id)) if isinstance(plan_id, str) else None
    details = _tree_problems(payload)
    if details:
        return Unreadable("invalid_plan", position, line, shown, details)
    try:
        plan: Plan = from_dict(payload)
    except InvalidPlanError as error:
        return Unreadable("invalid_plan", position, line, shown, error.details)
    return Loaded(position, line, plan, as_of)


def _tree_problems(payload: Any) -> tuple[ErrorDetail, ...]:
    """Nesting too deep, and strings that are not Unicode text (lone surrogates)."""
    details: list[ErrorDetail] = []
    stack: list[tuple[Any, str, int]] = [(payload, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, str):
            if not _is_text(value):
                message = "a string that is not Unicode text (a lone surrogate escape)"
                details.append(problem(path, ErrorCode.UNREADABLE, message))
        elif depth >= MAX_DEPTH and isinstance(value, dict | list):
            message = f"nested more than {MAX_DEPTH} levels deep"
            return (problem(path, ErrorCode.TOO_DEEP, message),)
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                step = _step(path, key)
                if not _is_text(key):
                    message = "a key that is not Unicode text (a lone surrogate escape)"
                    details.append(problem(step, ErrorCode.UNREADABLE, message))
                stack.append((item, step, depth + 1))
        elif isinstance(value, list):
            stack.extend(
                (item, f"{path}[{index}]", depth + 1)
                for index, item in reversed(list(enumerate(value)))
            )
    return tuple(details)


def _step(path: str, key: str) -> str:
    if _NAME.fullmatch(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def _is_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
