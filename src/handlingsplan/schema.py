"""A JSON Schema (draft 2020-12) of the dict forms, for services in other languages.

:func:`json_schema` describes what :func:`~handlingsplan.from_dict` reads for a plan or
any of its parts, and what :meth:`Report.to_dict() <handlingsplan.Report.to_dict>`
writes. It is built from the ``attrs`` fields and type hints of the classes, so it
follows the model: enums become ``enum`` lists of their values, dates
``YYYY-MM-DD`` strings, tuples arrays, nested classes entries of ``$defs``. Fields with
a default may be left out, ``None``-able ones may be ``null``, and unknown keys are
refused everywhere (``"additionalProperties": false``). A few field constraints that
type hints do not carry come from tables in this module: the ranges of
``hours_per_week`` (0 to 168) and the participation percents (1 to 100), and that an
``id`` holds more than white space.

>>> import jsonschema
>>> schema = json_schema()
>>> schema["$id"], schema["properties"]["schema"]["enum"]
('urn:handlingsplan:plan:2', ['handlingsplan/1', 'handlingsplan/2'])
>>> validator = jsonschema.Draft202012Validator(schema)
>>> validator.is_valid({"id": "p-1", "referred_on": "2025-01-13",
...                     "participant": {"id": "d-1", "birth_date": "1990-05-17"}})
True
>>> validator.is_valid({"id": "p-1", "referred_on": "13/01/2025",
...                     "participant": {"id": "d-1", "birth_date": "1990-05-17"}})
False

Whatever the schema refuses, ``from_dict`` refuses too. The converse does not hold:
some checks compare values or compute, which JSON Schema cannot express, so
``from_dict`` also refuses payloads that the schema accepts:

* an ``end`` before its ``start`` (activities, interruptions, absences, circumstances), a
  ``plan_made_on`` or an exit before the referral, a follow-up before the exit;
* an id used twice across the activities and milestones;
* interruptions that overlap, or absences with the same reason that overlap;
* participation changes out of date order, or before the plan's start;
* dates outside 1900-01-01 to 2199-12-31;
* a referral, plan date or activity start before the participant's birth date;
* an ``identity_number`` with a wrong check digit (Luhn) or serial number, without a
  real birth date, or whose birth date disagrees with ``birth_date``;
* dates that match ``YYYY-MM-DD`` but are no real day, such as ``2025-02-30``. The
  schema marks dates with ``"format": "date"``, which draft 2020-12 treats as an
  annotation; a validator that asserts formats (Ajv with ``ajv-formats``, Python's
  ``jsonschema`` with a ``format_checker``) refuses them too, except perhaps the year
  ``0000``, which RFC 3339 allows and ``from_dict`` does not.

Two things the schema does say beyond the fields: a plan's follow-up needs an exit,
and a report is ``ok`` exactly when none of its findings is an error.

The patterns keep to the subset of regular expressions that ECMA-262 (Ajv, most
validators) and Python's ``re`` (Python's ``jsonschema``) read alike. Python's ``$``
also matches before a final newline, so dates carry ``"maxLength": 10`` and identity
numbers refuse any newline. "Blank" means what Python's :meth:`str.strip` removes, so
the id pattern lists those characters rather than using ``\\s``, which differs between
the two.
"""

from __future__ import annotations

import datetime as _dt
import re
import types
from collections.abc import Mapping
from enum import Enum
from typing import Any, Final, Union, get_args, get_origin, get_type_hints

import attrs

from .deadlines import Deadline
from .errors import ErrorCode, InvalidPlanError
from .model import (
    Absence,
    Activity,
    IdentityNumber,
    Milestone,
    Participant,
    ParticipationChange,
    Plan,
)
from .rules._finding import Finding
from .rules._report import Report
from .rules._severity import Severity
from .rules._words import LOCALES
from .serialization import READABLE_SCHEMAS, SCHEMA, converter

__all__ = ["json_schema"]

_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

_VERSION: Final = SCHEMA.rpartition("/")[2]

# The characters ``str.strip()`` removes (``str.isspace``), spelt so that ECMA-262 and
# Python read the class alike: ``\s`` means different sets in the two.
_BLANK: Final = r"\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_NOT_BLANK: Final = f"[^{_BLANK}]"  # one character that str.strip() keeps


def _date() -> dict[str, Any]:
    return {
        "type": "string",
        "format": "date",
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        "maxLength": 10,
    }


def _identity_number() -> dict[str, Any]:
    return {
        "type": "string",
        "pattern": "^[0-9]{8}-?[0-9]{4}$",
        "not": {"pattern": "\n"},
        "description": (
            "Personnummer or samordningsnummer in the 12-digit form YYYYMMDD-NNNC (the "
            "hyphen is optional); personal data. from_dict also checks the check digit, "
            "the birth date and its agreement with birth_date."
        ),
    }


