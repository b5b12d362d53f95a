"""Differences between two versions of a plan, as data."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

import attrs

from .._privacy import echo, redact, redacted_repr
from ..errors import ErrorCode, ErrorDetail, InvalidPlanError
from ..model import (
    Absence,
    Activity,
    Interruption,
    Milestone,
    Participant,
    ParticipationChange,
    Plan,
)
from ..rules import LOCALES
from ._show import TEXT as _TEXT
from ._show import change_dict as _change_dict
from ._show import plain as _plain
from ._show import show as _show

_T = TypeVar("_T")
_A = TypeVar("_A", Participant, Activity, Milestone)
_Item = TypeVar("_Item", Activity, Milestone)
_V = TypeVar("_V", Interruption, ParticipationChange, Absence)


# -- differences --------------------------------------------------------------------


@redacted_repr
@attrs.frozen(kw_only=True)
class FieldChange:
    """One field whose value changed from ``old`` to ``new``."""

    field: str
    old: Any
    new: Any


@redacted_repr
@attrs.frozen(kw_only=True)
class ItemChange:
    """The fields that changed in the activity or milestone with ``id``."""

    id: str
    changes: tuple[FieldChange, ...]


@redacted_repr
@attrs.frozen(kw_only=True)
class CollectionDiff(Generic[_T]):
    """What changed in one collection of a plan: activities, milestones, interruptions,
    participation changes or absences.

    Activities and milestones are matched by id: ``changed`` lists the fields that
    changed in each item kept. Interruptions have no id and are matched by value, so a
    changed interruption is one removed and one added. ``order`` is ``None`` when the
    new order follows from the rest (the items kept in their old order, then the added
    ones); otherwise it gives the new order, by id or, for the items without one, by value.
    """

    added: tuple[_T, ...] = ()
    removed: tuple[_T, ...] = ()
    changed: tuple[ItemChange, ...] = ()
    order: tuple[Any, ...] | None = None

    @property
    def is_empty(self) -> bool:
        """Whether nothing changed in the collection."""
        return not (self.added or self.removed or self.changed) and self.order is None


@redacted_repr
@attrs.frozen(kw_only=True)
class PlanDiff:
    """What changed from one version of a plan to the next, as data.

    ``fields`` holds the changes to the plan's own fields (``id``, ``referred_on``,
    ``programme``, ``plan_made_on``, ``participation_percent``) and ``participant`` to
    the participant's; ``exit`` and ``follow_up`` are a :class:`FieldChange` when one
    was set, changed or removed.
    """

    fields: tuple[FieldChange, ...] = ()
    participant: tuple[FieldChange, ...] = ()
    activities: CollectionDiff[Activity] = CollectionDiff()
    milestones: CollectionDiff[Milestone] = CollectionDiff()
    interruptions: CollectionDiff[Interruption] = CollectionDiff()
    participation_changes: CollectionDiff[ParticipationChange] = CollectionDiff()
    absences: CollectionDiff[Absence] = CollectionDiff()
    exit: FieldChange | None = None
    follow_up: FieldChange | None = None

    @property
    def is_empty(self) -> bool:
        """Whether nothing changed."""
        return self == PlanDiff()

    def apply(self, plan: Plan) -> Plan:
        """``plan`` with these changes made: ``diff(old, new).apply(old) == new``.

        Every value the diff changes or removes must be in ``plan`` as the diff recorded
        it; otherwise :class:`~handlingsplan.InvalidPlanError` lists each mismatch with
        its path in ``plan``. Parts the diff does not touch are kept, so a diff also
        applies to a plan that differs from the old one elsewhere.
        """
        if not isinstance(plan, Plan):
            raise TypeError(f"apply takes a Plan, not {type(plan).__name__}")
        problems: list[ErrorDetail] = []
        changes: dict[str, Any] = {}
        for change in (*self.fields, *filter(None, (self.exit, self.follow_up))):
            _expect(problems, change.field, getattr(plan, change.field), change.old)
            changes[change.field] = change.new
        if self.participant:
            for change in self.participant:
                path = f"participant.{change.field}"
                _expect(problems, path, getattr(plan.participant, change.field), change.old)
            changes["participant"] = _evolve(
                problems, "participant", plan.participant, self.participant
            )
        changes["activities"] = _apply_by_id(problems, "activity", plan.activities, self.activities)
        changes["milestones"] = _apply_by_id(
            problems, "milestone", plan.milestones, self.milestones
        )
        for name, noun in _BY_VALUE:
            changes[name] = _apply_by_value(
                problems, name, noun, getattr(plan, name), getattr(self, name)
            )
        if problems:
            raise InvalidPlanError(problems)
        return attrs.evolve(plan, **changes)

    def render(self, locale: str = "sv") -> tuple[str, ...]:
        """The changes as readable lines in ``locale`` (``"sv"`` or ``"en"``).

        Field names are those of the dict form and values are shown as there, except
        that an identity number is masked, whichever field holds it. Another locale
        raises ``ValueError``.
        """
        if locale not in LOCALES:
            raise ValueError(f"locale must be one of {LOCALES}, not {echo(locale)}")
        text = _TEXT[locale]
        if self.is_empty:
            return (text["empty"],)

        def show(value: object) -> str:
            return _show(value, locale)

        def line(template: str, change: FieldChange | None = None, **more: object) -> str:
            if change is not None:
                more.update(field=change.field, old=show(change.old), new=show(change.new))
            return redact(text[template].format(**more))

        lines = [line("field", change) for change in self.fields]
        lines.extend(line("participant", change) for change in self.participant)
        for noun, part in (("activity", self.activities), ("milestone", self.milestones)):
            lines.extend(line(f"{noun}_removed", id=i.id, what=show(i)) for i in part.removed)
            lines.extend(
                line(f"{noun}_changed", change, id=item.id)
                for item in part.changed
                for change in item.changes
            )
            lines.extend(line(f"{noun}_added", id=i.id, what=show(i)) for i in part.added)
            if part.order is not None:
                lines.append(line(f"{noun}_order", order=", ".join(part.order)))
        for name, noun in _BY_VALUE:
            part = getattr(self, name)
            key = noun.replace(" ", "_")
            lines.extend(line(f"{key}_removed", what=show(i)) for i in part.removed)
            lines.extend(line(f"{key}_added", what=show(i)) for i in part.added)
            if part.order is not None:
                lines.append(line(f"{key}_order", order="; ".join(map(show, part.order))))
        for whole in filter(None, (self.exit, self.follow_up)):
            kind = "set" if whole.old is None else "removed" if whole.new is None else "changed"
            lines.append(line(f"{whole.field}_{kind}", whole))
        return tuple(lines)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: dates as ISO strings, enums as values, values as dicts.

        Values have the shape of the dict form (without the schema key), except that an
        identity number is masked: the full number belongs in the plan, not in an audit
        of it.
        """
        return {
            "fields": [_change_dict(change) for change in self.fields],
            "participant": [_change_dict(change) for change in self.participant],
            **{
                name: {
                    "added": _plain(part.added),
                    "removed": _plain(part.removed),
                    "changed": [
                        {"id": item.id, "changes": [_change_dict(c) for c in item.changes]}
                        for item in part.changed
                    ],
                    "order": _plain(part.order),
                }
                for name, part in (
                    ("activities", self.activities),
                    ("milestones", self.milestones),
                    ("interruptions", self.interruptions),
                    ("participation_changes", self.participation_changes),
                    ("absences", self.absences),
                )
            },
            "exit": None if self.exit is None else _change_dict(self.exit),
            "follow_up": None if self.follow_up is None else _change_dict(self.follow_up),
        }


