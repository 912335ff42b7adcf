"""Keyboard and context menu for a session in the week, month and list views: the same actions everywhere.

The week and month views draw their sessions themselves; the :class:`ItemKeys` mixin keeps which one
is selected, moves it with the arrow keys (Left/Right: previous/next day with a session in the week,
previous/next session in the month; Up/Down: previous/next session in the week, the same weekday a
week before/after in the month), opens it with Enter or F2, deletes it (after the page's
confirmation) with Delete and offers the same actions on a right-click or the Menu key.
:class:`TableItemKeys` gives the list view's rows those actions (:func:`session_actions`, their one home).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from classesduo.ui.qt import QtCore, QtGui, QtWidgets, Signal, translate

if TYPE_CHECKING:
    from classesduo.ui.calendar.items import CalendarItem
    from classesduo.ui.pages.list_page import RecordTable

# What a session's menu offers besides opening and deleting it: [(text, callback(item))], set by the page.
ExtraActions = list[tuple[Callable[[], str], Callable[["CalendarItem"], None]]]

_KEYS = QtCore.Qt.Key


def session_actions(open_item: Callable[[CalendarItem], None], extra_actions: ExtraActions,
                    delete_action: Callable[[CalendarItem], None] | None,
                    ) -> list[tuple[Callable[[], str], Callable[[CalendarItem], None], str]]:
    """A session's actions, in the order its context menu shows them: (text, callback(item), key or "")."""
    actions: list[tuple[Callable[[], str], Callable[[CalendarItem], None], str]] = [
        (lambda: translate("Calendar", "Open… (Enter)"), open_item, "F2")]
    actions += [(text, callback, "") for text, callback in extra_actions]
    if delete_action is not None:
        actions.append((lambda: translate("Calendar", "Delete visio… (Delete)"), delete_action, "Delete"))
    return actions


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
    #: Set by the page: what a session's context menu offers besides opening and deleting it.
    extra_actions: ExtraActions

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
        for text, callback, _keys in session_actions(self.edit_requested.emit, self.extra_actions,  # type: ignore[attr-defined]
                                                     self.delete_action):
            menu.addAction(text(), lambda callback=callback: callback(item))
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


class TableItemKeys(QtCore.QObject):
    """The same actions on the rows of a list of sessions (a :class:`RecordTable` of ``SessionView``).

    The row's context menu (right-click, the Menu key, Shift+F10) offers :func:`session_actions`; F2 opens
    the selected row and Delete deletes it (keys of the table only, not of its filter box); Enter and a
    double-click open it already (``RecordTable.activated``).
    """

    edit_requested = Signal(object)  # CalendarItem

    def __init__(self, table: RecordTable, extra_actions: ExtraActions,
                 delete_action: Callable[[CalendarItem], None] | None) -> None:
        super().__init__(table)
        self.table = table
        self._entries = session_actions(self.edit_requested.emit, extra_actions, delete_action)
        self.actions: list[QtGui.QAction] = []
        for _text, callback, keys in self._entries:
            action = QtGui.QAction(table.view)
            if keys:
                action.setShortcut(QtGui.QKeySequence(keys))
                action.setShortcutContext(QtCore.Qt.ShortcutContext.WidgetShortcut)
                action.setShortcutVisibleInContextMenu(False)  # the text names the key, as in the week and month
            action.triggered.connect(lambda _checked=False, callback=callback: self._run(callback))
            self.actions.append(action)
        table.set_row_actions(self.actions)
        table.view.installEventFilter(self)
        self.retranslate_ui()

    def selected_item(self) -> CalendarItem | None:
        from classesduo.ui.calendar.items import CalendarItem

        view: Any = self.table.selected_record()
        return None if view is None else CalendarItem(view)

    def _run(self, callback: Callable[[CalendarItem], None]) -> None:
        item = self.selected_item()
        if item is not None:
            callback(item)

    def retranslate_ui(self) -> None:
        for action, (text, _callback, _keys) in zip(self.actions, self._entries, strict=True):
            action.setText(text())

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False
