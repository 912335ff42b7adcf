"""The main window: a navigation list of the app's areas beside the current page.

The window is built in two steps so it shows before SQLAlchemy and the pages are
imported (about a second here): the frame (navigation, menus) at once, the
pages (``ui/window_pages.py``) when :meth:`MainWindow.open_data` runs, just
after the window is on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from classesduo import __version__, tz_database_version
from classesduo.paths import AppPaths
from classesduo.settings import Settings
from classesduo.ui.changes import ChangeRouter, Changes, Kind
from classesduo.ui.dialogs import Dialogs
from classesduo.ui.icons import icon
from classesduo.ui.operations import Operation, run_with_progress
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, Signal, translate
from classesduo.ui.safety_menu import SafetyMenu
from classesduo.ui.tooltips import name_shortcuts
from classesduo.ui.translations import Translations
from classesduo.ui.window_interface import WindowInterface
from classesduo.ui.window_state import restore_geometry, restore_views, save_window

if TYPE_CHECKING:
    from classesduo.services.dashboard import HomeSummary
    from classesduo.services.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Area:
    key: str  # also the name of its icon in resources/icons
    title: Callable[[], str]


AREAS = [
    Area("home", lambda: translate("MainWindow", "Home")),
    Area("schools", lambda: translate("MainWindow", "Schools")),
    Area("duos", lambda: translate("MainWindow", "Duos")),
    Area("calendar", lambda: translate("MainWindow", "Calendar")),
    Area("log", lambda: translate("MainWindow", "Exchange log")),
    Area("media", lambda: translate("MainWindow", "Media")),
    Area("reports", lambda: translate("MainWindow", "Reports")),
]


#: The room every page gets at least (see MainWindow.__init__); with the navigation, the menus and the
#: status bar the window's own minimum stays well inside a 1280×720 screen.
PAGE_MINIMUM = QtCore.QSize(760, 480)


def _default_size() -> QtCore.QSize:
    """First run: 1200×760, or less on a smaller screen."""
    screen = QtGui.QGuiApplication.primaryScreen()
    size = QtCore.QSize(1200, 760)
    if screen is not None:
        size = size.boundedTo(screen.availableSize() * 0.95)
    return size


class MainWindow(QtWidgets.QMainWindow):
    home_ready = Signal()  # the home page shows the data; the other pages are still being built
    workspace_ready = Signal()  # every page shows the data
    #: Anything may have changed (kept for callers that cannot say what): the visible page refreshes now, the
    #: others when shown. Prefer ``changes_made`` with a :class:`~classesduo.ui.changes.Changes`.
    data_changed = Signal()
    changes_made = Signal(object)  # a Changes: what an operation wrote

    def __init__(self, paths: AppPaths, settings: Settings, translations: Translations,
                 dialogs: Dialogs | None = None, db_url: str | None = None) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.translations = translations
        self.dialogs = dialogs or Dialogs()
        self.db_url = db_url
        self.workspace: Workspace | None = None
        self.instance_guard: object | None = None  # set by run_gui: the data folder's single-instance lock
        self._operation: Operation | None = None
        self._duo_origin: QtWidgets.QWidget | None = None
        self.setObjectName("MainWindow")
        self.resize(_default_size())

        self.pages: dict[str, Any] = {}
        self.nav = QtWidgets.QListWidget()
        self.nav.setObjectName("navigation")
        self.stack = QtWidgets.QStackedWidget()
        # The pages share this much room whatever their contents: a page change, a data load or a language
        # switch never makes the window grow (tests/ui/test_window_fit.py checks each page fits 1280×720).
        self.stack.setMinimumSize(PAGE_MINIMUM)
        self.opening = QtWidgets.QLabel(alignment=QtCore.Qt.AlignmentFlag.AlignCenter)
        self.opening.setObjectName("emptyStateLabel")
        self.stack.addWidget(self.opening)
        for area in AREAS:
            item = QtWidgets.QListWidgetItem(icon(area.key), "")
            item.setData(QtCore.Qt.ItemDataRole.UserRole, area.key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._show_row)
        # clicking the current area again leaves the duo page
        self.nav.itemClicked.connect(lambda item: self.show_area(self.nav.row(item)))
        central = QtWidgets.QWidget()
        layout = QtWidgets.QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.changes = ChangeRouter(self.pages, self.stack.currentWidget)
        from classesduo.ui.feed_refresh import FeedRefresher

        self.feeds = FeedRefresher(self)
        self.data_changed.connect(lambda: self.apply_changes(Changes.everything()))
        self.changes_made.connect(self.apply_changes)
        self.stack.currentChanged.connect(lambda _index: self.changes.shown(self.stack.currentWidget()))
        self._build_actions()
        self.nav.setCurrentRow(0)
        self.retranslate_ui()
        restore_geometry(self, settings)

    def build_pages(self) -> None:
        """Create every page (importing the services behind them) once; the window is already visible."""
        self._build_home()
        if "reports" in self.pages:
            return
        from classesduo.ui.window_pages import install_other_pages

        self.duo_page = install_other_pages(self.host, self.log_actions)
        if self.workspace is not None:
            for key, page in self.pages.items():
                if key != "home":
                    page.set_workspace(self.workspace)
        restore_views(self.pages, self.settings)
        name_shortcuts(self)
        last = next((row for row, area in enumerate(AREAS) if area.key == self.settings.last_area), None)
        if last is not None and self.nav.currentRow() == 0:
            self.nav.setCurrentRow(last)
        self._show_row(self.nav.currentRow())

    def _build_home(self) -> None:
        """The home page alone first, so it shows the data before the other pages are imported."""
        if self.pages:
            return
        from classesduo.ui.window_pages import install_home

        self.log_actions = install_home(self.host)
        self._show_row(self.nav.currentRow())

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        target = self.pages.get(AREAS[row].key, self.opening)
        current = self.stack.currentWidget()
        resolve = getattr(current, "resolve_unsaved", None)  # the media details: Save / Discard / Cancel
        if current is not target and resolve is not None and not resolve():
            back = next((r for r, area in enumerate(AREAS) if self.pages.get(area.key) is current), -1)
            blocked = self.nav.blockSignals(True)  # Cancel: stay, the typing kept
            self.nav.setCurrentRow(back)
            self.nav.blockSignals(blocked)
            return
        self.stack.setCurrentWidget(target)

    def show_area(self, row: int) -> None:
        """Show an area even when its row is already current (e.g. leaving the duo page)."""
        self.nav.setCurrentRow(row)
        self._show_row(row)

    def open_duo(self, duo_id: str) -> None:
        if self.stack.currentWidget() is not self.duo_page:
            self._duo_origin = self.stack.currentWidget()
        self.duo_page.show_duo(duo_id)
        self.stack.setCurrentWidget(self.duo_page)

    def close_duo_page(self) -> None:
        self.stack.setCurrentWidget(self._duo_origin or self.pages["duos"])

    def log_exchange(self) -> None:
        if not self.pages:
            return
        on_duo = self.stack.currentWidget() is self.duo_page and self.duo_page.duo_id
        self.log_actions.open_form(duo_id=self.duo_page.duo_id if on_duo else None)

    # actions ----------------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.view_menu = self.menuBar().addMenu("")
        self.help_menu = self.menuBar().addMenu("")
        self.demo_action = self.file_menu.addAction("", self.load_demo)
        self.import_action = self.file_menu.addAction("", self.import_csv)
        self.import_action.setShortcut(QtGui.QKeySequence("Ctrl+I"))
        self.log_exchange_action = self.file_menu.addAction("", self.log_exchange)
        self.log_exchange_action.setShortcut(QtGui.QKeySequence("Ctrl+L"))
        self.file_menu.addSeparator()
        self.host = WindowInterface(self)  # what the menus and pages may ask of the window
        self.safety = SafetyMenu(self.host, self.file_menu)
        self.file_menu.addSeparator()
        self.preferences_action = self.file_menu.addAction("", self.edit_preferences)
        self.preferences_action.setShortcut(QtGui.QKeySequence.StandardKey.Preferences)
        if self.preferences_action.shortcut().isEmpty():
            self.preferences_action.setShortcut(QtGui.QKeySequence("Ctrl+,"))
        self.file_menu.addSeparator()
        self.quit_action = self.file_menu.addAction("", self.close)
        self.quit_action.setShortcut(QtGui.QKeySequence.StandardKey.Quit)
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QtGui.QKeySequence("Ctrl+Q"))
        self.refresh_action = self.view_menu.addAction("", self.refresh_visible)
        self.refresh_action.setShortcut(QtGui.QKeySequence.StandardKey.Refresh)
        self.filter_action = self.view_menu.addAction("", self.focus_filter)
        self.filter_action.setShortcut(QtGui.QKeySequence.StandardKey.Find)
        self.view_menu.addSeparator()
        self.area_actions = []
        for number, area in enumerate(AREAS, start=1):
            action = self.view_menu.addAction("", lambda row=number - 1: self.show_area(row))
            action.setShortcut(QtGui.QKeySequence(f"Ctrl+{number}"))
            self.area_actions.append(action)
        # F10 opens the menu bar on every platform (the keyboard's way into the menus)
        self.menu_shortcut = QtGui.QShortcut(QtGui.QKeySequence("F10"), self)
        self.menu_shortcut.activated.connect(lambda: self.menuBar().setActiveAction(self.file_menu.menuAction()))
        from classesduo.ui.context_menus import add_menu_key

        self.context_menu_shortcut = add_menu_key(self)  # Shift+F10: the focused widget's context menu
        self.log_action = self.help_menu.addAction("", self.open_log_folder)
        self.about_action = self.help_menu.addAction("", self.about)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(translate("MainWindow", "Classes Duo"))
        self.nav.setAccessibleName(translate("MainWindow", "Areas"))
        self.opening.setText(translate("MainWindow", "Opening the database…"))
        for row, area in enumerate(AREAS):
            self.nav.item(row).setText(area.title())
            self.nav.item(row).setToolTip(f"{area.title()} (Ctrl+{row + 1})")
            self.area_actions[row].setText(area.title())
        self.nav.setFixedWidth(max(190, self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 12))
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self.demo_action.setText(translate("MainWindow", "Load &demo data"))
        self.import_action.setText(translate("MainWindow", "&Import CSV…"))
        self.log_exchange_action.setText(translate("MainWindow", "&Log an exchange…"))
        self.safety.retranslate_ui()
        self.preferences_action.setText(translate("MainWindow", "&Preferences…"))
        self.quit_action.setText(translate("MainWindow", "&Quit"))
        self.refresh_action.setText(translate("MainWindow", "&Refresh"))
        self.filter_action.setText(translate("MainWindow", "&Filter the list"))
        self.log_action.setText(translate("MainWindow", "Open the &log folder"))
        self.about_action.setText(translate("MainWindow", "&About Classes Duo"))

    def changeEvent(self, event: QtCore.QEvent) -> None:  # noqa: N802
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
            QtCore.QTimer.singleShot(0, self.name_shortcuts)  # once the pages have their new texts
        super().changeEvent(event)

    # data -------------------------------------------------------------------------------------------
    def open_data(self) -> None:
        """Open (and if needed migrate) the database off the GUI thread; the window is already shown."""
        self.statusBar().showMessage(translate("MainWindow", "Opening the database…"))
        data_dir, db_url, weeks = str(self.paths.data_dir), self.db_url, self.settings.quiet_weeks
        self._operation = Operation(lambda progress, cancelled: _open_and_back_up(data_dir, db_url, weeks), self)
        self._operation.succeeded.connect(self._workspace_opened)
        self._operation.failed.connect(self._workspace_failed)
        # Started before the home page is built: its disk work (integrity check, daily backup) overlaps the
        # imports; its result is delivered to this thread once the home page exists.
        self._operation.start()
        self._build_home()

    def _workspace_opened(self, opened: tuple[Workspace, HomeSummary | None]) -> None:
        workspace, summary = opened
        self.pages["home"].preset_summary(summary)
        self.set_workspace(workspace)
        self.statusBar().showMessage(translate("MainWindow", "Data folder: {path}").format(
            path=self.paths.data_dir), 8000)
        self.home_ready.emit()
        QtCore.QTimer.singleShot(0, self._finish_opening)  # let the home page paint first

    def _finish_opening(self) -> None:
        self.build_pages()
        self.workspace_ready.emit()
        self.offer_demo_on_first_run()

    def _workspace_failed(self, error: BaseException, details: str) -> None:
        from classesduo.services.workspace import DatabaseDamagedError

        self.statusBar().showMessage(translate("MainWindow", "The database could not be opened."))
        if isinstance(error, DatabaseDamagedError):
            self.safety.database_damaged(error)
            return
        self.dialogs.error(self, translate("MainWindow", "The database could not be opened: {error}\n\n"
                                                         "Details are in the log: {log}").format(
            error=error, log=self.paths.log_file), details)

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        if getattr(self, "log_actions", None) is not None:  # postponements of the previous workspace
            self.log_actions.undo_stack.clear()
        for page in self.pages.values():
            page.set_workspace(workspace)

    def apply_changes(self, changes: Changes, source: QtWidgets.QWidget | None = None) -> None:
        """Refresh what shows the changed records: the visible page now, hidden ones when next shown."""
        if self.workspace is not None:
            self.changes.apply(changes, source)
            self.feeds.changed()  # Preferences › Calendar feeds folder, written off the GUI thread
            sync_bar = getattr(self.pages.get("calendar"), "sync_bar", None)
            if sync_bar is not None and Kind.SESSIONS in changes.kinds:  # any page's: to a connected CalDAV calendar
                sync_bar.after_change()

    def refresh_visible(self) -> None:
        """View › Refresh: the page on screen now, every other page when it is next shown."""
        if self.workspace is None:
            return
        self.changes.mark_all_stale()
        self.stack.currentWidget().refresh()

    def refresh_all(self) -> None:
        """Every page, now (tests; the window itself refreshes only what a change concerns)."""
        if self.workspace is None:
            return
        self.changes.mark_all_stale()  # pages keeping records between refreshes read them again
        self.changes.stale.clear()
        for page in self.pages.values():
            page.refresh()

    def focus_filter(self) -> None:
        self.stack.currentWidget().focus_filter()

    def offer_demo_on_first_run(self) -> None:
        if self.settings.demo_offered or self.workspace is None:
            return
        self.settings.demo_offered = True
        self._save_settings()
        home = self.pages["home"]
        if home.summary is not None and home.summary.is_empty:
            if self.dialogs.confirm(self, translate("MainWindow", "Welcome to Classes Duo"), translate(
                    "MainWindow", "Your database is empty. Load the demo programme (Paris schools paired with "
                                  "schools in Buenos Aires, Montréal, Tokyo, Dakar…) to explore the app? "
                                  "You can load it later from the File menu.")):
                self.load_demo()

    def load_demo(self) -> None:
        if self.workspace is None:
            return
        from classesduo.services.demo import DemoCancelled, load_demo

        workspace = self.workspace

        def done(summary: object) -> None:
            self.data_changed.emit()
            added = getattr(summary, "total_added", 0)
            self.statusBar().showMessage(
                translate("MainWindow", "Demo data loaded.") if added
                else translate("MainWindow", "The demo data was already loaded: nothing added."), 8000)

        def failed(error: BaseException, details: str) -> None:
            if isinstance(error, DemoCancelled):
                self.statusBar().showMessage(translate("MainWindow", "Demo loading cancelled; nothing added."), 8000)
            else:
                self.report_error(error, details)

        self._operation = run_with_progress(
            self, translate("MainWindow", "Loading the demo programme…"),
            lambda progress, cancelled: load_demo(workspace, progress=progress, cancelled=cancelled),
            done, failed)

    def import_csv(self) -> None:
        """File › Import CSV…; the pages refresh after a file is written (see ``ui/import_dialog.py``)."""
        if self.workspace is None:
            return
        from classesduo.ui.import_dialog import ImportDialog

        if getattr(self, "import_dialog", None) is not None:
            self.import_dialog.deleteLater()
        self.import_dialog = ImportDialog(self.workspace, self.dialogs, self, on_error=self.report_error)
        self.import_dialog.imported.connect(lambda _summary: self.data_changed.emit())
        self.import_dialog.open()

    def edit_preferences(self) -> None:
        from classesduo.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self)
        try:
            if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
                return
            new = dialog.result_settings()
        finally:
            dialog.deleteLater()  # not kept under the window
        language_changed = new.language != self.settings.language
        data_changed = (new.db_url, new.media_dir) != (self.settings.db_url, self.settings.media_dir)
        self.settings = new
        self._save_settings()
        if language_changed:
            self.translations.apply(new.language)
        if data_changed:  # shared mode switched on, off or elsewhere: reopen the data
            if self.workspace is not None:
                workspace = self.workspace
                self.set_workspace(None)
                workspace.close()
            self.open_data()
            return
        self.apply_changes(Changes.of(Kind.PREFERENCES))

    def _save_settings(self) -> None:
        try:
            self.settings.save(self.paths.settings_file)
        except OSError as error:
            self.report_error(error, "")

    def report_error(self, error: BaseException, details: str) -> None:
        from classesduo.services.errors import ServiceError, ValidationError

        if isinstance(error, ServiceError | ValidationError):
            self.dialogs.error(self, str(error))
            return
        self.dialogs.error(self, translate("MainWindow", "Something went wrong: {error}\n\nDetails are in the log: "
                                                        "{log}").format(error=error, log=self.paths.log_file), details)

    def open_log_folder(self) -> None:
        QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(self.paths.log_dir)))

    def about(self) -> None:
        self.dialogs.info(self, translate("MainWindow", "About Classes Duo"), translate(
            "MainWindow", "Classes Duo {version}\nPlan and record the City of Paris school exchanges.\n\n"
                          "Time zone database: {tzdata} (shipped with the app)\n"
                          "Data folder: {path}").format(version=__version__, tzdata=tz_database_version(),
                                                        path=self.paths.data_dir))

    def refresh_icons(self) -> None:
        """Draw the icons again in the palette's colour (light or dark appearance)."""
        for row, area in enumerate(AREAS):
            self.nav.item(row).setIcon(icon(area.key))

    def name_shortcuts(self) -> None:
        """Tooltips naming each action's and button's key; accessible names for icon-only controls."""
        name_shortcuts(self)

    def current_area(self) -> str:
        row = self.nav.currentRow()
        return AREAS[row].key if 0 <= row < len(AREAS) else ""

    def remember_window(self) -> None:
        """Keep the size, position, splitters, column widths and current area for the next run."""
        save_window(self, self.pages, self.current_area(), self.settings)
        self._save_settings()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:  # noqa: N802
        self.remember_window()
        if "media" in self.pages:
            self.pages["media"].shutdown()
        QtCore.QThreadPool.globalInstance().waitForDone(5000)
        if self.workspace is not None:
            self.workspace.close()
        super().closeEvent(event)


def _open_and_back_up(data_dir: str, db_url: str | None,
                      quiet_weeks: int) -> tuple[Workspace, HomeSummary | None]:
    """Open the data (checking and migrating it), take the daily backup if one is due, and read what the
    home page shows — here, on the worker, while the GUI thread is still importing the home page."""
    from datetime import UTC, datetime

    from classesduo.services.backups import backup_if_due
    from classesduo.services.dashboard import home_summary
    from classesduo.services.errors import ServiceError
    from classesduo.services.workspace import open_workspace

    workspace = open_workspace(data_dir, db_url)
    try:
        backup_if_due(workspace)
    except ServiceError:
        log.exception("the start-up backup failed")
    try:
        summary = home_summary(workspace.db, datetime.now(UTC), quiet_weeks)
    except Exception:  # the home page reads it again itself
        log.exception("reading the home page's data at start-up failed")
        summary = None
    return workspace, summary
