"""Planning visios: create one from a slot, move it, cancel it.

Every change a partner's calendar app must notice raises ``sequence`` (the
iCalendar SEQUENCE) once and keeps the session's UUID, so a re-exported ``.ics``
updates the event instead of adding a second one. The rule lives in
:mod:`classesduo.domain.calendar_identity`; storage applies it on every update.
"""

from __future__ import annotations

from datetime import UTC, datetime

from classesduo.domain.entities import ExchangeSession
from classesduo.domain.enums import SessionKind, SessionStatus
from classesduo.domain.i18n import translate
from classesduo.services import records
from classesduo.services.exchange_log import refuse_second_held_visio
from classesduo.services.errors import ConcurrentEditError, ServiceError, one_transaction, translated_storage_errors
from classesduo.storage.convert import session_from_row
from classesduo.storage.database import Database
from classesduo.storage.models import DuoRow, ExchangeSessionRow

MAX_MINUTES = 240


def check_minutes(minutes: int) -> None:
    if not 5 <= minutes <= MAX_MINUTES:
        raise ValueError(translate("scheduling", "a session lasts from 5 to {max} minutes, not {minutes}").format(
            max=MAX_MINUTES, minutes=minutes))


def _aware(instant: datetime) -> None:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(translate("scheduling", "a naive date-time has no time zone; give an aware one"))


@one_transaction
def create_session(db: Database, duo_id: str, start_utc: datetime, minutes: int,
                   kind: SessionKind = SessionKind.VISIO, visio_link: str | None = None) -> ExchangeSession:
    """A planned session; the link defaults to the duo's visio link."""
    _aware(start_utc)
    check_minutes(minutes)
    with translated_storage_errors(), db.transaction() as session:
        duo = records.get_row(session, DuoRow, duo_id)
        row = ExchangeSessionRow(duo_id=duo.id, kind=kind, start_utc=start_utc, minutes=minutes,
                                 status=SessionStatus.PLANNED,
                                 visio_link=(duo.visio_link if visio_link is None else visio_link).strip(),
                                 sequence=0)
        session.add(row)
        session.flush()
        return session_from_row(row)


def _editable_row(session, session_id: str, version: int) -> ExchangeSessionRow:  # noqa: ANN001
    row = records.get_row(session, ExchangeSessionRow, session_id)
    if version and row.version != version:
        raise ConcurrentEditError()
    return row


@one_transaction
def move_session(db: Database, session_id: str, start_utc: datetime, minutes: int | None = None,
                 visio_link: str | None = None, version: int = 0) -> ExchangeSession:
    """Give a session a new time (and optionally length or link); same UUID, ``sequence`` + 1.

    ``version`` is the version the caller read (0 skips the check).
    """
    _aware(start_utc)
    if minutes is not None:
        check_minutes(minutes)
    with translated_storage_errors(), db.transaction() as session:
        row = _editable_row(session, session_id, version)
        if row.status is SessionStatus.CANCELLED:
            raise ServiceError(translate("services", "This session is cancelled; plan a new one instead."))
        if row.status is SessionStatus.HELD:
            refuse_second_held_visio(session, row.duo_id, row.kind, start_utc.astimezone(UTC), row.id)
        row.start_utc = start_utc
        if minutes is not None:
            row.minutes = minutes
        if visio_link is not None:
            row.visio_link = visio_link.strip()
        session.flush()  # SEQUENCE + 1 if anything changed (storage hook, domain/calendar_identity.py)
        return session_from_row(row)


@one_transaction
def cancel_session(db: Database, session_id: str, reason: str = "", version: int = 0) -> ExchangeSession:
    """Mark a session cancelled (kept, so calendar apps learn it through STATUS:CANCELLED)."""
    with translated_storage_errors(), db.transaction() as session:
        row = _editable_row(session, session_id, version)
        if row.status is SessionStatus.CANCELLED:
            return session_from_row(row)
        row.status = SessionStatus.CANCELLED
        row.cancel_reason = reason[:40]
        session.flush()
        return session_from_row(row)


def get_session(db: Database, session_id: str) -> ExchangeSession:
    with db.reading() as session:
        return session_from_row(records.get_row(session, ExchangeSessionRow, session_id))
