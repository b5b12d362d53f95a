"""Every enum value a person reads has a Swedish and an English label."""

from __future__ import annotations

from enum import Enum

import pytest

from handlingsplan import ErrorCode, Severity
from handlingsplan._labels import LABELS, label


@pytest.mark.parametrize("cls", list(LABELS), ids=lambda cls: cls.__name__)
def test_every_member_has_both_labels(cls: type[Enum]) -> None:
    assert set(LABELS[cls]) == {member.value for member in cls}
    for member in cls:
        swedish, english = label(member, "sv"), label(member, "en")
        assert swedish.strip()
        assert english.strip()
        assert "_" not in swedish
        assert "_" not in english


def test_an_enum_for_machines_shows_its_value_in_words() -> None:
    assert label(ErrorCode.NULL_NOT_ALLOWED, "sv") == "null not allowed"
    assert label(Severity.ERROR, "en") == "error"
