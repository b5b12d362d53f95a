"""Tests for :mod:`handlingsplan.dates`: statutory time (Lag 1930:173) and working days."""

from __future__ import annotations

import calendar
import datetime as _dt
import json
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import holidays
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlingsplan.dates import (
    _non_working_holidays,
    add_days,
    add_months,
    add_years,
    age_on,
    as_date,
    birthday,
    is_working_day,
    statutory_deadline,
    working_days,
)

MIN_DATE = _dt.date(1900, 1, 1)
MAX_DATE = _dt.date(2100, 12, 31)
#: The ``holidays`` package's Swedish calendar starts in 1953.
MIN_HOLIDAY_DATE = _dt.date(1953, 1, 1)

any_date = st.dates(min_value=MIN_DATE, max_value=MAX_DATE)
holiday_era_date = st.dates(min_value=MIN_HOLIDAY_DATE, max_value=MAX_DATE)


def _to_pendulum(d: _dt.date) -> _dt.date:
    return pendulum.Date(d.year, d.month, d.day)


#: A ``datetime.date`` or a ``pendulum.Date``: every function takes both.
either_date = st.one_of(any_date, any_date.map(_to_pendulum))
leap_days = st.sampled_from(["feb28", "mar1"])


def d(year: int, month: int, day: int) -> _dt.date:
    return _dt.date(year, month, day)


def naive(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> _dt.datetime:
    """A naive datetime, the kind a caller might pass where a date belongs."""
    return _dt.datetime(year, month, day, hour, minute)  # noqa: DTZ001


def is_pendulum_date(value: object) -> bool:
    return type(value) is pendulum.Date


# -- as_date -----------------------------------------------------------------------


def test_as_date_turns_a_plain_date_into_a_pendulum_date() -> None:
    result = as_date(d(2025, 1, 13))
    assert is_pendulum_date(result)
    assert result == pendulum.Date(2025, 1, 13)


def test_as_date_returns_a_pendulum_date_unchanged() -> None:
    day = pendulum.Date(2025, 1, 13)
    assert as_date(day) is day


def test_as_date_converts_a_date_subclass_to_a_pendulum_date() -> None:
    class OtherDate(_dt.date):
        pass

    result = as_date(OtherDate(2025, 1, 13))
    assert is_pendulum_date(result)
    assert result == pendulum.Date(2025, 1, 13)


def test_as_date_names_the_argument_when_given_a_datetime() -> None:
    with pytest.raises(TypeError, match=r"^start must be a date, not a datetime: "):
        as_date(naive(2025, 1, 13, 9, 0), "start")


def test_as_date_refuses_a_pendulum_datetime() -> None:
    with pytest.raises(TypeError, match=r"^date must be a date, not a datetime"):
        as_date(pendulum.datetime(2025, 1, 13))


def test_as_date_names_the_type_of_a_non_date() -> None:
    with pytest.raises(TypeError, match=r"^when must be a datetime\.date, not str: '2025-01-13'$"):
        as_date("2025-01-13", "when")


# -- argument checking shared by every function ----------------------------------------

DAY = _dt.date(2025, 1, 13)

#: (function, the positional arguments of a good call, the index to spoil, its name)
ARGUMENTS: list[tuple[Callable[..., object], tuple[object, ...], int, str]] = [
    (add_months, (DAY, 1), 0, "d"),
    (add_years, (DAY, 1), 0, "d"),
    (birthday, (DAY, 18), 0, "birth_date"),
    (age_on, (DAY, DAY), 0, "birth_date"),
    (age_on, (DAY, DAY), 1, "on"),
    (is_working_day, (DAY,), 0, "d"),
    (statutory_deadline, (DAY,), 0, "d"),
    (working_days, (DAY, DAY), 0, "start"),
    (working_days, (DAY, DAY), 1, "end"),
]

ARGUMENT_IDS = [f"{function.__name__}-{name}" for function, _, _, name in ARGUMENTS]


def _spoil(args: tuple[object, ...], index: int, value: object) -> tuple[object, ...]:
    return (*args[:index], value, *args[index + 1 :])


@pytest.mark.parametrize(("function", "args", "index", "name"), ARGUMENTS, ids=ARGUMENT_IDS)
def test_every_function_refuses_a_datetime_naming_the_argument(
    function: Callable[..., object], args: tuple[object, ...], index: int, name: str
) -> None:
    bad = _spoil(args, index, naive(2025, 1, 13, 12, 0))
    with pytest.raises(TypeError, match=rf"^{name} must be a date, not a datetime"):
        function(*bad)


@pytest.mark.parametrize(("function", "args", "index", "name"), ARGUMENTS, ids=ARGUMENT_IDS)
@pytest.mark.parametrize("value", ["2025-01-13", 20250113, None, 2025.0])
def test_every_function_refuses_a_non_date_naming_the_argument(
    function: Callable[..., object],
    args: tuple[object, ...],
    index: int,
    name: str,
    value: object,
) -> None:
    bad = _spoil(args, index, value)
    with pytest.raises(TypeError, match=rf"^{name} must be a datetime\.date, not "):
        function(*bad)


@pytest.mark.parametrize(("function", "args", "index", "name"), ARGUMENTS, ids=ARGUMENT_IDS)
def test_every_function_accepts_a_pendulum_date(
    function: Callable[..., object], args: tuple[object, ...], index: int, name: str
) -> None:
    plain = function(*args)
    with_pendulum = function(*_spoil(args, index, pendulum.Date(2025, 1, 13)))
    assert with_pendulum == plain


@pytest.mark.parametrize(
    "call",
    [
        lambda: add_months(DAY, 1),
        lambda: add_years(DAY, 1),
        lambda: birthday(DAY, 18),
        lambda: statutory_deadline(DAY),
        lambda: add_months(pendulum.Date(2025, 1, 13), 1),
        lambda: statutory_deadline(pendulum.Date(2025, 1, 11)),
    ],
)
def test_date_results_are_pendulum_dates(call: Callable[[], object]) -> None:
    assert is_pendulum_date(call())


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda count: add_months(DAY, count), "months"),
        (lambda count: add_years(DAY, count), "years"),
        (lambda count: birthday(DAY, count), "age"),
    ],
    ids=["add_months", "add_years", "birthday"],
)
@pytest.mark.parametrize("count", [True, False, 1.0, 1.5, "1", None])
def test_counts_that_are_not_ints_are_refused_naming_the_argument(
    call: Callable[[object], object], name: str, count: object
) -> None:
    with pytest.raises(TypeError, match=rf"^{name} must be an int, not {type(count).__name__}"):
        call(count)


