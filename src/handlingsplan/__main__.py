"""The command line: ``python -m handlingsplan``. The only place with I/O.

Commands:

* ``check FILE|- [--as-of DATE] [--lang sv|en] [--format text|json]``: evaluate one
  plan or a list of plans; exit status 0 without error findings, 1 with error
  findings, 2 for input that cannot be read.
* ``deadlines FILE|- [--weeks N] [--as-of DATE] [--explain]``: the key dates of the
  plan(s); with ``--explain``, how each was reached, in ``--lang``.
* ``rules``: the default rule catalogue with codes, severities and legal bases.
* ``parameters [--on DATE]``: the parameters, with their histories or values on a date.
* ``schema``: the JSON Schema of the plan dict form.
* ``demo``: the embedded example caseload.

A file holds a plan dict, a list of plan dicts, or an envelope
``{"as_of": "YYYY-MM-DD", "plans": [...]}`` (or ``"plan": {...}``) that names the date.
``--as-of`` is required unless the file names one, so that results never depend on the
clock silently; ``--as-of today`` is allowed and says which date it used.

Text output and error messages are for people: an identity number in them, whichever
field it was typed into, is masked. JSON output is for machines and keeps values as
given.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from ._demo import render_demo, render_table
from ._privacy import redact
from ._version import __version__
from .caseload import evaluate_many
from .deadlines import deadlines
from .errors import HandlingsplanError, InvalidPlanError
from .model import Plan
from .parameters import DEFAULT_PARAMETERS
from .rules import DEFAULT_RULES
from .serialization import from_dict

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_UNREADABLE = 2


class _InputError(Exception):
    """Input that cannot be read; the message lines are shown as they are."""

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = tuple(lines)


def _parse_date(text: str, what: str) -> _dt.date:
    try:
        if len(text) != 10:
            raise ValueError(text)
        return _dt.date.fromisoformat(text)
    except ValueError:
        raise _InputError([f"{what}: not a date as YYYY-MM-DD: {text!r}"]) from None


def _read_json(source: str, stdin: TextIO) -> Any:
    try:
        text = stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as error:
        raise _InputError([f"{source}: cannot be read: {error.strerror or error}"]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise _InputError(
            [f"{source}: not valid JSON (line {error.lineno}, column {error.colno}): {error.msg}"]
        ) from None


def _read_plans(source: str, stdin: TextIO) -> tuple[tuple[Plan, ...], _dt.date | None]:
    data = _read_json(source, stdin)
    file_as_of: _dt.date | None = None
    if isinstance(data, dict) and ("plans" in data or "plan" in data):
        extra = sorted(set(data) - {"as_of", "plans", "plan"})
        if extra:
            raise _InputError([f"{source}: unknown envelope keys: {', '.join(extra)}"])
        if "as_of" in data:
            if not isinstance(data["as_of"], str):
                raise _InputError([f"{source}: as_of must be a date as YYYY-MM-DD"])
            file_as_of = _parse_date(data["as_of"], f"{source}: as_of")
        payloads = data["plans"] if "plans" in data else [data["plan"]]
        prefix = "plans" if "plans" in data else "plan"
    elif isinstance(data, list):
        payloads, prefix = data, ""
    else:
        payloads, prefix = [data], None
    if not isinstance(payloads, list):
        raise _InputError([f"{source}: plans must be a list of plan objects"])
    plans: list[Plan] = []
    problems: list[str] = []
    for index, payload in enumerate(payloads):
        where = "" if prefix is None else f"{prefix}[{index}]" if prefix != "plan" else "plan"
        try:
            plans.append(from_dict(payload))
        except InvalidPlanError as error:
            for path, message in error.errors:
                full = ".".join(part for part in (where, path) if part).replace(".[", "[")
                problems.append(f"{source}: {full or '(root)'}: {message}")
    if problems:
        raise _InputError(problems)
    return tuple(plans), file_as_of


def _as_of(option: str | None, from_file: _dt.date | None, *, required: bool) -> _dt.date | None:
    if option is None:
        if from_file is None and required:
            raise _InputError(
                ["--as-of DATE is required (or 'today'), unless the file names an as_of"]
            )
        return from_file
    if option == "today":
        today = _dt.datetime.now().astimezone().date()
        sys.stderr.write(f"as of {today.isoformat()} (today)\n")
        return today
    return _parse_date(option, "--as-of")


def _command_check(arguments: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    plans, file_as_of = _read_plans(arguments.file, stdin)
    as_of = _as_of(arguments.as_of, file_as_of, required=True)
    assert as_of is not None
    reports = list(evaluate_many(plans, as_of=as_of))
    if arguments.format == "json":
        stdout.write(json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2))
        stdout.write("\n")
    else:
        stdout.write("\n\n".join(r.explain(arguments.lang) for r in reports) + "\n")
    return EXIT_OK if all(report.ok for report in reports) else EXIT_ERRORS


def _command_deadlines(arguments: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    plans, file_as_of = _read_plans(arguments.file, stdin)
    as_of = _as_of(arguments.as_of, file_as_of, required=arguments.weeks is not None)
    rows = []
    explained: list[tuple[str, str]] = []
    for plan in plans:
        for deadline in deadlines(plan):
            if arguments.weeks is not None:
                assert as_of is not None
                horizon = as_of + _dt.timedelta(weeks=arguments.weeks)
                if not as_of <= deadline.act_by < horizon:
                    continue
            rows.append(
                [
                    plan.id,
                    deadline.due.isoformat(),
                    deadline.act_by.isoformat(),
                    deadline.kind.value,
                    deadline.subject or "",
                    deadline.description(arguments.lang),
                ]
            )
            explained.append((plan.id, deadline.explain(arguments.lang)))
    if arguments.format == "json":
        keys = ["plan_id", "due", "act_by", "kind", "subject", "description"]
        found = [dict(zip(keys, row, strict=True)) for row in rows]
        if arguments.explain:
            for entry, (_, text) in zip(found, explained, strict=True):
                entry["explanation"] = text
        stdout.write(json.dumps(found, indent=2))
        stdout.write("\n")
    else:
        header = ["plan", "due", "act by", "kind", "subject", "what"]
        stdout.write(redact(render_table(rows, header)) + "\n")
        if arguments.explain:
            for (plan_id, text), row in zip(explained, rows, strict=True):
                subject = f" {row[4]}" if row[4] else ""
                stdout.write(redact(f"\n{plan_id} {row[3]}{subject}: {text}") + "\n")
    return EXIT_OK


def _command_rules(arguments: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    if arguments.format == "json":
        stdout.write(json.dumps([r.to_dict() for r in DEFAULT_RULES], ensure_ascii=False))
        stdout.write("\n")
        return EXIT_OK
    rows = [
        [
            item.code,
            item.severity.value,
            "all" if item.programmes is None else ", ".join(sorted(item.programmes)),
            item.basis,
        ]
        for item in DEFAULT_RULES
    ]
    stdout.write(render_table(rows, ["code", "severity", "programmes", "basis"]) + "\n")
    return EXIT_OK


def _shown(value: object) -> str:
    """A parameter's value as text: a date in ISO form."""
    return value.isoformat() if isinstance(value, _dt.date) else str(value)


