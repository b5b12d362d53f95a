"""Swedish identity numbers (*personnummer*, *samordningsnummer*), kept private."""

from __future__ import annotations

import re

import attrs
import pendulum

from .._privacy import private
from ..errors import ErrorCode, InvalidPlanError
from ._checks import kind, mismatch

__all__ = ["IdentityNumber"]

_TWELVE = re.compile(r"([0-9]{8})-?([0-9]{4})")
_CHECK_MESSAGE = "is not a valid personnummer or samordningsnummer (check digit or serial number)"
_TEN = re.compile(r"[0-9]{6}[-+]?[0-9]{4}")


@private
@attrs.frozen(init=False, repr=False)
class IdentityNumber:
    """A validated *personnummer* or *samordningsnummer* (coordination number).

    Built from the 12-digit form ``YYYYMMDD-NNNC`` (the hyphen is optional). The last
    digit is a Luhn check over the nine before it, the century left out
    (*Folkbokföringslagen* 18 §); a coordination number (*samordningsnummer*,
    Folkbokföringslagen 18 a §) adds 60 to the day of birth. The 10-digit form is
    refused: its century depends on today's date, and this package reads no clock.

    Its ``repr`` and ``str`` show only the real birth date; the full number is in
    :attr:`digits` and in the dict form, never in messages or reports.

    >>> number = IdentityNumber("19850709-9805")
    >>> number
    IdentityNumber('19850709-****')
    >>> number.birth_date
    Date(1985, 7, 9)
    >>> IdentityNumber("198507699802").is_coordination_number
    True
    >>> IdentityNumber("850709-9805")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    handlingsplan.errors.InvalidPlanError: must be the 12-digit form YYYYMMDD-NNNC; ...
    """

    digits: str
    """The twelve digits, without a hyphen."""

    def __init__(self, number: str) -> None:
        if not isinstance(number, str):
            # Only the kind: a number in the wrong type is still a number to keep private.
            raise InvalidPlanError(
                [("", f"expected a string, got {kind(number)}", mismatch(number))]
            )
        match = _TWELVE.fullmatch(number)
        if match is None:
            if _TEN.fullmatch(number):
                raise InvalidPlanError(
                    [
                        (
                            "",
                            "must be the 12-digit form YYYYMMDD-NNNC; the 10-digit form's "
                            "century would depend on today's date",
                            ErrorCode.INVALID_IDENTITY_NUMBER,
                        )
                    ]
                )
            raise InvalidPlanError(
                [
                    (
                        "",
                        "must be a 12-digit identity number in the form YYYYMMDD-NNNC",
                        ErrorCode.INVALID_IDENTITY_NUMBER,
                    )
                ]
            )
        digits = match.group(1) + match.group(2)
        _birth_date(digits)  # a real date, coordination days included
        if not well_formed(digits):
            raise InvalidPlanError([("", _CHECK_MESSAGE, ErrorCode.INVALID_IDENTITY_NUMBER)])
        object.__setattr__(self, "digits", digits)

    @property
    def is_coordination_number(self) -> bool:
        """Whether this is a *samordningsnummer* (day of birth plus 60)."""
        return int(self.digits[6:8]) > 60

    @property
    def birth_date(self) -> pendulum.Date:
        """The real birth date (for a coordination number, the day minus 60)."""
        return _birth_date(self.digits)

    @property
    def full(self) -> str:
        """The whole number as ``YYYYMMDD-NNNC``: personal data, handle with care."""
        return f"{self.digits[:8]}-{self.digits[8:]}"

    @property
    def masked(self) -> str:
        """The real birth date followed by ``-****``."""
        return f"{self.birth_date.strftime('%Y%m%d')}-****"

    def __repr__(self) -> str:
        return f"IdentityNumber({self.masked!r})"

    def __str__(self) -> str:
        return self.masked


_DOUBLED = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)
"""A digit doubled, less 9 when that is over 9: a step of the Luhn check."""


def well_formed(digits: str) -> bool:
    """Whether twelve digits have a serial number other than 000 and the right check digit.

    The check digit is the Luhn (modulus 10) digit over the nine digits between the
    century and it (Folkbokföringslagen 18 §; Skatteverket, SKV 704): every other digit
    doubled from the first, the digits of the products added. Serial number 000 is never
    issued. Worked out here, not by a package, so that reading a number reads no clock.

    >>> well_formed("198507099805"), well_formed("198507099806"), well_formed("198507090008")
    (True, False, False)
    """
    _, _, y3, y4, m1, m2, d1, d2, n1, n2, n3, check = map(int, digits)
    double = _DOUBLED
    luhn = double[y3] + y4 + double[m1] + m2 + double[d1] + d2 + double[n1] + n2 + double[n3]
    return (luhn + check) % 10 == 0 and (n1 or n2 or n3) != 0


def _birth_date(digits: str) -> pendulum.Date:
    year, month, day = int(digits[0:4]), int(digits[4:6]), int(digits[6:8])
    if day > 60:
        day -= 60
    try:
        return pendulum.Date(year, month, day)
    except ValueError:
        raise InvalidPlanError(
            [
                (
                    "",
                    "does not hold a real birth date (coordination numbers add 60 to the day)",
                    ErrorCode.INVALID_IDENTITY_NUMBER,
                )
            ]
        ) from None
