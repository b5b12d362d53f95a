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

import datetime as _dt
import functools
import json
import re
from collections.abc import Callable, Mapping
from enum import Enum, StrEnum
from types import UnionType
from typing import Any, Final, TypeVar, Union, cast, get_args, get_origin

import attrs
import cattrs
import pendulum
from cattrs.gen import make_dict_structure_fn

from . import _reader, _writer
from ._privacy import cut, echo
from .errors import ErrorCode, ErrorDetail, InvalidPlanError
from .model import IdentityNumber, Plan
from .model._checks import UNREADABLE, describe, expected, kind, mismatch, plain_items

__all__ = ["SCHEMA", "converter", "from_dict", "to_dict"]

SCHEMA: Final = "handlingsplan/2"
"""The schema version a plan's dict carries under the key ``"schema"``."""

READABLE_SCHEMAS: Final = frozenset({"handlingsplan/1", SCHEMA})
"""The schema versions :func:`from_dict` reads: ``/1`` dicts lack the keys ``/2`` added
(``participation_reason``, ``participation_changes``, ``absences``), so their defaults
apply."""

T = TypeVar("T")


class _BadValueError(ValueError):
    """A value that cannot be read; the message is shown as is, with its code."""

    def __init__(self, message: str, code: ErrorCode) -> None:
        super().__init__(message)
        self.code = code


def _wrong(what: str, value: object) -> _BadValueError:
    """A value of the wrong kind where ``what`` was expected."""
    return _BadValueError(expected(what, value), mismatch(value))


Triple = tuple[str, str, ErrorCode]


class _PartlyReadError(Exception):
    """A value read in part: ``value`` holds what could be read (or ``UNREADABLE``)."""

    def __init__(self, value: object, errors: list[Triple]) -> None:
        super().__init__(value, errors)
        self.value = value
        self.errors = errors


# -- scalars --------------------------------------------------------------------


_DATE_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]")
_AS_DATE: Final = "a date as YYYY-MM-DD"


def _structure_date(value: object, _: type) -> pendulum.Date:
    if type(value) is not str:
        if isinstance(value, _dt.datetime):
            raise _BadValueError(
                f"expected {_AS_DATE}, got a date-time {_dt.datetime.isoformat(value)}",
                ErrorCode.DATETIME_NOT_ALLOWED,
            )
        if isinstance(value, _dt.date):  # a Python caller's date, read as it is
            return pendulum.Date(value.year, value.month, value.day)
        if not isinstance(value, str):
            raise _wrong(_AS_DATE, value)
        value = str.__str__(value)
    # Only YYYY-MM-DD in ASCII digits: with those guards, fromisoformat reads nothing else.
    if (
        len(value) != 10
        or value[4] != "-"
        or value[7] != "-"
        or not (value.isascii() and value.replace("-", "").isdigit())
    ):
        if _DATE_TIME.match(value):
            raise _BadValueError(
                f"expected {_AS_DATE}, got a date-time {echo(value)}",
                ErrorCode.DATETIME_NOT_ALLOWED,
            )
        raise _BadValueError(f"expected {_AS_DATE}, got {describe(value)}", ErrorCode.NOT_A_DATE)
    try:
        day = _dt.date.fromisoformat(value)
    except ValueError:
        raise _BadValueError(
            f"expected {_AS_DATE}, got {value!r}, which is not a day of the calendar",
            ErrorCode.NOT_A_REAL_DATE,
        ) from None
    return pendulum.Date(day.year, day.month, day.day)


def _structure_str(value: object, _: type) -> str:
    if type(value) is str:
        return value
    if not isinstance(value, str):
        raise _wrong("a string", value)
    return str.__str__(value)  # a subclass's own methods are not trusted


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _wrong("true or false", value)
    return value


