"""Duos with both schools' timetables (windows, closed days) and contacts, for the finder and the rule checks.

One loader serves one duo and a whole programme alike: four queries (the
duos with their classes and schools, then every window, every own closure and
every school year of those schools), whatever the number of duos. Each
school's calendar is made by the calendar rule
(:func:`classesduo.services.holidays.calendar_of`); schools shared by several
duos get one :class:`SchoolCalendar`, built once.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from classesduo.domain.availability import HolidayPeriod, SchoolYear, WeeklyWindow
from classesduo.domain.enums import DuoStatus, Side
from classesduo.domain.scheduling import SchoolCalendar
from classesduo.services import records
from classesduo.services.holidays import calendar_of
from classesduo.services.duos import ParisClass, ParisSchool, PartnerClass, PartnerSchool, join_duo_sides
from classesduo.services.views import DuoView, SchoolSide
from classesduo.storage.convert import duo_from_row
from classesduo.storage.database import Database
from classesduo.storage.models import (
    AvailabilityWindowRow,
    ClassGroupRow,
    DuoRow,
    FacilitatorRow,
    HolidayPeriodRow,
    SchoolRow,
    SchoolYearRow,
)


@dataclass(frozen=True)
class DuoCalendars:
    """A duo with both schools' timetables, ready for the finder and the rule checks."""

    view: DuoView
    paris: SchoolCalendar
    partner: SchoolCalendar
    partner_languages: tuple[str, ...]
    partner_contact: str = ""
    paris_contact: str = ""
    facilitator_email: str = ""

    @property
    def duo_id(self) -> str:
        assert self.view.duo.id is not None
        return self.view.duo.id

    @property
    def partner_city(self) -> str:
        return self.view.partner.city

    @property
    def paris_school(self) -> str:
        """How the Paris school is named in flags: "École Buffon, Paris"."""
        return f"{self.view.paris.school}, {self.view.paris.city}"

    @property
    def partner_school(self) -> str:
        return f"{self.view.partner.school}, {self.view.partner.city}"


def _schools_of(duo_ids: Collection[str] | None) -> Select | None:
    """The ids of the schools of these duos' classes, as a sub-query (None: every school)."""
    if duo_ids is None:
        return None
    classes = (select(DuoRow.paris_class_id).where(DuoRow.id.in_(duo_ids))
               .union(select(DuoRow.partner_class_id).where(DuoRow.id.in_(duo_ids))))
    return select(ClassGroupRow.school_id).where(ClassGroupRow.id.in_(classes))


def _side_columns(group: type[ClassGroupRow], school: type[SchoolRow]) -> list:
    return [group.name, group.level, group.pupil_count, school.name, school.city, school.country, school.timezone,
            school.arrondissement]


def _query(duo_ids: list[str] | None, statuses: Collection[DuoStatus] | None) -> Select:
    """Columns rather than objects: a whole programme's duos load several times faster."""
    query = join_duo_sides(
        select(DuoRow, *_side_columns(ParisClass, ParisSchool), *_side_columns(PartnerClass, PartnerSchool),
               ParisSchool.id, PartnerSchool.id, PartnerSchool.languages, ParisSchool.subdivision,
               PartnerSchool.subdivision,
               ParisClass.teacher_email, ParisSchool.contact_email, PartnerClass.teacher_email,
               PartnerSchool.contact_email, FacilitatorRow.name, FacilitatorRow.email))
    if duo_ids is not None:
        query = query.where(DuoRow.id.in_(duo_ids))
    if statuses is not None:
        query = query.where(DuoRow.status.in_(list(statuses)))
    return query.order_by(ParisSchool.name, ParisClass.name, PartnerSchool.name, PartnerClass.name, DuoRow.id)


