"""Tests for :mod:`handlingsplan.parameters`: dated values, reforms, the upper age."""

from __future__ import annotations

import datetime as _dt
import pickle

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlingsplan._frozen import FrozenMapping
from handlingsplan.dates import birthday
from handlingsplan.errors import HandlingsplanError, ParameterError, UnknownParameterError
from handlingsplan.parameters import (
    DEFAULT_PARAMETERS,
    Parameter,
    Parameters,
    ParameterValues,
    Value,
)


def d(year: int, month: int, day: int) -> _dt.date:
    return _dt.date(year, month, day)


def a_parameter(
    name: str = "bonus_days",
    history: list[tuple[_dt.date, Value]] | None = None,
) -> Parameter:
    return Parameter(
        name=name,
        history=history if history is not None else [(d(2020, 1, 1), 5), (d(2024, 7, 1), 7)],
        unit="days",
        reference="SFS 2099:1 1 §",
        description="A parameter a user adds.",
    )


EXPECTED_DEFAULTS_2026: dict[str, Value] = {
    "programme_min_age": 20,
    "programme_upper_age": 67,
    "programme_months": 24,
    "registration_window_months": 36,
    "parental_benefit_excluded_months": 24,
    "absence_exit_days": 30,
    "family_absence_max_days": 20,
    "family_window_years": 6,
    "full_time_hours": 40,
    "civic_orientation_min_age": 18,
    "civic_orientation_min_hours": 100,
    "civic_orientation_months": 12,
    "civic_orientation_duty_months": 36,
    "sfi_start_months": 3,
    "sfi_min_hours_per_week": 15,
    "sfi_target_months": 1,
    "sfi_right_years": 3,
    "study_plan_months": 2,
    "work_training_months": 6,
    "enhanced_work_training_months": 12,
    "shortage_occupation_training_months": 24,
    "age_of_majority": 18,
    "transition_plan_notice_months": 6,
    "upper_secondary_start_age": 20,
    "follow_up_days": 90,
    "outcome_target": 0.55,
    "leap_day": "feb28",
    "programme_in_force_from": _dt.date(2018, 1, 1),
}

# -- the defaults ------------------------------------------------------------------


def test_default_values_in_2026_are_those_of_the_issue() -> None:
    assert DEFAULT_PARAMETERS.on(d(2026, 6, 1)).as_dict() == EXPECTED_DEFAULTS_2026


def test_default_collection_holds_exactly_the_documented_parameters() -> None:
    assert set(DEFAULT_PARAMETERS) == set(EXPECTED_DEFAULTS_2026)
    assert len(DEFAULT_PARAMETERS) == len(EXPECTED_DEFAULTS_2026)


def test_every_default_parameter_has_a_value_on_2018_01_01() -> None:
    values = DEFAULT_PARAMETERS.on(d(2018, 1, 1))
    for name, parameter in DEFAULT_PARAMETERS.items():
        assert parameter.valid_from <= d(2018, 1, 1), name
        assert values[name] == parameter.value_on(d(2018, 1, 1))


def test_civic_orientation_parameters_have_values_from_2010_12_01() -> None:
    civic = [name for name in DEFAULT_PARAMETERS if name.startswith("civic_orientation_")]
    assert len(civic) == 4
    for name in civic:
        assert DEFAULT_PARAMETERS[name].valid_from <= d(2010, 12, 1), name


def test_every_default_parameter_names_unit_reference_and_description() -> None:
    for name, parameter in DEFAULT_PARAMETERS.items():
        assert parameter.name == name
        assert parameter.unit
        assert parameter.reference
        assert parameter.description


