"""Key dates built directly are the values the public constructor builds.

:func:`~handlingsplan.deadlines.deadlines` builds each :class:`Deadline` slot by slot,
without the constructor's converter, from values already in the constructor's types.
Rebuilt through the public constructor from its fields, every key date of the
strategies' plans and of a synthetic caseload compares, hashes, pickles, shows and
serialises alike, and its facts are as frozen.
"""

from __future__ import annotations

import datetime as _dt
import pickle
from collections.abc import Mapping
from typing import Any

import pendulum
import pytest
from hypothesis import given

from _profiles import examples
from handlingsplan import synthetic
from handlingsplan._frozen import FrozenMapping, freeze
from handlingsplan.deadlines import Deadline, DeadlineKind, deadlines
from handlingsplan.model import Plan
from handlingsplan.strategies import plans

CASELOAD = (
    *synthetic.caseload(300, seed=21),
    *synthetic.caseload(100, seed=22, identity_numbers=True),
)


def rebuilt(deadline: Deadline) -> Deadline:
    """``deadline`` through the public constructor, its facts given as a plain dict."""
    return Deadline(
        kind=deadline.kind,
        due=deadline.due,
        act_by=deadline.act_by,
        subject=deadline.subject,
        basis=deadline.basis,
        facts=dict(deadline.facts),
    )


def thawed(value: Any) -> Any:
    """``value`` with frozen mappings as dicts, to compare with what ``freeze`` makes."""
    if isinstance(value, Mapping):
        return {key: thawed(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [thawed(item) for item in value]
    return value


def assert_as_constructed(plan: Plan) -> int:
    """Check each key date of ``plan`` against its rebuilt value; how many there were."""
    found = deadlines(plan)
    for deadline in found:
        public = rebuilt(deadline)
        assert deadline == public
        assert hash(deadline) == hash(public)
        assert repr(deadline) == repr(public)
        assert deadline.to_dict() == public.to_dict()
        assert pickle.loads(pickle.dumps(deadline)) == public
        assert pickle.loads(pickle.dumps(public)) == deadline
        assert type(deadline.kind) is DeadlineKind
        assert type(deadline.due) is pendulum.Date
        assert type(deadline.act_by) is pendulum.Date
        assert type(deadline.facts) is FrozenMapping
        assert deadline.facts == freeze(thawed(deadline.facts))
    assert found == tuple(rebuilt(deadline) for deadline in found)
    return len(found)


@given(plans())
def test_key_dates_of_drawn_plans_equal_those_the_constructor_builds(plan: Plan) -> None:
    assert_as_constructed(plan)


def test_key_dates_of_a_synthetic_caseload_equal_those_the_constructor_builds() -> None:
    sample = CASELOAD[: examples(len(CASELOAD))]
    assert sum(assert_as_constructed(plan) for plan in sample) > 3 * len(sample)


def test_the_public_constructor_still_freezes_the_facts_it_is_given() -> None:
    facts: dict[str, Any] = {"event": "birth", "event_on": _dt.date(1990, 5, 17)}
    made = Deadline(
        kind=DeadlineKind.AGE_18,
        due=_dt.date(2008, 5, 17),
        act_by=_dt.date(2008, 5, 17),
        basis="Föräldrabalken 9 kap. 1 §",
        facts=facts,
    )
    facts["event"] = "changed"
    assert type(made.facts) is FrozenMapping
    assert made.facts["event"] == "birth"
    with pytest.raises(TypeError):
        made.facts["event"] = "changed"  # type: ignore[index]
