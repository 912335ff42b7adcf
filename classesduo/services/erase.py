"""Erasing a duo for privacy: its rows, its media files and thumbnails, and the bytes in the database file.

The rows go in one transaction with SQLite's ``secure_delete`` on (freed pages
are overwritten with zeros); a ``VACUUM`` and a WAL checkpoint then rewrite the
file, so no erased text survives in free pages or in the WAL. Media files go
after the commit, and only those no remaining row references by hash.
A backup is taken first (see docs/data-safety.md: backups still hold the erased
data until rotation removes them).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import delete, select, text

from classesduo.services import records
from classesduo.services.backups import backup_before
from classesduo.services.errors import translated_storage_errors
from classesduo.services.media import remove_unused_files
from classesduo.services.workspace import Workspace
from classesduo.storage.models import (
    DuoRow,
    ExchangeSessionRow,
    MediaItemRow,
    SessionRevisionRow,
    SessionSeriesRow,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class EraseSummary:
    sessions: int
    media_items: int
    files_removed: int


def erase_duo(workspace: Workspace, duo_id: str) -> EraseSummary:
    db = workspace.db
    with db.reading() as session:
        records.get_row(session, DuoRow, duo_id)  # NotFoundError before any backup
    backup_before(workspace, "erase")
    with translated_storage_errors(), db.transaction() as session:
        if db.is_sqlite:
            session.execute(text("PRAGMA secure_delete = ON"))
        media = session.execute(select(MediaItemRow.file_hash, MediaItemRow.stored_name)
                                .where(MediaItemRow.duo_id == duo_id)).all()
        session_ids = select(ExchangeSessionRow.id).where(ExchangeSessionRow.duo_id == duo_id)
        session.execute(delete(SessionRevisionRow).where(SessionRevisionRow.session_id.in_(session_ids)))
        session.execute(delete(MediaItemRow).where(MediaItemRow.duo_id == duo_id))
        session.execute(ExchangeSessionRow.__table__.update()
                        .where(ExchangeSessionRow.postponed_to_id.in_(session_ids)).values(postponed_to_id=None))
        sessions = session.execute(delete(ExchangeSessionRow).where(ExchangeSessionRow.duo_id == duo_id)).rowcount
        session.execute(delete(SessionSeriesRow).where(SessionSeriesRow.duo_id == duo_id))
        session.execute(delete(DuoRow).where(DuoRow.id == duo_id))
    removed, problems = remove_unused_files(workspace, ((row[0], row[1]) for row in media))
    for problem in problems:
        log.warning("erase: could not delete %s", problem)
    scrub_freed_space(workspace)
    log.info("erased duo %s: %d sessions, %d media items, %d files", duo_id, sessions, len(media), removed)
    return EraseSummary(sessions=sessions, media_items=len(media), files_removed=removed)


def scrub_freed_space(workspace: Workspace) -> None:
    """Rewrite the database so erased bytes survive nowhere (free pages, WAL, dead tuples)."""
    with workspace.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        if workspace.db.is_sqlite:
            connection.exec_driver_sql("VACUUM")
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        else:
            connection.exec_driver_sql("VACUUM exchange_session, media_item, session_revision, duo")
