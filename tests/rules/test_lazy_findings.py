"""A built-in rule's finding renders its messages when first read, and is the same value.

The engine builds the findings of its own rules directly and renders their messages
only when they are read or compared (issue 15); a finding made through the public
constructor, with the messages given, must be indistinguishable from it: equal, with the
same hash, ``repr``, pickle and dict. A user's rule still renders at once, so that a bad
template fails inside the evaluation with the rule's code.
"""

from __future__ import annotations

import datetime as _dt
import pickle
from collections.abc import Iterator

import attrs
import pytest

from _profiles import examples
from handlingsplan import synthetic
from handlingsplan._frozen import freeze
from handlingsplan.errors import RuleError
from handlingsplan.rules import Context, Finding, Report, Severity, evaluate, rule
from handlingsplan.rules._finding import Facts

AS_OF = _dt.date(2026, 3, 2)


def _reports() -> list[Report]:
    """Fresh reports, none of their findings read, on a synthetic caseload."""
    plans = synthetic.caseload(examples(300), seed=15)
    return [evaluate(plan, as_of=AS_OF) for plan in plans]


def _eager(finding: Finding) -> Finding:
    """The same finding through the public constructor, its messages given in full."""
    return Finding(
        code=finding.code,
        severity=finding.severity,
        reason=finding.reason,
        subject=finding.subject,
        on=finding.on,
        facts=dict(finding.facts),
        basis=finding.basis,
        title=finding.title,
        titles=finding.titles,
        messages=dict(finding.messages),
    )


def _findings() -> list[Finding]:
    found = [finding for report in _reports() for finding in report.findings]
    assert len({finding.code for finding in found}) >= 5
    return found


def test_a_built_in_finding_equals_the_same_finding_made_by_the_constructor() -> None:
    for lazy, read in zip(_findings(), _findings(), strict=True):
        made = _eager(read)
        # ``lazy`` has not been read: comparing renders its messages
        assert lazy == made
        assert made == lazy
        assert hash(lazy) == hash(made)
        assert repr(lazy) == repr(made)
        assert lazy.to_dict() == made.to_dict()


def test_a_finding_differing_only_in_its_messages_is_not_equal() -> None:
    finding = _findings()[0]
    other = _eager(finding)
    changed = attrs.evolve(other, messages={"sv": "annat", "en": "other"})
    assert finding != changed


def test_an_unread_finding_pickles_to_an_equal_finding() -> None:
    for finding, read in zip(_findings(), _findings(), strict=True):
        again = pickle.loads(pickle.dumps(finding))
        assert again == read
        assert again.message("sv") == read.message("sv")
        assert again.message("en") == read.message("en")


def test_a_finding_read_once_keeps_its_messages() -> None:
    finding = _findings()[0]
    first = finding.messages
    assert finding.messages is first
    assert set(first) == {"sv", "en"}


def test_evolving_an_unread_finding_keeps_its_messages() -> None:
    finding = _findings()[0]
    moved = attrs.evolve(finding, severity=Severity.INFO)
    assert moved.messages == _eager(finding).messages
    assert moved.severity is Severity.INFO


def test_the_repr_names_the_messages_as_the_constructor_does() -> None:
    finding = _findings()[0]
    shown = repr(finding)
    assert shown.startswith("Finding(code=")
    assert "messages=Facts({'sv': " in shown
    assert "_messages" not in shown


@rule(
    code="USER-BAD-TEMPLATE",
    title="A user's rule with a template naming a fact it never gives",
    severity="info",
    basis="Lokal rutin",
    messages={"sv": "{missing}", "en": "{missing}"},
)
def bad_template(ctx: Context) -> Iterator[Finding]:
    yield ctx.finding(on=ctx.as_of)


def test_a_users_bad_template_fails_inside_the_evaluation() -> None:
    plan = synthetic.caseload(1, seed=15)[0]
    with pytest.raises(RuleError, match="USER-BAD-TEMPLATE"):
        evaluate(plan, as_of=AS_OF, rules=[bad_template])


def test_facts_made_in_one_pass_equal_facts_made_by_the_constructor() -> None:
    items = {"weeks": [3, 4], "on": _dt.date(2026, 1, 1), "codes": {"A"}, "n": 1.5}
    assert Facts.of(items) == Facts(items)
    assert Facts.of(items)["weeks"] == (3, 4)


def test_freeze_keeps_plain_values_as_they_are() -> None:
    day = _dt.date(2026, 1, 1)
    for value in ("text", 3, 2.5, True, None, day):
        assert freeze(value) is value
