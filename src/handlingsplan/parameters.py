"""Dated parameters: the numbers that law changes over time.

Each :class:`Parameter` is a named history of ``(valid_from, value)`` pairs with a
unit, a legal reference and a description. :class:`Parameters` is an immutable
collection of them; :meth:`Parameters.on` gives a frozen :class:`ParameterValues`
record of the values in force on a date. A reform is a new collection, and nothing
global changes:

>>> from datetime import date
>>> DEFAULT_PARAMETERS.on(date(2025, 6, 1)).programme_upper_age
66
>>> reform = DEFAULT_PARAMETERS.with_value("programme_months", 36, valid_from=date(2027, 1, 1))
>>> reform.on(date(2027, 1, 1)).programme_months
36
>>> DEFAULT_PARAMETERS.on(date(2027, 1, 1)).programme_months
24
"""

from __future__ import annotations

import datetime as _dt

from ._parameter_types import Parameter, Parameters, ParameterValues
from ._parameter_types import Value as _Value

__all__ = [
    "DEFAULT_PARAMETERS",
    "Parameter",
    "ParameterValues",
    "Parameters",
    "Value",
]

Value = _Value
"""The type of a parameter's value: a number, a word, or a date (such as the day a
programme came into force)."""


def _p(
    name: str,
    history: list[tuple[_dt.date, Value]],
    unit: str,
    reference: str,
    description: str,
) -> Parameter:
    return Parameter(
        name=name, history=history, unit=unit, reference=reference, description=description
    )


_D = _dt.date
_PROGRAMME_START = _D(2018, 1, 1)
_CIVIC_START = _D(2010, 12, 1)
_SCHOOL_ACT = _D(2011, 7, 1)

