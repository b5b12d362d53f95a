"""The fast writer behind :func:`~handlingsplan.to_dict`: one generated function a class.

Each writer builds the dict of one model class in a single expression: enum values are
read directly, dates written as ISO strings (kept in a small cache, since the same days
come again and again), tuples as lists and identity numbers in full. The dicts are
equal, key order included, to what the detailed ``cattrs`` converter writes.
"""

from __future__ import annotations

import datetime as _dt
import types
from collections.abc import Callable
from enum import Enum
from typing import Any, Final, get_args, get_origin

import attrs

from ._reader_specs import SPECS
from .model import IdentityNumber, Plan

__all__ = ["build"]

_CACHE_LIMIT: Final = 200_000
_ISO: dict[_dt.date, str] = {}


def _iso(day: _dt.date) -> str:
    if len(_ISO) >= _CACHE_LIMIT:
        _ISO.clear()
    text = _ISO[day] = _dt.date.isoformat(day)
    return text


class _Names:
    """Fresh local names for the generated code: ``v1``, ``v2``..."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> str:
        self.count += 1
        return f"v{self.count}"


def _value_code(cls: type[Any], name: str, owner: str, names: _Names) -> str:
    """The expression for the field ``name`` of ``owner``, a ``cls``."""
    field_type = attrs.fields_dict(cls)[name].type
    args = get_args(field_type)
    optional = get_origin(field_type) is types.UnionType and type(None) in args
    inner = next(arg for arg in args if arg is not type(None)) if optional else field_type
    value = f"{owner}.{name}"
    if get_origin(inner) is tuple:
        item = names()
        return f"[{_dict_code(get_args(inner)[0], item, names)} for {item} in {value}]"
    if inner is _dt.date:
        code = "(ISO.get({0}) or iso({0}))"
    elif isinstance(inner, type) and issubclass(inner, Enum):
        code = "{0}._value_"
    elif inner is IdentityNumber:
        code = "{0}.full"
    elif isinstance(inner, type) and attrs.has(inner):
        code = "{0}"  # filled in below, once the inner name is known
    else:  # str, bool, int and float are written as they are
        return value
    if optional:
        var = names()
        if code == "{0}":
            return f"(None if ({var} := {value}) is None else {_dict_code(inner, var, names)})"
        return f"(None if ({var} := {value}) is None else {code.format(var)})"
    if code == "{0}":
        var = names()
        return f"({_dict_code(inner, var, names)} if ({var} := {value}) is not None else None)"
    return code.format(value)


def _dict_code(cls: type[Any], owner: str, names: _Names) -> str:
    """A dict display of the fields of ``owner``, a ``cls``, with its parts inline."""
    resolved = attrs.resolve_types(cls)
    items = [
        f"{name!r}: {_value_code(resolved, name, owner, names)}" for name in attrs.fields_dict(cls)
    ]
    return "{" + ", ".join(items) + "}"


def build(schema: str) -> dict[type[Any], Callable[[Any], dict[str, Any]]]:
    """A writer for each model class the reader knows."""
    namespace: dict[str, Any] = {"ISO": _ISO, "iso": _iso}
    writers: dict[type[Any], Callable[[Any], dict[str, Any]]] = {}
    for cls in SPECS:
        body = _dict_code(cls, "o", _Names())
        if cls is Plan:
            body = "{" + f"'schema': {schema!r}, " + body[1:]
        source = f"def write(o):\n    return {body}\n"
        local = dict(namespace)
        exec(compile(source, f"<writer of {cls.__name__}>", "exec"), local)
        writers[cls] = local["write"]
    return writers
