"""Keyboard and context menu for the week and month views: arrows move a selection, Enter opens it.

Both views draw their sessions themselves; this mixin keeps which one is selected, moves it with
the arrow keys (Left/Right: previous/next day with a session in the week, previous/next session in
the month; Up/Down: previous/next session in the week, the same weekday a week before/after in the
month), opens it with Enter or F2, deletes it (after the page's confirmation) with Delete and offers the same actions on a right-click or the Menu key.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from classesduo.ui.qt import QtCore, QtGui, QtWidgets, translate

if TYPE_CHECKING:
    from classesduo.ui.calendar.items import CalendarItem

_KEYS = QtCore.Qt.Key


def next_item(items: list[CalendarItem], current: CalendarItem | None, key: int,
              day_jump: int) -> CalendarItem | None:
    """The session the arrow ``key`` moves to from ``current`` among ``items`` (in time order).

    ``day_jump`` is how many days Up/Down move (0: to the previous/next session; 7 in the month).
    Left/Right in the week (``day_jump`` 0) move to the first session of the previous/next day that has one.
    """
    ordered = sorted(items, key=lambda item: item.paris_start)
    if not ordered:
        return None
    if current is None or current not in ordered:
        return ordered[0]
    index = ordered.index(current)
    day = current.paris_start.date()
    horizontal = key in (_KEYS.Key_Left, _KEYS.Key_Right)
    forward = key in (_KEYS.Key_Right, _KEYS.Key_Down)
    if day_jump == 0 and horizontal:  # week: a day at a time
        if forward:
            return next((item for item in ordered if item.paris_start.date() > day), current)
        earlier = [item for item in ordered if item.paris_start.date() < day]
        if not earlier:
            return current
        first_day = earlier[-1].paris_start.date()
        return next(item for item in earlier if item.paris_start.date() == first_day)
    if day_jump and not horizontal:  # month: the same weekday a week away, or the nearest session after/before it
        target = day + timedelta(days=day_jump if forward else -day_jump)
        if forward:
            return next((item for item in ordered if item.paris_start.date() >= target), current)
        return next((item for item in reversed(ordered) if item.paris_start.date() <= target), current)
    step = 1 if forward else -1
    return ordered[index + step] if 0 <= index + step < len(ordered) else current


class ItemKeys:
    """Mixed into a QWidget with ``items``, ``edit_requested`` and ``item_rect(session_id)``."""

    day_jump = 0
    #: Set by the page: what a session's context menu offers besides opening it ([(text, callback)]).
    extra_actions: list[tuple[callable, callable]]  # type: ignore[valid-type]

    def init_item_keys(self) -> None:
        self.selected: CalendarItem | None = None
        self.extra_actions = []
        #: Set by the page: deletes a session after asking (the Delete key and the context menu's "Delete visio…").
        self.delete_action: callable | None = None  # type: ignore[valid-type]
        widget: QtWidgets.QWidget = self  # type: ignore[assignment]
        widget.setFocusPolicy(QtCore.Qt.FocusPolicy.StrongFocus)
        widget.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.DefaultContextMenu)

    def select(self, item: CalendarItem | None) -> None:
        self.selected = item
        self.selection_moved(item)
        self.update()  # type: ignore[attr-defined]

    def selection_moved(self, item: CalendarItem | None) -> None:
        """For the week view: scroll the selection into view."""

    def keep_selection(self) -> None:
        """After new items: keep the selected session if it is still shown."""
        if self.selected is not None:
            self.selected = next((item for item in self.items if item.session_id == self.selected.session_id), None)  # type: ignore[attr-defined]

    # The views' Qt handlers, the same for the week and the month (this mixin comes before QWidget).
    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:  # noqa: N802
        if not self.handle_item_key(event):
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QtGui.QContextMenuEvent) -> None:  # noqa: N802
        self.show_item_menu(event, self.item_at(QtCore.QPointF(event.pos())))

    def handle_item_key(self, event: QtGui.QKeyEvent) -> bool:
        key = event.key()
        if key in (_KEYS.Key_Left, _KEYS.Key_Right, _KEYS.Key_Up, _KEYS.Key_Down) \
                and event.modifiers() == QtCore.Qt.KeyboardModifier.NoModifier:
            self.select(next_item(self.items, self.selected, key, self.day_jump))  # type: ignore[attr-defined]
            return True
        if key in (_KEYS.Key_Return, _KEYS.Key_Enter, _KEYS.Key_F2) and self.selected is not None:
            self.edit_requested.emit(self.selected)  # type: ignore[attr-defined]
            return True
        if key == _KEYS.Key_Delete and self.selected is not None and self.delete_action is not None \
                and event.modifiers() == QtCore.Qt.KeyboardModifier.NoModifier:
            self.delete_action(self.selected)
            return True
        if key == _KEYS.Key_Escape and self.selected is not None:
            self.select(None)
            return True
        return False

    def item_menu(self, item: CalendarItem) -> QtWidgets.QMenu:
        menu = QtWidgets.QMenu(self)  # type: ignore[arg-type]
        menu.addAction(translate("Calendar", "Open… (Enter)"), lambda: self.edit_requested.emit(item))  # type: ignore[attr-defined]
        for text, callback in self.extra_actions:
            menu.addAction(text(), lambda callback=callback: callback(item))
        if self.delete_action is not None:
            menu.addAction(translate("Calendar", "Delete visio… (Delete)"), lambda: self.delete_action(item))
        return menu

    def show_item_menu(self, event: QtGui.QContextMenuEvent, item: CalendarItem | None) -> None:
        if item is None and event.reason() == QtGui.QContextMenuEvent.Reason.Keyboard:
            item = self.selected
        if item is None:
            event.ignore()
            return
        self.select(item)
        position = event.globalPos()
        if event.reason() == QtGui.QContextMenuEvent.Reason.Keyboard:
            rect = self.item_rect(item.session_id)  # type: ignore[attr-defined]
            if rect is not None:
                position = self.mapToGlobal(rect.center().toPoint())  # type: ignore[attr-defined]
        self.last_menu = self.item_menu(item)
        self.last_menu.popup(position)

    def paint_selection(self, painter: QtGui.QPainter, rect: QtCore.QRectF) -> None:
        painter.save()
        pen = QtGui.QPen(self.palette().color(QtGui.QPalette.ColorRole.Highlight), 2.5)  # type: ignore[attr-defined]
        pen.setStyle(QtCore.Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.setBrush(QtCore.Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5), 4, 4)
        painter.restore()
