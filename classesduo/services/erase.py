"""Erasing a duo for privacy: its rows, its media files and thumbnails, and the bytes in the database file.

The rows go in one transaction with SQLite's ``secure_delete`` on (freed pages
are overwritten with zeros); a ``VACUUM`` and a WAL checkpoint then rewrite the
file, so no erased text survives in free pages or in the WAL. Media files go
after the commit, and only those no remaining row references by hash.
A backup is taken first (it protects the operation); once the erase has
committed, every backup in ``backups/`` is scrubbed of the duo the same way (or
deleted when it cannot be), and the erased media names and hashes are masked in
the log files (``services/erase_copies.py``, docs/data-safety.md).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from classesduo.services import records
from classesduo.services.erase_copies import erase_everywhere
from classesduo.services.workspace import Workspace
from classesduo.storage.models import (
    DuoRow,
    ExchangeSessionRow,
    MediaItemRow,
    MediaTallyRow,
    SessionRevisionRow,
    SessionSeriesRow,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class EraseSummary:
    sessions: int
    media_items: int
    files_removed: int
    backups_scrubbed: int = 0
    backups_removed: int = 0


def erase_duo(workspace: Workspace, duo_id: str) -> EraseSummary:
    db = workspace.db
    with db.reading() as session:
        records.get_row(session, DuoRow, duo_id)  # NotFoundError before any backup
    erased = erase_everywhere(workspace, "erase", lambda session: erase_rows(session, duo_id),
                              lambda session: erased_terms(session, duo_id),
                              ("SELECT 1 FROM duo WHERE id = ?", (duo_id,)))
    for problem in erased.file_problems:
        log.warning("erase: could not delete %s", problem)
    media, sessions, removed, copies = erased.media, erased.count, erased.files_removed, erased.copies
    log.info("erased duo %s: %d sessions, %d media items, %d files", duo_id, sessions, len(media), removed)
    return EraseSummary(sessions=sessions, media_items=len(media), files_removed=removed,
                        backups_scrubbed=len(copies.scrubbed), backups_removed=len(copies.removed))


def erase_rows(session: Session, duo_id: str) -> tuple[list[tuple[str, str]], int]:
    """Delete a duo and everything it owns in one session (the live database or a backup).

    Returns the (hash, stored name) of its media and the number of sessions deleted.
    """
    media = [(row[0], row[1]) for row in session.execute(
        select(MediaItemRow.file_hash, MediaItemRow.stored_name).where(MediaItemRow.duo_id == duo_id)).all()]
    session_ids = select(ExchangeSessionRow.id).where(ExchangeSessionRow.duo_id == duo_id)
    session.execute(delete(SessionRevisionRow).where(SessionRevisionRow.session_id.in_(session_ids)))
    session.execute(delete(MediaItemRow).where(MediaItemRow.duo_id == duo_id))
    session.execute(delete(MediaTallyRow).where(MediaTallyRow.duo_id == duo_id))
    session.execute(ExchangeSessionRow.__table__.update()
                    .where(ExchangeSessionRow.postponed_to_id.in_(session_ids)).values(postponed_to_id=None))
    sessions = session.execute(delete(ExchangeSessionRow).where(ExchangeSessionRow.duo_id == duo_id)).rowcount
    session.execute(delete(SessionSeriesRow).where(SessionSeriesRow.duo_id == duo_id))
    session.execute(delete(DuoRow).where(DuoRow.id == duo_id))
    return media, sessions


def erased_terms(session: Session, duo_id: str, media_only: bool = False) -> set[str]:
    """The names, captions, hashes and texts an erase removes, to look for in the log files."""
    terms: set[str] = set()
    for row in session.execute(select(MediaItemRow.file_hash, MediaItemRow.stored_name, MediaItemRow.original_name,
                                      MediaItemRow.caption, MediaItemRow.caption_partner)
                               .where(MediaItemRow.duo_id == duo_id)).all():
        stored = row[1]
        terms.update((row[0], stored, stored.rsplit("/", 1)[-1], row[2], row[2].rsplit("/", 1)[-1], row[3], row[4]))
    if not media_only:
        for row in session.execute(select(ExchangeSessionRow.activities, ExchangeSessionRow.problems,
                                          ExchangeSessionRow.follow_up, ExchangeSessionRow.notes)
                                   .where(ExchangeSessionRow.duo_id == duo_id)).all():
            terms.update(row)
    return {term for term in terms if term}
