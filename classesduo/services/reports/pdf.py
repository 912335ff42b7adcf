"""The PDF report: an A4 title page, key figures, charts (QtCharts, as vectors), tables, page numbers.

Needs a QApplication (QtCharts does); the CLI calls :func:`fonts.ensure_application` first.
The file is written to a temporary name and moved into place, so a failure leaves no half PDF.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6 import QtCore, QtGui

from classesduo.services.clean_images import clean_image
from classesduo.services.reports.charts import ChartPictures, prepare_charts
from classesduo.services.reports.data import ReportCancelled
from classesduo.services.reports.labels import Labels, labels_for
from classesduo.services.reports.model import ReportData
from classesduo.services.reports.pdf_layout import ACCENT, MARGIN, SHADE, WIDTH, PageLayout
from classesduo.services.reports.tables import HEADLINE_KEYS, period_title, report_tables, scope_title

Progress = Callable[[int, int], None]
THUMB = 150.0


def write_pdf(data: ReportData, path: Path, lang: str, progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None, charts: ChartPictures | None = None) -> None:
    """Write the PDF. Without ``charts`` they are made here, which must then be the GUI thread
    (QtCharts crashes elsewhere); the GUI makes them with :func:`pdf_charts` and writes off-thread."""
    charts = charts or pdf_charts(data, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        _render(data, labels_for(lang), tmp_name, progress, cancelled, charts)
        set_language(Path(tmp_name), labels_for(lang).words.bcp47)
        os.replace(tmp_name, path)  # the writer is gone: its file is closed (Windows needs that)
    finally:
        with contextlib.suppress(OSError):
            Path(tmp_name).unlink(missing_ok=True)


def _render(data: ReportData, label: Labels, file_name: str, progress: Progress | None,
            cancelled: Callable[[], bool] | None, charts: ChartPictures) -> None:
    writer = QtGui.QPdfWriter(file_name)
    writer.setResolution(72)
    writer.setPageSize(QtGui.QPageSize(QtGui.QPageSize.PageSizeId.A4))
    writer.setPageMargins(QtCore.QMarginsF(0, 0, 0, 0))
    writer.setTitle(f"{label('title')} — {scope_title(data, label)} — {period_title(data, label)}")
    writer.setCreator("Classes Duo")
    writer.setAuthor(label("author"))
    layout = PageLayout(writer)
    steps = max(1, len(data.duos) // 200) + 4
    done = [0]

    def tick() -> None:
        if cancelled and cancelled():
            raise ReportCancelled
        done[0] += 1
        if progress:
            progress(min(done[0], steps), steps)

    _compose(layout, data, label, tick, charts)
    steps += len(layout.pages)
    painter = QtGui.QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write the PDF {file_name}")
    try:
        layout.paint(painter, writer.newPage, lambda page, pages: label("page", page=page, pages=pages), tick)
    finally:
        painter.end()


def set_language(path: Path, language: str) -> None:
    """Write the document's language (``/Lang`` of the catalog, e.g. "fr-FR"), which QPdfWriter cannot set:
    screen readers pick their voice from it, and it is the PDF's language metadata."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=str(path))
    writer._root_object[NameObject("/Lang")] = TextStringObject(language)  # noqa: SLF001 - pypdf's catalog
    with open(path, "wb") as handle:
        writer.write(handle)


def pdf_charts(data: ReportData, lang: str) -> ChartPictures:
    """The charts as the PDF draws them; call on the GUI thread (after ``fonts.report_families()``)."""
    return prepare_charts(data, labels_for(lang), WIDTH)


