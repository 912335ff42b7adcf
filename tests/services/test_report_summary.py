"""The City's summary: rates, trend, per-arrondissement table, breakdowns — against figures worked out by hand
from report_fixture.py (term 1 of 2026-2027, made on 28/11/2026)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from classesduo.domain.enums import SessionKind, SessionStatus
from classesduo.domain.reports import ReportPeriod, ReportScope, comparison_periods
from classesduo.services.reports.data import build_report
from classesduo.services.reports.export import write_report
from classesduo.storage.models import ExchangeSessionRow
from tests.services.report_fixture import AS_OF, build_fixture

TERM = ReportPeriod(date(2026, 9, 1), date(2026, 12, 31), "2026-2027/1")


@pytest.fixture
def ids(workspace):  # noqa: ANN001, ANN201
    ids = build_fixture(workspace)
    with workspace.db.transaction() as session:  # one held exchange in the term before (2025-2026/3)
        session.add(ExchangeSessionRow(duo_id=ids.d1, kind=SessionKind.VISIO, minutes=45, status=SessionStatus.HELD,
                                       start_utc=datetime(2026, 5, 12, 12, tzinfo=UTC), present_paris=20,
                                       present_partner=10))
    return ids


def test_headline_rates(workspace, ids) -> None:  # noqa: ANN001
    rates = build_report(workspace.db, TERM, ReportScope(), as_of=AS_OF).rates
    # 8 planned, of which 2 (1 and 8 December) are still to come on 28 November: 6 due, 4 held.
    assert (rates.sessions_planned, rates.sessions_due, rates.sessions_held) == (8, 6, 4)
    assert rates.held_rate == pytest.approx(4 / 6)
    # Classes of the three duos: Paris 25 + 22 + 26, partner 20 + 18 + 30; reached 45 and 37.
    assert (rates.enrolled_paris, rates.enrolled_partner) == (73, 68)
    assert rates.reach_paris == pytest.approx(45 / 73) and rates.reach_partner == pytest.approx(37 / 68)
    # Held with a Paris count: 24/25, 22/25, 20/22; with a partner count: 18/20, 20/20, 19/20, 17/18.
    assert rates.attendance_paris == pytest.approx(66 / 72)
    assert rates.attendance_partner == pytest.approx(74 / 78)
    assert rates.cancellation_rate == pytest.approx(2 / 6)


def test_trend_against_the_term_before_and_a_year_earlier(workspace, ids) -> None:  # noqa: ANN001
    data = build_report(workspace.db, TERM, ReportScope(), as_of=AS_OF)
    assert [(line.kind, line.period.term_label) for line in data.trend] == [
        ("current", "2026-2027/1"), ("previous", "2025-2026/3"), ("year_before", "2025-2026/1")]
    current, previous, year_before = (line.rates for line in data.trend)
    assert current == data.rates
    assert (previous.sessions_held, previous.sessions_due, previous.held_rate) == (1, 1, 1.0)
    assert year_before.sessions_held == 0 and year_before.held_rate is None  # nothing to divide by: no rate
    custom = ReportPeriod(date(2026, 10, 1), date(2026, 10, 31))
    assert comparison_periods(custom, {}) == (ReportPeriod(date(2026, 8, 31), date(2026, 9, 30)),
                                              ReportPeriod(date(2025, 10, 1), date(2025, 10, 31)))


def test_arrondissements_and_breakdowns(workspace, ids) -> None:  # noqa: ANN001
    data = build_report(workspace.db, TERM, ReportScope(), as_of=AS_OF)
    arr = {g.key: g for g in data.by_arrondissement}
    assert list(arr) == ["10", "11"]
    assert (arr["10"].duos, arr["10"].sessions_planned, arr["10"].sessions_held, arr["10"].sessions_cancelled) == (
        1, 3, 1, 1)
    assert (arr["11"].duos, arr["11"].sessions_planned, arr["11"].sessions_held) == (2, 5, 3)
    assert (arr["11"].children_paris, arr["11"].enrolled_paris, arr["11"].cancellation_rate) == (25, 51, 0.25)
    kinds = {g.key: (g.sessions_planned, g.sessions_held, g.sessions_cancelled) for g in data.by_kind}
    assert kinds == {"visio": (6, 3, 2), "email": (1, 1, 0), "letter": (1, 0, 0)}
    workload = {g.key: (g.duos, g.sessions_planned, g.sessions_held, g.sessions_cancelled)
                for g in data.by_facilitator}
    assert workload == {"Zoé Lefèvre": (2, 5, 3, 1), '=HYPERLINK("http://x")': (1, 3, 1, 1)}
    assert [(g.key, g.duos) for g in data.by_level] == [("CM1", 3)]
    countries = {g.key: g.cancellation_rate for g in data.by_country}
    assert countries == {"AR": 0.25, "CA": 0.5, "SN": None}


def _pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_the_pdf_opens_with_the_summary(qapp, tmp_path: Path, workspace, ids) -> None:  # noqa: ANN001
    data = build_report(workspace.db, TERM, ReportScope(), as_of=AS_OF)
    path = tmp_path / "r.pdf"
    write_report(data, path, "fr")
    first, *rest = _pdf_pages(path)
    assert "Synthèse" in first and "67 %" in first and "62 % / 54 %" in first and "33 %" in first
    assert "Trimestre précédent (2025-2026/3)" in first and "Un an plus tôt (2025-2026/1)" in first
    assert "Par arrondissement" in first and re.search(r"11e 2 5 3 25,0 25 51 49,0", first)
    body = " ".join(rest)
    for title in ("Par type d'échange", "Par niveau de classe (Paris)", "Par langue des duos",
                  "Charge des intervenant·es"):  # the app's word for facilitators
        assert title in body
    write_report(data, tmp_path / "r.xlsx", "en")
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "r.xlsx")
    assert {"Trend", "By arrondissement", "By exchange kind", "Facilitator workload"} <= set(book.sheetnames)
    trend = {row[0]: row[1:] for row in book["Trend"].iter_rows(min_row=7, values_only=True)}
    assert trend["Held / planned and due (%)"] == (66.7, 100.0, None)


def test_only_visios_count_as_hours_of_visio_by_kind(workspace, ids) -> None:  # noqa: ANN001
    """A held e-mail or letter has a length (time spent writing), but no hour of visio: the kinds' column adds
    up to the headline's hours of visio."""
    data = build_report(workspace.db, TERM, ReportScope(), as_of=AS_OF)
    minutes = {g.key: g.visio_minutes for g in data.by_kind}
    assert minutes["email"] == 0 and minutes["letter"] == 0
    assert minutes["visio"] == data.headline.visio_minutes > 0