@pytest.mark.parametrize("leap_day", ["feb29", "", "FEB28", None, 28])
def test_birthday_refuses_an_unknown_leap_day_rule(leap_day: object) -> None:
    bad: Any = leap_day
    with pytest.raises(ValueError, match=r"^leap_day must be one of \('feb28', 'mar1'\)"):
        birthday(d(2008, 2, 29), 18, leap_day=bad)


@pytest.mark.parametrize("leap_day", ["feb29", "", None])
def test_age_on_refuses_an_unknown_leap_day_rule(leap_day: object) -> None:
    bad: Any = leap_day
    with pytest.raises(ValueError, match=r"^leap_day must be one of"):
        age_on(d(2008, 2, 29), d(2026, 2, 28), leap_day=bad)


def test_birthday_refuses_a_negative_age() -> None:
    with pytest.raises(ValueError, match=r"^age must not be negative: -1$"):
        birthday(d(2000, 1, 1), -1)


def test_birthday_at_age_zero_is_the_birth_date() -> None:
    assert birthday(d(2008, 2, 29), 0) == pendulum.Date(2008, 2, 29)
    assert birthday(d(2008, 2, 29), 0, leap_day="mar1") == pendulum.Date(2008, 2, 29)


def test_age_on_refuses_a_day_before_the_birth() -> None:
    with pytest.raises(
        ValueError, match=r"^on \(2000-01-01\) is before birth_date \(2000-01-02\)$"
    ):
        age_on(d(2000, 1, 2), d(2000, 1, 1))


def test_age_on_the_day_of_birth_is_zero() -> None:
    assert age_on(d(2000, 1, 2), d(2000, 1, 2)) == 0


# -- Lag 1930:173 1 §: months and years ---------------------------------------------------


def test_month_end_period_ends_on_last_day_in_a_leap_year_lag_1930_173_1_par() -> None:
    """Lag (1930:173) 1 §: 2024-01-31 + 1 month ends on the last day of February, 2024-02-29."""
    assert add_months(d(2024, 1, 31), 1) == pendulum.Date(2024, 2, 29)


