"""A tiny page-layout engine for QPdfWriter: flowing text, tables with repeated headers, page numbers.

Layout is done first into a list of drawing operations per page, so the footer
can say "page 3 of 12"; then the operations are painted in one pass. Units are
PDF points (the writer runs at 72 dpi).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6 import QtCore, QtGui

from classesduo.services.reports.fonts import report_font

Op = Callable[[QtGui.QPainter], None]
A4_WIDTH, A4_HEIGHT = 595.0, 842.0
MARGIN = 42.0
TOP, BOTTOM = MARGIN, A4_HEIGHT - MARGIN - 18
WIDTH = A4_WIDTH - 2 * MARGIN
PAD = 3.0
ACCENT = QtGui.QColor("#1f4e79")
SHADE = QtGui.QColor("#eef3f8")
HEADER_FILL = QtGui.QColor("#d9e4ef")
WRAP = int(QtCore.Qt.TextFlag.TextWordWrap)
LEFT = int(QtCore.Qt.AlignmentFlag.AlignLeft | QtCore.Qt.AlignmentFlag.AlignTop)
RIGHT = int(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignTop)
CENTRE = int(QtCore.Qt.AlignmentFlag.AlignHCenter | QtCore.Qt.AlignmentFlag.AlignTop)


class PageLayout:
    def __init__(self, device: QtGui.QPaintDevice) -> None:
        self.device = device
        self.pages: list[list[Op]] = [[]]
        self.y = TOP
        self._metrics: dict[tuple[float, bool], QtGui.QFontMetricsF] = {}
        self._fonts: dict[tuple[float, bool], QtGui.QFont] = {}

    # measuring -------------------------------------------------------------------------------------
    def font(self, size: float, bold: bool = False) -> QtGui.QFont:
        key = (size, bold)
        if key not in self._fonts:
            self._fonts[key] = report_font(size, bold)
            self._metrics[key] = QtGui.QFontMetricsF(self._fonts[key], self.device)
        return self._fonts[key]

    def height_of(self, text: str, width: float, size: float, bold: bool = False) -> float:
        self.font(size, bold)
        if not text:
            return self._metrics[(size, bold)].height()
        rect = self._metrics[(size, bold)].boundingRect(QtCore.QRectF(0, 0, width, 1e6), WRAP | LEFT, text)
        return rect.height()

    # flow ------------------------------------------------------------------------------------------
    def new_page(self) -> None:
        self.pages.append([])
        self.y = TOP

    def ensure(self, height: float) -> None:
        if self.y + height > BOTTOM and self.y > TOP:
            self.new_page()

    def add(self, op: Op) -> None:
        self.pages[-1].append(op)

    def space(self, height: float) -> None:
        self.y += height

    def text(self, text: str, size: float = 9, bold: bool = False, colour: QtGui.QColor | None = None,
             x: float = MARGIN, width: float = WIDTH, align: int = LEFT, keep_with: float = 0) -> None:
        height = self.height_of(text, width, size, bold)
        self.ensure(height + keep_with)
        self.draw_text(QtCore.QRectF(x, self.y, width, height), text, size, bold, colour, align)
        self.y += height

    def draw_text(self, rect: QtCore.QRectF, text: str, size: float, bold: bool = False,
                  colour: QtGui.QColor | None = None, align: int = LEFT) -> None:
        font = self.font(size, bold)
        pen = colour or QtGui.QColor("black")

        def op(painter: QtGui.QPainter) -> None:
            painter.setFont(font)
            painter.setPen(pen)
            painter.drawText(rect, align | WRAP, text)

        self.add(op)

    def fill(self, rect: QtCore.QRectF, colour: QtGui.QColor) -> None:
        self.add(lambda painter: painter.fillRect(rect, colour))

    def heading(self, text: str) -> None:
        self.space(10)
        self.text(text, size=13, bold=True, colour=ACCENT, keep_with=60)
        rule_y = self.y + 2
        self.add(lambda painter: (painter.setPen(QtGui.QPen(ACCENT, 0.8)),
                                  painter.drawLine(QtCore.QPointF(MARGIN, rule_y),
                                                   QtCore.QPointF(MARGIN + WIDTH, rule_y))))
        self.space(8)

    def block(self, height: float, draw: Callable[[QtGui.QPainter, QtCore.QRectF], None]) -> None:
        """Reserve ``height`` points across the page and paint with ``draw(painter, rect)``."""
        self.ensure(height)
        rect = QtCore.QRectF(MARGIN, self.y, WIDTH, height)
        self.add(lambda painter: draw(painter, rect))
        self.y += height

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
              right: Sequence[bool] = (), size: float = 8, empty: str = "",
              tick: Callable[[], None] | None = None) -> None:
        """A table over the page width; ``widths`` are fractions; the header repeats on each page."""
        total = sum(widths)
        columns = [WIDTH * w / total for w in widths]
        right = list(right) + [False] * (len(columns) - len(right))
        header_height = max(self.height_of(h, c - 2 * PAD, size, True) for h, c in zip(headers, columns, strict=True))
        header_height += 2 * PAD

        def draw_header() -> None:
            self.fill(QtCore.QRectF(MARGIN, self.y, WIDTH, header_height), HEADER_FILL)
            self._row(headers, columns, right, header_height, size, True)
            self.y += header_height

        if not rows:
            self.text(empty, size=size + 1)
            return
        first_height = self._row_height(rows[0], columns, size)
        self.ensure(header_height + first_height)
        draw_header()
        for index, row in enumerate(rows):
            height = self._row_height(row, columns, size)
            if self.y + height > BOTTOM:
                self.new_page()
                draw_header()
            if index % 2:
                self.fill(QtCore.QRectF(MARGIN, self.y, WIDTH, height), SHADE)
            self._row(row, columns, right, height, size, False)
            self.y += height
            if tick and index % 200 == 199:
                tick()
        self.space(4)

    def _row_height(self, row: Sequence[str], columns: Sequence[float], size: float) -> float:
        return max(self.height_of(text, width - 2 * PAD, size) for text, width in zip(row, columns, strict=True)) \
            + 2 * PAD

    def _row(self, row: Sequence[str], columns: Sequence[float], right: Sequence[bool], height: float,
             size: float, bold: bool) -> None:
        x = MARGIN
        for text, width, is_right in zip(row, columns, right, strict=True):
            if text:
                self.draw_text(QtCore.QRectF(x + PAD, self.y + PAD, width - 2 * PAD, height - 2 * PAD), text, size,
                               bold, align=RIGHT if is_right else LEFT)
            x += width

    # painting --------------------------------------------------------------------------------------
    def paint(self, painter: QtGui.QPainter, new_page: Callable[[], None], footer: Callable[[int, int], str],
              tick: Callable[[], None] | None = None) -> None:
        total = len(self.pages)
        font = self.font(8)
        for number, ops in enumerate(self.pages, start=1):
            if number > 1:
                new_page()
            for op in ops:
                op(painter)
            painter.setFont(font)
            painter.setPen(QtGui.QColor("#555555"))
            painter.drawText(QtCore.QRectF(MARGIN, A4_HEIGHT - MARGIN, WIDTH, 14), CENTRE, footer(number, total))
            if tick:
                tick()
