"""Keep the subscription feeds current (Preferences › Calendar feeds folder) after every change.

Writing the feeds reads every visio, so it runs off the GUI thread; a change made while a write is
running asks for one more write when it ends (never two at once). A failure is shown in the status
bar and logged, and the next change tries again.
"""

from __future__ import annotations

import logging
from pathlib import Path

from classesduo.ui.qt import QtCore, QtWidgets, translate

log = logging.getLogger(__name__)


class FeedRefresher(QtCore.QObject):
    def __init__(self, window: QtWidgets.QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.operation = None
        self.again = False
        self.last_error = ""

    def changed(self) -> None:
        folder = self.window.settings.feed_folder
        if not folder or self.window.workspace is None:
            return
        if self.operation is not None:
            self.again = True
            return
        from classesduo.services.feeds import write_feeds
        from classesduo.ui.operations import Operation

        db = self.window.workspace.db
        self.operation = Operation(lambda _progress, _cancelled: write_feeds(db, Path(folder)), self)
        self.operation.succeeded.connect(self._done)
        self.operation.failed.connect(self._failed)
        self.operation.start()

    def _done(self, _result: object) -> None:
        self.operation = None
        self.last_error = ""
        if self.again:
            self.again = False
            self.changed()

    def _failed(self, error: BaseException, _details: str) -> None:
        self.operation = None
        self.last_error = str(error)
        log.warning("calendar feeds not written: %s", error)
        self.window.statusBar().showMessage(translate("FeedRefresher", "Calendar feeds not written: {error}").format(
            error=getattr(error, "strerror", None) or error), 10_000)
