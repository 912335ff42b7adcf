"""Explicit conversion between database rows and domain records.

Rows never leave the services; the GUI and the CLI get domain dataclasses.
"""

from __future__ import annotations

from typing import Any

from classesduo.domain.availability import HolidayPeriod, SchoolYear, WeeklyWindow
from classesduo.domain.entities import (
    ClassGroup,
    Duo,
    ExchangeSession,
    Facilitator,
    MediaItem,
    School,
    SessionLog,
    Term,
)
from classesduo.storage.models import (
    AvailabilityWindowRow,
    ClassGroupRow,
    DuoRow,
    ExchangeSessionRow,
    FacilitatorRow,
    HolidayPeriodRow,
    MediaItemRow,
    SchoolRow,
    SchoolYearRow,
    TermRow,
)

_SESSION_LOG_FIELDS = tuple(SessionLog.__dataclass_fields__)


def school_from_row(row: SchoolRow | Any, calendar: bool = True) -> School:
    """``calendar=False``: windows, holidays and school years left empty; ``row`` may then be any row with the columns."""
    return School(
        id=row.id,
        version=row.version,
        name=row.name,
        side=row.side,
        city=row.city,
        country=row.country,
        timezone=row.timezone,
        arrondissement=row.arrondissement,
        languages=list(row.languages),
        contact_email=row.contact_email,
        windows=[WeeklyWindow(w.weekday, w.start_time, w.end_time) for w in row.windows] if calendar else [],
        holidays=[HolidayPeriod(h.name, h.start_date, h.end_date, h.source, h.origin) for h in row.holidays]
        if calendar else [],
        archived=row.archived,
        subdivision=row.subdivision or "",
        school_years=[SchoolYear(y.label, y.first_day, y.last_day, y.origin) for y in row.school_years]
        if calendar else [],
    )


def school_to_row(school: School, row: SchoolRow) -> SchoolRow:
    """Copy editable fields onto ``row``; windows and holidays are replaced only when they changed."""
    row.name = school.name.strip()
    row.side = school.side
    row.city = school.city.strip()
    row.country = school.country.strip().upper()
    row.timezone = school.timezone.strip()
    row.arrondissement = school.arrondissement
    row.languages = list(school.languages)
    row.contact_email = school.contact_email.strip()
    row.archived = school.archived
    current_windows = [WeeklyWindow(w.weekday, w.start_time, w.end_time) for w in row.windows]
    if current_windows != list(school.windows):
        row.windows = [
            AvailabilityWindowRow(weekday=w.weekday, start_time=w.start, end_time=w.end) for w in school.windows
        ]
    row.subdivision = school.subdivision.strip().upper()
    current_holidays = [HolidayPeriod(h.name, h.start_date, h.end_date, h.source, h.origin) for h in row.holidays]
    if current_holidays != list(school.holidays):
        row.holidays = [
            HolidayPeriodRow(name=h.name, start_date=h.start, end_date=h.end, source=h.source, origin=h.origin)
            for h in school.holidays
        ]
    current_years = [SchoolYear(y.label, y.first_day, y.last_day, y.origin) for y in row.school_years]
    if current_years != list(school.school_years):
        # updated in place by name: replacing the list would insert the new row before deleting the old one,
        # and the (school, name) constraint refuses that
        by_label = {year.label: year for year in row.school_years}
        kept = []
        for year in school.school_years:
            target = by_label.pop(year.label, None) or SchoolYearRow(label=year.label)
            target.first_day, target.last_day, target.origin = year.first_day, year.last_day, year.origin
            kept.append(target)
        row.school_years = kept
    return row


def class_from_row(row: ClassGroupRow) -> ClassGroup:
    return ClassGroup(
        id=row.id,
        version=row.version,
        school_id=row.school_id,
        name=row.name,
        level=row.level,
        pupil_count=row.pupil_count,
        teacher_name=row.teacher_name,
        teacher_email=row.teacher_email,
        archived=row.archived,
    )


