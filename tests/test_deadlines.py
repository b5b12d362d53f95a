"""Tests for :mod:`handlingsplan.deadlines`: the key dates of a plan, worked by hand.

Each worked example names the section of law it checks. Dates are computed by
Lag (1930:173) 1 § (months end on the same day number, else the month's last day);
deadlines for actions move to the next working day by 2 §, ends of periods do not.
"""

from __future__ import annotations

import datetime as _dt
import json
import pickle
from typing import Any

import pytest
from hypothesis import given

from handlingsplan.dates import add_months, add_years
from handlingsplan.deadlines import (
    Deadline,
    DeadlineKind,
    age_18_date,
    allowance_end,
    deadlines,
    programme_start,
    registration_window_end,
    upper_secondary_cutoff,
)
from handlingsplan.errors import InvalidPlanError
from handlingsplan.model import (
    Activity,
    ActivityKind,
    ActivityStatus,
    Exit,
    ExitReason,
    Interruption,
    InterruptionReason,
    Milestone,
    MilestoneKind,
    Participant,
    Plan,
    Programme,
)
from handlingsplan.parameters import DEFAULT_PARAMETERS, Parameters
from handlingsplan.strategies import plans

K = DeadlineKind
SICK = InterruptionReason.SICKNESS
PARENTAL = InterruptionReason.PARENTAL_BENEFIT


def d(year: int, month: int, day: int) -> _dt.date:
    return _dt.date(year, month, day)


BORN = d(1990, 5, 17)
REFERRED = d(2025, 3, 3)


def a_participant(
    *,
    born: _dt.date = BORN,
    registered: _dt.date | None = None,
    needs_sfi: bool = False,
) -> Participant:
    return Participant(
        id="d-1", birth_date=born, first_registered_on=registered, needs_sfi=needs_sfi
    )


def a_plan(
    *,
    referred_on: _dt.date = REFERRED,
    plan_made_on: _dt.date | None = None,
    born: _dt.date = BORN,
    registered: _dt.date | None = None,
    needs_sfi: bool = False,
    **changes: Any,
) -> Plan:
    return Plan(
        id="p-1",
        participant=a_participant(born=born, registered=registered, needs_sfi=needs_sfi),
        referred_on=referred_on,
        plan_made_on=plan_made_on,
        **changes,
    )


def civic(activity_id: str, start: _dt.date, **changes: Any) -> Activity:
    return Activity(
        id=activity_id,
        kind=ActivityKind.CIVIC_ORIENTATION,
        start=start,
        end=start + _dt.timedelta(days=90),
        hours_per_week=8,
        **changes,
    )


def sick(start: _dt.date, end: _dt.date) -> Interruption:
    return Interruption(start=start, end=end, reason=SICK)


def parental(start: _dt.date, end: _dt.date) -> Interruption:
    return Interruption(start=start, end=end, reason=PARENTAL)


def milestone(milestone_id: str, due: _dt.date) -> Milestone:
    return Milestone(id=milestone_id, kind=MilestoneKind.LANGUAGE, title="SFI C", due=due)


def the(
    plan: Plan,
    kind: DeadlineKind,
    *,
    parameters: Parameters = DEFAULT_PARAMETERS,
) -> Deadline:
    found = [
        deadline for deadline in deadlines(plan, parameters=parameters) if deadline.kind is kind
    ]
    assert len(found) == 1, found
    return found[0]


def kinds(plan: Plan, *, parameters: Parameters = DEFAULT_PARAMETERS) -> set[DeadlineKind]:
    return {deadline.kind for deadline in deadlines(plan, parameters=parameters)}


# -- the docstring example -----------------------------------------------------------


def test_a_typical_plan_has_the_documented_key_dates() -> None:
    plan = a_plan(
        referred_on=d(2025, 1, 13),
        plan_made_on=d(2025, 2, 3),
        registered=d(2024, 11, 4),
        needs_sfi=True,
    )
    assert [(x.due, x.act_by, x.kind) for x in deadlines(plan)] == [
        (d(2025, 3, 3), d(2025, 3, 3), K.SFI_START_TARGET),
        (d(2025, 5, 3), d(2025, 5, 5), K.SFI_START),
        (d(2027, 2, 3), d(2027, 2, 3), K.PROGRAMME_END),
        (d(2027, 11, 4), d(2027, 11, 4), K.CIVIC_ORIENTATION_DUTY_END),
        (d(2027, 11, 25), d(2027, 11, 25), K.REGISTRATION_WINDOW_END),
        (d(2057, 5, 17), d(2057, 5, 17), K.UPPER_AGE),
    ]


# -- programme_end: Förordning (2017:820) 15 § --------------------------------------


def test_programme_end_is_24_months_after_a_month_end_start() -> None:
    # Förordning (2017:820) 15 §; Lag (1930:173) 1 §: 2024-01-31 + 24 months = 2026-01-31.
    plan = a_plan(referred_on=d(2024, 1, 31))
    assert the(plan, K.PROGRAMME_END).due == d(2026, 1, 31)
    assert allowance_end(plan) == d(2026, 1, 31)


def test_programme_end_is_not_moved_off_a_saturday() -> None:
    # Lag (1930:173) 2 § moves deadlines for actions only; 2026-01-31 is a Saturday.
    end = the(a_plan(referred_on=d(2024, 1, 31)), K.PROGRAMME_END)
    assert end.act_by == end.due == d(2026, 1, 31)


def test_programme_end_counts_from_the_plan_not_the_referral() -> None:
    # Förordning (2017:820) 15 §: the plan's start is plan_made_on when there is one.
    plan = a_plan(referred_on=d(2025, 1, 13), plan_made_on=d(2025, 2, 3))
    assert programme_start(plan) == d(2025, 2, 3)
    assert the(plan, K.PROGRAMME_END).due == d(2027, 2, 3)


