"""Erasing a duo removes its rows, files and thumbnails, and its text from the database file itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from classesduo.domain.enums import SessionStatus
from classesduo.services.duos import list_duos
from classesduo.services.erase import erase_duo
from classesduo.services.errors import NotFoundError
from classesduo.services.workspace import Workspace
from classesduo.storage.models import ExchangeSessionRow, MediaItemRow

SECRET = "Zorglub-7f3a-unique-log-text"


def _db_bytes(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in data_dir.glob("classesduo.sqlite3*"))


def test_erase_duo_removes_everything_it_owned(demo_workspace: Workspace) -> None:
    workspace = demo_workspace
    victim, other = (view.duo.id for view in list_duos(workspace.db)[:2])
    with workspace.db.transaction() as session:
        logged = session.scalars(select(ExchangeSessionRow).where(ExchangeSessionRow.duo_id == victim,
                                                                  ExchangeSessionRow.status == SessionStatus.HELD)
                                 ).first()
        logged.notes = SECRET * 20
        media = session.scalars(select(MediaItemRow).where(MediaItemRow.duo_id == victim)).all()
        shared = MediaItemRow(**{c.name: getattr(media[0], c.name) for c in MediaItemRow.__table__.columns
                                 if c.name not in {"id", "duo_id", "session_id"}}, duo_id=other)
        session.add(shared)  # the same file also belongs to another duo: it must stay
    files = [workspace.media.path_of(item.stored_name) for item in media]
    thumbnail = workspace.paths.thumbnails_dir / f"{media[1].file_hash}-256.jpg"
    thumbnail.parent.mkdir(parents=True, exist_ok=True)
    thumbnail.write_bytes(b"thumb")
    assert SECRET.encode() in _db_bytes(workspace.paths.data_dir)

    summary = erase_duo(workspace, victim)

    assert summary.sessions > 0 and summary.media_items == len(media) and summary.files_removed == len(media) - 1
    with workspace.db.reading() as session:
        assert session.scalar(select(func.count()).where(ExchangeSessionRow.duo_id == victim)) == 0
        assert session.scalar(select(func.count()).where(MediaItemRow.duo_id == victim)) == 0
    assert victim not in {view.duo.id for view in list_duos(workspace.db)}
    assert files[0].exists() and not any(f.exists() for f in files[1:])
    assert not thumbnail.exists()
    assert SECRET.encode() not in _db_bytes(workspace.paths.data_dir)


def test_erasing_an_unknown_duo_changes_nothing(workspace: Workspace) -> None:
    with pytest.raises(NotFoundError):
        erase_duo(workspace, "no-such-duo")
    assert not workspace.paths.backups_dir.exists() or not any(workspace.paths.backups_dir.iterdir())


def test_erase_works_on_every_backend(workspace: Workspace) -> None:
    from classesduo.services.demo import load_demo
    from tests.conftest import DEMO_TODAY

    load_demo(workspace, today=DEMO_TODAY)
    victim = next(view.duo.id for view in list_duos(workspace.db)
                  if view.duo.id in _duos_with_media(workspace))
    summary = erase_duo(workspace, victim)
    assert summary.sessions > 0 and summary.media_items > 0
    assert victim not in {view.duo.id for view in list_duos(workspace.db)}
    with workspace.db.reading() as session:
        assert session.scalar(select(func.count()).where(MediaItemRow.duo_id == victim)) == 0


def _duos_with_media(workspace: Workspace) -> set[str]:
    with workspace.db.reading() as session:
        return set(session.scalars(select(MediaItemRow.duo_id)))