def test_month_end_period_ends_on_last_day_in_a_common_year_lag_1930_173_1_par() -> None:
    """Lag (1930:173) 1 §: 2023-01-31 + 1 month ends on the last day of February, 2023-02-28."""
    assert add_months(d(2023, 1, 31), 1) == pendulum.Date(2023, 2, 28)


def test_period_ends_on_the_day_with_the_same_number_lag_1930_173_1_par() -> None:
    """Lag (1930:173) 1 §: a period of months ends on the day with the same number."""
    assert add_months(d(2025, 1, 13), 24) == pendulum.Date(2027, 1, 13)
    assert add_months(d(2025, 1, 13), 6) == pendulum.Date(2025, 7, 13)


def test_negative_months_count_backwards_to_the_last_day_lag_1930_173_1_par() -> None:
    """Lag (1930:173) 1 §: counting back from 2024-03-31 by a month gives 2024-02-29."""
    assert add_months(d(2024, 3, 31), -1) == pendulum.Date(2024, 2, 29)
    assert add_months(d(2025, 1, 15), -13) == pendulum.Date(2023, 12, 15)


def test_zero_months_is_the_same_day() -> None:
    assert add_months(d(2024, 2, 29), 0) == pendulum.Date(2024, 2, 29)


def test_a_year_from_leap_day_ends_on_28_february_lag_1930_173_1_par() -> None:
    """Lag (1930:173) 1 §: 2024-02-29 + 1 year has no 29 February, so ends 2025-02-28."""
    assert add_years(d(2024, 2, 29), 1) == pendulum.Date(2025, 2, 28)
    assert add_years(d(2024, 2, 29), 4) == pendulum.Date(2028, 2, 29)
    assert add_years(d(2025, 2, 28), -1) == pendulum.Date(2024, 2, 28)


def test_three_years_from_registration_lag_1930_173_1_par() -> None:
    """Lag (1930:173) 1 §, as used for the 36-month limit (Förordning 2017:820 15 §)."""
    assert add_years(d(2023, 8, 31), 3) == pendulum.Date(2026, 8, 31)
    assert add_months(d(2023, 8, 31), 36) == pendulum.Date(2026, 8, 31)


@pytest.mark.parametrize(
    ("start", "months"),
    [(d(9999, 12, 1), 1), (d(1, 1, 31), -1), (d(2025, 1, 1), 12 * 8000)],
)
def test_add_months_past_the_last_representable_year_overflows(
    start: _dt.date, months: int
) -> None:
    with pytest.raises(OverflowError, match=r"^date out of range: year"):
        add_months(start, months)


def test_add_years_past_the_last_representable_year_overflows() -> None:
    with pytest.raises(OverflowError):
        add_years(d(9999, 6, 1), 1)


# -- birthdays and ages (Föräldrabalken 9 kap. 1 §, Lag 1930:173 1 § by analogy) ------


def test_leap_day_child_turns_18_on_28_february_by_default_lag_1930_173_1_par() -> None:
    """Lag (1930:173) 1 § by analogy: born 2008-02-29, of age (FB 9 kap. 1 §) on 2026-02-28."""
    assert birthday(d(2008, 2, 29), 18) == pendulum.Date(2026, 2, 28)
    assert birthday(d(2008, 2, 29), 18, leap_day="feb28") == pendulum.Date(2026, 2, 28)


def test_leap_day_child_turns_18_on_1_march_when_configured() -> None:
    """Unsettled rule (domain: born on 29 February): ``leap_day="mar1"`` gives 2026-03-01."""
    assert birthday(d(2008, 2, 29), 18, leap_day="mar1") == pendulum.Date(2026, 3, 1)


def test_leap_day_birthday_in_a_leap_year_is_29_february_under_both_rules() -> None:
    assert birthday(d(2008, 2, 29), 16) == pendulum.Date(2024, 2, 29)
    assert birthday(d(2008, 2, 29), 16, leap_day="mar1") == pendulum.Date(2024, 2, 29)


def test_ordinary_birthday_has_the_same_month_and_day() -> None:
    assert birthday(d(2005, 3, 1), 20) == pendulum.Date(2025, 3, 1)
    assert birthday(d(1990, 12, 31), 65) == pendulum.Date(2055, 12, 31)


