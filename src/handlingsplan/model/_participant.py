"""The participant (*deltagare*) and the residence permit (*uppehållstillstånd*)."""

from __future__ import annotations

import datetime as _dt

import attrs

from .._privacy import private
from ..errors import ErrorCode
from ._checks import Problems
from ._circumstance import Circumstance
from ._enums import Gender, PermitKind
from ._identity import IdentityNumber

__all__ = ["Participant", "Permit"]


@private
@attrs.frozen(kw_only=True)
class Permit:
    """The residence permit that makes someone newly arrived (*nyanländ*).

    ``anchor_first_received_on`` is, for a family member (*anhörig*), the day the
    anchor person was first received in a municipality: the application
    (``applied_on``) must be made within six years of it (Lag 2017:584 2 §).
    """

    kind: PermitKind
    granted_on: _dt.date
    applied_on: _dt.date | None = None
    anchor_first_received_on: _dt.date | None = None

    def __attrs_post_init__(self) -> None:
        check = Problems(self)
        check.enum("kind", PermitKind)
        check.date("granted_on")
        check.date("applied_on", optional=True)
        check.date("anchor_first_received_on", optional=True)
        check.done()


@private
@attrs.frozen(kw_only=True)
class Participant:
    """A person with an individual plan.

    ``id`` is a pseudonymous identifier; the optional ``identity_number``
    (*personnummer* or *samordningsnummer*) must agree with ``birth_date`` and is never
    shown in full. ``first_registered_on`` is the first population registration
    (*folkbokföring*) in a municipality, which starts several statutory clocks.
    ``short_education`` marks a participant under the education obligation
    (*utbildningsplikt*). ``circumstances`` are the periods in which a referral is
    hindered (Förordning 2017:820 5 §): full-time work, upper-secondary school and so on.
    """

    id: str
    birth_date: _dt.date
    gender: Gender | None = None
    identity_number: IdentityNumber | None = None
    first_registered_on: _dt.date | None = None
    permit: Permit | None = None
    unaccompanied_minor: bool = False
    short_education: bool = False
    needs_sfi: bool = True
    circumstances: tuple[Circumstance, ...] = ()

    def __attrs_post_init__(self) -> None:
        check = Problems(self)
        check.text("id", nonempty=True)
        born = check.date("birth_date")
        check.enum("gender", Gender, optional=True)
        if check.instance("identity_number", IdentityNumber, optional=True) and born:
            assert self.identity_number is not None
            if self.identity_number.birth_date != self.birth_date:
                check.add(
                    "identity_number",
                    f"its birth date {self.identity_number.masked[:8]} disagrees with "
                    f"birth_date {self.birth_date.isoformat()}",
                    ErrorCode.CONFLICT,
                )
        check.date("first_registered_on", optional=True)
        check.instance("permit", Permit, optional=True)
        check.flag("unaccompanied_minor")
        check.flag("short_education")
        check.flag("needs_sfi")
        check.items_of("circumstances", Circumstance)
        check.done()
