"""Tests for :mod:`handlingsplan.history`: revisions, diffs, re-deciding, the plan lifecycle."""

from __future__ import annotations

import datetime as _dt
import itertools
import json
from collections.abc import Callable
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from _profiles import examples
from handlingsplan import (
    DEFAULT_PARAMETERS,
    DEFAULT_RULES,
    Absence,
    AbsenceReason,
    Activity,
    ActivityKind,
    ActivityStatus,
    Exit,
    ExitReason,
    FollowUp,
    IdentityNumber,
    Interruption,
    InterruptionReason,
    InvalidPlanError,
    Milestone,
    MilestoneKind,
    OutcomeStatus,
    Participant,
    ParticipationChange,
    ParticipationReason,
    Permit,
    PermitKind,
    Plan,
    Programme,
    RuleSet,
    evaluate,
)
from handlingsplan.history import (
    AuthorRole,
    CollectionDiff,
    FieldChange,
    FindingPeriod,
    HistoryStep,
    ItemChange,
    PlanDiff,
    PlanHistory,
    Revision,
    diff,
    evaluate_history,
    finding_key,
    finding_timeline,
    re_decide,
)
from handlingsplan.serialization import from_dict, to_dict
from handlingsplan.strategies import activities, dates, plans

Errors = tuple[tuple[str, str], ...]


def d(text: str) -> pendulum.Date:
    """The date written ``YYYY-MM-DD``."""
    day = _dt.date.fromisoformat(text)
    return pendulum.Date(day.year, day.month, day.day)


def errors_of(call: Callable[[], object]) -> Errors:
    with pytest.raises(InvalidPlanError) as caught:
        call()
    return caught.value.errors


# -- builders --------------------------------------------------------------------------


def person(**changes: Any) -> Participant:
    fields: dict[str, Any] = {
        "id": "deltagare-1",
        "birth_date": d("1990-05-17"),
        "first_registered_on": d("2024-11-04"),
        "permit": Permit(kind=PermitKind.REFUGEE, granted_on=d("2024-09-02")),
    }
    fields.update(changes)
    return Participant(**fields)


def sfi(**changes: Any) -> Activity:
    fields: dict[str, Any] = {
        "id": "sfi-1",
        "kind": ActivityKind.SFI,
        "start": d("2025-02-10"),
        "end": d("2025-12-19"),
        "hours_per_week": 15,
    }
    fields.update(changes)
    return Activity(**fields)


def practice(**changes: Any) -> Activity:
    fields: dict[str, Any] = {
        "id": "praktik-1",
        "kind": ActivityKind.WORK_EXPERIENCE,
        "start": d("2025-03-03"),
        "end": d("2025-05-30"),
        "hours_per_week": 25,
    }
    fields.update(changes)
    return Activity(**fields)


def language_goal(**changes: Any) -> Milestone:
    fields: dict[str, Any] = {
        "id": "ms-1",
        "kind": MilestoneKind.LANGUAGE,
        "title": "SFI kurs B",
        "due": d("2025-06-30"),
    }
    fields.update(changes)
    return Milestone(**fields)


def sick(start: str = "2025-04-01", end: str = "2025-04-30") -> Interruption:
    return Interruption(start=d(start), end=d(end), reason=InterruptionReason.SICKNESS)


def plan(**changes: Any) -> Plan:
    fields: dict[str, Any] = {
        "id": "plan-1",
        "participant": person(),
        "referred_on": d("2025-02-03"),
        "activities": (sfi(),),
        "milestones": (language_goal(),),
    }
    fields.update(changes)
    return Plan(**fields)


FIRST = plan()
SECOND = FIRST.with_activity(practice())
THIRD = SECOND.set_activity_status("sfi-1", "active")


def three_revisions() -> PlanHistory:
    """Recorded on 2025-02-03, 2025-02-12 and twice on 2025-02-14."""
    return (
        PlanHistory.begin(FIRST, recorded_on=d("2025-02-03"), reason="Planen upprättad")
        .append(SECOND, recorded_on=d("2025-02-12"), author_role="job_agent")
        .append(SECOND, recorded_on=d("2025-02-14"), reason="Rättelse")
        .append(
            THIRD,
            recorded_on=d("2025-02-14"),
            reason="SFI har börjat",
            author_role=AuthorRole.LANGUAGE_TEACHER,
        )
    )


# -- author roles and revisions ----------------------------------------------------------


def test_author_roles_are_snake_case_strings() -> None:
    assert [role.value for role in AuthorRole] == [
        "employment_officer",
        "job_agent",
        "social_worker",
        "civic_counsellor",
        "language_teacher",
        "other",
    ]
    assert AuthorRole("civic_counsellor") is AuthorRole.CIVIC_COUNSELLOR


def test_a_revision_normalises_its_date_and_role() -> None:
    revision = Revision(
        plan=FIRST,
        recorded_on=_dt.date(2025, 2, 3),
        author_role="social_worker",  # type: ignore[arg-type]
    )
    assert type(revision.recorded_on) is pendulum.Date
    assert revision.author_role is AuthorRole.SOCIAL_WORKER
    assert revision.reason is None


def test_a_revision_reports_every_problem_at_once() -> None:
    errors = errors_of(
        lambda: Revision(
            plan="plan-1",  # type: ignore[arg-type]
            recorded_on=_dt.datetime(2025, 2, 3, 9, 30),  # noqa: DTZ001
            reason="  ",
            author_role="boss",  # type: ignore[arg-type]
        )
    )
    assert errors == (
        ("plan", "expected a Plan, got a string 'plan-1'"),
        ("recorded_on", "expected a date, got a date-time 2025-02-03T09:30:00"),
        ("reason", "expected a non-empty string, got a blank one"),
        (
            "author_role",
            "expected one of employment_officer, job_agent, social_worker, civic_counsellor, "
            "language_teacher, other; got a string 'boss'",
        ),
    )


