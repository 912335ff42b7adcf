"""Calendar area: week and month views of the sessions (plus the list), filters, and planning.

Every session shows both local times; sessions breaking a rule carry a red
"!" badge and the reasons in their tooltip. Plan from "Find a slot…" or by
double-clicking a free time; move by dragging or in the edit dialog.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from classesduo.domain.entities import ExchangeSession
from classesduo.domain.enums import SessionStatus
from classesduo.domain.scheduling import SchoolCalendar
from classesduo.domain.timezones import PARIS, PARIS_ZONE, LocalTimeError, local_to_utc
from classesduo.services import planning, scheduling
from classesduo.services.duo_calendars import duo_hours
from classesduo.services.duos import count_duos, list_duos
from classesduo.services.facilitators import list_facilitators
from classesduo.services.session_pages import SessionQuery
from classesduo.services.sessions import list_sessions, session_starts, sessions_by_ids
from classesduo.services.errors import ServiceError
from classesduo.services.views import DuoView, SessionView
from classesduo.services.workspace import Workspace
from classesduo.settings import Settings
from classesduo.ui.calendar.item_keys import TableItemKeys
from classesduo.ui.calendar.items import CalendarItem
from classesduo.ui.changes import Changes, Kind
from classesduo.ui.calendar.month_view import MonthView, month_grid_start
from classesduo.ui.calendar.toolbar import CalendarToolbar
from classesduo.ui.calendar.week_view import WeekView
from classesduo.ui.dialogs import Dialogs
from classesduo.ui.formatting import format_date
from classesduo.ui.pages.list_page import text_column
from classesduo.ui.pages.log_page import SessionSource
from classesduo.ui.paged_table import PagedTable
from classesduo.ui.pages.sessions_columns import session_columns
from classesduo.ui.collation import sorted_by_text
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, Signal, translate

if TYPE_CHECKING:
    from classesduo.ui.operations import Operation

log = logging.getLogger(__name__)

#: Up to this many sessions in the range, the shown visios' rule problems are checked at once; more go to a
#: worker (the check reads every visio of the range, shown or filtered out).
FLAGS_ON_GUI_THREAD = 150
#: What each column of the list sorts by in the database (the problems are not sortable).
LIST_SORT_KEYS = ("start", "start", "duo", "kind", "minutes", "status", "facilitator", None)
#: Up to this many duos, the filters' duos are read at once; more on a worker.
DUOS_ON_GUI_THREAD = 200
#: How long the rule check waits for the first paint before it starts.
FLAGS_DELAY_MS = 50
#: A month cell shows at most this many sessions of a day (then "+N more"); only those are read in full.
MONTH_ROWS = 8


def beginning_of_time() -> datetime:
    return datetime(1900, 1, 1, tzinfo=UTC)


def end_of_time() -> datetime:
    return datetime(9000, 1, 1, tzinfo=UTC)


def paris_today() -> date:
    return datetime.now(PARIS).date()


class CalendarPage(QtWidgets.QWidget):
    demo_requested = Signal()
    changed = Signal(object)  # a Changes: the page wrote sessions (it has refreshed itself)
    log_requested = Signal(str)  # a session's id: open the exchange log form on it
    flags_shown = Signal()  # the rule problems of the shown visios are drawn

    def __init__(self, dialogs: Dialogs | None = None, settings: Callable[[], Settings] | None = None,
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialogs = dialogs or Dialogs()
        self.settings = settings or Settings
        self.workspace: Workspace | None = None
        self.today = paris_today()
        self.now = lambda: datetime.now(UTC)  # tests set the clock
        self.anchor = self.today
        self.mode = "week"
        self.duos: dict[str, DuoView] = {}
        #: Each duo's (Paris, partner) weekly hours: where a week without a visio opens.
        self.duo_hours: dict[str, tuple[SchoolCalendar, SchoolCalendar]] = {}
        self._duos_stale = True  # read again at the next refresh
        self._duos_loading = 0  # duo lists being read on a worker
        self.items: list[CalendarItem] = []
        self._flags_generation = 0
        self._month_counts: dict[date, int] = {}
        self._range_size = 0  # sessions in the range just read, shown or not
        self._flags_operation: Operation | None = None
        #: True while a worker checks the shown visios' rules; ``flags_shown`` is emitted when they are drawn.
        self.flags_pending = False
        #: How dialogs are shown; tests replace it to fill a real dialog instead of running its modal loop.
        #: Call :meth:`show_dialog`, which frees the dialog once it is closed.
        self.run_dialog: Callable[[QtWidgets.QDialog], int] = lambda dialog: dialog.exec()

        self.title_label = QtWidgets.QLabel()
        self.title_label.setObjectName("pageTitle")
        self.toolbar = CalendarToolbar()
        self.week = WeekView()
        self.month = MonthView()
        self._list_flags: dict[str, str] = {}
        problems = text_column(lambda: translate("Calendar", "Problems"),
                               lambda v: self._list_flags.get(v.session.id or "", ""))
        self.table = PagedTable([*session_columns(), problems], LIST_SORT_KEYS)  # paged from the database
        self.table.set_order(0, QtCore.Qt.SortOrder.AscendingOrder)
        self.table.empty_action.connect(self.demo_requested)
        self.table.activated.connect(lambda view: self.edit_session(view.session.id))
        self.stack = QtWidgets.QStackedWidget()
        for widget in (self.week, self.month, self.table):
            self.stack.addWidget(widget)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.stack, 1)
        from classesduo.ui.calendar.sync_bar import SyncBar

        self.sync_bar = SyncBar(self.dialogs, self)  # CalDAV: state, Sync now; pushes each change when it can
        layout.addWidget(self.sync_bar)
        from classesduo.ui.pages.managed_list import add_undo_actions

        #: Ctrl+Z / Ctrl+Shift+Z: planning (one visio or a series), moving and deleting visios (``ui/calendar/undo_commands.py``).
        self.undo_stack = QtGui.QUndoStack(self)
        self.undo_action, self.redo_action = add_undo_actions(self, self.undo_stack)

        bar = self.toolbar
        bar.view_changed.connect(self.set_mode)
        bar.filters_changed.connect(self.refresh)
        bar.previous_button.clicked.connect(lambda: self.step(-1))
        bar.next_button.clicked.connect(lambda: self.step(1))
        bar.today_button.clicked.connect(self.go_today)
        bar.find_button.clicked.connect(lambda: self.find_slot())
        bar.all_button.clicked.connect(self.find_all_slots)
        bar.new_button.clicked.connect(lambda: self.new_session())
        bar.export_button.clicked.connect(self.export_ics)
        self.week.canvas.create_requested.connect(self.new_session)
        self.week.canvas.edit_requested.connect(lambda item: self.edit_session(item.session_id))
        self.week.canvas.move_requested.connect(self.move_item)
        self.month.edit_requested.connect(lambda item: self.edit_session(item.session_id))
        self.month.day_activated.connect(self.open_week_of)
        # A session's actions (right-click, the Menu key, Delete, F2), the same in the week, the month and the list.
        extra_actions = [(lambda: translate("Calendar", "Log this exchange…"),
                          lambda item: self.log_requested.emit(item.session_id))]
        for view in (self.week.canvas, self.month):
            view.extra_actions = extra_actions
            view.delete_action = self.delete_item
        self.list_keys = TableItemKeys(self.table, extra_actions, self.delete_item)
        self.list_keys.edit_requested.connect(lambda item: self.edit_session(item.session_id))
        bar.view_buttons["week"].setChecked(True)
        self.retranslate_ui()

    # state -------------------------------------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.undo_stack.clear()
        self.sync_bar.set_workspace(workspace)
        self._duos_stale = True
        self.duos, self.duo_hours = {}, {}
        self.refresh()

    def buffer_minutes(self) -> int:
        return self.settings().buffer_minutes

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.toolbar.view_buttons[mode].setChecked(True)
        self.stack.setCurrentWidget({"week": self.week, "month": self.month, "list": self.table}[mode])
        self.refresh()

    def step(self, direction: int) -> None:
        if self.mode == "month":
            month = self.anchor.month - 1 + direction
            self.anchor = date(self.anchor.year + month // 12, month % 12 + 1, 1)
        else:
            self.anchor += timedelta(weeks=direction)
        self.refresh()

    def go_today(self) -> None:
        self.today = paris_today()
        self.anchor = self.today
        self.refresh()

    def open_week_of(self, day: date) -> None:
        self.anchor = day
        self.set_mode("week")

    def visible_range(self) -> tuple[date, date]:
        if self.mode == "month":
            start = month_grid_start(self.anchor.replace(day=1))
            return start, start + timedelta(days=42)
        monday = self.anchor - timedelta(days=self.anchor.weekday())
        return monday, monday + timedelta(days=7)

    def _utc(self, day: date) -> datetime:
        return datetime.combine(day, time(), PARIS).astimezone(UTC)

    def note_changes(self, changes: Changes) -> None:
        """Told by the window before it refreshes (or marks stale) this page: reread the duos if they changed."""
        if changes.kinds & {Kind.DUOS, Kind.SCHOOLS}:
            self._duos_stale = True

    def _load_duos(self) -> None:
        """The duos and facilitators of the filters (and dialogs): at once for a few, on a worker for many.

        Read again only after a change to duos, schools or facilitators, not at every week or month shown.
        """
        if not self._duos_stale or self.workspace is None:
            return
        self._duos_stale = False
        db = self.workspace.db
        if count_duos(db) <= DUOS_ON_GUI_THREAD:
            self._set_duos(list_duos(db), list_facilitators(db), duo_hours(db))
            return
        from classesduo.ui.operations import Operation

        self._duos_loading += 1
        operation = Operation(lambda _progress, _cancelled: (list_duos(db), list_facilitators(db), duo_hours(db)),
                              self)
        operation.succeeded.connect(lambda result: self._duos_loaded(db, *result))
        operation.failed.connect(lambda error, _details: self._duos_failed(error))
        for signal in (operation.succeeded, operation.failed):
            signal.connect(operation.deleteLater)
        QtCore.QTimer.singleShot(FLAGS_DELAY_MS, operation.start)  # once the sessions are painted

    def _duos_loaded(self, db: object, duos: list[DuoView], facilitators: list,  # noqa: ANN401
                     hours: dict[str, tuple[SchoolCalendar, SchoolCalendar]]) -> None:
        self._duos_loading -= 1
        if self.workspace is not None and self.workspace.db is db:
            self._set_duos(duos, facilitators, hours)

    def _duos_failed(self, error: BaseException) -> None:
        self._duos_loading -= 1
        self._duos_stale = True  # try again at the next refresh
        log.warning("reading the duos for the calendar's filters failed: %s", error)

    def _set_duos(self, duos: list[DuoView], facilitators: list,  # noqa: ANN401
                  hours: dict[str, tuple[SchoolCalendar, SchoolCalendar]] | None = None) -> None:
        self.duos = {view.duo.id or "": view for view in duos}
        self.toolbar.set_choices([(f.id or "", f.name) for f in facilitators], duos)
        if hours is not None:
            self.duo_hours = hours
            self.week.set_timetables(self._shown_timetables())

    def _shown_timetables(self) -> list[tuple[SchoolCalendar, SchoolCalendar]]:
        """The hours of the duos the filters keep (every duo without a filter)."""
        kept = self._kept_duos()
        if kept is None:
            return list(self.duo_hours.values())
        keep = set(kept)
        return [pair for key, pair in self.duo_hours.items() if key in keep]

    def _duo_views(self) -> dict[str, DuoView]:
        """The duos now (read here if the worker has not brought them yet): what a dialog offers."""
        if self._duos_loading and self.workspace is not None:
            self._set_duos(list_duos(self.workspace.db), list_facilitators(self.workspace.db))
        return self.duos

    def _kept_duos(self) -> tuple[str, ...] | None:
        """The duos the toolbar's filters keep (None: no filter, every duo)."""
        if not any(self.toolbar.filters()):
            return None
        return tuple(key for key in self.duos if self._keep_duo(key))

    def _keep(self, view: SessionView) -> bool:
        return self._keep_duo(view.session.duo_id)

    def _keep_duo(self, session_duo: str) -> bool:
        facilitator, duo_id, school = self.toolbar.filters()
        duo = self.duos.get(session_duo)
        if duo_id and session_duo != duo_id:
            return False
        if facilitator and (duo is None or duo.duo.facilitator_id != facilitator):
            return False
        return not school or (duo is not None and school in (duo.paris.school, duo.partner.school))

    def refresh(self) -> None:
        self.title_label.setText(translate("CalendarPage", "Calendar"))
        if self.workspace is None:
            self.items = []
            self.table.set_source(None)
            return
        db = self.workspace.db
        self._load_duos()
        if self.mode == "list":
            start = None if self.toolbar.show_past.isChecked() else datetime.now(UTC) - timedelta(hours=12)
            self._list_flags = {}
            self.table.set_source(SessionSource(self.workspace, SessionQuery(start=start, duo_ids=self._kept_duos())))
            total = self.table.model.total  # type: ignore[attr-defined]
            self._range_size = total if total is not None else FLAGS_ON_GUI_THREAD + 1  # more than a page
            self._load_flags(None, start or beginning_of_time(), end_of_time())
            self.table.empty.set_texts(self.empty_text(), translate("ListPage", "Load the demo data")
                                       if not self.duos and not self._duos_loading else "")
            self.toolbar.period_label.setText(translate("Calendar", "All sessions") if start is None
                                              else translate("Calendar", "Upcoming sessions"))
            return
        first, last = self.visible_range()
        start, end = self._utc(first), self._utc(last)
        if self.mode == "month":
            views = self._month_sessions(start, end)
        else:
            every = list_sessions(db, start=start, end=end)
            self._range_size = len(every)
            views = [v for v in every if self._keep(v)]
        self.items = [CalendarItem(v) for v in views]
        self._show_items()
        self._load_flags(views, start, end)
        locale = QtCore.QLocale()
        if self.mode == "month":
            self.toolbar.period_label.setText(locale.standaloneMonthName(self.anchor.month) + f" {self.anchor.year}")
        else:
            period = translate("Calendar", "Week of {monday} – {sunday} (Paris time)")
            self.toolbar.period_label.setText(period.format(monday=format_date(first),
                                                            sunday=format_date(last - timedelta(days=1))))

    def _month_sessions(self, start: datetime, end: datetime) -> list[SessionView]:
        """The first sessions of each day of the grid, read in full; the others only counted (``+N more``)."""
        assert self.workspace is not None
        per_day: dict[date, list[str]] = {}
        starts = session_starts(self.workspace.db, start, end)
        self._range_size = len(starts)
        for key, duo_id, begin in starts:
            if self._keep_duo(duo_id):
                per_day.setdefault(begin.astimezone(PARIS).date(), []).append(key)
        self._month_counts = {day: len(keys) for day, keys in per_day.items()}
        return sessions_by_ids(self.workspace.db, [key for keys in per_day.values() for key in keys[:MONTH_ROWS]])

    def _show_items(self) -> None:
        if self.mode == "month":
            self.month.set_month(self.anchor.replace(day=1), self.items, self.today, self._month_counts)
        else:
            self.week.timetables = self._shown_timetables()
            self.week.set_week(self.visible_range()[0], self.items, self.today)

    def _load_flags(self, views: list[SessionView] | None, start: datetime, end: datetime) -> None:
        """The shown visios' rule problems (``views`` None: every planned visio of the range, for the paged list):
        here for a small range, on a worker for a large one (the views show them when done)."""
        assert self.workspace is not None
        self._flags_generation += 1
        self.flags_pending = False
        if self._flags_operation is not None:  # a check for what was shown before: its result is dropped
            self._flags_operation.cancel()
            self._flags_operation.deleteLater()
            self._flags_operation = None
        ids = None if views is None else {view.session.id or "" for view in views
                                           if view.session.status is SessionStatus.PLANNED}
        if ids is not None and not ids:
            return
        db, buffer, generation = self.workspace.db, self.buffer_minutes(), self._flags_generation

        def work(_progress: object = None, _cancelled: object = None) -> dict[str, list[str]]:
            return scheduling.session_flags(db, start, end, buffer, session_ids=ids)

        if self._range_size <= FLAGS_ON_GUI_THREAD:
            self._apply_flags(generation, work())
            return
        from classesduo.ui.operations import Operation

        operation = Operation(work, self)
        operation.succeeded.connect(lambda flags: self._apply_flags(generation, flags))
        operation.failed.connect(lambda error, _details: log.warning("checking the calendar's rules failed: %s",
                                                                     error))
        for signal in (operation.succeeded, operation.failed):
            signal.connect(operation.deleteLater)
        self._flags_operation = operation
        self.flags_pending = True
        # Started once the sessions are painted: a Python worker shares the interpreter with the GUI thread.
        QtCore.QTimer.singleShot(FLAGS_DELAY_MS, lambda: self._start_flags(operation))

    def _start_flags(self, operation: Operation) -> None:
        if self._flags_operation is operation:  # not replaced by a newer refresh meanwhile
            operation.start()

    def _apply_flags(self, generation: int, flags: dict[str, list[str]]) -> None:
        if generation != self._flags_generation:  # the page moved on meanwhile
            return
        self._flags_operation = None
        self.flags_pending = False
        if self.mode == "list":
            self._list_flags = {key: "⚠ " + " ".join(texts) for key, texts in flags.items()}
            model = self.table.model
            if model.rowCount():
                model.dataChanged.emit(model.index(0, model.columnCount() - 1),
                                       model.index(model.rowCount() - 1, model.columnCount() - 1))
        elif flags:
            self.items = [CalendarItem(item.view, tuple(flags.get(item.session_id, ()))) for item in self.items]
            self._show_items()
        self.flags_shown.emit()

    def empty_text(self) -> str:
        if not self.toolbar.show_past.isChecked():
            return translate("CalendarPage", "No upcoming sessions. Tick “Show past sessions” to see earlier ones, "
                                             "or plan one with “Find a slot…”.")
        return translate("CalendarPage", "No sessions yet — use “Find a slot…” to plan one, "
                                         "or load the demo data.")

    def focus_filter(self) -> None:
        if self.mode == "list":
            self.table.filter_edit.setFocus()
        else:
            self.toolbar.duo_combo.setFocus()

    def retranslate_ui(self) -> None:
        self.title_label.setText(translate("CalendarPage", "Calendar"))
        self.toolbar.retranslate_ui()
        self.table.retranslate_ui()

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # actions ----------------------------------------------------------------------------------------------
    def show_dialog(self, dialog: QtWidgets.QDialog) -> int:
        """Run ``dialog``; once closed it is deleted, with its database handle and results (not kept under the page).

        The deletion waits for the event loop, so the caller still reads the dialog's results after this returns.
        """
        try:
            return self.run_dialog(dialog)
        finally:
            if dialog.isVisible():  # left open (a test driving it): freed when it closes
                dialog.finished.connect(dialog.deleteLater)
            else:
                dialog.deleteLater()

    def _duo_list(self) -> list[DuoView]:
        return sorted_by_text(self._duo_views().values(), lambda view: view.label)

    def _after_change(self, *duo_ids: str | None) -> None:
        self.refresh()
        self.changed.emit(Changes.sessions(*duo_ids))

    def find_slot(self, duo_id: str | None = None, start: date | None = None,
                  parent: QtWidgets.QWidget | None = None) -> bool:
        """The single-duo finder (Find a slot…); True when it planned a visio."""
        from classesduo.ui.calendar.finder_actions import find_slot

        return find_slot(self, duo_id, start, parent)

    def find_all_slots(self) -> None:
        """Common times for every duo over the current term (All duos…)."""
        from classesduo.ui.calendar.finder_actions import find_all_slots

        find_all_slots(self)

    def new_session(self, day: date | None = None, wall: time | None = None) -> None:
        from classesduo.ui.calendar.session_dialog import SessionDialog

        if self.workspace is None:
            return
        if not self._duo_views():
            self.dialogs.info(self, translate("CalendarPage", "No duo"), translate(
                "CalendarPage", "Plan a visio for a duo: create one on the Duos page first."))
            return
        dialog = SessionDialog(self.workspace.db, self._duo_list(), self.buffer_minutes(), parent=self)
        if day is None:  # the toolbar's New visio: the duo's next free slot, never a time already past
            shown = datetime.combine(self.anchor, time(0), tzinfo=PARIS)
            dialog.prefill_first_free(self.toolbar.filters()[1] or None, max(self.now(), shown))
        else:
            dialog.prefill(self.toolbar.filters()[1] or None, day, wall or time(15, 0))
        if self.show_dialog(dialog) and dialog.saved is not None:
            self._after_change(dialog.saved.duo_id)
            self.push_planned([dialog.saved])

    # undo ----------------------------------------------------------------------------------------------
    def push_planned(self, sessions: list) -> None:
        """Ctrl+Z deletes what was just planned (redo puts it back with the same id)."""
        from classesduo.ui.calendar.undo_commands import PlanVisios

        if self.workspace is not None and sessions:
            self.undo_stack.push(PlanVisios(self.workspace.db, self._after_change, self._undo_failed, sessions))

    def delete_item(self, item: CalendarItem) -> None:
        """The Delete key or "Delete visio…" on a session: after a confirmation naming it, deleted; Ctrl+Z puts it back.

        A logged (held, cancelled, postponed) visio is deleted with its log, as on the Exchange log: the question says
        its status and that the log goes too."""
        from classesduo.services.exchange_log import delete_session
        from classesduo.ui.calendar.undo_commands import DeleteVisio
        from classesduo.ui.formatting import format_local, session_status_label

        session = item.view.session
        if self.workspace is None or session.id is None:
            return
        question = translate("CalendarPage", "Delete the {status} visio of {when} ({duo}) and its log? "
                                             "You can undo this with Ctrl+Z.").format(
            status=session_status_label(session.status).lower(),
            when=format_local(session.start_utc, item.view.paris_timezone), duo=item.view.duo_label)
        if not self.dialogs.confirm(self, translate("CalendarPage", "Delete a visio"), question):
            return
        try:
            deleted = delete_session(self.workspace.db, session.id)
        except ServiceError as error:
            self.dialogs.error(self, str(error))
            return
        self._after_change(session.duo_id)
        self.undo_stack.push(DeleteVisio(self.workspace.db, self._after_change, self._undo_failed, deleted,
                                         session.duo_id))

    def _undo_failed(self, message: str) -> None:
        self.dialogs.error(self, message)

    def edit_session(self, session_id: str | None) -> None:
        from classesduo.ui.calendar.session_dialog import SessionDialog

        if self.workspace is None or session_id is None:
            return
        try:
            session = planning.get_session(self.workspace.db, session_id)
        except ServiceError as error:
            self.dialogs.error(self, str(error))
            return
        dialog = SessionDialog(self.workspace.db, self._duo_list(), self.buffer_minutes(), session, self)
        dialog.invitation_requested.connect(lambda s: self.show_invitation(s, dialog))
        dialog.log_requested.connect(lambda s: self.log_requested.emit(s.id))
        if self.show_dialog(dialog) and dialog.saved is not None:
            self._after_change(dialog.saved.duo_id)
            self.offer_update_mail(session, dialog.saved)

    def offer_update_mail(self, before: ExchangeSession, after: ExchangeSession) -> None:
        """After a visio was moved or cancelled, offer the schools the updated invitation or the cancellation."""
        from classesduo.ui.calendar.invitation_offer import offer_update_mail

        if self.workspace is not None:
            offer_update_mail(self.workspace.db, self.dialogs, self, before, after, self.show_dialog)

    def show_invitation(self, session: ExchangeSession | None, parent: QtWidgets.QWidget | None = None) -> None:
        from classesduo.ui.calendar.invitation_offer import show_invitation

        if self.workspace is not None and session is not None:
            show_invitation(self.workspace.db, session, parent or self, self.show_dialog)

    def move_item(self, item: CalendarItem, day: date, wall: time) -> None:
        """A dragged session dropped on a new Paris date and time."""
        if self.workspace is None:
            return
        try:
            instant = local_to_utc(day, wall, PARIS_ZONE)
        except LocalTimeError as error:
            self.dialogs.error(self, translate("CalendarPage", "{reason}. Open the session to choose the time.")
                               .format(reason=str(error).rstrip(".")))
            return
        session = item.view.session
        problems = scheduling.problems_for(self.workspace.db, session.duo_id, instant, session.minutes, session.id,
                                           self.buffer_minutes())
        if problems and not self.dialogs.confirm(self, translate("CalendarPage", "Move the visio?"), translate(
                "CalendarPage", "At {date} {time} (Paris time) this visio breaks a rule:\n{problems}\n\nMove it "
                                "anyway?").format(date=format_date(day), time=f"{wall:%H:%M}",
                                                  problems="\n".join(f"• {p}" for p in problems))):
            return
        try:
            moved = planning.move_session(self.workspace.db, session.id or "", instant, version=session.version)
        except (ServiceError, ValueError) as error:
            self.dialogs.error(self, str(error))
            moved = None
        self._after_change(session.duo_id)
        if moved is not None:
            from classesduo.ui.calendar.undo_commands import MoveVisio

            self.undo_stack.push(MoveVisio(self.workspace.db, self._after_change, self._undo_failed, session.id or "",
                                           session.duo_id, session.start_utc, moved.start_utc))
            self.offer_update_mail(session, moved)

    def export_ics(self) -> None:
        from classesduo.services.ics_export import ExportScope, export_ics, visio_count
        from classesduo.ui.operations import run_with_progress

        if self.workspace is None:
            return
        facilitator, duo_id, _school = self.toolbar.filters()
        scope = ExportScope(duo_id=duo_id or None, facilitator_id=None if duo_id else facilitator or None)
        what = (translate("CalendarPage", "the visios of the chosen duo") if scope.duo_id else
                translate("CalendarPage", "the visios of the chosen facilitator") if scope.facilitator_id else
                translate("CalendarPage", "every visio"))
        if visio_count(self.workspace.db, scope) == 0:
            self.dialogs.info(self, translate("CalendarPage", "Nothing to export"), translate(
                "CalendarPage", "There is no visio to export here yet: plan one (Ctrl+N) or find a slot "
                                "(Ctrl+Shift+F) first."))
            return
        target = self.dialogs.save_file(self, translate("CalendarPage", "Export {what} as .ics").format(what=what),
                                        str(Path.home() / "classes-duo.ics"),
                                        translate("CalendarPage", "iCalendar files (*.ics)"))
        if not target:
            return
        path = Path(target) if Path(target).suffix else Path(target).with_suffix(".ics")
        db = self.workspace.db
        self._export = run_with_progress(
            self, translate("CalendarPage", "Writing {path}…").format(path=path),
            lambda progress, cancelled: export_ics(db, path, scope),
            lambda count: self.dialogs.info(self, translate("CalendarPage", "Export done"), translate(
                "CalendarPage", "{count} visios written to {path}.").format(count=count, path=path)),
            lambda error, details: self.dialogs.error(self, str(error), details))
