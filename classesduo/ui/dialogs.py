"""Modal questions and messages, behind one small object tests can replace.

Widgets receive a :class:`Dialogs` instead of calling ``QMessageBox`` static
methods, so a test swaps in answers instead of driving a modal loop.
"""

from __future__ import annotations

from classesduo.ui.qt import QtWidgets, translate


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

    def info(self, parent: QtWidgets.QWidget | None, title: str, text: str) -> None:
        QtWidgets.QMessageBox.information(parent, title, text)

    def choose_open_file(self, parent: QtWidgets.QWidget | None, title: str, name_filter: str,
                         directory: str = "") -> str | None:
        """A file the user picks to read, or ``None`` if they cancel."""
        path, _ = QtWidgets.QFileDialog.getOpenFileName(parent, title, directory, name_filter)
        return path or None

    def save_file(self, parent: QtWidgets.QWidget | None, title: str, suggested: str, filters: str) -> str:
        """The path the user chose to write to, or "" when cancelled."""
        path, _selected = QtWidgets.QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path

    def open_files(self, parent: QtWidgets.QWidget | None, title: str, name_filter: str) -> list[str]:
        """Files chosen by the user, or [] if cancelled."""
        files, _ = QtWidgets.QFileDialog.getOpenFileNames(parent, title, "", name_filter)
        return files

    def choose_folder(self, parent: QtWidgets.QWidget | None, title: str) -> str | None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(parent, title)
        return folder or None

    def choose_item(self, parent: QtWidgets.QWidget | None, title: str, label: str, items: list[str]) -> int | None:
        """The index of the item chosen in a list, or None if cancelled."""
        text, ok = QtWidgets.QInputDialog.getItem(parent, title, label, items, 0, False)
        return items.index(text) if ok and text in items else None
