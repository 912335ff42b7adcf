"""The report's two charts with QtCharts, for the preview and (as vectors) for the PDF."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6 import QtCharts, QtCore, QtGui, QtWidgets

from classesduo.services.reports.fonts import report_font
from classesduo.services.reports.labels import Labels
from classesduo.services.reports.model import ReportData

HELD_COLOUR = QtGui.QColor("#2a6f97")
PLANNED_COLOUR = QtGui.QColor("#a9c6de")


def over_time_chart(data: ReportData, label: Labels, font_size: float = 8) -> QtCharts.QChart:
    chart = _chart(label("section.over_time_week" if data.by_week else "section.over_time_month"), font_size)
    held = QtCharts.QBarSet(label("col.held"))
    held.setColor(HELD_COLOUR)
    held.append([float(count) for _, count in data.held_over_time])
    series = QtCharts.QBarSeries()
    series.append(held)
    series.setBarWidth(0.8)
    chart.addSeries(series)
    categories = [label.short_day(day) if data.by_week else label.month(day) for day, _ in data.held_over_time]
    axis_x = QtCharts.QBarCategoryAxis()
    axis_x.append(categories)
    axis_x.setTruncateLabels(False)
    if len(categories) > 8:
        axis_x.setLabelsAngle(-90)
    _axes(chart, series, axis_x, max((count for _, count in data.held_over_time), default=0), font_size)
    chart.legend().hide()
    return chart


def countries_chart(data: ReportData, label: Labels, font_size: float = 8) -> QtCharts.QChart:
    chart = _chart(label("section.countries"), font_size)
    lines = list(reversed(data.countries))  # horizontal bars are drawn bottom-up
    held, planned = QtCharts.QBarSet(label("col.held")), QtCharts.QBarSet(label("col.planned"))
    held.setColor(HELD_COLOUR)
    planned.setColor(PLANNED_COLOUR)
    held.append([float(line.sessions_held) for line in lines])
    planned.append([float(line.sessions_planned) for line in lines])
    series = QtCharts.QHorizontalBarSeries()
    series.append(held)
    series.append(planned)
    chart.addSeries(series)
    axis_y = QtCharts.QBarCategoryAxis()
    axis_y.append([label.country(line.country) for line in lines])
    axis_y.setLabelsFont(report_font(font_size))
    axis_y.setTruncateLabels(False)
    axis_x = _count_axis(max((line.sessions_planned for line in lines), default=0), font_size)
    chart.addAxis(axis_y, QtCore.Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(axis_x, QtCore.Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_y)
    series.attachAxis(axis_x)
    chart.legend().setFont(report_font(font_size))
    chart.legend().setAlignment(QtCore.Qt.AlignmentFlag.AlignBottom)
    return chart


def countries_chart_height(data: ReportData) -> float:
    return 110 + 24 * max(1, len(data.countries))


def render_chart(painter: QtGui.QPainter, chart: QtCharts.QChart, target: QtCore.QRectF) -> None:
    """Paint ``chart`` into ``target`` through a QGraphicsScene: vectors and real text on a PDF painter."""
    scene = QtWidgets.QGraphicsScene()
    scene.addItem(chart)
    chart.setGeometry(QtCore.QRectF(0, 0, target.width(), target.height()))
    scene.setSceneRect(QtCore.QRectF(0, 0, target.width(), target.height()))
    scene.render(painter, target, scene.sceneRect())
    scene.removeItem(chart)


@dataclass(frozen=True)
class ChartPictures:
    """The report's charts recorded as vector drawings, replayable on any painter, on any thread."""

    over_time: QtGui.QPicture
    over_time_height: float
    countries: QtGui.QPicture
    countries_height: float


def prepare_charts(data: ReportData, label: Labels, width: float, over_time_height: float = 230) -> ChartPictures:
    """Record both charts. QtCharts objects must be made on the GUI thread; pictures can travel."""
    countries_height = countries_chart_height(data)
    # A picture measures fonts at its own dpi (96 on most screens); the PDF is laid out in points (72 dpi).
    size = 8 * 72 / QtGui.QPicture().logicalDpiY()
    return ChartPictures(_record(over_time_chart(data, label, size), width, over_time_height), over_time_height,
                         _record(countries_chart(data, label, size), width, countries_height), countries_height)


def _record(chart: QtCharts.QChart, width: float, height: float) -> QtGui.QPicture:
    picture = QtGui.QPicture()
    painter = QtGui.QPainter(picture)
    render_chart(painter, chart, QtCore.QRectF(0, 0, width, height))
    painter.end()
    return picture


def _chart(title: str, font_size: float) -> QtCharts.QChart:
    chart = QtCharts.QChart()
    chart.setAnimationOptions(QtCharts.QChart.AnimationOption.NoAnimation)
    chart.setTitle(title)
    chart.setTitleFont(report_font(font_size + 2, bold=True))
    chart.setBackgroundRoundness(0)
    chart.setMargins(QtCore.QMargins(4, 4, 4, 4))
    return chart


def count_ticks(top: int, most: int = 5) -> tuple[int, int]:
    """The upper end and step of a whole-number axis from 0 showing ``top``: a step of 1, 2, 5, 10, 20, 50…
    so that there are at most ``most`` intervals (0–1 for nothing at all). Every tick is a distinct integer."""
    top = max(1, top)
    step = 1
    while True:
        for factor in (1, 2, 5):
            if -(-top // (step * factor)) <= most:
                size = step * factor
                return -(-top // size) * size, size
        step *= 10


def _count_axis(top: int, font_size: float) -> QtCharts.QValueAxis:
    """A whole-number axis from 0 to at least ``top`` (sessions counts): integer ticks only, labels never cut."""
    upper, step = count_ticks(top)
    axis = QtCharts.QValueAxis()
    axis.setLabelFormat("%d")
    axis.setLabelsFont(report_font(font_size))
    axis.setRange(0, upper)
    axis.setTickCount(upper // step + 1)
    axis.setMinorTickCount(0)
    axis.setTruncateLabels(False)
    return axis


def _axes(chart: QtCharts.QChart, series: QtCharts.QAbstractBarSeries, axis_x: QtCharts.QBarCategoryAxis,
          top: int, font_size: float) -> None:
    axis_x.setLabelsFont(report_font(font_size))
    axis_y = _count_axis(top, font_size)
    chart.addAxis(axis_x, QtCore.Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, QtCore.Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