def test_a_revision_is_frozen() -> None:
    revision = Revision(plan=FIRST, recorded_on=d("2025-02-03"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        revision.reason = "changed"  # type: ignore[misc]


# -- the history -------------------------------------------------------------------------


def test_a_history_begins_with_one_revision() -> None:
    history = PlanHistory.begin(
        FIRST, recorded_on=d("2025-02-03"), reason="Planen upprättad", author_role="other"
    )
    assert len(history) == 1
    assert history.plan_id == "plan-1"
    assert history.latest is FIRST
    assert list(history) == [
        Revision(
            plan=FIRST,
            recorded_on=d("2025-02-03"),
            reason="Planen upprättad",
            author_role=AuthorRole.OTHER,
        )
    ]


def test_append_returns_a_new_history_and_leaves_the_old_one_alone() -> None:
    first = PlanHistory.begin(FIRST, recorded_on=d("2025-02-03"))
    second = first.append(SECOND, recorded_on=d("2025-02-12"))
    assert len(first) == 1
    assert len(second) == 2
    assert second.latest is SECOND
    assert second.revisions[0] is first.revisions[0]


def test_a_history_takes_a_list_and_keeps_a_tuple() -> None:
    revision = Revision(plan=FIRST, recorded_on=d("2025-02-03"))
    history = PlanHistory(revisions=[revision])  # type: ignore[arg-type]
    assert history.revisions == (revision,)


def test_an_empty_history_is_refused() -> None:
    assert errors_of(lambda: PlanHistory(revisions=())) == (
        ("revisions", "expected at least one revision, got none"),
    )


def test_a_history_needs_a_sequence_of_revisions() -> None:
    assert errors_of(lambda: PlanHistory(revisions="plan-1")) == (  # type: ignore[arg-type]
        ("revisions", "expected an array of Revision, got a string 'plan-1'"),
    )
    revision = Revision(plan=FIRST, recorded_on=d("2025-02-03"))
    ((path, message),) = errors_of(
        lambda: PlanHistory(revisions=(revision, FIRST))  # type: ignore[arg-type]
    )
    assert path == "revisions[1]"
    assert message == "expected a Revision, got a Plan"


def test_revisions_out_of_order_are_refused_with_their_paths() -> None:
    revisions = [
        Revision(plan=FIRST, recorded_on=d("2025-03-01")),
        Revision(plan=SECOND, recorded_on=d("2025-03-01")),
        Revision(plan=SECOND, recorded_on=d("2025-01-15")),
        Revision(plan=THIRD, recorded_on=d("2025-02-20")),
        Revision(plan=THIRD, recorded_on=d("2025-03-02")),
    ]
    assert errors_of(lambda: PlanHistory(revisions=tuple(revisions))) == (
        ("revisions[2].recorded_on", "2025-01-15 is before revisions[1].recorded_on 2025-03-01"),
        ("revisions[3].recorded_on", "2025-02-20 is before revisions[1].recorded_on 2025-03-01"),
    )


def test_revisions_of_another_plan_are_refused() -> None:
    other = attrs.evolve(SECOND, id="plan-2")
    revisions = (
        Revision(plan=FIRST, recorded_on=d("2025-02-03")),
        Revision(plan=other, recorded_on=d("2025-02-01")),
        Revision(plan=THIRD, recorded_on=d("2025-02-14")),
    )
    assert errors_of(lambda: PlanHistory(revisions=revisions)) == (
        ("revisions[1].plan.id", "'plan-2' is not the history's plan id 'plan-1' (revisions[0])"),
        ("revisions[1].recorded_on", "2025-02-01 is before revisions[0].recorded_on 2025-02-03"),
    )


def test_a_bad_item_does_not_hide_the_order_of_the_others() -> None:
    revisions = (
        "not a revision",
        Revision(plan=FIRST, recorded_on=d("2025-02-03")),
        Revision(plan=SECOND, recorded_on=d("2025-02-01")),
    )
    assert errors_of(lambda: PlanHistory(revisions=revisions)) == (  # type: ignore[arg-type]
        ("revisions[0]", "expected a Revision, got a string 'not a revision'"),
        ("revisions[2].recorded_on", "2025-02-01 is before revisions[1].recorded_on 2025-02-03"),
    )


def test_append_refuses_a_day_before_the_last_revision() -> None:
    history = three_revisions()
    assert errors_of(lambda: history.append(THIRD, recorded_on=d("2025-02-13"))) == (
        ("revisions[4].recorded_on", "2025-02-13 is before revisions[3].recorded_on 2025-02-14"),
    )


def test_append_refuses_another_plan() -> None:
    history = three_revisions()
    other = attrs.evolve(THIRD, id="plan-2")
    assert errors_of(lambda: history.append(other, recorded_on=d("2025-03-01"))) == (
        ("revisions[4].plan.id", "'plan-2' is not the history's plan id 'plan-1' (revisions[0])"),
    )


def test_append_places_the_revisions_own_problems_under_its_index() -> None:
    history = three_revisions()
    errors = errors_of(
        lambda: history.append(
            THIRD,
            recorded_on=_dt.datetime(2025, 3, 1, 8, 0),  # noqa: DTZ001
            reason="",
            author_role="boss",
        )
    )
    assert [path for path, _ in errors] == [
        "revisions[4].recorded_on",
        "revisions[4].reason",
        "revisions[4].author_role",
    ]
    assert errors_of(lambda: PlanHistory.begin(FIRST, recorded_on="2025-02-03")) == (  # type: ignore[arg-type]
        ("revisions[0].recorded_on", "expected a date, got a string '2025-02-03'"),
    )


def test_two_revisions_may_share_a_day() -> None:
    history = three_revisions()
    assert [revision.recorded_on for revision in history] == [
        d("2025-02-03"),
        d("2025-02-12"),
        d("2025-02-14"),
        d("2025-02-14"),
    ]


def test_a_history_is_a_hashable_value() -> None:
    assert three_revisions() == three_revisions()
    assert hash(three_revisions()) == hash(three_revisions())
    assert three_revisions() != PlanHistory.begin(FIRST, recorded_on=d("2025-02-03"))


# -- the plan as recorded on a day ---------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        pytest.param("2025-02-02", None, id="the day before the first revision"),
        pytest.param("2025-02-03", 0, id="the day of the first revision"),
        pytest.param("2025-02-11", 0, id="between the first and the second"),
        pytest.param("2025-02-12", 1, id="the day of the second"),
        pytest.param("2025-02-13", 1, id="the day before two revisions on one day"),
        pytest.param("2025-02-14", 3, id="a day with two revisions: the later one wins"),
        pytest.param("2030-01-01", 3, id="after the last revision"),
    ],
)
def test_as_recorded_on_gives_the_revision_in_force(day: str, expected: int | None) -> None:
    history = three_revisions()
    revision = history.revision_on(d(day))
    plan_then = history.as_recorded_on(d(day))
    if expected is None:
        assert revision is None
        assert plan_then is None
    else:
        assert revision is history.revisions[expected]
        assert plan_then is history.revisions[expected].plan


def test_as_recorded_on_takes_a_plain_date() -> None:
    assert three_revisions().as_recorded_on(_dt.date(2025, 2, 12)) is SECOND


def test_as_recorded_on_refuses_a_datetime() -> None:
    with pytest.raises(TypeError, match="day must be a date, not a datetime"):
        three_revisions().as_recorded_on(_dt.datetime(2025, 2, 12, 12, 0))  # noqa: DTZ001


# -- diffs ---------------------------------------------------------------------------------


def test_the_diff_of_a_plan_with_itself_is_empty() -> None:
    change = diff(FIRST, FIRST)
    assert change == PlanDiff()
    assert change.is_empty
    assert change.activities.is_empty
    assert change.render("sv") == ("Inga ändringar.",)
    assert change.render("en") == ("No changes.",)
    assert change.apply(FIRST) == FIRST


