"""Exchange sessions: listing and planning (logging lives in a later module)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select

from classesduo.domain.entities import ExchangeSession
from classesduo.domain.enums import SessionStatus
from classesduo.services import records
from classesduo.services.duos import ParisSchool, PartnerSchool, join_duo_sides
from classesduo.services.errors import one_transaction, translated_storage_errors
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


#: The session's columns a view needs (not the folded search text).
_SESSION_COLUMNS = [column for column in ExchangeSessionRow.__table__.columns if column.key != "search_text"]


def plain_session_select() -> Select[Any]:
    """:func:`session_select` with the session's columns instead of a mapped object (lists of thousands)."""
    return join_duo_sides(
        select(*_SESSION_COLUMNS, ParisSchool.name, ParisSchool.timezone, PartnerSchool.name,
               PartnerSchool.timezone, PartnerSchool.city, FacilitatorRow.name)
        .join(DuoRow, ExchangeSessionRow.duo_id == DuoRow.id))




def plain_session_view(row: Any) -> SessionView:
    """A :class:`SessionView` from one row of :func:`plain_session_select` (the same fields as :func:`session_view`)."""
    return session_view((row, *row[len(_SESSION_COLUMNS):]))


def list_sessions(
    db: Database,
    duo_id: str | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    statuses: tuple[SessionStatus, ...] = (),
) -> list[SessionView]:
    """Sessions in order of start, read as plain rows: no ORM object is built for them (a calendar month at
    programme scale is thousands of sessions)."""
    query = filter_sessions(plain_session_select(), duo_id, start, end, statuses)
    with db.reading() as session:
        rows = session.execute(query.order_by(ExchangeSessionRow.start_utc)).all()
        return [plain_session_view(row) for row in rows]


def session_starts(db: Database, start: datetime, end: datetime) -> list[tuple[str, str, datetime]]:
    """(id, duo id, start) of every session starting in [start, end), in order of start.

    Three small columns: enough for a month grid to place, filter and count thousands of sessions before
    reading in full (:func:`sessions_by_ids`) only the few each day shows.
    """
    query = (select(ExchangeSessionRow.id, ExchangeSessionRow.duo_id, ExchangeSessionRow.start_utc)
             .where(ExchangeSessionRow.start_utc >= start, ExchangeSessionRow.start_utc < end)
             .order_by(ExchangeSessionRow.start_utc, ExchangeSessionRow.id))
    with db.reading() as session:
        return [(key, duo_id, begin) for key, duo_id, begin in session.execute(query)]


def sessions_by_ids(db: Database, ids: Sequence[str]) -> list[SessionView]:
    """The sessions with these ids (unknown ones left out), in order of start."""
    views: list[SessionView] = []
    with db.reading() as session:
        for first in range(0, len(ids), 500):  # well under every database's limit on bound parameters
            query = plain_session_select().where(ExchangeSessionRow.id.in_(ids[first:first + 500]))
            views.extend(plain_session_view(row) for row in session.execute(query))
    return sorted(views, key=lambda view: (view.session.start_utc, view.session.id or ""))


@one_transaction
def save_session(db: Database, exchange: ExchangeSession) -> ExchangeSession:
    if exchange.start_utc.tzinfo is None:
        raise ValueError("a session starts at an instant, not a naive wall time")
    with translated_storage_errors(), db.transaction() as session:
        records.get_row(session, DuoRow, exchange.duo_id)
        row = records.save(
            session, ExchangeSessionRow, exchange.id, exchange.version, lambda r: session_to_row(exchange, r)
        )
        return session_from_row(row)


