"""A real Radicale CalDAV server for tests, started on 127.0.0.1 on a free port (user alice / secret)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time as clock
from collections.abc import Iterator
from pathlib import Path

import caldav
import icalendar


class Radicale:
    """A Radicale server in a subprocess, on a free port, with one user (alice / secret)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        (root / "users").write_text("alice:secret\n")
        (root / "config").write_text(f"""[server]
hosts = 127.0.0.1:{self.port}
[auth]
type = htpasswd
htpasswd_filename = {root / 'users'}
htpasswd_encryption = plain
[storage]
filesystem_folder = {root / 'collections'}
[logging]
level = warning
""")
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/alice/classes-duo/"

    def start(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "radicale", "--config", str(self.root / "config")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = clock.monotonic() + 20
        while clock.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                clock.sleep(0.05)
        raise RuntimeError("Radicale did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)
            self.process = None

    def client(self) -> caldav.DAVClient:
        return caldav.DAVClient(url=self.url, username="alice", password="secret")

    def events(self) -> dict[str, icalendar.Event]:
        calendar = self.client().calendar(url=self.url)
        found = {}
        for item in calendar.events():
            (event,) = icalendar.Calendar.from_ical(item.data).walk("VEVENT")
            found[str(event["UID"])] = event
        return found


def radicale_server(tmp_path: Path) -> Iterator[Radicale]:
    (tmp_path / "radicale").mkdir()
    server = Radicale(tmp_path / "radicale")
    server.start()
    caldav.DAVClient(url=f"http://127.0.0.1:{server.port}/alice/", username="alice",
                     password="secret").principal().make_calendar(name="Classes Duo", cal_id="classes-duo")
    yield server
    server.stop()
