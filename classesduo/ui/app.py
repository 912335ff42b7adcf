"""Start the GUI: show the window first, then open the data behind it."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import TracebackType

import shiboken6

from classesduo import __version__
from classesduo.logs import setup_logging
from classesduo.paths import AppPaths
from classesduo.settings import Settings
from classesduo.ui.qt import QtCore, QtWidgets, translate
from classesduo.ui.single_instance import bring_forward

log = logging.getLogger(__name__)


def install_excepthook(window: QtWidgets.QWidget, log_path: str) -> None:
    """An unexpected exception is logged and shown with the log's path; the window stays open."""
    from classesduo.ui.dialogs import Dialogs

    dialogs: Dialogs = getattr(window, "dialogs", None) or Dialogs()

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        import traceback

        details = "".join(traceback.format_exception(kind, error, tb))
        setup_logging(Path(log_path))  # the file is normally set up once the window shows; maybe not yet
        log.error("unexpected error\n%s", details)
        if not shiboken6.isValid(window):  # e.g. a worker failing while the app shuts down
            return
        dialogs.error(window, translate("App", "Something went wrong: {error}\n\nThe details are in the log file:\n"
                                               "{path}").format(error=error, path=log_path), details)

    sys.excepthook = hook


def create_application(argv: list[str]) -> QtWidgets.QApplication:
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(argv)
    app.setApplicationName("Classes Duo")
    app.setOrganizationName("Ville de Paris")
    app.setApplicationVersion(__version__)
    apply_style(app)
    from classesduo.ui.appearance import apply_appearance

    apply_appearance(app)  # light or dark, as the system is set (and when it changes)
    return app


def apply_style(app: QtWidgets.QApplication) -> None:
    from classesduo.paths import resources_dir

    style = resources_dir() / "styles" / "app.qss"
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


def run_gui(data_dir: str | None = None, db_url: str | None = None) -> int:
    from classesduo.ui.main_window import MainWindow
    from classesduo.ui.translations import Translations

    from classesduo.paths import use_private_umask

    use_private_umask()  # children's data: every file 0600, every folder 0700, whatever the user's umask
    app = create_application(sys.argv)
    paths = AppPaths.resolve(data_dir)
    try:
        paths.ensure()
    except OSError as error:  # e.g. --data-dir names a file, or a folder that cannot be written: a sentence
        QtWidgets.QMessageBox.critical(None, translate("App", "Classes Duo cannot start"), translate(
            "App", "Classes Duo cannot use the data folder {path} ({error}). Choose another folder with --data-dir, "
                   "or check that it is a folder your user may write in.").format(
            path=paths.data_dir, error=error.strerror or error))
        return 2
    settings = Settings.load(paths.settings_file)
    translations = Translations(app)
    translations.apply(settings.language)
    guard = _claim_data_folder(paths)
    if guard is None:
        return 1
    window = MainWindow(paths, settings, translations, db_url=db_url)
    window.instance_guard = guard
    guard.raise_requested.connect(bring_forward(window))
    install_excepthook(window, str(paths.log_file))
    window.show()
    app.processEvents()  # paint the window now; the rest comes from the event loop, in this order
    probe = os.environ.get("CLASSESDUO_BENCH_PROBE")
    if probe:
        from classesduo.ui.bench_probe import install_probe

        install_probe(app, window, probe)
    # The log file is set up once the window shows (logging.handlers costs ~15 ms); a warning before that,
    # e.g. about a damaged settings file, goes to stderr, and the exception hook sets the file up itself.
    QtCore.QTimer.singleShot(0, lambda: setup_logging(paths.log_file))
    QtCore.QTimer.singleShot(0, guard.listen)
    QtCore.QTimer.singleShot(0, window.open_data)
    try:
        return app.exec()
    finally:
        QtCore.QThreadPool.globalInstance().waitForDone(5000)  # e.g. opening the data, if the app quit meanwhile
        window.instance_guard.release()  # type: ignore[attr-defined]


def _claim_data_folder(paths: AppPaths):  # noqa: ANN202 - an InstanceGuard or None
    """Own the data folder, or bring the window that already does forward and tell the user."""
    from classesduo.ui.single_instance import InstanceGuard, ask_running_window_to_raise

    guard = InstanceGuard(paths.data_dir)
    if guard.acquire(listen=False):  # run_gui listens once the window shows
        return guard
    raised = ask_running_window_to_raise(paths.data_dir)
    setup_logging(paths.log_file)
    log.info("data folder %s already open in another window (raised: %s)", paths.data_dir, raised)
    QtWidgets.QMessageBox.information(None, translate("App", "Classes Duo is already open"), translate(
        "App", "Classes Duo is already open on this data folder:\n{path}\n\nIts window has been brought to the "
               "front. One window at a time keeps the data safe.").format(path=paths.data_dir))
    return None
