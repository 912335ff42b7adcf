"""Sessions paged by the database: the same rows, order and count as filtering the whole list in Python."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from classesduo.domain.enums import SessionStatus
from classesduo.services.log_queries import to_log
from classesduo.services.session_pages import (
    SORT_KEYS,
    SessionQuery,
    count_sessions,
    duo_names,
    session_page,
)
from classesduo.services.sessions import list_sessions
from classesduo.services.views import SessionView
from classesduo.services.workspace import Workspace

LOGGED = (SessionStatus.HELD, SessionStatus.CANCELLED, SessionStatus.POSTPONED)


def _ids(views: list[SessionView]) -> list[str]:
    return [view.session.id for view in views]


def _matches(view: SessionView, word: str) -> bool:
    paris, partner = view.duo_label.split(" ↔ ")
    fields = (paris, partner, view.partner_city, view.facilitator, view.session.log.activities,
              view.session.log.notes)
    return any(word.casefold() in field.casefold() for field in fields)


def test_logged_sessions_newest_first_page_by_page(demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    every = list_sessions(db, statuses=LOGGED)
    assert len(every) > 30
    expected = _ids(sorted(every, key=lambda v: (v.session.start_utc, v.session.id), reverse=True))
    query = SessionQuery(statuses=LOGGED, sort="start", descending=True)
    assert count_sessions(db, query) == len(every)
    assert _ids(session_page(db, query, 0, 10)) == expected[:10]
    assert _ids(session_page(db, query, 10, 10)) == expected[10:20]
    assert _ids(session_page(db, query, len(every) - 3, 10)) == expected[-3:]
    assert session_page(db, query, len(every), 10) == []
    # the views carry the same names as the full list
    first = session_page(db, query, 0, 1)[0]
    assert first == next(view for view in every if view.session.id == first.session.id)


def test_text_filter_matches_every_word_in_names_city_facilitator_activities_notes(
        demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    every = list_sessions(db, statuses=LOGGED)
    city = every[0].partner_city
    activity_word = next(word for view in every for word in view.session.log.activities.split() if len(word) > 4)
    for text in (city.upper(), activity_word.lower(), f"{city} {activity_word}", "%", "zz_no_such_thing"):
        words = text.split()
        expected = [view for view in every if all(_matches(view, word) for word in words)]
        query = SessionQuery(statuses=LOGGED, text=text)
        assert count_sessions(db, query) == len(expected), text
        assert set(_ids(session_page(db, query, 0, 10_000))) == set(_ids(expected)), text
    assert count_sessions(db, SessionQuery(statuses=LOGGED, text=city)) < len(every)


def test_names_loaded_once_give_the_same_rows_and_count(demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    names = duo_names(db)
    city = list_sessions(db, statuses=LOGGED)[0].partner_city
    for text in ("", city, f"{city.upper()} a", "zz_none"):
        query = SessionQuery(statuses=LOGGED, text=text, sort="duo")
        assert count_sessions(db, query, names) == count_sessions(db, query), text
        assert _ids(session_page(db, query, 0, 7, names)) == _ids(session_page(db, query, 0, 7)), text


@pytest.mark.parametrize("key", sorted(SORT_KEYS))
def test_every_sort_key_orders_the_rows_both_ways(demo_workspace: Workspace, key: str) -> None:
    db = demo_workspace.db
    values = {
        "start": lambda v: v.session.start_utc,
        "duo": lambda v: v.duo_label.split(" ↔ ")[0],
        "kind": lambda v: v.session.kind.value,
        "minutes": lambda v: v.session.minutes,
        "status": lambda v: v.session.status.value,
        "facilitator": lambda v: v.facilitator,
        "present": lambda v: v.session.log.present_paris if v.session.log.present_paris is not None else -1,
        "activities": lambda v: v.session.log.activities,
    }
    query = SessionQuery(statuses=LOGGED, sort=key)
    total = count_sessions(db, query)
    rows = session_page(db, query, 0, total)
    assert len(rows) == total and [values[key](v) for v in rows] == sorted(values[key](v) for v in rows)
    down = session_page(db, replace(query, descending=True), 0, total)
    assert [values[key](v) for v in down] == sorted((values[key](v) for v in rows), reverse=True)


def test_still_to_log_is_the_past_sessions_already_over(demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    planned = list_sessions(db, statuses=(SessionStatus.PLANNED,))
    assert planned
    # an instant in the middle of a planned session: that one is not "to log" yet
    running = planned[len(planned) // 2].session
    for now in (running.start_utc + timedelta(minutes=1), running.start_utc + timedelta(minutes=running.minutes)):
        query = SessionQuery(statuses=(SessionStatus.PLANNED,), ended_by=now)
        expected = _ids(sorted(to_log(db, now), key=lambda v: (v.session.start_utc, v.session.id)))
        assert _ids(session_page(db, query, 0, 10_000)) == expected
        assert count_sessions(db, query) == len(expected)
    assert running.id in expected


def test_unknown_sort_key_is_refused(demo_workspace: Workspace) -> None:
    with pytest.raises(ValueError, match="unknown sort key"):
        session_page(demo_workspace.db, SessionQuery(sort="colour"))


def test_the_filter_ignores_accents_and_case(demo_workspace) -> None:  # noqa: ANN001
    """On every database: names are folded in Python, the sessions' text when it is written."""
    from classesduo.domain.enums import SessionStatus
    from classesduo.services.session_pages import SessionQuery, count_sessions

    logged = (SessionStatus.HELD, SessionStatus.CANCELLED, SessionStatus.POSTPONED)
    accented = count_sessions(demo_workspace.db, SessionQuery(statuses=logged, text="Béranger"))
    assert accented > 0
    assert count_sessions(demo_workspace.db, SessionQuery(statuses=logged, text="beranger")) == accented
    assert count_sessions(demo_workspace.db, SessionQuery(statuses=logged, text="ECOLE BERANGER")) == accented
    assert count_sessions(demo_workspace.db, SessionQuery(statuses=logged, text="présentation")) == \
        count_sessions(demo_workspace.db, SessionQuery(statuses=logged, text="presentation")) > 0


def test_lists_and_pages_build_no_orm_object_per_session(demo_workspace: Workspace) -> None:
    """Sessions are read as plain rows: a calendar month or a page costs no mapped object per session."""
    from sqlalchemy import event

    from classesduo.services.session_pages import SessionQuery, session_page
    from classesduo.storage.models import ExchangeSessionRow

    loaded: list[object] = []

    def count(target: object, _context: object) -> None:
        loaded.append(target)

    event.listen(ExchangeSessionRow, "load", count)
    try:
        views = list_sessions(demo_workspace.db)
        page = session_page(demo_workspace.db, SessionQuery(), 0, 50)
    finally:
        event.remove(ExchangeSessionRow, "load", count)
    assert len(views) > 50 and len(page) == 50
    assert loaded == []
    assert [v.session.id for v in page] == [v.session.id for v in sorted(
        views, key=lambda v: (v.session.start_utc, v.session.id))][:50]
