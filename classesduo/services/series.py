"""Series of visios ("every other Friday at 15:00 Paris until June") and editing them.

A series is anchored to the Paris wall clock (see :mod:`classesduo.domain.series`).
Editing "this and following" splits the series: the earlier occurrences keep
the old row (its ``until_date`` moves back), the rest move to a new row with
the new time, so the plan stays true to what is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from sqlalchemy import select

from classesduo.domain.entities import ExchangeSession
from classesduo.domain.enums import SessionKind, SessionStatus
from classesduo.domain.i18n import translate
from classesduo.domain.scheduling import Slot
from classesduo.domain.series import SeriesPlan, series_occurrences
from classesduo.domain.timezones import PARIS_ZONE, LocalTimeError, local_to_utc, utc_to_local
from classesduo.services import records
from classesduo.services.errors import ConcurrentEditError, ServiceError, one_transaction, translated_storage_errors
from classesduo.services.planning import check_minutes
from classesduo.services.scheduling import DuoCalendars, duo_calendars, slot_view
from classesduo.services.slot_search import slot_unknown
from classesduo.storage.convert import session_from_row
from classesduo.storage.database import Database
from classesduo.storage.models import DuoRow, ExchangeSessionRow, SessionSeriesRow

MAX_OCCURRENCES = 60


@dataclass
class SeriesResult:
    series_id: str
    sessions: list[ExchangeSession] = field(default_factory=list)
    #: Dates left out, with the reason (a holiday's name, or a clock change).
    skipped: list[tuple[date, str]] = field(default_factory=list)
    #: Dates planned although a school's calendar is unknown there, with the flag.
    unknown: list[tuple[date, str]] = field(default_factory=list)


class UnknownCalendarError(ServiceError):
    """The series would cross dates whose school calendar is unknown; ``dates`` says which and why."""

    def __init__(self, dates: list[tuple[date, str]]) -> None:
        self.dates = dates
        notes = sorted({text for _day, text in dates})
        super().__init__(translate("services", "This series crosses {count} dates whose school calendar is unknown "
                                               "({first} to {last}): {notes}").format(
            count=len(dates), first=dates[0][0].isoformat(), last=dates[-1][0].isoformat(), notes="; ".join(notes)))


def unknown_dates(calendars: DuoCalendars, occurrences: list[Slot]) -> list[tuple[date, str]]:
    """Each occurrence on a date whose calendar is unknown for either school, with the flag(s)."""
    found = []
    for slot in occurrences:
        view = slot_view(slot, calendars.paris.zone, calendars.partner.zone)
        flags = slot_unknown(calendars, view)
        if flags:
            found.append((view.paris_local.date(), " ".join(flags)))
    return found


def plan_series(db: Database, duo_id: str, first_day: date, until: date, paris_wall: time, minutes: int,
                interval_weeks: int = 1) -> tuple[SeriesPlan, list[tuple[date, str]]]:
    """What :func:`create_series` would plan, without writing: the plan and its unknown-calendar dates."""
    check_minutes(minutes)
    calendars = duo_calendars(db, duo_id)
    plan = _plan(calendars, first_day, until, paris_wall, minutes, interval_weeks)
    return plan, unknown_dates(calendars, plan.occurrences)


def _plan(calendars: DuoCalendars, first_day: date, until: date, paris_wall: time, minutes: int,
          interval_weeks: int) -> SeriesPlan:
    margin = timedelta(days=2)  # the partner's local dates may be a day either side
    return series_occurrences(first_day, until, interval_weeks, paris_wall, minutes, calendars.paris.zone,
                              calendars.paris.closures_between(first_day, until),
                              calendars.partner.closures_between(first_day - margin, until + margin),
                              calendars.partner.zone)


@one_transaction
def create_series(db: Database, duo_id: str, first_day: date, until: date, paris_wall: time, minutes: int,
                  interval_weeks: int = 1, accept_unknown: bool = False) -> SeriesResult:
    """Store a series and its occurrences in one transaction; holiday dates are skipped and returned.

    A series never silently crosses an unknown calendar: if an occurrence falls
    on a date whose school year is unknown for either school,
    :class:`UnknownCalendarError` lists them and nothing is written, unless
    ``accept_unknown`` (the user saw them); the result lists them too.
    """
    check_minutes(minutes)
    calendars = duo_calendars(db, duo_id)
    plan = _plan(calendars, first_day, until, paris_wall, minutes, interval_weeks)
    if not plan.occurrences:
        raise ServiceError(translate("services", "No date of this series is possible: every one is skipped."))
    if len(plan.occurrences) > MAX_OCCURRENCES:
        raise ServiceError(translate("services", "A series holds at most {max} sessions; this one would have "
                                                 "{count}.").format(max=MAX_OCCURRENCES,
                                                                    count=len(plan.occurrences)))
    unknown = unknown_dates(calendars, plan.occurrences)
    if unknown and not accept_unknown:
        raise UnknownCalendarError(unknown)
    with translated_storage_errors(), db.transaction() as session:
        duo = records.get_row(session, DuoRow, duo_id)
        series = SessionSeriesRow(duo_id=duo.id, interval_weeks=interval_weeks, paris_wall_time=paris_wall,
                                  minutes=minutes, first_date=first_day, until_date=until)
        session.add(series)
        session.flush()
        rows = [ExchangeSessionRow(duo_id=duo.id, series_id=series.id, kind=SessionKind.VISIO,
                                   start_utc=slot.start_utc, minutes=minutes, status=SessionStatus.PLANNED,
                                   visio_link=duo.visio_link, sequence=0) for slot in plan.occurrences]
        session.add_all(rows)
        session.flush()
        return SeriesResult(series.id, [session_from_row(row) for row in rows], list(plan.skipped), unknown)


def series_sessions(db: Database, series_id: str) -> list[ExchangeSession]:
    with db.reading() as session:
        rows = session.scalars(select(ExchangeSessionRow).where(ExchangeSessionRow.series_id == series_id)
                               .order_by(ExchangeSessionRow.start_utc)).all()
        return [session_from_row(row) for row in rows]


@one_transaction
def edit_following(db: Database, session_id: str, paris_wall: time, minutes: int, day_shift: int = 0,
                   paris_zone: str = PARIS_ZONE, version: int = 0) -> SeriesResult:
    """Move this occurrence and every later planned one of its series to ``paris_wall`` (+ ``day_shift`` days).

    Each occurrence keeps its UUID and gets ``sequence`` + 1. A new Paris time
    that does not exist on one of the dates (spring-forward gap) is refused
    with the date, never shifted; a time that happens twice takes the first.
    ``version``: the version of the session the user edited (0: do not check);
    if someone changed it meanwhile, :class:`ConcurrentEditError` and nothing moves.
    """
    check_minutes(minutes)
    with translated_storage_errors(), db.transaction() as session:
        row = records.get_row(session, ExchangeSessionRow, session_id)
        if version and row.version != version:
            raise ConcurrentEditError()
        if row.series_id is None:
            raise ServiceError(translate("services", "This session is not part of a series."))
        old_series = records.get_row(session, SessionSeriesRow, row.series_id)
        following = session.scalars(
            select(ExchangeSessionRow).where(ExchangeSessionRow.series_id == old_series.id)
            .where(ExchangeSessionRow.start_utc >= row.start_utc)
            .where(ExchangeSessionRow.status == SessionStatus.PLANNED)
            .order_by(ExchangeSessionRow.start_utc)).all()
        this_day = utc_to_local(row.start_utc, paris_zone).date()
        new_series = old_series
        if this_day > old_series.first_date:
            new_series = SessionSeriesRow(duo_id=old_series.duo_id, interval_weeks=old_series.interval_weeks,
                                          paris_wall_time=paris_wall, minutes=minutes,
                                          first_date=this_day + timedelta(days=day_shift),
                                          until_date=max(old_series.until_date + timedelta(days=day_shift),
                                                         this_day + timedelta(days=day_shift)))
            session.add(new_series)
            session.flush()
            old_series.until_date = this_day - timedelta(days=1)
        else:
            old_series.paris_wall_time = paris_wall
            old_series.minutes = minutes
            old_series.first_date += timedelta(days=day_shift)
            old_series.until_date += timedelta(days=day_shift)
        for occurrence in following:
            day = utc_to_local(occurrence.start_utc, paris_zone).date() + timedelta(days=day_shift)
            try:
                start = local_to_utc(day, paris_wall, paris_zone, fold=0)
            except LocalTimeError as error:
                raise ServiceError(str(error)) from error
            occurrence.start_utc = start
            occurrence.minutes = minutes
            occurrence.series_id = new_series.id
        session.flush()
        return SeriesResult(new_series.id, [session_from_row(item) for item in following])
