"""The Paris wall-clock grid on which slots start, and the filter that keeps slots clear of busy times.

:func:`classesduo.domain.scheduling.find_slots` works in two steps: the slots
two timetables allow (which depend only on the two calendars, the dates, the
length and the step, so many duos share them), then those that keep clear of
one duo's busy intervals. Splitting the steps lets a whole programme reuse the
first one.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from classesduo.domain.timezones import UTC

if TYPE_CHECKING:
    from classesduo.domain.scheduling import Interval, Slot


def grid_instants(info: ZoneInfo, low: datetime, high: datetime, step: int) -> Iterable[datetime]:
    """Instants in [low, high] at which the wall clock of ``info`` shows a multiple of ``step`` minutes.

    Each instant comes once; after the clocks go back they may come out of order.

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
    if offsets[0] == offsets[1] and wall_low.date() == wall_high.date() and offsets[0] is not None:
        # The usual case: one offset all along, within one local day. Every grid wall time then shows
        # exactly once, at wall time minus that offset, so the grid is a plain arithmetic sequence.
        midnight = datetime.combine(wall_low.date(), time())
        instant = (midnight + -(-(wall_low - midnight) // step_delta) * step_delta - offsets[0]).replace(tzinfo=UTC)
        while instant <= high:
            yield instant
            instant += step_delta
        return
    day = wall_low.date()
    while day <= wall_high.date():
        midnight = datetime.combine(day, time())
        first_index = -(-(wall_low - midnight) // step_delta) if day == wall_low.date() else 0
        wall = midnight + first_index * step_delta
        while wall.date() == day and wall <= wall_high:
            first = None
            for fold in (0, 1):
                instant = wall.replace(tzinfo=info, fold=fold).astimezone(UTC)
                if instant != first and instant.astimezone(info).replace(tzinfo=None) == wall and low <= instant <= high:
                    yield instant
                first = instant
            wall += step_delta
        day += timedelta(days=1)


def keep_clear(slots: Sequence[Slot], blocked: Sequence[Interval]) -> list[Slot]:
    """The ``slots`` that overlap no ``blocked`` interval (merged and sorted, as ``merge_intervals`` gives).

    Touching is allowed: a slot may end when a blocked interval starts, or start
    when one ends. A blocked interval of no length still splits the time it sits
    in, so a slot spanning it is left out. This is exactly what cutting the
    blocked intervals out of the free time and fitting slots in the remaining
    pieces gives, in O(slots × log blocked).
    """
    if not blocked:
        return list(slots)
    ends = [finish for _begin, finish in blocked]  # strictly increasing: merged intervals are disjoint
    kept = []
    for slot in slots:
        index = bisect_right(ends, slot.start_utc)  # the first blocked interval ending after the slot starts
        if index < len(blocked) and blocked[index][0] < slot.end_utc:
            continue
        kept.append(slot)
    return kept
