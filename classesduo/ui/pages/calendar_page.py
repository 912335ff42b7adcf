"""Calendar area: sessions in time order, upcoming first, with both schools' local times."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from classesduo.services.sessions import list_sessions
from classesduo.services.views import SessionView
from classesduo.services.workspace import Workspace
from classesduo.ui.pages.list_page import ListPage
from classesduo.ui.pages.sessions_columns import session_columns
from classesduo.ui.qt import QtWidgets, translate
from classesduo.ui.table_model import Column


class CalendarPage(ListPage):
    def columns(self) -> Sequence[Column[SessionView]]:
        return session_columns()

    def add_header_widgets(self, layout: QtWidgets.QVBoxLayout) -> None:
        self.show_past = QtWidgets.QCheckBox()
        self.show_past.toggled.connect(self.refresh)
        layout.addWidget(self.show_past)

    def load(self, workspace: Workspace) -> list[SessionView]:
        start = None if self.show_past.isChecked() else datetime.now(UTC) - timedelta(hours=12)
        return list_sessions(workspace.db, start=start)

    def page_title(self) -> str:
        return translate("CalendarPage", "Calendar")

    def empty_text(self) -> str:
        if self.workspace and not self.show_past.isChecked():
            return translate("CalendarPage", "No upcoming sessions. Tick “Show past sessions” to see earlier ones, "
                                             "or load the demo data.")
        return translate("CalendarPage", "No sessions yet — load the demo data to see a school year of sessions.")

    def retranslate_ui(self) -> None:
        self.show_past.setText(translate("CalendarPage", "Show past sessions"))
        super().retranslate_ui()

    def refresh(self) -> None:
        super().refresh()
        self.table.empty.set_texts(self.empty_text(), translate("ListPage", "Load the demo data"))
