"""One entry point for every format: the file's extension picks the writer."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from classesduo.services.reports.model import ReportData

FORMATS = (".pdf", ".csv", ".xlsx")


def format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"cannot tell the report format from {path.name!r}: name it .pdf, .csv or .xlsx")
    return suffix[1:]


def write_report(data: ReportData, path: Path, lang: str, *, semicolon: bool = False,
                 progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None, charts: object = None) -> None:
    """Write ``data`` to ``path``.

    A PDF needs a QApplication (``fonts.ensure_application``) and its charts made on the GUI thread:
    pass ``charts=pdf.pdf_charts(data, lang)`` when writing from a worker thread.
    """
    kind = format_of(path)
    if kind == "pdf":
        from classesduo.services.reports.pdf import write_pdf

        write_pdf(data, path, lang, progress, cancelled, charts)  # type: ignore[arg-type]
    elif kind == "csv":
        from classesduo.services.reports.csv_export import write_csv

        write_csv(data, path, lang, semicolon)
    else:
        from classesduo.services.reports.xlsx import write_xlsx

        write_xlsx(data, path, lang)
    _private(path)


def _private(path: Path) -> None:
    """A report describes children's exchanges: readable by its owner only (0600), like everything the app
    writes; the user shares it on purpose (e-mail, a shared folder), not through the file's mode."""
    if os.name == "posix":
        path.chmod(0o600)
