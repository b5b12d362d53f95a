"""The demo's and the command line's plain-text tables, in Swedish or English.

Pure: everything is rendered to a string; only the command line writes it. Headings
and column names come from :data:`WORDS`; enum values are shown by their labels in
Swedish and by their values (English words) in English.
"""

from __future__ import annotations

import datetime as _dt
from typing import Final

from ._demo import DEMO_AS_OF, demo_caseload
from ._labels import outcome_word
from ._labels import table_value as shown
from .dates import age_on
from .deadlines import deadlines
from .model import Plan
from .outcomes import outcome_rates
from .rules import evaluate
from .rules._words import _LABELS as _SEVERITY_WORDS
from .rules._words import LOCALES

__all__ = ["WORDS", "render_demo", "render_outcomes", "render_plan", "render_table", "word"]

WORDS: Final[dict[str, tuple[str, str]]] = {
    "participant": ("deltagare", "participant"),
    "age_on": ("{age} år den {day}", "age {age} on {day}"),
    "unrecorded": ("kön ej registrerat", "unrecorded"),
    "identity_number": ("personnummer", "identity number"),
    "key_dates": ("Viktiga datum", "Key dates"),
    "date": ("datum", "date"),
    "act_by": ("senast", "act by"),
    "what": ("vad", "what"),
    "activities": ("Aktiviteter", "Activities"),
    "id": ("id", "id"),
    "kind": ("slag", "kind"),
    "start": ("start", "start"),
    "end": ("slut", "end"),
    "hours": ("tim/vecka", "h/week"),
    "status": ("status", "status"),
    "area": ("område", "area"),
    "milestones": ("Delmål", "Milestones"),
    "title": ("rubrik", "title"),
    "due": ("förfaller", "due"),
    "achieved": ("uppnått", "achieved"),
    "findings_on": ("Anmärkningar den {day}", "Findings on {day}"),
    "severity": ("allvarlighet", "severity"),
    "code": ("kod", "code"),
    "message": ("meddelande", "message"),
    "none": ("inga", "none"),
    "referral": ("anvisning", "referral (anvisning)"),
    "plan_made": ("planen upprättad", "plan made"),
    "exit": ("avslut ({reason})", "exit ({reason})"),
    "followed_up": ("uppföljd ({status})", "followed up ({status})"),
    "yes": ("ja", "yes"),
    "no": ("nej", "no"),
    "intro": (
        "handlingsplan demo: {count} exempelplaner den {day} (ett fast datum, inte dagens); "
        "de första {detailed} i sin helhet.",
        "handlingsplan demo: {count} example plans as of {day} (a fixed date, not today's); "
        "the first {detailed} in full.",
    ),
    "synthetic": (
        "Utöver exemplen: en syntetisk ärendelista med {count} planer "
        "(handlingsplan.synthetic, seed {seed}).",
        "Beyond the examples: a synthetic caseload of {count} plans "
        "(handlingsplan.synthetic, seed {seed}).",
    ),
    "plan": ("plan", "plan"),
    "subject": ("gäller", "subject"),
    "kind_code": ("slag (kod)", "kind"),
    "programmes": ("program", "programmes"),
    "all_programmes": ("alla", "all"),
    "basis": ("rättslig grund", "basis"),
    "in_force_on": ("Parametrar i kraft den {day}", "Parameters in force on {day}"),
    "name": ("namn", "name"),
    "value": ("värde", "value"),
    "unit": ("enhet", "unit"),
    "history": ("historik", "history"),
    "reference": ("källa", "reference"),
    "value_from": ("{value} från {day}", "{value} from {day}"),
}
"""The words of the plain-text tables as ``(sv, en)`` pairs; some are templates."""

SYNTHETIC_PLANS: Final = 2000
"""How many synthetic plans the demo summarises beyond the ones it shows in full."""

SYNTHETIC_SEED: Final = 2026


def word(key: str, locale: str, **values: object) -> str:
    """The word ``key`` in ``locale``, with ``values`` filled in."""
    if locale not in LOCALES:
        raise ValueError(f"locale must be one of {LOCALES}, not {locale!r}")
    swedish, english = WORDS[key]
    text = swedish if locale == "sv" else english
    return text.format(**values) if values else text


