"""SQLite backups: written with the online backup API, checked, rotated, restored.

A live SQLite database (WAL journal, other processes writing) is never copied
as a file: :func:`write_backup` asks SQLite for a consistent snapshot through
``sqlite3.Connection.backup`` into a temporary file, runs
``PRAGMA integrity_check`` on it and only then renames it into place.

File names carry the UTC instant and the reason, e.g.
``classesduo-20261128T093000Z-daily.sqlite3``, so listing needs no index file.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from classesduo.storage.atomic import WorkInProgress, fsync_directory, make_private, remove_leftovers
from classesduo.storage.database import BUSY_TIMEOUT_MS
from classesduo.storage.diagnosis import StorageUnavailable, classify_open_failure, free_bytes
from classesduo.storage.wal import companions

#: What rotation keeps: the newest KEEP_LATEST backups whatever their age, and the newest backup of each
#: of the last KEEP_DAILY days, KEEP_WEEKLY ISO weeks and KEEP_MONTHLY months.
KEEP_LATEST = 5
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12

_NAME = re.compile(r"^classesduo-(\d{8}T\d{6}(?:\d{6})?Z)-([a-z0-9-]+)\.sqlite3$")


class BackupError(RuntimeError):
    """A backup could not be written or failed its check."""


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    taken_at: datetime
    reason: str
    size: int


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL (None for a server database or an in-memory one)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def backup_name(taken_at: datetime, reason: str) -> str:
    slug = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manual"
    return f"classesduo-{taken_at.astimezone(UTC):%Y%m%dT%H%M%S%fZ}-{slug}.sqlite3"


def parse_name(path: Path) -> tuple[datetime, str] | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    stamp = match.group(1)
    fmt = "%Y%m%dT%H%M%S%fZ" if len(stamp) > 16 else "%Y%m%dT%H%M%SZ"
    return datetime.strptime(stamp, fmt).replace(tzinfo=UTC), match.group(2)


def list_backups(folder: Path) -> list[BackupFile]:
    """The backups in ``folder``, newest first."""
    found = []
    for path in folder.glob("classesduo-*.sqlite3") if folder.is_dir() else ():
        parsed = parse_name(path)
        if parsed is not None:
            found.append(BackupFile(path, parsed[0], parsed[1], path.stat().st_size))
    return sorted(found, key=lambda backup: backup.taken_at, reverse=True)


def integrity_problems(path: Path, quick: bool = False) -> list[str]:
    """``[]`` when SQLite finds ``path`` sound; otherwise the damage it reports.

    A failure that is not damage (a full disk, a read-only file, a folder that cannot be written, a disk
    I/O error) raises :class:`~classesduo.storage.diagnosis.StorageUnavailable` instead: restoring a backup
    would not help and must not be advised."""
    if not path.is_file():
        return [f"{path} does not exist"]
    try:
        # Read-write, so a WAL database opens even when its -shm file is missing; nothing is written.
        connection = _open_existing(path)
    except sqlite3.Error as error:
        _raise_unless_damage(path, error)
        return [str(error)]
    try:
        pragma = "quick_check" if quick else "integrity_check"
        rows = [row[0] for row in connection.execute(f"PRAGMA {pragma}").fetchall()]
        problems = [] if rows == ["ok"] else rows
        if not quick and not problems:
            problems = [f"foreign key broken: {row}" for row in connection.execute("PRAGMA foreign_key_check")]
        return problems
    except sqlite3.Error as error:
        _raise_unless_damage(path, error)
        return [str(error)]
    finally:
        connection.close()


def _raise_unless_damage(path: Path, error: BaseException) -> None:
    unavailable = classify_open_failure(path, error)
    if unavailable is not None:
        raise unavailable from error


def _copy_checked(source_path: Path, temporary: Path, failed: str) -> None:
    """Copy ``source_path`` into ``temporary`` with SQLite's online backup API as one self-contained file
    (no WAL beside it), check its integrity and fsync it; ``failed`` starts the error if the check fails."""
    source = _open_existing(source_path)
    try:
        destination = sqlite3.connect(temporary)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode = DELETE")
        finally:
            destination.close()
    finally:
        source.close()
    problems = integrity_problems(temporary)
    if problems:
        raise BackupError(f"{failed}: {problems[0]}")
    with open(temporary, "rb") as handle:
        os.fsync(handle.fileno())


def write_backup(database: Path, target: Path) -> Path:
    """Snapshot ``database`` into ``target`` with the online backup API; check it; rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.partial")
    temporary.unlink(missing_ok=True)
    _create_private(temporary)
    busy = WorkInProgress(temporary)  # the next start deletes it only if this process died
    try:
        _copy_checked(database, temporary, f"the backup of {database} failed its integrity check")
        os.replace(temporary, target)
        fsync_directory(target.parent)
        return target
    except (sqlite3.Error, OSError) as error:
        _raise_unless_damage(target, error)
        raise BackupError(f"could not back up {database}: {error}") from error
    finally:
        temporary.unlink(missing_ok=True)
        busy.release()


