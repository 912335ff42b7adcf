"""Edit the first and last day of a term (reports count sessions between them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from classesduo.domain.entities import Term
from classesduo.services.errors import ServiceError, ValidationError
from classesduo.ui.base_dialog import Dialog
from classesduo.ui.qt import QtCore, QtWidgets, translate


def to_qdate(day: date) -> QtCore.QDate:
    return QtCore.QDate(day.year, day.month, day.day)


def from_qdate(day: QtCore.QDate) -> date:
    return date(day.year(), day.month(), day.day())


class TermDatesDialog(Dialog):
    """``save`` stores the term and returns it, or raises ValidationError/ServiceError shown in the dialog."""

    def __init__(self, term: Term, save: Callable[[Term], Term], parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.term = term
        self.saved: Term | None = None
        self._save = save
        self.setWindowTitle(translate("TermDatesDialog", "Dates of term {number}, {year}").format(
            number=term.number, year=term.school_year))
        self.start_edit = QtWidgets.QDateEdit(to_qdate(term.start), calendarPopup=True)
        self.end_edit = QtWidgets.QDateEdit(to_qdate(term.end), calendarPopup=True)
        self.error_label = QtWidgets.QLabel(wordWrap=True)
        self.error_label.setProperty("role", "fieldError")
        self.error_label.hide()
        form = QtWidgets.QFormLayout()
        form.addRow(translate("TermDatesDialog", "&First day:"), self.start_edit)
        form.addRow(translate("TermDatesDialog", "&Last day (included):"), self.end_edit)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(QtWidgets.QLabel(translate(
            "TermDatesDialog", "Reports of this term count the sessions from the first to the last day."),
            wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def accept(self) -> None:
        edited = replace(self.term, start=from_qdate(self.start_edit.date()), end=from_qdate(self.end_edit.date()))
        try:
            self.saved = self._save(edited)
        except ValidationError as error:
            self.error_label.setText("\n".join(
                f"{self._field_name(problem.field)}: {problem.message}" for problem in error.errors))
            self.error_label.show()
            return
        except ServiceError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        super().accept()

    @staticmethod
    def _field_name(field: str) -> str:
        return translate("TermDatesDialog", "First day") if field == "start" else translate(
            "TermDatesDialog", "Last day")