def test_a_diff_lists_an_added_activity() -> None:
    change = diff(FIRST, SECOND)
    assert change == PlanDiff(activities=CollectionDiff(added=(practice(),)))
    assert not change.is_empty
    assert not change.activities.is_empty
    assert change.milestones.is_empty
    assert change.render("en") == (
        "Activity praktik-1 added: work_experience, 2025-03-03 to 2025-05-30, 25 h/week, planned",
    )
    assert change.render("sv") == (
        "Aktiviteten praktik-1 lades till: "
        "arbetspraktik, 2025-03-03–2025-05-30, 25 tim/vecka, planerad",
    )


def test_a_diff_lists_the_fields_that_changed_in_an_activity() -> None:
    new = attrs.evolve(
        SECOND.set_activity_status("sfi-1", "active"),
        activities=(
            sfi(status=ActivityStatus.ACTIVE, hours_per_week=17.5, provider="Vux"),
            practice(),
        ),
    )
    change = diff(SECOND, new)
    assert change.activities == CollectionDiff(
        changed=(
            ItemChange(
                id="sfi-1",
                changes=(
                    FieldChange(field="hours_per_week", old=15, new=17.5),
                    FieldChange(
                        field="status", old=ActivityStatus.PLANNED, new=ActivityStatus.ACTIVE
                    ),
                    FieldChange(field="provider", old=None, new="Vux"),
                ),
            ),
        )
    )
    assert change.render("en") == (
        "Activity sfi-1: hours_per_week changed from 15 to 17.5",
        "Activity sfi-1: status changed from planned to active",
        'Activity sfi-1: provider changed from none to "Vux"',
    )
    assert change.render("sv") == (
        "Aktiviteten sfi-1: hours_per_week ändrades från 15 till 17.5",
        "Aktiviteten sfi-1: status ändrades från planerad till pågår",
        'Aktiviteten sfi-1: provider ändrades från inget till "Vux"',
    )


def test_a_diff_lists_a_removed_activity_and_milestone_changes() -> None:
    old = plan(
        milestones=(language_goal(), language_goal(id="ms-2", title="Körkort", due=d("2025-09-30")))
    )
    new = attrs.evolve(
        old,
        activities=(),
        milestones=(
            language_goal(achieved_on=d("2025-06-12")),
            Milestone(
                id="ms-3",
                kind=MilestoneKind.EMPLOYMENT,
                title="Anställning",
                due=d("2025-12-31"),
                achieved_on=d("2025-11-03"),
            ),
        ),
    )
    change = diff(old, new)
    assert change.activities == CollectionDiff(removed=(sfi(),))
    assert change.milestones.removed == (old.milestones[1],)
    assert change.milestones.added == (new.milestones[1],)
    assert change.render("en") == (
        "Activity sfi-1 removed: sfi, 2025-02-10 to 2025-12-19, 15 h/week, planned",
        'Milestone ms-2 removed: language, "Körkort", due 2025-09-30',
        "Milestone ms-1: achieved_on changed from none to 2025-06-12",
        'Milestone ms-3 added: employment, "Anställning", due 2025-12-31, achieved 2025-11-03',
    )
    assert change.render("sv") == (
        "Aktiviteten sfi-1 togs bort: sfi, 2025-02-10–2025-12-19, 15 tim/vecka, planerad",
        'Delmålet ms-2 togs bort: språk, "Körkort", senast 2025-09-30',
        "Delmålet ms-1: achieved_on ändrades från inget till 2025-06-12",
        'Delmålet ms-3 lades till: arbete, "Anställning", senast 2025-12-31, uppnått 2025-11-03',
    )
    assert change.apply(old) == new


def test_a_diff_lists_the_plans_own_fields() -> None:
    old = plan(plan_made_on=d("2025-02-17"))
    new = attrs.evolve(
        old,
        referred_on=d("2025-02-05"),
        programme=Programme.MUNICIPAL,
        plan_made_on=None,
        participation_percent=75,
    )
    change = diff(old, new)
    assert change.fields == (
        FieldChange(field="referred_on", old=d("2025-02-03"), new=d("2025-02-05")),
        FieldChange(field="programme", old=Programme.ESTABLISHMENT, new=Programme.MUNICIPAL),
        FieldChange(field="plan_made_on", old=d("2025-02-17"), new=None),
        FieldChange(field="participation_percent", old=100, new=75),
    )
    assert change.render("en") == (
        "referred_on changed from 2025-02-03 to 2025-02-05",
        "programme changed from establishment to municipal",
        "plan_made_on changed from 2025-02-17 to none",
        "participation_percent changed from 100 to 75",
    )
    assert change.render("sv")[0] == "referred_on ändrades från 2025-02-03 till 2025-02-05"
    assert change.render("sv")[2] == "plan_made_on ändrades från 2025-02-17 till inget"


def test_a_diff_covers_a_change_of_plan_id() -> None:
    change = diff(FIRST, attrs.evolve(FIRST, id="plan-2"))
    assert change.fields == (FieldChange(field="id", old="plan-1", new="plan-2"),)
    assert change.render("en") == ('id changed from "plan-1" to "plan-2"',)


def test_a_diff_lists_participant_changes_and_masks_the_identity_number() -> None:
    number = IdentityNumber("19850709-9805")
    old = plan(participant=person(birth_date=d("1985-07-09")))
    new = attrs.evolve(
        old,
        participant=person(
            birth_date=d("1985-07-09"),
            identity_number=number,
            short_education=True,
            permit=Permit(
                kind=PermitKind.FAMILY_MEMBER,
                granted_on=d("2024-09-02"),
                applied_on=d("2024-03-01"),
            ),
        ),
    )
    change = diff(old, new)
    assert [item.field for item in change.participant] == [
        "identity_number",
        "permit",
        "short_education",
    ]
    assert change.render("en") == (
        "Participant: identity_number changed from none to 19850709-****",
        "Participant: permit changed from kind=refugee, granted_on=2024-09-02 "
        "to kind=family_member, granted_on=2024-09-02, applied_on=2024-03-01",
        "Participant: short_education changed from no to yes",
    )
    assert change.render("sv") == (
        "Deltagaren: identity_number ändrades från inget till 19850709-****",
        "Deltagaren: permit ändrades från kind=flykting, granted_on=2024-09-02 "
        "till kind=anhörig, granted_on=2024-09-02, applied_on=2024-03-01",
        "Deltagaren: short_education ändrades från nej till ja",
    )
    data = change.to_dict()
    assert data["participant"][0] == {
        "field": "identity_number",
        "old": None,
        "new": "19850709-****",
    }
    assert data["participant"][1]["new"] == {
        "kind": "family_member",
        "granted_on": "2024-09-02",
        "applied_on": "2024-03-01",
        "anchor_first_received_on": None,
    }
    assert "9805" not in json.dumps(data)
    assert change.apply(old) == new


