"""The outcome of a CSV import: the counts, or every problem in a sortable, copyable table."""

from __future__ import annotations

from classesduo.domain.i18n import Plural
from classesduo.services.importing import ImportSummary, Problem
from classesduo.ui.base_dialog import Dialog
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, translate

#: More rows than this make the table slow to build; "Copy all" still copies every problem.
MAX_SHOWN = 5000


class ImportResultDialog(Dialog):
    def __init__(self, parent: QtWidgets.QWidget | None, summary: ImportSummary | None = None,
                 problems: list[Problem] | None = None, file_name: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("ImportResultDialog")
        self.summary = summary
        self.problems = problems or []
        self.file_name = file_name
        self.headline = QtWidgets.QLabel()
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QtWidgets.QTableWidget(0, 3)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.copy_button = QtWidgets.QPushButton()
        self.copy_button.clicked.connect(self.copy_all)
        copy_selection = QtGui.QShortcut(QtGui.QKeySequence.StandardKey.Copy, self.table)
        copy_selection.activated.connect(self.copy_selection)
        self.buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.copy_button, QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.table.setVisible(bool(self.problems))
        self.copy_button.setVisible(bool(self.problems))
        self._fill()
        self.retranslate_ui()
        if self.problems:
            self.resize(820, 440)
        else:
            self.resize(460, 140)

    def _fill(self) -> None:
        shown = self.problems[:MAX_SHOWN]
        self.table.setRowCount(len(shown))
        for row, problem in enumerate(shown):
            line = QtWidgets.QTableWidgetItem()
            line.setData(QtCore.Qt.ItemDataRole.DisplayRole, problem.line if problem.line is not None else "")
            line.setTextAlignment(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, line)
            self.table.setItem(row, 1, QtWidgets.QTableWidgetItem(problem.field))
            message = QtWidgets.QTableWidgetItem(problem.message)
            message.setToolTip(problem.message)
            self.table.setItem(row, 2, message)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, QtCore.Qt.SortOrder.AscendingOrder)

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([translate("ImportResultDialog", "Line"),
                                              translate("ImportResultDialog", "Field"),
                                              translate("ImportResultDialog", "Problem")])
        self.table.resizeColumnsToContents()
        self.copy_button.setText(translate("ImportResultDialog", "&Copy all"))
        if self.summary is not None:
            self.setWindowTitle(translate("ImportResultDialog", "Import finished"))
            text = self.summary.describe()
            if self.summary.warnings:
                text += "\n" + "\n".join(self.summary.warnings)
            self.headline.setText(text)
            return
        self.setWindowTitle(translate("ImportResultDialog", "Import refused"))
        text = Plural.tr("{file}: %n problem(s). Nothing was imported: fix the file and import it again.", "",
                         len(self.problems)).format(file=self.file_name)
        if len(self.problems) > MAX_SHOWN:
            text += " " + translate("ImportResultDialog", "The first {shown} are listed; “Copy all” copies "
                                                          "every one.").format(shown=MAX_SHOWN)
        self.headline.setText(text)

    def report_text(self, problems: list[Problem] | None = None) -> str:
        return "\n".join(str(problem) for problem in (self.problems if problems is None else problems))

    def copy_all(self) -> None:
        QtWidgets.QApplication.clipboard().setText(self.report_text())

    def copy_selection(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        lines = ["\t".join(self.table.item(row, column).text() for column in range(3)) for row in rows]
        QtWidgets.QApplication.clipboard().setText("\n".join(lines))

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
