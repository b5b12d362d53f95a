"""The exceptions of ``handlingsplan``.

Callers can tell bad input from bad code:

* :class:`HandlingsplanError` is the root of everything the package raises on purpose.
* :class:`InvalidPlanError` (also a :class:`ValueError`): a plan, or a part of one,
  breaks a structural invariant, from a constructor or from
  :func:`~handlingsplan.from_dict`. Its :attr:`~InvalidPlanError.errors` lists every
  problem found as ``(path, message)`` pairs.
* :class:`ParameterError` (also a :class:`LookupError`): a parameter asked for on a
  date before its recorded history.
* :class:`UnknownParameterError`, :class:`DuplicateRuleError`,
  :class:`UnknownRuleError`, :class:`InvalidRuleError` (also :class:`ValueError`):
  misuse of the API, named for what went wrong.
* :class:`RuleError` (also a :class:`RuntimeError`, not a :class:`ValueError`): a rule
  raised while a plan was evaluated; a bug, not bad input.
"""

from __future__ import annotations

from collections.abc import Iterable

from ._privacy import redact

__all__ = [
    "DuplicateRuleError",
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


class InvalidPlanError(HandlingsplanError, ValueError):
    """A plan or one of its parts breaks a structural invariant.

    ``errors`` holds every problem found, as ``(path, message)`` pairs. A path names
    the field the way the dict form does (``activities[2].end``); the root's path is
    the empty string. An identity number in a path or message is masked.

    >>> error = InvalidPlanError([("activities[0].end", "is before start")])
    >>> error.errors
    (('activities[0].end', 'is before start'),)
    >>> str(error)
    'activities[0].end: is before start'
    """

    errors: tuple[tuple[str, str], ...]

    def __init__(self, errors: Iterable[tuple[str, str]]) -> None:
        self.errors = tuple((redact(str(path)), redact(str(message))) for path, message in errors)
        super().__init__(
            "; ".join(f"{path}: {message}" if path else message for path, message in self.errors)
        )

    def prefixed(self, prefix: str) -> InvalidPlanError:
        """The same problems with every path placed under ``prefix``.

        >>> InvalidPlanError([("end", "is before start")]).prefixed("activities[1]").errors
        (('activities[1].end', 'is before start'),)
        """
        return InvalidPlanError(
            (_join_path(prefix, path), message) for path, message in self.errors
        )

    def __reduce__(self) -> tuple[type[InvalidPlanError], tuple[tuple[tuple[str, str], ...]]]:
        return (type(self), (self.errors,))


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
