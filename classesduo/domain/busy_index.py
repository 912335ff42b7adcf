"""One index of the visios that keep classes and facilitators busy, for the slot finder and the conflict flags.

A visio occupies its Paris class, its partner class and its facilitator (if
any). The index keeps one *lane* per class and per facilitator: that lane's
visios sorted by start, with the longest length seen, so the visios near an
interval are found by binary search in O(log n + k) instead of a scan of every
visio. The slot finder asks for a duo's busy intervals (:meth:`BusyIndex.for_duo`);
the calendar's flags ask for the visios too close to a planned one
(:meth:`BusyIndex.clashes`), with the same buffer rule for both: a visio keeps
``buffer_minutes`` away from the other visios of its facilitator *and* of its
two classes. Nothing is formatted here; the caller writes text only for the
clashes it found.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum
from typing import TYPE_CHECKING

from classesduo.domain.i18n import translate
from classesduo.domain.timezones import UTC
from classesduo.domain.visio_buffer import too_close, widened

if TYPE_CHECKING:
    from classesduo.domain.conflicts import PlannedSession
    from classesduo.domain.entities import Duo


class Who(Enum):
    """Whose other visio a clash is with (the order in which clashes with one visio are reported)."""

    FACILITATOR = 0
    PARIS_CLASS = 1
    PARTNER_CLASS = 2


@dataclass(frozen=True, slots=True)
class Clash:
    """``other`` is within the buffer of the checked visio for ``who``; ``overlaps`` when they share time."""

    who: Who
    other: PlannedSession
    overlaps: bool


class _Lane:
    """The visios of one class or facilitator, sorted by start."""

    __slots__ = ("ends", "longest", "starts", "visios")

    def __init__(self, visios: list[PlannedSession]) -> None:
        visios.sort(key=lambda visio: (visio.start_utc, visio.id))
        self.visios = visios
        self.starts = [visio.start_utc for visio in visios]
        self.ends = [visio.end_utc for visio in visios]
        self.longest = max((end - start for start, end in zip(self.starts, self.ends, strict=True)),
                           default=timedelta())

    def near(self, low: datetime, high: datetime) -> Iterable[PlannedSession]:
        """The visios sharing time with the open interval (low, high): start < high and end > low."""
        first = bisect_right(self.starts, low - self.longest)  # any earlier one ends by ``low``
        last = bisect_left(self.starts, high)
        ends, visios = self.ends, self.visios
        for index in range(first, last):
            if ends[index] > low:
                yield visios[index]


def _in_utc(visio: PlannedSession) -> PlannedSession:
    start, end = visio.start_utc, visio.end_utc
    if start.tzinfo is UTC and end.tzinfo is UTC:
        return visio
    for value in (start, end):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(translate("scheduling", "a naive date-time has no time zone; give an aware one"))
    return replace(visio, start_utc=start.astimezone(UTC), end_utc=end.astimezone(UTC))


class BusyIndex:
    """The visios of a range that take someone's time (planned or held; not cancelled or moved)."""

    def __init__(self, visios: Iterable[PlannedSession]) -> None:
        by_class: dict[str, list[PlannedSession]] = {}
        by_facilitator: dict[str, list[PlannedSession]] = {}
        self._visios: dict[str, PlannedSession] = {}
        for visio in visios:
            visio = _in_utc(visio)
            self._visios[visio.id] = visio
            by_class.setdefault(visio.paris_class_id, []).append(visio)
            if visio.partner_class_id != visio.paris_class_id:
                by_class.setdefault(visio.partner_class_id, []).append(visio)
            if visio.facilitator_id:
                by_facilitator.setdefault(visio.facilitator_id, []).append(visio)
        self._classes = {key: _Lane(group) for key, group in by_class.items()}
        self._facilitators = {key: _Lane(group) for key, group in by_facilitator.items()}

    def __len__(self) -> int:
        return len(self._visios)

    def get(self, session_id: str) -> PlannedSession | None:
        return self._visios.get(session_id)

    def _lanes(self, facilitator_id: str | None, paris_class_id: str, partner_class_id: str) -> list[tuple[Who, _Lane]]:
        lanes = []
        if facilitator_id and facilitator_id in self._facilitators:
            lanes.append((Who.FACILITATOR, self._facilitators[facilitator_id]))
        for who, key in ((Who.PARIS_CLASS, paris_class_id), (Who.PARTNER_CLASS, partner_class_id)):
            if key in self._classes:
                lanes.append((who, self._classes[key]))
        return lanes

    def for_duo(self, duo: Duo, ignore_session_id: str | None = None) -> list[tuple[datetime, datetime]]:
        """The intervals during which the duo's classes or facilitator are in a visio (each visio once)."""
        found: dict[str, PlannedSession] = {}
        for _who, lane in self._lanes(duo.facilitator_id, duo.paris_class_id, duo.partner_class_id):
            for visio in lane.visios:
                found[visio.id] = visio
        return [(visio.start_utc, visio.end_utc) for key, visio in found.items() if key != ignore_session_id]

    def clashes(self, session: PlannedSession, buffer_minutes: int = 0) -> list[Clash]:
        """The other visios of its facilitator or classes that ``session`` overlaps or comes within the buffer of.

        Sorted by the other visio's start, then facilitator, Paris class, partner
        class. A visio with the same id as ``session`` is its own old place and
        is ignored. Touching (one ends when the next starts) is fine without a
        buffer.
        """
        session = _in_utc(session)
        start, end = session.start_utc, session.end_utc
        low, high = widened(start, end, buffer_minutes)  # the buffer rule: domain/visio_buffer.py
        found: list[Clash] = []
        for who, lane in self._lanes(session.facilitator_id, session.paris_class_id, session.partner_class_id):
            for other in lane.near(low, high):
                if other.id != session.id:
                    found.append(Clash(who, other, too_close(start, end, other.start_utc, other.end_utc, 0)))
        found.sort(key=lambda clash: (clash.other.start_utc, clash.other.id, clash.who.value))
        return found


__all__ = ["BusyIndex", "Clash", "Who"]