def _structure_number(value: object, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _wrong("a number", value)
    return value


def _structure_identity(value: object, _: type) -> IdentityNumber:
    if not isinstance(value, str):
        # the kind only: a number here may be an identity number typed without quotes
        raise _BadValueError(f"expected a string YYYYMMDD-NNNC, got {kind(value)}", mismatch(value))
    return IdentityNumber(value)


@functools.cache
def _members(cls: type[Enum]) -> tuple[dict[object, Enum], str]:
    return (
        {member.value: member for member in cls},
        ", ".join(str(member.value) for member in cls),
    )


def _structure_enum(value: object, cls: type[Enum]) -> Enum:
    members, allowed = _members(cls)
    if isinstance(value, str):
        member = members.get(str.__str__(value))
        if member is not None:
            return member
    code = ErrorCode.NOT_ONE_OF if isinstance(value, str) else mismatch(value)
    raise _BadValueError(f"expected one of {allowed}; got {describe(value)}", code)


def _enum_value(member: Enum) -> Any:
    return member._value_


# -- collections and classes ----------------------------------------------------


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = get_args(cls)
    return get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_optional(cls: Any) -> bool:
    args = get_args(cls)
    return len(args) == 2 and type(None) in args and get_origin(cls) in (Union, UnionType)


def _is_tuple(cls: Any) -> bool:
    return bool(cls is tuple or get_origin(cls) is tuple)


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _key_step(key: str) -> str:
    """A key as a path step: a plain name, or a quoted subscript (``["a b"]``) otherwise."""
    return key if _NAME.fullmatch(key) else f"[{json.dumps(key, ensure_ascii=False)}]"


def _configure(target: cattrs.Converter) -> cattrs.Converter:
    """Register the package's hooks on ``target``: strict scalars, enums, tuples, classes.

    With detailed validation every problem is collected with its path; without it the
    first problem stops the work, which is what the fast path of :func:`from_dict` wants.
    """
    detailed = target.detailed_validation
    target.register_structure_hook(_dt.date, _structure_date)
    target.register_unstructure_hook(_dt.date, _dt.date.isoformat)
    target.register_structure_hook(str, _structure_str)
    target.register_structure_hook(bool, _structure_bool)
    target.register_structure_hook(float, _structure_number)
    target.register_structure_hook(int, _structure_number)
    target.register_structure_hook(IdentityNumber, _structure_identity)
    target.register_unstructure_hook(IdentityNumber, lambda number: number.full)
    # By class, for ``StrEnum`` as for ``Enum``: the string enums would otherwise find
    # the ``str`` handling first in their method resolution order.
    for base in (StrEnum, Enum):
        target.register_structure_hook(base, _structure_enum)
        target.register_unstructure_hook(base, _enum_value)

    def tuple_hook(cls: Any) -> Callable[[object, type], tuple[Any, ...]]:
        item_type = get_args(cls)[0]
        name = getattr(item_type, "__name__", str(item_type))
        item_hook = target.get_structure_hook(item_type)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise _wrong(f"an array of {name}", value)
            if not detailed:
                return tuple([item_hook(item, item_type) for item in value])
            items: list[Any] = []
            problems: list[Triple] = []
            for index, item in enumerate(plain_items(value)):
                try:
                    items.append(item_hook(item, item_type))
                except Exception as exc:  # collected with its index; the item is skipped
                    problems.extend(_problems(exc, f"[{index}]"))
                    items.append(UNREADABLE)
            if problems:
                raise _PartlyReadError(tuple(items), problems)
            return tuple(items)

        return structure

    target.register_structure_hook_factory(_is_homogeneous_tuple, tuple_hook)

    def unstructure_tuple(value: tuple[Any, ...]) -> list[Any]:
        return [target.unstructure(item) for item in value]

    def unstructure_tuple_hook(cls: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
        if not _is_homogeneous_tuple(cls):
            return unstructure_tuple
        item_hook = target.get_unstructure_hook(get_args(cls)[0])
        return lambda value: [item_hook(item) for item in value]

    target.register_unstructure_hook_factory(_is_tuple, unstructure_tuple_hook)

    def unstructure_optional_hook(cls: Any) -> Callable[[Any], Any]:
        (inner,) = (arg for arg in get_args(cls) if arg is not type(None))
        inner_hook = target.get_unstructure_hook(inner)
        return lambda value: None if value is None else inner_hook(value)

    target.register_unstructure_hook_factory(_is_optional, unstructure_optional_hook)

    def structure_optional_hook(cls: Any) -> Callable[[object, type], Any]:
        (inner,) = (arg for arg in get_args(cls) if arg is not type(None))
        inner_hook = target.get_structure_hook(inner)
        return lambda value, _: None if value is None else inner_hook(value, inner)

    target.register_structure_hook_factory(_is_optional, structure_optional_hook)

    def class_hook(cls: type[Any]) -> Callable[[object, type], Any]:
        generated = make_dict_structure_fn(cls, target)
        fields = attrs.fields(attrs.resolve_types(cls))
        known = frozenset(field.name for field in fields)
        required = tuple(field.name for field in fields if field.default is attrs.NOTHING)
        hooks = {
            field.name: (target.get_structure_hook(field.type), field.type) for field in fields
        }

        def structure(value: object, _: type) -> Any:
            if type(value) is dict and value.keys() <= known:
                return generated(value, cls)
            if not isinstance(value, dict):
                raise _wrong("an object", value)
            raise _BadValueError("has keys that are not fields", ErrorCode.UNKNOWN_FIELD)

        def structure_in_detail(value: object, _: type) -> Any:
            if not isinstance(value, dict):
                raise _wrong("an object", value)
            problems: list[Triple] = []
            arguments: dict[str, Any] = {}
            for key, item in dict.items(value):
                if not isinstance(key, str):
                    problems.append(("", expected("string keys", key), ErrorCode.WRONG_TYPE))
                    continue
                key = str.__str__(key)
                if key not in known:
                    problems.append(
                        (
                            _key_step(key),
                            "unknown field",
                            ErrorCode.UNKNOWN_FIELD,
                        )
                    )
                    continue
                hook, field_type = hooks[key]
                try:
                    arguments[key] = hook(item, field_type)
                except _PartlyReadError as partly:
                    arguments[key] = partly.value
                    problems.extend(_problems(partly, key))
                except Exception as exc:  # reported at the field; the field is unreadable
                    arguments[key] = UNREADABLE
                    problems.extend(_problems(exc, key))
            for name in required:
                if name not in arguments:
                    arguments[name] = UNREADABLE
                    problems.append((name, "required field is missing", ErrorCode.MISSING))
            try:
                built = cls(**arguments)
            except InvalidPlanError as error:  # the object's own checks, on what was read
                problems.extend(_triples(error.details))
            if problems:
                raise _PartlyReadError(UNREADABLE, problems)
            return built

        return structure_in_detail if detailed else structure

    target.register_structure_hook_factory(attrs.has, class_hook)

    plan_fields = target.get_structure_hook(Plan)
    unstructure_plan_fields = target.get_unstructure_hook(Plan)

    def structure_plan(value: object, _: type) -> Plan:
        schema_problems: list[Triple] = []
        if isinstance(value, dict) and dict.__contains__(value, "schema"):
            schema = dict.__getitem__(value, "schema")
            if type(schema) is not str or schema not in READABLE_SCHEMAS:
                schema_problems.append(
                    (
                        "schema",
                        f"unknown schema {echo(schema)}; this library reads "
                        f"{' and '.join(map(repr, sorted(READABLE_SCHEMAS)))}",
                        ErrorCode.UNKNOWN_SCHEMA,
                    )
                )
            value = {key: item for key, item in dict.items(value) if key != "schema"}
        try:
            plan = plan_fields(value, Plan)
        except Exception as exc:
            if schema_problems:
                raise InvalidPlanError([*schema_problems, *_problems(exc, "")]) from None
            raise
        if schema_problems:
            raise InvalidPlanError(schema_problems)
        return cast(Plan, plan)

    def unstructure_plan(plan: Plan) -> dict[str, Any]:
        return {"schema": SCHEMA, **unstructure_plan_fields(plan)}

    target.register_structure_hook(Plan, structure_plan)
    target.register_unstructure_hook(Plan, unstructure_plan)
    return target


converter = _configure(cattrs.Converter(forbid_extra_keys=True, detailed_validation=True))
"""The converter behind :func:`to_dict` and :func:`from_dict`, reporting every problem."""

_fast = _configure(cattrs.Converter(forbid_extra_keys=True, detailed_validation=False))
"""The same hooks without detailed validation: tried first, for valid input."""


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
    result: dict[str, Any] = _fast.unstructure(value)
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
        return _fast.structure(data, cls)
    except Exception:  # read again, collecting every problem with its path
        pass
    try:
        return converter.structure(data, cls)
    except Exception as exc:
        problems = _problems(exc, "")
    raise InvalidPlanError(problems or [("", "cannot be read", ErrorCode.UNREADABLE)])


def _triples(details: tuple[ErrorDetail, ...]) -> list[Triple]:
    return [(detail.path, detail.message, detail.code) for detail in details]


def _problems(exc: BaseException, path: str) -> list[Triple]:
    if isinstance(exc, InvalidPlanError):
        return [
            (_join(path, inner), message, code) for inner, message, code in _triples(exc.details)
        ]
    if isinstance(exc, _PartlyReadError):
        return [(_join(path, inner), message, code) for inner, message, code in exc.errors]
    if isinstance(exc, _BadValueError):
        return [(path, str(exc), exc.code)]
    return [(path, f"cannot be read ({type(exc).__name__}: {_text(exc)})", ErrorCode.UNREADABLE)]


def _text(exc: BaseException) -> str:
    try:
        return cut(str(exc))
    except Exception:  # an exception whose str() raises is still reported
        return "no description"


def _join(path: str, step: str) -> str:
    if not step:
        return path
    if not path:
        return step
    if step.startswith("["):
        return path + step
    return f"{path}.{step}"