def test_programme_end_counts_from_the_referral_without_a_plan_date() -> None:
    plan = a_plan(referred_on=d(2025, 1, 13))
    assert programme_start(plan) == d(2025, 1, 13)
    assert the(plan, K.PROGRAMME_END).due == d(2027, 1, 13)


def test_half_time_participation_doubles_the_calendar_days() -> None:
    # Förordning (2017:820) 15 §: 24 months of full-time participation; 7–10 §§ part time.
    # 2025-03-03 to 2027-03-03 inclusive is 731 full-time days; at 50 % they take 1462
    # calendar days: 2025-03-03 + 1461 days = 2029-03-03, the same day 48 months later.
    plan = a_plan(participation_percent=50)
    # the inclusive allowance: 731 full-time days at 50 % are 1462 calendar days
    assert the(plan, K.PROGRAMME_END).due == d(2029, 3, 3)


def test_three_quarter_time_participation_rounds_the_days_up() -> None:
    # 730 * 100 / 75 = 973.33..., rounded up to 974 days: 2027-11-02 (not 2027-11-01).
    plan = a_plan(participation_percent=75)
    assert the(plan, K.PROGRAMME_END).due == d(2027, 11, 2)


def test_an_interruption_after_the_start_extends_the_allowance() -> None:
    # Förordning (2017:820) 15 §, 20 §: time outside the programme does not use it up.
    # 30 days of sickness, both ends included: 2027-03-03 + 30 days = 2027-04-02.
    plan = a_plan(interruptions=(sick(d(2025, 6, 1), d(2025, 6, 30)),))
    assert the(plan, K.PROGRAMME_END).due == d(2027, 4, 2)


def test_an_interruption_partly_before_the_start_counts_from_the_start() -> None:
    # Only 2025-03-03 to 2025-03-10 (8 days) is after the start: 2027-03-11.
    plan = a_plan(interruptions=(sick(d(2025, 2, 1), d(2025, 3, 10)),))
    assert the(plan, K.PROGRAMME_END).due == d(2027, 3, 11)


def test_an_interruption_wholly_before_the_start_does_not_count() -> None:
    plan = a_plan(interruptions=(sick(d(2025, 1, 1), d(2025, 3, 2)),))
    assert the(plan, K.PROGRAMME_END).due == d(2027, 3, 3)


def test_an_interruption_partly_after_the_exit_counts_up_to_the_exit() -> None:
    # Exit on 2025-08-15: only 2025-08-01 to 2025-08-15 (15 days) counts: 2027-03-18.
    plan = a_plan(
        interruptions=(sick(d(2025, 8, 1), d(2025, 8, 31)),),
        exit=Exit(on=d(2025, 8, 15), reason=ExitReason.EMPLOYMENT),
    )
    assert the(plan, K.PROGRAMME_END).due == d(2027, 3, 18)


def test_an_interruption_wholly_after_the_exit_does_not_count() -> None:
    plan = a_plan(
        interruptions=(sick(d(2025, 9, 1), d(2025, 9, 30)),),
        exit=Exit(on=d(2025, 8, 15), reason=ExitReason.EMPLOYMENT),
    )
    assert the(plan, K.PROGRAMME_END).due == d(2027, 3, 3)


def test_part_time_and_interruptions_combine() -> None:
    # 50 %: 1462 calendar days, plus 10 interruption days: 2029-03-03 + 10 = 2029-03-13.
    plan = a_plan(participation_percent=50, interruptions=(sick(d(2026, 1, 1), d(2026, 1, 10)),))
    assert the(plan, K.PROGRAMME_END).due == d(2029, 3, 13)


def test_programme_months_are_those_in_force_on_the_plan_start() -> None:
    # Each key date uses the values in force on the event that starts its clock.
    reform = DEFAULT_PARAMETERS.with_value("programme_months", 36, valid_from=d(2025, 3, 4))
    assert the(a_plan(), K.PROGRAMME_END, parameters=reform).due == d(2027, 3, 3)
    later = a_plan(referred_on=d(2025, 3, 4))
    assert the(later, K.PROGRAMME_END, parameters=reform).due == d(2028, 3, 4)
    assert the(later, K.PROGRAMME_END).due == d(2027, 3, 4)


# -- registration_window_end: Förordning (2017:820) 15 a § ---------------------------


def test_the_registration_window_is_36_months_plus_time_before_the_plan() -> None:
    # Förordning (2017:820) 15 a §: 2024-11-04 + 36 months = 2027-11-04, plus the 21 days
    # from the referral (2025-01-13) to the day before the plan (2025-02-02): 2027-11-25.
    plan = a_plan(referred_on=d(2025, 1, 13), plan_made_on=d(2025, 2, 3), registered=d(2024, 11, 4))
    assert the(plan, K.REGISTRATION_WINDOW_END).due == d(2027, 11, 25)
    assert registration_window_end(plan) == d(2027, 11, 25)


def test_the_registration_window_without_a_plan_date_is_36_months() -> None:
    plan = a_plan(referred_on=d(2025, 1, 13), registered=d(2024, 11, 4))
    assert the(plan, K.REGISTRATION_WINDOW_END).due == d(2027, 11, 4)


def test_the_registration_window_ends_on_a_month_end_by_1930_173_1_section() -> None:
    # 2023-05-31 + 36 months = 2026-05-31; and 2024-02-29 + 36 months = 2027-02-28.
    assert registration_window_end(a_plan(registered=d(2023, 5, 31))) == d(2026, 5, 31)
    assert registration_window_end(a_plan(registered=d(2024, 2, 29))) == d(2027, 2, 28)


