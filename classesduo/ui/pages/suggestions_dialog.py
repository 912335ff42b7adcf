"""Partner suggestions for a Paris class, ranked by a stated score; create a duo from the chosen one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from classesduo.domain.entities import Duo
from classesduo.domain.enums import DuoStatus, Side
from classesduo.domain.suggestions import Suggestion
from classesduo.domain.terms import parse_school_year, school_year_of
from classesduo.services.errors import ServiceError
from classesduo.services.suggestions import suggest_partners
from classesduo.services.workspace import Workspace
from classesduo.ui.forms.duo_dialog import ClassChoice
from classesduo.ui.forms.filter_combo import FilterCombo
from classesduo.ui.pages.list_page import RecordTable, text_column
from classesduo.ui.base_dialog import Dialog
from classesduo.ui.qt import QtCore, QtWidgets, Signal, translate


def _why(suggestion: Suggestion) -> str:
    return suggestion.explanation


class SuggestionsDialog(Dialog):
    create_requested = Signal(object)  # a draft Duo

    def __init__(self, workspace: Workspace, choices: list[ClassChoice], parent: QtWidgets.QWidget | None = None,
                 now: Callable[[], datetime] = lambda: datetime.now(UTC), paris_class_id: str | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
        self.paris_combo = FilterCombo()
        paris = [c for c in choices if c.school.side is Side.PARIS and not (c.group.archived or c.school.archived)]
        self.paris_combo.set_entries([(c.label, c.group.id) for c in paris],
                                     paris_class_id or (paris[0].group.id if paris else None))
        self.year_combo = QtWidgets.QComboBox()
        first = parse_school_year(school_year_of(now().date()))
        self.year_combo.addItems([f"{y}-{y + 1}" for y in (first, first + 1)])
        self.table = RecordTable([
            text_column(lambda: translate("SuggestionsDialog", "Score"), lambda s: str(s.score),
                        lambda s: s.score, align_right=True),
            text_column(lambda: translate("SuggestionsDialog", "Partner school"), lambda s: s.candidate.school_name),
            text_column(lambda: translate("SuggestionsDialog", "Class"), lambda s: s.candidate.class_name),
            text_column(lambda: translate("SuggestionsDialog", "City"), lambda s: s.candidate.city),
            text_column(lambda: translate("SuggestionsDialog", "Facilitator"),
                        lambda s: s.facilitator.name if s.facilitator else ""),
            text_column(lambda: translate("SuggestionsDialog", "Why"), _why),
        ])
        self.table.view.sortByColumn(0, QtCore.Qt.SortOrder.DescendingOrder)
        self.table.activated.connect(self._create)
        self.explanation = QtWidgets.QLabel(wordWrap=True)
        self.details = QtWidgets.QLabel(wordWrap=True)
        self.details.setObjectName("suggestionDetails")
        self.details.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.create_button = QtWidgets.QPushButton()
        self.create_button.clicked.connect(self.create_from_selected)
        self.close_button = QtWidgets.QPushButton()
        self.close_button.clicked.connect(self.reject)
        self.paris_combo.currentIndexChanged.connect(self.reload)
        self.year_combo.currentIndexChanged.connect(self.reload)
        self.table.view.selectionModel().selectionChanged.connect(self._update_button)

        top = QtWidgets.QFormLayout()
        self.paris_label = QtWidgets.QLabel()
        self.year_label = QtWidgets.QLabel()
        top.addRow(self.paris_label, self.paris_combo)
        top.addRow(self.year_label, self.year_combo)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.close_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self.resize(1100, 560)
        self.retranslate_ui()
        self.reload()

    def reload(self, *_: object) -> None:
        paris_id = self.paris_combo.current_data()
        if not paris_id:
            self.table.set_records([])
            self._update_button()
            return
        try:
            suggestions = suggest_partners(self.workspace.db, paris_id, self.year_combo.currentText())
        except ServiceError as error:
            self.explanation.setText(str(error))
            suggestions = []
        self.table.set_records(suggestions)
        self.table.empty.set_texts(translate("SuggestionsDialog", "Every partner class already has a duo in {year}. "
                                                                  "Add partner classes in the Schools area.").format(
            year=self.year_combo.currentText()), "")
        self.table.view.sortByColumn(0, QtCore.Qt.SortOrder.DescendingOrder)
        if suggestions:
            self.table.view.selectRow(0)
        self._update_button()

    def selected(self) -> Suggestion | None:
        return self.table.selected_record()

    def _update_button(self, *_: object) -> None:
        chosen = self.selected()
        self.create_button.setEnabled(chosen is not None)
        if chosen is None:
            self.details.clear()
            return
        candidate = chosen.candidate
        self.details.setText(translate("SuggestionsDialog", "{school} ({city}), {name} — score {score}: {why}").format(
            school=candidate.school_name, city=candidate.city, name=candidate.class_name, score=chosen.score,
            why=chosen.explanation))

    def create_from_selected(self) -> None:
        suggestion = self.selected()
        if suggestion is not None:
            self._create(suggestion)

    def _create(self, suggestion: Suggestion) -> None:
        tools = ["email", "blog", "letters"] if suggestion.asynchronous_only else ["email", "visio"]
        draft = Duo(paris_class_id=self.paris_combo.current_data(), partner_class_id=suggestion.candidate.class_id,
                    school_year=self.year_combo.currentText(),
                    facilitator_id=suggestion.facilitator.id if suggestion.facilitator else None,
                    languages=list(suggestion.languages), tools=tools, status=DuoStatus.PROPOSED)
        self.accept()
        self.create_requested.emit(draft)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(translate("SuggestionsDialog", "Suggest partner classes"))
        self.paris_label.setText(translate("SuggestionsDialog", "Paris class"))
        self.year_label.setText(translate("SuggestionsDialog", "School year"))
        self.explanation.setText(translate(
            "SuggestionsDialog", "Partner classes without a duo that year, best first. Score: same level +3 "
                                 "(adjacent +1) · French spoken or a facilitator speaking the partner's language +2 · "
                                 "weekly overlap of the two timetables ≥ 60 min +2 (less +1). Classes with no "
                                 "overlap can only exchange asynchronously."))
        self.create_button.setText(translate("SuggestionsDialog", "Create a duo from this suggestion…"))
        self.close_button.setText(translate("SuggestionsDialog", "Close"))
        self.table.retranslate_ui()

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