@pytest.mark.parametrize(
    ("name", "last_day_before", "old", "switch_day", "new"),
    [
        # Lag (2017:584) 2 §, SFS 2022:895 and SFS 2022:896.
        ("programme_upper_age", d(2022, 12, 31), 65, d(2023, 1, 1), 66),
        ("programme_upper_age", d(2025, 12, 31), 66, d(2026, 1, 1), 67),
        # Förordning (2017:820) 15 a § as amended by SFS 2025:311.
        ("parental_benefit_excluded_months", d(2025, 12, 31), 0, d(2026, 1, 1), 24),
        # Förordning (2010:1138) 5 §.
        ("civic_orientation_min_hours", d(2020, 1, 31), 60, d(2020, 2, 1), 100),
    ],
)
def test_a_parameter_switches_value_exactly_on_its_valid_from_date(
    name: str, last_day_before: _dt.date, old: Value, switch_day: _dt.date, new: Value
) -> None:
    assert DEFAULT_PARAMETERS.on(last_day_before)[name] == old
    assert DEFAULT_PARAMETERS.on(switch_day)[name] == new
    assert DEFAULT_PARAMETERS[name].value_on(last_day_before) == old
    assert DEFAULT_PARAMETERS[name].value_on(switch_day) == new


def test_upper_age_is_65_in_2018_and_66_in_2025() -> None:
    assert DEFAULT_PARAMETERS.on(d(2018, 1, 1)).programme_upper_age == 65
    assert DEFAULT_PARAMETERS.on(d(2025, 6, 1)).programme_upper_age == 66


def test_civic_orientation_min_hours_was_60_from_2010_12_01() -> None:
    parameter = DEFAULT_PARAMETERS["civic_orientation_min_hours"]
    assert parameter.value_on(d(2010, 12, 1)) == 60
    assert parameter.values == (60, 100)
    assert parameter.valid_from == d(2010, 12, 1)


# -- dates outside the history -----------------------------------------------------


def test_values_before_the_programme_history_raise_parameter_error() -> None:
    with pytest.raises(ParameterError, match="programme_min_age") as caught:
        DEFAULT_PARAMETERS.on(d(2017, 12, 31))
    assert isinstance(caught.value, HandlingsplanError)
    assert isinstance(caught.value, LookupError)
    assert "2018-01-01" in str(caught.value)


def test_a_single_parameter_before_its_history_raises_a_lookup_error() -> None:
    with pytest.raises(LookupError):
        DEFAULT_PARAMETERS["civic_orientation_min_hours"].value_on(d(2010, 11, 30))


def test_an_event_before_the_history_takes_the_earliest_value() -> None:
    # A birth in 1990 starts clocks long before any parameter's history.
    assert DEFAULT_PARAMETERS.value("programme_upper_age", d(1990, 5, 17)) == 65
    assert DEFAULT_PARAMETERS.value("civic_orientation_min_hours", d(1990, 5, 17)) == 60
    assert DEFAULT_PARAMETERS.value("age_of_majority", d(1990, 5, 17)) == 18


def test_an_event_inside_the_history_takes_the_value_in_force() -> None:
    assert DEFAULT_PARAMETERS.value("programme_upper_age", d(2023, 1, 1)) == 66
    assert DEFAULT_PARAMETERS.value("programme_upper_age", d(2022, 12, 31)) == 65
    assert DEFAULT_PARAMETERS["programme_upper_age"].value_for_event(d(2030, 1, 1)) == 67


def test_int_value_gives_whole_numbers() -> None:
    assert DEFAULT_PARAMETERS.int_value("programme_months", d(1999, 1, 1)) == 24


def test_int_value_refuses_a_parameter_that_is_not_a_whole_number() -> None:
    with pytest.raises(TypeError, match="leap_day"):
        DEFAULT_PARAMETERS.int_value("leap_day", d(2025, 1, 1))
    with pytest.raises(TypeError, match="outcome_target"):
        DEFAULT_PARAMETERS.int_value("outcome_target", d(2025, 1, 1))


def test_the_programme_exists_from_2018_01_01_whatever_day_is_asked() -> None:
    """Lag (2017:584), in force 2018-01-01: before it, Lag (2010:197) applied."""
    for day in (d(2017, 6, 1), d(2018, 1, 1), d(2030, 1, 1)):
        found = DEFAULT_PARAMETERS.date_value("programme_in_force_from", day)
        assert found == d(2018, 1, 1)
        assert type(found) is pendulum.Date
    assert DEFAULT_PARAMETERS.on(d(2018, 1, 1)).programme_in_force_from == d(2018, 1, 1)


