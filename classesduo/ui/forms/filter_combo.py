"""A combo box you can type in to filter its entries (matching any part, ignoring case)."""

from __future__ import annotations

from typing import Any

from classesduo.ui.collation import sorted_by_text
from classesduo.ui.qt import QtCore, QtWidgets


class FilterCombo(QtWidgets.QComboBox):
    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QtWidgets.QComboBox.InsertPolicy.NoInsert)
        completer = self.completer()
        completer.setFilterMode(QtCore.Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(QtCore.Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QtWidgets.QCompleter.CompletionMode.PopupCompletion)
        self.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(30)
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Fixed)

    def set_entries(self, entries: list[tuple[str, Any]], current: Any = None) -> None:
        self.blockSignals(True)
        self.clear()
        for text, data in sorted_by_text(entries, lambda entry: entry[0]):
            self.addItem(text, data)
        self.blockSignals(False)
        self.select_data(current)

    def select_data(self, data: Any) -> None:
        index = self.findData(data) if data is not None else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
        self.currentIndexChanged.emit(index)

    def current_data(self) -> Any:
        """The chosen entry's data, or None when the typed text matches no entry."""
        index = self.findText(self.currentText(), QtCore.Qt.MatchFlag.MatchExactly)
        return self.itemData(index) if index >= 0 else None
