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

    def save_file_name(self, parent: QtWidgets.QWidget | None, title: str, suggested: str, name_filter: str) -> str:
        """Ask where to save a file; "" if the user cancelled."""
        path, _ = QtWidgets.QFileDialog.getSaveFileName(parent, title, suggested, name_filter)
        return path