# The parts of a plan that diff() compares part by part; every other field of the plan
# is compared as a whole value.
_BY_VALUE = (
    ("interruptions", "interruption"),
    ("participation_changes", "participation change"),
    ("absences", "absence"),
)
"""The collections of a plan whose items have no id: matched by value, in this order."""
_PARTS = frozenset(
    {"participant", "activities", "milestones", "exit", "follow_up"}
    | {name for name, _ in _BY_VALUE}
)
_PLAN_FIELDS = tuple(field.name for field in attrs.fields(Plan) if field.name not in _PARTS)
_PARTICIPANT_FIELDS = tuple(field.name for field in attrs.fields(Participant))
_ITEM_FIELDS = {
    cls: tuple(field.name for field in attrs.fields(cls) if field.name != "id")
    for cls in (Activity, Milestone)
}
_ORDER_MISMATCH = "the diff's order does not name the same items as the result"


def diff(old: Plan, new: Plan) -> PlanDiff:
    """What changed from ``old`` to ``new``, as a :class:`PlanDiff`.

    ``diff(old, new).apply(old) == new`` for any two plans, and ``diff(plan, plan)`` is
    empty.
    """
    for name, value in (("old", old), ("new", new)):
        if not isinstance(value, Plan):
            raise TypeError(f"diff takes two Plan values; {name} is {type(value).__name__}")
    return PlanDiff(
        fields=_field_changes(old, new, _PLAN_FIELDS),
        participant=_field_changes(old.participant, new.participant, _PARTICIPANT_FIELDS),
        activities=_diff_by_id(old.activities, new.activities),
        milestones=_diff_by_id(old.milestones, new.milestones),
        interruptions=_diff_by_value(old.interruptions, new.interruptions),
        participation_changes=_diff_by_value(old.participation_changes, new.participation_changes),
        absences=_diff_by_value(old.absences, new.absences),
        exit=_whole_change("exit", old.exit, new.exit),
        follow_up=_whole_change("follow_up", old.follow_up, new.follow_up),
    )


