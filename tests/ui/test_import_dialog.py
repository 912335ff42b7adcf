"""File › Import CSV… end to end: the file is chosen through Dialogs, imported off the GUI thread, shown."""

from __future__ import annotations

from pathlib import Path

from classesduo.paths import resources_dir
from classesduo.ui.qt import QtCore, QtGui, QtWidgets

from .conftest import FakeDialogs

SAMPLES = resources_dir() / "samples"


class ImportDialogs(FakeDialogs):
    def __init__(self, file: Path) -> None:
        super().__init__()
        self.file = file

    def open_file(self, parent: object, title: str, filters: str, directory: str = "") -> str | None:
        return str(self.file)


def test_importing_schools_lists_them_in_the_schools_page(make_window, data_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(data_dir, dialogs=ImportDialogs(SAMPLES / "schools.csv"))
    assert window.import_action.shortcut() == QtGui.QKeySequence("Ctrl+I")
    schools = window.pages["schools"].schools
    assert schools.table.model.rowCount() == 0
    window.import_action.trigger()
    dialog = window.import_dialog
    assert dialog.isVisible() and not dialog.import_button.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("duos"))
    qtbot.mouseClick(dialog.browse, QtCore.Qt.MouseButton.LeftButton)
    assert dialog.path.text().endswith("schools.csv") and dialog.selected_kind() == "schools"  # guessed from the name
    assert "timezone" in dialog.columns.text()
    qtbot.mouseClick(dialog.import_button, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_dialog is not None and dialog.result_dialog.isVisible(), timeout=10_000)
    result = dialog.result_dialog
    assert "4 added, 0 updated, 0 unchanged" in result.headline.text() and result.table.isHidden()
    assert not dialog.isVisible()
    window.show_area(1)  # hidden during the import: refreshed when shown
    names = {schools.table.model.index(row, 0).data() for row in range(schools.table.model.rowCount())}
    assert {"École élémentaire Lepic", "Colegio Santa Rosa"} <= names and len(names) == 4
    assert not window.dialogs.errors


def test_a_bad_file_shows_every_problem_and_imports_nothing(make_window, data_dir: Path, qtbot,  # noqa: ANN001
                                                            tmp_path: Path) -> None:
    bad = tmp_path / "schools.csv"
    bad.write_text("name;city;country;timezone;arrondissement\nA;Paris;FR;Europe/Paris;42\nB;Oslo;NO;Oslo;\n",
                   encoding="utf-8")
    window = make_window(data_dir, dialogs=ImportDialogs(bad))
    window.import_csv()
    dialog = window.import_dialog
    dialog.choose_file()
    qtbot.mouseClick(dialog.import_button, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_dialog is not None and dialog.result_dialog.isVisible(), timeout=10_000)
    result = dialog.result_dialog
    table = result.table
    rows = [tuple(table.item(row, column).text() for column in range(3)) for row in range(table.rowCount())]
    assert [(line, field) for line, field, _ in rows] == [("2", "arrondissement"), ("3", "timezone")]
    assert "Oslo" in rows[1][2] and "Nothing was imported" in result.headline.text()
    assert dialog.isVisible(), "the import dialog stays open to try again"
    result.copy_all()
    assert QtWidgets.QApplication.clipboard().text().splitlines()[1].startswith(
        "schools.csv, line 3, field timezone: Unknown time zone")
    assert window.pages["schools"].schools.table.model.rowCount() == 0


def test_check_only_reports_and_writes_nothing(make_window, data_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(data_dir, dialogs=ImportDialogs(SAMPLES / "schools.csv"))
    window.import_csv()
    dialog = window.import_dialog
    dialog.choose_file()
    dialog.dry_run.setChecked(True)
    qtbot.mouseClick(dialog.import_button, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_dialog is not None and dialog.result_dialog.isVisible(), timeout=10_000)
    assert "4 added" in dialog.result_dialog.headline.text()
    assert "nothing was written" in dialog.result_dialog.headline.text()
    assert dialog.isVisible() and window.pages["schools"].schools.table.model.rowCount() == 0
