"""Slot finding between a Paris class and a partner class, with real DST dates."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from classesduo.domain.availability import HolidayPeriod, WeeklyWindow, default_windows
from classesduo.domain.enums import Side
from classesduo.domain.scheduling import (
    SchoolCalendar,
    Slot,
    explain_no_overlap,
    find_slots,
    first_window_time,
    format_hours,
    weekly_overlap_minutes,
    window_intervals,
)
from classesduo.domain.timezones import offset_changes

UTC = timezone.utc
PARIS_ZONE = "Europe/Paris"
TUE, WED, FRI, SUN = 1, 2, 4, 6


def weekdays(start: time, end: time, days: range = range(5)) -> list[WeeklyWindow]:
    return [WeeklyWindow(day, start, end) for day in days]


PARIS = SchoolCalendar(PARIS_ZONE, default_windows(Side.PARIS))
TOKYO = SchoolCalendar("Asia/Tokyo", weekdays(time(8, 30), time(15, 30)))


def paris_starts(slots: list[Slot]) -> dict[date, list[str]]:
    """Slots grouped by Paris date, as Paris wall-clock start times."""
    grouped: dict[date, list[str]] = {}
    for slot in slots:
        start, _ = slot.local(PARIS_ZONE)
        grouped.setdefault(start.date(), []).append(f"{start:%H:%M}")
    return grouped


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# --- SchoolCalendar and Slot -------------------------------------------------------------------


def test_calendar_converts_lists_and_checks_zone() -> None:
    calendar = SchoolCalendar(PARIS_ZONE, default_windows(Side.PARIS), [HolidayPeriod("Noël", date(2026, 12, 19),
                                                                                       date(2027, 1, 3))])
    assert isinstance(calendar.windows, tuple) and isinstance(calendar.holidays, tuple)
    assert hash(calendar) == hash(SchoolCalendar(PARIS_ZONE, tuple(calendar.windows), tuple(calendar.holidays)))
    assert calendar.holiday_on(date(2027, 1, 1)).name == "Noël"
    assert calendar.holiday_on(date(2027, 1, 4)) is None
    with pytest.raises(ValueError):
        SchoolCalendar("Paris", [])


def test_slot_basics() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    slot = Slot(datetime(2027, 1, 12, 23, 0, tzinfo=tokyo), utc(2027, 1, 12, 14, 45))
    assert slot.start_utc == utc(2027, 1, 12, 14) and slot.start_utc.tzinfo is UTC
    assert slot.minutes == 45
    start, end = slot.local(PARIS_ZONE)
    assert (f"{start:%H:%M}", f"{end:%H:%M}") == ("15:00", "15:45")
    assert Slot(utc(2027, 1, 12, 14), utc(2027, 1, 12, 15)) < Slot(utc(2027, 1, 12, 14, 15), utc(2027, 1, 12, 15))
    with pytest.raises(ValueError):
        Slot(datetime(2027, 1, 12, 14), utc(2027, 1, 12, 15))
    with pytest.raises(ValueError):
        Slot(utc(2027, 1, 12, 15), utc(2027, 1, 12, 15))


# --- window_intervals ----------------------------------------------------------------------------


def test_window_intervals_follow_paris_dst_and_skip_holidays() -> None:
    calendar = SchoolCalendar(PARIS_ZONE, default_windows(Side.PARIS),
                              [HolidayPeriod("Printemps", date(2027, 4, 17), date(2027, 5, 2))])
    assert window_intervals(calendar, date(2027, 3, 22), date(2027, 4, 2)) == [
        (utc(2027, 3, 23, 14), utc(2027, 3, 23, 15, 30)),
        (utc(2027, 3, 26, 14), utc(2027, 3, 26, 15, 30)),
        (utc(2027, 3, 30, 13), utc(2027, 3, 30, 14, 30)),  # summer time from 28 March
        (utc(2027, 4, 2, 13), utc(2027, 4, 2, 14, 30)),
    ]
    assert window_intervals(calendar, date(2027, 4, 17), date(2027, 5, 2)) == []


def sunday(start: tuple[int, int], end: tuple[int, int], day: date) -> list[tuple[datetime, datetime]]:
    calendar = SchoolCalendar(PARIS_ZONE, [WeeklyWindow(SUN, time(*start), time(*end))])
    return window_intervals(calendar, day, day)


def test_window_edges_in_the_spring_gap_are_clipped() -> None:
    gap_day = date(2027, 3, 28)  # 02:00 -> 03:00, i.e. 01:00 UTC
    assert sunday((2, 30), (4, 0), gap_day) == [(utc(2027, 3, 28, 1), utc(2027, 3, 28, 2))]
    assert sunday((1, 0), (2, 30), gap_day) == [(utc(2027, 3, 28, 0), utc(2027, 3, 28, 1))]
    assert sunday((2, 15), (2, 45), gap_day) == []


def test_window_edges_in_the_autumn_fold_keep_only_times_inside() -> None:
    fold_day = date(2026, 10, 25)  # 03:00 -> 02:00, i.e. 01:00 UTC
    # 02:30-04:00: the first 02:30-03:00, then the second 02:30-04:00, not the second 02:00-02:30
    assert sunday((2, 30), (4, 0), fold_day) == [
        (utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 1)),
        (utc(2026, 10, 25, 1, 30), utc(2026, 10, 25, 3)),
    ]
    assert sunday((1, 0), (2, 30), fold_day) == [
        (utc(2026, 10, 24, 23), utc(2026, 10, 25, 0, 30)),
        (utc(2026, 10, 25, 1), utc(2026, 10, 25, 1, 30)),
    ]
    assert sunday((1, 0), (4, 0), fold_day) == [(utc(2026, 10, 24, 23), utc(2026, 10, 25, 3))]  # 4 h long


def test_empty_windows_are_ignored() -> None:
    calendar = SchoolCalendar(PARIS_ZONE, [WeeklyWindow(TUE, time(16), time(15))])
    assert window_intervals(calendar, date(2027, 1, 11), date(2027, 1, 17)) == []


# --- find_slots: hand-checked pairs ---------------------------------------------------------------


def test_buenos_aires_no_dst() -> None:
    # Buenos Aires is UTC-3 all year; with a 10:30-12:00 window the overlap moves with Paris DST.
    partner = SchoolCalendar("America/Argentina/Buenos_Aires", weekdays(time(10, 30), time(12)))
    winter = paris_starts(find_slots(PARIS, partner, date(2027, 1, 11), date(2027, 1, 17)))
    assert winter == {date(2027, 1, 12): ["15:00", "15:15"], date(2027, 1, 15): ["15:00", "15:15"]}
    summer = paris_starts(find_slots(PARIS, partner, date(2027, 5, 10), date(2027, 5, 16)))
    assert summer == {date(2027, 5, 11): ["15:30", "15:45"], date(2027, 5, 14): ["15:30", "15:45"]}
    slot = find_slots(PARIS, partner, date(2027, 1, 12), date(2027, 1, 12))[0]
    local_start, local_end = slot.local("America/Argentina/Buenos_Aires")
    assert (f"{local_start:%H:%M}", f"{local_end:%H:%M}", slot.minutes) == ("11:00", "11:45", 45)


def test_montreal_weeks_when_only_north_america_has_changed() -> None:
    us_change = offset_changes("America/Toronto", date(2027, 3, 1), date(2027, 3, 31))[0].day
    eu_change = offset_changes(PARIS_ZONE, date(2027, 3, 1), date(2027, 3, 31))[0].day
    assert (us_change, eu_change) == (date(2027, 3, 14), date(2027, 3, 28))
    partner = SchoolCalendar("America/Toronto", weekdays(time(9, 30), time(11)))
    found = paris_starts(find_slots(PARIS, partner, date(2027, 3, 1), date(2027, 4, 4)))
    assert len(found) == 10
    for day, starts in found.items():
        # 6 h apart: Montréal 09:30-11:00 is Paris 15:30-17:00; 5 h apart: Paris 14:30-16:00
        expected = ["15:00", "15:15"] if us_change <= day < eu_change else ["15:30", "15:45"]
        assert starts == expected, day


def test_santiago_southern_hemisphere() -> None:
    partner = SchoolCalendar("America/Santiago", weekdays(time(9), time(10, 30)))
    # January: Paris UTC+1, Santiago UTC-3 (summer) -> Santiago 09:00 is Paris 13:00, no overlap
    assert find_slots(PARIS, partner, date(2027, 1, 4), date(2027, 1, 31), minutes=30) == []
    # 28 March - 3 April: Paris UTC+2, Santiago still UTC-3 -> 5 h: only 15:00-15:30 Paris
    spring = paris_starts(find_slots(PARIS, partner, date(2027, 3, 29), date(2027, 4, 4), minutes=30))
    assert spring == {date(2027, 3, 30): ["15:00"], date(2027, 4, 2): ["15:00"]}
    # from 4 April Santiago is UTC-4 -> 6 h: the whole Paris window
    later = paris_starts(find_slots(PARIS, partner, date(2027, 4, 5), date(2027, 4, 11), minutes=30))
    assert later == {day: ["15:00", "15:15", "15:30", "15:45", "16:00"] for day in (date(2027, 4, 6),
                                                                                     date(2027, 4, 9))}


def test_tokyo_has_no_overlap_and_explains_why() -> None:
    assert find_slots(PARIS, TOKYO, date(2026, 9, 1), date(2027, 7, 10)) == []
    winter = explain_no_overlap(PARIS, TOKYO, "Tokyo", date(2027, 1, 12))
    assert winter.startswith("Tokyo is 8 h ahead: Paris 15:00 is 23:00 in Tokyo.")
    assert "08:30–15:30" in winter
    summer = explain_no_overlap(PARIS, TOKYO, "Tokyo", date(2027, 5, 11))
    assert summer.startswith("Tokyo is 7 h ahead: Paris 15:00 is 22:00 in Tokyo.")


def test_explain_behind_half_hours_and_next_day() -> None:
    montreal = SchoolCalendar("America/Toronto", weekdays(time(12), time(16)))
    assert explain_no_overlap(PARIS, montreal, "Montréal", date(2027, 1, 12)).startswith(
        "Montréal is 6 h behind: Paris 15:00 is 09:00 in Montréal."
    )
    india = SchoolCalendar("Asia/Kolkata", weekdays(time(9), time(14)))
    assert explain_no_overlap(PARIS, india, "Pune", date(2027, 1, 12)).startswith(
        "Pune is 4 h 30 ahead: Paris 15:00 is 19:30 in Pune."
    )
    auckland = SchoolCalendar("Pacific/Auckland", weekdays(time(9), time(15)))
    text = explain_no_overlap(PARIS, auckland, "Auckland", date(2027, 1, 12))
    assert text.startswith("Auckland is 12 h ahead: Paris 15:00 is 03:00 the next day in Auckland.")
    assert "09:00–15:00" in text  # Wednesday in Auckland
    weekend = SchoolCalendar("Africa/Dakar", weekdays(time(8), time(12), range(2, 3)))
    assert "has no availability that day" in explain_no_overlap(PARIS, weekend, "Dakar", date(2027, 1, 12))
    assert "no availability windows" in explain_no_overlap(SchoolCalendar(PARIS_ZONE, []), TOKYO, "Tokyo",
                                                           date(2027, 1, 12))


def test_explain_on_a_day_without_paris_window_uses_the_next_one() -> None:
    # Saturday 27 March 2027 (winter time) -> the next Paris window is Tuesday 30 March (summer time)
    assert explain_no_overlap(PARIS, TOKYO, "Tokyo", date(2027, 3, 27)).startswith(
        "Tokyo is 7 h ahead: Paris 15:00 is 22:00 in Tokyo."
    )


def test_format_hours() -> None:
    assert [format_hours(h) for h in (8.0, -6.0, 4.5, 5.75, 0.5, 12.75)] == [
        "8 h", "6 h", "4 h 30", "5 h 45", "0 h 30", "12 h 45"
    ]


def test_partner_holiday_uses_the_partner_date() -> None:
    # Paris Tuesday 16:30-18:30 is Wednesday 00:30-02:30 in Tokyo in winter.
    paris = SchoolCalendar(PARIS_ZONE, [WeeklyWindow(TUE, time(16, 30), time(18, 30))])
    tokyo_night = [WeeklyWindow(WED, time(0), time(3))]
    tuesday, wednesday = date(2027, 1, 12), date(2027, 1, 13)
    free = SchoolCalendar("Asia/Tokyo", tokyo_night)
    assert len(find_slots(paris, free, tuesday, tuesday)) == 6
    tuesday_off = SchoolCalendar("Asia/Tokyo", tokyo_night, [HolidayPeriod("Tue", tuesday, tuesday)])
    assert len(find_slots(paris, tuesday_off, tuesday, tuesday)) == 6
    wednesday_off = SchoolCalendar("Asia/Tokyo", tokyo_night, [HolidayPeriod("Wed", wednesday, wednesday)])
    assert find_slots(paris, wednesday_off, tuesday, tuesday) == []


def test_paris_holiday_removes_slots() -> None:
    partner = SchoolCalendar("America/Argentina/Buenos_Aires", weekdays(time(8), time(17)))
    paris = SchoolCalendar(PARIS_ZONE, default_windows(Side.PARIS), [HolidayPeriod("Hiver", date(2027, 2, 6),
                                                                                    date(2027, 2, 21))])
    found = paris_starts(find_slots(paris, partner, date(2027, 2, 1), date(2027, 2, 28)))
    assert sorted(found) == [date(2027, 2, 2), date(2027, 2, 5), date(2027, 2, 23), date(2027, 2, 26)]


def test_busy_interval_and_buffer_remove_slots() -> None:
    partner = SchoolCalendar("America/Argentina/Buenos_Aires", weekdays(time(8), time(17)))
    tuesday = date(2027, 1, 12)
    before = [(utc(2027, 1, 12, 13), utc(2027, 1, 12, 13, 45))]  # Paris 14:00-14:45
    starts = lambda **kw: paris_starts(find_slots(PARIS, partner, tuesday, tuesday, **kw)).get(tuesday, [])
    assert starts() == ["15:00", "15:15", "15:30", "15:45"]
    assert starts(busy=before) == ["15:00", "15:15", "15:30", "15:45"]  # 15 min buffer: 15:00 still fine
    assert starts(busy=before, buffer_minutes=30) == ["15:15", "15:30", "15:45"]
    during = [(utc(2027, 1, 12, 14, 30), utc(2027, 1, 12, 15))]  # Paris 15:30-16:00
    assert starts(busy=during, buffer_minutes=0) == []
    assert starts(busy=during, buffer_minutes=0, minutes=30) == ["15:00", "16:00"]
    with pytest.raises(ValueError):
        starts(busy=[(datetime(2027, 1, 12, 13), datetime(2027, 1, 12, 14))])


def test_step_grid_is_on_the_paris_clock() -> None:
    paris = SchoolCalendar(PARIS_ZONE, [WeeklyWindow(TUE, time(15, 10), time(16, 30))])
    partner = SchoolCalendar("Asia/Kolkata", weekdays(time(0), time(23, 59)))
    tuesday = date(2027, 1, 12)
    assert paris_starts(find_slots(paris, partner, tuesday, tuesday))[tuesday] == ["15:15", "15:30", "15:45"]
    assert paris_starts(find_slots(paris, partner, tuesday, tuesday, step=30))[tuesday] == ["15:30"]
    assert paris_starts(find_slots(paris, partner, tuesday, tuesday, minutes=20, step=20))[tuesday] == [
        "15:20", "15:40", "16:00"
    ]


def test_a_slot_must_fit_in_one_window() -> None:
    partner = SchoolCalendar("America/Argentina/Buenos_Aires",
                             [WeeklyWindow(TUE, time(10), time(11, 30)), WeeklyWindow(TUE, time(11, 30), time(13))])
    tuesday = date(2027, 1, 12)  # Buenos Aires 11:30 is Paris 15:30
    assert paris_starts(find_slots(PARIS, partner, tuesday, tuesday))[tuesday] == ["15:30", "15:45"]
    starts = paris_starts(find_slots(PARIS, partner, tuesday, tuesday, minutes=60))[tuesday]
    assert starts == ["15:30"]  # 15:00-16:00 would straddle the two partner windows


@pytest.mark.parametrize(
    "kwargs",
    [{"minutes": 0}, {"minutes": -45}, {"step": 0}, {"buffer_minutes": -1},
     {"start": date(2027, 2, 1), "end": date(2027, 1, 1)}],
)
def test_find_slots_validates(kwargs: dict) -> None:
    arguments = {"start": date(2027, 1, 1), "end": date(2027, 1, 31)} | kwargs
    with pytest.raises(ValueError):
        find_slots(PARIS, TOKYO, **arguments)


# --- weekly_overlap_minutes ---------------------------------------------------------------------------


def test_weekly_overlap_minutes() -> None:
    montreal = SchoolCalendar("America/Toronto", default_windows(Side.PARTNER),
                              [HolidayPeriod("Relâche", date(2027, 3, 1), date(2027, 3, 5))])
    assert weekly_overlap_minutes(PARIS, montreal, date(2027, 3, 1)) == 180  # holidays ignored
    assert weekly_overlap_minutes(PARIS, montreal, date(2027, 3, 15)) == 180
    assert weekly_overlap_minutes(PARIS, TOKYO, date(2027, 3, 1)) == 0
    tight = SchoolCalendar("America/Argentina/Buenos_Aires", weekdays(time(10, 30), time(12)))
    assert weekly_overlap_minutes(PARIS, tight, date(2027, 1, 11)) == 120
    # duplicated windows are not counted twice
    doubled = SchoolCalendar("America/Argentina/Buenos_Aires", list(tight.windows) * 2)
    assert weekly_overlap_minutes(PARIS, doubled, date(2027, 1, 11)) == 120


def test_first_window_time_is_where_both_schools_hours_meet_on_the_paris_clock() -> None:
    """Where a week without a visio opens: the shared window, each country's clock change on its own date."""
    montreal = SchoolCalendar("America/Montreal", weekdays(time(10, 0), time(16, 0)))  # 16:00 Paris in winter
    assert first_window_time([(PARIS, montreal)], date(2027, 3, 1)) == time(16, 0)
    # 14 March: Montréal on summer time, Paris not until the 28th: 10:00 there is 15:00 in Paris
    assert first_window_time([(PARIS, montreal)], date(2027, 3, 15)) == time(15, 0)
    early = SchoolCalendar("America/Argentina/Buenos_Aires", weekdays(time(8, 0), time(12, 0)))  # 12:00 Paris
    assert first_window_time([(PARIS, montreal), (PARIS, early)], date(2027, 3, 1)) == time(15, 0)
    # Tokyo's day ends before Paris's workshops begin: the Paris school's own window, 15:00
    assert first_window_time([(PARIS, TOKYO)], date(2027, 3, 1)) == time(15, 0)
    closed = SchoolCalendar(PARIS_ZONE, default_windows(Side.PARIS),
                            holidays=[HolidayPeriod("Noël", date(2026, 12, 19), date(2027, 1, 3))])
    assert first_window_time([(closed, montreal)], date(2026, 12, 21)) == time(16, 0)  # holidays: the usual hours
    assert first_window_time([], date(2027, 3, 1)) is None
    assert first_window_time([(SchoolCalendar(PARIS_ZONE, []), TOKYO)], date(2027, 3, 1)) is None