def test_there_is_no_registration_window_without_a_first_registration() -> None:
    plan = a_plan()
    assert registration_window_end(plan) is None
    assert K.REGISTRATION_WINDOW_END not in kinds(plan)
    assert K.CIVIC_ORIENTATION_DUTY_END not in kinds(plan)


def test_the_registration_window_bites_before_the_allowance() -> None:
    # Förordning (2017:820) 15 a §: registered 2023-03-01, the window ends 2026-03-01,
    # before the 24 months from the plan (2025-06-02 + 24 months = 2027-06-02).
    plan = a_plan(referred_on=d(2025, 6, 2), registered=d(2023, 3, 1))
    assert allowance_end(plan) == d(2027, 6, 2)
    assert the(plan, K.PROGRAMME_END).due == d(2026, 3, 1)
    assert the(plan, K.REGISTRATION_WINDOW_END).due == d(2026, 3, 1)


def test_parental_benefit_extends_the_window_for_those_registered_from_2026() -> None:
    # Förordning (2017:820) 15 a § as amended by SFS 2025:311: registered 2026-01-01;
    # parental benefit 2026-02-01 to 2026-04-30 (89 days): 2029-01-01 + 89 = 2029-03-31.
    plan = a_plan(
        referred_on=d(2026, 1, 12),
        registered=d(2026, 1, 1),
        interruptions=(parental(d(2026, 2, 1), d(2026, 4, 30)),),
    )
    assert the(plan, K.REGISTRATION_WINDOW_END).due == d(2029, 3, 31)


def test_parental_benefit_does_not_extend_the_window_for_those_registered_before_2026() -> None:
    # The older wording applies to those registered before 2026-01-01: no extension, even
    # though the parental benefit itself is taken in 2026.
    plan = a_plan(
        referred_on=d(2026, 1, 12),
        registered=d(2025, 12, 31),
        interruptions=(parental(d(2026, 2, 1), d(2026, 4, 30)),),
    )
    assert the(plan, K.REGISTRATION_WINDOW_END).due == d(2028, 12, 31)


def test_parental_benefit_before_2026_does_not_extend_an_old_window() -> None:
    plan = a_plan(
        referred_on=d(2024, 1, 8),
        registered=d(2023, 9, 1),
        interruptions=(parental(d(2024, 2, 1), d(2024, 4, 30)),),
    )
    assert the(plan, K.REGISTRATION_WINDOW_END).due == d(2026, 9, 1)


def test_sickness_does_not_extend_the_registration_window() -> None:
    plan = a_plan(
        referred_on=d(2026, 1, 12),
        registered=d(2026, 1, 1),
        interruptions=(sick(d(2026, 2, 1), d(2026, 4, 30)),),
    )
    assert the(plan, K.REGISTRATION_WINDOW_END).due == d(2029, 1, 1)
    # The same sickness does extend the allowance: 2028-01-12 + 89 days = 2028-04-10.
    assert allowance_end(plan) == d(2028, 4, 10)


def test_parental_benefit_counts_only_from_the_first_registration() -> None:
    # 2025-12-01 to 2026-01-10: only 2026-01-01 to 2026-01-10 (10 days) counts.
    plan = a_plan(
        referred_on=d(2026, 1, 12),
        registered=d(2026, 1, 1),
        interruptions=(
            parental(d(2025, 10, 1), d(2025, 10, 31)),
            parental(d(2025, 12, 1), d(2026, 1, 10)),
        ),
    )
    assert the(plan, K.REGISTRATION_WINDOW_END).due == d(2029, 1, 11)


def test_parental_benefit_in_the_window_is_capped_at_24_months_of_days() -> None:
    # At most 24 months: 2026-01-01 to 2028-01-01 is 730 days. Parental benefit from
    # 2026-03-01 to 2028-08-31 is 915 days; only 730 count: 2029-01-01 + 730 = 2031-01-01.
    plan = a_plan(
        referred_on=d(2026, 1, 12),
        registered=d(2026, 1, 1),
        interruptions=(parental(d(2026, 3, 1), d(2028, 8, 31)),),
    )
    assert parental(d(2026, 3, 1), d(2028, 8, 31)).days == 915
    assert the(plan, K.REGISTRATION_WINDOW_END).due == d(2031, 1, 1)


def test_parental_benefit_and_time_before_the_plan_add_up() -> None:
    # 89 days of parental benefit and 7 days from referral to the plan: 2029-01-01 + 96.
    plan = a_plan(
        referred_on=d(2026, 1, 5),
        plan_made_on=d(2026, 1, 12),
        registered=d(2026, 1, 1),
        interruptions=(parental(d(2026, 2, 1), d(2026, 4, 30)),),
    )
    assert the(plan, K.REGISTRATION_WINDOW_END).due == d(2029, 4, 7)


def test_a_registration_before_2018_uses_the_earliest_values() -> None:
    # The window's clock starts on the registration, before the parameters' history.
    plan = a_plan(referred_on=d(2018, 1, 8), registered=d(2016, 5, 2))
    assert the(plan, K.REGISTRATION_WINDOW_END).due == d(2019, 5, 2)
    assert the(plan, K.PROGRAMME_END).due == d(2019, 5, 2)


# -- upper_age: Lag (2017:584) 2 §, SFS 2022:895, SFS 2022:896 -----------------------


def test_upper_age_is_the_67th_birthday_for_someone_born_in_1990() -> None:
    plan = a_plan()
    upper = the(plan, K.UPPER_AGE)
    assert upper.due == upper.act_by == d(2057, 5, 17)


