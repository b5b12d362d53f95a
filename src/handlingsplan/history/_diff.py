"""Differences between two versions of a plan, as data."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any, Generic, TypeVar

import attrs

from .._privacy import echo, redact, redacted_repr
from ..errors import ErrorCode, ErrorDetail, InvalidPlanError
from ..model import (
    Absence,
    Activity,
    Circumstance,
    Exit,
    FollowUp,
    IdentityNumber,
    Interruption,
    Milestone,
    Participant,
    ParticipationChange,
    Plan,
)
from ..rules import LOCALES

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


# -- showing values -----------------------------------------------------------------

_TEXT: Mapping[str, Mapping[str, str]] = {
    "sv": {
        "empty": "Inga ändringar.",
        "field": "{field} ändrades från {old} till {new}",
        "participant": "Deltagaren: {field} ändrades från {old} till {new}",
        "activity_added": "Aktiviteten {id} lades till: {what}",
        "activity_removed": "Aktiviteten {id} togs bort: {what}",
        "activity_changed": "Aktiviteten {id}: {field} ändrades från {old} till {new}",
        "activity_order": "Aktiviteterna fick ordningen {order}",
        "milestone_added": "Delmålet {id} lades till: {what}",
        "milestone_removed": "Delmålet {id} togs bort: {what}",
        "milestone_changed": "Delmålet {id}: {field} ändrades från {old} till {new}",
        "milestone_order": "Delmålen fick ordningen {order}",
        "interruption_added": "Avbrottet {what} lades till",
        "interruption_removed": "Avbrottet {what} togs bort",
        "interruption_order": "Avbrotten fick ordningen {order}",
        "participation_change_added": "Ändringen av omfattningen {what} lades till",
        "participation_change_removed": "Ändringen av omfattningen {what} togs bort",
        "participation_change_order": "Ändringarna av omfattningen fick ordningen {order}",
        "absence_added": "Frånvaron {what} lades till",
        "absence_removed": "Frånvaron {what} togs bort",
        "absence_order": "Frånvaron fick ordningen {order}",
        "exit_set": "Avslutet {new} registrerades",
        "exit_changed": "Avslutet ändrades från {old} till {new}",
        "exit_removed": "Avslutet {old} togs bort",
        "follow_up_set": "Uppföljningen {new} registrerades",
        "follow_up_changed": "Uppföljningen ändrades från {old} till {new}",
        "follow_up_removed": "Uppföljningen {old} togs bort",
        "none": "inget",
        "yes": "ja",
        "no": "nej",
        "period": "{start}–{end}",
        "open": "tills vidare",
        "hours": "{hours} tim/vecka",
        "due": "senast {due}",
        "achieved": "uppnått {on}",
        "from": "från {on}",
    },
    "en": {
        "empty": "No changes.",
        "field": "{field} changed from {old} to {new}",
        "participant": "Participant: {field} changed from {old} to {new}",
        "activity_added": "Activity {id} added: {what}",
        "activity_removed": "Activity {id} removed: {what}",
        "activity_changed": "Activity {id}: {field} changed from {old} to {new}",
        "activity_order": "Activities reordered: {order}",
        "milestone_added": "Milestone {id} added: {what}",
        "milestone_removed": "Milestone {id} removed: {what}",
        "milestone_changed": "Milestone {id}: {field} changed from {old} to {new}",
        "milestone_order": "Milestones reordered: {order}",
        "interruption_added": "Interruption {what} added",
        "interruption_removed": "Interruption {what} removed",
        "interruption_order": "Interruptions reordered: {order}",
        "participation_change_added": "Participation change {what} added",
        "participation_change_removed": "Participation change {what} removed",
        "participation_change_order": "Participation changes reordered: {order}",
        "absence_added": "Absence {what} added",
        "absence_removed": "Absence {what} removed",
        "absence_order": "Absences reordered: {order}",
        "exit_set": "Exit {new} recorded",
        "exit_changed": "Exit changed from {old} to {new}",
        "exit_removed": "Exit {old} removed",
        "follow_up_set": "Follow-up {new} recorded",
        "follow_up_changed": "Follow-up changed from {old} to {new}",
        "follow_up_removed": "Follow-up {old} removed",
        "none": "none",
        "yes": "yes",
        "no": "no",
        "period": "{start} to {end}",
        "open": "open",
        "hours": "{hours} h/week",
        "due": "due {due}",
        "achieved": "achieved {on}",
        "from": "from {on}",
    },
}


def _show(value: object, locale: str) -> str:
    """``value`` as shown in a rendered diff or an error message."""
    text = _TEXT[locale]
    if value is None:
        return text["none"]
    if isinstance(value, bool):
        return text["yes" if value else "no"]
    if isinstance(value, int | float):
        return str(int(value)) if float(value).is_integer() else repr(value)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, IdentityNumber):
        return value.masked
    if isinstance(value, Activity):
        period = text["period"].format(
            start=_show(value.start, locale), end=_show(value.end, locale)
        )
        hours = text["hours"].format(hours=_show(value.hours_per_week, locale))
        return f"{value.kind.value}, {period}, {hours}, {value.status.value}"
    if isinstance(value, Milestone):
        parts = [value.kind.value, _show(value.title, locale)]
        parts.append(text["due"].format(due=_show(value.due, locale)))
        if value.achieved_on is not None:
            parts.append(text["achieved"].format(on=_show(value.achieved_on, locale)))
        return ", ".join(parts)
    if isinstance(value, Interruption):
        period = text["period"].format(
            start=_show(value.start, locale), end=_show(value.end, locale)
        )
        return f"{period} ({value.reason.value})"
    if isinstance(value, ParticipationChange):
        level = (
            f"{text['from'].format(on=_show(value.on, locale))}: {_show(value.percent, locale)} %"
        )
        return level if value.reason is None else f"{level} ({value.reason.value})"
    if isinstance(value, Absence):
        period = text["period"].format(
            start=_show(value.start, locale), end=_show(value.end, locale)
        )
        return f"{period} ({value.reason.value}, {_show(value.percent, locale)} %)"
    if isinstance(value, Circumstance):
        end = text["open"] if value.end is None else _show(value.end, locale)
        period = text["period"].format(start=_show(value.start, locale), end=end)
        return f"{value.kind.value}, {period}"
    if isinstance(value, tuple):  # a participant's circumstances
        return "; ".join(_show(item, locale) for item in value) if value else text["none"]
    if isinstance(value, Exit):
        return f"{_show(value.on, locale)} ({value.reason.value})"
    if isinstance(value, FollowUp):
        return f"{_show(value.on, locale)} ({value.status.value})"
    cls = type(value)
    if attrs.has(cls):  # a permit: its fields that are set
        return ", ".join(
            f"{field.name}={_show(getattr(value, field.name), locale)}"
            for field in attrs.fields(cls)
            if getattr(value, field.name) is not None
        )
    return str(value)


def _plain(value: object) -> Any:
    """``value`` in its JSON-ready form, an identity number masked."""
    if isinstance(value, IdentityNumber):
        return value.masked
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    cls = type(value)
    if attrs.has(cls):
        return {field.name: _plain(getattr(value, field.name)) for field in attrs.fields(cls)}
    return value


def _change_dict(change: FieldChange) -> dict[str, Any]:
    return {"field": change.field, "old": _plain(change.old), "new": _plain(change.new)}
