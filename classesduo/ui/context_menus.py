"""What every table's context menu offers besides its rows' own actions, and the keys that open it.

:func:`add_copy_actions` gives any item view (a page's list, a report's table, a dialog's table) a right-click
and Menu-key menu with "Copy" (Ctrl+C: the selected cells as tab-separated text, one line a row, as shown —
ready to paste into a spreadsheet) and, where several rows can be selected, "Select all" (Ctrl+A).
:func:`add_menu_key` makes Shift+F10 open the context menu of the widget with the focus, as the Menu key does.
"""

from __future__ import annotations

from classesduo.ui.qt import QtCore, QtGui, QtWidgets, translate

_MULTI = (QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection,
          QtWidgets.QAbstractItemView.SelectionMode.MultiSelection,
          QtWidgets.QAbstractItemView.SelectionMode.ContiguousSelection)


def selection_text(view: QtWidgets.QAbstractItemView) -> str:
    """The selected cells (or the current one) as shown, tab-separated, one line a row, in the view's order."""
    selection = view.selectionModel()
    indexes = list(selection.selectedIndexes()) if selection is not None else []
    if not indexes and view.currentIndex().isValid():
        indexes = [view.currentIndex()]
    hidden = view.isColumnHidden if isinstance(view, QtWidgets.QTableView) else (lambda _column: False)
    indexes = [index for index in indexes if not hidden(index.column())]
    if not indexes:
        return ""
    header = view.horizontalHeader() if isinstance(view, QtWidgets.QTableView) else None

    def place(column: int) -> int:  # the column's place on screen (the user may have moved it)
        return header.visualIndex(column) if header is not None else column

    columns = sorted({index.column() for index in indexes}, key=place)
    cells: dict[tuple[int, int], QtCore.QModelIndex] = {(index.row(), index.column()): index for index in indexes}
    lines = []
    for row in sorted({index.row() for index in indexes}):
        lines.append("\t".join(_shown(view, cells[(row, column)]) if (row, column) in cells else ""
                               for column in columns))
    return "\n".join(lines)


def _shown(view: QtWidgets.QAbstractItemView, index: QtCore.QModelIndex) -> str:
    value = index.data(QtCore.Qt.ItemDataRole.DisplayRole)
    if value is None:
        return ""
    delegate = view.itemDelegateForIndex(index)
    text = delegate.displayText(value, view.locale()) if isinstance(delegate, QtWidgets.QStyledItemDelegate) \
        else str(value)
    return " ".join(text.split())  # a tab or a line break inside a cell would split it when pasted


class CopyActions(QtCore.QObject):
    """Copy (Ctrl+C) and, for a view that selects several rows, Select all (Ctrl+A), in the view's context menu."""

    def __init__(self, view: QtWidgets.QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        own_actions = bool(view.actions())
        self.copy = self._action("Copy", QtGui.QKeySequence.StandardKey.Copy, self.copy_selection)
        self.select_all: QtGui.QAction | None = None
        if view.selectionMode() in _MULTI:
            self.select_all = self._action("SelectAll", QtGui.QKeySequence.StandardKey.SelectAll, view.selectAll)
        view.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.ActionsContextMenu)
        if own_actions:  # the rows' own actions come first, then a line, then these
            separator = QtGui.QAction(view)
            separator.setSeparator(True)
            view.insertAction(self.copy, separator)
        view.installEventFilter(self)
        self.retranslate_ui()

    def _action(self, name: str, keys: QtGui.QKeySequence.StandardKey, slot: object) -> QtGui.QAction:
        action = QtGui.QAction(self.view)
        action.setObjectName(f"table{name}")
        action.setShortcut(QtGui.QKeySequence(keys))
        action.setShortcutContext(QtCore.Qt.ShortcutContext.WidgetShortcut)  # the table's keys, not its page's
        action.setShortcutVisibleInContextMenu(False)  # the text names the key, as the rows' own actions do
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    def copy_selection(self) -> None:
        text = selection_text(self.view)
        if text:
            QtWidgets.QApplication.clipboard().setText(text)

    def retranslate_ui(self) -> None:
        self.copy.setText(translate("TableMenu", "Copy (Ctrl+C)"))
        if self.select_all is not None:
            self.select_all.setText(translate("TableMenu", "Select all (Ctrl+A)"))

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False


def add_copy_actions(view: QtWidgets.QAbstractItemView) -> CopyActions:
    """Give ``view`` a context menu with Copy and Select all, after the actions it already has."""
    return CopyActions(view)


def has_context_menu(widget: QtWidgets.QWidget) -> bool:
    """Whether a right-click or the Menu key on ``widget`` shows a menu (the rule every table and calendar follows).

    Actions in an actions menu, a connected custom-menu signal, or a ``contextMenuEvent`` of the app's own.
    """
    policy = widget.contextMenuPolicy()
    policies = QtCore.Qt.ContextMenuPolicy
    if policy == policies.ActionsContextMenu:
        return any(action.isVisible() and not action.isSeparator() for action in widget.actions())
    if policy == policies.CustomContextMenu:
        return widget.receivers(QtCore.SIGNAL("customContextMenuRequested(QPoint)")) > 0
    if policy == policies.DefaultContextMenu:
        handler = type(widget).contextMenuEvent
        return not any(handler is getattr(qt_class, "contextMenuEvent", None)
                       for qt_class in type(widget).__mro__ if qt_class.__module__.startswith("PySide6"))
    return False


def open_context_menu(widget: QtWidgets.QWidget | None) -> None:
    """Show ``widget``'s context menu as the Menu key would (at its cursor or current item)."""
    if widget is None or QtWidgets.QApplication.activePopupWidget() is not None:
        return
    if isinstance(widget, QtWidgets.QAbstractItemView) and widget.currentIndex().isValid():
        point = widget.viewport().mapTo(widget, widget.visualRect(widget.currentIndex()).center())
    else:
        rect = widget.inputMethodQuery(QtCore.Qt.InputMethodQuery.ImCursorRectangle)
        if isinstance(rect, QtCore.QRectF):
            rect = rect.toRect()
        point = rect.center() if isinstance(rect, QtCore.QRect) and rect.isValid() else widget.rect().center()
    event = QtGui.QContextMenuEvent(QtGui.QContextMenuEvent.Reason.Keyboard, point, widget.mapToGlobal(point))
    QtWidgets.QApplication.sendEvent(widget, event)


def add_menu_key(window: QtWidgets.QWidget) -> QtGui.QShortcut:
    """Shift+F10 anywhere in the app (dialogs included) opens the focused widget's context menu."""
    shortcut = QtGui.QShortcut(QtGui.QKeySequence("Shift+F10"), window)
    shortcut.setContext(QtCore.Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(lambda: open_context_menu(QtWidgets.QApplication.focusWidget()))
    return shortcut
