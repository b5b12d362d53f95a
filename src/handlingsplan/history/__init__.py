"""Plan history: revisions of one plan that can be audited and re-decided as of any date.

A plan is revised (*reviderad*) many times while a participant is in the programme.
A :class:`PlanHistory` keeps every :class:`Revision`: the plan as it was written down,
the day it was recorded, why and by whom. Nothing is overwritten: :meth:`PlanHistory.append`
returns a new history. From it you can read the plan as it was known on any day
(:meth:`PlanHistory.as_recorded_on`), see what changed between two versions
(:func:`diff`), decide again what the rules said on a past day (:func:`re_decide`) and
follow each finding from the revision where it appeared to the one that resolved it
(:func:`evaluate_history`, :func:`finding_timeline`).

>>> from datetime import date
>>> from handlingsplan import Milestone, Participant, Plan
>>> plan = Plan(id="p-1", referred_on=date(2025, 2, 3),
...             participant=Participant(id="d-1", birth_date=date(1990, 5, 17)),
...             milestones=(Milestone(id="ms-1", kind="language", title="SFI kurs B",
...                                   due=date(2025, 6, 30)),))
>>> history = PlanHistory.begin(plan, recorded_on=date(2025, 2, 3))
>>> history = history.append(plan.achieve_milestone("ms-1", on=date(2025, 7, 10)),
...                          recorded_on=date(2025, 7, 14), author_role="language_teacher")
>>> history.as_recorded_on(date(2025, 7, 1)) is plan
True
>>> diff(plan, history.latest).render("en")
('Milestone ms-1: achieved_on changed from none to 2025-07-10',)
>>> "MS-OVERDUE" in re_decide(history, on=date(2025, 7, 11)).codes()
True
>>> "MS-OVERDUE" in re_decide(history, on=date(2025, 7, 14)).codes()
False
"""

from ._diff import CollectionDiff, FieldChange, ItemChange, PlanDiff, diff
from ._replay import (
    FindingKey,
    FindingPeriod,
    HistoryStep,
    evaluate_history,
    finding_key,
    finding_timeline,
    re_decide,
)
from ._revisions import AuthorRole, PlanHistory, Revision

__all__ = [
    "AuthorRole",
    "CollectionDiff",
    "FieldChange",
    "FindingKey",
    "FindingPeriod",
    "HistoryStep",
    "ItemChange",
    "PlanDiff",
    "PlanHistory",
    "Revision",
    "diff",
    "evaluate_history",
    "finding_key",
    "finding_timeline",
    "re_decide",
]
