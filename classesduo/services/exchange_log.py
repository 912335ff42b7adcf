"""Logging exchanges: record an outcome, keep the history of edits, delete with undo.

* :func:`log_session` records ``held`` / ``cancelled`` / ``postponed`` on a session.
  Postponing creates (or moves) the new planned session and links it through
  ``postponed_to_id``.
* :func:`create_unplanned` stores an exchange that was never planned (an e-mail, a
  letter, a blog post…) already logged.
* Changing a log that was already recorded keeps the previous values in
  ``session_revision`` (who, when, a JSON object of the fields before the edit).
* :func:`delete_session` removes a session and returns a :class:`DeletedSession`
  snapshot; :func:`restore_session` puts it back with the same id, its history and
  its links to media and to the session it replaced. Undo is therefore a hard
  delete plus a snapshot kept by the caller (the GUI keeps the last one).
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from classesduo.domain.entities import ExchangeSession, SessionLog
from classesduo.domain.enums import SessionKind, SessionStatus
from classesduo.domain.exchange_log import LogEntry, normalized_log, same_exchange, validate_log_entry
from classesduo.domain.i18n import translate
from classesduo.domain.validation import FieldError, raise_if_any
from classesduo.services import records
from classesduo.services.errors import (
    ConcurrentEditError,
    SameExchangeError,
    ServiceError,
    one_transaction,
    translated_storage_errors,
)
from classesduo.services.serialize import plain
from classesduo.storage.convert import session_from_row
from classesduo.storage.database import Database
from classesduo.storage.models import (
    ClassGroupRow,
    DuoRow,
    ExchangeSessionRow,
    MediaItemRow,
    SessionRevisionRow,
)

#: The fields a revision keeps (the log plus its status and link).
REVISED_FIELDS: tuple[str, ...] = ("status", "postponed_to_id", *SessionLog.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class Revision:
    changed_at: datetime
    changed_by: str
    previous: dict[str, object]


@dataclass(frozen=True, slots=True)
class DeletedSession:
    """Everything needed to put a deleted session back."""

    session: ExchangeSession
    revisions: tuple[tuple[str, datetime, str, str], ...]  # id, changed_at, changed_by, previous JSON
    media_ids: tuple[str, ...]
    postponed_from_ids: tuple[str, ...]


def current_user(configured: str = "") -> str:
    """The name recorded in the history: the configured one, else the OS user name."""
    if configured.strip():
        return configured.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or passwd database
        return ""


def _pupils(session, duo_id: str) -> tuple[int, int]:  # noqa: ANN001 - an ORM session
    duo = records.get_row(session, DuoRow, duo_id)
    paris = session.get(ClassGroupRow, duo.paris_class_id)
    partner = session.get(ClassGroupRow, duo.partner_class_id)
    return (paris.pupil_count if paris else 0), (partner.pupil_count if partner else 0)


def _snapshot(row: ExchangeSessionRow) -> dict[str, object]:
    return {name: plain(getattr(row, name)) for name in REVISED_FIELDS}


def _apply(row: ExchangeSessionRow, entry: LogEntry) -> None:
    log = normalized_log(entry)
    if entry.status is not SessionStatus.HELD:
        log.present_paris = log.present_partner = log.actual_minutes = None
    row.status = entry.status
    for name in SessionLog.__dataclass_fields__:
        setattr(row, name, getattr(log, name))


def _postpone(session, row: ExchangeSessionRow, new_start: datetime) -> None:  # noqa: ANN001
    """Move the replacement session if it is still planned, else create one."""
    target = session.get(ExchangeSessionRow, row.postponed_to_id) if row.postponed_to_id else None
    if target is not None and target.status is SessionStatus.PLANNED:
        target.start_utc = new_start  # SEQUENCE + 1 if it moved (storage hook)
        return
    target = ExchangeSessionRow(duo_id=row.duo_id, kind=row.kind, start_utc=new_start, minutes=row.minutes,
                                status=SessionStatus.PLANNED, visio_link=row.visio_link)
    session.add(target)
    session.flush()
    row.postponed_to_id = target.id


def log_session(db: Database, session_id: str, entry: LogEntry, *, version: int = 0,
                now: datetime | None = None, changed_by: str = "") -> ExchangeSession:
    """Record what happened at a session; ``version`` (if given) guards against concurrent edits."""
    now = now or datetime.now(UTC)

    def work(session) -> ExchangeSession:  # noqa: ANN001 - an ORM session; may run twice (PG retry)
        row = records.get_row(session, ExchangeSessionRow, session_id)
        if version and row.version != version:
            raise ConcurrentEditError()
        raise_if_any(validate_log_entry(entry, row.start_utc, now, *_pupils(session, row.duo_id), kind=row.kind))
        if row.logged_at is not None:
            session.add(SessionRevisionRow(session_id=row.id, changed_at=now, changed_by=current_user(changed_by),
                                           previous=json.dumps(_snapshot(row), ensure_ascii=False)))
        if entry.status is SessionStatus.HELD:
            refuse_second_held_visio(session, row.duo_id, row.kind, row.start_utc, row.id)
        _apply(row, entry)
        if entry.status is SessionStatus.POSTPONED:
            assert entry.postponed_to is not None  # validated
            _postpone(session, row, entry.postponed_to.astimezone(UTC))
        if row.logged_at is None:
            row.logged_at = now
        session.flush()
        return session_from_row(row)

    with translated_storage_errors():
        return db.run(work)


def refuse_second_held_visio(session, duo_id: str, kind: SessionKind, start_utc: datetime,  # noqa: ANN001
                              session_id: str | None) -> None:
    """SameExchangeError naming the session (day, time, duo) if this duo's visio at ``start_utc`` is already held.

    The database's unique index (migration 0006) refuses it too, but only with a generic sentence."""
    if kind is not SessionKind.VISIO:
        return
    query = select(ExchangeSessionRow).where(
        ExchangeSessionRow.duo_id == duo_id, ExchangeSessionRow.kind == SessionKind.VISIO,
        ExchangeSessionRow.start_utc == start_utc, ExchangeSessionRow.status == SessionStatus.HELD)
    if session_id is not None:
        query = query.where(ExchangeSessionRow.id != session_id)
    found = session.scalars(query.limit(1)).first()
    if found is None:
        return
    from classesduo.domain.timezones import PARIS_ZONE, utc_to_local

    duo = records.get_row(session, DuoRow, duo_id)
    local = utc_to_local(found.start_utc, PARIS_ZONE)
    names = translate("ExchangeLog", "{paris_school} ({paris_class}) and {partner_school} ({partner_class})").format(
        paris_school=duo.paris_class.school.name, paris_class=duo.paris_class.name,
        partner_school=duo.partner_class.school.name, partner_class=duo.partner_class.name)
    raise SameExchangeError(found.id, translate(
        "ExchangeLog", "The visio of {day} at {time} (Paris time) of the duo {duo} is already logged as held: "
                       "edit that record instead of holding this visio a second time.").format(
        day=local.strftime("%d/%m/%Y"), time=local.strftime("%H:%M"), duo=names))


