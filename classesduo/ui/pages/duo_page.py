"""A duo's page: both classes, the summary, what is still to log, and the timeline of exchanges.

Opened from the Duos list (double-click or Enter) and from the home page. "Back"
(Alt+Left or Esc) returns to where it was opened from. The timeline lists every
session (with its log) and every media item shared, oldest first, filterable by
kind and term; Enter on a session opens its log form, Delete deletes it after
confirmation, Ctrl+Z undoes the last deletion.
"""

from __future__ import annotations

from datetime import datetime

from classesduo.domain.enums import SessionKind
from classesduo.domain.timezones import PARIS, PARIS_ZONE
from classesduo.services.duo_timeline import MEDIA_KIND, DuoDetail, TimelineEntry, duo_detail, filter_timeline
from classesduo.services.views import SessionView
from classesduo.services.workspace import Workspace
from classesduo.ui.formatting import duo_status_label, format_date, format_local, session_status_label, tool_label
from classesduo.ui.log_actions import LogActions
from classesduo.ui.pages.list_page import RecordTable, text_column
from classesduo.ui.pages.sessions_columns import session_columns
from classesduo.ui.pages.timeline_text import entry_text, kind_label
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, Signal, translate


class DuoPage(QtWidgets.QWidget):
    demo_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.actions: LogActions | None = None
        self.duo_id: str | None = None
        self.detail: DuoDetail | None = None
        self.back_button = QtWidgets.QPushButton()
        self.back_button.setIcon(self.style().standardIcon(QtWidgets.QStyle.StandardPixmap.SP_ArrowBack))
        self.back_button.clicked.connect(self.back_requested)
        self.title_label = QtWidgets.QLabel(wordWrap=True)
        self.title_label.setObjectName("pageTitle")
        self.info_label = QtWidgets.QLabel(wordWrap=True)
        self.info_label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label = QtWidgets.QLabel(wordWrap=True)
        self.summary_label.setObjectName("duoSummary")
        self.log_button = QtWidgets.QPushButton()
        self.log_button.clicked.connect(self.log_unplanned)
        self.timetables_button = QtWidgets.QPushButton()
        self.timetables_button.clicked.connect(self.show_timetables)
        self.to_log_label = QtWidgets.QLabel()
        self.to_log_table = RecordTable(session_columns())
        self.to_log_table.filter_edit.hide()
        self.to_log_table.activated.connect(self._log_view)
        self.to_log_table.setMaximumHeight(150)
        self.timeline_label = QtWidgets.QLabel()
        self.kind_filter = QtWidgets.QComboBox()
        self.kind_filter.addItem("", None)
        for kind in (*[k.value for k in SessionKind], MEDIA_KIND):
            self.kind_filter.addItem("", kind)
        self.term_filter = QtWidgets.QComboBox()
        for combo in (self.kind_filter, self.term_filter):  # follow their texts in either language
            combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind_filter.currentIndexChanged.connect(self.apply_filters)
        self.term_filter.currentIndexChanged.connect(self.apply_filters)
        self.timeline = RecordTable([
            text_column(lambda: translate("DuoPage", "Date (Paris)"), lambda e: format_local(e.when, PARIS_ZONE),
                        lambda e: e.when),
            text_column(lambda: translate("DuoPage", "Kind"), lambda e: kind_label(e.kind)),
            text_column(lambda: translate("DuoPage", "Status"),
                        lambda e: session_status_label(e.status) if e.status else ""),
            text_column(lambda: translate("DuoPage", "Term"), lambda e: e.term),
            text_column(lambda: translate("DuoPage", "What happened"), lambda e: entry_text(e, self.detail)),
        ])
        self.timeline.activated.connect(self._entry_activated)
        self.edit_button = QtWidgets.QPushButton()
        self.edit_button.clicked.connect(self.log_selected)
        self.history_button = QtWidgets.QPushButton()
        self.history_button.clicked.connect(self.history_selected)
        self.delete_button = QtWidgets.QPushButton()
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QtWidgets.QPushButton()
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.setEnabled(False)
        self._layout()
        self._shortcuts()
        self.retranslate_ui()

    def _layout(self) -> None:
        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title_label, 1)
        top.addWidget(self.timetables_button)
        top.addWidget(self.log_button)
        filters = QtWidgets.QHBoxLayout()
        filters.addWidget(self.timeline_label, 1)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.term_filter)
        buttons = QtWidgets.QHBoxLayout()
        for button in (self.edit_button, self.history_button, self.delete_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.to_log_label)
        layout.addWidget(self.to_log_table)
        layout.addLayout(filters)
        layout.addWidget(self.timeline, 1)
        layout.addLayout(buttons)

    def _shortcuts(self) -> None:
        scope = QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in ((QtGui.QKeySequence("Alt+Left"), self.back_requested.emit),
                           (QtGui.QKeySequence(QtCore.Qt.Key.Key_Escape), self.back_requested.emit),
                           (QtGui.QKeySequence.StandardKey.Undo, self.undo_delete),
                           (QtGui.QKeySequence(QtCore.Qt.Key.Key_Delete), self.delete_selected)):
            shortcut = QtGui.QShortcut(keys, self, slot)
            shortcut.setContext(scope)

    # data --------------------------------------------------------------------------------------------
    def set_actions(self, actions: LogActions) -> None:
        self.actions = actions
        actions.undo_available.connect(self.undo_button.setEnabled)

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        if workspace is None:
            self.duo_id = None
        self.refresh()

    def show_timetables(self) -> None:
        """Both schools' windows and their overlap for this week, in a dialog (the finder's picture)."""
        from datetime import date

        from classesduo.ui.calendar.timetables_dialog import TimetablesDialog

        if self.workspace is None or self.duo_id is None:
            return
        self.timetables_dialog = TimetablesDialog(self.workspace.db, self.duo_id, date.today(), self)
        self.timetables_dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)  # not kept under the page
        self.timetables_dialog.open()

    def shown_duo_id(self) -> str | None:
        """The duo this page is about: only changes to its sessions and media refresh it."""
        return self.duo_id

    def show_duo(self, duo_id: str) -> None:
        if duo_id != self.duo_id:
            self.kind_filter.setCurrentIndex(0)
        self.duo_id = duo_id
        self.refresh()
        self.timeline.view.setFocus()

    def now(self) -> datetime:
        from datetime import UTC

        return self.actions.now() if self.actions else datetime.now(UTC)

    def refresh(self) -> None:
        if self.workspace is None or self.duo_id is None:
            self.detail = None
        else:
            from classesduo.services.errors import NotFoundError

            try:
                self.detail = duo_detail(self.workspace.db, self.duo_id, self.now())
            except NotFoundError:
                self.detail, self.duo_id = None, None
        self._fill_terms()
        self.to_log_table.set_records(self.detail.to_log if self.detail else [])
        has_to_log = bool(self.detail and self.detail.to_log)
        self.to_log_label.setVisible(has_to_log)
        self.to_log_table.setVisible(has_to_log)
        self.apply_filters()
        self.retranslate_ui()

    def _fill_terms(self) -> None:
        current = self.term_filter.currentData()
        self.term_filter.blockSignals(True)
        self.term_filter.clear()
        self.term_filter.addItem("", None)
        if self.detail:
            for label in sorted({entry.term for entry in self.detail.timeline if entry.term}):
                self.term_filter.addItem(label, label)
        self.term_filter.setCurrentIndex(max(0, self.term_filter.findData(current)))
        self.term_filter.blockSignals(False)

    def apply_filters(self) -> None:
        if self.detail is None:
            self.timeline.set_records([])
            return
        kind = self.kind_filter.currentData()
        self.timeline.set_records(filter_timeline(self.detail.timeline, {kind} if kind else None,
                                                  self.term_filter.currentData()))

    def focus_filter(self) -> None:
        self.timeline.filter_edit.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)

    # actions -----------------------------------------------------------------------------------------
    def selected_session(self) -> SessionView | None:
        entry = self.timeline.selected_record()
        if entry is None or entry.session is None or self.detail is None:
            return None
        duo = self.detail.duo
        return SessionView(session=entry.session, duo_label=f"{duo.paris.school} ↔ {duo.partner.school}",
                           paris_timezone=duo.paris.timezone, partner_timezone=duo.partner.timezone,
                           partner_city=duo.partner.city, facilitator=duo.facilitator)

    def log_unplanned(self) -> None:
        if self.actions and self.duo_id:
            self.actions.open_form(duo_id=self.duo_id)

    def _log_view(self, view: SessionView) -> None:
        if self.actions:
            self.actions.open_form(session=view)

    def _entry_activated(self, entry: TimelineEntry) -> None:
        if entry.session is not None:
            self.log_selected()

    def log_selected(self) -> None:
        view = self.selected_session()
        if view is not None:
            self._log_view(view)

    def history_selected(self) -> None:
        view = self.selected_session()
        if view is not None and self.actions and view.session.id:
            self.actions.show_history(view.session.id)

    def delete_selected(self) -> None:
        view = self.selected_session()
        if view is not None and self.actions:
            self.actions.delete(view)

    def undo_delete(self) -> None:
        if self.actions:
            self.actions.undo_delete()

    # texts -------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.back_button.setText(translate("DuoPage", "Back"))
        self.back_button.setToolTip(translate("DuoPage", "Back to the list (Alt+Left, Esc)"))
        self.log_button.setText(translate("DuoPage", "Log an exchange…"))
        self.timetables_button.setText(translate("DuoPage", "&Timetables…"))
        self.timetables_button.setToolTip(translate("DuoPage", "Both schools' weekly windows and their overlap, "
                                                               "week by week"))
        self.log_button.setToolTip(translate("DuoPage", "Record an e-mail, a letter, a blog post or an extra visio "
                                                        "(Ctrl+L)"))
        self.edit_button.setText(translate("DuoPage", "Log / edit the selected session…"))
        self.history_button.setText(translate("DuoPage", "History…"))
        self.delete_button.setText(translate("DuoPage", "Delete…"))
        self.undo_button.setText(translate("DuoPage", "Undo delete"))
        self.undo_button.setToolTip(translate("DuoPage", "Ctrl+Z"))
        self.kind_filter.setItemText(0, translate("DuoPage", "All kinds"))
        for index in range(1, self.kind_filter.count()):
            self.kind_filter.setItemText(index, kind_label(self.kind_filter.itemData(index)))
        self.term_filter.setItemText(0, translate("DuoPage", "All terms"))
        self.to_log_table.empty.set_texts(translate("DuoPage", "Nothing to log for this duo."), "")
        self.timeline.empty.set_texts(translate("DuoPage", "No exchange yet (or none matches the filters)."), "")
        self.to_log_table.retranslate_ui()
        self.timeline.retranslate_ui()
        detail = self.detail
        if detail is None:
            self.title_label.setText(translate("DuoPage", "Duo"))
            self.info_label.setText(translate("DuoPage", "Choose a duo in the Duos list."))
            self.summary_label.clear()
            self.to_log_label.clear()
            self.timeline_label.clear()
            return
        duo, summary = detail.duo, detail.summary
        self.title_label.setText(duo.label)
        self.info_label.setText(translate(
            "DuoPage", "Paris: {paris_school} ({arr}e), class {paris_class} ({paris_level}, {paris_pupils} pupils)\n"
                       "Partner: {partner_school}, {city} ({country}), class {partner_class} ({partner_level}, "
                       "{partner_pupils} pupils), time zone {zone}\n"
                       "Facilitator: {facilitator} · School year {year} · {status} · Languages: {languages} · "
                       "Tools: {tools}\nProject: {project}").format(
            paris_school=duo.paris.school, arr=duo.paris.arrondissement or "?", paris_class=duo.paris.class_name,
            paris_level=duo.paris.level, paris_pupils=duo.paris.pupils, partner_school=duo.partner.school,
            city=duo.partner.city, country=duo.partner.country, partner_class=duo.partner.class_name,
            partner_level=duo.partner.level, partner_pupils=duo.partner.pupils, zone=duo.partner.timezone,
            facilitator=duo.facilitator or translate("DuoPage", "none"), year=duo.duo.school_year,
            status=duo_status_label(duo.duo.status), languages=", ".join(duo.duo.languages) or "—",
            tools=", ".join(tool_label(tool) for tool in duo.duo.tools) or "—", project=duo.duo.project or "—"))
        self.summary_label.setText(translate(
            "DuoPage", "<b>{held}</b> held · <b>{planned}</b> planned · <b>{cancelled}</b> cancelled · "
                       "<b>{postponed}</b> postponed · last exchange: <b>{last}</b> · <b>{media}</b> media · "
                       "<b>{to_log}</b> to log").format(
            held=summary.held, planned=summary.planned, cancelled=summary.cancelled, postponed=summary.postponed,
            last=format_date(summary.last_exchange.astimezone(PARIS).date()) if summary.last_exchange
            else translate("DuoPage", "none yet"), media=summary.media_count, to_log=summary.to_log))
        self.to_log_label.setText(translate("DuoPage", "Past sessions still to log"))
        self.timeline_label.setText(translate("DuoPage", "Timeline"))

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
