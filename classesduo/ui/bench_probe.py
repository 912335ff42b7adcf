"""Start-up markers for ``make bench``: print when the window and the data are on screen, then quit.

Enabled only by the environment variable ``CLASSESDUO_BENCH_PROBE`` (``window``, ``data`` or
``pages``); the benchmark times the process from its launch to each marker line.
"""

from __future__ import annotations

import resource
import sys
import time

from classesduo.ui.qt import QtCore, QtWidgets


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def install_probe(app: QtWidgets.QApplication, window: QtWidgets.QMainWindow, probe: str) -> None:
    def window_shown() -> None:
        _say("PROBE window")
        if probe == "window":
            app.quit()

    def data_shown() -> None:
        window.repaint()
        _say("PROBE data")
        if probe == "data":
            app.quit()
            return
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            window.stack.currentWidget().repaint()
            app.processEvents()
        media = window.pages.get("media")
        loader = getattr(media, "loader", None)
        waited = time.monotonic()
        while loader is not None and loader.pending() and time.monotonic() - waited < 120:
            app.processEvents()  # the gallery's first page of thumbnails (made from the photos on a first run)
            time.sleep(0.01)
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        _say(f"PROBE pages {peak_kb}")
        app.quit()

    QtCore.QTimer.singleShot(0, window_shown)
    window.home_ready.connect(lambda: QtCore.QTimer.singleShot(0, data_shown))
