"""Scheduling a duo's visios: both schools' calendars, the overlap finder, and rule checks.

The time arithmetic lives in :mod:`classesduo.domain.scheduling`; this module
reads what it needs from the database (windows, holidays, the facilitator's
and the classes' other sessions) and returns read models the GUI and the CLI
show as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from classesduo.domain.availability import WEEKDAY_NAMES
from classesduo.domain.conflicts import PlannedSession, session_problems
from classesduo.domain.enums import SessionKind, SessionStatus
from classesduo.domain.i18n import translate
from classesduo.domain.scheduling import (
    SchoolCalendar,
    Slot,
    explain_no_overlap,
    find_slots,
    format_hours,
    weekly_overlap_minutes,
)
from classesduo.domain.timezones import difference_changes, utc_to_local
from classesduo.services import records
from classesduo.services.duos import get_duo
from classesduo.services.views import DuoView
from classesduo.storage.convert import school_from_row
from classesduo.storage.database import Database
from classesduo.storage.models import ClassGroupRow, DuoRow, ExchangeSessionRow, SchoolRow

#: Sessions that take someone's time: not cancelled, not moved elsewhere.
ACTIVE_STATUSES = (SessionStatus.PLANNED, SessionStatus.HELD)
#: The finder refuses ranges longer than this (a school year and a bit).
MAX_RANGE_DAYS = 400


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


def _school_row(session: Session, class_id: str) -> SchoolRow:
    group = records.get_row(session, ClassGroupRow, class_id)
    return group.school


def duo_calendars(db: Database, duo_id: str) -> DuoCalendars:
    """The duo and the calendars of its two schools (NotFoundError for an unknown id)."""
    view = get_duo(db, duo_id)
    with db.reading() as session:
        row = records.get_row(session, DuoRow, duo_id)
        paris = school_from_row(_school_row(session, row.paris_class_id))
        partner = school_from_row(_school_row(session, row.partner_class_id))
        paris_class = records.get_row(session, ClassGroupRow, row.paris_class_id)
        partner_class = records.get_row(session, ClassGroupRow, row.partner_class_id)
        email = row.facilitator.email if row.facilitator else ""
        return DuoCalendars(
            view=view,
            paris=SchoolCalendar(paris.timezone, paris.windows, paris.holidays),
            partner=SchoolCalendar(partner.timezone, partner.windows, partner.holidays),
            partner_languages=tuple(partner.languages),
            partner_contact=partner_class.teacher_email or partner.contact_email,
            paris_contact=paris_class.teacher_email or paris.contact_email,
            facilitator_email=email,
        )


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


def busy_intervals(db: Database, calendars: DuoCalendars, start: datetime, end: datetime,
                   ignore_session_id: str | None = None) -> list[tuple[datetime, datetime]]:
    """The facilitator's and both classes' other visios around [start, end]."""
    duo = calendars.view.duo
    conditions = [DuoRow.paris_class_id == duo.paris_class_id, DuoRow.partner_class_id == duo.partner_class_id,
                  DuoRow.paris_class_id == duo.partner_class_id, DuoRow.partner_class_id == duo.paris_class_id]
    if duo.facilitator_id:
        conditions.append(DuoRow.facilitator_id == duo.facilitator_id)
    query = _occupying_query(start, end).where(or_(*conditions))
    with db.reading() as session:
        rows = session.scalars(query).all()
        return [(row.start_utc, row.start_utc + timedelta(minutes=row.minutes))
                for row in rows if row.id != ignore_session_id]


@dataclass(frozen=True)
class SlotView:
    """A slot with both local clocks, as the finder lists it."""

    slot: Slot
    paris_local: datetime
    partner_local: datetime
    partner_zone: str

    @property
    def partner_day_shift(self) -> int:
        """+1 when the partner is already on the next day (Asia), -1 when still on the day before."""
        return (self.partner_local.date() - self.paris_local.date()).days

    @property
    def partner_weekday(self) -> str:
        return WEEKDAY_NAMES[self.partner_local.weekday()]

    def as_json(self) -> dict[str, object]:
        end_paris = utc_to_local(self.slot.end_utc, self.paris_local.tzinfo.key)  # type: ignore[union-attr]
        end_partner = utc_to_local(self.slot.end_utc, self.partner_zone)
        return {
            "start_utc": self.slot.start_utc.isoformat(),
            "end_utc": self.slot.end_utc.isoformat(),
            "minutes": self.slot.minutes,
            "paris_local": self.paris_local.isoformat(),
            "paris_end_local": end_paris.isoformat(),
            "paris_weekday": WEEKDAY_NAMES[self.paris_local.weekday()],
            "partner_local": self.partner_local.isoformat(),
            "partner_end_local": end_partner.isoformat(),
            "partner_weekday": self.partner_weekday,
            "partner_timezone": self.partner_zone,
            "partner_day_shift": self.partner_day_shift,
        }


def slot_view(slot: Slot, paris_zone: str, partner_zone: str) -> SlotView:
    return SlotView(slot, utc_to_local(slot.start_utc, paris_zone), utc_to_local(slot.start_utc, partner_zone),
                    partner_zone)


@dataclass(frozen=True)
class SlotSearch:
    """What the finder found; when ``slots`` is empty, ``explanation`` says why."""

    calendars: DuoCalendars
    start: date
    end: date
    minutes: int
    slots: list[SlotView] = field(default_factory=list)
    explanation: str = ""
    asynchronous_proposal: str = ""
    #: (date, hours before, hours after): when the difference between the clocks changes in the range.
    clock_changes: list[tuple[date, float, float]] = field(default_factory=list)

    @property
    def timetables_never_meet(self) -> bool:
        return bool(self.asynchronous_proposal)


def asynchronous_proposal(city: str) -> str:
    return translate(
        "scheduling", "Live visios are not possible with {city} in these timetables. Plan asynchronous exchanges "
                      "instead: recorded video messages, letters, e-mails or blog posts, answered at each "
                      "class's own time.").format(city=city)


def check_range(start: date, end: date) -> None:
    if start > end:
        raise ValueError(translate("scheduling", "the start date {start} is after the end date {end}").format(
            start=start.isoformat(), end=end.isoformat()))
    if (end - start).days > MAX_RANGE_DAYS:
        raise ValueError(translate("scheduling", "the date range is too long ({days} days); search at most {max} "
                                                 "days at a time").format(days=(end - start).days,
                                                                          max=MAX_RANGE_DAYS))


def find_duo_slots(db: Database, duo_id: str, start: date, end: date, minutes: int = 45, step: int = 15,
                   buffer_minutes: int = 15) -> SlotSearch:
    """Every slot for the duo in [start, end] (Paris dates), minus the facilitator's and classes' other visios."""
    check_range(start, end)
    calendars = duo_calendars(db, duo_id)
    paris, partner = calendars.paris, calendars.partner
    range_start = datetime.combine(start, time(), UTC)
    range_end = datetime.combine(end + timedelta(days=1), time(), UTC)
    busy = busy_intervals(db, calendars, range_start, range_end)
    slots = find_slots(paris, partner, start, end, minutes=minutes, step=step, busy=busy,
                       buffer_minutes=buffer_minutes)
    views = [slot_view(slot, paris.zone, partner.zone) for slot in slots]
    changes = difference_changes(paris.zone, partner.zone, start, end)
    explanation = proposal = ""
    if not views:
        week_starts = {start + timedelta(days=offset) for offset in range(0, (end - start).days + 1, 7)}
        week_starts |= {day for day, _before, _after in changes}
        if all(weekly_overlap_minutes(paris, partner, day) == 0 for day in week_starts):
            explanation = explain_no_overlap(paris, partner, calendars.partner_city, start)
            proposal = asynchronous_proposal(calendars.partner_city)
        else:
            explanation = translate(
                "scheduling", "The two timetables do meet, but every common time from {start} to {end} falls on a "
                              "holiday, is shorter than {minutes} minutes, or is taken by another visio of the "
                              "facilitator or of one of the classes (with {buffer} minutes around it). Try other "
                              "dates or a shorter session.").format(
                start=start.isoformat(), end=end.isoformat(), minutes=minutes, buffer=buffer_minutes)
    return SlotSearch(calendars, start, end, minutes, views, explanation, proposal, changes)


def describe_clock_change(change: tuple[date, float, float], city: str) -> str:
    day, before, after = change
    text = translate("scheduling", "From {date} {city} is {hours} {direction} Paris (was {previous}).")
    direction = (translate("scheduling", "ahead of") if after > 0 else translate("scheduling", "behind")
                 if after < 0 else translate("scheduling", "level with"))
    return text.format(date=day.isoformat(), city=city, hours=format_hours(after), direction=direction,
                       previous=format_hours(before))


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
