"""Finding visio slots that suit a Paris class and its partner class abroad.

Each school's weekly windows are wall-clock times in its own zone. They are
turned into UTC intervals date by date (so each country's daylight-saving
changes apply on their own dates), intersected, and cut into slots on a grid
of the Paris wall clock.

A window on a given date stands for exactly the instants whose local wall
clock shows a time inside it. So an edge that falls in a spring-forward gap
is clipped to the instant the clocks jump, and a window with an edge in an
autumn fold may become two intervals (e.g. 02:30–04:00 on the night Paris
goes from 03:00 back to 02:00 is 02:30–03:00 summer time, then 02:30–04:00
winter time, but not the second 02:00–02:30). Real school hours never meet
these cases; the rule just keeps every result consistent.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from classesduo.domain.availability import HolidayPeriod, WeeklyWindow
from classesduo.domain.i18n import translate
from classesduo.domain.no_overlap import explain_no_overlap, format_hours
from classesduo.domain.public_holidays import public_holidays_between
from classesduo.domain.slot_grid import grid_instants, keep_clear
from classesduo.domain.terms import next_year_label, year_label
from classesduo.domain.timezones import (
    UTC,
    AmbiguousLocalTime,
    NonexistentLocalTime,
    local_to_utc,
    utc_to_local,
    zone_info,
)
from classesduo.domain.visio_buffer import blocked_intervals, check_buffer

Interval = tuple[datetime, datetime]

#: Any two zones are less than 27 h apart, so an instant's local dates in two
#: zones differ by at most this many days.
_DATE_MARGIN = timedelta(days=2)


@dataclass(frozen=True, slots=True)
class SchoolCalendar:
    """A school's zone, weekly windows, closed days and what is known of them.

    Made by the calendar rule (:func:`classesduo.domain.school_calendar.school_calendar`):
    ``holidays`` are the closures held as periods (the shipped zone C calendar,
    the school's own breaks, the gaps between its school years); ``public`` is
    ``(country, subdivision)`` whose public holidays close the school too, read
    year by year from the ``holidays`` package; ``known`` are the date ranges
    for which the school's calendar is known (None: all of them, e.g. a calendar
    made by hand in a test), and ``year_start_month`` names the unknown ones
    (see :func:`classesduo.domain.terms.year_label`).

    Lists are accepted and stored as tuples, so calendars stay hashable.
    Raises ValueError for an unknown zone. Windows whose end is not after
    their start are kept but never yield any time.
    """

    zone: str
    windows: tuple[WeeklyWindow, ...]
    holidays: tuple[HolidayPeriod, ...] = ()
    public: tuple[str, str] | None = None
    known: tuple[tuple[date, date], ...] | None = None
    year_start_month: int = 8
    #: The names of the school years that are known (an unknown day is never given one of them).
    known_years: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        zone_info(self.zone)
        object.__setattr__(self, "windows", tuple(self.windows))
        object.__setattr__(self, "holidays", tuple(self.holidays))
        if self.known is not None:
            object.__setattr__(self, "known", tuple(self.known))
        object.__setattr__(self, "known_years", tuple(self.known_years))

    def closures_between(self, start: date, end: date) -> list[HolidayPeriod]:
        """Every closure that touches [start, end] (local dates), by first day then name."""
        found = [period for period in self.holidays if period.start <= end and period.end >= start]
        if self.public is not None:
            found += public_holidays_between(self.public[0], self.public[1], start, end)
        return sorted(found, key=lambda period: (period.start, period.end, period.name))

    def closures_on(self, day: date) -> list[HolidayPeriod]:
        """Why the school is closed on ``day`` (a local date): every reason, or none."""
        return self.closures_between(day, day)

    def holiday_on(self, day: date) -> HolidayPeriod | None:
        """The first closure containing ``day`` (a local date), if any."""
        found = self.closures_on(day)
        return found[0] if found else None

    def closed_days(self, start: date, end: date) -> set[date]:
        """The dates in [start, end] on which the school is closed."""
        return _holiday_days(self.closures_between(start, end), start, end)

    def without_closures(self) -> SchoolCalendar:
        """The same timetable, open every day (to check hours apart from holidays)."""
        return SchoolCalendar(self.zone, self.windows)

    def unknown_on(self, day: date) -> str | None:
        """The school year whose calendar is unknown if ``day`` is in one (its name), else None."""
        if self.known is None or any(first <= day <= last for first, last in self.known):
            return None
        label = year_label(day, self.year_start_month)
        if label in self.known_years:  # e.g. 20 December after a year ending on the 17th: next year's is unknown
            label = next_year_label(label, 1 if all(day > last for _first, last in self.known) else -1)
        return label

    def unknown_between(self, start: date, end: date) -> list[tuple[date, date, str]]:
        """The stretches of [start, end] whose calendar is unknown, as (first, last, school year)."""
        if self.known is None:
            return []
        stretches: list[tuple[date, date, str]] = []
        for day in _days(start, end):
            label = self.unknown_on(day)
            if label is None:
                continue
            if stretches and stretches[-1][2] == label and stretches[-1][1] == day - timedelta(days=1):
                stretches[-1] = (stretches[-1][0], day, label)
            else:
                stretches.append((day, day, label))
        return stretches


def _require_aware(value: datetime) -> datetime:
    if value.tzinfo is UTC:  # the usual case, and a hot path of the finder
        return value
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(translate("scheduling", "a naive date-time has no time zone; give an aware one"))
    return value.astimezone(UTC)


@dataclass(frozen=True, order=True, slots=True)
class Slot:
    """A candidate session, stored in UTC (aware datetimes are normalised to UTC)."""

    start_utc: datetime
    end_utc: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "start_utc", _require_aware(self.start_utc))
        object.__setattr__(self, "end_utc", _require_aware(self.end_utc))
        if self.end_utc <= self.start_utc:
            raise ValueError(translate("scheduling", "a slot must end after it starts"))

    def local(self, zone: str) -> tuple[datetime, datetime]:
        """Start and end on the wall clock of ``zone``."""
        return utc_to_local(self.start_utc, zone), utc_to_local(self.end_utc, zone)

    @property
    def minutes(self) -> int:
        return int((self.end_utc - self.start_utc).total_seconds() // 60)


def _occurrences(day: date, wall: time, zone: str) -> tuple[datetime, datetime, datetime | None]:
    """First and last instants showing ``wall`` on ``day``, and the fold's transition if there are two.

    A wall time in a gap gives the instant of the jump (twice).
    """
    try:
        instant = local_to_utc(day, wall, zone)
    except AmbiguousLocalTime as fold:
        return fold.first_utc, fold.second_utc, fold.transition_utc
    except NonexistentLocalTime as gap:
        return gap.transition_utc, gap.transition_utc, None
    return instant, instant, None


def _window_on(day: date, window: WeeklyWindow, zone: str) -> tuple[Interval, ...]:
    """The instants of ``day`` whose wall time is within ``window`` (see the module docstring)."""
    return _wall_span_on(day, window.start, window.end, zone)


@lru_cache(maxsize=16_384)
def _wall_span_on(day: date, start: time, end: time, zone: str) -> tuple[Interval, ...]:
    """:func:`_window_on`, memoised on plain values: most schools of a programme share their hours and
    zone, so the same (date, hours, zone) comes back for many calendars."""
    first_start, last_start, start_fold = _occurrences(day, start, zone)
    first_end, last_end, end_fold = _occurrences(day, end, zone)
    removed: list[Interval] = []
    if start_fold is not None:  # after the clocks go back, the wall shows times before the start again
        removed.append((start_fold, last_start))
    if end_fold is not None:  # before the clocks go back, the wall shows times after the end
        removed.append((first_end, end_fold))
    pieces = _subtract([(first_start, last_end)], merge_intervals(removed))
    return tuple((begin, finish) for begin, finish in pieces if finish > begin)


def _days(start: date, end: date) -> Iterable[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def window_intervals(calendar: SchoolCalendar, start: date, end: date) -> list[Interval]:
    """The school's windows as UTC intervals, for each non-holiday local date in [start, end].

    Overlapping windows are not merged. Sorted by start.
    """
    return list(_window_intervals(calendar, start, end))


@lru_cache(maxsize=4_096)
def _window_intervals(calendar: SchoolCalendar, start: date, end: date) -> tuple[Interval, ...]:
    """:func:`window_intervals`, memoised: calendars are immutable, and schools often share one."""
    by_weekday: dict[int, list[WeeklyWindow]] = {}
    for window in calendar.windows:
        if window.end > window.start:
            by_weekday.setdefault(window.weekday, []).append(window)
    days_off = calendar.closed_days(start, end)
    week = timedelta(days=7)
    intervals: list[Interval] = []
    zone = calendar.zone
    for weekday, windows in by_weekday.items():
        hours = [(window.start, window.end) for window in windows]
        day = start + timedelta(days=(weekday - start.weekday()) % 7)
        while day <= end:
            if day not in days_off:
                for wall_start, wall_end in hours:
                    intervals.extend(_wall_span_on(day, wall_start, wall_end, zone))
            day += week
    intervals.sort()
    return tuple(intervals)


def _holiday_days(holidays: Iterable[HolidayPeriod], start: date, end: date) -> set[date]:
    """The dates in [start, end] that fall in one of the ``holidays``."""
    days: set[date] = set()
    for period in holidays:
        days.update(_days(max(period.start, start), min(period.end, end)))
    return days


def intersect_intervals(left: Sequence[Interval], right: Sequence[Interval]) -> list[Interval]:
    """Pairwise intersections of positive length; ``right`` must be sorted by start."""
    right_starts = [start for start, _ in right]
    longest = max((finish - begin for begin, finish in right), default=timedelta())
    pieces: list[Interval] = []
    for a_start, a_end in left:
        index = bisect_left(right_starts, a_start - longest)
        while index < len(right) and right[index][0] < a_end:
            b_start, b_end = right[index]
            begin, finish = max(a_start, b_start), min(a_end, b_end)
            if finish > begin:
                pieces.append((begin, finish))
            index += 1
    return pieces


def merge_intervals(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, non-overlapping intervals covering the same instants."""
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _subtract(pieces: Iterable[Interval], blocked: Sequence[Interval]) -> list[Interval]:
    """``pieces`` minus ``blocked`` (which must be merged and sorted)."""
    free: list[Interval] = []
    for start, end in pieces:
        cursor = start
        for b_start, b_end in blocked:
            if b_end <= cursor or b_start >= end:
                continue
            if b_start > cursor:
                free.append((cursor, b_start))
            cursor = max(cursor, b_end)
        if cursor < end:
            free.append((cursor, end))
    return free


