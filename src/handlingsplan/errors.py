"""The exceptions of ``handlingsplan``.

Callers can tell bad input from bad code:

* :class:`HandlingsplanError` is the root of everything the package raises on purpose.
* :class:`InvalidPlanError` (also a :class:`ValueError`): a plan, or a part of one,
  breaks a structural invariant, from a constructor or from
  :func:`~handlingsplan.from_dict`. Its :attr:`~InvalidPlanError.details` lists every
  problem found as an :class:`ErrorDetail` with a path, a JSON Pointer, a stable
  :class:`ErrorCode` and a message; :attr:`~InvalidPlanError.errors` holds the same
  problems as ``(path, message)`` pairs.
* :class:`ParameterError` (also a :class:`LookupError`): a parameter asked for on a
  date before its recorded history.
* :class:`UnknownParameterError`, :class:`DuplicateRuleError`,
  :class:`UnknownRuleError`, :class:`InvalidRuleError` (also :class:`ValueError`):
  misuse of the API, named for what went wrong.
* :class:`RuleError` (also a :class:`RuntimeError`, not a :class:`ValueError`): a rule
  raised while a plan was evaluated; a bug, not bad input.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Any, Final

import attrs

from ._privacy import redact

__all__ = [
    "DuplicateRuleError",
    "ErrorCode",
    "ErrorDetail",
    "HandlingsplanError",
    "InvalidPlanError",
    "InvalidRuleError",
    "ParameterError",
    "RuleError",
    "UnknownParameterError",
    "UnknownRuleError",
]


class HandlingsplanError(Exception):
    """The root of every exception ``handlingsplan`` raises on purpose.

    Its message is meant for people, so an identity number in it is masked, whichever
    value (a plan id, a rule code, an exception's text) brought it in.

    >>> str(HandlingsplanError("plan 19900517-2391"))
    'plan 19900517-****'
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*(redact(arg) if isinstance(arg, str) else arg for arg in args))


class ErrorCode(StrEnum):
    """What is wrong with one field: a closed set, stable across versions.

    A service branches on the code; the message beside it is for people and may be
    reworded. Every code is a string equal to its value.
    """

    MISSING = "missing"
    """A required field is absent."""
    UNKNOWN_FIELD = "unknown_field"
    """A key the dict form does not have."""
    NULL_NOT_ALLOWED = "null_not_allowed"
    """``null`` (``None``) where a value is required."""
    WRONG_TYPE = "wrong_type"
    """A value of the wrong JSON type (a string for a number, an array for an object)."""
    NOT_A_DATE = "not_a_date"
    """A string that is not a date as ``YYYY-MM-DD``."""
    NOT_A_REAL_DATE = "not_a_real_date"
    """A ``YYYY-MM-DD`` string naming no day of the calendar (``2026-02-30``)."""
    DATETIME_NOT_ALLOWED = "datetime_not_allowed"
    """A date-time, as a string or a ``datetime``, where a date belongs."""
    OUT_OF_RANGE = "out_of_range"
    """A number or date outside its bounds."""
    NOT_FINITE = "not_finite"
    """An infinite number or NaN."""
    NOT_ONE_OF = "not_one_of"
    """A value outside an enumeration."""
    EMPTY = "empty"
    """An empty or blank string, or an empty list, where content is required."""
    TOO_DEEP = "too_deep"
    """Input nested too deeply to be read."""
    DUPLICATE_ID = "duplicate_id"
    """An id already used by an earlier item."""
    OVERLAP = "overlap"
    """A period sharing days with an earlier one where that is not allowed."""
    WRONG_ORDER = "wrong_order"
    """A date before one it must follow (an end before its start, a plan before its
    referral, a referral before the participant's birth)."""
    CONFLICT = "conflict"
    """Two fields that disagree otherwise (a follow-up without an exit, an identity number
    whose birth date differs from ``birth_date``, a change that is not allowed)."""
    NOT_FOUND = "not_found"
    """An id that a change names but the plan does not hold."""
    UNKNOWN_SCHEMA = "unknown_schema"
    """A ``schema`` version this library does not read."""
    INVALID_IDENTITY_NUMBER = "invalid_identity_number"
    """Not a valid 12-digit *personnummer* or *samordningsnummer*."""
    UNREADABLE = "unreadable"
    """A value that could not be read for any other reason."""


_STEP: Final = re.compile(r'\.?([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]|\[("(?:[^"\\]|\\.)*")\]')


def pointer(path: str) -> str:
    """The RFC 6901 JSON Pointer of a dotted ``path`` (``activities[0].end``).

    >>> pointer("activities[0].end")
    '/activities/0/end'
    >>> pointer('notes["a/b~c"]')
    '/notes/a~1b~0c'
    >>> pointer("")
    ''
    """
    steps: list[str] = []
    at = 0
    while at < len(path):
        match = _STEP.match(path, at)
        if match is None:  # not a path this package writes: kept whole, as one step
            steps.append(path[at:])
            break
        name, index, quoted = match.groups()
        steps.append(name or index or _unquote(quoted))
        at = match.end()
    return "".join("/" + step.replace("~", "~0").replace("/", "~1") for step in steps)


def _unquote(quoted: str) -> str:
    try:
        text = json.loads(quoted)
    except ValueError:  # a path not written by this package: its text kept as it is
        return quoted[1:-1]
    return str(text)


