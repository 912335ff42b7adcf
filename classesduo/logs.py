"""Logging to the log file in the platformdirs log folder (or the data folder's ``logs``)."""

from __future__ import annotations

import logging
from pathlib import Path


def setup_logging(log_file: Path, level: int = logging.INFO) -> None:
    """Send records to a rotating file; safe to call more than once."""
    from logging.handlers import RotatingFileHandler  # imported here: the GUI sets the log up after showing

    root = logging.getLogger()
    if any(getattr(handler, "_classesduo", False) for handler in root.handlers):
        return
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._classesduo = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
