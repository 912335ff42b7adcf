"""XLSX: one sheet per table of the report, real numbers and dates, text never run as a formula."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from classesduo.services.reports.labels import labels_for
from classesduo.services.reports.model import ReportData
from classesduo.services.reports.tables import period_title, report_tables, scope_title
from classesduo.storage.atomic import write_bytes_atomic

_BAD_SHEET_CHARS = str.maketrans({char: " " for char in "[]:*?/\\"})


def sheet_name(title: str, used: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique; a longer title is cut between
    words, never inside one (the report's own sheet names are all short enough, see ``labels.py``)."""
    base = " ".join(title.translate(_BAD_SHEET_CHARS).split()) or "Sheet"
    base = _fit(base, 31)
    name, number = base, 2
    while name.casefold() in used:
        suffix = f" ({number})"
        name, number = _fit(base, 31 - len(suffix)) + suffix, number + 1
    used.add(name.casefold())
    return name


def _fit(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0].rstrip(" ,;—-")
    return cut if 0 < len(cut) <= limit else text[:limit]


#: Rows above each table: title, scope, period, "made on" (the day consent figures are judged on), a gap.
HEADER_ROW = 6


def xlsx_bytes(data: ReportData, lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    label = labels_for(lang)
    date_format = label.words.excel_date_format
    workbook = Workbook(write_only=False)
    bold = Font(bold=True)
    used: set[str] = set()
    first = True
    for table in report_tables(data, label):
        sheet = workbook.active if first else workbook.create_sheet()
        first = False
        sheet.title = sheet_name(table.sheet or table.title, used)
        sheet.append([label("title")])
        sheet.append([f"{table.title} — {scope_title(data, label)}"])
        sheet.append([period_title(data, label)])
        sheet.append([label("made_on", day=label.date(data.as_of))])
        sheet.append([])
        sheet.append(table.headers)
        for cell in sheet[HEADER_ROW]:
            cell.font = bold
        for row in table.rows:
            sheet.append(row)
        for line in sheet.iter_rows(min_row=1):
            for cell in line:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # openpyxl reads "=…" as a formula; keep it text
                elif isinstance(cell.value, date):
                    cell.number_format = date_format  # the same day format as the CSV and the PDF
        sheet.cell(1, 1).font = Font(bold=True, size=13)
        sheet.freeze_panes = f"A{HEADER_ROW + 1}"
        widths = []
        for index, header in enumerate(table.headers, start=1):
            longest = max([len(str(header))] + [len(_shown(row[index - 1], label)) for row in table.rows[:200]])
            widths.append(min(60, max(8, longest + 2)))
            sheet.column_dimensions[get_column_letter(index)].width = widths[-1]
        # Printing: the header row on every page, all columns on the page's width, landscape when wide.
        sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.orientation = "landscape" if sum(widths) > 90 else "portrait"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _shown(value: object, label) -> str:  # noqa: ANN001
    return label.date(value) if isinstance(value, date) else str(value if value is not None else "")


def write_xlsx(data: ReportData, path: Path, lang: str) -> None:
    write_bytes_atomic(path, xlsx_bytes(data, lang))
