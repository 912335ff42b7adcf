"""A table whose rows come from the database one page at a time.

For lists too long to hold in Python (the Exchange log can reach 100,000
sessions), the model asks a :class:`PageSource` for 100 rows at a time as the
view scrolls (``canFetchMore``/``fetchMore``), sorts by asking the source again
(``sort()``), and refilters when the filter text settles (150 ms debounce).

The first page comes first: when it holds every matching row, that is the
count; otherwise the count (a scan of every match) runs in the background and
the label says "counting…" until it arrives, so typing in the filter never
waits for it. A refresh while filtered also counts the unfiltered total on a
worker. The count label shows the source's count, not the rows fetched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from classesduo.ui.background_count import count_in_background
from classesduo.ui.paged_rows import PagedRows
from classesduo.ui.pages.list_page import RecordTable
from classesduo.domain.i18n import Plural
from classesduo.ui.qt import Qt, QtCore, translate
from classesduo.ui.table_model import Column, RecordTableModel

PAGE_SIZE = 100
DEBOUNCE_MS = 150
#: Columns are sized to the contents of this many rows (Qt would otherwise measure every cell of the first page).
SIZE_FROM_ROWS = 20


class PageSource(Protocol):
    def page(self, text: str, sort: str, descending: bool, offset: int, limit: int) -> Sequence[Any]: ...

    def count(self, text: str) -> int:
        """Called from a worker thread."""


class PagedTableModel(PagedRows, RecordTableModel[Any]):
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
        self._page_size = PAGE_SIZE
        self._init_paging()

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
        self._reload_rows()

    def _has_source(self) -> bool:
        return self._source is not None

    def _page(self, offset: int, limit: int) -> Sequence[Any]:
        assert self._source is not None
        return self._source.page(self._text, self._sort, self._descending, offset, limit)

    def _counter(self) -> Callable[[], int]:
        source, text = self._source, self._text
        assert source is not None
        return lambda: source.count(text)

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
        self.view.horizontalHeader().setResizeContentsPrecision(SIZE_FROM_ROWS)
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
        elif model.filter_text or model.total is None:
            # The unfiltered total (refreshed while filtered: is there anything at all?) is counted on a worker,
            # never here; it is kept even if the user types a filter meanwhile.
            generation = self._source_generation
            count_in_background(self, generation, lambda: source.count(""),
                                wanted=lambda: generation == self._source_generation)
        self._show_rows_or_empty()
        if model.rowCount() and not self._sized:
            self.size_columns()
            self._sized = True
        self._update_count()

    def _show_rows_or_empty(self) -> None:
        """The table, or the empty state when there is nothing at all (not merely nothing matching the filter)."""
        model: PagedTableModel = self.model  # type: ignore[assignment]
        filtered_unknown = bool(model.filter_text) and self._unfiltered is None  # still counting: keep the filter
        any_rows = bool(model.rowCount() or self._unfiltered or filtered_unknown)
        self.stack.setCurrentWidget(self.view if any_rows else self.empty)
        self.filter_edit.setEnabled(any_rows)

    def receive_count(self, generation: int, total: int) -> None:
        """The unfiltered total, counted in the background when the table was (re)loaded."""
        if generation == self._source_generation and total >= 0:
            self._unfiltered = total
            self._show_rows_or_empty()
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
            self.count_label.setText(Plural.tr("at least %n row(s)", "", model.rowCount())
                                     if model.count_failed else translate("RecordTable", "counting…"))
        elif total is None or shown == total:
            self.count_label.setText(Plural.tr("%n row(s)", "", shown))
        else:
            self.count_label.setText(translate("RecordTable", "{shown} of {total}").format(shown=shown, total=total))
