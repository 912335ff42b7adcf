"""Closed vocabularies of the programme, stored by their string value."""

from __future__ import annotations

from enum import StrEnum


class Side(StrEnum):
    PARIS = "paris"
    PARTNER = "partner"


class DuoStatus(StrEnum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    PAUSED = "paused"
    CLOSED = "closed"


class ExchangeTool(StrEnum):
    EMAIL = "email"
    VISIO = "visio"
    BLOG = "blog"
    LETTERS = "letters"


class SessionKind(StrEnum):
    VISIO = "visio"
    EMAIL = "email"
    BLOG_POST = "blog_post"
    LETTER = "letter"


class SessionStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"


class CancelReason(StrEnum):
    TECHNICAL = "technical"
    PARTNER_ABSENT = "partner_absent"
    SCHOOL_EVENT = "school_event"
    WEATHER = "weather"
    STRIKE = "strike"
    OTHER = "other"


class MediaKind(StrEnum):
    PHOTO = "photo"
    VIDEO = "video"
    AUDIO = "audio"
    DRAWING = "drawing"
    TEXT = "text"


class ConsentStatus(StrEnum):
    GRANTED = "granted"
    REFUSED = "refused"
    UNKNOWN = "unknown"


class HolidaySource(StrEnum):
    """Where a closed day comes from (see :mod:`classesduo.domain.school_calendar`)."""

    ZONE_C = "zone_c"  # the shipped French zone C calendar (by rule, never stored)
    PUBLIC = "public"  # the country's public holidays from the ``holidays`` package (by rule, never stored)
    MANUAL = "manual"  # typed in the school form or with ``classesduo calendar add``
    IMPORTED = "imported"  # imported from a CSV or .ics file (``origin`` names it)
    SCHOOL_YEAR = "school_year"  # between two of the school's school years (by rule)


PARIS_LEVELS: tuple[str, ...] = ("CP", "CE1", "CE2", "CM1", "CM2")
