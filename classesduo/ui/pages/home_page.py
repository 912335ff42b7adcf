"""Home: today's and this week's sessions, what is still to log, duos gone quiet, partners absent twice,
schools whose calendar is unknown for this term or the next.

Every row opens the right place: a session of the week or a duo opens the duo page,
a session to log opens the log form.
"""

from __future__ import annotations

from datetime import UTC, datetime

from classesduo.domain.timezones import PARIS
from classesduo.services.dashboard import HomeSummary, home_summary
from classesduo.services.workspace import Workspace
from classesduo.ui.formatting import format_date
from classesduo.ui.pages.list_page import RecordTable, text_column, titled_with_empty_state
from classesduo.ui.pages.sessions_columns import session_columns
from classesduo.ui.elided_label import ElidedLabel
from classesduo.ui.qt import QtCore, QtWidgets, Signal, translate



def _paris_date(instant: datetime | None) -> str:
    return format_date(instant.astimezone(PARIS).date()) if instant else ""


class HomePage(QtWidgets.QWidget):
    demo_requested = Signal()
    duo_requested = Signal(str)  # a duo id
    log_requested = Signal(object)  # a SessionView to log
    school_requested = Signal(str)  # a school id whose calendar is unknown

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.summary: HomeSummary | None = None
        #: Set by the window: "now" and the gone-quiet threshold (Settings.quiet_weeks).
        self.clock = lambda: datetime.now(UTC)
        self.quiet_weeks = lambda: 3
        self._preset: HomeSummary | None = None
        self.title_label = QtWidgets.QLabel()
        self.title_label.setObjectName("pageTitle")
        self.headline = QtWidgets.QLabel(wordWrap=True)
        self.week_label = ElidedLabel()  # one line; the full sentence is its tooltip
        self.week_table = RecordTable(session_columns())
        self.to_log_label = ElidedLabel()  # one line; the full sentence is its tooltip
        self.to_log_table = RecordTable(session_columns())
        self.quiet_label = ElidedLabel()  # one line; the full sentence is its tooltip
        self.quiet_table = RecordTable([
            text_column(lambda: translate("HomePage", "Duo"), lambda q: q.duo.label),
            text_column(lambda: translate("HomePage", "Facilitator"), lambda q: q.duo.facilitator),
            text_column(lambda: translate("HomePage", "Last exchange"), lambda q: _paris_date(q.last_exchange)
                        or translate("HomePage", "none yet"), lambda q: q.last_exchange),
            text_column(lambda: translate("HomePage", "School days since"), lambda q: str(q.school_days),
                        lambda q: q.school_days, align_right=True),
        ])
        self.absent_label = ElidedLabel()  # one line; the full sentence is its tooltip
        self.absent_table = RecordTable([
            text_column(lambda: translate("HomePage", "Partner class"),
                        lambda a: f"{a.duo.partner.school} ({a.duo.partner.class_name}), {a.duo.partner.city}"),
            text_column(lambda: translate("HomePage", "Duo"), lambda a: a.duo.label),
            text_column(lambda: translate("HomePage", "Absent on"),
                        lambda a: ", ".join(_paris_date(d) for d in a.dates), lambda a: a.dates[0]),
        ])
        self.calendars_label = ElidedLabel()  # one line; the full sentence is its tooltip
        self.calendars_table = RecordTable([
            text_column(lambda: translate("HomePage", "School"), lambda u: u.label),
            text_column(lambda: translate("HomePage", "Unknown school year"), lambda u: ", ".join(u.years)),
            text_column(lambda: translate("HomePage", "From"), lambda u: format_date(u.first_day), lambda u: u.first_day),
        ])
        self.calendars_table.activated.connect(lambda item: self.school_requested.emit(item.school.id))
        self.week_table.activated.connect(lambda view: self.duo_requested.emit(view.session.duo_id))
        self.to_log_table.activated.connect(self.log_requested)
        self.quiet_table.activated.connect(lambda item: self.duo_requested.emit(item.duo.duo.id))
        self.absent_table.activated.connect(lambda item: self.duo_requested.emit(item.duo.duo.id))
        for table in (self.week_table, self.to_log_table):  # half a page wide: minutes and status are on the duo page
            for column in (4, 5):
                table.view.setColumnHidden(column, True)
        grid = QtWidgets.QGridLayout()
        for index, (label, table) in enumerate(self.sections()):
            table.filter_edit.hide()
            box = QtWidgets.QVBoxLayout()
            box.addWidget(label)
            box.addWidget(table, 1)
            grid.addLayout(box, index // 2, index % 2)
        content = QtWidgets.QWidget()
        content_layout = QtWidgets.QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.headline)
        content_layout.addLayout(grid, 1)
        self.stack, self.empty = titled_with_empty_state(self, self.title_label, content)
        self.retranslate_ui()

    def sections(self) -> list[tuple[QtWidgets.QLabel, RecordTable]]:
        return [(self.week_label, self.week_table), (self.to_log_label, self.to_log_table),
                (self.quiet_label, self.quiet_table), (self.absent_label, self.absent_table),
                (self.calendars_label, self.calendars_table)]

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.refresh()

    def preset_summary(self, summary: HomeSummary | None) -> None:
        """What the next refresh shows instead of querying (read at start-up along with opening the data)."""
        self._preset = summary

    def refresh(self) -> None:
        preset, self._preset = self._preset, None
        if self.workspace is None:
            self.summary = None
        else:
            self.summary = preset or home_summary(self.workspace.db, self.clock(), self.quiet_weeks())
        if self.summary is None or self.summary.is_empty:
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentIndex(0)
            self.week_table.set_records(self.summary.this_week)
            self.to_log_table.set_records(self.summary.to_log)
            self.quiet_table.set_records(self.summary.quiet)
            self.absent_table.set_records(self.summary.absent_twice)
            self.calendars_table.set_records(self.summary.unknown_calendars)
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
                            "to log: {to_log}; gone quiet: {quiet}; partners absent twice: {absent}.").format(
                schools=summary.schools, duos=summary.duos, today=len(summary.today),
                week=len(summary.this_week), to_log=len(summary.to_log), quiet=len(summary.quiet),
                absent=len(summary.absent_twice)))
        today = len(summary.today) if summary else 0
        self.week_label.setText(translate("HomePage", "This week ({today} today) — Enter opens the duo").format(
            today=today))
        self.to_log_label.setText(translate("HomePage", "Past sessions still to log — Enter opens the log form"))
        self.quiet_label.setText(translate("HomePage", "Duos gone quiet (no exchange held for {weeks} school weeks)")
                                 .format(weeks=self.quiet_weeks()))
        self.absent_label.setText(translate("HomePage", "Partner classes absent twice in a row"))
        self.calendars_label.setText(translate("HomePage", "School calendars unknown for this term or the next — "
                                                           "Enter opens the school"))
        self.calendars_table.empty.set_texts(translate("HomePage", "Every school's calendar is known for this "
                                                                   "term and the next."), "")
        self.week_table.empty.set_texts(translate("HomePage", "No session this week."), "")
        self.to_log_table.empty.set_texts(translate("HomePage", "Nothing to log — well done."), "")
        self.quiet_table.empty.set_texts(translate("HomePage", "Every active duo exchanged recently."), "")
        self.absent_table.empty.set_texts(translate("HomePage", "No partner class missed two sessions in a row."), "")
        for _, table in self.sections():
            table.retranslate_ui()

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

