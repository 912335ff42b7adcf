"""The main window's pages and how they are wired together.

Kept apart from ``main_window.py`` so that importing the window does not
import the pages, the services behind them and SQLAlchemy: the window shows
first, then :func:`install_home` (the data shows) and :func:`install_other_pages`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from classesduo.ui.changes import Changes, Kind
from classesduo.ui.log_actions import LogActions
from classesduo.ui.pages.home_page import HomePage

if TYPE_CHECKING:
    from classesduo.ui.main_window import MainWindow


def install_home(window: MainWindow) -> None:
    """The home page and the exchange log's actions it opens; enough to show the data at start-up."""
    settings = lambda: window.settings  # noqa: E731 - pages read the current settings when they need them
    window.log_actions = LogActions(window, window.dialogs, lambda: window.workspace, settings)
    window.log_actions.changed.connect(window.changes_made)
    window.log_actions.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
    home = HomePage()
    window.pages["home"] = home
    home.clock, home.quiet_weeks = window.log_actions.now, window.log_actions.quiet_weeks
    home.duo_requested.connect(window.open_duo)
    home.log_requested.connect(lambda view: window.log_actions.open_form(session=view))
    _wire(window, home)


def install_other_pages(window: MainWindow) -> None:
    from classesduo.ui.pages.calendar_page import CalendarPage
    from classesduo.ui.pages.duo_page import DuoPage
    from classesduo.ui.pages.duos_page import DuosPage
    from classesduo.ui.pages.log_page import LogPage
    from classesduo.ui.pages.media_page import MediaPage
    from classesduo.ui.pages.reports_page import ReportsPage
    from classesduo.ui.pages.schools_page import SchoolsPage

    settings = lambda: window.settings  # noqa: E731
    others = {
        "schools": SchoolsPage(), "duos": DuosPage(), "calendar": CalendarPage(window.dialogs, settings),
        "log": LogPage(), "media": MediaPage(), "reports": ReportsPage(window.dialogs),
    }
    window.pages.update(others)
    window.pages["media"].attach(window.dialogs, settings)
    window.pages["calendar"].changed.connect(
        lambda changes: window.apply_changes(changes, source=window.pages["calendar"]))
    for key, page in others.items():
        _wire(window, page, EDITS.get(key))
    # the duo page: not an area, opened from lists
    window.duo_page = DuoPage()
    window.duo_page.set_actions(window.log_actions)
    window.duo_page.back_requested.connect(window.close_duo_page)
    window.pages["duo"] = window.duo_page
    window.stack.addWidget(window.duo_page)
    window.pages["duos"].duo_opened.connect(window.open_duo)
    window.pages["home"].school_requested.connect(lambda school_id: _edit_school(window, school_id))
    window.pages["calendar"].log_requested.connect(window.log_actions.open_session)
    window.pages["log"].set_actions(window.log_actions)


#: What the pages that edit records in place change (they refresh themselves; the window tells the others).
EDITS = {
    "schools": Changes.of(Kind.SCHOOLS),  # schools, classes, facilitators
    "duos": Changes.of(Kind.DUOS),
    "media": Changes.of(Kind.MEDIA, Kind.SESSIONS),  # imports; retention also clears old logs' text
}


def _edit_school(window: MainWindow, school_id: str) -> None:
    """The Schools area with the school's form open (from the home page's unknown calendars)."""
    from types import SimpleNamespace

    from classesduo.ui.main_window import AREAS

    window.show_area(next(row for row, area in enumerate(AREAS) if area.key == "schools"))
    page = window.pages["schools"]
    page.tabs.setCurrentIndex(0)
    page.schools.edit_record(SimpleNamespace(id=school_id))


def _wire(window: MainWindow, page, edits: Changes | None = None) -> None:  # noqa: ANN001 - any area page
    page.demo_requested.connect(window.load_demo)
    if hasattr(page, "set_dialogs"):
        page.set_dialogs(window.dialogs)
    if edits is not None:  # a page that edits records refreshed itself; the others that show them follow
        page.data_changed.connect(lambda source=page: window.apply_changes(edits, source))
    window.stack.addWidget(page)
