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

from collections.abc import Collection
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from classesduo.domain.busy_index import BusyIndex
from classesduo.domain.conflicts import PlannedSession, session_problems
from classesduo.domain.enums import SessionStatus
from classesduo.domain.scheduling import SchoolCalendar
from classesduo.domain.school_calendar import unknown_flags
from classesduo.services.busy_times import load_busy_times, occupying_query, planned_session
from classesduo.services.holidays import calendar_of_school
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
from classesduo.storage.models import ClassGroupRow, SchoolRow

__all__ = [
    "MAX_RANGE_DAYS", "DuoCalendars", "SlotSearch", "SlotView", "asynchronous_proposal",
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


def _calendars_by_class(session: Session, class_ids: set[str]) -> dict[str, tuple[SchoolCalendar, str]]:
    """The school calendar of each class and how its school is named in flags ("École X, Paris"),
    loaded in a few queries whatever the number of classes."""
    rows = session.scalars(
        select(ClassGroupRow).where(ClassGroupRow.id.in_(class_ids))
        .options(selectinload(ClassGroupRow.school).selectinload(SchoolRow.windows),
                 selectinload(ClassGroupRow.school).selectinload(SchoolRow.holidays),
                 selectinload(ClassGroupRow.school).selectinload(SchoolRow.school_years))).all()
    calendars = {}
    for row in rows:
        calendars[row.id] = (calendar_of_school(school_from_row(row.school)), f"{row.school.name}, {row.school.city}")
    return calendars


# --- rule checks -------------------------------------------------------------------------------------------


def session_flags(db: Database, start: datetime, end: datetime, buffer_minutes: int = 15,
                  session_ids: Collection[str] | None = None) -> dict[str, list[str]]:
    """Reasons each planned visio starting in [start, end) breaks a rule; sessions that are fine are left out.

    Rules: inside both schools' windows, on no holiday, the facilitator and
    both classes not double-booked and with ``buffer_minutes`` between two
    visios; a visio on a date whose school calendar is unknown is flagged too. ``session_ids`` limits which visios are checked (e.g. those a
    filtered view shows); they are still checked against every other visio.
    One query of plain columns and one busy-time index for the whole range.
    """
    with db.reading() as session:
        planned: list[PlannedSession] = []
        targets: list[PlannedSession] = []
        for key, duo_id, begin, minutes, status, paris, partner, facilitator in session.execute(
                occupying_query(start, end)):
            visio = planned_session(key, duo_id, begin, minutes, paris, partner, facilitator)
            planned.append(visio)
            if (status is SessionStatus.PLANNED and start <= begin < end
                    and (session_ids is None or key in session_ids)):
                targets.append(visio)
        calendars = _calendars_by_class(session, {visio.paris_class_id for visio in targets}
                                        | {visio.partner_class_id for visio in targets})
    index = BusyIndex(planned)
    flags: dict[str, list[str]] = {}
    for visio in targets:
        (paris, paris_school), (partner, partner_school) = (calendars[visio.paris_class_id],
                                                            calendars[visio.partner_class_id])
        problems = session_problems(visio, paris, partner, index, buffer_minutes)
        problems += unknown_flags(paris, paris_school, partner, partner_school, visio.start_utc)
        if problems:
            flags[visio.id] = problems
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
        index = load_busy_times(session, start_utc, end_utc, duo=duo)
    return session_problems(candidate, calendars.paris, calendars.partner, index, buffer_minutes) + unknown_flags(
        calendars.paris, calendars.paris_school, calendars.partner, calendars.partner_school, start_utc)
