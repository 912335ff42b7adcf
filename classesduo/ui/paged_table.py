"""A table whose rows come from the database one page at a time.

For lists too long to hold in Python (the Exchange log can reach 100,000
sessions), the model asks a :class:`PageSource` for 100 rows at a time as the
view scrolls (``canFetchMore``/``fetchMore``), sorts by asking the source again
(``sort()``), and refilters when the filter text settles (150 ms debounce).

The first page comes first: when it holds every matching row, that is the
count; otherwise the count (a scan of every match) runs in the background and
the label says "counting…" until it arrives, so typing in the filter never
waits for it. The count label shows the source's count, not the rows fetched.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from classesduo.ui.background_count import count_in_background
from classesduo.ui.pages.list_page import RecordTable
from classesduo.ui.qt import Qt, QtCore, translate
from classesduo.ui.table_model import Column, RecordTableModel

PAGE_SIZE = 100
DEBOUNCE_MS = 150


class PageSource(Protocol):
    def page(self, text: str, sort: str, descending: bool, offset: int, limit: int) -> Sequence[Any]: ...

    def count(self, text: str) -> int:
        """Called from a worker thread."""


class PagedTableModel(RecordTableModel[Any]):
    """Rows fetched lazily from a :class:`PageSource`; ``sort_keys[column]`` names the source's sort (None: fixed).

    ``total`` is the number of matching rows, or None while it is being counted.
    """

    total_changed = QtCore.Signal()

    def __init__(self, columns: Sequence[Column[Any]], sort_keys: Sequence[str | None],
                 parent: QtCore.QObject | None = None) -> None:
        super().__init__(columns, parent)
        self._sort_keys = list(sort_keys)
        self._source: PageSource | None = None
        self._text = ""
        self._sort = next((key for key in self._sort_keys if key), "")
        self._descending = False
        self._resetting = False  # also while rows are inserted: no fetching then
        self.total: int | None = 0
        self.count_failed = False
        self._generation = 0

    @property
    def filter_text(self) -> str:
        return self._text

    def set_source(self, source: PageSource | None) -> None:
        self._source = source
        self.reload()

    def set_sort(self, key: str, descending: bool) -> None:
        """Set the order without querying (the next :meth:`reload` uses it)."""
        self._sort, self._descending = key, descending

    def set_filter_text(self, text: str) -> None:
        self._text = " ".join(text.split())
        self.reload()

    def reload(self) -> None:
        # views (and the model tester) react to modelReset by fetching more; inserting rows while the reset
        # is still being announced breaks Qt's model contract, so fetching waits until the reset is over
        self._generation += 1
        self.count_failed = False
        self._resetting = True  # also while rows are inserted: no fetching then
        self.beginResetModel()
        try:
            self._records = []
            self.total = 0
            if self._source is not None:
                rows = list(self._source.page(self._text, self._sort, self._descending, 0, PAGE_SIZE + 1))
                self._records = rows[:PAGE_SIZE]
                self.total = len(rows) if len(rows) <= PAGE_SIZE else None
        finally:  # a failing source leaves an empty table, never a half-reset model
            self.endResetModel()
            self._resetting = False
        if self.total is None:
            self._count_in_background()
        self.total_changed.emit()

    def _count_in_background(self) -> None:
        source, text, generation = self._source, self._text, self._generation
        assert source is not None
        count_in_background(self, generation, lambda: source.count(text),
                            wanted=lambda: generation == self._generation)

    def receive_count(self, generation: int, total: int) -> None:
        if generation != self._generation or self.total is not None:  # a newer filter or sort replaced it
            return
        if total < 0:  # counting failed (logged): keep fetching as the view scrolls, until a short page
            self.count_failed = True
        else:
            self.total = max(total, len(self._records))
        self.total_changed.emit()

    def _fetch(self, offset: int) -> Sequence[Any]:
        assert self._source is not None
        return self._source.page(self._text, self._sort, self._descending, offset, PAGE_SIZE)

    # Qt model interface -------------------------------------------------------------------------
    def canFetchMore(self, parent: QtCore.QModelIndex) -> bool:  # noqa: N802
        return (not parent.isValid() and not self._resetting and self._source is not None
                and (self.total is None or len(self._records) < self.total))

    def fetchMore(self, parent: QtCore.QModelIndex) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        rows = list(self._fetch(len(self._records)))
        if not rows:  # the data shrank since the count (or the count is not known yet): stop asking
            self.total = len(self._records)
            self.total_changed.emit()
            return
        if self.total is None and len(rows) < PAGE_SIZE:  # the last page, before the count arrived
            self.total = len(self._records) + len(rows)
            self.total_changed.emit()
        first = len(self._records)
        # a view may ask for more again while the insertion is announced: the same page would come twice
        self._resetting = True
        try:
            self.beginInsertRows(QtCore.QModelIndex(), first, first + len(rows) - 1)
            self._records.extend(rows)
            self.endInsertRows()
        finally:
            self._resetting = False
        if self.total is not None and len(self._records) > self.total:  # rows were added since the count
            self.total = len(self._records)
            self.total_changed.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._sort_keys[column] if 0 <= column < len(self._sort_keys) else None
        if not key:
            return
        self.set_sort(key, order == Qt.SortOrder.DescendingOrder)
        if self._source is not None:
            self.reload()


class PagedTable(RecordTable):
    """:class:`RecordTable` over a :class:`PagedTableModel`: the view shows the model itself (no proxy)."""

    def __init__(self, columns: Sequence[Column[Any]], sort_keys: Sequence[str | None],
                 parent: QtCore.QObject | None = None) -> None:
        self._sort_keys = sort_keys
        super().__init__(columns, parent)
        self._unfiltered: int | None = 0
        self._source_generation = 0
        self.model.total_changed.connect(self._update_count)  # type: ignore[attr-defined]
        self.filter_timer = QtCore.QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(DEBOUNCE_MS)
        self.filter_timer.timeout.connect(self.apply_filter)

    def _make_model(self, columns: Sequence[Column[Any]]) -> PagedTableModel:
        return PagedTableModel(columns, self._sort_keys, self)

    def _make_proxy(self) -> QtCore.QAbstractItemModel:
        return self.model

    def _filter_text_changed(self, text: str) -> None:
        self.filter_timer.start()

    def apply_filter(self) -> None:
        """Refilter now (the debounce timer calls this once typing pauses)."""
        self.filter_timer.stop()
        model: PagedTableModel = self.model  # type: ignore[assignment]
        if " ".join(self.filter_edit.text().split()) != model.filter_text:
            model.set_filter_text(self.filter_edit.text())

    def set_order(self, column: int, order: Qt.SortOrder) -> None:
        """Show ``column`` sorted in ``order`` without querying; the next :meth:`set_source` uses it."""
        header = self.view.horizontalHeader()
        blocked = header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(blocked)
        key = self._sort_keys[column]
        if key:
            self.model.set_sort(key, order == Qt.SortOrder.DescendingOrder)  # type: ignore[attr-defined]

    def set_source(self, source: PageSource | None) -> None:
        model: PagedTableModel = self.model  # type: ignore[assignment]
        self.filter_timer.stop()
        model._text = " ".join(self.filter_edit.text().split())
        self._source_generation += 1
        self._unfiltered = None
        model.set_source(source)
        if source is None:
            self._unfiltered = 0
        elif model.filter_text:  # refreshed while filtered: is there anything at all?
            self._unfiltered = source.count("")
        elif model.total is None:  # counted in the background; kept even if the user types a filter meanwhile
            generation = self._source_generation
            count_in_background(self, generation, lambda: source.count(""),
                                wanted=lambda: generation == self._source_generation)
        any_rows = bool(model.rowCount() or self._unfiltered)
        self.stack.setCurrentWidget(self.view if any_rows else self.empty)
        self.filter_edit.setEnabled(any_rows)
        if model.rowCount() and not self._sized:
            self.view.resizeColumnsToContents()
            self._sized = True
        self._update_count()

    def receive_count(self, generation: int, total: int) -> None:
        """The unfiltered total, counted in the background when the table was (re)loaded."""
        if generation == self._source_generation and total >= 0:
            self._unfiltered = total
            self._update_count()

    def set_records(self, records: Sequence[Any]) -> None:
        raise TypeError("a paged table reads its rows from its source: use set_source()")

    def _update_count(self, *_: object) -> None:
        model: PagedTableModel = self.model  # type: ignore[assignment]
        if not hasattr(self, "_unfiltered"):  # called while the base class builds the widget
            return
        shown = model.total
        if not model.filter_text and shown is not None:
            self._unfiltered = shown
        total = self._unfiltered
        if shown is None:
            self.count_label.setText(translate("RecordTable", "at least {shown} rows").format(
                shown=model.rowCount()) if model.count_failed else translate("RecordTable", "counting…"))
        elif total is None or shown == total:
            self.count_label.setText(translate("RecordTable", "{total} rows").format(total=shown))
        else:
            self.count_label.setText(translate("RecordTable", "{shown} of {total}").format(shown=shown, total=total))