#: Room a restore wants beyond the restored copy itself (the WAL, a checkpoint, the log).
RESTORE_MARGIN_BYTES = 8 << 20


def space_needed_for_restore(backup: Path, database: Path) -> int:
    """Bytes a restore writes in the data folder: the restored copy, a safety backup of the current database
    and a margin."""
    current = database.stat().st_size if database.is_file() else 0
    return backup.stat().st_size + current + RESTORE_MARGIN_BYTES


def check_space_for_restore(backup: Path, database: Path) -> None:
    needed = space_needed_for_restore(backup, database)
    free = free_bytes(database.parent)
    if free is not None and free < needed:
        from classesduo.storage.diagnosis import Kind

        raise StorageUnavailable(database.parent, Kind.FULL,
                                 f"a restore needs {needed} bytes free, the disk has {free}")


def restoring_name(database: Path) -> Path:
    return database.with_name(f".{database.name}.restoring")


def prepare_restore(backup: Path, database: Path) -> Path:
    """Write ``backup``'s content to a temporary file beside ``database``, check and fsync it; return it.

    The current database is not touched: if this fails (a full disk, a damaged backup) nothing changed."""
    problems = integrity_problems(backup)
    if problems:
        raise BackupError(f"{backup.name} is damaged and cannot be restored: {problems[0]}")
    database.parent.mkdir(parents=True, exist_ok=True)
    temporary = restoring_name(database)
    for leftover in (temporary, *companions(temporary)):
        leftover.unlink(missing_ok=True)
    _create_private(temporary)
    busy = WorkInProgress(temporary)
    try:
        _copy_checked(backup, temporary, f"the restored copy of {backup.name} failed its check")
        _PREPARED[temporary] = busy  # marked in progress until the caller is done with it (discard_prepared)
        return temporary
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        busy.release()
        if isinstance(error, sqlite3.Error | OSError):
            _raise_unless_damage(database, error)
            raise BackupError(f"could not restore {backup.name}: {error}") from error
        raise


_PREPARED: dict[Path, WorkInProgress] = {}


def discard_prepared(prepared: Path) -> None:
    """Delete a prepared copy that was not put in place (or was: then nothing is left) and drop its mark."""
    prepared.unlink(missing_ok=True)
    busy = _PREPARED.pop(prepared, None)
    if busy is not None:
        busy.release()


def remove_crash_leftovers(database: Path, backups_dir: Path) -> list[Path]:
    """At start-up: the partial backups and restored copies a killed process left (never one being written)."""
    return (remove_leftovers(backups_dir, ".classesduo-*.partial")
            + remove_leftovers(database.parent, f".{database.name}.restoring"))


def restore_into(backup: Path, database: Path) -> None:
    """Replace the content of a sound (or missing) ``database`` with a checked copy of ``backup``:
    :func:`prepare_restore`, then :func:`replace_content` (or :func:`swap_in` when there is no database).
    A damaged database is the caller's: :func:`move_aside` then :func:`swap_in`."""
    prepared = prepare_restore(backup, database)
    try:
        if database.exists():
            replace_content(prepared, database)
        else:
            swap_in(prepared, database)
    finally:
        discard_prepared(prepared)