def test_date_value_refuses_a_parameter_that_is_not_a_date() -> None:
    with pytest.raises(TypeError, match="'programme_months' is not a date"):
        DEFAULT_PARAMETERS.date_value("programme_months", d(2025, 1, 1))


def test_number_value_gives_whole_and_fractional_numbers_and_refuses_the_rest() -> None:
    assert DEFAULT_PARAMETERS.number_value("outcome_target", d(2025, 1, 1)) == 0.55
    assert DEFAULT_PARAMETERS.number_value("programme_months", d(2025, 1, 1)) == 24
    for name in ("leap_day", "programme_in_force_from"):
        with pytest.raises(TypeError, match=f"'{name}' is not a number"):
            DEFAULT_PARAMETERS.number_value(name, d(2025, 1, 1))


def test_a_date_value_is_held_as_a_plain_date_and_a_datetime_is_refused() -> None:
    moved = DEFAULT_PARAMETERS.with_value(
        "programme_in_force_from", d(2019, 1, 1), valid_from=d(2019, 1, 1)
    )
    assert moved.date_value("programme_in_force_from", d(2019, 1, 1)) == d(2019, 1, 1)
    with pytest.raises(TypeError, match="value must be a date, not a datetime"):
        DEFAULT_PARAMETERS.with_value(
            "programme_in_force_from",
            pendulum.datetime(2019, 1, 1),
            valid_from=d(2019, 1, 1),
        )


def test_an_upper_age_that_is_a_date_is_refused() -> None:
    broken = DEFAULT_PARAMETERS.with_value(
        "programme_upper_age", d(2030, 1, 1), valid_from=d(2030, 1, 1)
    )
    with pytest.raises(TypeError, match="holds a date, not an age: 2030-01-01"):
        broken.upper_age_for(d(1990, 1, 1))


def test_on_refuses_a_datetime() -> None:
    with pytest.raises(TypeError, match="day"):
        DEFAULT_PARAMETERS.on(_dt.datetime(2025, 1, 1, 12, 0))  # noqa: DTZ001


def test_on_records_the_day_it_was_asked_for() -> None:
    assert DEFAULT_PARAMETERS.on(d(2025, 6, 1)).on == d(2025, 6, 1)


# -- reforms -----------------------------------------------------------------------


def test_a_reform_is_a_new_collection_and_leaves_the_defaults_untouched() -> None:
    reform = DEFAULT_PARAMETERS.with_value("programme_months", 36, valid_from=d(2027, 1, 1))
    assert reform is not DEFAULT_PARAMETERS
    assert reform.on(d(2026, 12, 31)).programme_months == 24
    assert reform.on(d(2027, 1, 1)).programme_months == 36
    assert DEFAULT_PARAMETERS.on(d(2027, 1, 1)).programme_months == 24
    assert DEFAULT_PARAMETERS["programme_months"].values == (24,)


def test_a_reform_on_an_existing_date_replaces_that_value() -> None:
    reform = DEFAULT_PARAMETERS.with_value("programme_upper_age", 68, valid_from=d(2026, 1, 1))
    assert reform["programme_upper_age"].history == (
        (d(2018, 1, 1), 65),
        (d(2023, 1, 1), 66),
        (d(2026, 1, 1), 68),
    )
    assert DEFAULT_PARAMETERS.on(d(2026, 1, 1)).programme_upper_age == 67


def test_a_reform_before_the_history_extends_it_backwards() -> None:
    reform = DEFAULT_PARAMETERS.with_value("programme_min_age", 18, valid_from=d(2010, 12, 1))
    assert reform["programme_min_age"].value_on(d(2015, 1, 1)) == 18
    assert reform["programme_min_age"].value_on(d(2018, 1, 1)) == 20


