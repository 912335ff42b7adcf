"""Property test of find_slots over random zone pairs, dates, windows, holidays and busy times.

Every slot found is checked on each school's own wall clock; and, for slots
that do not straddle a UTC-offset change, the result is compared with a
brute-force oracle that walks the Paris grid wall time by wall time.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from classesduo.domain.availability import HolidayPeriod, WeeklyWindow
from classesduo.domain.scheduling import SchoolCalendar, Slot, find_slots

UTC = timezone.utc

ZONES = [
    "Europe/Paris", "Europe/London", "Europe/Lisbon", "Africa/Dakar", "Africa/Casablanca", "Africa/Cairo",
    "America/Argentina/Buenos_Aires", "America/Santiago", "America/Sao_Paulo", "America/Toronto",
    "America/St_Johns", "America/Havana", "America/Mexico_City", "America/Los_Angeles", "Asia/Kolkata",
    "Asia/Kathmandu", "Asia/Tehran", "Asia/Tokyo", "Asia/Beirut", "Australia/Lord_Howe", "Australia/Adelaide",
    "Australia/Sydney", "Pacific/Chatham", "Pacific/Auckland", "Pacific/Kiritimati", "Pacific/Pago_Pago",
]


def _transition_days() -> list[date]:
    """Dates (2025-2030) on which one of ZONES changes its offset, to steer examples towards DST edges."""
    days = set()
    for zone in ZONES:
        info = ZoneInfo(zone)
        day, previous = date(2025, 1, 1), None
        while day.year <= 2030:
            offset = datetime.combine(day, time(12), tzinfo=info).utcoffset()
            if previous is not None and offset != previous:
                days.add(day)
            day, previous = day + timedelta(days=1), offset
    return sorted(days)


TRANSITION_DAYS = _transition_days()


def minute_time(minute: int) -> time:
    return time(minute // 60, minute % 60)


@st.composite
def windows(draw: st.DrawFn) -> list[WeeklyWindow]:
    result = []
    for _ in range(draw(st.integers(1, 5))):
        start = draw(st.integers(0, 24 * 12 - 1)) * 5
        end = min(start + draw(st.integers(3, 120)) * 5, 24 * 60 - 1)
        result.append(WeeklyWindow(draw(st.integers(0, 6)), minute_time(start), minute_time(end)))
    return result


@st.composite
def holidays(draw: st.DrawFn, first: date, days: int) -> list[HolidayPeriod]:
    result = []
    for number in range(draw(st.integers(0, 2))):
        start = first + timedelta(days=draw(st.integers(-3, days + 1)))
        result.append(HolidayPeriod(f"holiday {number}", start, start + timedelta(days=draw(st.integers(0, 5)))))
    return result


@st.composite
def scenarios(draw: st.DrawFn) -> dict:
    near_change = st.builds(
        lambda day, back: day - timedelta(days=back), st.sampled_from(TRANSITION_DAYS), st.integers(0, 10)
    )
    start = draw(st.one_of(st.dates(date(2025, 1, 1), date(2030, 11, 30)), near_change))
    days = draw(st.integers(0, 20))
    paris = SchoolCalendar(draw(st.sampled_from(ZONES)), draw(windows()), draw(holidays(start, days)))
    partner = SchoolCalendar(draw(st.sampled_from(ZONES)), draw(windows()), draw(holidays(start, days)))
    busy = []
    for _ in range(draw(st.integers(0, 3))):
        begin = datetime.combine(start, time(), tzinfo=UTC) + timedelta(minutes=5 * draw(st.integers(0, days * 288)))
        busy.append((begin, begin + timedelta(minutes=5 * draw(st.integers(1, 36)))))
    return {
        "paris": paris,
        "partner": partner,
        "start": start,
        "end": start + timedelta(days=days),
        "minutes": draw(st.sampled_from([15, 30, 45, 60, 90])),
        "step": draw(st.sampled_from([5, 10, 15, 20, 30, 45, 60, 25])),
        "busy": busy,
        "buffer_minutes": draw(st.sampled_from([0, 5, 15, 30])),
    }


def wall(instant: datetime, zone: str) -> datetime:
    return instant.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def crosses_offset_change(slot: Slot, zone: str) -> bool:
    info = ZoneInfo(zone)
    return slot.start_utc.astimezone(info).utcoffset() != slot.end_utc.astimezone(info).utcoffset()


def inside_a_window(slot: Slot, calendar: SchoolCalendar) -> bool:
    """Both ends of the slot on the school's wall clock, within one window of that local date."""
    first = wall(slot.start_utc, calendar.zone)
    last = wall(slot.end_utc - timedelta(microseconds=1), calendar.zone)
    day = first.date()
    return any(
        window.weekday == day.weekday()
        and datetime.combine(day, window.start) <= first
        and last < datetime.combine(day, window.end)
        for window in calendar.windows
    )


