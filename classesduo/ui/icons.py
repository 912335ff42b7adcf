"""One icon set: line drawings shipped as SVG in ``resources/icons``, drawn in the palette's text colour.

Each area of the window has its own (``home``, ``schools``, ``duos``, ``calendar``, ``log``, ``media``,
``reports``). The SVGs stroke with ``currentColor``; :func:`icon` puts the current palette's window-text
colour in its place and renders crisp pixmaps for every size, so they follow light and dark appearance.
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


def icon(name: str, colour: QtGui.QColor | None = None) -> QtGui.QIcon:
    """The icon ``name`` in ``colour`` (default: the application palette's window text)."""
    if colour is None:
        colour = QtGui.QGuiApplication.palette().color(QtGui.QPalette.ColorRole.WindowText)
    from PySide6.QtSvg import QSvgRenderer  # drawn as vectors at each size: crisp at any scale

    renderer = QSvgRenderer(QtCore.QByteArray(_svg(name).replace("currentColor", colour.name()).encode("utf-8")))
    result = QtGui.QIcon()
    if not renderer.isValid():
        return result
    for size in SIZES:
        image = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QtCore.Qt.GlobalColor.transparent)
        painter = QtGui.QPainter(image)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        result.addPixmap(QtGui.QPixmap.fromImage(image))
    return result