def test_leap_day_child_is_18_on_28_february_with_feb28_lag_1930_173_1_par() -> None:
    """Lag (1930:173) 1 § by analogy: born 2008-02-29, 18 on 2026-02-28, 17 the day before."""
    assert age_on(d(2008, 2, 29), d(2026, 2, 28)) == 18
    assert age_on(d(2008, 2, 29), d(2026, 2, 27)) == 17


def test_leap_day_child_is_still_17_on_28_february_with_mar1() -> None:
    """Unsettled rule, ``leap_day="mar1"``: born 2008-02-29, 17 on 2026-02-28, 18 on 1 March."""
    assert age_on(d(2008, 2, 29), d(2026, 2, 28), leap_day="mar1") == 17
    assert age_on(d(2008, 2, 29), d(2026, 3, 1), leap_day="mar1") == 18


def test_age_turns_on_the_birthday_not_the_day_after() -> None:
    assert age_on(d(2005, 7, 1), d(2025, 6, 30)) == 19
    assert age_on(d(2005, 7, 1), d(2025, 7, 1)) == 20
    assert age_on(d(2005, 7, 1), d(2025, 12, 31)) == 20


# -- Lag 1930:173 2 § and Lag 1989:253: working days and deadlines -------------------------


def test_deadline_on_julafton_moves_to_next_weekday_lag_1930_173_2_par() -> None:
    """Lag (1930:173) 2 §: julafton 2026-12-24, then Christmas and a weekend: 2026-12-28."""
    assert statutory_deadline(d(2026, 12, 24)) == pendulum.Date(2026, 12, 28)


def test_deadline_on_nyarsafton_moves_past_new_year_and_weekend_lag_1930_173_2_par() -> None:
    """Lag (1930:173) 2 §: nyårsafton 2026-12-31, 1 January, a weekend: 2027-01-04."""
    assert statutory_deadline(d(2026, 12, 31)) == pendulum.Date(2027, 1, 4)


def test_deadline_on_midsommarafton_moves_to_monday_lag_1930_173_2_par() -> None:
    """Lag (1930:173) 2 §: midsommarafton 2026-06-19 moves to Monday 2026-06-22."""
    assert statutory_deadline(d(2026, 6, 19)) == pendulum.Date(2026, 6, 22)


def test_deadline_on_a_saturday_moves_to_monday_lag_1930_173_2_par() -> None:
    """Lag (1930:173) 2 §: Saturday 2025-01-11 moves to Monday 2025-01-13."""
    assert statutory_deadline(d(2025, 1, 11)) == pendulum.Date(2025, 1, 13)


def test_deadline_on_an_ordinary_sunday_moves_to_monday_lag_1930_173_2_par() -> None:
    """Lag (1930:173) 2 §: Sunday 2025-01-12 moves to Monday 2025-01-13."""
    assert statutory_deadline(d(2025, 1, 12)) == pendulum.Date(2025, 1, 13)


def test_deadline_on_good_friday_moves_past_easter_monday_lag_1930_173_2_par() -> None:
    """Lag (1930:173) 2 §, Lag (1989:253): Good Friday 2026-04-03 to Tuesday 2026-04-07."""
    assert statutory_deadline(d(2026, 4, 3)) == pendulum.Date(2026, 4, 7)


def test_deadline_on_a_working_day_stays_lag_1930_173_2_par() -> None:
    """Lag (1930:173) 2 §: a deadline on a working day does not move."""
    assert statutory_deadline(d(2026, 12, 23)) == pendulum.Date(2026, 12, 23)


def test_deadline_on_all_saints_day_moves_to_monday_lag_1989_253() -> None:
    """Lag (1989:253): All Saints' Day is the Saturday 31 Oct - 6 Nov; 2026-10-31 to 11-02."""
    assert statutory_deadline(d(2026, 10, 31)) == pendulum.Date(2026, 11, 2)


