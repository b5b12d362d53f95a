"""Tests for :class:`handlingsplan.model.IdentityNumber` (personnummer, samordningsnummer)."""

from __future__ import annotations

import datetime as _dt
import pickle
import subprocess
import sys

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st
from personnummer import personnummer

from handlingsplan.errors import HandlingsplanError, InvalidPlanError
from handlingsplan.model import IdentityNumber, Participant
from handlingsplan.model._identity import well_formed

TEN_DIGIT_MESSAGE = (
    "must be the 12-digit form YYYYMMDD-NNNC; the 10-digit form's century would depend "
    "on today's date"
)
FORM_MESSAGE = "must be a 12-digit identity number in the form YYYYMMDD-NNNC"
CHECK_DIGIT_MESSAGE = (
    "is not a valid personnummer or samordningsnummer (check digit or serial number)"
)
DATE_MESSAGE = "does not hold a real birth date (coordination numbers add 60 to the day)"


def luhn_digit(nine: str) -> str:
    """The Luhn check digit over the nine digits ``YYMMDDNNN`` (Folkbokföringslagen 18 §)."""
    total = 0
    for index, char in enumerate(nine):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return str((10 - total % 10) % 10)


def make_number(
    birth: _dt.date, serial: int, *, coordination: bool = False, hyphen: bool = True
) -> str:
    """A valid 12-digit number for ``birth``; a coordination number adds 60 to the day."""
    day = birth.day + 60 if coordination else birth.day
    first = f"{birth.year:04d}{birth.month:02d}{day:02d}"
    nine = f"{first[2:]}{serial:03d}"
    last_four = f"{serial:03d}{luhn_digit(nine)}"
    return f"{first}-{last_four}" if hyphen else first + last_four


def refusal(value: object) -> tuple[tuple[str, str], ...]:
    with pytest.raises(InvalidPlanError) as info:
        IdentityNumber(value)  # type: ignore[arg-type]
    return info.value.errors


birth_dates = st.dates(min_value=_dt.date(1900, 1, 1), max_value=_dt.date(2099, 12, 31))
serials = st.integers(min_value=1, max_value=999)


def test_the_test_helper_computes_the_known_check_digit() -> None:
    assert make_number(_dt.date(1985, 7, 9), 980) == "19850709-9805"
    assert make_number(_dt.date(1985, 7, 9), 980, coordination=True) == "19850769-9802"


# -- valid numbers -----------------------------------------------------------------------


def test_a_personnummer_is_accepted_folkbokforingslagen_18_par() -> None:
    """Folkbokföringslagen (1991:481) 18 §: date of birth, serial number and check digit."""
    number = IdentityNumber("19850709-9805")
    assert number.digits == "198507099805"
    assert number.full == "19850709-9805"
    assert number.birth_date == pendulum.Date(1985, 7, 9)
    assert type(number.birth_date) is pendulum.Date
    assert not number.is_coordination_number


def test_a_samordningsnummer_is_accepted_folkbokforingslagen_18_a_par() -> None:
    """Folkbokföringslagen (1991:481) 18 a §: a coordination number adds 60 to the day."""
    number = IdentityNumber("19850769-9802")
    assert number.is_coordination_number
    assert number.birth_date == pendulum.Date(1985, 7, 9)
    assert str(number) == "19850709-****"


def test_the_hyphen_is_optional() -> None:
    with_hyphen = IdentityNumber("19850709-9805")
    without = IdentityNumber("198507099805")
    assert with_hyphen == without
    assert hash(with_hyphen) == hash(without)
    assert without.full == "19850709-9805"


def test_a_leap_day_birth_is_a_real_date() -> None:
    number = IdentityNumber(make_number(_dt.date(2008, 2, 29), 123))
    assert number.birth_date == pendulum.Date(2008, 2, 29)
    coordination = IdentityNumber(make_number(_dt.date(2008, 2, 29), 123, coordination=True))
    assert coordination.birth_date == pendulum.Date(2008, 2, 29)


