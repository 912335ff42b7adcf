"""The programme's records as plain dataclasses.

Services convert database rows to these and back (see
``classesduo.storage.convert``); the GUI and the CLI only ever see these.
``id`` is a UUID string, ``None`` for a record not yet stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from classesduo.domain.availability import HolidayPeriod, SchoolYear, WeeklyWindow
from classesduo.domain.enums import (
    ConsentStatus,
    DuoStatus,
    MediaKind,
    SessionKind,
    SessionStatus,
    Side,
)


@dataclass(slots=True)
class School:
    name: str
    side: Side
    city: str
    country: str
    timezone: str
    arrondissement: int | None = None
    languages: list[str] = field(default_factory=list)
    contact_email: str = ""
    windows: list[WeeklyWindow] = field(default_factory=list)
    #: The school's own closures (breaks, days off); public holidays and zone C come by rule.
    holidays: list[HolidayPeriod] = field(default_factory=list)
    archived: bool = False
    id: str | None = None
    version: int = 0
    #: Where ``holidays`` has one (e.g. "QC" in Canada, "C" for Buenos Aires city): its public holidays apply.
    subdivision: str = ""
    #: Partner schools: first and last day of each school year.
    school_years: list[SchoolYear] = field(default_factory=list)


@dataclass(slots=True)
class ClassGroup:
    school_id: str
    name: str
    level: str
    pupil_count: int = 0
    teacher_name: str = ""
    teacher_email: str = ""
    archived: bool = False
    id: str | None = None
    version: int = 0


@dataclass(slots=True)
class Facilitator:
    name: str
    email: str = ""
    languages: list[str] = field(default_factory=list)
    archived: bool = False
    id: str | None = None
    version: int = 0


@dataclass(slots=True)
class Duo:
    paris_class_id: str
    partner_class_id: str
    school_year: str
    facilitator_id: str | None = None
    languages: list[str] = field(default_factory=list)
    project: str = ""
    tools: list[str] = field(default_factory=list)
    status: DuoStatus = DuoStatus.PROPOSED
    visio_link: str = ""
    id: str | None = None
    version: int = 0


@dataclass(slots=True)
class SessionLog:
    """What happened at an exchange; counts only, never pupils' names."""

    present_paris: int | None = None
    present_partner: int | None = None
    actual_minutes: int | None = None
    cancel_reason: str = ""
    activities: str = ""
    activity_tags: list[str] = field(default_factory=list)
    languages_used: list[str] = field(default_factory=list)
    problems: str = ""
    follow_up: str = ""
    notes: str = ""


@dataclass(slots=True)
class ExchangeSession:
    duo_id: str
    kind: SessionKind
    start_utc: datetime
    minutes: int
    status: SessionStatus = SessionStatus.PLANNED
    log: SessionLog = field(default_factory=SessionLog)
    series_id: str | None = None
    visio_link: str = ""
    sequence: int = 0
    #: Set when the session was postponed: the planned session that replaces it.
    postponed_to_id: str | None = None
    #: When the outcome was first recorded (None while still planned).
    logged_at: datetime | None = None
    id: str | None = None
    version: int = 0


@dataclass(slots=True)
class MediaItem:
    duo_id: str
    kind: MediaKind
    file_hash: str
    stored_name: str
    original_name: str
    side: Side
    session_id: str | None = None
    size_bytes: int = 0
    mime_type: str = ""
    taken_at: datetime | None = None
    caption: str = ""
    caption_partner: str = ""
    tags: list[str] = field(default_factory=list)
    identifiable_children: int = 0
    consent_exchange: ConsentStatus = ConsentStatus.UNKNOWN
    consent_publication: ConsentStatus = ConsentStatus.UNKNOWN
    consent_reports: ConsentStatus = ConsentStatus.UNKNOWN
    consent_until: date | None = None
    id: str | None = None
    version: int = 0


@dataclass(slots=True)
class Term:
    school_year: str
    number: int
    start: date
    end: date
    id: str | None = None
    version: int = 0