DEFAULT_PARAMETERS = Parameters(
    [
        _p(
            "programme_min_age",
            [(_PROGRAMME_START, 20)],
            "years",
            "Lag (2017:584) 2 §",
            "The establishment programme is for those who have turned 20.",
        ),
        _p(
            "programme_upper_age",
            [(_PROGRAMME_START, 65), (_D(2023, 1, 1), 66), (_D(2026, 1, 1), 67)],
            "years",
            "Lag (2017:584) 2 §; SFS 2022:895; SFS 2022:896 (riktålder för pension 2026)",
            "Participants must not have reached this age; from 2026 the riktålder för "
            "pension, fixed year by year.",
        ),
        _p(
            "programme_months",
            [(_PROGRAMME_START, 24)],
            "months",
            "Förordning (2017:820) 15 §",
            "Activities may amount to this many months of full-time participation.",
        ),
        _p(
            "registration_window_months",
            [(_PROGRAMME_START, 36)],
            "months",
            "Förordning (2017:820) 15 a §; Lag (2017:584) 2 §",
            "No participation past this many months from the first population "
            "registration in a municipality.",
        ),
        _p(
            "parental_benefit_excluded_months",
            [(_PROGRAMME_START, 0), (_D(2026, 1, 1), 24)],
            "months",
            "Förordning (2017:820) 15 a § (SFS 2025:311)",
            "Full-time parental benefit not counted in the registration window, at most "
            "this many months (for those registered from 2026).",
        ),
        _p(
            "absence_exit_days",
            [(_PROGRAMME_START, 30)],
            "days",
            "Förordning (2017:820) 17–18 §§, 20 §",
            "A full-time sick leave or parental benefit lasting more than this many "
            "consecutive days leads to the referral being withdrawn from the next day on.",
        ),
        _p(
            "family_absence_max_days",
            [(_PROGRAMME_START, 20)],
            "days",
            "Förordning (2017:820) 16 §",
            "Absence for special family reasons may total at most this many days.",
        ),
        _p(
            "family_window_years",
            [(_PROGRAMME_START, 6)],
            "years",
            "Lag (2017:584) 2 §",
            "A family member must apply within this many years of the anchor person's "
            "first reception in a municipality.",
        ),
        _p(
            "full_time_hours",
            [(_PROGRAMME_START, 40)],
            "hours per week",
            "Förordning (2017:820) 7 §",
            "Full-time participation, taken as 40 hours a week.",
        ),
        _p(
            "civic_orientation_min_age",
            [(_CIVIC_START, 18)],
            "years",
            "Lag (2013:156) 2 §",
            "Civic orientation is offered from this age.",
        ),
        _p(
            "civic_orientation_min_hours",
            [(_CIVIC_START, 60), (_D(2020, 2, 1), 100)],
            "hours",
            "Förordning (2010:1138) 5 §",
            "A civic orientation course has at least this many hours.",
        ),
        _p(
            "civic_orientation_months",
            [(_CIVIC_START, 12)],
            "months",
            "Förordning (2010:1138) 4 §",
            "Civic orientation is normally completed within this many months of starting.",
        ),
        _p(
            "civic_orientation_duty_months",
            [(_CIVIC_START, 36)],
            "months",
            "Lag (2013:156) 4 §",
            "The municipality's duty to offer civic orientation lasts this many months "
            "from the first population registration.",
        ),
        _p(
            "sfi_start_months",
            [(_SCHOOL_ACT, 3)],
            "months",
            "Skollagen (2010:800) 20 kap. 29 §",
            "SFI must be possible to start within this many months.",
        ),
        _p(
            "sfi_min_hours_per_week",
            [(_SCHOOL_ACT, 15)],
            "hours per week",
            "Skollagen (2010:800) 20 kap. 24 §",
            "SFI offers at least this many hours a week, averaged over four weeks.",
        ),
        _p(
            "sfi_target_months",
            [(_SCHOOL_ACT, 1)],
            "months",
            "Skollagen (2010:800) 20 kap. 29 §",
            "For establishment participants the municipality works to start SFI within "
            "this many months of the plan.",
        ),
        _p(
            "sfi_right_years",
            [(_SCHOOL_ACT, 0), (_D(2026, 1, 1), 3)],
            "years",
            "Skollagen (2010:800) 20 kap. 31 a § (from 2026-01-01)",
            "The right to SFI lasts this many years from the first admission, extendable "
            "by at most six months at a time; 0 means no limit.",
        ),
        _p(
            "study_plan_months",
            [(_SCHOOL_ACT, 2)],
            "months",
            "Skollagen (2010:800) 17 kap. 14 a §",
            "A study plan for language introduction is drawn up within this many months "
            "of the start.",
        ),
        _p(
            "work_training_months",
            [(_PROGRAMME_START, 6)],
            "months",
            "Förordning (2017:820) 13 a §",
            "Work training (arbetsträning) lasts at most this many months.",
        ),
        _p(
            "enhanced_work_training_months",
            [(_PROGRAMME_START, 12)],
            "months",
            "Förordning (2017:820) 13 b §",
            "Enhanced work training (förstärkt arbetsträning) lasts at most this many months.",
        ),
        _p(
            "shortage_occupation_training_months",
            [(_PROGRAMME_START, 24)],
            "months",
            "Förordning (2017:820) 13 d §",
            "Training for a shortage occupation lasts at most this many months.",
        ),
        _p(
            "age_of_majority",
            [(_CIVIC_START, 18)],
            "years",
            "Föräldrabalken 9 kap. 1 §",
            "Under this age a person is a minor; guardianship (god man) ends at it.",
        ),
        _p(
            "transition_plan_notice_months",
            [(_CIVIC_START, 6)],
            "months",
            "Policy default (Lag 2005:429; LVU 2 §; Socialtjänstlagen)",
            "A transition plan for a young participant is expected this many months "
            "before the 18th birthday.",
        ),
        _p(
            "upper_secondary_start_age",
            [(_SCHOOL_ACT, 20)],
            "years",
            "Skollagen (2010:800) 15 kap. 5 §",
            "Upper-secondary education must start by 30 June of the year the person "
            "turns this age.",
        ),
        _p(
            "follow_up_days",
            [(_CIVIC_START, 90)],
            "days",
            "Arbetsförmedlingen's outcome measure",
            "Participants are followed up this many days after exit.",
        ),
        _p(
            "outcome_target",
            [(_CIVIC_START, 0.55)],
            "share",
            "Local target (Kronoberg)",
            "Target share in work or studies at follow-up.",
        ),
        _p(
            "leap_day",
            [(_CIVIC_START, "feb28")],
            "feb28 or mar1",
            "Lag (1930:173) 1 § by analogy (unsettled)",
            "Where someone born on 29 February reaches an age in a common year.",
        ),
        _p(
            "programme_in_force_from",
            [(_PROGRAMME_START, _PROGRAMME_START)],
            "date",
            "Lag (2017:584), in force 2018-01-01; earlier, Lag (2010:197)",
            "The first day of the establishment programme: before it, the establishment "
            "plan of Lag (2010:197) applied and nobody is referred to the programme.",
        ),
    ]
)
"""The parameters in force in Swedish law and policy, with their histories."""
