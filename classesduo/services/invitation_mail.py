"""Invitations as e-mail (``.eml``) that mail and calendar apps understand (iMIP, RFC 6047).

One visio gives a message built with Python's :mod:`email` package:

* ``multipart/mixed`` holding a ``multipart/alternative`` with the bilingual text
  (:func:`classesduo.services.invitation.invitation`: both local times, the visio
  link, what to prepare) and the iMIP part ``text/calendar; method=REQUEST``, plus
  the same calendar as an ``invite.ics`` attachment for apps that ignore the
  alternative;
* the VEVENT is the session's own (same UID and SEQUENCE as every ``.ics`` export,
  feed and CalDAV calendar), with ORGANIZER the duo's facilitator and an ATTENDEE
  per school contact (Paris and partner);
* a session that was moved gives an updated REQUEST (higher SEQUENCE); a cancelled
  or postponed one gives ``METHOD:CANCEL`` (STATUS:CANCELLED) so the event leaves
  the attendees' calendars.

A series gives one message whose text lists every planned occurrence and whose
calendar part is ``method=PUBLISH`` with one event per occurrence: an iTIP REQUEST
carries one UID (RFC 5546), and each occurrence keeps its own session UID.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from pathlib import Path

from sqlalchemy import select

from classesduo.domain.calendar_identity import UID_DOMAIN, ical_status
from classesduo.domain.enums import SessionKind, SessionStatus
from classesduo.domain.i18n import translate
from classesduo.services import planning
from classesduo.services.duo_calendars import DuoCalendars, duo_calendars
from classesduo.services.errors import ServiceError
from classesduo.services.ics_export import new_calendar, session_event
from classesduo.services.invitation import Invitation, invitation
from classesduo.services.views import SessionView
from classesduo.storage.atomic import write_bytes_atomic
from classesduo.storage.database import Database
from classesduo.storage.models import ExchangeSessionRow

LANGUAGES = ("fr", "en", "es")


@dataclass(frozen=True)
class InvitationMail:
    message: EmailMessage
    method: str  # REQUEST, CANCEL or PUBLISH (series)
    recipients: list[str]
    text: Invitation  # the bilingual subject and body shown before sending

    def as_bytes(self) -> bytes:
        return self.message.as_bytes()


def _view(calendars: DuoCalendars, session) -> SessionView:  # noqa: ANN001 - an ExchangeSession
    view = calendars.view
    return SessionView(session=session, duo_label=f"{view.paris.school} ↔ {view.partner.school}",
                       paris_timezone=calendars.paris.zone, partner_timezone=calendars.partner.zone,
                       partner_city=view.partner.city, facilitator=view.facilitator)


def _prepare(db: Database, duo_id: str, before: datetime) -> str:
    """What to prepare: the follow-up noted at the duo's last held session before this one."""
    with db.reading() as session:
        text = session.scalar(
            select(ExchangeSessionRow.follow_up).where(ExchangeSessionRow.duo_id == duo_id)
            .where(ExchangeSessionRow.status == SessionStatus.HELD).where(ExchangeSessionRow.start_utc < before)
            .where(ExchangeSessionRow.follow_up != "").order_by(ExchangeSessionRow.start_utc.desc()).limit(1))
    return (text or "").strip()


def _people(event, calendars: DuoCalendars) -> list[str]:  # noqa: ANN001 - an icalendar.Event
    from icalendar import vCalAddress

    view = calendars.view
    organizer = vCalAddress(f"mailto:{calendars.facilitator_email}")
    organizer.params["CN"] = view.facilitator
    organizer.params["ROLE"] = "CHAIR"
    event.add("organizer", organizer)
    recipients = []
    for name, address in ((view.paris.school, calendars.paris_contact), (view.partner.school,
                                                                          calendars.partner_contact)):
        if not address:
            continue
        attendee = vCalAddress(f"mailto:{address}")
        attendee.params.update({"CN": name, "ROLE": "REQ-PARTICIPANT", "PARTSTAT": "NEEDS-ACTION",
                                "RSVP": "TRUE", "CUTYPE": "GROUP"})
        event.add("attendee", attendee)
        recipients.append(address)
    return recipients


