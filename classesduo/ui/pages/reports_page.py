"""Reports: choose a term or a date range, a scope and a language; preview the figures; export.

The figures are computed off the GUI thread (``ui/operations.py``) each time a
choice changes; exporting recomputes them and writes the file, with progress
and cancel. The page's own texts follow the app's language; the report's
contents follow the language chosen here.
"""

from __future__ import annotations

from datetime import date

from classesduo.domain.entities import Term
from classesduo.domain.reports import ReportPeriod, ReportScope, ScopeKind, validate_period
from classesduo.domain.terms import default_terms, school_year_of
from classesduo.services.reports.choices import scope_choices
from classesduo.services.reports.data import build_report
from classesduo.services.terms import list_terms, update_term_dates
from classesduo.services.workspace import Workspace
from classesduo.ui.dialogs import Dialogs
from classesduo.ui.operations import Operation
from classesduo.ui.pages.list_page import titled_with_empty_state
from classesduo.ui.pages.report_export import FORMATS, ReportExporter
from classesduo.ui.pages.report_preview import ReportPreview
from classesduo.ui.collation import sorted_by_text
from classesduo.ui.qt import QtCore, QtWidgets, Signal, translate
from classesduo.ui.term_dates_dialog import TermDatesDialog, from_qdate, to_qdate

CUSTOM = "custom"