@given(birth=birth_dates, serial=serials, coordination=st.booleans(), hyphen=st.booleans())
def test_every_well_formed_number_is_accepted_with_its_real_birth_date(
    birth: _dt.date, serial: int, coordination: bool, hyphen: bool
) -> None:
    text = make_number(birth, serial, coordination=coordination, hyphen=hyphen)
    number = IdentityNumber(text)
    assert number.digits == text.replace("-", "")
    assert number.birth_date == birth
    assert number.is_coordination_number is coordination
    masked = f"{birth:%Y%m%d}-****"
    assert number.masked == masked
    assert str(number) == masked
    assert repr(number) == f"IdentityNumber({masked!r})"


@given(birth=birth_dates, serial=serials, coordination=st.booleans(), wrong=st.integers(1, 9))
def test_every_wrong_check_digit_is_refused(
    birth: _dt.date, serial: int, coordination: bool, wrong: int
) -> None:
    text = make_number(birth, serial, coordination=coordination)
    bad = text[:-1] + str((int(text[-1]) + wrong) % 10)
    assert refusal(bad) == (("", CHECK_DIGIT_MESSAGE),)


# -- refused numbers -----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["850709-9805", "8507099805", "850709+9805"])
def test_the_ten_digit_form_is_refused(text: str) -> None:
    assert refusal(text) == (("", TEN_DIGIT_MESSAGE),)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "1985-07-09-9805",
        "19850709 9805",
        "19850709+9805",
        "19850709--9805",
        "1985070998055",
        "19850709980",
        " 19850709-9805",
        "19850709-9805\n",
    ],
)
def test_other_malformed_text_is_refused(text: str) -> None:
    assert refusal(text) == (("", FORM_MESSAGE),)


def test_a_bad_check_digit_is_refused() -> None:
    assert refusal("19850709-9806") == (("", CHECK_DIGIT_MESSAGE),)


def test_serial_number_000_is_refused() -> None:
    """Serial number 000 is never issued (the ``personnummer`` package refuses it too)."""
    with pytest.raises(InvalidPlanError):
        IdentityNumber(make_number(_dt.date(1985, 7, 9), 0))


@pytest.mark.parametrize(
    "first",
    [
        "20230229",  # no 29 February in 2023
        "19851301",  # month 13
        "19850700",  # day 0
        "19850732",  # day 32
        "19850760",  # day 60 is neither a birth day nor a coordination day
        "20230289",  # coordination day for 29 February 2023
        "19850792",  # coordination day 32
        "19850799",
    ],
)
def test_an_impossible_date_is_refused_even_with_a_good_check_digit(first: str) -> None:
    nine = first[2:] + "123"
    assert refusal(f"{first}-123{luhn_digit(nine)}") == (("", DATE_MESSAGE),)


@pytest.mark.parametrize(
    ("value", "got"),
    [
        (198507099805, "a number"),
        (None, "null"),
        (b"198507099805", "a Python bytes"),
        (1985.0, "a number"),
        (["1985"], "an array"),
    ],
)
def test_a_non_string_is_refused_naming_only_its_kind(value: object, got: str) -> None:
    assert refusal(value) == (("", f"expected a string, got {got}"),)
    with pytest.raises(InvalidPlanError) as info:
        IdentityNumber(value)  # type: ignore[arg-type]
    assert info.value.details[0].code == ("null_not_allowed" if value is None else "wrong_type")


def test_a_refusal_is_an_invalid_plan_error() -> None:
    with pytest.raises(ValueError, match="check digit") as info:
        IdentityNumber("19850709-9806")
    assert isinstance(info.value, HandlingsplanError)


@pytest.mark.parametrize("text", ["１９８５０７０９９８０５", "١٩٨٥٠٧٠٩٩٨٠٥"])
def test_non_ascii_digits_are_refused(text: str) -> None:
    with pytest.raises(InvalidPlanError):
        IdentityNumber(text)


# -- privacy -----------------------------------------------------------------------------


