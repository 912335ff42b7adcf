"""Issue 18, finding 5 in the window: a failure while opening the data is a dialog with one sentence (the
traceback in the log only); a foreign -wal or a full disk is not offered a restore."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.ui.conftest import FakeDialogs


@pytest.mark.parametrize(("db_url", "expected"), [
    ("nosuchdb+driver://x/y", "Unknown database driver"),
    ("postgresql+psycopg://u:secret@127.0.0.1:1/x", "cannot be reached"),
])
def test_a_bad_database_url_is_a_dialog_sentence(make_window, data_dir: Path, qtbot, db_url: str,  # noqa: ANN001
                                                 expected: str) -> None:
    dialogs = FakeDialogs()
    window = make_window(data_dir, dialogs, db_url=db_url, wait=False)
    window.open_data()
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=30_000)
    assert expected in dialogs.errors[0] and "Traceback" not in dialogs.errors[0]
    assert "secret" not in dialogs.errors[0]


def test_a_foreign_wal_stops_the_window_without_offering_a_restore(make_window, data_dir: Path,  # noqa: ANN001
                                                                   tmp_path: Path, qtbot) -> None:
    other = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(other, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    connection.execute("CREATE TABLE t (x)")
    connection.execute("INSERT INTO t VALUES (1)")
    shutil.copy(tmp_path / "other.sqlite3-wal", data_dir / "classesduo.sqlite3-wal")
    connection.close()
    dialogs = FakeDialogs()
    window = make_window(data_dir, dialogs, wait=False)
    window.open_data()
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=30_000)
    assert "does not belong" in dialogs.errors[0] and not dialogs.asked
    assert window.workspace is None


def test_a_data_dir_that_is_a_file_is_a_message_not_a_traceback(tmp_path: Path, monkeypatch, qapp) -> None:  # noqa: ANN001
    from classesduo.ui import app as app_module
    from classesduo.ui.qt import QtWidgets

    plain = tmp_path / "plain"
    plain.write_text("x")
    shown: list[str] = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    assert app_module.run_gui(data_dir=str(plain)) == 2
    assert shown and str(plain) in shown[0]
