"""Facilitators' workload: active duos and sessions this week, so staff can balance it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from classesduo.domain.enums import DuoStatus
from classesduo.domain.session_status import TAKES_TIME
from classesduo.domain.timezones import PARIS
from classesduo.storage.database import Database
from classesduo.storage.models import DuoRow, ExchangeSessionRow



@dataclass(frozen=True, slots=True)
class Workload:
    active_duos: int = 0
    sessions_this_week: int = 0


def paris_week(now: datetime) -> tuple[datetime, datetime]:
    """Monday 00:00 to the next Monday 00:00, Paris time, around ``now``."""
    local = now.astimezone(PARIS)
    monday = (local - timedelta(days=local.weekday())).date()
    start = datetime.combine(monday, datetime.min.time(), PARIS)
    return start, datetime.combine(monday + timedelta(days=7), datetime.min.time(), PARIS)


def active_duo_counts(db: Database, school_year: str | None = None) -> dict[str, int]:
    query = (select(DuoRow.facilitator_id, func.count())
             .where(DuoRow.status == DuoStatus.ACTIVE, DuoRow.facilitator_id.is_not(None))
             .group_by(DuoRow.facilitator_id))
    if school_year:
        query = query.where(DuoRow.school_year == school_year)
    with db.reading() as session:
        return {facilitator: count for facilitator, count in session.execute(query).all()}


def facilitator_workload(db: Database, now: datetime) -> dict[str, Workload]:
    """Per facilitator id: duos with status active, and sessions that take their time (planned or held) in this Paris week."""
    start, end = paris_week(now)
    duos = active_duo_counts(db)
    query = (select(DuoRow.facilitator_id, func.count())
             .select_from(ExchangeSessionRow)
             .join(DuoRow, ExchangeSessionRow.duo_id == DuoRow.id)
             .where(DuoRow.facilitator_id.is_not(None), ExchangeSessionRow.start_utc >= start,
                    ExchangeSessionRow.start_utc < end, ExchangeSessionRow.status.in_(TAKES_TIME))
             .group_by(DuoRow.facilitator_id))
    with db.reading() as session:
        sessions = {facilitator: count for facilitator, count in session.execute(query).all()}
    return {person: Workload(duos.get(person, 0), sessions.get(person, 0)) for person in duos.keys() | sessions.keys()}
