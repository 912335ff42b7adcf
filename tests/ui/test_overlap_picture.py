"""The overlap picture shows the partner's windows sliding on the Paris clock across a clock change."""

from __future__ import annotations

from datetime import date, time

from classesduo.domain.availability import WeeklyWindow
from classesduo.domain.scheduling import SchoolCalendar
from classesduo.domain.scheduling import week_blocks
from classesduo.ui.calendar.overlap_picture import OverlapPanel

PARIS = SchoolCalendar("Europe/Paris", [WeeklyWindow(1, time(15), time(16, 30))])
MONTREAL = SchoolCalendar("America/Toronto", [WeeklyWindow(day, time(8), time(15)) for day in range(5)])


def test_blocks_follow_the_march_change() -> None:
    before = week_blocks(PARIS, MONTREAL, date(2027, 3, 8))   # Montréal 6 h behind: opens 14:00 Paris
    after = week_blocks(PARIS, MONTREAL, date(2027, 3, 15))   # North America changed: opens 13:00 Paris
    tuesday_before = next(start for start, _ in before["partner"] if start.day == 9)
    tuesday_after = next(start for start, _ in after["partner"] if start.day == 16)
    assert (tuesday_before.hour, tuesday_after.hour) == (13, 12)  # UTC: 14:00 and 13:00 Paris (UTC+1)
    assert [(s.hour, e.hour, e.minute) for s, e in before["overlap"]] == [(14, 15, 30)]


def test_panel_moves_week_by_week(qtbot) -> None:  # noqa: ANN001
    panel = OverlapPanel()
    qtbot.addWidget(panel)
    panel.set_duo(PARIS, MONTREAL, "Montréal", date(2027, 3, 10))
    assert panel.picture.monday == date(2027, 3, 8)
    assert "1 h 30" in panel.week_label.text()
    panel.next_button.click()
    assert panel.picture.monday == date(2027, 3, 15) and "15/03/2027" in panel.week_label.text()
    image = panel.picture.grab().toImage()
    assert not image.isNull()