_NUMBER_RANGES: Final[Mapping[tuple[type[Any], str], tuple[int, int]]] = {
    (Activity, "hours_per_week"): (0, 168),
    (Plan, "participation_percent"): (1, 100),
    (ParticipationChange, "percent"): (1, 100),
    (Absence, "percent"): (1, 100),
}
"""Inclusive ranges of number fields, as the model's checks apply them."""

_NOT_BLANK_FIELDS: Final = frozenset(
    {(Plan, "id"), (Participant, "id"), (Activity, "id"), (Milestone, "id")}
)
"""String fields the model refuses when empty or blank."""


def _localised(what: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": f"{what}, in each language.",
        "properties": {locale: {"type": "string"} for locale in LOCALES},
        "required": list(LOCALES),
        "additionalProperties": False,
    }


def _field_overrides() -> dict[tuple[type[Any], str], dict[str, Any]]:
    """Fields whose dict form the type hint does not tell."""
    return {
        (Finding, "facts"): {
            "type": "object",
            "description": "The parameter values and dates the rule used, by name.",
        },
        (Finding, "messages"): _localised("The message"),
        (Finding, "titles"): _localised("The rule's title"),
        (Deadline, "facts"): {
            "type": "object",
            "description": "How the date was reached: its event, or the programme clock's "
            "numbers, by name.",
        },
    }


def _extra_properties(cls: type[Any]) -> dict[str, dict[str, Any]]:
    """Keys of a dict form that are not fields of the class (a plan's comes first)."""
    if cls is Plan:
        return {
            "schema": {
                "enum": sorted(READABLE_SCHEMAS),
                "description": "The version of the dict form; may be left out. "
                f"{SCHEMA!r} is written; older versions are read.",
            }
        }
    if cls is Report:
        return {"ok": {"type": "boolean", "description": "True when no finding is an error."}}
    if cls is Deadline:
        return {"description": _localised("What the date is")}
    return {}


def _rules(cls: type[Any]) -> list[dict[str, Any]]:
    """Constraints between the keys of a class's dict form that JSON Schema can say."""
    if cls is Plan:
        return [
            {
                "$comment": "A follow-up needs an exit.",
                "if": {
                    "properties": {"follow_up": {"type": "object"}},
                    "required": ["follow_up"],
                },
                "then": {
                    "properties": {"exit": {"type": "object"}},
                    "required": ["exit"],
                },
            }
        ]
    if cls is Report:
        error_finding = {
            "type": "object",
            "properties": {"severity": {"const": Severity.ERROR.value}},
            "required": ["severity"],
        }
        return [
            {
                "$comment": "ok is true exactly when no finding is an error.",
                "if": {
                    "properties": {"findings": {"type": "array", "contains": error_finding}},
                    "required": ["findings"],
                },
                "then": {"properties": {"ok": {"const": False}}},
                "else": {"properties": {"ok": {"const": True}}},
            }
        ]
    return []


def _key(field: attrs.Attribute[Any]) -> str:
    """A field's key in the dict form: its alias (``Finding._messages`` is ``messages``)."""
    return field.alias or field.name


def _writes_every_key(cls: type[Any]) -> bool:
    """Whether the class has its own ``to_dict``, which writes every key."""
    return callable(getattr(cls, "to_dict", None))


def _summary(cls: type[Any]) -> str:
    """The first paragraph of the docstring, Sphinx roles and double backticks dropped."""
    paragraph = (cls.__doc__ or cls.__name__).strip().split("\n\n")[0]
    text = re.sub(r":\w+:`~?([^`]+)`", r"`\1`", " ".join(paragraph.split()))
    return text.replace("``", "`")


def _id_name(cls: type[Any]) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", cls.__name__).lower()


