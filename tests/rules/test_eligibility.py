"""Scenarios for eligibility to the establishment programme (Lag 2017:584 2–3 §§).

Every date is worked out by hand. The default person, born 1990-05-17 with a refugee
permit granted 2024-09-02 and first registered 2024-11-04, may be referred from
2024-11-04 (the latest of the 20th birthday, the grant and the registration) to
add_months(2024-11-04, 36) = 2027-11-04 (their upper age, 67, is reached in 2057).
"""

from __future__ import annotations

import datetime as _dt

import pytest

from handlingsplan import (
    DEFAULT_PARAMETERS,
    DEFAULT_RULES,
    DuplicateRuleError,
    Parameters,
    Participant,
    Severity,
)
from handlingsplan._labels import fact_label
from handlingsplan.rules import (
    ELIGIBILITY_RULES,
    QUALIFYING_PERMITS,
    Eligibility,
    EligibilityStatus,
    check_eligibility,
)

from ._factories import ERROR, MAR1, WARNING, Row, d, found, permit, person, plan, rows

ELIGIBLE = EligibilityStatus.ELIGIBLE
INELIGIBLE = EligibilityStatus.INELIGIBLE
UNDETERMINED = EligibilityStatus.UNDETERMINED

AGE = "ELIG-AGE"
PERMIT = "ELIG-PERMIT"
FAMILY = "ELIG-FAMILY-WINDOW"
REGISTRATION = "ELIG-REGISTRATION-WINDOW"
NOT_YET = "ELIG-NOT-YET"
HINDRANCE = "ELIG-HINDRANCE"
NOT_IN_FORCE = "ELIG-NOT-IN-FORCE"
CODES = (AGE, PERMIT, FAMILY, REGISTRATION, NOT_YET, HINDRANCE, NOT_IN_FORCE)

Window = tuple[str, str] | None


def _rows(answer: Eligibility) -> list[Row]:
    return rows((f.code, f.severity, f.subject, f.on) for f in answer.findings)


def _window(answer: Eligibility) -> Window:
    if answer.window is None:
        return None
    first, last = answer.window
    return (first.isoformat(), last.isoformat())


def _assert(
    participant: Participant,
    on: str,
    status: EligibilityStatus,
    expected: list[Row],
    window: Window,
    parameters: Parameters = DEFAULT_PARAMETERS,
) -> Eligibility:
    answer = check_eligibility(participant, on=d(on), parameters=parameters)
    assert answer.status is status
    assert answer.eligible is (status is ELIGIBLE)
    assert answer.on == d(on)
    assert _rows(answer) == rows(expected)
    assert _window(answer) == window
    return answer


BASE = person()
BASE_WINDOW = ("2024-11-04", "2027-11-04")
LATE_GRANT = person(permit=permit(granted="2024-12-02"))
YOUNG = person(born="2004-08-01", registered="2024-03-04", permit=permit(granted="2024-02-01"))
LEAPLING = person(born="2004-02-29", registered="2023-09-04", permit=permit(granted="2023-08-01"))


