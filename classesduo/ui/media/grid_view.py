"""The thumbnail grid: an icon-mode list view that accepts dropped files, with consent badges."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from classesduo.domain.consent import ConsentChannel, effective_status
from classesduo.domain.enums import ConsentStatus
from classesduo.ui.media.grid_model import RECORD_ROLE
from classesduo.ui.qt import QtCore, QtGui, QtWidgets, Signal, translate

_LETTERS = {ConsentChannel.EXCHANGE: "E", ConsentChannel.PUBLICATION: "P", ConsentChannel.REPORTS: "R"}
_COLORS = {ConsentStatus.REFUSED: QtGui.QColor("#c62828"), ConsentStatus.UNKNOWN: QtGui.QColor("#ef6c00")}


def badge_text(channel: ConsentChannel, status: ConsentStatus) -> str:
    """What a badge says: the channel's initial, with ✗ for refused/expired and ? for unknown."""
    return _LETTERS[channel] + ("✗" if status is ConsentStatus.REFUSED else "?")


class BadgeDelegate(QtWidgets.QStyledItemDelegate):
    """Paints the item, then a coloured badge per channel the item is not cleared for today."""

    def __init__(self, today: Callable[[], date], parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.today = today

    def paint(self, painter: QtGui.QPainter, option: QtWidgets.QStyleOptionViewItem,
              index: QtCore.QModelIndex) -> None:
        super().paint(painter, option, index)
        view = index.data(RECORD_ROLE)
        if view is None:
            return
        painter.save()
        font = painter.font()
        font.setBold(True)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        metrics = QtGui.QFontMetrics(font)
        x = option.rect.left() + 4
        y = option.rect.top() + 4
        for channel in ConsentChannel:
            status = effective_status(view.item, channel, self.today())
            if status is ConsentStatus.GRANTED:
                continue
            text = badge_text(channel, status)
            rect = QtCore.QRect(x, y, metrics.horizontalAdvance(text) + 8, metrics.height() + 2)
            painter.setPen(QtCore.Qt.PenStyle.NoPen)
            painter.setBrush(_COLORS[status])
            painter.drawRoundedRect(rect, 4, 4)
            painter.setPen(QtGui.QColor("white"))
            painter.drawText(rect, QtCore.Qt.AlignmentFlag.AlignCenter, text)
            x = rect.right() + 3
        painter.restore()


class MediaGridView(QtWidgets.QListView):
    files_dropped = Signal(list)  # of Path

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QtWidgets.QListView.ViewMode.IconMode)
        self.setIconSize(QtCore.QSize(160, 160))
        self.setGridSize(QtCore.QSize(184, 204))
        self.setResizeMode(QtWidgets.QListView.ResizeMode.Adjust)
        self.setMovement(QtWidgets.QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.setTextElideMode(QtCore.Qt.TextElideMode.ElideMiddle)
        self.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.DropOnly)
        self.setAccessibleName(translate("MediaGrid", "Media gallery"))

    @staticmethod
    def _local_files(mime: QtCore.QMimeData) -> list[Path]:
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []

    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:  # noqa: N802
        if self._local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QtGui.QDragMoveEvent) -> None:  # noqa: N802
        if self._local_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:  # noqa: N802
        files = self._local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            event.ignore()
