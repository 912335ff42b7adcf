"""PostgreSQL for tests: a fresh database per test, cloned from a migrated template.

Set ``CLASSESDUO_TEST_PG_URL`` to a server URL (``.ci/run`` starts a throwaway
cluster and sets it); without it, PostgreSQL-parametrised tests skip with a message.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

PG_URL_ENV = "CLASSESDUO_TEST_PG_URL"
SKIP_MESSAGE = (f"{PG_URL_ENV} is not set: PostgreSQL tests skipped (run .ci/run, or .ci/with-postgres "
                "COMMAND, to start a throwaway server)")


def server_url() -> str:
    url = os.environ.get(PG_URL_ENV, "")
    if not url:
        pytest.skip(SKIP_MESSAGE)
    return url


def _admin(url: str):  # noqa: ANN202 - an Engine
    from sqlalchemy import create_engine

    return create_engine(url, isolation_level="AUTOCOMMIT")


def database_url(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


class PgDatabases:
    """One migrated database per test session; each test starts from empty tables (TRUNCATE is far
    faster than CREATE DATABASE on a busy machine), so tests in one process never see each other's rows."""

    def __init__(self, url: str) -> None:
        from classesduo.storage.migrations import ensure_schema

        self.url = url
        self.name = f"cd_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        self.admin = _admin(url)
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{self.name}"')
        self.database = database_url(url, self.name)
        ensure_schema(self.database)
        self.engine = _admin(self.database)

    @contextmanager
    def fresh(self) -> Iterator[str]:
        from classesduo.storage.models import ALL_TABLES

        with self.engine.connect() as connection:
            connection.exec_driver_sql(f"TRUNCATE {', '.join(ALL_TABLES)} CASCADE")
        yield self.database

    def close(self) -> None:
        self.engine.dispose()
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.admin.dispose()


def backend_workspace(request: pytest.FixtureRequest, data_dir) -> Iterator[object]:  # noqa: ANN001
    """Body of the backend-parametrised ``workspace`` fixture of the storage and service suites."""
    from classesduo.services.workspace import open_workspace

    url = None
    if request.param == "postgresql":
        if request.node.get_closest_marker("sqlite_only"):
            pytest.skip("SQLite-specific test")
        url = request.getfixturevalue("pg_url")
    workspace = open_workspace(str(data_dir), url)
    yield workspace
    workspace.close()
