"""Figures measured inside one process (run as ``python -m benchmarks.workloads NAME DATA_DIR ...``).

Each prints one JSON line; :mod:`benchmarks.figures` runs them in fresh processes so one figure's
memory or caches never help another.
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def finder(data_dir: str) -> dict:
    """The overlap finder for every duo over term 1 of 2026-2027, as one programme-wide search."""
    from classesduo.services.duos import list_duos
    from classesduo.services.term_slots import find_slots_for_duos
    from classesduo.services.workspace import open_workspace

    workspace = open_workspace(data_dir)
    duo_ids = [view.duo.id for view in list_duos(workspace.db)]
    start = time.perf_counter()
    searches = find_slots_for_duos(workspace.db, date(2026, 9, 1), date(2026, 12, 31), duo_ids=duo_ids)
    slots = sum(len(search.slots) for search in searches)
    return {"seconds": time.perf_counter() - start, "duos": len(searches), "slots": slots}


def report(data_dir: str, kind: str) -> dict:
    """The programme report for term 2026-2027/1, as the CLI writes it (imports done beforehand)."""
    import tempfile

    from classesduo.cli import main
    from classesduo.services.reports import data, export  # noqa: F401 - warm imports, as in a running app

    if kind == "pdf":
        from classesduo.services.reports.fonts import ensure_application

        ensure_application()
    target = Path(tempfile.mkdtemp()) / f"report.{kind}"
    start = time.perf_counter()
    code = main(["--data-dir", data_dir, "report", "--term", "2026-2027/1", "-o", str(target)])
    return {"seconds": time.perf_counter() - start, "exit": code, "bytes": target.stat().st_size}


def sessions_page(data_dir: str) -> dict:
    """The Exchange log page (every logged session) opened on the data, then typing in its filter."""
    from classesduo.services.workspace import open_workspace
    from classesduo.ui.app import create_application
    from classesduo.ui.pages.log_page import LogPage

    app = create_application([])
    workspace = open_workspace(data_dir)
    page = LogPage()
    page.resize(1200, 700)
    page.show()
    app.processEvents()
    start = time.perf_counter()
    page.set_workspace(workspace)
    page.repaint()
    app.processEvents()
    opened = time.perf_counter() - start
    keystrokes = []
    text = ""
    for char in "presentat":
        text += char
        t0 = time.perf_counter()
        page.table.filter_edit.setText(text)
        if hasattr(page.table, "apply_filter"):  # a paged table filters in SQL after a 150 ms pause: count the query
            page.table.filter_timer.stop()
            page.table.apply_filter()
        page.table.view.repaint()
        app.processEvents()
        keystrokes.append(time.perf_counter() - t0)
    return {"open_seconds": opened, "keystrokes": keystrokes, "rows": page.table.model.rowCount()}


def media_page(data_dir: str) -> dict:
    """The Media page (every duo's media) built, given the data and shown: time and memory it adds."""
    import gc

    from classesduo.services.workspace import open_workspace
    from classesduo.settings import Settings
    from classesduo.ui.app import create_application
    from classesduo.ui.dialogs import Dialogs
    from classesduo.ui.pages.media_page import MediaPage

    app = create_application([])
    workspace = open_workspace(data_dir)
    gc.collect()
    before = _rss_mb()
    start = time.perf_counter()
    page = MediaPage()
    page.attach(Dialogs(), Settings)
    page.resize(1200, 800)
    page.set_workspace(workspace)
    page.show()
    page.repaint()
    app.processEvents()
    opened = time.perf_counter() - start
    after = _rss_mb()
    return {"open_seconds": opened, "rss_before_mb": before, "rss_added_mb": after - before,
            "rows": page.model.rowCount(), "count_label": page.count_label.text()}


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def make_photos(folder: str, count: int, width: int, height: int) -> dict:
    """Camera-like JPEGs (noise over a gradient, so they do not compress to nothing)."""
    import random

    from PySide6.QtGui import QColor, QImage, QPainter

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(12)
    for index in range(count):
        target = out / f"photo-{index:03d}.jpg"
        if target.exists():
            continue
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(QColor(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
        painter = QPainter(image)
        for _ in range(400):
            painter.fillRect(rng.randrange(width), rng.randrange(height), rng.randrange(1, width // 4),
                             rng.randrange(1, height // 4), QColor(rng.randrange(256), rng.randrange(256),
                                                                    rng.randrange(256), 120))
        painter.end()
        image.save(str(target), "JPEG", 92)
    return {"count": count}


def photo_import(data_dir: str, folder: str) -> dict:
    """Import the photos into one duo through the GUI's operation, with a 10 ms timer ticking on the GUI thread."""
    from classesduo.domain.enums import Side
    from classesduo.services.duos import list_duos
    from classesduo.services.media_import import import_files
    from classesduo.services.workspace import open_workspace
    from classesduo.ui.app import create_application
    from classesduo.ui.operations import Operation
    from classesduo.ui.qt import QtCore

    _app = create_application([])  # kept alive for the event loop
    workspace = open_workspace(data_dir)
    duo_id = list_duos(workspace.db)[0].duo.id
    files = sorted(Path(folder).glob("*.jpg"))
    ticks: list[float] = []
    timer = QtCore.QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QtCore.QEventLoop()
    operation = Operation(lambda progress, cancelled: import_files(workspace, duo_id, files, Side.PARIS,
                                                                   progress=progress, cancelled=cancelled))
    result: dict = {}
    operation.succeeded.connect(lambda report: (result.update(report=report), loop.quit()))
    operation.failed.connect(lambda error, details: (result.update(error=details), loop.quit()))
    timer.start()
    start = time.perf_counter()
    operation.start()
    loop.exec()
    seconds = time.perf_counter() - start
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    if "error" in result:
        raise SystemExit(result["error"])
    return {"seconds": seconds, "bytes": sum(f.stat().st_size for f in files), "files": len(files),
            "max_gap": max(gaps, default=0.0)}


if __name__ == "__main__":
    name, *args = sys.argv[1:]
    for arg_index, value in enumerate(args):
        args[arg_index] = int(value) if value.isdigit() else value
    print(json.dumps(globals()[name](*args)), flush=True)
