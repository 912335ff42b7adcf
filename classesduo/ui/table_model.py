"""A read-only Qt table model over a list of records, and a filter proxy for "filter as you type".

Columns are declared once (title, how to show a value, how to sort it), so
every page's table sorts and filters the same way. Titles are functions so a
language switch re-reads them.

Sorting is done by the model in Python with one key per row (``sorted()``),
not by the proxy comparing rows pair by pair: a proxy's ``lessThan`` calls
into Python twice per comparison, about a second for a few thousand schools.
The proxy only filters and keeps the model's order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from classesduo.domain.text import fold as _fold
from classesduo.ui.collation import text_key
from classesduo.ui.qt import Qt, QtCore

T = TypeVar("T")

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column(Generic[T]):
    title: Callable[[], str]
    display: Callable[[T], str]
    sort_key: Callable[[T], Any] | None = None
    align_right: bool = False


class RecordTableModel(QtCore.QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._records: list[T] = []
        self._order: tuple[int, Qt.SortOrder] | None = None  # the last sort asked, kept across set_records

    def set_records(self, records: Sequence[T]) -> None:
        self.beginResetModel()
        self._records = self._sorted(list(records))
        self.endResetModel()

    def sort_value(self, record: T, column: int) -> Any:
        """What ``column`` sorts ``record`` by: its sort key, else its text, folded (case and accents ignored)."""
        spec = self._columns[column]
        key = spec.sort_key(record) if spec.sort_key else spec.display(record)
        return _fold(key) if isinstance(key, str) else key

    def _order_value(self, record: T, column: int) -> Any:
        """What rows are ordered by: texts in the language's order ("Béranger" before "Buffon", QCollator)."""
        spec = self._columns[column]
        key = spec.sort_key(record) if spec.sort_key else spec.display(record)
        return text_key(key) if isinstance(key, str) else key

    def _sorted(self, records: list[T]) -> list[T]:
        return [records[i] for i in self._sort_ranks(records)]

    def _sort_ranks(self, records: list[T]) -> list[int]:
        """The positions of ``records`` in the current order (unchanged when nothing was sorted yet)."""
        if self._order is None or not 0 <= self._order[0] < len(self._columns):
            return list(range(len(records)))
        column, order = self._order
        values = [self._order_value(record, column) for record in records]
        descending = order == Qt.SortOrder.DescendingOrder
        try:  # empty values first when ascending; equal rows keep their order (sorted() is stable both ways)
            return sorted(range(len(records)), key=lambda i: (values[i] is not None, values[i]), reverse=descending)
        except TypeError:  # mixed kinds of values: compare their text
            texts = [str(self.sort_value(record, column)) for record in records]
            return sorted(range(len(records)), key=lambda i: (values[i] is not None, texts[i]), reverse=descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._order = (column, order)
        if not self._records:
            return
        self.layoutAboutToBeChanged.emit()
        ranks = self._sort_ranks(self._records)
        self._records = [self._records[i] for i in ranks]
        new_row = {old: new for new, old in enumerate(ranks)}
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [self.index(new_row[index.row()], index.column()) for index in old])
        self.layoutChanged.emit()

    def record(self, row: int) -> T:
        return self._records[row]

    def records(self) -> list[T]:
        return list(self._records)

    def retranslate(self) -> None:
        if self._order is not None and self._records:  # labels sort differently in the other language
            self.sort(*self._order)
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._records) - 1, len(self._columns) - 1))

    # Qt model interface -------------------------------------------------------------------------
    def rowCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(record)
        if role == SORT_ROLE:
            return self.sort_value(record, index.column())
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.ToolTipRole:  # a long text elided in a narrow column shows whole here
            text = column.display(record)
            return text if len(text) > 24 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return self._columns[section].title()
        return None


class FilterProxy(QtCore.QSortFilterProxyModel):
    """Case- and accent-insensitive match of every word typed, across all columns; the source model sorts."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def set_filter_text(self, text: str) -> None:
        words = [_fold(word) for word in text.split()]
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10 deprecates invalidateFilter()
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QtCore.QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QtCore.QModelIndex) -> bool:  # noqa: N802
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = " ".join(
            _fold(str(model.index(source_row, column, source_parent).data() or ""))
            for column in range(model.columnCount())
        )
        return all(word in haystack for word in self._words)
