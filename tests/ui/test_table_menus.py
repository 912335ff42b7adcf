"""Every table has a context menu (right-click, the Menu key, Shift+F10), and report tables copy what they show."""

from __future__ import annotations

from pathlib import Path

from classesduo.ui.context_menus import has_context_menu, selection_text
from classesduo.ui.main_window import AREAS
from classesduo.ui.qt import QtCore, QtGui, QtWidgets
from tests.ui.fit_checks import settle


def _report_preview(window, qtbot=None):  # noqa: ANN001, ANN202
    page = window.pages["reports"]
    if not page.preview.tables:
        page.refresh()
        for _ in range(600):
            settle()
            if page.preview.tables:
                break
            QtCore.QThread.msleep(10)
    assert page.preview.tables, "the report preview showed no table"
    return page.preview


def test_every_table_of_every_page_has_a_context_menu(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    missing = []
    for row, area in enumerate(AREAS):
        window.show_area(row)
        settle()
        if area.key == "reports":
            _report_preview(window)
        page = window.stack.currentWidget()
        for view in page.findChildren(QtWidgets.QAbstractItemView):
            if isinstance(view, QtWidgets.QHeaderView) or isinstance(view.parent(), QtWidgets.QComboBox) \
                    or view.window() is not window:
                continue  # a table's header, a combo's popup list
            if not has_context_menu(view):
                missing.append(f"{area.key}: {type(view).__name__} {view.objectName()!r}")
    assert not missing, missing


def test_report_tables_copy_the_selected_cells_and_open_a_duo(make_window, demo_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    window.show_area(next(row for row, area in enumerate(AREAS) if area.key == "reports"))
    preview = _report_preview(window)
    table = next(iter(preview.tables.values()))
    assert table.contextMenuPolicy() == QtCore.Qt.ContextMenuPolicy.ActionsContextMenu
    texts = [action.text() for action in table.actions() if not action.isSeparator()]
    assert "Copy (Ctrl+C)" in texts
    table.setCurrentCell(0, 0)
    flags = QtCore.QItemSelectionModel.SelectionFlag
    # through the selection model: selectRow() reads the keyboard's modifiers, which an earlier test's Shift can leave
    table.selectionModel().select(table.model().index(0, 0), flags.ClearAndSelect | flags.Rows)
    expected = "\t".join(table.item(0, column).text() for column in range(table.columnCount())
                         if not table.isColumnHidden(column))
    assert selection_text(table) == expected
    table.setFocus()
    QtWidgets.QApplication.clipboard().clear()
    qtbot.keyClick(table, QtCore.Qt.Key.Key_C, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert QtWidgets.QApplication.clipboard().text() == expected
    if "duos" in preview.tables:
        duos = preview.tables["duos"]
        duos.setCurrentCell(0, 0)
        with qtbot.waitSignal(preview.duo_requested, timeout=2000) as opened:
            next(action for action in duos.actions() if action.text().startswith("Open the duo")).trigger()
        assert opened.args[0]
