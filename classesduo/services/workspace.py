"""Opening a dataset: folders, database URL, schema up to date."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from classesduo.paths import AppPaths
from classesduo.storage.database import Database
from classesduo.storage.media_store import MediaStore
from classesduo.storage.migrations import ensure_schema

log = logging.getLogger(__name__)


@dataclass
class Workspace:
    """Everything a use case needs: where files go and the database they describe."""

    paths: AppPaths
    db: Database
    media: MediaStore

    def close(self) -> None:
        self.db.dispose()


def open_workspace(data_dir: str | None = None, db_url: str | None = None) -> Workspace:
    paths = AppPaths.resolve(data_dir)
    paths.ensure()
    url = paths.database_url(db_url)
    if ensure_schema(url):
        log.info("database schema brought up to date at %s", _safe_url(url))
    return Workspace(paths=paths, db=Database(url), media=MediaStore(paths.media_dir))


def _safe_url(url: str) -> str:
    """The URL without its password, for logs."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
