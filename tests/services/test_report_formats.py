"""The same figures in CSV, XLSX and PDF, read back with csv, openpyxl and pypdf."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest

from classesduo.domain.reports import ReportPeriod, ReportScope, ScopeKind
from classesduo.services.reports.csv_export import csv_text, neutralise, write_csv
from classesduo.services.reports.data import build_report
from classesduo.services.reports.export import format_of, write_report
from classesduo.services.reports.xlsx import sheet_name, write_xlsx
from tests.services.report_fixture import AS_OF, build_fixture

TERM = ReportPeriod(date(2026, 9, 1), date(2026, 12, 31), "2026-2027/1")


def _png() -> bytes:
    from PySide6 import QtCore, QtGui

    image = QtGui.QImage(64, 48, QtGui.QImage.Format.Format_RGB32)
    image.fill(QtGui.QColor("orange"))
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


@pytest.fixture
def data(workspace):  # noqa: ANN001, ANN201
    build_fixture(workspace)
    return build_report(workspace.db, TERM, ReportScope(), as_of=AS_OF, media_root=workspace.media.root)


def sections(path: Path, delimiter: str) -> dict[str, list[list[str]]]:
    """The CSV's tables by title: each section is a title row, a header row, then its rows."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=delimiter))
    out: dict[str, list[list[str]]] = {}
    blocks, block = [], []
    for row in rows + [[]]:
        if row:
            block.append(row)
        elif block:
            blocks.append(block)
            block = []
    for block in blocks[1:]:
        out[block[0][0]] = block[1:]
    return out


def test_csv_figures_french_excel(tmp_path: Path, data) -> None:  # noqa: ANN001
    path = tmp_path / "r.csv"
    write_csv(data, path, "fr", semicolon=True)
    tables = sections(path, ";")
    figures = dict(tables["Chiffres clés"][1:])
    assert figures["Séances tenues"] == "4" and figures["Séances prévues"] == "8"
    assert figures["Heures de visio"] == "2,3"  # decimal comma for French Excel
    assert figures["Enfants touchés à Paris"] == "45"
    duos = tables["Duos"]
    assert duos[0][0] == "École parisienne"
    assert ["École Émile-Zola", "11", "CM1 A", "Escuela Bernardino Rivadavia", "Buenos Aires", "Argentine",
            "Zoé Lefèvre", "actif", "3", "4", "31/12/2026", "25", "20", "'-Lettres de fin d'année"] in duos
    assert tables["Duos sans échange sur la période"][1][:2] == ["École Émile-Zola", "École Liberté 6"]


def test_csv_english_comma(tmp_path: Path, data) -> None:  # noqa: ANN001
    path = tmp_path / "r.csv"
    write_report(data, path, "en")
    tables = sections(path, ",")
    assert dict(tables["Key figures"][1:])["Hours of visio"] == "2.3"
    assert tables["Cancellation reasons"][1:] == [["not given", "1"], ["technical problem", "1"]]


