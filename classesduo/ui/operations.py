"""Long work off the GUI thread, with progress and cancel.

An operation is a plain function ``fn(progress, cancelled)``; it runs on Qt's
thread pool and reports back through signals, which Qt delivers on the GUI
thread. The view that started it refreshes in ``on_done``.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6

from classesduo.ui.qt import QtCore, QtWidgets, Signal

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class Operation(QtCore.QObject):
    """Public signals are emitted on the thread the operation was created on (the GUI thread)."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object, str)  # the exception, its traceback

    # Emitted from the worker; queued to the slots below so the public signals fire on our thread.
    _worker_progress = Signal(int, int)
    _worker_success = Signal(object)
    _worker_failure = Signal(object, str)

    def __init__(self, work: Work, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self.done = threading.Event()
        queued = QtCore.Qt.ConnectionType.QueuedConnection
        self._worker_progress.connect(self._relay_progress, queued)
        self._worker_success.connect(self._relay_success, queued)
        self._worker_failure.connect(self._relay_failure, queued)

    @QtCore.Slot(int, int)
    def _relay_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    @QtCore.Slot(object)
    def _relay_success(self, result: object) -> None:
        self.succeeded.emit(result)

    @QtCore.Slot(object, str)
    def _relay_failure(self, error: object, details: str) -> None:
        self.failed.emit(error, details)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> None:
        QtCore.QThreadPool.globalInstance().start(self._run)

    def _run(self) -> None:
        try:
            result = self._work(self._worker_progress.emit, self._cancel.is_set)
        except Exception as error:  # noqa: BLE001 - handed to the GUI thread to report
            log.exception("operation failed")
            self._worker_failure.emit(error, traceback.format_exc())
        else:
            self._worker_success.emit(result)
        finally:
            self.done.set()


def run_with_progress(
    parent: QtWidgets.QWidget,
    label: str,
    work: Work,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException, str], None],
) -> Operation:
    """Run ``work`` with a progress dialog whose Cancel asks the work to stop."""
    dialog = QtWidgets.QProgressDialog(label, QtCore.QCoreApplication.translate("Operations", "Cancel"),
                                       0, 0, parent)
    dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    operation = Operation(work, parent)
    finished = False
    reporting = 0  # calls inside dialog.setValue(), which runs the event loop when the dialog is modal

    def progressed(done: int, total: int) -> None:
        nonlocal reporting
        # A late progress report must never touch a dialog that is closed, or deleted with its parent.
        if not finished and shiboken6.isValid(dialog):
            reporting += 1
            try:
                dialog.setMaximum(total)
                dialog.setValue(done)
            finally:
                reporting -= 1
            if finished and not reporting:  # the work ended inside setValue's event loop: delete it now
                dispose()

    def dispose() -> None:
        if shiboken6.isValid(dialog):
            dialog.deleteLater()
        operation.deleteLater()

    def finish() -> None:
        nonlocal finished
        finished = True
        if shiboken6.isValid(dialog):
            dialog.close()
        if not reporting:  # else a deferred delete run by setValue's event loop would free the dialog under it
            dispose()

    operation.progressed.connect(progressed)
    operation.succeeded.connect(lambda result: (finish(), on_done(result)))
    operation.failed.connect(lambda error, details: (finish(), on_error(error, details)))
    dialog.canceled.connect(operation.cancel)
    operation.start()
    return operation
