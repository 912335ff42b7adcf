"""An unexpected exception becomes a dialog naming the log file, and the traceback goes to the log."""

from __future__ import annotations

import sys
from pathlib import Path

from classesduo.logs import setup_logging
from classesduo.ui.app import install_excepthook

from .conftest import FakeDialogs


def test_unexpected_exception_shows_the_log_path(make_window, demo_dir: Path, monkeypatch) -> None:  # noqa: ANN001
    dialogs = FakeDialogs()
    window = make_window(demo_dir, dialogs=dialogs)
    log_file = window.paths.log_file
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    setup_logging(log_file)
    install_excepthook(window, str(log_file))
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert dialogs.errors and "boom in a slot" in dialogs.errors[0] and str(log_file) in dialogs.errors[0]
    assert "RuntimeError: boom in a slot" in log_file.read_text(encoding="utf-8")
    assert window.isVisible()