def test_repr_and_str_show_only_the_birth_date() -> None:
    number = IdentityNumber("19850709-9805")
    assert repr(number) == "IdentityNumber('19850709-****')"
    assert str(number) == "19850709-****"
    for text in (repr(number), str(number), f"{number}"):
        assert "9805" not in text


def test_repr_of_a_coordination_number_shows_the_real_birth_date() -> None:
    number = IdentityNumber("19850769-9802")
    assert repr(number) == "IdentityNumber('19850709-****')"
    assert "9802" not in repr(number)
    assert "19850769" not in repr(number)


def test_repr_of_a_participant_never_holds_the_full_number() -> None:
    number = IdentityNumber("19850709-9805")
    participant = Participant(id="d-1", birth_date=_dt.date(1985, 7, 9), identity_number=number)
    text = repr(participant)
    assert "IdentityNumber('19850709-****')" in text
    assert number.full not in text
    assert number.digits not in text
    assert "9805" not in text
    assert "9805" not in str(participant)


def test_a_disagreeing_birth_date_is_reported_without_the_last_four_digits() -> None:
    with pytest.raises(InvalidPlanError) as info:
        Participant(
            id="d-1",
            birth_date=_dt.date(1985, 7, 10),
            identity_number=IdentityNumber("19850709-9805"),
        )
    assert info.value.errors == (
        (
            "identity_number",
            "its birth date 19850709 disagrees with birth_date 1985-07-10",
        ),
    )
    assert "9805" not in str(info.value)


def test_a_participant_with_a_coordination_number_has_the_real_birth_date() -> None:
    number = IdentityNumber("19850769-9802")
    participant = Participant(id="d-1", birth_date=_dt.date(1985, 7, 9), identity_number=number)
    assert participant.identity_number == number
    with pytest.raises(InvalidPlanError):
        Participant(id="d-1", birth_date=_dt.date(1985, 7, 10), identity_number=number)


# -- value behaviour -------------------------------------------------------------------


def test_equality_and_hash_follow_the_digits() -> None:
    first = IdentityNumber("19850709-9805")
    second = IdentityNumber("198507099805")
    other = IdentityNumber("19850769-9802")
    assert first == second
    assert hash(first) == hash(second)
    assert first != other
    assert len({first, second, other}) == 2
    text: object = "198507099805"
    assert first != text


def test_an_identity_number_survives_pickling() -> None:
    number = IdentityNumber("19850769-9802")
    copy = pickle.loads(pickle.dumps(number))
    assert copy == number
    assert copy.digits == number.digits
    assert repr(copy) == "IdentityNumber('19850709-****')"


def test_an_identity_number_is_frozen_and_has_slots() -> None:
    number = IdentityNumber("19850709-9805")
    field = "digits"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(number, field, "198507699802")
    assert "__slots__" in IdentityNumber.__dict__
    assert not hasattr(number, "__dict__")
    assert number.digits == "198507099805"


@given(
    born=st.dates(min_value=_dt.date(1900, 1, 1), max_value=_dt.date(2199, 12, 31)),
    coordination=st.booleans(),
    tail=st.integers(min_value=0, max_value=9999),
)
def test_the_check_agrees_with_the_personnummer_package(
    born: _dt.date, coordination: bool, tail: int
) -> None:
    """Folkbokföringslagen 18 §, 18 a §: the package's own check (serial number and Luhn
    digit), which reads no clock, accepts exactly what ``personnummer`` accepts."""
    day = born.day + (60 if coordination else 0)
    digits = f"{born.year:04d}{born.month:02d}{day:02d}{tail:04d}"
    assert well_formed(digits) == personnummer.valid(digits)


def test_reading_an_identity_number_needs_no_package_that_reads_the_clock() -> None:
    """The package reads no clock: ``personnummer`` (which does, even for a 12-digit
    number) is only the tests' independent check, never imported by the package."""
    code = (
        "import sys, handlingsplan; handlingsplan.IdentityNumber('19850709-9805'); "
        "handlingsplan.from_dict(handlingsplan.to_dict(handlingsplan.synthetic.caseload("
        "3, identity_numbers=True)[0])); print('personnummer' in sys.modules)"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"
