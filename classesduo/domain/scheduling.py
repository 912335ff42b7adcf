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
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from classesduo.domain.availability import HolidayPeriod, WeeklyWindow
from classesduo.domain.i18n import translate
from classesduo.domain.timezones import (
    UTC,
    AmbiguousLocalTime,
    LocalTimeError,
    NonexistentLocalTime,
    difference_hours,
    local_to_utc,
    utc_to_local,
    zone_info,
)

Interval = tuple[datetime, datetime]

#: Any two zones are less than 27 h apart, so an instant's local dates in two
#: zones differ by at most this many days.
_DATE_MARGIN = timedelta(days=2)


@dataclass(frozen=True, slots=True)
class SchoolCalendar:
    """A school's zone, weekly windows and holidays.

    Lists are accepted and stored as tuples, so calendars stay hashable.
    Raises ValueError for an unknown zone. Windows whose end is not after
    their start are kept but never yield any time.
    """

    zone: str
    windows: tuple[WeeklyWindow, ...]
    holidays: tuple[HolidayPeriod, ...] = ()

    def __post_init__(self) -> None:
        zone_info(self.zone)
        object.__setattr__(self, "windows", tuple(self.windows))
        object.__setattr__(self, "holidays", tuple(self.holidays))

    def holiday_on(self, day: date) -> HolidayPeriod | None:
        """The first holiday period containing ``day`` (a local date), if any."""
        return next((period for period in self.holidays if period.contains(day)), None)


def _require_aware(value: datetime) -> datetime:
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


def _window_on(day: date, window: WeeklyWindow, zone: str) -> list[Interval]:
    """The instants of ``day`` whose wall time is within ``window`` (see the module docstring)."""
    first_start, last_start, start_fold = _occurrences(day, window.start, zone)
    first_end, last_end, end_fold = _occurrences(day, window.end, zone)
    removed: list[Interval] = []
    if start_fold is not None:  # after the clocks go back, the wall shows times before the start again
        removed.append((start_fold, last_start))
    if end_fold is not None:  # before the clocks go back, the wall shows times after the end
        removed.append((first_end, end_fold))
    pieces = _subtract([(first_start, last_end)], merge_intervals(removed))
    return [(begin, finish) for begin, finish in pieces if finish > begin]


def _days(start: date, end: date) -> Iterable[date]:
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def window_intervals(calendar: SchoolCalendar, start: date, end: date) -> list[Interval]:
    """The school's windows as UTC intervals, for each non-holiday local date in [start, end].

    Overlapping windows are not merged. Sorted by start.
    """
    by_weekday: dict[int, list[WeeklyWindow]] = {}
    for window in calendar.windows:
        if window.end > window.start:
            by_weekday.setdefault(window.weekday, []).append(window)
    intervals: list[Interval] = []
    for day in _days(start, end):
        windows = by_weekday.get(day.weekday())
        if not windows or calendar.holiday_on(day) is not None:
            continue
        for window in windows:
            intervals.extend(_window_on(day, window, calendar.zone))
    intervals.sort()
    return intervals


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
    """
    if minutes <= 0:
        message = translate("scheduling", "the session length must be positive, not {minutes}")
        raise ValueError(message.format(minutes=minutes))
    if step <= 0:
        raise ValueError(translate("scheduling", "the step must be positive, not {step}").format(step=step))
    if buffer_minutes < 0:
        message = translate("scheduling", "the buffer cannot be negative, not {buffer}")
        raise ValueError(message.format(buffer=buffer_minutes))
    if start > end:
        raise ValueError(
            translate("scheduling", "the start date {start} is after the end date {end}").format(
                start=start.isoformat(), end=end.isoformat()
            )
        )
    buffer = timedelta(minutes=buffer_minutes)
    blocked = merge_intervals(
        (_require_aware(b_start) - buffer, _require_aware(b_end) + buffer) for b_start, b_end in busy
    )
    paris_intervals = window_intervals(paris, start, end)
    partner_intervals = window_intervals(partner, start - _DATE_MARGIN, end + _DATE_MARGIN)
    free = _subtract(intersect_intervals(paris_intervals, partner_intervals), blocked)

    info = zone_info(paris.zone)
    length = timedelta(minutes=minutes)
    found: set[Slot] = set()
    for piece_start, piece_end in free:
        for candidate in _grid_instants(info, piece_start, piece_end - length, step):
            found.add(Slot(candidate, candidate + length))
    return sorted(found)


def _grid_instants(info: ZoneInfo, low: datetime, high: datetime, step: int) -> Iterable[datetime]:
    """Instants in [low, high] at which the wall clock of ``info`` shows a multiple of ``step`` minutes.

    Works on wall times (minutes since local midnight) rather than by adding
    ``step`` in UTC, so half-hour DST shifts and steps that do not divide a day
    keep the grid exact. Assumes at most one offset change between low and
    high, which holds for any interval shorter than a few weeks.
    """
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


def weekly_overlap_minutes(paris: SchoolCalendar, partner: SchoolCalendar, week_start: date) -> int:
    """Minutes during which both schools are available in the 7 days from ``week_start`` (Paris dates).

    Holidays are ignored on purpose: this measures how well two timetables
    fit, to rank possible partner classes, not what a given week allows.
    """
    week_end = week_start + timedelta(days=6)
    paris_open = merge_intervals(window_intervals(replace(paris, holidays=()), week_start, week_end))
    partner_open = merge_intervals(
        window_intervals(replace(partner, holidays=()), week_start - _DATE_MARGIN, week_end + _DATE_MARGIN)
    )
    total = sum(
        (finish - begin for begin, finish in intersect_intervals(paris_open, partner_open)), timedelta()
    )
    return int(total.total_seconds() // 60)


def format_hours(hours: float) -> str:
    """``8.0`` -> ``"8 h"``, ``4.5`` -> ``"4 h 30"``, ``-5.75`` -> ``"5 h 45"`` (sign dropped)."""
    total = round(abs(hours) * 60)
    whole, rest = divmod(total, 60)
    return f"{whole} h" if rest == 0 else f"{whole} h {rest:02d}"


def _first_window(windows: Sequence[WeeklyWindow], on: date) -> WeeklyWindow | None:
    """The earliest window on ``on``'s weekday, else the first of the week."""
    usable = [window for window in windows if window.end > window.start]
    same_day = [window for window in usable if window.weekday == on.weekday()]
    candidates = same_day or usable
    return min(candidates, key=lambda window: (window.weekday, window.start)) if candidates else None