@pytest.mark.parametrize(
    ("participant", "on", "status", "expected", "window"),
    [
        pytest.param(BASE, "2025-01-13", ELIGIBLE, [], BASE_WINDOW, id="inside the window"),
        pytest.param(BASE, "2024-11-04", ELIGIBLE, [], BASE_WINDOW, id="on the first day"),
        pytest.param(
            BASE,
            "2024-11-03",
            INELIGIBLE,
            [(NOT_YET, ERROR, None, d("2024-11-04"))],
            BASE_WINDOW,
            id="the day before the first registration",
        ),
        pytest.param(BASE, "2027-11-04", ELIGIBLE, [], BASE_WINDOW, id="on the last day"),
        pytest.param(
            BASE,
            "2027-11-05",
            INELIGIBLE,
            [(REGISTRATION, ERROR, None, d("2027-11-04"))],
            BASE_WINDOW,
            id="the day after 36 months from the registration",
        ),
        pytest.param(
            LATE_GRANT,
            "2024-12-01",
            INELIGIBLE,
            [(NOT_YET, ERROR, None, d("2024-12-02"))],
            ("2024-12-02", "2027-11-04"),
            id="the day before the permit is granted",
        ),
        pytest.param(
            LATE_GRANT,
            "2024-12-02",
            ELIGIBLE,
            [],
            ("2024-12-02", "2027-11-04"),
            id="on the day the permit is granted",
        ),
        pytest.param(
            LATE_GRANT,
            "2024-10-01",
            INELIGIBLE,
            [(NOT_YET, ERROR, None, d("2024-12-02"))],
            ("2024-12-02", "2027-11-04"),
            id="before both the registration and the grant: the later one",
        ),
        pytest.param(
            YOUNG,
            "2024-07-31",
            INELIGIBLE,
            [(AGE, ERROR, None, d("2024-08-01"))],
            ("2024-08-01", "2027-03-04"),
            id="the day before the 20th birthday",
        ),
        pytest.param(
            YOUNG,
            "2024-08-01",
            ELIGIBLE,
            [],
            ("2024-08-01", "2027-03-04"),
            id="on the 20th birthday",
        ),
        pytest.param(
            LEAPLING,
            "2024-02-28",
            INELIGIBLE,
            [(AGE, ERROR, None, d("2024-02-29"))],
            ("2024-02-29", "2026-09-04"),
            id="born 29 February: the day before turning 20",
        ),
        pytest.param(
            LEAPLING,
            "2024-02-29",
            ELIGIBLE,
            [],
            ("2024-02-29", "2026-09-04"),
            id="born 29 February: turning 20 on 29 February",
        ),
        # add_months(2024-02-29, 36) = 2027-02-28.
        pytest.param(
            person(registered="2024-02-29", permit=permit(granted="2024-01-15")),
            "2027-02-28",
            ELIGIBLE,
            [],
            ("2024-02-29", "2027-02-28"),
            id="registered 29 February: the last day is 28 February",
        ),
        pytest.param(
            person(registered="2024-02-29", permit=permit(granted="2024-01-15")),
            "2027-03-01",
            INELIGIBLE,
            [(REGISTRATION, ERROR, None, d("2027-02-28"))],
            ("2024-02-29", "2027-02-28"),
            id="registered 29 February: too late on 1 March",
        ),
        # add_months(2023-05-31, 36) = 2026-05-31.
        pytest.param(
            person(registered="2023-05-31", permit=permit(granted="2023-05-02")),
            "2026-06-01",
            INELIGIBLE,
            [(REGISTRATION, ERROR, None, d("2026-05-31"))],
            ("2023-05-31", "2026-05-31"),
            id="registered on a month end",
        ),
        # 36 months from 2021-01-11 end on 2024-01-11, before the 20th birthday.
        pytest.param(
            person(born="2004-08-01", registered="2021-01-11", permit=permit(granted="2020-12-01")),
            "2024-08-01",
            INELIGIBLE,
            [(REGISTRATION, ERROR, None, d("2024-01-11"))],
            None,
            id="the registration window closes before the 20th birthday",
        ),
        # 36 months from 2021-01-11 end on 2024-01-11, before the grant on 2024-02-01.
        pytest.param(
            person(registered="2021-01-11", permit=permit(granted="2024-02-01")),
            "2024-02-01",
            INELIGIBLE,
            [(REGISTRATION, ERROR, None, d("2024-01-11"))],
            None,
            id="the registration window closes before the permit is granted",
        ),
    ],
)
def test_each_condition_alone_and_the_window_boundaries(
    participant: Participant,
    on: str,
    status: EligibilityStatus,
    expected: list[Row],
    window: Window,
) -> None:
    """Lag (2017:584) 2 §; Förordning (2017:820) 15 a §: age, permit and 36 months."""
    _assert(participant, on, status, expected, window)