@pytest.mark.parametrize(
    ("day", "why"),
    [
        (d(2026, 12, 24), "julafton (Lag 1930:173 2 §)"),
        (d(2026, 12, 31), "nyårsafton (Lag 1930:173 2 §)"),
        (d(2026, 6, 19), "midsommarafton (Lag 1930:173 2 §)"),
        (d(2026, 1, 1), "New Year's Day (Lag 1989:253)"),
        (d(2026, 1, 6), "Epiphany (Lag 1989:253)"),
        (d(2026, 4, 3), "Good Friday (Lag 1989:253)"),
        (d(2026, 4, 6), "Easter Monday (Lag 1989:253)"),
        (d(2026, 5, 1), "1 May (Lag 1989:253)"),
        (d(2026, 5, 14), "Ascension Day (Lag 1989:253)"),
        (d(2025, 6, 6), "National Day, a Friday (Lag 1989:253, from 2005)"),
        (d(2005, 6, 6), "the first National Day holiday, a Monday (Lag 1989:253)"),
        (d(2025, 12, 25), "Christmas Day (Lag 1989:253)"),
        (d(2025, 12, 26), "Second Day of Christmas (Lag 1989:253)"),
        (d(2004, 5, 31), "Whit Monday, a holiday until 2004 (Lag 1989:253)"),
        (d(2026, 1, 11), "an ordinary Sunday (Lag 1989:253)"),
        (d(2026, 1, 10), "an ordinary Saturday (Lag 1930:173 2 §)"),
        (d(2026, 10, 31), "All Saints' Day, a Saturday (Lag 1989:253)"),
        (d(2026, 6, 20), "Midsummer Day, a Saturday (Lag 1989:253)"),
    ],
)
def test_holidays_eves_and_weekends_are_not_working_days_lag_1989_253(
    day: _dt.date, why: str
) -> None:
    """Lag (1989:253) and Lag (1930:173) 2 §: none of these is a working day."""
    assert not is_working_day(day), why


@pytest.mark.parametrize(
    ("day", "why"),
    [
        (d(2025, 6, 9), "Whit Monday stopped being a holiday in 2005"),
        (d(2005, 5, 16), "Whit Monday 2005, the first year it was not a holiday"),
        (d(2003, 6, 6), "6 June was not a holiday before 2005"),
        (d(2026, 10, 30), "the Friday before All Saints' Day"),
        (d(2026, 12, 23), "the day before julafton"),
        (d(2026, 6, 22), "the Monday after midsummer"),
        (d(2026, 4, 30), "Valborgsmässoafton is not a holiday"),
        (d(2025, 1, 13), "an ordinary Monday"),
    ],
)
def test_these_weekdays_are_working_days_lag_1989_253(day: _dt.date, why: str) -> None:
    """Lag (1989:253): these weekdays are neither public holidays nor eves of Lag 1930:173 2 §."""
    assert is_working_day(day), why


def test_whit_monday_was_a_holiday_in_2004_but_not_in_2025_lag_1989_253() -> None:
    """Lag (1989:253): Whit Monday is a public holiday until 2004, not from 2005."""
    assert not is_working_day(d(2004, 5, 31))
    assert is_working_day(d(2025, 6, 9))


def test_national_day_became_a_holiday_in_2005_lag_1989_253() -> None:
    """Lag (1989:253): 6 June is a public holiday from 2005 (a Friday in 2003, a Monday in 2005)."""
    assert is_working_day(d(2003, 6, 6))
    assert not is_working_day(d(2005, 6, 6))


def test_working_days_counts_both_ends() -> None:
    """Monday 2025-01-13 to Friday 2025-01-17 is five working days, both ends included."""
    assert working_days(d(2025, 1, 13), d(2025, 1, 17)) == 5


def test_working_days_on_one_working_day_is_one() -> None:
    assert working_days(d(2025, 1, 13), d(2025, 1, 13)) == 1


def test_working_days_on_one_holiday_is_zero() -> None:
    assert working_days(d(2026, 12, 24), d(2026, 12, 24)) == 0


def test_working_days_is_zero_when_end_is_before_start() -> None:
    assert working_days(d(2025, 1, 17), d(2025, 1, 13)) == 0


def test_working_days_over_christmas_and_new_year_lag_1930_173_2_par() -> None:
    """Lag (1930:173) 2 §: 2026-12-21 to 2027-01-03 holds 6 working days (no eves, no holidays)."""
    assert working_days(d(2026, 12, 21), d(2027, 1, 3)) == 6


def test_working_days_in_2026_lag_1989_253() -> None:
    """Lag (1989:253): 2026 has 261 weekdays and 10 of its holidays and eves fall on weekdays."""
    assert working_days(d(2026, 1, 1), d(2026, 12, 31)) == 251


def test_working_days_does_not_count_a_holiday_on_a_weekend_twice() -> None:
    """Christmas Day 2021 (Saturday) and Second Day of Christmas (Sunday) are weekend days."""
    assert working_days(d(2021, 12, 20), d(2021, 12, 26)) == 4