def _whole_change(field: str, old: object, new: object) -> FieldChange | None:
    return None if old == new else FieldChange(field=field, old=old, new=new)


def _field_changes(old: object, new: object, names: Iterable[str]) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(field=name, old=getattr(old, name), new=getattr(new, name))
        for name in names
        if getattr(old, name) != getattr(new, name)
    )


def _diff_by_id(old: tuple[_Item, ...], new: tuple[_Item, ...]) -> CollectionDiff[_Item]:
    old_by_id = {item.id: item for item in old}
    new_by_id = {item.id: item for item in new}
    added = tuple(item for item in new if item.id not in old_by_id)
    kept: tuple[str, ...] = tuple(item.id for item in old if item.id in new_by_id)
    added_ids: tuple[str, ...] = tuple(item.id for item in added)
    order = tuple(item.id for item in new)
    return CollectionDiff(
        added=added,
        removed=tuple(item for item in old if item.id not in new_by_id),
        changed=tuple(
            ItemChange(
                id=item.id,
                changes=_field_changes(item, new_by_id[item.id], _ITEM_FIELDS[type(item)]),
            )
            for item in old
            if item.id in new_by_id and item != new_by_id[item.id]
        ),
        order=None if (*kept, *added_ids) == order else order,
    )


def _diff_by_value(old: tuple[_V, ...], new: tuple[_V, ...]) -> CollectionDiff[_V]:
    added: tuple[_V, ...] = tuple(item for item in new if item not in old)
    kept: tuple[_V, ...] = tuple(item for item in old if item in new)
    return CollectionDiff(
        added=added,
        removed=tuple(item for item in old if item not in new),
        order=None if (*kept, *added) == new else new,
    )


def _expect(problems: list[ErrorDetail], path: str, actual: object, expected: object) -> None:
    if actual != expected:
        message = f"is {_show(actual, 'en')}, but the diff expects {_show(expected, 'en')}"
        problems.append(ErrorDetail.of(path, ErrorCode.CONFLICT, message))


def _evolve(
    problems: list[ErrorDetail], path: str, value: _A, changes: Iterable[FieldChange]
) -> _A:
    try:
        return attrs.evolve(value, **{change.field: change.new for change in changes})
    except InvalidPlanError as error:
        problems.extend(error.prefixed(path).details)
        return value


def _apply_by_id(
    problems: list[ErrorDetail],
    noun: str,
    items: tuple[_Item, ...],
    part: CollectionDiff[_Item],
) -> tuple[_Item, ...]:
    name = f"{noun[:-1]}ies" if noun.endswith("y") else f"{noun}s"
    current = {item.id: item for item in items}
    index = {item.id: position for position, item in enumerate(items)}
    for item in part.removed:
        if item.id in current:
            _expect(problems, f"{name}[{index[item.id]}]", current.pop(item.id), item)
        else:
            problems.append(
                ErrorDetail.of(name, ErrorCode.NOT_FOUND, f"no {noun} with id {echo(item.id)}")
            )
    for change in part.changed:
        if change.id not in current:
            problems.append(
                ErrorDetail.of(name, ErrorCode.NOT_FOUND, f"no {noun} with id {echo(change.id)}")
            )
            continue
        path = f"{name}[{index[change.id]}]"
        for field in change.changes:
            actual = getattr(current[change.id], field.field)
            _expect(problems, f"{path}.{field.field}", actual, field.old)
        current[change.id] = _evolve(problems, path, current[change.id], change.changes)
    for item in part.added:
        if item.id in current:
            problems.append(
                ErrorDetail.of(name, ErrorCode.DUPLICATE_ID, f"id {echo(item.id)} is already used")
            )
        current[item.id] = item
    if part.order is None:
        return tuple(current.values())
    if sorted(part.order) != sorted(current):
        problems.append(ErrorDetail.of(name, ErrorCode.CONFLICT, _ORDER_MISMATCH))
        return tuple(current.values())
    return tuple(current[item_id] for item_id in part.order)


def _apply_by_value(
    problems: list[ErrorDetail],
    name: str,
    noun: str,
    items: tuple[_V, ...],
    part: CollectionDiff[_V],
) -> tuple[_V, ...]:
    current = list(items)
    for item in part.removed:
        if item in current:
            current.remove(item)
        else:
            problems.append(
                ErrorDetail.of(name, ErrorCode.NOT_FOUND, f"has no {noun} {_show(item, 'en')}")
            )
    current.extend(part.added)
    if part.order is None:
        return tuple(current)
    if set(part.order) != set(current):
        problems.append(ErrorDetail.of(name, ErrorCode.CONFLICT, _ORDER_MISMATCH))
        return tuple(current)
    return tuple(part.order)
