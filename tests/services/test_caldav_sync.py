"""CalDAV sync against a real Radicale server started on 127.0.0.1: plan, move, postpone, cancel, delete
pushed with the same UID; server-side changes reported, never overwritten; a server that goes away
mid-sync leaves the rest waiting, pushed by the next sync."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import caldav
import pytest

from classesduo.domain.calendar_identity import session_uid
from classesduo.domain.entities import SessionLog
from classesduo.domain.enums import SessionStatus
from classesduo.domain.exchange_log import LogEntry
from classesduo.services import caldav_sync, planning
from classesduo.services.exchange_log import delete_session, log_session
from classesduo.services.workspace import Workspace
from tests.helpers.radicale import Radicale, radicale_server
from tests.services.log_helpers import make_programme

pytest.importorskip("radicale")

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[Radicale]:
    yield from radicale_server(tmp_path)


def _visio(workspace: Workspace, duo_id: str, day: date) -> str:
    start = datetime.combine(day, time(15, 0), PARIS).astimezone(UTC)
    return planning.create_session(workspace.db, duo_id, start, 45).id


def test_every_change_reaches_the_server_with_the_same_uid(workspace: Workspace, radicale: Radicale) -> None:
    programme = make_programme(workspace)
    db, folder = workspace.db, workspace.paths.data_dir
    first = _visio(workspace, programme.duo_id, date(2026, 11, 17))
    second = _visio(workspace, programme.duo_id, date(2026, 11, 24))
    caldav_sync.connect(folder, radicale.url, "alice")
    state = caldav_sync.load_state(folder)
    assert caldav_sync.pending(db, state) == 2
    report = caldav_sync.sync(db, folder, "secret")
    assert report.complete and sorted(report.pushed) == sorted([session_uid(first), session_uid(second)])
    events = radicale.events()
    assert int(events[session_uid(first)]["SEQUENCE"]) == 0 and "METHOD" not in radicale.client().calendar(
        url=radicale.url).events()[0].data
    assert caldav_sync.pending(db, caldav_sync.load_state(folder)) == 0
    assert stat_mode(caldav_sync.state_path(folder)) == 0o600
    assert "secret" not in caldav_sync.state_path(folder).read_text()

    moved = planning.move_session(db, first, planning.get_session(db, first).start_utc + timedelta(hours=1))
    postponed = log_session(db, second, LogEntry(SessionStatus.POSTPONED, SessionLog(),
                                                 datetime(2026, 12, 1, 14, tzinfo=UTC)), now=NOW)
    report = caldav_sync.sync(db, folder, "secret")
    assert report.complete and len(report.pushed) == 3
    events = radicale.events()
    assert int(events[session_uid(first)]["SEQUENCE"]) == moved.sequence == 1
    assert events[session_uid(first)].decoded("DTSTART") == moved.start_utc
    assert str(events[session_uid(second)]["STATUS"]) == "CANCELLED"
    assert str(events[session_uid(postponed.postponed_to_id)]["STATUS"]) == "CONFIRMED"

    planning.cancel_session(db, postponed.postponed_to_id)
    delete_session(db, first)
    report = caldav_sync.sync(db, folder, "secret")
    assert report.complete and report.deleted == [session_uid(first)]
    events = radicale.events()
    assert session_uid(first) not in events
    assert str(events[session_uid(postponed.postponed_to_id)]["STATUS"]) == "CANCELLED"
    assert [str(e["STATUS"]) for e in events.values()].count("CONFIRMED") == 0


def stat_mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_a_change_made_on_the_server_is_reported_not_overwritten(workspace: Workspace,
                                                                 radicale: Radicale) -> None:
    programme = make_programme(workspace)
    db, folder = workspace.db, workspace.paths.data_dir
    session_id = _visio(workspace, programme.duo_id, date(2026, 11, 17))
    caldav_sync.connect(folder, radicale.url, "alice")
    caldav_sync.sync(db, folder, "secret")
    # Someone edits the event in their calendar app.
    resource = radicale.client().calendar(url=radicale.url).event_by_uid(session_uid(session_id))
    resource.data = resource.data.replace("SUMMARY:", "SUMMARY:[edited] ")
    resource.save()
    report = caldav_sync.sync(db, folder, "secret")
    assert report.conflicts == [(session_uid(session_id), "changed on the server")]
    planning.move_session(db, session_id, planning.get_session(db, session_id).start_utc + timedelta(hours=1))
    report = caldav_sync.sync(db, folder, "secret")
    assert not report.pushed and report.conflicts[0][0] == session_uid(session_id)
    assert "not overwritten" in report.conflicts[0][1]
    assert str(radicale.events()[session_uid(session_id)]["SUMMARY"]).startswith("[edited]")
    # The user chooses to push ours.
    report = caldav_sync.sync(db, folder, "secret", force=[session_uid(session_id)])
    assert report.pushed == [session_uid(session_id)] and not report.conflicts
    assert not str(radicale.events()[session_uid(session_id)]["SUMMARY"]).startswith("[edited]")


def test_a_server_that_goes_away_mid_sync_and_offline_work(workspace: Workspace, radicale: Radicale) -> None:
    programme = make_programme(workspace)
    db, folder = workspace.db, workspace.paths.data_dir
    ids = [_visio(workspace, programme.duo_id, date(2026, 11, 3) + timedelta(days=7 * n)) for n in range(4)]
    caldav_sync.connect(folder, radicale.url, "alice")

    class StopsAfterOnePut(caldav.DAVClient):
        puts = 0

        def put(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            if StopsAfterOnePut.puts == 1:
                radicale.stop()  # the server goes away between two requests
            StopsAfterOnePut.puts += 1
            return super().put(*args, **kwargs)

    report = caldav_sync.sync(db, folder, "secret", client_factory=StopsAfterOnePut)
    assert report.offline and len(report.pushed) == 1 and report.waiting == 3
    assert caldav_sync.pending(db, caldav_sync.load_state(folder)) == 3
    # Offline: work goes on, and a sync while the server is away changes nothing.
    planning.move_session(db, ids[0], planning.get_session(db, ids[0]).start_utc + timedelta(hours=1))
    report = caldav_sync.sync(db, folder, "secret")
    assert report.offline and report.waiting == 4 and not report.pushed
    radicale.start()
    report = caldav_sync.sync(db, folder, "secret")
    assert report.complete and len(report.pushed) == 4
    events = radicale.events()
    assert set(events) == {session_uid(i) for i in ids}
    assert int(events[session_uid(ids[0])]["SEQUENCE"]) == 1


def test_without_a_connection_or_password(workspace: Workspace, monkeypatch: pytest.MonkeyPatch,
                                          radicale: Radicale) -> None:
    folder = workspace.paths.data_dir
    with pytest.raises(caldav_sync.SyncUnavailable):
        caldav_sync.sync(workspace.db, folder, "secret")
    caldav_sync.connect(folder, radicale.url, "alice")
    monkeypatch.delenv(caldav_sync.PASSWORD_ENV, raising=False)
    monkeypatch.setattr(caldav_sync, "_keyring", lambda: None)
    with pytest.raises(caldav_sync.SyncUnavailable, match="password"):
        caldav_sync.sync(workspace.db, folder)
    with pytest.raises(caldav_sync.ServiceError, match="user name or password"):
        caldav_sync.sync(workspace.db, folder, "wrong")
    with pytest.raises(caldav_sync.ServiceError, match="https://"):
        caldav_sync.connect(folder, "ftp://example.org/", "alice")


def test_the_sync_command(workspace: Workspace, radicale: Radicale, monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str]) -> None:
    from classesduo.cli import main

    programme = make_programme(workspace)
    session_id = _visio(workspace, programme.duo_id, date(2026, 11, 17))
    folder = str(workspace.paths.data_dir)
    database = ["--db-url", workspace.db.url]  # the fixture's database (SQLite or PostgreSQL), not the folder's default
    monkeypatch.setattr(caldav_sync, "_keyring", lambda: None)  # no keyring: asked, or the environment
    monkeypatch.setenv(caldav_sync.PASSWORD_ENV, "secret")
    monkeypatch.setattr("getpass.getpass", lambda prompt: "secret")
    assert main(["--data-dir", folder, *database, "sync", "--connect", radicale.url, "--user", "alice"]) == 0
    out = capsys.readouterr().out
    assert "asked at each sync" in out and "1 pushed" in out
    assert session_uid(session_id) in radicale.events()
    assert main(["--data-dir", folder, *database, "sync", "--status"]) == 0
    assert "0 changes waiting" in capsys.readouterr().out
    radicale.stop()
    planning.cancel_session(workspace.db, session_id)
    assert main(["--data-dir", folder, *database, "sync"]) == 1
    captured = capsys.readouterr()
    assert "1 waiting" in captured.out and "did not answer" in captured.err