def _check_people(calendars: DuoCalendars) -> None:
    if not calendars.facilitator_email:
        raise ServiceError(translate("services", "The duo's facilitator has no e-mail address; add one (Schools › "
                                                 "Facilitators) to send an invitation."))
    if not (calendars.paris_contact or calendars.partner_contact):
        raise ServiceError(translate("services", "Neither school has a contact e-mail address; add one to send an "
                                                 "invitation."))


def _message(calendars: DuoCalendars, subject: str, body: str, ics: bytes, method: str,
             recipients: list[str], now: datetime) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = formataddr((calendars.view.facilitator, calendars.facilitator_email))
    message["To"] = ", ".join(recipients)
    message["Date"] = format_datetime(now.astimezone(UTC))
    message["Message-ID"] = make_msgid(domain=UID_DOMAIN)
    message["X-Unsent"] = "1"  # mail apps open it as a draft to send
    message.set_content(body, cte="quoted-printable")
    message.add_alternative(ics.decode("utf-8"), subtype="calendar", params={"method": method},
                            cte="quoted-printable")
    message.add_attachment(ics, maintype="application", subtype="ics", filename="invite.ics",
                           params={"method": method})
    return message


def session_invitation(db: Database, session_id: str, *, language: str | None = None,
                       now: datetime | None = None) -> InvitationMail:
    """The REQUEST (or CANCEL, for a cancelled or postponed visio) for one session."""
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    exchange = planning.get_session(db, session_id)
    if exchange.kind is not SessionKind.VISIO:
        raise ServiceError(translate("services", "Only visios have invitations."))
    calendars = duo_calendars(db, exchange.duo_id)
    _check_people(calendars)
    cancelled = ical_status(exchange.status) == "CANCELLED"
    method = "CANCEL" if cancelled else "REQUEST"
    text = invitation(calendars, exchange.start_utc, exchange.minutes, exchange.visio_link, language=language,
                      prepare=_prepare(db, exchange.duo_id, exchange.start_utc), cancelled=cancelled)
    calendar = new_calendar(method)
    event = session_event(_view(calendars, exchange), now, alarm=False)
    recipients = _people(event, calendars)
    calendar.add_component(event)
    message = _message(calendars, text.subject, text.body, calendar.to_ical(), method, recipients, now)
    return InvitationMail(message, method, recipients, text)


def series_invitation(db: Database, session_id: str, *, language: str | None = None,
                      now: datetime | None = None) -> InvitationMail:
    """One message for the planned occurrences of the session's series from this one on (PUBLISH)."""
    from classesduo.services.series import series_sessions

    now = (now or datetime.now(UTC)).replace(microsecond=0)
    exchange = planning.get_session(db, session_id)
    if exchange.series_id is None:
        raise ServiceError(translate("services", "This session is not part of a series."))
    occurrences = [item for item in series_sessions(db, exchange.series_id)
                   if item.start_utc >= exchange.start_utc and item.status is SessionStatus.PLANNED]
    if not occurrences:
        raise ServiceError(translate("services", "No planned visio left in this series."))
    calendars = duo_calendars(db, exchange.duo_id)
    _check_people(calendars)
    texts = [invitation(calendars, item.start_utc, item.minutes, item.visio_link, language=language)
             for item in occurrences]
    first = texts[0]
    dates = "\n".join(f"  • {text.subject.split(' — ', 1)[-1]}" for text in texts)
    body = f"Séances / Sessions ({len(texts)}):\n{dates}\n\n{first.body}"
    calendar = new_calendar("PUBLISH")
    recipients: list[str] = []
    for item in occurrences:
        event = session_event(_view(calendars, item), now, alarm=False)
        recipients = _people(event, calendars)
        calendar.add_component(event)
    subject = f"{first.subject} (+{len(occurrences) - 1})" if len(occurrences) > 1 else first.subject
    message = _message(calendars, subject, body, calendar.to_ical(), "PUBLISH", recipients, now)
    return InvitationMail(message, "PUBLISH", recipients,
                          Invitation(recipients, subject, body, first.second_language))


def write_eml(mail: InvitationMail, target: Path) -> None:
    """Write the message atomically (a crash never leaves half a file)."""
    write_bytes_atomic(target, mail.as_bytes())


def private_eml(mail: InvitationMail) -> Path:
    """The message in a new private folder (0700, file 0600) for the mail app to open."""
    folder = Path(tempfile.mkdtemp(prefix="classesduo-invitation-"))
    os.chmod(folder, 0o700)
    target = folder / "invitation.eml"
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(mail.as_bytes())
    return target
