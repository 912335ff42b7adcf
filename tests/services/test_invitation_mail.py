"""Invitation e-mails: the .eml parsed back with ``email``, its iMIP part with icalendar."""

from __future__ import annotations

import email
import stat
from datetime import UTC, date, datetime, time, timedelta
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from classesduo.cli import main
from classesduo.domain.calendar_identity import session_uid
from classesduo.domain.entities import SessionLog
from classesduo.domain.enums import SessionStatus
from classesduo.domain.exchange_log import LogEntry
from classesduo.services import planning
from classesduo.services.duo_calendars import duo_calendars
from classesduo.services.duos import list_duos
from classesduo.services.errors import ServiceError
from classesduo.services.exchange_log import log_session
from classesduo.services.invitation_mail import private_eml, series_invitation, session_invitation
from classesduo.services.series import create_series
from classesduo.services.workspace import Workspace

PARIS = ZoneInfo("Europe/Paris")


def _parse(data: bytes) -> tuple[email.message.EmailMessage, str, Calendar]:
    message = email.message_from_bytes(data, policy=policy.default)
    plain = message.get_body(("plain",)).get_content()
    parts = [part for part in message.walk() if part.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    calendar = Calendar.from_ical(parts[0].get_content())
    assert parts[0].get_param("method") == str(calendar["METHOD"])
    attachment = next(part for part in message.iter_attachments() if part.get_filename() == "invite.ics")
    assert Calendar.from_ical(attachment.get_content()).to_ical() == calendar.to_ical()
    return message, plain, calendar


def _duo(workspace: Workspace, city: str):  # noqa: ANN202
    return next(v for v in list_duos(workspace.db) if v.partner.city == city)


def test_request_then_updated_request_then_cancel(demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    duo = _duo(demo_workspace, "Buenos Aires")
    calendars = duo_calendars(db, duo.duo.id)
    start = datetime.combine(date(2027, 3, 16), time(15, 0), PARIS).astimezone(UTC)
    created = planning.create_session(db, duo.duo.id, start, 45)

    message, plain, calendar = _parse(session_invitation(db, created.id).as_bytes())
    assert str(calendar["METHOD"]) == "REQUEST"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == session_uid(created.id) and int(event["SEQUENCE"]) == 0
    assert event.decoded("DTSTART") == start and event.decoded("DTEND") == start + timedelta(minutes=45)
    assert str(event["ORGANIZER"]) == f"mailto:{calendars.facilitator_email}"
    assert event["ORGANIZER"].params["CN"] == duo.facilitator
    attendees = sorted(str(a) for a in event["ATTENDEE"])
    assert attendees == sorted(f"mailto:{a}" for a in (calendars.paris_contact, calendars.partner_contact))
    assert all(a.params["RSVP"] == "TRUE" and a.params["PARTSTAT"] == "NEEDS-ACTION" for a in event["ATTENDEE"])
    assert calendars.facilitator_email in message["From"]
    assert {a.addr_spec for a in message["To"].addresses} == {calendars.paris_contact, calendars.partner_contact}
    # Bilingual text with both local times and the link.
    assert "mardi 16 mars 2027 à 15:00–15:45" in plain and "martes 16 de marzo de 2027 a las 11:00–11:45" in plain
    assert created.visio_link and created.visio_link in plain

    moved = planning.move_session(db, created.id, start + timedelta(days=1))
    _message, plain, calendar = _parse(session_invitation(db, created.id).as_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "REQUEST" and int(event["SEQUENCE"]) == moved.sequence == 1
    assert "mercredi 17 mars 2027" in plain

    cancelled = planning.cancel_session(db, created.id)
    _message, plain, calendar = _parse(session_invitation(db, created.id, language="en").as_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "CANCEL" and str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == session_uid(created.id) and int(event["SEQUENCE"]) == cancelled.sequence == 2
    assert "annulée" in plain and "cancelled" in plain


def test_a_postponed_visio_gives_a_cancel_and_its_replacement_a_request(demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    duo = _duo(demo_workspace, "Madrid")
    start = datetime.combine(date(2027, 3, 16), time(15, 0), PARIS).astimezone(UTC)
    created = planning.create_session(db, duo.duo.id, start, 45)
    postponed = log_session(db, created.id, LogEntry(SessionStatus.POSTPONED, SessionLog(),
                                                     start + timedelta(days=7)), now=start - timedelta(days=1))
    assert _parse(session_invitation(db, created.id).as_bytes())[2]["METHOD"] == "CANCEL"
    assert _parse(session_invitation(db, postponed.postponed_to_id).as_bytes())[2]["METHOD"] == "REQUEST"


def test_times_across_the_clock_change_and_what_to_prepare(demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    duo = _duo(demo_workspace, "Buenos Aires")
    # 16:00 Paris: the demo already holds this duo's 15:00 visio that day (one held record per visio)
    earlier = planning.create_session(db, duo.duo.id, datetime(2026, 10, 13, 14, tzinfo=UTC), 45)
    log_session(db, earlier.id, LogEntry(SessionStatus.HELD, SessionLog(
        present_paris=1, present_partner=1, follow_up="each child brings a drawing of their street")),
        now=datetime(2026, 10, 14, tzinfo=UTC))
    night = planning.create_session(db, duo.duo.id, datetime(2026, 10, 25, 0, 30, tzinfo=UTC), 45)
    _message, plain, _calendar = _parse(session_invitation(db, night.id, language="fr").as_bytes())
    # 45 minutes, not 1 h 45 (wall-clock arithmetic); the offsets tell this 02:30 from the second one
    assert "dimanche 25 octobre 2026 à 02:30 (UTC+02:00)–02:15 (UTC+01:00)" in plain
    assert "samedi 24 octobre 2026 à 21:30–22:15" in plain
    assert "À préparer : each child brings a drawing of their street" in plain
    assert "martes" not in plain and "Hello" not in plain  # --lang fr: French only


def test_the_two_0230_of_the_fold_night_read_differently(demo_workspace: Workspace) -> None:
    """25 Oct 2026: 02:30 Paris happens at 00:30Z and again at 01:30Z; each mail names its own."""
    db = demo_workspace.db
    duo = _duo(demo_workspace, "Roma")
    texts = []
    for instant in (datetime(2026, 10, 25, 0, 30, tzinfo=UTC), datetime(2026, 10, 25, 1, 30, tzinfo=UTC)):
        night = planning.create_session(db, duo.duo.id, instant, 45)
        message, plain, calendar = _parse(session_invitation(db, night.id, language="es").as_bytes())
        assert calendar.walk("VEVENT")[0].decoded("DTSTART") == instant
        texts.append((str(message["Subject"]), plain))
    (first_subject, first), (second_subject, second) = texts
    assert first_subject != second_subject
    assert "à Paris : dimanche 25 octobre 2026 à 02:30 (UTC+02:00)–02:15 (UTC+01:00)" in first
    assert "à Paris : dimanche 25 octobre 2026 à 02:30 (UTC+01:00)–03:15" in second
    assert "en París: domingo 25 de octubre de 2026 a las 02:30 (UTC+01:00)–03:15" in second
    assert "03:15 (UTC" not in second  # an unambiguous time keeps its plain form


def test_a_series_in_one_message_and_refusals(demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    duo = _duo(demo_workspace, "Montréal")
    result = create_series(db, duo.duo.id, date(2027, 5, 4), date(2027, 5, 25), time(15, 0), 45)
    mail = series_invitation(db, result.sessions[0].id)
    _message, plain, calendar = _parse(mail.as_bytes())
    uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert uids == {session_uid(s.id) for s in result.sessions} and len(uids) >= 3
    assert plain.count("  • ") >= len(uids)
    with pytest.raises(ServiceError, match="not part of a series"):
        series_invitation(db, planning.create_session(db, duo.duo.id, datetime(2027, 6, 1, 13, tzinfo=UTC), 45).id)


def test_the_private_file_and_the_cli(demo_workspace: Workspace, demo_dir: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    db = demo_workspace.db
    duo = _duo(demo_workspace, "Buenos Aires")
    created = planning.create_session(db, duo.duo.id, datetime(2027, 3, 16, 14, tzinfo=UTC), 45)
    path = private_eml(session_invitation(db, created.id))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    target = tmp_path / "invite.eml"
    assert main(["--data-dir", str(demo_dir), "invite", created.id, "-o", str(target), "--lang", "en"]) == 0
    assert "REQUEST" in capsys.readouterr().out
    _message, plain, calendar = _parse(target.read_bytes())
    assert str(calendar["METHOD"]) == "REQUEST" and "Tuesday 16 March 2027" in plain
    assert main(["--data-dir", str(demo_dir), "invite", "nope", "-o", str(target)]) == 2
