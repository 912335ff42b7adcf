"""Children's-drawing-like pictures the demo draws itself, so it ships no image files.

Only QtGui's raster painting is used (no fonts, no QApplication needed), so
``classesduo demo`` works headless.
"""

from __future__ import annotations

import random

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from classesduo.services.clean_images import new_image

PALETTE = ["#e63946", "#f1c40f", "#2a9d8f", "#264653", "#f4a261", "#6a4c93", "#1982c4", "#8ac926"]


def draw_picture(seed: int, width: int = 640, height: int = 480) -> bytes:
    """A deterministic PNG: sky, ground, a house, a sun and a few flowers."""
    rng = random.Random(seed)
    image = new_image(width, height)
    image.fill(QColor("#dff3ff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#333333"), 4))
    painter.setBrush(QColor(rng.choice(["#8ac926", "#a7c957", "#6a994e"])))
    painter.drawRect(0, int(height * 0.7), width, height)
    painter.setBrush(QColor("#ffd60a"))
    sun = rng.randint(40, 90)
    painter.drawEllipse(QPointF(width * rng.uniform(0.65, 0.9), height * 0.18), sun, sun)
    house_x, house_w = width * rng.uniform(0.1, 0.35), width * 0.3
    painter.setBrush(QColor(rng.choice(PALETTE)))
    painter.drawRect(int(house_x), int(height * 0.45), int(house_w), int(height * 0.27))
    painter.setBrush(QColor(rng.choice(PALETTE)))
    roof = QPolygonF([QPointF(house_x - 20, height * 0.45), QPointF(house_x + house_w / 2, height * 0.25),
                      QPointF(house_x + house_w + 20, height * 0.45)])
    painter.drawPolygon(roof)
    for _ in range(rng.randint(3, 7)):
        x, y = rng.uniform(0.5, 0.95) * width, rng.uniform(0.75, 0.92) * height
        painter.setPen(QPen(QColor("#2d6a4f"), 3))
        painter.drawLine(QPointF(x, y), QPointF(x, y - 40))
        painter.setPen(QPen(Qt.PenStyle.NoPen))  # setPen(PenStyle) leaks a None reference in PySide6 6.12
        painter.setBrush(QColor(rng.choice(PALETTE)))
        painter.drawEllipse(QPointF(x, y - 45), 14, 14)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