@pytest.mark.parametrize(
    ("participant", "on", "status", "expected", "window", "parameters"),
    [
        # 65 on 2022-06-01, when 65 was the limit: outside for good.
        pytest.param(
            person(born="1957-06-01", registered="2022-09-05", permit=permit(granted="2022-08-01")),
            "2023-03-01",
            INELIGIBLE,
            [(AGE, ERROR, None, d("2022-06-01"))],
            None,
            DEFAULT_PARAMETERS,
            id="born 1957-06-01 on 2023-03-01: 65 reached in 2022",
        ),
        pytest.param(
            person(born="1957-06-01", registered="2022-01-10", permit=permit(granted="2021-12-01")),
            "2022-05-31",
            ELIGIBLE,
            [],
            ("2022-01-10", "2022-05-31"),
            DEFAULT_PARAMETERS,
            id="born 1957-06-01 on 2022-05-31: the day before 65",
        ),
        pytest.param(
            person(born="1957-06-01", registered="2022-01-10", permit=permit(granted="2021-12-01")),
            "2022-06-01",
            INELIGIBLE,
            [(AGE, ERROR, None, d("2022-06-01"))],
            ("2022-01-10", "2022-05-31"),
            DEFAULT_PARAMETERS,
            id="born 1957-06-01 on 2022-06-01: on turning 65",
        ),
        pytest.param(
            person(born="1957-06-01", registered="2022-01-10", permit=permit(granted="2021-12-01")),
            "2023-03-01",
            INELIGIBLE,
            [(AGE, ERROR, None, d("2022-06-01"))],
            ("2022-01-10", "2022-05-31"),
            DEFAULT_PARAMETERS,
            id="born 1957-06-01 on 2023-03-01: does not come back at 66",
        ),
        # 65 on 2023-03-01 when 66 was the limit: 66 applies, reached 2024-03-01.
        pytest.param(
            person(born="1958-03-01", registered="2023-03-06", permit=permit(granted="2023-02-01")),
            "2023-06-01",
            ELIGIBLE,
            [],
            ("2023-03-06", "2024-02-29"),
            DEFAULT_PARAMETERS,
            id="born 1958-03-01 on 2023-06-01: 65 but under 66",
        ),
        pytest.param(
            person(born="1958-03-01", registered="2023-03-06", permit=permit(granted="2023-02-01")),
            "2024-02-29",
            ELIGIBLE,
            [],
            ("2023-03-06", "2024-02-29"),
            DEFAULT_PARAMETERS,
            id="born 1958-03-01 on 2024-02-29: the last day",
        ),
        pytest.param(
            person(born="1958-03-01", registered="2023-03-06", permit=permit(granted="2023-02-01")),
            "2024-03-01",
            INELIGIBLE,
            [(AGE, ERROR, None, d("2024-03-01"))],
            ("2023-03-06", "2024-02-29"),
            DEFAULT_PARAMETERS,
            id="born 1958-03-01 on 2024-03-01: on turning 66",
        ),
        # 66 on 2025-12-31 while 66 is the limit.
        pytest.param(
            person(born="1959-12-31", registered="2024-09-02", permit=permit(granted="2024-08-01")),
            "2025-12-30",
            ELIGIBLE,
            [],
            ("2024-09-02", "2025-12-30"),
            DEFAULT_PARAMETERS,
            id="born 1959-12-31 on 2025-12-30",
        ),
        pytest.param(
            person(born="1959-12-31", registered="2024-09-02", permit=permit(granted="2024-08-01")),
            "2025-12-31",
            INELIGIBLE,
            [(AGE, ERROR, None, d("2025-12-31"))],
            ("2024-09-02", "2025-12-30"),
            DEFAULT_PARAMETERS,
            id="born 1959-12-31 on 2025-12-31: 66 reached before 2026",
        ),
        # 66 on 2026-01-01 when 67 is the limit: 67 applies, reached 2027-01-01.
        pytest.param(
            person(born="1960-01-01", registered="2024-09-02", permit=permit(granted="2024-08-01")),
            "2026-01-01",
            ELIGIBLE,
            [],
            ("2024-09-02", "2026-12-31"),
            DEFAULT_PARAMETERS,
            id="born 1960-01-01 on 2026-01-01: 66 but under 67",
        ),
        # Born 1960-02-29: 67 on 2027-02-28 (feb28) or 2027-03-01 (mar1).
        pytest.param(
            person(born="1960-02-29", registered="2025-05-05", permit=permit(granted="2025-04-01")),
            "2027-02-27",
            ELIGIBLE,
            [],
            ("2025-05-05", "2027-02-27"),
            DEFAULT_PARAMETERS,
            id="born 29 February: the day before 67",
        ),
        pytest.param(
            person(born="1960-02-29", registered="2025-05-05", permit=permit(granted="2025-04-01")),
            "2027-02-28",
            INELIGIBLE,
            [(AGE, ERROR, None, d("2027-02-28"))],
            ("2025-05-05", "2027-02-27"),
            DEFAULT_PARAMETERS,
            id="born 29 February: 67 on 28 February",
        ),
        pytest.param(
            person(born="1960-02-29", registered="2025-05-05", permit=permit(granted="2025-04-01")),
            "2027-02-28",
            ELIGIBLE,
            [],
            ("2025-05-05", "2027-02-28"),
            MAR1,
            id="born 29 February, mar1: still 66 on 28 February",
        ),
        pytest.param(
            person(born="1960-02-29", registered="2025-05-05", permit=permit(granted="2025-04-01")),
            "2027-03-01",
            INELIGIBLE,
            [(AGE, ERROR, None, d("2027-03-01"))],
            ("2025-05-05", "2027-02-28"),
            MAR1,
            id="born 29 February, mar1: 67 on 1 March",
        ),
    ],
)
def test_the_upper_age_is_the_one_in_force_on_the_day_it_is_reached(
    participant: Participant,
    on: str,
    status: EligibilityStatus,
    expected: list[Row],
    window: Window,
    parameters: Parameters,
) -> None:
    """Lag (2017:584) 2 §; SFS 2022:895 and 2022:896 with their transitional provisions."""
    _assert(participant, on, status, expected, window, parameters)