def matching_session(db: Database, duo_id: str, kind: SessionKind, start_utc: datetime,
                     minutes: int | None = None) -> ExchangeSession | None:
    """The stored session of this duo that an exchange of ``kind`` at ``start_utc`` is (see ``same_exchange``)."""
    with db.reading() as session:
        return _matching(session, duo_id, kind, start_utc, minutes)


def _matching(session, duo_id: str, kind: SessionKind, start_utc: datetime,  # noqa: ANN001 - an ORM session
              minutes: int | None) -> ExchangeSession | None:
    length = minutes or _default_minutes(kind)
    rows = session.scalars(select(ExchangeSessionRow).where(
        ExchangeSessionRow.duo_id == duo_id, ExchangeSessionRow.kind == kind,
        ExchangeSessionRow.start_utc > start_utc - timedelta(days=1),
        ExchangeSessionRow.start_utc < start_utc + timedelta(days=1)).order_by(ExchangeSessionRow.start_utc)).all()
    for row in rows:
        if same_exchange(kind, start_utc, length, row.kind, row.start_utc, row.minutes, row.status):
            return session_from_row(row)
    return None


def _default_minutes(kind: SessionKind) -> int:
    return 45 if kind is SessionKind.VISIO else 30


@one_transaction
def create_unplanned(db: Database, duo_id: str, kind: SessionKind, start_utc: datetime, entry: LogEntry, *,
                     minutes: int | None = None, now: datetime | None = None) -> ExchangeSession:
    """Store an exchange that was never planned (e-mail, letter, blog post, extra visio), already logged.

    SameExchangeError (naming it) when the duo already has that session at that time, planned or logged:
    the caller logs that session instead (:func:`log_session`), so one visio is never counted twice.
    """
    now = now or datetime.now(UTC)
    if start_utc.tzinfo is None:
        raise ValueError("an exchange happens at an instant, not a naive wall time")
    if entry.status is SessionStatus.POSTPONED:
        raise_if_any([FieldError("status", translate(
            "validation", "An unplanned exchange is held or cancelled, not postponed."))])
    with translated_storage_errors(), db.transaction() as session:
        raise_if_any(validate_log_entry(entry, start_utc, now, *_pupils(session, duo_id), kind=kind))
        found = _matching(session, duo_id, kind, start_utc.astimezone(UTC), minutes or entry.log.actual_minutes)
        if found is not None:
            raise SameExchangeError(found.id or "", same_exchange_message(found))
        default_minutes = _default_minutes(kind)
        row = ExchangeSessionRow(duo_id=duo_id, kind=kind, start_utc=start_utc.astimezone(UTC),
                                 minutes=minutes or entry.log.actual_minutes or default_minutes, logged_at=now)
        _apply(row, entry)
        session.add(row)
        session.flush()
        return session_from_row(row)