def test_the_upper_age_bites_on_the_day_before_it_is_reached() -> None:
    # Lag (2017:584) 2 §, Förordning (2017:820) 21 §: born 1961-05-10, the riktålder 67
    # is reached on 2028-05-10; the programme ends the day before, not on 2028-09-01.
    plan = a_plan(referred_on=d(2026, 9, 1), born=d(1961, 5, 10))
    assert the(plan, K.UPPER_AGE).due == d(2028, 5, 10)
    assert the(plan, K.PROGRAMME_END).due == d(2028, 5, 9)


def test_the_transitional_upper_age_keeps_65_for_those_who_reached_it_in_2022() -> None:
    # SFS 2022:895 transitional provisions: born 1957-06-01 reached 65 on 2022-06-01.
    plan = a_plan(referred_on=d(2021, 9, 1), born=d(1957, 6, 1))
    assert the(plan, K.UPPER_AGE).due == d(2022, 6, 1)
    assert the(plan, K.PROGRAMME_END).due == d(2022, 5, 31)


def test_the_upper_age_of_someone_turning_65_in_2023_is_66() -> None:
    plan = a_plan(referred_on=d(2022, 9, 1), born=d(1958, 3, 1))
    assert the(plan, K.UPPER_AGE).due == d(2024, 3, 1)
    assert the(plan, K.PROGRAMME_END).due == d(2024, 2, 29)


def test_the_upper_age_of_a_leap_day_birth_is_28_february() -> None:
    # Lag (1930:173) 1 § by analogy: born 1960-02-29, 67 in 2027 (a common year).
    plan = a_plan(referred_on=d(2026, 1, 12), born=d(1960, 2, 29))
    assert the(plan, K.UPPER_AGE).due == d(2027, 2, 28)
    assert the(plan, K.PROGRAMME_END).due == d(2027, 2, 27)


def test_the_upper_age_of_a_leap_day_birth_can_be_1_march() -> None:
    mar1 = DEFAULT_PARAMETERS.with_value("leap_day", "mar1", valid_from=d(1950, 1, 1))
    plan = a_plan(referred_on=d(2026, 1, 12), born=d(1960, 2, 29))
    assert the(plan, K.UPPER_AGE, parameters=mar1).due == d(2027, 3, 1)
    assert the(plan, K.PROGRAMME_END, parameters=mar1).due == d(2027, 2, 28)


def test_a_municipal_plan_has_no_programme_dates() -> None:
    plan = a_plan(programme=Programme.MUNICIPAL, registered=d(2024, 11, 4), needs_sfi=True)
    found = kinds(plan)
    assert K.PROGRAMME_END not in found
    assert K.REGISTRATION_WINDOW_END not in found
    assert K.UPPER_AGE not in found
    assert found == {K.SFI_START, K.CIVIC_ORIENTATION_DUTY_END}


# -- sfi_start: Skollagen (2010:800) 20 kap. 29 § -----------------------------------


def test_sfi_start_is_three_months_after_a_month_end_start() -> None:
    # Skollagen (2010:800) 20 kap. 29 §; Lag (1930:173) 1 §: 2023-08-31 + 3 months is
    # 2023-11-30, a Thursday, so it stays put.
    sfi = the(a_plan(referred_on=d(2023, 8, 31), needs_sfi=True), K.SFI_START)
    assert sfi.due == sfi.act_by == d(2023, 11, 30)


def test_sfi_start_on_a_saturday_may_be_acted_on_the_next_monday() -> None:
    # Lag (1930:173) 2 §: 2025-05-03 is a Saturday; the action may wait until 2025-05-05.
    sfi = the(a_plan(referred_on=d(2025, 2, 3), needs_sfi=True), K.SFI_START)
    assert (sfi.due, sfi.act_by) == (d(2025, 5, 3), d(2025, 5, 5))


def test_sfi_start_on_julafton_moves_past_christmas_and_the_weekend() -> None:
    # Lag (1930:173) 2 §: julafton (Thu), juldagen, annandag jul (Sat), Sunday: Monday.
    sfi = the(a_plan(referred_on=d(2026, 9, 24), needs_sfi=True), K.SFI_START)
    assert (sfi.due, sfi.act_by) == (d(2026, 12, 24), d(2026, 12, 28))


def test_there_is_no_sfi_start_for_a_participant_who_does_not_need_sfi() -> None:
    assert K.SFI_START not in kinds(a_plan(needs_sfi=False))


# -- civic orientation: Förordning (2010:1138) 4 §, Lag (2013:156) 4 § -------------


def test_civic_orientation_is_completed_within_12_months_of_its_start() -> None:
    # Förordning (2010:1138) 4 §: started 2025-03-03, completed by 2026-03-03 (a Tuesday).
    plan = a_plan(activities=(civic("so-1", d(2025, 3, 3)),))
    complete = the(plan, K.CIVIC_ORIENTATION_COMPLETE)
    assert (complete.due, complete.act_by, complete.subject) == (
        d(2026, 3, 3),
        d(2026, 3, 3),
        "so-1",
    )


def test_civic_orientation_completion_on_national_day_moves_to_monday() -> None:
    # 2026-06-06 is both a Saturday and the national day: act by Monday 2026-06-08.
    plan = a_plan(activities=(civic("so-1", d(2025, 6, 6)),))
    complete = the(plan, K.CIVIC_ORIENTATION_COMPLETE)
    assert (complete.due, complete.act_by) == (d(2026, 6, 6), d(2026, 6, 8))


