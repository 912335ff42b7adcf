"""The shape every detail form shares: fields, OK/Cancel, save through a service, errors beside fields.

The dialog is opened non-modally to the app (``open()``, window-modal), so
tests can fill it and press OK; on success it emits :attr:`saved` with the
record before the edit (``None`` for a new one) and the stored record.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from classesduo.domain.validation import FieldError, ValidationError
from classesduo.services.errors import ServiceError
from classesduo.ui.forms.fields import FieldForm
from classesduo.ui.dialogs import Dialogs
from classesduo.ui.base_dialog import Dialog
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, Signal
from classesduo.ui.unsaved import UnsavedGuard, watch_edits


class RecordDialog(Dialog):
    saved = Signal(object, object)  # before (None when created), after

    def __init__(self, before: Any | None, save: Callable[[Any], Any],
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.before = before
        self._save = save
        self.result_record: Any | None = None
        self.form = FieldForm()
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        self.body = QtWidgets.QVBoxLayout(self)
        self.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        #: Asked Save / Discard / Cancel when the form closes with changes (pages pass theirs, tests a fake).
        self.dialogs = Dialogs()
        self.guard: UnsavedGuard | None = None

    def showEvent(self, event: QtGui.QShowEvent) -> None:  # noqa: N802
        if self.guard is None:  # the fields are filled by now: this is what "unchanged" means
            self.guard = UnsavedGuard(self, self.dialogs)
            self._recheck = QtCore.QTimer(self, singleShot=True, interval=0)
            self._recheck.timeout.connect(self.clear_fixed_errors)
            watch_edits(self, lambda *_: self._recheck.start())
        super().showEvent(event)

    def validate(self, record: Any) -> list[FieldError]:
        """The rule check the service will make (forms override it); errors that no longer apply clear at once."""
        return []

    def clear_fixed_errors(self) -> None:
        """Hide the error under each field whose value is now valid (new errors still wait for Save)."""
        shown = [name for name, label in self.form.errors.items() if label.isVisible()]
        if not shown:
            return
        try:
            still = {error.field for error in self.validate(self.build_record())}
        except ValidationError as error:
            still = {problem.field for problem in error.errors}
        except ValueError:
            return
        for name in shown:
            if name not in still:
                self.form.errors[name].set_message(None)

    def reject(self) -> None:
        """Escape, the close button and Cancel: ask before throwing changes away."""
        if self.guard is None or self.guard.may_close(self._save_from_question):
            super().reject()

    def _save_from_question(self) -> bool:
        self.try_save()  # closes the form when the record is stored; otherwise its errors show
        return False

    def finish_layout(self, *extra: QtWidgets.QWidget) -> None:
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        content = QtWidgets.QWidget()
        column = QtWidgets.QVBoxLayout(content)
        column.addWidget(self.form)
        for widget in extra:
            column.addWidget(widget)
        column.addStretch(1)
        scroll.setWidget(content)
        self.body.addWidget(scroll, 1)
        self.body.addWidget(self.buttons)

    @property
    def ok_button(self) -> QtWidgets.QPushButton:
        return self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)

    def build_record(self) -> Any:
        """The record as typed in the form (raise ValidationError for input that cannot even be read)."""
        raise NotImplementedError

    def try_save(self) -> None:
        self.form.clear_errors()
        try:
            record = self.build_record()
            stored = self._save(record)
        except ValidationError as error:
            self.form.show_errors(error.errors)
            return
        except ServiceError as error:
            self.form.show_general_error(str(error))
            return
        self.result_record = stored
        self.saved.emit(self.before, stored)
        self.accept()

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.form.retranslate_ui()
