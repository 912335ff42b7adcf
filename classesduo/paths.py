"""Every file location of the app, in one place.

Defaults follow platformdirs; ``--data-dir`` / ``CLASSESDUO_DATA_DIR`` move
the data (database, media, backups, logs) elsewhere, which tests always do.
Bundled resources and migrations live beside the package in a wheel
(``classesduo/resources``, ``classesduo/db``) and at the top of a checkout.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir, user_log_dir

from classesduo import APP_NAME

DATA_DIR_ENV = "CLASSESDUO_DATA_DIR"
DB_URL_ENV = "CLASSESDUO_DB_URL"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """A folder shipped with the app: inside the package when installed, else at the checkout's top."""
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} not found beside {_PACKAGE_DIR}")


def resources_dir() -> Path:
    return _bundled("resources")


def migrations_dir() -> Path:
    return _bundled("db")


@dataclass(frozen=True)
class AppPaths:
    """Where this run keeps its data. ``data_dir`` holds everything the user owns."""

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        chosen = data_dir or os.environ.get(DATA_DIR_ENV)
        if chosen:
            root = Path(chosen).expanduser().resolve()
            return cls(data_dir=root, config_dir=root / "config", log_dir=root / "logs")
        return cls(
            data_dir=Path(user_data_dir(APP_NAME, appauthor=False)),
            config_dir=Path(user_config_dir(APP_NAME, appauthor=False)),
            log_dir=Path(user_log_dir(APP_NAME, appauthor=False)),
        )

    @property
    def database(self) -> Path:
        return self.data_dir / "classesduo.sqlite3"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def thumbnails_dir(self) -> Path:
        return self.data_dir / "thumbnails"

    @property
    def cache_dir(self) -> Path:
        """What the app can always make again (e.g. the public holidays ``holidays`` answered)."""
        return self.data_dir / "cache"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "classesduo.log"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    def database_url(self, override: str | None = None) -> str:
        return override or os.environ.get(DB_URL_ENV) or f"sqlite:///{self.database}"

    def ensure(self) -> None:
        """Create the folders, private to the user (0700) whatever the umask."""
        from classesduo.storage.atomic import private_folder

        for folder in (self.data_dir, self.config_dir, self.log_dir, self.media_dir):
            private_folder(folder)

    def private_roots(self) -> list[Path]:
        """The folders holding children's data and traces of it (``check`` keeps them 0700/0600)."""
        roots = [self.data_dir]
        roots += [folder for folder in (self.config_dir, self.log_dir) if self.data_dir not in folder.parents]
        return roots


#: What the app creates is readable by the user only (children's data): a process-wide umask, set by the
#: CLI and the GUI at start-up, and explicit modes where files are created (storage/atomic.py).
PRIVATE_UMASK = 0o077


def use_private_umask() -> None:
    os.umask(PRIVATE_UMASK)
