"""Modal questions and messages, behind one small object tests can replace.

Widgets receive a :class:`Dialogs` instead of calling ``QMessageBox`` static
methods, so a test swaps in answers instead of driving a modal loop.
"""

from __future__ import annotations

from pathlib import Path

from classesduo.ui.base_dialog import Dialog
from classesduo.ui.qt import QtCore, QtWidgets, translate


def new_folder_dialog(parent: QtWidgets.QWidget | None, title: str) -> QtWidgets.QFileDialog:
    """A folder picker that also takes a folder that does not exist yet (Qt's own refuses one)."""
    dialog = QtWidgets.QFileDialog(parent, title)
    dialog.setFileMode(QtWidgets.QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QtWidgets.QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QtWidgets.QFileDialog.Option.ShowDirsOnly, True)
    dialog.setOption(QtWidgets.QFileDialog.Option.DontConfirmOverwrite, True)
    dialog.setLabelText(QtWidgets.QFileDialog.DialogLabel.Accept, translate("Dialogs", "Choose"))
    dialog.setLabelText(QtWidgets.QFileDialog.DialogLabel.FileName, translate("Dialogs", "Folder:"))
    return dialog


class Dialogs:
    def confirm(self, parent: QtWidgets.QWidget | None, title: str, text: str) -> bool:
        answer = QtWidgets.QMessageBox.question(
            parent, title, text,
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.No,
        )
        return answer == QtWidgets.QMessageBox.StandardButton.Yes

    def error(self, parent: QtWidgets.QWidget | None, text: str, details: str = "") -> None:
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Critical,
                                    translate("Dialogs", "Classes Duo — error"), text,
                                    QtWidgets.QMessageBox.StandardButton.Ok, parent)
        if details:
            box.setDetailedText(details)
        box.exec()

    def confirm_with_option(self, parent: QtWidgets.QWidget | None, title: str, text: str, details: str,
                            option: str) -> bool | None:
        """OK/Cancel with a check box (unchecked at first); its state after OK, or None on Cancel."""
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, title, text,
                                    QtWidgets.QMessageBox.StandardButton.Ok
                                    | QtWidgets.QMessageBox.StandardButton.Cancel, parent)
        if details:
            box.setDetailedText(details)
        check = QtWidgets.QCheckBox(option)
        box.setCheckBox(check)
        box.setDefaultButton(QtWidgets.QMessageBox.StandardButton.Ok)
        if box.exec() != QtWidgets.QMessageBox.StandardButton.Ok:
            return None
        return check.isChecked()

    def info(self, parent: QtWidgets.QWidget | None, title: str, text: str) -> None:
        QtWidgets.QMessageBox.information(parent, title, text)

    def choose(self, parent: QtWidgets.QWidget | None, title: str, text: str,
               choices: list[tuple[str, str]]) -> str | None:
        """Buttons labelled by ``choices`` (key, label); the key of the one pressed, or None."""
        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, title, text,
                                    QtWidgets.QMessageBox.StandardButton.NoButton, parent)
        buttons = {box.addButton(label, QtWidgets.QMessageBox.ButtonRole.ActionRole): key for key, label in choices}
        box.exec()
        return buttons.get(box.clickedButton())

    def choose_item(self, parent: QtWidgets.QWidget | None, title: str, label: str,
                    items: list[tuple[str, str]]) -> str | None:
        """Pick one of ``items`` (key, text) from a list; its key, or None."""
        texts = [text for _key, text in items]
        text, ok = QtWidgets.QInputDialog.getItem(parent, title, label, texts, 0, False)
        return items[texts.index(text)][0] if ok and text in texts else None

    def choose_index(self, parent: QtWidgets.QWidget | None, title: str, label: str, items: list[str]) -> int | None:
        """The index of the item chosen in a list, or None if cancelled."""
        text, ok = QtWidgets.QInputDialog.getItem(parent, title, label, items, 0, False)
        return items.index(text) if ok and text in items else None

    def choose_many(self, parent: QtWidgets.QWidget | None, title: str, text: str,
                    items: list[str]) -> list[int] | None:
        """Tick any of ``items`` in a list; the indexes ticked (maybe none), or None if cancelled."""
        dialog = Dialog(parent)
        dialog.setWindowTitle(title)
        layout = QtWidgets.QVBoxLayout(dialog)
        label = QtWidgets.QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        listing = QtWidgets.QListWidget()
        listing.setAccessibleName(title)
        for item_text in items:
            item = QtWidgets.QListWidgetItem(item_text)
            item.setFlags(item.flags() | QtCore.Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(QtCore.Qt.CheckState.Unchecked)
            listing.addItem(item)
        layout.addWidget(listing)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok
                                             | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            dialog.deleteLater()
            return None
        ticked = [row for row in range(listing.count())
                  if listing.item(row).checkState() == QtCore.Qt.CheckState.Checked]
        dialog.deleteLater()
        return ticked

    def open_file(self, parent: QtWidgets.QWidget | None, title: str, filters: str,
                  directory: str = "") -> Path | None:
        """A file to read, or None if cancelled."""
        name, _ = QtWidgets.QFileDialog.getOpenFileName(parent, title, directory, filters)
        return Path(name) if name else None

    def open_files(self, parent: QtWidgets.QWidget | None, title: str, filters: str) -> list[str]:
        """Files chosen by the user, or [] if cancelled."""
        files, _ = QtWidgets.QFileDialog.getOpenFileNames(parent, title, "", filters)
        return files

    def save_file(self, parent: QtWidgets.QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
        name, _ = QtWidgets.QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return Path(name) if name else None

    def choose_folder(self, parent: QtWidgets.QWidget | None, title: str) -> Path | None:
        name = QtWidgets.QFileDialog.getExistingDirectory(parent, title)
        return Path(name) if name else None

    def choose_new_folder(self, parent: QtWidgets.QWidget | None, title: str) -> Path | None:
        """A folder that may not exist yet (e.g. for an album): pick one or type a new name; it is created."""
        dialog = new_folder_dialog(parent, title)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        folder = Path(dialog.selectedFiles()[0])
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def choose_backup(self, parent: QtWidgets.QWidget | None, paths: object) -> Path | None:
        """The restore dialog: the data folder's backups with date and size, or a file from elsewhere."""
        from classesduo.ui.restore_dialog import RestoreDialog

        dialog = RestoreDialog(paths, parent)  # type: ignore[arg-type]
        try:
            return dialog.chosen if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()  # not kept under the window