def test_a_reform_of_an_unknown_parameter_is_refused() -> None:
    with pytest.raises(UnknownParameterError, match="no_such_thing") as caught:
        DEFAULT_PARAMETERS.with_value("no_such_thing", 1, valid_from=d(2027, 1, 1))
    assert isinstance(caught.value, HandlingsplanError)
    assert isinstance(caught.value, ValueError)


def test_a_user_parameter_is_reachable_by_key_and_by_attribute() -> None:
    extended = DEFAULT_PARAMETERS.with_parameter(a_parameter())
    values = extended.on(d(2025, 1, 1))
    assert values["bonus_days"] == 7
    assert values.bonus_days == 7
    assert values.as_dict()["bonus_days"] == 7
    assert extended.on(d(2024, 6, 30))["bonus_days"] == 5
    assert "bonus_days" not in list(DEFAULT_PARAMETERS)
    assert "bonus_days" in list(extended)


def test_membership_of_an_unknown_name_is_false_and_get_gives_none() -> None:
    assert "bonus_days" not in DEFAULT_PARAMETERS
    assert DEFAULT_PARAMETERS.get("bonus_days") is None


def test_membership_of_a_known_name_is_true() -> None:
    assert "programme_months" in DEFAULT_PARAMETERS
    assert DEFAULT_PARAMETERS.get("programme_months") is DEFAULT_PARAMETERS["programme_months"]


def test_with_parameter_replaces_a_parameter_of_the_same_name() -> None:
    shorter = a_parameter("programme_months", [(d(2018, 1, 1), 12)])
    changed = DEFAULT_PARAMETERS.with_parameter(shorter)
    assert changed.on(d(2025, 1, 1)).programme_months == 12
    assert len(changed) == len(DEFAULT_PARAMETERS)


def test_a_default_parameter_is_reachable_by_key() -> None:
    assert DEFAULT_PARAMETERS.on(d(2025, 1, 1))["programme_months"] == 24


def test_an_unknown_name_raises_unknown_parameter_error() -> None:
    values = DEFAULT_PARAMETERS.on(d(2025, 1, 1))
    with pytest.raises(UnknownParameterError, match="nope"):
        values["nope"]
    with pytest.raises(UnknownParameterError, match="nope"):
        DEFAULT_PARAMETERS["nope"]
    with pytest.raises(UnknownParameterError, match="nope"):
        DEFAULT_PARAMETERS.value("nope", d(2025, 1, 1))


def test_an_unknown_attribute_raises_attribute_error() -> None:
    values = DEFAULT_PARAMETERS.on(d(2025, 1, 1))
    assert not hasattr(values, "nope")
    with pytest.raises(AttributeError, match="nope"):
        _ = values.nope
    with pytest.raises(AttributeError):
        _ = values.__no_such_dunder__


def test_a_collection_missing_a_default_parameter_is_refused() -> None:
    with pytest.raises(UnknownParameterError, match="missing parameters"):
        Parameters([a_parameter()])


def test_a_collection_with_a_name_twice_is_refused() -> None:
    parameters = [*DEFAULT_PARAMETERS.values(), a_parameter(), a_parameter()]
    with pytest.raises(ValueError, match="bonus_days"):
        Parameters(parameters)


# -- the Parameter value -----------------------------------------------------------


def test_a_parameter_needs_at_least_one_value() -> None:
    with pytest.raises(ValueError, match="at least one"):
        a_parameter(history=[])


def test_a_parameter_refuses_two_values_on_the_same_date() -> None:
    with pytest.raises(ValueError, match="distinct"):
        a_parameter(history=[(d(2020, 1, 1), 1), (d(2020, 1, 1), 2)])


def test_a_parameter_refuses_a_datetime_as_valid_from() -> None:
    with pytest.raises(TypeError, match="valid_from"):
        a_parameter(history=[(_dt.datetime(2020, 1, 1, 0, 0), 1)])  # noqa: DTZ001