@pytest.mark.parametrize(
    ("born", "on", "upper_age"),
    [
        pytest.param("1957-06-01", "2023-03-01", 65, id="65 reached in 2022"),
        pytest.param("1959-12-31", "2025-12-31", 66, id="66 reached in 2025"),
        pytest.param("1960-02-29", "2027-02-28", 67, id="67 reached in 2027"),
    ],
)
def test_a_too_old_finding_names_the_upper_age_that_applies(
    born: str, on: str, upper_age: int
) -> None:
    """Lag (2017:584) 2 §; SFS 2022:895; SFS 2022:896: the age the person reached."""
    answer = check_eligibility(person(born=born), on=d(on))
    (finding,) = [f for f in answer.findings if f.code == AGE]
    assert finding.reason == "too_old"
    assert finding.facts["upper_age"] == upper_age


QUALIFYING = [
    "refugee",
    "subsidiary_protection",
    "quota_refugee",
    "exceptional_circumstances",
    "impediment_to_enforcement",
    "temporary_protection",
    "family_member",
]


@pytest.mark.parametrize("kind", QUALIFYING)
def test_a_protection_or_family_permit_qualifies(kind: str) -> None:
    """Lag (2017:584) 2 §: permits under utlänningslagen 5 kap. 1, 2, 4, 6 §§, 12 kap. 18 §,
    21–22 kap., and family members of such people."""
    subject = person(permit=permit(kind, applied="2024-01-15", anchor="2019-03-15"))
    _assert(subject, "2025-01-13", ELIGIBLE, [], BASE_WINDOW)


def test_the_qualifying_permits_are_exactly_the_protection_and_family_grounds() -> None:
    """Lag (2017:584) 2 §: work, studies and other grounds do not qualify."""
    assert sorted(kind.value for kind in QUALIFYING_PERMITS) == sorted(QUALIFYING)


@pytest.mark.parametrize("kind", ["work", "studies", "other"])
@pytest.mark.parametrize("on", ["2024-11-04", "2025-01-13"])
def test_another_permit_never_qualifies(kind: str, on: str) -> None:
    """Lag (2017:584) 2 §: no date cures a permit of the wrong kind, so there is no window."""
    answer = _assert(
        person(permit=permit(kind)), on, INELIGIBLE, [(PERMIT, ERROR, None, d(on))], None
    )
    assert answer.findings[0].facts["kind"] == kind


# A family member: the anchor person first received 2019-03-15, so the application is
# in time on or before add_years(2019-03-15, 6) = 2025-03-15. Granted 2025-06-02,
# registered 2025-07-07: the window runs to add_months(2025-07-07, 36) = 2028-07-07.
def _family(applied: str | None, anchor: str | None, granted: str = "2025-06-02") -> Participant:
    registered = "2025-07-07" if granted == "2025-06-02" else "2026-07-06"
    return person(
        registered=registered,
        permit=permit("family_member", granted, applied=applied, anchor=anchor),
    )


