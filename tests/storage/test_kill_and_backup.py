"""Crash safety: a writer killed with SIGKILL at random moments never damages the database or loses a commit;
a backup taken while another process writes is sound."""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from classesduo.storage.backups import integrity_problems, write_backup
from tests.helpers.writer import row_ids
from tests.helpers.writer_client import Writer

pytestmark = pytest.mark.slow


def _present(database: Path, numbers: list[int]) -> list[int]:
    """The commit numbers whose every row is in ``database``."""
    connection = sqlite3.connect(database)
    try:
        stored = {table: {row[0] for row in connection.execute(f"SELECT id FROM {table}")}
                  for table in ("facilitator", "school", "class_group")}
    finally:
        connection.close()
    return [number for number in numbers if all(row_id in stored[table] for table, row_id in row_ids(number))]


def _partial(database: Path) -> list[str]:
    """Schools whose class rows are not all there: a half-applied transaction."""
    connection = sqlite3.connect(database)
    try:
        return [row[0] for row in connection.execute(
            "SELECT school.id FROM school LEFT JOIN class_group ON class_group.school_id = school.id "
            "GROUP BY school.id HAVING count(class_group.id) <> 40")]
    finally:
        connection.close()


def test_sigkill_at_random_moments_loses_no_commit(data_dir: Path) -> None:
    database = data_dir / "classesduo.sqlite3"
    rng = random.Random(20261128)
    writer = Writer(data_dir)
    try:
        for _round in range(30):
            pid = writer.start_child()
            writer.wait_commits(1)  # the child has opened the data and is mid-stream…
            time.sleep(rng.uniform(0, 0.15))  # …and dies at a random moment of its next transactions
            writer.kill_child(pid)
            assert integrity_problems(database) == []
            assert _present(database, writer.committed) == writer.committed
            assert _partial(database) == []
    finally:
        writer.close()
    assert len(writer.committed) >= 30
    # the backups each import took before writing are sound too (a killed one never got its final name)
    from classesduo.storage.backups import list_backups

    taken = list_backups(data_dir / "backups")
    assert taken and all(integrity_problems(backup.path) == [] for backup in taken)


def test_backup_while_another_process_writes_is_sound(data_dir: Path, tmp_path: Path) -> None:
    database = data_dir / "classesduo.sqlite3"
    writer = Writer(data_dir)
    try:
        pid = writer.start_child()
        writer.wait_commits(2)
        for number in range(3):
            before = list(writer.committed)
            backup = write_backup(database, tmp_path / f"backup-{number}.sqlite3")
            assert integrity_problems(backup) == []
            assert _present(backup, before) == before
            assert _partial(backup) == []
            writer.wait_commits(1)
        writer.kill_child(pid)
    finally:
        writer.close()


def test_a_cli_write_waits_for_another_writer_then_succeeds(data_dir: Path, capsys: pytest.CaptureFixture[str],
                                                            qapp: object) -> None:
    """(``qapp``: the demo draws its pictures with Qt; the application must come from the main thread, not ours.)"""
    from classesduo.cli import main

    holder = sqlite3.connect(data_dir / "classesduo.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO facilitator (id, name, email, languages, archived, created_at, updated_at, version)"
                   " VALUES ('held', 'Held', '', '', 0, '2026-11-28 10:00:00', '2026-11-28 10:00:00', 1)")
    result: list[int] = []
    thread = threading.Thread(target=lambda: result.append(
        main(["--data-dir", str(data_dir), "demo", "--today", "2026-11-28"])))
    thread.start()
    thread.join(timeout=1.0)  # the command is waiting on the busy timeout meanwhile
    holder.execute("COMMIT")
    holder.close()
    thread.join(timeout=60)
    assert result == [0]
    assert "Demo loaded" in capsys.readouterr().out
    connection = sqlite3.connect(data_dir / "classesduo.sqlite3")
    assert connection.execute("SELECT count(*) FROM facilitator").fetchone()[0] == 7  # 6 demo + held
    connection.close()


def test_a_cli_write_blocked_too_long_fails_with_a_clear_message(
        data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from classesduo.cli import main
    from classesduo.storage import database as database_module

    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(data_dir / "classesduo.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code = main(["--data-dir", str(data_dir), "demo", "--today", "2026-11-28"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err
    assert code == 2 and "busy" in err and "Traceback" not in err
    assert integrity_problems(data_dir / "classesduo.sqlite3") == []
