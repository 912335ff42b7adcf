"""Cancel in the media page's progress dialog: the photos already copied stay, listed; the rest is not kept."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from classesduo.services.media import list_media
from classesduo.storage.media_store import MediaStore
from classesduo.ui.qt import QtWidgets
from tests.media_files import qimage_file
from tests.ui.test_media_page import MediaDialogs, _drop, _media_page


def test_cancel_keeps_the_photos_already_copied(make_window, demo_dir: Path, qtbot, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    dialogs = MediaDialogs()
    window = make_window(demo_dir, dialogs)
    page = _media_page(window)
    page.filters.duo.setCurrentIndex(1)
    duo_id = page.filters.selected_duo()
    files = [qimage_file(tmp_path / f"p{n}.png", color=0x203040 * (n + 1)) for n in range(4)]
    reached, release = threading.Event(), threading.Event()
    real_stage = MediaStore.stage

    def stage(self: MediaStore, source: Path, *args: object, **kwargs: object) -> object:
        if source.name == "p2.png":  # the worker holds here until the user has pressed Cancel
            reached.set()
            release.wait(20)
        return real_stage(self, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(MediaStore, "stage", stage)
    with qtbot.waitSignal(page.import_finished, timeout=20_000) as finished:
        _drop(page.grid.viewport(), files)
        qtbot.waitUntil(reached.is_set, timeout=20_000)
        progress = page.findChild(QtWidgets.QProgressDialog)
        assert progress is not None
        progress.findChild(QtWidgets.QPushButton).click()  # its Cancel button
        release.set()

    report = finished.args[0]
    assert report.cancelled
    assert [item.original_name for item in report.imported] == ["p0.png", "p1.png"]
    assert dialogs.infos and "cancelled" in dialogs.infos[-1]
    names = {view.item.original_name for view in list_media(window.workspace.db, duo_id)}
    assert {"p0.png", "p1.png"} <= names and not names & {"p2.png", "p3.png"}
    assert list(window.workspace.media.incoming_dir.iterdir()) == []