def test_a_diff_matches_interruptions_by_value() -> None:
    old = plan(interruptions=(sick(), sick("2025-06-01", "2025-06-30")))
    new = attrs.evolve(
        old,
        interruptions=(
            sick(),
            Interruption(
                start=d("2025-06-01"),
                end=d("2025-08-31"),
                reason=InterruptionReason.PARENTAL_BENEFIT,
            ),
        ),
    )
    change = diff(old, new)
    assert change.interruptions == CollectionDiff(
        added=(new.interruptions[1],), removed=(old.interruptions[1],)
    )
    assert change.render("en") == (
        "Interruption 2025-06-01 to 2025-06-30 (sickness) removed",
        "Interruption 2025-06-01 to 2025-08-31 (parental_benefit) added",
    )
    assert change.render("sv") == (
        "Avbrottet 2025-06-01–2025-06-30 (sjukdom) togs bort",
        "Avbrottet 2025-06-01–2025-08-31 (föräldrapenning) lades till",
    )
    assert change.apply(old) == new


EXIT = Exit(on=d("2025-10-31"), reason=ExitReason.EMPLOYMENT)
LATER_EXIT = Exit(on=d("2025-11-14"), reason=ExitReason.EMPLOYMENT)
FOLLOW_UP = FollowUp(on=d("2026-01-29"), status=OutcomeStatus.WORK)


@pytest.mark.parametrize(
    ("old", "new", "en", "sv"),
    [
        pytest.param(
            {},
            {"exit": EXIT},
            ("Exit 2025-10-31 (employment) recorded",),
            ("Avslutet 2025-10-31 (arbete) registrerades",),
            id="an exit set",
        ),
        pytest.param(
            {"exit": EXIT},
            {"exit": LATER_EXIT},
            ("Exit changed from 2025-10-31 (employment) to 2025-11-14 (employment)",),
            ("Avslutet ändrades från 2025-10-31 (arbete) till 2025-11-14 (arbete)",),
            id="an exit changed",
        ),
        pytest.param(
            {"exit": EXIT},
            {},
            ("Exit 2025-10-31 (employment) removed",),
            ("Avslutet 2025-10-31 (arbete) togs bort",),
            id="an exit removed",
        ),
        pytest.param(
            {"exit": EXIT},
            {"exit": EXIT, "follow_up": FOLLOW_UP},
            ("Follow-up 2026-01-29 (work) recorded",),
            ("Uppföljningen 2026-01-29 (arbete) registrerades",),
            id="a follow-up set",
        ),
        pytest.param(
            {"exit": EXIT, "follow_up": FOLLOW_UP},
            {"exit": EXIT, "follow_up": attrs.evolve(FOLLOW_UP, status=OutcomeStatus.STUDIES)},
            ("Follow-up changed from 2026-01-29 (work) to 2026-01-29 (studies)",),
            ("Uppföljningen ändrades från 2026-01-29 (arbete) till 2026-01-29 (studier)",),
            id="a follow-up changed",
        ),
        pytest.param(
            {"exit": EXIT, "follow_up": FOLLOW_UP},
            {"exit": EXIT},
            ("Follow-up 2026-01-29 (work) removed",),
            ("Uppföljningen 2026-01-29 (arbete) togs bort",),
            id="a follow-up removed",
        ),
    ],
)
def test_a_diff_shows_an_exit_or_follow_up_set_changed_or_removed(
    old: dict[str, Any], new: dict[str, Any], en: tuple[str, ...], sv: tuple[str, ...]
) -> None:
    before, after = plan(**old), plan(**new)
    change = diff(before, after)
    assert change.render("en") == en
    assert change.render("sv") == sv
    assert change.apply(before) == after


def test_a_diff_records_a_new_order_only_when_it_does_not_follow() -> None:
    old = plan(
        activities=(sfi(), practice()),
        interruptions=(sick(), sick("2025-06-01", "2025-06-30")),
        milestones=(language_goal(), language_goal(id="ms-2")),
    )
    new = attrs.evolve(
        old,
        activities=(practice(), sfi()),
        interruptions=tuple(reversed(old.interruptions)),
        milestones=(language_goal(id="ms-2"), language_goal()),
    )
    change = diff(old, new)
    assert change.activities == CollectionDiff(order=("praktik-1", "sfi-1"))
    assert change.milestones == CollectionDiff(order=("ms-2", "ms-1"))
    assert change.interruptions == CollectionDiff(order=new.interruptions)
    assert change.render("en") == (
        "Activities reordered: praktik-1, sfi-1",
        "Milestones reordered: ms-2, ms-1",
        "Interruptions reordered: 2025-06-01 to 2025-06-30 (sickness); "
        "2025-04-01 to 2025-04-30 (sickness)",
    )
    assert change.render("sv") == (
        "Aktiviteterna fick ordningen praktik-1, sfi-1",
        "Delmålen fick ordningen ms-2, ms-1",
        "Avbrotten fick ordningen 2025-06-01–2025-06-30 (sjukdom); 2025-04-01–2025-04-30 (sjukdom)",
    )
    assert change.apply(old) == new
    # Added items go to the end: no order is needed for that.
    assert diff(FIRST, SECOND).activities.order is None


def test_render_refuses_another_locale() -> None:
    with pytest.raises(ValueError, match=r"locale must be one of \('sv', 'en'\), not 'de'"):
        diff(FIRST, SECOND).render("de")
    with pytest.raises(ValueError, match="locale must be one of"):
        PlanDiff().render("fi")


def test_render_shows_a_value_of_another_type_as_text() -> None:
    change = PlanDiff(fields=(FieldChange(field="notes", old=["a"], new=["a", "b"]),))
    assert change.render("en") == ("notes changed from ['a'] to ['a', 'b']",)


def test_render_defaults_to_swedish() -> None:
    assert diff(FIRST, SECOND).render() == diff(FIRST, SECOND).render("sv")


def test_diff_takes_plans_only() -> None:
    with pytest.raises(TypeError, match="diff takes two Plan values; old is dict"):
        diff({}, FIRST)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="diff takes two Plan values; new is NoneType"):
        diff(FIRST, None)  # type: ignore[arg-type]


def test_to_dict_is_json_ready() -> None:
    old = plan(interruptions=(sick(),))
    new = attrs.evolve(
        old.set_activity_status("sfi-1", "active").with_activity(practice()),
        interruptions=(),
        exit=EXIT,
        participation_percent=50,
    )
    data = diff(old, new).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data == {
        "fields": [{"field": "participation_percent", "old": 100, "new": 50}],
        "participant": [],
        "activities": {
            "added": [
                {
                    "id": "praktik-1",
                    "kind": "work_experience",
                    "start": "2025-03-03",
                    "end": "2025-05-30",
                    "hours_per_week": 25,
                    "status": "planned",
                    "provider": None,
                    "area": "labour_market",
                    "minors_only": False,
                }
            ],
            "removed": [],
            "changed": [
                {
                    "id": "sfi-1",
                    "changes": [{"field": "status", "old": "planned", "new": "active"}],
                }
            ],
            "order": None,
        },
        "milestones": {"added": [], "removed": [], "changed": [], "order": None},
        "interruptions": {
            "added": [],
            "removed": [{"start": "2025-04-01", "end": "2025-04-30", "reason": "sickness"}],
            "changed": [],
            "order": None,
        },
        "participation_changes": {"added": [], "removed": [], "changed": [], "order": None},
        "absences": {"added": [], "removed": [], "changed": [], "order": None},
        "exit": {
            "field": "exit",
            "old": None,
            "new": {"on": "2025-10-31", "reason": "employment"},
        },
        "follow_up": None,
    }


