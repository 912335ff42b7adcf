"""Shared steps of the management GUI tests."""

from __future__ import annotations

from datetime import UTC, datetime

from classesduo.ui.qt import QtCore

CTRL = QtCore.Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | QtCore.Qt.KeyboardModifier.ShiftModifier
NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)
TODAY = NOW.date()


def names(table) -> list[str]:  # noqa: ANN001
    return [str(table.proxy.index(row, 0).data()) for row in range(table.proxy.rowCount())]


def column(table, title: str) -> list[str]:  # noqa: ANN001
    column = next(c for c in range(table.model.columnCount()) if table.model.headerData(
        c, QtCore.Qt.Orientation.Horizontal) == title)
    return [str(table.model.index(row, column).data()) for row in range(table.model.rowCount())]


def select(page, predicate) -> None:  # noqa: ANN001
    table = page.table
    for row in range(table.proxy.rowCount()):
        record = table.proxy.index(row, 0).data(QtCore.Qt.ItemDataRole.UserRole + 2)
        if predicate(record):
            table.view.selectRow(row)
            return
    raise AssertionError("no such row")


def open_schools(window, qtbot, tab: int):  # noqa: ANN001
    window.activateWindow()
    window.nav.setCurrentRow(1)
    page = window.pages["schools"]
    page.tabs.setCurrentIndex(tab)
    return page


def add_paris_school(window, qtbot, name: str, arrondissement: int = 11):  # noqa: ANN001
    page = open_schools(window, qtbot, 0)
    qtbot.keyClick(window, QtCore.Qt.Key.Key_N, CTRL)
    dialog = page.schools.editor
    assert dialog is not None and dialog.isVisible()
    dialog.name_edit.setText(name)
    dialog.arrondissement_spin.setValue(arrondissement)
    dialog.today = lambda: TODAY  # the shipped zone C file covers 2025-2026 to 2026-2027
    dialog.ok_button.click()
    assert not dialog.isVisible()
    return page
