"""Retention: past the period, files, thumbnails and rows go; anonymous counts stay."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from classesduo.domain.enums import MediaKind, Side
from classesduo.services.media import list_media, thumbnail_path
from classesduo.services.media_retention import erase_expired, erased_counts, expired_duos
from classesduo.services.workspace import Workspace
from classesduo.storage.models import ExchangeSessionRow, SessionRevisionRow


def test_nothing_is_erased_before_the_period_ends(demo_workspace: Workspace) -> None:
    # Demo duos are of 2026-2027: over on 31 July 2027, kept one more school year.
    assert expired_duos(demo_workspace, date(2028, 7, 31), retention_years=1) == []
    assert expired_duos(demo_workspace, date(2028, 8, 1), retention_years=1)
    assert expired_duos(demo_workspace, date(2027, 8, 1), retention_years=0)


def test_erase_leaves_no_file_behind_and_keeps_counts(demo_workspace: Workspace) -> None:
    views = list_media(demo_workspace.db)
    assert views
    media_files = [demo_workspace.media.path_of(v.item.stored_name) for v in views]
    thumbs = [thumbnail_path(demo_workspace.paths.thumbnails_dir, v.item.file_hash) for v in views]
    for thumb in thumbs:
        thumb.parent.mkdir(parents=True, exist_ok=True)
        thumb.write_bytes(b"png")
    expected: dict[tuple[str, MediaKind, Side], int] = {}
    for view in views:
        key = (view.item.duo_id, view.item.kind, view.item.side)
        expected[key] = expected.get(key, 0) + 1
    with demo_workspace.db.reading() as session:
        counts_before = [(r.id, r.present_paris, r.present_partner, r.status)
                         for r in session.scalars(select(ExchangeSessionRow).order_by(ExchangeSessionRow.id))]

    result = erase_expired(demo_workspace, date(2028, 8, 1), retention_years=1)

    assert result.media_rows == len(views) and result.file_problems == []
    assert list_media(demo_workspace.db) == []
    assert not any(p.exists() for p in media_files + thumbs)
    assert [p for p in Path(demo_workspace.paths.media_dir).rglob("*") if p.is_file()] == []
    assert erased_counts(demo_workspace) == expected
    with demo_workspace.db.reading() as session:
        rows = session.scalars(select(ExchangeSessionRow).order_by(ExchangeSessionRow.id)).all()
        assert [(r.id, r.present_paris, r.present_partner, r.status) for r in rows] == counts_before
        assert all(r.activities == r.problems == r.follow_up == r.notes == "" for r in rows)
        assert session.scalars(select(SessionRevisionRow)).all() == []
    assert expired_duos(demo_workspace, date(2028, 8, 1)) == []


def test_erased_log_text_is_gone_from_the_database_file(demo_workspace: Workspace) -> None:
    import pytest

    if not demo_workspace.db.is_sqlite:
        pytest.skip("checks the SQLite file's bytes")
    marker = "Souvenir-unique-7f3a9c"
    with demo_workspace.db.transaction() as session:
        row = session.scalars(select(ExchangeSessionRow).where(ExchangeSessionRow.activities != "")).first()
        row.activities = marker
    with demo_workspace.db.engine.connect() as connection:  # the marker reaches the main database file
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert any(marker.encode() in p.read_bytes() for p in demo_workspace.paths.data_dir.glob("classesduo.sqlite3*"))
    erase_expired(demo_workspace, date(2028, 8, 1), retention_years=1)
    demo_workspace.db.dispose()
    data = b"".join(p.read_bytes() for p in demo_workspace.paths.data_dir.glob("classesduo.sqlite3*"))
    assert marker.encode() not in data


def test_reports_count_the_erased_media_in_their_period(demo_workspace: Workspace) -> None:
    """docs/media.md: erased media still count in reports, in the period they were dated in (31 → 0 before)."""
    from classesduo.domain.reports import ReportPeriod, ReportScope
    from classesduo.services.reports.data import build_report

    year = ReportPeriod(date(2026, 9, 1), date(2027, 8, 31))
    term = ReportPeriod(date(2026, 9, 1), date(2026, 12, 31), "2026-2027/1")
    as_of = date(2028, 9, 1)

    def shared(period: ReportPeriod) -> tuple[int, int]:
        headline = build_report(demo_workspace.db, period, ReportScope(), as_of=as_of).headline
        return headline.media_shared, headline.media_erased

    before_year, before_term = shared(year), shared(term)
    assert before_year[0] > 0 and before_year[1] == 0
    erase_expired(demo_workspace, date(2028, 8, 1), retention_years=1)
    assert shared(year) == (before_year[0], before_year[0])
    assert shared(term) == (before_term[0], before_term[0])
    assert shared(ReportPeriod(date(2029, 9, 1), date(2029, 12, 31)))[0] == 0
