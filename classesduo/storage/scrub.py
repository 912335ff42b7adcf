"""Rewriting a SQLite file so that deleted rows survive nowhere in it (backups after an erase).

A backup is a self-contained SQLite file in rollback-journal mode. :func:`scrub_file`
runs a change on it with ``secure_delete`` on (freed pages are zeroed), then
``VACUUM`` (the file is rebuilt from the live rows only) and checks it. The
journal SQLite writes meanwhile is deleted when each step commits.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

from classesduo.storage.backups import BUSY_TIMEOUT_MS, BackupError, integrity_problems


def schema_revision(path: Path) -> str | None:
    """The Alembic revision a database file is at (None when it has none or cannot be read)."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error:
        return None
    try:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    except (sqlite3.Error, TypeError):
        return None
    finally:
        connection.close()


def holds(path: Path, sql: str, parameters: tuple = ()) -> bool:
    """Whether ``sql`` (a SELECT) returns a row in the file; True when the file cannot answer (assume it holds)."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error:
        return True
    try:
        return connection.execute(sql, parameters).fetchone() is not None
    except sqlite3.Error as error:
        return "no such table" not in str(error)
    finally:
        connection.close()


def _engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    def on_connect(dbapi_connection, _record) -> None:  # noqa: ANN001
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode = DELETE")  # a backup stays one file: no WAL beside it
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()

    event.listen(engine, "connect", on_connect)
    return engine


def scrub_file(path: Path, change: Callable[[Session], object]) -> None:
    """Apply ``change`` to the database file in one transaction, then rebuild it with VACUUM and check it."""
    engine = _engine(path)
    try:
        with Session(engine) as session, session.begin():
            change(session)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM")
    except Exception as error:
        raise BackupError(f"could not scrub {path.name}: {error}") from error
    finally:
        engine.dispose()
    problems = integrity_problems(path)
    if problems:
        raise BackupError(f"{path.name} failed its check after scrubbing: {problems[0]}")
