"""The listing commands of ``python -m handlingsplan``: ``rules``, ``parameters``,
``schema`` and ``demo``. Part of the command line's I/O boundary: they write to the
:class:`~._output.Output` of their :class:`~._commands.Context`.
"""

from __future__ import annotations

import datetime as _dt
import json
from argparse import Namespace
from typing import Any, Final

from .._demo_text import render_demo, render_table, word
from ..parameters import DEFAULT_PARAMETERS
from ..rules import DEFAULT_RULES
from ..rules._words import _LABELS as _SEVERITY_WORDS
from ._commands import EXIT_OK, Context, option_date, sink_for

RULE_COLUMNS: Final = ("code", "title", "severity", "programmes", "basis", "valid_from", "valid_to")
HISTORY_COLUMNS: Final = ("name", "valid_from", "value", "unit", "reference")
VALUE_COLUMNS: Final = ("name", "value", "unit")


def command_rules(arguments: Namespace, context: Context) -> int:
    """Write the default rule catalogue."""
    if arguments.format == "text":
        lang = arguments.lang
        every = word("all_programmes", lang)
        rows = [
            [
                item.code,
                _SEVERITY_WORDS[lang][item.severity.value],
                item.title_in(lang),
                every if item.programmes is None else ", ".join(sorted(item.programmes)),
                item.basis,
            ]
            for item in DEFAULT_RULES
        ]
        header = [word(key, lang) for key in ("code", "severity", "title", "programmes", "basis")]
        context.out.write(render_table(rows, header) + "\n")
        return EXIT_OK
    sink = sink_for(arguments.format, context.out, RULE_COLUMNS)
    for item in DEFAULT_RULES:
        record = item.to_dict()
        if arguments.format == "csv":
            programmes = record["programmes"]
            record["programmes"] = "all" if programmes is None else " ".join(programmes)
        sink.emit(record)
    sink.close()
    return EXIT_OK


def _shown(value: object) -> object:
    """A parameter's value ready for JSON: a date in ISO form."""
    return value.isoformat() if isinstance(value, _dt.date) else value


def command_parameters(arguments: Namespace, context: Context) -> int:
    """Write the parameters: their histories, or their values on ``--on``."""
    on = option_date(arguments.on, "--on", context.messages)
    rows: list[dict[str, Any]]
    columns: tuple[str, ...]
    if on is not None:
        values = DEFAULT_PARAMETERS.on(on)
        rows = [
            {"name": name, "value": _shown(value), "unit": DEFAULT_PARAMETERS[name].unit}
            for name, value in values.as_dict().items()
        ]
        columns = VALUE_COLUMNS
    else:
        rows = [
            {
                "name": parameter.name,
                "valid_from": day.isoformat(),
                "value": _shown(value),
                "unit": parameter.unit,
                "reference": parameter.reference,
            }
            for parameter in DEFAULT_PARAMETERS.values()
            for day, value in parameter.history
        ]
        columns = HISTORY_COLUMNS
    if arguments.format != "text":
        sink = sink_for(arguments.format, context.out, columns)
        for row in rows:
            sink.emit(row)
        sink.close()
    elif on is not None:
        lang = arguments.lang
        context.out.write(word("in_force_on", lang, day=on.isoformat()) + "\n")
        table = [[str(row["name"]), str(row["value"]), str(row["unit"])] for row in rows]
        header = [word(key, lang) for key in ("name", "value", "unit")]
        context.out.write(render_table(table, header) + "\n")
    else:
        table = [
            [
                parameter.name,
                "; ".join(
                    word("value_from", arguments.lang, value=_shown(value), day=day.isoformat())
                    for day, value in parameter.history
                ),
                parameter.unit,
                parameter.reference,
            ]
            for parameter in DEFAULT_PARAMETERS.values()
        ]
        header = [word(key, arguments.lang) for key in ("name", "history", "unit", "reference")]
        context.out.write(render_table(table, header) + "\n")
    return EXIT_OK


def command_schema(arguments: Namespace, context: Context) -> int:
    """Write the JSON Schema of a plan, or with ``--errors`` of an error answer."""
    from ..errors import InvalidPlanError
    from ..schema import json_schema

    schema = json_schema(InvalidPlanError) if arguments.errors else json_schema()
    context.out.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def command_demo(arguments: Namespace, context: Context) -> int:
    """Write the embedded example caseload."""
    as_of = option_date(arguments.as_of, "--as-of", context.messages)
    if as_of is None:
        context.out.write(render_demo(locale=arguments.lang))
    else:
        context.out.write(render_demo(as_of=as_of, locale=arguments.lang))
    return EXIT_OK
