"""One calendar identity per session, read back with three independent parsers after every step.

plan → move → postpone → cancel: the UID stays, SEQUENCE rises by one at each step from every
path (form, drag, exchange log, series, CSV, bundle), at most one instance is confirmed, and the
instants are the session's real ones — including the fold of 25 Oct 2026 and the gap of 28 Mar 2027.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
import vobject

from classesduo.domain.calendar_identity import calendar_changed, next_sequence, session_uid
from classesduo.domain.entities import SessionLog
from classesduo.domain.enums import SessionStatus
from classesduo.domain.exchange_log import LogEntry
from classesduo.services import planning, sessions
from classesduo.services.exchange_log import log_session
from classesduo.services.ics_export import ExportScope, build_calendar, export_ics
from classesduo.services.workspace import Workspace
from tests.services.log_helpers import make_programme

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)  # the log is written before any of these sessions


def _icalendar(data: bytes) -> list[tuple[str, int, str, datetime, datetime]]:
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["METHOD"]) == "PUBLISH"
    return sorted((str(e["UID"]), int(e["SEQUENCE"]), str(e["STATUS"]), e.decoded("DTSTART").astimezone(UTC),
                   e.decoded("DTEND").astimezone(UTC)) for e in calendar.walk("VEVENT"))


def _vobject(data: bytes) -> list[tuple[str, int, str, datetime, datetime]]:
    calendar = vobject.readOne(data.decode("utf-8"))
    assert calendar.method.value == "PUBLISH"
    return sorted((e.uid.value, int(e.sequence.value), e.status.value, e.dtstart.value.astimezone(UTC),
                   e.dtend.value.astimezone(UTC)) for e in calendar.contents.get("vevent", []))


def _confirmed_by_recurring_ical_events(data: bytes) -> list[tuple[datetime, datetime]]:
    calendar = icalendar.Calendar.from_ical(data)
    events = recurring_ical_events.of(calendar).between(datetime(2026, 1, 1, tzinfo=UTC),
                                                       datetime(2028, 1, 1, tzinfo=UTC))
    return sorted((e.decoded("DTSTART").astimezone(UTC), e.decoded("DTEND").astimezone(UTC))
                  for e in events if str(e.get("STATUS")) == "CONFIRMED")


def _read(data: bytes) -> list[tuple[str, int, str, datetime, datetime]]:
    """The events as every parser reads them (they must agree)."""
    by_icalendar = _icalendar(data)
    assert _vobject(data) == by_icalendar
    confirmed = [(start, end) for _uid, _seq, status, start, end in by_icalendar if status == "CONFIRMED"]
    assert _confirmed_by_recurring_ical_events(data) == sorted(confirmed)
    return by_icalendar


def _export(workspace: Workspace, duo_id: str, tmp_path: Path) -> dict[str, tuple[int, str, datetime, datetime]]:
    target = tmp_path / "duo.ics"
    export_ics(workspace.db, target, ExportScope(duo_id=duo_id))
    return {uid: tuple(rest) for uid, *rest in _read(target.read_bytes())}


def _log(status: SessionStatus, postponed_to: datetime | None = None) -> LogEntry:
    return LogEntry(status, SessionLog(cancel_reason="other" if status is SessionStatus.CANCELLED else ""),
                    postponed_to)


def test_plan_move_postpone_cancel_keeps_one_identity(workspace: Workspace, tmp_path: Path) -> None:
    programme = make_programme(workspace)
    db = workspace.db
    first = datetime.combine(date(2026, 11, 17), time(15, 0), PARIS).astimezone(UTC)
    created = planning.create_session(db, programme.duo_id, first, 45)
    uid = session_uid(created.id)
    events = _export(workspace, programme.duo_id, tmp_path)
    assert events == {uid: (0, "CONFIRMED", first, first + timedelta(minutes=45))}

    moved_to = first + timedelta(days=1)  # the drag in the calendar and the form both call move_session
    planning.move_session(db, created.id, moved_to)
    events = _export(workspace, programme.duo_id, tmp_path)
    assert events == {uid: (1, "CONFIRMED", moved_to, moved_to + timedelta(minutes=45))}

    new_time = moved_to + timedelta(days=7)
    postponed = log_session(db, created.id, _log(SessionStatus.POSTPONED, new_time), now=NOW)
    events = _export(workspace, programme.duo_id, tmp_path)
    replacement = session_uid(postponed.postponed_to_id)
    # The original is cancelled at its old time (SEQUENCE up), the new date is its own event.
    assert events == {uid: (2, "CANCELLED", moved_to, moved_to + timedelta(minutes=45)),
                      replacement: (0, "CONFIRMED", new_time, new_time + timedelta(minutes=45))}

    log_session(db, postponed.postponed_to_id, _log(SessionStatus.CANCELLED), now=NOW)
    events = _export(workspace, programme.duo_id, tmp_path)
    assert events[uid][:2] == (2, "CANCELLED")
    assert events[replacement][:2] == (1, "CANCELLED")
    assert [status for _seq, status, *_ in events.values()].count("CONFIRMED") == 0


def test_a_cancellation_from_the_exchange_log_raises_sequence_once(workspace: Workspace) -> None:
    programme = make_programme(workspace)
    start = datetime.combine(date(2026, 11, 17), time(15, 0), PARIS).astimezone(UTC)
    created = planning.create_session(workspace.db, programme.duo_id, start, 45)
    cancelled = log_session(workspace.db, created.id, _log(SessionStatus.CANCELLED), now=NOW)
    assert cancelled.sequence == 1
    # Editing only the log's text afterwards is invisible to calendars: no new SEQUENCE.
    again = log_session(workspace.db, created.id, LogEntry(SessionStatus.CANCELLED, SessionLog(
        cancel_reason="other", notes="the partner school was closed")), now=NOW)
    assert again.sequence == 1
    # Moving the replacement of a postponement again raises it once, not twice.
    other = planning.create_session(workspace.db, programme.duo_id, start + timedelta(days=7), 45)
    first = log_session(workspace.db, other.id, _log(SessionStatus.POSTPONED, start + timedelta(days=14)), now=NOW)
    log_session(workspace.db, other.id, _log(SessionStatus.POSTPONED, start + timedelta(days=15)), now=NOW)
    assert planning.get_session(workspace.db, first.postponed_to_id).sequence == 1
    assert planning.get_session(workspace.db, other.id).sequence == 1


def test_a_form_save_raises_sequence_on_a_visible_change_only(workspace: Workspace) -> None:
    programme = make_programme(workspace)
    start = datetime.combine(date(2026, 11, 17), time(15, 0), PARIS).astimezone(UTC)
    created = planning.create_session(workspace.db, programme.duo_id, start, 45)
    created.minutes = 60
    longer = sessions.save_session(workspace.db, created)
    assert longer.sequence == 1
    assert sessions.save_session(workspace.db, longer).sequence == 1


@pytest.mark.parametrize(("local", "fold", "minutes", "start_z", "end_z"), [
    # 25 Oct 2026: 02:30 happens twice in Paris; 45 minutes last 45 minutes across the change.
    (datetime(2026, 10, 25, 2, 30), 0, 45, datetime(2026, 10, 25, 0, 30), datetime(2026, 10, 25, 1, 15)),
    (datetime(2026, 10, 25, 2, 30), 1, 45, datetime(2026, 10, 25, 1, 30), datetime(2026, 10, 25, 2, 15)),
    (datetime(2026, 10, 25, 1, 50), 0, 60, datetime(2026, 10, 24, 23, 50), datetime(2026, 10, 25, 0, 50)),
    # 28 Mar 2027: 02:00–03:00 does not exist; a visio at 01:30 CET ends at 03:15 CEST.
    (datetime(2027, 3, 28, 1, 30), 0, 45, datetime(2027, 3, 28, 0, 30), datetime(2027, 3, 28, 1, 15)),
    (datetime(2027, 3, 28, 3, 30), 0, 45, datetime(2027, 3, 28, 1, 30), datetime(2027, 3, 28, 2, 15)),
])
def test_clock_change_nights_land_on_the_real_instants(workspace: Workspace, local: datetime, fold: int,
                                                      minutes: int, start_z: datetime, end_z: datetime) -> None:
    programme = make_programme(workspace)
    start = local.replace(tzinfo=PARIS, fold=fold).astimezone(UTC)
    assert start == start_z.replace(tzinfo=UTC)
    planning.create_session(workspace.db, programme.duo_id, start, minutes)
    data = build_calendar(sessions.list_sessions(workspace.db, duo_id=programme.duo_id))
    ((_uid, _seq, _status, read_start, read_end),) = _read(data)
    assert (read_start, read_end) == (start_z.replace(tzinfo=UTC), end_z.replace(tzinfo=UTC))
    # Written as UTC instants, so no reader depends on a VTIMEZONE's transition rules.
    assert "DTSTART:" + start_z.strftime("%Y%m%dT%H%M%SZ") in data.decode()
    assert b"VTIMEZONE" not in data


def test_the_sequence_rule() -> None:
    start = datetime(2026, 11, 17, 14, tzinfo=UTC)
    assert calendar_changed({"start_utc": start}, {"start_utc": start + timedelta(minutes=15)})
    assert not calendar_changed({"start_utc": start.replace(tzinfo=None)}, {"start_utc": start})
    assert calendar_changed({"status": SessionStatus.PLANNED}, {"status": "cancelled"})
    assert not calendar_changed({"status": SessionStatus.CANCELLED}, {"status": "cancelled", "notes": "x"})
    assert next_sequence(3, 3, True) == 4 and next_sequence(3, 4, True) == 4  # once, even if already raised
    assert next_sequence(3, 5, True) == 5 and next_sequence(3, 1, False) == 3  # never down


def test_a_bundle_keeps_the_other_laptops_sequence_or_raises_it_once(demo_workspace: Workspace,
                                                                     workspace: Workspace, tmp_path: Path) -> None:
    from classesduo.services.bundles import export_bundle, import_bundle

    db = demo_workspace.db
    export_bundle(demo_workspace, tmp_path / "first.zip")
    import_bundle(workspace, tmp_path / "first.zip")
    one, two = [view.session for view in sessions.list_sessions(db, statuses=(SessionStatus.PLANNED,))][-2:]
    # Laptop B moves session two first; laptop A then moves both, and sends a bundle.
    planning.move_session(workspace.db, two.id, two.start_utc + timedelta(hours=2))
    planning.move_session(db, one.id, one.start_utc + timedelta(hours=1))
    planning.move_session(db, two.id, two.start_utc + timedelta(hours=1))
    export_bundle(demo_workspace, tmp_path / "second.zip")
    summary = import_bundle(workspace, tmp_path / "second.zip")
    # One change on A only: B takes A's SEQUENCE (already raised once), not one more.
    assert planning.get_session(workspace.db, one.id).sequence == one.sequence + 1
    # Both changed it: a conflict, B keeps its own until the user takes A's version...
    assert [c.id for c in summary.conflicts] == [two.id]
    assert planning.get_session(workspace.db, two.id).sequence == two.sequence + 1
    import_bundle(workspace, tmp_path / "second.zip", take_theirs={two.id})
    # ...which differs from what B's calendars have, so SEQUENCE is raised above B's.
    assert planning.get_session(workspace.db, two.id).sequence == two.sequence + 2
