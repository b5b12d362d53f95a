"""The parts of a synthetic plan: its course of activities, absences and outcome.

Private to :mod:`handlingsplan.synthetic`; days are ordinals until a value is built
(see :mod:`handlingsplan._synthetic_values`).
"""

from __future__ import annotations

import datetime as _dt
import random
from typing import Final, NamedTuple

from ._synthetic_values import Parts, day, make
from .dates import birthday
from .model import (
    Absence,
    AbsenceReason,
    Activity,
    ActivityKind,
    ExitReason,
    Gender,
    Interruption,
    InterruptionReason,
    Milestone,
    MilestoneKind,
    OutcomeStatus,
    Participant,
    ParticipationChange,
    ParticipationReason,
)

__all__ = ["Course", "establishment_course", "minor_activities", "minor_milestones", "outcome"]

_D: Final = day
_K: Final = ActivityKind
_REASONS: Final = (
    ExitReason.EMPLOYMENT,
    ExitReason.STUDIES,
    ExitReason.TIME_LIMIT,
    ExitReason.PARENTAL_BENEFIT,
    ExitReason.SICKNESS,
    ExitReason.MOVED,
    ExitReason.OWN_BUSINESS,
    ExitReason.OTHER,
)
_WOMEN_REASONS: Final = (26, 16, 35, 10, 3, 5, 1, 4)
_MEN_REASONS: Final = (41, 14, 30, 2, 3, 6, 2, 2)
# The chance of work or studies at the follow-up after an exit for each reason.
_POSITIVE: Final = dict(zip(_REASONS, (0.75, 0.75, 0.2, 0.1, 0.1, 0.3, 0.75, 0.25), strict=True))
_PART_TIME: Final = (25, 50, 50, 75, 75, 60)
_PART_REASONS: Final = (
    ParticipationReason.PARENTAL_BENEFIT,
    ParticipationReason.CHILDCARE,
    ParticipationReason.SICKNESS,
    ParticipationReason.OTHER,
)
_PART_WEIGHTS: Final = (35, 30, 25, 10)
_CIVIC_HOURS_FROM: Final = _dt.date(2020, 2, 1).toordinal()  # 60 hours before, 100 after
_SHORT_ABSENCES: Final = (
    (AbsenceReason.SICKNESS, 1, 7),
    (AbsenceReason.SICKNESS, 1, 4),
    (AbsenceReason.FAMILY_REASONS, 1, 3),
    (AbsenceReason.OTHER, 1, 2),
)


class Course(NamedTuple):
    """An establishment plan's course: level, exit and what it holds."""

    percent: int
    reason: ParticipationReason | None
    changes: tuple[ParticipationChange, ...]
    exit: tuple[int, ExitReason]
    activities: tuple[Activity, ...]
    milestones: tuple[Milestone, ...]
    interruptions: tuple[Interruption, ...]
    absences: tuple[Absence, ...]


def _level(
    rng: random.Random, start: int
) -> tuple[int, ParticipationReason | None, tuple[ParticipationChange, ...]]:
    if rng.random() < 0.833:  # part time for about 15 % of all plans
        if rng.random() < 0.05:  # a level change later on, to part time
            reason = rng.choices(_PART_REASONS, _PART_WEIGHTS)[0]
            change = ParticipationChange(
                _D(start + rng.randint(60, 400)), rng.choice(_PART_TIME), reason
            )
            return 100, None, (change,)
        return 100, None, ()
    percent = rng.choice(_PART_TIME)
    reason = rng.choices(_PART_REASONS, _PART_WEIGHTS)[0]
    changes = (
        (make(ParticipationChange, on=_D(start + rng.randint(90, 360)), percent=100),)
        if rng.random() < 0.4
        else ()
    )
    return percent, reason, changes


