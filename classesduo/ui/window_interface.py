"""What the window's menus and pages may ask of it: a narrow interface instead of the whole ``MainWindow``.

``safety_menu.py`` and ``window_pages.py`` used to reach into the window for
about 25 of its attributes (its status bar, its stack, its instance guard…).
They now get a :class:`WindowInterface`: the current workspace and replacing
it, reopening the data (possibly from another folder), the dialogs and the
parent to show them on, error reporting, the status line, change
notification, and — for wiring the pages together — adding a page and the
few navigation moves between pages. Anything else stays the window's own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from classesduo.paths import AppPaths
    from classesduo.services.workspace import Workspace
    from classesduo.settings import Settings
    from classesduo.ui.changes import Changes
    from classesduo.ui.dialogs import Dialogs
    from classesduo.ui.main_window import MainWindow
    from classesduo.ui.qt import QtWidgets


class WindowInterface:
    def __init__(self, window: MainWindow) -> None:
        self._window = window

    # the data ---------------------------------------------------------------------------------------
    @property
    def workspace(self) -> Workspace | None:
        return self._window.workspace

    @property
    def paths(self) -> AppPaths:
        return self._window.paths

    def settings(self) -> Settings:
        """The current settings (read when needed: the preferences may have changed them)."""
        return self._window.settings

    def replace_workspace(self, workspace: Workspace | None) -> None:
        """Every page shows ``workspace`` (None: nothing, e.g. while a restore replaces the database)."""
        self._window.set_workspace(workspace)

    def reopen(self, data_dir: Path | None = None) -> None:
        """Open the data again (off the GUI thread), from ``data_dir`` when given."""
        if data_dir is not None:
            from classesduo.paths import AppPaths

            self._window.paths = AppPaths.resolve(data_dir)
        self._window.open_data()

    def notify(self, changes: Changes, source: QtWidgets.QWidget | None = None) -> None:
        """Records changed: the pages showing them refresh (see :mod:`classesduo.ui.changes`)."""
        self._window.apply_changes(changes, source)

    # dialogs, errors, status ------------------------------------------------------------------------
    @property
    def parent(self) -> QtWidgets.QWidget:
        """The widget dialogs and progress windows are shown on."""
        return self._window

    @property
    def dialogs(self) -> Dialogs:
        return self._window.dialogs

    def report_error(self, error: BaseException, details: str) -> None:
        self._window.report_error(error, details)

    def show_status(self, text: str, milliseconds: int = 10_000) -> None:
        self._window.statusBar().showMessage(text, milliseconds)

    def close_window(self) -> None:
        self._window.close()

    def swap_instance_guard(self, guard: Any) -> Any:
        """Hold ``guard`` (the lock of another data folder) instead of the current one, which is returned."""
        from classesduo.ui.single_instance import bring_forward

        old = self._window.instance_guard
        guard.raise_requested.connect(bring_forward(self._window))
        self._window.instance_guard = guard
        return old

    def instance_guard(self) -> Any:
        """The data folder's single-instance lock (None when the window runs without one, as in tests)."""
        return self._window.instance_guard

    # the pages, for wiring them together ------------------------------------------------------------
    @property
    def pages(self) -> Mapping[str, Any]:
        return self._window.pages

    def add_page(self, key: str, page: QtWidgets.QWidget) -> None:
        self._window.pages[key] = page
        self._window.stack.addWidget(page)

    def show_area(self, row: int) -> None:
        self._window.show_area(row)

    def open_duo(self, duo_id: str) -> None:
        self._window.open_duo(duo_id)

    def close_duo_page(self) -> None:
        self._window.close_duo_page()

    def load_demo(self) -> None:
        self._window.load_demo()

    def on_status(self) -> Callable[[str], None]:
        """A slot showing a page's message in the status line."""
        return lambda text: self.show_status(text, 8000)


__all__ = ["WindowInterface"]