@pytest.mark.parametrize("text", ["=1+2", "+33 1 23", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_injection_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text
    assert neutralise("Zoé") == "Zoé"


def test_csv_has_no_live_formula(data) -> None:  # noqa: ANN001
    rows = list(csv.reader(io.StringIO(csv_text(data, "en"))))
    cells = [cell for row in rows for cell in row]
    assert "'=HYPERLINK(\"http://x\")" in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


def test_xlsx_one_sheet_per_table(tmp_path: Path, data) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    path = tmp_path / "r.xlsx"
    write_xlsx(data, path, "en")
    book = load_workbook(path)
    assert book.sheetnames == ["Key figures", "Trend", "By arrondissement", "Cancellations",
                               "Sessions held over time", "By country", "By exchange kind", "By level", "By language",
                               "Facilitator workload", "Duos", "Duos with no exchange", "Consent"]
    figures = {row[0]: row[1] for row in book["Key figures"].iter_rows(min_row=7, values_only=True)}
    assert figures["Sessions held"] == 4 and figures["Hours of visio"] == 2.3
    assert figures["Children reached abroad"] == 37
    duos = list(book["Duos"].iter_rows(min_row=7, values_only=True))
    zola = next(row for row in duos if row[0] == "École Émile-Zola" and row[2] == "CM1 A")
    assert zola[10].date() == date(2026, 12, 31) and zola[13] == "-Lettres de fin d'année"
    injected = [cell for row in book["Duos"].iter_rows() for cell in row if cell.value == "=HYPERLINK(\"http://x\")"]
    assert injected and all(cell.data_type == "s" for cell in injected)  # text, not a formula


def test_sheet_names_are_valid_and_unique() -> None:
    used: set[str] = set()
    assert sheet_name("a/b:c?" + "x" * 40, used) == "a b c"
    assert sheet_name("y" * 40, used) == "y" * 31  # one word longer than Excel allows
    assert sheet_name("Duos", used) == "Duos" and sheet_name("duos", used) == "duos (2)"
    assert sheet_name("Duos sans échange sur la période", used) == "Duos sans échange sur la"  # between words


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_xlsx_made_on_whole_sheet_names_and_page_setup(tmp_path: Path, data, lang: str) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    from classesduo.services.reports.labels import SOURCES, labels_for
    from classesduo.services.reports.tables import report_tables

    label = labels_for(lang)
    path = tmp_path / "r.xlsx"
    write_xlsx(data, path, lang)
    book = load_workbook(path)
    titles = {table.sheet: table.title for table in report_tables(data, label)}
    assert book.sheetnames == list(titles)  # each sheet has its own whole name: nothing cut mid-word
    assert all(len(label(key)) <= 31 for key in SOURCES if key.startswith("sheet."))
    made_on = label("made_on", day="28/11/2026")
    for sheet in book.worksheets:
        assert sheet["A4"].value == made_on  # consent figures depend on that day
        assert sheet["A2"].value.startswith(titles[sheet.title])
        assert sheet.print_title_rows == "$6:$6" or sheet.print_title_rows == "6:6"
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert book["Duos"].page_setup.orientation == "landscape"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_one_date_format_per_language_in_csv_xlsx_and_pdf(qapp, tmp_path: Path, data, lang: str) -> None:  # noqa: ANN001
    from openpyxl import load_workbook

    write_report(data, tmp_path / "r.csv", lang)
    write_report(data, tmp_path / "r.xlsx", lang)
    write_report(data, tmp_path / "r.pdf", lang)
    shown = "31/12/2026"  # the last exchange of École Émile-Zola's duo, dd/MM/yyyy in fr_FR and en_GB
    csv_cells = [cell for row in csv.reader(io.StringIO((tmp_path / "r.csv").read_text("utf-8-sig"))) for cell in row]
    assert shown in csv_cells and "2026-12-31" not in csv_cells and "28/11/2026" in " ".join(csv_cells)
    dated = [cell for row in load_workbook(tmp_path / "r.xlsx")["Duos"].iter_rows() for cell in row
             if hasattr(cell.value, "year")]
    assert dated and {cell.number_format for cell in dated} == {"dd/mm/yyyy"}
    assert shown in text_of(tmp_path / "r.pdf")


def text_of(path: Path) -> str:
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return " ".join(text.split())  # pypdf gives tabs between words


def test_pdf_headline_and_accents(qapp, tmp_path: Path, workspace) -> None:  # noqa: ANN001
    ids = build_fixture(workspace, _png())
    report = build_report(workspace.db, TERM, ReportScope(), as_of=AS_OF, media_root=workspace.media.root)
    path = tmp_path / "r.pdf"
    write_report(report, path, "fr")
    text = text_of(path)
    assert "Trimestre 1, 2026-2027" in text and "Ensemble du programme" in text
    assert "École Émile-Zola" in text and "Zoé Lefèvre" in text and "Montréal" in text
    assert re.search(r"4\s*Séances tenues", text) and re.search(r"2,3\s*Heures de visio", text)
    assert re.search(r"45\s*Enfants touchés à Paris", text)
    assert "Lettres de fin d'année" in text and "\ufb01" not in text  # no "fi" ligature: searchable text
    pages = int(re.search(r"Page 1 sur (\d+)", text).group(1))
    assert pages >= 3 and f"Page {pages} sur {pages}" in text

    one = build_report(workspace.db, TERM, ReportScope(ScopeKind.DUO, ids.d1), as_of=AS_OF,
                       media_root=workspace.media.root)
    duo_path = tmp_path / "duo.pdf"
    write_report(one, duo_path, "en")
    from pypdf import PdfReader

    images = [image for page in PdfReader(duo_path).pages for image in page.images]
    duo_text = text_of(duo_path)
    assert "Timeline" in duo_text and "Photo a" in duo_text and images


def test_format_from_extension() -> None:
    assert format_of(Path("a.PDF")) == "pdf"
    with pytest.raises(ValueError, match="name it .pdf, .csv or .xlsx"):
        format_of(Path("a.txt"))


def test_cancelled_pdf_leaves_no_file(qapp, tmp_path: Path, data) -> None:  # noqa: ANN001
    from classesduo.services.reports.data import ReportCancelled

    out = tmp_path / "out"
    with pytest.raises(ReportCancelled):
        write_report(data, out / "r.pdf", "en", cancelled=lambda: True)
    assert list(out.iterdir()) == []  # neither the report nor its temporary file
