"""The overlap picture: one week of a duo, Paris time down the side, both schools' windows and their overlap.

Each Paris day is a column split in two lanes: the Paris school's windows on
the left (blue), the partner's windows converted to the Paris clock on the
right (orange); where they meet, the whole column is painted green. Windows
are converted date by date, so choosing the week of a clock change in March
or October shows the partner block sliding by an hour. Embeddable anywhere
(finder dialog, duo page).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from classesduo.domain.scheduling import Interval, SchoolCalendar, week_blocks
from classesduo.domain.school_calendar import calendar_notes
from classesduo.domain.timezones import PARIS_ZONE
from classesduo.ui.calendar.calendar_notes import note_lines
from classesduo.ui.calendar.week_view import day_names
from classesduo.ui.formatting import format_date
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, translate

PARIS_COLOUR = QtGui.QColor(78, 121, 167, 150)
PARTNER_COLOUR = QtGui.QColor(242, 142, 43, 150)
OVERLAP_COLOUR = QtGui.QColor(46, 139, 60)
HOLIDAY_COLOUR = QtGui.QColor(0, 0, 0, 25)



class OverlapPicture(QtWidgets.QWidget):
    HOURS = range(0, 24)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.paris: SchoolCalendar | None = None
        self.partner: SchoolCalendar | None = None
        self.partner_city = ""
        self.monday = date.today() - timedelta(days=date.today().weekday())
        self.blocks: dict[str, list[Interval]] = {"paris": [], "partner": [], "overlap": []}
        self.first_hour, self.last_hour = 7, 19
        self.setMinimumSize(420, 260)
        self.setAccessibleName(translate("OverlapPicture", "Overlap of the two timetables"))

    def set_duo(self, paris: SchoolCalendar, partner: SchoolCalendar, partner_city: str, monday: date) -> None:
        self.paris, self.partner, self.partner_city = paris, partner, partner_city
        self.set_week(monday)

    def set_week(self, monday: date) -> None:
        self.monday = monday - timedelta(days=monday.weekday())
        if self.paris is not None and self.partner is not None:
            self.blocks = week_blocks(self.paris, self.partner, self.monday)
            hours = [self._paris_minutes(t)[1] / 60 for interval in self.blocks["paris"] + self.blocks["partner"]
                     for t in interval]
            visible = [h for h in hours if 0 <= h <= 24]
            self.first_hour = max(0, min([7.0] + visible).__floor__())
            self.last_hour = min(24, max([19.0] + visible).__ceil__())
        self.update()

    def overlap_minutes(self) -> int:
        return int(sum((end - start for start, end in self.blocks["overlap"]), timedelta()).total_seconds() // 60)

    def _paris_minutes(self, instant: datetime) -> tuple[date, float]:
        local = instant.astimezone(ZoneInfo(self.paris.zone if self.paris else PARIS_ZONE))
        return local.date(), local.hour * 60 + local.minute

    def _rects(self, interval: Interval, lane: int, lanes: int) -> list[QtCore.QRectF]:
        """The interval cut at Paris midnights, as rectangles in its lane of each day column."""
        rects = []
        start, end = interval
        while start < end:
            day, minutes = self._paris_minutes(start)
            midnight = datetime.combine(day + timedelta(days=1), datetime.min.time(),
                                        ZoneInfo(self.paris.zone if self.paris else PARIS_ZONE))
            piece_end = min(end, midnight)
            index = (day - self.monday).days
            if 0 <= index < 7:
                length = (piece_end - start).total_seconds() / 60
                rects.append(self._rect(index, minutes, minutes + length, lane, lanes))
            start = piece_end
        return rects

    def _rect(self, index: int, start_min: float, end_min: float, lane: int, lanes: int) -> QtCore.QRectF:
        left, top = 48.0, 22.0
        width = (self.width() - left) / 7
        span = (self.last_hour - self.first_hour) * 60
        height = self.height() - top - 20
        y1 = top + (start_min - self.first_hour * 60) / span * height
        y2 = top + (end_min - self.first_hour * 60) / span * height
        lane_width = (width - 6) / lanes
        return QtCore.QRectF(left + index * width + 3 + lane * lane_width, y1, lane_width, y2 - y1)

    def paintEvent(self, _event: QtGui.QPaintEvent) -> None:  # noqa: N802
        painter = QtGui.QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(QtGui.QPalette.ColorRole.Base))
        left, top = 48.0, 22.0
        width = (self.width() - left) / 7
        height = self.height() - top - 20
        hours = self.last_hour - self.first_hour
        names = day_names()
        text = self.palette().color(QtGui.QPalette.ColorRole.Text)
        for index in range(7):
            day = self.monday + timedelta(days=index)
            painter.setPen(text)
            painter.drawText(QtCore.QRectF(left + index * width, 0, width, top),
                             QtCore.Qt.AlignmentFlag.AlignCenter, f"{names[index]} {day.day}/{day.month}")
            if self.paris is not None and self.paris.holiday_on(day) is not None:
                painter.fillRect(QtCore.QRectF(left + index * width, top, width, height), HOLIDAY_COLOUR)
            if self.partner is not None and self.partner.holiday_on(day) is not None:  # the partner's date
                painter.fillRect(QtCore.QRectF(left + index * width + width / 2, top, width / 2, height),
                                 QtGui.QBrush(HOLIDAY_COLOUR.darker(), QtCore.Qt.BrushStyle.BDiagPattern))
        for hour in range(self.first_hour, self.last_hour + 1):
            y = top + (hour - self.first_hour) / max(1, hours) * height
            painter.setPen(QtGui.QColor(0, 0, 0, 30))
            painter.drawLine(QtCore.QPointF(left, y), QtCore.QPointF(self.width(), y))
            painter.setPen(text)
            painter.drawText(QtCore.QRectF(0, y - 8, left - 6, 16), QtCore.Qt.AlignmentFlag.AlignRight
                             | QtCore.Qt.AlignmentFlag.AlignVCenter, f"{hour:02d}:00")
        painter.setPen(QtCore.Qt.PenStyle.NoPen)
        for key, lane, lanes, colour in (("paris", 0, 2, PARIS_COLOUR), ("partner", 1, 2, PARTNER_COLOUR),
                                         ("overlap", 0, 1, OVERLAP_COLOUR)):
            painter.setBrush(colour)
            for interval in self.blocks[key]:
                for rect in self._rects(interval, lane, lanes):
                    painter.drawRect(rect)
        self._legend(painter, self.height() - 18)
        painter.end()

    def _legend(self, painter: QtGui.QPainter, y: float) -> None:
        x = 48.0
        entries = [(PARIS_COLOUR, translate("OverlapPicture", "Paris class")),
                   (PARTNER_COLOUR, translate("OverlapPicture", "Class in {city} (on the Paris clock)").format(
                       city=self.partner_city or "…")),
                   (OVERLAP_COLOUR, translate("OverlapPicture", "Both free"))]
        for colour, label in entries:
            painter.setPen(QtCore.Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRect(QtCore.QRectF(x, y + 3, 12, 12))
            painter.setPen(self.palette().color(QtGui.QPalette.ColorRole.Text))
            advance = painter.fontMetrics().horizontalAdvance(label)
            painter.drawText(QtCore.QPointF(x + 16, y + 13), label)
            x += 16 + advance + 14


class OverlapPanel(QtWidgets.QWidget):
    """The picture with "◀ week of … ▶" above it, to look at any week (e.g. the March clock change)."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = OverlapPicture()
        self.previous_button = QtWidgets.QToolButton(text="◀")
        self.next_button = QtWidgets.QToolButton(text="▶")
        self.week_label = QtWidgets.QLabel()
        #: Why days of the week are left out (holiday, side, source) and which are unknown.
        self.reasons = QtWidgets.QLabel(wordWrap=True)
        self.reasons.setObjectName("overlapReasons")
        self.names = ("", "")
        self.previous_button.clicked.connect(lambda: self.set_week(self.picture.monday - timedelta(weeks=1)))
        self.next_button.clicked.connect(lambda: self.set_week(self.picture.monday + timedelta(weeks=1)))
        row = QtWidgets.QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.previous_button)
        row.addWidget(self.week_label, 1)
        row.addWidget(self.next_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.reasons)
        self.previous_button.setToolTip(translate("OverlapPicture", "Previous week"))
        self.next_button.setToolTip(translate("OverlapPicture", "Next week"))

    def set_duo(self, paris: SchoolCalendar, partner: SchoolCalendar, partner_city: str, monday: date,
                paris_school: str = "", partner_school: str = "") -> None:
        self.names = (paris_school or translate("OverlapPicture", "Paris class"),
                      partner_school or partner_city)
        self.picture.set_duo(paris, partner, partner_city, monday)
        self._update_label()

    def set_week(self, monday: date) -> None:
        self.picture.set_week(monday)
        self._update_label()

    def _update_label(self) -> None:
        monday = self.picture.monday
        minutes = self.picture.overlap_minutes()
        text = translate("OverlapPicture", "Week of {monday} (Paris time): both classes free {hours} h {minutes:02d}")
        self.week_label.setText(text.format(monday=format_date(monday), hours=minutes // 60, minutes=minutes % 60))
        paris, partner = self.picture.paris, self.picture.partner
        lines = [] if paris is None or partner is None else note_lines(calendar_notes(
            paris, self.names[0], partner, self.names[1], monday, monday + timedelta(days=6)))
        self.reasons.setText("\n".join(lines))
        self.reasons.setVisible(bool(lines))
