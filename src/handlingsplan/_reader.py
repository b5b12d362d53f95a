"""The fast reader behind :func:`~handlingsplan.from_dict`: one generated function a class.

Each reader takes a dict straight from JSON (exact ``dict``, ``list``, ``str``, ``int``,
``float``, ``bool`` and ``None``), checks each field once, inline, then the invariants
that span fields (an end before its start, unique ids, overlaps...) on the values read,
and only then builds the frozen object, without running its constructor's checks
again: in a subclass whose slots are set as plainly as any object's, which then takes
its own class. It accepts only what the constructors accept, and gives equal values; on
anything else (a wrong type, a bad value, a ``datetime.date``, a ``str`` subclass, an
unknown key...) it raises :class:`FallbackError`, and the detailed reader reads the input
again to name every problem with its path. Parsed dates are kept in a small cache,
since they are immutable and the same strings come again and again. Identity numbers
are never cached: personal data is not kept beyond the values that hold it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any, Final

import attrs
import pendulum

from ._reader_specs import CHECKS, HELPERS, OPTIONAL, SPECS, FallbackError, Field
from .model import IdentityNumber, Plan
from .model._activity import DEFAULT_AREAS
from .model._enums import ActivityKind
from .model._identity import _TWELVE, well_formed  # the very form and check the model uses

__all__ = ["SPECS", "FallbackError", "build"]


_CACHE_LIMIT: Final = 200_000
_DATES: dict[str, pendulum.Date] = {}


def _date(text: str) -> pendulum.Date:
    """A ``YYYY-MM-DD`` string in 1900–2199 read as a date; :class:`FallbackError` otherwise."""
    if (
        len(text) != 10
        or text[4] != "-"
        or text[7] != "-"
        or not (text.isascii() and text.replace("-", "").isdigit())
    ):
        raise FallbackError
    try:
        day = _dt.date.fromisoformat(text)
    except ValueError:
        raise FallbackError from None
    if not 1900 <= day.year <= 2199:
        raise FallbackError
    if len(_DATES) >= _CACHE_LIMIT:  # only reached by unusual input; start again
        _DATES.clear()
    found = _DATES[text] = pendulum.Date(day.year, day.month, day.day)
    return found


_SET_DIGITS: Final = IdentityNumber.__dict__["digits"].__set__


def _identity(text: str, born: _dt.date) -> IdentityNumber:
    """The identity number ``text`` of someone born on ``born``; :class:`FallbackError` if not.

    The checks of :class:`~handlingsplan.IdentityNumber` (the 12-digit form, and
    :func:`~handlingsplan.model._identity.well_formed`: the serial number and the check
    digit) and of the participant's birth date at once: the birth date (a coordination
    number's day less 60) must equal ``born``, which is a real date.
    """
    match = _TWELVE.fullmatch(text)
    if match is None:
        raise FallbackError
    digits = match[1] + match[2]
    day = int(digits[6:8])
    if day > 60:
        day -= 60
    if (
        day != born.day
        or int(digits[4:6]) != born.month
        or int(digits[:4]) != born.year
        or not well_formed(digits)
    ):
        raise FallbackError
    number: IdentityNumber = object.__new__(IdentityNumber)
    _SET_DIGITS(number, digits)
    return number


# -- generating the readers -----------------------------------------------------------


def _field_code(
    cls: type[Any], spec: Field, defaults: dict[str, Any], *, complete: bool
) -> list[str]:
    """The lines that read and check one field; its value ends in ``f_<name>``.

    In a ``complete`` dict, one with every key, the value is read by subscript (a
    missing key raises :class:`KeyError`) and no default applies.
    """
    name, what, *details = spec
    optional = OPTIONAL in details
    field = attrs.fields_dict(cls)[name]
    var = f"f_{name}"
    factory = "factory" in details and not complete
    if complete:
        get = f"v = d[{name!r}]"
    elif factory or field.default is attrs.NOTHING:
        get = f"v = g({name!r}, M)"
    else:
        default = field.default
        if what == "enum" and default is not None:
            default = default.value
        defaults[f"D_{name}"] = default
        get = f"v = g({name!r}, D_{name})"
    lines = [get]
    if factory:
        lines.append(f"if v is M: {var} = {details[-1]}")
        lines.append("else:")
        indent = "    "
    else:
        indent = ""
    none = f"elif v is None: {var} = None" if optional else None
    if what == "text":
        test = "type(v) is not str" + (" or not v.strip()" if details[0] is True else "")
        if optional:
            body = [f"if v is None: {var} = None", f"elif {test}: raise FallbackError"]
            body.append(f"else: {var} = v")
        else:
            body = [f"if {test}: raise FallbackError", f"{var} = v"]
    elif what == "date":
        body = [
            "if type(v) is str:",
            f"    try: {var} = DATES[v]",
            f"    except KeyError: {var} = read_date(v)",
            *([none] if none else []),
            "else: raise FallbackError",
        ]
    elif what == "enum":  # an unknown value raises KeyError
        members = f"E_{name}"
        defaults[members] = details[0]._value2member_map_
        body = [
            f"if type(v) is str: {var} = {members}[v]",
            *([none] if none else []),
            "else: raise FallbackError",
        ]
    elif what == "number":
        low, high = details
        body = [
            "if type(v) is int:",
            f"    if not {low} <= v <= {high}: raise FallbackError",
            f"elif type(v) is float and {low} <= v <= {high}:",
            "    if v.is_integer(): v = int(v)",
            "else: raise FallbackError",
            f"{var} = v",
        ]
    elif what == "flag":
        body = ["if type(v) is not bool: raise FallbackError", f"{var} = v"]
    elif what == "object":
        reader = f"R_{details[0].__name__}"
        body = [f"if v is None: {var} = None"] if optional else []
        body.append(("else: " if optional else "") + f"{var} = {reader}(v)")
    elif what == "items":
        reader = f"R_{details[0].__name__}"
        body = [
            "t = type(v)",
            "if t is not list and t is not tuple: raise FallbackError",
            f"{var} = tuple(map({reader}, v)) if v else ()",
        ]
    else:  # identity: an optional IdentityNumber from its string, with the birth date
        body = [
            f"if v is None: {var} = None",
            f"elif type(v) is str: {var} = read_identity(v, f_{details[0]})",
            "else: raise FallbackError",
        ]
    lines.extend(indent + line for line in body)
    return lines


def _builder(cls: type[Any]) -> type[Any]:
    """A subclass of ``cls`` whose slots can be set, to build a value of ``cls`` quickly.

    A frozen class refuses ``setattr``, so each slot would be set by calling its
    descriptor, a call per field. A builder sets its slots as any object does, which
    Python does in a few instructions, and the value built then takes the class
    ``cls``: a subclass that adds no slots has the same layout, so Python lets
    ``__class__`` be set to it. No builder outlives the reader that made it.
    """
    namespace = {
        "__slots__": (),
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,  # both, or setting a slot is not the plain one
        "__module__": __name__,
    }
    return type(f"_{cls.__name__}Builder", (cls,), namespace)


def _generate(cls: type[Any], namespace: dict[str, Any]) -> Callable[[Any], Any]:
    """Compile the reader of ``cls`` into ``namespace`` (shared by all readers)."""
    specs = SPECS[cls]
    names = [spec[0] for spec in specs]  # every field, in order: see the tests
    known = frozenset(names) | ({"schema"} if cls is Plan else set())
    own: dict[str, Any] = {"KNOWN": known, "cls": cls, "B": _builder(cls)}
    # Keys as the detailed reader's first, fast try reads them: equal to field names.
    # A dict with as many keys as there are names, each name found, has no other key.
    body = ["if type(d) is not dict: raise FallbackError", "try:"]
    body.append(f"    if len(d) == {len(known)}:")
    if cls is Plan:
        body.append("        v = d['schema']")
        body.append("        if type(v) is not str or v not in SCHEMAS: raise FallbackError")
    for spec in specs:
        body.extend("        " + line for line in _field_code(cls, spec, own, complete=True))
    body.append("    else:")
    body.append("        if not KNOWN.issuperset(d): raise FallbackError")
    body.append("        g = d.get")
    if cls is Plan:
        body.append("        v = g('schema', SCHEMA)")
        body.append("        if type(v) is not str or v not in SCHEMAS: raise FallbackError")
    for spec in specs:
        body.extend("        " + line for line in _field_code(cls, spec, own, complete=False))
    body.append("except KeyError:")  # a key missing, or a value no member has
    body.append("    raise FallbackError from None")
    if cls in CHECKS:
        body.extend(CHECKS[cls].splitlines())
    body.append("o = new(B)")
    body.extend(f"o.{name} = f_{name}" for name in names)
    body.append("o.__class__ = cls")
    body.append("return o")
    source = "def read(d):\n" + "".join(f"    {line}\n" for line in body)
    local = {**namespace, **own}
    exec(compile(source, f"<reader of {cls.__name__}>", "exec"), local)
    reader: Callable[[Any], Any] = local["read"]
    namespace[f"R_{cls.__name__}"] = reader
    return reader


def build(schemas: frozenset[str], schema: str) -> dict[type[Any], Callable[[Any], Any]]:
    """A reader for each model class, parts before the wholes that hold them."""
    namespace: dict[str, Any] = {
        "FallbackError": FallbackError,
        "M": object(),
        "DATES": _DATES,
        "read_date": _date,
        "read_identity": _identity,
        "new": object.__new__,
        "DEFAULT_AREAS": DEFAULT_AREAS,
        "GUARDIAN_SUPPORT": ActivityKind.GUARDIAN_SUPPORT,
        "SCHEMAS": schemas,
        "SCHEMA": schema,
        **HELPERS,
    }
    return {cls: _generate(cls, namespace) for cls in SPECS}
