"""Backups as use cases: on demand, daily at start-up, before risky actions, and restore.

Other features call :func:`backup_before` just before an action that changes a
lot at once (import, restore, erase); it does nothing on a PostgreSQL server,
whose backups are the server administrator's (``pg_dump``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from classesduo.domain.i18n import translate
from classesduo.paths import AppPaths
from classesduo.services.errors import ServiceError
from classesduo.services.workspace import Workspace
from classesduo.storage import backups as store
from classesduo.storage.backups import BackupFile

log = logging.getLogger(__name__)

#: Start-up takes a backup when the newest one is older than this.
DAILY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored: Path
    safety_backup: Path | None  # the state just before the restore
    moved_aside: Path | None  # the damaged database, renamed


def _database(workspace: Workspace) -> Path:
    database = store.sqlite_file(workspace.db.url)
    if database is None:
        raise ServiceError(translate(
            "backups", "Backups here are for a data folder's SQLite database; a shared PostgreSQL database is "
                       "backed up on its server (pg_dump)."))
    return database


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(UTC)


def backup_now(workspace: Workspace, reason: str = "manual", target: Path | None = None,
               now: datetime | None = None) -> Path:
    """Write a checked backup to ``target`` or to the backups folder (then rotate the folder)."""
    database = _database(workspace)
    try:
        if target is not None:
            return store.write_backup(database, target)
        folder = workspace.paths.backups_dir
        path = store.write_backup(database, folder / store.backup_name(_now(now), reason))
        store.rotate(folder, _now(now))
    except store.BackupError as error:
        raise ServiceError(str(error)) from error
    log.info("backup written: %s", path)
    return path


def backup_before(workspace: Workspace, reason: str, now: datetime | None = None) -> Path | None:
    """A backup just before ``reason`` (e.g. "import", "erase"); None on a server database."""
    if store.sqlite_file(workspace.db.url) is None:
        return None
    return backup_now(workspace, f"before-{reason}", now=now)


def backup_if_due(workspace: Workspace, now: datetime | None = None) -> Path | None:
    """At start-up: a backup when the newest is older than a day (or there is none)."""
    if store.sqlite_file(workspace.db.url) is None:
        return None
    existing = store.list_backups(workspace.paths.backups_dir)
    if existing and _now(now) - existing[0].taken_at < DAILY:
        return None
    return backup_now(workspace, "daily", now=now)


def list_backups(paths: AppPaths) -> list[BackupFile]:
    """Backups in the data folder, newest first."""
    return store.list_backups(paths.backups_dir)


def newest_good_backup(paths: AppPaths) -> BackupFile | None:
    for backup in store.list_backups(paths.backups_dir):
        if not store.integrity_problems(backup.path):
            return backup
    return None


def restore(paths: AppPaths, backup: Path, now: datetime | None = None) -> RestoreResult:
    """Put ``backup`` in place of the data folder's database.

    A sound current database is backed up first; a damaged one is renamed aside
    (never overwritten). Close the workspace before calling this.
    """
    backup = Path(backup).expanduser().resolve()
    problems = store.integrity_problems(backup)
    if problems:
        raise ServiceError(translate("backups", "{name} cannot be restored: it is damaged or not a Classes Duo "
                                                "backup ({problem}).").format(name=backup.name, problem=problems[0]))
    database = paths.database
    safety = aside = None
    if database.exists():
        if store.integrity_problems(database, quick=True):
            aside = store.move_aside(database, _now(now))
            log.warning("damaged database moved aside to %s", aside)
        else:
            try:
                safety = store.write_backup(
                    database, paths.backups_dir / store.backup_name(_now(now), "before-restore"))
            except store.BackupError as error:
                raise ServiceError(str(error)) from error
    try:
        store.restore_into(backup, database)
    except store.BackupError as error:
        raise ServiceError(str(error)) from error
    log.info("restored %s (safety backup %s, damaged file %s)", backup, safety, aside)
    return RestoreResult(backup, safety, aside)
