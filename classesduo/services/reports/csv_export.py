"""CSV: every table of the report one after the other, each under its title, in one UTF-8 file with a BOM.

Excel opens a UTF-8 file correctly only with the BOM; French Excel expects
``;`` as the separator (``semicolon=True``, which also writes decimal commas).
Text cells that a spreadsheet would run as a formula are neutralised.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from classesduo.services.reports.labels import labels_for
from classesduo.services.reports.model import ReportData
from classesduo.services.reports.tables import Cell, period_title, report_tables, scope_title
from classesduo.storage.atomic import write_bytes_atomic

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Prefix a quote to text a spreadsheet would read as a formula (CSV injection, OWASP)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(data: ReportData, lang: str, semicolon: bool = False) -> str:
    label = labels_for(lang)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if semicolon else ",", lineterminator="\r\n")

    def cell(value: Cell) -> str:
        if value is None:
            return ""
        if isinstance(value, date):
            return label.date(value)  # the language's format, as in the XLSX and the PDF
        if isinstance(value, float):
            return f"{value:.1f}".replace(".", ",") if semicolon else f"{value:.1f}"
        if isinstance(value, int):
            return str(value)
        return neutralise(value)

    writer.writerow([neutralise(label("title"))])
    writer.writerow([neutralise(scope_title(data, label))])
    writer.writerow([neutralise(period_title(data, label))])
    writer.writerow([label("made_on", day=label.date(data.as_of))])
    for table in report_tables(data, label):
        writer.writerow([])
        writer.writerow([neutralise(table.title)])
        writer.writerow([neutralise(header) for header in table.headers])
        writer.writerows([cell(value) for value in row] for row in table.rows)
    return buffer.getvalue()


def write_csv(data: ReportData, path: Path, lang: str, semicolon: bool = False) -> None:
    write_bytes_atomic(path, ("\ufeff" + csv_text(data, lang, semicolon)).encode("utf-8"))
