"""The gallery's filters: duo, session, term, kind, side and consent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TypeVar

from classesduo.domain.consent import ConsentFilter
from classesduo.domain.enums import MediaKind, Side
from classesduo.domain.terms import TermDates
from classesduo.services.media_pages import MediaQuery
from classesduo.services.views import DuoView, SessionView
from classesduo.ui.formatting import format_local, media_kind_label, side_label
from classesduo.ui.collation import sorted_by_text
from classesduo.ui.qt import QtCore, QtWidgets, Signal, translate

_E = TypeVar("_E", MediaKind, Side)


class MediaFilterBar(QtWidgets.QWidget):
    changed = Signal()
    duo_changed = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.duo = QtWidgets.QComboBox()
        self.duo.setMinimumContentsLength(20)
        self.duo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.session = QtWidgets.QComboBox()
        self.session.setMinimumContentsLength(12)
        self.term = QtWidgets.QComboBox()
        self.kind = QtWidgets.QComboBox()
        self.side = QtWidgets.QComboBox()
        self.consent = QtWidgets.QComboBox()
        self._labels = [QtWidgets.QLabel() for _ in range(6)]
        # Two rows, and combos that may shrink, so the window fits a 1280-pixel screen in any language.
        layout = QtWidgets.QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, (label, combo) in enumerate(zip(self._labels, (self.duo, self.session, self.term, self.kind,
                                                                  self.side, self.consent), strict=True)):
            label.setBuddy(combo)
            if combo is not self.duo:
                combo.setMinimumContentsLength(max(combo.minimumContentsLength(), 8))
            combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            row, column = divmod(index, 3)
            layout.addWidget(label, row, 2 * column)
            layout.addWidget(combo, row, 2 * column + 1)
            layout.setColumnStretch(2 * column + 1, 2 if combo is self.duo else 1)
        for combo in (self.session, self.term, self.kind, self.side, self.consent):
            combo.currentIndexChanged.connect(self.changed)
        self.duo.currentIndexChanged.connect(self.duo_changed)
        self._terms: list[TermDates] = []
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        texts = [translate("MediaFilters", "&Duo:"), translate("MediaFilters", "Sessio&n:"),
                 translate("MediaFilters", "Te&rm:"), translate("MediaFilters", "&Kind:"),
                 translate("MediaFilters", "Si&de:"), translate("MediaFilters", "&Consent:")]
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self._fill(self.kind, [(translate("MediaFilters", "All kinds"), None)]
                   + [(media_kind_label(kind), kind) for kind in MediaKind])
        self._fill(self.side, [(translate("MediaFilters", "Both sides"), None)]
                   + [(side_label(side), side) for side in Side])
        self._fill(self.consent, [
            (translate("MediaFilters", "Any consent"), ConsentFilter.ALL),
            (translate("MediaFilters", "Needs consent (badged)"), ConsentFilter.NEEDS_ATTENTION),
            (translate("MediaFilters", "Not cleared for publication"), ConsentFilter.NOT_PUBLISHABLE),
            (translate("MediaFilters", "Cleared for publication"), ConsentFilter.PUBLISHABLE),
        ])

    @staticmethod
    def _fill(combo: QtWidgets.QComboBox, entries: Sequence[tuple[str, object]]) -> None:
        current = combo.currentData()
        blocker = QtCore.QSignalBlocker(combo)
        combo.clear()
        for text, data in entries:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, index))
        del blocker

    def set_duos(self, duos: Sequence[DuoView]) -> None:
        entries = [(translate("MediaFilters", "All duos"), None)]
        entries += [(view.label, view.duo.id) for view in sorted_by_text(duos, lambda view: view.label)]
        self._fill(self.duo, entries)

    def set_sessions(self, sessions: Sequence[SessionView]) -> None:
        entries = [(translate("MediaFilters", "All sessions"), None)]
        entries += [(format_local(view.session.start_utc, view.paris_timezone), view.session.id)
                    for view in sessions]
        self._fill(self.session, entries)
        self.session.setEnabled(bool(sessions))

    def set_terms(self, terms: Sequence[TermDates]) -> None:
        self._terms = list(terms)
        self._fill(self.term, [(translate("MediaFilters", "All terms"), None)]
                   + [(term.label, term.label) for term in terms])

    def selected_duo(self) -> str | None:
        return self.duo.currentData()

    def selected_term(self) -> TermDates | None:
        label = self.term.currentData()
        return next((term for term in self._terms if term.label == label), None)

    def consent_filter(self) -> ConsentFilter:
        # a combo hands its data back as plain str: "is ConsentFilter.X" would never match
        return ConsentFilter(self.consent.currentData() or ConsentFilter.ALL)

    def query(self, today: date) -> MediaQuery:
        """Every filter as one database query; consent is judged on ``today``."""
        term = self.selected_term()
        return MediaQuery(duo_id=self.duo.currentData(), session_id=self.session.currentData(),
                          start=term.start if term else None, end=term.end if term else None,
                          kind=_enum(MediaKind, self.kind.currentData()), side=_enum(Side, self.side.currentData()),
                          consent=self.consent_filter(), today=today)

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _enum(kind: type[_E], data: object) -> _E | None:
    """A combo's data (handed back as plain str) as its enum again."""
    return kind(data) if data else None