def test_civic_orientation_counts_from_the_earliest_course_not_cancelled() -> None:
    plan = a_plan(
        activities=(
            civic("so-late", d(2025, 9, 1)),
            civic("so-cancelled", d(2025, 2, 3), status=ActivityStatus.CANCELLED),
            civic("so-b", d(2025, 4, 1)),
            civic("so-a", d(2025, 4, 1)),
        )
    )
    complete = the(plan, K.CIVIC_ORIENTATION_COMPLETE)
    assert (complete.due, complete.subject) == (d(2026, 4, 1), "so-a")


def test_a_leap_day_civic_start_completes_on_28_february() -> None:
    plan = a_plan(activities=(civic("so-1", d(2024, 2, 29)),))
    assert the(plan, K.CIVIC_ORIENTATION_COMPLETE).due == d(2025, 2, 28)


def test_only_cancelled_civic_orientation_gives_no_completion_date() -> None:
    plan = a_plan(activities=(civic("so-1", d(2025, 3, 3), status=ActivityStatus.CANCELLED),))
    assert K.CIVIC_ORIENTATION_COMPLETE not in kinds(plan)


def test_the_civic_orientation_duty_ends_36_months_after_registration() -> None:
    # Lag (2013:156) 4 §: registered 2023-01-31, the duty ends 2026-01-31, a Saturday; an
    # end of a duty is not a deadline for an action and does not move.
    duty = the(a_plan(registered=d(2023, 1, 31)), K.CIVIC_ORIENTATION_DUTY_END)
    assert duty.due == duty.act_by == d(2026, 1, 31)


# -- age_18: Föräldrabalken 9 kap. 1 § ----------------------------------------------


def test_a_minor_on_the_plan_start_has_an_18th_birthday_key_date() -> None:
    # Föräldrabalken 9 kap. 1 §: born 2007-09-02, 17 on 2025-09-01.
    plan = a_plan(referred_on=d(2025, 9, 1), born=d(2007, 9, 2), programme=Programme.MUNICIPAL)
    age_18 = the(plan, K.AGE_18)
    assert age_18.due == age_18.act_by == d(2025, 9, 2)
    assert age_18_date(plan) == d(2025, 9, 2)


def test_someone_turning_18_on_the_plan_start_has_no_18th_birthday_key_date() -> None:
    plan = a_plan(referred_on=d(2025, 9, 1), born=d(2007, 9, 1), programme=Programme.MUNICIPAL)
    assert K.AGE_18 not in kinds(plan)
    assert age_18_date(plan) == d(2025, 9, 1)


def test_someone_born_on_29_february_turns_18_on_28_february() -> None:
    # Föräldrabalken 9 kap. 1 §; Lag (1930:173) 1 § by analogy: born 2008-02-29, 2026 is
    # a common year, so the 18th birthday is 2026-02-28.
    plan = a_plan(referred_on=d(2025, 9, 1), born=d(2008, 2, 29), programme=Programme.MUNICIPAL)
    assert the(plan, K.AGE_18).due == d(2026, 2, 28)


def test_the_leap_day_parameter_can_move_the_birthday_to_1_march() -> None:
    mar1 = DEFAULT_PARAMETERS.with_value("leap_day", "mar1", valid_from=d(2000, 1, 1))
    plan = a_plan(referred_on=d(2025, 9, 1), born=d(2008, 2, 29), programme=Programme.MUNICIPAL)
    assert the(plan, K.AGE_18, parameters=mar1).due == d(2026, 3, 1)
    assert age_18_date(plan, parameters=mar1) == d(2026, 3, 1)


def test_a_leap_day_birth_with_mar1_is_still_17_on_28_february() -> None:
    # With mar1 the person born 2008-02-29 is 17 on a plan start of 2026-02-28.
    mar1 = DEFAULT_PARAMETERS.with_value("leap_day", "mar1", valid_from=d(2000, 1, 1))
    plan = a_plan(referred_on=d(2026, 2, 28), born=d(2008, 2, 29), programme=Programme.MUNICIPAL)
    assert K.AGE_18 in kinds(plan, parameters=mar1)
    assert K.AGE_18 not in kinds(plan)


def test_a_plan_starting_before_the_birth_is_refused() -> None:
    # Changed on purpose by the duties issue: a referral before the birth is bad input.
    with pytest.raises(InvalidPlanError, match="before the participant's birth date"):
        a_plan(referred_on=d(2025, 9, 1), born=d(2026, 1, 5), programme=Programme.MUNICIPAL)


def test_a_plan_starting_on_the_birth_date_has_the_18th_birthday() -> None:
    plan = a_plan(referred_on=d(2026, 1, 5), born=d(2026, 1, 5), programme=Programme.MUNICIPAL)
    assert the(plan, K.AGE_18).due == d(2044, 1, 5)
    assert the(plan, K.UPPER_SECONDARY_CUTOFF).due == d(2046, 6, 30)


# -- upper_secondary_cutoff: Skollagen (2010:800) 15 kap. 5 § -----------------------


def test_upper_secondary_must_start_by_30_june_of_the_year_of_turning_20() -> None:
    # Skollagen (2010:800) 15 kap. 5 §: born 2008-02-29, turns 20 in 2028: 2028-06-30.
    plan = a_plan(referred_on=d(2025, 9, 1), born=d(2008, 2, 29), programme=Programme.MUNICIPAL)
    cutoff = the(plan, K.UPPER_SECONDARY_CUTOFF)
    assert cutoff.due == cutoff.act_by == d(2028, 6, 30)
    assert upper_secondary_cutoff(plan) == d(2028, 6, 30)


