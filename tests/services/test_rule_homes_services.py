"""The services follow the domain's single rules: status meanings in the workload, the Highlights, the series end."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from classesduo.domain.entities import ExchangeSession, SessionLog
from classesduo.domain.enums import SessionKind, SessionStatus
from classesduo.domain.exchange_log import LogEntry
from classesduo.services import exchange_log, facilitators, terms
from classesduo.services.sessions import list_sessions, save_session
from classesduo.services.workload import facilitator_workload, paris_week
from classesduo.services.workspace import Workspace
from tests.services.report_fixture import build_fixture
from tests.services.test_reports_data import report

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)  # a Wednesday of the demo year


def test_postponing_a_visio_within_the_week_leaves_the_workload_unchanged(demo_workspace: Workspace) -> None:
    db = demo_workspace.db
    start, end = paris_week(NOW)
    view = next(s for s in list_sessions(db, start=start, end=end)
                if s.session.status is SessionStatus.PLANNED and s.session.kind is SessionKind.VISIO
                and s.session.start_utc + timedelta(days=1) < end)
    person = next(p.id for p in facilitators.list_facilitators(db) if p.name == view.facilitator)
    before = facilitator_workload(db, NOW)[person].sessions_this_week
    new_start = view.session.start_utc + timedelta(hours=2)
    exchange_log.log_session(db, view.session.id, LogEntry(SessionStatus.POSTPONED, SessionLog(), new_start),
                             now=view.session.start_utc - timedelta(days=1))
    # the postponed one no longer takes anyone's time; the new planned one does
    assert facilitator_workload(db, NOW)[person].sessions_this_week == before


def test_highlights_ignore_an_earlier_exchanges_text(workspace: Workspace) -> None:
    ids = build_fixture(workspace)
    assert {line.duo_id: line.highlights for line in report(workspace).duos}[ids.d2] == "Quiz sur Montréal"
    save_session(workspace.db, ExchangeSession(duo_id=ids.d2, kind=SessionKind.EMAIL,
                                               start_utc=datetime(2026, 11, 20, 9, tzinfo=UTC),
                                               status=SessionStatus.HELD, minutes=30))
    assert {line.duo_id: line.highlights for line in report(workspace).duos}[ids.d2] == ""


def test_a_series_ends_with_the_last_stored_term(workspace: Workspace) -> None:
    assert terms.school_year_end(workspace.db, date(2026, 10, 1)) == date(2027, 7, 10)  # default terms
    third = next(t for t in terms.ensure_default_terms(workspace.db, "2026-2027") if t.number == 3)
    terms.update_term_dates(workspace.db, replace(third, end=date(2027, 7, 3)))
    assert terms.school_year_end(workspace.db, date(2026, 10, 1)) == date(2027, 7, 3)
