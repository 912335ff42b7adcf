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
from classesduo.services.errors import ServiceError, StorageUnavailableError
from classesduo.services.workspace import Workspace
from classesduo.storage import backups as store
from classesduo.storage.backups import BackupFile
from classesduo.storage.diagnosis import StorageUnavailable
from classesduo.storage.wal import companions

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


def _is_live(target: Path, database: Path) -> bool:
    """``target`` is the database or its -wal/-shm (by name or as the same file)."""
    return any(target.resolve() == path.resolve() or (target.exists() and path.exists() and target.samefile(path))
               for path in (database, *companions(database)))


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(UTC)


def backup_now(workspace: Workspace, reason: str = "manual", target: Path | None = None,
               now: datetime | None = None, rotate: bool = True) -> Path:
    """Write a checked backup to ``target`` or to the backups folder (then rotate the folder, unless
    ``rotate=False``: the caller calls :func:`rotate_backups` once its action succeeded)."""
    database = _database(workspace)
    if target is not None and _is_live(Path(target), database):
        raise ServiceError(translate("backups", "{target} is the live database: a backup must go to another "
                                                "file").format(target=target))
    try:
        if target is not None:
            return store.write_backup(database, target)
        folder = workspace.paths.backups_dir
        path = store.write_backup(database, folder / store.backup_name(_now(now), reason))
        if rotate:
            store.rotate(folder, _now(now))
    except store.BackupError as error:
        raise ServiceError(str(error)) from error
    except StorageUnavailable as error:
        raise StorageUnavailableError(error) from error
    log.info("backup written: %s", path)
    return path


def backup_before(workspace: Workspace, reason: str, now: datetime | None = None,
                  rotate: bool = True) -> Path | None:
    """A backup just before ``reason`` (e.g. "import", "erase"); None on a server database."""
    if store.sqlite_file(workspace.db.url) is None:
        return None
    return backup_now(workspace, f"before-{reason}", now=now, rotate=rotate)


def rotate_backups(workspace: Workspace, now: datetime | None = None) -> None:
    """Apply rotation to the backups folder (after an action that took a backup with ``rotate=False``)."""
    if store.sqlite_file(workspace.db.url) is not None:
        store.rotate(workspace.paths.backups_dir, _now(now))


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
    try:
        for backup in store.list_backups(paths.backups_dir):
            if not store.integrity_problems(backup.path):
                return backup
    except StorageUnavailable as error:
        raise StorageUnavailableError(error) from error
    return None


def restore(paths: AppPaths, backup: Path, now: datetime | None = None) -> RestoreResult:
    """Put ``backup`` in place of the data folder's database.

    Order, so that no step can make things worse: the backup is checked; the free space for the restored
    copy and a safety backup is checked; the restored copy is written beside the database and checked;
    only then is a sound current database backed up (``before-restore``) and replaced in one transaction,
    or a damaged one kept aside (linked under a ``.damaged-…`` name) and replaced in one rename. A
    database that cannot be read for another reason (a full disk, a read-only file, an I/O error) is not
    damage: the restore stops and says what to do. Close the workspace before calling this.
    """
    backup = Path(backup).expanduser().resolve()
    try:
        return _restore(paths, backup, now)
    except StorageUnavailable as error:
        raise StorageUnavailableError(error) from error
    except store.BackupError as error:
        raise ServiceError(str(error)) from error


def _restore(paths: AppPaths, backup: Path, now: datetime | None) -> RestoreResult:
    problems = store.integrity_problems(backup)
    if problems:
        raise ServiceError(translate("backups", "{name} cannot be restored: it is damaged or not a Classes Duo "
                                                "backup ({problem}).").format(name=backup.name, problem=problems[0]))
    database = paths.database
    # Damage or not, decided before anything is written (raises StorageUnavailable when it cannot be read).
    damaged = database.exists() and bool(store.integrity_problems(database, quick=True))
    store.check_space_for_restore(backup, database)
    prepared = store.prepare_restore(backup, database)
    safety = aside = None
    try:
        if damaged:
            aside = store.move_aside(database, _now(now), keep_original=True)
            log.warning("damaged database kept aside as %s", aside)
            store.swap_in(prepared, database)
        elif database.exists():
            safety = store.write_backup(database, paths.backups_dir / store.backup_name(_now(now), "before-restore"))
            store.replace_content(prepared, database)
        else:
            store.swap_in(prepared, database)
    finally:
        store.discard_prepared(prepared)
    log.info("restored %s (safety backup %s, damaged file %s)", backup, safety, aside)
    return RestoreResult(backup, safety, aside)