def establishment_course(
    rng: random.Random, start: int, seen: int, person: Participant, registered: int
) -> Course:
    """The course of an establishment plan starting on ``start``, seen on ``seen``."""
    percent, reason, changes = _level(rng, start)
    # 24 months of full-time participation, stretched by part time, within 36 months
    # of the first registration (Lag 2017:584 15 §; Förordning 2017:820 7–10 §§).
    length = min(730 * 100 // (percent if not changes else 100), registered + 1095 - start)
    exit_reason = rng.choices(
        _REASONS, _WOMEN_REASONS if person.gender is Gender.FEMALE else _MEN_REASONS
    )[0]
    if exit_reason is ExitReason.TIME_LIMIT:
        exit_on = start + length
    else:
        exit_on = start + int(rng.triangular(60, length, length * 0.6))
    until = exit_on if exit_on <= seen else start + length
    plan = Parts(rng, seen, until)
    scale = percent / 100

    def hours(full: int) -> int:
        return max(1, round(full * scale))

    if person.needs_sfi:
        first = start + rng.randint(7, 30)
        sfi_end = plan.activity(
            _K.SFI, first, rng.randint(150, 330), hours(23 if person.short_education else 15)
        )
        plan.milestone(MilestoneKind.LANGUAGE, "SFI kurs C godkänd", sfi_end, 0.7, first)
        if sfi_end and rng.random() < 0.5:
            plan.activity(_K.SFI, sfi_end + rng.randint(14, 60), rng.randint(90, 200), hours(15))
    civic_start = start + rng.randint(14, 90)
    per_week = rng.choice((4, 5, 8, 10))
    total = (100 if civic_start >= _CIVIC_HOURS_FROM else 60) + rng.choice((0, 0, 0, 10, 20))
    civic_end = plan.activity(
        _K.CIVIC_ORIENTATION, civic_start, -(-total // per_week) * 7, per_week
    )
    plan.milestone(
        MilestoneKind.CIVIC_ORIENTATION, "Samhällsorientering klar", civic_end, 0.9, civic_start
    )
    for kind, chance, first, last, shortest, longest, full in (
        (_K.JOB_PREPARATION, 0.35, 30, 200, 30, 120, 20),
        (_K.VALIDATION, 0.15, 60, 300, 20, 90, 15),
        (_K.WORK_EXPERIENCE, 0.4, 180, 500, 30, 90, 30),
        (_K.WORK_TRAINING, 0.1, 200, 500, 60, 180, 30),
        (_K.ADULT_EDUCATION, 0.6 if person.short_education else 0.05, 200, 400, 150, 300, 20),
    ):
        if rng.random() < chance:
            plan.activity(
                kind, start + rng.randint(first, last), rng.randint(shortest, longest), hours(full)
            )
    job_due = start + rng.randint(450, 700)
    plan.milestone(MilestoneKind.EMPLOYMENT, "Anställning", job_due, 0.0, start)
    interruptions, absences = _away(rng, start, min(until, seen), person)
    return Course(
        percent=percent,
        reason=reason,
        changes=tuple(change for change in changes if change.on.toordinal() <= until),
        exit=(exit_on, exit_reason),
        activities=tuple(plan.activities),
        milestones=tuple(plan.milestones),
        interruptions=interruptions,
        absences=absences,
    )


def _away(
    rng: random.Random, start: int, last: int, person: Participant
) -> tuple[tuple[Interruption, ...], tuple[Absence, ...]]:
    """Short absences, a few long sick leaves and parental-benefit interruptions."""
    interruptions: list[Interruption] = []
    absences: list[Absence] = []
    cursor = start + rng.randint(20, 120)
    for _ in range(rng.choice((0, 0, 0, 1, 1, 2, 3))):
        kind, shortest, longest = rng.choice(_SHORT_ABSENCES)
        end = cursor + rng.randint(shortest, longest) - 1
        if end > last:
            break
        absences.append(make(Absence, start=_D(cursor), end=_D(end), reason=kind))
        cursor = end + rng.randint(20, 150)
    roll = rng.random()
    if roll < 0.04:  # a full-time sick leave of more than 30 days: withdrawn from day 31
        end = cursor + rng.randint(35, 120) - 1
        if end <= last:
            absences.append(
                make(Absence, start=_D(cursor), end=_D(cursor + 29), reason=AbsenceReason.SICKNESS)
            )
            interruptions.append(
                make(
                    Interruption,
                    start=_D(cursor + 30),
                    end=_D(end),
                    reason=InterruptionReason.SICKNESS,
                )
            )
    elif roll < (0.12 if person.gender is Gender.FEMALE else 0.06):
        end = cursor + rng.randint(60, 300)
        if end <= last:
            interruptions.append(
                make(
                    Interruption,
                    start=_D(cursor),
                    end=_D(end),
                    reason=InterruptionReason.PARENTAL_BENEFIT,
                )
            )
    return tuple(interruptions), tuple(absences)


def outcome(rng: random.Random, reason: ExitReason, gender: Gender | None) -> OutcomeStatus:
    """The status at the follow-up after an exit for ``reason``."""
    if rng.random() < _POSITIVE[reason]:
        if reason in (ExitReason.EMPLOYMENT, ExitReason.OWN_BUSINESS):
            return OutcomeStatus.WORK if rng.random() < 0.9 else OutcomeStatus.WORK_AND_STUDIES
        if reason is ExitReason.STUDIES:
            return OutcomeStatus.STUDIES if rng.random() < 0.85 else OutcomeStatus.WORK_AND_STUDIES
        return rng.choice((OutcomeStatus.WORK, OutcomeStatus.STUDIES))
    roll = rng.random()
    if roll < 0.06:
        return OutcomeStatus.UNKNOWN
    return OutcomeStatus.JOB_SEEKING if roll < 0.7 else OutcomeStatus.OTHER


def minor_activities(
    rng: random.Random, referred: int, seen: int, born: _dt.date
) -> tuple[Activity, ...]:
    """A guardian, a placement for minors only, language introduction, supported housing."""
    adult = birthday(born, 18).toordinal()
    plan = Parts(rng, seen, birthday(born, 21).toordinal() - 1)
    plan.activity(_K.GUARDIAN_SUPPORT, referred, adult - referred, 2, minors_only=True)
    provider = "HVB Kronoberg" if rng.random() < 0.6 else "Familjehem"
    plan.activity(_K.PLACEMENT, referred, adult - referred, 0, provider=provider, minors_only=True)
    intro_start = referred + rng.randint(7, 30)
    intro_end = _dt.date(born.year + 19, 6, 10).toordinal()
    plan.activity(_K.UPPER_SECONDARY_INTRO, intro_start, intro_end - intro_start + 1, 23)
    if rng.random() < 0.6:  # supported housing is for ages 16–20
        plan.activity(_K.HOUSING_SUPPORT, adult, rng.randint(180, 700), 0, provider="Stödboende")
    return tuple(plan.activities)


def minor_milestones(
    rng: random.Random, referred: int, seen: int, born: _dt.date
) -> tuple[Milestone, ...]:
    """A study plan within two months, a transition plan well before the 18th birthday."""
    adult = birthday(born, 18).toordinal()
    plan = Parts(rng, seen, adult)
    plan.milestone(
        MilestoneKind.STUDY_PLAN,
        "Studieplan för språkintroduktionen",
        referred + 60,
        0.85,
        referred,
    )
    due = max(referred + 30, adult - rng.randint(60, 150))
    plan.milestone(
        MilestoneKind.TRANSITION_PLAN,
        "Plan inför 18 år: boende, skola, god man",
        due,
        0.8,
        referred,
    )
    return tuple(plan.milestones)
