"""The safety menu and the page wiring work on the window's narrow interface alone, not on MainWindow."""

from __future__ import annotations

from pathlib import Path

from classesduo.settings import Settings
from classesduo.ui.changes import Changes
from classesduo.ui.qt import QtWidgets
from classesduo.ui.window_interface import WindowInterface

from .conftest import FakeDialogs

#: The interface's members: nothing else may be asked of a host.
ALLOWED = {name for name in dir(WindowInterface) if not name.startswith("_")}


class StrictHost:
    """A window stand-in with exactly the interface's members; asking for anything else fails the test."""

    def __init__(self, workspace) -> None:  # noqa: ANN001
        self.parent = QtWidgets.QWidget()
        self.dialogs = FakeDialogs()
        self.workspace = workspace
        self.paths = workspace.paths if workspace else None
        self.pages: dict[str, QtWidgets.QWidget] = {}
        self.statuses: list[str] = []
        self.notified: list[tuple[Changes, object]] = []
        self.errors: list[BaseException] = []

    def __getattribute__(self, name: str):  # noqa: ANN204
        if not name.startswith("_") and name not in ALLOWED | {"statuses", "notified", "errors"}:
            raise AssertionError(f"asked the window for {name!r}, which is not in its interface")
        return object.__getattribute__(self, name)

    def settings(self) -> Settings:
        return Settings()

    def show_status(self, text: str, milliseconds: int = 10_000) -> None:
        self.statuses.append(text)

    def on_status(self):  # noqa: ANN201
        return self.show_status

    def notify(self, changes: Changes, source: object = None) -> None:
        self.notified.append((changes, source))

    def report_error(self, error: BaseException, details: str) -> None:
        self.errors.append(error)

    def add_page(self, key: str, page: QtWidgets.QWidget) -> None:
        self.pages[key] = page

    def instance_guard(self) -> None:
        return None

    def replace_workspace(self, workspace) -> None:  # noqa: ANN001
        self.workspace = workspace

    def reopen(self, data_dir: Path | None = None) -> None: ...
    def open_duo(self, duo_id: str) -> None: ...
    def close_duo_page(self) -> None: ...
    def show_area(self, row: int) -> None: ...
    def load_demo(self) -> None: ...
    def close_window(self) -> None: ...
    def swap_instance_guard(self, guard: object) -> None: ...


def test_the_safety_menu_backs_up_through_the_interface(demo_workspace, qtbot) -> None:  # noqa: ANN001
    from classesduo.ui.safety_menu import SafetyMenu

    host = StrictHost(demo_workspace)
    menu = QtWidgets.QMenu()
    safety = SafetyMenu(host, menu)
    assert safety.backup_action in menu.actions()
    safety.backup_action.trigger()
    qtbot.waitUntil(lambda: bool(host.statuses or host.errors), timeout=20_000)
    assert not host.errors and "Backup written" in host.statuses[0]


def test_the_pages_are_wired_through_the_interface(demo_workspace, qtbot) -> None:  # noqa: ANN001
    from classesduo.ui.window_pages import install_home, install_other_pages

    host = StrictHost(demo_workspace)
    actions = install_home(host)
    duo_page = install_other_pages(host, actions)
    assert set(host.pages) == {"home", "schools", "duos", "calendar", "log", "media", "reports", "duo"}
    assert host.pages["duo"] is duo_page
    actions._saved(None)  # a log saved: the window is told what changed, and the status line says so
    assert host.notified and host.statuses == ["Exchange logged."]
    for page in host.pages.values():
        page.setParent(host.parent)
