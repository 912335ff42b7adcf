"""Export visios as an iCalendar (``.ics``) file with the ``icalendar`` library.

Each session becomes one VEVENT with a UID derived from its UUID (so a calendar
app updates the event on re-import instead of duplicating it), SEQUENCE from
the session's ``sequence`` (rule: :mod:`classesduo.domain.calendar_identity`),
STATUS CONFIRMED or CANCELLED (a postponed session is cancelled at its old time;
its replacement is its own event), a 30-minute reminder, and both local times
and the visio link in the description. The file says ``METHOD:PUBLISH``.

Times are written in UTC (``DTSTART:20261025T013000Z``): the start is the
stored instant and the end is start + length computed in UTC, so a session
across a clock change keeps its length, the second 02:30 of a fall-back night
is not mistaken for the first, and no reader has to derive transitions from a
VTIMEZONE (none is written). Calendar apps show the times in their own zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from classesduo.domain.calendar_identity import UID_DOMAIN, ical_status, session_uid
from classesduo.domain.enums import SessionKind, SessionStatus
from classesduo.domain.i18n import translate
from classesduo.services.sessions import list_sessions
from classesduo.services.views import SessionView
from classesduo.storage.atomic import write_bytes_atomic
from classesduo.storage.database import Database

PRODID = "-//Ville de Paris//Classes Duo//FR"

__all__ = ["PRODID", "UID_DOMAIN", "ExportScope", "build_calendar", "export_ics", "new_calendar", "scope_sessions",
           "session_event", "session_uid", "visio_count"]


@dataclass(frozen=True)
class ExportScope:
    """One duo, one facilitator, or everything (both None)."""

    duo_id: str | None = None
    facilitator_id: str | None = None


def _description(view: SessionView) -> str:
    session = view.session
    start, end = session.start_utc, session.start_utc + timedelta(minutes=session.minutes)
    paris = ZoneInfo(view.paris_timezone)
    partner = ZoneInfo(view.partner_timezone)
    lines = [
        translate("ics", "Paris: {date} {start}–{end} ({zone})").format(
            date=start.astimezone(paris).date().isoformat(), start=f"{start.astimezone(paris):%H:%M}",
            end=f"{end.astimezone(paris):%H:%M}", zone=view.paris_timezone),
        translate("ics", "{city}: {date} {start}–{end} ({zone})").format(
            city=view.partner_city, date=start.astimezone(partner).date().isoformat(),
            start=f"{start.astimezone(partner):%H:%M}", end=f"{end.astimezone(partner):%H:%M}",
            zone=view.partner_timezone),
    ]
    if session.visio_link:
        lines.append(translate("ics", "Visio link: {link}").format(link=session.visio_link))
    if view.facilitator:
        lines.append(translate("ics", "Facilitator: {name}").format(name=view.facilitator))
    if session.status is SessionStatus.CANCELLED:
        lines.append(translate("ics", "This session is cancelled."))
    elif session.status is SessionStatus.POSTPONED:
        lines.append(translate("ics", "This session is postponed; the new date is a separate event."))
    return "\n".join(lines)


def new_calendar(method: str = "PUBLISH"):  # noqa: ANN201 - an icalendar.Calendar
    """An empty VCALENDAR with this app's PRODID and ``METHOD`` (PUBLISH for files and feeds, REQUEST or
    CANCEL for invitations)."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    return calendar


def session_event(view: SessionView, stamp: datetime, *, alarm: bool = True):  # noqa: ANN201 - an icalendar.Event
    """One visio as a VEVENT: UID, SEQUENCE, STATUS and times in UTC (end = start + length in UTC)."""
    from icalendar import Alarm, Event

    session = view.session
    assert session.id is not None
    start = session.start_utc.astimezone(UTC)
    event = Event()
    event.add("uid", session_uid(session.id))
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=session.minutes))
    event.add("sequence", session.sequence)
    event.add("summary", translate("ics", "Classes Duo visio: {duo}").format(duo=view.duo_label))
    event.add("description", _description(view))
    if session.visio_link:
        event.add("location", session.visio_link)
        event.add("url", session.visio_link)
    event.add("status", ical_status(session.status))
    event.add("transp", "TRANSPARENT" if ical_status(session.status) == "CANCELLED" else "OPAQUE")
    if alarm and ical_status(session.status) == "CONFIRMED":
        reminder = Alarm()
        reminder.add("action", "DISPLAY")
        reminder.add("description", translate("ics", "Visio in 30 minutes: {duo}").format(duo=view.duo_label))
        reminder.add("trigger", timedelta(minutes=-30))
        event.add_component(reminder)
    return event


def build_calendar(views: list[SessionView], stamp: datetime | None = None, name: str = "Classes Duo") -> bytes:
    """The ``.ics`` bytes for these sessions (visios only), ``METHOD:PUBLISH``."""
    calendar = new_calendar("PUBLISH")
    calendar.add("x-wr-calname", name)
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    for view in views:
        if view.session.kind is SessionKind.VISIO:
            calendar.add_component(session_event(view, stamp))
    return calendar.to_ical()


def export_ics(db: Database, target: Path, scope: ExportScope) -> int:
    """Write the scope's visios to ``target`` atomically; returns how many events were written."""
    views = scope_sessions(db, scope)
    data = build_calendar(views)
    write_bytes_atomic(target, data)
    return sum(1 for view in views if view.session.kind is SessionKind.VISIO)


def visio_count(db: Database, scope: ExportScope) -> int:
    """How many visios an export of ``scope`` would write (to say so before asking for a file)."""
    return sum(1 for view in scope_sessions(db, scope) if view.session.kind is SessionKind.VISIO)


def scope_sessions(db: Database, scope: ExportScope) -> list[SessionView]:
    """The sessions of one duo, of one facilitator's duos, or all (NotFoundError for an unknown id)."""
    from classesduo.services.duos import get_duo, list_duos
    from classesduo.services.errors import NotFoundError
    from classesduo.services.facilitators import list_facilitators

    if scope.duo_id:
        get_duo(db, scope.duo_id)  # NotFoundError for an unknown id
    if scope.facilitator_id and scope.facilitator_id not in {f.id for f in list_facilitators(db)}:
        raise NotFoundError(translate("errors", "No {kind} with id {id}.").format(
            kind="facilitator", id=scope.facilitator_id))
    if scope.facilitator_id:
        duo_ids = {view.duo.id for view in list_duos(db, facilitator_id=scope.facilitator_id)}
        views = [view for view in list_sessions(db) if view.session.duo_id in duo_ids]
    else:
        views = list_sessions(db, duo_id=scope.duo_id)
    return views
