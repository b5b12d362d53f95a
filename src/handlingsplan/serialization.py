"""Lossless conversion between model values and JSON-ready dicts.

One ``cattrs`` converter defines the dict form: dates are ISO ``YYYY-MM-DD`` strings,
enums their values, tuples lists, and a plan's dict carries ``"schema": "handlingsplan/2"``
(``"handlingsplan/1"`` dicts are read too). For speed, a reader and a writer generated
per model class (``handlingsplan._reader``, ``handlingsplan._writer``) do the
common work; on any problem the converter reads the input again, so that every error
is reported as it always was.
Input is read strictly: no date-times or other date formats, no numbers from strings,
no booleans for numbers, no unknown keys. Every problem found is reported at once in
one :class:`~handlingsplan.InvalidPlanError`, with paths such as
``activities[2].end``.

>>> import datetime as dt
>>> from handlingsplan import Participant
>>> to_dict(Participant(id="d-1", birth_date=dt.date(1990, 5, 17)))["birth_date"]
'1990-05-17'
>>> try:
...     from_dict({"id": "d-1", "birth_date": "1990-05-17T00:00"}, Participant)
... except InvalidPlanError as error:
...     print(error.errors[0][1])
...     print(error.details[0].pointer, error.details[0].code.value)
expected a date as YYYY-MM-DD, got a date-time '1990-05-17T00:00'
/birth_date datetime_not_allowed

Where the dict form has a date string, a :class:`datetime.date` is read too (a
:class:`datetime.datetime` is not), so that Python callers need not format dates first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, TypeVar

import attrs

from . import _converter, _reader, _writer
from ._converter import converter, fast_converter
from .errors import ErrorCode, InvalidPlanError
from .model import Plan

__all__ = ["SCHEMA", "converter", "from_dict", "to_dict"]

T = TypeVar("T")

SCHEMA: Final = _converter.SCHEMA
"""The schema version a plan's dict carries under the key ``"schema"``."""

READABLE_SCHEMAS: Final = _converter.READABLE_SCHEMAS
"""The schema versions :func:`from_dict` reads: ``/1`` dicts lack the keys ``/2`` added
(``participation_reason``, ``participation_changes``, ``absences``), so their defaults
apply."""


# -- the public functions ---------------------------------------------------------


_READERS: Final = _reader.build(READABLE_SCHEMAS, SCHEMA)
"""The generated fast readers, by class: tried first, for plain valid input."""

_WRITERS: Final = _writer.build(SCHEMA)
"""The generated fast writers, by class; other ``attrs`` values go through cattrs."""


def to_dict(value: Any) -> dict[str, Any]:
    """The JSON-ready dict form of a model value (a plan, participant, activity...).

    ``from_dict(to_dict(plan)) == plan`` for every plan.
    """
    writer = _WRITERS.get(type(value))
    if writer is not None:
        return writer(value)
    return _to_dict_detailed(value)


def _to_dict_detailed(value: Any) -> dict[str, Any]:
    """:func:`to_dict` by the cattrs converter, for any ``attrs`` value."""
    if not attrs.has(type(value)):
        raise TypeError(f"to_dict takes a model value, not {type(value).__name__}")
    result: dict[str, Any] = fast_converter.unstructure(value)
    return result


def from_dict(data: Mapping[str, Any], cls: type[T] = Plan) -> T:  # type: ignore[assignment]
    """Read a value of ``cls`` (a :class:`~handlingsplan.Plan` by default) from its dict form.

    Raises :class:`~handlingsplan.InvalidPlanError` listing every problem found as
    ``(path, message)``; no other exception escapes, whatever ``data`` holds.
    """
    try:
        value: T = _READERS[cls](data)  # no cast(): a call costs as much as a small field
    except Exception:  # not plain valid JSON for a model class: read it in detail
        pass  # outside this block, so that no error raised there has this one as context
    else:
        return value
    return _from_dict_detailed(data, cls)


def _from_dict_detailed(data: Mapping[str, Any], cls: type[T] = Plan) -> T:  # type: ignore[assignment]
    """:func:`from_dict` by the cattrs converters, naming every problem with its path."""
    try:
        return fast_converter.structure(data, cls)
    except Exception:  # read again, collecting every problem with its path
        pass
    try:
        return converter.structure(data, cls)
    except Exception as exc:
        problems = _converter.collect_problems(exc, "")
    raise InvalidPlanError(problems or [("", "cannot be read", ErrorCode.UNREADABLE)])