def test_a_parameter_sorts_its_history_by_date() -> None:
    parameter = a_parameter(history=[(d(2024, 7, 1), 7), (d(2020, 1, 1), 5)])
    assert parameter.history == ((d(2020, 1, 1), 5), (d(2024, 7, 1), 7))
    assert parameter.valid_from == d(2020, 1, 1)
    assert parameter.values == (5, 7)


def test_parameter_with_value_adds_a_dated_value() -> None:
    parameter = a_parameter().with_value(9, valid_from=d(2026, 1, 1))
    assert parameter.values == (5, 7, 9)
    assert parameter.value_on(d(2025, 12, 31)) == 7
    assert parameter.value_on(d(2026, 1, 1)) == 9
    assert a_parameter().values == (5, 7)


# -- immutability and pickling -----------------------------------------------------


def test_parameters_is_immutable() -> None:
    with pytest.raises(AttributeError, match="immutable"):
        DEFAULT_PARAMETERS._by_name = FrozenMapping()
    with pytest.raises(AttributeError):
        DEFAULT_PARAMETERS.extra = 1
    with pytest.raises(TypeError):
        DEFAULT_PARAMETERS["programme_months"] = a_parameter()  # type: ignore[index]


def test_parameter_and_values_are_frozen() -> None:
    values = DEFAULT_PARAMETERS.on(d(2025, 1, 1))
    with pytest.raises(AttributeError):
        values.programme_months = 36  # type: ignore[misc]
    with pytest.raises(AttributeError):
        a_parameter().name = "other"  # type: ignore[misc]


def test_the_user_parameters_of_a_record_cannot_be_changed() -> None:
    values = DEFAULT_PARAMETERS.with_parameter(a_parameter()).on(d(2025, 1, 1))
    with pytest.raises(TypeError):
        values.extra["bonus_days"] = 99  # type: ignore[index]
    assert values.bonus_days == 7


def test_a_record_of_values_is_hashable() -> None:
    first = DEFAULT_PARAMETERS.on(d(2025, 1, 1))
    assert hash(first) == hash(DEFAULT_PARAMETERS.on(d(2025, 1, 1)))


def test_parameters_pickle_round_trip() -> None:
    extended = DEFAULT_PARAMETERS.with_parameter(a_parameter())
    copy = pickle.loads(pickle.dumps(extended))
    assert isinstance(copy, Parameters)
    assert dict(copy) == dict(extended)
    assert copy.on(d(2025, 1, 1)) == extended.on(d(2025, 1, 1))


def test_parameter_values_pickle_round_trip_with_user_parameters() -> None:
    values = DEFAULT_PARAMETERS.with_parameter(a_parameter()).on(d(2025, 1, 1))
    copy = pickle.loads(pickle.dumps(values))
    assert isinstance(copy, ParameterValues)
    assert copy == values
    assert copy.bonus_days == 7


def test_parameters_repr_counts_the_parameters() -> None:
    assert repr(DEFAULT_PARAMETERS) == f"Parameters({len(EXPECTED_DEFAULTS_2026)} parameters)"


# -- the upper age (SFS 2022:895, SFS 2022:896, transitional provisions) -----------


@pytest.mark.parametrize(
    ("born", "upper_age"),
    [
        # Turned 65 on 2022-06-01, when the limit was 65: out, and stays out in 2023.
        (d(1957, 6, 1), 65),
        # The last day the old limit applies: turned 65 on 2022-12-31.
        (d(1957, 12, 31), 65),
        # Turned 65 on 2023-01-01 when the limit had become 66.
        (d(1958, 1, 1), 66),
        # Turned 65 on 2023-03-01 (limit 66), turned 66 on 2024-03-01 (limit 66).
        (d(1958, 3, 1), 66),
        # Turned 66 on 2025-12-31, the last day of the limit 66.
        (d(1959, 12, 31), 66),
        # Turned 66 on 2026-01-01, when the limit had become 67.
        (d(1960, 1, 1), 67),
        # Turned 66 on 2026-03-01 (limit 67): the riktålder 67 applies.
        (d(1960, 3, 1), 67),
        (d(1990, 5, 17), 67),
    ],
)
def test_the_upper_age_is_the_limit_in_force_when_the_person_would_reach_it(
    born: _dt.date, upper_age: int
) -> None:
    assert DEFAULT_PARAMETERS.upper_age_for(born) == upper_age


