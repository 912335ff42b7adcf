"""The calendar page's two finders: Find a slot… (one duo) and All duos… (common times for every duo).

Functions of the page rather than methods, to keep ``calendar_page.py`` small;
they show dialogs through ``page.show_dialog`` (which frees them once closed; tests replace
``page.run_dialog`` to drive them).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from classesduo.domain.timezones import PARIS
from classesduo.ui.formatting import format_date
from classesduo.ui.qt import QtWidgets, translate

if TYPE_CHECKING:
    from classesduo.ui.pages.calendar_page import CalendarPage


def find_slot(page: CalendarPage, duo_id: str | None = None, start: date | None = None,
              parent: QtWidgets.QWidget | None = None) -> bool:
    """The single-duo finder from ``start`` (default: this week, not before today); True when it planned a visio."""
    from classesduo.ui.calendar.finder_dialog import FinderDialog

    if page.workspace is None:
        return False
    start = start or max(page.anchor - timedelta(days=page.anchor.weekday()), page.today)
    dialog = FinderDialog(page.workspace.db, page._duo_list(), page.buffer_minutes(), start,
                          duo_id or page.toolbar.filters()[1] or None, parent or page)
    planned = bool(page.show_dialog(dialog) and dialog.created)
    if planned:
        page.anchor = dialog.created[0].start_utc.astimezone(PARIS).date()
        if dialog.skipped:
            lines = "\n".join(f"• {format_date(day)}: {reason}" for day, reason in dialog.skipped)
            page.dialogs.info(page, translate("CalendarPage", "Series planned"), translate(
                "CalendarPage", "{count} visios planned. These dates were skipped:\n{dates}").format(
                count=len(dialog.created), dates=lines))
        page._after_change(*{session.duo_id for session in dialog.created})
        page.push_planned(list(dialog.created))
    return planned


def find_all_slots(page: CalendarPage) -> None:
    """Common times for every duo over the current term; a row opens :func:`find_slot` for its duo."""
    from classesduo.services.term_slots import term_around
    from classesduo.ui.calendar.term_slots_dialog import TermSlotsDialog

    if page.workspace is None:
        return
    term = term_around(page.workspace.db, page.today)
    start = min(max(term.start, page.today), term.end)  # from today: the term's past days offer nothing
    dialog = TermSlotsDialog(page.workspace.db, page.buffer_minutes(), start, term.end, parent=page)
    dialog.open_finder = lambda duo_id, start: find_slot(page, duo_id, start, dialog)
    page.show_dialog(dialog)