def test_to_dict_gives_orders_as_lists() -> None:
    old = plan(activities=(sfi(), practice()))
    data = diff(old, attrs.evolve(old, activities=(practice(), sfi()))).to_dict()
    assert data["activities"]["order"] == ["praktik-1", "sfi-1"]


# -- applying diffs ------------------------------------------------------------------------


def test_applying_the_diffs_of_a_history_gives_every_revision() -> None:
    history = three_revisions()
    current = history.revisions[0].plan
    changes = history.diffs()
    assert len(changes) == 3
    assert changes[1].is_empty
    for change, revision in zip(changes, history.revisions[1:], strict=True):
        current = change.apply(current)
        assert current == revision.plan


def test_apply_patches_a_plan_that_differs_elsewhere() -> None:
    change = diff(FIRST, SECOND)
    elsewhere = attrs.evolve(FIRST, plan_made_on=d("2025-02-20"))
    assert change.apply(elsewhere) == attrs.evolve(SECOND, plan_made_on=d("2025-02-20"))


def test_apply_refuses_a_plan_whose_values_differ_from_the_diffs_old_ones() -> None:
    old = plan(
        activities=(sfi(), practice()),
        interruptions=(sick(),),
        participation_percent=80,
        exit=EXIT,
    )
    new = attrs.evolve(
        old,
        participant=person(needs_sfi=False),
        activities=(sfi(hours_per_week=20),),
        interruptions=(),
        participation_percent=100,
        exit=LATER_EXIT,
    )
    change = diff(old, new)
    other = plan(
        participant=person(needs_sfi=False),
        activities=(sfi(hours_per_week=10), practice(hours_per_week=30)),
        interruptions=(sick("2025-05-01", "2025-05-02"),),
        participation_percent=90,
        exit=LATER_EXIT,
    )
    assert errors_of(lambda: change.apply(other)) == (
        ("participation_percent", "is 90, but the diff expects 80"),
        (
            "exit",
            "is 2025-11-14 (employment), but the diff expects 2025-10-31 (employment)",
        ),
        ("participant.needs_sfi", "is no, but the diff expects yes"),
        (
            "activities[1]",
            "is work_experience, 2025-03-03 to 2025-05-30, 30 h/week, planned, "
            "but the diff expects work_experience, 2025-03-03 to 2025-05-30, 25 h/week, planned",
        ),
        ("activities[0].hours_per_week", "is 10, but the diff expects 15"),
        ("interruptions", "has no interruption 2025-04-01 to 2025-04-30 (sickness)"),
    )


def test_apply_refuses_ids_that_are_missing_or_already_used() -> None:
    change = PlanDiff(
        activities=CollectionDiff(
            removed=(practice(),),
            changed=(
                ItemChange(
                    id="so-1", changes=(FieldChange(field="hours_per_week", old=8, new=10),)
                ),
            ),
            added=(sfi(),),
        ),
        milestones=CollectionDiff(removed=(language_goal(id="ms-9"),)),
    )
    assert errors_of(lambda: change.apply(FIRST)) == (
        ("activities", "no activity with id 'praktik-1'"),
        ("activities", "no activity with id 'so-1'"),
        ("activities", "id 'sfi-1' is already used"),
        ("milestones", "no milestone with id 'ms-9'"),
    )


def test_apply_refuses_an_order_that_does_not_match() -> None:
    change = PlanDiff(
        activities=CollectionDiff(order=("praktik-1", "sfi-1")),
        interruptions=CollectionDiff(order=(sick(),)),
    )
    assert errors_of(lambda: change.apply(FIRST)) == (
        ("activities", "the diff's order does not name the same items as the result"),
        ("interruptions", "the diff's order does not name the same items as the result"),
    )


def test_apply_reports_a_changed_value_that_breaks_an_invariant_at_its_path() -> None:
    change = diff(FIRST, attrs.evolve(FIRST, activities=(sfi(end=d("2025-03-31")),)))
    late_start = attrs.evolve(FIRST, activities=(sfi(start=d("2025-06-02")),))
    assert errors_of(lambda: change.apply(late_start)) == (
        ("activities[0].end", "2025-03-31 is before start 2025-06-02"),
    )


def test_apply_reports_a_participant_that_breaks_an_invariant() -> None:
    number = IdentityNumber("19850709-9805")
    change = PlanDiff(participant=(FieldChange(field="identity_number", old=None, new=number),))
    assert errors_of(lambda: change.apply(FIRST)) == (
        (
            "participant.identity_number",
            "its birth date 19850709 disagrees with birth_date 1990-05-17",
        ),
    )


def test_apply_leaves_plan_invariants_to_the_plan() -> None:
    change = PlanDiff(interruptions=CollectionDiff(added=(sick("2025-04-15", "2025-05-15"),)))
    assert errors_of(lambda: change.apply(plan(interruptions=(sick(),)))) == (
        ("interruptions[1]", "overlaps interruptions[0]"),
    )


def test_apply_takes_a_plan_only() -> None:
    with pytest.raises(TypeError, match="apply takes a Plan, not dict"):
        PlanDiff().apply({})  # type: ignore[arg-type]


@st.composite
def plan_pairs(draw: st.DrawFn) -> tuple[Plan, Plan]:
    """A plan and a variant of it: items kept, changed, dropped, added and reordered."""
    old = draw(plans())
    new = draw(plans())
    kept = [item for item in old.activities if draw(st.booleans())]
    changed = [
        attrs.evolve(draw(activities(id=item.id)), status=item.status)
        if draw(st.booleans())
        else item
        for item in kept
    ]
    milestones = [item for item in old.milestones if draw(st.booleans())]
    used = {item.id for item in changed} | {item.id for item in milestones}
    fresh = [item for item in new.activities if item.id not in used]
    used |= {item.id for item in fresh}
    fresh_milestones = [item for item in new.milestones if item.id not in used]
    variant = attrs.evolve(
        old,
        participant=draw(st.sampled_from((old.participant, new.participant))),
        activities=tuple(draw(st.permutations([*changed, *fresh]))),
        milestones=tuple(draw(st.permutations([*milestones, *fresh_milestones]))),
        interruptions=draw(st.sampled_from((old.interruptions, new.interruptions))),
        exit=new.exit if draw(st.booleans()) else old.exit,
        follow_up=None,
        referred_on=min(old.referred_on, new.referred_on),
        participation_percent=new.participation_percent,
    )
    return old, variant


