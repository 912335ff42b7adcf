"""Start the GUI: show the window first, then open the data behind it."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from types import TracebackType

from classesduo import __version__
from classesduo.logs import setup_logging
from classesduo.paths import AppPaths
from classesduo.settings import Settings
from classesduo.ui.qt import QtCore, QtWidgets, translate

log = logging.getLogger(__name__)


def install_excepthook(window: QtWidgets.QWidget, log_path: str) -> None:
    """An unexpected exception is logged and shown with the log's path; the window stays open."""
    from classesduo.ui.dialogs import Dialogs

    dialogs: Dialogs = getattr(window, "dialogs", None) or Dialogs()

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("unexpected error\n%s", details)
        dialogs.error(window, translate("App", "Something went wrong: {error}\n\nThe details are in the log file:\n"
                                               "{path}").format(error=error, path=log_path), details)

    sys.excepthook = hook


def create_application(argv: list[str]) -> QtWidgets.QApplication:
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(argv)
    app.setApplicationName("Classes Duo")
    app.setOrganizationName("Ville de Paris")
    app.setApplicationVersion(__version__)
    apply_style(app)
    return app


def apply_style(app: QtWidgets.QApplication) -> None:
    from classesduo.paths import resources_dir

    style = resources_dir() / "styles" / "app.qss"
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


def run_gui(data_dir: str | None = None, db_url: str | None = None) -> int:
    from classesduo.ui.main_window import MainWindow
    from classesduo.ui.translations import Translations

    app = create_application(sys.argv)
    paths = AppPaths.resolve(data_dir)
    paths.ensure()
    setup_logging(paths.log_file)
    settings = Settings.load(paths.settings_file)
    translations = Translations(app)
    translations.apply(settings.language)
    window = MainWindow(paths, settings, translations, db_url=db_url)
    install_excepthook(window, str(paths.log_file))
    window.show()
    QtCore.QTimer.singleShot(0, window.open_data)
    probe = os.environ.get("CLASSESDUO_BENCH_PROBE")
    if probe:
        from classesduo.ui.bench_probe import install_probe

        install_probe(app, window, probe)
    return app.exec()
