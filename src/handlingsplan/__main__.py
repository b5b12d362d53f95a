"""The command line: ``python -m handlingsplan``. The only place with I/O."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ._demo import render_demo
from ._version import __version__


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m handlingsplan",
        description="Individual action plans for the Swedish establishment programme.",
    )
    parser.add_argument("--version", action="version", version=f"handlingsplan {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("demo", help="show the embedded example caseload")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (``sys.argv[1:]`` by default); the exit status."""
    arguments = _parser().parse_args(argv)
    if arguments.command == "demo":
        sys.stdout.write(render_demo())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
