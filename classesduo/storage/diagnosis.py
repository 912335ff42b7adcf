"""What kind of storage failure an error is, from the database's native codes (never its message text).

SQLite: the error name / extended result code Python exposes (``sqlite_errorname``, ``sqlite_errorcode``).
PostgreSQL: the SQLSTATE (``pgcode`` / ``sqlstate``). :mod:`classesduo.services.errors` turns a kind into
a sentence that says what to do; this module has no user text.

The distinction that matters most: a *damaged* database (``SQLITE_CORRUPT``, ``SQLITE_NOTADB``) is the
only case where restoring a backup helps. A full disk, a read-only file, a folder the user cannot write
or a failing disk are not damage, and a restore would make them worse.
"""

from __future__ import annotations

import os
import shutil
from enum import StrEnum
from pathlib import Path


class Kind(StrEnum):
    DAMAGED = "damaged"  # the file is not a sound SQLite database: restoring a backup is the remedy
    FULL = "full"  # no space left
    READ_ONLY = "read-only"  # the file or its disk cannot be written
    NO_ACCESS = "no-access"  # the file or its folder cannot be opened / created (permissions, missing folder)
    IO = "io"  # the disk failed to read or write (often a full disk, sometimes a failing one)
    BUSY = "busy"  # another connection holds a lock
    RETRY = "retry"  # PostgreSQL: serialization failure or deadlock; running the transaction again may pass
    CONNECTION = "connection"  # PostgreSQL: the server is unreachable or restarted
    SCHEMA = "schema"  # PostgreSQL: an undefined table/column (a database of another app or version)
    INTEGRITY_UNIQUE = "unique"  # a unique constraint refused the change
    INTEGRITY = "integrity"  # another constraint refused the change
    TRIGGER = "trigger"  # SQLite: a trigger of ours refused the change (e.g. a text longer than its column)
    OTHER = "other"


#: SQLite primary result codes (https://sqlite.org/rescode.html).
_SQLITE_PRIMARY = {
    3: Kind.NO_ACCESS,  # SQLITE_PERM
    5: Kind.BUSY,  # SQLITE_BUSY
    6: Kind.BUSY,  # SQLITE_LOCKED
    8: Kind.READ_ONLY,  # SQLITE_READONLY
    10: Kind.IO,  # SQLITE_IOERR
    11: Kind.DAMAGED,  # SQLITE_CORRUPT
    13: Kind.FULL,  # SQLITE_FULL
    14: Kind.NO_ACCESS,  # SQLITE_CANTOPEN
    19: Kind.INTEGRITY,  # SQLITE_CONSTRAINT (extended codes below)
    23: Kind.NO_ACCESS,  # SQLITE_AUTH
    26: Kind.DAMAGED,  # SQLITE_NOTADB
}
_SQLITE_EXTENDED = {
    1555: Kind.INTEGRITY_UNIQUE,  # SQLITE_CONSTRAINT_PRIMARYKEY
    2067: Kind.INTEGRITY_UNIQUE,  # SQLITE_CONSTRAINT_UNIQUE
    1811: Kind.TRIGGER,  # SQLITE_CONSTRAINT_TRIGGER (RAISE(ABORT, ...) in a trigger, see db/versions/0008)
}

#: PostgreSQL SQLSTATE classes and codes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
_PG_CODES = {
    "40001": Kind.RETRY,  # serialization_failure
    "40P01": Kind.RETRY,  # deadlock_detected
    "23505": Kind.INTEGRITY_UNIQUE,  # unique_violation
    "53100": Kind.FULL,  # disk_full
    "25006": Kind.READ_ONLY,  # read_only_sql_transaction
    "42P01": Kind.SCHEMA,  # undefined_table
    "42703": Kind.SCHEMA,  # undefined_column
    "55P03": Kind.BUSY,  # lock_not_available
    "57P01": Kind.CONNECTION,  # admin_shutdown (a server restart)
    "57P02": Kind.CONNECTION,  # crash_shutdown
    "57P03": Kind.CONNECTION,  # cannot_connect_now
    "28P01": Kind.NO_ACCESS,  # invalid_password
    "28000": Kind.NO_ACCESS,  # invalid_authorization_specification
    "3D000": Kind.NO_ACCESS,  # invalid_catalog_name (no such database)
}
_PG_CLASSES = {"08": Kind.CONNECTION, "23": Kind.INTEGRITY, "53": Kind.FULL, "58": Kind.IO, "XX": Kind.DAMAGED}