@given(plan_pairs())
def test_a_diff_applied_to_the_old_plan_gives_the_new_one(pair: tuple[Plan, Plan]) -> None:
    old, new = pair
    change = diff(old, new)
    assert change.apply(old) == new
    assert change.is_empty == (old == new)
    json.dumps(change.to_dict())
    assert change.render("sv")
    assert len(change.render("en")) == len(change.render("sv"))


@given(plans(), plans())
def test_a_diff_between_any_two_plans_applies(old: Plan, new: Plan) -> None:
    assert diff(old, new).apply(old) == new
    assert diff(old, old).is_empty


# -- re-deciding ---------------------------------------------------------------------------

NOT_STARTED = "ACT-NOT-STARTED"
ACTIVITY_RULES = RuleSet(DEFAULT_RULES[code] for code in (NOT_STARTED, "MS-OVERDUE"))


def test_re_decide_is_none_before_the_first_revision() -> None:
    assert re_decide(three_revisions(), on=d("2025-02-02")) is None


def test_re_decide_reconstructs_a_past_decision_exactly() -> None:
    history = three_revisions()
    then = re_decide(history, on=d("2025-02-13"))
    assert then == evaluate(SECOND, as_of=d("2025-02-13"))
    assert then is not None
    assert [f.subject for f in then.findings if f.code == NOT_STARTED] == ["sfi-1"]
    later = re_decide(history, on=d("2025-02-14"))
    assert later == evaluate(THIRD, as_of=d("2025-02-14"))
    assert later is not None
    assert NOT_STARTED not in later.codes()
    # The plan as it is now, judged on the earlier day, says otherwise: re-deciding
    # uses what was recorded then, not what is known now.
    assert NOT_STARTED not in evaluate(history.latest, as_of=d("2025-02-13")).codes()


def test_re_decide_uses_the_rules_and_parameters_given() -> None:
    history = three_revisions()
    report = re_decide(history, on=d("2025-02-13"), rules=ACTIVITY_RULES)
    assert report is not None
    assert report.codes() == (NOT_STARTED,)
    reform = DEFAULT_PARAMETERS.with_value("full_time_hours", 35, valid_from=d("2025-01-01"))
    assert re_decide(history, on=d("2025-02-13"), parameters=reform) == evaluate(
        SECOND, as_of=d("2025-02-13"), parameters=reform
    )


def test_re_decide_takes_a_history() -> None:
    with pytest.raises(TypeError, match="re_decide takes a PlanHistory, not Plan"):
        re_decide(FIRST, on=d("2025-02-13"))  # type: ignore[arg-type]


# -- evaluating a history --------------------------------------------------------------------


def test_each_step_tells_which_findings_appeared_and_were_resolved() -> None:
    steps = evaluate_history(three_revisions(), rules=ACTIVITY_RULES)
    assert [step.recorded_on for step in steps] == [
        d("2025-02-03"),
        d("2025-02-12"),
        d("2025-02-14"),
        d("2025-02-14"),
    ]
    assert [step.report.as_of for step in steps] == [step.recorded_on for step in steps]
    assert [[finding_key(f) for f in step.appeared] for step in steps] == [
        [],
        [(NOT_STARTED, "default", "sfi-1", d("2025-02-10"))],
        [],
        [],
    ]
    assert [[finding_key(f) for f in step.resolved] for step in steps] == [
        [],
        [],
        [],
        [(NOT_STARTED, "default", "sfi-1", d("2025-02-10"))],
    ]
    assert steps[1].revision.author_role is AuthorRole.JOB_AGENT


def test_the_first_step_has_every_finding_appear() -> None:
    history = PlanHistory.begin(FIRST, recorded_on=d("2025-03-03"))
    (step,) = evaluate_history(history)
    assert step == HistoryStep(
        revision=history.revisions[0],
        report=evaluate(FIRST, as_of=d("2025-03-03")),
        appeared=evaluate(FIRST, as_of=d("2025-03-03")).findings,
        resolved=(),
    )


def test_evaluate_history_on_one_day_judges_every_revision_on_it() -> None:
    steps = evaluate_history(
        three_revisions(), as_of=_dt.date(2025, 7, 1), rules=list(ACTIVITY_RULES)
    )
    assert {step.report.as_of for step in steps} == {d("2025-07-01")}
    subjects = [[f.subject for f in step.report.findings] for step in steps]
    assert subjects == [
        ["sfi-1", "ms-1"],
        ["sfi-1", "praktik-1", "ms-1"],
        ["sfi-1", "praktik-1", "ms-1"],
        ["praktik-1", "ms-1"],
    ]
    assert [[f.subject for f in step.appeared] for step in steps] == [
        ["sfi-1", "ms-1"],
        ["praktik-1"],
        [],
        [],
    ]
    assert [[f.subject for f in step.resolved] for step in steps] == [[], [], [], ["sfi-1"]]


def test_evaluate_history_takes_a_history() -> None:
    with pytest.raises(TypeError, match="evaluate_history takes a PlanHistory, not list"):
        evaluate_history([FIRST])  # type: ignore[arg-type]


def test_the_timeline_tells_when_each_finding_appeared_and_was_resolved() -> None:
    history = three_revisions().append(
        THIRD.achieve_milestone("ms-1", on=d("2025-07-08")),
        recorded_on=d("2025-07-10"),
        reason="Delmålet uppnått",
    )
    history = history.append(
        history.latest.with_activity(
            practice(id="praktik-2", start=d("2025-07-14"), end=d("2025-09-30"))
        ),
        recorded_on=d("2025-07-21"),
    )
    steps = evaluate_history(history, rules=ACTIVITY_RULES)
    timeline = finding_timeline(steps)
    assert [
        (p.finding.code, p.finding.subject, p.appeared_on, p.resolved_on) for p in timeline
    ] == [
        (NOT_STARTED, "sfi-1", d("2025-02-12"), d("2025-02-14")),
        (NOT_STARTED, "praktik-1", d("2025-07-10"), None),
        (NOT_STARTED, "praktik-2", d("2025-07-21"), None),
    ]
    assert [p.is_open for p in timeline] == [False, True, True]


def test_a_finding_that_comes_back_has_a_second_period() -> None:
    achieved = plan(milestones=(language_goal(achieved_on=d("2025-07-08")),))
    history = (
        PlanHistory.begin(plan(), recorded_on=d("2025-07-07"))
        .append(achieved, recorded_on=d("2025-07-09"))
        .append(plan(), recorded_on=d("2025-07-11"), reason="Rättelse: inte uppnått")
    )
    rules = RuleSet([DEFAULT_RULES["MS-OVERDUE"]])
    timeline = finding_timeline(evaluate_history(history, rules=rules))
    assert [(p.appeared_on, p.resolved_on) for p in timeline] == [
        (d("2025-07-07"), d("2025-07-09")),
        (d("2025-07-11"), None),
    ]
    assert timeline[0].finding == timeline[1].finding