def class_to_row(group: ClassGroup, row: ClassGroupRow) -> ClassGroupRow:
    row.school_id = group.school_id
    row.name = group.name.strip()
    row.level = group.level.strip()
    row.pupil_count = group.pupil_count
    row.teacher_name = group.teacher_name.strip()
    row.teacher_email = group.teacher_email.strip()
    row.archived = group.archived
    return row


def facilitator_from_row(row: FacilitatorRow) -> Facilitator:
    return Facilitator(
        id=row.id, version=row.version, name=row.name, email=row.email,
        languages=list(row.languages), archived=row.archived,
    )


def facilitator_to_row(person: Facilitator, row: FacilitatorRow) -> FacilitatorRow:
    row.name = person.name.strip()
    row.email = person.email.strip()
    row.languages = list(person.languages)
    row.archived = person.archived
    return row


def duo_from_row(row: DuoRow | Any) -> Duo:
    """From the ORM row or any row with the same column names (e.g. a Core result row)."""
    return Duo(
        id=row.id,
        version=row.version,
        paris_class_id=row.paris_class_id,
        partner_class_id=row.partner_class_id,
        school_year=row.school_year,
        facilitator_id=row.facilitator_id,
        languages=list(row.languages),
        project=row.project,
        tools=list(row.tools),
        status=row.status,
        visio_link=row.visio_link,
    )


def duo_to_row(duo: Duo, row: DuoRow) -> DuoRow:
    row.paris_class_id = duo.paris_class_id
    row.partner_class_id = duo.partner_class_id
    row.school_year = duo.school_year.strip()
    row.facilitator_id = duo.facilitator_id
    row.languages = list(duo.languages)
    row.project = duo.project
    row.tools = list(duo.tools)
    row.status = duo.status
    row.visio_link = duo.visio_link.strip()
    return row


def session_from_row(row: ExchangeSessionRow) -> ExchangeSession:
    log = SessionLog(**{name: _copy(getattr(row, name)) for name in _SESSION_LOG_FIELDS})
    return ExchangeSession(
        id=row.id,
        version=row.version,
        duo_id=row.duo_id,
        kind=row.kind,
        start_utc=row.start_utc,
        minutes=row.minutes,
        status=row.status,
        log=log,
        series_id=row.series_id,
        visio_link=row.visio_link,
        sequence=row.sequence,
        postponed_to_id=row.postponed_to_id,
        logged_at=row.logged_at,
    )


def session_to_row(session: ExchangeSession, row: ExchangeSessionRow) -> ExchangeSessionRow:
    row.duo_id = session.duo_id
    row.kind = session.kind
    row.start_utc = session.start_utc
    row.minutes = session.minutes
    row.status = session.status
    row.series_id = session.series_id
    row.visio_link = session.visio_link
    row.sequence = session.sequence
    row.postponed_to_id = session.postponed_to_id
    row.logged_at = session.logged_at
    for name in _SESSION_LOG_FIELDS:
        setattr(row, name, _copy(getattr(session.log, name)))
    return row


def media_from_row(row: MediaItemRow) -> MediaItem:
    return MediaItem(
        id=row.id,
        version=row.version,
        duo_id=row.duo_id,
        session_id=row.session_id,
        kind=row.kind,
        file_hash=row.file_hash,
        stored_name=row.stored_name,
        original_name=row.original_name,
        size_bytes=row.size_bytes,
        mime_type=row.mime_type,
        taken_at=row.taken_at,
        side=row.side,
        caption=row.caption,
        caption_partner=row.caption_partner,
        tags=list(row.tags),
        identifiable_children=row.identifiable_children,
        consent_exchange=row.consent_exchange,
        consent_publication=row.consent_publication,
        consent_reports=row.consent_reports,
        consent_until=row.consent_until,
    )


def term_from_row(row: TermRow) -> Term:
    return Term(id=row.id, version=row.version, school_year=row.school_year, number=row.number,
                start=row.start_date, end=row.end_date)


def _copy(value: object) -> object:
    return list(value) if isinstance(value, list) else value
