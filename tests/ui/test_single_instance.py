"""One window per data folder: a second start is refused and raises the first; a crash's lock is recovered."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from classesduo.ui.single_instance import LOCK_NAME, InstanceGuard, ask_running_window_to_raise, server_name


def test_a_second_instance_is_refused_and_raises_the_first(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    first = InstanceGuard(tmp_path)
    assert first.acquire()
    try:
        # another process tries the same folder: refused
        code = subprocess.run(
            [sys.executable, "-c", "import sys; from pathlib import Path; "
             "from classesduo.ui.single_instance import InstanceGuard; "
             f"sys.exit(0 if InstanceGuard(Path({str(tmp_path)!r})).acquire() else 3)"],
            capture_output=True, timeout=60).returncode
        assert code == 3
        with qtbot.waitSignal(first.raise_requested, timeout=10_000):
            assert ask_running_window_to_raise(tmp_path)
    finally:
        first.release()
    second = InstanceGuard(tmp_path)
    assert second.acquire()  # released: the next start gets it
    second.release()


def test_a_lock_left_by_a_crashed_process_is_recovered(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    # what a crashed Classes Duo leaves: a lock file naming a process that no longer runs
    (tmp_path / LOCK_NAME).write_text(f"{dead.pid}\nclassesduo\n{__import__('socket').gethostname()}\n")
    guard = InstanceGuard(tmp_path)
    assert guard.acquire()
    guard.release()


def test_each_folder_has_its_own_server_name(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "x" / ".." / "a")


def test_starting_the_app_on_a_folder_already_open_raises_it_and_stops(qtbot, tmp_path: Path,  # noqa: ANN001
                                                                       monkeypatch) -> None:
    from classesduo.paths import AppPaths
    from classesduo.ui import app
    from classesduo.ui.qt import QtWidgets

    told: list[str] = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "information", lambda parent, title, text: told.append(text))
    running = InstanceGuard(tmp_path)
    assert running.acquire()
    try:
        with qtbot.waitSignal(running.raise_requested, timeout=10_000):
            assert app._claim_data_folder(AppPaths.resolve(tmp_path)) is None
        assert told and "already open" in told[0]
    finally:
        running.release()
    guard = app._claim_data_folder(AppPaths.resolve(tmp_path))
    assert guard is not None
    assert guard.server is None  # the window shows first; run_gui then listens
    guard.listen()
    assert guard.server is not None and guard.server.isListening()
    guard.release()
