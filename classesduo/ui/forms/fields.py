"""Form rows with a red error label under each field, filled from :class:`FieldError` items.

A form registers each editor with the field name validation uses
(``"timezone"``, ``"pupil_count"``…); :meth:`FieldForm.show_errors` puts each
message under its field and anything else in the general label at the top.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from classesduo.domain.validation import FieldError
from classesduo.ui.qt import QtCore, QtGui, QtWidgets


class ErrorLabel(QtWidgets.QLabel):
    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(True)
        self.hide()

    def set_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


class FieldForm(QtWidgets.QWidget):
    """A QFormLayout whose rows each carry an error label; titles are functions, for retranslation."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QtWidgets.QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.general_error = ErrorLabel()
        self.layout_.addRow(self.general_error)
        self.errors: dict[str, ErrorLabel] = {}
        self.editors: dict[str, QtWidgets.QWidget] = {}
        self._titles: list[tuple[QtWidgets.QLabel, Callable[[], str]]] = []

    def add_field(self, name: str, title: Callable[[], str], editor: QtWidgets.QWidget) -> ErrorLabel:
        label = QtWidgets.QLabel(title())
        label.setBuddy(editor)
        if not isinstance(editor, QtWidgets.QAbstractScrollArea):
            editor.setMinimumHeight(editor.sizeHint().height())
        error = ErrorLabel()
        column = QtWidgets.QWidget()
        box = QtWidgets.QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(editor)
        box.addWidget(error)
        self.layout_.addRow(label, column)
        self.errors[name] = error
        self.editors[name] = editor
        self._titles.append((label, title))
        return error

    def add_error_for(self, name: str, error: ErrorLabel) -> None:
        """Route a field's errors to a label placed elsewhere (e.g. under a table)."""
        self.errors[name] = error

    def clear_errors(self) -> None:
        self.general_error.set_message(None)
        for label in self.errors.values():
            label.set_message(None)

    def show_errors(self, errors: Iterable[FieldError]) -> None:
        self.clear_errors()
        messages: dict[str, list[str]] = {}
        for error in errors:
            messages.setdefault(error.field if error.field in self.errors else "", []).append(error.message)
        for field, texts in messages.items():
            (self.errors[field] if field else self.general_error).set_message("\n".join(texts))
        first = next((self.editors[f] for f in messages if f in self.editors), None)
        if first is not None:
            first.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def show_general_error(self, message: str) -> None:
        self.general_error.set_message(message)

    def retranslate_ui(self) -> None:
        for label, title in self._titles:
            label.setText(title())


def parse_codes(text: str) -> list[str]:
    """``"fr, es;EN"`` -> ``["fr", "es", "en"]`` (order kept, duplicates dropped)."""
    codes: list[str] = []
    for part in text.replace(";", ",").replace(" ", ",").split(","):
        code = part.strip().lower()
        if code and code not in codes:
            codes.append(code)
    return codes


def line_edit(text: str = "", placeholder: str = "") -> QtWidgets.QLineEdit:
    edit = QtWidgets.QLineEdit(text)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def bold(widget: QtWidgets.QWidget) -> QtWidgets.QWidget:
    font = QtGui.QFont(widget.font())
    font.setBold(True)
    widget.setFont(font)
    return widget
