"""A date and time typed on either school's clock, turned into one UTC instant — or refused.

A time in a spring-forward gap is refused with the reason; a time that
happens twice (autumn) shows a choice between the two, with no default
guessed. The other school's local time is shown as you type.
"""

from __future__ import annotations

from datetime import date, datetime, time

from classesduo.domain.timezones import PARIS_ZONE, AmbiguousLocalTime, LocalTimeError, local_to_utc, utc_to_local
from classesduo.ui.formatting import date_edit_format, format_day_time
from classesduo.ui.qt import QtCore, QtWidgets, Signal, translate


def qdate(day: date) -> QtCore.QDate:
    return QtCore.QDate(day.year, day.month, day.day)


def pydate(value: QtCore.QDate) -> date:
    return date(value.year(), value.month(), value.day())


class TimeEntry(QtWidgets.QWidget):
    changed = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.paris_zone = PARIS_ZONE
        self.partner_zone = PARIS_ZONE
        self.partner_city = ""
        self.date_edit = QtWidgets.QDateEdit(calendarPopup=True)
        self.date_edit.setDisplayFormat(date_edit_format())
        self.time_edit = QtWidgets.QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.zone_combo = QtWidgets.QComboBox()
        self.fold_combo = QtWidgets.QComboBox()
        self.fold_combo.hide()
        self.status = QtWidgets.QLabel(wordWrap=True)
        self.status.setObjectName("timeStatus")
        row = QtWidgets.QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date_edit)
        row.addWidget(self.time_edit)
        row.addWidget(self.zone_combo, 1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.fold_combo)
        layout.addWidget(self.status)
        for signal in (self.date_edit.dateChanged, self.time_edit.timeChanged, self.zone_combo.currentIndexChanged):
            signal.connect(self._on_edit)
        self.fold_combo.currentIndexChanged.connect(self._update)
        self._ambiguity: AmbiguousLocalTime | None = None
        self._instant: datetime | None = None
        self.error = ""

    def set_zones(self, paris_zone: str, partner_zone: str, partner_city: str) -> None:
        self.paris_zone, self.partner_zone, self.partner_city = paris_zone, partner_zone, partner_city
        self.zone_combo.blockSignals(True)
        self.zone_combo.clear()
        self.zone_combo.addItem(translate("TimeEntry", "Paris time"), paris_zone)
        self.zone_combo.addItem(translate("TimeEntry", "{city} time").format(city=partner_city), partner_zone)
        self.zone_combo.blockSignals(False)
        self._on_edit()

    def set_local(self, day: date, wall: time, in_partner_zone: bool = False) -> None:
        for widget in (self.date_edit, self.time_edit, self.zone_combo):
            widget.blockSignals(True)
        self.date_edit.setDate(qdate(day))
        self.time_edit.setTime(QtCore.QTime(wall.hour, wall.minute))
        self.zone_combo.setCurrentIndex(1 if in_partner_zone else 0)
        for widget in (self.date_edit, self.time_edit, self.zone_combo):
            widget.blockSignals(False)
        self._on_edit()

    def set_instant(self, instant: datetime) -> None:
        local = utc_to_local(instant, self.paris_zone)
        self.set_local(local.date(), time(local.hour, local.minute))

    def typed(self) -> tuple[date, time, str]:
        value = self.time_edit.time()
        zone = self.zone_combo.currentData() or self.paris_zone
        return pydate(self.date_edit.date()), time(value.hour(), value.minute()), zone

    def instant(self) -> datetime | None:
        """The UTC instant, or None while the typed time is impossible or still ambiguous."""
        return self._instant

    def _on_edit(self) -> None:
        self._ambiguity = None
        self.fold_combo.blockSignals(True)
        self.fold_combo.clear()
        self.fold_combo.hide()
        self.fold_combo.blockSignals(False)
        self._update()

    def _update(self) -> None:
        day, wall, zone = self.typed()
        self._instant, self.error = None, ""
        fold = self.fold_combo.currentData() if self._ambiguity is not None else None
        try:
            self._instant = local_to_utc(day, wall, zone, fold=fold)
        except AmbiguousLocalTime as error:
            self._ambiguity = error
            self.fold_combo.blockSignals(True)
            self.fold_combo.addItem(translate("TimeEntry", "Choose which one…"), None)
            self.fold_combo.addItem(translate("TimeEntry", "The first {time} (summer time, UTC {utc})").format(
                time=f"{wall:%H:%M}", utc=f"{error.first_utc:%H:%M}"), 0)
            self.fold_combo.addItem(translate("TimeEntry", "The second {time} (winter time, UTC {utc})").format(
                time=f"{wall:%H:%M}", utc=f"{error.second_utc:%H:%M}"), 1)
            self.fold_combo.blockSignals(False)
            self.fold_combo.show()
            self.error = str(error)
        except LocalTimeError as error:
            self.error = str(error)
        if self._instant is not None:
            paris = utc_to_local(self._instant, self.paris_zone)
            partner = utc_to_local(self._instant, self.partner_zone)
            self.status.setProperty("role", "")
            self.status.setText(translate("TimeEntry", "Paris: {paris} · {city}: {partner} (local time)").format(
                paris=format_day_time(paris), city=self.partner_city, partner=format_day_time(partner)))
        else:
            self.status.setProperty("role", "fieldError")
            self.status.setText(self.error)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.changed.emit()
