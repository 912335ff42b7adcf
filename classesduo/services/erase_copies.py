"""Erasure reaches every copy in the data folder: the database file, the media, the backups and the log files.

:func:`erase_everywhere` is the one sequence both erasing a duo and the retention
run follow: a backup first (it protects the operation), the rows in one
transaction with SQLite's ``secure_delete`` on, the files no row uses any more,
a ``VACUUM`` and WAL checkpoint (no erased byte in free pages or the WAL), then
the same change on every backup and the erased names masked in the logs.

After an erase or a retention run has committed on the live database, the same
change is applied to every backup in ``backups/`` (each is **scrubbed**: changed
with ``secure_delete`` on, rebuilt with ``VACUUM`` and checked, so it stays a
usable restore point without the erased data). A backup at an older schema
version (``before-migration-…``) cannot take the change; when it holds any of
the erased data it is **deleted**, as is a backup that fails to scrub. The
backup taken just before the erase is scrubbed like the others: it protects
the operation itself, not the erased data.

Log files never hold log texts, but a media file's name can appear in them (an
unreadable EXIF, an import problem); every erased name, caption and hash is
overwritten in place with ``#`` of the same length.

Backups written elsewhere with ``classesduo backup -o FILE`` and bundles already
sent are outside the data folder and out of reach; docs/data-safety.md says so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from classesduo.services.backups import backup_before
from classesduo.services.errors import translated_storage_errors
from classesduo.services.media import remove_unused_files
from classesduo.services.workspace import Workspace
from classesduo.storage import backups as store
from classesduo.storage.migrations import SCHEMA_HEAD
from classesduo.storage.scrub import holds, schema_revision, scrub_file

log = logging.getLogger(__name__)

#: Shorter strings are not searched for in the logs (a one-letter caption would mask half the file).
MIN_TERM = 4


@dataclass
class CopiesResult:
    scrubbed: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    log_files: int = 0


#: A change erases rows in one session (the live database or a backup) and returns the erased media's
#: (hash, stored name) and a count of what else it erased (sessions, logs).
Change = Callable[[Session], tuple[list[tuple[str, str]], int]]


@dataclass
class Erased:
    media: list[tuple[str, str]]
    count: int  # the change's own count (sessions deleted, logs cleared)
    files_removed: int
    file_problems: list[str]
    copies: CopiesResult


def erase_everywhere(workspace: Workspace, reason: str, change: Change, terms: Callable[[Session], set[str]],
                     probe: tuple[str, tuple]) -> Erased:
    """Apply ``change`` to the live database and every copy in the data folder (see the module's docstring).

    ``terms`` gives, before the change, the names, captions, hashes and texts to mask in the logs; ``probe``
    is :func:`scrub_backups`' question to old-schema backups.
    """
    backup_before(workspace, reason)
    with translated_storage_errors(), workspace.db.transaction() as session:
        if workspace.db.is_sqlite:
            session.execute(text("PRAGMA secure_delete = ON"))
        found = terms(session)
        media, count = change(session)
    removed, problems = remove_unused_files(workspace, media)
    scrub_freed_space(workspace)
    copies = scrub_backups(workspace, change, probe)
    mask_in_logs(workspace.paths.log_dir, found)
    return Erased(media, count, removed, list(problems), copies)


def scrub_freed_space(workspace: Workspace) -> None:
    """Rewrite the database so erased bytes survive nowhere (free pages, WAL, dead tuples)."""
    with workspace.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        if workspace.db.is_sqlite:
            connection.exec_driver_sql("VACUUM")
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        else:
            connection.exec_driver_sql("VACUUM exchange_session, media_item, session_revision, duo")


def scrub_backups(workspace: Workspace, change: Callable[[Session], object], probe: tuple[str, tuple]) -> CopiesResult:
    """Apply ``change`` to every backup of the data folder (or delete the backups it cannot be applied to).

    ``probe`` is a SELECT (and its parameters) that returns a row when an old-schema backup holds erased
    data; backups at the current schema are always scrubbed.
    """
    result = CopiesResult()
    folder = workspace.paths.backups_dir
    for backup in store.list_backups(folder):
        path = backup.path
        if schema_revision(path) == SCHEMA_HEAD:
            try:
                scrub_file(path, change)
                result.scrubbed.append(path)
                continue
            except store.BackupError as error:
                log.warning("erase: %s; deleting that backup", error)
        elif not holds(path, *probe):
            continue
        path.unlink(missing_ok=True)
        result.removed.append(path)
    if result.removed:
        store.fsync_directory(folder)
    log.info("erase reached the backups: %d scrubbed, %d deleted", len(result.scrubbed), len(result.removed))
    return result


def mask_in_logs(log_dir: Path, terms: Iterable[str]) -> int:
    """Overwrite every occurrence of ``terms`` in the log files (the current one and rotated ones)."""
    needles = sorted({term.encode() for term in terms if term and len(term) >= MIN_TERM}, key=len, reverse=True)
    changed = 0
    if not needles or not log_dir.is_dir():
        return 0
    for path in sorted(log_dir.glob("*.log*")):
        try:
            with open(path, "r+b") as handle:  # in place: the running logger keeps appending to this file
                data = handle.read()
                new = data
                for needle in needles:
                    new = new.replace(needle, b"#" * len(needle))
                if new != data:
                    handle.seek(0)
                    handle.write(new)
                    handle.flush()
                    changed += 1
        except OSError as error:
            log.warning("erase: could not clean the log file %s: %s", path.name, error.strerror)
    return changed
