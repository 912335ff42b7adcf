"""The main window's pages and how they are wired together.

Kept apart from ``main_window.py`` so that importing the window does not
import the pages, the services behind them and SQLAlchemy: the window shows
first, then :func:`install_pages` runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from classesduo.ui.log_actions import LogActions
from classesduo.ui.pages.calendar_page import CalendarPage
from classesduo.ui.pages.duo_page import DuoPage
from classesduo.ui.pages.duos_page import DuosPage
from classesduo.ui.pages.home_page import HomePage
from classesduo.ui.pages.log_page import LogPage
from classesduo.ui.pages.media_page import MediaPage
from classesduo.ui.pages.reports_page import ReportsPage
from classesduo.ui.pages.schools_page import SchoolsPage

if TYPE_CHECKING:
    from classesduo.ui.main_window import MainWindow


def install_pages(window: MainWindow) -> None:
    from classesduo.ui.main_window import AREAS

    settings = lambda: window.settings  # noqa: E731 - pages read the current settings when they need them
    window.pages.update({
        "home": HomePage(), "schools": SchoolsPage(), "duos": DuosPage(),
        "calendar": CalendarPage(window.dialogs, settings),
        "log": LogPage(), "media": MediaPage(), "reports": ReportsPage(window.dialogs),
    })
    window.pages["media"].attach(window.dialogs, settings)
    window.pages["media"].data_changed.connect(window.data_changed)
    window.pages["calendar"].changed.connect(window.data_changed)
    for area in AREAS:
        page = window.pages[area.key]
        page.demo_requested.connect(window.load_demo)
        if hasattr(page, "set_dialogs"):
            page.set_dialogs(window.dialogs)
        if hasattr(page, "data_changed"):  # a page that edits records refreshed itself; refresh the others
            page.data_changed.connect(lambda source=page: window.refresh_others(source))
        window.stack.addWidget(page)
    _install_duo_page(window, settings)


def _install_duo_page(window: MainWindow, settings) -> None:  # noqa: ANN001
    """The duo page and the exchange log's actions: not an area, opened from lists."""
    window.log_actions = LogActions(window, window.dialogs, lambda: window.workspace, settings)
    window.log_actions.changed.connect(window.data_changed)
    window.log_actions.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
    window.duo_page = DuoPage()
    window.duo_page.set_actions(window.log_actions)
    window.duo_page.back_requested.connect(window.close_duo_page)
    window.pages["duo"] = window.duo_page
    window.stack.addWidget(window.duo_page)
    window.pages["duos"].duo_opened.connect(window.open_duo)
    home = window.pages["home"]
    home.clock, home.quiet_weeks = window.log_actions.now, window.log_actions.quiet_weeks
    home.duo_requested.connect(window.open_duo)
    home.log_requested.connect(lambda view: window.log_actions.open_form(session=view))
    window.pages["log"].set_actions(window.log_actions)
    window.pages["calendar"].log_requested.connect(window.log_actions.open_session)