class _Builder:
    """Walks the classes reachable from one root, collecting their ``$defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.overrides = _field_overrides()

    def object_schema(self, cls: type[Any]) -> dict[str, Any]:
        hints = get_type_hints(cls)
        every_key = _writes_every_key(cls)
        extra = _extra_properties(cls)
        properties = dict(extra) if cls is Plan else {}
        required: list[str] = []
        for field in attrs.fields(cls):
            properties[_key(field)] = self.field_schema(cls, field, hints[field.name])
            if every_key or field.default is attrs.NOTHING:
                required.append(_key(field))
        properties.update(extra)
        if every_key:
            required.extend(extra)
        schema: dict[str, Any] = {
            "title": cls.__name__,
            "description": _summary(cls),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        rules = _rules(cls)
        if rules:
            schema["allOf"] = rules
        return schema

    def field_schema(
        self, cls: type[Any], field: attrs.Attribute[Any], hint: Any
    ) -> dict[str, Any]:
        override = self.overrides.get((cls, _key(field)))
        if override is not None:
            return override
        optional = False
        if get_origin(hint) in (Union, types.UnionType):
            others = [arg for arg in get_args(hint) if arg is not type(None)]
            if len(others) != 1:
                raise TypeError(f"{cls.__name__}.{field.name}: cannot describe the type {hint}")
            optional, hint = True, others[0]
        schema = self.type_schema(hint, f"{cls.__name__}.{field.name}")
        if (cls, field.name) in _NUMBER_RANGES:
            schema["minimum"], schema["maximum"] = _NUMBER_RANGES[cls, field.name]
        if (cls, field.name) in _NOT_BLANK_FIELDS:
            schema["pattern"] = _NOT_BLANK
        if optional:
            schema = {"anyOf": [schema, {"type": "null"}]}
        if field.default is not attrs.NOTHING and not isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            schema["default"] = converter.unstructure(field.default)
        return schema

    def type_schema(self, hint: Any, where: str) -> dict[str, Any]:
        if hint is str:
            return {"type": "string"}
        if hint is bool:
            return {"type": "boolean"}
        if hint is float:
            return {"type": "number"}
        if hint is _dt.date:
            return _date()
        if hint is IdentityNumber:
            return _identity_number()
        if isinstance(hint, type) and issubclass(hint, Enum):
            return {"type": "string", "enum": [member.value for member in hint]}
        if get_origin(hint) is tuple:
            args = get_args(hint)
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.type_schema(args[0], f"{where}[]")}
        if isinstance(hint, type) and attrs.has(hint):
            name = hint.__name__
            if name not in self.defs:
                self.defs[name] = {}  # reserved first, in case the class refers to itself
                self.defs[name] = self.object_schema(hint)
            return {"$ref": f"#/$defs/{name}"}
        raise TypeError(f"{where}: cannot describe the type {hint}")


def _error_schema() -> dict[str, Any]:
    """The schema of :meth:`InvalidPlanError.to_dict`: a closed set of codes, paths both ways."""
    detail = {
        "type": "object",
        "description": "One problem: where (as a path and a JSON Pointer), what kind, and a "
        "message for people.",
        "properties": {
            "path": {
                "type": "string",
                "description": "The field as the dict form names it, "
                "such as activities[0].end; the empty string for the whole plan.",
            },
            "pointer": {
                "type": "string",
                "description": "The same place as an RFC 6901 "
                "JSON Pointer, such as /activities/0/end; the empty string for the root.",
            },
            "code": {
                "enum": [code.value for code in ErrorCode],
                "description": "What is wrong; stable across versions.",
            },
            "message": {
                "type": "string",
                "description": "What was expected and what was "
                "got, in JSON's words; may be reworded between versions.",
            },
        },
        "required": ["path", "pointer", "code", "message"],
        "additionalProperties": False,
    }
    return {
        "$schema": _DIALECT,
        "$id": f"urn:handlingsplan:invalid-plan-error:{_VERSION}",
        "title": "InvalidPlanError",
        "description": "Why a plan could not be read: every problem found, at once.",
        "type": "object",
        "properties": {
            "type": {"const": "invalid_plan"},
            "errors": {"type": "array", "items": {"$ref": "#/$defs/ErrorDetail"}},
        },
        "required": ["type", "errors"],
        "additionalProperties": False,
        "$defs": {"ErrorDetail": detail},
    }


def json_schema(cls: type[Any] = Plan) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the dict form of ``cls``, a new dict on each call.

    ``cls`` is :class:`~handlingsplan.Plan` by default, or any model class
    (:class:`~handlingsplan.Participant`, :class:`~handlingsplan.Activity`...) for the
    form :func:`~handlingsplan.from_dict` reads with that class, or
    :class:`~handlingsplan.Report` for the form
    :meth:`Report.to_dict() <handlingsplan.Report.to_dict>` writes. Its ``$id`` is
    ``urn:handlingsplan:<class>:1``, following the version of
    :data:`~handlingsplan.SCHEMA`. A class that is not an ``attrs`` class, or has
    a field the schema cannot describe, raises :class:`TypeError`.

    >>> json_schema(Participant)["required"]
    ['id', 'birth_date']
    >>> json_schema(Report)["$defs"]["Finding"]["properties"]["severity"]["enum"]
    ['error', 'warning', 'info']

    ``json_schema(InvalidPlanError)`` describes what
    :meth:`InvalidPlanError.to_dict() <handlingsplan.InvalidPlanError.to_dict>` writes,
    the answer a service gets for a plan it cannot read:

    >>> json_schema(InvalidPlanError)["properties"]["type"]
    {'const': 'invalid_plan'}
    """
    if cls is InvalidPlanError:
        return _error_schema()
    if not (isinstance(cls, type) and attrs.has(cls)):
        raise TypeError(f"json_schema takes a model class, not {cls!r}")
    builder = _Builder()
    body = builder.object_schema(cls)
    schema: dict[str, Any] = {
        "$schema": _DIALECT,
        "$id": f"urn:handlingsplan:{_id_name(cls)}:{_VERSION}",
        **body,
    }
    if builder.defs:
        schema["$defs"] = builder.defs
    return schema