def replace_content(prepared: Path, database: Path) -> None:
    """Copy a prepared, checked file into the live ``database`` through the backup API, in one transaction:
    other connections see the new content; a failure (a full disk) rolls back and leaves it as it was."""
    try:
        source = _open_existing(prepared)
        try:
            destination = sqlite3.connect(database, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                destination.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                source.backup(destination)
                destination.execute("PRAGMA journal_mode = WAL")
                destination.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                destination.close()
        finally:
            source.close()
    except sqlite3.Error as error:
        _raise_unless_damage(database, error)
        raise BackupError(f"could not restore into {database}: {error}") from error


def swap_in(prepared: Path, database: Path) -> None:
    """Put a prepared copy in place of ``database`` in one rename (a crash leaves the old or the new file)."""
    for companion in companions(database):
        if companion.exists() and companion.stat().st_size:
            raise BackupError(f"{companion} is still in use by another program; close it and try again")
        companion.unlink(missing_ok=True)
    os.replace(prepared, database)
    fsync_directory(database.parent)


def move_aside(database: Path, now: datetime, keep_original: bool = False) -> Path:
    """Rename a damaged database (and its WAL/SHM files) with a timestamp; return its new path.

    ``keep_original=True`` links the database under the new name instead of renaming it, so its path
    still holds a file until :func:`swap_in` replaces it (a crash in between leaves no empty database)."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = database.with_name(f"{database.name}.damaged-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = database.with_name(f"{database.name}.damaged-{stamp}-{counter}")
    if keep_original:
        try:
            os.link(database, aside)
        except OSError:  # a file system without hard links: copy, the damaged file stays in place
            import shutil

            shutil.copy2(database, aside)
    else:
        os.replace(database, aside)
    for companion, moved in zip(companions(database), companions(aside), strict=True):
        if companion.exists():
            os.replace(companion, moved)
    return aside


def _create_private(path: Path) -> None:
    """Create an empty file readable by its owner only (SQLite then keeps that mode, and gives it to the -wal)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    make_private(path)


def backups_to_keep(backups: Iterable[BackupFile], now: datetime, latest: int = KEEP_LATEST,
                    daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY, monthly: int = KEEP_MONTHLY) -> set[Path]:
    """Grandfather-father-son: the ``latest`` newest backups, the newest backup of each of the last ``daily``
    days, ``weekly`` ISO weeks and ``monthly`` months (counted back from ``now``), and anything newer than
    ``now`` (a clock set back must not delete them)."""
    now = now.astimezone(UTC)
    today = now.date()
    keep: set[Path] = set()
    newest_of: dict[tuple, BackupFile] = {}
    ordered = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep.update(backup.path for backup in ordered[:latest])
    for backup in ordered:
        day = backup.taken_at.astimezone(UTC).date()
        if backup.taken_at > now:
            keep.add(backup.path)
            continue
        iso = day.isocalendar()
        buckets = []
        if (today - day).days < daily:
            buckets.append(("day", day))
        weeks_back = ((today - timedelta(days=today.weekday())) - (day - timedelta(days=day.weekday()))).days // 7
        if weeks_back < weekly:
            buckets.append(("week", iso.year, iso.week))
        if (today.year - day.year) * 12 + today.month - day.month < monthly:
            buckets.append(("month", day.year, day.month))
        for bucket in buckets:
            newest_of.setdefault(bucket, backup)
    keep.update(backup.path for backup in newest_of.values())
    return keep


#: A temporary file this old was left by a crash (a backup takes seconds, not an hour).
STALE_SECONDS = 3600


def remove_stale_temporaries(folder: Path, pattern: str) -> list[Path]:
    """Delete temporary files matching ``pattern`` that a killed process left behind."""
    import time

    removed = []
    for path in folder.glob(pattern) if folder.is_dir() else ():
        try:
            if time.time() - path.stat().st_mtime > STALE_SECONDS:
                path.unlink()
                removed.append(path)
        except FileNotFoundError:
            pass
    return removed


def rotate(folder: Path, now: datetime, **counts: int) -> list[Path]:
    """Delete the backups rotation no longer keeps (and partial files a crash left); return them."""
    remove_stale_temporaries(folder, ".classesduo-*.partial")
    backups = list_backups(folder)
    keep = backups_to_keep(backups, now, **counts)
    removed = [backup.path for backup in backups if backup.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _open_existing(path: Path) -> sqlite3.Connection:
    """Open a database file that must exist (never create an empty one), whatever characters its path has."""
    from urllib.parse import quote

    uri = "file:" + quote(str(path.resolve()), safe="/") + "?mode=rw"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
