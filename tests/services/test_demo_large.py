from sqlalchemy import func, select

from classesduo.services.demo_large import TINY, load_large_demo
from classesduo.services.workspace import Workspace, open_workspace
from classesduo.storage.models import Base


def _snapshot(workspace: Workspace) -> dict[str, list]:
    with workspace.db.reading() as session:
        snapshot = {}
        for table in Base.metadata.sorted_tables:
            # Bookkeeping, not content: clocks, and change ids that are unique per change by design.
            columns = [c for c in table.c if c.name not in {"created_at", "updated_at", "change_history"}]
            snapshot[table.name] = sorted(map(tuple, session.execute(select(*columns)).all()), key=repr)
        return snapshot


def test_large_demo_shape_at_tiny_scale(workspace: Workspace) -> None:
    written = load_large_demo(workspace, TINY)
    assert written["school"] == 2 * TINY.schools_per_side
    assert written["class_group"] == 4 * TINY.schools_per_side
    assert written["duo"] == TINY.duos
    assert written["exchange_session"] == TINY.duos * TINY.sessions_per_duo
    assert written["media_item"] == TINY.duos * TINY.media_per_duo
    with workspace.db.reading() as session:
        counts = {t.name: session.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}
    assert all(counts[name] == count for name, count in written.items())
    assert len(list(workspace.paths.media_dir.rglob("*.png"))) == TINY.real_images
    assert load_large_demo(workspace, TINY) == {}  # a second load adds nothing


def test_large_demo_is_deterministic(tmp_path, workspace: Workspace) -> None:
    other = open_workspace(str(tmp_path / "other"))
    load_large_demo(workspace, TINY)
    load_large_demo(other, TINY)
    assert _snapshot(workspace) == _snapshot(other)
    other.close()


def test_large_demo_codes_read_back_as_codes(workspace: Workspace) -> None:
    """Languages, tools and tags are lists of codes (once they were strings split letter by letter: "f,r,,,e,s")."""
    from classesduo.domain.enums import SessionStatus
    from classesduo.services.duos import list_duos
    from classesduo.services.sessions import list_sessions

    load_large_demo(workspace, TINY)
    duo = list_duos(workspace.db)[0].duo
    assert duo.languages == ["fr", "es"] and duo.tools == ["email", "visio", "blog"]
    held = next(v.session for v in list_sessions(workspace.db, statuses=(SessionStatus.HELD,)))
    assert held.log.languages_used == ["fr"] and all(len(tag) > 1 for tag in held.log.activity_tags)
