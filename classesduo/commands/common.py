"""What every command shares: opening the data, and the error for bad input."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from classesduo.services.workspace import Workspace


class UsageError(Exception):
    """Bad input from the command line: exit 2 with this message."""


def open_for(args: argparse.Namespace) -> Workspace:
    """Open the data folder / database named by the global options, with logging to its log file."""
    from classesduo.logs import log_to_file_only
    from classesduo.paths import AppPaths
    from classesduo.services.workspace import open_workspace

    log_to_file_only(lambda: AppPaths.resolve(args.data_dir).log_file)  # before opening: its failures are logged
    return open_workspace(args.data_dir, args.db_url)


def iso_date(text: str):  # noqa: ANN201 - an argparse type
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def output_file(path: Path) -> Path:
    """An ``-o FILE`` the user named: its folder must exist (a typo must not create folders silently)."""
    target = Path(path).expanduser().resolve()
    if not target.parent.is_dir():
        raise UsageError(f"the folder {target.parent} does not exist (create it first, or check the path)")
    if target.is_dir():
        raise UsageError(f"{target} is a folder; give a file name")
    return target


def window_lock(data_dir: str | None):  # noqa: ANN201 - a held QLockFile, or UsageError
    """Take the data folder's window lock for a command that replaces or erases data (restore, erase), so
    an open window cannot keep showing (and writing to) what is gone; refuse while a window holds it."""
    from classesduo.paths import AppPaths

    folder = AppPaths.resolve(data_dir).data_dir
    try:
        from PySide6 import QtCore
    except ImportError:  # no Qt: no window can be open either
        return None
    folder.mkdir(parents=True, exist_ok=True)
    lock = QtCore.QLockFile(str(folder / "classesduo.lock"))
    lock.setStaleLockTime(0)
    if not lock.tryLock(200):
        raise UsageError(f"Classes Duo is open on {folder}: close its window first (or use its File menu), "
                         "so that it does not keep showing data that is no longer there")
    return lock
