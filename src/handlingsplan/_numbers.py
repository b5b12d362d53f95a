"""Exact arithmetic on the model's numbers."""

from __future__ import annotations

import functools
from fractions import Fraction

__all__ = ["exact"]


@functools.lru_cache(maxsize=1024, typed=True)
def exact(number: float) -> Fraction:
    """``number`` as an exact fraction, a float read as its shortest decimal.

    Remembers the latest 1 024 numbers (hours and levels recur across plans).

    >>> exact(33.3), exact(40)
    (Fraction(333, 10), Fraction(40, 1))
    """
    return Fraction(number) if isinstance(number, int) else Fraction(repr(number))
