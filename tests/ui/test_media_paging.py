"""The gallery reads its items a page at a time: lazy fetching, the real count, selection and editing kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from hashlib import sha256
from pathlib import Path

import pytest

from classesduo.domain.consent import ConsentFilter
from classesduo.domain.enums import ConsentStatus, MediaKind, Side
from classesduo.services.media_pages import MediaQuery, count_media, media_page
from classesduo.services.workspace import open_workspace
from classesduo.storage.models import MediaItemRow
from classesduo.ui.media.grid_model import PAGE_SIZE, RECORD_ROLE
from classesduo.ui.qt import QtCore

EXTRA = 2 * PAGE_SIZE + 40  # more than two pages in one duo


@pytest.fixture
def big_dir(demo_dir: Path) -> Path:
    """The demo plus EXTRA photos (without files) in its first duo, one an hour, two thirds cleared for publication."""
    workspace = open_workspace(str(demo_dir))
    try:
        with workspace.db.transaction() as session:
            duo_id = session.scalar(MediaItemRow.__table__.select().with_only_columns(MediaItemRow.duo_id).limit(1))
            for number in range(EXTRA):
                digest = sha256(f"extra-{number}".encode()).hexdigest()
                publication = ConsentStatus.UNKNOWN if number % 3 == 0 else ConsentStatus.GRANTED
                session.add(MediaItemRow(
                    id=f"extra-{number:04d}", duo_id=duo_id, kind=MediaKind.PHOTO, file_hash=digest,
                    stored_name=f"{digest[:2]}/{digest}.jpg", original_name=f"photo-{number:04d}.jpg",
                    mime_type="image/jpeg", side=Side.PARIS,
                    taken_at=datetime(2026, 9, 2, 10, 0, tzinfo=UTC) + timedelta(hours=number),
                    consent_exchange=ConsentStatus.GRANTED, consent_publication=publication,
                    consent_reports=ConsentStatus.GRANTED))
    finally:
        workspace.close()
    return demo_dir


def _media_page(window):  # noqa: ANN001, ANN202
    window.nav.setCurrentRow(5)
    return window.pages["media"]


def _ids(page) -> list[str]:  # noqa: ANN001
    return [view.item.id for view in page.model.records()]


def test_the_gallery_opens_with_one_page_and_counts_every_item(make_window, big_dir: Path, qtbot) -> None:  # noqa: ANN001
    window = make_window(big_dir)
    page = _media_page(window)
    db = window.workspace.db
    total = count_media(db, MediaQuery())
    assert total > EXTRA and page.model.rowCount() == PAGE_SIZE
    qtbot.waitUntil(lambda: page.count_label.text() == f"{total} items", timeout=10_000)  # counted in the background
    assert _ids(page) == [view.item.id for view in media_page(db, MediaQuery(), 0, PAGE_SIZE)]

    bar = page.grid.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolled to the end: the view asks for the next page
    assert page.model.rowCount() == 2 * PAGE_SIZE
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.rowCount() == total and len(set(_ids(page))) == total
    assert _ids(page) == [view.item.id for view in media_page(db, MediaQuery(), 0, total)]
    assert page.count_label.text() == f"{total} items"


def test_filters_query_the_database_and_the_label_shows_their_total(make_window, big_dir: Path,  # noqa: ANN001
                                                                    qtbot) -> None:
    window = make_window(big_dir)
    page = _media_page(window)
    db = window.workspace.db
    big_duo = next(view.item.duo_id for view in media_page(db, MediaQuery(), 0, 1000) if view.item.id == "extra-0000")
    page.filters.duo.setCurrentIndex(page.filters.duo.findData(big_duo))
    page.filters.consent.setCurrentIndex(page.filters.consent.findData(ConsentFilter.PUBLISHABLE))
    query = page.filters.query(page.today())
    expected = count_media(db, query)
    assert PAGE_SIZE < expected < EXTRA  # the filter really cut, and still more than a page
    qtbot.waitUntil(lambda: page.count_label.text() == f"{expected} items", timeout=10_000)
    assert page.model.rowCount() == PAGE_SIZE
    page.filters.kind.setCurrentIndex(page.filters.kind.findData(MediaKind.DRAWING))  # one page or less: no count to wait for
    small = count_media(db, page.filters.query(page.today()))
    assert page.model.rowCount() == small < PAGE_SIZE and page.count_label.text() == (f"{small} items" if small != 1 else "1 item")
    assert not page.model.canFetchMore()


def test_an_item_far_down_stays_selected_and_is_refreshed_when_saved(make_window, big_dir: Path) -> None:  # noqa: ANN001
    window = make_window(big_dir)
    page = _media_page(window)
    page.model.fetchMore()
    page.model.fetchMore()
    row = PAGE_SIZE + 30  # on the second page
    page.grid.setCurrentIndex(page.model.index(row))
    view = page.panel.view
    assert view is not None and view.item.id == page.model.records()[row].item.id
    page.panel.caption.setText("Tout en bas de la galerie")
    page.panel.save_button.click()
    assert page.model.index(row).data(RECORD_ROLE).item.caption == "Tout en bas de la galerie"

    page.filters.side.setCurrentIndex(page.filters.side.findData(Side.PARIS))  # reloads from the first page
    current = page.grid.currentIndex()
    assert current.isValid() and current.data(RECORD_ROLE).item.id == view.item.id
    assert page.panel.view is not None and page.panel.view.item.caption == "Tout en bas de la galerie"


def test_only_painted_rows_ask_for_a_thumbnail(make_window, big_dir: Path, qtbot) -> None:  # noqa: ANN001
    page = _media_page(make_window(big_dir))
    asked: list[str] = []
    original = page.loader.request
    page.loader.request = lambda key, *args: (asked.append(key), original(key, *args))  # type: ignore[method-assign]
    page.model.forget_thumbnails()
    page.reload_media()
    page.grid.viewport().repaint()
    qtbot.waitUntil(lambda: bool(asked), timeout=5_000)
    assert page.model.rowCount() == PAGE_SIZE and 0 < len(set(asked)) < PAGE_SIZE / 2


def test_paged_grid_model_is_a_valid_qt_model(make_window, big_dir: Path, qtmodeltester) -> None:  # noqa: ANN001
    page = _media_page(make_window(big_dir))
    assert page.model.canFetchMore(QtCore.QModelIndex())
    qtmodeltester.check(page.model)
    assert page.model.rowCount() >= PAGE_SIZE