def render_table(rows: list[list[str]], header: list[str]) -> str:
    """A plain-text table with columns padded to their widest cell."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * width for width in widths))
    lines.extend(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    )
    return "\n".join(line.rstrip() for line in lines)


def render_plan(plan: Plan, *, as_of: _dt.date, locale: str = "en") -> str:
    """A readable block for one plan: the participant, key dates, activities, findings."""
    person = plan.participant
    age = age_on(person.birth_date, as_of)
    gender = (
        shown(person.gender, locale) if person.gender is not None else word("unrecorded", locale)
    )
    heading = (
        f"{plan.id} ({shown(plan.programme, locale)}), {word('participant', locale)} "
        f"{person.id}: {word('age_on', locale, age=age, day=as_of.isoformat())}, {gender}"
    )
    if person.identity_number is not None:
        heading += f", {word('identity_number', locale)} {person.identity_number}"
    activity_rows = [
        [
            activity.id,
            shown(activity.kind, locale),
            activity.start.isoformat(),
            activity.end.isoformat(),
            f"{activity.hours_per_week:g}",
            shown(activity.status, locale),
            shown(activity.area, locale),
        ]
        for activity in plan.activities
    ]
    w = [word(key, locale) for key in ("id", "kind", "start", "end", "hours", "status", "area")]
    parts = [
        heading,
        "=" * len(heading),
        "",
        word("key_dates", locale),
        render_table(
            _key_date_rows(plan, locale),
            [word("date", locale), word("act_by", locale), word("what", locale)],
        ),
        "",
        word("activities", locale),
        render_table(activity_rows, w),
    ]
    if plan.milestones:
        milestone_rows = [
            [
                milestone.id,
                milestone.title,
                milestone.due.isoformat(),
                milestone.achieved_on.isoformat() if milestone.achieved_on else "-",
            ]
            for milestone in plan.milestones
        ]
        header = [word(key, locale) for key in ("id", "title", "due", "achieved")]
        parts += ["", word("milestones", locale), render_table(milestone_rows, header)]
    findings = [
        [_SEVERITY_WORDS[locale][finding.severity.value], finding.code, finding.message(locale)]
        for finding in evaluate(plan, as_of=as_of).findings
    ]
    parts += ["", word("findings_on", locale, day=as_of.isoformat())]
    header = [word(key, locale) for key in ("severity", "code", "message")]
    parts.append(render_table(findings, header) if findings else word("none", locale))
    return "\n".join(parts)


def _key_date_rows(plan: Plan, locale: str) -> list[list[str]]:
    rows = [[plan.referred_on.isoformat(), "", word("referral", locale)]]
    if plan.plan_made_on is not None:
        rows.append([plan.plan_made_on.isoformat(), "", word("plan_made", locale)])
    for deadline in deadlines(plan):
        act_by = deadline.act_by.isoformat() if deadline.act_by != deadline.due else ""
        what = deadline.description(locale)
        if deadline.subject is not None:
            what += f" ({deadline.subject})"
        rows.append([deadline.due.isoformat(), act_by, what])
    if plan.exit is not None:
        reason = shown(plan.exit.reason, locale)
        rows.append([plan.exit.on.isoformat(), "", word("exit", locale, reason=reason)])
    if plan.follow_up is not None:
        status = shown(plan.follow_up.status, locale)
        rows.append([plan.follow_up.on.isoformat(), "", word("followed_up", locale, status=status)])
    rows.sort(key=lambda row: row[0])
    return rows


def render_outcomes(plans: tuple[Plan, ...], *, year: int, locale: str = "en") -> str:
    """The outcome table by gender for those who exited in ``year``, against the target."""
    start, end = _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    rates = outcome_rates(plans, exited_from=start, exited_to=end, by="gender")

    def percent(value: float | None) -> str:
        return "-" if value is None else f"{value:.0%}"

    meets = {True: word("yes", locale), False: word("no", locale), None: "-"}
    rows = [
        [
            outcome_word(rate.group, locale) if locale == "sv" else rate.group,
            str(rate.exited),
            str(rate.followed_up),
            str(rate.positive),
            percent(rate.rate_followed_up),
            percent(rate.rate_exited),
            meets[rate.meets_target],
        ]
        for rate in rates
    ]
    title = outcome_word("title", locale).format(
        year=year, by=outcome_word("gender", locale), target=f"{rates[0].target:.0%}"
    )
    header = [
        outcome_word("group", locale),
        outcome_word("exited", locale),
        outcome_word("followed_up", locale),
        outcome_word("positive", locale),
        outcome_word("rate_followed_up", locale),
        outcome_word("rate_exited", locale),
        outcome_word("meets_target", locale),
    ]
    return "\n".join([title, render_table(rows, header)])


def render_demo(*, as_of: _dt.date = DEMO_AS_OF, detailed: int = 7, locale: str = "en") -> str:
    """The demo's whole text for the embedded caseload on ``as_of``.

    The first ``detailed`` plans are shown in full, their texts in ``locale``; beyond
    them, a synthetic caseload's outcomes, and the outcome table of the examples.
    """
    from . import synthetic  # the demo's only use of the generator

    plans = demo_caseload()
    intro = word("intro", locale, count=len(plans), day=as_of.isoformat(), detailed=detailed)
    blocks = [intro, *(render_plan(plan, as_of=as_of, locale=locale) for plan in plans[:detailed])]
    many = synthetic.caseload(SYNTHETIC_PLANS, seed=SYNTHETIC_SEED)
    blocks.append(
        word("synthetic", locale, count=len(many), seed=SYNTHETIC_SEED)
        + "\n"
        + render_outcomes(many, year=2024, locale=locale)
    )
    blocks.append(render_outcomes(plans, year=2025, locale=locale))
    return "\n\n\n".join(blocks) + "\n"
