"""The types of dated parameters: one parameter's history, a collection, a day's values.

:mod:`handlingsplan.parameters` holds the parameters in force in Swedish law and
re-exports these types; a reform builds a new collection from them.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs
import pendulum

from ._frozen import FrozenMapping
from .dates import as_date, birthday
from .errors import ParameterError, UnknownParameterError

__all__ = ["Parameter", "ParameterValues", "Parameters", "Value"]

Value = int | float | str | _dt.date
"""The type of a parameter's value: a number, a word, or a date (such as the day a
programme came into force)."""


def _value(value: Value) -> Value:
    """``value`` with a date as a ``pendulum.Date``; a ``datetime`` is refused."""
    if isinstance(value, _dt.date):
        return as_date(value, "value")
    return value


def _history(
    pairs: Iterable[tuple[_dt.date, Value]],
) -> tuple[tuple[_dt.date, Value], ...]:
    items = tuple((as_date(day, "valid_from"), _value(value)) for day, value in pairs)
    if not items:
        raise ValueError("a parameter needs at least one (valid_from, value) pair")
    days = [day for day, _ in items]
    if len(set(days)) != len(days):
        raise ValueError("a parameter's valid_from dates must be distinct")
    return tuple(sorted(items, key=lambda pair: pair[0]))


def _valid_from(pair: tuple[_dt.date, Value]) -> _dt.date:
    return pair[0]


@attrs.frozen(kw_only=True)
class Parameter:
    """A named history of values, each in force from its ``valid_from`` date.

    >>> from datetime import date
    >>> p = Parameter(name="x", unit="years", reference="SFS 1", description="an age",
    ...               history=[(date(2018, 1, 1), 65), (date(2023, 1, 1), 66)])
    >>> p.value_on(date(2022, 12, 31)), p.value_on(date(2023, 1, 1))
    (65, 66)
    """

    name: str
    history: tuple[tuple[_dt.date, Value], ...] = attrs.field(converter=_history)
    unit: str
    reference: str
    description: str

    @property
    def valid_from(self) -> _dt.date:
        """The first day the parameter has a value."""
        return self.history[0][0]

    @property
    def values(self) -> tuple[Value, ...]:
        """Every value the parameter has had, in date order."""
        return tuple(value for _, value in self.history)

    def value_on(self, day: _dt.date) -> Value:
        """The value in force on ``day``; :class:`ParameterError` before the history."""
        when: _dt.date = as_date(day, "day")
        index = bisect.bisect_right(self.history, when, key=_valid_from) - 1
        if index < 0:
            raise ParameterError(
                f"parameter {self.name!r} has no value on {when.isoformat()}; "
                f"its history starts on {self.valid_from.isoformat()}"
            )
        return self.history[index][1]

    def value_for_event(self, day: _dt.date) -> Value:
        """The value in force on an event's ``day``; the earliest value before the history.

        Used where a clock starts on an event that may precede the parameter's history,
        such as a birth in 1990.
        """
        when: _dt.date = as_date(day, "day")
        index = bisect.bisect_right(self.history, when, key=_valid_from) - 1
        return self.history[max(index, 0)][1]

    def with_value(self, value: Value, *, valid_from: _dt.date) -> Parameter:
        """A new parameter with ``value`` in force from ``valid_from`` (replacing one there)."""
        start = as_date(valid_from, "valid_from")
        kept = [(day, old) for day, old in self.history if day != start]
        return attrs.evolve(self, history=[*kept, (start, value)])


@attrs.frozen(kw_only=True)
class ParameterValues:
    """The values of the parameters in force on one date (``on``).

    The default parameters are attributes; a parameter a user added is reached with
    ``values["name"]`` (or as an attribute).
    """

    on: _dt.date
    programme_min_age: int
    programme_upper_age: int
    programme_months: int
    registration_window_months: int
    parental_benefit_excluded_months: int
    absence_exit_days: int
    family_absence_max_days: int
    family_window_years: int
    full_time_hours: float
    civic_orientation_min_age: int
    civic_orientation_min_hours: float
    civic_orientation_months: int
    civic_orientation_duty_months: int
    sfi_start_months: int
    sfi_min_hours_per_week: float
    sfi_target_months: int
    sfi_right_years: int
    study_plan_months: int
    work_training_months: int
    enhanced_work_training_months: int
    shortage_occupation_training_months: int
    age_of_majority: int
    transition_plan_notice_months: int
    upper_secondary_start_age: int
    follow_up_days: int
    outcome_target: float
    leap_day: str
    programme_in_force_from: _dt.date
    extra: FrozenMapping[Value] = attrs.field(
        factory=FrozenMapping, converter=FrozenMapping, repr=False
    )

    def __getitem__(self, name: str) -> Value:
        if name in _DEFAULT_NAMES:
            value: Value = getattr(self, name)
            return value
        try:
            return self.extra[name]
        except KeyError:
            raise UnknownParameterError(f"no parameter named {name!r}") from None

    def __getattr__(self, name: str) -> Any:
        # Only called for names that are not fields: parameters a user added.
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return object.__getattribute__(self, "extra")[name]
        except KeyError:
            raise AttributeError(f"no parameter named {name!r}") from None

    def as_dict(self) -> dict[str, Value]:
        """Every value by parameter name."""
        values: dict[str, Value] = {name: getattr(self, name) for name in _DEFAULT_NAMES}
        values.update(self.extra)
        return values


_CACHED_DAYS = 4096
"""How many days' records a collection keeps at most."""

