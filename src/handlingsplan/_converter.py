"""The detailed reader and writer of the dict form: one ``cattrs`` converter.

It defines the dict form: dates are ISO ``YYYY-MM-DD`` strings, enums their values,
tuples lists, and a plan's dict carries ``"schema"``. Input is read strictly, and with
detailed validation every problem is collected with its path and code. The generated
readers and writers of :mod:`handlingsplan._reader` and :mod:`handlingsplan._writer` do
the common work faster; :mod:`handlingsplan.serialization` falls back to this converter
whenever they give up, so that every error is reported as it always was.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import re
from collections.abc import Callable
from enum import Enum, StrEnum
from types import UnionType
from typing import Any, Final, TypeVar, Union, cast, get_args, get_origin

import attrs
import cattrs
import pendulum
from cattrs.gen import make_dict_structure_fn

from ._privacy import cut, echo
from .errors import ErrorCode, ErrorDetail, InvalidPlanError
from .model import IdentityNumber, Plan
from .model._checks import UNREADABLE, describe, expected, kind, mismatch, plain_items

__all__ = ["READABLE_SCHEMAS", "SCHEMA", "collect_problems", "converter", "fast_converter"]

SCHEMA: Final = "handlingsplan/2"
"""The schema version a plan's dict carries under the key ``"schema"``."""

READABLE_SCHEMAS: Final = frozenset({"handlingsplan/1", SCHEMA})
"""The schema versions read: ``/1`` dicts lack the keys ``/2`` added
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
                    problems.extend(collect_problems(exc, f"[{index}]"))
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
                    problems.extend(collect_problems(partly, key))
                except Exception as exc:  # reported at the field; the field is unreadable
                    arguments[key] = UNREADABLE
                    problems.extend(collect_problems(exc, key))
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
                raise InvalidPlanError([*schema_problems, *collect_problems(exc, "")]) from None
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

fast_converter = _configure(cattrs.Converter(forbid_extra_keys=True, detailed_validation=False))
"""The same hooks without detailed validation: tried first, for valid input."""


def _triples(details: tuple[ErrorDetail, ...]) -> list[Triple]:
    return [(detail.path, detail.message, detail.code) for detail in details]


def collect_problems(exc: BaseException, path: str) -> list[Triple]:
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