def _command_parameters(arguments: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    if arguments.on is not None:
        on = _parse_date(arguments.on, "--on")
        values = DEFAULT_PARAMETERS.on(on)
        rows = [
            [name, _shown(value), DEFAULT_PARAMETERS[name].unit]
            for name, value in values.as_dict().items()
        ]
        stdout.write(f"Parameters in force on {on.isoformat()}\n")
        stdout.write(render_table(rows, ["name", "value", "unit"]) + "\n")
        return EXIT_OK
    rows = [
        [
            parameter.name,
            "; ".join(
                f"{_shown(value)} from {day.isoformat()}" for day, value in parameter.history
            ),
            parameter.unit,
            parameter.reference,
        ]
        for parameter in DEFAULT_PARAMETERS.values()
    ]
    stdout.write(render_table(rows, ["name", "history", "unit", "reference"]) + "\n")
    return EXIT_OK


def _command_schema(arguments: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    from .schema import json_schema

    stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _command_demo(arguments: argparse.Namespace, stdin: TextIO, stdout: TextIO) -> int:
    stdout.write(render_demo())
    return EXIT_OK


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNREADABLE, redact(f"{self.prog}: error: {message}\n"))


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m handlingsplan",
        description="Individual action plans for the Swedish establishment programme.",
    )
    parser.add_argument("--version", action="version", version=f"handlingsplan {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="evaluate plans and print their reports")
    check.add_argument("file", metavar="FILE|-", help="a JSON file, or - for standard input")
    check.add_argument("--as-of", help="the date to check on (YYYY-MM-DD or 'today')")
    check.add_argument("--lang", choices=("sv", "en"), default="sv")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.set_defaults(run=_command_check)

    dates = commands.add_parser("deadlines", help="print the key dates of plans")
    dates.add_argument("file", metavar="FILE|-")
    dates.add_argument("--weeks", type=_weeks, help="only those due within N weeks of --as-of")
    dates.add_argument("--as-of", help="the start of the --weeks window (or 'today')")
    dates.add_argument("--lang", choices=("sv", "en"), default="sv")
    dates.add_argument("--format", choices=("text", "json"), default="text")
    dates.add_argument(
        "--explain", action="store_true", help="say how each key date was reached, in --lang"
    )
    dates.set_defaults(run=_command_deadlines)

    rules = commands.add_parser("rules", help="list the default rule catalogue")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.set_defaults(run=_command_rules)

    parameters = commands.add_parser("parameters", help="list the dated parameters")
    parameters.add_argument("--on", help="show the values in force on DATE")
    parameters.set_defaults(run=_command_parameters)

    commands.add_parser("schema", help="print the JSON Schema of a plan").set_defaults(
        run=_command_schema
    )
    commands.add_parser("demo", help="show the embedded example caseload").set_defaults(
        run=_command_demo
    )
    return parser


def _weeks(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of weeks: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"weeks must not be negative: {value}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default); the exit status."""
    arguments = _parser().parse_args(argv)
    try:
        status: int = arguments.run(arguments, sys.stdin, sys.stdout)
    except _InputError as error:
        for line in error.lines:
            sys.stderr.write(redact(f"error: {line}\n"))
        return EXIT_UNREADABLE
    except HandlingsplanError as error:
        sys.stderr.write(f"error: {error}\n")
        return EXIT_UNREADABLE
    return status


if __name__ == "__main__":
    raise SystemExit(main())
