from datetime import date

from sqlalchemy import func, select

from classesduo.domain.enums import SessionStatus, Side
from classesduo.services.demo import load_demo
from classesduo.services.duos import list_duos
from classesduo.services.schools import list_schools
from classesduo.services.serialize import duo_dict, session_dict
from classesduo.services.sessions import list_sessions
from classesduo.services.workspace import Workspace, open_workspace
from classesduo.storage.models import Base

from tests.conftest import DEMO_TODAY


def _counts(workspace: Workspace) -> dict[str, int]:
    with workspace.db.reading() as session:
        return {table.name: session.scalar(select(func.count()).select_from(table))
                for table in Base.metadata.sorted_tables}


def test_demo_is_a_realistic_programme(demo_workspace: Workspace) -> None:
    all_schools = list_schools(demo_workspace.db)
    paris = [s for s in all_schools if s.side is Side.PARIS]
    partners = [s for s in all_schools if s.side is Side.PARTNER]
    assert len(paris) >= 10 and len(partners) >= 10
    assert len({s.arrondissement for s in paris}) >= 8
    assert {"Buenos Aires", "Montréal", "Tokyo", "Dakar", "Madrid", "Séoul"} <= {s.city for s in partners}
    sessions = [view.session for view in list_sessions(demo_workspace.db)]
    statuses = {s.status for s in sessions}
    assert {SessionStatus.HELD, SessionStatus.CANCELLED, SessionStatus.PLANNED} <= statuses
    assert all(s.start_utc.tzinfo is not None for s in sessions)
    held = [s for s in sessions if s.status is SessionStatus.HELD]
    assert all(s.log.present_paris is not None for s in held)
    assert all(s.start_utc.date() < DEMO_TODAY for s in held)
    counts = _counts(demo_workspace)
    assert counts["media_item"] > 0 and counts["term"] == 3
    media_dir = demo_workspace.paths.media_dir
    assert len([p for p in media_dir.rglob("*.png")]) == counts["media_item"]


def test_loading_twice_adds_nothing(demo_workspace: Workspace) -> None:
    before = _counts(demo_workspace)
    summary = load_demo(demo_workspace, today=DEMO_TODAY)
    assert summary.total_added == 0
    assert _counts(demo_workspace) == before


def test_demo_is_deterministic(tmp_path, demo_workspace: Workspace) -> None:
    other = open_workspace(str(tmp_path / "other"))
    load_demo(other, today=DEMO_TODAY)
    first = [duo_dict(v) for v in list_duos(demo_workspace.db)]
    second = [duo_dict(v) for v in list_duos(other.db)]
    assert first == second
    assert [session_dict(v) for v in list_sessions(demo_workspace.db)] == [
        session_dict(v) for v in list_sessions(other.db)]
    other.close()


def test_sessions_follow_paris_wall_clock_across_dst(demo_workspace: Workspace) -> None:
    from zoneinfo import ZoneInfo

    visio = [v.session for v in list_sessions(demo_workspace.db) if v.session.kind.value == "visio"]
    local_hours = {s.start_utc.astimezone(ZoneInfo("Europe/Paris")).hour for s in visio}
    utc_hours = {s.start_utc.hour for s in visio}
    assert local_hours == {15}
    assert utc_hours == {13, 14}  # summer and winter time
    assert date(2026, 10, 27) not in {s.start_utc.date() for s in visio}  # Toussaint holidays
