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


#: A school week of the large programme with every duo at work (flags and all).
BUSY_WEEK = date(2027, 1, 13)


def calendar_page(data_dir: str, mode: str) -> dict:
    """The Calendar page (``week``, ``month`` or ``list``) given the data and painted; then its rule flags."""
    from classesduo.services.workspace import open_workspace
    from classesduo.settings import Settings
    from classesduo.ui.app import create_application
    from classesduo.ui.dialogs import Dialogs
    from classesduo.ui.pages.calendar_page import CalendarPage

    app = create_application([])
    workspace = open_workspace(data_dir)
    page = CalendarPage(Dialogs(), Settings)
    page.anchor = BUSY_WEEK
    page.set_mode(mode)  # no data yet: nothing is read
    page.resize(1200, 760)
    page.show()
    app.processEvents()
    start = time.perf_counter()
    page.set_workspace(workspace)
    page.repaint()
    app.processEvents()
    painted = time.perf_counter() - start
    while page.flags_pending and time.perf_counter() - start < 120:
        app.processEvents()
        time.sleep(0.002)
    flagged = time.perf_counter() - start
    shown = page.table.model.rowCount() if mode == "list" else len(page.items)
    return {"paint_seconds": painted, "flags_seconds": flagged, "sessions": shown}


def log_save(data_dir: str) -> dict:
    """A log saved from the Exchange log's form in the whole window, until the visible page has refreshed."""
    from datetime import UTC, datetime

    from classesduo.domain.enums import SessionStatus
    from classesduo.paths import AppPaths
    from classesduo.services.session_pages import SessionQuery, session_page
    from classesduo.settings import Settings
    from classesduo.ui.app import create_application
    from classesduo.ui.dialogs import Dialogs
    from classesduo.ui.main_window import AREAS, MainWindow
    from classesduo.ui.translations import Translations

    app = create_application([])
    translations = Translations(app)
    translations.apply("en")
    window = MainWindow(AppPaths.resolve(data_dir), Settings(demo_offered=True), translations, Dialogs())
    window.resize(1200, 760)
    window.show()
    ready: list[bool] = []
    window.workspace_ready.connect(lambda: ready.append(True))
    window.open_data()
    while not ready:
        app.processEvents()
        time.sleep(0.005)
    window.show_area([area.key for area in AREAS].index("log"))
    app.processEvents()
    refreshed: dict[str, int] = {}
    for key, page in window.pages.items():
        real = page.refresh

        def counting(real=real, key=key) -> None:  # noqa: ANN001
            refreshed[key] = refreshed.get(key, 0) + 1
            real()

        page.refresh = counting
    now = datetime.now(UTC)
    db = window.workspace.db
    to_log = session_page(db, SessionQuery(statuses=(SessionStatus.PLANNED,), ended_by=now), 0, 1)
    [view] = to_log or session_page(db, SessionQuery(statuses=(SessionStatus.HELD,)), 0, 1)  # tiny data: edit one
    form = window.log_actions.open_form(session=view)
    form.status_combo.setCurrentIndex(form.status_combo.findData("held"))
    form.paris_box.setValue(max(form.paris_box.value(), 12))  # a held exchange says how many pupils took part
    form.partner_box.setValue(max(form.partner_box.value(), 10))
    from classesduo.domain import validation

    opened = time.perf_counter()  # as a user filling the form: the language list is read meanwhile
    while not validation._language_codes.cache_info().currsize and time.perf_counter() - opened < 30:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()
    start = time.perf_counter()
    form.save()
    window.stack.currentWidget().repaint()
    app.processEvents()
    seconds = time.perf_counter() - start
    settle = time.perf_counter()
    while time.perf_counter() - settle < 0.2:  # let the background count land before quitting
        app.processEvents()
    if not refreshed:  # the form is still open (and not deleted): it says why
        errors = {field: label.text() for field, label in form._errors.items() if not label.isHidden()}
        raise SystemExit(f"the log was not saved: {errors}")
    window.close()
    return {"seconds": seconds, "refreshed": refreshed, "stale": sorted(window.changes.stale)}


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
