"""Subscription feeds: one .ics per facilitator, per school and for the programme; stale ones removed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from classesduo.cli import main
from classesduo.domain.calendar_identity import session_uid
from classesduo.domain.enums import SessionKind
from classesduo.services import planning
from classesduo.services.duos import list_duos
from classesduo.services.facilitators import list_facilitators
from classesduo.services.feeds import MANIFEST, PROGRAMME_FILE, write_feeds
from classesduo.services.schools import list_schools
from classesduo.services.sessions import list_sessions
from classesduo.services.workspace import Workspace


def _uids(path: Path) -> set[str]:
    calendar = Calendar.from_ical(path.read_bytes())
    assert str(calendar["METHOD"]) == "PUBLISH"
    return {str(event["UID"]) for event in calendar.walk("VEVENT")}


def test_one_feed_per_facilitator_school_and_the_programme(demo_workspace: Workspace, tmp_path: Path) -> None:
    db = demo_workspace.db
    folder = tmp_path / "feeds"
    (folder / "notes").mkdir(parents=True)
    (folder / "keep.ics").write_text("mine")  # not ours: never touched
    result = write_feeds(db, folder)
    names = {path.name for path in result.written}
    schools, facilitators = list_schools(db), list_facilitators(db)
    assert len(names) == 1 + len(schools) + len(facilitators)
    visios = {session_uid(v.session.id) for v in list_sessions(db) if v.session.kind is SessionKind.VISIO}
    assert _uids(folder / PROGRAMME_FILE) == visios
    duo = next(v for v in list_duos(db) if v.partner.city == "Madrid")
    madrid = next(s for s in schools if s.name == duo.partner.school)
    (school_feed,) = [folder / n for n in names if n.startswith("school-") and n.endswith(f"-{madrid.id[:8]}.ics")]
    assert _uids(school_feed) == {session_uid(v.session.id) for v in list_sessions(db, duo_id=duo.duo.id)
                                  if v.session.kind is SessionKind.VISIO}
    facilitator = next(f for f in facilitators if f.id == duo.duo.facilitator_id)
    (mine,) = [folder / n for n in names if n.startswith("facilitator-") and facilitator.id[:8] in n]
    mine_uids = _uids(mine)
    assert _uids(school_feed) <= mine_uids < visios

    # A move shows in every feed with a higher SEQUENCE; a feed whose reason is gone is removed.
    session = next(v.session for v in list_sessions(db, duo_id=duo.duo.id) if v.session.kind is SessionKind.VISIO)
    planning.move_session(db, session.id, session.start_utc + timedelta(hours=1))
    stale = folder / "school-gone-00000000.ics"
    stale.write_text("old")
    (folder / MANIFEST).write_text((folder / MANIFEST).read_text().replace("[", '["school-gone-00000000.ics",', 1))
    result = write_feeds(db, folder)
    assert result.removed == [stale] and not stale.exists() and (folder / "keep.ics").read_text() == "mine"
    event = next(e for e in Calendar.from_ical(mine.read_bytes()).walk("VEVENT")
                 if str(e["UID"]) == session_uid(session.id))
    assert int(event["SEQUENCE"]) == session.sequence + 1


def test_the_feed_command(demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(demo_dir), "feed", "--out", str(tmp_path / "f")]) == 0
    assert "feeds written" in capsys.readouterr().out and (tmp_path / "f" / PROGRAMME_FILE).exists()
    (tmp_path / "file").write_text("x")
    assert main(["--data-dir", str(demo_dir), "feed", "--out", str(tmp_path / "file")]) == 2
