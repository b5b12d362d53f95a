"""The argument parser of ``python -m handlingsplan``: options, help, exit statuses."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, Final, NoReturn

from .._privacy import echo, redact
from .._version import __version__
from ._commands import EXIT_UNREADABLE, command_check, command_deadlines
from ._listings import command_demo, command_parameters, command_rules, command_schema
from ._output import OutputError

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

MAX_WEEKS: Final = 5200
"""The widest ``--weeks`` window: about a hundred years."""

_LANG: Final = (
    "the language of every text a person reads: sv (Swedish, the default) or en (English); "
    "JSON output carries both"
)
_INPUT: Final = """\
input:
  FILE holds a plan, a list of plans, or an envelope {"as_of": "YYYY-MM-DD", "plans": [...]}
  (or "plan": {...}); with --input jsonl (or a .jsonl file) one of these per line, read,
  checked and written one line at a time (a line over 64 MiB is refused unread). Input
  must be UTF-8; a UTF-8 byte order mark is
  skipped. An explicit --as-of wins over an envelope's as_of. A plan that cannot be read
  gives an error record (under --format json|jsonl, also on standard output) and the
  others are still checked."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_UNREADABLE, redact(f"{self.prog}: error: {message}\n"))

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        """argparse's, except that help which cannot be written to standard output (a
        full disk, a closed pipe) is an :class:`OutputError`, not silently dropped."""
        stream = file or sys.stderr
        try:
            stream.write(message)
        except OSError as error:
            if stream is not sys.stdout:
                return  # standard error is where a failure would be told: nothing to do
            if isinstance(error, BrokenPipeError):
                raise OutputError(None) from None
            raise OutputError(f"cannot write to standard output: {error.strerror}") from None


def _weeks(text: str) -> int:
    try:
        value = int(text) if len(text) <= 20 else -1 - MAX_WEEKS
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of weeks: {echo(text)}") from None
    if not 0 <= value <= MAX_WEEKS:
        raise argparse.ArgumentTypeError(
            f"weeks must be a whole number from 0 to {MAX_WEEKS}, not {echo(text)}"
        )
    return value


def _command(
    commands: Any,  # argparse's subparsers action, a private class
    name: str,
    *,
    summary: str,
    statuses: str,
    example: str,
    extra: str = "",
) -> argparse.ArgumentParser:
    epilog = f"exit status:\n{statuses}\n\nexample:\n  {example}"
    if extra:
        epilog = f"{extra}\n\n{epilog}"
    command: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=summary[0].upper() + summary[1:] + ".",
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return command


_ALWAYS_0: Final = "  0  done\n  2  a bad option, or output that cannot be written"


def parser() -> argparse.ArgumentParser:
    """The parser of every command."""
    top = _Parser(
        prog="python -m handlingsplan",
        description="Individual action plans for the Swedish establishment programme.",
        epilog="Run 'python -m handlingsplan COMMAND --help' for a command's options, "
        "exit statuses and an example.",
    )
    top.add_argument("--version", action="version", version=f"handlingsplan {__version__}")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = _command(
        commands,
        "check",
        summary="evaluate plans and write their reports",
        statuses="  0  every plan read, no error findings\n"
        "  1  every plan read, some report has an error finding\n"
        "  2  some plan or the input as a whole could not be read, a bad option,\n"
        "     or output that cannot be written (a closed pipe exits 2 quietly)",
        example="python -m handlingsplan check plans.jsonl --as-of 2026-03-02 --format jsonl",
        extra=_INPUT,
    )
    _batch_options(check, formats=True)
    check.set_defaults(run=command_check)

    dates = _command(
        commands,
        "deadlines",
        summary="write the key dates of plans",
        statuses="  0  every plan read\n"
        "  2  some plan or the input could not be read, a bad option,\n"
        "     or output that cannot be written",
        example="python -m handlingsplan deadlines plan.json --weeks 4 --as-of today --lang en",
        extra=_INPUT,
    )
    _batch_options(dates, formats=True)
    dates.add_argument(
        "--weeks",
        type=_weeks,
        help=f"only key dates to act on within N weeks (0 to {MAX_WEEKS}) from the date",
    )
    dates.add_argument(
        "--explain", action="store_true", help="say how each key date was reached, in --lang"
    )
    dates.set_defaults(run=command_deadlines)

    rules = _command(
        commands,
        "rules",
        summary="list the default rule catalogue",
        statuses=_ALWAYS_0,
        example="python -m handlingsplan rules --format csv > rules.csv",
    )
    _lang(rules)
    _format(rules)
    rules.set_defaults(run=command_rules)

    parameters = _command(
        commands,
        "parameters",
        summary="list the dated parameters",
        statuses=_ALWAYS_0,
        example="python -m handlingsplan parameters --on 2026-01-01 --format json",
    )
    parameters.add_argument("--on", help="show the values in force on DATE (YYYY-MM-DD or 'today')")
    _lang(parameters)
    _format(parameters)
    parameters.set_defaults(run=command_parameters)

    schema = _command(
        commands,
        "schema",
        summary="write the JSON Schema of a plan",
        statuses=_ALWAYS_0,
        example="python -m handlingsplan schema --errors > error.schema.json",
    )
    schema.add_argument(
        "--errors",
        action="store_true",
        help="the schema of an error answer (InvalidPlanError.to_dict()) instead",
    )
    schema.set_defaults(run=command_schema)

    demo = _command(
        commands,
        "demo",
        summary="show the embedded example caseload",
        statuses=_ALWAYS_0,
        example="python -m handlingsplan demo --as-of 2026-06-01 --lang sv",
    )
    demo.add_argument("--as-of", help="the date to show the caseload on (default 2026-03-02)")
    _lang(
        demo,
        default="en",
        help="the language of every text a person reads: en (English, the default, as the "
        "README shows) or sv (Swedish)",
    )
    demo.set_defaults(run=command_demo)
    return top


def _batch_options(command: argparse.ArgumentParser, *, formats: bool) -> None:
    command.add_argument(
        "file", metavar="FILE|-", help="a JSON or JSON Lines file, or - for standard input"
    )
    command.add_argument(
        "--input",
        choices=("json", "jsonl"),
        help="json: one document; jsonl: one plan or envelope per line "
        "(default: jsonl for a .jsonl file, else json)",
    )
    command.add_argument(
        "--as-of", help="the date to check on: YYYY-MM-DD or 'today' (wins over the input's as_of)"
    )
    _lang(command)
    _format(command)


def _lang(command: argparse.ArgumentParser, *, default: str = "sv", help: str = _LANG) -> None:
    """The ``--lang`` option: the language of every text a person reads."""
    command.add_argument("--lang", choices=("sv", "en"), default=default, help=help)


def _format(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--format",
        choices=("text", "json", "jsonl", "csv"),
        default="text",
        help="text for people; json (one array), jsonl (one record a line) or csv for machines",
    )