def test_the_upper_age_follows_a_reform_of_the_riktalder() -> None:
    reform = DEFAULT_PARAMETERS.with_value("programme_upper_age", 68, valid_from=d(2030, 1, 1))
    # Turns 67 on 2029-06-01 (limit 67): out at 67.
    assert reform.upper_age_for(d(1962, 6, 1)) == 67
    # Turns 67 on 2030-06-01 (limit 68), 68 on 2031-06-01: out at 68.
    assert reform.upper_age_for(d(1963, 6, 1)) == 68
    assert DEFAULT_PARAMETERS.upper_age_for(d(1963, 6, 1)) == 67


def test_the_upper_age_of_a_leap_day_birth_uses_the_leap_day_parameter() -> None:
    # Born on 1960-02-29, the 66th birthday falls in 2026, a common year. A (hypothetical)
    # limit of 66 from 2026-03-01 tells the two readings of Lag (1930:173) 1 § apart.
    reform = DEFAULT_PARAMETERS.with_value("programme_upper_age", 66, valid_from=d(2026, 3, 1))
    assert reform.upper_age_for(d(1960, 2, 29)) == 67  # reaches 66 on 2026-02-28, limit 67
    mar1 = reform.with_value("leap_day", "mar1", valid_from=d(1950, 1, 1))
    assert mar1.upper_age_for(d(1960, 2, 29)) == 66  # reaches 66 on 2026-03-01, limit 66


def test_the_upper_age_refuses_a_datetime() -> None:
    with pytest.raises(TypeError, match="birth_date"):
        DEFAULT_PARAMETERS.upper_age_for(_dt.datetime(1990, 1, 1, 0, 0))  # noqa: DTZ001


@given(st.dates(min_value=d(1940, 1, 1), max_value=d(2010, 12, 31)))
def test_the_upper_age_is_the_first_age_not_below_the_limit_on_reaching_it(
    born: _dt.date,
) -> None:
    upper = DEFAULT_PARAMETERS.upper_age_for(born)
    assert 65 <= upper <= 67
    limit = DEFAULT_PARAMETERS.int_value
    assert limit("programme_upper_age", birthday(born, upper)) <= upper
    if upper > 65:
        assert limit("programme_upper_age", birthday(born, upper - 1)) > upper - 1


@given(st.dates(min_value=d(2018, 1, 1), max_value=d(2040, 12, 31)))
def test_on_agrees_with_each_parameter_value_on(day: _dt.date) -> None:
    values = DEFAULT_PARAMETERS.on(day)
    for name, parameter in DEFAULT_PARAMETERS.items():
        assert values[name] == parameter.value_on(day)


def test_records_and_upper_ages_stay_right_past_the_cache_limit() -> None:
    """The per-day memo is bounded; days past the bound are computed afresh, and equal."""
    from handlingsplan._parameter_types import _CACHED_DAYS

    collection = DEFAULT_PARAMETERS.with_value("programme_months", 30, valid_from=d(2030, 1, 1))
    days = [d(2018, 1, 1) + _dt.timedelta(days=n) for n in range(_CACHED_DAYS + 2)]
    records = [collection.on(day) for day in days]
    assert collection.on(days[-1]) == records[-1]
    assert records[-1].on == days[-1]
    births = [d(1950, 1, 1) + _dt.timedelta(days=n) for n in range(_CACHED_DAYS + 2)]
    ages = [collection.upper_age_for(born) for born in births]
    assert collection.upper_age_for(births[-1]) == ages[-1] == 67
    assert ages[0] == 65  # born 1950: reached 65 in 2015, under the first limit
