"""Common times for every duo…: the overlap finder over a term for the whole programme, one row per duo.

Each row gives the number of slots, the first one on the Paris clock and on
the partner's clock, or why there is none. The search runs off the GUI thread
with progress and cancel; double-click (or Enter on) a row to open the
single-duo finder for that duo and plan a visio.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import shiboken6

from classesduo.domain.i18n import Plural
from classesduo.domain.enums import DuoStatus
from classesduo.services import scheduling
from classesduo.services.term_slots import SlotSearchCancelled, find_slots_for_duos
from classesduo.services.workspace import Database
from classesduo.ui.calendar.calendar_notes import note_lines, unknown_years
from classesduo.ui.calendar.time_entry import pydate, qdate
from classesduo.ui.formatting import date_edit_format, format_date, format_day_time, format_wall_time
from classesduo.ui.operations import Operation, run_with_progress
from classesduo.ui.pages.list_page import RecordTable, text_column
from classesduo.ui.base_dialog import Dialog
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, translate

SlotSearch = scheduling.SlotSearch
#: Duos without a slot sort after every first slot.
NEVER = datetime.max.replace(tzinfo=UTC)
#: The duo column never takes more than this, so the times and reasons stay in view.
MAX_DUO_WIDTH = 380


def _first_paris(search: SlotSearch) -> str:
    first = search.first_slot
    if first is None:
        return ""
    return format_day_time(first.paris_local)


def _first_partner(search: SlotSearch) -> str:
    first = search.first_slot
    if first is None:
        return ""
    day = QtCore.QLocale().toString(QtCore.QDate(first.partner_local.year, first.partner_local.month,
                                                 first.partner_local.day), "ddd")
    shift = {1: translate("TermSlotsDialog", " (next day)"),
             -1: translate("TermSlotsDialog", " (day before)")}.get(first.partner_day_shift, "")
    return f"{day} {format_wall_time(first.partner_local)} {search.calendars.partner_city}{shift}"


def _first_key(search: SlotSearch) -> datetime:
    first = search.first_slot
    return first.slot.start_utc if first else NEVER


def columns() -> list:
    return [
        text_column(lambda: translate("TermSlotsDialog", "Duo"), lambda s: s.calendars.view.label),
        text_column(lambda: translate("TermSlotsDialog", "Facilitator"), lambda s: s.calendars.view.facilitator),
        text_column(lambda: translate("TermSlotsDialog", "Slots"), lambda s: str(len(s.slots)),
                    sort_key=lambda s: len(s.slots), align_right=True),
        text_column(lambda: translate("TermSlotsDialog", "First slot (Paris)"), _first_paris, sort_key=_first_key),
        text_column(lambda: translate("TermSlotsDialog", "Partner's time"), _first_partner,
                    sort_key=lambda s: (s.first_slot.partner_local.time() if s.first_slot else datetime.max.time(),
                                        s.calendars.partner_city)),
        text_column(lambda: translate("TermSlotsDialog", "School calendars"), lambda s: unknown_years(s.unknown)),
        text_column(lambda: translate("TermSlotsDialog", "Why none"), lambda s: s.explanation),
    ]


class TermSlotsDialog(Dialog):
    def __init__(self, db: Database, buffer_minutes: int, start: date, end: date,
                 open_finder: Callable[[str, date], bool] | None = None,
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.buffer_minutes = buffer_minutes
        self.open_finder = open_finder
        self.searches: list[SlotSearch] | None = None
        self.operation: Operation | None = None

        self.from_label, self.to_label, self.length_label = QtWidgets.QLabel(), QtWidgets.QLabel(), QtWidgets.QLabel()
        self.from_edit = QtWidgets.QDateEdit(qdate(start), calendarPopup=True)
        self.to_edit = QtWidgets.QDateEdit(qdate(end), calendarPopup=True)
        for label, edit in ((self.from_label, self.from_edit), (self.to_label, self.to_edit)):
            edit.setDisplayFormat(date_edit_format())
            label.setBuddy(edit)
        self.minutes = QtWidgets.QSpinBox(minimum=15, maximum=240, singleStep=15, value=45)
        self.length_label.setBuddy(self.minutes)
        self.active_only = QtWidgets.QCheckBox(checked=True)
        self.search_button = QtWidgets.QPushButton()
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        top = QtWidgets.QHBoxLayout()
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit, self.length_label, self.minutes,
                       self.active_only):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.search_button)

        self.summary = QtWidgets.QLabel(wordWrap=True)
        self.summary.setObjectName("termSlotsSummary")
        self.without_only = QtWidgets.QCheckBox()
        self.without_only.toggled.connect(self._show_records)
        summary_row = QtWidgets.QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.without_only)
        self.table = RecordTable(columns())
        self.table.view.setWordWrap(False)  # one line per duo; the selected duo's full reason shows below
        self.table.view.horizontalHeader().setSectionResizeMode(len(columns()) - 1,
                                                               QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open_duo)
        self.table.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = QtWidgets.QLabel(wordWrap=True)
        self.detail.setObjectName("termSlotsDetail")
        self.detail.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(summary_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(buttons)
        self.resize(1100, 640)
        find = QtGui.QAction(self)
        find.setShortcut(QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.Find))
        find.triggered.connect(lambda: self.table.filter_edit.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason))
        self.addAction(find)
        self.retranslate_ui()
        QtCore.QTimer.singleShot(0, self, self.search)

    # searching ---------------------------------------------------------------------------------------------
    def search(self) -> None:
        """Run the finder for every (active) duo over the chosen dates, off the GUI thread."""
        if self.operation is not None:
            return
        start, end, minutes = pydate(self.from_edit.date()), pydate(self.to_edit.date()), self.minutes.value()
        try:
            scheduling.check_range(start, end)
        except ValueError as error:
            self._show_error(str(error))
            return
        statuses = [DuoStatus.ACTIVE] if self.active_only.isChecked() else None
        db, buffer = self.db, self.buffer_minutes
        self.search_button.setEnabled(False)
        self.summary.setText(translate("TermSlotsDialog", "Looking for common times…"))
        self.operation = run_with_progress(
            self, translate("TermSlotsDialog", "Looking for common times from {start} to {end}…").format(
                start=format_date(start), end=format_date(end)),
            lambda progress, cancelled: find_slots_for_duos(db, start, end, minutes, buffer_minutes=buffer,
                                                            statuses=statuses, progress=progress,
                                                            cancelled=cancelled),
            self._found, self._failed)

    def _found(self, searches: list[SlotSearch]) -> None:
        if not shiboken6.isValid(self):
            return
        self.operation = None
        self.search_button.setEnabled(True)
        self.searches = searches
        self._show_records()
        if searches:
            self.table.view.setFocus()  # arrows and Enter work on the results at once

    def _failed(self, error: BaseException, _details: str) -> None:
        if not shiboken6.isValid(self):
            return
        self.operation = None
        self.search_button.setEnabled(True)
        if isinstance(error, SlotSearchCancelled):
            self.summary.setText(translate("TermSlotsDialog", "Search cancelled. Press “Search” to try again."))
        else:
            self._show_error(str(error))

    def _show_error(self, text: str) -> None:
        self.searches = None
        self.summary.setText(text)
        self.table.set_records([])
        self.table.empty.set_texts(text, "")

    def _show_records(self) -> None:
        if self.searches is None:
            return
        searches = self.searches
        with_slots = sum(1 for search in searches if search.slots)
        summary = translate("TermSlotsDialog", "{total} duos from {start} to {end}: {with_slots} with common times, "
                                               "{without} without.")
        text = summary.format(total=len(searches), start=format_date(pydate(self.from_edit.date())),
                              end=format_date(pydate(self.to_edit.date())), with_slots=with_slots,
                              without=len(searches) - with_slots)
        unknown = sum(1 for search in searches if search.unknown)
        if unknown:
            text += " " + Plural.tr("⚠ %n duo(s) with a school calendar unknown in these dates "
                                    "(see “School calendars”).", "", unknown)
        self.summary.setText(text)
        shown = [search for search in searches if not search.slots] if self.without_only.isChecked() else searches
        self.table.set_records(shown)
        header = self.table.view.horizontalHeader()
        if header.sectionSize(0) > MAX_DUO_WIDTH:  # long school names must leave room for the times
            header.resizeSection(0, MAX_DUO_WIDTH)
        self.table.empty.set_texts(self._empty_text(), "")
        self.detail.setText("")

    def _empty_text(self) -> str:
        if self.searches:
            return translate("TermSlotsDialog", "Every duo has common times in these dates.")
        if self.active_only.isChecked():
            return translate("TermSlotsDialog", "No active duo. Untick “Active duos only” to include proposed, "
                                                "paused and closed duos.")
        return translate("TermSlotsDialog", "There is no duo yet: create one on the Duos page.")

    # rows --------------------------------------------------------------------------------------------------
    def _selection_changed(self, *_: object) -> None:
        search = self.table.selected_record()
        if search is None:
            self.detail.setText("")
            return
        city = search.calendars.partner_city
        lines = [search.calendars.view.label]
        if search.slots:
            lines.append(Plural.tr("%n possible slot(s). Double-click to see them all and plan one.", "",
                                   len(search.slots)))
        else:
            lines.append(" ".join(filter(None, [search.explanation, search.asynchronous_proposal])))
        lines += [scheduling.describe_clock_change(change, city) for change in search.clock_changes]
        lines += note_lines(search.notes)
        self.detail.setText("\n".join(lines))

    def _open_duo(self, search: SlotSearch | None) -> None:
        if search is None or self.open_finder is None:
            return
        first = search.first_slot
        start = first.paris_local.date() if first else pydate(self.from_edit.date())
        if self.open_finder(search.calendars.duo_id, start):
            self.search()  # the new visio takes time from the facilitator's and the classes' other duos

    def done(self, result: int) -> None:  # noqa: D102 - cancel a search still running
        if self.operation is not None:
            self.operation.cancel()
        super().done(result)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(translate("TermSlotsDialog", "Common times for every duo"))
        self.from_label.setText(translate("TermSlotsDialog", "&From:"))
        self.to_label.setText(translate("TermSlotsDialog", "&to:"))
        self.length_label.setText(translate("TermSlotsDialog", "&Length:"))
        self.minutes.setSuffix(translate("TermSlotsDialog", " min"))
        self.active_only.setText(translate("TermSlotsDialog", "&Active duos only"))
        self.active_only.setToolTip(translate("TermSlotsDialog", "Leave out proposed, paused and closed duos"))
        self.search_button.setText(translate("TermSlotsDialog", "&Search"))
        self.without_only.setText(translate("TermSlotsDialog", "Only duos &without common times"))
        self.table.retranslate_ui()
        self._show_records()

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