def test_a_19_year_old_whose_cutoff_has_passed_has_none() -> None:
    # Skollagen (2010:800) 15 kap. 5 §: born 2006-09-02, 19 on 2026-09-01; the cut-off
    # 2026-06-30 was before the plan, so it is no key date (changed on purpose in issue 12).
    plan = a_plan(referred_on=d(2026, 9, 1), born=d(2006, 9, 2), programme=Programme.MUNICIPAL)
    assert K.UPPER_SECONDARY_CUTOFF not in kinds(plan)
    assert upper_secondary_cutoff(plan) == d(2026, 6, 30)
    assert K.AGE_18 not in kinds(plan)


def test_a_20_year_old_has_no_upper_secondary_cutoff() -> None:
    plan = a_plan(referred_on=d(2026, 9, 1), born=d(2006, 9, 1), programme=Programme.MUNICIPAL)
    assert K.UPPER_SECONDARY_CUTOFF not in kinds(plan)
    assert upper_secondary_cutoff(plan) == d(2026, 6, 30)


def test_a_20_year_old_whose_cutoff_is_still_ahead_has_it() -> None:
    # Skollagen (2010:800) 15 kap. 5 §: born 2006-02-01, 20 on 2026-02-01; with a plan on
    # 2026-03-02 the cut-off 2026-06-30 is still ahead, so it is a key date (issue 12).
    plan = a_plan(referred_on=d(2026, 3, 2), born=d(2006, 2, 1), programme=Programme.MUNICIPAL)
    assert the(plan, K.UPPER_SECONDARY_CUTOFF).due == d(2026, 6, 30)


def test_the_cutoff_on_the_plan_s_start_is_given() -> None:
    plan = a_plan(referred_on=d(2026, 6, 30), born=d(2006, 2, 1), programme=Programme.MUNICIPAL)
    assert the(plan, K.UPPER_SECONDARY_CUTOFF).due == d(2026, 6, 30)


# -- SFI: Skollagen (2010:800) 20 kap. 29 §, 31 a § ---------------------------------


def sfi(activity_id: str, start: _dt.date, **changes: Any) -> Activity:
    values: dict[str, Any] = {"end": add_months(start, 10), "hours_per_week": 15}
    values.update(changes)
    return Activity(id=activity_id, kind=ActivityKind.SFI, start=start, **values)


def intro(activity_id: str, start: _dt.date, **changes: Any) -> Activity:
    return Activity(
        id=activity_id,
        kind=ActivityKind.UPPER_SECONDARY_INTRO,
        start=start,
        end=add_months(start, 20),
        hours_per_week=23,
        **changes,
    )


def test_the_sfi_target_is_a_month_after_the_plan_and_moves_off_a_weekend() -> None:
    # Skollagen 20 kap. 29 §; Lag (1930:173) 2 §: 2025-04-03 + 1 month = Saturday 2025-05-03.
    target = the(a_plan(referred_on=d(2025, 4, 3), needs_sfi=True), K.SFI_START_TARGET)
    assert (target.due, target.act_by, target.subject) == (d(2025, 5, 3), d(2025, 5, 5), None)
    assert target.explain("en") == (
        "the municipality works to have SFI started: 2025-05-03. Counted from the plan's "
        "start on 2025-04-03. May be done until 2025-05-05 (Lag 1930:173 2 §)."
    )
    assert target.explain("sv").startswith("kommunen verkar för att sfi har påbörjats")


def test_the_sfi_target_is_for_establishment_plans_that_need_sfi() -> None:
    municipal = a_plan(needs_sfi=True, programme=Programme.MUNICIPAL)
    assert K.SFI_START_TARGET not in kinds(municipal)
    assert K.SFI_START in kinds(municipal)
    assert K.SFI_START_TARGET not in kinds(a_plan(needs_sfi=False))


def test_under_20_in_language_introduction_has_no_sfi_start_dates() -> None:
    # Skollagen 17 kap. 12 §, 20 kap. 29 §: 17 on 2025-03-03, in språkintroduktion.
    plan = a_plan(born=d(2008, 1, 15), needs_sfi=True, activities=(intro("u-1", REFERRED),))
    assert not kinds(plan) & {K.SFI_START, K.SFI_START_TARGET}
    cancelled = a_plan(
        born=d(2008, 1, 15),
        needs_sfi=True,
        activities=(intro("u-1", REFERRED, status=ActivityStatus.CANCELLED),),
    )
    assert {K.SFI_START, K.SFI_START_TARGET} <= kinds(cancelled)


def test_the_sfi_right_ends_three_years_after_the_first_admission_from_2026() -> None:
    # Skollagen 20 kap. 31 a §: first SFI start 2028-02-29 + 3 years = 2031-02-28 (1 §).
    plan = a_plan(
        referred_on=d(2028, 2, 7),
        activities=(sfi("sfi-2", d(2029, 3, 5)), sfi("sfi-1", d(2028, 2, 29))),
    )
    right = the(plan, K.SFI_RIGHT_END)
    assert (right.due, right.act_by, right.subject) == (d(2031, 2, 28), d(2031, 2, 28), "sfi-1")
    assert right.explain("en") == (
        "the right to SFI ends unless extended: 2031-02-28. Counted from the start of the "
        "first SFI course on 2028-02-29."
    )
    assert "den första sfi-kursens start" in right.explain("sv")


def test_the_sfi_right_has_no_end_for_an_admission_before_2026() -> None:
    plan = a_plan(referred_on=d(2025, 11, 3), activities=(sfi("sfi-1", d(2025, 12, 31)),))
    assert K.SFI_RIGHT_END not in kinds(plan)
    reform = DEFAULT_PARAMETERS.with_value("sfi_right_years", 2, valid_from=d(2025, 12, 1))
    assert the(plan, K.SFI_RIGHT_END, parameters=reform).due == d(2027, 12, 31)


