"""What needs attention: sessions still to log, duos gone quiet, partners absent twice in a row.

* **To log**: sessions still ``planned`` whose end is past. No cut-off at a term or
  a school year: a session forgotten before the holidays stays on the list.
* **Gone quiet**: active duos whose last *held* exchange (or, if none yet, the start
  of their school year or their creation, whichever is later) is at least
  ``weeks`` school weeks ago. School weeks count Monday–Friday days inside a term
  and outside the Paris school's holidays (see :mod:`classesduo.domain.exchange_log`),
  so holidays and the summer break never make a duo look quiet.
* **No-show twice**: partner classes whose last two sessions with an outcome
  (held or cancelled, across all their duos) were both cancelled with reason
  ``partner_absent``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from classesduo.domain import session_status
from classesduo.domain.availability import HolidayPeriod
from classesduo.domain.enums import CancelReason, DuoStatus, SessionStatus, Side
from classesduo.domain.exchange_log import is_quiet, school_days_between
from classesduo.domain.terms import TermDates, first_school_day, previous_school_year, school_year_of, with_default_terms
from classesduo.domain.timezones import PARIS, PARIS_ZONE
from classesduo.services.duos import list_duos
from classesduo.services.holidays import calendar_of
from classesduo.services.sessions import list_sessions
from classesduo.services.views import DuoView, SessionView
from classesduo.storage.database import Database
from classesduo.storage.models import (
    ClassGroupRow,
    DuoRow,
    ExchangeSessionRow,
    HolidayPeriodRow,
    TermRow,
)



@dataclass(frozen=True, slots=True)
class QuietDuo:
    duo: DuoView
    last_exchange: datetime | None  # the last held exchange, None if there was none
    school_days: int  # school days since then


@dataclass(frozen=True, slots=True)
class AbsentPartner:
    duo: DuoView  # the duo of the latest no-show
    dates: tuple[datetime, datetime]  # the two no-shows, latest first


def paris_day(instant: datetime) -> date:
    return instant.astimezone(PARIS).date()


def to_log(db: Database, now: datetime, duo_id: str | None = None) -> list[SessionView]:
    """Past sessions (ended before ``now``) still ``planned``, oldest first."""
    views = list_sessions(db, duo_id=duo_id, end=now, statuses=session_status.NOT_LOGGED)
    return [view for view in views if view.session.start_utc + timedelta(minutes=view.session.minutes) <= now]


def _stored_terms(db: Database) -> list[TermDates]:
    with db.reading() as session:
        rows = session.scalars(select(TermRow)).all()
        return [TermDates(row.school_year, row.number, row.start_date, row.end_date) for row in rows]


def _school_years_around(today: date) -> set[str]:
    current = school_year_of(today)
    return {previous_school_year(current), current}


def paris_closures(own: list[HolidayPeriod], since: date, today: date) -> list[HolidayPeriod]:
    """A Paris school's closed days in (since, today] by the calendar rule (zone C, public holidays, its own)."""
    calendar = calendar_of(Side.PARIS, PARIS_ZONE, "FR", "", (), own, ())
    return calendar.closures_between(since, today)


