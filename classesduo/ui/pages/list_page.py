"""The shape every area's list shares: a filter box, a sortable table, and an empty state.

A subclass declares its columns, how to load its records from the services,
and the texts of its empty state; everything else (filtering as you type,
sorting, language switch, "what to do next" when empty) lives here once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from classesduo.services.workspace import Workspace
from classesduo.domain.i18n import Plural
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, Signal, translate
from classesduo.ui.table_model import RECORD_ROLE, Column, FilterProxy, RecordTableModel


class EmptyState(QtWidgets.QWidget):
    """A sentence that says what to do, and the button that does it."""

    action_triggered = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QtWidgets.QLabel(alignment=QtCore.Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.label.setObjectName("emptyStateLabel")
        self.button = QtWidgets.QPushButton()
        self.button.clicked.connect(self.action_triggered)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, QtCore.Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def set_texts(self, text: str, button_text: str) -> None:
        self.label.setText(text)
        self.button.setText(button_text)
        self.button.setVisible(bool(button_text))


class RecordTable(QtWidgets.QWidget):
    """Filter box + sortable table + empty state over one :class:`RecordTableModel`."""

    activated = Signal(object)  # the record of a double-clicked or Enter-pressed row
    empty_action = Signal()

    def __init__(self, columns: Sequence[Column[Any]], parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RecordTableModel[Any] = self._make_model(columns)
        self.proxy: QtCore.QAbstractItemModel = self._make_proxy()
        self.filter_edit = QtWidgets.QLineEdit(clearButtonEnabled=True)
        self.filter_edit.textChanged.connect(self._filter_text_changed)
        self.count_label = QtWidgets.QLabel()
        self.view = QtWidgets.QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, QtCore.Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move within it
        self.view.setWordWrap(False)  # one line a row: a long text is elided, whole in its tooltip
        self.view.verticalHeader().hide()
        # Right-click, the Menu key or Shift+F10: the row's actions (Open, or a page's Edit/Delete…), then Copy.
        self.view.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.ActionsContextMenu)
        self.open_action = QtGui.QAction(self.view)
        self.open_action.triggered.connect(lambda: self._activate(self.view.currentIndex()))
        self.view.addAction(self.open_action)
        from classesduo.ui.context_menus import add_copy_actions

        self.copy_actions = add_copy_actions(self.view)  # then Copy (Ctrl+C): the row as tab-separated text
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(self._activate)
        self.view.horizontalHeader().setResizeContentsPrecision(200)  # sample rows: long lists stay fast
        self.view.horizontalHeader().sectionResized.connect(self._user_resized)
        self._sized = False
        self.empty = EmptyState()
        self.empty.action_triggered.connect(self.empty_action)
        self.stack = QtWidgets.QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        top = QtWidgets.QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.retranslate_ui()

    def _make_model(self, columns: Sequence[Column[Any]]) -> RecordTableModel[Any]:
        return RecordTableModel(columns, self)

    def _make_proxy(self) -> QtCore.QAbstractItemModel:
        """What the view shows: a sorting and filtering proxy over the model (a paged table shows its model)."""
        proxy = FilterProxy(self)
        proxy.setSourceModel(self.model)
        return proxy

    def _filter_text_changed(self, text: str) -> None:
        self.proxy.set_filter_text(text)  # type: ignore[attr-defined]

    def set_records(self, records: Sequence[Any]) -> None:
        self.model.set_records(records)
        self.stack.setCurrentWidget(self.view if records else self.empty)
        self.filter_edit.setEnabled(bool(records))
        if records and not self._sized:  # size columns once; later refreshes keep the user's widths
            self.size_columns()
            self._sized = True
        self._update_count()

    #: No column starts wider than this: a long name is elided (its full text is the cell's tooltip), so the
    #: other columns stay in view without a horizontal scroll bar.
    MAX_COLUMN_WIDTH = 300

    MIN_FITTED_WIDTH = 70

    def size_columns(self) -> None:
        self._fitting = True
        try:
            self.view.resizeColumnsToContents()
            header = self.view.horizontalHeader()
            for column in range(header.count()):
                if header.sectionSize(column) > self.MAX_COLUMN_WIDTH:
                    header.resizeSection(column, self.MAX_COLUMN_WIDTH)
        finally:
            self._fitting = False
        self._auto_widths = True
        self.fit_columns()

    def fit_columns(self) -> None:
        """Columns sized by the app (not the user) shrink, widest first, to fit the table's width."""
        if not getattr(self, "_auto_widths", False) or self.view.viewport().width() < 50:
            return
        header = self.view.horizontalHeader()
        sizes = [0 if header.isSectionHidden(column) else header.sectionSize(column) for column in range(header.count())]
        excess = sum(sizes) - self.view.viewport().width()
        self._fitting = True
        try:
            while excess > 0:
                widest = max(range(len(sizes)), key=sizes.__getitem__)
                room = sizes[widest] - self.MIN_FITTED_WIDTH
                if room <= 0:
                    break
                cut = min(room, excess, max(8, sizes[widest] - sorted(sizes)[-2] if len(sizes) > 1 else excess))
                sizes[widest] -= cut
                excess -= cut
                header.resizeSection(widest, sizes[widest])
        finally:
            self._fitting = False

    def _user_resized(self, column: int, _old: int, _new: int) -> None:
        stretched = column == self.view.horizontalHeader().count() - 1  # the last column follows the table's width
        if not getattr(self, "_fitting", False) and not stretched:
            self._auto_widths = False  # the user chose: keep it

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit_columns()

    def keep_column_widths(self) -> None:
        """The columns have widths the user chose (restored from the last run): loading keeps them."""
        self._sized = True
        self._auto_widths = False

    def set_row_actions(self, actions: Sequence[QtGui.QAction]) -> None:
        """What a row's context menu offers first, instead of the plain Open: a page's Edit…, Delete…"""
        self.view.removeAction(self.open_action)
        shown = self.view.actions()
        self.view.insertActions(shown[0] if shown else None, list(actions))  # type: ignore[arg-type]

    def selected_record(self) -> Any | None:
        rows = self.view.selectionModel().selectedRows()
        return self.proxy.index(rows[0].row(), 0).data(RECORD_ROLE) if rows else None

    def retranslate_ui(self) -> None:
        self.filter_edit.setPlaceholderText(translate("RecordTable", "Filter… (Ctrl+F)"))
        self.filter_edit.setAccessibleName(translate("RecordTable", "Filter the list"))
        self.open_action.setText(translate("RecordTable", "Open (Enter)"))
        self.model.retranslate()
        self._update_count()

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:  # noqa: N802
        if event.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter) and self.view.hasFocus():
            self._activate(self.view.currentIndex())
            return
        super().keyPressEvent(event)

    def _activate(self, index: QtCore.QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.proxy.index(index.row(), 0).data(RECORD_ROLE))

    def _update_count(self, *_: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(translate("RecordTable", "{shown} of {total}").format(shown=shown, total=total)
                                 if shown != total else Plural.tr("%n row(s)", "", total))


class ListPage(QtWidgets.QWidget):
    """An area of the main window showing one list of records."""

    demo_requested = Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.title_label = QtWidgets.QLabel()
        self.title_label.setObjectName("pageTitle")
        self.table = self.make_table()
        self.table.empty_action.connect(self.demo_requested)
        self.table.activated.connect(self.open_record)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.title_label)
        self.add_header_widgets(layout)
        layout.addWidget(self.table, 1)
        self.retranslate_ui()

    # to override ---------------------------------------------------------------------------------
    def columns(self) -> Sequence[Column[Any]]:
        raise NotImplementedError

    def make_table(self) -> RecordTable:
        return RecordTable(self.columns())

    def load(self, workspace: Workspace) -> Sequence[Any]:
        raise NotImplementedError

    def page_title(self) -> str:
        raise NotImplementedError

    def empty_text(self) -> str:
        raise NotImplementedError

    def add_header_widgets(self, layout: QtWidgets.QVBoxLayout) -> None:
        """Room for a page's own controls between the title and the table."""

    def open_record(self, record: Any) -> None:
        """Double-click or Enter on a row; pages with a detail view override this."""

    # shared -------------------------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.refresh()

    def refresh(self) -> None:
        self.table.set_records(self.load(self.workspace) if self.workspace else [])

    def focus_filter(self) -> None:
        self.table.filter_edit.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
        self.table.filter_edit.selectAll()

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.page_title())
        self.table.empty.set_texts(self.empty_text(), translate("ListPage", "Load the demo data"))
        self.table.retranslate_ui()

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def text_column(title: Callable[[], str], display: Callable[[Any], str],
                sort_key: Callable[[Any], Any] | None = None, align_right: bool = False) -> Column[Any]:
    return Column(title=title, display=display, sort_key=sort_key, align_right=align_right)


def titled_with_empty_state(page: QtWidgets.QWidget, title: QtWidgets.QLabel,
                            content: QtWidgets.QWidget) -> tuple[QtWidgets.QStackedWidget, EmptyState]:
    """Lay out ``page``: its title above a stack of its content and its empty state.

    The empty state's button asks for the demo (``page.demo_requested``); the page switches the
    stack between the two.
    """
    empty = EmptyState()
    empty.action_triggered.connect(page.demo_requested)
    stack = QtWidgets.QStackedWidget()
    stack.addWidget(content)
    stack.addWidget(empty)
    layout = QtWidgets.QVBoxLayout(page)
    layout.addWidget(title)
    layout.addWidget(stack, 1)
    return stack, empty
