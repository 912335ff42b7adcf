"""The window comes back as it was left: size, position, splitters, column widths and the last area."""

from __future__ import annotations

from pathlib import Path

from classesduo.paths import AppPaths
from classesduo.settings import Settings
from classesduo.ui.pages.list_page import RecordTable
from classesduo.ui.qt import QtCore, QtWidgets


def _settings(data_dir: Path) -> Settings:
    return Settings.load(AppPaths.resolve(data_dir).settings_file)


def test_size_position_splitter_columns_and_area_come_back_after_a_restart(make_window, demo_dir: Path,
                                                                             qtbot) -> None:  # noqa: ANN001
    window = make_window(demo_dir, settings=Settings(demo_offered=True))
    window.resize(1010, 650)
    window.move(40, 30)
    window.show_area(5)  # Media
    splitter = window.pages["media"].findChild(QtWidgets.QSplitter)
    splitter.setSizes([500, 300])
    sizes = splitter.sizes()
    header = window.pages["schools"].findChild(RecordTable).view.horizontalHeader()
    header.resizeSection(0, 321)
    QtCore.QCoreApplication.processEvents()
    window.close()

    saved = _settings(demo_dir)
    assert saved.last_area == "media" and saved.window_geometry

    again = make_window(demo_dir, settings=saved)
    QtCore.QCoreApplication.processEvents()
    assert again.size() == QtCore.QSize(1010, 650)
    assert again.pos() == QtCore.QPoint(40, 30)
    assert again.stack.currentWidget() is again.pages["media"]
    assert again.pages["media"].findChild(QtWidgets.QSplitter).sizes() == sizes
    again_header = again.pages["schools"].findChild(RecordTable).view.horizontalHeader()
    assert again_header.sectionSize(0) == 321
    again.refresh_all()  # a reload keeps the user's widths
    assert again_header.sectionSize(0) == 321


def test_a_damaged_saved_state_is_ignored(make_window, data_dir: Path) -> None:  # noqa: ANN001
    settings = Settings(demo_offered=True, window_geometry="not base64!", last_area="nowhere",
                        view_states={"media/splitter/0": "%%%", "home/table/0": 5})
    window = make_window(data_dir, settings=settings)
    assert window.stack.currentWidget() is window.pages["home"]
    assert window.width() >= 760
