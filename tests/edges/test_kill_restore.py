"""Issue 18, finding 8 and the SIGKILL ledger extended to restore: a restore killed at any moment leaves the
database exactly as before or exactly as restored (never empty, never half), and what a killed backup, restore
or bundle import left is removed at the next start, whatever its age."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from classesduo.services.backups import backup_now
from classesduo.services.workspace import open_workspace
from classesduo.storage.atomic import WorkInProgress
from classesduo.storage.backups import integrity_problems
from classesduo.storage.models import FacilitatorRow
from tests.edges.cli_run import ROOT

pytestmark = pytest.mark.slow


def _names(database: Path) -> frozenset[str]:
    connection = sqlite3.connect(database)
    try:
        return frozenset(row[0] for row in connection.execute("SELECT name FROM facilitator"))
    finally:
        connection.close()


def test_a_restore_killed_at_random_moments_leaves_before_or_after(data_dir: Path) -> None:
    workspace = open_workspace(str(data_dir))
    with workspace.db.transaction() as session:
        session.add_all(FacilitatorRow(name=f"first {n}" + "x" * 150) for n in range(300))
    first = backup_now(workspace, "manual")
    with workspace.db.transaction() as session:
        session.add_all(FacilitatorRow(name=f"second {n}" + "y" * 150) for n in range(300))
    second = backup_now(workspace, "manual")
    workspace.close()
    database = data_dir / "classesduo.sqlite3"
    states = {_names(first), _names(second)}
    assert len(states) == 2
    rng = random.Random(20261203)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("CLASSESDUO_DB_URL", None)
    finished = killed = 0
    for round_number in range(12):
        chosen = (first, second)[round_number % 2]
        child = subprocess.Popen([sys.executable, "-m", "classesduo", "--data-dir", str(data_dir), "restore",
                                  str(chosen)], env=env, cwd=str(ROOT), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.0))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            killed += 1
        else:
            finished += 1
        child.wait()
        assert database.stat().st_size > 0
        assert integrity_problems(database) == []
        assert _names(database) in states
        assert not list(data_dir.glob("classesduo.sqlite3.damaged-*"))
    assert killed >= 3, (killed, finished)
    open_workspace(str(data_dir)).close()  # the next start removes what the kills left
    assert not list(data_dir.glob(".classesduo.sqlite3.restoring*"))
    assert not list((data_dir / "backups").glob(".*.partial"))


def test_leftovers_of_a_killed_process_are_removed_at_next_start_but_not_work_in_progress(data_dir: Path) -> None:
    leftovers = [data_dir / "backups" / ".classesduo-20261203T100000000000Z-daily.sqlite3.partial",
                 data_dir / ".classesduo.sqlite3.restoring",
                 data_dir / "media" / ".staging" / ".abc.png.1234.importing"]
    for path in leftovers:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * 1000)  # just written: an age rule would keep them for an hour
    busy_path = data_dir / "backups" / ".classesduo-20261203T110000000000Z-manual.sqlite3.partial"
    busy_path.write_bytes(b"being written")
    busy = WorkInProgress(busy_path)  # another running process is writing this one
    try:
        open_workspace(str(data_dir)).close()
        assert [path for path in leftovers if path.exists()] == []
        assert busy_path.exists()
    finally:
        busy.release()