# -- study_plan_due: Skollagen (2010:800) 17 kap. 14 a § -----------------------------


def test_the_study_plan_is_due_two_months_after_language_introduction_starts() -> None:
    # 2025-09-01 + 2 months = Saturday 2025-11-01: act by Monday 2025-11-03.
    plan = a_plan(
        referred_on=d(2025, 9, 1),
        born=d(2008, 5, 12),
        programme=Programme.MUNICIPAL,
        activities=(
            intro("u-0", d(2025, 8, 18), status=ActivityStatus.CANCELLED),
            intro("u-2", d(2026, 1, 12)),
            intro("u-1", d(2025, 9, 1)),
        ),
    )
    due = the(plan, K.STUDY_PLAN_DUE)
    assert (due.due, due.act_by, due.subject) == (d(2025, 11, 1), d(2025, 11, 3), "u-1")
    assert due.explain("en") == (
        "the study plan for language introduction is due: 2025-11-01. Counted from the "
        "start of language introduction on 2025-09-01. May be done until 2025-11-03 "
        "(Lag 1930:173 2 §)."
    )
    assert due.description("sv") == "studieplanen för språkintroduktionen ska vara upprättad"
    assert K.STUDY_PLAN_DUE not in kinds(a_plan())


@given(plans())
def test_the_new_key_dates_follow_their_events(plan: Plan) -> None:
    found = deadlines(plan)
    by_kind = {deadline.kind: deadline for deadline in found}
    live = [a for a in plan.activities if a.status is not ActivityStatus.CANCELLED]
    target, start = by_kind.get(K.SFI_START_TARGET), by_kind.get(K.SFI_START)
    if target is not None:
        assert start is not None
        assert plan.programme is Programme.ESTABLISHMENT
        assert target.due <= start.due
    if start is not None:
        assert plan.participant.needs_sfi
    courses = sorted((a.start, a.id) for a in live if a.kind is ActivityKind.SFI)
    right = by_kind.get(K.SFI_RIGHT_END)
    if right is None:
        assert not courses or courses[0][0] < d(2026, 1, 1)
    else:
        assert right.subject == courses[0][1]
        assert right.due == add_years(courses[0][0], 3)
    intros = sorted((a.start, a.id) for a in live if a.kind is ActivityKind.UPPER_SECONDARY_INTRO)
    study = by_kind.get(K.STUDY_PLAN_DUE)
    assert (study is None) == (not intros)
    if study is not None:
        assert (study.due, study.subject) == (add_months(intros[0][0], 2), intros[0][1])
    cutoff = upper_secondary_cutoff(plan)
    if cutoff >= plan.start:
        assert by_kind[K.UPPER_SECONDARY_CUTOFF].due == cutoff


# -- follow_up and milestones --------------------------------------------------------


def test_follow_up_is_90_days_after_exit_and_moves_off_christmas_day() -> None:
    # Arbetsförmedlingen's 90-day measure; Lag (1930:173) 2 §: exit 2026-09-26 + 90 days is
    # juldagen 2026-12-25 (Fri); annandag jul is a Saturday: act by Monday 2026-12-28.
    plan = a_plan(exit=Exit(on=d(2026, 9, 26), reason=ExitReason.EMPLOYMENT))
    follow_up = the(plan, K.FOLLOW_UP)
    assert (follow_up.due, follow_up.act_by) == (d(2026, 12, 25), d(2026, 12, 28))


def test_there_is_no_follow_up_without_an_exit() -> None:
    assert K.FOLLOW_UP not in kinds(a_plan())


def test_each_milestone_is_a_key_date_named_by_its_id() -> None:
    # Förordning (2000:628) 6 §: dates that can be followed up. 2025-05-03 is a Saturday;
    # a milestone's due date is the plan's own and does not move.
    plan = a_plan(milestones=(milestone("m-b", d(2025, 5, 3)), milestone("m-a", d(2025, 5, 3))))
    found = [x for x in deadlines(plan) if x.kind is K.MILESTONE]
    assert [(x.subject, x.due, x.act_by) for x in found] == [
        ("m-a", d(2025, 5, 3), d(2025, 5, 3)),
        ("m-b", d(2025, 5, 3), d(2025, 5, 3)),
    ]


# -- order and presentation ----------------------------------------------------------


def test_key_dates_on_the_same_day_are_sorted_by_kind_then_subject() -> None:
    # On 2025-05-03: the window ends (registered 2022-05-03), so does the programme; SFI
    # (plan 2025-02-03 + 3 months), civic orientation (2024-05-03 + 12 months), the civic
    # orientation duty, the 18th birthday and two milestones. On 2027-06-30: the
    # upper-secondary cut-off, the follow-up (exit 2027-04-01 + 90 days) and a milestone.
    plan = a_plan(
        referred_on=d(2025, 2, 3),
        born=d(2007, 5, 3),
        registered=d(2022, 5, 3),
        needs_sfi=True,
        activities=(civic("so-1", d(2024, 5, 3)),),
        milestones=(
            milestone("m-c", d(2027, 6, 30)),
            milestone("m-b", d(2025, 5, 3)),
            milestone("m-a", d(2025, 5, 3)),
        ),
        exit=Exit(on=d(2027, 4, 1), reason=ExitReason.STUDIES),
    )
    assert [(x.due, x.kind, x.subject) for x in deadlines(plan)] == [
        (d(2025, 3, 3), K.SFI_START_TARGET, None),
        (d(2025, 5, 3), K.PROGRAMME_END, None),
        (d(2025, 5, 3), K.REGISTRATION_WINDOW_END, None),
        (d(2025, 5, 3), K.SFI_START, None),
        (d(2025, 5, 3), K.CIVIC_ORIENTATION_COMPLETE, "so-1"),
        (d(2025, 5, 3), K.CIVIC_ORIENTATION_DUTY_END, None),
        (d(2025, 5, 3), K.AGE_18, None),
        (d(2025, 5, 3), K.MILESTONE, "m-a"),
        (d(2025, 5, 3), K.MILESTONE, "m-b"),
        (d(2027, 6, 30), K.UPPER_SECONDARY_CUTOFF, None),
        (d(2027, 6, 30), K.FOLLOW_UP, None),
        (d(2027, 6, 30), K.MILESTONE, "m-c"),
        (d(2074, 5, 3), K.UPPER_AGE, None),
    ]


