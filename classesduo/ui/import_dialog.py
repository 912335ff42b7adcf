"""File › Import CSV…: choose what the file holds and the file, import off the GUI thread, show the outcome."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from classesduo.services.importing import KINDS, ImportCancelled, ImportRejected, ImportSummary, import_file
from classesduo.services.workspace import Workspace
from classesduo.ui.dialogs import Dialogs
from classesduo.ui.import_result_dialog import ImportResultDialog
from classesduo.ui.operations import Operation, run_with_progress
from classesduo.ui.base_dialog import Dialog
from classesduo.ui.qt import QtCore, QtWidgets, Signal, translate


def kind_label(kind: str) -> str:
    return {
        "schools": translate("ImportDialog", "Schools"),
        "classes": translate("ImportDialog", "Classes"),
        "facilitators": translate("ImportDialog", "Facilitators"),
        "duos": translate("ImportDialog", "Duos"),
        "sessions": translate("ImportDialog", "Sessions"),
    }[kind]


class ImportDialog(Dialog):
    """Stays open after a refused file, so the user can fix it and press Import again."""

    imported = Signal(object)  # the ImportSummary of a file that was written

    def __init__(self, workspace: Workspace, dialogs: Dialogs, parent: QtWidgets.QWidget | None = None,
                 on_error: Callable[[BaseException, str], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportDialog")
        self.workspace = workspace
        self.dialogs = dialogs
        self.on_error = on_error
        self.operation: Operation | None = None
        self.result_dialog: ImportResultDialog | None = None

        self.kind = QtWidgets.QComboBox()
        for kind in KINDS:
            self.kind.addItem("", kind)
        self.kind.currentIndexChanged.connect(self._show_columns)
        self.path = QtWidgets.QLineEdit()
        self.path.textChanged.connect(self._update_buttons)
        self.browse = QtWidgets.QPushButton()
        self.browse.clicked.connect(self.choose_file)
        file_row = QtWidgets.QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        self.columns = QtWidgets.QLabel()
        self.columns.setWordWrap(True)
        self.columns.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dry_run = QtWidgets.QCheckBox()
        self.message = QtWidgets.QLabel()
        self.message.setProperty("role", "fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.kind_label, self.file_label = QtWidgets.QLabel(), QtWidgets.QLabel()
        self.kind_label.setBuddy(self.kind)
        self.file_label.setBuddy(self.path)
        form = QtWidgets.QFormLayout()
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.file_label, file_row)
        self.buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("", QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.columns)
        layout.addWidget(self.dry_run)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(620, 220)
        self.retranslate_ui()
        self._update_buttons()

    # texts ----------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(translate("ImportDialog", "Import CSV"))
        for index, kind in enumerate(KINDS):
            self.kind.setItemText(index, kind_label(kind))
        self.kind_label.setText(translate("ImportDialog", "&Records:"))
        self.file_label.setText(translate("ImportDialog", "&File:"))
        self.path.setPlaceholderText(translate("ImportDialog", "A .csv file, UTF-8, comma or semicolon separated"))
        self.browse.setText(translate("ImportDialog", "&Choose…"))
        self.dry_run.setText(translate("ImportDialog", "Only chec&k the file (write nothing)"))
        self.import_button.setText(translate("ImportDialog", "&Import"))
        self._show_columns()

    def _show_columns(self) -> None:
        spec = KINDS[self.selected_kind()]
        required = ", ".join(column.name for column in spec.COLUMNS if column.required)
        optional = ", ".join(column.name for column in spec.COLUMNS if not column.required)
        self.columns.setText(translate(
            "ImportDialog", "Required columns: {required}\nOptional columns: {optional}\nImport in this order: "
                            "schools, classes, facilitators, duos, sessions. Rows already stored (same {key}) "
                            "are updated, not duplicated.").format(required=required, optional=optional,
                                                                    key=spec.KEY_LABEL))

    def _update_buttons(self) -> None:
        self.import_button.setEnabled(bool(self.path.text().strip()))

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # actions --------------------------------------------------------------------------------------
    def selected_kind(self) -> str:
        return self.kind.currentData() or "schools"

    def choose_file(self) -> None:
        start = str(Path(self.path.text()).parent) if self.path.text().strip() else str(Path.home())
        chosen = self.dialogs.open_file(
            self, translate("ImportDialog", "Import CSV"),
            translate("ImportDialog", "CSV files (*.csv *.txt);;All files (*)"), start)
        if chosen:
            self.path.setText(str(chosen))
            guess = Path(chosen).stem.casefold()
            index = next((i for i, kind in enumerate(KINDS) if kind in guess), -1)
            if index >= 0:
                self.kind.setCurrentIndex(index)

    def start_import(self) -> None:
        path = self.path.text().strip()
        if not path:
            return
        self.message.hide()
        kind, dry_run, workspace = self.selected_kind(), self.dry_run.isChecked(), self.workspace
        self.import_button.setEnabled(False)
        label = translate("ImportDialog", "Importing {file}…").format(file=Path(path).name)

        from classesduo.services.backups import backup_before

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
            try:
                return import_file(workspace.db, kind, path, dry_run=dry_run, progress=progress, cancelled=cancelled,
                                   before_write=lambda: backup_before(workspace, "import"))
            except ImportRejected as rejected:  # an expected outcome, not a failure for the log
                return rejected

        self.operation = run_with_progress(self, label, work, self._finished, self._failed)

    def _finished(self, summary: ImportSummary | ImportRejected) -> None:
        if isinstance(summary, ImportRejected):
            self._failed(summary, "")
            return
        self._update_buttons()
        if not summary.dry_run:
            self.imported.emit(summary)
            self.accept()
        self._show_result(ImportResultDialog(self.parentWidget() if not summary.dry_run else self, summary))

    def _failed(self, error: BaseException, details: str) -> None:
        self._update_buttons()
        if isinstance(error, ImportRejected):
            self._show_result(ImportResultDialog(self, problems=error.problems,
                                                 file_name=Path(self.path.text().strip()).name))
        elif isinstance(error, ImportCancelled):
            self.message.setText(str(error))
            self.message.show()
        elif self.on_error is not None:
            self.on_error(error, details)
        else:
            self.dialogs.error(self, str(error), details)

    def _show_result(self, dialog: ImportResultDialog) -> None:
        if self.result_dialog is not None:
            self.result_dialog.deleteLater()
        self.result_dialog = dialog
        dialog.open()
