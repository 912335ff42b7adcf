"""Choose a backup to restore: the list of backups with their date, reason and size."""

from __future__ import annotations

from pathlib import Path

from classesduo.paths import AppPaths
from classesduo.services.backups import list_backups
from classesduo.ui.formatting import format_local, format_size
from classesduo.ui.base_dialog import Dialog
from classesduo.ui.qt import QtCore, QtWidgets, translate

_REASONS = {
    "manual": lambda: translate("RestoreDialog", "on demand"),
    "daily": lambda: translate("RestoreDialog", "daily, at start-up"),
    "before-import": lambda: translate("RestoreDialog", "before an import"),
    "before-restore": lambda: translate("RestoreDialog", "before a restore"),
    "before-erase": lambda: translate("RestoreDialog", "before erasing a duo"),
}


def describe_reason(reason: str) -> str:
    if reason.startswith("before-migration"):
        return translate("RestoreDialog", "before a database upgrade")
    return _REASONS.get(reason, lambda: reason)()


class RestoreDialog(Dialog):
    """Lists the data folder's backups, newest first; ``chosen`` is the file to restore."""

    def __init__(self, paths: AppPaths, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RestoreDialog")
        self.chosen: Path | None = None
        self.backups = list_backups(paths)
        self.resize(620, 380)
        self.intro = QtWidgets.QLabel()
        self.intro.setWordWrap(True)
        self.table = QtWidgets.QTableWidget(len(self.backups), 3)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, backup in enumerate(self.backups):
            cells = [format_local(backup.taken_at, None),
                     describe_reason(backup.reason), format_size(backup.size)]
            for column, value in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(value)
                item.setData(QtCore.Qt.ItemDataRole.UserRole, str(backup.path))
                item.setToolTip(str(backup.path))
                if column == 2:
                    item.setTextAlignment(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.accept)
        self.empty = QtWidgets.QLabel()
        self.empty.setWordWrap(True)
        self.empty.setVisible(not self.backups)
        self.table.setVisible(bool(self.backups))
        self.buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton("", QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.file_button = self.buttons.addButton("", QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.file_button.clicked.connect(self._from_file)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._update)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        if self.backups:
            self.table.selectRow(0)
        self.retranslate_ui()
        self._update()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(translate("RestoreDialog", "Restore a backup"))
        self.intro.setText(translate("RestoreDialog", "Choose the state to go back to. The current data is backed "
                                                      "up first, so a restore can itself be undone."))
        self.empty.setText(translate("RestoreDialog", "No backups yet in this data folder. Use File › Back up now, "
                                                      "or restore a backup file from elsewhere."))
        self.table.setHorizontalHeaderLabels([translate("RestoreDialog", "Taken"), translate("RestoreDialog", "Why"),
                                              translate("RestoreDialog", "Size")])
        self.restore_button.setText(translate("RestoreDialog", "&Restore"))
        self.file_button.setText(translate("RestoreDialog", "From a &file…"))

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _update(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectedItems()))

    def _from_file(self) -> None:
        name, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, translate("RestoreDialog", "Restore a backup file"), "",
            translate("RestoreDialog", "Classes Duo backups (*.sqlite3);;All files (*)"))
        if name:
            self.chosen = Path(name)
            super().accept()

    def accept(self) -> None:
        items = self.table.selectedItems()
        if items:
            self.chosen = Path(items[0].data(QtCore.Qt.ItemDataRole.UserRole))
            super().accept()
