"""Preferences › Calendar feeds folder: the feeds are rewritten after every change made in the window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Calendar

from classesduo.domain.calendar_identity import session_uid
from classesduo.services import planning
from classesduo.services.duos import list_duos
from classesduo.settings import Settings
from classesduo.ui.preferences_dialog import PreferencesDialog


def _sequence(path: Path, uid: str) -> int | None:
    if not path.exists():
        return None
    events = {str(e["UID"]): e for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}
    return int(events[uid]["SEQUENCE"]) if uid in events else None


def test_feeds_follow_every_change(make_window, demo_dir: Path, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    folder = tmp_path / "feeds"
    dialog = PreferencesDialog(Settings(demo_offered=True))
    dialog.feed_folder.setText(f" {folder} ")
    settings = dialog.result_settings()
    assert settings.feed_folder == str(folder)
    dialog.close()
    window = make_window(demo_dir, settings=settings)
    window.nav.setCurrentRow(3)
    page = window.pages["calendar"]
    db = window.workspace.db
    duo = next(v for v in list_duos(db) if v.partner.city == "Madrid")
    created = planning.create_session(db, duo.duo.id, datetime(2027, 3, 10, 14, tzinfo=UTC), 45)
    page._after_change(duo.duo.id)
    programme = folder / "programme.ics"
    qtbot.waitUntil(lambda: _sequence(programme, session_uid(created.id)) == 0, timeout=20_000)
    planning.move_session(db, created.id, created.start_utc + timedelta(hours=1))
    page._after_change(duo.duo.id)
    qtbot.waitUntil(lambda: _sequence(programme, session_uid(created.id)) == 1, timeout=20_000)
    assert any(p.name.startswith("facilitator-") for p in folder.iterdir())
