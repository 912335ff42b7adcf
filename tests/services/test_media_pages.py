"""The gallery paged by the database: the same items, order and count as filtering every item in Python.

The Python reference below applies the domain rules (``MediaView.day``, ``consent_filter_matches``)
to every item, as the Media page did before it paged; the SQL must agree with it on SQLite and
PostgreSQL, for every filter and across page boundaries.
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from hashlib import sha256

import pytest
from sqlalchemy import select

from classesduo.domain.consent import ConsentFilter, consent_filter_matches
from classesduo.domain.enums import ConsentStatus, MediaKind, Side
from classesduo.domain.terms import default_terms
from classesduo.services.demo import load_demo
from classesduo.services.media import MediaFilter, MediaView, list_media
from classesduo.services.media_pages import MediaQuery, consent_condition, count_media, media_page
from classesduo.services.workspace import Workspace
from classesduo.storage.models import ExchangeSessionRow, MediaItemRow
from tests.conftest import DEMO_TODAY

PARIS_MIDNIGHT_SEPT_1 = datetime(2026, 8, 31, 22, 0, tzinfo=UTC)  # 1 September 2026, 00:00 in Paris


def _row(duo_id: str, name: str, **fields: object) -> MediaItemRow:
    digest = sha256(name.encode()).hexdigest()
    values: dict[str, object] = {
        "id": f"test-{digest[:20]}", "duo_id": duo_id, "kind": MediaKind.PHOTO, "file_hash": digest,
        "stored_name": f"{digest[:2]}/{digest}.jpg", "original_name": name, "mime_type": "image/jpeg",
        "side": Side.PARIS, "consent_exchange": ConsentStatus.GRANTED,
        "consent_publication": ConsentStatus.GRANTED, "consent_reports": ConsentStatus.GRANTED}
    values.update(fields)
    return MediaItemRow(**values)


def _add_varied_items(workspace: Workspace) -> None:
    """Items the demo lacks: no date (the session's start or the import counts), Paris-midnight edges,
    ties on ``when`` with names that differ in case and accents, every consent end date."""
    with workspace.db.reading() as session:
        duo_id, session_id = session.execute(
            select(ExchangeSessionRow.duo_id, ExchangeSessionRow.id)
            .order_by(ExchangeSessionRow.start_utc).offset(40).limit(1)).one()
    rows = [
        _row(duo_id, "sans-date.jpg", session_id=session_id),  # when = the session's start
        _row(duo_id, "importé.jpg", created_at=datetime(2026, 10, 3, 9, 0, tzinfo=UTC)),  # when = the import
        _row(duo_id, "minuit.jpg", taken_at=PARIS_MIDNIGHT_SEPT_1, kind=MediaKind.VIDEO),  # first instant of term 1
        _row(duo_id, "veille.jpg", taken_at=PARIS_MIDNIGHT_SEPT_1 - timedelta(microseconds=1)),  # 31 August
        _row(duo_id, "noel.jpg", taken_at=datetime(2026, 12, 31, 22, 59, 59, tzinfo=UTC), side=Side.PARTNER),
        _row(duo_id, "nouvel-an.jpg", taken_at=datetime(2026, 12, 31, 23, 0, tzinfo=UTC)),  # 1 January in Paris
    ]
    tie = datetime(2026, 11, 5, 10, 0, tzinfo=UTC)
    for name in ("apple.jpg", "Apple.jpg", "éclair.jpg", "Zèbre.jpg", "zebre.jpg", "_x.jpg"):
        rows.append(_row(duo_id, name, taken_at=tie, kind=MediaKind.AUDIO, side=Side.PARTNER))
    statuses = list(ConsentStatus)
    ends = [None, DEMO_TODAY - timedelta(days=1), DEMO_TODAY, DEMO_TODAY + timedelta(days=200)]
    for number, (exchange, publication, reports, until) in enumerate(
            itertools.product(statuses, statuses, statuses, ends)):
        rows.append(_row(duo_id, f"consent-{number:03d}.jpg", taken_at=tie - timedelta(hours=number % 7),
                         session_id=session_id if number % 2 else None, kind=MediaKind.TEXT,
                         side=Side.PARIS if number % 3 else Side.PARTNER, consent_exchange=exchange,
                         consent_publication=publication, consent_reports=reports, consent_until=until))
    with workspace.db.transaction() as session:
        session.add_all(rows)


def _reference(workspace: Workspace, query: MediaQuery) -> list[MediaView]:
    """The Media page before paging: every item, filtered and sorted in Python by the domain rules."""
    today = query.today or DEMO_TODAY
    views = [
        view for view in list_media(workspace.db)
        if (query.duo_id is None or view.item.duo_id == query.duo_id)
        and (query.session_id is None or view.item.session_id == query.session_id)
        and (query.kind is None or view.item.kind is query.kind)
        and (query.side is None or view.item.side is query.side)
        and (query.start is None or view.day >= query.start)
        and (query.end is None or view.day <= query.end)
        and consent_filter_matches(view.item, query.consent, today)
    ]
    views.sort(key=lambda view: (view.when, view.item.original_name, view.item.id), reverse=query.descending)
    return views


def _ids(views: list[MediaView]) -> list[str]:
    return [view.item.id for view in views]


@pytest.fixture
def varied(workspace: Workspace) -> Workspace:
    load_demo(workspace, today=DEMO_TODAY)
    _add_varied_items(workspace)
    return workspace


def test_when_is_the_date_taken_else_the_session_else_the_import(varied: Workspace) -> None:
    with varied.db.reading() as session:
        raw = {row.id: row for row in session.execute(
            select(MediaItemRow.id, MediaItemRow.taken_at, MediaItemRow.created_at, ExchangeSessionRow.start_utc)
            .outerjoin(ExchangeSessionRow, MediaItemRow.session_id == ExchangeSessionRow.id))}
    views = list_media(varied.db)
    assert len(views) == len(raw) > 100
    for view in views:
        row = raw[view.item.id]
        assert view.when == (row.taken_at or row.start_utc or row.created_at)
    by_name = {view.item.original_name: view for view in views}
    assert by_name["importé.jpg"].when == datetime(2026, 10, 3, 9, 0, tzinfo=UTC)
    assert by_name["minuit.jpg"].day == date(2026, 9, 1) and by_name["veille.jpg"].day == date(2026, 8, 31)
    assert by_name["nouvel-an.jpg"].day == date(2027, 1, 1) and by_name["noel.jpg"].day == date(2026, 12, 31)


def test_pages_match_the_python_filters_for_every_combination(varied: Workspace) -> None:
    db = varied.db
    every = list_media(db)
    duo_id = every[0].item.duo_id
    session_id = next(view.item.session_id for view in every if view.item.session_id)
    term = default_terms("2026-2027")[0]  # 1 September – a Paris day in December
    queries = [MediaQuery()]
    queries += [MediaQuery(consent=wanted, today=DEMO_TODAY) for wanted in ConsentFilter]
    queries += [MediaQuery(consent=wanted, today=DEMO_TODAY + timedelta(days=1)) for wanted in ConsentFilter]
    queries += [MediaQuery(kind=kind) for kind in MediaKind]
    queries += [MediaQuery(side=side) for side in Side]
    queries += [MediaQuery(start=term.start, end=term.end), MediaQuery(start=date(2026, 9, 1)),
                MediaQuery(end=date(2026, 8, 31)), MediaQuery(start=date(2027, 1, 1), end=date(2027, 1, 1))]
    queries += [MediaQuery(duo_id=duo_id), MediaQuery(duo_id=duo_id, session_id=session_id),
                MediaQuery(duo_id=duo_id, start=term.start, end=term.end, side=Side.PARTNER,
                           consent=ConsentFilter.NEEDS_ATTENTION, today=DEMO_TODAY),
                MediaQuery(kind=MediaKind.TEXT, consent=ConsentFilter.PUBLISHABLE, today=DEMO_TODAY, descending=False)]
    sizes = set()
    for query in queries:
        expected = _ids(_reference(varied, query))
        sizes.add(len(expected))
        assert count_media(db, query) == len(expected), query
        for offset, limit in ((0, 7), (7, 7), (5, 30), (len(expected) - 3, 10), (len(expected), 5)):
            assert _ids(media_page(db, query, max(offset, 0), limit)) == expected[max(offset, 0):][:limit], query
        where = query.where
        if query.consent is ConsentFilter.ALL and query.descending:  # list_media filters the same way
            assert _ids(list_media(db, where=where)) == expected, query
    assert 0 in sizes and len(sizes) > 10  # the combinations really differ


def test_paged_views_carry_the_same_names_as_the_full_list(varied: Workspace) -> None:
    every = {view.item.id: view for view in list_media(varied.db)}
    page = media_page(varied.db, MediaQuery(), 3, 20)
    assert len(page) == 20 and all(every[view.item.id] == view for view in page)


def test_consent_sql_is_the_domain_rule(varied: Workspace) -> None:
    """Every status of every channel, with every kind of end date, on both sides of the end date."""
    items = {view.item.id: view.item for view in list_media(varied.db)}
    for wanted, on in itertools.product(ConsentFilter, (DEMO_TODAY, DEMO_TODAY + timedelta(days=1),
                                                        DEMO_TODAY + timedelta(days=365))):
        with varied.db.reading() as session:
            chosen = set(session.scalars(select(MediaItemRow.id).where(consent_condition(wanted, on))))
        assert chosen == {key for key, item in items.items() if consent_filter_matches(item, wanted, on)}, wanted


def test_a_consent_filter_needs_its_day() -> None:
    with pytest.raises(ValueError, match="today"):
        MediaQuery(consent=ConsentFilter.PUBLISHABLE)
    assert MediaFilter() == MediaQuery().where
