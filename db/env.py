"""Alembic environment: run on the connection handed over by classesduo.storage.migrations."""

from __future__ import annotations

from alembic import context

from classesduo.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only via `alembic` on the command line
    raise SystemExit("run migrations through classesduo (classesduo.storage.migrations.upgrade)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode recreates the table
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
    if connection.dialect.name == "sqlite":
        # Migrations run with foreign keys off (see classesduo.storage.migrations); refuse, and so roll
        # back, a migration that left a dangling reference.
        problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"foreign keys broken by the migration: {problems[:5]}")
