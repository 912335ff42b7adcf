"""Save / Discard / Cancel before an editor loses what was typed.

Every editor (the log form, the school/class/facilitator/duo forms, the media details, the
availability editor inside the school form) takes a :func:`snapshot` of its fields when it is
filled, and compares it when it is about to close (Escape, the window's close button, Cancel) or
to be switched away from. Changed fields ask the question; nothing is lost without a word.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from classesduo.ui.dialogs import Dialogs
from classesduo.ui.qt import QtWidgets, translate

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def _value(widget: QtWidgets.QWidget) -> Any:
    if isinstance(widget, QtWidgets.QLineEdit):
        return widget.text()
    if isinstance(widget, QtWidgets.QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QtWidgets.QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QtWidgets.QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QtWidgets.QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentIndex()
    if isinstance(widget, QtWidgets.QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    if isinstance(widget, QtWidgets.QTableWidget):
        return tuple(tuple((widget.item(row, column).text() if widget.item(row, column) else
                            _cell_widget(widget, row, column))
                           for column in range(widget.columnCount())) for row in range(widget.rowCount()))
    return None


def _cell_widget(table: QtWidgets.QTableWidget, row: int, column: int) -> Any:
    inner = table.cellWidget(row, column)
    return _value(inner) if inner is not None else None


_EDITORS = (QtWidgets.QLineEdit, QtWidgets.QPlainTextEdit, QtWidgets.QTextEdit, QtWidgets.QAbstractSpinBox,
            QtWidgets.QComboBox, QtWidgets.QAbstractButton, QtWidgets.QTableWidget)


def snapshot(root: QtWidgets.QWidget) -> tuple[Any, ...]:
    """The values of every editing widget under ``root`` (line edits inside combo and spin boxes skipped)."""
    values = []
    for widget in root.findChildren(QtWidgets.QWidget):
        if not isinstance(widget, _EDITORS) or widget.property("unsavedIgnore"):
            continue
        parent = widget.parentWidget()
        if isinstance(widget, QtWidgets.QLineEdit) and isinstance(parent, (QtWidgets.QAbstractSpinBox,
                                                                           QtWidgets.QComboBox)):
            continue
        if isinstance(widget, QtWidgets.QAbstractButton) and not widget.isCheckable():
            continue
        values.append((widget.objectName(), type(widget).__name__, _value(widget)))
    return tuple(values)


def watch_edits(root: QtWidgets.QWidget, slot: Callable[[], None]) -> None:
    """Call ``slot`` whenever any editing widget under ``root`` changes."""
    for widget in root.findChildren(QtWidgets.QWidget):
        if isinstance(widget, QtWidgets.QLineEdit):
            widget.textChanged.connect(slot)
        elif isinstance(widget, QtWidgets.QPlainTextEdit | QtWidgets.QTextEdit):
            widget.textChanged.connect(slot)
        elif isinstance(widget, QtWidgets.QAbstractSpinBox):
            widget.editingFinished.connect(slot)
            if isinstance(widget, QtWidgets.QSpinBox):
                widget.valueChanged.connect(slot)
            elif isinstance(widget, QtWidgets.QDateTimeEdit):
                widget.dateTimeChanged.connect(slot)
        elif isinstance(widget, QtWidgets.QComboBox):
            widget.currentIndexChanged.connect(slot)
            widget.currentTextChanged.connect(slot)
        elif isinstance(widget, QtWidgets.QAbstractButton) and widget.isCheckable():
            widget.toggled.connect(slot)


class UnsavedGuard:
    """Remembers an editor's fields as loaded and asks before they are thrown away."""

    def __init__(self, root: QtWidgets.QWidget, dialogs: Dialogs | None = None) -> None:
        self.root = root
        self.dialogs = dialogs or Dialogs()
        self.clean = snapshot(root)

    def mark_clean(self) -> None:
        self.clean = snapshot(self.root)

    def is_dirty(self) -> bool:
        return snapshot(self.root) != self.clean

    def ask(self) -> str:
        """SAVE, DISCARD or CANCEL (a closed question box counts as Cancel)."""
        answer = self.dialogs.choose(
            self.root, translate("Unsaved", "Unsaved changes"),
            translate("Unsaved", "You have changed this form. Save the changes, discard them, or go back to it?"),
            [(SAVE, translate("Unsaved", "Save")), (DISCARD, translate("Unsaved", "Discard")),
             (CANCEL, translate("Unsaved", "Cancel"))])
        return answer if answer in (SAVE, DISCARD) else CANCEL

    def may_close(self, save: Callable[[], bool]) -> bool:
        """True when the editor may close: nothing changed, changes discarded, or saved (``save`` succeeded)."""
        if not self.is_dirty():
            return True
        answer = self.ask()
        if answer == SAVE:
            return save()
        return answer == DISCARD