@one_transaction
def put_back_log(db: Database, record: ExchangeSession) -> ExchangeSession:
    """Undo or redo a log change: the session's status, log, postponement link and ``logged_at`` as in ``record``.

    A link to a replacement that is gone is dropped; holding a visio already held elsewhere is refused."""
    with translated_storage_errors(), db.transaction() as session:
        row = records.get_row(session, ExchangeSessionRow, record.id or "")
        if record.status is SessionStatus.HELD:
            refuse_second_held_visio(session, row.duo_id, row.kind, row.start_utc, row.id)
        target = record.postponed_to_id
        if target and session.get(ExchangeSessionRow, target) is None:
            target = None
        row.status, row.postponed_to_id, row.logged_at = record.status, target, record.logged_at
        for name in SessionLog.__dataclass_fields__:
            setattr(row, name, getattr(record.log, name))
        session.flush()
        return session_from_row(row)


def session_history(db: Database, session_id: str) -> list[Revision]:
    """The previous values of a session's log, newest first."""
    with db.reading() as session:
        rows = session.scalars(select(SessionRevisionRow).where(SessionRevisionRow.session_id == session_id)
                               .order_by(SessionRevisionRow.changed_at.desc())).all()
        return [Revision(row.changed_at, row.changed_by, json.loads(row.previous)) for row in rows]