def _compose(layout: PageLayout, data: ReportData, label: Labels, tick: Callable[[], None],
             charts: ChartPictures) -> None:
    _title_page(layout, data, label)
    layout.new_page()
    layout.heading(label("section.headline"))
    _figures(layout, data, label)
    tables = {table.key: table for table in report_tables(data, label)}
    layout.heading(label("section.cancellations"))
    layout.table(tables["cancellations"].headers, _strings(tables["cancellations"].rows, label), [3, 1], [False, True],
                 empty=label("none"))
    tick()
    layout.space(8)
    layout.block(charts.over_time_height, lambda painter, rect: _picture(painter, rect, charts.over_time))
    layout.space(8)
    layout.block(charts.countries_height, lambda painter, rect: _picture(painter, rect, charts.countries))
    layout.heading(label("section.countries"))
    layout.table(tables["countries"].headers, _strings(tables["countries"].rows, label), [3, 1, 1, 1, 1.2],
                 [False, True, True, True, True], empty=label("none"))
    tick()
    for key in ("kinds", "levels", "languages", "facilitators"):
        table = tables[key]
        layout.heading(table.title)
        layout.table(table.headers, _strings(table.rows, label), [3] + [1] * (len(table.headers) - 1),
                     [False] + [True] * (len(table.headers) - 1), empty=label("none"))
    tick()
    layout.heading(label("section.duos"))
    layout.table(
        [label("col.duo"), label("col.facilitator"), f"{label('col.held')} / {label('col.planned')}", label("col.last_exchange"),
         label("col.children"), label("col.highlights")],
        [[f"{line.paris_school} ({label.arrondissement(line.arrondissement)}), {line.paris_class}\n"
          f"↔ {line.partner_school}, {line.partner_city} ({label.country(line.country)})",
          line.facilitator, f"{line.sessions_held} / {line.sessions_planned}", label.date(line.last_exchange),
          f"{line.children_paris} / {line.children_partner}", line.highlights] for line in data.duos],
        [3.7, 2.0, 1.1, 1.3, 1.4, 3.5], [False, False, True, False, True, False], size=7.5, empty=label("none"),
        tick=tick)
    layout.heading(label("section.quiet"))
    quiet = tables["quiet"]
    layout.table(quiet.headers, _strings(quiet.rows, label), [3, 3, 1.5, 1.6, 1, 1], [False] * 5 + [True],
                 size=7.5, empty=label("none"))
    layout.heading(label("section.consent"))
    layout.table(tables["consent"].headers, _strings(tables["consent"].rows, label), [3, 1, 1, 1, 1, 1],
                 [False] + [True] * 5, empty=label("none"))
    if data.is_single_duo:
        layout.heading(label("section.timeline"))
        timeline = tables["timeline"]
        layout.table(timeline.headers, _strings(timeline.rows, label), [1.2, 1, 1, 0.8, 1.4, 4.5],
                     [False, False, False, True, True, False], size=7.5, empty=label("none"))
        _photos(layout, data, label)
    tick()
    layout.heading(label("section.notes"))
    layout.text(label("notes"), size=8)


def _picture(painter: QtGui.QPainter, rect: QtCore.QRectF, picture: QtGui.QPicture) -> None:
    """Replay a recorded chart at its size: QPicture rescales from its own dpi to the device's, undo that."""
    device = painter.device()
    painter.save()
    painter.translate(rect.topLeft())
    painter.scale(picture.logicalDpiX() / device.logicalDpiX(), picture.logicalDpiY() / device.logicalDpiY())
    painter.drawPicture(0, 0, picture)
    painter.restore()


def _strings(rows: list[list[object]], label: Labels) -> list[list[str]]:
    def cell(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, date):
            return label.date(value)
        if isinstance(value, int | float):
            return label.number(value)
        return str(value)

    return [[cell(value) for value in row] for row in rows]


def _title_page(layout: PageLayout, data: ReportData, label: Labels) -> None:
    """Page 1, the City's summary: what the report covers, the headline rates, the trend against the term
    before and the same term a year earlier, and the per-arrondissement table."""
    layout.fill(QtCore.QRectF(0, 0, WIDTH + 2 * MARGIN, 96), ACCENT)
    layout.draw_text(QtCore.QRectF(MARGIN, 28, WIDTH, 34), "Classes Duo", 22, True, QtGui.QColor("white"))
    layout.draw_text(QtCore.QRectF(MARGIN, 62, WIDTH, 22), label("subtitle"), 11, False, QtGui.QColor("white"))
    layout.y = 112
    layout.text(label("title"), size=16, bold=True, colour=ACCENT)
    layout.space(4)
    layout.text(scope_title(data, label), size=12, bold=True)
    layout.space(2)
    layout.text(period_title(data, label), size=10)
    layout.text(label("made_on", day=label.date(data.as_of)), size=9, colour=QtGui.QColor("#555555"))
    layout.heading(label("section.summary"))
    _rate_cards(layout, data, label)
    tables = {table.key: table for table in report_tables(data, label)}
    if "trend" in tables:
        layout.heading(label("section.trend"))
        trend = tables["trend"]
        layout.table(trend.headers, _strings(trend.rows, label), [3.2] + [1.6] * (len(trend.headers) - 1),
                     [False] + [True] * (len(trend.headers) - 1), size=7.5)
    if "arrondissements" in tables and len(data.by_arrondissement) > 1:
        layout.heading(label("section.arrondissements"))
        table = tables["arrondissements"]
        layout.table(table.headers, _strings(table.rows, label), [1.7, 0.8, 1, 1, 1.1, 1.2, 1.2, 1.3],
                     [False] + [True] * 7, size=7.5)


