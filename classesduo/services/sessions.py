"""Exchange sessions: listing and planning (logging lives in a later module)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, select

from classesduo.domain.entities import ExchangeSession
from classesduo.domain.enums import SessionStatus
from classesduo.services import records
from classesduo.services.duos import ParisSchool, PartnerSchool, join_duo_sides
from classesduo.services.errors import translated_storage_errors
from classesduo.services.views import SessionView
from classesduo.storage.convert import session_from_row, session_to_row
from classesduo.storage.database import Database
from classesduo.storage.models import DuoRow, ExchangeSessionRow, FacilitatorRow


def session_select() -> Select[Any]:
    """Sessions with the names around them (schools, partner city, facilitator): one query for every list."""
    return join_duo_sides(
        select(ExchangeSessionRow, ParisSchool.name, ParisSchool.timezone, PartnerSchool.name,
               PartnerSchool.timezone, PartnerSchool.city, FacilitatorRow.name)
        .join(DuoRow, ExchangeSessionRow.duo_id == DuoRow.id))


def filter_sessions(
    query: Select[Any],
    duo_id: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    statuses: tuple[SessionStatus, ...] = (),
) -> Select[Any]:
    if duo_id:
        query = query.where(ExchangeSessionRow.duo_id == duo_id)
    if start:
        query = query.where(ExchangeSessionRow.start_utc >= start)
    if end:
        query = query.where(ExchangeSessionRow.start_utc < end)
    if statuses:
        query = query.where(ExchangeSessionRow.status.in_(statuses))
    return query


def session_view(row: Any) -> SessionView:
    """A :class:`SessionView` from one row of :func:`session_select`."""
    exchange, paris, paris_tz, partner, partner_tz, city, facilitator = row
    return SessionView(
        session=session_from_row(exchange),
        duo_label=f"{paris} ↔ {partner}",
        paris_timezone=paris_tz,
        partner_timezone=partner_tz,
        partner_city=city,
        facilitator=facilitator or "",
    )


def list_sessions(
    db: Database,
    duo_id: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    statuses: tuple[SessionStatus, ...] = (),
) -> list[SessionView]:
    query = filter_sessions(session_select(), duo_id, start, end, statuses)
    with db.reading() as session:
        rows = session.execute(query.order_by(ExchangeSessionRow.start_utc)).all()
        return [session_view(row) for row in rows]


def save_session(db: Database, exchange: ExchangeSession) -> ExchangeSession:
    if exchange.start_utc.tzinfo is None:
        raise ValueError("a session starts at an instant, not a naive wall time")
    with translated_storage_errors(), db.transaction() as session:
        records.get_row(session, DuoRow, exchange.duo_id)
        row = records.save(
            session, ExchangeSessionRow, exchange.id, exchange.version, lambda r: session_to_row(exchange, r)
        )
        return session_from_row(row)