def load_duo_calendars(session: Session, duo_ids: Collection[str] | None = None,
                       statuses: Collection[DuoStatus] | None = None) -> list[DuoCalendars]:
    """The calendars of these duos (every duo when None) with one of these statuses (any when None).

    In the order of the duo list; unknown ids are left out.
    """
    ids = None if duo_ids is None else list(duo_ids)
    windows_query = select(AvailabilityWindowRow.school_id, AvailabilityWindowRow.weekday,
                           AvailabilityWindowRow.start_time, AvailabilityWindowRow.end_time)
    holidays_query = select(HolidayPeriodRow.school_id, HolidayPeriodRow.name, HolidayPeriodRow.start_date,
                            HolidayPeriodRow.end_date, HolidayPeriodRow.source, HolidayPeriodRow.origin)
    years_query = select(SchoolYearRow.school_id, SchoolYearRow.label, SchoolYearRow.first_day,
                         SchoolYearRow.last_day, SchoolYearRow.origin)
    if ids is not None:
        schools = _schools_of(ids)
        windows_query = windows_query.where(AvailabilityWindowRow.school_id.in_(schools))
        holidays_query = holidays_query.where(HolidayPeriodRow.school_id.in_(schools))
        years_query = years_query.where(SchoolYearRow.school_id.in_(schools))
    rows = session.execute(_query(ids, statuses)).all()
    windows: dict[str, list[WeeklyWindow]] = {}
    for school_id, weekday, start, end in session.execute(windows_query):
        windows.setdefault(school_id, []).append(WeeklyWindow(weekday, start, end))
    holidays: dict[str, list[HolidayPeriod]] = {}
    for school_id, name, start, end, source, origin in session.execute(holidays_query):
        holidays.setdefault(school_id, []).append(HolidayPeriod(name, start, end, source, origin))
    years: dict[str, list[SchoolYear]] = {}
    for school_id, label, first, last, origin in session.execute(years_query):
        years.setdefault(school_id, []).append(SchoolYear(label, first, last, origin))

    calendars: dict[str, SchoolCalendar] = {}

    def school_calendar(school_id: str, side: Side, school: SchoolSide, subdivision: str) -> SchoolCalendar:
        if school_id not in calendars:
            calendars[school_id] = calendar_of(side, school.timezone, school.country, subdivision or "",
                                               windows.get(school_id, ()), holidays.get(school_id, ()),
                                               years.get(school_id, ()))
        return calendars[school_id]

    result = []
    for row in rows:
        paris, partner = SchoolSide(*row[1:9]), SchoolSide(*row[9:17])
        (paris_school_id, partner_school_id, languages, paris_subdivision, partner_subdivision, paris_teacher,
         paris_email, partner_teacher, partner_email, facilitator, facilitator_email) = row[17:]
        result.append(DuoCalendars(
            view=DuoView(duo=duo_from_row(row[0]), paris=paris, partner=partner, facilitator=facilitator or ""),
            paris=school_calendar(paris_school_id, Side.PARIS, paris, paris_subdivision),
            partner=school_calendar(partner_school_id, Side.PARTNER, partner, partner_subdivision),
            partner_languages=tuple(languages),
            partner_contact=partner_teacher or partner_email,
            paris_contact=paris_teacher or paris_email,
            facilitator_email=facilitator_email or "",
        ))
    return result


def duo_hours(db: Database) -> dict[str, tuple[SchoolCalendar, SchoolCalendar]]:
    """Each duo's (Paris, partner) weekly hours, without closures: where the calendar's week view opens.

    Schools with the same hours give equal calendars, so a view looks at the few distinct pairs only.
    """
    with db.reading() as session:
        return {found.duo_id: (found.paris.without_closures(), found.partner.without_closures())
                for found in load_duo_calendars(session)}


def duo_calendars(db: Database, duo_id: str) -> DuoCalendars:
    """The duo and the calendars of its two schools (NotFoundError for an unknown id)."""
    with db.reading() as session:
        return duo_calendars_in(session, duo_id)


def duo_calendars_in(session: Session, duo_id: str) -> DuoCalendars:
    """:func:`duo_calendars` inside an open session."""
    found = load_duo_calendars(session, [duo_id])
    if not found:
        records.get_row(session, DuoRow, duo_id)  # raises NotFoundError
    return found[0]