@one_transaction
def delete_session(db: Database, session_id: str) -> DeletedSession:
    """Delete a session; keep the returned snapshot to undo with :func:`restore_session`."""
    with translated_storage_errors(), db.transaction() as session:
        row = records.get_row(session, ExchangeSessionRow, session_id)
        revisions = tuple(
            (rev.id, rev.changed_at, rev.changed_by, rev.previous)
            for rev in session.scalars(select(SessionRevisionRow).where(SessionRevisionRow.session_id == row.id))
        )
        media_ids = tuple(session.scalars(select(MediaItemRow.id).where(MediaItemRow.session_id == row.id)))
        from_ids = tuple(session.scalars(
            select(ExchangeSessionRow.id).where(ExchangeSessionRow.postponed_to_id == row.id)))
        snapshot = DeletedSession(session_from_row(row), revisions, media_ids, from_ids)
        for media in session.scalars(select(MediaItemRow).where(MediaItemRow.session_id == row.id)):
            media.session_id = None
        for earlier in session.scalars(select(ExchangeSessionRow).where(ExchangeSessionRow.postponed_to_id == row.id)):
            earlier.postponed_to_id = None
        session.flush()
        session.delete(row)
        return snapshot


@one_transaction
def restore_session(db: Database, deleted: DeletedSession) -> ExchangeSession:
    """Undo :func:`delete_session`: the same id, log, history and links come back."""
    record = deleted.session
    with translated_storage_errors(), db.transaction() as session:
        if session.get(ExchangeSessionRow, record.id) is not None:
            raise ServiceError(translate("services", "This session is already there; nothing to undo."))
        records.get_row(session, DuoRow, record.duo_id)
        target = record.postponed_to_id
        if target and session.get(ExchangeSessionRow, target) is None:
            target = None
        row = ExchangeSessionRow(id=record.id, duo_id=record.duo_id, series_id=record.series_id, kind=record.kind,
                                 start_utc=record.start_utc, minutes=record.minutes, status=record.status,
                                 visio_link=record.visio_link, sequence=record.sequence, postponed_to_id=target,
                                 logged_at=record.logged_at)
        for name in SessionLog.__dataclass_fields__:
            setattr(row, name, getattr(record.log, name))
        session.add(row)
        session.flush()
        for rev_id, changed_at, changed_by, previous in deleted.revisions:
            session.add(SessionRevisionRow(id=rev_id, session_id=row.id, changed_at=changed_at,
                                           changed_by=changed_by, previous=previous))
        for media_id in deleted.media_ids:
            media = session.get(MediaItemRow, media_id)
            if media is not None and media.session_id is None:
                media.session_id = row.id
        for earlier_id in deleted.postponed_from_ids:
            earlier = session.get(ExchangeSessionRow, earlier_id)
            if earlier is not None and earlier.postponed_to_id is None:
                earlier.postponed_to_id = row.id
        session.flush()
        return session_from_row(row)


def same_exchange_message(found: ExchangeSession) -> str:
    """What to tell someone logging ``found`` a second time (names it: kind, Paris time, status)."""
    from classesduo.domain.timezones import PARIS_ZONE, utc_to_local

    kinds = {SessionKind.VISIO: translate("ExchangeLog", "visio"), SessionKind.EMAIL: translate("ExchangeLog", "e-mail"),
             SessionKind.LETTER: translate("ExchangeLog", "letter"),
             SessionKind.BLOG_POST: translate("ExchangeLog", "blog post")}
    statuses = {SessionStatus.PLANNED: translate("ExchangeLog", "planned, not logged yet"),
                SessionStatus.HELD: translate("ExchangeLog", "already logged as held"),
                SessionStatus.CANCELLED: translate("ExchangeLog", "already logged as cancelled"),
                SessionStatus.POSTPONED: translate("ExchangeLog", "postponed")}
    local = utc_to_local(found.start_utc, PARIS_ZONE)
    return translate("ExchangeLog", "This duo already has this {kind} on {day} at {time} (Paris time), {status}: "
                                    "log that session instead of adding a second one.").format(
        kind=kinds[SessionKind(found.kind)], day=local.strftime("%d/%m/%Y"), time=local.strftime("%H:%M"),
        status=statuses[SessionStatus(found.status)])