@pytest.mark.parametrize(
    ("participant", "on", "status", "expected", "window"),
    [
        pytest.param(
            _family("2025-03-14", "2019-03-15"),
            "2025-08-04",
            ELIGIBLE,
            [],
            ("2025-07-07", "2028-07-07"),
            id="applied the day before six years",
        ),
        pytest.param(
            _family("2025-03-15", "2019-03-15"),
            "2025-08-04",
            ELIGIBLE,
            [],
            ("2025-07-07", "2028-07-07"),
            id="applied on the last day of six years",
        ),
        pytest.param(
            _family("2025-03-16", "2019-03-15"),
            "2025-08-04",
            INELIGIBLE,
            [(FAMILY, ERROR, None, d("2025-03-16"))],
            None,
            id="applied the day after six years",
        ),
        # add_years(2020-02-29, 6) = 2026-02-28; granted 2026-06-01, registered
        # 2026-07-06, so the window runs to 2029-07-06.
        pytest.param(
            _family("2026-02-28", "2020-02-29", "2026-06-01"),
            "2026-08-03",
            ELIGIBLE,
            [],
            ("2026-07-06", "2029-07-06"),
            id="anchor received 29 February: applied 28 February",
        ),
        pytest.param(
            _family("2026-03-01", "2020-02-29", "2026-06-01"),
            "2026-08-03",
            INELIGIBLE,
            [(FAMILY, ERROR, None, d("2026-03-01"))],
            None,
            id="anchor received 29 February: applied 1 March",
        ),
        pytest.param(
            _family(None, "2019-03-15"),
            "2025-08-04",
            UNDETERMINED,
            [(FAMILY, WARNING, None, d("2025-08-04"))],
            None,
            id="no application date",
        ),
        pytest.param(
            _family("2025-03-15", None),
            "2025-08-04",
            UNDETERMINED,
            [(FAMILY, WARNING, None, d("2025-08-04"))],
            None,
            id="no anchor date",
        ),
        pytest.param(
            _family(None, None),
            "2025-08-04",
            UNDETERMINED,
            [(FAMILY, WARNING, None, d("2025-08-04"))],
            None,
            id="neither date",
        ),
    ],
)
def test_a_family_member_applies_within_six_years_inclusive(
    participant: Participant,
    on: str,
    status: EligibilityStatus,
    expected: list[Row],
    window: Window,
) -> None:
    """Lag (2017:584) 2 §: within six years of the anchor person's first reception."""
    _assert(participant, on, status, expected, window)


@pytest.mark.parametrize(
    ("participant", "fact"),
    [
        pytest.param(_family(None, "2019-03-15"), "permit.applied_on", id="application"),
        pytest.param(_family("2025-03-15", None), "permit.anchor_first_received_on", id="anchor"),
        pytest.param(
            _family(None, None),
            "permit.applied_on, permit.anchor_first_received_on",
            id="both",
        ),
        pytest.param(person(permit=None), "permit", id="permit"),
        pytest.param(person(registered=None), "first_registered_on", id="registration"),
    ],
)
def test_a_missing_fact_is_named(participant: Participant, fact: str) -> None:
    """Lag (2017:584) 2 §: an unknown fact leaves the answer undetermined, naming it.

    The facts keep the machine's names; the messages use each language's words for them.
    """
    answer = check_eligibility(participant, on=d("2025-08-04"))
    assert answer.status is UNDETERMINED
    (finding,) = answer.findings
    assert finding.reason == "missing"
    assert finding.facts["fact"] == fact
    for locale in ("sv", "en"):
        named = ", ".join(fact_label(name, locale) for name in fact.split(", "))
        assert named in finding.message(locale)
        assert "_" not in finding.message(locale)


