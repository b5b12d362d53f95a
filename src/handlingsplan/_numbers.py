"""Exact arithmetic on the model's numbers."""

from __future__ import annotations

from fractions import Fraction

__all__ = ["exact"]


def exact(number: float) -> Fraction:
    """``number`` as an exact fraction, a float read as its shortest decimal.

    >>> exact(33.3), exact(40)
    (Fraction(333, 10), Fraction(40, 1))
    """
    return Fraction(number) if isinstance(number, int) else Fraction(repr(number))
