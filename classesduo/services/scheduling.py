"""Scheduling a duo's visios: both schools' calendars, the overlap finder, and rule checks.

The time arithmetic lives in :mod:`classesduo.domain.scheduling`; the finder's
pieces live in :mod:`classesduo.services.duo_calendars` (both schools'
timetables), :mod:`classesduo.services.busy_times` (the visios that keep a
duo busy) and :mod:`classesduo.services.slot_search` (one duo's result), and
:mod:`classesduo.services.term_slots` runs it for a whole programme. This
module finds slots for one duo and checks planned visios against the rules;
it re-exports the finder's read models, so callers import one module.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from classesduo.domain.conflicts import PlannedSession, session_problems
from classesduo.domain.enums import SessionKind, SessionStatus
from classesduo.domain.scheduling import SchoolCalendar
from classesduo.services.busy_times import ACTIVE_STATUSES, load_busy_times
from classesduo.services.duo_calendars import DuoCalendars, duo_calendars, duo_calendars_in
from classesduo.services.slot_search import (
    MAX_RANGE_DAYS,
    SlotSearch,
    SlotView,
    asynchronous_proposal,
    check_range,
    describe_clock_change,
    search_duo,
    slot_view,
    utc_range,
)
from classesduo.storage.convert import school_from_row
from classesduo.storage.database import Database
from classesduo.storage.models import ClassGroupRow, DuoRow, ExchangeSessionRow, SchoolRow

__all__ = [
    "ACTIVE_STATUSES", "MAX_RANGE_DAYS", "DuoCalendars", "SlotSearch", "SlotView", "asynchronous_proposal",
    "busy_intervals", "check_range", "describe_clock_change", "duo_calendars", "find_duo_slots", "problems_for",
    "session_flags", "slot_view",
]


def find_duo_slots(db: Database, duo_id: str, start: date, end: date, minutes: int = 45, step: int = 15,
                   buffer_minutes: int = 15) -> SlotSearch:
    """Every slot for the duo in [start, end] (Paris dates), minus the facilitator's and classes' other visios.

    NotFoundError for an unknown duo; ValueError for a bad range or length.
    """
    check_range(start, end)
    with db.reading() as session:
        calendars = duo_calendars_in(session, duo_id)
        busy = load_busy_times(session, *utc_range(start, end), duo=calendars.view.duo)
    return search_duo(calendars, busy, start, end, minutes, step, buffer_minutes)


def busy_intervals(db: Database, calendars: DuoCalendars, start: datetime, end: datetime,
                   ignore_session_id: str | None = None) -> list[tuple[datetime, datetime]]:
    """The facilitator's and both classes' other visios around [start, end]."""
    with db.reading() as session:
        busy = load_busy_times(session, start, end, duo=calendars.view.duo)
    return busy.for_duo(calendars.view.duo, ignore_session_id)


def _planned(row: ExchangeSessionRow) -> PlannedSession:
    return PlannedSession(
        id=row.id, duo_id=row.duo_id, facilitator_id=row.duo.facilitator_id,
        paris_class_id=row.duo.paris_class_id, partner_class_id=row.duo.partner_class_id,
        start_utc=row.start_utc, end_utc=row.start_utc + timedelta(minutes=row.minutes),
    )


def _occupying_query(start: datetime, end: datetime):  # noqa: ANN202 - a select()
    """Visios that take someone's time and start in [start - 1 day, end + 1 day)."""
    return (
        select(ExchangeSessionRow).join(DuoRow, ExchangeSessionRow.duo_id == DuoRow.id)
        .where(ExchangeSessionRow.kind == SessionKind.VISIO)
        .where(ExchangeSessionRow.status.in_(ACTIVE_STATUSES))
        .where(ExchangeSessionRow.start_utc >= start - timedelta(days=1))
        .where(ExchangeSessionRow.start_utc < end + timedelta(days=1))
        .options(joinedload(ExchangeSessionRow.duo))
    )


def _calendars_by_class(session: Session, class_ids: set[str]) -> dict[str, SchoolCalendar]:
    """The school calendar of each class, loaded in three queries whatever the number of classes."""
    rows = session.scalars(
        select(ClassGroupRow).where(ClassGroupRow.id.in_(class_ids))
        .options(selectinload(ClassGroupRow.school).selectinload(SchoolRow.windows),
                 selectinload(ClassGroupRow.school).selectinload(SchoolRow.holidays))).all()
    calendars = {}
    for row in rows:
        school = school_from_row(row.school)
        calendars[row.id] = SchoolCalendar(school.timezone, school.windows, school.holidays)
    return calendars


# --- rule checks -------------------------------------------------------------------------------------------


def session_flags(db: Database, start: datetime, end: datetime, buffer_minutes: int = 15) -> dict[str, list[str]]:
    """Reasons each visio starting in [start, end) breaks a rule; sessions that are fine are left out.

    Rules: inside both schools' windows, on no holiday, the facilitator not
    double-booked (with the buffer), neither class double-booked.
    """
    with db.reading() as session:
        rows = session.scalars(_occupying_query(start, end)).all()
        planned = {row.id: _planned(row) for row in rows}
        targets = [row for row in rows if start <= row.start_utc < end and row.status is SessionStatus.PLANNED]
        calendars = _calendars_by_class(
            session, {row.duo.paris_class_id for row in targets} | {row.duo.partner_class_id for row in targets})
        flags: dict[str, list[str]] = {}
        for row in targets:
            problems = session_problems(planned[row.id], calendars[row.duo.paris_class_id],
                                        calendars[row.duo.partner_class_id], list(planned.values()), buffer_minutes)
            if problems:
                flags[row.id] = problems
    return flags


def problems_for(db: Database, duo_id: str, start_utc: datetime, minutes: int, session_id: str | None = None,
                 buffer_minutes: int = 15) -> list[str]:
    """What would be wrong with a visio of this duo at this time (for a dialog, before saving)."""
    calendars = duo_calendars(db, duo_id)
    duo = calendars.view.duo
    end_utc = start_utc + timedelta(minutes=minutes)
    candidate = PlannedSession(session_id or "", duo_id, duo.facilitator_id, duo.paris_class_id,
                               duo.partner_class_id, start_utc, end_utc)
    with db.reading() as session:
        others = [_planned(row) for row in session.scalars(_occupying_query(start_utc, end_utc)).all()
                  if row.id != session_id]
    return session_problems(candidate, calendars.paris, calendars.partner, others, buffer_minutes)
