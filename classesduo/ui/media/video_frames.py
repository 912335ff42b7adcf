"""A frame of a video for its thumbnail, when Qt Multimedia can decode it.

QtMultimedia is imported only when a video thumbnail is first needed (it costs
start-up time, and on Debian it needs ``libpulse0`` to import at all). When it
cannot be imported, :func:`multimedia_available` says so once and the gallery
shows a video placeholder instead. The player lives on the GUI thread (it
needs an event loop); decoding happens in Qt's own threads.
"""

from __future__ import annotations

import logging
from pathlib import Path

from classesduo.ui.qt import QtCore, QtGui, Signal

log = logging.getLogger(__name__)
_available: bool | None = None


def multimedia_available() -> bool:
    global _available
    if _available is None:
        try:
            from PySide6 import QtMultimedia  # noqa: F401
        except ImportError as error:
            log.info("Qt Multimedia unavailable (%s): videos get a placeholder thumbnail", error)
            _available = False
        else:
            _available = True
    return _available


class VideoFrameGrabber(QtCore.QObject):
    """Plays each queued video muted until its first frame arrives, then stops: ``ready(key, image)``."""

    ready = Signal(str, QtGui.QImage)

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6 import QtMultimedia

        self._player = QtMultimedia.QMediaPlayer(self)
        self._audio = QtMultimedia.QAudioOutput(self)
        self._audio.setMuted(True)
        self._player.setAudioOutput(self._audio)
        self._sink = QtMultimedia.QVideoSink(self)
        self._player.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._frame)
        self._player.errorOccurred.connect(self._error)
        self._queue: list[tuple[str, Path]] = []
        self._current: str | None = None

    def request(self, key: str, source: Path) -> None:
        if key != self._current and all(key != queued for queued, _ in self._queue):
            self._queue.append((key, source))
            self._next()

    def _next(self) -> None:
        if self._current is not None or not self._queue:
            return
        self._current, source = self._queue.pop(0)
        self._player.setSource(QtCore.QUrl.fromLocalFile(str(source)))
        self._player.play()

    def _frame(self, frame: object) -> None:
        if self._current is None:
            return
        image = frame.toImage()  # type: ignore[attr-defined]
        if image.isNull():
            return
        self._finish(image.scaled(256, 256, QtCore.Qt.AspectRatioMode.KeepAspectRatio,
                                  QtCore.Qt.TransformationMode.SmoothTransformation))

    def _error(self, *_: object) -> None:
        if self._current is not None:
            self._finish(QtGui.QImage())

    def _finish(self, image: QtGui.QImage) -> None:
        key, self._current = self._current, None
        self._player.stop()
        self.ready.emit(key or "", image)
        QtCore.QTimer.singleShot(0, self._next)