class ReportsPage(QtWidgets.QWidget):
    demo_requested = Signal()
    preview_ready = Signal()
    exported = Signal(str)

    def __init__(self, dialogs: Dialogs | None = None, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialogs = dialogs or Dialogs()
        self.workspace: Workspace | None = None
        self.terms: list[Term] = []
        self._generation = 0
        self.exporter = ReportExporter(self, self.dialogs)
        self.exporter.started.connect(lambda: self._set_export_enabled(False))
        self.exporter.finished.connect(self._export_finished)
        self.title_label = QtWidgets.QLabel()
        self.title_label.setObjectName("pageTitle")
        self.period_label, self.scope_label, self.lang_label = QtWidgets.QLabel(), QtWidgets.QLabel(), QtWidgets.QLabel()
        self.from_label, self.to_label = QtWidgets.QLabel(), QtWidgets.QLabel()
        self.period_combo = QtWidgets.QComboBox()
        self.from_edit = QtWidgets.QDateEdit(calendarPopup=True)
        self.to_edit = QtWidgets.QDateEdit(calendarPopup=True)
        self.edit_term_button = QtWidgets.QPushButton()
        self.scope_combo = QtWidgets.QComboBox()
        for kind in ScopeKind:
            self.scope_combo.addItem("", kind.value)
        self.scope_value_combo = QtWidgets.QComboBox()
        self.scope_value_combo.setMinimumContentsLength(30)
        self.scope_value_combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lang_combo = QtWidgets.QComboBox()
        self.lang_combo.addItem("Français", "fr")
        self.lang_combo.addItem("English", "en")
        for combo in (self.period_combo, self.scope_combo, self.lang_combo):  # never cut, in either language
            combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.lang_combo.setCurrentIndex(0 if QtCore.QLocale().language() == QtCore.QLocale.Language.French else 1)
        self.semicolon_check = QtWidgets.QCheckBox()
        # French Excel expects ";": ticked for a French report, not for an English one (it follows the language).
        self.semicolon_check.setChecked(QtCore.QLocale().language() == QtCore.QLocale.Language.French)
        self.export_buttons = {kind: QtWidgets.QPushButton() for kind in FORMATS}
        self.status_label = QtWidgets.QLabel(wordWrap=True)
        self.status_label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = ReportPreview()

        grid = QtWidgets.QGridLayout()
        grid.addWidget(self.period_label, 0, 0)
        grid.addWidget(self.period_combo, 0, 1)
        dates = QtWidgets.QHBoxLayout()
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit, self.edit_term_button):
            dates.addWidget(widget)
        dates.addStretch(1)
        grid.addLayout(dates, 0, 2)
        grid.addWidget(self.scope_label, 1, 0)
        grid.addWidget(self.scope_combo, 1, 1)
        grid.addWidget(self.scope_value_combo, 1, 2)
        grid.addWidget(self.lang_label, 2, 0)
        grid.addWidget(self.lang_combo, 2, 1)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.semicolon_check)
        buttons.addStretch(1)
        for button in self.export_buttons.values():
            buttons.addWidget(button)
        grid.addLayout(buttons, 2, 2)
        grid.setColumnStretch(2, 1)
        content = QtWidgets.QWidget()
        content_layout = QtWidgets.QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(grid)
        content_layout.addWidget(self.status_label)
        content_layout.addWidget(self.preview, 1)
        self.stack, self.empty = titled_with_empty_state(self, self.title_label, content)

        self._timer = QtCore.QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.start_preview)
        self.period_combo.currentIndexChanged.connect(self._period_chosen)
        self.from_edit.dateChanged.connect(self.schedule_preview)
        self.to_edit.dateChanged.connect(self.schedule_preview)
        self.scope_combo.currentIndexChanged.connect(self._scope_kind_chosen)
        self.scope_value_combo.currentIndexChanged.connect(self.schedule_preview)
        self.lang_combo.currentIndexChanged.connect(self._show_language)
        self.edit_term_button.clicked.connect(self.edit_term_dates)
        for kind, button in self.export_buttons.items():
            button.clicked.connect(lambda _=False, kind=kind: self.export(kind))
        self.retranslate_ui()

    # the page protocol ------------------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.refresh()

    def refresh(self) -> None:
        if self.workspace is None:
            self.stack.setCurrentWidget(self.empty)
            return
        self.terms = list_terms(self.workspace.db)
        self._fill_periods()
        self._fill_scope_values()
        has_data = bool(self.terms) or bool(scope_choices(self.workspace.db, ScopeKind.DUO))
        self.stack.setCurrentIndex(0 if has_data else 1)
        self.schedule_preview()

    def focus_filter(self) -> None:
        self.period_combo.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)

    # choices ----------------------------------------------------------------------------------------
    def _fill_periods(self) -> None:
        previous = self.period_combo.currentData()
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for term in self.terms:
            self.period_combo.addItem(translate("ReportsPage", "Term {number}, {year}").format(
                number=term.number, year=term.school_year), term.id)
        self.period_combo.addItem(translate("ReportsPage", "Custom range"), CUSTOM)
        index = self.period_combo.findData(previous) if previous else -1
        if index < 0:
            today = date.today()
            index = next((i for i, term in enumerate(self.terms) if term.start <= today <= term.end),
                         len(self.terms) - 1 if self.terms else 0)
        self.period_combo.setCurrentIndex(max(0, index))
        self.period_combo.blockSignals(False)
        self._period_chosen()

    def _period_chosen(self, *_: object) -> None:
        term = self.current_term()
        custom = term is None
        for widget in (self.from_edit, self.to_edit):
            widget.blockSignals(True)
            widget.setEnabled(custom)
        if term is not None:
            self.from_edit.setDate(to_qdate(term.start))
            self.to_edit.setDate(to_qdate(term.end))
        elif self.from_edit.date() == QtCore.QDate(2000, 1, 1):
            terms = default_terms(school_year_of(date.today()))
            current = next((t for t in terms if t.end >= date.today()), terms[-1])
            self.from_edit.setDate(to_qdate(current.start))
            self.to_edit.setDate(to_qdate(current.end))
        for widget in (self.from_edit, self.to_edit):
            widget.blockSignals(False)
        self.edit_term_button.setEnabled(term is not None)
        self.schedule_preview()

    def _scope_kind_chosen(self, *_: object) -> None:
        self._fill_scope_values()
        self.schedule_preview()

    def _fill_scope_values(self) -> None:
        kind = ScopeKind(self.scope_combo.currentData())
        previous = self.scope_value_combo.currentData()
        self.scope_value_combo.blockSignals(True)
        self.scope_value_combo.clear()
        for text, value in sorted_by_text(self._scope_values(kind), lambda entry: entry[0]):
            self.scope_value_combo.addItem(text, value)
        index = self.scope_value_combo.findData(previous) if previous else -1
        self.scope_value_combo.setCurrentIndex(max(0, index) if self.scope_value_combo.count() else -1)
        self.scope_value_combo.setVisible(kind is not ScopeKind.PROGRAMME)
        self.scope_value_combo.blockSignals(False)

    def _scope_values(self, kind: ScopeKind) -> list[tuple[str, str]]:
        if self.workspace is None:
            return []
        language = "fr" if QtCore.QLocale().language() == QtCore.QLocale.Language.French else "en"
        choices = scope_choices(self.workspace.db, kind, language)
        if kind is ScopeKind.ARRONDISSEMENT:
            return [(translate("ReportsPage", "Paris {number}").format(number=text), value) for text, value in choices]
        return choices

    def current_term(self) -> Term | None:
        term_id = self.period_combo.currentData()
        return next((term for term in self.terms if term.id == term_id), None)

    def current_period(self) -> ReportPeriod | str:
        """The chosen period, or a sentence saying what is wrong with the custom range."""
        term = self.current_term()
        if term is not None:
            return ReportPeriod(term.start, term.end, f"{term.school_year}/{term.number}")
        start, end = from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())
        problem = validate_period(start, end)
        if problem:
            return translate("ReportsPage", "Check the dates: {problem}.").format(problem=problem)
        return ReportPeriod(start, end)

    def current_scope(self) -> ReportScope | None:
        kind = ScopeKind(self.scope_combo.currentData())
        if kind is ScopeKind.PROGRAMME:
            return ReportScope()
        value = self.scope_value_combo.currentData()
        return ReportScope(kind, value) if value else None

    def current_language(self) -> str:
        return self.lang_combo.currentData()

    # preview ----------------------------------------------------------------------------------------
    def schedule_preview(self, *_: object) -> None:
        self._timer.start()

    def start_preview(self) -> None:
        if self.workspace is None:
            return
        period, scope = self.current_period(), self.current_scope()
        self._generation += 1
        if isinstance(period, str) or scope is None:
            self.status_label.setText(period if isinstance(period, str) else translate(
                "ReportsPage", "Nothing to choose for this scope yet."))
            self.preview.set_data(None, self.current_language())
            self._set_export_enabled(False)
            return
        generation, db, media = self._generation, self.workspace.db, self.workspace.media.root
        self.status_label.setText(translate("ReportsPage", "Computing the figures…"))
        operation = Operation(lambda progress, cancelled: build_report(db, period, scope, media_root=media), self)
        operation.succeeded.connect(lambda data: self._preview_done(generation, data, operation))
        operation.failed.connect(lambda error, details: self._preview_failed(generation, error, operation))
        operation.start()

    def _preview_done(self, generation: int, data: object, operation: Operation) -> None:
        operation.deleteLater()
        if generation != self._generation:
            return
        self.preview.set_data(data, self.current_language())  # type: ignore[arg-type]
        self.status_label.setText("")
        self._set_export_enabled(True)
        self.preview_ready.emit()

    def _preview_failed(self, generation: int, error: BaseException, operation: Operation) -> None:
        operation.deleteLater()
        if generation == self._generation:
            self.status_label.setText(str(error))
            self.preview.set_data(None, self.current_language())
            self._set_export_enabled(False)

    def _show_language(self, *_: object) -> None:
        self.semicolon_check.setChecked(self.current_language() == "fr")
        self.preview.set_data(self.preview.data, self.current_language())

    def _set_export_enabled(self, enabled: bool) -> None:
        for button in self.export_buttons.values():
            button.setEnabled(enabled)

    # actions ----------------------------------------------------------------------------------------
    def edit_term_dates(self) -> None:
        term, workspace = self.current_term(), self.workspace
        if term is None or workspace is None:
            return
        dialog = TermDatesDialog(term, lambda edited: update_term_dates(workspace.db, edited), self)
        try:
            if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted:
                self.refresh()
        finally:
            dialog.deleteLater()

    def export(self, kind: str) -> None:
        period, scope, workspace = self.current_period(), self.current_scope(), self.workspace
        if workspace is None or isinstance(period, str) or scope is None:
            return
        self.exporter.export(workspace, period, scope, kind, self.current_language(), self.semicolon_check.isChecked())

    def _export_finished(self, path: str) -> None:
        self._set_export_enabled(True)
        if path:
            self.status_label.setText(translate("ReportsPage", "Report saved: {path}").format(path=path))
            self.exported.emit(path)
        elif self.exporter.cancelled:
            self.status_label.setText(translate("ReportsPage", "Export cancelled; no file written."))

    # language ---------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.title_label.setText(translate("ReportsPage", "Reports"))
        self.period_label.setText(translate("ReportsPage", "&Period:"))
        self.period_label.setBuddy(self.period_combo)
        self.from_label.setText(translate("ReportsPage", "from"))
        self.to_label.setText(translate("ReportsPage", "to"))
        self.edit_term_button.setText(translate("ReportsPage", "Edit the term's &dates…"))
        self.scope_label.setText(translate("ReportsPage", "&Scope:"))
        self.scope_label.setBuddy(self.scope_combo)
        texts = {
            ScopeKind.PROGRAMME: translate("ReportsPage", "Whole programme"),
            ScopeKind.ARRONDISSEMENT: translate("ReportsPage", "One arrondissement"),
            ScopeKind.COUNTRY: translate("ReportsPage", "One partner country"),
            ScopeKind.FACILITATOR: translate("ReportsPage", "One facilitator"),
            ScopeKind.DUO: translate("ReportsPage", "One duo"),
        }
        for index in range(self.scope_combo.count()):
            self.scope_combo.setItemText(index, texts[ScopeKind(self.scope_combo.itemData(index))])
        self.lang_label.setText(translate("ReportsPage", "Report &language:"))
        self.lang_label.setBuddy(self.lang_combo)
        self.semicolon_check.setText(translate("ReportsPage", "CSV for French Excel (;)"))
        self.export_buttons["pdf"].setText(translate("ReportsPage", "Export &PDF…"))
        self.export_buttons["csv"].setText(translate("ReportsPage", "Export &CSV…"))
        self.export_buttons["xlsx"].setText(translate("ReportsPage", "Export &XLSX…"))
        self.empty.set_texts(translate("ReportsPage", "Nothing to report yet — add schools and duos, or load the "
                                                      "demo data."), translate("ListPage", "Load the demo data"))
        if self.workspace is not None:
            custom = self.period_combo.findData(CUSTOM)
            if custom >= 0:
                self.period_combo.setItemText(custom, translate("ReportsPage", "Custom range"))

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self.workspace is not None:
                self.refresh()
        super().changeEvent(event)
