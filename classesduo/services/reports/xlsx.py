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
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique."""
    base = title.translate(_BAD_SHEET_CHARS).strip()[:31] or "Sheet"
    name, number = base, 2
    while name.casefold() in used:
        suffix = f" ({number})"
        name, number = base[:31 - len(suffix)] + suffix, number + 1
    used.add(name.casefold())
    return name


def xlsx_bytes(data: ReportData, lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    label = labels_for(lang)
    workbook = Workbook(write_only=False)
    bold = Font(bold=True)
    used: set[str] = set()
    first = True
    for table in report_tables(data, label):
        sheet = workbook.active if first else workbook.create_sheet()
        first = False
        sheet.title = sheet_name(table.title, used)
        sheet.append([label("title")])
        sheet.append([scope_title(data, label)])
        sheet.append([period_title(data, label)])
        sheet.append([])
        sheet.append(table.headers)
        for cell in sheet[5]:
            cell.font = bold
        for row in table.rows:
            sheet.append(row)
        for line in sheet.iter_rows(min_row=1):
            for cell in line:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # openpyxl reads "=…" as a formula; keep it text
                elif isinstance(cell.value, date):
                    cell.number_format = "DD/MM/YYYY" if lang == "fr" else "YYYY-MM-DD"
        sheet.cell(1, 1).font = Font(bold=True, size=13)
        sheet.freeze_panes = "A6"
        for index, header in enumerate(table.headers, start=1):
            longest = max([len(str(header))] + [len(str(row[index - 1] or "")) for row in table.rows[:200]])
            sheet.column_dimensions[get_column_letter(index)].width = min(60, max(8, longest + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_xlsx(data: ReportData, path: Path, lang: str) -> None:
    write_bytes_atomic(path, xlsx_bytes(data, lang))
