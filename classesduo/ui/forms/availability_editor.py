"""Editors for a school's weekly availability windows and holiday periods (local time of the school)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from classesduo.domain.availability import HolidayPeriod, WeeklyWindow
from classesduo.domain.enums import HolidaySource
from classesduo.ui.forms.fields import ErrorLabel
from classesduo.ui.formatting import date_edit_format
from classesduo.ui.qt import QtCore, QtWidgets, translate


def weekday_names() -> list[str]:
    return [translate("weekdays", "Monday"), translate("weekdays", "Tuesday"), translate("weekdays", "Wednesday"),
            translate("weekdays", "Thursday"), translate("weekdays", "Friday"), translate("weekdays", "Saturday"),
            translate("weekdays", "Sunday")]


def source_label(source: HolidaySource) -> str:
    return {HolidaySource.ZONE_C: translate("labels", "Zone C calendar"),
            HolidaySource.PUBLIC: translate("labels", "Public holiday"),
            HolidaySource.MANUAL: translate("labels", "Added by hand"),
            HolidaySource.IMPORTED: translate("labels", "Imported"),
            HolidaySource.SCHOOL_YEAR: translate("labels", "Between school years")}[source]


def _qtime(value: time) -> QtCore.QTime:
    return QtCore.QTime(value.hour, value.minute)


def _qdate(value: date) -> QtCore.QDate:
    return QtCore.QDate(value.year, value.month, value.day)


class _TableEditor(QtWidgets.QGroupBox):
    """A table with Add/Remove buttons and an error label under it."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QtWidgets.QTableWidget(0, len(self.headers()))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(len(self.headers())):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.Stretch if column == 0
                                        else QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(150)
        self.add_button = QtWidgets.QPushButton()
        self.remove_button = QtWidgets.QPushButton()
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.buttons = QtWidgets.QHBoxLayout()
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch(1)
        self.error = ErrorLabel()
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(self.buttons)

    def headers(self) -> list[Callable[[], str]]:
        raise NotImplementedError

    def add_row(self) -> None:
        raise NotImplementedError

    def remove_selected(self) -> None:
        for row in self.selected_rows():
            self.table.removeRow(row)

    def selected_rows(self) -> list[int]:
        """The rows to remove, last first (so earlier indexes stay valid); the current row if none is selected."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        return rows

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([title() for title in self.headers()])
        self.add_button.setText(translate("AvailabilityEditor", "Add"))
        self.remove_button.setText(translate("AvailabilityEditor", "Remove"))


class WindowsEditor(_TableEditor):
    """Weekday, start and end, in the school's own local time."""

    def __init__(self, defaults: Callable[[], list[WeeklyWindow]], parent: QtWidgets.QWidget | None = None) -> None:
        self._defaults = defaults
        super().__init__(parent)
        self.default_button = QtWidgets.QPushButton()
        self.default_button.clicked.connect(lambda: self.set_windows(self._defaults()))
        self.buttons.insertWidget(2, self.default_button)
        self.zone_label = ""
        for column in range(3):
            self.table.horizontalHeader().setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.retranslate_ui()

    def headers(self) -> list[Callable[[], str]]:
        return [lambda: translate("AvailabilityEditor", "Weekday"), lambda: translate("AvailabilityEditor", "Start"),
                lambda: translate("AvailabilityEditor", "End")]

    def set_windows(self, windows: list[WeeklyWindow]) -> None:
        self.table.setRowCount(0)
        for window in windows:
            self._append(window)

    def add_row(self) -> None:
        rows = self.windows()
        last = rows[-1] if rows else WeeklyWindow(0, time(9, 0), time(10, 0))
        self._append(WeeklyWindow(min(last.weekday + 1, 6) if rows else 0, last.start, last.end))

    def _append(self, window: WeeklyWindow) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        day = QtWidgets.QComboBox()
        day.addItems(weekday_names())
        day.setCurrentIndex(window.weekday)
        start = QtWidgets.QTimeEdit(_qtime(window.start))
        end = QtWidgets.QTimeEdit(_qtime(window.end))
        for edit in (start, end):
            edit.setDisplayFormat("HH:mm")
        self.table.setCellWidget(row, 0, day)
        self.table.setCellWidget(row, 1, start)
        self.table.setCellWidget(row, 2, end)

    def windows(self) -> list[WeeklyWindow]:
        result = []
        for row in range(self.table.rowCount()):
            day = self.table.cellWidget(row, 0)
            start = self.table.cellWidget(row, 1).time()
            end = self.table.cellWidget(row, 2).time()
            result.append(WeeklyWindow(day.currentIndex(), time(start.hour(), start.minute()),
                                       time(end.hour(), end.minute())))
        return sorted(result, key=lambda w: (w.weekday, w.start))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setTitle(translate("AvailabilityEditor", "Weekly availability (local time of the school{zone})").format(
            zone=f", {self.zone_label}" if self.zone_label else ""))
        self.default_button.setText(translate("AvailabilityEditor", "Reset to the default"))
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 0)
            index = combo.currentIndex()
            combo.clear()
            combo.addItems(weekday_names())
            combo.setCurrentIndex(index)


class HolidaysEditor(_TableEditor):
    """The school's own closures: name, first and last day (inclusive), where each came from."""

    #: A closure was added, removed or edited (the school form's calendar follows).
    changed = QtCore.Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._sources: list[HolidaySource] = []
        self._origins: list[str] = []
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.retranslate_ui()

    def headers(self) -> list[Callable[[], str]]:
        return [lambda: translate("AvailabilityEditor", "Name"), lambda: translate("AvailabilityEditor", "First day"),
                lambda: translate("AvailabilityEditor", "Last day"), lambda: translate("AvailabilityEditor", "Source")]

    def set_holidays(self, periods: list[HolidayPeriod]) -> None:
        self.table.setRowCount(0)
        self._sources = []
        self._origins = []
        for period in periods:
            self._append(period)
        self.changed.emit()

    def add_row(self) -> None:
        today = date.today()
        self._append(HolidayPeriod(translate("AvailabilityEditor", "School break"), today, today))
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))
        self.changed.emit()

    def remove_selected(self) -> None:
        for row in self.selected_rows():
            self.table.removeRow(row)
            del self._sources[row]
            del self._origins[row]
        self.changed.emit()

    def _append(self, period: HolidayPeriod) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._sources.append(period.source)
        self._origins.append(period.origin)
        self.table.setItem(row, 0, QtWidgets.QTableWidgetItem(period.name))
        for column, value in ((1, period.start), (2, period.end)):
            edit = QtWidgets.QDateEdit(_qdate(value))
            edit.setDisplayFormat(date_edit_format())
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(lambda _day: self.changed.emit())
            self.table.setCellWidget(row, column, edit)
        source = QtWidgets.QTableWidgetItem(source_label(period.source))
        source.setFlags(source.flags() & ~QtCore.Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 3, source)

    def holidays(self) -> list[HolidayPeriod]:
        result = []
        for row in range(self.table.rowCount()):
            name = self.table.item(row, 0).text().strip() if self.table.item(row, 0) else ""
            start = self.table.cellWidget(row, 1).date().toPython()
            end = self.table.cellWidget(row, 2).date().toPython()
            result.append(HolidayPeriod(name, start, end, self._sources[row], self._origins[row]))
        return sorted(result, key=lambda p: (p.start, p.name))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setTitle(translate("AvailabilityEditor", "The school's own closures (no exchange on these days)"))
        for row, source in enumerate(self._sources):
            self.table.item(row, 3).setText(source_label(source))
