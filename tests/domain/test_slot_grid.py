"""find_slots (timetable slots, then keep_clear of busy times) against the former one-pass algorithm.

The former algorithm walked every date for the windows, cut the busy intervals
out of the common time first and fitted slots into what was left, trying both
folds of every grid wall time; it is kept here as the reference, and the two
must agree on random zones, windows, holidays, busy times and DST edges.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from classesduo.domain.availability import WeeklyWindow
from classesduo.domain.scheduling import (
    _DATE_MARGIN,
    Interval,
    SchoolCalendar,
    Slot,
    _subtract,
    _window_on,
    find_slots,
    intersect_intervals,
    merge_intervals,
    timetable_slots,
    window_intervals,
)
from classesduo.domain.slot_grid import grid_instants, keep_clear
from classesduo.domain.timezones import zone_info
from tests.domain.test_scheduling_properties import scenarios


def reference_grid_instants(info: ZoneInfo, low: datetime, high: datetime, step: int) -> Iterable[datetime]:
    if high < low:
        return
    offsets = [low.astimezone(info).utcoffset(), high.astimezone(info).utcoffset()]
    wall_low = (low + min(o for o in offsets if o is not None)).replace(tzinfo=None)
    wall_high = (high + max(o for o in offsets if o is not None)).replace(tzinfo=None)
    step_delta = timedelta(minutes=step)
    day = wall_low.date()
    while day <= wall_high.date():
        midnight = datetime.combine(day, time())
        first_index = -(-(wall_low - midnight) // step_delta) if day == wall_low.date() else 0
        wall = midnight + first_index * step_delta
        while wall.date() == day and wall <= wall_high:
            for fold in (0, 1):
                instant = wall.replace(tzinfo=info, fold=fold).astimezone(UTC)
                if instant.astimezone(info).replace(tzinfo=None) == wall and low <= instant <= high:
                    yield instant
            wall += step_delta
        day += timedelta(days=1)


def reference_window_intervals(calendar: SchoolCalendar, start: date, end: date) -> list[Interval]:
    intervals: list[Interval] = []
    day = start
    while day <= end:
        if calendar.holiday_on(day) is None:
            for window in calendar.windows:
                if window.weekday == day.weekday() and window.end > window.start:
                    intervals.extend(_window_on(day, window, calendar.zone))
        day += timedelta(days=1)
    return sorted(intervals)


def reference_find_slots(s: dict) -> list[Slot]:
    buffer = timedelta(minutes=s["buffer_minutes"])
    blocked = merge_intervals((begin - buffer, end + buffer) for begin, end in s["busy"])
    paris = reference_window_intervals(s["paris"], s["start"], s["end"])
    partner = reference_window_intervals(s["partner"], s["start"] - _DATE_MARGIN, s["end"] + _DATE_MARGIN)
    assert paris == window_intervals(s["paris"], s["start"], s["end"])
    free = _subtract(intersect_intervals(paris, partner), blocked)
    info = zone_info(s["paris"].zone)
    length = timedelta(minutes=s["minutes"])
    found = {Slot(instant, instant + length)
             for begin, end in free for instant in reference_grid_instants(info, begin, end - length, s["step"])}
    return sorted(found)


@settings(max_examples=200, deadline=None, database=None)
@given(scenarios())
def test_find_slots_agrees_with_cutting_busy_times_first(s: dict) -> None:
    found = find_slots(s["paris"], s["partner"], s["start"], s["end"], minutes=s["minutes"], step=s["step"],
                       busy=s["busy"], buffer_minutes=s["buffer_minutes"])
    assert found == reference_find_slots(s)


def utc(hour: int, minute: int = 0) -> datetime:
    return datetime(2027, 1, 12, hour, minute, tzinfo=UTC)


def test_keep_clear_allows_touching_and_refuses_overlap_and_points_inside() -> None:
    slots = [Slot(utc(14), utc(14, 45)), Slot(utc(14, 15), utc(15)), Slot(utc(15), utc(15, 45))]
    assert keep_clear(slots, []) == slots
    assert keep_clear(slots, [(utc(13), utc(14))]) == slots  # ends when the first slot starts
    assert keep_clear(slots, [(utc(14, 44), utc(14, 50))]) == [slots[2]]
    assert keep_clear(slots, [(utc(14, 50), utc(14, 50))]) == [slots[0], slots[2]]  # a point splits the time
    assert keep_clear(slots, [(utc(15), utc(15))]) == slots  # a point where slots meet
    assert keep_clear(slots, [(utc(12), utc(12, 30)), (utc(15, 45), utc(16))]) == slots


def test_timetable_slots_are_shared_by_equal_calendars() -> None:
    windows = [WeeklyWindow(1, time(15), time(16, 30))]
    paris = SchoolCalendar("Europe/Paris", windows)
    partner = SchoolCalendar("America/Toronto", [WeeklyWindow(1, time(8, 30), time(16))])
    tuesday = date(2027, 1, 12)
    first = timetable_slots(paris, partner, tuesday, tuesday, 45, 15)
    again = timetable_slots(SchoolCalendar("Europe/Paris", list(windows)), partner, tuesday, tuesday, 45, 15)
    assert again is first  # computed once
    assert [slot.start_utc.strftime("%H:%M") for slot in first] == ["14:00", "14:15", "14:30", "14:45"]
    assert window_intervals(paris, tuesday, tuesday) is not window_intervals(paris, tuesday, tuesday)  # own copies


@settings(max_examples=40, deadline=None, database=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8)), max_size=6))
def test_keep_clear_matches_a_plain_overlap_check(raw: list[tuple[int, int]]) -> None:
    blocked = merge_intervals((utc(12) + timedelta(minutes=5 * a), utc(12) + timedelta(minutes=5 * (a + b)))
                              for a, b in raw)
    slots = [Slot(utc(12) + timedelta(minutes=5 * k), utc(12) + timedelta(minutes=5 * k + 30)) for k in range(40)]

    def clashes(slot: Slot) -> bool:
        return any(begin < slot.end_utc and end > slot.start_utc or slot.start_utc < begin == end < slot.end_utc
                   for begin, end in blocked)

    assert keep_clear(slots, blocked) == [slot for slot in slots if not clashes(slot)]


@settings(max_examples=200, deadline=None, database=None)
@given(scenarios(), st.integers(0, 2000), st.integers(0, 24 * 60))
def test_grid_instants_agree_with_trying_both_folds(s: dict, offset: int, length: int) -> None:
    """Pieces anywhere, near DST changes too, in any zone: the arithmetic shortcut changes nothing."""
    info = ZoneInfo(s["paris"].zone)
    low = datetime.combine(s["start"], time(), UTC) + timedelta(minutes=offset)
    high = low + timedelta(minutes=length)
    found = list(grid_instants(info, low, high, s["step"]))
    assert len(found) == len(set(found))
    assert sorted(found) == sorted(set(reference_grid_instants(info, low, high, s["step"])))  # the reference repeats
