"""The PDF's metadata (title, author, language) and what it says when no font draws a name."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from classesduo.domain.reports import ReportPeriod, ReportScope, ScopeKind
from classesduo.services.reports import fonts
from classesduo.services.reports.data import build_report
from classesduo.services.reports.export import write_report
from classesduo.storage.models import DuoRow, SchoolRow
from tests.services.report_fixture import AS_OF, build_fixture

TERM = ReportPeriod(date(2026, 9, 1), date(2026, 12, 31), "2026-2027/1")


@pytest.mark.parametrize(("lang", "tag", "title", "author"), [
    ("fr", "fr", "Classes Duo — rapport d'activité", "Ville de Paris — programme Classes Duo"),
    ("en", "en-GB", "Classes Duo — activity report", "City of Paris — Classes Duo programme"),
])
def test_pdf_title_author_and_language(qapp, tmp_path: Path, workspace, lang: str, tag: str, title: str,  # noqa: ANN001
                                       author: str) -> None:
    from pypdf import PdfReader

    ids = build_fixture(workspace)
    data = build_report(workspace.db, TERM, ReportScope(ScopeKind.DUO, ids.d1), as_of=AS_OF)
    path = tmp_path / "duo.pdf"
    write_report(data, path, lang)
    reader = PdfReader(path)
    assert reader.metadata.title.startswith(title) and "École Émile-Zola" in reader.metadata.title
    assert reader.metadata.author == author
    assert reader.trailer["/Root"]["/Lang"] == tag
    assert "École Émile-Zola" in " ".join(reader.pages[0].extract_text().split())  # still a PDF with text after setting /Lang


def test_a_name_no_font_draws_is_reported(qapp, workspace, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    ids = build_fixture(workspace)
    with workspace.db.transaction() as session:
        partner_id = session.scalar(select(DuoRow.partner_class_id).where(DuoRow.id == ids.d2))
        from classesduo.storage.models import ClassGroupRow

        school_id = session.scalar(select(ClassGroupRow.school_id).where(ClassGroupRow.id == partner_id))
        session.get(SchoolRow, school_id).name = "서울 가락초등학교"
    latin = build_report(workspace.db, TERM, ReportScope(ScopeKind.DUO, ids.d1), as_of=AS_OF)
    korean = build_report(workspace.db, TERM, ReportScope(ScopeKind.DUO, ids.d2), as_of=AS_OF)
    monkeypatch.setattr(fonts, "_families", ["DejaVu Sans"])  # a machine without any CJK font
    assert fonts.font_warning(latin) == ""
    warning = fonts.font_warning(korean)
    assert "서" in warning and "fonts-noto-cjk" in warning and "boxes" in warning and "(s)" not in warning
    assert re.match(r"No font on this computer draws \d+ characters of this report", warning)  # as the GUI says


def test_japanese_and_korean_names_print_with_the_shipped_font(qapp, tmp_path: Path, workspace,  # noqa: ANN001
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Without any CJK font on the machine, Korean and Japanese school names still print as text."""
    from pypdf import PdfReader

    from classesduo.storage.models import ClassGroupRow

    monkeypatch.setattr(fonts, "CJK_FAMILIES", ())  # as on a machine with no CJK font installed
    monkeypatch.setattr(fonts, "_families", None)
    assert "Classes Duo CJK" in fonts.report_families()
    ids = build_fixture(workspace)
    names = {ids.d1: "서울 가락초등학교", ids.d2: "東京都立第一小学校"}
    with workspace.db.transaction() as session:
        for duo_id, name in names.items():
            partner_id = session.scalar(select(DuoRow.partner_class_id).where(DuoRow.id == duo_id))
            school_id = session.scalar(select(ClassGroupRow.school_id).where(ClassGroupRow.id == partner_id))
            session.get(SchoolRow, school_id).name = name
    data = build_report(workspace.db, TERM, ReportScope(), as_of=AS_OF)
    assert fonts.font_warning(data) == ""
    path = tmp_path / "r.pdf"
    write_report(data, path, "en")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    assert "서울 가락초등학교" in text and "東京都立第一小学校" in text
    monkeypatch.setattr(fonts, "_families", None)  # the next test finds the fonts afresh
