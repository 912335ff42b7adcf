"""The school form's calendar part: a partner school's school years, and the calendar that results.

The preview applies the calendar rule (:mod:`classesduo.domain.school_calendar`)
to what the form holds, for a chosen year: every closed stretch with its reason
and source, and the stretches whose calendar is unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from classesduo.domain.availability import SchoolYear
from classesduo.domain.scheduling import SchoolCalendar
from classesduo.domain.school_calendar import closure_source, describe_unknown
from classesduo.domain.terms import school_year_bounds, school_year_of
from classesduo.ui.formatting import date_edit_format, format_date
from classesduo.ui.forms.availability_editor import _qdate, _TableEditor
from classesduo.ui.qt import QtWidgets, Signal, translate


class SchoolYearsEditor(_TableEditor):
    """Name, first and last day of classes of each school year (partner schools)."""

    changed = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._origins: list[str] = []
        self.table.setMinimumHeight(110)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.retranslate_ui()

    def headers(self) -> list[Callable[[], str]]:
        return [lambda: translate("SchoolCalendar", "School year"), lambda: translate("SchoolCalendar", "First day"),
                lambda: translate("SchoolCalendar", "Last day")]

    def set_years(self, years: list[SchoolYear]) -> None:
        self.table.setRowCount(0)
        self._origins = []
        for year in years:
            self._append(year)
        self.changed.emit()

    def add_row(self) -> None:
        """A new year after the last one (or the current calendar year), to be corrected."""
        years = self.years()
        if years:
            last = max(years, key=lambda year: year.first_day)
            first = date(last.first_day.year + 1, last.first_day.month, min(last.first_day.day, 28))
            end = date(last.last_day.year + 1, last.last_day.month, min(last.last_day.day, 28))
            label = _next_label(last.label)
        else:
            this_year = date.today().year
            first, end, label = date(this_year, 3, 1), date(this_year, 12, 15), str(this_year)
        self._append(SchoolYear(label, first, end))
        self.changed.emit()

    def remove_selected(self) -> None:
        for row in self.selected_rows():
            self.table.removeRow(row)
            del self._origins[row]
        self.changed.emit()

    def _append(self, year: SchoolYear) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._origins.append(year.origin)
        self.table.blockSignals(True)
        self.table.setItem(row, 0, QtWidgets.QTableWidgetItem(year.label))
        self.table.blockSignals(False)
        for column, value in ((1, year.first_day), (2, year.last_day)):
            edit = QtWidgets.QDateEdit(_qdate(value))
            edit.setDisplayFormat(date_edit_format())
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(lambda _day: self.changed.emit())
            self.table.setCellWidget(row, column, edit)

    def years(self) -> list[SchoolYear]:
        result = []
        for row in range(self.table.rowCount()):
            label = self.table.item(row, 0).text().strip() if self.table.item(row, 0) else ""
            first = self.table.cellWidget(row, 1).date().toPython()
            last = self.table.cellWidget(row, 2).date().toPython()
            result.append(SchoolYear(label, first, last, self._origins[row]))
        return sorted(result, key=lambda year: year.first_day)

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setTitle(translate("SchoolCalendar", "School years (first and last day of classes)"))


def _next_label(label: str) -> str:
    if "-" in label:
        first, _sep, second = label.partition("-")
        if first.isdigit() and second.isdigit():
            return f"{int(first) + 1}-{int(second) + 1}"
    return str(int(label) + 1) if label.isdigit() else label


class CalendarPreview(QtWidgets.QGroupBox):
    """The resulting calendar of one year: each closed stretch with its reason and source, and what is unknown."""

    year_changed = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.year_combo = QtWidgets.QComboBox()
        self.year_combo.currentIndexChanged.connect(lambda _index: self.year_changed.emit())
        self.table = QtWidgets.QTableWidget(0, 3)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(180)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        # Holiday names are short; the source (zone C file and its checked date, holidays release…) gets the rest.
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.unknown = QtWidgets.QLabel(wordWrap=True)
        self.unknown.setObjectName("calendarUnknown")
        self.unknown.setProperty("role", "fieldError")
        row = QtWidgets.QHBoxLayout()
        self.year_label = QtWidgets.QLabel()
        self.year_label.setBuddy(self.year_combo)
        row.addWidget(self.year_label)
        row.addWidget(self.year_combo)
        row.addStretch(1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.unknown)
        layout.addWidget(self.table)
        self.retranslate_ui()

    def set_ranges(self, ranges: list[tuple[str, date, date]]) -> None:
        """The years offered (name, first, last day), keeping the chosen one when it is still there."""
        current = self.year_combo.currentText()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for label, first, last in ranges:
            self.year_combo.addItem(label, (first, last))
        index = self.year_combo.findText(current)
        self.year_combo.setCurrentIndex(index if index >= 0 else 0)
        self.year_combo.blockSignals(False)

    def chosen_range(self) -> tuple[date, date] | None:
        return self.year_combo.currentData()

    def show_calendar(self, calendar: SchoolCalendar | None, school: str, problem: str = "") -> None:
        self.table.setRowCount(0)
        chosen = self.chosen_range()
        if calendar is None or chosen is None:
            self.unknown.setText(problem)
            return
        start, end = chosen
        rows = []
        for period in calendar.closures_between(start, end):
            first, last = max(period.start, start), min(period.end, end)
            days = format_date(first) if first == last else translate("SchoolCalendar", "{first} to {last}").format(
                first=format_date(first), last=format_date(last))
            rows.append((days, period.name, closure_source(period)))
        self.table.setRowCount(len(rows))
        for number, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(number, column, item)
        lines = [translate("SchoolCalendar", "⚠ {first} to {last}: {text}").format(
            first=format_date(first), last=format_date(last), text=describe_unknown(school, year))
            for first, last, year in calendar.unknown_between(start, end)]
        self.unknown.setText("\n".join([problem, *lines]).strip())
        self.unknown.setVisible(bool(self.unknown.text()))

    def retranslate_ui(self) -> None:
        self.setTitle(translate("SchoolCalendar", "The school's calendar (closed days, by rule and entered)"))
        self.year_label.setText(translate("SchoolCalendar", "&Year:"))
        self.table.setHorizontalHeaderLabels([translate("SchoolCalendar", "Days"),
                                              translate("SchoolCalendar", "Reason"),
                                              translate("SchoolCalendar", "Source")])


def preview_ranges(today: date, years: list[SchoolYear]) -> list[tuple[str, date, date]]:
    """The years the preview offers: the school's own years, then the current and next Paris school years."""
    ranges = [(year.label, year.first_day, year.last_day) for year in sorted(years, key=lambda y: y.first_day)]
    current = school_year_of(today)
    first = int(current[:4])
    for label in (current, f"{first + 1}-{first + 2}"):
        if label not in {name for name, _a, _b in ranges}:
            ranges.append((label, *school_year_bounds(label)))
    return ranges


__all__ = ["CalendarPreview", "SchoolYearsEditor", "preview_ranges"]
