from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError, StatementError

from classesduo.domain.enums import Side
from classesduo.services.workspace import Workspace
from classesduo.storage.models import ClassGroupRow, FacilitatorRow, SchoolRow


@pytest.mark.sqlite_only
def test_sqlite_runs_with_foreign_keys_wal_and_busy_timeout(workspace: Workspace) -> None:
    with workspace.db.reading() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_foreign_keys_are_enforced(workspace: Workspace) -> None:
    with pytest.raises(IntegrityError):
        with workspace.db.transaction() as session:
            session.add(ClassGroupRow(school_id="no-such-school", name="CM1", level="CM1"))


@pytest.mark.sqlite_only
def test_instants_are_stored_in_utc_and_come_back_aware(workspace: Workspace) -> None:
    from classesduo.storage.models import TermRow

    paris_summer = timezone(timedelta(hours=2))
    with workspace.db.transaction() as session:
        row = FacilitatorRow(name="Awa", created_at=datetime(2026, 6, 1, 15, 0, tzinfo=paris_summer))
        session.add(row)
    with workspace.db.reading() as session:
        stored = session.scalar(select(FacilitatorRow))
        assert stored.created_at == datetime(2026, 6, 1, 13, 0, tzinfo=UTC)
        assert stored.created_at.tzinfo is not None
        raw = session.execute(text("SELECT created_at FROM facilitator")).scalar()
        assert raw.startswith("2026-06-01 13:00:00")
    assert TermRow  # imported for the mapper registry


def test_naive_datetimes_are_refused(workspace: Workspace) -> None:
    with pytest.raises(StatementError, match="naive datetime"):
        with workspace.db.transaction() as session:
            session.add(FacilitatorRow(name="Awa", created_at=datetime(2026, 6, 1, 15, 0)))


def test_every_row_gets_a_uuid_and_stamps(workspace: Workspace) -> None:
    with workspace.db.transaction() as session:
        school = SchoolRow(name="École", side=Side.PARIS, city="Paris", country="FR", timezone="Europe/Paris",
                           arrondissement=4)
        session.add(school)
        session.flush()
        assert len(school.id) == 36 and school.id.count("-") == 4
        assert school.created_at is not None and school.updated_at is not None
        assert school.version == 1
