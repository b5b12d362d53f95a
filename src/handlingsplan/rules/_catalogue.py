"""The default rule catalogue."""

from __future__ import annotations

from ._activities import (
    activity_before_plan,
    activity_not_closed,
    activity_not_started,
    milestone_overdue,
)
from ._civic import programme_civic_orientation
from ._follow_up import follow_up_due, follow_up_early
from ._full_time import programme_full_time
from ._participation import (
    absence_exit,
    absence_family_limit,
    activity_outside_programme,
    interruption_short,
    part_time_reason,
)
from ._programme import (
    programme_age_limit,
    programme_education_duty,
    programme_end,
    programme_training_limit,
)
from ._referral import REFERRAL_RULES
from ._ruleset import RuleSet
from ._sfi import programme_sfi_start, programme_sfi_target, sfi_hours, sfi_right_end
from ._youth import (
    youth_minors_only,
    youth_study_plan,
    youth_transition_plan,
    youth_upper_secondary,
)

__all__ = ["DEFAULT_RULES"]

DEFAULT_RULES = RuleSet(
    [
        *REFERRAL_RULES,
        programme_end,
        programme_sfi_target,
        programme_sfi_start,
        sfi_hours,
        sfi_right_end,
        programme_civic_orientation,
        programme_full_time,
        programme_age_limit,
        programme_training_limit,
        programme_education_duty,
        part_time_reason,
        absence_exit,
        interruption_short,
        absence_family_limit,
        activity_outside_programme,
        activity_before_plan,
        activity_not_started,
        activity_not_closed,
        milestone_overdue,
        youth_transition_plan,
        youth_minors_only,
        youth_upper_secondary,
        youth_study_plan,
        follow_up_due,
        follow_up_early,
    ]
)
"""Every default rule, in catalogue order: the referral's conditions first."""
