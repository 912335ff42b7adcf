"""IANA time zones: validation, wall clock <-> UTC, offset changes.

Every conversion goes through :mod:`zoneinfo`; daylight-saving gaps and folds
are detected by round-tripping through UTC rather than by hand-coded rules,
so southern-hemisphere DST, half-hour zones and future rule changes shipped
with ``tzdata`` are all handled the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from classesduo.domain.i18n import translate

UTC = timezone.utc
#: The programme's time zone: Paris schools' clock, the calendar's and the reports' days. Written only here.
PARIS_ZONE = "Europe/Paris"
PARIS = ZoneInfo(PARIS_ZONE)

#: Names that ``available_timezones()`` may list but that are not real places:
#: ``localtime`` is the host's own setting, ``Factory`` a placeholder zone.
_NOT_PLACES = frozenset({"localtime", "Factory"})


@lru_cache(maxsize=1)
def _known_zones() -> frozenset[str]:
    return frozenset(available_timezones()) - _NOT_PLACES


def is_valid_zone(name: str) -> bool:
    """True for an IANA zone name such as ``"Europe/Paris"`` (case-sensitive).

    Checked against the zone list (system zoneinfo plus the ``tzdata``
    package) rather than by trying ``ZoneInfo(name)``, which would also load
    stray files such as ``"localtime"`` (the host's own setting) and, on
    case-insensitive file systems, ``"europe/paris"``.
    """
    return isinstance(name, str) and name in _known_zones()


def zone_info(name: str) -> ZoneInfo:
    """The :class:`ZoneInfo` for ``name``; ValueError if it is not an IANA zone."""
    if not is_valid_zone(name):
        raise ValueError(translate("scheduling", "Unknown time zone: {zone}").format(zone=name))
    return ZoneInfo(name)


def _hhmm(value: time | datetime) -> str:
    return value.strftime("%H:%M")


def _gap_edge(value: datetime, other: datetime) -> str:
    """``HH:MM``, or with the date when a gap spans midnight (Samoa skipped a whole day in 2011)."""
    return _hhmm(value) if value.date() == other.date() else value.strftime("%Y-%m-%d %H:%M")


class LocalTimeError(ValueError):
    """A wall-clock time that does not map to exactly one instant."""

    def __init__(self, message: str, day: date, wall: time, zone: str) -> None:
        super().__init__(message)
        self.day = day
        self.wall = wall
        self.zone = zone


class NonexistentLocalTime(LocalTimeError):
    """The wall time falls in a spring-forward gap.

    ``transition_utc`` is the instant the clocks jumped; ``gap_start`` and
    ``gap_end`` are the wall times just before and just after the jump.
    """

    def __init__(
        self, day: date, wall: time, zone: str, transition_utc: datetime, gap_start: datetime, gap_end: datetime
    ) -> None:
        message = translate(
            "scheduling",
            "{time} on {date} does not exist in {zone}: clocks jump forward from {before} to {after}",
        ).format(
            time=_hhmm(wall),
            date=day.isoformat(),
            zone=zone,
            before=_gap_edge(gap_start, gap_end),
            after=_gap_edge(gap_end, gap_start),
        )
        super().__init__(message, day, wall, zone)
        self.transition_utc = transition_utc
        self.gap_start = gap_start
        self.gap_end = gap_end


class AmbiguousLocalTime(LocalTimeError):
    """The wall time happens twice (autumn fold); pass ``fold=0`` or ``fold=1``.

    ``first_utc`` / ``second_utc`` are the two instants it may denote.
    """

    def __init__(
        self, day: date, wall: time, zone: str, first: datetime, second: datetime, dst_change: bool
    ) -> None:
        if dst_change:
            message = translate(
                "scheduling",
                "{time} on {date} happens twice in {zone} (summer time and winter time); choose one",
            ).format(time=_hhmm(wall), date=day.isoformat(), zone=zone)
        else:
            message = translate(
                "scheduling", "{time} on {date} happens twice in {zone} (UTC{first} and UTC{second}); choose one"
            ).format(
                time=_hhmm(wall),
                date=day.isoformat(),
                zone=zone,
                first=_format_offset(first.utcoffset()),
                second=_format_offset(second.utcoffset()),
            )
        super().__init__(message, day, wall, zone)
        self.first_utc = first.astimezone(UTC)
        self.second_utc = second.astimezone(UTC)

    @property
    def transition_utc(self) -> datetime:
        """The instant the clocks were turned back, between the two occurrences."""
        return _transition_between(zone_info(self.zone), self.first_utc, self.second_utc)


def wall_clock(moment: datetime) -> str:
    """``HH:MM`` of an aware local time; when that wall time happens twice (autumn fold) its UTC offset
    follows, ``02:30 (UTC+02:00)``, so the two 02:30 of a clock-change night can be told apart."""
    naive = moment.replace(tzinfo=None)
    first, second = (naive.replace(tzinfo=moment.tzinfo, fold=fold).utcoffset() for fold in (0, 1))
    text = f"{moment:%H:%M}"
    if first is not None and second is not None and first > second:  # a fold (in a gap fold=0 has the smaller)
        text += f" (UTC{_format_offset(moment.utcoffset())})"
    return text


def _format_offset(offset: timedelta | None) -> str:
    seconds = int((offset or timedelta()).total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    return f"{sign}{hours:02d}:{rest // 60:02d}"


def _transition_between(info: ZoneInfo, low: datetime, high: datetime) -> datetime:
    """The first whole-second UTC instant after ``low`` (up to ``high``) whose offset differs from low's."""
    before = low.astimezone(info).utcoffset()
    lo, hi = int(low.timestamp()), int(high.timestamp()) + 1
    while hi - lo > 1:
        middle = (lo + hi) // 2
        if datetime.fromtimestamp(middle, info).utcoffset() == before:
            lo = middle
        else:
            hi = middle
    return datetime.fromtimestamp(hi, UTC)


def local_to_utc(day: date, wall: time, zone: str, fold: int | None = None) -> datetime:
    """The UTC instant at which clocks in ``zone`` show ``wall`` on ``day``.

    Raises :class:`NonexistentLocalTime` for a time skipped by a
    spring-forward change, and :class:`AmbiguousLocalTime` for a time that
    happens twice unless ``fold`` says which one (0 = first occurrence,
    normally summer time; 1 = second). ``fold`` is ignored when the time is
    unambiguous.
    """
    if fold not in (None, 0, 1):
        raise ValueError(translate("scheduling", "fold must be 0, 1 or None, not {fold}").format(fold=fold))
    if wall.tzinfo is not None:
        raise ValueError(translate("scheduling", "the wall-clock time must not carry a time zone"))
    info = zone_info(zone)
    naive = datetime.combine(day, wall.replace(fold=0))
    first = naive.replace(tzinfo=info, fold=0)
    second = naive.replace(tzinfo=info, fold=1)
    first_utc = first.astimezone(UTC)
    second_utc = second.astimezone(UTC)
    # A wall time that exists maps back to itself through UTC; one in a gap does not.
    if first_utc.astimezone(info).replace(tzinfo=None) != naive:
        low, high = sorted((first_utc, second_utc))
        transition = _transition_between(info, low, high)
        old_offset = low.astimezone(info).utcoffset()
        assert old_offset is not None
        gap_start = (transition + old_offset).replace(tzinfo=None)  # e.g. 02:00 in Paris
        gap_end = transition.astimezone(info).replace(tzinfo=None)
        raise NonexistentLocalTime(day, wall, zone, transition, gap_start, gap_end)
    if first_utc == second_utc:
        return first_utc
    if fold is None:
        raise AmbiguousLocalTime(day, wall, zone, first, second, first.dst() != second.dst())
    return second_utc if fold == 1 else first_utc


def utc_to_local(instant: datetime, zone: str) -> datetime:
    """``instant`` as an aware datetime on the wall clock of ``zone``."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(translate("scheduling", "a naive date-time has no time zone; give an aware one"))
    return instant.astimezone(zone_info(zone))


def local_day_bounds(start: date | None, end: date | None, zone: str) -> tuple[datetime | None, datetime | None]:
    """The UTC instants [first, stop) covering the local days ``start``..``end`` (inclusive; None: open).

    An instant is on a local day in that range exactly when ``first <= instant < stop``, so a
    database can filter on the stored UTC instants with plain comparisons.
    """
    first = _day_start(start, zone) if start is not None else None
    stop = _day_start(end + timedelta(days=1), zone) if end is not None else None
    return first, stop


def _day_start(day: date, zone: str) -> datetime:
    """The first instant of ``day`` in ``zone`` (where midnight is skipped, the moment clocks jump)."""
    try:
        return local_to_utc(day, time(0), zone, fold=0)
    except NonexistentLocalTime as gap:
        return gap.transition_utc


def local_dates(start: datetime, end: datetime, zone: str) -> list[date]:
    """The local dates in ``zone`` touched by the interval [start, end) (an end at midnight does not count)."""
    first = utc_to_local(start, zone).date()
    last = utc_to_local(max(start, end - timedelta(microseconds=1)), zone).date()
    days = [first]
    while days[-1] < last:
        days.append(days[-1] + timedelta(days=1))
    return days


@dataclass(frozen=True, slots=True)
class OffsetChange:
    """The UTC offset of a zone changed from ``before`` to ``after`` on ``day``."""

    day: date
    before: timedelta
    after: timedelta


def _noon_offset(info: ZoneInfo, day: date) -> timedelta:
    offset = datetime.combine(day, time(12), tzinfo=info).utcoffset()
    assert offset is not None
    return offset


def _days(start: date, end: date):
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def offset_changes(zone: str, start: date, end: date) -> list[OffsetChange]:
    """Every UTC-offset change of ``zone`` between ``start`` and ``end`` (inclusive).

    The offset is sampled at local noon: ``day`` is the first date whose noon
    has the new offset. All real-world changes happen at night, so this is the
    date on which the change is felt (a change at 24:00 Saturday is reported on
    Sunday). A change on ``start`` itself is reported (compared with the day
    before).
    """
    info = zone_info(zone)
    changes: list[OffsetChange] = []
    previous = _noon_offset(info, start - timedelta(days=1))
    for day in _days(start, end):
        current = _noon_offset(info, day)
        if current != previous:
            changes.append(OffsetChange(day, previous, current))
        previous = current
    return changes


def difference_hours(zone_a: str, zone_b: str, at: datetime) -> float:
    """How many hours ``zone_b`` is ahead of ``zone_a`` at instant ``at`` (negative if behind).

    E.g. ``difference_hours("Europe/Paris", "Asia/Tokyo", <a winter day>) == 8.0``.
    """
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(translate("scheduling", "a naive date-time has no time zone; give an aware one"))
    offset_a = at.astimezone(zone_info(zone_a)).utcoffset()
    offset_b = at.astimezone(zone_info(zone_b)).utcoffset()
    assert offset_a is not None and offset_b is not None
    return (offset_b - offset_a).total_seconds() / 3600


def difference_changes(zone_a: str, zone_b: str, start: date, end: date) -> list[tuple[date, float, float]]:
    """The dates in [start, end] on which ``difference_hours(zone_a, zone_b)`` changes.

    Each item is ``(day, hours_before, hours_after)``, sampled at noon in
    ``zone_a`` (the Paris side), e.g. Paris–Montréal in 2026:
    ``[(2026-03-08, -6.0, -5.0), (2026-03-29, -5.0, -6.0), ...]``.
    """
    return list(_difference_changes(zone_a, zone_b, start, end))


@lru_cache(maxsize=256)
def _difference_changes(zone_a: str, zone_b: str, start: date, end: date) -> tuple[tuple[date, float, float], ...]:
    """:func:`difference_changes`, memoised: a programme's duos share a few pairs of zones."""
    info_a = zone_info(zone_a)
    zone_info(zone_b)

    def at_noon(day: date) -> float:
        return difference_hours(zone_a, zone_b, datetime.combine(day, time(12), tzinfo=info_a))

    changes: list[tuple[date, float, float]] = []
    previous = at_noon(start - timedelta(days=1))
    for day in _days(start, end):
        current = at_noon(day)
        if current != previous:
            changes.append((day, previous, current))
        previous = current
    return tuple(changes)



def paris_today(now: datetime | None = None) -> date:
    """Today's date in Paris: the programme's calendar day (terms, consent end dates, retention)."""
    instant = now if now is not None else datetime.now(UTC)
    return utc_to_local(instant, PARIS_ZONE).date()
