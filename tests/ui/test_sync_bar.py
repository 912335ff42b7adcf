"""The calendar's CalDAV line against a real Radicale server: connect, push each change, show the state."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from classesduo.domain.calendar_identity import session_uid
from classesduo.services import caldav_sync, planning
from tests.helpers.radicale import Radicale, radicale_server
from tests.services.log_helpers import make_programme

from .conftest import FakeDialogs

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def radicale(tmp_path: Path) -> Iterator[Radicale]:
    yield from radicale_server(tmp_path)


def test_connect_push_each_change_and_show_the_state(make_window, data_dir: Path, radicale: Radicale,
                                                     qtbot, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(caldav_sync, "_keyring", lambda: None)  # no keyring: the password stays in memory
    monkeypatch.delenv(caldav_sync.PASSWORD_ENV, raising=False)
    window = make_window(data_dir, dialogs=FakeDialogs(confirm_answer=False))
    window.nav.setCurrentRow(3)
    page = window.pages["calendar"]
    bar = page.sync_bar
    assert "No CalDAV calendar connected" in bar.label.text() and bar.sync_button.isHidden()
    programme = make_programme(window.workspace)
    created = planning.create_session(window.workspace.db, programme.duo_id,
                                      datetime(2026, 11, 17, 15, tzinfo=PARIS).astimezone(UTC), 45)

    def fill(dialog) -> int:  # noqa: ANN001
        assert "No system keyring" in dialog.note.text()
        dialog.url.setText(radicale.url)
        dialog.user.setText("alice")
        dialog.password.setText("secret")
        return 1

    bar.run_dialog = fill
    bar.connect_calendar()
    qtbot.waitUntil(lambda: bar.operation is None and "up to date" in bar.label.text(), timeout=20_000)
    assert session_uid(created.id) in radicale.events()
    assert "secret" not in caldav_sync.state_path(window.workspace.paths.data_dir).read_text()

    # A change made in the window is pushed at once (the password is known for this run).
    moved = planning.move_session(window.workspace.db, created.id, created.start_utc + timedelta(hours=1))
    page._after_change(programme.duo_id)
    qtbot.waitUntil(lambda: bar.operation is None and "up to date" in bar.label.text(), timeout=20_000)
    assert int(radicale.events()[session_uid(created.id)]["SEQUENCE"]) == moved.sequence == 1

    # The server goes away: the change waits, and the line says so.
    radicale.stop()
    planning.cancel_session(window.workspace.db, created.id)
    page._after_change(programme.duo_id)
    qtbot.waitUntil(lambda: bar.operation is None and "did not answer" in bar.label.text(), timeout=20_000)
    assert "1 change waiting" in bar.label.text()  # the singular in English, no "(s)"
    radicale.start()
    bar.sync_button.click()
    qtbot.waitUntil(lambda: bar.operation is None and "up to date" in bar.label.text(), timeout=20_000)
    assert str(radicale.events()[session_uid(created.id)]["STATUS"]) == "CANCELLED"
