"""The programme clock: how part time, absences and interruptions move the programme end.

Scenarios cite the sections they follow: Förordning (2017:820) 15 § (24 months of
full-time participation), 15 a § (the window counted from the first registration),
17–18 §§ (a full-time sick leave or parental benefit of more than 30 days leads to the
referral being withdrawn), 20 § (re-entry the day after); Lag (1930:173) 1 § (a period
of months ends on the day with the same number). The properties compare the clock,
which walks span by span, with a walk one day at a time that follows the definition.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _profiles import examples
from handlingsplan import (
    Absence,
    AbsenceReason,
    Exit,
    ExitReason,
    Interruption,
    InterruptionReason,
    Participant,
    ParticipationChange,
    ParticipationReason,
    Plan,
)
from handlingsplan._frozen import FrozenMapping
from handlingsplan.dates import add_months
from handlingsplan.deadlines import (
    Deadline,
    DeadlineKind,
    allowance_end,
    deadlines,
    registration_window_end,
)
from handlingsplan.errors import InvalidPlanError
from handlingsplan.strategies import plans

D = _dt.date
K = DeadlineKind
START = D(2026, 2, 2)
BORN = D(1990, 5, 17)


# -- helpers ----------------------------------------------------------------------------


def a_plan(
    *,
    born: _dt.date = BORN,
    registered: _dt.date | None = None,
    referred_on: _dt.date = START,
    **changes: Any,
) -> Plan:
    person = Participant(id="d-1", birth_date=born, first_registered_on=registered)
    return Plan(id="p-1", participant=person, referred_on=referred_on, **changes)


def sick_leave(start: _dt.date, end: _dt.date, percent: float = 100) -> Absence:
    return Absence(start, end, AbsenceReason.SICKNESS, percent)


def parental_leave(start: _dt.date, end: _dt.date) -> Absence:
    return Absence(start, end, AbsenceReason.PARENTAL_BENEFIT)


def interruption(
    start: _dt.date, end: _dt.date, reason: InterruptionReason = InterruptionReason.SICKNESS
) -> Interruption:
    return Interruption(start=start, end=end, reason=reason)


def the(plan: Plan, kind: DeadlineKind) -> Deadline:
    (found,) = [deadline for deadline in deadlines(plan) if deadline.kind is kind]
    return found


def programme_end(plan: Plan) -> Deadline:
    return the(plan, K.PROGRAMME_END)


def days(first: _dt.date, last: _dt.date) -> Iterable[_dt.date]:
    return (D.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1))


def walked_end(plan: Plan) -> _dt.date:
    """The allowance end walked one day at a time, as the definition reads."""
    start = plan.start
    allowance = (add_months(start, 24) - start).days + 1
    outside: set[_dt.date] = set()
    for item in plan.interruptions:
        outside.update(days(item.start, item.end))
    runs: list[list[_dt.date]] = []
    for absence in sorted(plan.absences, key=lambda absence: absence.start):
        if absence.reason in ("sickness", "parental_benefit") and absence.percent == 100:
            if runs and absence.start <= runs[-1][1] + _dt.timedelta(days=1):
                runs[-1][1] = max(runs[-1][1], absence.end)
            else:
                runs.append([absence.start, absence.end])
    for first, last in runs:
        if (last - first).days + 1 > 30:
            outside.update(days(first + _dt.timedelta(days=30), last))
    if plan.exit is not None:
        outside = {day for day in outside if day <= plan.exit.on}
    used = Fraction(0)
    day = start
    while True:
        if day not in outside:
            used += Fraction(repr(plan.participation_on(day))) / 100
        if used >= allowance:
            return day
        day += _dt.timedelta(days=1)


# -- part time (15 §, 7–10 §§; 1930:173 1 §) ---------------------------------------------


def test_full_time_ends_on_the_same_day_24_months_later() -> None:
    # 1930:173 1 §: 2026-02-02 + 24 months = 2028-02-02; 731 full-time days, both ends.
    assert allowance_end(a_plan()) == D(2028, 2, 2)


def test_full_time_for_12_months_then_half_time_ends_on_2029_02_02() -> None:
    # 15 §: 2026-02-02 to 2027-02-01 uses 365 of 731 days; the other 366 take 732
    # calendar days at 50 %: 2027-02-02 + 731 days = 2029-02-02.
    plan = a_plan(
        participation_changes=(
            ParticipationChange(D(2027, 2, 2), 50, ParticipationReason.PARENTAL_BENEFIT),
        )
    )
    assert allowance_end(plan) == D(2029, 2, 2)
    assert programme_end(plan).due == D(2029, 2, 2)


def test_the_same_change_added_with_with_participation_change_gives_the_same_end() -> None:
    plan = a_plan().with_participation_change(ParticipationChange(D(2027, 2, 2), 50))
    assert allowance_end(plan) == D(2029, 2, 2)
    assert plan.participation_on(D(2027, 2, 1)) == 100
    assert plan.participation_on(D(2027, 2, 2)) == 50


def test_constant_half_time_ends_on_the_same_day_48_months_later() -> None:
    # 15 §: 731 full-time days at 50 % take 1462 calendar days: 2030-02-02.
    assert allowance_end(a_plan(participation_percent=50)) == D(2030, 2, 2)


def test_a_change_on_the_start_replaces_the_starting_level() -> None:
    plan = a_plan(participation_changes=(ParticipationChange(START, 50),))
    assert allowance_end(plan) == D(2030, 2, 2)
    (level,) = programme_end(plan).facts["levels"]
    assert (level["from"], level["percent"]) == (START, 50)


# -- absences (17–18 §§, 20 §) -----------------------------------------------------------


def test_a_45_day_full_time_sick_leave_withdraws_its_last_15_days() -> None:
    # 17–18 §§: 2026-03-02 to 2026-04-15 is 45 days; the referral is withdrawn from the
    # 31st (2026-04-01) to the last; 20 §: re-entry 2026-04-16. 15 days outside: +15.
    plan = a_plan(absences=(sick_leave(D(2026, 3, 2), D(2026, 4, 15)),))
    assert allowance_end(plan) == D(2028, 2, 17)
    assert programme_end(plan).facts["withdrawn_days"] == 15


def test_a_30_day_full_time_sick_leave_changes_nothing() -> None:
    # 18 §: sick leave leads to exit only after 30 consecutive days.
    plan = a_plan().with_absence(sick_leave(D(2026, 3, 2), D(2026, 3, 31)))
    assert allowance_end(plan) == D(2028, 2, 2)
    assert programme_end(plan).facts["withdrawn_days"] == 0


def test_a_half_time_sick_leave_of_any_length_changes_nothing() -> None:
    # 17 §: only full-time sick leave leads to exit; part-time leave is time in the programme.
    plan = a_plan(absences=(sick_leave(D(2026, 3, 2), D(2026, 9, 30), percent=50),))
    assert allowance_end(plan) == D(2028, 2, 2)


def test_absences_for_family_or_other_reasons_change_nothing() -> None:
    # 16 §: absence for special family reasons is time in the programme.
    plan = a_plan(
        absences=(
            Absence(D(2026, 3, 2), D(2026, 5, 31), AbsenceReason.FAMILY_REASONS),
            Absence(D(2026, 3, 2), D(2026, 5, 31), AbsenceReason.OTHER),
        )
    )
    assert allowance_end(plan) == D(2028, 2, 2)


def test_adjacent_sickness_and_parental_benefit_form_one_run() -> None:
    # 20 days of sickness then 20 of parental benefit: one run of 40 consecutive days,
    # withdrawn from its 31st day (2026-04-01) to its last (2026-04-10): +10.
    plan = a_plan(
        absences=(
            sick_leave(D(2026, 3, 2), D(2026, 3, 21)),
            parental_leave(D(2026, 3, 22), D(2026, 4, 10)),
        )
    )
    assert allowance_end(plan) == D(2028, 2, 12)


def test_overlapping_sickness_and_parental_benefit_form_one_run() -> None:
    plan = a_plan(
        absences=(
            sick_leave(D(2026, 3, 2), D(2026, 3, 25)),
            parental_leave(D(2026, 3, 15), D(2026, 4, 10)),
        )
    )
    assert allowance_end(plan) == D(2028, 2, 12)


def test_a_parental_benefit_absence_within_a_sick_leave_is_part_of_its_run() -> None:
    plan = a_plan(
        absences=(
            sick_leave(D(2026, 3, 2), D(2026, 4, 15)),
            parental_leave(D(2026, 3, 10), D(2026, 3, 20)),
        )
    )
    assert allowance_end(plan) == D(2028, 2, 17)


def test_absences_with_a_day_between_them_are_two_runs() -> None:
    plan = a_plan(
        absences=(
            sick_leave(D(2026, 3, 2), D(2026, 3, 21)),
            parental_leave(D(2026, 3, 23), D(2026, 4, 10)),
        )
    )
    assert allowance_end(plan) == D(2028, 2, 2)


def test_an_absence_after_the_exit_changes_nothing() -> None:
    # The exit ends the clock's interest: nothing after it is outside the programme.
    plan = a_plan(
        absences=(sick_leave(D(2026, 8, 1), D(2026, 11, 30)),),
        exit=Exit(on=D(2026, 6, 30), reason=ExitReason.EMPLOYMENT),
    )
    assert allowance_end(plan) == D(2028, 2, 2)


def test_a_long_absence_across_the_exit_counts_its_withdrawn_days_up_to_the_exit() -> None:
    # Withdrawn from 2026-04-01; the exit on 2026-04-10 stops the count at 10 days.
    plan = a_plan(
        absences=(sick_leave(D(2026, 3, 2), D(2026, 5, 31)),),
        exit=Exit(on=D(2026, 4, 10), reason=ExitReason.SICKNESS),
    )
    assert allowance_end(plan) == D(2028, 2, 12)


def test_an_interruption_overlapping_a_withdrawn_run_counts_once() -> None:
    # Withdrawn 2026-04-01..04-15, interrupted 2026-04-10..04-20: 20 days outside, of
    # which 11 are interruption days and the other 9 withdrawn days.
    plan = a_plan(
        absences=(sick_leave(D(2026, 3, 2), D(2026, 4, 15)),),
        interruptions=(interruption(D(2026, 4, 10), D(2026, 4, 20)),),
    )
    assert allowance_end(plan) == D(2028, 2, 22)
    facts = programme_end(plan).facts
    assert (facts["interruption_days"], facts["withdrawn_days"]) == (11, 9)


def test_an_interruption_after_the_allowance_does_not_revive_it() -> None:
    plan = a_plan(interruptions=(interruption(D(2028, 2, 3), D(2028, 6, 30)),))
    assert allowance_end(plan) == D(2028, 2, 2)


def test_a_plan_made_after_the_exit_has_nothing_outside_the_programme() -> None:
    # Found by these tests: with the exit before the start, the interruption days were
    # counted from the start back to the exit, a negative number.
    plan = a_plan(
        referred_on=D(2026, 1, 1),
        plan_made_on=D(2026, 6, 1),
        interruptions=(interruption(D(2026, 1, 1), D(2026, 12, 31)),),
        absences=(sick_leave(D(2026, 1, 1), D(2026, 12, 31)),),
        exit=Exit(on=D(2026, 3, 1), reason=ExitReason.EMPLOYMENT),
    )
    facts = programme_end(plan).facts
    assert (facts["interruption_days"], facts["withdrawn_days"]) == (0, 0)
    assert facts["allowance_end"] == D(2028, 6, 1)


# -- the registration window (15 a §) ----------------------------------------------------


def test_parental_benefit_extends_the_window_for_someone_registered_in_2026() -> None:
    # 15 a § (SFS 2025:311): 2026-01-05 + 36 months = 2029-01-05; 183 days of parental
    # benefit (2026-06-01..11-30) are not counted: 2029-07-07. At 50 % the allowance runs
    # to 2030-02-02 + 183 days = 2030-08-04, so the window decides.
    plan = a_plan(
        registered=D(2026, 1, 5),
        participation_percent=50,
        interruptions=(
            interruption(D(2026, 6, 1), D(2026, 11, 30), InterruptionReason.PARENTAL_BENEFIT),
        ),
    )
    assert registration_window_end(plan) == D(2029, 7, 7)
    window = the(plan, K.REGISTRATION_WINDOW_END).facts
    assert (window["parental_benefit_days"], window["pre_plan_days"]) == (183, 0)
    end = programme_end(plan)
    assert (end.due, end.facts["decided_by"]) == (D(2029, 7, 7), "registration_window")
    assert end.facts["allowance_end"] == D(2030, 8, 4)


def test_full_time_parental_benefit_absences_also_extend_the_window() -> None:
    plan = a_plan(
        registered=D(2026, 1, 5),
        absences=(
            parental_leave(D(2026, 6, 1), D(2026, 6, 10)),
            Absence(D(2026, 7, 1), D(2026, 7, 31), AbsenceReason.PARENTAL_BENEFIT, 50),
        ),
    )
    assert registration_window_end(plan) == D(2029, 1, 15)


def test_parental_benefit_before_2026_registration_does_not_extend_the_window() -> None:
    # The older wording applies to those registered before 2026-01-01.
    plan = a_plan(
        registered=D(2025, 12, 1),
        interruptions=(
            interruption(D(2026, 6, 1), D(2026, 11, 30), InterruptionReason.PARENTAL_BENEFIT),
        ),
    )
    assert registration_window_end(plan) == D(2028, 12, 1)


def test_parental_benefit_is_not_counted_beyond_24_months() -> None:
    plan = a_plan(
        registered=D(2026, 1, 5),
        interruptions=(
            interruption(D(2026, 2, 1), D(2029, 12, 31), InterruptionReason.PARENTAL_BENEFIT),
        ),
    )
    facts = the(plan, K.REGISTRATION_WINDOW_END).facts
    assert facts["parental_benefit_days"] == (D(2028, 1, 5) - D(2026, 1, 5)).days


@pytest.mark.parametrize(
    ("registered", "pre_plan"),
    [
        # registered before the referral: the days from the referral (2026-02-02)
        (D(2026, 1, 5), 28),
        # registered after the referral: the days from the registration (2026-02-16)
        (D(2026, 2, 16), 14),
    ],
)
def test_pre_plan_days_run_from_the_later_of_referral_and_registration(
    registered: _dt.date, pre_plan: int
) -> None:
    # 15 a §: time in the programme before the plan existed, to the day before 2026-03-02.
    plan = a_plan(registered=registered, plan_made_on=D(2026, 3, 2))
    facts = the(plan, K.REGISTRATION_WINDOW_END).facts
    assert facts["pre_plan_days"] == pre_plan
    assert registration_window_end(plan) == add_months(registered, 36) + _dt.timedelta(pre_plan)


# -- facts and explanations ---------------------------------------------------------------


def test_the_facts_of_the_programme_end_name_every_number_used() -> None:
    plan = a_plan(
        registered=D(2026, 1, 5),
        participation_changes=(
            ParticipationChange(D(2027, 2, 2), 50, ParticipationReason.CHILDCARE),
        ),
        absences=(sick_leave(D(2026, 3, 2), D(2026, 4, 15)),),
    )
    facts = programme_end(plan).facts
    assert dict(facts) == {
        "start": START,
        "months": 24,
        "allowance_days": 731,
        "levels": (
            {"from": START, "to": D(2027, 2, 1), "percent": 100, "reason": None, "days": 350},
            {
                "from": D(2027, 2, 2),
                "to": D(2029, 1, 5),
                "percent": 50,
                "reason": "childcare",
                "days": 704,
            },
        ),
        "interruption_days": 0,
        "withdrawn_days": 15,
        "allowance_end": D(2029, 3, 4),
        "registration_window_end": D(2029, 1, 5),
        "upper_age_end": D(2057, 5, 16),
        "decided_by": "registration_window",
    }


@pytest.mark.parametrize(
    ("born", "registered", "percent", "decided_by"),
    [
        # the allowance, the window and the upper age all end on 2028-02-02
        (D(1961, 2, 3), D(2025, 2, 2), 100, "allowance"),
        # the window and the upper age on 2028-02-02, the allowance later
        (D(1961, 2, 3), D(2025, 2, 2), 50, "registration_window"),
        # the upper age (67 on 2027-06-01) first
        (D(1960, 6, 1), D(2025, 2, 2), 50, "upper_age"),
        # no registration: no window
        (BORN, None, 100, "allowance"),
    ],
)
def test_the_programme_end_names_what_decided_it_the_first_on_a_tie(
    born: _dt.date, registered: _dt.date | None, percent: float, decided_by: str
) -> None:
    facts = programme_end(
        a_plan(born=born, registered=registered, participation_percent=percent)
    ).facts
    assert facts["decided_by"] == decided_by
    limits = {
        "allowance": facts["allowance_end"],
        "registration_window": facts["registration_window_end"],
        "upper_age": facts["upper_age_end"],
    }
    assert limits[decided_by] == min(day for day in limits.values() if day is not None)


def test_a_level_after_the_programme_end_is_not_among_the_facts() -> None:
    plan = a_plan(
        born=D(1960, 6, 1),
        participation_changes=(ParticipationChange(D(2027, 8, 1), 50),),
    )
    end = programme_end(plan)
    assert end.due == D(2027, 5, 31)
    (level,) = end.facts["levels"]
    assert (level["to"], level["days"]) == (D(2027, 5, 31), 484)


def test_the_facts_of_the_registration_window() -> None:
    plan = a_plan(registered=D(2026, 1, 5), plan_made_on=D(2026, 3, 2))
    assert dict(the(plan, K.REGISTRATION_WINDOW_END).facts) == {
        "first_registered_on": D(2026, 1, 5),
        "months": 36,
        "pre_plan_days": 28,
        "parental_benefit_days": 0,
    }


def test_every_other_key_date_names_the_event_that_starts_its_clock() -> None:
    plan = a_plan(
        registered=D(2026, 1, 5),
        exit=Exit(on=D(2027, 3, 1), reason=ExitReason.EMPLOYMENT),
    )
    others = {
        deadline.kind: dict(deadline.facts)
        for deadline in deadlines(plan)
        if deadline.kind not in (K.PROGRAMME_END, K.REGISTRATION_WINDOW_END)
    }
    assert others[K.UPPER_AGE] == {"event": "birth", "event_on": BORN}
    assert others[K.FOLLOW_UP] == {"event": "exit", "event_on": D(2027, 3, 1)}
    assert others[K.CIVIC_ORIENTATION_DUTY_END] == {
        "event": "first_registration",
        "event_on": D(2026, 1, 5),
    }
    assert all(set(facts) == {"event", "event_on"} for facts in others.values())


def test_the_programme_end_explained_in_english() -> None:
    plan = a_plan(
        participation_changes=(
            ParticipationChange(D(2027, 2, 2), 50, ParticipationReason.PARENTAL_BENEFIT),
        ),
        absences=(sick_leave(D(2026, 3, 2), D(2026, 4, 15)),),
    )
    assert programme_end(plan).explain("en") == (
        "last day of the establishment programme: 2029-03-04. "
        "Start 2026-02-02; 24 months give 731 full-time days. "
        "100 % from 2026-02-02 to 2027-02-01 (350 days); "
        "50 % from 2027-02-02 to 2029-03-04 (762 days, reason: parental benefit). "
        "Outside the programme: 0 interruption days, 15 withdrawn absence days. "
        "The allowance ends 2029-03-04, the registration window -, the upper age limit "
        "2057-05-16. Decided by the allowance of full-time days."
    )


def test_the_programme_end_explained_in_swedish() -> None:
    text = programme_end(a_plan(participation_percent=50)).explain("sv")
    assert text.startswith("sista dag i etableringsprogrammet: 2030-02-02. Start 2026-02-02;")
    assert "50 % från 2026-02-02 till 2030-02-02 (1462 dagar)" in text
    assert text.endswith("Avgörs av programtiden (heltidsdagarna).")


def test_a_level_that_is_not_a_whole_number_is_shown_as_written() -> None:
    plan = a_plan(participation_percent=62.5)
    assert "62.5 % from 2026-02-02 to 2029-04-16 (1170 days)" in programme_end(plan).explain("en")


def test_the_registration_window_explained() -> None:
    plan = a_plan(registered=D(2026, 1, 5), plan_made_on=D(2026, 3, 2))
    assert the(plan, K.REGISTRATION_WINDOW_END).explain("en") == (
        "end of the window counted from the first population registration: 2029-02-02. "
        "First registration 2026-01-05; 36 months, extended by 28 days in the programme "
        "before the plan and 0 days of parental benefit."
    )
    assert "Första folkbokföring 2026-01-05" in the(plan, K.REGISTRATION_WINDOW_END).explain()


def test_an_event_dated_key_date_explained_with_the_day_to_act_by() -> None:
    # 2026-05-02 is a Saturday: the action may wait until Monday (1930:173 2 §).
    plan = attrs.evolve(a_plan(), participant=Participant(id="d", birth_date=BORN, needs_sfi=True))
    sfi = the(plan, K.SFI_START)
    assert sfi.explain("en") == (
        "SFI should have started: 2026-05-02. Counted from the plan's start on 2026-02-02. "
        "May be done until 2026-05-04 (Lag 1930:173 2 §)."
    )
    assert sfi.explain("sv").endswith("Kan göras till och med 2026-05-04 (Lag 1930:173 2 §).")


def test_a_key_date_with_no_facts_is_explained_by_its_description_alone() -> None:
    deadline = Deadline(kind=K.MILESTONE, due=START, act_by=START, basis="test")
    assert deadline.explain("en") == "the milestone is due: 2026-02-02."


@pytest.mark.parametrize("locale", ["de", "", "EN", "sv-SE"])
def test_an_explanation_in_another_language_is_refused(locale: str) -> None:
    with pytest.raises(ValueError, match="locale must be 'sv' or 'en'"):
        programme_end(a_plan()).explain(locale)


def test_the_facts_as_a_dict_are_json_ready() -> None:
    plan = a_plan(
        registered=D(2026, 1, 5),
        participation_changes=(ParticipationChange(D(2027, 2, 2), 50),),
    )
    for deadline in deadlines(plan):
        data = deadline.to_dict()
        assert json.loads(json.dumps(data)) == data
    facts = programme_end(plan).to_dict()["facts"]
    assert isinstance(facts, dict)
    assert facts["levels"][1] == {
        "from": "2027-02-02",
        "to": "2029-01-05",
        "percent": 50,
        "reason": None,
        "days": 704,
    }
    assert facts["registration_window_end"] == "2029-01-05"


def test_facts_holding_enumerations_are_written_as_their_values() -> None:
    deadline = Deadline(
        kind=K.MILESTONE,
        due=START,
        act_by=START,
        basis="test",
        facts=FrozenMapping[Any]({"reason": AbsenceReason.SICKNESS, "on": START}),
    )
    assert deadline.to_dict()["facts"] == {"reason": "sickness", "on": "2026-02-02"}


# -- properties ---------------------------------------------------------------------------

PERCENTS = st.one_of(
    st.integers(min_value=20, max_value=100),
    st.floats(min_value=20, max_value=100, allow_nan=False, allow_infinity=False),
)


def bare(plan: Plan, **changes: Any) -> Plan:
    """``plan`` without days outside the programme, level changes or an exit."""
    cleared: dict[str, Any] = {
        "interruptions": (),
        "absences": (),
        "participation_changes": (),
        "exit": None,
        "follow_up": None,
    }
    return attrs.evolve(plan, **{**cleared, **changes})


@st.composite
def changed_plans(draw: st.DrawFn) -> Plan:
    """Plans with a few participation changes in their first years."""
    plan = draw(plans())
    offsets = draw(st.lists(st.integers(1, 3 * 365), max_size=3, unique=True))
    changes = tuple(
        ParticipationChange(plan.start + _dt.timedelta(days=offset), draw(PERCENTS))
        for offset in sorted(offsets)
    )
    return attrs.evolve(plan, participation_percent=draw(PERCENTS), participation_changes=changes)


@st.composite
def absences(draw: st.DrawFn, plan: Plan, *, max_days: int = 120) -> Absence:
    start = plan.start + _dt.timedelta(days=draw(st.integers(-40, 3 * 365)))
    length = draw(st.integers(1, max_days))
    return Absence(
        start,
        start + _dt.timedelta(days=length - 1),
        draw(st.sampled_from(AbsenceReason)),
        draw(st.sampled_from([100, 100, 50])),
    )


@settings(max_examples=examples(50))
@given(plan=plans(), percent=PERCENTS)
def test_at_one_level_the_end_is_the_closed_form(plan: Plan, percent: float) -> None:
    plan = bare(plan, participation_percent=percent)
    start = plan.start
    allowance = (add_months(start, 24) - start).days + 1
    calendar_days = math.ceil(allowance * 100 / Fraction(repr(percent)))
    assert allowance_end(plan) == start + _dt.timedelta(days=calendar_days - 1)


@settings(max_examples=examples(50))
@given(data=st.data(), plan=changed_plans())
def test_the_clock_agrees_with_a_walk_one_day_at_a_time(data: st.DataObject, plan: Plan) -> None:
    extra = data.draw(st.lists(absences(plan), max_size=4))
    try:
        plan = attrs.evolve(plan, absences=tuple(extra))
    except InvalidPlanError:  # two absences with the same reason overlap
        return
    assert allowance_end(plan) == walked_end(plan)


@given(data=st.data(), plan=changed_plans())
def test_raising_a_level_never_moves_the_end_later(data: st.DataObject, plan: Plan) -> None:
    index = data.draw(st.integers(0, len(plan.participation_changes)))
    if index == 0:
        raised = attrs.evolve(
            plan,
            participation_percent=data.draw(
                st.floats(min_value=plan.participation_percent, max_value=100)
            ),
        )
    else:
        change = plan.participation_changes[index - 1]
        new = attrs.evolve(
            change, percent=data.draw(st.floats(min_value=change.percent, max_value=100))
        )
        changes = list(plan.participation_changes)
        changes[index - 1] = new
        raised = attrs.evolve(plan, participation_changes=tuple(changes))
    assert allowance_end(raised) <= allowance_end(plan)


@given(data=st.data(), plan=changed_plans())
def test_adding_days_outside_the_programme_never_moves_the_end_earlier(
    data: st.DataObject, plan: Plan
) -> None:
    start = plan.start + _dt.timedelta(days=data.draw(st.integers(-40, 3 * 365)))
    end = start + _dt.timedelta(days=data.draw(st.integers(0, 200)))
    if data.draw(st.booleans()):
        added = attrs.evolve(plan, interruptions=(interruption(start, end),))
        base = attrs.evolve(plan, interruptions=())
    else:
        base = attrs.evolve(plan, absences=())
        added = base.with_absence(sick_leave(start, end))
    assert allowance_end(added) >= allowance_end(base)


@given(data=st.data(), plan=changed_plans())
def test_an_absence_of_at_most_30_days_never_moves_the_end(data: st.DataObject, plan: Plan) -> None:
    plan = attrs.evolve(plan, absences=())
    absence = data.draw(absences(plan, max_days=30))
    assert allowance_end(plan.with_absence(absence)) == allowance_end(plan)


@given(data=st.data(), plan=changed_plans())
def test_an_interruption_wholly_after_the_end_changes_nothing(
    data: st.DataObject, plan: Plan
) -> None:
    end = allowance_end(plan)
    after = max([end, *(item.end for item in plan.interruptions)])
    first = after + _dt.timedelta(days=data.draw(st.integers(1, 400)))
    last = first + _dt.timedelta(days=data.draw(st.integers(0, 400)))
    reason = data.draw(st.sampled_from(InterruptionReason))
    later = attrs.evolve(
        plan, interruptions=(*plan.interruptions, interruption(first, last, reason))
    )
    assert allowance_end(later) == end
