"""The home page's figures: what happens today and this week, and what still needs logging."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from classesduo.domain.entities import School
from classesduo.domain.timezones import PARIS
from classesduo.services.log_queries import AbsentPartner, QuietDuo, absent_twice, gone_quiet, to_log
from classesduo.services.sessions import list_sessions
from classesduo.services.views import SessionView
from classesduo.storage.database import Database
from classesduo.storage.models import DuoRow, SchoolRow



@dataclass(frozen=True)
class UnknownCalendar:
    """A school, and the stretches of the current and next term whose calendar nobody entered."""

    school: School
    stretches: list[tuple[date, date, str]]

    @property
    def label(self) -> str:
        return f"{self.school.name}, {self.school.city}"

    @property
    def years(self) -> list[str]:
        return sorted({year for _first, _last, year in self.stretches})

    @property
    def first_day(self) -> date:
        return self.stretches[0][0]


def unknown_calendars(db: Database, today: date) -> list[UnknownCalendar]:
    """The schools whose calendar is unknown for the current or the next term (from the stored terms)."""
    from classesduo.services.school_calendars import unknown_schools
    from classesduo.services.term_slots import term_around

    current = term_around(db, today)
    following = term_around(db, current.end + timedelta(days=1))
    start = max(today, current.start) if current.contains(today) else current.start
    return [UnknownCalendar(school, stretches)
            for school, stretches in unknown_schools(db, start, max(following.end, current.end))]


@dataclass(frozen=True)
class HomeSummary:
    schools: int
    duos: int
    today: list[SessionView]
    this_week: list[SessionView]
    to_log: list[SessionView]
    quiet: list[QuietDuo] = field(default_factory=list)
    absent_twice: list[AbsentPartner] = field(default_factory=list)
    #: Schools whose calendar is unknown somewhere in the current or the next term.
    unknown_calendars: list[UnknownCalendar] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return self.schools == 0


def home_summary(db: Database, now: datetime, quiet_weeks: int = 3) -> HomeSummary:
    """Days and weeks are Paris days and weeks (Monday to Sunday); see ``log_queries`` for the rest."""
    local = now.astimezone(PARIS)
    day_start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    week_start = day_start - timedelta(days=local.weekday())
    with db.reading() as session:
        schools = session.scalar(select(func.count()).select_from(SchoolRow)) or 0
        duos = session.scalar(select(func.count()).select_from(DuoRow)) or 0
    week = list_sessions(db, start=week_start, end=week_start + timedelta(days=7))
    today = [view for view in week if day_start <= view.session.start_utc < day_start + timedelta(days=1)]
    return HomeSummary(schools=schools, duos=duos, today=today, this_week=week, to_log=to_log(db, now),
                       quiet=gone_quiet(db, now, quiet_weeks), absent_twice=absent_twice(db, now),
                       unknown_calendars=unknown_calendars(db, local.date()))