@pytest.mark.parametrize(
    ("participant", "on", "status", "expected"),
    [
        pytest.param(
            person(permit=None),
            "2025-01-13",
            UNDETERMINED,
            [(PERMIT, WARNING, None, d("2025-01-13"))],
            id="no permit",
        ),
        pytest.param(
            person(registered=None),
            "2025-01-13",
            UNDETERMINED,
            [(REGISTRATION, WARNING, None, d("2025-01-13"))],
            id="no registration",
        ),
        pytest.param(
            person(registered=None, permit=None),
            "2025-01-13",
            UNDETERMINED,
            [
                (PERMIT, WARNING, None, d("2025-01-13")),
                (REGISTRATION, WARNING, None, d("2025-01-13")),
            ],
            id="neither",
        ),
        pytest.param(
            person(born="2005-08-01", permit=None),
            "2024-11-04",
            INELIGIBLE,
            [(AGE, ERROR, None, d("2025-08-01")), (PERMIT, WARNING, None, d("2024-11-04"))],
            id="too young and no permit",
        ),
        pytest.param(
            person(registered=None, permit=permit("work")),
            "2025-01-13",
            INELIGIBLE,
            [
                (PERMIT, ERROR, None, d("2025-01-13")),
                (REGISTRATION, WARNING, None, d("2025-01-13")),
            ],
            id="a work permit and no registration",
        ),
        pytest.param(
            person(
                registered="2021-01-11",
                permit=permit("family_member", "2020-12-01", applied=None, anchor="2019-03-15"),
            ),
            "2025-01-13",
            INELIGIBLE,
            [
                (FAMILY, WARNING, None, d("2025-01-13")),
                (REGISTRATION, ERROR, None, d("2024-01-11")),
            ],
            id="too late after registration, application date missing",
        ),
        pytest.param(
            person(registered=None, permit=permit(granted="2025-03-03")),
            "2025-01-13",
            INELIGIBLE,
            [
                (NOT_YET, ERROR, None, d("2025-03-03")),
                (REGISTRATION, WARNING, None, d("2025-01-13")),
            ],
            id="before the grant, registration missing",
        ),
    ],
)
def test_a_failed_condition_makes_it_ineligible_whatever_is_missing(
    participant: Participant,
    on: str,
    status: EligibilityStatus,
    expected: list[Row],
) -> None:
    """Lag (2017:584) 2 §: one failed condition suffices; a missing fact leaves no window."""
    _assert(participant, on, status, expected, None)


@pytest.mark.parametrize(
    ("participant", "on", "expected", "window"),
    [
        pytest.param(
            YOUNG,
            "2024-03-01",
            [(AGE, ERROR, None, d("2024-08-01")), (NOT_YET, ERROR, None, d("2024-03-04"))],
            ("2024-08-01", "2027-03-04"),
            id="too young and not yet registered: both cured by waiting",
        ),
        pytest.param(
            person(permit=permit("studies", "2024-12-02")),
            "2024-11-04",
            [(PERMIT, ERROR, None, d("2024-11-04")), (NOT_YET, ERROR, None, d("2024-12-02"))],
            None,
            id="a study permit not yet granted",
        ),
        pytest.param(
            person(
                born="1957-06-01",
                registered="2022-01-10",
                permit=permit("other", "2021-12-01"),
            ),
            "2023-03-01",
            [(AGE, ERROR, None, d("2022-06-01")), (PERMIT, ERROR, None, d("2023-03-01"))],
            None,
            id="too old and the wrong permit",
        ),
    ],
)
def test_several_failed_conditions_are_each_reported(
    participant: Participant, on: str, expected: list[Row], window: Window
) -> None:
    """Lag (2017:584) 2 §: every failed condition is its own error."""
    _assert(participant, on, INELIGIBLE, expected, window)


def test_the_answer_is_json_ready() -> None:
    """Lag (2017:584) 2 §: the answer with its window, as plain values."""
    answer = check_eligibility(BASE, on=d("2025-01-13"))
    assert answer.to_dict() == {
        "status": "eligible",
        "eligible": True,
        "on": "2025-01-13",
        "findings": [],
        "window": ["2024-11-04", "2027-11-04"],
    }
    assert check_eligibility(person(permit=None), on=d("2025-01-13")).to_dict()["window"] is None


def test_only_a_participant_can_be_checked() -> None:
    """Lag (2017:584) 2 §: eligibility is a question about a person."""
    with pytest.raises(TypeError, match="Participant"):
        check_eligibility("deltagare-1", on=d("2025-01-13"))  # type: ignore[arg-type]


# -- as plan rules ----------------------------------------------------------------

# The default catalogue holds referral rules of the same codes; swap them for the
# tri-state ones.
WITH_ELIGIBILITY = DEFAULT_RULES.without(*CODES).with_rules(*ELIGIBILITY_RULES)