def sqlite_kind(error: BaseException) -> Kind | None:
    """The kind of a ``sqlite3.Error`` by its extended result code; None when it carries none."""
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    return _SQLITE_EXTENDED.get(code) or _SQLITE_PRIMARY.get(code & 0xFF, Kind.OTHER)


def pg_kind(error: BaseException) -> Kind | None:
    """The kind of a psycopg error by its SQLSTATE; None when it carries none (e.g. connection refused)."""
    state = getattr(error, "sqlstate", None) or getattr(error, "pgcode", None)
    if not isinstance(state, str) or len(state) != 5:
        return None
    return _PG_CODES.get(state) or _PG_CLASSES.get(state[:2], Kind.OTHER)


def native_kind(error: BaseException) -> Kind | None:
    """The kind of a driver error (or of the driver error a SQLAlchemy error wraps)."""
    original = getattr(error, "orig", None) or error
    kind = sqlite_kind(original) or pg_kind(original)
    if kind is None and type(original).__module__.startswith("psycopg") and type(original).__name__ in (
            "OperationalError", "InterfaceError"):
        return Kind.CONNECTION  # no SQLSTATE: the client could not reach the server at all
    return kind


#: Below this much free space, SQLite cannot be expected to open a WAL database (its -shm file alone is 32 KiB,
#: a checkpoint or the daily backup needs room).
MIN_FREE_BYTES = 4 << 20


def free_bytes(folder: Path) -> int | None:
    """Free space on the disk holding ``folder`` (its nearest existing parent); None if unknown."""
    folder = Path(folder)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


class StorageUnavailable(Exception):  # noqa: N818 - reads as a state, like FileNotFoundError
    """A database or folder cannot be used for a reason that is *not* damage (space, permissions, disk)."""

    def __init__(self, path: Path, kind: Kind, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = Path(path)
        self.kind = kind
        self.detail = detail


def preflight(folder: Path, database: Path | None) -> None:
    """Raise :class:`StorageUnavailable` when ``folder``/``database`` cannot be written (before SQLite tries)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise StorageUnavailable(folder, Kind.NO_ACCESS, "is a file, not a folder")
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        raise StorageUnavailable(folder, Kind.NO_ACCESS, "this folder cannot be written")
    if database is not None and database.exists() and not os.access(database, os.R_OK | os.W_OK):
        raise StorageUnavailable(database, Kind.READ_ONLY, "this file is read-only")
    free = free_bytes(folder)
    if free is not None and free < MIN_FREE_BYTES:
        raise StorageUnavailable(folder, Kind.FULL, f"only {free} bytes free")


def classify_open_failure(path: Path, error: BaseException) -> StorageUnavailable | None:
    """A ``sqlite3`` / OS error met while opening ``path`` as a :class:`StorageUnavailable`, or None if it is damage."""
    kind = sqlite_kind(error)
    if kind is None and isinstance(error, OSError):
        import errno

        kind = {errno.ENOSPC: Kind.FULL, errno.EDQUOT: Kind.FULL, errno.EROFS: Kind.READ_ONLY,
                errno.EACCES: Kind.NO_ACCESS, errno.EPERM: Kind.NO_ACCESS, errno.ENOENT: Kind.NO_ACCESS,
                errno.EFBIG: Kind.FULL}.get(error.errno or 0, Kind.IO)
    if kind is None or kind is Kind.DAMAGED:
        return None
    if kind is Kind.IO:
        free = free_bytes(Path(path).parent)
        if free is not None and free < MIN_FREE_BYTES:
            kind = Kind.FULL
    return StorageUnavailable(path, kind, str(error))
