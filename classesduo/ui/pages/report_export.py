"""Exporting a report from the GUI: ask for the file, then compute and write it off the GUI thread.

A PDF takes three steps, because QtCharts objects may only live on the GUI thread:
figures in a worker, charts recorded as pictures on the GUI thread, pages in a worker.
CSV and XLSX are one worker step.
"""

from __future__ import annotations

from pathlib import Path

from classesduo.domain.reports import ReportPeriod, ReportScope, ScopeKind
from classesduo.services.reports.data import ReportCancelled, build_report
from classesduo.services.reports.model import ReportData
from classesduo.services.workspace import Workspace
from classesduo.ui.dialogs import Dialogs
from classesduo.ui.operations import Operation, run_with_progress
from classesduo.ui.qt import QtCore, QtWidgets, Signal, translate

FORMATS = {"pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)"}


def file_name(period: ReportPeriod, scope: ReportScope, kind: str) -> str:
    when = period.term_label.replace("/", "-T") if period.term_label else f"{period.start}_{period.end}"
    what = scope.kind.value if scope.kind in (ScopeKind.PROGRAMME, ScopeKind.FACILITATOR, ScopeKind.DUO) \
        else f"{scope.kind.value}-{scope.value}"
    return f"classes-duo-{when}-{what}.{kind}"


class ReportExporter(QtCore.QObject):
    started = Signal()
    #: The path written, or "" when cancelled or failed (the error was already shown).
    finished = Signal(str)

    def __init__(self, parent: QtWidgets.QWidget, dialogs: Dialogs) -> None:
        super().__init__(parent)
        self.widget = parent
        self.dialogs = dialogs
        self.operation: Operation | None = None
        self.cancelled = False

    def export(self, workspace: Workspace, period: ReportPeriod, scope: ReportScope, kind: str, lang: str,
               semicolon: bool) -> None:
        suggested = Path(QtCore.QStandardPaths.writableLocation(
            QtCore.QStandardPaths.StandardLocation.DocumentsLocation)) / file_name(period, scope, kind)
        path = self.dialogs.save_file(self.widget, translate("ReportsPage", "Export the report"),
                                           str(suggested), FORMATS[kind])
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{kind}":
            target = target.with_name(target.name + f".{kind}")
        self.cancelled = False
        self.started.emit()

        def figures(progress, cancelled):  # noqa: ANN001, ANN202 - an operation
            return build_report(workspace.db, period, scope, media_root=workspace.media.root,
                                progress=progress, cancelled=cancelled)

        if kind == "pdf":
            self.operation = run_with_progress(self.widget, translate("ReportsPage", "Computing the figures…"),
                                               figures, lambda data: self._write(data, target, lang, False),
                                               self._failed)
            return

        def everything(progress, cancelled):  # noqa: ANN001, ANN202 - an operation
            from classesduo.services.reports.export import write_report

            write_report(figures(progress, cancelled), target, lang, semicolon=semicolon)
            return str(target)

        self.operation = run_with_progress(self.widget, translate("ReportsPage", "Writing the report…"),
                                           everything, self.finished.emit, self._failed)

    def _write(self, data: ReportData, target: Path, lang: str, semicolon: bool) -> None:
        from classesduo.services.reports.export import write_report
        from classesduo.services.reports.fonts import report_families
        from classesduo.services.reports.pdf import pdf_charts

        from classesduo.services.reports.fonts import font_warning

        report_families()
        charts = pdf_charts(data, lang)
        warning = font_warning(data)
        if warning:
            self.dialogs.info(self.widget, translate("ReportsPage", "Missing font"), warning)

        def pages(progress, cancelled):  # noqa: ANN001, ANN202 - an operation
            write_report(data, target, lang, semicolon=semicolon, progress=progress, cancelled=cancelled,
                         charts=charts)
            return str(target)

        self.operation = run_with_progress(self.widget, translate("ReportsPage", "Writing the report…"), pages,
                                           self.finished.emit, self._failed)

    def _failed(self, error: BaseException, details: str) -> None:
        if isinstance(error, ReportCancelled):
            self.cancelled = True
        else:
            self.dialogs.error(self.widget, translate("ReportsPage", "The report could not be written: {error}")
                               .format(error=error), details)
        self.finished.emit("")
