"""Visios that take someone's time, indexed by class and by facilitator.

The rule lives here once: a visio keeps a duo busy when it involves one of
the duo's two classes (on either side) or the duo's facilitator, is not
cancelled or moved, and starts within a day of the searched range. One duo's
search loads only the visios that may concern it; a whole programme loads
every visio of the range once and asks the index per duo.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from classesduo.domain.entities import Duo
from classesduo.domain.enums import SessionKind, SessionStatus
from classesduo.storage.models import DuoRow, ExchangeSessionRow

#: Sessions that take someone's time: not cancelled, not moved elsewhere.
ACTIVE_STATUSES = (SessionStatus.PLANNED, SessionStatus.HELD)
#: Visios starting this long before or after the range may still overlap it (or its buffer).
MARGIN = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class OccupyingVisio:
    id: str
    start_utc: datetime
    end_utc: datetime
    paris_class_id: str
    partner_class_id: str
    facilitator_id: str | None


class BusyTimes:
    """The visios of a range, found by class and by facilitator."""

    def __init__(self, visios: Iterable[OccupyingVisio]) -> None:
        self._by_class: dict[str, list[OccupyingVisio]] = {}
        self._by_facilitator: dict[str, list[OccupyingVisio]] = {}
        for visio in visios:
            self._by_class.setdefault(visio.paris_class_id, []).append(visio)
            if visio.partner_class_id != visio.paris_class_id:
                self._by_class.setdefault(visio.partner_class_id, []).append(visio)
            if visio.facilitator_id:
                self._by_facilitator.setdefault(visio.facilitator_id, []).append(visio)

    def for_duo(self, duo: Duo, ignore_session_id: str | None = None) -> list[tuple[datetime, datetime]]:
        """The intervals during which the duo's classes or facilitator are in another visio (or its own)."""
        found: dict[str, OccupyingVisio] = {}
        groups = [self._by_class.get(duo.paris_class_id, ()), self._by_class.get(duo.partner_class_id, ())]
        if duo.facilitator_id:
            groups.append(self._by_facilitator.get(duo.facilitator_id, ()))
        for group in groups:
            for visio in group:
                found[visio.id] = visio
        return [(visio.start_utc, visio.end_utc) for key, visio in found.items() if key != ignore_session_id]


def load_busy_times(session: Session, start: datetime, end: datetime, duo: Duo | None = None) -> BusyTimes:
    """The occupying visios starting in [start - 1 day, end + 1 day); with ``duo``, only those that may concern it."""
    query = (
        select(ExchangeSessionRow.id, ExchangeSessionRow.start_utc, ExchangeSessionRow.minutes,
               DuoRow.paris_class_id, DuoRow.partner_class_id, DuoRow.facilitator_id)
        .join(DuoRow, ExchangeSessionRow.duo_id == DuoRow.id)
        .where(ExchangeSessionRow.kind == SessionKind.VISIO)
        .where(ExchangeSessionRow.status.in_(ACTIVE_STATUSES))
        .where(ExchangeSessionRow.start_utc >= start - MARGIN)
        .where(ExchangeSessionRow.start_utc < end + MARGIN)
    )
    if duo is not None:
        classes = (duo.paris_class_id, duo.partner_class_id)
        conditions = [DuoRow.paris_class_id.in_(classes), DuoRow.partner_class_id.in_(classes)]
        if duo.facilitator_id:
            conditions.append(DuoRow.facilitator_id == duo.facilitator_id)
        query = query.where(or_(*conditions))
    return BusyTimes(OccupyingVisio(key, begin, begin + timedelta(minutes=minutes), paris, partner, facilitator)
                     for key, begin, minutes, paris, partner, facilitator in session.execute(query))
