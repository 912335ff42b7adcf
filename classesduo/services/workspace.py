"""Opening a dataset: folders, database URL, schema up to date."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from classesduo.domain.i18n import translate
from classesduo.paths import DB_URL_ENV, AppPaths
from classesduo.services.errors import ServiceError
from classesduo.settings import Settings
from classesduo.storage.backups import integrity_problems, sqlite_file
from classesduo.storage.database import Database
from classesduo.storage.media_store import MediaStore
from classesduo.storage.migrations import ensure_schema

__all__ = ["Database", "Workspace", "open_workspace"]  # Database: the handle the GUI passes to services

log = logging.getLogger(__name__)


@dataclass
class Workspace:
    """Everything a use case needs: where files go and the database they describe."""

    paths: AppPaths
    db: Database
    media: MediaStore

    def close(self) -> None:
        self.db.dispose()


class DatabaseDamagedError(ServiceError):
    """The data folder's database failed its start-up check; nothing was changed."""

    def __init__(self, database: Path, problems: list[str]) -> None:
        self.database = database
        self.problems = problems
        super().__init__(translate(
            "workspace", "The database {path} is damaged ({problem}). Restore a backup (File › Restore, or "
                         "`classesduo restore --latest`) or open another data folder; the damaged file will be "
                         "kept aside, never overwritten.").format(path=database, problem=problems[0]))


def open_workspace(data_dir: str | None = None, db_url: str | None = None, check: bool = True) -> Workspace:
    """Open a data folder: the database named by ``db_url``, ``CLASSESDUO_DB_URL``, the settings' ``db_url``
    or the folder's own SQLite file, in that order; media in the settings' ``media_dir`` or the folder.

    ``check`` runs SQLite's quick check first and raises :class:`DatabaseDamagedError` on failure.
    """
    paths = AppPaths.resolve(data_dir)
    paths.ensure()
    settings = Settings.load(paths.settings_file)
    url = paths.database_url(db_url or os.environ.get(DB_URL_ENV) or settings.db_url or None)
    database = sqlite_file(url)
    if check and database is not None and database.exists():
        problems = integrity_problems(database, quick=True)
        if problems:
            log.error("database %s failed its quick check: %s", database, problems[:5])
            raise DatabaseDamagedError(database, problems)
    if ensure_schema(url, paths.backups_dir):
        log.info("database schema brought up to date at %s", _safe_url(url))
    media_root = Path(settings.media_dir).expanduser() if settings.media_dir else paths.media_dir
    return Workspace(paths=paths, db=Database(url), media=MediaStore(media_root))


def _safe_url(url: str) -> str:
    """The URL without its password, for logs."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