@attrs.frozen(slots=True)
class ErrorDetail:
    """One problem in a plan or a part of one, for a machine to act on.

    ``path`` names the field as the dict form does (``activities[0].end``), ``pointer``
    the same place as an RFC 6901 JSON Pointer (``/activities/0/end``, ``""`` for the
    root), ``code`` is one of :class:`ErrorCode` and ``message`` says, in JSON's words,
    what was expected and what was got.

    >>> detail = ErrorDetail.of("activities[0].end", ErrorCode.WRONG_ORDER, "is before start")
    >>> detail.pointer, detail.code
    ('/activities/0/end', <ErrorCode.WRONG_ORDER: 'wrong_order'>)
    """

    path: str
    pointer: str
    code: ErrorCode
    message: str

    @classmethod
    def of(cls, path: str, code: ErrorCode | str, message: str) -> ErrorDetail:
        """The detail at ``path``, its pointer derived and its texts redacted."""
        path = redact(str(path))
        return cls(path, pointer(path), ErrorCode(code), redact(str(message)))

    def to_dict(self) -> dict[str, str]:
        """``{"path", "pointer", "code", "message"}``, JSON-ready."""
        return {
            "path": self.path,
            "pointer": self.pointer,
            "code": self.code.value,
            "message": self.message,
        }


Problem = tuple[str, str] | tuple[str, str, "ErrorCode | str"] | ErrorDetail
"""What :class:`InvalidPlanError` is built from: ``(path, message)``, ``(path, message,
code)`` or an :class:`ErrorDetail`. A pair without a code gets ``unreadable``."""


def _detail(problem: Any) -> ErrorDetail:
    if isinstance(problem, ErrorDetail):
        return ErrorDetail.of(problem.path, problem.code, problem.message)
    path, message, *rest = problem
    code = rest[0] if rest else ErrorCode.UNREADABLE
    return ErrorDetail.of(path, code, message)


class InvalidPlanError(HandlingsplanError, ValueError):
    """A plan or one of its parts breaks a structural invariant.

    ``details`` holds every problem found as an :class:`ErrorDetail` (path, JSON
    Pointer, :class:`ErrorCode`, message); ``errors`` the same problems as ``(path,
    message)`` pairs, in the same order. A path names the field the way the dict form
    does (``activities[2].end``); the root's path is the empty string. An identity
    number in a path or message is masked.

    >>> error = InvalidPlanError([("activities[0].end", "is before start", "wrong_order")])
    >>> error.errors
    (('activities[0].end', 'is before start'),)
    >>> error.details[0].pointer, error.details[0].code.value
    ('/activities/0/end', 'wrong_order')
    >>> str(error)
    'activities[0].end: is before start'
    """

    details: tuple[ErrorDetail, ...]
    errors: tuple[tuple[str, str], ...]

    def __init__(self, errors: Iterable[Problem]) -> None:
        self.details = tuple(_detail(problem) for problem in errors)
        self.errors = tuple((detail.path, detail.message) for detail in self.details)
        super().__init__(
            "; ".join(f"{path}: {message}" if path else message for path, message in self.errors)
        )

    def prefixed(self, prefix: str) -> InvalidPlanError:
        """The same problems with every path placed under ``prefix``.

        >>> InvalidPlanError([("end", "is before start")]).prefixed("activities[1]").errors
        (('activities[1].end', 'is before start'),)
        """
        return InvalidPlanError(
            (_join_path(prefix, detail.path), detail.message, detail.code)
            for detail in self.details
        )

    def to_dict(self) -> dict[str, Any]:
        """``{"type": "invalid_plan", "errors": [{"path", "pointer", "code", "message"}]}``.

        Its JSON Schema is ``json_schema(InvalidPlanError)``.

        >>> error = InvalidPlanError([("id", "expected a string, got null", "null_not_allowed")])
        >>> error.to_dict()["errors"][0]["pointer"], error.to_dict()["errors"][0]["code"]
        ('/id', 'null_not_allowed')
        """
        return {"type": "invalid_plan", "errors": [detail.to_dict() for detail in self.details]}

    def __reduce__(
        self,
    ) -> tuple[type[InvalidPlanError], tuple[tuple[tuple[str, str, str], ...]]]:
        triples = tuple((d.path, d.message, d.code.value) for d in self.details)
        return (type(self), (triples,))


def _join_path(prefix: str, path: str) -> str:
    if not prefix:
        return path
    if not path:
        return prefix
    if path.startswith("["):
        return prefix + path
    return f"{prefix}.{path}"


class ParameterError(HandlingsplanError, LookupError):
    """A parameter was asked for on a date before its recorded history."""


class UnknownParameterError(HandlingsplanError, ValueError):
    """A parameter name that the collection does not hold."""


class DuplicateRuleError(HandlingsplanError, ValueError):
    """Two rules in one rule set share a code."""


class UnknownRuleError(HandlingsplanError, ValueError):
    """A rule code that the rule set does not hold."""


class InvalidRuleError(HandlingsplanError, ValueError):
    """A rule defined with bad metadata (a malformed code, a message without sv or en)."""


class RuleError(HandlingsplanError, RuntimeError):
    """A rule raised while evaluating a plan: a bug in the rule, not bad input.

    The message names the rule code and the plan id; the original exception is
    chained as ``__cause__``.
    """

    def __init__(self, code: str, plan_id: str, cause: BaseException | None = None) -> None:
        self.code = code
        self.plan_id = plan_id
        detail = f": {type(cause).__name__}: {cause}" if cause is not None else ""
        super().__init__(f"rule {code} failed on plan {plan_id!r}{detail}")

    def __reduce__(self) -> tuple[type[RuleError], tuple[str, str]]:
        return (type(self), (self.code, self.plan_id))
