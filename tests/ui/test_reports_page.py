"""The Reports page: choose, preview, export off the GUI thread; edit a term's dates."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from classesduo.domain.reports import ReportScope, ScopeKind
from classesduo.services.errors import ValidationError
from classesduo.services.reports.data import build_report
from classesduo.services.terms import list_terms, update_term_dates
from classesduo.ui.main_window import AREAS
from classesduo.ui.term_dates_dialog import TermDatesDialog, to_qdate

from .conftest import FakeDialogs


class SavingDialogs(FakeDialogs):
    """Answers the file dialog with a path chosen by the test."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.saves: list[str] = []

    def save_file(self, parent: object, title: str, suggested: str, filters: str) -> str:
        self.saves.append(suggested)
        return str(self.path)


def open_reports(make_window, qtbot, data_dir: Path, dialogs: FakeDialogs):  # noqa: ANN001, ANN201
    window = make_window(data_dir, dialogs)
    page = window.pages["reports"]
    with qtbot.waitSignal(page.preview_ready, timeout=20_000):
        window.nav.setCurrentRow([area.key for area in AREAS].index("reports"))
        page.schedule_preview()
    return window, page


def test_preview_and_csv_export_match(make_window, qtbot, demo_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    dialogs = SavingDialogs(tmp_path / "programme")  # no extension: the page adds .csv
    window, page = open_reports(make_window, qtbot, demo_dir, dialogs)
    expected = build_report(window.workspace.db, page.current_period(), ReportScope())
    assert page.period_combo.currentText().startswith("Term ")
    held = page.preview.figure_labels["sessions_held"].text()
    assert f">{expected.headline.sessions_held}<" in held and "Sessions held" in held
    assert page.preview.tables["duos"].rowCount() == len(expected.duos) > 0

    page.lang_combo.setCurrentIndex(page.lang_combo.findData("en"))
    page.semicolon_check.setChecked(False)
    with qtbot.waitSignal(page.exported, timeout=20_000) as exported:
        page.export_buttons["csv"].click()
    assert exported.args == [str(tmp_path / "programme.csv")]
    assert dialogs.saves[0].endswith(".csv") and not dialogs.errors
    rows = list(csv.reader(io.StringIO((tmp_path / "programme.csv").read_text(encoding="utf-8-sig"))))
    assert ["Sessions held", str(expected.headline.sessions_held)] in rows
    assert ["Duos in the report", str(expected.headline.duos)] in rows
    assert "programme.csv" in page.status_label.text()


def test_scope_and_pdf_export(make_window, qtbot, demo_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    from pypdf import PdfReader

    dialogs = SavingDialogs(tmp_path / "canada.pdf")
    window, page = open_reports(make_window, qtbot, demo_dir, dialogs)
    with qtbot.waitSignal(page.preview_ready, timeout=20_000):
        page.scope_combo.setCurrentIndex(page.scope_combo.findData(ScopeKind.COUNTRY.value))
    assert page.scope_value_combo.isVisible()
    with qtbot.waitSignal(page.preview_ready, timeout=20_000):
        page.scope_value_combo.setCurrentIndex(page.scope_value_combo.findData("CA"))
    assert page.current_scope() == ReportScope(ScopeKind.COUNTRY, "CA")
    countries = page.preview.tables["countries"]
    assert countries.rowCount() == 1
    with qtbot.waitSignal(page.exported, timeout=30_000):
        page.export_buttons["pdf"].click()
    text = " ".join("".join(p.extract_text() for p in PdfReader(tmp_path / "canada.pdf").pages).split())
    assert "Canada" in text and "Montréal" in text and not dialogs.errors


def test_custom_range_is_validated(make_window, qtbot, demo_dir: Path) -> None:  # noqa: ANN001
    _, page = open_reports(make_window, qtbot, demo_dir, FakeDialogs())
    page.period_combo.setCurrentIndex(page.period_combo.findData("custom"))
    assert page.from_edit.isEnabled() and not page.edit_term_button.isEnabled()
    page.from_edit.setDate(to_qdate(date(2026, 11, 1)))
    page.to_edit.setDate(to_qdate(date(2026, 10, 1)))
    page.start_preview()
    assert "end date is before the start date" in page.status_label.text()
    assert not page.export_buttons["pdf"].isEnabled()
    with qtbot.waitSignal(page.preview_ready, timeout=20_000):
        page.to_edit.setDate(to_qdate(date(2026, 11, 30)))
    assert page.current_period().start == date(2026, 11, 1) and page.export_buttons["pdf"].isEnabled()


def test_term_dates_dialog(qtbot, demo_workspace) -> None:  # noqa: ANN001
    term = list_terms(demo_workspace.db)[0]
    dialog = TermDatesDialog(term, lambda edited: update_term_dates(demo_workspace.db, edited))
    qtbot.addWidget(dialog)
    dialog.end_edit.setDate(to_qdate(date(2027, 1, 15)))  # runs into term 2
    dialog.accept()
    assert dialog.saved is None and "overlap term 2" in dialog.error_label.text()
    dialog.end_edit.setDate(to_qdate(date(2026, 12, 18)))
    dialog.accept()
    assert dialog.saved is not None and list_terms(demo_workspace.db)[0].end == date(2026, 12, 18)


def test_term_dates_service_refuses_bad_dates(demo_workspace) -> None:  # noqa: ANN001
    term = list_terms(demo_workspace.db)[0]
    with pytest.raises(ValidationError) as caught:
        update_term_dates(demo_workspace.db, replace(term, start=date(2026, 12, 1), end=date(2026, 11, 1)))
    assert caught.value.for_field("end")
    with pytest.raises(ValidationError):
        update_term_dates(demo_workspace.db, replace(term, start=date(2026, 7, 1)))


def test_empty_database_offers_the_demo(make_window, data_dir: Path) -> None:  # noqa: ANN001
    window = make_window(data_dir)
    page = window.pages["reports"]
    assert page.stack.currentWidget() is page.empty and "demo" in page.empty.label.text()


def test_export_failure_is_reported(make_window, qtbot, demo_dir: Path, tmp_path: Path) -> None:  # noqa: ANN001
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialogs = SavingDialogs(blocker / "report.xlsx")  # its folder is a file: cannot be written
    _, page = open_reports(make_window, qtbot, demo_dir, dialogs)
    with qtbot.waitSignal(page.exporter.finished, timeout=20_000) as finished:
        page.export_buttons["xlsx"].click()
    assert finished.args == [""] and len(dialogs.errors) == 1 and "could not be written" in dialogs.errors[0]
    assert page.export_buttons["xlsx"].isEnabled() and not (blocker / "report.xlsx").exists()


def test_one_duo_preview_has_timeline_and_photos(make_window, qtbot, demo_dir: Path) -> None:  # noqa: ANN001
    from classesduo.ui.qt import QtCore

    _, page = open_reports(make_window, qtbot, demo_dir, FakeDialogs())
    with qtbot.waitSignal(page.preview_ready, timeout=20_000):
        page.scope_combo.setCurrentIndex(page.scope_combo.findData(ScopeKind.DUO.value))
    with qtbot.waitSignal(page.preview_ready, timeout=20_000):
        page.scope_value_combo.setCurrentIndex(page.scope_value_combo.findText(
            "École élémentaire Buffon", QtCore.Qt.MatchFlag.MatchStartsWith))
    data = page.preview.data
    assert data.is_single_duo and data.photos
    assert page.preview.tables["timeline"].rowCount() == len(data.timeline) > 0
    titles = [page.preview.tabs.tabText(index) for index in range(page.preview.tabs.count())]
    assert titles[-1] == f"Photos ({len(data.photos)})"
