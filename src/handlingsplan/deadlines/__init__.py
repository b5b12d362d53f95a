"""Key dates of a plan: ends of periods, birthdays and deadlines for actions.

:func:`deadlines` computes them once from the plan and the parameters. Each key date
uses the parameter values in force on the event that starts its clock (the plan's
start, the first registration, the exit, the birth, a course's start; the earliest
value where the event precedes a parameter's history), so a plan's key dates do not
depend on the day you ask.

``act_by`` is :func:`~handlingsplan.dates.statutory_deadline` of ``due`` for time limits
on an action (Lag 1930:173 2 §) and equal to ``due`` for ends of periods, birthdays and
milestones.

One module per concept: the kinds and the :class:`Deadline` value (``_kinds``), the
programme's clock (``_programme``), SFI (``_sfi``), civic orientation (``_civic``), the
language introduction's study plan (``_school``) and dates counted from the birth
(``_ages``).

>>> from datetime import date
>>> from handlingsplan import Participant, Plan
>>> plan = Plan(id="p", referred_on=date(2025, 1, 13), plan_made_on=date(2025, 2, 3),
...             participant=Participant(id="d", birth_date=date(1990, 5, 17),
...                                     first_registered_on=date(2024, 11, 4)))
>>> for d in deadlines(plan):
...     print(d.due, d.act_by, d.kind.value)
2025-03-03 2025-03-03 sfi_start_target
2025-05-03 2025-05-05 sfi_start
2027-02-03 2027-02-03 programme_end
2027-11-04 2027-11-04 civic_orientation_duty_end
2027-11-25 2027-11-25 registration_window_end
2057-05-17 2057-05-17 upper_age
"""

from ._ages import age_18_date, upper_secondary_cutoff
from ._collect import deadlines
from ._kinds import Deadline, DeadlineKind
from ._programme import allowance_end, programme_start, registration_window_end

__all__ = [
    "Deadline",
    "DeadlineKind",
    "age_18_date",
    "allowance_end",
    "deadlines",
    "programme_start",
    "registration_window_end",
    "upper_secondary_cutoff",
]
