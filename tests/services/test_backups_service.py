"""Backups as the user sees them: daily at start-up, before migrations and risky actions, restore, damage."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from classesduo.domain.entities import Facilitator
from classesduo.paths import AppPaths
from classesduo.services import backups as service
from classesduo.services.errors import ServiceError
from classesduo.services.facilitators import list_facilitators, save_facilitator
from classesduo.services.workspace import DatabaseDamagedError, Workspace, open_workspace
from classesduo.storage import migrations
from classesduo.storage.backups import integrity_problems, list_backups

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


@pytest.mark.sqlite_only
def test_start_up_backup_only_when_the_last_is_a_day_old(workspace: Workspace) -> None:
    first = service.backup_if_due(workspace, now=NOW)
    assert first is not None and integrity_problems(first) == []
    assert service.backup_if_due(workspace, now=NOW + timedelta(hours=23)) is None
    assert service.backup_if_due(workspace, now=NOW + timedelta(hours=25)) is not None
    assert len(list_backups(workspace.paths.backups_dir)) == 2


def test_backup_before_does_nothing_on_a_server(workspace: Workspace) -> None:
    result = service.backup_before(workspace, "import", now=NOW)
    if workspace.db.is_sqlite:
        assert result is not None and "before-import" in result.name
    else:
        assert result is None
        with pytest.raises(ServiceError, match="pg_dump"):
            service.backup_now(workspace)


def test_restore_round_trip_backs_up_the_current_state_first(data_dir: Path) -> None:
    workspace = open_workspace(str(data_dir))
    save_facilitator(workspace.db, Facilitator(name="Before"))
    backup = service.backup_now(workspace, now=NOW)
    save_facilitator(workspace.db, Facilitator(name="After"))
    workspace.close()
    result = service.restore(AppPaths.resolve(data_dir), backup, now=NOW + timedelta(minutes=1))
    assert result.safety_backup is not None and result.moved_aside is None
    workspace = open_workspace(str(data_dir))
    assert [p.name for p in list_facilitators(workspace.db)] == ["Before"]
    workspace.close()
    # the safety backup holds the state just before the restore
    service.restore(AppPaths.resolve(data_dir), result.safety_backup)
    workspace = open_workspace(str(data_dir))
    assert sorted(p.name for p in list_facilitators(workspace.db)) == ["After", "Before"]
    workspace.close()


def test_ensure_schema_backs_up_an_existing_database_before_upgrading(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    paths = AppPaths.resolve(tmp_path)
    paths.ensure()
    url = f"sqlite:///{paths.database}"
    migrations.upgrade(url, "0001")
    calls: list[str] = []
    monkeypatch.setattr(migrations, "SCHEMA_HEAD", "0002_pretend")
    monkeypatch.setattr(migrations, "upgrade", lambda url, revision="head": calls.append(url))
    assert migrations.ensure_schema(url, paths.backups_dir) is True
    assert calls == [url]
    assert [b.reason for b in list_backups(paths.backups_dir)] == ["before-migration-0001"]
    # a brand-new database has nothing to back up
    fresh = AppPaths.resolve(tmp_path / "fresh")
    fresh.ensure()
    monkeypatch.setattr(migrations, "SCHEMA_HEAD", "0001")
    migrations.ensure_schema(f"sqlite:///{fresh.database}", fresh.backups_dir)
    assert list_backups(fresh.backups_dir) == []


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3 + 100])


def _zero_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)
    path.write_bytes(bytes(data))


def _flip_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    for number in range(1, len(data) // page):  # every page but the first: b-tree headers and cells
        for offset in range(0, 24, 3):
            data[number * page + offset] ^= 0xA5
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [_truncate, _zero_header, _flip_pages])
def test_a_damaged_database_is_detected_kept_and_restorable(demo_dir: Path, damage) -> None:  # noqa: ANN001
    workspace = open_workspace(str(demo_dir))
    good = service.backup_now(workspace, now=NOW)
    workspace.close()
    database = demo_dir / "classesduo.sqlite3"
    for companion in ("-wal", "-shm"):
        (demo_dir / f"classesduo.sqlite3{companion}").unlink(missing_ok=True)
    damage(database)
    damaged_hash = hashlib.sha256(database.read_bytes()).hexdigest()
    with pytest.raises(DatabaseDamagedError, match="damaged") as caught:
        open_workspace(str(demo_dir))
    assert caught.value.database == database
    assert hashlib.sha256(database.read_bytes()).hexdigest() == damaged_hash  # untouched
    paths = AppPaths.resolve(demo_dir)
    assert service.newest_good_backup(paths).path == good
    result = service.restore(paths, good, now=NOW)
    assert result.moved_aside is not None and result.safety_backup is None
    assert hashlib.sha256(result.moved_aside.read_bytes()).hexdigest() == damaged_hash
    workspace = open_workspace(str(demo_dir))
    assert len(list_facilitators(workspace.db)) == 6
    workspace.close()
