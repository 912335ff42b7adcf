"""Exchange log area: what happened at each exchange, and what is still to log."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import replace
from datetime import UTC, datetime

from classesduo.domain import session_status
from classesduo.services.session_pages import (
    DuoNames,
    SessionQuery,
    count_sessions,
    duo_names,
    session_page,
)
from classesduo.services.views import SessionView
from classesduo.services.workspace import Database, Workspace
from classesduo.ui.log_actions import LogActions
from classesduo.ui.log_labels import cancel_reason_label
from classesduo.ui.paged_table import PagedTable
from classesduo.ui.pages.list_page import ListPage, RecordTable, text_column
from classesduo.ui.pages.sessions_columns import session_columns
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, translate
from classesduo.ui.table_model import Column

#: The service's sort key for each column (Paris time, partner time, duo, kind, minutes, status, facilitator,
#: presence, what was done).
SORT_KEYS = ("start", "start", "duo", "kind", "minutes", "status", "facilitator", "present", "activities")


class LogPage(ListPage):
    """Rows are paged from the database (the log can hold 100,000 sessions), see :mod:`classesduo.ui.paged_table`."""

    LOGGED = 0
    TO_LOG = 1

    def columns(self) -> Sequence[Column[SessionView]]:
        return [
            *session_columns(),
            text_column(lambda: translate("LogPage", "Present (Paris / partner)"), _presence),
            text_column(lambda: translate("LogPage", "What was done"),
                        lambda v: v.session.log.activities or cancel_reason_label(v.session.log.cancel_reason)),
        ]

    def make_table(self) -> RecordTable:
        return PagedTable(self.columns(), SORT_KEYS)

    def add_header_widgets(self, layout: QtWidgets.QVBoxLayout) -> None:
        self.actions: LogActions | None = None
        self._mode = -1
        self.which = QtWidgets.QComboBox()
        self.which.addItems(["", ""])
        self.which.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.which.currentIndexChanged.connect(self.refresh)
        self.log_button = QtWidgets.QPushButton()
        self.log_button.clicked.connect(self.log_unplanned)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.which)
        row.addStretch(1)
        row.addWidget(self.log_button)
        layout.addLayout(row)
        scope = QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in ((QtGui.QKeySequence(QtCore.Qt.Key.Key_Delete), self.delete_selected),
                           (QtGui.QKeySequence.StandardKey.Undo, self.undo_delete),
                           (QtGui.QKeySequence("Ctrl+Shift+Z"), self.redo), (QtGui.QKeySequence("Ctrl+Y"), self.redo)):
            QtGui.QShortcut(keys, self, slot).setContext(scope)

    def delete_selected(self) -> None:
        """Delete key: delete the selected session after confirmation (Ctrl+Z undoes it)."""
        record = self.table.selected_record()
        if record is not None and self.actions:
            self.actions.delete(record)

    def undo_delete(self) -> None:
        """Ctrl+Z: undo the latest deletion or postponement."""
        if self.actions:
            self.actions.undo()

    def redo(self) -> None:
        if self.actions:
            self.actions.redo()

    def set_actions(self, actions: LogActions) -> None:
        self.actions = actions

    def log_unplanned(self) -> None:
        if self.actions:
            self.actions.open_form()

    def open_record(self, record: SessionView) -> None:
        """Enter or double-click: log (or edit the log of) that session."""
        if self.actions:
            self.actions.open_form(session=record)

    def source(self, workspace: Workspace) -> _SessionSource:
        """Logged exchanges, or past sessions still planned (over by now)."""
        if self.which.currentIndex() == self.TO_LOG:
            now = self.actions.now() if self.actions else datetime.now(UTC)
            return _SessionSource(workspace, SessionQuery(statuses=session_status.NOT_LOGGED, ended_by=now))
        return _SessionSource(workspace, SessionQuery(statuses=session_status.LOGGED))

    def page_title(self) -> str:
        return translate("LogPage", "Exchange log")

    def empty_text(self) -> str:
        if self.workspace and self.which.currentIndex() == self.TO_LOG:
            return translate("LogPage", "Nothing to log: every past session has its outcome recorded.")
        return translate("LogPage", "No exchange logged yet — load the demo data to see a term of logs.")

    def retranslate_ui(self) -> None:
        self.which.setItemText(self.LOGGED, translate("LogPage", "Logged exchanges"))
        self.which.setItemText(self.TO_LOG, translate("LogPage", "Past sessions still to log"))
        self.log_button.setText(translate("LogPage", "Log an exchange…"))
        self.log_button.setToolTip(translate("LogPage", "Record an exchange that was not planned (Ctrl+L); "
                                                        "Enter on a row logs that session"))
        super().retranslate_ui()

    def refresh(self) -> None:
        table: PagedTable = self.table  # type: ignore[assignment]
        mode = self.which.currentIndex()
        if mode != self._mode:  # logged: newest first; to log: oldest first
            self._mode = mode
            table.set_order(0, QtCore.Qt.SortOrder.AscendingOrder if mode == self.TO_LOG
                            else QtCore.Qt.SortOrder.DescendingOrder)
        table.set_source(self.source(self.workspace) if self.workspace else None)
        self.table.empty.set_texts(self.empty_text(), translate("ListPage", "Load the demo data"))


class _SessionSource:
    """One query of the log page, asked for pages and counts by the table model.

    The duos' names (for the filter) are read once per source, in the
    background as soon as the source exists — a source lives until the page
    refreshes — so a filter keystroke costs only the sessions queries.
    """

    def __init__(self, workspace: Workspace, query: SessionQuery) -> None:
        self.workspace, self.query = workspace, query
        self._names: Future[DuoNames] = Future()
        future, db = self._names, workspace.db
        QtCore.QThreadPool.globalInstance().start(lambda: _load_names(future, db))

    def _duo_names(self, text: str) -> DuoNames | None:
        if not text.strip():
            return None
        if self._names.cancel():  # still waiting for a worker (the pool is busy): read them here, now
            return self._read_names_now()
        try:
            return self._names.result()
        except Exception:  # noqa: BLE001 - e.g. the database was busy then: try again, do not keep the failure
            return self._read_names_now()

    def _read_names_now(self) -> DuoNames:
        names = duo_names(self.workspace.db)
        self._names = Future()
        self._names.set_result(names)
        return names

    def page(self, text: str, sort: str, descending: bool, offset: int, limit: int) -> list[SessionView]:
        query = replace(self.query, text=text, sort=sort, descending=descending)
        return session_page(self.workspace.db, query, offset, limit, self._duo_names(text))

    def count(self, text: str) -> int:
        return count_sessions(self.workspace.db, replace(self.query, text=text), self._duo_names(text))


#: The calendar's list pages through the same source.
SessionSource = _SessionSource


def _load_names(future: Future[DuoNames], db: Database) -> None:
    """On a worker: the duos' names for the filter, unless the GUI thread cancelled and read them itself."""
    if not future.set_running_or_notify_cancel():
        return
    try:
        future.set_result(duo_names(db))
    except BaseException as error:  # noqa: BLE001 - handed to whoever needs the names
        future.set_exception(error)


def _presence(view: SessionView) -> str:
    log = view.session.log
    if log.present_paris is None and log.present_partner is None:
        return ""
    return f"{log.present_paris if log.present_paris is not None else '–'} / " \
           f"{log.present_partner if log.present_partner is not None else '–'}"