def find_slots(
    paris: SchoolCalendar,
    partner: SchoolCalendar,
    start: date,
    end: date,
    minutes: int = 45,
    step: int = 15,
    busy: Sequence[tuple[datetime, datetime]] = (),
    buffer_minutes: int = 15,
) -> list[Slot]:
    """Every slot of ``minutes`` that suits both classes, sorted by start.

    A slot starts when the Paris clock shows a multiple of ``step`` minutes
    since midnight, lies inside one Paris window on a non-holiday Paris date in
    [start, end] and inside one partner window on a non-holiday *partner*
    date (for Tokyo this may be the next day), and keeps ``buffer_minutes``
    away from every ``busy`` interval (the facilitator's other sessions).
    Adjacent windows are not joined: a slot must fit in a single window.
    The busy intervals (widened by the buffer) are taken out of what
    :func:`timetable_slots` gives.
    """
    if minutes <= 0:
        message = translate("scheduling", "the session length must be positive, not {minutes}")
        raise ValueError(message.format(minutes=minutes))
    if step <= 0:
        raise ValueError(translate("scheduling", "the step must be positive, not {step}").format(step=step))
    check_buffer(buffer_minutes)
    if start > end:
        raise ValueError(
            translate("scheduling", "the start date {start} is after the end date {end}").format(
                start=start.isoformat(), end=end.isoformat()
            )
        )
    blocked = merge_intervals(blocked_intervals(
        ((_require_aware(b_start), _require_aware(b_end)) for b_start, b_end in busy), buffer_minutes))
    return keep_clear(timetable_slots(paris, partner, start, end, minutes, step), blocked)