# -- the Swedish calendar, loaded on its own ------------------------------------------

_FIRST_USE = """
import datetime, json, sys
from handlingsplan import evaluate
from handlingsplan._demo import DEMO_AS_OF, demo_caseload
from handlingsplan.dates import is_working_day

assert not is_working_day(datetime.date(2026, 6, 19))  # midsommarafton
for plan in demo_caseload():
    evaluate(plan, as_of=DEMO_AS_OF)
print(json.dumps(sorted(name for name in sys.modules if name.startswith("holidays.countries"))))
"""


def test_the_first_use_loads_no_other_country_of_the_holidays_package() -> None:
    """``holidays.countries`` imports every country's module; the calendar needs only Sweden's.

    Run in a fresh interpreter, where nothing has imported the holidays package yet.
    """
    result = subprocess.run(
        [sys.executable, "-c", _FIRST_USE],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert "holidays.countries.germany" not in loaded
    assert "holidays.countries" not in loaded
    assert loaded == []


@given(st.integers(min_value=MIN_HOLIDAY_DATE.year, max_value=MAX_DATE.year))
def test_the_calendar_is_the_holidays_packages_swedish_calendar(year: int) -> None:
    """The calendar loaded on its own holds the days ``country_holidays("SE")`` holds."""
    expected = holidays.country_holidays(
        "SE", years=year, categories=(holidays.PUBLIC, holidays.DE_FACTO)
    )
    assert _non_working_holidays(year) == frozenset(expected.keys())


# -- properties ------------------------------------------------------------------------


@given(birth=either_date, age=st.integers(min_value=1, max_value=120), leap_day=leap_days)
def test_age_on_the_birthday_is_the_age_and_one_day_earlier_one_less(
    birth: _dt.date, age: int, leap_day: Any
) -> None:
    day = birthday(birth, age, leap_day=leap_day)
    assert age_on(birth, day, leap_day=leap_day) == age
    assert age_on(birth, day.subtract(days=1), leap_day=leap_day) == age - 1


@given(birth=either_date, age=st.integers(min_value=0, max_value=120), leap_day=leap_days)
def test_birthday_is_in_the_year_of_the_age(birth: _dt.date, age: int, leap_day: Any) -> None:
    day = birthday(birth, age, leap_day=leap_day)
    assert is_pendulum_date(day)
    assert day.year == birth.year + age
    if (birth.month, birth.day) != (2, 29) or calendar.isleap(day.year):
        assert (day.month, day.day) == (birth.month, birth.day)
    elif leap_day == "feb28":
        assert (day.month, day.day) == (2, 28)
    else:
        assert (day.month, day.day) == (3, 1)


@given(birth=either_date, on=either_date, leap_day=leap_days)
def test_age_on_never_decreases_and_counts_whole_years(
    birth: _dt.date, on: _dt.date, leap_day: Any
) -> None:
    if on < birth:
        with pytest.raises(ValueError, match="is before birth_date"):
            age_on(birth, on, leap_day=leap_day)
        return
    age = age_on(birth, on, leap_day=leap_day)
    assert age >= 0
    assert birthday(birth, age, leap_day=leap_day) <= on
    assert birthday(birth, age + 1, leap_day=leap_day) > on


@given(day=either_date, months=st.integers(min_value=-1200, max_value=1200))
def test_adding_and_subtracting_months_returns_to_a_day_up_to_28(
    day: _dt.date, months: int
) -> None:
    if day.day > 28:
        day = day.replace(day=28)
    assert add_months(add_months(day, months), -months) == day


@given(day=either_date, months=st.integers(min_value=-1200, max_value=1200))
def test_add_months_keeps_the_day_or_takes_the_last_day_lag_1930_173_1_par(
    day: _dt.date, months: int
) -> None:
    """Lag (1930:173) 1 §: same day number, or the final month's last day."""
    result = add_months(day, months)
    assert is_pendulum_date(result)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day == min(day.day, calendar.monthrange(result.year, result.month)[1])


@given(day=either_date, years=st.integers(min_value=-100, max_value=100))
def test_add_years_is_twelve_times_as_many_months(day: _dt.date, years: int) -> None:
    assert add_years(day, years) == add_months(day, 12 * years)


@given(day=holiday_era_date)
def test_statutory_deadline_is_the_first_working_day_from_the_day_lag_1930_173_2_par(
    day: _dt.date,
) -> None:
    """Lag (1930:173) 2 §: the deadline is the day itself or the next weekday after it."""
    deadline = statutory_deadline(day)
    assert is_pendulum_date(deadline)
    assert deadline >= day
    assert is_working_day(deadline)
    between = pendulum.Date(day.year, day.month, day.day)
    while between < deadline:
        assert not is_working_day(between)
        between = between.add(days=1)
    assert (deadline - pendulum.Date(day.year, day.month, day.day)).days <= 5


@given(start=either_date, span=st.integers(min_value=-10, max_value=800))
def test_working_days_equals_a_day_by_day_count(start: _dt.date, span: int) -> None:
    end = start + _dt.timedelta(days=span)
    expected = 0
    day = start
    while day <= end:
        if is_working_day(day):
            expected += 1
        day += _dt.timedelta(days=1)
    assert working_days(start, end) == expected


@given(day=either_date)
def test_saturdays_and_sundays_are_never_working_days(day: _dt.date) -> None:
    saturday = day + _dt.timedelta(days=(5 - day.weekday()) % 7)
    assert saturday.weekday() == 5
    assert not is_working_day(saturday)
    assert not is_working_day(saturday + _dt.timedelta(days=1))


@given(
    day=st.dates(min_value=_dt.date(1900, 1, 1), max_value=_dt.date(2100, 12, 31)),
    days=st.integers(min_value=-20000, max_value=20000),
)
def test_add_days_agrees_with_timedelta_and_returns_a_pendulum_date(
    day: _dt.date, days: int
) -> None:
    moved = add_days(day, days)
    assert moved == day + _dt.timedelta(days=days)
    assert type(moved) is pendulum.Date


def test_add_days_refuses_a_datetime_and_a_bool_count() -> None:
    with pytest.raises(TypeError, match="d must be a date"):
        add_days(_dt.datetime(2025, 1, 1, 12, 0, tzinfo=_dt.UTC), 1)
    with pytest.raises(TypeError, match="days must be an int"):
        add_days(_dt.date(2025, 1, 1), True)


# -- the model's dates take a shorter path, checked alike ------------------------------

PENDULUM_DAY = pendulum.Date(2024, 2, 29)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda count: add_months(PENDULUM_DAY, count), "months"),
        (lambda count: add_days(PENDULUM_DAY, count), "days"),
        (lambda count: birthday(PENDULUM_DAY, count), "age"),
    ],
    ids=["add_months", "add_days", "birthday"],
)
@pytest.mark.parametrize("count", [True, 1.0, "1", None])
def test_a_pendulum_date_with_a_count_that_is_not_an_int_is_refused(
    call: Callable[[object], object], name: str, count: object
) -> None:
    with pytest.raises(TypeError, match=rf"^{name} must be an int, not {type(count).__name__}"):
        call(count)


