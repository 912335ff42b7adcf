"""Opening a dataset: folders, database URL, schema up to date."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from classesduo.domain.i18n import translate
from classesduo.paths import DB_URL_ENV, AppPaths
from classesduo.services.errors import ServiceError, StorageUnavailableError, translated_storage_errors
from classesduo.settings import Settings
from classesduo.storage.backups import integrity_problems, sqlite_file
from classesduo.storage.database import Database
from classesduo.storage.diagnosis import Kind, StorageUnavailable, classify_open_failure, preflight
from classesduo.storage.media_store import MediaStore
from classesduo.storage.migrations import SchemaTooNewError, ensure_schema
from classesduo.storage.wal import foreign_wal, wal_of

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


class DataOpenError(ServiceError):
    """The data could not be opened (a bad URL, a missing driver, a newer schema…); the message says why."""


class ForeignWalError(ServiceError):
    """A ``-wal`` beside the database does not belong to it; nothing was opened, so SQLite merged nothing."""

    def __init__(self, database: Path, reason: str) -> None:
        self.database = database
        self.reason = reason
        super().__init__(foreign_wal_message(database, reason))


def foreign_wal_message(database: Path, reason: str) -> str:
    return translate(
        "workspace", "The file {wal} does not belong to the database {path} ({reason}); Classes Duo stopped "
                     "before SQLite merged it, so the database is unchanged. It was probably copied from another "
                     "folder or left by a database restored by hand: move it out of the folder (keep it until you "
                     "are sure), then start again.").format(wal=wal_of(database), path=database, reason=reason)


def open_workspace(data_dir: str | None = None, db_url: str | None = None, check: bool = True) -> Workspace:
    """Open a data folder: the database named by ``db_url``, ``CLASSESDUO_DB_URL``, the settings' ``db_url``
    or the folder's own SQLite file, in that order; media in the settings' ``media_dir`` or the folder.

    ``check`` runs SQLite's quick check first and raises :class:`DatabaseDamagedError` on failure. Every other
    failure is a :class:`ServiceError` with one sentence saying what to do (the details go to the log):
    :class:`StorageUnavailableError` (a full disk, a read-only file, a folder that cannot be written — never
    called damage), :class:`ForeignWalError`, :class:`DataOpenError` (a malformed URL, an unknown driver, the
    PostgreSQL extra not installed, a missing folder in a SQLite URL, a newer schema, a server down).
    """
    try:
        paths = AppPaths.resolve(data_dir)
        preflight(paths.data_dir, None)
        paths.ensure()
    except StorageUnavailable as error:
        raise StorageUnavailableError(error) from error
    except OSError as error:
        raise StorageUnavailableError(
            classify_open_failure(Path(error.filename or data_dir or "."), error)
            or StorageUnavailable(Path(error.filename or "."), Kind.NO_ACCESS, str(error))) from error
    settings = Settings.load(paths.settings_file)
    url = paths.database_url(db_url or os.environ.get(DB_URL_ENV) or settings.db_url or None)
    database = _check_url(url)
    if database is not None:
        try:
            preflight(database.parent, database)
        except StorageUnavailable as error:
            raise StorageUnavailableError(error) from error
        reason = foreign_wal(database) if database.exists() else None
        if reason:
            log.error("foreign -wal beside %s: %s", database, reason)
            raise ForeignWalError(database, reason)
    try:
        if check and database is not None and database.exists():
            problems = integrity_problems(database, quick=True)
            if problems:
                log.error("database %s failed its quick check: %s", database, problems[:5])
                raise DatabaseDamagedError(database, problems)
        with translated_storage_errors():
            if ensure_schema(url, paths.backups_dir):
                log.info("database schema brought up to date at %s", _safe_url(url))
    except StorageUnavailable as error:
        raise StorageUnavailableError(error) from error
    except SchemaTooNewError as error:
        raise DataOpenError(translate(
            "workspace", "This database was written by a newer Classes Duo (schema {revision}); this version knows "
                         "up to {head}. Update Classes Duo to open it; the database was not changed.").format(
            revision=error.revision, head=error.head)) from error
    except ServiceError as error:
        if isinstance(error, DatabaseDamagedError):
            raise
        log.exception("opening %s failed", _safe_url(url))
        raise DataOpenError(translate("workspace", "Cannot open the database {url}: {error}").format(
            url=_safe_url(url), error=error)) from error
    media_root = Path(settings.media_dir).expanduser() if settings.media_dir else paths.media_dir
    _remove_crash_leftovers(database, paths, media_root)
    _remember_public_holidays(paths)
    return Workspace(paths=paths, db=Database(url), media=MediaStore(media_root))


def _remember_public_holidays(paths: AppPaths) -> None:
    """Public holidays asked of ``holidays`` are kept in the data folder's cache (start-up time)."""
    from classesduo.domain.public_holidays import remember_in
    from classesduo.storage.holiday_file import HolidayFile

    remember_in(HolidayFile(paths.cache_dir / "public-holidays.json"))


def _remove_crash_leftovers(database: Path | None, paths: AppPaths, media_root: Path) -> None:
    """Partial backups, restored copies and staged bundle media a killed process left: deleted at the next
    start, whatever their age (a file another running process is still writing is marked and kept)."""
    from classesduo.storage.atomic import remove_leftovers
    from classesduo.storage.backups import remove_crash_leftovers
    from classesduo.storage.media_store import STAGING

    try:
        removed = remove_leftovers(media_root / STAGING, ".*.importing")
        if database is not None:
            removed += remove_crash_leftovers(database, paths.backups_dir)
    except OSError:
        log.exception("could not remove the temporary files a crash left")
        return
    if removed:
        log.info("removed %d temporary files left by a crash: %s", len(removed), [str(p) for p in removed[:5]])


def _check_url(url: str) -> Path | None:
    """Refuse a URL that cannot work, with a sentence (before SQLAlchemy raises a traceback); return the SQLite
    file it names, if any."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        parsed = make_url(url)
        parsed.port  # noqa: B018 - a port that is not a number fails here, not later with a traceback
    except (ArgumentError, ValueError) as error:
        raise DataOpenError(translate(
            "workspace", "\"{url}\" is not a database URL ({error}); expected e.g. "
                         "postgresql+psycopg://user:password@server/classesduo").format(
            url=url if "@" not in url else "…", error=error)) from error
    try:
        dialect = parsed.get_dialect()
        dialect.import_dbapi() if hasattr(dialect, "import_dbapi") else dialect.dbapi()
    except NoSuchModuleError as error:
        raise DataOpenError(translate(
            "workspace", "Unknown database driver \"{driver}\" in the database URL: use sqlite:///FILE or "
                         "postgresql+psycopg://…").format(driver=parsed.drivername)) from error
    except ImportError as error:
        if parsed.get_backend_name() == "postgresql":
            hint = translate("workspace", "PostgreSQL support is not installed ({error}): install it with "
                                          "pip install 'classesduo[postgres]'")
        else:
            hint = translate("workspace", "The database driver is not installed ({error}).")
        raise DataOpenError(hint.format(error=error)) from error
    if parsed.get_backend_name() != "sqlite":
        return None
    database = sqlite_file(url)
    if database is not None and not database.parent.is_dir():
        raise DataOpenError(translate(
            "workspace", "The folder {folder} of the SQLite database URL does not exist; create it or correct the "
                         "URL.").format(folder=database.parent))
    return database


def _safe_url(url: str) -> str:
    """The URL without its password, for logs."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