@pytest.mark.parametrize(
    ("participant", "referred", "plan_made", "as_of", "expected"),
    [
        pytest.param(
            YOUNG,
            "2024-07-31",
            None,
            "2026-01-01",
            [(AGE, ERROR, None, d("2024-08-01"))],
            id="referred the day before the 20th birthday, checked much later",
        ),
        pytest.param(YOUNG, "2024-08-01", None, "2024-08-01", [], id="referred on the birthday"),
        pytest.param(
            YOUNG,
            "2024-07-31",
            "2024-08-20",
            "2024-08-20",
            [(AGE, ERROR, None, d("2024-08-01"))],
            id="the referral counts, not the plan",
        ),
        pytest.param(
            YOUNG,
            "2024-03-01",
            None,
            "2024-03-01",
            [(AGE, ERROR, None, d("2024-08-01")), (NOT_YET, ERROR, None, d("2024-03-04"))],
            id="referred before the registration",
        ),
        pytest.param(
            BASE,
            "2027-11-05",
            None,
            "2027-11-05",
            [(REGISTRATION, ERROR, None, d("2027-11-04"))],
            id="referred after 36 months",
        ),
        pytest.param(BASE, "2027-11-04", None, "2028-01-03", [], id="referred on the last day"),
        pytest.param(
            person(permit=permit("work")),
            "2025-01-13",
            None,
            "2025-01-13",
            [(PERMIT, ERROR, None, d("2025-01-13"))],
            id="a work permit",
        ),
        pytest.param(
            person(permit=None),
            "2025-01-13",
            None,
            "2025-01-13",
            [(PERMIT, WARNING, None, d("2025-01-13"))],
            id="no permit: a warning",
        ),
        pytest.param(
            _family("2025-03-16", "2019-03-15"),
            "2025-08-04",
            None,
            "2025-08-04",
            [(FAMILY, ERROR, None, d("2025-03-16"))],
            id="a family member too late",
        ),
    ],
)
def test_the_eligibility_rules_check_the_participant_on_the_referral(
    participant: Participant,
    referred: str,
    plan_made: str | None,
    as_of: str,
    expected: list[Row],
) -> None:
    """Lag (2017:584) 2 §: eligibility is decided on the day of the referral (anvisning)."""
    subject = plan(participant=participant, referred=referred, plan_made=plan_made)
    assert found(subject, as_of=as_of, codes=CODES, rules=WITH_ELIGIBILITY) == expected


def test_the_eligibility_rules_share_their_codes_with_the_default_catalogue() -> None:
    """Lag (2017:584) 2 §: the default catalogue checks the same conditions at referral,
    so adding ELIGIBILITY_RULES to it is refused as a duplicate code."""
    assert ELIGIBILITY_RULES.codes == CODES
    assert set(CODES) <= set(DEFAULT_RULES.codes)
    for code in CODES:
        assert DEFAULT_RULES[code] is not ELIGIBILITY_RULES[code]
    with pytest.raises(DuplicateRuleError, match="ELIG-AGE"):
        DEFAULT_RULES.with_rules(*ELIGIBILITY_RULES)


def test_the_eligibility_rules_apply_to_the_establishment_programme_only() -> None:
    """Lag (2017:584) 2 §: the conditions are the establishment programme's."""
    subject = plan(participant=YOUNG, referred="2024-07-31", programme="municipal")
    assert found(subject, as_of="2024-07-31", codes=CODES, rules=WITH_ELIGIBILITY) == []


def test_a_missing_fact_is_a_warning_even_as_a_plan_rule() -> None:
    """Lag (2017:584) 2 §: the rule's severity is error, a missing fact only a warning."""
    subject = plan(participant=person(registered=None), referred="2025-01-13")
    assert found(subject, as_of="2025-01-13", codes=CODES, rules=WITH_ELIGIBILITY) == [
        (REGISTRATION, WARNING, None, d("2025-01-13"))
    ]
    assert ELIGIBILITY_RULES[REGISTRATION].severity is Severity.ERROR


def test_the_window_of_a_date_is_what_its_boundaries_say() -> None:
    """Lag (2017:584) 2 §: a referral on a day inside the window is possible, outside not."""
    first, last = d("2024-11-04"), d("2027-11-04")
    one = _dt.timedelta(days=1)
    for day, status in (
        (first - one, INELIGIBLE),
        (first, ELIGIBLE),
        (last, ELIGIBLE),
        (last + one, INELIGIBLE),
    ):
        assert check_eligibility(BASE, on=day).status is status
