"""What the main window remembers between runs: size, position, splitters, column widths, last area.

Everything is kept in :class:`~classesduo.settings.Settings` as base64 text of Qt's own
``saveGeometry``/``saveState`` blobs, so one settings file holds it all. Splitters and the
columns of the pages' record tables are keyed by page and position ("media/splitter/0",
"home/table/2"), which stay the same from one run to the next because the pages are built
in the same order every time.
"""

from __future__ import annotations

import base64
import binascii
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING

from classesduo.ui.qt import QtCore, QtWidgets

if TYPE_CHECKING:
    from classesduo.settings import Settings

log = logging.getLogger(__name__)


def encode(blob: QtCore.QByteArray) -> str:
    return base64.b64encode(bytes(blob.data())).decode("ascii")


def decode(text: object) -> QtCore.QByteArray | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        return QtCore.QByteArray(base64.b64decode(text.encode("ascii"), validate=True))
    except (binascii.Error, ValueError):
        log.warning("a saved window state is not base64; ignored")
        return None


def _remembered_views(pages: dict[str, QtWidgets.QWidget]) -> Iterator[tuple[str, QtWidgets.QSplitter
                                                                            | QtWidgets.QHeaderView]]:
    """Each splitter and each record table's column header of the pages, with its key."""
    from classesduo.ui.pages.list_page import RecordTable

    for page_key, page in pages.items():
        for index, splitter in enumerate(page.findChildren(QtWidgets.QSplitter)):
            yield f"{page_key}/splitter/{index}", splitter
        for index, table in enumerate(page.findChildren(RecordTable)):
            yield f"{page_key}/table/{index}", table.view.horizontalHeader()


def save_window(window: QtWidgets.QMainWindow, pages: dict[str, QtWidgets.QWidget], area: str,
                settings: Settings) -> None:
    """Write the window's geometry, state, splitters, column widths and current area into ``settings``."""
    settings.window_geometry = encode(window.saveGeometry())
    settings.window_state = encode(window.saveState())
    settings.last_area = area
    states = dict(settings.view_states)
    for key, view in _remembered_views(pages):
        states[key] = encode(view.saveState())
    settings.view_states = states


def restore_geometry(window: QtWidgets.QMainWindow, settings: Settings) -> bool:
    """Put the window back where it was (before it is shown); False when nothing usable was saved."""
    geometry = decode(settings.window_geometry)
    restored = geometry is not None and window.restoreGeometry(geometry)
    state = decode(settings.window_state)
    if state is not None:
        window.restoreState(state)
    return bool(restored)


def restore_views(pages: dict[str, QtWidgets.QWidget], settings: Settings) -> None:
    """Splitter positions and column widths, once the pages exist and show their data."""
    from classesduo.ui.pages.list_page import RecordTable

    states = settings.view_states if isinstance(settings.view_states, dict) else {}
    for key, view in _remembered_views(pages):
        state = decode(states.get(key))
        if state is None:
            continue
        if isinstance(view, QtWidgets.QHeaderView):
            table = view.parent()
            while table is not None and not isinstance(table, RecordTable):
                table = table.parent()
            if table is not None:
                table.keep_column_widths()  # the first records must not resize the columns back
        if not view.restoreState(state):
            log.info("saved state for %s no longer fits; ignored", key)