def test_the_kinds_are_declared_in_their_same_day_order() -> None:
    assert [kind.value for kind in DeadlineKind] == [
        "programme_end",
        "registration_window_end",
        "upper_age",
        "sfi_start_target",
        "sfi_start",
        "sfi_right_end",
        "civic_orientation_complete",
        "civic_orientation_duty_end",
        "age_18",
        "upper_secondary_cutoff",
        "study_plan_due",
        "follow_up",
        "milestone",
    ]


def test_the_sort_key_puts_a_missing_subject_first() -> None:
    day = d(2025, 5, 5)
    none = Deadline(kind=K.MILESTONE, due=day, act_by=day, subject=None, basis="b")
    named = Deadline(kind=K.MILESTONE, due=day, act_by=day, subject="", basis="b")
    later = Deadline(kind=K.PROGRAMME_END, due=d(2025, 5, 6), act_by=day, basis="b")
    assert sorted([later, named, none], key=lambda x: x.sort_key) == [none, named, later]


def test_a_description_exists_in_swedish_and_english() -> None:
    plan = a_plan(needs_sfi=True, registered=d(2024, 11, 4))
    for deadline in deadlines(plan):
        assert deadline.description() == deadline.description("sv")
        assert deadline.description("sv") != deadline.description("en")
    assert the(plan, K.SFI_START).description("sv") == "sfi ska ha påbörjats"
    assert the(plan, K.SFI_START).description("en") == "SFI should have started"


def test_a_description_in_another_language_is_refused() -> None:
    deadline = the(a_plan(), K.PROGRAMME_END)
    with pytest.raises(ValueError, match="'de'"):
        deadline.description("de")


def test_every_key_date_names_its_legal_basis() -> None:
    bases = {x.kind: x.basis for x in deadlines(a_plan(needs_sfi=True, registered=d(2024, 1, 1)))}
    assert "15 a §" in bases[K.REGISTRATION_WINDOW_END]
    assert "20 kap. 29 §" in bases[K.SFI_START]
    assert "Lag (2013:156) 4 §" in bases[K.CIVIC_ORIENTATION_DUTY_END]


def test_a_key_date_as_a_dict_is_json_ready() -> None:
    plan = a_plan(activities=(civic("so-1", d(2025, 6, 6)),))
    complete = the(plan, K.CIVIC_ORIENTATION_COMPLETE)
    data = complete.to_dict()
    assert data == {
        "kind": "civic_orientation_complete",
        "due": "2026-06-06",
        "act_by": "2026-06-08",
        "subject": "so-1",
        "basis": "Förordning (2010:1138) 4 §",
        "description": {
            "sv": "samhällsorienteringen ska vara slutförd",
            "en": "civic orientation should be completed",
        },
        "facts": {"event": "civic_orientation_start", "event_on": "2025-06-06"},
    }
    assert json.loads(json.dumps(data)) == data


def test_key_dates_pickle_round_trip() -> None:
    plan = a_plan(
        needs_sfi=True, registered=d(2024, 11, 4), activities=(civic("s", d(2025, 3, 3)),)
    )
    found = deadlines(plan)
    assert pickle.loads(pickle.dumps(found)) == found


def test_key_dates_are_frozen() -> None:
    deadline = the(a_plan(), K.PROGRAMME_END)
    with pytest.raises(AttributeError):
        deadline.due = d(2030, 1, 1)  # type: ignore[misc]


# -- properties ----------------------------------------------------------------------


@given(plans())
def test_programme_end_is_never_after_the_window_nor_on_or_after_the_upper_age(
    plan: Plan,
) -> None:
    found = deadlines(plan)
    end = [x for x in found if x.kind is K.PROGRAMME_END]
    window = [x for x in found if x.kind is K.REGISTRATION_WINDOW_END]
    upper = [x for x in found if x.kind is K.UPPER_AGE]
    if plan.programme is not Programme.ESTABLISHMENT:
        assert not end
        assert not window
        assert not upper
        return
    assert len(end) == len(upper) == 1
    assert len(window) == (plan.participant.first_registered_on is not None)
    assert end[0].due < upper[0].due
    if window:
        assert end[0].due <= window[0].due
    assert end[0].due <= allowance_end(plan)


@given(plans())
def test_key_dates_are_sorted_and_act_by_is_never_before_due(plan: Plan) -> None:
    found = deadlines(plan)
    assert list(found) == sorted(found, key=lambda x: x.sort_key)
    for deadline in found:
        assert deadline.act_by >= deadline.due
        if deadline.kind not in (
            K.SFI_START_TARGET,
            K.SFI_START,
            K.CIVIC_ORIENTATION_COMPLETE,
            K.STUDY_PLAN_DUE,
            K.FOLLOW_UP,
        ):
            assert deadline.act_by == deadline.due


@given(plans())
def test_key_dates_are_deterministic(plan: Plan) -> None:
    assert deadlines(plan) == deadlines(plan)
    assert deadlines(plan) == deadlines(pickle.loads(pickle.dumps(plan)))