@lru_cache(maxsize=512)
def timetable_slots(paris: SchoolCalendar, partner: SchoolCalendar, start: date, end: date, minutes: int,
                    step: int) -> tuple[Slot, ...]:
    """The slots both timetables allow, busy times aside (see :func:`find_slots`, which checks the arguments).

    Memoised: it depends only on its arguments, and the duos of a programme
    share a few calendar pairs (same hours, zone and holidays), so finding
    slots for every duo computes each pair once.
    """
    paris_intervals = window_intervals(paris, start, end)
    partner_intervals = window_intervals(partner, start - _DATE_MARGIN, end + _DATE_MARGIN)
    info = zone_info(paris.zone)
    length = timedelta(minutes=minutes)
    starts: set[datetime] = set()  # overlapping windows give some slots twice
    for piece_start, piece_end in intersect_intervals(paris_intervals, partner_intervals):
        starts.update(grid_instants(info, piece_start, piece_end - length, step))
    return tuple(_utc_slot(begin, begin + length) for begin in sorted(starts))


def _utc_slot(start_utc: datetime, end_utc: datetime) -> Slot:
    """A :class:`Slot` from instants already in UTC and in order, without checking them again (the finder's hot path)."""
    slot = object.__new__(Slot)
    object.__setattr__(slot, "start_utc", start_utc)
    object.__setattr__(slot, "end_utc", end_utc)
    return slot


