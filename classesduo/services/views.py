"""Read models: a record plus the names around it, so lists and scripts need one query."""

from __future__ import annotations

from dataclasses import dataclass

from classesduo.domain.entities import Duo, ExchangeSession


@dataclass(frozen=True, slots=True)
class SchoolSide:
    """One end of a duo: the class and its school."""

    class_name: str
    level: str
    pupils: int
    school: str
    city: str
    country: str
    timezone: str
    arrondissement: int | None


@dataclass(frozen=True, slots=True)
class DuoView:
    duo: Duo
    paris: SchoolSide
    partner: SchoolSide
    facilitator: str

    @property
    def label(self) -> str:
        return f"{self.paris.school} ({self.paris.class_name}) ↔ {self.partner.school} ({self.partner.class_name})"


@dataclass(frozen=True, slots=True)
class SessionView:
    session: ExchangeSession
    duo_label: str
    paris_timezone: str
    partner_timezone: str
    partner_city: str
    facilitator: str