def test_a_moving_finding_can_be_matched_by_another_key() -> None:
    def undated(finding: Any) -> tuple[str, str, str | None]:
        return (finding.code, finding.reason, finding.subject)

    history = PlanHistory.begin(FIRST, recorded_on=d("2025-03-03")).append(
        FIRST, recorded_on=d("2025-03-17")
    )
    rules = RuleSet([DEFAULT_RULES["PROG-FULL-TIME"]])
    by_date = finding_timeline(evaluate_history(history, rules=rules))
    assert [(p.appeared_on, p.resolved_on) for p in by_date] == [
        (d("2025-03-03"), d("2025-03-17")),
        (d("2025-03-17"), None),
    ]
    steps = evaluate_history(history, rules=rules, key=undated)
    assert steps[1].appeared == ()
    assert steps[1].resolved == ()
    by_code = finding_timeline(steps, key=undated)
    assert [(p.appeared_on, p.resolved_on) for p in by_code] == [(d("2025-03-03"), None)]


def test_a_report_with_the_same_key_twice_opens_one_period() -> None:
    history = three_revisions()
    steps = evaluate_history(history, rules=ACTIVITY_RULES)
    doubled = [
        attrs.evolve(step, report=attrs.evolve(step.report, findings=step.report.findings * 2))
        for step in steps
    ]
    assert finding_timeline(doubled) == finding_timeline(steps)
    assert finding_timeline(()) == ()
    assert isinstance(finding_timeline(steps)[0], FindingPeriod)


# -- the dict form -------------------------------------------------------------------------


def test_a_history_round_trips_through_its_dict_form() -> None:
    history = three_revisions()
    data = to_dict(history)
    assert json.loads(json.dumps(data)) == data
    assert from_dict(data, PlanHistory) == history
    first = data["revisions"][0]
    assert sorted(first) == ["author_role", "plan", "reason", "recorded_on"]
    assert first["recorded_on"] == "2025-02-03"
    assert first["plan"]["schema"] == "handlingsplan/2"
    assert from_dict(first, Revision) == history.revisions[0]


def test_author_role_is_a_plain_string_in_the_dict_form() -> None:
    data = to_dict(three_revisions())
    assert [revision["author_role"] for revision in data["revisions"]] == [
        None,
        "job_agent",
        None,
        "language_teacher",
    ]
    assert type(data["revisions"][1]["author_role"]) is str


def test_reading_a_history_reports_every_bad_path() -> None:
    data = to_dict(three_revisions())
    data["revisions"][1]["plan"]["activities"][1]["end"] = "2025-13-01"
    data["revisions"][2]["recorded_on"] = "14/2/2025"
    data["revisions"][3]["reason"] = 7
    data["revisions"][3]["colour"] = "red"
    errors = errors_of(lambda: from_dict(data, PlanHistory))
    assert dict(errors) == {
        "revisions[1].plan.activities[1].end": (
            "expected a date as YYYY-MM-DD, got '2025-13-01', which is not a day of the calendar"
        ),
        "revisions[2].recorded_on": "expected a date as YYYY-MM-DD, got a string '14/2/2025'",
        "revisions[3].reason": "expected a string, got a number 7",
        "revisions[3].colour": "unknown field",
    }


def test_reading_a_history_checks_order_and_plan_ids() -> None:
    data = to_dict(three_revisions())
    data["revisions"][2]["recorded_on"] = "2025-02-01"
    data["revisions"][3]["plan"]["id"] = "plan-2"
    assert errors_of(lambda: from_dict(data, PlanHistory)) == (
        ("revisions[2].recorded_on", "2025-02-01 is before revisions[1].recorded_on 2025-02-12"),
        ("revisions[3].plan.id", "'plan-2' is not the history's plan id 'plan-1' (revisions[0])"),
    )
    assert errors_of(lambda: from_dict({"revisions": []}, PlanHistory)) == (
        ("revisions", "expected at least one revision, got none"),
    )
    assert errors_of(lambda: from_dict({}, PlanHistory)) == (
        ("revisions", "required field is missing"),
    )


def test_reading_a_history_refuses_an_unknown_author_role() -> None:
    data = to_dict(three_revisions())
    data["revisions"][0]["author_role"] = "boss"
    ((path, message),) = errors_of(lambda: from_dict(data, PlanHistory))
    assert path == "revisions[0].author_role"
    assert message.startswith("expected one of employment_officer, job_agent, social_worker")


@st.composite
def histories(draw: st.DrawFn) -> PlanHistory:
    """Histories of up to five revisions of plans sharing one id, on non-decreasing days."""
    first = draw(plans())
    others = draw(st.lists(plans(), max_size=4))
    days = sorted(draw(st.lists(dates(), min_size=len(others) + 1, max_size=len(others) + 1)))
    history = PlanHistory.begin(
        first,
        recorded_on=days[0],
        reason=draw(st.none() | st.text(min_size=1).filter(str.strip)),
        author_role=draw(st.none() | st.sampled_from(AuthorRole)),
    )
    for other, day in zip(others, days[1:], strict=True):
        history = history.append(
            attrs.evolve(other, id=first.id),
            recorded_on=day,
            author_role=draw(st.none() | st.sampled_from(AuthorRole)),
        )
    return history


@given(histories())
def test_every_history_round_trips_and_its_diffs_replay_it(history: PlanHistory) -> None:
    assert from_dict(to_dict(history), PlanHistory) == history
    current = history.revisions[0].plan
    for change, revision in zip(history.diffs(), history.revisions[1:], strict=True):
        current = change.apply(current)
        assert current == revision.plan


# -- the plan lifecycle as a state machine ---------------------------------------------------

GAPS = st.one_of(st.just(0), st.integers(min_value=0, max_value=60))


