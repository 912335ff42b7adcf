"""Find a slot…: the times a duo's two classes can meet, and the session (or series) made from one.

Lists each slot with the Paris time, the partner's time and the partner's
weekday (the next day in Asia); when there is none, says why and proposes
asynchronous exchanges. The overlap picture below shows the chosen week.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from classesduo.domain.i18n import Plural
from classesduo.services import planning, scheduling, series, terms
from classesduo.services.errors import ServiceError
from classesduo.services.views import DuoView
from classesduo.services.workspace import Database
from classesduo.ui.calendar.calendar_notes import note_lines
from classesduo.ui.calendar.overlap_picture import OverlapPanel
from classesduo.ui.calendar.time_entry import pydate, qdate
from classesduo.ui.formatting import date_edit_format, format_date, format_day, format_wall_time
from classesduo.ui.collation import sorted_by_text
from classesduo.ui.base_dialog import Dialog
from classesduo.ui.qt import QtCore, QtWidgets, translate

SLOT_ROLE = QtCore.Qt.ItemDataRole.UserRole + 10


class FinderDialog(Dialog):
    def __init__(self, db: Database, duos: list[DuoView], buffer_minutes: int, start: date,
                 duo_id: str | None = None, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.buffer_minutes = buffer_minutes
        self.search: scheduling.SlotSearch | None = None
        self.created: list = []
        self.skipped: list[tuple[date, str]] = []
        self.setWindowTitle(translate("FinderDialog", "Find a slot"))
        self.duo_combo = QtWidgets.QComboBox()
        for view in sorted_by_text(duos, lambda view: view.label):
            self.duo_combo.addItem(view.label, view.duo.id)
        if duo_id:
            self.duo_combo.setCurrentIndex(max(0, self.duo_combo.findData(duo_id)))
        self.from_edit = QtWidgets.QDateEdit(qdate(start), calendarPopup=True)
        self.to_edit = QtWidgets.QDateEdit(qdate(start + timedelta(days=27)), calendarPopup=True)
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat(date_edit_format())
        self.minutes = QtWidgets.QSpinBox(minimum=15, maximum=planning.MAX_MINUTES, singleStep=15, value=45)
        self.minutes.setSuffix(translate("FinderDialog", " min"))
        top = QtWidgets.QHBoxLayout()
        top.addWidget(QtWidgets.QLabel(translate("FinderDialog", "Duo:")))
        top.addWidget(self.duo_combo, 1)
        top.addWidget(QtWidgets.QLabel(translate("FinderDialog", "From:")))
        top.addWidget(self.from_edit)
        top.addWidget(QtWidgets.QLabel(translate("FinderDialog", "to:")))
        top.addWidget(self.to_edit)
        top.addWidget(self.minutes)

        self.table = QtWidgets.QTableWidget(0, 5)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table
        self.table.setHorizontalHeaderLabels([
            translate("FinderDialog", "Paris date"), translate("FinderDialog", "Paris time"),
            translate("FinderDialog", "Partner time"), translate("FinderDialog", "Partner day"),
            translate("FinderDialog", "School calendars")])
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.explanation = QtWidgets.QLabel(wordWrap=True)
        self.explanation.setObjectName("finderExplanation")
        self.picture = OverlapPanel()

        self.repeat = QtWidgets.QCheckBox(translate("FinderDialog", "Repeat"))
        self.interval = QtWidgets.QComboBox()
        self.interval.addItem(translate("FinderDialog", "every week"), 1)
        self.interval.addItem(translate("FinderDialog", "every other week"), 2)
        self.until = QtWidgets.QDateEdit(qdate(start + timedelta(days=90)), calendarPopup=True)
        self.until.setDisplayFormat(date_edit_format())
        repeat_row = QtWidgets.QHBoxLayout()
        repeat_row.addWidget(self.repeat)
        repeat_row.addWidget(self.interval)
        repeat_row.addWidget(QtWidgets.QLabel(translate("FinderDialog", "until")))
        repeat_row.addWidget(self.until)
        repeat_row.addStretch(1)
        for widget in (self.interval, self.until):
            widget.setEnabled(False)
            self.repeat.toggled.connect(widget.setEnabled)
        #: What the series would leave out and where it would cross an unknown school calendar.
        self.series_note = QtWidgets.QLabel(wordWrap=True)
        self.series_note.setObjectName("finderSeriesNote")
        self.series_note.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop | QtCore.Qt.AlignmentFlag.AlignLeft)
        #: A long series scrolls its note instead of growing the dialog past a 720-pixel screen.
        self.series_note_area = QtWidgets.QScrollArea(widgetResizable=True)
        self.series_note_area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.series_note_area.setWidget(self.series_note)
        self.series_note_area.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.series_note_area.hide()
        self.repeat.toggled.connect(self._preview_series)
        self.interval.currentIndexChanged.connect(self._preview_series)
        self.until.dateChanged.connect(self._preview_series)
        self.error = QtWidgets.QLabel(wordWrap=True)
        self.error.setProperty("role", "fieldError")

        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.create_button = buttons.addButton(translate("FinderDialog", "&Plan this slot"),
                                               QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self.create)
        buttons.rejected.connect(self.reject)

        splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.picture)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.explanation)
        layout.addWidget(splitter, 1)
        layout.addLayout(repeat_row)
        layout.addWidget(self.series_note_area)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(820, 720)

        self.duo_combo.currentIndexChanged.connect(self.run_search)
        self.from_edit.dateChanged.connect(self.run_search)
        self.to_edit.dateChanged.connect(self.run_search)
        self.minutes.valueChanged.connect(self.run_search)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.create())
        self.run_search()

    def selected_slot(self) -> scheduling.SlotView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(SLOT_ROLE) if rows else None

    def run_search(self) -> None:
        duo_id = self.duo_combo.currentData()
        self.table.setRowCount(0)
        self.create_button.setEnabled(False)
        self.error.setText("")
        if not duo_id:
            self.explanation.setText(translate("FinderDialog", "There is no duo yet: create one on the Duos page."))
            return
        try:
            search = scheduling.find_duo_slots(self.db, duo_id, pydate(self.from_edit.date()),
                                               pydate(self.to_edit.date()), self.minutes.value(),
                                               buffer_minutes=self.buffer_minutes)
        except (ValueError, ServiceError) as error:
            self.search = None
            self.explanation.setText(str(error))
            return
        self.search = search
        city = search.calendars.partner_city
        self.table.horizontalHeaderItem(2).setText(translate("FinderDialog", "Time in {city}").format(city=city))
        self.table.horizontalHeaderItem(3).setText(translate("FinderDialog", "Day in {city}").format(city=city))
        locale = QtCore.QLocale()
        self.table.setRowCount(len(search.slots))
        for row, slot in enumerate(search.slots):
            paris, partner = slot.paris_local, slot.partner_local
            shift = {1: translate("FinderDialog", " (next day)"), -1: translate("FinderDialog", " (day before)")}
            cells = [
                format_day(paris.date()),
                f"{format_wall_time(paris)}–{format_wall_time(slot.slot.end_utc.astimezone(paris.tzinfo))}",
                format_wall_time(partner),
                locale.dayName(partner.isoweekday(), QtCore.QLocale.FormatType.LongFormat)
                + shift.get(slot.partner_day_shift, ""),
                " ".join(translate("FinderDialog", "⚠ {flag}").format(flag=flag) for flag in search.unknown_for(slot)),
            ]
            for column, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                item.setData(SLOT_ROLE, slot)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        notes = [scheduling.describe_clock_change(change, city) for change in search.clock_changes]
        if search.slots:
            summary = Plural.tr("%n possible slot(s). Pick one and press “Plan this slot”.", "", len(search.slots))
        else:
            summary = " ".join(filter(None, [search.explanation, search.asynchronous_proposal]))
        self.explanation.setText("\n".join([summary, *notes, *note_lines(search.notes)]))
        self.picture.set_duo(search.calendars.paris, search.calendars.partner, city, search.start,
                             search.calendars.paris_school, search.calendars.partner_school)

    def _selection_changed(self) -> None:
        slot = self.selected_slot()
        self.create_button.setEnabled(slot is not None)
        if slot is not None:
            day = slot.paris_local.date()
            self.picture.set_week(day)
            if pydate(self.until.date()) <= day:  # a series runs at most to the end of the slot's school year
                self.until.setDate(qdate(terms.school_year_end(self.db, day)))
        self._preview_series()

    def _series_args(self, slot: scheduling.SlotView) -> tuple:
        paris = slot.paris_local
        return (paris.date(), pydate(self.until.date()), time(paris.hour, paris.minute), slot.slot.minutes,
                self.interval.currentData())

    def _preview_series(self, *_: object) -> None:
        """Under the series options: the dates it would leave out (and why) and those with an unknown calendar."""
        slot = self.selected_slot()
        if not self.repeat.isChecked() or slot is None or self.search is None:
            self.series_note_area.hide()
            return
        try:
            plan, unknown = series.plan_series(self.db, self.search.calendars.duo_id, *self._series_args(slot))
        except (ServiceError, ValueError) as error:
            self.series_note.setText(str(error))
            self.series_note_area.show()
            return
        lines = []
        if unknown:
            lines.append(Plural.tr("⚠ %n date(s) of this series where a school calendar is unknown:", "",
                                   len(unknown)))
            lines += _dates_by_reason(unknown)
        if plan.skipped:
            lines.append(translate("FinderDialog", "Left out:"))
            lines += _dates_by_reason(plan.skipped)
        self.series_note.setText("\n".join(lines))
        self.series_note_area.setVisible(bool(lines))

    def confirm_unknown(self, text: str) -> bool:
        """Ask before planning across an unknown calendar (tests replace this)."""
        answer = QtWidgets.QMessageBox.question(
            self, translate("FinderDialog", "School calendar unknown"),
            text + "\n\n" + translate("FinderDialog", "Plan the series anyway?"))
        return answer == QtWidgets.QMessageBox.StandardButton.Yes

    def create(self) -> None:
        slot = self.selected_slot()
        if slot is None or self.search is None:
            return
        duo_id = self.search.calendars.duo_id
        minutes = slot.slot.minutes
        try:
            if self.repeat.isChecked():
                try:
                    result = series.create_series(self.db, duo_id, *self._series_args(slot))
                except series.UnknownCalendarError as unknown:
                    if not self.confirm_unknown(str(unknown)):
                        self.error.setText(str(unknown))
                        return
                    result = series.create_series(self.db, duo_id, *self._series_args(slot), accept_unknown=True)
                self.created, self.skipped = result.sessions, result.skipped
            else:
                self.created = [planning.create_session(self.db, duo_id, slot.slot.start_utc, minutes)]
        except (ServiceError, ValueError) as error:
            self.error.setText(str(error))
            return
        self.accept()


def _dates_by_reason(dated: list[tuple[date, str]]) -> list[str]:
    """One line per reason with its dates ("• Vacances d'été: 06/07/2027 … 31/08/2027, 9 dates"), in date order."""
    by_reason: dict[str, list[date]] = {}
    for day, reason in sorted(dated):
        by_reason.setdefault(reason, []).append(day)
    lines = []
    for reason, days in by_reason.items():
        dates = format_date(days[0]) if len(days) == 1 else (
            f"{format_date(days[0])} … {format_date(days[-1])}, " + Plural.tr("%n date(s)", "", len(days)))
        lines.append(translate("FinderDialog", "• {reason}: {dates}").format(reason=reason, dates=dates))
    return lines
