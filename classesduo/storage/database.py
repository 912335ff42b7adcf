"""Engine and session set-up: one :class:`Database` per data folder or server.

SQLite runs with foreign keys on, a WAL journal, a busy timeout (so a CLI
write while the GUI is open waits instead of failing) and ``synchronous=FULL``
(a committed action survives a power cut, not just a crash).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000

log = logging.getLogger(__name__)
T = TypeVar("T")


def _sqlite_pragmas(foreign_keys: bool):  # noqa: ANN202 - an event listener
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cursor.close()

    return on_connect


def _manual_transactions(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite otherwise runs DDL outside any transaction; SQLAlchemy then emits BEGIN itself.
    dbapi_connection.isolation_level = None


def make_engine(url: str, *, for_migration: bool = False, echo: bool = False) -> Engine:
    """Create an engine; for SQLite, install the pragmas on every new connection.

    ``for_migration=True`` turns foreign keys off (a batch migration recreates
    tables, and with foreign keys on that fires ON DELETE CASCADE and empties
    child tables) and makes pysqlite emit a real BEGIN so that DDL is inside
    the migration's transaction too.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            echo=echo,
            connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        )
        event.listen(engine, "connect", _sqlite_pragmas(foreign_keys=not for_migration))
        if for_migration:
            event.listen(engine, "connect", _manual_transactions)
            event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN IMMEDIATE"))
        return engine
    if parsed.get_backend_name() == "postgresql":
        from classesduo.storage.models import postgresql_options

        postgresql_options()
    return create_engine(url, echo=echo, pool_pre_ping=True)


class Database:
    """The engine and session factory of one dataset."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.engine = make_engine(url, echo=echo)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action = one transaction: commit on success, roll back on any error."""
        with self._sessions() as session:
            with session.begin():
                yield session

    def run(self, work: Callable[[Session], T], retries: int = 1) -> T:
        """Run ``work`` in one transaction; a PostgreSQL serialization failure or deadlock (SQLSTATE 40001,
        40P01: the server rolled the whole transaction back) runs it again, ``retries`` times at most.
        ``work`` must do nothing but database work (it may run twice)."""
        from sqlalchemy.exc import DBAPIError

        from classesduo.storage.diagnosis import Kind, native_kind

        attempt = 0
        while True:
            try:
                with self.transaction() as session:
                    return work(session)
            except DBAPIError as error:
                if attempt >= retries or native_kind(error) is not Kind.RETRY:
                    raise
                attempt += 1
                log.warning("transaction rolled back by the server (%s); running it again", error.orig)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only; nothing is committed."""
        with self._sessions() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
