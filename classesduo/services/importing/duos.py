"""Duos from CSV; natural key: Paris class + partner class + school year."""

from __future__ import annotations

from sqlalchemy.orm import Session

from classesduo.domain.entities import Duo
from classesduo.domain.enums import DuoStatus
from classesduo.domain.validation import validate_duo
from classesduo.services.importing.engine import Planned
from classesduo.services.importing.fields import choice, code_list
from classesduo.services.importing.lookup import Lookup
from classesduo.services.importing.reader import Column, Row
from classesduo.storage.convert import duo_from_row, duo_to_row
from classesduo.storage.models import DuoRow

#: The columns naming a duo's two classes, shared with the sessions import.
CLASS_COLUMNS = (
    Column("paris_school", required=True),
    Column("paris_class", required=True),
    Column("paris_city"),
    Column("partner_school", required=True),
    Column("partner_class", required=True),
    Column("partner_city"),
)
COLUMNS = (
    *CLASS_COLUMNS,
    Column("school_year", required=True),
    Column("facilitator"),
    Column("languages"),
    Column("tools"),
    Column("status"),
    Column("project"),
    Column("visio_link"),
)
KEY_LABEL = "Paris class + partner class + school year"

_RENAME = {"paris_class_id": "paris_class", "partner_class_id": "partner_class"}


class Importer:
    def __init__(self, session: Session) -> None:
        self.lookup = Lookup(session)

    def plan(self, row: Row) -> Planned | None:
        paris = self.lookup.find_class(row, "paris", default_city="Paris")
        partner = self.lookup.find_class(row, "partner")
        year = row.required("school_year")
        facilitator = self.lookup.find_facilitator(row, "facilitator")
        existing = self.lookup.duos().get((paris.id, partner.id, year)) if paris and partner else None
        current = duo_from_row(existing) if existing is not None else None

        def stored(attribute: str) -> object:
            return getattr(current, attribute) if current is not None else None

        facilitator_id = facilitator.id if facilitator is not None else None
        duo = Duo(
            paris_class_id=paris.id if paris else "", partner_class_id=partner.id if partner else "", school_year=year,
            facilitator_id=row.keep("facilitator", facilitator_id, stored("facilitator_id"), None),
            languages=row.keep("languages", row.parse("languages", code_list), stored("languages"), []),
            tools=row.keep("tools", row.parse("tools", code_list), stored("tools"), []),
            status=row.keep("status", row.parse("status", lambda text: choice(DuoStatus, text)),
                        stored("status"), DuoStatus.PROPOSED),
            project=row.keep("project", row.text("project"), stored("project"), ""),
            visio_link=row.keep("visio_link", row.text("visio_link"), stored("visio_link"), ""),
            id=stored("id"),
            version=stored("version") or 0,
        )
        sides = (paris.school.side if paris else None, partner.school.side if partner else None)
        row.add_validation(validate_duo(duo, *sides), _RENAME)
        if paris is None or partner is None or not year:
            return None
        return Planned((paris.id, partner.id, year), duo, existing, duo != current)

    def write(self, session: Session, planned: Planned) -> None:
        row = planned.existing
        if row is None:
            row = DuoRow()
            session.add(row)
        duo_to_row(planned.record, row)
