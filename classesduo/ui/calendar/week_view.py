"""The week view: seven Paris days side by side, hours down the side, sessions drawn as blocks.

Custom-painted (no QtCharts). Double-click an empty time to plan a session
there, double-click a session to edit it, drag a session to move it (snapped
to 15 minutes). Flagged sessions get a red border, a "!" badge and their
reasons in the tooltip.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from classesduo.domain.availability import default_windows
from classesduo.domain.enums import Side
from classesduo.domain.scheduling import SchoolCalendar, first_window_time
from classesduo.ui.appearance import calendar_colours
from classesduo.ui.calendar.item_keys import ItemKeys
from classesduo.ui.calendar.items import FLAG_COLOUR, CalendarItem
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, Signal, translate

HOUR_HEIGHT = 60
GUTTER = 56
SNAP_MINUTES = 15
DRAG_THRESHOLD = 6


def day_names() -> list[str]:
    locale = QtCore.QLocale()
    return [locale.dayName(day, QtCore.QLocale.FormatType.ShortFormat) for day in range(1, 8)]


class WeekHeader(QtWidgets.QWidget):
    """Day names and dates above the columns."""

    def __init__(self, canvas: WeekCanvas, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        canvas.columns_changed.connect(self.update)
        self.setFixedHeight(34)

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:  # noqa: N802
        painter = QtGui.QPainter(self)
        names = day_names()
        for index, (left, width) in enumerate(self.canvas.column_bounds()):
            day = self.canvas.monday + timedelta(days=index)
            rect = QtCore.QRectF(left, 0, width, self.height())
            font = painter.font()
            font.setBold(day == self.canvas.today)
            painter.setFont(font)
            text = f"{names[index]} {day.day}/{day.month}"
            if painter.fontMetrics().horizontalAdvance(text) > width - 4:
                text = f"{names[index]} {day.day}"
            painter.drawText(rect, QtCore.Qt.AlignmentFlag.AlignCenter, text)
        painter.end()


class WeekCanvas(ItemKeys, QtWidgets.QWidget):
    create_requested = Signal(object, object)  # Paris date, Paris wall time
    edit_requested = Signal(object)  # CalendarItem
    move_requested = Signal(object, object, object)  # CalendarItem, new Paris date, new Paris wall time
    columns_changed = Signal()
    selection_changed = Signal(object)  # the selected CalendarItem or None

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.monday = date.today() - timedelta(days=date.today().weekday())
        self.today = date.today()
        self.items: list[CalendarItem] = []
        self._rects: list[tuple[QtCore.QRectF, CalendarItem]] = []
        self._press: tuple[CalendarItem, QtCore.QPointF, float] | None = None
        self._ghost: tuple[date, time] | None = None
        self._weights: list[float] = [1.0] * 7
        self.setMinimumHeight(24 * HOUR_HEIGHT)
        self.setMouseTracking(True)
        self.init_item_keys()
        self.setAccessibleName(translate("Calendar", "Week view: arrows choose a session, Enter opens it"))

    # geometry ---------------------------------------------------------------------------------------------
    def column_bounds(self) -> list[tuple[float, float]]:
        """(left, width) of each day: days with sessions side by side get more room, so their text shows."""
        total = sum(self._weights)
        unit = max(0.0, self.width() - GUTTER) / total
        bounds, left = [], float(GUTTER)
        for weight in self._weights:
            bounds.append((left, weight * unit))
            left += weight * unit
        return bounds

    def position_of(self, day: date, minutes: float) -> QtCore.QPointF:
        index = min(6, max(0, (day - self.monday).days))
        return QtCore.QPointF(self.column_bounds()[index][0], minutes * HOUR_HEIGHT / 60)

    def time_at(self, point: QtCore.QPointF, offset_minutes: float = 0) -> tuple[date, time] | None:
        index = next((n for n, (left, width) in enumerate(self.column_bounds()) if left <= point.x() < left + width),
                     None)
        if index is None:
            return None
        minutes = point.y() * 60 / HOUR_HEIGHT - offset_minutes
        snapped = int(round(minutes / SNAP_MINUTES) * SNAP_MINUTES)
        snapped = max(0, min(snapped, 24 * 60 - SNAP_MINUTES))
        return self.monday + timedelta(days=index), time(snapped // 60, snapped % 60)

    def item_rect(self, session_id: str) -> QtCore.QRectF | None:
        return next((rect for rect, item in self._rects if item.session_id == session_id), None)

    def item_at(self, point: QtCore.QPointF) -> CalendarItem | None:
        for rect, item in reversed(self._rects):
            if rect.contains(point):
                return item
        return None

    # data ---------------------------------------------------------------------------------------------------
    def set_week(self, monday: date, items: list[CalendarItem], today: date | None = None) -> None:
        self.monday = monday
        self.today = today or date.today()
        self.items = [item for item in items if 0 <= (item.paris_start.date() - monday).days < 7]
        self.keep_selection()
        self._layout()
        self.update()

    def _layout(self) -> None:
        """Blocks side by side when they overlap on the same day."""
        self._rects = []
        placements: list[list[tuple[CalendarItem, int]]] = []
        self._weights = []
        for index in range(7):
            day = self.monday + timedelta(days=index)
            todays = sorted((i for i in self.items if i.paris_start.date() == day), key=lambda i: i.paris_start)
            lanes: list[datetime] = []
            placed: list[tuple[CalendarItem, int]] = []
            for item in todays:
                start = item.paris_start
                lane = next((n for n, end in enumerate(lanes) if end <= start), len(lanes))
                if lane == len(lanes):
                    lanes.append(item.paris_end)
                else:
                    lanes[lane] = item.paris_end
                placed.append((item, lane))
            placements.append(placed)
            # Equal days, except that a day with visios side by side widens so each block stays readable.
            self._weights.append(max(1.0, min(len(lanes), 8) * 0.8))
        for index, placed in enumerate(placements):
            day = self.monday + timedelta(days=index)
            width = self.column_bounds()[index][1]
            count = max([lane + 1 for _item, lane in placed], default=1)
            for item, lane in placed:
                start = item.paris_start
                minutes = start.hour * 60 + start.minute
                top = self.position_of(day, minutes)
                height = max(item.view.session.minutes * HOUR_HEIGHT / 60, 30)
                lane_width = (width - 4) / count
                self._rects.append((QtCore.QRectF(top.x() + 2 + lane * lane_width, top.y(), lane_width - 2, height),
                                    item))
        self.columns_changed.emit()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802
        self._layout()
        super().resizeEvent(event)

    # painting -----------------------------------------------------------------------------------------------
    def paintEvent(self, event: QtGui.QPaintEvent) -> None:  # noqa: N802
        painter = QtGui.QPainter(self)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        colours = calendar_colours(palette)
        painter.fillRect(self.rect(), colours.background)
        bounds = self.column_bounds()
        today_index = (self.today - self.monday).days
        if 0 <= today_index < 7:
            painter.fillRect(QtCore.QRectF(bounds[today_index][0], 0, bounds[today_index][1], self.height()),
                             colours.today)
        grid = colours.grid
        for hour in range(25):
            y = hour * HOUR_HEIGHT
            painter.setPen(grid)
            painter.drawLine(QtCore.QPointF(GUTTER, y), QtCore.QPointF(self.width(), y))
            if hour < 24:
                painter.setPen(palette.color(QtGui.QPalette.ColorRole.PlaceholderText))
                painter.drawText(QtCore.QRectF(0, y + 1, GUTTER - 6, 16),
                                 QtCore.Qt.AlignmentFlag.AlignRight, f"{hour:02d}:00")
        painter.setPen(grid)
        for x in [left for left, _width in bounds] + [float(self.width())]:
            painter.drawLine(QtCore.QPointF(x, 0), QtCore.QPointF(x, self.height()))
        exposed = QtCore.QRectF(event.rect())
        bold = QtGui.QFont(painter.font())
        bold.setBold(True)
        fonts = (bold, QtGui.QFontMetrics(bold), painter.font(), QtGui.QFontMetrics(painter.font()))
        for rect, item in self._rects:
            if rect.intersects(exposed):  # in a scroll area: only the blocks in view
                self._paint_item(painter, rect, item, fonts)
                if self.selected is not None and item.session_id == self.selected.session_id:
                    self.paint_selection(painter, rect)
        if self._press is not None and self._ghost is not None:
            item = self._press[0]
            day, wall = self._ghost
            top = self.position_of(day, wall.hour * 60 + wall.minute)
            height = max(item.view.session.minutes * HOUR_HEIGHT / 60, 30)
            width = bounds[(day - self.monday).days][1]
            ghost = QtCore.QRectF(top.x() + 2, top.y(), width - 4, height)
            painter.setPen(QtGui.QPen(colours.ghost, 1.5, QtCore.Qt.PenStyle.DashLine))
            painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(ghost, 4, 4)
            painter.drawText(ghost.adjusted(4, 2, -4, -2), f"{wall:%H:%M}")
        painter.end()

    def _paint_item(self, painter: QtGui.QPainter, rect: QtCore.QRectF, item: CalendarItem,
                    fonts: tuple[QtGui.QFont, QtGui.QFontMetrics, QtGui.QFont, QtGui.QFontMetrics]) -> None:
        colour = item.colour()
        painter.setBrush(colour.lighter(160))
        pen = QtGui.QPen(QtGui.QColor(FLAG_COLOUR), 2.5) if item.flagged else QtGui.QPen(colour.darker(130), 1)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 4, 4)
        painter.fillRect(QtCore.QRectF(rect.left() + 1, rect.top() + 1, 4, rect.height() - 2), colour)
        text_rect = rect.adjusted(8, 2, -16 if item.flagged else -4, -2)
        if text_rect.width() >= 8:  # a sliver among many side-by-side blocks has no room for text
            self._paint_text(painter, text_rect, item, fonts)
        if item.flagged:
            paint_badge(painter, QtCore.QPointF(rect.right() - 9, rect.top() + 9))

    def _paint_text(self, painter: QtGui.QPainter, text_rect: QtCore.QRectF, item: CalendarItem,
                    fonts: tuple[QtGui.QFont, QtGui.QFontMetrics, QtGui.QFont, QtGui.QFontMetrics]) -> None:
        bold, metrics, plain, plain_metrics = fonts
        font = QtGui.QFont(bold)
        font.setStrikeOut(item.cancelled)
        painter.setFont(font)
        painter.setPen(QtGui.QColor("#1a1a1a"))
        # Narrow block: the Paris time is the row it sits on; show the partner's city and local time.
        narrow = metrics.horizontalAdvance(item.block_lines(False)[0]) > text_rect.width()
        first_line, second_line = item.block_lines(narrow)  # each starts with the status sign (✓ ✕ ↷ ◷)
        painter.drawText(text_rect, QtCore.Qt.AlignmentFlag.AlignTop | QtCore.Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(first_line, QtCore.Qt.TextElideMode.ElideRight, int(text_rect.width())))
        font = QtGui.QFont(plain)
        font.setStrikeOut(item.cancelled)
        painter.setFont(font)
        second = text_rect.adjusted(0, metrics.height(), 0, 0)
        painter.drawText(second, QtCore.Qt.AlignmentFlag.AlignTop | QtCore.Qt.AlignmentFlag.AlignLeft,
                         plain_metrics.elidedText(second_line, QtCore.Qt.TextElideMode.ElideRight,
                                                  int(second.width())))
        painter.setFont(plain)

    # interaction ------------------------------------------------------------------------------------------
    def tooltip_at(self, point: QtCore.QPointF) -> str:
        item = self.item_at(point)
        return item.tooltip() if item is not None else ""

    def event(self, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.ToolTip:
            text = self.tooltip_at(QtCore.QPointF(event.pos()))
            if text:
                QtWidgets.QToolTip.showText(event.globalPos(), text, self)
            else:
                QtWidgets.QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def selection_moved(self, item: CalendarItem | None) -> None:
        self.selection_changed.emit(item)

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802
        item = self.item_at(event.position())
        if item is not None:
            self.selected = item
            self.update()
        if event.button() == QtCore.Qt.MouseButton.LeftButton and item is not None and not item.cancelled:
            start = item.paris_start
            offset = event.position().y() * 60 / HOUR_HEIGHT - (start.hour * 60 + start.minute)
            self._press = (item, event.position(), offset)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802
        if self._press is not None:
            item, origin, offset = self._press
            if self._ghost is not None or (event.position() - origin).manhattanLength() >= DRAG_THRESHOLD:
                self._ghost = self.time_at(event.position(), offset)
                self.setCursor(QtCore.Qt.CursorShape.ClosedHandCursor)
                self.update()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802
        press, ghost = self._press, self._ghost
        self._press = self._ghost = None
        self.unsetCursor()
        self.update()
        if press is not None and ghost is not None:
            item = press[0]
            start = item.paris_start
            if ghost != (start.date(), time(start.hour, start.minute)):
                self.move_requested.emit(item, ghost[0], ghost[1])
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QtGui.QMouseEvent) -> None:  # noqa: N802
        self._press = self._ghost = None
        item = self.item_at(event.position())
        if item is not None:
            self.edit_requested.emit(item)
            return
        where = self.time_at(event.position())
        if where is not None:
            minutes = where[1].hour * 60 + where[1].minute
            floor = int(event.position().y() * 60 / HOUR_HEIGHT) // SNAP_MINUTES * SNAP_MINUTES
            minutes = min(minutes, floor)
            self.create_requested.emit(where[0], time(minutes // 60, minutes % 60))


def paint_badge(painter: QtGui.QPainter, centre: QtCore.QPointF, radius: float = 7) -> None:
    """The red "!" that marks a session breaking a rule."""
    painter.save()
    painter.setPen(QtCore.Qt.PenStyle.NoPen)
    painter.setBrush(QtGui.QColor(FLAG_COLOUR))
    painter.drawEllipse(centre, radius, radius)
    painter.setPen(QtGui.QColor("white"))
    font = painter.font()
    font.setBold(True)
    font.setPixelSize(int(radius * 1.6))
    painter.setFont(font)
    painter.drawText(QtCore.QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius),
                     QtCore.Qt.AlignmentFlag.AlignCenter, "!")
    painter.restore()


class WeekView(QtWidgets.QWidget):
    """Header + scrollable canvas; a week opens scrolled to its first visio, or to the schools' windows."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = WeekCanvas()
        self.header = WeekHeader(self.canvas)
        self.scroll = QtWidgets.QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.canvas)
        self.scroll.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll, 1)
        self.setAccessibleName(translate("Calendar", "Week view"))
        self.setFocusProxy(self.canvas)
        self._scrolled = False
        self._opened_at: int | None = None  # where the week was scrolled to on opening, until the user scrolls
        #: (Paris, partner) calendars of the duos shown: where a week without a visio opens.
        self.timetables: list[tuple[SchoolCalendar, SchoolCalendar]] = []
        self.canvas.selection_changed.connect(self._show_selected)
        QtCore.QTimer.singleShot(0, self.scroll_to_morning)

    def _show_selected(self, item: CalendarItem | None) -> None:
        rect = self.canvas.item_rect(item.session_id) if item is not None else None
        if rect is not None:
            self.scroll.ensureVisible(int(rect.center().x()), int(rect.center().y()), 20, int(rect.height() / 2) + 20)

    def scroll_to_morning(self) -> None:
        bar = self.scroll.verticalScrollBar()
        bar.setValue(self.first_hour() * HOUR_HEIGHT)
        self._opened_at = bar.value()

    def first_hour(self) -> int:
        """Where the week opens: an hour before its first visio, else before the schools' first window that week.

        The windows are where the shown duos' two schools' hours meet (:func:`first_window_time`); with no duo
        (or before their hours are read), the Paris periscolaire windows."""
        starts = [item.paris_start.hour for item in self.canvas.items]
        if starts:
            return max(0, min(starts) - 1)
        opening = first_window_time(self.timetables, self.canvas.monday)
        if opening is None:
            opening = min(window.start for window in default_windows(Side.PARIS))
        return max(0, opening.hour - 1)

    def set_timetables(self, timetables: list[tuple[SchoolCalendar, SchoolCalendar]]) -> None:
        """The hours of the duos shown; a week without a visio that the user has not scrolled follows them."""
        self.timetables = timetables
        if not self.canvas.items and self._opened_at == self.scroll.verticalScrollBar().value():
            self.scroll_to_morning()

    def set_week(self, monday: date, items: list[CalendarItem], today: date | None = None) -> None:
        new_week = monday != self.canvas.monday or not self._scrolled
        had_items = bool(self.canvas.items)
        self.canvas.set_week(monday, items, today)
        self.header.update()
        # a refresh of the same week keeps where the user scrolled (but the first visio read scrolls to it)
        if new_week or (had_items != bool(self.canvas.items)
                        and self._opened_at == self.scroll.verticalScrollBar().value()):
            self._scrolled = True
            QtCore.QTimer.singleShot(0, self.scroll_to_morning)
