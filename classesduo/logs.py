"""Logging to the log file in the platformdirs log folder (or the data folder's ``logs``)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path


def setup_logging(log_file: Path, level: int = logging.INFO) -> None:
    """Send records to a rotating file; safe to call more than once."""
    from logging.handlers import RotatingFileHandler  # imported here: the GUI sets the log up after showing

    root = logging.getLogger()
    if any(getattr(handler, "_classesduo", False) for handler in root.handlers):
        return
    from classesduo.storage.atomic import make_private, private_folder

    private_folder(log_file.parent)
    if not log_file.exists():
        import os

        os.close(os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    make_private(log_file)
    handler = RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._classesduo = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)


def log_to_file_only(log_file: Callable[[], Path]) -> None:
    """Log to ``log_file()`` if it can be set up, else nowhere: a traceback never reaches the terminal."""
    root = logging.getLogger()
    if any(getattr(handler, "_classesduo", False) for handler in root.handlers):
        return
    try:
        setup_logging(log_file())
    except Exception:  # noqa: BLE001 - e.g. --data-dir is a file or the disk is full: no log file
        silent = logging.NullHandler()
        silent._classesduo = True  # type: ignore[attr-defined]
        root.addHandler(silent)
