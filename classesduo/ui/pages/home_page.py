"""Home: today's and this week's sessions, and the past sessions still to log."""

from __future__ import annotations

from datetime import UTC, datetime

from classesduo.services.dashboard import HomeSummary, home_summary
from classesduo.services.workspace import Workspace
from classesduo.ui.pages.list_page import EmptyState, RecordTable
from classesduo.ui.pages.sessions_columns import session_columns
from classesduo.ui.qt import QtCore, QtWidgets, Signal, translate


class HomePage(QtWidgets.QWidget):
    demo_requested = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.summary: HomeSummary | None = None
        self.title_label = QtWidgets.QLabel()
        self.title_label.setObjectName("pageTitle")
        self.headline = QtWidgets.QLabel(wordWrap=True)
        self.week_label = QtWidgets.QLabel()
        self.week_table = RecordTable(session_columns())
        self.to_log_label = QtWidgets.QLabel()
        self.to_log_table = RecordTable(session_columns())
        for table in (self.week_table, self.to_log_table):
            table.filter_edit.hide()
        content = QtWidgets.QWidget()
        content_layout = QtWidgets.QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.headline)
        content_layout.addWidget(self.week_label)
        content_layout.addWidget(self.week_table, 1)
        content_layout.addWidget(self.to_log_label)
        content_layout.addWidget(self.to_log_table, 1)
        self.empty = EmptyState()
        self.empty.action_triggered.connect(self.demo_requested)
        self.stack = QtWidgets.QStackedWidget()
        self.stack.addWidget(content)
        self.stack.addWidget(self.empty)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.stack, 1)
        self.retranslate_ui()

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.refresh()

    def refresh(self) -> None:
        self.summary = home_summary(self.workspace.db, datetime.now(UTC)) if self.workspace else None
        if self.summary is None or self.summary.is_empty:
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentIndex(0)
            self.week_table.set_records(self.summary.this_week)
            self.to_log_table.set_records(self.summary.to_log)
        self.retranslate_ui()

    def focus_filter(self) -> None:
        self.week_table.view.setFocus()

    def retranslate_ui(self) -> None:
        self.title_label.setText(translate("HomePage", "Home"))
        if self.workspace is None:
            self.empty.set_texts(translate("HomePage", "Opening the database…"), "")
        else:
            self.empty.set_texts(
                translate("HomePage", "Welcome to Classes Duo. No schools yet — load the demo data to explore "
                                      "a school year of exchanges between Paris and partner cities."),
                translate("ListPage", "Load the demo data"))
        summary = self.summary
        if summary and not summary.is_empty:
            self.headline.setText(translate(
                "HomePage", "{schools} schools, {duos} duos. Today: {today} sessions; this week: {week}; "
                            "to log: {to_log}.").format(
                schools=summary.schools, duos=summary.duos, today=len(summary.today),
                week=len(summary.this_week), to_log=len(summary.to_log)))
        self.week_label.setText(translate("HomePage", "This week"))
        self.to_log_label.setText(translate("HomePage", "Past sessions still to log"))
        self.week_table.empty.set_texts(translate("HomePage", "No session this week."), "")
        self.to_log_table.empty.set_texts(translate("HomePage", "Nothing to log — well done."), "")
        self.week_table.retranslate_ui()
        self.to_log_table.retranslate_ui()

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
