"""Bring a database to the current schema, importing Alembic only when needed.

Reading ``alembic_version`` with one query costs nothing; importing Alembic
costs about 0.3 s, so it happens only for a new or older database.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from sqlalchemy import inspect, text

from classesduo.paths import migrations_dir
from classesduo.storage.database import make_engine

#: The newest revision in ``db/versions``; a test checks it matches Alembic's head.
SCHEMA_HEAD = "0008_text_length_triggers"

log = logging.getLogger(__name__)


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer Classes Duo."""

    def __init__(self, revision: str, head: str = SCHEMA_HEAD) -> None:
        super().__init__(f"this database uses schema {revision}, newer than this version of Classes Duo knows "
                         f"({head}); update the app")
        self.revision = revision
        self.head = head


def current_revision(url: str) -> str | None:
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return None
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()


def needs_upgrade(url: str) -> bool:
    return current_revision(url) != SCHEMA_HEAD


def upgrade(url: str, revision: str = "head") -> None:
    """Run Alembic migrations with foreign keys off; ``db/env.py`` checks they still hold before committing."""
    from alembic import command
    from alembic.config import Config

    engine = make_engine(url, for_migration=True)
    try:
        with engine.connect() as connection:
            config = Config()
            config.set_main_option("script_location", str(migrations_dir()))
            config.attributes["connection"] = connection
            command.upgrade(config, revision)  # db/env.py checks foreign keys before it commits
            connection.commit()
    finally:
        engine.dispose()


def ensure_schema(url: str, backups_dir: Path | None = None) -> bool:
    """Upgrade if needed; return True when a migration ran.

    Before migrating an existing SQLite database, a backup is written to
    ``backups_dir`` (when given), so a failed or unwanted migration can be undone.
    """
    revision = current_revision(url)
    if revision == SCHEMA_HEAD:
        return False
    known = _known_revisions()
    if revision is not None and revision not in known:
        raise SchemaTooNewError(revision)
    log.info("migrating database from %s to %s", revision or "empty", SCHEMA_HEAD)
    if revision is not None and backups_dir is not None:
        _backup_before_migration(url, revision, backups_dir)
    upgrade(url)
    return True


def _backup_before_migration(url: str, revision: str, backups_dir: Path) -> None:
    from datetime import UTC, datetime

    from classesduo.storage.backups import backup_name, sqlite_file, write_backup

    database = sqlite_file(url)
    if database is not None and database.is_file():
        target = write_backup(database, backups_dir / backup_name(datetime.now(UTC), f"before-migration-{revision}"))
        log.info("backed up %s to %s before migrating", database, target)


_REVISION_RE = re.compile(r"""^revision\s*=\s*["']([^"']+)["']""", re.MULTILINE)


def _known_revisions() -> set[str]:
    """The revision ids the shipped scripts declare (an id need not match its file name)."""
    found = set()
    for path in (migrations_dir() / "versions").glob("*.py"):
        match = _REVISION_RE.search(path.read_text(encoding="utf-8"))
        if match:
            found.add(match.group(1))
    return found
