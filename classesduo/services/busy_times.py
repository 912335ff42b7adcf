"""Loading the visios that take someone's time into the domain's busy-time index.

The rule lives here once: a visio keeps a duo busy when it involves one of
the duo's two classes (on either side) or the duo's facilitator, takes someone's
time (:data:`classesduo.domain.session_status.TAKES_TIME`), and starts within a day of the searched range. One duo's
search loads only the visios that may concern it; a whole programme loads
every visio of the range once and asks the index per duo.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from classesduo.domain.busy_index import BusyIndex
from classesduo.domain.conflicts import PlannedSession
from classesduo.domain.entities import Duo
from classesduo.domain.enums import SessionKind
from classesduo.domain.session_status import TAKES_TIME
from classesduo.storage.models import DuoRow, ExchangeSessionRow

#: Visios starting this long before or after the range may still overlap it (or its buffer).
MARGIN = timedelta(days=1)


def occupying_query(start: datetime, end: datetime) -> Select:
    """Plain columns of the visios taking someone's time that start in [start - 1 day, end + 1 day).

    Columns: id, duo id, start, minutes, status, Paris class, partner class, facilitator.
    """
    return (
        select(ExchangeSessionRow.id, ExchangeSessionRow.duo_id, ExchangeSessionRow.start_utc,
               ExchangeSessionRow.minutes, ExchangeSessionRow.status,
               DuoRow.paris_class_id, DuoRow.partner_class_id, DuoRow.facilitator_id)
        .join(DuoRow, ExchangeSessionRow.duo_id == DuoRow.id)
        .where(ExchangeSessionRow.kind == SessionKind.VISIO)
        .where(ExchangeSessionRow.status.in_(TAKES_TIME))
        .where(ExchangeSessionRow.start_utc >= start - MARGIN)
        .where(ExchangeSessionRow.start_utc < end + MARGIN)
    )


def planned_session(key: str, duo_id: str, begin: datetime, minutes: int, paris: str, partner: str,
                    facilitator: str | None) -> PlannedSession:
    return PlannedSession(key, duo_id, facilitator, paris, partner, begin, begin + timedelta(minutes=minutes))


def load_busy_times(session: Session, start: datetime, end: datetime, duo: Duo | None = None) -> BusyIndex:
    """The occupying visios starting in [start - 1 day, end + 1 day); with ``duo``, only those that may concern it.

    One query of plain columns (no ORM objects), whatever the range.
    """
    query = occupying_query(start, end)
    if duo is not None:
        classes = (duo.paris_class_id, duo.partner_class_id)
        conditions = [DuoRow.paris_class_id.in_(classes), DuoRow.partner_class_id.in_(classes)]
        if duo.facilitator_id:
            conditions.append(DuoRow.facilitator_id == duo.facilitator_id)
        query = query.where(or_(*conditions))
    return BusyIndex(planned_session(key, duo_id, begin, minutes, paris, partner, facilitator)
                     for key, duo_id, begin, minutes, _status, paris, partner, facilitator in session.execute(query))
