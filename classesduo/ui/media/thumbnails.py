"""Thumbnails made off the GUI thread and cached on disk.

Workers run on a thread pool of their own (so they never starve imports on
the global pool), decode with :class:`QImageReader` at reduced size
(``setScaledSize``, ``setAutoTransform`` for EXIF rotation) and hand back a
:class:`QImage` — never a QPixmap, which belongs to the GUI thread. A cached
thumbnail (``thumbnails/<ab>/<hash>-256.png``) is read instead of the original,
so reopening a large gallery costs one small PNG read per visible item.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from classesduo.services.media import THUMBNAIL_SIZE
from classesduo.ui.qt import QtCore, QtGui, Signal

log = logging.getLogger(__name__)


class _Relay(QtCore.QObject):
    done = Signal(str, QtGui.QImage)


class _ThumbnailJob(QtCore.QRunnable):
    def __init__(self, key: str, source: Path, cache: Path | None, size: int, relay: _Relay) -> None:
        super().__init__()
        self.key, self.source, self.cache, self.size, self.relay = key, source, cache, size, relay

    def run(self) -> None:
        try:
            image = self._cached() or self._decode()
        except Exception:  # noqa: BLE001 - a thumbnail must never take the app down
            log.exception("thumbnail of %s failed", self.source)
            image = QtGui.QImage()
        self.relay.done.emit(self.key, image)

    def _cached(self) -> QtGui.QImage | None:
        if self.cache is None or not self.cache.exists():
            return None
        image = QtGui.QImageReader(str(self.cache)).read()
        return None if image.isNull() else image

    def _decode(self) -> QtGui.QImage:
        reader = QtGui.QImageReader(str(self.source))
        reader.setAutoTransform(True)
        size = reader.size()
        if not size.isValid():
            return QtGui.QImage()
        if max(size.width(), size.height()) > self.size:
            reader.setScaledSize(size.scaled(QtCore.QSize(self.size, self.size),
                                             QtCore.Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if not image.isNull() and self.cache is not None:
            save_atomic(image, self.cache)
        return image


def save_atomic(image: QtGui.QImage, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".thumb-", suffix=".png", dir=target.parent)
    os.close(fd)
    try:
        if image.save(name, "PNG"):
            os.replace(name, target)
    finally:
        Path(name).unlink(missing_ok=True)


class ThumbnailLoader(QtCore.QObject):
    """Asks for thumbnails and previews; answers arrive as ``ready(key, image)`` on the GUI thread."""

    ready = Signal(str, QtGui.QImage)

    def __init__(self, parent: QtCore.QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QtCore.QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._relay = _Relay()
        self._relay.done.connect(self.ready, QtCore.Qt.ConnectionType.QueuedConnection)
        self._pending: set[str] = set()
        self.ready.connect(self._done)

    def request(self, key: str, source: Path, cache: Path | None, size: int = THUMBNAIL_SIZE) -> None:
        if key in self._pending:
            return
        self._pending.add(key)
        self.pool.start(_ThumbnailJob(key, source, cache, size, self._relay))

    def _done(self, key: str, _image: QtGui.QImage) -> None:
        self._pending.discard(key)

    def pending(self) -> int:
        return len(self._pending)

    def shutdown(self) -> None:
        self.pool.clear()
        self.pool.waitForDone(5000)