def every_minute_inside(slot: Slot, calendar: SchoolCalendar) -> bool:
    """Slow check for the rare slots that straddle an offset change."""
    day = wall(slot.start_utc, calendar.zone).date()
    moments = [slot.start_utc + timedelta(minutes=m) for m in range(slot.minutes)]
    moments.append(slot.end_utc - timedelta(microseconds=1))
    return any(
        window.weekday == day.weekday()
        and all(
            datetime.combine(day, window.start) <= wall(moment, calendar.zone) <= datetime.combine(day, window.end)
            for moment in moments
        )
        for window in calendar.windows
    )


def on_holiday(slot: Slot, calendar: SchoolCalendar) -> bool:
    days = {wall(slot.start_utc, calendar.zone).date(), wall(slot.end_utc - timedelta(microseconds=1),
                                                              calendar.zone).date()}
    return any(calendar.holiday_on(day) for day in days)


def clashes(slot: Slot, busy: list[tuple[datetime, datetime]], buffer_minutes: int) -> bool:
    buffer = timedelta(minutes=buffer_minutes)
    return any(slot.start_utc < end + buffer and start - buffer < slot.end_utc for start, end in busy)


def oracle(s: dict) -> set[Slot]:
    """Slots that do not straddle an offset change, found by walking the Paris grid wall time by wall time."""
    paris, partner, step = s["paris"], s["partner"], s["step"]
    info = ZoneInfo(paris.zone)
    result = set()
    day = s["start"]
    while day <= s["end"]:
        if paris.holiday_on(day) is None:
            for window in paris.windows:
                if window.weekday != day.weekday():
                    continue
                low = window.start.hour * 60 + window.start.minute
                high = window.end.hour * 60 + window.end.minute
                for minute in range(-(-low // step) * step, high + 1, step):
                    if minute >= 24 * 60:
                        break
                    naive = datetime.combine(day, minute_time(minute))
                    for fold in (0, 1):
                        start = naive.replace(tzinfo=info, fold=fold).astimezone(UTC)
                        if wall(start, paris.zone) != naive:
                            continue  # in a spring-forward gap
                        slot = Slot(start, start + timedelta(minutes=s["minutes"]))
                        if (
                            not crosses_offset_change(slot, paris.zone)
                            and not crosses_offset_change(slot, partner.zone)
                            and wall(slot.end_utc, paris.zone) <= datetime.combine(day, window.end)
                            and inside_a_window(slot, partner)
                            and not on_holiday(slot, partner)
                            and not clashes(slot, s["busy"], s["buffer_minutes"])
                        ):
                            result.add(slot)
        day += timedelta(days=1)
    return result


@settings(max_examples=150, deadline=None, database=None)
@given(scenarios())
def test_find_slots_matches_both_wall_clocks(s: dict) -> None:
    found = find_slots(
        s["paris"], s["partner"], s["start"], s["end"],
        minutes=s["minutes"], step=s["step"], busy=s["busy"], buffer_minutes=s["buffer_minutes"],
    )
    assert found == sorted(set(found))
    paris, partner = s["paris"], s["partner"]
    for slot in found:
        assert slot.end_utc - slot.start_utc == timedelta(minutes=s["minutes"])
        paris_start = wall(slot.start_utc, paris.zone)
        assert s["start"] <= paris_start.date() <= s["end"]
        assert (paris_start.hour * 60 + paris_start.minute) % s["step"] == 0
        assert (paris_start.second, paris_start.microsecond) == (0, 0)
        assert not on_holiday(slot, paris) and not on_holiday(slot, partner)
        assert not clashes(slot, s["busy"], s["buffer_minutes"])
        for calendar in (paris, partner):
            assert inside_a_window(slot, calendar)
            if crosses_offset_change(slot, calendar.zone):
                assert every_minute_inside(slot, calendar)
    plain = {
        slot for slot in found
        if not crosses_offset_change(slot, paris.zone) and not crosses_offset_change(slot, partner.zone)
    }
    assert plain == oracle(s)


@settings(max_examples=60, deadline=None, database=None)
@given(scenarios())
def test_wider_busy_buffer_never_adds_slots(s: dict) -> None:
    arguments = {"minutes": s["minutes"], "step": s["step"], "busy": s["busy"]}
    narrow = find_slots(s["paris"], s["partner"], s["start"], s["end"], buffer_minutes=0, **arguments)
    wide = find_slots(s["paris"], s["partner"], s["start"], s["end"], buffer_minutes=30, **arguments)
    assert set(wide) <= set(narrow)