def explain_no_overlap(paris: SchoolCalendar, partner: SchoolCalendar, partner_city: str, on: date) -> str:
    """Why the two timetables do not meet, e.g. "Tokyo is 8 h ahead: Paris 15:00 is 23:00 in Tokyo."

    Uses the earliest Paris window of ``on``'s weekday and the real offsets on
    that date; if ``on`` has no Paris window, the first window of the week on
    the next date it applies. Then says when the partner class is free on its
    own local date.
    """
    paris_window = _first_window(paris.windows, on)
    if paris_window is None:
        return translate("scheduling", "The Paris class has no availability windows.")
    on += timedelta(days=(paris_window.weekday - on.weekday()) % 7)
    try:
        instant = local_to_utc(on, paris_window.start, paris.zone, fold=0)
    except LocalTimeError as error:  # only NonexistentLocalTime can happen with a fold
        return str(error)
    partner_local = utc_to_local(instant, partner.zone)
    partner_time = partner_local.strftime("%H:%M")
    day_shift = (partner_local.date() - on).days
    if day_shift > 0:
        partner_time = translate("scheduling", "{time} the next day").format(time=partner_time)
    elif day_shift < 0:
        partner_time = translate("scheduling", "{time} the day before").format(time=partner_time)
    hours = difference_hours(paris.zone, partner.zone, instant)
    values = {
        "city": partner_city,
        "hours": format_hours(hours),
        "paris_time": paris_window.start.strftime("%H:%M"),
        "partner_time": partner_time,
    }
    if hours > 0:
        sentence = translate("scheduling", "{city} is {hours} ahead: Paris {paris_time} is {partner_time} in {city}.")
    elif hours < 0:
        sentence = translate("scheduling", "{city} is {hours} behind: Paris {paris_time} is {partner_time} in {city}.")
    else:
        sentence = translate(
            "scheduling", "{city} has the same time as Paris: Paris {paris_time} is {partner_time} in {city}."
        )
    sentence = sentence.format(**values)

    partner_day = partner_local.date()
    partner_windows = sorted(
        (w for w in partner.windows if w.weekday == partner_day.weekday() and w.end > w.start),
        key=lambda w: w.start,
    )
    if partner_windows:
        hours_text = ", ".join(f"{w.start:%H:%M}–{w.end:%H:%M}" for w in partner_windows)
        detail = translate("scheduling", "The class in {city} is available {hours} local time that day.")
        return f"{sentence} {detail.format(city=partner_city, hours=hours_text)}"
    detail = translate("scheduling", "The class in {city} has no availability that day.")
    return f"{sentence} {detail.format(city=partner_city)}"


def week_blocks(paris: SchoolCalendar, partner: SchoolCalendar, monday: date) -> dict[str, list[Interval]]:
    """UTC intervals of the week starting ``monday``: each side's windows and their overlap.

    The partner's windows are taken two days either side, since its local week is shifted.
    """
    sunday = monday + timedelta(days=6)
    paris_open = merge_intervals(window_intervals(paris, monday, sunday))
    partner_open = merge_intervals(window_intervals(partner, monday - timedelta(days=2), sunday + timedelta(days=2)))
    return {"paris": paris_open, "partner": partner_open, "overlap": intersect_intervals(paris_open, partner_open)}
