"""Counting a paged list's rows in a worker thread and handing the total back to the GUI thread.

Paged lists (the Exchange log, the media gallery) show their first page at once
and count every match in the background. The worker reports through ONE relay
object for the whole application, created on the GUI thread and never deleted:
a count that finishes after its list was closed then emits on a live object
instead of racing the list's deletion, and the GUI thread drops it because the
list is gone. The list receives ``receive_count(generation, total)``; it drops
a count whose generation is older than its current filter or sort. ``total`` is
-1 when counting failed (logged): the rows are shown, only the count is missing.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6

from classesduo.ui.qt import QtCore

log = logging.getLogger(__name__)


class _CountRelay(QtCore.QObject):
    counted = QtCore.Signal(object, int)  # (weak reference to the list, generation), total


_relay: _CountRelay | None = None


def _relay_instance() -> _CountRelay:
    global _relay  # noqa: PLW0603 - created once, on the GUI thread, by the first paged list
    if _relay is None:
        _relay = _CountRelay()
        _relay.counted.connect(_deliver)
    return _relay


def _deliver(target: tuple[weakref.ref[Any], int], total: int) -> None:
    receiver = target[0]()
    if receiver is not None and shiboken6.isValid(receiver):
        receiver.receive_count(target[1], total)


def count_in_background(receiver: QtCore.QObject, generation: int, count: Callable[[], int],
                        wanted: Callable[[], bool] = lambda: True) -> None:
    """Run ``count()`` on the global thread pool; ``receiver.receive_count(generation, total)`` gets the result.

    ``wanted()`` is asked when the worker starts: a count that a newer filter
    already replaced (the user kept typing) is skipped, not run.
    """
    relay = _relay_instance()  # on the GUI thread, before the worker needs it
    target = (weakref.ref(receiver), generation)

    def run() -> None:
        if not wanted():
            return
        try:
            total = count()
        except Exception:  # the rows are shown; only the count is missing
            log.exception("counting the rows of %s failed", type(receiver).__name__)
            total = -1
        relay.counted.emit(target, total)

    QtCore.QThreadPool.globalInstance().start(run)