@pytest.mark.parametrize(
    "call",
    [
        lambda: add_months(pendulum.datetime(2025, 1, 13), 1),
        lambda: add_days(pendulum.datetime(2025, 1, 13), 1),
        lambda: birthday(pendulum.datetime(2025, 1, 13), 1),
    ],
    ids=["add_months", "add_days", "birthday"],
)
def test_a_pendulum_datetime_is_refused_where_a_date_belongs(call: Callable[[], object]) -> None:
    with pytest.raises(TypeError, match=r"must be a date, not a datetime"):
        call()


def test_a_pendulum_date_gives_what_a_plain_date_gives() -> None:
    plain = _dt.date(2024, 2, 29)
    for months in (-25, -1, 0, 1, 12, 48):
        assert add_months(PENDULUM_DAY, months) == add_months(plain, months)
    for days in (-366, -1, 0, 1, 365):
        assert add_days(PENDULUM_DAY, days) == add_days(plain, days)
    for age in (0, 1, 4, 18):
        for leap_day in ("feb28", "mar1"):
            assert birthday(PENDULUM_DAY, age, leap_day=leap_day) == birthday(
                plain, age, leap_day=leap_day
            )
    with pytest.raises(ValueError, match=r"^age must not be negative: -1$"):
        birthday(PENDULUM_DAY, -1)
    with pytest.raises(ValueError, match=r"^leap_day must be one of"):
        birthday(PENDULUM_DAY, 18, leap_day="feb29")  # type: ignore[arg-type]