_CACHED_VALUES = 16384
"""How many (name, day) values a collection keeps at most."""

_DAY_TYPES = frozenset({pendulum.Date, _dt.date})  # whose values are remembered

_DEFAULT_NAMES = tuple(
    field.name for field in attrs.fields(ParameterValues) if field.name not in ("on", "extra")
)


class Parameters(Mapping[str, Parameter]):
    """An immutable collection of parameters, by name.

    ``on(day)`` gives the values in force on ``day``; ``with_value`` and
    ``with_parameter`` return new collections.
    """

    __slots__ = ("_by_name", "_on", "_upper_ages", "_values")
    _by_name: FrozenMapping[Parameter]
    _on: Callable[[_dt.date], ParameterValues]
    _upper_ages: Callable[[_dt.date], int]
    _values: Callable[[str, _dt.date], Value]

    def __init__(self, parameters: Iterable[Parameter]) -> None:
        by_name: dict[str, Parameter] = {}
        for parameter in parameters:
            if parameter.name in by_name:
                raise ValueError(f"parameter {parameter.name!r} is given twice")
            by_name[parameter.name] = parameter
        missing = [name for name in _DEFAULT_NAMES if name not in by_name]
        if missing:
            raise UnknownParameterError(f"missing parameters: {', '.join(missing)}")
        object.__setattr__(self, "_by_name", FrozenMapping(by_name))
        # Memos of what was already worked out, by day: the collection never changes, so
        # neither do its records. They are bounded, and hold no container a caller sees.
        memo = functools.lru_cache(maxsize=_CACHED_DAYS)
        object.__setattr__(self, "_on", memo(self._record_on))
        object.__setattr__(self, "_upper_ages", memo(self._upper_age_for))
        values = functools.lru_cache(maxsize=_CACHED_VALUES)(self._value_for_event)
        object.__setattr__(self, "_values", values)

    def __getitem__(self, name: str) -> Parameter:
        try:
            return self._by_name[name]
        except KeyError:
            raise UnknownParameterError(f"no parameter named {name!r}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def get(self, name: str, default: Any = None) -> Any:
        """The parameter named ``name``, or ``default`` when there is none."""
        return self._by_name.get(name, default)

    def __len__(self) -> int:
        return len(self._by_name)

    def __repr__(self) -> str:
        return f"Parameters({len(self)} parameters)"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Parameters is immutable; use with_value or with_parameter")

    def __reduce__(self) -> tuple[type[Parameters], tuple[tuple[Parameter, ...]]]:
        return (type(self), (tuple(self._by_name.values()),))

    def on(self, day: _dt.date) -> ParameterValues:
        """The values in force on ``day``; :class:`ParameterError` before any history."""
        return self._on(as_date(day, "day"))

    def _record_on(self, when: _dt.date) -> ParameterValues:
        values = {name: parameter.value_on(when) for name, parameter in self._by_name.items()}
        extra = {name: value for name, value in values.items() if name not in _DEFAULT_NAMES}
        fields = {name: values[name] for name in _DEFAULT_NAMES}
        return ParameterValues(on=when, extra=extra, **fields)  # type: ignore[arg-type]

    def value(self, name: str, day: _dt.date) -> Value:
        """The value of ``name`` in force on an event's ``day`` (earliest before history)."""
        if type(day) in _DAY_TYPES:
            return self._values(name, day)
        return self._value_for_event(name, day)  # a datetime, or no date: refused there

    def _value_for_event(self, name: str, day: _dt.date) -> Value:
        return self[name].value_for_event(day)

    def int_value(self, name: str, day: _dt.date) -> int:
        """Like :meth:`value`, for a parameter whose values are whole numbers."""
        value = self._values(name, day) if type(day) in _DAY_TYPES else self.value(name, day)
        if not isinstance(value, int):
            raise TypeError(f"parameter {name!r} is not a whole number on {day}: {value!r}")
        return value

    def number_value(self, name: str, day: _dt.date) -> int | float:
        """Like :meth:`value`, for a parameter whose values are numbers."""
        value = self.value(name, day)
        if not isinstance(value, int | float):
            raise TypeError(f"parameter {name!r} is not a number on {day}: {value!r}")
        return value

    def date_value(self, name: str, day: _dt.date) -> _dt.date:
        """Like :meth:`value`, for a parameter whose values are dates.

        >>> from datetime import date
        >>> from handlingsplan import DEFAULT_PARAMETERS
        >>> DEFAULT_PARAMETERS.date_value("programme_in_force_from", date(2017, 6, 1))
        Date(2018, 1, 1)
        """
        value = self.value(name, day)
        if not isinstance(value, _dt.date):
            raise TypeError(f"parameter {name!r} is not a date on {day}: {value!r}")
        return value

    def with_value(self, name: str, value: Value, *, valid_from: _dt.date) -> Parameters:
        """A new collection where ``name`` has ``value`` from ``valid_from`` (a reform)."""
        changed = self[name].with_value(value, valid_from=valid_from)
        return Parameters(changed if p.name == name else p for p in self._by_name.values())

    def with_parameter(self, parameter: Parameter) -> Parameters:
        """A new collection with ``parameter`` added or replaced."""
        kept = [p for p in self._by_name.values() if p.name != parameter.name]
        return Parameters([*kept, parameter])

    def upper_age_for(self, birth_date: _dt.date) -> int:
        """The programme's upper age that applies to someone born on ``birth_date``.

        The limit that applies is the one in force on the day the person would reach it
        (transitional provisions of SFS 2022:895 and SFS 2022:896): someone who turned
        65 in 2022 stays outside when the limit rises to 66 in 2023.

        >>> from datetime import date
        >>> from handlingsplan import DEFAULT_PARAMETERS
        >>> DEFAULT_PARAMETERS.upper_age_for(date(1957, 6, 1))
        65
        >>> DEFAULT_PARAMETERS.upper_age_for(date(1958, 3, 1))
        66
        >>> DEFAULT_PARAMETERS.upper_age_for(date(1960, 3, 1))
        67
        """
        return self._upper_ages(as_date(birth_date, "birth_date"))

    def _upper_age_for(self, born: _dt.date) -> int:
        parameter = self["programme_upper_age"]
        leap_day = self.value("leap_day", born)
        ages = sorted({_number(parameter.name, value) for value in parameter.values})
        found = ages[-1]
        for age in range(ages[0], ages[-1]):
            reached = birthday(born, age, leap_day="mar1" if leap_day == "mar1" else "feb28")
            if _number(parameter.name, parameter.value_for_event(reached)) <= age:
                found = age
                break
        return found


def _number(name: str, value: Value) -> int:
    """A whole-number age from a parameter's value; a date is refused."""
    if isinstance(value, _dt.date):
        raise TypeError(f"parameter {name!r} holds a date, not an age: {value.isoformat()}")
    return int(value)
