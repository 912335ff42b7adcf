"""Rows that come from the database a page at a time: the part the log's table and the media gallery share.

A model mixes this in before its Qt base class and supplies ``_page(offset,
limit)`` (the rows from ``offset``), ``_counter()`` (a function counting the
current rows, taken on the GUI thread and called on a worker), ``_page_size``
and a ``total_changed`` signal. ``total`` is
None while the count runs in the background (see :mod:`background_count`);
when the first page already holds every row it is the count, and no query
runs. A view may ask for more again while rows are being inserted or reset:
``_busy`` makes it wait, or the same page would come twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from classesduo.ui.background_count import count_in_background
from classesduo.ui.qt import QtCore


class PagedRows:
    _page_size = 100

    def _init_paging(self) -> None:
        self._records: list[Any] = []
        self.total: int | None = 0
        self.count_failed = False
        self._generation = 0
        self._busy = False

    # supplied by the model ------------------------------------------------------------------------
    def _has_source(self) -> bool:
        raise NotImplementedError

    def _page(self, offset: int, limit: int) -> Sequence[Any]:
        raise NotImplementedError

    def _counter(self) -> Callable[[], int]:
        raise NotImplementedError

    # paging ---------------------------------------------------------------------------------------
    def _reload_rows(self) -> None:
        """Start again from the first page (after a new source, filter or sort)."""
        self._generation += 1
        self.count_failed = False
        self._busy = True
        self.beginResetModel()  # type: ignore[attr-defined]
        try:
            self._records = []
            self.total = 0
            if self._has_source():
                rows = list(self._page(0, self._page_size + 1))
                self._records = rows[:self._page_size]
                self.total = len(rows) if len(rows) <= self._page_size else None
        finally:  # a failing source leaves an empty list, never a half-reset model
            self.endResetModel()  # type: ignore[attr-defined]
            self._busy = False
        if self.total is None:
            generation = self._generation
            count_in_background(self, generation, self._counter(),  # type: ignore[arg-type]
                                wanted=lambda: generation == self._generation)
        self.total_changed.emit()  # type: ignore[attr-defined]

    def receive_count(self, generation: int, total: int) -> None:
        if generation != self._generation or self.total is not None:  # a newer filter or sort replaced it
            return
        if total < 0:  # counting failed (logged): keep fetching as the view scrolls, until a short page
            self.count_failed = True
        else:
            self.total = max(total, len(self._records))
        self.total_changed.emit()  # type: ignore[attr-defined]

    def canFetchMore(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> bool:  # noqa: N802, B008
        return (not parent.isValid() and not self._busy and self._has_source()
                and (self.total is None or len(self._records) < self.total))

    def fetchMore(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> None:  # noqa: N802, B008
        if not self.canFetchMore(parent):
            return
        rows = list(self._page(len(self._records), self._page_size))
        if len(rows) < self._page_size and (self.total is None or len(self._records) + len(rows) < self.total):
            self.total = len(self._records) + len(rows)  # the last page (the data may have shrunk since the count)
            self.total_changed.emit()  # type: ignore[attr-defined]
        if not rows:
            return
        first = len(self._records)
        self._busy = True
        try:
            self.beginInsertRows(QtCore.QModelIndex(), first, first + len(rows) - 1)  # type: ignore[attr-defined]
            self._records.extend(rows)
            self.endInsertRows()  # type: ignore[attr-defined]
        finally:
            self._busy = False
        if self.total is not None and len(self._records) > self.total:  # rows were added since the count
            self.total = len(self._records)
            self.total_changed.emit()  # type: ignore[attr-defined]
