"""The month view: six weeks of Paris days, each listing its sessions with both local times.

Double-click a session to edit it, or an empty part of a day to open that week.
"""

from __future__ import annotations

from datetime import date, timedelta

from classesduo.ui.appearance import calendar_colours
from classesduo.ui.calendar.item_keys import ItemKeys
from classesduo.ui.calendar.items import FLAG_COLOUR, CalendarItem
from classesduo.ui.calendar.week_view import day_names, paint_badge
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, Signal, translate

HEADER = 24
LINE = 17


def month_grid_start(first_of_month: date) -> date:
    return first_of_month - timedelta(days=first_of_month.weekday())


class MonthView(ItemKeys, QtWidgets.QWidget):
    day_jump = 7

    edit_requested = Signal(object)  # CalendarItem
    day_activated = Signal(object)  # date

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.month = date.today().replace(day=1)
        self.today = date.today()
        self.items: list[CalendarItem] = []
        self._by_day: dict[date, list[CalendarItem]] = {}
        self._counts: dict[date, int] = {}
        self._rects: list[tuple[QtCore.QRectF, CalendarItem]] = []
        self.setMinimumSize(500, 400)
        self.setAccessibleName(translate("Calendar", "Month view: arrows choose a session, Enter opens it"))
        self.init_item_keys()

    def set_month(self, first: date, items: list[CalendarItem], today: date | None = None,
                  counts: dict[date, int] | None = None) -> None:
        """``counts``: how many sessions each day has when ``items`` holds only the first few of a busy day."""
        self.month = first.replace(day=1)
        self._counts = counts or {}
        self.today = today or date.today()
        self.items = sorted(items, key=lambda item: item.paris_start)
        self._by_day: dict[date, list[CalendarItem]] = {}  # grouped once, not at every paint
        for item in self.items:
            self._by_day.setdefault(item.paris_start.date(), []).append(item)
        self.keep_selection()
        self.update()

    def cell_rect(self, day: date) -> QtCore.QRectF:
        index = (day - month_grid_start(self.month)).days
        width, height = self.width() / 7, (self.height() - HEADER) / 6
        return QtCore.QRectF((index % 7) * width, HEADER + (index // 7) * height, width, height)

    def day_at(self, point: QtCore.QPointF) -> date | None:
        if point.y() < HEADER:
            return None
        width, height = self.width() / 7, (self.height() - HEADER) / 6
        column, row = int(point.x() // width), int((point.y() - HEADER) // height)
        if not (0 <= column < 7 and 0 <= row < 6):
            return None
        return month_grid_start(self.month) + timedelta(days=row * 7 + column)

    def item_at(self, point: QtCore.QPointF) -> CalendarItem | None:
        return next((item for rect, item in self._rects if rect.contains(point)), None)

    def item_rect(self, session_id: str) -> QtCore.QRectF | None:
        return next((rect for rect, item in self._rects if item.session_id == session_id), None)

    def paintEvent(self, _event: QtGui.QPaintEvent) -> None:  # noqa: N802
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        colours = calendar_colours(palette)
        painter.fillRect(self.rect(), colours.background)
        width = self.width() / 7
        for index, name in enumerate(day_names()):
            painter.drawText(QtCore.QRectF(index * width, 0, width, HEADER), QtCore.Qt.AlignmentFlag.AlignCenter, name)
        self._rects = []
        start = month_grid_start(self.month)
        by_day = self._by_day
        metrics = painter.fontMetrics()
        for offset in range(42):
            day = start + timedelta(days=offset)
            cell = self.cell_rect(day)
            if day == self.today:
                painter.fillRect(cell, colours.today)
            elif day.month != self.month.month:
                painter.fillRect(cell, colours.other_month)
            painter.setPen(colours.grid)
            painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
            painter.setPen(palette.color(QtGui.QPalette.ColorRole.Text))
            painter.drawText(cell.adjusted(4, 2, -4, 0), QtCore.Qt.AlignmentFlag.AlignTop
                             | QtCore.Qt.AlignmentFlag.AlignRight, str(day.day))
            entries = by_day.get(day, [])
            total = max(self._counts.get(day, 0), len(entries))
            room = max(0, int((cell.height() - LINE - 4) // LINE))
            shown = entries if total <= room else entries[:max(0, room - 1)]
            for line, item in enumerate(shown):
                rect = QtCore.QRectF(cell.left() + 3, cell.top() + LINE + 2 + line * LINE, cell.width() - 6, LINE - 2)
                self._rects.append((rect, item))
                colour = item.colour()
                painter.setPen(QtGui.QPen(QtGui.QColor(FLAG_COLOUR), 1.5) if item.flagged else QtCore.Qt.PenStyle.NoPen)
                painter.setBrush(colour.lighter(165))
                painter.drawRoundedRect(rect, 3, 3)
                font = painter.font()
                font.setStrikeOut(item.cancelled)
                painter.setFont(font)
                painter.setPen(QtGui.QColor("#1a1a1a"))
                text_rect = rect.adjusted(3, 0, -14 if item.flagged else -2, 0)
                text = item.month_line()
                painter.drawText(text_rect, QtCore.Qt.AlignmentFlag.AlignVCenter,
                                 metrics.elidedText(text, QtCore.Qt.TextElideMode.ElideRight, int(text_rect.width())))
                font.setStrikeOut(False)
                painter.setFont(font)
                if item.flagged:
                    paint_badge(painter, QtCore.QPointF(rect.right() - 7, rect.center().y()), 6)
                if self.selected is not None and item.session_id == self.selected.session_id:
                    self.paint_selection(painter, rect)
            hidden = total - len(shown)
            if hidden > 0:
                painter.setPen(palette.color(QtGui.QPalette.ColorRole.PlaceholderText))
                painter.drawText(QtCore.QRectF(cell.left() + 4, cell.top() + LINE + 2 + len(shown) * LINE,
                                               cell.width() - 8, LINE),
                                 QtCore.Qt.AlignmentFlag.AlignVCenter,
                                 translate("Calendar", "+{count} more").format(count=hidden))
        painter.end()

    def event(self, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.ToolTip:
            item = self.item_at(QtCore.QPointF(event.pos()))
            if item is not None:
                QtWidgets.QToolTip.showText(event.globalPos(), item.tooltip(), self)
            else:
                QtWidgets.QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802
        item = self.item_at(event.position())
        if item is not None:
            self.select(item)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802
        item = self.item_at(event.position())
        if item is not None:
            self.edit_requested.emit(item)
            return
        day = self.day_at(event.position())
        if day is not None:
            self.day_activated.emit(day)
