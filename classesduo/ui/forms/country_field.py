"""The country field: type a code or a name in the interface's language, pick from a short list.

The suggestions are part of the form (under the field, pushing the next fields down), not a
floating popup that covers them, and a suggestion is taken only by Enter or a double click: a
stray click into the next field can never choose a country. Ranking: ``domain/country_search.py``.
"""

from __future__ import annotations

from classesduo.domain.country_search import rank_countries
from classesduo.services.wording import country_name
from classesduo.ui.qt import QtCore, QtWidgets

CODE_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1


def _names() -> dict[str, str]:
    import pycountry

    language = "fr" if QtCore.QLocale().name().startswith("fr") else "en"
    return {country.alpha_2: country_name(country.alpha_2, language) for country in pycountry.countries}


class CountryField(QtWidgets.QWidget):
    """``edit`` (the ISO code as typed) with its suggestions below it."""

    def __init__(self, edit: QtWidgets.QLineEdit, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        self.suggestions = QtWidgets.QListWidget()
        self.suggestions.setObjectName("countrySuggestions")
        self.suggestions.setMaximumHeight(110)
        self.suggestions.hide()
        column = QtWidgets.QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(edit)
        column.addWidget(self.suggestions)
        self.setFocusProxy(edit)
        edit.textEdited.connect(self._update)
        edit.installEventFilter(self)
        self.suggestions.installEventFilter(self)
        self.suggestions.itemDoubleClicked.connect(self._choose)
        self.suggestions.itemActivated.connect(self._choose)  # Enter (and double click on some styles)

    def _update(self, text: str) -> None:
        names = _names()
        codes = rank_countries(text, names, limit=6)
        self.suggestions.clear()
        for code in codes:
            item = QtWidgets.QListWidgetItem(f"{code} — {names[code]}")
            item.setData(CODE_ROLE, code)
            self.suggestions.addItem(item)
        if codes:
            self.suggestions.setCurrentRow(0)
        self.suggestions.setVisible(bool(codes) and self.edit.hasFocus())

    def suggested_codes(self) -> list[str]:
        return [self.suggestions.item(row).data(CODE_ROLE) for row in range(self.suggestions.count())]

    def _choose(self, item: QtWidgets.QListWidgetItem) -> None:
        self.edit.setText(item.data(CODE_ROLE))
        self.suggestions.hide()
        self.edit.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        try:
            return self._filter(watched, event) or super().eventFilter(watched, event)
        except RuntimeError:  # the form is being destroyed: its widgets are gone
            return False

    def _filter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is self.edit and event.type() == QtCore.QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (QtCore.Qt.Key.Key_Down, QtCore.Qt.Key.Key_Up) and self.suggestions.isVisible():
                self.suggestions.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
                return True
            if key in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter) and self.suggestions.isVisible() \
                    and self.suggestions.currentItem() is not None:
                self._choose(self.suggestions.currentItem())
                return True
            if key == QtCore.Qt.Key.Key_Escape and self.suggestions.isVisible():
                self.suggestions.hide()
                return True
        if event.type() == QtCore.QEvent.Type.FocusOut and watched in (self.edit, self.suggestions):
            QtCore.QTimer.singleShot(0, self, self._hide_unless_focused)
        return False

    def _hide_unless_focused(self) -> None:
        try:
            focus = QtWidgets.QApplication.focusWidget()
            if focus not in (self.edit, self.suggestions):
                self.suggestions.hide()
        except RuntimeError:
            pass


__all__ = ["CountryField"]
