"""The .ics export read back with icalendar: UTC instants, METHOD, stable UIDs, SEQUENCE, STATUS, VALARM."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from classesduo.services import planning
from classesduo.services.duos import list_duos
from classesduo.services.errors import NotFoundError
from classesduo.services.ics_export import ExportScope, export_ics, session_uid
from classesduo.services.invitation import invitation
from classesduo.services.scheduling import duo_calendars

PARIS = ZoneInfo("Europe/Paris")


def _events(path: Path) -> dict[str, object]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_export_one_duo_reads_back_with_local_times(demo_workspace, tmp_path: Path) -> None:  # noqa: ANN001
    db = demo_workspace.db
    duo = next(v for v in list_duos(db) if v.partner.city == "Montréal")
    start = datetime.combine(date(2027, 3, 16), time(15, 0), PARIS).astimezone(UTC)
    created = planning.create_session(db, duo.duo.id, start, 45)
    target = tmp_path / "out" / "duo.ics"
    count = export_ics(db, target, ExportScope(duo_id=duo.duo.id))
    raw = target.read_text(encoding="utf-8")
    calendar = Calendar.from_ical(raw)
    events = _events(target)
    assert count == len(events) > 1
    event = events[session_uid(created.id)]
    assert event.decoded("DTSTART") == datetime(2027, 3, 16, 15, 0, tzinfo=PARIS)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=45)
    assert "DTSTART:20270316T140000Z" in raw and "DTEND:20270316T144500Z" in raw  # UTC instants
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert int(event["SEQUENCE"]) == 0 and str(event["STATUS"]) == "CONFIRMED"
    description = str(event["DESCRIPTION"])
    assert "Paris: 2027-03-16 15:00–15:45" in description
    assert "Montréal: 2027-03-16 10:00–10:45" in description  # Montréal changed clocks on 14 March, Paris not yet
    assert duo.duo.visio_link in description
    alarms = event.walk("VALARM")
    assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") == timedelta(minutes=-30)
    # Times are UTC instants: no VTIMEZONE for readers to interpret (nor a 1970–2038 one).
    assert not calendar.walk("VTIMEZONE") and "TZID" not in raw


def test_re_export_keeps_uids_and_reports_changes(demo_workspace, tmp_path: Path) -> None:  # noqa: ANN001
    db = demo_workspace.db
    duo = next(v for v in list_duos(db) if v.partner.city == "Madrid")
    first = tmp_path / "first.ics"
    export_ics(db, first, ExportScope(duo_id=duo.duo.id))
    before = _events(first)
    session_id = next(iter(before)).split("@")[0]
    moved = planning.move_session(db, session_id, planning.get_session(db, session_id).start_utc + timedelta(hours=1))
    other_id = list(before)[1].split("@")[0]
    planning.cancel_session(db, other_id)
    second = tmp_path / "second.ics"
    export_ics(db, second, ExportScope(duo_id=duo.duo.id))
    after = _events(second)
    assert set(after) == set(before)
    assert int(after[session_uid(session_id)]["SEQUENCE"]) == moved.sequence == 1
    assert after[session_uid(session_id)].decoded("DTSTART") == moved.start_utc.astimezone(PARIS)
    assert str(after[session_uid(other_id)]["STATUS"]) == "CANCELLED"
    assert int(after[session_uid(other_id)]["SEQUENCE"]) == 1


def test_scopes_facilitator_and_all(demo_workspace, tmp_path: Path) -> None:  # noqa: ANN001
    db = demo_workspace.db
    duos = list_duos(db)
    camille = next(v.duo.facilitator_id for v in duos if v.facilitator == "Camille Martin")
    everything = export_ics(db, tmp_path / "all.ics", ExportScope())
    mine = export_ics(db, tmp_path / "camille.ics", ExportScope(facilitator_id=camille))
    assert 0 < mine < everything
    summaries = {str(e["SUMMARY"]) for e in _events(tmp_path / "camille.ics").values()}
    assert all("Buenos Aires" not in s for s in summaries)  # school names, not cities, in the summary
    with pytest.raises(NotFoundError):
        export_ics(db, tmp_path / "x.ics", ExportScope(facilitator_id="nobody"))
    assert not (tmp_path / "x.ics").exists()


def test_invitation_is_bilingual_with_both_times(demo_workspace) -> None:  # noqa: ANN001
    db = demo_workspace.db
    duo = next(v for v in list_duos(db) if v.partner.city == "Buenos Aires")
    start = datetime.combine(date(2027, 3, 16), time(15, 0), PARIS).astimezone(UTC)
    text = invitation(duo_calendars(db, duo.duo.id), start, 45, "https://visio.example.org/x?a=1&b=2")
    assert text.second_language == "es"
    assert "mardi 16 mars 2027 à 15:00" in text.body and "martes 16 de marzo de 2027 a las 11:00" in text.body
    assert "https://visio.example.org/x?a=1&b=2" in text.body and duo.facilitator in text.body
    url = text.mailto_url()
    assert url.startswith("mailto:") and " " not in url and "&b=2" not in url.split("body=")[1]
    seoul = next(v for v in list_duos(db) if v.partner.city == "Séoul")
    assert invitation(duo_calendars(db, seoul.duo.id), start, 45, "").second_language == "en"
