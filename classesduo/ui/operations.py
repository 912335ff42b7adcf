"""Long work off the GUI thread, with progress and cancel.

An operation is a plain function ``fn(progress, cancelled)``; it runs on Qt's
thread pool and reports back through signals, which Qt delivers on the GUI
thread. The view that started it refreshes in ``on_done``.
"""

from __future__ import annotations

import logging
import threading
import traceback
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6

from classesduo.ui.qt import QtCore, QtWidgets, Signal

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _WorkerRelay(QtCore.QObject):
    """Carries every operation's reports from its worker to the GUI thread.

    One object for the whole application, created on the GUI thread and never
    deleted: a worker that finishes after its operation (or the window owning
    it) was deleted emits on a live object instead of racing that deletion —
    which could crash the process — and the report is dropped on the GUI
    thread because the operation is gone.
    """

    progress = Signal(object, int, int)
    success = Signal(object, object)
    failure = Signal(object, object, str)


_relay: _WorkerRelay | None = None


def _worker_relay() -> _WorkerRelay:
    global _relay  # noqa: PLW0603 - created once, on the GUI thread, by the first operation
    if _relay is None:
        _relay = _WorkerRelay()
        _relay.progress.connect(lambda target, done, total: _deliver(target, "progressed", done, total))
        _relay.success.connect(lambda target, result: _deliver(target, "succeeded", result))
        _relay.failure.connect(lambda target, error, details: _deliver(target, "failed", error, details))
    return _relay


def _deliver(target: weakref.ref[Operation], signal: str, *values: object) -> None:
    operation = target()
    if operation is not None and shiboken6.isValid(operation):
        getattr(operation, signal).emit(*values)


class Operation(QtCore.QObject):
    """Public signals are emitted on the GUI thread (operations are created there)."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object, str)  # the exception, its traceback

    def __init__(self, work: Work, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self.done = threading.Event()
        self._relay = _worker_relay()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> None:
        QtCore.QThreadPool.globalInstance().start(self._run)

    def _run(self) -> None:
        relay, target = self._relay, weakref.ref(self)
        try:
            try:
                result = self._work(lambda done, total: relay.progress.emit(target, done, total),
                                    self._cancel.is_set)
            except Exception as error:  # noqa: BLE001 - handed to the GUI thread to report
                log.exception("operation failed")
                relay.failure.emit(target, error, traceback.format_exc())
            else:
                relay.success.emit(target, result)
        except RuntimeError:  # the relay itself is gone: the interpreter is shutting down; nobody is listening
            log.info("an operation ended while the application was closing")
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
