"""Issue 18, finding 1: a full disk, a read-only file or an unwritable folder is not called damage, and a
restore never makes things worse (nothing moved aside before the restored copy is complete and checked)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from classesduo.services.backups import backup_now, restore
from classesduo.services.errors import ServiceError, StorageUnavailableError
from classesduo.services.workspace import open_workspace
from classesduo.storage import diagnosis
from classesduo.storage.backups import integrity_problems, list_backups
from classesduo.storage.diagnosis import Kind, StorageUnavailable, sqlite_kind
from tests.edges.cli_run import run_cli


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _closed_with_backup(demo_dir: Path) -> Path:
    workspace = open_workspace(str(demo_dir))
    backup_now(workspace)
    workspace.close()
    database = demo_dir / "classesduo.sqlite3"
    assert not (demo_dir / "classesduo.sqlite3-wal").exists()
    return database


def test_a_full_disk_is_not_called_damage(demo_dir: Path) -> None:
    database = _closed_with_backup(demo_dir)
    result = run_cli("--data-dir", str(demo_dir), "list", "schools", file_size_limit=0)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "damaged" not in result.stderr.replace("not damaged", "")
    assert "restore --latest" not in result.stderr and "do not restore" in result.stderr
    assert "full" in result.stderr and "Traceback" not in result.stderr
    assert integrity_problems(database) == []


def test_following_the_advice_on_a_full_disk_changes_nothing(demo_dir: Path) -> None:
    database = _closed_with_backup(demo_dir)
    before = _digest(database)
    result = run_cli("--data-dir", str(demo_dir), "restore", "--latest", file_size_limit=0)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert not list(demo_dir.glob("classesduo.sqlite3.damaged-*"))
    assert database.stat().st_size > 0 and _digest(database) == before
    assert not list(demo_dir.glob(".classesduo.sqlite3.restoring*"))


def test_a_restore_failing_half_way_leaves_the_database_as_it_was(demo_dir: Path) -> None:
    """The disk fills up while the restored copy is written: the current database is untouched."""
    database = _closed_with_backup(demo_dir)
    size = database.stat().st_size
    result = run_cli("--data-dir", str(demo_dir), "restore", "--latest", file_size_limit=size // 2)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert not list(demo_dir.glob("classesduo.sqlite3.damaged-*"))
    assert integrity_problems(database) == [] and database.stat().st_size >= size
    assert run_cli("--data-dir", str(demo_dir), "list", "duos").returncode == 0


def test_a_damaged_database_is_replaced_only_once_the_copy_is_checked(demo_dir: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Damage is still restored, the damaged file kept; a restore that cannot finish leaves it in place."""
    database = _closed_with_backup(demo_dir)
    database.write_bytes(database.read_bytes()[:5000])
    damaged = _digest(database)
    from classesduo.paths import AppPaths
    from classesduo.storage import backups as store

    def fail(*_args: object) -> None:
        raise store.BackupError("disk full while writing the restored copy")

    monkeypatch.setattr(store, "prepare_restore", fail)
    with pytest.raises(ServiceError, match="disk full"):
        restore(AppPaths.resolve(demo_dir), list_backups(demo_dir / "backups")[0].path)
    assert _digest(database) == damaged and not list(demo_dir.glob("classesduo.sqlite3.damaged-*"))
    monkeypatch.undo()
    result = restore(AppPaths.resolve(demo_dir), list_backups(demo_dir / "backups")[0].path)
    assert result.moved_aside is not None and _digest(result.moved_aside) == damaged
    assert integrity_problems(database) == []


def test_a_restore_needs_the_space_first(demo_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    database = _closed_with_backup(demo_dir)
    before = _digest(database)
    from classesduo.paths import AppPaths

    real = shutil.disk_usage
    monkeypatch.setattr(diagnosis.shutil, "disk_usage",
                        lambda path: real(path)._replace(free=database.stat().st_size))
    with pytest.raises(StorageUnavailableError, match="full") as caught:
        restore(AppPaths.resolve(demo_dir), list_backups(demo_dir / "backups")[0].path)
    assert caught.value.kind is Kind.FULL
    assert _digest(database) == before and len(list_backups(demo_dir / "backups")) == 1


def test_a_read_only_database_and_an_unwritable_folder_say_what_to_do(data_dir: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    database = data_dir / "classesduo.sqlite3"
    real = os.access
    monkeypatch.setattr(diagnosis.os, "access", lambda path, mode: Path(path) != database and real(path, mode))
    with pytest.raises(StorageUnavailableError) as caught:
        open_workspace(str(data_dir))
    assert caught.value.kind is Kind.READ_ONLY and "read-only" in str(caught.value)
    assert "not damaged" in str(caught.value)
    monkeypatch.setattr(diagnosis.os, "access", lambda path, mode: Path(path) != data_dir and real(path, mode))
    with pytest.raises(StorageUnavailableError) as caught:
        open_workspace(str(data_dir))
    assert caught.value.kind is Kind.NO_ACCESS and "write" in str(caught.value)
    assert "damaged" not in str(caught.value).replace("not damaged", "")


def test_sqlite_errors_are_told_apart_by_their_native_codes(tmp_path: Path) -> None:
    def error_of(action) -> sqlite3.Error:  # noqa: ANN001
        with pytest.raises(sqlite3.Error) as caught:
            action()
        return caught.value

    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database" * 500)
    assert sqlite_kind(error_of(lambda: sqlite3.connect(junk).execute("SELECT * FROM sqlite_master"))) is Kind.DAMAGED
    assert sqlite_kind(error_of(lambda: sqlite3.connect(tmp_path / "missing" / "x.db").execute("SELECT 1"))) \
        is Kind.NO_ACCESS
    good = tmp_path / "good.sqlite3"
    sqlite3.connect(good).execute("CREATE TABLE t (x)").connection.commit()
    read_only = sqlite3.connect(f"file:{good}?mode=ro", uri=True)
    assert sqlite_kind(error_of(lambda: read_only.execute("INSERT INTO t VALUES (1)"))) is Kind.READ_ONLY
    small = sqlite3.connect(tmp_path / "small.sqlite3")
    small.execute("PRAGMA max_page_count = 2")
    full = error_of(lambda: small.execute("CREATE TABLE big AS SELECT randomblob(100000) AS b"))
    assert sqlite_kind(full) is Kind.FULL
    problem = diagnosis.classify_open_failure(good, full)
    assert isinstance(problem, StorageUnavailable) and problem.kind is Kind.FULL
