"""The calendar reads at a glance: the duo first, status not by colour alone, opened where the visios are."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

from classesduo.domain.enums import SessionStatus
from classesduo.ui.calendar.items import CalendarItem
from classesduo.ui.calendar.week_view import HOUR_HEIGHT
from tests.ui.fit_checks import settle


def _week(make_window, demo_dir: Path):  # noqa: ANN001, ANN202
    window = make_window(demo_dir)
    window.resize(1280, 720)
    window.show_area(3)
    page = window.pages["calendar"]
    page.anchor = date(2026, 12, 8)
    page.refresh()
    settle(10)
    return window, page


def _with_status(item: CalendarItem, status: SessionStatus) -> CalendarItem:
    return replace(item, view=replace(item.view, session=replace(item.view.session, status=status)))


def test_items_name_the_duo_first_and_show_their_status_in_words_or_signs(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window, page = _week(make_window, demo_dir)
    item = page.week.canvas.items[0]
    assert item.month_line().startswith(item.view.duo_label)
    marks = {status: _with_status(item, status).block_lines(False)[0].split()[0] for status in SessionStatus}
    assert len(set(marks.values())) == len(SessionStatus), marks  # held, planned, cancelled, postponed differ
    for narrow in (False, True):
        assert _with_status(item, SessionStatus.HELD).block_lines(narrow)[0].startswith("✓")


def test_week_opens_at_the_first_visio_with_equal_columns(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window, page = _week(make_window, demo_dir)
    view = page.week
    first = min(item.paris_start.hour for item in view.canvas.items)
    assert view.first_hour() == first - 1
    top = view.scroll.verticalScrollBar().value()
    assert top <= first * HOUR_HEIGHT <= top + view.scroll.viewport().height() - HOUR_HEIGHT
    bounds = view.canvas.column_bounds()
    busy = {item.paris_start.date() for item in view.canvas.items}
    quiet = {round(width, 3) for index, (_left, width) in enumerate(bounds)
             if view.canvas.monday + timedelta(days=index) not in busy}
    assert len(quiet) == 1, quiet  # weekdays and weekend alike; only days with side-by-side visios widen


def test_the_period_label_is_one_elided_line(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window, page = _week(make_window, demo_dir)
    label = page.toolbar.period_label
    text = label.full_text()
    assert text and label.toolTip() == text
    assert label.height() <= label.fontMetrics().height() + 8  # one line, never five
    from classesduo.ui.elided_label import ElidedLabel

    narrow = ElidedLabel()
    narrow.setText(text)
    narrow.resize(80, 20)
    narrow.show()
    settle()
    assert narrow.text() != text and narrow.text().endswith("…") and narrow.toolTip() == text
    assert narrow.minimumSizeHint().width() < 80  # it never asks the window for more room
    narrow.deleteLater()


def _rows_in_view(view) -> tuple[float, float]:  # noqa: ANN001
    """The hours (as numbers) shown at the top and the bottom of the week's viewport."""
    top = view.scroll.verticalScrollBar().value()
    return top / HOUR_HEIGHT, (top + view.scroll.viewport().height()) / HOUR_HEIGHT


def test_a_week_without_a_visio_opens_on_the_schools_windows(make_window, demo_dir: Path) -> None:  # noqa: ANN001
    window = make_window(demo_dir)
    window.resize(1280, 720)
    window.show_area(3)
    page = window.pages["calendar"]
    page.anchor = date(2026, 12, 21)  # Christmas holidays: no visio
    page.refresh()
    settle(10)
    view = page.week
    assert not view.canvas.items
    top, bottom = _rows_in_view(view)
    assert top <= 15 and 16.5 <= bottom, (top, bottom)  # the Tuesday/Friday 15:00–16:30 windows, not 08:00
    page.step(-2)  # the week of 7 December has visios: it still opens at the first one
    settle(10)
    first = min(item.paris_start.hour + item.paris_start.minute / 60 for item in view.canvas.items)
    top, bottom = _rows_in_view(view)
    assert top <= first <= bottom - 1, (first, top, bottom)
    view.scroll.verticalScrollBar().setValue(0)  # the user looks at the night
    page.step(1)  # 14 December: none again
    settle(10)
    assert not view.canvas.items
    top, bottom = _rows_in_view(view)
    assert top <= 15 and 16.5 <= bottom, (top, bottom)
    page.refresh()  # a refresh of the same week keeps where the user scrolled
    view.scroll.verticalScrollBar().setValue(0)
    page.refresh()
    settle(10)
    assert view.scroll.verticalScrollBar().value() == 0


def test_hours_read_after_the_week_is_shown_move_it_unless_the_user_scrolled(qtbot) -> None:  # noqa: ANN001
    """On a large programme the duos' hours come from a worker after the first paint."""
    from classesduo.domain.availability import WeeklyWindow, default_windows
    from classesduo.domain.enums import Side
    from classesduo.domain.scheduling import SchoolCalendar
    from classesduo.ui.calendar.week_view import WeekView

    view = WeekView()
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    view.set_week(date(2027, 3, 1), [])
    settle(3)
    assert view.first_hour() == 14  # no hours read yet: the Paris periscolaire windows
    late = SchoolCalendar("America/Montreal", [WeeklyWindow(day, time(10, 0), time(16, 0)) for day in range(5)])
    paris = SchoolCalendar("Europe/Paris", default_windows(Side.PARIS))
    view.set_timetables([(paris, late)])  # 10:00 in Montréal is 16:00 in Paris: the shared window starts then
    assert view.first_hour() == 15
    assert view.scroll.verticalScrollBar().value() == 15 * HOUR_HEIGHT
    view.scroll.verticalScrollBar().setValue(0)
    view.set_timetables([(paris, paris)])
    assert view.scroll.verticalScrollBar().value() == 0  # where the user scrolled
