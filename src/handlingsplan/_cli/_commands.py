"""The batch commands ``check`` and ``deadlines``: part of the command line's I/O boundary.

Each command takes the parsed arguments and a :class:`Context` (standard input, output
and messages) and returns its exit status. ``check`` and ``deadlines`` read, check and
write one plan at a time (see :mod:`._input`), so JSON Lines streams.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from argparse import Namespace
from collections.abc import Callable, Iterator
from typing import IO, Any, Final

import attrs

from .._demo_text import render_table, word
from .._privacy import redact
from ..caseload import to_records
from ..deadlines import deadlines
from ..errors import ErrorCode, ErrorDetail, ParameterError
from ..rules import evaluate
from ._input import (
    Item,
    Loaded,
    UnavailableError,
    Unreadable,
    open_source,
    parse_date,
    read_items,
)
from ._json import problem
from ._output import CsvTable, JsonArray, JsonLines, Messages, Output

EXIT_OK: Final = 0
EXIT_ERRORS: Final = 1
EXIT_UNREADABLE: Final = 2

CHECK_COLUMNS: Final = (
    "plan_id",
    "as_of",
    "code",
    "severity",
    "reason",
    "subject",
    "date",
    "message",
    "basis",
)
DEADLINE_COLUMNS: Final = ("plan_id", "due", "act_by", "kind", "subject", "description")


class UsageError(Exception):
    """An option that cannot be used; the message is one line for people."""


@attrs.frozen
class Context:
    """Where a command reads and writes."""

    stdin: IO[bytes] | None
    out: Output
    messages: Messages


_Sink = JsonArray | JsonLines | CsvTable


def option_date(text: str | None, option: str, messages: Messages) -> _dt.date | None:
    """The date an option names (``YYYY-MM-DD`` or ``today``), checked."""
    if text is None:
        return None
    if text == "today":
        today = _dt.datetime.now().astimezone().date()
        messages.line(f"as of {today.isoformat()} (today)")
        return today
    parsed = parse_date(text, option)
    if isinstance(parsed, ErrorDetail):
        raise UsageError(f"{option}: {parsed.message}, or 'today'; got {text!r}")
    return parsed


def sink_for(fmt: str, out: Output, columns: tuple[str, ...]) -> _Sink:
    if fmt == "json":
        return JsonArray(out)
    if fmt == "jsonl":
        return JsonLines(out)
    return CsvTable(out, columns)


def _refuse(item: Unreadable, arguments: Namespace, context: Context, sink: _Sink | None) -> None:
    for line in item.messages(arguments.file):
        context.messages.line(f"error: {line}")
    if sink is not None and arguments.format in ("json", "jsonl"):
        sink.emit(item.to_dict())


def _batch(
    arguments: Namespace,
    context: Context,
    sink: _Sink | None,
    handle: Callable[[Loaded], Unreadable | int],
) -> int:
    """Read, handle and write each plan in turn; the exit status of the whole batch."""
    status = EXIT_OK
    for item in _items(arguments, context):
        result = handle(item) if isinstance(item, Loaded) else item
        if isinstance(result, Unreadable):
            status = EXIT_UNREADABLE
            _refuse(result, arguments, context, sink)
        else:
            status = max(status, result)
    if sink is not None:
        sink.close()
    return status


def _items(arguments: Namespace, context: Context) -> Iterator[Item]:
    lines = arguments.input == "jsonl" or (
        arguments.input is None and arguments.file.endswith(".jsonl")
    )
    try:
        stream = open_source(arguments.file, context.stdin)
    except UnavailableError as error:
        detail = problem("", ErrorCode.UNREADABLE, str(error))
        yield Unreadable("invalid_input", None, None, None, (detail,))
        return
    try:
        yield from read_items(stream, lines=lines)
    finally:
        if stream is not context.stdin:
            stream.close()


def _as_of_for(item: Loaded, option: _dt.date | None) -> _dt.date | Unreadable:
    as_of = option or item.as_of
    if as_of is not None:
        return as_of
    message = "--as-of DATE is required (or 'today'), unless the input names an as_of"
    return _input_error(item, problem("as_of", ErrorCode.MISSING, message))


def _input_error(item: Loaded, detail: ErrorDetail) -> Unreadable:
    return Unreadable("invalid_input", item.position, item.line, redact(item.plan.id), (detail,))


def command_check(arguments: Namespace, context: Context) -> int:
    """Evaluate every plan and write its report."""
    option = option_date(arguments.as_of, "--as-of", context.messages)
    fmt, lang = arguments.format, arguments.lang
    sink = None if fmt == "text" else sink_for(fmt, context.out, CHECK_COLUMNS)
    written = itertools.count()

    def handle(item: Loaded) -> Unreadable | int:
        as_of = _as_of_for(item, option)
        if isinstance(as_of, Unreadable):
            return as_of
        try:
            report = evaluate(item.plan, as_of=as_of)
        except ParameterError as error:
            return _input_error(item, problem("as_of", ErrorCode.OUT_OF_RANGE, str(error)))
        if sink is None:
            context.out.write(("\n" if next(written) else "") + report.explain(lang) + "\n")
        elif fmt == "csv":
            for row in to_records([report], locale=lang):
                sink.emit(row)
        else:
            sink.emit(report.to_dict())
        return EXIT_OK if report.ok else EXIT_ERRORS

    return _batch(arguments, context, sink, handle)


def command_deadlines(arguments: Namespace, context: Context) -> int:
    """Write the key dates of every plan, within ``--weeks`` of the date if given."""
    option = option_date(arguments.as_of, "--as-of", context.messages)
    fmt, lang, weeks, explain = arguments.format, arguments.lang, arguments.weeks, arguments.explain
    columns = DEADLINE_COLUMNS + (("explanation",) if explain else ())
    sink = None if fmt == "text" else sink_for(fmt, context.out, columns)
    written = itertools.count()

    def handle(item: Loaded) -> Unreadable | int:
        found = deadlines(item.plan)
        if weeks is not None:
            as_of = _as_of_for(item, option)
            if isinstance(as_of, Unreadable):
                return as_of
            horizon = as_of + _dt.timedelta(weeks=weeks)  # as_of by 2199, weeks bounded
            found = tuple(d for d in found if as_of <= d.act_by < horizon)
        rows: list[dict[str, Any]] = [
            {
                "plan_id": item.plan.id,
                "due": d.due.isoformat(),
                "act_by": d.act_by.isoformat(),
                "kind": d.kind.value,
                "subject": d.subject,
                "description": d.description(lang),
                **({"explanation": d.explain(lang)} if explain else {}),
            }
            for d in found
        ]
        if sink is not None:
            for row in rows:
                sink.emit(row)
            return EXIT_OK
        table = render_table(
            [
                [
                    str(row["plan_id"]),
                    str(row["due"]),
                    str(row["act_by"]),
                    str(row["kind"]),
                    str(row["subject"] or ""),
                    str(row["description"]),
                ]
                for row in rows
            ],
            [word(key, lang) for key in ("plan", "due", "act_by", "kind_code", "subject", "what")],
        )
        context.out.write(("\n" if next(written) else "") + table + "\n")
        for row in rows if explain else ():
            subject = f" {row['subject']}" if row["subject"] else ""
            context.out.write(f"\n{row['plan_id']} {row['kind']}{subject}: {row['explanation']}\n")
        return EXIT_OK

    return _batch(arguments, context, sink, handle)
