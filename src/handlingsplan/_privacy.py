"""Keeping identity numbers out of every text meant for people.

An identity number (*personnummer* or *samordningsnummer*) is any run of 6 + 4 or 8 + 4
digits, with ``-``, ``+`` or nothing between. Wherever such a run appears in a text a
person reads (an error message, a ``repr``, a finding, HTML), :func:`redact` keeps the
birth-date part and masks the last four digits, as
:class:`~handlingsplan.IdentityNumber` does. :func:`echo` is how a message shows a
value it got: its ``repr``, cut to at most :data:`ECHO_LIMIT` characters, redacted,
and never raising whatever the value is.

Two class decorators apply :func:`redact` where a class renders itself:
:func:`redacted_repr` to its ``repr`` (and so its ``str``), and :func:`private` also to
the ``TypeError`` its ``__init__`` raises for an unexpected keyword argument, whose
name Python echoes.

>>> redact("id 19900517-2391 and 9005172391")
'id 19900517-**** and 900517****'
>>> echo("x" * 100)
"'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."
>>> echo(10**5000)
'a number of more than 4300 digits'
"""

from __future__ import annotations

import functools
import re
import sys
from typing import Any, Final, TypeVar

__all__ = ["ECHO_LIMIT", "cut", "echo", "private", "redact", "redacted_repr"]

T = TypeVar("T")

ECHO_LIMIT: Final = 60
"""The longest echo of an input value in a message, in characters."""

_NUMBER = re.compile(r"([0-9]{6}(?:[0-9]{2})?)([-+]?)[0-9]{4}")
_MAX_DIGITS: Final = sys.get_int_max_str_digits() or 4300
_LONGEST: Final = 13  # YYYYMMDD-NNNN: a number cut in two is masked before the cut


def redact(text: str) -> str:
    """``text`` with the last four digits of every identity-number-like run masked."""
    if len(text) < 10:
        return text
    return _NUMBER.sub(r"\1\2****", text)


def cut(text: str, limit: int = ECHO_LIMIT) -> str:
    """``text`` cut to at most ``limit`` characters, ``...`` marking a cut."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def echo(value: object) -> str:
    """A short, safe, redacted ``repr`` of ``value`` for an error message."""
    try:
        text = repr(value)
    except Exception:  # a huge integer, or a value whose repr raises, is still described
        if isinstance(value, int):
            return f"a number of more than {_MAX_DIGITS} digits"
        text = f"<{type(value).__name__} object>"
    return cut(redact(text[: ECHO_LIMIT + _LONGEST]))


def redacted_repr(cls: type[T]) -> type[T]:
    """Class decorator: ``cls``'s ``repr``, and so its ``str``, with :func:`redact` applied.

    The ``repr`` is otherwise the one the class had, attrs-generated or written.
    """
    shown = cls.__repr__

    @functools.wraps(shown)
    def masked_repr(self: T) -> str:
        return redact(shown(self))

    cls.__repr__ = masked_repr  # type: ignore[assignment]
    return cls


def private(cls: type[T]) -> type[T]:
    """Class decorator for the model: :func:`redacted_repr`, and a redacted ``TypeError``.

    Python names an unexpected keyword argument in its ``TypeError``; from a dict or
    :func:`attrs.evolve` that name is input, and may be an identity number.
    """
    init = cls.__init__

    @functools.wraps(init)
    def masked_init(self: T, *args: Any, **kwargs: Any) -> None:
        try:
            init(self, *args, **kwargs)
        except TypeError as error:
            message = str(error)
            masked = redact(message)
            if masked == message:
                raise
            raise TypeError(masked) from None

    cls.__init__ = masked_init  # type: ignore[method-assign, assignment]
    return redacted_repr(cls)