def gone_quiet(db: Database, now: datetime, weeks: int = 3) -> list[QuietDuo]:
    """Active duos with no held exchange for ``weeks`` school weeks, quietest first."""
    today = paris_day(now)
    duos = [view for view in list_duos(db) if view.duo.status is DuoStatus.ACTIVE]
    if not duos:
        return []
    with db.reading() as session:
        last_held = dict(session.execute(
            select(ExchangeSessionRow.duo_id, func.max(ExchangeSessionRow.start_utc))
            .where(ExchangeSessionRow.status.in_(session_status.HELD), ExchangeSessionRow.start_utc <= now)
            .group_by(ExchangeSessionRow.duo_id)).all())
        created = dict(session.execute(select(DuoRow.id, DuoRow.created_at)).all())
        paris_school = dict(session.execute(
            select(DuoRow.id, ClassGroupRow.school_id).join(ClassGroupRow, DuoRow.paris_class_id == ClassGroupRow.id)
        ).all())
        holidays: dict[str, list[HolidayPeriod]] = defaultdict(list)
        for row in session.scalars(select(HolidayPeriodRow)):
            holidays[row.school_id].append(HolidayPeriod(row.name, row.start_date, row.end_date, row.source))
    years = _school_years_around(today) | {view.duo.school_year for view in duos}
    stored = _stored_terms(db)
    terms = with_default_terms(stored, years)
    quiet = []
    for view in duos:
        duo_id = view.duo.id
        last = last_held.get(duo_id)
        if last is not None:
            since = paris_day(last)
        else:
            year_start = first_school_day(view.duo.school_year, stored)
            since = max(year_start, paris_day(created[duo_id])) - timedelta(days=1)
        school_holidays = paris_closures(holidays.get(paris_school.get(duo_id, ""), []), since, today)
        if is_quiet(since, today, weeks, terms, school_holidays):
            quiet.append(QuietDuo(view, last, school_days_between(since, today, terms, school_holidays)))
    return sorted(quiet, key=lambda item: -item.school_days)


def absent_twice(db: Database, now: datetime) -> list[AbsentPartner]:
    """Partner classes whose last two sessions with an outcome were no-shows of the partner.

    Only partner classes with at least one no-show can qualify, and only their
    last two outcomes matter: the database ranks them (a window function), so
    the query reads a handful of rows, not every logged session.
    """
    outcome = (ExchangeSessionRow.status.in_(session_status.OUTCOME),
               ExchangeSessionRow.start_utc <= now)
    no_show = (select(DuoRow.partner_class_id).join(ExchangeSessionRow, ExchangeSessionRow.duo_id == DuoRow.id)
               .where(*outcome, ExchangeSessionRow.status == SessionStatus.CANCELLED,
                      ExchangeSessionRow.cancel_reason == CancelReason.PARTNER_ABSENT.value))
    rank = func.row_number().over(partition_by=DuoRow.partner_class_id,
                                  order_by=(ExchangeSessionRow.start_utc.desc(), ExchangeSessionRow.id.desc()))
    ranked = (select(DuoRow.partner_class_id, ExchangeSessionRow.duo_id, ExchangeSessionRow.start_utc,
                     ExchangeSessionRow.status, ExchangeSessionRow.cancel_reason, rank.label("rank"))
              .join(DuoRow, ExchangeSessionRow.duo_id == DuoRow.id)
              .where(*outcome, DuoRow.partner_class_id.in_(no_show))
              .subquery())
    with db.reading() as session:
        rows = session.execute(select(ranked).where(ranked.c.rank <= 2).order_by(ranked.c.partner_class_id,
                                                                                 ranked.c.rank)).all()
    latest: dict[str, list[tuple[str, datetime, bool]]] = defaultdict(list)
    for partner_class, duo_id, start, status, reason, _rank in rows:
        absent = status == SessionStatus.CANCELLED and reason == CancelReason.PARTNER_ABSENT.value
        latest[partner_class].append((duo_id, start, absent))
    found = [last_two for last_two in latest.values()
             if len(last_two) == 2 and all(absent for _, _, absent in last_two)]
    duos = {view.duo.id: view for view in list_duos(db, duo_ids={duo_id for (duo_id, _, _), _ in found})} \
        if found else {}
    return sorted((AbsentPartner(duos[duo_id], (first, second)) for (duo_id, first, _), (_, second, _) in found),
                  key=lambda item: item.dates[0], reverse=True)


def session_view(db: Database, session_id: str) -> SessionView:
    """One session with the names around it (raises NotFoundError)."""
    from classesduo.services import records

    with db.reading() as session:
        duo_id = records.get_row(session, ExchangeSessionRow, session_id).duo_id
    return next(view for view in list_sessions(db, duo_id=duo_id) if view.session.id == session_id)
