"""A duo's two timetables side by side for any week (the overlap picture, outside the slot finder)."""

from __future__ import annotations

from datetime import date

from classesduo.services.scheduling import duo_calendars
from classesduo.services.workspace import Database
from classesduo.ui.calendar.overlap_picture import OverlapPanel
from classesduo.ui.base_dialog import Dialog
from classesduo.ui.qt import QtWidgets, translate


class TimetablesDialog(Dialog):
    def __init__(self, db: Database, duo_id: str, week: date, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        calendars = duo_calendars(db, duo_id)
        self.setWindowTitle(translate("TimetablesDialog", "Timetables — {duo}").format(duo=calendars.view.label))
        self.panel = OverlapPanel()
        self.panel.set_duo(calendars.paris, calendars.partner, calendars.view.partner.city, week,
                           calendars.paris_school, calendars.partner_school)
        note = QtWidgets.QLabel(translate(
            "TimetablesDialog", "Paris time down the side. Use ◀ ▶ to see another week, e.g. around a clock "
                                "change in March or October."), wordWrap=True)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(760, 520)
