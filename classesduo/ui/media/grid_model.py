"""The gallery's list model: one row per media item, fetched a page at a time, thumbnails when painted.

Rows come from a :class:`MediaSource` (the database, through
``services/media_pages.py``) :data:`PAGE_SIZE` at a time as the view scrolls
(``canFetchMore``/``fetchMore``), so a programme of 200,000 items opens with
one page in memory. The first query asks for one row more than a page: when it
does not come, that is the total; otherwise the total is counted in a worker
thread and ``total`` is None until it arrives (a count for an older filter is
dropped). Only rows the view asks to paint request a thumbnail; QImages from
the loader become QPixmaps here, on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from classesduo.domain.consent import ConsentChannel, blocked_channels
from classesduo.domain.enums import MediaKind
from classesduo.services.media import MediaView, thumbnail_path
from classesduo.ui.formatting import format_date, media_kind_label
from classesduo.ui.media.thumbnails import ThumbnailLoader, save_atomic
from classesduo.ui.media.video_frames import multimedia_available
from classesduo.ui.paged_rows import PagedRows
from classesduo.ui.qt import Qt, QtCore, QtGui, QtWidgets, translate

#: Rows fetched per query: a few screens of thumbnails.
PAGE_SIZE = 150

RECORD_ROLE = Qt.ItemDataRole.UserRole + 2
BLOCKED_ROLE = Qt.ItemDataRole.UserRole + 3
HAS_THUMBNAIL_ROLE = Qt.ItemDataRole.UserRole + 4

_IMAGE_MIMES = ("image/jpeg", "image/png", "image/gif", "image/webp", "image/tiff")
_KIND_ICONS = {
    MediaKind.VIDEO: QtWidgets.QStyle.StandardPixmap.SP_MediaPlay,
    MediaKind.AUDIO: QtWidgets.QStyle.StandardPixmap.SP_MediaVolume,
    MediaKind.TEXT: QtWidgets.QStyle.StandardPixmap.SP_FileIcon,
    MediaKind.PHOTO: QtWidgets.QStyle.StandardPixmap.SP_FileIcon,
    MediaKind.DRAWING: QtWidgets.QStyle.StandardPixmap.SP_FileIcon,
}


class MediaSource(Protocol):
    def page(self, offset: int, limit: int) -> Sequence[MediaView]: ...

    def count(self) -> int:
        """Called from a worker thread."""


class MediaGridModel(PagedRows, QtCore.QAbstractListModel):
    """``total``: how many items match (None while counting); the rows fetched so far are ``records()``."""

    total_changed = QtCore.Signal()

    def __init__(self, loader: ThumbnailLoader, media_dir: Callable[[], Path | None],
                 thumbnails_dir: Callable[[], Path | None], today: Callable[[], date],
                 parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._source: MediaSource | None = None
        self._page_size = PAGE_SIZE
        self._init_paging()
        self._pixmaps: dict[str, QtGui.QIcon] = {}
        self._failed: set[str] = set()
        self._loader = loader
        self._media_dir = media_dir
        self._thumbnails_dir = thumbnails_dir
        self._today = today
        self._video_grabber: Any = None
        loader.ready.connect(self._thumbnail_ready)

    # Qt model API ------------------------------------------------------------------------------------
    def rowCount(self, parent: QtCore.QModelIndex = QtCore.QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._records)

    def data(self, index: QtCore.QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        view = self._records[index.row()]
        item = view.item
        if role == Qt.ItemDataRole.DisplayRole:
            return item.caption or item.original_name
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(item.file_hash, item.kind, item.mime_type, item.stored_name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(view)
        if role == RECORD_ROLE:
            return view
        if role == BLOCKED_ROLE:
            return blocked_channels(item, self._today())
        if role == HAS_THUMBNAIL_ROLE:
            return item.file_hash in self._pixmaps
        return None

    # records -----------------------------------------------------------------------------------------
    def set_source(self, source: MediaSource | None) -> None:
        """Show ``source``'s items from the first page on (None: no items)."""
        self._source = source
        self._reload_rows()

    def reload(self) -> None:
        self.set_source(self._source)

    def _has_source(self) -> bool:
        return self._source is not None

    def _page(self, offset: int, limit: int) -> Sequence[MediaView]:
        assert self._source is not None
        return self._source.page(offset, limit)

    def _counter(self) -> Callable[[], int]:
        assert self._source is not None
        return self._source.count

    def records(self) -> list[MediaView]:
        """The rows fetched so far."""
        return list(self._records)

    def row_of(self, media_id: str) -> int | None:
        return next((row for row, view in enumerate(self._records) if view.item.id == media_id), None)

    def replace_record(self, view: MediaView) -> None:
        for row, old in enumerate(self._records):
            if old.item.id == view.item.id:
                self._records[row] = view
                index = self.index(row)
                self.dataChanged.emit(index, index)
                return

    def forget_thumbnails(self) -> None:
        self._pixmaps.clear()
        self._failed.clear()

    # thumbnails --------------------------------------------------------------------------------------
    def _decoration(self, digest: str, kind: MediaKind, mime: str, stored_name: str) -> Any:
        pixmap = self._pixmaps.get(digest)
        if pixmap is not None:
            return pixmap
        media_dir, thumbs = self._media_dir(), self._thumbnails_dir()
        if digest not in self._failed and media_dir is not None and thumbs is not None:
            cache = thumbnail_path(thumbs, digest)
            if mime in _IMAGE_MIMES:
                self._loader.request(digest, media_dir / stored_name, cache)
            elif kind is MediaKind.VIDEO:
                self._request_video(digest, media_dir / stored_name, cache)
        style = QtWidgets.QApplication.style()
        return style.standardIcon(_KIND_ICONS[kind])

    def _request_video(self, digest: str, source: Path, cache: Path) -> None:
        if cache.exists():  # a frame grabbed on an earlier run
            self._loader.request(digest, cache, None)
            return
        if not multimedia_available():
            self._failed.add(digest)
            return
        if self._video_grabber is None:
            from classesduo.ui.media.video_frames import VideoFrameGrabber

            self._video_grabber = VideoFrameGrabber(self)
            self._video_grabber.ready.connect(self._video_ready)
        self._video_grabber.request(digest, source)

    def _video_ready(self, digest: str, image: QtGui.QImage) -> None:
        thumbs = self._thumbnails_dir()
        if not image.isNull() and thumbs is not None:
            save_atomic(image, thumbnail_path(thumbs, digest))
        self._thumbnail_ready(digest, image)

    def _thumbnail_ready(self, digest: str, image: QtGui.QImage) -> None:
        if image.isNull():
            self._failed.add(digest)
        else:
            self._pixmaps[digest] = QtGui.QIcon(QtGui.QPixmap.fromImage(image))
        for row, view in enumerate(self._records):
            if view.item.file_hash == digest:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole, HAS_THUMBNAIL_ROLE])

    def _tooltip(self, view: MediaView) -> str:
        item = view.item
        lines = [item.original_name, f"{media_kind_label(item.kind)} — {format_date(view.day)}", view.duo_label]
        blocked = blocked_channels(item, self._today())
        if blocked:
            lines.append(translate("MediaGrid", "Not cleared for: {channels}").format(
                channels=", ".join(channel_label(c) for c in blocked)))
        return "\n".join(lines)


def channel_label(channel: ConsentChannel) -> str:
    return {
        ConsentChannel.EXCHANGE: translate("MediaGrid", "the exchange"),
        ConsentChannel.PUBLICATION: translate("MediaGrid", "publication"),
        ConsentChannel.REPORTS: translate("MediaGrid", "reports"),
    }[channel]