class PlanLifecycle(RuleBasedStateMachine):
    """Random sequences of named changes, each recorded as a revision of one history."""

    history: PlanHistory

    @initialize(
        first=plans(),
        recorded_on=dates(min_value=_dt.date(2018, 1, 1), max_value=_dt.date(2028, 12, 31)),
    )
    def begin(self, first: Plan, recorded_on: pendulum.Date) -> None:
        self.history = PlanHistory.begin(first, recorded_on=recorded_on, reason="upprättad")

    @property
    def plan(self) -> Plan:
        return self.history.latest

    def next_day(self, gap: int) -> _dt.date:
        return self.history.revisions[-1].recorded_on + _dt.timedelta(days=gap)

    def record(self, plan: Plan, gap: int, role: AuthorRole | None = None) -> None:
        self.history = self.history.append(plan, recorded_on=self.next_day(gap), author_role=role)

    def open_activities(self) -> list[str]:
        return [item.id for item in self.plan.activities if not item.is_final]

    def final_activities(self) -> list[str]:
        return [item.id for item in self.plan.activities if item.is_final]

    # -- the changes --------------------------------------------------------------------

    @rule(activity=activities(), gap=GAPS, role=st.sampled_from(AuthorRole))
    def add_activity(self, activity: Activity, gap: int, role: AuthorRole) -> None:
        used = {item.id for item in self.plan.activities}
        used |= {item.id for item in self.plan.milestones}
        new_id = next(f"ny-{n}" for n in itertools.count() if f"ny-{n}" not in used)
        self.record(self.plan.with_activity(attrs.evolve(activity, id=new_id)), gap, role)

    @precondition(lambda self: bool(self.open_activities()))
    @rule(data=st.data(), gap=GAPS)
    def cancel_activity(self, data: st.DataObject, gap: int) -> None:
        target = data.draw(st.sampled_from(self.open_activities()))
        self.record(self.plan.cancel_activity(target), gap)

    @precondition(lambda self: bool(self.open_activities()))
    @rule(data=st.data(), gap=GAPS)
    def complete_activity(self, data: st.DataObject, gap: int) -> None:
        target = data.draw(st.sampled_from(self.open_activities()))
        self.record(self.plan.set_activity_status(target, ActivityStatus.COMPLETED), gap)

    @precondition(lambda self: bool(self.final_activities()))
    @rule(data=st.data(), status=st.sampled_from(ActivityStatus))
    def reopening_a_final_activity_is_refused(
        self, data: st.DataObject, status: ActivityStatus
    ) -> None:
        target = data.draw(st.sampled_from(self.final_activities()))
        with pytest.raises(InvalidPlanError):
            self.plan.set_activity_status(target, status)

    @precondition(lambda self: any(not m.achieved for m in self.plan.milestones))
    @rule(data=st.data(), gap=GAPS)
    def achieve_milestone(self, data: st.DataObject, gap: int) -> None:
        target = data.draw(st.sampled_from([m.id for m in self.plan.milestones if not m.achieved]))
        self.record(self.plan.achieve_milestone(target, on=self.next_day(gap)), gap)

    @rule(
        gap=GAPS,
        after=st.integers(min_value=1, max_value=90),
        length=st.integers(min_value=0, max_value=200),
        reason=st.sampled_from(InterruptionReason),
    )
    def interrupt(self, gap: int, after: int, length: int, reason: InterruptionReason) -> None:
        last = max((item.end for item in self.plan.interruptions), default=self.plan.referred_on)
        start = last + _dt.timedelta(days=after)
        end = start + _dt.timedelta(days=length)
        interruption = Interruption(start=start, end=end, reason=reason)
        self.record(self.plan.with_interruption(interruption), gap)

    @precondition(lambda self: self.plan.exit is None)
    @rule(gap=GAPS, reason=st.sampled_from(ExitReason))
    def exit(self, gap: int, reason: ExitReason) -> None:
        on = max(self.plan.referred_on, self.next_day(gap))
        self.record(self.plan.with_exit(Exit(on=on, reason=reason)), gap)

    @precondition(lambda self: self.plan.exit is not None and self.plan.follow_up is None)
    @rule(gap=GAPS, status=st.sampled_from(OutcomeStatus))
    def follow_up(self, gap: int, status: OutcomeStatus) -> None:
        assert self.plan.exit is not None
        on = self.plan.exit.on + _dt.timedelta(days=90)
        self.record(self.plan.with_follow_up(FollowUp(on=on, status=status)), gap)

    @rule(gap=GAPS)
    def review_without_changes(self, gap: int) -> None:
        self.record(self.plan, gap, AuthorRole.EMPLOYMENT_OFFICER)

    # -- the invariants -------------------------------------------------------------------

    @invariant()
    def ids_stay_unique(self) -> None:
        for revision in self.history:
            ids = [item.id for item in revision.plan.activities]
            ids += [item.id for item in revision.plan.milestones]
            assert len(ids) == len(set(ids))

    @invariant()
    def final_statuses_stay_final(self) -> None:
        for old, new in itertools.pairwise(self.history):
            for activity in old.plan.activities:
                if activity.is_final:
                    assert new.plan.activity(activity.id).status is activity.status

    @invariant()
    def as_recorded_on_gives_exactly_the_revision_in_force(self) -> None:
        revisions = self.history.revisions
        days = {
            r.recorded_on + _dt.timedelta(days=delta) for r in revisions for delta in (-1, 0, 1)
        }
        for day in days:
            expected: Revision | None = None
            for revision in revisions:
                if revision.recorded_on <= day:
                    expected = revision
            assert self.history.revision_on(day) is expected
            plan_then = self.history.as_recorded_on(day)
            assert plan_then is (None if expected is None else expected.plan)

    @invariant()
    def the_diffs_in_order_reproduce_every_revision(self) -> None:
        current = self.history.revisions[0].plan
        for change, revision in zip(self.history.diffs(), self.history.revisions[1:], strict=True):
            current = change.apply(current)
            assert current == revision.plan


PlanLifecycle.TestCase.settings = settings(max_examples=examples(100), stateful_step_count=30)
TestPlanLifecycle = PlanLifecycle.TestCase


# -- participation changes and absences, item by item ------------------------------------


def test_participation_changes_and_absences_are_diffed_item_by_item() -> None:
    half = ParticipationChange(d("2025-09-01"), 50, ParticipationReason.CHILDCARE)
    sick = Absence(d("2025-04-01"), d("2025-05-15"), AbsenceReason.SICKNESS)
    family = Absence(d("2025-06-02"), d("2025-06-03"), AbsenceReason.FAMILY_REASONS, 50)
    old = plan(absences=(sick,))
    new = plan(participation_changes=(half,), absences=(family,))
    change = diff(old, new)
    assert change.participation_changes.added == (half,)
    assert change.absences.added == (family,)
    assert change.absences.removed == (sick,)
    assert not change.fields
    assert change.apply(old) == new
    assert change.render("en") == (
        "Participation change from 2025-09-01: 50 % (childcare) added",
        "Absence 2025-04-01 to 2025-05-15 (sickness, 100 %) removed",
        "Absence 2025-06-02 to 2025-06-03 (family_reasons, 50 %) added",
    )
    assert change.render("sv")[0] == (
        "Ändringen av omfattningen från 2025-09-01: 50 % (vård av barn) lades till"
    )
    assert change.to_dict()["absences"]["added"] == [
        {"start": "2025-06-02", "end": "2025-06-03", "reason": "family_reasons", "percent": 50}
    ]


def test_applying_a_diff_that_removes_a_missing_absence_names_the_collection() -> None:
    sick = Absence(d("2025-04-01"), d("2025-05-15"), AbsenceReason.SICKNESS)
    change = diff(plan(absences=(sick,)), plan())
    with pytest.raises(InvalidPlanError) as caught:
        change.apply(plan())
    assert caught.value.errors == (
        ("absences", "has no absence 2025-04-01 to 2025-05-15 (sickness, 100 %)"),
    )
