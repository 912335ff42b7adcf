"""French through and through: Qt's own dialogs, dates, sizes and undo texts follow the language."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from classesduo.ui.qt import QtCore, QtWidgets

from .manage_helpers import open_schools, select


@pytest.fixture
def french(qapp):  # noqa: ANN001, ANN201
    from classesduo.ui.translations import Translations

    translations = Translations(qapp)
    translations.apply("fr")
    yield translations
    translations.apply("en")


def test_qt_file_dialog_speaks_french(french) -> None:  # noqa: ANN001
    dialog = QtWidgets.QFileDialog(None, "x")
    dialog.setOption(QtWidgets.QFileDialog.Option.DontUseNativeDialog)
    texts = {label.text() for label in dialog.findChildren(QtWidgets.QLabel)}
    texts |= {button.text() for button in dialog.findChildren(QtWidgets.QPushButton)}
    assert "&Look in:" not in texts and "Files of &type:" not in texts, texts
    assert any(text.replace("&", "").startswith("Voir dans") for text in texts) and "Annuler" in texts
    dialog.deleteLater()


def test_one_date_format_per_language_in_the_gui(french) -> None:  # noqa: ANN001
    from classesduo.ui.calendar.time_entry import TimeEntry
    from classesduo.ui.formatting import date_edit_format, datetime_edit_format, format_day, format_day_time

    assert format_day(date(2026, 12, 4)) == "ven. 04/12/2026"
    assert format_day_time(datetime(2026, 12, 4, 15, 0)) == "ven. 04/12/2026 15:00"
    assert date_edit_format() == "dd/MM/yyyy" and datetime_edit_format() == "dd/MM/yyyy HH:mm"
    entry = TimeEntry()
    entry.set_zones("Europe/Paris", "America/Montreal", "Montréal")
    entry.date_edit.setDate(QtCore.QDate(2026, 12, 4))
    entry.time_edit.setTime(QtCore.QTime(15, 0))
    entry._update()
    assert entry.date_edit.text() == "04/12/2026"
    status = entry.status.text()
    assert "ven. 04/12/2026 15:00" in status and "ven. 04/12/2026 09:00" in status, status
    assert "Fri" not in status and "2026-12-04" not in status


def test_calendar_item_tooltips_use_the_language_date(french) -> None:  # noqa: ANN001
    from classesduo.ui.calendar import items

    source = Path(items.__file__).read_text(encoding="utf-8")
    assert "isoformat()" not in source  # the tooltip's dates go through format_date


def test_sizes_in_the_language_units(french) -> None:  # noqa: ANN001
    from classesduo.ui.formatting import format_size

    assert format_size(454_656) == "444 ko"
    assert format_size(512) == "512 octets"
    assert format_size(3_500_000_000) == "3,3 Go"
    french.apply("en")
    assert format_size(454_656) == "444 kB"


def test_restore_dialog_shows_sizes_in_the_language_units(french, data_dir: Path) -> None:  # noqa: ANN001
    from classesduo.paths import AppPaths
    from classesduo.services.backups import backup_now, list_backups
    from classesduo.services.workspace import open_workspace
    from classesduo.ui.formatting import format_size
    from classesduo.ui.restore_dialog import RestoreDialog

    workspace = open_workspace(str(data_dir))
    backup_now(workspace)
    workspace.close()
    paths = AppPaths.resolve(data_dir)
    (backup,) = list_backups(paths)
    dialog = RestoreDialog(paths)
    cells = [dialog.table.item(0, column).text() for column in range(dialog.table.columnCount())]
    dialog.deleteLater()
    assert format_size(backup.size) in cells and format_size(backup.size).endswith(" ko"), cells
    assert not any("KB" in cell for cell in cells)
    # and its date as every other date of the French GUI (it was ISO: "2026-12-03 14:05")
    local = backup.taken_at.astimezone()
    assert cells[0] == f"{local:%d/%m/%Y %H:%M}", cells


def test_undo_names_the_command_in_french_after_a_language_switch(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(demo_dir, language="en")
    page = open_schools(window, qtbot, 2)
    select(page.facilitators, lambda f: f.name == "Awa Diop")
    page.facilitators.edit_selected()
    dialog = page.facilitators.editor
    dialog.languages_edit.setText("fr, wo, en")
    dialog.ok_button.click()
    assert page.undo_action.text() == "Undo edit “Awa Diop”"
    window.translations.apply("fr")
    QtCore.QCoreApplication.processEvents()
    try:
        assert page.undo_action.text() == "Annuler la modification de « Awa Diop »"
        assert page.undo_stack.undoText() == "la modification de « Awa Diop »"
        # the toolbar button stays short whatever the record's name; the full text is its tooltip
        button = page.facilitators.toolbar.widgetForAction(page.undo_action)
        assert button.text() == "Annuler"
        assert "Awa Diop" in button.toolTip() and "Ctrl+Z" in button.toolTip()
    finally:
        window.translations.apply("en")


def test_lists_and_combos_sort_names_the_language_way(french) -> None:  # noqa: ANN001
    from classesduo.ui.collation import sorted_by_text
    from classesduo.ui.table_model import Column, RecordTableModel

    names = ["Buffon", "Béranger", "bernard", "École 10", "École 9", "Ampère"]
    assert sorted_by_text(names) == ["Ampère", "Béranger", "bernard", "Buffon", "École 9", "École 10"]
    model = RecordTableModel([Column(title=lambda: "Name", display=lambda name: name)])
    model.set_records(names)
    model.sort(0)
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [
        "Ampère", "Béranger", "bernard", "Buffon", "École 9", "École 10"]


def test_media_duo_filter_puts_beranger_before_buffon(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window = make_window(demo_dir, language="fr")
    combo = window.pages["media"].filters.duo
    texts = [combo.itemText(index) for index in range(1, combo.count())]
    from classesduo.ui.collation import sorted_by_text

    assert texts == sorted_by_text(texts)
    window.translations.apply("en")


def test_the_accent_of_an_inactive_tab_is_not_cut(qapp) -> None:  # noqa: ANN001
    from classesduo.ui.app import apply_style

    apply_style(qapp)

    def inactive_first_tab(text: str) -> bytes:
        tabs = QtWidgets.QTabWidget()
        for name in (text, "Classes"):
            tabs.addTab(QtWidgets.QWidget(), name)
        tabs.setCurrentIndex(1)
        tabs.resize(300, 80)
        tabs.show()
        QtCore.QCoreApplication.processEvents()
        bar = tabs.tabBar()
        image = bar.grab(bar.tabRect(0)).toImage()
        tabs.deleteLater()
        return bytes(image.constBits())

    assert inactive_first_tab("Écoles") != inactive_first_tab("Ecoles"), "the É is drawn as an E"
