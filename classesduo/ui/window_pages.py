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
    from classesduo.ui.pages.duo_page import DuoPage
    from classesduo.ui.window_interface import WindowInterface


def install_home(window: WindowInterface) -> LogActions:
    """The home page and the exchange log's actions it opens (returned); enough to show the data at start-up.

    ``window`` is the window's narrow interface, not the window itself.
    """
    log_actions = LogActions(window.parent, window.dialogs, lambda: window.workspace, window.settings)
    log_actions.changed.connect(window.notify)
    log_actions.message.connect(window.on_status())
    home = HomePage()
    home.clock, home.quiet_weeks = log_actions.now, log_actions.quiet_weeks
    home.duo_requested.connect(window.open_duo)
    home.log_requested.connect(lambda view: log_actions.open_form(session=view))
    _wire(window, "home", home)
    return log_actions


def install_other_pages(window: WindowInterface, log_actions: LogActions) -> DuoPage:
    """Every other area, wired to each other; returns the duo page (not an area: opened from lists)."""
    from classesduo.ui.pages.calendar_page import CalendarPage
    from classesduo.ui.pages.duo_page import DuoPage
    from classesduo.ui.pages.duos_page import DuosPage
    from classesduo.ui.pages.log_page import LogPage
    from classesduo.ui.pages.media_page import MediaPage
    from classesduo.ui.pages.reports_page import ReportsPage
    from classesduo.ui.pages.schools_page import SchoolsPage

    others = {
        "schools": SchoolsPage(), "duos": DuosPage(), "calendar": CalendarPage(window.dialogs, window.settings),
        "log": LogPage(), "media": MediaPage(), "reports": ReportsPage(window.dialogs),
    }
    others["media"].attach(window.dialogs, window.settings)
    calendar = others["calendar"]
    calendar.changed.connect(lambda changes: window.notify(changes, source=calendar))
    for key, page in others.items():
        _wire(window, key, page, EDITS.get(key))
    duo_page = DuoPage()
    duo_page.set_actions(log_actions)
    duo_page.back_requested.connect(window.close_duo_page)
    window.add_page("duo", duo_page)
    window.pages["duos"].duo_opened.connect(window.open_duo)
    window.pages["reports"].preview.duo_requested.connect(window.open_duo)  # a duo's row in a report's table
    window.pages["home"].school_requested.connect(lambda school_id: _edit_school(window, school_id))
    calendar = window.pages["calendar"]  # a visio postponed from the calendar: its Ctrl+Z undoes it
    calendar.log_requested.connect(lambda session_id: log_actions.open_session(session_id, calendar.undo_stack))
    window.pages["log"].set_actions(log_actions)
    return duo_page


#: What the pages that edit records in place change (they refresh themselves; the window tells the others).
EDITS = {
    "schools": Changes.of(Kind.SCHOOLS),  # schools, classes, facilitators
    "duos": Changes.of(Kind.DUOS),
    "media": Changes.of(Kind.MEDIA, Kind.SESSIONS),  # imports; retention also clears old logs' text
}


def _edit_school(window: WindowInterface, school_id: str) -> None:
    """The Schools area with the school's form open (from the home page's unknown calendars)."""
    from types import SimpleNamespace

    from classesduo.ui.main_window import AREAS

    window.show_area(next(row for row, area in enumerate(AREAS) if area.key == "schools"))
    page = window.pages["schools"]
    page.tabs.setCurrentIndex(0)
    page.schools.edit_record(SimpleNamespace(id=school_id))


def _wire(window: WindowInterface, key: str, page, edits: Changes | None = None) -> None:  # noqa: ANN001
    page.demo_requested.connect(window.load_demo)
    if hasattr(page, "set_dialogs"):
        page.set_dialogs(window.dialogs)
    if edits is not None:  # a page that edits records refreshed itself; the others that show them follow
        page.data_changed.connect(lambda source=page: window.notify(edits, source))
    window.add_page(key, page)