def weekly_overlap_minutes(paris: SchoolCalendar, partner: SchoolCalendar, week_start: date) -> int:
    """Minutes during which both schools are available in the 7 days from ``week_start`` (Paris dates).

    Holidays are ignored on purpose: this measures how well two timetables
    fit, to rank possible partner classes, not what a given week allows.
    """
    return _weekly_overlap(paris.zone, paris.windows, partner.zone, partner.windows, week_start)


@lru_cache(maxsize=4_096)
def _weekly_overlap(paris_zone: str, paris_windows: tuple[WeeklyWindow, ...], partner_zone: str,
                    partner_windows: tuple[WeeklyWindow, ...], week_start: date) -> int:
    """:func:`weekly_overlap_minutes`, memoised on what it depends on (not the holidays, which schools rarely share)."""
    paris, partner = SchoolCalendar(paris_zone, paris_windows), SchoolCalendar(partner_zone, partner_windows)
    week_end = week_start + timedelta(days=6)
    paris_open = merge_intervals(window_intervals(paris, week_start, week_end))
    partner_open = merge_intervals(window_intervals(partner, week_start - _DATE_MARGIN, week_end + _DATE_MARGIN))
    total = sum(
        (finish - begin for begin, finish in intersect_intervals(paris_open, partner_open)), timedelta()
    )
    return int(total.total_seconds() // 60)


def week_blocks(paris: SchoolCalendar, partner: SchoolCalendar, monday: date) -> dict[str, list[Interval]]:
    """UTC intervals of the week starting ``monday``: each side's windows and their overlap.

    The partner's windows are taken two days either side, since its local week is shifted.
    """
    sunday = monday + timedelta(days=6)
    paris_open = merge_intervals(window_intervals(paris, monday, sunday))
    partner_open = merge_intervals(window_intervals(partner, monday - timedelta(days=2), sunday + timedelta(days=2)))
    return {"paris": paris_open, "partner": partner_open, "overlap": intersect_intervals(paris_open, partner_open)}


def first_window_time(timetables: Iterable[tuple[SchoolCalendar, SchoolCalendar]], monday: date) -> time | None:
    """The earliest time of day, on the Paris clock, of a visio window in the week starting ``monday``.

    ``timetables`` are duos' (Paris school, partner school) calendars. A duo's windows are where both
    schools' hours meet that week (:func:`week_blocks`, so each country's daylight-saving dates count),
    or the Paris school's own hours for a duo whose hours never meet (e.g. Tokyo). Closures are not
    looked at: a week of holidays still shows the usual hours. None when no school has any hours.
    """
    earliest: time | None = None
    for paris, partner in set(timetables):  # a programme's duos share a few timetables
        paris = paris.without_closures()
        blocks = week_blocks(paris, partner.without_closures(), monday)
        for start, _end in blocks["overlap"] or blocks["paris"]:
            wall = utc_to_local(start, paris.zone).time()
            earliest = wall if earliest is None else min(earliest, wall)
    return earliest


__all__ = [
    "Interval", "SchoolCalendar", "Slot", "explain_no_overlap", "find_slots", "first_window_time", "format_hours",
    "intersect_intervals", "merge_intervals", "timetable_slots", "week_blocks", "weekly_overlap_minutes", "window_intervals",
]
