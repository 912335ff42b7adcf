"""One icon set: line drawings shipped as SVG in ``resources/icons``, drawn in the palette's text colour.

Each area of the window has its own (``home``, ``schools``, ``duos``, ``calendar``, ``log``, ``media``,
``reports``). The SVGs stroke with ``currentColor``; :func:`icon` puts the current palette's window-text
colour in its place and draws each size when it is first shown (crisp at any size and scale), so they follow light and dark appearance.
"""

from __future__ import annotations

from functools import cache

from classesduo.paths import resources_dir
from classesduo.ui.qt import QtCore, QtGui

SIZES = (16, 20, 24, 32, 48, 64)


@cache
def _svg(name: str) -> str:
    return (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


def names() -> list[str]:
    return sorted(path.stem for path in (resources_dir() / "icons").glob("*.svg"))


class _SvgIconEngine(QtGui.QIconEngine):
    """Draws the coloured SVG at the size asked, when asked (each size once): building the window renders
    nothing, and an icon is crisp at any size and device pixel ratio, not only at ``SIZES``."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._pixmaps: dict[tuple[int, int, QtGui.QIcon.Mode], QtGui.QPixmap] = {}

    def _renderer(self):  # noqa: ANN202 - a QSvgRenderer (QtSvg imported on the first drawing)
        from PySide6.QtSvg import QSvgRenderer

        return QSvgRenderer(QtCore.QByteArray(self._svg))

    def paint(self, painter: QtGui.QPainter, rect: QtCore.QRect, mode: QtGui.QIcon.Mode,
              state: QtGui.QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = self.pixmap(rect.size() * ratio, mode, state)
        painter.drawPixmap(rect, pixmap)

    def pixmap(self, size: QtCore.QSize, mode: QtGui.QIcon.Mode, state: QtGui.QIcon.State) -> QtGui.QPixmap:
        key = (size.width(), size.height(), mode)
        if key not in self._pixmaps:
            image = QtGui.QImage(size, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(QtCore.Qt.GlobalColor.transparent)
            painter = QtGui.QPainter(image)
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            self._renderer().render(painter)
            painter.end()
            pixmap = QtGui.QPixmap.fromImage(image)
            if mode != QtGui.QIcon.Mode.Normal:  # disabled, selected…: as the style draws them
                from PySide6.QtWidgets import QApplication, QStyleOption

                pixmap = QApplication.style().generatedIconPixmap(mode, pixmap, QStyleOption())
            self._pixmaps[key] = pixmap
        return self._pixmaps[key]

    def actualSize(self, size: QtCore.QSize, mode: QtGui.QIcon.Mode, state: QtGui.QIcon.State) -> QtCore.QSize:  # noqa: N802
        return size

    def availableSizes(self, mode: QtGui.QIcon.Mode = QtGui.QIcon.Mode.Normal,  # noqa: N802
                       state: QtGui.QIcon.State = QtGui.QIcon.State.Off) -> list[QtCore.QSize]:
        return [QtCore.QSize(size, size) for size in SIZES]

    def clone(self) -> _SvgIconEngine:
        return _SvgIconEngine(self._svg)


def icon(name: str, colour: QtGui.QColor | None = None) -> QtGui.QIcon:
    """The icon ``name`` in ``colour`` (default: the application palette's window text)."""
    if colour is None:
        colour = QtGui.QGuiApplication.palette().color(QtGui.QPalette.ColorRole.WindowText)
    return QtGui.QIcon(_SvgIconEngine(_svg(name).replace("currentColor", colour.name()).encode("utf-8")))
