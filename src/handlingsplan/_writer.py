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

from ._reader import SPECS
from .model import IdentityNumber, Plan

__all__ = ["build"]

_CACHE_LIMIT: Final = 200_000
_ISO: dict[_dt.date, str] = {}


def _iso(day: _dt.date) -> str:
    if len(_ISO) >= _CACHE_LIMIT:
        _ISO.clear()
    text = _ISO[day] = _dt.date.isoformat(day)
    return text


def _value_code(cls: type[Any], name: str) -> str:
    """The expression for the field ``name`` of ``o``, a ``cls``."""
    field_type = attrs.fields_dict(cls)[name].type
    args = get_args(field_type)
    optional = get_origin(field_type) in (types.UnionType,) and type(None) in args
    inner = next(arg for arg in args if arg is not type(None)) if optional else field_type
    value = f"o.{name}"
    if get_origin(inner) is tuple:
        item = get_args(inner)[0]
        return f"[W_{item.__name__}(item) for item in {value}]"
    if inner is _dt.date:
        code = "(ISO.get({0}) or iso({0}))"
    elif isinstance(inner, type) and issubclass(inner, Enum):
        code = "{0}._value_"
    elif inner is IdentityNumber:
        code = "{0}.full"
    elif isinstance(inner, type) and attrs.has(inner):
        code = f"W_{inner.__name__}({{0}})"
    else:  # str, bool, int and float are written as they are
        return value
    if optional:
        return f"(None if (x := {value}) is None else {code.format('x')})"
    return code.format(value)


def build(schema: str) -> dict[type[Any], Callable[[Any], dict[str, Any]]]:
    """A writer for each model class the reader knows."""
    namespace: dict[str, Any] = {"ISO": _ISO, "iso": _iso}
    writers: dict[type[Any], Callable[[Any], dict[str, Any]]] = {}
    for cls in SPECS:
        resolved = attrs.resolve_types(cls)
        items = [f"{name!r}: {_value_code(resolved, name)}" for name in attrs.fields_dict(cls)]
        if cls is Plan:
            items.insert(0, f"'schema': {schema!r}")
        source = "def write(o):\n    return {" + ", ".join(items) + "}\n"
        local = dict(namespace)
        exec(compile(source, f"<writer of {cls.__name__}>", "exec"), local)
        writers[cls] = namespace[f"W_{cls.__name__}"] = local["write"]
    return writers
