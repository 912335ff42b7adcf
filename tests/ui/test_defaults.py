"""Dialogs open on sensible dates, and folder pickers take the new folder they promise."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from classesduo.ui.dialogs import new_folder_dialog
from classesduo.ui.qt import QtWidgets
from tests.ui.fit_checks import settle


def _calendar(make_window, demo_dir: Path, today: date):  # noqa: ANN001, ANN202
    window = make_window(demo_dir)
    window.show_area(3)
    page = window.pages["calendar"]
    page.today = page.anchor = today
    page.now = lambda: datetime(today.year, today.month, today.day, 16, 30, tzinfo=UTC)
    shown: list[QtWidgets.QDialog] = []
    page.run_dialog = lambda dialog: shown.append(dialog) or 0
    return page, shown


def test_all_duos_searches_from_today_not_the_start_of_term(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    page, shown = _calendar(make_window, demo_dir, date(2026, 12, 2))
    page.toolbar.all_button.click()
    (dialog,) = shown
    assert dialog.from_edit.date().toPython() == date(2026, 12, 2)
    assert dialog.to_edit.date().toPython() >= date(2026, 12, 2)


def test_new_visio_opens_on_a_future_free_time_without_a_warning(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    page, shown = _calendar(make_window, demo_dir, date(2026, 12, 2))
    page.anchor = date(2026, 11, 30)  # the week shown starts on Monday, already past
    page.toolbar.new_button.click()
    (dialog,) = shown
    settle()
    dialog._check()
    assert dialog.time_entry.instant() > page.now()
    assert dialog.problems.text() == "", dialog.problems.text()
    assert dialog.save_button.isEnabled()


def test_the_album_folder_may_be_new(tmp_path: Path, qapp) -> None:  # noqa: ANN001
    target = tmp_path / "album-2026"
    dialog = new_folder_dialog(None, "Folder for the album (new or empty)")
    dialog.setOption(QtWidgets.QFileDialog.Option.DontUseNativeDialog)
    dialog.setDirectory(str(tmp_path))
    dialog.selectFile(target.name)
    dialog.accept()
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    assert Path(dialog.selectedFiles()[0]) == target
    # (Qt's directory picker, which the album used, answers such a name with "Directory not found")
    dialog.deleteLater()
