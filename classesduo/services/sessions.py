"""Exchange sessions: listing and planning (logging lives in a later module)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from classesduo.domain.entities import ExchangeSession
from classesduo.domain.enums import SessionStatus
from classesduo.services import records
from classesduo.services.duos import ParisClass, ParisSchool, PartnerClass, PartnerSchool
from classesduo.services.errors import translated_storage_errors
from classesduo.services.views import SessionView
from classesduo.storage.convert import session_from_row, session_to_row
from classesduo.storage.database import Database
from classesduo.storage.models import DuoRow, ExchangeSessionRow, FacilitatorRow


def list_sessions(
    db: Database,
    duo_id: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    statuses: tuple[SessionStatus, ...] = (),
) -> list[SessionView]:
    query = (
        select(ExchangeSessionRow, ParisSchool.name, ParisSchool.timezone, PartnerSchool.name,
               PartnerSchool.timezone, PartnerSchool.city, FacilitatorRow.name)
        .join(DuoRow, ExchangeSessionRow.duo_id == DuoRow.id)
        .join(ParisClass, DuoRow.paris_class_id == ParisClass.id)
        .join(ParisSchool, ParisClass.school_id == ParisSchool.id)
        .join(PartnerClass, DuoRow.partner_class_id == PartnerClass.id)
        .join(PartnerSchool, PartnerClass.school_id == PartnerSchool.id)
        .outerjoin(FacilitatorRow, DuoRow.facilitator_id == FacilitatorRow.id)
    )
    if duo_id:
        query = query.where(ExchangeSessionRow.duo_id == duo_id)
    if start:
        query = query.where(ExchangeSessionRow.start_utc >= start)
    if end:
        query = query.where(ExchangeSessionRow.start_utc < end)
    if statuses:
        query = query.where(ExchangeSessionRow.status.in_(statuses))
    with db.reading() as session:
        rows = session.execute(query.order_by(ExchangeSessionRow.start_utc)).all()
        return [
            SessionView(
                session=session_from_row(row),
                duo_label=f"{paris} ↔ {partner}",
                paris_timezone=paris_tz,
                partner_timezone=partner_tz,
                partner_city=city,
                facilitator=facilitator or "",
            )
            for row, paris, paris_tz, partner, partner_tz, city, facilitator in rows
        ]


def save_session(db: Database, exchange: ExchangeSession) -> ExchangeSession:
    if exchange.start_utc.tzinfo is None:
        raise ValueError("a session starts at an instant, not a naive wall time")
    with translated_storage_errors(), db.transaction() as session:
        records.get_row(session, DuoRow, exchange.duo_id)
        row = records.save(
            session, ExchangeSessionRow, exchange.id, exchange.version, lambda r: session_to_row(exchange, r)
        )
        return session_from_row(row)


