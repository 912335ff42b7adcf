"""Exchange sessions from CSV; natural key: duo + start instant.

The start is a local date and time (``2027-03-16 15:00``) in the ``timezone``
column's zone, or the Paris school's zone when that column is empty. A time
that does not exist (spring-forward gap) or happens twice (autumn fold) is
refused with the reason, never shifted; an explicit UTC offset
(``2027-10-31 02:30+01:00``) settles a fold.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from classesduo.domain.entities import ExchangeSession
from classesduo.domain.enums import SessionKind, SessionStatus
from classesduo.domain.i18n import translate
from classesduo.domain.terms import parse_school_year, school_year_of
from classesduo.domain.timezones import PARIS_ZONE, AmbiguousLocalTime, LocalTimeError, is_valid_zone, local_to_utc, zone_info
from classesduo.services.importing.duos import CLASS_COLUMNS
from classesduo.services.importing.engine import Planned
from classesduo.services.importing.fields import choice, local_start, whole_number
from classesduo.services.importing.lookup import Lookup
from classesduo.services.importing.reader import Column, Row
from classesduo.storage.convert import session_from_row, session_to_row
from classesduo.storage.models import ExchangeSessionRow

COLUMNS = (
    *CLASS_COLUMNS,
    Column("school_year"),
    Column("start", required=True),
    Column("timezone"),
    Column("minutes"),
    Column("kind"),
    Column("status"),
    Column("visio_link"),
)
KEY_LABEL = "duo + start"

MAX_MINUTES = 8 * 60
_KIND_ALIASES = {"blog": "blog_post", "mail": "email", "e_mail": "email"}


def _minutes(text: str) -> int:
    value = whole_number(text)
    if not 0 < value <= MAX_MINUTES:
        message = translate("import", "A session lasts from 1 to {limit} minutes, not {value}.")
        raise ValueError(message.format(limit=MAX_MINUTES, value=value))
    return value


def _school_year(text: str) -> str:
    try:
        parse_school_year(text)
    except ValueError:
        message = translate("validation", "Not a school year (expected e.g. 2026-2027): {value}")
        raise ValueError(message.format(value=text)) from None
    return text.strip()


class Importer:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.lookup = Lookup(session)
        self._sessions: dict[str, dict[datetime, ExchangeSessionRow]] = {}

    def _stored(self, duo_id: str) -> dict[datetime, ExchangeSessionRow]:
        if duo_id not in self._sessions:
            rows = self.session.scalars(select(ExchangeSessionRow).where(ExchangeSessionRow.duo_id == duo_id))
            self._sessions[duo_id] = {row.start_utc: row for row in rows}
        return self._sessions[duo_id]

    def _start_utc(self, row: Row, default_zone: str) -> datetime | None:
        local = row.parse("start", local_start)
        zone = row.text("timezone") or default_zone
        if row.text("timezone") and not is_valid_zone(zone):
            message = translate("validation", "Unknown time zone (use an IANA name, e.g. Europe/Paris): {zone}")
            row.error("timezone", message.format(zone=zone))
            return None
        if local is None:
            return None
        if local.tzinfo is not None:
            expected = local.astimezone(zone_info(zone)).utcoffset()
            if local.utcoffset() != expected:
                message = translate("import", "The offset {given} does not match {zone} at that time (UTC{expected}); "
                                              "remove the offset or fix the time zone.")
                row.error("start", message.format(given=local.isoformat()[-6:], zone=zone,
                                                  expected=local.astimezone(zone_info(zone)).isoformat()[-6:]))
                return None
            return local.astimezone(UTC)
        try:
            return local_to_utc(local.date(), local.time(), zone)
        except AmbiguousLocalTime as error:
            offset = error.first_utc.astimezone(zone_info(zone)).isoformat()[-6:]
            hint = translate("import", "Add the UTC offset to say which, e.g. {example}").format(
                example=f"{local:%Y-%m-%d %H:%M}{offset}")
            row.error("start", f"{error}. {hint}")
        except LocalTimeError as error:
            row.error("start", str(error))
        return None

    def plan(self, row: Row) -> Planned | None:
        paris = self.lookup.find_class(row, "paris", default_city="Paris")
        partner = self.lookup.find_class(row, "partner")
        given_year = row.parse("school_year", _school_year)
        start = self._start_utc(row, paris.school.timezone if paris is not None else PARIS_ZONE)
        kind = row.parse("kind", lambda text: choice(SessionKind, text, _KIND_ALIASES))
        minutes = row.parse("minutes", _minutes)
        status = row.parse("status", lambda text: choice(SessionStatus, text))
        zone = row.text("timezone")
        if zone and paris is not None and partner is not None and zone not in (
                paris.school.timezone, partner.school.timezone):
            message = translate("import", "Give the time in the Paris school's zone ({paris}) or the partner school's "
                                          "({partner}), not {zone}.")
            row.error("timezone", message.format(paris=paris.school.timezone, partner=partner.school.timezone,
                                                 zone=zone))
            return None
        if paris is None or partner is None or start is None:
            return None
        year = given_year or school_year_of(start.astimezone(zone_info(paris.school.timezone)).date())
        duo = self.lookup.duos().get((paris.id, partner.id, year))
        if duo is None:
            message = translate("import", "No duo of these two classes in {year}; import the duos first.")
            row.error("partner_class", message.format(year=year))
            return None
        existing = self._stored(duo.id).get(start)
        current = session_from_row(existing) if existing is not None else None

        def stored(attribute: str) -> object:
            return getattr(current, attribute) if current is not None else None

        exchange = ExchangeSession(
            duo_id=duo.id, start_utc=start,
            kind=row.keep("kind", kind, stored("kind"), SessionKind.VISIO),
            minutes=row.keep("minutes", minutes, stored("minutes"), 45),
            status=row.keep("status", status, stored("status"), SessionStatus.PLANNED),
            visio_link=row.keep("visio_link", row.text("visio_link"), stored("visio_link"), duo.visio_link),
            id=stored("id"),
            version=stored("version") or 0,
        )
        if current is not None:
            exchange.log, exchange.series_id, exchange.sequence = current.log, current.series_id, current.sequence
        changed = exchange != current  # SEQUENCE + 1 when written, if calendars see it (storage hook)
        return Planned((duo.id, start), exchange, existing, changed)

    def write(self, session: Session, planned: Planned) -> None:
        row = planned.existing
        if row is None:
            row = ExchangeSessionRow()
            session.add(row)
        session_to_row(planned.record, row)
