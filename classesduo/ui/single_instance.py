"""One Classes Duo window per data folder.

A ``QLockFile`` in the data folder says a window has it open; Qt removes a lock
left by a crashed process (its PID no longer runs) when the next one tries it.
The first window also listens on a ``QLocalServer`` whose name is derived from
the data folder's path; a second start connects to it, asks it to come to the
front, and quits after telling the user.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from classesduo.ui.qt import QtCore

if TYPE_CHECKING:
    from PySide6 import QtNetwork

log = logging.getLogger(__name__)

LOCK_NAME = "classesduo.lock"
RAISE_MESSAGE = b"raise\n"


def server_name(data_dir: Path) -> str:
    """A local-socket name unique to the folder (and short enough for a Unix socket path)."""
    import hashlib

    key = str(Path(data_dir).expanduser().resolve())
    return "classesduo-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


class InstanceGuard(QtCore.QObject):
    """Holds the data folder's lock and listens for later starts; ``raise_requested`` asks for the window."""

    raise_requested = QtCore.Signal()

    def __init__(self, data_dir: Path, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.lock: QtCore.QLockFile | None = None
        self.server: QtNetwork.QLocalServer | None = None

    def acquire(self, listen: bool = True) -> bool:
        """True when this process now owns the folder; False when another running window does.

        ``listen=False`` leaves :meth:`listen` for later: the window shows first
        (QtNetwork costs ~20 ms to import); a second start arriving meanwhile
        finds the lock taken and keeps trying to reach this window for a few
        seconds (:func:`ask_running_window_to_raise`).
        """
        self.data_dir.mkdir(parents=True, exist_ok=True)
        lock = QtCore.QLockFile(str(self.data_dir / LOCK_NAME))
        lock.setStaleLockTime(0)  # only the holder's death makes a lock stale, never its age
        if not lock.tryLock(100):
            if lock.error() == QtCore.QLockFile.LockError.LockFailedError:
                return False
            raise OSError(f"cannot create the lock file in {self.data_dir} ({lock.error().name})")
        self.lock = lock
        if listen:
            self.listen()
        return True

    def listen(self) -> None:
        """Answer later starts on this folder (bring this window forward)."""
        from PySide6 import QtNetwork

        if self.server is not None or self.lock is None:
            return
        name = server_name(self.data_dir)
        QtNetwork.QLocalServer.removeServer(name)  # a socket file left by a crash
        self.server = QtNetwork.QLocalServer(self)
        self.server.setSocketOptions(QtNetwork.QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(name):
            log.warning("cannot listen for other Classes Duo starts: %s", self.server.errorString())
            return
        self.server.newConnection.connect(self._connected)

    def _connected(self) -> None:
        """A later start connected: it writes its request right away, so read it here, briefly blocking."""
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            if socket.bytesAvailable() or socket.waitForReadyRead(1000):
                if bytes(socket.readAll().data()).startswith(RAISE_MESSAGE.strip()):
                    self.raise_requested.emit()
            socket.abort()
            socket.deleteLater()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None


def ask_running_window_to_raise(data_dir: Path, timeout_ms: int = 3000) -> bool:
    """Tell the window that holds ``data_dir`` to come forward; True if it answered.

    A window that has just started listens only once it shows (``listen=False``
    in :meth:`InstanceGuard.acquire`): keep trying to connect until ``timeout_ms``.
    """
    from PySide6 import QtNetwork

    timer = QtCore.QElapsedTimer()
    timer.start()
    socket = QtNetwork.QLocalSocket()
    while True:
        socket.connectToServer(server_name(data_dir))
        if socket.waitForConnected(max(1, timeout_ms - timer.elapsed())):
            break
        if timer.elapsed() >= timeout_ms:
            return False
        QtCore.QThread.msleep(100)
    socket.write(RAISE_MESSAGE)
    ok = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return ok


def bring_forward(window: QtCore.QObject) -> Callable[[], None]:
    """A slot that shows, un-minimises, raises and activates ``window``."""

    def forward() -> None:
        window.setWindowState((window.windowState() & ~QtCore.Qt.WindowState.WindowMinimized)
                              | QtCore.Qt.WindowState.WindowActive)
        window.show()
        window.raise_()
        window.activateWindow()

    return forward
