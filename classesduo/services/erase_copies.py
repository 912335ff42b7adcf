"""Erasure reaches every copy in the data folder: the backups and the log files.

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

from sqlalchemy.orm import Session

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
