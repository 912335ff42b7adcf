"""Erase and retention reach every copy: a byte search of the whole data folder finds none of the erased data."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from classesduo.domain.enums import SessionStatus
from classesduo.logs import setup_logging
from classesduo.services.backups import backup_now, list_backups
from classesduo.services.erase import erase_duo
from classesduo.services.media_probe import exif_date
from classesduo.services.media_retention import erase_expired
from classesduo.services.workspace import Workspace
from classesduo.storage.backups import integrity_problems
from classesduo.storage.models import ExchangeSessionRow, MediaItemRow

NOTE = "zorglub-unique-note-5e1d"  # lower case ASCII: the folded search copy has the same bytes
CAPTION = "Photo de Zoé-unique-caption-77b2"


def _mark(workspace: Workspace, duo_id: str | None) -> tuple[str, list[MediaItemRow]]:
    """Give one held log of the duo (any duo when None) a unique note and one of its media a unique caption."""
    with workspace.db.transaction() as session:
        media = session.scalars(select(MediaItemRow).where(MediaItemRow.duo_id == duo_id) if duo_id
                                else select(MediaItemRow)).all()
        duo_id = duo_id or media[0].duo_id
        logged = session.scalars(select(ExchangeSessionRow).where(
            ExchangeSessionRow.duo_id == duo_id, ExchangeSessionRow.status == SessionStatus.HELD)).first()
        logged.notes = NOTE
        logged.activities = NOTE + " activities"
        media[0].caption = CAPTION
    return duo_id, media


def _old_schema_copy(workspace: Workspace) -> Path:
    """A backup as an older version left it (before a migration)."""
    newest = list_backups(workspace.paths)[0].path
    old = newest.with_name("classesduo-20260101T000000Z-before-migration-0002-media.sqlite3")
    shutil.copy(newest, old)
    with sqlite3.connect(old) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0002_media'")
    connection.close()
    return old


def _files(data_dir: Path) -> list[Path]:
    return [path for path in data_dir.rglob("*") if path.is_file()]


def _found(data_dir: Path, terms: set[str]) -> list[tuple[str, str]]:
    hits = []
    for path in _files(data_dir):
        data = path.read_bytes()
        hits += [(str(path.relative_to(data_dir)), term) for term in terms if term.encode() in data]
    return hits


def _log_unreadable_exif(workspace: Workspace, original_name: str) -> None:
    """What really puts a media file's name in the log: an import that cannot read its EXIF."""
    setup_logging(workspace.paths.log_file)
    odd = workspace.paths.data_dir / "tmp-probe" / original_name
    odd.parent.mkdir()
    odd.write_bytes(b"not an image")
    assert exif_date(odd) is None
    shutil.rmtree(odd.parent)


def test_erasing_a_duo_leaves_no_copy_in_backups_logs_or_files(demo_workspace: Workspace) -> None:
    workspace = demo_workspace
    if not workspace.db.is_sqlite:
        pytest.skip("searches the SQLite files' bytes")
    with workspace.db.reading() as session:
        duo_id = session.scalars(select(MediaItemRow.duo_id)).first()
    duo_id, media = _mark(workspace, duo_id)
    with workspace.db.reading() as session:
        others = {(row.file_hash, row.original_name) for row in session.scalars(
            select(MediaItemRow).where(MediaItemRow.duo_id != duo_id))}
    unique = [item for item in media if item.file_hash not in {h for h, _ in others}]
    terms = {NOTE, CAPTION, *(item.file_hash for item in unique), *(item.stored_name.rsplit("/", 1)[-1] for item in unique)}
    _log_unreadable_exif(workspace, media[0].original_name)
    backup_now(workspace, "daily")
    old = _old_schema_copy(workspace)
    workspace.db.dispose()
    assert _found(workspace.paths.data_dir, terms)  # the data is there before, in several places

    summary = erase_duo(workspace, duo_id)
    workspace.db.dispose()

    assert _found(workspace.paths.data_dir, terms) == []
    assert media[0].original_name.encode() not in workspace.paths.log_file.read_bytes()
    assert not old.exists() and summary.backups_removed == 1
    kept = list_backups(workspace.paths)
    assert summary.backups_scrubbed == len(kept) >= 2  # the daily one and the before-erase one
    for backup in kept:  # still restore points: sound, and the other duos are there
        assert integrity_problems(backup.path) == []
        with sqlite3.connect(backup.path) as connection:
            assert connection.execute("SELECT count(*) FROM duo WHERE id = ?", (duo_id,)).fetchone() == (0,)
            assert connection.execute("SELECT count(*) FROM duo").fetchone()[0] > 0
        connection.close()
    assert not any(path.name.endswith(("-wal", "-journal")) for path in workspace.paths.backups_dir.iterdir())


def test_retention_leaves_no_copy_in_backups_logs_or_files(demo_workspace: Workspace) -> None:
    workspace = demo_workspace
    if not workspace.db.is_sqlite:
        pytest.skip("searches the SQLite files' bytes")
    _, _ = _mark(workspace, None)
    with workspace.db.reading() as session:
        media = session.scalars(select(MediaItemRow)).all()
    terms = {NOTE, CAPTION, *(item.file_hash for item in media), *(item.stored_name.rsplit("/", 1)[-1] for item in media)}
    _log_unreadable_exif(workspace, media[0].original_name)
    backup_now(workspace, "daily")
    old = _old_schema_copy(workspace)
    workspace.db.dispose()
    assert _found(workspace.paths.data_dir, terms)

    result = erase_expired(workspace, date(2028, 8, 1), retention_years=1)
    workspace.db.dispose()

    assert result.media_rows == len(media)
    assert _found(workspace.paths.data_dir, terms) == []
    assert not old.exists() and result.backups_removed == 1
    reasons = {backup.reason for backup in list_backups(workspace.paths)}
    assert "before-retention" in reasons
    for backup in list_backups(workspace.paths):  # scrubbed, and they keep the anonymous counts
        with sqlite3.connect(backup.path) as connection:
            assert connection.execute("SELECT count(*) FROM media_item").fetchone() == (0,)
            assert connection.execute("SELECT sum(count) FROM media_tally").fetchone() == (len(media),)
        connection.close()
