"""Issue 18, finding 3: a ``-wal`` that does not belong to its database is recognised before SQLite merges it;
the app stops with a clear message and ``check`` reports it. A WAL left by a crash of the database itself is
still replayed (no committed action lost)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from classesduo.services.workspace import ForeignWalError, open_workspace
from classesduo.storage.wal import foreign_wal
from tests.edges.cli_run import run_cli


def _notes(database: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("SELECT notes FROM exchange_session ORDER BY id")]
    finally:
        connection.close()


def _copy_with_live_wal(source: Path, target: Path) -> None:
    """Copy a data folder while a connection holds its WAL open, then change the copy through that WAL."""
    shutil.copytree(source, target)
    holder = sqlite3.connect(target / "classesduo.sqlite3", isolation_level=None)
    holder.execute("PRAGMA journal_mode = WAL")
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute("UPDATE exchange_session SET notes = 'from the other copy'")
    holder.execute("DELETE FROM media_item")
    shutil.copy(target / "classesduo.sqlite3-wal", target.parent / "stray-wal")
    holder.close()


def test_a_wal_copied_from_another_folder_is_refused_before_it_is_merged(demo_dir: Path, tmp_path: Path) -> None:
    _copy_with_live_wal(demo_dir, tmp_path / "other")
    database = demo_dir / "classesduo.sqlite3"
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    notes = _notes(database)
    shutil.copy(tmp_path / "stray-wal", demo_dir / "classesduo.sqlite3-wal")
    with pytest.raises(ForeignWalError, match="does not belong"):
        open_workspace(str(demo_dir))
    result = run_cli("--data-dir", str(demo_dir), "list", "sessions")
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "-wal" in result.stderr, result.stderr
    result = run_cli("--data-dir", str(demo_dir), "check")
    assert result.returncode == 1 and "does not belong" in result.stderr, result.stderr
    assert result.stdout == "" and "OK" not in result.stdout
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    (demo_dir / "classesduo.sqlite3-wal").unlink()
    assert _notes(database) == notes and "from the other copy" not in notes


def test_a_foreign_wal_next_to_a_database_in_use_is_recognised(tmp_path: Path) -> None:
    def database_in(folder: str, rows: int) -> sqlite3.Connection:
        (tmp_path / folder).mkdir()
        connection = sqlite3.connect(tmp_path / folder / "db.sqlite3", isolation_level=None)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("CREATE TABLE t (x)")
        for number in range(rows):
            connection.execute("INSERT INTO t VALUES (?)", (number,))
        return connection

    mine, theirs = database_in("mine", 2), database_in("theirs", 5)
    assert foreign_wal(tmp_path / "mine" / "db.sqlite3") is None  # its own, in use
    shutil.copy(tmp_path / "theirs" / "db.sqlite3-wal", tmp_path / "mine" / "db.sqlite3-wal")
    assert foreign_wal(tmp_path / "mine" / "db.sqlite3", pause=0) is not None
    mine.close(), theirs.close()


def test_the_wal_of_a_killed_process_is_its_own(tmp_path: Path) -> None:
    database = tmp_path / "db.sqlite3"
    code = ("import os, sqlite3, sys\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('PRAGMA journal_mode = WAL'); c.execute('CREATE TABLE t (x)')\n"
            "for n in range(200): c.execute('INSERT INTO t VALUES (?)', (n,))\n"
            "os.kill(os.getpid(), 9)\n")
    subprocess.run([sys.executable, "-c", code, str(database)], check=False)
    assert (tmp_path / "db.sqlite3-wal").stat().st_size > 0
    assert foreign_wal(database) is None
    assert sqlite3.connect(database).execute("SELECT count(*) FROM t").fetchone() == (200,)