def _rate_cards(layout: PageLayout, data: ReportData, label: Labels) -> None:
    """The four headline rates as cards: held, reached, attendance, cancellations."""
    rates, words = data.rates, label.words
    attendance = f"{words.percent(rates.attendance_paris)} / {words.percent(rates.attendance_partner)}"
    cards = [
        (words.percent(rates.held_rate), label("card.held", held=rates.sessions_held, due=rates.sessions_due)),
        (f"{words.percent(rates.reach_paris)} / {words.percent(rates.reach_partner)}",
         label("card.reach", reached=label.number(rates.children_paris + rates.children_partner),
               enrolled=label.number(rates.enrolled_paris + rates.enrolled_partner))),
        (attendance, label("card.attendance")),
        (words.percent(rates.cancellation_rate), label("card.cancellation", cancelled=rates.sessions_cancelled)),
    ]
    gap, height = 8.0, 62.0
    width = (WIDTH - gap * (len(cards) - 1)) / len(cards)
    layout.ensure(height + gap)
    for column, (value, text) in enumerate(cards):
        x = MARGIN + column * (width + gap)
        layout.fill(QtCore.QRectF(x, layout.y, width, height), SHADE)
        layout.draw_text(QtCore.QRectF(x + 6, layout.y + 4, width - 12, 24), value, 15, True, ACCENT)
        layout.draw_text(QtCore.QRectF(x + 6, layout.y + 27, width - 12, height - 29), text, 7.5)
    layout.space(height + gap)


def _figures(layout: PageLayout, data: ReportData, label: Labels) -> None:
    """Key figures as a grid of cards, four per row."""
    per_row, gap, height = 4, 8.0, 58.0
    width = (WIDTH - gap * (per_row - 1)) / per_row
    for start in range(0, len(HEADLINE_KEYS), per_row):
        layout.ensure(height + gap)
        for column, key in enumerate(HEADLINE_KEYS[start:start + per_row]):
            x = MARGIN + column * (width + gap)
            layout.fill(QtCore.QRectF(x, layout.y, width, height), SHADE)
            layout.draw_text(QtCore.QRectF(x + 6, layout.y + 4, width - 12, 24),
                             label.number(getattr(data.headline, key)), 17, True, ACCENT)
            layout.draw_text(QtCore.QRectF(x + 6, layout.y + 28, width - 12, height - 30), label(f"h.{key}"), 7.5)
        layout.space(height + gap)


def _photos(layout: PageLayout, data: ReportData, label: Labels) -> None:
    layout.heading(label("section.photos"))
    if not data.photos:
        layout.text(label("none"))
        return
    per_row = 3
    gap = (WIDTH - per_row * THUMB) / (per_row - 1)
    for start in range(0, len(data.photos), per_row):
        layout.ensure(THUMB + 30)
        for column, photo in enumerate(data.photos[start:start + per_row]):
            image = clean_image(photo.path, 400)  # pixels only: no author, GPS or comment reaches the PDF
            if image is None:
                continue
            x = MARGIN + column * (THUMB + gap)
            box = QtCore.QRectF(x, layout.y, THUMB, THUMB)
            size = image.size().scaled(int(THUMB), int(THUMB), QtCore.Qt.AspectRatioMode.KeepAspectRatio)
            target = QtCore.QRectF(x + (THUMB - size.width()) / 2, layout.y + (THUMB - size.height()) / 2,
                                   size.width(), size.height())
            layout.fill(box, SHADE)
            layout.add(lambda painter, target=target, image=image: painter.drawImage(target, image))
            caption = " — ".join(part for part in (label.date(photo.day), photo.caption) if part)
            layout.draw_text(QtCore.QRectF(x, layout.y + THUMB + 2, THUMB, 26), caption, 7)
        layout.space(THUMB + 32)
