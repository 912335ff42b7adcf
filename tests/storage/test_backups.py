"""Backups: online API, checked, rotated with a fake clock, restored; damaged files detected and kept aside."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from classesduo.storage import backups
from classesduo.storage.backups import BackupFile, backup_name, backups_to_keep, integrity_problems

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


def _fake(when: datetime, reason: str = "daily") -> BackupFile:
    return BackupFile(Path("/b") / backup_name(when, reason), when, reason, 1)


def test_names_round_trip() -> None:
    name = backup_name(NOW, "Before import!")
    assert name == "classesduo-20261128T090000000000Z-before-import.sqlite3"
    assert backups.parse_name(Path(name)) == (NOW, "before-import")


def test_rotation_keeps_latest_dailies_weeklies_and_monthlies() -> None:
    # One backup every 6 hours for two years: rotation must keep a bounded, well-spread set.
    history = [_fake(NOW - timedelta(hours=6 * i)) for i in range(4 * 730)]
    keep = backups_to_keep(history, NOW)
    kept = sorted((b for b in history if b.path in keep), key=lambda b: b.taken_at)
    kept_times = [b.taken_at for b in kept]
    # the 5 newest, whatever their age
    assert {b.taken_at for b in history[:5]} <= set(kept_times)
    # one per day for the last 7 days (the newest of each day)
    for days in range(7):
        day = (NOW - timedelta(days=days)).date()
        newest = max(b.taken_at for b in history if b.taken_at.date() == day)
        assert newest in kept_times
    # the newest of each of the last 12 months is kept, nothing older than that
    months = {(t.year, t.month) for t in kept_times}
    assert len(months) == 12 and min(months) == (2025, 12)
    assert len(kept) <= 5 + 7 + 4 + 12
    assert kept_times[0] > NOW - timedelta(days=366)


def test_rotation_with_a_fake_clock_moving_forward(tmp_path: Path) -> None:
    """Simulate a daily backup for 100 days through the real rotate(), on real files."""
    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
    for day in range(100):
        clock = start + timedelta(days=day)
        (folder / backup_name(clock, "daily")).write_bytes(b"x")
        backups.rotate(folder, clock)
    left = [b.taken_at.date() for b in backups.list_backups(folder)]
    today = (start + timedelta(days=99)).date()
    assert left[:7] == [today - timedelta(days=i) for i in range(7)]
    assert len(left) <= 5 + 7 + 4 + 12
    assert {(d.year, d.month) for d in left} == {(2026, m) for m in range(1, 5)}


def test_a_clock_set_back_deletes_nothing_newer() -> None:
    future = _fake(NOW + timedelta(days=30))
    assert future.path in backups_to_keep([future], NOW)


def test_backup_and_restore_round_trip(tmp_path: Path) -> None:
    tmp_path = tmp_path / "Mes données #1 ?"  # spaces, accents, URI characters
    tmp_path.mkdir()
    database = tmp_path / "live.sqlite3"
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE t (x TEXT)")
    connection.execute("INSERT INTO t VALUES ('before')")
    connection.commit()
    backup = backups.write_backup(database, tmp_path / "b" / "one.sqlite3")
    connection.execute("INSERT INTO t VALUES ('after')")
    connection.commit()
    assert integrity_problems(backup) == []
    assert not list((tmp_path / "b").glob(".*partial"))
    backups.restore_into(backup, database)
    assert [row[0] for row in connection.execute("SELECT x FROM t")] == ["before"]  # an open connection sees it
    connection.close()


def test_a_damaged_backup_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "fake.sqlite3"
    fake.write_bytes(b"not a database at all" * 100)
    with pytest.raises(backups.BackupError, match="damaged"):
        backups.restore_into(fake, tmp_path / "live.sqlite3")
    assert not (tmp_path / "live.sqlite3").exists()


def test_move_aside_keeps_the_file_and_its_wal(tmp_path: Path) -> None:
    database = tmp_path / "classesduo.sqlite3"
    database.write_bytes(b"damaged")
    (tmp_path / "classesduo.sqlite3-wal").write_bytes(b"wal")
    aside = backups.move_aside(database, NOW)
    assert aside.name == "classesduo.sqlite3.damaged-20261128T090000Z" and aside.read_bytes() == b"damaged"
    assert (tmp_path / "classesduo.sqlite3.damaged-20261128T090000Z-wal").read_bytes() == b"wal"
    assert not database.exists()
    database.write_bytes(b"again")
    assert backups.move_aside(database, NOW).name.endswith("-2")


def test_partial_files_left_by_a_crash_are_cleaned_up_later(tmp_path: Path) -> None:
    import os
    import time

    old = tmp_path / ".classesduo-x.sqlite3.partial"
    fresh = tmp_path / ".classesduo-y.sqlite3.partial"
    old.write_bytes(b"half")
    fresh.write_bytes(b"being written")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    backups.rotate(tmp_path, NOW)
    assert not old.exists() and fresh.exists()
